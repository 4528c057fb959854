"""Patterns rewritten for speed find what their plain forms find.

A pattern that begins with a lookbehind, "\\b" or an optional group is tried by Python's ``re`` at
every position; one that begins with a letter or a digit class is found by skipping in C. The
rewritten patterns move such an assertion after the first character it guards. These tests hold
each against its plain form (written out here, as the rule reads) on hand-made cases and on seeded
random texts built from the patterns' own words."""

from __future__ import annotations

import random
import re

import pytest

from foi_analysis.extract import doc, events
from foi_analysis.foia import dates

# The plain forms: what the rules say, before the rewriting.
PLAIN_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)")
PLAIN_REQUEST_START = re.compile(
    r"you (?:seek|sought) access to the following|(?:you|which) (?:asked|requested)(?: for)?(?: the following)?(?: information)?\s*:?\s*$"
    r"|(?:you|which) (?:asked|requested)(?: for)? the following (?:information )?(?:about|from|on|regarding|in relation to)\b[^.]{0,80}:\s*$"
    r"|\brequest\b[^.]{0,80}\band (?:asked|requested)(?: for)?\s*:\s*$"
    r"|\brequested information in the following terms\s*:?\s*$"
    r"|(?<!response to )(?<!reply to )your (?:original )?request(?: (?:was|is|read|reads|stated|asked))?(?: as follows| for the following)?\s*:\s*$"
    r"|\byour (?:original |FOI )?request,? (?:received|dated|of|made)\b[^.:]{0,40}:\s*$|^(?:your |the )?(?:FOI )?request(?: details)?\s*:?\s*$"
    r"|^summary of (?:the )?request|^information requested|^request\s*:|^(?:FOI )?request:|following information\s*:\s*$"
    r"|(?<!response to your )(?<!reply to your )\brequest\b.{0,120}\bas follows\s*:\s*$|\brequest\b.{0,80}\b(?:is |are )?(?:copied|replicated|reproduced|set out) below\b",
    re.IGNORECASE,
)


def _random_texts(words: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(words) for _ in range(rnd.randint(1, 18))) for _ in range(n)]


@pytest.mark.parametrize("text, found", [
    ("Codes 123/4/2020 and 12/05/2023", ["12/05/2023"]),  # ("23/4/2020" would begin after a digit)
    ("received on 3/6/23.", ["3/6/23"]),
    ("x12 . 05 - 2023y", ["12 . 05 - 2023"]),
    ("1/2/3456789", []),
    ("٣/4/2020", ["٣/4/2020"]),  # ("\d" is any decimal digit, as in the plain form)
])
def test_numeric_date_finds_what_its_plain_form_finds(text, found):
    assert [m.group() for m in dates.NUMERIC_DATE.finditer(text)] == found
    assert [m.group() for m in PLAIN_NUMERIC.finditer(text)] == found


def test_numeric_date_agrees_with_its_plain_form_on_random_texts():
    words = ["1", "12", "123", "2024", "24", "/", ".", "-", " ", "  ", "\t", "x", "0", "\n", "٣"]
    for text in _random_texts(words, 5000, 1):
        assert [(m.span(), m.groups()) for m in dates.NUMERIC_DATE.finditer(text)] == \
               [(m.span(), m.groups()) for m in PLAIN_NUMERIC.finditer(text)], text
        assert bool(dates.NUMERIC_DATE.fullmatch(text)) == bool(PLAIN_NUMERIC.fullmatch(text)), text
        for k in range(0, len(text), 3):  # from a position, as a search of part of a text
            a, b = dates.NUMERIC_DATE.search(text, k), PLAIN_NUMERIC.search(text, k)
            assert (a and a.span()) == (b and b.span()), (text, k)


def test_a_worded_date_from_its_day_finds_the_same_days_as_the_whole_pattern():
    # The weekday and "the" before a day hold no digit: without them the same days are found, with
    # the same months, years and ends.
    words = ["1", "12", "2024", "24", " ", "  ", "st", "nd", " of ", "the ", "Monday ", "Tues, ", "Wed. ", "jan", "January", "Sept",
             "MAY", "-", ".", ",", "Friday,", "x", "\n"]
    texts = ["Sent on Tuesday, 7th MARCH 2023 and 1 Jan 24.", "on the 21st of November 2016", "Friday 3 June 2024"]
    for text in texts + _random_texts(words, 5000, 2):
        assert [(m.start(1), m.end(), m.groups()) for m in dates.WORDED_DATE_FROM_DAY.finditer(text)] == \
               [(m.start(1), m.end(), m.groups()) for m in dates.WORDED_DATE.finditer(text)], text
    assert [m.group() for m in dates.WORDED_DATE_FROM_DAY.finditer(texts[0])] == ["7th MARCH 2023", "1 Jan 24"]


