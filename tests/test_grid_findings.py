"""The analyses the grids hold, pinned on the frozen test corpus (tests/fixtures/corpus: the five seed
records and the 2020-22 and 2023-24 grids), never on data/raw.

Every expected value is written here from the grids' printed values (counts made on the PDF pages,
the figures quoted in issue 12) and the arithmetic is done in the test with plain numpy/scipy.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import beta, binom

from foi_analysis import build, config
from foi_analysis.analysis import display, findings, grid_analyses, grid_findings

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
GRID_2023 = "met-lfr-grid-2023-to-2024.pdf"


@pytest.fixture(scope="module")
def found(corpus):
    """Every findings section on the test corpus (built once per session by tests/conftest.py)."""
    return findings.compute_all(authority="", start="", end="", confidence=0.95)


def exact(k, n):
    """Clopper-Pearson 95% by its definition (Beta quantiles); 0 events -> lower 0."""
    lower = 0.0 if k == 0 else beta.ppf(0.025, k, n - k + 1)
    return lower, beta.ppf(0.975, k + 1, n - k)


def test_false_alerts_by_threshold_setting(found):
    # 2023-24 grid, 'Min Threshold Setting' and 'False Alerts' / 'Faces seen' columns, summed by setting
    expected = {0.6: (112, 25, 491_246), 0.62: (10, 4, 16_589), 0.64: (81, 0, 721_305)}
    rows = {t["threshold"]: t for t in found["grid_analyses"]["by_threshold"]}
    assert set(rows) == set(expected)
    for threshold, (deployments, k, n) in expected.items():
        row = rows[threshold]
        assert (row["deployments"], row["false_alerts"], row["faces_seen"]) == (deployments, k, n)
        assert row["rate"] == pytest.approx(k / n)
        assert (row["lower"], row["upper"]) == pytest.approx(exact(k, n))
        assert GRID_2023 in row["cited"]
    # 0 in 721,305: the exact upper bound is 1 - 0.025**(1/721305) = 5.11e-6
    assert rows[0.64]["upper"] == pytest.approx(1 - 0.025 ** (1 / 721_305), rel=1e-6)


def test_false_alerts_by_purpose_in_2024(found):
    # 2024 rows of the 2023-24 grid: 56 'Crime Hotspot' deployments print 0 false alerts in 564,869 faces;
    # the other 123 (purpose codes 1,2,3,4) print 27 in 337,277.
    rows = {p["purpose"]: p for p in found["grid_analyses"]["by_purpose"] if p["year"] == 2024}
    hotspot = rows["crime hotspot"]
    other = next(p for name, p in rows.items() if name != "crime hotspot")
    assert (hotspot["deployments"], hotspot["false_alerts"], hotspot["faces_seen"]) == (56, 0, 564_869)
    assert (other["deployments"], other["false_alerts"], other["faces_seen"]) == (123, 27, 337_277)
    assert (other["lower"], other["upper"]) == pytest.approx(exact(27, 337_277))
    # confounding: every Crime Hotspot deployment ran at 0.64
    mix = [r for r in found["grid_analyses"]["threshold_purpose"] if r["purpose"] == "crime hotspot"]
    assert [(r["year"], r["threshold"], r["deployments"]) for r in mix] == [(2024, 0.64, 56)]


def test_pearson_dispersion_by_hand():
    # three deployments, 1, 0, 5 false alerts in 1000 faces each: p = 6/3000 = 0.002,
    # expected 2 each; X2 = (1 + 4 + 9) / (1000 * 0.002 * 0.998) = 14 / 1.996 = 7.014; df = 2 -> 3.507
    frame = pd.DataFrame({"false_alerts": pd.array([1, 0, 5], dtype="Int64"),
                          "faces_seen": pd.array([1000] * 3, dtype="Int64")})
    assert grid_analyses.dispersion(frame) == pytest.approx(14 / 1.996 / 2)
    # a group with no event has no spread to measure
    assert grid_analyses.dispersion(frame.assign(false_alerts=pd.array([0, 0, 0], dtype="Int64"))) is None


def test_yearly_rates_show_the_missing_year_and_the_dispersion(found):
    years = {y["year"]: y for y in found["grid_analyses"]["yearly"]}
    # 2020-22 grid: 2020 has 3 rows (one N/A), 2021 none, 2022 six
    assert sorted(years) == [2020, 2021, 2022, 2023, 2024]
    assert years[2021]["deployments"] == 0 and years[2021]["rate"] is None
    assert (years[2020]["deployments"], years[2020]["counted"]) == (3, 2)
    # 2020: Stratford 0 in 4,600 and Oxford Circus 7 in 8,600
    assert (years[2020]["false_alerts"], years[2020]["faces_seen"]) == (7, 13_200)
    k, n = np.array([0, 7]), np.array([4600, 8600])
    p = 7 / 13_200
    phi = ((k - n * p) ** 2 / (n * p * (1 - p))).sum() / 1
    assert years[2020]["dispersion"] == pytest.approx(phi)
    # the reading of 2024: Pearson dispersion 5.1
    assert years[2024]["dispersion"] == pytest.approx(5.1, abs=0.05)
    # the adjusted interval is the exact one on k/phi of n/phi, so it is wider
    lo, hi = beta.ppf(0.025, 7 / phi, (13_200 - 7) / phi + 1), beta.ppf(0.975, 7 / phi + 1, (13_200 - 7) / phi)
    assert (years[2020]["adj_lower"], years[2020]["adj_upper"]) == pytest.approx((lo, hi))
    assert years[2020]["adj_upper"] > years[2020]["upper"]


def test_bootstrap_resamples_whole_deployments():
    k, n = np.array([0, 7]), np.array([4600, 8600])
    low, high = grid_analyses.bootstrap_interval(k, n)
    # the resampled pooled rates can only be 0/4600, 7/17200, 7/8600 (two picks of two deployments)
    assert {low, high} <= {0.0, 7 / 17_200, 7 / 8600}
    assert grid_analyses.bootstrap_interval(k, n) == (low, high)  # fixed seed


def test_funnel_flags_oxford_circus_2020(found):
    fn = found["grid_analyses"]["funnel"]
    # pooled over the 211 deployments with figures: 39 false alerts in 1,386,706 faces (both grids)
    assert fn["deployments"] == 211
    assert fn["pooled_rate"] == pytest.approx(39 / 1_386_706)
    # Oxford Circus 27/02/20: 7 false alerts in 8,600 faces; the 99.8% limit there allows only
    assert binom.ppf(0.999, 8600, 39 / 1_386_706) < 7
    assert any(a["date"] == "2020-02-27" and a["false_alerts"] == 7 for a in fn["above_list"])
    assert fn["above_0.998"] == len(fn["above_list"]) <= fn["above_0.95"]


def test_engagements_after_false_and_true_alerts(found):
    # 2020-22 grid, 8 rows with results (Stratford, Oxford Circus x5, Leicester Sq, Piccadilly Circus):
    # false alerts 0+7+1+0+0+1+1+0 = 10, engaged 0+5+1+0+0+1+1+0 = 8
    # true alerts  0+1+10+0+4+2+0+1 = 18, engaged 0+1+7+0+3+2+0+0 = 13
    e = found["grid_analyses"]["engagements"]
    assert (e["false"]["deployments"], e["false"]["alerts"], e["false"]["engaged"]) == (8, 10, 8)
    assert (e["true"]["deployments"], e["true"]["alerts"], e["true"]["engaged"]) == (8, 18, 13)


def test_arrests_hours_and_watchlists_per_year(found):
    out = {o["year"]: o for o in found["grid_analyses"]["outcomes_by_year"]}
    # 'Arrest' column of the 2023-24 grid: 2023 sums to 37 over 24 rows, 2024 to 572 over 179
    assert (out[2023]["arrests"], out[2023]["arrests_n"]) == (37, 24)
    assert (out[2024]["arrests"], out[2024]["arrests_n"]) == (572, 179)
    assert out[2024]["arrests_per_deployment"] == pytest.approx(572 / 179)
    # the 2020-22 layout prints no arrest column and no duration: not 0, not printed
    assert out[2020]["arrests"] is None and out[2020]["hours"] is None
    # watchlists in 2020: Stratford 5,816, Oxford Circus 7,316 and 7,292 -> median 7,292
    assert (out[2020]["watchlist_min"], out[2020]["watchlist_median"], out[2020]["watchlist_max"]) == (5816, 7292, 7316)
    # counts and sizes are written as whole numbers (7316, not 7316.0: a year without any made them floats)
    assert all(type(o[k]) is int for o in out.values() for k in ("watchlist_min", "watchlist_max", "arrests_or_disposals")
               if o[k] is not None)
    assert all(type(y["with_results"]) is int for y in found["grid_analyses"]["yearly"])


def test_a_year_without_deployments_has_no_outcomes_row(found):
    # The 2020-22 grid prints deployments dated 2020 and 2022 and none in 2021: the yearly counts say
    # 0 for 2021, and the outcomes table has no 2021 row (its cells would all read "not printed").
    yearly = {y["year"]: y for y in found["grid_analyses"]["yearly"]}
    assert yearly[2021]["deployments"] == 0
    years = [o["year"] for o in found["grid_analyses"]["outcomes_by_year"]]
    assert 2021 not in years and {2020, 2022, 2023, 2024} <= set(years)
    assert years == sorted(years)


def test_ties_are_reported_as_ties(found):
    g = found["grid_analyses"]
    # deployments per month in the 2023-24 grid: March, April, October and November 2024 each have 18
    assert g["busiest_months"] == {"deployments": 18, "months": ["2024-03", "2024-04", "2024-10", "2024-11"]}
    assert g["top_locations"][0] == {"location": "Westminster", "deployments": 23}
    counts = [t["deployments"] for t in g["top_locations"]]
    assert counts == sorted(counts, reverse=True) and len(counts) >= 5


def test_date_slip_sensitivity(found):
    g = found["grid_analyses"]
    # Dalston is printed 11/07/23 between rows of 28/06/24 and 11/07/24 (2023-24 grid, page 4)
    assert [(s["location"], s["date"], s["neighbour_year"]) for s in g["date_slips"]] == [("Dalston", "2023-07-11", 2024)]
    sens = {(r["variant"], r["year"]): r["deployments"] for r in g["date_slip_sensitivity"]}
    assert sens[("as printed", 2023)] == 24 and sens[("as printed", 2024)] == 179
    assert sens[("moved to the neighbours' year", 2023)] == 23 and sens[("moved to the neighbours' year", 2024)] == 180
    assert sens[("flagged rows left out", 2023)] == 23 and sens[("flagged rows left out", 2024)] == 179
    # each variant's rate comes with its exact interval (the page's table shows both)
    for r in g["date_slip_sensitivity"]:
        if r["faces_seen"]:
            assert (r["lower"], r["upper"]) == pytest.approx(exact(r["false_alerts"], r["faces_seen"]))


def test_reference_comparison_names_its_sources(found):
    figures = {f["figure"]: f for f in found["reference_comparison"]["figures"]}
    npl = figures["npl_fpir_0.6_10k"]
    # NPL 2023: FPIR 0.017% at 0.6 with a 10,000 watchlist ("1 in 6000")
    assert npl["value"] == pytest.approx(0.00017) and npl["watchlist_size"] == 10_000
    assert npl["source_url"].startswith("https://")
    assert (npl["grid"]["false_alerts"], npl["grid"]["faces_seen"]) == (25, 491_246)
    assert figures["npl_fp_0.64"]["events"] == 0 and figures["npl_fp_0.64"]["grid"]["false_alerts"] == 0
    met = figures["met_annual_2024_25_faces"]
    assert met["grid"]["first"] >= met["period_start"]
    assert all(f["source_url"].startswith("https://") for f in figures.values())
    # each sentence names the document a figure was read from, and where it was read
    sentences = findings.describe("reference_comparison", found["reference_comparison"])[1:]  # after the lead
    for f, sentence in zip(found["reference_comparison"]["figures"], sentences):
        assert f'"{f["document"]}"' in sentence and f["source_url"] in sentence, sentence


def test_coverage_and_data_quality_on_a_clean_build(found):
    cov = found["coverage"]
    # 2020-22 grid first row 11/02/20; 2023-24 grid last row 20/12/24; five seed records
    assert (cov["first"], cov["last"], cov["disclosures"]) == ("2020-02-11", "2024-12-20", 5)
    assert cov["ends_before_today"] is True
    assert found["data_quality"]["rejected"] == 0 and found["data_quality"]["status"] == "clean"
    text = " ".join(findings.describe("coverage", cov))
    assert "later grids" in text
    # each grid named as its document: the PDF's own title, and the day it was made (its metadata:
    # CreationDate D:20231120113959Z for 2020-22, D:20250111114837+00'00' for 2023-24)
    assert [(g["file"], g["title"], g["made"]) for g in cov["grids"]] == [
        ("met-lfr-grid-2020-2022.pdf", "LFR Deployment Grid", "2023-11-20"),
        ("met-lfr-grid-2023-to-2024.pdf", "LFR Deployment Grid", "2025-01-11")]
    assert ("from **11 February 2020** to **20 December 2024**, in 2 grids published by the Metropolitan Police "
            "Service: LFR Deployment Grid of 20 November 2023 (met-lfr-grid-2020-2022.pdf), 9 deployments from "
            "11 February 2020 to 28 July 2022;") in text
    # the FOI responses by authority: four of the seed records are the Met's, FOI 506 MOPAC's
    assert ("(Mayor's Office for Policing and Crime: FOI 506; Metropolitan Police Service: 01.FOI.21.022107, "
            "01.FOI.23.028881, 01.FOI.23.030730, 2016090000813)") in text


def test_chart_source_lines_name_the_documents(found):
    """A chart's source line names the grid editions (publisher, title, the day each was made) or the FOI
    responses (reference and authority), never a table or a code module."""
    import matplotlib.pyplot as plt

    from foi_analysis.analysis import plots, sources
    from foi_analysis.analysis.selection import Selection

    dep = Selection().deployments()
    fig, _ = plots.threshold_chart(grid_analyses.by_threshold(dep, 0.95), dep)
    line = next(t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("Source:"))
    plt.close(fig)
    # only the 2023-24 grid prints a threshold; its PDF was made on 11 January 2025
    assert line == "Source: Metropolitan Police Service, LFR Deployment Grid of 11 Jan 2025 (met-lfr-grid-2023-to-2024.pdf)"
    requests = Selection().requests()
    assert sources.responses(requests.loc[requests["reference"] == "FOI 506"]) == (
        "FOI response FOI 506 (Mayor's Office for Policing and Crime)")
    for notebook in sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        for call in re.findall(r"plots\.(?:figure_)?source\((.*)", text):
            assert "sources." in call or "computed" in call, (notebook.name, call)
            assert "foi_analysis" not in call and "table" not in call, (notebook.name, call)


def test_grids_are_named_from_the_built_editions_table_not_the_pdfs(corpus, tmp_path, monkeypatch):
    """The source lines and the coverage take each grid's title and day from data/processed
    (grid_editions), never from the PDFs: with the PDFs gone and the table edited by hand, they say
    what the table says; a grid the table lacks, or one with no title and day, is named by its file."""
    from foi_analysis.analysis import sources

    processed = tmp_path / "processed"
    shutil.copytree(config.PROCESSED, processed)
    (processed / "grid_editions.csv").write_text(
        "source_file,title,edition_date,pages,deployments,deployments_superseded\n"
        "met-lfr-grid-2020-2022.pdf,Grid as edited,2023-11-21,2,9,0\n"
        "met-lfr-grid-2023-to-2024.pdf,,,10,203,0\n", encoding="utf-8")
    monkeypatch.setattr(config, "PROCESSED", processed)
    monkeypatch.setattr(config, "RAW_GRIDS", tmp_path / "no-grids-here")
    assert sources.grids(["met-lfr-grid-2023-to-2024.pdf", "met-lfr-grid-2020-2022.pdf", "other.pdf"]) == (
        "Metropolitan Police Service, Grid as edited of 21 Nov 2023 (met-lfr-grid-2020-2022.pdf), "
        "LFR Deployment Grid (met-lfr-grid-2023-to-2024.pdf), LFR Deployment Grid (other.pdf)")
    cov = findings.compute_all(authority="", start="", end="", confidence=0.95)["coverage"]
    assert [(g["file"], g["title"], g["made"]) for g in cov["grids"]] == [
        ("met-lfr-grid-2020-2022.pdf", "Grid as edited", "2023-11-21"), ("met-lfr-grid-2023-to-2024.pdf", None, None)]


def test_every_section_describes_itself_in_markdown(found):
    for section, numbers in found.items():
        md = findings.markdown(section, numbers)
        assert md and "nan" not in md and "<NA>" not in md and "NaT" not in md, section
    assert "**25**" in findings.markdown("grid_analyses", found["grid_analyses"])


def test_rejections_are_reported_and_the_rest_still_describes(tmp_path):
    """A build that rejects a record: data_quality counts it, names the file, and the findings still run."""
    root = tmp_path / "root"
    shutil.copytree(CORPUS / "data" / "raw", root / "data" / "raw")
    bad = root / "data" / "raw" / "disclosures" / "zz-broken.yaml"
    bad.write_text("reference: [unclosed\n", encoding="utf-8")
    build.build(root / "data" / "raw", root / "data" / "processed")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "PROCESSED", root / "data" / "processed")
        found = findings.compute_all(authority="", start="", end="", confidence=0.95)
    q = found["data_quality"]
    assert q["rejected"] >= 1 and q["status"] == "values rejected" and q["build_exit_status"] == 1
    assert any("zz-broken.yaml" in f for f in q["by_file"])
    assert found["coverage"]["disclosures"] == 5  # the five good records were still built
    assert "rejected" in findings.markdown("data_quality", q)


def test_a_grid_saved_twice_is_said_in_the_report_as_in_the_terminal(corpus, tmp_path):
    """The 2020-22 grid saved again under another name: nothing is rejected, yet its 9 deployments
    (README, counted by hand) count twice. The build warns in the terminal; the findings' data-quality
    section and every page's banner say the same, as a warning."""
    from foi_analysis.report import html

    root = tmp_path / "root"
    shutil.copytree(CORPUS / "data" / "raw", root / "data" / "raw")
    grids = root / "data" / "raw" / "grids"
    shutil.copy(grids / "met-lfr-grid-2020-2022.pdf", grids / "met-lfr-grid-2020-2022-reissued.pdf")
    build.build(root / "data" / "raw", root / "data" / "processed")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "PROCESSED", root / "data" / "processed")
        found = findings.compute_all(authority="", start="", end="", confidence=0.95)
    q = found["data_quality"]
    assert q["rejected"] == 0
    said = ("grids/met-lfr-grid-2020-2022-reissued.pdf (9 deployments) and grids/met-lfr-grid-2020-2022.pdf (9) "
            "list 9 of the same deployments (same date and place), and each of them counts twice in the totals")
    assert len(q["grids_counted_twice"]) == 1 and q["grids_counted_twice"][0].startswith(said)
    assert any(line.startswith("**Counted twice**: " + said) for line in findings.describe("data_quality", q))
    parts, warn = html._banner_parts(found, coverage=True)
    assert warn and any("Counted twice" in p and "met-lfr-grid-2020-2022-reissued.pdf" in p for p in parts)
    # the test corpus (two grids sharing no deployment) says nothing of it, and its banner warns of nothing
    clean = findings.compute_all(authority="", start="", end="", confidence=0.95)
    assert clean["data_quality"]["grids_counted_twice"] == []
    assert html._banner_parts(clean, coverage=True)[1] is False


