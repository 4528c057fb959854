"""What was answered: per-question outcomes, tables flattened into "|" lines, the overall outcome.

Vocabularies are those of ``schemas``: a question is disclosed | partially_disclosed | exempt |
ncnd | not_held | publicly_available | answered | not_valid_request; a request is disclosed |
partially_disclosed | refused | ncnd | not_held. A question whose outcome the text does not state
stays None for a person to fill.
"""

from __future__ import annotations

import itertools
import re

import ahocorasick_rs

from ..foia import exemptions as ex
from .doc import (_STATUTE_WORDS, ANSWER_HEAD, ANSWER_INTRO, ENUM, NCND_PHRASES, NCND_WORDS, Doc, answer_headings, asks_question, cue_plan, cue_words, date_line, folds_like_lower, lower_same_length,
                  numbered_paragraphs)
from .events import quote_around, quoted_spans
from .grounds import KEPT_BACK, TOLD_BEFORE, TOLD_BEFORE_WORDS, Found, applies_ground, disclosure_wins, sentences

# ---------------------------------------------------------------------------------------------
# Questions

_QREF = re.compile(r"\b(?:questions?|Qs?|Q['’]s)\s*((?:\d{1,2}[a-z]?\b)(?:(?:\s*(?:,|&|\band\b|to)\s*|\s+)(?:and\s+)?(?:Q\s*)?\d{1,2}[a-z]?\b)*)", re.IGNORECASE)
_QNUM = re.compile(r"\d{1,2}[a-z]?")
_QREF_GATE = re.compile(r"q(?:uestions?|s|['’]s)?\s*\d")

_NCND = re.compile(NCND_PHRASES + r"|NCND(?<!\wNCND)\b", re.I)


def _word_first(words: tuple[str, ...], rest: str = "", not_after: tuple[str, ...] = ()) -> str:
    """``\\b(?:w1|w2|...)rest`` preceded by the lookbehinds ``(?<!x )`` for each x in ``not_after``, written as one
    alternative a word, each beginning with its word and checking what stands before it after it: the same
    matches in the same order. (``re`` tries a pattern's leading assertions at every character of a text; the
    lower-case twin of a pattern each of whose alternatives begins with a fixed character skips to the next
    such character in C, see doc.cue_plan.)"""
    return "|".join(w + rf"(?<!\w{w})" + "".join(f"(?<!{x}{w})" for x in not_after) + rest for w in words)


# (what sets aside the body's "publish ... on its website": denied, or to come)
_NOT_TO_COME = ("not ", "n't ", "will ", "never ", "will also ", "will then ", "will soon ", "will shortly ", "'ll ", "would ", "may ",
                "might ", "could ", "intend to ", "intends to ", "plan to ", "plans to ", "going to ", "expect to ", "expects to ")
QUESTION_CUES = [
    ("not_valid_request", re.compile(r"not (?:a )?valid (?:FOI(?:A)? )?request|not a request for (?:recorded )?information|s(?<!\ws)(?:ection|\.)?\s*84\b", re.I)),
    ("ncnd", _NCND),
    ("not_held", re.compile(r"no(?<!\wno) (?:recorded )?(?:information|data|records?) (?:is |are )?held|" + _word_first(("is", "are", "was"), "(?: therefore| consequently| thus| accordingly)? not held")
                            # ("n\u2019t": the character itself in a pattern leaves it no lower-case twin, see doc._twin_source)
                            + r"|do(?:es)?(?: not|n't|n\u2019t) hold|hold(?<!\whold)s? no\b"
                            "|" + _word_first(("no such",), " (?:information|records?)") + "|" + _word_first(("not recorded", "nil return"), r"\b")
                            + r"|d(?<!\wd)(?:o|oes|id) not record (?:this|that|the|any|such) (?:information|data)\b", re.I)),  # (a search that found nothing)
    ("publicly_available", re.compile(r"public(?:al)?ly available|public domain|already (?:been )?published|available (?:on|at|via|from) (?:our|the) (?:website|link|following)"
                                      # ("The information is available at https://...", "can be found on our website at ...")
                                      r"|available (?:at|via|from|here) ?:? ?(?:https?://|www\.)|"
                                      + _word_first(("is", "are", "was", "were", "has been", "have been"), r" published (?:at|via|from|here) ?:? ?(?:https?://|www\.)")
                                      + r"|can be (?:found|viewed|accessed) (?:on|at|via) (?:our|the|its) (?:website|web site)"
                                      r"|reasonably accessible|otherwise accessible|" + _word_first(("is", "are"), r" published on (?:our|the|its)(?: [\w'’]+)? (?:website|web site|intranet)")
                                      # (the body's own verb: "The council publishes a map ... on its website"; FOIA's s21 is
                                      # the exemption for what is so accessible)
                                      # (not "does not publish", "will publish" (s22's future publication), nor the
                                      # closing note that the body publishes its responses or its disclosure log)
                                      # (nor a publication to come: "will also publish", "intends to publish", "may publish")
                                      + "|" + _word_first(("publish",), r"(?:es)? (?!(?:all |our |its |the |these |such |this )?"
                                                          r"(?:responses?|repl(?:y|ies)|disclosure logs?|requests?|FOI|freedom of information|answers?)\b)"
                                                          r"[^.;]{0,80}?\bon (?:our|its|the)(?: [\w'’]+)? (?:website|web site)", _NOT_TO_COME)
                                      + "|" + _word_first(("exempt",), r" (?:from disclosure )?(?:under|by virtue of) (?:section|s\.?)\s*21\b(?! of the (?!Act|FOIA|Freedom))",
                                                          ("not ", "n't ")), re.I)),
    # (a part taken out of what is given: "redacted", "with the names ... removed under section 40(2)")
    ("partially_disclosed", re.compile(r"redact(?<![\w\[]redact)|" + _word_first(("removed", "blanked out", "obscured"), r" (?:under|by virtue of|in accordance with) (?:section|s\.?\s*\d)",
                                                                                 ("not ", "n't ", "never "))
                                       # (given "with the names of junior staff removed", "with the locations ... removed, as ...")
                                       + "|" + _word_first(("disclosed", "enclosed", "attached", "provided", "released"),
                                                           r"\b[^.;]{0,30}?\bwith (?!(?:no|nothing|none)\b)[^.;]{0,80}?\b(?:removed|taken out|blanked out|withheld)\b"), re.I)),
    ("exempt", re.compile(_word_first(("exempt",), r"\b", ("not ", "n't ")) + "|" + _word_first(("withheld",), r"\b") + "|" + _word_first(("refus",))
                          + r"|cannot be (?:disclosed|released|provided)|not obliged to (?:provide|supply|disclose)"
                          r"|" + _word_first(("withhold",), r"(?:ing)?\b") + "|" + _word_first(("manifestly",), r" unreasonable\b"), re.I)),  # ("the decision to withhold", and the EIR's words)
    ("disclosed", re.compile(r"please (?:see|find) (?:the )?(?:attached|enclosed|below|table)|" + _word_first(("attached", "enclosed"), r"\b"), re.I)),
]
_GROUP_CUES = QUESTION_CUES[:3] + [("exempt", re.compile(_word_first(("exempt",), r"\b") + r"|withheld|refus", re.I)),
                                   # ("It answered question 1 and withheld ... questions 2 and 3": each clause its own)
                                   ("disclosed", re.compile(r"response to|disclos|please see below|answers? to|"
                                                            + _word_first(("answered",), r" (?:questions?|q\s*\d)\b", ("not ", "would ", "could "))
                                                            # ("Questions 1 and 2 are answered in the table below")
                                                            + "|" + _word_first(("is", "are"), r" answered (?:in|by|below|above)\b")
                                                            # ("The figures for questions 1 and 2 are set out in Annex A")
                                                            + "|" + _word_first(("set out", "shown", "listed", "given"),
                                                                                r" (?:below|above|(?:in|at) (?:the |an? )?(?:annex|appendix|table|attached|enclosed|spreadsheet))\b",
                                                                                ("not be ", "cannot be ", "would be ", "could be ", "will be ", "not ", "n't ", "not been ")), re.I))]



# Words every match of each cue holds (lower case): a cue's pattern runs only when one is there.
_CUE_NEEDLES = {
    "not_valid_request": ("valid", "not a request", "84"), "ncnd": ("neither confirm", "confirm or deny", "ncnd"),
    "not_held": ("held", "hold", "no such", "not record", "nil return"), "publicly_available": ("public", "published", "available", "accessible", "publish", "21", "can be found", "can be viewed", "can be accessed"),
    "partially_disclosed": ("redact", "removed", "blanked out", "obscured", "taken out", "withheld"), "exempt": ("exempt", "withheld", "refus", "cannot be", "not obliged", "withhold", "manifestly"),
    "disclosed": ("please", "attached", "enclosed", "response to", "disclos", "answer"),
}


# (a group's "disclosed" has wording of its own: "set out in Annex A")
_GROUP_NEEDLES = {**_CUE_NEEDLES, "disclosed": _CUE_NEEDLES["disclosed"] + ("set out", "shown", "listed", "given")}


# Every match of a cue lies within this many characters before and after one of its words.
_BACK, _AHEAD = 160, 200


def _holds(rx: re.Pattern, needles: tuple[str, ...], text: str, low: str) -> bool:
    """Does ``text`` hold a match of ``rx``, every match of which contains one of ``needles``
    (``low`` is ``text`` lower-cased, same positions)? A short text is searched whole; in a long
    one (an answer that runs on for pages) only around each needle, so the cost stays linear in
    its length whatever the patterns."""
    if len(text) <= _BACK + _AHEAD:
        return _holds_whole(rx, needles, text, low, folds_like_lower(text))
    windows, plan, foldable = 0, cue_plan(rx, needles), folds_like_lower(text)
    for n in needles:
        k = low.find(n)
        if k == -1 or plan[n] is None:
            continue  # (a word not in the text: its plan's part is not made, see doc.CuePlan)
        sub, twin, _ = plan[n]
        while k != -1:
            windows += 1
            if windows * (_BACK + _AHEAD) > 2 * len(text):
                # The windows would cover the text: read it once, by the alternatives that can hold a needle it has
                # (the whole pattern, case-insensitive, costs several times as much: rx.search on the cue of what is
                # published was ~0.2 ms an answer of 600 characters).
                return _holds_whole(rx, needles, text, low, True) if foldable else rx.search(text) is not None
            a, b = max(0, k - _BACK), k + len(n) + _AHEAD
            if twin is None or not foldable:
                if sub.search(text, a, b):
                    return True
            elif m := twin.search(low, a, b):
                if sub.match(text, m.start(), b) or sub.search(text, a, b):
                    return True
            k = low.find(n, k + len(n))
    return False


