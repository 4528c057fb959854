"""Saved FOI response text -> a draft raw record for a person to review.

``foi-analysis extract FILE... [--json] [--out DIR]``: one draft YAML per input (in the format of
``data/raw/disclosures/``, never written there directly), or with ``--json`` a JSON array on
stdout. What the text does not support is left null: a draft states only what it can point to.

The reading is done in passes over "units" (logical lines: mail-wrapped lines joined):
  1. messages: a thread is split at each "Dear ..." line; a message to the authority is the
     requester's, any other is the authority's, and each authority message is classed as an
     acknowledgement, extension notice, response, internal review ...;
  2. the request as restated in a reply ("I note you seek access to the following information")
     is marked as quoted: its dates and section numbers are the requester's, not the authority's;
  3. citations (``exemptions.parse_citations``) count as relied on when they head a line or sit
     in a sentence that applies them (exempt, by virtue of, withheld, neither confirm nor deny,
     cost limit ...); statute text quoted in a legal annex and other Acts' sections are skipped;
  4. dates count as events only next to a cue ("received by ... on", "amended date for a
     response is", a timeline entry "19/10/2016 - ...", a message's own date line); meeting
     dates and dates inside quotation marks never do.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from . import config
from . import exemptions as ex
from .dates import NUMERIC_DATE, WORDED_DATE, parse_printed_date
from .extract_text import InputError, clean_lines, decode, html_to_text, logical_lines, looks_like_html

# ---------------------------------------------------------------------------------------------
# Authorities


@lru_cache(maxsize=1)
def authority_aliases() -> dict[str, str]:
    """alias -> canonical name, from the package table ``authorities.csv``."""
    with resources.files(__package__).joinpath("authorities.csv").open(encoding="utf-8") as f:
        return {row["alias"].strip(): row["canonical"].strip() for row in csv.DictReader(f) if row.get("alias")}


def _alias_pattern(alias: str) -> str:
    # Any run of spaces may be a line break; "and" may be printed "&"; apostrophes may be curly.
    words = [re.escape(w) for w in alias.split()]
    body = r"\s+".join(words).replace(r"\s+and\s+", r"\s+(?:and|&)\s+").replace("'", "['’]")
    # Acronyms (MPS, MOPAC, PSNI) match in capitals only: "mps" in a URL or "Mps" is not one.
    return body if alias.isupper() else f"(?i:{body})"


@lru_cache(maxsize=1)
def _authority_regex() -> tuple[re.Pattern, list[str]]:
    aliases = sorted(authority_aliases(), key=len, reverse=True)
    groups = "|".join(f"(?P<a{i}>{_alias_pattern(a)})" for i, a in enumerate(aliases))
    return re.compile(rf"(?<![\w.@/-])(?:{groups})(?![\w@-]|\.\w)"), [authority_aliases()[a] for a in aliases]


def normalise_authority(name: str) -> str | None:
    """'the Met' -> 'Metropolitan Police Service'; None when the name is not in the table."""
    rx, canon = _authority_regex()
    m = rx.fullmatch(" ".join(name.split()))
    return canon[int(m.lastgroup[1:])] if m else None


# Contexts that say which authority is writing or being written to.
_AUTH_BEFORE = re.compile(r"(?:\bDear|\bfrom|\bto|received by|request to|FOI|Freedom of Information)\s+(?:the\s+)?$", re.IGNORECASE)
_AUTH_AFTER = re.compile(r"^\s*(?:\([A-Z]{2,6}\)\s*)?(?:can|cannot|does|do|has|have|hold|holds|is|will|would|are|neither|confirms?|aims?)\b")

# ---------------------------------------------------------------------------------------------
# Document model


@dataclass
class Segment:
    start: int  # index of its first unit
    role: str  # "header" (before any "Dear"), "requester" or "authority"
    kind: str | None = None
    date: tuple[dt.date, str] | None = None  # the message's own date line, as (date, printed)


@dataclass
class Doc:
    units: list[str]
    segment_of: list[int]  # unit -> segment index
    segments: list[Segment]
    quoted: list[bool]  # unit restates the request (or quotes statute)
    text: str = ""  # units joined by "\n"
    offsets: list[int] = field(default_factory=list)

    def authority_units(self):
        """(index, text) of the units the authority wrote itself."""
        for i, u in enumerate(self.units):
            if not self.quoted[i] and self.segments[self.segment_of[i]].role != "requester":
                yield i, u


_DEAR = re.compile(r"^Dear\b\s*(.*)", re.IGNORECASE)
_TO_AUTHORITY = re.compile(r"^(?:Sir|Madam|Sirs|FOI\b|Freedom of Information|Information (?:Rights|Management|Compliance|Access)"
                           r"|Data Protection|Disclosure|Team|Colleagues?|all|Public Access|Records)", re.IGNORECASE)


def _is_to_authority(addressee: str) -> bool:
    if _TO_AUTHORITY.match(addressee):
        return True
    rx, _ = _authority_regex()
    return bool(rx.match(addressee))


_KIND_RULES = [
    ("review_ack", re.compile(r"review will (?:now )?be (?:conducted|carried out|undertaken)|(?:acknowledge|confirm) (?:receipt of )?your (?:request for an? )?(?:internal )?review", re.I)),
    ("review_response", re.compile(r"(?=[\s\S]*internal review)(?:[\s\S]*(?:I have|we have) (?:now )?(?:determined|concluded|completed|reviewed|upheld)|[\s\S]*\bupheld?\b|[\s\S]*outcome of (?:the|your|this) (?:internal )?review)", re.I)),
    ("extension", re.compile(r"not been able to complete|amended date|extend the 20|(?:extend|extension of) the (?:deadline|time)|considering the following exemption|estimate of the date|(?:public interest test|decision)[^.]{0,60}(?:not yet|has not been) (?:been )?(?:reached|completed)", re.I)),
    ("response", re.compile(r"I have (?:today )?decided|(?-i:\bDECISION\b)|decided to (?:disclose|withhold|refuse)|serves as a Refusal Notice|neither confirm nor deny|please (?:see|find) (?:the )?(?:attached|enclosed|below)|(?:information|data) (?:is|was) not held|(?:do|does) not hold|exceed the (?:appropriate|cost) limit|(?:in )?response to your (?:request|questions)(?: is| are| as follows|:)", re.I)),
    ("ack", re.compile(r"will now be considered|acknowledge (?:receipt|your request)|(?:we|I) (?:have )?received your request|is being dealt with|you (?:will|should) receive a response", re.I)),
]
# An extension notice that already gives the decision is a response.
_DECIDED = re.compile(r"I have (?:today )?decided|decided to (?:disclose|withhold|refuse)|serves as a Refusal Notice|(?-i:\bDECISION\b)", re.I)
_REQUESTER_KINDS = [
    ("review_request", re.compile(r"internal review", re.I)),
    ("chaser", re.compile(r"overdue|still (?:awaiting|waiting)|(?:have|has) not (?:yet )?(?:received|responded|had a)|chase|reminder|should normally have responded", re.I)),
]

# The request as restated in a reply: from its introduction to the first sign of the answer.
_REQUEST_START = re.compile(
    r"you (?:seek|sought) access to the following|(?:you|which) (?:asked|requested)(?: for)?(?: the following)?(?: information)?\s*:?\s*$"
    r"|your request (?:was |is |reads )?(?:as follows|for the following)|^(?:your |the )?(?:FOI )?request(?: details)?\s*:?\s*$"
    r"|^summary of (?:the )?request|^information requested|^request\s*:|^(?:FOI )?request:|following information\s*:\s*$",
    re.IGNORECASE,
)
_REQUEST_END = re.compile(
    r"^(?:DECISION|Decision|REASONS? FOR DECISION|Our response|Response|Reply|SEARCHES TO LOCATE|Disclosure|DISCLOSURE|Answer|Our reply)\b"
    r"|I have (?:today )?decided|Your request will now be considered|I am sorry to inform you|has been (?:handled|considered)"
    r"|^I (?:can )?(?:confirm|advise)|^Please (?:find|see)|^In response to|^I (?:write|am writing) to (?:inform|confirm|advise)"
    r"|^(?:Police Scotland|The force|We) (?:can|does|do|holds?|has|have)\b|^Our (?:reply|answer)|^(?:To )?locate the information|^I attach",
)
# Statute quoted in a legal annex: "Section 24(1) of the Act provides:" then "(1) Information ...".
_PROVIDES = re.compile(r"(?:provides|states|reads)\s*(?:that)?\s*:?\s*$", re.IGNORECASE)
_STATUTE_LINE = re.compile(r"^[‘'\"“]?\s*\(\s*(?:\d{1,2}[A-Z]?|[a-z]{1,4})\s*\)")


def build_doc(lines: list[str]) -> Doc:
    joined = logical_lines(lines)
    units = [u for _, u in joined]
    segments = [Segment(0, "header")]
    segment_of = []
    for i, u in enumerate(units):
        m = _DEAR.match(u)
        if m and i > 0:
            segments.append(Segment(i, "requester" if _is_to_authority(m.group(1)) else "authority"))
        elif m:
            segments[0].role = "requester" if _is_to_authority(m.group(1)) else "authority"
        segment_of.append(len(segments) - 1)
    doc = Doc(units, segment_of, segments, [False] * len(units))
    _classify_segments(doc)
    _mark_quoted(doc)
    offsets, pos = [], 0
    for u in units:
        offsets.append(pos)
        pos += len(u) + 1
    doc.text, doc.offsets = "\n".join(units), offsets
    return doc


def _segment_text(doc: Doc, s: int) -> str:
    start = doc.segments[s].start
    end = doc.segments[s + 1].start if s + 1 < len(doc.segments) else len(doc.units)
    return "\n".join(doc.units[start:end])


def _classify_segments(doc: Doc) -> None:
    for s, seg in enumerate(doc.segments):
        text = _segment_text(doc, s)
        rules = _REQUESTER_KINDS if seg.role == "requester" else _KIND_RULES
        seg.kind = next((k for k, rx in rules if rx.search(text)), "request" if seg.role == "requester" else "update")
        if seg.kind == "extension" and _DECIDED.search(text):
            seg.kind = "response"
        if seg.role == "header" and seg.kind == "update":
            seg.kind = None
        if s > 0:
            # A message's own date: a date-only line (or "Date:"/"Sent:") just above its "Dear".
            for j in range(seg.start - 1, max(doc.segments[s - 1].start, seg.start - 6) - 1, -1):
                d = _date_line(doc.units[j])
                if d:
                    seg.date = d
                    break


_DATE_LINE_LABEL = re.compile(r"^(?:date(?: sent)?|sent|dated)\s*:?\s*", re.IGNORECASE)
_TIME = re.compile(r"[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?(?:\s*(?:GMT|BST|UTC))?\s*$", re.IGNORECASE)


def _date_line(unit: str) -> tuple[dt.date, str] | None:
    s = _TIME.sub("", _DATE_LINE_LABEL.sub("", unit.strip()))
    for rx in (NUMERIC_DATE, WORDED_DATE):
        m = rx.fullmatch(s)
        if m:
            try:
                return parse_printed_date(s), _printed(s)
            except ValueError:
                return None
    return None


def _mark_quoted(doc: Doc) -> None:
    n = len(doc.units)
    for s, seg in enumerate(doc.segments):
        if seg.role == "requester":
            continue
        end = doc.segments[s + 1].start if s + 1 < len(doc.segments) else n
        i = seg.start
        while i < end:
            u = doc.units[i]
            if _REQUEST_START.search(u):
                j = i + 1
                while j < end and not _REQUEST_END.search(doc.units[j]):
                    j += 1
                if j == end:
                    # No sign of the answer: quote only the enumerated questions' paragraph run.
                    j = i + 1
                    while j < end and j - i < 40 and not _REQUEST_END.search(doc.units[j]) and not _CITE_HINT.search(doc.units[j]):
                        j += 1
                for k in range(i + 1, j):
                    doc.quoted[k] = True
                i = j
                continue
            if _PROVIDES.search(u):
                j = i + 1
                while j < end and _STATUTE_LINE.match(doc.units[j]):
                    doc.quoted[j] = True
                    j += 1
                i = j
                continue
            i += 1


# ---------------------------------------------------------------------------------------------
# References

_REF_LABEL = re.compile(
    r"(?i:\b(?:ref(?:erence)?|request\s+(?:number|no|id)|case\s+(?:number|no)))\b\.?"
    r"(?i:\s*(?:no|number|num|nos)\b\.?)?\s*(?:[:#]|\bis\b)?\s*[-–]?\s*"
    r"(?P<ref>(?:[A-Z]{2,6}[\s/\-]?){0,3}\d[\w./\-]*\d|(?:[A-Z]{2,6}[\s/\-]?){0,3}\d)"
)


def find_references(doc: Doc) -> tuple[str | None, list[dict]]:
    """The request's reference (the most cited request reference) and internal review ones."""
    request: Counter = Counter()
    review: list[str] = []
    first: dict[str, int] = {}
    for i, u in enumerate(doc.units):
        for m in _REF_LABEL.finditer(u):
            ref = m.group("ref").rstrip(".-/")
            if len(ref) < 3 or not any(c.isdigit() for c in ref) or _is_date(ref):
                continue
            label = u[max(0, m.start() - 40): m.start("ref")].lower()
            if "your ref" in label:
                continue
            if "review" in label or "appeal" in label:
                if ref not in review:
                    review.append(ref)
            else:
                request[ref] += 1
                first.setdefault(ref, i)
    if not request:
        return None, []
    best = max(request, key=lambda r: (request[r], -first[r]))
    others = [{"reference": r, "kind": "internal_review"} for r in review if r != best]
    return best, others


