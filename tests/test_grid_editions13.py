"""Red team, round 13: the Met's next deployment grid (issue 11 items 1, 2, 5), on axes rounds 2-12 left.

Drawn operator by operator with tests/fixtures/grids/raw_pdf.py on round 2's edition (R1-R3, the
2025 grid's columns: tests/test_grid_editions2.py). HAND READING: every expected value was written
from the drawing before the parser was run on it; counts and sums are computed by hand in the
comments, never taken from the parser's output.

Axes (each new beside rounds 2-12's docstrings): the page's boxes (a CropBox trimming the margins from
an origin not at 0, hiding a column, hiding a row); how the text is drawn (every glyph its own text
operator, headers and dates too, with or without space glyphs; word gaps made by positioning in a TJ
array, as TeX does; text drawn in reverse or column by column; letter-spaced figures); two deployments
in one ruled row, a line each in every cell; alerts printed with their false part in brackets ("3 (1
false)"); a rate column headed only "%"; a watchlist printed as two parts by offence ("serious offences"
| "wanted"); start and end time columns crossing midnight, under other words; a reason in a figure's
cell ("N/A - equipment failure"); one table per month under a heading; dates month first that only a
day over 12 tells.

FIRST RUN (parser as of 3c54498, before any change of this round; 39 cases in 20 tests, written and read
by hand first; one slip of mine: a reported duration's field is "duration", not "duration_minutes"): RIGHT
29; SILENTLY WRONG 4 (a CropBox hiding the Threshold column: its 0.64 read; a CropBox hiding the last row:
read as a deployment; "Watchlist (serious offences)" beside "Watchlist (wanted)" read as the size, 15,000;
one date possible only month first, "01/13/2025", the others read day first as 1 August and 1 September);
A REASON SILENTLY LOST 2 ("N/A - equipment failure", "N/A (camera fault)" under faces seen beside printed
results read as a blank); VALID VALUES OR ROWS WRONGLY REJECTED 4 ("3 (1 false)" and "3 (2 true, 1 false)"
under "Alerts" reported whole; two deployments in one ruled row, a line each, set aside, on two days or one);
WRONGLY REFUSED 0. Right on the first run: a CropBox trimming the margins from an origin not at 0, every
text glyph by glyph (with space glyphs, with a space's move instead, TeX's kerned TJ arrays), text drawn in
reverse, column by column or before the rulings, letter-spaced figures, a rate headed "%" (kept aside),
start and end columns over midnight under three wordings, durations in words, minutes and decimal hours, a
bare "5.5" under Duration (reported), "Not recorded - system error" (reported), one table per month under a
heading, dates month first with two days over 12, "3 (1)" and its kin refused as counts.
Fixed, each in its general form (docs/grids.md, round 13): text outside the CropBox is not read and is
reported (pdf_tables._cropped); a watchlist part by offence or crime is a part; alerts' named parts are read
(parse.parse_alert_parts), checked against columns printing them; a reason after N/A beside printed results
is reported. Pinned as out of scope (strict xfail, docs/grids.md Limits), the rejection now saying why: two
deployments in one ruled row (as rows not ruled apart), one date possible only month first. AFTER (written
once the fixes were in, run on the old parser too): 25 probes, 10 right on the old parser, 15 not (the new
rules' own cases), all now. The real grids' tables byte-identical before and after.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from foi_analysis.grids import headers, parse as grids

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "grids"))
import raw_pdf  # noqa: E402
from raw_pdf import Page  # noqa: E402

from test_grid_editions2 import HEADER, R1, R2, R3, ROWS, WIDTHS, grid_page, hand, read, save  # noqa: E402
from test_grid_editions6 import _drop, _with  # noqa: E402
from test_grid_editions8 import _rows_with  # noqa: E402
from test_grid_editions11 import _head  # noqa: E402
from test_grids import assert_rows  # noqa: E402

RATE_FIELDS = ("false_alert_rate_printed", "false_alert_rate", "false_alert_rate_rounding")
TABLE_RIGHT = 40 + sum(WIDTHS)  # 40 + 648 = 688: the right edge of round 2's table (Threshold from 654)


def _grid(tmp_path, name, **kw):
    return read(save(tmp_path, name, [grid_page(**kw)]))


def _keep(rows: list[dict], *fields: str) -> list[dict]:
    """A hand reading cut to the fields a narrower edition prints."""
    keep = {*fields, "status", "deployment_id", "page", "row"}
    return [{k: v for k, v in r.items() if k in keep} for r in rows]


# --- 1-3: the page's boxes -----------------------------------------------------------------------------

def _cropped(tmp_path, name: str, box: str, page: Page | None = None):
    """Round 2's page (one page, no form: object 4 its content, 5 the page) saved again with /CropBox ``box``."""
    data = raw_pdf.write([page or grid_page()])
    body = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842.0 595.0] /CropBox [{box}] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    path = tmp_path / name
    path.write_bytes(raw_pdf.update(data, {5: body.encode()}))
    return read(path)