def _holds_whole(rx: re.Pattern, needles: tuple[str, ...], text: str, low: str, foldable: bool, plan: dict | None = None) -> bool:
    """``_holds`` over the whole text: only the alternatives that can hold a needle the text has (see
    doc.cue_plan, ``plan`` if the caller has it), on the lower-cased text without IGNORECASE where that
    finds the same (several times faster). The same as ``rx.search(text)`` when ``foldable`` (see
    doc.folds_like_lower); False, with nothing searched, when no needle is in ``low``."""
    plan, tried = cue_plan(rx, needles) if plan is None else plan, None
    for n in needles:
        if n in low and (p := plan[n]) is not None:
            sub, twin, _ = p
            if tried is None:
                tried = {id(sub)}
            elif id(sub) in tried:  # (by identity: a pattern's hash reads its whole program)
                continue
            else:
                tried.add(id(sub))
            if twin is None or not foldable:
                if sub.search(text):
                    return True
            elif m := twin.search(low):
                if sub.match(text, m.start()) or sub.search(text):  # (a "'" in ``low`` is "’" in the text)
                    return True
    return False


def _first_cue(cues: list[tuple[str, re.Pattern]], needles: dict[str, tuple[str, ...]] = _CUE_NEEDLES):
    """The first cue in the list whose pattern the text holds (cue-gated: plain substring tests first)."""
    gated = [(name, needles[name], rx) for name, rx in cues]
    plans: list[dict | None] = [None] * len(gated)  # each cue's plan (see doc.cue_plan), made when first needed
    # Which of the cues' words a text holds, found in one pass (overlaps too: "held" in "withheld"), not by a
    # substring test a word (~40) and a call a cue.
    words = sorted({w for _, ws, _ in gated for w in ws})
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)

    def first(text: str, low: str | None = None) -> str | None:
        low = lower_same_length(text) if low is None else low
        present = {words[k] for k, _, _ in automaton.find_matches_as_indexes(low, overlapping=True)}
        if not present:
            return None
        if len(text) <= _BACK + _AHEAD:
            # (a short text: searched whole, see _holds)
            foldable = folds_like_lower(text)
            for k, (name, needles, rx) in enumerate(gated):
                if present.isdisjoint(needles):
                    continue
                if (plan := plans[k]) is None:
                    plan = plans[k] = cue_plan(rx, needles)
                if _holds_whole(rx, needles, text, low, foldable, plan):
                    return name
            return None
        for name, needles, rx in gated:
            if not present.isdisjoint(needles) and _holds(rx, needles, text, low):
                return name
        return None
    return first


_question_cue = _first_cue(QUESTION_CUES)
_group_cue = _first_cue(_GROUP_CUES, _GROUP_NEEDLES)
_RESPONSE_LABEL = re.compile(r"^(?:(?:Ateb|Ymateb)\s*/\s*)?(?:our |the force'?s |the council'?s )?(?:Response|Answer|Reply)\s*:?\s*", re.I)  # (and "Ateb / Answer:", "Our response:")
_RESPONSE_LABEL_FIRST = "AaYyOoTtRr"  # what a _RESPONSE_LABEL match can begin with (no other character folds to these)
# The paragraph of the requester's rights that closes a letter: "If you are dissatisfied ...", "You may request an internal review ...".
_RIGHTS = re.compile(r"(?:if you (?:are|remain|feel|were) (?:still )?(?:dissatisfied|unhappy|unsatisfied|not (?:satisfied|happy|content))|you (?:may|can|have the right to) (?:request|ask for|apply for) an? (?:internal )?review)\b", re.I)
_POINTER = re.compile(r"\b(?:refer|see|above|below|answer)\b", re.IGNORECASE)
_NOT_KNOWN = re.compile(r"\W*(?:unknown|not known)\W*$", re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"\W*(?:n/?a|not applicable)\W*$", re.IGNORECASE)
# A question and its answer numbered without punctuation, or an answer numbered as its question:
# "Q1 How many ...?" then "A1 The force ran ...", "Answer 1: We are withholding ...".
# (and a worded heading on a line of its own, with no stop: "Answer 1", "Response to question 1")
_QA_HEAD = re.compile(r"^(?:(?:Q|A|Answer\s|Response to question\s)\s*(\d{1,2}[a-zA-Z]?)(?:\s*[.:)\-–]\s*|\s+)(?=\S)"
                      r"|(?:Answer|Response to question)\s*(\d{1,2}[a-zA-Z]?)\s*[.:\-–]?\s*$)")
# (a nil or a count told in words is a fact too: "No footage has been shared", "None of the cameras use it", "Nine local
# authorities took part"; not what can or would be, "No stops outside its scope can occur as ...", an explanation; nor
# the rights paragraph's "twenty working days")
_FACTS = re.compile(r"\d|^\s*(?:(?:yes|no)\s*(?:[.,;:]|$)|(?:no\s+[a-z]|none of\b)(?![^.;]{0,120}\b(?:can|could|would|will|may|might|should)\b))",
                    re.IGNORECASE)
# (its own pattern, tried after _FACTS on the lower-cased text: opening with its words' letters, not "\b", and case-sensitive,
# re skips in C to them; the word's start is asked of each match)
_COUNT_WORD = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+"
                         r"(?!(?:working|calendar|days?|weeks?|months?)\b)[a-z]")


# "one" is a count only after a verb of holding or finding ("holds one assessment", "there was one deployment"): alone it has
# too many other senses ("one of the", "no one", "at one time", "one or more")
_ONE_COUNT = re.compile(r"\b(?:holds?|held|ha[sd]|have|owns?|uses?|used|recorded|records|identified|found|received|ran|conducted|completed"
                        r"|deployed|there (?:is|was|has been|have been))\s+(?:only\s+|just\s+|exactly\s+)?one\s+(?!(?:of|or|and|another|such)\b)[a-z]")


def _counts_in_words(text: str) -> bool:
    low = text.lower()
    return any(m.start() == 0 or not low[m.start() - 1].isalnum() for m in _COUNT_WORD.finditer(low)) or (
        "one " in low and _ONE_COUNT.search(low) is not None)
_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset("please provide could would information request requested copy copies details with that this from have which what "
                    "were there their about under also such these those other being been data number many much does".split())


def _question_refs(text: str, low: str | None = None):
    """``_QREF.finditer(text)`` (``low``: ``text`` lower-cased, same positions, if the caller has it). Where
    IGNORECASE reads ``text`` as lower() does (see folds_like_lower), ``_QREF`` is tried only where ``_QREF_GATE``
    matches the lower-cased text, not at every character (it begins with "\\b"): every match begins there (a
    "q", then "uestion(s)", "s" or "'s", spaces and a digit), and a gate's match holds no other "q"."""
    if "q" not in text and "Q" not in text:
        return  # every _QREF match holds one
    if not folds_like_lower(text):
        yield from _QREF.finditer(text)
        return
    end = 0
    for g in _QREF_GATE.finditer(text.lower() if low is None else low):
        if g.start() >= end and (m := _QREF.match(text, g.start())):
            end = m.end()
            yield m


def question_refs(text: str) -> list[str]:
    """Question numbers a sentence names: "questions 1b, 4, 5, 6, and 9" -> 1b, 4, 5, 6, 9."""
    out: list[str] = []
    for m in _question_refs(text):
        for q in _QNUM.findall(m.group(1)):
            if q not in out:
                out.append(q)
    return out


