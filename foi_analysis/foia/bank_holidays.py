"""Every UK bank holiday from the ``holidays`` package, possibly computed by a child forked while a
build imports pandas.

Computing the table takes ~0.25 s (importing ``holidays`` and asking it for four nations over 61
years). A build keeps it in its cache; a clean build has none, and would compute it on one core
after its imports. ``prefetch`` forks a child before those imports that computes it on the other
core; ``table`` takes the child's result, or computes it here if there was no child or it failed:
the table is the same either way. Imports nothing heavy: a child forked early must start small.
"""

from __future__ import annotations

import datetime as dt
import pickle

from .. import forked

from .dates import FIRST_YEAR, LAST_YEAR  # the calendar's fixed span (foia/dates.py)

NATIONS = ("ENG", "WLS", "SCT", "NIR")


def compute() -> dict[dt.date, str]:
    """Every holiday in any UK nation from FIRST_YEAR to LAST_YEAR, each name tagged with its nation."""
    import holidays  # ~0.1 s to import: a build that finds the table in its cache never does

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    union: dict[dt.date, set[str]] = {}
    for nation in NATIONS:
        for day, name in holidays.UK(subdiv=nation, years=years).items():
            union.setdefault(day, set()).add(f"{name} ({nation})")
    return {day: "; ".join(sorted(names)) for day, names in sorted(union.items())}


_pending = None


def prefetch() -> None:
    """Start ``compute`` in a forked child (call before importing pandas); ``table`` takes its result."""
    global _pending
    if forked.possible():
        _pending = forked.in_child(lambda: pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL))


def table() -> dict[dt.date, str]:
    """``compute()``: the prefetched child's result if there is one, else computed here."""
    global _pending
    pending, _pending = _pending, None
    data = pending() if pending is not None else None
    return pickle.loads(data) if data is not None else compute()
