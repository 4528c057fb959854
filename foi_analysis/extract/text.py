"""Saved FOI responses as bytes -> clean text lines, for ``extract``.

Decoding (UTF-8; UTF-8 with stray bytes of another encoding, those read as cp1252; else cp1252, with a
warning; UTF-16 with or without its mark; a few stray NULs dropped), refusing binary files, HTML to text (table cells
become "|"-separated, as in flattened tables), and dropping page furniture (cookie banners, site
navigation) so that it is neither read as a title nor searched for authorities or dates.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from functools import lru_cache
from html import unescape


class InputError(ValueError):
    """A file that cannot be read as a saved response; the message says why."""


# Magic numbers of the binary formats people save responses in by mistake.
_MAGIC = [
    (b"%PDF", "a PDF: extract the file itself (extract_file reads PDFs), not its bytes as text"),
    (b"PK\x03\x04", "a ZIP container (.xlsx, .odt; a Word file is read under a .docx name): save it as PDF or plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls): save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
]
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f])  # what saved text does not hold


def _stray_byte(err: UnicodeDecodeError) -> tuple[str, int]:
    """A codecs error handler: a byte that is not UTF-8 read as cp1252 (latin-1 where cp1252 has none)."""
    bad = err.object[err.start: err.start + 1]
    try:
        return bad.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:
        return bad.decode("latin-1"), err.start + 1


codecs.register_error("foi-cp1252", _stray_byte)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf8_sequences(data: bytes) -> bool:
    """Does the text hold UTF-8's multi-byte characters (several, so not a chance pair of cp1252 letters)?"""
    found = 0
    for _ in _UTF8_SEQUENCE.finditer(data):
        found += 1
        if found >= 2:
            return True
    return False


