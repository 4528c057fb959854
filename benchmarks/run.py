"""`make bench`: how the project behaves at scale. Writes benchmarks/results/latest.json and
BENCHMARKS.md. `--smoke` runs a tiny version (used by the test suite so this cannot rot).

Targets (2 cores): build of 100k records <= 30 s with linear growth (10x data <= 11x time);
1M working-day pairs <= 1 s and >= 100x a day-by-day loop; report <= 2x the same notebooks' code
run as plain Python; extractor >= 500 responses/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402

from foi_analysis import build, config  # noqa: E402
from foi_analysis.foia import calendar  # noqa: E402


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


def bench_build(sizes: list[int], work: Path) -> dict:
    rows = []
    for n in sizes:
        raw = synthetic.write_raw_corpus(n, work / f"corpus-{n}")
        seconds, result = timed(build.build, raw, work / f"processed-{n}")
        assert len(result.tables["requests"]) == n and not result.rejections, "synthetic corpus must build cleanly"
        rows.append({"records": n, "seconds": round(seconds, 3), "records_per_s": round(n / seconds)})
        shutil.rmtree(work / f"corpus-{n}")
    for a, b in zip(rows, rows[1:]):
        b["growth"] = round(b["seconds"] / a["seconds"], 2)
        b["data_growth"] = b["records"] // a["records"]
    return {"sizes": rows}


def day_by_day(received: np.ndarray, replies: np.ndarray) -> np.ndarray:
    """The straightforward loop the vectorised calendar is measured against."""
    holidays = set(calendar.uk_holidays())
    out = np.empty(len(received), dtype=np.int64)
    one = dt.timedelta(days=1)
    for i, (r, e) in enumerate(zip(received.tolist(), replies.tolist())):
        n, day = 0, r
        while day < e:
            day += one
            if day.weekday() < 5 and day not in holidays:
                n += 1
        out[i] = n
    return out


def bench_working_days(pairs: int, loop_sample: int) -> dict:
    rng = np.random.default_rng(2026)
    received = np.datetime64("2015-01-01") + rng.integers(0, 3650, pairs).astype("timedelta64[D]")
    replies = received + rng.integers(0, 120, pairs).astype("timedelta64[D]")
    calendar.busday_calendar()  # build the holiday table outside the timing, as any long run would
    seconds, vec = timed(calendar.working_day_number, received, replies)
    k = min(loop_sample, pairs)
    loop_seconds, looped = timed(day_by_day, received[:k].astype(object), replies[:k].astype(object))
    assert (vec[:k] == looped).all(), "vectorised and looped counts disagree"
    loop_full = loop_seconds * pairs / k
    return {"pairs": pairs, "seconds": round(seconds, 4), "loop_pairs_timed": k,
            "loop_seconds_for_all_pairs": round(loop_full, 2), "speedup": round(loop_full / seconds)}


def bench_extract(n: int) -> dict:
    from foi_analysis import extract

    texts = synthetic.response_texts(n)
    extract.extract_text(texts[0])  # warm regex caches
    seconds, out = timed(lambda: [extract.extract_text(t, source=f"syn-{i}") for i, t in enumerate(texts)])
    return {"responses": n, "seconds": round(seconds, 3), "responses_per_s": round(n / seconds)}


def _scratch_project(work: Path) -> Path:
    root = work / "project"
    for part in ("data", "notebooks"):
        shutil.copytree(config.ROOT / part, root / part)
    return root


def bench_report(work: Path, jobs: int) -> dict:
    """`foi-analysis report` against the notebooks' code exported and run as plain Python."""
    import nbformat
    from nbconvert import PythonExporter

    root = _scratch_project(work)
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    exe = Path(sys.executable).with_name("foi-analysis")
    start = time.perf_counter()
    done = subprocess.run([str(exe), "report", "--run-id", "bench", "--jobs", str(jobs)], env=env,
                          capture_output=True, text=True)
    report_seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"report failed:\n{done.stderr[-2000:]}")

    scripts = []
    for nb in sorted((root / "notebooks").glob("*.ipynb")):
        source, _ = PythonExporter().from_notebook_node(nbformat.read(nb, as_version=4))
        body = "\n".join(line for line in source.splitlines() if "get_ipython()" not in line)
        script = work / f"{nb.stem}.py"
        script.write_text("from IPython.display import display\n" + body, encoding="utf-8")
        scripts.append(script)
    plain_env = {**env, "MPLBACKEND": "Agg"}  # plain scripts have no inline backend
    start = time.perf_counter()
    for script in scripts:
        subprocess.run([sys.executable, str(script)], env=plain_env, check=True, capture_output=True, cwd=work)
    plain_seconds = time.perf_counter() - start
    return {"notebooks": len(scripts), "jobs": jobs, "report_seconds": round(report_seconds, 2),
            "plain_python_seconds": round(plain_seconds, 2), "ratio": round(report_seconds / plain_seconds, 2)}


