"""A tiny run of `make bench`, so the benchmark code cannot rot. No timing is asserted here:
speed targets live in the benchmark itself (BENCHMARKS.md)."""

import json
import sys

from foi_analysis import config

sys.path.insert(0, str(config.REPOSITORY / "benchmarks"))
import run  # noqa: E402
import synthetic  # noqa: E402


def test_smoke_benchmark_runs_and_records_results(tmp_path):
    assert run.main(["--smoke", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "latest.json").read_text())
    assert [s["records"] for s in results["build"]["sizes"]] == [20, 200]
    assert results["working_days"]["pairs"] == 10_000 and results["working_days"]["speedup"] > 0
    assert results["extract"]["responses"] == 20


def test_synthetic_corpora_are_deterministic(tmp_path):
    a = synthetic.write_raw_corpus(30, tmp_path / "a", seed=7)
    b = synthetic.write_raw_corpus(30, tmp_path / "b", seed=7)
    files = sorted(p.name for p in (a / "disclosures").iterdir())
    assert len(files) == 30
    assert all((a / "disclosures" / f).read_bytes() == (b / "disclosures" / f).read_bytes() for f in files)
    assert synthetic.response_texts(5, seed=7) == synthetic.response_texts(5, seed=7)


def test_the_loop_baseline_agrees_with_the_calendar():
    # The benchmark's day-by-day loop is only a fair baseline if it counts the same days:
    # received Fri 23/09/2016, 10/12/2016 is working day 54 (../shared/STYLE.md worked example).
    import numpy as np

    got = run.day_by_day(np.array(["2016-09-23"], dtype="datetime64[D]").astype(object),
                         np.array(["2016-12-10"], dtype="datetime64[D]").astype(object))
    assert got.tolist() == [54]
