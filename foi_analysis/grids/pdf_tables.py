"""Ruled tables from PDF pages: rows of cells with their text, found from the drawn cell borders.

Reads with pypdfium2 (PDFium, the engine pdfplumber itself renders with): the grids' thousands of
border rectangles make pdfminer's pure-Python parse take ~8 s for ten pages, PDFium well under one.

A table is a connected set of ruling lines. Its rows are the bands between horizontal rulings; within
a band, the cells are bounded by the vertical rulings that cross the whole band, so a merged cell
(a spanning header such as "True Alerts" over Confirmed | Unconfirmed) comes out as one wide cell.
Knows nothing about what the tables mean.
"""

from __future__ import annotations

import bisect
import ctypes
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

THIN = 2.0  # points: a path this narrow is a ruling line, not an area
SNAP = 1.5  # points: rulings this close are one line (Word draws borders as pairs of thin rects)
MIN_BAND = 3.0  # points: no text fits in a thinner row or column; such slivers are double lines
RULE = 4.5  # points: a filled bar this thin is a (thick) border, not a shaded cell (a line of text is taller)
SMALL, RAISED = 0.8, 0.2  # of a line's height: a glyph this much smaller and raised is a superscript
SUPERSCRIPT = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
STRUCK = 0.25  # of a glyph's height: a line this far inside it, top and bottom, strikes it through
RUN_GAP = 0.12  # of a line's height: a glyph this close after the last one continues its word
EPSILON = 0.05  # points: a piece of path this close to level or plumb is a ruling
FORM_DEPTH = 4  # Form XObjects nested this deep are searched for borders
# points: cells drawn as separate rectangles (Word's cell spacing, shaded cells with white gaps) this
# far apart are neighbours; the border between them runs down the middle of the gap. Less than a
# line of text, so two tables drawn apart stay two.
CELL_SPACING = 10.0
DOUBLED = 0.3  # of a glyph's width: the same glyph drawn again this close beside itself is one (false bold)
SLANT = 0.1  # of a quarter turn (9 degrees): text turned further than this from upright or a quarter turn is slanted
WATERMARK = 2.0  # times the page's usual glyph height: an upright glyph this tall over ruled lines is a watermark
COVERED = "\u2588"  # what a glyph under an opaque box drawn after it reads as: the box, not its text
WHITE = 250  # a fill colour's red, green and blue each at least this (of 255): white
DRAWINGS = [pdfium_raw.FPDF_PAGEOBJ_PATH, pdfium_raw.FPDF_PAGEOBJ_IMAGE, pdfium_raw.FPDF_PAGEOBJ_FORM]


class PdfReadError(ValueError):
    """The file is not a readable PDF (empty, truncated, encrypted, not a PDF)."""


@dataclass(frozen=True)
class Cell:
    x0: float
    x1: float
    lines: tuple[str, ...]  # text lines, top to bottom, each with its spaces collapsed
    # A cell merged with the one above it (no rule between them): it has that cell's text, as every
    # row a merged cell spans does ("08/01/25" or "Crime Hotspot" printed once for several rows).
    continued: bool = False

    @property
    def text(self) -> str:
        # A line ending in a hyphen after a letter runs on into the next ("Stoke-" + "Newington").
        return re.sub(r"(?<=[A-Za-z])- ", "-", " ".join(self.lines))

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    def covers(self, x: float) -> bool:
        return self.x0 <= x <= self.x1


@dataclass(frozen=True)
class Row:
    top: float
    bottom: float
    cells: tuple[Cell, ...]
    struck: bool = False  # a line drawn through its text (struck through: withdrawn or corrected)

    def at(self, x: float) -> Cell | None:
        """The cell spanning horizontal position ``x``."""
        return next((c for c in self.cells if c.covers(x)), None)

    @property
    def empty(self) -> bool:
        return not any(c.lines for c in self.cells)


@dataclass(frozen=True)
class Table:
    page: int  # 1-based
    top: float  # points from the top of the page
    rows: tuple[Row, ...]
    heading: str = ""  # the line of text printed just above it ("Cancelled deployments"), if any


@dataclass(frozen=True)
class Page:
    """What a page holds besides its ruled tables, to say why rows were not read."""

    number: int  # 1-based
    has_text: bool  # False: no text layer (a scanned page: pictures only)
    loose: tuple[str, ...]  # text lines outside every ruled table, top to bottom
    rules_without_columns: bool  # horizontal rules but too few vertical ones to make a table
    drawn: bool = True  # lines, pictures or forms drawn on it (False: a blank page, or text only)
    hidden: tuple[str, ...] = ()  # text lines drawn white on white or invisible: not seen on the page, not read
    above: tuple[str, ...] = ()  # text lines outside the tables above the first (all, with none): a title
    scanned: bool = False  # no table, and a picture over half the page or more: a scanned page under typed text
    cropped: tuple[str, ...] = ()  # text lines outside the page's CropBox: not shown by a viewer, not read


class _Glyph(NamedTuple):  # a tuple: tens of thousands are made per grid
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    turn: int = 0  # quarter turns clockwise of its writing: 0 upright, 3 read bottom to top, 1 top to bottom
    run: int = -1  # glyphs printed as one run of text (a word, or words joined by printed spaces) share it
    white: bool = False  # filled white (or invisible): seen only on a dark fill or a picture
    source: int = 0  # the address of the text object that drew it (its order among the page's objects)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    def turned(self, turn: int) -> _Glyph:
        """This glyph in the frame where text written ``turn`` quarter turns round reads upright."""
        (x0, y0), (x1, y1) = _turn(self.x0, self.top, turn), _turn(self.x1, self.bottom, turn)
        return _Glyph(self.char, min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), (self.turn - turn) % 4, self.run,
                      self.white, self.source)


