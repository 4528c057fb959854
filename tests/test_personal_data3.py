"""Personal names, round 3 (session 15, task PD3): what round 2 left, and forms no round had tried.

Measured first on 62 hand-written probes (each text as a letter's first line, which the title copies,
and, for a sentence, after a cited section, which a citation's ``raw`` copies; plus ``people.redact`` of
the text itself, since ``add`` refuses only what ``find`` finds): 31 leaked, 1 was wrongly redacted
("requested by West Midlands"), 30 were right. Leaks: a name in prose after a verb of speaking to
someone, a subject ending in a name, "Dr OKAFOR", a single-quoted display name, a commissioner's own
name (over the title, after it, after "the Commissioner,"), FAO / Attn / c/o, "confirmed by", accented
and particled names (Irish, Welsh, Scottish Gaelic), a possessive ("Okafor's team"), a display name
unquoted before an address, "<name> wrote:", Prof, a rank before a name (DCI, Supt), a log page's
"Response to <name>", and a table whose first pair of fields was read as its header.

Every person here is invented (combinations no one is likely to bear: "Priya Okafor", "Niamh
O'Quillan-Vance", "Rhodri ap Ellery"); the case name is invented too ("R (Quillfeather) v ...").
"""

from __future__ import annotations

import pytest
import yaml

from foi_analysis import cli
from foi_analysis.extract import extract_file, extract_text
from foi_analysis.records import people

from test_add import scratch_project
from test_records import GOOD


# --- round 2's leftovers ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, words", [
    # a verb of speaking to someone in a sentence (round 2: not found)
    ("I spoke to Priya Okafor about the cameras.", "spoken to", "Priya Okafor"),
    # a subject line ending in a name alone after a dash (round 2: not found)
    ("Subject: FOI 2025-0502 - Priya Okafor", "subject", "Priya Okafor"),
    # a surname in capitals after a title: a title makes one word in capitals a surname, not an acronym
    ("Letter to Dr OKAFOR of the Digital team", "title", "Dr OKAFOR"),
    # a display name in single quotes (round 2: double quotes only)
    ("From: 'Jane Doe' <jd@example.org>", "labelled", "Jane Doe"),
    # a Police and Crime Commissioner is a person: signing over the title, named after it or after "the Commissioner,"
    ("Priya Okafor\nPolice and Crime Commissioner", "above a role", "Priya Okafor"),
    ("Police and Crime Commissioner Priya Okafor", "rank", "Priya Okafor"),
    ("The Commissioner, Priya Okafor, has approved the deployment.", "rank", "Priya Okafor"),
])
def test_round_two_leftovers_are_found(text, kind, words):
    assert [(n.kind, n.words) for n in people.find(text)] == [(kind, words)]
    assert not any(w in people.redact(text) for w in words.split())


def test_a_tables_first_pair_of_fields_is_not_its_header():
    # "Officer | Jane Doe MBE" is the first of a table of fields whose other rows are not labelled: before, the pair
    # was read as the header and its second cell kept. A header beside "Name" that is a heading stays ("Date Received").
    assert people.redact_table({"columns": ["Officer", "Jane Doe MBE"], "rows": [["Date", "3 June 2025"], ["Deployments", "3"]]}) \
        == {"columns": ["Officer", "[name]"], "rows": [["Date", "3 June 2025"], ["Deployments", "3"]]}
    assert people.table_names(["Name", "Date Received"], [["Priya Okafor", "3 June 2025"]]) == [
        ("rows[0][0]", "Priya Okafor", "table")]
    assert people.table_names(["Officer", "Location"], [["Supt", "Oxford Circus"]]) == []


@pytest.mark.parametrize("text", [
    # two words of known bodies' names are an area or a body cut short, not a person
    "FOI 123/25 - requested by West Midlands", "We wrote to Greater Manchester about the loan.",
    "Thames Valley\nPolice and Crime Commissioner", "FOI 2025-0502 - Thames Valley",
    "as held in R (Quillfeather) v CC South Wales [2020] EWCA Civ 1058.",
])
def test_an_area_is_not_a_name(text):
    assert people.find(text) == []


def test_a_firm_after_a_persons_label_is_read_as_a_name():
    # Decision (docs/extract.md): "Contact:" is a person's label, and "Morgan Stanley" has a person's name's form;
    # nothing in the line tells a firm from a person, and a contact's name is no figure the analysis needs, so it
    # is written "[name]". A firm with its legal form ("Ltd", "plc") or under a firm's label ("Supplier:") stays.
    assert people.redact("Contact: Morgan Stanley") == "Contact: [name]"
    assert people.find("Contact: Morgan Stanley Ltd") == [] and people.find("Supplier: Morgan Stanley") == []


