"""The canonical authority names, from ``authorities.csv`` (``canonical,alias`` rows, every canonical
name also listed as its own alias), which an analyst extends: read once, for ``add`` and ``extract``."""

from __future__ import annotations

import csv
import difflib
import io
from functools import lru_cache
from importlib import resources


def _fold(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Every known spelling (aliases, canonical names among them) -> the canonical name."""
    with resources.files(__package__).joinpath("authorities.csv").open(encoding="utf-8") as f:
        return {_fold(row["alias"]): _fold(row["canonical"]) for row in csv.DictReader(f) if row.get("alias")}


def problem(authority: str) -> str | None:
    """Why ``authority`` is not a canonical name from authorities.csv, or None."""
    names = aliases()
    canonical = sorted(set(names.values()))
    if authority in canonical:
        return None
    if authority in names:
        return f"not the canonical name: write '{names[authority]}'"
    near = difflib.get_close_matches(authority, canonical, n=3, cutoff=0.5)
    near += [c for c in canonical if authority.lower() in c.lower() and c not in near][:3 - len(near)]
    hint = f"; nearest known: {'; '.join(near)}" if near else ""
    # The line that makes a body new to the corpus known, quoted as the csv module would write it.
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow([authority, authority])
    new = "if none of these is the body, it is" if near else "if the name is right, the body is"
    return (f"unknown authority (not in foi_analysis/records/authorities.csv){hint}; {new} new to the corpus: "
            f"add the line {line.getvalue()} to foi_analysis/records/authorities.csv, commit it, and add again")
