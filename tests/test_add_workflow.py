"""The weekly job walked as a new user would (session 11, task U1): the documents a week brings and
what the commands say about each. Every expected message and count is from reading the documents
below by hand; the letters name only invented people ("Jane Example", "Mr Pemberley-Quist").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from foi_analysis import cli, config
from foi_analysis.extract.command import NOT_A_RESPONSE
from foi_analysis.records import authorities

from test_add import scratch_project
from test_records import GOOD

EXE = Path(sys.executable).with_name("foi-analysis")


def run(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root)}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env, timeout=300, cwd=cwd or root)


@pytest.fixture
def project(tmp_path, monkeypatch):
    return scratch_project(tmp_path, monkeypatch)


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- the same request brought again under another reference -------------------------------------

# GOOD (tests/test_records.py) is Avon and Somerset's 992/20, received 02/03/2020, answered 30/03/2020.
# An ICO decision notice about it is read with the ICO's case number and the notice's own title, and
# the same days received and answered.
ICO_NOTICE = (GOOD.replace('"992/20"', '"IC-345678-Z9Y8"')
              .replace("title: Facial recognition", "title: Decision notice"))


def test_no_next_step_is_suggested_when_nothing_was_added(project, tmp_path, capsys):
    # A draft refused (outcome 'maybe' is no outcome): no build, and no "next: commit" line.
    assert cli.main(["add", str(write(tmp_path / "bad.yaml", GOOD.replace("outcome: refused", "outcome: maybe")))]) == 1
    assert "next:" not in capsys.readouterr().err


def test_a_draft_of_the_same_request_under_another_reference_is_added_with_a_warning(project, tmp_path, capsys):
    assert cli.main(["add", "--no-build", str(write(tmp_path / "first.yaml", GOOD))]) == 0
    capsys.readouterr()
    assert cli.main(["add", "--no-build", str(write(tmp_path / "ico.yaml", ICO_NOTICE))]) == 0
    err = capsys.readouterr().err
    first = "avon-and-somerset-constabulary-992-20.yaml"
    # Title differs; authority and both days are the same: the warning names the record, why, and both ways out.
    assert (f"warning: {first} (Avon and Somerset Constabulary 992/20) was received and answered on the same days: "
            f"if this draft corrects its reference, remove the old record (git rm data/raw/disclosures/{first}) and "
            "build; if it is that request again (the same response saved twice, or a document about it such as an "
            "ICO decision notice), remove the new file (data/raw/disclosures/avon-and-somerset-constabulary-"
            f"IC-345678-Z9Y8.yaml), put what is new into {first} and add --replace it") in err
    assert "add: 1 draft(s) added with a warning (above): settle each before committing" in err


@pytest.mark.parametrize("change", [
    # another day received (02/03 -> 03/03/2020): another request, however alike
    lambda text: text.replace("date_received: 02/03/2020", "date_received: 03/03/2020").replace(
        "{event: received, date: 02/03/2020}", "{event: received, date: 03/03/2020}"),
    # the same days, another authority
    lambda text: text.replace("Avon and Somerset Constabulary", "Kent Police"),
    # no response date printed: the days cannot say it is the same request
    lambda text: text.replace("date_responded: 30/03/2020", "date_responded: null"),
])
def test_other_requests_get_no_same_request_warning(project, tmp_path, capsys, change):
    assert cli.main(["add", "--no-build", str(write(tmp_path / "first.yaml", GOOD))]) == 0
    capsys.readouterr()
    assert cli.main(["add", "--no-build", str(write(tmp_path / "other.yaml", change(ICO_NOTICE)))]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err and "added as" in err


# --- a correction from a draft that holds only the corrected letter's fields ------------------------

def test_a_replacement_that_empties_a_filled_field_says_to_start_from_the_record(project, tmp_path, capsys):
    assert cli.main(["add", "--no-build", str(write(tmp_path / "first.yaml", GOOD))]) == 0
    # The authority's corrected letter restates no exemption: its draft has "exemptions: []".
    letter = GOOD.replace('exemptions:\n  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}',
                          "exemptions: []")
    assert letter != GOOD
    capsys.readouterr()
    assert cli.main(["add", "--no-build", "--replace", str(write(tmp_path / "letter.yaml", letter))]) == 0
    err = capsys.readouterr().err
    assert ("warning: this correction empties exemptions, which the record filled; if the draft was extracted from a "
            "letter that corrects only part of the response, start from a copy of the record instead (cp "
            "data/raw/disclosures/avon-and-somerset-constabulary-992-20.yaml drafts/)") in err


def test_a_replacement_that_changes_values_without_emptying_any_gives_no_warning(project, tmp_path, capsys):
    assert cli.main(["add", "--no-build", str(write(tmp_path / "first.yaml", GOOD))]) == 0
    fixed = GOOD.replace("date_responded: 30/03/2020", "date_responded: 31/03/2020")
    capsys.readouterr()
    assert cli.main(["add", "--no-build", "--replace", str(write(tmp_path / "fixed.yaml", fixed))]) == 0
    err = capsys.readouterr().err
    assert 'date_responded: "30/03/2020" -> "31/03/2020"' in err and "warning" not in err


# --- a body new to the corpus ----------------------------------------------------------------------

def test_an_unknown_authority_is_told_the_line_to_add():
    # A county council not in authorities.csv: the nearest names include another body (Lincolnshire Police),
    # so the message says when to add it instead, and gives the exact line.
    why = authorities.problem("Lincolnshire County Council")
    assert "nearest known: " in why and "Lincolnshire Police" in why
    assert why.endswith("; if none of these is the body, it is new to the corpus: add the line Lincolnshire County "
                        "Council,Lincolnshire County Council to foi_analysis/records/authorities.csv, commit it, and add again")
    # A name holding a comma is quoted as a CSV line must be; with no near name, the wording says so.
    why = authorities.problem("Zzqx, Borough")
    assert why == ('unknown authority (not in foi_analysis/records/authorities.csv); if the name is right, the body is '
                   'new to the corpus: add the line "Zzqx, Borough","Zzqx, Borough" to '
                   'foi_analysis/records/authorities.csv, commit it, and add again')


# --- a document that is not an FOI response ---------------------------------------------------------

PRESS_RELEASE = """\
Essex Police - News

