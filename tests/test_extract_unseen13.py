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
from test_extract_unseen12 import _HEAD, _kent  # a Kent letter around a body, as round 12 wrote it


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

UNSEEN13_OPEN: set[tuple[str, str]] = {
    # A revised response: "our response of 14 January 2025" is read as the first response since this round (it was
    # not read at all), but with the letter's own date there are two response dates, and the draft leaves
    # date_responded for a person to choose, warned (which one a revised response's record takes is not a rule
    # the extractor makes). The first run read 6 March 2025, silently.
    ("cambs_now_located.txt", "date_responded"),
}


@pytest.mark.parametrize("name", sorted(UNSEEN13))
def test_unseen13_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN13[name], UNSEEN13_OPEN, "UNSEEN13_OPEN")


def test_the_open_fields_keep_what_is_right_in_them():
    x = extract_file(FIXTURES / "cambs_now_located.txt")
    assert x.json()["date_responded"] is None
    assert any("several 'response' dates (14 January 2025, 6 March 2025)" in w for w in x.warnings)


def test_an_eir_and_foia_letter_warns_of_the_foia_section():
    x = extract_file(FIXTURES / "bucks_eir_and_foia_parts.txt")
    assert any("EIR" in w for w in x.warnings)


# ---------------------------------------------------------------------------------------------
# Each rule this round added or widened, with its negations and lookalikes (expected values by hand).



_Q2 = "You asked:\n\n1. How many vans?\n\n2. Every image your cameras captured in 2024.\n\nResponse\n\n1. Kent Police has 4 vans.\n\n2. "


@pytest.mark.parametrize("answer, want", [
    # the burden counted before a refusal: no figure given
    ("The cameras captured about 41 million records, and each would need to be reviewed before release. We are refusing "
     "this part under regulation 12(4)(b) as manifestly unreasonable.", "exempt"),
    ("We estimate that reviewing the images would take more than 9,000 hours. This part is refused as manifestly unreasonable.", "exempt"),
    ("Each of the 41 million records would have to be checked. This part is refused as manifestly unreasonable.", "exempt"),
    # figures given, then a part withheld: still a part given
    ("The cameras captured 41 million records in 2024. The images themselves are withheld under section 40(2).", "partially_disclosed"),
    ("We estimate that 12 deployments took place. The locations are withheld under section 31(1)(a).", "partially_disclosed"),
    ("The cost of the cameras was £84,000. The supplier's name is withheld under section 43(2).", "partially_disclosed"),
])
def test_the_burden_counted_is_no_figure_given(answer, want):
    assert dict((q["question"], q["outcome"]) for q in _kent(_Q2 + answer)["questions"])["2"] == want


@pytest.mark.parametrize("answer, want", [
    ("Kent Police does not record this, and the information is therefore not held.", "not_held"),
    ("The information was consequently not held on 1 January 2025.", "not_held"),
    ("The information is accordingly not held.", "not_held"),
    # held: no not-held verdict
    ("The information is therefore held by the force. There were 12 such searches.", "disclosed"),
])
def test_not_held_with_an_adverb(answer, want):
    assert dict((q["question"], q["outcome"]) for q in _kent(_Q2 + answer)["questions"])["2"] == want


@pytest.mark.parametrize("head, received", [
    ("Date of request: 14 February 2025\nDate received: 17 February 2025\n", "2025-02-17"),
    ("Date received: 17 February 2025\nDate of request: 14 February 2025\n", "2025-02-17"),
    ("Date of request | 14 February 2025 |\nDate received | 17 February 2025 |\n", "2025-02-17"),  # (an HTML table's rows)
    # alone, the date of the request is still its receipt (as a log prints it)
    ("Date of request: 14 February 2025\n", "2025-02-14"),
    ("Date of your request: 14 February 2025\n", "2025-02-14"),
    # beside "your email of" (when it was written): both are the request's writing, two dates, warned
    ("Date of request: 14 February 2025\n\nThank you for your email of 13 February 2025.\n", None),
])
def test_the_date_of_a_request_yields_to_its_receipt(head, received):
    x = _kent("Kent Police does not hold this information.", head=_HEAD + head + "Date: 14 March 2025\n\n")
    assert x["date_received"] == received


