"""The Met's "LFR Deployment Grid" PDFs -> one tidy row per deployment, reconciled against itself.

``parse_grid(pdf)`` reads one grid; ``build_tables(grid_dir, blue_list)`` reads every grid in a folder
and derives the anomaly, blue-list and yearly tables. Columns are found by what their headers mean
(``headers``), never by position. Header rows repeat on later pages and may change wording; a
page that starts without a header continues the columns of the page before; a row whose location
wraps past the page end is joined back. Purpose-legend tables are read into a code -> meaning map,
not taken for deployments.

Decisions (see docs/grids.md):
- deployment_id = ``<file stem>_<ISO date>_<n>``, n counting the grid's rows on that date in printed
  order: stable when a re-issued grid adds rows on other dates.
- Values are kept as printed: a row that does not reconcile is flagged (``flags``) and listed in the
  anomalies table, never corrected or dropped. What a layout lacks stays empty, never 0.
- 2020-22 layout: "True Alerts" and "False Alert / Confirmed False Alerts" are whole counts (no
  confirmed/unconfirmed split); later layouts print the split and true_alerts / false_alerts are its
  sums. "Arrests / Disposals" is its own column: the later layout splits outcomes differently.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import headers
from ..foia.dates import ISO_DATE, LEADING_WEEKDAY, NUMERIC_DATE, US_WORDED_DATE, WORDED_DATE, parse_printed_date
from ..records.quarantine import UNREADABLE, Rejection

if TYPE_CHECKING:
    from .pdf_tables import Cell, Row

COUNTS = [
    "watchlist_size", "total_alerts", "true_alerts", "true_alerts_confirmed", "true_alerts_unconfirmed",
    "true_alert_engagements", "false_alerts", "false_alerts_confirmed", "false_alerts_unconfirmed",
    "false_alert_engagements", "arrests", "other_disposal", "no_action", "arrests_or_disposals", "faces_seen",
]
DEPLOYMENT_COLUMNS = [
    "deployment_id", "source_file", "page", "row", "location", "location_key", "date", "duration_minutes", "purpose",
    "purpose_normalised", "watchlist_size", "threshold", *COUNTS[1:], "false_alert_rate_printed", "false_alert_rate",
    "false_alert_rate_rounding", "status", "flags", "superseded_by",
]
ANOMALY_COLUMNS = ["deployment_id", "source_file", "page", "check", "expected", "found", "detail"]
CHECKS = ["copied_column", "unreadable", "alerts_sum", "outcomes_exceed_alerts", "alerts_exceed_faces", "false_alert_rate",
          "false_alert_rate_truncated", "watchlist_outlier", "date_order", "date_after_edition", "location_variants", "duplicate", "restated",
          "likely_restated", "dropped_by_later_edition", "purpose_code",
          "weekday"]
RATE_ROUNDING = ["exact", "rounded or truncated", "rounded", "truncated", "unexplained"]
EXTRA_COLUMNS = ["deployment_id", "source_file", "page", "column", "value"]
EDITION_COLUMNS = ["source_file", "title", "edition_date", "pages", "deployments", "deployments_superseded"]
METRICS = ["total_alerts", "true_alerts", "false_alerts", "arrests", "arrests_or_disposals", "faces_seen"]

# A row that is not a deployment: a total, a footnote or a legend line ("* estimate", "Note: ...").
NOT_A_DEPLOYMENT = re.compile(r"^\W*(?:(?:sub[\s-]?|grand\s+|running\s+)?totals?\b|all deployments\b|overall\b|summary\b|"
                              r"notes?\b|key\b|legend\b|source\b|[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰])", re.IGNORECASE)
# A statistic of the rows ("Average", "Mean", "Median") is no deployment either, as a total is not.
TOTAL = re.compile(r"^\W*(?:(?:sub[\s-]?|grand\s+|running\s+)?totals?|all deployments|overall|summary|year to date|ytd|"
                   r"cumulative|average|mean|median)\b", re.IGNORECASE)
# What may follow a total's name in a label under the location beside a date ("Total", "Total for
# January", "Total (Jan)", "Total to date", "Average: January"); a name does not ("Total Fitness,
# Wembley", "Mean Fiddler": places).
TOTAL_REST = re.compile(r"\s*(?:$|[^\w\s]|(?:for|of|to|in|on|from|this|these|all|deployments?|alerts?|figures?|rows?|"
                        r"week|month|year|quarter|period|q[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
                        r"\d+)\b)", re.IGNORECASE)
# A total named anywhere in a row's label ("Period total", "Page 1 sub-total", "Jan-25 total", "Sum"),
# for a row whose date cell prints no date: no deployment is labelled so. Round 12: a running total
# named after its period ("2025 to date", "Jan-25 YTD"; before, a rejection as a row with a bad date).
TOTAL_WORD = re.compile(r"\b(?:sub[\s-]?)?totals?\b|^\W*sum\b|\bto date\b|\b[ymq]td\b", re.IGNORECASE)
# Start and end times in 12-hour form: "2pm-7.30pm", "2:00 PM - 8:00 PM", "10:45 a.m. to 3pm", "2-8pm"
# (the start's half of the day that of the end's when not printed and earlier on the clock) (round 9:
# before, reported, and a grid printing them after its dates refused whole).
_MERIDIEM = r"[ap]\.?\s*m\b\.?"
TWELVE_HOUR_TIMES = re.compile(rf"(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d{{2}}))?\s*(?P<ap1>{_MERIDIEM})?\s*(?:-|\u2013|to)\s*"
                               rf"(?P<h2>\d{{1,2}})(?:[:.](?P<m2>\d{{2}}))?\s*(?P<ap2>{_MERIDIEM})", re.IGNORECASE)
# A deployment's start and end times after its date ("08/01/25 10:00-15:30", "08/01/25 2pm-7:30pm": the
# duration, when no column prints one).
DATE_TIMES = re.compile(r"(?<=\d)\s+(?P<times>\d{1,2}:\d{2}\s*(?:-|\u2013|to)\s*\d{1,2}:\d{2}|"
                        rf"\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{_MERIDIEM})?\s*(?:-|\u2013|to)\s*\d{{1,2}}(?:[:.]\d{{2}})?\s*{_MERIDIEM})$",
                        re.IGNORECASE)
# A deployment's number within its day after the date ("08/01/25 (1 of 2)", "(no. 2)"): no figure of the date.
DAY_NUMBER = re.compile(r"(?<=\d)\s*\(\s*(?:\d+\s+of\s+\d+|no\.?\s*\d+)\s*\)$", re.IGNORECASE)
# A year printed with an apostrophe for its century ("8 Jan '25"): the two-digit year; before a full
# year too ("8 Jan '2025", round 8: before, the grid was refused), the year as printed.
APOSTROPHE_YEAR = re.compile(r"(?<=[a-z.\s/-])['\u2019]((?:19|20)?\d\d)$", re.IGNORECASE)
# A note in brackets after a date: a footnote number ("08/01/25 (12)") or words about the day
# ("(school holiday)"), no part of the date (round 8: before, the row was set aside). Not words that
# change which day or whether it ran ("(overnight)", "(week 2)", "(to 10/01)", "(approx.)",
# "(cancelled)", "(TBC)"): those rows stay set aside, as before.
DATE_NOTE = re.compile(r"(?<=\d)\s*\(\s*(?:\d{1,2}|(?![^)]*\b(?:\w*night|week|w/?[ce]|to|until|till|and|or|from|approx\w*|"
                       r"about|circa|c|est\w*|tbc|tbd|tba|provisional|unconfirmed|uncertain|cancell?\w*|abort\w*|"
                       r"abandon\w*|postpon\w*|stood|withdrawn|called|not|no|did|n/?a|fault|day\w*|date\w*)\b)[a-z][a-z .'-]*)\s*\)$",
                       re.IGNORECASE)
# A named day or night after a date ("(Bonfire Night)", "(Match Day)", "(Boxing Day)", "(Christmas Eve)"):
# a note, though DATE_NOTE's words "night" and "day" are in it (round 9: before, the row was set aside).
# Capitalised words only, none saying which day or how many ("(Next Day)", "(Two Day)", "(Late Night)"
# stay set aside).
NAMED_DAY = re.compile(r"(?<=\d)\s*\(\s*(?:(?!(?i:next|following|previous|prior|same|other|each|every|one|two|three|"
                       r"four|half|whole|full|all|both|second|first|last|late|early|over|mid|a|the|no|not)\b)"
                       r"[A-Z][a-z']*\s+){1,3}(?:Day|Night|Eve)\s*\)$")
# A weekday after a date ("08/01/25 Wed", "08/01/25 (Mon)"): read as one before it is (round 12: before,
# set aside without brackets, and in brackets dropped as a note, so never checked against the date).
TRAILING_WEEKDAY = re.compile(r"(?<=\d)\s*,?\s*(?P<open>\()?\s*(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
                              r"(?:day)?\.?\s*(?(open)\))$", re.IGNORECASE)
# A time of day after a date: a clock time ("08/01/2025 10:00", Excel's "2025-01-08T10:00:00") or the
# part of the day ("08/01/25 AM", "(pm)", "morning": two deployments on one day told apart).
TIME_OF_DAY = re.compile(r"(?<=\d)(?:\s+|T|,\s*)(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\(?(?:[ap]\.?m\.?|morning|"
                         r"afternoon|evening)\)?)$", re.IGNORECASE)
# A summary table's row label: a total, a month, a week, a quarter or a year.
PERIOD = re.compile(r"^\W*(?:(?:sub[\s-]?|grand\s+|running\s+)?totals?|all|overall|summary|year to date|ytd|cumulative|"
                    r"average|mean|median|"
                    r"week|quarter|q[1-4]|month|year|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:19|20)\d\d)\b",
                    re.IGNORECASE)
# The noun a count's cell may print after its figure, as what the column counts ("12,000 faces" under faces
# seen, "16,100 images" under the watchlist, "3 alerts", "1 arrest"): no part of the figure (round 15: before,
# reported). Only the column's own noun: "12,000 arrests" under faces seen stays reported.
_ALERT_NOUN = r"alerts?|matches"
COUNT_NOUNS = {
    "faces_seen": r"faces?",
    "watchlist_size": r"images?|names?|people|persons?|individuals?|subjects?|identities",
    "arrests": r"arrests?",
    **{f: _ALERT_NOUN for f in ("total_alerts", "true_alerts", "true_alerts_confirmed", "true_alerts_unconfirmed",
                                "false_alerts", "false_alerts_confirmed", "false_alerts_unconfirmed")},
}
# Hours and minutes, with Excel's seconds ("5:30:00", its [h]:mm:ss): whole minutes only.
CLOCK = re.compile(r"(?P<h>\d{1,2})\s*:\s*(?P<m>\d{2})(?::(?P<s>\d{2}))?")
# A cell repeating the one above it in a hand-kept table: "As above", "Ditto", a ditto mark.
# Round 11: "do." (ditto's abbreviation, "- do -"), the double prime, a mark under each word ("” ”"); under
# the date too (a day's second deployment: the date above).
DITTO_MARK = r"(?:\"|''|\u3003|\u2033|\u201d|\u201c)"
DITTO = re.compile(rf"\s*(?:(?:same )?as above|ditto|-?\s*do\.?\s*-?|{DITTO_MARK}(?:\s*{DITTO_MARK})*)\s*", re.IGNORECASE)
NOT_AVAILABLE = re.compile(r"n\s*/\s*a\b\W*(?P<note>.*)", re.IGNORECASE | re.DOTALL)
# Words saying a deployment produced no results ("Cancelled", "Deployment aborted"): the reason is the
# whole text. Only where the row prints no result at all (see ``_status``).
# "TBC" and its kin: a deployment listed before its results were known.
# Not when the word is denied ("Not cancelled - moved to Walworth", "wasn't called off"). Round 10:
# "did not run", "not run" (a table under "Deployments that did not run" was counted with results).
NO_RESULTS = re.compile(r"(?P<note>(?!.*\b(?:not|never|no longer|\w+n't)\s+(?:cancell?ed|aborted|abandoned|stood down|"
                        r"postponed|withdrawn|called off)\b)(?:\w+\s+){0,3}?(?:cancell?ed|aborted|abandoned|stood down|postponed|not deployed|"
                        r"withdrawn|called off|did not (?:go ahead|take place|proceed|deploy|run)|not run|"
                        r"(?:equipment|technical|system) (?:failure|fault)|tb[ca]|to be (?:confirmed|announced)|"
                        r"not yet (?:known|available|reported)|awaited)\b[\w\s.,:;-]*)", re.IGNORECASE)
# A location cell saying the place is withheld ("[Redacted]", "Withheld", "Not disclosed", "Location
# withheld (s.31)", "Exempt - section 31"): the whole cell, so a place holding such a word is a place.
WITHHELD = re.compile(r"\W*(?:(?:location|place|site|address)\s+)?(?:redacted|withheld|not\s+(?:disclosed|published|"
                      r"given|released)|exempt(?:ed)?)\W*(?:(?:under\s+)?(?:s\.?|section)\s*\d+[\w()]*\W*)?", re.IGNORECASE)
# A cell answering "no" to a question its header asks ("Cancelled? | N"): no reason.
ANSWER_NO = re.compile(r"no?|none|false", re.IGNORECASE)
# A dash alone says "nothing printed here" (not 0: a dash is also "not applicable"); "nil" is zero.
DASH = re.compile(r"[-\u2010-\u2015\u2212]+")
NIL = re.compile(r"nil|none", re.IGNORECASE)
ZERO = re.compile(r"0+(?:\.0+)?\s*%?|nil|none", re.IGNORECASE)  # a result of nothing, in any form
# A figure given only roughly ("c. 20,000", "approx 20000", "~20,000", "20k"): reported, never guessed.
APPROXIMATE = re.compile(r"(?:c\.?|ca\.?|circa|approx(?:\.|imately)?|about|~|<|>)\s*[\d,. ]+|[\d,.]+\s*[km]\+?", re.IGNORECASE)
# A footnote marker after a value ("5*", "3†", "12¹", "12 (a)", "1 [1]"): the note is printed elsewhere, the value stands.
FOOTNOTE = re.compile(r"(?<=[\d%a-z)])\s*(?:[*†‡§¶#]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\w\)|\[\w\])$", re.IGNORECASE)
# A footnote mark after a place ("Walworth Rd¹", "Croydon*": round 8, before, kept in the place); not
# a figure or a bracket, which may be the place's ("Junction 5", "Station Rd (Harrow)").
PLACE_MARK = re.compile(r"(?<=\w)\s*(?:[*†‡§¶]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
# A figure in round brackets after a figure: "5 (4)" (five, of which four? or corrected to four? the
# grid does not say). After a count or a rate it is no footnote marker: the value is reported. (A
# letter, "12 (a)", is a marker; so is "(1)" after a date, which no figure qualifies.)
BRACKETED_FIGURE = re.compile(r"\d%?\s*\(\s*\d[\d,.]*\s*%?\s*\)\s*$")
# The day a count was taken, in brackets after it ("16,100 (as at 06/01/25)", "(as of 6 Jan)", "(06/01/25)": a
# watchlist counted before the deployment): when, no other figure; the count stands (round 12: before,
# reported), unless the day is after the deployment's (not the figure it ran with: reported). A date only:
# slashes, three parts with points, or a month's name ("5 (4.5)" stays reported).
AS_AT = re.compile(r"(?<=\d)\s*\(\s*(?:as\s+(?:at|of|on)\s+|at\s+|on\s+)?(?P<day>\d{1,2}/\d{1,2}(?P<y1>/\d{2,4})?|"
                   r"\d{1,2}\.\d{1,2}(?P<y2>\.\d{2,4})|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                   r"nov|dec)[a-z]*\.?(?P<y3>\s+\d{2,4})?)\s*\)$", re.IGNORECASE)
DURATION = re.compile(
    r"(?:(?P<h>\d{1,3})\s*(?:h|hrs?|hours?)\.?)?\s*(?:(?P<m>\d{1,4})\s*(?:m|mins?|minutes?)?\.?)?", re.IGNORECASE)
# A clock time as a start or end: "10:00", "10.00", the police's 24-hour "1000" or "1000hrs", Excel's
# "10:00:00" (seconds 00). Four digits without a colon only as a pair of times (below), never alone.
_CLOCK_TIME = r"(?P<h{k}>\d{{1,2}}(?=[:.]\d\d)|\d\d(?=\d\d\b|\d\d\s*h))[:.]?(?P<m{k}>\d{{2}})(?::00)?(?:\s*hrs?\.?)?"
TIMES = re.compile(_CLOCK_TIME.format(k=1) + r"\s*(?:-|\u2013|to)\s*" + _CLOCK_TIME.format(k=2), re.IGNORECASE)
DECIMAL_HOURS = re.compile(r"(?P<h>\d{1,2}\.\d{1,2})\s*(?:h|hrs?|hours?)\.?", re.IGNORECASE)
# A word in brackets after a threshold saying why it was set ("(default)", "(recommended)"); not one saying
# it was not the setting throughout, anywhere in the bracket (round 9: "(raised later)", "(set to max)",
# "(lowered during deployment)" were read as 0.64, only the first word was looked at).
SETTING_NOTE = re.compile(r"\s*\((?![^)]*\b(?:approx\w*|about|circa|c|est\w*|range\w*|vari\w*|min\w*|max\w*|to|not?|"
                          r"none|unused|later|then|until|from|chang\w*|revis\w*|correct\w*|rais\w*|lower\w*|increas\w*|"
                          r"decreas\w*|reduc\w*|adjust\w*|during|mid|initial\w*|previous\w*|was|were|higher|or|and|"
                          r"between)\b)[a-z][a-z .]*\)$", re.IGNORECASE)
PERCENT_HEADER = re.compile(r"%|\bper ?cent", re.IGNORECASE)
HOURS_HEADER = re.compile(r"\b(?:hours|hrs?)\b", re.IGNORECASE)
MINUTES_HEADER = re.compile(r"\b(?:mins?|minutes)\b", re.IGNORECASE)
# A count's header printing it in thousands or millions ("Faces seen (000s)", "('000)", "thousands";
# round 10: "(millions)", "(m)", "(mn)"): its values are rounded, no count: the column is kept aside,
# never read as 12 faces or as 12,000 (nor "1" under "(m)" as one face).
# Round 11: "(k)", as "Faces seen (k)" printing "12", "9.5".
SCALED_HEADER = re.compile(r"(?<!\d)'?000'?s?\b|\bthousands?\b|\bmillions?\b|\bmns?\b|\(\s*[mk]\s*\)", re.IGNORECASE)
# A rate's base in its header ("per 1,000 faces", "per 10000"): a power of ten from a thousand (round 14).
PER_BASE = re.compile(r"\bper\s+(?P<base>10{0,2}(?:,?000)+)\b", re.IGNORECASE)
# Round 14: "per cent" or "percent" in words after the figure is the sign ("0.008 per cent").
PERCENT = re.compile(r"(?P<value>\d+(?:\.(?P<decimals>\d+))?)\s*(?:%|(?i:per ?cent)\b)")
# Purpose codes: numbers or letters ("1,2,3", "A, B", "P1/P2"), as the grid's own legend defines them.
PURPOSE_CODES = re.compile(r"(?:\d{1,3}|[A-Z]\d{0,2})(?:\s*(?:[,;/&]|and)\s*(?:\d{1,3}|[A-Z]\d{0,2}))*")
PURPOSE_CODE = re.compile(r"\d{1,3}|[A-Z]\d{0,2}")
# A purpose legend's code column: "Reference", "Ref.", "Code", "Key", "No."
LEGEND_CODE = re.compile(r"^(?:lfr |purpose )?(?:ref(?:erence)?|code|key|no|number|id)(?: (?:no|number|code))?$")
LEGEND_MEANING = re.compile(r"\b(?:meaning|description|explanation|definition)\b")
FIGURE = re.compile(r"\d[\d,\u2009\u202f ]*(?:\.\d+)?\s*%?")
SHARE = 0.01  # of the table's width: a rescaled page's columns may sit this far from the header's
ALIGN = 6.0  # points: a continuation page's columns may sit this far from the header page's


def _bare(text: str) -> str:
    """A printed value without its spacing and footnote marker."""
    return FOOTNOTE.sub("", " ".join(str(text).split()))


# Year first with slashes or points, as some systems export ("2025/01/08"): ISO's order, read as ISO.
YEAR_FIRST = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[/.]\s*(?P<m>\d{1,2})\s*[/.]\s*(?P<d>\d{1,2})")


def _date_text(text: str) -> str:
    """A date cell without its footnote marker, a leading weekday ("Tue 08/01/2025"), a time of day or
    start and end times after it ("08/01/2025 10:00", "2025-01-08T10:00:00": Excel's date-times;
    "08/01/25 10:00-15:30") and a number within the day ("(1 of 2)"); a year-first date ("2025/01/08")
    in ISO form, an apostrophe year ("8 Jan '25") as two digits."""
    text = DAY_NUMBER.sub("", DATE_TIMES.sub("", LEADING_WEEKDAY.sub("", TRAILING_WEEKDAY.sub("", _bare(text)))))
    text = DATE_NOTE.sub("", NAMED_DAY.sub("", APOSTROPHE_YEAR.sub(r"\1", TIME_OF_DAY.sub("", text))))
    m = YEAR_FIRST.fullmatch(text)
    return f"{m['y']}-{m['m']}-{m['d']}" if m else text


def prints_month_first(texts: list[str]) -> bool:
    """Does a grid print its numeric dates month first? Only when two or more are impossible day
    first (a second part over 12: "01/13/25") and none is impossible month first; a grid whose days
    are all 12 or less cannot tell, and is read day first."""
    parts = [(int(m[1]), int(m[2])) for t in texts if (m := NUMERIC_DATE.fullmatch(_date_text(t)))]
    return sum(b > 12 for _, b in parts) >= 2 and not any(a > 12 for a, _ in parts)


@lru_cache(maxsize=8192)  # called on every cell while looking for the first dated row; cells repeat ("0", "1")
def is_date_cell(text: str) -> bool:
    """A cell printing a date, day first: "08/01/25", "8 Jan 2025", "Tue 08/01/2025", or ISO
    "2025-01-08" (possible or not: 31/02/25 is a deployment row with a bad date, set aside with its
    reason)."""
    if len(text) > 30:
        return False
    text = _date_text(text)
    return bool(NUMERIC_DATE.fullmatch(text) or WORDED_DATE.fullmatch(text) or US_WORDED_DATE.fullmatch(text)
                or ISO_DATE.fullmatch(text))


# Two days joined in one cell: "07-08/01/2025", "8 & 9 January 2025", "08/01/25 to 09/01/25".
RANGE_JOIN = re.compile(r"\s*(?:[-\u2013\u2014&]|\band\b|\bto\b)\s*", re.IGNORECASE)
RANGE_START = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[A-Za-z]{3,9}\.?|[/.]\d{1,2})?")


@lru_cache(maxsize=8192)
def is_date_range(text: str) -> bool:
    """A cell printing one deployment over two days, and nothing else: a date after the join, a date
    or a day ("07", "8th", "8 Jan", "07/01") before it. A deployment row whose date is then set aside
    (which day the figures belong to is not printed); never several rows' dates run together."""
    if len(text) > 40 or is_date_cell(text):
        return False
    text = " ".join(text.split())
    return any(is_date_cell(text[m.end():]) and (is_date_cell(text[:m.start()]) or RANGE_START.fullmatch(text[:m.start()]))
               for m in RANGE_JOIN.finditer(text))


