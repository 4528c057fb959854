"""Red team of the grid anomaly checks (issue 11 item 2) on grids drawn for the purpose.

Each grid is drawn by tests/fixtures/grids/raw_pdf.py and read through the whole parser
(``build_tables``). HAND READING: the anomalies listed in each ``EXPECTED`` are my reading of the rows
as drawn, written before the checks were run on them: what a careful analyst would list, by row
number (printed order), check name and the printed value. Figures in the comments are computed by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis.grids import parse as grids

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "grids"))
import raw_pdf  # noqa: E402
from raw_pdf import Page  # noqa: E402

HEADER = [["Date", "Location", "Duration", "Use case", "Watchlist\nsize", "Faces\nseen", "Total\nalerts",
           "True alerts\nconfirmed", "True alerts\nunconfirmed", "False alerts\nconfirmed", "False alerts\nunconfirmed",
           "Arrests", "Other\ndisposal", "No\naction", "False alert\nrate", "Threshold"]]
WIDTHS = [40, 100, 30, 44, 36, 36, 30, 40, 44, 40, 44, 30, 34, 28, 40, 34]
FIELDS = ["date", "location", "duration", "use", "watchlist", "faces", "total", "tc", "tu", "fc", "fu", "arrests",
          "other", "no_action", "rate", "threshold"]
PER_PAGE = 30


def row(date: str, location: str, watchlist="16,100", faces="12,000", total="3", tc="2", tu="0", fc="1", fu="0",
        arrests="1", other="1", no_action="1", rate="0.008%", duration="5h30m", use="Crime Hotspot",
        threshold="0.64") -> list[str]:
    values = dict(date=date, location=location, duration=duration, use=use, watchlist=watchlist, faces=faces,
                  total=total, tc=tc, tu=tu, fc=fc, fu=fu, arrests=arrests, other=other, no_action=no_action, rate=rate,
                  threshold=threshold)
    return [values[f] for f in FIELDS]


def build(tmp_path: Path, name: str, rows: list[list[str]], header=HEADER):
    """The tables of one grid drawn with ``rows`` (PER_PAGE to a page, the header on each)."""
    folder = tmp_path / name
    folder.mkdir()
    pages = []
    for start in range(0, len(rows), PER_PAGE):
        page = Page(raw_pdf.LANDSCAPE)
        page.text(40, 20, "MPS LFR DEPLOYMENTS 2025", size=10)
        raw_pdf.table(page, 40, 40, WIDTHS, header, rows[start:start + PER_PAGE])
        pages.append(page)
    (folder / f"{name}.pdf").write_bytes(raw_pdf.write(pages))
    blue = pd.DataFrame({"reference": pd.array([], dtype="string"), "row": pd.array([], dtype="Int64"),
                         "deployment_date": pd.to_datetime(pd.Series([], dtype="object")),
                         "true_alert_rate": pd.array([], dtype="Float64"),
                         "false_alert_rate": pd.array([], dtype="Float64")})
    tables, rejections = grids.build_tables(folder, blue_list=blue)
    return tables, rejections


def found(tables) -> set[tuple]:
    """(row printed, check, printed value) of every anomaly; a grid-wide one has row None."""
    dep = tables["deployments"]
    rows = dict(zip(dep["deployment_id"], dep["row"]))
    return {(None if pd.isna(a["deployment_id"]) else int(rows[a["deployment_id"]]), a["check"], a["found"])
            for _, a in tables["deployment_anomalies"].iterrows()}


def score(expected: set[tuple], got: set[tuple]) -> str:
    return f"hits {len(expected & got)}, misses {sorted(expected - got, key=str)}, false alarms {sorted(got - expected, key=str)}"


def rate(false: int, faces: int) -> str:
    """The rate a careful producer prints: false / faces as a percentage, rounded half up to 3 places."""
    from decimal import ROUND_HALF_UP, Decimal
    if false == 0:
        return "0%"
    return f"{(Decimal(100 * false) / Decimal(faces)).quantize(Decimal('0.001'), ROUND_HALF_UP)}%"


# --- 1. a clean grid of 60 realistic rows: no anomaly at all --------------------------------------------

# Places that differ but look alike. My decisions: "Oxford Circus" and "Oxford Street" are two places
# (a word differs, neither is the start of the other); "Kingston" and "Kingston upon Thames" are not a
# spelling variant of each other (one names less than the other, as "Croydon" and "North End, Croydon"
# do: a place at another grain is not the same place written another way); "Kings Road" (Chelsea) and
# "Kingsland Road" (Dalston) are two places although "Kings" is the start of "Kingsland" (a word clipped
# by its cell is the last word printed, never one followed by more); "Station Rd, Harrow" and
# "Station Rd, Ilford" are two roads; "Ham" and "Hammersmith" are two places.
PLACES = ["Oxford Circus", "Oxford Street", "Kingston", "Kingston upon Thames", "Kings Road", "Kingsland Road",
          "Station Rd, Harrow", "Station Rd, Ilford", "Ham", "Hammersmith", "Walworth Road", "Croydon",
          "North End, Croydon", "Stratford", "Wood Green"]


def clean_rows(n: int = 60, start: int = 6) -> list[list[str]]:
    """n deployments, two days apart from 6 January 2025 (by day of year, so months roll over), each
    reconciling: total = true + false, outcomes <= total, rate as printed rounded; the watchlist grows
    by 25 a row (16,000 to 17,475: 0.16% a step). False alerts on every 9th row; no action and other
    disposals differ; 0 alerts (rate 0%) on every 7th."""
    import datetime as dt
    out = []
    for k in range(n):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=start - 1 + 2 * k)
        faces = 8000 + (k * 733) % 9000
        total = 0 if k % 7 == 3 else 2 + k % 5
        false = 1 if k % 9 == 4 and total else 0
        true = total - false
        unconfirmed = 1 if k % 6 == 1 and true else 0
        arrests = min(true, 1 + k % 3)
        other = min(true - arrests, k % 2)
        no_action = max(0, min(true - arrests - other, k % 4))
        out.append(row(f"{day:%d/%m/%y}", PLACES[k % len(PLACES)], watchlist=f"{16000 + 25 * k:,}", faces=f"{faces:,}",
                       total=str(total), tc=str(true - unconfirmed), tu=str(unconfirmed), fc=str(false), fu="0",
                       arrests=str(arrests), other=str(other), no_action=str(no_action), rate=rate(false, faces)))
    return out


def test_a_clean_grid_raises_no_anomaly(tmp_path):
    tables, rejections = build(tmp_path, "clean", clean_rows())
    assert rejections == []
    assert len(tables["deployments"]) == 60
    expected: set = set()  # my reading: nothing to list
    got = found(tables)
    assert got == expected, score(expected, got)
    # Every place keeps its own key.
    assert (tables["deployments"]["location_key"] == tables["deployments"]["location"]).all()


def test_no_false_alert_in_a_whole_grid_is_no_copied_column(tmp_path):
    # 12 rows, no false alert and no unconfirmed true alert anywhere: total alerts = true alerts
    # confirmed on every row, as the grid's own sum (total = true + false) makes them. Not a copy.
    rows = [row(f"{d:02d}/02/25", PLACES[d % 15], watchlist=f"{16000 + 10 * d:,}", faces=f"{9000 + 100 * d:,}",
                total=str(2 + d % 4), tc=str(2 + d % 4), fc="0", arrests="1", other=str(d % 2), no_action="0", rate="0%")
            for d in range(1, 13)]
    tables, rejections = build(tmp_path, "no_false", rows)
    assert rejections == []
    expected: set = set()
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 2. watchlists -----------------------------------------------------------------------------------

def test_watchlist_typos_and_a_step_that_stays(tmp_path):
    # Sizes in printed order, a row a day from 03/03/25. My reading: row 1 61,000 (a typo: the next two
    # print 16,100 and 16,120), row 5 61,170 (between 16,150 and 16,190), row 9 1,622 (between 16,220
    # and 16,230, a digit dropped) are outliers. Rows 12-16 step up to 18,400 and stay: no row is
    # an outlier (row 12 is far from row 11 but agrees with row 13). Row 17, the last, 81,460 after
    # 18,450 and 18,470: an outlier.
    sizes = ["61,000", "16,100", "16,120", "16,150", "61,170", "16,190", "16,200", "16,220", "1,622", "16,230",
             "16,240", "18,400", "18,420", "18,450", "18,470", "18,480", "81,460"]
    rows = [row(f"{3 + k:02d}/03/25", "Walworth Road", watchlist=s) for k, s in enumerate(sizes)]
    tables, rejections = build(tmp_path, "watch", rows)
    assert rejections == []
    expected = {(1, "watchlist_outlier", "61000"), (5, "watchlist_outlier", "61170"), (9, "watchlist_outlier", "1622"),
                (17, "watchlist_outlier", "81460")}
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 3. printed false alert rates ---------------------------------------------------------------------

RATE_HEADER = [[*HEADER[0][:14], "False alert\nrate", HEADER[0][15]]]


def test_false_alert_rates_printed_every_way(tmp_path):
    # (false alerts, faces, printed) and my reading of each:
    cases = [
        (1, "12,000", "0.008%"),   # 1  0.00833%: rounded and truncated alike, nothing to say
        (1, "1,123", "0.09%"),     # 2  0.08905%: rounded
        (1, "1,123", "0.08%"),     # 3  truncated, not rounded: false_alert_rate_truncated
        (1, "3,940", "0.025%"),    # 4  0.02538%: 3 places, both
        (1, "3,940", "0.03%"),     # 5  rounded
        (1, "3,940", "0.02%"),     # 6  truncated: false_alert_rate_truncated
        (1, "3,940", "0.01%"),     # 7  neither: false_alert_rate
        (1, "5,000", "0.2%"),      # 8  1/5,000 = 0.02%, printed ten times that: false_alert_rate
        (2, "2,000", "0.10%"),     # 9  0.1% exactly, 2 places: exact
        (1, "12,000", "0.00%"),    # 10 0.0083% to 2 places: 0.01 rounded, 0.00 truncated: truncated
        (1, "8,000", "0.013%"),    # 11 0.0125%: rounded half up
        (1, "8,000", "0.012%"),    # 12 0.0125%: rounded half down, or truncated: nothing to say
        (0, "0", "0%"),            # 13 no faces, no false alert, 0%: nothing to say (no rate to compute)
        (1, "0", "0.01%"),         # 14 a false alert with no face seen, a rate printed: cannot be:
                                   #    false_alert_rate
        (1, "", "0.01%"),          # 15 faces not printed: the rate cannot be checked, nothing to say
        (1, "12,000", "0.0083"),   # 16 no "%" under a header that gives no unit: unreadable
    ]
    rows = [row(f"{4 + k:02d}/04/25", "Walworth Road", faces=faces, total=str(1 + f), tc="1", fc=str(f), arrests="1",
                other="0", no_action="0", rate=r) for k, (f, faces, r) in enumerate(cases)]
    tables, rejections = build(tmp_path, "rates", rows, header=RATE_HEADER)
    assert [(r.field, r.value) for r in rejections] == [("rates_2025-04-19_1.false_alert_rate_printed", "0.0083")]
    expected = {(3, "false_alert_rate_truncated", "0.08%"), (6, "false_alert_rate_truncated", "0.02%"),
                (7, "false_alert_rate", "0.01%"), (8, "false_alert_rate", "0.2%"),
                (10, "false_alert_rate_truncated", "0.00%"), (14, "false_alert_rate", "0.01%"),
                (16, "unreadable", "0.0083"),
                # Rows 13 and 14 print 1 and 2 alerts (total = 1 + false) from 0 faces seen: every
                # alert is a face seen (round 6's alerts_exceed_faces check), found = the faces printed.
                (13, "alerts_exceed_faces", "0"), (14, "alerts_exceed_faces", "0")}
    got = found(tables)
    assert got == expected, score(expected, got)
    classes = [None if pd.isna(c) else c for c in tables["deployments"]["false_alert_rate_rounding"]]
    assert classes == ["rounded or truncated", "rounded", "truncated", "rounded or truncated", "rounded", "truncated",
                       "unexplained", "unexplained", "exact", "truncated", "rounded", "rounded or truncated", None,
                       "unexplained", None, None]


def test_rates_without_a_sign_under_a_header_giving_the_unit(tmp_path):
    # "False alert rate (%)": bare numbers are percentages. 1/1,123 = 0.08905: "0.09" rounded, "0.08"
    # truncated (flagged), "0.089" both; 1/3,940 printed "0.010" is neither (flagged).
    header = [[*HEADER[0][:14], "False alert\nrate (%)", HEADER[0][15]]]
    cases = [("1,123", "0.09"), ("1,123", "0.08"), ("1,123", "0.089"), ("3,940", "0.010")]
    # (First run: my drawing left the default outcomes 1 + 1 + 1 = 3 against 2 alerts, and the check
    # rightly flagged all four rows; the drawing now prints outcomes that fit.)
    rows = [row(f"{4 + k:02d}/04/25", "Walworth Road", faces=faces, total="2", tc="1", fc="1", rate=r, arrests="1",
                other="0", no_action="0") for k, (faces, r) in enumerate(cases)]
    tables, rejections = build(tmp_path, "rates_unit", rows, header=header)
    assert rejections == []
    expected = {(2, "false_alert_rate_truncated", "0.08"), (4, "false_alert_rate", "0.010")}
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 4. places written several ways ---------------------------------------------------------------------

def test_places_written_several_ways(tmp_path):
    places = [
        "Walworth Road", "Walworth Road", "Walworth Road",      # 1-3 the usual form
        "Walworth Road,",                                      # 4 a stray comma
        "WALWORTH ROAD",                                       # 5 capitals
        "Walworth Rd (Southwark)",                             # 6 a borough in brackets
        "Clapham Junction", "Clapham Junction", "Clapham Junc",  # 7-8; 9 clipped
        "Deptford High Street", "Deptford High Street", "Deptford High St",  # 10-11; 12 "St"
        "Elephant & Castle", "Elephant & Castle", "Elephant and Castle",  # 13-14; 15 "and"
        "North End, Croydon", "North End, Croydon", "Northend, Croydon",  # 16-17; 18 two words run together
        "Station Rd (Harrow)", "Station Rd (Ilford)", "Station Rd",  # 19-21 two roads: "Station Rd" is neither
        "Oxford Circus", "Oxford Street",                      # 22-23 two places
    ]
    rows = [row(f"{1 + k:02d}/05/25", p, watchlist=f"{16000 + 20 * k:,}") for k, p in enumerate(places)]
    tables, rejections = build(tmp_path, "places", rows)
    assert rejections == []
    # My reading: rows 4, 5, 6 are "Walworth Road"; 9 "Clapham Junction"; 12 "Deptford High Street"; 15
    # "Elephant & Castle"; 18 "North End, Croydon". 19-23: each its own place.
    expected = {(4, "location_variants", "Walworth Road,"), (5, "location_variants", "WALWORTH ROAD"),
                (6, "location_variants", "Walworth Rd (Southwark)"), (9, "location_variants", "Clapham Junc"),
                (12, "location_variants", "Deptford High St"), (15, "location_variants", "Elephant and Castle"),
                (18, "location_variants", "Northend, Croydon")}
    got = found(tables)
    assert got == expected, score(expected, got)
    keys = tables["deployments"]["location_key"].tolist()
    assert keys[:6] == ["Walworth Road"] * 6 and keys[17] == "North End, Croydon"
    assert keys[18:] == ["Station Rd (Harrow)", "Station Rd (Ilford)", "Station Rd", "Oxford Circus", "Oxford Street"]


# --- 5. copied columns ----------------------------------------------------------------------------------

def test_a_column_copied_across_a_whole_grid(tmp_path):
    # 30 rows (two pages of 30? one page), "No action" printed equal to "Other disposal" on every row,
    # not 0 on 20 of them: copied. My reading: one copied_column for the grid; no row's outcomes
    # exceed its alerts once the copy is left aside (arrests + other <= total on every row).
    rows = []
    for k in range(30):
        total = 4 + k % 3
        other = 0 if k % 3 == 0 else 1 + k % 2
        rows.append(row(f"{1 + k:02d}/06/25" if k < 30 else "", PLACES[k % 15], watchlist=f"{16000 + 10 * k:,}",
                        total=str(total), tc=str(total), fc="0", rate="0%", arrests=str(total - other - 1),
                        other=str(other), no_action=str(other)))
    tables, rejections = build(tmp_path, "copied", rows)
    assert rejections == []
    expected = {(None, "copied_column", "no_action == other_disposal")}
    got = found(tables)
    assert got == expected, score(expected, got)


def test_columns_equal_by_chance_are_no_copy(tmp_path):
    # 40 rows: the first 30 print 0 other disposals and 0 no action (equal, by chance), the last 10
    # differ. And unconfirmed true alerts are 0 throughout, as are unconfirmed false alerts (equal on
    # every row, but never anything but 0: no evidence of copying). My reading: nothing.
    rows = []
    for k in range(40):
        other, no_action = (0, 0) if k < 30 else (1, k % 2)
        rows.append(row(f"{1 + k // 2:02d}/07/25", PLACES[k % 15], watchlist=f"{16000 + 10 * k:,}", total="4", tc="4",
                        fc="0", rate="0%", arrests="2", other=str(other), no_action=str(no_action)))
    tables, rejections = build(tmp_path, "chance", rows)
    assert rejections == []
    expected: set = set()
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 6. outcomes beyond alerts ------------------------------------------------------------------------

def test_outcomes_exceeding_alerts(tmp_path):
    # (total, arrests, other, no action) and my reading:
    cases = [("5", "3", "2", "1"),  # 1 6 outcomes > 5 alerts: outcomes_exceed_alerts (found 6)
             ("4", "6", "", ""),    # 2 6 arrests alone > 4 alerts, the rest not printed: still too many (6)
             ("4", "2", "-", "1"),  # 3 3 <= 4 with a dash: nothing
             ("", "3", "1", "0"),   # 4 no total printed: nothing to compare with
             ("5", "3", "1", "1"),  # 5 5 = 5: nothing
             ("2", "1", "", "3")]   # 6 1 + 3 = 4 > 2, other disposals not printed: outcomes_exceed_alerts (4)
    rows = [row(f"{1 + k:02d}/08/25", "Walworth Road", total=t, tc=t or "", fc="0" if t else "", rate="0%",
                arrests=a, other=o, no_action=n) for k, (t, a, o, n) in enumerate(cases)]
    tables, rejections = build(tmp_path, "outcomes", rows)
    assert rejections == []
    expected = {(1, "outcomes_exceed_alerts", "6"), (2, "outcomes_exceed_alerts", "6"), (6, "outcomes_exceed_alerts", "4")}
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 7. rows with no results ---------------------------------------------------------------------------

def test_rows_with_no_results_worded_several_ways(tmp_path):
    results = ["faces", "total", "tc", "tu", "fc", "fu", "arrests", "other", "no_action", "rate"]

    def none_printed(date, place, text, where=results):
        r = row(date, place)
        for f in results:
            r[FIELDS.index(f)] = text if f in where else ""
        return r

    rows = [row("01/09/25", "Walworth Road"),
            none_printed("02/09/25", "Oxford Circus", "N/A - equipment failure"),
            none_printed("03/09/25", "Croydon", "Cancelled"),
            none_printed("04/09/25", "Stratford", "Deployment aborted", where=["faces"]),
            row("05/09/25", "Wood Green", watchlist="N/A")]
    tables, rejections = build(tmp_path, "no_results", rows)
    # My reading: three rows without results, each labelled with its reason, none an anomaly (nothing
    # unreadable: the words say why nothing is printed); the last prints results beside an N/A watchlist.
    assert rejections == []
    assert found(tables) == set()
    dep = tables["deployments"]
    assert dep["status"].tolist() == ["ok", "n/a: equipment failure", "n/a: Cancelled", "n/a: Deployment aborted", "ok"]
    year = tables["deployments_yearly"].iloc[0]
    assert (year["deployments"], year["deployments_with_results"], year["deployments_na"]) == (5, 2, 3)
    assert year["total_alerts"] == 6  # 3 + 3: the rows without results add nothing


# --- 8. dates ----------------------------------------------------------------------------------------------

def test_dates_out_of_order_and_in_the_future(tmp_path):
    dates = ["03/02/25", "05/02/25", "07/02/25", "09/02/24",  # 4 a year early (the Dalston case)
             "11/02/25", "14/02/25", "13/02/25",              # 6, 7 swapped: one of them out (7, printed later)
             "17/02/25", "19/02/52", "21/02/25",              # 9 a year typed 52: far after its neighbours
             "23/02/25", "25/02/25"]
    rows = [row(d, "Walworth Road", watchlist=f"{16000 + 10 * k:,}") for k, d in enumerate(dates)]
    tables, rejections = build(tmp_path, "dates", rows)
    assert rejections == []
    # My reading: rows 4, 7 and 9 are out of order; row 10 (21/02/25) is in order with all but row 9.
    expected = {(4, "date_order", "2024-02-09"), (7, "date_order", "2025-02-13"), (9, "date_order", "2052-02-19")}
    got = found(tables)
    assert got == expected, score(expected, got)


# --- 9. the real grids: one place printed four ways -------------------------------------------------------

def test_real_grids_north_end_croydon_printed_four_ways(tmp_path):
    # Printed (2023-24 and 2025 grids): "Croydon, Northend" 9 times, "Northend, Croydon" once, "North
    # End, Croydon" 3 times in 2023-24 and once in 2025, "North End Croydon" once in 2025: one street,
    # North End in Croydon. Before this round "Northend" and "North End" made two places; one key now,
    # the form printed most often ("Croydon, Northend"), and the other 6 rows are its variants.
    import shutil

    from test_grids import GRID_2025, NEW
    for grid in (NEW, GRID_2025):
        shutil.copy(grid, tmp_path)
    tables, _ = grids.build_tables(tmp_path, blue_list=pd.DataFrame({
        "reference": pd.array([], dtype="string"), "row": pd.array([], dtype="Int64"),
        "deployment_date": pd.to_datetime(pd.Series([], dtype="object")),
        "true_alert_rate": pd.array([], dtype="Float64"), "false_alert_rate": pd.array([], dtype="Float64")}))
    dep = tables["deployments"]
    north_end = dep[dep["location"].isin(["Croydon, Northend", "Northend, Croydon", "North End, Croydon",
                                          "North End Croydon"])]
    assert len(north_end) == 15
    assert set(north_end["location_key"]) == {"Croydon, Northend"}
    variants = tables["deployment_anomalies"].query("check == 'location_variants'")
    assert variants["deployment_id"].isin(north_end["deployment_id"]).sum() == 6


def _with_info(data: bytes, **info: str) -> bytes:
    """The PDF with an Info dictionary added by an incremental update (as a producer stamps its dates)."""
    import re
    size = int(re.search(rb"/Size (\d+)", data)[1])
    body = ("<< " + " ".join(f"/{k} ({v})" for k, v in info.items()) + " >>").encode()
    return raw_pdf.update(data, {size: body}, f" /Info {size} 0 R")


@pytest.mark.parametrize("made, expected", [
    # Made 01/03/25 (ModDate 02/03/25, the later, counts): rows 9 (19/02/2052) and 12 (15/03/25, the last,
    # in order) are after it. My reading: both date_after_edition; row 9 also date_order as above.
    ({"CreationDate": "D:20250301120000Z", "ModDate": "D:20250302090000+01'00'"},
     {(9, "date_after_edition", "2052-02-19"), (12, "date_after_edition", "2025-03-15")}),
    # Made 01/01/25, before every row but none: most rows after it, the date is not the edition's:
    # not checked (a warning).
    ({"CreationDate": "D:20250101"}, set()),
    ({}, set()),  # no dates in the file: nothing to check against
], ids=["made_march", "made_before_most", "no_metadata"])
def test_dates_after_the_grid_was_made(tmp_path, made, expected):
    dates = ["03/02/25", "05/02/25", "07/02/25", "09/02/25", "11/02/25", "13/02/25", "14/02/25", "17/02/25",
             "19/02/52", "21/02/25", "23/02/25", "15/03/25"]
    rows = [row(d, "Walworth Road", watchlist=f"{16000 + 10 * k:,}") for k, d in enumerate(dates)]
    build(tmp_path, "made", rows)  # draws the grid; re-read below with its dates stamped
    pdf = tmp_path / "made" / "made.pdf"
    if made:
        pdf.write_bytes(_with_info(pdf.read_bytes(), **made))
    tables, _ = grids.build_tables(tmp_path / "made", blue_list=tables_blue())
    got = {a for a in found(tables) if a[1] == "date_after_edition"}
    assert got == expected, score(expected, got)
    assert (9, "date_order", "2052-02-19") in found(tables)


def tables_blue() -> pd.DataFrame:
    return pd.DataFrame({"reference": pd.array([], dtype="string"), "row": pd.array([], dtype="Int64"),
                         "deployment_date": pd.to_datetime(pd.Series([], dtype="object")),
                         "true_alert_rate": pd.array([], dtype="Float64"), "false_alert_rate": pd.array([], dtype="Float64")})
