"""The catalogue of each law's grounds for refusal, and a parser for citations as real letters print them.

A request is answered under one of four laws (a record's ``law`` field; absent means FOIA), and a
citation is read against that law's catalogue: the same number means other grounds in each (FOIA
s35 is the formulation of government policy, FOISA s35 law enforcement).

- FOIA 2000: Part II exemptions (sections 21-44, with 22A) plus the procedural grounds s12 (cost),
  s14 (vexatious or repeated) and s84 ("information" means recorded information).
- FOISA 2002 (Scotland): Part 2 exemptions (sections 25-41) plus s12 (excessive cost), s14
  (vexatious or repeated) and s18 (neither confirm nor deny, cited with an exemption).
- EIR 2004: the exceptions of regulation 12(4)(a)-(e) and 12(5)(a)-(g), 12(6) (neither confirm nor
  deny) and regulation 13 (personal data); cited as "regulation 12(4)(b)", each exception is its
  own ``section`` ("12(4)(b)").
- EISR 2004 (the Environmental Information (Scotland) Regulations, which Scottish letters call "the
  EIRs"): the same exceptions numbered as regulation 10(4)(a)-(e) and 10(5)(a)-(g), 10(8) (neither
  confirm nor deny) and regulation 11 (personal data); cited and kept as the EIR's are ("10(5)(b)").

Procedural grounds are kept and labelled ``procedural``, never counted as exemptions. Advice and
assistance (FOIA s16, FOISA s15, EIR and EISR reg 9), often cited beside a refusal, is no ground at all: it
is kept as an ``advice`` row (procedural, and left out of the sections a request relies on).

``parse_citations("Section 40(2)(a)(b) and (3)(a)(i)(ii)(b) Personal information")`` gives one
citation per sub-paragraph: 40(2)(a), 40(2)(b), 40(3)(a)(i), 40(3)(a)(ii), 40(3)(b).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Section:
    number: str
    name: str
    kind: str  # "exemption" | "procedural" | "advice"
    absolute: bool | None  # None for procedural grounds
    basis: str | None  # "class" | "prejudice" | None
    ncnd: tuple[str, ...]  # subsections that remove the duty to confirm or deny ("*": the whole section)
    note: str = ""


# Sources: FOIA 2000 Part II; ICO guidance on each section. "partly" absolute sections are
# qualified here and refined per citation in ``is_absolute``.
CATALOGUE: dict[str, Section] = {
    s.number: s
    for s in [
        Section("12", "Cost of compliance exceeds appropriate limit", "procedural", None, None, ()),
        Section("14", "Vexatious or repeated requests", "procedural", None, None, ()),
        Section("16", "Duty to provide advice and assistance", "advice", None, None, ()),
        Section("21", "Information accessible to applicant by other means", "exemption", True, "class", ()),
        Section("22", "Information intended for future publication", "exemption", False, "class", ("2",)),
        Section("22A", "Research", "exemption", False, "prejudice", ("2",)),
        Section("23", "Information supplied by, or relating to, bodies dealing with security matters", "exemption", True, "class", ("5",)),
        Section("24", "National security", "exemption", False, "prejudice", ("2",)),
        Section("26", "Defence", "exemption", False, "prejudice", ("3",)),
        Section("27", "International relations", "exemption", False, "prejudice", ("4",)),
        Section("28", "Relations within the United Kingdom", "exemption", False, "prejudice", ("3",)),
        Section("29", "The economy", "exemption", False, "prejudice", ("2",)),
        Section("30", "Investigations and proceedings conducted by public authorities", "exemption", False, "class", ("3",)),
        Section("31", "Law enforcement", "exemption", False, "prejudice", ("3",)),
        Section("32", "Court records", "exemption", True, "class", ("3",)),
        Section("33", "Audit functions", "exemption", False, "prejudice", ("3",)),
        Section("34", "Parliamentary privilege", "exemption", True, "class", ("2",)),
        Section("35", "Formulation of government policy", "exemption", False, "class", ("3",)),
        Section("36", "Prejudice to effective conduct of public affairs", "exemption", False, "prejudice", ("3",),
                "absolute only for information held by the Houses of Parliament"),
        Section("37", "Communications with Her Majesty, and honours", "exemption", False, "class", ("2",),
                "37(1)(a), (aa) and (ab) are absolute"),
        Section("38", "Health and safety", "exemption", False, "prejudice", ("2",)),
        Section("39", "Environmental information", "exemption", False, "class", ("2",)),
        Section("40", "Personal information", "exemption", True, "class", ("5", "5A", "5B"),
                "absolute in most cases (40(1), and 40(2) under the first condition)"),
        Section("41", "Information provided in confidence", "exemption", True, "class", ("2",)),
        Section("42", "Legal professional privilege", "exemption", False, "class", ("2",)),
        Section("43", "Commercial interests", "exemption", False, "prejudice", ("3",), "43(1) trade secrets is class based"),
        Section("44", "Prohibitions on disclosure", "exemption", True, "class", ("2",)),
        Section("84", "Interpretation: 'information' means recorded information", "procedural", None, None, ()),
    ]
}

# Sections a letter mentions without relying on them to withhold anything: the right of access
# (1), time for compliance (10), the refusal notice itself (17).
NOT_GROUNDS = {"1": "right of access", "2": "effect of the exemptions", "10": "time for compliance",
               "11": "means of communication", "17": "refusal notice",
               "45": "code of practice", "50": "ICO decision notice"}

# FOISA 2002 Part 2 and the procedural sections, named by the Act's headings. Absolute per s2(2):
# s25, s26, s36(2), s37 and s38 (in most cases); FOISA has no NCND subsections: s18 does that.
FOISA_CATALOGUE: dict[str, Section] = {
    s.number: s
    for s in [
        Section("12", "Excessive cost of compliance", "procedural", None, None, ()),
        Section("14", "Vexatious or repeated requests", "procedural", None, None, ()),
        Section("15", "Duty to provide advice and assistance", "advice", None, None, ()),
        Section("18", "Further provision as respects responses to request (neither confirm nor deny)", "procedural",
                None, None, ("*",)),
        Section("25", "Information otherwise accessible", "exemption", True, "class", ()),
        Section("26", "Prohibitions on disclosure", "exemption", True, "class", ()),
        Section("27", "Information intended for future publication", "exemption", False, "class", ()),
        Section("28", "Relations within the United Kingdom", "exemption", False, "prejudice", ()),
        Section("29", "Formulation of Scottish Administration policy etc.", "exemption", False, "class", ()),
        Section("30", "Prejudice to effective conduct of public affairs", "exemption", False, "prejudice", ()),
        Section("31", "National security and defence", "exemption", False, "prejudice", ()),
        Section("32", "International relations", "exemption", False, "prejudice", ()),
        Section("33", "Commercial interests and the economy", "exemption", False, "prejudice", (), "33(1)(a) trade secrets is class based"),
        Section("34", "Investigations by Scottish public authorities and proceedings arising out of such investigations",
                "exemption", False, "class", ()),
        Section("35", "Law enforcement", "exemption", False, "prejudice", ()),
        Section("36", "Confidentiality", "exemption", False, "class", (), "36(2) (information provided in confidence) is absolute"),
        Section("37", "Court records, etc.", "exemption", True, "class", ()),
        Section("38", "Personal information", "exemption", True, "class", (), "absolute in most cases (s2(2)(e))"),
        Section("39", "Health, safety and the environment", "exemption", False, "prejudice", ()),
        Section("40", "Audit functions", "exemption", False, "prejudice", ()),
        Section("41", "Communications with Her Majesty etc. and honours", "exemption", False, "class", ()),
    ]
}
FOISA_NOT_GROUNDS = {"1": "general entitlement", "2": "effect of exemptions", "10": "time for compliance",
                     "16": "refusal notice", "17": "notice that information is not held", "20": "requirement for review",
                     "21": "review by Scottish public authority", "47": "application for decision by Commissioner"}

# EIR 2004 regulations 12 and 13, named by the Regulations' wording, shortened. Every exception is
# subject to the public interest test (reg 12(1)(b)); reg 13 is absolute in most cases, as FOIA s40.
EIR_CATALOGUE: dict[str, Section] = {
    s.number: s
    for s in [
        Section("9", "Advice and assistance", "advice", None, None, ()),
        Section("12", "Exceptions to the duty to disclose environmental information", "exemption", False, "class", ()),
        Section("12(4)(a)", "Information not held when the request was received", "procedural", None, None, (),
                "an exception in form; like FOIA s84 it says the information is not held"),
        Section("12(4)(b)", "Manifestly unreasonable request", "exemption", False, "class", ()),
        Section("12(4)(c)", "Request formulated in too general a manner", "exemption", False, "class", ()),
        Section("12(4)(d)", "Material in the course of completion, unfinished documents or incomplete data", "exemption", False, "class", ()),
        Section("12(4)(e)", "Internal communications", "exemption", False, "class", ()),
        Section("12(5)(a)", "International relations, defence, national security or public safety", "exemption", False, "prejudice", ()),
        Section("12(5)(b)", "The course of justice, a fair trial or an inquiry of a criminal or disciplinary nature", "exemption", False, "prejudice", ()),
        Section("12(5)(c)", "Intellectual property rights", "exemption", False, "prejudice", ()),
        Section("12(5)(d)", "Confidentiality of proceedings", "exemption", False, "prejudice", ()),
        Section("12(5)(e)", "Confidentiality of commercial or industrial information", "exemption", False, "prejudice", ()),
        Section("12(5)(f)", "Interests of the person who provided the information", "exemption", False, "prejudice", ()),
        Section("12(5)(g)", "Protection of the environment", "exemption", False, "prejudice", ()),
        Section("12(6)", "Neither confirm nor deny (matters in regulation 12(5)(a))", "procedural", None, None, ("*",)),
        Section("13", "Personal data", "exemption", True, "class", ("5", "5A", "5B"), "absolute in most cases"),
    ]
}
EIR_NOT_GROUNDS = {"2": "interpretation", "5": "duty to make available", "6": "form and format", "7": "extension of time",
                   "11": "representations and reconsideration", "14": "refusal to disclose information"}

# EISR 2004 (SSI 2004/520) regulations 10 and 11: the EIR's exceptions under Scottish numbers, named
# by the Regulations' wording, shortened (10(4) and 10(5) follow EIR 12(4) and 12(5) letter by letter).
# Every exception is subject to the public interest test (reg 10(1)(b)); reg 11 (personal data) is
# absolute in most cases, as FOISA s38.
EISR_CATALOGUE: dict[str, Section] = {
    s.number: s
    for s in [
        Section("9", "Duty to provide advice and assistance", "advice", None, None, ()),
        Section("10", "Exceptions from duty to make environmental information available", "exemption", False, "class", ()),
        Section("10(4)(a)", "Information not held when the request was received", "procedural", None, None, (),
                "an exception in form; like FOIA s84 it says the information is not held"),
        Section("10(4)(b)", "Manifestly unreasonable request", "exemption", False, "class", ()),
        Section("10(4)(c)", "Request formulated in too general a manner", "exemption", False, "class", ()),
        Section("10(4)(d)", "Material still in course of completion, unfinished documents or incomplete data", "exemption", False, "class", ()),
        Section("10(4)(e)", "Internal communications", "exemption", False, "class", ()),
        Section("10(5)(a)", "International relations, defence, national security or public safety", "exemption", False, "prejudice", ()),
        Section("10(5)(b)", "The course of justice, a fair trial or an inquiry of a criminal or disciplinary nature", "exemption", False, "prejudice", ()),
        Section("10(5)(c)", "Intellectual property rights", "exemption", False, "prejudice", ()),
        Section("10(5)(d)", "Confidentiality of proceedings", "exemption", False, "prejudice", ()),
        Section("10(5)(e)", "Confidentiality of commercial or industrial information", "exemption", False, "prejudice", ()),
        Section("10(5)(f)", "Interests of the person who provided the information", "exemption", False, "prejudice", ()),
        Section("10(5)(g)", "Protection of the environment", "exemption", False, "prejudice", ()),
        Section("10(8)", "Neither confirm nor deny (matters in regulation 10(5)(a))", "procedural", None, None, ("*",)),
        Section("11", "Personal data", "exemption", True, "class", (), "absolute in most cases"),
    ]
}
EISR_NOT_GROUNDS = {"2": "interpretation", "5": "duty to make available", "6": "form and format", "7": "extension of time",
                    "8": "charging", "13": "refusal to make information available", "16": "review by Scottish public authority",
                    "17": "enforcement and appeal provisions"}

LAWS = ("FOIA", "FOISA", "EIR", "EISR")
CATALOGUES = {"FOIA": CATALOGUE, "FOISA": FOISA_CATALOGUE, "EIR": EIR_CATALOGUE, "EISR": EISR_CATALOGUE}
NOT_GROUNDS_BY_LAW = {"FOIA": NOT_GROUNDS, "FOISA": FOISA_NOT_GROUNDS, "EIR": EIR_NOT_GROUNDS, "EISR": EISR_NOT_GROUNDS}
# The laws whose grounds are regulations ("regulation 12(4)(b)"), each exception its own section.
REGULATION_LAWS = ("EIR", "EISR")
# The exemption for information reasonably accessible by other means (FOIA s21, FOISA s25): citing
# it points to where the information is and keeps nothing back.
OTHERWISE_ACCESSIBLE = {"FOIA": "21", "FOISA": "25"}
# Each law's section numbers ("31", "22A"), read from its catalogue once, not on every parse.
_SECTION_NUMBERS = {law: frozenset(re.match(r"\d+[A-Z]?", k).group() for k in catalogue) for law, catalogue in CATALOGUES.items()}

# How a text names the Freedom of Information (Scotland) Act 2002: "FOISA", "FOI(S)A", or in full.
# One pattern decides a saved letter's law (extract) and warns of a record without ``law:`` whose
# citations name the Scottish Act (add). FOISA_NAME_WORDS: what every match holds, lower-cased (the
# extractor tries the pattern only around them).
FOISA_NAME = re.compile(r"\bFOI(?:SA|\(S\)A)\b|\bFreedom of Information \(Scotland\)", re.IGNORECASE)
FOISA_NAME_WORDS = ("foisa", "foi(s)a", "freedom of information (scotland)")
# How a text names the Freedom of Information Act 2000 ("the FOI Act" is left out: Scottish letters say it
# too). As text: compiled by ``re`` the first time a citation names an Act, which most never do.
FOIA_NAME = r"(?i)\bFOIA\b|\bFreedom of Information Act\b"


def act_named(citation: str) -> str | None:
    """The Act a citation line names, "FOIA" or "FOISA" (None: neither, or both): a record's citation
    naming the other Act than the record's law would be read with the wrong catalogue."""
    low = citation.lower()
    if "foi" not in low and "freedom of information" not in low:  # every name of either Act holds one
        return None
    named = {law for law, pattern in (("FOIA", FOIA_NAME), ("FOISA", FOISA_NAME)) if re.search(pattern, citation)}
    return named.pop() if len(named) == 1 else None


