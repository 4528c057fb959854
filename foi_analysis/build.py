"""raw -> tidy tables: load, validate, quarantine, and write data/processed/ atomically.

Same input, byte-identical output: rows are sorted on their keys, CSVs are written with fixed
formatting, and nothing depends on the clock or on absolute paths. Each output file is written
to a temporary file in the same folder and moved into place, so an interrupted build leaves the
previous outputs whole.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import filecmp
import fnmatch
import gc
import hashlib
import io
import itertools
import multiprocessing
import operator
import os
import pickle
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: no lock on the output folder
    fcntl = None

import numpy as np
import pandas as pd

from . import chunking, config, datapackage, forked, tables as schemas
from .grids import overlaps, parse as grids
from .records import authorities, disclosures, quarantine
from .files import NOT_UTF8_NAME, shown_name
from .records.quarantine import UNREADABLE, WHOLE_FILE, Rejection
from .cache import Blob, Cache, cache_folder, files_key
from .chunking import CHUNK_FILES
from .listing import Facts, Listing, cores, utf8_name
from .foia import calendar
from .foia.calendar import working_day_number
from .foia.exemptions import CATALOGUES, section_key
from .foia.response_times import response_times

SORT_KEYS = {
    "requests": ["reference", "authority"],
    "events": ["reference", "authority", "date", "event"],
    "exemptions": ["reference", "authority", "stage", "section", "citation", "raw"],
    "questions": ["reference", "authority", "question"],
    "blue_list": ["reference", "authority", "row"],
    "response_times": ["reference", "authority"],
    "rejected": ["source", "field", "value", "reason"],
}


# Records per batch when a table's rows are written: each group's run in a batch is one read. Larger
# batches make fewer reads, but each batch's buffers (~3 MB a table at 10,000 records) are fresh memory
# the kernel must map: rendering the ~1 GB of rows of 1M records took 4.8 cpu-s in batches of 50,000
# (~3 of it the kernel's), 3.6 in batches of 10,000, 3.8 of 20,000 and 4.4 of 5,000 (same bytes).
WRITE_BATCH = 10_000


class _Rows:
    """One table's CSV rows across groups in the merged order, read batch by batch as they are written.

    No group's text is held: each group's rows are sorted by (reference, authority) as the whole
    table is, so the records of one batch of the merged order are, in each group, an increasing run;
    each group's run is read in one piece (from its cache entry) and the batch is cut from those."""

    def __init__(self, name: str, groups: list["GroupRows"], order: np.ndarray):
        self.name, self.groups, self.order = name, groups, order

    def __len__(self) -> int:
        return len(self.order)

    def size(self) -> int:
        """The bytes of every group's rows of this table (those of records set aside included)."""
        return sum(int(g.offsets[self.name][-1]) for g in self.groups)

    def batches(self, size: int | None = None):
        name, groups, size = self.name, self.groups, size or WRITE_BATCH
        # Per record (flattened in group order): its group and its rows' byte range in its group's text.
        group = np.repeat(np.arange(len(groups)), [len(g.keys) for g in groups])
        start = np.concatenate([g.offsets[name][:-1] for g in groups]) if groups else np.zeros(0, dtype=np.int64)
        end = np.concatenate([g.offsets[name][1:] for g in groups]) if groups else np.zeros(0, dtype=np.int64)
        for b in range(0, len(self.order), size):
            records = self.order[b:b + size]
            owner = group[records]
            by_group = np.argsort(owner, kind="stable")  # within a group, still in the merged (= its own) order
            present, first = np.unique(owner[by_group], return_index=True)
            last = np.append(first[1:], len(by_group)) - 1
            lo, hi = start[records[by_group[first]]], end[records[by_group[last]]]
            texts = [groups[g].text(name, a, z) for g, a, z in zip(present.tolist(), lo.tolist(), hi.tolist())]
            # Where each group's run sits in the batch's buffer; each record's rows, cut from it.
            base = np.zeros(len(groups), dtype=np.int64)
            base[present] = np.cumsum([0] + [len(t) for t in texts[:-1]]) - lo
            buffer = b"".join(texts)
            # One cut per run of bytes that follow each other in the buffer (records of one group in
            # a row), none for a record with no rows in this table (most, in the blue list).
            has_rows = end[records] > start[records]
            cut_start, cut_end = start[records[has_rows]] + base[owner[has_rows]], end[records[has_rows]] + base[owner[has_rows]]
            begins, ends = np.ones(len(cut_start), dtype=bool), np.ones(len(cut_start), dtype=bool)
            begins[1:] = ends[:-1] = cut_start[1:] != cut_end[:-1]
            cut_start, cut_end = cut_start[begins].tolist(), cut_end[ends].tolist()
            yield b"".join([buffer[a:z] for a, z in zip(cut_start, cut_end)])


@dataclass
class Rendered:
    """A table already rendered as CSV rows in their final order (``parts``: written batch by batch)."""
    name: str
    parts: _Rows
    rows: int
    rejections: list[Rejection] = field(default_factory=list)  # rows its schema set aside
    # A digest of what decides its bytes (each group's rows and the merged order): equal digests, equal files.
    fingerprint: str = ""
    order_digest: object = None  # the merged order's part of it (hashlib), for the previous rows' fingerprint
    patch: tuple | None = None  # (folder, ``_patched_rows`` of it there) once asked for

    def __len__(self) -> int:
        return self.rows

    def header(self) -> bytes:
        return (",".join(schemas.SCHEMAS[self.name].columns) + "\n").encode("utf-8")

    def frame(self) -> pd.DataFrame:
        """The table read back from its CSV, typed as its schema says (as ``tables.load`` reads it)."""
        return schemas.read_csv(self.name, io.BytesIO(self.header() + b"".join(self.parts.batches())))


class Tables(dict):
    """Table name -> DataFrame; a table the build holds as CSV rows (``Rendered``) becomes a DataFrame
    when it is first asked for (``dict.items()`` gives the stored values, as ``write`` needs)."""

    def __getitem__(self, name: str) -> pd.DataFrame:
        value = super().__getitem__(name)
        if isinstance(value, Rendered):
            value = value.frame()
            super().__setitem__(name, value)
        return value


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    rejections: list[Rejection] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    cache: Cache | None = None  # where ``write`` remembers the tables it wrote (``_unchanged``)
    # Table name -> a digest of what decides its bytes, for tables held as DataFrames (a Rendered
    # table carries its own): equal digests, equal files.
    fingerprints: dict[str, str] = field(default_factory=dict)
    # The disclosure tables' rendering for ``write``, started as soon as they were merged (``assemble``
    # with ``out``): a child renders the largest while this process makes the other tables.
    staging: "_Staging | None" = None


def _natural(column: pd.Series) -> pd.Series:
    """Question numbers sort as people read them: 1a, 1b, 2, ..., 10 (not 10 before 1a)."""
    if column.name != "question":
        return column
    # Few distinct labels in many rows: pad each distinct label once.
    padded = {q: re.sub(r"\d+", lambda m: m.group(0).zfill(6), q) for q in column.dropna().unique()}
    return column.map(padded, na_action="ignore").astype(column.dtype)


def _column(dtype, values: tuple | list | pd.api.extensions.ExtensionArray):
    """One column of a chunk's values (Python objects, None for missing) as the schema's dtype."""
    if isinstance(values, pd.api.extensions.ExtensionArray):  # already typed
        return values
    if dtype is None:  # a date
        # Days since 1970 from each date's ordinal: a tenth of the cost of numpy's or pandas'
        # conversion of date objects.
        days = np.fromiter((_NAT if v is None else v.toordinal() - _EPOCH for v in values), dtype="int64", count=len(values))
        known = days[days != _NAT]
        # The loader sets aside any date before 2005 or in the future; should one get here, an error, not a wrap.
        if known.size and (known.min() < _FIRST or known.max() > _LAST):
            first, last = (dt.date.fromordinal(d + _EPOCH) for d in (_FIRST, _LAST))
            raise pd.errors.OutOfBoundsDatetime(f"a date outside {first} to {last}: {dt.date.fromordinal(int(known.min()) + _EPOCH)}, "
                                                f"{dt.date.fromordinal(int(known.max()) + _EPOCH)}")
        return pd.array(days.view("datetime64[D]").astype("datetime64[ns]"))
    return pd.array(values, dtype=dtype)


_EPOCH = dt.date(1970, 1, 1).toordinal()
# The days that datetime64[ns] can hold (1677-09-22 to 2262-04-11).
_FIRST, _LAST = pd.Timestamp.min.ceil("D").toordinal() - _EPOCH, pd.Timestamp.max.floor("D").toordinal() - _EPOCH
_NAT = np.iinfo("int64").min  # numpy's NaT


@lru_cache(maxsize=None)
def _dtypes(name: str) -> tuple[tuple[str, object], ...]:
    """(column, pandas dtype; None for a date) of a table: resolved once, not per chunk (pandas'
    lookup of a dtype by name costs more than converting a small chunk's column)."""
    out = []
    for c, spec in schemas.SCHEMAS[name].columns.items():
        dtype = str(spec.dtype)
        if dtype.startswith("datetime64"):
            assert dtype == "datetime64[ns]", dtype
            out.append((c, None))
        else:
            out.append((c, pd.api.types.pandas_dtype(dtype)))
    return tuple(out)


@lru_cache(maxsize=None)
def _empty(name: str) -> pd.DataFrame:
    # Made once (pandera's dtypes resolved per column: ~1 ms) and copied: most chunks have no blue-list rows.
    return schemas.empty(name)


