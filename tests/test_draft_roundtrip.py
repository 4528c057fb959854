"""A draft written by `extract` reads back through `add` with exactly the values it was written from.

The draft is YAML written by PyYAML (YAML 1.1; libyaml's emitter when present, PyYAML's own
otherwise) and read by `add` with yaml-rs (YAML 1.2). Texts where the two versions differ
(U+2028 and its kin are line breaks only in 1.1; "1e3" and "0o17" are numbers only in 1.2), and
every character YAML quotes or escapes, are thrown at it: random extractions built by a seeded
generator (reproducible; no property-testing library), written the way the command writes them,
read the way `add` reads them (records/add.py: the file's UTF-8 text, then
``disclosures.read_mapping``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from pathlib import Path

import pytest

from foi_analysis.extract import command
from foi_analysis.extract.command import Extraction, draft_yaml, extract_text
from foi_analysis.extract.grounds import Found
from foi_analysis.extract.text import clean_text
from foi_analysis.records import disclosures

FIXTURES = Path(__file__).parent / "fixtures" / "responses"

# Characters and fragments YAML treats specially somewhere: breaks YAML 1.1 knows and 1.2 does not,
# characters beyond U+FFFF (libyaml escapes them), control characters the extractor's cleaning
# keeps (a few are tolerated in a saved text), a byte-order mark, tabs, quotes, indicators.
PIECES = ["\u2028", "\u2029", "\x85", "😀", "𝐒ection 31", "\U0010fffd", "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f",
          "\x7f", "\x80", "\x9f", "\ufeff", "\t", "  ", " ", "\n", "\n\n", "\r\n", "'", '"', "\\", "\\U0001F600", ": ", " #",
          "- ", "? ", "|", ">", "%", "@", "`", "&a", "*a", "!tag", "[", "]", "{", "}", ",", "—", "é", "£", "\xa0", "\u200b",
          "\ue000", "\ufffd", "Section 31(1)(a)", "regulation 12(4)(b)"]
# Whole values that YAML 1.1 or 1.2 would read as something other than the text.
WHOLE = ["yes", "no", "Yes", "NO", "on", "off", "y", "n", "null", "Null", "~", "", " ", "true", "False", "1e3", "1E3", "-1e-3",
         "1.5e3", "+.5", ".5e3", "0x10", "0X10", "0o17", "0O17", "0b101", "0189", "007", "1_000", "1:30", "12E34", "2024-01-31",
         "2024-01-31 10:00:00", "31/01/2024", ".inf", "-.Inf", ".nan", "<<", "=", "-", "#", "---", "...", "'", '"', "|", ">",
         "%YAML 1.2", "@x", "`x`", "1", "2a", "0", "-0"]


def hostile(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(WHOLE)
    if roll < 0.25:  # a very long line, with runs of spaces to fold at
        return " ".join(rng.choice(["word", "x" * rng.randint(1, 150), "", " ", "a'b", "c:d"]) for _ in range(rng.randint(50, 300)))
    parts = [rng.choice(PIECES + WHOLE) if rng.random() < 0.5 else "".join(rng.choices(string.ascii_letters + " ", k=rng.randint(1, 12)))
             for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.3:
        parts.insert(0, rng.choice(["-", ":", "#", "'", '"', "|", ">", "%", "@", "`", "?", "!", "&", "*", " ", "\ufeff", "\t"]))
    if rng.random() < 0.2:
        parts.append(rng.choice([" ", "  ", "\t", "\n", ":", " #"]))
    return "".join(parts)


def maybe(rng: random.Random, value):
    return None if rng.random() < 0.15 else value


def hostile_extraction(rng: random.Random) -> Extraction:
    h = lambda: hostile(rng)  # noqa: E731
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
    found = [Found(h(), h(), h(), rng.random() < 0.5, rng.random() < 0.5, rng.choice(["response", "internal_review", h()]),
                   [h() for _ in range(rng.randint(0, 3))]) for _ in range(rng.randint(0, 4))]
    if found and rng.random() < 0.3:  # the same citation twice at a stage: the draft merges their questions
        found.append(Found(h(), h(), found[0].raw, False, False, found[0].stage, [h()]))
    width = rng.randint(1, 4)
    tables = [{"kind": maybe(rng, h()), "question": maybe(rng, h()), "columns": [h() for _ in range(width)],
               "rows": [[rng.choice([h(), rng.randint(-5, 10**6)]) for _ in range(width)] for _ in range(rng.randint(0, 3))]}
              for _ in range(rng.randint(0, 2))]
    return Extraction(
        source=f"/saved/{h().replace('/', '_')}.txt", title=maybe(rng, h()), kind=h(), authority=maybe(rng, h()),
        reference=maybe(rng, h()), other_references=[{"reference": h(), "kind": "internal_review"} for _ in range(rng.randint(0, 2))],
        received=maybe(rng, {"date": day, "printed": h()}), responded=maybe(rng, {"date": day, "printed": h()}),
        events=[{"event": h(), "printed": h(), "note": maybe(rng, h()), "date": day} for _ in range(rng.randint(0, 4))],
        exemptions=found, ncnd=rng.random() < 0.5, outcome=maybe(rng, h()),
        questions=[{"question": h(), "outcome": maybe(rng, h())} for _ in range(rng.randint(0, 4))], tables=tables,
        warnings=[h() for _ in range(rng.randint(0, 3))], law=maybe(rng, h()))


def read_as_add_does(draft: str, tmp_path, name: str = "draft.yaml") -> dict:
    """Written by the command's writer, read as `add` reads a draft: its bytes as UTF-8, then
    ``disclosures.read_mapping`` (records/add.py, check)."""
    path = tmp_path / name
    command._write_atomic(path, draft)
    rejections = []
    fields = disclosures.read_mapping(path.read_bytes().decode("utf-8"), name, rejections)
    assert rejections == []
    return fields


@pytest.fixture(params=["libyaml", "pyyaml"])
def emitter(request, monkeypatch):
    """Each emitter the command may use: libyaml's (from PyYAML's wheel), and PyYAML's own, the fallback."""
    if request.param == "pyyaml":
        monkeypatch.setattr(command, "_C_DUMPER", None)
    elif command._C_DUMPER is None:
        pytest.skip("PyYAML without libyaml")
    return request.param