def _dated(row: Row) -> bool:
    """A deployment's row: it prints a date, or a range of two days."""
    return any(is_date_cell(c.text) or is_date_range(c.text) for c in row.cells)


def parse_date(text: str, month_first: bool = False) -> dt.date:
    """A printed grid date, day first (month first in a grid found to print so: ``month_first``); ISO
    year-month-day too (its four-digit year comes first, so it cannot be mistaken for day first)."""
    clean = _date_text(text)
    numeric = NUMERIC_DATE.fullmatch(clean)
    if month_first and numeric:
        clean = f"{numeric[2]}/{numeric[1]}/{numeric[3]}"
    return parse_printed_date(clean)


class GridError(ValueError):
    """A grid that cannot be read at all: unreadable PDF, unknown header, no deployment table."""


@dataclass(frozen=True)
class _Column:
    x0: float
    x1: float
    field: str | None
    header: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Record:
    page: int
    table: int  # index of the table it was printed in (places it relative to purpose legends)
    cells: dict[str, str] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)  # header -> text, columns of no known meaning
    rate_base: int | None = None  # the rate's header gives its base: 100 ("False alert rate (%)"), 1,000 ("per 1,000 faces")
    duration_unit: str | None = None  # the duration's header gives its unit ("Duration (hours)"): "h" or "min"
    threshold_in_percent: bool = False  # the threshold's header gives "%" ("Threshold (%)")
    struck: bool = False  # printed struck through
    merged: dict[str, str] = field(default_factory=dict)  # figure fields printed in one cell over several columns
    heading: str = ""  # the line printed just above its table ("Cancelled deployments")

    def extend(self, more: tuple[dict[str, str], dict[str, str]]) -> None:
        """Append the wrapped continuation of this row's cells."""
        for mine, theirs in zip((self.cells, self.extras), more):
            for key, text in theirs.items():
                if text:
                    mine[key] = " ".join(filter(None, [mine.get(key, ""), text]))


@dataclass
class _Read:
    records: list[_Record]
    legends: list[tuple[int, dict[str, str]]]
    rejections: list[Rejection]
    warnings: list[str]
    warned: set[tuple[str, str]] = field(default_factory=set)  # (column, why) already warned of
    unruled: list[int] = field(default_factory=list)  # pages with a table whose rows are not ruled apart
    headless: list[int] = field(default_factory=list)  # pages with a dated table and no header before it


def _text_at(row: Row, x: float, merged: bool = True) -> str:
    """The text of the cell at ``x``; ``merged``: also a cell merged with the one above (its text)."""
    cell = row.at(x)
    return cell.text if cell and (merged or not cell.continued) else ""


def _name(header: list[Row], first: Row) -> list[_Column]:
    """The columns of ``first`` (a deployment row) named from the header rows above them; a header of
    no known meaning, or a second one meaning a field already taken, names no field."""
    left, right = first.cells[0].x0, first.cells[-1].x1
    # A header cell across the whole table is its title ("Date, location and outcome of each
    # deployment"), not a group header: it names no column.
    titles = {id(h) for h in header if len(h.cells) == 1 and len(first.cells) > 1
              and h.cells[0].x0 <= left + ALIGN and h.cells[0].x1 >= right - ALIGN}
    texts = [" ".join(p for h in header if id(h) not in titles and (p := _header_text(h.at(cell.centre))))
             for cell in first.cells]
    meanings = [headers.field_for(text) if text else None for text in texts]
    prints_date = [k for k, cell in enumerate(first.cells) if is_date_cell(cell.text)]
    if "date" not in meanings and len(prints_date) == 1 and meanings[prints_date[0]] is None:
        # No header names the date ("When", "Deployed on"), one column of no known meaning prints
        # dates: it is the date (with a warning), rather than the grid being rejected for lacking one.
        meanings[prints_date[0]] = "date"
    # Two columns meaning one field: the one whose header meets the closer rule ("Location" before
    # "BCU / Area"), then the first printed; of two headers naming a date ("Day | Date"), the column
    # that prints one.
    ranks = [headers.rank_of(t) if t else None for t in texts]
    # Of several, the one whose header says least besides the date ("Date" before "W/c date", the
    # week's Monday), then the first printed. Of two others meeting one rule (round 11), one naming a plan
    # loses ("Location" before "Planned location": where it ran, not where it was meant to), then the
    # first printed.
    dated = sorted((k for k in prints_date if meanings[k] == "date"), key=lambda k: (_qualifiers(texts[k]), k))
    chosen: dict[str, int] = {}
    chosen_rank: dict[str, tuple[int, bool]] = {}
    for k, meaning in enumerate(meanings):
        if meaning is None or (meaning == "date" and dated and k != dated[0]):
            continue
        rank = (len(headers.FIELDS) if ranks[k] is None or meaning == "date" else ranks[k], "plan" in headers.concepts(texts[k]))
        if meaning not in chosen or rank < chosen_rank[meaning]:
            chosen[meaning], chosen_rank[meaning] = k, rank
    keep = set(chosen.values())
    if "location" in chosen:
        # "Location" spanning sub-columns ("Street | Borough"): the place is their texts joined.
        x = first.cells[chosen["location"]].centre
        group = next((c for h in header if id(h) not in titles and (c := h.at(x)) is not None
                      and c.x1 - c.x0 > first.cells[chosen["location"]].x1 - first.cells[chosen["location"]].x0 + ALIGN
                      and headers.field_for(_header_text(c)) == "location"), None)
        if group is not None:
            keep |= {k for k, cell in enumerate(first.cells) if meanings[k] == "location" and group.covers(cell.centre)}
    return [_Column(cell.x0, cell.x1, meanings[k] if k in keep else None,
                    texts[k] or f"column {k + 1} (no header)") for k, cell in enumerate(first.cells)]


def _renamed(columns: list[_Column], row: Row) -> list[_Column]:
    """The columns as a header printed again inside the table names them: in its own order when it
    names, each in one cell, every field the first header named and no other (a section's header with
    two columns swapped); otherwise as before (a group header row, a header naming other fields)."""
    texts = [" ".join(_text_at(row, c.centre).split()) for c in columns]
    fields = [headers.field_for(t) if t else None for t in texts]
    known = [c.field for c in columns if c.field]
    if (fields == [c.field for c in columns] or len(set(known)) != len(known)
            or sorted(f for f in fields if f) != sorted(known) or any(c.field and not f for c, f in zip(columns, fields))):
        return columns
    return [_Column(c.x0, c.x1, f, t or c.header) for c, f, t in zip(columns, fields, texts)]


def _qualifiers(header: str) -> int:
    """Words a date's header adds to the date of the deployment ("W/c date": w, c; "Date reviewed":
    reviewed); its format ("dd/mm/yy") and "deployment" add nothing."""
    return len([w for w in re.findall(r"[a-z]+", header.lower()) if w not in DATE_WORDS])


DATE_WORDS = {"date", "day", "of", "the", "deployment", "deployed", "dd", "mm", "yy", "yyyy"}


def _columns(name: str, page: int, header: list[Row], first: Row, out: _Read) -> list[_Column]:
    """``_name`` with a warning for each column kept aside (once per grid, not on every page that
    repeats the header); only a missing date or location stops the grid."""
    columns = [_Column(c.x0, c.x1, None, c.header) if c.field in COUNTS and SCALED_HEADER.search(c.header) else c
               for c in _name(header, first)]
    fields = {c.field for c in columns}
    missing = [f for f in headers.REQUIRED if f not in fields]
    if missing:
        raise GridError(f"{name}: page {page}: no {' or '.join(missing)} column among headers "
                        f"{[c.header for c in columns]}")
    for c in columns:
        if c.field == "date" and headers.field_for(c.header) != "date" and (c.header, "date") not in out.warned:
            out.warned.add((c.header, "date"))
            out.warnings.append(f"{name}: page {page}: no header names the date; column {c.header!r} prints dates "
                                "and is read as the date")
        if c.field is not None:
            continue
        meaning = headers.field_for(c.header)
        taken = next((t for t in columns if t.field and t.field == meaning), None)
        said = headers.concepts(c.header)
        on_purpose = {"watchlist", "part"} <= said  # a known field's part, kept aside by design
        why = (f"also reads as {taken.field} (taken from {taken.header!r})" if taken
               else f"gives {meaning} in thousands or millions (rounded figures, not a count)" if meaning in COUNTS
               else "gives a part of the watchlist (by who is on it), not its size" if on_purpose
               else "means no known field")
        if (c.header, why) in out.warned:
            continue
        out.warned.add((c.header, why))
        out.warnings.append(f"{name}: page {page}: column {c.header!r} {why}; kept aside in extra_columns"
                            + ("" if taken or meaning in COUNTS or on_purpose else " (add its meaning to foi_analysis/grids/headers.py)"))
    return columns


def _header_text(cell: Cell | None) -> str:
    """A header cell's lines joined; a word broken at a line end with a hyphen is joined again
    ("Con-" + "firmed"), a spaced dash ("Outcome -" + "Arrest") is kept."""
    if cell is None or cell.continued:  # a header cell spanning rows is named once
        return ""
    return re.sub(r"(?<=[A-Za-z])- (?=[a-z])", "", " ".join(cell.lines))


def _continuation(header: list[Row], first: Row, previous: list[_Column]) -> tuple[list[Row], list[Row]]:
    """Split a page's header rows from the wrapped tail of the previous page's last row printed under
    them (a header repeated on every page, then "High Road" finishing "Wood Green").

    The header is the fewest top rows that name the columns as the last header did; the rows below
    it are a tail only if they print text under the location or purpose column and nowhere but
    there or under a column of no known field (a header's own last line, "Confirmed | Unconfirmed",
    sits under figures). Otherwise every row is header, as before."""
    want = [c.field for c in previous]
    for k in range(1, len(header)):
        columns = _name(header[:k], first)
        if [c.field for c in columns] != want:
            continue
        tail = header[k:]
        text_fields = {"location", "purpose"}
        for row in tail:
            where = {c.field for c in columns if _text_at(row, c.centre)}
            if not (where & text_fields) or where - text_fields - {None}:
                return header, []
        return header[:k], tail
    return header, []


