"""`foi-analysis add` for a correction: a record already in the corpus, with an outcome changed, a
date fixed or its reference corrected. The old text must never go silently."""

from __future__ import annotations


import pandas as pd
import pytest

from foi_analysis import cli, config
from foi_analysis.records import add

from test_add import scratch_project

# A Home Office refusal, and a correction of it: the outcome was partial, the response was dated 01/03/2024.
RECORD = """\
reference: "HO/2024/0042"
authority: Home Office
source: {title: "Retrospective facial recognition searches of the passport database"}
date_received: "03/02/2024"
outcome: refused
events:
  - {event: received, date: "03/02/2024"}
  - {event: response, date: "04/03/2024"}
exemptions:
  - {raw: "Section 21 - Information accessible by other means", stage: response, questions: ["1"]}
questions:
  - {question: "1", outcome: publicly_available}
"""
CORRECTED = RECORD.replace("outcome: refused", "outcome: partially_disclosed").replace("04/03/2024", "01/03/2024")
FILE = "home-office-HO-2024-0042.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A scratch project with the test corpus's records and the Home Office record added."""
    root = scratch_project(tmp_path, monkeypatch)
    draft = tmp_path / "ho.yaml"
    draft.write_text(RECORD, encoding="utf-8")
    assert cli.main(["add", str(draft)]) == 0
    return root


def draft(tmp_path, text: str, name: str = "correction.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_correction_without_replace_is_refused_and_says_how(project, tmp_path, capsys):
    capsys.readouterr()
    assert cli.main(["add", str(draft(tmp_path, CORRECTED))]) == 1
    err = capsys.readouterr().err
    assert f"Home Office HO/2024/0042 is already in the corpus as data/raw/disclosures/{FILE}; if the draft" in err
    assert "if it corrects the record, use --replace" in err
    assert (config.RAW_DISCLOSURES / FILE).read_text(encoding="utf-8") == RECORD


def test_a_correction_with_replace_lists_what_it_changes_and_rebuilds(project, tmp_path, capsys):
    capsys.readouterr()
    assert cli.main(["add", "--replace", str(draft(tmp_path, CORRECTED))]) == 0
    err = capsys.readouterr().err
    assert f"replaced data/raw/disclosures/{FILE} (Home Office, HO/2024/0042); what changed" in err
    # the two fields changed by hand above, and the response event whose date was fixed
    assert '  outcome: "refused" -> "partially_disclosed"' in err
    assert ('  events: - {"event": "response", "date": "04/03/2024"}; + {"event": "response", "date": "01/03/2024"}'
            in err)
    assert (config.RAW_DISCLOSURES / FILE).read_text(encoding="utf-8") == CORRECTED
    requests = pd.read_csv(config.PROCESSED / "requests.csv", dtype=str)
    row = requests.loc[requests["reference"] == "HO/2024/0042"]
    assert row[["outcome", "date_responded"]].values.tolist() == [["partially_disclosed", "2024-03-01"]]
    # received Sat 03/02/2024 (Mon 05/02 is day 1): Fri 01/03 is working day 20, so now answered in time
    times = pd.read_csv(config.PROCESSED / "response_times.csv", dtype=str)
    assert times.loc[times["reference"] == "HO/2024/0042", "response_wd"].tolist() == ["20"]


def test_replacing_a_record_with_itself_writes_nothing(project, tmp_path, capsys):
    before = (config.RAW_DISCLOSURES / FILE).stat().st_mtime_ns
    capsys.readouterr()
    assert cli.main(["add", "--replace", str(draft(tmp_path, RECORD))]) == 0
    err = capsys.readouterr().err
    assert f"unchanged: data/raw/disclosures/{FILE} (Home Office, HO/2024/0042) already holds this record" in err
    assert "rebuilding" not in err
    assert (config.RAW_DISCLOSURES / FILE).stat().st_mtime_ns == before


def test_a_corrected_reference_is_added_with_a_warning_about_the_old_record(project, tmp_path, capsys):
    # The reference was mistyped: 0043, not 0042. A new identity, so a new file; the old one would count
    # the request twice, and add says so.
    capsys.readouterr()
    assert cli.main(["add", "--no-build", str(draft(tmp_path, RECORD.replace("HO/2024/0042", "HO/2024/0043")))]) == 0
    err = capsys.readouterr().err
    # (Its days received and answered, 03/02/2024 and 04/03/2024, are the old record's too: both said.)
    assert (f"warning: {FILE} (Home Office HO/2024/0042) has the same source title and was received and answered on "
            "the same days: if this draft corrects its "
            f"reference, remove the old record (git rm data/raw/disclosures/{FILE}) and build") in err


def test_changes_lists_fields_added_removed_and_changed():
    old = {"reference": "1", "outcome": "refused", "events": [{"event": "received", "date": "01/02/2024"}]}
    new = {"reference": "1", "outcome": "refused", "date_received": "01/02/2024",
           "events": [{"event": "received", "date": "01/02/2024"}, {"event": "response", "date": "05/02/2024"}]}
    assert add.changes(old, new) == ['events: + {"event": "response", "date": "05/02/2024"}',
                                     'date_received: null -> "01/02/2024"']
    assert add.changes(new, new) == []


def test_a_request_answered_under_foisa_is_added_with_a_warning(project, tmp_path, capsys):
    # FOISA's s35 is law enforcement, FOIA's s35 the formulation of government policy: the catalogue is
    # FOIA's, so add says to check the exemptions table (a Scottish body, its citations naming no Act).
    foisa = RECORD.replace("HO/2024/0042", "IM-FOI-2024-0101").replace("Home Office", "Police Scotland").replace(
        "Section 21 - Information accessible by other means", "Section 35(1)(a) Law enforcement")
    capsys.readouterr()
    assert cli.main(["add", "--no-build", str(draft(tmp_path, foisa))]) == 0
    assert "warning: this request looks answered under FOISA (Scotland)" in capsys.readouterr().err
    # A citation naming the Scottish Act in a record without 'law: FOISA' contradicts the record: refused
    # (session 11; it was a warning), as the build sets it aside.
    named = foisa.replace("IM-FOI-2024-0101", "IM-FOI-2024-0102").replace("(1)(a) Law", "(1)(a) FOISA Law")
    assert cli.main(["add", "--no-build", str(draft(tmp_path, named, "named.yaml"))]) == 1
    assert "cites FOISA, but the record's law is FOIA (no 'law' field)" in capsys.readouterr().err
    # A FOIA letter from an English force: no warning.
    kent = RECORD.replace("HO/2024/0042", "KP-1").replace("Home Office", "Kent Police")
    assert cli.main(["add", "--no-build", str(draft(tmp_path, kent, "kent.yaml"))]) == 0
    assert "FOISA" not in capsys.readouterr().err


def test_a_correction_of_comments_only_is_written_and_says_no_field_changed(project, tmp_path, capsys):
    commented = "# transcribed from the letter of 04/03/2024\n" + RECORD
    capsys.readouterr()
    assert cli.main(["add", "--replace", "--no-build", str(draft(tmp_path, commented))]) == 0
    assert "  no field changed (only comments or layout)" in capsys.readouterr().err
    assert (config.RAW_DISCLOSURES / FILE).read_text(encoding="utf-8") == commented
