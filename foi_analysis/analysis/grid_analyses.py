"""The analyses the deployment grids hold, each with its uncertainty.

Every function takes a ``deployments`` frame (``Selection.deployments()``) and returns a frame or
plain values; ``grid_findings.grid_analyses`` gathers them for findings.json and the notebooks. Nothing
assumes a particular grid or layout: a column a grid does not print is empty in its rows and every
figure counts only the deployments that print what it needs (and says how many those are).

Rates are pooled (a sum of events over a sum of faces, never a mean of rates). Beside the exact
(Clopper-Pearson) interval, which treats every face as an independent trial, each rate gets two
intervals that respect deployment-to-deployment variation:

- **dispersion-adjusted**: the quasi-binomial scale phi (Pearson chi-square of the per-deployment
  counts about their group's pooled rate, over its degrees of freedom; what statsmodels'
  ``GLM(..., family=Binomial()).fit(scale="X2")`` estimates) inflates the variance; the exact
  interval is recomputed on the effective counts k/phi of n/phi (Kish's design effect);
- **bootstrap**: whole deployments resampled with replacement (fixed seed, so reports repeat).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import stats
from ..config import DEFAULT_CONFIDENCE

BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20230405  # fixed: the same data gives the same interval in every run
FUNNEL_LEVELS = (0.95, 0.998)  # the usual funnel-plot control limits (about 2 and 3 standard errors)
DATE_SLIP_FLAG = "date_order"


def _float(series: pd.Series) -> np.ndarray:
    return series.astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def counted(deployments: pd.DataFrame) -> pd.DataFrame:
    """Deployments that print both false alerts and faces seen: the ones a false alert rate can use."""
    return deployments.loc[deployments["false_alerts"].notna() & deployments["faces_seen"].notna()]


def pearson_dispersion(k: np.ndarray, n: np.ndarray) -> tuple[float, int]:
    """(Pearson chi-square, degrees of freedom) of counts k of n about their pooled rate.

    A group with no event (or only one deployment) has no spread to measure: (0, 0). A deployment
    printing no face seen (0) is no trial: left out (its term would be 0 / 0).
    """
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    k, n = k[n > 0], n[n > 0]
    p = k.sum() / n.sum() if n.sum() else 0.0
    if len(k) < 2 or not 0 < p < 1:
        return 0.0, 0
    return float(((k - n * p) ** 2 / (n * p * (1 - p))).sum()), len(k) - 1


def dispersion(deployments: pd.DataFrame, by: str | list[str] | None = None) -> float | None:
    """Quasi-binomial scale of false alerts per face seen: Pearson chi-square / df, each group (``by``)
    about its own pooled rate. None when no group has both events and two deployments.

    1 is what a binomial allows; 5 means the deployments vary five times as much.
    """
    c = counted(deployments)
    groups = c.groupby(by, dropna=False) if by else [(None, c)]
    parts = [pearson_dispersion(_float(g["false_alerts"]), _float(g["faces_seen"])) for _, g in groups]
    x2, df = sum(p[0] for p in parts), sum(p[1] for p in parts)
    return x2 / df if df else None


def poisson_dispersion(k, exposure) -> float | None:
    """Quasi-Poisson scale of counts k over exposures (arrests per deployment: exposure 1 each;
    alerts over hours): Pearson chi-square about the pooled rate / df. None with fewer than two
    rows or no event: no spread to measure. 1 is what chance alone allows."""
    k, e = np.asarray(k, dtype=float), np.asarray(exposure, dtype=float)
    k, e = k[e > 0], e[e > 0]
    rate = k.sum() / e.sum() if e.sum() else 0.0
    if len(k) < 2 or rate == 0:
        return None
    return float(((k - e * rate) ** 2 / (e * rate)).sum()) / (len(k) - 1)


def rate_per(k, exposure, confidence: float = DEFAULT_CONFIDENCE) -> dict:
    """Pooled rate sum(k)/sum(exposure) with its exact Poisson interval and, when the rows vary more
    than chance allows (dispersion phi > 1), the interval on k/phi over exposure/phi, as ``pooled``
    widens false alert rates. Keys: rate, lower, upper, dispersion, adj_lower, adj_upper."""
    k, e = np.asarray(k, dtype=float), np.asarray(exposure, dtype=float)
    total, spent = k.sum(), e.sum()
    if not len(k) or not spent:
        return dict.fromkeys(("rate", "lower", "upper", "dispersion", "adj_lower", "adj_upper"))
    phi = poisson_dispersion(k, e)
    scale = max(phi or 1.0, 1.0)
    lower, upper = stats.poisson_interval(total, spent, confidence)
    adj_lower, adj_upper = stats.poisson_interval(total / scale, spent / scale, confidence)
    return {"rate": total / spent, "lower": lower, "upper": upper, "dispersion": phi,
            "adj_lower": adj_lower, "adj_upper": adj_upper}


def bootstrap_interval(k: np.ndarray, n: np.ndarray, confidence: float = DEFAULT_CONFIDENCE,
                       samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """Percentile interval of the pooled rate sum(k)/sum(n), resampling whole deployments."""
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    if len(k) == 0 or n.sum() == 0:
        return np.nan, np.nan
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(k), size=(samples, len(k)))
    rates = k[picks].sum(axis=1) / n[picks].sum(axis=1)
    alpha = 1 - confidence
    low, high = np.quantile(rates, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def pooled(deployments: pd.DataFrame, by: str | list[str], confidence: float = DEFAULT_CONFIDENCE,
           phi: float | None = None) -> pd.DataFrame:
    """False alerts per face seen per group, with exact, dispersion-adjusted and bootstrap intervals.

    ``phi`` defaults to the dispersion measured within these groups (``dispersion(deployments, by)``),
    floored at 1: the adjustment only ever widens an interval.
    """
    keys = [by] if isinstance(by, str) else list(by)
    c = counted(deployments)
    phi = dispersion(deployments, keys) if phi is None else phi
    scale = max(phi or 1.0, 1.0)
    rows = []
    for key, g in c.groupby(keys, sort=True):
        k, n = _float(g["false_alerts"]), _float(g["faces_seen"])
        boot = bootstrap_interval(k, n, confidence)
        rows.append({**dict(zip(keys, key if isinstance(key, tuple) else (key,))),
                     "deployments": len(g), "false_alerts": int(k.sum()), "faces_seen": int(n.sum()),
                     "total_alerts": int(g["total_alerts"].sum()), "first": g["date"].min(), "last": g["date"].max(),
                     "boot_lower": boot[0], "boot_upper": boot[1]})
    out = pd.DataFrame(rows, columns=[*keys, "deployments", "false_alerts", "faces_seen", "total_alerts", "first",
                                      "last", "boot_lower", "boot_upper"])
    out = stats.rate_table(out, "false_alerts", "faces_seen", confidence)
    adj_lower, adj_upper = stats.clopper_pearson(out["false_alerts"].to_numpy(float) / scale,
                                                 out["faces_seen"].to_numpy(float) / scale, confidence)
    return out.assign(adj_lower=adj_lower, adj_upper=adj_upper, dispersion=phi)


def by_threshold(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    return pooled(deployments.loc[deployments["threshold"].notna()], "threshold", confidence)


def by_purpose(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """Per year and purpose: a purpose used in one year only is not compared with other years' rates."""
    dep = deployments.assign(year=deployments["date"].dt.year,
                             purpose=deployments["purpose_normalised"].fillna("not printed"))
    return pooled(dep, ["year", "purpose"], confidence)