@pytest.mark.parametrize("table, tables", [
    # a record's labelled fields, the first row a label too: no table of figures
    ("| Request reference | UON-FOI-2025-118 |\n| Date received | 17 February 2025 |\n| Date of response | 14 March 2025 |", 0),
    ("| Reference | FOI 1/25 |\n| Date of request | 14 February 2025 |", 0),
    # tables of dates and figures stay tables
    ("| Location | Date |\n| Stratford | 3 March 2025 |\n| Croydon | 4 March 2025 |", 1),
    ("| Month | Deployments |\n| January | 3 |\n| February | 5 |", 1),
    ("| Site | Cameras |\n| Date Street car park | 14 |\n| Town hall | 6 |", 1),
    ("| Year | Date of first use |\n| 2024 | 3 March 2024 |", 1),
])
def test_a_table_of_labelled_fields(table, tables):
    x = _kent("Kent Police holds the following.\n\n" + table + "\n\nNothing has been withheld.")
    assert len(x["tables"]) == tables


@pytest.mark.parametrize("said, event", [
    ("On 3 March 2025 we wrote to tell you that we needed more time to consider the public interest test.", "extension_notice"),
    ("On 3 March 2025 we told you that we would need more time to consider the balance of the public interest.", "extension_notice"),
    ("On 3 March 2025 we extended the deadline for our response.", "extension_notice"),
    ("On 3 March 2025 we wrote to you with our response.", "response"),  # (as before: "we wrote to you")
    ("On 3 March 2025 we wrote to tell you that we did not need more time.", None),
    ("On 3 March 2025 we told you that no extension was needed.", None),
    # the ordinary deadline told, and a promise: no extension
    ("On 3 March 2025 we told you that the deadline for our response was 31 March 2025.", None),
    ("On 3 March 2025 we will write to tell you whether we need more time.", None),
    ("On 3 March 2025 we refused your request.", "response"),
])
def test_an_extension_told_after_it(said, event):
    x = _kent(said + " We have now considered the public interest.\n\nKent Police does not hold this information.")
    assert [e["event"] for e in x["events"] if e["date"] == "2025-03-03"] == ([event] if event else [])


@pytest.mark.parametrize("said, want", [
    # in a message that extends the time, "we aimed to respond by" is the extension's estimate
    ("We needed more time to consider the public interest test, and we aimed to respond by 31 March 2025.", [("2025-03-31", "extension_estimate")]),
    # in one that does not, it is the ordinary deadline: no event
    ("Thank you for your request. We aimed to respond by 31 March 2025.", []),
])
def test_an_estimate_told_in_the_past(said, want):
    x = _kent(said + "\n\nKent Police does not hold this information.")
    assert [(e["date"], e["event"]) for e in x["events"] if e["date"] == "2025-03-31"] == want


@pytest.mark.parametrize("said, events", [
    ("I am writing further to our response of 14 January 2025.", [("2025-01-14", "response")]),
    ("In our previous reply of 14 January 2025 we said the information was not held.", [("2025-01-14", "response")]),
    # the request's date, in a reply's words: not a response
    ("This is in response to your email of 14 January 2025.", [("2025-01-14", "received")]),
    ("We will send our response of the review by 14 January 2026.", []),
])
def test_a_response_recounted(said, events):
    x = _kent(said + "\n\nKent Police does not hold this information.")
    assert [(e["date"], e["event"]) for e in x["events"] if e["date"] != "2025-06-03"] == events


_REPLY = ("From: Kent Police FOI\nSent: 2 September 2025 11:04\nTo: Requester\nSubject: RE: FOI request [Ref: 1092/25]\n\n"
          "Dear Requester\n\nOur answers are below each of your questions.\n\n")


def _reply(quoted: str, tail: str = "\n\nRegards\n\nKent Police\n") -> dict:
    return extract_text(_REPLY + quoted + tail).json()


def test_answers_under_quoted_questions():
    x = _reply("> On 4 August 2025 you wrote:\n>\n> Dear Kent Police,\n>\n> 1. Do you use live facial recognition?\n\n"
               "No. Kent Police does not use it.\n\n> 2. How many vans do you have?\n\nKent Police has 4 vans.\n\n"
               "> 3) Who supplies the software?\n\nKent Police does not hold this information.\n\n> Yours faithfully,\n> Requester")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "disclosed"), ("3", "not_held")]
    assert (x["outcome"], x["date_received"], x["authority"]) == ("disclosed", "2025-08-04", "Kent Police")


