"""Dated events of a request: only dates with a cue that says what happened on them.

"received by the MPS on 23/09/2016", "the amended date for a response is 21st November 2016", a
review's timeline ("19/10/2016 - You were issued with a refusal notice ..."), a label ("Date
received: 03/02/23") or the date line of a message in a thread. Meeting dates, dates inside
quotation marks or in the restated request, and the requester's own words are never events.
"""

from __future__ import annotations

import bisect
import re

import ahocorasick_rs

from ..foia.dates import MONTHS, NUMERIC_DATE, US_WORDED_DATE, WORDED_DATE_FROM_DAY, parse_printed_date
import datetime as dt

from .doc import ISO_DATE as _ISO_DATE, Doc, cue_words, folds_like_lower, holds_folded, quoted_from_requester

EVENTS = ("received", "acknowledged", "extension_notice", "extension_estimate", "chaser", "update",
          "internal_review_requested", "internal_review_response", "response")

# The words just before a date, anchored at the date; first match wins.
_BEFORE = [
    ("internal_review_requested", re.compile(r"(?:review|complaint)\b.{0,160}\breceived\b.{0,80}?\bon\s*$|requested an internal review on\s*$"
                                             r"|internal review request(?:ed)?\s*(?:dated|on|received on|:)\s*$|\brequirement for (?:a )?review,?\s*(?:dated|of|received on|on)\s*$|\basked (?:us )?for (?:an? )?(?:internal )?review on\s*$"
                                             # "the internal review that you asked for in your email of ...": the review's request
                                             r"|\breview (?:that |which )?you (?:asked for|requested|sought)\b[^.]{0,20}\byour (?:e-?mail|letter|correspondence|request) (?:of|dated)\s*$", re.I)),
    ("internal_review_response", re.compile(r"(?:internal )?review (?:response|decision|outcome|completed|concluded)\b.{0,30}(?:on|dated|:)\s*$"
                                            r"|\binternal review\b[^.]{0,80}\bwrote to the (?:complainant|requester|applicant) on\s*$"
                                            r"|date of (?:internal )?review\s*:?\s*$", re.I)),
    ("received", re.compile(r"\breceived\b.{0,80}?\b(?:on|:)\s*$|\breceived (?:by|at) (?:the )?(?-i:[A-Z])[\w ]{0,60}?\s*$|\b(?:date|request)\s+received\s*:?\s*$|\breceived\s*:\s*$"
                            r"|\bdate of (?:your )?request\s*:?\s*$|\b(?:date of )?receipt(?: date)?\s*:\s*$|\breceipt of your request on\s*$"
                            r"|\brequest\b[^.]{0,40}\breceived\s*$", re.I)),
    ("acknowledged", re.compile(r"\backnowledged\b.{0,40}\bon\s*$|\backnowledge?ment (?:sent|date|dated)?\s*:?\s*(?:on\s*)?$", re.I)),
    ("extension_estimate", re.compile(r"(?:amended|revised|new|extended|estimated|expected|anticipated) (?:date|deadline|response date)\b.{0,60}?(?:is|of|will be|by|to|:)\s*$"
                                      r"|\b(?:expect(?:s|ed)?|aim|aims|aimed|hoped?|intend(?:ed)?) to (?:respond|reply|provide|reach|send|complete)\b.{0,60}?\bby\s*$"
                                      r"|estimate of the date\b.*$|extended (?:the (?:deadline|time(?: limit)?) )?(?:to|until)\s*$", re.I)),
    ("extension_notice", re.compile(r"(?:extension|section 17\s*\(2\)|s\.?\s*17\s*\(2\)) (?:notice|letter)?.{0,40}(?:sent|issued|dated|on)\s*$", re.I)),
    ("update", re.compile(r"\bupdate\b.{0,40}\b(?:on|dated)\s*$", re.I)),
    ("chaser", re.compile(r"\b(?:chased|reminder sent|you wrote again)\b.{0,40}\bon\s*$", re.I)),
    # (a case system's label too: "Date Closed: 06/04/2025", "Closed date:")
    ("response", re.compile(r"^\s*issued\s*(?:on\s*)?$|^\s*(?:(?:date|request|case) closed|closed(?: date)?)\s*:\s*$|^\s*disclosure date\s*:?\s*$"
                            r"|(?:date of (?:the |this |our )?(?:response|reply|disclosure)|response date|date responded|(?:response|reply) sent|responded to|date (?:of )?(?:reply|answer) sent"
                            r"|responded (?:to [^.]{0,40})?on|replied (?:to [^.]{0,40})?on|answered (?:[^.]{0,40})?on|response (?:was )?(?:sent|issued|provided)\b.{0,30}\bon|\bresponse dated)\s*:?\s*$", re.I)),
    # "Thank you for your email of 13 November 2024, in which you asked" ("your request for information of ..."):
    # the request, as the reply dates it
    # (last: every other cue comes first; "dated" is when it was written, and is not read).
    ("your", re.compile(r"\byour (?:(?:FOI|information|original) )?(?:request|e-?mail|letter|correspondence|application)(?: for information)? of\s*$", re.I)),
]
# "Your request was received by the Policing Board on": the board is the body, the date the request's.
_BODY_RECEIVED = re.compile(r"\b(?:request|it|this|e-?mail|letter)\b[^.]{0,40}\breceived by\b[^.]{0,60}\b(?:board|committee)\s+on\s*$", re.I)
# A sentence about another request than this one (a repeated request refused under s14(2)).
_EARLIER_REQUEST = re.compile(r"\b(?:previous|earlier) (?:foi |information )?(?:request|application)s?\b|\bthe one you made\b"
                             r"|\bfor the same information\b|\b(?:identical|similar) (?:foi |information )?request")
