"""The lead's review probes of session 11: wordings that were read wrongly and look right.

Each case is a short letter written for this test; the expected values are a careful reading of it,
stated beside it. Each rule comes with ordinary sentences it must not change.
"""
from __future__ import annotations

import pytest

from test_extract_unseen5 import _letter


def _received(x: dict) -> list[str]:
    return [e["date"] for e in x["events"] if e["event"] == "received"]


# ---------------------------------------------------------------------------------------------
# The date a request was written is its receipt only when the letter states no other

def test_a_stated_receipt_outranks_the_date_the_request_was_written():
    # "your email of 2 May 2025, which we received on 6 May 2025": the Act's clock runs from
    # receipt (s10(1)), so 6 May is the date received; 2 May is when the requester wrote.
    x = _letter("Thank you for your email of 2 May 2025, which we received on 6 May 2025. "
                "Kent Police does not hold the information.")
    assert _received(x) == ["2025-05-06"]
    assert x["date_received"] == "2025-05-06"
    # the same two dates in two sentences, and a labelled line
    x = _letter("Thank you for your letter of 2 May 2025.\n\nDate received: 7 May 2025\n\n"
                "Kent Police does not hold the information.")
    assert x["date_received"] == "2025-05-07"


def test_the_date_the_request_was_written_stays_its_receipt_when_no_other_is_given():
    # as before: "your email of 2 May 2025" alone dates the request
    x = _letter("Thank you for your email of 2 May 2025. Kent Police does not hold the information.")
    assert _received(x) == ["2025-05-02"]
    # and "your email of ... asking us to review" still dates the review request
    x = _letter("Thank you for your email of 2 June 2025 asking us to review our response. I uphold it.")
    assert [e["event"] for e in x["events"] if e["date"] == "2025-06-02"] == ["internal_review_requested"]


# ---------------------------------------------------------------------------------------------
# A letter dated by the date alone on a line below its signature

def test_a_date_alone_below_the_signature_dates_the_letter():
    # "Kent Police / 30 May 2025" closing the letter: the date of the reply (a "Date:" line there was read before)
    x = _letter("We received your request on 6 May 2025. Kent Police does not hold the information.",
                foot="Information Rights Unit\n30 May 2025\n")
    assert [(e["event"], e["date"]) for e in x["events"]] == [("received", "2025-05-06"), ("response", "2025-05-30")]
    assert x["date_responded"] == "2025-05-30"


def test_a_date_in_a_sentence_or_above_the_greeting_is_not_taken_as_the_foot_date():
    # a sentence below the signature dates nothing new ...
    x = _letter("We received your request on 6 May 2025. Kent Police does not hold the information.",
                foot="Information Rights Unit\nThis template was last revised on 1 April 2024.\n")
    assert [e["event"] for e in x["events"]] == ["received"]


# ---------------------------------------------------------------------------------------------
# A request told in the reply's sentence: "You asked how many ..."

@pytest.mark.parametrize("told", [
    "You asked how many live facial recognition deployments took place in 2024.",
    "You asked us what the watchlist size was for each deployment.",
    "You asked which boroughs the vans were used in.",
])
def test_a_request_told_as_you_asked_how_many_takes_the_answer(told):
    # one unnumbered question told in the reply's sentence, answered with a figure: disclosed
    x = _letter(f"We received your request on 6 May 2025. {told}\n\nKent Police holds this information: "
                "there were 12 deployments.")
    assert x["outcome"] == "disclosed"
    assert [q["outcome"] for q in x["questions"]] == ["disclosed"]


def test_you_asked_in_other_sentences_is_no_request_told():
    # "as you asked" / "the information you asked for" tell no request: the numbered one stands
    x = _letter("We received your request on 6 May 2025. You asked:\n\n1. How many vans?\n2. Where are they?\n\n"
                "Response\n\n1. Three.\n2. As you asked, the vans were used in 14 places.")
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "disclosed")]


# ---------------------------------------------------------------------------------------------
# Grounds named but not relied on: considered and not applied, waived, what would have been

@pytest.mark.parametrize("answer", [
    "Although we would normally rely on section 31 for such data, on this occasion the information is provided: 4 deployments.",
    "There were 4 deployments. Section 31 was considered but not applied.",
    "There were 4 deployments. Section 31 could have been applied, but we have decided to release the figures.",
    "There were 4 deployments. The exemption at section 31 has been waived.",
    "There were 4 deployments. Had the figures been sensitive, section 31 would have applied.",
])
def test_a_ground_named_but_not_relied_on_is_not_cited(answer):
    # each gives the figure and relies on nothing: no exemption, outcome disclosed
    # (before this review each read s31 as relied on and the outcome as partially disclosed)
    x = _letter(f"We received your request on 6 May 2025. You asked how many deployments took place.\n\n{answer}")
    assert x["exemptions"] == []
    assert x["outcome"] == "disclosed"