def _turn(x: float, y: float, turn: int) -> tuple[float, float]:
    """A point (from the page's top left) in the frame where text turned ``turn`` quarter turns reads
    left to right: text read bottom to top (3) is turned back clockwise, and so on."""
    return ((x, y), (y, -x), (-x, -y), (-y, x))[turn]


@dataclass
class _Edge:
    pos: float  # x of a vertical ruling, y of a horizontal one
    start: float
    end: float


def read_tables(path: Path | str) -> list[Table]:
    """Every ruled table in the PDF, in page order and top to bottom within a page."""
    return read_pages(path)[0]


def read_pages(path: Path | str) -> tuple[list[Table], list[Page]]:
    """Every ruled table in the PDF (as ``read_tables``), and each page's text outside them."""
    path = Path(path)
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        raise PdfReadError(f"{path.name}: not a readable PDF ({err})") from None
    try:
        tables, pages = [], []
        for number in range(len(pdf)):
            page = pdf[number]
            # Form fields and annotations drawn as a viewer shows them (a grid filled in as a form and
            # saved unflattened prints its figures only in its fields' appearances; round 9: before,
            # those cells read empty): the page flattened in memory, hidden ones left out (PDFium's
            # FLAT_NORMALDISPLAY), before its text is read; the file is not changed. (PDFium's call,
            # as pypdfium2's PdfPage.flatten would make it only for a document with an AcroForm.)
            if (pdfium_raw.FPDFPage_GetAnnotCount(page)  # (flattening a page without any costs a second load)
                    and pdfium_raw.FPDFPage_Flatten(page, pdfium_raw.FLAT_NORMALDISPLAY) == pdfium_raw.FLATTEN_SUCCESS):
                page.close()
                page = pdf[number]  # flattening invalidates the page's handles: loaded again
            try:
                found, info = _page_tables(page, number + 1)
            finally:
                page.close()
            tables += found
            pages.append(info)
        return tables, pages
    finally:
        pdf.close()