def section_key(section: str) -> tuple[int, str]:
    """Sections in statute order: 22 < 22A < 31 < 84 (as text, "84" would sort before "9");
    an EIR exception "12(4)(b)" by its regulation, 12 (and "FOISA 35", as findings name another law's, by 35)."""
    return int(re.search(r"\d+", section).group()), section


class CitationError(ValueError):
    """A citation that names no known section, or names one that is not a ground for refusal."""


@dataclass(frozen=True)
class Citation:
    section: str  # "31", "22A"; an EIR exception "12(4)(b)"
    citation: str  # "31(1)(a)"
    raw: str  # the text as printed
    law: str = "FOIA"

    @property
    def subsection(self) -> str | None:
        m = re.match(re.escape(self.section) + r"\(([^)]+)\)", self.citation)
        return m.group(1) if m else None

    @property
    def info(self) -> Section:
        return CATALOGUES[self.law][self.section]

    @property
    def ncnd(self) -> bool:
        return "*" in self.info.ncnd or self.subsection in self.info.ncnd

    @property
    def advice(self) -> bool:
        return self.info.kind == "advice"

    @property
    def procedural(self) -> bool:
        return self.info.kind != "exemption"

    @property
    def absolute(self) -> bool | None:
        if self.procedural:
            return None
        if self.section == "37" and self.law == "FOIA":
            return bool(re.match(r"37\(1\)\((a|aa|ab)\)", self.citation))
        if self.section == "36" and self.law == "FOISA":
            return self.citation.startswith("36(2)")
        return self.info.absolute


