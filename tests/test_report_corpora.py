"""The report on corpora unlike the five seeds: other bodies and sections, outcomes, dated histories
across Scottish and Northern Irish bank holidays, two authorities sharing a reference, no grids, no
records at all, and many requests from many authorities.

Each corpus is built in a scratch root (FOI_ANALYSIS_ROOT) and the report is run there as a user
would, in a new process. Every expected figure is counted by hand from the records in
tests/fixtures/corpora/unlike-seeds/ (working days on a calendar, the comment beside each), never
taken from the code under test.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from foi_analysis import config

UNLIKE_SEEDS = Path(__file__).parent / "fixtures" / "corpora" / "unlike-seeds"
NOTEBOOKS = sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def report(root: Path, *argv: str) -> tuple[subprocess.CompletedProcess, Path]:
    """Build the scratch project under ``root`` and run the report there (the repository's notebooks)."""
    for folder in ("disclosures", "grids"):
        (root / "data" / "raw" / folder).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root), PYDEVD_DISABLE_FILE_VALIDATION="1")
    done = subprocess.run([sys.executable, "-m", "foi_analysis.cli", "report", "--notebooks-dir", str(config.NOTEBOOKS),
                           "--reports-dir", str(root / "reports"), "--run-id", "run", "--jobs", "2", *argv],
                          env=env, capture_output=True, text=True, timeout=900)
    return done, root / "reports" / "run"


def errors(folder: Path) -> list[str]:
    """Every error output of the executed notebooks: a notebook must run top to bottom."""
    out = []
    for path in folder.glob("*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            out += [f"{path.stem}: {o['ename']}: {o['evalue']}" for o in cell.get("outputs", [])
                    if o.get("output_type") == "error"]
    return out


def charts(folder: Path, notebook: str) -> list[tuple[int, int, str]]:
    """(width, height, alt text) of each chart a notebook drew, from the executed notebook."""
    out = []
    for cell in json.loads((folder / f"{notebook}.ipynb").read_text())["cells"]:
        for o in cell.get("outputs", []):
            png = o.get("data", {}).get("image/png")
            if png:
                width, height = struct.unpack(">II", base64.b64decode(png)[16:24])
                out.append((width, height, o.get("metadata", {}).get("image/png", {}).get("alt", "")))
    return out


def visible(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))).split())


# --- eight requests unlike the seeds, no grids -----------------------------------------------------

@pytest.fixture(scope="module")
def unlike(tmp_path_factory):
    root = tmp_path_factory.mktemp("unlike")
    shutil.copytree(UNLIKE_SEEDS, root / "data" / "raw" / "disclosures")
    done, folder = report(root)
    return done, folder, json.loads((folder / "findings.json").read_text())


def test_every_notebook_runs_on_requests_unlike_the_seeds_and_without_grids(unlike):
    done, folder, _ = unlike
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.stem for p in folder.glob("*.ipynb")) == NOTEBOOKS
    assert errors(folder) == []
    for notebook in NOTEBOOKS:  # every chart keeps an alt text that says something
        assert all(len(alt) > 20 for _, _, alt in charts(folder, notebook)), notebook


def test_requests_sharing_a_reference_are_two_requests(unlike):
    # Essex Police and British Transport Police both number a request "FOI-506": 8 requests, 6 relying
    # on a section (all but Transport for London's and Dyfed-Powys's), and each named with its authority.
    _, _, found = unlike
    e = found["exemptions"]
    assert e["requests"] == 8 and e["authorities"] == 8
    assert e["requests_citing_grounds"] == 6
    assert e["citing_references"] == ["FOI-506 (British Transport Police)", "FOI-506 (Essex Police)", "HO/2024/0042",
                                      "KP-2024-555", "SP-14-2024", "SWP-2023-1234"]
    assert e["citing_by_authority"]["Transport for London"] == 0
    assert e["citing_by_authority"]["Heddlu Dyfed-Powys"] == 0  # a Welsh name, as written
    # one request-section pair each: 43 (Essex: cited at the response and the review, counted once),
    # 31 (BTP), 21 + 22 (Home Office), 23 + 24 (South Wales), 12 (Kent), 14 (Surrey)
    assert e["sections_by_requests"] == {"12": 1, "14": 1, "21": 1, "22": 1, "23": 1, "24": 1, "31": 1, "43": 1}
    # qualified: 22, 24, 31, 43; absolute: 21, 23; procedural: 12, 14
    assert e["pairs_by_kind"] == {"absolute": 2, "procedural": 2, "qualified": 4}
    assert found["coverage"]["disclosure_references"][2:4] == ["FOI-506 (British Transport Police)",
                                                               "FOI-506 (Essex Police)"]