def edition(path: Path | str) -> tuple[str | None, dt.date | None, int | None]:
    """What the PDF says of itself: its Title (None when empty), the day it was made (the later of its
    CreationDate and ModDate, "D:20250512122623+01'00'", the day as written there; None when it gives
    neither) and its page count; (None, None, None) for a file that is no readable PDF."""
    try:
        pdf = pdfium.PdfDocument(Path(path))
    except pdfium.PdfiumError:
        return None, None, None
    try:
        meta = pdf.get_metadata_dict()
        pages = len(pdf)
    finally:
        pdf.close()
    days = []
    for key in ("CreationDate", "ModDate"):
        m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", meta.get(key, "") or "")
        if m:
            try:
                days.append(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                pass
    title = (meta.get("Title") or "").strip() or None
    return title, max(days, default=None), pages


def _page_tables(page: pdfium.PdfPage, number: int) -> tuple[list[Table], Page]:
    height = page.get_height()
    glyphs, slanted = _glyphs(page, height)
    glyphs, hidden = _hidden(page, height, glyphs)
    glyphs, cropped = _cropped(page, height, glyphs)
    glyphs, bars = _covered(page, height, glyphs)
    (vertical, horizontal), (fill_v, fill_h) = _rulings(page, height)
    if bars:  # a thick line drawn over text is a bar hiding it, no border (nor a strikethrough)
        vertical = [e for e in vertical if not any(x0 <= e.pos <= x1 and t <= (e.start + e.end) / 2 <= b
                                                   for x0, t, x1, b in bars)]
        horizontal = [e for e in horizontal if not any(t <= e.pos <= b and x0 <= (e.start + e.end) / 2 <= x1
                                                       for x0, t, x1, b in bars)]
    glyphs, marks = _watermarked(glyphs, vertical, horizontal)
    slanted += marks
    # A page whose text mostly runs bottom to top (or top to bottom, or upside down): a table drawn
    # turned on the page. Glyphs and rulings are turned back together, so the table reads upright.
    turns = Counter(g.turn for g in glyphs if not g.char.isspace())
    turn = max(turns, key=lambda t: (turns[t], t == 0)) if turns else 0
    if turn:
        glyphs = sorted((g.turned(turn) for g in glyphs), key=lambda g: g.cy)
        vertical, horizontal = _turn_edges(vertical, horizontal, turn)
        fill_v, fill_h = _turn_edges(fill_v, fill_h, turn)
    vertical, horizontal = _merge(vertical), _merge(horizontal)
    horizontal, strikes = _strikes(horizontal, glyphs)
    tables, boxes = [], []
    components = _components(vertical, horizontal)
    if len(fill_v) >= 8:  # two cells each way at least: four fills, each two sides
        components += _shaded_tables(_components(_merge(fill_v), _merge(fill_h)), components)
    extents = [_extent(c) for c in components]
    for (v_edges, h_edges), extent in zip(components, extents):
        if any(other is not extent and _encloses(extent, other) for other in extents):
            continue  # a frame drawn round a table (or the page), not a table of its own
        rows = _rows(v_edges, h_edges, glyphs, strikes)
        if rows:
            tables.append(Table(number, rows[0].top, tuple(rows)))
            boxes.append((min(h.start for h in h_edges) - SNAP, max(h.end for h in h_edges) + SNAP,
                          min(h.pos for h in h_edges) - SNAP, max(h.pos for h in h_edges) + SNAP))
    # Text outside every table: titles and notes, or rows of a table this module cannot see (ruled
    # with horizontal lines only, or not at all); the parser decides which.
    centres = [g.cy for g in glyphs]
    inside = set()
    for x0, x1, top, bottom in boxes:
        for i in range(bisect.bisect_left(centres, top), bisect.bisect_right(centres, bottom)):
            if x0 <= (glyphs[i].x0 + glyphs[i].x1) / 2 <= x1:
                inside.add(i)
    outside = [g for i, g in enumerate(glyphs) if i not in inside]
    tables = [Table(t.page, t.top, t.rows, _heading(t, box, boxes, outside)) for t, box in zip(tables, boxes)]
    loose = _lines(outside) + (("".join(g.char for g in slanted),) if slanted else ())
    first = min((t.top for t in tables), default=math.inf)
    info = Page(number, bool(glyphs), loose, len(horizontal) >= 2 and not tables,
                any(True for _ in page.get_objects(filter=DRAWINGS, max_depth=1)), _lines(hidden) if hidden else (),
                _lines([g for g in outside if g.bottom <= first]), not tables and _pictured(page),
                _lines(cropped) if cropped else ())
    return sorted(tables, key=lambda t: t.top), info


HEADING_GAP = 20.0  # points: a heading's foot at most this far above its table (two lines of 10 pt)


def _heading(table: Table, box: tuple, boxes: list[tuple], outside: list[_Glyph]) -> str:
    """The last line of text outside the tables printed just above ``table`` and over its width, with
    no other table between them: the table's own heading ("Cancelled deployments")."""
    x0, x1, top, _ = box
    floor = max((b for a0, a1, _, b in boxes if b <= top and a0 < x1 and x0 < a1), default=top - HEADING_GAP)
    near = [g for g in outside if max(floor, top - HEADING_GAP) <= g.top and g.bottom <= top + SNAP
            and x0 <= (g.x0 + g.x1) / 2 <= x1]
    lines = _lines(near)
    return lines[-1] if lines else ""


def _pictured(page: pdfium.PdfPage) -> bool:
    """A picture covers half the page or more (a scan; with a typed title over it, the page has text
    but its rows are in the picture). Looked for only on pages without a table: one walk of the objects."""
    w, h = page.get_width(), page.get_height()
    for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (min(right, w) - max(left, 0)) * (min(top, h) - max(bottom, 0)) >= 0.5 * w * h:
            return True
    return False


def _glyphs(page: pdfium.PdfPage, height: float) -> tuple[list[_Glyph], list[_Glyph]]:
    """The page's glyphs (by vertical centre), and those written at a slant (a watermark), which are
    no table's text."""
    textpage = page.get_textpage()
    try:
        glyphs: list[_Glyph] = []
        run, spaced = 0, False  # the current run of text; a printed space since its last glyph
        last = None  # the last glyph that is not a space
        # A glyph drawn again where it already is (a form drawing itself over and over, text printed
        # twice) is one glyph: the page shows it once. The spaces after a repeat go with it.
        seen, repeat = set(), False
        raw, unicode, angle, generated = (textpage.raw, pdfium_raw.FPDFText_GetUnicode, pdfium_raw.FPDFText_GetCharAngle,
                                          pdfium_raw.FPDFText_IsGenerated)
        quarter = math.pi / 2
        slanted: list[_Glyph] = []  # text at an angle that is no quarter turn (a watermark across the page)
        render_mode, text_object = pdfium_raw.FPDFTextObj_GetTextRenderMode, pdfium_raw.FPDFText_GetTextObject
        unseen = (pdfium_raw.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_raw.FPDF_TEXTRENDERMODE_CLIP)
        # Each glyph's fill colour: white text is seen only on a dark fill or a picture (see _hidden).
        fill, colour = pdfium_raw.FPDFText_GetFillColor, [ctypes.c_uint() for _ in range(4)]
        refs = [ctypes.byref(c) for c in colour]
        red, green, blue, alpha = colour
        for i in range(textpage.count_chars()):
            code = unicode(raw, i)
            # PDFium reports a hyphen that ends a line as 0x02 (U+FFFE in its text): it is a "-".
            char = "-" if code in (0x02, 0xFFFE) else chr(code)
            if char.isspace():
                if repeat:
                    continue
                # Spaces, printed or inferred by PDFium, have no box: place them just after the
                # glyph they follow, on its line. Inferred line ends are not text.
                if char == " " and glyphs:
                    before = glyphs[-1]
                    # (Turned text: the glyph's own box, which sorts it just after the glyph.)
                    x0 = before.x1 if before.turn == 0 else before.x0
                    glyphs.append(_Glyph(" ", x0, before.x1, before.top, before.bottom, before.turn, before.run,
                                         before.white, before.source))
                # A space PDFium inferred (between two strings) or a line end ends the run.
                printed = char == " " and not generated(raw, i)
                run, spaced = (run, True) if printed and not spaced else (run + 1, False)
                continue
            # Loose boxes span the font's ascent to descent, so glyphs of one line share a height.
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            key = (char, round(left, 1), round(top, 1))
            repeat = key in seen
            if repeat:
                continue
            seen.add(key)
            if right - left > 0:
                # PDFium gives the writing's angle clockwise, in radians: kept in quarter turns.
                turns = angle(raw, i) / quarter
                turn = round(turns) % 4
                if abs(turns - round(turns)) > SLANT:  # no table's text is written at a slant
                    slanted.append(_Glyph(char, left, right, height - top, height - bottom, 0, -1))
                    continue
                y0, y1 = height - top, height - bottom
                # The same run: upright, on the same line, starting where the last glyph (or the
                # printed space after it) ends.
                gap = RUN_GAP * (y1 - y0) * (4 if spaced else 1)
                same_run = (last is not None and last.run == run and turn == 0 == last.turn
                            and abs(last.top + last.bottom - y0 - y1) < y1 - y0 and -gap <= left - last.x1 <= gap)
                if not same_run:
                    run += 1
                spaced = False
                # The colour is asked once a run (a string printed in one go shares one fill).
                # Text drawn invisible (render mode 3, an OCR layer's) is, like white text, seen only over
                # a picture or a dark fill (the scan it was read from), never on the white page.
                if same_run:
                    white, source = last.white, last.source
                else:
                    drawn_by = text_object(raw, i)
                    source = ctypes.cast(drawn_by, ctypes.c_void_p).value or 0
                    white = ((fill(raw, i, *refs) and alpha.value > 0 and min(red.value, green.value, blue.value) >= WHITE)
                             or render_mode(drawn_by) in unseen)
                last = _Glyph(char, left, right, y0, y1, turn, run, white, source)
                glyphs.append(last)
        return sorted(_undoubled(glyphs), key=lambda g: g.top + g.bottom), slanted  # by vertical centre
    finally:
        textpage.close()


def _watermarked(glyphs: list[_Glyph], vertical: list[_Edge], horizontal: list[_Edge]) -> tuple[list[_Glyph], list[_Glyph]]:
    """(glyphs, watermark glyphs): an upright glyph ``WATERMARK`` times taller than the page's usual
    glyph that a ruling line crosses ("DRAFT" in 60 pt over a table of 6 pt text) is no cell's text,
    as slanted text is not: its letters would join the cells they cover and strike rows through. A
    tall title beside the table crosses no ruling and stays text (the force check reads it)."""
    heights = sorted(g.bottom - g.top for g in glyphs if not g.char.isspace())
    if not heights or not (vertical or horizontal):
        return glyphs, []
    tall = WATERMARK * heights[len(heights) // 2]
    # The spaces after a watermark's letters take their boxes (see _glyphs): they go with them (round 8:
    # left in a cell, a space as tall as a 16 pt letter made the cell's figures read as superscripts).
    big = {i for i, g in enumerate(glyphs) if g.bottom - g.top > tall}
    if not big:
        return glyphs, []

    def crossed(g: _Glyph) -> bool:
        return (any(g.top < e.pos < g.bottom and e.start < g.x1 and g.x0 < e.end for e in horizontal)
                or any(g.x0 < e.pos < g.x1 and e.start < g.bottom and g.top < e.end for e in vertical))

    marks = {i for i in big if crossed(glyphs[i])}
    if not marks:
        return glyphs, []
    return [g for i, g in enumerate(glyphs) if i not in marks], [glyphs[i] for i in sorted(marks)]


def _undoubled(glyphs: list[_Glyph]) -> list[_Glyph]:
    """The glyphs less each run of text drawn again a hair to the side of the same run (a producer's
    false bold: a string printed twice, shifted by a fraction of a glyph): the page shows it once.
    Whole runs only: one letter of a place running over a cell beside a figure's same letter is no
    repeat."""
    runs: dict[int, list[_Glyph]] = {}
    for g in glyphs:
        runs.setdefault(g.run, []).append(g)
    firsts: dict[tuple[str, float], list[float]] = {}  # (a run's text, its top) -> where each such run starts
    doubled = set()
    for run, members in runs.items():
        text = "".join(g.char for g in members).strip()
        if not text or members[0].turn:
            continue
        starts = firsts.setdefault((text, round(members[0].top, 1)), [])
        if any(abs(members[0].x0 - x) <= DOUBLED * (members[0].x1 - members[0].x0) for x in starts):
            doubled.add(run)
        else:
            starts.append(members[0].x0)
    return [g for g in glyphs if g.run not in doubled] if doubled else glyphs


def _hidden(page: pdfium.PdfPage, height: float, glyphs: list[_Glyph]) -> tuple[list[_Glyph], list[_Glyph]]:
    """(glyphs seen, glyphs hidden): text filled white is seen only on something darker, a filled
    area that is not white (a dark header cell) or a picture; white on the white page it is invisible
    (a row hidden by its colour), and not read as cells."""
    if not any(g.white for g in glyphs):
        return glyphs, []
    backdrops = []  # [left, top, right, bottom] of dark fills and pictures
    colour = [ctypes.c_uint() for _ in range(4)]
    for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH, pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=FORM_DEPTH):
        if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
            mode, stroke = ctypes.c_int(), ctypes.c_int()
            pdfium_raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke))
            pdfium_raw.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(c) for c in colour))
            if not mode.value or min(c.value for c in colour[:3]) >= WHITE or not colour[3].value:
                continue
        left, bottom, right, top = obj.get_bounds()
        backdrops.append((left, height - top, right, height - bottom))
    seen, hidden = [], []
    for g in glyphs:
        x, y = (g.x0 + g.x1) / 2, g.cy
        on_dark = any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in backdrops)
        (hidden if g.white and not on_dark else seen).append(g)
    return seen, hidden


