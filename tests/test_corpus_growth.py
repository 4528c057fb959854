"""Acceptance: growing the corpus never breaks the tests, the report or the schedule.

In a copy of the repository (as a fresh clone has it), an analyst adds a reviewed record with
`foi-analysis add` and a second grid file, builds, and commits. Then the tests that pin figures
(the ones that broke when they read data/raw/) pass unchanged in that copy, and the report run on
it counts the new record and the new grid's rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis import config

from test_records import GOOD

EXE = Path(sys.executable).with_name("foi-analysis")
# The tests that pinned the seed corpus's figures when they read data/raw/ (issue 10).
PINNED = ["tests/test_build.py", "tests/test_selection.py", "tests/test_notebooks.py", "tests/test_report.py"]


def clone(dest: Path) -> Path:
    """The repository's files as a fresh clone holds them (tracked and new, not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=config.REPOSITORY,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell the project's files from local ones")
    for name in filter(None, listed.stdout.split("\0")):
        source = config.REPOSITORY / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    root = clone(tmp_path_factory.mktemp("clone"))
    processed = root / "data" / "processed"
    before = {name: len(pd.read_csv(processed / f"{name}.csv", dtype=str)) for name in ("requests", "deployments")}
    # The copy's own package is imported (its config anchors at the copy), by the tests and the kernels.
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root), "PYTHONPATH": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    draft = tmp_path_factory.mktemp("drafts") / "reviewed.yaml"
    draft.write_text(GOOD, encoding="utf-8")
    added = subprocess.run([str(EXE), "add", str(draft)], env=env, capture_output=True, text=True, timeout=600)
    assert added.returncode == 0, added.stderr
    grids = root / "data" / "raw" / "grids"
    shutil.copyfile(grids / "met-lfr-grid-2020-2022.pdf", grids / "met-lfr-grid-2020-2022-second-copy.pdf")
    built = subprocess.run([str(EXE), "build"], env=env, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in built.stderr, built.stderr
    return root, env, before


def test_the_pinned_tests_pass_in_the_grown_copy(grown):
    root, env, _ = grown
    env = {k: v for k, v in env.items() if k != "FOI_ANALYSIS_ROOT"}  # the copy's conftest sets its own
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *PINNED],
                          cwd=root, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def test_the_report_on_the_grown_copy_counts_the_new_record_and_grid(grown):
    root, env, before = grown
    done = subprocess.run([str(EXE), "report", "--run-id", "grown", "--jobs", "2"], env=env, cwd=root,
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    found = json.loads((root / "reports" / "grown" / "findings.json").read_text())
    # Whatever the real corpus holds (an invariant, not a pinned count): one request more, and the
    # 9 rows of the 2020-22 grid (counted by hand, docs/grids.md) once more.
    assert found["exemptions"]["requests"] == before["requests"] + 1
    assert found["deployments"]["deployments"] == before["deployments"] + 9
    assert (root / "reports" / "grown" / "index.html").exists()
