"""No requester's or officer's name may reach data/, notebooks or reports.

Three guards (session 13, task PD), each tested on hand-written letters and drafts that name only
invented people ("Alex Morgan-Reid", "Priya Okafor", "Jordan Ellery-Vance"): the extractor writes
"[name]" where a letter's greeting, signature or labelled lines name someone; ``add`` refuses a draft
holding a name in those places (records.people: found by its place, not from a list of names); and
every committed file of data/, notebooks and the test corpus's tables holds none.

The real names checked are those printed in the seed documents (sign-offs, salutations, the person
quoted in seed 000). So that this file holds none itself, it keeps only their SHA-256 digests
(lower-case, single-spaced) and compares them with every word and word pair in the outputs.
With ../shared present it also reads the names from the seeds' sign-offs and checks those.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from foi_analysis import cli, config
from foi_analysis.extract import extract_file, extract_text
from foi_analysis.records import people

from test_add import scratch_project
from test_records import GOOD


# --- the corpus-wide guard's reading of a file -----------------------------------------------------

def _visible(text: str) -> str:
    """An HTML page's text, its lines where they were (a tag is a space, its line breaks kept)."""
    return html.unescape(re.sub(r"<[^>]*>", lambda m: "\n" * m.group(0).count("\n") or " ", text))


def names_in_file(path: Path, shown: str | None = None) -> list[str]:
    """"file:line: where 'words'" for each name ``find`` (or, in a CSV, ``table_names``) finds in a file
    of data/, notebooks or reports: the corpus-wide guard (here and in tests/test_report.py). Test code, not
    the product's: the extractor and ``add`` use ``people.find`` / ``people.table_names`` themselves."""
    shown = shown or str(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".html", ".htm"):
        text = _visible(text)
    if path.suffix == ".ipynb":
        # A notebook's JSON quotes each line ('"Requester: ...\\n",'): no name's place is at a line's start
        # there. Its cells' text is read as printed: the source, and each output's text, plain or HTML.
        return [f"{shown}: cell {k}: {n.kind} {n.words!r}" for k, cell_text in enumerate(_cells(json.loads(text)))
                for n in people.find(cell_text)]
    out = [f"{shown}:{text.count(chr(10), 0, n.start) + 1}: {n.kind} {n.words!r}" for n in people.find(text)]
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        if rows:
            for where, words, kind in people.table_names(rows[0], rows[1:]):
                if kind == "table":  # (the others are found in the text already)
                    row = 1 if where.startswith("columns") else int(where[5:where.index("]")]) + 2
                    out.append(f"{shown}: row {row}: a cell under or beside a person's label {words!r}")
    if path.suffix in (".yaml", ".yml"):
        # A record's tables are written in flow style ('columns: [Authorising officer, ...]'): no label's colon
        # in the text; read them as tables, as add does.
        out += [f"{shown}: {where}: a cell under or beside a person's label {words!r}"
                for where, words in _yaml_table_names(yaml.safe_load(text))]
    return out


def _cells(notebook: dict) -> list[str]:
    def joined(x):
        return "".join(x) if isinstance(x, list) else str(x or "")
    out = []
    for cell in notebook.get("cells", []):
        parts = [joined(cell.get("source"))]
        for o in cell.get("outputs", []):
            parts.append(joined(o.get("text")))
            data = o.get("data", {})
            parts += [joined(data.get("text/plain")), _visible(joined(data.get("text/html"))), joined(data.get("text/markdown"))]
        out.append("\n".join(parts))
    return out


