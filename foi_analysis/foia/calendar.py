"""Working days per law (FOIA s10(6), EIR reg 2, FOISA s73, EISR reg 2), vectorised with numpy's busday functions.

Under FOIA and the EIR a working day is any day except Saturday, Sunday, Christmas Day, Good Friday
and a bank holiday in ANY part of the UK: the union of England, Wales, Scotland and Northern Ireland
from the ``holidays`` package (``holidays.UK()`` without ``subdiv`` omits Easter Monday, a known trap).
Under FOISA (s73) it is any day except Saturday, Sunday, Christmas Day and a bank holiday in
Scotland (Banking and Financial Dealings Act 1971): Scotland's holidays alone, so Easter Monday and
the late-August holiday are working days, 2 January, St Andrew's Day and the first Monday of August
are not. The EISR (Scotland's Environmental Information Regulations, reg 2(1)) take FOISA's
working day. Every function takes ``law``: one law, one per date, or ``calendar_rows`` of either
(FOIA when not given).

The day of receipt is day 0 and the deadline is the 20th working day following it. For receipt
on a non-working day there are two readings:

- ``"ico"`` (default): the ICO counts the next working day as day 1;
- ``"code2018"``: the 2018 s45 Code of Practice treats the next working day as the day of
  receipt (day 0), which puts every count one day later.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

from . import bank_holidays
from .bank_holidays import NATIONS
from .dates import FIRST_YEAR, LAST_YEAR

RULES = ("ico", "code2018")
# A fixed span (FIRST_YEAR to LAST_YEAR) keeps the calendar (and so every result) independent of the
# input's years; dates outside it, and deadlines that would fall past its end, are refused rather than
# silently mis-counted or left blank (the record loader sets aside a record dated that late first).


# The nations whose bank holidays are not working days, per law; and the calendars they make.
LAW_NATIONS = {"FOIA": NATIONS, "EIR": NATIONS, "FOISA": ("SCT",), "EISR": ("SCT",)}
CALENDARS = tuple(dict.fromkeys(LAW_NATIONS.values()))  # (all four nations, Scotland)
_CALENDAR_OF = {law: CALENDARS.index(nations) for law, nations in LAW_NATIONS.items()}

_holidays: dict[dt.date, str] | None = None


def uk_holidays() -> dict[dt.date, str]:
    """Every holiday in any UK nation from FIRST_YEAR to LAST_YEAR, with its names (computed once
    per process, ~0.25 s, unless ``use_holidays`` gave it)."""
    global _holidays
    if _holidays is None:
        _holidays = bank_holidays.table()  # computed by a child forked early, if a clean build started one
    return _holidays


def use_holidays(table: dict[dt.date, str]) -> None:
    """Take ``table``, an earlier ``uk_holidays()`` of the same code and ``holidays`` version (the
    build keeps one in its cache), instead of computing it again."""
    global _holidays
    _holidays = dict(table)
    busday_calendar.cache_clear()
    _tables.cache_clear()


def law_holidays(law: str = "FOIA") -> dict[dt.date, str]:
    """The holidays that are not working days under ``law``: the UK table's days that are a holiday
    in one of the law's nations (each name in the table ends with its nation), with those names."""
    tags = tuple(f"({nation})" for nation in LAW_NATIONS[law])
    out = {}
    for day, names in uk_holidays().items():
        kept = [name for name in names.split("; ") if name.endswith(tags)]
        if kept:
            out[day] = "; ".join(kept)
    return out


@lru_cache(maxsize=len(CALENDARS))
def busday_calendar(law: str = "FOIA") -> np.busdaycalendar:
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(list(law_holidays(law)), dtype="datetime64[D]"))


