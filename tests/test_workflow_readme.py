"""The weekly job as README.md and data/raw/README.md tell it, followed step by step by a new user (session 16):
three documents brought (a PDF letter, a disclosure-log page, a saved email), each extracted, reviewed and
added; a correction to a record; a grid saved again under another name. Every command is run as the README
writes it, in a scratch copy of the test corpus. The documents are fictional, written for this test; what
each field should read is from reading them (comments say where).

First run (before this round's fixes): the PDF letter's two numbered questions were read as one line, so its
draft had neither answer's outcome, no section 31 and no outcome at all, silently (its longest line is
question 1, which sets the right margin every line "wrapped" into the next); a grid saved twice was said
to "list 192 of the same deployments" when all 203 of its rows count twice (days and places were counted,
not rows). The rest of the walk worked as written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis import config
from foi_analysis.extract.command import extract_file
from foi_analysis.grids.overlaps import shared_deployments

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "grids"))
import raw_pdf  # noqa: E402

EXE = Path(sys.executable).with_name("foi-analysis")

# A letter whose longest line is its first question: PDF text has no line breaks, only positions.
PDF_LINES = ["Kent Police", "Freedom of Information Unit", "", "Our ref: FOI 2025/0815", "Date: 14 April 2025", "",
             "Dear Requester,", "", "Thank you for your request received on 17 March 2025. You asked:",
             "1. How many times did the force deploy live facial recognition vans in 2024?",
             "2. Please provide the watchlist policy.", "",
             "1. The force deployed live facial recognition 12 times in 2024.",
             "2. The policy is exempt under section 31(1)(a) of the Act.", "", "Yours sincerely,", "", "Disclosure Officer"]


def _pdf(lines: list[str]) -> bytes:
    page = raw_pdf.Page(size=raw_pdf.PORTRAIT)
    for k, line in enumerate(lines):
        if line:
            page.text(72, 72 + 14 * k, line, size=11)
    return raw_pdf.write([page])


def test_numbered_items_drawn_on_lines_of_their_own_are_not_joined(tmp_path):
    (tmp_path / "letter.pdf").write_bytes(_pdf(PDF_LINES))
    x = extract_file(tmp_path / "letter.pdf")
    # From the letter: answer 1 gives a figure, answer 2 cites section 31(1)(a) for the policy.
    assert [(q["question"], q["outcome"]) for q in x.questions] == [("1", "disclosed"), ("2", "exempt")]
    assert (x.sections, x.outcome) == (["31"], "partially_disclosed")


@pytest.mark.parametrize("ending, item, joined", [
    ("the deployments of 2024 and", "2. the vans", True),  # a sentence going on: "and" ends no sentence
    ("the deployments of 2024.", "(b) the vans", False),
    ("the deployments of 2024?", "Q2 the vans", False),
    ("the deployments of 2024:", "• the vans", False),
])
def test_a_line_that_ends_a_sentence_is_not_wrapped_into_an_item(tmp_path, ending, item, joined):
    # Both lines drawn 14 points apart (the letter's pitch); the first the longest, so at the margin.
    (tmp_path / "a.pdf").write_bytes(_pdf([f"Please tell me how many times the force used cameras in {ending}", item,
                                           "Short line.", "Another line."]))
    from foi_analysis.extract.pdf import page_texts

    [text] = page_texts((tmp_path / "a.pdf").read_bytes())
    assert (f"{ending} {item}" in text) is joined and (f"{ending}\n{item}" in text) is not joined


def test_a_grid_saved_twice_is_said_to_list_all_its_rows_again():
    # Two deployments on one day at one place (two rows, one date and place) in a.pdf and again in b.pdf: 2 rows each.
    d = pd.DataFrame({"source_file": ["a.pdf", "a.pdf", "b.pdf", "b.pdf", "b.pdf"],
                      "date": pd.to_datetime(["2025-01-08"] * 4 + ["2025-01-09"]),
                      "location_key": ["croydon"] * 4 + ["ilford"], "superseded_by": [None] * 5})
    assert [o.shared for o in shared_deployments(d)] == [2]


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    # (FOI_ANALYSIS_ROOT: the scratch copy stands for the project's root, where a user runs the commands)
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=600, cwd=root,
                          env={**os.environ, "FOI_ANALYSIS_ROOT": str(root)})


HTML = """<!DOCTYPE html><html><head><title>Facial recognition vans | Surrey Police</title></head><body>
<nav>Home &gt; Disclosure log</nav><h1>Facial recognition vans</h1>
<p>Request reference number: SP-FOI-25-0412</p><p>Request received: 4 April 2025</p><p>Date of response: 2 May 2025</p>
<h2>Request</h2><p>Does the force share custody images with other forces for facial recognition searches?</p>
<h2>Response</h2><p>Surrey Police does not hold the information you requested.</p></body></html>"""

EML = """From: Information Rights <foi@essex.example>
To: requester@example.org
Date: Fri, 9 May 2025 11:02:00 +0100
Subject: RE: FOI 25-117 - facial recognition oversight
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dear Requester,

