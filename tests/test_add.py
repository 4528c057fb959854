"""`foi-analysis add`: from a reviewed draft to a record of the corpus, in a scratch project."""

from __future__ import annotations

import shutil
import textwrap

import pandas as pd
import pytest

from foi_analysis import build, cli, config
from foi_analysis.records import add, authorities

from test_records import GOOD

FIXTURE_LETTERS = config.REPOSITORY / "tests" / "fixtures" / "responses"


def scratch_project(tmp_path, monkeypatch):
    """A scratch project with the test corpus's records (no grids: faster, and not what add is about),
    the package's paths pointed at it."""
    root = tmp_path / "project"
    shutil.copytree(config.RAW_DISCLOSURES, root / "data" / "raw" / "disclosures")
    (root / "data" / "raw" / "grids").mkdir()
    for name, value in {"ROOT": root, "DATA": root / "data", "RAW": root / "data" / "raw",
                        "RAW_DISCLOSURES": root / "data" / "raw" / "disclosures",
                        "PROCESSED": root / "data" / "processed"}.items():
        monkeypatch.setattr(config, name, value)
    return root


@pytest.fixture
def project(tmp_path, monkeypatch):
    """``scratch_project``, built."""
    root = scratch_project(tmp_path, monkeypatch)
    build.build()
    return root


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_reviewed_record_is_added_under_a_safe_name_and_built(project, tmp_path, capsys):
    draft = write(tmp_path / "reviewed.yaml", GOOD)
    assert cli.main(["add", str(draft)]) == 0
    err = capsys.readouterr().err
    # "992/20" has a slash: the file name is made safe from authority and reference.
    target = project / "data" / "raw" / "disclosures" / "avon-and-somerset-constabulary-992-20.yaml"
    assert target.read_text(encoding="utf-8") == GOOD
    assert "added as data/raw/disclosures/avon-and-somerset-constabulary-992-20.yaml" in err
    # The test corpus has 5 requests, 27 questions; GOOD adds one request and one question.
    assert "requests:     6 rows (+1)" in err and "questions:    28 rows (+1)" in err
    requests = pd.read_csv(project / "data" / "processed" / "requests.csv", dtype=str)
    assert "992/20" in set(requests["reference"])


def test_an_unreviewed_draft_is_refused(project, tmp_path, capsys):
    drafts = tmp_path / "drafts"
    assert cli.main(["extract", str(FIXTURE_LETTERS / "south_wales_ncnd.txt"), "--out", str(drafts)]) == 0
    before = sorted(p.name for p in config.RAW_DISCLOSURES.iterdir())
    assert cli.main(["add", str(drafts / "south_wales_ncnd.yaml")]) == 1
    err = capsys.readouterr().err
    assert ("south_wales_ncnd.yaml: (header) = 'UNREVIEWED DRAFT': not reviewed yet: check every field against the "
            "document, then delete the UNREVIEWED DRAFT header lines") in err
    assert sorted(p.name for p in config.RAW_DISCLOSURES.iterdir()) == before
    assert "rebuilding" not in err  # nothing added, nothing rebuilt


