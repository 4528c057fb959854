"""Which sections (in an EIR or EISR response, which regulations) a response relies on, found with
``exemptions.parse_citations``.

A citation counts when it heads a line ("Section 31(1) – Law Enforcement") or sits in a sentence
that applies it (exempt, by virtue of, engaged, withheld, neither confirm nor deny, cost limit
...). Sections that are only mentioned (1, 10, 16, 17 are not in the catalogue anyway), another
Act's sections ("section 34 of the Data Protection Act"), statute quoted in a legal annex, and
history told in a review's timeline do not count.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..foia import exemptions as ex
from .doc import NCND_WORDS, Doc, answer_of, cue_words, folds_like_lower, holds_folded
from .events import quote_around, quoted_spans

_RELIANCE = (
    r"\bexempt(?:ion|ions|ed)?\b|\bby virtue of\b|\bappl(?:y|ies|ied|ying)\b|\bengag(?:e|es|ed|ing)\b|\brel(?:y|ies|ied|ying)\b"
    r"|\bapplication\b|\buph(?:eld|old)\b|\bclaim(?:ed|ing|s)?\b|\bwithh(?:eld|old|olding)\b|\bredact|\brefus(?:e|ed|es|ing)\b"
    r"|\brefusal\b(?! notice)|\b" + NCND_WORDS + r"\b|\bncnd\b|\bcost(?:s)? (?:limit|of compliance)|\bappropriate limit\b"
    r"|\bexceed|\bvexatious\b|\brepeated request|\bunder (?:section|s\b|s\.)|\bnot (?:a )?valid\b"
    r"|\bnot obliged\b|\bby reason of\b|\bcovered by\b|\bfalls? (?:within|under)\b"  # ("not obliged to provide it, by reason of section 43(2)")
)
# (in lower case: the same pattern without IGNORECASE reads the lower-cased sentence, ~2x faster; see applies_ground)
_RELIANCE, _RELIANCE_LOW = re.compile(_RELIANCE, re.IGNORECASE), re.compile(_RELIANCE)
_CONSIDERING = re.compile(r"\bconsider", re.IGNORECASE)  # only in an extension notice
_NEGATED = re.compile(r"\b(?:(?:do|does|did|has|have|had|is|are|was|were|will|would)\s+not|no longer)\s+(?:be(?:en)?\s+)?(?:correctly\s+)?(?:appl|rel[iy]|engag|claim|uph)"
                      # "We considered whether section 24(1) applies and concluded that it does not."
                      r"|\bwhether\b[^.;]{0,80}\b(?:appl(?:y|ies)|(?:is )?engaged)\b[^.;]{0,60}\b(?:does|do|is|was) not\b"
                      # "I do not consider that section 43(2) is engaged"
                      r"|\b(?:do|does|did) not (?:consider|think|accept|believe|agree) that\b[^.;]{0,80}\b(?:is|was|are|were) (?:engaged|applicable|appl(?:ied|ies))\b"
                      # "Section 31 was considered but not applied", "the exemption has been waived"
                      r"|\bbut not\s+(?:been\s+)?(?:appl|rel[iy]|engag|claim|uph)|\bwaive[ds]?\b|\bdisapplied\b"
                      # a review's verdict on the first response: "section 35(1)(a) was therefore wrongly applied"
                      r"|\b(?:wrongly|incorrectly|inappropriately)\s+(?:appl|rel[iy]|engag|claim|cited|invoked)"
                      # what would be or would have been: "we would normally rely on section 31, but ...",
                      # "section 31 could have been applied", "had it been held, section 31 would have applied"
                      r"|\b(?:would|could|might|may)\s+(?:normally|usually|ordinarily|otherwise|typically|have)\s+(?:been\s+)?(?:appl|rel[iy]|engag|claim|withh|exempt)",
                      re.IGNORECASE)
_NEGATED_WORDS = ("not", "no longer", "waive", "disapplied", "normally", "usually", "ordinarily", "otherwise", "typically", "have", "wrongly",
                  "incorrectly", "inappropriately")
# A qualified exemption engaged, then the public interest test decides for disclosure: the information
# is given and the ground not relied on ("Section 31(1)(a) is engaged; however, the public interest favours
# disclosure", "... the public interest in disclosure outweighs that in maintaining the exemption"), unless
# the same paragraph keeps something back. Not "the public interest in maintaining the exemption outweighs
# the public interest in disclosure", "does not favour disclosure", "favours disclosure of X but not Y".
DISCLOSURE_WINS = re.compile(
    r"\bpublic interest\b[^.;]{0,40}?\b(?:favou?rs|(?:lies|falls|is|weighs) in favou?r of)\s+(?:the\s+)?(?:disclosure|disclosing|release|releasing)\b"
    r"(?![^.;]{0,80}\bbut not\b)"
    r"|\bpublic interest in (?:the\s+)?(?:disclosure|disclosing|release|releasing)\b(?:(?!\bnot\b)[^.;]){0,60}?\boutweighs\b", re.IGNORECASE)
KEPT_BACK = re.compile(r"\bwithh(?:eld|old|olding)\b|\bredact|\bnot (?:be(?:en)? )?(?:disclosed|released|provided)\b", re.IGNORECASE)


def disclosure_wins(text: str, low: str, pos: int = 0) -> bool:
    """``"public interest" in low and DISCLOSURE_WINS.search(text, pos)`` (``low``: ``text`` lower-cased, the same
    positions), tried only where "public interest" stands: every match begins there, and ``re`` tried the
    case-insensitive pattern at every character (~18 us an answer of 300 characters)."""
    if not folds_like_lower(text):
        return "public interest" in low and DISCLOSURE_WINS.search(text, pos) is not None
    k = low.find("public interest", pos)
    while k != -1:
        if DISCLOSURE_WINS.match(text, k):
            return True
        k = low.find("public interest", k + 1)
    return False
# A ground named as one that might apply to a request not yet made or not yet answered ("some of the pricing
# may be exempt under section 43(2), which we would consider at that time", s16 advice) is not relied on, unless
# the sentence also relies on it now ("... may be exempt, and we are withholding it"). (Not tested in an extension
# notice, where grounds under consideration are its subject.)
_HEDGED = re.compile(r"\b(?:may|might|could)\s+(?:also\s+|well\s+)?be\s+(?:exempt|withheld)\b", re.IGNORECASE)
_RELIED_NOW = re.compile(r"\b(?:is|are) (?:being )?(?:exempt|withheld)\b|\bwithholding\b|\brel(?:y|ies|ying) on\b|\bhas been withheld\b", re.IGNORECASE)
# In a review, a sentence that tells what the original response did ("On 17 February 2025 we refused your
# request, relying on ...", "In the original response the force withheld ...") is history, like a
# timeline entry; one that also judges it ("I uphold the original decision to withhold ...") is not.
_RECOUNT = re.compile(r"\b(?:original|initial|first) (?:response|decision|reply|refusal)\b|^\s*On \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4},? (?:we|I|the)\b"
                      r"|\b(?:responded|replied) on \d"  # ("The force responded on 30/05/2025, withholding ...")
                      r"|\bour (?:response|reply|decision|letter) (?:of|dated) (?:\d|the \d)", re.IGNORECASE)  # ("Our response of 15 May 2025 told you ...")
# In any letter, not only a review: a sentence that says what an earlier response said ("Our earlier reply said that
# the request was refused under section 12", "The original response stated that it was withheld under section 31")
# is history, unless its paragraph also judges it ("... was exempt under section 31. I uphold that decision.").
# (answers reads an answer's verdict past it too: one pattern for both)
TOLD_BEFORE = re.compile(r"\b(?:(?:original|earlier|previous|first|initial) (?:response|reply|answer|decision|letter)|our (?:response|reply|decision|letter) (?:of|dated) \d{1,2})\b[^.]{0,40}?"
                          r"\b(?:said|stated|told you|explained|concluded|found|was that)\b", re.IGNORECASE)
TOLD_BEFORE_WORDS = ("original", "earlier", "previous", "first", "initial", "our respon", "our repl", "our decision", "our letter")  # (every match holds one)
_JUDGES = re.compile(r"\buph(?:eld|old)|\bmaintain|\bremains?\b|\bsatisfied\b|\bcorrectly\b|\bagree\b|\bconclude", re.IGNORECASE)
_DUTY_NEGATED = re.compile(r"(?:\bduty\b|\b1\s*\(\s*1\s*\)\s*\(\s*a\s*\))[^.;]{0,80}?\b(?:does|do|will|would|shall) not (?:apply|arise)", re.IGNORECASE)
# A unit that opens with a ground and goes on with its verb is a sentence about the ground, not its heading:
# "Section 31(1)(a) was incorrectly relied on." judges it, so its verdict is read (a heading applies what it names).
_GROUND_AS_SUBJECT = re.compile(r"\s*(?:of (?:the )?(?:FOIA?|Act|Freedom of Information Act(?: 2000)?)\s*)?,?\s*(?:therefore\s+)?"
                                r"(?:was|were|is|are|has|have|had|does|did|do)\b", re.IGNORECASE)
# (tried at a citation's end, ``match(unit, end)``: no "^", no slice of the rest of the unit)
_OTHER_ACT = re.compile(r"\s*(?:of|in)\s+(?:the\s+|that\s+|this\s+)?(?!Freedom of Information|Freedom\s*$|FOI|Act\b|the Act\b)(?:[A-Z]|schedule\b|act\b)")
# "the bodies listed in section 23(3)", "organisations specified in section 23(3)": a section named for
# the list it holds, not applied. Not "set out in" or "described in": "the exemption set out in section
# 31(1)(a)" and "the limit as set out in section 12" are how letters apply a ground.
_NAMED_FOR = re.compile(r"\b(?:listed|specified|named) (?:in|by|under)\s+$", re.IGNORECASE)
_NAMED_FOR_WORDS = ("listed", "specified", "named")  # (every match holds one: looked for first, in find_citations)
_NAMED_FOR_CUE = re.compile("|".join(_NAMED_FOR_WORDS))
_EXEMPTION_BEFORE = re.compile(r"\bexempt|\blimit\b", re.IGNORECASE)
# A ground's own title in quotation marks: the citation alone, or with a dash and its name
# ("Section 31(1)(a) - Law Enforcement"). A requester's or a decision's words quoted read as a
# sentence ("Section 43 cannot apply ...") or open with other words.
_TITLE = re.compile(r"[“\"]\s*(?:section|sections|s\.?|regulation|reg\.?)\s*\d{1,3}[A-Za-z]?(?:\s*\(\s*\w{1,4}\s*\))*"
                    r"(?:\s+of the (?:FOIA?|EIR|Act|Freedom of Information (?:\(Scotland\) )?Act(?: 200[02])?))?"
                    r"\s*(?:[-–—:]\s*[A-Z][\w ,'’&/()-]{0,60})?\s*[”\"]", re.IGNORECASE)


def _QUOTED_TITLE(text: str, quote: tuple[int, int], at: int) -> bool:
    start, end = quote
    return end - start <= 100 and _TITLE.fullmatch(text, start, end) is not None


_BULLET = re.compile(r"^[\s•·●▪◦*\-–—>]*(?:\(?[a-z0-9]{1,3}[).]\s+)?")
# "19/10/2016 - You were issued with ...": history told in a review, not a ground applied there.
TIMELINE_ENTRY = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*[-–—:]\s")
# (the mark first, the lookbehinds after it reaching back over it: Python's ``re`` then skips to the next
# ".!?;" in C instead of trying the lookbehinds at every character; the same matches, ~9x faster)
SENTENCE_END = re.compile(r"[.!?;](?:(?<=;)|(?<!\b[A-Za-z].)(?<!\bi\.e.)(?<!\be\.g.)(?=\s+[A-Z(“\"‘']|\s*$))")
_RAW_TRIM = re.compile(r"[\s.,:\-–—]+$")
# Every citation holds one of these: "sec(tion)", "s.", "§", or an "s" right before its number.
_CITE_NEEDLES = ("sec", "s.", "§", *(f"s{d}" for d in "123456789"), *(f"s {d}" for d in "123456789"))
cue_words(_CITE_NEEDLES)

# FOISA (Scotland) numbers its grounds differently from FOIA, so the catalogue cannot label them.
FOISA_GROUNDS = {"12": "Excessive cost of compliance", "14": "Vexatious or repeated requests", "18": "Neither confirm nor deny",
                 "25": "Information otherwise accessible", "26": "Prohibitions on disclosure", "27": "Information intended for future publication",
                 "28": "Relations within the United Kingdom", "29": "Formulation of Scottish Administration policy",
                 "30": "Prejudice to effective conduct of public affairs", "31": "National security and defence", "32": "International relations",
                 "33": "Commercial interests and the economy", "34": "Investigations by Scottish public authorities", "35": "Law enforcement",
                 "36": "Confidentiality", "37": "Court records", "38": "Personal information", "39": "Health, safety and the environment",
                 "40": "Audit functions", "41": "Communications with Her Majesty"}
cue_words(ex.FOISA_NAME_WORDS)


def is_foisa(doc: Doc) -> bool:
    """Is the response made under the Freedom of Information (Scotland) Act 2002 (does it name it)?"""
    return any(True for _ in doc.search(ex.FOISA_NAME, ex.FOISA_NAME_WORDS, own=False))


# An EIR response names the Regulations in full at least once and cites regulation 12 or 13.
_EIR_WORDS = ("environmental information regulations",)
_EIR_REGULATION = re.compile(r"\bregulations?\s+1[23]\b", re.IGNORECASE)
# Every regulation citation holds one of these ("regulation 12(4)(b)", "reg. 13", "regs 12 and 13").
_REGULATION_NEEDLES = ("regulation", "reg.", "reg ", "regs")
cue_words(_EIR_WORDS, _REGULATION_NEEDLES)
# Under the EIR an exception is applied "under regulation 12(4)(b)", as an "exception", or named
# ("manifestly unreasonable"): cues a FOIA letter's reading does not use.
_EIR_RELIANCE = re.compile(r"\bunder (?:the )?(?:regulations?|regs?\b\.?)|\bexceptions?\b|\bmanifestly unreasonable\b", re.IGNORECASE)
_EIR_RELIANCE_WORDS = ("under", "exception", "manifestly unreasonable")
# "regulation 12(5)(a) of the EIR", "regulation 10(5)(b) of the EIRs" are the response's own law, not another Act's.
_OWN_REGULATIONS = re.compile(r"\s*(?:of|in)\s+(?:the\s+)?(?:EIRs?\b|EISRs?\b|EI\(S\)Rs?\b|Environmental Information (?:\(Scotland\) )?Regulations"
                              r"|Regulations\b)", re.IGNORECASE)


def is_eir(doc: Doc) -> bool:
    """Is the response made under the Environmental Information Regulations 2004?"""
    return bool(doc.hits(_EIR_WORDS)) and any(True for _ in doc.search(_EIR_REGULATION, ("regulation",), own=False))


# An EISR response (Scotland's Regulations, which its letters also call "the EIRs") names them in full or
# as the EI(S)Rs / EISRs at least once, and cites regulation 10 (the exceptions) or 11 (personal data).
_EISR_WORDS = ("environmental information (scotland) regulations", "ei(s)r", "eisr")
_EISR_REGULATION = re.compile(r"\bregulations?\s+1[01]\b", re.IGNORECASE)
cue_words(_EISR_WORDS)


def is_eisr(doc: Doc) -> bool:
    """Is the response made under the Environmental Information (Scotland) Regulations 2004?"""
    return bool(doc.hits(_EISR_WORDS)) and any(True for _ in doc.search(_EISR_REGULATION, ("regulation",), own=False))


@dataclass
class Found:
    section: str
    citation: str
    raw: str
    ncnd: bool
    procedural: bool
    stage: str  # "response", "extension_notice" (only under consideration) or "internal_review"
    questions: list[str]

    def json(self) -> dict:
        return {"section": self.section, "citation": self.citation, "raw": self.raw, "ncnd": self.ncnd, "procedural": self.procedural}


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_bounds(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` that holds ``text[start:end]``; ``ends``: its
    sentence ends (``_sentence_ends``), if the caller has them."""
    ends = _sentence_ends(text) if ends is None else ends
    k = bisect.bisect_right(ends, start)
    left = ends[k - 1] if k else 0
    k = bisect.bisect_left(ends, end)
    return left, (ends[k] if k < len(ends) else len(text))