def test_a_grid_without_a_false_alert_column_is_said_not_printed(corpus, tmp_path):
    """Issue 11 item 5: the findings survive a grid that lacks a column."""
    processed = shutil.copytree(config.PROCESSED, tmp_path / "processed")
    dep = pd.read_csv(processed / "deployments.csv", dtype=str, keep_default_na=False)
    dep["false_alerts"] = ""
    dep["false_alert_rate"] = ""
    dep.to_csv(processed / "deployments.csv", index=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "PROCESSED", processed)
        found = findings.compute_all(authority="", start="", end="", confidence=0.95)
    assert found["deployments"]["false_alerts"] == 0 and found["deployments"]["faces_seen"] == 0
    text = " ".join(findings.describe("grid_analyses", found["grid_analyses"]))
    assert "not printed by that grid" in text
    for section, numbers in found.items():
        findings.markdown(section, numbers)  # none raises


def test_findings_and_notebooks_run_on_grids_of_a_later_edition(tmp_path):
    """Issue 11 item 4: a project whose only grids are the red-team editions (make_fixtures.py): one
    prints no false alert rate, watchlist or threshold and two unknown columns, the other has
    approximate figures set aside. The tables build, every findings section computes and describes
    itself, and the deployments and summary notebooks run."""
    import os
    import subprocess
    import sys

    root = tmp_path / "project"
    (root / "data" / "raw" / "grids").mkdir(parents=True)
    shutil.copytree(CORPUS / "data" / "raw" / "disclosures", root / "data" / "raw" / "disclosures")
    for name in ("edition_layout.pdf", "edition_values.pdf"):
        shutil.copy(Path(__file__).parent / "fixtures" / "grids" / name, root / "data" / "raw" / "grids")
    shutil.copytree(config.NOTEBOOKS, root / "notebooks")
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root))
    cli = [sys.executable, "-m", "foi_analysis.cli"]
    built = subprocess.run([*cli, "build"], env=env, capture_output=True, text=True, timeout=600)
    # Exit 1: the two approximate faces-seen figures of edition_values.pdf are rejected, by design.
    assert built.returncode == 1 and "2 value(s) rejected" in built.stderr, built.stdout + built.stderr
    processed = root / "data" / "processed"
    dep = pd.read_csv(processed / "deployments.csv")
    assert len(dep) == 5 + 7  # the two grids' deployments, hand-counted in tests/test_grids.py
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "PROCESSED", processed)
        found = findings.compute_all(authority="", start="", end="", confidence=0.95)
    # 12 deployments; false alerts over rows printing both false alerts and faces seen: edition_layout's
    # five (1 false alert, 46,000 faces) and edition_values' Camden, Brixton, Ilford, Romford (0 in
    # 21,940 + 21,940 + 9,000 + 8,000): 1 in 106,880.
    assert found["deployments"]["deployments"] == 12
    assert (found["deployments"]["false_alerts"], found["deployments"]["faces_seen"]) == (1, 106_880)
    for section, numbers in found.items():
        findings.describe(section, numbers)
        findings.markdown(section, numbers)  # none raises
    ran = subprocess.run([*cli, "report", "--no-build", "--jobs", "1", "--run-id", "edition",
                          "--notebook", "04_deployments", "--notebook", "00_summary"],
                         env=env, capture_output=True, text=True, timeout=900)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert (root / "reports" / "edition" / "04_deployments.html").is_file()


