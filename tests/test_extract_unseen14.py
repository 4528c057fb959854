"""Red team, round 14 (issue 11): responses of bodies and layouts rounds 4-13 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN14 is my hand
reading of that response, written down before the extractor was first run on it (the line it comes
from is quoted). None was copied from the extractor's output. The fixtures are in
tests/fixtures/responses/.
"""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_file, extract_text

from test_extract_unseen4 import FIXTURES, compare, reading  # the same fields, read the same way
from test_extract_unseen5 import _both


# ---------------------------------------------------------------------------------------------
# My hand reading of each response (written before the first run).
UNSEEN14 = {
    "caa_s44_statutory_bar.txt": dict(
        # A regulator relying on a statutory bar (s44(1)(a)) whose own Act has a "Section 23" (the Civil Aviation Act
        # 1982's, no FOIA ground); dates with "of" between ordinal and month ("the 5th of March 2025").
        authority="Civil Aviation Authority",  # heads and signs
        reference="F0004512",  # "Case reference: F0004512"
        date_received="2025-03-05",  # "which we received on the 5th of March 2025"
        date_responded="2025-04-02",  # "Date: 2nd of April 2025"
        events=_both("2025-03-05", "2025-04-02"),
        # "Section 44(1)(a) of the FOIA exempts ..."; "exempt under section 21 of the FOIA" (the Civil Aviation Act's
        # "Section 23" and the bare "Section 44 is an absolute exemption" add nothing)
        citations=[("44(1)(a)", False), ("21", False)], sections=["21", "44"], ncnd=False,
        outcome="partially_disclosed",  # "Yes." to 1; 2 "withheld in full"; 3 published
        questions=[("1", "disclosed"), ("2", "exempt"), ("3", "publicly_available")],
        tables=[],
    ),
    "sfrs_foisa_review_substituted.txt": dict(
        # A FOISA review ("requirement for review") that substitutes a different decision (s21(4)(b)) and gives the
        # information the first response withheld under s35(1)(a).
        authority="Scottish Fire and Rescue Service",  # heads and signs (Police Scotland only spoken of)
        reference="FOI/0517/25",  # "Our Reference: FOI/0517/25 (Review: RV/0031/25)"
        date_received="2025-04-17",  # "Your original request, received on 17 April 2025"
        date_responded="2025-05-15",  # "Our response of 15 May 2025 told you ..."
        events=[("2025-04-17", "received"), ("2025-05-15", "response"),
                ("2025-06-02", "internal_review_requested"),  # "your requirement for review dated 2 June 2025"
                ("2025-06-30", "internal_review_response")],  # "Date: 30 June 2025"
        # s35(1)(a) "was therefore wrongly applied" (history, then overturned); s21(4)(b) is the review's power
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # "I have decided to substitute a different decision ... The information is now provided"
        questions=[("1", "disclosed"), ("2", "disclosed")],  # "Three of the Service's 11 drones ..."; "No footage ..."
        tables=[],
    ),
    "hse_s30_s31_2_purposes.txt": dict(
        # s31(1)(g) applied "by virtue of section 31(2)(a), (c) and (i)": the purposes listed after one section number.
        authority="Health and Safety Executive",  # heads and signs
        reference="202503114",  # "Ref No: 202503114"
        date_received="2025-03-14",  # "dated 13/03/2025, received by HSE on 14/03/2025"
        date_responded="2025-04-11",  # "Date: 11/04/2025"
        events=_both("2025-03-14", "2025-04-11"),
        # "exempt under section 30(1)(a)(i)"; "section 31(1)(g), by virtue of section 31(2)(a), (c) and (i)" (the
        # purposes read as 40(3A)(a) is beside 40(2): their own citations)
        citations=[("30(1)(a)(i)", False), ("31(1)(g)", False), ("31(2)(a)", False), ("31(2)(c)", False),
                   ("31(2)(i)", False)],
        sections=["30", "31"], ncnd=False,
        outcome="partially_disclosed",  # a) a figure; b) withheld; c) not held
        questions=[("a", "disclosed"), ("b", "exempt"), ("c", "not_held")],
        tables=[],
    ),
    "nihe_ascii_box_table.txt": dict(
        # A table drawn in ASCII ("+----+" borders, "|" cells), its first cell worded as a question.
        authority="Northern Ireland Housing Executive",  # heads and signs (the PSNI only spoken of)
        reference="NIHE/FOI/25/0284",  # "FOI Ref: NIHE/FOI/25/0284"
        date_received="2025-05-12",  # "received on 12 May 2025"
        date_responded="2025-06-09",  # "Date: 9 June 2025"
        events=_both("2025-05-12", "2025-06-09"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",
        # Q1 the table; Q2 "No."; Q3 "does not provide the PSNI with live access" (an answer, not a not-held)
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "disclosed")],
        tables=[(["How many cameras by estate type?", "2023", "2024"],
                 [["Tower blocks", "41", "44"], ["Low-rise estates", "112", "118"], ["Total", "153", "162"]])],
    ),
    "town_council_clerk_email.txt": dict(
        # A town clerk's informal email: contractions ("doesn't own", "don't hold"), the reference only in the
        # subject ("our ref 07/25"), a numeric "Sent:" date with a weekday, no question restated.
        authority="Ashwell Magna Town Council",  # signs (North Hertfordshire District Council only spoken of)
        reference="07/25",  # "Subject: RE: FOI - cameras in the market square (our ref 07/25)"
        date_received="2025-02-07",  # "Thanks for your email of 7th February 2025"
        date_responded="2025-03-04",  # "Sent: Tue 04/03/2025 10:12" (a UK council: day first)
        events=_both("2025-02-07", "2025-03-04"),
        citations=[], sections=[], ncnd=False,
        outcome="not_held",  # "so we don't hold any of the information you asked for"
        questions=[],  # no question is restated or numbered
        tables=[],
    ),
    "electoral_commission_s36.txt": dict(
        # s36 with two sub-paragraphs joined ("section 36(2)(b)(i) and (ii)"), the date on a line of its own with a
        # weekday and no label, the questions quoted as "(1)", "(2)" and answered "Our answer to (1):".
        authority="Electoral Commission",  # heads and signs as "The Electoral Commission"
        reference="FOI 45/25",  # "Our reference: FOI 45/25"
        date_received="2025-02-17",  # "We received your request on Monday 17 February 2025"
        date_responded="2025-03-14",  # "Friday 14 March 2025" (under the reference)
        events=_both("2025-02-17", "2025-03-14"),
        # "The exemptions at section 36(2)(b)(i) and (ii) and section 36(2)(c) of the Act therefore apply"
        citations=[("36(2)(b)(i)", False), ("36(2)(b)(ii)", False), ("36(2)(c)", False)], sections=["36"], ncnd=False,
        outcome="partially_disclosed",  # (1) "Nine local authorities"; (2) withheld
        questions=[("1", "disclosed"), ("2", "exempt")],
        tables=[],
    ),
    "devon_cornwall_annex_ncnd_mixed.txt": dict(
        # A force answering by an annex table; s40(2) for names and NCND under s31(3) and s40(5B)(a)(i) for one part;
        # the request's subject names another force; an earlier request referred to by its reference and response date.
        authority="Devon and Cornwall Police",  # "Devon & Cornwall Police" heads and signs (Avon and Somerset only spoken of)
        reference="DCP-FOI-2025-04417",  # "Reference Number: DCP-FOI-2025-04417" (DCP-FOI-2025-02980 is the earlier request's)
        date_received="2025-06-03",  # "received on 3rd June 2025"
        date_responded="2025-07-01",  # "Date: 1st July 2025" ("we responded on 14th April 2025" is the earlier request's)
        events=_both("2025-06-03", "2025-07-01"),
        # "withheld under section 40(2) by virtue of section 40(3A)(a)"; "neither confirm nor deny ... by virtue of
        # section 31(3)"; "Section 40(5B)(a)(i) also applies: to confirm or deny would ..."
        citations=[("40(2)", False), ("40(3A)(a)", False), ("31(3)", True), ("40(5B)(a)(i)", True)],
        sections=["31", "40"], ncnd=True,
        outcome="partially_disclosed",  # 1 the annex's figures; 2 withheld; 3 NCND
        questions=[("1", "disclosed"), ("2", "exempt"), ("3", "ncnd")],
        tables=[(["Month", "Joint deployments"],
                 [["January", "2"], ["February", "0"], ["March", "3"], ["April", "1"], ["Total", "6"]])],
    ),
    "dfi_ni_s10_3_then_answer.txt": dict(
        # A Northern Ireland department's late answer after a s10(3) extension for the public interest test, told in
        # one sentence of the final letter; roman "(i)" / "(ii)" items.
        authority="Department for Infrastructure",  # heads and signs
        reference="DFI/2025-0133",  # "Our reference: DFI/2025-0133"
        date_received="2025-03-10",  # "which the Department received on 10 March 2025"
        date_responded="2025-05-12",  # "Date: 12 May 2025"
        # "On 7 April 2025 we wrote to let you know that we needed to extend the time ... and that we expected to reply by
        # 6 May 2025"
        events=[("2025-03-10", "received"), ("2025-04-07", "extension_notice"), ("2025-05-06", "extension_estimate"),
                ("2025-05-12", "response")],
        citations=[("43(2)", False)], sections=["43"], ncnd=False,  # "redacted under section 43(2)" (10(3) is no ground)
        outcome="partially_disclosed",  # the contract given with its prices redacted
        questions=[("i", "disclosed"), ("ii", "partially_disclosed")],  # "214 cameras"; the contract, redacted
        tables=[],
    ),
    "fe_college_date_forms.txt": dict(
        # A further education college (a body's name of no listed form) heading in capitals; "03-Mar-2025" and
        # "Monday 10th February, 2025" (a comma before the year); a question naming a police force.
        authority="Kestrel Vale College",  # "KESTREL VALE COLLEGE" heads, "Kestrel Vale College" signs
        reference="KVC-FOI-0219",  # "Request reference: KVC-FOI-0219"
        date_received="2025-02-10",  # "your email dated Monday 10th February, 2025, which the College received on the same day"
        date_responded="2025-03-03",  # "Date of this response: 03-Mar-2025"
        events=_both("2025-02-10", "2025-03-03"),
        citations=[], sections=[], ncnd=False,  # "the data protection exemption" is no FOIA ground
        outcome="disclosed",  # all that is held is given
        questions=[("1", "disclosed"), ("2", "not_held"), ("3", "disclosed")],  # "We do not."; "holds no information"; "Yes"
        tables=[],
    ),
    "poni_log_h3_answers.html": dict(
        # A disclosure log page: the dates in a summary table, each question and answer under <h3> headings
        # "Question 1" / "Response"; "Published: 28 May 2025" is the page's date.
        authority="Police Ombudsman for Northern Ireland",  # the <title> and footer; "the Office" in the text (the PSNI asked about)
        reference="PONI-FOI-2025-061",  # "Request ID | PONI-FOI-2025-061"
        date_received="2025-04-23",  # "Request received | 23/04/2025"
        date_responded="2025-05-21",  # "Response sent | 21/05/2025"
        events=_both("2025-04-23", "2025-05-21"),
        citations=[("40(2)", False)], sections=["40"], ncnd=False,  # "withheld under section 40(2)"
        outcome="partially_disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],  # "No."; "6 such complaints"; withheld
        tables=[],  # a table of labelled dates is no table of figures
    ),
}

UNSEEN14_OPEN: set[tuple[str, str]] = set()


@pytest.mark.parametrize("name", sorted(UNSEEN14))
def test_unseen14_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN14[name], UNSEEN14_OPEN, "UNSEEN14_OPEN")