def applies_ground(sentence: str, extension: bool = False, eir: bool = False) -> int:
    """Does a sentence apply what it cites (a reliance cue, not negated)? 1 yes, 0 no, 2 only what
    it cites as NCND."""
    # Each test is asked of the lower-cased sentence by the pattern's case-sensitive twin, after a
    # substring test for words every match holds (``holds_folded``): ~4x faster than IGNORECASE on the
    # sentence; a sentence holding a letter IGNORECASE reads otherwise ("ſ") is read as it is.
    low = sentence.lower()
    if folds_like_lower(sentence):
        cue = _RELIANCE_LOW.search(low) is not None  # ("can't" in NCND_WORDS: ``low`` keeps "’", unlike ``Doc.low``)
    else:
        cue = _RELIANCE.search(sentence) is not None
    cue = cue or (extension and holds_folded(_CONSIDERING, sentence, low, ("consider",))) or (
        eir and holds_folded(_EIR_RELIANCE, sentence, low, _EIR_RELIANCE_WORDS))
    if not cue:
        return 0
    if not holds_folded(_NEGATED, sentence, low, _NEGATED_WORDS):
        return 0 if not extension and holds_folded(_HEDGED, sentence, low, ("exempt", "withheld")) and not holds_folded(
            _RELIED_NOW, sentence, low, ("exempt", "withh", "rel")) else 1
    # "the duty in Section 1(1)(a) does not apply by virtue of Section 23(5)" is how an NCND ground is
    # applied: what is negated is the duty to confirm or deny, not the ground (only an NCND ground:
    # "... does not apply to the bodies listed in section 23(3)" applies nothing).
    return 2 if holds_folded(_DUTY_NEGATED, sentence, low, ("not apply", "not arise")) else 0


