"""The whole test session runs on a frozen corpus of its own, never on data/raw/.

Before anything imports foi_analysis (config reads FOI_ANALYSIS_ROOT once, at import), this file
points FOI_ANALYSIS_ROOT at a scratch project: tests/fixtures/corpus/data/raw (the five seed
records and the 2020-22 and 2023-24 grids) and the repository's notebooks. Its tables are built
once per session. Kernels started by papermill and nbval inherit the variable, so the notebooks
read the same corpus. Analysts adding records to data/raw/ therefore change no test's expected
figures; tests that read the real data use ``config.REPOSITORY`` and check invariants only.

Tests that read ../shared skip cleanly when it is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


def make_project(root: Path, raw: Path = CORPUS / "data" / "raw") -> Path:
    """A project folder for FOI_ANALYSIS_ROOT: a copy of ``raw`` and the repository's notebooks."""
    shutil.copytree(raw, root / "data" / "raw")
    (root / "notebooks").symlink_to(REPOSITORY / "notebooks", target_is_directory=True)
    return root


_SESSION_ROOT = make_project(Path(tempfile.mkdtemp(prefix="foi-analysis-tests-")) / "project")
os.environ["FOI_ANALYSIS_ROOT"] = str(_SESSION_ROOT)

from foi_analysis import config  # noqa: E402  (after the variable is set, on purpose)

assert config.ROOT == _SESSION_ROOT.resolve(), "foi_analysis was imported before tests/conftest.py set its root"
SEEDS = config.SHARED / "seeds"


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_ROOT.parent, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def corpus() -> Path:
    """The test corpus's tables, built once; its project root."""
    from foi_analysis import build
    from foi_analysis.report import kernel

    if not config.PROCESSED.exists():
        build.build()
    kernel.ensure()  # nbval and papermill start the project's kernel by name
    return config.ROOT


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
    """A scratch copy of the test corpus's data/raw to break on purpose."""
    dest = tmp_path / "raw"
    shutil.copytree(config.RAW, dest)
    return dest
