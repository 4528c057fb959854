"""One chart style for every notebook, and the few chart helpers they share."""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.ticker import MaxNLocator, PercentFormatter

# Categorical colours keyed by meaning, so "false" is the same red in every notebook.
COLOURS = {
    "true": "#1b7837", "false": "#c51b7d", "neutral": "#4d4d4d", "bound": "#2166ac",
    "absolute": "#b2182b", "qualified": "#2166ac", "procedural": "#878787",
}


def setup() -> None:
    """Seaborn's whitegrid theme at a fixed size and resolution (the same PNGs on every machine)."""
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind")
    plt.rcParams.update({"figure.figsize": (9, 4.5), "figure.dpi": 96, "savefig.dpi": 96,
                         "axes.titlesize": "medium", "axes.titleweight": "bold", "figure.autolayout": True})


def percent_axis(ax, axis: str = "y", decimals: int | None = None) -> None:
    """Label an axis holding fractions 0-1 as percentages."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(PercentFormatter(1.0, decimals=decimals))


def integer_axis(ax, axis: str = "y") -> None:
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))


def source(ax, text: str) -> None:
    """A small 'Source:' line under the chart: every chart names the documents it rests on."""
    # x in axes fraction, y just under the x-axis label, so the line never overprints it
    ax.annotate(f"Source: {text}", xy=(0, 0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -4),
                textcoords="offset points", ha="left", va="top", fontsize="x-small", color="#555555")


def no_data(ax, message: str = "nothing in the selection") -> None:
    """An empty chart that says why, instead of a crash or a blank square."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#777777")
    ax.set_xticks([])
    ax.set_yticks([])


def intervals(ax, x, rate, lower, upper, colour: str = COLOURS["neutral"], label: str | None = None, **kwargs) -> None:
    """Point estimates with interval bars (lower/upper as absolute values, NaN skipped)."""
    ax.errorbar(x, rate, yerr=[rate - lower, upper - rate], fmt="o", color=colour, ecolor=colour,
                elinewidth=1.2, capsize=3, label=label, **kwargs)


def passes_chart(table, confidence: float, target: float | None = None):
    """What "100% true, 0% false" allows over n passes (a frame from ``stats.all_of_n``): two panels."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    c = f"{100 * confidence:.0f}%"
    left.plot(table["n"], table["true_lower_exact"], color=COLOURS["true"], label=f"exact (Clopper-Pearson), {c}")
    left.plot(table["n"], table["true_lower_wilson"], color=COLOURS["true"], ls="--", label=f"Wilson, {c}")
    if target is not None:
        left.axhline(target, color=COLOURS["neutral"], lw=0.8, ls=":")
        left.annotate(f"{100 * target:.0f}%", (table["n"].iloc[-1], target), xytext=(0, -12),
                      textcoords="offset points", ha="right", fontsize="small")
    left.set(title="100% true in n passes:\nlowest true alert rate not ruled out",
             xlabel="blue-list passes behind the rate (n)", ylabel="lower bound", ylim=(0, 1.02))
    right.plot(table["n"], table["false_upper_exact"], color=COLOURS["false"], label=f"exact two-sided, {c}")
    right.plot(table["n"], table["false_upper_wilson"], color=COLOURS["false"], ls="--", label=f"Wilson, {c}")
    right.plot(table["n"], table["false_upper_one_sided"], color=COLOURS["bound"], label=f"exact one-sided, {c}")
    right.plot(table["n"], table["rule_of_three"], color=COLOURS["bound"], ls=":", label="rule of three (3/n)")
    right.set(title="0% false in n passes:\nhighest false alert rate not ruled out",
              xlabel="blue-list passes behind the rate (n)", ylabel="upper bound", ylim=(0, 1.02))
    for ax in (left, right):
        percent_axis(ax)
        ax.legend(fontsize="small")
    return fig, (left, right)


def yearly_rates(years, confidence: float):
    """Two panels from ``findings.per_period(..., "Y")``: false alerts per face seen, and the share of
    alerts that were false, each with its interval."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    shown = years.loc[years["faces_seen"].notna()]
    if shown.empty:
        no_data(left)
        no_data(right)
        return fig, (left, right)
    intervals(left, shown["period"], shown["rate"], shown["lower"], shown["upper"], colour=COLOURS["false"])
    percent_axis(left, decimals=3)
    left.set(title="False alerts per face seen", xlabel="year", ylabel="rate")
    intervals(right, shown["period"], shown["false_share"], shown["share_lower"], shown["share_upper"],
              colour=COLOURS["false"])
    percent_axis(right)
    right.set(title="Share of alerts that were false", xlabel="year", ylabel="share", ylim=(0, 1))
    source(left, f"deployment grids, pooled per year; {100 * confidence:.0f}% exact intervals")
    return fig, (left, right)