def enumerated_questions(doc: Doc) -> dict[str, str]:
    """The request's numbered questions, id -> text: the longest run 1, 2, 3 ... (with "1a", "1b")."""
    if numbered_paragraphs(doc):
        return {}
    best: dict[str, str] = {}
    run: dict[str, str] = {}
    best_own = run_own = True  # is the run in the authority's own words (answers), not the request's
    last = last_unit = 0
    letters: dict[str, str] = {}  # items lettered "a)", "b)" with no number before them
    lettered: dict[str, str] = {}
    romans: dict[str, str] = {}  # items numbered "(i)", "(ii)" with no number before them
    roman_run: dict[str, str] = {}

    def lettered_item(letter: str, text: str) -> None:
        """An item "a)" or "Part A" with no number before it: a run a, b, c ... (the longest kept)."""
        nonlocal lettered, letters
        if letter == "a":
            lettered = {}
        if letter == "a" or chr(ord(letter) - 1) in lettered:
            lettered[letter] = text
            if len(lettered) > len(letters):
                letters = lettered

    for i in doc.starting(lambda c: c.isdigit() or c in "QqRrIiCcYy \"“(abcdefghP>"):
        u = doc.units[i]
        if u[0] == ">":
            if not doc.quoted[i] or not (u := u.lstrip("> ")):
                continue
            # ("> 1. Does the force use ...?": the request quoted by an email reply)
        if u[0] == "P":
            # "Part A – a list of ...", "Part B: the number of ...": lettered items, as "a)", "b)"
            m = _PART.match(u) if u[:5] == "Part " else None
            if m and m.end() < len(u) and not last:
                lettered_item(m.group(1).lower(), u[m.end():])
            continue
        if u[0] == "(" and (m := _ROMAN.match(u)) and (not last or i - last_unit <= 2):
            # "(i) Does the force ...?" just under item 2 is "2i", "(ii)" after it "2ii"; with no number before, "i", "ii"
            roman = m.group(1)
            if last and (roman == "i" or f"{last}{_ROMANS[_ROMANS.index(roman) - 1]}" in run):
                run.setdefault(f"{last}{roman}", u[m.end():])
                last_unit = i
            elif not last and (roman == "i" or _ROMANS[_ROMANS.index(roman) - 1] in roman_run):
                if roman == "i":
                    roman_run = {}
                roman_run[roman] = u[m.end():]
                if len(roman_run) > len(romans):
                    romans = roman_run
            continue
        if u[0] in "(abcdefgh" and not (u[0] == "(" and u[1:2].isdigit()):
            # "(a) If so, how many?" just under item 1 is "1a"; "a) how many ..." with no number before is "a".
            m = _LETTERED.match(u)
            if m:
                letter = m.group(1)
                if last and i - last_unit <= 2 and (letter == "a" or f"{last}{chr(ord(letter) - 1)}" in run):
                    run.setdefault(f"{last}{letter}", u[m.end():])
                    last_unit = i
                elif not last:
                    lettered_item(letter, u[m.end():])
            continue
        if u[0] in "\"“":
            if len(u) > 400:
                continue  # (a paragraph, or a whole text saved on one line, is not a question's line)
            u = u[1:]  # a restated request in quotation marks: '"Question 1: How many ...'
        if u[:1] == "(" and u[1:2].isdigit():
            if _STATUTE_WORDS.search(u):
                continue  # ("(1) Information is exempt information if ...": the Act quoted, not a question)
            u = u[1:]  # "(1) How many local authorities ...?"
        if u[:1] in "RrIiCcYy" and not (u.startswith(_OTHER_NUMBERINGS) or u[1:2].isdigit()):
            continue  # ("I can confirm ...": only "Request 1", "Item 2" and the Welsh "C1 / Q1" begin so)
        m = ENUM.match(u)
        if not m:
            b = _BARE_HEAD.match(u) if u[0] in "QqRr" and len(u) < 16 else None
            if b and int(b.group(1)) in (1, last + 1):
                # "Question 1" on a line of its own over "(a) How many ...?" / "(b) ...": its parts are "1a", "1b"
                if b.group(1) == "1" and last != 1:
                    if _longer(run, run_own, best, best_own):
                        best, best_own = run, run_own
                    run, run_own = {}, doc.own(i)
                last, last_unit = int(b.group(1)), i
            continue
        n = int(m.group(1))
        letter = (m.group(2) or m.group(3) or m.group(4) or "").lower()
        if n == 1 and last != 1 and not (letter and letter != "a"):
            if _longer(run, run_own, best, best_own):
                best, best_own = run, run_own
            run, last, run_own = {}, 0, doc.own(i)
        if n == last + 1 or (n == last and letter):
            run.setdefault(f"{n}{letter}", u[m.end():])
            last, last_unit = n, i
    found = run if _longer(run, run_own, best, best_own) else best
    for n in [q for q in found if q.isdigit() and (f"{q}a" in found or f"{q}i" in found)]:
        # "1. Retrospective facial recognition" over "(a) How many ...?": a topic's title, not a question
        if _TITLE.fullmatch(found[n].strip()):
            del found[n]
    if not found and not letters:
        # questions restated unnumbered above their answers (see doc.answer_headings)
        found = {h[0]: doc.units[i] for i, h in enumerate(answer_headings(doc)) if h and not doc.units[i][:1].isdigit()}
        if found:
            return found
    restated = doc.restated
    if len(found) >= 2 and len(restated) == len(found) and not any(ENUM.match(doc.units[i]) for i in restated) \
            and not any(doc.quoted[i] for i in _units_of(doc, found)):
        # The request restated as unnumbered paragraphs (in a box, in italics) and answered below in a
        # numbered list of as many items: the paragraphs are the questions, in order.
        return {str(k): doc.units[i] for k, i in enumerate(restated, 1)}
    return found or (letters if len(letters) >= 2 else {}) or (romans if len(romans) >= 2 else {})


def _longer(run: dict, run_own: bool, best: dict, best_own: bool) -> bool:
    # Of two runs as long, the request's (quoted below an email reply, or the requester's own message)
    # holds the questions; the reply's are its answers ("1. No. ...").
    return len(run) > len(best) or (len(run) == len(best) and best_own and not run_own)


def _units_of(doc: Doc, found: dict[str, str]) -> list[int]:
    """The units whose text ends with a found question's (where a numbered run was read)."""
    texts = set(found.values())
    return [i for i, u in enumerate(doc.units) if u[:1].isdigit() and any(u.endswith(t) for t in texts if t)]


_LETTERED = re.compile(r"\(?([a-h])\)\s*(?=\S)")
# "Part A – ...", "Part B:" (a capital letter, then a dash, colon or stop, or the end of the line: not "Part A of the request")
_PART = re.compile(r"Part\s+([A-H])(?:\s*[:.\-–—]\s*|\s*$)")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
_ROMAN = re.compile(r"\((i{1,3}|iv|vi{0,3})\)\s*(?=\S)")
# The heading of a letter's footnotes, on a line of its own.
_NOTES_HEAD = re.compile(r"(?:Footnotes?|Endnotes?|Notes)\s*:?\s*$")
# An annex's heading, "Annex A - joint deployments", "Appendix 1:": what follows it is no part of the answer above
# (the answer that points to it is read where it points; not "Annex A shows ...", a sentence)
_SEE_ANNEX = re.compile(r"\bsee (?:the (?:table|figures) (?:at|in) )?(annex|appendix)\s+([A-Z]|\d{1,2})\b", re.I)


def _points_to_annex_table(doc: Doc, text: str, annexes: dict[str, int]) -> bool:
    """Does ``text`` point to an annex ("Please see Annex A") that the letter holds, headed on its own line, with a
    table of figures just below its heading? ``annexes``: each annex heading's label ("annex a") -> its unit."""
    m = _SEE_ANNEX.search(text)
    k = annexes.get(f"{m.group(1)} {m.group(2)}".lower()) if m else None
    return k is not None and any("|" in v for v in doc.units[k + 1: k + 4])


def _annex_heads(doc: Doc) -> dict[str, int]:
    """Each annex heading on a line of its own ("Annex A - ...", "Appendix 1:"): its label, lower case -> its unit."""
    out: dict[str, int] = {}
    for k in doc.starting(lambda c: c in "AaSs"):
        if m := _ANNEX_HEAD.match(doc.units[k]):
            out.setdefault(" ".join(m.group(0).lower().rstrip(" -–—:.").split()), k)
    return out


_ANNEX_HEAD = re.compile(r"(?:Annex|Appendix|Schedule)\s+(?:[A-Z]|\d{1,2})\s*(?:$|[-–—:.](?:\s|$))", re.I)
# "Question 1" on a line of its own (its parts lettered below it).
_BARE_HEAD = re.compile(r"^(?:Question|Request|Q)\s*(\d{1,3})\s*[:.]?\s*$", re.I)
# A numbered topic's title: a few words, no question mark, no request ("Please ...").
_TITLE = re.compile(r"(?!please\b)[^?.:;]{3,60}", re.I)
# An answer headed by its letters: "a) 148 cameras ...", "(a) and (b) Not applicable".
_LETTERED_HEAD = re.compile(r"\(?([a-h])\)(?:\s*(?:,|and|&)\s*\(?([a-h])\))*\s*")


_OTHER_NUMBERINGS = ("Request ", "REQUEST ", "request ", "Item ", "ITEM ", "item ", "Cwestiwn ", "CWESTIWN ", "Your request", "Your question",
                     "YOUR REQUEST", "YOUR QUESTION")
_DIGIT = re.compile(r"\d")
_S_DIGIT = re.compile(r"s\.?\s*\d")  # with "sec" and "§": what every citation holds (see ex.CITATION)


# Words quoted in an answer (the complainant's in a decision notice it cites, the requester's) are not its verdict.
_QUOTED_WORDS = re.compile(r"“[^”“]{20,2000}”|\"[^\"]{20,2000}\"")


def _answer_outcome(body: str) -> str | None:
    if "“" in body or '"' in body:
        body = _QUOTED_WORDS.sub("", body)
    low = lower_same_length(body)
    if any(w in low for w in TOLD_BEFORE_WORDS) and TOLD_BEFORE.search(body):
        # ("The original response said the information was not held ...": what a review overturns is no answer)
        body = " ".join(s for s in sentences(body) if not TOLD_BEFORE.search(s))
        low = lower_same_length(body)
    if "limit" in low and _OVER_COST.search(low):
        return None  # an answer refused on cost answers nothing (as a cost refusal of the whole request)
    if _ncnd_for_the_rest(body, low):
        # "... can neither confirm nor deny that any further information is held": the answer is the rest.
        rest = " ".join(s for s in sentences(body) if not _NCND_OTHER[1].search(s))
        return _answer_outcome(rest) if rest.strip() else "ncnd"
    outcome = _question_cue(body, low)
    # A cue named only to be denied is set aside with its sentence, and the rest is the answer:
    # "This information is not available on our website" (split at every sentence end, a figure's too:
    # "... not publicly available. 12 deployments took place."); "No information has been removed under
    # section 40(2)", "Nothing has been redacted" (nothing taken out: given in full when nothing else is said).
    if outcome == "publicly_available" and (rest := _set_aside(_SENTENCE_END.split(body.strip()), _not_there_now)) is not None:
        return _answer_outcome(rest) if rest.strip() else "answered"
    if outcome == "publicly_available" and _withholds_beside(body):
        return "partially_disclosed"
    if outcome == "partially_disclosed" and (rest := _set_aside(sentences(body), _nothing_taken_out)) is not None:
        return _answer_outcome(rest) if rest.strip() else "disclosed"
    if outcome == "not_held" and _gives_what_is_held(body, low):
        return "disclosed"
    if outcome == "not_held" and "with" in low and _withholds(body):
        return "exempt"  # what is held is withheld; that something else is not held does not undo it
    if outcome == "exempt" and disclosure_wins(body, low) and not KEPT_BACK.search(body):
        return "disclosed"  # engaged, and released on the public interest test (grounds.DISCLOSURE_WINS)
    if outcome == "exempt" and "withh" in low and (rest := _set_aside(sentences(body), _withholds_nothing)) is not None:
        return _answer_outcome(rest) if rest.strip() else "disclosed"  # ("The report is enclosed, with no information withheld.")
    if outcome in ("exempt", "ncnd") and _gives_before_withholding(body, outcome):
        return "partially_disclosed"  # (a part given, then the rest withheld, or neither confirmed nor denied)
    if outcome:
        return outcome
    if len(body.split()) <= 25 and ("sec" in low or "§" in low or _S_DIGIT.search(low)) and _relies_on_a_ground(body):
        # "Section 31(1)(a) applies to this information.": a short answer that only applies a ground gives
        # nothing (a longer one may apply it to a part: "... applies to the names in the minutes")
        return "exempt"
    # Figures, dates, a plain yes/no or a few words ("CCTV only.") are recorded information given;
    # an explanation, or a pointer to another answer, is an answer. (Citations and question
    # numbers, taken out first, hold a digit: without one there is nothing to take out.)
    facts = body
    if _DIGIT.search(body) and ("will" in low or " due " in low or " to " in low) and _PROMISED.search(body):
        # "This information will be published on our website in March 2026": the date of something to come
        # is no information given (nor "We will respond to question 3 by 5 June 2025").
        facts = " ".join(part for s in sentences(body) for part in re.split(r"[:;]", s) if not _PROMISED.search(part))
    if _DIGIT.search(facts):
        if "sec" in low or "§" in low or _S_DIGIT.search(low):
            facts = ex.CITATION.sub("", facts)
        if _QREF_GATE.search(low if facts is body else facts.lower()):
            facts = _QREF.sub("", facts)
    if (short := 0 < len(facts.split()) <= 3) and _NOT_KNOWN.match(facts):
        return "not_held"  # "Unknown.", "Not known": nothing recorded to give
    if short and _NOT_APPLICABLE.match(facts):
        return "answered"  # "N/A", "Not applicable": nothing asked for there (the question before was answered no)
    if _FACTS.search(facts) or (0 < len(facts.split()) <= 6 and not _POINTER.search(facts)) or _counts_in_words(facts):
        return "disclosed"
    return "answered" if body.strip() else None


