"""Every processed table: its pandera schema, ``coerce``/``validate``, and ``load`` (how notebooks read data).

``validate(name, df)`` splits a table into the rows that pass and ``Rejection``s for those that
fail, so a bad row is quarantined with its reason rather than dropped or fatal.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine

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
    schema = SCHEMAS[name]
    raw = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    return schema.validate(coerce(name, raw))


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


def _passes(schema: pa.DataFrameSchema, df: pd.DataFrame) -> bool:
    """True when a vectorised reading of ``schema`` finds nothing wrong with ``df``: pandera would pass it.

    pandera's own validation has a fixed cost per column (~0.1 s a table set) that dominates on the
    build's groups of a few thousand records. This reads only what our schemas use (columns in order,
    dtype, nullable, unique, the isin / ge / in_range checks, unique column sets); anything else, or
    any doubt, is False and pandera decides (it also names the failures)."""
    if list(df.columns) != list(schema.columns) or schema.checks or schema.index is not None:
        return False
    for name, column in schema.columns.items():
        values = df[name]
        if column.regex or not column.required or not column.dtype.check(pandas_engine.Engine.dtype(values.dtype)):
            return False
        missing = values.isna()
        if (not column.nullable and missing.any()) or (column.unique and values.duplicated().any()):
            return False
        present = values[~missing]
        for check in column.checks:
            stats = check.statistics
            if not check.ignore_na or check.groupby is not None:
                return False
            if check.name == "isin":
                ok = present.isin(stats["allowed_values"]).all()
            elif check.name == "greater_than_or_equal_to":
                ok = (present >= stats["min_value"]).all()
            elif check.name == "in_range":
                low = present >= stats["min_value"] if stats["include_min"] else present > stats["min_value"]
                high = present <= stats["max_value"] if stats["include_max"] else present < stats["max_value"]
                ok = (low & high).all()
            else:
                return False
            if not ok:
                return False
    return not (schema.unique and df.duplicated(subset=list(schema.unique)).any())


def validate(name: str, df: pd.DataFrame, source: str = "") -> tuple[pd.DataFrame, list[Rejection]]:
    """Rows that pass the schema, and a Rejection for each failure (the row is quarantined)."""
    kept, failures = validate_rows(name, df, source)
    return kept, [r for _, r in failures]


def validate_rows(name: str, df: pd.DataFrame, source: str = "") -> tuple[pd.DataFrame, list[tuple[object, Rejection]]]:
    """As ``validate``, each Rejection with the index label of the row it sets aside."""
    schema = SCHEMAS[name]
    if _passes(schema, df):
        return df, []
    try:
        return schema.validate(df, lazy=True), []
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
        return schema.validate(kept, lazy=True), failures