def threshold_purpose(deployments: pd.DataFrame) -> pd.DataFrame:
    """Deployments per year, threshold and purpose: how far the three are confounded. A deployment whose
    grid prints no threshold is counted too, its threshold missing (a table says "not printed"): every
    deployment of the selection is in one row."""
    dep = deployments
    return (dep.assign(year=dep["date"].dt.year, purpose=dep["purpose_normalised"].fillna("not printed"))
            .groupby(["year", "threshold", "purpose"], dropna=False).size().rename("deployments").reset_index())


def funnel(deployments: pd.DataFrame, levels: tuple[float, ...] = FUNNEL_LEVELS) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """(points, limits, pooled rate): each deployment's rate against faces seen, and the exact binomial
    control limits around the pooled rate at each level (columns lower_<level>, upper_<level>).

    A point is ``above_<level>`` when its false alerts exceed the upper limit's count; ``chance_<level>``
    is the chance of that if the deployment had the pooled rate (at most (1 - level) / 2, and far less
    when a deployment expects a small fraction of one false alert: counts are whole numbers), so their
    sum is how many points chance alone would put above the line.
    """
    from scipy.stats import binom  # here, not with the module: only the funnel needs it

    c = counted(deployments).loc[lambda d: d["faces_seen"] > 0]
    k, n = _float(c["false_alerts"]), _float(c["faces_seen"])
    p0 = k.sum() / n.sum() if len(c) else np.nan
    points = c[["deployment_id", "date", "location", "threshold", "source_file", "page", "false_alerts",
                "faces_seen"]].assign(rate=k / n)
    grid = np.unique(np.round(np.geomspace(max(n.min(), 1), n.max(), 200))) if len(c) else np.array([])
    limits = pd.DataFrame({"faces_seen": grid})
    for level in levels:
        a = 1 - level
        limits[f"lower_{level}"] = binom.ppf(a / 2, grid, p0) / grid
        limits[f"upper_{level}"] = binom.ppf(1 - a / 2, grid, p0) / grid
        limit = binom.ppf(1 - a / 2, n, p0)
        points[f"above_{level}"] = k > limit
        points[f"chance_{level}"] = binom.sf(limit, n, p0)
    return points.reset_index(drop=True), limits, p0


