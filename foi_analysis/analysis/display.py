"""Tables and numbers for people: human column labels, percentages as percentages, thousands
separators, no index column, and words ("not printed", "not disclosed") where a value is missing.

Notebooks show tables through ``table``; the machine tables in data/processed are never touched.
The HTML is plain (no pandas Styler: its random ids would change the saved outputs on every run),
wrapped in a scrolling box so a wide table never overflows the page.

Dates are shown in one style, ``day``. pandas is imported where a table is made, not with the module:
the report's own process writes the index with ``day`` and imports no pandas.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NOT_PRINTED = "not printed"
NOT_DISCLOSED = "not disclosed"


def _missing(value) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pd = sys.modules.get("pandas")  # without pandas imported, no value is one of its missing markers
    return pd is not None and (value is pd.NA or value is pd.NaT)


# What Markdown (and the HTML inside it) would read as markup: HTML's < > and an entity's &, emphasis,
# code, links, tables, strikethrough and maths; "_" only at a word's edge (inside a word, as in
# file or check names, it is no emphasis in CommonMark).
_MARKUP = re.compile(r"[\\`*\[\]|~$<>]|&(?=#?\w+;)|(?<!\w)_|_(?!\w)")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_text(text: str) -> str:
    """A value read from a document or record (a reference, a location, a file name), for a Markdown
    sentence: shown as written, never as HTML, a link or emphasis (a published report must not run
    or format what a document holds)."""
    return _MARKUP.sub(lambda m: _ENTITIES.get(m[0]) or "\\" + m[0], text)


def markdown_values(value):
    """``markdown_text`` on every text in a nested structure of dicts (their keys too) and lists."""
    if isinstance(value, str):
        return markdown_text(value)
    if isinstance(value, dict):
        return {markdown_values(k): markdown_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [markdown_values(v) for v in value]
    return value


def link(url: str) -> str:
    """A web address in a Markdown sentence: a link whose text is its site ('theregister.com'), not
    the whole address printed in the text. A link is only followed when a reader clicks it: the page
    loads nothing. An address that is not http(s) is shown as text, never linked. ``url`` may be
    ``markdown_text``-escaped: Markdown reads a link's address through the same escapes."""
    from urllib.parse import urlsplit

    plain = url.replace("\\", "")
    parts = urlsplit(plain)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return markdown_text(plain)
    site = parts.hostname.removeprefix("www.")
    target = re.sub(r"[\s<>]", lambda m: f"%{ord(m[0]):02X}", url)  # <...> holds any other character
    return f"[{markdown_text(site)}](<{target}>)"


def thousands(n, missing: str = NOT_PRINTED) -> str:
    return missing if _missing(n) else f"{int(round(float(n))):,}"


def percent(fraction, missing: str = NOT_PRINTED, significant: int = 2) -> str:
    """0.0000509 -> '0.0051%'; 0.25 -> '25%': enough decimals for ``significant`` digits, never e-notation."""
    if _missing(fraction):
        return missing
    value = 100 * float(fraction)
    if value == 0:
        return "0%"
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}%"


def _one_in_count(fraction) -> str:
    """1/fraction to two significant digits, in words past a million: '20,000', '24 million'."""
    n = 1 / float(fraction)
    if n < 100:
        return f"{n:,.0f}"
    rounded = round(n, 1 - math.floor(math.log10(n)))
    if rounded >= 1_000_000:
        millions = rounded / 1_000_000  # two significant digits: '1.4 million', '1 million', '24 million'
        return f"{millions:,.1f}".removesuffix(".0") + " million" if millions < 10 else f"{millions:,.0f} million"
    return f"{int(rounded):,}"


def one_in(fraction, unit: str) -> str:
    """A small rate as a reader pictures it: 0.0000509 -> 'about 1 in 20,000 faces seen' (two significant
    digits); '' for a rate of 0 or none, which has no '1 in'."""
    if _missing(fraction) or float(fraction) <= 0:
        return ""
    return f"about 1 in {_one_in_count(fraction)} {unit}"


