"""environment.yml and requirements.lock must agree with pyproject.toml, where dependencies are
declared once; the project kernel and `make lab` use this environment."""

import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from foi_analysis import config


def load():
    pyproject = tomllib.loads((config.REPOSITORY / "pyproject.toml").read_text())
    env = yaml.safe_load((config.REPOSITORY / "environment.yml").read_text())
    return pyproject["project"], env


def test_environment_installs_the_package_with_every_extra():
    project, env = load()
    deps = env["dependencies"]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert len(pip) == 1
    m = re.fullmatch(r'-e\s+"?\.\[([\w,\- ]+)\]"?', pip[0])
    assert m, pip[0]
    assert sorted(x.strip() for x in m.group(1).split(",")) == sorted(project["optional-dependencies"])


def test_environment_lists_nothing_beyond_python_and_pip():
    # Every library comes from pyproject.toml; a second list would drift.
    project, env = load()
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    names = sorted(re.split(r"[<>=!~ ]", d, maxsplit=1)[0] for d in conda)
    assert names == ["pip", "python"]
    python = next(d for d in conda if d.startswith("python"))
    assert python.replace("python", "") == project["requires-python"]
    assert "conda-forge" in env["channels"]


def test_required_stack_is_declared():
    project, _ = load()
    declared = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower() for d in extra}
    required = {"pandas", "matplotlib", "seaborn", "jupyterlab", "papermill", "pytest", "nbval", "holidays",
                "pandera", "scipy", "statsmodels", "pyyaml",
                "pypdfium2"}  # the PDF library (PDFium, which pdfplumber itself renders with)
    assert required <= declared, required - declared
    pandas = next(d for d in project["dependencies"] if d.startswith("pandas"))
    assert ">=3" in pandas


def _lock() -> dict[str, list[str]]:
    """requirements.lock as {normalised name: [versions pinned]} (one per platform/Python marker)."""
    from packaging.utils import canonicalize_name

    pins: dict[str, list[str]] = {}
    for line in (config.REPOSITORY / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = line.split(";", 1)[0].strip()
        assert re.fullmatch(r"[A-Za-z0-9._\-\[\]]+==[^=<>~!,\s]+", requirement), f"not an exact pin: {line}"
        name, version = requirement.split("==")
        pins.setdefault(canonicalize_name(name.split("[")[0]), []).append(version)
    return pins


def test_lock_pins_every_declared_dependency_within_its_range():
    # `make lock` resolves pyproject.toml into requirements.lock; adding a dependency without
    # re-locking (or a lock older than a raised minimum) fails here rather than at next month's run.
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project, _ = load()
    pins = _lock()
    declared = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    for text in declared:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is declared in pyproject.toml but not pinned in requirements.lock: run make lock"
        for version in pins[name]:
            assert req.specifier.contains(version, prereleases=True), f"{req.name}=={version} is outside {req.specifier}"
    assert "foi-analysis" not in pins  # the package itself is installed from the checkout (-e . --no-deps)


def test_lock_check_can_fail(tmp_path, monkeypatch):
    # The check above is not vacuous: a lock without pandas is refused.
    text = (config.REPOSITORY / "requirements.lock").read_text()
    stripped = "\n".join(line for line in text.splitlines() if not line.startswith("pandas=="))
    (tmp_path / "requirements.lock").write_text(stripped)
    (tmp_path / "pyproject.toml").write_text((config.REPOSITORY / "pyproject.toml").read_text())
    (tmp_path / "environment.yml").write_text((config.REPOSITORY / "environment.yml").read_text())
    monkeypatch.setattr(config, "REPOSITORY", tmp_path)
    with pytest.raises(AssertionError, match="pandas is declared"):
        test_lock_pins_every_declared_dependency_within_its_range()


def test_the_installed_environment_is_complete():
    # `make` installs the lock with --no-deps: a package's dependency missing from the lock is an
    # error here, not at the first run that imports it.
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_lock_leaves_out_the_slow_optional_iri_checker():
    # See the Makefile: with rfc3987-syntax installed, importing nbformat (papermill, the report)
    # costs 2-3 s more of CPU, for a format no schema here uses.
    assert "rfc3987-syntax" not in _lock()
    assert "--no-emit-package rfc3987-syntax" in (config.REPOSITORY / "Makefile").read_text()


def test_project_kernel_runs_this_environment():
    # papermill, nbval and JupyterLab start "foi-analysis", never whichever "python3" is first.
    from jupyter_client.kernelspec import KernelSpecManager

    from foi_analysis.report import kernel

    assert kernel.ensure() == sys.executable
    spec = KernelSpecManager().get_kernel_spec(kernel.NAME)
    assert spec.argv[0] == sys.executable and spec.language == "python"


def _outside_make() -> dict:
    """The environment without what a calling `make test` passes to sub-makes."""
    import os

    return {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"}}


def test_make_lab_opens_the_repository_root_with_the_project_kernel():
    done = subprocess.run(["make", "-n", "--no-print-directory", "lab", "LAB_ARGS=--port 8899 --no-browser"],
                          cwd=config.REPOSITORY, env=_outside_make(), capture_output=True, text=True, timeout=60)
    command = next(line for line in done.stdout.splitlines() if "jupyter" in line)
    assert "jupyter lab" in command and "--ServerApp.root_dir=." in command
    assert "default_kernel_name=foi-analysis" in command and command.endswith("--port 8899 --no-browser")


def test_the_cron_line_works_on_a_fresh_clone(tmp_path):
    # The documented cron line is `cd <clone> && make scheduled`. On a fresh clone (or after
    # `make clean`) there is no reports/ folder; the log must still be written. The real
    # `foi-analysis report` is replaced by a stub: this checks the Makefile's plumbing only.
    git = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test"]
    origin = tmp_path / "origin"
    origin.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        (origin / name).write_bytes((config.REPOSITORY / name).read_bytes())
    subprocess.run([*git, "init", "-q"], cwd=origin, check=True)
    subprocess.run([*git, "add", "."], cwd=origin, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=origin, check=True)
    clone = tmp_path / "clone"
    subprocess.run([*git, "clone", "-q", str(origin), str(clone)], check=True)
    stub = clone / ".venv" / "bin" / "foi-analysis"
    stub.parent.mkdir(parents=True)
    stub.write_text('#!/bin/sh\necho "stub report ran: $*"\n')
    stub.chmod(0o755)
    (clone / ".venv" / ".installed").touch()  # newer than pyproject.toml and the lock: no set-up
    assert not (clone / "reports").exists()
    done = subprocess.run(["make", "scheduled"], cwd=clone, env=_outside_make(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    log = (clone / "reports" / "cron.log").read_text()
    assert log.startswith("== ") and "stub report ran: report" in log