_NCND_OTHER_WORDS = ("other", "further", "additional")  # (every match of _NCND_OTHER holds one, before "information")


def _ncnd_for_the_rest(body: str, low: str) -> bool:
    """Does the answer neither confirm nor deny only what else is held (``_NCND_OTHER``)? Not asked when none
    of its last words is there: most NCND answers hold none, and the pattern reads up to 80 characters after
    every NCND phrase (~60 us an answer)."""
    if folds_like_lower(body) and not any(w in low for w in _NCND_OTHER_WORDS):
        return False
    return _holds(_NCND_OTHER[1], _NCND_OTHER[0], body, low)


def _relies_on_a_ground(body: str) -> bool:
    """Does the answer apply an exemption in its own sentence ("Section 31(1)(a) is engaged", "... applies to
    this information"; not negated, not the cost limit or s14, not s21's pointer, not released on the public
    interest test)?"""
    if disclosure_wins(body, lower_same_length(body)):
        return False
    for sentence in sentences(body):
        for m in ex.CITATION.finditer(sentence):
            cits = ex.parse_citations(m.group(0), strict=False)
            if any(not c.procedural and c.section != "21" for c in cits) and applies_ground(sentence) == 1:
                return True
    return False


# Something to come, promised with its date: "will be published", "is due to be released", "will respond".
_PROMISED = re.compile(r"\b(?:will|shall|(?:is|are) (?:due|expected|planned|scheduled) to|intends? to|plans? to)(?: also| then| now)?"
                       r" (?:be )?(?:publish|release|made available|available|provide|respond|reply|answer|update|issue)", re.I)


# An answer that withholds, in the present ("We are withholding this information under section 22(1)"), not
# a withholding that would be ("if it were held, it would be withheld").
_WITHHOLDS = re.compile(r"\b(?:we are|(?:is|are) being|(?:has|have) been|(?:is|are)) withh(?:olding|eld)\b|\bwe (?:have )?withh(?:e|o)ld\b", re.I)
# Nothing withheld, said in the same words: "No information has been withheld", "nothing has been
# withheld", "We have withheld no information" (a common closing line beside "not held").
_NOTHING_WITHHELD_BEFORE = re.compile(r"\b(?:no|nothing|none|neither|nor)\b", re.I)
_NOTHING_WITHHELD_AFTER = re.compile(r"\s+(?:no|nothing|none)\b", re.I)
# ... or a withholding the body denies: "I do not agree that the force withheld the information".
_DENIED = re.compile(r"\b(?:do|does|did) not (?:agree|accept|consider|believe|think) that\b[^.;]*$", re.I)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def _set_aside(said: list[str], denies) -> str | None:
    """The text of the sentences ``denies`` does not hold, when it holds one; else None."""
    kept = [s for s in said if not denies(s)]
    return " ".join(kept) if len(kept) < len(said) else None


def _clause_before(text: str, m: re.Match, width: int = 80) -> str:
    """The words of a match's own clause before it (back to a stop or comma, at most ``width`` characters)."""
    return re.split(r"[.;:,!?]", text[max(0, m.start() - width): m.start()])[-1]


def _negated(text: str, m: re.Match) -> bool:
    """Whether the clause of a match says it of nothing: "no", "nothing", "none" before it in its
    clause ("No information has been withheld") or "no" just after it ("We have withheld no ...")."""
    return bool(_NOTHING_WITHHELD_BEFORE.search(before := _clause_before(text, m)) or _NOTHING_WITHHELD_AFTER.match(text, m.end())
                or ("not" in before and _DENIED.search(before)))


def _withholds(body: str) -> bool:
    """Whether an answer withholds in the present: a _WITHHOLDS match whose clause does not say that
    nothing is withheld."""
    return any(not _negated(body, m) for m in _WITHHOLDS.finditer(body))


_TAKEN_OUT = dict(QUESTION_CUES)["partially_disclosed"]
_PUBLIC = dict(QUESTION_CUES)["publicly_available"]
# In a clause before "available"/"published": not there now ("not", "no longer", "never") or to come ("will", "due to").
_NOT_NOW = re.compile(r"\b(?:not|no longer|never|will|would|shall|due to|intends? to|plans? to|yet to)\b|n't\b", re.I)


def _withholds_beside(body: str) -> bool:
    """An answer that points to where part is published and withholds another part in a sentence of its own
    ("... published on the planning portal at https://... The supporting statement has been withheld under
    regulation 12(5)(a)"); not the pointer's own "exempt under section 21", nor "No information has been withheld"."""
    # (withheld in so many words: "I am refusing to provide you with the information" beside the pointer is its
    # own refusal, under s21 or FOISA's s25)
    return "withh" in body.lower() and any(not _cue_in("publicly_available", t) and not _ACCESSIBLE_GROUND.search(t) and _withholds(t)
                                           for t in _SENTENCE_END.split(body.strip()))


# The exemption for what is accessible otherwise, in its words or by number (FOIA s21, FOISA s25): the pointer's own.
_ACCESSIBLE_GROUND = re.compile(r"\breasonably (?:obtain|accessible)|\botherwise accessible|\b(?:section|s\.?)\s*2[15]\b", re.I)


def _published_too(body: str) -> bool:
    """An answer that, beside what it does not hold, says where something is published now."""
    low = body.lower()
    return any(n in low for n in _CUE_NEEDLES["publicly_available"]) and any(
        _cue_in("publicly_available", t) and not _not_there_now(t) for t in _SENTENCE_END.split(body.strip()))


_CONDITION = re.compile(r"\W*(?:where|if|when|insofar as|in so far as|to the extent that)\b[^,.;]{0,80},", re.I)


def _may_hold(cue: str, text: str) -> bool:
    """Can ``text`` hold a match of question cue ``cue``? Not when none of its words is there (every match
    holds one, see _CUE_NEEDLES), unless it holds a letter IGNORECASE folds otherwise than lower() does.
    (The cue patterns begin with lookbehinds or "\\b": ``re`` tries them at every character of the text.)"""
    if not folds_like_lower(text):
        return True
    low = lower_same_length(text)
    return any(n in low for n in _CUE_NEEDLES[cue])


_CUE_PATTERNS = dict(QUESTION_CUES)


def _cue_in(cue: str, text: str) -> bool:
    """``bool(pattern.search(text))`` for question cue ``cue``: nothing to search when none of its words is
    there, and a short text by the alternatives that can hold the words it has (see ``_holds_whole``)."""
    rx = _CUE_PATTERNS[cue]
    if not folds_like_lower(text):
        return rx.search(text) is not None
    low, needles = lower_same_length(text), _CUE_NEEDLES[cue]
    if not any(n in low for n in needles):
        return False
    return _holds_whole(rx, needles, text, low, True) if len(text) <= _BACK + _AHEAD else rx.search(text) is not None


def _not_there_now(sentence: str) -> bool:
    """A sentence that names where information is published only to say it is not there, or not yet
    ("This information is not publicly available", "will be available on our website from March")."""
    found = list(_PUBLIC.finditer(sentence)) if _may_hold("publicly_available", sentence) else []
    if found and _CONDITION.match(sentence):
        return True  # "Where information is published, it is exempt under section 21": a rule, said of nothing here
    return bool(found) and all(_NOT_NOW.search(_clause_before(sentence, m, 60)) for m in found)


def _nothing_taken_out(sentence: str) -> bool:
    """A sentence that names taking a part out only to say nothing was ("Nothing has been redacted",
    "no names were removed under section 40(2)", "it has not been redacted")."""
    found = list(_TAKEN_OUT.finditer(sentence)) if _may_hold("partially_disclosed", sentence) else []
    return bool(found) and all(_negated(sentence, m) or re.search(r"\bnot (?:been )?$", sentence[max(0, m.start() - 12): m.start()], re.I)
                               for m in found)


# A closed question ("Does the force use ...?", "Has the council ...?") answered by a sentence that says yes or
# no in the question's own verb ("The force does not use ...", "The council has not ..."): that is a "No."
_CLOSED_QUESTION = re.compile(r"^\W*(?:\(?[0-9]{1,2}[a-z]?[.):]\s*)?(does|do|did|has|have|had|is|are|was|were|can|could|will|would)\s", re.I)
# An answer says yes or no with the question's verb in any person or tense ("Does the College ...?" / "We do not."),
# or with another verb denied ("Can the police view ...?" / "The council does not provide ...").
_AUX_FAMILY = {aux: family for family in ("does|do|did", "has|have|had", "is|are|was|were", "can|could", "will|would") for aux in family.split("|")}
# (not "cannot answer for the council", "is not able to say": no answer)
_VERB_DENIED = re.compile(r"\s(?:does|do|did|has|have|had|is|are|was|were)(?: not|n['’]t)\s(?!able\b|in a position\b|answer|comment|say\b|confirm|speak|respond)")
_NOT_A_FACT = re.compile(r"\b(?:able|unable|possible|position|whether|if)\b", re.I)


