"""pandera schemas of the tables built from disclosure records; their descriptions are the data dictionary.

The registry of every table (these and the grids') and its ``coerce``/``validate`` live in ``foi_analysis.tables``.
"""

from __future__ import annotations

import pandera.pandas as pa

from ..foia import exemptions as ex
from .columns import column, count, date, flag, fraction, table, text

# The first five answer the request; the rest say why there is no answer (yet): no response,
# withdrawn by the requester, transferred to the body that holds it, clarification asked for.
OUTCOMES = ["disclosed", "partially_disclosed", "refused", "ncnd", "not_held",
            "pending", "withdrawn", "transferred", "clarification_requested"]
QUESTION_OUTCOMES = ["disclosed", "partially_disclosed", "exempt", "ncnd", "not_held", "publicly_available",
                     "answered", "not_valid_request"]
EVENTS = ["received", "acknowledged", "extension_notice", "extension_estimate", "chaser", "update",
          "internal_review_requested", "internal_review_response", "response",
          # the appeal to the regulator (the ICO; under FOISA the Scottish Information Commissioner) and beyond
          "ico_complaint", "ico_decision", "tribunal_appeal"]
LAWS = list(ex.LAWS)
_LAW = ("Law the request was answered under: FOIA (2000) | FOISA (Scotland, 2002) | EIR (2004) | EISR (Environmental Information "
        "(Scotland) Regulations 2004); a record without it is FOIA")
STAGES = ["extension_notice", "response", "internal_review"]


_REF = text("FOI reference as printed by the authority (with authority, the request's key)")
_AUTH = text("Public authority, canonical name (with reference, the request's key: two authorities may use one number)")