def sentences(text: str) -> list[str]:
    out, left = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append(text[left: m.end()])
        left = m.end()
    return out + [text[left:]] if text[left:].strip() else out


@lru_cache(maxsize=4096)
def _expand(match_text: str, foisa: bool, eir: str | None = None) -> tuple[tuple[str, str, bool, bool], ...]:
    """(section, citation, ncnd, procedural) for one citation as printed (under the EIR or the EISR, ``eir``:
    a regulation; its section is the exception's, "12(4)(b)")."""
    if eir:
        return tuple((c.section, c.citation, c.ncnd, c.procedural) for c in ex.parse_citations(match_text, strict=False, law=eir))
    if not foisa:
        return tuple((c.section, c.citation, c.ncnd, c.procedural) for c in ex.parse_citations(match_text, strict=False))
    # Under FOISA only the sub-paragraph expansion of the FOIA parser applies (see FOISA_GROUNDS).
    out, section, groups, last_end = [], None, [], 0
    body = match_text[re.match(r"\D*", match_text).end():]
    for part in [*ex.CITATION_PART.finditer(body), None]:
        if part is None or part.group(1) is not None:
            if section in FOISA_GROUNDS:
                out += [(section, c, section == "18", section in ("12", "14")) for c in ex.expand_groups(section, groups)]
            if part is None:
                return tuple(out)
            section, groups = part.group(1).upper(), []
        else:
            groups.append(ex.bracket_group(body, part, last_end))
        last_end = part.end()
    return out