def test_the_date_shapes_match_wherever_their_gates_match():
    # Doc.gated_units tries a date gate only where its shape (the gate as it reads in Doc.digit_shape:
    # digits "0", other characters outside ASCII "?") matches: a shape that missed a place its gate
    # matches would lose the date there. The worded and month-first shapes are narrowed by what the
    # gate needs around the day's digit (a space, ordinal or dash after it; a month and a space before).
    from foi_analysis.extract import events

    words = ["1", "12", "2025", "24", " ", "  ", "\u00a0", "\x1c", "\t", "st", "nd", "th", " of ", "-", "/", ".", ",", "jan", "Sept.",
             "may", "MAY", "March", "x", "\n", "é", "the ", "May ", "sept. ", "4, ", "21st, ", "2025-", "06-"]
    pairs = [(events._NUMERIC_GATE, events._NUMERIC_SHAPE), (events._WORDED_GATE, events._WORDED_SHAPE),
             (events._US_GATE, events._US_SHAPE), (events._ISO_GATE, events._ISO_SHAPE)]
    hits = [0] * len(pairs)
    for text in ["on 21st November 2016", "May 4, 2025", "Sept. 12, 2024", "3 - 4 - 2025"] + _random_texts(words, 4000, 3):
        d = doc.build_doc([text])
        shape = d.digit_shape()
        for j, (gate, gate_shape) in enumerate(pairs):
            for k in range(len(d.low)):
                if gate.match(d.low, k):
                    hits[j] += 1
                    assert gate_shape.match(shape, k), (text, k, gate.pattern[:30])
    assert min(hits) >= 4, hits  # (the texts hold dates of every shape)


@pytest.mark.parametrize("unit, restates", [
    ("I note you seek access to the following information:", True),
    ("Your request was as follows:", True),
    ("Response to your request:", False),  # (introduces the answer)
    ("Our reply to your request is as follows:", False),
    ("Your original request was received on 02/05/2025 and asked:", True),
    ("Your prerequest was received and asked:", False),  # ("request" inside a word is not the word)
    ("Your request, received on 3 March 2025:", True),
    ("Summary of request", True),
    ("The request is copied below for reference", True),
    ("Thank you for your request.", False),
])
def test_the_request_introduction_reads_as_its_plain_form(unit, restates):
    low = doc.lower_same_length(unit)
    assert doc.holds_folded(doc._REQUEST_START, unit, low) is restates
    assert bool(PLAIN_REQUEST_START.search(unit)) is restates


def test_the_request_introduction_agrees_with_its_plain_form_on_random_texts():
    words = ["you", "asked", "requested", " for", " the following", " information", ":", "request", "Request", "your", "Your", "response to ",
             "reply to ", "original ", "FOI ", " was", " is", " as follows", " below", " set out", "and asked", "which ", "seek ", "access to the following",
             "received", " dated", " of", ",", ".", "summary of ", "xrequest", "xyour", " in the following terms", "following information", " ", "ſ"]
    for text in _random_texts(words, 8000, 3):
        assert bool(doc._REQUEST_START.search(text)) == bool(PLAIN_REQUEST_START.search(text)), text
        assert doc.holds_folded(doc._REQUEST_START, text, doc.lower_same_length(text)) == bool(PLAIN_REQUEST_START.search(text)), text


def test_rewritten_patterns_begin_with_a_letter_or_a_digit():
    # What makes them fast: no alternative begins with "\b", a lookbehind or a group (see the comments at each).
    assert [part for part in doc._branches(doc._REQUEST_START.pattern) if not (part[:1].isalpha() or part[:1] == "^")] == []
    assert dates.NUMERIC_DATE.pattern.startswith(r"(\d")
    assert dates.WORDED_DATE_FROM_DAY.pattern.startswith(r"(\d")


def test_a_citations_words_end_at_the_next_citation_in_its_sentence():
    # A citation's printed words run to the next citation in its sentence (then to the first comma
    # after it) or to the sentence's end. The next citation is found where citations can begin
    # ("sec", "s.", "ss.", "s 1", "§"), not by a search along the sentence: each form stands here
    # after another citation in its sentence. Expected by hand from the sentences below.
    from foi_analysis.extract import extract_text

    text = ("Dear Requester,\n\nReference: FOI/2025/0101\n\nThe information you asked for is exempt under section 31(1)(a) as its "
            "release would prejudice law enforcement, and the names are withheld under s.40(2) of the Freedom of Information Act. "
            "We also rely on ss. 23(5) and 24(2); § 38(1) applies to the health records. The cost of finding the rest would exceed "
            "the limit in s 12 so it is refused.\n\nYours sincerely,\nFOI Team\nExample Police\n")
    raws = {f.citation: f.raw for f in extract_text(text).exemptions}
    assert raws == {
        "31(1)(a)": "section 31(1)(a) as its release would prejudice law enforcement",  # cut at "s.40(2)", then at the comma
        "40(2)": "s.40(2) of the Freedom of Information Act",  # the sentence's end, its "." trimmed
        "23(5)": "ss. 23(5) and 24(2);", "24(2)": "ss. 23(5) and 24(2);",  # one citation; ";" ends the sentence
        "38(1)": "§ 38(1) applies to the health records",
        "12": "s 12 so it is refused",
    }