def test_a_cropbox_trimming_the_margins_from_an_origin_not_at_zero(tmp_path):
    # CropBox [20 20 822 575]: 20 pt off each edge, nothing of the table (x 40-688, from 40 pt below the top)
    # cut. A viewer shows the whole table: R1-R3 as drawn.
    df, rejections = _cropped(tmp_path, "trimmed.pdf", "20 20 822 575")
    assert rejections == []
    assert_rows(df, hand("trimmed"))


def test_a_cropbox_hiding_the_last_column(tmp_path):
    # CropBox [0 0 654 595]: the page ends at Threshold's left rule (x 654), the column not shown. What the
    # page does not show is not read (round 5's white text): no threshold; the hidden text reported, naming
    # the page; R1-R3's other fields as drawn.
    df, rejections = _cropped(tmp_path, "cropped_col.pdf", "0 0 654 595")
    assert_rows(df, hand("cropped_col", drop=("threshold",)))
    assert rejections and all("page 1" in source for source, _, _ in rejections)
    assert "0.64" in " ".join(v for _, _, v in rejections)


def test_a_cropbox_hiding_the_last_row(tmp_path):
    # CropBox [0 <y> 842 595] with y above R3's top: R3 (Croydon) off the page. Header 2 x 19 = 38 pt from top 40:
    # body from 78; R1 11.5 pt (78-89.5), R2 two lines 19 pt (89.5-108.5), R3 from 108.5. The box's foot 110 pt
    # below the top (y = 595 - 110 = 485) cuts R3's text (its top line 110.5-116.5) off. R1, R2 read; R3's text
    # reported, naming the page; never read as a deployment.
    df, rejections = _cropped(tmp_path, "cropped_row.pdf", "0 485 842 595")
    assert df["location"].tolist() == ["Walworth Rd", "Station Rd, Harrow"]
    assert rejections and "Croydon" in " ".join(v for _, _, v in rejections)


# --- 4-8: how the text is drawn --------------------------------------------------------------------------

TEXT_OP = re.compile(r"^BT (?P<head>.*? Tm) \((?P<text>(?:\\.|[^\\)])*)\) Tj ET$")