# --- forms no round had tried ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, words", [
    # addressed to someone
    ("FAO Priya Okafor, Information Rights", "addressed", "Priya Okafor"),
    ("Attn: Jane Doe", "addressed", "Jane Doe"),
    ("c/o Jane Doe, 12 Any Street", "addressed", "Jane Doe"),
    ("For the attention of Niamh O'Quillan-Vance", "addressed", "Niamh O'Quillan-Vance"),
    ("FOI 123/25: Response to Priya Okafor", "addressed", "Priya Okafor"),  # (a log page's title)
    # initials; "confirmed by"
    ("as confirmed by J. Doe of the Digital team.", "signed by", "J. Doe"),
    # Irish, Welsh, Scottish Gaelic, South Asian forms: accents, particles, apostrophes, capitals
    ("Yours sincerely,\nÁine Nic Giolla Ellery", "signature", "Áine Nic Giolla Ellery"),
    ("Dear Siobhán Ní Morgan-Reid,", "greeting", "Siobhán Ní Morgan-Reid"),
    ("Requester: Rhodri ap Ellery", "labelled", "Rhodri ap Ellery"),
    ("Yn gywir,\nGwenllïan Ŵyn-Okafor", "signature", "Gwenllïan Ŵyn-Okafor"),
    ("Kind regards,\nEilidh MacEllòid", "signature", "Eilidh MacEllòid"),
    ("Requester: Gurpreet Kaur Ellery-Vance", "labelled", "Gurpreet Kaur Ellery-Vance"),
    ("Regards,\nVENKATA OKAFOR-REID", "signature", "VENKATA OKAFOR-REID"),
    ("Decision maker: Anil D'Ellery", "labelled", "Anil D'Ellery"),
    # prose: a possessive, an email, a colleague, a quoted mail's header
    ("I spoke to Priya Okafor's team about this.", "spoken to", "Priya Okafor's"),
    ("We emailed Jane Doe on 4 May.", "spoken to", "Jane Doe"),
    ("My colleague, Priya Okafor, will reply.", "rank", "Priya Okafor"),
    ("On Tue, 3 Jun 2025, Priya Okafor wrote:", "spoken to", "Priya Okafor"),
    ("Jane Doe <jane@example.org> wrote to us", "display name", "Jane Doe"),
    # titles and ranks
    ("Professor Priya Okafor reviewed it", "title", "Professor Priya Okafor"),
    ("DCI Priya Okafor authorised the deployment", "rank", "Priya Okafor"),
    ("Authorised by Supt Jane Doe", "rank", "Jane Doe"),
])
def test_new_forms_are_found(text, kind, words):
    assert [(n.kind, n.words) for n in people.find(text)] == [(kind, words)]
    assert not any(w in people.redact(text) for w in words.split())


@pytest.mark.parametrize("text", [
    # places
    "FOI 123/25 - requested by St Albans City and District Council", "Subject: Facial recognition - St Albans",
    "Subject: FOI 2025-0502 - Kingston upon Thames",
    # an operation's name, statutes, a court case's name (public record: kept), a vendor's product
    "Subject: FOI 2025-0502 - Operation Yellow Bird", "deployed by Operation Yellow Bird",
    "Subject: FOI 2025-0502 - Protection of Freedoms Act", "as set out in the Investigatory Powers Act 2016.",
    "Subject: FOI - R (Quillfeather) v Chief Constable of South Wales Police",
    "Subject: FOI 2025-0502 - NEC NeoFace", "We spoke to NEC NeoFace support about it.",
    # bodies, teams, topics after the new places
    "We spoke to West Midlands Police about it.", "We spoke to Digital Services about it.",
    "Subject: FOI 2025-0502 - Live Facial Recognition", "Regards,\nJ.D.",
    # a ground's heading: its exemption's title after a dash is no name
    "Section 31(1)(a) – Law Enforcement", "Section 43(2) - Commercial Interests", "Regulation 12(5)(a) – International Relations",
    # sentences whose verbs or phrases the new places read, with no person after them
    "as set out in a written Parliamentary Question.", "In response to Covid Restrictions we paused deployments.",
    "In response to Brexit we changed nothing.", "We sent it to Royal Mail on Monday.",
    "Thames Valley Police <foi@thamesvalley.police.uk>", "Information Rights Team wrote:",
    # an office's title before a document's name, not a person's
    "See the Information Commissioner Guidance on video surveillance.", "the Biometrics Commissioner Annual Report",
    "Programme Manager, Finance",  # (after a role and a comma, a name needs two words)
])
def test_lookalikes_in_the_new_places_stay(text):
    assert people.find(text) == []
    assert people.redact(text) == text