def test_reference_labels_found_from_their_first_words_as_by_scanning():
    # _own_references (a message's own "Our ref: ...") tries doc._REF_LABEL only where a label's first
    # word begins (doc._label_matches); the plain form scans every character of the unit. Random units
    # made of the label's words, references and near-misses ("pref", "xcase"); a text holding a letter
    # that IGNORECASE folds otherwise than lower() ("ſ", "K") is scanned instead, so it is left out here.
    words = ["Ref", "ref", "REFERENCE", "Reference", "Request", "request", " number", " no", " No.", " ID", "Case", "case", "FOI", "foi",
             "FOIA", "EIR", "Freedom of Information", "Original", "original", "Records", " request", ": ", ":", " ", "#", " is ", "-",
             "12345", "2024/0977", "AB/", "UoE-FOI-", "x", "pref", "xcase", ".", "’", "é"]
    for n, text in enumerate(_random_texts(words, 1500, 7)):
        d = doc.build_doc([text, "", text.upper()])
        assert d.folds
        for i, u in enumerate(d.units):
            assert [m.span() for m in doc._label_matches(d, i, u)] == [m.span() for m in doc._REF_LABEL.finditer(u)], u


def _plain_applies_ground(sentence: str, extension: bool = False, eir: bool = False) -> int:
    # The reliance verdict as the rule reads: each case-insensitive pattern searched along the sentence as it is.
    from foi_analysis.extract import grounds as g

    if not (g._RELIANCE.search(sentence) or (extension and g._CONSIDERING.search(sentence)) or (eir and g._EIR_RELIANCE.search(sentence))):
        return 0
    if not g._NEGATED.search(sentence):
        return 0 if not extension and g._HEDGED.search(sentence) and not g._RELIED_NOW.search(sentence) else 1
    return 2 if g._DUTY_NEGATED.search(sentence) else 0


def test_the_reliance_verdict_s_words_are_in_every_match():
    # applies_ground (and find_citations, the named-for words) test these words (lower case) before each pattern:
    # each alternative must hold one.
    import sys

    from foi_analysis import config
    from foi_analysis.extract import grounds as g

    sys.path.insert(0, str(config.REPOSITORY / "scripts"))
    import pattern_shapes  # (the patterns' structure, read by re's own parser: private, so never in the product)

    rules = [(("consider",), g._CONSIDERING), (g._EIR_RELIANCE_WORDS, g._EIR_RELIANCE), (g._NEGATED_WORDS, g._NEGATED),
             (("exempt", "withheld"), g._HEDGED), (("exempt", "withh", "rel"), g._RELIED_NOW), (("not apply", "not arise"), g._DUTY_NEGATED),
             (g._NAMED_FOR_WORDS, g._NAMED_FOR)]  # (find_citations tests the named-for words before the pattern)
    assert {rx.pattern[:40]: part for needles, rx in rules for part in doc._branches(rx.pattern)
            if doc._needed(pattern_shapes.shape_of(part, rx.flags), needles) is None} == {}
    assert g._RELIANCE_LOW.pattern == g._RELIANCE.pattern == g._RELIANCE.pattern.lower()  # (the twin reads the lower-cased sentence)


@pytest.mark.parametrize("sentence, verdict", [
    ("The information is EXEMPT under section 31(1)(a).", 1),
    ("We can't confirm or deny that it is held, by virtue of section 23(5).", 1),
    ("We can’t confirm or deny whether section 24(2) is engaged.", 1),  # (the rule's "can't" is the straight mark: "engaged" is the cue)
    ("We can’t confirm or deny section 24(2).", 0),  # (no straight "'": no cue)
    ("We have not applied section 43.", 0),
    ("The duty in section 1(1)(a) does not apply by virtue of section 23(5).", 2),
    ("Some of it may be exempt under section 43(2).", 0),
    ("Some of it may be exempt under section 43(2), and it is withheld.", 1),
    ("The information ıs exempt under ſection 31.", 1),  # (letters IGNORECASE reads as "i" and "s": read as they are)
    ("Section 12 is mentioned.", 0),
])
def test_the_reliance_verdict_reads_as_its_plain_form(sentence, verdict):
    from foi_analysis.extract.grounds import applies_ground

    assert applies_ground(sentence) == _plain_applies_ground(sentence) == verdict


def test_the_reliance_verdict_agrees_with_its_plain_form_on_random_texts():
    from foi_analysis.extract.grounds import applies_ground

    words = ["exempt", "EXEMPT", "ion", "withheld", "withholding", " is ", " are ", " not ", "does not apply", "no longer", "would ", "normally ",
             "have ", "been ", "applied", "relied", "rely on", "may ", "be ", "ncnd", "NCND", "can't", "can’t", "confirm or deny", "neither confirm",
             " nor deny", "duty", "1(1)(a)", "whether", "engaged", "consider", "under ", "regulation", "exception", "ſ", "K", "ı", "İ", ".", ";", " ",
             "x", "section 31", "manifestly unreasonable", "but not ", "waived", "cost limit"]
    for text in _random_texts(words, 6000, 4):
        for extension, eir in ((False, False), (True, False), (False, True)):
            assert applies_ground(text, extension, eir) == _plain_applies_ground(text, extension, eir), (text, extension, eir)

