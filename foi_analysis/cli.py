"""`foi-analysis build | report | extract | validate`: thin wrappers over the package."""

from __future__ import annotations

import argparse
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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="foi-analysis", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("build", help="raw records and grids -> validated tables in data/processed/").set_defaults(func=_build)
    sub.add_parser("validate", help="check the raw records without writing anything").set_defaults(func=_build)

    # Each module declares its own options (report: parameters, notebook choice, run id; extract: files).
    from . import extract
    from .report import run as report

    rep = sub.add_parser("report", help="run every notebook with papermill into reports/<run-id>/")
    rep.set_defaults(func=_report)
    report.add_arguments(rep)

    ext = sub.add_parser("extract", help="saved FOI responses -> draft raw records for review")
    ext.set_defaults(func=_extract)
    extract.add_arguments(ext)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
