"""Red team, round 15 (issue 11): responses of bodies and layouts rounds 4-14 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN15 is my hand
reading of that response, written down before the extractor was first run on it (the line it comes
from is quoted). None was copied from the extractor's output. The fixtures are in
tests/fixtures/responses/.

First run (main at 3c54498): 99 of 110 fields right, 8 silently wrong, 3 wrongly left empty, none wrongly refused.
Of the 8, one was my reading, not the extractor's: I read BTP's NCND under "Sections 23 and 24" (no subsection printed)
as citations ("23", True), ("24", True); the record's flag says whether the citation IS the section's NCND provision
(records/schemas.py: "True if the citation is the section's neither-confirm-nor-deny provision"), which a bare "23" is
not, so ("23", False) is right and the reading is corrected below (the letter's ncnd, True, was read right). After this
round's fixes (each in its general form, tested below with its negations): 109 of 110; the one left (West Yorkshire's
question 3, a rank told in words before the names are withheld) is pinned in UNSEEN15_OPEN and as a strict xfail,
with the reason (docs/extract.md, "Limits worth knowing").
"""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_file, extract_text

from test_extract_unseen4 import FIXTURES, compare, reading  # the same fields, read the same way
from test_extract_unseen5 import _both
from test_extract_unseen12 import _kent  # a Kent letter around a body, as round 12 wrote it
from test_extract_unseen14 import _qs  # each question's (number, outcome)


