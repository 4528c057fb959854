"""raw -> tidy tables: load, validate, quarantine, and write data/processed/ atomically.

Same input, byte-identical output: rows are sorted on their keys, CSVs are written with fixed
formatting, and nothing depends on the clock or on absolute paths. Each output file is written
to a temporary file in the same folder and moved into place, so an interrupted build leaves the
previous outputs whole.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import config, datapackage, tables as schemas
from .grids import parse as grids
from .records import disclosures, quarantine
from .records.quarantine import Rejection
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
    return column.str.replace(r"\d+", lambda m: m.group(0).zfill(6), regex=True)


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return schemas.empty(name)
    return schemas.coerce(name, pd.DataFrame(rows))


def record_tables(records: list[disclosures.Disclosure]) -> dict[str, pd.DataFrame]:
    """Validated records -> the per-record tables (no cross-record facts such as working days)."""
    requests, events, exemptions, questions, blue = [], [], [], [], []
    for d in records:
        sections = sorted({e["section"] for e in d.exemptions if e["stage"] != "extension_notice"}, key=section_key)
        requests.append({
            "reference": d.reference, "authority": d.authority, "date_received": d.date_received,
            "date_responded": d.date_responded, "outcome": d.outcome,
            "ncnd": any(e["ncnd"] for e in d.exemptions) or any(q["outcome"] == "ncnd" for q in d.questions),
            "sections": ";".join(sections) or None, "n_questions": len(d.questions),
            "source_title": d.source_title, "source_file": d.source_file,
        })
        key = {"reference": d.reference, "authority": d.authority}
        events += [{**key, **e} for e in d.events]
        exemptions += [{**key, **e} for e in d.exemptions]
        questions += [{**key, **q} for q in d.questions]
        blue += [{**key, **b} for b in d.blue_list]
    return {
        "requests": _frame("requests", requests),
        "events": _frame("events", events),
        "exemptions": _frame("exemptions", exemptions),
        "questions": _frame("questions", questions),
        "blue_list": _frame("blue_list", blue),
    }


def _read_chunk(args: tuple[list[Path], Path]):
    paths, root = args
    rejections: list[Rejection] = []
    records = [d for d in (disclosures.load_file(p, root, rejections) for p in paths) if d is not None]
    return record_tables(records), rejections, [((d.authority, d.reference), d.file) for d in records]


# Below this many files a process pool costs more than it saves.
PARALLEL_FROM = 2000


def read_disclosures(folder: Path, root: Path) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """Every *.yaml/*.yml record in ``folder`` (sorted by name) as tables, and the rejections.

    Large corpora are read across all cores: each worker parses its share of files into small
    tables (cheap to send back, unlike the records themselves), concatenated here in file order.
    """
    paths = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml"))
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers == 1:
        parts = [_read_chunk((paths, root))]
    else:
        size = -(-len(paths) // (workers * 4))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_read_chunk, [(paths[i:i + size], root) for i in range(0, len(paths), size)]))
    rejections = [r for _, rej, _ in parts for r in rej]
    duplicated, dup_rejections = disclosures.duplicate_records([f for _, _, files in parts for f in files])
    rejections += dup_rejections
    tables = {}
    for name in parts[0][0]:
        df = pd.concat([t[name] for t, _, _ in parts], ignore_index=True) if len(parts) > 1 else parts[0][0][name]
        if duplicated:
            df = df[~pd.MultiIndex.from_frame(df[["authority", "reference"]]).isin(list(duplicated))].reset_index(drop=True)
        tables[name] = df
    return tables, rejections


# Requests are identified by (authority, reference); the timeliness rules key on one column, so
# they are given both joined by a character no reference contains, and the reference restored.
_KEY_SEPARATOR = "\x1f"


def _keyed(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(reference=df["authority"] + _KEY_SEPARATOR + df["reference"])


def disclosure_tables(raw: Path) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """The FOI tables, with working days and response times, and the rejections."""
    tables, rejections = read_disclosures(raw / "disclosures", raw)
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


def assemble(raw: Path | None = None) -> BuildResult:
    """Every table, validated, with the rejections, in memory (nothing written)."""
    raw = Path(raw or config.RAW)
    tables, rejections = disclosure_tables(raw)
    grid_tables, grid_rejections = grids.build_tables(raw / "grids", blue_list=tables["blue_list"])
    rejections += grid_rejections
    tables.update(grid_tables)
    validated = {}
    for name, df in tables.items():
        keys = SORT_KEYS.get(name)
        if keys:
            df = df.sort_values(keys, kind="stable", na_position="first", key=_natural).reset_index(drop=True)
        validated[name], bad = schemas.validate(name, df, source="build")
        rejections += bad
    validated["rejected"] = schemas.SCHEMAS["rejected"].validate(
        quarantine.frame(rejections).reset_index(drop=True))
    return BuildResult(validated, rejections)


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")


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


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temporary file and rename; False if unchanged."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private (0600); the tables are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write(result: BuildResult, out: Path | None = None) -> list[Path]:
    out = Path(out or config.PROCESSED)
    # Render everything first, so a failure while rendering writes nothing at all.
    files = {f"{name}.csv": _csv_bytes(df) for name, df in result.tables.items()}
    files["data_dictionary.csv"] = _csv_bytes(data_dictionary(result.tables))
    files["data_dictionary.md"] = data_dictionary_markdown(result.tables).encode("utf-8")
    files["datapackage.json"] = datapackage.render(list(result.tables))
    written = []
    for name in sorted(files):
        if write_atomic(out / name, files[name]):
            written.append(out / name)
    result.written = written
    return written


def build(raw: Path | None = None, out: Path | None = None) -> BuildResult:
    result = assemble(raw)
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


def main(check_only: bool = False, raw: Path | None = None, out: Path | None = None) -> int:
    for warning in raw_warnings(Path(raw or config.RAW)):
        print(warning, file=sys.stderr)
    before = {} if check_only else row_counts(Path(out or config.PROCESSED))
    result = assemble(raw) if check_only else build(raw, out)
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