def test_every_problem_of_a_bad_record_is_listed_at_once(project, tmp_path, capsys):
    bad = (GOOD.replace("questions:\n", "questons:\n").replace("outcome: refused", "outcome: maybe")
           .replace("date_received: 02/03/2020", "date_received: 31/02/2020")
           .replace("Avon and Somerset Constabulary", "Avon and Somerset Constabulary Police"))
    draft = write(tmp_path / "bad.yaml", bad)
    assert cli.main(["add", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml: not added (4 problem(s)):" in err
    assert "bad.yaml: questons = 'questons': unknown field; did you mean 'questions'?" in err
    assert "bad.yaml: outcome = 'maybe': unknown outcome" in err
    assert "bad.yaml: date_received = '31/02/2020': impossible date" in err
    assert "bad.yaml: authority = 'Avon and Somerset Constabulary Police'" in err
    assert not (project / "data" / "raw" / "disclosures" / "avon-and-somerset-constabulary-992-20.yaml").exists()


@pytest.mark.parametrize("authority, message", [
    # authorities.csv: "Kent Police" is canonical; the nearest names are offered for a misspelling
    ("Kent Polise", "unknown authority (not in foi_analysis/records/authorities.csv); nearest known: Kent Police"),
    # "WMP" is an alias of West Midlands Police: a record holds the canonical name
    ("WMP", "not the canonical name: write 'West Midlands Police'"),
])
def test_the_authority_is_checked_against_authorities_csv(authority, message):
    assert authorities.problem(authority).startswith(message)
    assert authorities.problem("Kent Police") is None


def test_a_record_already_in_the_corpus_is_refused_unless_replace(project, tmp_path, capsys):
    draft = write(tmp_path / "reviewed.yaml", GOOD)
    assert cli.main(["add", str(draft), "--no-build"]) == 0
    target = project / "data" / "raw" / "disclosures" / "avon-and-somerset-constabulary-992-20.yaml"
    # The same identity again (authority, reference), even from another file name: refused, the record stays.
    again = write(tmp_path / "again.yaml", GOOD.replace("outcome: refused", "outcome: disclosed"))
    assert cli.main(["add", str(again), "--no-build"]) == 1
    # The message names the record's path and both readings of a draft with the same identity.
    assert ("Avon and Somerset Constabulary 992/20 is already in the corpus as "
            "data/raw/disclosures/avon-and-somerset-constabulary-992-20.yaml; if the draft is the same response brought "
            "again, nothing is to be done (delete the draft); if it corrects the record, use --replace") in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == GOOD
    assert cli.main(["add", str(again), "--no-build", "--replace"]) == 0
    assert "outcome: disclosed" in target.read_text(encoding="utf-8")
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_one_bad_draft_does_not_stop_the_good_ones(project, tmp_path, capsys):
    good = write(tmp_path / "good.yaml", GOOD)
    bad = write(tmp_path / "bad.yaml", GOOD.replace('"992/20"', '"993/20"').replace("outcome: refused", "outcome: maybe"))
    assert cli.main(["add", str(bad), str(good), "--no-build"]) == 1
    names = sorted(p.name for p in config.RAW_DISCLOSURES.iterdir())
    assert "avon-and-somerset-constabulary-992-20.yaml" in names and "avon-and-somerset-constabulary-993-20.yaml" not in names
    assert "add: 1 of 2 draft(s) not added" in capsys.readouterr().err


def test_safe_names():
    assert add.safe_name("Avon and Somerset Constabulary", "992/20") == "avon-and-somerset-constabulary-992-20.yaml"
    assert add.safe_name("Mayor's Office for Policing and Crime", "FOI 506") == "mayor-s-office-for-policing-and-crime-FOI-506.yaml"
    assert add.safe_name("Metropolitan Police Service", "../01.FOI.23.030730") == "metropolitan-police-service-01.FOI.23.030730.yaml"
    # A reference of 400 characters: the name is cut to 120 characters before ".yaml" (a file system
    # allows 255 bytes), ending in a digest so that two long references that differ late stay apart.
    long_a, long_b = add.safe_name("Kent Police", "x" * 399 + "a"), add.safe_name("Kent Police", "x" * 399 + "b")
    assert len(long_a) == 120 + len(".yaml") and long_a.startswith("kent-police-xxx") and long_a != long_b


def test_the_same_reference_from_another_authority_is_another_record(project, tmp_path):
    # The test corpus holds MOPAC's "FOI 506"; Kent Police may have its own.
    kent = write(tmp_path / "kent.yaml", GOOD.replace('"992/20"', '"FOI 506"').replace(
        "Avon and Somerset Constabulary", "Kent Police"))
    assert cli.main(["add", str(kent)]) == 0
    requests = pd.read_csv(project / "data" / "processed" / "requests.csv", dtype=str)
    assert sorted(requests.loc[requests.reference == "FOI 506", "authority"]) == [
        "Kent Police", "Mayor's Office for Policing and Crime"]
    assert (project / "data" / "raw" / "disclosures" / "kent-police-FOI-506.yaml").exists()