SMALL = 0.001  # below 0.1% a percentage is a string of zeros to a reader: '1 in N' is said beside it


def small_percent(fraction, missing: str = NOT_PRINTED) -> str:
    """A percentage, with '1 in N' beside it when it is below 0.1%: '0.0000041% (1 in 24 million)'.
    The same rule in sentences, tables and alt text; findings.json keeps the number."""
    said = percent(fraction, missing)
    if _missing(fraction) or not 0 < float(fraction) < SMALL:
        return said
    return f"{said} (1 in {_one_in_count(fraction)})"


def number(x, missing: str = NOT_PRINTED, decimals: int = 1) -> str:
    return missing if _missing(x) else f"{float(x):,.{decimals}f}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # not strftime's %B: that follows the machine's locale


def _date(d):
    """A date, a timestamp, a numpy datetime64 or an ISO string ('2025-01-08', '2025-01-08T00:00')."""
    if isinstance(d, str):
        return dt.date.fromisoformat(d[:10])
    if all(hasattr(d, a) for a in ("year", "month", "day")):
        return d
    import pandas as pd

    return pd.Timestamp(d)


def day(d, missing: str = NOT_PRINTED, short: bool = False) -> str:
    """The one style in which a reader is shown a date: '8 January 2025' in a sentence, '8 Jan 2025'
    (``short``) in a table or on a chart. Takes a date, a timestamp or an ISO string (findings.json's
    and the CSVs' dates stay ISO: they are for machines)."""
    if _missing(d) or d == "":
        return missing
    d = _date(d)
    name = MONTHS[d.month - 1]
    return f"{d.day} {name[:3] if short else name} {d.year}"


def month(m, missing: str = NOT_PRINTED, short: bool = False) -> str:
    """A month in ``day``'s style: '2024-06' (findings.json's months), a date or a period -> 'June 2024'
    ('Jun 2024' short)."""
    if _missing(m) or m == "":
        return missing
    if isinstance(m, str):
        d = _date(m + "-01" if len(m) == 7 else m)
    else:
        d = _date(getattr(m, "start_time", m))  # a pandas Period: its first day
    name = MONTHS[d.month - 1]
    return f"{name[:3] if short else name} {d.year}"


def days(first, last, missing: str = NOT_PRINTED, short: bool = False) -> str:
    """A span of dates in words: '8 January 2025 to 10 May 2025'; one date when both are the same."""
    if _missing(first) or _missing(last):
        return missing
    a, b = day(first, short=short), day(last, short=short)
    return a if a == b else f"{a} to {b}"


def interval(lower, upper, missing: str = NOT_PRINTED) -> str:
    if _missing(lower) or _missing(upper):
        return missing
    return f"{small_percent(lower)} to {small_percent(upper)}"


def ratio_interval(lower, upper, missing: str = NOT_PRINTED) -> str:
    """An interval of a ratio printed as the ratio is (two decimals): '2.94 to 3.47'."""
    if _missing(lower) or _missing(upper):
        return missing
    return f"{float(lower):,.2f} to {float(upper):,.2f}"


def flag(v, missing: str = NOT_PRINTED) -> str:
    return missing if _missing(v) else ("yes" if bool(v) else "no")


def quoted(value, missing: str = NOT_PRINTED) -> str:
    """Words quoted from a document's list ("Section 24(2) National Security;"), without the list's
    separator after them: the ";" or "," belongs to the list, not to what is quoted. Kept as
    transcribed in data/raw and the tables."""
    return missing if _missing(value) else str(value).strip().rstrip(";,").rstrip()


FORMATS = {"count": thousands, "quoted": quoted, "flag": flag, "percent": small_percent, "number": number,
           "date": lambda v, missing=NOT_PRINTED: day(v, missing, short=True),  # tables are narrow
           "ratio": lambda v, missing=NOT_PRINTED: number(v, missing, decimals=2),  # as the findings print ratios
           "text": lambda v, missing=NOT_PRINTED: missing if _missing(v) else str(v)}


