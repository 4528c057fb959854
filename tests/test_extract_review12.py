"""The lead's probes of session 12: readings found wrong while the extractor was made faster, each
fixed in its general form. Every letter is written for the test; the expected values are read off
the letter by hand (the comments say where)."""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_text

LOG_ENTRY = """Freedom of Information Request Reference: FOI/2024/0412
Date of request: 02/02/2024
{label} 12/03/2024

Dear Requester,

You asked how many times live facial recognition was deployed in 2023.

There were 4 deployments.

Yours sincerely,
Information Rights Team
Kent Police
"""


@pytest.mark.parametrize("label, response", [
    # A disclosure log's "Date of disclosure" is the date the response went out: the rule read it,
    # but its cue words ("respon", "repl", ...) held none of "disclosure", so it was never tried.
    ("Date of disclosure:", "2024-03-12"),
    ("Date of this disclosure:", "2024-03-12"),
    ("Disclosure date:", "2024-03-12"),  # the same label, the other way round (a line of its own)
    # Lookalikes: a date the disclosure is expected by, or a sentence about it, is no response
    ("We expect the disclosure date to be", None),
    ("The planned disclosure date for the report is", None),
])
def test_a_date_of_disclosure_dates_the_response(label, response):
    events = extract_text(LOG_ENTRY.format(label=label), "log.txt").json()["events"]
    # the request's date is on the line "Date of request: 02/02/2024"
    assert {"date": "2024-02-02", "event": "received"} in events
    assert [e["date"] for e in events if e["event"] == "response"] == ([response] if response else [])


def test_a_questions_own_words_are_its_lowercased_words_of_four_letters_or_more_no_other_question_uses():
    # Worked by hand from answers.own_words' rule: lower-case words of four letters or more ("how", "use",
    # "CCTV"'s four letters count), less answers._COMMON ("many", "number", "were"), less any word another
    # question also uses ("cameras", "deployed" are in both; "croydon" / "lambeth" only in one).
    from foi_analysis.extract.answers import _match_questions, own_words

    own = own_words({"1": "How many cameras were deployed in Croydon for CCTV use?",
                     "2": "What number of cameras were deployed at Lambeth markets?"})
    assert own == {"1": {"croydon", "cctv"}, "2": {"lambeth", "markets"}}
    # An answer that repeats two of a question's own words is that question's, one word is not enough;
    # punctuation and case do not hide a word ("Lambeth's" holds "lambeth").
    assert _match_questions("In CROYDON, 12 CCTV cameras.", own) == ["1"]
    assert _match_questions("Lambeth's markets: none.", own) == ["2"]
    assert _match_questions("Croydon: none.", own) == []
