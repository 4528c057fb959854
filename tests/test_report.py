"""`foi-analysis report`: the real notebooks on the test corpus, a failing notebook, and the pieces.

The report runs on a build of tests/fixtures/corpus (the frozen seed records and two grids) in a
scratch root (FOI_ANALYSIS_ROOT), never on data/raw. Expected findings are recomputed here by hand
from that build's CSVs with plain pandas (never by calling foi_analysis.findings), with the
arithmetic written beside them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from scipy.stats import beta
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from foi_analysis import cli, config
from foi_analysis.report import kernel, run as report

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PROCESSED = config.PROCESSED  # replaced by the corpus build in real_run
LOG = ""  # real_run's stderr


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(PROCESSED / f"{name}.csv", dtype=str, keep_default_na=False)


def run_cli(*argv: str) -> int:
    return cli.main(["report", *argv])


def corpus_report(root: Path, *argv: str) -> subprocess.CompletedProcess:
    """Build the test corpus under ``root`` and run the report there, as a user would (a new process
    whose FOI_ANALYSIS_ROOT is the scratch root; the notebooks are the repository's)."""
    if not (root / "data" / "raw").exists():
        shutil.copytree(CORPUS / "data" / "raw", root / "data" / "raw")
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root), PYDEVD_DISABLE_FILE_VALIDATION="1")
    return subprocess.run([sys.executable, "-m", "foi_analysis.cli", "report", "--notebooks-dir", str(config.NOTEBOOKS),
                           "--reports-dir", str(root / "reports"), "--run-id", "test-run", "--jobs", "2", *argv],
                          env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def real_run(tmp_path_factory):
    global PROCESSED, LOG
    root = tmp_path_factory.mktemp("root")
    result = corpus_report(root)
    PROCESSED, LOG = root / "data" / "processed", result.stderr
    return result.returncode, root / "reports" / "test-run"


def test_real_run_succeeds_and_writes_every_notebook(real_run):
    code, folder = real_run
    notebooks = sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert code == 0
    assert sorted(p.stem for p in folder.glob("*.ipynb")) == notebooks
    assert sorted(p.stem for p in folder.glob("*.html") if p.name != "index.html") == notebooks
    assert not list(folder.parent.glob(".test-run.*")), "the staging folder was left behind"


def test_the_pages_and_findings_name_no_one(real_run):
    # The corpus-wide personal-data guard (tests/test_personal_data.py) on the report of the test corpus.
    from test_personal_data import names_in_file

    _, folder = real_run
    pages = sorted(folder.glob("*.html")) + [folder / "findings.json"]
    assert (folder / "findings.json").exists() and len(pages) > 2
    found = [hit for page in pages for hit in names_in_file(page, f"<report>/{page.name}")]
    assert found == [], "a person's name in the report:\n" + "\n".join(found)


def test_the_kernels_are_encrypted_so_the_log_has_no_transport_warning(real_run):
    # ipykernel warns once per kernel when its messages cross TCP unencrypted (kernel.manager_class).
    assert real_run[0] == 0 and "without encryption" not in LOG


def test_the_log_has_no_false_keyboardinterrupt_error(real_run):
    # Each kernel is interrupted before it is shut down (report/kernelapp.py); before kernelapp.py this
    # report's log held "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel." in 2 of 3 runs.
    assert real_run[0] == 0 and "KeyboardInterrupt caught in kernel" not in LOG


def test_the_notebooks_with_the_most_code_start_first(real_run):
    # Two at a time: the notebook with the most code cells is among the first two started, the one
    # with the fewest starts last (so the longest does not run alone at the end).
    cells = {p.stem: sum(c["cell_type"] == "code" for c in json.loads(p.read_text())["cells"])
             for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    started = re.findall(r"^(\w+): running$", LOG, flags=re.M)
    assert sorted(started) == sorted(cells)
    assert max(cells, key=cells.get) in started[:2]
    assert cells[started[-1]] == min(cells.values())


def test_without_the_kernels_server_the_findings_and_pages_are_the_same(real_run):
    # FOI_ANALYSIS_FORKSERVER=off: ordinary kernels, and findings.json computed in the report's own
    # process instead of a process forked from the server; the same bytes either way.
    _, folder = real_run
    root = folder.parent.parent
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root), PYDEVD_DISABLE_FILE_VALIDATION="1", FOI_ANALYSIS_FORKSERVER="off")
    done = subprocess.run([sys.executable, "-m", "foi_analysis.cli", "report", "--notebooks-dir", str(config.NOTEBOOKS),
                           "--reports-dir", str(root / "reports"), "--run-id", "test-off", "--no-build",
                           "--notebook", "03_response_times"], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    off = folder.parent / "test-off"

    def findings(path):
        found = json.loads(path.read_text())
        for key in ("run_id", "generated", "git_uncommitted_changes"):
            found["provenance"].pop(key)
        return found

    def page(path):
        text = path.read_text(encoding="utf-8").replace(path.parent.name, "RUN")
        return re.sub(r'id="cell-id=[0-9a-f-]+"', "", text)

    def headlines_and_quality(path):
        text = page(path)
        return text[text.index("<h2>Headline"):text.index("<h2>Pages")]

    assert findings(off / "findings.json") == findings(folder / "findings.json")
    assert page(off / "03_response_times.html") == page(folder / "03_response_times.html")
    assert headlines_and_quality(off / "index.html") == headlines_and_quality(folder / "index.html")


def test_executed_notebooks_hold_charts(real_run):
    _, folder = real_run
    for path in folder.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        pngs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                if "image/png" in o.get("data", {})]
        assert pngs, f"{path.name} has no image/png output (a non-inline backend drops figures)"
        assert nb.metadata["kernelspec"]["name"] == kernel.NAME