def _is_date(s: str) -> bool:
    try:
        parse_printed_date(s)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Citations

_CITE_HINT = re.compile(r"(?i)\b(?:sections?|secs?|ss?)\b\.?\s*\d|§")
_RELIANCE = re.compile(
    r"\bexempt(?:ion|ions|ed)?\b|\bby virtue of\b|\bappl(?:y|ies|ied|ying)\b|\bengag(?:e|es|ed|ing)\b|\brel(?:y|ies|ied|ying)\b"
    r"|\bclaim(?:ed|ing|s)?\b|\bwithh(?:eld|old|olding)\b|\bredact|\brefus(?:e|ed|es|ing)\b|\brefusal\b(?! notice)|\bneither confirm nor deny\b|\bNCND\b"
    r"|\bcost(?:s)? (?:limit|of compliance)|\bappropriate limit\b|\bexceed|\bvexatious\b|\brepeated request|\bunder (?:section|s\b|s\.)"
    r"|\bnot (?:a )?valid\b",
    re.IGNORECASE,
)
_CONSIDERING = re.compile(r"\bconsider", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:do|does|did|has|have|had|is|are|was|were|will|would)\s+not\s+(?:be(?:en)?\s+)?(?:appl|rel[iy]|engag|claim)", re.IGNORECASE)
# "section 34 of the Data Protection Act", "Section 58 of that schedule": another Act's sections.
_OTHER_ACT = re.compile(r"^\s*(?:of|in)\s+(?:the\s+|that\s+|this\s+)?(?!Freedom of Information|FOI|Act\b|the Act\b)(?:[A-Z]|schedule\b|act\b)")
_BULLET = re.compile(r"^[\s•·●▪◦*\-–—>]*(?:\(?[a-z0-9]{1,3}[).]\s+)?")
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])(?<!\bi\.e)(?<!\be\.g)[.!?](?=\s+[A-Z(“\"‘']|\s*$)|;")
_RAW_TRIM = re.compile(r"[\s.,:\-–—]+$")

# FOISA (Scotland) numbers its sections differently; its grounds, for letters under that Act.
FOISA_GROUNDS = {"12": "Excessive cost of compliance", "14": "Vexatious or repeated requests", "18": "Neither confirm nor deny",
                 "25": "Information otherwise accessible", "26": "Prohibitions on disclosure", "27": "Information intended for future publication",
                 "28": "Relations within the United Kingdom", "29": "Formulation of Scottish Administration policy", "30": "Prejudice to effective conduct of public affairs",
                 "31": "National security and defence", "32": "International relations", "33": "Commercial interests and the economy",
                 "34": "Investigations by Scottish public authorities", "35": "Law enforcement", "36": "Confidentiality", "37": "Court records",
                 "38": "Personal information", "39": "Health, safety and the environment", "40": "Audit functions", "41": "Communications with Her Majesty"}
FOISA_PROCEDURAL = {"12", "14"}
_FOISA = re.compile(r"Freedom of Information \(Scotland\) Act|\bFOISA\b", re.IGNORECASE)


@dataclass
class Found:
    section: str
    citation: str
    raw: str
    ncnd: bool
    procedural: bool
    stage: str
    questions: list[str]

    def json(self) -> dict:
        return {"section": self.section, "citation": self.citation, "raw": self.raw, "ncnd": self.ncnd, "procedural": self.procedural}


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.end() if m else len(text))


def _expand(match_text: str, foisa: bool) -> list[tuple[str, str, bool, bool]]:
    """(section, citation, ncnd, procedural) for one citation match."""
    if not foisa:
        return [(c.section, c.citation, c.ncnd, c.procedural) for c in ex.parse_citations(match_text, strict=False)]
    # Under FOISA the catalogue's numbers mean other things; reuse the parser's expansion only.
    out = []
    section = None
    groups: list[str] = []
    parts = list(ex._PART.finditer(match_text[re.match(r"\D*", match_text).end():]))
    for k, part in enumerate(parts + [None]):
        number = part.group(1) if part else None
        if part is None or number is not None:
            if section in FOISA_GROUNDS:
                out += [(section, c, section == "18", section in FOISA_PROCEDURAL) for c in ex._expand(section, groups)]
            if part is None:
                break
            section, groups = number.upper(), []
        else:
            groups.append(part.group(2))
    return out


def find_citations(doc: Doc, question_refs) -> list[Found]:
    foisa = bool(_FOISA.search(doc.text))
    found: list[Found] = []
    listing_questions: list[str] = []
    for i, u in doc.authority_units():
        if u.rstrip().endswith(":"):
            listing_questions = question_refs(u)
        if not _CITE_HINT.search(u) or _TIMELINE_ENTRY.match(u):
            continue
        seg = doc.segments[doc.segment_of[i]]
        stage = {"extension": "extension_notice", "review_response": "internal_review"}.get(seg.kind, "response")
        head = _BULLET.match(u).end()
        for m in ex.CITATION.finditer(u):
            cits = _expand(m.group(0), foisa)
            if not cits or _OTHER_ACT.match(u[m.end():]):
                continue
            left, right = _sentence_bounds(u, m.start(), m.end())
            sentence = u[left:right]
            heading = m.start() <= head
            cue = _RELIANCE.search(sentence) or (seg.kind == "extension" and _CONSIDERING.search(sentence))
            if not heading and (not cue or _NEGATED.search(sentence)):
                continue
            raw = _raw(u, m, cits, foisa)
            questions = question_refs(sentence) or (listing_questions if heading else []) or question_refs(u[:m.start()][-300:])
            for section, citation, ncnd, procedural in cits:
                prior = next((f for f in found if f.citation == citation and f.stage == stage), None)
                if prior:
                    prior.questions = _merge(prior.questions, questions)
                else:
                    found.append(Found(section, citation, raw, ncnd, procedural, stage, list(questions)))
        if not u.rstrip().endswith(":") and not _BULLET.sub("", u)[:1].isupper() and not _CITE_HINT.match(_BULLET.sub("", u)):
            listing_questions = []
    return _drop_subsumed(found)


def _raw(unit: str, m: re.Match, cits, foisa: bool) -> str:
    """The citation as printed, up to the end of its sentence (the exemption's name included)."""
    _, right = _sentence_bounds(unit, m.start(), m.end())
    raw = _RAW_TRIM.sub("", unit[m.start(): right][:160])
    if not foisa:
        # The record loader parses ``raw`` strictly: it must name these citations and no others.
        try:
            if {c.citation for c in ex.parse_citation(raw)} != {c[1] for c in cits}:
                raw = m.group(0).strip()
        except ex.CitationError:
            raw = m.group(0).strip()
    return raw


def _merge(a: list[str], b: list[str]) -> list[str]:
    return a + [q for q in b if q not in a]


def _drop_subsumed(found: list[Found]) -> list[Found]:
    """A bare "Section 31" heading adds nothing when "31(1)(a)" is cited at the same stage."""
    keep = []
    for f in found:
        finer = [g for g in found if g is not f and g.stage == f.stage and g.citation.startswith(f.citation + "(")]
        if finer:
            for g in finer:
                g.questions = _merge(g.questions, f.questions)
        else:
            keep.append(f)
    return keep


# ---------------------------------------------------------------------------------------------
# Questions

_QREF = re.compile(r"\b(?:questions?|Q)\s*((?:\d{1,2}[a-z]?\b)(?:(?:\s*(?:,|&|\band\b|to)\s*|\s+)(?:and\s+)?(?:Q\s*)?\d{1,2}[a-z]?\b)*)", re.IGNORECASE)
_QNUM = re.compile(r"\d{1,2}[a-z]?")
_ENUM = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(\d{1,2})\s*(?:\)\s*([a-z])\b|([a-z])?\s*[).:\-–]\s*|([a-z])\))\s*(?=\S)", re.IGNORECASE)
_ANSWER_HEAD = re.compile(r"^\s*(?:Q(?:uestion)?\s*(\d{1,2}[a-z]?)\b\s*[).:\-–]?|(\d{1,2}[a-z]?)\s*[).]\s)", re.IGNORECASE)

