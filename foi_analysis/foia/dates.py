"""Dates as FOI letters print them, always read day first.

Handles "23/09/2016", "23/09/16", "23.09.2016", "Fri 23/09/2016", "21st November 2016", "Friday 21 November 2016",
"21-Nov-2016", "November 21, 2016" and ISO 8601's "2016-11-21" (year first: four digits leave no doubt
which number is the day). Anything else, or an impossible date such as 31/02/2023,
raises ``ValueError`` naming the text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# The years the working-day calendar (``calendar``) covers, and the last day a request can be
# received on with every deadline counted inside them (its 40th working day, either reading, under
# any law: mid-November at the latest). Here, not in ``calendar``, so that the record loader can set
# aside a record dated later without importing numpy.
FIRST_YEAR, LAST_YEAR = 2000, 2060
LAST_COUNTABLE_DAY = dt.date(LAST_YEAR, 9, 30)

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A bilingual Welsh body prints its dates in Welsh words too ("Dyddiad: 14 Awst 2025"): read day first, as
# worded dates, never month first (a Welsh date is not printed so). Full names only: none begins as an English one.
WELSH_MONTHS = {name: i for i, name in enumerate(
    ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref", "tachwedd", "rhagfyr"), start=1)}
_WORDED_MONTH = "|".join(sorted([*MONTHS, *WELSH_MONTHS], key=len, reverse=True))
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"

# (the day's first digit first, then "not after a digit" asked of it: "(?<!\d)(\d{1,2})" as a pattern that
# begins with a digit, which Python's ``re`` finds by skipping in C instead of trying every position)
NUMERIC_DATE = re.compile(r"(\d(?<!\d\d)\d?)\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)")
# (a two-digit year is not a day of the next date in a list: "20 October, 24 October and 29 October 2025"; a deed's
# "3rd day of March 2025", "Dated this 3rd day of ...", is a day too)
_WORDED_DAY_ON = (rf"(\d\d?)\s*(?:st|nd|rd|th)?(?:\s+(?:day\s+)?of)?[\s\-]+({_WORDED_MONTH})\.?,?[\s\-]+"
                  r"(\d{4}|\d{2}(?!\s*(?:st|nd|rd|th)?(?:\s+of)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))(?!\d)")
WORDED_DATE = re.compile(rf"(?:{_WEEKDAY})?(?:th(?:e|is)\s+)?" + _WORDED_DAY_ON, re.IGNORECASE)
# WORDED_DATE from its day on (the same groups): to find dates in a text when only the day's start is
# needed (``m.start(1)``). The weekday and "the" before the day hold no digit, so this finds the same
# days, months, years and ends, in the same order, and it begins with a digit (see NUMERIC_DATE).
WORDED_DATE_FROM_DAY = re.compile(_WORDED_DAY_ON, re.IGNORECASE)
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# A weekday before a numeric date ("Tue 08/01/2025", "Monday, 2024-01-08"); worded dates allow one themselves.
LEADING_WEEKDAY = re.compile(rf"^{_WEEKDAY}(?=\d)", re.IGNORECASE)
US_WORDED_DATE = re.compile(
    rf"(?:{_WEEKDAY})?({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)


def _year(text: str) -> int:
    year = int(text)
    # Two-digit years in these documents are all this century (the Act came into force in 2005).
    return year + 2000 if len(text) == 2 else year


def parse_printed_date(text: str) -> dt.date:
    """Parse one printed date (the whole string, surrounding space allowed)."""
    if isinstance(text, dt.date):
        return text
    return _parse(str(text))


@lru_cache(maxsize=65536)
def _parse(text: str) -> dt.date:
    s = LEADING_WEEKDAY.sub("", " ".join(text.split()))
    for pattern, order in ((NUMERIC_DATE, "dmy"), (WORDED_DATE, "dMy"), (US_WORDED_DATE, "Mdy"), (ISO_DATE, "ymd")):
        m = pattern.fullmatch(s)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        day = int(parts["d"])
        month = int(parts["m"]) if "m" in parts else MONTHS.get(parts["M"].lower().rstrip(".")) or WELSH_MONTHS[parts["M"].lower()]
        try:
            return dt.date(_year(parts["y"]), month, day)
        except ValueError as err:
            raise ValueError(f"impossible date {text!r}: {err}") from None
    raise ValueError(f"not a recognised date {text!r} (expected day first, e.g. 23/09/2016 or 21st November 2016, or 2016-09-23)")
