"""`foi-analysis build | validate | add | report | extract`: thin wrappers over the package.

The analyst's loop: extract (saved response -> draft) -> review -> add (draft -> record, rebuild)
-> report. Each module declares its own options; this file only wires them.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from . import __version__


def _chunk_plan(folder):
    """Run by the listing child (its imports there, after the fork): the build's ``chunking.Plan``."""
    from . import chunking

    return chunking.read_plan(folder)


def _build(args: argparse.Namespace) -> int:
    from . import config, listing

    # The record files are listed and stat-ed by a child on the other core while this process
    # imports pandas and pandera (~0.5 s each at 100k records), and sorted into the cache's chunks
    # with each chunk's stat signature there too; with no holiday table in the cache (a clean build),
    # another child computes it meanwhile.
    files = listing.prefetch(config.RAW_DISCLOSURES, reader=_chunk_plan)
    from . import cache
    from .foia import bank_holidays

    if not cache.entry_path(cache.cache_folder(config.RAW), "calendar").exists():
        bank_holidays.prefetch()
    from . import build

    return build.main(check_only=args.command == "validate", listing=files)


def _add(args: argparse.Namespace) -> int:
    from .records import add

    code, written = add.main(args)
    if written and not args.no_build:
        from . import build

        print("rebuilding the tables (the change in each table's rows is in brackets):", file=sys.stderr)
        code = max(code, build.main())
        if code == 0:  # the next steps of the weekly job (data/raw/README.md), the authorities list with them
            print("next: commit the record and its tables together (git add data/raw/disclosures/ data/processed/ "
                  "foi_analysis/records/authorities.csv; git commit), then make report", file=sys.stderr)
    return code


def _report(args: argparse.Namespace) -> int:
    from .report import run

    return run.main(args)


def _extract(args: argparse.Namespace) -> int:
    from . import extract

    return extract.main(args)


# Subcommands whose options are declared by their own module, imported only when that command runs
# (or asks for --help): `build` must not pay for the report's or the extractor's imports.
OPTIONS_FROM = {"extract": "foi_analysis.extract", "add": "foi_analysis.records.add", "report": "foi_analysis.report.run"}


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="foi-analysis", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("build", help="raw records and grids -> validated tables in data/processed/").set_defaults(func=_build)
    sub.add_parser("validate", help="check the raw records and grids as build does, without writing anything").set_defaults(func=_build)

    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    subcommands = {
        "extract": sub.add_parser("extract", help="saved FOI responses -> draft records for review (in ./drafts/)"),
        "add": sub.add_parser("add", help="reviewed drafts -> records in data/raw/disclosures/, then rebuild"),
        "report": sub.add_parser("report", help="run every notebook with papermill into reports/<run-id>/"),
    }
    subcommands["extract"].set_defaults(func=_extract)
    subcommands["add"].set_defaults(func=_add)
    subcommands["report"].set_defaults(func=_report)
    if command in subcommands:
        importlib.import_module(OPTIONS_FROM[command]).add_arguments(subcommands[command])
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl-C. Every command writes each file whole or not at all (a temporary file, or the
        # report's folder, renamed into place), so a traceback would only make it look like a crash.
        print("\nfoi-analysis: interrupted; no file is left half-written (what had finished is in place, "
              "the rest as the last run left it)", file=sys.stderr)
        return 130  # the shell's code for a process ended by SIGINT (128 + 2)


def _main(argv: list[str] | None) -> int:
    p = parser(argv)
    args = p.parse_args(argv)
    if args.command is None:  # a bare `foi-analysis`: say what it can do
        p.print_help()
        return 0
    code = args.func(args)
    if argv is None:
        # Run as the command, the process ends next: what the command built is frozen so that the
        # interpreter's last garbage collection skips it and the OS frees it (~0.3 s less at the end
        # of a report). Called with arguments (tests, notebooks), nothing changes.
        gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