QUESTION_CUES = [
    ("not_valid_request", re.compile(r"not (?:a )?valid (?:FOI(?:A)? )?request|not a request for (?:recorded )?information|\bs(?:ection|\.)?\s*84\b", re.I)),
    ("ncnd", re.compile(r"neither confirm nor deny|\bNCND\b", re.I)),
    ("not_held", re.compile(r"\bno (?:recorded )?(?:information|data|records?) (?:is |are )?held|\b(?:is|are|was) not held|(?:do|does) not hold|\bholds? no\b|\bno such (?:information|records?)|\bnot recorded\b", re.I)),
    ("publicly_available", re.compile(r"public(?:al)?ly available|public domain|already (?:been )?published|available (?:on|at|via|from) (?:our|the) (?:website|link|following)|reasonably accessible", re.I)),
    ("partially_disclosed", re.compile(r"\bredact", re.I)),
    ("exempt", re.compile(r"\bexempt\b|\bwithheld\b|\brefus|cannot be (?:disclosed|released|provided)", re.I)),
    ("disclosed", re.compile(r"please (?:see|find) (?:the )?(?:attached|enclosed|below|table)|\battached\b|\benclosed\b|\|", re.I)),
]


def question_refs(text: str) -> list[str]:
    out: list[str] = []
    for m in _QREF.finditer(text):
        for q in _QNUM.findall(m.group(1)):
            if q not in out:
                out.append(q)
    return out


