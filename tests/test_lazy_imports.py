"""`foi-analysis build` imports what building needs and nothing of the report or extractor stacks
(on the real data, imports were half of a build's CPU time)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "data"
NOT_FOR_BUILD = ["papermill", "nbconvert", "nbformat", "matplotlib", "seaborn", "scipy", "statsmodels", "IPython",
                 "foi_analysis.report", "foi_analysis.extract", "foi_analysis.analysis", "docx"]

PROBE = """
import json, sys
from foi_analysis import cli
code = cli.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _imported(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    shutil.copytree(CORPUS, tmp_path / "data", dirs_exist_ok=True)
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["code"], set(out["modules"])


def _stacks(modules: set[str]) -> list[str]:
    return [m for m in NOT_FOR_BUILD if m in modules or any(x.startswith(m + ".") for x in modules)]


def test_build_does_not_import_the_report_or_extractor_stacks(tmp_path):
    code, modules = _imported(tmp_path, "build")
    assert code == 0
    assert "foi_analysis.build" in modules and "pandas" in modules  # the probe saw a real build
    assert _stacks(modules) == []


def test_the_report_command_still_finds_its_options(tmp_path):
    # The laziness must not lose a subcommand's own options: --help of report lists --jobs.
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(tmp_path)}
    exe = Path(sys.executable).with_name("foi-analysis")
    for command, option in (("report", "--jobs"), ("extract", "--json")):
        done = subprocess.run([str(exe), command, "--help"], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and option in done.stdout, done.stderr


def test_the_report_decides_before_importing_anything_heavy(tmp_path):
    # `report --check` takes the report's own steps up to the no-change decision (notebook
    # parameters read and checked, data/raw walked) and stops there: no pandas, no Jupyter stack.
    shutil.copytree(Path(__file__).parents[1] / "notebooks", tmp_path / "notebooks")
    (tmp_path / "data" / "processed").mkdir(parents=True)
    code, modules = _imported(tmp_path, "report", "--check")
    assert code == 1  # nothing recorded yet: a rebuild is due
    heavy = ["pandas", "numpy", "pandera", "papermill", "nbformat", "nbconvert", "jupyter_client", "IPython",
             "matplotlib", "foi_analysis.analysis", "foi_analysis.build", "foi_analysis.tables"]
    assert [m for m in heavy if m in modules] == []
    assert "foi_analysis.report.freshness" in modules  # the probe reached the decision


def test_a_cached_build_imports_neither_the_holiday_nor_the_pdf_library(tmp_path):
    # The holiday table and each grid's rows are in the build cache after a first build: the second
    # computes no holiday and reads no PDF, so it need not import `holidays` or `pypdfium2`.
    code, modules = _imported(tmp_path, "build")
    # The first build needed both (the holiday table computed by a child forked before the imports:
    # foia/bank_holidays.py, so not necessarily imported here).
    assert code == 0 and "pypdfium2" in modules and (tmp_path / "data" / ".cache" / "build" / "calendar.pickle").exists()
    code, modules = _imported(tmp_path, "build")
    assert code == 0 and "foi_analysis.build" in modules
    assert [m for m in ("holidays", "pypdfium2", "foi_analysis.grids.pdf_tables") if m in modules] == []


REPORT_PROBE = """
import importlib, json, sys
from foi_analysis.report import forkserver
for name in forkserver.PRELOAD:  # what the report's kernels have
    importlib.import_module(name)
from foi_analysis.analysis import findings, sources
found = findings.compute_all(authority="", start="", end="", confidence=0.95)
line = sources.grids(["met-lfr-grid-2020-2022.pdf", "met-lfr-grid-2023-to-2024.pdf"])
print(json.dumps({"line": line, "grids": found["coverage"]["grids"], "modules": sorted(sys.modules)}))
"""


def test_the_report_reads_no_pdf(tmp_path):
    # The report names each grid by its PDF's title and day from the build's grid_editions table:
    # neither its kernels' preloaded modules nor the findings and source lines import the PDF library.
    code, _ = _imported(tmp_path, "build")
    assert code == 0
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", REPORT_PROBE], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    # the corpus's grids' PDF metadata (Title; CreationDate D:20231120113959Z and D:20250111114837+00'00')
    assert out["line"] == ("Metropolitan Police Service, LFR Deployment Grid of 20 Nov 2023 (met-lfr-grid-2020-2022.pdf), "
                           "LFR Deployment Grid of 11 Jan 2025 (met-lfr-grid-2023-to-2024.pdf)")
    assert [g["made"] for g in out["grids"]] == ["2023-11-20", "2025-01-11"]
    assert [m for m in ("pypdfium2", "foi_analysis.grids.pdf_tables") if m in out["modules"]] == []