_ROMAN = re.compile(r"(?=[ivx]+$)x{0,3}(ix|iv|v?i{0,3})$")
# "§" is not a word character: a word boundary before it would need a letter or digit there
# ("under §31" would not match), so only the worded forms take one (in CITATION).
_SECTION_WORD = r"(?:sections?|sect\.?|secs?\.?|ss?\.?|§)"
# A section number and everything that can belong to it: brackets, and more bracket groups or
# section numbers joined by "and", "&", ",", "or", "/".
_GROUP = r"\(\s*[0-9A-Za-z]{1,4}\s*\)"
_RANGE_DASH = r"\s*(?:-|–|to)\s*"
# Bracket groups, each possibly the start of a range: "(a)-(c)" means (a), (b) and (c).
_BRACKETS = rf"(?:\s*{_GROUP}(?:{_RANGE_DASH}{_GROUP})?)*"
_SECTION_NUMBER = r"\d{1,2}[A-Z]?(?![\d/])"
_JOINER = r"\s*(?:,|&|\band\b|\bor\b|/|\bplus\b)\s*(?:" + _SECTION_WORD + r"\s*)?"
# "section 40(2) by virtue of 40(3A)(a)": the same section's other subsection, its section word left out, is cited too
# (with the word it is a citation of its own; another number, "44(1)(a) by virtue of 18(1) of ...", another Act's)
_BY_VIRTUE = r"\s*,?\s+by\s+virtue\s+of\s+(?=(?P=first)\s*\()"
# (not a possessive's "s": "the Service's 11 drones"; every section word begins "s", so the look behind is asked only there)
CITATION = re.compile(
    rf"(?:\b(?=s)(?<![A-Za-z]['’])|(?=§)){_SECTION_WORD}\s*((?P<first>{_SECTION_NUMBER}){_BRACKETS}"
    rf"(?:{_JOINER}(?:{_SECTION_NUMBER}{_BRACKETS}|{_GROUP}{_BRACKETS})|{_BY_VIRTUE}{_SECTION_NUMBER}{_BRACKETS})*)",
    re.IGNORECASE,
)
# Under the EIR (and the EISR) the grounds are regulations: "regulation 12(4)(b)", "reg. 13", "regulations 12(5)(b) and 13".
_REGULATION_WORD = r"(?:regulations?|regs?\.?|r\.|" + _SECTION_WORD[3:]
_REGULATION_JOINER = r"\s*(?:,|&|\band\b|\bor\b|/|\bplus\b)\s*(?:" + _REGULATION_WORD + r"\s*)?"
REGULATION_CITATION = re.compile(
    rf"(?:\b(?=[rs])(?<![A-Za-z]['’])|(?=§)){_REGULATION_WORD}\s*({_SECTION_NUMBER}{_BRACKETS}(?:{_REGULATION_JOINER}(?:{_SECTION_NUMBER}{_BRACKETS}|{_GROUP}{_BRACKETS}))*)",
    re.IGNORECASE,
)
RANGE = re.compile(rf"\(\s*([0-9A-Za-z]{{1,4}})\s*\){_RANGE_DASH}\(\s*([0-9A-Za-z]{{1,4}})\s*\)")
ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _spell_range(m: re.Match) -> str:
    """"(a)-(c)" -> "(a)(b)(c)"; a range it cannot spell out is left as its two ends."""
    lo, hi = m.group(1), m.group(2)
    if lo.isdigit() and hi.isdigit() and int(lo) < int(hi):
        items = [str(i) for i in range(int(lo), int(hi) + 1)]
    elif lo in ROMANS and hi in ROMANS and ROMANS.index(lo) < ROMANS.index(hi) and not (len(lo) == len(hi) == 1 and hi != "x"):
        items = ROMANS[ROMANS.index(lo): ROMANS.index(hi) + 1]
    elif len(lo) == len(hi) == 1 and lo.isalpha() and lo < hi:
        items = [chr(c) for c in range(ord(lo), ord(hi) + 1)]
    else:
        items = [lo, hi]
    return "".join(f"({i})" for i in items)
