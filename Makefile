# foi-analysis: `make` alone prints this help. Every target sets up .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help build report test lab bench clean screenshots

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  make /'

# The environment: created once, refreshed when pyproject.toml changes.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run only; the log is in $(VENV)/install.log)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --upgrade pip > $(VENV)/install.log 2>&1 || (cat $(VENV)/install.log; exit 1)
	@$(PY) -m pip install -e '.[test,lab]' >> $(VENV)/install.log 2>&1 || (tail -50 $(VENV)/install.log; exit 1)
	@touch $(STAMP)

## build: raw records and grids -> validated tables in data/processed/
build: $(STAMP)
	$(VENV)/bin/foi-analysis build

## report: the main job: rebuild the tables if raw data changed, run every notebook, write reports/<run-id>/
report: $(STAMP)
	$(VENV)/bin/foi-analysis report

## test: the whole test suite (unit, notebooks via nbval, report smoke)
test: $(STAMP)
	$(PY) -m pytest

## lab: JupyterLab on the project's kernel
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

## bench: timings at scale (see BENCHMARKS.md)
bench: $(STAMP)
	$(PY) benchmarks/run.py

## screenshots: the newest report in headless Chromium at 1280 px and phone width (optional; needs chromium)
screenshots:
	scripts/screenshots.sh

## clean: remove the environment and caches (data/processed is kept: it is committed)
clean:
	rm -rf $(VENV) .pytest_cache reports