def _states_yes_or_no(question: str, answer: str) -> bool:
    m = _CLOSED_QUESTION.match(question)
    if not m:
        return False
    first = next(iter(sentences(answer)), "").strip()
    if len(first.split()) > 30 or first.endswith("?") or "?" in answer[:len(first) + 2] or _NOT_A_FACT.search(first):
        return False  # (a question restated as its answer's heading is no answer)
    low = f" {first.lower()} "
    said = re.search(rf"\s(?:{_AUX_FAMILY[m.group(1).lower()]})(?: not|n['’]t| never)?\s", low) or _VERB_DENIED.search(low)
    return said is not None and not _CLOSED_QUESTION.match(first)


# "would exceed the appropriate limit", "exceeds the cost limit", "the appropriate limit ... would be exceeded"
_OVER_COST = re.compile(r"exceed(?:s|ed|ing)?\b[^.]{0,60}?\b(?:appropriate|cost|upper cost) limit|appropriate limit\b[^.]{0,60}?\bbe exceeded"
                        r"|cost limit\b[^.]{0,60}?\bbe exceeded")  # (each alternative begins with a fixed letter: re skips to it)


# "We hold some of this information. ... there were 23 deployments. Figures for January are not held":
# an answer that gives what is held, saying what is not, gives something (all that is held).
# (said of what is held, not "does not hold information on some of ...")
_HOLDS_SOME = re.compile(r"(?<!not )(?<!n't )\b(?:only )?holds? (?:only )?(?:some|part)\b|\bsome of (?:this|the|that) (?:requested )?information (?:is|was) held"
                         r"|\bpartially held\b|\bheld in part\b", re.I)
_YEAR_OR_ACT = re.compile(r"\b(?:Act|Regulations)\s+\d{4}\b|\b(?:19|20)\d\d(?:/\d\d)?\b")


def _gives_what_is_held(body: str, low: str) -> bool:
    if "some" in low and _HOLDS_SOME.search(body):
        return True
    # the figures given before the answer says what is not held (what follows may be the review paragraph)
    rest = list(itertools.takewhile(lambda t: not _cue_in("not_held", t), sentences(body)))
    facts = _YEAR_OR_ACT.sub("", " ".join(rest))
    if "sec" in low or "§" in low or _S_DIGIT.search(low):
        facts = ex.CITATION.sub("", facts)
    return bool(rest) and _DIGIT.search(facts) is not None


_EXEMPT_CUE = dict(QUESTION_CUES)["exempt"]
_GIVEN = re.compile(r"\b(?:attached|enclosed|disclosed|provided|released)\b|£\s*\d", re.I)
# Who supplied a thing, named: "The supplier is Countwell Analytics Ltd.", "The cameras were supplied by NEC." (a
# capital after the verb: not "The supplier is withheld", "supplied by a third party")
_NAMES_WHO = re.compile(r"\b(?i:(?:supplier|manufacturer|provider|vendor|contractor|developer|maker)s?\s+(?:is|was|are|were)"
                        r"|(?:supplied|manufactured|developed|made|installed|built)\s+by)\s+(?:the\s+)?[A-Z]")


def _withholds_nothing(sentence: str) -> bool:
    """A sentence whose every withholding word says nothing is withheld ("with no information withheld",
    "Nothing has been withheld") and which holds no other cue of an exemption."""
    if "withh" not in sentence.lower():
        return False  # (no match, or one that is not a withholding word)
    found = list(_EXEMPT_CUE.finditer(sentence))
    return bool(found) and all(m.group(0).lower().startswith("withh") and _negated(sentence, m) for m in found)


def _gives_before_withholding(body: str, cue: str = "exempt") -> bool:
    """An answer that gives something before it withholds a part ("The cost of the trial was £84,000. The name
    of the building is withheld under section 24(1)", "A copy of the contract is attached. The pricing schedule
    has been removed because it is exempt"), or before it neither confirms nor denies a part (``cue`` "ncnd":
    "(a) Yes. 37 people were added ... (b) ... can neither confirm nor deny ..."): a figure (not a year, an Act's or
    a section's number), a thing attached, or who supplied it ("The supplier is Countwell Analytics Ltd.") in the
    sentences before the first that withholds. (Not "Yes. The information is held. It is exempt": to confirm what
    is held gives nothing of it.)"""
    said = sentences(body)
    before = list(itertools.takewhile(lambda t: not _cue_in(cue, t), said))
    if not before or len(before) == len(said) or _WHOLLY.search(said[len(before)]):
        return False  # (nor "We hold 14 emails. These are withheld in full": what is counted is all withheld)
    # (not the burden of answering, counted before a refusal as manifestly unreasonable: "The cameras captured about
    # 41 million records, and each would need to be reviewed"; "We estimate that this would take 9,000 hours")
    said = " ".join(s for s in before if "ould" not in s or not _BURDEN.search(s))
    if re.search(r"\b(?:not|no|cannot|can't|unable)\b", said, re.I):
        return False  # ("We cannot provide the 2 reports attached ...": what is not given)
    if _GIVEN.search(said) or _NAMES_WHO.search(said):
        return True
    facts = _YEAR_OR_ACT.sub("", said)
    if "sec" in facts.lower() or "§" in facts or _S_DIGIT.search(facts.lower()):
        facts = ex.CITATION.sub("", facts)
    if _QREF_GATE.search(facts.lower()):
        facts = _QREF.sub("", facts)
    return _DIGIT.search(facts) is not None


_WHOLLY = re.compile(r"\b(?:withheld|exempt|withhold(?:ing)?|refused)\b[^.;]{0,40}?\b(?:in full|in (?:its|their) entirety|entirely|in whole)\b"
                     r"|\b(?:all|each|every one) of (?:them|these|those|it|this)\b[^.;]{0,20}?\b(?:is|are|has been|have been) (?:withheld|exempt)\b", re.I)
_BURDEN = re.compile(r"\bwould (?:need|have to|take|require|cost|involve)\b", re.I)


_CLAUSE_BREAK = re.compile(r";|,?\s+(?:and|but|while|whereas)\s+|,\s+")


def _clauses(sentence: str) -> list[str]:
    """A sentence that names questions in separate places, cut between them at a clause break, so that
    each part says its own ("disclosed the number for question 1 and withheld the answer to question 2")."""
    refs = list(_question_refs(sentence))
    if len(refs) < 2:
        return [sentence]
    out, start = [], 0
    for a, b in zip(refs, refs[1:]):
        breaks = list(_CLAUSE_BREAK.finditer(sentence, a.end(), b.start()))
        if breaks:
            out.append(sentence[start: breaks[-1].start()])
            start = breaks[-1].end()
    return out + [sentence[start:]]


def own_words(questions: dict[str, str]) -> dict[str, set[str]]:
    """Each question's own words: those no other question uses (common request words aside)."""
    words = {q: set(_WORD.findall(t.lower())) - _COMMON for q, t in questions.items()}
    return {q: w - set().union(*(v for k, v in words.items() if k != q)) for q, w in words.items()}


def _match_questions(text: str, own: dict[str, set[str]]) -> list[str]:
    """Questions whose own words (see ``own_words``) an answer repeats, two or more."""
    low = text.lower()
    # Every word the text says is in it as a substring: a question two of whose own words are not both
    # there cannot match, and most text after a table (a whole thread's, when a letter is saved twice)
    # matches none. Only then are its words read out (a findall and a set of every word in it).
    if not any(sum(w in low for w in words) >= 2 for words in own.values()):
        return []
    said = set(_WORD.findall(low))
    return [q for q, w in own.items() if len(w & said) >= 2]


# An answer that opens by pointing to a note: "See note [1].", "Please see footnote 2 below."
_SEE_NOTE = re.compile(r"(?:please )?see (?:the )?(?:foot)?note\s*\[?(\d{1,2})\]?(?: below)?\s*(?:\.|$)", re.I)


def _note(doc: Doc, n: str) -> str | None:
    """The text of note ``n``: a paragraph opening "[1]", "1." is not one (a numbered answer), "Note 1:" is."""
    marks = (f"[{n}]", f"note {n}", f"note [{n}]")
    return next((u for i, u in enumerate(doc.units) if u[:1] in "[Nn" and u[:10].lower().startswith(marks) and doc.own(i)), None)


_ANY_WORD = re.compile(r"\w+")


def _restates(rest: str, asked: str) -> bool:
    """Does a numbered unit's text restate its question (all of it, or a heading's first words of it), rather than
    answer in the question's own words ("3. The Museum's assessment for the sensors is published ..." under "3. The
    Museum's assessment for the cameras.")? Word for word, one a prefix of the other; and a unit that goes on past
    the whole question does so after a stop ("How many vans? Kent Police has 4."), not straight on ("The force's
    policy for the cameras is published ...")."""
    if rest.lower() == asked.lower():
        return True  # (the question restated as the request printed it: most restatements)
    words = _ANY_WORD.findall(asked.lower())
    said = list(itertools.islice(_ANY_WORD.finditer(rest.lower()), len(words) + 1))  # (an answer may be long: its first words)
    k = min(len(said), len(words))
    if [m.group() for m in said[:k]] != words[:k]:
        return False
    return len(said) <= k or any(c in ".?!:;" for c in rest[said[k - 1].end(): said[k].start()])


def the_one_answer(doc: Doc, asked_at: int) -> str | None:
    """The outcome of the answer to a request of one unnumbered question that ends at unit ``asked_at``
    (restated, or told in the reply's sentence): the response's own lines after it, up to its sign-off
    or the rights paragraph ("You asked how many deployments ... / There were 12 deployments." gives the
    figure). Only what gives something counts here: figures, a part given, a pointer to where it is
    published (a refusal or "not held" is read by the response's own words first)."""
    signs = set(doc.sign_offs())
    answer = []
    for i in range(asked_at + 1, len(doc.units)):
        u = doc.units[i]
        if i in signs or (u[:1] in "IYy" and _RIGHTS.match(u)):
            break
        seg = doc.segments[doc.segment_of[i]]
        if seg.kind not in ("response", "review_response", None) or seg.role == "requester":
            break  # (the next message, or an acknowledgement's "We will respond by ...")
        if doc.own(i):
            answer.append(u)
    outcome = _answer_outcome(" ".join(answer)) if answer else None
    return outcome if outcome in ("disclosed", "partially_disclosed", "publicly_available") else None