CITATION_PART = re.compile(rf"({_SECTION_NUMBER})|\(\s*([0-9A-Za-z]{{1,4}})\s*\)")
LISTED = "+"  # marks a bracket group printed after a joiner for expand_groups ("(c) and (i)": (i) is (c)'s sibling)


def bracket_group(body: str, part: re.Match, last_end: int) -> str:
    """A CITATION_PART bracket as expand_groups takes it: marked LISTED when a joiner stands before it."""
    return (LISTED if body[last_end: part.start()].strip() else "") + part.group(2)


def _level(token: str, previous: str | None, previous_level: int, listed: bool = False) -> int:
    """1 subsection "(2)" / "(5A)", 2 paragraph "(a)", 3 sub-paragraph "(ii)". ``listed``: the token follows a
    joiner ("(a), (c) and (i)"), so it is a sibling of the paragraph before it, not its sub-paragraph."""
    if token[0].isdigit():
        return 1
    if listed and previous_level == 2:
        return 2
    # "(h)(i)" is paragraph i, "(a)(i)" sub-paragraph i.
    next_letter = previous_level == 2 and len(token) == 1 and previous is not None and len(previous) == 1 and ord(token) == ord(previous) + 1
    if _ROMAN.match(token) and not next_letter and (previous_level >= 2 or len(token) > 1):
        return 3
    return 2