def yearly(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """One row per calendar year from the first to the last; a year with no deployment is a row of
    zeros and empty rates (missing, not hidden). Rates carry exact and dispersion-adjusted intervals."""
    if deployments.empty:  # every column, so that a table or chart of no years still finds them
        return pd.DataFrame(columns=YEARLY_COLUMNS).astype({"year": int, "deployments": int, "counted": int})
    year = deployments["date"].dt.year.rename("year")
    years = pd.RangeIndex(int(year.min()), int(year.max()) + 1, name="year")
    g = deployments.groupby(year)
    c = counted(deployments)
    out = pd.DataFrame({
        "deployments": g.size(),
        "with_results": g["status"].agg(lambda s: int((s == "ok").sum())),
        "counted": c.groupby(year.loc[c.index]).size(),
        **{col: g[col].sum(min_count=1) for col in
           ("faces_seen", "total_alerts", "true_alerts", "false_alerts", "arrests", "arrests_or_disposals")},
    }).reindex(years)
    out[["deployments", "with_results", "counted"]] = out[["deployments", "with_results", "counted"]].fillna(0).astype(int)
    # Counts stay whole numbers where a year prints none (the reindex's gap would make them floats).
    sums = ["faces_seen", "total_alerts", "true_alerts", "false_alerts", "arrests", "arrests_or_disposals"]
    out[sums] = out[sums].astype("Int64")
    rates = pooled(deployments.assign(year=year), "year", confidence).set_index("year")
    out = out.join(rates[["rate", "lower", "upper", "boot_lower", "boot_upper"]])
    # each year's own dispersion (deployments vary more in some years than others)
    out["dispersion"] = [dispersion(deployments.loc[year == y]) for y in years]
    out["adj_lower"], out["adj_upper"] = stats.clopper_pearson(
        _float(out["false_alerts"]) / np.maximum(out["dispersion"].astype(float).fillna(1), 1),
        _float(out["faces_seen"]) / np.maximum(out["dispersion"].astype(float).fillna(1), 1), confidence)
    return out.reset_index()[YEARLY_COLUMNS]


YEARLY_COLUMNS = ["year", "deployments", "with_results", "counted", "faces_seen", "total_alerts", "true_alerts",
                  "false_alerts", "arrests", "arrests_or_disposals", "rate", "lower", "upper", "boot_lower",
                  "boot_upper", "dispersion", "adj_lower", "adj_upper"]


def outcomes_by_year(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """Arrests per deployment and per true alert, hours deployed, alerts per hour, watchlist size,
    per year; each ratio over the deployments that print both of its numbers (counted in ``*_n``),
    with its interval (``*_lower``, ``*_upper``):
    - arrests per deployment and alerts per hour are counts with no ceiling over an exposure: exact
      Poisson intervals, and dispersion-adjusted ones (``*_adj_lower``, ``*_adj_upper``, scale in
      ``*_dispersion``) for deployments that vary more than chance allows;
    - arrests per true alert is a share of alerts: the exact binomial interval, as the false alert
      rates. A deployment printing more arrests than true alerts (an arrest not from an alert) makes
      it no share: then it is a rate per alert, with the Poisson interval (``*_method`` says which).
    A year with no deployment has no row: every cell would read "not printed", which says a grid
    left the figure out, when there was nothing to print (``yearly`` counts that year as 0)."""
    if deployments.empty:  # every column, so that a table of no years still finds them
        return pd.DataFrame(columns=OUTCOME_COLUMNS)
    dep = deployments.assign(year=deployments["date"].dt.year)
    rows = []
    for y in sorted(dep["year"].dropna().unique().tolist()):
        y = int(y)
        d = dep.loc[dep["year"] == y]
        arrests = d.loc[d["arrests"].notna()]
        per_alert = arrests.loc[arrests["true_alerts"].notna()]
        timed = d.loc[d["duration_minutes"].notna() & d["total_alerts"].notna()]
        hours = timed["duration_minutes"].sum() / 60
        watch = d["watchlist_size"].dropna()
        per_dep = rate_per(_float(arrests["arrests"]), np.ones(len(arrests)), confidence)
        per_hour = rate_per(_float(timed["total_alerts"]), _float(timed["duration_minutes"]) / 60, confidence)
        k, n = _float(per_alert["arrests"]), _float(per_alert["true_alerts"])
        share = bool((k <= n).all())
        if n.sum():
            bounds = stats.clopper_pearson(k.sum(), n.sum(), confidence) if share else \
                stats.poisson_interval(k.sum(), n.sum(), confidence)
        else:
            bounds = (None, None)
        rows.append({
            "year": y, "deployments": len(d),
            "arrests": int(arrests["arrests"].sum()) if len(arrests) else None, "arrests_n": len(arrests),
            **_prefixed("arrests_per_deployment", per_dep),
            "arrests_per_true_alert": k.sum() / n.sum() if n.sum() else None,
            "arrests_per_true_alert_lower": bounds[0], "arrests_per_true_alert_upper": bounds[1],
            "arrests_per_true_alert_method": ("exact binomial" if share else "Poisson") if n.sum() else None,
            "arrests_or_disposals": (int(d["arrests_or_disposals"].sum()) if d["arrests_or_disposals"].notna().any()
                                     else None),
            "arrests_or_disposals_n": int(d["arrests_or_disposals"].notna().sum()),
            "hours": hours if len(timed) else None, "hours_n": len(timed),
            **_prefixed("alerts_per_hour", per_hour),
            "faces_per_hour": (timed["faces_seen"].sum() / hours if hours and timed["faces_seen"].notna().all()
                               else None),
            "watchlist_median": watch.median() if len(watch) else None,
            "watchlist_min": watch.min() if len(watch) else None,
            "watchlist_max": watch.max() if len(watch) else None, "watchlist_n": len(watch),
        })
    # Counts and sizes are whole numbers; a year that prints none has <NA>, not a float column.
    return pd.DataFrame(rows, columns=OUTCOME_COLUMNS).astype({c: "Int64" for c in OUTCOME_COUNTS})


def _prefixed(name: str, r: dict) -> dict:
    """``rate_per``'s keys as outcome columns: the rate under ``name``, the rest as ``name_lower``..."""
    return {name if key == "rate" else f"{name}_{key}": value for key, value in r.items()}


_RATE_PARTS = ["lower", "upper", "dispersion", "adj_lower", "adj_upper"]
OUTCOME_COLUMNS = ["year", "deployments", "arrests", "arrests_n",
                   "arrests_per_deployment", *[f"arrests_per_deployment_{p}" for p in _RATE_PARTS],
                   "arrests_per_true_alert", "arrests_per_true_alert_lower", "arrests_per_true_alert_upper",
                   "arrests_per_true_alert_method",
                   "arrests_or_disposals", "arrests_or_disposals_n", "hours", "hours_n",
                   "alerts_per_hour", *[f"alerts_per_hour_{p}" for p in _RATE_PARTS],
                   "faces_per_hour", "watchlist_median", "watchlist_min", "watchlist_max", "watchlist_n"]
OUTCOME_COUNTS = ["arrests", "arrests_or_disposals", "watchlist_min", "watchlist_max"]


def engagements(deployments: pd.DataFrame) -> dict[str, dict]:
    """People engaged (stopped) after false and after true alerts, where a grid prints it."""
    out = {}
    for kind in ("false", "true"):
        col, alerts = f"{kind}_alert_engagements", f"{kind}_alerts"
        d = deployments.loc[deployments[col].notna() & deployments[alerts].notna()]
        out[kind] = {"deployments": len(d), "alerts": int(d[alerts].sum()), "engaged": int(d[col].sum()),
                     "sources": sorted(d["source_file"].unique().tolist())}
    return out


def ranked_with_ties(counts: pd.Series, top: int) -> pd.Series:
    """The ``top`` largest counts, plus every entry tied with the last of them (ties are reported as ties)."""
    if counts.empty:
        return counts
    ordered = counts.sort_index().sort_values(ascending=False, kind="stable")
    cutoff = ordered.iloc[min(top, len(ordered)) - 1]
    return ordered.loc[ordered >= cutoff]


def locations(deployments: pd.DataFrame, top: int = 5) -> pd.Series:
    return ranked_with_ties(deployments["location"].fillna("not printed").value_counts(), top)


def busiest_months(deployments: pd.DataFrame) -> pd.Series:
    """Every month with the most deployments (all of them when several tie)."""
    months = deployments["date"].dt.to_period("M").astype("string").value_counts()
    return months.loc[months == months.max()].sort_index() if len(months) else months


def date_slips(deployments: pd.DataFrame) -> pd.DataFrame:
    """Rows flagged ``date_order`` (printed earlier than the row above them), with the year of the row
    printed before each: where the row would fall if its year was mistyped."""
    printed = deployments.sort_values(["source_file", "page", "row"])
    previous_year = printed.groupby("source_file")["date"].shift().dt.year
    flagged = printed["flags"].fillna("").str.split(";").apply(lambda f: DATE_SLIP_FLAG in f)
    out = printed.loc[flagged, ["deployment_id", "date", "location", "source_file", "page", "false_alerts",
                                "faces_seen", "total_alerts"]]
    return out.assign(printed_year=out["date"].dt.year, neighbour_year=previous_year.loc[out.index].astype("Int64"))


def date_slip_sensitivity(deployments: pd.DataFrame, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """Yearly deployments, false alerts, faces and rate three ways: as printed, with the flagged rows
    moved to their neighbours' year, and without them."""
    slips = date_slips(deployments)
    moved = deployments.copy()
    for s in slips.itertuples():
        if pd.notna(s.neighbour_year):
            moved.loc[moved["deployment_id"] == s.deployment_id, "date"] = s.date.replace(year=int(s.neighbour_year))
    variants = {"as printed": deployments, "moved to the neighbours' year": moved,
                "flagged rows left out": deployments.loc[~deployments["deployment_id"].isin(slips["deployment_id"])]}
    frames = []
    for name, frame in variants.items():
        y = yearly(frame, confidence)
        if len(y):
            frames.append(y[["year", "deployments", "false_alerts", "faces_seen", "rate", "lower", "upper"]].assign(variant=name))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