def test_a_name_spoken_to_is_found_as_the_plain_test_finds_it():
    # doc._spoken_to looks at the last word before a name first; it must answer as holds_folded does.
    words = ["Dear ", "dear", "received by ", "request to ", "made to ", "sent to ", "is held by ", "were held by ", "on behalf of ",
             "response from ", "Letter FROM ", "written to ", "FOI ", "FOI, ", "foi,", "Freedom of Information ", "the ", "THE ", "  ",
             "\t", "x", "to", "by", "of", "İ", "ſ", "held", "information", " "]
    for text in _random_texts(words, 5000, 4):
        text = text[-30:]
        low = doc.lower_same_length(text)
        assert doc._spoken_to(text, low) == doc.holds_folded(doc._SPEAKS_BEFORE, text, low, doc._SPEAKS_BEFORE_WORDS), text


def test_question_references_found_from_the_gate_as_by_scanning():
    # answers._question_refs tries _QREF only where _QREF_GATE matches the lower-cased text; it must find what
    # _QREF.finditer finds (the plain scan), with and without the caller's lower case, and question_refs the
    # same numbers. Hand-made cases: "questions 1b, 4 and 9" names 1b, 4, 9 (the sentence's own numbers).
    from foi_analysis.extract import answers

    assert answers.question_refs("In relation to questions 1b, 4 and 9, section 31 applies.") == ["1b", "4", "9"]
    assert answers.question_refs("Please see our answer to Q’s 3 and 4.") == ["3", "4"]
    assert answers.question_refs("The requester asked for 12 items.") == []
    words = ["q", "Q", "question", "Questions", "QUESTION", "qs", "Qs", "Q's", "Q’s", "q’s", " ", "  ", "1", "12", "3b", "a", ",", "&",
             " and ", " to ", "req", "ſ", "İ", "K", "ı", "é", "\u2003", "(", ")", ".", "s", "99", "xq", "\n"]
    for text in _random_texts(words, 6000, 8):
        plain = [m.span() for m in answers._QREF.finditer(text)]
        assert [m.span() for m in answers._question_refs(text)] == plain, text
        low = doc.lower_same_length(text)
        if len(low) == len(text):
            assert [m.span() for m in answers._question_refs(text, low)] == plain, text


def test_the_response_label_gate_admits_every_character_a_label_can_begin_with():
    # find_questions tries _RESPONSE_LABEL only on units whose first character is in _RESPONSE_LABEL_FIRST. Its
    # openings ("Ateb /", "Ymateb /", "our", "the force's", "Response", "Answer", "Reply") begin with a, y, o, t or r:
    # every character IGNORECASE matches to one of those (all of Unicode, one scan) must be in the gate.
    import re

    from foi_analysis.extract import answers

    for label in ("Ateb / Answer:", "Ymateb / Response", "Our response:", "the force's reply", "Response: 12", "ANSWER", "reply -"):
        assert answers._RESPONSE_LABEL.match(label) and label[0] in answers._RESPONSE_LABEL_FIRST, label
    everything = "".join(map(chr, range(0x110000)))
    assert set(re.findall(r"[aotyr]", everything, re.IGNORECASE)) == set(answers._RESPONSE_LABEL_FIRST)
    assert not answers._RESPONSE_LABEL.match("Thanks for your request")  # (in the gate, not a label: the pattern decides)


@pytest.mark.parametrize("before, received", [
    ("Your request was received by the Policing Board on", True),  # (received by + a capital: the body's name)
    ("Your request was received by the board", False),  # (no capital after "the", no "on" or ":" at the end)
    ("Your request was RECEIVED BY THE BOARD", True),  # (the capital alternative reads the text itself, case and all)
    ("which we received on", True),
    ("Date received:", True),
    ("We received nothing", False),
    ("Receipt date :", True),
    ("the receipt of your request on", True),
])
def test_a_pattern_with_a_case_sensitive_alternative_is_read_as_its_plain_form(before, received):
    # holds_folded reads each alternative of a pattern on the lower-cased text where its own twin can (the
    # others stay on the text): "received (?:by|at) (?:the )?(?-i:[A-Z])..." keeps to the text alone.
    rx = dict(events._BEFORE)["received"]
    assert bool(rx.search(before)) is received
    assert doc.holds_folded(rx, before, doc.lower_same_length(before)) is received