# ---------------------------------------------------------------------------------------------
# My hand reading of each response (written before the first run).
UNSEEN15 = {
    "hmcts_s32_court_records.txt": dict(
        # A courts body: court records exempt under s32(1)(a); the request's period "1 April 2023 - 31 March 2024" is no
        # date of the request; the Met named in a question; the appeal paragraph names the ICO and its "IC-" references.
        authority="HM Courts & Tribunals Service",  # heads and signs ("HMCTS" in the text)
        reference="FOI-25-0612",  # "Our reference: FOI-25-0612"
        date_received="2025-03-25",  # "Thank you for your email of 25 March 2025, in which you asked"
        date_responded="2025-04-22",  # "Date: 22 April 2025"
        events=_both("2025-03-25", "2025-04-22"),
        citations=[("32(1)(a)", False)], sections=["32"], ncnd=False,  # "exempt under section 32(1)(a) of the Act"
        outcome="partially_disclosed",  # 1 not held, 2 exempt, 3 "listed 3 hearings"
        questions=[("1", "not_held"), ("2", "exempt"), ("3", "disclosed")],
        tables=[],
    ),
    "british_library_bold_q_answer.html": dict(
        # Questions in bold "Q1." with answers "Answer 1:" (a different numbering word), an answer's own "a)" / "b)"; a
        # heading worded as a question ("Re: Does the Library use ...?"); a period "between 1 May 2023 and 30 April 2025".
        authority="British Library",  # <title>, header and signature
        reference="FOI-2025-0388",  # "Our ref: FOI-2025-0388"
        date_received="2025-04-22",  # "which we received on 22 April 2025"
        date_responded="2025-05-19",  # "Date: 19 May 2025"
        events=_both("2025-04-22", "2025-05-19"),
        # "They are withheld under section 40(2) ..."; "Section 31(1)(a) also applies to the details of the offences"
        citations=[("40(2)", False), ("31(1)(a)", False)], sections=["31", "40"], ncnd=False,
        outcome="partially_disclosed",  # 1 "No."; 2 "Yes." and "7 times"; 3 withheld
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],
        tables=[],
    ),
    "btp_rail_operator_s31_abc.txt": dict(
        # "s.31(1)(a), (b) and (c)" and an NCND under "Sections 23 and 24" (no subsections); a rail operator named in the
        # subject; lettered items "(a)" to "(c)".
        authority="British Transport Police",  # heads and signs (Northern Trains Limited only spoken of)
        reference="0931-25",  # "FOI Reference: 0931-25"
        date_received="2025-06-10",  # "received by British Transport Police on 10 June 2025"
        date_responded="2025-07-08",  # "Date: 8 July 2025"
        events=_both("2025-06-10", "2025-07-08"),
        # "exempt under s.31(1)(a), (b) and (c) of the Act"; "In accordance with Sections 23 and 24 of the Act, BTP can
        # neither confirm nor deny" (corrected after the first run: I first wrote ("23", True), ("24", True), but the flag
        # is whether the citation is the NCND provision itself, 23(5) or 24(2), and no subsection is printed; see above)
        citations=[("31(1)(a)", False), ("31(1)(b)", False), ("31(1)(c)", False), ("23", False), ("24", False)],
        sections=["23", "24", "31"], ncnd=True,
        outcome="partially_disclosed",  # (a) "Yes."; (b) "11 days", the stations and dates withheld; (c) NCND
        questions=[("a", "disclosed"), ("b", "partially_disclosed"), ("c", "ncnd")],
        tables=[],
    ),
    "dyfed_powys_welsh_second.txt": dict(
        # English first, Welsh SECOND (the reverse of North Wales's and Eryri's); the only letter date Welsh in a
        # bilingual label ("Dyddiad/Date: 14 Mawrth 2025"); a bilingual reference label "Cyf/Ref:".
        authority="Dyfed-Powys Police",  # "Heddlu Dyfed-Powys Police" heads; signs "Dyfed-Powys Police"
        reference="DP-FOI-0228-25",  # "Cyf/Ref: DP-FOI-0228-25"
        date_received="2025-02-17",  # "received by Dyfed-Powys Police on 17 February 2025"
        date_responded="2025-03-14",  # "Dyddiad/Date: 14 Mawrth 2025" (Mawrth is March)
        events=_both("2025-02-17", "2025-03-14"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # all that is held is given; the assessment is not held
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "not_held")],  # "Yes."; "96 ... searches"; "does not hold"
        tables=[],
    ),
    "council_eir_12_4_b_reg13.txt": dict(
        # An English district council under the EIR: regulation 12(4)(b) (the burden counted: "6,000 such emails ... 120
        # hours") and 13(1); regulations 9 and 11 no grounds; the period "1 April 2023 - 31 March 2024"; TVP in a question.
        authority="Wychbury District Council",  # heads and signs
        reference="EIR/2025/0417",  # "Our ref: EIR/2025/0417"
        date_received="2025-05-02",  # "We received your request on 2 May 2025."
        date_responded="2025-05-30",  # "Date: 30 May 2025"
        events=_both("2025-05-02", "2025-05-30"),
        # "we refuse it under regulation 12(4)(b)"; "withheld under regulation 13(1) of the EIR"
        citations=[("12(4)(b)", False), ("13(1)", False)], sections=["12(4)(b)", "13"], ncnd=False,
        outcome="partially_disclosed",  # 1 "23 ANPR cameras"; 2 "1,204 vehicle records"; 3 refused; 4 withheld
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt"), ("4", "exempt")],
        tables=[],
    ),
    "home_office_part_transfer.txt": dict(
        # One part of three not held and transferred (s45 code) to a force; the rest given; the force's reference printed.
        authority="Home Office",  # heads and signs (South Wales Police only spoken of)
        reference="FOI 2025/04518",  # "Reference: FOI 2025/04518" (SWP/FOI/2025/1190 is the force's)
        date_received="2025-05-19",  # "Thank you for your email of 19 May 2025, in which you asked"
        date_responded="2025-06-16",  # "Date: 16 June 2025"
        events=_both("2025-05-19", "2025-06-16"),
        citations=[], sections=[], ncnd=False,  # s45 is the code of practice, no ground
        outcome="disclosed",  # all that is held is given ("does not hold" is part 3's only)
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "not_held")],  # "19.2 million"; "£2.1 million"; not held
        tables=[],
    ),
    "historic_england_footer_only_date.txt": dict(
        # The letter's only date and its reference in a footer line under the signature ("Our ref: ... | 31 March 2025").
        authority="Historic England",  # heads and signs
        reference="HE-IR-2025-0311",  # "Our ref: HE-IR-2025-0311 | 31 March 2025"
        date_received="2025-03-03",  # "which we received on 3 March 2025"
        date_responded="2025-03-31",  # the footer's "31 March 2025"
        events=_both("2025-03-03", "2025-03-31"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed")],  # "14 applications"; "None." (a nil)
        tables=[(["Region", "Applications"], [["North", "3"], ["Midlands", "5"], ["South", "6"], ["Total", "14"]])],
    ),
    "ofwat_refusal_pit_annex.txt": dict(
        # A refusal notice whose grounds' public interest test is an annex; an earlier reply quoted ("... does not hold
        # ..."); the appeal paragraph's ICO address and "IC-123456-A1B2".
        authority="Ofwat",  # "Ofwat (The Water Services Regulation Authority)" heads, "Ofwat" signs
        reference="RFI-2025-0207",  # "Our reference: RFI-2025-0207" (RFI-2025-0144 the earlier request's)
        date_received="2025-08-12",  # "your request for information of 12 August 2025"
        date_responded="2025-09-09",  # "Date: 9 September 2025"
        events=_both("2025-08-12", "2025-09-09"),  # ("our response of 20 June 2025" answered the earlier request)
        # "exempt under section 43(2) (commercial interests) and section 36(2)(c) ..."
        citations=[("43(2)", False), ("36(2)(c)", False)], sections=["36", "43"], ncnd=False,
        outcome="refused",  # "We have decided to withhold them in full."
        questions=[("1", "exempt")],  # the one request quoted
        tables=[],
    ),
    "west_yorkshire_ncnd_subpart.eml": dict(
        # NCND for one sub-part "(b)" of question 2 only, "(a)" answered; "section 40(2) by virtue of 40(3A)(a)" (the
        # second "section" left out); South Yorkshire Police named in a question and an answer.
        authority="West Yorkshire Police",  # signs; the sender's domain
        reference="13/25/2207",  # "Subject: FOI request 13/25/2207"; "reference no: 13/25/2207"
        date_received="2025-06-26",  # "received by West Yorkshire Police on 26 June 2025"
        date_responded="2025-07-24",  # "Date: Thu, 24 Jul 2025 11:42:10 +0100"
        events=_both("2025-06-26", "2025-07-24"),
        # "by virtue of section 23(5) of the Act"; "withheld under section 40(2) by virtue of 40(3A)(a)"
        citations=[("23(5)", True), ("40(2)", False), ("40(3A)(a)", False)], sections=["23", "40"], ncnd=True,
        outcome="partially_disclosed",
        # 1 the figures; 2 (a) "Yes. 37 people" and (b) NCND: a part given; 3 the rank given, the names withheld
        questions=[("1", "disclosed"), ("2", "partially_disclosed"), ("3", "partially_disclosed")],
        tables=[],
    ),
    "natural_history_museum_log.html": dict(
        # A national museum's log page: a <dl> of labelled fields, the request as an <ol>, answers numbered in <p>, a
        # heading worded as a question ("Can I ask for a review?").
        authority="Natural History Museum",  # <title>; "the Museum"
        reference="NHM-FOI-2025-041",  # "Reference | NHM-FOI-2025-041"
        date_received="2025-07-10",  # "On 10 July 2025 the Museum received a request"
        date_responded="2025-08-07",  # "Date of response | 7 August 2025"
        events=_both("2025-07-10", "2025-08-07"),
        citations=[("43(2)", False)], sections=["43"], ncnd=False,  # "withheld under section 43(2)"
        outcome="partially_disclosed",  # 1 "12 ... sensors"; 2 the supplier named, the value withheld; 3 published
        questions=[("1", "disclosed"), ("2", "partially_disclosed"), ("3", "publicly_available")],
        tables=[],  # labelled fields are no table
    ),
}