def _cropped(page: pdfium.PdfPage, height: float, glyphs: list[_Glyph]) -> tuple[list[_Glyph], list[_Glyph]]:
    """(glyphs shown, glyphs cut off): a CropBox smaller than the MediaBox is the part of the page a viewer
    shows; text drawn outside it (a column or a row cropped off) is not on the page as printed, and not
    read as cells (round 13: before, a hidden column's figures were read)."""
    crop, media = page.get_cropbox(), page.get_mediabox()
    if all(abs(c - m) < SNAP for c, m in zip(crop, media)):
        return glyphs, []
    left, bottom, right, top = crop
    shown, cut = [], []
    for g in glyphs:
        # Glyph boxes are in the page's own coordinates, flipped against ``height`` (see _glyphs).
        x, y = (g.x0 + g.x1) / 2, height - g.cy
        (shown if left <= x <= right and bottom <= y <= top else cut).append(g)
    return shown, cut


def _covered(page: pdfium.PdfPage, height: float, glyphs: list[_Glyph]) -> tuple[list[_Glyph], list[tuple]]:
    """The glyphs, those under an opaque box or picture drawn after their text (a redaction box over
    a figure, the text left under it) read as the box (``COVERED``): the page shows a box, not the
    text. Borders (bars no wider than ``RULE``, a strikethrough among them) cover nothing; a line
    stroked wider than ``RULE`` (a marker's bar over a figure) covers what is under it. Boxes inside
    a Form XObject (a redaction tool that stamps its boxes as a form) cover as the page's own do
    (PDFium gives their bounds on the page). Second, the bars (left, top, right, bottom) that cover
    some text: no borders."""
    order: dict[int, int] = {}  # a text object's address -> its place in the order of painting
    boxes = []
    mode, stroke, colour = ctypes.c_int(), ctypes.c_int(), [ctypes.c_uint() for _ in range(4)]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for k, (kind, obj, level) in enumerate(_painted(page.raw)):
        if kind == pdfium_raw.FPDF_PAGEOBJ_TEXT:
            order[ctypes.cast(obj, ctypes.c_void_p).value] = k
            continue
        if not order:
            continue  # drawn before any text: a background, not a cover
        if kind == pdfium_raw.FPDF_PAGEOBJ_PATH:
            pdfium_raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke))
            if mode.value:
                pdfium_raw.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(c) for c in colour))
                if colour[3].value < 255:
                    continue  # see-through (a highlight)
            elif stroke.value and (bar := _bar(obj)):
                boxes.append((k, bar[0], height - bar[3], bar[2], height - bar[1], True))
                continue
            else:
                continue  # an outline or a line: a border
        elif kind != pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            continue
        pdfium_raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top)))
        if min(right.value - left.value, top.value - bottom.value) > RULE:
            boxes.append((k, left.value, height - top.value, right.value, height - bottom.value, False))
    centres = [g.cy for g in glyphs]  # the glyphs come sorted by vertical centre
    under, bars = set(), []
    for k, x0, t, x1, b, bar in boxes:
        hidden = {i for i in range(bisect.bisect_left(centres, t), bisect.bisect_right(centres, b))
                  if not glyphs[i].char.isspace() and x0 <= (glyphs[i].x0 + glyphs[i].x1) / 2 <= x1
                  and order.get(glyphs[i].source, -1) < k}
        under |= hidden
        if bar and hidden:
            bars.append((x0, t, x1, b))
    return ([g._replace(char=COVERED) if i in under else g for i, g in enumerate(glyphs)] if under else glyphs), bars