def expand_groups(section: str, groups: list[str]) -> list[str]:
    """Bracket groups after a section number -> one citation per leaf, as in the truth files."""
    tokens: list[str] = []
    listed: list[bool] = []  # (a group printed after a joiner is marked "+", see LISTED)
    for g in groups:
        g = g.strip()
        after = g[:1] == LISTED
        g = g.lstrip(LISTED)
        # "(1a)" is how some letters write (1)(a); "(5A)" is a real subsection.
        m = re.fullmatch(r"(\d+)([a-z]+)", g)
        tokens.extend([m.group(1), m.group(2)] if m else [g])
        listed.extend([after, False] if m else [after])
    if not tokens:
        return [section]
    levels: list[int] = []
    for i, t in enumerate(tokens):
        levels.append(_level(t, tokens[i - 1] if i else None, levels[-1] if levels else 0, listed[i]))
    out, path = [], []
    for i, (tok, lev) in enumerate(zip(tokens, levels)):
        path = path[: lev - 1] + [tok]
        # A leaf is a token not followed by a deeper one.
        if i + 1 == len(tokens) or levels[i + 1] <= lev:
            out.append(section + "".join(f"({p})" for p in path))
    return out


def parse_citations(text: str, *, strict: bool = True, law: str = "FOIA") -> list[Citation]:
    # Letters reuse the same few citation lines; the parse of each is cached (Citations are frozen).
    return list(_parse_citations(text, strict, law))


