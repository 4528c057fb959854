"""A PDF response -> its text as paragraphs, for ``extract`` (PDFium via pypdfium2).

PDF text has no paragraphs, only positioned runs. Lines are rebuilt from PDFium's text rectangles
and joined where the layout wrapped them: a line wraps into the next when the next line's first
word would not have fitted in the space left before the right margin, and the next line follows
at the usual line spacing. So "not" at the end of one line and "held" at the start of the next
read "not held", while a short line (a heading, a label, the last line of a paragraph) stays
its own. A wider gap starts a new paragraph (a blank line). Page furniture is dropped: "Page 2 of
3" and lines printed identically at the top or bottom of every page (running headers, footers,
protective markings such as "OFFICIAL").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium

from .. import pdf_open
from .text import InputError

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
# A running header or footer that carries the reference ("University of X | FOI ref: X-FOI-25-311 | Page 1
# of 2"): its parts, page number aside, are kept once at the end when the reference is printed nowhere else.
_REF_CUE = re.compile(r"\b(?:ref(?:erence)?|FOI|FOIA|EIR|RFI)\b", re.IGNORECASE)
_FOOTER_PARTS = re.compile(r"\s+[|·•]\s+|\s{3,}")
PARAGRAPH_GAP = 1.6  # a gap between lines over this many line heights starts a paragraph
CELL_GAP = 2.0  # a gap within a line over this many line heights separates table cells (or a tab stop)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float
    # Where the line breaks at a wide gap (a table's column, a tab stop): (x where the next piece
    # starts, index in ``pieces``); ``pieces`` are the texts between such gaps.
    gaps: tuple = ()
    pieces: tuple = ()

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _word_runs(textpage: pdfium.PdfTextPage, chars: int, height: float) -> list[_Line]:
    """Words as runs, from each character's box: for a PDF that places every glyph on its own (Chromium's
    "Save as PDF"), where PDFium's text rectangles are single glyphs whose kerned boxes overlap, and the
    text bounded by one of them holds its neighbour's letters too ("KeKent"). A word ends where PDFium's
    text has a space or a line break (its own reading of the glyphs' spacing), or at a jump back or down."""
    text = textpage.get_text_range(0, chars)
    if len(text) != chars:  # (a character beyond U+FFFF is two in the text: one at a time, then)
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(chars))
    runs, word, box = [], [], None

    def close():
        if word:
            runs.append(_Line("".join(word), box[0], box[2], height - box[3], height - box[1]))

    for i, ch in enumerate(text):
        if ch.isspace():
            close()
            word, box = [], None
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if box is not None and (left < box[0] or top < box[1]):  # the next line, or a column's next cell
            close()
            word, box = [], None
        word.append(ch)
        box = [left, bottom, right, top] if box is None else [box[0], min(box[1], bottom), max(box[2], right), max(box[3], top)]
    close()
    return runs


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        rects, chars = textpage.count_rects(), textpage.count_chars()
        if chars >= 20 and rects > 0.3 * chars:
            runs = _word_runs(textpage, chars, height)  # a box per glyph
        else:
            boxes = []
            for i in range(rects):
                left, bottom, right, top = textpage.get_rect(i)
                text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
                if text:
                    boxes.append((text, left, bottom, right, top))
            turn = _sideways(textpage, chars, boxes)
            width = page.get_width()
            # (a letter set sideways is read as it is read turned upright: its lines run up the page, one
            # after another to the right (90), or down it, one after another to the left (270))
            runs = [_Line(text, bottom, top, left, right) if turn == 90 else
                    _Line(text, height - top, height - bottom, width - right, width - left) if turn == 270 else
                    _Line(text, left, right, height - top, height - bottom) for text, left, bottom, right, top in boxes]
    finally:
        textpage.close()
    # Runs whose boxes overlap vertically are one line (a bold word, a quotation mark from another
    # font, a tab stop), read left to right.
    groups: list[list[_Line]] = []
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        if groups and run.top < max(r.bottom for r in groups[-1]) - 0.5:
            groups[-1].append(run)
        else:
            groups.append([run])
    lines = []
    for group in groups:
        group.sort(key=lambda r: r.x0)
        text = group[0].text
        pieces, gaps = [group[0].text], []
        for before, run in zip(group, group[1:]):
            # Gaps are measured against the taller of the two boxes: a PDF that gives each glyph its own
            # tight box (Chromium's "Save as PDF") boxes "." or "-" under 1 pt high, and a quarter of that
            # would read every kerning gap before one as a space ("FOI 2025 -04417", "2025 .").
            size = max(before.height, run.height)
            space = " " if run.x0 > before.x1 + 0.25 * size else ""
            text += space + run.text
            if run.x0 > before.x1 + CELL_GAP * size:
                gaps.append(round(run.x0))
                pieces.append(run.text)
            else:
                pieces[-1] += space + run.text
        lines.append(_Line(text, group[0].x0, max(r.x1 for r in group), min(r.top for r in group),
                           max(r.bottom for r in group), tuple(gaps), tuple(pieces)))
    return lines


