"""Red team, round 14 (issue 11): responses of bodies and layouts rounds 4-13 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN14 is my hand
reading of that response, written down before the extractor was first run on it (the line it comes
from is quoted). None was copied from the extractor's output. The fixtures are in
tests/fixtures/responses/.

First run (main at 922ac59): 82 of 110 fields right, 20 silently wrong, 8 wrongly left empty. After this round's fixes
(each in its general form, tested below with its negations): 109 of 110; the one left (SFRS's questions) is pinned in
UNSEEN14_OPEN and as a strict xfail, with the reason (docs/extract.md, "Limits worth knowing").
"""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_file, extract_text

from test_extract_unseen4 import FIXTURES, compare, reading  # the same fields, read the same way
from test_extract_unseen5 import _both
from test_extract_unseen12 import _HEAD, _kent  # a Kent letter around a body, as round 12 wrote it


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

UNSEEN14_OPEN: set[tuple[str, str]] = set()  # (SFRS's numbered answers to a request told in prose were open until
# the lead's fix after the round: tests/test_extract_unseen14.py::test_answers_numbered_under_a_request_told_in_prose)


@pytest.mark.parametrize("name", sorted(UNSEEN14))
def test_unseen14_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN14[name], UNSEEN14_OPEN, "UNSEEN14_OPEN")


# ---------------------------------------------------------------------------------------------
# Each rule this round added or widened, with its negations and lookalikes (expected values by hand).



def _qs(x: dict) -> list[tuple[str, str | None]]:
    return [(q["question"], q["outcome"]) for q in x["questions"]]


def _events(x: dict) -> list[tuple[str, str]]:
    return [(e["date"], e["event"]) for e in x["events"]]


@pytest.mark.parametrize("told, events, outcome", [
    # an extension told in the past, in the letter that now answers: that letter is the response
    ("On 7 April 2025 we wrote to let you know that we needed to extend the time for our response, and that we expected "
     "to reply by 6 May 2025.",
     [("2025-04-07", "extension_notice"), ("2025-05-06", "extension_estimate"), ("2025-06-03", "response")], "disclosed"),
    ("On 7 April 2025 we told you that we needed to extend the time to consider the public interest.",
     [("2025-04-07", "extension_notice"), ("2025-06-03", "response")], "disclosed"),
    ("We informed you on 7 April 2025 that we needed more time, and we intended to respond by 6 May 2025.",
     [("2025-05-06", "extension_estimate"), ("2025-06-03", "response")], "disclosed"),
    # an extension of its own, now: still a notice (it answers nothing yet)
    ("We need more time to consider the public interest test, and we expect to respond by 1 July 2025.",
     [("2025-06-03", "extension_notice"), ("2025-07-01", "extension_estimate")], None),
    # told before, and extended again now: a notice
    ("On 7 April 2025 we wrote to tell you that we needed more time. We now need further time to consider the public interest.",
     [("2025-04-07", "extension_notice"), ("2025-06-03", "extension_notice")], None),
])
def test_an_extension_told_in_the_final_letter(told, events, outcome):
    x = _kent(told + "\n\nYou asked how many vans Kent Police has.\n\nKent Police has 4 vans.")
    assert (_events(x), x["outcome"]) == (events, outcome)


@pytest.mark.parametrize("asked, answers, want", [
    # items numbered "(i)", "(ii)" with no number before them, answered under the same numbers
    ("(i) the number of vans; and\n(ii) the contract for them.", "(i) Kent Police has 4 vans.\n\n(ii) The contract is withheld "
     "under section 43(2).", [("i", "disclosed"), ("ii", "exempt")]),
    ("(i) the number of vans;\n(ii) the supplier;\n(iii) the cost.", "(i) 4 vans.\n\n(ii) Kent Police does not hold this "
     "information.\n\n(iii) £84,000.", [("i", "disclosed"), ("ii", "not_held"), ("iii", "disclosed")]),
])
def test_items_numbered_in_roman_alone(asked, answers, want):
    x = _kent("Thank you for your request, which Kent Police received on 6 May 2025, for:\n\n" + asked + "\n\n" + answers)
    assert _qs(x) == want


