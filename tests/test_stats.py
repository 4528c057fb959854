"""Intervals against values worked out by hand from the textbook formulas (written beside each)."""

import math

import numpy as np
import pandas as pd
import pytest

from foi_analysis.analysis import stats

Z95 = 1.959963984540054  # the 97.5% point of the standard normal


def test_wilson_zero_of_five():
    # Wilson upper for k = 0: (z^2/2 + z*sqrt(z^2/4)) / (n + z^2) = z^2 / (n + z^2)
    # = 3.841459 / 8.841459 = 0.43448
    lower, upper = stats.wilson(0, 5)
    assert lower == pytest.approx(0.0, abs=1e-12)
    assert upper == pytest.approx(0.43448, abs=5e-5)
    assert upper == pytest.approx(Z95**2 / (5 + Z95**2), rel=1e-9)


def test_wilson_interior_point():
    # k = 2, n = 10, p = 0.2: centre (p + z^2/2n) / (1 + z^2/n) = 0.392073 / 1.384146 = 0.283262,
    # half-width z*sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n) = 1.96 * 0.13327 / 1.384146 = 0.18661
    lower, upper = stats.wilson(2, 10)
    assert lower == pytest.approx(0.05668, abs=5e-5)
    assert upper == pytest.approx(0.5098, abs=5e-5)


def test_clopper_pearson_edges():
    # 0 of n: upper = 1 - (alpha/2)^(1/n) = 1 - 0.025**(1/5) = 0.52182
    assert stats.clopper_pearson(0, 5) == pytest.approx((0.0, 1 - 0.025 ** (1 / 5)), abs=1e-9)
    assert stats.clopper_pearson(0, 5)[1] == pytest.approx(0.52182, abs=5e-5)
    # n of n: lower = (alpha/2)^(1/n) = 0.025**(1/5) = 0.47818
    assert stats.clopper_pearson(5, 5) == pytest.approx((0.025 ** (1 / 5), 1.0), abs=1e-9)
    # 1 of 1 at 95%: the lower bound is 0.025 itself
    assert stats.clopper_pearson(1, 1)[0] == pytest.approx(0.025)


def test_clopper_pearson_one_of_two_is_symmetric():
    # 1 of 2: lower solves P(X >= 1) = 0.025, i.e. 1 - (1-p)^2 = 0.025 -> p = 1 - sqrt(0.975) = 0.012579;
    # the upper bound is its mirror, sqrt(0.975) = 0.987421.
    lower, upper = stats.clopper_pearson(1, 2)
    assert lower == pytest.approx(1 - math.sqrt(0.975), abs=1e-9)
    assert upper == pytest.approx(math.sqrt(0.975), abs=1e-9)


def test_confidence_level_changes_the_interval():
    # 0 of 10 at 90%: 1 - 0.05**(1/10) = 0.25887
    assert stats.clopper_pearson(0, 10, confidence=0.90)[1] == pytest.approx(0.25887, abs=5e-5)


def test_rule_of_three_and_exact_one_sided_bound():
    assert stats.rule_of_three(30) == pytest.approx(0.1)
    assert list(stats.rule_of_three(np.array([3, 6]))) == pytest.approx([1.0, 0.5])
    # one-sided: 1 - 0.05**(1/30) = 0.09503, close to 3/30 as the rule promises
    assert stats.zero_of_n_upper(30) == pytest.approx(0.09503, abs=5e-5)


def test_passes_needed():
    # (0.025)^(1/n) >= 0.9  <=>  n >= ln 0.025 / ln 0.9 = 35.01 -> 36
    assert stats.passes_needed(0.9) == 36
    # (0.025)^(1/n) >= 0.5  <=>  n >= ln 0.025 / ln 0.5 = 5.32 -> 6
    assert stats.passes_needed(0.5) == 6


def test_all_of_n_table():
    table = stats.all_of_n(5)
    assert list(table["n"]) == [1, 2, 3, 4, 5]
    row = table.set_index("n").loc[5]
    assert row["true_lower_exact"] == pytest.approx(0.025 ** (1 / 5))
    assert row["false_upper_exact"] == pytest.approx(1 - 0.025 ** (1 / 5))
    assert row["false_upper_wilson"] == pytest.approx(Z95**2 / (5 + Z95**2))
    assert row["true_lower_wilson"] == pytest.approx(5 / (5 + Z95**2))
    # 3/n is capped at 1 for n < 3: a rate cannot exceed 100%
    assert list(table["rule_of_three"]) == pytest.approx([1.0, 1.0, 1.0, 0.75, 0.6])


def test_rate_table_handles_missing_and_zero_trials():
    frame = pd.DataFrame({"k": pd.array([0, 0, None, 2], dtype="Int64"),
                          "n": pd.array([5, 0, 4, 10], dtype="Int64")})
    out = stats.rate_table(frame, "k", "n")
    assert out["rate"].iloc[0] == 0.0 and out["upper"].iloc[0] == pytest.approx(1 - 0.025 ** 0.2)
    assert out[["rate", "lower", "upper"]].iloc[1:3].isna().all().all()
    assert out["rate"].iloc[3] == pytest.approx(0.2)


@pytest.mark.parametrize("call", [
    lambda: stats.interval(6, 5),
    lambda: stats.interval(1, 5, confidence=1.0),
    lambda: stats.interval(1, 5, method="jeffreys"),
    lambda: stats.all_of_n(0),
])
def test_bad_arguments_are_refused(call):
    with pytest.raises(ValueError):
        call()


def test_poisson_interval_against_garwood_table():
    # Garwood's exact interval for a count k: chi2(alpha/2; 2k)/2 to chi2(1-alpha/2; 2k+2)/2.
    # k = 0: lower 0, upper chi2(0.975; 2)/2 = -ln(0.025) = 3.68888 (chi-square with 2 df is exponential)
    assert stats.poisson_interval(0, 1) == pytest.approx((0.0, -math.log(0.025)), abs=1e-9)
    # k = 1: lower chi2(0.025; 2)/2 = -ln(0.975) = 0.025318; upper 5.5716 (published tables of Garwood's limits)
    lower, upper = stats.poisson_interval(1, 1)
    assert lower == pytest.approx(-math.log(0.975), rel=1e-9)
    assert upper == pytest.approx(5.5716, abs=5e-4)
    # k = 10 over an exposure of 2 (10 arrests in 2 deployments): the table's 4.7954 to 18.390, halved
    lower, upper = stats.poisson_interval(10, 2)
    assert (lower, upper) == pytest.approx((4.7954 / 2, 18.390 / 2), abs=5e-4)
    # no exposure: no information
    assert all(math.isnan(v) for v in stats.poisson_interval(3, 0))
    with pytest.raises(ValueError, match="negative"):
        stats.poisson_interval(-1, 2)