def _frame(name: str, columns: dict[str, tuple | list], n: int) -> pd.DataFrame:
    """A table of ``n`` rows from its columns, typed as its schema says (a column not given is empty)."""
    if not n:
        return _empty(name).copy()
    return pd.DataFrame({c: _column(dtype, columns[c] if c in columns else (None,) * n) for c, dtype in _dtypes(name)},
                        copy=False)


def _rows_frame(name: str, names: tuple[str, ...], rows: list[tuple]) -> pd.DataFrame:
    """Rows (tuples in the order of ``names``) -> the table, transposed into columns in one step."""
    return _frame(name, dict(zip(names, zip(*rows))), len(rows))


REQUEST_COLUMNS = ("date_received", "date_responded", "outcome", "ncnd", "sections", "n_questions", "source_title", "source_file", "law")
# Where record_tables finds these in an exemption's and a question's row.
_SECTION, _NCND, _STAGE, _LAW = (disclosures.EXEMPTION_COLUMNS.index(c) for c in ("section", "ncnd", "stage", "law"))
_ANSWER = disclosures.QUESTION_COLUMNS.index("outcome")
_CITED_NCND, _ANSWERED = operator.itemgetter(_NCND), operator.itemgetter(_ANSWER)


@lru_cache(maxsize=4096)
def _sections(sections: frozenset[str]) -> str | None:
    return ";".join(sorted(sections, key=section_key)) or None


# Advice and assistance, cited beside a refusal, is no ground relied on.
_ADVICE = {(law, s) for law, catalogue in CATALOGUES.items() for s, info in catalogue.items() if info.kind == "advice"}


# The tables with rows of their own per record (a request's row is the record itself).
CHILD_TABLES = ("events", "exemptions", "questions", "blue_list")


def record_tables(records: list[disclosures.Disclosure]) -> dict:
    """Validated records -> the rows of the per-record tables (no cross-record facts such as working
    days): per table a list of tuples in the order of ``ROW_COLUMNS[table]``, and under "counts" the
    rows of each record in each child table.

    A child table's rows do not repeat their record's key: ``_tail`` takes it from the record's
    request by those counts (a column at once, where a tuple per row was made twice); each row's
    record is then known as an integer, which the working days and the sort use. Rows, not yet a
    DataFrame: a group's tail makes each table once from its chunks' rows; plain rows also pickle
    and load faster in the cache."""
    requests = []
    for d in records:
        cited = d.exemptions
        # (``in`` and ``any`` over a map: in C, stopping at the first hit, no list per record.)
        if cited:
            requests.append((
                d.reference, d.authority, d.date_received, d.date_responded, d.outcome,
                any(map(_CITED_NCND, cited)) or "ncnd" in map(_ANSWERED, d.questions),
                _sections(frozenset([e[_SECTION] for e in cited if e[_STAGE] != "extension_notice" and (e[_LAW], e[_SECTION]) not in _ADVICE])),
                len(d.questions), d.source_title, d.source_file, d.law,
            ))
        else:
            requests.append((
                d.reference, d.authority, d.date_received, d.date_responded, d.outcome, "ncnd" in map(_ANSWERED, d.questions),
                None, len(d.questions), d.source_title, d.source_file, d.law,
            ))
    tables, counts = {"requests": requests}, {}
    for name in CHILD_TABLES:  # each child table's rows and counts in C (attrgetter, chain), not a loop per record
        lists = list(map(operator.attrgetter(name), records))
        tables[name] = list(itertools.chain.from_iterable(lists))
        counts[name] = np.fromiter(map(len, lists), dtype=np.int64, count=len(records))
    tables["counts"] = counts
    return tables


_KEY = ("reference", "authority")
ROW_COLUMNS = {
    "requests": _KEY + REQUEST_COLUMNS,
    "events": disclosures.EVENT_COLUMNS,
    "exemptions": disclosures.EXEMPTION_COLUMNS,
    "questions": disclosures.QUESTION_COLUMNS,
    "blue_list": disclosures.BLUE_LIST_COLUMNS,
}


@contextlib.contextmanager
def _collector_paused():
    """The cyclic garbage collector paused, then as it was (it then collects anything left). Parsing
    makes many small objects and no cycles, and a group's tail few: the collector's passes over the
    objects alive meanwhile (the group's rows) cost 10-25 ms a group (gc.callbacks, 3-5% of it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_chunk(slot: str, folder: Path, names: list[str], root: Path, cache: Cache | None = None, key: str | None = None,
                signature: tuple | None = None, contents: list[bytes] | None = None) -> tuple[dict, list[Rejection], list]:
    """Parse a chunk of record files (``contents``: their bytes, if already read) into small tables;
    with a ``cache``, store them under ``slot`` with the files' ``key`` and stat ``signature``."""
    rejections: list[Rejection] = []
    folder, root = os.fspath(folder), os.fspath(root)
    # Paths as strings (a Path per file costs more than reading it).
    if contents is None:
        contents = disclosures.read_files(folder, names)
    with _collector_paused():
        records = disclosures.load_files([os.path.join(folder, n) for n in names], root, rejections, contents)
        result = record_tables(records), rejections, [((d.authority, d.reference), d.file) for d in records]
    if cache is not None:
        cache.put(slot, key, result, signature)
    return result


# Below this many files to parse a process pool costs more than it saves.
PARALLEL_FROM = 2000
# Chunks per group. A group's entry holds the whole tail of its records (working days, response
# times, validation and their CSV rows): one changed record re-does the tail of its group only, and
# a clean build pays the tail's fixed pandas cost once per group (per chunk the tail would cost
# ~2x the whole tables' at 100k records), in the worker processes.
GROUP_CHUNKS = 8
# The tables made from disclosure records, in the order the build has always listed them.
FOI_TABLES = ("requests", "events", "exemptions", "questions", "blue_list", "response_times")


