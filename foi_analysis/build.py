"""raw -> tidy tables: load, validate, quarantine, and write data/processed/ atomically.

Same input, byte-identical output: rows are sorted on their keys, CSVs are written with fixed
formatting, and nothing depends on the clock or on absolute paths. Each output file is written
to a temporary file in the same folder and moved into place, so an interrupted build leaves the
previous outputs whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import gc
import hashlib
import os
import re
import sys
import tempfile
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import config, datapackage, tables as schemas
from .grids import parse as grids
from .records import disclosures, quarantine
from .records.quarantine import Rejection
from .cache import Cache, files_key, stat_signature
from .foia.calendar import working_day_number
from .foia.exemptions import section_key
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


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    rejections: list[Rejection] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _natural(column: pd.Series) -> pd.Series:
    """Question numbers sort as people read them: 1a, 1b, 2, ..., 10 (not 10 before 1a)."""
    if column.name != "question":
        return column
    # Few distinct labels in many rows: pad each distinct label once.
    padded = {q: re.sub(r"\d+", lambda m: m.group(0).zfill(6), q) for q in column.dropna().unique()}
    return column.map(padded, na_action="ignore").astype(column.dtype)


def _column(dtype, values: tuple | list):
    """One column of a chunk's values (Python objects, None for missing) as the schema's dtype."""
    if dtype is None:  # a date
        # Days since 1970 from each date's ordinal: a tenth of the cost of numpy's or pandas'
        # conversion of date objects.
        days = np.fromiter((_NAT if v is None else v.toordinal() - _EPOCH for v in values), dtype="int64", count=len(values))
        known = days[days != _NAT]
        if known.size and (known.min() < _FIRST or known.max() > _LAST):  # a year typed as 1600: an error, not a wrap
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


REQUEST_COLUMNS = ("date_received", "date_responded", "outcome", "ncnd", "sections", "n_questions", "source_title", "source_file")
# Where record_tables finds these in an exemption's and a question's row.
_SECTION, _NCND, _STAGE = (disclosures.EXEMPTION_COLUMNS.index(c) for c in ("section", "ncnd", "stage"))
_ANSWER = disclosures.QUESTION_COLUMNS.index("outcome")


@lru_cache(maxsize=4096)
def _sections(sections: frozenset[str]) -> str | None:
    return ";".join(sorted(sections, key=section_key)) or None


def record_tables(records: list[disclosures.Disclosure]) -> dict[str, pd.DataFrame]:
    """Validated records -> the per-record tables (no cross-record facts such as working days).

    Built as columns (each row a tuple, the rows transposed once), not a dict per row: this runs
    for every record of a build."""
    requests, events, exemptions, questions, blue = [], [], [], [], []
    for d in records:
        key = (d.reference, d.authority)
        cited = d.exemptions
        requests.append(key + (
            d.date_received, d.date_responded, d.outcome,
            any([e[_NCND] for e in cited]) or "ncnd" in [q[_ANSWER] for q in d.questions],
            _sections(frozenset([e[_SECTION] for e in cited if e[_STAGE] != "extension_notice"])) if cited else None,
            len(d.questions), d.source_title, d.source_file,
        ))
        events += [key + e for e in d.events]
        exemptions += [key + e for e in d.exemptions]
        questions += [key + q for q in d.questions]
        blue += [key + b for b in d.blue_list]
    key = ("reference", "authority")
    return {
        "requests": _rows_frame("requests", key + REQUEST_COLUMNS, requests),
        "events": _rows_frame("events", key + disclosures.EVENT_COLUMNS, events),
        "exemptions": _rows_frame("exemptions", key + disclosures.EXEMPTION_COLUMNS, exemptions),
        "questions": _rows_frame("questions", key + disclosures.QUESTION_COLUMNS, questions),
        "blue_list": _rows_frame("blue_list", key + disclosures.BLUE_LIST_COLUMNS, blue),
    }


def _read_chunk(args: tuple[str, Path, list[str], Path, Cache | None, str | None, tuple | None]) -> tuple[dict, list[Rejection], list]:
    """Parse a chunk of record files into small tables (cheap to send back, unlike the records)."""
    slot, folder, names, root, cache, key, signature = args
    rejections: list[Rejection] = []
    folder, root = os.fspath(folder), os.fspath(root)
    # Paths as strings (a Path per file costs more than reading it). The cyclic garbage collector
    # is paused: parsing makes many small objects and no cycles, and its passes over them cost
    # ~5% of the parse; it runs again (and collects anything) when the chunk is done.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        records = disclosures.load_files([os.path.join(folder, n) for n in names], root, rejections)
        result = record_tables(records), rejections, [((d.authority, d.reference), d.file) for d in records]
    finally:
        if was_enabled:
            gc.enable()
    if cache is not None:
        cache.put(slot, key, result, signature)
    return result


# Below this many files to parse a process pool costs more than it saves.
PARALLEL_FROM = 2000
# Files per cache entry: one changed record re-reads its chunk; a no-change build loads every chunk.
CHUNK_FILES = 500


def _chunks(names: list[str]) -> list[tuple[str, list[str]]]:
    """(cache slot, files) groups by a hash of the file name: adding or deleting a file leaves the other
    chunks as they were. The number of chunks is a power of two scaled to the corpus (crossing one
    re-reads everything once)."""
    n = 1
    while n < 4096 and len(names) > n * CHUNK_FILES:
        n *= 2
    groups: list[list[str]] = [[] for _ in range(n)]
    for name in names:
        groups[zlib.crc32(name.encode()) % n].append(name)
    return [(f"records-{n}-{i}", g) for i, g in enumerate(groups) if g]


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def read_disclosures(folder: Path, root: Path, cache: Cache | None = None) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """Every *.yaml/*.yml record in ``folder`` as tables, and the rejections.

    Files are read in chunks; with a ``cache``, a chunk whose files (names and bytes) and code are
    unchanged is loaded from it instead of parsed. Chunks to parse are spread across all cores when
    there are many files. Row order here does not matter: ``assemble`` sorts every table on its keys.
    """
    # Names as strings and one scandir (making and sorting 100k Path objects alone takes seconds).
    entries = {e.name: e for e in os.scandir(folder) if e.name.endswith((".yaml", ".yml")) and e.is_file()} \
        if folder.is_dir() else {}
    chunks = _chunks(sorted(entries))
    parts, todo = [], []
    for slot, names in chunks:
        if cache is None:
            todo.append((slot, folder, names, root, None, None, None))
            continue
        signature = stat_signature(cache.version, [(n, entries[n].stat()) for n in names])
        found = cache.entry(slot)
        if found is not None and signature is not None and found[1] == signature and found[0] is not None:
            parts.append(found[2])  # same files, untouched since they were read: no need to read them again
            cache.hits += 1
            continue
        key = files_key(cache.version, [(n, _read(entries[n].path)) for n in names])
        if found is not None and found[0] == key:
            parts.append(found[2])
            cache.hits += 1
            if signature != found[1]:
                cache.put(slot, key, found[2], signature)  # touched, not changed: remember the new mtimes
            continue
        cache.misses += 1
        todo.append((slot, folder, names, root, cache, key, signature))
    workers = min(os.cpu_count() or 1, 8)
    if sum(len(t[2]) for t in todo) < PARALLEL_FROM or workers == 1 or len(todo) == 1:
        parts += [_read_chunk(t) for t in todo]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts += list(pool.map(_read_chunk, todo))
    if cache:
        cache.prune("records-", {slot for slot, _ in chunks})
    if not parts:
        parts = [_read_chunk(("", folder, [], root, None, None, None))]
    rejections = [r for _, rej, _ in parts for r in rej]
    duplicated, dup_rejections = disclosures.duplicate_records([f for _, _, files in parts for f in files])
    rejections += dup_rejections
    tables = {}
    for name in list(parts[0][0]):
        # Each chunk's copy is dropped as soon as it is concatenated: the chunks and the whole never coexist.
        df = pd.concat([t.pop(name) for t, _, _ in parts], ignore_index=True) if len(parts) > 1 else parts[0][0][name]
        if duplicated:
            df = df[~pd.MultiIndex.from_frame(df[["authority", "reference"]]).isin(list(duplicated))].reset_index(drop=True)
        tables[name] = df
    return tables, rejections


# Requests are identified by (authority, reference); the timeliness rules key on one column, so
# they are given both joined by a character no reference contains, and the reference restored.
_KEY_SEPARATOR = "\x1f"


def _keyed(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(reference=df["authority"] + _KEY_SEPARATOR + df["reference"])


def disclosure_tables(raw: Path, cache: Cache | None = None) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """The FOI tables, with working days and response times, and the rejections.

    Working days and response times are computed once over the whole tables: per chunk they cost
    ~9 cpu-s more at 100k records (fixed pandas overhead per call) than they save a cached build."""
    tables, rejections = read_disclosures(raw / "disclosures", raw, cache)
    requests = _keyed(tables["requests"])
    received = requests.set_index("reference")["date_received"]
    ev = tables["events"]
    if len(ev):
        ev.loc[:, "working_day"] = pd.array(working_day_number(
            _keyed(ev)["reference"].map(received).to_numpy("datetime64[ns]"), ev["date"].to_numpy("datetime64[ns]")), dtype="Int64")
    if len(requests):
        times = response_times(requests, _keyed(ev), _keyed(tables["exemptions"]))
        times["reference"] = times["reference"].str.partition(_KEY_SEPARATOR)[2]
        tables["response_times"] = schemas.coerce("response_times", times)
    else:
        tables["response_times"] = schemas.empty("response_times")
    return tables, rejections


def cache_folder(raw: Path) -> Path:
    """The incremental build's cache sits beside the raw data it caches: data/.cache/build (git-ignored)."""
    return Path(raw).parent / ".cache" / "build"


def _grid_reader(cache: Cache | None):
    """grids' parse of one PDF, through the cache: an unchanged grid (bytes and code) is not re-parsed."""
    if cache is None:
        return grids.read_grid

    def read(path: Path):
        key = files_key(cache.version, [(path.name, path.read_bytes())])
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


def assemble(raw: Path | None = None, cache: bool = False) -> BuildResult:
    """Every table, validated, with the rejections, in memory (nothing written).

    ``cache=True``: reuse what unchanged raw files gave last time (``cache_folder``); the tables
    are the same either way, byte for byte.
    """
    raw = Path(raw or config.RAW)
    store = Cache(cache_folder(raw)) if cache else None
    tables, rejections = disclosure_tables(raw, store)
    reader = _grid_reader(store)
    grid_tables, grid_rejections = grids.build_tables(raw / "grids", blue_list=tables["blue_list"], read=reader)
    if store:
        store.prune("grid-", reader.used)
    rejections += grid_rejections
    tables.update(grid_tables)
    validated = {}
    for name in list(tables):
        df = tables.pop(name)  # one table in two versions at a time, not all of them
        keys = SORT_KEYS.get(name)
        if keys:
            df = df.sort_values(keys, kind="stable", na_position="first", key=_natural).reset_index(drop=True)
        validated[name], bad = schemas.validate(name, df, source="build")
        del df
        rejections += bad
    validated["rejected"] = schemas.SCHEMAS["rejected"].validate(
        quarantine.frame(rejections).reset_index(drop=True))
    return BuildResult(validated, rejections)


def data_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = []
    for name in sorted(tables):
        schema = schemas.SCHEMAS[name]
        for column, spec in schema.columns.items():
            rows.append({"table": name, "column": column, "dtype": str(spec.dtype).replace("[python]", ""), "nullable": spec.nullable,
                         "description": spec.description or ""})
    return pd.DataFrame(rows)


def _md_table(df: pd.DataFrame) -> str:
    cells = df.astype("string").fillna("")
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(str(v).replace("|", "/") for v in row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join(lines)


def data_dictionary_markdown(tables: dict[str, pd.DataFrame]) -> str:
    """The data dictionary for people: every table and column, and the counts of this build."""
    out = ["# Data dictionary", "",
           "Generated by `foi-analysis build` from the pandera schemas in `foi_analysis/records/schemas.py` and",
           "`foi_analysis/grids/schemas.py`; do not edit by hand. `data_dictionary.csv` holds the same columns.", ""]
    out += ["## Rows in this build", "", _md_table(pd.DataFrame(
        [{"table": n, "rows": len(tables[n])} for n in sorted(tables)])), ""]
    if "deployments" in tables and len(tables["deployments"]):
        dep = tables["deployments"]
        per_grid = dep.groupby("source_file").agg(rows=("deployment_id", "size"), first=("date", "min"), last=("date", "max"))
        per_grid[["first", "last"]] = per_grid[["first", "last"]].apply(lambda c: c.dt.strftime("%Y-%m-%d"))
        out += ["## Deployments per grid", "",
                "Each grid's row count is checked against a count made by hand on every page (tests/test_grids.py).", "",
                _md_table(per_grid.reset_index()), "", "## Deployments per year", "",
                _md_table(tables["deployments_yearly"]), ""]
    for name in sorted(tables):
        schema = schemas.SCHEMAS[name]
        out += [f"## {name}", "", schema.description or "", "",
                _md_table(pd.DataFrame([{"column": c, "type": str(spec.dtype).replace("[python]", ""), "may be empty": "yes" if spec.nullable else "",
                                         "meaning": spec.description or ""} for c, spec in schema.columns.items()])), ""]
    return "\n".join(out)


def _stage(folder: Path, name: str, render) -> Path:
    """``render(binary file)`` into a temporary file beside ``name``, synced to disk; its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            render(fh)
            fh.flush()
            os.fsync(fh.fileno())
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


def _same(a: Path, b: Path) -> bool:
    return b.exists() and filecmp.cmp(a, b, shallow=False)


def write(result: BuildResult, out: Path | None = None) -> list[Path]:
    """Every table's CSV and the data dictionary into ``out``; the files that changed.

    Everything is rendered to temporary files first, so a failure while rendering changes nothing;
    then each changed file is renamed into place (an interrupted build leaves each file whole) and
    an unchanged one is left untouched.
    """
    out = Path(out or config.PROCESSED)
    out.mkdir(parents=True, exist_ok=True)
    renders = {f"{name}.csv": _csv(df) for name, df in result.tables.items()}
    renders["data_dictionary.csv"] = _csv(data_dictionary(result.tables))
    markdown = data_dictionary_markdown(result.tables).encode("utf-8")
    renders["data_dictionary.md"] = lambda fh: fh.write(markdown)
    package = datapackage.render(list(result.tables))
    renders["datapackage.json"] = lambda fh: fh.write(package)
    staged: dict[str, Path] = {}
    try:
        for name in sorted(renders):
            staged[name] = _stage(out, name, renders[name])
        written = []
        for name in sorted(staged):
            if _same(staged[name], out / name):
                continue
            os.replace(staged[name], out / name)
            written.append(out / name)
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
    result.written = written
    return written


def build(raw: Path | None = None, out: Path | None = None, cache: bool = False) -> BuildResult:
    result = assemble(raw, cache)
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
        elif not any(folder.glob(pattern)):
            out.append(f"warning: {folder} holds no {pattern} files: no {what} to build from")
    return out


def row_counts(folder: Path) -> dict[str, int]:
    """Rows of each table already in ``folder`` (records after the header; a quoted cell may span lines)."""
    counts = {}
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            counts[path.stem] = max(sum(1 for _ in csv.reader(f)) - 1, 0)
    return counts


def main(check_only: bool = False, raw: Path | None = None, out: Path | None = None, cache: bool = True) -> int:
    for warning in raw_warnings(Path(raw or config.RAW)):
        print(warning, file=sys.stderr)
    before = {} if check_only else row_counts(Path(out or config.PROCESSED))
    result = assemble(raw, cache) if check_only else build(raw, out, cache)
    for name in sorted(result.tables):
        rows = len(result.tables[name])
        change = f" ({rows - before[name]:+d})" if before.get(name, rows) != rows else ""
        print(f"{name:>24}: {rows:5d} rows{change}", file=sys.stderr)
    if not check_only:
        print(f"{len(result.written)} file(s) changed in {Path(out or config.PROCESSED)}", file=sys.stderr)
    if result.rejections:
        print(f"\n{len(result.rejections)} value(s) rejected (kept aside in rejected.csv):", file=sys.stderr)
        for r in sorted(result.rejections, key=lambda r: (r.source, r.field)):
            print(f"  {r}", file=sys.stderr)
        return 1
    return 0
