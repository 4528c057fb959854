"""Red team, round 12 (issue 11): responses of bodies and layouts rounds 4-11 do not cover.

Each response named below was written for this round in the style of a real kind of body (invented
wording; bodies' names and role titles only, no person's name). EVERY value in UNSEEN12 is my hand
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
UNSEEN12 = {
    "staffordshire_part1_2_3.txt": dict(
        # Answers grouped under "Part 1 - Information held / Part 2 - Information not held / Part 3 - Exemptions",
        # each part holding "Question N:" answers.
        authority="Staffordshire Police",  # heads and signs
        reference="FOI 9912/25",  # "Our Reference: FOI 9912/25"
        date_received="2025-08-21",  # "which was received by Staffordshire Police on 21 August 2025"
        date_responded="2025-09-18",  # "Date: 18 September 2025"
        events=_both("2025-08-21", "2025-09-18"),
        citations=[("31(1)(a)", False)], sections=["31"], ncnd=False,  # s17 is the notice, not a ground
        outcome="partially_disclosed",  # Q1 given, Q2 not held, Q3 withheld
        questions=[("1", "disclosed"), ("2", "not_held"), ("3", "exempt")],  # "Question 1: ... on 6 occasions" etc.
        tables=[],
    ),
    "west_mercia_see_other_foi.txt": dict(
        # Answers that point to OTHER requests ("see our response to FOI 2024/1187", "FOI Ref 5530/25"): never this
        # letter's reference.
        authority="West Mercia Police",  # heads and signs
        reference="6021/25",  # "Freedom of Information Request Reference No: 6021/25"
        date_received="2025-09-11",  # "received by West Mercia Police on 11 September 2025"
        date_responded="2025-10-09",  # "Date: 9 October 2025"
        events=_both("2025-09-11", "2025-10-09"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed")],  # "1. Yes. ..."; "2. ... ran 1,412 ... searches"
        tables=[],
    ),
    "scottish_police_authority_foisa.txt": dict(
        # FOISA: s25(1) (otherwise accessible) for Q1, a s17(1) notice that Q2 is not held, the Scottish Information
        # Commissioner named in the rights paragraph; Police Scotland named as the holder.
        authority="Scottish Police Authority",  # heads and signs
        reference="SPA-FOI-25-0217",  # "Our ref: SPA-FOI-25-0217"
        date_received="2025-10-06",  # "which the Authority received on 6 October 2025"
        date_responded="2025-11-03",  # "Date: 3 November 2025"
        events=_both("2025-10-06", "2025-11-03"),
        citations=[("25(1)", False)], sections=["25"], ncnd=False,  # s17(1) is the not-held notice, no ground
        outcome="disclosed",  # nothing withheld: one part published, the other not held
        questions=[("1", "publicly_available"), ("2", "not_held")],  # "published on our website"; "does not hold"
        tables=[],
    ),
    "npcc_transfer_to_forces.txt": dict(
        # NPCC: one part published by ANOTHER body (the College of Policing), the other held by forces (s45 code,
        # "you may wish to contact the forces").
        authority="National Police Chiefs' Council",  # heads and signs
        reference="000412/25",  # "Reference Number: 000412/25"
        date_received="2025-06-17",  # "dated 16 June 2025, which we received on 17 June 2025"
        date_responded="2025-07-14",  # "Date: 14 July 2025"
        events=_both("2025-06-17", "2025-07-14"),
        citations=[], sections=[], ncnd=False,  # "section 45 Code of Practice" is no ground
        outcome="not_held",  # neither part is held by the NPCC
        # Q1: "The NPCC does not hold any separate national guidance" (what is published is the College's, not its own)
        questions=[("1", "not_held"), ("2", "not_held")],
        tables=[],
    ),
    "surrey_exemptions_table.txt": dict(
        # Grounds listed in a "Section | Exemption | Reason" table; "2. and 3." answered together.
        authority="Surrey Police",  # heads and signs
        reference="2025/FOI/00781",  # "Your request reference: 2025/FOI/00781" (the body's number for it)
        date_received="2025-05-29",  # "Your request dated 29 May 2025" (the only date of the request)
        date_responded="2025-06-27",  # "Date: 27 June 2025"
        events=_both("2025-05-29", "2025-06-27"),
        citations=[("31(1)(a)", False), ("40(2)", False)], sections=["31", "40"], ncnd=False,  # the table's rows
        outcome="partially_disclosed",  # Q1 given (4 vans), Q2 and Q3 withheld
        questions=[("1", "disclosed"), ("2", "exempt"), ("3", "exempt")],  # "2. and 3. This information is withheld."
        tables=[],  # a table of grounds and reasons is not a table of figures
    ),
    "south_wales_ranges.txt": dict(
        # Figures given as ranges: "Between 10 and 20 ... the exact figure has been withheld under section 40(2)";
        # "Fewer than 5 false alerts".
        authority="South Wales Police",  # heads and signs
        reference="FOI/25/1650",  # "Our Ref: FOI/25/1650"
        date_received="2025-07-15",  # "your request received on 15 July 2025"
        date_responded="2025-08-12",  # "Date: 12 August 2025"
        events=_both("2025-07-15", "2025-08-12"),
        citations=[("40(2)", False)], sections=["40"], ncnd=False,
        outcome="partially_disclosed",  # a range given, the exact figure withheld
        questions=[("1", "partially_disclosed"), ("2", "disclosed")],  # the range is given; "Fewer than 5" is the answer
        tables=[],
    ),
    "northumbria_quoted_request.txt": dict(
        # An email reply that answers under each ">"-quoted question of the request.
        authority="Northumbria Police",  # signs; the sender's name
        reference="1092/25",  # the subject's "[Ref: 1092/25]"
        date_received="2025-08-04",  # "> On 4 August 2025 you wrote:" (the only date of the request)
        date_responded="2025-09-02",  # "Sent: 2 September 2025 11:04"
        events=_both("2025-08-04", "2025-09-02"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # "No." and "does not hold": all that is held is given
        questions=[("1", "disclosed"), ("2", "not_held")],
        tables=[],
    ),
    "warwickshire_dated_this_day.txt": dict(
        # A formal "Dated this 3rd day of March 2025" line; one unnumbered question.
        authority="Warwickshire Police",  # heads (capitals) and signs
        reference="WP/FOI/2025/0304",  # "Reference: WP/FOI/2025/0304"
        date_received="2025-02-04",  # "Your request for information of 4th February 2025" (the only date of it)
        date_responded="2025-03-03",  # "Dated this 3rd day of March 2025"
        events=_both("2025-02-04", "2025-03-03"),
        citations=[], sections=[], ncnd=False,
        outcome="not_held",  # "does not hold any information within the scope of your request"
        # "You asked whether ..." (one unnumbered question) takes the response's outcome. (Written first as [], no
        # numbered items: that contradicts the project's documented reading of a one-question request, which reads
        # it as question 1; corrected after the first run, not counted as a miss.)
        questions=[("1", "not_held")],
        tables=[],
    ),
    "leicester_joint_controller_dpo.txt": dict(
        # Two bodies named as joint controllers; the council answers "on behalf of both"; signed by a DPO "for"
        # both. The body answering is the council (its letterhead, its reference).
        authority="Leicester City Council",  # heads; "Leicester City Council has answered your request"
        reference="FOI-LCC-25-3310",  # "Our reference: FOI-LCC-25-3310"
        date_received="2025-09-08",  # "Thank you for your request, received on 8 September 2025"
        date_responded="2025-10-06",  # "Date: 6 October 2025"
        events=_both("2025-09-08", "2025-10-06"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "disclosed")],  # "No."; "112 cameras"; "attached"
        tables=[],
    ),
    "derbyshire_qr_table_rowspan.html": dict(
        # A "Question | Response" table whose one response cell spans two questions' rows (rowspan="2").
        authority="Derbyshire Constabulary",  # <h1> and signs
        reference="2025/0456",  # "Freedom of Information Request Reference: 2025/0456"
        date_received="2025-04-24",  # "received on 24 April 2025"
        date_responded="2025-05-22",  # "Date: 22 May 2025"
        events=_both("2025-04-24", "2025-05-22"),
        citations=[], sections=[], ncnd=False,
        outcome="disclosed",  # nothing withheld
        # Q1 "Has ... used ...?" answered "has not used" (disclosed); Q2 "If so, on how many days" the merged cell's
        # "holds no information" (not held); Q3 "387 ... searches"
        questions=[("1", "disclosed"), ("2", "not_held"), ("3", "disclosed")],
        tables=[],  # a question/response table is not a table of figures
    ),
}

UNSEEN12_OPEN: set[tuple[str, str]] = {
    # (Northumbria's email reply answering under each ">"-quoted question is read since round 13: ">" lines are
    # quoted, a quoted numbered item heads the answer below it, "> On 4 August 2025 you wrote:" dates the request.)
    # One response cell spanning two questions (rowspan="2") is printed in both rows since this round, so question 2
    # reads not held; question 1 ("Has ... used ...?") reads not held too, from the same cell's "holds no
    # information" (which clause answers which question is a reading of the questions' meaning).
    ("derbyshire_qr_table_rowspan.html", "questions"),
}


@pytest.mark.parametrize("name", sorted(UNSEEN12))
def test_unseen12_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    compare(name, got, UNSEEN12[name], UNSEEN12_OPEN, "UNSEEN12_OPEN")


def test_the_open_fields_keep_what_is_right_in_them():
    got = {n: reading(extract_file(FIXTURES / n).json()) for n in ("derbyshire_qr_table_rowspan.html", "northumbria_quoted_request.txt")}
    q = dict(got["derbyshire_qr_table_rowspan.html"]["questions"])
    assert (q["2"], q["3"]) == ("not_held", "disclosed")  # the spanned cell answers question 2 too
    assert got["northumbria_quoted_request.txt"]["date_responded"] == "2025-09-02"  # "Sent: 2 September 2025 11:04"


def test_another_requests_reference_is_not_this_letters():
    # "Please see our response to FOI 2024/1187", "provided in FOI Ref 5530/25": other requests, named in answers.
    x = extract_file(FIXTURES / "west_mercia_see_other_foi.txt")
    assert x.reference == "6021/25"


# ---------------------------------------------------------------------------------------------
# Each rule this round added or widened, with its negations and lookalikes (expected values by hand).

_HEAD = "Kent Police\n\nOur ref: FOI 1/25\n\n"


def _kent(body: str, head: str = _HEAD + "Date: 3 June 2025\n\n") -> dict:
    return extract_text(head + "Dear Requester\n\n" + body + "\n\nYours sincerely\n\nKent Police\n").json()


@pytest.mark.parametrize("line, responded", [
    ("Dated this 3rd day of March 2025", "2025-03-03"),  # a deed's form
    ("Dated the 3rd day of March 2025", "2025-03-03"),
    ("Dated: 3 March 2025", "2025-03-03"),  # ("dated" was read as "date" + "d": the line was lost)
    ("Dated 3 March 2025", "2025-03-03"),
    ("Dyddiad: 14 Awst 2025", "2025-08-14"),  # Welsh: Awst is August
    ("Dyddiad / Date: 3 Mawrth 2025", "2025-03-03"),  # Mawrth is March
    # lookalikes: no year; "days of" is a count
    ("Dated this 3rd day of March", None),
    ("Within 20 days of March 2025", None),
])
def test_a_date_line_in_a_deeds_or_welsh_words(line, responded):
    x = _kent("Kent Police does not hold this information.", head=_HEAD + line + "\n\n")
    assert x["date_responded"] == responded


@pytest.mark.parametrize("said, received", [
    ("Your request for information of 4th February 2025 has been considered.", "2025-02-04"),
    ("Your request for information of 4 February 2025, which we received on 6 February 2025, has been considered.", "2025-02-06"),
    ("Thank you for your request of the 4th day of February 2025.", "2025-02-04"),
    ("Diolch am eich cais. We received your request on 17 Gorffennaf 2025.", "2025-07-17"),  # a Welsh month in an English sentence
    # another request's date, and a count of days, date nothing
    ("This is the same as your previous request for information of 4 February 2025.", None),
    ("We will respond within 20 working days of 4 February 2025.", None),
])
def test_when_the_request_was_made(said, received):
    assert _kent(said + "\n\nKent Police does not hold this information.")["date_received"] == received


_SPA = ("Scottish Police Authority\n\nOur ref: SPA-1\n\nDate: 3 November 2025\n\nDear Requester\n\nFREEDOM OF INFORMATION (SCOTLAND) "
        "ACT 2002\n\nI refer to your request, in which you asked for:\n\n1. Copies of the Board papers.\n\n2. The total spend in 2024/25.\n\n")


@pytest.mark.parametrize("head1, head2, want", [
    ("Question 1", "Question 2", [("1", "publicly_available"), ("2", "not_held")]),  # headings without a stop
    # "Answer 1" / "Response to question 1" end the request too (its ground is read), and since round 13 head their
    # answers without a stop (before, question 1 was left null, warned)
    ("Answer 1", "Answer 2", [("1", "publicly_available"), ("2", "not_held")]),
    ("Response to question 1", "Response to question 2", [("1", "publicly_available"), ("2", "not_held")]),
])
def test_an_answer_heading_on_its_own_line_ends_the_request(head1, head2, want):
    x = extract_text(_SPA + f"{head1}\nThe Board papers are published on our website at www.spa.police.uk/board. Under section 25(1) "
                     f"of FOISA we are not required to provide information which is otherwise accessible.\n\n{head2}\nThe "
                     "Authority does not hold this information.\n\nYours sincerely\n\nScottish Police Authority\n").json()
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == want
    assert [e["citation"] for e in x["exemptions"]] == ["25(1)"]


def _request(text: str) -> str:
    from foi_analysis.extract.doc import build_doc, request_text
    from foi_analysis.extract.text import clean_text

    return request_text(build_doc(*clean_text(text)))


def test_a_request_restated_under_question_headings_is_still_the_request():
    # No numbered item before the first "Question 1": the headings are the request's own, and end nothing.
    letter = ("Kent Police\n\nDear Requester\n\nYou asked:\n\nQuestion 1\nHow many deployments were there in 2024?\n\n"
              "Question 2\nHow many arrests followed?\n\nResponse\n\n1. There were 12 deployments.\n\nYours sincerely\n\nKent Police\n")
    assert _request(letter) == "Question 1\nHow many deployments were there in 2024?\nQuestion 2\nHow many arrests followed?"


_ASKED = "You asked:\n\n1. How many vans?\n\n2. Where were they used?\n\n3. Who authorised them?\n\nResponse\n\n1. Kent Police has 4 vans.\n\n"


@pytest.mark.parametrize("table, citations, tables", [
    ("| Section | Exemption | Reason |\n| 31(1)(a) | Law enforcement | It would show where we do not deploy |\n"
     "| 40(2) | Personal information | Names are personal data |", ["31(1)(a)", "40(2)"], 0),
    ("| Section | Exemption |\n| s31(1)(a) | Law enforcement |\n| s40(2) | Personal information |", ["31(1)(a)", "40(2)"], 0),
    # lookalikes kept as tables: a count by section, a column saying whether each was applied, a row that is no citation
    ("| Section | Requests |\n| 31 | 12 |\n| 40 | 9 |", [], 1),
    ("| Section | Exemption | Applied? |\n| 31(1)(a) | Law enforcement | No |", [], 1),
    ("| Section | Exemption | Reason |\n| See below | Law enforcement | It would show where we do not deploy |", [], 1),
])
def test_a_table_of_grounds(table, citations, tables):
    x = _kent(_ASKED + "2. and 3. This information is withheld; the exemptions are set out below.\n\n" + table)
    assert [e["citation"] for e in x["exemptions"]] == citations
    assert len(x["tables"]) == tables


@pytest.mark.parametrize("answers, want", [
    ("2. and 3. This information is withheld under section 31(1)(a).", [("2", "exempt"), ("3", "exempt")]),
    ("2 & 3) Kent Police does not hold this information.", [("2", "not_held"), ("3", "not_held")]),
    # a figure after the number is no second heading: "2. 3 vans were used in Dover." answers question 2 only
    ("2. 3 vans were used in Dover.\n\n3. This information is withheld under section 40(2).", [("2", "disclosed"), ("3", "exempt")]),
])
def test_two_answers_under_one_heading(answers, want):
    x = _kent(_ASKED + answers)
    assert [(q["question"], q["outcome"]) for q in x["questions"]][1:] == want


@pytest.mark.parametrize("html, want", [
    ('<table><tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr></table>', ["A | 1 |", "A | 2 |"]),
    ('<table><tr><td>1</td><td rowspan="2">A</td></tr><tr><td>2</td></tr></table>', ["1 | A |", "2 | A |"]),
    ('<table><tr><td>1</td><td rowspan="1">A</td></tr><tr><td>2</td><td>B</td></tr></table>', ["1 | A |", "2 | B |"]),
    # a table inside a spanning cell keeps its own rows
    ('<table><tr><td rowspan="2">A</td><td><table><tr><td>x</td></tr></table></td></tr><tr><td>2</td></tr></table>',
     ["A |", "x |", "|", "A | 2 |"]),
])
def test_a_cell_spanning_rows_is_printed_in_each(html, want):
    from foi_analysis.extract.text import html_to_text

    assert [line.strip() for line in html_to_text("<html><body>" + html + "</body></html>")[0].splitlines() if line.strip()] == want


@pytest.mark.parametrize("text, field, want", [
    # fullwidth digits and letters (U+FF01-FF5E) read as the ASCII they are (NFKC), one character for one
    ("1. The list is withheld under section \uff13\uff11(1)(a).", "sections", ["31"]),
    ("1. The list is withheld under \uff33\uff45\uff43\uff54\uff49\uff4f\uff4e 40\uff08\uff12\uff09.", "sections", ["40"]),
    ("1. Kent Police does not hold this information.", "reference", "FOI 12/25"),  # the reference below, "ＦＯＩ １２/25"
    # a fullwidth digit in a sentence before the ground moves no offset: the ground's quote is its own sentence
    ("1. There were \uff11\uff12 deployments. The list is withheld under section 31(1)(a).", "quote", "section 31(1)(a)"),
    # lookalikes of other scripts stay other letters (see test_extract_unseen11): a Greek omicron
    ("1. The list is withheld under secti\u03bfn 31(1)(a).", "sections", []),
])
def test_fullwidth_forms_read_as_ascii(text, field, want):
    x = _kent(text, head="Kent Police\n\nOur ref: \uff26\uff2f\uff29 \uff11\uff12/25\n\nDate: 3 June 2025\n\n")
    if field == "quote":
        assert all(want in (e.get("quote") or e["raw"]) for e in x["exemptions"]) and x["exemptions"]
    else:
        assert x[field] == want


# ---------------------------------------------------------------------------------------------
# Hostile inputs round 11 did not do: a Word letter written in text boxes only (w:txbxContent).

_LETTER = ["Kent Police", "Our ref: FOI 77/25", "Date: 3 June 2025", "Dear Requester", "Kent Police does not hold this information.",
           "Yours sincerely", "Kent Police"]
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'
_MCNS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def _paras(lines):
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def _vml_box(lines):
    return f'<w:pict><v:shape {_VML}><v:textbox><w:txbxContent>{_paras(lines)}</w:txbxContent></v:textbox></v:shape></w:pict>'


def _docx_with(path, body_xml: str):
    """A .docx made by python-docx whose body is ``body_xml`` (paragraphs as Word writes them)."""
    import io
    import zipfile

    import docx

    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    b = io.BytesIO()
    d.save(b)
    out = io.BytesIO()
    with zipfile.ZipFile(b) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                s = data.decode()
                i = s.index("<w:p", s.index("<w:body>"))
                data = (s[:i] + body_xml + s[s.index("</w:p>", i) + 6:]).encode()
            zout.writestr(item, data)
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("body", [
    # the whole letter in one VML text box
    "<w:p><w:r>" + _vml_box(_LETTER) + "</w:r></w:p>",
    # as Word 2010+ writes it: the drawing (mc:Choice) and a VML copy (mc:Fallback) of the same box
    f"<w:p><w:r><mc:AlternateContent {_MCNS}><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp {_WPS}><wps:txbx><w:txbxContent>"
    + _paras(_LETTER) + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback>" + _vml_box(_LETTER)
    + "</mc:Fallback></mc:AlternateContent></w:r></w:p>",
    # the letterhead in a box anchored in the first paragraph, the letter in the body
    "<w:p><w:r>" + _vml_box(_LETTER[:3]) + "</w:r></w:p>" + _paras(_LETTER[3:]),
])
def test_a_word_letter_in_text_boxes(body, tmp_path):
    from foi_analysis.extract.word import docx_text

    path = _docx_with(tmp_path / "boxes.docx", body)
    x = extract_file(path)
    assert (x.authority, x.reference, x.outcome) == ("Kent Police", "FOI 77/25", "not_held")
    assert x.json()["date_responded"] == "2025-06-03"
    assert any("text box" in w for w in x.warnings)
    assert docx_text(path.read_bytes()).count("does not hold") == 1  # the fallback's copy is not read again


def test_a_word_letter_without_text_boxes_is_read_as_before(tmp_path):
    path = _docx_with(tmp_path / "plain.docx", _paras(_LETTER))
    x = extract_file(path)
    assert (x.reference, x.outcome) == ("FOI 77/25", "not_held")
    assert not any("text box" in w for w in x.warnings)


# A PDF letter set sideways: its text matrix turned a quarter (lines running up or down a landscape page), and a
# page turned by /Rotate (which PDFium reads upright). Drawn with matplotlib (TrueType text: a real text layer).

_PDF_LETTER = ["Kent Police", "", "Our ref: FOI 77/25", "", "Date: 3 June 2025", "", "Dear Requester", "",
               "Thank you for your request, received on 6 May 2025.", "", "Kent Police does not hold this information.", "",
               "Yours sincerely", "", "Kent Police"]


def _pdf(path, turn: int, note: bool = False):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["pdf.fonttype"] = 42
    fig = plt.figure(figsize=(842 / 72, 595 / 72) if turn in (90, 270) else (595 / 72, 842 / 72))
    for k, line in enumerate(_PDF_LETTER):
        if turn == 90:  # each line runs up the page; the next is to its right
            fig.text((60 + 14 * k) / 842, 60 / 595, line, rotation=90, family="DejaVu Sans Mono", size=10, va="bottom", ha="left")
        elif turn == 270:  # each line runs down the page; the next is to its left
            fig.text((782 - 14 * k) / 842, 535 / 595, line, rotation=270, family="DejaVu Sans Mono", size=10, va="top", ha="left",
                     rotation_mode="anchor")
        else:
            fig.text(60 / 595, 1 - (60 + 14 * k) / 842, line, family="DejaVu Sans Mono", size=10, va="top")
    if note:  # a short note up the margin of an upright letter
        fig.text(20 / 595, 300 / 842, "Uncontrolled when printed", rotation=90, family="DejaVu Sans Mono", size=8)
    fig.savefig(path, format="pdf")
    plt.close(fig)
    if turn == "Rotate":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        pdf[0].set_rotation(90)
        pdf.save(str(path) + ".rot")
        pdf.close()
        path.write_bytes(Path(str(path) + ".rot").read_bytes())
    return path


from pathlib import Path  # noqa: E402


@pytest.mark.parametrize("turn, note", [(90, False), (270, False), ("Rotate", False), (0, False), (0, True)])
def test_a_pdf_letter_set_sideways(turn, note, tmp_path):
    # (before round 12 a letter whose lines run up the page was read as one line: no authority, no response date,
    # and its reference ran into the next line's "Date" as "FOI 77/25D")
    x = extract_file(_pdf(tmp_path / "letter.pdf", turn, note)).json()
    assert (x["authority"], x["reference"], x["date_received"], x["date_responded"], x["outcome"]) == (
        "Kent Police", "FOI 77/25", "2025-05-06", "2025-06-03", "not_held")


# Round 11's rules asked of more wordings: an earlier response's verdict told as history (refusals and
# withholdings, not only "not held"), and a withholding the body denies ("_DENIED"), with lookalikes.

def _q2(body: str) -> dict:
    return _kent("You asked:\n\n1. How many vans?\n\n2. Where were they used?\n\nResponse\n\n1. Kent Police has 4 vans.\n\n2. " + body)


@pytest.mark.parametrize("body, citations, outcome", [
    # told as what an earlier response said: no ground of this letter (before round 12 read as relied on, in a
    # letter not labelled a review: the outcome was partially disclosed, silently)
    ("The original response stated that this information was withheld under section 31(1)(a). Having reviewed it, the "
     "locations were Dover and Margate.", [], "disclosed"),
    ("Our earlier reply said that the request was refused under section 12. The locations were Dover and Margate.", [], "disclosed"),
    # judged in the same paragraph: relied on now
    ("The initial response explained that the locations were exempt under section 31(1)(a). I uphold that decision and "
     "the locations remain withheld.", ["31(1)(a)"], "partially_disclosed"),
    ("The original response stated that the locations were exempt under section 31(1)(a), and that remains the case.",
     ["31(1)(a)"], "partially_disclosed"),
    # the earlier response gave it; this one withholds it
    ("The original response stated that the locations were Dover and Margate. This information is now withheld under "
     "section 31(1)(a).", ["31(1)(a)"], "partially_disclosed"),
    # the future: what a response will say is no history, and no ground either
    ("Our response will explain which locations were used; the locations were Dover and Margate.", [], "disclosed"),
])
def test_an_earlier_responses_verdict_told_as_history(body, citations, outcome):
    x = _q2(body)
    assert [e["citation"] for e in x["exemptions"]] == citations
    assert x["outcome"] == outcome


@pytest.mark.parametrize("body, answer", [
    ("We do not accept that any information was withheld. The locations were Dover and Margate.", "disclosed"),
    ("I do not agree that the force withheld the locations: they were Dover and Margate.", "disclosed"),
    # a denial of something else, then a withholding: withheld
    ("We do not think that releasing the locations is in the public interest and they have been withheld under section 31(1)(a).", "exempt"),
    ("We do not consider that the public interest favours release, so the locations are being withheld under section 31(1)(a).", "exempt"),
])
def test_a_withholding_the_body_denies(body, answer):
    assert dict((q["question"], q["outcome"]) for q in _q2(body)["questions"])["2"] == answer


@pytest.mark.parametrize("table, outcome", [
    ("| Response |\n| Kent Police does not hold this information. |", "not_held"),  # a one-column table, as HTML saves it
    ("Response |\nKent Police has 4 vans. |", "disclosed"),
])
def test_a_one_column_response_table_is_the_answer(table, outcome):
    x = _kent("You asked how many vans Kent Police has.\n\n" + table)
    assert (x["outcome"], [(q["question"], q["outcome"]) for q in x["questions"]], x["tables"]) == (outcome, [("1", outcome)], [])


def test_a_long_cell_spanning_rows_is_printed_once():
    # a page cannot multiply its text: a cell of over 2,000 characters spanning rows is printed where it stands only
    from foi_analysis.extract.text import html_to_text

    long = "word " * 500
    text = html_to_text(f'<html><body><table><tr><td rowspan="50">{long}</td><td>1</td></tr>'
                        + "".join(f"<tr><td>{k}</td></tr>" for k in range(2, 51)) + "</table></body></html>")[0]
    assert text.count("word") == 500