def test_roman_items_under_a_number_stay_its_parts():
    x = _kent("You asked:\n\n1. Vans:\n(i) how many?\n(ii) who supplies them?\n\n2. How many cameras?\n\nResponse\n\n1. (i) 4 vans. "
              "(ii) Kent Police does not hold this information.\n\n2. 12 cameras.")
    ids = [q for q, _ in _qs(x)]
    assert "1i" in ids and "1ii" in ids and "i" not in ids


@pytest.mark.parametrize("opening, quoted", [
    # "your request, ..., for:" introduces the request (its items are then not answers)
    ("Thank you for your request, which the Department received on 10 March 2025, for:", True),
    ("Thank you for your request, received on 10 March 2025, for:", True),
    # not a reply's own words
    ("This is our response to your request, sent on 10 March 2025, for:", False),
    ("We are grateful for:", False),
])
def test_a_request_introduced_for(opening, quoted):
    from foi_analysis.extract import doc as d

    assert bool(d._REQUEST_START.search(opening)) == quoted


@pytest.mark.parametrize("said, events", [
    # FOISA's words for a review request, and a review letter that uses only them
    ("Thank you for your requirement for review dated 2 June 2025. I have reviewed the handling of your request afresh.",
     [("2025-06-02", "internal_review_requested"), ("2025-06-30", "internal_review_response")]),
    ("Thank you for your requirement for review, received on 2 June 2025. I have reviewed the decision.",
     [("2025-06-02", "internal_review_requested"), ("2025-06-30", "internal_review_response")]),
    # not a review: a first response offering one ("make a requirement for review")
    ("Thank you for your request of 2 June 2025. If you are dissatisfied, you may make a requirement for review within 40 "
     "working days.", [("2025-06-02", "received"), ("2025-06-30", "response")]),
    ("Thank you for your request of 2 June 2025. You have the right to submit a requirement for review.",
     [("2025-06-02", "received"), ("2025-06-30", "response")]),
])
def test_a_foisa_requirement_for_review(said, events):
    x = extract_text("Police Scotland\n\nOur Reference: FOI 1/25\nDate: 30 June 2025\n\nDear Requester\n\n" + said
                     + "\n\nPolice Scotland does not hold this information.\n\nYours sincerely\n\nPolice Scotland\n").json()
    assert _events(x) == events


@pytest.mark.parametrize("sentence, relied", [
    ("The exemption in section 31(1)(a) was therefore wrongly applied.", False),
    ("I find that section 31(1)(a) was incorrectly relied on.", False),
    ("I find that section 31(1)(a) was inappropriately applied to the figures.", False),
    # applied, and judged rightly so: relied on
    ("I am satisfied that section 31(1)(a) was correctly applied, and the figures remain withheld.", True),
    ("The figures are withheld under section 31(1)(a).", True),
])
def test_a_ground_judged_wrongly_applied(sentence, relied):
    assert bool(_kent("You asked how many vans Kent Police has.\n\n" + sentence)["exemptions"]) == relied


@pytest.mark.parametrize("history, sections", [
    # what an earlier response did, told with its date: history
    ("Our response of 15 May 2025 told you that the figures were withheld under section 31(1)(a).", []),
    ("Our reply dated 15/05/2025 explained that the figures were exempt under section 31(1)(a).", []),
    # this letter's own reliance beside such a date
    ("Our response of 15 May 2025 is now revised, and the names are withheld under section 40(2).", ["40"]),
])
def test_an_earlier_response_told_by_its_date(history, sections):
    x = _kent(history + "\n\nThe figures are now provided: Kent Police has 4 vans.")
    assert x["sections"] == sections


@pytest.mark.parametrize("text, citations", [
    # a possessive's "s" before a number is no section
    ("Three of the Service's 11 drones are fitted with cameras.", []),
    ("The Council's 40 cameras are listed below.", []),
    ("The Trust’s 12 sites are all covered.", []),
    # a section written "s" is still one
    ("The names are withheld under s.40(2).", ["40(2)"]),
    ("The names are withheld under s 40(2).", ["40(2)"]),
    ("The names are exempt ('s40(2)').", ["40(2)"]),
])
def test_a_possessive_s_is_no_section(text, citations):
    from foi_analysis.foia import exemptions as ex

    assert [c.citation for c in ex.parse_citations(text, strict=False)] == citations