# (the same, told after the date: "On 10 March 2025 you made a request, 0412-25, for the same information")
_EARLIER_WORDS = ("previous", "earlier", "one you made", "same information", "identical", "similar")
# A timeline entry, "19/10/2016 - You were issued with ...": classed by what follows the date.
_AFTER = [
    ("internal_review_requested", re.compile(r"^(?:.{0,60}\brequested an internal review|.{0,60}internal review (?:was )?requested|.{0,40}request(?:ed)? (?:for )?an? (?:internal )?review)", re.I)),
    ("internal_review_response", re.compile(r"^.{0,60}internal review (?:response|decision|outcome|completed)", re.I)),
    ("received", re.compile(r"^.{0,60}\b(?:request|it)\b.{0,40}\breceived\b", re.I)),
    ("acknowledged", re.compile(r"^.{0,60}\backnowledg", re.I)),
    ("extension_notice", re.compile(r"^.{0,60}(?:refusal notice\b.{0,160}\bconsider|extension|extended|section 17\s*\(2\)|s\.?17\(2\))", re.I)),
    ("update", re.compile(r"^.{0,100}\bupdate\b", re.I)),
    ("chaser", re.compile(r"^.{0,60}\b(?:chase|reminder|overdue)", re.I)),
    ("response", re.compile(r"^.{0,60}\b(?:response|responded|replied|disclosure)\b.{0,30}\b(?:sent|issued|provided|made)", re.I)),
]
# "Thank you for your request dated 22 April 2025": when it was written, read as received only when the
# text gives no date of receipt (as a log's "Date of request").
_DATED = re.compile(r"\byour (?:(?:FOI|information|original) )?(?:request|e-?mail|letter|application)(?: for information)?,? dated\s*$", re.I)
# What follows "your email of <date>": a request for a review, not the request itself.
_ASKS_REVIEW = re.compile(r"^[^.]{0,40}\b(?:ask(?:ed|ing)|request(?:ed|ing))\s+(?:us\s+)?(?:to\s+review|for\s+(?:an?\s+)?(?:internal\s+)?review|an?\s+(?:internal\s+)?review)", re.I)
# "In your email of 2 May 2025 you wrote: ..." quotes other correspondence: neither the request nor a review request.
_QUOTES_YOU = re.compile(r"^,?\s*(?:you|in which you)\s+(?:wrote|said|stated|argued|commented|complained|told us|remarked)\b", re.I)
# "... the internal review of the response to your request, which was received on": the receipt of
# the request under review, not of the review request.
_REQUEST_RECEIVED = re.compile(r"\brequest\b,?(?: which| that)? (?:was |had been )?received\s+(?:by [^.]{0,60}?)?on\s*$", re.I)
_OUR_RESPONSE_OF = re.compile(r"\bour (?:previous |earlier |original |first |initial )?(?:response|reply) of\s*$")
# (Each pattern ending "on\s*$" or "by\s*$" is tried in find_events only when the lower-cased words before the date,
# stripped, end so: every match does (``\s`` and ``str.rstrip`` strip the same spaces, and no letter but "O", "N", "B", "Y"
# matches "o", "n", "b", "y" under IGNORECASE), and ``re`` would try the pattern at every character before finding none.)
_ANSWERED_ON = re.compile(r"\b(?:answered|responded(?: to)?|replied(?: to)?)\s+on\s*$", re.I)
# "... received on 6 May 2025 and acknowledged it on 7 May 2025": the nearer verb decides.
_ACKNOWLEDGED_ON = re.compile(r"\backnowledged\s+(?:it\s+|this\s+|receipt\s+|your (?:request|e-?mail|letter)\s+)?on\s*$", re.I)
# "Your email reached us on 21 April 2025", "... arrived with the force on": its receipt (not a review's request, told as such).
_REACHED = re.compile(r"\byour (?:(?:FOI|information) )?(?:request|e-?mail|letter)\b(?![^.]{0,30}\breview)[^.]{0,30}?\b(?:reached|arrived with) (?:us|the \w+)\s+on\s*$", re.I)
# "We aim to respond by 4 June 2025" is an estimate of an extended decision only in a message that extends
# the time (the public interest test, s10(3), s17(2), "more time"); in an acknowledgement it is the
# ordinary deadline, no event.
_AIMS_BY = re.compile(r"\b(?:expect(?:s|ed)?|aim|aims|aimed|hoped?|intend(?:ed)?) to (?:respond|reply|provide|reach|send|complete)\b.{0,60}?\bby\s*$", re.I)
_EXTENDS = re.compile(r"public interest|\bextend|\bextension|\b(?:more|additional|further) time|\b10\s*\(\s*3\s*\)|\b17\s*\(\s*2\s*\)"
                      r"|\bconsider(?:ing|ation of)? (?:the )?(?:application|exemption|section)", re.I)