@pytest.mark.parametrize("attribution, received", [
    ("> On 4 August 2025, Requester wrote:\n>\n> Dear Kent Police,", "2025-08-04"),  # the quoted message addresses the body
    ("On Mon, 4 August 2025 at 09:14, Requester <requester@example.org> wrote:\n>\n> Dear Kent Police,", "2025-08-04"),
    # the body's own earlier message, quoted: not the request
    ("> On 4 August 2025, Kent Police FOI wrote:\n>\n> Dear Requester,", None),
    # no greeting below: whose it is is not said
    ("> On 4 August 2025, Requester wrote:\n>\n> Please tell me:", None),
])
def test_whose_message_an_email_quotes(attribution, received):
    x = _reply(attribution + "\n>\n> 1. Do you use live facial recognition?\n\nNo.\n\n> 2. How many vans?\n\n4 vans.")
    assert x["date_received"] == received


def test_a_quoted_earlier_reply_is_not_this_letters_verdict():
    # A revised answer quotes the first response ("> Kent Police does not hold this information.") and gives the figure.
    # (before this round the quoted "does not hold" was read as this letter's: not held)
    x = _kent("You asked how many deployments there were in 2024. Our response said:\n\n> Thank you for your request.\n> Kent Police "
              "does not hold this information.\n\nHaving searched again, we have found that the information is held. There were 12 "
              "deployments in 2024.")
    assert (x["outcome"], [(q["question"], q["outcome"]) for q in x["questions"]]) == ("disclosed", [("1", "disclosed")])


@pytest.mark.parametrize("body, want", [
    # "> 5" is a figure (more than five), not a quoted line, though other lines are quoted
    ("> Dear Kent Police,\n> Please tell me:\n\nQ1 How many deployments were there?\n> 5\n\nQ2 How many arrests?\n> 10",
     [("1", "disclosed"), ("2", "disclosed")]),
    # ">" in a table's cell is a cell's words
    ("Q1 How many deployments were there each year?\n\n| Year | Deployments |\n| 2023 | > 5 |\n| 2024 | 12 |\n\n"
     "Q2 How many arrests?\nThere were no arrests.", [("1", "disclosed"), ("2", "disclosed")]),
])
def test_lookalikes_of_a_quoted_line(body, want):
    x = _kent("You asked:\n\n1. How many deployments were there?\n\n2. How many arrests?\n\nResponse\n\n" + body)
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == want


_ASK3 = "You asked:\n\n1. How many vans?\n\n2. Who supplies them?\n\nResponse\n\n"


@pytest.mark.parametrize("heads, want", [
    # worded answer headings on lines of their own, no stop (round 12 left question 1 null)
    (("Answer 1", "Answer 2"), [("1", "disclosed"), ("2", "not_held")]),
    (("Answer 1:", "Answer 2 -"), [("1", "disclosed"), ("2", "not_held")]),
    (("Response to question 1", "Response to question 2"), [("1", "disclosed"), ("2", "not_held")]),
    # and with the answer on the same line, as before
    (("Response to question 1: Kent Police", "Response to question 2: Kent"), [("1", "disclosed"), ("2", "not_held")]),
    # a number the request does not have heads nothing: both answers are matched otherwise
    (("Answer 7", "Answer 8"), [("1", None), ("2", None)]),
])
def test_a_worded_answer_heading_without_a_stop(heads, want):
    a1, a2 = heads
    body = (f"{a1}\nKent Police has 4 vans.\n\n{a2}\nKent Police does not hold this information." if not a1.endswith("Police")
            else f"{a1} has 4 vans.\n\n{a2} Police does not hold this information.")
    x = _kent(_ASK3 + body)
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == want


_LETTER = ("Kent Police\n\nOur ref: FOI 1/25\n\nDate: 3 June 2025\n\nDear Requester\n\nYou asked:\n\n1. How many vans?\n\n"
           "2. Who supplies them?\n\nResponse\n\n1. Kent Police has 4 vans.\n\n2. The supplier's name is withheld under section "
           "31(1)(a).\n\nYours sincerely\n\nKent Police")


@pytest.mark.parametrize("text", [
    # a response saved with every line quoted (copied from a mail client's reply): no message of the body's stands
    # outside the quotation, so its lines are read as the letter's, as before this round (not as nothing)
    "\n".join("> " + line if line else ">" for line in _LETTER.splitlines()),
    # forwarded by the requester ("See below."), the response quoted under it
    "From: Requester\nSent: 5 June 2025\nSubject: FW: FOI 1/25\n\nSee below.\n\n" + "\n".join("> " + line for line in _LETTER.splitlines()),
])
def test_a_response_quoted_whole_is_still_read(text):
    x = extract_text(text).json()
    assert (x["reference"], x["sections"], [e["citation"] for e in x["exemptions"]]) == ("FOI 1/25", ["31"], ["31(1)(a)"])