# A fact told in words, neither a figure nor a name ("approved by officers of the rank of superintendent or above"),
# before the names are withheld: question 3 reads exempt (test_a_fact_in_words_before_a_withholding, strict xfail).
UNSEEN15_OPEN: set[tuple[str, str]] = {("west_yorkshire_ncnd_subpart.eml", "questions")}


@pytest.mark.parametrize("name", sorted(UNSEEN15))
def test_unseen15_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN15[name], UNSEEN15_OPEN, "UNSEEN15_OPEN")


# ---------------------------------------------------------------------------------------------
# Each rule this round added or widened, with its negations and lookalikes (expected values by hand).

_RIGHTS = ("If you are dissatisfied you may complain to the Information Commissioner's Office, Wycliffe House, Water Lane, "
           "Wilmslow, Cheshire SK9 5AF.")


def _events(x: dict) -> list[tuple[str, str]]:
    return [(e["date"], e["event"]) for e in x["events"]]


def _letter(head: str, sign: str, body: str = "We hold 3 reports about cameras.") -> str:
    return f"{head}\n\nOur reference: RFI-2025-0207\nDate: 9 September 2025\n\nDear Requester\n\n{body}\n\n{_RIGHTS}\n\nYours sincerely\n\n{sign}\n"


@pytest.mark.parametrize("text, authority", [
    # a body of no known form, the ICO named only where to complain: not the ICO (hand: the ICO writes none of these)
    (_letter("Water Regulation Board of Wessex Ltd", "Information Rights Team"), None),
    (_letter("Rights Team", "Rights Team"), None),
    # the ICO heading and signing its own letter (its complaints paragraph names it too): the ICO
    (_letter("Information Commissioner's Office", "Information Commissioner's Office"), "Information Commissioner's Office"),
    # a known body beside the complaints paragraph: as before
    (_letter("Kent Police", "Kent Police"), "Kent Police"),
])
def test_the_regulator_named_where_to_complain_does_not_write(text, authority):
    assert extract_text(text).authority == authority