def test_a_two_word_topic_after_a_dash_is_read_as_a_name():
    # Known cost (docs/extract.md, Limits): a subject's last part of two capitalised words that are no body's,
    # place's or common heading's words has a person's name's form; it is written "[name]" (a title lost, never a
    # name kept). Pinned so that a change here is seen. (Round 4 keeps a request's common topics, "Vehicle Stops",
    # and words with a topic's ending, "Crime Statistics": tests/test_personal_data4.py; this one is neither.)
    assert people.redact("Subject: FOI 2025-0502 - Horse Patrols") == "Subject: FOI 2025-0502 - [name]"


# --- drafts: the places the extractor copies ------------------------------------------------------------

def _letter(first: str = "", cited: str = "") -> str:
    # By hand: reference FOI-2025-0501, received 12 May 2025; s31(1)(a) cited when ``cited`` is given.
    answer = f"The list is exempt under section 31(1)(a), {cited}" if cited else "We do not hold this information."
    return ((f"{first}\n" if first else "") + "Our ref: FOI-2025-0501\nDate: 3 June 2025\n\nDear Requester,\n\nThank you "
            f"for your request received on 12 May 2025.\n\n{answer}\n\nYours sincerely,\n\nInformation Rights Team\n")


@pytest.mark.parametrize("first, cited, gone", [
    ("I spoke to Priya Okafor about the cameras.", "", ("Priya", "Okafor")),
    ("FOI 2025-0502 - Siobhán Ní Morgan-Reid", "", ("Siobhán", "Morgan")),
    ("", "as confirmed by J. Doe of the Digital team.", ("Doe",)),
    ("", "as the Commissioner, Priya Okafor, agreed.", ("Priya", "Okafor")),
])
def test_no_name_reaches_a_draft_from_the_new_places(first, cited, gone):
    x = extract_text(_letter(first, cited), "letter.txt")
    draft = yaml.safe_dump(x.record(), allow_unicode=True)
    assert [w for w in gone if w in draft] == [], draft
    assert "[name]" in draft and (x.reference, x.json()["date_received"]) == ("FOI-2025-0501", "2025-05-12")


def test_an_emails_single_quoted_sender_and_a_subject_ending_in_a_name(tmp_path):
    eml = tmp_path / "reply.eml"
    eml.write_text("From: 'Jane Doe' <jd@example.org>\nTo: foi@example.org\nSubject: FOI 2025-0502 - Priya Okafor\n"
                   "Date: Tue, 3 Jun 2025 10:02:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n" + _letter(),
                   encoding="utf-8")
    x = extract_file(eml)
    assert x.title == "FOI 2025-0502 - [name]"  # (the Subject, its name written "[name]")
    draft = yaml.safe_dump(x.record(), allow_unicode=True)
    assert not any(w in draft for w in ("Jane", "Doe", "Priya", "Okafor")), draft


def test_a_pages_title_and_a_mailto_link():
    page = ("<html><head><title>FOI 123/25 - Siobhán Ní Morgan-Reid</title></head><body><h1>FOI 123/25</h1>"
            "<p>Date received: 12 May 2025</p><p>Thames Valley Police does not hold this information.</p>"
            "<p>Contact <a href=\"mailto:priya.okafor@tvp.police.uk\">Priya Okafor</a> with questions.</p></body></html>")
    x = extract_text(page, "log.html")
    assert x.title == "FOI 123/25 - [name]"
    assert not any(w in yaml.safe_dump(x.record(), allow_unicode=True) for w in ("Siobhán", "Priya", "Okafor"))


