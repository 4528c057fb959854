"""findings.json's fields are documented: every field of every section, as a run on the test corpus
writes them, is named in docs/findings.md under its section's heading."""

from __future__ import annotations

import re

from foi_analysis import config
from foi_analysis.analysis import findings
from foi_analysis.report import html

DOC = config.REPOSITORY / "docs" / "findings.md"
# Objects keyed by data (a file, a reason, a section, an authority, an outcome, a check, a pairing), not by field.
KEYED_BY_DATA = {"by_file", "by_reason", "sections_by_requests", "pairs_by_kind", "requests_by_authority",
                 "citing_by_authority", "requests_by_outcome", "anomalies", "rows_by_match",
                 "disclosures_by_authority"}


def fields(value, out: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            out.add(key)
            if key not in KEYED_BY_DATA:
                fields(inner, out)
    elif isinstance(value, list):
        for inner in value:
            fields(inner, out)
    return out


def documented() -> dict[str, str]:
    parts = re.split(r"^## `([a-z_]+)`\s*$", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


def test_every_findings_field_is_documented(corpus):
    parameters = {"authority": "", "start": "", "end": "", "confidence": 0.95}
    found = {"parameters": parameters, **findings.compute_all(**parameters),
             "provenance": html.provenance("test-run", parameters, "0" * 64)}
    doc = documented()
    assert set(doc) == set(found), "a section without a heading in docs/findings.md, or a heading for none"
    for section, numbers in found.items():
        missing = sorted(k for k in fields(numbers, set()) if f"`{k}`" not in doc[section])
        assert not missing, f"docs/findings.md, section {section}: not described: {missing}"
