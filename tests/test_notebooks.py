"""The notebooks in notebooks/: nbval re-runs them on the test corpus and compares the cells that
state findings with the outputs saved in the notebooks (made from that corpus: docs/testing.md), and
static checks keep them runnable anywhere (tagged parameters, the project's kernel, no local paths)."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from foi_analysis import config
from foi_analysis.report import kernel

NOTEBOOKS = sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def test_there_is_a_notebook_per_topic():
    assert [p.stem for p in NOTEBOOKS] == ["00_summary", "01_blue_list", "02_exemptions", "03_response_times",
                                           "04_deployments"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_portable(path):
    text = path.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert nb.metadata["kernelspec"]["name"] == kernel.NAME  # never whichever "python3" comes first
    # papermill injects after the tagged cell; derived values must live in the next cell
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged 'parameters'"
    assert all(line.split("#")[0].strip() == "" or "=" in line for line in code[0].source.splitlines())
    assert str(config.REPOSITORY) not in text and str(config.ROOT) not in text, "a local absolute path is saved in the notebook"
    assert '"output_type": "error"' not in text
    source = "\n".join(c.source for c in code)
    assert "../data" not in source and "Agg" not in source  # paths come from config; figures need inline
    assert any(c.source.startswith("# NBVAL_CHECK_OUTPUT") for c in code), "no cell states a finding"
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no chart saved (nbval needs outputs)"


def nbval(paths, cwd=config.ROOT) -> subprocess.CompletedProcess:
    # The kernel inherits FOI_ANALYSIS_ROOT: the notebooks read the test corpus's tables.
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1", FOI_ANALYSIS_ROOT=str(config.ROOT))
    env.pop("MPLBACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval-lax",
         "--sanitize-with", str(config.NOTEBOOKS / "sanitize.cfg"), *map(str, paths)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_nbval_reproduces_the_saved_findings():
    """nbval in lax mode: every cell must run, and the NBVAL_CHECK_OUTPUT cells must print what is saved."""
    result = nbval(NOTEBOOKS)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_nbval_catches_a_changed_finding(tmp_path):
    """The check above can fail: a saved finding edited by one character no longer matches."""
    path = config.NOTEBOOKS / "03_response_times.ipynb"
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# NBVAL_CHECK_OUTPUT")]
    # the findings are displayed as Markdown (findings.show); the last such cell states them
    shown = next(o for o in cells[-1].outputs if "text/markdown" in o.get("data", {}))
    text = shown["data"]["text/markdown"]
    assert any(ch.isdigit() for ch in text), "the findings cell states no number"
    shown["data"]["text/markdown"] = "".join(str((int(ch) + 1) % 10) if ch.isdigit() else ch for ch in text)
    tampered = tmp_path / path.name
    nbformat.write(nb, tampered)
    result = nbval([tampered], cwd=tmp_path)
    assert result.returncode != 0 and "failed" in result.stdout
