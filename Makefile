# foi-analysis: `make` alone prints this help. Every target sets up .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_ARGS ?=
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help build report scheduled test lab notebooks lock bench clean screenshots

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  make /'

# The environment: the exact versions in requirements.lock (resolved from pyproject.toml by
# `make lock`; complete, so installed without resolving again), then this package without touching
# them; then the project's Jupyter kernel. Redone when either file changes.
# The lock leaves out rfc3987-syntax, an optional IRI checker of jsonschema (asked for by
# jupyter-events): jsonschema imports it whenever it is installed, and it builds ~35 Earley
# grammars on import (2-3 s of CPU in every process that imports nbformat, the report's included);
# no schema this project or Jupyter validates uses the "iri" format (jsonschema#1428).
$(STAMP): pyproject.toml requirements.lock
	@echo "Setting up $(VENV) (first run only; the log is in $(VENV)/install.log)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --upgrade pip > $(VENV)/install.log 2>&1 || (cat $(VENV)/install.log; exit 1)
	@$(PY) -m pip install --no-deps -r requirements.lock >> $(VENV)/install.log 2>&1 || (tail -50 $(VENV)/install.log; exit 1)
	@$(PY) -m pip install -e . --no-deps >> $(VENV)/install.log 2>&1 || (tail -50 $(VENV)/install.log; exit 1)
	@$(PY) -m foi_analysis.report.kernel >> $(VENV)/install.log 2>&1 || (tail -20 $(VENV)/install.log; exit 1)
	@touch $(STAMP)

## build: raw records and grids -> validated tables in data/processed/
build: $(STAMP)
	$(VENV)/bin/foi-analysis build

## report: the main job: rebuild the tables if raw data changed, run every notebook, write reports/<run-id>/
report: $(STAMP)
	$(VENV)/bin/foi-analysis report

## scheduled: for cron: git pull, then make report, logged to reports/cron.log (created if missing)
scheduled:
	@mkdir -p reports
	@{ echo "== $$(date -u +%Y-%m-%dT%H:%MZ)"; git pull --ff-only -q && $(MAKE) --no-print-directory report; } >> reports/cron.log 2>&1

## test: the whole test suite (unit, notebooks via nbval, report smoke), on the test corpus
test: $(STAMP)
	$(PY) -m pytest

## lab: JupyterLab at the repository root on the project's kernel (LAB_ARGS="--port 8890 --no-browser")
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. --MultiKernelManager.default_kernel_name=foi-analysis $(LAB_ARGS)

## notebooks: re-run the notebooks in place on the test corpus (their saved outputs; docs/testing.md)
notebooks: $(STAMP)
	$(PY) tests/save_notebook_outputs.py

## lock: re-resolve requirements.lock from pyproject.toml (commit both)
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra lab --universal --python-version 3.11 \
		--no-header --quiet --no-emit-package rfc3987-syntax --output-file requirements.lock

## bench: timings at scale (see BENCHMARKS.md)
bench: $(STAMP)
	$(PY) benchmarks/run.py

## screenshots: the newest report in headless Chromium at 1280 px and phone width (optional; needs chromium)
screenshots:
	scripts/screenshots.sh

## clean: remove the environment and caches (data/processed is kept: it is committed)
clean:
	rm -rf $(VENV) .pytest_cache reports
