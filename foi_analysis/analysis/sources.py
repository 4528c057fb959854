"""The documents a figure comes from, named as a reader can find them: a deployment grid by its
publisher, its title and the day its edition was made (with its file name, which the findings cite
with a page); an FOI response by its reference and authority. Charts' source lines use these.

A grid's title and day are its PDF's own (the Title and the later of CreationDate and ModDate, as
the build's ``date_after_edition`` check reads them); a grid that is not there, or gives neither,
is named by its file alone.
"""

from __future__ import annotations

import functools

from .display import day, listed
from .selection import GRID_AUTHORITY
from .. import config

GRID_TITLE = "LFR Deployment Grid"  # what the Met calls the documents, for a PDF that prints no title


@functools.lru_cache(maxsize=64)
def _edition(path: str, stamp: tuple) -> tuple[str | None, object]:
    """(title, day made) of the PDF at ``path``; ``stamp`` (size, mtime) keys the cache."""
    import pypdfium2 as pdfium

    from ..grids.pdf_tables import edition_date

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return None, None
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()
    return title, edition_date(path)


def edition(source_file: str) -> tuple[str | None, object]:
    """(title, day made) of a grid file under data/raw/grids/; (None, None) when it is not there."""
    path = config.RAW_GRIDS / source_file
    try:
        stat = path.stat()
    except OSError:
        return None, None
    return _edition(str(path), (stat.st_size, stat.st_mtime_ns))


def grid_edition(source_file: str) -> str:
    """'LFR Deployment Grid of 11 Jan 2025 (met-lfr-grid-2023-to-2024.pdf)'."""
    title, made = edition(source_file)
    when = f" of {day(made, short=True)}" if made else ""
    return f"{title or GRID_TITLE}{when} ({source_file})"


def grids(files, limit: int = 5) -> str:
    """The grids behind a chart: "Metropolitan Police Service, LFR Deployment Grid of 20 Nov 2023
    (met-lfr-grid-2020-2022.pdf), LFR Deployment Grid of ...", a few by name, then how many more."""
    files = sorted(set(files))
    if not files:
        return "no deployment grid in the selection"
    return f"{GRID_AUTHORITY}, " + listed([grid_edition(f) for f in files], limit)


def responses(requests, limit: int = 5) -> str:
    """The FOI responses behind a chart (rows with ``reference`` and ``authority``): "FOI responses
    2016090000813 (Metropolitan Police Service), FOI 506 (Mayor's Office for Policing and Crime)"."""
    pairs = sorted(set(zip(requests["reference"], requests["authority"])))
    if not pairs:
        return "no FOI response in the selection"
    word = "FOI response" if len(pairs) == 1 else "FOI responses"
    return f"{word} " + listed([f"{r} ({a})" for r, a in pairs], limit)
