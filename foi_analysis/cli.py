"""`foi-analysis build | report | extract | validate`: thin wrappers over the package."""

from __future__ import annotations

import argparse
import importlib
import sys


def _build(args: argparse.Namespace) -> int:
    from . import build

    return build.main(check_only=args.command == "validate")


def _report(args: argparse.Namespace) -> int:
    from .report import run

    return run.main(args)


def _extract(args: argparse.Namespace) -> int:
    from . import extract

    return extract.main(args)


# Subcommands whose options are declared by their own module, imported only when that command runs
# (or asks for --help): `build` must not pay for the report's or the extractor's imports.
OPTIONS_FROM = {"report": "foi_analysis.report.run", "extract": "foi_analysis.extract"}


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="foi-analysis", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("build", help="raw records and grids -> validated tables in data/processed/").set_defaults(func=_build)
    sub.add_parser("validate", help="check the raw records without writing anything").set_defaults(func=_build)

    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    rep = sub.add_parser("report", help="run every notebook with papermill into reports/<run-id>/")
    rep.set_defaults(func=_report)
    ext = sub.add_parser("extract", help="saved FOI responses -> draft raw records for review")
    ext.set_defaults(func=_extract)
    for name, options in (("report", rep), ("extract", ext)):
        if command == name:
            importlib.import_module(OPTIONS_FROM[name]).add_arguments(options)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser(argv).parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
