"""Red team, round 2: grid editions drawn the way other producers draw tables, and hostile files.

Every PDF is written in the test by tests/fixtures/grids/raw_pdf.py, operator by operator (the
borders as Excel, Word, LibreOffice and others draw them; pages turned; damaged and encrypted files).
HAND READING: every expected value below was written from the drawing (the texts passed to
``raw_pdf.table``) BEFORE the parser was run on it; the counts, sums and rates are computed by hand
in the comments, never taken from the parser's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis.grids import headers as grid_headers, parse as grids

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "grids"))
import raw_pdf  # noqa: E402
from raw_pdf import LANDSCAPE, PORTRAIT, Page, Style  # noqa: E402

from test_grids import assert_rows  # noqa: E402

# --- the edition every case varies: the 2025 grid's columns, three deployments ------------------------

WIDTHS = [46, 80, 36, 56, 40, 40, 32, 44, 44, 44, 44, 32, 36, 40, 34]
HEADER = [
    [("Date", 1, 2), ("Location", 1, 2), ("Duration", 1, 2), ("Use Case", 1, 2), ("Watchlist\nsize", 1, 2),
     ("Faces\nseen", 1, 2), ("Total\nalerts", 1, 2), ("True Alerts", 2, 1), ("False Alerts", 2, 1), ("Arrests", 1, 2),
     ("Other\ndisposal", 1, 2), ("False alert\nrate", 1, 2), ("Threshold", 1, 2)],
    ["Confirmed", "Unconfirmed", "Confirmed", "Unconfirmed"],
]
# One header row, each column named in full (for turned header text and other flat headers).
FLAT = ["Date", "Location", "Duration", "Use case", "Watchlist\nsize", "Faces\nseen", "Total\nalerts", "True alerts\nconfirmed",
        "True alerts\nunconfirmed", "False alerts\nconfirmed", "False alerts\nunconfirmed", "Arrests", "Other\ndisposal",
        "False alert\nrate", "Threshold"]
R1 = ["08/01/25", "Walworth Rd", "5h30m", "Crime Hotspot", "16,100", "12,000", "3", "2", "0", "1", "0", "1", "1", "0.008%", "0.64"]
R2 = ["09/01/25", "Station Rd,\nHarrow", "6h00m", "Crime Hotspot", "16,150", "9,500", "2", "2", "0", "0", "0", "2", "0", "0%", "0.64"]
R3 = ["10/01/25", "Croydon", "4h15m", "Crime Hotspot", "16,200", "20,400", "5", "4", "1", "0", "0", "3", "1", "0%", "0.64"]
ROWS = [R1, R2, R3]


def _alerts(total, tc, tu, fc, fu):
    return {"total_alerts": total, "true_alerts_confirmed": tc, "true_alerts_unconfirmed": tu, "true_alerts": tc + tu,
            "false_alerts_confirmed": fc, "false_alerts_unconfirmed": fu, "false_alerts": fc + fu}


# My reading of R1-R3 as drawn. Durations: 5h30m = 330, 6h00m = 360, 4h15m = 255 minutes. Rates:
# R1 1 false / 12,000 faces = 0.00833%, printed 0.008%: rounded and truncated alike; R2, R3 no false
# alert, printed 0%: exact. Sums: 3 = 2 + 1, 2 = 2 + 0, 5 = (4 + 1) + 0; outcomes 2 <= 3, 2 <= 2, 4 <= 5.
HAND = {
    "08": {"date": "2025-01-08", "location": "Walworth Rd", "duration_minutes": 330, "purpose": "Crime Hotspot",
           "purpose_normalised": "crime hotspot", "watchlist_size": 16100, "faces_seen": 12000, **_alerts(3, 2, 0, 1, 0),
           "arrests": 1, "other_disposal": 1, "false_alert_rate_printed": "0.008%", "false_alert_rate": 0.00008,
           "false_alert_rate_rounding": "rounded or truncated", "threshold": 0.64, "status": "ok"},
    "09": {"date": "2025-01-09", "location": "Station Rd, Harrow", "duration_minutes": 360, "purpose": "Crime Hotspot",
           "purpose_normalised": "crime hotspot", "watchlist_size": 16150, "faces_seen": 9500, **_alerts(2, 2, 0, 0, 0),
           "arrests": 2, "other_disposal": 0, "false_alert_rate_printed": "0%", "false_alert_rate": 0.0,
           "false_alert_rate_rounding": "exact", "threshold": 0.64, "status": "ok"},
    "10": {"date": "2025-01-10", "location": "Croydon", "duration_minutes": 255, "purpose": "Crime Hotspot",
           "purpose_normalised": "crime hotspot", "watchlist_size": 16200, "faces_seen": 20400, **_alerts(5, 4, 1, 0, 0),
           "arrests": 3, "other_disposal": 1, "false_alert_rate_printed": "0%", "false_alert_rate": 0.0,
           "false_alert_rate_rounding": "exact", "threshold": 0.64, "status": "ok"},
}


def hand(stem: str, days=("08", "09", "10"), pages=(1, 1, 1), drop=(), **changes) -> list[dict]:
    """The hand reading of the given rows, numbered in printed order; ``drop`` fields the edition
    does not print; ``changes`` {day: {field: value}}."""
    out = []
    for n, (day, page) in enumerate(zip(days, pages), start=1):
        row = {k: v for k, v in HAND[day].items() if k not in drop}
        row.update(changes.get(f"d{day}", {}))
        row.update({"deployment_id": f"{stem}_2025-01-{day}_1", "page": page, "row": n})
        out.append(row)
    return out


def save(tmp_path: Path, name: str, pages: list[Page], **kw) -> Path:
    path = tmp_path / name
    path.write_bytes(raw_pdf.write(pages, **kw))
    return path


def grid_page(style: Style | None = None, header=HEADER, rows=ROWS, widths=WIDTHS, size=LANDSCAPE,
              title: str | None = "MPS LFR DEPLOYMENTS 2025") -> Page:
    page = Page(size)
    if title:
        page.text(40, 20, title, size=10)
    raw_pdf.table(page, 40, 40, widths, header, rows, style)
    return page


def read(path: Path):
    df, rejections = grids.parse_grid(path)
    return df, [(r.source, r.field, r.value) for r in rejections]


# --- 1-8: other producers' borders -----------------------------------------------------------------

@pytest.mark.parametrize("style, why", [
    (Style(borders="filled"), "Excel: every border a filled 0.6 pt rectangle, the outer border 2 pt, no outline"),
    (Style(borders="one_path"), "LibreOffice/cairo: the whole ruling one path object of many subpaths"),
    (Style(borders="gaps", gap=1.0), "Word with cell spacing: each cell its own rectangle, 1 pt apart"),
    (Style(borders="gaps", gap=2.5), "cells 2.5 pt apart"),
    (Style(borders="segments"), "each border rebuilt from 4 pt pieces"),
    (Style(borders="lines", thick_outer=3.0), "a 3 pt outer border stroked over thin inner lines"),
    (Style(borders="cells", thick_outer=6.0), "a 6 pt frame round the table"),
    (Style(borders="lines", header_fill=0.2, header_white=True), "white header text on dark filled cells"),
    (Style(borders="none", header_fill=0.85), "no borders at all, shaded header: not readable (refused)"),
], ids=["filled", "one_path", "gaps1", "gaps2.5", "segments", "thick_outer", "frame", "dark_header", "shading_only"])
def test_borders_drawn_by_other_producers(tmp_path, style, why):
    path = save(tmp_path, "borders.pdf", [grid_page(style)])
    if style.borders == "none":  # nothing ruled: refused whole, saying why (never read by word gaps)
        with pytest.raises(grids.GridError, match=r"borders\.pdf: no deployment table found.*drawn borders"):
            grids.parse_grid(path)
        return
    df, rejections = read(path)
    assert rejections == []
    assert_rows(df, hand("borders"))


def test_a_frame_round_the_page(tmp_path):
    # A 1 pt border round the whole page, 15 pt in from its edges, and a 2 pt box round the table
    # 6 pt out from it: frames, not tables (a frame's one cell would hold every row).
    page = grid_page()
    page.rect(15, 15, 812, 565, width=1.0)
    page.rect(34, 34, sum(WIDTHS) + 12, 2 * (2 * raw_pdf.LINE + 4) + 4 * raw_pdf.LINE + 12 + 12, width=2.0)
    df, rejections = read(save(tmp_path, "framed.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("framed"))


def test_table_inside_a_form_xobject(tmp_path):
    # The table drawn inside a Form XObject placed 30 pt right and 25 pt down (a page imported or
    # "printed to PDF" by another tool): its borders are in the form, its text too.
    page = Page()
    page.text(40, 20, "MPS LFR DEPLOYMENTS 2025", size=10)
    page.begin_form(30, 25)
    raw_pdf.table(page, 40, 40, WIDTHS, HEADER, ROWS)
    page.end_form()
    df, rejections = read(save(tmp_path, "form.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("form"))


def test_header_text_turned_90_degrees(tmp_path):
    # Excel's narrow figure columns with their headers turned to read bottom to top (one header row,
    # 70 pt tall); body text upright.
    style = Style(borders="lines", header_angle=90, header_height=70)
    path = save(tmp_path, "turned_header.pdf", [grid_page(style, header=[FLAT])])
    df, rejections = read(path)
    assert rejections == []
    assert_rows(df, hand("turned_header"))


@pytest.mark.parametrize("matrix, size, rotate", [
    ("0 1 -1 0 595 0", PORTRAIT, 90),  # text runs bottom to top
    ("0 -1 1 0 0 842", PORTRAIT, 270),  # top to bottom
    ("-1 0 0 -1 842 595", LANDSCAPE, 180),  # upside down
], ids=["90", "270", "180"])
def test_page_turned_with_its_text(tmp_path, matrix, size, rotate):
    # The landscape table drawn turned in the page's own coordinates, the page's /Rotate turning it
    # back for a viewer: the text layer does not run left to right.
    page = grid_page(Style(borders="lines"))
    page.ops = [f"q {matrix} cm", *page.ops, "Q"]
    page.size, page.rotate = size, rotate
    df, rejections = read(save(tmp_path, "turned_page.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("turned_page"))


# --- 9-16: headers, columns and values not tried before ------------------------------------------------

def test_confirmation_over_truth(tmp_path):
    # Group headers the other way round: "Confirmed" over True | False, "Unconfirmed" over True | False.
    # Columns 8-11 then hold TC, FC, TU, FU: R1's 2 0 1 0 as drawn below are TC 2, FC 1, TU 0, FU 0.
    header = [
        [("Date", 1, 2), ("Location", 1, 2), ("Duration", 1, 2), ("Use Case", 1, 2), ("Watchlist\nsize", 1, 2),
         ("Faces\nseen", 1, 2), ("Total\nalerts", 1, 2), ("Confirmed alerts", 2, 1), ("Unconfirmed alerts", 2, 1),
         ("Arrests", 1, 2), ("Other\ndisposal", 1, 2), ("False alert\nrate", 1, 2), ("Threshold", 1, 2)],
        ["True", "False", "True", "False"],
    ]
    rows = [r[:7] + [r[7], r[9], r[8], r[10]] + r[11:] for r in ROWS]  # reordered to TC, FC, TU, FU
    df, rejections = read(save(tmp_path, "by_confirmation.pdf", [grid_page(header=header, rows=rows)]))
    assert rejections == []
    assert_rows(df, hand("by_confirmation"))


def test_a_title_drawn_as_the_tables_first_row(tmp_path):
    # "LFR: date, location and outcome of each deployment" in one cell across the table, above its
    # header: a title, not a group header over every column. (First run: every column's header took
    # in the title's "date" and "location", and the grid was refused for having no location column.)
    header = [[("LFR: date, location and outcome of each deployment", 15, 1)], *HEADER]
    df, rejections = read(save(tmp_path, "title_row.pdf", [grid_page(header=header)]))
    assert rejections == []
    assert_rows(df, hand("title_row"))


def test_area_before_location_and_id_and_notes_columns(tmp_path, capsys):
    # "Deployment ID" first, "BCU / Area" before "Location", a "Notes" column last. The place is the
    # column headed Location; the area, the id and the notes are kept aside, each with a warning.
    header = [["Deployment ID", "Date", "BCU / Area", "Location", "Duration", "Alerts", "Faces seen", "Notes"]]
    widths = [50, 46, 60, 80, 36, 32, 40, 120]
    rows = [["LFR-25-001", "08/01/25", "Central South", "Walworth Rd", "5h30m", "3", "12,000", "Rain from noon"],
            ["LFR-25-002", "09/01/25", "West Area", "Station Rd,\nHarrow", "6h00m", "2", "9,500", ""],
            ["LFR-25-003", "10/01/25", "South", "Croydon", "4h15m", "5", "20,400", "Van swapped"]]
    path = save(tmp_path, "area.pdf", [grid_page(header=header, rows=rows, widths=widths)])
    df, rejections = read(path)
    err = capsys.readouterr().err
    assert rejections == []
    keep = ("date", "location", "duration_minutes", "faces_seen", "total_alerts", "status")
    assert_rows(df, [{k: v for k, v in r.items() if k in keep or k in ("deployment_id", "page", "row")}
                     for r in hand("area")])
    assert "'BCU / Area'" in err and "'Deployment ID'" in err and "'Notes'" in err
    tables, _ = grids.build_tables(tmp_path, blue_list=_no_blue_list())
    extras = tables["extra_columns"]
    assert sorted(zip(extras["deployment_id"], extras["column"], extras["value"])) == sorted([
        ("area_2025-01-08_1", "Deployment ID", "LFR-25-001"), ("area_2025-01-08_1", "BCU / Area", "Central South"),
        ("area_2025-01-08_1", "Notes", "Rain from noon"),
        ("area_2025-01-09_1", "Deployment ID", "LFR-25-002"), ("area_2025-01-09_1", "BCU / Area", "West Area"),
        ("area_2025-01-10_1", "Deployment ID", "LFR-25-003"), ("area_2025-01-10_1", "BCU / Area", "South"),
        ("area_2025-01-10_1", "Notes", "Van swapped")])


def _no_blue_list() -> pd.DataFrame:
    return pd.DataFrame({"reference": pd.array([], dtype="string"), "row": pd.array([], dtype="Int64"),
                         "deployment_date": pd.to_datetime(pd.Series([], dtype="object")),
                         "true_alert_rate": pd.array([], dtype="Float64"), "false_alert_rate": pd.array([], dtype="Float64")})


def test_a_location_over_street_and_borough_columns(tmp_path):
    # "Location" spanning "Street | Borough": the place is both, joined ("Walworth Rd, Southwark").
    # (Before: the street alone, the borough kept aside with a warning.)
    header = [[("Date", 1, 2), ("Location", 2, 1), ("Faces seen", 1, 2), ("Total alerts", 1, 2)], ["Street", "Borough"]]
    rows = [["08/01/25", "Walworth Rd", "Southwark", "12,000", "3"], ["09/01/25", "Station Rd", "Harrow", "9,500", "2"],
            ["10/01/25", "North End", "Croydon", "20,400", "5"]]
    df, rejections = read(save(tmp_path, "street.pdf", [grid_page(header=header, rows=rows, widths=[46, 80, 60, 40, 40])]))
    assert rejections == []
    keep = ("date", "faces_seen", "total_alerts", "status", "deployment_id", "page", "row")
    expected = [{k: v for k, v in r.items() if k in keep} for r in hand("street")]
    for row, place in zip(expected, ("Walworth Rd, Southwark", "Station Rd, Harrow", "North End, Croydon")):
        row["location"] = place
    assert_rows(df, expected)


def test_start_and_end_times_instead_of_a_duration(tmp_path):
    # Two editions: "Start time | End time" columns, and one "Times" column printing "10:00-15:30".
    # By hand: 10:00 to 15:30 = 330 min; 09:30 to 15:30 = 360; 11:15 to 15:30 = 255.
    times = [("10:00", "15:30"), ("09:30", "15:30"), ("11:15", "15:30")]
    two = [[*r[:2], s, e, *r[3:7]] for r, (s, e) in zip(ROWS, times)]
    path = save(tmp_path, "start_end.pdf", [grid_page(
        header=[["Date", "Location", "Start time", "End time", "Use case", "Watchlist", "Faces seen", "Total alerts"]],
        rows=two, widths=[46, 80, 40, 40, 56, 40, 40, 40])])
    keep = ("date", "location", "duration_minutes", "purpose", "purpose_normalised", "watchlist_size", "faces_seen",
            "total_alerts", "status")
    want = lambda stem: [{k: v for k, v in r.items() if k in keep or k in ("deployment_id", "page", "row")}  # noqa: E731
                         for r in hand(stem)]
    df, rejections = read(path)
    assert rejections == []
    assert_rows(df, want("start_end"))
    one = [[*r[:2], f"{s}-{e}" if k != 1 else f"{s} - {e}", *r[3:7]] for k, (r, (s, e)) in enumerate(zip(ROWS, times))]
    path = save(tmp_path, "times.pdf", [grid_page(
        header=[["Date", "Location", "Times", "Use case", "Watchlist", "Faces seen", "Total alerts"]],
        rows=one, widths=[46, 80, 60, 56, 40, 40, 40])])
    df, rejections = read(path)
    assert rejections == []
    assert_rows(df, want("times"))


def test_dates_month_worded_first_and_a_header_with_its_format(tmp_path):
    # "Deployment date (dd/mm/yy)" over "January 8, 2025", "Jan 9, 2025", "Friday, January 10, 2025":
    # the month is a word, so the order is not in doubt.
    header = [[("Deployment date\n(dd/mm/yy)", 1, 2)] + HEADER[0][1:], HEADER[1]]
    rows = [["January 8, 2025", *R1[1:]], ["Jan 9, 2025", *R2[1:]], ["Friday, January\n10, 2025", *R3[1:]]]
    widths = [70, *WIDTHS[1:]]
    df, rejections = read(save(tmp_path, "us_words.pdf", [grid_page(header=header, rows=rows, widths=widths)]))
    assert rejections == []
    assert_rows(df, hand("us_words"))


def test_dates_with_a_time_of_day(tmp_path):
    # Excel date-times: "08/01/2025 10:00", "09/01/2025" over "09:30" (wrapped), "2025-01-10T11:15".
    # The date is the day; the time of day is not a duration (the duration column is printed).
    rows = [["08/01/2025 10:00", *R1[1:]], ["09/01/2025\n09:30", *R2[1:]], ["2025-01-10T11:15", *R3[1:]]]
    df, rejections = read(save(tmp_path, "datetimes.pdf", [grid_page(rows=rows, widths=[60, *WIDTHS[1:]])]))
    assert rejections == []
    assert_rows(df, hand("datetimes"))


def test_two_tables_side_by_side(tmp_path):
    # A landscape page with two narrow tables side by side, each with its header: R1, R2 on the
    # left, R3 on the right (drawn first). Read left, then right: rows 1-3 in date order.
    header = [["Date", "Location", "Faces seen", "Total alerts"]]
    page = Page()
    raw_pdf.table(page, 400, 40, [46, 80, 40, 40], header, [[R3[0], R3[1], R3[5], R3[6]]])
    raw_pdf.table(page, 40, 40, [46, 80, 40, 40], header, [[r[0], r[1], r[5], r[6]] for r in (R1, R2)])
    df, rejections = read(save(tmp_path, "side_by_side.pdf", [page]))
    assert rejections == []
    keep = ("date", "location", "faces_seen", "total_alerts", "status", "deployment_id", "page", "row")
    assert_rows(df, [{k: v for k, v in r.items() if k in keep} for r in hand("side_by_side")])


def test_two_day_deployments_and_date_ranges_are_set_aside(tmp_path):
    # "07-08/01/2025" (one deployment over two days) and "08/01/25 - 09/01/25": which day the figures
    # belong to is not printed. Set aside, naming the row and its text; the third row is read.
    rows = [["07-08/01/2025", *R1[1:]], ["08/01/25 -\n09/01/25", *R2[1:]], R3]
    df, rejections = read(save(tmp_path, "ranges.pdf", [grid_page(rows=rows, widths=[60, *WIDTHS[1:]])]))
    assert_rows(df, [{**hand("ranges", days=("10",))[0], "row": 3}])
    assert rejections == [("grids/ranges.pdf page 1", "row 1.date", "07-08/01/2025"),
                          ("grids/ranges.pdf page 1", "row 2.date", "08/01/25 - 09/01/25")]


REPEATED = {
    # Header words in one row (the first drawing of this case).
    "one_row": [["Date", "Location", "Duration", "Use Case", "Watchlist\nsize", "Faces\nseen", "Total\nalerts",
                 "Confirmed", "Unconfirmed", "Confirmed", "Unconfirmed", "Arrests", "Other\ndisposal", "False alert\nrate",
                 "Threshold"]],
    # The grid's own two header rows, the group row drawn as one cell per column.
    "two_rows": [["Date", "Location", "Duration", "Use Case", "Watchlist\nsize", "Faces\nseen", "Total\nalerts",
                  "True Alerts", "", "False Alerts", "", "Arrests", "Other\ndisposal", "False alert\nrate", "Threshold"],
                 ["", "", "", "", "", "", "", "Confirmed", "Unconfirmed", "Confirmed", "Unconfirmed", "", "", "", ""]],
    # One row, no word "Total" in it.
    "flat": [["Date", "Location", "Duration", "Use case", "Watchlist", "Faces seen", "Alerts", "True confirmed",
              "True unconfirmed", "False confirmed", "False unconfirmed", "Arrests", "Other disposal", "FAR", "Threshold"]],
}


@pytest.mark.parametrize("repeated", REPEATED)
def test_month_headings_and_a_header_repeated_inside_the_table(tmp_path, repeated):
    # "January 2025" as a heading row across the table, "Week 1" and "Week 2" under the date column
    # only, and the header printed again inside the table (an Excel band after each week). None of
    # them is a deployment, none is a rejection, and R2's location gets no header words.
    rows = ["January 2025", ["Week 1", *[""] * 14], R1, R2, *REPEATED[repeated], ["Week 2", *[""] * 14], R3]
    df, rejections = read(save(tmp_path, "headings.pdf", [grid_page(rows=rows)]))
    assert rejections == []
    assert_rows(df, hand("headings"))


def test_rates_printed_other_ways(tmp_path):
    # "0.008 %" (a space before the sign) is 0.008%; "1 in 9,500" and "0.00008" (a fraction with no
    # sign) are no percentage: reported unreadable, the row kept with no rate.
    rows = [[*R1[:13], "0.008 %", R1[14]], [*R2[:13], "1 in 9,500", R2[14]], [*R3[:13], "0.00008", R3[14]]]
    df, rejections = read(save(tmp_path, "rates.pdf", [grid_page(rows=rows)]))
    no_rate = {"false_alert_rate_printed", "false_alert_rate", "false_alert_rate_rounding"}
    expected = hand("rates")
    expected[0]["false_alert_rate_printed"] = "0.008 %"
    for row, printed in zip(expected[1:], ("1 in 9,500", "0.00008")):
        for k in no_rate:
            row.pop(k)
        row.update(false_alert_rate_printed=printed, flags="unreadable")
    assert_rows(df, expected)
    assert rejections == [("grids/rates.pdf page 1", "rates_2025-01-09_1.false_alert_rate_printed", "1 in 9,500"),
                          ("grids/rates.pdf page 1", "rates_2025-01-10_1.false_alert_rate_printed", "0.00008")]


def test_text_running_past_its_cell(tmp_path):
    # Excel prints a place too long for its cell over the next cell (or clips it there, the text
    # layer still whole): "Brigstock Road, Thornton Heath" runs over R1's duration "5h30m"; "Station
    # Rd, Harrow on the Hill" over R2's empty duration. Each place is read whole, in its own column.
    # (First run: "Brigstock Road, Thornton He" and durations "a5thh30m", "l" reported unreadable.)
    rows = [[R1[0], "Brigstock Road, Thornton Heath", *R1[2:]], [R2[0], "Station Rd, Harrow on the Hill", "", *R2[3:]], R3]
    df, rejections = read(save(tmp_path, "overflow.pdf", [grid_page(rows=rows)]))
    assert rejections == []
    expected = hand("overflow")
    expected[0]["location"] = "Brigstock Road, Thornton Heath"
    expected[1]["location"] = "Station Rd, Harrow on the Hill"
    del expected[1]["duration_minutes"]
    assert_rows(df, expected)


def test_cells_merged_over_several_rows(tmp_path):
    # Excel merges: R1's date 08/01/25 over R1 and R2 (two deployments that day), "Croydon" over R2
    # and R3, "Crime Hotspot" over all three; each merged text centred in its cell, no rule across it.
    # Every row it spans has its text. (First run: R2 had no location, R1 and R3 no purpose, silently.)
    rows = [R1, [None, "Croydon", *R2[2:3], None, *R2[4:]], [R3[0], None, R3[2], None, *R3[4:]]]
    df, rejections = read(save(tmp_path, "merged.pdf", [grid_page(rows=rows)]))
    assert rejections == []
    expected = hand("merged")
    expected[1].update(date="2025-01-08", deployment_id="merged_2025-01-08_2", location="Croydon")
    assert_rows(df, expected)


def test_a_footnote_mark_raised_after_a_figure(tmp_path):
    # R1's faces seen "12,000" with a small raised "1" right after it (Word's superscript: 3.5 pt,
    # raised 2 pt): a footnote mark, not a sixth digit (never 120,001).
    page = grid_page()
    x = 40 + sum(WIDTHS[:5]) + 2 + raw_pdf.width("12,000")
    top = 40 + 2 * (2 * raw_pdf.LINE + 4) + 2
    page.raw(f"BT /F1 3.5 Tf 1 0 0 1 {x:.2f} {595 - top - 6 + 2:.2f} Tm (1) Tj ET")
    df, rejections = read(save(tmp_path, "raised.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("raised"))


@pytest.mark.parametrize("style", [Style(borders="columns"), Style(borders="columns", band_fill=0.9)],
                         ids=["vertical_lines_only", "zebra_stripes"])
def test_rows_not_ruled_apart(tmp_path, style):
    # Vertical lines and the header's rules only (rows told apart by nothing, or by stripes of
    # shading): one cell holds three dates. Refused whole, saying so; in a grid whose other pages are
    # ruled, that page is a rejection (R1, R2 read on page 1; page 2's R3 and an 11/01/25 row not).
    with pytest.raises(grids.GridError, match=r"unruled\.pdf: .*page\(s\) 1 has rows not ruled apart"):
        grids.parse_grid(save(tmp_path, "unruled.pdf", [grid_page(style=style)]))
    page2 = Page()
    raw_pdf.table(page2, 40, 40, WIDTHS, [], [R3, ["11/01/25", "Camden", *R1[2:]]], style)
    df, rejections = read(save(tmp_path, "half_ruled.pdf", [grid_page(rows=[R1, R2]), page2]))
    assert_rows(df, hand("half_ruled", days=("08", "09")))
    # (My reading expected the "not ruled apart" rejection; with no header, the page's table has no
    # rule at its top, so its rows are loose text: the loose-text rejection names the page instead.)
    assert [(source, field, text[:16]) for source, field, text in rejections] == [
        ("grids/half_ruled.pdf page 2", "page", "10/01/25 Croydon")]


def test_rates_without_a_sign_under_a_header_that_gives_it(tmp_path):
    # "False alert rate (%)" over bare numbers "0.008", "0", "0.00": percentages, as the header says.
    # Without a sign in the header, a bare number stays unreadable (test_rates_printed_other_ways).
    header = [HEADER[0][:11] + [("False alert\nrate (%)", 1, 2), HEADER[0][12]], HEADER[1]]
    rows = [[*R1[:13], "0.008", R1[14]], [*R2[:13], "0", R2[14]], [*R3[:13], "0.00", R3[14]]]
    df, rejections = read(save(tmp_path, "rate_header.pdf", [grid_page(header=header, rows=rows)]))
    assert rejections == []
    expected = hand("rate_header")
    for row, printed in zip(expected, ("0.008", "0", "0.00")):
        row["false_alert_rate_printed"] = printed
    expected[2]["false_alert_rate_rounding"] = "exact"  # 0 false alerts: 0.00 exactly
    assert_rows(df, expected)


def test_threshold_as_a_percentage(tmp_path):
    # Thresholds printed "64%", "64 %" and "0.64": the same setting, 0.64.
    rows = [[*R1[:14], "64%"], [*R2[:14], "64 %"], R3]
    df, rejections = read(save(tmp_path, "threshold_pct.pdf", [grid_page(rows=rows)]))
    assert rejections == []
    assert_rows(df, hand("threshold_pct"))


def test_a_single_clock_time_is_no_duration(tmp_path):
    # "Time" printing "10:00" (when, not how long): reported unreadable, never read as 600 minutes.
    rows = [[*r[:2], t, *r[3:7]] for r, t in zip(ROWS, ("10:00", "09:30-15:30", ""))]
    path = save(tmp_path, "clock.pdf", [grid_page(
        header=[["Date", "Location", "Time", "Use case", "Watchlist", "Faces seen", "Total alerts"]],
        rows=rows, widths=[46, 80, 60, 56, 40, 40, 40])])
    df, rejections = read(path)
    assert df["duration_minutes"].tolist()[:2] == [pd.NA, 360] and pd.isna(df["duration_minutes"].iloc[2])
    assert rejections == [("grids/clock.pdf page 1", "clock_2025-01-08_1.times", "10:00")]


def test_a_grid_printed_newest_first(tmp_path):
    # R3, R2, R1: 10/01, 09/01, 08/01. Each row is earlier than the one printed before it, as the whole
    # grid is: no row is out of date order.
    df, rejections = read(save(tmp_path, "newest_first.pdf", [grid_page(rows=[R3, R2, R1])]))
    assert rejections == []
    assert_rows(df, hand("newest_first", days=("10", "09", "08")))


def test_a_grid_printed_newest_first_with_one_row_out_of_order(tmp_path):
    # 10/01, 09/01, 08/01, then R1 again dated 11/01 (R1's figures, place "Camden"): newest first
    # (two steps back, one forward), so the last row is the one out of order.
    late = ["11/01/25", "Camden", *R1[2:]]
    tables, _ = grids.build_tables(_one(tmp_path, "late.pdf", [grid_page(rows=[R3, R2, R1, late])]),
                                   blue_list=_no_blue_list())
    anomalies = tables["deployment_anomalies"]
    assert list(zip(anomalies["deployment_id"], anomalies["check"], anomalies["expected"])) == [
        ("late_2025-01-11_1", "date_order", "on or before 2025-01-08")]


def test_a_grid_sorted_by_place_is_not_checked_for_date_order(tmp_path, capsys):
    # Six rows sorted by place, their dates 09, 12, 08, 14, 10, 13 January: three steps forward, two
    # back. No date order to check against: no date_order anomaly, one warning saying so.
    places = ["Acton", "Barking", "Camden", "Dalston", "Ealing", "Finchley"]
    rows = [[f"{d}/01/25", place, *R1[2:]] for d, place in zip(("09", "12", "08", "14", "10", "13"), places)]
    tables, _ = grids.build_tables(_one(tmp_path, "by_place.pdf", [grid_page(rows=rows)]), blue_list=_no_blue_list())
    assert "date_order" not in set(tables["deployment_anomalies"]["check"])
    assert "by_place.pdf: not printed in date order (3 steps forward, 2 back)" in capsys.readouterr().err


def _one(tmp_path: Path, name: str, pages: list[Page]) -> Path:
    folder = tmp_path / name.removesuffix(".pdf")
    folder.mkdir()
    save(folder, name, pages)
    return folder


def test_ligatures_and_other_unicode_forms_in_headers():
    # Word's fonts print "fi" as one glyph (U+FB01); a no-break space; a superscript footnote mark;
    # full-width letters. The same headers.
    assert grid_headers.field_for("True alerts con\ufb01rmed") == "true_alerts_confirmed"
    assert grid_headers.field_for("Faces\u00a0seen") == "faces_seen"
    assert grid_headers.field_for("Total alerts\u00b9") == "total_alerts"
    assert grid_headers.field_for("\uff24\uff41\uff54\uff45") == "date"


def test_a_scan_with_an_invisible_text_layer_is_refused(tmp_path):
    # An OCR'd scan: the page a picture, the text invisible (render mode 3) over it, no drawn borders.
    page = grid_page(Style(borders="none"))
    page.ops = ["q 842 0 0 595 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID A EI Q",
                *(op.replace("BT ", "BT 3 Tr ") for op in page.ops)]
    path = save(tmp_path, "ocr.pdf", [page])
    with pytest.raises(grids.GridError, match=r"ocr\.pdf: no deployment table found.*drawn borders"):
        grids.parse_grid(path)


def test_a_date_split_over_day_month_year_columns_is_refused(tmp_path):
    # "Day | Month | Year" printing 08 | Jan | 2025: no cell prints a date. Refused whole, saying so.
    rows = [[r[0][:2], "Jan", "2025", *r[1:7]] for r in ROWS]
    path = save(tmp_path, "split_date.pdf", [grid_page(
        header=[["Day", "Month", "Year", "Location", "Duration", "Use case", "Watchlist", "Faces seen", "Total alerts"]],
        rows=rows, widths=[30, 36, 36, 80, 40, 56, 40, 40, 40])])
    with pytest.raises(grids.GridError, match=r"split_date\.pdf: no deployment table found \(no row with a date"):
        grids.parse_grid(path)


# --- 17-22: pages ---------------------------------------------------------------------------------------

def test_next_page_reorders_and_rewords_its_header(tmp_path):
    # Page 2 prints its own header, columns in another order and reworded: Location first, "Day"
    # for the date, "Hits" groups, "FAR", "Length".
    header2 = [
        [("Location", 1, 2), ("Day", 1, 2), ("FAR", 1, 2), ("Length", 1, 2), ("Total hits", 1, 2),
         ("True hits", 2, 1), ("False hits", 2, 1), ("Faces\nseen", 1, 2), ("Watchlist", 1, 2), ("Use case", 1, 2),
         ("Arrests", 1, 2), ("Other\ndisposal", 1, 2), ("Threshold", 1, 2)],
        ["Verified", "Not verified", "Verified", "Not verified"],
    ]
    order = [1, 0, 13, 2, 6, 7, 8, 9, 10, 5, 4, 3, 11, 12, 14]
    widths2 = [WIDTHS[k] for k in order]
    page2 = grid_page(header=header2, rows=[[R3[k] for k in order]], widths=widths2, title=None)
    df, rejections = read(save(tmp_path, "reorder.pdf", [grid_page(rows=[R1, R2]), page2]))
    assert rejections == []
    assert_rows(df, hand("reorder", pages=(1, 1, 2)))


def test_a_summary_table_above_a_page_without_header(tmp_path):
    # Page 1: a monthly summary table ("Month | Deployments | Alerts | Arrests", January 2025 | 3 | 10
    # | 6), then the grid with R1 and R2. Page 2: another summary table, then R3 with no header.
    summary = [["Month", "Deployments", "Total alerts", "Arrests"]]
    page1 = grid_page(rows=[R1, R2], title=None)
    page1.ops.clear()
    bottom = raw_pdf.table(page1, 40, 30, [80, 60, 60, 60], summary, [["January 2025", "3", "10", "6"]])
    raw_pdf.table(page1, 40, bottom + 20, WIDTHS, HEADER, [R1, R2])
    page2 = Page()
    bottom = raw_pdf.table(page2, 40, 30, [80, 60, 60, 60], summary, [["Year to date", "3", "10", "6"]])
    raw_pdf.table(page2, 40, bottom + 20, WIDTHS, [], [R3])
    df, rejections = read(save(tmp_path, "summary.pdf", [page1, page2]))
    assert rejections == []
    assert_rows(df, hand("summary", pages=(1, 1, 2)))


def test_a_header_alone_at_the_foot_of_a_page(tmp_path):
    # Page 1 ends with the header drawn as a table of its own (no rows fit); page 2 holds R1-R3 with
    # no header: read under page 1's header.
    page1 = Page()
    raw_pdf.table(page1, 40, 520, WIDTHS, HEADER, [])
    page2 = Page()
    raw_pdf.table(page2, 40, 40, WIDTHS, [], ROWS)
    df, rejections = read(save(tmp_path, "header_foot.pdf", [page1, page2]))
    assert rejections == []
    assert_rows(df, hand("header_foot", pages=(2, 2, 2)))


def test_a_grid_printed_across_two_pages(tmp_path):
    # Excel printing a wide sheet across then down: page 1 holds the first seven columns (Date to
    # Total alerts) of R1-R3, page 2 the other eight with their headers and no date. Page 2's figures
    # cannot be placed: the rows are read from page 1, page 2 is a rejection naming it, never passed
    # over in silence (first run: page 2 was ignored, its arrests and splits left "not printed").
    left = [[(t, 1, 1) if isinstance(t, str) else (t[0], 1, 1) for t in HEADER[0][:7]]]
    right_header = [HEADER[0][7:], HEADER[1]]
    page1 = grid_page(header=left, rows=[r[:7] for r in ROWS], widths=WIDTHS[:7])
    page2 = grid_page(header=right_header, rows=[r[7:] for r in ROWS], widths=WIDTHS[7:], title=None)
    df, rejections = read(save(tmp_path, "across.pdf", [page1, page2]))
    keep = ("date", "location", "duration_minutes", "purpose", "purpose_normalised", "watchlist_size", "faces_seen",
            "total_alerts", "status", "deployment_id", "page", "row")
    assert_rows(df, [{k: v for k, v in r.items() if k in keep} for r in hand("across")])
    assert rejections == [("grids/across.pdf page 2", "page", "2 | 0 | 1 | 0 | 1 | 1 | 0.008% | 0.64")]


def test_a_notes_page_between_grid_pages(tmp_path):
    # Page 1 the grid with R1, R2; page 2 text only ("Notes", "Published 12/06/2025", two lines of
    # prose); page 3 R3 with no header, in the same columns.
    notes = Page()
    for k, line in enumerate(["Notes", "Published 12/06/2025", "Faces seen is an estimate.",
                              "A dash means the figure was not recorded."]):
        notes.text(40, 40 + 12 * k, line, size=9)
    page3 = Page()
    raw_pdf.table(page3, 40, 40, WIDTHS, [], [R3])
    df, rejections = read(save(tmp_path, "notes_page.pdf", [grid_page(rows=[R1, R2]), notes, page3]))
    assert rejections == []
    assert_rows(df, hand("notes_page", pages=(1, 1, 3)))


def test_a_grid_with_its_header_only(tmp_path):
    path = save(tmp_path, "header_only.pdf", [grid_page(rows=[])])
    with pytest.raises(grids.GridError, match=r"header_only\.pdf: no deployment table found"):
        grids.parse_grid(path)


def test_bilingual_headers_read_welsh_only_refused(tmp_path):
    # Welsh / English headers (the English half names each field); then Welsh only, which names no
    # field this parser knows: refused whole, naming the headers found (a date column is found from
    # the printed dates, the location is not).
    bilingual = [["Dyddiad /\nDate", "Lleoliad /\nLocation", "Hyd /\nDuration", "Rhybuddion /\nTotal alerts",
                  "Wynebau /\nFaces seen"]]
    rows = [[r[0], r[1], r[2], r[6], r[5]] for r in ROWS]
    widths = [50, 80, 50, 60, 60]
    df, rejections = read(save(tmp_path, "bilingual.pdf", [grid_page(header=bilingual, rows=rows, widths=widths)]))
    keep = ("date", "location", "duration_minutes", "faces_seen", "total_alerts", "status")
    assert rejections == []
    assert_rows(df, [{k: v for k, v in r.items() if k in keep or k in ("deployment_id", "page", "row")}
                     for r in hand("bilingual")])
    welsh = [["Dyddiad", "Lleoliad", "Hyd", "Rhybuddion", "Wynebau"]]
    path = save(tmp_path, "welsh.pdf", [grid_page(header=welsh, rows=rows, widths=widths)])
    with pytest.raises(grids.GridError, match=r"welsh\.pdf: page 1: no location column among headers .*'Lleoliad'"):
        grids.parse_grid(path)


# --- 23-30: hostile files ---------------------------------------------------------------------------

def test_encrypted_grids(tmp_path):
    # Encrypted with an empty user password (opens without asking, as in any viewer): read as usual.
    df, rejections = read(save(tmp_path, "locked_open.pdf", [grid_page()], user_password=""))
    assert rejections == []
    assert_rows(df, hand("locked_open"))
    # A password needed to open it: refused, naming the file and the password.
    path = save(tmp_path, "locked.pdf", [grid_page()], user_password="secret")
    with pytest.raises(grids.GridError, match=r"locked\.pdf: .*password"):
        grids.parse_grid(path)


def test_truncated_grid_is_refused(tmp_path):
    # Two pages, the file cut 40 bytes into page 2's content stream, or just before its
    # cross-reference table. (My first reading expected "damaged"; PDFium cannot rebuild either file
    # without its trailer, so it is refused as not a readable PDF, naming it: as safe.)
    data = raw_pdf.write([grid_page(rows=[R1, R2]), grid_page(rows=[R3], title=None)])
    for cut in (data.index(b"stream", data.index(b"6 0 obj")) + 40, data.index(b"xref")):
        path = tmp_path / "truncated.pdf"
        path.write_bytes(data[:cut])
        with pytest.raises(grids.GridError, match=r"truncated\.pdf: not a readable PDF"):
            grids.parse_grid(path)


@pytest.mark.parametrize("where, value", [
    # 30% into page 2's compressed content: PDFium draws the first borders, then nothing: no text.
    (0.3, ""),
    # 70% in: the header is drawn (the rejection quotes it), the rows are garbled.
    (0.7, "Date | Location | Duration | Use Case | Watchlist size | Faces seen | Total alerts | True Alerts | "
          "False Alerts | Arrests | Oth"),
])
def test_damaged_page_is_reported_not_passed_over(tmp_path, where, value):
    # Page 2's content stream (R3 under a repeated header) overwritten with 20 zero bytes, the file
    # otherwise sound (PDFium opens it): page 1's R1 and R2 are read, page 2 is a rejection naming the
    # page, so its row R3 is not silently missing. (Found while trying truncation.)
    data = bytearray(raw_pdf.write([grid_page(rows=[R1, R2]), grid_page(rows=[R3], title=None)]))
    start = data.index(b"stream", data.index(b"6 0 obj")) + 7
    k = start + int((data.index(b"endstream", start) - start) * where)
    data[k:k + 20] = bytes(20)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    df, rejections = read(path)
    assert_rows(df, hand("damaged", days=("08", "09")))
    assert [(source, field, text[:len(value)]) for source, field, text in rejections] == [
        ("grids/damaged.pdf page 2", "page", value)]


def test_a_pdf_with_no_pages(tmp_path):
    # An empty page tree. (My first reading expected "no pages"; PDFium will not open such a file at
    # all: refused as not a readable PDF, naming it.)
    path = save(tmp_path, "no_pages.pdf", [])
    with pytest.raises(grids.GridError, match=r"no_pages\.pdf: not a readable PDF"):
        grids.parse_grid(path)


def test_html_named_pdf(tmp_path):
    path = tmp_path / "download.pdf"
    path.write_text("<!DOCTYPE html><html><body><h1>Access denied</h1></body></html>")
    with pytest.raises(grids.GridError, match=r"download\.pdf: not a readable PDF"):
        grids.parse_grid(path)


def test_many_pages(tmp_path):
    # 200 pages, each the same table of R1-R3 (one content stream shared): 600 rows, each page's rows
    # numbered on from the last; the repeats are flagged as duplicates, never dropped. The dates run
    # 08-10 January 200 times over: 400 steps forward, 199 back, no date order, so no date_order flag.
    # (My first reading flagged only duplicates; the parser then flagged each page's first row as out
    # of order too; since a grid in no date order is not checked, it agrees with that first reading.)
    page = grid_page()
    df, rejections = read(save(tmp_path, "long.pdf", [page] * 200, share_content=True))
    assert rejections == []
    assert len(df) == 600
    assert df["page"].tolist() == [p for p in range(1, 201) for _ in range(3)]
    assert df["deployment_id"].iloc[-1] == "long_2025-01-10_200"
    assert int(df["total_alerts"].sum()) == 200 * (3 + 2 + 5)
    assert df["flags"].iloc[3:].tolist() == ["duplicate"] * 597


def test_a_page_of_ten_thousand_tiny_lines(tmp_path):
    # A hatched panel of 5,000 horizontal and 5,000 vertical 3 pt strokes (none touching) below the
    # grid: no table, no text; the grid above is read as usual.
    page = grid_page()
    for k in range(5000):
        x, y = 40 + (k % 100) * 7, 250 + (k // 100) * 6
        page.line(x, y, x + 3, y)
        page.line(x + 5, y, x + 5, y + 3)
    df, rejections = read(save(tmp_path, "hatched.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("hatched"))
