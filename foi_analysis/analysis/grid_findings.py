"""findings.json sections for the analyses the deployment grids hold (``grid_analyses``), the
comparison with published figures (``reference_comparison``) and what the data covers
(``coverage``), with the Markdown sentences that state them.

Every figure says what it is out of and cites its grid file and pages.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import grid_analyses as ga
from . import reference, sources, stats
from .display import day, days, interval, link, listed, month, one_in, percent, small_percent, thousands
from .selection import GRID_AUTHORITY, Selection
from ..config import DEFAULT_CONFIDENCE


def _labelled(frame: pd.DataFrame, requests: pd.DataFrame) -> list[str]:
    from .findings import _labelled as labelled  # requests named the same way in every section
    return labelled(frame, requests)


def _plain(value):
    from .findings import _plain as plain  # one JSON conversion for every section
    return plain(value)


def cite(frame: pd.DataFrame) -> str:
    from .findings import cite as grid_cite
    return grid_cite(frame) if len(frame) else "no grid rows"


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _rates(frame: pd.DataFrame, deployments: pd.DataFrame, keys: list[str]) -> list[dict]:
    """Pooled rows as JSON, each citing the grid pages its deployments are printed on."""
    out = []
    c = ga.counted(deployments).assign(year=lambda d: d["date"].dt.year,
                                       purpose=lambda d: d["purpose_normalised"].fillna("not printed"))
    for row in _records(frame):
        rows = c
        for k in keys:
            rows = rows.loc[rows[k] == row[k]]
        out.append(row | {"cited": cite(rows)})
    return out


# --- the analyses -------------------------------------------------------------------------------

def grid_analyses(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE) -> dict:
    dep = Selection(authority, start, end).deployments()
    thresholds = ga.by_threshold(dep, confidence)
    purposes = ga.by_purpose(dep, confidence)
    points, _, pooled_rate = ga.funnel(dep)
    months = ga.busiest_months(dep)
    slips = ga.date_slips(dep)
    return {
        "confidence": confidence,
        "deployments": len(dep),
        "counted": len(ga.counted(dep)),
        "by_threshold": _rates(thresholds, dep, ["threshold"]),
        "threshold_dispersion": _plain(ga.dispersion(dep.loc[dep["threshold"].notna()], "threshold")),
        "by_purpose": _rates(purposes, dep, ["year", "purpose"]),
        "purpose_dispersion": _plain(ga.dispersion(dep.assign(year=dep["date"].dt.year), ["year", "purpose_normalised"])),
        "threshold_purpose": _records(ga.threshold_purpose(dep)),
        # each year cites the pages its deployments are printed on, as the pooled rates do
        "yearly": [y | {"cited": cite(dep.loc[dep["date"].dt.year == y["year"]])}
                   for y in _records(ga.yearly(dep, confidence))],
        "funnel": {
            "pooled_rate": _plain(pooled_rate) if len(points) else None,
            "deployments": len(points),
            **{f"above_{level}": int(points[f"above_{level}"].sum()) for level in ga.FUNNEL_LEVELS},
            # how many chance alone would put above each limit, were every deployment at the pooled rate
            **{f"expected_above_{level}": _plain(points[f"chance_{level}"].sum()) for level in ga.FUNNEL_LEVELS},
            "above_cited": cite(points.loc[points[f"above_{ga.FUNNEL_LEVELS[-1]}"]]),
            "above_list": [{"date": _plain(p.date), "location": p.location, "false_alerts": int(p.false_alerts),
                            "faces_seen": int(p.faces_seen), "cited": f"{p.source_file} p. {int(p.page)}"}
                           for p in points.loc[points[f"above_{ga.FUNNEL_LEVELS[-1]}"]].itertuples()],
        },
        "engagements": ga.engagements(dep),
        "outcomes_by_year": _records(ga.outcomes_by_year(dep, confidence)),
        # the pages of the rows each outcome line counts (the ratios' deployments, as outcomes_by_year)
        "outcomes_cited": {
            "arrests": cite(dep.loc[dep["arrests"].notna()]),
            "hours": cite(dep.loc[dep["duration_minutes"].notna() & dep["total_alerts"].notna()]),
            "watchlist": cite(dep.loc[dep["watchlist_size"].notna()]),
        },
        "top_locations": [{"location": k, "deployments": int(n)} for k, n in ga.locations(dep).items()],
        "busiest_months": {"deployments": int(months.max()) if len(months) else 0, "months": months.index.tolist()},
        "date_slips": [{"date": _plain(s.date), "location": s.location, "printed_year": int(s.printed_year),
                        "neighbour_year": _plain(s.neighbour_year), "cited": f"{s.source_file} p. {int(s.page)}",
                        "false_alerts": _plain(s.false_alerts), "faces_seen": _plain(s.faces_seen)}
                       for s in slips.itertuples()],
        "date_slip_sensitivity": _records(ga.date_slip_sensitivity(dep, confidence)),
    }


def _expected(x) -> str:
    """An expected count, said as a reader pictures it: '2.3', '0.2', 'fewer than 0.1'."""
    return "fewer than 0.1" if x is None or x < 0.05 else f"{x:.1f}"


def funnel_sentence(fn: dict) -> str:
    """The funnel plot's finding (findings.json's ``funnel``), for the findings and the chart's alt text:
    how many deployments lie above each control limit, and how many chance alone would put there."""
    lie = "lies" if fn["above_0.95"] == 1 else "lie"
    return (f"**Funnel plot**: of {thousands(fn['deployments'])} deployments, **{fn['above_0.95']}** {lie} above "
            f"the 95% control limit and **{fn['above_0.998']}** above the 99.8% limit around the pooled rate "
            f"{small_percent(fn['pooled_rate'])}. Were every deployment at that rate, chance alone would put about "
            f"{_expected(fn['expected_above_0.95'])} and {_expected(fn['expected_above_0.998'])} there.")


def _false(n) -> str:
    """'1 false alert', '25 false alerts' (the count in bold)."""
    return f"**{thousands(n)}** false alert{'' if n == 1 else 's'}"


def _one_in(rate) -> str:
    """', about 1 in 20,000 faces seen' after a rate per face seen ('' for 0)."""
    said = one_in(rate, "faces seen")
    return f", {said}" if said else ""


def _intervals(r: dict, c: str) -> str:
    """The second sentence of a pooled rate: its exact interval and the two that allow for the spread
    between deployments."""
    boot = (f"{interval(r['boot_lower'], r['boot_upper'])} (bootstrap over deployments)" if r["false_alerts"]
            else "no bootstrap interval (with no false alert there is nothing to resample)")
    return (f"Exact {c} interval {interval(r['lower'], r['upper'])}; allowing for the spread between deployments, "
            f"{interval(r['adj_lower'], r['adj_upper'])} (dispersion-adjusted) and {boot}.")


def _pooled(label: str, r: dict, c: str, span: bool = False) -> str:
    """A pooled rate in two short sentences: the counts with where they are printed, and the rate;
    then its intervals ('At threshold **0.6**: **25** false alerts in **491,246** faces seen over 112
    deployments (grid p. 1, 2): **0.0051%**, about 1 in 20,000 faces seen. Exact 95% interval ...')."""
    when = f"{days(r['first'], r['last'])}; " if span else ""
    return (f"{label}: {_false(r['false_alerts'])} in **{thousands(r['faces_seen'])}** faces seen over "
            f"{thousands(r['deployments'])} deployment{'' if r['deployments'] == 1 else 's'} ({when}{r['cited']}): "
            f"**{percent(r['rate'])}**{_one_in(r['rate'])}. {_intervals(r, c)}")


def _bounds(o: dict, name: str) -> str:
    """'0.43 to 0.49' for a ratio's interval, as the ratio is printed ('not printed' without one)."""
    lower, upper = o[f"{name}_lower"], o[f"{name}_upper"]
    return "no interval" if lower is None or upper is None else f"{lower:.2f} to {upper:.2f}"


def _per(o: dict, name: str, unit: str) -> str:
    """A rate per deployment or per hour with its interval, and the wider one when deployments vary
    more than chance allows: '3.20 per deployment (2.94 to 3.47; 2.60 to 3.90 allowing for the spread)'."""
    phi = o[f"{name}_dispersion"]
    spread = (f"; {o[f'{name}_adj_lower']:.2f} to {o[f'{name}_adj_upper']:.2f} allowing for how much more "
              f"deployments vary than chance alone, {phi:.1f} times" if phi is not None and phi > 1 else "")
    return f"{o[name]:.2f} {unit} ({_bounds(o, name)}{spread})"


def _why_intervals(rows: list[dict], c: str) -> str:
    """Which interval each ratio has, and why, once per sentence list."""
    poisson_share = any(o["arrests_per_true_alert_method"] == "Poisson" for o in rows)
    return (f"The arrests' ranges are {c} intervals: arrests per deployment are counts with no upper limit, so their "
            f"range is the exact one for such counts (Poisson); arrests per true alert "
            + ("are read as a rate too, since a deployment prints more arrests than true alerts (exact Poisson)."
               if poisson_share else "are a share of the true alerts (no deployment prints more arrests than "
               "true alerts), so their range is the exact one for a share (exact binomial)."))


def _basis(f: dict) -> str:
    """What every rate of the section counts: the deployments that print both of its numbers."""
    left = f["deployments"] - f["counted"]
    others = "the other one prints" if left == 1 else f"the other {thousands(left)} print"
    out = (f"; {others} no results or not both (a deployment stopped by a technical fault, a layout "
           f"without those columns) and {'is' if left == 1 else 'are'} left out" if left else "")
    return (f"The grids' false alert rates below are false alerts per face seen, pooled over the **{thousands(f['counted'])}** of "
            f"{thousands(f['deployments'])} deployments that print both{out}.")


def _mix(rows: list[dict]) -> str:
    """Which thresholds and years each purpose ran at ('crime hotspot': 130 deployments, 2024 to 2025,
    all at threshold 0.64): the confounding in a few words; the table by year, threshold and purpose is
    on the deployments page."""
    by_purpose: dict[str, list[dict]] = {}
    for r in rows:
        if r["threshold"] is not None:  # a deployment whose grid prints no threshold says nothing of the settings
            by_purpose.setdefault(r["purpose"], []).append(r)
    parts = []
    for purpose, group in by_purpose.items():
        years = sorted({r["year"] for r in group})
        settings = sorted({r["threshold"] for r in group})
        n = sum(r["deployments"] for r in group)
        when = str(years[0]) if len(years) == 1 else f"{years[0]} to {years[-1]}"
        at = (f"all at threshold {settings[0]}" if len(settings) == 1
              else "at thresholds " + ", ".join(map(str, settings[:-1])) + f" and {settings[-1]}")
        parts.append(f"'{purpose}': {thousands(n)} deployments, {when}, {at}")
    return "; ".join(parts)


def describe_grid_analyses(f: dict) -> list[str]:
    if not f["counted"]:
        return ["No deployment in the selection prints both false alerts and faces seen (not printed by that grid)."]
    c = percent(f["confidence"])
    lines = [_basis(f)]
    if f["by_threshold"]:
        phi = f["threshold_dispersion"]
        lines.append("False alerts per face seen **by minimum threshold setting**"
                     + (f" (within a setting, deployments vary **{phi:.1f}** times as much as chance alone allows, "
                        f"so the adjusted intervals are widened to match; statisticians call this figure the "
                        f"Pearson dispersion)" if phi else "") + ":")
        lines += [_pooled(f"At threshold **{t['threshold']}**", t, c, span=True) for t in f["by_threshold"]]
    multi = {}
    for p in f["by_purpose"]:
        multi.setdefault(p["year"], []).append(p)
    for year, rows in multi.items():
        if len(rows) < 2:
            continue
        # one line per purpose, each a short sentence or two: a purpose is compared only within its year
        lines += [_pooled(f"**By purpose in {year}**, '{p['purpose']}'", p, c) for p in rows]
    overlap = [r for r in f["threshold_purpose"]]
    if overlap and f["by_threshold"]:
        lines.append("Threshold, purpose and time are **confounded**: the settings changed over time and the "
                     f"purposes were not spread evenly over them ({_mix(overlap)}). No comparison here separates "
                     "their effects.")
    years = [y for y in f["yearly"]]
    for y in years:
        if not y["deployments"]:
            lines.append(f"**In {y['year']}**: **no deployment printed**.")
            continue
        phi = y["dispersion"]
        spread = ("their spread cannot be measured: fewer than two deployments, or no false alert" if phi is None
                  else f"deployments vary no more than chance alone allows: dispersion {phi:.1f}" if phi <= 1
                  else f"deployments vary {phi:.1f} times as much as chance alone allows")
        lines.append(f"**In {y['year']}**: {thousands(y['deployments'])} deployments ({thousands(y['counted'])} with figures; "
                     f"{y['cited']}), "
                     f"{_false(y['false_alerts'])} in {thousands(y['faces_seen'])} faces seen, **{small_percent(y['rate'])}**. "
                     f"Exact {c} interval {interval(y['lower'], y['upper'])}; dispersion-adjusted "
                     f"{interval(y['adj_lower'], y['adj_upper'])} ({spread}).")
    fn = f["funnel"]
    if fn["deployments"]:
        # the counts against what chance alone gives, then the deployments above the outer limit
        lines.append(funnel_sentence(fn))
        above = fn["above_list"]
        if above:
            named = listed([f"{a['location']} on {day(a['date'])} ({_false(a['false_alerts']).replace('**', '')} in "
                            f"{thousands(a['faces_seen'])} faces)" for a in above])
            lines.append(f"Above the 99.8% limit: {named} ({fn['above_cited']}).")
    e = f["engagements"]
    for kind in ("false", "true"):
        if e[kind]["deployments"]:
            lines.append(f"**Engagements after {kind} alerts**: **{e[kind]['engaged']}** people engaged after "
                         f"**{e[kind]['alerts']}** {kind} alerts over the {e[kind]['deployments']} deployments that "
                         f"print it ({', '.join(e[kind]['sources'])}).")
        else:
            lines.append(f"Engagements after {kind} alerts: not printed by that grid.")
    arrests = [o for o in f["outcomes_by_year"] if o["arrests_n"]]
    if arrests:
        lines.append("**Arrests** (the 'Arrest' column): " + "; ".join(
            f"{o['year']}: {thousands(o['arrests'])} in {o['arrests_n']} deployments, "
            f"{_per(o, 'arrests_per_deployment', 'per deployment')}"
            + (f", {o['arrests_per_true_alert']:.2f} per true alert ({_bounds(o, 'arrests_per_true_alert')})"
               if o["arrests_per_true_alert"] is not None else "")
            for o in arrests) + f" ({f['outcomes_cited']['arrests']}).")
        lines.append(_why_intervals(arrests, c))
    timed = [o for o in f["outcomes_by_year"] if o["hours_n"]]
    if timed:
        lines.append("**Hours deployed** where durations are printed: " + "; ".join(
            f"{o['year']}: {o['hours']:,.0f} hours over {o['hours_n']} deployments, "
            f"{_per(o, 'alerts_per_hour', 'alerts per hour')}" for o in timed) + f" ({f['outcomes_cited']['hours']}).")
        lines.append(f"Alerts per hour are counts over time with no upper limit: their ranges are the exact {c} "
                     "intervals for such counts (Poisson), and the wider ones where deployments vary more than chance.")
    watch = [o for o in f["outcomes_by_year"] if o["watchlist_n"]]
    if watch:
        lines.append("**Watchlist size** (median, smallest to largest): " + "; ".join(
            f"{o['year']}: {thousands(o['watchlist_median'])} ({thousands(o['watchlist_min'])} to "
            f"{thousands(o['watchlist_max'])}, {o['watchlist_n']} deployments)" for o in watch)
            + f" ({f['outcomes_cited']['watchlist']}).")
    if f["top_locations"]:
        lines.append(f"**Most frequent locations** (as printed; ties kept; of {f['deployments']} deployments): " + "; ".join(
            f"{t['location']}: {t['deployments']}" for t in f["top_locations"]) + ".")
    m = f["busiest_months"]
    if m["months"]:
        tie = (f"{len(m['months'])} months tie" if len(m["months"]) > 1 else "the busiest month is")
        lines.append(f"**Busiest month**: {tie} at **{m['deployments']}** deployments ({', '.join(month(x) for x in m['months'])}).")
    for s in f["date_slips"]:
        sens = [r for r in f["date_slip_sensitivity"] if r["year"] in (s["printed_year"], s["neighbour_year"])]
        moved = {(r["variant"], r["year"]): r for r in sens}
        detail = "; ".join(
            f"{year}: {thousands(moved.get(('as printed', year), {}).get('deployments'))} deployments as printed, "
            f"{thousands(moved.get(('moved to the neighbours' + chr(39) + ' year', year), {}).get('deployments'))} if moved"
            for year in sorted({s["printed_year"], s["neighbour_year"]} - {None}))
        lines.append(f"**Date slip**: {s['location']} is printed as {day(s['date'])} between rows of {s['neighbour_year']} "
                     f"({s['cited']}); if its year is a typo, the yearly counts change ({detail}).")
    return lines


# --- reference figures ---------------------------------------------------------------------------

def reference_comparison(authority: str = "", start: str = "", end: str = "",
                         confidence: float = DEFAULT_CONFIDENCE) -> dict:
    dep = Selection(authority, start, end).deployments()
    thresholds = {t["threshold"]: t for t in _rates(ga.by_threshold(dep, confidence), dep, ["threshold"])}
    rows = []
    for ref in reference.figures().itertuples():
        row = {k: _plain(getattr(ref, k)) for k in ("figure", "publisher", "document", "published", "measure", "per",
                                                    "threshold", "watchlist_size", "events", "trials", "value",
                                                    "period_start", "period_end", "definition", "secondary", "source_url")}
        if pd.notna(ref.events) and pd.notna(ref.trials):  # the published counts give the figure its own interval
            row["lower"], row["upper"] = map(_plain, stats.clopper_pearson(int(ref.events), int(ref.trials), confidence))
        grid = None
        if pd.notna(ref.threshold) and float(ref.threshold) in thresholds:
            t = thresholds[float(ref.threshold)]
            grid = {k: t[k] for k in ("deployments", "false_alerts", "faces_seen", "rate", "lower", "upper",
                                      "adj_lower", "adj_upper", "cited")}
        elif pd.notna(ref.period_start):
            inside = ga.counted(dep).loc[lambda d: d["date"].between(pd.Timestamp(ref.period_start),
                                                                     pd.Timestamp(ref.period_end))]
            if len(inside):
                denominator = "total_alerts" if ref.per == "alert" else "faces_seen"
                k, n = int(inside["false_alerts"].sum()), int(inside[denominator].sum())
                lower, upper = stats.clopper_pearson(k, n, confidence) if n else (None, None)
                # the spread between deployments widens it, as for every grid rate (k/phi of n/phi)
                x2, df = ga.pearson_dispersion(ga._float(inside["false_alerts"]), ga._float(inside[denominator]))
                phi = max(x2 / df if df else 1.0, 1.0)
                adj = stats.clopper_pearson(k / phi, n / phi, confidence) if n else (None, None)
                grid = {"deployments": len(inside), "false_alerts": k, denominator: n,
                        "rate": _plain(k / n) if n else None, "lower": _plain(lower), "upper": _plain(upper),
                        "adj_lower": _plain(adj[0]), "adj_upper": _plain(adj[1]),
                        "first": _plain(inside["date"].min()),
                        "last": _plain(inside["date"].max()), "cited": cite(inside)}
        rows.append(row | {"grid": grid})
    return {"confidence": confidence, "figures": rows, "measures_differ": reference.MEASURES_DIFFER}


def describe_reference_comparison(f: dict) -> list[str]:
    """One line per published figure, in three short sentences: the figure with its document and
    source (a link named by its site, not the address printed out); how its definition differs from
    the grids' rate; the grids' own figure at the same setting or over the same period."""
    # a lead, so that every figure is an item of the same list (the first line of a section is its paragraph)
    lines = ["Figures published elsewhere, each with its publisher, document, date and source, how it is "
             "defined, and beside it the grids' own at the same threshold setting or over the same period:"]
    c = percent(f["confidence"])
    for r in f["figures"]:
        g = r["grid"]
        # (a document title that already says "as reported by ..." needs no second word for it)
        second = " (read from a report of it)" if r["secondary"] == "yes" and "as reported by" not in r["document"] else ""
        setting = f" at threshold {r['threshold']}" if r["threshold"] is not None else ""
        watch = f" with a {thousands(r['watchlist_size'])}-person watchlist" if r["watchlist_size"] else ""
        period = f" over {days(r['period_start'], r['period_end'])}" if r.get("period_start") else ""
        if r["value"] is not None:
            counts = (f", {thousands(r['events'])} in {thousands(r['trials'])}, exact {c} interval "
                      f"{interval(r['lower'], r['upper'])}" if r.get("lower") is not None
                      else " (the counts behind it are not published: no interval can be given)")
            ref = f"**{small_percent(r['value'])}** {r['measure']} per {r['per']}{setting}{watch}{period}{counts}"
        else:  # a count alone ("false positives in the test: 1")
            ref = f"{r['measure']}{setting}{watch}{period}: **{thousands(r['events'])}**"
        when = month(r["published"]) if len(str(r["published"])) == 7 else day(r["published"])  # '2025-10' or a day
        text = f"{r['publisher']}, \"{r['document']}\"{second}, {when} (source: {link(r['source_url'])}): {ref}."
        if r.get("definition"):
            text += f" It is {r['definition']}."
        if g is None:
            lines.append(text + " The grids in the selection print nothing comparable.")
        elif "faces_seen" in g and r["threshold"] is not None:
            lines.append(text + f" The grids at the same setting: {_false(g['false_alerts'])} in "
                         f"**{thousands(g['faces_seen'])}** faces seen over {thousands(g['deployments'])} deployments, "
                         f"**{small_percent(g['rate'])}** per face seen (exact {c} interval {interval(g['lower'], g['upper'])}, "
                         f"dispersion-adjusted {interval(g['adj_lower'], g['adj_upper'])}; {g['cited']}).")
        else:
            out_of = g.get("faces_seen", g.get("total_alerts"))
            unit = "faces seen" if "faces_seen" in g else "alerts"
            lines.append(text + f" The grids cover {days(g['first'], g['last'])} of that period: "
                         f"{_false(g['false_alerts'])} in **{thousands(out_of)}** {unit} over "
                         f"{thousands(g['deployments'])} deployments, **{small_percent(g['rate'])}** (exact {c} interval "
                         f"{interval(g['lower'], g['upper'])}, dispersion-adjusted {interval(g['adj_lower'], g['adj_upper'])}; "
                         f"{g['cited']}).")
    lines.append(f["measures_differ"])
    return lines


# --- coverage ------------------------------------------------------------------------------------

def coverage(authority: str = "", start: str = "", end: str = "", confidence: float = DEFAULT_CONFIDENCE,
             today: dt.date | None = None) -> dict:
    selection = Selection(authority, start, end)
    dep = selection.deployments()
    req = selection.requests()
    grids = dep.groupby("source_file").agg(first=("date", "min"), last=("date", "max"),
                                           deployments=("deployment_id", "size"))
    last = dep["date"].max() if len(dep) else None
    today = today or dt.date.today()
    by_authority = req.groupby("authority")["reference"].agg(lambda refs: sorted(refs.tolist()))
    return {
        "grids": [{"file": f, "first": _plain(r["first"]), "last": _plain(r["last"]), "deployments": int(r["deployments"]),
                   **dict(zip(("title", "made"), map(_plain, sources.edition(f))))}
                  for f, r in grids.iterrows()],
        "first": _plain(dep["date"].min()) if len(dep) else None,
        "last": _plain(last),
        "ends_before_today": bool(last is not None and last.date() < today),
        "disclosures": len(req),
        "disclosure_references": _labelled(req, req),
        "disclosure_authorities": int(req["authority"].nunique()),
        "disclosures_by_authority": {a: refs for a, refs in by_authority.sort_index().items()},
        "disclosures_dated": int(req["date_received"].notna().sum()),
        "disclosures_first": _plain(req["date_received"].min()) if req["date_received"].notna().any() else None,
        "disclosures_last": _plain(req["date_received"].max()) if req["date_received"].notna().any() else None,
    }


def _edition(g: dict) -> str:
    """A grid as the coverage names it: 'LFR Deployment Grid of 20 November 2023 (met-lfr-grid-2020-2022.pdf)'."""
    title = g.get("title") or sources.GRID_TITLE
    return f"{title}{' of ' + day(g['made']) if g.get('made') else ''} ({g['file']})"


def describe_coverage(f: dict) -> list[str]:
    lines = []
    if f["grids"]:
        per = "; ".join(f"{_edition(g)}, {g['deployments']} deployments from {days(g['first'], g['last'])}" for g in f["grids"])
        n = len(f["grids"])
        lines.append(f"**Period covered**: live facial recognition (LFR) deployments from **{day(f['first'])}** to **{day(f['last'])}**, in {n} "
                     f"grid{'' if n == 1 else 's'} published by the {GRID_AUTHORITY}: {per}.")
        if f["ends_before_today"]:
            lines.append(f"The grids end on {day(f['last'])}: the Met has published, or will publish, later grids that "
                         "this report does not include.")
    else:
        lines.append("No deployment grid falls in the selection.")
    first, last = f["disclosures_first"], f["disclosures_last"]
    dated = (f"{f['disclosures_dated']} of them {'prints' if f['disclosures_dated'] == 1 else 'print'} a receipt date"
             + ("" if not first else f" ({days(first, last)})"))
    authorities = f["disclosure_authorities"]
    if not f["disclosures"]:
        lines.append("**FOI responses**: none in the selection.")
        return lines
    by_authority = "; ".join(f"{a}: {listed(refs)}" for a, refs in f["disclosures_by_authority"].items())
    lines.append(f"**FOI responses**: **{f['disclosures']}** from {authorities} "
                 f"authorit{'y' if authorities == 1 else 'ies'} ({by_authority}); {dated}.")
    return lines