def test_holds_folded_agrees_with_the_patterns_on_random_texts():
    # Every pattern holds_folded is asked about, against its own search, on texts made of its words, capitals,
    # "’" (read as "'" in the lower-cased text), "ſ" and "K" (Kelvin: letters that fold to ASCII).
    rules = [*events._BEFORE, ("not event", events._NOT_EVENT), ("request", doc._REQUEST_START), ("provides", doc._PROVIDES),
             ("statute", doc._STATUTE_WORDS), ("speaks before", doc._SPEAKS_BEFORE),
             # (made up: an alternative with "'", one with a capital class, one anchored, one plain)
             ("made up", re.compile(r"don't hold|received by (?-i:[A-Z])\w+|^dear\b|holds? the", re.IGNORECASE))]
    for name, rx in rules:
        words = [w for w in re.findall(r"[A-Za-z]+", rx.pattern) if len(w) > 1] + [" ", " ", ": ", ".", "’", "'", "ſ", "K", "On", "The Board ", "17(2) ", "don’t ", "don't "]
        for text in _random_texts(words, 1500, 7):
            assert doc.holds_folded(rx, text, doc.lower_same_length(text)) == bool(rx.search(text)), (name, text)


def test_the_words_before_a_date_are_found_as_substring_tests_find_them():
    # events._cues_before finds every test's words in one pass of an automaton: the same as testing each word
    # (the plain form written out here), a _NOT_EVENT word only in the last 60 characters.
    words = [*{n for needles in events._BEFORE_NEEDLES.values() for n in needles}, *events._NOT_EVENT_WORDS, *events._EARLIER_WORDS,
             " ", " ", "x", "disclosed", "update of", "’", "é", "İ", "?", "a" * 30]
    for text in _random_texts(words, 3000, 11):
        low = text.lower()
        keys = {k for k, needles in events._BEFORE_NEEDLES.items() if any(n in low for n in needles)}
        near = any(w in low[-60:] for w in events._NOT_EVENT_WORDS)
        earlier = any(w in low for w in events._EARLIER_WORDS)
        assert events._cues_before(low) == (keys, near, earlier), text


def test_the_end_of_a_restated_request_is_found_as_its_pattern_finds_it():
    # doc._ends_request tries _REQUEST_END's "^" alternatives only after one of _END_PREFIXES and the others only
    # where one of _END_WORDS stands: the same answer as searching the unit (the plain form), on texts made of
    # the pattern's words and prefixes, with lookalikes ("Responses", "The forces", "Decisions").
    words = [*doc._END_PREFIXES, *doc._END_WORDS, "decided", "DECISION ", "Our reply", "Our answer", "I confirm", "I can advise", "apologise",
             "apologies", "apologize", "handled", "considered", "The Force can", " does", " holds", " responded", "Section 12 - Cost",
             "Section 40(2): Personal", "Responses", "The forces", "Decisions", " ", " ", ".", "x", "\n", "locate the information"]
    for text in _random_texts(words, 4000, 13):
        assert doc._ends_request(text) == bool(doc._REQUEST_END.search(text)), text


