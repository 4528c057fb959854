"""The report's kernels forked from a server that imported the notebooks' libraries once."""

from __future__ import annotations

import json
import os
import time

import nbformat
import pytest
import zmq
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from foi_analysis.report import forkserver, kernel

PROBE = """import json, os, sys
from ipykernel.kernelapp import IPKernelApp
print(json.dumps({"parent_handle": IPKernelApp.instance().parent_handle, "cwd": os.getcwd(), "pid": os.getpid(), "ppid": os.getppid(), "marker": os.environ.get("PROBE_MARKER"),
                  "preloaded": "pandas" in sys.modules and "foi_analysis.analysis.findings" in sys.modules,
                  "encrypted": IPKernelApp.instance().curve_secretkey is not None}))"""


def _run(tmp_path, manager_class=None):
    nb = new_notebook(cells=[new_code_cell(PROBE)])
    extra = {"kernel_manager_class": manager_class} if manager_class else {}
    NotebookClient(nb, kernel_name=kernel.NAME, resources={"metadata": {"path": str(tmp_path)}}, **extra).execute()
    return json.loads(nb.cells[0].outputs[0]["text"])


def test_a_forked_kernel_is_a_process_of_its_own_with_the_requested_directory_and_environment(tmp_path, monkeypatch):
    kernel.ensure()
    server = forkserver.Server(str(tmp_path))
    try:
        assert server.wait_ready()
        monkeypatch.setenv(forkserver.ENV, server.path)
        monkeypatch.setenv("PROBE_MARKER", "set after the server started")
        first = _run(tmp_path, forkserver.kernel_manager_class())
        second = _run(tmp_path, forkserver.kernel_manager_class())
    finally:
        server.stop()
    assert first["ppid"] == server.process.pid == second["ppid"]  # forked by the server
    assert first["pid"] != second["pid"] and os.getpid() not in (first["pid"], second["pid"])
    assert first["cwd"] == str(tmp_path) and first["marker"] == "set after the server started"
    assert first["preloaded"]  # the notebook's libraries were imported before its first cell
    assert first["encrypted"] == zmq.has("curve")  # CurveZMQ: no "TCP without encryption" warning in the log
    # It knows its parent as an ordinary kernel does (jupyter_client's JPY_PARENT_PID: this process),
    # so it prints no "Ctrl-C will not work ... --existing" banner into the report's log.
    assert first["parent_handle"] == os.getpid() == second["parent_handle"]
    assert server.process.returncode == 0


def test_the_servers_findings_are_those_computed_here(tmp_path):
    # findings.json and the pages' texts, computed in a process forked from the server (which read
    # the tables before forking), are those this process computes from the same tables.
    from foi_analysis.analysis.defaults import DEFAULTS
    from foi_analysis.report import run

    provenance = {"run_id": "r", "parameters": DEFAULTS}
    server = forkserver.Server(str(tmp_path))
    try:
        assert server.wait_ready()
        served = server.findings(DEFAULTS, provenance)()
    finally:
        server.stop()
    here = json.loads(json.dumps(run.findings_report(DEFAULTS, provenance)))
    assert served == here
    assert '"run_id": "r"' in served["json"] and "coverage" in json.loads(served["json"])
    assert served["texts"]["headline"].startswith("- ")


def test_a_server_that_is_gone_gives_no_findings(tmp_path):
    # The report then computes them itself (run.run falls back to run.findings_report).
    server = forkserver.Server(str(tmp_path))
    assert server.wait_ready()
    server.stop()
    assert server.findings({}, {})() is None


def test_an_ordinary_kernel_has_nothing_preloaded(tmp_path):
    kernel.ensure()
    plain = _run(tmp_path)
    assert plain["cwd"] == str(tmp_path) and not plain["preloaded"]
    assert plain["parent_handle"] == os.getpid()


def test_a_server_that_cannot_start_is_reported_not_ready(tmp_path):
    server = forkserver.Server(str(tmp_path / "no such folder"))  # cannot bind its socket there
    try:
        assert not server.wait_ready(timeout=60)
    finally:
        server.stop()


def test_an_ordinary_report_kernel_is_encrypted_too(tmp_path):
    # Without the server (FOI_ANALYSIS_FORKSERVER=off, or it failed), the report's kernels still ask
    # for CurveZMQ, which ipykernel's kernelspec declares.
    kernel.ensure()
    probe = _run(tmp_path, kernel.manager_class())
    assert probe["encrypted"] == zmq.has("curve")