def _extends(doc: Doc, i: int) -> bool:
    """Does the message holding unit ``i`` extend the time for a decision?"""
    seg = doc.segment_of[i]
    end = doc.segments[seg + 1].start if seg + 1 < len(doc.segments) else len(doc.units)
    return any(_EXTENDS.search(u) for u in doc.units[doc.segments[seg].start: end])
# "On 17 February 2025 we refused your request": a sentence that opens with its date says what happened on it.
_ON_DATE = re.compile(r"(?:^[\s>]*|[.;]\s+)on\s*$", re.I)  # (">": an email's quoted "> On 4 August 2025 you wrote:")
_ON_AFTER = [
    # "On 3 March 2025 we wrote to tell you that we needed more time to consider the public interest test" (not "... that
    # we did not need more time")
    ("extension_notice", re.compile(r"^,?\s*(?:we|I|the (?:force|council|department|trust|office|authority))\s+(?:(?:wrote|e-?mailed|told|informed|notified)\b"
                                    r"(?![^.]{0,60}\b(?:not|no)\b)[^.]{0,80}?(?:\b(?:more|additional|further) time\b|\bextend|\bextension\b)|extended (?:the )?(?:deadline|time))", re.I)),
    ("internal_review_requested", re.compile(r"^,?\s*(?:you|your)\b[^.]{0,30}\b(?:asked|requested|applied)\b[^.]{0,20}\breview", re.I)),
    ("response", re.compile(r"^,?\s*(?:we|I|the (?:force|council|department|trust|office|authority))\s+(?:refused|responded|replied|answered|wrote to you|issued|sent (?:you )?(?:our|a|the) (?:response|reply|decision))", re.I)),
    ("received", re.compile(r"^,?\s*(?:(?:you|the (?:complainant|requester|applicant)) (?:asked|requested|wrote|submitted|made)|we received your)\b", re.I)),
    # "On 10 July 2025 the Museum received a request for ...": a body named as it names itself, receiving a request (not
    # a request for review, nor "received 40 visitors")
    ("received", re.compile(r"^,?\s*(?:we|I|the(?: [\w&'’\-]+){1,4}?|(?-i:[A-Z])[\w&'’\-]*(?: [\w&'’\-]+){0,3}?)\s+received\s+"
                            r"(?:your|a|an|the|this)\s+(?:[\w\-]+\s+)?(?:request|e-?mail|letter|application)\b(?![^.]{0,40}\breview)", re.I)),
]
_NUMERIC_GATE = re.compile(r"\d\s*[/.\-]\s*\d")
# The Welsh months' first letters (WELSH_MONTHS: "14 Awst 2025"), none an English month's.
_WELSH = "ion|chw|maw|ebr|mai|meh|gor|aws|med|hyd|tac|rha"
# As WORDED_DATE reads a day: "21st", "21 st" (a PDF's superscript), "21 of"; one optional space
# before the ordinal, so that a run of spaces cannot be split two ways between it and what follows.
_WORDED_GATE = re.compile(rf"\d(?:\s?(?:st|nd|rd|th))?(?:\s+(?:day\s+)?of)?[\s\-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|{_WELSH})")
# The gates as they read in Doc.digit_shape (digits "0", any non-ASCII character "?", which may be
# a space): each matches wherever its gate does, and begins with a fixed character.
_SPACE = rb"[\s\x1c-\x1f?]"  # what "\s" matches in text, ASCII or not
_NUMERIC_SHAPE = re.compile(rb"0" + _SPACE + rb"*[/.\-]" + _SPACE + rb"*0")
# (the lookahead says what the rest needs after the day's digit, so that the digits of a number, most of
# those tried, are passed over by one test: a space, an ordinal's letter or a dash)
_WORDED_SHAPE = re.compile(rb"0(?=[\s\x1c-\x1f?\-stnr])(?:" + _SPACE + rb"?(?:st|nd|rd|th))?(?:" + _SPACE + rb"+(?:day" + _SPACE + rb"+)?of)?[\s\x1c-\x1f?\-]+"
                           rb"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|" + _WELSH.encode() + rb")")