def _bar(obj) -> tuple[float, float, float, float] | None:
    """A straight line stroked wider than ``RULE`` in an opaque colour, a bar drawn over what is under
    it (a marker's redaction), no border: the area it paints (left, bottom, right, top on the page;
    its ends butt, so a level bar reaches no further than its ends), or None."""
    width, colour = ctypes.c_float(), [ctypes.c_uint() for _ in range(4)]
    pdfium_raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))
    pdfium_raw.FPDFPageObj_GetStrokeColor(obj, *(ctypes.byref(c) for c in colour))
    if not (width.value > RULE and colour[3].value == 255 and pdfium_raw.FPDFPath_CountSegments(obj) == 2):
        return None
    matrix = pdfium_raw.FS_MATRIX()
    pdfium_raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
    x, y, points = ctypes.c_float(), ctypes.c_float(), []
    for i in range(2):
        pdfium_raw.FPDFPathSegment_GetPoint(pdfium_raw.FPDFPath_GetPathSegment(obj, i), ctypes.byref(x), ctypes.byref(y))
        points.append((matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f))
    (x0, y0), (x1, y1) = points
    half = width.value / 2 * math.hypot(matrix.a, matrix.b)  # the width in the page's scale
    dx, dy = (0.0, half) if abs(y1 - y0) <= EPSILON else (half, 0.0) if abs(x1 - x0) <= EPSILON else (half, half)
    return min(x0, x1) - dx, min(y0, y1) - dy, max(x0, x1) + dx, max(y0, y1) + dy


def _painted(page_raw, depth: int = FORM_DEPTH):
    """(type, handle, depth) of a page's objects in the order they are painted, those inside Form
    XObjects (``depth`` deep) in their place: raw handles, as thousands of borders are walked per page."""
    def walk(count, get, parent, level):
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = pdfium_raw.FPDFPageObj_GetType(obj)
            if kind == pdfium_raw.FPDF_PAGEOBJ_FORM and level < depth:
                yield from walk(pdfium_raw.FPDFFormObj_CountObjects, pdfium_raw.FPDFFormObj_GetObject, obj, level + 1)
            else:
                yield kind, obj, level
    yield from walk(pdfium_raw.FPDFPage_CountObjects, pdfium_raw.FPDFPage_GetObject, page_raw, 0)