def test_hostile_values_read_back_unchanged(emitter, tmp_path):
    rng = random.Random(20261130)
    for case in range(200):
        x = hostile_extraction(rng)
        draft = draft_yaml(x)
        assert read_as_add_does(draft, tmp_path) == x.record(), f"case {case}:\n{draft}"


def test_both_emitters_write_the_same_draft(monkeypatch):
    """Whether libyaml is installed does not change a draft (so the fast emitter changed no draft)."""
    if command._C_DUMPER is None:
        pytest.skip("PyYAML without libyaml")
    rng = random.Random(7)
    extractions = [hostile_extraction(rng) for _ in range(150)]
    fast = [draft_yaml(x) for x in extractions]
    monkeypatch.setattr(command, "_C_DUMPER", None)
    assert [draft_yaml(x) for x in extractions] == fast


def test_a_draft_shows_characters_as_the_document_prints_them(emitter):
    x = hostile_extraction(random.Random(1))
    x.title, x.authority, x.reference = "Deployments 😀 in 𝐒outhwark", "Police Scotland", "1e3"
    x.questions = [{"question": "2a", "outcome": "0189"}]
    draft = draft_yaml(x)
    assert "title: Deployments 😀 in 𝐒outhwark\n" in draft  # the characters, not "\U0001F600"
    assert "reference: '1e3'\n" in draft  # quoted: yaml-rs reads a bare 1e3 as the number 1000.0
    assert "- question: 2a\n  outcome: '0189'\n" in draft  # 189 to yaml-rs, were it bare
    x.title = "a\u2028b"
    assert 'title: "a\\Lb"\n' in draft_yaml(x)  # an escape YAML 1.1 and 1.2 both read as U+2028


def test_unicode_line_breaks_end_a_line_when_cleaned():
    lines, _, _ = clean_text("Dear Sir\u2028Section 31(1)(a) applies.\u2029Yours\x85faithfully")
    assert lines == ["Dear Sir", "Section 31(1)(a) applies.", "Yours", "faithfully"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_letter_broken_by_unicode_line_breaks_reads_as_with_newlines(separator):
    """A line separator, a paragraph separator or NEL ends a line: every fixture letter with its line
    breaks swapped for one drafts the same record (a heading stays a heading, a list stays a list).
    (Letters only: a tab table is unfolded before cleaning, and a web page's kind is told by the lines
    the cleaning dropped, both counted in "\n".)"""
    compared = 0
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "\t" in text or not text.strip():
            continue
        x = extract_text(text, path.name)
        if x.kind != "letter":
            continue
        assert extract_text(text.replace("\n", separator), path.name).record() == x.record(), path.name
        compared += 1
    assert compared >= 30


LETTER = """Freedom of Information Request Reference No: 01.FOI.24.{ref}
{a}
Dear {b},
Thank you for your request received on 3 January 2024.{c}
You asked: 1. How many deployments of {d} took place?{e}
Response: The information is exempt under Section 31(1)(a) - Law Enforcement {f}.
Yours sincerely,{g}
Metropolitan Police Service
Date: 25 January 2024
"""


def test_extracted_hostile_letters_read_back_unchanged(tmp_path):
    """The whole path: a letter with hostile text in it -> the extractor -> its draft -> `add`'s reading."""
    rng = random.Random(11)
    read = 0
    for case in range(150):
        fill = {k: hostile(rng).replace("\x00", "") for k in "abcdefg"}
        text = LETTER.format(ref=rng.choice(["030730", "0189", "1e3"]), **fill)
        x = extract_text(text, f"letter-{case}.txt")
        draft = draft_yaml(x)
        assert read_as_add_does(draft, tmp_path) == x.record(), f"case {case}:\n{text}\n---\n{draft}"
        # (U+2028, U+2029 and NEL were line breaks: none is left in a value, where `add` would refuse NEL)
        assert not set(json.dumps(x.record(), ensure_ascii=False)) & set("\u2028\u2029\x85"), f"case {case}"
        read += x.reference is not None
    assert read > 100  # the letters were read as letters, not thrown out
