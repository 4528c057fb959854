"""pandera schemas for the deployment-grid tables (merged into ``tables.SCHEMAS``).

Counts are nullable Int64: empty means the grid's layout does not print that figure, or the row is
N/A; it never means 0.
"""

from __future__ import annotations

import pandera.pandas as pa

from .parse import CHECKS, RATE_ROUNDING
from ..records.columns import column, count, date, fraction, table, text


_ID = text("Deployment key: <grid file stem>_<ISO date>_<n>, n = the grid's nth row on that date, in printed order")
_FILE = text("Grid PDF the row was read from (file name under data/raw/grids/)")


def _summary_columns() -> dict[str, pa.Column]:
    return {
        "deployments": count("Deployments listed (including N/A rows)", nullable=False),
        "deployments_with_results": count("Deployments with status 'ok' (figures printed)", nullable=False),
        "deployments_na": count("Deployments printed N/A (e.g. a technical fault stopped it): included in "
                                "'deployments', excluded from every sum of figures", nullable=False),
        "total_alerts": count("Sum of total alerts (empty: none printed)"),
        "true_alerts": count("Sum of true alerts"),
        "false_alerts": count("Sum of false alerts"),
        "arrests": count("Sum of arrests (2023 onwards layout only; empty where no grid prints it)"),
        "arrests_or_disposals": count("Sum of 'Arrests / Disposals' (2020-22 layout only)"),
        "faces_seen": count("Sum of estimated faces seen"),
        "false_alert_rate": fraction("Sum of false alerts / sum of faces seen, over deployments printing both"),
    }