def enumerated_questions(doc: Doc) -> dict[str, str]:
    """The request's numbered questions, id -> text: the longest run 1, 2, 3 ... (with "1a", "1b")."""
    best: dict[str, str] = {}
    run: dict[str, str] = {}
    last = 0
    for u in doc.units:
        m = _ENUM.match(u)
        if not m:
            continue
        n = int(m.group(1))
        letter = (m.group(2) or m.group(3) or m.group(4) or "").lower()
        if n == 1 and last != 1 and not (letter and letter != "a"):
            if len(run) > len(best):
                best = run
            run, last = {}, 0
        if n == last + 1 or (n == last and letter):
            run.setdefault(f"{n}{letter}", u[m.end():])
            last = n
    return run if len(run) > len(best) else best


_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset("please provide could would information request requested copy copies details with that this from have which what were there their about under also such these those other being been data number many much does".split())


def _match_questions(text: str, questions: dict[str, str]) -> list[str]:
    """Questions whose own words (those no other question uses) an answer repeats, two or more."""
    words = {q: set(_WORD.findall(t.lower())) - _COMMON for q, t in questions.items()}
    said = set(_WORD.findall(text.lower()))
    out = []
    for q, w in words.items():
        own = w - set().union(*(v for k, v in words.items() if k != q))
        if len(own & said) >= 2:
            out.append(q)
    return out