def _fills(record: _Record, values: dict[str, str]) -> bool:
    """Does a row without a date only fill cells of ``record`` that are empty (its text columns aside)?"""
    printed = [k for k, v in values.items() if v and k not in ("location", "purpose")]
    return bool(printed) and not values.get("date") and not any(record.cells.get(k) for k in printed)


def _prints_figures(row: Row) -> bool:
    """Two or more cells that are plain numbers: a deployment's figures, never a header's words."""
    return sum(bool(FIGURE.fullmatch(_bare(c.text))) for c in row.cells) >= 2


def _names_columns(row: Row) -> bool:
    """A row of header words: two or more cells naming what a column holds ("Location", "Confirmed"),
    none a figure."""
    return (not any(FIGURE.fullmatch(_bare(c.text)) for c in row.cells)
            and sum(bool(headers.concepts(c.text)) for c in row.cells if c.text) >= 2)


def _same_width(a: Row, b: Row) -> bool:
    """Do two rows span (nearly) the same width: a header drawn as a table of its own over its rows
    (the Met's 2023-24 header juts out 6 pt to the left), not a summary table above them?"""
    tolerance = max(ALIGN, 0.02 * (b.cells[-1].x1 - b.cells[0].x0))
    return abs(a.cells[0].x0 - b.cells[0].x0) <= tolerance and abs(a.cells[-1].x1 - b.cells[-1].x1) <= tolerance


def _aligned(columns: list[_Column], row: Row) -> bool:
    return len(row.cells) == len(columns) and all(
        abs(c.centre - cell.centre) <= ALIGN for c, cell in zip(columns, row.cells))


def _realign(columns: list[_Column], row: Row) -> list[_Column] | None:
    """The last header's columns placed over ``row`` of a page without a header: where they are, or
    (a page turned from landscape to portrait, the table rescaled) as many cells at the same
    proportions of the table's width. None when they do not line up."""
    if _aligned(columns, row):
        return columns
    if len(row.cells) != len(columns):
        return None
    def shares(xs):
        left, width = xs[0][0], xs[-1][1] - xs[0][0]
        return [((a + b) / 2 - left) / width for a, b in xs]
    theirs = shares([(c.x0, c.x1) for c in row.cells])
    ours = shares([(c.x0, c.x1) for c in columns])
    if any(abs(a - b) > SHARE for a, b in zip(theirs, ours)):
        return None
    return [_Column(cell.x0, cell.x1, c.field, c.header) for c, cell in zip(columns, row.cells)]


def _values(row: Row, columns: list[_Column], merged: bool = True) -> tuple[dict[str, str], dict[str, str]]:
    """(known field -> text, extra column header -> text) of one printed row; ``merged``: with the text
    of cells merged with the row above (not when the row continues that one's text)."""
    values, extras = {}, {}
    for c in columns:
        text = _text_at(row, c.centre, merged)
        cell = row.at(c.centre)
        if text and c.field not in RESULTS and _says_why_no_results(cell, c, columns, text):
            text = ""  # "Cancelled - weather" merged across the row: the reason, not a place, time or setting
        elif (text and not _says_why(text) and (spanned := _spanned(cell, c, columns)) and spanned[0] is not c
              and not _figure_over_figures(cell, spanned)):
            # A cell merged across columns (a place over the empty duration beside it) is its first
            # column's text, as text running past its cell is; a figure over two figure columns is
            # neither's (``_merged_figures``).
            text = ""
        if c.field:  # (a place printed over several columns: joined)
            values[c.field] = ", ".join(filter(None, [values.get(c.field), text]))
        if text and (not c.field or c.field in headers.CLOCK_FIELDS):  # clock times: also kept as printed
            extras[c.header] = text
    return values, extras


def _says_why(text: str) -> bool:
    """Words saying why nothing is printed ("N/A", "Cancelled - weather") or a dash: the same for every
    column a merged cell spans."""
    return _blank(text) or bool(NO_RESULTS.fullmatch(text))


def _spanned(cell: Cell | None, column: _Column, columns: list[_Column]) -> list[_Column]:
    """The columns a body cell merged across several spans, left to right; [] for a column's own cell."""
    if cell is None or (cell.x0 >= column.x0 - ALIGN and cell.x1 <= column.x1 + ALIGN):
        return []
    spanned = [c for c in columns if cell.covers(c.centre)]
    return spanned if len(spanned) >= 2 else []


def _merged_figures(row: Row, columns: list[_Column]) -> dict[str, str]:
    """Figure fields whose figure is printed in one cell merged over two or more figure columns
    ("5" over True confirmed | Unconfirmed): field -> the spanned columns' headers. Which column the
    figure is for is not printed: each is reported, never read as that figure twice."""
    out = {}
    for c in columns:
        cell = row.at(c.centre)
        spanned = _spanned(cell, c, columns)
        if c.field in FIGURES and _figure_over_figures(cell, spanned):
            out[c.field] = " | ".join(s.header for s in spanned if s.field in FIGURES)
    return out


def _figure_over_figures(cell: Cell | None, spanned: list[_Column]) -> bool:
    return (cell is not None and sum(s.field in FIGURES for s in spanned) >= 2
            and bool(FIGURE.fullmatch(_bare(cell.text))))


def _says_why_no_results(cell: Cell | None, column: _Column, columns: list[_Column], text: str) -> bool:
    """A cell merged across several columns, results among them, that says why a deployment has none
    ("Cancelled - weather", "N/A - equipment failure"): it speaks for the results only."""
    if cell is None or (cell.x0 >= column.x0 - ALIGN and cell.x1 <= column.x1 + ALIGN):
        return False  # the column's own cell
    spanned = [c for c in columns if cell.covers(c.centre)]
    return (len(spanned) >= 2 and any(c.field in RESULTS for c in spanned)
            and bool(NOT_AVAILABLE.fullmatch(text) or NO_RESULTS.fullmatch(text)))


def _legend(rows: list[Row]) -> dict[str, str] | None:
    """A purpose legend as code -> meaning: a code column ("Reference", "Code", "Key", "No.") beside a
    purpose ("Purpose", "Use Case", "Deployment purpose") or a "Meaning" / "Description" column."""
    if not rows:
        return None
    head = rows[0]
    code_cell = next((c for c in head.cells if LEGEND_CODE.fullmatch(headers.normalise(c.text))), None)
    meaning_cell = next((c for c in head.cells if c is not code_cell and (
        headers.field_for(c.text) == "purpose" or LEGEND_MEANING.search(headers.normalise(c.text)))), None)
    if code_cell is None or meaning_cell is None:
        return None
    legend = {}
    for row in rows[1:]:
        code = _text_at(row, code_cell.centre).rstrip(".").strip()
        meaning = _text_at(row, meaning_cell.centre)
        if code and meaning:
            legend[code] = meaning
    return legend


FIGURES = (*COUNTS, "false_alert_rate_printed")


def _read(path: Path) -> _Read:
    """Deployment records (cell texts by field) and purpose legends, in printed order."""
    from . import pdf_tables  # imported when a PDF is read: a build whose grids are cached needs no PDF library

    name = path.name
    if not path.is_file():  # a folder, a broken link, a named pipe (which the PDF library would wait on)
        raise GridError(UNREADABLE)
    try:
        tables, pages = pdf_tables.read_pages(path)
    except pdf_tables.PdfReadError as err:
        raise GridError(str(err)) from None
    _check_force(name, tables, pages)
    tables = _years_from_columns(_years_from_headings(tables))
    out = _Read([], [], [], [])
    records = out.records
    columns: list[_Column] | None = None
    pending: list[Row] = []  # a header printed as a table of its own, awaiting its rows
    pending_page = 0
    refused: list[tuple[int, GridError, Row]] = []  # tables whose headers name no date or no location
    for index, table in enumerate(tables):
        rows = [r for r in table.rows if not r.empty]
        first = next((i for i, r in enumerate(rows) if _dated(r)), None)
        if first is None:
            legend = _legend(rows)
            crowded = max((_dates_in(c.text) for r in rows for c in r.cells), default=0)
            if crowded >= 2:
                # Rows not ruled apart (vertical lines only, or stripes of shading): one cell holds
                # several rows' dates. Which line belongs to which row cannot be told: reported.
                out.unruled.append(table.page)
                out.rejections.append(Rejection(
                    f"grids/{name} page {table.page}", "page", next(c.text for r in rows for c in r.cells if _dates_in(c.text) >= 2),
                    f"a table whose rows are not ruled apart ({crowded} dates in one cell): not read; cells are found "
                    "from drawn borders"))
            elif legend is not None:
                out.legends.append((index, legend))
            elif figures := [r for r in rows if _prints_figures(r)]:
                # Rows of figures with no date: a summary (each row a month or a total) is no
                # deployment; anything else (the right half of a grid Excel printed across two pages)
                # is figures of deployments that cannot be placed: reported, never passed over.
                if not all(PERIOD.match(next((c.text for c in r.cells if c.text), "")) for r in figures):
                    out.rejections.append(Rejection(
                        f"grids/{name} page {table.page}", "page", " | ".join(c.text for c in figures[0].cells),
                        f"a table of {len(figures)} row(s) of figures with no date column: not read (the rest of a "
                        "grid printed across pages, or a table of another kind); its figures are not in deployments"))
            elif rows:
                _orphan(name, pending, out, pending_page)
                pending = [*rows]
                pending_page = table.page
            continue
        dated_row = rows[first]  # the first row printing a date: it says which column is the date
        date_x = next(c.centre for c in dated_row.cells if is_date_cell(c.text) or is_date_range(c.text))
        # A row above the first dated one that prints figures is never part of the header: the rest
        # of the previous page's last row, or a deployment whose date was not recognised (reported).
        data = next((i for i, r in enumerate(rows[:first]) if _prints_figures(r)), first)
        lead, above = rows[:data], rows[data:first]
        first = data
        # Rows above the first deployment with nothing under the date column are the tail of the
        # previous page's last row (a wrapped location); a header always labels the date column.
        carried = lead if records and not any(_text_at(r, date_x) for r in lead) else []
        if pending and not _same_width(pending[-1], dated_row):
            _orphan(name, pending, out, pending_page)
            pending = []  # a table of another width above (a monthly summary): not this table's header
        header = ([] if carried else lead) or pending
        if header and records and columns is not None and header is lead:
            # The header repeated on this page may have the previous page's wrapped row under it.
            header, carried = _continuation(header, dated_row, columns)
        top = {id(r) for r in (*carried, *above)}  # rows that may finish the previous page's last row
        # A table that cannot be given columns is reported and skipped, not the whole grid: the
        # other pages' rows are still good.
        dated = sum(_dated(r) for r in rows)
        if header:
            try:
                columns = _columns(name, table.page, header, dated_row, out)
            except GridError as err:
                # A table of another kind (a revision history: "Version | Date | Change") or a page
                # whose headers are not understood: the whole grid is refused for it only when no
                # other table gives deployments (below); otherwise that table is a rejection. A table
                # whose every date is a period ("01/01/2025 - 31/01/2025 | 3 | 10") is a summary,
                # no deployment: neither.
                if any(is_date_cell(c.text) for r in rows for c in r.cells):
                    refused.append((table.page, err, dated_row))
                columns = None
                continue
        elif columns is None:
            out.headless.append(table.page)
            out.rejections.append(Rejection(f"grids/{name} page {table.page}", "page", dated_row.cells[0].text,
                                            f"a table of {dated} dated row(s) with no header above it or before it: not read"))
            continue
        elif (realigned := _realign(columns, dated_row)) is None:
            out.rejections.append(Rejection(
                f"grids/{name} page {table.page}", "page", " | ".join(c.text for c in dated_row.cells),
                f"a table of {dated} dated row(s) with no header of its own whose {len(dated_row.cells)} columns do not "
                f"line up with the last header's {len(columns)}: not read (print the header on this page)"))
            continue
        else:
            columns = realigned
        pending = []
        section = table.heading
        for row in [*carried, *rows[first:]]:
            values, extras = _values(row, columns)
            words = next((c.text for c in row.cells if c.text), "")
            # A total may carry its period under the date column ("January 2025 | Total"): a row
            # naming a total anywhere, whose date cell is no date, is a total.
            # Its label may be under the location beside a date ("31/01/25 | Total for January"):
            # no place is called "Total", so that row is a total too, dated or not.
            # A total's label is under the date or the location: "total" elsewhere ("total alerts
            # revised" in a Notes cell of a row missing its date) labels no total.
            total = ((not is_date_cell(values["date"]) and (any(TOTAL.match(c.text) for c in row.cells) or any(
                TOTAL_WORD.search(values.get(k, "")) for k in ("date", "location"))))
                     or bool((m := TOTAL.match(values.get("location", ""))) and TOTAL_REST.match(values["location"], m.end())))
            if (id(row) in top and records and not total and not NOT_A_DEPLOYMENT.match(words)
                    and _fills(records[-1], values)):
                # The rest of the previous page's last row, its figures included (a row the page
                # broke): the cells it left empty, filled.
                records[-1].extend(_values(row, columns, merged=False))
                continue
            if not is_date_cell(values["date"]) and _names_columns(row):
                # The header printed again inside the table (after each month, say), its columns maybe in
                # another order (round 11: a section's own header, before, read in the first's order).
                columns = _renamed(columns, row)
                continue
            if _heading(row, columns):
                # one cell across the table or several columns: a heading ("FEBRUARY 2025") or a note; a
                # heading saying the rows under it did not run ("Cancelled deployments") speaks for them,
                # up to the next heading, which gives the table's own heading back ("February 2025")
                text = next(c.text for c in row.cells if c.text)
                section = text if NO_RESULTS.fullmatch(" ".join(text.split())) else table.heading
                continue
            if records:  # "As above", a ditto mark: the text of the cell above in that column
                values.update({k: records[-1].cells.get(k, "") for k, v in values.items()
                               if DITTO.fullmatch(v) and records[-1].cells.get(k)})
            if not is_date_cell(values["date"]) and not extras and not any(v for k, v in values.items() if k != "date"):
                continue  # a heading under the date column ("January 2025", "Week 2"), or a blank row
            if values["date"] and not NOT_A_DEPLOYMENT.match(values["date"]) and not total:
                records.append(_Record(table.page, index, values, extras, next(
                    (_rate_base(c.header) for c in columns if c.field == "false_alert_rate_printed"), None),
                    next((_duration_unit(c.header) for c in columns if c.field == "duration"), None),
                    any(c.field == "threshold" and PERCENT_HEADER.search(c.header) for c in columns), row.struck,
                    _merged_figures(row, columns), section))
            elif total or NOT_A_DEPLOYMENT.match(words) or not _aligned(columns, row):
                continue  # a total, a footnote or a note across the table: not a deployment
            elif any(values.get(k) for k in FIGURES):
                out.rejections.append(Rejection(f"grids/{name} page {table.page}", f"row after {len(records)}.date", "",
                                                f"a row with figures but no date ({' | '.join(c.text for c in row.cells)}); "
                                                "kept aside, not counted as a deployment"))
            elif records:  # a wrapped line the PDF drew as a row of its own
                records[-1].extend(_values(row, columns, merged=False))
    if records:
        _orphan(name, pending, out, pending_page)
        out.rejections += [Rejection(f"grids/{name} page {page}", "page", " | ".join(c.text for c in row.cells),
                                     f"a table with dates that is not read: {str(err).removeprefix(name + ': ')}")
                           for page, err, row in refused]
    elif refused:
        raise refused[0][1]
    if not records:
        # Round 15: a table of dated rows with no header before it (the second part of a grid split over two
        # files, its header printed once, in the first): before, refused as if no page had a ruled table with dates.
        why = (f": the table on page(s) {', '.join(map(str, out.unruled))} has rows not ruled apart (several dates in "
               "one cell); cells are found from drawn borders" if out.unruled else
               f": the ruled table of dated rows on page(s) {', '.join(map(str, dict.fromkeys(out.headless)))} has no "
               "header naming its columns (a later part of a grid split over files, its header printed in the first?); "
               "columns are read only from a header, never guessed from another file" if out.headless
               else _why_no_table(pages, tables))
        raise GridError(f"{name}: no deployment table found (no row with a date such as DD/MM/YY){why}")
    out.rejections += _unread_text(name, pages, min(rec.page for rec in records))
    return out


# A police force named in a title: "South Wales Police", "Essex Police", "Avon and Somerset
# Constabulary", "Police Scotland"; the Met by any of its names.
FORCE = re.compile(r"\b(?:(?:[a-z&]+\s+){1,3}?(?:police|constabulary)|police scotland|police service of northern ireland)\b",
                   re.IGNORECASE)