# A date printed month first ("April 4, 2025", "Saturday, March 1, 2025"): found where a day and a
# four-digit year stand together ("4, 2025") just after a month's name (a lookbehind per name, each
# of fixed width, tried only there), then read by US_WORDED_DATE.
_US_GATE = re.compile("(?:" + "|".join(f"(?<={re.escape(m)}{dot} )" for m in MONTHS for dot in ("", "."))
                      + r")\d\d?(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)")
# (the gate's day follows a month's name and a space: its last letter, or a dot, then " ")
_US_SHAPE = re.compile(rb"0(?<=[a-z.] 0)0?(?:st|nd|rd|th)?,?" + rb"[\s\x1c-\x1f?]" + rb"+0000")
_US_DIGITS = re.compile(r"\d\d?(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)")  # (searched over the text itself: no lookbehinds at every character)
_ISO_GATE = re.compile(r"\d{4}-\d\d-\d\d")
_ISO_SHAPE = re.compile(rb"0000-00-00")
_DASH = re.compile(r"^\s*[-–—:]\s*")
# (a board or committee that is the body itself, "which the Health Board received on", dates the request)
_NOT_EVENT = re.compile(r"\b(?:meeting|minutes|committee|board|hearing|court|published|deploy\w*|operation|incident|carnival|match)\b"
                        r"(?!.{0,25}\b(?:received|responded|replied) (?:it |this |your \w+ )?on\s*$).{0,40}$", re.I)
