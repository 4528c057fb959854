"""Read and validate the raw disclosure records in data/raw/disclosures/*.yaml.

Every problem becomes a ``Rejection`` naming the file, the field and the value, and one pass lists
every problem of a record, not the first only. A malformed record (``structure``: an unknown field,
a wrong type, a control character, a YAML tag) or a problem in a request-level field (reference,
authority, outcome, source title, its dates; a date in the future or before the receipt) sets the
whole record aside; a bad value in one event, exemption, question or table row sets aside that
row only. A record's identity is (authority, reference): two authorities may use the same number;
an authority is written by its canonical name, and an identifier as printed (``reference: 0123``,
which YAML reads as 123, is refused). A citation naming the other Act than the record's law puts
the law in doubt and sets the record aside. A file is read as YAML 1.2 reads it (UTF-8, or UTF-16 or
UTF-32) and is at most ``MAX_RECORD_BYTES``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

# yaml-rs: YAML 1.2 (so an unquoted `no` stays text), duplicate keys are an error rather than
# silently overwritten, nothing is ever constructed from tags, and it is ~9x faster than PyYAML.
import yaml_rs
from zoneinfo import ZoneInfo

from ..foia import exemptions as ex
from ..foia.dates import LAST_COUNTABLE_DAY, LAST_YEAR, parse_printed_date
from . import authorities, structure
from .quarantine import SET_ASIDE, WHOLE_FILE, Rejection
from .schemas import EVENTS, OUTCOMES, QUESTION_OUTCOMES, STAGES

# The Freedom of Information Act 2000 and FOI (Scotland) Act 2002 gave their right of access from this
# day; no request, reply or disclosed row dates from before it (and a year such as 1600 cannot even be
# stored as a date in the tables).
FIRST_DAY = dt.date(2005, 1, 1)

_OUTCOMES = {o: o for o in OUTCOMES}


# A record's rows, as tuples in these column orders (a chunk of records becomes columns in one
# transposition: no dict per row).
EVENT_COLUMNS = ("event", "date", "date_printed", "note")
EXEMPTION_COLUMNS = ("section", "citation", "raw", "name", "absolute", "basis", "ncnd", "procedural", "stage", "questions", "law")
QUESTION_COLUMNS = ("question", "outcome")
BLUE_LIST_COLUMNS = ("row", "deployment_date", "true_alert_rate", "false_alert_rate", "true_alert_rate_raw",
                     "false_alert_rate_raw", "n_tests")


@dataclass(slots=True)
class Disclosure:
    file: str
    reference: str
    authority: str
    outcome: str
    source_title: str
    source_file: str
    date_received: dt.date | None = None
    date_responded: dt.date | None = None
    events: list[tuple] = field(default_factory=list)  # EVENT_COLUMNS
    exemptions: list[tuple] = field(default_factory=list)  # EXEMPTION_COLUMNS
    questions: list[tuple] = field(default_factory=list)  # QUESTION_COLUMNS
    blue_list: list[tuple] = field(default_factory=list)  # BLUE_LIST_COLUMNS
    law: str = "FOIA"  # the law the request was answered under (ex.LAWS); absent from a record: FOIA


class RecordError(ValueError):
    def __init__(self, field_name: str, value, reason: str):
        super().__init__(reason)
        self.field, self.value, self.reason = field_name, value, reason


class OtherAct(ex.CitationError):
    """A citation names the other Act than the record's law: the law, a request-level field, is in doubt."""


class LawError(RecordError):
    """A problem of one row that puts the record's law in doubt: the record is set aside."""


def _text(value) -> str:
    return "" if value is None else str(value)


def _required_str(rec: dict, key: str) -> str:
    value = rec.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RecordError(key, value, f"missing {key}")
    if not isinstance(value, (str, int)):
        raise RecordError(key, value, f"{key} must be text")
    return str(value).strip()


# Printed date -> (the printed text, the date). The same few thousand dates recur across a corpus:
# each is parsed once, and every row printing it shares one string (smaller tables to send between
# processes and to hold). Bounded so that a corpus of distinct dates cannot grow it without end.
_DATES: dict[str, tuple[str, dt.date]] = {}


def _printed_date(text: str) -> tuple[str, dt.date]:
    """(printed, date) for a printed date; ``ValueError`` when it is none."""
    hit = _DATES.get(text)
    if hit is None:
        if len(_DATES) >= 65536:
            _DATES.clear()
        hit = _DATES[text] = (text, parse_printed_date(text))
    return hit


