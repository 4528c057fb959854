"""The report's kernels, forked from one process that has already imported what the notebooks import.

A kernel started the usual way is a new Python that imports ipykernel, then the notebook's first cell
imports matplotlib, seaborn, pandas, pandera, statsmodels and the analysis package: about 3 CPU-seconds
per notebook before any of its own code runs, paid five times per report on two cores. Here one
server process imports
all of that once (``PRELOAD``), reads the processed tables once (the cache of ``selection.load``,
keyed by each file's identity), and forks a kernel per notebook: each kernel is still a process of
its own, started clean (no notebook code has run in the server), and the notebook's imports find
their modules already loaded.

How it plugs into Jupyter: papermill starts kernels through a kernel manager, which runs the
kernelspec's command. ``ForkedKernelManager`` runs ``python -I -S .../forkserver.py launch SOCKET -f
CONNECTION_FILE`` instead (this file as a script: the launcher uses the standard library only): a
small process that asks the server for a kernel (with its own working directory and environment, as
a started process would have), forwards the manager's signals to it and exits when it exits, so the
manager manages it as it would the kernel itself.

Only ``foi-analysis report`` uses this; JupyterLab and nbval start the project kernel as usual. If the
server cannot start, the report falls back to ordinary kernels.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time

INLINE = "module://matplotlib_inline.backend_inline"
# What computing the findings needs: imported first, then the findings are computed by a forked
# child while the rest is imported (statsmodels and scipy.stats are imported by the analysis
# functions that compute intervals and the funnel).
ANALYSIS = ("pandas", "scipy.stats", "statsmodels.stats.proportion", "foi_analysis.analysis.findings",
            "foi_analysis.analysis.stats", "foi_analysis.analysis.selection")
# The rest of what every kernel imports (with what ipykernel and IPython import only while a kernel
# starts: the debugger's debugpy, psutil, sqlite3 for the history, pdb: ~0.4 s per kernel otherwise),
# and what the notebooks import (seaborn with plots, pandas' matplotlib plotting).
PRELOAD = ANALYSIS + ("ipykernel.kernelapp", "foi_analysis.report.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger", "psutil",
                      "sqlite3", "pdb", "IPython.core.debugger", "matplotlib_inline.backend_inline", "matplotlib.pyplot",
                      "pandas.plotting._matplotlib", "seaborn", "foi_analysis.analysis.plots", "foi_analysis.analysis.display",
                      "foi_analysis.analysis.sources")
MODULE = "foi_analysis.report.forkserver"
ENV = "FOI_ANALYSIS_FORKSERVER"  # the server's socket, for the kernel manager in papermill's workers


def _recv_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


# --- the server ----------------------------------------------------------------------------------

def serve(path: str, parameters: dict | None = None) -> None:
    import importlib

    os.environ.setdefault("MPLBACKEND", INLINE)  # as ipykernel sets it before a kernel's first cell
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # as the report sets it for its kernels
    # First what computing the findings needs, then the tables; the findings are computed by a
    # forked child on the other core while this process imports what only kernels need (ipykernel,
    # the inline backend, seaborn: ~2 s), and kept here before any kernel is forked.
    for name in ANALYSIS:
        importlib.import_module(name)
    _read_tables()
    pending = _compute_findings(parameters) if parameters is not None else None
    for name in PRELOAD[len(ANALYSIS):]:
        importlib.import_module(name)
    if pending is not None:
        pending()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    signal.signal(signal.SIGCHLD, _reap)  # waited for, so their CPU time counts in the report's
    print("ready", flush=True)
    os.dup2(2, 1)  # the report reads only that line; kernels' own output goes where stderr goes
    # The report is done: exit at once. Nothing here needs flushing or closing, and tearing down the
    # modules of a process that imported all of the above took ~0.5 s that the report waited for;
    # a kernel still running dies with the server (_die_with_server).
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    while True:
        conn, _ = server.accept()
        request = json.loads(_recv_all(conn))
        with forking():
            pid = os.fork()
        if pid == 0:
            server.close()
            if request.get("task") == "findings":
                _findings(conn, request)  # never returns
            conn.close()
            _kernel(request)  # never returns
        if request.get("task") != "findings":
            conn.sendall(str(pid).encode())
        conn.close()


def _read_tables() -> None:
    """Every processed table, read and validated once into ``selection.load``'s cache: the kernels
    inherit it, and it still re-reads any table whose file changed (path, size, mtime, inode)."""
    from foi_analysis import tables
    from foi_analysis.analysis import selection

    for name in tables.SCHEMAS:
        try:
            selection.load(name)
        except Exception:  # noqa: BLE001 - missing or unreadable: the notebook reports it itself
            pass


def _compute_findings(parameters: dict):
    """Every findings section under the report's parameters, computed in a forked child; returns a
    function that waits for them and keeps them here (``findings.remember``), so that the summary and
    deployments notebooks and findings.json, all forked from this process, find them computed (each
    took ~0.8 s to compute them on the real data). If the child fails, nothing is kept: each then
    computes what it needs itself."""
    import pickle

    from foi_analysis import forked
    from foi_analysis.analysis import findings

    pending = forked.in_child(lambda: pickle.dumps(findings.computed(parameters), protocol=pickle.HIGHEST_PROTOCOL))

    def keep() -> None:
        data = pending()
        if data:
            findings.remember(parameters, *pickle.loads(data))

    return keep


def _reap(_signum, _frame) -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _child() -> None:
    """A forked child does not serve: default signals, and it dies with the server."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_server()
    quiet_on_interrupt()  # a kernel's own handlers replace this once it starts


