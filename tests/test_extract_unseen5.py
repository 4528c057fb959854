"""Red team, round 5 (issue 11): responses written after round 4's fixes, of kinds the fixtures do not cover.

Each fixture named below was written for this round in the style of a real body's letter or page
(invented wording, role titles only, no person's name); the .docx is built in the test with
python-docx. EVERY value in UNSEEN5 is my reading of that response by hand, written down before the
extractor was first run on it (the line it comes from is quoted). None was copied from the
extractor's output. The round weights the fields round 4 read worst: question lists and per-question
outcomes, the body that answers (an acronym signature, a shared unit's letterhead), verdict
headings, and dates told without a year or printed at the foot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_analysis.extract import extract_file

from test_extract_unseen4 import FIXTURES, compare, reading  # the same fields, read the same way


def _both(received: str, responded: str) -> list:
    return [(received, "received"), (responded, "response")]


# My hand reading of each response (written before the first run).
UNSEEN5 = {
    "iopc_acronym_signature.txt": dict(
        # An email reply signed only "IOPC"; the Met and South Wales Police are named in an answer.
        authority="Independent Office for Police Conduct",
        reference="FOI/25/0318",  # "Subject: Your FOI request - Ref: FOI/25/0318"
        date_received="2025-03-03",  # "your request of 3 March": no year, so the reply's (Sent 31 March 2025)
        date_responded="2025-03-31",  # "Sent: 31 March 2025 14:02"
        events=_both("2025-03-03", "2025-03-31"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # all that is held is given; Q2's guidance does not exist
        # questions restated under "You asked:", then answered under "Our response" with the same numbers
        questions=[("1", "disclosed"), ("2", "not_held")],
        tables=[],
    ),
    "joint_imu_sussex.txt": dict(
        # A joint unit's letterhead names two forces; the letter answers for one ("on behalf of Sussex Police only").
        authority="Sussex Police",
        reference="2025/FOI/1412",  # "Request Reference: 2025/FOI/1412"
        date_received="2025-04-16",  # "received by Sussex Police on 16/04/2025"
        date_responded="2025-05-14",  # "Date: 14 May 2025"
        events=_both("2025-04-16", "2025-05-14"),
        citations=[("31(1)(a)", False), ("31(1)(b)", False)],  # "withheld under section 31(1)(a) and (b)"
        sections=["31"], ncnd=False,
        outcome="partially_disclosed",  # "Decision: information partially disclosed"
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],  # "Request 1: ..." then the answer
        tables=[],  # "November 2024 – 37 searches" lines are a list
    ),
    "lancashire_cc_lettered.txt": dict(
        # A county council (not in authorities.csv) heading in capitals; lettered sub-questions under a question.
        authority="Lancashire County Council",
        reference="LCC/IG/25/2291",
        date_received="2025-06-03",  # "which we received on the 3rd of this month" (letter dated 19 June 2025)
        date_responded="2025-06-19",  # "Date: 19 June 2025"
        events=_both("2025-06-03", "2025-06-19"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # "No."; a count given, what the force does with footage not held
        # 1 is a question itself ("Does the Council operate ...?"), (a) and (b) its follow-ups, "Not applicable"
        questions=[("1", "disclosed"), ("1a", "answered"), ("1b", "answered"), ("2", "disclosed")],
        tables=[],
    ),
    "cheshire_merged_footer_date.txt": dict(
        # The response's only date is in its footer; one answer is "See attached"; Q2 and Q3 answered together.
        authority="Cheshire Constabulary",
        reference="FOI 8812/25",  # "Freedom of Information Request Reference No: FOI 8812/25"
        date_received="2025-07-07",  # "received on 7 July 2025"
        date_responded="2025-08-04",  # "FOI 8812/25 – Response dated 4 August 2025 – Page 1 of 1"
        events=_both("2025-07-07", "2025-08-04"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # the policy attached, two counts; Q4 not held
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "disclosed"), ("4", "not_held")],
        tables=[],
    ),
    "hiow_log_numbered_table.html": dict(
        # A disclosure-log page answering in a "No. | Question | Answer" table.
        authority="Hampshire and Isle of Wight Constabulary",
        reference="FOI 3311/25",  # "Reference number FOI 3311/25"
        date_received="2025-08-11",  # "Date of request 11 August 2025" (a log's only receipt date)
        date_responded="2025-09-08",  # "Date of response 8 September 2025"
        events=_both("2025-08-11", "2025-09-08"),
        citations=[("31(1)(a)", False)], sections=["31"], ncnd=False,
        outcome="partially_disclosed",  # two answers given, the criteria exempt
        # "Two."; "We hold some of this information" and gives it; exempt
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],
        tables=[],  # a question/answer table is not a table of figures
    ),
    "network_rail_bold_questions.html": dict(
        # An HTML email: each question restated in bold (numbered), the answer in the paragraph under it.
        authority="Network Rail",
        reference="FOI2025/00612",  # the title "RE: Freedom of Information request FOI2025/00612"
        date_received="2025-09-02",  # "which we received on 2 September 2025"
        date_responded="2025-09-29",  # "Date: 29 September 2025" under the signature
        events=_both("2025-09-02", "2025-09-29"),
        citations=[("24(1)", False), ("38(1)", False)],  # "withholding ... under section 24(1) ... and section 38(1)"
        sections=["24", "38"], ncnd=False,
        outcome="partially_disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],  # Q2 "We hold some of this information" and gives it
        tables=[],
    ),
    "surrey_pcc_decision_heading.txt": dict(
        # A PCC's office written "Office of the Police and Crime Commissioner for Surrey", signed "OPCC Surrey".
        authority="Surrey Police and Crime Commissioner",  # Surrey Police is only named in the request
        reference="OPCC-FOI-2025-044",
        date_received="2025-09-08",  # "Your request, received 8 September 2025:"
        date_responded="2025-10-02",  # the date line above "Dear Requester"
        events=_both("2025-09-08", "2025-10-02"),
        citations=[("40(2)", False)], sections=["40"], ncnd=False,
        outcome="refused",  # "DECISION: INFORMATION WITHHELD"; the published minutes are only a pointer
        questions=[("1", "exempt")],  # one quoted request
        tables=[],
    ),
    "dsit_questions_range.txt": dict(
        # A department heading with its full name (commas) and signing with its acronym; "questions 1 to 3" answered at once.
        authority="Department for Science Innovation and Technology",
        reference="FOI2025/21487",
        date_received="2025-10-06",  # "which we received on 6 October 2025"
        date_responded="2025-10-28",  # the date line above "Dear Requester,"
        events=_both("2025-10-06", "2025-10-28"),
        citations=[("35(1)(a)", False)], sections=["35"], ncnd=False,
        outcome="refused",  # nothing given: Q1-3 not held, Q4 withheld
        questions=[("1", "not_held"), ("2", "not_held"), ("3", "not_held"), ("4", "exempt")],
        tables=[],
    ),
    "camden_lettered_items.txt": dict(
        # The request's items are lettered a) b) c) with no numbers, answered with the same letters.
        authority="London Borough of Camden",  # the Met is named five times, only spoken of
        reference="CAM-FOI-7719",  # "Reference: CAM-FOI-7719"
        date_received="2025-06-17",  # "received on 17 June 2025"
        date_responded="2025-07-15",  # "Date: 15 July 2025"
        events=_both("2025-06-17", "2025-07-15"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # a count and the agreement; b) not held
        questions=[("a", "disclosed"), ("b", "not_held"), ("c", "disclosed")],
        tables=[],
    ),
    "met_decision_heading.txt": dict(
        # The Met's layout: a "DECISION" heading with the verdict in a sentence, questions quoted as
        # "Question 1: ..." and answered again as "Question 1: ...", "REASONS FOR DECISION".
        authority="Metropolitan Police Service",
        reference="01/FOI/25/051204",
        date_received="2025-10-15",  # "received by the Metropolitan Police Service (MPS) on 15/10/2025"
        date_responded="2025-11-12",  # "Date: 12 November 2025"
        events=_both("2025-10-15", "2025-11-12"),
        citations=[("31(1)(a)", False), ("31(1)(b)", False), ("40(2)", False)],  # "exempt under section 31(1)(a)(b) and section 40(2)"
        sections=["31", "40"], ncnd=False,
        outcome="partially_disclosed",  # "I have decided to disclose some of the located information"
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],
        tables=[],
    ),
    "dorset_jicu_see_attached.txt": dict(
        # A joint unit of two forces answering "on behalf of Dorset Police"; the date printed at the foot.
        authority="Dorset Police",
        reference="2025-0719",  # "Freedom of Information Act Request No: 2025-0719"
        date_received="2025-05-20",  # "received on 20/05/2025"
        date_responded="2025-06-17",  # "Date: 17/06/2025" below the signature
        events=_both("2025-05-20", "2025-06-17"),
        citations=[("23(5)", True), ("24(2)", True)], sections=["23", "24"], ncnd=True,
        outcome="partially_disclosed",  # Q1 attached, Q2 "No.", Q3 NCND
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "ncnd")],  # "Response: See attached." is a disclosure
        tables=[],
    ),
    "derbyshire_table.docx": dict(
        # A Word letter (built below with python-docx): the letterhead in the page header, the answers
        # in a two-column Question / Response table, "OFFICIAL" in the footer.
        authority="Derbyshire Constabulary",
        reference="DC-FOI-25-6120",  # "Our ref: DC-FOI-25-6120"
        date_received="2025-08-12",  # "received on 12 August 2025"
        date_responded="2025-09-09",  # "Date: 9 September 2025"
        events=_both("2025-08-12", "2025-09-09"),
        citations=[("31(1)(a)", False)], sections=["31"], ncnd=False,
        outcome="partially_disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],  # "Yes."; "1,274."; "Withheld under section 31(1)(a)"
        tables=[],
    ),
}


def _derbyshire_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    head = d.sections[0].header
    head.paragraphs[0].text = "Derbyshire Constabulary"
    head.add_paragraph("Freedom of Information Team, Butterley Hall, Ripley DE5 3RS")
    d.sections[0].footer.paragraphs[0].text = "OFFICIAL"
    for line in ("Our ref: DC-FOI-25-6120", "Date: 9 September 2025", "Dear Requester",
                 "Thank you for your request for information, received on 12 August 2025. Our response to each of "
                 "your questions is set out in the table below."):
        d.add_paragraph(line)
    rows = [("Question", "Response"),
            ("1. Does Derbyshire Constabulary use retrospective facial recognition?", "Yes."),
            ("2. How many retrospective facial recognition searches were made in 2024?", "1,274."),
            ("3. Please provide the force's training materials for retrospective facial recognition.",
             "Withheld under section 31(1)(a), as the materials describe how searches are carried out.")]
    table = d.add_table(rows=len(rows), cols=2)
    for r, (q, a) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = q, a
    for line in ("If you are dissatisfied with this response you may request an internal review.",
                 "Yours sincerely", "Disclosure Officer", "Derbyshire Constabulary"):
        d.add_paragraph(line)
    d.save(path)
    return path


def _path(name: str, tmp_path: Path) -> Path:
    return _derbyshire_docx(tmp_path / name) if name.endswith(".docx") else FIXTURES / name


# Fields the extractor still reads otherwise than the hand reading above (first run: 101 of 132 fields
# right, the .docx refused; 112 of 121 on the other eleven; now 130 of 132). The reading stays as
# written; the test pins that these still differ, and why.
UNSEEN5_OPEN = {
    # "the Department has not provided any funding": my reading counts it as not held (no funding, no
    # record), but the rules read it as an explanation ("answered"), as they read "PSNI has not deployed
    # ..." (an answer, in round 4's reading): which of the two a "has not ... any" sentence is depends on
    # whether a record would exist, which the words do not say.
    ("dsit_questions_range.txt", "questions"),
    # ... and so the three "answered" questions beside a withheld one read as partially disclosed.
    ("dsit_questions_range.txt", "outcome"),
}


@pytest.mark.parametrize("name", sorted(UNSEEN5))
def test_unseen5_responses(name, tmp_path):
    got = reading(extract_file(_path(name, tmp_path)).json())
    want = UNSEEN5[name]
    compare(name, got, want, UNSEEN5_OPEN, "UNSEEN5_OPEN")


def test_open_fields_keep_what_is_right_in_them(tmp_path):
    got = reading(extract_file(FIXTURES / "dsit_questions_range.txt").json())
    assert got["questions"] == [("1", "answered"), ("2", "answered"), ("3", "answered"), ("4", "exempt")]
    assert got["outcome"] == "partially_disclosed"


def test_docx_header_body_table_and_footer_in_order(tmp_path):
    from foi_analysis.extract.word import docx_text

    text = docx_text(_derbyshire_docx(tmp_path / "letter.docx").read_bytes())
    lines = [line for line in text.split("\n") if line]
    assert lines[0] == "Derbyshire Constabulary" and lines[-1] == "OFFICIAL"
    assert "2. How many retrospective facial recognition searches were made in 2024? | 1,274." in lines
    assert lines.index("Question | Response") < lines.index("Yours sincerely")


def test_docx_merged_cells_are_read_once(tmp_path):
    import docx

    from foi_analysis.extract.word import docx_text

    d = docx.Document()
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Figures"
    table.cell(0, 2).text = "Note"
    for c, v in enumerate(("2024", "31", "-")):
        table.cell(1, c).text = v
    d.save(tmp_path / "t.docx")
    assert [line for line in docx_text((tmp_path / "t.docx").read_bytes()).split("\n") if line] == ["Figures | Note", "2024 | 31 | -"]


def test_a_broken_docx_and_an_odt_are_refused(tmp_path):
    import zipfile

    from foi_analysis.extract.text import InputError

    broken = tmp_path / "letter.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputError, match="not a readable Word document"):
        extract_file(broken)
    (tmp_path / "cut.docx").write_bytes(_derbyshire_docx(tmp_path / "whole.docx").read_bytes()[:900])
    with pytest.raises(InputError, match="not a readable Word document"):
        extract_file(tmp_path / "cut.docx")
    odt = tmp_path / "letter.odt"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InputError, match=r"\.odt.*PDF or plain text"):
        extract_file(odt)


def test_python_docx_loads_only_for_a_docx(tmp_path):
    import subprocess
    import sys

    probe = ("import sys; from pathlib import Path; from foi_analysis.extract import extract_file; "
             f"extract_file(Path({str(FIXTURES / 'camden_lettered_items.txt')!r})); print('docx' in sys.modules, 'lxml' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "False"], done.stderr


# ---------------------------------------------------------------------------------------------
# The general rules behind the fixes, each on wording of its own


def _letter(body: str, head: str = "Kent Police\n\nOur ref: FOI 1/25\n\n", foot: str = "") -> dict:
    from foi_analysis.extract import extract_text

    return extract_text(head + "Dear Requester\n\n" + body + "\n\nYours sincerely\n\nKent Police\n" + foot).json()


@pytest.mark.parametrize("said, reply, received", [
    ("Thank you for your email of 28 February.", "Date: 4 March 2025", "2025-02-28"),
    ("We received your request on Monday the 1st of this month.", "Date: 19 September 2025", "2025-09-01"),
    ("Thank you for your letter of 20 December.", "Date: 14 January 2026", "2025-12-20"),  # the latest such day before the reply
])
def test_a_receipt_without_a_year_takes_the_reply_s(said, reply, received):
    x = _letter(said + " Kent Police does not hold the information.", head=f"Kent Police\n\nOur ref: FOI 1/25\n{reply}\n\n")
    assert x["date_received"] == received


def test_a_receipt_without_a_year_needs_a_reply_date():
    x = _letter("Thank you for your email of 28 February. Kent Police does not hold the information.")
    assert x["date_received"] is None


@pytest.mark.parametrize("foot, date", [("\nDate: 2 June 2025\n", "2025-06-02"),
                                        ("\nFOI 1/25 - Response dated 2 June 2025 - Page 1 of 1\n", "2025-06-02")])
def test_a_letter_dated_at_its_foot(foot, date):
    x = _letter("We received your request on 6 May 2025. Kent Police does not hold the information.", foot=foot)
    assert x["date_responded"] == date


@pytest.mark.parametrize("line", ["Office of the Police and Crime Commissioner for Sussex", "OPCC Sussex", "Sussex OPCC"])
def test_a_commissioner_s_office_named_by_its_area(line):
    from foi_analysis.extract import extract_text

    text = (f"{line}\n\nOur ref: FOI 1/25\n\nDear Requester\n\nWe received your request on 6 May 2025. We do not hold "
            f"information about Sussex Police's deployments.\n\nYours sincerely\n\nGovernance Officer\n{line}\n")
    assert extract_text(text).json()["authority"] == "Sussex Police and Crime Commissioner"


def test_a_numbered_question_and_answer_table():
    x = _letter("We received your request on 6 May 2025.\n\nRef | Question | Response\n1 | How many vans? | Three.\n"
                "2 | The vans' locations? | Exempt under section 31(1)(a).")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "exempt")]
    assert x["tables"] == []


def test_lettered_items_and_sub_items():
    top = _letter("We received your request on 6 May 2025. You asked:\n\na) how many vans;\nb) where they are kept.\n\n"
                  "Our response:\n\na) Three.\nb) This is exempt under section 31(1)(a).")
    assert [(q["question"], q["outcome"]) for q in top["questions"]] == [("a", "disclosed"), ("b", "exempt")]
    sub = _letter("We received your request on 6 May 2025. You asked:\n\n1. Do you use vans?\n(a) How many?\n(b) Since when?\n"
                  "2. Their cost?\n\nOur response\n\n1. Yes.\n(a) Three.\n(b) Since 2021.\n2. Kent Police does not hold this information.")
    assert [(q["question"], q["outcome"]) for q in sub["questions"]] == [
        ("1", "disclosed"), ("1a", "disclosed"), ("1b", "disclosed"), ("2", "not_held")]


def test_in_answer_to_a_range_of_questions():
    x = _letter("We received your request on 6 May 2025. You asked:\n\n1. How many vans?\n2. How many cameras?\n3. The policy.\n\n"
                "In answer to questions 1 and 2, there are 3 vans and 12 cameras.\n\nIn answer to question 3, the policy is "
                "withheld under section 31(1)(a).")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")]


@pytest.mark.parametrize("answer, outcome", [
    ("We hold some of this information: 14 deployments in 2024. Figures for 2023 are not held.", "disclosed"),
    ("There were 212 requests in 2024. We do not hold information on how the footage was used.", "disclosed"),
    ("Kent Police does not hold this information. If you are unhappy you have 40 working days to ask for a review.", "not_held"),
    ("Kent Police does not hold this information, as the Freedom of Information Act 2000 does not require it.", "not_held"),
    ("Kent Police does not hold information on some of the deployments asked about.", "not_held"),
])
def test_an_answer_that_gives_what_is_held(answer, outcome):
    x = _letter("We received your request on 6 May 2025. You asked:\n\n1. How many vans?\n2. Their cost?\n\n"
                f"Q1. {answer}\n\nQ2. The cost is exempt under section 43(2).")
    assert x["questions"][0] == {"question": "1", "outcome": outcome}


def test_a_restated_request_in_quotation_marks_and_its_numbered_answers():
    x = _letter('We received your request on 6 May 2025. You asked:\n\n"Question 1: How many vans?\nQuestion 2: Their cost?"\n\n'
                "Question 1: Three.\nQuestion 2: The cost is exempt under section 43(2).")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "exempt")]


def test_one_quoted_request_after_your_request_received():
    x = _letter('Your request, received 6 May 2025:\n\n"Please provide the names of the panel members."\n\n'
                "The names are exempt under section 40(2).")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "exempt")]


def test_a_reference_in_an_html_email_s_title_only():
    from foi_analysis.extract import extract_text

    page = ("<html><head><title>RE: Freedom of Information request EIR2025/118</title></head><body><p>Dear Requester,</p>"
            "<p>We received your request on 6 May 2025. Kent Police does not hold the information.</p>"
            "<p>Yours sincerely,</p><p>Kent Police</p></body></html>")
    assert extract_text(page).json()["reference"] == "EIR2025/118"