Live Facial Recognition deployed in Southend city centre

Officers will use Live Facial Recognition technology in Southend High Street on Saturday as part of our
work to tackle serious and violent crime. Last year the technology was used on 14 occasions in the county.
"""

# The same body's answer to a request with no reference printed: its outcome is read, so no warning.
UNREFERENCED_LETTER = """\
Essex Police

Dear Requester,

You asked how many times Live Facial Recognition was used in 2024. Essex Police does not hold this information.

Yours sincerely,
Disclosure Officer
"""


def test_extract_says_when_a_document_reads_as_no_foi_response(tmp_path):
    saved = tmp_path / "saved"
    saved.mkdir()
    write(saved / "press-release.txt", PRESS_RELEASE)
    write(saved / "letter.txt", UNREFERENCED_LETTER)
    done = run(tmp_path, "extract", "saved/press-release.txt", "saved/letter.txt")
    assert done.returncode == 0, done.stderr
    # The press release names Essex Police and nothing else an FOI response prints: said on the terminal
    # (naming the file) and in the draft's notes.
    assert f"saved/press-release.txt: warning: {NOT_A_RESPONSE}" in done.stderr
    assert "a press release" in NOT_A_RESPONSE and "delete its draft" in NOT_A_RESPONSE
    assert "no reference, outcome or dated event" in (tmp_path / "drafts" / "press-release.yaml").read_text()
    # The letter's "does not hold" is an outcome (not_held): it is a response, even with no reference.
    assert "saved/letter.txt: warning: no reference" not in done.stderr
    assert "no reference, outcome" not in (tmp_path / "drafts" / "letter.yaml").read_text()


# --- the whole walk, with people's names in the letter ---------------------------------------------

# A saved email answering a request: the requester is named in the To line and the greeting, the
# officer in the From line and the signature (invented names). Received 17 February 2025, answered
# 14 March 2025 (the Date line), one question, not held.
EMAIL = """\
From: Jane Example <foi@essex.police.uk>
To: Alex Pemberley-Quist <request-1-abcd@whatdotheyknow.com>
Date: Fri, 14 Mar 2025 10:14:02 +0000
Subject: RE: Freedom of Information request FOI 2025-04417 - live facial recognition watchlists
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Dear Mr Pemberley-Quist

