"""Red team, round 4 (issue 11): responses of kinds the earlier fixtures do not cover.

Each fixture in tests/fixtures/responses/ named below was written for this round in the style of a
real body's letter or page (invented wording, role titles or "[redacted]" only, no person's name),
and EVERY value in UNSEEN4 is my reading of that fixture by hand, written down before the extractor
was first run on it (the line it comes from is quoted). None was copied from the extractor's output.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from foi_analysis.extract import extract_file
from foi_analysis.extract.text import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "responses"


def reading(got: dict) -> dict:
    return dict(
        authority=got["authority"], reference=got["reference"], date_received=got["date_received"],
        date_responded=got["date_responded"], events=[(e["date"], e["event"]) for e in got["events"]],
        citations=[(e["citation"], e["ncnd"]) for e in got["exemptions"]], sections=got["sections"], ncnd=got["ncnd"],
        outcome=got["outcome"], questions=[(q["question"], q["outcome"]) for q in got["questions"]],
        tables=[(t["columns"], t["rows"]) for t in got["tables"]],
    )


# My hand reading of each fixture (written before the first run).
UNSEEN4 = {
    "psni_ncnd_partial.txt": dict(
        # PSNI's layout: "Request 1" / "Answer" headings on lines of their own, NCND grounds as headed lines.
        authority="Police Service of Northern Ireland",
        reference="F-2025-00871",  # "PSNI Freedom of Information Request Reference Number: F-2025-00871"
        date_received="2025-03-01",  # "Your request for information received 1st March 2025" (no "on")
        date_responded="2025-03-28",  # "Date: 28th March 2025"
        events=[("2025-03-01", "received"), ("2025-03-28", "response")],
        citations=[("23(5)", True), ("24(2)", True)],  # "Section 23(5) – ...", "Section 24(2) – National Security"
        sections=["23", "24"], ncnd=True,  # s1(1)(a), s1(1)(b), s17 only explained
        outcome="partially_disclosed",  # Q1 answered "No.", Q2 NCND
        questions=[("1", "disclosed"), ("2", "ncnd")],
        tables=[],
    ),
    "fire_rescue_s12_s16.txt": dict(
        # A fire and rescue service (not in authorities.csv, its name ends "Service") asked about a known
        # body (West Mercia Police, named three times); dates written "01.04.2025".
        authority="Hereford & Worcester Fire and Rescue Service",  # heads and signs the letter
        reference="HWFRS/FOI/2025/047",  # "Our Ref: HWFRS/FOI/2025/047"
        date_received="2025-03-04",  # "which we received on 04.03.2025"
        date_responded="2025-04-01",  # "Date: 01.04.2025"
        events=[("2025-03-04", "received"), ("2025-04-01", "response")],
        citations=[("12(1)", False)],  # "Section 12(1) ... allows us to refuse"; the bare "Section 12" heading adds nothing
        sections=["12"], ncnd=False,  # s16 advice and the s17(5) notice are not grounds
        outcome="refused",
        questions=[("1", None), ("2", None), ("3", None)],  # a cost refusal answers no question
        tables=[],
    ),
    "moj_foi_release_s22.html": dict(
        # A GOV.UK "FOI release" page: cookie banner, header, breadcrumbs, a "From:" metadata list, footer.
        authority="Ministry of Justice",  # "From: Ministry of Justice"; "the MoJ holds"; signed by an HMPPS team (part of the MoJ)
        reference="250306004",  # "Reference: 250306004"
        date_received="2025-03-06",  # "your email of 6 March 2025, in which you asked"
        date_responded=None,  # only "Published 14 April 2025", which is the page's date, not the response's
        events=[("2025-03-06", "received")],
        citations=[("22", False)], sections=["22"], ncnd=False,  # "exempt from disclosure under section 22"
        outcome="partially_disclosed",  # Q1 a figure (11 prisons), Q2 withheld
        questions=[("1", "disclosed"), ("2", "exempt")],  # "In response to question 1 ...", "In response to question 2 ..."
        tables=[],
    ),
    "notts_s30_s31_pit_years.txt": dict(
        authority="Nottinghamshire Police",
        reference="003318/25",  # "Request No: 003318/25"
        date_received="2025-05-06",  # "received by Nottinghamshire Police on 6th May 2025"
        date_responded="2025-06-02",  # "Date of response: 2nd June 2025"
        events=[("2025-05-06", "received"), ("2025-06-02", "response")],
        # "exempt by virtue of section 30(1)(a) ... and section 31(1)(a)(b)"
        citations=[("30(1)(a)", False), ("31(1)(a)", False), ("31(1)(b)", False)],
        sections=["30", "31"], ncnd=False, outcome="partially_disclosed",
        questions=[("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")],  # per-year lines; a count; exempt
        tables=[],  # "2021 - 412 searches" lines are a list, not a "|" table
    ),
    "ambulance_trust_tab_table.txt": dict(
        # An ambulance trust's email, its figures table pasted from a spreadsheet (cells split by tabs).
        authority="Northcoast Ambulance Service NHS Trust",  # signed on a line of its own
        reference="NCAS/FOI/24-25/0618",  # "Freedom of Information Request: NCAS/FOI/24-25/0618" (and the subject)
        date_received="2024-12-16",  # "received on 16 December 2024"
        date_responded="2025-01-15",  # "Sent: 15 January 2025 11:47"
        events=[("2024-12-16", "received"), ("2025-01-15", "response")],
        citations=[], sections=[], ncnd=False, outcome="disclosed",
        questions=[("1", "disclosed")],  # one unnumbered request under "Your request:", answered under "Our response:"
        tables=[(["Financial year", "Cameras issued", "Recordings disclosed to police"],
                 [["2021/22", "350", "96"], ["2022/23", "1,120", "241"], ["2023/24", "1,480", "318"]])],
    ),
    "scottish_government_foisa.txt": dict(
        authority="Scottish Government",  # signed; Police Scotland and Scottish Ministers are only named
        reference="202500448812",  # "Our ref: 202500448812"
        date_received="2025-04-22",  # "your request dated 22 April 2025": the request's only date, as a log's "Date of request"
        date_responded="2025-05-19",  # "Date: 19 May 2025"
        events=[("2025-04-22", "received"), ("2025-05-19", "response")],
        citations=[("30(b)(i)", False), ("38(1)(b)", False)],  # FOISA sections, "exemptions under sections 30(b)(i) ... and 38(1)(b)"
        sections=["30", "38"], ncnd=False,
        outcome="partially_disclosed",  # "I enclose a copy of most of the information you requested"
        questions=[("1", "partially_disclosed"), ("2", "partially_disclosed")],  # part of Q1 withheld; names in Q2's minutes withheld
        tables=[],
    ),
    "scottish_council_foisa_s17.txt": dict(
        authority="Aberdeenshire Council",  # heads, signs, "Aberdeenshire Council does not hold"; Police Scotland only named
        reference="112867",  # "Request ID: 112867"
        date_received="2025-07-17",  # "dated 16 July 2025 which we received on 17 July 2025"
        date_responded="2025-08-14",  # "Date: 14 August 2025"
        events=[("2025-07-17", "received"), ("2025-08-14", "response")],
        citations=[], sections=[], ncnd=False,  # FOISA s17 is the notice that information is not held, not a ground
        outcome="disclosed",  # all that is held is given; Q2 is not held
        questions=[("1", "disclosed"), ("2", "not_held"), ("3", "disclosed")],
        tables=[],
    ),
    "district_council_eir_12_5_a.txt": dict(
        authority="Mid Sussex District Council",  # Sussex Police is only named in the request
        reference="EIR/2025/0219",  # "Our reference: EIR/2025/0219"
        date_received="2025-02-03",  # "Your request received: 3 February 2025"
        date_responded="2025-03-03",  # "Date of this response: 3 March 2025"
        events=[("2025-02-03", "received"), ("2025-03-03", "response")],
        # "withholding ... under regulation 12(5)(a) of the EIR"; "manifestly unreasonable under regulation 12(4)(b)";
        # "redacted under regulation 13": EIR exceptions, drafted as regulations (reg 11, reconsideration, is no ground)
        citations=[("12(5)(a)", False), ("12(4)(b)", False), ("13", False)], sections=["12(4)(b)", "12(5)(a)", "13"], ncnd=False,
        outcome="partially_disclosed",  # the specification is given
        # "Answer 1:" withheld under 12(5)(a); "Answer 2:" attached; "Answer 3:" refused under the 12(4)(b) exception
        questions=[("1", "exempt"), ("2", "disclosed"), ("3", "exempt")],
        tables=[],
    ),
    "tvp_review_partly_upheld.txt": dict(
        authority="Thames Valley Police",
        reference="2025-01187",  # "Original FOI Reference: 2025-01187" (the review's own is IR/2025/0066)
        date_received="2025-05-02",  # "Your original request was received on 02/05/2025"
        date_responded="2025-05-30",  # "The force responded on 30/05/2025"
        events=[("2025-05-02", "received"), ("2025-05-30", "response"), ("2025-06-12", "internal_review_requested"),
                ("2025-07-09", "internal_review_response")],  # "your email of 12/06/2025 in which you asked for an internal review"; "Date: 09/07/2025"
        # the review upholds s31(1)(a) and (b); s43(2) "is not engaged"; the Background only recounts
        citations=[("31(1)(a)", False), ("31(1)(b)", False)], sections=["31"], ncnd=False,
        outcome="partially_disclosed",  # "partially uphold": Q2 still withheld, Q3 now disclosed
        questions=[("1", "disclosed"), ("2", "exempt"), ("3", "disclosed")],
        tables=[],
    ),
    "ico_decision_notice.txt": dict(
        # An ICO decision notice: the record is the request to the public authority it names.
        authority="Lincolnshire Police",  # "Public Authority: Chief Constable of Lincolnshire Police"
        reference="IC-348812-K7W2",  # "Reference: IC-348812-K7W2" (the only reference printed)
        date_received="2025-01-06",  # "On 6 January 2025, the complainant wrote to Lincolnshire Police and requested"
        date_responded="2025-02-11",  # "Lincolnshire Police responded on 11 February 2025"
        events=[("2025-01-06", "received"), ("2025-02-11", "response"), ("2025-03-20", "internal_review_response")],
        citations=[("31(1)(a)", False)], sections=["31"], ncnd=False,  # s10(1) was breached: a procedural finding, not a ground
        outcome="refused",  # the withholding is upheld
        questions=[("1", "exempt")],  # one quoted request
        tables=[],
    ),
    "council_transferred_s45.txt": dict(
        authority="Oxford City Council",  # "Oxford City Council does not hold"; Thames Valley Police is named three times
        reference="OCC-FOI-25-1402",
        date_received="2025-07-14",  # "which we received on 14th July 2025"
        date_responded="2025-07-21",  # "Date: 21st July 2025"
        events=[("2025-07-14", "received"), ("2025-07-21", "response")],
        citations=[], sections=[], ncnd=False,  # s45 is the code of practice, not a ground
        outcome="not_held",  # "does not hold this information"; the request is transferred
        questions=[("1", "not_held")],  # one request told in the reply: "You asked for details of ..."
        tables=[],
    ),
    "nipb_clarification_sought.txt": dict(
        # A request for clarification under s1(3): not yet a response.
        authority="Northern Ireland Policing Board",  # heads and signs; PSNI only named
        reference="NIPB/FOI/25/031",
        date_received="2025-03-10",  # "your email of 10 March 2025 in which you requested"
        date_responded=None,  # asking for clarification is not answering
        events=[("2025-03-10", "received"), ("2025-03-17", "update")],  # the letter's own date line
        citations=[], sections=[], ncnd=False,  # s1(3) is not a ground
        outcome=None,
        questions=[("1", None)],  # one quoted request, not yet answered
        tables=[],
    ),
    "university_question_table.pdf": dict(
        # make_pdf_fixtures.UNIVERSITY_PAGES: a two-column Question / Response table whose cells wrap.
        authority="University of Eastbridge",
        reference="UoE-FOI-2025-0187",
        date_received="2025-04-04",  # "which the University received on April 4, 2025" (month first)
        date_responded="2025-05-02",  # "Date: May 2, 2025"
        events=[("2025-04-04", "received"), ("2025-05-02", "response")],
        citations=[("40(2)", False), ("40(3A)(a)", False), ("43(2)", False)],
        sections=["40", "43"], ncnd=False, outcome="partially_disclosed",
        questions=[("1", "disclosed"), ("2", "partially_disclosed"), ("3", "exempt")],  # "No. ..."; a job title given, names withheld; withheld
        tables=[],  # a question/response table is not a table of figures
    ),
    "bedfordshire_subject_ref.eml": dict(
        # A saved email (.eml): MIME headers, an encoded subject, a quoted-printable body; the reference is
        # only in the subject line; the quoted original's "Sent:" line is month first (a US-locale client).
        authority="Bedfordshire Police",
        reference="FOI 2025/0392",  # "Subject: RE: Freedom of Information request – FOI 2025/0392" (encoded-word)
        date_received="2025-03-03",  # "received by Bedfordshire Police on 3 March 2025"
        date_responded="2025-03-27",  # "Date: Thu, 27 Mar 2025 10:31:05 +0000"
        events=[("2025-03-03", "received"), ("2025-03-27", "response")],  # "Sent: Saturday, March 1, 2025" is when the requester wrote
        citations=[("21", False)], sections=["21"], ncnd=False,  # "exempt under section 21 ... reasonably accessible"
        outcome="disclosed",  # a count, and a link to the published policy: nothing withheld
        questions=[("1", "disclosed"), ("2", "publicly_available")],  # "A1 The force ran 1,284 ..."; "A2 Yes. ... published"
        tables=[],
    ),
}


# Fields the extractor still reads otherwise than the hand reading above (first run: 114 of 154 fields
# right; now 149). The reading stays as written; the test pins that these still differ, and why.
UNSEEN4_OPEN = {
    # "Answer 3:" refuses the emails as manifestly unreasonable, then says names in Q2's attachment were
    # redacted: the redaction is read as this answer's (partially_disclosed).
    ("district_council_eir_12_5_a.txt", "questions"),
    # A request for clarification answers nothing: with no outcome, no question is read (reading: one, None).
    ("nipb_clarification_sought.txt", "questions"),
    # The annex withholds "some of the information requested in question 1" and names in Q2's minutes:
    # read as exempt and disclosed, not as two partial disclosures.
    ("scottish_government_foisa.txt", "questions"),
    # The review does not discuss Q1; only its Background says the deployments were disclosed (unnumbered).
    ("tvp_review_partly_upheld.txt", "questions"),
    # Q2 gives a job title and withholds names: read as exempt ("withheld"), not partially disclosed.
    ("university_question_table.pdf", "questions"),
}


def compare(name: str, got: dict, want: dict, still_open: set, open_name: str) -> None:
    """Each hand-read field of a round's letter as the extractor reads it; a field the round left open
    (``still_open``, the list named ``open_name``) must still read otherwise, so that a fix is noticed."""
    for field in want:
        if (name, field) in still_open:
            assert got[field] != want[field], f"{name} {field} now reads right: drop it from {open_name}"
        else:
            assert got[field] == want[field], (name, field)


@pytest.mark.parametrize("name", sorted(UNSEEN4))
def test_unseen4_responses(name):
    got = reading(extract_file(FIXTURES / name).json())
    want = UNSEEN4[name]
    compare(name, got, want, UNSEEN4_OPEN, "UNSEEN4_OPEN")


def test_open_fields_keep_what_is_right_in_them():
    # The open lists are wrong as wholes; the answers that are right in them stay right.
    q = {n: dict(reading(extract_file(FIXTURES / n).json())["questions"]) for n, _ in UNSEEN4_OPEN}
    assert q["district_council_eir_12_5_a.txt"]["1"] == "exempt" and q["district_council_eir_12_5_a.txt"]["2"] == "disclosed"
    assert (q["tvp_review_partly_upheld.txt"]["2"], q["tvp_review_partly_upheld.txt"]["3"]) == ("exempt", "disclosed")
    assert (q["university_question_table.pdf"]["1"], q["university_question_table.pdf"]["3"]) == ("disclosed", "exempt")


def test_review_and_eml_details():
    # TVP: "Original FOI Reference: 2025-01187" is the request's; the review's own goes to other_references,
    # and what the review upholds is at the review stage.
    x = extract_file(FIXTURES / "tvp_review_partly_upheld.txt")
    assert x.other_references == [{"reference": "IR/2025/0066", "kind": "internal_review"}]
    assert {f.stage for f in x.exemptions} == {"internal_review"}
    # FOISA letters warn which Act their section numbers are from; the EIR letter that its exceptions are regulations.
    assert any("FOISA" in w for w in extract_file(FIXTURES / "scottish_government_foisa.txt").warnings)
    assert any("EIR" in w for w in extract_file(FIXTURES / "district_council_eir_12_5_a.txt").warnings)


# ---------------------------------------------------------------------------------------------
# Inputs that are not text, HTML or PDF


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return path


def test_an_eml_with_a_base64_html_body_and_an_attachment(tmp_path):
    # A saved email whose body is base64 HTML, with a PDF attached: the body is read, the attachment is named.
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "FOI Team <foi@example.police.uk>", "requester@example.org", "FOI 2024/0101"
    msg["Date"] = "Tue, 4 Jun 2024 09:00:00 +0100"
    msg.set_content("<p>Dear Requester,</p><p>Kent Police does not hold any of the information you have requested.</p>"
                    "<p>Yours sincerely</p><p>Kent Police</p>", subtype="html", cte="base64")
    msg.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf", filename="response.pdf")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(msg))
    x = extract_file(path)
    assert (x.authority, x.reference, x.outcome) == ("Kent Police", "FOI 2024/0101", "not_held")
    assert x.json()["date_responded"] == "2024-06-04"  # the Date header, shown as the message's "Sent:" line
    assert any("response.pdf" in w for w in x.warnings)


def test_an_eml_without_headers_is_refused(tmp_path):
    path = tmp_path / "notes.eml"
    path.write_text("\n\nJust a note, no headers.\n")
    with pytest.raises(InputError, match="not an email"):
        extract_file(path)


def test_rtf_docx_and_odt_are_refused_with_what_to_do(tmp_path, capsys):
    from foi_analysis import cli

    with pytest.raises(InputError, match="RTF document.*PDF or plain text"):
        extract_file(FIXTURES / "kent_letter.rtf")
    # (a .docx is read since round 5, with python-docx: this one is not a Word document inside)
    docx = _zip(tmp_path / "letter.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    odt = _zip(tmp_path / "letter.odt", {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})
    with pytest.raises(InputError, match=r"not a readable Word document"):
        extract_file(docx)
    with pytest.raises(InputError, match=r"\.odt.*plain text"):
        extract_file(odt)
    # On the command line each is named, the batch goes on, and the exit status says something failed.
    assert cli.main(["extract", "--json", str(FIXTURES / "kent_letter.rtf"), str(docx), str(FIXTURES / "psni_ncnd_partial.txt")]) == 1
    out, err = capsys.readouterr()
    assert "kent_letter.rtf: error: an RTF document" in err and "letter.docx: error: not a readable Word document" in err
    assert '"Police Service of Northern Ireland"' in out


# ---------------------------------------------------------------------------------------------
# The general rules behind the fixes, each on wording of its own


def _letter(body: str, head: str = "Kent Police\n\nOur ref: FOI 1/25\n\n") -> dict:
    from foi_analysis.extract import extract_text

    return extract_text(head + "Dear Requester\n\n" + body + "\n\nYours sincerely\n\nKent Police\n").json()


def test_a_table_pasted_with_tabs_is_a_table_and_a_tab_stop_is_not():
    x = _letter("Sent:\t4 June 2024\nTo:\tFOI\n\nWe received your request on 3 May 2024.\n\n"
                "Year\tSearches\n2022\t1,046\n2023\t1,310\n\nKent Police does not hold monthly figures.")
    assert [(t["columns"], t["rows"]) for t in x["tables"]] == [(["Year", "Searches"], [["2022", "1,046"], ["2023", "1,310"]])]


@pytest.mark.parametrize("line, date", [
    ("Date: March 1, 2025", "2025-03-01"), ("Date: Saturday, March 1, 2025", "2025-03-01"), ("Date: Sept. 30, 2024", "2024-09-30")])
def test_a_date_written_month_first(line, date):
    x = _letter("We received your request on April 4, 2025. Kent Police does not hold the information.",
                head=f"Kent Police\n\nOur ref: FOI 1/25\n{line}\n\n")
    assert (x["date_received"], x["date_responded"]) == ("2025-04-04", date)


def test_a_request_dated_is_received_only_when_no_receipt_is_given():
    alone = _letter("Thank you for your request dated 22 April 2025. Kent Police does not hold the information.")
    both = _letter("Thank you for your request dated 22 April 2025, which we received on 24 April 2025. "
                   "Kent Police does not hold the information.")
    assert (alone["date_received"], both["date_received"]) == ("2025-04-22", "2025-04-24")


def test_a_body_that_signs_the_letter_wins_over_a_known_one_it_transfers_to():
    # A body not in authorities.csv heads and signs; a known one is only spoken of ("transferred your
    # request to Kent Police, who will respond"): the letter is the council's.
    from foi_analysis.extract import extract_text

    text = ("Anytown Borough Council\n\nOur ref: FOI 1/25\n\nDear Requester\n\nWe received your request on 3 May 2024. "
            "We have transferred your request to Kent Police, who will respond to you directly.\n\nYours sincerely\n\n"
            "Information Officer\nAnytown Borough Council\n")
    assert extract_text(text).json()["authority"] == "Anytown Borough Council"
    # ... but not when the known body heads the letter itself.
    assert extract_text(text.replace("Anytown Borough Council\n\nOur", "Kent Police\n\nOur")).json()["authority"] == "Kent Police"


def test_section_21_alone_keeps_nothing_back():
    x = _letter("We received your request on 3 May 2024.\n\n1. How many searches?\n2. Your policy?\n\n"
                "Q1 There were 14 searches.\nQ2 The policy is published on our website and is exempt under section 21, "
                "as it is reasonably accessible to you by other means.")
    assert (x["outcome"], [(q["question"], q["outcome"]) for q in x["questions"]]) == (
        "disclosed", [("1", "disclosed"), ("2", "publicly_available")])


def test_a_clarification_request_is_an_update_not_a_response():
    x = _letter("Thank you for your email of 10 March 2025. Could you please clarify which documents you require? Under "
                "section 1(3) we are not obliged to comply with your request until we have that information.",
                head="Kent Police\n\nOur ref: FOI 1/25\n17 March 2025\n\n")
    assert (x["date_responded"], x["outcome"], x["sections"]) == (None, None, [])
    assert [(e["date"], e["event"]) for e in x["events"]] == [("2025-03-10", "received"), ("2025-03-17", "update")]


def test_a_ground_the_reviewer_finds_not_engaged_is_not_relied_on():
    x = _letter("I have completed the internal review. I uphold the decision to withhold the criteria under section 31(1)(a). "
                "I do not consider that section 43(2) is engaged, and the cost is disclosed below.\n\nCost: £1,200")
    assert x["sections"] == ["31"]