@pytest.mark.parametrize("answer, sections", [
    # relied on, in the same words' neighbourhood
    ("The figures are withheld under section 31(1)(a).", ["31"]),
    ("Section 31 applies to this information and it is withheld.", ["31"]),
    ("The information is exempt under section 31(1)(a), which would otherwise be engaged only rarely.", ["31"]),
    ("We may rely on section 31(1)(a) to withhold the locations, and have done so.", ["31"]),
])
def test_grounds_relied_on_in_nearby_words_still_are(answer, sections):
    x = _letter(f"We received your request on 6 May 2025. You asked where the vans were deployed.\n\n{answer}")
    assert sorted({e["section"] for e in x["exemptions"]}) == sections


# ---------------------------------------------------------------------------------------------
# Nothing held, said of records, data or documents rather than "information"

@pytest.mark.parametrize("said, outcome", [
    # each tells the request that nothing is held (read with no outcome before this review)
    ("Kent Police holds no records of this.", "not_held"),
    ("No records are held.", "not_held"),
    ("We have no data relating to this.", "not_held"),
    ("No documents were held at the time of your request.", "not_held"),
    # lookalikes that say nothing of what is held
    ("We have no further information to add.", None),
    ("We have no data protection concerns about the request; please find the figures attached: 12 deployments.", "disclosed"),
])
def test_nothing_held_said_of_records_or_data(said, outcome):
    x = _letter(said)
    assert x["outcome"] == outcome


# ---------------------------------------------------------------------------------------------
# A qualified exemption engaged, then released on the public interest test

def _answer_two(answer: str) -> dict:
    return _letter("We received your request on 6 May 2025. You asked:\n\n1. How many deployments?\n2. Where were they?\n\n"
                   f"Response\n\n1. 12.\n2. {answer}")


@pytest.mark.parametrize("answer", [
    # engaged, but the balance falls for disclosure and the figures are given: nothing relied on
    # (before this review: s31 relied on, the request partially disclosed, question 2 exempt)
    "The locations are exempt under section 31(1)(a). However, the public interest in disclosure outweighs "
    "the public interest in maintaining the exemption, so they are provided: 14 sites.",
    "Section 31(1)(a) is engaged; however, the public interest favours disclosure and the number of sites is 14.",
    "Section 31(1)(a) is engaged. On balance the public interest lies in favour of release: 14 sites.",
])
def test_an_exemption_engaged_but_released_on_the_public_interest_is_not_relied_on(answer):
    x = _answer_two(answer)
    assert x["exemptions"] == []
    assert x["outcome"] == "disclosed"
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "disclosed")]


@pytest.mark.parametrize("answer, q2", [
    # the balance the other way: withheld
    ("The locations are exempt under section 31(1)(a). The public interest in maintaining the exemption "
     "outweighs the public interest in disclosure.", "exempt"),
    ("The locations are exempt under section 31(1)(a). The public interest in disclosure does not outweigh "
     "that in maintaining the exemption.", "exempt"),
    ("Section 31(1)(a) is engaged and the public interest does not favour disclosure.", "exempt"),
    # for disclosure of one part, not the other: something is kept back
    ("Section 31(1)(a) is engaged. The public interest favours disclosure of the boroughs but not the street "
     "names, which are redacted.", "partially_disclosed"),
])
def test_an_exemption_maintained_on_the_public_interest_is_relied_on(answer, q2):
    x = _answer_two(answer)
    assert {e["section"] for e in x["exemptions"]} == {"31"}
    assert x["outcome"] == "partially_disclosed"
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", q2)]


@pytest.mark.parametrize("answer, q2", [
    # an answer that only applies a ground gives nothing (read as disclosed before this review: a short answer)
    ("Section 31(1)(a) applies to this information.", "exempt"),
    ("Section 24(1) is engaged.", "exempt"),
    # ... not one that says it does not apply, points to publication or refuses on cost
    ("Section 31 does not apply; there were 14 sites.", "disclosed"),
    ("Section 21 applies: the sites are published on our website.", "publicly_available"),
])
def test_an_answer_that_only_applies_a_ground(answer, q2):
    x = _answer_two(answer)
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", q2)]


