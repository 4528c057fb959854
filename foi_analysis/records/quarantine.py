"""Rejected input, kept aside with its reason instead of being dropped."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from ..files import shown_name

COLUMNS = ["source", "field", "value", "reason"]


# A name that looks like an input (x.yaml, x.pdf) but is a folder, a broken link or a named pipe (which
# would block a read): reported with this reason, never opened.
UNREADABLE = "not a readable file (a folder, a broken link or a special file)"


# How a rejection says a whole file is left out (the report counts such files, data_quality.py): the
# field of a file that could not be read as a record, and the end of the reason of a problem in a
# field the record cannot do without.
WHOLE_FILE = "(file)"
SET_ASIDE = "; record set aside"


@dataclass(frozen=True)
class Rejection:
    source: str  # file (relative to data/raw) and, where it helps, the record inside it
    field: str  # the field that failed, e.g. "events[2].date"
    value: str  # the offending value as printed
    reason: str

    def __str__(self) -> str:
        # A file name may hold a line break or another control character: printed escaped, on one line.
        source = self.source if self.source.isascii() else shown_name(self.source)
        source = source if source.isprintable() else source.encode("unicode_escape").decode("ascii")
        return f"{source}: {self.field} = {self.value!r}: {self.reason}"


def frame(rejections: list[Rejection]) -> pd.DataFrame:
    # A file name's undecodable bytes (surrogates) cannot be written as UTF-8: they are written escaped.
    rows = sorted({tuple(v if v.isascii() else shown_name(v) for v in asdict(r).values()) for r in rejections})
    return pd.DataFrame(rows, columns=COLUMNS).astype("string")