# The question cues as the rules read, before each alternative began with its word (answers._word_first).
PLAIN_QUESTION_CUES = {
    "not_valid_request": r"not (?:a )?valid (?:FOI(?:A)? )?request|not a request for (?:recorded )?information|\bs(?:ection|\.)?\s*84\b",
    "ncnd": r"(?:neither confirm(?:s|ing)? nor den(?:y|ies|ying)|(?:cannot|can ?not|can't|will not|won't|does not|do not|(?:is|am"
            r"|are) unable to) confirm or deny)|\bNCND\b",
    "not_held": r"\bno (?:recorded )?(?:information|data|records?) (?:is |are )?held|\b(?:is|are|was)(?: therefore| consequently| thus| accordingly)? not held|(?:do|does)(?: not|n't|n\u2019t) hold|\bholds? no\b"
                r"|\bno such (?:information|records?)|\bnot recorded\b|\bnil return\b|\b(?:do|does|did) not record (?:this|that|the|any"
                r"|such) (?:information|data)\b",
    "publicly_available": r"public(?:al)?ly available|public domain|already (?:been )?published|available (?:on|at|via|from) (?:our|the) (?:website|link"
                          r"|following)|(?:available|\b(?:is|are|was|were|has been|have been) published) (?:at|via|from|here) ?:? ?(?:https?://|www\.)"
                          r"|can be (?:found|viewed|accessed) (?:on|at|via) (?:our|the|its) (?:website|web site)|reasonably accessible|otherwise accessible"
                          r"|\b(?:is|are) published on (?:our|the|its)(?: [\w'’]+)? (?:website|web site|intranet)"
                          r"|(?<!not )(?<!n't )(?<!will )(?<!never )(?<!will also )(?<!will then )(?<!will soon )(?<!will shortly )(?<!'ll )(?<!would )(?<!may )(?<!might )(?<!could )(?<!intend to )(?<!intends to )(?<!plan to )(?<!plans to )(?<!going to )(?<!expect to )(?<!expects to )\bpublish(?:es)? (?!(?:all "
                          r"|our |its |the |these |such |this )?(?:responses?|repl(?:y|ies)|disclosure logs?|requests?|FOI|freedom of information"
                          r"|answers?)\b)[^.;]{0,80}?\bon (?:our|its|the)(?: [\w'’]+)? (?:website|web site)"
                          r"|(?<!not )(?<!n't )\bexempt (?:from disclosure )?(?:under|by virtue of) (?:section|s\.?)\s*21\b(?! of the (?!Act|FOIA|Freedom))",
    "partially_disclosed": r"(?<!\[)\bredact|(?<!not )(?<!n't )(?<!never )\b(?:removed|blanked out|obscured) (?:under|by virtue of"
                           r"|in accordance with) (?:section|s\.?\s*\d)|\b(?:disclosed|enclosed|attached|provided|released)\b[^.;]{0,30}?\bwith (?!(?:no"
                           r"|nothing|none)\b)[^.;]{0,80}?\b(?:removed|taken out|blanked out|withheld)\b",
    "exempt": r"(?<!not )(?<!n't )\bexempt\b|\bwithheld\b|\brefus|cannot be (?:disclosed|released|provided)|not obliged to (?:provide|supply"
              r"|disclose)|\bwithhold(?:ing)?\b|\bmanifestly unreasonable\b",
    "disclosed": r"please (?:see|find) (?:the )?(?:attached|enclosed|below|table)|\battached\b|\benclosed\b",
}
PLAIN_GROUP_CUES = {
    "exempt": r"\bexempt\b|withheld|refus",
    "disclosed": r"response to|disclos|please see below|answers? to|(?<!not )(?<!would )(?<!could )\banswered (?:questions?|q\s*\d)\b|\b(?:is"
                 r"|are) answered (?:in|by|below|above)\b"
                 r"|(?<!not be )(?<!cannot be )(?<!would be )(?<!could be )(?<!will be )(?<!not )(?<!n't )(?<!not been )\b(?:set out|shown|listed"
                 r"|given) (?:below|above|(?:in|at) (?:the |an? )?(?:annex|appendix|table|attached|enclosed|spreadsheet))\b",
}

# What stands before a cue's words in letters, and what its lookbehinds set aside.
_BEFORE_CUES = ["", " ", "\n", "The ", "we ", "x", "X", "1", "[", "not ", "NOT ", "n't ", "n’t ", "never ", "will ", "will also ", "'ll ", "would ",
                "may ", "could ", "intends to ", "expects to ", "going to ", "not be ", "cannot be ", "would be ", "not been ", "ſ", "İ"]
# Hand-made: one or more of each alternative's own words, as letters put them.
_CUE_PHRASES = [
    "is published at https://example.org", "has been published via www.example.org", "have been published here: https://", "were published from www.x",
    "are published on the council's website", "is published on its intranet", "publishes a map on its website", "publish the data on our website",
    "publishes our responses on our website", "exempt under section 21", "exempt from disclosure by virtue of s. 21 of the Act", "exempt under section 21 of the Data Act",
    "removed under section 40", "blanked out by virtue of s. 4", "obscured in accordance with section 3", "redacted", "[redacted]",
    "attached, with the names removed", "released with junior names withheld", "provided with no names removed", "refusing", "manifestly unreasonable",
    "withholding", "withheld", "exempt", "not recorded", "nil return", "did not record any data", "no such records", "holds no", "was not held", "does not hold",
    "no recorded information is held", "section 84", "s.84", "answered questions 1", "answered q 2", "are answered below", "is answered in",
    "listed in the annex", "given above", "set out at an appendix", "shown below", "NCND", "cannot confirm or deny", "publicly available",
    "available at www.x", "can be found on the website", "please see attached", "enclosed", "response to", "not a valid FOI request",
    "neither confirms nor denies", "neither confirming nor denying", "can not confirm or deny", "cannot confirm or deny", "can't confirm or deny",
    "won't confirm or deny", "does not confirm or deny", "are unable to confirm or deny", "do notconfirm or deny", "to confirm or deny",
]


def test_the_question_cues_find_what_their_plain_forms_find():
    # Each cue's alternatives begin with their words, their "\b" and lookbehinds after them (answers._word_first): the
    # same matches, at the same places, as the plain forms above, which ``re`` tried at every character. Spans, not just
    # whether: _not_there_now, _nothing_taken_out and _withholds_nothing read each match's place.
    from foi_analysis.extract import answers

    pairs = [(re.compile(PLAIN_QUESTION_CUES[name], re.I), rx) for name, rx in answers.QUESTION_CUES]
    pairs += [(re.compile(PLAIN_GROUP_CUES[name], re.I), rx) for name, rx in answers._GROUP_CUES if name in PLAIN_GROUP_CUES]
    texts = [b + p for p in _CUE_PHRASES for b in _BEFORE_CUES]
    texts += [t.upper() for t in texts] + [t.title() for t in texts] + [t + " " + t for t in texts[::7]]
    found = 0
    for plain, rx in pairs:
        for text in texts:
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in rx.finditer(text)] == spans, (rx.pattern[:40], text)
            found += bool(spans)
    assert found > 3000  # (the cases reach the cues: most of them match one)
    words = sorted({w for p in _CUE_PHRASES for w in p.split()} | {b.strip() for b in _BEFORE_CUES})
    for text in _random_texts([w + " " for w in words] + words + ["'", "’", ".", ";"], 4000, 9):
        for plain, rx in pairs:
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], (rx.pattern[:40], text)