@pytest.mark.parametrize("line, name", [
    # a national museum, library or gallery, by the form of its name
    ("Natural History Museum", "Natural History Museum"),
    ("British Library", "British Library"),
    ("National Gallery", "National Gallery"),
    ("Museum of London", "Museum of London"),
    ("National Library of Wales", "National Library of Wales"),
    ("Imperial War Museums", "Imperial War Museums"),
    # a sentence, or a word alone: no body
    ("The museum is closed", None),
    ("Library", None),
])
def test_a_museum_library_or_gallery_by_its_name_s_form(line, name):
    from foi_analysis.extract.doc import body_by_form

    assert body_by_form(line) == name


@pytest.mark.parametrize("text, redacted", [
    # a museum's or library's name is no person's (hand: each names a body), whether alone or after a bar
    ("FOI response | Natural History Museum", "FOI response | Natural History Museum"),
    ("CCTV | British Library", "CCTV | British Library"),
    ("Signed for the Hunterian Gallery", "Signed for the Hunterian Gallery"),
    # a person's name signed above one still is
    ("Yours sincerely\n\nAlex Morgan-Reid\nBritish Library", "Yours sincerely\n\n[name]\nBritish Library"),
])
def test_a_museum_s_name_is_no_person_s(text, redacted):
    from foi_analysis.records import people

    assert people.redact(text) == redacted


@pytest.mark.parametrize("head, sign, authority", [
    # a body's short name with its long name in brackets, either way round: the name it signs with, else the long one
    ("Ofwat (The Water Services Regulation Authority)", "Ofwat", "Ofwat"),
    ("Ofwat (The Water Services Regulation Authority)", "Information Rights Team", "Water Services Regulation Authority"),
    ("Office of Gas and Electricity Markets (Ofgem)", "Ofgem", "Ofgem"),
    # a bracket that names no body: none
    ("Annual Report (2024 edition)", "Information Rights Team", None),
])
def test_a_body_named_with_its_short_name_in_brackets(head, sign, authority):
    assert extract_text(_letter(head, sign)).authority == authority


