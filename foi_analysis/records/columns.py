"""Building blocks for the pandera table schemas (shared by ``records.schemas`` and ``grids.schemas``).

Every column carries a description: the data dictionary is generated from them.
"""

from __future__ import annotations

import pandera.pandas as pa


def column(dtype: str, description: str, *checks: pa.Check, nullable: bool = False, unique: bool = False) -> pa.Column:
    return pa.Column(dtype, list(checks), nullable=nullable, unique=unique, description=description)


def text(description: str, *checks: pa.Check, nullable: bool = False) -> pa.Column:
    return column("string", description, *checks, nullable=nullable)


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
