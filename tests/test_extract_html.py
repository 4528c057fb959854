"""HTML pages read as a browser's tree (``text.html_to_text``, libxml2 through lxml): every element is
closed once, where its end tag stands or where the markup implies it, so a page without its optional end
tags reads as the same page with them. Expected texts are written from the markup by hand."""

from __future__ import annotations

import pytest

from foi_analysis.extract import extract_text
from foi_analysis.extract.text import html_to_text


def _text(page: str) -> str:
    return html_to_text(page)[0]


def _lines(page: str) -> list[str]:
    return [line.strip() for line in _text(page).split("\n") if line.strip()]


@pytest.mark.parametrize("without, with_", [
    # cells of a row: each closed by the next cell or the row's end, so each gains its " | "
    ("<table><tr><th>Year<th>Deployments<tr><td>2024<td>12</table>",
     "<table><tr><th>Year</th><th>Deployments</th></tr><tr><td>2024</td><td>12</td></tr></table>"),
    # paragraphs closed by the next one
    ("<body><p>Dear Requester,<p>We do not hold the information.<p>Yours sincerely</body>",
     "<body><p>Dear Requester,</p><p>We do not hold the information.</p><p>Yours sincerely</p></body>"),
    # list items, a nested list's among them
    ("<ol><li>No.<li>Three.<ul><li>a note</ul><li>Yes.</ol>",
     "<ol><li>No.</li><li>Three.<ul><li>a note</li></ul></li><li>Yes.</li></ol>"),
    # a definition list's terms and values
    ("<dl><dt>Date received<dd>07 March 2025<dt>Reference:<dd>FOI 1/25</dl>",
     "<dl><dt>Date received</dt><dd>07 March 2025</dd><dt>Reference:</dt><dd>FOI 1/25</dd></dl>"),
    # stray end tags (nothing open to close) add nothing: no lone " |", no list ended
    ("<p>one</p></td></li></ul><p>two</p>", "<p>one</p><p>two</p>"),
])
def test_a_page_without_its_optional_end_tags_reads_as_with_them(without, with_):
    assert _text(without) == _text(with_)


def test_unclosed_cells_and_terms_are_read_as_cells_and_labels():
    assert _lines("<table><tr><th>Year<th>Deployments<tr><td>2024<td>12<tr><td>2025<td>9</table>") == [
        "Year | Deployments |", "2024 | 12 |", "2025 | 9 |"]
    assert _lines("<dl><dt>Date received<dd>07 March 2025<dt>Reference:<dd>FOI 1/25</dl>") == [
        "Date received: 07 March 2025", "Reference: FOI 1/25"]
    page = ("<html><body><p>Kent Police<p>Our ref: FOI 1/25<p>Date: 3 June 2025<p>Dear Requester"
            "<dl><dt>Date received<dd>6 May 2025</dl><p>The deployments by year:"
            "<table><tr><th>Year<th>Deployments<tr><td>2024<td>12<tr><td>2025<td>9</table><p>Yours sincerely</body></html>")
    x = extract_text(page).json()
    assert (x["reference"], x["date_received"], x["date_responded"]) == ("FOI 1/25", "2025-05-06", "2025-06-03")
    assert [(t["columns"], t["rows"]) for t in x["tables"]] == [(["Year", "Deployments"], [["2024", "12"], ["2025", "9"]])]


@pytest.mark.parametrize("term", [
    "Reference:&nbsp;",  # a term that ends in its colon and a no-break space (libxml2 hands these on as two pieces)
    "<b>Reference:</b> ",  # in bold, a space after it
    "Reference",  # no colon: one is put in
])
def test_a_term_is_joined_to_its_value_by_one_colon(term):
    assert " ".join(_text(f"<dl><dt>{term}</dt><dd>FOI 1/25</dd></dl>").split()) == "Reference: FOI 1/25"


@pytest.mark.parametrize("chrome", [
    "<div><form><input type=text name=q></div>",  # a search form left open inside its <div>
    "<p>Print <button>Print this page</p>",  # a button left open inside its paragraph
])
def test_an_unclosed_form_or_button_does_not_hide_the_rest_of_the_page(chrome):
    # The form or button ends with the element it stands in; the letter after it is read.
    page = f"<html><body>{chrome}<p>Our ref: FOI 1/25</p><p>Dear Requester</p><p>Kent Police does not hold the information.</p></body></html>"
    assert "Kent Police does not hold the information." in _lines(page)
    assert "Print this page" not in _text(page)
    x = extract_text(page).json()
    assert (x["reference"], x["outcome"]) == ("FOI 1/25", "not_held")


def test_what_a_browser_does_not_show_is_not_read():
    page = ("<p>shown</p><!-- a comment <p>Our ref: FOI 9/99</p> --><iframe><p>frame's fallback</p></iframe>"
            "<noframes><p>no frames</p></noframes><noembed>no embed</noembed><script>var ref = 'FOI 8/88';</script>"
            "<style>p { color: red }</style><p>end</p>")
    assert _lines(page) == ["shown", "end"]


def test_character_references_are_read_as_a_browser_reads_them():
    # Numeric references to 128-159 are Windows-1252's characters (a page saved from Word: "&#146;" is "’");
    # a named reference without its ";" ("&copy 2025") is still the character; an unknown name stays as printed.
    assert _lines("<p>We&#146;re &#150; &lsquo;ok&rsquo; &amp; &copy 2025 &#x20AC;5 &bogus;</p>") == ["We’re – ‘ok’ & © 2025 €5 &bogus;"]


def test_no_entity_of_a_doctype_is_resolved():
    # An internal subset declaring an external entity: HTML does not read it, the reference stays as printed.
    page = "<!DOCTYPE html [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]><html><body><p>&secret;</p></body></html>"
    text = _text(page)
    assert "&secret;" in text and "root" not in text


def test_a_page_declaring_another_charset_is_read_as_the_text_it_is():
    # The text is decoded already: a <meta> naming another encoding does not make it be decoded again.
    page = ("<html><head><meta charset='iso-8859-1'><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
            "</head><body><p>We’re – café £5 €</p></body></html>")
    assert _lines(page) == ["We’re – café £5 €"]


def test_nul_and_a_lone_surrogate_read_as_the_replacement_character():
    # Neither is text (a file's NULs are dropped before, by ``decode``): each reads as U+FFFD, never an error.
    assert _lines("<p>Our ref:\x00 FOI 1/25</p>") == ["Our ref:\ufffd FOI 1/25"]
    assert _lines("<p>a\ud800b</p>") == ["a\ufffdb"]