@pytest.mark.parametrize("printed, citations", [
    # the same section's other subsection after "by virtue of", its section word left out
    ("section 40(2) by virtue of 40(3A)(a)", ["40(2)", "40(3A)(a)"]),
    ("s.40(2), by virtue of 40(3A)(a) and (3B)", ["40(2)", "40(3A)(a)", "40(3B)"]),
    ("section 31(1)(g) by virtue of 31(2)(a) and (b)", ["31(1)(g)", "31(2)(a)", "31(2)(b)"]),
    # with the section word: as before (two citations)
    ("section 40(2) by virtue of section 40(3A)(a)", ["40(2)", "40(3A)(a)"]),
    # another number (another Act's section, a subsection of no section named), or no bracket after it: nothing more
    ("section 44(1)(a) by virtue of 18(1) of the Commissioners for Revenue and Customs Act 2005", ["44(1)(a)"]),
    ("section 43(2) by virtue of 40(3A)", ["43(2)"]),
    ("section 40(2) by virtue of 40 years of practice", ["40(2)"]),
])
def test_by_virtue_of_the_same_section(printed, citations):
    from foi_analysis.foia import exemptions as ex

    assert [c.citation for c in ex.parse_citations(printed, strict=False)] == citations


@pytest.mark.parametrize("foot, date", [
    # the reference and one date in a footer line under the signature date a letter that prints no other date
    ("Our ref: HE-IR-2025-0311 | 31 March 2025", "2025-03-31"),
    ("Reference 0412/25 – 31/03/2025", "2025-03-31"),
    ("Our reference HE/25/311 Date: 31 March 2025", "2025-03-31"),
    # the requester's reference, or a label that is no reference: no date of the letter
    ("Your ref: ABC/1 | 31 March 2025", None),
    ("Printed | 31 March 2025", None),
])
def test_a_footer_s_reference_and_date(foot, date):
    x = extract_text("Historic England\n\nDear Requester\n\nYou asked how many applications we received. Historic England "
                     f"received 14 applications.\n\nYours sincerely\n\nInformation Rights Team\nHistoric England\n\n{foot}\n").json()
    assert x["date_responded"] == date


def test_a_footer_s_date_does_not_outvote_the_letter_s_own():
    # "Date: 2 April 2025" heads the letter; the footer's template date is not a second response (hand)
    x = extract_text("Historic England\n\nDate: 2 April 2025\n\nDear Requester\n\nHistoric England received 14 applications."
                     "\n\nYours sincerely\n\nInformation Rights Team\nHistoric England\n\nOur ref: HE/1 | 31 March 2025\n").json()
    assert _events(x) == [("2025-04-02", "response")]


@pytest.mark.parametrize("sentence, received", [
    # "On <date> <the body> received a request (your request, an email) ...": the receipt
    ("On 10 July 2025 the Museum received a request for the number of cameras.", True),
    ("On 10 July 2025 Kent Police received your request for the number of cameras.", True),
    ("On 10 July 2025 the Information Rights Team received an email asking for the number of cameras.", True),
    # something else received, or a review asked for: no receipt of the request
    ("On 10 July 2025 the Museum received 40 school groups.", False),
    ("On 10 July 2025 Kent Police received your request for an internal review.", False),
])
def test_on_a_date_the_body_received_a_request(sentence, received):
    x = _kent(sentence + " Kent Police has 4 vans.")
    assert (("2025-07-10", "received") in _events(x)) == received


@pytest.mark.parametrize("intro, dated", [
    # a "Request" heading over the body's own introduction: the introduction is the body's, its date read
    ("Request\n\nOn 10 July 2025 the Museum received a request for the following information:", True),
    # the introduction alone (its date read by this round's rule for "On <date> <the body> received a request")
    ("On 10 July 2025 the Museum received a request for the following information:", True),
])
def test_a_request_heading_over_the_body_s_introduction(intro, dated):
    x = extract_text("Natural History Museum\n\nReference: NHM-1\n\nDate of response: 7 August 2025\n\n" + intro +
                     "\n\n1. How many cameras are there?\n\n2. Who supplies them?\n\nResponse\n\n1. There are 12 cameras."
                     "\n\n2. The supplier is withheld under section 43(2).\n").json()
    assert (("2025-07-10", "received") in _events(x), _qs(x)) == (dated, [("1", "disclosed"), ("2", "exempt")])