def test_a_tie_for_the_most_cited_section_is_stated_as_a_tie(unlike):
    from foi_analysis.analysis import findings

    _, _, found = unlike
    e = found["exemptions"]
    assert [t["section"] for t in e["most_cited_tied"]] == ["12", "14", "21", "22", "23", "24", "31", "43"]
    text = " ".join(findings.describe("exemptions", e))
    assert "8 sections tie as the most cited, each relied on by 1 of 8 requests" in text
    assert "is the most cited" not in text  # no single section stands out
    # the kinds in the one order of every chart and table (findings.KINDS): absolute 21, 23; qualified 22,
    # 24, 31, 43; procedural 12, 14
    assert ("2 absolute (no public interest test), 4 qualified (a public interest test) and 2 procedural "
            "grounds (not exemptions)") in text


def test_outcomes_and_ncnd(unlike):
    _, _, found = unlike
    e = found["exemptions"]
    # TfL disclosed; Essex and BTP partly; Home Office, Kent (s12), Surrey (s14) refused; South Wales NCND; Dyfed-Powys not held
    assert e["requests_by_outcome"] == {"disclosed": 1, "ncnd": 1, "not_held": 1, "partially_disclosed": 2, "refused": 3}
    assert e["ncnd_references"] == ["SWP-2023-1234"] and e["ncnd_citations"] == ["23(5)", "24(2)"]


# Working days counted on a calendar: receipt is day 0; weekends and every UK nation's bank holidays skipped.
WORKING_DAYS = {
    # received Fri 22/12/2023; 25, 26 Dec, 1 Jan and 2 Jan (Scotland) skipped: 24/01/2024 is day 19, due 25/01
    # (an England-only calendar would make 24/01 day 20 and the deadline 24/01)
    "SWP-2023-1234": {"deadline_20wd": "2024-01-25", "response_wd": 19, "s17_notice_wd": 19},
    # received Sat 03/02/2024 (ICO reading: Mon 05/02 is day 1): due Fri 01/03, answered Mon 04/03 = day 21;
    # its refusal is its s17 notice, so that is late too
    "HO/2024/0042": {"deadline_20wd": "2024-03-01", "response_wd": 21, "s17_notice_wd": 21},
    # received Tue 02/04/2024 (the day after Easter Monday): 30/04 is day 20
    "FOI-0507-2425": {"deadline_20wd": "2024-04-30", "response_wd": 20, "s17_notice_wd": None},
    # received Wed 01/05/2024; 6 and 27 May skipped: due 31/05; s17 notice 29/05 = day 18; decision promised
    # 26/06 = day 38; answered 10/07 = day 48; then 12/07 (Northern Ireland) skipped, so the review request
    # of 15/07 is day 50, and 05/08 (Scotland) skipped, so the review's answer of 12/08 is day 69
    "FOI-506 (Essex Police)": {"deadline_20wd": "2024-05-31", "response_wd": 48, "s17_notice_wd": 18,
                               "extension_estimate_wd": 38, "last_event_wd": 69},
    # received Mon 03/06/2024: 01/07 is day 20
    "FOI-506 (British Transport Police)": {"deadline_20wd": "2024-07-01", "response_wd": 20, "s17_notice_wd": 20},
}


def test_response_times_counted_by_hand_across_bank_holidays(unlike):
    _, _, found = unlike
    r = found["response_times"]
    assert (r["requests"], r["dated"], r["answered"]) == (8, 5, 5)
    timelines = {t["label"]: t for t in r["timelines"]}
    assert sorted(timelines) == sorted(WORKING_DAYS)
    for label, expected in WORKING_DAYS.items():
        assert {k: timelines[label][k] for k in expected} == expected, label
    # within 20: South Wales (19), TfL (20), BTP (20); later: Home Office (21), Essex (48)
    assert r["answered_in_20wd"] == 3
    assert r["over_40wd"] == 1  # Essex, answered on day 48
    assert (r["s17_notices"], r["s17_in_time"]) == (4, 3)  # SWP 19, Essex 18, BTP 20 in time; Home Office 21


