"""Findings computed once per process while the tables are unchanged (``findings.section``): the report's
kernels are forked from a server that computed them, so a stale or shared result would reach a page."""

from __future__ import annotations

import shutil

import pytest

from foi_analysis import config
from foi_analysis.analysis import findings

PARAMETERS = {"authority": "", "start": "", "end": "", "confidence": 0.95}


@pytest.fixture
def counted(monkeypatch):
    """How often each section is really computed."""
    calls = []
    for name, compute in list(findings.SECTIONS.items()):
        monkeypatch.setitem(findings.SECTIONS, name, lambda _c=compute, _n=name, **p: calls.append(_n) or _c(**p))
    monkeypatch.setattr(findings, "_COMPUTED", {})
    return calls


def test_a_section_is_computed_once_and_each_caller_gets_its_own_copy(counted):
    first = findings.compute_all(**PARAMETERS)
    assert sorted(counted) == sorted(findings.SECTIONS)
    first["coverage"]["disclosures"] = -1  # a caller's change
    again = findings.compute_all(**PARAMETERS)
    assert sorted(counted) == sorted(findings.SECTIONS)  # nothing computed twice
    # the test corpus holds five seed records (tests/fixtures/corpus)
    assert again["coverage"]["disclosures"] == 5
    findings.section("coverage", **{**PARAMETERS, "authority": "mayor"})  # other parameters: computed
    assert counted.count("coverage") == 2


def test_a_table_file_replaced_is_read_again(counted, tmp_path, monkeypatch):
    processed = shutil.copytree(config.PROCESSED, tmp_path / "processed")
    monkeypatch.setattr(config, "PROCESSED", processed)
    assert findings.section("data_quality", **PARAMETERS)["rejected"] == 0  # the test corpus builds clean
    text = (processed / "rejected.csv").read_text(encoding="utf-8")
    fresh = processed / "rejected.csv.new"  # replaced by renaming, as the build does
    fresh.write_text(text + "disclosures/x.yaml,reference,,missing reference; record set aside\n", encoding="utf-8")
    fresh.replace(processed / "rejected.csv")
    assert findings.section("data_quality", **PARAMETERS)["rejected"] == 1
    assert counted.count("data_quality") == 2


def test_an_error_is_not_kept(monkeypatch):
    monkeypatch.setattr(findings, "_COMPUTED", {})
    calls = []

    def fails(**_):
        calls.append(1)
        raise ValueError("no tables")

    monkeypatch.setitem(findings.SECTIONS, "coverage", fails)
    for _ in range(2):
        with pytest.raises(ValueError):
            findings.section("coverage", **PARAMETERS)
    assert len(calls) == 2


def test_the_kernels_server_keeps_every_section_computed_by_its_child(counted):
    from foi_analysis.report import forkserver

    keep = forkserver._compute_findings(PARAMETERS)  # a forked child computes them
    keep()
    assert counted == []  # not computed in this process
    found = findings.compute_all(**PARAMETERS)  # what a notebook forked from the server asks for
    assert counted == []  # kept: nothing computed again
    findings._COMPUTED.clear()
    assert findings.compute_all(**PARAMETERS) == found  # the same numbers as computed here
    assert sorted(counted) == sorted(findings.SECTIONS)


def test_sections_computed_for_other_files_are_not_kept(monkeypatch):
    monkeypatch.setattr(findings, "_COMPUTED", {})
    state, day, numbers = findings.computed(PARAMETERS)
    findings._COMPUTED.clear()
    stale = tuple((path, None) for path, *_ in state)  # as if every table had been missing
    assert not findings.remember(PARAMETERS, stale, day, numbers)
    assert findings._COMPUTED == {}
    assert findings.remember(PARAMETERS, state, day, numbers) and len(findings._COMPUTED) == len(numbers)


def test_a_parameter_that_cannot_be_a_key_is_computed_and_not_kept(monkeypatch):
    monkeypatch.setattr(findings, "_COMPUTED", {})
    monkeypatch.setitem(findings.SECTIONS, "coverage", lambda **p: {"authorities": len(p["authority"])})
    assert findings.section("coverage", authority=["a", "b"]) == {"authorities": 2}
    assert findings._COMPUTED == {}
