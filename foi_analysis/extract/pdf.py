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

from .text import InputError

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
PARAGRAPH_GAP = 1.6  # a gap between lines over this many line heights starts a paragraph


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        runs = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
            if text:
                runs.append(_Line(text, left, right, height - top, height - bottom))
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
        for before, run in zip(group, group[1:]):
            text += (" " if run.x0 > before.x1 + 0.25 * run.height else "") + run.text
        lines.append(_Line(text, group[0].x0, max(r.x1 for r in group), min(r.top for r in group),
                           max(r.bottom for r in group)))
    return lines


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


def _wrapped(line: _Line, following: _Line, margin: float, pitch: float) -> bool:
    """Did the layout wrap ``line`` into ``following`` (the next word would not have fitted)?"""
    if following.top - line.top > PARAGRAPH_GAP * pitch:
        return False
    width = (line.x1 - line.x0) / max(len(line.text), 1)  # mean character width on this line
    first_word = following.text.split(" ", 1)[0]
    return margin - line.x1 < (len(first_word) + 1.5) * width


def page_texts(data: bytes, name: str = "PDF") -> list[str]:
    """The text of each page, wrapped lines joined, paragraphs separated by blank lines."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise InputError(f"not a readable PDF ({err})") from None
    try:
        pages = []
        for k in range(len(pdf)):
            page = pdf[k]
            try:
                pages.append(_page_lines(page))
            finally:
                page.close()
    finally:
        pdf.close()
    furniture = _furniture(pages)
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
            if _wrapped(line, following, margin, pitch):
                text += following.text if text.endswith("-") and following.text[:1].islower() else " " + following.text
            elif following.top - line.top > PARAGRAPH_GAP * pitch:
                text += "\n\n" + following.text
            else:
                text += "\n" + following.text
        out.append(text)
    return out


def pdf_text(data: bytes) -> str:
    """A PDF's text for ``extract``; ``InputError`` when it has none (a scan without a text layer)."""
    text = "\n\n".join(page_texts(data))
    if not text.strip():
        raise InputError("a PDF with no text layer (a scan?): run OCR on it (e.g. ocrmypdf) and extract the result")
    return text