def _answer_outcome(body: str) -> str | None:
    return next((k for k, rx in QUESTION_CUES if rx.search(body)), "answered" if body.strip() else None)


_GROUP_CUES = QUESTION_CUES[:3] + [("exempt", re.compile(r"\bexempt\b|withheld|refus", re.I)),
                                   ("disclosed", re.compile(r"response to|disclos|please see below|answers? to", re.I))]
_SIGN_OFF = re.compile(r"^(?:Yours (?:sincerely|faithfully)|LEGAL ANNEX|COMPLAINT RIGHTS|Kind regards|Regards)\b", re.I)
_RESPONSE_LABEL = re.compile(r"^(?:Response|Answer|Reply)\s*:?\s*", re.I)


def find_questions(doc: Doc, enumerated: dict[str, str], found: list[Found], tables: list[dict]) -> list[dict]:
    """Per-question outcomes: from each answer's own text, else from a sentence that groups questions."""
    specific: dict[str, str] = {}
    group: dict[str, str] = {}
    mentioned: list[str] = []
    current: str | None = None
    answer: list[str] = []
    in_table = False

    def close():
        if current is not None:
            outcome = "disclosed" if in_table else _answer_outcome(" ".join(answer))
            if outcome and specific.get(current) in (None, "answered"):
                specific[current] = outcome

    for i, u in doc.authority_units():
        m = _ANSWER_HEAD.match(u)
        if m and doc.segments[doc.segment_of[i]].kind in ("response", None, "update"):
            close()
            current, in_table = (m.group(1) or m.group(2)).lower(), False
            mentioned.append(current)
            # The answer follows the restated question; a "Response" line starts it if there is one.
            answer = []
            continue
        if "|" in u:
            in_table = in_table or current is not None
        elif in_table:
            # Text after a table answers no question in particular: match it by the words it repeats.
            close()
            current, in_table = None, False
        if current is not None:
            if _RESPONSE_LABEL.match(u):
                answer = [_RESPONSE_LABEL.sub("", u)]
                continue
            if _SIGN_OFF.match(u):
                close()
                current = None
                continue
            answer.append(u)
        refs = question_refs(u)
        if refs:
            k = next((k for k, rx in _GROUP_CUES if rx.search(u)), None)
            for q in refs if k else []:
                group.setdefault(q, k)
        elif current is None and mentioned and enumerated:
            k = _answer_outcome(u)
            if k not in (None, "answered"):
                for q in _match_questions(u, enumerated):
                    group.setdefault(q, k)
    close()
    for t in tables:
        if t.get("question"):
            specific.setdefault(t["question"], "disclosed")
    for f in found:
        for q in f.questions:
            if f.stage == "response" and q not in specific and q not in group:
                group[q] = "ncnd" if f.ncnd else ("not_valid_request" if f.section == "84" else "exempt")

    ids = list(enumerated)
    for q in list(mentioned) + list(group) + list(specific):
        if q not in ids and re.fullmatch(r"\d{1,2}[a-z]?", q):
            ids.append(q)
    # "1a" and "1b" replace a plain "1".
    ids = [q for q in ids if not (q.isdigit() and any(o != q and o.startswith(q) and not o[len(q):].isdigit() for o in ids))]
    ids.sort(key=lambda q: (int(re.match(r"\d+", q).group()), q))
    out = []
    for q in ids:
        outcome = specific.get(q)
        if outcome in (None, "answered"):
            outcome = group.get(q, outcome)
        out.append({"question": q, "outcome": outcome})
    return out


# ---------------------------------------------------------------------------------------------
# Tables flattened into lines with "|"

_DATA_CELL = re.compile(r"^\s*(?:[-+£$]?\d[\d,.]*\s*%?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|n/?a|nil|none|yes|no|-)\s*$", re.IGNORECASE)


def find_tables(doc: Doc) -> list[dict]:
    tables = []
    i, n = 0, len(doc.units)
    question = None
    while i < n:
        u = doc.units[i]
        m = _ANSWER_HEAD.match(u)
        if m:
            question = (m.group(1) or m.group(2)).lower()
        if "|" not in u or doc.quoted[i]:
            i += 1
            continue
        j = i
        while j < n and "|" in doc.units[j]:
            j += 1
        rows = [[c.strip() for c in doc.units[k].split("|")] for k in range(i, j)]
        rows = [r[:-1] if r and r[-1] == "" else r for r in rows]
        rows = [r[1:] if r and r[0] == "" else r for r in rows]
        table = _shape(rows)
        if table:
            columns, body = table
            heading = " ".join(doc.units[max(0, i - 2): i] + columns).lower()
            tables.append({"kind": "blue_list" if "blue list" in heading else None, "question": question,
                           "columns": columns, "rows": body})
        i = j
    return tables


def _shape(rows: list[list[str]]) -> tuple[list[str], list[list[str]]] | None:
    if all(len(r) <= 1 for r in rows):
        # One cell per line: the header is the run of cells before the first cell that holds data.
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
# Dates and events

