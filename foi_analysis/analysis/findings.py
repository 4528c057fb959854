"""The headline numbers, computed once from the tidy tables.

The notebooks print them, the summary notebook gathers them and the report writes them to
findings.json, all through these functions, so no finding is ever typed in by hand. Each section
takes the notebooks' parameters and returns plain JSON-ready values; ``describe`` turns a section
into sentences that cite the documents the numbers rest on.
"""

from __future__ import annotations

import copy
import datetime as dt

import numpy as np
import pandas as pd

from . import stats
from .grid_analyses import counted, dispersion
from ..foia.exemptions import CATALOGUES, section_key
from ..config import DEFAULT_CONFIDENCE
from .display import LISTED, check_label, day, days, event_words, interval, listed, markdown_values, one_in, percent  # noqa: F401 (listed: notebooks call findings.listed)
from .defaults import DEFAULTS  # noqa: F401 - the sections' parameters, read here by notebooks and tests
from .selection import GRID_AUTHORITY, Selection, files_state, load

GROUNDS_STAGES = ("response", "internal_review")  # a ground only "under consideration" is not relied on
TARGET_TRUE_RATE = 0.9  # the blue-list question: how many passes before 100% rules out < 90%?


def _plain(value):
    """numpy/pandas scalars -> JSON-ready Python values (dates as ISO strings, missing as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):  # a day read from a document (a grid PDF's edition)
        return value.isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        # 12 decimals: drops float noise (0.025000000000000022) far below any printed precision
        return None if np.isnan(value) else round(float(value), 12)
    return value


def pct(fraction: float | None, digits: int = 1) -> str:
    return "n/a" if fraction is None else f"{100 * fraction:.{digits}f}%"


REQUEST = ["authority", "reference"]  # a request's identity: two authorities may use the same reference


def labels(frame: pd.DataFrame, requests: pd.DataFrame) -> pd.Series:
    """Each row's request as a sentence names it: its reference, followed by its authority when another
    authority in ``requests`` uses the same reference ("FOI-506 (Essex Police)")."""
    shared = requests.groupby("reference")["authority"].nunique()
    shared = set(shared.index[shared > 1])
    if frame.empty:
        return pd.Series([], dtype=object, index=frame.index)
    return pd.Series([f"{r} ({a})" if r in shared else r for a, r in zip(frame["authority"], frame["reference"])],
                     index=frame.index, dtype=object)


def _labelled(frame: pd.DataFrame, requests: pd.DataFrame) -> list[str]:
    """The distinct requests in ``frame``, labelled (``labels``) and sorted."""
    return sorted(set(labels(frame.drop_duplicates(REQUEST), requests)))


def _counted(counts: dict[str, tuple[int, int]], others: str, limit: int = LISTED) -> str:
    """'A: 3 of 4; B: 1 of 1' (name: part of total), the largest totals first; past ``limit`` names,
    the rest summed ('and 30 other authorities: 41 of 57')."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[0]))
    shown = "; ".join(f"{k}: {part} of {total}" for k, (part, total) in ordered[:limit])
    rest = ordered[limit:]
    if not rest:
        return shown
    return shown + f"; and {len(rest)} {others}: {sum(v[0] for _, v in rest)} of {sum(v[1] for _, v in rest)}"


# --- blue list -----------------------------------------------------------------------------------

def cite(frame: pd.DataFrame) -> str:
    """'grid.pdf p. 1, 4' for the grid rows in ``frame`` (source_file and page columns)."""
    pages = frame.groupby("source_file")["page"].agg(lambda p: ", ".join(str(int(x)) for x in sorted(set(p))))
    return "; ".join(f"{source} p. {p}" for source, p in pages.items())


def grid_joined(selection: Selection, name: str) -> pd.DataFrame:
    """``blue_list_deployments`` or ``blue_list_missing`` for the selected requests of the grids'
    publisher only: the grids are the Met's, and another body's blue-list dates say nothing about
    the Met's deployments on those days (the build joins them by date alone). Each row carries its
    deployment's grid ``page`` (missing for a row paired with none), so a table cites file and page."""
    date = "deployment_date" if name == "blue_list_deployments" else "date"
    frame = selection.of_requests(name, date)
    req = selection.requests()
    grid_refs = req.loc[req["authority"] == GRID_AUTHORITY, "reference"]
    frame = frame.loc[frame["reference"].isin(grid_refs)].reset_index(drop=True)
    pages = load("deployments")[["deployment_id", "page"]]
    return frame.merge(pages, on="deployment_id", how="left")


