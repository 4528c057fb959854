"""What the deployment grids' column headers and purpose codes mean.

Columns are recognised by meaning, not position: a header's text (spanning group header and
sub-header joined, e.g. "True Alerts Confirmed") is normalised and matched against ``FIELDS`` in
order, first match wins, so the specific patterns come before the general ones. A new edition that
renames or reorders its columns parses unchanged as long as its wording matches; a header that
matches nothing stops the parse with its text and file (add a pattern here).
"""

from __future__ import annotations

import re

# (field, pattern on the normalised header). Order matters: first match wins.
FIELDS: list[tuple[str, str]] = [
    # 2020-22 layout: engagements after an alert, before any outcome.
    ("false_alert_engagements", r"\bfalse\b.*\bengagements?\b"),
    ("true_alert_engagements", r"\btrue\b.*\bengagements?\b"),
    ("false_alert_rate_printed", r"\bfalse (alert|match)e?s? rate\b|\bfar\b"),
    ("true_alerts_unconfirmed", r"\btrue (alert|match)e?s?\b.*\bunconfirmed\b"),
    ("true_alerts_confirmed", r"\btrue (alert|match)e?s?\b.*\bconfirmed\b"),
    ("false_alerts_unconfirmed", r"\bfalse (alert|match)e?s?\b.*\bunconfirmed\b"),
    # 2020-22 "False Alert / Confirmed False Alerts": one count of all false alerts, no split.
    ("false_alerts", r"^false (alert|match)e?s?( confirmed false (alert|match)e?s?)?$"),
    ("false_alerts_confirmed", r"\bfalse (alert|match)e?s?\b.*\bconfirmed\b"),
    ("true_alerts", r"^true (alert|match)e?s?$"),
    ("total_alerts", r"\btotal (alert|match)e?s?\b|\b(alert|match)e?s? total\b|^(alert|match)e?s?$"),
    ("arrests_or_disposals", r"\barrests?\b.*\bdisposals?\b"),
    ("other_disposal", r"\bother disposals?\b|\bother outcomes?\b"),
    ("no_action", r"\bno (further )?action\b|\bnfa\b"),
    ("arrests", r"\barrests?\b"),
    ("faces_seen", r"\bfaces?\b"),
    ("watchlist_size", r"\bwatch ?list\b"),
    ("threshold", r"\bthreshold\b"),
    ("duration", r"\bduration\b|\blength\b|\b(hours|time) deployed\b"),
    ("purpose", r"\bpurpose\b|\buse case\b"),
    ("date", r"\bdate\b"),
    ("location", r"\blocation\b|^deployment$|\bsite\b|\bplace\b|\bvenue\b"),
]

REQUIRED = ("location", "date")

# Short labels for the purpose legends' long meanings and for purposes printed as words
# (from September 2024 the grid prints a use case, "Crime Hotspot", instead of codes).
PURPOSES: list[tuple[str, str]] = [
    ("serious crime", r"violent and other serious crime"),
    ("suspected offenders", r"suspected of having committed"),
    ("wanted on warrant", r"wanted by the courts|outstanding warrant"),
    ("equitability study", r"equitability"),
    ("risk of harm", r"risk of harm"),
    ("bail or court conditions", r"bail conditions|court order"),
    ("crime hotspot", r"crime hotspot"),
    ("missing person hotspot", r"missing person"),
    ("CNI protection", r"\bcni\b|critical national infrastructure"),
    ("event protection", r"\bevent psos?\b"),
    ("specific intelligence", r"specific intelligence|sought person"),
]


def normalise(header: str) -> str:
    """Lower case, footnote markers ("Alerts1") dropped, punctuation to spaces."""
    text = re.sub(r"(?<=[a-z])\d+\b", "", header.lower())
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


def field_for(header: str) -> str | None:
    """The field a column header means, or None when it matches nothing."""
    text = normalise(header)
    return next((name for name, pattern in FIELDS if re.search(pattern, text)), None)


def purpose_label(text: str) -> str:
    """Short label for a purpose meaning or printed use case; the text itself when unknown."""
    flat = " ".join(text.split())
    return next((label for label, pattern in PURPOSES if re.search(pattern, flat, re.IGNORECASE)), flat)
