"""Citation parsing and the FOIA catalogue. Expected citations are those of
../shared/seeds/truth (one row per sub-paragraph), written here as literals, and the
catalogue facts are from ../shared/STYLE.md (FOIA 2000 Part II, ICO guidance)."""

import pytest

from foi_analysis.foia.exemptions import CATALOGUE, CitationError, parse_citation, parse_citations


def cites(text):
    return [c.citation for c in parse_citations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The forms the five seeds print.
        ("Section 31(1)(a)(b) - Law Enforcement", ["31(1)(a)", "31(1)(b)"]),
        ("Section 40(2)(a)(b) and (3)(a)(i)(ii)(b) Personal information",
         ["40(2)(a)", "40(2)(b)", "40(3)(a)(i)", "40(3)(a)(ii)", "40(3)(b)"]),
        ("Section 31(1a) Law enforcement;", ["31(1)(a)"]),
        ("Section 43 (2) Commercial Interests", ["43(2)"]),
        ("Section 22 (1)(a) Information Intended for Future Publication;", ["22(1)(a)"]),
        ("Section 42(1) Legal Professional Privilege.", ["42(1)"]),
        ("Section 31 law Enforcement", ["31"]),
        ("Section 84 - defines the 'information'", ["84"]),
        # Forms other authorities use.
        ("S.31(1)(a) & (b)", ["31(1)(a)", "31(1)(b)"]),
        ("s. 40 (2)", ["40(2)"]),
        ("s40(5B)(a)(i)", ["40(5B)(a)(i)"]),
        ("Sections 24(1), 31(1)(a) and 40(2)", ["24(1)", "31(1)(a)", "40(2)"]),
        ("Sections 24 and 31 of the Act", ["24", "31"]),
        ("section 31 (1) (a) and (b)", ["31(1)(a)", "31(1)(b)"]),
        ("exempt under s12(1) and s.14", ["12(1)", "14"]),
        ("Section 22A(1)(a)", ["22A(1)(a)"]),
        ("SECTION 23(5) AND 24(2)", ["23(5)", "24(2)"]),
        # Found in real letters by the extractor's fixtures.
        ("exempt under Sect. 31", ["31"]),
        ("Section 40(2) & 3A(a) – Personal Information", ["40(2)", "40(3A)(a)"]),  # a Met disclosure page
        ("Section 31(1)(a)-(c)", ["31(1)(a)", "31(1)(b)", "31(1)(c)"]),
        ("section 31(1)(a) to (c)", ["31(1)(a)", "31(1)(b)", "31(1)(c)"]),
        ("s.40(3)(a)(i)-(iii)", ["40(3)(a)(i)", "40(3)(a)(ii)", "40(3)(a)(iii)"]),
        ("Section 40(5A) and 40(5B)", ["40(5A)", "40(5B)"]),
        # "§" after a space (it is no word character, so no word boundary stands before it).
        ("withheld under §31(1)(a)", ["31(1)(a)"]),
        ("exempt (§ 40(2))", ["40(2)"]),
        ("§§ 30 and 31", ["30", "31"]),
    ],
)
def test_citation_forms(text, expected):
    assert cites(text) == expected


def test_unknown_section_is_an_error_naming_the_text():
    with pytest.raises(CitationError, match=r"'99'.*Section 99\(1\)"):
        parse_citation("Section 99(1) Made up")


def test_mentioned_sections_are_not_grounds():
    # Section 17 is the refusal notice itself; in strict mode it is an error, in free text skipped.
    with pytest.raises(CitationError, match="refusal notice"):
        parse_citation("Section 17 of the Freedom of Information Act 2000")
    assert cites_lenient("a Refusal Notice under Section 17 by virtue of Section 31(1)") == ["31(1)"]


def cites_lenient(text):
    return [c.citation for c in parse_citations(text, strict=False)]


def test_no_citation_is_an_error():
    with pytest.raises(CitationError, match="no section citation"):
        parse_citation("Law Enforcement")


def test_ncnd_provisions():
    # STYLE.md's list: 24(2), 31(3), 40(5)/(5A)/(5B), 43(3) remove the duty to confirm or deny.
    assert [c.ncnd for c in parse_citations("s24(2), 31(3), 40(5A), 43(3), 24(1), 31(1)(a)")] == [
        True, True, True, True, False, False]


def test_catalogue_facts():
    # Absolute: 21, 23, 32, 34, 40, 41, 44 (STYLE.md). Procedural: 12, 14, 84. 21 has no NCND.
    absolute = sorted((s for s, v in CATALOGUE.items() if v.absolute), key=lambda s: int(s[:2]))
    assert absolute == ["21", "23", "32", "34", "40", "41", "44"]
    assert sorted(s for s, v in CATALOGUE.items() if v.kind == "procedural") == ["12", "14", "84"]
    assert CATALOGUE["21"].ncnd == ()
    assert set(f"{n}" for n in range(21, 45)) - {"25"} <= set(CATALOGUE)
    assert "22A" in CATALOGUE


def test_partly_absolute_sections_are_decided_per_citation():
    # s37(1)(a) (communications with the Sovereign) is absolute; 37(1)(b) (honours) is qualified.
    a, b = parse_citations("Section 37(1)(a) and (b)")
    assert (a.absolute, b.absolute) == (True, False)
    assert parse_citations("Section 12")[0].absolute is None
