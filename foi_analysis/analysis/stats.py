"""Intervals and bounds for rates: k events out of n trials.

Two-sided intervals come from statsmodels: for a proportion, Wilson score and Clopper-Pearson
"exact", which never undercovers and is the honest choice for the tiny counts in these documents;
for a rate per deployment or per hour (a count with no ceiling), the exact Poisson (Garwood) one. One-sided bounds
answer "what is the worst rate consistent with seeing none?" — the rule of three is their
familiar approximation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import DEFAULT_CONFIDENCE

METHODS = {"wilson": "wilson", "exact": "beta"}  # our name -> statsmodels' name


def _check_confidence(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence!r}")
    return float(confidence)


def _same_shape(values: np.ndarray):
    return float(values) if values.ndim == 0 else values


def interval(k, n, confidence: float = DEFAULT_CONFIDENCE, method: str = "exact"):
    """Two-sided interval for the rate k/n: (lower, upper), scalars or arrays like k and n.

    n = 0 (or missing k or n) gives NaN: no trials, no information.
    """
    if method not in METHODS:
        raise ValueError(f"unknown interval method {method!r}; choose one of {sorted(METHODS)}")
    alpha = 1 - _check_confidence(confidence)
    k_arr = np.asarray(k, dtype=float)
    n_arr = np.asarray(n, dtype=float)
    k_arr, n_arr = np.broadcast_arrays(k_arr, n_arr)
    known = ~np.isnan(k_arr) & ~np.isnan(n_arr)
    if ((k_arr[known] < 0) | (k_arr[known] > n_arr[known])).any():
        raise ValueError("counts must satisfy 0 <= k <= n")
    lower = np.full(k_arr.shape, np.nan)
    upper = np.full(k_arr.shape, np.nan)
    ok = known & (n_arr > 0)
    if ok.any():
        # Imported here, not with the module: a notebook that computes no interval never pays for it.
        from statsmodels.stats.proportion import proportion_confint

        lower[ok], upper[ok] = proportion_confint(k_arr[ok], n_arr[ok], alpha=alpha, method=METHODS[method])
    return _same_shape(lower), _same_shape(upper)


def poisson_interval(k, exposure, confidence: float = DEFAULT_CONFIDENCE):
    """Exact (Garwood) two-sided interval for a rate of k events over ``exposure`` (deployments, hours):
    (lower, upper) per unit of exposure. For counts with no fixed ceiling, where a proportion's
    interval does not apply. k need not be whole: a dispersion-adjusted interval passes k/phi over
    exposure/phi. Exposure 0 (or a missing k or exposure) gives NaN."""
    alpha = 1 - _check_confidence(confidence)
    k_arr, e_arr = np.broadcast_arrays(np.asarray(k, dtype=float), np.asarray(exposure, dtype=float))
    if (k_arr[~np.isnan(k_arr)] < 0).any():
        raise ValueError("counts must not be negative")
    lower = np.full(k_arr.shape, np.nan)
    upper = np.full(k_arr.shape, np.nan)
    ok = ~np.isnan(k_arr) & ~np.isnan(e_arr) & (e_arr > 0)
    if ok.any():
        from statsmodels.stats.rates import confint_poisson  # as proportion_confint above: only when needed

        lower[ok], upper[ok] = confint_poisson(k_arr[ok], e_arr[ok], method="exact-c", alpha=alpha)
    return _same_shape(lower), _same_shape(upper)


def wilson(k, n, confidence: float = DEFAULT_CONFIDENCE):
    return interval(k, n, confidence, "wilson")


def clopper_pearson(k, n, confidence: float = DEFAULT_CONFIDENCE):
    return interval(k, n, confidence, "exact")


def rule_of_three(n):
    """Approximate one-sided 95% upper bound for a rate after 0 events in n trials: 3/n."""
    return _same_shape(3 / np.asarray(n, dtype=float))


def zero_of_n_upper(n, confidence: float = DEFAULT_CONFIDENCE):
    """Exact one-sided upper bound after 0 events in n trials: 1 - (1 - confidence)^(1/n).

    The rule of three approximates this at 95% (-ln 0.05 = 2.996).
    """
    alpha = 1 - _check_confidence(confidence)
    return _same_shape(1 - alpha ** (1 / np.asarray(n, dtype=float)))


def passes_needed(lower_bound: float, confidence: float = DEFAULT_CONFIDENCE) -> int:
    """Smallest n for which n successes in n trials puts the exact two-sided lower bound at or
    above ``lower_bound``: (alpha/2)^(1/n) >= lower_bound."""
    if not 0 < lower_bound < 1:
        raise ValueError(f"lower_bound must lie strictly between 0 and 1, got {lower_bound!r}")
    alpha = 1 - _check_confidence(confidence)
    n = int(np.ceil(np.log(alpha / 2) / np.log(lower_bound)))
    # Guard the float edge: the ceiling of an exact integer quotient can land one short.
    while (alpha / 2) ** (1 / n) < lower_bound:
        n += 1
    return n


def all_of_n(n_max: int, confidence: float = DEFAULT_CONFIDENCE) -> pd.DataFrame:
    """What "100% true, 0% false" allows if it rests on n = 1..n_max passes.

    A 100% true alert rate is n alerts in n passes; 0% false is 0 in n. Columns give, for each n,
    the lowest true alert rate and the highest false alert rate the data cannot rule out.
    """
    if n_max < 1:
        raise ValueError(f"n_max must be at least 1, got {n_max!r}")
    n = np.arange(1, n_max + 1)
    true_exact, _ = clopper_pearson(n, n, confidence)
    true_wilson, _ = wilson(n, n, confidence)
    _, false_exact = clopper_pearson(np.zeros_like(n), n, confidence)
    _, false_wilson = wilson(np.zeros_like(n), n, confidence)
    return pd.DataFrame({
        "n": n,
        "true_lower_exact": true_exact,
        "true_lower_wilson": true_wilson,
        "false_upper_exact": false_exact,
        "false_upper_wilson": false_wilson,
        "false_upper_one_sided": zero_of_n_upper(n, confidence),
        "rule_of_three": np.minimum(rule_of_three(n), 1.0),
    })


def rate_table(frame: pd.DataFrame, k: str, n: str, confidence: float = DEFAULT_CONFIDENCE,
               method: str = "exact") -> pd.DataFrame:
    """``frame`` with ``rate``, ``lower`` and ``upper`` columns for k/n (NaN where n is 0 or missing)."""
    counts = frame[k].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    trials = frame[n].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    lower, upper = interval(counts, trials, confidence, method)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(trials > 0, counts / trials, np.nan)
    return frame.assign(rate=rate, lower=lower, upper=upper)
