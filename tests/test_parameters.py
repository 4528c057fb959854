"""Report parameters are checked before any kernel starts: every problem at once, exit 2."""

from __future__ import annotations

import pytest

from foi_analysis import cli
from foi_analysis.report import parameters, run as report


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if a notebook run is attempted."""
    def refuse(*args, **kwargs):
        raise AssertionError("a notebook run started despite bad parameters")

    monkeypatch.setattr(report, "run", refuse)
    monkeypatch.setattr(report, "execute", refuse)


def report_with(tmp_path, *params: str) -> list[str]:
    args = ["report", "--no-build", "--reports-dir", str(tmp_path), "--run-id", "r"]
    for pair in params:
        args += ["-p", *pair.split("=", 1)]
    with pytest.raises(SystemExit) as stopped:
        cli.main(args)
    assert stopped.value.code == 2
    return stopped


def test_bad_values_are_all_reported_at_once_with_exit_2(tmp_path, capsys, no_kernel):
    report_with(tmp_path, "confidence=1.5", "start=2024-02-30", "end=2023-01-01")
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "report: parameter confidence: 1.5 must be a number between 0 and 1, exclusive (e.g. 0.95)",
        "report: parameter start: '2024-02-30' is not a date that exists, written YYYY-MM-DD (e.g. 2023-04-06)",
    ]
    assert not (tmp_path / "r").exists()


def test_start_after_end(tmp_path, capsys, no_kernel):
    report_with(tmp_path, "start=2024-02-01", "end=2024-01-31")
    assert "report: parameters start and end: start 2024-02-01 is after end 2024-01-31" in capsys.readouterr().err


def test_wrong_type_and_unknown_name_are_usage_errors_too(tmp_path, capsys, no_kernel):
    report_with(tmp_path, "confidence=high")
    assert "report: parameter confidence: 'high' is not a float" in capsys.readouterr().err
    report_with(tmp_path, "confidnece=0.9")
    assert "unknown parameter(s) confidnece" in capsys.readouterr().err


def test_an_authority_matching_nothing_names_the_known_ones(tmp_path, capsys, no_kernel):
    # The test corpus: MOPAC's FOI 506 and four Met records (the Met also publishes the grids).
    report_with(tmp_path, "authority=Kent")
    assert ("report: parameter authority: 'Kent' matches no authority in the tables; known: "
            "Mayor's Office for Policing and Crime; Metropolitan Police Service") in capsys.readouterr().err


@pytest.mark.parametrize("values", [
    {"confidence": 0.95, "start": "", "end": ""},
    {"confidence": 0.5, "start": "2016-09-23", "end": "2016-09-23"},  # a one-day range is fine
])
def test_good_values_pass(values):
    assert parameters.value_problems(values) == []


@pytest.mark.parametrize("confidence", [0, 1, -0.1, True])
def test_confidence_is_strictly_between_0_and_1(confidence):
    assert parameters.value_problems({"confidence": confidence})