def machine() -> dict:
    return {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}"}


TARGETS = [
    ("build 100k records", lambda r: r["build"]["sizes"][-1]["records"] >= 100_000 and r["build"]["sizes"][-1]["seconds"] <= 30),
    ("build growth 10x data <= 11x time", lambda r: all(s["growth"] <= 11 for s in r["build"]["sizes"][1:])),
    ("1M working-day pairs <= 1 s", lambda r: r["working_days"]["pairs"] >= 1_000_000 and r["working_days"]["seconds"] <= 1),
    (">= 100x the day-by-day loop", lambda r: r["working_days"]["speedup"] >= 100),
    ("report <= 2x plain Python", lambda r: "report" in r and r["report"]["ratio"] <= 2),
    ("extractor >= 500 responses/s", lambda r: r["extract"]["responses_per_s"] >= 500),
]


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Run by `make bench` on {results['date']}: {m['cores']} cores, {m['cpu']}, Python {m['python']}, {m['system']}.",
        "Raw figures: `benchmarks/results/latest.json`.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
    ]
    b = results["build"]["sizes"]
    for s in b:
        growth = f" ({s['growth']}x time for {s['data_growth']}x data)" if "growth" in s else ""
        lines.append(f"| build, {s['records']:,} records | {s['seconds']} s, {s['records_per_s']:,} records/s{growth} | 100k <= 30 s, linear |")
    w = results["working_days"]
    lines.append(f"| working days, {w['pairs']:,} pairs | {w['seconds']} s; day-by-day loop {w['loop_seconds_for_all_pairs']} s "
                 f"(timed on {w['loop_pairs_timed']:,} pairs, scaled): {w['speedup']}x | <= 1 s, >= 100x |")
    if "report" in results:
        r = results["report"]
        lines.append(f"| report, {r['notebooks']} notebooks, {r['jobs']} jobs | {r['report_seconds']} s vs plain Python "
                     f"{r['plain_python_seconds']} s: {r['ratio']}x | <= 2x |")
    e = results["extract"]
    lines.append(f"| extractor, {e['responses']:,} responses | {e['responses_per_s']:,} responses/s | >= 500/s |")
    lines += ["", "Targets:", ""]
    lines += [f"- {name}: {'met' if ok else 'NOT met'}" for name, ok in results["targets"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--smoke", action="store_true", help="tiny sizes, no report run (for the test suite)")
    p.add_argument("--out", type=Path, default=HERE / "results", help="folder for latest.json")
    p.add_argument("--markdown", type=Path, default=config.ROOT / "BENCHMARKS.md")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args(argv)

    sizes = [20, 200] if args.smoke else [1_000, 10_000, 100_000]
    results: dict = {"date": dt.date.today().isoformat(), "machine": machine(), "smoke": args.smoke}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("build ...", file=sys.stderr)
        results["build"] = bench_build(sizes, work)
        print("working days ...", file=sys.stderr)
        results["working_days"] = bench_working_days(10_000 if args.smoke else 1_000_000, 500 if args.smoke else 20_000)
        print("extractor ...", file=sys.stderr)
        results["extract"] = bench_extract(20 if args.smoke else 5_000)
        if not args.smoke:
            print("report ...", file=sys.stderr)
            results["report"] = bench_report(work, args.jobs)
    results["targets"] = {name: bool(check(results)) for name, check in TARGETS} if not args.smoke else {}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    text = markdown(results)
    if not args.smoke:
        args.markdown.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