_EPOCH = np.datetime64(f"{FIRST_YEAR}-01-01", "D")
_END = np.datetime64(f"{LAST_YEAR}-12-31", "D")


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per calendar (row i: CALENDARS[i]) and calendar day from FIRST_YEAR: is it a working day, and
    how many working days up to and including it (its ordinal); plus every working day in order
    (padded with NaT to the longest calendar's count). One np.is_busday pass per calendar builds
    them; afterwards every count is two table look-ups (the row chosen per date by its law), which
    is what makes a million pairs cheap."""
    days = np.arange(_EPOCH, _END + 1)
    laws = [next(law for law, c in _CALENDAR_OF.items() if c == i) for i in range(len(CALENDARS))]
    busy = np.stack([np.is_busday(days, busdaycal=busday_calendar(law)) for law in laws])
    working = np.full(busy.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    for i, row in enumerate(busy):
        working[i, :row.sum()] = days[row]
    return busy, np.cumsum(busy, axis=1, dtype=np.int64), working


def calendar_rows(law) -> int | np.ndarray:
    """The calendar (row of the tables) of ``law``: one law's name -> an int; names, one per date ->
    an int array, or one int when they all share a calendar (the common case, and the cheaper
    look-up); an int array (an earlier answer) is returned as it is. Hashing, not sorting, the names:
    this runs on a build's every request."""
    if isinstance(law, str):
        if law not in _CALENDAR_OF:
            raise ValueError(f"unknown law {law!r}; choose one of {tuple(_CALENDAR_OF)}")
        return _CALENDAR_OF[law]
    if isinstance(law, (int, np.integer)) or (isinstance(law, np.ndarray) and law.dtype.kind == "i"):
        return law
    codes, names = pd.factorize(np.asarray(law, dtype=object).reshape(-1))
    if (codes < 0).any():
        raise ValueError("a date without its law")
    rows = np.array([calendar_rows(str(name)) for name in names], dtype=np.int64)
    if len(rows) and (rows == rows[0]).all():
        return int(rows[0])
    return rows[codes]


def _days(values) -> tuple[np.ndarray, np.ndarray]:
    """Dates (datetime64, date objects, ISO strings; scalar or array-like) as day offsets from
    FIRST_YEAR-01-01, and a mask of the missing ones (NaT/None). Printed day-first dates go
    through ``dates.parse_printed_date`` first."""
    arr = np.atleast_1d(np.asarray(values))
    if arr.dtype.kind == "M":
        days = arr.astype("datetime64[D]", copy=False)
    else:
        days = pd.to_datetime(pd.Series(arr, dtype=object), format="ISO8601").to_numpy(dtype="datetime64[D]")
    missing = np.isnat(days)
    offsets = days.view(np.int64) - _EPOCH.astype(np.int64)
    present = offsets[~missing] if missing.any() else offsets
    if present.size and (present.min() < 0 or present.max() > (_END - _EPOCH).astype(np.int64)):
        raise ValueError(f"dates must fall between {_EPOCH} and {_END} for the UK working-day calendar")
    if missing.any():
        offsets = np.where(missing, 0, offsets)
    return offsets, missing


def _receipt_ordinal(cal, offsets: np.ndarray, rule: str) -> np.ndarray:
    """Ordinal of the day counted as day 0 (in calendar ``cal``)."""
    if rule not in RULES:
        raise ValueError(f"unknown receipt rule {rule!r}; choose one of {RULES}")
    busy, ordinal, _ = _tables()
    start = ordinal[cal, offsets]
    if rule == "code2018":
        # The next working day becomes the day of receipt: one more working day is used up.
        start = start + ~busy[cal, offsets]
    return start


def is_working_day(dates, law="FOIA") -> np.ndarray:
    offsets, missing = _days(dates)
    return _tables()[0][calendar_rows(law), offsets] & ~missing


def working_day_number(received, dates, rule: str = "ico", law="FOIA") -> np.ndarray:
    """Working days from receipt (day 0) to each date under ``law`` (one, or one per date): float
    array, NaN where either is missing.

    A date that is not itself a working day carries the number of the last working day before it.
    """
    r, r_missing = _days(received)
    d, d_missing = _days(dates)
    cal = calendar_rows(law)
    count = _tables()[1][cal, d] - _receipt_ordinal(cal, r, rule)
    out = count.astype(float)
    missing = r_missing | d_missing
    if missing.any():
        out = np.where(missing, np.nan, out)
    return out


def working_day_deadline(received, n: int = 20, rule: str = "ico", law="FOIA") -> np.ndarray:
    """The n-th working day following receipt under ``law`` (one, or one per date), as
    datetime64[D] (NaT where receipt is missing)."""
    r, missing = _days(received)
    _, ordinal, working_days = _tables()
    cal = calendar_rows(law)
    # Ordinals count from 1, so the working day with ordinal k sits at index k - 1.
    index = _receipt_ordinal(cal, r, rule) + n - 1
    past = (index >= ordinal[cal, -1]) & ~missing  # (beyond a calendar's last working day its row holds NaT)
    if past.any():
        first = (_EPOCH + r[past][0]).astype(dt.date)
        raise ValueError(f"working day {n} after {first.isoformat()} falls past {_END}, the end of the working-day "
                         f"calendar ({int(past.sum())} date(s)): it cannot be counted")
    out = working_days[cal, index]
    if missing.any():
        out = np.where(missing, np.datetime64("NaT"), out)
    return out


def holidays_between(start, end, law: str = "FOIA") -> list[tuple[dt.date, str]]:
    """Holidays (under ``law``: any UK nation; FOISA and the EISR: Scotland) that fall on weekdays in [start, end],
    with their names."""
    lo, hi = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    return [(d, name) for d, name in law_holidays(law).items() if lo <= d <= hi and d.weekday() < 5]