_LABEL_ROW = re.compile(r"\s*(?:(?:the |our |your )?(?:request|response|answer|reply|question|information requested)s?)\s*\|\s*", re.I)


def _given_below(doc: Doc, heads: list, i: int, asked: str) -> bool:
    """Is numbered unit ``i``, read as a question, an answer? A request told in prose and its answers numbered ("Your
    request asked how many ... and whether ..." / "The information is now provided:" / "1. Three of the 11 drones ...")
    numbers only the answers, so they are read as the questions: an item that asks nothing, in a run introduced by a
    line that gives (one the disclosure rule ``_DISCLOSED`` reads: "... is now provided:", "Please find the information
    below:"), is the answer. A run under words that give nothing ("They ask for:") stays the request."""
    if asks_question(asked) or asked.rstrip().endswith("?"):
        return False
    j = i - 1
    while j >= 0 and heads[j] is not None and i - j < 40:
        j -= 1  # (the items above this one, to the line that introduces them)
    intro = doc.units[j].rstrip() if j >= 0 else ""
    if not intro.endswith(":") or not doc.own(j):
        return False
    last = sentences(intro)[-1]  # (the sentence that introduces them, not what its paragraph said before)
    return _DISCLOSED[1].search(last) is not None


def find_questions(doc: Doc, enumerated: dict[str, str], found: list[Found], tables: list[dict],
                   notes: list[str] | None = None) -> list[dict]:
    """Per-question outcomes: an answer's own text first, then a sentence that groups questions
    ("In relation to questions 1b, 4 ... exempt"), then the grounds cited for them. ``notes`` gets a
    warning for an answer whose one outcome leaves out what another part of it says."""
    # (the units that name a question)
    refs_in = {i for i in doc.gated_units(_QREF_GATE) if next(_question_refs(doc.units[i], doc.unit_low(i)), None)}
    specific: dict[str, str] = {}
    group: dict[str, str] = {}
    mentioned: list[str] = []
    current: list[str] | None = None
    current_at, reviewed = 0, set()  # the unit that heads the current answer; questions a review answers
    answer: list[str] = []
    in_table = after_table = False
    own = None  # the questions' own words, when an answer after a table needs them
    signs = set(doc.sign_offs())

    annexes = None  # (the annexes' headings, found when an answer first points to one)

    def close():
        nonlocal annexes
        if current is not None:
            text = " ".join(answer)
            if not in_table and "note" in text[:200].lower() and (m := _SEE_NOTE.match(text)):
                text = _note(doc, m.group(1)) or text  # "See note [1]": the note, printed apart, is the answer
            outcome = "disclosed" if in_table else _answer_outcome(text)
            if outcome == "not_held" and notes is not None and _published_too(text):
                # One answer, two parts: "does not hold a total ... The policy is published at https://...". Which
                # part the question asked for is a reader's call (the published item may be another thing than
                # what was asked), so it stays not held, and is flagged.
                notes.append(f"question {', '.join(current)}: read as not held, but the answer also points to where "
                             "something is published: check which part was asked for")
            if outcome == "answered" and _states_yes_or_no(enumerated.get(current[0], ""), text):
                outcome = "disclosed"
            if outcome == "answered" and ("annex" in (low := text.lower()) or "appendix" in low):
                if annexes is None:
                    annexes = _annex_heads(doc)
                if _points_to_annex_table(doc, text, annexes):
                    outcome = "disclosed"  # ("Please see Annex A.", and Annex A is a table of figures)
            # A review's answer replaces the response's ("Question 2: ... the list is attached").
            review = doc.segments[doc.segment_of[current_at]].kind == "review_response"
            for q in current if outcome else []:
                if specific.get(q) in (None, "answered") or (review and q not in reviewed):
                    specific[q] = outcome
                    if review:
                        reviewed.add(q)

    heads = answer_headings(doc)
    units = doc.authority_units()
    # A question restated just above its labelled answer ("Request 1: ..." / "Response: ...") is read as
    # part of the restated request (quoted), but it heads that answer.
    inline = [(i, doc.units[i]) for i in itertools.compress(range(len(heads)), heads) if doc.quoted[i] and i + 1 < len(doc.units) and doc.own(i + 1)
              and (m := _RESPONSE_LABEL.match(doc.units[i + 1])) and m.end() < len(doc.units[i + 1])]  # (a label with its answer)
    # So does a question restated unnumbered above its answer (doc._asked_above_answers).
    inline += [(i, doc.units[i]) for i in itertools.compress(range(len(heads)), heads) if doc.quoted[i] and i + 1 < len(doc.units)
               and doc.own(i + 1) and (asks_question(doc.units[i]) or doc.units[i][:1] == ">") and (i, doc.units[i]) not in inline]
    if inline:
        units = sorted(units + inline)
    for i, u in units:
        head = heads[i]
        qa_head = 0
        first = u[:1]
        if head is not None or not enumerated:
            pass  # (the headings below are of numbers the request has)
        elif first in "QAR" and (m := _QA_HEAD.match(u)) and (qid := (m.group(1) or m.group(2)).lower()) in enumerated:
            head = [qid]  # "Q1 How many ...?" / "A1 The force ran ...", "Answer 1: ..." (a number the request has)
            qa_head = m.end()  # (its number is no figure of the answer's: "A2. This information is not held.")
        elif first in "(abcdefgh" and (m := _LETTERED_HEAD.match(u)):
            # "(a) and (b) Not applicable" under answer 1 answers 1a and 1b; "b) ..." answers a request lettered "b)"
            # (with no answer open, the question heading just above, restated with its parts: "Question 1" /
            # "(a) ...?" / "(b) ...?" / "Answer:" / "(a) ...")
            above = current or next((heads[j] for j in range(i - 1, max(-1, i - 8), -1) if heads[j]), None)
            number = re.match(r"\d*", above[0]).group() if above else ""
            ids = [number + x for x in re.findall(r"\(?([a-h])\)", m.group(0))]
            if ids and all(q in enumerated for q in ids):
                head = ids
        elif u[:5] == "Part " and (m := _PART.match(u)) and m.group(1).lower() in enumerated:
            head = [m.group(1).lower()]  # "Part A" over its answer, or "Part A: ..." heading it
        if head is None and first == "(" and enumerated and (m := _ROMAN.match(u)):
            number = re.match(r"\d*", current[0]).group() if current else ""
            if number + m.group(1) in enumerated:
                head = [number + m.group(1)]  # "(ii) If so, ..." under answer 2i answers 2ii; "(ii)" answers a request's "(ii)"
        if head:
            close()
            current, in_table, after_table, current_at = head, False, False, i
            mentioned += current
            # The heading restates the question ("Q1 - Where is LFR used") or begins the answer.
            # (what follows the heading's own match: each pattern matched once, not matched and then substituted)
            if not qa_head and (m := ANSWER_HEAD.match(u) or (u[:5] == "Part " and _PART.match(u)) or (first in "(abcdefgh" and _LETTERED_HEAD.match(u))
                                or (first == "(" and _ROMAN.match(u)) or ANSWER_INTRO.match(u)):
                qa_head = m.end()
            rest = u[qa_head:].strip() if first != ">" else ""  # (a quoted question, "> 2. How many ...?", is no answer)
            asked = enumerated.get(head[0], "")
            answer = [] if not rest or (rest[:30].lower() == asked[:30].lower() and _restates(rest, asked)
                                        and not _given_below(doc, heads, i, asked)) else [rest]
            continue
        if first == "+" and in_table and _BORDER.fullmatch(u):
            continue  # (an ASCII table's rule between its rows)
        if "|" in u:
            if not u.strip("| ") or _LABEL_ROW.fullmatch(u):
                # a cell's end on a line of its own, or a label cell over a cell of paragraphs ("Response |" /
                # "1. ..." / "3. ..." / "|"): no row of a table
                continue
            in_table = in_table or current is not None
        elif in_table:
            # Text after a table answers no question in particular: match it by the words it repeats.
            close()
            current, in_table, after_table = None, False, True
        if current is not None:
            if first in _RESPONSE_LABEL_FIRST and _RESPONSE_LABEL.match(u):
                answer = [_RESPONSE_LABEL.sub("", u)]
                continue
            if i in signs or (first in "IYy" and _RIGHTS.match(u)) or (first in "FEN" and _NOTES_HEAD.match(u)) or (u[:3].lower() in ("ann", "app", "sch") and _ANNEX_HEAD.match(u)):
                # (nor do the footnotes under the answers: each is read where its mark is, see grounds._footnoted)
                # (the rights paragraph every letter closes with answers no question: its "40 working days" is no figure)
                close()
                current = None
                continue
            answer.append(u)
        if i in refs_in:
            for sentence in sentences(u):
                k = _group_cue(sentence)
                for clause in _clauses(sentence) if k else []:
                    kc = _group_cue(clause) or k
                    for q in question_refs(clause):
                        group.setdefault(q, kc)
        elif after_table and enumerated:
            if own is None:
                own = own_words(enumerated)
            matched = _match_questions(u, own)  # the cheaper test first: most text matches no question
            k = _answer_outcome(u) if matched else None
            if k not in (None, "answered"):
                for q in matched:
                    group.setdefault(q, k)
    close()
    for t in tables:
        if t.get("question"):
            specific.setdefault(t["question"], "disclosed")
    for f in found:
        for q in f.questions:
            if f.stage == "response" and q not in specific and q not in group and f.section not in ("12", "14"):
                group[q] = "ncnd" if f.ncnd else ("not_valid_request" if f.section == "84" else "exempt")

    ids = list(enumerated)
    for q in mentioned + list(group) + list(specific):
        if q not in ids and re.fullmatch(r"\d{1,2}[a-z]?|[a-h]", q):
            ids.append(q)
    # "1a" and "1b" replace a plain "1" met elsewhere, not one the request itself numbers.
    ids = [q for q in ids if q in enumerated or not (q.isdigit() and any(o != q and o.startswith(q) and not o[len(q):].isdigit() for o in ids))]
    ids.sort(key=lambda q: (int(re.match(r"\d*", q).group() or 0), q))
    out = []
    for q in ids:
        outcome = specific.get(q)
        if outcome in (None, "answered"):
            outcome = group.get(q, outcome)
        out.append({"question": q, "outcome": outcome})
    return out