def test_people_formats():
    assert display.percent(25 / 491_246) == "0.0051%"
    assert display.percent(0.25) == "25%" and display.percent(0) == "0%"
    assert display.thousands(721_305) == "721,305" and display.thousands(None) == "not printed"
    assert display.day(pd.NaT, missing="not disclosed") == "not disclosed"
    # one style for every date a reader sees; findings.json and the CSVs keep ISO
    assert display.day("2025-01-08") == "8 January 2025" and display.day(pd.Timestamp("2025-01-08"), short=True) == "8 Jan 2025"
    assert display.month("2024-06") == "June 2024" and display.days("2025-01-08", "2025-05-10") == "8 January 2025 to 10 May 2025"
    assert display.days("2016-09-23", "2016-09-23") == "23 September 2016"
    # the build's check texts for a reader: a row's id as its row, ISO dates and long counts in words
    assert display.readable("printed after met-lfr-grid-2023-to-2024_2024-06-28_2") == (
        "printed after the row of 28 Jun 2024 (no. 2 that day)")
    assert display.readable("near 16199 and 16189") == "near 16,199 and 16,189"
    assert display.readable("on or before 2025-05-12") == "on or before 12 May 2025"
    # a bound the build writes as code (parse.py's outcomes_exceed_alerts: f"<= {total}") in words
    assert display.readable("<= 7") == "at most 7" and display.readable(">= 16199") == "at least 16,199"
    assert display.over_40wd(True, "still no response at the internal_review_requested on working day 54") == (
        "yes: still no response at the internal review request on working day 54")
    # a small rate as a reader pictures it, to two significant digits: 491,246 / 25 = 19,650 faces per false alert
    assert display.one_in(25 / 491_246, "faces seen") == "about 1 in 20,000 faces seen"
    assert display.one_in(5 / 1_863_630, "faces seen") == "about 1 in 370,000 faces seen"  # 372,726
    assert display.one_in(0, "faces seen") == ""
    assert display.over_40wd(False, "final response on working day 30") == "no" and display.over_40wd(None, None) is None
    t = display.table(pd.DataFrame({"faces_seen": pd.array([1000, None], dtype="Int64"),
                                    "rate": [0.5, np.nan]}),
                      {"faces_seen": "Faces seen", "rate": "False alert rate"}, kinds={"rate": "percent"})
    html = t._repr_html_()
    assert "1,000" in html and "50%" in html and "not printed" in html
    assert '<th class="short">Faces seen</th>' in html and "NaN" not in html and "<NA>" not in html
    # a citation quoted from a list ("Section 24(2) National Security;", the 2016 MPS response's list of
    # NCND grounds) is shown without the list's separator; one inside the words stays
    assert display.quoted("Section 24(2) National Security; ") == "Section 24(2) National Security"
    assert display.quoted("Section 31(1)(a), (b),") == "Section 31(1)(a), (b)"
    assert display.quoted("s40(2); s40(3A)") == "s40(2); s40(3A)" and display.quoted(None) == "not printed"


