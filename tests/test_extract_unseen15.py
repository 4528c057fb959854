"""Red team, round 15 (issue 11): responses of bodies and layouts rounds 4-14 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN15 is my hand
reading of that response, written down before the extractor was first run on it (the line it comes
from is quoted). None was copied from the extractor's output. The fixtures are in
tests/fixtures/responses/.

First run: see FIRST_RUN below.
"""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_file, extract_text

from test_extract_unseen4 import FIXTURES, compare, reading  # the same fields, read the same way
from test_extract_unseen5 import _both


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
        # neither confirm nor deny"
        citations=[("31(1)(a)", False), ("31(1)(b)", False), ("31(1)(c)", False), ("23", True), ("24", True)],
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

UNSEEN15_OPEN: set[tuple[str, str]] = set()


@pytest.mark.parametrize("name", sorted(UNSEEN15))
def test_unseen15_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN15[name], UNSEEN15_OPEN, "UNSEEN15_OPEN")