@pytest.mark.parametrize("question, answer, want", [
    # the question's verb in another person or tense
    ("Does the force use facial recognition?", "We do not.", "disclosed"),
    ("Do you use facial recognition?", "The force does not use it.", "disclosed"),
    ("Has the force bought any vans?", "We had not bought any by the end of 2024.", "disclosed"),
    # another verb denied
    ("Can the council view the cameras live?", "The council does not provide live access to any of its cameras.", "disclosed"),
    ("Will the force publish the policy?", "It is not our practice to publish internal policies.", "disclosed"),
    # words that give no answer
    ("Does the council hold the list?", "We cannot answer for the council, which is a separate public authority. Please ask it.", "answered"),
    ("Does the force use facial recognition?", "Kent Police is not able to say more than is in its published policy.", "answered"),
    ("How did the force decide?", "The force does not explain its decisions in this way.", "answered"),
])
def test_yes_or_no_in_any_person(question, answer, want):
    x = _kent(f"You asked:\n\n1. {question}\n\n2. How many vans?\n\nResponse\n\n1. {answer}\n\n2. 4 vans.")
    assert _qs(x)[0] == ("1", want)


@pytest.mark.parametrize("answer, want", [
    # a nil or a count in words
    ("No footage from those drones has been shared with the police.", "disclosed"),
    ("None of the cameras use facial recognition software.", "disclosed"),
    ("Nine local authorities took part in the pilot.", "disclosed"),
    ("Three members of staff attended the training.", "disclosed"),
    # what can or would be, a reason, a deadline: no figure
    ("No stops outside the scope of a deployment can occur, as only people on the watchlist are matched.", "answered"),
    ("We will write to you within twenty working days with a further update about this part.", "answered"),
    ("This is explained in the policy document that was shared with the board last year.", "answered"),
])
def test_a_fact_told_in_words(answer, want):
    x = _kent(f"You asked:\n\n1. What was shared?\n\n2. How many vans?\n\nResponse\n\n1. {answer}\n\n2. 4 vans.")
    assert _qs(x)[0] == ("1", want)


@pytest.mark.parametrize("said, outcome", [
    ("The council doesn't own any cameras, so we don't hold any of the information you asked for.", "not_held"),
    ("Kent Police doesn't hold any records of this.", "not_held"),
    ("We don’t hold the information you have requested.", "not_held"),
    # another verb contracted: no verdict on what is held
    ("The vans don't record images. Kent Police has 4 vans.", "disclosed"),
])
def test_not_held_in_contractions(said, outcome):
    assert _kent("You asked how many vans Kent Police has.\n\n" + said)["outcome"] == outcome


@pytest.mark.parametrize("line, date", [
    ("Sent: Tue 04/03/2025 10:12", "2025-03-04"),
    ("Sent: Tuesday, 04/03/2025", "2025-03-04"),
    ("Date: Wed 2025-03-05", "2025-03-05"),
    ("Sent: Thurs. 06/03/2025 09:00", "2025-03-06"),
    # a weekday alone, or a worded date after it (read as before)
    ("Sent: Tuesday", None),
    ("Sent: Tuesday 4 March 2025", "2025-03-04"),
])
def test_a_weekday_before_a_numeric_date(line, date):
    from foi_analysis.extract.doc import date_line

    got = date_line(line)
    assert (got[0].isoformat() if got else None) == date


@pytest.mark.parametrize("rows, tables", [
    # a log's labelled fields, dates labelled by what happened on them: no table
    ("| Request ID | PONI-FOI-2025-061 |\n| Request received | 23/04/2025 |\n| Response sent | 21/05/2025 |", 0),
    ("| Case number | KP-0412 |\n| Opened | 23/04/2025 |\n| Closed | 21/05/2025 |", 0),
    # a table of places and dates stays a table; so does one of events and their counts
    ("| Location | Date |\n| Stratford | 3 March 2025 |\n| Croydon | 4 March 2025 |", 1),
    ("| Deployment | Date |\n| Deployments opened | 3 March 2025 |\n| Arrests | 4 March 2025 |", 1),
])
def test_a_log_s_labelled_dates(rows, tables):
    assert len(_kent("Kent Police holds the following.\n\n" + rows + "\n\nNothing has been withheld.")["tables"]) == tables


