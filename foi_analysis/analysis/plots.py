"""One chart style for every notebook, and the few chart helpers they share."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import MaxNLocator, PercentFormatter

from . import sources, stats
from .display import day, event_word, interval, month, percent, small_percent
from .findings import KINDS
from ..config import DEFAULT_CONFIDENCE

# Categorical colours keyed by meaning, so "false" is the same red in every notebook.
COLOURS = {
    "true": "#1b7837", "false": "#c51b7d", "neutral": "#4d4d4d", "bound": "#2166ac",
    "absolute": "#b2182b", "qualified": "#2166ac", "procedural": "#878787",
}
# The legend's title over the kinds (absolute, qualified, procedural): words, not the column's name.
KIND_LEGEND = "Kind of ground"


def setup() -> None:
    """Seaborn's whitegrid theme at a fixed size and resolution (the same PNGs on every machine)."""
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind")
    plt.rcParams.update({"figure.figsize": (9, 4.5), "figure.dpi": 96, "savefig.dpi": 96,
                         "axes.titlesize": "medium", "axes.titleweight": "bold", "figure.autolayout": True,
                         # labels are references, places and names as printed: "$5 ... $6" is text, not maths
                         "text.parse_math": False})


def percent_axis(ax, axis: str = "y", decimals: int | None = None) -> None:
    """Label an axis holding fractions 0-1 as percentages."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(PercentFormatter(1.0, decimals=decimals))


def date_axis(ax, axis: str = "x") -> None:
    """Label an axis of dates as the pages write them ("Jan 2024"), not matplotlib's ISO "2024-01"."""
    from matplotlib.dates import AutoDateLocator, num2date

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(AutoDateLocator(maxticks=10))
    # a month's first day as the month; a tick inside a month (a short selection) as its day
    target.set_major_formatter(lambda v, _: month(d, short=True) if (d := num2date(v).date()).day == 1
                               else day(d, short=True))


def integer_axis(ax, axis: str = "y") -> None:
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))


def source(ax, text: str) -> None:
    """A small 'Source:' line under the chart: every chart names the documents it rests on."""
    # x in axes fraction, y just under the x-axis label, so the line never overprints it
    # wrap: matplotlib breaks a line that would run past the figure's right edge (a chart whose
    # labels push its axes right has less room for the documents' names)
    ax.annotate(f"Source: {text}", xy=(0, 0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -4),
                textcoords="offset points", ha="left", va="top", fontsize="x-small", color="#555555", wrap=True)


def figure_source(fig, text: str) -> None:
    """``source`` for a figure of several panels: one line under them all (an axes' line would run under
    its neighbour, and the layout would squeeze that axes to make room for it)."""
    fig.supxlabel(f"Source: {text}", x=0.01, ha="left", fontsize="x-small", color="#555555", wrap=True)


def wrapped(label: str, width: int = 42) -> str:
    """A long tick label on lines of ``width`` characters, so it never pushes the chart off the figure."""
    return "\n".join(textwrap.wrap(label, width)) or label


# inches for a source line of three lines (FOI responses named with their authorities) under a short chart
SOURCE_ROOM = 0.4
CHART_ROWS = 25  # rows a chart draws one by one; the rest are summed into one row that says how many


def capped(frame: pd.DataFrame, limit: int = CHART_ROWS, other: str = "{n} others") -> pd.DataFrame:
    """A frame of counts (index: labels, in the order to draw) cut to ``limit`` rows: the last row sums
    the rest and is labelled with how many it holds ('15 other authorities'), so the chart still adds up."""
    if len(frame) <= limit:
        return frame
    head, rest = frame.iloc[:limit - 1], frame.iloc[limit - 1:]
    return pd.concat([head, rest.sum().to_frame(other.format(n=len(rest))).T.astype(frame.dtypes.to_dict())])