Thank you for your request, received by Essex Police on 11 April 2025.

You asked whether the force holds minutes of any board that oversees live facial recognition.

Essex Police does not hold the information requested.

Yours sincerely,

Information Rights Officer
"""


def test_the_weekly_job_as_the_readme_tells_it(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(config.RAW, root / "data" / "raw")  # the test corpus: five records, two grids
    saved = root / "saved"
    saved.mkdir()
    (saved / "kent-FOI-2025-0815.pdf").write_bytes(_pdf(PDF_LINES))
    (saved / "surrey-SP-FOI-25-0412.html").write_text(HTML)
    (saved / "essex-FOI-25-117.eml").write_text(EML)
    assert _run(root, "build").returncode == 0

    # 1. Extract: `.venv/bin/foi-analysis extract saved/<file>` -> drafts/<name>.yaml, headed UNREVIEWED DRAFT.
    expected = {  # each read off its document by hand
        "kent-FOI-2025-0815": ("FOI 2025/0815", "Kent Police", "17 March 2025", "14 April 2025", "partially_disclosed"),
        "surrey-SP-FOI-25-0412": ("SP-FOI-25-0412", "Surrey Police", "4 April 2025", "2 May 2025", "not_held"),
        "essex-FOI-25-117": ("FOI 25-117", "Essex Police", "11 April 2025", "Fri, 09 May 2025", "not_held"),
    }
    for doc in sorted(saved.iterdir()):
        done = _run(root, "extract", f"saved/{doc.name}")
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines()[-1] == f"saved/{doc.name}: draft written to drafts/{doc.stem}.yaml"
        import yaml

        draft = (root / "drafts" / f"{doc.stem}.yaml").read_text()
        assert draft.startswith("# UNREVIEWED DRAFT")
        record = yaml.safe_load(draft)
        assert (record["reference"], record["authority"], record["date_received"], record["date_responded"],
                record["outcome"]) == expected[doc.stem]
        # 2. Review: nothing to fill here; the reviewer deletes the three header lines.
        (root / "drafts" / f"{doc.stem}.yaml").write_text("".join(draft.splitlines(keepends=True)[3:]))

    # 3. Add: validated, filed under a safe name, the tables rebuilt, the next step said.
    done = _run(root, "add", *(f"drafts/{stem}.yaml" for stem in sorted(expected)))
    assert done.returncode == 0, done.stderr
    for name in ("essex-police-FOI-25-117.yaml", "kent-police-FOI-2025-0815.yaml", "surrey-police-SP-FOI-25-0412.yaml"):
        assert (root / "data" / "raw" / "disclosures" / name).exists()
    assert "next: commit the record and its tables together" in done.stderr
    requests = pd.read_csv(root / "data" / "processed" / "requests.csv", dtype=str)
    assert {"FOI 2025/0815", "SP-FOI-25-0412", "FOI 25-117"} <= set(requests["reference"])

    # A correction sent by the authority (data/raw/README.md, "Correcting a record"): the record copied,
    # an update event added, `add --replace`: the change is listed field by field.
    record = root / "data" / "raw" / "disclosures" / "kent-police-FOI-2025-0815.yaml"
    text = record.read_text().replace("events:\n", 'events:\n- {event: update, date: 12 May 2025, note: "corrected the figure for question 1"}\n', 1)
    (root / "drafts" / "kent-correction.yaml").write_text(text)
    done = _run(root, "add", "--replace", "drafts/kent-correction.yaml")
    assert done.returncode == 0, done.stderr
    assert ('  events: + {"event": "update", "date": "12 May 2025", "note": "corrected the figure for question 1"}'
            in done.stderr.splitlines())

    # A grid saved again under another name: a warning naming both, counting every row of it twice.
    grids = root / "data" / "raw" / "grids"
    shutil.copy(grids / "met-lfr-grid-2023-to-2024.pdf", grids / "met-lfr-grid-2023-24-copy.pdf")
    done = _run(root, "build")
    # 203 deployments in the 2023-24 grid (README, counted by hand on every page): all 203 are listed again.
    assert ("warning: grids/met-lfr-grid-2023-24-copy.pdf (203 deployments) and grids/met-lfr-grid-2023-to-2024.pdf (203) "
            "list 203 of the same deployments") in done.stderr, done.stderr