@pytest.fixture(scope="module")
def printed(corpus):
    """The corpus's deployments as printed (plain strings -> numbers with pandas, no package code)."""
    dep = pd.read_csv(config.PROCESSED / "deployments.csv", dtype=str, keep_default_na=False)
    for c in ("duration_minutes", "total_alerts", "true_alerts", "false_alerts", "faces_seen", "arrests", "watchlist_size"):
        dep[c] = pd.to_numeric(dep[c].replace("", np.nan))
    dep["year"] = dep["date"].str[:4].astype(int)
    return dep


def test_hours_alerts_per_hour_and_arrests_per_true_alert_recomputed(found, printed):
    out = {o["year"]: o for o in found["grid_analyses"]["outcomes_by_year"]}
    for year, rows in printed.groupby("year"):
        timed = rows.dropna(subset=["duration_minutes", "total_alerts"])
        if len(timed):
            hours = timed["duration_minutes"].sum() / 60
            assert out[year]["hours"] == pytest.approx(hours)
            assert out[year]["alerts_per_hour"] == pytest.approx(timed["total_alerts"].sum() / hours)
        both = rows.dropna(subset=["arrests", "true_alerts"])
        if len(both):
            assert out[year]["arrests_per_true_alert"] == pytest.approx(both["arrests"].sum() / both["true_alerts"].sum())
        assert out[year]["watchlist_median"] == pytest.approx(rows["watchlist_size"].median())