def legend_outside(ax, title: str | None = None) -> None:
    """The legend right of the axes, where it can cover no bar however long the bars are."""
    ax.legend(title=title, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def no_data(ax, message: str = "nothing in the selection") -> None:
    """An empty chart that says why, instead of a crash or a blank square."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#777777")
    ax.set_xticks([])
    ax.set_yticks([])


def blue_list_chart(blue: pd.DataFrame, labels: list[str], confidence: float):
    """Blue-list true and false alert rates as printed (rows of ``Selection.blue_list``, one label per
    row), each with the exact interval the same printed rate would have over 1 pass and over 10:
    two panels, one legend for both (its marks in grey: the panels' colours say true or false)."""
    from matplotlib.lines import Line2D

    fig, axes = plt.subplots(1, 2, figsize=(11, 2.4 + 0.5 * max(len(blue), 2)), sharey=True, layout="constrained")
    shades = ((1, 12, 0.2), (10, 5, 0.5))  # passes, bar width, opacity
    for ax, column, colour, title in ((axes[0], "true_alert_rate", COLOURS["true"], "Blue-list true alert rate"),
                                      (axes[1], "false_alert_rate", COLOURS["false"], "Blue-list false alert rate")):
        if blue.empty:
            no_data(ax)
            continue
        y = range(len(blue))
        for n, width, alpha in shades:
            # k of n passes, where k reproduces the printed rate (100% -> n of n, 0% -> 0 of n)
            lower, upper = stats.clopper_pearson((blue[column].astype(float) * n).round(), n, confidence)
            ax.hlines(y, lower, upper, colors=colour, lw=width, alpha=alpha)
        ax.scatter(blue[column].astype(float), y, color=colour, zorder=3)
        ax.set_yticks(list(y), labels)
        ax.set_ylim(len(blue) - 0.5, -0.5)  # first row on top (the axes share y: set, not invert)
        ax.set(title=title, xlim=(-0.03, 1.03), xlabel="rate")
        percent_axis(ax, "x")
    if not blue.empty:
        c = f"{100 * confidence:g}%"
        marks = [Line2D([], [], color=COLOURS["neutral"], lw=width, alpha=alpha,
                        label=f"exact {c} interval if the rate rested on {n} pass{'' if n == 1 else 'es'}")
                 for n, width, alpha in shades]
        marks.append(Line2D([], [], color=COLOURS["neutral"], marker="o", ls="", label="rate as printed"))
        fig.legend(handles=marks, loc="outside upper center", ncol=3, fontsize="x-small", frameon=False)
    return fig, axes


def passes_chart(table, confidence: float, target: float | None = None):
    """What "100% true, 0% false" allows over n passes (a frame from ``stats.all_of_n``): two panels."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    c = f"{100 * confidence:.0f}%"
    left.plot(table["n"], table["true_lower_exact"], color=COLOURS["true"], label=f"exact (never too narrow), {c}")
    left.plot(table["n"], table["true_lower_wilson"], color=COLOURS["true"], ls="--", label=f"Wilson score, {c}")
    if target is not None:
        left.axhline(target, color=COLOURS["neutral"], lw=0.8, ls=":")
        left.annotate(f"{100 * target:.0f}%", (table["n"].iloc[-1], target), xytext=(0, -12),
                      textcoords="offset points", ha="right", fontsize="small")
    left.set(title="100% true in n passes:\nlowest true alert rate not ruled out",
             xlabel="blue-list passes behind the rate (n)", ylabel="lower bound", ylim=(0, 1.02))
    right.plot(table["n"], table["false_upper_exact"], color=COLOURS["false"], label=f"exact two-sided, {c}")
    right.plot(table["n"], table["false_upper_wilson"], color=COLOURS["false"], ls="--", label=f"Wilson score, {c}")
    right.plot(table["n"], table["false_upper_one_sided"], color=COLOURS["bound"], label=f"exact one-sided, {c}")
    right.plot(table["n"], table["rule_of_three"], color=COLOURS["bound"], ls=":", label="rule of three (3/n)")
    right.set(title="0% false in n passes:\nhighest false alert rate not ruled out",
              xlabel="blue-list passes behind the rate (n)", ylabel="upper bound", ylim=(0, 1.02))
    for ax, where in ((left, "lower right"), (right, "upper right")):  # where the curves are not
        percent_axis(ax)
        ax.legend(fontsize="small", loc=where)
    return fig, (left, right)


def show(fig, alt: str) -> None:
    """Display a chart with alt text that states its finding (the report's <img alt>), then close it.

    The PNG is written without a timestamp, so the same figure gives the same bytes.
    """
    import base64
    import io

    from IPython.display import display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    display({"image/png": png, "text/plain": alt}, raw=True, metadata={"image/png": {"alt": alt}})


def _pct(value) -> str:
    return percent(value)


def rates_with_intervals(ax, labels, table, confidence: float = DEFAULT_CONFIDENCE,
                         colour: str = COLOURS["false"]) -> None:
    """Pooled rates (rows of ``grid_analyses.pooled``) with the exact interval (thick) and the
    dispersion-adjusted one (thin), one row per label; the legend gives the intervals' level."""
    y = range(len(table))
    ax.hlines(y, table["adj_lower"], table["adj_upper"], color=colour, lw=1.2, alpha=0.6,
              label="allowing for spread between deployments")
    ax.hlines(y, table["lower"], table["upper"], color=colour, lw=5, alpha=0.5, label=f"exact {100 * confidence:g}% interval (faces independent)")
    ax.scatter(table["rate"], y, color=colour, zorder=3, label="pooled rate")
    ax.set_yticks(list(y), labels)
    percent_axis(ax, "x", decimals=3)
    # Each row's counts just above it, from its interval's left end: right of the interval, the label
    # of the widest one ran past the axes.
    for i, r in enumerate(table.itertuples()):
        left = min(v for v in (r.adj_lower, r.lower, r.rate) if pd.notna(v))
        ax.annotate(f"{int(r.false_alerts):,} false in {int(r.faces_seen):,} faces, {int(r.deployments)} deployments",
                    (left, i), xytext=(0, 5), textcoords="offset points", va="bottom", fontsize="x-small")
    ax.set_ylim(len(table) - 0.5, -0.8)  # inverted: room above the first row for its label


def funnel_chart(points, limits, pooled_rate, levels):
    """Each deployment's false alerts per face seen against its faces seen, with exact binomial control
    limits around the pooled rate: points outside vary more than chance allows."""
    fig, ax = plt.subplots(figsize=(10, 4.6))
    if points.empty:
        no_data(ax)
        return fig, ax
    zero = points["false_alerts"] == 0
    ax.scatter(points.loc[zero, "faces_seen"], points.loc[zero, "rate"], s=12, color="#bbbbbb", label="no false alert")
    ax.scatter(points.loc[~zero, "faces_seen"], points.loc[~zero, "rate"], s=22, color=COLOURS["false"],
               label="at least one false alert")
    for level, style in zip(levels, ("--", ":")):
        ax.plot(limits["faces_seen"], limits[f"upper_{level}"], color=COLOURS["neutral"], ls=style, lw=1,
                label=f"{100 * level:g}% control limit")
    ax.axhline(pooled_rate, color=COLOURS["bound"], lw=1, label=f"pooled rate {_pct(pooled_rate)}")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    percent_axis(ax, decimals=2)
    ax.set(title="Funnel plot: false alerts per face seen against faces seen, one point per deployment",
           xlabel="faces seen at the deployment (log scale)", ylabel="false alerts / faces seen")
    ax.legend(fontsize="x-small", loc="upper right")
    return fig, ax


def yearly_chart(years, confidence: float):
    """False alerts per face seen per calendar year on a true time axis: every year from the first to
    the last (a year without deployments marked as such), n under each year, a log scale so that a
    year of two deployments does not flatten the others."""
    fig, ax = plt.subplots(figsize=(10, 4.4))
    shown = years.loc[years["rate"].notna()] if not years.empty else years
    if shown.empty:
        no_data(ax)
        return fig, ax
    positive = pd.concat([shown["adj_lower"], shown["lower"], shown["rate"]]).astype(float)
    floor = float(positive[positive > 0].min()) / 3 if (positive > 0).any() else 1e-7
    clip = lambda s: s.astype(float).clip(lower=floor)  # noqa: E731 - a 0 has no place on a log axis
    ax.vlines(shown["year"], clip(shown["adj_lower"]), clip(shown["adj_upper"]), color=COLOURS["false"], lw=1.2,
              alpha=0.6, label="allowing for spread between deployments")
    ax.vlines(shown["year"], clip(shown["lower"]), clip(shown["upper"]), color=COLOURS["false"], lw=6, alpha=0.45,
              label=f"exact {100 * confidence:g}% interval")
    ax.scatter(shown["year"], clip(shown["rate"]), color=COLOURS["false"], zorder=3, label="pooled rate")
    ax.set_yscale("log")
    ax.set_ylim(floor, float(shown["adj_upper"].max()) * 3)
    for y in years.itertuples():
        if y.deployments == 0:
            ax.annotate("no deployment\nprinted", (y.year, floor * 3), ha="center", fontsize="x-small", color="#777777")
    # n counts the deployments the rate rests on (those that print both numbers) "of" all printed that year
    labels = [f"{int(y.year)}\nn = {_counted_of(y)}" + (f"\n{int(y.faces_seen):,} faces" if pd.notna(y.faces_seen) else "")
              for y in years.itertuples()]
    ax.set_xticks(list(years["year"]), labels, fontsize="small")
    ax.set_xlim(years["year"].min() - 0.5, years["year"].max() + 0.5)
    # a log axis of tiny rates reads 0.000010%: each tick also says its 1 in N, as the sentences do
    ax.yaxis.set_major_formatter(lambda v, _: small_percent(v).replace(" (", "\n("))
    ax.set(xlabel="", ylabel="false alerts / faces seen")
    # the legend in one row between the title and the axes: inside, it could cover a year's interval;
    # beside them, it would squeeze the years' labels into each other
    ax.set_title("False alerts per face seen, per calendar year (log scale; n = deployments counted)", pad=20)
    ax.legend(fontsize="x-small", loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False)
    return fig, ax


def _counted_of(y) -> str:
    """'24', or '2 of 3' when some of the year's deployments print no figures (a technical fault)."""
    counted, printed = int(y.counted), int(y.deployments)
    return f"{counted:,}" if counted == printed else f"{counted:,} of {printed:,}"


def yearly_alt(years, confidence: float = DEFAULT_CONFIDENCE) -> str:
    """The yearly chart's alt text: each year's rate with its exact interval (a rate is never said
    without its uncertainty, here either) and n, and the years with no deployment."""
    shown = years.loc[years["rate"].notna()]
    missing = [str(y) for y in years.loc[years["deployments"] == 0, "year"]]
    return (f"False alerts per face seen by year, with exact {100 * confidence:g}% intervals: "
            + "; ".join(f"{y.year}: {small_percent(y.rate)}, interval {interval(y.lower, y.upper)}, over {_counted_of(y)} deployments"
                        for y in shown.itertuples())
            + (f"; no deployment printed in {', '.join(missing)}" if missing else "") + ".")


def threshold_chart(thresholds, deployments, confidence: float = DEFAULT_CONFIDENCE):
    """False alerts per face seen per minimum threshold setting (rows of ``grid_analyses.by_threshold``
    of ``deployments`` at ``confidence``) with both intervals; the figure and its alt text."""
    fig, ax = plt.subplots(figsize=(10, 1.6 + 0.6 * max(len(thresholds), 1)))
    if thresholds.empty:
        no_data(ax, "no threshold printed in the selection")
    else:
        rates_with_intervals(ax, [f"threshold {t:g}" for t in thresholds["threshold"]], thresholds, confidence)
        ax.set(title="False alerts per face seen by minimum threshold setting", xlabel="false alerts / faces seen")
        legend_outside(ax)
        source(ax, sources.grids(deployments.loc[deployments["threshold"].notna(), "source_file"]))
    alt = f"False alerts per face seen by threshold setting, with exact {100 * confidence:g}% intervals: " + "; ".join(
        f"{t.threshold:g}: {t.false_alerts:,} in {t.faces_seen:,} faces: {small_percent(t.rate)}, interval {interval(t.lower, t.upper)}"
        for t in thresholds.itertuples()) + "."
    return fig, alt


# --- FOI requests: sections, kinds, citations, timelines -------------------------------------------

def sections_chart(counts: pd.DataFrame, documents: str):
    """Requests relying on each section (rows of ``findings.section_counts``), coloured by kind; the
    figure and its alt text. ``documents``: the responses counted (``sources.responses``)."""
    lines = sum(wrapped(label).count("\n") + 1 for label in counts["label"]) if len(counts) else 2
    fig, ax = plt.subplots(figsize=(9, SOURCE_ROOM + 0.6 + 0.3 * max(lines, 2) + 0.15 * len(counts)))
    if counts.empty:
        no_data(ax)
    else:
        # the kinds in findings.KINDS order, as in the kinds chart; full colour (seaborn's default
        # saturation would draw them paler than the same kinds there)
        sns.barplot(counts.assign(label=counts["label"].map(wrapped)), y="label", x="requests", hue="kind",
                    hue_order=[k for k in KINDS if k in set(counts["kind"])], dodge=False, palette=COLOURS,
                    saturation=1, ax=ax)
        integer_axis(ax, "x")
        ax.set(title="Requests relying on each section", xlabel="requests", ylabel="")
        legend_outside(ax, KIND_LEGEND)
        source(ax, documents)
    alt = ("Requests relying on each section: " + ", ".join(f"s{r.section} {r.requests}" for r in counts.itertuples()) + "."
           if len(counts) else "No request in the selection relies on a section.")
    return fig, alt


def kinds_chart(by_kind: pd.DataFrame, documents: str):
    """Request-section pairs by kind (columns) per authority (index), the most first; past ``CHART_ROWS``
    authorities the rest share one bar. The figure and its alt text. ``documents``: the responses counted."""
    by_kind = by_kind[[k for k in KINDS if k in by_kind.columns]]  # stacked and listed in one order
    order = by_kind.sum(axis=1).sort_values(ascending=False, kind="stable").index
    shown = capped(by_kind.loc[order], other="{n} other authorities")
    fig, ax = plt.subplots(figsize=(9, SOURCE_ROOM + 1.2 + 0.45 * max(len(shown), 2)))
    if shown.empty:
        no_data(ax)
    else:
        shown.set_axis([wrapped(a, 36) for a in shown.index]).plot(
            kind="barh", stacked=True, ax=ax, color=[COLOURS[k] for k in shown.columns])
        ax.invert_yaxis()  # the most first, from the top
        integer_axis(ax, "x")
        ax.set(title="Sections relied on, by kind and authority", xlabel="request-section pairs", ylabel="")
        legend_outside(ax, KIND_LEGEND)
        source(ax, documents + "; absolute or qualified as FOIA s2(3) lists the exemptions")
    described = capped(by_kind.loc[order], limit=10, other="{n} other authorities")
    alt = ("Request-section pairs by kind and authority: " + "; ".join(
        f"{a}: " + ", ".join(f"{n} {k}" for k, n in row.items() if n) for a, row in described.iterrows()) + "."
           if len(described) else "No request in the selection relies on a section.")
    return fig, alt


def citations_heatmap(cited: pd.DataFrame, key) -> tuple:
    """Citations per request and section (``cited``: exemption rows relied on, with a ``label`` per
    request); past ``CHART_ROWS`` requests, requests citing each section per authority instead (the
    largest first, the rest summed). ``key`` orders the sections. The figure and its alt text; the
    source line names the responses (reference and authority)."""
    per_request = cited["label"].nunique() <= CHART_ROWS
    if per_request:
        grid = pd.crosstab(cited["label"], cited["section"])
        title, ylabel = "Citations per request and section", "FOI request"
    else:
        grid = pd.crosstab(cited["authority"], cited["section"], values=cited["label"], aggfunc="nunique").fillna(0)
        grid = capped(grid.astype(int).loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index],
                      other="{n} other authorities")
        title, ylabel = "Requests citing each section, per authority", ""
    grid = grid[sorted(grid.columns, key=key)]
    fig, ax = plt.subplots(figsize=(9, SOURCE_ROOM + 1.2 + 0.55 * max(len(grid), 2)))
    if grid.empty:
        no_data(ax)
    else:
        sns.heatmap(grid.set_axis([wrapped(str(i), 36) for i in grid.index]), mask=grid.to_numpy() == 0, annot=True,
                    fmt="d", cmap="Blues", cbar=False, linewidths=0.5, linecolor="#dddddd", ax=ax)
        ax.set(title=title, xlabel="FOIA section", ylabel=ylabel)
        ax.grid(False)
        ax.tick_params(axis="y", rotation=0)
        source(ax, sources.responses(cited))
    if per_request:
        alt = (f"Citations per request and section: {int(grid.to_numpy().sum()) if not grid.empty else 0} citations "
               f"over {len(grid)} requests.")
    else:
        alt = (f"Requests citing each section, per authority: {cited['label'].nunique()} requests from "
               f"{cited['authority'].nunique()} authorities, too many to show one by one.")
    return fig, alt


TIMELINE_ROWS = 20  # requests drawn on the working-day axis; past it, the most recently received


def timeline_chart(events: pd.DataFrame, received: pd.Series):
    """Each request's events on a UK working-day axis against the 20- and 40-day marks (``events``:
    rows with a ``working_day`` and a ``label`` per request; ``received``: each label's receipt date).
    Past ``TIMELINE_ROWS`` requests, the most recently received. The figure, its alt text and the labels drawn."""
    dated = received.loc[received.index.isin(events["label"])]
    shown = sorted(dated.sort_values(kind="stable").index[-TIMELINE_ROWS:])
    placed = events.loc[events["label"].isin(shown)]
    last_day = int(placed["working_day"].max()) if shown else 40
    fig, ax = plt.subplots(figsize=(11, 1.8 + 1.4 * max(len(shown), 1)))
    if not shown:
        no_data(ax, "no request in the selection prints a receipt date")
    else:
        ax.axvspan(40, max(last_day, 40) + 6, color=COLOURS["false"], alpha=0.06)
        # short labels: the legend's three entries side by side fit inside the axes (longer ones ran past both edges)
        ax.axvline(20, color=COLOURS["neutral"], lw=1, label="day 20: deadline, s17 notice due")
        ax.axvline(40, color=COLOURS["false"], lw=1, ls="--", label="day 40: most the ICO accepts")
        for y, label in enumerate(shown):
            timeline = placed.loc[placed["label"] == label].sort_values("date")
            ax.plot(timeline["working_day"], [y] * len(timeline), color="#999999", lw=1, zorder=1)
            is_s17 = timeline["event"] == "extension_notice"
            ax.scatter(timeline.loc[~is_s17, "working_day"], [y] * int((~is_s17).sum()), color=COLOURS["neutral"], zorder=2)
            ax.scatter(timeline.loc[is_s17, "working_day"], [y] * int(is_s17.sum()), marker="D", s=70,
                       color=COLOURS["bound"], zorder=3, label="s17 notice" if y == 0 else None)
            for i, event in enumerate(timeline.itertuples()):
                above = i % 2 == 0  # alternate above and below so neighbours do not overprint
                # on a white ground above the day-20 and day-40 lines: a mark line never runs through a label
                ax.annotate(f"{event_word(event.event)}\n{day(event.date, short=True)} (day {event.working_day})",
                            (event.working_day, y), xytext=(0, 12 if above else -12), textcoords="offset points",
                            ha="center", va="bottom" if above else "top", fontsize="x-small", zorder=4,
                            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"})
        ax.set_yticks(range(len(shown)), [wrapped(s, 30) for s in shown])
        ax.set_ylim(-1.5, len(shown) - 0.1)  # room under the last row for the legend
        ax.set_xlim(-3, max(last_day, 40) + 6)
        ax.set(title="Events of each request in UK working days after receipt", xlabel="working day (receipt = 0)")
        ax.legend(fontsize="small", loc="lower center", ncol=3)
        source(ax, sources.responses(placed))
    which = (f"the {len(shown)} most recently received of {len(dated)} dated requests" if len(shown) < len(dated)
             else f"{len(shown)} request{'' if len(shown) == 1 else 's'}")
    alt = f"Events of {which} on the working-day axis against the 20- and 40-day marks"
    return fig, alt, shown