def _regulation_section(citation: str, catalogue: dict[str, Section]) -> str | None:
    """The EIR's (or EISR's) catalogue entry for a citation: its most specific prefix ("12(4)(b)(i)" -> "12(4)(b")."""
    while citation not in catalogue:
        if "(" not in citation:
            return None
        citation = citation[: citation.rindex("(")]
    return citation


@lru_cache(maxsize=4096)
def _parse_citations(text: str, strict: bool, law: str = "FOIA") -> tuple[Citation, ...]:
    """Every citation in ``text``, one per sub-paragraph, in order of appearance, de-duplicated.

    With ``strict`` a section outside the law's catalogue raises ``CitationError``; otherwise
    such sections are skipped (useful for free text where "section 17" is mere mention).
    """
    catalogue, not_grounds = CATALOGUES[law], NOT_GROUNDS_BY_LAW[law]
    numbers = _SECTION_NUMBERS[law]
    found: list[Citation] = []
    for m in (REGULATION_CITATION if law in REGULATION_LAWS else CITATION).finditer(text):
        body = RANGE.sub(_spell_range, m.group(1))
        raw = m.group(0).strip()
        section, groups = None, []

        def flush():
            if section is None:
                return
            if section not in numbers:
                if strict:
                    why = (f"not a ground for refusal ({not_grounds[section]})" if section in not_grounds
                           else f"not {'an' if law.startswith('E') else 'a'} {law} exemption or procedural ground")
                    raise CitationError(f"unknown section {section!r} in {text!r}: {why}")
                return
            for c in expand_groups(section, groups):
                key = _regulation_section(c, catalogue) if law in REGULATION_LAWS else section
                if key is None or (not strict and catalogue[key].kind == "advice"):
                    # (in free text "under section 16 we must offer advice" is a mention, not a ground cited)
                    continue
                cit = Citation(key, c, raw, law)
                if cit not in found:
                    found.append(cit)

        last_end = 0
        for part in CITATION_PART.finditer(body):
            number, bracket = part.groups()
            if number is not None and section is not None and number.upper() not in numbers and number[-1].isalpha():
                # "Section 40(2) & 3A(a)": a bare subsection such as 3A continues the section before it.
                groups.append(number.upper())
            elif number is not None:
                flush()
                section, groups = number.upper(), []
            else:
                groups.append(bracket_group(body, part, last_end))
            last_end = part.end()
        flush()
    return tuple(found)


def parse_citation(raw: str, law: str = "FOIA") -> list[Citation]:
    """Citations from one printed exemption line; raises ``CitationError`` if there are none."""
    cits = parse_citations(raw, strict=True, law=law)
    if not cits:
        what = "regulation or section" if law in REGULATION_LAWS else "section"
        raise CitationError(f"no {what} citation found in {raw!r}" + ("" if law in REGULATION_LAWS or "egulation" not in raw else
                                                                        ": a regulation is cited under the EIR (law: EIR) or the EISR (law: EISR)"))
    return cits
