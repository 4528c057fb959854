"""PDFium's failures put in words a person can act on, for both readers of PDFs (``extract``'s letters, the grids).

PDFium keeps the reason a document would not open in one "last error", set by the failures of
parsing (a damaged file, a password) and by nothing else: a document whose page tree is missing or
lists no page fails without setting it, and the reason read then is whatever the last failure left
("Success" in a fresh process; "Incorrect password error" after a password-protected file in the same
batch). So before each opening the last error is set to a file access error (by opening a file that is
not there): still that after a failure from bytes, or from a file that can be read, no reason was set,
and the document holds no page. A page the tree lists but that cannot be loaded (a page count larger
than the pages present, a tree that lists itself among its pages) fails only when that page is
loaded, after the document opened: named by its number, as a clear error, not a traceback.
"""

from __future__ import annotations

import os

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

PASSWORD = "a password-protected PDF: open it with its password, save a copy without one, then use that"


class Unreadable(ValueError):
    """Not a readable PDF; the message says why."""


def open_pdf(source: bytes | str | os.PathLike) -> pdfium.PdfDocument:
    """The document (from a path or bytes), or ``Unreadable``."""
    pdfium_raw.FPDF_LoadDocument(_NOWHERE, None)  # (sets the last error to FPDF_ERR_FILE: see above)
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as err:
        code = pdfium_raw.FPDF_GetLastError()
        if code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise Unreadable(PASSWORD) from None
        if code == pdfium_raw.FPDF_ERR_FILE and _readable(source):
            raise Unreadable("not a readable PDF (it holds no page: its page tree is missing or empty)") from None
        raise Unreadable(f"not a readable PDF ({err})") from None


_NOWHERE = b"/nonexistent/foi-analysis/none.pdf"


def _readable(source) -> bool:
    if isinstance(source, (bytes, bytearray)):
        return True
    try:
        with open(source, "rb"):
            return True
    except OSError:
        return False


def load_page(pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """Page ``index`` (from 0), or ``Unreadable`` naming it."""
    try:
        return pdf[index]
    except pdfium.PdfiumError:
        raise Unreadable(f"not a readable PDF: page {index + 1} of the {len(pdf):,} its page tree lists cannot be "
                         "loaded (a damaged page tree)") from None