def _citation_starts(doc: Doc, eir: str | None = None) -> list[int]:
    """Every place in ``doc.low`` a citation can begin (a needle's "s" or "§"; a regulation's "reg"),
    in order, from the one pass for cue words. Not a letter inside a word (the "s." of "requests."):
    both citation patterns begin ``\\b(?=[a-z])`` there, and ``\\b`` fails after a word character
    (``re``'s: alphanumeric or "_"; ``doc.text`` holds the units joined by "\\n", the same positions)."""
    text, low = doc.text, doc.low
    starts = set()
    for n in _REGULATION_NEEDLES if eir else _CITE_NEEDLES:
        for k in doc.where(n):
            if k:
                if low[k - 1] == "s":  # "ss. 31"
                    starts.add(k - 1)
                if n != "§" and ((before := text[k - 1]).isalnum() or before == "_"):
                    continue
            starts.add(k)
    return sorted(starts)


def _cited(doc: Doc, eir: str | None = None, starts: list[int] | None = None):
    """(unit, match) of every citation in the authority's own units, in order: the citation pattern is
    tried only where one can begin (``_citation_starts``), anchored there, never scanned along a unit.
    In an EIR response the citations are regulations (a section number there is another Act's)."""
    pattern = ex.REGULATION_CITATION if eir else ex.CITATION
    i, end = -1, -1
    for k in _citation_starts(doc, eir) if starts is None else starts:
        if k < end:
            continue  # inside the citation just read
        if i < 0 or k >= doc.offsets[i] + len(doc.units[i]):
            i = doc.unit_at(k)
            end = -1
        if not doc.own(i):
            continue
        m = pattern.match(doc.units[i], k - doc.offsets[i])
        if m:
            end = doc.offsets[i] + m.end()
            yield i, m


