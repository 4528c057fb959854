"""A Word document (.docx) as the text a reader sees, for ``extract``: its first page header (where a
letterhead usually sits), then the body's paragraphs and tables in order, then its footer.

Read with python-docx, imported only when a .docx comes (it brings lxml, which nothing else needs).
A table's row becomes one line of cells joined by " | ", as HTML tables are, so that the extractor
reads a "Question | Response" table as questions and answers and a table of figures as a table; a
table of one row whose cells hold several lines (a letterhead beside its reference and date) is read
cell by cell, line by line.
"""

from __future__ import annotations

import io
import re

from .text import InputError


def docx_text(data: bytes, warnings: list[str] | None = None) -> str:
    try:
        import docx
    except ImportError as err:  # the dependency is declared; this is a broken install
        raise InputError(f"a Word document, but python-docx is not installed ({err})") from err
    try:
        warnings = warnings if warnings is not None else []
        _check_unpacked_size(data)
        data = _accept_tracked_changes(data, warnings)
        data = _lift_text_boxes(data, warnings)
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as err:  # a truncated ZIP, missing parts, bad XML: python-docx raises any of several kinds
        raise InputError(f"not a readable Word document (.docx): {err}") from err
    lines: list[str] = []
    section = document.sections[0] if document.sections else None
    if section is not None:
        _block(section.header, lines)
        lines.append("")
    _block(document, lines)
    if section is not None:
        lines.append("")
        _block(section.footer, lines)
    return "\n".join(lines)


def _block(container, lines: list[str]) -> None:
    """Paragraphs and tables of a body, header, footer or cell, in document order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.append("")
            rows = item.rows
            if len(rows) == 1 and any(sum(1 for p in cell.paragraphs if p.text.strip()) > 1 for cell in rows[0].cells):
                # One row of cells of several lines each: a layout table (a letterhead beside its reference
                # and date, a signature block), read cell by cell, line by line, not as a row of data.
                for cell in dict.fromkeys(rows[0].cells):  # (a merged cell is listed once per grid column)
                    _block(cell, lines)
                    lines.append("")
                continue
            for row in rows:
                cells, skip = [], 0
                for cell in row.cells:
                    if skip:  # a merged cell is listed once per grid column it spans
                        skip -= 1
                        continue
                    skip = cell.grid_span - 1
                    cells.append(" ".join(cell.text.split()))
                if any(cells):
                    lines.append(" | ".join(cells))
            lines.append("")
        else:
            lines.append(item.text)


# What a Word letter's parts unpack to, at most: its text and styles are a few MB of XML, its images (a logo, a
# signature) hardly compressed at all. A ZIP that unpacks to far more (a "zip bomb": 1 GB of spaces packs into
# 1 MB) would take that much memory, as python-docx and lxml hold each part whole.
MAX_UNPACKED = 100_000_000


def _check_unpacked_size(data: bytes) -> None:
    """``InputError`` when the parts' sizes, as the ZIP's directory states them, add up to over MAX_UNPACKED.
    (A part that holds more than its stated size is not read past it: the ZIP reader stops there and fails
    its checksum.)"""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        size = sum(info.file_size for info in z.infolist())
    if size > MAX_UNPACKED:
        raise InputError(f"a Word document whose parts unpack to {size / 1e6:,.0f} MB, over the {MAX_UNPACKED / 1e6:.0f} MB "
                         "a letter's could take: a damaged or hostile file (a letter that is one: save it from Word as PDF and extract that)")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")


def _accept_tracked_changes(data: bytes, warnings: list[str]) -> bytes:
    """The document as Word shows it with every tracked change accepted: inserted text (w:ins, w:moveTo)
    kept, deleted text (w:del, w:moveFrom) dropped. python-docx reads a paragraph's own runs only, so
    without this an inserted reference or ground would be lost while the deleted one is not shown either.
    Comments are another part (word/comments.xml) and are never read."""
    import zipfile

    from lxml import etree

    # (a hostile document's entities are neither expanded nor fetched, as python-docx's own parser does)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    changed, counts = False, {"ins": 0, "del": 0}
    for name in [n for n in parts if _PARTS.fullmatch(n) and (b"<w:ins " in parts[n] or b"<w:del " in parts[n]
                                                                 or b"<w:moveTo " in parts[n] or b"<w:moveFrom " in parts[n])]:
        root = etree.fromstring(parts[name], parser)
        for kind, tags in (("del", ("del", "moveFrom")), ("ins", ("ins", "moveTo"))):
            for el in [e for t in tags for e in root.iter(_W + t)]:
                parent = el.getparent()
                if parent is None:
                    continue
                if parent.tag == _W + "rPr":  # a paragraph mark's change: only a mark
                    parent.remove(el)
                    continue
                counts[kind] += 1
                if kind == "ins":  # keep what was inserted, in its place
                    at = parent.index(el)
                    for k, child in enumerate(list(el)):
                        parent.insert(at + k, child)
                parent.remove(el)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        changed = True
    if not changed:
        return data
    warnings.append(f"tracked changes read as accepted ({counts['ins']} insertions kept, {counts['del']} deletions dropped): "
                    "check them against the letter as sent")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return out.getvalue()


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _lift_text_boxes(data: bytes, warnings: list[str]) -> bytes:
    """Text boxes (w:txbxContent: a letterhead, a whole letter laid out in boxes) read as paragraphs just after
    the paragraph each is anchored in. python-docx reads a paragraph's own runs only, so a letter written in
    text boxes would read as empty. A box is stored twice (a drawing, mc:Choice, and a VML copy, mc:Fallback):
    the fallback's copy is not read."""
    import copy
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if not any(b"txbxContent" in z.read(n) for n in z.namelist() if _PARTS.fullmatch(n)):
            return data  # (only the text parts read: not a document's images)
        parts = {n: z.read(n) for n in z.namelist()}
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    boxes = 0
    for name in [n for n in parts if _PARTS.fullmatch(n) and b"txbxContent" in parts[n]]:
        root = etree.fromstring(parts[name], parser)
        for box in list(root.iter(_W + "txbxContent")):
            up = [a.tag for a in box.iterancestors()]
            if _MC + "Fallback" in up or up.count(_W + "txbxContent"):
                continue  # (the VML copy of a box read from its drawing; a box inside a box is read with it)
            anchor = next((a for a in box.iterancestors(_W + "p")), None)
            if anchor is None or anchor.getparent() is None:
                continue
            at = anchor.getparent().index(anchor)
            for k, child in enumerate(c for c in box if c.tag in (_W + "p", _W + "tbl")):
                anchor.getparent().insert(at + 1 + k, copy.deepcopy(child))
            boxes += 1
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not boxes:
        return data
    warnings.append(f"text in {boxes} text box{'es' if boxes > 1 else ''} read after the paragraph each is anchored in: check the order")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return out.getvalue()