def test_purpose_rates_dispersion_and_funnel_recomputed(found, printed):
    counted = printed.dropna(subset=["false_alerts", "faces_seen"])
    g = found["grid_analyses"]
    for row in g["by_purpose"]:
        rows = counted.loc[(counted["year"] == row["year"]) & (counted["purpose_normalised"] == row["purpose"])]
        assert (row["false_alerts"], row["faces_seen"]) == (rows["false_alerts"].sum(), rows["faces_seen"].sum())
    for row in g["yearly"]:
        rows = counted.loc[counted["year"] == row["year"]]
        k, n = rows["false_alerts"].to_numpy(float), rows["faces_seen"].to_numpy(float)
        if len(rows) > 1 and k.sum():
            p = k.sum() / n.sum()
            assert row["dispersion"] == pytest.approx(((k - n * p) ** 2 / (n * p * (1 - p))).sum() / (len(rows) - 1))
    # funnel: a deployment is above the 99.8% limit when its false alerts exceed the binomial 99.9% quantile
    p0 = counted["false_alerts"].sum() / counted["faces_seen"].sum()
    above = counted.loc[counted["false_alerts"] > binom.ppf(0.999, counted["faces_seen"], p0)]
    assert g["funnel"]["above_0.998"] == len(above)
    assert g["funnel"]["above_0.95"] == int((counted["false_alerts"] > binom.ppf(0.975, counted["faces_seen"], p0)).sum())


def test_met_annual_comparison_uses_the_overlapping_deployments(found, printed):
    met = next(f for f in found["reference_comparison"]["figures"] if f["figure"] == "met_annual_2024_25_faces")
    # the Met's report covers Sep 2024 - Sep 2025: the corpus grids reach 20/12/24
    inside = printed.dropna(subset=["false_alerts", "faces_seen"]).loc[lambda d: d["date"].between("2024-09-01", "2025-09-30")]
    assert (met["grid"]["false_alerts"], met["grid"]["faces_seen"]) == (inside["false_alerts"].sum(), inside["faces_seen"].sum())
    # the Met's own figure: 10 false alerts in 3,147,436 faces, printed as 0.0003%
    assert met["events"] == 10 and met["trials"] == 3_147_436 and met["value"] == pytest.approx(10 / 3_147_436, abs=0.5e-6)  # rounded to 0.0003%
    # Every rate with its uncertainty: the published counts give the Met's figure its exact interval, and the
    # grids' rate over the overlapping deployments has its own.
    assert (met["lower"], met["upper"]) == pytest.approx(exact(10, 3_147_436))
    k, n = met["grid"]["false_alerts"], met["grid"]["faces_seen"]
    assert (met["grid"]["lower"], met["grid"]["upper"]) == pytest.approx(exact(k, n))
    sentence = next(s for s in findings.describe("reference_comparison", found["reference_comparison"]) if "3,147,436" in s)
    assert f"10 in 3,147,436, exact 95% interval {display.interval(*exact(10, 3_147_436))}" in sentence
    assert f"exact 95% interval {display.interval(*exact(k, n))}" in sentence
    # A count without a rate reads as a count: "false positives in the test at threshold 0.62: **1**"
    npl = next(s for s in findings.describe("reference_comparison", found["reference_comparison"]) if "threshold 0.62" in s)
    assert "false positives in the test at threshold 0.62: **1**" in npl


def test_every_flag_and_event_has_words_for_readers(found):
    """A reader sees "date out of printed order", not the check's short name the tables keep."""
    from foi_analysis.grids.parse import CHECKS
    from foi_analysis.records.schemas import EVENTS

    assert set(display.CHECK_LABELS) == set(CHECKS)
    assert set(EVENTS) == set(display.EVENT_WORDS)
    text = " ".join(findings.describe("deployments", found["deployments"]))
    assert not any(check in text for check in CHECKS if "_" in check), text
    timeline = " ".join(findings.describe("response_times", found["response_times"]))
    # the seed thread's last dated event, an internal review request on working day 54 (10/12/2016)
    assert "still no response at the internal review request on working day 54" in timeline


def test_locations_and_months_recomputed_with_ties(found, printed):
    g = found["grid_analyses"]
    counts = printed["location"].value_counts()
    fifth = counts.sort_values(ascending=False).iloc[4]
    assert {t["location"]: t["deployments"] for t in g["top_locations"]} == counts[counts >= fifth].to_dict()
    months = printed["date"].str[:7].value_counts()
    assert g["busiest_months"]["months"] == sorted(months[months == months.max()].index)


@pytest.mark.parametrize("document, marked", [
    # a figure read from a news report of the document: said once, by the title or by the marker
    ("Facial Recognition Technology in Law Enforcement: Equitability Study, as reported by The Register", False),
    ("Facial Recognition Technology in Law Enforcement: Equitability Study", True),
])
def test_a_figure_read_from_a_report_is_said_so_once(document, marked):
    figure = {"publisher": "National Physical Laboratory", "document": document, "published": "2023-04-05",
              "measure": "false positives in the test", "per": "test", "threshold": 0.62, "watchlist_size": None,
              "value": None, "events": 1, "secondary": "yes", "source_url": "https://example.org/", "grid": None}
    line = grid_findings.describe_reference_comparison({"confidence": 0.95, "figures": [figure], "measures_differ": ""})[1]  # after the lead
    assert ("(read from a report of it)" in line) is marked
    assert line.count("reported by") + line.count("read from a report") == 1


def test_purposes_are_said_one_per_line_in_short_sentences(found):
    """The 2024 rows of the 2023-24 grid (as in test_false_alerts_by_purpose_in_2024): 56 'Crime Hotspot'
    deployments, 0 false alerts in 564,869 faces; the others, 27 in 337,277. Each purpose is its own line:
    the counts and the rate, then the intervals, never two purposes in one sentence."""
    lines = [s for s in findings.describe("grid_analyses", found["grid_analyses"]) if s.startswith("**By purpose in 2024**")]
    assert len(lines) == 2
    hotspot = next(s for s in lines if "'crime hotspot'" in s)
    assert "**0** false alerts in **564,869** faces seen over 56 deployments" in hotspot
    # 0 in 564,869: exact upper bound 1 - 0.025**(1/564869)
    # (below 0.1%, with 1 in N beside it: 1 / 6.53e-6 = 153,000)
    assert f"Exact 95% interval 0% to {display.small_percent(1 - 0.025 ** (1 / 564_869))};" in hotspot
    assert "no bootstrap interval" in hotspot
    other = next(s for s in lines if s is not hotspot)
    assert "**27** false alerts in **337,277** faces seen over 123 deployments" in other
    assert f"**{display.percent(27 / 337_277)}**" in other
    assert f"Exact 95% interval {display.interval(*exact(27, 337_277))};" in other
    for line in lines:
        assert line.count(" deployments (") == 1
        assert max(len(sentence) for sentence in line.split(". ")) < 260, line