RECORD_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "requests": table(
        "One row per FOI request (one raw record in data/raw/disclosures/).",
        {
            "reference": text("FOI reference as printed by the authority"),
            "authority": text("Public authority that answered, canonical name"),
            "date_received": date("Date the authority received the request (empty: not printed)"),
            "date_responded": date("Date of the final response (empty: not printed)"),
            "outcome": text("Overall outcome: " + " | ".join(OUTCOMES), pa.Check.isin(OUTCOMES)),
            "ncnd": flag("True if any part was answered neither confirm nor deny"),
            "sections": text("Sections relied on (exemptions and procedural grounds; not advice and assistance), ';'-joined, "
                             "numbered as in the request's law", nullable=True),
            "n_questions": count("Number of questions recorded"),
            "source_title": text("Title of the source document"),
            "source_file": text("Raw record file under data/raw/disclosures/ (and the seed file it was read from)"),
            "law": text(_LAW, pa.Check.isin(LAWS)),
        },
        unique=["authority", "reference"],
    ),
    "events": table(
        "Dated events of each request, with working days since receipt.",
        {
            "reference": _REF,
            "authority": _AUTH,
            "event": text("Event: " + " | ".join(EVENTS), pa.Check.isin(EVENTS)),
            "date": date("Date of the event", nullable=False),
            "date_printed": text("The date exactly as the document prints it"),
            "working_day": column("Int64", "UK FOIA working days since receipt (receipt = day 0; ICO reading); "
                                        "a non-working date carries the number of the working day before it", nullable=True),
            "note": text("Short transcriber's note", nullable=True),
        },
    ),
    "exemptions": table(
        "One row per exemption citation, one sub-paragraph per row ('31(1)(a)(b)' gives 31(1)(a) and 31(1)(b)).",
        {
            "reference": _REF,
            "authority": _AUTH,
            "section": text("Section number in the request's law, e.g. '31', '22A'; an EIR or EISR exception, e.g. '12(4)(b)', '13', '10(5)(b)'"),
            "citation": text("Normalised citation, e.g. '31(1)(a)'"),
            "raw": text("The citation exactly as printed"),
            "name": text("Section's name in the catalogue of the request's law (FOIA, FOISA, EIR or EISR)"),
            "absolute": flag("True absolute, False qualified (public interest test), empty for procedural grounds"),
            "basis": text("class or prejudice based (empty for procedural grounds)", nullable=True),
            "ncnd": column("boolean", "True if the citation is the section's neither-confirm-nor-deny provision"),
            "procedural": column("boolean", "True for grounds that are not exemptions: s12 (cost), s14 (vexatious), s84 (not recorded "
                                            "information), FOISA s18 (NCND), EIR 12(4)(a) (not held), 12(6), EISR 10(4)(a), 10(8); and advice and "
                                            "assistance (FOIA s16, FOISA s15, EIR and EISR reg 9), cited beside a refusal"),
            "stage": text("Where it was cited: " + " | ".join(STAGES) + " (extension_notice: only under consideration)", pa.Check.isin(STAGES)),
            "questions": text("Questions it was applied to, ';'-joined (empty: not stated)", nullable=True),
            "law": text(_LAW, pa.Check.isin(LAWS)),
        },
    ),
    "questions": table(
        "Per-question outcome of each request.",
        {
            "reference": _REF,
            "authority": _AUTH,
            "question": text("Question number as printed, e.g. '1b'"),
            "outcome": text("Outcome: " + " | ".join(QUESTION_OUTCOMES), pa.Check.isin(QUESTION_OUTCOMES)),
        },
        unique=["authority", "reference", "question"],
    ),
    "blue_list": table(
        "Blue-list test results per deployment date, as disclosed (no denominators were disclosed).",
        {
            "reference": _REF,
            "authority": _AUTH,
            "row": count("Row number in the disclosed table (several rows share a date)", nullable=False),
            "deployment_date": date("Deployment date", nullable=False),
            "true_alert_rate": fraction("Blue-list true alert rate as a fraction 0-1"),
            "false_alert_rate": fraction("Blue-list false alert rate as a fraction 0-1"),
            "true_alert_rate_raw": text("True alert rate as printed, e.g. '100%'"),
            "false_alert_rate_raw": text("False alert rate as printed, e.g. '0%'"),
            "n_tests": count("Number of blue-list passes behind the rates (empty: not disclosed)"),
        },
        unique=["authority", "reference", "row"],
    ),
    "response_times": table(
        "One row per request: FOIA s10/s17 timeliness in UK working days (receipt = day 0, ICO reading).",
        {
            "reference": text("FOI reference"),
            "authority": text("Public authority"),
            "date_received": date("Date received"),
            "deadline_20wd": date("20th working day after receipt: the s10(1) deadline"),
            "first_reply_date": date("First substantive reply: a response or a s17 notice"),
            "first_reply_event": text("Which event the first reply was", nullable=True),
            "first_reply_wd": count("Working day of the first reply"),
            "in_20wd": flag("First reply within 20 working days"),
            "s17_notice_date": date("Date of the s17 refusal or extension notice"),
            "s17_notice_wd": count("Working day of the s17 notice"),
            "s17_in_time": flag("s17 notice within 20 working days (it is due then even when the PIT is extended)"),
            "extension_estimate_date": date("Date the s17(2) notice estimated for a decision"),
            "extension_estimate_wd": count("Working day of that estimate"),
            "extension_beyond_40wd": flag("The estimate itself lies beyond 40 working days (the ICO's ceiling)"),
            "deadline_40wd": date("40th working day after receipt: the ICO's ceiling for a PIT extension"),
            "date_responded": date("Date of the final response"),
            "response_wd": count("Working day of the final response"),
            "over_40wd": flag("Final response later than 40 working days, or still outstanding after day 40 (empty: unknown)"),
            "over_40wd_basis": text("The evidence for over_40wd", nullable=True),
        },
        unique=["authority", "reference"],
    ),
    "rejected": table(
        "Quarantine: every value that failed validation, with its file, field and reason.",
        {
            "source": text("File (and record) the value came from"),
            "field": text("Field that failed"),
            "value": text("The value as found", nullable=True),
            "reason": text("Why it was rejected"),
        },
    ),
}
