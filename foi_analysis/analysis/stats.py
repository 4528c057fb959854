"""Intervals and bounds for rates: k events out of n trials.

Two-sided intervals: Wilson score, and Clopper-Pearson "exact", which never undercovers and is the
honest choice for the tiny counts in these documents. One-sided bounds answer "what is the worst
rate consistent with seeing none?" — the rule of three is their familiar approximation.

The intervals are statsmodels' ``proportion_confint`` (methods "wilson" and "beta") and the funnel's
limits scipy's ``binom.ppf``, computed with the same ``scipy.special`` functions those call:
importing statsmodels and scipy.stats costs every notebook's kernel about a CPU-second, and
``tests/test_stats.py`` checks the results are bit-for-bit theirs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from ..config import DEFAULT_CONFIDENCE

METHODS = ("wilson", "exact")


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
        lower[ok], upper[ok] = _confint(k_arr[ok], n_arr[ok], alpha / 2, method)
    return _same_shape(lower), _same_shape(upper)


def _confint(k: np.ndarray, n: np.ndarray, tail: float, method: str) -> tuple[np.ndarray, np.ndarray]:
    """statsmodels' proportion_confint(k, n, 2 * tail, method="beta" | "wilson") for 0 < n, step by step."""
    q = k / n
    if method == "exact":  # scipy.stats.beta.ppf / .isf are these two functions
        with np.errstate(invalid="ignore"):
            lower = np.where(k > 0, special.betaincinv(k, n - k + 1, tail), np.nan)
            upper = np.where(k < n, special.betainccinv(k + 1, n - k, tail), np.nan)
        lower[q == 0] = 0
        upper[q == 1] = 1
        return lower, upper
    crit = -special.ndtri(tail)  # scipy.stats.norm.isf(tail)
    crit2 = crit**2
    denom = 1 + crit2 / n
    center = (q + crit2 / (2 * n)) / denom
    dist = crit * np.sqrt(q * (1.0 - q) / n + crit2 / (4.0 * n**2))
    dist /= denom
    return np.clip(center - dist, 0, 1), np.clip(center + dist, 0, 1)


def binom_ppf(q: float, n, p) -> np.ndarray:
    """scipy.stats.binom.ppf(q, n, p) for 0 < q < 1: the smallest k with P(X <= k) >= q (NaN where n
    is not a whole number >= 0 or p is outside [0, 1]). The same ufunc scipy.stats calls."""
    n, p = np.broadcast_arrays(np.asarray(n, dtype=float), np.asarray(p, dtype=float))
    valid = (n >= 0) & (n == np.round(n)) & (p >= 0) & (p <= 1)
    out = np.full(n.shape, np.nan)
    out[valid] = special._ufuncs._binom_ppf(q, n[valid], p[valid])
    return out


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