@pytest.mark.parametrize("answer, want", [
    # an answer that opens with its question's words and then answers (hand: a pointer to where it is published)
    ("3. The force's policy for the cameras is published on our website.", "publicly_available"),
    ("3. The force's policy for the vans is published on our website.", "publicly_available"),
    # the question restated whole over its answer: as before
    ("3. The force's policy for the cameras.\n\nIt is published on our website.", "publicly_available"),
])
def test_an_answer_in_its_question_s_words(answer, want):
    x = _kent("You asked:\n\n1. How many vans?\n\n2. How many cameras?\n\n3. The force's policy for the cameras.\n\n"
              f"Response\n\n1. 4 vans.\n\n2. 9 cameras.\n\n{answer}")
    assert _qs(x)[2] == ("3", want)


@pytest.mark.parametrize("answer, want", [
    # a part given, then a part neither confirmed nor denied: a part given (hand)
    ("(a) Yes. 37 people were added at the request of another force. (b) Kent Police can neither confirm nor deny that it "
     "holds information relevant to this part, by virtue of section 23(5).", "partially_disclosed"),
    ("Kent Police ran 12 searches. It can neither confirm nor deny whether any concerned the Security Service, by virtue "
     "of section 23(5).", "partially_disclosed"),
    # nothing given first: as before
    ("Kent Police can neither confirm nor deny that it holds this information, by virtue of section 23(5).", "ncnd"),
    ("Yes, we received this part. Kent Police can neither confirm nor deny that it holds the information, by virtue of "
     "section 23(5).", "ncnd"),
])
def test_a_part_given_then_a_part_neither_confirmed_nor_denied(answer, want):
    x = _kent(f"You asked:\n\n1. How many vans?\n\n2. Who was added?\n\nResponse\n\n1. 4 vans.\n\n2. {answer}")
    assert _qs(x)[1] == ("2", want)


@pytest.mark.parametrize("answer, want", [
    # who supplied it, named, then a part withheld: a part given (hand)
    ("The supplier is Countwell Analytics Ltd. The value of the contract is withheld under section 43(2).", "partially_disclosed"),
    ("The cameras were supplied by NEC. The contract's price is exempt under section 43(2).", "partially_disclosed"),
    # no name given: as before
    ("The name of the supplier is withheld under section 43(2).", "exempt"),
    ("The cameras were supplied by a third party. The contract is exempt under section 43(2).", "exempt"),
])
def test_a_supplier_named_before_a_withholding(answer, want):
    x = _kent(f"You asked:\n\n1. How many vans?\n\n2. Who supplies them, and at what price?\n\nResponse\n\n1. 4 vans.\n\n2. {answer}")
    assert _qs(x)[1] == ("2", want)


# ---------------------------------------------------------------------------------------------
# What this round left open (docs/extract.md, "Limits worth knowing").

@pytest.mark.xfail(strict=True, reason="a fact told in words, with no figure, name or thing attached, before a part is "
                   "withheld is not read as a part given (docs/extract.md, Limits)")
def test_a_fact_in_words_before_a_withholding():
    # The rank is what was asked for beside the names, and it is given (hand): a part given.
    x = _kent("You asked:\n\n1. How many vans?\n\n2. The names and ranks of the officers who approve watchlists.\n\n"
              "Response\n\n1. 4 vans.\n\n2. Watchlists are approved by officers of the rank of superintendent or above. The "
              "names of the officers are withheld under section 40(2).")
    assert _qs(x)[1] == ("2", "partially_disclosed")


def test_open_fields_keep_what_is_right_in_them():
    # West Yorkshire's open question list is wrong as a whole; its other answers stay right (hand readings above).
    q = dict(reading(extract_file(FIXTURES / "west_yorkshire_ncnd_subpart.eml").json())["questions"])
    assert (q["1"], q["2"]) == ("disclosed", "partially_disclosed")