def test_html_pages_show_outputs_but_no_code(real_run):
    _, folder = real_run
    for page in folder.glob("[0-9][0-9]_*.html"):
        text = page.read_text(encoding="utf-8")
        body = text[text.index("<body"):]
        assert "data:image/png;base64," in body, page.name
        # outputs only: no code, no highlighted source, no prompts
        assert 'class="input' not in body and 'class="highlight' not in body, page.name
        assert "In&nbsp;[" not in body and "Out[" not in body, page.name
        assert "from foi_analysis import" not in body, page.name
        # no console text and no raw missing-value markers in what a reader sees
        assert "<pre>" not in body and "output_stream" not in body, page.name
        visible = re.sub(r'data:image/png;base64,[^"]+', "", body)
        for marker in ("NaT", "&lt;NA&gt;", ">nan<", ">NaN<", "e-0"):
            assert marker not in visible, (page.name, marker)


def test_pages_write_dates_one_way(real_run):
    """A reader in the UK sees "8 January 2025" (or "8 Jan 2025" in a table or on a chart), never
    2025-01-08 or 08/01/2025; findings.json keeps ISO dates for machines."""
    _, folder = real_run
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        visible = _visible(re.sub(r'<dl class="provenance">.*?</dl>', "", text, flags=re.S))  # ids and digests
        visible = re.sub(r"https://\S+", "", visible)  # addresses are as published
        for pattern in (r"\b\d{4}-\d{2}-\d{2}\b", r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"):
            assert not re.search(pattern, visible), (page.name, re.search(pattern, visible)[0])
    index = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
    generated = json.loads((folder / "findings.json").read_text())["provenance"]["generated"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", generated)  # findings.json: for machines
    day = dt.datetime.strptime(generated[:10], "%Y-%m-%d")
    assert f"{day.day} {day:%B %Y}, {generated[11:]}" in index


def test_pages_are_self_contained_and_charts_have_alt_text(real_run):
    _, folder = real_run
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        # nothing is loaded from elsewhere: no script at all, no external stylesheet, font or image
        assert "<script" not in text and "<link" not in text and "@import" not in text, page.name
        assert not re.search(r'src="(https?:)?//', text), page.name
        for img in re.findall(r"<img[^>]*>", text):
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and len(alt.group(1)) > 30 and "Figure" not in alt.group(1), (page.name, img[:80])
            assert any(ch.isdigit() for ch in alt.group(1)), alt.group(1)  # it states a finding


def test_index_opens_with_headlines_coverage_quality_and_provenance(real_run):
    _, folder = real_run
    index = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
    headline = index[index.index("Headline figures"):index.index("<h2>Data quality")]
    # the strongest finding: 25 false alerts in 491,246 faces at 0.6, 0 in 721,305 at 0.64 (2023-24 grid)
    assert "<strong>25</strong>" in headline and "<strong>491,246</strong>" in headline
    assert "<strong>0</strong> false alerts in <strong>721,305</strong>" in headline
    # period covered: first and last deployment dates of the two grids; the grids end before today
    assert "11 February 2020" in index and "20 December 2024" in index and "later grids" in index
    assert "rejected nothing" in index
    # every page read on its own says what the build left out, "nothing" too, in the banner above its title
    for page in sorted(folder.glob("[0-9][0-9]_*.html")):
        text = page.read_text(encoding="utf-8")
        banner = text.split('<section class="banner"', 1)[1].split("</section>", 1)[0]
        assert "rejected nothing" in banner, page.name
    found = json.loads((folder / "findings.json").read_text())
    # the digest, recomputed here: SHA-256 over each raw file's relative path, a NUL, its own SHA-256
    raw = folder.parent.parent / "data" / "raw"
    total = hashlib.sha256()
    for rel in sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()):
        total.update(rel.encode() + b"\0" + hashlib.sha256((raw / rel).read_bytes()).digest())
    assert found["provenance"]["raw_data_sha256"] == total.hexdigest()
    assert found["provenance"]["raw_data_sha256"] in index
    assert "parameters" in index and "package version" in index


def test_index_lists_each_notebook_with_status_and_parameters(real_run):
    _, folder = real_run
    index = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
    for path in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"):
        row = re.search(rf'<tr class="(\w+)">.*?<small>{path.stem}</small>.*?</tr>', index)
        assert row, f"{path.stem} missing from index.html"
        assert row.group(1) == "ok"
        assert f'href="{path.stem}.html"' in row.group(0) and f'href="{path.name}"' in row.group(0)
        assert "all authorities, the whole period, 95% intervals" in row.group(0)  # the parameters in words
    # Offline: every link that is not a cited source on the web opens a file of the report folder.
    local = [h for h in re.findall(r'href="([^"]+)"', index) if not h.startswith("https://")]
    assert local and all((folder / h).is_file() for h in local), local


def test_findings_json_matches_a_hand_computation_from_the_tables(real_run):
    _, folder = real_run
    found = json.loads((folder / "findings.json").read_text())
    assert found["parameters"] == {"authority": "", "start": "", "end": "", "confidence": 0.95}

    blue = _csv("blue_list")
    b = found["blue_list"]
    assert b["rows"] == len(blue) == 5
    assert b["dates"] == blue["deployment_date"].nunique() == 3
    assert b["rows_true_100"] == (blue["true_alert_rate"].astype(float) == 1).sum()
    assert b["rows_with_passes"] == (blue["n_tests"] != "").sum() == 0
    # exact 95% interval for 1 of 1: lower = alpha/2 = 0.025; for 0 of 1: upper = 1 - 0.025
    assert b["one_pass_true_lower"] == pytest.approx(0.025)
    assert b["one_pass_false_upper"] == pytest.approx(0.975)
    # 5 of 5: lower = 0.025 ** (1/5) = 0.4782
    assert b["pooled_true_lower"] == pytest.approx(0.025 ** (1 / len(blue)))
    # 0.025 ** (1/n) >= 0.9  <=>  n >= ln 0.025 / ln 0.9 = 35.01
    assert b["passes_needed_for_90"] == math.ceil(math.log(0.025) / math.log(0.9)) == 36

    ex = _csv("exemptions")
    relied = ex.loc[ex["stage"].isin(["response", "internal_review"])]
    pairs = relied.drop_duplicates(["reference", "section"])
    per_section = pairs["section"].value_counts()
    e = found["exemptions"]
    assert e["requests"] == len(_csv("requests"))
    assert e["sections_by_requests"] == {s: int(n) for s, n in per_section.items()}
    assert e["most_cited_section"] == per_section.idxmax() == "31"
    assert e["most_cited_requests"] == per_section.max() == 4
    kind = np.select([pairs["procedural"] == "True", pairs["absolute"] == "True"], ["procedural", "absolute"],
                     "qualified")
    kinds = pd.Series(kind).value_counts()
    assert e["pairs_by_kind"] == {k: int(n) for k, n in kinds.items()}
    assert e["ncnd_references"] == sorted(relied.loc[relied["ncnd"] == "True", "reference"].unique())
    assert e["ncnd_citations"] == ["24(2)", "31(3)"]

    joined = _csv("blue_list_deployments")
    matched = joined.loc[joined["deployment_id"] != ""]
    assert b["dates_with_deployments"] == matched["deployment_date"].nunique() == 3
    assert b["deployments_on_blue_dates"] == matched["deployment_id"].nunique() == 5
    assert b["rows_by_match"] == joined.drop_duplicates(["reference", "row"])["match"].value_counts().to_dict()
    assert [m["deployment_id"] for m in b["deployments_without_result"]] == _csv("blue_list_missing")["deployment_id"].tolist()

    dep = _csv("deployments")
    both = dep.loc[(dep["false_alerts"] != "") & (dep["faces_seen"] != "")]
    false, faces, alerts = (both[c].astype(int).sum() for c in ("false_alerts", "faces_seen", "total_alerts"))
    d = found["deployments"]
    assert d["deployments"] == len(dep) == 212
    assert d["with_results"] == (dep["status"] == "ok").sum()
    assert (d["false_alerts"], d["faces_seen"], d["total_alerts"]) == (false, faces, alerts)
    assert d["false_alert_rate"] == pytest.approx(false / faces)
    # Clopper-Pearson by its definition: the alpha/2 and 1 - alpha/2 quantiles of Beta(k, n-k+1) / Beta(k+1, n-k)
    assert d["false_alert_rate_lower"] == pytest.approx(beta.ppf(0.025, false, faces - false + 1))
    assert d["false_alert_rate_upper"] == pytest.approx(beta.ppf(0.975, false + 1, faces - false))
    assert d["false_share"] == pytest.approx(false / alerts)
    year = both["date"].str[:4]
    per_year = both.assign(year=year)[["year", "false_alerts", "faces_seen"]].astype({"false_alerts": int, "faces_seen": int})
    per_year = per_year.groupby("year").sum()
    assert {y["period"]: (y["false_alerts"], y["faces_seen"]) for y in d["by_year"]} == {
        y: (int(r.false_alerts), int(r.faces_seen)) for y, r in per_year.iterrows()}
    assert {y["period"]: y["rate"] for y in d["by_year"]} == pytest.approx(
        (per_year["false_alerts"] / per_year["faces_seen"]).to_dict())
    assert d["arrests"] == dep.loc[dep["arrests"] != "", "arrests"].astype(int).sum()
    # threshold changes in printed order (file, page, row): 0.6 -> 0.62 -> 0.64 in the 2023-24 grid
    printed = dep.loc[dep["threshold"] != ""].astype({"page": int, "row": int}).sort_values(["source_file", "page", "row"])
    steps = printed["threshold"].astype(float)
    changed = printed.loc[steps.ne(steps.shift()) & steps.shift().notna()]
    assert [(c["to"], c["location"]) for c in d["threshold_changes"]] == list(
        zip(changed["threshold"].astype(float), changed["location"]))
    assert [c["to"] for c in d["threshold_changes"]] == [0.62, 0.64]

    rt = _csv("response_times")
    dated = rt.loc[rt["date_received"] != ""]
    r = found["response_times"]
    assert r["requests"] == len(rt)
    assert r["dated"] == len(dated) == 1
    assert r["s17_in_time"] == (dated["s17_in_time"] == "True").sum()
    assert r["response_date_printed"] == (rt["date_responded"] != "").sum()
    assert [t["reference"] for t in r["timelines"]] == dated["reference"].tolist()
    assert r["timelines"][0]["s17_notice_wd"] == int(dated["s17_notice_wd"].iloc[0])


PAGE_OF_SECTION = {"blue_list": "01", "exemptions": "02", "response_times": "03", "deployments": "04",
                   "grid_analyses": "04", "reference_comparison": "04", "coverage": "04"}


def _visible(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def test_notebooks_print_the_findings_in_the_json(real_run):
    """The sentences in each page are built from the same numbers as findings.json."""
    from foi_analysis.analysis import findings

    _, folder = real_run
    found = json.loads((folder / "findings.json").read_text())
    pages = {p.stem[:2]: _visible(p.read_text(encoding="utf-8")) for p in folder.glob("[0-9][0-9]_*.html")}
    for section in findings.SECTIONS:
        for sentence in findings.describe(section, found[section]):
            # a link reads as its text (a source named by its site: "(source: theregister.com)")
            linked = re.sub(r"\[([^\]]+)\]\(<[^>]*>\)", r"\1", sentence)
            plain = " ".join(linked.replace("**", "").replace("`", "").split())
            assert plain in pages["00"], (section, plain)
            if section in PAGE_OF_SECTION:
                assert plain in pages[PAGE_OF_SECTION[section]], (section, plain)


def test_a_report_on_a_build_that_rejected_a_record_says_so(tmp_path):
    """Issue 10 item 4: the report still runs, and the index, the summary and findings.json say how many
    values were rejected, from which file and why, and the build's status."""
    shutil.copytree(CORPUS / "data" / "raw", tmp_path / "data" / "raw")
    (tmp_path / "data" / "raw" / "disclosures" / "zz-broken.yaml").write_text("reference: [unclosed\n")
    result = corpus_report(tmp_path, "--notebook", "00_summary")
    folder = tmp_path / "reports" / "test-run"
    assert result.returncode == 1  # the build rejected a value: the run says so in its exit status
    found = json.loads((folder / "findings.json").read_text())
    quality = found["data_quality"]
    assert quality["rejected"] >= 1 and quality["build_exit_status"] == 1
    assert [f for f in quality["by_file"] if "zz-broken.yaml" in f] == list(quality["by_file"])
    assert found["coverage"]["disclosures"] == 5  # every valid record still counted
    assert quality["files_set_aside"] == ["disclosures/zz-broken.yaml"]  # not YAML: none of it is counted
    rejected = f"the build rejected {quality['rejected']} value{'' if quality['rejected'] == 1 else 's'}"
    for page in ("index.html", "00_summary.html"):
        text = _visible((folder / page).read_text(encoding="utf-8"))
        assert rejected in text, page
        assert "1 file was set aside whole, so none of its figures are counted (disclosures/zz-broken.yaml)" in text, page
    # The index's banner says it in a paragraph of its own, not run on into the coverage list above it.
    index = (folder / "index.html").read_text(encoding="utf-8")
    banner = index.split('<section class="banner warn"', 1)[1].split("</section>", 1)[0]
    assert "<p><strong>Data quality</strong>" in banner, banner


def test_notebooks_survive_a_grid_without_a_false_alert_column(tmp_path):
    """Issue 11 item 5: a grid that prints no false alerts (nor faces seen): the pages say so instead of failing."""
    from foi_analysis import build

    shutil.copytree(CORPUS / "data" / "raw", tmp_path / "data" / "raw")
    processed = tmp_path / "data" / "processed"
    build.build(tmp_path / "data" / "raw", processed)
    dep = pd.read_csv(processed / "deployments.csv", dtype=str, keep_default_na=False)
    dep[["false_alerts", "false_alerts_confirmed", "false_alerts_unconfirmed", "false_alert_rate", "faces_seen"]] = ""
    dep.to_csv(processed / "deployments.csv", index=False, lineterminator="\n")
    result = corpus_report(tmp_path, "--no-build", "--notebook", "04_deployments", "--notebook", "00_summary")
    assert result.returncode == 0, result.stderr[-2000:]
    page = _visible((tmp_path / "reports" / "test-run" / "04_deployments.html").read_text(encoding="utf-8"))
    assert "not printed by that grid" in page


# --- a failing notebook --------------------------------------------------------------------------

def _notebook(path, *sources):
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    params = new_code_cell('label = "fixture"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell(f"# {path.stem}"), params, *(new_code_cell(s) for s in sources)]
    nbformat.write(nb, path)


def test_a_failing_notebook_is_kept_marked_and_fails_the_run(tmp_path, capsys):
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(notebooks / "01_first.ipynb", "print('first', label)")
    _notebook(notebooks / "02_breaks.ipynb", "print('before')", "raise ValueError('deliberate failure')", "print('never')")
    _notebook(notebooks / "03_after.ipynb", "print('after', label)")

    code = run_cli("--notebooks-dir", str(notebooks), "--reports-dir", str(reports), "--run-id", "r1",
                   "--no-build", "-p", "label", "changed")
    folder = reports / "r1"
    assert code != 0
    index = html.unescape((folder / "index.html").read_text())
    assert re.search(r'<tr class="failed">.*?02_breaks.*?ValueError: deliberate failure', index)
    assert len(re.findall(r'<tr class="ok">', index)) == 2  # the notebook after it still ran

    kept = nbformat.read(folder / "02_breaks.ipynb", as_version=4)
    outputs = [o for c in kept.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any(o.output_type == "error" and o.ename == "ValueError" for o in outputs)
    assert (folder / "02_breaks.html").exists()
    after = nbformat.read(folder / "03_after.ipynb", as_version=4)
    printed = [o.text for c in after.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if o.output_type == "stream"]
    assert printed == ["after changed\n"]  # the -p value reached the notebook
    assert "02_breaks: failed" in capsys.readouterr().err


# --- the pieces ----------------------------------------------------------------------------------

def test_report_rebuilds_stale_tables_before_running(tmp_path, monkeypatch):
    from foi_analysis import build

    calls = []
    monkeypatch.setattr(build, "main", lambda: calls.append("build") or 0)
    monkeypatch.setattr(report, "run", lambda *a, **k: (tmp_path, [], True))
    monkeypatch.setattr(report.config, "RAW", tmp_path / "raw")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "x.yaml").write_text("x: 1\n")
    args = ["--reports-dir", str(tmp_path / "reports"), "--run-id", "r"]
    assert run_cli("--check", *args) == 1  # --check only says a rebuild is due
    assert calls == []
    assert run_cli(*args) == 0
    assert calls == ["build"]  # no manifest yet: rebuilt
    assert run_cli("--check", *args) == 0
    assert run_cli(*args) == 0
    assert calls == ["build"]  # manifest matches: not rebuilt
    (tmp_path / "raw" / "x.yaml").write_text("x: 2\n")
    assert run_cli("--check", *args) == 1
    assert run_cli(*args) == 0
    assert calls == ["build", "build"]


def test_a_table_edited_by_hand_makes_a_rebuild_due(tmp_path, monkeypatch):
    # A hand-edited or damaged table must not reach a report: the build writes it again from data/raw.
    from foi_analysis import build

    calls = []
    processed = tmp_path / "processed"
    monkeypatch.setattr(build, "main", lambda: calls.append("build") or 0)
    monkeypatch.setattr(report, "run", lambda *a, **k: (tmp_path, [], True))
    monkeypatch.setattr(report.config, "RAW", tmp_path / "raw")
    monkeypatch.setattr(report.config, "PROCESSED", processed)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "x.yaml").write_text("x: 1\n")
    processed.mkdir()
    (processed / "events.csv").write_text("reference,event\nA,received\n")
    args = ["--reports-dir", str(tmp_path / "reports"), "--run-id", "r"]
    assert run_cli(*args) == 0 and calls == ["build"]  # no manifest yet
    assert run_cli("--check", *args) == 0
    (processed / "events.csv").write_text("garbage,\"\n")
    assert run_cli("--check", *args) == 1
    assert run_cli(*args) == 0 and calls == ["build", "build"]
    (processed / "events.csv").unlink()
    assert run_cli("--check", *args) == 1  # a table deleted


def test_the_tables_a_rebuild_writes_are_not_taken_for_a_change(tmp_path, monkeypatch):
    # The state saved is the one after the build: its own writes must not make the next run rebuild.
    from foi_analysis import build

    calls = []
    processed = tmp_path / "processed"

    def fake_build():
        calls.append("build")
        (processed / "events.csv").write_text(f"reference,event\nA,received {len(calls)}\n")
        return 0

    monkeypatch.setattr(build, "main", fake_build)
    monkeypatch.setattr(report, "run", lambda *a, **k: (tmp_path, [], True))
    monkeypatch.setattr(report.config, "RAW", tmp_path / "raw")
    monkeypatch.setattr(report.config, "PROCESSED", processed)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "x.yaml").write_text("x: 1\n")
    processed.mkdir()
    args = ["--reports-dir", str(tmp_path / "reports"), "--run-id", "r"]
    assert run_cli(*args) == 0 and calls == ["build"]
    assert run_cli("--check", *args) == 0
    assert run_cli(*args) == 0 and calls == ["build"]


def test_parameters_take_the_type_of_the_notebook_default(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    _notebook(nb)
    doc = nbformat.read(nb, as_version=4)
    doc.cells[1].source = 'start = ""\nconfidence = 0.95\nmax_passes = 60\nshow = True'
    nbformat.write(doc, nb)
    got = report.resolve_parameters([nb], [("start", "2023"), ("confidence", "0.9"), ("max_passes", "10"),
                                           ("show", "false")])
    assert got == {"01_x": {"start": "2023", "confidence": 0.9, "max_passes": 10, "show": False}}
    with pytest.raises(SystemExit, match="unknown parameter"):
        report.resolve_parameters([nb], [("confidnece", "0.9")])
    with pytest.raises(SystemExit, match="confidence: 'high' is not a float"):
        report.resolve_parameters([nb], [("confidence", "high")])


def test_notebook_choice_and_run_id_collisions(tmp_path):
    for stem in ("01_a", "02_b"):
        _notebook(tmp_path / f"{stem}.ipynb")
    assert [p.stem for p in report.select_notebooks(tmp_path, ["02_b"])] == ["02_b"]
    assert [p.stem for p in report.select_notebooks(tmp_path, ["01_a.ipynb"])] == ["01_a"]
    with pytest.raises(SystemExit, match="no notebook named 03_c"):
        report.select_notebooks(tmp_path, ["03_c"])
    for bad in ("../up", ".hidden", "a/b"):
        with pytest.raises(SystemExit, match="plain folder name"):
            report.run([], {}, {}, tmp_path, bad)
    (tmp_path / "taken").mkdir()
    with pytest.raises(SystemExit, match="already exists"):
        report.run([], {}, {}, tmp_path, "taken")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d{4}Z", report.default_run_id(tmp_path))
    when = dt.datetime(2026, 11, 21, 23, 30, 59, tzinfo=dt.timezone.utc)
    assert report.default_run_id(tmp_path, when) == "2026-11-21T2330Z"
    (tmp_path / "2026-11-21T2330Z").mkdir()
    assert report.default_run_id(tmp_path, when) == "2026-11-21T2330Z-2"


def test_notebook_defaults_are_the_findings_defaults():
    """findings.json is computed with findings.DEFAULTS: the notebooks must start from the same values."""
    from foi_analysis.analysis import findings

    for path in sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        declared = report.notebook_parameters(path)
        assert {k: declared[k] for k in findings.DEFAULTS} == findings.DEFAULTS, path.name


def test_notebook_parameters_are_read_as_papermill_reads_them(tmp_path):
    """The report reads each notebook's parameters cell itself (papermill costs seconds to import
    before the rebuild decision); papermill's own reading of the same cell is the reference, on the
    project's notebooks and on a cell written the other ways a parameters cell may be."""
    import ast

    import nbformat
    import papermill

    other = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('# the run\nauthority: str = "Kent Police"  # whose\nstart = ""\n\nconfidence = 0.9\nyears = [2020, 2021]')
    cell.metadata["tags"] = ["parameters"]
    other.cells = [nbformat.v4.new_markdown_cell("# Title"), cell, nbformat.v4.new_code_cell("x = 1")]
    other.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(other, tmp_path / "99_other.ipynb")
    for path in [*sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")), tmp_path / "99_other.ipynb"]:
        declared = papermill.inspect_notebook(str(path))
        assert report.notebook_parameters(path) == {n: ast.literal_eval(s["default"]) for n, s in declared.items()}, path.name


def test_a_notebook_whose_kernel_never_started_is_run_once_more(tmp_path, monkeypatch):
    # Two kernels started side by side can pick the same free port; the one that loses dies before
    # its first reply and nothing is written. The notebook runs once more; a notebook that fails in
    # its own code (its output written) does not.
    import papermill

    from foi_analysis.report import run

    calls = []

    def kernel_dies_first(source, target, **kwargs):
        calls.append(target)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        Path(target).write_text("{}")

    monkeypatch.setattr(papermill, "execute_notebook", kernel_dies_first)
    status, error, _ = run.execute(tmp_path / "01_x.ipynb", tmp_path / "out.ipynb", {}, timeout=60)
    assert (status, error, len(calls)) == ("ok", "", 2)

    calls.clear()

    def fails_in_its_code(source, target, **kwargs):
        calls.append(target)
        Path(target).write_text("{}")
        raise RuntimeError("a cell failed")

    monkeypatch.setattr(papermill, "execute_notebook", fails_in_its_code)
    status, error, _ = run.execute(tmp_path / "01_x.ipynb", tmp_path / "out2.ipynb", {}, timeout=60)
    assert (status, error, len(calls)) == ("failed", "RuntimeError: a cell failed", 1)

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", lambda source, target, **kw: calls.append(1) or 1 / 0)
    status, error, _ = run.execute(tmp_path / "01_x.ipynb", tmp_path / "out3.ipynb", {}, timeout=60)
    assert (status, len(calls)) == ("failed", 2) and error.startswith("ZeroDivisionError")  # twice, then reported


@pytest.mark.parametrize("notices, said", [(1, "1 of the 1 dated request that had one."),
                                           (3, "2 of the 3 dated requests that had one.")])
def test_the_s17_sentence_agrees_with_its_count(notices, said):
    """'1 of the 1 dated requests' read wrongly: the noun follows the number of requests with a notice
    (the seed thread 2016090000813 is the one dated request with an s17 notice, on working day 18)."""
    from foi_analysis.analysis import findings

    numbers = {"requests": 5, "dated": 4, "response_date_printed": 0, "answered": 0, "answered_in_20wd": 0,
               "over_40wd": 0, "s17_notices": notices, "s17_in_time": 1 if notices == 1 else 2, "timelines": []}
    assert any(line.endswith(said) for line in findings.describe("response_times", numbers))


def test_a_notebooks_own_parameter_is_said_in_words():
    """The index said '95% intervals, max passes 60' (the parameter's code name): 01_blue_list's
    max_passes is the largest number of passes its chart draws."""
    from foi_analysis.report.html import describe_parameters

    said = describe_parameters({"authority": "", "start": "", "end": "", "confidence": 0.95, "max_passes": 60})
    assert said == "all authorities, the whole period, 95% intervals, charts up to 60 blue-list passes"
    assert describe_parameters({"confidence": 0.99, "new_knob": 3}) == "all authorities, the whole period, 99% intervals, new knob 3"


def test_the_index_headlines_open_with_what_the_grids_hold(real_run):
    """The count of deployments (the corpus grids: 9 + 203 = 212) comes before the rates drawn from them;
    it came after the published figures."""
    _, folder = real_run
    index = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
    headline = _visible(index[index.index("Headline figures"):index.index("<h2>Data quality")])
    first = headline.index("list 212 deployments")
    assert first < headline.index("The grids' false alert rates below") < headline.index("National Physical Laboratory")


# (With a notebook done: interrupted at its start, the report spoke one line before this fix too, and once in a
# grown copy at load ~10 it ended by the signal itself (-2) rather than with 130: not reproduced in 12 runs
# since, cause not found; docs/testing.md.)
def test_ctrl_c_during_a_report_ends_it_with_one_sentence_and_no_folder(tmp_path):
    # Ctrl-C reaches the report's whole process group: the report, its notebook workers, the kernels'
    # server, its forked children and the kernels. Only the report may speak (before: a worker waiting
    # for work printed a KeyboardInterrupt traceback, the server's findings child a BrokenPipeError).
    # The quick notebook has finished, so one worker waits for work while the other's kernel sleeps in a cell.
    import signal
    import threading
    import time

    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    # The notebook with the most code cells starts first: the quick one, then the worker it ran in waits.
    _notebook(notebooks / "01_long.ipynb", "import time", "time.sleep(120)")
    _notebook(notebooks / "02_quick.ipynb", "x = 1", "y = 2", "print(label)")
    root = tmp_path / "root"
    shutil.copytree(CORPUS / "data" / "raw", root / "data" / "raw")
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root), PYDEVD_DISABLE_FILE_VALIDATION="1")
    proc = subprocess.Popen([sys.executable, "-m", "foi_analysis.cli", "report", "--notebooks-dir", str(notebooks),
                             "--reports-dir", str(reports), "--run-id", "r1", "--jobs", "2", "--no-build"],
                            env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines, seen = [], threading.Event()
    wanted = "[1/2] 02_quick: ok"

    def read():
        for line in proc.stderr:
            lines.append(line)
            if line.startswith(wanted):
                seen.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert seen.wait(100), "".join(lines)
    time.sleep(1.0)  # the sleeping kernel is inside its cell, the quick notebook's worker idle
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(120) == 130
    reader.join(10)
    log = "".join(lines)
    assert log.rstrip().endswith("interrupted; no file is left half-written "
                                 "(what had finished is in place, the rest as the last run left it)"), log
    for noise in ("Traceback", "KeyboardInterrupt", "Exception ignored", "BrokenPipe", "Error"):
        assert noise not in log, log
    assert not reports.exists() or list(reports.iterdir()) == []  # neither the run nor its staging folder
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # every process of the group ends (kernels die with the server)
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("processes of the interrupted report are still running")
