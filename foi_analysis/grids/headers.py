"""What the deployment grids' column headers and purpose codes mean.

Columns are recognised by meaning, not wording or position. A header's text (spanning group header
and sub-header joined, e.g. "True Alerts Confirmed") is reduced to the *concepts* it names
(``CONCEPTS``: "not confirmed" and "unconfirmed" are one concept, "alerts" and "matches" another),
and the first rule of ``FIELDS`` whose concepts it holds gives the column's field. Word order does
not matter ("Confirmed true alerts", "Alerts - True - Confirmed"), nor punctuation, case or
footnote markers, nor the usual short forms ("LOC.", "DUR.", "W/L", "CONF", "THRESH.", "TA", "FA"). A header that
names no known field is returned as None: the parser keeps that
column aside (``extra_columns``) with a warning instead of losing the grid.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Concept -> pattern on the normalised header (lower case, punctuation as spaces). Phrases first:
# "no action" must not also read as a bare "action", so each match is blanked once taken.
CONCEPTS: list[tuple[str, str]] = [
    ("unconfirmed", r"\b(?:un ?conf(?:irmed)?|not conf(?:irmed)?|non ?confirmed|un ?verified|not verified)\b"),
    ("no_action", r"\b(?:no (?:further )?action|nfa)\b"),
    # A running total ("Arrests to date", "Cumulative arrests", "Total alerts (YTD)"): the deployments'
    # counts summed so far, no deployment's own (round 11: before, read as that deployment's count).
    ("cumulative", r"\b(?:cumulative|year to date|to date|ytd|running total|so far)\b"),
    ("false_rate", r"\bfar\b"),  # "FAR": the false alert rate's usual abbreviation
    ("confirmed", r"\b(?:conf(?:irmed)?|verified)\b"),
    ("false", r"\b(?:false|incorrect)\b"),
    ("true", r"\b(?:true|correct)\b"),
    ("total", r"\b(?:total|all|number of|no of)\b"),
    # A rate among the alerts ("False alert rate (% of alerts)", "as % of all alerts"): not the false alert
    # rate, which is of faces seen (round 12: before, read as it, "33.3%" flagged against 1 / 12,000). Found
    # without taking the words, after "number of" is taken ("Number of alerts" stays a count of alerts).
    ("of_alerts", r"(?=\b(?:of|among)\s+(?:(?:the|total)\s+)?(?:alerts|matches)\b)"),
    ("alert", r"\b(?:alert|alerts|match|matches|hits?)\b"),
    ("engagement", r"\bengage(?:ment|ments|d)?\b"),
    ("rate", r"\b(?:rate|percentage|ratio|per)\b|%"),  # "per": "Alerts per hour" is a rate, not alerts
    ("arrest", r"\barrest(?:s|ed)?\b"),  # "Persons arrested": the count of arrests
    ("disposal", r"\bdisposals?\b"),
    ("other", r"\bother\b"),
    ("outcome", r"\boutcomes?\b"),
    # Faces enrolled are the watchlist's (the gallery an alert matches against), never faces seen.
    ("watchlist", r"\b(?:(?:faces?|images?) )?enrol(?:l?ed|ments?)(?: (?:faces?|images?))?\b"),
    ("faces", r"\b(?:faces?|people (?:scanned|seen|passing)|footfall)\b"),
    ("watchlist", r"\bwatch ?lists?\b|\bw ?l\b"),  # "W/L", "WL": its short form
    ("threshold", r"\bthresh(?:old)?\b"),
    ("score", r"\bsimilarity scores?\b"),
    # A statistic of the alerts or scores ("Average similarity score", "Highest score", "Mean alerts"):
    # no setting and no deployment's count (round 11: an average score was read as the threshold).
    ("statistic", r"\b(?:average|avg|mean|median|highest|lowest|max|maximum|peak)\b"),
    # The officers' time summed ("Officer hours"): effort, not how long the deployment ran.
    ("effort", r"\b(?:officers?|staff|man|person|police|crew) hours?\b"),
    ("duration", r"\b(?:duration|dur|length|hours|time deployed|time on site|hh mm)\b"),
    # Clock times: when a deployment started and ended, or both ("Times": "10:00-16:30").
    ("start", r"\b(?:start(?:ed|ing)?|began|begin|commenced|time on)\b|(?<=date )from\b"),
    ("end", r"\b(?:end(?:ed)?|finish(?:ed)?|stop(?:ped)?|time off|until)\b|(?<=date )to\b"),
    ("times", r"\b(?:times?|hours of deployment)\b"),
    ("purpose", r"\b(?:purpose|use case|reason|category)\b"),
    # A deployment called off ("Reason for cancellation", "Date cancelled"): a reason for that is no
    # purpose (round 9: "Reason for cancellation" beside cancelled deployments was read as their use case).
    # Round 10: the same said without "cancel" ("Reason not deployed", "did not run", "stood down"); and
    # a count narrowed by it ("Withdrawn alerts") names a part of that count, never the count (FIELDS).
    ("cancelled", r"\b(?:cancell?(?:ed|ations?)|abort(?:ed|ion)?|withdrawn|withdrawal|postpone(?:d|ment)?|called off|"
                  r"not (?:deployed|run)|did not (?:run|deploy|go ahead|take place|proceed)|stood down|"
                  r"abandon(?:ed|ment)?)\b"),
    # A part of the watchlist by who is on it ("Watchlist" over "Wanted | Missing"): no size of the
    # whole list, which may hold others ("at risk", "vulnerable") the grid does not print (round 9: the
    # wanted part was read as the watchlist's size). Round 13: a part by the offences its people are
    # sought for ("Watchlist (serious offences)" beside "Watchlist (wanted)"), read before as the size.
    ("part", r"\b(?:wanted|missing|vulnerable|at risk|victims?|suspects?|offenders?|witness(?:es)?|"
             r"offen[cs]es?|crimes?)\b"),
    # "Date" and "day" apart: a count's header naming a date ("Watchlist date") names when, no count;
    # "Arrests on the day" is a count.
    ("date", r"\bdate\b|\bdd mm\b"),
    ("day", r"\bday\b"),
    ("location", r"\b(?:location|loc|site|place|venue|address)\b|^deployment$"),
    # A plan ("Planned location", "Original date"): of two columns for one field, the other is what
    # happened (parse._name).
    ("plan", r"\b(?:planned|original(?:ly)?|scheduled|intended|proposed)\b"),
    # A kind of place ("Location type": High street, Station) is no place.
    ("kind", r"\b(?:type|kind|class)\b"),
    # An area names a place less closely than a location: a "BCU / Area" column beside
    # "Location" is kept aside, a grid with only "Area" reads it as the location (FIELDS' rank).
    ("area", r"\barea\b"),
    # A count narrowed by a denial or by what followed ("Alerts not resulting in arrest", "False
    # alerts leading to a stop"): a part of a known count, never that count. Last, after the phrases
    # that hold such words ("not confirmed", "no action", "no. of").
    # A part of the alerts by what became of them ("Dismissed alerts", "Alerts actioned"): no count of
    # the alerts (round 11: read as the total where none was printed).
    ("disposition", r"\b(?:dismiss(?:ed|als?)|discount(?:ed)?|reject(?:ed|ions?)|disregard(?:ed)?|ignored|actioned|"
                    r"cleared|escalated|resolved|acted (?:on|upon)|followed up)\b"),
    ("qualified", r"\b(?:not|no|non|without|never)\b|\b(?:lead(?:s|ing)?|led|result(?:s|ed|ing)?|followed)\b (?:to|in|by)\b"),
]
_CONCEPTS = [(name, re.compile(pattern)) for name, pattern in CONCEPTS]

# Fields that are not counts. A header naming a rate ("True alert rate", "Arrests per true alert",
# "Faces seen per hour") names no count: a count field's rule never takes it (a new rate column
# would otherwise be read as the count it is a rate of, and its "100%" be reported unreadable).
NOT_COUNTS = {"false_alert_rate_printed", "threshold", "duration", "purpose", "date", "location"}
# What a count's header must not name: a rate, a denial or what followed, a cancellation, a setting
# ("Alert threshold"), a running total, a statistic, a fate of the alerts, a date ("Watchlist date").
COUNT_AVOIDS = frozenset({"rate", "qualified", "cancelled", "threshold", "score", "cumulative", "statistic",
                          "disposition", "date"})

# (field, concepts a header must name, concepts it must not). First match wins, so the specific
# rules come before the general ones.
FIELDS: list[tuple[str, frozenset[str], frozenset[str]]] = [
    (field, frozenset(need.split()),
     frozenset(avoid.split()) | (frozenset() if field in NOT_COUNTS else COUNT_AVOIDS))
    for field, need, avoid in [
        # 2020-22 layout: engagements after an alert, before any outcome.
        ("false_alert_engagements", "false engagement", ""),
        ("true_alert_engagements", "true engagement", ""),
        ("false_alert_rate_printed", "false_rate", "of_alerts"),
        ("false_alert_rate_printed", "false rate", "of_alerts"),
        ("true_alerts_unconfirmed", "true unconfirmed", ""),
        ("true_alerts_confirmed", "true confirmed", ""),
        ("false_alerts_unconfirmed", "false unconfirmed", ""),
        ("false_alerts_confirmed", "false confirmed", "repeated"),
        # A header naming true and false at once ("Alerts (true / false)": "2 / 1" in one cell) names
        # two counts, neither alone: kept aside, never read as one of them.
        ("false_alerts", "false", "true"),  # incl. 2020-22 "False Alert / Confirmed False Alerts": no split
        ("true_alerts", "true", "false"),
        ("arrests_or_disposals", "arrest disposal", "other"),
        ("other_disposal", "other disposal", ""),
        ("other_disposal", "other outcome", ""),
        ("other_disposal", "disposal", "arrest"),
        ("no_action", "no_action", ""),
        ("arrests", "arrest", ""),
        ("total_alerts", "alert", "rate"),
        ("faces_seen", "faces", ""),
        ("watchlist_size", "watchlist", "part"),
        ("threshold", "threshold", ""),
        ("threshold", "score", "statistic"),
        # "Peak hours", "Average duration": a statistic of time, no deployment's (round 12: "Peak hours" alone
        # was read as the duration, its "16:00-19:00" as the deployment's times).
        ("duration", "duration", "statistic"),
        # "Start date" and "End date" are dates, not clock times (the end date: a deployment's last
        # day, see parse.two_days).
        ("start_time", "start", "end date day"),
        ("end_time", "end", "start date day"),
        ("times", "times", "date day"),  # "Date / time": the date, its times after it in the cell
        ("purpose", "purpose", "cancelled"),
        ("date", "date", ""),
        ("date", "day", ""),
        ("location", "location", "kind"),
        ("location", "area", "kind"),
    ]
]
# Read into the deployment's duration (end - start), and kept as printed in extra_columns.
CLOCK_FIELDS = ("start_time", "end_time", "times")

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


# "TA" and "FA", capitals standing alone: true and false alerts written short, "No. FA" their number
# (round 14: before, "TA" over Confirmed | Unconfirmed was kept aside, and "No." read as a denial).
# Capitals only, so no word holding the letters ("Façade", Welsh "ta") reads as one.
SHORT_ALERTS = re.compile(r"(?<![^\W_])(?P<number>No\.?\s*)?(?P<kind>[TF])A(?![^\W_])")


def _spell_out(header: str) -> str:
    return SHORT_ALERTS.sub(lambda m: ("number of " if m["number"] else "")
                            + ("true" if m["kind"] == "T" else "false") + " alerts", header)


def normalise(header: str) -> str:
    """Lower case, ligatures undone ("Conﬁrmed", as Word's fonts print it), footnote markers
    ("Alerts1", "Alerts¹") dropped, punctuation to spaces."""
    text = re.sub(r"(?<=[a-z])\d+\b", "", unicodedata.normalize("NFKC", header).lower())
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


@functools.lru_cache(maxsize=4096)  # a grid prints the same headers on every page
def concepts(header: str) -> frozenset[str]:
    """The concepts a header names; "repeated" when it names false alerts twice (the 2020-22 "False
    Alert / Confirmed False Alerts" restates one count of all false alerts, not a confirmed split)."""
    text = normalise(_spell_out(header))
    found = set()
    if len(re.findall(r"\bfalse\b", text)) > 1:
        found.add("repeated")
    for name, rx in _CONCEPTS:
        text, n = rx.subn(" ", text)
        if n:
            found.add(name)
    return frozenset(found)


def field_for(header: str) -> str | None:
    """The field a column header means, or None when it names no known field."""
    rank = rank_of(header)
    return None if rank is None else FIELDS[rank][0]


def rank_of(header: str) -> int | None:
    """The index in ``FIELDS`` of the rule a header meets: of two columns meaning one field, the one
    meeting the earlier (closer) rule is the field ("Location" before "BCU / Area")."""
    named = concepts(header)
    return next((k for k, (_, need, avoid) in enumerate(FIELDS) if need <= named and not avoid & named), None)


def purpose_label(text: str) -> str:
    """Short label for a purpose meaning or printed use case; the text itself when unknown."""
    flat = " ".join(text.split())
    return next((label for label, pattern in PURPOSES if re.search(pattern, flat, re.IGNORECASE)), flat)