def _sideways(textpage: pdfium.PdfTextPage, chars: int, boxes: list) -> int:
    """0, or 90 / 270 when the page's text runs up / down it (a text matrix turned a quarter, which a page's
    /Rotate is not: PDFium reads that upright): most of its text, by characters, is in runs of four or more
    characters whose boxes are over twice as tall as wide; which way, from how each character's box moves
    from the one before it."""
    tall = sum(len(t) for t, left, bottom, right, top in boxes if len(t) >= 4 and top - bottom > 2 * (right - left))
    if not tall or 2 * tall < sum(len(t) for t, *_ in boxes if len(t) >= 4):
        return 0
    up = down = 0
    before = None
    for i in range(min(chars, 400)):
        left, bottom, right, top = textpage.get_charbox(i)
        if before is not None and right > left:
            dx, dy = (left + right - before[0] - before[2]) / 2, (bottom + top - before[1] - before[3]) / 2
            if abs(dy) > 2 * abs(dx):
                up, down = up + (dy > 0), down + (dy < 0)
        before = (left, bottom, right, top) if right > left else None
    return 90 if up > down else 270 if down > up else 0


def _mark_cells(lines: list[_Line]) -> None:
    """A table's rows as "a | b | c": a line broken by two wide gaps or more, or by one that the line
    above or below also has at the same place (a column), is a row of cells. One gap alone is a tab
    stop ("Date:<tab>3 March 2025") and stays a space, so labels keep their values; so does a label
    line above another ("Our ref:" / "Date:" at the same tab stop)."""
    def label(line: _Line) -> bool:  # "Our ref:<tab>FOI 1/25", "Date:<tab>3 March 2025"
        return len(line.gaps) == 1 and line.pieces[0].rstrip().endswith(":")

    for k, line in enumerate(lines):
        if not line.gaps or label(line):
            continue
        column = any(abs(g - h) <= 3 for other in lines[max(0, k - 1): k + 2] if other is not line and not label(other)
                     for g in line.gaps for h in other.gaps)
        if len(line.gaps) >= 2 or column:
            line.text = " | ".join(line.pieces)


def _join_cell_lines(lines: list[_Line]) -> list[_Line]:
    """A table whose cells wrap (a "Question | Response" table of sentences): the lines below a row
    that continue its cells are joined to them, each to the column it starts under, so that a row
    reads as one line of cells. A line continues a row when it follows at line spacing, each of its
    pieces starts under one of the row's columns, and what it has in the first column starts in lower
    case ("recognition technology on any of" / "its campuses?"; with nothing there, every piece must);
    a table of figures, whose rows start with a label or a number, is left as it is."""
    out: list[_Line] = []
    row = starts = cells = None
    last = None
    for line in lines:
        if row is not None and line.top - last.top <= PARAGRAPH_GAP * max(last.height, 1.0):
            xs = [line.x0, *line.gaps]
            cols = [min(range(len(starts)), key=lambda c: abs(starts[c] - x)) for x in xs]
            pieces = line.pieces or (line.text,)
            if all(abs(starts[c] - x) <= 3 for c, x in zip(cols, xs)) and len(set(cols)) == len(cols) \
                    and (pieces[0][:1].islower() if cols[0] == 0 else all(p[:1].islower() for p in pieces)):
                for c, piece in zip(cols, pieces):
                    cells[c] = cells[c][:-1] + piece if cells[c].endswith("-") else f"{cells[c]} {piece}".strip()
                row.text = " | ".join(cells)
                last = line
                continue
        row = starts = cells = None
        if " | " in line.text and line.pieces:
            row, starts, cells = line, [line.x0, *line.gaps], list(line.pieces)
        last = line
        out.append(line)
    return out


def _furniture(pages: list[list[_Line]]) -> set[str]:
    """Lines printed at the top or bottom of most pages (two pages or more)."""
    if len(pages) < 2:
        return set()
    tops, bottoms = Counter(), Counter()
    for lines in pages:
        tops.update({_shape(l.text) for l in lines[:2]})
        bottoms.update({_shape(l.text) for l in lines[-2:]})
    least = max(2, len(pages) * 0.6)
    return {text for counts in (tops, bottoms) for text, n in counts.items() if n >= least}


