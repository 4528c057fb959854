"""FOIA timeliness per request (s10 deadline, s17 notice, the ICO's 40-working-day ceiling).

Computed on arrays: each event carries the row of its request (``event_request``), and every "first
event of a kind" or "last outstanding event" is one stable sort of the events and a pick per request
(this runs for every request of a build: a pandas sort, merge and reindex per rule cost ten times more).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import calendar

FIRST_REPLY_EVENTS = ("extension_notice", "response")  # substantive replies; an acknowledgement is not one
_NAT = np.iinfo(np.int64).min


def _day_numbers(values: np.ndarray) -> np.ndarray:
    """datetime64 values as whole days (int64), NaT as numpy's NaT integer."""
    return np.asarray(values).astype("datetime64[D]").view(np.int64)


def _pick(n: int, request: np.ndarray, order: np.ndarray, last: bool = False) -> np.ndarray:
    """Per request, the event index first (or last) in ``order`` (events sorted by request first);
    -1 for a request with none."""
    out = np.full(n, -1, dtype=np.int64)
    if len(order):
        grouped = request[order]
        bounds = np.flatnonzero(np.diff(grouped)) + 1
        at = np.append(bounds, len(order)) - 1 if last else np.insert(bounds, 0, 0)
        out[grouped[at]] = order[at]
    return out


def _first(n: int, request: np.ndarray, day: np.ndarray, kind_rank: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """Per request, its earliest ``chosen`` event (ties: the event's name, alphabetically); -1 if none."""
    idx = np.flatnonzero(chosen)
    order = idx[np.lexsort((kind_rank[idx], day[idx], request[idx]))]
    return _pick(n, request, order)


def _take(values: np.ndarray, at: np.ndarray, missing):
    """values[at], with ``missing`` where at is -1."""
    out = values[np.maximum(at, 0)] if len(values) else np.full(len(at), missing, dtype=values.dtype)
    return np.where(at >= 0, out, missing)


def _working_days(received: np.ndarray, day: np.ndarray, law) -> pd.arrays.IntegerArray:
    """Working day of each date (whole days, NaT integer where missing) from its receipt under its
    request's law, as Int64."""
    number = calendar.working_day_number(received.view("datetime64[D]"), day.view("datetime64[D]"), law=law)
    return pd.array(number, dtype="Int64")


def response_times(received: np.ndarray, responded: np.ndarray, event_request: np.ndarray, event: np.ndarray,
                   event_date: np.ndarray, refused: np.ndarray, law="FOIA") -> dict[str, object]:
    """Per request (its dates received and responded, datetime64), the response_times columns after
    (reference, authority). Events: the row of their request (-1: none), kind (text) and date; ``refused``:
    the request's response relied on exemptions (its stage "response" cites one); ``law``: the law of
    every request, or one per request (its working days: FOISA counts Scotland's holidays only)."""
    n = len(received)
    received, responded = _day_numbers(received), _day_numbers(responded)
    request = np.asarray(event_request, dtype=np.int64)
    day = _day_numbers(event_date)
    kinds, kind_rank = np.unique(np.asarray(event, dtype=object), return_inverse=True)
    kind_rank = kind_rank.reshape(-1)
    # A missing date sorts after every date, as pandas' sort puts it (the loader never lets one through).
    sort_day = np.where(day == _NAT, np.iinfo(np.int64).max, day)
    known = request >= 0

    def kind(*names):
        return known & np.isin(kind_rank, [i for i, k in enumerate(kinds) if k in names])

    out: dict[str, object] = {"date_received": received}
    deadline_20 = calendar.working_day_deadline(received.view("datetime64[D]"), 20, law=law).astype("datetime64[D]").view(np.int64)
    deadline_40 = calendar.working_day_deadline(received.view("datetime64[D]"), 40, law=law).astype("datetime64[D]").view(np.int64)
    out["deadline_20wd"] = deadline_20

    first = _first(n, request, sort_day, kind_rank, kind(*FIRST_REPLY_EVENTS))
    out["first_reply_date"] = _take(day, first, _NAT)
    out["first_reply_event"] = _take(np.asarray(event, dtype=object), first, None)
    out["first_reply_wd"] = _working_days(received, out["first_reply_date"], law)
    out["in_20wd"] = out["first_reply_wd"] <= 20

    # The s17 notice: an extension notice if there was one, else a response that relied on exemptions.
    notice = _take(day, _first(n, request, sort_day, kind_rank, kind("extension_notice")), _NAT)
    response = _take(day, _first(n, request, sort_day, kind_rank, kind("response") & refused[np.maximum(request, 0)]), _NAT)
    out["s17_notice_date"] = np.where(notice != _NAT, notice, response)
    out["s17_notice_wd"] = _working_days(received, out["s17_notice_date"], law)
    out["s17_in_time"] = out["s17_notice_wd"] <= 20

    out["extension_estimate_date"] = _take(day, _first(n, request, sort_day, kind_rank, kind("extension_estimate")), _NAT)
    out["extension_estimate_wd"] = _working_days(received, out["extension_estimate_date"], law)
    out["extension_beyond_40wd"] = out["extension_estimate_wd"] > 40
    out["deadline_40wd"] = deadline_40
    out["date_responded"] = responded
    response_wd = out["response_wd"] = _working_days(received, responded, law)

    # Over 40: a late final response, or a dated event after day 40 with no response yet (the last
    # such event; of two on one day, the later listed). NaT compares false both ways, as in pandas.
    at = np.maximum(request, 0)
    limit, answered = _take(deadline_40, at, _NAT), _take(responded, at, _NAT)
    outstanding = np.flatnonzero(known & (day != _NAT) & (limit != _NAT) & (day > limit)
                                 & ~((answered != _NAT) & (answered <= day)) & ~kind("response"))
    last = _pick(n, request, outstanding[np.lexsort((day[outstanding], request[outstanding]))], last=True)
    last_wd = _working_days(received, _take(day, last, _NAT), law)
    over = np.full(n, None, dtype=object)
    basis = np.full(n, None, dtype=object)
    done = ~response_wd.isna()
    over[done] = (response_wd[done] > 40).to_numpy(bool)
    basis[done] = [f"final response on working day {d}" for d in response_wd[done]]
    pending = ~done & (last >= 0)
    over[pending] = True
    basis[pending] = [f"still no response at the {event[i]} on working day {d}" for i, d in zip(last[pending], last_wd[pending])]
    out["over_40wd"] = over
    out["over_40wd_basis"] = basis
    for name in ("date_received", "deadline_20wd", "first_reply_date", "s17_notice_date", "extension_estimate_date",
                 "deadline_40wd", "date_responded"):
        out[name] = out[name].view("datetime64[D]")
    return out
