"""The patterns' structure that cue_plan reads (foi_analysis/extract/pattern_shapes.json) is the one
scripts/pattern_shapes.py reads now from the patterns themselves, and every pattern cue_plan is asked
about is in it (else it would be tried whole, around every word: slower, and in wider windows)."""

from __future__ import annotations

import json
import re
import sys

import pytest

from foi_analysis import config
from foi_analysis.extract import answers, doc, extract_file

sys.path.insert(0, str(config.REPOSITORY / "scripts"))
import pattern_shapes  # noqa: E402  (reads patterns with re's own parser, private: so in a script, never in the product)

RESPONSES = config.REPOSITORY / "tests" / "fixtures" / "responses"


def test_the_saved_shapes_are_those_of_the_patterns_now():
    saved = pattern_shapes.OUT.read_text(encoding="utf-8")
    now = pattern_shapes.shapes()
    message = ("a pattern changed: run `.venv/bin/python scripts/pattern_shapes.py` (under Python "
               f"{'.'.join(map(str, pattern_shapes.WRITTEN_UNDER))}) and commit foi_analysis/extract/pattern_shapes.json")
    if sys.version_info[:2] == pattern_shapes.WRITTEN_UNDER:
        assert saved == now, message
    else:  # another Python's parser may split a pattern's text otherwise: the patterns themselves must agree
        def keys(text):
            return sorted((e["pattern"], e["flags"]) for e in json.loads(text))

        assert keys(saved) == keys(now), message


def test_every_pattern_cue_plan_is_asked_about_is_saved(monkeypatch):
    asked = set()

    def spy(rx, needles):
        asked.add((rx.pattern, rx.flags))
        return doc.CuePlan(rx, needles)

    monkeypatch.setattr(doc, "cue_plan", spy)
    monkeypatch.setattr(answers, "cue_plan", spy)
    for path in sorted(RESPONSES.iterdir()):
        try:
            extract_file(path)
        except Exception:  # noqa: BLE001  (a fixture that is refused on purpose)
            pass
    assert len(asked) > 20  # (the message kinds, the outcome cues, the question cues ...)
    assert sorted(key[0][:60] for key in asked if key not in doc._pattern_shapes()) == []


def test_a_shape_is_the_pattern_s_fixed_text():
    # By hand: "(?:does|do)" is one choice of two spellings, " not hold " fixed, "(?:any )?" may be absent.
    shape = pattern_shapes.shape_of(r"(?:does|do) not hold (?:any )?", re.I)
    assert [kind for kind, _ in shape] == ["text"]  # (one run of fixed text; how re's parser splits it may vary)
    assert doc._strings(shape[0][1]) == {"does not hold ", "do not hold ", "does not hold any ", "do not hold any "}
    assert doc._needed(shape, ("not hold",)) == {"not hold"}
    assert doc._needed(shape, ("hold any",)) is None  # (an optional word proves nothing)
    assert doc._needed(shape, ("does not", "do not")) == {"does not", "do not"}
    # Classes, unbounded repeats and optional groups prove nothing; a group repeated at least once does.
    assert pattern_shapes.shape_of(r"[a-z]+(?:\w+ )?\d*", 0) == []
    assert doc._needed(pattern_shapes.shape_of(r"(?:refus\w+)+", re.I), ("refus",)) == {"refus"}
    # An alternation inside: every arm must hold a word.
    shape = pattern_shapes.shape_of(r"\b(?:withheld\b|exempt\w*)", re.I)
    assert doc._needed(shape, ("withh", "exempt")) == {"withh", "exempt"}
    assert doc._needed(shape, ("withh",)) is None


def test_each_alternative_s_widest_match_is_saved():
    entry = pattern_shapes.describe(re.compile(r"please (?:see|find)|attached", re.I))
    assert [a["widest"] for a in entry["alternatives"]] == [len("please find"), len("attached")]
    assert entry["widest"] == len("please find")
    assert pattern_shapes.describe(re.compile(r"held by \w+", re.I))["widest"] is None  # (unbounded)


def test_a_pattern_not_saved_is_tried_whole_around_every_word():
    rx = re.compile(r"we (?:hold|have) no (?:information|records)|nothing (?:is )?held", re.I)
    assert (rx.pattern, rx.flags) not in doc._pattern_shapes()
    plan = doc.cue_plan(rx, ("no information", "nothing"))
    assert plan["nothing"][0] is rx and plan["nothing"][2] is None  # (the whole pattern, in the widest window)
    with pytest.raises(KeyError):
        plan["held"]  # (not one of its words)


def test_a_saved_pattern_s_alternatives_are_tried_by_the_word_they_hold():
    rule = doc._KIND_RULES[0]  # ("review_ack", ("review will", "acknowledge", ...), "review will ... be conducted|(?:acknowledge|confirm) ... review")
    first, second = doc._branches(rule[2].pattern)
    plan = doc.cue_plan(rule[2], rule[1])
    sub, _, widest = plan["acknowledge"]
    assert sub.pattern == second  # (only the second alternative holds "acknowledge")
    # the longest match, by hand: the second alternative with every optional word
    assert widest == len("acknowledge receipt of your request for an internal review")
    sub, _, widest = plan["review will"]
    assert sub.pattern == first
    assert widest == len("review will now be carried out")


def test_a_pattern_s_twin_is_its_alternatives_twins_joined():
    # cue_plan makes a part's lower-case twin from its alternatives' twins, read once each.
    checked = 0
    for pattern, flags in doc._pattern_shapes():
        twins = [doc._twin_source(part, flags) for part in doc._branches(pattern)]
        assert doc._twin_source(pattern, flags) == (None if None in twins else "|".join(twins)), pattern
        checked += twins[0] is not None and len(twins) > 1
    assert checked > 30
