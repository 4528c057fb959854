"""Every processed table: its pandera schema, ``coerce``/``validate``, and ``load`` (how notebooks read data).

``validate(name, df)`` splits a table into the rows that pass and ``Rejection``s for those that
fail, so a bad row is quarantined with its reason rather than dropped or fatal.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import config
from .grids.schemas import GRID_SCHEMAS
from .records.quarantine import Rejection
from .records.schemas import RECORD_SCHEMAS

SCHEMAS: dict[str, pa.DataFrameSchema] = {**RECORD_SCHEMAS, **GRID_SCHEMAS}


def load(name: str, directory: Path | None = None) -> pd.DataFrame:
    """``load("deployments")``: a processed table, typed as its schema says."""
    if name not in SCHEMAS:
        raise KeyError(f"no table {name!r}; known tables: {', '.join(sorted(SCHEMAS))}")
    path = Path(directory or config.PROCESSED) / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: run `make build` first")
    return SCHEMAS[name].validate(read_csv(name, path))


def read_csv(name: str, source) -> pd.DataFrame:
    """Table ``name``'s CSV text (a path or a binary buffer) typed as its schema says; an empty cell
    is missing, any other text is kept as written ("NA" is a value, not a gap)."""
    return coerce(name, pd.read_csv(source, dtype="string", keep_default_na=False, na_values=[""]))


def empty(name: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=s.dtype.type) for c, s in SCHEMAS[name].columns.items()})


def coerce(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Cast each column to the schema's dtype (columns in schema order)."""
    schema = SCHEMAS[name]
    out = pd.DataFrame(index=df.index)
    for c, spec in schema.columns.items():
        values = df[c] if c in df.columns else pd.Series(pd.NA, index=df.index)
        dtype = str(spec.dtype)
        if dtype.startswith("datetime64"):
            out[c] = pd.to_datetime(values, format="ISO8601").astype("datetime64[ns]")
        elif dtype == "boolean" and isinstance(values.dtype, pd.StringDtype):
            # CSV text "True"/"False" back to booleans; anything else is a bad cell, not False.
            out[c] = values.map({"True": True, "False": False}, na_action="ignore").astype("boolean")
        else:
            out[c] = values.astype(dtype)
    return out


def _where(row: pd.Series, default: str) -> str:
    """Name a failing row by what leads back to its document: file, reference, deployment."""
    keys = [f"{k}={row[k]}" for k in ("source_file", "reference", "deployment_id") if k in row.index and pd.notna(row[k])]
    return " ".join(keys) or default


def validate(name: str, df: pd.DataFrame, source: str = "") -> tuple[pd.DataFrame, list[Rejection]]:
    """Rows that pass the schema, and a Rejection for each failure (the row is quarantined)."""
    kept, failures = validate_rows(name, df, source)
    return kept, [r for _, r in failures]


def validate_rows(name: str, df: pd.DataFrame, source: str = "") -> tuple[pd.DataFrame, list[tuple[object, Rejection]]]:
    """As ``validate``, each Rejection with the index label of the row it sets aside."""
    schema = SCHEMAS[name]
    try:
        return schema.validate(df, lazy=True, inplace=True), []
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        bad_rows = cases["index"].dropna()
        if len(bad_rows) == 0 or cases["index"].isna().any():
            raise  # a table-level failure (missing column, wrong dtype) is a bug, not bad input
        failures = []
        for _, case in cases.iterrows():
            failures.append((case["index"], Rejection(_where(df.loc[case["index"]], source), f"{name}.{case['column']}",
                                                      str(case["failure_case"]), f"fails schema check {case['check']}")))
        kept = df.drop(index=sorted(set(bad_rows)))
        return schema.validate(kept, lazy=True, inplace=True), failures