# "received on Tuesday, the 7th March": the cue is before the weekday and "the".
# (and as mail clients shorten it after "On": "On Mon, 4 Aug 2025 at 09:14, ... wrote:"; not "Sent: Thu, 27 Feb 2025", a
# message's head, which is read where it stands)
_WEEKDAY_TAIL = re.compile(r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*|(?<=\bon )(?:mon|tue|wed|thu|fri|sat|sun),\s*|\bthe\s+)+$", re.IGNORECASE)
# (a match ends in "...day", "...day,", a short day's "Mon," or "the" and spaces; none of these letters folds to another under IGNORECASE)
_WEEKDAY_TAIL_ENDS = ("day", "day,", "the", "mon,", "tue,", "wed,", "thu,", "fri,", "sat,", "sun,")
_QUOTED = re.compile(r"“[^”“]{0,3000}”|\"[^\"]{0,3000}\"")
# Words every match of each _BEFORE pattern holds: a pattern runs only when its words are there
# (a list of bare dates, e.g. a table, then costs a few substring tests per date, not a regex each).
_BEFORE_NEEDLES = {
    "internal_review_requested": ("review", "complaint"),
    "internal_review_response": ("review",),
    "received": ("receiv", "receipt", "date of"),
    "acknowledged": ("acknowledg",),
    "extension_estimate": ("amended", "revised", "new", "extended", "estimat", "expect", "anticipated", "aim", "hope", "intend"),
    "extension_notice": ("extension", "17"),
    "update": ("update",),
    "chaser": ("chased", "reminder", "wrote again"),
    "response": ("issued", "respon", "repl", "answer", "closed", "disclos"),
    "your": ("your",),
}
# A receipt told without a year ("Thank you for your request of 3 March", "which we received on the 3rd
# of this month"): dated by the reply that tells it, as the latest such day on or before the reply.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEARLESS = re.compile(r"(?:\breceived\b[^.]{0,40}?\bon|\byour (?:(?:FOI|information) )?(?:request|email|e-mail|letter) of)\s+"
                       r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(this month|(?:{_MONTH_NAMES})\.?)(?!\w|\.?,?\s*(?:\d|'\d))", re.I)
_YEARLESS_WORDS = ("received", "request of", "email of", "e-mail of", "letter of")
cue_words(_YEARLESS_WORDS)
# Words every _NOT_EVENT match holds, lower case (test_extract checks them from the pattern).
_NOT_EVENT_WORDS = ("meeting", "minutes", "committee", "board", "hearing", "court", "published", "deploy", "operation", "incident",
                    "carnival", "match")
# Every word the tests of a date's words look for (each _BEFORE pattern's, _NOT_EVENT's, _EARLIER_REQUEST's), found
# in one pass of an automaton over them (one call in C a date, not a dozen searches; see ``_cues_before``), with
# what each word is a cue of.
_BEFORE_WORDS = sorted({n for needles in _BEFORE_NEEDLES.values() for n in needles} | {*_NOT_EVENT_WORDS, *_EARLIER_WORDS})
_BEFORE_AUTOMATON = ahocorasick_rs.BytesAhoCorasick([w.encode() for w in _BEFORE_WORDS], matchkind=ahocorasick_rs.MatchKind.Standard,
                                                 implementation=ahocorasick_rs.Implementation.DFA)
_WORD_KEYS = [{k for k, needles in _BEFORE_NEEDLES.items() if w in needles} for w in _BEFORE_WORDS]  # (the _BEFORE patterns it is a cue of)
_WORD_NOT_EVENT = [w in _NOT_EVENT_WORDS for w in _BEFORE_WORDS]
_WORD_EARLIER = [w in _EARLIER_WORDS for w in _BEFORE_WORDS]
_CORRESPONDENCE_DATED = re.compile(r"correspondence dated\s*$", re.I)
_REQUESTING_REVIEW = re.compile(r"\s*requesting an internal review", re.I)
_DATE_OF_REQUEST = re.compile(r"date of (?:your )?request\s*:?\s*$", re.I)
_DATE_LABEL = re.compile(r"\bdate\s*:\s*$", re.I)


def _cues_before(low: str) -> tuple[set[str], bool, bool]:
    """For a date's words before it, lower-cased: (the _BEFORE patterns one of whose words it holds, whether
    a _NOT_EVENT word stands in its last 60 characters, whether an _EARLIER_REQUEST word stands in it). One
    pass of ``_BEFORE_AUTOMATON`` over ``low`` one byte a character ("?" outside ASCII: the words are ASCII)."""
    keys, near, earlier = set(), False, False
    edge = len(low) - 60
    for w, start, _ in _BEFORE_AUTOMATON.find_matches_as_indexes(low.encode("ascii", "replace"), overlapping=True):
        keys |= _WORD_KEYS[w]
        near = near or _WORD_NOT_EVENT[w] and start >= edge
        earlier = earlier or _WORD_EARLIER[w]
    return keys, near, earlier


def _not_event(before: str, low: str, cue: bool) -> bool:
    """``holds_folded(_NOT_EVENT, before, low)``; ``cue``: whether ``low`` holds a _NOT_EVENT word (see
    ``_cues_before``), asked first: most dates have none of them before."""
    return (not folds_like_lower(before) or cue) and holds_folded(_NOT_EVENT, before, low)


_MESSAGE_EVENT = {"ack": "acknowledged", "extension": "extension_notice", "response": "response", "review_response": "internal_review_response",
                  "update": "update", "review_request": "internal_review_requested", "chaser": "chaser"}


MONTH_FIRST_NOTE = "printed month first"


def _month_first(out: list, numeric: list, us: set) -> None:
    """A letter that prints its dates in words month first ("May 12, 2025", a US template) may print its numeric
    dates month first too: read them so when its own dates show it (a numeric date that is, month first, one
    the letter prints in words, and day first none; or one that can only be month first, "05/21/2025"), and no
    numeric date can only be day first. Otherwise a numeric date that reads either way is flagged, not guessed
    (its note says so). A date read month first is printed year first (ISO), so that the draft reads back the same."""
    def both(m):
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(y) + (2000 if len(y) == 2 else 0)
        try:
            first = dt.date(y, d, mo)  # month first
        except ValueError:
            first = None
        try:
            second = dt.date(y, mo, d)  # day first
        except ValueError:
            second = None
        return first, second
    readings = [(k, i, start, m, *both(m)) for k, i, start, m in numeric]
    shown = any(mf and (mf in us and df not in us) or (mf and not df) for *_, mf, df in readings)
    against = any(df and not mf for *_, mf, df in readings)
    for k, i, start, m, mf, df in readings:
        if mf is None or df is None or mf == df:
            if shown and not against and mf and k is None:  # "05/21/2025"
                out.append((i, start, m.end(), mf, mf.isoformat(), f"{MONTH_FIRST_NOTE} ({m.group(0)})"))
            continue
        if shown and not against:
            out[k] = (i, start, m.end(), mf, mf.isoformat(), f"{MONTH_FIRST_NOTE} ({m.group(0)})")
        else:
            out[k] = out[k] + ("may be month first",)


def find_dates(doc: Doc):
    """(unit index, start, end within the unit, date, printed) for each date in the authority's text; a numeric
    date read month first, or that may be, carries a sixth item saying so (see ``_month_first``)."""
    out = []
    numeric = []  # (index in out, or None if not a date day first; unit; start; match) of each numeric date: "05/12/2025"
    # (a worded date from its day on: a leading weekday or "the" is not part of the printed date)
    for found in (doc.gated(_NUMERIC_GATE, NUMERIC_DATE, shape=_NUMERIC_SHAPE), doc.gated(_WORDED_GATE, WORDED_DATE_FROM_DAY, shape=_WORDED_SHAPE)):
        for i, m in found:
            u = doc.units[i]
            start = m.start()
            if start and u[start - 1].isdigit():
                continue
            printed = u[start: m.end()]
            if m.re is NUMERIC_DATE:
                numeric.append((len(out), i, start, m))
            try:
                date = parse_printed_date(printed)
            except ValueError:
                if m.re is NUMERIC_DATE:
                    numeric[-1] = (None, i, start, m)  # ("05/21/2025": month first, or no date)
                continue
            out.append((i, start, m.end(), date, " ".join(printed.split())))
    read: dict[int, list[tuple[int, int]]] = {}
    for i, start, end, *_ in out:
        read.setdefault(i, []).append((start, end))
    us = set()  # the dates printed month first in words: "May 12, 2025"
    for i, m in doc.gated(_US_GATE, US_WORDED_DATE, shape=_US_SHAPE) if doc.digit_shape() else doc.gated(_US_DIGITS, US_WORDED_DATE):
        # (not where a day-first date was read: "2 May 2, 2025" is not two dates)
        if any(a <= m.start(1) < b for a, b in read.get(i, ())) or (m.start(1) and doc.units[i][m.start(1) - 1].isalpha()):
            continue
        try:
            date = parse_printed_date(m.group(0)[m.start(1) - m.start():])
        except ValueError:
            continue
        out.append((i, m.start(1), m.end(), date, " ".join(m.group(0)[m.start(1) - m.start():].split())))
        us.add(date)
    if numeric and us:
        _month_first(out, numeric, us)
    # ISO dates ("2024-06-03"), as web pages and mail headers print them: year first, so never ambiguous.
    for i, m in doc.gated(_ISO_GATE, _ISO_DATE, shape=_ISO_SHAPE):
        try:
            date = parse_printed_date(m.group(0))
        except ValueError:
            continue
        out.append((i, m.start(), m.end(), date, m.group(0)))
    out.sort(key=lambda d: (d[0], d[1]))
    return out


def _earlier_request(low: str, after: str, cue: bool) -> bool:
    """Is a date's sentence (``low``: before the date, lower-cased; ``after``: after it) about another request?
    ``cue``: whether ``low`` holds an _EARLIER_WORDS word (see ``_cues_before``)."""
    if cue and _EARLIER_REQUEST.search(low):
        return True
    rest = after[:200]
    if "ame information" not in rest and "dentical" not in rest and "imilar" not in rest:
        return False  # (the words told after the date; their first letters may be capitals)
    cut = rest.find(". ")
    return _EARLIER_REQUEST.search((rest if cut < 0 else rest[:cut]).lower()) is not None


def find_events(doc: Doc) -> list[dict]:
    """[{event, date, printed, note}] in date order, one per (event, date)."""
    events: list[dict] = []
    added = set()  # (event, date) of each in ``events``: the first found stands

    def add(event, date, printed, note):
        if (event, date) not in added:
            added.add((event, date))
            events.append({"event": event, "date": date, "printed": printed, "note": note})

    quoted = quoted_spans(doc.text)
    dated, written, footers = [], [], []
    for i, start, end, date, printed, *order in find_dates(doc):
        if _inside(quoted, doc.offsets[i] + start):
            continue
        u = doc.units[i]
        before = u[max(0, start - 220): start]
        # Only the end can hold a weekday or "the", and only one that ends in "day" or "the" (then spaces)
        # can: the pattern runs on the last 40 characters, and only there.
        if before[-40:].rstrip()[-4:].lower().endswith(_WEEKDAY_TAIL_ENDS):
            before = before[:-40] + _WEEKDAY_TAIL.sub("", before[-40:])
        before = before.replace("i.e.", "ie").replace("e.g.", "eg")
        cut = max(before.rfind(". "), before.rfind("? "))
        before = before[cut + 1:][-200:]
        if before[-2:] == "| " and "|" not in before[:-2]:
            before = before[:-2].rstrip() + ": "  # a table row's label cell, "Date received | 2 June 2025"
        after = u[end:]
        if not before.strip() and _DASH.match(after):
            event = next((k for k, rx in _AFTER if rx.search(_DASH.sub("", after)[:250])), None)
            note = "timeline entry"
        elif _not_event(before[-60:], (low := before.lower())[-60:], (cues := _cues_before(low))[1]) and not (
                low.rstrip()[-2:] == "on" and _BODY_RECEIVED.search(before[-160:])):
            continue
        elif _earlier_request(low, after, cues[2]):
            continue  # "the same as the one you made on 2 June, which we answered on 30 June": another request's dates
        else:
            tail = low.rstrip()
            # ("your" is in most sentences: its pattern, which ends "... of", runs only where one does)
            # (no cue word at all, as in "Date: 3 May 2025": no pattern is tried)
            keys = cues[0]
            event = next((k for k, rx in _BEFORE if k in keys and (k != "your" or tail.endswith(" of"))
                          and holds_folded(rx, before, low)), None) if keys else None
            if event is None and tail.endswith("dated") and _CORRESPONDENCE_DATED.search(before) and _REQUESTING_REVIEW.match(after):
                event = "internal_review_requested"
            note = "stated in the text"
            if event == "your":
                if _ASKS_REVIEW.match(after):
                    event = "internal_review_requested"
                else:
                    # "your email of 2 May 2025" is when the request was sent: its receipt only when the
                    # letter states no other ("your email of 2 May 2025, which we received on 6 May 2025").
                    if not _QUOTES_YOU.match(after):
                        written.append((date, printed, order))
                    event = None
            elif event in ("received", "internal_review_requested") and tail[-2:] == "on" and _ANSWERED_ON.search(before):
                event = "response"  # "... received on 4 December 2024 and answered on": the nearer verb decides
            elif event == "received" and tail[-2:] == "on" and _ACKNOWLEDGED_ON.search(before):
                event = "acknowledged"
            elif event == "extension_estimate" and tail[-2:] == "by" and _AIMS_BY.search(before) and not _extends(doc, i):
                event = None
            elif event == "internal_review_requested" and tail[-2:] == "on" and _REQUEST_RECEIVED.search(before):
                event = "received"
            if event is None and tail[-3:] == " of" and "our " in low and _OUR_RESPONSE_OF.search(low):
                event = "response"  # "further to our response of 14 January 2025" (not "in response to your email of")
            if event is None and tail[-2:] == "on" and ("reached" in low or "arrived" in low) and _REACHED.search(before):
                event = "received"  # "Your email reached us on Monday 21 April 2025"
            if event is None and tail[-2:] == "on" and _ON_DATE.search(before):
                event = next((k for k, rx in _ON_AFTER if rx.match(after)), None)
                if event is None and after.endswith("wrote:") and quoted_from_requester(doc, i):
                    event = "received"  # an email client's "On 12 June 2025, <the requester> wrote:" over the quoted request
            if event == "received" and tail[-1:] in (":", "t") and _DATE_OF_REQUEST.search(before):
                # ("Date of request" is when it was made: its receipt only when no "Date received" is printed)
                written.append((date, printed, order))
                event = None
            if event is None and tail.endswith("dated") and _DATED.search(before):
                dated.append((date, printed))
        if event is None and i < 6 and (doc.segments[doc.segment_of[i]].kind == "response" or _one_block(doc, after)) and before.rstrip().endswith(":") and _DATE_LABEL.search(before):
            # "Our Ref: IM-FOI-2021-0942 Date: 31st May 2021" at the head of a reply: the date of the reply.
            event, note = "response", "date of the letter"
        elif (event is None and (before[:5].lower() == "date:" and not before[5:].strip() or not before.strip()) and not after.strip()
              and doc.segments[doc.segment_of[i]].kind == "response" and _after_sign_off(doc, i)):
            # "Date: 17/06/2025" (or the date alone) on a line of its own below the signature: the letter
            # dated at its foot.
            event, note = "response", "date of the letter"
        elif (event is None and not after.strip() and before[:3].lower() in ("our", "ref", "cyf") and _FOOT_REFERENCE.match(before)
              and doc.segments[doc.segment_of[i]].kind == "response" and _after_sign_off(doc, i)):
            footers.append((date, printed))  # "Our ref: HE-IR-2025-0311 | 31 March 2025" below the signature
        if (event is None and len(u) <= 120 and ("age " in u or "AGE " in u) and doc.segments[doc.segment_of[i]].kind == "response"
                and _PAGE_OF.search(u) and not _NOT_FOOTER_DATE.search(u)):
            footers.append((date, printed))  # "Page 1 of 3 — 14/03/2025": the date every page's footer prints
        if event:
            add(event, date, printed, f"{note}; {order[0]}" if order else note)
    if written and not any(e["event"] == "received" for e in events):
        for date, printed, order in written:
            note = "printed as the date of the request"
            add("received", date, printed, f"{note}; {order[0]}" if order else note)
    if dated and not any(e["event"] == "received" for e in events):
        for date, printed in dated:
            add("received", date, printed, "printed as the date of the request")
    for seg in doc.segments:
        event = _MESSAGE_EVENT.get(seg.kind or "")
        if seg.date and event and (seg.role != "requester" or event in ("internal_review_requested", "chaser")):
            add(event, seg.date[0], seg.date[1], "date of the message")
    if len({d for d, _ in footers}) == 1 and not any(e["event"] == "response" for e in events):
        # A response dated only in its page footers (one date on every page), or in a footer line of its reference
        # and a date, when no other line dates it.
        add("response", *footers[0], "date in the page footer")
    if not any(e["event"] == "received" for e in events):
        replies = [e["date"] for e in events if e["event"] == "response"]
        if len(set(replies)) == 1:
            for i, m in doc.search(_YEARLESS, _YEARLESS_WORDS):
                if not _inside(quoted, doc.offsets[i] + m.start()):
                    date = _yearless(int(m.group(1)), m.group(2), replies[0])
                    if date:
                        add("received", date, " ".join(m.group(0)[m.start(1) - m.start():].split()), "no year printed: dated by the reply")
    received = {e["date"] for e in events if e["event"] == "received"}
    replies = {e["date"] for e in events if e["event"] == "response"}
    if len(received) == 1 and len(replies) > 1 and min(replies) < min(received) <= max(replies):
        # Of several responses, one told as given before the one request was received answers another request
        # ("We responded to it on 4 April 2025", of an earlier request a s14(2) refusal tells of).
        events = [e for e in events if not (e["event"] == "response" and e["date"] < min(received))]
    events.sort(key=lambda e: (e["date"], EVENTS.index(e["event"])))
    return events


# A page footer's "Page 2 of 3", and what makes its date another than the letter's: a browser's print
# footer (a URL, a time of printing) or a printed-on/revision label.
_PAGE_OF = re.compile(r"\bpage\s+\d+\s+of\s+\d+\b", re.I)
_NOT_FOOTER_DATE = re.compile(r"https?:|www\.|\b\d{1,2}:\d\d\b|\b(?:printed|version|revised|review date|issue date|template)\b", re.I)


# A footer's reference before the date, set off by a bar, a dash or "Date" ("Our ref: HE-IR-2025-0311 | ", "Reference 0412/25 – "; not
# "Your ref:", the requester's, whose date may be the request's)
_FOOT_REFERENCE = re.compile(r"(?i)(?:our\s+)?(?:ref(?:erence)?|cyf(?:eirnod)?)\b\.?(?:\s*(?:no|number)\b\.?)?\s*:?\s*(?=[\w./\-]*\d)[\w./\-]+"
                             r"\s*(?:[|–—·:]\s*(?:date\b:?\s*)?|date\b:?\s*)")  # (":" a bar is read as: a table row's label cell)


def _one_block(doc: Doc, after: str) -> bool:
    """A letter saved on one line: no message found in it (no greeting on a line of its own), and the
    greeting on the date's own line, just after it ("... Date: 3 October 2025 Dear Requester ...")."""
    return (len(doc.segments) == 1 and doc.segments[0].kind is None and doc.segments[0].role == "header"
            and re.match(r"\W{0,3}(?:\w+\W+){0,12}?(?:Dear|Annwyl)\b", after[:160]) is not None)


def _after_sign_off(doc: Doc, i: int) -> bool:
    """Is unit ``i`` among the last lines of its message, below its sign-off (and not the date line
    just above the next message's greeting)?"""
    seg = doc.segment_of[i]
    end = doc.segments[seg + 1].start if seg + 1 < len(doc.segments) else len(doc.units)
    if not ((end == len(doc.units) or end - i > 3) and end - i <= 8):
        return False
    signs = doc.sign_offs()  # (in order: only the few just above are looked at)
    return any(doc.segment_of[k] == seg for k in signs[bisect.bisect_left(signs, i - 12): bisect.bisect_left(signs, i)])


def _yearless(day: int, month: str, reply: dt.date) -> dt.date | None:
    """The latest ``day`` of ``month`` ("this month": the reply's) on or before the reply's date."""
    if month.lower() == "this month":
        candidates = [(reply.year, reply.month)]
    else:
        number = MONTHS[month.lower().rstrip(".")]
        candidates = [(reply.year, number), (reply.year - 1, number)]
    for year, number in candidates:
        try:
            date = dt.date(year, number, day)
        except ValueError:
            continue
        if date <= reply:
            return date
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_QUOTED.finditer(text)`` gives, with the regex tried only where a quotation mark
    stands (found by ``str.find``), not at every character."""
    spans: list[tuple[int, int]] = []
    pos, following = 0, {mark: text.find(mark) for mark in ('"', "“")}
    while True:
        for mark, k in following.items():
            if 0 <= k < pos:
                following[mark] = text.find(mark, pos)
        marks = [k for k in following.values() if k >= 0]
        if not marks:
            return spans
        k = min(marks)
        m = _QUOTED.match(text, k)
        if m:
            spans.append(m.span())
            pos = m.end()
        else:
            pos = k + 1


def quote_around(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quoted span (of ``quoted_spans``) that ``pos`` lies inside, or None."""
    k = bisect.bisect_right(spans, (pos, 10**12)) - 1
    return spans[k] if k >= 0 and spans[k][0] < pos < spans[k][1] else None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return quote_around(spans, pos) is not None


def event_date(events: list[dict], name: str, warnings: list[str]) -> dict | None:
    """The one date of an event, or None (with a warning) when the text gives several."""
    dated = [e for e in events if e["event"] == name]
    if len({e["date"] for e in dated}) > 1:
        warnings.append(f"several '{name}' dates ({', '.join(e['printed'] for e in dated)}); left for a person to choose")
        return None
    return dated[0] if dated else None
