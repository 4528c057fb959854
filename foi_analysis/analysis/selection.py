"""Notebook parameters -> the rows of each table they select.

One reading of "authority" and "date range" shared by the notebooks, findings.json and the tests:

- ``authority``: case-insensitive substring of the authority's name ("" selects all), so
  "metropolitan" and "mayor" both work. The deployment grids are the Met's own publication.
- ``start`` / ``end``: ISO dates, inclusive ("" leaves that end open). Requests whose receipt date
  is not printed are kept (most are undated; dropping them would hide them, not filter them);
  blue-list rows and deployments are selected by their own date. A selected request keeps all of
  its events, so a timeline is never cut in half.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import config, tables

GRID_AUTHORITY = "Metropolitan Police Service"  # publisher of the LFR deployment grids


def _date(name: str, text: str) -> pd.Timestamp | None:
    if not text:
        return None
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except ValueError:
        raise ValueError(f"parameter {name}: {text!r} is not an ISO date (YYYY-MM-DD)") from None


_LOADED: dict[str, tuple[tuple, pd.DataFrame]] = {}


def _identity(name: str) -> tuple | None:
    """A processed table's file as it stands: (path, size, mtime, inode); None when it is missing. The
    build replaces a file by renaming a new one into place, so a rebuilt table has another identity."""
    path = config.PROCESSED / f"{name}.csv"
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_size, st.st_mtime_ns, st.st_ino


def load(name: str) -> pd.DataFrame:
    """``tables.load(name)``, read once per process while its file is unchanged (same path, size,
    mtime and inode: the build replaces a file by renaming a new one into place). A notebook selects
    from the same table many times, and each read parses the CSV and validates it again."""
    key = _identity(name)
    if key is None:
        return tables.load(name)  # missing: its own message
    hit = _LOADED.get(name)
    if hit is None or hit[0] != key:
        hit = _LOADED[name] = (key, tables.load(name))
    return hit[1].copy(deep=False)  # copy-on-write: a caller's change never reaches the cached frame


def files_state() -> tuple:
    """Every processed table's file as ``load`` would find it now (``_identity``; the table's name
    and None when it is missing, under the folder's path). Equal states, equal tables."""
    return (str(config.PROCESSED),) + tuple(_identity(name) or (name, None) for name in tables.SCHEMAS)


@dataclass(frozen=True)
class Selection:
    authority: str = ""
    start: str = ""
    end: str = ""

    def __post_init__(self):
        first, last = _date("start", self.start), _date("end", self.end)
        if first is not None and last is not None and first > last:
            raise ValueError(f"parameter start ({self.start}) is after end ({self.end})")

    def authority_matches(self, names: pd.Series) -> pd.Series:
        return names.str.contains(self.authority, case=False, regex=False).fillna(False).astype(bool)

    def in_range(self, dates: pd.Series, keep_missing: bool = False) -> pd.Series:
        mask = pd.Series(True, index=dates.index)
        if (first := _date("start", self.start)) is not None:
            mask &= dates >= first
        if (last := _date("end", self.end)) is not None:
            mask &= dates <= last
        return mask | dates.isna() if keep_missing else mask & dates.notna()

    def requests(self) -> pd.DataFrame:
        req = load("requests")
        keep = self.authority_matches(req["authority"]) & self.in_range(req["date_received"], keep_missing=True)
        return req.loc[keep].reset_index(drop=True)

    def of_requests(self, name: str, date: str | None = None) -> pd.DataFrame:
        """A per-request table for the selected requests; with ``date``, also rows whose date is in range."""
        frame = load(name)
        # A request is (authority, reference): two authorities may use the same reference. Tables
        # joined from the grids carry the reference only.
        key = ["authority", "reference"] if "authority" in frame.columns else ["reference"]
        keep = pd.MultiIndex.from_frame(frame[key]).isin(pd.MultiIndex.from_frame(self.requests()[key]))
        if date is not None:
            keep &= self.in_range(frame[date])
        return frame.loc[keep].reset_index(drop=True)

    def blue_list(self) -> pd.DataFrame:
        return self.of_requests("blue_list", "deployment_date")

    def grids_selected(self) -> bool:
        return bool(self.authority_matches(pd.Series([GRID_AUTHORITY], dtype="string")).iloc[0])

    def deployments(self, name: str = "deployments") -> pd.DataFrame:
        """Deployments (or their anomalies, by joining on deployment_id) in the date range, each once: a
        row a later edition of the grid prints again (``superseded_by``) is left out for that one."""
        deployments = load("deployments")
        current = deployments["superseded_by"].isna()
        chosen = deployments.loc[current & self.in_range(deployments["date"]) & self.grids_selected(), "deployment_id"]
        frame = deployments if name == "deployments" else load(name)
        return frame.loc[frame["deployment_id"].isin(chosen)].reset_index(drop=True)
