"""The console script, run as a user would (in a scratch copy of the project's data)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from foi_analysis import config

EXE = Path(sys.executable).with_name("foi-analysis")


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root)}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env, timeout=300)


def test_build_and_validate_from_the_command_line(tmp_path):
    shutil.copytree(config.RAW, tmp_path / "data" / "raw")  # the test corpus (tests/conftest.py)
    done = run(tmp_path, "build")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "processed" / "requests.csv").read_bytes() == (config.PROCESSED / "requests.csv").read_bytes()
    (tmp_path / "data" / "raw" / "disclosures" / "late.yaml").write_text(
        'reference: "X-1"\nauthority: Kent Police\nsource: {title: t}\noutcome: maybe\n')
    done = run(tmp_path, "validate")
    assert done.returncode == 1
    assert "disclosures/late.yaml: outcome = 'maybe'" in done.stderr


def test_help_lists_the_commands():
    done = subprocess.run([str(EXE), "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("build", "validate", "report", "extract"):
        assert command in done.stdout


def test_bare_command_prints_help_and_version_works():
    done = subprocess.run([str(EXE)], capture_output=True, text=True)
    assert done.returncode == 0 and "usage: foi-analysis" in done.stdout
    for command in ("build", "validate", "add", "report", "extract"):
        assert command in done.stdout
    done = subprocess.run([str(EXE), "--version"], capture_output=True, text=True)
    import foi_analysis

    assert done.returncode == 0 and done.stdout.strip() == f"foi-analysis {foi_analysis.__version__}"


def test_build_warns_about_missing_or_empty_raw_folders(tmp_path):
    (tmp_path / "data" / "raw" / "disclosures").mkdir(parents=True)  # empty; grids/ missing
    done = run(tmp_path, "build")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert f"warning: {tmp_path / 'data/raw/disclosures'} holds no *.y*ml files: no disclosure records to build from" in done.stderr
    assert f"warning: {tmp_path / 'data/raw/grids'} does not exist: no deployment grids to build from" in done.stderr
    # Every table is still written, with its header and no rows.
    assert (tmp_path / "data" / "processed" / "requests.csv").read_text().startswith("reference,authority,")


def test_validate_and_build_report_the_same_problems(tmp_path):
    shutil.copytree(config.RAW_DISCLOSURES, tmp_path / "data" / "raw" / "disclosures")
    (tmp_path / "data" / "raw" / "disclosures" / "bad.yaml").write_text(
        'reference: "X-1"\nauthority: Kent Police\nsource: {title: t}\noutcome: maybe\nevents: [{event: sent, date: 31/02/2020}]\n')
    checked, built = run(tmp_path, "validate"), run(tmp_path, "build")
    assert checked.returncode == built.returncode == 1
    def problems(stderr):
        return [line for line in stderr.splitlines() if line.startswith(("  disclosures/", "warning:"))]
    assert problems(checked.stderr) == problems(built.stderr) and len(problems(built.stderr)) == 3


def test_processed_files_are_world_readable(tmp_path):
    shutil.copytree(config.RAW_DISCLOSURES, tmp_path / "data" / "raw" / "disclosures")
    assert run(tmp_path, "build").returncode == 0
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in (tmp_path / "data" / "processed").iterdir()}
    assert modes and set(modes.values()) == {"0o644"}, modes


def test_only_the_command_line_run_freezes_what_it_built_before_exiting(monkeypatch):
    """Run as the command (no argv), `main` freezes the objects it built so that the interpreter's
    last collection skips them; called with arguments, as tests and notebooks do, it leaves the
    collector alone."""
    import gc

    from foi_analysis import cli

    gc.unfreeze()
    try:
        assert cli.main(["validate"]) == 0
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(sys, "argv", ["foi-analysis", "validate"])
        assert cli.main() == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_grid_brought_twice_under_another_name_is_named_in_a_warning(tmp_path):
    """The Met's grids cover separate periods: a grid saved again under another name lists the same
    deployments twice and, made the same day and reaching the same day, is no later edition that could
    supersede them (grids.parse._restated): every one of them would count twice in the totals. The
    duplicate check flags only rows printing a duration, which the 2020-22 layout has not: the build
    names both files itself."""
    shutil.copytree(config.RAW, tmp_path / "data" / "raw")  # the test corpus: the 2020-22 and 2023-24 grids
    done = run(tmp_path, "build")
    assert done.returncode == 0 and "warning" not in done.stderr  # the two grids share no deployment
    grids = tmp_path / "data" / "raw" / "grids"
    shutil.copy(grids / "met-lfr-grid-2020-2022.pdf", grids / "met-lfr-grid-2020-2022-reissued.pdf")
    for command in ("build", "validate"):
        done = run(tmp_path, command)
        # The 2020-22 grid lists 9 deployments (README, counted by hand), each on its own date and place:
        # all 9 are in both files.
        assert ("warning: grids/met-lfr-grid-2020-2022-reissued.pdf (9 deployments) and grids/met-lfr-grid-2020-2022.pdf "
                "(9) list 9 of the same deployments (same date and place), and each of them counts twice in the totals: "
                "if one grid is a new edition of the other, keep only the newer (git rm data/raw/grids/<the older>.pdf) "
                "and build again") in done.stderr, done.stderr


def test_rows_a_later_edition_supersedes_are_no_overlap():
    """A later edition printing a deployment again supersedes the earlier row (``superseded_by``): counted
    once, so no warning; a row both grids print that neither supersedes still is one. Three rows written
    here: 2025-01-08 Croydon in grids a.pdf and b.pdf, and 2025-01-09 Ilford in both."""
    import pandas as pd
    from foi_analysis.build import grid_overlaps

    deployments = pd.DataFrame({
        "source_file": ["a.pdf", "b.pdf", "a.pdf", "b.pdf"],
        "date": pd.to_datetime(["2025-01-08", "2025-01-08", "2025-01-09", "2025-01-09"]),
        "location_key": ["croydon", "croydon", "ilford", "ilford"],
        "superseded_by": ["b-1", None, "b-2", None],  # b.pdf, the later edition, restates both
    })
    assert grid_overlaps({"deployments": deployments}) == []
    deployments.loc[2, "superseded_by"] = None  # Ilford not superseded: printed by both, counted twice
    [warning] = grid_overlaps({"deployments": deployments})
    assert warning.startswith("warning: grids/a.pdf (2 deployments) and grids/b.pdf (2) list 1 of the same deployments")


def test_ctrl_c_ends_a_command_with_a_sentence_and_the_shells_code(tmp_path):
    # Ctrl-C (SIGINT) arriving while a command works: one line saying so, exit status 130 (128 + SIGINT,
    # what a shell reports for an interrupted program), and no Python traceback. The build itself is
    # replaced by one that interrupts its own process, so the signal lands inside the command, every time.
    shutil.copytree(config.RAW, tmp_path / "data" / "raw")
    code = ("import os, signal, sys\n"
            "from foi_analysis import build, cli\n"
            "build.main = lambda **kw: (os.kill(os.getpid(), signal.SIGINT), signal.pause())\n"
            "sys.exit(cli.main(['build']))\n")
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 130
    assert "foi-analysis: interrupted; no file is left half-written" in done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
