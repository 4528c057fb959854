"""Read the processed tables with their schema dtypes (the only way notebooks should load data)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config


def _schemas():
    from .schemas import SCHEMAS

    return SCHEMAS


def load(name: str, directory: Path | None = None) -> pd.DataFrame:
    """``load("deployments")``: a processed table, typed as its schema says."""
    schemas = _schemas()
    if name not in schemas:
        raise KeyError(f"no table {name!r}; known tables: {', '.join(sorted(schemas))}")
    path = Path(directory or config.PROCESSED) / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: run `make build` first")
    schema = schemas[name]
    raw = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    from .schemas import coerce

    return schema.validate(coerce(name, raw))