def _utf16_unmarked(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes are UTF-16 text without a mark (NUL in most odd or most
    even places, and hardly any in the others), else None."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.6 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text and warnings; ``InputError`` for empty or binary input."""
    warnings: list[str] = []
    as_utf8 = False
    if not data or data.isspace():  # (the test data.strip() makes, without copying the file)
        raise InputError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file: {what}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data and (codec := _utf16_unmarked(data)):
        # UTF-16 saved without its byte-order mark (some exports): every other byte of its ASCII is NUL.
        text = data.decode(codec, errors="replace")
        warnings.append(f"UTF-16 text without a byte-order mark; decoded as {codec.upper()}")
    else:
        if b"\x00" in data:
            nuls = data.count(b"\x00")
            if nuls > max(8, len(data) // 1000):
                raise InputError("binary file (NUL bytes): not saved text")
            # A few stray NULs in text (a bad copy or export) are dropped; many mean a binary file.
            data = data.replace(b"\x00", b"")
            warnings.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} dropped (not text)")
        try:
            text = data.decode("utf-8-sig")
            as_utf8 = True
        except UnicodeDecodeError as err:
            mixed = data.decode("utf-8-sig", errors="foi-cp1252")
            try:
                whole = data.decode("cp1252")
            except UnicodeDecodeError:
                whole = None
            if mixed != whole and _utf8_sequences(data):
                # UTF-8 with bytes of another encoding pasted in: the UTF-8 stays UTF-8 ("–", "’"), the stray
                # bytes are read as cp1252 ("\x92" a right quote, "\xa3" a pound sign), not the whole as cp1252.
                text = mixed
                warnings.append(f"mixed encodings: UTF-8 with bytes that are not (the first 0x{data[err.start]:02x} at offset {err.start}); "
                                "those read as cp1252 (Windows): check odd characters")
            elif whole is not None:
                text = whole
                warnings.append(f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); decoded as cp1252 (Windows) instead")
            else:
                text = data.decode("latin-1")
                warnings.append(f"neither UTF-8 nor cp1252 (byte 0x{data[err.start]:02x} at offset {err.start}); decoded as latin-1: check odd characters")
    head = text[:20000]
    # Control characters are single bytes in UTF-8 (no other character's bytes are below 0x80):
    # counted by deleting them from the bytes, not by a pattern tried at every character. (A file
    # read as UTF-8 and no longer than the head is those bytes already, but for its byte-order mark.)
    if as_utf8 and len(text) <= 20000:
        utf8 = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        utf8 = head.encode("utf-8", "surrogatepass")
    if len(utf8) - len(utf8.translate(None, _CONTROL_BYTES)) > max(8, len(head) // 100):
        raise InputError("binary file (control characters): not saved text")
    return text, warnings


# ---------------------------------------------------------------------------------------------
# HTML

# Elements whose text is not read: scripts and styles, site chrome, forms; and what a browser never shows,
# which libxml2 hands on as raw text, markup and all (an <iframe>'s, <noframes>' and <noembed>'s content).
_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "template", "select",
              "iframe", "noframes", "noembed"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "blockquote", "pre", "hr", "dd", "dt", "dl", "main", "body", "time"}
# A definition list's term and its value are one labelled line ("Date received: 07 March 2025"), as a
# letter prints them, so that the label is read with its value.
# Page regions by class or id: site navigation, cookie banners, "similar requests" sidebars.
_SKIP_REGION = re.compile(r"cookie|consent|banner|sidebar|right_column|similar|related|breadcrumb|\bnav|menu|footer|header-|site-header|share",
                          re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


_SPANNED_MAX = 2000


class _TextTarget:
    """What the page shows, as text: an lxml parser target. libxml2 parses the page in C (no tree is kept)
    and calls ``start`` and ``end`` for each element as a browser's tree holds them, every element closed
    once, where its end tag stands or where the markup implies it (an unclosed cell, paragraph, item or
    term ends where the next begins or its row, list or table ends; a stray end tag is dropped), and
    ``data`` for the text between, its character references resolved as HTML5 reads them ("&#146;" "’")."""

    def __init__(self):
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._region: tuple[str, int] | None = None  # (tag, nesting) of a skipped region
        # Open lists, innermost last: the next number of an <ol>'s item, None in a <ul>. A numbered
        # list's items read with their numbers, as a browser prints them ("1. No."): answers numbered so.
        self._lists: list[int | None] = []
        self._term = 0  # where the last definition term's text begins in ``parts``
        # Open tables, innermost last: [cells spanning rows below ({column: [text, rows left]}), the row's next
        # column, where the open cell's text begins in ``parts``, its rowspan]. A cell that spans rows
        # (rowspan="2": one answer to two questions) is printed again in each row it spans, as a browser shows it
        # (up to 50 rows, and a cell of up to _SPANNED_MAX characters: a page cannot make its text much longer).
        self._tables: list[list] = []

    def start(self, tag, attrs):
        if self._region:
            if tag == self._region[0]:
                self._region = (tag, self._region[1] + 1)
            return
        if tag not in _VOID and attrs and any((k in ("class", "id") and v and _SKIP_REGION.search(v)) or k == "hidden"
                                              or (k == "style" and v and _HIDDEN_STYLE.search(v)) for k, v in attrs.items()):
            # (nor what the page does not show: a "hidden" element, one styled "display: none")
            self._region = (tag, 1)
            return
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in ("ol", "ul"):
            start = attrs.get("start") if tag == "ol" else None
            self._lists.append((int(start) if start and start.isdigit() else 1) if tag == "ol" else None)
            self.parts.append("\n")
        elif tag == "li" and self._lists and self._lists[-1] is not None:
            self.parts.append(f"\n{self._lists[-1]}. ")
            self._lists[-1] += 1
        elif tag == "dt":
            self.parts.append("\n")
            self._term = len(self.parts)
        elif tag in ("table", "tr", "td", "th") and not self._skip:
            self._table_start(tag, attrs)
        elif tag in _BLOCK_TAGS and tag != "dd":
            self.parts.append("\n")

    def end(self, tag):
        if self._region:
            if tag == self._region[0]:
                depth = self._region[1] - 1
                self._region = (tag, depth) if depth else None
            return
        if tag in _VOID:
            return
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in ("ol", "ul"):
            if self._lists:
                self._lists.pop()
            self.parts.append("\n")
        elif tag in ("td", "th") and not self._skip:
            if self._tables:
                t = self._tables[-1]
                if t[2] is not None:
                    if len(text := "".join(self.parts[t[2]:])) <= _SPANNED_MAX:
                        t[0][t[1]] = [text, t[3] - 1]
                    t[2] = None
                t[1] += 1
            self.parts.append(" | ")
        elif tag in ("table", "tr") and not self._skip:
            if tag == "table" and self._tables:
                self._tables.pop()
            elif tag == "tr" and self._tables and self._tables[-1][0]:
                self._spanned(float("inf"))  # (cells spanning into the row's end)
            self.parts.append("\n")
        elif tag == "dt" and not self._skip:
            # (the term's whole text: libxml2 hands on "Reference:&nbsp;" as two pieces, "Reference:" and "\xa0")
            self.parts.append(" " if "".join(self.parts[self._term:]).rstrip().endswith(":") else ": ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def _table_start(self, tag, attrs):
        if tag == "table":
            self._tables.append([{}, 0, None, 1])
            self.parts.append("\n")
        elif not self._tables:
            if tag == "tr":
                self.parts.append("\n")
        elif tag == "tr":
            self._tables[-1][1] = 0
            self.parts.append("\n")
        else:
            t = self._tables[-1]
            if t[0]:
                self._spanned(t[1])
            span = attrs.get("rowspan") if attrs else None  # (most cells span one row: nothing kept for them)
            if span and span != "1" and span.isdigit():
                t[2], t[3] = len(self.parts), min(int(span), 50)

    def _spanned(self, upto):
        """Print, at the row's next column and on up to ``upto``, the cells of rows above that span this row."""
        t = self._tables[-1]
        while t[1] <= upto and t[1] in t[0]:
            text, left = t[0][t[1]]
            self.parts.append(text + " | ")
            if left > 1:
                t[0][t[1]][1] = left - 1
            else:
                del t[0][t[1]]
            t[1] += 1
        if upto == float("inf"):
            for k in [k for k in t[0] if k >= t[1]]:  # (a span whose row has fewer cells before it: printed in turn)
                text, left = t[0][k]
                self.parts.append(text + " | ")
                if left > 1:
                    t[0][k][1] = left - 1
                else:
                    del t[0][k]

    def data(self, data):
        if self._region:
            return
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)

    def close(self):
        return self


_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(r"[ \t][ \t]+|\t")
_CELL_END = re.compile(r" ?\| ?\n")
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:500])) or ("</" in text and text.count("</p>") + text.count("</div>") > 3)