def _shape(text: str) -> str:
    """A line with its numbers blanked: "Page 1 of 3" and "Page 2 of 3" are the same furniture."""
    return " ".join(re.sub(r"\d+", "#", text).split())


# A numbered or lettered item, or a bullet, opening a line ("2. Please provide", "(b) the", "Q3 How", "• the").
_ITEM = re.compile(r"(?:\(?\d{1,3}[.)]|\([a-z]\)|[a-z]\)|Q\d{1,3}\b[.:)]?|[•▪◦·*-])\s", re.IGNORECASE)


def _wrapped(line: _Line, following: _Line, margin: float, pitch: float) -> bool:
    """Did the layout wrap ``line`` into ``following`` (the next word would not have fitted)? Never where a
    sentence ends and an item begins: a list's longest item reaches the margin that the page's longest
    line sets, and the next item, drawn on its own line, would otherwise read as its continuation."""
    if following.top - line.top > PARAGRAPH_GAP * pitch:
        return False
    if line.text.rstrip().endswith(("?", ".", ":", ";")) and _ITEM.match(following.text):
        return False
    width = (line.x1 - line.x0) / max(len(line.text), 1)  # mean character width on this line
    first_word = following.text.split(" ", 1)[0]
    return margin - line.x1 < (len(first_word) + 1.5) * width


def page_texts(data: bytes, name: str = "PDF") -> list[str]:
    """The text of each page, wrapped lines joined, paragraphs separated by blank lines."""
    try:
        pdf = pdf_open.open_pdf(data)
    except pdf_open.Unreadable as err:
        raise InputError(str(err)) from None
    try:
        pages = []
        for k in range(len(pdf)):
            try:
                page = pdf_open.load_page(pdf, k)
            except pdf_open.Unreadable as err:
                raise InputError(str(err)) from None
            try:
                pages.append(_page_lines(page))
            finally:
                page.close()
    finally:
        pdf.close()
    for lines in pages:
        _mark_cells(lines)
    pages = [_join_cell_lines(lines) if any(line.gaps for line in lines) else lines for lines in pages]
    furniture = _furniture(pages)
    carried = _reference_furniture(pages, furniture) if furniture else []
    out = []
    for lines in pages:
        lines = [l for l in lines if not _PAGE_NUMBER.match(l.text) and _shape(l.text) not in furniture]
        if not lines:
            out.append("")
            continue
        margin = max(l.x1 for l in lines)
        # The usual distance from one line to the next: the smallest that recurs (paragraph gaps are wider).
        pitches = sorted(round(b.top - a.top, 1) for a, b in zip(lines, lines[1:]) if b.top - a.top > 0)
        pitch = pitches[len(pitches) // 4] if pitches else 0.0
        text = lines[0].text
        for line, following in zip(lines, lines[1:]):
            # (a table's rows and a line with a tab stop, "Our ref:<tab>FOI 1/25", never wrap: wide gaps are not prose)
            if not line.gaps and not following.gaps and _wrapped(line, following, margin, pitch):
                text += following.text if text.endswith("-") and following.text[:1].islower() else " " + following.text
            elif following.top - line.top > PARAGRAPH_GAP * pitch:
                text += "\n\n" + following.text
            else:
                text += "\n" + following.text
        out.append(text)
    if carried and not any(token in page for token in carried[1] for page in out):
        out.append("\n".join(carried[0]))
    return out


def _reference_furniture(pages: list[list[_Line]], furniture: set[str]) -> tuple[list[str], list[str]] | list:
    """The parts of the first running header or footer line that names a reference (page numbers
    aside), and that line's tokens holding a digit; [] when there is none."""
    for lines in pages:
        for line in lines:
            if _REF_CUE.search(line.text) and _shape(line.text) in furniture:
                parts = [p for p in _FOOTER_PARTS.split(line.text.strip()) if p and not _PAGE_NUMBER.match(p)]
                tokens = [t for p in parts for t in p.split() if any(c.isdigit() for c in t)]
                return (parts, tokens) if tokens else []
    return []


def pdf_text(data: bytes) -> str:
    """A PDF's text for ``extract``; ``InputError`` when it has none (a scan without a text layer)."""
    text = "\n\n".join(page_texts(data))
    if not text.strip():
        raise InputError("a PDF with no text layer (a scan?): run OCR on it (e.g. ocrmypdf) and extract the result")
    return text
