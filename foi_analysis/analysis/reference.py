"""Published figures to compare the grids with: a small table kept in the package
(``reference_figures.csv``), each row with its source address.

They are reference values, never data about a deployment, and they measure other things:

- NPL's false positive identification rate (FPIR) counts false matches **per test subject** walked
  past the cameras in a controlled trial with a seeded watchlist of known size;
- the grids' false alert rate counts false alerts **per face seen** (the Met's estimate of
  passers-by) in live deployments with whatever watchlist and crowd the day brought.

``secondary = yes`` marks a figure read from a report of the document, not the document itself.
"""

from __future__ import annotations

from importlib.resources import files

import pandas as pd

MEASURES_DIFFER = (
    "The National Physical Laboratory's (NPL) rate is per test subject in a controlled trial with a seeded watchlist; the grids' rate is per "
    "face seen (an estimate of passers-by) in live deployments, so the two are comparable in kind, not in design.")


def figures() -> pd.DataFrame:
    with files(__package__).joinpath("reference_figures.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype="string", keep_default_na=False, na_values=[""])
    for column in ("threshold", "value"):
        table[column] = table[column].astype("Float64")
    for column in ("watchlist_size", "events", "trials"):
        table[column] = table[column].astype("Int64")
    return table


def figure(name: str) -> pd.Series:
    table = figures().set_index("figure")
    if name not in table.index:
        raise KeyError(f"no reference figure {name!r}; known: {', '.join(table.index)}")
    return table.loc[name]