def _yaml_table_names(value, where: str = ""):
    if isinstance(value, dict):
        if isinstance(value.get("columns"), list):
            yield from ((f"{where}.{cell}", words) for cell, words, kind in
                        people.table_names(value["columns"], value.get("rows")) if kind == "table")
        for key, v in value.items():
            yield from _yaml_table_names(v, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _yaml_table_names(v, f"{where}[{i}]")


NAME_DIGESTS = {
    "db700fe2daf5d24d95a3b336b82c6b6f2f254c568e32b21a5d03a89b6931aeaa",  # requester, seed 002
    "b3589cc2cac5cfa511cc273b6581a46ed4eb01d6c78b770100da02a1e5e30c2b",  # FOI manager, seed 002
    "f066e14675c0a6ec6c06f2d019405f7633455472346b4f4b8ee527a3d52e0dc1",  # the same, short form
    "9b674c040102617946eb90690888905a503c7b765ab096d35595adc7a6314e71",  # officer quoted, seed 000
    "f58c9154ea5a251ae2ab897614747933fbcad8979e91f8d7aa2d23b9d3b583b1",  # her surname alone
    "a88fbc1e79fe66f212d18ac0cf01ffca6202659d89213deba15c32cf7896f8f5",  # information law advisor, seed 002
    "6f5329953d91f4eb9416d8b56fb3e1f924de7945fdce28150348676de1d604e5",  # information rights unit, seed 002
    "66184d0639f98fc9f06d3bbb9ec615d4ec072c8a479bb47654656603f38605b5",  # triage support officer, seed 002
}
TEXT_SUFFIXES = {".csv", ".yaml", ".yml", ".md", ".ipynb", ".json", ".html", ".txt", ".py", ".cfg"}


def scanned_files() -> list[Path]:
    # The repository's own folders (the tests' FOI_ANALYSIS_ROOT is a scratch copy of the test corpus).
    roots = [config.REPOSITORY / "data", config.REPOSITORY / "notebooks", config.REPOSITORY / "reports"]
    return sorted(p for r in roots if r.exists() for p in r.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())


def phrases(text: str):
    words = re.findall(r"[a-z][a-z'\-]+", text.lower())
    yield from words
    yield from (f"{a} {b}" for a, b in zip(words, words[1:]))


def digest(phrase: str) -> str:
    return hashlib.sha256(phrase.encode()).hexdigest()


def test_the_digest_check_can_fail(tmp_path):
    # A known phrase is caught: the check is not vacuous.
    assert digest("brian wilson") in NAME_DIGESTS
    assert any(digest(p) in NAME_DIGESTS for p in phrases("Yours sincerely, Brian  Wilson."))


def test_no_personal_names_in_outputs():
    files = scanned_files()
    assert any(p.suffix == ".csv" for p in files) and any(p.suffix == ".yaml" for p in files)
    hits = [str(p.relative_to(config.REPOSITORY)) for p in files
            if any(digest(ph) in NAME_DIGESTS for ph in phrases(p.read_text(encoding="utf-8", errors="replace")))]
    assert hits == []


SIGN_OFF = re.compile(r"Yours (?:sincerely|faithfully),?\s*\n\s*\n?\s*([A-Z][a-zA-Z.]*(?: [A-Z][a-zA-Z'\-]+)+)\s*\n")


def test_names_read_from_the_seeds_are_absent(seeds):
    names = set()
    for path in seeds.glob("*.txt"):
        names |= set(SIGN_OFF.findall(path.read_text(encoding="utf-8")))
    assert len(names) >= 4, names  # the requester and three officers sign seed 002
    assert all(digest(" ".join(n.lower().replace(".", " ").split()[-2:])) in NAME_DIGESTS or
               digest(n.lower().split()[-1]) in NAME_DIGESTS for n in names), "a seed name is missing from the digests"
    for path in scanned_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in names:
            assert name not in text, f"{name!r} found in {path.relative_to(config.REPOSITORY)}"


# --- 1. the extractor: what a letter names in its greeting, signature and labels becomes "[name]" -----

INVENTED = ("Alex", "Morgan", "Reid", "Priya", "Okafor", "Jordan", "Ellery", "Vance")

# A letter naming its requester in a label and its greeting, its officers in a table of labelled fields
# and its signature. Read by hand: reference FOI-2025-0412, received 12 May 2025, answered 3 June 2025,
# question 1 answered (12 deployments).
LETTER = """\
Requester: Alex Morgan-Reid
Our ref: FOI-2025-0412
Date: 3 June 2025

Dear Alex Morgan-Reid,

Freedom of Information Request

Thank you for your request received on 12 May 2025. You asked:

1. How many times has live facial recognition been deployed?

Response:

1. Information is held. The force deployed it 12 times.

Officer in case | Priya Okafor
Decision maker | Jordan Ellery-Vance

Yours sincerely,

Priya Okafor
Disclosure Officer
Thames Valley Police
"""

# A saved email: sender and recipient named in its headers (with their addresses), a table naming an
# officer under "Name", signed "Kind regards". By hand: reference FOI 2025-0413, received 12 May 2025.
EMAIL = """\
From: Priya Okafor <priya.okafor@thamesvalley.police.uk>
To: Alex Morgan-Reid <alex.morgan-reid@example.org>
Subject: Requester: Alex Morgan-Reid FOI 2025-0413 facial recognition
Date: Tue, 3 Jun 2025 10:02:00 +0100
Content-Type: text/plain; charset=utf-8

Dear Alex,

Your request received on 12 May 2025, reference FOI 2025-0413. The information is not held.

Name | Role
Priya Okafor | Disclosure Officer

Kind regards,
Priya Okafor
Disclosure Officer
Thames Valley Police
"""

# A WhatDoTheyKnow thread: the request signed "Yours faithfully", the reply greeting by first name
# and signed "Yours, <first name>". By hand: FOI 2025-0414, received 12 May 2025, not held.
THREAD = """\
Freedom of Information request - facial recognition

Dear Thames Valley Police,

Please tell me how many deployments there were.

Yours faithfully,

Alex Morgan-Reid

Dear Priya,

Reference FOI 2025-0414. We received your request on 12 May 2025. We do not hold this information.

Yours,
Priya
"""


def _named(draft: str) -> list[str]:
    return [w for w in INVENTED if w in draft]


def test_a_letters_labelled_lines_are_drafted_with_name_in_place_of_the_person(tmp_path):
    # What main read before (session 13): the letter's first line became the title, and the table of
    # labelled fields kept its cells. The text fields a draft copies from a letter: source.title, the
    # tables' cells, the citations' raw words and the warnings in source.notes (dates, outcomes, events'
    # notes and question numbers are the extractor's own words).
    x = extract_text(LETTER, "letter.txt")
    assert x.title == "Requester: [name]"
    assert x.tables[0]["columns"] == ["Officer in case", "[name]"] and x.tables[0]["rows"] == [["Decision maker", "[name]"]]


@pytest.mark.parametrize("name, text", [("letter.txt", LETTER), ("email.eml", EMAIL), ("thread.txt", THREAD)])
def test_no_name_in_a_draft_from_a_letter_that_names_people(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    x = extract_file(path)
    draft = yaml.safe_dump(x.record(), allow_unicode=True) + repr(x.json())
    assert _named(draft) == [], draft
    # What the letter says is still read (by hand, above).
    expected = {"letter.txt": ("FOI-2025-0412", "2025-05-12"), "email.eml": ("FOI 2025-0413", "2025-05-12"),
                "thread.txt": ("FOI 2025-0414", "2025-05-12")}[name]
    assert (x.reference, x.json()["date_received"]) == expected


def test_the_name_is_written_as_name_where_the_field_quotes_it(tmp_path):
    path = tmp_path / "email.eml"
    path.write_text(EMAIL, encoding="utf-8")
    x = extract_file(path)
    assert x.title == "Requester: [name] FOI 2025-0413 facial recognition"  # the subject line, name replaced
    assert x.tables == [{"kind": None, "question": None, "columns": ["Name", "Role"], "rows": [["[name]", "Disclosure Officer"]]}]


def test_a_letter_naming_no_one_is_drafted_as_before():
    # Roles, teams and bodies in the same places are not names: nothing is replaced.
    text = LETTER.replace("Alex Morgan-Reid", "Requester").replace("Priya Okafor", "Disclosure Officer") \
                 .replace("Jordan Ellery-Vance", "Information Manager")
    x = extract_text(text, "letter.txt")
    assert x.title == "Requester: Requester"
    assert x.tables[0]["columns"] == ["Officer in case", "Disclosure Officer"]
    assert x.tables[0]["rows"] == [["Decision maker", "Information Manager"]]


# --- 2. the places a name stands, found without a list of names ------------------------------------

@pytest.mark.parametrize("text, kind, words", [
    ("Dear Alex Morgan-Reid,", "greeting", "Alex Morgan-Reid"),
    ("Dear Priya,", "greeting", "Priya"),                                    # WhatDoTheyKnow: a first name
    ("Dear Mr Okafor", "greeting", "Mr Okafor"),
    ("Yours sincerely,\n\nAlex Morgan-Reid\nDisclosure Officer", "signature", "Alex Morgan-Reid"),
    ("Kind regards, Priya Okafor Information Manager", "signature", "Priya Okafor"),  # a signature on one line
    ("Regards\n\nA. Okafor", "signature", "A. Okafor"),
    ("Yours, Priya", "signature", "Priya"),
    ("YOURS SINCERELY\nJordan Ellery-Vance", "signature", "Jordan Ellery-Vance"),  # the sign-off in capitals
    ("Requester: Alex Morgan-Reid", "labelled", "Alex Morgan-Reid"),
    ("Name: Priya Okafor", "labelled", "Priya Okafor"),
    ("Officer in case: Jordan Ellery-Vance", "labelled", "Jordan Ellery-Vance"),
    ("Decision maker: Priya O'Neill", "labelled", "Priya O'Neill"),
    ("From: Alex McAllister", "labelled", "Alex McAllister"),
    ("notes | To: Jordan Ellery-Vance", "labelled", "Jordan Ellery-Vance"),
    ("contact priya.okafor@thamesvalley.police.uk", "email", "priya.okafor@thamesvalley.police.uk"),
    ("a.morgan-reid@force.police.uk", "email", "a.morgan-reid@force.police.uk"),
    ("The response was signed by Jordan Ellery-Vance.", "signed by", "Jordan Ellery-Vance"),
    ("prepared by: Priya Okafor", "signed by", "Priya Okafor"),
    ("Approved by Alex Morgan-Reid, Head of Information", "signed by", "Alex Morgan-Reid"),
    ("Reply addressed to Ms Okafor", "title", "Ms Okafor"),
])
def test_a_name_in_its_place_is_found(text, kind, words):
    assert [(n.kind, n.words) for n in people.find(text)] == [(kind, words)]
    assert words not in people.redact(text) and people.PLACEHOLDER in people.redact(text)


@pytest.mark.parametrize("text", [
    "Dear Requester,", "Dear Sir/Madam", "Dear Sir or Madam,", "Dear Thames Valley Police,", "Dear Information Rights Team",
    "Dear Chief Constable", "Dear Colleague", "Dear All",
    "Yours sincerely,\n\nInformation Rights Team\nThames Valley Police",       # a team signs
    "Yours faithfully, Thames Valley Police", "Regards,\nDigital Services", "Kind regards\n\nDisclosure Officer",
    "Yours sincerely,\n\nThe Information Manager",
    "Name: Oxford Circus", "Name: King's Cross Station", "Requester: Disclosure Officer",  # a grid's location, a role
    "Officer in case: Information Manager", "Decision maker: Data Protection Officer",
    "To: Thames Valley Police", "From: Information Rights Team <foi@thamesvalley.police.uk>",
    "foi@met.police.uk", "freedomofinformation@force.police.uk", "info.requests@council.gov.uk",
    "information.rights@force.police.uk", "request-1234-abcd@whatdotheyknow.com", "foi+request-1234-5e6f@whatdotheyknow.com",
    "signed by the Chief Constable", "approved by Information Management", "prepared by Thames Valley Police",
    "Section 40(2) - Personal information, Data Protection Act 2018",
    "Location: Oxford Circus", "Deployed at King's Cross and Oxford Circus",
    "Priya Okafor Road",                                # (a street, in no name's place)
    "Facial Recognition Deployments",                   # a capitalised heading
    "We will sign it when approved by the board",       # future tense, a body
    "Deployed at Kings Dr, Croydon", "the Mr and Mrs fields of the form",
])
def test_bodies_roles_places_and_headings_are_not_names(text):
    assert people.find(text) == []
    assert people.redact(text) == text


def test_a_table_names_people_under_a_name_column_or_beside_a_label():
    # (where, words, kind): a "Name" column's cells, the value beside "Officer in case".
    assert people.table_names(["Name", "Role"], [["Priya Okafor", "Disclosure Officer"], ["Information Manager", "Lead"]]) == [
        ("rows[0][0]", "Priya Okafor", "table")]
    assert people.table_names(["Officer in case", "Alex Morgan-Reid"], [["Decision maker", "Jordan Ellery-Vance"]]) == [
        ("columns[1]", "Alex Morgan-Reid", "table"), ("rows[0][1]", "Jordan Ellery-Vance", "table")]
    # A grid's locations and a table's headings name no one; "Name | Role" is a heading, not a label and value.
    assert people.table_names(["Location", "Deployments"], [["Oxford Circus", "3"], ["King's Cross", "2"]]) == []
    assert people.table_names(["Name", "Role"], [["Oxford Circus", "3"]]) == []


# --- add refuses a draft with a name in one of those places ------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    return scratch_project(tmp_path, monkeypatch)


@pytest.mark.parametrize("notes, words, where", [
    ("Reply began Dear Alex Morgan-Reid", "Alex Morgan-Reid", "after a greeting, 'Dear ...'"),
    ("Yours sincerely, Priya Okafor", "Priya Okafor", "under a sign-off, 'Yours sincerely' or 'Regards'"),
    ("Requester: Alex Morgan-Reid", "Alex Morgan-Reid",
     "the value of a label such as 'Requester:', 'Name:', 'Officer in case:' or 'From:'"),
    ("answered by priya.okafor@thamesvalley.police.uk", "priya.okafor@thamesvalley.police.uk", "a person's email address"),
    ("approved by Jordan Ellery-Vance", "Jordan Ellery-Vance", "after 'signed', 'approved by', 'on behalf of' or 'Applicant'"),
])
def test_add_refuses_a_name_naming_file_field_words_and_what_to_write(project, tmp_path, capsys, notes, words, where):
    draft = tmp_path / "named.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 1
    err = capsys.readouterr().err
    assert f"named.yaml: source.notes = {words!r}: looks like a person's name ({where}): no person's name goes into " \
           "data/raw; write a role ('the requester', 'the disclosure officer') or '[name]' instead" in err
    assert not list(config.RAW_DISCLOSURES.glob("avon-and-somerset-constabulary-992-20*"))


def test_add_refuses_a_name_in_a_tables_labelled_cell(project, tmp_path, capsys):
    draft = tmp_path / "table.yaml"
    draft.write_text(GOOD + "tables:\n  - {columns: [Name, Role], rows: [[Priya Okafor, Disclosure Officer]]}\n", encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 1
    assert ("table.yaml: tables[0].rows[0][0] = 'Priya Okafor': looks like a person's name (in a table's cell under or "
            "beside a 'Name' or 'Officer' label)") in capsys.readouterr().err


@pytest.mark.parametrize("notes", [
    "Dear Requester; signed by the Disclosure Officer", "Yours faithfully, Thames Valley Police",
    "Requester: [name]", "sent from foi@thamesvalley.police.uk and info.requests@council.gov.uk",
    "Deployed at Oxford Circus and King's Cross", "exempt under the Data Protection Act 2018",
])
def test_add_accepts_roles_bodies_places_and_team_addresses(project, tmp_path, capsys, notes):
    draft = tmp_path / "roles.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 0, capsys.readouterr().err


# --- 3. the corpus-wide guard ---------------------------------------------------------------------

def _guarded_files() -> list[tuple[Path, str]]:
    """The repository's data/ and notebooks, and the test corpus's data (raw and the built tables)."""
    out = [(p, str(p.relative_to(config.REPOSITORY))) for p in scanned_files()]
    for root in (config.ROOT / "data",):
        out += [(p, f"<test corpus>/{p.relative_to(config.ROOT)}") for p in sorted(root.rglob("*"))
                if p.suffix in TEXT_SUFFIXES and p.is_file()]
    return out


def test_no_name_in_the_committed_data_notebooks_or_test_corpus(corpus):
    files = _guarded_files()
    assert any("<test corpus>/data/processed" in shown for _, shown in files)
    found = [hit for path, shown in files for hit in names_in_file(path, shown)]
    assert found == [], "a person's name (write a role or '[name]'):\n" + "\n".join(found)


def test_the_guard_names_the_file_and_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>Figures</p>\n<p>Yours sincerely,</p>\n<p>Alex Morgan-Reid</p>\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Name,Role\nPriya Okafor,Disclosure Officer\n", encoding="utf-8")
    assert names_in_file(page, "page.html") == ["page.html:3: signature 'Alex Morgan-Reid'"]
    # (its line "Priya Okafor,Disclosure Officer" is also a name before a role after a comma, session 14)
    assert names_in_file(table, "t.csv") == ["t.csv:2: above a role 'Priya Okafor'",
                                             "t.csv: row 2: a cell under or beside a person's label 'Priya Okafor'"]


def test_a_requesters_name_heading_the_letter_is_not_its_title():
    # The requester's name and address above the letter (a paper letter's layout). Before, the title
    # was "Alex Morgan-Reid". A body's name of the same form ("Network Rail", in authorities.csv) stays.
    letter = ("{head}\nOur ref: FOI-2025-0415\n3 June 2025\n\nDear Requester,\n\nWe received your request on "
              "12 May 2025. We do not hold this information.\n\nYours sincerely,\n\nInformation Rights Team\n")
    x = extract_text(letter.format(head="Alex Morgan-Reid"), "letter.txt")
    assert x.title == "Our ref: FOI-2025-0415" and x.reference == "FOI-2025-0415"
    assert extract_text(letter.format(head="Network Rail"), "letter.txt").title == "Network Rail"