@pytest.mark.parametrize("label, response", [
    ("Response sent: 21 May 2025", True),
    ("Reply sent: 21 May 2025", True),
    ("Response sent on 21 May 2025", True),
    # the request's own sending is no response
    ("Request sent: 21 May 2025", False),
    ("Reminder sent: 21 May 2025", False),
])
def test_a_response_sent_label(label, response):
    x = _kent("Kent Police does not hold this information.", head=_HEAD + label + "\n\n")
    assert (("2025-05-21", "response") in _events(x)) == response


@pytest.mark.parametrize("said, outcome", [
    ("Having reviewed the request, the information you asked for is now provided.", "disclosed"),
    ("I have overturned the refusal, and the figures are now released.", "disclosed"),
    # no disclosure told
    ("The information is now held by the Home Office, to which we have transferred your request.", None),
])
def test_information_now_provided(said, outcome):
    assert _kent("You asked how many vans the force has.\n\n" + said)["outcome"] == outcome


@pytest.mark.parametrize("body, want", [
    # items quoted as "(1)", "(2)", answered "Our answer to (1):"
    ('"(1) How many vans do you have?\n(2) Please send me the contract."\n\nOur answer to (1): 4 vans.\n\nOur answer to (2): '
     "The contract is withheld under section 43(2).", [("1", "disclosed"), ("2", "exempt")]),
    ("(1) How many vans do you have?\n(2) Please send me the contract.\n\nMy response to question 1: 4 vans.\n\nMy response to "
     "question 2: Kent Police does not hold a contract.", [("1", "disclosed"), ("2", "not_held")]),
])
def test_items_numbered_in_brackets(body, want):
    assert _qs(_kent("You asked:\n\n" + body)) == want


def test_the_act_quoted_in_brackets_is_no_question():
    # "(1) Information which is not exempt ...", "(2) The purposes ...": the Act quoted, its subsections no questions
    # (the one question told in prose is all the request asks)
    x = _kent("You asked how many vans the force has. Kent Police has 4 vans.\n\nSection 31 of the Act reads:\n(1) Information "
              "which is not exempt information by virtue of section 30 is exempt information if its disclosure would prejudice "
              "...\n(2) The purposes referred to in subsection (1) are ...")
    assert [q for q, _ in _qs(x)] in ([], ["1"])


@pytest.mark.parametrize("answer, want", [
    # what is counted, then withheld in full: nothing given
    ("We hold 14 emails within the scope of this part. These are withheld in full under section 44(1)(a).", "exempt"),
    ("There are 3 reports. All of them are exempt under section 31(1)(a).", "exempt"),
    ("We hold 2 contracts, which are withheld in their entirety under section 43(2).", "exempt"),
    # a figure given, then a part withheld: still a part given
    ("There were 14 emails. The attachments are withheld under section 40(2).", "partially_disclosed"),
])
def test_what_is_counted_then_withheld_in_full(answer, want):
    x = _kent(f"You asked:\n\n1. How many vans?\n\n2. Copies of the emails.\n\nResponse\n\n1. 4 vans.\n\n2. {answer}")
    assert _qs(x)[1] == ("2", want)


@pytest.mark.parametrize("paragraph, citations", [
    # the bare number stands for the one citation its paragraph printed in full
    ("Section 44(1)(a) of the FOIA exempts information whose disclosure is prohibited by any enactment. Section 44 is an "
     "absolute exemption.", ["44(1)(a)"]),
    ("Section 43(2) of the Act covers commercial interests. The information is withheld under section 43.", ["43(2)"]),
    # two printed in full: which one it stands for is not said (the bare number, as before)
    ("The Act's sections 24(1) and 24(2) concern national security. The information is exempt under section 24.", ["24"]),
    # printed in full and relied on: as before
    ("The information is withheld under section 31(1)(a).", ["31(1)(a)"]),
])
def test_a_bare_section_after_its_full_citation(paragraph, citations):
    # (the paragraph opens with other words: one opening "Section 44(1)(a) ..." is read as a ground's heading)
    x = _kent("You asked for the contract.\n\nWe hold the contract. " + paragraph)
    assert [e["citation"] for e in x["exemptions"]] == citations


