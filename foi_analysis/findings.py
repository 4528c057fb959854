"""The headline numbers, computed once from the tidy tables.

The notebooks print them, the summary notebook gathers them and the report writes them to
findings.json, all through these functions, so no finding is ever typed in by hand. Each section
takes the notebooks' parameters and returns plain JSON-ready values; ``describe`` turns a section
into sentences that cite the documents the numbers rest on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import stats
from .config import DEFAULT_CONFIDENCE
from .selection import Selection

DEFAULTS = {"authority": "", "start": "", "end": "", "confidence": DEFAULT_CONFIDENCE}
GROUNDS_STAGES = ("response", "internal_review")  # a ground only "under consideration" is not relied on
TARGET_TRUE_RATE = 0.9  # the blue-list question: how many passes before 100% rules out < 90%?


def _plain(value):
    """numpy/pandas scalars -> JSON-ready Python values (dates as ISO strings, missing as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if np.isnan(value) else float(value)
    return value


def section_key(section: str) -> tuple[int, str]:
    """FOIA sections in statute order: 22 < 22A < 31 < 84."""
    return int("".join(ch for ch in section if ch.isdigit())), section


def pct(fraction: float | None, digits: int = 1) -> str:
    return "n/a" if fraction is None else f"{100 * fraction:.{digits}f}%"


def _refs(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["reference"].unique().tolist())


# --- blue list -----------------------------------------------------------------------------------

def blue_list(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    blue = Selection(authority, start, end).blue_list()
    n_rows = len(blue)
    one_lower, _ = stats.clopper_pearson(1, 1, confidence)
    _, one_upper = stats.clopper_pearson(0, 1, confidence)
    pooled_lower = stats.clopper_pearson(n_rows, n_rows, confidence)[0] if n_rows else None
    return {
        "references": _refs(blue),
        "rows": n_rows,
        "dates": int(blue["deployment_date"].nunique()),
        "rows_true_100": int((blue["true_alert_rate"] == 1).sum()),
        "rows_false_0": int((blue["false_alert_rate"] == 0).sum()),
        "rows_with_passes": int(blue["n_tests"].notna().sum()),
        "one_pass_true_lower": _plain(one_lower),
        "one_pass_false_upper": _plain(one_upper),
        "pooled_true_lower": _plain(pooled_lower),
        "passes_needed_for_90": stats.passes_needed(TARGET_TRUE_RATE, confidence),
        "confidence": confidence,
    }


def _describe_blue_list(f: dict) -> list[str]:
    if not f["rows"]:
        return ["No blue-list rows fall in the selection."]
    c = pct(f["confidence"], 0)
    refs = ", ".join(f["references"])
    return [
        f"{f['rows']} blue-list rows over {f['dates']} deployment dates were disclosed ({refs}): "
        f"{f['rows_true_100']} read 100% true and {f['rows_false_0']} read 0% false; "
        f"{f['rows_with_passes']} of {f['rows']} say how many passes the rate rests on.",
        f"If a row rests on a single pass, 100% true is consistent ({c} exact interval) with a true alert "
        f"rate as low as {pct(f['one_pass_true_lower'])}, and 0% false with a false alert rate as high as "
        f"{pct(f['one_pass_false_upper'])}.",
        f"Even counting every row as one pass, {f['rows']} of {f['rows']} rules out only a true alert rate "
        f"below {pct(f['pooled_true_lower'])}; it takes {f['passes_needed_for_90']} passes without a miss "
        f"to rule out a rate below {pct(TARGET_TRUE_RATE, 0)} ({c}, exact).",
    ]


# --- exemptions ----------------------------------------------------------------------------------

def grounds(selection: Selection) -> pd.DataFrame:
    """One row per (request, section) relied on, with its kind: absolute, qualified or procedural."""
    ex = selection.of_requests("exemptions")
    ex = ex.loc[ex["stage"].isin(GROUNDS_STAGES)]
    req = selection.requests()[["reference", "authority"]]
    kind = np.where(ex["procedural"], "procedural", np.where(ex["absolute"].fillna(False), "absolute", "qualified"))
    pairs = (ex.assign(kind=kind)
             .groupby(["reference", "section"], as_index=False)
             .agg(name=("name", "first"), kind=("kind", "min"), ncnd=("ncnd", "any")))
    # min() over the kinds puts "absolute" before "qualified": a section cited under both counts as absolute
    return pairs.merge(req, on="reference", how="left")


def exemptions(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    req = selection.requests()
    pairs = grounds(selection)
    by_section = pairs.groupby("section")["reference"].nunique()
    order = sorted(by_section.index, key=lambda s: (-by_section[s], section_key(s)))
    top = order[0] if order else None
    ex = selection.of_requests("exemptions")
    ncnd = ex.loc[ex["ncnd"].fillna(False) & ex["stage"].isin(GROUNDS_STAGES)]
    return {
        "references": _refs(req),
        "requests": len(req),
        "requests_citing_grounds": int(pairs["reference"].nunique()),
        "sections_by_requests": {s: int(by_section[s]) for s in order},
        "most_cited_section": top,
        "most_cited_name": pairs.loc[pairs["section"] == top, "name"].iloc[0] if top else None,
        "most_cited_requests": int(by_section[top]) if top else 0,
        "most_cited_references": sorted(pairs.loc[pairs["section"] == top, "reference"].tolist()) if top else [],
        "pairs_by_kind": {k: int(v) for k, v in pairs["kind"].value_counts().sort_index().items()},
        "ncnd_references": _refs(ncnd),
        "ncnd_citations": sorted(ncnd["citation"].unique().tolist(), key=lambda c: (section_key(c.split("(")[0]), c)),
        "requests_by_authority": {a: int(n) for a, n in req["authority"].value_counts().sort_index().items()},
    }


def _describe_exemptions(f: dict) -> list[str]:
    if not f["requests"]:
        return ["No requests fall in the selection."]
    kinds = f["pairs_by_kind"]
    authorities = "; ".join(f"{a}: {n}" for a, n in f["requests_by_authority"].items())
    lines = [
        f"{f['requests_citing_grounds']} of {f['requests']} requests rely on at least one section "
        f"({', '.join(f['references'])}; by authority: {authorities}).",
    ]
    if f["most_cited_section"]:
        lines.append(
            f"Section {f['most_cited_section']} ({f['most_cited_name']}) is the most cited: "
            f"{f['most_cited_requests']} of {f['requests']} requests ({', '.join(f['most_cited_references'])}).")
    lines.append(
        f"Counting each section once per request: {kinds.get('qualified', 0)} qualified (public interest test), "
        f"{kinds.get('absolute', 0)} absolute and {kinds.get('procedural', 0)} procedural grounds.")
    if f["ncnd_references"]:
        lines.append(f"Neither confirm nor deny was used in {', '.join(f['ncnd_references'])}, "
                     f"citing {', '.join(f['ncnd_citations'])}.")
    else:
        lines.append("No request in the selection answers neither confirm nor deny.")
    return lines


# --- response times ------------------------------------------------------------------------------

def response_times(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    rt = selection.of_requests("response_times")
    events = selection.of_requests("events")
    dated = rt.loc[rt["date_received"].notna()]
    last = events.groupby("reference").agg(last_event=("event", "last"), last_wd=("working_day", "max"))
    rows = []
    for r in dated.sort_values("reference").itertuples(index=False):
        row = {k: _plain(getattr(r, k)) for k in (
            "reference", "date_received", "deadline_20wd", "first_reply_event", "first_reply_wd", "in_20wd",
            "s17_notice_wd", "s17_in_time", "extension_estimate_wd", "extension_beyond_40wd",
            "response_wd", "over_40wd", "over_40wd_basis")}
        row["last_event_wd"] = _plain(last["last_wd"].get(r.reference)) if r.reference in last.index else None
        rows.append(row)
    return {
        "references": _refs(rt),
        "requests": len(rt),
        "dated": len(dated),
        "s17_in_time": int(dated["s17_in_time"].fillna(False).sum()),
        "extension_beyond_40wd": int(dated["extension_beyond_40wd"].fillna(False).sum()),
        "over_40wd": int(dated["over_40wd"].fillna(False).sum()),
        "response_date_printed": int(rt["date_responded"].notna().sum()),
        "timelines": rows,
    }


def _describe_response_times(f: dict) -> list[str]:
    if not f["requests"]:
        return ["No requests fall in the selection."]
    lines = [f"Only {f['dated']} of {f['requests']} requests print a receipt date, and "
             f"{f['response_date_printed']} print the date of the final response: the rest cannot be timed."]
    for r in f["timelines"]:
        line = f"{r['reference']}: received {r['date_received']}, due {r['deadline_20wd']} (working day 20)"
        if r["s17_notice_wd"] is not None:
            timing = "within" if r["s17_in_time"] else "outside"
            line += f"; the s17 notice came on working day {r['s17_notice_wd']}, {timing} the 20-day limit"
        if r["extension_estimate_wd"] is not None:
            beyond = "beyond" if r["extension_beyond_40wd"] else "within"
            line += f"; it set a decision date on working day {r['extension_estimate_wd']}, {beyond} the ICO's 40"
        if r["over_40wd"]:
            line += f"; over 40 working days: {r['over_40wd_basis']}"
        lines.append(line + ".")
    return lines


SECTIONS = {
    "blue_list": blue_list,
    "exemptions": exemptions,
    "response_times": response_times,
}
_DESCRIBE = {
    "blue_list": _describe_blue_list,
    "exemptions": _describe_exemptions,
    "response_times": _describe_response_times,
}


def describe(section: str, numbers: dict) -> list[str]:
    """The section's findings as sentences, each naming the documents it rests on."""
    return _DESCRIBE[section](numbers)


def compute_all(**parameters) -> dict:
    return {name: compute(**parameters) for name, compute in SECTIONS.items()}