Freedom of Information Request Reference No: FOI 2025-04417

Your request was received by Essex Police on 17 February 2025. You asked for the size of the watchlist
used at each Live Facial Recognition deployment in 2024.

Essex Police does not hold the information you have requested.

Yours sincerely,

Jane Example
Disclosure Officer
"""
NAMES = ("Jane", "Example", "Pemberley", "Quist")


def test_a_letter_naming_people_goes_through_extract_add_and_build_without_their_names(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(config.RAW_DISCLOSURES, root / "data" / "raw" / "disclosures")
    (root / "data" / "raw" / "grids").mkdir()
    (root / "saved").mkdir()
    (root / "saved" / "essex-FOI-2025-04417.eml").write_text(EMAIL, encoding="utf-8")
    done = run(root, "extract", "saved/essex-FOI-2025-04417.eml")
    assert done.returncode == 0, done.stderr
    draft = root / "drafts" / "essex-FOI-2025-04417.yaml"
    text = draft.read_text(encoding="utf-8")
    assert not [name for name in NAMES if name in text], text
    # The review: the draft's three header lines go (read by hand: the rest is right for this letter).
    assert text.startswith("# UNREVIEWED DRAFT") and text.splitlines()[3] == 'reference: FOI 2025-04417'
    draft.write_text("\n".join(text.splitlines()[3:]) + "\n", encoding="utf-8")
    done = run(root, "add", "drafts/essex-FOI-2025-04417.yaml")
    assert done.returncode == 0, done.stderr
    assert "added as data/raw/disclosures/essex-police-FOI-2025-04417.yaml" in done.stderr
    assert "requests:     6 rows" in done.stderr  # the test corpus's 5 requests and this one (no tables before: no change shown)
    # The output ends with what to do next: commit both, then the report.
    assert done.stderr.rstrip().splitlines()[-1] == (
        "next: commit the record and its tables together (git add data/raw/disclosures/ data/processed/ "
        "foi_analysis/records/authorities.csv; git commit), then make report")
    for folder in ("data/raw", "data/processed"):
        for path in (root / folder).rglob("*"):
            if path.is_file():
                found = [name for name in NAMES if name in path.read_text(encoding="utf-8", errors="replace")]
                assert not found, (path, found)


# --- a person's name typed into a draft -------------------------------------------------------------

@pytest.mark.parametrize("note, person", [
    ("Reply addressed to Mr Pemberley-Quist", "Mr Pemberley-Quist"),  # a greeting copied
    ("Signed by Dr. Jane Example, Disclosure Officer", "Dr. Jane Example"),  # a signature, title with a dot
    ("Ms Example confirmed the figure by telephone", "Ms Example"),
])
def test_a_draft_naming_a_person_by_title_is_refused_naming_the_field(project, tmp_path, capsys, note, person):
    draft = write(tmp_path / "named.yaml", GOOD.replace("kind: letter}", f"kind: letter, notes: {note!r}}}"))
    assert cli.main(["add", "--no-build", str(draft)]) == 1
    err = capsys.readouterr().err
    assert (f"named.yaml: source.notes = {person!r}: looks like a person's name (after a title, 'Mr', 'Ms', 'Dr'): no "
            "person's name goes into data/raw; write a role ('the requester', 'the disclosure officer') or '[name]' instead") in err
    assert not (config.RAW_DISCLOSURES / "avon-and-somerset-constabulary-992-20.yaml").exists()


@pytest.mark.parametrize("note", [
    "Dear Requester",                           # the greeting the project writes
    "Signed by the Chief Constable",            # a role, no personal title
    "Deployed at Kings Dr, Croydon",            # 'Dr' of an address: a comma follows, no name
    "MRS scheme figures",                       # capitals: an acronym, not the title
    "the Mr and Mrs fields of the form",        # titles before lower-case words
])
def test_roles_and_lookalikes_are_not_taken_for_names(project, tmp_path, capsys, note):
    draft = write(tmp_path / "roles.yaml", GOOD.replace("kind: letter}", f"kind: letter, notes: {note!r}}}"))
    assert cli.main(["add", "--no-build", str(draft)]) == 0, capsys.readouterr().err