def test_the_rates_say_which_deployments_they_count(found):
    """Both corpus grids: 9 + 203 = 212 deployments; Oxford Circus 21/02/20 prints n/a (technical fault),
    so 211 print false alerts and faces seen (the funnel's 211)."""
    text = findings.describe("grid_analyses", found["grid_analyses"])[0]
    assert text.startswith("The grids' false alert rates below are false alerts per face seen, pooled over the **211** of 212 "
                           "deployments")
    assert "the other one prints no results or not both" in text and "is left out" in text
    deployments = " ".join(findings.describe("deployments", found["deployments"]))
    assert "The 211 deployments that print both false alerts and faces seen report" in deployments


def test_a_published_rate_without_its_counts_says_it_has_no_interval():
    from foi_analysis.analysis import grid_findings

    # NPL's 0.017% FPIR at 0.6 with a 10,000-person watchlist prints no counts behind it
    figure = {"publisher": "National Physical Laboratory", "document": "Equitability Study", "published": "2023-04-05",
              "measure": "false positive identification rate", "per": "test subject", "threshold": 0.6,
              "watchlist_size": 10_000, "value": 0.00017, "events": None, "trials": None, "secondary": "no",
              "source_url": "https://example.org/", "grid": None}
    line = grid_findings.describe_reference_comparison({"confidence": 0.95, "figures": [figure], "measures_differ": ""})[1]
    # below 0.1%, with its 1 in N: 1 / 0.00017 = 5,882 -> 5,900
    assert ("**0.017% (1 in 5,900)** false positive identification rate per test subject at threshold 0.6 with a "
            "10,000-person watchlist") in line
    assert "not published: no interval can be given" in line


def test_each_grid_is_shown_with_the_pages_of_its_pdf(found):
    """The PDFs' own page counts (2020-22: 2 pages, table then legend; 2023-24: 10 pages), not the last
    page a deployment is printed on (1 and 8)."""
    from foi_analysis.analysis import sources
    from foi_analysis.analysis.selection import Selection

    grids = sources.per_grid(Selection("", "", "").deployments())
    assert grids[["source_file", "pages", "deployments"]].values.tolist() == [
        ["met-lfr-grid-2020-2022.pdf", 2, 9], [GRID_2023, 10, 203]]


def test_the_basis_sentence_counts_what_it_leaves_out():
    # By hand: 10 deployments of which 7 print both numbers leave 3 out; 7 of 7 leave none.
    three = grid_findings._basis({"deployments": 10, "counted": 7})
    assert "pooled over the **7** of 10 deployments that print both; the other 3 print no results" in three
    assert three.endswith("and are left out.")
    assert grid_findings._basis({"deployments": 7, "counted": 7}).endswith("of 7 deployments that print both.")


# --- fourth publication review: the funnel, the published figures --------------------------------

def _deployments(false_alerts, faces_seen):
    """Invented deployments of one grid: only what the funnel reads."""
    n = len(false_alerts)
    return pd.DataFrame({"deployment_id": [f"g_2024-01-{i + 1:02d}_1" for i in range(n)],
                         "date": pd.date_range("2024-01-01", periods=n), "location": [f"Place {i}" for i in range(n)],
                         "threshold": [0.64] * n, "source_file": ["g.pdf"] * n, "page": [1] * n,
                         "false_alerts": false_alerts, "faces_seen": faces_seen})


def test_the_funnel_says_how_many_chance_alone_puts_above_each_limit():
    """100 deployments of 1,000 faces, one false alert in all: pooled rate 1/100,000. By hand: a deployment
    at that rate has no false alert with probability (1 - 1e-5)^1000 = 0.990050 (> 0.975, < 0.999), so the
    95% limit is 0 false alerts and the 99.8% limit 1 (P(K <= 1) = 0.990050 + 1000 x 1e-5 x (1 - 1e-5)^999
    = 0.999951 > 0.999). Chance alone puts 100 x (1 - 0.990050) = 0.995 deployments above the 95% limit
    (2.5 would be 1 in 40) and 100 x (1 - 0.999951) = 0.005 above the 99.8% limit."""
    points, _, rate = grid_analyses.funnel(_deployments([1] + [0] * 99, [1000] * 100))
    assert rate == pytest.approx(1e-5)
    no_alert = (1 - 1e-5) ** 1000
    at_most_one = no_alert + 1000 * 1e-5 * (1 - 1e-5) ** 999
    assert points["chance_0.95"].sum() == pytest.approx(100 * (1 - no_alert))
    assert points["chance_0.998"].sum() == pytest.approx(100 * (1 - at_most_one))
    assert (points["above_0.95"].sum(), points["above_0.998"].sum()) == (1, 0)  # 1 > 0; 1 is not > 1
    fn = {"deployments": 100, "pooled_rate": 1e-5, "above_0.95": 1, "above_0.998": 0,
          "expected_above_0.95": 100 * (1 - no_alert), "expected_above_0.998": 100 * (1 - at_most_one)}
    assert grid_findings.funnel_sentence(fn) == (
        "**Funnel plot**: of 100 deployments, **1** lies above the 95% control limit and **0** above the 99.8% "
        "limit around the pooled rate 0.0010% (1 in 100,000). Were every deployment at that rate, chance alone would put about "
        "1.0 and fewer than 0.1 there.")


def test_the_funnel_finding_is_two_short_lines(found):
    """The counts (and what chance gives) in one line, the deployments above the 99.8% limit in the next
    (the last review found one sentence holding both too long to read). Oxford Circus 27/02/20 (7 false
    alerts in 8,600 faces, 2020-22 grid p. 1) is above it, as test_funnel_flags_oxford_circus_2020 works out."""
    lines = findings.describe("grid_analyses", found["grid_analyses"])
    counts = next(s for s in lines if s.startswith("**Funnel plot**"))
    above = next(s for s in lines if s.startswith("Above the 99.8% limit: "))
    assert "of 211 deployments" in counts and "chance alone would put about" in counts
    assert "Oxford Circus on 27 February 2020 (7 false alerts in 8,600 faces)" in above
    assert above.endswith(f"({found['grid_analyses']['funnel']['above_cited']}).")
    assert "met-lfr-grid-2020-2022.pdf p. 1" in found["grid_analyses"]["funnel"]["above_cited"]
    for line in (counts, above):
        assert max(len(sentence) for sentence in line.split(". ")) < 260, line


def test_each_published_figure_says_how_its_definition_differs(found):
    """Every comparison says how the published figure is counted against the grids' false alerts per
    face seen: NPL's FPIR per test subject in a controlled trial (SPA Appendix D); The Register's counts
    in a test of unstated size; the Met's annual report, the same measure over its year to September
    2025, past the grids' last row."""
    figures = found["reference_comparison"]["figures"]
    lines = findings.describe("reference_comparison", found["reference_comparison"])[1:]
    assert all(f["definition"] for f in figures)
    for f, line in zip(figures, lines):
        assert f" It is {f['definition']}." in line, line
    by_id = dict(zip((f["figure"] for f in figures), lines))
    assert "per test subject" in by_id["npl_fpir_0.6_10k"] and "not per face seen in live deployments" in by_id["npl_fpir_0.6_10k"]
    assert "number of test subjects the report does not give" in by_id["npl_fp_0.62"]
    assert "a year that runs past the grids' last row" in by_id["met_annual_2024_25_faces"]