def law_of(doc: Doc) -> str | None:
    """The law a response is made under when it is not FOIA: "EIR", "EISR" or "FOISA", else None. A
    response naming both the Regulations and an Act is made under the Regulations."""
    if is_eir(doc):
        return "EIR"
    if is_eisr(doc):
        return "EISR"
    return "FOISA" if is_foisa(doc) else None


_STAGES = {"extension": "extension_notice", "review_response": "internal_review"}  # a message's kind -> its stage (else "response")


def find_citations(doc: Doc, question_refs, law: str | None) -> list[Found]:
    """Every citation the authority relies on, one per sub-paragraph and stage, in order, under ``law``
    (``law_of(doc)``)."""
    # The Regulations the response is made under, if any ("EIR", "EISR"): their citations are regulations.
    eir = law if law in ex.REGULATION_LAWS else None
    foisa = law == "FOISA"
    found: list[Found] = []
    by_citation: dict[tuple[str, str], Found] = {}  # (citation, stage) -> its Found
    answering = None  # (answer_of: asked only when a citation's own sentence names no question)
    quoted = None
    # What a unit holds for all its citations is found once, when its first citation is read (its citations
    # come one after another): whether it is a timeline entry, its message's kind, where a heading's bullet
    # ends, its sentence ends, each sentence's verdict (``applies_ground``) and the questions each names.
    read = -1
    starts = _citation_starts(doc, eir)
    # The citation after one in its sentence (where its words end, see ``_raw``): looked for only where a
    # citation can begin, as ``_cited`` looks. (Not under the EIR, where a regulation's citation may
    # begin "section" or "r.", nor in a text where IGNORECASE reads a letter as "s" that the cue words do
    # not: "ſ", see ``folds_like_lower``.)
    following_at = starts if not eir and doc.folds else None
    for i, m in _cited(doc, eir, starts):
        u = doc.units[i]
        if i != read:
            read, ends, verdicts, named = i, None, {}, {}
            timeline = TIMELINE_ENTRY.match(u) is not None
            low = doc.unit_low(i)
            kind = doc.segments[doc.segment_of[i]].kind
            bullet = _BULLET.match(u).end()
        if timeline:
            continue
        start, end = m.start(), m.end()
        if _OTHER_ACT.match(u, end) and not (eir and _OWN_REGULATIONS.match(u, end)):
            continue
        # (the words a section is named for stand in the lower-cased unit where IGNORECASE reads as lower(): see folds_like_lower)
        if not doc.folds or _NAMED_FOR_CUE.search(low, max(0, start - 40), start):
            before = u[max(0, start - 40): start]
            if _NAMED_FOR.search(before) and not _EXEMPTION_BEFORE.search(before):
                continue
        if quoted is None:
            quoted = quoted_spans(doc.text) if "“" in doc.text or '"' in doc.text else []
        quote = quote_around(quoted, doc.offsets[i] + start) if quoted else None
        if quote and not _QUOTED_TITLE(doc.text, quote, doc.offsets[i] + start):
            continue  # words in quotation marks (the requester's, another decision's) are not the authority's reliance
        cits = _expand(m.group(0), foisa, eir)
        if not cits:
            continue
        if ends is None:
            ends = _sentence_ends(u)
        left, right = sentence_bounds(u, start, end, ends)
        sentence = u[left:right]
        heading = start <= bullet
        if heading and _GROUND_AS_SUBJECT.match(u, end, right) and holds_folded(_NEGATED, sentence, sentence.lower(), _NEGATED_WORDS) \
                and not _DUTY_NEGATED.search(sentence):
            continue  # (its verdict negated: "Section 35(1)(a) was wrongly applied.", "Section 43(2) is not engaged.")
        if not heading:
            applies = verdicts.get(left)
            if applies is None:
                applies = verdicts[left] = applies_ground(sentence, kind == "extension", bool(eir))
            if not applies and u[:1] in "[¹²³⁴⁵⁶⁷⁸⁹" and (fn := _FOOTNOTE.match(u)) and fn.end() <= start:
                # A footnote that names a ground ("[3] Section 40(2) of the Act exempts personal data ...") applies
                # it where its mark is set: "... enclosed, with the names of junior staff removed.[3]"
                applies = verdicts[left] = _footnoted(doc, i, fn.group(0).strip())
            if not applies or (applies == 2 and not any(c[2] for c in cits)):
                continue
        if disclosure_wins(u, low, left) and not KEPT_BACK.search(u):
            continue  # engaged, and released on the public interest test
        if kind == "review_response" and _RECOUNT.search(sentence) and not _JUDGES.search(sentence):
            continue
        if holds_folded(TOLD_BEFORE, sentence, sentence.lower(), TOLD_BEFORE_WORDS) and not _JUDGES.search(u):
            continue  # (judged anywhere in its paragraph: "... explained that it was exempt. I uphold that decision.")
        if len(cits) == 1 and cits[0][1] == cits[0][0] and not heading:
            # "Section 44 is an absolute exemption" after "Section 44(1)(a) of the FOIA exempts ...": the bare number
            # stands for what its paragraph printed in full
            cits = _printed_in_full(u, start, cits[0][0], foisa, eir) or cits
        stage = _STAGES.get(kind, "response")
        # The questions named in its sentence, else where its list is introduced, else the answer it is in.
        questions = named.get(left)
        if questions is None:
            questions = named[left] = question_refs(sentence)
        if not questions and heading:
            questions = _listing_questions(doc, i, question_refs)
        if not questions:
            if answering is None:
                answering = answer_of(doc)
            questions = answering[i] or []
        if following_at is None:
            following = (ex.REGULATION_CITATION if eir else ex.CITATION).search(u, end, right)
        else:
            following, base = None, doc.offsets[i]
            for k in itertools.islice(following_at, bisect.bisect_left(following_at, base + end), None):
                if k >= base + right or (following := ex.CITATION.match(u, k - base, right)):
                    break
        raw = _raw(u, start, end, right, following, m.group(0), cits, foisa, eir)
        for section, citation, ncnd, procedural in cits:
            prior = by_citation.get((citation, stage))
            if prior:
                prior.questions = merge(prior.questions, questions)
            else:
                found.append(Found(section, citation, raw, ncnd, procedural, stage, list(questions)))
                by_citation[citation, stage] = found[-1]
    return _drop_subsumed(found)