THE_MET = re.compile(r"\b(?:metropolitan police|met police|mps|the met)\b", re.IGNORECASE)
# "police" said of no one force: "deployments by police in London", "use of LFR by the police", "Local Police".
_NOT_A_FORCE_NAME = frozenset("a an and by for from in local of on our the to uk use used with".split())


def _force_names(line: str) -> list[str]:
    """The police forces a title line names: a force's name is the word or words before "Police" or
    "Constabulary" that name a place, capitalised (or the whole line in capitals); "by police" names
    none."""
    found = []
    for m in FORCE.finditer(line):
        if m[0].lower().startswith(("police scotland", "police service of")):
            found.append(m[0])
            continue
        before = m[0].split()[-2]  # (every other match is a word or more, then "Police"/"Constabulary")
        if before.lower() not in _NOT_A_FORCE_NAME and before[:1].isupper():
            found.append(m[0])
    return found


def _check_force(name: str, tables: list, pages: list) -> None:
    """Refuse a grid whose title (the text above its first table, and any cover page before it)
    names a police force and not the Met: the tables built from the grids are the Met's
    deployments, and another force's would be counted among them with no word. A title naming no
    force is read; one naming the Met and a partner ("with British Transport Police") is the Met's."""
    first = min((t.page for t in tables), default=0)
    title = [line for p in pages if p.number <= first for line in (p.above if p.number == first else p.loose)]
    forces = [force for line in title for force in _force_names(line)]
    if forces and not any(THE_MET.search(line) for line in title):
        raise GridError(f"{name}: its title names {' '.join(forces[0].split()).title()} and not the Metropolitan Police "
                        f"({' / '.join(title[:2])!r}): another force's grid is not read into the Met's deployments")


# A month heading inside a table: "January 2025", "JANUARY 2025 (CONT.)", "Jan 2025".
# A month heading's year: in full ("January 2025", "Jan-2025"), or two digits after a hyphen or an
# apostrophe, Excel's month-year forms ("Jan-25", "Jan '25": round 10; before, the grid was refused).
# Never two digits after a space or before the month ("Jan 25", "25-Jan": the 25th, a day, no year).
MONTH_HEADING = re.compile(r"\W*(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?"
                           r"(?:(?:\s*-\s*|\s+)(?P<year>(?:19|20)\d\d)|(?:\s*-\s*|\s*')(?P<yy>\d\d))"
                           r"(?:\s*\(?cont(?:inued|\.|'d)?\)?)?\W*", re.IGNORECASE)


def _years_from_headings(tables: list) -> list:
    """Tables whose dates print no year ("30 Dec") under month headings printing one ("December
    2024", a row of its own in the table): each such date of the heading's month given the heading's
    year ("30 Dec 2024"), as printed over it. A date of another month than its heading's, or under
    no heading, stays without a year (no date: never guessed, nor taken from a title)."""
    def heading(row):
        texts = [c.text for c in row.cells if c.text]
        return MONTH_HEADING.fullmatch(" ".join(texts[0].split())) if len(texts) == 1 else None

    if not any(heading(r) for t in tables for r in t.rows):
        return tables
    out, current = [], None
    date_at = None  # the date column, [x0, x1], from the last header naming it: figures are read as dates there only
    for table in tables:
        rows = []
        for row in table.rows:
            named = next((c for c in row.cells if headers.field_for(c.text) == "date"), None)
            if named is not None:
                date_at = (named.x0 - ALIGN, named.x1 + ALIGN)
            if (m := heading(row)) is not None:
                current = (m["month"].lower(), m["year"] or f"20{m['yy']}")
            elif current is not None:
                cells = tuple(replace(c, lines=(dated,)) if (dated := _with_year(
                    " ".join(c.text.split()), *current, date_at is not None and date_at[0] <= c.x0 and c.x1 <= date_at[1]))
                    else c for c in row.cells)
                row = replace(row, cells=cells)
            rows.append(row)
        out.append(replace(table, rows=tuple(rows)))
    return out


# A day and month in figures, day first, after a weekday or not ("08/01", "Wed 08.01"): under a month heading.
DAY_MONTH_FIGURES = re.compile(r"(?P<lead>(?:[a-z]{3,9}\.?,?\s+)?)(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})", re.IGNORECASE)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _with_year(text: str, month: str, year: str, date_column: bool) -> str | None:
    """A date printing no year under a heading of its own month, with the heading's year ("30 Dec" under
    "December 2024": "30 Dec 2024"; "08/01" under "January 2025": "08/01/2025", round 15: before, the grid was
    refused); None for any other cell. Figures only day first with the heading's month second ("01/08" under
    January is no date of it: month first, or a misprint), and only in the ``date_column`` (a "2/1" elsewhere may
    be true / false alerts)."""
    if (d := NO_YEAR.fullmatch(text)) and d["month"].lower() == month:
        return f"{text} {year}"
    if date_column and (d := DAY_MONTH_FIGURES.fullmatch(text)) and int(d["month"]) == MONTHS.index(month) + 1:
        return f"{text}{d['sep']}{year}"
    return None


DAY_MONTH = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}")
YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_HEADER = re.compile(r"\W*year\W*", re.IGNORECASE)


def _years_from_columns(tables: list) -> list:
    """Tables printing the year in a column of its own ("Year | Date": "2025 | 08/01"): each date
    without a year ("08/01", "8 Jan") given the year printed in its row under "Year", as a reader
    reads it. A row whose year cell prints no year keeps its date without one (no date: never guessed).
    The columns are found from a header row with a cell reading "Year" and one naming the date, and
    followed onto pages without a header."""
    if not any(YEAR_HEADER.fullmatch(c.text) for t in tables for r in t.rows for c in r.cells):
        return tables
    year_at = date_at = None  # the year's and the date's columns, [x0, x1], from the last header naming them
    out = []
    for table in tables:
        rows = []
        for row in table.rows:
            named = next((c for c in row.cells if YEAR_HEADER.fullmatch(c.text)), None)
            date = named and next((c for c in row.cells if headers.field_for(c.text) == "date"), None)
            if named is not None and date is not None:
                year_at, date_at = (named.x0 - ALIGN, named.x1 + ALIGN), (date.x0 - ALIGN, date.x1 + ALIGN)
            elif year_at is not None:
                year = next((c for c in row.cells if year_at[0] <= c.x0 and c.x1 <= year_at[1]), None)
                printed = " ".join(year.text.split()) if year is not None else ""
                if YEAR.fullmatch(printed):
                    row = replace(row, cells=tuple(
                        replace(c, lines=(f"{t}/{printed}" if DAY_MONTH.fullmatch(t) else f"{t} {printed}",))
                        if date_at[0] <= c.x0 and c.x1 <= date_at[1] and (t := " ".join(c.text.split()))
                        and (DAY_MONTH.fullmatch(t) or NO_YEAR.fullmatch(t)) else c
                        for c in row.cells))
            rows.append(row)
        out.append(replace(table, rows=tuple(rows)))
    return out


def _heading(row: Row, columns: list[_Column]) -> bool:
    """A row whose only text is one cell merged across two or more columns ("JANUARY 2025 (CONT.)"
    over Date and Location, or across the whole table), reading like no row: a heading or a note."""
    texts = [c for c in row.cells if c.text]
    if len(columns) < 2 or len(texts) != 1 or is_date_cell(texts[0].text) or _row_like(texts[0].text):
        return False
    return len(row.cells) == 1 or sum(texts[0].covers(c.centre) for c in columns) >= 2


def _dates_in(text: str) -> int:
    return len(NUMERIC_DATE.findall(text)) + len(WORDED_DATE.findall(text)) + len(ISO_DATE.findall(text))


def _orphan(name: str, rows: list[Row], out: _Read, page: int = 0) -> None:
    """A grid's header (it names a date and a location) with no dated rows under it: a page whose rows
    were not read (damaged, or drawn in a way not seen), reported rather than passed over. A header
    names them in one row (a cell merged over two header rows is in both); a key listing the columns'
    names one under the other ("Column | Meaning": "Date", "Location" in its first column) is no header
    (round 14: before, reported as one)."""
    named = [{headers.field_for(c.text) for c in r.cells if c.text} for r in rows]
    if any({"date", "location"} <= fields for fields in named):
        out.rejections.append(Rejection(f"grids/{name} page {page}", "page", " | ".join(c.text for c in rows[0].cells),
                                        "a table header with no dated rows under it: if rows are printed there, "
                                        "they were not read"))


# A day and month with no year ("Wed 8 Jan", "08-Jan", "8th January"): a date a grid cannot be read by.
NO_YEAR = re.compile(r"(?:[a-z]{3,9}\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?[\s-]+(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                     r"nov|dec)[a-z]*\.?", re.IGNORECASE)


def _why_no_table(pages: list, tables: list) -> str:
    """What the pages show instead of a ruled table with dated rows, for the error: what is missing."""
    if not any(p.has_text for p in pages):
        return (": the file has no text layer (a scanned grid: its pages are pictures). Cells are read from the "
                "PDF's text; OCR it into a PDF with selectable text, or ask for the original")
    flat = [p.number for p in pages if p.rules_without_columns]
    if flat:
        return (f": the table on page(s) {', '.join(map(str, flat))} is ruled with horizontal lines only. Cells are "
                "found from drawn vertical and horizontal borders, so its columns cannot be told apart")
    cells = [c.text for t in tables for r in t.rows for c in r.cells if c.text]
    undated = [t for t in cells if NO_YEAR.fullmatch(" ".join(t.split()))] + _day_months(tables)
    if undated:
        return (f": its dates are printed without a year ({', '.join(map(repr, undated[:3]))}); a year is never "
                "taken from a title or guessed")
    loose = [(p.number, line) for p in pages for line in p.loose if _row_like(line)]
    if loose:
        return (f": {len(loose)} line(s) with dates outside any ruled table on page(s) "
                f"{', '.join(dict.fromkeys(str(n) for n, _ in loose))} (e.g. {loose[0][1]!r}): those rows have no ruled "
                "cell borders (zebra stripes or none) and cells are found from drawn borders; they are not read")
    headed = [t.page for t in tables if {"date", "location"} <= {headers.field_for(c.text) for r in t.rows for c in r.cells}]
    if headed:
        return (f": a header naming the date and location on page(s) {', '.join(dict.fromkeys(map(str, headed)))} "
                "has no dated row under it (a grid with no deployments yet?)")
    return (": cells are found from drawn borders, and no page has a ruled table with dates (shading bounds cells only "
            "where each cell is shaded on its own: stripes across a table leave its columns unbounded)")


def _day_months(tables: list) -> list[str]:
    """Days and months in figures with no year ("08/01") under a header naming the date, for the error (round
    15: before, such a grid was refused as if it had no row under its header)."""
    found = []
    for table in tables:
        named = next((c for r in table.rows for c in r.cells if headers.field_for(c.text) == "date"), None)
        if named is not None:
            found += [t for r in table.rows for c in r.cells if named.x0 - ALIGN <= c.x0 and c.x1 <= named.x1 + ALIGN
                      and (d := DAY_MONTH_FIGURES.fullmatch(t := " ".join(c.text.split()))) and 1 <= int(d["month"]) <= 12]
    return found


# A numbered note ("1.", "2)", "(3)" before a word) in prose (lower-case words): a row typed with a
# row number ("3. Croydon 10/01/25 4h15m 16,200 ...") has none.
NUMBERED_NOTE = re.compile(r"^\s*\(?\d{1,2}[.)]\s+[A-Za-z]")
PROSE_WORD = re.compile(r"(?<!\S)[a-z]{2,}(?!\S)")
# Dot leaders before a page number end a contents entry; a page's number and a clock time are a footer's.
CONTENTS_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|\u2026\s*\d{1,4}\s*$")
PAGE_OR_TIME = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b", re.IGNORECASE)


def _row_like(line: str, figures: int = 1) -> bool:
    """A line of loose text that reads like a table row: a date and ``figures`` figures besides it (a
    cover's "Published 12/06/2025" or "Period 01/01/2025 to 31/05/2025" has no other figure)."""
    if CONTENTS_ENTRY.search(line):
        return False  # a contents list's entry ("Deployments 08/01/2025 - 31/01/2025 ........ 2")
    if NUMBERED_NOTE.match(line) and len(PROSE_WORD.findall(line)) >= 3:
        return False  # a numbered note in sentences ("2. On 09/01/25 the deployment ...": round 8), not a numbered row
    if NOT_A_DEPLOYMENT.match(line):
        return False  # a footnote or a note ("¹ 09/01/25: 1 of the 2 arrests ...", "Note 2: ..."), a total
    rest = line
    for pattern in (ISO_DATE, NUMERIC_DATE, WORDED_DATE, US_WORDED_DATE):
        rest = pattern.sub(" ", rest)
    # A footer's time and page numbers ("Page 1 of 2  Printed 12/06/2025 14:03") are no figures of a row.
    figures = len(re.findall(r"\d[\d,.]*", PAGE_OR_TIME.sub(" ", rest))) >= figures
    return rest != line and figures


def _unread_text(name: str, pages: list, first: int = 1) -> list[Rejection]:
    """A page whose text outside the ruled tables holds two or more lines that read like rows (a
    date and a figure) holds rows this parser cannot read (a table ruled with horizontal lines only, or none).
    Reported, so that they are never silently missed; so is a page of pictures only, and one after
    ``first`` (the first deployment's page) that is a picture under typed text (a scan)."""
    out = []
    for page in pages:
        if page.drawn and not page.has_text:
            out.append(Rejection(f"grids/{name} page {page.number}", "page", "",
                                 "a page with drawings or pictures but no text (a scanned page, or a damaged one): "
                                 "any rows on it are not read"))
            continue
        # A picture after the first deployment's page (not a cover's photograph under its title): a scan
        # under a typed title (round 8: before, passed over for its text).
        if page.scanned and page.number > first:
            out.append(Rejection(f"grids/{name} page {page.number}", "page", " / ".join(page.loose[:3]),
                                 "a page that is a picture (a scanned page?) with no ruled table: any rows in the "
                                 "picture are not read"))
            continue
        if page.hidden:  # text drawn white on white, or invisible: on the page, no reader sees it
            out.append(Rejection(f"grids/{name} page {page.number}", "page", " / ".join(page.hidden[:3]),
                                 f"{len(page.hidden)} line(s) of text drawn white on white or invisible, not seen on "
                                 "the page: not read (a row hidden so is not in deployments)"))
        if page.cropped:  # text cut off by the page's CropBox: in the file, not on the page a viewer shows
            out.append(Rejection(f"grids/{name} page {page.number}", "page", " / ".join(page.cropped[:3]),
                                 f"{len(page.cropped)} line(s) of text outside the page's visible area (its CropBox), "
                                 "not shown on the page: not read (a column or row cut off so is not in deployments)"))
        dated = [line for line in page.loose if _row_like(line)]
        # One line is enough when it prints a deployment's worth of figures besides its date (a row
        # typed under the table without borders); a footer's "Page 1 of 4, 12/06/2025" has two.
        if len(dated) >= 2 or any(_row_like(line, figures=4) for line in dated):
            how = "is ruled with horizontal lines only" if page.rules_without_columns else "has no ruled cell borders"
            out.append(Rejection(f"grids/{name} page {page.number}", "page",
                                 " / ".join(dated[:3]),
                                 f"{len(dated)} lines with dates outside any ruled table, not read: the table {how} "
                                 "(cells are found from drawn borders); these rows are not in deployments"))
    return out


def _blank(text: str) -> bool:
    """Nothing printed: blank, N/A or a dash."""
    return not text or bool(NOT_AVAILABLE.fullmatch(text) or DASH.fullmatch(text))


def _duration_unit(header: str) -> str | None:
    """The unit a duration's header gives its bare numbers: "Duration (hours)", "Hours" -> "h",
    "Length (mins)" -> "min"; None when it gives none."""
    if HOURS_HEADER.search(header):
        return "h"
    return "min" if MINUTES_HEADER.search(header) else None