def test_published_figures_link_their_source_by_its_site_and_print_no_address(found):
    """The source of a published figure is a link whose text is its site (spa.police.uk, theregister.com,
    cyberswissguards.com: the hosts of reference_figures.csv's addresses), never the address printed in
    the sentence; a link loads nothing."""
    from foi_analysis.report import html as report_html

    lines = findings.describe_markdown("reference_comparison", found["reference_comparison"])
    rendered = report_html.markdown_html("\n".join(f"- {line}" for line in lines))
    sites = re.findall(r'<a href="(https://[^"]+)">([^<]+)</a>', rendered)
    assert {text for _, text in sites} == {"spa.police.uk", "theregister.com", "cyberswissguards.com"}
    assert all(href in {f["source_url"] for f in found["reference_comparison"]["figures"]} for href, _ in sites)
    visible = re.sub(r"<[^>]+>", "", rendered)
    assert "http" not in visible and "www." not in visible


@pytest.mark.parametrize("url, expected", [
    ("https://www.theregister.com/2023/04/06/uk_police_facial_recognition/",
     "[theregister.com](<https://www.theregister.com/2023/04/06/uk_police_facial_recognition/>)"),
    ("http://example.org/a b", "[example.org](<http://example.org/a%20b>)"),  # a space would end the address
    ("javascript:alert(1)", "javascript:alert(1)"),  # not the web: text, never a link
    ("ftp://example.org/file", "ftp://example.org/file"),
    ("example.org/page", "example.org/page"),  # no scheme: not linked
])
def test_a_web_address_is_a_link_named_by_its_site(url, expected):
    assert display.link(url) == expected


def test_a_link_reads_an_escaped_address_as_the_address():
    """findings.describe_markdown escapes every text before the sentences are made: an address with '_'
    at a word's edge arrives as '\\_'; Markdown reads it back inside the link's address."""
    from foi_analysis.report import html as report_html

    escaped = display.markdown_text("https://example.org/_draft_/")
    assert escaped == "https://example.org/\\_draft\\_/"
    assert '<a href="https://example.org/_draft_/">example.org</a>' in report_html.markdown_html(display.link(escaped))


def test_the_pooled_rate_has_an_interval_for_the_spread_between_deployments(found, printed):
    """The deployments section's pooled rate (all counted deployments of the corpus grids, 39 false alerts
    in 1,386,706 faces) gets the dispersion-adjusted interval beside the exact one: phi, the Pearson
    chi-square of the deployments about that one rate over n - 1, recomputed here from the printed rows;
    the exact interval (Beta quantiles) on 39/phi of 1,386,706/phi."""
    counted = printed.dropna(subset=["false_alerts", "faces_seen"])
    k, n = counted["false_alerts"].to_numpy(float), counted["faces_seen"].to_numpy(float)
    assert (k.sum(), n.sum()) == (39, 1_386_706)
    p = k.sum() / n.sum()
    phi = ((k - n * p) ** 2 / (n * p * (1 - p))).sum() / (len(k) - 1)
    d = found["deployments"]
    assert d["dispersion"] == pytest.approx(phi) and phi > 1
    kk, nn = 39 / phi, 1_386_706 / phi
    assert d["false_alert_rate_adj_lower"] == pytest.approx(beta.ppf(0.025, kk, nn - kk + 1))
    assert d["false_alert_rate_adj_upper"] == pytest.approx(beta.ppf(0.975, kk + 1, nn - kk))
    line = next(s for s in findings.describe("deployments", d) if s.startswith("The 211 deployments"))
    assert (f"Allowing for the spread between deployments (they vary {phi:.1f} times as much as chance alone allows), "
            f"the rate per face seen has a dispersion-adjusted interval of "
            f"{display.interval(beta.ppf(0.025, kk, nn - kk + 1), beta.ppf(0.975, kk + 1, nn - kk))}.") in line


def test_blue_list_bounds_are_said_as_the_table_prints_them(found):
    """The blue-list sentences give their bounds with two significant digits, as the page's table of n
    passes does (they said 97.5% beside the table's 98%). By hand, exact 95%: 1 of 1 -> lower 0.025^(1/1)
    = 2.5%; 0 of 1 -> upper 1 - 0.025 = 97.5% -> 98%; 5 of 5 (the five rows of 01.FOI.23.030730) -> lower
    0.025^(1/5) = 0.478 -> 48%; 36 passes to rule out 90% (0.025^(1/36) = 0.903, 0.025^(1/35) = 0.900 < 0.9)."""
    assert 0.025 ** (1 / 36) > 0.9 > 0.025 ** (1 / 35)
    text = " ".join(findings.describe("blue_list", found["blue_list"]))
    assert "with a true alert rate as low as 2.5%, and 0% false with a false alert rate as high as 98%." in text
    assert "5 of 5 rules out only a true alert rate below 48%; it takes 36 passes without a miss to rule out a rate below 90%" in text


def _pages(rows) -> str:
    """'grid.pdf p. 1, 2; other.pdf p. 4' for printed rows, written out here without the package."""
    return "; ".join(f"{f} p. " + ", ".join(str(p) for p in sorted({int(x) for x in g["page"]}))
                     for f, g in sorted(rows.groupby("source_file"), key=lambda kv: kv[0]))


def test_yearly_and_outcome_lines_cite_the_pages_they_count(found, printed):
    """Every figure traceable to its document: each year's line and the arrests, hours and watchlist lines
    name the grid files and pages of the rows they count, as the threshold and purpose lines do."""
    grid = found["grid_analyses"]
    text = "\n".join(findings.describe_markdown("grid_analyses", grid))
    for y in grid["yearly"]:
        rows = printed.loc[printed["year"] == y["year"]]
        if len(rows):
            assert y["cited"] == _pages(rows)
            assert f"**In {y['year']}**: {len(rows)} deployments ({y['counted']} with figures; {_pages(rows)})" in text
    # 2020's three deployments are all on the 2020-22 grid's first page (read off the PDF)
    assert next(y for y in grid["yearly"] if y["year"] == 2020)["cited"] == "met-lfr-grid-2020-2022.pdf p. 1"
    arrests = printed.loc[printed["arrests"].notna()]
    timed = printed.dropna(subset=["duration_minutes", "total_alerts"])
    watched = printed.loc[printed["watchlist_size"].notna()]
    assert grid["outcomes_cited"] == {"arrests": _pages(arrests), "hours": _pages(timed), "watchlist": _pages(watched)}
    for line, rows in (("**Arrests**", arrests), ("**Hours deployed**", timed), ("**Watchlist size**", watched)):
        said = next(s for s in text.splitlines() if s.startswith(line))
        assert said.endswith(f" ({_pages(rows)}).")