def quiet_on_interrupt() -> None:
    """Ctrl-C reaches the report's whole process group; only the report itself says so. A helper
    process (a notebook's worker, a forked child) ends at once with the shell's code for SIGINT, with
    no traceback of its own, and then lets the signal in: it was blocked across the fork (``forking``),
    so one that came in between is taken here, not inside the fork's own handlers."""
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def forking():
    """SIGINT held back while processes are forked: a child lets it in (``quiet_on_interrupt``) once
    its handler is set, the parent at the end of the block."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _findings(conn: socket.socket, request: dict) -> None:
    """findings.json and the pages' texts (``run.findings_report``), sent back as JSON: the report's
    own process then needs neither the analysis stack nor the tables."""
    code = 1
    try:
        _child()
        from foi_analysis.report import run

        conn.sendall(json.dumps(run.findings_report(request["parameters"], request["provenance"])).encode())
        code = 0
    except (BrokenPipeError, ConnectionResetError):  # the report stopped waiting (interrupted): no one to tell
        pass
    except Exception:  # noqa: BLE001 - the report computes them itself when nothing comes back
        import traceback

        traceback.print_exc()
    finally:
        conn.close()
        sys.stderr.flush()
        os._exit(code)


def _kernel(request: dict) -> None:
    code = 1
    try:
        _child()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        argv = list(request["argv"])
        if request["env"].get("JPY_PARENT_PID"):
            # What an ordinary kernel reads from its environment at import (the server imported
            # ipykernel before this kernel's environment existed): with it the kernel knows it has a
            # parent and prints no "Ctrl-C will not work ... --existing" banner into the report's log.
            argv.append(f"--IPKernelApp.parent_handle={request['env']['JPY_PARENT_PID']}")
        sys.argv = [sys.executable, *argv]
        from foi_analysis.report import kernelapp

        kernelapp.launch(argv)  # ipykernel's, as an ordinary report kernel runs it
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    except BaseException:  # said in the report's log: os._exit below would otherwise swallow it
        import traceback

        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)


def _die_with_server() -> None:
    """Linux: a kernel is killed when the server ends (the report stops the server when it is done)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# --- the launcher the kernel manager runs ---------------------------------------------------------

def launch(path: str, argv: list[str]) -> int:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        conn.sendall(json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode())
        conn.shutdown(socket.SHUT_WR)
        pid = int(_recv_all(conn))
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(sig, lambda signum, _frame: _forward(pid, signum))
    try:
        import select

        fd = os.pidfd_open(pid)
        select.select([fd], [], [])  # readable when the kernel has exited
    except (AttributeError, OSError):  # no pidfd: poll
        while _alive(pid):
            time.sleep(0.05)
    return 0


def _forward(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- the report's side ---------------------------------------------------------------------------

class Server:
    """The server process: started at once, its readiness awaited only when kernels are needed, so
    its imports overlap the report's own work."""

    def __init__(self, directory: str, parameters: dict | None = None):
        """``parameters``: the report's findings parameters, whose findings the server computes once
        before it forks anything (None: none computed ahead)."""
        self.path = os.path.join(directory, "kernels.sock")
        self.process = subprocess.Popen([sys.executable, "-m", MODULE, "serve", self.path, json.dumps(parameters)],
                                        stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.ready = False

    def wait_ready(self, timeout: float = 120) -> bool:
        """True once the server listens; False if it died or is too slow (ordinary kernels then)."""
        import select

        if not self.ready and self.process.poll() is None:
            readable, _, _ = select.select([self.process.stdout], [], [], timeout)
            self.ready = bool(readable) and self.process.stdout.readline().strip() == b"ready"
        return self.ready

    def findings(self, parameters: dict, provenance: dict):
        """Ask for ``run.findings_report`` computed in a process forked from the server; returns a
        function that waits for it (None if the server or that process failed), so the caller works
        meanwhile."""
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(self.path)
            conn.sendall(json.dumps({"task": "findings", "parameters": parameters, "provenance": provenance}).encode())
            conn.shutdown(socket.SHUT_WR)
        except OSError:  # the server is gone
            conn.close()
            return lambda: None

        def result() -> dict | None:
            try:
                with conn:
                    return json.loads(_recv_all(conn))
            except (OSError, ValueError):
                return None

        return result

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def kernel_manager_class():
    """The report's kernel manager (``kernel.manager_class``) starting kernels through the server in ``ENV``."""
    from .kernel import manager_class

    class ForkedKernelManager(manager_class()):
        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            args = cmd[cmd.index("-f"):] if "-f" in cmd else cmd[1:]
            # This file run as a script, isolated and without site (-I -S): the launcher needs only the
            # standard library, and a bare interpreter starts in ~10 ms where importing the package
            # through site and the editable install's finder took ~50 ms more, once per notebook.
            return [sys.executable, "-I", "-S", os.path.abspath(__file__), "launch", os.environ[ENV], *args]

    return ForkedKernelManager


if __name__ == "__main__":
    try:
        if sys.argv[1] == "serve":
            serve(sys.argv[2], json.loads(sys.argv[3]))
        else:
            sys.exit(launch(sys.argv[2], sys.argv[3:]))
    except KeyboardInterrupt:  # Ctrl-C reaches the report's whole process group: the report says so, once
        sys.exit(130)