def _printed_in_full(u: str, before: int, section: str, foisa: bool, eir: str | None) -> tuple:
    """The one citation of ``section`` with its subsections printed in ``u`` just before ``before`` ("44(1)(a)"), if only
    one is (of several, "23(5)" beside "listed in section 23(3)", which the bare number stands for is not said)."""
    # (within the 600 characters before it, a paragraph's reach: a text saved on one line costs no more per number)
    lo = max(0, before - 600)
    if u.find(f"{section}(", lo, before) == -1 and u.find(f"{section} (", lo, before) == -1:
        return ()  # (the cheap test first: most bare numbers follow no full citation of theirs)
    out = []
    for m in (ex.REGULATION_CITATION if eir else ex.CITATION).finditer(u, lo, before):
        out += [c for c in _expand(m.group(0), foisa, eir) if c[0] == section and c[1] != section and c not in out]
    return tuple(out) if len(out) == 1 else ()


_FOOTNOTE = re.compile(r"\s*(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]{1,2})")
# What the sentence a footnote's mark follows does, beside the reliance cues: takes a part out.
_TAKES_OUT = re.compile(r"\b(?:removed|taken out|blanked out|redacted)\b", re.IGNORECASE)
_NOTHING = re.compile(r"\b(?:no|nothing|none|not)\b|n't\b", re.IGNORECASE)