def _is_shading(obj: pdfium.PdfObject) -> bool:
    """A filled area with no outline: cell shading, not a border."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
    return not stroke.value


def _curved(obj: pdfium.PdfObject, count: int) -> bool:
    """Does a path of one rectangle or line at most draw a curve (a circle: four curves after its start)?
    Its second and last pieces say so, without asking for every piece of thousands of borders."""
    return any(pdfium_raw.FPDFPathSegment_GetType(pdfium_raw.FPDFPath_GetPathSegment(obj.raw, i))
               == pdfium_raw.FPDF_SEGMENT_BEZIERTO for i in {min(1, count - 1), count - 1})


def _path_lines(obj: pdfium.PdfObject, count: int, height: float) -> list[tuple[float, float, float, float]]:
    """The straight pieces of a path of many subpaths (a whole table's ruling drawn as one path, as
    LibreOffice and cairo do), in page coordinates from the top: its bounds would be one rectangle.
    A subpath with a curve is a drawing, not a border. A filled subpath that closes a thin rectangle
    (a border drawn as a filled bar) gives its centre line; a wider filled one is shading."""
    m = obj.get_matrix()
    stroked = not _is_shading(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    out, sub, curved, start, here = [], [], False, None, None

    def flush():
        if curved or not sub:
            return
        if stroked:
            out.extend(sub)
            return
        xs = [v for a, _, c, _ in sub for v in (a, c)]
        ys = [v for _, b, _, d in sub for v in (b, d)]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if min(w, h) <= RULE and max(w, h) > RULE:
            cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
            out.append((min(xs), cy, max(xs), cy) if w > h else (cx, min(ys), cx, max(ys)))

    for i in range(count):
        seg = pdfium_raw.FPDFPath_GetPathSegment(obj.raw, i)
        kind = pdfium_raw.FPDFPathSegment_GetType(seg)
        pdfium_raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = m.on_point(x.value, y.value)
        point = (px, height - py)
        if kind == pdfium_raw.FPDF_SEGMENT_MOVETO:
            flush()
            sub, curved, start = [], False, point
        elif kind == pdfium_raw.FPDF_SEGMENT_BEZIERTO:
            curved = True
        elif here is not None:
            sub.append((*here, *point))
        here = point
        if pdfium_raw.FPDFPathSegment_GetClose(seg) and start is not None:
            sub.append((*point, *start))
            here = start
    flush()
    return out


def _rulings(page: pdfium.PdfPage, height: float) -> tuple[tuple[list[_Edge], list[_Edge]], tuple[list[_Edge], list[_Edge]]]:
    """Vertical and horizontal ruling lines: thin paths, the four sides of outlined rectangles, thin
    filled bars (Excel draws borders so, thick outer ones too), the straight pieces of a path of many
    subpaths; inside Form XObjects too (PDFium gives their objects' matrices on the page). Second, the
    edges of filled rectangles with no outline (shaded cells), for tables drawn with no line at all.
    Rectangles drawn apart (cell spacing) have their facing sides moved to the middle of the gap."""
    vertical, horizontal = [], []
    outlined, filled = [], []  # rectangles as [left, top, right, bottom]
    for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=FORM_DEPTH):
        count = pdfium_raw.FPDFPath_CountSegments(obj.raw)
        if count < 2:
            continue
        if count > 5:  # more than one rectangle or line: its pieces, not its bounds
            for x0, y0, x1, y1 in _path_lines(obj, count, height):
                if abs(x0 - x1) <= EPSILON and abs(y1 - y0) > THIN:
                    vertical.append(_Edge(x0, min(y0, y1), max(y0, y1)))
                elif abs(y0 - y1) <= EPSILON and abs(x1 - x0) > THIN:
                    horizontal.append(_Edge(y0, min(x0, x1), max(x0, x1)))
            continue
        left, bottom, right, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        width, tall = right - left, bottom - top
        if max(width, tall) <= THIN:  # a dot
            continue
        # A curve (logos and crests) is no border; a thin shape is a rule however its ends are drawn.
        if (count == 2 or min(width, tall) > THIN) and _curved(obj, count):
            continue
        if count == 2 or (min(width, tall) <= RULE < max(width, tall) and _is_shading(obj)):
            # A line, however thick it is stroked, or a thin filled bar: its centre line.
            if tall > width:
                vertical.append(_Edge((left + right) / 2, top, bottom))
            else:
                horizontal.append(_Edge((top + bottom) / 2, left, right))
        elif tall > THIN and width <= THIN:
            vertical.append(_Edge((left + right) / 2, top, bottom))
        elif width > THIN and tall <= THIN:
            horizontal.append(_Edge((top + bottom) / 2, left, right))
        elif width > THIN and tall > THIN and not _is_shading(obj):
            stroke = ctypes.c_float()
            pdfium_raw.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(stroke))
            if stroke.value > 1.0:  # a thick outline: its bounds take in the stroke, its pieces do not
                for x0, y0, x1, y1 in _path_lines(obj, count, height):
                    if abs(x0 - x1) <= EPSILON:
                        vertical.append(_Edge(x0, min(y0, y1), max(y0, y1)))
                    elif abs(y0 - y1) <= EPSILON:
                        horizontal.append(_Edge(y0, min(x0, x1), max(x0, x1)))
                continue
            outlined.append([left, top, right, bottom])
        elif min(width, tall) > RULE:
            filled.append([left, top, right, bottom])
    for x0, top, x1, bottom in _close_gaps(outlined):
        vertical += [_Edge(x0, top, bottom), _Edge(x1, top, bottom)]
        horizontal += [_Edge(top, x0, x1), _Edge(bottom, x0, x1)]
    fill_v, fill_h = [], []
    for x0, top, x1, bottom in _close_gaps(filled):
        fill_v += [_Edge(x0, top, bottom), _Edge(x1, top, bottom)]
        fill_h += [_Edge(top, x0, x1), _Edge(bottom, x0, x1)]
    return (vertical, horizontal), (fill_v, fill_h)


def _close_gaps(boxes: list[list[float]]) -> list[list[float]]:
    """Rectangles drawn apart, side by side in one row (their heights overlapping by most of the
    smaller) or one above the other in one column, more than SNAP and at most CELL_SPACING apart, with
    nothing between them: their facing sides moved to the middle of the gap, so the cells meet as
    ruled cells do. Only the nearest neighbour: a cell two rows down is no neighbour."""
    for axis in (0, 1):  # 0: neighbours left and right; 1: above and below
        lo, hi, a, b = (0, 2, 1, 3) if axis == 0 else (1, 3, 0, 2)
        # Boxes by where they start (their left, or top), each such line's boxes along it: a box's
        # neighbours start just past its end and lie beside it, found without scanning every row.
        lines: dict[float, list[list[float]]] = {}
        for box in boxes:
            lines.setdefault(round(box[lo], 1), []).append(box)
        starts = sorted(lines)
        along = {k: sorted(v, key=lambda box: box[a]) for k, v in lines.items()}
        along_a = {k: [box[a] for box in v] for k, v in along.items()}
        moves = []
        for box in boxes:
            beside = []
            for k in starts[bisect.bisect_left(starts, box[hi] - SNAP):bisect.bisect_right(starts, box[hi] + CELL_SPACING)]:
                row = along[k]
                for i in range(bisect.bisect_left(along_a[k], box[b]) - 1, -1, -1):
                    other = row[i]
                    if other[b] <= box[a]:
                        break  # the rest lie wholly before it
                    overlap = min(box[b], other[b]) - max(box[a], other[a])
                    if other is not box and overlap >= 0.8 * min(box[b] - box[a], other[b] - other[a]):
                        beside.append(other)
                if beside:
                    break  # the nearest line holding a neighbour
            if beside and beside[0][lo] - box[hi] > SNAP:  # apart, not meeting already
                moves += [(box, other, (box[hi] + other[lo]) / 2) for other in beside]
        for box, other, middle in moves:
            box[hi] = other[lo] = middle
    return boxes


def _turn_edges(vertical: list[_Edge], horizontal: list[_Edge], turn: int) -> tuple[list[_Edge], list[_Edge]]:
    out: tuple[list[_Edge], list[_Edge]] = ([], [])
    for edges, upright in ((vertical, True), (horizontal, False)):
        for e in edges:
            a = _turn(e.pos, e.start, turn) if upright else _turn(e.start, e.pos, turn)
            b = _turn(e.pos, e.end, turn) if upright else _turn(e.end, e.pos, turn)
            if abs(a[0] - b[0]) < abs(a[1] - b[1]):
                out[0].append(_Edge(a[0], min(a[1], b[1]), max(a[1], b[1])))
            else:
                out[1].append(_Edge(a[1], min(a[0], b[0]), max(a[0], b[0])))
    return out


def _merge(edges: list[_Edge]) -> list[_Edge]:
    """Snap rulings at nearly the same position together and join the pieces of one line."""
    merged: list[_Edge] = []
    edges = sorted(edges, key=lambda e: e.pos)
    groups: list[list[_Edge]] = []
    for edge in edges:
        if groups and edge.pos - groups[-1][0].pos <= SNAP:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    for group in groups:
        pos = sum(e.pos for e in group) / len(group)
        current = None
        for edge in sorted(group, key=lambda e: e.start):
            if current and edge.start <= current.end + SNAP:
                current.end = max(current.end, edge.end)
            else:
                current = _Edge(pos, edge.start, edge.end)
                merged.append(current)
    return merged


def _touch(v: _Edge, h: _Edge) -> bool:
    return h.start - SNAP <= v.pos <= h.end + SNAP and v.start - SNAP <= h.pos <= v.end + SNAP


def _components(vertical: list[_Edge], horizontal: list[_Edge]) -> list[tuple[list[_Edge], list[_Edge]]]:
    """Group rulings into tables: lines that touch belong to the same table."""
    parent = list(range(len(vertical) + len(horizontal)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Horizontal rulings by height, each height's pieces by where they start (merged pieces at one
    # height do not overlap): each vertical meets only the heights it spans and, at each, at most the
    # two pieces around it. Not every pair: a page of 10,000 short strokes would take seconds.
    rows: dict[float, list[int]] = {}
    for j, h in enumerate(horizontal):
        rows.setdefault(h.pos, []).append(j)
    heights = sorted(rows)
    for ys in rows.values():
        ys.sort(key=lambda j: horizontal[j].start)
    starts = {y: [horizontal[j].start for j in rows[y]] for y in heights}
    for i, v in enumerate(vertical):
        for y in heights[bisect.bisect_left(heights, v.start - SNAP):bisect.bisect_right(heights, v.end + SNAP)]:
            k = bisect.bisect_right(starts[y], v.pos + SNAP)
            for j in rows[y][max(0, k - 2):k]:
                if _touch(v, horizontal[j]):
                    parent[find(i)] = find(len(vertical) + j)
    groups: dict[int, tuple[list[_Edge], list[_Edge]]] = {}
    for i, v in enumerate(vertical):
        groups.setdefault(find(i), ([], []))[0].append(v)
    for j, h in enumerate(horizontal):
        groups.setdefault(find(len(vertical) + j), ([], []))[1].append(h)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _shaded_tables(shaded: list[tuple[list[_Edge], list[_Edge]]],
                   ruled: list[tuple[list[_Edge], list[_Edge]]]) -> list[tuple[list[_Edge], list[_Edge]]]:
    """Tables drawn with no line, each cell a shaded rectangle (the white gaps between them the
    borders): groups of fills at least two cells each way, away from every ruled table (shading inside
    a ruled table, zebra stripes say, is no ruling of its own; a frame round the page does not count).
    A stripe across a table, or a header's fills alone, is no table: nothing bounds its columns, or
    its rows."""
    tables = [c for c in ruled if len(_positions([v.pos for v in c[0]])) > 2 or len(_positions([h.pos for h in c[1]])) > 2]
    out = []
    for component in shaded:
        if len(_positions([v.pos for v in component[0]])) < 3 or len(_positions([h.pos for h in component[1]])) < 3:
            continue
        x0, y0, x1, y1 = _extent(component)
        if any(x0 < e[2] and e[0] < x1 and y0 < e[3] and e[1] < y1 for e in map(_extent, tables)):
            continue
        out.append(component)
    return out


def _extent(component: tuple[list[_Edge], list[_Edge]]) -> tuple[float, float, float, float]:
    vertical, horizontal = component
    return (min(v.pos for v in vertical), min(h.pos for h in horizontal),
            max(v.pos for v in vertical), max(h.pos for h in horizontal))


def _encloses(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return (outer[0] <= inner[0] + SNAP and outer[1] <= inner[1] + SNAP and outer[2] >= inner[2] - SNAP
            and outer[3] >= inner[3] - SNAP)


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _strikes(horizontal: list[_Edge], glyphs: list[_Glyph]) -> tuple[list[_Edge], list[_Edge]]:
    """Horizontal lines that are borders, and those drawn through the middle of a line of text (a
    strikethrough): a border never crosses text, an underline runs under it."""
    centres = [g.cy for g in glyphs]
    borders, strikes = [], []
    for h in horizontal:
        crossed = False
        # Glyphs whose middle half the line may cross lie within half a (20 pt) line of it.
        for g in glyphs[bisect.bisect_left(centres, h.pos - 10):bisect.bisect_right(centres, h.pos + 10)]:
            inset = STRUCK * (g.bottom - g.top)
            if (g.top + inset < h.pos < g.bottom - inset and h.start <= (g.x0 + g.x1) / 2 <= h.end and g.turn == 0
                    and not g.char.isspace()):
                crossed = True
                break
        (strikes if crossed else borders).append(h)
    return borders, strikes


def _rows(vertical: list[_Edge], horizontal: list[_Edge], glyphs: list[_Glyph], strikes: list[_Edge] = ()) -> list[Row]:
    ys = _positions([h.pos for h in horizontal])
    centres = [g.cy for g in glyphs]
    # Where the horizontal rulings at each height start and end: a table drawn without outer side
    # lines (inner vertical lines only) has its first and last columns bounded by these.
    reach: dict[float, tuple[float, float]] = {}
    pieces: dict[float, list[tuple[float, float]]] = {}  # the rulings drawn at each height
    for h in horizontal:
        y = next(y for y in ys if abs(y - h.pos) <= SNAP)
        left, right = reach.get(y, (h.start, h.end))
        reach[y] = (min(left, h.start), max(right, h.end))
        pieces.setdefault(y, []).append((h.start, h.end))
    # A cell with no ruling above it continues the cell above (merged over several rows): the cells
    # of one merged cell share one group of glyphs, and each row gets its text.
    groups: list[list[_Glyph]] = []
    bands: list[tuple[float, float, list[tuple[float, float, int, bool]]]] = []
    above: list[tuple[float, float, int]] = []
    for top, bottom in zip(ys, ys[1:]):
        if bottom - top < MIN_BAND:
            above = []
            continue
        crossing = [v.pos for v in vertical if v.start <= top + SNAP and v.end >= bottom - SNAP]
        if crossing:  # outer ends added only where no vertical line is drawn
            left, right = max(reach[top][0], reach[bottom][0]), min(reach[top][1], reach[bottom][1])
            crossing += [x for x in (left,) if x < min(crossing) - SNAP] + [x for x in (right,) if x > max(crossing) + SNAP]
        xs = _positions(crossing)
        bounds = [(a, b) for a, b in zip(xs, xs[1:]) if b - a >= MIN_BAND]
        if not bounds:
            continue
        band = glyphs[bisect.bisect_left(centres, top) : bisect.bisect_right(centres, bottom)]
        lefts = [a for a, _ in bounds]
        members: list[list[_Glyph]] = [[] for _ in bounds]
        starts: dict[int, int] = {}  # run -> the cell its first glyph is in
        for g in sorted(band, key=lambda g: g.x0):
            cx = (g.x0 + g.x1) / 2
            k = bisect.bisect_right(lefts, cx) - 1
            if k >= 0 and cx <= bounds[k][1]:
                # Text running on past its cell's border (Excel prints a long place over the next
                # cell, or clips it there): it belongs to the cell it started in.
                k = min(k, starts.setdefault(g.run, k)) if g.turn == 0 and g.run >= 0 else k
                members[k].append(g)
        cells = []
        for (a, b), m in zip(bounds, members):
            quarter = (b - a) / 4
            ruled = any(s <= a + quarter and e >= b - quarter for s, e in pieces.get(top, ()))
            merged = None if ruled else next((g for pa, pb, g in above if abs(pa - a) <= SNAP and abs(pb - b) <= SNAP), None)
            if merged is None:
                groups.append(m)
                cells.append((a, b, len(groups) - 1, False))
            else:
                groups[merged] += m
                cells.append((a, b, merged, True))
        above = [(a, b, g) for a, b, g, _ in cells]
        bands.append((top, bottom, cells))
    lines = [_lines(sorted(m, key=lambda g: g.cy)) for m in groups]
    return [Row(top, bottom, tuple(Cell(a, b, lines[g], continued) for a, b, g, continued in cells),
                any(top < h.pos < bottom and h.start < cells[-1][1] and h.end > cells[0][0] for h in strikes))
            for top, bottom, cells in bands]


def _lines(glyphs: list[_Glyph]) -> tuple[str, ...]:
    """Glyphs of one cell as text lines, spaces collapsed; text turned in its cell (a header written
    bottom to top) read in its own direction, after the upright text."""
    turned = [g for g in glyphs if g.turn]
    if not turned:
        return _upright_lines(glyphs)
    out = _upright_lines([g for g in glyphs if not g.turn])
    for turn in sorted({g.turn for g in turned}):
        out += _upright_lines(sorted((g.turned(turn) for g in turned if g.turn == turn), key=lambda g: g.cy))
    return out


def _upright_lines(glyphs: list[_Glyph]) -> tuple[str, ...]:
    lines: list[list[_Glyph]] = []
    for g in glyphs:  # already sorted by vertical centre
        if lines and abs(g.cy - lines[-1][0].cy) < (g.bottom - g.top) / 2:
            lines[-1].append(g)
        else:
            lines.append([g])
    out = []
    for line in lines:
        line.sort(key=lambda g: g.x0)
        height = max(g.bottom - g.top for g in line)
        base = max(g.bottom for g in line if g.bottom - g.top >= SMALL * height)
        text, previous = "", None
        for g in line:
            if previous is not None and g.x0 - previous.x1 > (g.bottom - g.top) / 3:
                text += " "  # a gap with no space character
            # A smaller digit raised above the line is a footnote mark ("12,000" and a raised "1"),
            # never a digit of the figure: written as a superscript, which values drop.
            small_raised = g.bottom - g.top < SMALL * height and g.bottom < base - RAISED * height
            text += SUPERSCRIPT.get(g.char, g.char) if small_raised else g.char
            previous = g
        text = " ".join(text.split())
        if text:
            out.append(text)
    return tuple(out)