def test_a_kernel_that_fails_to_start_says_why_in_the_log(tmp_path):
    # A forked kernel leaves by os._exit; an error while it starts is printed first, not swallowed.
    import subprocess
    import sys

    request = {"cwd": str(tmp_path / "no such folder"), "env": {}, "argv": []}
    done = subprocess.run([sys.executable, "-c", f"from foi_analysis.report import forkserver; forkserver._kernel({request!r})"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "FileNotFoundError" in done.stderr and "no such folder" in done.stderr


# --- stopping kernels: no false ERROR, and a running cell still interrupted ------------------------

@pytest.fixture(params=["forked", "ordinary"])
def report_kernels(request, tmp_path, monkeypatch):
    """The report's kernel manager class, forked kernels (with their server) or ordinary ones."""
    kernel.ensure()
    if request.param == "ordinary":
        monkeypatch.delenv(forkserver.ENV, raising=False)
        yield kernel.manager_class()
        return
    server = forkserver.Server(str(tmp_path))
    try:
        assert server.wait_ready()
        monkeypatch.setenv(forkserver.ENV, server.path)
        yield forkserver.kernel_manager_class()
    finally:
        server.stop()


def test_stopping_an_idle_kernel_logs_no_keyboardinterrupt_error(report_kernels, capfd):
    # jupyter_client's shutdown_kernel interrupts the kernel (SIGINT) before asking it to shut down;
    # papermill shuts it down as soon as the reply to its last request (kernel_info) arrives. A signal
    # landing before ipykernel has left that request's handler made it log "ERROR | KeyboardInterrupt
    # caught in kernel." (kernelapp.py). Here that moment, many times over: before kernelapp.py this
    # loop failed for ordinary kernels in 2 runs of 2 (it logged the line in ~5-10% of 1000 cycles);
    # forked kernels, whose signal passes through the launcher, rarely hit it here (the report's
    # log, test_report.py, is their check). Every SIGINT is still sent and delivered.
    import asyncio

    # A forked kernel gets the signal through its launcher, a moment later, and a signal that lands
    # inside the next request's handler leaves that request unanswered (ipykernel; seen as a 60 s
    # timeout in fresh-clone runs on a loaded machine with a 20 ms pause, and with the request asked
    # again three times the kernel had stopped answering its shell channel). So the forked variant
    # runs fewer cycles, each leaving the relayed signal 1 s to land (0.25 s was still too short once
    # at load ~3, session 9); the ordinary kernel, whose signal lands at once, keeps the many quick
    # cycles that caught the logged error. Still a timing assumption: a launcher kept off the CPU for
    # a second can fail it.
    forked = os.environ.get(forkserver.ENV) is not None
    cycles_n, pause = (10, 1.0) if forked else (300, 0.02)

    async def cycles():
        km = report_kernels(kernel_name=kernel.NAME)
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=120)
            for _ in range(cycles_n):
                await kc.kernel_info(reply=True, timeout=60)
                await km.interrupt_kernel()  # what shutdown_kernel does first
                await asyncio.sleep(pause)  # (let the signal land before the next request)
            alive = await km.is_alive()  # the kernel carried on after each
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()
        assert not await km.is_alive()
        return alive

    assert asyncio.run(cycles())
    err = capfd.readouterr().err
    assert "KeyboardInterrupt caught in kernel" not in err


def test_a_cell_that_runs_past_the_timeout_is_interrupted_and_its_kernel_stopped(report_kernels, tmp_path):
    # The report's own path (run.execute, papermill): on a cell timeout the kernel is interrupted (the
    # cell sees KeyboardInterrupt) and stopped; the notebook is a failure, saying why.
    from foi_analysis.report import run

    notebook = tmp_path / "stuck.ipynb"
    nbformat.write(new_notebook(metadata={"kernelspec": {"name": kernel.NAME, "display_name": "x", "language": "python"}},
                                cells=[new_code_cell(STUCK)]), notebook)
    status, error, _ = run.execute(notebook, tmp_path / "out.ipynb", {}, timeout=5)
    assert status == "failed" and "timed out" in error.lower()
    assert (tmp_path / "interrupted").read_text() == "KeyboardInterrupt"
    pid = int((tmp_path / "pid").read_text())
    for _ in range(100):  # the kernel process ends (a forked one is reaped by its server)
        if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the kernel {pid} still runs")


STUCK = """import os, pathlib, time
pathlib.Path("pid").write_text(str(os.getpid()))
try:
    time.sleep(600)
except KeyboardInterrupt as stop:
    pathlib.Path("interrupted").write_text(type(stop).__name__)
    raise"""