_EVENT_CUES_BEFORE = [
    ("internal_review_requested", re.compile(r"(?:review|complaint)\b.{0,160}\breceived\b.{0,80}?\bon\s*$|requested an internal review on\s*$|internal review request(?:ed)?\s*(?:dated|on|received on|:)\s*$", re.I)),
    ("internal_review_response", re.compile(r"(?:internal )?review (?:response|decision|outcome|completed|concluded)\b.{0,30}(?:on|dated|:)\s*$|date of (?:internal )?review\s*:?\s*$", re.I)),
    ("received", re.compile(r"\breceived\b.{0,80}?\b(?:on|:)\s*$|\b(?:date|request)\s+received\s*:?\s*$|\breceived\s*:\s*$|\bdate of (?:your )?request\s*:?\s*$|\breceipt of your request on\s*$", re.I)),
    ("acknowledged", re.compile(r"\backnowledged\b.{0,40}\bon\s*$|\backnowledge?ment (?:sent|date|dated)?\s*:?\s*(?:on\s*)?$", re.I)),
    ("extension_estimate", re.compile(r"(?:amended|revised|new|extended|estimated|expected|anticipated) (?:date|deadline|response date)\b.{0,60}?(?:is|of|will be|by|to|:)\s*$|\b(?:expects?|aim|aims|hope|intend) to (?:respond|reply|provide|reach|send|complete)\b.{0,60}?\bby\s*$|estimate of the date\b.*$|extended (?:the (?:deadline|time(?: limit)?) )?(?:to|until)\s*$", re.I)),
    ("extension_notice", re.compile(r"(?:extension|section 17\s*\(2\)|s\.?\s*17\s*\(2\)) (?:notice|letter)?.{0,40}(?:sent|issued|dated|on)\s*$", re.I)),
    ("update", re.compile(r"\bupdate\b.{0,40}\b(?:on|dated)\s*$", re.I)),
    ("chaser", re.compile(r"\b(?:chased|reminder sent|you wrote again)\b.{0,40}\bon\s*$", re.I)),
    ("response", re.compile(r"(?:date of (?:the )?(?:response|reply|disclosure)|response date|date responded|date (?:of )?(?:reply|answer) sent|responded (?:to [^.]{0,40})?on|replied (?:to [^.]{0,40})?on|response (?:was )?(?:sent|issued|provided)\b.{0,30}\bon)\s*:?\s*$", re.I)),
]
# A timeline entry, "19/10/2016 - You were issued with ...": classed by what follows the date.
_EVENT_CUES_AFTER = [
    ("internal_review_requested", re.compile(r"^(?:.{0,60}\brequested an internal review|.{0,60}internal review (?:was )?requested|.{0,40}request(?:ed)? (?:for )?an? (?:internal )?review)", re.I)),
    ("internal_review_response", re.compile(r"^.{0,60}internal review (?:response|decision|outcome|completed)", re.I)),
    ("received", re.compile(r"^.{0,60}\b(?:request|it)\b.{0,40}\breceived\b", re.I)),
    ("acknowledged", re.compile(r"^.{0,60}\backnowledg", re.I)),
    ("extension_notice", re.compile(r"^.{0,60}(?:refusal notice\b.{0,160}\bconsider|extension|extended|section 17\s*\(2\)|s\.?17\(2\))", re.I)),
    ("update", re.compile(r"^.{0,100}\bupdate\b", re.I)),
    ("chaser", re.compile(r"^.{0,60}\b(?:chase|reminder|overdue)", re.I)),
    ("response", re.compile(r"^.{0,60}\b(?:response|responded|replied|disclosure)\b.{0,30}\b(?:sent|issued|provided|made)", re.I)),
]
_NOT_EVENT = re.compile(r"\b(?:meeting|minutes|committee|board|hearing|court|published|deploy|operation|incident|carnival|match)\b.{0,40}$", re.I)
_TIMELINE = re.compile(r"^\s*[-–—:]\s*")
# "19/10/2016 - You were issued with ...": history told in a review, not a ground applied there.
_TIMELINE_ENTRY = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*[-–—:]\s")
_DATE_TAIL = re.compile(r"(?:\bon|\bdated|\bof|\bthe|\d{1,2}(?:st|nd|rd|th)?)$", re.IGNORECASE)
_SEGMENT_EVENT = {"ack": "acknowledged", "extension": "extension_notice", "response": "response", "review_response": "internal_review_response",
                  "update": "update", "review_request": "internal_review_requested", "chaser": "chaser"}


def _printed(s: str) -> str:
    return " ".join(s.split())


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in re.finditer(r"“[^”“]{0,3000}”|\"[^\"]{0,3000}\"", text)]
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 10**12)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def find_dates(unit: str):
    """(start, end, date, printed) for each date printed in the unit."""
    out = []
    for rx in (NUMERIC_DATE, WORDED_DATE):
        for m in rx.finditer(unit):
            if m.start() and unit[m.start() - 1].isdigit():
                continue
            printed = m.group(0)
            core = printed[printed.index(m.group(1)):] if rx is WORDED_DATE else printed
            try:
                out.append((m.start() + len(printed) - len(core), m.end(), parse_printed_date(core), _printed(core)))
            except ValueError:
                continue
    out.sort()
    return out


def find_events(doc: Doc) -> list[dict]:
    events: list[dict] = []

    def add(event, date, printed, note):
        if not any(e["event"] == event and e["date"] == date for e in events):
            events.append({"event": event, "date": date, "printed": printed, "note": note})

    spans = _quote_spans(doc.text)
    for i, u in doc.authority_units():
        if not any(c.isdigit() for c in u):
            continue
        for start, end, date, printed in find_dates(u):
            if _inside(spans, doc.offsets[i] + start):
                continue
            before = u[:start].replace("i.e.", "ie").replace("e.g.", "eg")
            cut = max(before.rfind(". "), before.rfind("? "))
            before = before[cut + 1:] if cut >= 0 else before
            after = u[end:]
            event = None
            if not before.strip() and _TIMELINE.match(after):
                event = next((k for k, rx in _EVENT_CUES_AFTER if rx.search(_TIMELINE.sub("", after)[:250])), None)
                note = "timeline entry"
            else:
                if _NOT_EVENT.search(before[-60:]):
                    continue
                event = next((k for k, rx in _EVENT_CUES_BEFORE if rx.search(before[-200:])), None)
                if event is None and re.search(r"correspondence dated\s*$", before, re.I) and re.match(r"\s*requesting an internal review", after, re.I):
                    event = "internal_review_requested"
                note = "stated in the text"
            if event:
                add(event, date, printed, note)
    for seg in doc.segments:
        event = _SEGMENT_EVENT.get(seg.kind or "")
        if seg.date and event and (seg.role != "requester" or event in ("internal_review_requested", "chaser")):
            add(event, seg.date[0], seg.date[1], "date of the message")
    events.sort(key=lambda e: (e["date"], list(_SEGMENT_EVENT.values()).index(e["event"]) if e["event"] in _SEGMENT_EVENT.values() else -1))
    return events