def _pdf(lines: list[str], info: str) -> bytes:
    """A one-page PDF with a text layer (Helvetica) and an /Info dictionary, written by hand."""
    body = "BT /F1 10 Tf 50 780 Td 12 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", f"<< /Length {len(body)} >>\nstream\n{body}\nendstream", info]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_a_pdfs_and_a_docxs_metadata_never_reach_a_draft(tmp_path):
    # The extractor reads a PDF's text layer and a .docx's paragraphs and tables, never their metadata
    # (/Author, /Creator, /Title; core properties' author, last_modified_by, title): checked, since they name people.
    import docx

    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(_pdf(_letter().replace("(", "").replace(")", "").splitlines(),
                         "<< /Author (Gurpreet Kaur Ellery-Vance) /Creator (Priya Okafor) /Title (Response to Priya Okafor) >>"))
    doc = docx.Document()
    doc.core_properties.author, doc.core_properties.last_modified_by = "Gurpreet Kaur Ellery-Vance", "Priya Okafor"
    doc.core_properties.title = "Response to Priya Okafor"
    for line in _letter().splitlines():
        doc.add_paragraph(line)
    doc.save(tmp_path / "letter.docx")
    for path in (pdf, tmp_path / "letter.docx"):
        x = extract_file(path)
        assert x.reference == "FOI-2025-0501", path.name  # (the text was read: the check below is not vacuous)
        draft = yaml.safe_dump(x.record(), allow_unicode=True)
        assert not any(w in draft for w in ("Gurpreet", "Ellery", "Priya", "Okafor")), draft


@pytest.mark.parametrize("table, gone, kept", [
    # a "Decision maker" column of an accented name; an "Authorising officer" column in capitals
    ("Date | Location | Decision maker\n3 June 2025 | Oxford Circus | Siobhán Ní Morgan-Reid\n4 June 2025 | King's Cross | Supt\n",
     ("Siobhán", "Morgan"), ("Oxford Circus", "Supt")),
    ("Date | Authorising officer\n3 June 2025 | NIAMH O'QUILLAN\n4 June 2025 | Chief Inspector\n", ("NIAMH", "QUILLAN"),
     ("Chief Inspector",)),
])
def test_a_tables_person_columns_in_a_draft(table, gone, kept):
    text = _letter().replace("We do not hold this information.\n", f"We do not hold this information.\n\n{table}")
    draft = yaml.safe_dump(extract_text(text, "letter.pdf").record(), allow_unicode=True)
    assert [w for w in gone if w in draft] == [] and all(k in draft for k in kept), draft


# --- add refuses the new places -------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    return scratch_project(tmp_path, monkeypatch)


@pytest.mark.parametrize("notes, words, where", [
    ("I spoke to Priya Okafor about it", "Priya Okafor", "after 'spoke to', 'emailed' or before 'wrote:'"),
    ("FOI 2025-0502 - Priya Okafor", "Priya Okafor", "alone at the end of a subject or title, after ' - ' or ' | '"),
    ("DCI Jane Doe", "Jane Doe", "after a rank or office, 'DCI', 'Supt', 'Commissioner', or a role and a comma"),
    ("FAO Jane Doe", "Jane Doe", "after 'FAO', 'Attn', 'c/o' or 'Response to'"),
    ("Jane Doe <jd@example.org>", "Jane Doe", "a display name before an email address, 'Jane Doe <...>'"),
])
def test_add_refuses_a_name_in_the_new_places(project, tmp_path, capsys, notes, words, where):
    draft = tmp_path / "named.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 1
    assert f"named.yaml: source.notes = {words!r}: looks like a person's name ({where})" in capsys.readouterr().err


@pytest.mark.parametrize("notes", ["requested by West Midlands", "Operation Yellow Bird - St Albans",
                                   "Section 31(1)(a) - Law Enforcement", "In response to Covid Restrictions"])
def test_add_accepts_the_new_lookalikes(project, tmp_path, capsys, notes):
    draft = tmp_path / "fine.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 0, capsys.readouterr().err


# --- the one-pass gate --------------------------------------------------------------------------------

def test_the_one_pass_gate_opens_every_gate_a_substring_test_opens():
    # find searches a kind's pattern only when one of its gate words is in the text, all found in one pass
    # (people._open_gates); a word hidden inside or across another one's match ("ds " in "regards ", ":" in ': "')
    # must still open its gate. Texts: each gate word after every beginning of every other one.
    words = sorted({w for *_, gate in people._KINDS for w in gate})
    texts = {s[:j] + w + " Okafor" for s in words for w in words for j in range(len(s) + 1)}
    missed = []
    for text in texts:
        low = text.lower()
        present = people._open_gates(low)
        missed += [(text, gate) for *_, gate in people._KINDS if any(w in low for w in gate) and present.isdisjoint(gate)]
    assert len(texts) > 1000 and missed == []