def test_response_time_sentences_say_when_each_request_was_answered(unlike):
    from foi_analysis.analysis import findings

    _, _, found = unlike
    lines = findings.describe("response_times", found["response_times"])
    assert lines[0] == ("5 of 8 requests print a receipt date, and 5 print the date of the final response: "
                        "the rest cannot be timed.")
    assert lines[1].startswith("Of the 5 requests that print both, **3** were answered within 20 working days and **2** later")
    assert any(line.startswith("HO/2024/0042: received 3 February 2024, due 1 March 2024") and
               "answered on working day 21, after working day 20" in line for line in lines)


def test_the_pages_say_what_the_report_ran_on(unlike):
    _, folder, found = unlike
    cov = found["coverage"]
    assert (cov["disclosures"], cov["disclosure_authorities"], cov["disclosures_dated"]) == (8, 8, 5)
    assert (cov["disclosures_first"], cov["disclosures_last"]) == ("2023-12-22", "2024-06-03")
    assert cov["grids"] == [] and found["deployments"]["deployments"] == 0
    index = visible(folder / "index.html")
    assert "FOI responses: 8 from 8 authorities" in index
    assert "No deployment grid falls in the selection." in index
    assert "Heddlu Dyfed-Powys" in visible(folder / "02_exemptions.html")


# --- nothing at all --------------------------------------------------------------------------------

