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
    shutil.copytree(config.RAW, tmp_path / "data" / "raw")
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