def _footnoted(doc: Doc, i: int, mark: str) -> int:
    """Does the sentence that a footnote's ``mark`` ("[3]", "³") follows, in the authority's own text
    elsewhere than footnote ``i``, apply something (withhold, take out, refuse)? (``applies_ground``'s values.)"""
    k = doc.text.find(mark)
    while k != -1:
        j = doc.unit_at(k)
        at = k - doc.offsets[j]
        if j != i and at > 0 and doc.own(j):
            said = sentences(doc.units[j][:at].rstrip())
            last = said[-1] if said else ""
            return applies_ground(last, False) or int(bool(_TAKES_OUT.search(last)) and not _NOTHING.search(last))
        k = doc.text.find(mark, k + len(mark))
    return 0


def _listing_questions(doc: Doc, i: int, question_refs) -> list[str]:
    """For a cited line in a list, the questions named where the list is introduced
    ("In relation to questions 1b, 4 and 9 ... by virtue of the following exemptions:")."""
    for j in range(i - 1, max(-1, i - 8), -1):
        u = doc.units[j]
        if u.rstrip().endswith(":"):
            return question_refs(u)
        if not ex.CITATION.match(u, _BULLET.match(u).end()):
            return []
    return []


def _raw(unit: str, start: int, end: int, right: int, following: re.Match | None, printed: str, cits, foisa: bool, eir: str | None = None) -> str:
    """The citation as printed with the words that name it, up to the end of its sentence (at ``right``)
    or the next citation in it (``following``)."""
    raw = unit[start: following.start() if following else right]
    if following or len(raw) > 110:
        # Keep the citation and its name, not the argument or the next citation.
        comma = raw.find(",", end - start)
        raw = raw[:comma] if comma > 0 else raw
        if len(raw) > 110:
            raw = raw[: raw.rfind(" ", 0, 80)]
    raw = _RAW_TRIM.sub("", raw)
    # The record loader parses ``raw`` strictly: it must name these citations and no others.
    if not foisa and _strict_citations(raw, eir or "FOIA") != {c[1] for c in cits}:
        raw = printed.strip()
    return raw


@lru_cache(maxsize=4096)
def _strict_citations(raw: str, law: str = "FOIA") -> frozenset[str] | None:
    try:
        return frozenset(c.citation for c in ex.parse_citation(raw, law))
    except ex.CitationError:
        return None


def merge(a: list[str], b: list[str]) -> list[str]:
    return a + [q for q in b if q not in a]


def _drop_subsumed(found: list[Found]) -> list[Found]:
    """A bare "Section 31" heading adds nothing when "31(1)(a)" is cited at the same stage."""
    # (stage, what a citation begins with up to one of its "("): "31" and "31(1)" for "31(1)(a)"
    heads = {(g.stage, g.citation[:k]) for g in found for k, c in enumerate(g.citation) if c == "("}
    return [f for f in found if (f.stage, f.citation) not in heads]