# ---------------------------------------------------------------------------------------------
# Tables flattened into lines with "|": a row per line ("a | b | c") or a cell per line ("a |").

# (a year's "Information not held" in a table of figures is a cell of it too; so is a small figure
# suppressed, "<5", "*", or the statistical "[c]" and "[x]")
_DATA_CELL = re.compile(r"^\s*(?:[-+£$]?\d[\d,.]*\s*%?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|n/?a|nil|none|yes|no|-|[<>≤]\s*\d[\d,]*|\*{1,3}|\[[cxz]\]"
                        r"|(?:information |data )?not (?:held|recorded))\s*$", re.IGNORECASE)


def tab_tables(text: str) -> str:
    """A table pasted from a spreadsheet or a word processor (cells split by tabs) as "|" rows: a run of
    two or more lines with the same number of tab-split cells whose rows after the first each end in
    a figure ("2021/22<tab>350<tab>96"). Other tabs (a label's tab stop, "Sent:<tab>15 January 2025")
    are left to become spaces."""
    lines = text.split("\n")
    k, n = 0, len(lines)
    while k < n:
        width = len(lines[k].strip("\t ").split("\t")) if "\t" in lines[k] else 0
        j = k + 1
        while width > 1 and j < n and "\t" in lines[j] and len(lines[j].strip("\t ").split("\t")) == width:
            j += 1
        rows = [[c.strip() for c in line.strip("\t ").split("\t")] for line in lines[k:j]]
        if j - k >= 2 and all(_DATA_CELL.match(row[-1]) for row in rows[1:]):
            for r in range(k, j):
                lines[r] = " | ".join(rows[r - k])
        k = j
    return "\n".join(lines)


def find_tables(doc: Doc) -> list[dict]:
    if "|" not in doc.text:
        return []  # no unit holds a cell
    tables = []
    i, n = 0, len(doc.units)
    question = None
    heads = answer_headings(doc)
    while i < n:
        u = doc.units[i]
        question = (heads[i] or [question])[0]
        if "|" not in u or doc.quoted[i]:
            i += 1
            continue
        j = i
        while j < n and ("|" in doc.units[j] or (doc.units[j][:1] == "+" and _BORDER.fullmatch(doc.units[j]))):
            j += 1
        rows = [[c.strip() for c in doc.units[k].split("|")] for k in range(i, j) if "|" in doc.units[k]]
        rows = [r[:-1] if r and r[-1] == "" else r for r in rows]
        rows = [r[1:] if r and r[0] == "" else r for r in rows]
        table = _shape(rows)
        if table and len(table[0]) == 2 and not any(c.isdigit() for c in table[0][0]) and (date_line(table[0][1]) or _dated_fields(table[1])):
            table = None  # "Date received | 2 June 2025": a record's labelled fields, no header over figures
        if table:
            columns, body = table
            heading = " ".join(doc.units[max(0, i - 2): i] + columns).lower()
            tables.append({"kind": "blue_list" if "blue list" in heading else None, "question": question,
                           "columns": columns, "rows": body})
        i = j
    return tables


# A table drawn in ASCII: its rules between the rows ("+-------+------+", "+=====+")
_BORDER = re.compile(r"\+(?:[-=]+\+)+")


def _dated_fields(body: list[list[str]]) -> bool:
    """Rows of labelled fields under a first row that is one too ("Request reference | UON-FOI-2025-118", then
    "Date received | 17 February 2025"): every label without a figure, and each date labelled a date (not a
    "Location | Date" table, whose rows name places)."""
    dated = [r for r in body if len(r) == 2 and date_line(r[1])]
    return bool(dated) and all(not any(c.isdigit() for c in r[0]) for r in body) and all(_DATE_LABEL.search(r[0]) for r in dated)


# What labels a date in a record's fields: "Date received", "Request received", "Response sent", "Published".
_DATE_LABEL = re.compile(r"\b(?:date|received|sent|responded|replied|published|closed|opened|logged|issued|due)\b", re.I)


def _shape(rows: list[list[str]]) -> tuple[list[str], list[list[str]]] | None:
    if all(len(r) <= 1 for r in rows):
        # A cell per line: the header is the run of cells before the first cell that holds data.
        cells = [r[0] if r else "" for r in rows]
        width = next((k for k, c in enumerate(cells) if _DATA_CELL.match(c)), 0)
        if width < 2 or (len(cells) - width) % width:
            return None
        return cells[:width], [cells[k: k + width] for k in range(width, len(cells), width)]
    width = len(rows[0])
    if len(rows) < 2 or width < 2:
        return None
    body = [r + [""] * (width - len(r)) if len(r) < width else r[:width] for r in rows[1:] if not all(set(c) <= set("-: ") for c in r)]
    return rows[0], body


# ---------------------------------------------------------------------------------------------
# The overall outcome

_WDTK_STATUS = [
    ("partially_disclosed", re.compile(r"The request was partially successful", re.I)),
    ("disclosed", re.compile(r"The request was successful", re.I)),
    ("not_held", re.compile(r"did not have the information requested|The request (?:was|is) not held|Information not held", re.I)),
    ("refused", re.compile(r"The request was (?:refused|rejected)", re.I)),
]
# (words every match contains, pattern): see Doc.search. (The words as long as every match allows, "is held" not "held":
# a window is read around each place one stands, and "held", "exempt" or "withheld" stand in most letters, in no match.)
_PARTIAL = ("disclose some", "disclose part", "partial", "been withheld", "being withheld", "be withheld", "was withheld", "provided in part",
            "remainder of", "rest of"), re.compile(r"decided to disclose (?:some|part)|disclose (?:some|part) of the (?:requested )?information|\bpartial(?:ly)? (?:disclos|release)"
                      r"|some (?:of the )?(?:requested )?(?:information|data) (?:has been|is being|will be|was) withheld|\bprovided in part"
                      # (a ground relied on "for the remainder of your request": the rest was answered)
                      r"|(?<!not )(?<!n't )\b(?:relying|rely|relies|relied|applies|apply|applying|refus\w*|withh\w*|exempt)\b[^.]{0,60}\b(?:for|to) the (?:remainder|rest) of (?:your|the|this) request\b", re.I)
_REFUSED = ("decided", "refus", "entirety", "full", "comply with", "not obliged"), re.compile(r"decided (?:not to disclose|to withhold|to refuse)|(?:request|it) is (?:therefore )?refused|refus(?:e|ing) (?:your|this|the) request"
                      r"|exempt (?:from disclosure )?in (?:its )?(?:entirety|full)|(?:cannot|will not|unable to) comply with (?:your|this|the) request"
                      # (not s1(3)'s "not obliged to comply with your request until we have the information needed")
                      r"|not obliged to (?:comply|provide|supply|disclose)(?: with (?:your|this|the) request(?!\s+until\b)|(?! with (?:your|this|the) request))", re.I)
_DISCLOSED = ("decided to disclose", "please see", "please find", "i attach", "is attached", "are attached", "is enclosed", "are enclosed", "below", "in full", "as follows",
              "releasing", "disclosing", "can disclose", "am pleased to", "are pleased to", "am able to", "are able to", "is now ", "are now "), re.compile(r"decided to disclose (?:the|all)|\b(?:I|we) can disclose (?:that|the)\b"
                        r"|\b(?:I am|we are) (?:pleased|able) to (?:provide|disclose|supply|release)\b|\b(?:are|am|is) (?:releasing|disclosing) (?:all )?(?:of )?the (?:requested )?information|please (?:see|find) [^.]{0,50}?\b(?:attached|enclosed|below|table)|\bI attach\b|(?:is|are) (?:attached|enclosed)"
                        r"|information\b[^.\n]{0,60}\b(?:is|are) (?:provided|shown|set out|listed) (?:in the table )?below|(?:provided|disclosed|released) in full"
                        # ("It is provided below: 12 deployments", "The figures are set out below"; not "Your rights are set out below")
                        r"|\b(?:it|this|these|they|figures|data|numbers|totals|details of the deployments) (?:is|are) (?:provided|shown|set out|listed|given) (?:in the table )?below"
                        r"|(?:my|our) response is as follows|answers? (?:to your questions )?(?:is|are) (?:provided )?below"
                        # (a review that overturns the refusal: "The information is now provided:", "it is now disclosed")
                        r"|\b(?:information|it|this|they|these|figures|data)\b[^.;]{0,40}?\b(?:is|are) now (?:being )?(?:provided|disclosed|released|given)\b", re.I)
_WITHHELD = ("redact", "withheld", "exempt from disclosure"), re.compile(r"(?<!\[)\bredact|\bwithheld\b|\bexempt from disclosure\b", re.I)
NCND = ("neither confirm", "confirm or deny", "ncnd"), _NCND
_NCND_OTHER = ("neither confirm", "confirm or deny", "ncnd"), re.compile(r"(?:" + NCND_WORDS + r"|NCND)\b[^.]{0,80}\b(?:any )?(?:other|further|additional) information", re.I)
# (what is not held: information, data, records or documents, not "data protection" or "records management")
_HELD_NOUN = r"(?:information|data(?! protection)|records?(?! management)|documents?|documentation)\b"
_NOT_HELD = ("not hold", "not held", "is held", "are held", "was held", "were held", "holds no", "hold no", "has no", "have no"), re.compile(
    r"(?:does|do) not hold (?:any (?:of the )?|the |this |that )?(?:recorded )?" + _HELD_NOUN + r"|(?:does|do) not hold (?:it|them)\b(?! to be)|no (?:recorded )?" + _HELD_NOUN
    + r" (?:is|are|was|were) held|the (?:recorded )?information (?:is|was) not held"
    r"|information (?:you requested |requested )?(?:is|was) not held|\bholds? no (?:recorded )?" + _HELD_NOUN
    # "We have no data relating to this", "The force has no records of ..." (not "no further information")
    + r"|\b(?:we|force|council|service|it) (?:has|have) no (?:recorded )?" + _HELD_NOUN, re.I)


cue_words(_PARTIAL[0], _REFUSED[0], _DISCLOSED[0], _WITHHELD[0], NCND[0], _NCND_OTHER[0], _NOT_HELD[0])