# ---------------------------------------------------------------------------------------------
# Letter-level verdicts in other words

def _said(text: str) -> dict:
    return _letter(f"We received your request on 6 May 2025.\n\n{text}")


@pytest.mark.parametrize("text, outcome, sections", [
    # a part given "below" in a sentence whose subject is not "information" (read as refused before: nothing given)
    ("Some of the information is held. It is provided below: 12 deployments. The rest is exempt under section 31(1)(a).",
     "partially_disclosed", ["31"]),
    ("The figures are set out below: 12 deployments.", "disclosed", []),
    # boilerplate "below" gives nothing
    ("Your rights are set out below. We do not hold the information.", "not_held", []),
    # neither confirm nor deny, in other words (read with no outcome before, and the ground not cited)
    ("We cannot confirm or deny whether information is held (section 23(5)).", "ncnd", ["23"]),
    ("Kent Police does not confirm or deny that it holds any information relevant to your request, by virtue of section 24(2).",
     "ncnd", ["24"]),
    ("Kent Police will not confirm or deny whether it holds the information.", "ncnd", []),
    # "whether we can confirm or deny" is no NCND; "We do not hold it." is not held (no outcome before)
    ("We have considered whether we can confirm or deny that the information is held. We do not hold it.", "not_held", []),
])
def test_letter_verdicts_in_other_words(text, outcome, sections):
    x = _said(text)
    assert x["outcome"] == outcome
    assert sorted({e["section"] for e in x["exemptions"]}) == sections


# ---------------------------------------------------------------------------------------------
# Events: the nearer verb; an ordinary deadline is no extension

def _events(x: dict) -> list[tuple[str, str]]:
    return [(e["event"], e["date"]) for e in x["events"]]


def test_received_and_acknowledged_in_one_sentence():
    # "received ... on 6 May 2025 and acknowledged it on 7 May 2025": 7 May is the acknowledgement
    # (read as a second receipt before, which left the date received null)
    x = _letter("We received your request on 6 May 2025 and acknowledged it on 7 May 2025. Kent Police does not hold the information.")
    assert _events(x) == [("received", "2025-05-06"), ("acknowledged", "2025-05-07")]
    assert x["date_received"] == "2025-05-06"


def test_an_ordinary_deadline_is_no_extension_estimate():
    # an acknowledgement's "We aim to respond ... by 4 June 2025" is the Act's 20 working days, not an
    # s10(3) estimate (read as an extension estimate before, which the report counts as an extension)
    x = _letter("We received your request on 6 May 2025. We aim to respond within 20 working days, by 4 June 2025. "
                "Kent Police does not hold the information.", head="Kent Police\n\nOur ref: FOI 1/25\nDate: 3 June 2025\n\n")
    assert ("extension_estimate", "2025-06-04") not in _events(x)
    # ... while a message that extends the time for the public interest test still estimates its decision
    x = _letter("We received your request on 6 May 2025. We need more time to consider the public interest test "
                "and now aim to respond by 17 June 2025.", head="Kent Police\n\nOur ref: FOI 1/25\nDate: 3 June 2025\n\n")
    assert ("extension_estimate", "2025-06-17") in _events(x)


@pytest.mark.parametrize("answer, q2", [
    # "Unknown" to "How many arrests?": nothing recorded to give (read as disclosed before: a short answer)
    ("Unknown.", "not_held"),
    ("Not known", "not_held"),
    # "N/A": nothing asked for there, as round 5's hand reading of "Not applicable" (read as disclosed before)
    ("N/A", "answered"),
    ("Not applicable.", "answered"),
    # a figure beside such words, or a zero, is given
    ("Unknown at this time: 4 vans were checked.", "disclosed"),
    ("Nil.", "disclosed"),
    ("0", "disclosed"),
])
def test_short_answers_that_give_no_figure(answer, q2):
    from test_extract_unseen9 import _two  # (round 9's two-question letter: "1. Three." and this answer)

    assert _two(answer, "How many arrests?") == [("1", "disclosed"), ("2", q2)]


# ---------------------------------------------------------------------------------------------
# A PDF printed by a browser: a box per glyph

