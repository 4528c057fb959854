"""Grid files that list the same deployments and cannot be told apart as editions (one grid saved
twice under two names: made the same day, reaching the same day). A later edition printing a row
again supersedes it (``parse._restated``) and it counts once; these count twice in every total. The
build warns in the terminal and the report says it beside what the build rejected, so the same
words reach whoever reads either."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd


class Overlap(NamedTuple):
    first: str  # grid file names, in name order
    first_rows: int
    second: str
    second_rows: int
    shared: int  # deployments both list (same date and place, spellings joined) and both count


def shared_deployments(deployments: pd.DataFrame) -> list[Overlap]:
    """Every pair of grid files listing the same counted deployments: a deployment is the same in two
    grids when both print it on the same date at the same place (``location_key``). Counted in rows, the
    fewer of the two files' (two deployments on one day at one place are two: a grid saved twice lists
    all its rows again, not only its distinct days and places)."""
    rows = deployments["source_file"].value_counts()
    if len(rows) < 2:
        return []
    counted = deployments.loc[deployments["superseded_by"].isna(), ["source_file", "date", "location_key"]].dropna()
    listed = counted.value_counts().rename("n").reset_index()  # rows of each file at each date and place
    both = listed.merge(listed, on=["date", "location_key"])
    both = both.loc[both["source_file_x"] < both["source_file_y"]]
    return [Overlap(a, int(rows[a]), b, int(rows[b]), int(min(pair["n_x"].sum(), pair["n_y"].sum())))
            for (a, b), pair in both.groupby(["source_file_x", "source_file_y"])]


def sentence(o: Overlap) -> str:
    """What to tell a reader, and what to do."""
    return (f"grids/{o.first} ({o.first_rows} deployments) and grids/{o.second} ({o.second_rows}) list {o.shared} "
            f"of the same deployments (same date and place), and each of them counts twice in the totals: if one "
            f"grid is a new edition of the other, keep only the newer (git rm data/raw/grids/<the older>.pdf) and "
            f"build again")
