"""What the build set aside: the ``data_quality`` section of findings.json, the summary notebook and
index.html all state it, so a report never looks cleaner than the data it ran on."""

from __future__ import annotations

import pandas as pd

from .display import listed
from .selection import load
from ..config import DEFAULT_CONFIDENCE
from ..grids import overlaps
from ..records.quarantine import SET_ASIDE, WHOLE_FILE
SHOWN = 20  # rejected values listed one by one; the rest are counted
FILES_SHOWN = 10  # files named in the first sentence (the banner of every page); the rest are counted


def _file(source: str) -> str:
    """'disclosures/x.yaml record 3' or 'grids/g.pdf: page 2' or 'build source_file=g.pdf' -> the file."""
    source = source.split("source_file=")[-1] if "source_file=" in source else source
    return source.split(":")[0].split(" ")[0]


def data_quality(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    """Independent of the parameters: a rejection anywhere concerns every figure's denominator."""
    rejected = load("rejected")
    files = rejected["source"].map(_file) if len(rejected) else pd.Series(dtype="string")
    return {
        "status": "clean" if rejected.empty else "values rejected",
        "build_exit_status": 0 if rejected.empty else 1,  # the build exits non-zero exactly when it rejects
        "rejected": len(rejected),
        "by_file": {f: int(n) for f, n in files.value_counts().sort_index().items()},
        "by_reason": {r: int(n) for r, n in rejected["reason"].value_counts().sort_index().items()},
        # files none of whose values are counted (a problem in a request-level field, or an unreadable file)
        "files_set_aside": sorted(files.loc[rejected["reason"].str.endswith(SET_ASIDE)
                                            | rejected["field"].eq(WHOLE_FILE)].unique().tolist()) if len(rejected) else [],
        "rows": [{k: r[k] for k in ("source", "field", "value", "reason")}
                 for r in rejected.head(SHOWN).to_dict("records")],
        # Nothing rejected, yet counted twice: a grid saved again under another name (the build warns too)
        "grids_counted_twice": [overlaps.sentence(o) for o in overlaps.shared_deployments(load("deployments"))],
    }


def describe_data_quality(f: dict) -> list[str]:
    twice = counted_twice(f)
    if not f["rejected"]:
        # said in words: a reader is not told the build's exit status (findings.json keeps it)
        return ["**Data quality**: the build rejected nothing; every record and grid row was read and validated."] + twice
    ordered = sorted(f["by_file"].items(), key=lambda kv: (-kv[1], kv[0]))  # the most rejections first
    files = "; ".join(f"{name}: {n}" for name, n in ordered[:FILES_SHOWN])
    if len(ordered) > FILES_SHOWN:  # every page carries this sentence: the rest are counted, not listed
        rest = ordered[FILES_SHOWN:]
        files += f"; and {len(rest)} other files: {sum(n for _, n in rest)}"
    values = f"**{f['rejected']}** value{'' if f['rejected'] == 1 else 's'}"
    aside = f.get("files_set_aside", [])
    if aside:
        whole = (f"**{len(aside)}** file{' was' if len(aside) == 1 else 's were'} set aside whole, so none of "
                 f"{'its' if len(aside) == 1 else 'their'} figures are counted ({listed(aside)}); every other value "
                 "not rejected was still built")
    else:
        whole = "every value not rejected was still built, so the figures leave out only what is listed here"
    lines = [f"**Data quality**: the build rejected {values}; {whole}. "
             f"By file: {files}."]
    lines += [f"{r['source']}: {r['field']} = '{r['value']}': {r['reason']}." for r in f["rows"]]
    if f["rejected"] > len(f["rows"]):
        lines.append(f"... and {f['rejected'] - len(f['rows'])} more (data/processed/rejected.csv).")
    return lines + twice


def counted_twice(f: dict) -> list[str]:
    """The sentence for grids listing the same deployments (``grids.overlaps``), or none."""
    return [f"**Counted twice**: {s}." for s in f.get("grids_counted_twice", [])]
