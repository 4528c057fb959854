"""The Met's LFR Deployment Grid PDFs -> deployments, anomalies, blue-list and yearly tables.

Expected values were read off the PDFs by hand: every page was rendered to PNG (pypdfium2, scale 2)
and read on screen, and the row counts were cross-checked against pdfplumber's (pdfminer) text,
an extraction path independent of the parser's. Synthetic fixtures are described in
tests/fixtures/grids/make_fixtures.py, which drew them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis import config
from foi_analysis.grids import headers as grid_headers, parse as grids
from foi_analysis.grids.schemas import GRID_SCHEMAS

FIXTURES = Path(__file__).parent / "fixtures" / "grids"
# The frozen corpus holds the two original grids; the 2025 grid is a fixture copy of its own.
CORPUS_GRIDS = Path(__file__).parent / "fixtures" / "corpus" / "data" / "raw" / "grids"
OLD = CORPUS_GRIDS / "met-lfr-grid-2020-2022.pdf"
NEW = CORPUS_GRIDS / "met-lfr-grid-2023-to-2024.pdf"
GRID_2025 = FIXTURES / "met-lfr-grid-2025-to-may2026.pdf"

# The blue-list table of FOI 01.FOI.23.030730 as printed (Date | True Alert Rate | False Alert Rate).
BLUE_LIST = pd.DataFrame({
    "reference": pd.array(["01.FOI.23.030730"] * 5, dtype="string"),
    "row": pd.array([1, 2, 3, 4, 5], dtype="Int64"),
    "deployment_date": pd.to_datetime(["2023-04-06", "2023-04-14", "2023-05-06", "2023-05-06", "2023-05-06"]),
    "true_alert_rate": pd.array([1.0] * 5, dtype="Float64"),
    "false_alert_rate": pd.array([0.0] * 5, dtype="Float64"),
    "true_alert_rate_raw": pd.array(["100%"] * 5, dtype="string"),
    "false_alert_rate_raw": pd.array(["0%"] * 5, dtype="string"),
    "n_tests": pd.array([None] * 5, dtype="Int64"),
})


@pytest.fixture(scope="module")
def old():
    return grids.parse_grid(OLD)


@pytest.fixture(scope="module")
def new():
    return grids.parse_grid(NEW)


@pytest.fixture(scope="module")
def tables():
    return grids.build_tables(CORPUS_GRIDS, blue_list=BLUE_LIST)


@pytest.fixture(scope="module")
def grid_2025():
    return grids.parse_grid(GRID_2025)


def one(df: pd.DataFrame, date: str, location: str) -> pd.Series:
    rows = df[(df["date"] == pd.Timestamp(date)) & (df["location"] == location)]
    assert len(rows) == 1, (date, location, rows)
    return rows.iloc[0]


def assert_fields(row: pd.Series, expected: dict) -> None:
    got = {k: (None if pd.isna(row[k]) else row[k]) for k in expected}
    assert got == expected


# --- the 2020-22 grid (2 pages: table, then the purpose legend) -----------------------------------

def test_old_grid_has_nine_rows_one_of_them_na(old):
    df, rejections = old
    assert rejections == []
    assert len(df) == 9  # page 1 lists nine deployments, 11/02/20 to 28/07/22
    assert (df["status"] != "ok").sum() == 1
    assert set(df["page"]) == {1}  # the legend on page 2 is not taken for deployments


def test_old_grid_sample_rows(old):
    df, _ = old
    # Page 1, row 3.
    assert_fields(one(df, "2020-02-27", "Oxford Circus"), {
        "purpose": "1, 2", "watchlist_size": 7292, "total_alerts": 8, "false_alerts": 7,
        "false_alert_engagements": 5, "true_alerts": 1, "true_alert_engagements": 1, "arrests_or_disposals": 1,
        "faces_seen": 8600, "false_alert_rate_printed": "0.08%", "status": "ok", "flags": None,
    })
    # Page 1, row 4: the rate is printed to three decimals here.
    assert_fields(one(df, "2022-01-28", "Oxford Circus"), {
        "watchlist_size": 9756, "total_alerts": 11, "false_alerts": 1, "true_alerts": 10,
        "true_alert_engagements": 7, "arrests_or_disposals": 4, "faces_seen": 12120,
        "false_alert_rate_printed": "0.008%", "false_alert_rate": 0.00008,
    })
    # Page 1, row 5: "Leicester / Square" wraps over two lines.
    assert_fields(one(df, "2022-03-10", "Leicester Square"), {"watchlist_size": 6793, "faces_seen": 10740})
    # Page 1, row 9, with purpose 3 (the equitability study) from July 2022.
    assert_fields(one(df, "2022-07-28", "Piccadilly Circus"), {
        "purpose": "1, 2, 3", "purpose_normalised": "serious crime; wanted on warrant; equitability study",
        "total_alerts": 1, "true_alerts": 1, "faces_seen": 16440,
    })


def test_old_layout_lacks_stay_empty_not_zero(old):
    df, _ = old
    # The 2020-22 layout prints no duration, threshold, confirmed/unconfirmed split or outcome split.
    for column in ["duration_minutes", "threshold", "true_alerts_confirmed", "true_alerts_unconfirmed",
                   "false_alerts_confirmed", "false_alerts_unconfirmed", "arrests", "other_disposal", "no_action"]:
        assert df[column].isna().all(), column


def test_na_row_keeps_printed_fields_and_empties_the_results(old):
    df, _ = old
    # Page 1, row 2: "Oxford Circus (technical fault stopped deployment)", 21/02/20, N/A throughout.
    row = one(df, "2020-02-21", "Oxford Circus")
    assert row["status"] == "n/a: technical fault stopped deployment"
    assert row["purpose"] == "1, 2" and row["watchlist_size"] == 7316
    assert row["false_alert_rate_printed"] == "N/A"
    for column in ["total_alerts", "true_alerts", "false_alerts", "arrests_or_disposals", "faces_seen",
                   "false_alert_rate"]:
        assert pd.isna(row[column]), column
    assert pd.isna(row["flags"])


# --- the 2023-24 grid (10 pages: tables on 1-5, legend on 5, new header on 6, tables to 8, legend 9) ---

def test_new_grid_row_count_hand_checked(new):
    df, rejections = new
    assert rejections == []
    # Counted on the rendered pages: 19, 39, 40, 40, 9 rows; then 24, 28 (plus the tail of a row
    # continued from page 6), 4. pdfplumber's text has the same number of DD/MM/YY dates per page.
    assert df.groupby("page").size().to_dict() == {1: 19, 2: 39, 3: 40, 4: 40, 5: 9, 6: 24, 7: 28, 8: 4}
    assert len(df) == 203
    assert (df["status"] == "ok").all()


def test_new_grid_sample_rows(new):
    df, _ = new
    # Page 1, row 15.
    assert_fields(one(df, "2023-11-06", "Haringey, Love Lane"), {
        "page": 1, "duration_minutes": 357, "purpose": "1,2,3,4", "watchlist_size": 12187, "threshold": 0.6,
        "total_alerts": 2, "true_alerts_confirmed": 1, "true_alerts_unconfirmed": 0, "false_alerts_confirmed": 1,
        "false_alerts_unconfirmed": 0, "false_alert_rate_printed": "0.01%", "arrests": 0, "other_disposal": 1,
        "no_action": 1, "faces_seen": 8285, "true_alerts": 1, "false_alerts": 1,
    })
    # Page 4, row 14.
    assert_fields(one(df, "2024-06-28", "Brent"), {
        "page": 4, "duration_minutes": 325, "watchlist_size": 15589, "threshold": 0.6, "total_alerts": 7,
        "true_alerts_confirmed": 4, "false_alerts_confirmed": 3, "false_alert_rate_printed": "0.18%",
        "false_alert_rate": 0.0018, "arrests": 2, "other_disposal": 5, "no_action": 5, "faces_seen": 1650,
    })
    # Page 6, row 14: under the new "LFR Use Case" header.
    assert_fields(one(df, "2024-10-09", "Broadway, Stratford"), {
        "page": 6, "duration_minutes": 288, "purpose": "Crime Hotspot", "purpose_normalised": "crime hotspot",
        "watchlist_size": 15618, "threshold": 0.64, "total_alerts": 20, "true_alerts_confirmed": 19,
        "true_alerts_unconfirmed": 1, "false_alerts_confirmed": 0, "arrests": 9, "other_disposal": 11,
        "faces_seen": 9870,
    })
    # Page 5, last row before the legend.
    assert_fields(one(df, "2024-09-10", "Croydon"), {"page": 5, "duration_minutes": 344, "total_alerts": 10,
                                                     "faces_seen": 9985, "threshold": 0.64})


def test_wrapped_locations(new):
    df, _ = new
    # Page 6, row 2 and page 8, row 4: locations printed over three lines.
    assert one(df, "2024-09-17", "Brigstock Rd, Thornton Heath")["faces_seen"] == 2695
    assert one(df, "2024-12-20", "Rushey Green, Catford")["duration_minutes"] == 323
    # Last row of page 6 ("Belvedere"), its location finished at the top of page 7 ("Rd, Waterloo").
    belvedere = one(df, "2024-10-24", "Belvedere Rd, Waterloo")
    assert belvedere["page"] == 6 and belvedere["faces_seen"] == 10520
    assert not df["location"].str.contains("  ").any()


def test_purpose_codes_read_through_the_grids_own_legend(new):
    df, _ = new
    # Pages 1-5 print codes 1,2,3,4, explained by the legend on page 5; pages 6-8 print the use case.
    counts = df.groupby("purpose_normalised").size().to_dict()
    assert counts == {
        "suspected offenders; wanted on warrant; risk of harm; bail or court conditions": 147,
        "crime hotspot": 56,
    }


def test_real_grids_anomalies(tables):
    t, _ = tables
    anomalies = t["deployment_anomalies"]
    got = {(a.deployment_id, a.check, a.expected, a.found) for a in anomalies.itertuples()
           if a.check not in ("location_variants", "false_alert_rate_truncated")}
    new = "met-lfr-grid-2023-to-2024_"
    assert got == {
        # Page 1, row 18 (Croydon, George St): 1 false alert / 3,940 faces = 0.025%, printed 0.01%:
        # neither rounded (0.03%) nor truncated (0.02%).
        (new + "2023-12-07_1", "false_alert_rate", "0.03%", "0.01%"),
        # Page 2, row 5 (Westminster): total 1 but true 1 + 1 unconfirmed, false 0.
        (new + "2024-01-10_1", "alerts_sum", "2", "1"),
        # Page 4, row 15 (Dalston): 11/07/23 printed between 28/06/24 and 11/07/24.
        (new + "2023-07-11_1", "date_order", "on or after 2024-06-28", "2023-07-11"),
        # "No Action" repeats "Other Disposal" on every one of the 203 rows (read on every page).
        (pd.NA, "copied_column", "no_action independent of other_disposal", "no_action == other_disposal"),
    }
    # Rates truncated, not rounded, read off the rendered pages (false / faces, printed):
    # page 2: 1/1,123 = 0.089% "0.08%", 1/1,011 = 0.099% "0.09%", 1/2,720 = 0.037% "0.03%",
    # 2/2,040 = 0.098% "0.09%", 1/2,047 = 0.049% "0.04%"; page 3: 1/1,803 = 0.055% "0.05%",
    # 1/1,330 = 0.075% "0.07%", 1/1,324 = 0.076% "0.07%", 1/2,008 = 0.050% "0.04%"; page 4:
    # 1/3,705 = 0.027% "0.02%". Woolwich 09/04/24 (1/1,446 = 0.069% "0.07%") is rounded only.
    truncated = anomalies[anomalies["check"] == "false_alert_rate_truncated"]
    assert sorted(truncated["deployment_id"].str.removeprefix(new)) == [
        "2024-01-23_1", "2024-02-06_1", "2024-03-01_1", "2024-03-05_1", "2024-03-12_1", "2024-04-03_1",
        "2024-04-18_1", "2024-05-08_1", "2024-05-10_1", "2024-07-13_2"]
    dep = t["deployments"].set_index("deployment_id")
    assert dep.loc[new + "2024-04-09_2", "false_alert_rate_rounding"] == "rounded"
    brent = one(t["deployments"], "2024-06-28", "Brent")  # 3 / 1,650 = 0.1818%, printed 0.18%
    assert brent["false_alert_rate_rounding"] == "rounded or truncated"
    # The same place printed two ways (page 2: "Clapham Junc" 21/02/24, "Clapham Junction" 14/03/24).
    variants = anomalies[anomalies["check"] == "location_variants"].set_index("deployment_id")
    assert variants.loc[new + "2024-02-21_1", ["expected", "found"]].tolist() == ["Clapham Junction", "Clapham Junc"]
    assert dep.loc[new + "2024-02-21_1", "location_key"] == dep.loc[new + "2024-03-14_1", "location_key"]
    flagged = t["deployments"].dropna(subset=["flags"]).set_index("deployment_id")["flags"].to_dict()
    per_row = anomalies.dropna(subset=["deployment_id"]).groupby("deployment_id")["check"].agg(";".join).to_dict()
    assert flagged == per_row


# --- reconciliation on a synthetic grid with one fault per row -------------------------------------

def test_reconciliation_flags_synthetic_bad_rows():
    df, rejections = grids.parse_grid(FIXTURES / "bad_rows.pdf")
    assert len(df) == 8  # every row kept, faulty or not, except the one with an impossible date
    flags = [(loc, None if pd.isna(f) else f) for loc, f in zip(df["location"], df["flags"])]
    assert flags == [
        ("Good Row", None), ("Sum Wrong", "alerts_sum"), ("Rate Wrong", "false_alert_rate"),
        ("Too Early", "date_order"), ("Good Row", "duplicate"), ("Odd Duration", "unreadable"), ("Fault", None),
        ("Unknown Code", "purpose_code"),
    ]
    fault = one(df, "2025-02-05", "Fault")
    assert fault["status"] == "n/a: technical fault" and pd.isna(fault["total_alerts"])
    # The unreadable duration is also quarantined, naming the file, row and field; the row dated
    # 31/02/25 cannot have an id, so it is set aside whole.
    assert [(r.source, r.field, r.value) for r in rejections] == [
        ("grids/bad_rows.pdf page 1", "bad_rows_2025-02-04_1.duration", "TBC"),
        ("grids/bad_rows.pdf page 1", "row 9.date", "31/02/25")]
    assert "kept aside" in rejections[1].reason
    sum_wrong = one(df, "2025-02-02", "Sum Wrong")
    assert sum_wrong["total_alerts"] == 5  # kept as printed, not corrected


def test_anomalies_table_for_synthetic_bad_rows(tmp_path):
    shutil.copy(FIXTURES / "bad_rows.pdf", tmp_path)
    t, _ = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    rows = {(a.check, a.expected, a.found) for a in t["deployment_anomalies"].itertuples()}
    assert ("alerts_sum", "2", "5") in rows  # 1 true + 1 false, 5 printed
    assert ("false_alert_rate", "0.1%", "0.5%") in rows  # 1 / 1,000 faces = 0.1%
    assert ("date_order", "on or after 2025-02-03", "2025-01-01") in rows
    assert ("duplicate", "listed once", "also bad_rows_2025-02-01_1") in rows
    assert ("purpose_code", "a code in the grid's purpose legend", "7") in rows
    assert len(rows) == 6
    # The detail is a sentence a reader can check against the page: counts with separators, no "!=".
    details = dict(zip(t["deployment_anomalies"]["check"], t["deployment_anomalies"]["detail"]))
    assert details["alerts_sum"] == "total alerts printed 5, but true alerts 1 + false alerts 1 = 2"
    assert details["false_alert_rate"].startswith("false alerts 1 / faces seen 1,000 = 0.1000%")
    GRID_SCHEMAS["deployment_anomalies"].validate(t["deployment_anomalies"])


# --- header meaning, not position -------------------------------------------------------------------

def test_renamed_and_reordered_headers_parse_unchanged():
    df, rejections = grids.parse_grid(FIXTURES / "renamed_reordered.pdf")
    assert rejections == []
    # Values as drawn by make_fixtures.py (RENAMED_PAGES), date column first, faces fifth, threshold last.
    assert df["location"].tolist() == ["High St, Sutton", "Brigstock Rd, Thornton Heath", "Broadway, Stratford",
                                       "Croydon", "Woolwich"]
    assert df["duration_minutes"].tolist() == [303, 303, 340, 480, 287]
    assert df["faces_seen"].tolist() == [2000, 4000, 1000, 3000, 2500]
    assert df["watchlist_size"].tolist() == [15000, 15000, 15100, 15200, 15300]
    assert df["false_alerts_confirmed"].tolist() == [1, 0, 0, 0, 0]
    assert df["true_alerts_confirmed"].tolist() == [2, 2, 1, 0, 3]
    assert df["no_action"].tolist() == [0, 0, 1, 0, 1]
    assert df["threshold"].tolist() == [0.64] * 5
    # Page 4 repeats the header after the legend page, with "LFR Purpose Reference" for "LFR Use Case".
    assert df["purpose_normalised"].tolist()[-1] == "crime hotspot; specific intelligence"
    assert df["page"].tolist() == [1, 1, 1, 2, 4]
    # Row 3 as drawn: 1 alert, outcomes 0 arrests + 1 other + 1 no action = 2: flagged, kept as drawn.
    assert df["flags"].fillna("").tolist() == ["", "", "outcomes_exceed_alerts", "", ""]


def test_unknown_header_is_kept_aside_with_a_warning_and_the_grid_still_read(tmp_path, capsys):
    # unknown_header.pdf (make_fixtures.UNKNOWN_PAGES): Camden, 01/03/25, Weather "Rain", 2 alerts.
    shutil.copy(FIXTURES / "unknown_header.pdf", tmp_path)
    shutil.copy(OLD, tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST)
    assert rejections == []
    assert "unknown_header.pdf: page 1: column 'Weather' means no known field" in capsys.readouterr().err
    camden = one(t["deployments"], "2025-03-01", "Camden")
    assert camden["total_alerts"] == 2 and len(t["deployments"]) == 9 + 1
    assert t["extra_columns"].astype(object).values.tolist() == [
        ["unknown_header_2025-03-01_1", "unknown_header.pdf", 1, "Weather", "Rain"]]
    GRID_SCHEMAS["extra_columns"].validate(t["extra_columns"])


@pytest.mark.parametrize("header, field", [
    # The 2020-22 headers as printed (pdf text, lines joined).
    ("Deployment", "location"), ("Date (DD/MM/ YY)", "date"), ("Purpose Reference", "purpose"),
    ("False Alert / Confirmed False Alerts", "false_alerts"),
    ("False Alert / Confirmed False Alert Engagements", "false_alert_engagements"),
    ("True Alerts1", "true_alerts"), ("Arrests / Disposals", "arrests_or_disposals"),
    ("Faces seen (Estimate)", "faces_seen"), ("False Alert Rate", "false_alert_rate_printed"),
    # The 2023-24 headers: group header and sub-header joined.
    ("Deployment Location", "location"), ("Duration of Deployment", "duration"),
    ("LFR Purpose Reference / LFR Purpose", "purpose"), ("LFR Use Case", "purpose"),
    ("Min Threshold Setting", "threshold"), ("True Alerts Unconfirmed", "true_alerts_unconfirmed"),
    ("False Alerts Confirmed", "false_alerts_confirmed"), ("Engagement Outcomes Arrest", "arrests"),
    ("Engagement Outcomes Other Disposal", "other_disposal"), ("Engagement Outcomes No Action", "no_action"),
    ("Weather", None),
])
def test_header_meanings(header, field):
    assert grid_headers.field_for(header) == field


# --- unreadable files -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["empty.pdf", "corrupt.pdf"])
def test_unreadable_pdf_is_a_clear_error(name):
    with pytest.raises(grids.GridError, match=rf"{name}: not a readable PDF"):
        grids.parse_grid(FIXTURES / name)


def test_unreadable_pdfs_become_rejections_and_the_other_grids_still_parse(tmp_path):
    for name in ["empty.pdf", "corrupt.pdf"]:
        shutil.copy(FIXTURES / name, tmp_path)
    shutil.copy(OLD, tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST)
    assert sorted(r.source for r in rejections) == ["grids/corrupt.pdf", "grids/empty.pdf"]
    assert len(t["deployments"]) == 9


# --- values -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, minutes", [
    ("5h03m", 303), ("5h 03m", 303), ("5h40", 340), ("8h0m", 480), ("4hr 47m", 287), ("0h33m", 33),
    ("6h 00m", 360), ("45m", 45), ("N/A", None), ("", None),
    # Issue 11 red team: decimal hours that make whole minutes (5.5 x 60 = 330, 6.15 x 60 = 369),
    # hours and minutes in words, minutes alone, a dash for nothing printed, a footnote marker.
    ("5.5 hrs", 330), ("6.15 hours", 369), ("6 hrs 9 mins", 369), ("369 mins", 369), ("-", None), ("\u2013", None),
    ("5h03m*", 303),
])
def test_durations(text, minutes):
    assert grids.parse_duration(text) == minutes


# 5.33 hours is 319.8 minutes: not a whole number of minutes, so not guessed.
@pytest.mark.parametrize("text", ["TBC", "45", "5h75m", "5.33 hours", "nil"])
def test_unreadable_durations(text):
    with pytest.raises(ValueError, match="not a duration"):
        grids.parse_duration(text)


def test_rates_and_counts():
    assert grids.parse_rate("0.08%") == (0.0008, 2)
    assert grids.parse_rate("0%") == (0.0, 0)
    assert grids.parse_rate("N/A") is None
    assert grids.parse_count("12,120") == 12120
    with pytest.raises(ValueError, match="not a count"):
        grids.parse_count("1O")


# --- tables -----------------------------------------------------------------------------------------

def test_build_tables_validate_against_their_schemas(tables):
    t, rejections = tables
    assert rejections == []
    assert set(t) == set(GRID_SCHEMAS)
    for name, df in t.items():
        GRID_SCHEMAS[name].validate(df)
    assert len(t["deployments"]) == 9 + 203


def test_blue_list_join_and_missing(tables):
    t, _ = tables
    joined = t["blue_list_deployments"]
    pairs = joined.groupby("row")["location"].agg(lambda s: sorted(s)).to_dict()
    westminster = ["Westminster Bridge Street", "Westminster, Piccadilly", "Westminster, Savoy Place"]
    # The truth notes: results for Camden 06/04/23, Camden 14/04/23 and three Westminster 06/05/23.
    assert pairs == {1: ["Camden"], 2: ["Camden"], 3: westminster, 4: westminster, 5: westminster}
    assert joined.groupby("row")["match"].first().tolist() == ["one-to-one", "one-to-one"] + ["ambiguous"] * 3
    assert joined["deployment_id"].nunique() == 5
    missing = t["blue_list_missing"]
    assert missing[["location", "date"]].values.tolist() == [["Islington", pd.Timestamp("2023-04-20")]]


def test_yearly_totals_hand_computed(tables):
    t, _ = tables
    yearly = t["deployments_yearly"].set_index("year")
    # 2020: 11/02 (0 alerts, 4,600 faces), 21/02 (N/A), 27/02 (8 alerts: 7 false, 1 true; 1 arrest or
    # disposal; 8,600 faces).
    assert_fields(yearly.loc[2020], {"deployments": 3, "deployments_with_results": 2, "deployments_na": 1, "total_alerts": 8,
                                     "true_alerts": 1, "false_alerts": 7, "arrests": None,
                                     "arrests_or_disposals": 1, "faces_seen": 13200})
    # 2022: six rows; alerts 11+0+4+3+1+1, false 1+0+0+1+1+0, arrests/disposals 4+0+3+1+0+0,
    # faces 12120+10740+34286+34360+36420+16440.
    assert_fields(yearly.loc[2022], {"deployments": 6, "total_alerts": 20, "true_alerts": 17, "false_alerts": 3,
                                     "arrests_or_disposals": 8, "faces_seen": 144366})
    # 2023 by printed date: page 1 (19 rows), page 2 rows 1-4 and the Dalston row printed 11/07/23.
    # Alerts 37 + 21 + 10; false alerts 1 (Love Lane) + 1 (George St 07/12); arrests 26 + 8 + 3;
    # faces 315,132 + 11,260 + 602.
    assert_fields(yearly.loc[2023], {"deployments": 24, "total_alerts": 68, "true_alerts": 66, "false_alerts": 2,
                                     "arrests": 37, "arrests_or_disposals": None, "faces_seen": 326994})
    # 2024 false alerts: the twenty rows with a confirmed false alert on pages 2-4 sum to 27.
    assert yearly.loc[2024, "false_alerts"] == 27
    assert yearly["deployments"].sum() == 212
    by_purpose = t["deployments_by_purpose"]
    assert by_purpose.groupby("year")["deployments"].sum().to_dict() == {2020: 3, 2022: 6, 2023: 24, 2024: 179}


def test_output_is_deterministic(tables):
    again, _ = grids.build_tables(CORPUS_GRIDS, blue_list=BLUE_LIST)
    for name, df in tables[0].items():
        assert df.to_csv(index=False) == again[name].to_csv(index=False), name


def test_committed_grids_are_the_shared_originals():
    shared = config.SHARED / "data" / "met-lfr-grids"
    if not shared.is_dir():
        pytest.skip("../shared is not here (source material, not part of the product)")
    for path in (OLD, NEW, GRID_2025, config.REPOSITORY / "data" / "raw" / "grids" / GRID_2025.name):
        assert path.read_bytes() == (shared / path.name).read_bytes()


# --- the 2025 grid (4 pages, 74 deployments 08/01/25 to 10/05/25, legend on page 4) ----------------
# Every figure below is from a hand count on the pages rendered to PNG (pypdfium2, scale 1.6).

def test_2025_grid_row_count_hand_checked(grid_2025):
    df, rejections = grid_2025
    assert rejections == []
    # Page 1: 16 rows (08/01 to 30/01); page 2: 25 (04/02 to 19/03); page 3: 25 (19/03 to 30/04);
    # page 4: 8 (02/05 to 10/05), then the "MPS LFR PURPOSE REFERENCES" legend (not deployments).
    assert df.groupby("page").size().to_dict() == {1: 16, 2: 25, 3: 25, 4: 8}
    assert (df["status"] == "ok").all()
    # Per month: January 16 (page 1), February 16, March 9 + 7, April 18, May 8.
    assert df["date"].dt.month.value_counts().sort_index().to_dict() == {1: 16, 2: 16, 3: 16, 4: 18, 5: 8}


def test_2025_grid_sample_rows(grid_2025):
    df, _ = grid_2025
    # Page 1, row 1: header "Outcome - Arrest | Outcome - Other | No action | Faces seen (estimate)".
    assert_fields(one(df, "2025-01-08", "High St North, East Ham"), {
        "page": 1, "duration_minutes": 287, "purpose": "Crime Hotspot", "purpose_normalised": "crime hotspot",
        "watchlist_size": 15095, "threshold": 0.64, "total_alerts": 10, "true_alerts_confirmed": 10,
        "true_alerts_unconfirmed": 0, "false_alerts_confirmed": 0, "false_alerts_unconfirmed": 0,
        "false_alert_rate_printed": "0%", "arrests": 4, "other_disposal": 3, "no_action": 3, "faces_seen": 9780,
    })
    # Page 1, row 9: the first false alert, 1 / 12,120 faces printed 0.008%.
    assert_fields(one(df, "2025-01-22", "Town Sq, Walthamstow"), {
        "total_alerts": 13, "true_alerts": 12, "false_alerts": 1, "false_alert_rate": 0.00008,
        "arrests": 6, "other_disposal": 1, "no_action": 5, "faces_seen": 12120, "duration_minutes": 262,
    })
    # Page 2, row 9: faces printed "21,940", the only figure with a thousands separator.
    assert one(df, "2025-02-19", "Hammersmith Broadway")["faces_seen"] == 21940
    # Page 2, row 11: location over three lines.
    assert one(df, "2025-02-21", "Westfield, Shepherds Bush")["faces_seen"] == 30305
    # Page 4, last row.
    assert_fields(one(df, "2025-05-10", "Barking"), {"page": 4, "duration_minutes": 325, "watchlist_size": 16113,
                                                     "total_alerts": 10, "arrests": 6, "faces_seen": 15001})


def test_2025_grid_yearly_totals_hand_summed(tmp_path):
    shutil.copy(GRID_2025, tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    assert rejections == []
    # Summed by hand page by page:
    # total alerts 168 + 286 + 283 + 77 = 814; false alerts (all confirmed) 1 (p1: Town Sq) + 3 (p2:
    # Dagenham, North End Croydon, Ealing) + 1 (p3: Stratford Westfield) = 5, every row's alerts add
    # up, so true alerts are 809; arrests 74 + 117 + 122 + 29 = 342; faces seen 187,697 + 427,238 +
    # 408,914 + 118,476 = 1,142,325. No N/A rows.
    assert_fields(t["deployments_yearly"].set_index("year").loc[2025], {
        "deployments": 74, "deployments_with_results": 74, "deployments_na": 0, "total_alerts": 814,
        "true_alerts": 809, "false_alerts": 5, "arrests": 342, "arrests_or_disposals": None, "faces_seen": 1142325})


def test_2025_grid_anomalies_hand_checked(tmp_path):
    shutil.copy(GRID_2025, tmp_path)
    t, _ = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    got = {(a.deployment_id.removeprefix("met-lfr-grid-2025-to-may2026_"), a.check, a.expected, a.found)
           for a in t["deployment_anomalies"].itertuples()}
    assert got == {
        # Page 2, row 20 (High St, Hounslow 07/03/25): 7 alerts, outcomes 1 + 2 + 5 = 8.
        ("2025-03-07_2", "outcomes_exceed_alerts", "<= 7", "8"),
        # Page 4, row 2 (Bond St Stn 02/05/25): watchlist 19199 between 16199 (same day) and 16189.
        ("2025-05-02_2", "watchlist_outlier", "near 16199 and 16189", "19199"),
        # One place printed two ways: "Deptford High St" (p2) / "Deptford High Street" (p3); "North End,
        # Croydon" (p2) / "North End Croydon" (p3); "Stratford Westfield" (p3, twice) / "Westfield,
        # Stratford" (p3); "High St, Ilford" (p2, twice) / "High Street, Ilford" (p4).
        ("2025-03-05_1", "location_variants", "Deptford High Street", "Deptford High St"),
        ("2025-03-22_2", "location_variants", "North End, Croydon", "North End Croydon"),
        ("2025-04-30_1", "location_variants", "Stratford Westfield", "Westfield, Stratford"),
        ("2025-05-10_1", "location_variants", "High St, Ilford", "High Street, Ilford"),
    }
    # The five printed non-zero rates: 1/12,120 = 0.00825% "0.008%", 1/24,365 = 0.0041% "0.004%",
    # 1/19,320 = 0.0052% "0.005%", 1/32,835 = 0.0030% "0.003%" (rounding and truncation agree), and
    # Dagenham 1/12,660 = 0.0079% "0.008%" (rounded; truncated would be 0.007%). The rest print 0% for
    # no false alert. None truncated.
    rounding = t["deployments"]["false_alert_rate_rounding"].value_counts().to_dict()
    assert rounding == {"exact": 69, "rounded or truncated": 4, "rounded": 1}
    assert one(t["deployments"], "2025-02-06", "Dagenham Heathway")["false_alert_rate_rounding"] == "rounded"


# --- a next edition that differs in every way issue 11 lists (make_fixtures.EDITION_PAGES) ----------

def test_next_edition_reads_every_field(capsys):
    df, rejections = grids.parse_grid(FIXTURES / "next_edition.pdf")
    assert rejections == []
    assert "column 'Weather' means no known field" in capsys.readouterr().err
    # Four deployments: the sub-total, the total and the footnote are not; "Belvedere" continues on
    # page 2 as "Rd, Waterloo". Values as drawn in make_fixtures.EDITION_PAGES.
    fields = ["location", "date", "page", "duration_minutes", "purpose", "purpose_normalised", "total_alerts",
              "true_alerts_confirmed", "true_alerts_unconfirmed", "false_alerts_confirmed", "false_alerts_unconfirmed",
              "true_alerts", "false_alerts", "false_alert_rate_printed", "false_alert_rate", "arrests", "other_disposal",
              "no_action", "faces_seen", "watchlist_size", "threshold", "status"]
    rows = [[None if pd.isna(v) else v for v in r] for r in df[fields].astype(object).values.tolist()]
    ts = pd.Timestamp
    assert rows == [
        ["Oxford Circus", ts("2025-01-08"), 1, 369, "Crime Hotspot", "crime hotspot", 3, 2, 0, 1, 0, 2, 1, "0.008%",
         0.00008, 1, 1, 0, 12345, 15100, 0.64, "ok"],
        ["Camden High St", ts("2025-01-09"), 1, 369, "Crime Hotspot", "crime hotspot", 4, 4, 0, 0, 0, 4, 0, "0%", 0.0,
         2, 1, 1, 9870, 15100, 0.64, "ok"],
        ["Belvedere Rd, Waterloo", ts("2025-01-10"), 1, 300, "Crime Hotspot", "crime hotspot", 1, 1, 0, 0, 0, 1, 0,
         "0%", 0.0, 0, 0, 1, 1001, 15200, 0.64, "ok"],
        ["Croydon", ts("2025-01-13"), 2, 270, "1", "crime hotspot", 2, 1, 0, 0, 1, 1, 1, "0.06%", 0.0006, 1, 0, 0,
         1500, 15250, 0.64, "ok"],
    ]
    # 1 / 1,500 = 0.0667%: printed 0.06% is truncated (rounded would be 0.07%).
    assert df["flags"].fillna("").tolist() == ["", "", "", "false_alert_rate_truncated"]


def test_next_edition_unknown_column_kept_aside(tmp_path):
    shutil.copy(FIXTURES / "next_edition.pdf", tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    assert rejections == []
    assert t["extra_columns"][["deployment_id", "column", "value"]].values.tolist() == [
        ["next_edition_2025-01-08_1", "Weather", "Dry"], ["next_edition_2025-01-10_1", "Weather", "Rain"]]
    # The sub-total and total rows are not counted: 4 deployments, 10 alerts.
    assert_fields(t["deployments_yearly"].set_index("year").loc[2025], {"deployments": 4, "total_alerts": 10})


def test_grid_without_a_location_column_is_rejected_whole(tmp_path):
    with pytest.raises(grids.GridError, match=r"no_location\.pdf: page 1: no location column"):
        grids.parse_grid(FIXTURES / "no_location.pdf")
    shutil.copy(FIXTURES / "no_location.pdf", tmp_path)
    shutil.copy(OLD, tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST)
    assert [(r.source, r.field) for r in rejections] == [("grids/no_location.pdf", "file")]
    assert len(t["deployments"]) == 9


@pytest.mark.parametrize("header, field", [
    # Rewordings another officer might print (issue 11), and other orders of the same words.
    ("Outcome - Other", "other_disposal"), ("Other outcome", "other_disposal"), ("Outcome - Arrest", "arrests"),
    ("True Alerts Not confirmed", "true_alerts_unconfirmed"), ("Not confirmed false alerts", "false_alerts_unconfirmed"),
    ("Confirmed true alerts", "true_alerts_confirmed"), ("Alerts", "total_alerts"), ("Alerts (total)", "total_alerts"),
    ("Number of alerts", "total_alerts"), ("Estimated faces seen", "faces_seen"), ("Length of deployment", "duration"),
    ("No further action", "no_action"), ("NFA", "no_action"), ("FAR (%)", "false_alert_rate_printed"),
    ("Reason for deployment", "purpose"), ("Deployment Site", "location"), ("Date of deployment", "date"),
    ("Time deployed (hh:mm)", "duration"), ("Watch List", "watchlist_size"), ("Matches True", "true_alerts"),
    ("Weather", None), ("Officers on duty", None),
])
def test_header_rewordings(header, field):
    assert grid_headers.field_for(header) == field


@pytest.mark.parametrize("text, minutes", [("06:09", 369), ("6h 09m", 369), ("0:45", 45), ("6:75", None)])
def test_clock_durations(text, minutes):
    if minutes is None:
        with pytest.raises(ValueError, match="not a duration"):
            grids.parse_duration(text)
    else:
        assert grids.parse_duration(text) == minutes


@pytest.mark.parametrize("text, value", [("21,940", 21940), ("1 142 325", 1142325), ("9780", 9780)])
def test_counts_with_thousands_separators(text, value):
    assert grids.parse_count(text) == value


def test_location_keys_join_spelling_variants():
    keys = grids.location_keys(["Clapham Junc", "Clapham Junction", "Stratford B'way", "Broadway, Stratford",
                                "Broadway, Stratford", "North End, Croydon", "North End Croydon", "Camden"])
    assert keys == {"Clapham Junc": "Clapham Junction", "Clapham Junction": "Clapham Junction",
                    "Stratford B'way": "Broadway, Stratford", "Broadway, Stratford": "Broadway, Stratford",
                    "North End, Croydon": "North End, Croydon", "North End Croydon": "North End, Croydon",
                    "Camden": "Camden"}


@pytest.mark.parametrize("false, faces, printed, decimals, how", [
    (1, 1000, 0.001, 1, "exact"),  # 0.1%
    (1, 1123, 0.0008, 2, "truncated"),  # 0.089%: rounded 0.09%, truncated 0.08%
    (1, 1446, 0.0007, 2, "rounded"),  # 0.069%
    (1, 8285, 0.0001, 2, "rounded or truncated"),  # 0.012%
    (1, 3940, 0.0001, 2, "unexplained"),  # 0.025%
])
def test_rate_rounding(false, faces, printed, decimals, how):
    assert grids.rate_rounding(false, faces, printed, decimals) == how


# --- red team (issue 11, items 1-3): later editions drawn by make_fixtures.py ------------------------
# Every expected value below was written from the fixture as drawn (make_fixtures.LAYOUT_PAGES,
# VALUES_PAGES, ...) and read on its rendered pages BEFORE the parser was run on it: my own reading,
# not the parser's output. Each row lists its printed fields; every other column must be empty.

EMPTY_UNLESS_LISTED = [c for c in grids.DEPLOYMENT_COLUMNS if c not in ("source_file", "location_key")]


def assert_rows(df: pd.DataFrame, expected: list[dict]) -> None:
    assert len(df) == len(expected)
    for (_, row), want in zip(df.iterrows(), expected):
        got = {c: row[c] for c in EMPTY_UNLESS_LISTED if not pd.isna(row[c])}
        want = {k: (pd.Timestamp(v) if k == "date" else v) for k, v in want.items()}
        assert got == want, (got, want)


def _alerts(total, tc, tu, fc, fu):
    """A split of alerts as printed, with true/false as their sums."""
    return {"total_alerts": total, "true_alerts_confirmed": tc, "true_alerts_unconfirmed": tu, "true_alerts": tc + tu,
            "false_alerts_confirmed": fc, "false_alerts_unconfirmed": fu, "false_alerts": fc + fu}


def test_layout_edition_reads_every_field(capsys):
    # Three-row header (Alerts > Total | True > Confirmed, Unconfirmed | False > ...; Outcomes > Arrest |
    # Other | No action) repeated on every page; no false alert rate, watchlist or threshold; "Borough"
    # and "Camera vans" unknown; page 3 in portrait with "Un- confirmed"; letter codes A/B/C explained
    # by a "Code | Deployment purpose" legend on page 3.
    df, rejections = grids.parse_grid(FIXTURES / "edition_layout.pdf")
    err = capsys.readouterr().err
    # The spacer row, "Sub-total (week 2)", "January 2025 | Total" and "Grand total" are no deployments
    # and no rejections; the notes line is no deployment.
    assert rejections == []
    # Each unknown column warned of once for the grid, not once per page that repeats the header.
    assert err.count("column 'Borough' means no known field") == 1
    assert err.count("column 'Camera vans' means no known field") == 1
    p = "edition_layout_2025-01-"
    ok = {"status": "ok"}
    assert_rows(df, [
        {"deployment_id": p + "07_1", "page": 1, "row": 1, "location": "Oxford Circus", "date": "2025-01-07",
         "duration_minutes": 360, "purpose": "A", "purpose_normalised": "wanted on warrant", **_alerts(3, 2, 0, 1, 0),
         "arrests": 1, "other_disposal": 1, "no_action": 0, "faces_seen": 12000, **ok},
        # Location and borough wrapped over two lines.
        {"deployment_id": p + "08_1", "page": 1, "row": 2, "location": "King St, Hammersmith", "date": "2025-01-08",
         "duration_minutes": 330, "purpose": "A, B", "purpose_normalised": "wanted on warrant; risk of harm",
         **_alerts(2, 2, 0, 0, 0), "arrests": 2, "other_disposal": 0, "no_action": 0, "faces_seen": 8500, **ok},
        # Last row of page 1; "High Road" finishes its location under page 2's repeated header.
        {"deployment_id": p + "10_1", "page": 1, "row": 3, "location": "Wood Green High Road", "date": "2025-01-10",
         "duration_minutes": 255, "purpose": "C", "purpose_normalised": "crime hotspot", **_alerts(1, 1, 0, 0, 0),
         "arrests": 1, "other_disposal": 0, "no_action": 0, "faces_seen": 6100, **ok},
        {"deployment_id": p + "14_1", "page": 2, "row": 4, "location": "Stratford", "date": "2025-01-14",
         "duration_minutes": 300, "purpose": "B", "purpose_normalised": "risk of harm", **_alerts(0, 0, 0, 0, 0),
         "arrests": 0, "other_disposal": 0, "no_action": 0, "faces_seen": 9000, **ok},
        # The portrait page.
        {"deployment_id": p + "20_1", "page": 3, "row": 5, "location": "Brixton", "date": "2025-01-20",
         "duration_minutes": 375, "purpose": "A", "purpose_normalised": "wanted on warrant", **_alerts(4, 3, 1, 0, 0),
         "arrests": 2, "other_disposal": 1, "no_action": 0, "faces_seen": 10400, **ok},
    ])


def test_layout_edition_tables(tmp_path):
    shutil.copy(FIXTURES / "edition_layout.pdf", tmp_path)
    t, rejections = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    assert rejections == []
    p = "edition_layout_2025-01-"
    assert t["extra_columns"][["deployment_id", "page", "column", "value"]].astype(object).values.tolist() == [
        [p + "07_1", 1, "Borough", "Westminster"], [p + "07_1", 1, "Camera vans", "2"],
        [p + "08_1", 1, "Borough", "Hammersmith & Fulham"], [p + "08_1", 1, "Camera vans", "1"],
        [p + "10_1", 1, "Borough", "Haringey"], [p + "10_1", 1, "Camera vans", "1"],
        [p + "14_1", 2, "Borough", "Newham"], [p + "14_1", 2, "Camera vans", "2"],
        [p + "20_1", 3, "Borough", "Lambeth"], [p + "20_1", 3, "Camera vans", "2"]]
    # Every row adds up (total = true + false, outcomes <= alerts), no codes outside the legend.
    assert len(t["deployment_anomalies"]) == 0
    # 3 + 2 + 1 + 0 + 4 = 10 alerts, the printed grand total; the sub-totals are not added in.
    assert_fields(t["deployments_yearly"].set_index("year").loc[2025], {
        "deployments": 5, "deployments_with_results": 5, "total_alerts": 10, "true_alerts": 9, "false_alerts": 1,
        "arrests": 6, "faces_seen": 46000, "false_alert_rate": 1 / 46000})
    for name, schema in GRID_SCHEMAS.items():
        schema.validate(t[name])


def test_values_edition_reads_every_field():
    # Header on page 1 only. Dates "Tue 07/01/2025", "08.01.25", "2025-01-09", "10th January 2025",
    # "13/01/2025"; "16 100" and "21 940" with a space; "c. 20,000" and "20k" (approximate: reported,
    # not read); "5*" and "3†" (footnote markers); "6h 09m", "06:09", "6 hrs 9 mins", "369 mins",
    # "6.15 hours" (all 369 minutes); "-" and "–" (nothing printed), "nil" (0), N/A and blanks.
    df, rejections = grids.parse_grid(FIXTURES / "edition_values.pdf")
    p = "edition_values_2025-01-"
    hotspot = {"purpose": "Crime Hotspot", "purpose_normalised": "crime hotspot"}
    zero_rate = {"false_alert_rate_printed": "0%", "false_alert_rate": 0.0}
    assert_rows(df, [
        {"deployment_id": p + "07_1", "page": 1, "row": 1, "location": "Camden", "date": "2025-01-07",
         "duration_minutes": 369, **hotspot, "watchlist_size": 16100, "threshold": 0.64, "total_alerts": 3,
         "true_alerts": 3, "false_alerts": 0, **zero_rate, "false_alert_rate_rounding": "exact", "arrests": 1,
         "faces_seen": 21940, "status": "ok"},
        {"deployment_id": p + "08_1", "page": 1, "row": 2, "location": "Brixton", "date": "2025-01-08",
         "duration_minutes": 369, **hotspot, "watchlist_size": 16100, "threshold": 0.64, "total_alerts": 2,
         "true_alerts": 2, "false_alerts": 0, **zero_rate, "false_alert_rate_rounding": "exact", "arrests": 2,
         "faces_seen": 21940, "status": "ok"},
        # Faces "c. 20,000": not read, so no rate check either.
        {"deployment_id": p + "09_1", "page": 1, "row": 3, "location": "Croydon", "date": "2025-01-09",
         "duration_minutes": 369, **hotspot, "watchlist_size": 16150, "threshold": 0.64, "total_alerts": 1,
         "true_alerts": 0, "false_alerts": 1, "false_alert_rate_printed": "0.01%", "false_alert_rate": 0.0001,
         "arrests": 0, "status": "ok", "flags": "unreadable"},
        {"deployment_id": p + "10_1", "page": 1, "row": 4, "location": "Ealing", "date": "2025-01-10",
         "duration_minutes": 369, **hotspot, "watchlist_size": 16150, "threshold": 0.64, "total_alerts": 5,
         "true_alerts": 5, "false_alerts": 0, **zero_rate, "arrests": 3, "status": "ok", "flags": "unreadable"},
        # Page 2, no header: watchlist "-", rate "–" (printed as such), arrests "nil".
        {"deployment_id": p + "13_1", "page": 2, "row": 5, "location": "Ilford", "date": "2025-01-13",
         "duration_minutes": 369, **hotspot, "threshold": 0.64, "total_alerts": 0, "true_alerts": 0,
         "false_alerts": 0, "false_alert_rate_printed": "\u2013", "arrests": 0, "faces_seen": 9000, "status": "ok"},
        # Purpose, watchlist and threshold N/A but results printed: a deployment with results.
        {"deployment_id": p + "14_1", "page": 2, "row": 6, "location": "Romford", "date": "2025-01-14",
         "duration_minutes": 300, "purpose": "N/A", "total_alerts": 0, "true_alerts": 0, "false_alerts": 0,
         **zero_rate, "false_alert_rate_rounding": "exact", "arrests": 0, "faces_seen": 8000, "status": "ok"},
        # Duration, threshold and faces blank.
        {"deployment_id": p + "15_1", "page": 2, "row": 7, "location": "Wembley", "date": "2025-01-15", **hotspot,
         "watchlist_size": 16200, "total_alerts": 1, "true_alerts": 1, "false_alerts": 0, **zero_rate, "arrests": 1,
         "status": "ok"},
    ])
    # The two approximate figures, each named by file, page, row and field.
    assert [(r.source, r.field, r.value) for r in rejections] == [
        ("grids/edition_values.pdf page 1", p + "09_1.faces_seen", "c. 20,000"),
        ("grids/edition_values.pdf page 1", p + "10_1.faces_seen", "20k")]
    assert all("approximate" in r.reason for r in rejections)


def test_values_edition_anomalies(tmp_path):
    shutil.copy(FIXTURES / "edition_values.pdf", tmp_path)
    t, _ = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    got = [(a.deployment_id, a.check, a.found) for a in t["deployment_anomalies"].itertuples()]
    assert got == [("edition_values_2025-01-09_1", "unreadable", "c. 20,000"),
                   ("edition_values_2025-01-10_1", "unreadable", "20k")]
    assert len(t["extra_columns"]) == 0
    for name, schema in GRID_SCHEMAS.items():  # an N/A purpose, a printed "–" rate: still valid tables
        schema.validate(t[name])


def test_a_row_of_figures_above_the_first_date_is_a_row_not_header():
    # undated_first.pdf: "Tuesday 7th Jan" (no year) | Camden | 3 | 12,000, then 08/01/25 | Brixton | 1 | 9,000.
    df, rejections = grids.parse_grid(FIXTURES / "undated_first.pdf")
    assert_rows(df, [{"deployment_id": "undated_first_2025-01-08_1", "page": 1, "row": 2, "location": "Brixton",
                      "date": "2025-01-08", "total_alerts": 1, "faces_seen": 9000, "status": "ok"}])
    assert [(r.source, r.field, r.value) for r in rejections] == [
        ("grids/undated_first.pdf page 1", "row 1.date", "Tuesday 7th Jan")]
    assert "not a recognised date" in rejections[0].reason


def test_pages_without_a_header_rescaled_or_not_lining_up():
    # headerless_pages.pdf: header on page 1 only; page 2 portrait, the table rescaled to 80%; page 3
    # has three columns, no header: it is reported, the other pages still read.
    df, rejections = grids.parse_grid(FIXTURES / "headerless_pages.pdf")
    assert_rows(df, [
        {"deployment_id": "headerless_pages_2025-01-07_1", "page": 1, "row": 1, "location": "Camden",
         "date": "2025-01-07", "total_alerts": 3, "faces_seen": 12000, "status": "ok"},
        {"deployment_id": "headerless_pages_2025-01-08_1", "page": 2, "row": 2, "location": "Brixton",
         "date": "2025-01-08", "total_alerts": 1, "faces_seen": 9000, "status": "ok"}])
    assert [(r.source, r.field) for r in rejections] == [("grids/headerless_pages.pdf page 3", "page")]
    assert "do not line up" in rejections[0].reason and "1 dated row(s)" in rejections[0].reason


def test_table_ruled_with_horizontal_lines_only_is_reported():
    with pytest.raises(grids.GridError, match=r"rules_only\.pdf: .*ruled with horizontal lines only"):
        grids.parse_grid(FIXTURES / "rules_only.pdf")
    # mixed_rules.pdf: page 1 ruled (Camden); page 2 ruled with horizontal lines only (Brixton, Croydon).
    df, rejections = grids.parse_grid(FIXTURES / "mixed_rules.pdf")
    assert df["location"].tolist() == ["Camden"]
    assert [(r.source, r.field) for r in rejections] == [("grids/mixed_rules.pdf page 2", "page")]
    assert "2 lines with dates" in rejections[0].reason and "horizontal lines only" in rejections[0].reason
    assert "08/01/25 Brixton" in rejections[0].value


def test_scanned_grid_says_it_has_no_text():
    with pytest.raises(grids.GridError, match=r"scanned\.pdf: .*no text layer"):
        grids.parse_grid(FIXTURES / "scanned.pdf")


@pytest.mark.parametrize("text, date", [
    ("Tue 08/01/2025", "2025-01-08"), ("Tuesday, 08/01/25", "2025-01-08"), ("08.01.25", "2025-01-08"),
    ("2025-01-08", "2025-01-08"), ("8th January 2025", "2025-01-08"), ("08/01/2025", "2025-01-08"),
    ("08/01/25*", "2025-01-08"), ("8 Jan 25", "2025-01-08"),
])
def test_grid_dates(text, date):
    assert grids.is_date_cell(text)
    assert grids.parse_date(text) == pd.Timestamp(date).date()


@pytest.mark.parametrize("text", ["January 2025", "Total", "2025", "Tue", "2025-13-01"])
def test_not_grid_dates(text):
    if grids.is_date_cell(text):  # an impossible ISO date is a date cell, reported as impossible
        with pytest.raises(ValueError, match="impossible date"):
            grids.parse_date(text)
    else:
        with pytest.raises(ValueError):
            grids.parse_date(text)


@pytest.mark.parametrize("text, value", [
    ("5*", 5), ("3\u2020", 3), ("12\u00b9", 12), ("nil", 0), ("Nil", 0), ("-", None), ("\u2013", None), ("n/a", None),
    ("21 940", 21940), ("", None),
])
def test_counts_as_a_next_edition_may_print_them(text, value):
    assert grids.parse_count(text) == value


@pytest.mark.parametrize("text", ["c. 20,000", "20k", "approx. 20,000", "~20000"])
def test_approximate_counts_are_reported_not_guessed(text):
    with pytest.raises(ValueError, match="approximate"):
        grids.parse_count(text)


@pytest.mark.parametrize("header, field", [
    # A rate is never the count it is a rate of.
    ("True alert rate", None), ("Alerts per hour", None), ("Arrests per true alert", None), ("Arrest rate", None),
    ("Faces seen per hour", None), ("Watchlist hit rate", None),
    ("False alert rate", "false_alert_rate_printed"), ("Similarity threshold (%)", "threshold"),
    # New columns an edition may add.
    ("Borough", None), ("Camera vans", None), ("No. of camera vans", None),
    ("Start time", "start_time"),  # read with "End time" into the duration (test_grid_editions2.py)
    ("Location (Borough)", "location"), ("Hours deployed", "duration"), ("Outcomes Other", "other_disposal"),
    ("Alerts Total", "total_alerts"), ("Alerts True Un- confirmed", "true_alerts_unconfirmed"),
])
def test_header_meanings_of_new_columns(header, field):
    assert grid_headers.field_for(header) == field


def test_a_row_broken_by_the_page_and_a_day_column(capsys):
    # split_row.pdf (make_fixtures.SPLIT_PAGES), read on its rendered pages: "Day | Date | Location |
    # Alerts | Faces seen" on both pages. Page 1: Tue 07/01/25 Camden 3 12,000; Wed 08/01/25 Brixton
    # with no figures. Page 2 under the repeated header: "Town Hall | 1 | 9,000" (the rest of
    # Brixton's row), Thu 09/01/25 Croydon 2 7,000, "Sub total | 6 | 28,000", and a row printing only
    # "5" under Alerts (no date, no label: reported, not counted).
    df, rejections = grids.parse_grid(FIXTURES / "split_row.pdf")
    assert "column 'Day' also reads as date (taken from 'Date')" in capsys.readouterr().err
    assert_rows(df, [
        {"deployment_id": "split_row_2025-01-07_1", "page": 1, "row": 1, "location": "Camden", "date": "2025-01-07",
         "total_alerts": 3, "faces_seen": 12000, "status": "ok"},
        {"deployment_id": "split_row_2025-01-08_1", "page": 1, "row": 2, "location": "Brixton Town Hall",
         "date": "2025-01-08", "total_alerts": 1, "faces_seen": 9000, "status": "ok"},
        {"deployment_id": "split_row_2025-01-09_1", "page": 2, "row": 3, "location": "Croydon", "date": "2025-01-09",
         "total_alerts": 2, "faces_seen": 7000, "status": "ok"}])
    assert [(r.source, r.field, r.value) for r in rejections] == [("grids/split_row.pdf page 2", "row after 3.date", "")]
    assert "figures but no date" in rejections[0].reason and "| 5 |" in rejections[0].reason


def test_words_edition_month_first_unnamed_date_hyphens(capsys):
    # edition_words.pdf (make_fixtures.WORDS_PAGES), read on its rendered pages: page 1 a cover with
    # "Published 02/20/2025" and "Covers 01/13/2025 to 02/14/2025" (no table, no rows); page 2 "When |
    # Site | True alerts (Con-firmed | Not con-firmed) | Faces seen", dates month first.
    df, rejections = grids.parse_grid(FIXTURES / "edition_words.pdf")
    err = capsys.readouterr().err
    assert "column 'When' prints dates and is read as the date" in err
    assert "dates are printed month first" in err
    assert rejections == []  # the cover's two dates are not rows of a table
    p = "edition_words_2025-"

    def row(day, n, location, confirmed, unconfirmed, faces):
        return {"deployment_id": p + day + "_1", "page": 2, "row": n, "location": location, "date": "2025-" + day,
                "true_alerts_confirmed": confirmed, "true_alerts_unconfirmed": unconfirmed,
                "true_alerts": confirmed + unconfirmed, "faces_seen": faces, "status": "ok"}
    assert_rows(df, [
        row("01-13", 1, "Camden", 2, 0, 12000),  # faces "12," over "000"
        row("01-14", 2, "Brixton", 1, 1, 9500),
        row("02-03", 3, "Croydon", 0, 0, 8000),  # 3 February: the grid prints month first
        row("02-04", 4, "Stoke-Newington", 0, 0, 7000),
    ])  # "Overall" is a total


@pytest.mark.parametrize("dates, expected", [
    (["01/13/25", "01/14/25", "02/03/25"], True),
    (["01/13/25", "02/03/25"], False),  # one impossible day-first date is a typo, not a convention
    (["01/13/25", "01/14/25", "13/01/25"], False),  # 13/01/25 is impossible month first: mixed
    (["08/01/25", "09/01/25"], False),
])
def test_month_first_needs_evidence(dates, expected):
    assert grids.prints_month_first(dates) is expected


@pytest.mark.parametrize("header, field", [
    ("True alerts Non-confirmed", "true_alerts_unconfirmed"), ("True alerts Nonconfirmed", "true_alerts_unconfirmed"),
    ("False alerts Un-verified", "false_alerts_unconfirmed"), ("True alerts Confirmed", "true_alerts_confirmed"),
])
def test_hyphenated_headers(header, field):
    assert grid_headers.field_for(header) == field


def test_table_without_outer_side_lines():
    # open_sides.pdf (make_fixtures.OPEN_SIDES_PAGES): horizontal rules and inner vertical lines only;
    # Date | Location | Alerts | Faces seen: 07/01/25 Camden 3 12,000; 08/01/25 Brixton 1 9,000.
    df, rejections = grids.parse_grid(FIXTURES / "open_sides.pdf")
    assert rejections == []
    assert_rows(df, [
        {"deployment_id": "open_sides_2025-01-07_1", "page": 1, "row": 1, "location": "Camden", "date": "2025-01-07",
         "total_alerts": 3, "faces_seen": 12000, "status": "ok"},
        {"deployment_id": "open_sides_2025-01-08_1", "page": 1, "row": 2, "location": "Brixton", "date": "2025-01-08",
         "total_alerts": 1, "faces_seen": 9000, "status": "ok"}])


def test_a_total_at_the_top_of_a_page_is_not_the_last_rows_figures():
    # total_at_top.pdf: page 1 "07/01/25 | Camden" with no figures; page 2 opens "Total | 3 | 12,000",
    # then 08/01/25 Brixton 1 9,000. (Camden prints no result and no reason: "ok" until round 5, now
    # "n/a: no result printed", tests/test_grid_editions5.py.)
    df, rejections = grids.parse_grid(FIXTURES / "total_at_top.pdf")
    assert rejections == []
    assert_rows(df, [
        {"deployment_id": "total_at_top_2025-01-07_1", "page": 1, "row": 1, "location": "Camden", "date": "2025-01-07",
         "status": "n/a: no result printed"},
        {"deployment_id": "total_at_top_2025-01-08_1", "page": 2, "row": 2, "location": "Brixton", "date": "2025-01-08",
         "total_alerts": 1, "faces_seen": 9000, "status": "ok"}])


# --- grid_editions: what each PDF says of itself, read once by the build --------------------------

def test_grid_editions_hold_each_pdfs_own_title_and_day_through_the_cache(tmp_path, monkeypatch):
    """The build's grid_editions table names the three real grids as their PDFs do. Expected values read
    by hand from each PDF's metadata (a one-off `pypdfium2` get_metadata_dict() and page count, not
    this code): all three are titled 'LFR Deployment Grid'; 2020-22 CreationDate D:20231120113959Z,
    ModDate D:20231120114003Z, 2 pages; 2023-24 D:20250111114837+00'00' (both), 10 pages; 2025
    D:20250512122623+01'00' (both), 4 pages. Deployments: the hand counts pinned above (9, 203, 74)."""
    from foi_analysis import build
    from foi_analysis.cache import cache_folder, entry_path
    from foi_analysis.grids import pdf_tables

    raw = tmp_path / "data" / "raw"
    shutil.copytree(config.REPOSITORY / "tests" / "fixtures" / "corpus" / "data" / "raw", raw)
    shutil.copy(GRID_2025, raw / "grids")
    expected = [
        # No grid prints a deployment of another (their dates do not meet: 28/07/22, 06/04/23 to
        # 20/12/24, 08/01/25 on): none superseded.
        ["met-lfr-grid-2020-2022.pdf", "LFR Deployment Grid", pd.Timestamp("2023-11-20"), 2, 9, 0],
        ["met-lfr-grid-2023-to-2024.pdf", "LFR Deployment Grid", pd.Timestamp("2025-01-11"), 10, 203, 0],
        ["met-lfr-grid-2025-to-may2026.pdf", "LFR Deployment Grid", pd.Timestamp("2025-05-12"), 4, 74, 0],
    ]
    first = build.assemble(raw, cache=True).tables["grid_editions"]
    assert list(first.columns) == ["source_file", "title", "edition_date", "pages", "deployments", "deployments_superseded"]
    assert first.astype(object).values.tolist() == expected
    # A rebuild from the per-grid cache (the deployment tables' own entry dropped) opens no PDF: the
    # title and day come with each grid's cached parse.
    entry_path(cache_folder(raw), "deployment-tables").unlink()

    def opened(path):
        raise AssertionError(f"{path} opened: not from the cache")

    monkeypatch.setattr(pdf_tables, "edition", opened)
    monkeypatch.setattr(pdf_tables, "read_pages", opened)
    again = build.assemble(raw, cache=True).tables["grid_editions"]
    assert again.astype(object).values.tolist() == expected


def test_a_grid_without_metadata_has_an_empty_title_and_day(tmp_path):
    # bad_rows.pdf (drawn by make_fixtures.py) has empty Title, CreationDate and ModDate and one page.
    shutil.copy(FIXTURES / "bad_rows.pdf", tmp_path)
    t, _ = grids.build_tables(tmp_path, blue_list=BLUE_LIST.iloc[0:0])
    row = GRID_SCHEMAS["grid_editions"].validate(t["grid_editions"]).iloc[0]
    assert row["source_file"] == "bad_rows.pdf" and pd.isna(row["title"]) and pd.isna(row["edition_date"])
    assert row["pages"] == 1 and row["deployments"] == (t["deployments"]["source_file"] == "bad_rows.pdf").sum() > 0