def parse_duration(text: str, unit: str | None = None) -> int | None:
    """Minutes from "5h03m", "5h 03m", "5h40", "8h0m", "4hr 47m", "6 hrs 9 mins", "45m", "369 mins",
    "06:09", "6.15 hours" (decimal hours that make whole minutes), "5½ hrs"; a bare number ("5.5", "330") only
    in the ``unit`` its header gives ("h" or "min"); None for N/A, a dash or blank."""
    text = _bare(text)
    if _blank(text):
        return None
    # "5½ hrs", "4¼ h": a fraction of an hour, as decimal hours ("5.5 hrs").
    text = re.sub(r"(?<=\d)\s*([½¼¾])", lambda m: {"½": ".5", "¼": ".25", "¾": ".75"}[m[1]], text)
    # Two readings of one length, one in brackets ("10:00-15:30 (5h30m)", "5h30m (10:00-15:30)"): read when
    # they agree, reported when not (which is right is not printed); round 15: before, reported either way.
    # A bracket that is no length ("(30m break)", "(approx)") is left to the forms below (reported).
    pair = re.fullmatch(r"(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)", text)
    if pair:
        try:
            a, b = parse_duration(pair["a"], unit), parse_duration(pair["b"], unit)
        except ValueError:
            a = b = None
        if a is not None and b is not None:
            if a != b:
                raise ValueError(f"not a duration {text!r}: {a} minutes one way, {b} the other")
            return a
    if unit is not None and re.fullmatch(r"\d{1,4}(?:\.\d{1,2})?", text):
        text += " hours" if unit == "h" else " mins"
    hours = DECIMAL_HOURS.fullmatch(text)
    if hours:  # 6.15 hours = 369 minutes; 5.33 hours is no whole number of minutes: not guessed
        minutes = Decimal(hours["h"]) * 60
        if minutes != minutes.to_integral_value():
            raise ValueError(f"not a duration {text!r}: {minutes} minutes is not a whole number of minutes")
        return int(minutes)
    if TIMES.fullmatch(text) or TWELVE_HOUR_TIMES.fullmatch(text):  # "10:00-16:30" printed as the duration
        return parse_times(text)
    clock = CLOCK.fullmatch(re.sub(r"(?<=\d)\s*(?:h|hrs?|hours?)\.?$", "", text, flags=re.IGNORECASE))
    if clock:  # hours:minutes, with the unit after them or not ("05:30 hrs": round 8, before, reported)
        if int(clock["s"] or 0):
            raise ValueError(f"not a duration {text!r}: {clock['s']} seconds is not a whole number of minutes")
        if int(clock["m"]) >= 60:
            raise ValueError(f"not a duration {text!r}: {clock['m']} minutes past the hour")
        return int(clock["h"]) * 60 + int(clock["m"])
    m = DURATION.fullmatch(text)
    if not m or not (m["h"] or m["m"]) or not re.search(r"[hm]", text, re.I):  # a bare "45" has no unit
        raise ValueError(f"not a duration {text!r} (expected e.g. 5h03m)")
    minutes = int(m["m"] or 0)
    if m["h"] and minutes >= 60:
        raise ValueError(f"not a duration {text!r}: {minutes} minutes past the hour")
    return int(m["h"] or 0) * 60 + minutes


def parse_times(text: str) -> int | None:
    """Minutes between two clock times, "10:00-16:30", "10.00 to 16.30" (ending after midnight:
    "22:00-02:00" is 240); None for blank. One time alone is when, not how long: not read."""
    text = _bare(text)
    if _blank(text):
        return None
    if twelve := TWELVE_HOUR_TIMES.fullmatch(text):
        return _twelve_hour_minutes(text, twelve)
    m = TIMES.fullmatch(text)
    if not m:
        raise ValueError(f"not a start and end time {text!r} (expected e.g. 10:00-16:30)")
    start, end = (int(m[f"h{k}"]) * 60 + int(m[f"m{k}"]) for k in (1, 2))
    if max(int(m["h1"]), int(m["h2"])) > 24 or max(int(m["m1"]), int(m["m2"])) >= 60 or start == end:
        raise ValueError(f"not a start and end time {text!r}")
    return (end - start) % (24 * 60)


def _twelve_hour_minutes(text: str, m: re.Match) -> int:
    """Minutes between a start and an end time in 12-hour form (``TWELVE_HOUR_TIMES``)."""
    hours, minutes = (int(m["h1"]), int(m["h2"])), (int(m["m1"] or 0), int(m["m2"] or 0))
    if not all(1 <= h <= 12 for h in hours) or max(minutes) >= 60:
        raise ValueError(f"not a start and end time {text!r}")
    end_pm = m["ap2"][0].lower() == "p"
    if m["ap1"]:
        start_pm = m["ap1"][0].lower() == "p"
    elif hours[0] % 12 * 60 + minutes[0] < hours[1] % 12 * 60 + minutes[1]:
        start_pm = end_pm  # "2-8pm": the same afternoon
    else:  # "11-1pm": morning or evening before? Not printed.
        raise ValueError(f"not a start and end time {text!r}: the start's half of the day is not printed")
    start, end = ((h % 12 + 12 * pm) * 60 + mins for h, pm, mins in zip(hours, (start_pm, end_pm), minutes))
    if start == end:
        raise ValueError(f"not a start and end time {text!r}")
    return (end - start) % (24 * 60)


def _count_after(text: str, on: dt.date) -> bool:
    """Does the day a count was taken ("16,100 (as at 12/01/25)") fall after ``on``, the deployment's? A day
    without a year is in the deployment's year."""
    m = AS_AT.search(text)
    if m is None:
        return False
    day = m["day"] if m["y1"] or m["y2"] or m["y3"] else f"{m['day']}{'/' if '/' in m['day'] else ' '}{on.year}"
    try:
        return parse_date(day) > on
    except ValueError as err:
        raise ValueError(f"not a count {text!r}: the day it was taken, {m['day']!r}, is no date") from err


def parse_count(text: str, on: dt.date | None = None, field: str | None = None) -> int | None:
    """A count as printed: "21,940", "21 940", "9780", "3*" (footnote marker), "12000.0" (a
    spreadsheet's float), "12,000 faces" (under faces seen: ``field``'s own noun, ``COUNT_NOUNS``); "nil"
    is 0; None for N/A, a dash or blank; ``on``, the deployment's day, for a count printed with the day it
    was taken."""
    text = " ".join(str(text).split())
    if on is not None and _count_after(text, on):
        raise ValueError(f"not a count {text!r}: taken after the deployment ({on:%d/%m/%Y}), not the figure it ran with")
    text = AS_AT.sub("", text)
    if BRACKETED_FIGURE.search(text):
        raise ValueError(f"not a count {text!r}: a figure in brackets after it (a part? a correction?)")
    text = _bare(text)
    if field in COUNT_NOUNS:
        text = re.sub(rf"(?<=\d)\s+(?:{COUNT_NOUNS[field]})\.?$", "", text, flags=re.IGNORECASE)
    if _blank(text):
        return None
    if NIL.fullmatch(text):
        return 0
    # Thousands separated by a comma, a thin or ordinary space, or a point-free run of digits.
    text = re.sub(r"(?<=\d,) (?=\d{3}\b)", "", text)  # "12,\n000": a count wrapped in a narrow cell
    # "16,1\n00": a count broken inside a group of digits (a narrow cell): joined, when that makes
    # one count grouped by commas ("16,100"); "1 2" (two figures) makes none and stays unread.
    if re.fullmatch(r"[\d,]*\d \d[\d,]*", text) and re.fullmatch(r"\d{1,3}(?:,\d{3})+", text.replace(" ", "")):
        text = text.replace(" ", "")
    # A spreadsheet's float printed as stored ("12000.0", "3.00"): a whole number. Not ".000", which
    # reads as a thousands group ("16.000" may be 16,000 with a point for a comma).
    text = re.sub(r"(?<=\d)\.0{1,2}$", "", text)
    # Round 11: an apostrophe between groups ("16'100", "16’100"), as Swiss exports print them.
    if not re.fullmatch(r"\d{1,3}(?:[, \u2009\u202f'\u2019]\d{3})+|\d{1,12}", text):
        if APPROXIMATE.fullmatch(text):
            raise ValueError(f"not a count {text!r}: an approximate figure, not read as an exact one")
        raise ValueError(f"not a count {text!r}")
    return int(re.sub(r"\D", "", text))


# Alerts with the parts they hold named in brackets after them ("3 (1 false)", "3 (2 true, 1 false)"):
# the bracket says in words what its figures are, unlike a bare "5 (4)" (round 6: a part? a correction?).
ALERT_PARTS = re.compile(r"(?P<total>\d{1,6})\s*\(\s*(?P<parts>\d{1,6}\s+(?:true|false)"
                         r"(?:\s*(?:,|/|;|and)\s*\d{1,6}\s+(?:true|false))?)\s*\)", re.IGNORECASE)


def parse_alert_parts(text: str) -> tuple[int, dict[str, int]] | None:
    """Alerts printed with their named parts, "3 (1 false)" -> (3, {"false_alerts": 1}); None when the cell
    names none. Parts that cannot be the total's ("3 (4 false)", "3 (1 true, 1 false)", a kind named twice)
    are refused with a reason."""
    m = ALERT_PARTS.fullmatch(" ".join(str(text).split()))
    if m is None:
        return None
    total, parts = int(m["total"]), {}
    for n, kind in re.findall(r"(\d+)\s+(true|false)", m["parts"], re.IGNORECASE):
        key = f"{kind.lower()}_alerts"
        if key in parts:
            raise ValueError(f"not a count {text!r}: {kind.lower()} alerts named twice")
        parts[key] = int(n)
    if sum(parts.values()) > total or (len(parts) == 2 and sum(parts.values()) != total):
        raise ValueError(f"not a count {text!r}: the parts in brackets do not make the {total} alerts")
    return total, parts


def _alerts_total(text: str, on: dt.date) -> int | None:
    """The alerts a cell prints, with named parts in brackets after them or without."""
    named = parse_alert_parts(text)
    return named[0] if named else parse_count(text, on=on, field="total_alerts")


def parse_number(text: str) -> float | None:
    text = _bare(text)
    if _blank(text):
        return None
    if not re.fullmatch(r"\d*\.?\d+", text):
        raise ValueError(f"not a number {text!r}")
    return float(text)


def parse_threshold(text: str, in_percent: bool = False) -> float | None:
    """The face-match threshold, a score from 0 to 1: "0.64", or as a percentage "64%" (the same
    setting); a bare number over 1 ("64") only under a header giving "%" ("Threshold (%)"), otherwise
    reported: a percentage with its sign lost, or a typo, the grid does not say."""
    # A word in brackets after the setting says why it was chosen ("0.64 (default)"): no part of it;
    # a figure ("0.64 (0.60)", two settings) or an approximation ("(approx.)") is (reported).
    bare = SETTING_NOTE.sub("", _bare(text))
    # A decimal comma before one or two digits ("0,64", "0,6"): no thousands group (three digits), so a
    # decimal point, as in a rate (round 9: before, reported).
    bare = re.sub(r"^(\d+),(\d{1,2})(?=\s*%?$)", r"\1.\2", bare)
    percent = PERCENT.fullmatch(bare + "%" if in_percent and re.fullmatch(r"\d+(?:\.\d+)?", bare) and float(bare) > 1
                                else bare)
    if percent:
        if Decimal(percent["value"]) > 100:
            raise ValueError(f"not a threshold {text!r}: a percentage over 100%")
        return float(Decimal(percent["value"]) / 100)
    value = parse_number(bare)
    if value is not None and value > 1:
        raise ValueError(f"not a threshold {text!r}: a score is 0-1 (a percentage needs its sign, or '%' in its header)")
    return value


def _rate_base(header: str) -> int | None:
    """What a rate column's bare numbers are out of, when its header says: 100 ("False alert rate (%)"),
    a power of ten from 1,000 ("False alerts per 1,000 faces", "per 10,000"); None when it does not."""
    if PERCENT_HEADER.search(header):
        return 100
    m = PER_BASE.search(header)
    return int(m["base"].replace(",", "")) if m else None


def parse_rate(text: str, base: int | None = None) -> tuple[float, int] | None:
    """A printed percentage as (fraction 0-1, decimals printed as a percentage); None for N/A or blank.
    A bare number is a share only under a header that gives its base (``base``: 100, "False alert rate
    (%)"; 1,000, "per 1,000 faces": "0.08" is 0.008%, three decimals as a percentage)."""
    if BRACKETED_FIGURE.search(str(text)):
        raise ValueError(f"not a percentage {text!r}: a figure in brackets after it")
    text = _bare(text)
    if _blank(text):
        return None
    # A decimal comma before one or two digits ("0,01%") is no thousands separator (its groups are
    # three digits): a decimal point. Three digits ("0,008%") may be either: reported (round 5).
    text = re.sub(r"^(\d+),(\d{1,2})(?=\s*%$)", r"\1.\2", text)
    bare = re.fullmatch(r"\d+(?:\.(\d+))?", text)
    if bare and base and base != 100:
        if Decimal(text) > base:
            raise ValueError(f"not a rate {text!r}: a share of faces over all of them (per {base:,})")
        # Decimals as a percentage: per 1,000 one more than printed, per 10,000 two more.
        return float(Decimal(text) / base), len(bare[1] or "") + len(str(base)) - 3
    # A bare 0 is no false alert in any unit ("0", "0.00"), whether or not its header gives "%".
    m = PERCENT.fullmatch(text + "%" if (base == 100 and bare)
                          or re.fullmatch(r"0(?:\.0+)?", text) else text)
    if not m:
        raise ValueError(f"not a percentage {text!r}")
    if Decimal(m["value"]) > 100:  # false alerts are a share of the faces seen: at most all of them
        raise ValueError(f"not a rate {text!r}: a share of faces over 100%")
    # Decimal keeps "0.07%" as 0.0007, not 0.0007000000000000001.
    return float(Decimal(m["value"]) / 100), len(m["decimals"] or "")


def _legend_for(record: _Record, legends: list[tuple[int, dict[str, str]]]) -> dict[str, str]:
    """The legend printed after the record's table (before it if none follows)."""
    after = [legend for index, legend in legends if index > record.table]
    before = [legend for index, legend in legends if index < record.table]
    return after[0] if after else before[-1] if before else {}


def _purpose(printed: str, legend: dict[str, str]) -> tuple[str | None, list[str]]:
    """The normalised purpose and any codes the legend does not explain."""
    if _blank(printed):
        return None, []
    if PURPOSE_CODES.fullmatch(printed):
        codes = PURPOSE_CODE.findall(printed)
        unknown = [c for c in codes if c not in legend]
        labels = [headers.purpose_label(legend[c]) if c in legend else f"code {c}" for c in codes]
        return "; ".join(dict.fromkeys(labels)), unknown
    return headers.purpose_label(printed), []


RESULTS = [c for c in FIGURES if c != "watchlist_size"]  # what a deployment found, not how it was set up


def _status(cells: dict[str, str], extras: dict[str, str] | None = None, heading: str = "") -> tuple[str, str]:
    """The location and "ok", or "n/a[: reason]" when the results are printed N/A.

    A row is N/A only when no result is printed: an N/A watchlist, threshold or purpose, or one N/A
    figure beside printed ones, leaves a deployment with results ("ok"). The reason is a result
    cell's; failing that, words saying the deployment gave none in any other cell of the row
    ("Cancelled" under Duration, "Cancelled before start" in a Notes column: ``extras``); failing
    those, "no result printed" (a row of dashes or blanks). A row of a table printing no result column
    at all is not judged ("ok"), unless its heading says its deployments gave none ("Cancelled
    deployments": round 9, before, counted among deployments with results)."""
    location = cells.get("location", "")
    # Results printed as zeros beside a reason ("Cancelled - officers redeployed" in a Notes cell, 0
    # faces, 0 alerts): a deployment that did not run, not one that ran and found nothing.
    only_zeros = any(k in cells for k in RESULTS) and all(
        _blank(_bare(cells.get(k, ""))) or ZERO.fullmatch(_bare(cells.get(k, ""))) for k in RESULTS)
    notes = [m["note"] for k in RESULTS if (m := NOT_AVAILABLE.fullmatch(cells.get(k, ""))
                                             or NO_RESULTS.fullmatch(cells.get(k, "")))]
    none_printed = all(_blank(_bare(cells.get(k, ""))) or NO_RESULTS.fullmatch(cells.get(k, "")) for k in RESULTS)
    if (none_printed or only_zeros) and not notes:
        others = [v for k, v in cells.items() if k not in RESULTS and k not in ("date", "location")]
        notes = [m["note"] for v in [*others, *(extras or {}).values()] if (m := NO_RESULTS.fullmatch(v))]
        # A column saying why the deployment was called off ("Reason for cancellation": "Weather"), as a
        # table of cancelled deployments prints it: its text is the reason (round 9: before, read as
        # the use case of deployments "with results").
        notes += [f"{' '.join(h.split()).lower()}: {' '.join(v.split())}" for h, v in (extras or {}).items()
                  if "cancelled" in headers.concepts(h) and not _blank(_bare(v)) and not ANSWER_NO.fullmatch(v.strip())]
        # A heading over the row saying its deployments did not run ("Cancelled deployments", a row across
        # the table or the line above it): its zeros or blanks are no results (round 11: before, zeros
        # under such a heading inside the table were read as a deployment that ran and saw no face).
        if not notes and any(k in cells for k in RESULTS) and NO_RESULTS.fullmatch(heading.strip()):
            notes = [" ".join(heading.split())]
    if not none_printed and not (only_zeros and notes):
        return location, "ok"
    bracket = re.fullmatch(r"(?P<place>.*?)\s*\((?P<note>[^()]*)\)", location)
    if not notes and bracket and NO_RESULTS.fullmatch(bracket["note"]):
        # The reason in brackets after the place ("Station Rd, Harrow (cancelled - weather)"), as the
        # 2020-22 grid gives it: the reason, no part of the place.
        return bracket["place"], f"n/a: {bracket['note']}"
    if not notes:
        # Every result cell a dash or empty, no word saying why: nothing says it gave results, so it
        # is no deployment "with results" (a grid printing no result column at all is not judged).
        if any(k in cells for k in RESULTS):
            return location, "n/a: no result printed"
        return location, f"n/a: {' '.join(heading.split())}" if NO_RESULTS.fullmatch(heading.strip()) else "ok"
    note = next((n for n in notes if n), "")
    # The 2020-22 grid gives the reason inside the location cell, in brackets.
    if bracket and not note:
        location, note = bracket["place"], bracket["note"]
    return location, f"n/a: {note}" if note else "n/a"


