"""UK FOIA working days (FOIA s10(6)), vectorised with numpy's busday functions.

A working day is any day except Saturday, Sunday, Christmas Day, Good Friday and a bank holiday
in ANY part of the UK: the union of England, Wales, Scotland and Northern Ireland from the
``holidays`` package (``holidays.UK()`` without ``subdiv`` omits Easter Monday, a known trap).

The day of receipt is day 0 and the deadline is the 20th working day following it. For receipt
on a non-working day there are two readings:

- ``"ico"`` (default): the ICO counts the next working day as day 1;
- ``"code2018"``: the 2018 s45 Code of Practice treats the next working day as the day of
  receipt (day 0), which puts every count one day later.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

NATIONS = ("ENG", "WLS", "SCT", "NIR")
RULES = ("ico", "code2018")
# A fixed span keeps the calendar (and so every result) independent of the input's years;
# dates outside it are refused rather than silently mis-counted.
FIRST_YEAR, LAST_YEAR = 2000, 2060


@lru_cache(maxsize=1)
def uk_holidays() -> dict[dt.date, str]:
    """Every holiday in any UK nation from FIRST_YEAR to LAST_YEAR, with its names."""
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    union: dict[dt.date, set[str]] = {}
    for nation in NATIONS:
        for day, name in holidays.UK(subdiv=nation, years=years).items():
            union.setdefault(day, set()).add(f"{name} ({nation})")
    return {day: "; ".join(sorted(names)) for day, names in sorted(union.items())}


@lru_cache(maxsize=1)
def busday_calendar() -> np.busdaycalendar:
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(list(uk_holidays()), dtype="datetime64[D]"))


def _days(values) -> np.ndarray:
    """Dates (datetime64, date objects, ISO strings; scalar or array-like) as datetime64[D].

    Missing values become NaT. Printed day-first dates go through ``dates.parse_printed_date``.
    """
    arr = np.atleast_1d(np.asarray(values))
    if arr.dtype.kind == "M":
        days = arr.astype("datetime64[D]")
    else:
        days = pd.to_datetime(pd.Series(arr, dtype=object), format="ISO8601").to_numpy(dtype="datetime64[D]")
    ok = ~np.isnat(days)
    lo, hi = np.datetime64(f"{FIRST_YEAR}-01-01"), np.datetime64(f"{LAST_YEAR}-12-31")
    if ((days[ok] < lo) | (days[ok] > hi)).any():
        raise ValueError(f"dates must fall between {lo} and {hi} for the UK working-day calendar")
    return days


def _effective_receipt(received: np.ndarray, rule: str) -> np.ndarray:
    if rule not in RULES:
        raise ValueError(f"unknown receipt rule {rule!r}; choose one of {RULES}")
    out = received.copy()
    ok = ~np.isnat(received)
    if rule == "code2018":
        # The next working day becomes the day of receipt.
        out[ok] = np.busday_offset(received[ok], 0, roll="forward", busdaycal=busday_calendar())
    return out


def is_working_day(dates) -> np.ndarray:
    days = _days(dates)
    out = np.zeros(days.shape, dtype=bool)
    ok = ~np.isnat(days)
    out[ok] = np.is_busday(days[ok], busdaycal=busday_calendar())
    return out


def working_day_number(received, dates, rule: str = "ico") -> np.ndarray:
    """Working days from receipt (day 0) to each date: float array, NaN where either is missing.

    A date that is not itself a working day carries the number of the last working day before it.
    """
    start = _effective_receipt(_days(received), rule)
    end = _days(dates)
    start, end = np.broadcast_arrays(start, end)
    out = np.full(start.shape, np.nan)
    ok = ~(np.isnat(start) | np.isnat(end))
    one = np.timedelta64(1, "D")
    # busday_count counts [begin, end): working days in (receipt, date] is the count over
    # [receipt + 1, date + 1).
    out[ok] = np.busday_count(start[ok] + one, end[ok] + one, busdaycal=busday_calendar())
    return out


def working_day_deadline(received, n: int = 20, rule: str = "ico") -> np.ndarray:
    """The n-th working day following receipt, as datetime64[D] (NaT where receipt is missing)."""
    start = _effective_receipt(_days(received), rule)
    out = np.full(start.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    ok = ~np.isnat(start)
    # Rolling a non-working receipt day back to the last working day makes the next working
    # day day 1 (the ICO reading); code2018 receipts are already working days.
    out[ok] = np.busday_offset(start[ok], n, roll="backward", busdaycal=busday_calendar())
    return out


def holidays_between(start, end) -> list[tuple[dt.date, str]]:
    """Holidays (any UK nation) that fall on weekdays in [start, end], with their names."""
    lo, hi = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    return [(d, name) for d, name in uk_holidays().items() if lo <= d <= hi and d.weekday() < 5]