def test_a_letter_printed_to_pdf_by_chromium_reads_as_its_text():
    # tests/fixtures/responses/chromium_printed_letter.pdf: a letter written for this test as HTML and
    # printed with `chromium --headless --print-to-pdf` (the way a web page is saved as PDF). Chromium
    # places every glyph on its own: PDFium's text boxes are single glyphs, kerned ones overlapping. Read
    # from those boxes, it gave "KeKent Police", "I nfo rmatio n", "Ou r reference : FOI 2025 -04417" and
    # the reference "FOI 2025" (found by the session 11 walk-through of the weekly job).
    from pathlib import Path

    from foi_analysis.extract import extract_file
    from foi_analysis.extract.pdf import pdf_text

    path = Path(__file__).parent / "fixtures" / "responses" / "chromium_printed_letter.pdf"
    text = pdf_text(path.read_bytes())
    # the letter's lines as written in its HTML
    assert "Kent Police\nInformation Rights Unit\nMaidstone" in text
    assert "Our reference: FOI 2025-04417\nDate: 14 March 2025" in text
    assert "received by Kent Police on 17 February 2025. You asked:" in text
    assert "3. The watchlist sizes are exempt under section 31(1)(a) and are withheld." in text
    x = extract_file(path).json()
    assert (x["authority"], x["reference"], x["date_received"], x["date_responded"]) == (
        "Kent Police", "FOI 2025-04417", "2025-02-17", "2025-03-14")
    # 1: "on 12 occasions"; 2: "31 arrests."; 3: "exempt under section 31(1)(a) and are withheld"
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "disclosed"), ("2", "disclosed"), ("3", "exempt")]
    assert x["outcome"] == "partially_disclosed"


def test_a_verdict_in_quotation_marks_is_the_writer_s_not_the_body_s():
    # the requester's words quoted in one sentence of a refusal as vexatious: the body's verdict is the
    # refusal, not "does not hold" (read as not held when the quotation stood on one line: found when the
    # PDF reader first joined that wrapped paragraph, round 7's Kelmarsh letter)
    x = _letter("We received your request on 8 May 2025. In your email of 2 May 2025 you wrote: \u201cThe University does "
                "not hold any records it is willing to admit to.\u201d We consider the request vexatious and are refusing "
                "it under section 14(1).")
    assert x["outcome"] == "refused"
    # ... while the body's own words beside a quotation still decide
    x = _letter("We received your request on 8 May 2025. You asked for \u201call records of the trial\u201d. "
                "Kent Police does not hold any records of the trial.")
    assert x["outcome"] == "not_held"


def test_a_body_not_in_the_list_speaking_ends_the_restated_request():
    # A council not in authorities.csv answers below the numbered questions it restates (U1's walk-through:
    # its answer was read as part of the request, so the letter had no outcome). Lincolnshire County
    # Council's words stand for any body: "X does not hold the information you have requested" is its
    # verdict on every question.
    x = _letter("Thank you for your request, which Lincolnshire County Council received on 3 April 2025. You asked:\n\n"
                "1. Does the council use facial recognition with its CCTV cameras?\n2. If so, how many cameras use it?\n"
                "3. Has the council shared CCTV images with any police force in 2024?\n\n"
                "Lincolnshire County Council does not hold the information you have requested. The council does not "
                "operate public space CCTV.",
                head="Lincolnshire County Council\n\nOur ref: FOI/5521/25\n\n")
    assert x["outcome"] == "not_held"
    assert [(q["question"], q["outcome"]) for q in x["questions"]] == [("1", "not_held"), ("2", "not_held"), ("3", "not_held")]
    # a request whose own lines name a body do not end it: "Has the council shared ...?" is asked, not said
    x = _letter("You asked:\n\n1. Has Kent Police used live facial recognition?\n2. Does Essex Police hold a watchlist?\n\n"
                "Response\n\n1. Yes.\n2. We cannot answer for another force.")
    assert [q["question"] for q in x["questions"]] == ["1", "2"]


def test_the_not_a_response_warning_comes_with_the_reading_itself():
    # A press release names a force and nothing else a response has (no reference, outcome or dated
    # event): warned by extract_text itself, so a draft, --json and a caller of the library all say it.
    from foi_analysis.extract import extract_text
    from foi_analysis.extract.command import NOT_A_RESPONSE

    release = "Kent Police to trial live facial recognition in Maidstone\n\nKent Police will trial the cameras this summer."
    assert NOT_A_RESPONSE in extract_text(release).warnings
    # a letter with its reference is a response, however little else it reads
    assert NOT_A_RESPONSE not in extract_text("Kent Police\nOur ref: FOI 1/25\n\nDear Requester\n\nThank you.").warnings
