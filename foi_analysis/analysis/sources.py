"""The documents a figure comes from, named as a reader can find them: a deployment grid by its
publisher, its title and the day its edition was made (with its file name, which the findings cite
with a page); an FOI response by its reference and authority. Charts' source lines use these.

A grid's title and day are its PDF's own (the Title and the later of CreationDate and ModDate, as
the build's ``date_after_edition`` check reads them), from the build's ``grid_editions`` table: the
report reads data/processed, never the PDFs. A grid that is not in it, or gives neither, is named by
its file alone.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .display import day, listed
from .selection import GRID_AUTHORITY, load

GRID_TITLE = "LFR Deployment Grid"  # what the Met calls the documents, for a PDF that prints no title


def edition(source_file: str) -> tuple[str | None, dt.date | None]:
    """(title, day made) of a grid as the build read them (``grid_editions``); (None, None) when the
    grid is not in that table."""
    table = load("grid_editions")
    found = table.loc[table["source_file"] == source_file]
    if found.empty:
        return None, None
    title, made = found["title"].iloc[0], found["edition_date"].iloc[0]
    return (None if pd.isna(title) else title), (None if pd.isna(made) else made.date())


def per_grid(deployments: pd.DataFrame) -> pd.DataFrame:
    """One row per grid in ``deployments``: its title, the day it was made and its pages as the PDF
    gives them (``grid_editions``; a grid not in it: the Met's name for the documents, no day, no pages),
    with the selected deployments' count and first and last date."""
    rows = (deployments.groupby("source_file")
            .agg(deployments=("deployment_id", "size"), first=("date", "min"), last=("date", "max")).reset_index())
    editions = load("grid_editions")[["source_file", "title", "edition_date", "pages"]]
    rows = rows.merge(editions, on="source_file", how="left")
    return rows.assign(title=rows["title"].fillna(GRID_TITLE))


def grid_edition(source_file: str) -> str:
    """'LFR Deployment Grid of 11 Jan 2025 (met-lfr-grid-2023-to-2024.pdf)'."""
    title, made = edition(source_file)
    when = f" of {day(made, short=True)}" if made else ""
    return f"{title or GRID_TITLE}{when} ({source_file})"


def grids(files, limit: int = 5) -> str:
    """The grids behind a chart: "Metropolitan Police Service, LFR Deployment Grid of 20 Nov 2023
    (met-lfr-grid-2020-2022.pdf), LFR Deployment Grid of ...", a few by name, then how many more."""
    files = sorted(set(files))
    if not files:
        return "no deployment grid in the selection"
    return f"{GRID_AUTHORITY}, " + listed([grid_edition(f) for f in files], limit)


def responses(requests, limit: int = 5) -> str:
    """The FOI responses behind a chart (rows with ``reference`` and ``authority``): "FOI responses
    2016090000813 (Metropolitan Police Service), FOI 506 (Mayor's Office for Policing and Crime)"."""
    pairs = sorted(set(zip(requests["reference"], requests["authority"])))
    if not pairs:
        return "no FOI response in the selection"
    word = "FOI response" if len(pairs) == 1 else "FOI responses"
    return f"{word} " + listed([f"{r} ({a})" for r, a in pairs], limit)