GRID_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "deployments": table(
        "One row per deployment listed in the Met's LFR Deployment Grid PDFs, values as printed.",
        {
            "deployment_id": column("string", _ID.description, nullable=False, unique=True),
            "source_file": _FILE,
            "page": count("Page of the PDF where the row starts", nullable=False),
            "row": count("Position of the row in its grid, in printed order (1 = first)", nullable=False),
            "location": text("Deployment location as printed, wrapped lines joined with single spaces", nullable=True),
            "location_key": text("The place across its spelling variants (a stray comma, 'St'/'Street', a clipped "
                                 "word, words in another order): the variant printed most often", nullable=True),
            "date": column("datetime64[ns]", "Deployment date (printed DD/MM/YY or worded, read day first; ISO, 'January 8, 2025' or with a weekday "
                                   "too; month first only in a grid whose numeric dates prove it, with a warning)", nullable=False),
            "duration_minutes": count("Duration of the deployment in minutes (printed e.g. 5h03m, 5h 03m, 5h40, 06:09, "
                                       "6 hrs 9 mins, 369 mins, 6.15 hours; or from start and end times, 10:00-16:30); "
                                       "empty in the 2020-22 layout"),
            "purpose": text("LFR purpose reference codes or use case, as printed (e.g. '1,2,3,4', 'Crime Hotspot')",
                             nullable=True),
            "purpose_normalised": text("Purpose as short labels: each code read through the grid's own purpose "
                                        "legend, '; '-joined (e.g. 'serious crime; wanted on warrant')", nullable=True),
            "watchlist_size": count("Number of people on the watchlist"),
            "threshold": fraction("Minimum face-match threshold setting (empty in the 2020-22 layout)"),
            "total_alerts": count("Total alerts"),
            "true_alerts": count("True alerts: printed in 2020-22; confirmed + unconfirmed in later layouts"),
            "true_alerts_confirmed": count("True alerts confirmed (empty in the 2020-22 layout)"),
            "true_alerts_unconfirmed": count("True alerts unconfirmed (empty in the 2020-22 layout)"),
            "true_alert_engagements": count("True alert engagements (2020-22 layout only)"),
            "false_alerts": count("False alerts: 2020-22 'False Alert / Confirmed False Alerts'; "
                                   "confirmed + unconfirmed in later layouts"),
            "false_alerts_confirmed": count("False alerts confirmed (empty in the 2020-22 layout)"),
            "false_alerts_unconfirmed": count("False alerts unconfirmed (empty in the 2020-22 layout)"),
            "false_alert_engagements": count("False alert engagements (2020-22 layout only)"),
            "arrests": count("Engagement outcome: arrest (empty in the 2020-22 layout)"),
            "other_disposal": count("Engagement outcome: other disposal (empty in the 2020-22 layout)"),
            "no_action": count("Engagement outcome: no action (empty in the 2020-22 layout)"),
            "arrests_or_disposals": count("'Arrests / Disposals' (2020-22 layout only; not the sum of later columns)"),
            "faces_seen": count("Faces seen (the Met's estimate)"),
            "false_alert_rate_printed": text("False alert rate exactly as printed, e.g. '0.08%', 'N/A'", nullable=True),
            "false_alert_rate": fraction("Printed false alert rate as a fraction 0-1 (the Met's false alerts / faces seen)"),
            "false_alert_rate_rounding": column(
                "string", "How the printed rate relates to false alerts / faces seen at its printed precision: "
                + " | ".join(RATE_ROUNDING) + " (empty: not computable)", pa.Check.isin(RATE_ROUNDING), nullable=True),
            "status": text("'ok', or 'n/a' with the printed reason when the grid prints N/A for the results "
                           "(a technical fault), or 'n/a: no result printed' when every result is a dash or empty "
                           "with no reason, or 'n/a: <reason>' when a cell says it did not run ('Cancelled', or a "
                           "'Reason for cancellation' column) or its table's heading does ('Cancelled deployments', a "
                           "table printing no result column) and its results are blank or 0: such rows are kept and counted as deployments, their figures as "
                           "printed (empty, or a cancelled row's zeros)"),
            "flags": text("Reconciliation checks the row fails, ';'-joined: " + " | ".join(CHECKS)
                           + " (details in deployment_anomalies)", nullable=True),
            "superseded_by": text("The deployment_id of the same deployment (same date and place) printed again by a "
                                  "later edition of the grid (made later, or reaching further), whose figures stand: "
                                  "this row is left out of every count and sum (empty: it is not)", nullable=True),
        },
    ),
    "deployment_anomalies": table(
        "Every reconciliation failure in the deployment grids; the rows themselves are kept as printed.",
        {
            "deployment_id": text(_ID.description + " (empty: a check on a whole grid, e.g. copied_column)",
                                  nullable=True),
            "source_file": _FILE,
            "page": count("Page where the row starts", nullable=False),
            "check": column("string", "Check failed: copied_column (two count columns equal on every row of a "
                                    "grid), unreadable (a value not parseable), alerts_sum (total != true + false), "
                                    "outcomes_exceed_alerts (arrests + other disposals + no action > total alerts, a "
                                    "copied column left out), alerts_exceed_faces (more alerts than faces seen), false_alert_rate (printed rate neither rounds nor "
                                    "truncates false / faces), false_alert_rate_truncated (truncated, not rounded), "
                                    "watchlist_outlier (10%+ away from both neighbours, which agree), date_order "
                                    "(out of the grid's date order), date_after_edition (after the day the grid's "
                                    "PDF was made), location_variants (the place printed another "
                                    "way elsewhere), duplicate (same date, place, duration, faces and alerts as an "
                                    "earlier row), restated (printed again by a later edition: superseded, the differences named), likely_restated (a later edition covering its day prints no row at its date and place but one with every other value the same at another date, place or both: both counted), dropped_by_later_edition (a later edition covering its day leaves it out: still counted), purpose_code (not in the legend), weekday (the weekday printed with the date "
                                    "is not that date's)", pa.Check.isin(CHECKS),
                            nullable=False),
            "expected": text("What reconciling values would be"),
            "found": text("What the grid prints"),
            "detail": text("The arithmetic or context behind the failure"),
        },
    ),
    "extra_columns": table(
        "Values printed in grid columns whose header means no known field, kept aside (the grid is still read).",
        {
            "deployment_id": _ID,
            "source_file": _FILE,
            "page": count("Page where the row starts", nullable=False),
            "column": text("The column's header as printed (group header and sub-header joined)"),
            "value": text("The value as printed"),
        },
    ),
    "grid_editions": table(
        "One row per grid PDF read: what the PDF says of itself, so the report names each grid without "
        "opening it. An unreadable grid has no row (it is in rejected).",
        {
            "source_file": column("string", _FILE.description, nullable=False, unique=True),
            "title": text("The PDF's Title as its metadata gives it (empty: it gives none)", nullable=True),
            "edition_date": date("The day the PDF was made: the later of its metadata's CreationDate and ModDate, "
                                 "the day as written there (empty: it gives neither); what date_after_edition checks against"),
            "pages": count("Pages in the PDF", nullable=False),
            "deployments": count("Deployments read from it (its rows in deployments)", nullable=False),
            "deployments_superseded": count("Of them, deployments printed again by a later edition (their "
                                            "superseded_by set): not counted in the summaries", nullable=False),
        },
    ),
    "blue_list_deployments": table(
        "Blue-list results paired with the grid deployments of the same date (pairs, not a one-to-one match).",
        {
            "reference": text("FOI reference of the blue-list disclosure"),
            "row": count("Row of the disclosed blue-list table", nullable=False),
            "deployment_date": column("datetime64[ns]", "Date of the blue-list result", nullable=False),
            "true_alert_rate": fraction("Blue-list true alert rate as disclosed, fraction 0-1"),
            "false_alert_rate": fraction("Blue-list false alert rate as disclosed, fraction 0-1"),
            "match": column("string", "one-to-one (one result, one deployment that day) | ambiguous (several of "
                                    "either: every pairing listed, which result belongs to which deployment is not "
                                    "disclosed) | no deployment (no grid deployment that day)",
                          pa.Check.isin(["one-to-one", "ambiguous", "no deployment"]), nullable=False),
            "n_blue_list_rows_on_date": count("Blue-list results of this disclosure on this date", nullable=False),
            "n_deployments_on_date": count("Grid deployments on this date", nullable=False),
            "deployment_id": text("Paired deployment (empty: none that day)", nullable=True),
            "source_file": text("Grid PDF of the paired deployment", nullable=True),
            "location": text("Location of the paired deployment", nullable=True),
            "duration_minutes": count("Duration of the paired deployment in minutes"),
            "faces_seen": count("Faces seen at the paired deployment"),
            "total_alerts": count("Total alerts at the paired deployment"),
            "true_alerts": count("True alerts at the paired deployment"),
            "false_alerts": count("False alerts at the paired deployment"),
        },
    ),
    "blue_list_missing": table(
        "Grid deployments inside a blue-list disclosure's period (first to last result date) with no result that day.",
        {
            "reference": text("FOI reference of the blue-list disclosure"),
            "period_start": column("datetime64[ns]", "First blue-list date in that disclosure", nullable=False),
            "period_end": column("datetime64[ns]", "Last blue-list date in that disclosure", nullable=False),
            "deployment_id": _ID,
            "source_file": _FILE,
            "date": column("datetime64[ns]", "Deployment date", nullable=False),
            "location": text("Deployment location as printed", nullable=True),
        },
    ),
    "deployments_yearly": table(
        "Deployment-grid totals per calendar year of the printed date.",
        {"year": count("Calendar year", nullable=False), **_summary_columns()},
        unique=["year"],
    ),
    "deployments_by_purpose": table(
        "Deployment-grid totals per calendar year and normalised purpose.",
        {
            "year": count("Calendar year", nullable=False),
            "purpose_normalised": text("Purpose as short labels (see deployments.purpose_normalised)", nullable=True),
            **_summary_columns(),
        },
        unique=["year", "purpose_normalised"],
    ),
}