def _groups(chunks: list[tuple[str, object]]) -> list[tuple[str, list[tuple[int, str, object]]]]:
    """(cache slot, [(chunk index, chunk slot, files)]): chunk i of n in group i mod n/GROUP_CHUNKS
    (chunks as ``chunking.members`` names them; ``files``: what ``chunks`` gives with each slot)."""
    if not chunks:
        return []
    n = int(chunks[0][0].split("-")[1])
    g = max(1, n // GROUP_CHUNKS)
    members: dict[int, list] = {}
    for slot, names in chunks:
        i = int(slot.rsplit("-", 1)[1])
        members.setdefault(i % g, []).append((i, slot, names))
    return [(f"tail-{n}-{g}-{j}", members[j]) for j in sorted(members)]


def _timeliness(tables: dict[str, pd.DataFrame], request: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """Working days of the events and the response_times table: facts of each request alone.
    ``request``: per child table, the row in ``requests`` of each of its rows' request."""
    requests, ev, exm = tables["requests"], tables["events"], tables["exemptions"]
    if not len(requests):
        tables["response_times"] = schemas.empty("response_times")
        return tables
    ev_rows, ex_rows = request["events"], request["exemptions"]
    received = requests["date_received"].to_numpy("datetime64[ns]")
    law = calendar.calendar_rows(requests["law"].to_numpy(object))  # FOISA: Scotland's holidays only
    event_dates = ev["date"].to_numpy("datetime64[ns]")
    if len(ev):
        ev.loc[:, "working_day"] = pd.array(working_day_number(received[ev_rows], event_dates, law=law if isinstance(law, int) else law[ev_rows]), dtype="Int64")
    refused = np.zeros(len(requests), dtype=bool)
    refused[ex_rows[(exm["stage"] == "response").to_numpy(bool, na_value=False)]] = True
    times = response_times(received, requests["date_responded"].to_numpy("datetime64[ns]"), ev_rows,
                           ev["event"].to_numpy(object), event_dates, refused, law)
    times.update(reference=requests["reference"].array, authority=requests["authority"].array)
    # Straight into the schema's dtypes (as schemas.coerce would cast them, without its parsing).
    tables["response_times"] = pd.DataFrame({c: pd.array(times[c], dtype=dtype or "datetime64[ns]")
                                             for c, dtype in _dtypes("response_times")}, copy=False)
    return tables


def _special(text: str) -> bool:
    """Whether ``text`` holds what may make the csv module quote a cell (QUOTE_MINIMAL: the
    delimiter, the quote, a line break). Four substring tests (each a C scan of the text) rather
    than one regular expression: on a whole column's text, ~1 ms against ~0.01 ms."""
    return "," in text or '"' in text or "\n" in text or "\r" in text


def _quoted(text: str) -> str:
    """A cell as the csv module writes it in a row of several cells (the module decides the quoting)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([text, ""])
    return buffer.getvalue()[:-2]


def _cells(column: pd.Series) -> list[str] | None:
    """A column's CSV cells as ``DataFrame.to_csv`` writes them (a missing value empty, a date as
    %Y-%m-%d); None for a dtype not handled here. Dates, numbers and flags take few values: each
    distinct value is formatted once (pandas' strftime for a date) and the cells taken from them."""
    if isinstance(column.dtype, pd.StringDtype):
        # The values as they are (no copy); a missing value (pd.NA, no str) makes the join fail,
        # and only then are missing values looked for (``isna`` costs more than the join).
        values = column.to_numpy(dtype=object).tolist()
        try:
            text = "".join(values)
        except TypeError:
            values = column.to_numpy(dtype=object, na_value="").tolist()
            text = "".join(values)
        if not _special(text):  # the usual column: no cell needs quotes
            return values
    elif column.dtype.kind == "M" and (cells := _date_cells(column)) is not None:
        return cells
    elif str(column.dtype) == "Float64":
        # The blue list's rates: each cell as str() of its float (the shortest text that reads back
        # as the same float), which is what to_csv writes; few rows, so no factorising (-0.0 == 0.0).
        return ["" if v is None else str(v) for v in column.to_numpy(dtype=object, na_value=None).tolist()]
    elif column.dtype.kind != "M" and str(column.dtype) not in ("Int64", "boolean"):
        return None
    codes, uniques = pd.factorize(column)  # a missing value: -1, the empty cell appended last
    if column.dtype.kind == "M":
        texts = pd.DatetimeIndex(uniques).strftime("%Y-%m-%d").tolist()
    elif isinstance(column.dtype, pd.StringDtype):
        texts = [_quoted(t) if _special(t) else t for t in uniques.tolist()]
    else:
        texts = [str(v) for v in uniques.tolist()]  # 12, True
    return np.array(texts + [""], dtype=object)[codes].tolist()


# Each day's text as ``_cells`` writes it (pandas' strftime), for a span of days that grows as
# columns need it: [first day (days since 1970), the texts of the days from it on, then "" for a
# missing date]. The tables' dates span a few thousand days, each formatted once per process rather
# than once per distinct value of each column of each group (~0.5 us a value, ~2,000 a column).
_DAY_TEXTS: list = [0, np.array([""], dtype=object)]
_DAY_SPAN = 50_000  # days (~137 years); a column spanning more is formatted as before
_NS = np.dtype("datetime64[ns]")


def _date_cells(column: pd.Series) -> list[str] | None:
    """A date column's cells through ``_DAY_TEXTS``; None if its dates span more than ``_DAY_SPAN``
    (or are not the tables' datetime64[ns])."""
    if column.dtype != _NS:
        return None
    ns = column.to_numpy().view(np.int64)
    known = ns != _NAT
    if not known.any():
        return [""] * len(ns)
    days = np.floor_divide(ns, 86_400 * 10**9)  # the day of each (what %Y-%m-%d prints), NaT's aside
    lo, hi = int(days[known].min()), int(days[known].max())
    first, texts = _DAY_TEXTS
    last = first + len(texts) - 2
    if lo < first or hi > last:
        if len(texts) > 1:
            lo, hi = min(lo, first), max(hi, last)
        if hi - lo >= _DAY_SPAN:
            return None
        span = np.arange(lo, hi + 1, dtype=np.int64).astype("datetime64[D]").astype("datetime64[ns]")
        first, texts = _DAY_TEXTS[:] = lo, np.array(pd.DatetimeIndex(span).strftime("%Y-%m-%d").tolist() + [""], dtype=object)
    return texts[np.where(known, days - first, len(texts) - 1)].tolist()


def _csv_text(df: pd.DataFrame) -> bytes:
    """The rows of ``df.to_csv(index=False, header=False, lineterminator="\n", date_format="%Y-%m-%d")``,
    byte for byte, at a third of its cost: cells are made per column and each row is joined once,
    where pandas hands every row to the csv writer cell by cell. A column of another dtype leaves
    the table to pandas."""
    columns = []
    for c in df.columns:
        # (A row of one cell is another case: the csv module quotes it when it is empty.)
        cells = _cells(df[c]) if len(df.columns) > 1 else None
        if cells is None:
            return df.to_csv(index=False, header=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")
        columns.append(cells)
    return ("\n".join(map(",".join, zip(*columns))) + "\n").encode("utf-8") if len(df) else b""


def _row_ends(text: bytes) -> np.ndarray:
    """Byte offset just past each CSV row: a newline outside quotes (a quoted cell may hold one)."""
    b = np.frombuffer(text, dtype=np.uint8)
    newlines = np.flatnonzero(b == 10)
    quotes = np.flatnonzero(b == 34)
    if len(quotes):  # a newline is outside quotes when an even number of quotes come before it
        newlines = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    return newlines + 1


@dataclass
class GroupTail:
    """What a group of chunks gives, ready to merge: per table the CSV rows of each record.

    ``keys`` are the group's records as (reference, authority), sorted; the rows of ``keys[i]`` in
    table t are ``csv[t][offsets[t][i]:offsets[t][i + 1]]`` and number ``counts[t][i]``."""
    keys: list[tuple[str, str]]
    csv: dict[str, bytes]
    offsets: dict[str, np.ndarray]
    counts: dict[str, np.ndarray]
    bad: dict[str, list[tuple[tuple[str, str], Rejection]]]  # schema failures per table, with their record
    rejections: list[Rejection]  # what reading the files rejected
    files: list  # ((authority, reference), file) of every record read
    blue_list: pd.DataFrame  # the blue_list rows as read (for the grids' join),
    blue_chunk: np.ndarray  # and the chunk each came from: the join is given them in chunk order


def _sort_order(df: pd.DataFrame, keys: list[str], record: np.ndarray) -> np.ndarray:
    """The row order of ``df.sort_values(keys, kind="stable", na_position="first", key=_natural)``,
    given ``record``, each row's rank in the order of the first two keys (reference, authority):
    one stable lexsort of integer codes (each other key factorised in sorted order, a missing value
    first), not a sort of the key strings."""
    assert keys[:2] == ["reference", "authority"], keys
    codes = [record]
    for c in keys[2:]:
        column = _natural(df[c])
        if column.dtype.kind == "M":
            codes.append(column.to_numpy("datetime64[ns]").view(np.int64))  # NaT is the smallest integer: first
        else:
            codes.append(pd.factorize(column, sort=True)[0])  # a missing value is -1: first
    return np.lexsort(codes[::-1])


def _tail(parts: list[tuple[int, tuple[dict, list[Rejection], list]]]) -> GroupTail:
    """The tail of a group's chunks: working days, response times, sort, validation, CSV rows per record."""
    # The chunks' lists joined (itertools.chain: in C, not an element at a time in Python).
    chain = itertools.chain.from_iterable
    files = list(chain(fs for _, (_, _, fs) in parts))
    rejections = list(chain(rej for _, (_, rej, _) in parts))
    duplicated, _ = disclosures.duplicate_records(files)  # within the group; across groups: at the merge
    # The group's records in chunk order (as ``files``), and each child row's record among them.
    records = list(chain(t["requests"] for _, (t, _, _) in parts))
    # The requests' columns, transposed once: the keys' columns serve the child tables too.
    columns = dict(zip(ROW_COLUMNS["requests"], zip(*records))) if records else {c: () for c in ROW_COLUMNS["requests"]}
    text = dict(_dtypes("requests"))["reference"]
    references, authorities = pd.array(columns["reference"], dtype=text), pd.array(columns["authority"], dtype=text)
    record = {name: np.repeat(np.arange(len(records)), np.concatenate([t["counts"][name] for _, (t, _, _) in parts]))
              for name in CHILD_TABLES}

    def child(name: str, rows: list[tuple], of: np.ndarray) -> pd.DataFrame:
        columns = dict(zip(ROW_COLUMNS[name], zip(*rows)))
        columns.update(reference=references.take(of), authority=authorities.take(of))
        return _frame(name, columns, len(rows))

    pairs = list(zip(columns["reference"], columns["authority"]))
    kept = np.ones(len(records), dtype=bool)
    if duplicated:
        kept = np.array([(auth, ref) not in duplicated for ref, auth in pairs], dtype=bool)
        records = list(itertools.compress(records, kept))
        pairs = list(itertools.compress(pairs, kept))
        tables = {"requests": _rows_frame("requests", ROW_COLUMNS["requests"], records)}
    else:
        tables = {"requests": _frame("requests", {**columns, "reference": references, "authority": authorities}, len(records))}
    renumbered = np.cumsum(kept) - 1  # a kept record's row in requests
    request = {}
    for name in CHILD_TABLES:
        rows = list(chain(t[name] for _, (t, _, _) in parts))
        if name == "blue_list":
            # The blue-list rows as read, every file's (for the grids' join, which sets duplicates aside itself).
            blue_chunk = np.concatenate([np.full(len(t[name]), i, dtype=np.int64) for i, (t, _, _) in parts])
            blue_list = child(name, rows, record[name]) if duplicated else None
        of = record[name]
        if duplicated:
            rows, of = list(itertools.compress(rows, kept[of])), of[kept[of]]
        request[name] = renumbered[of]
        tables[name] = child(name, rows, of)
    if blue_list is None:
        blue_list = tables["blue_list"]
    tables = _timeliness(tables, request)
    # Each record's rank in (reference, authority) order: the first two sort keys of every table at once.
    by_key = sorted(range(len(pairs)), key=pairs.__getitem__)
    keys = [pairs[i] for i in by_key]
    rank = np.empty(len(pairs), dtype=np.int64)
    rank[by_key] = np.arange(len(pairs))
    csv_text, offsets, counts, bad = {}, {}, {}, {}
    for name in FOI_TABLES:
        df = tables.pop(name)
        owner = rank[request[name]] if name in request else rank  # a request's row, and a response time's, is its record's
        order = _sort_order(df, SORT_KEYS[name], owner)
        df, owner = df.take(order).reset_index(drop=True), owner[order]
        valid, failures = schemas.validate_rows(name, df, source="build")
        bad[name] = [((df.at[i, "reference"], df.at[i, "authority"]), r) for i, r in failures]
        if failures:
            owner = owner[valid.index.to_numpy()]
        text = _csv_text(valid)
        ends = _row_ends(text)
        if len(ends) != len(valid):
            raise AssertionError(f"{name}: {len(ends)} CSV rows for {len(valid)} table rows")
        counts[name] = np.bincount(owner, minlength=len(keys))
        rows_before = np.concatenate([[0], np.cumsum(counts[name])])
        offsets[name] = np.concatenate([[0], ends])[rows_before]
        csv_text[name] = text
    return GroupTail(keys, csv_text, offsets, counts, bad, rejections, files, blue_list, blue_chunk)


def _key_bytes(keys) -> np.ndarray:
    """(reference, authority) pairs as one byte string each (numpy, ~50 bytes a record rather than a tuple
    of two strings) that sorts as the pair does: "\\0" sorts before every character, no reference or
    authority holds a control character (structure.py), and UTF-8 sorts as the characters do."""
    return np.array([f"{ref}\0{auth}".encode() for ref, auth in keys], dtype=bytes) if len(keys) else np.zeros(0, dtype="S1")


@dataclass
class GroupRows:
    """A group's tail as the merge needs it, its CSV text left in a file (the group's cache entry):
    the main process holds the records' keys and row offsets, and reads the text batch by batch.

    The rows of ``keys[i]`` in table t are bytes ``offsets[t][i]:offsets[t][i + 1]`` of t's text,
    which starts at ``sections[t]`` in the blob (``source``); the pickled ((authority, reference), file)
    pairs of every record read follow, from ``sections["files"]`` to ``sections["end"]``."""
    keys: np.ndarray  # the group's records, sorted (``_key_bytes``)
    offsets: dict[str, np.ndarray]
    sections: dict[str, int]
    counts: dict[str, np.ndarray]  # rows of each record per table
    bad: dict[str, list[tuple[tuple[str, str], Rejection]]]  # schema failures per table, with their record
    rejections: list[Rejection]  # what reading the files rejected
    duplicates: bool  # two of its files claim one (authority, reference)
    blue_list: pd.DataFrame  # the blue_list rows as read (for the grids' join),
    blue_chunk: np.ndarray  # and the chunk each came from: the join is given them in chunk order
    source: Blob | None = None  # where the text is (never pickled: set where it is read)
    # A group redone by an incremental build: its tail as the previous build left it (with its own
    # source), from which the tables' previous files are patched (``_patched_rows``). Never pickled.
    previous: "GroupRows | None" = None
    digests: dict[str, bytes] = field(default_factory=dict)  # per table: SHA-256 of its offsets and text

    def __getstate__(self):
        return {**self.__dict__, "source": None, "previous": None}

    def text(self, name: str, start: int, end: int) -> bytes:
        base = self.sections[name]
        return self.source.read(base + start, base + end)

    def files(self) -> list:
        return pickle.loads(self.source.read(self.sections["files"], self.sections["end"]))

    @classmethod
    def of(cls, tail: GroupTail) -> tuple[GroupRows, list[bytes]]:
        """The merge's view of ``tail``, and the blob to store: its tables' CSV text and its files."""
        blob, sections, at = [], {}, 0
        for name in FOI_TABLES:
            sections[name] = at
            blob.append(tail.csv[name])
            at += len(tail.csv[name])
        sections["files"] = at
        blob.append(pickle.dumps(tail.files, protocol=pickle.HIGHEST_PROTOCOL))
        sections["end"] = at + len(blob[-1])
        identities = {identity for identity, _ in tail.files}
        digests = {}
        for name in FOI_TABLES:
            digest = hashlib.sha256(np.ascontiguousarray(tail.offsets[name], dtype=np.int64).tobytes())
            digest.update(tail.csv[name])
            digests[name] = digest.digest()
        rows = cls(_key_bytes(tail.keys), tail.offsets, sections, {n: c.astype(np.int32) for n, c in tail.counts.items()},
                   tail.bad, tail.rejections, len(identities) < len(tail.files), tail.blue_list, tail.blue_chunk,
                   digests=digests)
        return rows, blob


def _group_job(args) -> tuple[GroupRows, bytes | tuple[str, int]]:
    """Read a group's chunks (each through its cache entry) and do their tail; cache the tail.

    Returns the merge's view of the tail and where its text is: (file, offset) in its cache entry or
    in ``spill`` (a folder for a worker without a cache), else the bytes. A worker sends back only
    the view: the text (~1 kB a record) is never pickled to the main process. ``signature``: each
    chunk's stat signature (from ``disclosure_tables``' listing), with a cache. The garbage collector
    is paused for the whole job (``_collector_paused``)."""
    with _collector_paused():
        return _group(*args)


def _group(folder, root, slot, members, cache, signature, found_key, spill) -> tuple[GroupRows, bytes | tuple[str, int]]:
    folder = os.fspath(folder)
    entries = [cache.entry(chunk_slot) for _, chunk_slot, _ in members] if cache is not None else [None] * len(members)
    # The chunks whose files are read: every one without a cache, else those whose entry's stat
    # signature does not vouch for their files. Read in turn, each one's files announced to the kernel
    # while the one before is parsed (``disclosures.read_chunks``).
    read = [cache is None or not (found is not None and signature[j] is not None and found[1] == signature[j]
                                  and found[0] is not None) for j, found in enumerate(entries)]
    with contextlib.closing(disclosures.read_chunks(folder, list(itertools.compress([m[2] for m in members], read)))) as chunks:
        return _group_parts(folder, root, slot, members, cache, signature, found_key, spill, entries, read, chunks)


def _group_parts(folder, root, slot, members, cache, signature, found_key, spill, entries, read, chunks):
    parts, keys = [], []
    changed: dict[int, tuple | None] = {}  # chunk index -> (key, value) of its previous entry, if any
    signatures = signature if cache is not None else [None] * len(members)
    for (i, chunk_slot, names), found, chunk_signature, to_read in zip(members, entries, signatures, read):
        contents = next(chunks) if to_read else None
        if cache is None:
            parts.append((i, _read_chunk(chunk_slot, folder, names, root, contents=contents)))
            continue
        if not to_read:
            keys.append(found[0])
            parts.append((i, found[2]))  # same files, untouched since they were read
            cache.hits += 1
            continue
        # (Each file read once: hashed for the key, parsed if it is new.)
        key = files_key(cache.version, list(zip(names, contents)))
        keys.append(key)
        if found is not None and found[0] == key:
            parts.append((i, found[2]))
            cache.hits += 1
            if chunk_signature != found[1]:
                cache.put(chunk_slot, key, found[2], chunk_signature)  # touched, not changed: remember the new mtimes
            continue
        cache.misses += 1
        changed[i] = (found[0], found[2]) if found is not None else None
        parts.append((i, _read_chunk(chunk_slot, folder, names, root, cache, key, chunk_signature, contents)))
    if cache is None:
        rows, blob = GroupRows.of(_tail(parts))
        if spill is None:
            return rows, b"".join(blob)
        path = os.path.join(spill, slot)
        with open(path, "wb") as fh:
            fh.writelines(blob)
        return rows, (path, 0)
    key = files_key(cache.version, [(k, b"") for k in keys])
    found = cache.entry(slot) if found_key == key else None
    if found is not None and found[0] == key and found[3] is not None:  # touched, not changed: reuse
        rows, blob = found[2], [found[3].read(0, found[2].sections["end"])]
    else:
        tail = _patched_tail(cache, slot, found_key, keys, parts, changed) if changed and found_key else None
        rows, blob = GroupRows.of(tail if tail is not None else _tail(parts))
    base = cache.put(slot, key, rows, tuple(signature) if None not in signature else None, blob)
    return rows, (os.fspath(cache.path(slot)), base)


def _record_rows(value: tuple) -> dict[str, tuple]:
    """A chunk's value (``_read_chunk``): each record's file -> its rows in every table."""
    tables, _, files = value
    ends = {name: np.cumsum(tables["counts"][name]).tolist() for name in CHILD_TABLES}
    out = {}
    for r, (_, file) in enumerate(files):
        out[file] = (tables["requests"][r],) + tuple(
            tuple(tables[name][(ends[name][r - 1] if r else 0):ends[name][r]]) for name in CHILD_TABLES)
    return out


def _blue_rows(value: tuple) -> list:
    """A chunk's blue-list rows as read, each with its record's identity."""
    tables, _, files = value
    owner = np.repeat(np.arange(len(files)), tables["counts"]["blue_list"]).tolist()
    return [(files[o][0], row) for o, row in zip(owner, tables["blue_list"])]


def _some_records(value: tuple, chosen: list[bool]) -> tuple:
    """A chunk's value restricted to the ``chosen`` records (their rows in every table, in order)."""
    tables, _, files = value
    keep = np.array(chosen, dtype=bool)
    out = {"requests": list(itertools.compress(tables["requests"], chosen)), "counts": {}}
    for name in CHILD_TABLES:
        counts = tables["counts"][name]
        out[name] = list(itertools.compress(tables[name], np.repeat(keep, counts).tolist()))
        out["counts"][name] = counts[keep]
    return out, [], list(itertools.compress(files, chosen))


def _patched_tail(cache: Cache, slot: str, found_key: str, keys: list[str], parts: list, changed: dict) -> GroupTail | None:
    """The group's tail as ``_tail(parts)`` gives it, made from its previous tail and the tail of its
    changed chunks alone (one edited record redoes the tail of ~500 records, not of ~3,100); None when
    the previous tail cannot be used (not made from these chunks' previous values, or two files claim
    one record: the whole group's tail decides what is set aside).

    Sound because a record's rows, their order and their CSV text are its own facts (``_tail``): the
    previous tail's records of the unchanged chunks are kept as they were, byte for byte."""
    if len(changed) >= len(parts) or any(v is None for v in changed.values()):
        return None
    previous = [changed[i][0] if i in changed else k for (i, _), k in zip(parts, keys)]
    if files_key(cache.version, [(k, b"") for k in previous]) != found_key:
        return None  # the cached tail was not made from the chunks' previous values
    found = cache.entry(slot)
    if found is None or found[0] != found_key or found[3] is None or found[2].duplicates:
        return None
    old: GroupRows = found[2]
    chain = itertools.chain.from_iterable
    files = list(chain(fs for _, (_, _, fs) in parts))
    if disclosures.duplicate_records(files)[0]:
        return None
    rejections = list(chain(rej for _, (_, rej, _) in parts))
    # Per changed chunk, its records whose rows differ from before (or are new), and the identities of
    # those gone or changed; the whole chunk if its blue-list rows changed (they are kept in chunk order).
    redo, gone, blue_same = [], set(), True
    for i, value in parts:
        if i not in changed:
            continue
        then, now = _record_rows(changed[i][1]), _record_rows(value)
        same = {file for file, rows in now.items() if then.get(file) == rows}
        gone |= {(ref, auth) for (auth, ref), file in changed[i][1][2] if file not in same}
        redo.append((i, _some_records(value, [file not in same for _, file in value[2]])))
        blue_same &= _blue_rows(changed[i][1]) == _blue_rows(value)
    if not blue_same:
        redo = [(i, value) for i, value in parts if i in changed]
        gone = {(ref, auth) for _, value in changed.values() for (auth, ref), _ in value[2]}
    fresh = _tail(redo)
    keep = ~np.isin(old.keys, _key_bytes(sorted(gone)))
    kept = [tuple(k.decode().split("\0")) for k in old.keys[keep].tolist()]
    every = kept + fresh.keys
    order = sorted(range(len(every)), key=every.__getitem__)
    keys_sorted = [every[j] for j in order]
    rank = {k: r for r, k in enumerate(keys_sorted)}
    if len(rank) != len(keys_sorted):
        return None
    order = np.array(order, dtype=np.int64)
    text = found[3].read(0, old.sections["files"])
    csv_text, offsets, counts, bad = {}, {}, {}, {}
    for name in FOI_TABLES:
        base = old.sections[name]
        before = text[base:base + int(old.offsets[name][-1])]
        buffer = before + fresh.csv[name]
        starts = np.concatenate([old.offsets[name][:-1][keep], fresh.offsets[name][:-1] + len(before)])[order]
        ends = np.concatenate([old.offsets[name][1:][keep], fresh.offsets[name][1:] + len(before)])[order]
        # One cut per run of records whose rows follow each other in the buffer.
        rows = ends > starts
        cut_start, cut_end = starts[rows], ends[rows]
        begins, last = np.ones(len(cut_start), dtype=bool), np.ones(len(cut_start), dtype=bool)
        begins[1:] = last[:-1] = cut_start[1:] != cut_end[:-1]
        csv_text[name] = b"".join([buffer[a:z] for a, z in zip(cut_start[begins].tolist(), cut_end[last].tolist())])
        offsets[name] = np.concatenate([[0], np.cumsum(ends - starts)]).astype(np.int64)
        counts[name] = np.concatenate([old.counts[name][keep].astype(np.int64), fresh.counts[name]])[order]
        # Schema failures in the order of their records (within one, as its rows were sorted).
        bad[name] = sorted([b for b in old.bad[name] if b[0] not in gone] + fresh.bad[name], key=lambda b: rank[b[0]])
    if blue_same:  # the blue-list rows as read: unchanged
        return GroupTail(keys_sorted, csv_text, offsets, counts, bad, rejections, files, old.blue_list, old.blue_chunk)
    # The blue-list rows as read, in chunk order: the changed chunks' rows in place of their old ones.
    stays = ~np.isin(old.blue_chunk, list(changed))
    blue = pd.concat([old.blue_list[stays], fresh.blue_list], ignore_index=True)
    chunk = np.concatenate([old.blue_chunk[stays], fresh.blue_chunk])
    by_chunk = np.argsort(chunk, kind="stable")
    blue_list = blue.take(by_chunk).reset_index(drop=True)
    return GroupTail(keys_sorted, csv_text, offsets, counts, bad, rejections, files, blue_list, chunk[by_chunk])


def _fingerprint(order_digest, name: str, groups: list[GroupRows]) -> str:
    """What decides a merged table's bytes: the merged order and each group's rows (``GroupRows.digests``)."""
    fingerprint = order_digest.copy()
    fingerprint.update(name.encode() + b"\0" + b"".join(g.digests[name] for g in groups))
    return fingerprint.hexdigest()


def _merge(groups: list[GroupRows]) -> tuple[dict[str, "Rendered"], pd.DataFrame, list[Rejection]]:
    """The groups' rows in the order of (reference, authority), less records another file also claims.

    Every record's key is sorted once (numpy: each group's keys are sorted already, so the stable
    sort merges their runs); the rows themselves are read when they are written (``_Rows``)."""
    rejections = [r for g in groups for r in g.rejections]
    # _Rows cuts each group's rows as runs in the merged order: a group whose records are not in
    # the order of their keys would be cut wrongly (rows lost or garbled), so that stops the build.
    if any((g.keys[1:] < g.keys[:-1]).any() for g in groups):
        raise AssertionError("a group's records are not in the order of their (reference, authority) keys")
    keys = np.concatenate([g.keys for g in groups]) if groups else np.zeros(0, dtype="S1")
    order = np.argsort(keys, kind="stable")
    duplicated: set = set()
    ordered = keys[order]
    if any(g.duplicates for g in groups) or (ordered[1:] == ordered[:-1]).any():
        # Claimed by two files (in one group or two): every group's files, as one list in group order.
        duplicated, dup_rejections = disclosures.duplicate_records([f for g in groups for f in g.files()])
        rejections += dup_rejections
        order = order[~np.isin(ordered, _key_bytes([(ref, auth) for auth, ref in duplicated]))]
    del ordered
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(order))  # global row position of each record (as flattened), if kept
    starts = np.cumsum([0] + [len(g.keys) for g in groups])
    rendered = {}
    order_digest = hashlib.sha256(np.ascontiguousarray(order, dtype=np.int64).tobytes() + starts.astype(np.int64).tobytes())
    for name in FOI_TABLES:
        fingerprint = _fingerprint(order_digest, name, groups)
        counts = np.concatenate([g.counts[name] for g in groups]) if groups else np.zeros(0, dtype=np.int64)
        failures = [(int(rank[starts[j] + np.searchsorted(g.keys, _key_bytes([k])[0])]), r)
                    for j, g in enumerate(groups) for k, r in g.bad[name] if (k[1], k[0]) not in duplicated]
        rendered[name] = Rendered(name, _Rows(name, groups, order), int(counts[order].sum(dtype=np.int64)),
                                  [r for _, r in sorted(failures, key=lambda x: x[0])], fingerprint, order_digest)
    if groups:
        blue_list = pd.concat([g.blue_list for g in groups], ignore_index=True) if len(groups) > 1 else groups[0].blue_list
        blue_list = blue_list.take(np.argsort(np.concatenate([g.blue_chunk for g in groups]), kind="stable")).reset_index(drop=True)
    else:
        blue_list = schemas.empty("blue_list")
    if duplicated and len(blue_list):
        blue_list = blue_list[~pd.MultiIndex.from_frame(blue_list[["authority", "reference"]]).isin(list(duplicated))].reset_index(drop=True)
    return rendered, blue_list, rejections


def disclosure_tables(raw: Path, cache: Cache | None = None, listed: chunking.Plan | Facts | None = None,
                      opened: dict | None = None) -> tuple[dict[str, "Rendered"], pd.DataFrame, list[Rejection]]:
    """Every *.yaml/*.yml record in ``raw/disclosures`` as the FOI tables, rendered as CSV rows; the
    blue-list rows (for the grids' join); the rejections (what reading rejected and the duplicates;
    each table's schema failures are on its ``Rendered``).

    Files are read in chunks, chunks are grouped, and each group's tail (working days, response
    times, sort, validation, CSV rows) is computed over its records alone: these are facts of one
    request, so the merge only interleaves rows by (reference, authority) and sets aside records
    claimed by two files. With a ``cache``, a group whose files (stat facts, else names and bytes)
    and code are unchanged is loaded whole; else each unchanged chunk is loaded and only changed
    chunks are parsed. Groups to redo are spread across all cores when there are many files.
    ``listed``: what the listing of ``raw/disclosures`` gave, if it was started already (``assemble``);
    ``opened``: the cache's group entries, by slot, if opened already (``Cache.entries``).
    """
    folder = raw / "disclosures"
    if cache is not None:  # the holiday table (~0.25 s to compute) depends on the code version only
        holidays = cache.get("calendar", cache.version)
        if holidays is None:
            cache.put("calendar", cache.version, calendar.uk_holidays())
        else:
            calendar.use_holidays(holidays)
    # The files by chunk, with each chunk's stat signature: worked out by a child forked before the
    # imports when the command started (``listing.prefetch`` with ``chunking.read_plan``), else
    # here. Names as strings: a Path or a DirEntry per file costs more (time, and at 1M records memory
    # that every forked worker would inherit); each chunk's names are split from one string only
    # when its group is redone.
    version = cache.version if cache is not None else None
    if not (isinstance(listed, chunking.Plan) and listed.fits(version, CHUNK_FILES)):
        facts = listed if isinstance(listed, Facts) else Listing(folder).result()
        listed = chunking.plan(facts, version, CHUNK_FILES)
        del facts
    plan = listed
    # A folder or a broken link named like a record is no record, but it may be one the user meant to add.
    unreadable = [Rejection(f"disclosures/{name}", WHOLE_FILE, "", UNREADABLE) if utf8_name(name) else
                  Rejection(f"disclosures/{shown_name(name)}", WHOLE_FILE, "", NOT_UTF8_NAME) for name in plan.unreadable]
    groups = _groups([(slot, k) for k, slot in enumerate(plan.slots)])
    signatures = dict(zip(plan.slots, plan.signatures))  # chunk slot -> its files' stat signature (None: too recent to trust)
    tails: dict[int, GroupRows] = {}
    previous: dict[int, GroupRows] = {}  # the previous tail of a group to redo (its entry, opened before it is replaced)
    todo = []
    for j, (slot, group) in enumerate(groups):
        found = (opened.pop(slot) if opened and slot in opened else cache.entry(slot)) if cache is not None else None
        signature = [signatures[chunk_slot] for _, chunk_slot, _ in group] if cache is not None else None
        if found is not None and None not in signature and found[1] == tuple(signature) and found[3] is not None:
            found[2].source = found[3]
            tails[j] = found[2]  # every file untouched since the group's tail was made
            cache.hits += 1
            continue
        if found is not None and found[3] is not None:
            found[2].source = found[3]
            previous[j] = found[2]
        group = [(i, chunk_slot, plan.names(k)) for i, chunk_slot, k in group]
        todo.append((j, (folder, raw, slot, group, cache, signature, found[0] if found is not None else None)))
    workers = min(os.cpu_count() or 1, 8)
    calendar.working_day_number(np.zeros(0, "datetime64[D]"), np.zeros(0, "datetime64[D]"))  # built once, before workers fork
    # The objects made so far (the imports', ~80k) are frozen while the groups are done: the cyclic
    # garbage collector leaves them out of its passes (a full pass over them cost ~70 ms, several
    # a worker), and forked workers do not write to the pages they share with this process (the gc
    # module's advice for fork without exec). Thawed after: nothing is kept from collection.
    gc.freeze()
    try:
        with tempfile.TemporaryDirectory(prefix="foi-build-") if cache is None else contextlib.nullcontext() as spill:
            # Two groups to redo are the usual incremental case (the changed record's, and the one changed in
            # the previous build, whose files were then too recent to trust their stat facts): not worth a pool.
            if sum(len(names) for _, t in todo for _, _, names in t[3]) < PARALLEL_FROM or workers == 1 or len(todo) <= 2:
                done = [_group_job(t + (None,)) for _, t in todo]
            else:
                # Forked workers inherit the imports and the holiday table; Python 3.14 makes "forkserver" the
                # default on Linux, which would re-import pandas in every worker (about a second each).
                fork = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
                with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
                    done = list(pool.map(_group_job, [t + (spill,) for _, t in todo]))
            for (j, _), (rows, where) in zip(todo, done):
                # Opened now: a spilled file is deleted when this block ends, its open descriptor stays readable.
                rows.source = Blob(data=where) if isinstance(where, bytes) else Blob.open(*where)
                if j in previous:
                    rows.previous = previous[j]
                tails[j] = rows
    finally:
        gc.unfreeze()
    if cache:
        cache.prune("records-", set(plan.slots))
        cache.prune("tail-", {slot for slot, _ in groups})
    tables, blue_list, rejections = _merge([tails[j] for j in sorted(tails)])
    return tables, blue_list, unreadable + rejections


def _pdf_bytes(path: Path) -> bytes:
    """A grid's bytes; a folder, a broken link or a named pipe (which would block a read) named *.pdf
    is a grid that cannot be read (GridError)."""
    try:
        if path.is_file():  # symlinks followed
            return path.read_bytes()
    except OSError:
        pass
    raise grids.GridError(UNREADABLE)


def _grid_reader(cache: Cache | None):
    """grids' parse of one PDF, through the cache: an unchanged grid (bytes and code) is not re-parsed.
    A grid whose file name is not UTF-8 is not read (no table could name it)."""
    def read(path: Path):
        if not utf8_name(path.name):
            raise grids.GridError(NOT_UTF8_NAME)
        if cache is None:
            return grids.read_grid(path)
        key = files_key(cache.version, [(path.name, _pdf_bytes(path))])
        slot = f"grid-{hashlib.sha256(path.name.encode()).hexdigest()[:16]}"
        used.add(slot)
        value = cache.get(slot, key)
        if value is None:
            try:
                value = grids.read_grid(path)
            except grids.GridError as err:
                value = err
            cache.put(slot, key, value)
        if isinstance(value, grids.GridError):
            raise value
        return value

    used: set[str] = set()
    read.used = used
    return read


def assemble(raw: Path | None = None, cache: bool = False, listing: Listing | None = None, out: Path | None = None) -> BuildResult:
    """Every table, validated, with the rejections, in memory (nothing written).

    ``cache=True``: reuse what unchanged raw files gave last time (``cache_folder``); the tables
    are the same either way, byte for byte. ``listing``: the record files and their stat facts, if
    their reading was started already (``listing.prefetch``). ``out``: where ``write`` will write
    them; the largest disclosure tables are then staged there by a child while this process makes
    the deployment tables and the rejected table (``_Staging``; nothing is renamed into place).
    """
    raw = Path(raw or config.RAW)
    prefetched = listing is not None and listing.folder == os.fspath(raw / "disclosures")
    # Every group's previous tail is read whatever changed (an unchanged group's is merged as it is, a
    # redone group is patched from it): opened while the listing child finishes (~0.3 ms a group).
    opened = Cache.entries(cache_folder(raw), "tail-") if cache and prefetched else {}
    listed = listing.result() if prefetched else None
    # The listing's child works out the code version for the chunks' stat signatures (``cache.code_version``,
    # the same reading of the same files): not done again here.
    store = Cache(cache_folder(raw), listed.version if isinstance(listed, chunking.Plan) else None) if cache else None
    foi, blue_list, rejections = disclosure_tables(raw, store, listed, opened)
    del opened  # any left (a group no longer there): closed
    staging = _early_staging(foi, store, out) if out is not None else None
    try:
        return _assemble_rest(raw, store, foi, blue_list, rejections, staging)
    except BaseException:
        if staging is not None:
            staging.abandon()
        raise


def _early_staging(foi: dict[str, Rendered], store: Cache | None, out: Path) -> _Staging | None:
    """The disclosure tables' rendering into ``out`` started in a child, if they are large enough."""
    out.mkdir(parents=True, exist_ok=True)
    known = _unchanged(store, out, {f"{name}.csv": t.fingerprint for name, t in foi.items()})
    renders, sizes = _table_renders(foi, out, store, known)
    staging = _Staging(out, renders, sizes, HEAD_START_EARLY)
    return staging if staging.theirs else None


def _assemble_rest(raw: Path, store: Cache | None, foi: dict[str, Rendered], blue_list: pd.DataFrame,
                   rejections: list[Rejection], staging: _Staging | None) -> BuildResult:
    # The grids are the Met's own deployments: only the Met's blue-list rows are paired with them
    # (another force's blue list is kept in blue_list.csv, never joined to the Met's dates).
    blue_list = blue_list.loc[blue_list["authority"] == met()].reset_index(drop=True)
    validated = Tables(foi)  # sorted and validated group by group, already rendered
    for name in FOI_TABLES:
        rejections += foi[name].rejections
    # The deployment tables depend on the code, the grid PDFs and the blue-list rows alone: when
    # none changed, last build's validated tables are taken as they are (no join, no schema run).
    key = _grid_tables_key(store, raw / "grids", blue_list) if store else None
    found = store.get("deployment-tables", key) if store else None
    if found is None:
        found = _grid_tables(raw / "grids", blue_list, store)
        if store:
            store.put("deployment-tables", key, found)
    del blue_list
    grid_tables, grid_rejections = found
    validated.update(grid_tables)
    rejections += grid_rejections
    fingerprints = {name: hashlib.sha256(f"{key}\0{name}".encode()).hexdigest() for name in grid_tables} if key else {}
    validated["rejected"] = schemas.SCHEMAS["rejected"].validate(
        quarantine.frame(rejections).reset_index(drop=True))
    return BuildResult(validated, rejections, cache=store, fingerprints=fingerprints, staging=staging)


def met() -> str:
    """The Met's canonical name, as authorities.csv spells it (its grids' deployments are its own)."""
    return authorities.aliases()["Metropolitan Police Service"]


def _grid_tables_key(store: Cache, folder: Path, blue_list: pd.DataFrame) -> str:
    """What the deployment tables are made of: the code, each grid PDF's name and bytes, the blue-list rows."""
    files = []
    for p in sorted(folder.glob("*.pdf")):
        try:
            files.append((p.name, _pdf_bytes(p)))
        except grids.GridError:  # reported by the grids' reading; its becoming readable changes the key
            files.append((p.name + "\0unreadable", b""))
    # The rows by their values (a pickle's bytes also depend on how the frame was put together).
    rows = pd.util.hash_pandas_object(blue_list, index=False).to_numpy()
    files.append(("blue_list", repr(list(blue_list.dtypes.items())).encode() + rows.tobytes()))
    return files_key(store.version, files)


def _grid_tables(folder: Path, blue_list: pd.DataFrame, store: Cache | None) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """The deployment tables from every grid PDF in ``folder`` (each parsed through the cache), sorted
    and validated; the rejections (unreadable grids, rows set aside, rows their schema refused)."""
    reader = _grid_reader(store)
    grid_tables, rejections = grids.build_tables(folder, blue_list=blue_list, read=reader)
    if store:
        store.prune("grid-", reader.used)
    validated = {}
    for name in list(grid_tables):
        df = grid_tables.pop(name)  # one table in two versions at a time, not all of them
        keys = SORT_KEYS.get(name)
        if keys:
            df = df.sort_values(keys, kind="stable", na_position="first", key=_natural).reset_index(drop=True)
        validated[name], bad = schemas.validate(name, df, source="build")
        del df
        rejections += bad
    return validated, rejections


def data_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = []
    for name in sorted(tables):
        schema = schemas.SCHEMAS[name]
        for column, spec in schema.columns.items():
            rows.append({"table": name, "column": column, "dtype": str(spec.dtype).replace("[python]", ""), "nullable": spec.nullable,
                         "description": spec.description or ""})
    return pd.DataFrame(rows)


def _md_rows(header: list[str], rows) -> str:
    """A markdown table of ``rows`` (each cell written as str() of it; a "|" in it as "/")."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(v).replace("|", "/") for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _md_table(df: pd.DataFrame) -> str:
    return _md_rows(list(df.columns), df.astype("string").fillna("").itertuples(index=False))


def data_dictionary_markdown(tables: dict[str, pd.DataFrame]) -> str:
    """The data dictionary for people: every table and column, and the counts of this build."""
    out = ["# Data dictionary", "",
           "Generated by `foi-analysis build` from the pandera schemas in `foi_analysis/records/schemas.py` and",
           "`foi_analysis/grids/schemas.py`; do not edit by hand. `data_dictionary.csv` holds the same columns.", ""]
    # The counts and the schemas' columns (text and whole numbers, none missing) as plain rows: the
    # same cells as through a DataFrame, at a tenth of the cost (~15 ms a build, paid by one edit too).
    out += ["## Rows in this build", "", _md_rows(["table", "rows"], [(n, len(t)) for n, t in sorted(dict.items(tables))]), ""]
    per_grid = "deployments" in tables and len(tables["deployments"]) and "grid_editions" in tables
    if per_grid:
        # grid_editions' rows, said once: here, with the dates each grid spans; its section below points here
        dep = tables["deployments"]
        span = dep.groupby("source_file").agg(first=("date", "min"), last=("date", "max")).reset_index()
        grids = tables["grid_editions"].merge(span, on="source_file", how="left")
        dates = ["edition_date", "first", "last"]
        grids[dates] = grids[dates].apply(lambda c: c.dt.strftime("%Y-%m-%d"))
        out += ["## Deployments per grid", "",
                "The rows of `grid_editions` (its columns are described under grid_editions below), with the first "
                "and last date of each grid's deployments. Each grid's count of deployments is checked against a "
                "count made by hand on every page (tests/test_grids.py).", "",
                _md_table(grids), "", "## Deployments per year", "",
                _md_table(tables["deployments_yearly"]), ""]
    for name in sorted(tables):
        schema = schemas.SCHEMAS[name]
        rows_above = " This build's rows: under Deployments per grid above." if per_grid and name == "grid_editions" else ""
        out += [f"## {name}", "", (schema.description or "") + rows_above, "",
                _md_rows(["column", "type", "may be empty", "meaning"],
                         [(c, str(spec.dtype).replace("[python]", ""), "yes" if spec.nullable else "", spec.description or "")
                          for c, spec in schema.columns.items()]), ""]
    return "\n".join(out)


def _stage(folder: Path, name: str, render) -> Path:
    """``render(binary file)`` into a temporary file beside ``name``; its path (synced by ``write``
    before it replaces anything)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            render(fh)
        os.chmod(tmp, 0o644)  # mkstemp makes it private (0600); the tables are for everyone to read
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _csv(df: pd.DataFrame):
    # Written in slices straight to the file: at 1M records the tables' CSV text is ~800 MB,
    # which is never held in memory whole.
    return lambda fh: df.to_csv(fh, index=False, lineterminator="\n", date_format="%Y-%m-%d",
                                encoding="utf-8", chunksize=200_000)


def _rows(table: Rendered):
    def render(fh):
        fh.write(table.header())
        for batch in table.parts.batches():
            fh.write(batch)
    return render


def _copy_range(src: int, dst: int, start: int, count: int) -> None:
    """``count`` bytes of ``src`` from ``start`` appended at ``dst``'s position, copied by the kernel
    where it can (``os.copy_file_range``), else read and written."""
    while count > 0:
        try:
            done = os.copy_file_range(src, dst, count, start)
        except (AttributeError, OSError):  # not Linux, or not between these files: read and write
            done = os.write(dst, os.pread(src, min(count, 1 << 24), start))
        if done <= 0:
            raise EOFError(f"the previous file ends at {start}, before {start + count}")
        start, count = start + done, count - done


def _patched_rows(table: Rendered, path: Path, written: tuple | None):
    """A render of ``table`` that copies its previous file's bytes and writes only the records whose rows
    changed; None if the previous file's layout is not known for sure. Known when every group redone by
    this build has the same records as before (so the merged order is the previous one) and the file is
    the one the previous build wrote (``written``: its fingerprint and stat facts then), which the
    fingerprint of the groups' previous rows in that order must give. ``render.differs``: whether any
    record's rows differ (else the file is the same)."""
    groups = table.parts.groups
    before = [g.previous or g for g in groups]
    if (written is None or table.order_digest is None or not any(g.previous for g in groups)
            or written[1] != _facts(path)):
        return None
    name = table.name
    if any(len(b.keys) != len(g.keys) or (b.keys != g.keys).any() for b, g in zip(before, groups) if b is not g):
        return None
    if _fingerprint(table.order_digest, name, before) != written[0]:
        return None
    # Each record (flattened in group order): its rows' length then and now; which changed.
    was = np.concatenate([np.diff(b.offsets[name]) for b in before])
    changed = np.zeros(len(was), dtype=bool)
    at = 0
    for b, g in zip(before, groups):
        if b is not g:
            old, new = b.offsets[name], g.offsets[name]
            old_text, new_text = b.text(name, 0, int(old[-1])), g.text(name, 0, int(new[-1]))
            old, new = old.tolist(), new.tolist()
            changed[at:at + len(g.keys)] = [old_text[old[i]:old[i + 1]] != new_text[new[i]:new[i + 1]] for i in range(len(g.keys))]
        at += len(g.keys)
    order = table.parts.order
    header = table.header()
    ends = len(header) + np.cumsum(was[order])  # where each record's rows end in the previous file
    starts = ends - was[order]
    moved = np.flatnonzero(changed[order]).tolist()
    flat = np.repeat(np.arange(len(groups)), [len(g.keys) for g in groups])
    first = np.cumsum([0] + [len(g.keys) for g in groups])

    def render(fh):
        fh.write(header)
        fh.flush()
        dst = fh.fileno()
        with open(path, "rb") as previous:
            src, done = previous.fileno(), 0
            for k in moved + [len(order)]:
                if k > done:  # the records before this one: their previous bytes, in one piece
                    _copy_range(src, dst, int(starts[done]), int(ends[k - 1] - starts[done]))
                if k < len(order):
                    r = int(order[k])
                    g = groups[flat[r]]
                    i = r - int(first[flat[r]])
                    rows = g.text(name, int(g.offsets[name][i]), int(g.offsets[name][i + 1]))
                    while rows:
                        rows = rows[os.write(dst, rows):]
                done = k + 1

    render.differs = bool(moved)
    return render


def _table_renders(tables: dict, out: Path, cache: Cache | None, skip: set[str]) -> tuple[dict, dict[str, int]]:
    """Renders of the tables held as CSV rows (``Rendered``) not in ``skip``, each patched from its
    previous file where it can be (``_patched_rows``), and the bytes of rows each renders anew."""
    written = _written(cache, out)
    renders, sizes = {}, {}
    for name, t in dict.items(tables):
        file = f"{name}.csv"
        if not isinstance(t, Rendered) or file in skip:
            continue
        if t.patch is None or t.patch[0] != out:  # asked once (the early staging and ``write`` both ask)
            t.patch = (out, _patched_rows(t, out / file, written.get(file)))
        patched = t.patch[1]
        renders[file] = patched or _rows(t)
        if patched is None:
            sizes[file] = t.parts.size()
    return renders, sizes


def _same(a: Path, b: Path) -> bool:
    return b.exists() and filecmp.cmp(a, b, shallow=False)


def _staged(out: Path, name: str, render) -> tuple[Path, bool]:
    """``render`` staged beside ``out / name``; whether it is the file already there (else it is synced
    to disk, ready to replace it)."""
    tmp = _stage(out, name, render)
    try:
        differs = getattr(render, "differs", None)  # a patched file knows whether it differs
        same = _same(tmp, out / name) if differs is None else not differs
        if not same:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())  # on disk before it replaces the previous file
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, same


# Above this many bytes of table rows to render, a forked child renders about half of them (the
# largest tables first) while this process renders the rest: at 100k records the rows are ~100 MB,
# ~0.5 s of cutting, copying and writing that would otherwise run on one core after the workers.
RENDER_CHILD_FROM = 16 << 20


# What the main process does beside the child's rendering, in bytes of rows that take about as long
# to render (~0.45 cpu-s for the ~100 MB of rows at 100k records): from the merge on, the deployment
# and rejected tables and the data dictionary (~0.3 s at 100k with no grids); in ``write`` alone,
# the dictionary (~0.05 s).
HEAD_START_EARLY, HEAD_START_WRITE = 64 << 20, 8 << 20


def _split_renders(sizes: dict[str, int], head_start: int = 0) -> list[str]:
    """The tables a child renders: the largest first, each to whichever side has fewer bytes so far,
    this process counting ``head_start`` bytes for its other work (the other tables, small, stay here)."""
    ours, theirs = head_start, 0
    child = []
    for name in sorted(sizes, key=lambda n: (-sizes[n], n)):
        if theirs <= ours:
            child.append(name)
            theirs += sizes[name]
        else:
            ours += sizes[name]
    return sorted(child)


class _Staging:
    """Renders staged beside their targets in ``out`` (``_staged``), the largest tables by a forked
    child while this process goes on, when ``sizes`` (bytes of rows per render) hold more than
    RENDER_CHILD_FROM; the same files either way (a child that fails is redone here)."""

    def __init__(self, out: Path, renders: dict, sizes: dict[str, int], head_start: int = HEAD_START_WRITE):
        self.out, self.renders, self.pending = out, renders, None
        parallel = len(sizes) > 1 and sum(sizes.values()) > RENDER_CHILD_FROM and cores() > 1 and forked.possible()
        self.theirs = _split_renders(sizes, head_start) if parallel else []
        if self.theirs:
            self.pending = forked.in_child(self._produce)

    def _produce(self) -> bytes:  # in the child
        done = {}
        try:
            for name in self.theirs:
                done[name] = _staged(self.out, name, self.renders[name])
        except BaseException:
            for tmp, _ in done.values():
                tmp.unlink(missing_ok=True)
            raise
        return pickle.dumps({name: (os.fspath(tmp), same) for name, (tmp, same) in done.items()})

    def _collect(self) -> dict[str, tuple[Path, bool]]:
        pending, self.pending = self.pending, None
        data = pending() if pending is not None else None
        return {} if data is None else {name: (Path(tmp), same) for name, (tmp, same) in pickle.loads(data).items()}

    def finish(self, renders: dict) -> dict[str, tuple[Path, bool]]:
        """``renders`` (those the child took aside) staged here, then the child's: every one staged."""
        staged: dict[str, tuple[Path, bool]] = {}
        try:
            try:
                for name in sorted(set(renders) - set(self.theirs)):
                    staged[name] = _staged(self.out, name, renders[name])
            finally:
                staged.update(self._collect())
            for name in self.theirs:
                if name not in staged:  # the child failed: render it here
                    staged[name] = _staged(self.out, name, self.renders[name])
        except BaseException:  # nothing staged is left behind
            for tmp, _ in staged.values():
                tmp.unlink(missing_ok=True)
            raise
        return staged

    def abandon(self) -> None:
        """Not to be written after all: the child waited for and its files removed."""
        for tmp, _ in self._collect().values():
            tmp.unlink(missing_ok=True)


def _outputs_slot(out: Path) -> str:
    return f"outputs-{hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16]}"


def _facts(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev


def _written(cache: Cache | None, out: Path) -> dict[str, tuple]:
    """File name -> (fingerprint, stat facts) of the tables the last build wrote in ``out``."""
    return (cache.get(_outputs_slot(out), cache.version) or {}) if cache is not None else {}


def _unchanged(cache: Cache | None, out: Path, fingerprints: dict[str, str]) -> set[str]:
    """The files in ``out`` that are what this build would write: written (or found equal) by an
    earlier build with the same fingerprint, and untouched since (size, mtime, inode as then)."""
    written = _written(cache, out)
    return {name for name, fingerprint in fingerprints.items()
            if name in written and written[name] == (fingerprint, _facts(out / name))}


def write(result: BuildResult, out: Path | None = None) -> list[Path]:
    """Every table's CSV and the data dictionary into ``out``; the files that changed.

    Everything is rendered to temporary files first, so a failure while rendering changes nothing;
    then each changed file is renamed into place (an interrupted build leaves each file whole) and
    an unchanged one is left untouched. With the build's cache, a table whose fingerprint (its
    groups' rows and their merged order) is the one it had when its file was written, and whose
    file is untouched since, is not rendered at all.
    """
    out = Path(out or config.PROCESSED)
    out.mkdir(parents=True, exist_ok=True)
    fingerprints = {f"{name}.csv": t.fingerprint if isinstance(t, Rendered) else result.fingerprints.get(name)
                    for name, t in dict.items(result.tables)}
    fingerprints = {name: f for name, f in fingerprints.items() if f}
    known = _unchanged(result.cache, out, fingerprints)
    renders, sizes = _table_renders(result.tables, out, result.cache, known)
    renders.update({f"{name}.csv": _csv(t) for name, t in dict.items(result.tables)
                    if not isinstance(t, Rendered) and f"{name}.csv" not in known})
    renders["data_dictionary.csv"] = _csv(data_dictionary(result.tables))
    markdown = data_dictionary_markdown(result.tables).encode("utf-8")
    renders["data_dictionary.md"] = lambda fh: fh.write(markdown)
    package = datapackage.render(list(result.tables))
    renders["datapackage.json"] = lambda fh: fh.write(package)
    staging, result.staging = result.staging, None
    if staging is not None and staging.out != out:
        staging.abandon()
        staging = None
    if staging is None:
        staging = _Staging(out, renders, sizes)
    staged: dict[str, tuple[Path, bool]] = {}
    try:
        staged = staging.finish(renders)
        written = []
        for name in sorted(staged):
            tmp, same = staged[name]
            if not same:
                os.replace(tmp, out / name)
                written.append(out / name)
    finally:
        for tmp, _ in staged.values():
            tmp.unlink(missing_ok=True)
    if result.cache is not None and fingerprints:
        result.cache.put(_outputs_slot(out), result.cache.version,
                         {name: (fingerprint, _facts(out / name)) for name, fingerprint in fingerprints.items()})
    result.written = written
    return written


@contextlib.contextmanager
def _writing(out: Path):
    """The folder ``out``, for this build alone to write: a second build at once waits for the first
    (an advisory lock on the folder, let go by the system when a build ends or is killed), so that
    the outputs are one build's, never a mix. Temporary files that a killed build left are removed
    here, where no other build can be writing them."""
    out.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # no flock (Windows): no lock, and nothing removed that another build may be writing
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build writing {out} to finish", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        for name in os.listdir(out):
            if name.startswith(".") and name.endswith(".tmp"):  # as _stage names them
                (out / name).unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)


def build(raw: Path | None = None, out: Path | None = None, cache: bool = False, listing: Listing | None = None) -> BuildResult:
    out = Path(out or config.PROCESSED)
    with _writing(out):
        result = assemble(raw, cache, listing, out=out)
        write(result, out)
    return result


RAW_INPUTS = {"disclosures": ("*.y*ml", "disclosure records"), "grids": ("*.pdf", "deployment grids")}


def raw_warnings(raw: Path) -> list[str]:
    """A raw folder missing or empty: worth saying before building tables with no rows from it."""
    out = []
    for name, (pattern, what) in RAW_INPUTS.items():
        folder = raw / name
        if not folder.is_dir():
            out.append(f"warning: {folder} does not exist: no {what} to build from")
        elif not any(fnmatch.fnmatch(e.name, pattern) for e in os.scandir(folder)):  # stops at the first
            out.append(f"warning: {folder} holds no {pattern} files: no {what} to build from")
    return out


def grid_overlaps(tables: dict) -> list[str]:
    """The terminal's warning for grid files listing the same deployments (``grids.overlaps``: one grid
    saved twice under two names); the duplicate check flags only rows that print a duration."""
    return [f"warning: {overlaps.sentence(o)}" for o in overlaps.shared_deployments(tables["deployments"])]


def row_counts(folder: Path) -> dict[str, int]:
    """Rows of each table already in ``folder``, as the last build counted them in data_dictionary.md
    (counting ~80 MB of CSV at 100k records took over a second); a table it does not list is counted
    (records after the header; a quoted cell may span lines)."""
    listed = {}
    try:
        text = (folder / "data_dictionary.md").read_text(encoding="utf-8")
        section = text.split("## Rows in this build", 1)[1].split("\n## ", 1)[0]
        listed = {m[1]: int(m[2]) for m in re.finditer(r"^\| (\w+) \| (\d+) \|$", section, re.M)}
    except (OSError, IndexError, ValueError):
        pass
    counts = {}
    for path in folder.glob("*.csv"):
        if path.stem in listed:
            counts[path.stem] = listed[path.stem]
            continue
        with path.open(encoding="utf-8", newline="") as f:
            counts[path.stem] = max(sum(1 for _ in csv.reader(f)) - 1, 0)
    return counts


def main(check_only: bool = False, raw: Path | None = None, out: Path | None = None, cache: bool = True,
         listing: Listing | None = None) -> int:
    for warning in raw_warnings(Path(raw or config.RAW)):
        print(warning, file=sys.stderr)
    before = {} if check_only else row_counts(Path(out or config.PROCESSED))
    result = assemble(raw, cache, listing) if check_only else build(raw, out, cache, listing)
    for name, table in sorted(dict.items(result.tables)):
        rows = len(table)
        change = f" ({rows - before[name]:+d})" if before.get(name, rows) != rows else ""
        print(f"{name:>24}: {rows:5d} rows{change}", file=sys.stderr)
    if not check_only:
        print(f"{len(result.written)} file(s) changed in {Path(out or config.PROCESSED)}", file=sys.stderr)
    for warning in grid_overlaps(result.tables):
        print(warning, file=sys.stderr)
    if result.rejections:
        print(f"\n{len(result.rejections)} value(s) rejected (kept aside in rejected.csv):", file=sys.stderr)
        for r in sorted(result.rejections, key=lambda r: (r.source, r.field)):
            print(f"  {r}", file=sys.stderr)
        return 1
    return 0