def html_to_text(html: str) -> tuple[str, str | None]:
    """HTML -> (text, page title). Cells of a table row are joined with " | "."""
    from lxml import etree  # (loaded when a page comes: a folder of text letters does without it)

    parser = etree.HTMLParser(target=_TextTarget(), no_network=True)
    try:
        parser.feed(html)
    except UnicodeEncodeError:
        # A lone surrogate (no character; a text that was bytes once, decoded with "surrogateescape") cannot be
        # handed to libxml2 as UTF-8: it reads as U+FFFD, as a byte that is not text does.
        parser = etree.HTMLParser(target=_TextTarget(), no_network=True)
        parser.feed(_SURROGATE.sub("\ufffd", html))
    p = parser.close()
    text = "".join(p.parts)
    # Inside a <pre> or a mail body the text keeps its own line breaks; collapse runs of spaces only.
    # (a run of two or more, or a tab: a single space stays as it is, not replaced by itself)
    text = _SPACE_RUN.sub(" ", text)
    if "|" in text:
        text = _CELL_END.sub(" |\n", text)
    title = " ".join(unescape("".join(p.title)).split()) or None
    return text, title


# ---------------------------------------------------------------------------------------------
# Cleaning

# Page furniture: cookie banners, navigation, site chrome. Only short lines are dropped, so a
# letter that happens to mention cookies keeps its paragraphs.
_FURNITURE_WORDS = ("cookie", "skip to content", "skip to main content", "leave this site", "escape key", "technical problem",
                    "this site is a beta", "logo", "javascript", "accept all", "reject all", "sign in", "sign up", "log in", "login",
                    "back to top", "share this page")
_FURNITURE_LINES = frozenset(["home", "menu", "search", "close", "print", "share", "main navigation", "breadcrumb", "breadcrumbs",
                              "you are here", "you are here:"])
# Breadcrumbs: "Home > Your council > Disclosure log", "You are here: Home / FOI / ...".
_BREADCRUMB = re.compile(r"^\s*(?:you are here:?\s*)?home\s*[>»›/|]\s*\S|^\s*[^.!?]{1,60}(?:\s[>»›]\s[^.!?]{1,60}){2,}\s*$",
                         re.IGNORECASE)
# The lines either test below can pass, in "\n" + the lower-cased text (a match begins at the "\n"
# before its line): those that open with a furniture word, "home" or "you " (the tests decide).
_FURNITURE_START = re.compile(r"\n[^\S\n]*(?:home|you |" + "|".join(sorted(map(re.escape, _FURNITURE_LINES))) + ")")
_SUPERSCRIPT = re.compile(r"(\d)\^(st|nd|rd|th)\b")
# Odd spaces, invisible characters and typographic ligatures, as text copied from a PDF or a web page
# carries them: a soft hyphen (U+00AD) or zero-width space inside "identi-fication" or "Section 31"
# would split a word the patterns look for, and "ﬁ" (U+FB01) is not "fi" to them.
_SPACES = [("\xa0", " "), ("\u2007", " "), ("\u202f", " "), ("\t", " "), ("\u200b", ""), ("\ufeff", ""), ("\xad", ""),
           ("\u2060", ""), ("\ufb00", "ff"), ("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb03", "ffi"), ("\ufb04", "ffl"),
           # Unicode's other line breaks (a line and a paragraph separator, NEL) end a line as "\n" does,
           # so that the line they end is read as one (a heading, a list item); NEL is also a control
           # character, which a record refuses.
           ("\u2028", "\n"), ("\u2029", "\n"), ("\x85", "\n")]