def _unesc(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _esc(ch: str) -> str:
    return "\\" + ch if ch in "()\\" else ch


def _redraw(page: Page, how) -> Page:
    """The page with each text operator's string redrawn by ``how(text) -> operators after Tm``."""
    out = []
    for op in page.ops:
        m = TEXT_OP.match(op)
        out.append(f"BT {m['head']} {how(_unesc(m['text']))} ET" if m else op)
    page.ops = out
    return page


def _glyph_by_glyph(text: str) -> str:
    # Every character its own Tj (PDFium makes each a text object), spaces drawn as glyphs.
    return " ".join(f"({_esc(c)}) Tj" for c in text)


def _glyph_by_glyph_no_spaces(text: str) -> str:
    # Every glyph its own TJ; a space not drawn, the next glyph moved on by a space's width (278/1000 em).
    ops, gap = [], ""
    for c in text:
        if c == " ":
            gap = "-278 "
            continue
        ops.append(f"[{gap}({_esc(c)})] TJ")
        gap = ""
    return " ".join(ops)


def _tex_words(text: str) -> str:
    # One TJ per line, as TeX writes it: letters kerned by small amounts (+15/1000 em, closer), each word
    # gap a move of -333/1000 em, no space character anywhere.
    parts = []
    for word in text.split(" "):
        if parts:
            parts.append("-333")
        parts.append(" 15 ".join(f"({_esc(c)})" for c in word))
    return "[" + " ".join(parts) + "] TJ"


@pytest.mark.parametrize("how", [_glyph_by_glyph, _glyph_by_glyph_no_spaces, _tex_words],
                         ids=["glyphs", "glyphs_no_spaces", "tex_words"])
def test_every_text_drawn_glyph_by_glyph_or_positioned(tmp_path, how):
    # Title, headers, dates, places, figures: every text redrawn so; what is seen is the same words and
    # figures (round 6 drew only the figures glyph by glyph). R1-R3 as drawn.
    df, rejections = read(save(tmp_path, "glyphs.pdf", [_redraw(grid_page(), how)]))
    assert rejections == []
    assert_rows(df, hand("glyphs"))


def _text_ops(page: Page) -> tuple[list[str], list[str]]:
    text = [op for op in page.ops if op.startswith("BT ")]
    return [op for op in page.ops if not op.startswith("BT ")], text


def _position(op: str) -> tuple[float, float]:
    x, y = re.search(r"([-\d.]+) ([-\d.]+) Tm", op).groups()
    return float(x), -float(y)


@pytest.mark.parametrize("order", ["reversed", "by_column", "text_first"])
def test_text_drawn_out_of_reading_order(tmp_path, order):
    # The same page, its text operators drawn last first, column by column (every date, then every place ...),
    # or all before the rulings: where each glyph sits decides its cell, not when it is drawn. R1-R3 as drawn.
    page = grid_page()
    rules, text = _text_ops(page)
    if order == "reversed":
        page.ops = [*rules, *reversed(text)]
    elif order == "by_column":
        page.ops = [*rules, *sorted(text, key=_position)]
    else:
        page.ops = [*text, *rules]
    df, rejections = read(save(tmp_path, "order.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("order"))


def test_letter_spaced_body_text(tmp_path):
    # Body text drawn with 0.9 pt between letters (Tc 0.9: a "distributed" alignment): "16,100" is still one
    # figure, "Crime Hotspot" two words. The widest body text, "Station Rd," (11 glyphs), grows by 10 pt and
    # still fits its 80 pt cell. R1-R3 as drawn.
    page = grid_page()
    body_top = 40 + 2 * 19  # under the two header rows
    page.ops = [op.replace(" Tf ", " Tf 0.9 Tc ") if op.startswith("BT ") and _position(op)[1] < -(595 - body_top)
                else op for op in page.ops]
    df, rejections = read(save(tmp_path, "spaced.pdf", [page]))
    assert rejections == []
    assert_rows(df, hand("spaced"))


# --- 9-11: two deployments in one ruled row -----------------------------------------------------------------

def _two_in_one(a: list[str], b: list[str]) -> list[str]:
    return [f"{x}\n{y}" for x, y in zip(a, b)]


R2_ONE_LINE = _with(R2, 1, "Station Rd, Harrow")  # R2's place on one line (57 pt wide: fits 80)


STACKED = pytest.mark.xfail(strict=True, reason=(
    "out of scope (docs/grids.md Limits): which line of each cell is whose is told only by where the lines sit, "
    "which cells do not keep; read line by line, a place wrapped in one row beside a blank in the other would "
    "give the wrong place silently. Set aside with its text and a reason saying several dates (below)"))


@STACKED
def test_two_deployments_in_one_row_a_line_each(tmp_path):
    # One ruled row printing R1 over R2, every cell two lines (the 8th's figures on the first, the 9th's on the
    # second), then R3's row. Three deployments in printed order, as drawn: rows 1-3.
    df, rejections = _grid(tmp_path, "two_in_one.pdf", rows=[_two_in_one(R1, R2_ONE_LINE), R3])
    assert rejections == []
    assert_rows(df, hand("two_in_one"))


@STACKED
def test_two_deployments_of_one_day_in_one_row(tmp_path):
    # "08/01/25" on both lines of the date cell, R1's and R2's figures under it: two deployments on the 8th
    # (ids _1 and _2, the second at Station Rd, Harrow, with R2's figures), then R3.
    second = _with(R2_ONE_LINE, 0, "08/01/25")
    df, rejections = _grid(tmp_path, "one_day_two.pdf", rows=[_two_in_one(R1, second), R3])
    assert rejections == []
    e = hand("one_day_two")
    e[1] = {**e[1], "date": "2025-01-08", "deployment_id": "one_day_two_2025-01-08_2"}
    assert_rows(df, e)


def test_two_deployments_in_one_row_are_set_aside_saying_why(tmp_path):
    # What happens instead: the row set aside (not read as one deployment, not dropped), its dates quoted and
    # the reason naming several dates in one cell; R3 read.
    df, rejections = grids.parse_grid(save(tmp_path, "stacked.pdf", [grid_page(rows=[_two_in_one(R1, R2_ONE_LINE), R3])]))
    assert df["location"].tolist() == ["Croydon"]
    assert [(r.field, r.value) for r in rejections] == [("row 1.date", "08/01/25 09/01/25")]
    assert "several dates in one cell" in rejections[0].reason


def test_two_dates_over_cells_printed_once_are_set_aside(tmp_path):
    # Negation: two dates in the date cell but one place and one of each figure (which deployment they are
    # is not printed): the row set aside, its text quoted, never read as one deployment; R3 read (row 2).
    row = _with(R1, 0, "08/01/25\n09/01/25")
    df, rejections = _grid(tmp_path, "two_dates_one_row.pdf", rows=[row, R3])
    assert df["location"].tolist() == ["Croydon"]
    assert len(rejections) == 1 and "08/01/25" in rejections[0][2] and "09/01/25" in rejections[0][2]


# --- 12-13: alerts with their false part in brackets -------------------------------------------------------

ALERTS_HEADER = [["Date", "Location", "Faces seen", "Alerts"]]
ALERTS_WIDTHS = [46, 80, 40, 64]


@pytest.mark.parametrize("cells, parts", [
    (("3 (1 false)", "2 (0 false)", "5 (0 false)"), {"false_alerts": (1, 0, 0)}),
    (("3 (2 true,\n1 false)", "2 (2 true,\n0 false)", "5 (5 true,\n0 false)"),
     {"true_alerts": (2, 2, 5), "false_alerts": (1, 0, 0)}),
], ids=["false", "true_false"])
def test_alerts_with_their_parts_in_brackets(tmp_path, cells, parts):
    # "Alerts" printing "3 (1 false)": 3 alerts, 1 of them false, as the cell says in words (R1: 3 = 2 true + 1
    # false; R2 2 = 2 + 0; R3 5 = 5 + 0). The total and each part the cell names read; a part it does not name
    # not computed.
    rows = [[r[0], r[1], r[5], c] for r, c in zip(ROWS, cells)]
    df, rejections = _grid(tmp_path, "alert_parts.pdf", header=ALERTS_HEADER, rows=rows, widths=ALERTS_WIDTHS)
    assert rejections == []
    e = _keep(hand("alert_parts"), "date", "location", "faces_seen", "total_alerts")
    for field, values in parts.items():
        for row, v in zip(e, values):
            row[field] = v
    assert_rows(df, e)


@pytest.mark.parametrize("printed", ["3 (1)", "3 (1 pending)", "3 (4 false)"])
def test_alerts_with_a_bracket_naming_no_part_or_too_many(printed):
    # Negations: a bare figure in brackets (round 6: a part? a correction?), a part by no known kind, and more
    # false alerts than alerts: the count refused with a reason, never read.
    with pytest.raises(ValueError, match="not a count"):
        grids.parse_count(printed)


# --- 14: a rate headed only "%" ---------------------------------------------------------------------------

def test_a_rate_column_headed_only_by_a_percent_sign(tmp_path):
    # "%" where "False alert rate" was, printing R1-R3's rates: a percentage of something not named (false or
    # true alerts? of faces or of alerts?). Kept aside, never read as the false alert rate; R1-R3 otherwise.
    df, rejections = _grid(tmp_path, "percent.pdf", header=_head(11, "%"))
    assert rejections == []
    assert_rows(df, hand("percent", drop=RATE_FIELDS))


@pytest.mark.parametrize("header, field", [
    ("%", None), ("(%)", None), ("Rate (%)", None), ("% FAR", "false_alert_rate_printed"),
    ("FAR %", "false_alert_rate_printed"), ("False alert rate %", "false_alert_rate_printed"),
])
def test_percent_headers(header, field):
    # A bare percent sign or rate names no measure; with "FAR" or "false alert rate" it is the false alert rate.
    assert headers.field_for(header) == field


# --- 15: a watchlist in parts by offence --------------------------------------------------------------------

def test_a_watchlist_printed_as_parts_by_offence(tmp_path):
    # "Watchlist (serious offences)" 15,000 and "Watchlist (wanted)" 1,100 / 1,150 / 1,200 where the size was:
    # they sum to R1-R3's sizes, but the grid does not say the two are the whole list (round 9's rule for parts
    # by who is on it): no size read, never the sum; both kept aside. R1-R3 otherwise.
    header = [[*HEADER[0][:4], ("Watchlist\n(serious\noffences)", 1, 2), ("Watchlist\n(wanted)", 1, 2), *HEADER[0][5:]],
              HEADER[1]]
    rows = [[*r[:4], "15,000", w, *r[5:]] for r, w in zip(ROWS, ("1,100", "1,150", "1,200"))]
    df, rejections = _grid(tmp_path, "watch_offence.pdf", header=header, rows=rows,
                           widths=[*WIDTHS[:4], 40, 40, *WIDTHS[5:]])
    assert rejections == []
    assert_rows(df, hand("watch_offence", drop=("watchlist_size",)))


# --- 16-18: times and durations ------------------------------------------------------------------------------

# Start and end over midnight, by hand: 21:00 -> 02:30 = 3 h + 2 h 30 = 330; 20:00 -> 02:00 = 360; 22:45 -> 03:00
# = 1 h 15 + 3 h = 255 (R1-R3's durations).
NIGHT = [("21:00", "02:30"), ("20:00", "02:00"), ("22:45", "03:00")]


@pytest.mark.parametrize("start, end", [("Start time", "End time"), ("Start", "Finish"), ("Time on", "Time off")])
def test_start_and_end_columns_crossing_midnight(tmp_path, start, end):
    header = [[*HEADER[0][:2], (start, 1, 2), (end, 1, 2), *HEADER[0][3:]], HEADER[1]]
    rows = [[*r[:2], s, e, *r[3:]] for r, (s, e) in zip(ROWS, NIGHT)]
    df, rejections = _grid(tmp_path, "night.pdf", header=header, rows=rows, widths=[*WIDTHS[:2], 30, 30, *WIDTHS[3:]])
    assert rejections == []
    assert_rows(df, hand("night"))


@pytest.mark.parametrize("printed", [("5 hours\n30 minutes", "6 hours", "4 hours\n15 minutes"),
                                     ("330\nminutes", "360\nminutes", "255\nminutes"),
                                     ("5.5 hrs", "6 hrs", "4.25 hrs")], ids=["words", "minutes", "decimal"])
def test_durations_in_words(tmp_path, printed):
    # 5 h 30 = 330, 6 h = 360, 4 h 15 = 255; 5.5 h = 330, 4.25 h = 255. R1-R3 as drawn.
    df, rejections = _grid(tmp_path, "dur_words.pdf", rows=_rows_with(2, list(printed)), widths=[*WIDTHS[:2], 44, *WIDTHS[3:]])
    assert rejections == []
    assert_rows(df, hand("dur_words"))


def test_a_bare_decimal_under_duration_is_reported(tmp_path):
    # "5.5" under "Duration" with no unit anywhere (hours? 5.5 minutes?): R1's duration reported, not read.
    df, rejections = _grid(tmp_path, "dur_bare.pdf", rows=[_with(R1, 2, "5.5"), R2, R3])
    e = hand("dur_bare")
    e[0] = {**_drop(e[0], "duration_minutes"), "flags": "unreadable"}
    assert_rows(df, e)
    assert [(f, v) for _, f, v in rejections] == [("dur_bare_2025-01-08_1.duration", "5.5")]


# --- 19: a reason in a figure's cell -------------------------------------------------------------------------

@pytest.mark.parametrize("printed", ["N/A - equipment\nfailure", "N/A (camera\nfault)", "Not recorded -\nsystem error"])
def test_a_reason_in_place_of_faces_seen(tmp_path, printed):
    # R1's faces seen not given, with why: no count (never 0), the rest of R1 read (its alerts were printed);
    # the cell's text reported with its reason, so it is not lost. No faces: R1's rate not checked.
    df, rejections = _grid(tmp_path, "faces_na.pdf", rows=[_with(R1, 5, printed), R2, R3],
                           widths=[*WIDTHS[:5], 52, *WIDTHS[6:]])
    e = hand("faces_na")
    e[0] = {**_drop(e[0], "faces_seen", "false_alert_rate_rounding"), "flags": "unreadable"}
    assert_rows(df, e)
    assert [(f, v) for _, f, v in rejections] == [("faces_na_2025-01-08_1.faces_seen", " ".join(printed.split()))]


# --- 20: one table per month under a heading --------------------------------------------------------------

def test_one_table_per_month_under_a_heading(tmp_path):
    # "January 2025" above a table (its header, R1, R2), "February 2025" above a second (its header, R3 dated
    # 10/02/25), on one page. Three deployments, the third on 10 February; no heading a row or a rejection.
    page = Page()
    page.text(40, 14, "MPS LFR DEPLOYMENTS 2025", size=10)
    page.text(40, 30, "January 2025", size=8)
    bottom = raw_pdf.table(page, 40, 40, WIDTHS, HEADER, [R1, R2])
    page.text(40, bottom + 12, "February 2025", size=8)
    raw_pdf.table(page, 40, bottom + 22, WIDTHS, HEADER, [_with(R3, 0, "10/02/25")])
    df, rejections = read(save(tmp_path, "months.pdf", [page]))
    assert rejections == []
    e = hand("months")
    e[2] = {**e[2], "date": "2025-02-10", "deployment_id": "months_2025-02-10_1"}
    assert_rows(df, e)


# --- 21-22: dates month first ----------------------------------------------------------------------------

ONE_OVER_12 = pytest.mark.xfail(strict=True, reason=(
    "out of scope (docs/grids.md Limits): one date impossible day first may be a slip in a day-first grid; "
    "turning every date on one cell would misdate a whole grid silently. Read day first, the cell set aside "
    "saying it is possible month first (below)"))


@pytest.mark.parametrize("dates", [("01/08/2025", "01/13/2025", "01/14/2025"),
                                   pytest.param(("01/08/2025", "01/09/2025", "01/13/2025"), marks=ONE_OVER_12)],
                         ids=["two_over_12", "one_over_12"])
def test_dates_month_first_told_by_a_day_over_12(tmp_path, dates):
    # US order: 8, 13, 14 January (or 8, 9, 13): "01/13/2025" has no 13th month, so the grid prints month first;
    # every date read so. R1-R3's figures as drawn on those days.
    df, rejections = _grid(tmp_path, "us.pdf", rows=_rows_with(0, list(dates)), widths=[52, *WIDTHS[1:]])
    assert rejections == []
    days = [d[3:5] for d in dates]
    e = hand("us")
    for row, day in zip(e, days):
        row.update(date=f"2025-01-{day}", deployment_id=f"us_2025-01-{day}_1")
    assert_rows(df, e)


def test_one_date_possible_only_month_first_is_set_aside_saying_so(tmp_path):
    # What happens instead of the strict xfail above: "01/13/2025" set aside, its reason saying the grid may print
    # month first; the two others read day first (1 August, 1 September 2025), as a grid whose days are all 12
    # or less is (docs/grids.md Limits).
    df, rejections = grids.parse_grid(save(tmp_path, "us_one.pdf", [grid_page(
        rows=_rows_with(0, ["01/08/2025", "01/09/2025", "01/13/2025"]), widths=[52, *WIDTHS[1:]])]))
    assert df["date"].dt.strftime("%d/%m/%Y").tolist() == ["01/08/2025", "01/09/2025"]
    assert [(r.field, r.value) for r in rejections] == [("row 3.date", "01/13/2025")]
    assert "possible month first" in rejections[0].reason
    assert "possible month first" not in grids._why_no_date("31/13/2025", False)  # no month 31 either way


# --- negations and lookalikes of this round's rules (written after the first run, run on the old parser too) -------

def test_a_cropbox_the_size_of_the_mediabox_hides_nothing(tmp_path):
    # Negation: /CropBox [0 0 842 595], the MediaBox itself: R1-R3 as drawn, no rejection.
    df, rejections = _cropped(tmp_path, "full_crop.pdf", "0 0 842 595")
    assert rejections == []
    assert_rows(df, hand("full_crop"))


@pytest.mark.parametrize("rotate", [90, 180])
def test_a_turned_page_with_a_cropbox_trimming_its_margins(tmp_path, rotate):
    # /Rotate with a CropBox 20 pt in from each edge: nothing of the table cut (the crop is in the page's own
    # coordinates, whatever the turn). R1-R3 as drawn.
    data = raw_pdf.write([grid_page()])
    body = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842.0 595.0] /CropBox [20 20 822 575] /Rotate {rotate} "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    path = tmp_path / "turned_crop.pdf"
    path.write_bytes(raw_pdf.update(data, {5: body.encode()}))
    df, rejections = read(path)
    assert rejections == []
    assert_rows(df, hand("turned_crop"))


@pytest.mark.parametrize("header, field", [
    ("Watchlist (serious offences)", None), ("Watchlist (violent crime)", None), ("Watchlist size", "watchlist_size"),
    ("Watchlist", "watchlist_size"), ("Size of watchlist", "watchlist_size"), ("Crime type", None),
    ("Faces seen", "faces_seen"), ("Use case", "purpose"),
])
def test_watchlist_parts_by_offence_and_lookalikes(header, field):
    # A part of the list by offence is no size; the list's own size, and headers without "watchlist", as before.
    assert headers.field_for(header) == field


@pytest.mark.parametrize("printed, want", [
    ("3 (1 false)", (3, {"false_alerts": 1})), ("3 (2 true / 1 false)", (3, {"true_alerts": 2, "false_alerts": 1})),
    ("3 (2 true and 1 false)", (3, {"true_alerts": 2, "false_alerts": 1})), ("3", None), ("3 (1)", None),
    ("16,100 (as at 06/01/25)", None),
])
def test_alert_parts_and_lookalikes(printed, want):
    # The bracket read only when it names true or false alerts; a bare figure or a day is no part.
    assert grids.parse_alert_parts(printed) == want


@pytest.mark.parametrize("printed", ["3 (4 false)", "3 (1 true, 1 false)", "3 (1 false, 2 false)"])
def test_alert_parts_that_cannot_be_the_totals_are_refused(printed):
    # More false alerts than alerts; true and false not making the total (1 + 1 != 3); a kind named twice.
    with pytest.raises(ValueError, match="not a count"):
        grids.parse_alert_parts(printed)


def test_alert_parts_against_printed_columns(tmp_path):
    # "Total alerts" printing "3 (1 false)" for R1 beside its own False columns (1 + 0 = 1: they agree), and
    # "2 (1 false)" for R2, whose False columns print 0 + 0: the columns' 0 read, the bracket's 1 reported.
    rows = [_with(R1, 6, "3 (1 false)"), _with(R2, 6, "2 (1 false)"), R3]
    df, rejections = _grid(tmp_path, "parts_cols.pdf", rows=rows, widths=[*WIDTHS[:6], 52, *WIDTHS[7:]])
    e = hand("parts_cols")
    e[1] = {**e[1], "flags": "unreadable"}  # a reported cell flags its row
    assert_rows(df, e)
    assert [(f, v) for _, f, v in rejections] == [("parts_cols_2025-01-09_1.total_alerts", "2 (1 false)")]


def test_alert_parts_beside_blank_columns(tmp_path):
    # R1's "Total alerts" printing "3 (1 false)" with its two False cells blank: the columns print no part, the
    # bracket does: 1 false alert, its split not printed. R2, R3 as drawn.
    r1 = _with(_with(_with(R1, 6, "3 (1 false)"), 9, ""), 10, "")
    df, rejections = _grid(tmp_path, "parts_blank.pdf", rows=[r1, R2, R3], widths=[*WIDTHS[:6], 52, *WIDTHS[7:]])
    assert rejections == []
    e = hand("parts_blank")
    e[0] = _drop(e[0], "false_alerts_confirmed", "false_alerts_unconfirmed")
    assert_rows(df, e)


def test_na_alone_and_a_whole_row_not_available(tmp_path):
    # Negations: "N/A" with no reason under R1's faces is a blank cell, as before (no rejection); R2 printing
    # "N/A - equipment failure" in every result cell gave no result: n/a with the reason, nothing reported.
    r2 = [*R2[:5], *["N/A - equipment\nfailure"] * 9]
    df, rejections = _grid(tmp_path, "na.pdf", rows=[_with(R1, 5, "N/A"), r2 + [R2[-1]], R3],
                           widths=[*WIDTHS[:5], 52, *[52] * 8, WIDTHS[-1]])
    assert rejections == []
    assert df["status"].tolist() == ["ok", "n/a: equipment failure", "ok"]
    assert df["faces_seen"].isna().tolist() == [True, True, False]