@pytest.mark.parametrize("printed, citations", [
    ("section 31(2)(a), (c) and (i)", ["31(2)(a)", "31(2)(c)", "31(2)(i)"]),
    ("section 31(1)(h) and (i)", ["31(1)(h)", "31(1)(i)"]),
    ("sections 31(1)(a), (b) and (c)", ["31(1)(a)", "31(1)(b)", "31(1)(c)"]),
    # a roman numeral after a sub-paragraph, or printed next to its paragraph, is a sub-paragraph (as before)
    ("section 36(2)(b)(i) and (ii)", ["36(2)(b)(i)", "36(2)(b)(ii)"]),
    ("section 36(2)(b)(i)", ["36(2)(b)(i)"]),
    ("section 30(2)(a)(i)-(iv)", ["30(2)(a)(i)", "30(2)(a)(ii)", "30(2)(a)(iii)", "30(2)(a)(iv)"]),
    ("section 30(1)(a)(i) and (b)", ["30(1)(a)(i)", "30(1)(b)"]),
])
def test_a_listed_paragraph_is_a_sibling(printed, citations):
    from foi_analysis.foia import exemptions as ex

    assert [c.citation for c in ex.parse_citations(printed, strict=False)] == citations


def test_a_table_drawn_in_ascii():
    table = ("+----------------------+------+------+\n| How many cameras by type? | 2023 | 2024 |\n+----------------------+------+------+\n"
             "| Tower blocks | 41 | 44 |\n| Low-rise estates | 112 | 118 |\n+----------------------+------+------+")
    x = _kent("You asked how many cameras there are.\n\nKent Police has the cameras below.\n\n" + table)
    assert [(t["columns"], t["rows"]) for t in x["tables"]] == [
        (["How many cameras by type?", "2023", "2024"], [["Tower blocks", "41", "44"], ["Low-rise estates", "112", "118"]])]


@pytest.mark.parametrize("annex, want", [
    # the answer points to an annex the letter holds, a table of figures: given
    ("Annex A - deployments\n\nMonth | Deployments\nJanuary | 2\nFebruary | 3", [("1", "disclosed"), ("2", "ncnd")]),
    ("Appendix 1:\n\nMonth | Deployments\nJanuary | 2\nFebruary | 3", [("1", "answered"), ("2", "ncnd")]),  # (it points to Annex A)
    # no such annex: a pointer
    ("", [("1", "answered"), ("2", "ncnd")]),
])
def test_an_answer_by_annex(annex, want):
    x = _kent("You asked:\n\n1. How many deployments?\n\n2. Was anyone targeted?\n\nResponse\n\n1. Please see Annex A.\n\n"
              "2. Kent Police can neither confirm nor deny whether it holds this information, by virtue of section 31(3).\n\n" + annex)
    assert _qs(x) == want


@pytest.mark.parametrize("text, authority", [
    # a name of a team-like form ("... Executive") that heads and signs the letter, over a known body only spoken of
    ("Northern Ireland Housing Executive\n\nFOI Ref: 1/25\nDate: 9 June 2025\n\nDear Requester\n\nYou asked about cameras "
     "that the Police Service of Northern Ireland can view.\n\nNo. The PSNI has no live access.\n\nYours sincerely\n\n"
     "Northern Ireland Housing Executive\n", "Northern Ireland Housing Executive"),
    # only signing: the known body the letter speaks of still wins
    ("Our ref: FOI 1/25\n\nDear Requester\n\nThe information is attached. Kent Police may hold more.\n\nYours sincerely\n\n"
     "Professional Standards Department\n", "Kent Police"),
    # an ombudsman's office by the form of its name
    ("Police Ombudsman for Northern Ireland\n\nDear Requester\n\nThe Office has received 6 complaints about the PSNI.\n\n"
     "Yours sincerely\n\nPolice Ombudsman for Northern Ireland\n", "Police Ombudsman for Northern Ireland"),
])
def test_who_writes(text, authority):
    assert extract_text(text).authority == authority