def _date(value, field_name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return _printed_date(str(value))[1]
    except ValueError as err:
        raise RecordError(field_name, value, str(err)) from None


PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")


def parse_percent(value, field_name: str) -> float:
    """'100%' -> 1.0; anything not a percentage between 0% and 100% is an error."""
    m = PERCENT.fullmatch(_text(value))
    if not m:
        raise RecordError(field_name, value, "not a percentage (expected e.g. '100%')")
    pct = float(m.group(1))
    if pct > 100:
        raise RecordError(field_name, value, "rate above 100%")
    return pct / 100


# A count as letters print it: "1234", "1,234"; "nil" or "none" is 0. Blank, "N/A" or a dash alone
# says nothing was printed (None), as in the grids' cells. Stricter than grids.parse.parse_count, which
# reads what a PDF's layout adds (a footnote mark, a space for a separator, a spreadsheet's "12.0"): a
# record is typed by a person, and "12²" or "12 000" there is a slip to be named, not read.
# (Patterns as text: compiled by ``re`` when first needed, which a corpus of plain counts never pays.)
_THOUSANDS = r"[0-9]{1,3}(?:,[0-9]{3})+"
_NOT_PRINTED = r"(?i)n/?a|not applicable|[-\u2010-\u2015\u2212]+"
_NIL = r"(?i)nil|none"


def _count(text: str, field_name: str) -> int | None:
    if text.isascii() and text.isdigit():  # (isdigit alone takes "²", which int() refuses)
        return int(text)
    if re.fullmatch(_THOUSANDS, text):
        return int(text.replace(",", ""))
    if re.fullmatch(_NOT_PRINTED, text):
        return None
    if re.fullmatch(_NIL, text):
        return 0
    raise RecordError(field_name, text, "not a whole number")


# Blue-list tables: columns are recognised by what their header says.
BLUE_LIST_HEADERS = {
    "deployment_date": re.compile(r"\bdate\b", re.I),
    "true_alert_rate": re.compile(r"\btrue\b", re.I),
    "false_alert_rate": re.compile(r"\bfalse\b", re.I),
    "n_tests": re.compile(r"\b(tests?|passes|number|n)\b", re.I),
}


def _blue_list_rows(table: dict, where: str, rejections: list[Rejection], file: str) -> list[tuple]:
    """(BLUE_LIST_COLUMNS..., the date's field, the date as printed) per good row."""
    columns = [str(c) for c in table.get("columns") or []]
    index = {}
    for name, pattern in BLUE_LIST_HEADERS.items():
        hits = [i for i, c in enumerate(columns) if pattern.search(c) and i not in index.values()]
        if hits:
            index[name] = hits[0]
    missing = [n for n in ("deployment_date", "true_alert_rate", "false_alert_rate") if n not in index]
    if missing:
        rejections.append(Rejection(file, f"{where}.columns", ", ".join(columns), f"blue-list table lacks a column for {', '.join(missing)}"))
        return []
    rows = []
    for r, cells in enumerate(table.get("rows") or [], start=1):
        rf = f"{where}.rows[{r - 1}]"
        try:
            if not isinstance(cells, list) or len(cells) != len(columns):
                raise RecordError(rf, cells, f"expected {len(columns)} cells")
            date = _date(cells[index["deployment_date"]], f"{rf}[{index['deployment_date']}]")
            if date is None:
                raise RecordError(f"{rf}[{index['deployment_date']}]", None, "missing date")
            n = None
            if "n_tests" in index:
                raw_n = _text(cells[index["n_tests"]]).strip()
                if raw_n:
                    n = _count(raw_n, f"{rf}[{index['n_tests']}]")
            rows.append((
                r, date,
                parse_percent(cells[index["true_alert_rate"]], f"{rf}[{index['true_alert_rate']}]"),
                parse_percent(cells[index["false_alert_rate"]], f"{rf}[{index['false_alert_rate']}]"),
                _text(cells[index["true_alert_rate"]]), _text(cells[index["false_alert_rate"]]), n,
                f"{rf}[{index['deployment_date']}]", _text(cells[index["deployment_date"]]),
            ))
        except RecordError as err:
            rejections.append(Rejection(file, err.field, _text(err.value), err.reason))
    return rows


def _london_today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


_TODAY = [0.0, None]  # (when it was read, the date): read at most once a second, not per record


def _today() -> dt.date:
    # The date in the UK, where the letters are dated (a record dated today is never "future").
    now = time.monotonic()
    if _TODAY[1] is None or now - _TODAY[0] >= 1.0:
        _TODAY[:] = now, _london_today()
    return _TODAY[1]


# The value as written -> the same value, one shared string (the check that it is allowed, and
# rows that share one string per name rather than one per record).
_EVENTS = {e: e for e in EVENTS}
_STAGES = {s: s for s in STAGES}
_QUESTION_OUTCOMES = {q: q for q in QUESTION_OUTCOMES}
_LAWS = {law: law for law in ex.LAWS}


# An authority written as one of its aliases in authorities.csv ("MPS") -> its canonical name: built as
# written, its requests would count as another body's, and a duplicate would go unseen. A name not in
# the file is left as written (``add`` asks for known names; a hand-written record may name a new body).
# (Read here once: a look-up per record, no call.)
_ALIASES = {alias: canonical for alias, canonical in authorities.aliases().items() if alias != canonical}


@lru_cache(maxsize=4096)
def _exemption_rows(raw: str, law: str = "FOIA") -> tuple[tuple, ...]:
    """A printed citation line, read under ``law`` -> its rows' leading EXEMPTION_COLUMNS (section .. procedural).

    Letters reuse a few citation lines: each is parsed and described once. ``CitationError``
    (not cached) when it names no ground for refusal, or names the other Act than ``law``."""
    named = ex.act_named(raw) if law in ("FOIA", "FOISA") else None
    if named is not None and named != law:
        # FOISA s35 is law enforcement, FOIA s35 policy formulation: read under the record's law, the
        # line would be named from the wrong catalogue and look right.
        raise OtherAct(f"cites {named}, but the record's law is {law}" + (
            " (no 'law' field)" if law == "FOIA" else "") + f": if the request was answered under {named}, "
            f"write 'law: {named}'" + ("" if named == "FOISA" else " (or leave 'law' out)"))
    return tuple((c.section, c.citation, raw, c.info.name, c.absolute, c.info.basis, c.ncnd, c.procedural)
                 for c in ex.parse_citation(raw, law))


def _problem(rejections: list[Rejection], file: str, err: RecordError) -> None:
    rejections.append(Rejection(file, err.field, _text(err.value), err.reason))


# The parse below runs on every record of a build: the usual value (known, well typed, seen before)
# is taken on a short path, and anything else goes through the full checks, which name the problem.

_LOOSE_SPACE = re.compile(r"\s\s|[^\S ]")  # two spaces together, or any space but " "


def _required(rec: dict, key: str, skip, fatal: list[RecordError], numeric: list | None = None) -> str | None:
    if key in skip:
        return None
    value = rec.get(key)
    if value.__class__ is str:
        value = value.strip()
        if value:
            # "FOI  506" typed with two spaces (or a tab, a no-break space, a line break in a folded
            # YAML string) is "FOI 506": one identity, so a second record of it is a duplicate.
            return " ".join(value.split()) if _LOOSE_SPACE.search(value) else value
    if numeric is not None and value.__class__ is int:
        numeric.append(key)
    try:
        return _required_str(rec, key)
    except RecordError as err:
        fatal.append(err)
        return None


def _date_field(rec: dict, key: str, skip, fatal: list[RecordError]) -> dt.date | None:
    if key in skip:
        return None
    try:
        return _date(rec.get(key), key)
    except RecordError as err:
        fatal.append(err)
        return None


def _rows(rec: dict, key: str, skip, rejections: list[Rejection], file: str) -> list:
    if key in skip:
        return []
    value = rec.get(key) or []
    if not isinstance(value, list):
        rejections.append(Rejection(file, key, _text(value), f"{key} must be a list"))
        return []
    return value


def _event(ev, i: int) -> tuple:
    """Event ``i``'s row (EVENT_COLUMNS); ``RecordError`` for a problem."""
    if not isinstance(ev, dict):
        raise RecordError(f"events[{i}]", ev, "an event needs 'event' and 'date'")
    name = _EVENTS.get(ev.get("event"))
    if name is None:
        raise RecordError(f"events[{i}].event", ev.get("event"), f"unknown event; use one of {', '.join(EVENTS)}")
    printed = ev.get("date")
    if printed is None or printed == "":
        raise RecordError(f"events[{i}].date", printed, "missing date")
    try:
        printed, date = _printed_date(str(printed))
    except ValueError as err:
        raise RecordError(f"events[{i}].date", printed, str(err)) from None
    return name, date, printed, ev.get("note")


def _exemption(exm, i: int, law: str = "FOIA") -> tuple[tuple, ...]:
    """Exemption ``i``'s rows (EXEMPTION_COLUMNS); ``RecordError`` for a problem."""
    if not isinstance(exm, dict) or not exm.get("raw"):
        raise RecordError(f"exemptions[{i}].raw", exm, "an exemption needs 'raw' (the citation as printed)")
    stage = _STAGES.get(exm.get("stage") or "response")
    if stage is None:
        raise RecordError(f"exemptions[{i}].stage", exm.get("stage"), f"unknown stage; use one of {', '.join(STAGES)}")
    try:
        cites = _exemption_rows(str(exm["raw"]), law)
    except ex.CitationError as err:
        raise (LawError if isinstance(err, OtherAct) else RecordError)(f"exemptions[{i}].raw", exm["raw"], str(err)) from None
    questions = ";".join(map(str, exm.get("questions") or ()))
    questions = sys.intern(questions) if questions else None
    return tuple(c + (stage, questions, law) for c in cites)


# (citation as printed, stage as written, questions joined, law) -> the exemption's rows: letters repeat a
# few citations with a few question lists, so most exemptions are one look-up. Bounded like _DATES.
_EXEMPTIONS: dict[tuple[str, object, str], tuple[tuple, ...]] = {}


def _question(q, i: int, seen: set[str]) -> tuple[str, str]:
    """Question ``i``'s row (QUESTION_COLUMNS); ``RecordError`` for a problem."""
    if not isinstance(q, dict) or q.get("question") is None:
        raise RecordError(f"questions[{i}]", q, "a question needs 'question' and 'outcome'")
    qid, qout = str(q["question"]), _QUESTION_OUTCOMES.get(q.get("outcome"))
    if qout is None:
        raise RecordError(f"questions[{i}].outcome", q.get("outcome"), f"unknown outcome; use one of {', '.join(QUESTION_OUTCOMES)}")
    if qid in seen:
        raise RecordError(f"questions[{i}].question", qid, "duplicate question")
    seen.add(qid)
    return sys.intern(qid), qout


def _agreed(current: dt.date | None, from_events: list[dt.date], rec: dict, key: str, event: str,
            fatal: list[RecordError]) -> dt.date | None:
    """A request-level date (``key``) given by its field or by its events (the earliest ``event``);
    a field that none of those events bears out is a problem."""
    if not from_events:
        return current
    first = min(from_events)
    if current is None:
        return first
    if current not in from_events:
        fatal.append(RecordError(key, rec.get(key), f"disagrees with the '{event}' event ({first})"))
    return current


def _parse_record(rec: dict, file: str, rejections: list[Rejection], skip: set[str] = frozenset(),
                  numeric: list | None = None) -> Disclosure | None:
    """The record, or None when a request-level problem sets it aside; every problem goes to ``rejections``.

    Nothing stops at the first problem: each field is checked, so one pass lists them all.
    ``skip`` names top-level fields already reported as malformed (not read again here); the
    identifiers written as numbers (reference, question numbers) are added to ``numeric``.
    """
    fatal: list[RecordError] = []  # request-level problems: the record is set aside
    reference, authority = _required(rec, "reference", skip, fatal, numeric), _required(rec, "authority", skip, fatal)
    if authority in _ALIASES:
        fatal.append(RecordError("authority", authority, f"not the canonical name: write '{_ALIASES[authority]}'"))
    outcome = _required(rec, "outcome", skip, fatal)
    if outcome is not None and outcome not in _OUTCOMES:
        fatal.append(RecordError("outcome", outcome, f"unknown outcome; use one of {', '.join(OUTCOMES)}"))
    law = "FOIA" if "law" in skip else _LAWS.get(rec.get("law") or "FOIA")
    if law is None:
        # Read under another law, every citation would be named wrongly: the whole record waits.
        fatal.append(RecordError("law", rec.get("law"), f"unknown law; use one of {', '.join(ex.LAWS)} (absent: FOIA)"))
        law = "FOIA"
    source = {} if "source" in skip else rec.get("source") or {}
    if "source" not in skip and (not isinstance(source, dict) or not source.get("title")):
        fatal.append(RecordError("source.title", source.get("title") if isinstance(source, dict) else source, "missing source title"))
        source = {}
    seed = source.get("seed_file") or source.get("file")
    d = Disclosure(  # every field given: no default factories to run
        file, reference or "", sys.intern(authority) if authority else "", _OUTCOMES.get(outcome, outcome or ""),
        str(source.get("title") or ""), file + (f" (from {seed})" if seed else ""),
        _date_field(rec, "date_received", skip, fatal), _date_field(rec, "date_responded", skip, fatal), [], [], [], [], law)

    # Field names such as "events[2].date" are spelt only when there is a problem to name.
    events, at = d.events, []  # at: each kept event's place in the record's list (named in a problem only)
    for i, ev in enumerate(_rows(rec, "events", skip, rejections, file)):
        row = None
        if ev.__class__ is dict:
            name, printed = _EVENTS.get(ev.get("event")), ev.get("date")
            hit = _DATES.get(printed) if name is not None and printed.__class__ is str else None
            if hit is not None:
                row = (name, hit[1], hit[0], ev.get("note"))
        if row is None:
            try:
                row = _event(ev, i)
            except RecordError as err:
                _problem(rejections, file, err)
                continue
        events.append(row)
        at.append(i)

    exemptions = d.exemptions
    for i, exm in enumerate(_rows(rec, "exemptions", skip, rejections, file)):
        key = None
        if exm.__class__ is dict:
            raw, questions = exm.get("raw"), exm.get("questions")
            if raw.__class__ is str and raw and (questions is None or questions.__class__ is list):
                try:
                    key = (raw, exm.get("stage"), ";".join(questions) if questions else "", law)
                except TypeError:  # a question numbered without quotes: the full path
                    pass
        rows = _EXEMPTIONS.get(key) if key is not None else None
        if rows is None:
            if numeric is not None and exm.__class__ is dict and exm.get("questions").__class__ is list and int in map(type, exm["questions"]):
                numeric.append(f"exemptions[{i}].questions")
            try:
                rows = _exemption(exm, i, law)
            except LawError as err:
                fatal.append(err)
                continue
            except RecordError as err:
                _problem(rejections, file, err)
                continue
            if key is not None:
                if len(_EXEMPTIONS) >= 65536:
                    _EXEMPTIONS.clear()
                _EXEMPTIONS[key] = rows
        exemptions += rows

    questions, seen = d.questions, set()
    for i, q in enumerate(_rows(rec, "questions", skip, rejections, file)):
        if q.__class__ is dict:
            qid = q.get("question")
            if qid.__class__ is str:
                qout = _QUESTION_OUTCOMES.get(q.get("outcome"))
                if qout is not None and qid not in seen:
                    seen.add(qid)
                    questions.append((sys.intern(qid), qout))
                    continue
        if numeric is not None and q.__class__ is dict and q.get("question").__class__ is int:
            numeric.append(f"questions[{i}].question")
        try:
            questions.append(_question(q, i, seen))
        except RecordError as err:
            _problem(rejections, file, err)

    blue = []  # with each row's date field and printed date, for the checks below
    for i, t in enumerate(_rows(rec, "tables", skip, rejections, file)):
        if isinstance(t, dict) and t.get("kind") == "blue_list":
            blue += _blue_list_rows(t, f"tables[{i}]", rejections, file)

    # The receipt date may be given once, as a field or as the 'received' event; both must agree.
    if events:
        d.date_received = _agreed(d.date_received, [e[1] for e in events if e[0] == "received"], rec, "date_received", "received", fatal)
        d.date_responded = _agreed(d.date_responded, [e[1] for e in events if e[0] == "response"], rec, "date_responded", "response", fatal)

    # Dates that cannot be true: after today, before the FOI Acts' right of access began, or before
    # the request was received; and dates the working-day calendar cannot count deadlines from (only
    # once today is that late). Almost every record has none: its earliest and latest dates tell,
    # and only then is each date named.
    today, received = _today(), d.date_received
    dates = [e[1] for e in events]
    dates += [v for v in (received, d.date_responded) if v is not None]
    dates += [b[1] for b in blue]
    if dates and (max(dates) > min(today, LAST_COUNTABLE_DAY) or min(dates) < FIRST_DAY or (received is not None and min(dates) < received)):
        dated = [("date_received", rec.get("date_received"), received),
                 ("date_responded", rec.get("date_responded"), d.date_responded)]
        dated += [(f"events[{i}].date", e[2], e[1]) for i, e in zip(at, events)]
        dated += [(b[-2], b[-1], b[1]) for b in blue]
        for name, printed, value in dated:
            if value is not None and value > today:
                fatal.append(RecordError(name, printed, f"date in the future (today is {today.isoformat()})"))
            elif value is not None and value > LAST_COUNTABLE_DAY and not name.startswith("tables"):
                fatal.append(RecordError(name, printed, f"date after {LAST_COUNTABLE_DAY.isoformat()}: the working-day calendar "
                                                        f"ends on {LAST_YEAR}-12-31, so this request's deadlines cannot be counted"))
            elif value is not None and value < FIRST_DAY:
                fatal.append(RecordError(name, printed, f"date before {FIRST_DAY.isoformat()}, when the right of access "
                                                        "under the FOI Acts began: a typo for another year?"))
        if received is not None:
            for name, printed, value in dated:
                if value is not None and FIRST_DAY <= value < received and not name.startswith("tables"):
                    what = "the response" if name == "date_responded" or "response" in name else "an event"
                    fatal.append(RecordError(name, printed, f"{what} dated before the request was received ({received.isoformat()})"))
    if blue:
        d.blue_list = [b[:-2] for b in blue]

    if fatal:
        for err in fatal:
            rejections.append(Rejection(file, err.field, _text(err.value), err.reason + SET_ASIDE))
        return None
    return d


# The longest YAML error message kept whole.
_REASON_MAX = 300


def read_mapping(text: str, file: str, rejections: list[Rejection], controls: bool = True) -> dict | None:
    """A record's YAML text -> its fields as written (not validated), or None when it is no mapping.

    ``controls=False``: the caller has seen that the text holds no raw control character."""
    text = text.removeprefix("\ufeff")  # a byte-order mark (saved by some Windows editors) is not content
    try:
        rec = yaml_rs.loads(structure.protect_control_characters(text) if controls else text, parse_datetime=False)
    except yaml_rs.YAMLDecodeError as err:
        reason = " ".join(str(err).split())
        if len(reason) > _REASON_MAX:  # the parser quotes the line: a long one (e.g. 10,000 brackets) is cut
            reason = f"{reason[:_REASON_MAX // 2]} ... {reason[-_REASON_MAX // 4:]}"
        rejections.append(Rejection(file, WHOLE_FILE, "", f"not valid YAML: {reason}"))
        return None
    if not isinstance(rec, dict):
        if isinstance(rec, list) and re.search(_DOCUMENT_START, re.sub(_HEAD, "", text, count=1)):
            # yaml-rs gives the documents of a stream as a list: each may be a record, none is dropped unsaid
            reason = f"{len(rec)} YAML documents in one file (separated by '---'): one record per file"
            rejections.append(Rejection(file, WHOLE_FILE, "", reason))
            return None
        empty = "an empty file: " if rec is None and not text.strip() else ""
        rejections.append(Rejection(file, WHOLE_FILE, _text(rec)[:80], f"{empty}a record must be a YAML mapping of fields"))
        return None
    return rec


# A document start marker ("---" at the start of a line), and what may come before a file's first
# document without making it a second one (comments, blank lines, that document's own marker).
# (Read only for a file that is no record: compiled by ``re`` then.)
_DOCUMENT_START = r"(?m)^---(?=\s|$)"
_HEAD = r"\A(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---(?=\s|$))?"


def read_record(text: str, file: str, rejections: list[Rejection]) -> Disclosure | None:
    """One record's YAML text -> the record, or None when it is set aside; every problem is listed."""
    text = text.removeprefix("\ufeff")
    raw_controls = structure.has_control_characters(text)
    rec = read_mapping(text, file, rejections, controls=raw_controls)
    if rec is None:
        return None
    tagged = structure.tag_problems(text)
    # A tagged value's type is the tag's doing: one message for it, not two.
    # Control characters arrive raw (stood in for by read_mapping) or as a double-quoted escape: a
    # text with neither needs no walk (the common case; the walk costs more than the parse).
    controls = structure.control_character_problems(rec) if raw_controls or "\\" in text else []
    shape = structure.shape_problems(rec)
    numeric: list[str] = []
    if not (tagged or controls or shape):  # the usual record: nothing malformed, no field to skip
        d = _parse_record(rec, file, rejections, numeric=numeric)
        return d if not numeric or not _numbers_misread(text, file, rejections) else None
    malformed = tagged + [p for p in controls + shape
                          if not any(p[0] == t or p[0].startswith((t + ".", t + "[")) for t, _, _ in tagged)]
    for name, value, reason in malformed:
        rejections.append(Rejection(file, name, _text(value), reason + SET_ASIDE))
    # The rest of the record is still read, so that one pass names every problem in it.
    skip = {re.split(r"[.\[]", name, maxsplit=1)[0] for name, _, _ in malformed}
    d = _parse_record(rec, file, rejections, skip, numeric)
    if numeric:
        _numbers_misread(text, file, rejections)
    return None if malformed else d


def _numbers_misread(text: str, file: str, rejections: list[Rejection]) -> bool:
    """Whether an identifier written as a number reads as another number than printed ("0123");
    each such is a rejection that sets the record aside."""
    found = structure.number_problems(text)
    for name, value, reason in found:
        rejections.append(Rejection(file, name, _text(value), reason + SET_ASIDE))
    return bool(found)


def _read_fd(fd: int) -> bytes:
    parts = [os.read(fd, 1 << 16)]
    while parts[-1]:
        parts.append(os.read(fd, 1 << 20))
    return parts[0] if len(parts) == 2 else b"".join(parts)


def _read_bytes(path: str, dir_fd: int | None = None) -> bytes:
    # os.open/os.read: half the cost of open() for a small file (no buffered reader, no fstat).
    fd = os.open(path, os.O_RDONLY, dir_fd=dir_fd)
    try:
        return _read_fd(fd)
    finally:
        os.close(fd)


def _file_name(path: str, prefix: str) -> str:
    # The file as named in messages and tables: relative to data/raw (string slicing: this runs per file).
    return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else os.path.basename(path)


# Opening a file relative to its open folder looks up one name, not every component of its path.
_DIR_FD = os.open in os.supports_dir_fd
# Files opened, and announced to the kernel (posix_fadvise WILLNEED: it starts reading them from disk
# at once, all together), before the first is read. A file not in the page cache costs one disk
# read; one at a time, each waits for the one before (~285 us wall, ~58 cpu-us a file on the
# development VM), announced together the disk serves them side by side (~95 us, ~20 cpu-us). For
# files already cached the hint costs nothing measurable. 256: well under the usual 1024 open files.
READ_AHEAD = 256
_WILLNEED = getattr(os, "POSIX_FADV_WILLNEED", None)


def _read_batch(names: list[str], dir_fd: int) -> list[bytes]:
    fds: list[int] = []
    try:
        for name in names:
            fds.append(os.open(name, os.O_RDONLY, dir_fd=dir_fd))
            try:
                os.posix_fadvise(fds[-1], 0, 0, _WILLNEED)
            except OSError:  # a hint only (a file system may not take it)
                pass
        return [_read_fd(fd) for fd in fds]
    finally:
        for fd in fds:
            os.close(fd)


# Files of a chunk opened and announced (``Announced``) while the caller still parses the chunk before:
# at most this many held open at once (a chunk is CHUNK_FILES = 500 in the build).
AHEAD = 512


class Announced:
    """The first ``AHEAD`` of ``names`` in ``folder``, opened and announced to the kernel (``WILLNEED``)
    now, to be read by ``read_files`` later: the disk reads of those not in the page cache run while the
    caller parses the chunk before (otherwise a process waits for them with its core idle; at 1M
    records ~20% of the files were not cached even just after a build had read them all). Holds open
    files until ``read_files`` (or ``close``) closes them. A file it cannot open is left to
    ``read_files``, which opens it itself (and raises as it would have); nothing is held where the
    system has no ``posix_fadvise``."""

    def __init__(self, folder: str, names: list[str]):
        self.fds: list[int] = []
        self.names = names[:AHEAD]
        if not _DIR_FD or _WILLNEED is None:
            return
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            for name in self.names:
                try:
                    self.fds.append(os.open(name, os.O_RDONLY, dir_fd=dir_fd))
                except OSError:  # missing, or too many files open: read_files opens the rest
                    break
                try:
                    os.posix_fadvise(self.fds[-1], 0, 0, _WILLNEED)
                except OSError:  # a hint only (a file system may not take it)
                    pass
        except BaseException:
            self.close()
            raise
        finally:
            os.close(dir_fd)

    def close(self) -> None:
        fds, self.fds = self.fds, []
        for fd in fds:
            os.close(fd)


def read_files(folder: str, names: list[str], announced: Announced | None = None) -> list[bytes]:
    """The bytes of each named file in ``folder``. All are read before any is parsed: the system
    calls done together leave the parser's code and data in the CPU caches (~10% less time than
    reading each as it is parsed); and the disk reads of files not in the page cache overlap
    (``READ_AHEAD``). ``announced``: the first of these files, opened and announced earlier (read
    from those descriptors, which are closed; if it holds other names, it is only closed)."""
    head: list[bytes] = []
    if announced is not None:
        try:
            if announced.names[:len(announced.fds)] == names[:len(announced.fds)]:
                head = [_read_fd(fd) for fd in announced.fds]
        finally:
            announced.close()
    names = names[len(head):]
    if not names:
        return head
    if not _DIR_FD:
        return head + [_read_bytes(os.path.join(folder, n)) for n in names]
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if _WILLNEED is None:
            return head + [_read_bytes(n, fd) for n in names]
        out: list[bytes] = head
        for start in range(0, len(names), READ_AHEAD):
            out += _read_batch(names[start:start + READ_AHEAD], fd)
        return out
    finally:
        os.close(fd)


def read_chunks(folder: str, chunks: list[list[str]]) -> Iterator[list[bytes]]:
    """``read_files`` of each chunk of names in turn; before a chunk's bytes are handed over, the next
    chunk's files are opened and announced (``Announced``), so that their disk reads run while the
    caller parses this one. Close the iterator if it is left before its end (the next chunk's files
    are open)."""
    announced = Announced(folder, chunks[0]) if chunks else None
    try:
        for k, names in enumerate(chunks):
            contents = read_files(folder, names, announced)
            announced = Announced(folder, chunks[k + 1]) if k + 1 < len(chunks) else None
            yield contents
    finally:
        if announced is not None:
            announced.close()


# The largest record the build reads: records hold facts transcribed from a response (the largest
# real one is a few kB; a blue-list table of a thousand rows is ~50 kB). A bigger file is a pasted
# document or a runaway script, set aside by its size before it costs the build any time or memory.
MAX_RECORD_BYTES = 1 << 20
# YAML 1.2 (5.2) streams in UTF-16 or UTF-32: a byte-order mark, or, without one, the NULs around the
# first character (an ASCII one), tell which. Longest marks first: UTF-32LE's begins with UTF-16LE's.
_WIDE = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_WIDE_BARE = (((0, 0, 0, 1), "utf-32-be"), ((1, 0, 0, 0), "utf-32-le"), ((0, 1), "utf-16-be"), ((1, 0), "utf-16-le"))


def too_large(size: int) -> str:
    return (f"{size:,} bytes: larger than a record can be ({MAX_RECORD_BYTES:,} bytes): a record holds the facts "
            "transcribed from a response, not the response itself")


def decode(data: bytes) -> str:
    """A record file's text: UTF-8 (a byte-order mark is kept, for the reader to drop), or UTF-16 or
    UTF-32 as YAML 1.2 reads them. ``ValueError`` saying why not, for a person to act on."""
    if len(data) > MAX_RECORD_BYTES:
        raise ValueError(too_large(len(data)))
    head = data[:2]
    if 0 in head or head in (b"\xff\xfe", b"\xfe\xff"):  # (a byte value: `b"\x00" in` raises and clears a TypeError first)
        encoding = next((e for mark, e in _WIDE if data.startswith(mark)), None) or next(
            (e for shape, e in _WIDE_BARE if tuple(int(b != 0) for b in data[:len(shape)]) == shape), None)
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ValueError(f"not {encoding.upper()[:6]} text as its first bytes say: {err.reason} at byte {err.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ValueError(f"not UTF-8 text: byte 0x{data[err.start]:02x} on line {line} ({err.reason}; saved as "
                         "Windows-1252 or Latin-1?): save it as UTF-8") from None


def load_files(paths: list[str], root: str | os.PathLike, rejections: list[Rejection],
               contents: list[bytes] | None = None) -> list[Disclosure]:
    """The records in ``paths`` (set-aside ones left out; their problems go to ``rejections``).

    ``contents``: the files' bytes when the caller has read them already (the build hashes them
    for its cache first): parsed as they are, not read a second time."""
    prefix = f"{os.fspath(root)}{os.sep}"
    records = []
    for file, data in zip([_file_name(p, prefix) for p in paths], [_read_bytes(p) for p in paths] if contents is None else contents):
        try:
            if len(data) > MAX_RECORD_BYTES or 0 in data[:2]:
                raise ValueError
            text = data.decode("utf-8")  # the usual file, without a call to decode
        except ValueError:  # (UnicodeDecodeError is one) too large, UTF-16 or -32, or no text: decode says which
            try:
                text = decode(data)
            except ValueError as err:
                rejections.append(Rejection(file, WHOLE_FILE, "", str(err)))
                continue
        d = read_record(text, file, rejections)
        if d is not None:
            records.append(d)
    return records


def load_file(path: str | os.PathLike, root: str | os.PathLike, rejections: list[Rejection]) -> Disclosure | None:
    records = load_files([os.fspath(path)], root, rejections)
    return records[0] if records else None


def duplicate_records(files: list[tuple[tuple[str, str], str]]) -> tuple[set[tuple[str, str]], list[Rejection]]:
    """((authority, reference), file) pairs -> the identities claimed by more than one file, and a
    Rejection per file.

    A record is identified by authority and reference: two authorities may both have an "FOI 506".
    Records sharing both are all set aside: which of them is right is for a person to decide, not
    the file names' sort order (``foi-analysis add`` refuses the second one in the first place).
    """
    by_identity: dict[tuple[str, str], list[str]] = {}
    for identity, file in files:
        by_identity.setdefault(identity, []).append(file)
    duplicated = {i for i, fs in by_identity.items() if len(fs) > 1}
    rejections = [
        Rejection(file, "reference", identity[1],
                  f"duplicate record: {identity[0]} {identity[1]} is also in "
                  f"{', '.join(f for f in by_identity[identity] if f != file)}" + SET_ASIDE)
        for identity, file in files if identity in duplicated
    ]
    return duplicated, rejections
