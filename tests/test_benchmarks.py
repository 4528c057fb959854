"""A tiny run of `make bench`, so the benchmark code cannot rot. No timing is asserted here:
speed targets live in the benchmark itself (BENCHMARKS.md)."""

import json
import os
import sys

from foi_analysis import config

sys.path.insert(0, str(config.REPOSITORY / "benchmarks"))
import run  # noqa: E402
import synthetic  # noqa: E402


def test_smoke_benchmark_runs_and_records_results(tmp_path):
    assert run.main(["--smoke", "--out", str(tmp_path)]) == 0
    rows = json.loads((tmp_path / "latest.json").read_text())["rows"]
    measures = [(r["measure"], r["data"]) for r in rows]
    assert ("build, clean (no cache)", "20 synthetic records + no grids") in measures
    assert ("build, one record changed (cached)", "200 synthetic records") in measures
    assert any(m == "extractor, one process, files read and decoded" for m, _ in measures)
    assert any(m.startswith("`foi-analysis extract FOLDER`") for m, _ in measures)  # the command as a user runs it
    assert any(m.startswith("report: has data/raw changed?") for m, _ in measures)
    for r in rows:  # every timed row carries its median, range and floor
        if "wall" in r:
            assert r["wall"]["min"] <= r["wall"]["median"] <= r["wall"]["max"] and r["wall"]["runs"] >= 1
            assert r["floor"] is not None or r["floor_text"]


def test_run_once_measures_a_process_tree(tmp_path):
    # A child that allocates ~200 MiB in a grandchild: the peak counts the whole tree, and cpu time
    # includes the grandchild's busy loop.
    script = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
              "'import time; b = bytearray(200 * 2**20); t = time.process_time(); "
              "exec(\"while time.process_time() - t < 0.3: pass\"); time.sleep(0.2)'], check=True)")
    got = run.run_once([sys.executable, "-c", script])
    assert got["peak_mib"] >= 200 and got["cpu"] >= 0.3 and got["wall"] >= 0.5


def test_response_corpus_is_real_size(tmp_path):
    # The seeds (when present) average 15 kB (76,887 bytes in 5 files); fixture letters are repeated to 15 kB.
    paths, what = run.response_corpus(tmp_path, 10)
    sizes = [p.stat().st_size for p in paths]
    assert len(paths) == 10 and sum(sizes) / len(sizes) >= run.REAL_SIZE
    # the fixture corpus, which `make bench` measures on every clone (and the seeds beside it when present)
    paths, what = run.response_corpus(tmp_path / "fixtures", 10, seeds=False)
    assert "fixture responses" in what and all(p.stat().st_size >= run.REAL_SIZE for p in paths)


def test_synthetic_corpora_are_deterministic(tmp_path):
    a = synthetic.write_raw_corpus(30, tmp_path / "a", seed=7)
    b = synthetic.write_raw_corpus(30, tmp_path / "b", seed=7)
    files = sorted(p.name for p in (a / "disclosures").iterdir())
    assert len(files) == 30
    assert all((a / "disclosures" / f).read_bytes() == (b / "disclosures" / f).read_bytes() for f in files)
    assert synthetic.response_texts(5, seed=7) == synthetic.response_texts(5, seed=7)


def test_synthetic_yaml_reads_back_as_the_record():
    # The fast emitter must write what PyYAML and yaml-rs (the build's reader) read back unchanged.
    import random

    import yaml
    import yaml_rs

    rng = random.Random(3)
    for i in range(300):
        rec = synthetic.record(i, rng)
        text = synthetic.to_yaml(rec)
        assert yaml.safe_load(text) == rec
        assert yaml_rs.loads(text, parse_datetime=False) == rec


def test_the_loop_baseline_agrees_with_the_calendar():
    # The benchmark's day-by-day loop is only a fair baseline if it counts the same days:
    # received Fri 23/09/2016, 10/12/2016 is working day 54 (../shared/STYLE.md worked example).
    import numpy as np

    got = run.day_by_day(np.array(["2016-09-23"], dtype="datetime64[D]").astype(object),
                         np.array(["2016-12-10"], dtype="datetime64[D]").astype(object))
    assert got.tolist() == [54]


def test_commands_are_measured_with_their_bytecode_kept(tmp_path, monkeypatch):
    # A machine that turns Python's bytecode cache off (this one does) would make every measured command
    # compile the package again at its start; the benchmark measures as Python runs by default, the
    # package compiled once (docs/performance.md, "How it is measured").
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert run.main(["--smoke", "--only", "days", "--out", str(tmp_path), "--markdown", str(tmp_path / "B.md")]) == 0
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ  # (the measured commands inherit this environment)
