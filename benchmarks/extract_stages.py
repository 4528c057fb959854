"""Where a letter's time goes in ``extract``: CPU time per stage on the benchmark's cold loop.

    .venv/bin/python benchmarks/extract_stages.py [--files 500] [--rounds 1]

The same 500 files as ``benchmarks/run.py --only extract`` (the seed responses as saved, else the
fixture letters repeated to real size), read one after another in one process with the caches keyed
by a letter's own text emptied before each (the benchmark's cold row). Each stage is one of our own
functions, timed by a wrapper around it for this run only (``time.process_time_ns``): "incl" is its
whole time, "excl" without the stages it calls. A step computed once per document and shared
("[shared]") is counted where it is first asked for. The wrappers cost about 1 us a call: the
figures are a little above the benchmark's and only their proportions are meant to be read.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import run  # noqa: E402  (the benchmark's own corpus)

from foi_analysis.extract import command, doc, events, grounds  # noqa: E402
from foi_analysis.foia import dates  # noqa: E402

clock = time.process_time_ns
incl: dict[str, int] = defaultdict(int)
excl: dict[str, int] = defaultdict(int)
_stack: list[int] = []


def _timed(owner, name: str, label: str) -> None:
    f = getattr(owner, name)

    @functools.wraps(f)
    def timed(*args, **kwargs):
        start = clock()
        _stack.append(0)
        try:
            return f(*args, **kwargs)
        finally:
            spent = clock() - start
            inner = _stack.pop()
            incl[label] += spent
            excl[label] += spent - inner
            if _stack:
                _stack[-1] += spent

    setattr(owner, name, timed)


# As ``command.extract_text`` calls them, in order.
STAGES = [(command, n, n) for n in ("decode", "html_to_text", "tab_tables", "clean_text", "unfold_answer_tables", "split_inline_request", "build_doc",
                                    "find_references", "find_authority", "law_of", "find_citations", "find_tables",
                                    "enumerated_questions", "find_questions", "find_events", "decide_outcome", "nothing_held",
                                    "request_text")]
STAGES += [
    (doc, "logical_lines", "  build_doc: join wrapped lines"),
    (doc.Doc, "__post_init__", "  build_doc: the document's lower case"),
    (doc, "_role", "  build_doc: who wrote each message"),
    (doc, "_classify_segments", "  build_doc: message kinds"),
    (doc, "_mark_quoted", "  build_doc: restated request, quoted statute"),
    (doc, "_mark_welsh", "  build_doc: Welsh paragraphs"),
    (doc, "_authorities_near", "  find_authority: names near the head and foot"),
    (events, "find_dates", "  find_events: dates"),
    (grounds, "answer_of", "  find_citations: the answer each unit is in"),
    (doc.Doc, "_read", "  [shared] the cue-word pass"),
    (doc.Doc, "digit_shape", "  [shared] digit shape"),
    (doc.Doc, "sign_offs", "  [shared] sign-offs"),
    (doc, "_answer_headings", "  [shared] answer headings"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="extract-stages-") as work:
        paths, data = run.response_corpus(Path(work) / "responses", args.files)
        # The caches the cold row empties, taken before the wrappers replace any of them.
        caches = (dates._parse,)
        for owner, name, label in STAGES:
            _timed(owner, name, label)
        command.extract_file(paths[0])  # compiled patterns and plans: one warm-up, as the benchmark
        incl.clear()
        excl.clear()
        total = 0
        for _ in range(args.rounds):
            for p in paths:
                for cache in caches:
                    cache.cache_clear()
                start = clock()
                command.extract_file(p)
                total += clock() - start
    n = args.files * args.rounds
    print(f"{data}; {n} reads, {total / n / 1e3:.0f} us of CPU a file with the wrappers\n")
    print("| stage | incl. % | incl. us a file | excl. % |")
    print("|---|---:|---:|---:|")
    for label in sorted(incl, key=lambda k: -incl[k]):
        print(f"| {label.strip()} | {incl[label] / total * 100:.1f} | {incl[label] / n / 1e3:.0f} | {excl[label] / total * 100:.1f} |")


if __name__ == "__main__":
    main()