def test_the_question_cues_alternatives_begin_with_a_letter():
    # What makes their lower-case twins fast (see answers._word_first; the NCND cue's, doc.NCND_PHRASES).
    from foi_analysis.extract import answers

    for name, rx in answers.QUESTION_CUES + answers._GROUP_CUES:
        assert [part for part in doc._branches(rx.pattern) if not part[:1].isalpha()] == [], name


def test_disclosure_on_the_public_interest_found_where_its_words_stand_as_by_scanning():
    # grounds.disclosure_wins tries DISCLOSURE_WINS only where "public interest" stands (every match begins there); the
    # plain form searches from ``pos`` on. Hand-made: "the public interest favours disclosure" is a win, "... favours
    # maintaining the exemption" is not (grounds.DISCLOSURE_WINS's own cases).
    from foi_analysis.extract import grounds

    def plain(text, pos=0):
        low = doc.lower_same_length(text)
        return "public interest" in low and grounds.DISCLOSURE_WINS.search(text, pos) is not None

    for text, wins in [("Section 31 is engaged; however, the public interest favours disclosure.", True),
                       ("We consider that the public interest favours maintaining the exemption.", False),
                       ("The Public Interest in disclosure outweighs that in maintaining it.", True),
                       ("The public interest in disclosure does not outweigh it.", False)]:
        assert grounds.disclosure_wins(text, doc.lower_same_length(text)) is plain(text) is wins, text
    words = ["public interest", "Public Interest", "PUBLIC INTEREST", "publıc interest", "ſ", "İ", " favours", " favors", " lies in favour of",
             " is in favour of", " disclosure", " release", " the", " in", " outweighs", " not", " but not", ".", ";", " x", "xpublic interest", " "]
    for text in _random_texts(words, 6000, 10):
        low = doc.lower_same_length(text)
        for pos in (0, len(text) // 3):
            assert grounds.disclosure_wins(text, low, pos) is plain(text, pos), (text, pos)



def test_the_cost_limit_s_rewritten_pattern_finds_what_its_plain_form_finds():
    # answers._OVER_COST (read on the lower-cased answer) with each alternative beginning with a fixed letter.
    from foi_analysis.extract import answers

    plain = re.compile(r"exceed(?:s|ed|ing)?\b[^.]{0,60}?\b(?:appropriate|cost|upper cost) limit|(?:appropriate|cost) limit\b[^.]{0,60}?\bbe exceeded")
    phrases = ["would exceed the appropriate limit", "exceeds the cost limit", "exceeding the upper cost limit", "the cost limit would be exceeded",
               "appropriate limit will be exceeded", "inappropriate limit be exceeded", "exceeded. the cost limit", "xcost limit to be exceeded"]
    texts = [b + p for p in phrases for b in _BEFORE_CUES]
    words = sorted({w for p in phrases for w in p.split()})
    texts += _random_texts([w + " " for w in words] + words + [".", ",", "x"], 4000, 11)
    found = 0
    for text in texts:
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in answers._OVER_COST.finditer(text)] == spans, text
        found += bool(spans)
    assert found > 200
    assert not [part for part in doc._branches(answers._OVER_COST.pattern) if not part[:1].isalpha()]


def test_the_first_question_cue_is_the_first_whose_pattern_matches():
    # answers._first_cue finds which cue words an answer holds in one pass (an automaton, overlaps included) and
    # tries only the cues holding one; the plain form searches every cue's pattern in order. (No "’": a cue's
    # lower-case twin reads it as "'", so "n’t" before a word is read as "n't" there.)
    from foi_analysis.extract import answers

    def plain(cues, text):
        return next((name for name, rx in cues if rx.search(text)), None)

    assert answers._question_cue("The names are withheld under section 40(2).") == "exempt"  # ("withheld" holds "held": not_held's word)
    assert answers._question_cue("This information is not held.") == "not_held"
    assert answers._question_cue("There were 12 deployments.") is None
    before = [b for b in _BEFORE_CUES if "’" not in b]
    texts = [b + p for p in _CUE_PHRASES for b in before[::3]]
    words = sorted({w for p in _CUE_PHRASES for w in p.split()} | {b.strip() for b in before})
    texts += _random_texts([w + " " for w in words] + words + [".", ";"], 4000, 12)
    texts += [" ".join(texts[k: k + 12]) for k in range(0, 2000, 12)]  # (long answers, read around their words)
    for text in texts:
        assert answers._question_cue(text) == plain(answers.QUESTION_CUES, text), text
        assert answers._group_cue(text) == plain(answers._GROUP_CUES, text), text


