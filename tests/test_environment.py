"""environment.yml must agree with pyproject.toml, where dependencies are declared once."""

import re
import tomllib

import yaml

from foi_analysis import config


def load():
    pyproject = tomllib.loads((config.ROOT / "pyproject.toml").read_text())
    env = yaml.safe_load((config.ROOT / "environment.yml").read_text())
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