def test_an_empty_corpus_gives_a_report_that_says_it_is_empty(tmp_path):
    done, folder = report(tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert errors(folder) == []
    found = json.loads((folder / "findings.json").read_text())
    assert found["coverage"]["disclosures"] == 0 and found["deployments"]["deployments"] == 0
    summary = visible(folder / "00_summary.html")
    assert "FOI responses: none in the selection." in summary
    assert "No requests fall in the selection." in summary
    assert charts(folder, "02_exemptions")[0][2] == "No request in the selection relies on a section."
    assert charts(folder, "01_blue_list")[0][2] == "No blue-list rows in the selection."


# --- many requests from many authorities ---------------------------------------------------------

AUTHORITIES = ["Kent Police", "Essex Police", "Surrey Police", "Sussex Police", "Thames Valley Police",
               "Hampshire and Isle of Wight Constabulary", "Dorset Police", "Devon and Cornwall Police",
               "Avon and Somerset Constabulary", "Gloucestershire Constabulary", "Wiltshire Police", "Gwent Police",
               "South Wales Police", "Dyfed-Powys Police", "North Wales Police", "Cheshire Constabulary",
               "Merseyside Police", "Greater Manchester Police", "Lancashire Constabulary", "Cumbria Constabulary",
               "Northumbria Police", "Durham Constabulary", "Cleveland Police", "North Yorkshire Police",
               "West Yorkshire Police", "South Yorkshire Police", "Humberside Police", "Lincolnshire Police",
               "Norfolk Constabulary", "Suffolk Constabulary"]


def many_requests(folder: Path, n: int = 60) -> None:
    """``n`` requests, two per authority; every request received on a Monday in 2024 (one a week from
    8 January) and answered a week later; the even ones rely on s31(1)(a)."""
    import datetime as dt

    folder.mkdir(parents=True)
    for i in range(n):
        received = dt.date(2024, 1, 8) + dt.timedelta(weeks=i % 40)
        cites = '[{raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}]' if i % 2 == 0 else "[]"
        (folder / f"r{i:03d}.yaml").write_text(
            f'reference: "R-{i:03d}"\nauthority: {AUTHORITIES[i % 30]}\nsource: {{title: "Request {i}"}}\n'
            f'outcome: {"refused" if i % 2 == 0 else "disclosed"}\n'
            f'events:\n  - {{event: received, date: "{received:%d/%m/%Y}"}}\n'
            f'  - {{event: response, date: "{received + dt.timedelta(weeks=1):%d/%m/%Y}"}}\n'
            f'exemptions: {cites}\nquestions: [{{question: "1", outcome: {"exempt" if i % 2 == 0 else "disclosed"}}}]\n',
            encoding="utf-8")


def test_many_requests_keep_the_sentences_and_charts_legible(tmp_path):
    many_requests(tmp_path / "data" / "raw" / "disclosures")
    done, folder = report(tmp_path, "--notebook", "02_exemptions", "--notebook", "03_response_times")
    assert done.returncode == 0, done.stderr[-3000:]
    assert errors(folder) == []
    from foi_analysis.analysis import findings

    found = json.loads((folder / "findings.json").read_text())
    e = found["exemptions"]
    # 60 requests, the 30 even ones cite s31; requests i and i + 30 share an authority and a parity, so the
    # 15 authorities at even places in AUTHORITIES cite twice and the other 15 never
    assert (e["requests"], e["authorities"], e["requests_citing_grounds"]) == (60, 30, 30)
    assert e["most_cited_section"] == "31" and e["most_cited_requests"] == 30
    first = findings.describe("exemptions", e)[0]
    assert "and 20 more" in first  # 10 of the 30 citing references named, the rest counted
    # Every authority has 2 requests, so the 10 named are the first 10 in alphabetical order (Avon and
    # Somerset ... Gloucestershire), of which Avon and Somerset, Cleveland and Dorset cite (6 requests); the
    # other 20 authorities hold 40 requests, 30 - 6 = 24 of them citing.
    assert "Avon and Somerset Constabulary: 2 of 2; Cheshire Constabulary: 0 of 2" in first
    assert "and 20 other authorities: 24 of 40)" in first
    assert len(first) < 1000
    lines = findings.describe("response_times", found["response_times"])
    assert sum(line.startswith("R-") for line in lines) == 20  # the 20 most recently received, said so
    assert "The 20 most recently received of the 60 dated requests" in " ".join(lines)

    # Charts: a bounded height whatever the number of requests, and an alt text that says what is shown.
    timeline = charts(folder, "03_response_times")[0]
    assert timeline[1] <= (1.8 + 1.4 * 20) * 96 + 1  # 20 rows of 1.4 in at 96 dpi, not 60
    assert timeline[2].startswith("Events of the 20 most recently received of 60 dated requests")
    heatmap = charts(folder, "02_exemptions")[2]
    assert heatmap[2].startswith("Requests citing each section, per authority: 30 requests from 15 authorities")
    assert heatmap[1] <= (1.2 + 0.55 * 25) * 96 + 1


# --- a blue list from another body, with its passes printed ------------------------------------------

SWP_BLUE = """\
reference: "SWP-BL-1"
authority: South Wales Police
source: {title: "Blue-list tests at Cardiff"}
outcome: disclosed
questions: [{question: "1", outcome: disclosed}]
tables:
  - kind: blue_list
    question: "1"
    columns: ["Date", "True alert rate", "False alert rate", "Number of tests"]
    rows:
      - ["06/04/2023", "90%", "0%", "10"]
      - ["20/04/2023", "100%", "0%", "12"]
"""


def test_another_bodys_blue_list_is_not_paired_with_the_mets_deployments(tmp_path):
    from scipy.stats import beta

    raw = tmp_path / "data" / "raw"
    corpus = Path(__file__).parent / "fixtures" / "corpus" / "data" / "raw"
    (raw / "disclosures").mkdir(parents=True)
    (raw / "grids").mkdir()
    shutil.copyfile(corpus / "disclosures" / "mps-01.FOI.23.030730.yaml", raw / "disclosures" / "mps-01.FOI.23.030730.yaml")
    shutil.copyfile(corpus / "grids" / "met-lfr-grid-2023-to-2024.pdf", raw / "grids" / "met-lfr-grid-2023-to-2024.pdf")
    (raw / "disclosures" / "swp-blue.yaml").write_text(SWP_BLUE, encoding="utf-8")
    done, folder = report(tmp_path, "--notebook", "01_blue_list")
    assert done.returncode == 0, done.stderr[-3000:]
    assert errors(folder) == []
    b = json.loads((folder / "findings.json").read_text())["blue_list"]
    # 5 Met rows (100% / 0%, no passes) and 2 South Wales rows: 90% of 10 passes = 9, 100% of 12 = 12
    assert (b["rows"], b["rows_with_passes"], b["rows_true_100"]) == (7, 2, 6)
    assert (b["passes"], b["passes_true"], b["passes_false"]) == (22, 21, 0)
    assert b["passes_true_lower"] == pytest.approx(beta.ppf(0.025, 21, 2))  # Clopper-Pearson by its definition
    assert b["passes_false_upper"] == pytest.approx(1 - 0.025 ** (1 / 22))  # 0 of 22
    # only the 5 Met rows without passes count as one pass each: 5 of 5
    assert b["rows_without_passes_true_100"] == 5 and b["pooled_true_lower"] == pytest.approx(0.025 ** (1 / 5))
    assert b["other_authority_references"] == ["SWP-BL-1"]
    # The Met's rows only (README): 06/04 and 14/04 pair one-to-one, the three of 06/05 are ambiguous; the
    # Islington deployment of 20/04/2023 has no Met result (a South Wales date of 20/04 says nothing of it).
    assert b["rows_by_match"] == {"ambiguous": 3, "one-to-one": 2}
    assert [(m["date"], m["location"]) for m in b["deployments_without_result"]] == [("2023-04-20", "Islington")]
    alt = charts(folder, "01_blue_list")[0][2]
    assert alt.startswith("7 blue-list rates as printed")
    page = visible(folder / "01_blue_list.html")
    assert "2 rows come from other authorities than the Met (SWP-BL-1)" in page


def test_a_label_with_dollar_signs_is_drawn_as_text_not_parsed_as_maths():
    # A reference or place is drawn as printed: two "$" around something that is no valid TeX used to
    # stop the chart (and the notebook) with a ValueError from matplotlib's maths parser.
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from foi_analysis.analysis import plots

    plots.setup()
    fig, ax = plt.subplots()
    ax.set_yticks([0], ["FOI $\\frac$ 2024"])
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def test_the_data_quality_sentence_names_ten_files_and_counts_the_rest():
    # Every page carries this sentence: 12 files with rejections name the 10 with the most (then by
    # name) and count the other 2 (1 rejection each).
    from foi_analysis.analysis import data_quality

    by_file = {f"disclosures/r{i:02d}.yaml": (3 if i < 2 else 1) for i in range(12)}
    first = data_quality.describe_data_quality({"rejected": 16, "build_exit_status": 1, "by_file": by_file,
                                                "by_reason": {}, "rows": []})[0]
    assert "By file: disclosures/r00.yaml: 3; disclosures/r01.yaml: 3; disclosures/r02.yaml: 1" in first
    assert first.endswith("disclosures/r09.yaml: 1; and 2 other files: 2.")


def test_one_dated_request_is_stated_in_the_singular():
    from foi_analysis.analysis import findings, grid_findings

    # English agreement: "1 of 5 requests prints", "0 print"; a single receipt date is not a range.
    f = {"requests": 5, "dated": 1, "response_date_printed": 0, "answered": 0, "s17_notices": 0, "timelines": []}
    assert findings.describe("response_times", f)[0] == (
        "1 of 5 requests prints a receipt date, and 0 print the date of the final response: the rest cannot be timed.")
    cov = {"grids": [], "disclosures": 2, "disclosures_dated": 1, "disclosures_first": "2016-09-23",
           "disclosures_last": "2016-09-23", "disclosure_authorities": ["Metropolitan Police Service"],
           "disclosure_references": ["A", "B"], "disclosures_by_authority": {"Metropolitan Police Service": ["A", "B"]}}
    line = grid_findings.describe_coverage(cov)[-1]
    assert "1 of them prints a receipt date (23 September 2016)." in line, line  # a date as the pages write it
    assert "(Metropolitan Police Service: A, B)" in line, line


def test_a_long_source_line_stays_inside_its_figure():
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots, sources

    plots.setup()
    # Long y labels push the axes right, leaving the source line less room than the figure's width
    # (seen on the real report's "Requests relying on each section": five references ran off the page).
    counts = pd.DataFrame({"label": ["s84 Interpretation: 'information' means recorded information"], "requests": [1],
                           "kind": ["procedural"], "section": ["84"]})
    responses = pd.DataFrame({"reference": [f"01.FOI.23.0{n:05d}" for n in range(5)],
                              "authority": ["Metropolitan Police Service"] * 5})
    fig, _ = plots.sections_chart(counts, sources.responses(responses))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    figure_box = fig.bbox
    for text in fig.axes[0].texts:
        if text.get_text().startswith("Source:"):
            box = text.get_window_extent(renderer)
            assert box.x1 <= figure_box.x1 + 1, (box, figure_box)
            break
    else:
        raise AssertionError("no source line drawn")
    matplotlib.pyplot.close(fig)


def test_charts_that_share_the_kinds_list_them_in_one_order():
    """The sections chart and the kinds chart (and the by-kind table) give the kinds in findings.KINDS
    order, absolute, qualified, procedural, whatever order the rows come in; a kind no row has is left out."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import findings, plots

    plots.setup()
    # invented pairs: the first row is procedural, the first kind alphabetically is absolute
    pairs = pd.DataFrame({"reference": ["A", "A", "B", "C"], "authority": ["Body X", "Body X", "Body Y", "Body Y"],
                          "section": ["84", "31", "40", "43"], "name": ["Interpretation", "Law enforcement",
                                                                       "Personal information", "Commercial interests"],
                          "kind": ["procedural", "qualified", "absolute", "qualified"], "ncnd": [False] * 4})
    by_kind = findings.kinds_by_authority(pairs)
    assert list(by_kind.columns) == ["absolute", "qualified", "procedural"]
    assert list(findings.kinds_by_authority(pairs.loc[pairs["kind"] != "absolute"]).columns) == ["qualified", "procedural"]
    legends, titles = [], []
    for fig, _ in (plots.sections_chart(findings.section_counts(pairs), "FOI responses A, B, C"),
                   plots.kinds_chart(by_kind[["qualified", "procedural", "absolute"]], "FOI responses A, B, C")):
        legends.append([t.get_text() for t in fig.axes[0].get_legend().get_texts()])
        titles.append(fig.axes[0].get_legend().get_title().get_text())
        matplotlib.pyplot.close(fig)
    assert legends == [["absolute", "qualified", "procedural"]] * 2
    # the legend is titled in words, never by the table's column name ("kind")
    assert titles == ["Kind of ground"] * 2


def test_the_timeline_legend_stays_inside_its_axes():
    """The working-day chart's legend (three entries side by side) once ran past both sides of the axes."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots

    plots.setup()
    # one request: received 23/09/2016 (day 0), s17 notice 19/10/2016 (day 18), internal review request
    # 10/12/2016 (day 54), as the seed thread 2016090000813 prints them
    events = pd.DataFrame({"label": ["2016090000813"] * 3, "event": ["received", "extension_notice", "internal_review_requested"],
                           "date": pd.to_datetime(["2016-09-23", "2016-10-19", "2016-12-10"]), "working_day": [0, 18, 54],
                           "reference": ["2016090000813"] * 3, "authority": ["Metropolitan Police Service"] * 3})
    received = pd.Series(pd.to_datetime(["2016-09-23"]), index=["2016090000813"])
    fig, _, _ = plots.timeline_chart(events, received)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend, axes = ax.get_legend().get_window_extent(renderer), ax.get_window_extent(renderer)
    assert axes.x0 - 1 <= legend.x0 and legend.x1 <= axes.x1 + 1, (legend, axes)
    matplotlib.pyplot.close(fig)


def test_the_working_day_marks_never_run_through_an_event_label():
    """The day-40 line ran through 'extension estimate 21 Nov 2016 (day 41)' and the day-20 line through
    's17 notice 19 Oct 2016 (day 18)' (the seed thread 2016090000813: days 0, 18, 41, 44, 54 as the
    calendar tests count them). A label a mark line crosses sits on an opaque white ground drawn above it."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots

    plots.setup()
    events = pd.DataFrame({"label": ["2016090000813"] * 5,
                           "event": ["received", "extension_notice", "extension_estimate", "update", "internal_review_requested"],
                           "date": pd.to_datetime(["2016-09-23", "2016-10-19", "2016-11-21", "2016-11-24", "2016-12-10"]),
                           "working_day": [0, 18, 41, 44, 54], "reference": ["2016090000813"] * 5,
                           "authority": ["Metropolitan Police Service"] * 5})
    received = pd.Series(pd.to_datetime(["2016-09-23"]), index=["2016090000813"])
    fig, _, _ = plots.timeline_chart(events, received)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    marks = [line for line in ax.get_lines() if line.get_xdata()[0] in (20, 40) and len(set(line.get_xdata())) == 1]
    assert len(marks) == 2
    crossed = []
    inside = ax.get_window_extent(renderer)
    for label in ax.texts:
        box = label.get_window_extent(renderer)
        if box.y1 < inside.y0:  # the source line, under the axes: no mark line reaches it
            continue
        for mark in marks:
            x = ax.transData.transform((mark.get_xdata()[0], 0))[0]
            if box.x0 < x < box.x1:
                crossed.append(label.get_text().split("\n")[0])
                patch = label.get_bbox_patch()
                assert patch is not None and patch.get_facecolor()[:3] == (1, 1, 1) and patch.get_alpha() in (None, 1), label.get_text()
                assert label.get_zorder() > mark.get_zorder()
    assert {"s17 notice", "extension estimate"} <= set(crossed)  # the two the review saw crossed
    matplotlib.pyplot.close(fig)


def test_the_blue_list_chart_has_one_legend_for_both_panels():
    """The true and false panels share their marks (1 pass, 10 passes, as printed): one legend for the
    figure, three entries, not one per panel. Rows: the five of 01.FOI.23.030730, 100% true and 0% false."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots

    plots.setup()
    blue = pd.DataFrame({"true_alert_rate": [1.0] * 5, "false_alert_rate": [0.0] * 5})
    fig, axes = plots.blue_list_chart(blue, [f"row {i}" for i in range(1, 6)], 0.95)
    assert all(ax.get_legend() is None for ax in axes)
    assert len(fig.legends) == 1
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "exact 95% interval if the rate rested on 1 pass", "exact 95% interval if the rate rested on 10 passes",
        "rate as printed"]
    matplotlib.pyplot.close(fig)


