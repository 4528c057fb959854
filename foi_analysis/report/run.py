"""`foi-analysis report`: run every notebook with papermill into a dated folder for reviewers.

reports/<run-id>/ holds each executed notebook, an HTML page per notebook without code, an
index.html with each notebook's status and parameters, and findings.json with the headline numbers
(from ``findings``, the functions the notebooks themselves call). A failing notebook does not stop
the others: its executed notebook is kept as the evidence and the command exits non-zero. The
folder is assembled under a temporary name and renamed into place, so a half-written run never
looks like a finished one.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from . import kernel, parameters as checks

# What only running notebooks needs (forkserver and its socket, tempfile, shutil) is imported by the
# functions that run them: `report --check` stops before, and its imports are part of its time.

KERNEL = kernel.NAME  # the project's own kernel (report/kernel.py), never whichever "python3" is first
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"


@dataclass
class Outcome:
    name: str
    parameters: dict
    status: str = "ok"
    error: str = ""
    seconds: float = 0.0
    files: dict = field(default_factory=dict)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--notebook", action="append", metavar="NAME",
                   help="run only this notebook (stem or file name, e.g. 01_blue_list); repeatable")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                   help="set a notebook parameter, converted to the type of the notebook's default; repeatable")
    p.add_argument("--run-id", help="name of the report folder (default: the UTC date-time, e.g. 2026-11-21T2330Z)")
    p.add_argument("--timeout", type=int, default=600, metavar="S", help="seconds allowed per cell (default 600)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="notebooks run side by side (default: one per core)")
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--reports-dir", type=Path, default=None, help="where run folders go (default reports/)")
    p.add_argument("--no-build", action="store_true", help="do not rebuild the tables even if raw data changed")
    p.add_argument("--check", action="store_true",
                   help="only say whether data/raw or a table changed since the tables were last built by this command "
                        "(exit 0: up to date; 1: a rebuild is due); builds and runs nothing")


def _say(message: str) -> None:
    # One write per line: the workers running notebooks side by side share stderr, and print's
    # separate write of the newline let their lines run together.
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


# --- rebuilding the tables when raw data changed -------------------------------------------------

MANIFEST_FILE = ".raw-manifest.pickle"  # in the reports folder: the raw inputs the tables were last built from


def watched() -> dict[str, Path]:
    """What the freshness check watches: the raw inputs, and the tables themselves (a table edited,
    damaged or deleted by hand is as much a reason to rebuild as a changed input: the build, which
    fingerprints what it wrote, then writes that table again)."""
    return {"raw": config.RAW, "processed": config.PROCESSED}


def raw_digest(reports_dir: Path) -> str:
    """One SHA-256 over data/raw (each file's path and content hash), for the report's provenance;
    from the freshness check, so only files whose size or mtime moved are read again."""
    from . import freshness

    return freshness.tree_digest(freshness.check(watched(), reports_dir / MANIFEST_FILE), "raw")


def decide(reports_dir: Path):
    """(rebuild due?, the freshness check): has data/raw or a table changed since the last build by
    this command, or are there no tables? Stats every file; reads only those whose size or mtime moved."""
    from . import freshness

    state = freshness.check(watched(), reports_dir / MANIFEST_FILE)
    return bool(state.changed) or not any(config.PROCESSED.glob("*.csv")), state


def rebuild_if_stale(reports_dir: Path) -> tuple[int, str]:
    """Rebuild the tables when data/raw changed since the last build by this command (or none exist);
    the build's exit code, and the digest of data/raw for the provenance (from the same check: the
    raw folder is walked once per report)."""
    from . import freshness

    stale, state = decide(reports_dir)
    sha256 = freshness.tree_digest(state, "raw")
    if not stale:
        _say("tables are up to date with data/raw")
        freshness.save(reports_dir / MANIFEST_FILE, state)  # moved mtimes, same bytes: next time, a walk
        return 0, sha256
    from .. import build

    _say("raw data or tables changed (or tables missing): rebuilding the tables")
    code = build.main()
    if code == 0:  # the state after the build: the tables it wrote are the ones to watch
        freshness.save(reports_dir / MANIFEST_FILE, freshness.check(watched(), reports_dir / MANIFEST_FILE))
    else:
        _say(f"build exited with {code}: some rows were rejected (see data/processed/rejected.csv)")
    return code, sha256


# --- parameters ----------------------------------------------------------------------------------

def notebook_parameters(path: Path) -> dict:
    """The defaults of a notebook's ``parameters`` cell as Python values: its top-level ``name = value``
    lines, as papermill reads them (read here without importing papermill, before the decision)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        return {}
    source = tagged[0]["source"]
    out = {}
    for node in ast.parse(source if isinstance(source, str) else "".join(source)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out[node.target.id] = ast.literal_eval(node.value)
    return out


def _convert(name: str, text: str, default):
    # Typed by the notebook's default: dates and authority names stay strings (papermill's
    # own -p would turn "2023" into an int).
    try:
        if isinstance(default, bool):
            if text.lower() not in {"true", "false"}:
                raise ValueError(text)
            return text.lower() == "true"
        if isinstance(default, (int, float)):
            return type(default)(text)
    except ValueError:
        raise SystemExit(f"parameter {name}: {text!r} is not a {type(default).__name__}") from None
    return text


def resolve_parameters(notebooks: list[Path], overrides: list[tuple[str, str]]) -> dict[str, dict]:
    """Per notebook: its defaults with the command-line values applied (only those it declares)."""
    defaults = {nb.stem: notebook_parameters(nb) for nb in notebooks}
    declared = {name for params in defaults.values() for name in params}
    unknown = sorted({key for key, _ in overrides} - declared)
    if unknown:
        raise SystemExit(f"unknown parameter(s) {', '.join(unknown)}; the notebooks declare {', '.join(sorted(declared))}")
    resolved = {}
    for stem, params in defaults.items():
        params = dict(params)
        for key, text in overrides:
            if key in params:
                params[key] = _convert(key, text, params[key])
        resolved[stem] = params
    return resolved


# --- running -------------------------------------------------------------------------------------

def select_notebooks(directory: Path, names: list[str] | None) -> list[Path]:
    available = sorted(directory.glob(NOTEBOOK_PATTERN))
    if not names:
        return available
    by_name = {nb.stem: nb for nb in available} | {nb.name: nb for nb in available}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise SystemExit(f"no notebook named {', '.join(missing)} in {directory.name}/; "
                         f"choose from {', '.join(nb.stem for nb in available)}")
    return sorted({by_name[n] for n in names})


def execute(source: Path, target: Path, parameters: dict, timeout: int) -> tuple[str, str, float]:
    """Run one notebook; (status, error summary, seconds). Never raises for a notebook's own failure."""
    import papermill

    from . import forkserver

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    _say(f"{source.stem}: running")
    started = time.monotonic()
    # A kernel forked from the report's server (forkserver.py), else an ordinary one; encrypted either way.
    manager = forkserver.kernel_manager_class() if os.environ.get(forkserver.ENV) else kernel.manager_class()
    for attempt in (1, 2):
        status, error = "ok", ""
        try:
            # Saved once at the end (or at the failing cell), not after every cell: each save encodes
            # and validates the whole notebook, charts included.
            papermill.execute_notebook(str(source), str(target), parameters=parameters, kernel_name=KERNEL,
                                       progress_bar=False, execution_timeout=timeout, cwd=str(source.parent),
                                       request_save_on_cell_execute=False, kernel_manager_class=manager)
        except papermill.PapermillExecutionError as exc:
            status, error = "failed", f"{exc.ename}: {exc.evalue}".strip()
        except Exception as exc:  # a timeout or a dead kernel: still this notebook's failure only
            status, error = "failed", f"{type(exc).__name__}: {exc}".strip()
        if status == "ok" or target.exists() or attempt == 2:
            break
        # The kernel never started (nothing was written). Kernels started side by side can pick the
        # same free port and one dies binding it (papermill#511, jupyter_client#154): once more.
        _say(f"{source.stem}: the kernel did not start ({error.splitlines()[0] if error else 'no reason given'}); trying once more")
    return status, error.splitlines()[0] if error else "", time.monotonic() - started


def findings_for(parameters: dict) -> tuple[dict, bool]:
    """Every section of ``findings`` under the run's parameters; a section that fails records why."""
    from ..analysis import findings

    out, ok = {"parameters": parameters}, True
    for section in findings.SECTIONS:
        try:
            out[section] = findings.section(section, **parameters)
        except Exception as exc:  # noqa: BLE001 - reported in the file and in the exit code
            out[section] = {"error": f"{type(exc).__name__}: {exc}"}
            ok = False
    return out, ok


def findings_report(parameters: dict, provenance: dict) -> dict:
    """findings.json's text, whether every section was computed, and what the pages say from the
    findings (``html.findings_texts``): plain JSON values. The kernels' server runs this in a process
    forked from it (it has the analysis stack imported and the tables read); this process runs it
    only without a server."""
    from . import html as pages

    found, ok = findings_for(parameters)
    found["provenance"] = provenance
    return {"json": json.dumps(found, indent=2, sort_keys=True) + "\n", "ok": ok, "texts": pages.findings_texts(found)}


def code_cells(notebook: Path) -> int:
    """How many code cells a notebook has: the guess of its running time that orders the queue."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    return sum(c.get("cell_type") == "code" for c in cells)


def default_run_id(reports_dir: Path, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H%MZ")
    run_id, counter = stamp, 1
    while (reports_dir / run_id).exists():
        counter += 1
        run_id = f"{stamp}-{counter}"
    return run_id


def run(notebooks: list[Path], parameters: dict[str, dict], findings_parameters: dict, reports_dir: Path,
        run_id: str, timeout: int = 600, jobs: int = 1,
        kernels: forkserver.Server | None = None, raw_sha256: str | None = None) -> tuple[Path, list[Outcome], bool]:
    import shutil
    import tempfile

    from . import forkserver

    if not run_id or run_id.startswith(".") or Path(run_id).name != run_id:
        raise SystemExit(f"run id {run_id!r} must be a plain folder name")
    final = reports_dir / run_id
    if final.exists():
        raise SystemExit(f"report folder {run_id} already exists; choose another --run-id")
    reports_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{run_id}.", dir=reports_dir))
    try:
        outcomes = [Outcome(nb.stem, parameters[nb.stem], files={"ipynb": nb.name, "html": f"{nb.stem}.html"})
                    for nb in notebooks]
        jobs = max(1, min(jobs, len(notebooks)))
        _say(f"running {len(notebooks)} notebook(s) into {final}/ with {jobs} job(s)")
        # Kernels run in worker processes: each notebook gets its own, and --jobs of them at once,
        # the notebooks with the most code first (the last to start should be a short one, not the
        # longest running alone at the end). Meanwhile findings.json is computed (the kernels' server
        # forks a process for it) and each notebook's page is exported as soon as that notebook is
        # done, while the others still run.
        titles = {}
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from . import html as pages

        import papermill  # noqa: F401 - imported once here, inherited by the forked workers

        # Made while the kernels' server is still starting (it is the longer of the two).
        provenance = pages.provenance(run_id, findings_parameters, raw_sha256 or raw_digest(reports_dir))
        exporter = pages.exporter()  # one for every page: its templates are compiled once
        served = bool(kernels and kernels.wait_ready())
        if served:
            os.environ[forkserver.ENV] = kernels.path  # the workers' kernel managers fork from it
        else:
            os.environ.pop(forkserver.ENV, None)
        queue = sorted(zip(notebooks, outcomes), key=lambda pair: -code_cells(pair[0]))  # stable: ties by name
        # Forked, so that the workers inherit papermill (Python 3.14's default start method would re-import it).
        fork = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=fork, initializer=forkserver.quiet_on_interrupt) as pool:
            with forkserver.forking():  # the workers start with the first submit
                futures = {pool.submit(execute, nb, staging / nb.name, o.parameters, timeout): (nb, o) for nb, o in queue}
            pending = kernels.findings(findings_parameters, provenance) if served else None
            summary = (pending and pending()) or findings_report(findings_parameters, provenance)
            banner = pages.banner(*summary["texts"]["page_banner"])
            for i, future in enumerate(as_completed(futures), 1):
                nb, o = futures[future]
                o.status, o.error, o.seconds = future.result()
                _say(f"[{i}/{len(outcomes)}] {o.name}: {o.status} in {o.seconds:.1f} s" + (f" ({o.error})" if o.error else ""))
                executed = staging / nb.name
                if not executed.exists():  # the kernel never started: keep the source as the evidence
                    shutil.copyfile(nb, executed)
                titles[o.name] = pages.render_notebook(executed, staging / o.files["html"], banner, exporter)
        findings_ok = summary["ok"]
        (staging / "findings.json").write_text(summary["json"])
        (staging / "index.html").write_text(pages.render_index(run_id, outcomes, titles, summary["texts"], provenance,
                                                               findings_ok))
        staging.chmod(0o755)  # mkdtemp makes it private; a report is for reading
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final, outcomes, findings_ok


def main(args: argparse.Namespace) -> int:
    notebooks_dir = args.notebooks_dir or config.NOTEBOOKS
    reports_dir = args.reports_dir or config.REPORTS
    notebooks = select_notebooks(notebooks_dir, args.notebook)
    if not notebooks:
        _say(f"no notebooks matching {NOTEBOOK_PATTERN} in {notebooks_dir}")
        return 2
    try:
        parameters = resolve_parameters(notebooks, args.parameter)
    except SystemExit as err:  # an unknown name or a value of the wrong type: a usage error too
        checks.stop_if([str(err.code)])
    checks.check_values(parameters)  # every parameter problem at once, before any kernel starts
    # The decision comes first, before anything heavy is imported (a no-change run at 100k records
    # should decide in a directory walk); then the kernel's registration.
    if args.check:
        stale, state = decide(reports_dir)
        _say(f"data/raw or the tables changed ({len(state.changed)} file(s)) or tables missing: a rebuild is due"
             if stale else "tables are up to date with data/raw")
        return 1 if stale else 0
    build_code, raw_sha256 = (0, None) if args.no_build else rebuild_if_stale(reports_dir)
    import shutil
    import tempfile

    from . import forkserver

    # The kernels' server (forkserver.py) starts as soon as the tables are built, so that its imports
    # overlap this process's (the kernel's registration, papermill, nbconvert).
    # FOI_ANALYSIS_FORKSERVER=off: ordinary kernels.
    from ..analysis.defaults import DEFAULTS  # not ..analysis.findings: this process imports no pandas

    findings_parameters = dict(DEFAULTS)
    for key, text in args.parameter:
        if key in findings_parameters:
            findings_parameters[key] = _convert(key, text, findings_parameters[key])
    scratch = tempfile.mkdtemp(prefix="foi-kernels-")
    server = forkserver.Server(scratch, findings_parameters) if os.environ.get(forkserver.ENV) != "off" else None
    try:
        kernel.ensure()
        checks.check_authority(parameters)
        run_id = args.run_id or default_run_id(reports_dir)
        final, outcomes, findings_ok = run(notebooks, parameters, findings_parameters, reports_dir, run_id,
                                           timeout=args.timeout, jobs=args.jobs, kernels=server,
                                           raw_sha256=raw_sha256)
    finally:
        if server:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    failed = [o.name for o in outcomes if o.status != "ok"]
    _say(f"report written to {final / 'index.html'}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed or not findings_ok or build_code else 0