# One statement that nothing asked for is held answers every question: "We do not hold any of the
# information you have requested", "None of the requested information is held".
NOTHING_HELD = ("not hold any", "not hold the", "n't hold any", "n’t hold any", "n't hold the", "n’t hold the", "none of the", "information is held", "holds no", "requested is not held",
                "requested was not held", "no information", "no recorded", "no records", "not record"), re.compile(
    # ("does not hold any briefing note": what is not held may be named, but not "any other/further ...")
    r"(?:does|do)(?: not|n't|n\u2019t) hold any (?:of the |of this )?(?:recorded )?(?:information|data|records)\b(?! other)"
    r"|(?:does|do)(?: not|n't|n\u2019t) hold any (?!(?:other|further|additional|more|of|information|data|records)\b)[a-z]+"
    r"|\b(?:the )?information (?:you (?:have )?)?requested (?:is|was) not held"
    # "Lincolnshire County Council does not hold the information you have requested"
    r"|(?:does|do)(?: not|n't|n\u2019t) hold the (?:recorded )?information (?:that )?you (?:have )?(?:requested|asked for|seek)\b"
    r"|none of the (?:requested )?(?:information|data|records) (?:you (?:have )?(?:requested|asked for|seek) )?(?:is|are|was|were) held"
    r"|no (?:recorded )?information is held (?:in relation to|for|about) (?:any|all|your|this)|\bholds no (?:recorded )?information (?:in relation to|for|about) (?:any|all|your|this)"
    # Other ways to say it of the whole request: "No information falling within the scope of your request
    # is held", "There is no information held on this subject", "we have found no information relevant
    # to your request", "The force has no records of ...", "The force does not record this information".
    r"|\bno (?:recorded )?information\b[^.;]{0,60}?\b(?:is|was|are|were) held\b|\bno (?:recorded )?information held\b"
    r"|\b(?:found|located|identified|traced) no (?:recorded )?(?:information|records)\b|\b(?:has|have) no (?:recorded )?(?:information|records)\b"
    r"|\b(?:does|do) not record (?:this|that|the|any|such) (?:information|data)\b",
    re.I)
cue_words(NOTHING_HELD[0])
# (the verdicts an earlier response may be told to have given: see _recounts_earlier_response)
_RECOUNTABLE = {_NOT_HELD[0], NOTHING_HELD[0], _WITHHELD[0], _REFUSED[0]}
# The authority's verdict on a labelled line: "Outcome: Information not held", "Decision - partially disclosed".
_VERDICT_LINE = re.compile(r"^(?:outcome|decision|result|status|response type|disclosure status)\s*[:\-–]\s*(?P<verdict>.{3,80})$", re.I)
_VERDICTS = [
    ("partially_disclosed", re.compile(r"\bpart(?:ial(?:ly)?)?\b|\bin part\b|\bsome information\b", re.I)),
    ("ncnd", re.compile(r"neither confirm|\bNCND\b", re.I)),
    ("not_held", re.compile(r"not held|no information held|information not (?:held|recorded)|\bnil return\b", re.I)),
    ("refused", re.compile(r"refus|withheld|\bexempt|not disclosed|\bdeclined\b", re.I)),
    ("disclosed", re.compile(r"disclos|released|\bprovided\b|granted|\bin full\b|\bsuccessful\b", re.I)),
]


def _scope(doc: Doc) -> set[int]:
    """The units of the authority's last response (or, with none, of every message that is not an
    acknowledgement or extension notice: those decide nothing)."""
    if doc.scope is None:
        responses = [s for s, seg in enumerate(doc.segments) if seg.kind == "response"]
        scope = set(responses[-1:]) if responses else {s for s, seg in enumerate(doc.segments)
                                                       if seg.role != "requester" and seg.kind not in ("ack", "extension", "review_ack")}
        if doc.owned is None:
            doc.scope = {i for i, _ in doc.authority_units() if doc.segment_of[i] in scope}
        else:
            # (a message's units are a run: its own ones picked from the run, not every unit tested for its message)
            doc.scope = set()
            for s in scope:
                start, end = doc.segments[s].start, doc.segment_end(s)
                doc.scope.update(itertools.compress(range(start, end), doc.owned[start:end]))
    return doc.scope


def nothing_held(doc: Doc) -> bool:
    """Does the last response say, once for all, that none of what was asked for is held?"""
    return any(True for _ in doc.search(NOTHING_HELD[1], NOTHING_HELD[0], units=_scope(doc)))


def verdict(doc: Doc) -> str | None:
    """The outcome the authority states on a labelled line ("Outcome: information not held")."""
    scope = _scope(doc)
    for i in doc.starting(lambda c: c in "ODRSodrs"):  # (the units a label can begin, in order)
        u = doc.units[i]
        m = _VERDICT_LINE.match(u) if i in scope and len(u) < 120 else None
        if m:
            return next((outcome for outcome, rx in _VERDICTS if rx.search(m["verdict"])), None)
    return None


# A covering message whose attachment is the response itself ("Please find attached our response to your
# request", "The force's response is attached"): what it decides is in the attachment, not in these words
# (not "the information you requested is attached", nor "our response to question 2 is attached").
_RESPONSE_NOUN = r"(?:our|the|my|this)\s+(?:[\w]+['’]s\s+)?(?:full\s+|formal\s+|final\s+)?(?:response|reply|decision)(?:\s+letter)?\b(?!\s+to\s+(?:questions?|parts?|q\s*\d|item))"
_COVERING = re.compile(r"\b(?:attached|enclosed|attach)\s+(?:is\s+|are\s+)?(?:a copy of\s+)?" + _RESPONSE_NOUN
                       + r"|" + _RESPONSE_NOUN + r"(?:\s+to your [\w ]{0,40}?request)?\s+(?:is|has been)\s+(?:attached|enclosed)"
                       r"|please find " + _RESPONSE_NOUN + r"(?:\s+to your [\w ]{0,40}?request)?\s+(?:attached|enclosed)", re.I)


def _recounts_earlier_response(unit: str, pos: int) -> bool:
    """Does the sentence of ``unit`` before ``pos`` tell what an earlier response said?"""
    start = unit.rfind(". ", 0, pos) + 1
    return TOLD_BEFORE.search(unit, start, pos) is not None


def _covers_response(unit: str, pos: int) -> bool:
    """Is the sentence of ``unit`` around ``pos`` one that covers an attached response?"""
    start, end = unit.rfind(". ", 0, pos) + 1, unit.find(". ", pos)
    return _COVERING.search(unit, start, end if end >= 0 else len(unit)) is not None


def decide_outcome(doc: Doc, found: list[Found], questions: list[dict], tables: list[dict], law: str = "FOIA") -> tuple[str | None, bool]:
    """(overall outcome, ncnd) from what the authority's own text says, under ``law``; the last response decides.
    Its own verdict words come first (a labelled verdict, "decided to disclose some", "we do not
    hold any of the information"); only then is the outcome inferred from the answers and grounds."""
    units = _scope(doc)
    quoted = None  # the text's quotations, found when a verdict is first seen

    def says(rule) -> bool:
        # (not in quotation marks: the requester's words quoted, "you wrote: “The University does not hold
        # any records ...”", are no verdict of the body's)
        nonlocal quoted
        for i, m in doc.search(rule[1], rule[0], units=units):
            if rule is _DISCLOSED and ("attach" in (low := doc.unit_low(i)) or "enclos" in low) and _covers_response(doc.units[i], m.start()):
                continue  # (the attachment is the response: what it decides is not told here)
            if rule is _WITHHELD and _negated(doc.units[i], m):
                continue  # ("No information has been withheld", "I do not agree that the force withheld ...")
            if rule[0] in _RECOUNTABLE and _recounts_earlier_response(doc.units[i], m.start()):
                continue  # ("the original response said the information was not held": a review tells what it overturns)
            if quoted is None:
                quoted = quoted_spans(doc.text) if "“" in doc.text or '"' in doc.text else []
            if not quoted or quote_around(quoted, doc.offsets[i] + m.start()) is None:
                return True
        return False

    relied = [f for f in found if f.stage != "extension_notice"]
    # (FOIA s21, FOISA s25, "reasonably accessible to you by other means", points to where the information
    # is: it keeps nothing back)
    pointer = [f for f in relied if f.section == ex.OTHERWISE_ACCESSIBLE.get(law)]
    withholding = [f for f in relied if not f.ncnd and not f.procedural and f not in pointer]
    ncnd = any(f.ncnd for f in relied) or says(NCND)
    stated = verdict(doc)
    if stated:
        return stated, ncnd or stated == "ncnd"
    if says(_PARTIAL):
        return "partially_disclosed", ncnd
    given = {q["outcome"] for q in questions} & {"disclosed", "partially_disclosed", "publicly_available"}
    if says(NOTHING_HELD) and not withholding and not tables and not given:
        # (not when an answer gives something: "we do not hold any minutes" then answers one question only)
        return "not_held", ncnd
    # A WhatDoTheyKnow page states the requester's own classification at the top.
    header = "\n".join(doc.units[: doc.segments[1].start if len(doc.segments) > 1 else 12])
    for outcome, rx in _WDTK_STATUS:
        if rx.search(header):
            return ("ncnd" if outcome == "refused" and ncnd and not withholding else outcome), ncnd
    answered = {q["outcome"] for q in questions if q["outcome"]}
    gave = says(_DISCLOSED) or bool(tables) or bool(answered & {"disclosed", "partially_disclosed", "answered", "publicly_available"})
    # Anything withheld, refused on cost, or neither confirmed nor denied makes a disclosure partial.
    held_back = says(_WITHHELD) or any(not f.ncnd and f not in pointer for f in relied) or ncnd or bool(answered & {"exempt", "ncnd", "not_valid_request"})
    if (says(_REFUSED) or any(f.section in ("12", "14") for f in relied)) and not gave:
        return ("ncnd" if ncnd and not withholding else "refused"), ncnd
    if gave:
        return ("partially_disclosed" if held_back else "disclosed"), ncnd
    if says(_NOT_HELD) and not withholding and (not ncnd or says(_NCND_OTHER)):
        # "not held ... and can neither confirm nor deny that it holds any other information"
        return "not_held", ncnd
    if ncnd and not withholding:
        return "ncnd", ncnd
    if held_back:
        return "refused", ncnd
    if says(_NOT_HELD) or answered == {"not_held"}:
        return "not_held", ncnd
    return None, ncnd