def test_the_yearly_chart_counts_the_deployments_its_rates_rest_on():
    """2020 in the 2020-22 grid: 3 deployments, one stopped by a technical fault (Oxford Circus 21/02/20,
    n/a), so its rate rests on 2: the year's label and the alt text say '2 of 3'; 2022's 6 print all."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots

    plots.setup()
    years = pd.DataFrame({"year": [2020, 2021, 2022], "deployments": [3, 0, 6], "counted": [2, 0, 6],
                          "faces_seen": [13_200, None, 144_366], "false_alerts": [7, None, 3],
                          "rate": [7 / 13_200, None, 3 / 144_366], "lower": [2e-4, None, 4e-6], "upper": [1e-3, None, 6e-5],
                          "adj_lower": [6e-5, None, 4e-6], "adj_upper": [2e-3, None, 6e-5]})
    fig, ax = plots.yearly_chart(years, 0.95)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0].startswith("2020\nn = 2 of 3\n") and labels[2].startswith("2022\nn = 6\n")
    alt = plots.yearly_alt(years)
    # each rate with the exact interval given above (2e-4 to 1e-3; 4e-6 to 6e-5), at the default 95%
    assert alt.startswith("False alerts per face seen by year, with exact 95% intervals: ")
    # below 0.1% each figure says its 1 in N: 1 / 0.00053 = 1,886 -> 1,900; 1 / 0.00020 = 5,000
    assert "2020: 0.053% (1 in 1,900), interval 0.020% (1 in 5,000) to 0.10%, over 2 of 3 deployments" in alt
    # 1 / 0.000021 = 47,619 -> 48,000; 1 / 4e-6 = 250,000; 1 / 6e-5 = 16,667 -> 17,000
    assert ("2022: 0.0021% (1 in 48,000), interval 0.00040% (1 in 250,000) to 0.0060% (1 in 17,000), "
            "over 6 deployments") in alt
    assert plots.yearly_alt(years, 0.99).startswith("False alerts per face seen by year, with exact 99% intervals: ")
    matplotlib.pyplot.close(fig)


def test_the_threshold_chart_says_its_intervals_and_their_level():
    """The threshold chart's legend names the intervals' level, and its alt text gives each rate with its
    exact interval: a reader of the alt text gets the uncertainty the chart draws."""
    import matplotlib
    import pandas as pd
    from foi_analysis.analysis import plots

    plots.setup()
    # invented pooled row: 25 false alerts in 491,246 faces; the intervals are typed here, not computed
    table = pd.DataFrame({"threshold": [0.6], "deployments": [112], "false_alerts": [25], "faces_seen": [491_246],
                          "rate": [25 / 491_246], "lower": [3.3e-5], "upper": [7.5e-5],
                          "adj_lower": [2.6e-5], "adj_upper": [8.9e-5]})
    dep = pd.DataFrame({"threshold": [0.6], "source_file": ["invented-grid.pdf"]})
    fig, alt = plots.threshold_chart(table, dep, 0.99)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    matplotlib.pyplot.close(fig)
    assert "exact 99% interval (faces independent)" in legend
    # 25 / 491,246 = 0.0050891% -> 0.0051%
    assert alt == ("False alerts per face seen by threshold setting, with exact 99% intervals: "
                   "0.6: 25 in 491,246 faces: 0.0051% (1 in 20,000), interval 0.0033% (1 in 30,000) to 0.0075% (1 in 13,000).")