def blue_list_row_labels(blue: pd.DataFrame, joined: pd.DataFrame) -> list[str]:
    """A label for each blue-list row (``Selection.blue_list()``, in its order) saying which grid
    deployment it pairs with (``grid_joined(..., "blue_list_deployments")``): the place when one
    deployment that day, "one of N deployments" when several, "no deployment", or "not the Met's: no
    grid" when the row is another body's. A row is (reference, row): each disclosure numbers its rows
    from 1. With several disclosures, each label opens with its reference."""
    pairing = joined.groupby(["reference", "row"]).agg(match=("match", "first"), deployments=("deployment_id", "nunique"),
                                                       location=("location", "first"))
    pairing = pairing.reindex(pd.MultiIndex.from_frame(blue[["reference", "row"]]))
    where = ["not the Met's: no grid" if pd.isna(p.match) else p.location if p.match == "one-to-one"
             else f"one of {int(p.deployments)} deployments" if p.deployments else "no deployment"
             for p in pairing.itertuples()]
    named = blue["reference"].nunique() > 1
    return [(f"{ref} " if named else "") + f"{day(d, short=True)} row {r}: {w}"
            for ref, d, r, w in zip(blue["reference"], blue["deployment_date"], blue["row"], where)]


def blue_list(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    blue = selection.blue_list()
    n_rows = len(blue)
    joined = grid_joined(selection, "blue_list_deployments")
    matched = joined.loc[joined["deployment_id"].notna()]
    grid = selection.deployments()
    grid_rows = grid.loc[grid["deployment_id"].isin(matched["deployment_id"])]
    missing = grid_joined(selection, "blue_list_missing")
    rows_by_match = joined.drop_duplicates(["reference", "row"])["match"].value_counts()
    one_lower, _ = stats.clopper_pearson(1, 1, confidence)
    _, one_upper = stats.clopper_pearson(0, 1, confidence)
    # Rows without their number of passes that read 100% true: counted as one pass each, the most they
    # can be said to rest on. Rows that print their passes: pooled, k = rate x passes.
    bare = blue.loc[blue["n_tests"].isna()]
    bare_100 = int((bare["true_alert_rate"] == 1).sum())
    pooled_lower = stats.clopper_pearson(bare_100, bare_100, confidence)[0] if bare_100 else None
    counted = blue.loc[blue["n_tests"].notna()]
    passes = int(counted["n_tests"].sum())
    true_k = int((counted["true_alert_rate"].astype(float) * counted["n_tests"].astype(float)).round().sum())
    false_k = int((counted["false_alert_rate"].astype(float) * counted["n_tests"].astype(float)).round().sum())
    true_ci = stats.clopper_pearson(true_k, passes, confidence) if passes else (None, None)
    false_ci = stats.clopper_pearson(false_k, passes, confidence) if passes else (None, None)
    other = blue.loc[~blue["authority"].eq(GRID_AUTHORITY)]
    return {
        "references": _labelled(blue, selection.requests()),
        "rows": n_rows,
        "dates": int(blue["deployment_date"].nunique()),
        "rows_true_100": int((blue["true_alert_rate"] == 1).sum()),
        "rows_false_0": int((blue["false_alert_rate"] == 0).sum()),
        "rows_with_passes": int(blue["n_tests"].notna().sum()),
        "one_pass_true_lower": _plain(one_lower),
        "one_pass_false_upper": _plain(one_upper),
        "rows_without_passes_true_100": bare_100,
        "pooled_true_lower": _plain(pooled_lower),
        "passes": passes,
        "passes_true": true_k,
        "passes_false": false_k,
        "passes_true_lower": _plain(true_ci[0]),
        "passes_true_upper": _plain(true_ci[1]),
        "passes_false_lower": _plain(false_ci[0]),
        "passes_false_upper": _plain(false_ci[1]),
        "passes_needed_for_90": stats.passes_needed(TARGET_TRUE_RATE, confidence),
        "confidence": confidence,
        "other_authority_rows": len(other),
        "other_authority_references": _labelled(other, selection.requests()),
        "dates_with_deployments": int(matched["deployment_date"].nunique()),
        "deployments_on_blue_dates": int(matched["deployment_id"].nunique()),
        "rows_by_match": {m: int(n) for m, n in rows_by_match.sort_index().items()},
        "blue_grid_pages": cite(grid_rows) if len(grid_rows) else None,
        "deployments_without_result": [
            {"date": _plain(m.date), "location": m.location, "deployment_id": m.deployment_id,
             "cited": f"{m.source_file} p. {int(m.page)}"}
            for m in missing.sort_values(["date", "deployment_id"]).itertuples()],
    }


def _describe_blue_list(f: dict) -> list[str]:
    if not f["rows"]:
        return ["No blue-list rows fall in the selection."]
    # rates with two significant digits, as the page's table of n passes prints them ('98%', not '97.5%')
    c = pct(f["confidence"], 0)
    refs = listed(f["references"])
    lines = [
        f"{f['rows']} blue-list rows over {f['dates']} deployment dates were disclosed ({refs}): "
        f"{f['rows_true_100']} read 100% true and {f['rows_false_0']} read 0% false; "
        f"{f['rows_with_passes']} of {f['rows']} say how many passes the rate rests on.",
    ]
    if f["rows_with_passes"] < f["rows"]:
        lines.append(
            f"If a row rests on a single pass, 100% true is consistent ({c} exact interval) with a true alert "
            f"rate as low as {percent(f['one_pass_true_lower'])}, and 0% false with a false alert rate as high as "
            f"{percent(f['one_pass_false_upper'])}.")
    m = f["rows_without_passes_true_100"]
    if m:
        which = "every row" if m == f["rows"] else f"each of the {m} rows that read 100% true without their passes"
        lines.append(
            f"Even counting {which} as one pass, {m} of {m} rules out only a true alert rate "
            f"below {percent(f['pooled_true_lower'])}; it takes {f['passes_needed_for_90']} passes without a miss "
            f"to rule out a rate below {percent(TARGET_TRUE_RATE)} ({c}, exact).")
    if f["passes"]:
        lines.append(
            f"The {f['rows_with_passes']} rows that print their passes add up to {f['passes_true']} true and "
            f"{f['passes_false']} false alerts in {f['passes']} passes: a true alert rate of "
            f"{percent(f['passes_true'] / f['passes'])} ({c} exact interval {percent(f['passes_true_lower'])} to "
            f"{percent(f['passes_true_upper'])}) and a false alert rate of {percent(f['passes_false'] / f['passes'])} "
            f"({percent(f['passes_false_lower'])} to {percent(f['passes_false_upper'])}).")
    if f["other_authority_rows"]:
        lines.append(
            f"{f['other_authority_rows']} rows come from other authorities than the Met "
            f"({listed(f['other_authority_references'])}): the grids are the Met's, so they are not paired with its deployments.")
    if f["blue_grid_pages"]:
        by_match = f["rows_by_match"]
        lines.append(
            f"The Met's blue-list dates ({f['dates_with_deployments']} with a deployment) match "
            f"{f['deployments_on_blue_dates']} deployments in the grids "
            f"({f['blue_grid_pages']}): {by_match.get('one-to-one', 0)} rows pair with a single deployment; "
            f"{by_match.get('ambiguous', 0)} share a date with several and cannot be paired, because the "
            f"disclosure prints only dates; {by_match.get('no deployment', 0)} match no deployment.")
    for m in f["deployments_without_result"]:
        lines.append(f"Inside the blue-list period, the deployment at {m['location']} on {day(m['date'])} "
                     f"({m['cited']}) has no blue-list result.")
    return lines


# --- exemptions ----------------------------------------------------------------------------------

# Advice and assistance (FOIA s16, FOISA s15, EIR reg 9) is cited beside a refusal; it is no ground.
ADVICE_NAMES = sorted({info.name for catalogue in CATALOGUES.values() for info in catalogue.values() if info.kind == "advice"})


# The kinds of ground, in one order for every chart legend, table and sentence that shows them: the
# Act's exemptions by how they are weighed (absolute: no public interest test, s2(3); qualified: one),
# then the procedural grounds, which are not exemptions at all.
KINDS = ("absolute", "qualified", "procedural")


def grounds(selection: Selection) -> pd.DataFrame:
    """One row per (request, section) relied on, with its kind: absolute, qualified or procedural."""
    ex = selection.of_requests("exemptions")
    ex = ex.loc[ex["stage"].isin(GROUNDS_STAGES) & ~ex["name"].isin(ADVICE_NAMES)]
    # The same number is another ground in another law (FOISA s35 is law enforcement): named with its law.
    ex = ex.assign(section=ex["section"].where(ex["law"] == "FOIA", ex["law"] + " " + ex["section"]))
    kind = np.where(ex["procedural"], "procedural", np.where(ex["absolute"].fillna(False), "absolute", "qualified"))
    # min() over the kinds puts "absolute" before "qualified": a section cited under both counts as absolute
    return (ex.assign(kind=kind)
            .groupby(["reference", "authority", "section"], as_index=False)
            .agg(name=("name", "first"), kind=("kind", "min"), ncnd=("ncnd", "any")))


def kinds_by_authority(pairs: pd.DataFrame) -> pd.DataFrame:
    """Request-section pairs (``grounds``) per authority (index) and kind (columns, in ``KINDS`` order;
    a kind no pair has is left out)."""
    table = pd.crosstab(pairs["authority"], pairs["kind"])
    return table[[k for k in KINDS if k in table.columns]]


def section_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Requests relying on each section (``pairs`` from ``grounds``: one row per request and section),
    the most first, ties in statute order; with the section's name, kind and a label for charts."""
    counts = (pairs.groupby("section")
              .agg(name=("name", "first"), kind=("kind", "first"), requests=("reference", "size"))
              .reset_index())
    shown = counts["section"].where(~counts["section"].str[0].str.isdigit(), "s" + counts["section"])
    counts = counts.assign(label=shown + " " + counts["name"], order=counts["section"].map(section_key))
    return counts.sort_values(["requests", "order"], ascending=[False, True]).reset_index(drop=True)


OUTCOME_WORDS = {"disclosed": "disclosed", "partially_disclosed": "partially disclosed", "refused": "refused",
                 "ncnd": "neither confirmed nor denied", "not_held": "not held", "pending": "still awaiting a response",
                 "withdrawn": "withdrawn", "transferred": "transferred to another body",
                 "clarification_requested": "answered with a request for clarification"}


def exemptions(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    req = selection.requests()
    pairs = grounds(selection)
    pairs = pairs.assign(label=labels(pairs, req))
    by_section = pairs.groupby("section")["label"].nunique()
    order = sorted(by_section.index, key=lambda s: (-by_section[s], section_key(s)))
    top = order[0] if order else None
    tied = [s for s in order if by_section[s] == by_section[top]] if top else []
    ex = selection.of_requests("exemptions")
    ncnd = ex.loc[ex["ncnd"].fillna(False) & ex["stage"].isin(GROUNDS_STAGES)]
    # Named with their law when it is not FOIA ("FOISA 18(1)"), as grounds() names the sections.
    ncnd_citations = ncnd["citation"].where(ncnd["law"] == "FOIA", ncnd["law"] + " " + ncnd["citation"])
    citing = pairs.drop_duplicates(REQUEST)
    per_authority = req["authority"].value_counts()
    citing_per_authority = citing["authority"].value_counts()
    return {
        "references": _labelled(req, req),
        "requests": len(req),
        "authorities": int(req["authority"].nunique()),
        "requests_citing_grounds": len(citing),
        "citing_references": sorted(citing["label"].tolist()),
        "sections_by_requests": {s: int(by_section[s]) for s in order},
        "most_cited_section": top,
        "most_cited_name": pairs.loc[pairs["section"] == top, "name"].iloc[0] if top else None,
        "most_cited_requests": int(by_section[top]) if top else 0,
        "most_cited_references": sorted(pairs.loc[pairs["section"] == top, "label"].tolist()) if top else [],
        # every section cited by as many requests as the most cited one (ties are reported as ties)
        "most_cited_tied": [{"section": s, "name": pairs.loc[pairs["section"] == s, "name"].iloc[0]} for s in tied],
        "pairs_by_kind": {k: int(v) for k, v in pairs["kind"].value_counts().sort_index().items()},
        "ncnd_references": _labelled(ncnd, req),
        "ncnd_citations": sorted(ncnd_citations.unique().tolist(), key=lambda c: (section_key(c.split("(")[0]), c)),
        "requests_by_authority": {a: int(n) for a, n in per_authority.sort_index().items()},
        "citing_by_authority": {a: int(citing_per_authority.get(a, 0)) for a in sorted(per_authority.index)},
        "requests_by_outcome": {o: int(n) for o, n in req["outcome"].value_counts().sort_index().items()},
    }


def _describe_exemptions(f: dict) -> list[str]:
    if not f["requests"]:
        return ["No requests fall in the selection."]
    kinds = f["pairs_by_kind"]
    n = f["requests"]
    by_authority = {a: (f["citing_by_authority"][a], total) for a, total in f["requests_by_authority"].items()}
    citing = f"{listed(f['citing_references'])}; " if f["requests_citing_grounds"] else ""
    lines = [
        f"{f['requests_citing_grounds']} of {n} requests rely on at least one section "
        f"({citing}by authority: {_counted(by_authority, 'other authorities')}).",
    ]
    outcomes = ", ".join(f"{f['requests_by_outcome'][o]} {OUTCOME_WORDS.get(o, o)}"
                         for o in OUTCOME_WORDS if o in f["requests_by_outcome"])
    lines.append(f"Outcomes of the {n} requests: {outcomes}.")
    tied = f["most_cited_tied"]
    if len(tied) == 1:
        lines.append(
            f"Section {f['most_cited_section']} ({f['most_cited_name']}) is the most cited: "
            f"{f['most_cited_requests']} of {n} requests ({listed(f['most_cited_references'])}).")
    elif tied:
        names = listed([f"{t['section']} ({t['name']})" for t in tied])
        lines.append(f"{len(tied)} sections tie as the most cited, each relied on by "
                     f"{f['most_cited_requests']} of {n} requests: {names}.")
    lines.append(
        f"Counting each section once per request: {kinds.get('absolute', 0)} absolute (no public interest test), "
        f"{kinds.get('qualified', 0)} qualified (a public interest test) and {kinds.get('procedural', 0)} procedural "
        + ("ground (not an exemption)." if kinds.get("procedural", 0) == 1 else "grounds (not exemptions)."))
    if f["ncnd_references"]:
        # a FOIA citation as the pages name sections ("s24(2)"); another law's keeps its name ("FOISA 18(1)")
        cited = [c if not c[:1].isdigit() else f"s{c}" for c in f["ncnd_citations"]]
        lines.append(f"Neither confirm nor deny was used in {listed(f['ncnd_references'])}, citing "
                     f"{', '.join(cited[:-1]) + ' and ' if len(cited) > 1 else ''}{cited[-1]}.")
    else:
        lines.append("No request in the selection answers neither confirm nor deny.")
    return lines


# --- response times ------------------------------------------------------------------------------

def response_times(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    req = selection.requests()
    rt = selection.of_requests("response_times")
    rt = rt.assign(label=labels(rt, req))
    events = selection.of_requests("events")
    dated = rt.loc[rt["date_received"].notna()]
    last = events.groupby(REQUEST)["working_day"].max()
    answered = dated.loc[dated["response_wd"].notna()]
    rows = []
    for r in dated.sort_values(["reference", "authority"]).itertuples(index=False):
        row = {k: _plain(getattr(r, k)) for k in (
            "reference", "authority", "date_received", "deadline_20wd", "first_reply_event", "first_reply_wd", "in_20wd",
            "s17_notice_wd", "s17_in_time", "extension_estimate_wd", "extension_beyond_40wd",
            "response_wd", "over_40wd", "over_40wd_basis")}
        row["label"] = r.label
        row["last_event_wd"] = _plain(last.get((r.authority, r.reference)))
        rows.append(row)
    return {
        "references": _labelled(rt, req),
        "requests": len(rt),
        "dated": len(dated),
        "s17_notices": int(dated["s17_notice_wd"].notna().sum()),
        "s17_in_time": int(dated["s17_in_time"].fillna(False).sum()),
        "extension_beyond_40wd": int(dated["extension_beyond_40wd"].fillna(False).sum()),
        "over_40wd": int(dated["over_40wd"].fillna(False).sum()),
        "response_date_printed": int(rt["date_responded"].notna().sum()),
        "answered": len(answered),
        "answered_in_20wd": int((answered["response_wd"] <= 20).sum()),
        "first_reply_in_20wd": int(dated["in_20wd"].fillna(False).sum()),
        "timelines": rows,
    }


def _prints(n: int) -> str:
    """The verb after "1 of 5 requests" is singular; after any other count, plural."""
    return "prints" if n == 1 else "print"


TIMELINES_SHOWN = 20  # requests described one by one; past it, the most recently received


def _describe_response_times(f: dict) -> list[str]:
    if not f["requests"]:
        return ["No requests fall in the selection."]
    untimed = "" if f["dated"] == f["requests"] else ": the rest cannot be timed"
    lines = [f"{f['dated']} of {f['requests']} requests {_prints(f['dated'])} a receipt date, and "
             f"{f['response_date_printed']} {_prints(f['response_date_printed'])} the date of the final response{untimed}."]
    if f["answered"]:
        a = f["answered"]
        lines.append(f"Of the {a} requests that print both, **{f['answered_in_20wd']}** were answered within 20 working "
                     f"days and **{a - f['answered_in_20wd']}** later; {f['over_40wd']} of the {f['dated']} dated requests "
                     f"took more than 40 working days (a final response after day 40, or none yet at a later event).")
    if f["s17_notices"]:
        lines.append(f"s17 notices (a refusal, or an extension to consider the public interest) within 20 working "
                     f"days: {f['s17_in_time']} of the {f['s17_notices']} dated "
                     f"request{'' if f['s17_notices'] == 1 else 's'} that had one.")
    timelines = f["timelines"]
    if len(timelines) > TIMELINES_SHOWN:
        timelines = sorted(timelines, key=lambda r: (r["date_received"], r["label"]))[-TIMELINES_SHOWN:]
        lines.append(f"The {TIMELINES_SHOWN} most recently received of the {f['dated']} dated requests "
                     "(all of them: the response_times table):")
    for r in timelines:
        line = f"{r['label']}: received {day(r['date_received'])}, due {day(r['deadline_20wd'])} (working day 20)"
        if r["s17_notice_wd"] is not None:
            timing = "within" if r["s17_in_time"] else "outside"
            line += f"; the s17 notice came on working day {r['s17_notice_wd']}, {timing} the 20-day limit"
        if r["extension_estimate_wd"] is not None:
            beyond = "beyond" if r["extension_beyond_40wd"] else "within"
            line += (f"; it set a decision date on working day {r['extension_estimate_wd']}, {beyond} the 40 "
                     "working days the ICO (the regulator) accepts")
        if r["response_wd"] is not None:
            late = "within the 20-day limit" if r["response_wd"] <= 20 else "after working day 20"
            line += f"; answered on working day {r['response_wd']}, {late}"
        if r["over_40wd"]:
            line += f"; over 40 working days: {event_words(r['over_40wd_basis'])}"
        lines.append(line + ".")
    return lines


# --- deployments ---------------------------------------------------------------------------------


def per_deployment(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """False alerts per face seen for each deployment, with its exact interval (rate, lower, upper)."""
    return stats.rate_table(counted(deployments), "false_alerts", "faces_seen", confidence)


def with_total_alerts(deployments: pd.DataFrame) -> pd.DataFrame:
    """Deployments that print both false alerts and total alerts: the ones the share of alerts that
    were false can use."""
    return deployments.loc[deployments["false_alerts"].notna() & deployments["total_alerts"].notna()]


def per_period(deployments: pd.DataFrame, freq: str = "Y", confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """Totals per year ("Y") or month ("M"): counts, false alerts per face seen (rate, lower, upper) and
    the share of alerts that were false (false_share, share_lower, share_upper).

    Rates pool the deployments that print both numbers: a sum of false alerts over a sum of faces,
    never a mean of per-deployment rates.
    """
    period = deployments["date"].dt.to_period(freq).astype("string").rename("period")
    grouped = deployments.groupby(period, sort=True)
    out = pd.DataFrame({
        "deployments": grouped.size(),
        "with_results": grouped["status"].agg(lambda st: int((st == "ok").sum())),
        **{c: grouped[c].sum(min_count=1) for c in
           ("faces_seen", "total_alerts", "true_alerts", "false_alerts", "arrests", "arrests_or_disposals")},
    })
    both = counted(deployments)
    pooled = both.groupby(period.loc[both.index])[["false_alerts", "faces_seen"]].sum()
    pooled = stats.rate_table(pooled, "false_alerts", "faces_seen", confidence)
    alerted = with_total_alerts(deployments)
    share = alerted.groupby(period.loc[alerted.index])[["false_alerts", "total_alerts"]].sum()
    share = stats.rate_table(share, "false_alerts", "total_alerts", confidence)
    out = out.join(pooled[["rate", "lower", "upper"]]).join(
        share[["rate", "lower", "upper"]].rename(columns=lambda c: {"rate": "false_share"}.get(c, f"share_{c}")))
    return out.reset_index()


def threshold_changes(deployments: pd.DataFrame) -> pd.DataFrame:
    """Rows where the minimum threshold differs from the row printed before it (printed order, not
    date order: a row whose printed date is out of order is a typo to flag, not a change to date)."""
    printed = deployments.loc[deployments["threshold"].notna()].sort_values(["source_file", "page", "row"])
    previous = printed.groupby("source_file")["threshold"].shift()
    changes = printed.loc[previous.notna() & (printed["threshold"] != previous)]
    return changes.assign(previous=previous.loc[changes.index])


NOT_PRINTED = "not printed by that grid"


def _thousands(n) -> str:
    """12,345; a count the grid does not print says so instead of failing."""
    if n is None or n is pd.NA or (isinstance(n, float) and np.isnan(n)):
        return NOT_PRINTED
    return f"{int(n):,}"


def deployments(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    selection = Selection(authority, start, end)
    dep = selection.deployments()
    both = counted(dep)
    false, faces, alerts = (int(both[c].sum()) for c in ("false_alerts", "faces_seen", "total_alerts"))
    lower, upper = stats.clopper_pearson(false, faces, confidence) if faces else (None, None)
    # deployments vary more than faces drawn independently would: the exact interval on k/phi of n/phi
    phi = dispersion(dep)
    scale = max(phi or 1.0, 1.0)
    adj_lower, adj_upper = stats.clopper_pearson(false / scale, faces / scale, confidence) if faces else (None, None)
    # The share of alerts that were false pools the deployments printing both counts (a grid printing
    # true and false alerts with no total would otherwise add false alerts to no alert: round 10).
    alerted = with_total_alerts(dep)
    false_of_alerts, all_alerts = int(alerted["false_alerts"].sum()), int(alerted["total_alerts"].sum())
    share_lower, share_upper = (stats.clopper_pearson(false_of_alerts, all_alerts, confidence) if all_alerts
                                else (None, None))
    rates = per_deployment(dep, confidence)
    worst = rates.loc[rates["false_alerts"] > 0].sort_values(["rate", "deployment_id"], ascending=[False, True]).head(1)
    years = per_period(dep, "Y", confidence)
    months = per_period(dep, "M", confidence)
    busiest = months.sort_values(["deployments", "period"], ascending=[False, True]).head(1)
    changes = threshold_changes(dep)
    thresholds = dep.groupby("threshold").agg(deployments=("deployment_id", "size"), first=("date", "min"),
                                              last=("date", "max"))
    outcomes = dep.loc[dep["other_disposal"].notna() & dep["no_action"].notna()]
    anomalies = selection.deployments("deployment_anomalies")
    unfinished = dep.loc[dep["status"] != "ok"].sort_values("date")
    return {
        "sources": sorted(dep["source_file"].unique().tolist()),
        "deployments": len(dep),
        "with_results": int((dep["status"] == "ok").sum()),
        "counted": len(both),
        "without_results": [{"date": _plain(d.date), "location": d.location, "status": d.status,
                             "cited": f"{d.source_file} p. {int(d.page)}"} for d in unfinished.itertuples()],
        "first_date": _plain(dep["date"].min()) if len(dep) else None,
        "last_date": _plain(dep["date"].max()) if len(dep) else None,
        "faces_seen": faces,
        "total_alerts": alerts,
        "total_alerts_counted": int(both["total_alerts"].notna().sum()),
        "true_alerts": int(both["true_alerts"].sum()),
        "false_alerts": false,
        "false_alert_rate": _plain(false / faces) if faces else None,
        "false_alert_rate_lower": _plain(lower),
        "false_alert_rate_upper": _plain(upper),
        "dispersion": _plain(phi),
        "false_alert_rate_adj_lower": _plain(adj_lower),
        "false_alert_rate_adj_upper": _plain(adj_upper),
        "false_share": _plain(false_of_alerts / all_alerts) if all_alerts else None,
        "false_share_lower": _plain(share_lower),
        "false_share_upper": _plain(share_upper),
        "by_year": [{k: _plain(v) for k, v in row.items()} for row in years.to_dict("records")],
        "busiest_month": ({"month": busiest["period"].iloc[0], "deployments": int(busiest["deployments"].iloc[0])}
                          if len(busiest) else None),
        "highest_rate": ({k: _plain(worst[k].iloc[0]) for k in
                          ("deployment_id", "date", "location", "false_alerts", "faces_seen", "rate", "lower", "upper")}
                         | {"cited": cite(worst)} if len(worst) else None),
        "arrests": _plain(dep["arrests"].sum(min_count=1)),
        "arrests_deployments": int(dep["arrests"].notna().sum()),
        "arrests_cited": cite(dep.loc[dep["arrests"].notna() | dep["arrests_or_disposals"].notna()]),
        "arrests_or_disposals": _plain(dep["arrests_or_disposals"].sum(min_count=1)),
        "arrests_or_disposals_deployments": int(dep["arrests_or_disposals"].notna().sum()),
        "outcome_rows": len(outcomes),
        "other_disposal_equals_no_action": int((outcomes["other_disposal"] == outcomes["no_action"]).sum()),
        "thresholds": [{"threshold": _plain(t), "deployments": int(r.deployments), "first": _plain(r.first),
                        "last": _plain(r.last), "cited": cite(dep.loc[dep["threshold"] == t])}
                       for t, r in thresholds.iterrows()],
        "threshold_changes": [{"date": _plain(c.date), "from": _plain(c.previous), "to": _plain(c.threshold),
                               "location": c.location, "flags": _plain(c.flags),
                               "cited": f"{c.source_file} p. {int(c.page)}"}
                              for c in changes.itertuples()],
        "anomalies": {k: int(n) for k, n in anomalies["check"].value_counts().sort_index().items()},
        "confidence": confidence,
    }


def _rate(rate, lower, upper) -> str:
    """'**0.0051%** (0.0033% (1 in 30,000) to 0.0075% (1 in 13,000))': two significant digits, never
    e-notation; a bound below 0.1% with its 1 in N (display.small_percent)."""
    return f"**{percent(rate)}** ({interval(lower, upper)})"


def _describe_deployments(f: dict) -> list[str]:
    if not f["deployments"]:
        return ["No deployments fall in the selection."]
    c = pct(f["confidence"], 0)
    lines = [f"The grids ({', '.join(f['sources'])}) list **{f['deployments']}** deployments from {day(f['first_date'])} "
             f"to {day(f['last_date'])}; {f['with_results']} of them report results."]
    for d in f["without_results"]:
        lines.append(f"No results on {day(d['date'])} at {d['location']}: the grid prints '{d['status']}' ({d['cited']}).")
    if f["faces_seen"]:
        alerts = f"{_thousands(f['total_alerts'])} alerts"
        if f["total_alerts_counted"] < f["counted"]:  # (a grid may print no total of alerts: say over which rows)
            alerts += f" over the {_thousands(f['total_alerts_counted'])} of them that print a total,"
        lines.append(
            f"The {_thousands(f['counted'])} deployments that print both false alerts and faces seen report {_thousands(f['faces_seen'])} faces seen (the Met's estimate), {alerts} "
            f"and {_thousands(f['false_alerts'])} false alerts: {_rate(f['false_alert_rate'], f['false_alert_rate_lower'], f['false_alert_rate_upper'])} "
            f"of faces seen ({c} exact interval; {one_in(f['false_alert_rate'], 'faces seen') or 'none'}), and {_rate(f['false_share'], f['false_share_lower'], f['false_share_upper'])} of all alerts."
            + (f" Allowing for the spread between deployments (they vary {f['dispersion']:.1f} times as much as chance "
               f"alone allows), the rate per face seen has a dispersion-adjusted interval of {interval(f['false_alert_rate_adj_lower'], f['false_alert_rate_adj_upper'])}."
               if f.get("dispersion") and f["dispersion"] > 1 else ""))
    if f["highest_rate"]:
        h = f["highest_rate"]
        lines.append(f"The highest single-deployment rate is {h['location']} on {day(h['date'])}: {h['false_alerts']} false "
                     f"alerts in {_thousands(h['faces_seen'])} faces, {_rate(h['rate'], h['lower'], h['upper'])} "
                     f"({c} exact interval; {h['cited']}).")
    if f["thresholds"]:
        seen = ", ".join(f"{t['threshold']} on {t['deployments']} deployments ({days(t['first'], t['last'])}; {t['cited']})"
                         for t in f["thresholds"])
        lines.append(f"Minimum threshold settings printed: {seen}.")
        for ch in f["threshold_changes"]:
            flagged = f", a row flagged: {check_label(ch['flags'])}" if ch["flags"] else ""
            lines.append(f"In printed order the threshold changes from {ch['from']} to {ch['to']} at {ch['location']}, "
                         f"dated {day(ch['date'])} ({ch['cited']}{flagged}).")
    if f["arrests_deployments"]:
        lines.append(f"Arrests: {_thousands(f['arrests'])} over the {f['arrests_deployments']} deployments that print an "
                     f"arrest column" + (f"; the older layout prints 'Arrests / Disposals' together: "
                                         f"{_thousands(f['arrests_or_disposals'])} over {f['arrests_or_disposals_deployments']} deployments"
                                         if f["arrests_or_disposals_deployments"] else "") + f" ({f['arrests_cited']}).")
    if f["outcome_rows"] and f["other_disposal_equals_no_action"] == f["outcome_rows"]:
        lines.append(f"'Other Disposal' and 'No Action' print the same number in all {f['outcome_rows']} rows "
                     f"that have them, so neither is used here.")
    if f["anomalies"]:
        lines.append("Rows that fail a check of the grids' own arithmetic, dates or spelling (kept as printed; "
                     "listed on the deployments page): "
                     + "; ".join(f"{check_label(check)}: {n}" for check, n in f["anomalies"].items()) + ".")
    return lines


from . import data_quality as _quality, grid_findings as _grid  # noqa: E402 (they use this module's helpers)

SECTIONS = {
    "data_quality": _quality.data_quality,
    "coverage": _grid.coverage,
    "blue_list": blue_list,
    "exemptions": exemptions,
    "response_times": response_times,
    "deployments": deployments,
    "grid_analyses": _grid.grid_analyses,
    "reference_comparison": _grid.reference_comparison,
}
_DESCRIBE = {
    "data_quality": _quality.describe_data_quality,
    "coverage": _grid.describe_coverage,
    "blue_list": _describe_blue_list,
    "exemptions": _describe_exemptions,
    "response_times": _describe_response_times,
    "deployments": _describe_deployments,
    "grid_analyses": _grid.describe_grid_analyses,
    "reference_comparison": _grid.describe_reference_comparison,
}


def describe(section: str, numbers: dict) -> list[str]:
    """The section's findings as Markdown sentences (figures in bold), each naming the documents it rests on.
    The texts in them are as read (findings.json); ``describe_markdown`` for a page."""
    return _DESCRIBE[section](numbers)


def describe_markdown(section: str, numbers: dict) -> list[str]:
    """``describe`` for a Markdown page: the texts in ``numbers`` (references, places, file names, a
    rejected value) escaped first, so that what a document holds is shown, never run or formatted."""
    return describe(section, markdown_values(numbers))


def markdown(section: str, numbers: dict) -> str:
    """The findings as Markdown: the first sentence as a paragraph, the rest as a short list. The texts
    in ``numbers`` (references, places, file names) are escaped first: they are shown as written."""
    lines = describe_markdown(section, numbers)
    return "\n".join(lines[:1] + [""] + [f"- {line}" for line in lines[1:]]) if len(lines) > 1 else "\n".join(lines)


def show(section: str, numbers: dict):
    """Display a section's findings in a notebook as formatted text (not console output)."""
    from IPython.display import Markdown, display

    display(Markdown(markdown(section, numbers)))


# (section, parameters, the tables' files as they stand, today) -> the section's numbers: the summary
# and deployments notebooks and findings.json each want every section under the same parameters, and
# the report's kernels are forked from a process that holds them computed (report/forkserver.py).
_COMPUTED: dict[tuple, dict] = {}


def _key(name: str, parameters: dict, state: tuple, day: dt.date) -> tuple:
    return name, tuple(sorted(parameters.items())), state, day


def _keep(key: tuple, numbers: dict) -> None:
    if len(_COMPUTED) >= 64:  # another day, other files, other parameters: the old ones are done with
        _COMPUTED.clear()
    _COMPUTED[key] = numbers


def section(name: str, **parameters) -> dict:
    """``SECTIONS[name](**parameters)``, computed once per process while the processed tables' files are
    unchanged (path, size, mtime, inode, as ``selection.load`` reads them) on the same day; a copy, so a
    caller's change never reaches the next caller. An exception is raised again on every call."""
    key = _key(name, parameters, files_state(), dt.date.today())
    try:
        hit = _COMPUTED.get(key)
    except TypeError:  # a parameter that cannot be a key (a list): computed, not kept
        return SECTIONS[name](**parameters)
    if hit is None:
        hit = SECTIONS[name](**parameters)
        _keep(key, hit)
    return copy.deepcopy(hit)


def computed(parameters: dict) -> tuple[tuple, dt.date, dict[str, dict]]:
    """Every section that computes under ``parameters`` (a failing one is left out: its caller will
    meet the error itself), with the tables' state and the day they were computed on: what
    ``remember`` needs in another process."""
    state, day = files_state(), dt.date.today()
    out = {}
    for name in SECTIONS:
        try:
            out[name] = section(name, **parameters)
        except Exception:  # noqa: BLE001 - raised again where the section is asked for
            pass
    return state, day, out


def remember(parameters: dict, state: tuple, day: dt.date, numbers: dict[str, dict]) -> bool:
    """Keep sections computed elsewhere (``computed``) as if computed here, if the tables' files are
    still in that state on that day; whether they were kept."""
    if state != files_state() or day != dt.date.today():
        return False
    for name, value in numbers.items():
        _keep(_key(name, parameters, state, day), value)
    return True


def compute_all(**parameters) -> dict:
    return {name: section(name, **parameters) for name in SECTIONS}