def test_the_confounding_table_counts_every_deployment(found, printed):
    """Deployments whose grid prints no threshold (the 2020-22 layout) are rows with the threshold missing,
    not left out: the table by year, threshold and purpose adds up to every deployment."""
    mix = found["grid_analyses"]["threshold_purpose"]
    assert sum(r["deployments"] for r in mix) == len(printed)
    unset = printed.loc[printed["threshold"] == ""]
    assert len(unset) == 9  # the 2020-22 grid's 9 rows (3 in 2020, 6 in 2022) print no threshold column
    assert sum(r["deployments"] for r in mix if r["threshold"] is None) == len(unset)
    # the confounding sentence is about the settings: a purpose seen only without one is not in it
    text = "\n".join(findings.describe_markdown("grid_analyses", found["grid_analyses"]))
    confounded = next(s for s in text.splitlines() if "**confounded**" in s)
    assert "serious crime" not in confounded and "'crime hotspot': 56 deployments, 2024, all at threshold 0.64" in confounded


def test_blue_list_tables_cite_the_grid_page(corpus):
    """The blue-list page's tables name each paired deployment's grid file and page, as its sentences do."""
    from foi_analysis.analysis.selection import Selection

    joined = findings.grid_joined(Selection(), "blue_list_deployments")
    paired = joined.loc[joined["deployment_id"].notna()]
    # the Met's blue-list dates (6 Apr, 14 Apr, 6 May 2023) are printed on the 2023-24 grid's first page
    assert len(paired) == 11 and set(paired["source_file"]) == {"met-lfr-grid-2023-to-2024.pdf"}
    assert set(paired["page"]) == {1}
    missing = findings.grid_joined(Selection(), "blue_list_missing")
    assert missing[["location", "page"]].to_numpy().tolist() == [["Islington", 1]]  # 20 Apr 2023, p. 1


def test_rates_per_deployment_and_hour_carry_intervals():
    # Three deployments of one year, written for this test (not from any grid):
    # arrests 0, 2, 4; true alerts 1, 4, 5; 60, 120 and 60 minutes with 1, 3, 4 alerts.
    dep = pd.DataFrame({
        "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-03-05"]),
        "arrests": [0, 2, 4], "true_alerts": [1, 4, 5], "total_alerts": [1, 3, 4],
        "duration_minutes": [60, 120, 60], "faces_seen": [1000, 2000, 1000],
        "watchlist_size": [100, 200, 300], "arrests_or_disposals": [None, None, None]})
    o = grid_analyses.outcomes_by_year(dep).iloc[0]
    # 6 arrests over 3 deployments = 2 per deployment; spread about the mean 2: ((0-2)^2 + 0 + (4-2)^2) / 2
    # = 4, over 2 degrees of freedom = dispersion 2.0
    assert o["arrests_per_deployment"] == pytest.approx(2.0)
    assert o["arrests_per_deployment_dispersion"] == pytest.approx(2.0)
    # exact Poisson for 6 in 3: Garwood's table gives 2.2019 to 13.059 for k = 6, over 3
    assert (o["arrests_per_deployment_lower"], o["arrests_per_deployment_upper"]) == pytest.approx(
        (2.2019 / 3, 13.059 / 3), abs=5e-4)
    # widened: k/phi = 3 over 3/phi = 1.5; Garwood for k = 3 is 0.6187 to 8.7673, over 1.5
    assert (o["arrests_per_deployment_adj_lower"], o["arrests_per_deployment_adj_upper"]) == pytest.approx(
        (0.6187 / 1.5, 8.7673 / 1.5), abs=5e-4)
    # 6 arrests of 10 true alerts, none more than its alerts: a share, with the exact binomial interval
    # (Clopper-Pearson for 6 of 10: beta(0.025; 6, 5) to beta(0.975; 7, 4))
    assert o["arrests_per_true_alert"] == pytest.approx(0.6) and o["arrests_per_true_alert_method"] == "exact binomial"
    assert (o["arrests_per_true_alert_lower"], o["arrests_per_true_alert_upper"]) == pytest.approx(
        (beta.ppf(0.025, 6, 5), beta.ppf(0.975, 7, 4)), rel=1e-9)
    # 8 alerts in 4 hours = 2 per hour; expected 2, 4, 2: ((1-2)^2/2 + (3-4)^2/4 + (4-2)^2/2) / 2 = 1.375
    assert o["alerts_per_hour"] == pytest.approx(2.0)
    assert o["alerts_per_hour_dispersion"] == pytest.approx(1.375)
    # Garwood for k = 8: 3.4538 to 15.763, over 4 hours
    assert (o["alerts_per_hour_lower"], o["alerts_per_hour_upper"]) == pytest.approx((3.4538 / 4, 15.763 / 4), abs=5e-4)
    # one deployment printing more arrests than true alerts: no longer a share, a rate per alert (Poisson)
    more = dep.assign(arrests=[0, 2, 6])
    o = grid_analyses.outcomes_by_year(more).iloc[0]
    assert o["arrests_per_true_alert_method"] == "Poisson"
    # 8 arrests over 10 true alerts: Garwood for k = 8 (3.4538 to 15.763) over 10
    assert (o["arrests_per_true_alert_lower"], o["arrests_per_true_alert_upper"]) == pytest.approx(
        (0.34538, 1.5763), abs=5e-4)


def test_small_percentages_say_one_in():
    # below 0.1% a percentage is also given as 1 in N (two significant digits): 1 / 4.1e-8 = 24,390,244
    assert display.small_percent(4.1e-8) == "0.0000041% (1 in 24 million)"
    assert display.small_percent(5 / 1_863_630) == "0.00027% (1 in 370,000)"  # 1,863,630 / 5 = 372,726
    assert display.small_percent(1e-6) == "0.00010% (1 in 1 million)"  # a round million, no '1.0'
    assert display.small_percent(0.00074e-2) == "0.00074% (1 in 140,000)"  # 1 / 7.4e-6 = 135,135
    assert display.small_percent(7.4e-7) == "0.000074% (1 in 1.4 million)"  # 1 / 7.4e-7 = 1,351,351
    assert display.small_percent(0.025) == "2.5%" and display.small_percent(0) == "0%"
    assert display.interval(0, 6.5e-6) == "0% to 0.00065% (1 in 150,000)"  # 1 / 6.5e-6 = 153,846
    # a table cell of a short phrase is kept on one line; a long one may wrap
    html = display.table(pd.DataFrame({"s17": ["yes"], "note": ["a sentence longer than twelve characters"]}),
                         {"s17": "s17 in time", "note": "Note"})._repr_html_()
    assert '<th class="short">s17 in time</th>' in html and '<td class="short">yes</td>' in html
    assert "<td>a sentence longer than twelve characters</td>" in html
