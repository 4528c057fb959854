"""Building blocks for the pandera table schemas (shared by ``records.schemas`` and ``grids.schemas``).

Every column carries a description: the data dictionary is generated from them.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandera.pandas as pa
from pandera.engines import pandas_engine


class Text(pandas_engine.STRING):
    """pandera's ``string`` dtype, its verdict given for the column as a whole.

    pandera 0.35 answers the dtype check of a ``string`` column with one True per cell, and for
    such an answer builds (and formats) a failure-case table even when every cell passes: ~40% of
    a table's validation, for ~35 text columns a build group. The verdict is pandera's own
    (``STRING.check``), reduced to one boolean: a column passes exactly when it did. When it fails,
    pandera finds the failing cells itself (its check of a column whose dtype is wrong)."""

    def check(self, pandera_dtype, data_container=None):
        verdict = super().check(pandera_dtype, data_container)
        return verdict if isinstance(verdict, bool) else bool(np.all(verdict))


TEXT = Text()

# pandera 0.35's registry knows the dtype class ``np.datetime64`` but not the dtype ``datetime64[ns]`` a
# date column has: its dtype check of such a column (11 a build group) resolves it by a fallback that
# tries ``import geopandas`` first (~0.2 ms each time). Registered through pandera's own API as what
# that fallback resolves it to (``DateTime``): the same dtype, found at once.
pandas_engine.Engine.register_dtype(pandas_engine.DateTime, equivalents=[np.dtype("datetime64[ns]")])


@lru_cache(maxsize=None)
def _dtype(name: str):
    """pandera's data type for a dtype's name, resolved once per name (as ``pa.Column`` resolves it):
    resolved per column, each lookup of a name costs ~0.1 ms (pandera tries the name as a geopandas
    type first), ~80 columns on every build's import."""
    return pandas_engine.Engine.dtype(name)


def column(dtype: str | Text, description: str, *checks: pa.Check, nullable: bool = False, unique: bool = False) -> pa.Column:
    return pa.Column(_dtype(dtype) if isinstance(dtype, str) else dtype, list(checks), nullable=nullable, unique=unique,
                     description=description)


def text(description: str, *checks: pa.Check, nullable: bool = False) -> pa.Column:
    return column(TEXT, description, *checks, nullable=nullable)


def date(description: str, nullable: bool = True) -> pa.Column:
    return column("datetime64[ns]", description, nullable=nullable)


def count(description: str, nullable: bool = True) -> pa.Column:
    """A whole number >= 0; empty means not printed or not disclosed, never 0."""
    return column("Int64", description, pa.Check.ge(0), nullable=nullable)


def flag(description: str) -> pa.Column:
    return column("boolean", description, nullable=True)


def fraction(description: str) -> pa.Column:
    return column("Float64", description, pa.Check.in_range(0, 1), nullable=True)


def table(description: str, columns: dict[str, pa.Column], unique: list[str] | None = None) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=unique, description=description)
