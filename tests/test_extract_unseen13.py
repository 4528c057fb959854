"""Red team, round 13 (issue 11): responses of bodies and layouts rounds 4-12 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN13 is my hand
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
UNSEEN13 = {
    "doj_ni_s23_s24_ncnd.txt": dict(
        # A Northern Ireland department: its grounds headed by their full titles without a subsection ("Section 23 -
        # Information Supplied by, or concerning, certain Security Bodies"), the subsections named in the paragraphs below.
        authority="Department of Justice",  # heads ("Department of Justice" on its first line) and signs
        reference="DOJ/FOI/25-0417",  # "Our Reference: DOJ/FOI/25-0417"
        date_received="2025-04-10",  # "which the Department received on 10 April 2025"
        date_responded="2025-05-09",  # "Date: 9 May 2025"
        events=_both("2025-04-10", "2025-05-09"),
        # "Section 23(5) of the FOIA provides that the duty to confirm or deny does not arise"; "Section 24(2) provides ..."
        # ("listed in section 23(3)" names the bodies, no ground)
        citations=[("23(5)", True), ("24(2)", True)], sections=["23", "24"], ncnd=True,
        outcome="partially_disclosed",  # question 1 answered ("No."), question 2 neither confirmed nor denied
        questions=[("1", "disclosed"), ("2", "ncnd")],
        tables=[],
    ),
    "bucks_eir_and_foia_parts.txt": dict(
        # Part A under the EIR (regulation 12(4)(b), manifestly unreasonable), Part B under FOIA (s12, cost).
        authority="Buckinghamshire Council",  # heads and signs
        reference="IG-25-1183",  # "Our reference: IG-25-1183"
        date_received="2025-02-24",  # "which we received on 24 February 2025"
        date_responded="2025-03-24",  # "Date: 24 March 2025"
        events=_both("2025-02-24", "2025-03-24"),
        # A record has one law: an EIR response drafts its regulations only, the FOIA section is warned (docs/extract.md,
        # "Limits worth knowing"); regulation 9 (advice) and 11 (reconsideration) are no grounds.
        citations=[("12(4)(b)", False)], sections=["12(4)(b)"], ncnd=False,
        outcome="refused",  # both parts refused, nothing given
        # "Part A" refused as manifestly unreasonable (exempt); "Part B" refused on cost (answers nothing: null)
        questions=[("a", "exempt"), ("b", None)],
        tables=[],
    ),
    "sandwell_q_a_alternating.txt": dict(
        # "Q1." question and "A1." answer on alternating lines, no blank line between them.
        authority="Sandwell Metropolitan Borough Council",  # heads and signs (West Midlands Police only spoken of)
        reference="FOI-2025-0662",  # "Freedom of Information Request: FOI-2025-0662"
        date_received="2025-03-21",  # "dated 20 March 2025, which was received on 21 March 2025"
        date_responded="2025-04-17",  # "Date: 17 April 2025"
        events=_both("2025-03-21", "2025-04-17"),
        citations=[("21", False)], sections=["21"], ncnd=False,  # A4: "exempt under section 21"
        outcome="disclosed",  # nothing withheld: figures given, one part not held, one published
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "not_held"), ("4", "publicly_available")],
        tables=[],
    ),
    "cumbria_two_digit_year_iso.txt": dict(
        # A date line with a two-digit year ("Date: 03/03/25") and the receipt in ISO form ("Date received: 2025-02-03").
        authority="Cumbria Constabulary",  # heads (capitals) and signs
        reference="FOI/2025/00219",  # "Request number: FOI/2025/00219"
        date_received="2025-02-03",  # "Date received: 2025-02-03"
        date_responded="2025-03-03",  # "Date: 03/03/25"
        events=_both("2025-02-03", "2025-03-03"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # figures given; arrests not recorded (all that is held is given)
        questions=[("1", "disclosed"), ("2", "not_held")],
        tables=[],
    ),
    "northampton_header_table.html": dict(
        # The dates only in a header table ("Date of response | 14 March 2025"), beside "Date of request" (written) and
        # "Date received".
        authority="University of Northampton",  # <h1> and signs
        reference="UON-FOI-2025-118",  # "Request reference | UON-FOI-2025-118"
        date_received="2025-02-17",  # "Date received | 17 February 2025" (the request was dated 14 February)
        date_responded="2025-03-14",  # "Date of response | 14 March 2025"
        events=_both("2025-02-17", "2025-03-14"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",
        questions=[("1", "disclosed"), ("2", "not_held"), ("3", "disclosed")],  # "No."; "does not hold any DPIA"; "356"
        tables=[],  # a table of labelled dates is no table of figures
    ),
    "cambs_now_located.txt": dict(
        # A changed answer: "we told you that Cambridgeshire Constabulary did not hold this information" (the first
        # response) and "the force has now located" it: given, with names redacted.
        authority="Cambridgeshire Constabulary",  # heads and signs
        reference="0091/2025",  # "Freedom of Information Request Reference: 0091/2025"
        date_received="2025-01-02",  # "which was received on 2 January 2025"
        date_responded="2025-01-14",  # "our response of 14 January 2025" (the first response; this letter revises it)
        events=[("2025-01-02", "received"), ("2025-01-14", "response"), ("2025-03-06", "response")],  # "Date: 6 March 2025"
        citations=[("40(2)", False)], sections=["40"], ncnd=False,  # "redacted under section 40(2)"
        outcome="partially_disclosed",  # the DPIA attached, names redacted
        questions=[("1", "partially_disclosed")],  # one quoted question takes the response's outcome
        tables=[],
    ),
    "herts_attached_spreadsheet.txt": dict(
        # The only figures are in an attached spreadsheet ("Please see the attached Excel file").
        authority="Hertfordshire Constabulary",  # heads and signs (Bedfordshire Police only spoken of)
        reference="HC/FOI/2025/01476",  # "Our ref: HC/FOI/2025/01476"
        date_received="2025-05-01",  # "received by Hertfordshire Constabulary on 1 May 2025"
        date_responded="2025-05-29",  # "Date: 29 May 2025"
        events=_both("2025-05-01", "2025-05-29"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # figures attached, van cost not held
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "not_held")],  # "1 and 2. Please see the attached ..."
        tables=[],
    ),
    "home_office_bfu_s35_pit.txt": dict(
        # A department's letter signed by a unit (the Biometrics and Forensics Unit), s35(1)(a), a public interest
        # extension told in the final response.
        authority="Home Office",  # heads; the unit signs
        reference="2025/04412",  # "FOI Reference: 2025/04412"
        date_received="2025-02-03",  # "Thank you for your email of 3 February 2025, in which you asked"
        date_responded="2025-04-08",  # "Date: 8 April 2025"
        # "On 3 March 2025 we wrote to tell you that we needed more time to consider the public interest test ... and
        # that we aimed to respond by 31 March 2025"
        events=[("2025-02-03", "received"), ("2025-03-03", "extension_notice"), ("2025-03-31", "extension_estimate"),
                ("2025-04-08", "response")],
        citations=[("35(1)(a)", False)], sections=["35"], ncnd=False,  # "withholding it under section 35(1)(a)"
        outcome="partially_disclosed",  # the count given, the submission withheld
        questions=[("1", "disclosed"), ("2", "exempt")],
        tables=[],
    ),
    "cumbria_pfcc_force_may.txt": dict(
        # A commissioner's office that does not hold the operational part and names the force that may.
        authority="Cumbria Police Fire and Crime Commissioner",  # heads and signs as the Office of the PFCC for Cumbria
        reference="OPFCC-FOI-25-014",  # "Our reference: OPFCC-FOI-25-014"
        date_received="2025-05-19",  # "which this office received on 19 May 2025"
        date_responded="2025-06-16",  # "Date: 16 June 2025"
        events=_both("2025-05-19", "2025-06-16"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # "No." to question 1, question 2 not held: all that is held is given
        questions=[("1", "disclosed"), ("2", "not_held")],
        tables=[],
    ),
    "gstt_quoted_reply.txt": dict(
        # An email reply answering under each ">"-quoted question (round 12's Northumbria layout at another body: a
        # trust, the quoted greeting naming it, a blank ">" line, a quoted sign-off).
        authority="Guy's and St Thomas' NHS Foundation Trust",  # signs on a line of its own
        reference="FOI/GSTT/6610",  # the subject's "[FOI/GSTT/6610]"
        date_received="2025-06-12",  # "> On 12 June 2025, Requester wrote:" (the only date of the request)
        date_responded="2025-07-11",  # "Sent: 11 July 2025 15:20"
        events=_both("2025-06-12", "2025-07-11"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # "No."; "1,140 CCTV cameras"; question 3 not held
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "not_held")],
        tables=[],
    ),
}

UNSEEN13_OPEN: set[tuple[str, str]] = set()


@pytest.mark.parametrize("name", sorted(UNSEEN13))
def test_unseen13_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN13[name], UNSEEN13_OPEN, "UNSEEN13_OPEN")