def _kind(series) -> str:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_bool_dtype(series):
        return "flag"
    if pd.api.types.is_integer_dtype(series):
        return "count"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "text"


SHORT = 12  # characters: a header or cell this short ("s17 in time", "none printed") is kept on one line


def _short(text, cls: str = "") -> str:
    """The class attribute of a cell: its alignment, and 'short' for a short phrase, which the page
    keeps on one line ('s17 in time' broken over three lines in a narrow column reads badly)."""
    classes = " ".join(filter(None, [cls, "short" if len(str(text)) <= SHORT else ""]))
    return f' class="{classes}"' if classes else ""


class Table:
    """A formatted table: HTML for the notebook and the report, plain text for the console."""

    def __init__(self, frame: pd.DataFrame, caption: str = ""):
        self.frame, self.caption = frame, caption

    def _repr_html_(self) -> str:
        if self.frame.empty:  # a header over no rows says nothing: say that nothing is there
            return f"<p>{html.escape(self.caption) + ': n' if self.caption else 'N'}one in this selection.</p>"
        head = "".join(f"<th{_short(c)}>{html.escape(str(c))}</th>" for c in self.frame.columns)
        align = self.frame.attrs.get("align", {})
        rows = []
        for row in self.frame.itertuples(index=False):
            cells = "".join(f'<td{_short(v, align.get(c, ""))}>{html.escape(str(v))}</td>'
                            for c, v in zip(self.frame.columns, row))
            rows.append(f"<tr>{cells}</tr>")
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<div class="table-scroll"><table class="people">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def __repr__(self) -> str:
        if self.frame.empty:
            return f"{self.caption + ': n' if self.caption else 'N'}one in this selection."
        return (self.caption + "\n" if self.caption else "") + self.frame.to_string(index=False)


def table(frame: pd.DataFrame, columns: dict[str, str], kinds: dict[str, str] | None = None,
          missing: str | dict[str, str] = NOT_PRINTED, caption: str = "") -> Table:
    """``columns`` maps the frame's columns to their labels (in display order); ``kinds`` overrides the
    format chosen from the dtype ("count", "percent", "number", "ratio" (two decimals), "date", "text",
    "quoted": words quoted from a document's list, its separator dropped); ``missing`` is the word
    for an empty cell, one for all or per column."""
    import pandas as pd

    kinds = kinds or {}
    out = pd.DataFrame(index=range(len(frame)))
    align = {}
    for column, label in columns.items():
        kind = kinds.get(column) or _kind(frame[column])
        word = missing.get(column, NOT_PRINTED) if isinstance(missing, dict) else missing
        out[label] = [FORMATS[kind](v, missing=word) for v in frame[column].tolist()]
        if kind in ("count", "percent", "number", "ratio"):
            align[label] = "num"
        elif kind == "date":
            align[label] = "date"
    out.attrs["align"] = align
    return Table(out, caption)


# The grids' reconciliation checks (grids.parse.CHECKS, the `check` of deployment_anomalies and the
# `flags` of deployments) as a reader is told them; the tables keep the names.
CHECK_LABELS = {
    "copied_column": "a count column copied from another",
    "unreadable": "a value that could not be read",
    "alerts_sum": "alerts do not add up (total is not true + false)",
    "outcomes_exceed_alerts": "more outcomes than alerts",
    "alerts_exceed_faces": "more alerts than faces seen",
    "false_alert_rate": "printed false alert rate does not match its counts",
    "false_alert_rate_truncated": "printed false alert rate truncated, not rounded",
    "watchlist_outlier": "watchlist size far from both neighbours",
    "date_order": "date out of printed order",
    "date_after_edition": "dated after the grid was made",
    "location_variants": "place spelt another way elsewhere",
    "duplicate": "row printed twice",
    "restated": "printed again by a later edition",
    "likely_restated": "likely printed again by a later edition, its date, its place or both corrected",
    "dropped_by_later_edition": "left out by a later edition",
    "purpose_code": "purpose code not in the legend",
    "weekday": "printed weekday is not the date's",
}


