"""What a raw folder can hold besides good records and grids: each is named in rejected.csv with a
reason a person can act on, the build never stops with a traceback, and every valid row is still
written (with and without the build's cache, which must agree)."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
import pytest

from foi_analysis import build
from foi_analysis.foia.dates import parse_printed_date
from foi_analysis.records.quarantine import Rejection

UNREADABLE = "not a readable file (a folder, a broken link or a special file)"  # as a user reads it


def _rejected(out) -> pd.DataFrame:
    return pd.read_csv(out / "rejected.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("cache", [False, True])
def test_folders_and_broken_links_named_like_inputs_are_reported(raw_copy, tmp_path, cache, capsys):
    records, grids = raw_copy / "disclosures", raw_copy / "grids"
    (records / "a-folder.yaml").mkdir()
    (records / "moved.yaml").symlink_to(tmp_path / "nowhere.yaml")  # a record moved away: a broken link
    (grids / "a-folder.pdf").mkdir()
    (grids / "moved.pdf").symlink_to(tmp_path / "nowhere.pdf")
    out = tmp_path / "out"
    for _ in range(2 if cache else 1):  # with the cache, the second build is the incremental one
        assert build.main(raw=raw_copy, out=out, cache=cache) == 1
    rejected = _rejected(out)
    named = {(r.source, r.reason) for r in rejected.itertuples()}
    for source in ("disclosures/a-folder.yaml", "disclosures/moved.yaml"):
        assert (source, UNREADABLE) in named
    for source in ("grids/a-folder.pdf", "grids/moved.pdf"):
        assert (source, UNREADABLE) in named
    assert "moved.pdf" in capsys.readouterr().err
    # The five test records and both grids of the fixture corpus are still built.
    assert len(pd.read_csv(out / "requests.csv")) == 5
    assert set(pd.read_csv(out / "deployments.csv", dtype=str)["source_file"]) == {
        "met-lfr-grid-2020-2022.pdf", "met-lfr-grid-2023-to-2024.pdf"}


def test_a_broken_grid_link_mended_is_read_on_the_next_cached_build(raw_copy, tmp_path):
    grids = raw_copy / "grids"
    pdf = grids / "met-lfr-grid-2020-2022.pdf"
    kept = tmp_path / "kept.pdf"
    pdf.rename(kept)
    pdf.symlink_to(tmp_path / "not-yet.pdf")
    out = tmp_path / "out"
    assert build.main(raw=raw_copy, out=out, cache=True) == 1
    assert ("grids/met-lfr-grid-2020-2022.pdf", UNREADABLE) in {(r.source, r.reason) for r in _rejected(out).itertuples()}
    # The link now points at the grid: the cache must not keep the earlier failure.
    pdf.unlink()
    pdf.symlink_to(kept)
    assert build.main(raw=raw_copy, out=out, cache=True) == 0
    assert "met-lfr-grid-2020-2022.pdf" in set(pd.read_csv(out / "deployments.csv", dtype=str)["source_file"])


def test_empty_deeply_nested_and_oddly_named_files(raw_copy, tmp_path, capsys):
    records = raw_copy / "disclosures"
    (records / "empty.yaml").write_text("", encoding="utf-8")
    (records / "blank.yaml").write_text("  \n\n", encoding="utf-8")
    # 5,000 nested lists on one line: the parser's depth limit refuses it; the message quotes the
    # line, which is cut to a readable length.
    (records / "deep.yaml").write_text("reference: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (records / "two\nlines.yaml").write_text("just text\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build.main(raw=raw_copy, out=out) == 1
    rejected = _rejected(out).set_index("source")
    for name in ("empty.yaml", "blank.yaml"):
        assert rejected.loc[f"disclosures/{name}", "reason"] == "an empty file: a record must be a YAML mapping of fields"
    deep = rejected.loc["disclosures/deep.yaml", "reason"]
    assert deep.startswith("not valid YAML") and len(deep) < 400
    assert rejected.loc["disclosures/two\nlines.yaml", "reason"] == "a record must be a YAML mapping of fields"
    err = capsys.readouterr().err
    assert "disclosures/two\\nlines.yaml: (file)" in err  # printed escaped, on one line
    assert len(pd.read_csv(out / "requests.csv")) == 5


def test_a_rejection_prints_a_file_name_with_a_line_break_on_one_line():
    line = str(Rejection("disclosures/a\nb.yaml", "(file)", "", "reason"))
    assert line == "disclosures/a\\nb.yaml: (file) = '': reason"


def test_iso_dates_are_read_year_first():
    # Four digits first leave no doubt which number is the day (ISO 8601), unlike 01/02/2024.
    assert parse_printed_date("2016-11-21") == dt.date(2016, 11, 21)
    assert parse_printed_date("2024-2-1") == dt.date(2024, 2, 1)
    with pytest.raises(ValueError, match="impossible date"):
        parse_printed_date("2023-02-31")
    with pytest.raises(ValueError, match="not a recognised date"):
        parse_printed_date("2023/13")


def test_a_record_dated_in_iso_form_is_built(raw_copy, tmp_path):
    (raw_copy / "disclosures" / "iso.yaml").write_text(
        'reference: "ISO-1"\nauthority: Kent Police\nsource: {title: t}\noutcome: not_held\n'
        "date_received: 2024-01-05\ndate_responded: 2024-02-02\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build.main(raw=raw_copy, out=out) == 0
    req = pd.read_csv(out / "requests.csv", dtype=str).set_index("reference")
    assert req.loc["ISO-1", "date_received"] == "2024-01-05"
    # 05/01/2024 (a Friday) to 02/02/2024: 20 working days by hand (no bank holiday between).
    rt = pd.read_csv(out / "response_times.csv", dtype=str).set_index("reference")
    assert rt.loc["ISO-1", "response_wd"] == "20"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_the_grid_reader_itself_refuses_what_is_no_file(tmp_path):
    # Not only the build: grids.read_grid, called on a pipe or a folder, names it instead of waiting on it.
    from foi_analysis.grids import parse as grids

    os.mkfifo(tmp_path / "pipe.pdf")
    (tmp_path / "folder.pdf").mkdir()
    for name in ("pipe.pdf", "folder.pdf", "missing.pdf"):
        with pytest.raises(grids.GridError, match="not a readable file"):
            grids.read_grid(tmp_path / name)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_waited_on(raw_copy, tmp_path):
    # Opening a FIFO for reading blocks until a writer comes: the build must not open it at all.
    os.mkfifo(raw_copy / "disclosures" / "pipe.yaml")
    os.mkfifo(raw_copy / "grids" / "pipe.pdf")
    out = tmp_path / "out"
    for cache in (False, True):
        assert build.main(raw=raw_copy, out=out, cache=cache) == 1
        named = {(r.source, r.reason) for r in _rejected(out).itertuples()}
        assert {("disclosures/pipe.yaml", UNREADABLE), ("grids/pipe.pdf", UNREADABLE)} <= named


# Texts a document or record may hold that Markdown or HTML would read as markup.
HOSTILE_TEXTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<b>REF</b>-1", "[a link](page.html)", "[x](javascript:alert(1))",
    "**bold** and *it*", "_edge_ underscores", "$x^2$ maths", "a | b | c", "~~struck~~", "`code`", "back\\slash",
    "&amp; an entity", "Oxford St & Regent St", "grid_2025_v2.pdf", "FOI/24/0457 (13457_18)",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_document_text_in_a_markdown_sentence_is_shown_as_written(text):
    from html.parser import HTMLParser

    from nbconvert.filters import markdown2html  # what the report renders its Markdown with

    from foi_analysis.analysis.display import markdown_text

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.text = [], ""

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text += data

    page = Reader()
    page.feed(markdown2html(f"Seen in {markdown_text(text)}."))
    # No element made of the text: no script, image, link, emphasis or code. (A bare http(s) address
    # would still be made a link by the renderer, which is harmless and left alone.)
    assert page.tags == ["p"]
    assert page.text.strip() == f"Seen in {text}."


def test_findings_sentences_escape_what_documents_hold():
    from foi_analysis.analysis import findings

    numbers = {"rejected": 1, "build_exit_status": 1, "by_file": {"disclosures/<i>x</i>.yaml": 1},
               "rows": [{"source": "disclosures/<i>x</i>.yaml", "field": "date_received",
                         "value": "<script>alert(1)</script>", "reason": "not a recognised date"}]}
    page = findings.markdown("data_quality", numbers)
    assert "<script>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # findings.json keeps the text as read: escaping is for pages only.
    assert "<script>alert(1)</script>" in " ".join(findings.describe("data_quality", numbers))