@dataclass
class _Parsed:
    rows: pd.DataFrame
    anomalies: list[dict]
    rejections: list[Rejection]
    extras: list[dict]  # one per value printed in a column of no known meaning
    warnings: list[str]
    # The PDF's own title, the day it was made and its pages (a grid_editions row, less its count):
    # read with the rows, so a cached parse gives them without opening the PDF again.
    edition: dict


def _n(value) -> str:
    """A count as a reader writes it in a sentence: 3,940."""
    return f"{int(value):,}"


def _words(column: str) -> str:
    """A column's name in a sentence: "other_disposal" -> "other disposal"."""
    return column.replace("_", " ")


def _anomaly(row: dict | pd.Series, check: str, expected: object, found: object, detail: str) -> dict:
    return {"deployment_id": row["deployment_id"], "source_file": row["source_file"], "page": row["page"],
            "check": check, "expected": str(expected), "found": str(found), "detail": detail}


def _parse(path: Path) -> _Parsed:
    from .pdf_tables import COVERED  # what a glyph under a box drawn over it reads as

    path = Path(path)
    read_ = _read(path)
    for warning in read_.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    records, legends = _joined_halves(read_.records), read_.legends
    source = f"grids/{path.name}"
    rows, anomalies, rejections, extras = [], [], read_.rejections, []
    per_date: dict[dt.date, int] = {}
    us = prints_month_first([rec.cells["date"] for rec in records])
    if us:
        print(f"warning: {path.name}: its dates are printed month first (e.g. 01/13/25); read so", file=sys.stderr)
    for order, rec in enumerate(records, start=1):
        cells = {k: " ".join(v.split()) for k, v in rec.cells.items()}
        if rec.struck:  # withdrawn, or corrected by hand: which is not printed
            rejections.append(Rejection(f"{source} page {rec.page}", f"row {order}", " | ".join(filter(None, cells.values())),
                                        "printed struck through (withdrawn or corrected?): kept aside, not counted"))
            continue
        try:
            date = parse_date(cells["date"], us)
        except ValueError as err:
            rejections.append(Rejection(f"{source} page {rec.page}", f"row {order}.date", cells["date"],
                                        f"{err}{_why_no_date(cells['date'], us)}; the row is kept aside"))
            continue
        last_day = _end_date(rec.extras, us)
        if last_day is not None and last_day != date:
            # "Start date | End date" printing two days: which day the figures belong to is not
            # printed, as for a range in one cell ("08/01/25 - 09/01/25"): kept aside.
            rejections.append(Rejection(f"{source} page {rec.page}", f"row {order}.date", f"{cells['date']} - {last_day:%d/%m/%Y}",
                                        f"a deployment from {date:%d/%m/%Y} to {last_day:%d/%m/%Y} (start and end date "
                                        "columns): which day its figures belong to is not printed; the row is kept aside"))
            continue
        per_date[date] = per_date.get(date, 0) + 1
        row: dict = {"deployment_id": f"{path.stem}_{date.isoformat()}_{per_date[date]}",
                     "source_file": path.name, "page": rec.page, "row": order, "date": date}
        printed_day = _weekday_printed(cells["date"])
        if printed_day is not None and printed_day != date.weekday():
            anomalies.append(_anomaly(row, "weekday", f"{date:%A}", WEEKDAYS[printed_day],
                                      f"{cells['date']!r}: {date:%d/%m/%Y} was a {date:%A}; the date or the weekday "
                                      "is wrong (the date is read as printed)"))
        location, row["status"] = _status(cells, {k: " ".join(v.split()) for k, v in rec.extras.items()}, rec.heading)
        if row["status"] != "ok":  # "Cancelled" in a cell: the reason, not an unreadable figure or duration
            cells.update({k: "" for k, v in cells.items() if k not in ("date", "location") and NO_RESULTS.fullmatch(v)})
        location = PLACE_MARK.sub("", location or "")  # "Walworth Rd¹": a footnote's mark, no part of the place
        row["location"] = location or None
        if location and WITHHELD.fullmatch(location):  # no place is called "Withheld"
            why = "the location is withheld: the deployment is read, where it was is not printed"
            rejections.append(Rejection(f"{source} page {rec.page}", f"{row['deployment_id']}.location", location, why))
            anomalies.append(_anomaly(row, "unreadable", "a location", location, why))
            row["location"] = None
        for key in ("location", "purpose"):  # words under a box: reported (kept as the page shows them)
            if COVERED in cells.get(key, ""):
                why = "covered by a box drawn over it (redacted?): what is under it is not read"
                rejections.append(Rejection(f"{source} page {rec.page}", f"{row['deployment_id']}.{key}", cells[key], why))
                anomalies.append(_anomaly(row, "unreadable", f"a {key}", cells[key], why))

        def read(key: str, parser):
            try:
                # "N/A - equipment failure" beside printed results: no figure, and why; reported so the
                # reason is kept (round 13: before, read as a blank cell, the reason lost).
                if row["status"] == "ok" and (na := NOT_AVAILABLE.fullmatch(cells.get(key, ""))) and na["note"].strip(" )"):
                    raise ValueError(f"not available ({na['note'].strip(' )')}): no figure is read")
                if COVERED in cells.get(key, ""):
                    raise ValueError("covered by a box drawn over it (redacted?): what is under it is not read")
                if key in rec.merged:
                    raise ValueError(f"a figure in one cell merged over the columns {rec.merged[key]}: which of them "
                                     "it is for is not printed")
                return parser(cells.get(key, ""))
            except ValueError as err:
                rejections.append(Rejection(f"{source} page {rec.page}", f"{row['deployment_id']}.{key}",
                                            cells[key], str(err)))
                anomalies.append(_anomaly(row, "unreadable", f"a {key}", cells[key], str(err)))
                return None

        row["duration_minutes"] = read("duration", lambda text: parse_duration(text, rec.duration_unit))
        if row["duration_minutes"] is None and not cells.get("duration"):
            # No duration printed: from the clock times, "10:00-16:30" or start and end columns, or
            # after the date in its cell ("08/01/25 10:00-15:30").
            if not cells.get("times") and (cells.get("start_time") or cells.get("end_time")):
                cells["times"] = f"{cells.get('start_time') or '?'} to {cells.get('end_time') or '?'}"
            elif not cells.get("times") and (m := DATE_TIMES.search(_bare(cells["date"]))):
                cells["times"] = m["times"]
            row["duration_minutes"] = read("times", parse_times)
        row["threshold"] = read("threshold", lambda text: parse_threshold(text, rec.threshold_in_percent))
        for key in COUNTS:
            row[key] = read(key, lambda text: _alerts_total(text, date) if key == "total_alerts"
                            else parse_count(text, on=date, field=key))
        rate = read("false_alert_rate_printed", lambda text: parse_rate(text, rec.rate_base))
        row["false_alert_rate_printed"] = cells.get("false_alert_rate_printed") or None
        row["false_alert_rate"] = rate[0] if rate else None
        row["_rate_decimals"] = rate[1] if rate else None
        for total, parts in (("true_alerts", ("true_alerts_confirmed", "true_alerts_unconfirmed")),
                             ("false_alerts", ("false_alerts_confirmed", "false_alerts_unconfirmed"))):
            if row[total] is None and all(row[p] is not None for p in parts):
                row[total] = sum(row[p] for p in parts)
        named = parse_alert_parts(cells.get("total_alerts", "")) if row["total_alerts"] is not None else None
        for key, n in (named[1] if named else {}).items():
            # A part no column prints (none there, or blank) is the bracket's ("3 (1 false)"); one a column
            # prints is the column's, the bracket's checked against it (reported when they differ).
            if row[key] is None:
                row[key] = n
            elif row[key] != n:
                why = f"the alerts' bracket gives {n} {_words(key)}, the columns {row[key]}: the columns' figure is read"
                rejections.append(Rejection(f"{source} page {rec.page}", f"{row['deployment_id']}.total_alerts",
                                            cells["total_alerts"], why))
                anomalies.append(_anomaly(row, "unreadable", f"{n} {_words(key)}", row[key], why))
        row["purpose"] = cells.get("purpose") or None
        row["purpose_normalised"], unknown = _purpose(cells.get("purpose", ""), _legend_for(rec, legends))
        for code in unknown:
            anomalies.append(_anomaly(row, "purpose_code", "a code in the grid's purpose legend", code,
                                      f"purpose {cells['purpose']!r}: code {code} is not in the legend"))
        extras += [{"deployment_id": row["deployment_id"], "source_file": path.name, "page": rec.page, "column": header,
                    "value": " ".join(value.split())} for header, value in rec.extras.items()]
        rows.append(row)
    from . import pdf_tables

    title, made, pages = pdf_tables.edition(path)
    anomalies += _after_edition(path, made, rows)
    edition = {"source_file": path.name, "title": title, "edition_date": made, "pages": pages}
    return _Parsed(pd.DataFrame(rows, dtype=object), anomalies, rejections, extras, read_.warnings, edition)


def _why_no_date(text: str, month_first: bool) -> str:
    """What a date cell that is no date may be, for its rejection: several dates (two deployments in one
    row, a line each: which line of the other cells is whose is not read, as for rows not ruled apart), or
    a date possible only month first in a grid read day first (one such date does not turn the grid)."""
    if _dates_in(text) >= 2:
        return " (several dates in one cell: deployments printed in one row, a line each?)"
    m = NUMERIC_DATE.fullmatch(_date_text(text))
    if m and not month_first and int(m[2]) > 12 >= int(m[1]):
        return (f" (possible month first, {m[1]}/{m[2]}: the grid may print its dates month first, read day first "
                "unless two dates say so)")
    return ""


def _joined_halves(records: list[_Record]) -> list[_Record]:
    """A wide grid printed across pages with its first columns repeated (Excel's "columns to repeat at
    left": page 1 Date | Location | Duration ... Total alerts, page 2 Date | Location | True alerts ...
    Threshold) is one row per deployment: a table whose rows print, in order, the same dates and places
    as the table before it and whose other fields are none of its fields is the rest of its rows,
    joined to them (round 8: before, each half was read as a deployment, every deployment counted
    twice). A row printed in one half only (round 9: before, the halves were then read as rows of their
    own, each deployment counted twice) is a deployment with the other half's fields not printed. A
    table sharing any other field with the one before (a page printed twice, a restated month) is its
    own rows, as before."""
    tables: list[list[_Record]] = []
    for rec in records:
        if tables and tables[-1][0].table == rec.table:
            tables[-1].append(rec)
        else:
            tables.append([rec])
    out: list[list[_Record]] = []
    for rows in tables:
        before = out[-1] if out else None
        pairs = _halves(before, rows) if before is not None else None
        if pairs:
            paired = {id(right) for _, right in pairs}
            for left, right in pairs:
                left.cells.update({k: v for k, v in right.cells.items() if k not in ("date", "location")})
                left.extras.update(right.extras)
                left.merged.update(right.merged)
                left.struck = left.struck or right.struck
            if unpaired := [r for r in rows if id(r) not in paired]:  # printed in the right half only
                out.append(unpaired)
            continue
        out.append(rows)
    return [rec for rows in out for rec in rows]


def _halves(left: list[_Record], right: list[_Record]) -> list[tuple[_Record, _Record]] | None:
    """The rows of two tables paired as halves of the same rows (see _joined_halves), or None: each
    right row's date and place those of the left row in its place, or, when each (date, place) is
    printed at most once in each half and the dates and places of one half are all in the other, of
    the left row printing them (the second half sorted another way, or a row missing from one half)."""
    def printed(rows):
        return {k for r in rows for k, v in r.cells.items() if v.strip()}

    def key(r: _Record) -> tuple[str, str]:
        return tuple(" ".join(r.cells.get(k, "").split()).casefold() for k in ("date", "location"))

    shared = printed(left) & printed(right)
    if shared != {"date", "location"} or not printed(right) - shared:
        return None
    if len(left) == len(right) and all(key(a) == key(b) for a, b in zip(left, right)):
        return list(zip(left, right))
    by_key = {key(a): a for a in left}
    right_keys = {key(b) for b in right}
    if (len(by_key) == len(left) and len(right_keys) == len(right)
            and (right_keys <= set(by_key) or set(by_key) <= right_keys)):
        return [(by_key[key(b)], b) for b in right if key(b) in by_key]
    return None


