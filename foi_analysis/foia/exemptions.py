"""The FOIA exemption catalogue and a parser for citations as real letters print them.

Part II exemptions (sections 21-44, with 22A) plus the procedural grounds s12 (cost), s14
(vexatious or repeated) and s84 ("information" means recorded information): the latter are kept
and labelled ``procedural``, never counted as exemptions.

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
    kind: str  # "exemption" | "procedural"
    absolute: bool | None  # None for procedural grounds
    basis: str | None  # "class" | "prejudice" | None
    ncnd: tuple[str, ...]  # subsections that remove the duty to confirm or deny
    note: str = ""


# Sources: FOIA 2000 Part II; ICO guidance on each section. "partly" absolute sections are
# qualified here and refined per citation in ``is_absolute``.
CATALOGUE: dict[str, Section] = {
    s.number: s
    for s in [
        Section("12", "Cost of compliance exceeds appropriate limit", "procedural", None, None, ()),
        Section("14", "Vexatious or repeated requests", "procedural", None, None, ()),
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
# (1), time for compliance (10), advice and assistance (16), the refusal notice itself (17).
NOT_GROUNDS = {"1": "right of access", "2": "effect of the exemptions", "10": "time for compliance",
               "11": "means of communication", "16": "advice and assistance", "17": "refusal notice",
               "45": "code of practice", "50": "ICO decision notice"}


def section_key(section: str) -> tuple[int, str]:
    """FOIA sections in statute order: 22 < 22A < 31 < 84 (as text, "84" would sort before "9")."""
    return int("".join(ch for ch in section if ch.isdigit())), section


class CitationError(ValueError):
    """A citation that names no known section, or names one that is not a ground for refusal."""


@dataclass(frozen=True)
class Citation:
    section: str  # "31", "22A"
    citation: str  # "31(1)(a)"
    raw: str  # the text as printed

    @property
    def subsection(self) -> str | None:
        m = re.match(r"\d+[A-Z]?\(([^)]+)\)", self.citation)
        return m.group(1) if m else None

    @property
    def info(self) -> Section:
        return CATALOGUE[self.section]

    @property
    def ncnd(self) -> bool:
        return self.subsection in self.info.ncnd

    @property
    def procedural(self) -> bool:
        return self.info.kind == "procedural"

    @property
    def absolute(self) -> bool | None:
        if self.procedural:
            return None
        if self.section == "37":
            return bool(re.match(r"37\(1\)\((a|aa|ab)\)", self.citation))
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
CITATION = re.compile(
    rf"(?:\b(?=[a-z])|(?=§)){_SECTION_WORD}\s*({_SECTION_NUMBER}{_BRACKETS}(?:{_JOINER}(?:{_SECTION_NUMBER}{_BRACKETS}|{_GROUP}{_BRACKETS}))*)",
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


def _level(token: str, previous: str | None, previous_level: int) -> int:
    """1 subsection "(2)" / "(5A)", 2 paragraph "(a)", 3 sub-paragraph "(ii)"."""
    if token[0].isdigit():
        return 1
    # "(h)(i)" is paragraph i, "(a)(i)" sub-paragraph i.
    next_letter = previous_level == 2 and len(token) == 1 and previous is not None and len(previous) == 1 and ord(token) == ord(previous) + 1
    if _ROMAN.match(token) and not next_letter and (previous_level >= 2 or len(token) > 1):
        return 3
    return 2


def expand_groups(section: str, groups: list[str]) -> list[str]:
    """Bracket groups after a section number -> one citation per leaf, as in the truth files."""
    tokens: list[str] = []
    for g in groups:
        g = g.strip()
        # "(1a)" is how some letters write (1)(a); "(5A)" is a real subsection.
        m = re.fullmatch(r"(\d+)([a-z]+)", g)
        tokens.extend([m.group(1), m.group(2)] if m else [g])
    if not tokens:
        return [section]
    levels: list[int] = []
    for i, t in enumerate(tokens):
        levels.append(_level(t, tokens[i - 1] if i else None, levels[-1] if levels else 0))
    out, path = [], []
    for i, (tok, lev) in enumerate(zip(tokens, levels)):
        path = path[: lev - 1] + [tok]
        # A leaf is a token not followed by a deeper one.
        if i + 1 == len(tokens) or levels[i + 1] <= lev:
            out.append(section + "".join(f"({p})" for p in path))
    return out


def parse_citations(text: str, *, strict: bool = True) -> list[Citation]:
    # Letters reuse the same few citation lines; the parse of each is cached (Citations are frozen).
    return list(_parse_citations(text, strict))


@lru_cache(maxsize=4096)
def _parse_citations(text: str, strict: bool) -> tuple[Citation, ...]:
    """Every citation in ``text``, one per sub-paragraph, in order of appearance, de-duplicated.

    With ``strict`` a section outside the catalogue raises ``CitationError``; otherwise
    such sections are skipped (useful for free text where "section 17" is mere mention).
    """
    found: list[Citation] = []
    for m in CITATION.finditer(text):
        body = RANGE.sub(_spell_range, m.group(1))
        raw = m.group(0).strip()
        section, groups = None, []

        def flush():
            if section is None:
                return
            if section not in CATALOGUE:
                if strict:
                    why = f"not a ground for refusal ({NOT_GROUNDS[section]})" if section in NOT_GROUNDS else "not a FOIA exemption or procedural ground"
                    raise CitationError(f"unknown section {section!r} in {text!r}: {why}")
                return
            for c in expand_groups(section, groups):
                cit = Citation(section, c, raw)
                if cit not in found:
                    found.append(cit)

        for part in CITATION_PART.finditer(body):
            number, bracket = part.groups()
            if number is not None and section is not None and number.upper() not in CATALOGUE and number[-1].isalpha():
                # "Section 40(2) & 3A(a)": a bare subsection such as 3A continues the section before it.
                groups.append(number.upper())
            elif number is not None:
                flush()
                section, groups = number.upper(), []
            else:
                groups.append(bracket)
        flush()
    return tuple(found)


def parse_citation(raw: str) -> list[Citation]:
    """Citations from one printed exemption line; raises ``CitationError`` if there are none."""
    cits = parse_citations(raw, strict=True)
    if not cits:
        raise CitationError(f"no section citation found in {raw!r}")
    return cits