def test_ncnd_of_what_else_is_held_asked_only_where_its_last_words_stand():
    # answers._ncnd_for_the_rest skips _NCND_OTHER when none of "other", "further", "additional" is in the answer (every
    # match holds one); the plain form asks the pattern (through _holds) of every answer. Hand-made: "... can neither
    # confirm nor deny that any further information is held" is NCND of the rest; "... neither confirm nor deny
    # whether the information is held" is not.
    from foi_analysis.extract import answers

    def plain(text):
        return answers._holds(answers._NCND_OTHER[1], answers._NCND_OTHER[0], text, doc.lower_same_length(text))

    for text, rest in [("The force can neither confirm nor deny that any further information is held.", True),
                       ("We neither confirm nor deny whether the information is held.", False),
                       ("NCND applies to additional information.", True)]:
        assert answers._ncnd_for_the_rest(text, doc.lower_same_length(text)) is plain(text) is rest, text
    words = ["neither confirm nor deny", "cannot confirm or deny", "NCND", "ncnd", " any", " other", " OTHER", " further", " additional",
             " addıtional", " information", " Information", " held", " that", ".", " x", " "]
    found = 0
    for text in _random_texts(words, 5000, 13):
        assert answers._ncnd_for_the_rest(text, doc.lower_same_length(text)) is plain(text), text
        found += plain(text)
    assert found > 100


def test_citations_begin_where_the_patterns_can_match_as_by_scanning():
    # grounds._citation_starts passes over a needle's place inside a word (the "s." of "requests."): both citation
    # patterns begin "\b(?=[a-z])" there (or at "§"), and "\b" fails after a word character, which for re is an
    # alphanumeric character or "_" (checked here over all of Unicode). Every place the pattern matches at in a
    # unit, scanned, must still be among the starts (random units of citations' words and near-misses inside words).
    from foi_analysis.extract import grounds as g
    from foi_analysis.foia import exemptions as ex

    assert [c for c in map(chr, range(0x110000)) if bool(re.match(r"\w", c)) != (c.isalnum() or c == "_")] == []
    words = ["Section", "section ", "sections", "Sec. ", "s.", "S.", "ss.", "ss ", "s", "§", "§ ", "31(1)(a)", "40", " 12", "2", " and ", ", ",
             "requests.", "bus", "lots", "x_", "Ö", "é", "9", "regulation ", "Regs ", "reg.", "12(4)(b)", " ", ". ", "(", "’"]
    for text in _random_texts(words, 800, 15):
        d = doc.build_doc([text, "", text.upper()])
        for eir, pattern in ((None, ex.CITATION), ("EIR", ex.REGULATION_CITATION)):
            starts = set(g._citation_starts(d, eir))
            for i, u in enumerate(d.units):
                scanned = {d.offsets[i] + k for k in range(len(u)) if pattern.match(u, k)}
                # (a match inside another's words is not a start the cue words give either way: only needles' places count)
                needles = {k for n in (g._REGULATION_NEEDLES if eir else g._CITE_NEEDLES) for k in d.where(n)}
                needles |= {k - 1 for k in needles if k and d.low[k - 1] == "s"}
                assert scanned & needles <= starts, (u, eir)


def test_patterns_ending_on_or_by_match_only_where_the_words_end_so():
    # find_events tries _ANSWERED_ON, _ACKNOWLEDGED_ON, _REQUEST_RECEIVED, _BODY_RECEIVED ("on\s*$") and _AIMS_BY ("by\s*$")
    # only when the lower-cased words before a date, stripped, end in "on" or "by": every match must. Random words
    # before a date, in any case, with the spaces (Unicode's too) and the letters IGNORECASE folds otherwise ("ſ", "K").
    words = ["answered", "Responded to", "REPLIED", "acknowledged", "it", "your request", "request", " which was ", "received", " by ",
             "the Board", "committee", "expect to respond", "aims to reply", " ", "  ", "\t", "\u00a0", "\u2003", "\n", " on", " On", " ON", "on ",
             "By", "BY", "by", "ſ", "K", ".", ",", "x", "o", "n", "Ön", "ОN"]
    rnd = random.Random(16)
    for text in _random_texts(words, 3000, 16) + ["".join(rnd.choice(words) for _ in range(30)) for _ in range(1000)]:
        tail = text.lower().rstrip()
        for rx in (events._ANSWERED_ON, events._ACKNOWLEDGED_ON, events._REQUEST_RECEIVED, events._BODY_RECEIVED):
            assert not rx.search(text) or tail[-2:] == "on", (rx.pattern, text)
        assert not events._AIMS_BY.search(text) or tail[-2:] == "by", text
    # (and the gate is no test that cannot fail: these match)
    assert events._ANSWERED_ON.search("and answered On \u00a0") and events._AIMS_BY.search("We aim to respond in full by\t")