def _end_date(extras: dict[str, str], month_first: bool) -> dt.date | None:
    """The date printed under an end date's header ("End date", "Date to") kept aside beside the
    date (the start), or None."""
    for header, value in extras.items():
        if {"end", "date"} <= headers.concepts(header) and is_date_cell(" ".join(value.split())):
            try:
                return parse_date(" ".join(value.split()), month_first)
            except ValueError:
                return None
    return None


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = re.compile(r"^\W*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


def _weekday_printed(text: str) -> int | None:
    """The weekday a date cell prints before or after its date ("Monday 8 January 2025", "08/01/25 (Tue)"):
    0 for Monday; None when it prints none."""
    m = WEEKDAY.match(text)
    day = m[1] if m else (t["day"][:3] if (t := TRAILING_WEEKDAY.search(_bare(text))) else None)
    return None if day is None else [d[:3].lower() for d in WEEKDAYS].index(day.lower())


def _after_edition(path: Path, made: dt.date | None, rows: list[dict]) -> list[dict]:
    """``date_after_edition``: a deployment dated after the day its grid was made (the PDF's own
    creation or modification date, the later): a grid cannot report a deployment still to come. When
    most rows fall after it the date is not the edition's (a template's, a wrong clock): not checked,
    with a warning."""
    late = [r for r in rows if made is not None and r["date"] > made]
    if late and 2 * len(late) > len(rows):
        print(f"warning: {path.name}: made {made:%Y-%m-%d} by its own metadata, before most of its deployments; "
              "dates not checked against it", file=sys.stderr)
        return []
    return [_anomaly(r, "date_after_edition", f"on or before {made:%Y-%m-%d}", f"{r['date']:%Y-%m-%d}",
                     f"the grid was made on {made:%Y-%m-%d} (its PDF's metadata)") for r in late]


def rate_rounding(false: int, faces: int, printed: float, decimals: int) -> str:
    """How a printed false alert rate (a fraction, printed as a percentage to ``decimals`` places)
    relates to false / faces: "exact", "rounded or truncated" (both give the printed figure),
    "rounded", "truncated" or "unexplained"."""
    if faces == 0:  # false alerts or a rate with no face seen: no rate can be computed from them
        return "unexplained"
    computed = Fraction(100 * false, faces)
    shown = Fraction(Decimal(str(printed)) * 100)
    unit = Fraction(1, 10 ** decimals)
    if computed == shown:
        return "exact"
    rounded = abs(computed - shown) <= unit / 2  # half up or half down: both are rounding
    truncated = shown <= computed < shown + unit
    return {(True, True): "rounded or truncated", (True, False): "rounded", (False, True): "truncated"}.get(
        (rounded, truncated), "unexplained")


# Words a place name is written short or long in ("St" / "Street", "B'way" / "Broadway").
_PLACE_WORDS = {"st": "street", "rd": "road", "bway": "broadway", "stn": "station", "sq": "square", "junc": "junction",
                "jct": "junction", "jcn": "junction", "ave": "avenue", "ln": "lane", "pl": "place", "grn": "green",
                "ctr": "centre", "center": "centre", "&": "and", "n": "north", "s": "south", "e": "east", "w": "west"}


# A place's qualifier after it: a bracket, "Walworth Rd (Southwark)", or a postcode, full or its outward
# code, in capitals ("Walworth Rd, SE17 1RW", "Croydon CR0": round 12; before, a later edition adding
# postcodes made its restated rows other places, every deployment counted twice). One letter only for the
# areas so named (B, E, G, L, M, N, S, W): "Western Ave, A40" names a road, no postcode.
QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$|[\s,]+(?:[A-Z]{2}\d[A-Z\d]?|[BEGLMNSW]\d[A-Z\d]?)(?:\s*\d[A-Z]{2})?\s*$")


def _place_words(location: str) -> list[str]:
    """A place's words in printed order, lower case, abbreviations spelled out; a trailing bracket or
    postcode ("Walworth Rd (Southwark)", "Walworth Rd, SE17 1RW") is left out: it qualifies the place
    (see ``location_keys``)."""
    text = QUALIFIER.sub("", location) or location
    words = re.sub(r"[^a-z0-9&]+", " ", text.lower().replace("'", "").replace("’", "")).split()
    return [_PLACE_WORDS.get(w, w) for w in words]


def _place_tokens(location: str) -> tuple[str, ...]:
    """A place's words in sorted order ("Stratford B'way" and "Broadway, Stratford" give the same)."""
    return tuple(sorted(set(_place_words(location))))


def _qualifier(location: str) -> str | None:
    """The bracket or postcode after a place, as a key ("(southwark)", "se17 1rw"); None for none, or for a
    qualifier alone."""
    m = QUALIFIER.search(location)
    return " ".join(m[0].strip(" ,").lower().split()) if m and location[:m.start()].strip(" ,") else None


def location_keys(locations: list[str]) -> dict[str, str]:
    """Printed location -> key shared by its spelling variants (a stray comma, case, "St" for "Street",
    "&" for "and", a clipped last word "Clapham Junc", two words run together "Northend", the words in
    another order, a qualifier after the place, in brackets or a postcode, "Walworth Rd (Southwark)",
    "Walworth Rd, SE17 1RW", when no other qualifies the same words: "Station Rd (Harrow)" and "Station
    Rd (Ilford)" are two roads).
    The key is the variant printed most often (ties: the longest, then alphabetical), so it reads as a
    place name."""
    printed = Counter(locations)
    # Words under two different qualifiers are different places: their qualifiers are kept in the key.
    qualifiers: dict[tuple[str, ...], set[str]] = {}
    for loc in printed:
        if (q := _qualifier(loc)) is not None:
            qualifiers.setdefault(_place_tokens(loc), set()).add(q)
    ambiguous = {k for k, q in qualifiers.items() if len(q) > 1}
    groups: dict[tuple[str, ...], list[str]] = {}
    for loc in printed:
        tokens = _place_tokens(loc)
        if _qualifier(loc) is not None and tokens in ambiguous:
            tokens = (*tokens, "(" + loc.lower() + ")")
        groups.setdefault(tokens, []).append(loc)
    merged: dict[tuple[str, ...], tuple[str, ...]] = {}
    # Two words run together ("Northend, Croydon"): the words of another place with two neighbours joined.
    for loc in printed:
        words = _place_words(loc)
        for i in range(len(words) - 1):
            joined = tuple(sorted({*words[:i], words[i] + words[i + 1], *words[i + 2:]}))
            own = _place_tokens(loc)
            if joined in groups and joined != own and own not in merged:
                merged[own] = joined
    # A clipped last word: the last word printed (3+ letters) the start of a word of the other place,
    # every other word the same, and at least one other word ("Ham" is no clipped "Hammersmith").
    keys = sorted(groups, key=lambda k: (len(k), k))
    lasts: dict[tuple[str, ...], set[str]] = {}
    for loc in printed:
        if _place_words(loc):
            lasts.setdefault(_place_tokens(loc), set()).add(_place_words(loc)[-1])
    for k in keys:
        for other in keys:
            if other != k and len(other) == len(k) > 1 and other not in merged and k not in merged:
                if _clipped(k, other) and lasts.get(k, set()) & (set(k) - set(other)):
                    merged[k] = other
                    break
    for k, target in merged.items():
        seen = {k}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        if k in groups and target in groups and target != k:
            groups[target] += groups.pop(k)
    out = {}
    for variants in groups.values():
        key = max(variants, key=lambda v: (printed[v], len(v), [-ord(c) for c in v]))
        out.update({v: key for v in variants})
    return out


def _clipped(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Do the token sets differ only by one token of ``short`` being the start of one of ``long``?"""
    only_short = set(short) - set(long)
    only_long = set(long) - set(short)
    if len(only_short) != 1 or len(only_long) != 1:
        return False
    a, b = only_short.pop(), only_long.pop()
    return len(a) >= 3 and b.startswith(a) and len(b) > len(a)


OUTCOMES = ("arrests", "other_disposal", "no_action")
COPY_EVIDENCE = 5
# A watchlist 10% or more away from both neighbours, which agree with each other and were printed
# within two months of it (watchlists grow; a neighbour years away says nothing).
WATCHLIST_JUMP = 0.10
WATCHLIST_NEAR = pd.Timedelta(days=61)
DATE_ORDER_SLIPS = 0.30  # a grid with more steps against its order than this share (and more than one) has none


# A count and the parts it is the sum of (total = true + false; true = confirmed + unconfirmed).
PARTS = {"total_alerts": ("true_alerts", "false_alerts"), "true_alerts": ("true_alerts_confirmed", "true_alerts_unconfirmed"),
         "false_alerts": ("false_alerts_confirmed", "false_alerts_unconfirmed")}


def _summed(df: pd.DataFrame, a: str, b: str) -> bool:
    """Are ``a`` and ``b`` equal because one is part of the other's sum and the other parts print 0 on
    every row (total alerts = true alerts confirmed in a grid with no false and no unconfirmed alert)?"""
    def path(whole: str, part: str) -> list[str] | None:  # the parts left aside on the way down
        for p in PARTS.get(whole, ()):
            siblings = [q for q in PARTS[whole] if q != p]
            if p == part:
                return siblings
            below = path(p, part)
            if below is not None:
                return siblings + below
        return None

    for whole, part in ((a, b), (b, a)):
        rest = path(whole, part)
        if rest is not None and all((df[c] == 0).all() for c in rest):
            return True
    return False


def copied_columns(df: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of count columns of one grid equal on every row, all printed and not 0 on at least
    ``COPY_EVIDENCE`` rows (columns of small counts and zeros agree by chance). True and false alerts
    summed from a confirmed/unconfirmed split are not printed columns: left out."""
    pairs = []
    derived = {t for t in ("true_alerts", "false_alerts") if df[f"{t}_confirmed"].notna().any()}
    # A column of one value throughout agrees with any other such column without being copied.
    printed = [c for c in COUNTS if c not in derived and df[c].notna().all() and (df[c] != 0).sum() >= COPY_EVIDENCE
               and df[c].nunique() > 1]
    for i, a in enumerate(printed):
        for b in printed[i + 1:]:
            if (df[a] == df[b]).all() and not _summed(df, a, b) and not any(b == later for _, later in pairs):
                pairs.append((a, b))
    return pairs


def _dates_out_of_order(grid: pd.DataFrame, back: bool) -> dict:
    """Index -> (expected, found, detail) of each row out of its grid's date order. At a step against
    the order, the row after the step is out (printed too early, as Dalston 11/07/23 between June and
    July 2024) unless the row before the step is later than both its neighbours, which agree with each
    other (a year mistyped "19/02/52" amid February 2025): then that one is."""
    dates = [(-1 if back else 1) * d.toordinal() for d in grid["date"]]
    index, ids, printed = grid.index.tolist(), grid["deployment_id"].tolist(), grid["date"].tolist()
    word = "before" if back else "after"
    out = {}
    for k in range(1, len(dates)):
        if dates[k] >= dates[k - 1]:
            continue
        early = k + 1 >= len(dates) or dates[k + 1] >= dates[k - 1]
        late = k >= 2 and dates[k - 2] <= dates[k]
        if late and not early:
            out[index[k - 1]] = (f"on or {'after' if back else 'before'} {printed[k]:%Y-%m-%d}",
                                 f"{printed[k - 1]:%Y-%m-%d}", f"printed before {ids[k]}, later than the rows either "
                                 f"side of it" + (" in a grid printed newest first" if back else ""))
        else:
            out[index[k]] = (f"on or {word} {printed[k - 1]:%Y-%m-%d}", f"{printed[k]:%Y-%m-%d}",
                             f"printed after {ids[k - 1]}" + (" in a grid printed newest first" if back else ""))
    return out


def _checks(df: pd.DataFrame) -> list[dict]:
    """General checks a careful analyst would run on any grid; each failure is flagged, never corrected."""
    found = []
    first_seen: dict[tuple, str] = {}
    for source, grid in df.groupby("source_file", sort=True):
        grid = grid[grid["status"] == "ok"] if "status" in grid else grid
        copies = copied_columns(grid)
        for a, b in copies:
            found.append({"deployment_id": None, "source_file": source, "page": int(grid["page"].min()),
                          "check": "copied_column", "expected": f"{b} independent of {a}", "found": f"{b} == {a}",
                          "detail": f"{b} equals {a} on all {len(grid)} rows with figures: probably copied"})
        copied = {b for _, b in copies}
        outcomes = [c for c in OUTCOMES if c not in copied]
        watch = grid.dropna(subset=["watchlist_size"])
        sizes, dates = watch["watchlist_size"].tolist(), watch["date"].tolist()
        for k in range(len(sizes) if len(sizes) >= 3 else 0):
            # Its neighbours: the rows either side, or at the grid's first or last row the next two on
            # its one side.
            i, j = (k - 1, k + 1) if 0 < k < len(sizes) - 1 else (1, 2) if k == 0 else (k - 2, k - 1)
            before, size, after = sizes[i], sizes[k], sizes[j]
            near = abs(dates[k] - dates[i]) <= WATCHLIST_NEAR and abs(dates[j] - dates[k]) <= WATCHLIST_NEAR
            if (near and abs(size - before) >= WATCHLIST_JUMP * before and abs(size - after) >= WATCHLIST_JUMP * after
                    and abs(before - after) < WATCHLIST_JUMP * min(before, after)):
                where = ("between rows with" if 0 < k < len(sizes) - 1
                         else "before rows with" if k == 0 else "after rows with")
                found.append(_anomaly(watch.iloc[k], "watchlist_outlier", f"near {before} and {after}", size,
                                      f"watchlist {_n(size)} printed {where} {_n(before)} and {_n(after)}"))
        for _, r in grid.iterrows():
            # Counts are never negative: the outcomes printed already exceed the alerts, whatever a
            # missing cell holds.
            printed = [(c, r[c]) for c in outcomes if not pd.isna(r[c])]
            total = r["total_alerts"]
            missing = [c for c in outcomes if pd.isna(r[c])]
            if not pd.isna(total) and printed and sum(v for _, v in printed) > total:
                count = sum(v for _, v in printed)
                found.append(_anomaly(r, "outcomes_exceed_alerts", f"<= {total}", count,
                                      " + ".join(f"{_words(c)} {_n(v)}" for c, v in printed)
                                      + f" = {_n(count)}, more than the {_n(total)} alerts"
                                      + (f" ({', '.join(map(_words, missing))} not printed)" if missing else "")))
            # Every alert is a face seen: more alerts than faces cannot be (a figure lost its
            # thousands, or sits in the wrong column). Read as printed, flagged.
            parts = [r[c] for c in ("true_alerts", "false_alerts") if not pd.isna(r[c])]
            alerts = total if not pd.isna(total) else sum(parts) if parts else None
            faces = r["faces_seen"]
            if alerts is not None and not pd.isna(faces) and alerts > faces:
                found.append(_anomaly(r, "alerts_exceed_faces", f">= {alerts}", faces,
                                      f"{_n(alerts)} alerts from {_n(faces)} faces seen: every alert is a face seen"))
            either = r["arrests_or_disposals"]
            if not (pd.isna(total) or pd.isna(either)) and either > total:
                found.append(_anomaly(r, "outcomes_exceed_alerts", f"<= {total}", either,
                                      f"arrests or disposals {_n(either)}, more than the {_n(total)} alerts"))
    # A grid printed newest first (more steps back in time than forward) is checked in its own order;
    # a grid in no date order (sorted by place, say: many steps each way) is not checked at all.
    newest_first, unordered = set(), set()
    for source, dates in df.groupby("source_file", sort=True)["date"]:
        back, forward = int((dates.diff() < pd.Timedelta(0)).sum()), int((dates.diff() > pd.Timedelta(0)).sum())
        if back > forward:
            newest_first.add(source)
        if min(back, forward) > max(1, DATE_ORDER_SLIPS * (back + forward)):
            unordered.add(source)
            print(f"warning: {source}: not printed in date order ({forward} steps forward, {back} back); "
                  "its rows are not checked for date order", file=sys.stderr)
    out_of_order = {}
    for source, grid in df.groupby("source_file", sort=True):
        if source not in unordered:
            out_of_order.update(_dates_out_of_order(grid, source in newest_first))
    keys = location_keys([str(v) for v in df["location"].dropna()])
    variants: dict[str, list[str]] = {}
    for loc, key in keys.items():
        variants.setdefault(key, []).append(loc)
    for _, r in df.iterrows():
        true, false, total = r["true_alerts"], r["false_alerts"], r["total_alerts"]
        if not (pd.isna(true) or pd.isna(false) or pd.isna(total)) and total != true + false:
            found.append(_anomaly(r, "alerts_sum", true + false, total,
                                  f"total alerts printed {_n(total)}, but true alerts {_n(true)} + false alerts "
                                  f"{_n(false)} = {_n(true + false)}"))
        how = r["false_alert_rate_rounding"]
        if how in ("unexplained", "truncated"):
            decimals, faces = r["_rate_decimals"], r["faces_seen"]
            computed = 100 * false / faces if faces else None
            found.append(_anomaly(r, "false_alert_rate" if how == "unexplained" else "false_alert_rate_truncated",
                                  f"{computed:.{decimals}f}%" if faces else "no rate (no face seen)",
                                  r["false_alert_rate_printed"],
                                  (f"false alerts {_n(false)} / faces seen {_n(faces)} = {computed:.4f}%" if faces else
                                   f"false alerts {_n(false)} with 0 faces seen") +
                                  f"; printed {r['false_alert_rate_printed']} ({how})"))
        if r.name in out_of_order:
            found.append(_anomaly(r, "date_order", *out_of_order[r.name]))
        location = None if pd.isna(r["location"]) else str(r["location"])
        if location is not None and keys[location] != location:
            others = sorted(set(variants[keys[location]]) - {location})
            found.append(_anomaly(r, "location_variants", keys[location], location,
                                  "the same place is also printed " + "; ".join(repr(o) for o in others)))
        if not pd.isna(r["superseded_by"]):  # printed again by a later edition: restated (_restated), no duplicate
            continue
        key = (r["date"], keys.get(location, location), r["duration_minutes"], r["faces_seen"], r["total_alerts"])
        if any(pd.isna(k) for k in key[2:]):
            key = (*key[:2], r["source_file"], r["row"])  # too little printed to call it a repeat
        # A row printed again with other figures (a correction beside its original, or a re-issue's
        # corrected row): the same date, place and duration. Which figures stand is not printed.
        again = (r["date"], keys.get(location, location), r["duration_minutes"])
        if key in first_seen:
            found.append(_anomaly(r, "duplicate", "listed once", f"also {first_seen[key]}",
                                  "same date, location, duration, faces seen and alerts as an earlier row"))
        elif location is not None and not pd.isna(again[2]) and again in first_seen:
            found.append(_anomaly(r, "duplicate", "listed once", f"also {first_seen[again]}",
                                  "same date, location and duration as an earlier row, other figures differ (a "
                                  "correction printed beside its original?)"))
        else:
            first_seen[key] = r["deployment_id"]
        if location is not None and not pd.isna(again[2]):
            first_seen.setdefault(again, r["deployment_id"])
    return found


RESTATED_FIELDS = ("location", "duration_minutes", "purpose", "watchlist_size", "threshold", *COUNTS[1:],
                   "false_alert_rate_printed", "status")


def _shown(value) -> str:
    """A printed value in a sentence: a count as 3,940, a text quoted, nothing as 'none'."""
    if pd.isna(value):
        return "none"
    return _n(value) if isinstance(value, int) else repr(value) if isinstance(value, str) else f"{value:g}"


def _later(a: str, b: str, made: dict, reach: dict) -> str | None:
    """Why grid ``a`` is a later edition than grid ``b`` (None when it is not, or nothing tells): the
    day each PDF was made, when both say and differ; otherwise the last deployment each prints (a
    re-issue reaches further)."""
    if made.get(a) and made.get(b) and made[a] != made[b]:
        return f"made {made[a]:%d/%m/%Y} against {made[b]:%d/%m/%Y}" if made[a] > made[b] else None
    if reach[a] != reach[b]:
        return (f"its last deployment {reach[a]:%d/%m/%Y} against {reach[b]:%d/%m/%Y}" if reach[a] > reach[b]
                else None)
    return None


def _restated(rows: pd.DataFrame, made: dict) -> list[dict]:
    """Fills ``rows["superseded_by"]``: a deployment printed again by a later edition (another grid
    file printing the same date and place, the nth such row of each paired in printed order) is that
    edition's row, whose figures stand (a correction) and which alone is counted. Returns a
    ``restated`` anomaly per superseded row naming what differs. Grids that cannot be ordered (made
    the same day or undated, reaching the same day) supersede nothing: their shared rows are left to
    the duplicate check."""
    rows["superseded_by"] = None
    if rows["source_file"].nunique() < 2:
        return []
    reach = rows.groupby("source_file")["date"].max().to_dict()
    found = []
    for _, group in rows.dropna(subset=["location_key"]).groupby(["date", "location_key"], sort=False):
        by_file = {f: g.index.tolist() for f, g in group.groupby("source_file", sort=True)}
        if len(by_file) < 2:
            continue
        for f, indices in by_file.items():
            for k, i in enumerate(indices):
                later = {g: why for g in by_file if g != f and len(by_file[g]) > k
                         and (why := _later(g, f, made, reach))}
                latest = [g for g in later if not any(_later(h, g, made, reach) for h in later if h != g)]
                if len(latest) != 1:
                    continue
                j = by_file[latest[0]][k]
                old, new = rows.loc[i], rows.loc[j]
                rows.loc[i, "superseded_by"] = new["deployment_id"]
                changed = [f"{_words(c)} {_shown(old[c])} -> {_shown(new[c])}" for c in RESTATED_FIELDS
                           if not (pd.isna(old[c]) and pd.isna(new[c])) and (pd.isna(old[c]) or pd.isna(new[c])
                                                                             or old[c] != new[c])]
                found.append(_anomaly(old, "restated", "counted once", f"also {new['deployment_id']}",
                                      f"printed again in {latest[0]}, a later edition ({later[latest[0]]}), whose "
                                      "row stands and alone is counted; " + ("it prints " + "; ".join(changed)
                                                                           if changed else "the same figures")))
    return found + _left_out(rows, made, reach)


# What a row prints besides its date and place: a later edition printing all of it, and the same
# date or the same place, likely restates the row with the other one corrected.
RESTATED_FIGURES = tuple(f for f in RESTATED_FIELDS if f not in ("location", "status"))


def _left_out(rows: pd.DataFrame, made: dict, reach: dict) -> list[dict]:
    """Flags (never drops nor supersedes) a row of an earlier edition that a later edition leaves out:
    a later grid printing one or more of the earlier one's deployments again, whose dates span the row's
    date, prints nothing at its date and place.
    ``likely_restated`` when that grid prints a row the earlier one does not (another date or place),
    with the same place or date and every other printed value the same (duration, watchlist, faces,
    alerts ...: a date or place corrected; counted twice until a person decides); otherwise
    ``dropped_by_later_edition`` (withdrawn, or left out by mistake: not printed which)."""
    files = sorted(rows["source_file"].unique())
    if len(files) < 2:
        return []
    span = rows.groupby("source_file")["date"].agg(["min", "max"])
    keys = {f: set(zip(g["date"], g["location_key"])) for f, g in rows.groupby("source_file")}
    # A grid is an edition of another only if it prints one of its deployments again: one printing none
    # is another part of the period (by area, by month: "part 1" and "part 2"), and leaves nothing of it out
    # (round 15: before, each part's rows within the other's dates were flagged dropped).
    restates = {(f, g) for f in files for g in files if f != g
                and any(not pd.isna(k) for _, k in keys[f] & keys[g])}
    found = []
    for i, r in rows[rows["superseded_by"].isna()].iterrows():
        f = r["source_file"]
        later = [g for g in files if g != f and (f, g) in restates and span.loc[g, "min"] <= r["date"] <= span.loc[g, "max"]
                 and (r["date"], r["location_key"]) not in keys[g] and _later(g, f, made, reach)]
        if not later or pd.isna(r["location_key"]):
            continue
        g = later[0]  # the first by name: one flag a row
        figures = [c for c in RESTATED_FIGURES if not pd.isna(r[c])]
        like = rows[(rows["source_file"] == g)
                    & pd.Series([(d, k) not in keys[f] for d, k in zip(rows["date"], rows["location_key"])], index=rows.index)]
        # Anchored by the same date or place, three printed values the same; by neither (both corrected:
        # round 9, before, flagged dropped), five, faces seen among them (the setup a grid repeats from
        # day to day, duration, watchlist and threshold, alone never tells one deployment).
        like = [s for _, s in like.iterrows()
                if (len(figures) >= 3 if s["date"] == r["date"] or s["location_key"] == r["location_key"]
                    else len(figures) >= 5 and "faces_seen" in figures)
                and all(not pd.isna(s[c]) and s[c] == r[c] for c in figures)]
        why = f"{g} ({_later(g, f, made, reach)}) covers {r['date']:%d/%m/%Y} and prints no row at {r['location']!r} that day"
        if like:
            found.append(_anomaly(r, "likely_restated", "counted once", f"also {like[0]['deployment_id']}?",
                                  f"{why}; its row {like[0]['deployment_id']} ({like[0]['date']:%d/%m/%Y}, "
                                  f"{like[0]['location']!r}) prints the same {', '.join(_words(c) for c in figures)}: "
                                  f"likely this deployment with its {_corrected(r, like[0])} corrected; both are counted "
                                  "(which is right is not printed)"))
        else:
            found.append(_anomaly(r, "dropped_by_later_edition", f"printed by {g}", "not printed",
                                  f"{why}: withdrawn, or left out by mistake (not printed which); still counted"))
    return found


def _corrected(row: pd.Series, later: pd.Series) -> str:
    """What a later edition's row likely restating ``row`` prints otherwise: "date", "place" or both."""
    return " and ".join(w for w, c in (("date", "date"), ("place", "location_key")) if row[c] != later[c]) or "date or place"


def _finish(parsed: list[_Parsed]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed deployments with their flags, and the anomalies table."""
    frames = [p.rows for p in parsed if len(p.rows)]
    rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*DEPLOYMENT_COLUMNS, "_rate_decimals"])
    rows = rows.sort_values(["source_file", "row"], kind="stable").reset_index(drop=True)
    rows["false_alert_rate_rounding"] = [
        rate_rounding(int(f), int(n), r, int(d)) if not any(pd.isna(v) for v in (f, n, r, d))
        and (n > 0 or f > 0 or r > 0) else None
        for f, n, r, d in zip(rows["false_alerts"], rows["faces_seen"], rows["false_alert_rate"], rows["_rate_decimals"])]
    keys = location_keys([str(v) for v in rows["location"].dropna()])
    rows["location_key"] = rows["location"].map(lambda v: None if pd.isna(v) else keys[str(v)])
    restated = _restated(rows, {p.edition["source_file"]: p.edition["edition_date"] for p in parsed})
    anomalies = [a for p in parsed for a in p.anomalies] + restated + _checks(rows)
    order = {d: i for i, d in enumerate(rows["deployment_id"])}
    first_row = rows.groupby("source_file")["deployment_id"].first().to_dict()
    anomalies.sort(key=lambda a: (order[a["deployment_id"] or first_row[a["source_file"]]], a["deployment_id"] is not None,
                                  CHECKS.index(a["check"]), a["found"]))
    flags: dict[str, list[str]] = {}
    for a in anomalies:
        if a["deployment_id"] is None:
            continue
        flags.setdefault(a["deployment_id"], [])
        if a["check"] not in flags[a["deployment_id"]]:
            flags[a["deployment_id"]].append(a["check"])
    rows["flags"] = rows["deployment_id"].map(lambda d: ";".join(flags[d]) if d in flags else None)
    return _typed(rows), _anomaly_frame(anomalies)


def _typed(rows: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=rows.index)
    for c in DEPLOYMENT_COLUMNS:
        values = rows[c] if c in rows.columns else pd.Series(None, index=rows.index, dtype="object")
        if c == "date":
            out[c] = pd.to_datetime(values).astype("datetime64[ns]")
        elif c in COUNTS or c in ("page", "row", "duration_minutes"):
            out[c] = pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64")
        elif c in ("threshold", "false_alert_rate"):
            out[c] = pd.array([None if pd.isna(v) else float(v) for v in values], dtype="Float64")
        else:
            out[c] = pd.array([None if pd.isna(v) else str(v) for v in values], dtype="string")
    return out


def _anomaly_frame(anomalies: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(anomalies, columns=ANOMALY_COLUMNS)
    out = df.astype({c: "string" for c in ANOMALY_COLUMNS if c != "page"})
    out["page"] = pd.array(df["page"].tolist(), dtype="Int64")
    return out[ANOMALY_COLUMNS]


def parse_grid(pdf_path: Path | str) -> tuple[pd.DataFrame, list[Rejection]]:
    """Every deployment row of one grid PDF, reconciled and flagged, and the values that failed.

    Raises ``GridError`` (naming the file) for a grid that cannot be read at all.
    """
    parsed = _parse(Path(pdf_path))
    deployments, _ = _finish([parsed])
    return deployments, parsed.rejections


def _summary(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    grouped = df.groupby(by, sort=True, dropna=False)
    out = pd.DataFrame({
        "deployments": grouped.size(),
        "deployments_with_results": grouped["status"].agg(lambda s: int((s == "ok").sum())),
        "deployments_na": grouped["status"].agg(lambda s: int((s != "ok").sum())),
    })
    for m in METRICS:
        out[m] = grouped[m].sum(min_count=1)
    # The rate over deployments that printed both numbers, not a mean of per-deployment rates.
    both = df[df["false_alerts"].notna() & df["faces_seen"].notna()].groupby(by, sort=True, dropna=False)
    out["false_alert_rate"] = both["false_alerts"].sum() / both["faces_seen"].sum()
    out = out.reset_index()
    for c in ["deployments", "deployments_with_results", "deployments_na", *METRICS]:
        out[c] = out[c].astype("Int64")
    out["false_alert_rate"] = out["false_alert_rate"].astype("Float64")
    return out


def yearly(deployments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Totals per calendar year (of the printed date), and per year and purpose."""
    df = deployments.assign(year=deployments["date"].dt.year.astype("Int64"))
    by_year = _summary(df, ["year"])
    by_purpose = _summary(df, ["year", "purpose_normalised"])
    by_purpose["purpose_normalised"] = by_purpose["purpose_normalised"].astype("string")
    return by_year, by_purpose


BLUE_COLUMNS = ["reference", "row", "deployment_date", "true_alert_rate", "false_alert_rate", "match",
                "n_blue_list_rows_on_date", "n_deployments_on_date", "deployment_id", "source_file", "location",
                "duration_minutes", "faces_seen", "total_alerts", "true_alerts", "false_alerts"]
MISSING_COLUMNS = ["reference", "period_start", "period_end", "deployment_id", "source_file", "date", "location"]


def blue_list_join(blue_list: pd.DataFrame, deployments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Blue-list results paired with the deployments of the same date, and the deployments missing one.

    The disclosure gives only a date per result, so where a date has several results and several
    deployments every pairing is listed and marked "ambiguous": which result belongs to which
    deployment is not printed. A result on a date with no deployment is kept with empty deployment
    fields ("no deployment"). A deployment is missing when it falls inside a disclosure's blue-list
    period (its first to last date) and that disclosure has no result for its date.
    """
    blue = blue_list[["reference", "row", "deployment_date", "true_alert_rate", "false_alert_rate"]].copy()
    blue["deployment_date"] = pd.to_datetime(blue["deployment_date"]).astype("datetime64[ns]")
    blue["n_blue_list_rows_on_date"] = blue.groupby(["reference", "deployment_date"])["row"].transform("size")
    dep = deployments[["deployment_id", "source_file", "date", "location", "duration_minutes", "faces_seen",
                       "total_alerts", "true_alerts", "false_alerts"]]
    per_date = dep.groupby("date").size().rename("n_deployments_on_date")
    joined = blue.merge(dep, how="left", left_on="deployment_date", right_on="date", sort=False)
    joined = joined.join(per_date, on="deployment_date")
    joined["n_deployments_on_date"] = joined["n_deployments_on_date"].fillna(0)
    one = (joined["n_blue_list_rows_on_date"] == 1) & (joined["n_deployments_on_date"] == 1)
    joined["match"] = "ambiguous"
    joined.loc[one, "match"] = "one-to-one"
    joined.loc[joined["n_deployments_on_date"] == 0, "match"] = "no deployment"
    joined = joined.sort_values(["reference", "row", "source_file", "deployment_id"], kind="stable")
    joined = joined[BLUE_COLUMNS].reset_index(drop=True)
    joined = joined.astype({"match": "string", "n_blue_list_rows_on_date": "Int64", "n_deployments_on_date": "Int64"})

    # Deployments inside each disclosure's period (a range join), less the dates it has results for.
    periods = blue.groupby("reference", sort=True)["deployment_date"].agg(period_start="min", period_end="max").reset_index()
    inside = periods.merge(dep, how="cross")
    inside = inside[(inside["date"] >= inside["period_start"]) & (inside["date"] <= inside["period_end"])]
    has_result = inside.set_index(["reference", "date"]).index.isin(blue.set_index(["reference", "deployment_date"]).index)
    missing_df = inside.loc[~has_result, MISSING_COLUMNS].sort_values(["reference", "date", "deployment_id"], kind="stable")
    missing_df = missing_df.reset_index(drop=True).astype(
        {c: "string" for c in ("reference", "deployment_id", "source_file", "location")})
    for c in ("period_start", "period_end", "date"):
        missing_df[c] = pd.to_datetime(missing_df[c]).astype("datetime64[ns]")
    return joined, missing_df


def read_grid(path: Path) -> _Parsed:
    """One grid's rows, anomalies and rejections before the cross-grid checks (what the build caches)."""
    return _parse(path)


def build_tables(grid_dir: Path | str, blue_list: pd.DataFrame, read=read_grid) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """Every ``*.pdf`` grid in ``grid_dir`` -> the deployment tables; an unreadable grid is a Rejection.

    ``read`` parses one PDF (the build passes one that goes through its cache)."""
    parsed, rejections = [], []
    for path in sorted(Path(grid_dir).glob("*.pdf")):
        try:
            p = read(path)
        except GridError as err:
            rejections.append(Rejection(f"grids/{path.name}", "file", path.name, str(err)))
            continue
        parsed.append(p)
        rejections += p.rejections
    deployments, anomalies = _finish(parsed)
    # A deployment printed again by a later edition is counted once, as that edition prints it.
    current = deployments.loc[deployments["superseded_by"].isna()]
    joined, missing = blue_list_join(blue_list, current)
    by_year, by_purpose = yearly(current)
    extras = pd.DataFrame([e for p in parsed for e in p.extras], columns=EXTRA_COLUMNS)
    extras = extras.astype({c: "string" for c in EXTRA_COLUMNS if c != "page"}).astype({"page": "Int64"})
    tables = {
        "deployments": deployments,
        "deployment_anomalies": anomalies,
        "extra_columns": extras,
        "blue_list_deployments": joined,
        "blue_list_missing": missing,
        "deployments_yearly": by_year,
        "deployments_by_purpose": by_purpose,
        "grid_editions": editions(parsed, deployments),
    }
    return tables, rejections


def editions(parsed: list[_Parsed], deployments: pd.DataFrame) -> pd.DataFrame:
    """One row per grid read: its PDF's title and day made (as ``date_after_edition`` reads it), its
    pages and the deployments read from it; what the report names a grid by, without the PDF."""
    out = pd.DataFrame([p.edition for p in parsed], columns=EDITION_COLUMNS[:-2])
    counts = deployments["source_file"].value_counts()
    superseded = deployments.loc[deployments["superseded_by"].notna(), "source_file"].value_counts()
    out["deployments"] = [int(counts.get(f, 0)) for f in out["source_file"]]
    out["deployments_superseded"] = [int(superseded.get(f, 0)) for f in out["source_file"]]
    out = out.astype({"source_file": "string", "title": "string", "pages": "Int64", "deployments": "Int64",
                      "deployments_superseded": "Int64"})
    out["edition_date"] = pd.to_datetime(out["edition_date"]).astype("datetime64[ns]")
    return out[EDITION_COLUMNS]
