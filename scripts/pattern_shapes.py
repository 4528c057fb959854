"""Write foi_analysis/extract/pattern_shapes.json: for each of the extractor's regular expressions, what
every match of each of its alternatives must hold, and how wide a match can be.

    .venv/bin/python scripts/pattern_shapes.py      # after changing a pattern (tests/test_pattern_shapes.py says when)

``doc.cue_plan`` tries a rule's pattern only near its cue words, and only the alternatives that can hold
the word found ("please (?:see|find)" holds "please see" or "please find"), in a window as wide as
their widest match. That needs the pattern's structure, and the one parser of Python's regular
expressions is ``re``'s own, a private module (``re._parser``) that the product must not call: its
form changes between Python versions without notice. So the structure is read here, ahead of time,
and saved as plain data; the extractor reads the data, and a pattern it does not find there is tried
whole, everywhere (correct, slower). ``tests/test_pattern_shapes.py`` runs ``shapes()`` again and
fails, naming this command, when the saved file differs.

A pattern's alternatives are its top-level "|" branches (``doc._branches``). The shape of one is
a list, in its order, of what can prove which word every match holds:
  ["text", [[s, ...], ...]]  a run of fixed text, optional words and small alternations, as the
                           choices it is made of, in order: every match holds here one of the
                           strings made by taking one s of each (lower case; at most 256);
  ["group", shape]         a group that is more than that, or a part repeated at least once;
  ["either", [shape, ...]] an alternation inside the pattern: every match holds one of its arms.
Parts that prove nothing (classes, unbounded repeats, optional groups that are not fixed text,
lookarounds) are left out. ``doc._needed`` reads a shape with a rule's cue words.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path

# re's parser and opcodes: private to the standard library, used here only, ahead of time (see above).
from re import _constants as c
from re import _parser

REPOSITORY = Path(__file__).resolve().parents[1]
OUT = REPOSITORY / "foi_analysis" / "extract" / "pattern_shapes.json"
# The Python the file is written under: the one the lock is resolved for (Makefile, `make lock`:
# --python-version 3.11). Another Python's parser may split a pattern otherwise (the same matches, other
# runs of text), so the test compares the file's text only under this one (elsewhere, its patterns).
WRITTEN_UNDER = (3, 11)
_MOST_STRINGS = 256  # a run of fixed text with more spellings than this proves nothing (as before)
_WIDEST = 10_000  # a width at or over this is saved as null, "unbounded" (the windows are far narrower)


def _language(items) -> set[str] | None:
    """Every string the parsed ``items`` can match, lower-cased, when they are few and fixed
    ("(?:in )?response to your"), else None."""
    out = {""}
    for op, av in items:
        if op is c.LITERAL:
            options = {chr(av).lower()}
        elif op is c.SUBPATTERN:
            options = _language(av[-1].data)
        elif op is c.BRANCH:
            alternatives = [_language(a.data) for a in av[1]]
            options = set().union(*alternatives) if all(a is not None for a in alternatives) else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 1:
            options = _language(av[2].data)
            options = options if options is None or av[0] else options | {""}
        else:
            options = None
        if options is None or len(out) * len(options) > _MOST_STRINGS:
            return None
        out = {a + b for a in out for b in options}
    return out


def _factors(chunk) -> list[list[str]]:
    """A run of fixed text as the choices it is made of, in order (each item's strings; items with one
    joined): "(?:does|do) not hold (?:any )?" is [["do", "does"], [" not hold "], ["", "any "]]. Its
    strings are every way of taking one of each (``doc._strings``), at most 256."""
    out: list[list[str]] = []
    for item in chunk:
        options = sorted(_language([item]))
        if len(options) == 1 and out and len(out[-1]) == 1:
            out[-1] = [out[-1][0] + options[0]]
        else:
            out.append(options)
    return out


def _shape(items) -> list:
    """The shape (see the module's doc) of the parsed ``items``: the runs of fixed text and the
    structures to look into, in order."""
    out: list = []
    chunk: list = []
    for item in [*items, (None, None)]:
        op, av = item
        if op is not None and _language([item]) is not None:
            chunk.append(item)  # a run of fixed text, alternatives and optional words
            continue
        if chunk:
            strings = _language(chunk)
            if strings is not None and "" not in strings:  # (a run that may match nothing proves nothing)
                out.append(["text", _factors(chunk)])
            chunk = []
        if op is c.SUBPATTERN:
            inner = _shape(av[-1].data)
            if inner:
                out.append(["group", inner])
        elif op is c.BRANCH:
            out.append(["either", [_shape(a.data) for a in av[1]]])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            inner = _shape(av[2].data)
            if inner:
                out.append(["group", inner])
    return out


def _widest(pattern: str, flags: int) -> int | None:
    widest = _parser.parse(pattern, flags).getwidth()[1]
    return widest if widest < _WIDEST else None


def shape_of(pattern: str, flags: int) -> list:
    """The shape of a whole pattern (or of one of its alternatives)."""
    return _shape(_parser.parse(pattern, flags).data)


def describe(rx: re.Pattern) -> dict:
    """One entry of the file: the pattern, its flags, its widest match and each alternative's shape
    and widest match (null when one cannot be parsed alone: then the pattern is tried whole)."""
    from foi_analysis.extract.doc import _branches

    entry = {"pattern": rx.pattern, "flags": rx.flags, "widest": _widest(rx.pattern, rx.flags), "alternatives": None}
    try:
        parts = _branches(rx.pattern)
        alternatives = [{"shape": shape_of(part, rx.flags), "widest": _widest(part, rx.flags)} for part in parts]
    except re.error:  # (e.g. a back-reference to a group in another alternative)
        return entry
    widths = [a["widest"] for a in alternatives]
    # The widest match of the whole is that of its widest alternative (what cue_plan takes for a part of it).
    assert entry["widest"] == (None if None in widths else max(widths)), rx.pattern
    entry["alternatives"] = alternatives
    return entry


def _patterns(obj, depth: int = 0):
    """The compiled text patterns in a module's global ``obj``, and in the lists, tuples and dicts it holds."""
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            yield obj
    elif depth < 4 and isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _patterns(x, depth + 1)
    elif depth < 4 and isinstance(obj, dict):
        for x in obj.values():
            yield from _patterns(x, depth + 1)


def extractor_patterns() -> list[re.Pattern]:
    """Every pattern held at module level by the extractor's modules and the FOI law's (``foia``, whose
    citations and dates the extractor reads; the rules ``cue_plan`` is asked about are among them), each once."""
    import foi_analysis.extract
    import foi_analysis.foia

    found = {}
    for package in (foi_analysis.extract, foi_analysis.foia):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name in ("foi_analysis.extract.pdf", "foi_analysis.extract.word"):
                continue  # (their libraries load only when a PDF or Word document comes; no rule of theirs uses cue words)
            for value in vars(importlib.import_module(info.name)).values():
                for rx in _patterns(value):
                    found.setdefault((rx.pattern, rx.flags), rx)
    return [found[key] for key in sorted(found)]


def shapes() -> str:
    """The file's text: one entry a line, in order of pattern and flags."""
    # (ASCII escapes: a pattern may hold a lone surrogate, which UTF-8 cannot write)
    entries = [json.dumps(describe(rx), separators=(",", ":")) for rx in extractor_patterns()]
    return "[\n" + ",\n".join(entries) + "\n]\n"


def main() -> None:
    if sys.version_info[:2] != WRITTEN_UNDER:
        sys.exit(f"run this under Python {'.'.join(map(str, WRITTEN_UNDER))} (the lock's), not {sys.version.split()[0]}")
    text = shapes()
    partial = OUT.with_suffix(".json.tmp")  # written whole, then renamed: a failed run leaves the old file
    partial.write_text(text, encoding="utf-8")
    partial.replace(OUT)
    print(f"{OUT.relative_to(REPOSITORY)}: {text.count(chr(10)) - 2} patterns, {len(text)} characters")


if __name__ == "__main__":
    sys.path.insert(0, str(REPOSITORY))
    main()