@pytest.mark.parametrize("question, authority", [
    # a force named only in a question restated without quotation marks is the request's subject
    ("How many complaints has the Office received about the PSNI's use of facial recognition?", None),
    ("Please provide the names of the PSNI officers complained about.", None),
    # named in the body's own answer: as before
    ("The Office has received 6 complaints about the PSNI.", "Police Service of Northern Ireland"),
])
def test_a_body_named_in_a_question(question, authority):
    text = (f"Disclosure log\n\nPublished: 28 May 2025\n\nRequest ID: 0061\n\nRequest received: 23 April 2025\n\nRequest and response\n\n"
            f"Question 1\n\n{question}\n\nResponse\n\nThe Office holds this.\n")
    assert extract_text(text).authority == authority


# ---------------------------------------------------------------------------------------------
# What this round left open (docs/extract.md, "Limits worth knowing").

@pytest.mark.parametrize("intro", ["The information is now provided:", "Please find the information below:",
                                   "We are pleased to provide the following:"])
def test_answers_numbered_under_a_request_told_in_prose(intro):
    # The request in prose, the answers numbered under a line that gives (hand: "4 vans" a figure, "None of the vans" a nil).
    x = _kent("Your request asked how many vans the force has and whether any are leased. " + intro + "\n\n"
              "1. Kent Police has 4 vans.\n\n2. None of the vans is leased.")
    assert _qs(x) == [("1", "disclosed"), ("2", "disclosed")]


@pytest.mark.parametrize("intro", ["They ask for:", "Your request was for:", "You asked for the following:"])
def test_a_request_listed_under_words_that_give_nothing_stays_the_request(intro):
    # The items are the request's, and nothing in the letter answers them (hand): no outcome for either.
    x = _kent(intro + "\n\n1. The number of vans the force has.\n\n2. The number of cars the force has.")
    assert _qs(x) == [("1", None), ("2", None)]


@pytest.mark.parametrize("unit, cited", [
    # A unit that opens with a ground and goes on with its verb is a sentence about it; its verdict is read (hand: each
    # sentence below either judges the ground not applied, or applies it, or is a heading over the paragraph after it).
    ("Section 31(1)(a) was incorrectly relied on.", []),
    ("Section 31(1)(a) of the FOIA was therefore wrongly applied.", []),
    ("Section 31(1)(a) is not engaged.", []),
    ("Section 31(1)(a) has not been applied to this part.", []),
    # not negated, or no verb after the ground: applied as before
    ("Section 31(1)(a) is engaged and the information is withheld.", ["31(1)(a)"]),
    ("Section 31(1)(a) - Law Enforcement\n\nThe information is withheld.", ["31(1)(a)"]),
    ("Section 31(1)(a) would not normally apply, but here the information is withheld under it.", ["31(1)(a)"]),
    # an NCND ground applied by negating the duty
    ("Section 23(5) applies: the duty to confirm or deny does not arise.", ["23(5)"]),
])
def test_a_ground_judged_at_a_line_s_start(unit, cited):
    got = _kent("You asked how many vans Kent Police has.\n\n" + unit)["exemptions"]
    assert [e["citation"] for e in got] == cited


def test_one_as_a_count():
    # "The force holds one assessment": a count of one, a fact, so question 1 is answered (hand reading).
    x = _kent("You asked:\n\n1. What assessments do you hold?\n\n2. How many vans?\n\nResponse\n\n1. The force holds one "
              "assessment, completed last year by its own staff and reviewed by the board.\n\n2. 4 vans.")
    assert _qs(x)[0] == ("1", "disclosed")


@pytest.mark.parametrize("text, counts", [
    # "one" after a verb of holding or finding counts (hand: each states how many)
    ("The force holds one assessment.", True),
    ("There was one deployment in May.", True),
    ("We have only one camera of this kind.", True),
    ("The Trust recorded one incident.", True),
    # "one" in its other senses does not
    ("One of the cameras is fixed.", False),
    ("No one in the force has seen it.", False),
    ("We hold one or more records of this kind.", False),
    ("The system was, at one time, tested.", False),
    ("Each van has one of the systems fitted.", False),
    # the words from two up, as before
    ("Nine local authorities took part.", True),
])
def test_one_counts_only_after_a_verb_of_holding(text, counts):
    from foi_analysis.extract.answers import _counts_in_words
    assert _counts_in_words(text) is counts