def check_label(flags) -> str:
    """'date_order;location_variants' -> 'date out of printed order; place spelt another way
    elsewhere' (an unknown check is shown by its name)."""
    if _missing(flags):
        return ""
    return "; ".join(CHECK_LABELS.get(f, f) for f in str(flags).split(";") if f)


# A request's events (records.schemas.EVENTS) in words, for sentences, tables and charts that name one;
# the tables and findings.json keep the names (response_times.over_40wd_basis: "still no response at
# the internal_review_requested on working day 54").
EVENT_WORDS = {"received": "receipt", "acknowledged": "acknowledgement", "extension_notice": "s17 notice",
               "extension_estimate": "extension estimate", "chaser": "requester's reminder", "update": "update",
               "internal_review_requested": "internal review request",
               "internal_review_response": "internal review response", "response": "response",
               "ico_complaint": "complaint to the regulator",
               "ico_decision": "regulator's decision", "tribunal_appeal": "tribunal appeal"}
# only the names that read differently ("response" stays, and so does "received" in a sentence)
_EVENT = re.compile(r"\b(?:" + "|".join(k for k, v in EVENT_WORDS.items() if "_" in k) + r")\b")


def event_word(name) -> str:
    """'internal_review_requested' -> 'internal review request' (an unknown event by its name, in words)."""
    return EVENT_WORDS.get(name, str(name).replace("_", " "))


def event_words(text: str) -> str:
    """'still no response at the internal_review_requested on ...' -> '... the internal review request on ...'."""
    return _EVENT.sub(lambda m: EVENT_WORDS[m[0]], text)


def over_40wd(over, basis) -> str | None:
    """response_times' over_40wd with its evidence, for a table: 'yes: still no response at the
    internal review request on working day 54', 'no', or None (cannot be timed)."""
    if _missing(over):
        return None
    if not over:
        return "no"
    return "yes" + (f": {event_words(str(basis))}" if not _missing(basis) else "")


_ROW_ID = re.compile(r"\b[\w.-]+_(\d{4}-\d{2}-\d{2})_(\d+)\b")  # deployment_id: <grid stem>_<ISO date>_<n>
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_LONG_COUNT = re.compile(r"(?<![\d.,])\d{5,}(?![\d.,%])")
# A bound the build writes as a comparison ("<= 7", ">= 12"): said in words, not code.
_BOUND = re.compile(r"(<=|>=)\s*(?=\d)")
_BOUND_WORDS = {"<=": "at most ", ">=": "at least "}


def readable(text):
    """A check's machine text for a reader: a deployment_id as its row ('the row of 28 Jun 2024'), ISO
    dates in ``day``'s style, counts of five digits or more with thousands separators ('near 16199'
    -> 'near 16,199'), a bound in words ('<= 7' -> 'at most 7'). The tables (deployment_anomalies)
    keep the text as the build wrote it."""
    if _missing(text):
        return text
    text = _ROW_ID.sub(lambda m: f"the row of {day(m[1], short=True)}" + ("" if m[2] == "1" else f" (no. {m[2]} that day)"),
                       str(text))
    text = _ISO_DAY.sub(lambda m: day(m[0], short=True), text)
    text = _BOUND.sub(lambda m: _BOUND_WORDS[m[1]], text)
    return _LONG_COUNT.sub(lambda m: f"{int(m[0]):,}", text)


LISTED = 10  # names listed one by one in a sentence; the rest are counted (findings.json keeps them all)


def listed(items, limit: int = LISTED) -> str:
    """'a, b, c' for a few names; the first ``limit`` and 'and 290 more' for many (a sentence, or a
    chart's source line, that named 300 references would bury what it says)."""
    items = [str(i) for i in items]
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit} more"