def _event_date(events: list[dict], name: str, warnings: list[str]) -> dict | None:
    dates = [e for e in events if e["event"] == name]
    if len({e["date"] for e in dates}) > 1:
        warnings.append(f"several '{name}' dates ({', '.join(e['printed'] for e in dates)}); date_{'received' if name == 'received' else 'responded'} left for a person")
        return None
    return dates[0] if dates else None


# ---------------------------------------------------------------------------------------------
# Outcome

_WDTK_STATUS = [
    ("partially_disclosed", re.compile(r"The request was partially successful", re.I)),
    ("disclosed", re.compile(r"The request was successful", re.I)),
    ("not_held", re.compile(r"did not have the information requested|The request (?:was|is) not held|Information not held", re.I)),
    ("refused", re.compile(r"The request was (?:refused|rejected)", re.I)),
]
_PARTIAL = re.compile(r"decided to disclose (?:some|part)|disclose (?:some|part) of the (?:requested )?information|\bpartial(?:ly)? (?:disclos|release)"
                      r"|some (?:of the )?(?:requested )?(?:information|data) (?:has been|is being|will be|was) withheld|\bprovided in part", re.I)
_REFUSED = re.compile(r"decided (?:not to disclose|to withhold|to refuse)|(?:request|it) is (?:therefore )?refused|refus(?:e|ing) (?:your|this|the) request"
                      r"|exempt (?:from disclosure )?in (?:its )?(?:entirety|full)|(?:cannot|will not|unable to) comply with (?:your|this|the) request|not obliged to comply", re.I)
_DISCLOSED = re.compile(r"decided to disclose (?:the|all)|please (?:see|find) (?:the )?(?:attached|enclosed|below|table)|\bI attach\b|(?:is|are) (?:attached|enclosed)"
                        r"|information (?:you requested |requested )?(?:is )?(?:provided|shown|set out) below|(?:my|our) response is as follows|answers? (?:to your questions )?(?:is|are) (?:provided )?below", re.I)
_WITHHELD = re.compile(r"\bredact|\bwithheld\b|\bexempt from disclosure\b", re.I)
_NCND = re.compile(r"neither confirm(?:s|ing)? nor den(?:y|ies|ying)|\bNCND\b", re.I)
_NOT_HELD = re.compile(r"(?:does|do) not hold (?:any |the )?(?:recorded )?information|(?:no|the) (?:recorded )?information (?:is|was) (?:not )?held"
                       r"|information (?:you requested |requested )?(?:is|was) not held|\bholds? no (?:recorded )?information", re.I)


def decide_outcome(doc: Doc, found: list[Found], questions: list[dict], tables: list[dict]) -> tuple[str | None, bool]:
    """(overall outcome, ncnd) from what the authority's own text says."""
    # The final word: the last response (or review) message; a single letter is all of it.
    responses = [s for s, seg in enumerate(doc.segments) if seg.kind in ("response",)]
    scope = set(responses[-1:]) if responses else {s for s, seg in enumerate(doc.segments) if seg.role != "requester"}
    text = "\n".join(u for i, u in doc.authority_units() if doc.segment_of[i] in scope)
    relied = [f for f in found if f.stage != "extension_notice"]
    ncnd = any(f.ncnd for f in relied) or bool(_NCND.search(text))
    if _PARTIAL.search(text):
        return "partially_disclosed", ncnd
    header = "\n".join(doc.units[: doc.segments[1].start if len(doc.segments) > 1 else 12])
    for outcome, rx in _WDTK_STATUS:
        if rx.search(header):
            if outcome == "refused" and ncnd and not any(not f.ncnd and not f.procedural for f in relied):
                return "ncnd", ncnd
            return outcome, ncnd
    q_outcomes = {q["outcome"] for q in questions if q["outcome"]}
    gave = bool(_DISCLOSED.search(text)) or bool(tables) or bool(q_outcomes & {"disclosed", "partially_disclosed", "answered", "publicly_available"})
    held_back = bool(_WITHHELD.search(text)) or any(not f.procedural for f in relied) or ncnd or bool(q_outcomes & {"exempt", "ncnd", "not_valid_request"})
    cost = any(f.section in ("12", "14") for f in relied)
    if _REFUSED.search(text) and not gave:
        return ("ncnd" if ncnd and not any(not f.ncnd and not f.procedural for f in relied) else "refused"), ncnd
    if cost and not gave:
        return "refused", ncnd
    if gave and held_back:
        return "partially_disclosed", ncnd
    if gave:
        return "disclosed", ncnd
    if ncnd and not any(not f.ncnd and not f.procedural for f in relied):
        return "ncnd", ncnd
    if held_back:
        return "refused", ncnd
    if _NOT_HELD.search(text) or q_outcomes == {"not_held"}:
        return "not_held", ncnd
    return None, ncnd


# ---------------------------------------------------------------------------------------------
# The whole reading


@dataclass
class Extraction:
    source: str
    title: str | None
    kind: str
    authority: str | None
    reference: str | None
    other_references: list[dict]
    received: dict | None
    responded: dict | None
    events: list[dict]
    exemptions: list[Found]
    ncnd: bool
    outcome: str | None
    questions: list[dict]
    tables: list[dict]
    warnings: list[str]

    @property
    def sections(self) -> list[str]:
        # Only under consideration in an extension notice is not relied on.
        return sorted({f.section for f in self.exemptions if f.stage != "extension_notice"})

    def json(self) -> dict:
        iso = lambda e: e["date"].isoformat() if e else None  # noqa: E731
        return {
            "source": self.source,
            "authority": self.authority,
            "reference": self.reference,
            "date_received": iso(self.received),
            "date_responded": iso(self.responded),
            "events": [{"date": e["date"].isoformat(), "event": e["event"]} for e in self.events],
            "exemptions": [f.json() for f in self.exemptions],
            "sections": self.sections,
            "ncnd": self.ncnd,
            "outcome": self.outcome,
            "questions": self.questions,
            "tables": self.tables,
        }

    def record(self) -> dict:
        """The draft in the format of data/raw/disclosures/*.yaml (dates as printed)."""
        rec: dict = {"reference": self.reference}
        if self.other_references:
            rec["other_references"] = self.other_references
        notes = "; ".join(self.warnings) if self.warnings else None
        rec["authority"] = self.authority
        rec["source"] = {"title": self.title, "file": Path(self.source).name, "kind": self.kind, "notes": notes}
        rec["date_received"] = self.received["printed"] if self.received else None
        rec["date_responded"] = self.responded["printed"] if self.responded else None
        rec["outcome"] = self.outcome
        rec["events"] = [{"event": e["event"], "date": e["printed"], "note": e["note"]} for e in self.events]
        rec["exemptions"] = []
        for f in self.exemptions:
            if rec["exemptions"] and rec["exemptions"][-1]["raw"] == f.raw and rec["exemptions"][-1]["stage"] == f.stage:
                rec["exemptions"][-1]["questions"] = _merge(rec["exemptions"][-1]["questions"], f.questions)
                continue
            rec["exemptions"].append({"raw": f.raw, "stage": f.stage, "questions": list(f.questions)})
        rec["questions"] = [dict(q) for q in self.questions]
        rec["tables"] = self.tables
        return rec


