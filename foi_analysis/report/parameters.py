"""The report's parameters checked before any kernel starts.

A bad value would otherwise surface once per notebook, minutes later, as five tracebacks. Here
every problem is listed at once and the command exits 2 (a usage error): a confidence outside
(0, 1), a date that is not an ISO date or does not exist, a start after the end, and an authority
that matches no authority in the tables (the notebooks select authorities by a case-insensitive
part of the name, as ``analysis.selection`` does).
"""

from __future__ import annotations

import datetime as dt
import sys

USAGE_ERROR = 2


def _iso(name: str, value) -> tuple[dt.date | None, str | None]:
    if value in ("", None):
        return None, None
    try:
        return dt.datetime.strptime(str(value), "%Y-%m-%d").date(), None
    except ValueError:
        return None, f"parameter {name}: {value!r} is not a date that exists, written YYYY-MM-DD (e.g. 2023-04-06)"


def value_problems(values: dict) -> list[str]:
    """Problems in confidence, start and end (those of the names present in ``values``)."""
    problems = []
    if "confidence" in values:
        c = values["confidence"]
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 < c < 1:
            problems.append(f"parameter confidence: {c!r} must be a number between 0 and 1, exclusive (e.g. 0.95)")
    start, why_start = _iso("start", values.get("start"))
    end, why_end = _iso("end", values.get("end"))
    problems += [w for w in (why_start, why_end) if w]
    if start and end and start > end:
        problems.append(f"parameters start and end: start {start.isoformat()} is after end {end.isoformat()}")
    return problems


def authority_problems(authority: str, known: list[str]) -> list[str]:
    """An authority text that selects nothing, with the names it could have meant."""
    if not authority or any(authority.lower() in name.lower() for name in known):
        return []
    return [f"parameter authority: {authority!r} matches no authority in the tables; "
            f"known: {'; '.join(sorted(known)) or '(none: the tables are empty)'}"]


def known_authorities() -> list[str]:
    """Authorities in the requests table, and the grids' publisher when deployments are present."""
    from .. import tables
    from ..analysis.selection import GRID_AUTHORITY

    names = set(tables.load("requests")["authority"].dropna())
    if len(tables.load("deployments")):
        names.add(GRID_AUTHORITY)
    return sorted(names)


def stop_if(problems: list[str]) -> None:
    """Print every problem and exit 2; nothing when there are none."""
    if problems:
        for p in problems:
            print(f"report: {p}", file=sys.stderr)
        raise SystemExit(USAGE_ERROR)


def check_values(per_notebook: dict[str, dict]) -> None:
    """Before the build: the values every notebook would receive."""
    seen: list[str] = []
    for values in per_notebook.values():
        seen += [p for p in value_problems(values) if p not in seen]
    stop_if(seen)


def check_authority(per_notebook: dict[str, dict]) -> None:
    """After the build (it needs the tables), before any kernel starts."""
    authorities = {v.get("authority") for v in per_notebook.values() if v.get("authority")}
    if authorities:
        try:
            known = known_authorities()
        except FileNotFoundError:
            return  # no tables (--no-build on a fresh copy): the notebooks will say so themselves
        stop_if([p for a in sorted(authorities) for p in authority_problems(a, known)])
