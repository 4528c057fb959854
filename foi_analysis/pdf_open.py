"""PDFium's failures put in words a person can act on, for both readers of PDFs (``extract``'s letters, the grids).

pypdfium2 words PDFium's reason a document would not open ("Data format error", "Incorrect password
error"); a document whose page tree is missing or lists no page fails with PDFium's code for success
("PDFium: Success"), which says nothing. A page the tree lists but that cannot be loaded (a page count
larger than the pages present, a tree that lists itself among its pages) fails only when that page is
loaded, after the document opened: named by its number, as a clear error, not a traceback.
"""

from __future__ import annotations

import pypdfium2 as pdfium

PASSWORD = "a password-protected PDF: open it with its password, save a copy without one, then use that"


class Unreadable(ValueError):
    """Not a readable PDF; the message says why."""


def open_pdf(source) -> pdfium.PdfDocument:
    """The document (from a path or bytes), or ``Unreadable``."""
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as err:
        reason = str(err)
        if "password" in reason.lower():  # (PDFium: "Incorrect password error": one is needed to open it)
            raise Unreadable(PASSWORD) from None
        if "Success" in reason:
            raise Unreadable("not a readable PDF (it holds no page: its page tree is missing or empty)") from None
        raise Unreadable(f"not a readable PDF ({reason})") from None


def load_page(pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """Page ``index`` (from 0), or ``Unreadable`` naming it."""
    try:
        return pdf[index]
    except pdfium.PdfiumError:
        raise Unreadable(f"not a readable PDF: page {index + 1} of the {len(pdf):,} its page tree lists cannot be "
                         "loaded (a damaged page tree)") from None