_WDTK = re.compile(r"whatdotheyknow|The request was (?:partially )?successful|The request was (?:refused|rejected)|show quoted sections|Awaiting classification|Long overdue", re.I)
_LOG = re.compile(r"disclosure log|request reference number|date of response|date published", re.I)


def extract_text(text: str, source: str = "<text>", warnings: list[str] | None = None) -> Extraction:
    """Read one saved response (text or HTML) into an ``Extraction``."""
    warnings = list(warnings or [])
    title = None
    if looks_like_html(text):
        text, title = html_to_text(text)
        if title:
            title = re.sub(r"\s*[-|–]\s*WhatDoTheyKnow\s*$", "", title)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = clean_lines(text)
    furniture = len([x for x in raw_lines if x.strip()]) - len([x for x in lines if x.strip()])
    doc = build_doc(lines)
    if title is None:
        title = next((u for u in doc.units if not _DEAR.match(u)), None)
        title = title[:150] if title else None

    reference, others = find_references(doc)
    authority = _authority(doc)
    found = find_citations(doc, question_refs)
    tables = find_tables(doc)
    questions = find_questions(doc, enumerated_questions(doc), found, tables)
    events = find_events(doc)
    received = _event_date(events, "received", warnings)
    responded = _event_date(events, "response", warnings)
    outcome, ncnd = decide_outcome(doc, found, questions, tables)
    if len(questions) == 0 and any(_REQUEST_START.search(u) for u in doc.units) and outcome:
        # One unnumbered request: its outcome is the response's.
        questions = [{"question": "1", "outcome": {"refused": "exempt"}.get(outcome, outcome)}]
    for q in questions:
        if q["outcome"] is None:
            warnings.append(f"question {q['question']}: outcome not stated")
    if _FOISA.search(doc.text):
        warnings.append("a FOISA (Scotland) response: section numbers are FOISA's, not FOIA's")
    kind = "whatdotheyknow_thread" if _WDTK.search(doc.text) else ("disclosure_log" if furniture or _LOG.search(doc.text) else "letter")
    if not any([reference, authority, found, outcome, events]):
        raise InputError("no FOI response found (no reference, authority, citation, decision or dated event)")
    return Extraction(source, title, kind, authority, reference, others, received, responded, events, found, ncnd, outcome,
                      questions, tables, warnings)


def _authority(doc: Doc) -> str | None:
    rx, canon = _authority_regex()
    score: Counter = Counter()
    for i, u in enumerate(doc.units):
        seg = doc.segments[doc.segment_of[i]]
        for m in rx.finditer(u):
            name = canon[int(m.lastgroup[1:])]
            weight = 1
            if _AUTH_BEFORE.search(u[max(0, m.start() - 30): m.start()]) or _AUTH_AFTER.match(u[m.end(): m.end() + 30]):
                weight = 5
            if seg.role == "requester" and not _DEAR.match(u):
                weight = 1
            score[name] += weight
    if not score:
        return None
    ranked = score.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def extract_file(path: Path) -> Extraction:
    text, warnings = decode(path.read_bytes())
    return extract_text(text, str(path), warnings)


# ---------------------------------------------------------------------------------------------
# Command line


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", type=Path, help="saved FOI responses (text or HTML)")
    p.add_argument("--json", action="store_true", help="print a JSON array (one object per file) instead of writing drafts")
    p.add_argument("--out", type=Path, default=None,
                   help="folder for the draft YAML records (default: ./drafts; with --json, only if given)")


def draft_yaml(x: Extraction) -> str:
    header = (f"# UNREVIEWED DRAFT written by `foi-analysis extract` from {Path(x.source).name}.\n"
              "# Check every field against the document, fill what is null, then move it to data/raw/disclosures/.\n")
    return header + yaml.safe_dump(x.record(), sort_keys=False, allow_unicode=True, width=100)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(args: argparse.Namespace) -> int:
    out_dir = args.out if args.out is not None else (None if args.json else Path("drafts"))
    if out_dir is not None:
        if out_dir.resolve() == config.RAW_DISCLOSURES.resolve():
            print(f"extract: refusing to write drafts into {out_dir}: a person reviews them first", file=sys.stderr)
            return 2
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    results = []
    names: Counter = Counter()
    for path in args.files:
        try:
            x = extract_file(path)
        except (InputError, OSError) as err:
            failed += 1
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            print(f"{path}: error: {reason}; skipped", file=sys.stderr)
            continue
        for w in x.warnings:
            print(f"{path}: warning: {w}", file=sys.stderr)
        results.append(x.json())
        if out_dir is not None:
            stem = path.stem
            names[stem] += 1
            target = out_dir / (f"{stem}.yaml" if names[stem] == 1 else f"{stem}-{names[stem]}.yaml")
            _write_atomic(target, draft_yaml(x))
            if not args.json:
                print(f"{path}: draft written to {target}", file=sys.stderr)
    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    if failed:
        print(f"extract: {failed} of {len(args.files)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
