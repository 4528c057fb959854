"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from foi_analysis import config

SEEDS = config.SHARED / "seeds"


@pytest.fixture
def seeds() -> Path:
    if not (SEEDS / "truth").is_dir():
        pytest.skip("../shared/seeds is not here (it is source material, not part of the product)")
    return SEEDS


@pytest.fixture
def truth(seeds) -> dict[str, dict]:
    """The hand-checked readings, keyed by reference."""
    out = {}
    for path in sorted((seeds / "truth").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        out[rec["reference"]] = rec
    return out


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A scratch copy of data/raw to break on purpose."""
    dest = tmp_path / "raw"
    shutil.copytree(config.RAW, dest)
    return dest