# The other invisible format characters a copy from a web page or a right-to-left page carries: joiners
# (U+200C/D), direction marks, embeddings and isolates (U+200E/F, U+202A-E, U+2066-9), invisible operators
# (U+2061-4). Inside "Section 3<ZWJ>1(1)(a)" they would cut the number the patterns read.
_FORMAT_CHARS = re.compile("[\u200c-\u200f\u202a-\u202e\u2061-\u2064\u2066-\u2069]")
# Fullwidth forms of ASCII ("section ３１(1)(a)", as an East Asian input method types them) read as the ASCII
# they are: Unicode's compatibility mapping (NFKC), one character for one, so no offset moves. Only this block:
# letters of other scripts that look Latin (Cyrillic "о") are other letters, and NFKC does not map them.
_FULLWIDTH = {k: unicodedata.normalize("NFKC", chr(k)) for k in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ANY = re.compile("[\uff01-\uff5e]")


_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
                 "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_SPELLED_NUMBER = re.compile(r"(?i)^(\s*(?:question|request)\s+)(" + "|".join(_NUMBER_WORDS[::-1]) + r")\b")
_SPELLED_CUES = ("question one", "request one")  # (looked for in the furniture words' pass)
_SPELLED_FIRST = frozenset("QqRr")


def _as_digits(m: re.Match) -> str:
    return m.group(1) + str(_NUMBER_WORDS.index(m.group(2).lower()) + 1)


_ASCII = bytes(range(128))
# Spaces other than " " and "\n" that can remain after cleaning (see ``clean_text``); the others are
# replaced by a plain space or removed. All of them are unprintable, as every space but " " is.
_ASCII_ODD_SPACES = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def fast_lower(text: str) -> str:
    """Exactly ``text.lower()``, faster for a long text with a few characters outside ASCII (see ``lower_text``)."""
    return text.lower() if len(text) < 512 else lower_text(text)[0]


def lower_text(text: str) -> tuple[str, str]:
    """(``text.lower()``, the characters of ``text`` outside ASCII, in order).

    Lower-cased by way of the UTF-8 bytes when no character outside ASCII changes case (typographic
    quotes and dashes do not): ``str.lower`` reads each character of a non-ASCII text through the
    Unicode tables, several times slower than ``bytes.lower`` (ASCII letters only). If any of them
    lower-cases to something else ("É", "İ", or the Greek sigma, the one character whose lower case
    depends on its neighbours), ``str.lower`` it is: the result is the same either way."""
    if text.isascii():
        return text.lower(), ""
    data = text.encode("utf-8", "surrogatepass")
    odd = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # (UTF-8 sequences are bytes >= 0x80 only)
    if odd.lower() != odd:
        return text.lower(), odd
    return data.lower().decode("utf-8", "surrogatepass"), odd


_ANSI_CODE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def clean_text(text: str) -> tuple[list[str], bool, str]:
    """Text -> its lines without furniture, with trailing space removed and odd spaces normalised;
    whether the lines hold no space but " " (see ``logical_lines``); and the characters of the text
    outside ASCII (see ``doc.Doc``)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        # A terminal's colour codes pasted with the text ("\x1b[1mOur ref:\x1b[0m") are not shown, so not read.
        # (Other control characters are kept: taken out, a lone one can leave a line reading otherwise, "Dear \x07,".)
        text = _ANSI_CODE.sub("", text)
    # (a test per character, a scan each unless the text holds no character that high: cheaper than a
    # regex class or str.translate, which copy or step through every character in Python's re)
    for odd, plain in _SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    if "^" in text:
        text = _SUPERSCRIPT.sub(r"\1\2", text)  # "25^th May" as saved from a WhatDoTheyKnow page
    low, outside_ascii = lower_text(text)
    if outside_ascii and _FULLWIDTH_ANY.search(outside_ascii):
        text = text.translate(_FULLWIDTH)
        low, outside_ascii = lower_text(text)
    if outside_ascii and _FORMAT_CHARS.search(outside_ascii):
        # (looked for among the characters outside ASCII, a few in most letters, not in the whole text)
        text = _FORMAT_CHARS.sub("", text)
        low, outside_ascii = lower_text(text)
    lines = text.split("\n")
    line_of = _LineOf(text)
    spelled = False
    drop = set()
    after = dict.fromkeys(_FURNITURE_WORDS, 0)
    # (read as bytes, one a character, any outside ASCII "?": no UTF-8 encoding of the text and no
    # conversion of byte offsets; the words are ASCII without "?", so the matches are the same)
    for w, k, _ in _furniture_automaton().find_matches_as_indexes(low.encode("ascii", "replace"), overlapping=True):
        if w >= len(_FURNITURE_WORDS):
            spelled = True  # "question one": found in this pass, not by a search of its own
            continue
        word = _FURNITURE_WORDS[w]
        if k < after[word]:
            continue  # inside the last place this word was read at
        after[word] = k + len(word)
        line = line_of(k)
        if len(lines[line]) < 400 and _whole_word(low, k, len(word)):
            drop.add(line)
    if len(low) == len(text):
        # Only the lines that can be furniture: found by searches over the whole text, not line by line.
        # (a place in "\n" + low is its line's "\n": the line after the one the place is on in the text)
        places = [m.start() for m in _FURNITURE_START.finditer("\n" + low)]
        # (the marks outside ASCII looked for among the characters outside ASCII, not in the whole text)
        marks = [k for mark in (">", "»", "›") if mark in (text if mark == ">" else outside_ascii) for k in _places_of(text, mark)]
        found = {line_of(k) for k in places} | {line_of(k) for k in marks}
        candidates = sorted(found)
    else:  # a character that lower-cases to two ("İ"): positions in ``low`` are not the text's
        candidates = range(len(lines))
    for k in candidates:
        line = lines[k]
        if len(line) < 24 and line.strip().lower() in _FURNITURE_LINES:
            drop.add(k)
        elif len(line) < 300 and (">" in line or "»" in line or "›" in line or line.lstrip()[:4].lower() in ("home", "you "))\
                and _BREADCRUMB.match(line):
            drop.add(k)
    if spelled:
        # "Question One:", "Question Two –": numbers spelled out, read as "Question 1:", "Question 2 –".
        lines = [_SPELLED_NUMBER.sub(_as_digits, line) if line[:1] in _SPELLED_FIRST or line[:1].isspace() else line for line in lines]
    # No space but " " and "\n" left (all are unprintable but " "): see ``logical_lines``.
    plain = not any(c in text for c in _ASCII_ODD_SPACES) and not any(c.isspace() for c in set(outside_ascii))
    for k in sorted(drop, reverse=True):
        del lines[k]  # (a few lines: then every line's rstrip by map, not a comprehension testing each)
    return list(map(str.rstrip, lines)), plain, outside_ascii


# "You asked: How many vans ...?": a request's introduction with its one question on the same line.
# Cut in two, the introduction is read as one (``doc._REQUEST_START``) and what follows as the request.
# Only an introduction addressed to the requester ("you asked", "your request was"), followed by words
# (three at least): "Request: FOI/2025/0001" labels a reference and stays whole.
_INLINE_REQUEST = re.compile(
    r"^(\s*(?:you (?:asked|requested)(?: for)?(?: the following(?: information)?)?|your (?:original |foi )?request(?: (?:was|read|reads|asked))?))"
    r"\s*:\s+(?=[^\W\d_]+\W+\w+\W+\w)", re.IGNORECASE)


# A line that can hold one: "you" after its leading spaces ("\n" first, so ``re`` skips to each line in C).
_YOU_LINE = re.compile(r"\n[^\S\n]*[Yy][Oo][Uu]")


def split_inline_request(lines: list[str]) -> list[str]:
    """Each "You asked: <the question>" line as two lines: "You asked:" and the question. Only the
    lines that begin with "you" are read, found by one search of the joined lines (the rest are
    passed on as they are, not looked at one by one)."""
    joined = "\n" + "\n".join(lines)
    out, done, line_no, counted = [], 0, 0, 0
    for found in _YOU_LINE.finditer(joined):
        line_no += joined.count("\n", counted, found.start() + 1)  # (the line the "\n" opens)
        counted = found.start() + 1
        line = lines[line_no - 1]
        m = _INLINE_REQUEST.match(line)
        if m:
            out += lines[done: line_no - 1]
            out += [m[1] + ":", line[m.end():]]
            done = line_no
    return out + lines[done:] if done else lines


def _places_of(text: str, mark: str):
    k = text.find(mark)
    while k != -1:
        yield k
        k = text.find(mark, k + 1)


# A table whose columns are the request and the answer ("Request | Response", "Question | Answer") is the
# layout of the answers, not figures: each row is a question and its answer.
_ASKED_CELL = re.compile(r"(?:your |the )?(?:request(?:ed)?|questions?|information requested|what (?:was|you) asked)(?: asked| made)?", re.I)
_ANSWER_CELL = re.compile(r"(?:our |the |force |council )?(?:response|answer|reply|responses|answers)", re.I)
_NUMBER_CELL = re.compile(r"no\.?|number|#|ref(?:erence)?|item|q(?:uestion)?\.?\s*(?:no\.?|number)?", re.I)


def _cells(line: str) -> list[str]:
    """A "|" row's cells that hold something."""
    return [c for c in (c.strip() for c in line.split("|")) if c]


# A column between the question and the answer that says whether it is held ("Information held?": "Yes",
# "Partially", "No"): the answer's own words say as much, so it is not read.
_HELD_CELL = re.compile(r"(?:(?:is (?:the )?)?information )?held\??|held by (?:us|the \w+)\??", re.I)
# A table answering closed questions: the question, a "Yes / No" column and perhaps a column of comments
# ("No. | Question | Yes / No | Comments"). Each row's answer is its yes or no, then its comment if any.
_YES_NO_CELL = re.compile(r"(?:answer\s*)?\(?(?:yes\s*(?:/|or|-)\s*no|y\s*/\s*n)\)?(?:\s*answer)?\??", re.I)
_COMMENT_CELL = re.compile(r"(?:comments?|notes?|details|remarks|further (?:information|details)|additional information|explanation)", re.I)


def _yes_no_columns(line: str) -> tuple[int, int, int | None] | None:
    """The question's, the yes/no and the comment column of such a table's heading row (positions in the
    row split at "|"), or None."""
    raw = [c.strip() for c in line.split("|")]
    cols = [k for k, c in enumerate(raw) if c]
    names = [raw[k] for k in cols]
    if len(names) > 2 and _NUMBER_CELL.fullmatch(names[0]) and _ASKED_CELL.fullmatch(names[1]):
        cols, names = cols[1:], names[1:]
    if len(names) not in (2, 3) or not _ASKED_CELL.fullmatch(names[0]) or not _YES_NO_CELL.fullmatch(names[1]):
        return None
    if len(names) == 3 and not (_COMMENT_CELL.fullmatch(names[2]) or _ANSWER_CELL.fullmatch(names[2])):
        return None
    return cols[0], cols[1], (cols[2] if len(names) == 3 else None)


# A letterhead set in two columns (name and address | "Our ref:", "Date:"), as a PDF's text layer or a
# layout table gives it: "|" rows above the greeting, a cell of which is such a label.
_LETTERHEAD_LABEL = re.compile(r"(?:our |your )?(?:ref(?:erence)?|date|tel(?:ephone)?|e-?mail)\b\.?\s*(?:no\.?\s*)?:", re.I)
_GREETING = re.compile(r"^\s*(?:Dear|Annwyl)\b")


def _unfold_letterhead(lines: list[str]) -> list[str]:
    """Two-column "|" rows above the greeting whose cells include a letterhead label read column by column
    (the left column's lines, then the right's), as the letter is read, not as a table."""
    top = next((k for k, line in enumerate(lines[:60]) if _GREETING.match(line)), None)
    if top is None:
        return lines
    rows = [k for k in range(top) if "|" in lines[k]]
    if not rows or rows[-1] - rows[0] + 1 != len(rows):
        return lines  # (one run of rows only)
    cells = [_cells(lines[k]) for k in rows]
    if any(len(c) > 2 for c in cells) or not any(_LETTERHEAD_LABEL.match(c) for row in cells for c in row):
        return lines
    left = [c[0] for c in cells if len(c) == 2] + [c[0] for c in cells if len(c) == 1 and not _LETTERHEAD_LABEL.match(c[0])]
    right = [c[1] for c in cells if len(c) == 2] + [c[0] for c in cells if len(c) == 1 and _LETTERHEAD_LABEL.match(c[0])]
    return lines[:rows[0]] + left + [""] + right + lines[rows[-1] + 1:]


def _table_rows(lines: list[str], k: int) -> tuple[list[str], int]:
    """The "|" rows from line ``k`` on (blank lines between them skipped: an HTML table's rows come
    so), and the index just after the last of them."""
    rows, n = [], len(lines)
    while True:
        j = k
        while j < n and not lines[j].strip():
            j += 1
        if j == n or "|" not in lines[j]:
            return rows, k
        rows.append(lines[j])
        k = j + 1


# A table of the grounds relied on ("Section | Exemption | Reason", "Regulation | Exception"): each row is a ground's
# heading line ("Section 31(1)(a) – Law enforcement: ..."), the way letters print them, not a table of figures. Only
# when every column is one of these and every row's first cell is a bare citation ("31(1)(a)", "s40(2)"): a table
# counting requests by section ("Section | Requests") or saying which were applied ("Section | Applied?") is kept.
_GROUND_HEAD = re.compile(r"(?:foi(?:sa)? )?(?:(section|regulation)s?(?: (?:number|no\.?|applied|cited|engaged))?|(exemption|exception) (?:section|regulation))", re.I)
_GROUND_NAME = re.compile(r"(?:exemptions?|exceptions?|(?:exemption |exception )?(?:name|title|description)|nature of (?:the )?(?:exemption|exception)|(?:exemption|exception) applied)", re.I)
_GROUND_WHY = re.compile(r"(?:reasons?|explanation|justification|rationale|why (?:it|this) applies|(?:reason|explanation) for (?:applying|withholding))", re.I)
_GROUND_CELL = re.compile(r"(?:s\.?\s*|section\s+|reg(?:ulation|\.)?\s*)?(\d{1,3}[A-Z]?(?:\s*\(\s*\w{1,4}\s*\))*)", re.I)


def _unfold_grounds(lines: list[str], k: int, cells: list[str]) -> tuple[list[str], int] | None:
    """A grounds table's rows from its heading row ``k`` as heading lines, and the index after them; or None."""
    head = _GROUND_HEAD.fullmatch(cells[0]) if len(cells) in (2, 3) else None
    if not head or not _GROUND_NAME.fullmatch(cells[1]) or (len(cells) == 3 and not _GROUND_WHY.fullmatch(cells[2])):
        return None
    word = "Regulation" if (head.group(1) or head.group(2) or "").lower() in ("regulation", "exception") else "Section"
    rows, end = _table_rows(lines, k + 1)
    out = []
    for printed in rows:
        row = _cells(printed)
        cite = _GROUND_CELL.fullmatch(row[0]) if len(row) == len(cells) else None
        if not cite or _GROUND_CELL.fullmatch(row[1]):
            return None
        why = (": " + row[2].rstrip(".") + ".") if len(row) == 3 else ""
        out += ["", f"{word} {cite.group(1)} – {row[1]}{why}", ""]
    return (out, end) if out else None


def unfold_answer_tables(lines: list[str]) -> list[str]:
    """Rows of a "Request | Response" table as the question's line and a "Response: ..." line below
    it, the way letters print them (so the answers are read per question, not as a table of figures);
    a table of grounds as their heading lines (``_unfold_grounds``); a two-column letterhead as its columns' lines (``_unfold_letterhead``)."""
    lines = _unfold_letterhead(lines)
    out, k, n = [], 0, len(lines)
    while k < n:
        line = lines[k]
        cells = _cells(line) if "|" in line else None
        # (a first column that numbers the rows, "No. | Question | Answer", gives each question its number)
        held = bool(cells) and len(cells) == 3 and bool(_HELD_CELL.fullmatch(cells[1]))
        numbered = not held and bool(cells) and len(cells) == 3 and bool(_NUMBER_CELL.fullmatch(cells[0]))
        if cells and numbered:
            cells = cells[1:]
        if held:
            cells = [cells[0], cells[2]]
        yes_no = _yes_no_columns(line) if cells and len(cells) >= 2 else None
        if yes_no:
            q, yn, note = yes_no
            width = line.count("|") + 1
            rows, k = _table_rows(lines, k + 1)
            for row in rows:
                raw = [c.strip() for c in row.split("|")]
                if len(raw) == width and raw[q]:
                    number = raw[0].rstrip(".") if q > 0 and raw[0].rstrip(".").isdigit() else ""
                    answer = ". ".join(c.rstrip(".") for c in (raw[yn], raw[note] if note is not None else "") if c)
                    out += ["", (number + ". " if number else "") + raw[q], "Response: " + answer + ".", ""]
                else:
                    out += ["", " ".join(c for c in raw if c), ""]
            continue
        grounds = _unfold_grounds(lines, k, cells) if cells and not numbered and not held else None
        if grounds:
            unfolded, k = grounds
            out += unfolded
            continue
        if cells and len(cells) == 2 and _ASKED_CELL.fullmatch(cells[0]) and _ANSWER_CELL.fullmatch(cells[1]):
            rows, k = _table_rows(lines, k + 1)
            for printed in rows:
                row = _cells(printed)
                if numbered and len(row) == 3 and row[0].rstrip(".").isdigit():
                    row = [row[0].rstrip(".") + ". " + row[1], row[2]]
                elif held and len(row) == 3:
                    row = [row[0], row[2]]
                if len(row) == 2:
                    out += ["", row[0], "Response: " + row[1], ""]
                elif row:
                    out += ["", " ".join(row), ""]
            continue
        out.append(line)
        k += 1
    return out


class _LineOf:
    """The line of ``text`` a position is on (the "\\n" before it counted), for positions asked in
    about increasing order: each count runs on from the position asked before, so all of them
    together cost about one pass over the text, not a list of every line's start."""

    def __init__(self, text: str):
        self.text, self.pos, self.line = text, 0, 0

    def __call__(self, k: int) -> int:
        if k >= self.pos:
            self.line += self.text.count("\n", self.pos, k)
        else:
            self.line -= self.text.count("\n", k, self.pos)
        self.pos = k
        return self.line


@lru_cache(maxsize=1)
def _furniture_automaton():
    import ahocorasick_rs

    return ahocorasick_rs.BytesAhoCorasick([w.encode() for w in (*_FURNITURE_WORDS, *_SPELLED_CUES)], matchkind=ahocorasick_rs.MatchKind.Standard,
                                           implementation=ahocorasick_rs.Implementation.DFA)


def _whole_word(low: str, k: int, n: int) -> bool:
    """Is low[k:k+n] a word of its own ("logo", not "logos" or "catalogue"; "cookie" also as "cookies")?"""
    before = low[k - 1] if k else " "
    after = low[k + n: k + n + 1]
    return not before.isalnum() and (not after.isalnum() or after == "s")


_TERMINAL_CHARS = frozenset(".:;?!|")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_WEEKDAYS = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
# A date cut by a line break: "received on" + "23/09/2016", "21st" + "November 2016", "November" + "2016".
_DATE_BREAKS = [
    (re.compile(r"\b(?:on|dated|of)$", re.I), re.compile(rf"^(?:\d|{_MONTHS}\b|{_WEEKDAYS}\b)", re.I)),
    (re.compile(rf"(?:^|\s)(?:{_WEEKDAYS},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?$", re.I), re.compile(rf"^{_MONTHS}\b", re.I)),
    (re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}$", re.I), re.compile(r"^\d{2,4}\b")),
    (re.compile(rf"\b{_WEEKDAYS}$", re.I), re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\b")),
]


_BREAK_WORDS = frozenset(["on", "dated", "of", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                          "mon", "tue", "wed", "thu", "fri", "sat", "sun"])


def _may_break_date(s: str) -> bool:
    """Cheap test before the patterns: does the line end in a word a date can be cut after?"""
    last = s[s.rfind(" ") + 1:].lower()
    return "|" not in s and (last[:1].isdigit() or last in _BREAK_WORDS or last[:3] in _BREAK_WORDS)


def wrap_width(lines: list[str]) -> int | None:
    """The width an e-mail client wrapped the text at, if it was: most mid-length lines end near it.
    (A thread mixes wrapped replies with unwrapped paragraphs; only the former decide.)"""
    lengths = sorted(map(len, lines))
    lengths = lengths[bisect.bisect_left(lengths, 40): bisect.bisect_right(lengths, 100)]
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = bisect.bisect_right(lengths, width) - bisect.bisect_left(lengths, width - 15)  # (sorted: a count by bisection)
    return width if near >= len(lengths) * 0.6 else None


def logical_lines(lines: list[str], plain: bool = False) -> list[tuple[int, str]]:
    """Join lines that an email client wrapped: (index of the first physical line, joined text).

    A line is taken as wrapped when it reaches the text's wrap width and does not end a
    sentence (list items and headings are short and stay on their own), or when it ends in the
    middle of a date ("... received on" / "21st November" + "2016").

    ``plain``: the lines hold no space but " " (``clean_text`` says): a line then needs no test of
    its characters to be known collapsed, only one for "  ".
    """
    width = wrap_width(lines)
    stripped = list(map(str.strip, lines))
    # The lines that do not end their logical line, found first, in one pass: a line wrapped at the
    # mail client's width that ends no sentence, or one ending in the middle of a date (every
    # _DATE_BREAKS pattern ends in a letter or digit: a line ending otherwise is not cut).
    following = [*stripped[1:], ""]
    if width is None:
        joined = {i for i, (s, after) in enumerate(zip(stripped, following)) if after and s and s[-1].isalnum()
                  and _may_break_date(s) and any(b.match(after) and a.search(s[-40:]) for a, b in _DATE_BREAKS)}
        # A letter not wrapped has few or none: its lines then are its logical lines, read in one
        # comprehension (a line of its own, without double spaces and printable, is already as
        # _joined would make it).
        if not joined:
            return [(i, s if "  " not in s and (plain or s.isprintable()) else _joined([s], plain)) for i, s in enumerate(stripped) if s]
    else:
        low, high = width - 20, width + 5
        joined = {i for i, (length, s, after) in enumerate(zip(map(len, lines), stripped, following)) if s and (
            (low <= length <= high and s[-1] not in _TERMINAL_CHARS)
            or (after and s[-1].isalnum() and _may_break_date(s) and any(b.match(after) and a.search(s[-40:]) for a, b in _DATE_BREAKS)))}
    out: list[tuple[int, str]] = []
    start = -1  # the first line of the logical line being read; its lines are stripped[start:i + 1]
    for i, s in enumerate(stripped):
        if not s:
            if start >= 0:
                out.append((start, _joined(stripped[start:i], plain)))
                start = -1
        elif i in joined:
            if start < 0:
                start = i
        elif start < 0:
            out.append((i, s if "  " not in s and (plain or s.isprintable()) else _joined([s], plain)))
        else:
            out.append((start, _joined(stripped[start:i + 1], plain)))
            start = -1
    if start >= 0:
        out.append((start, _joined(stripped[start:], plain)))
    return out


def _joined(parts: list[str], plain: bool = False) -> str:
    """Wrapped lines (each stripped) as one, runs of spaces collapsed."""
    joined = parts[0] if len(parts) == 1 else " ".join(parts)
    # Every space but " " is unprintable: a printable line without "  " is already collapsed.
    return joined if "  " not in joined and (plain or joined.isprintable()) else " ".join(joined.split())
