"""Hostile or careless raw records (red team, session 11): what a user could bring into data/raw
that earlier tests did not try. For each, the project's rules (README "Bad input", data/raw/README.md)
say what must happen: a clear message naming the file and the field; the failing record or row kept
in rejected.csv with its reason; every other record still built; the build byte-identical to a clean
one, and its outputs whole whatever happens to the process.

Each record here is written for these tests; each expected value is the rule it states, worked by
hand (the comment says how).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from foi_analysis import build
from foi_analysis.records import disclosures

SET_ASIDE = "; record set aside"
SEED_REFERENCES = ["01.FOI.21.022107", "01.FOI.23.028881", "01.FOI.23.030730", "2016090000813", "FOI 506"]

# A complete, valid record (Avon and Somerset's 992/20).
from test_records import GOOD  # noqa: E402

# A record with a blue-list table, whose number-of-tests cells the tests below change.
BLUE = """\
reference: "BL-1"
authority: Kent Police
source: {title: Blue list}
outcome: disclosed
tables:
  - kind: blue_list
    columns: [Date, True alert rate, False alert rate, Number of tests]
    rows:
      - ["01/03/2023", "100%", "0%", "TESTS"]
"""


def problems(text: str, file: str = "x.yaml"):
    rejections = []
    record = disclosures.read_record(text, file, rejections)
    return record, [(r.field, r.value, r.reason) for r in rejections]


def rejected(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "rejected.csv", dtype=str, keep_default_na=False)


def references(out: Path) -> list[str]:
    return sorted(pd.read_csv(out / "requests.csv", dtype=str)["reference"])


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# ---------------------------------------------------------------- the YAML itself

def test_a_tab_indent_names_the_line_and_the_rest_is_built(raw_copy, tmp_path):
    # YAML forbids tabs in indentation: the parser's message names the line (8: the first event).
    (raw_copy / "disclosures" / "tab.yaml").write_text(GOOD.replace("  - {event: received", "\t- {event: received"), encoding="utf-8")
    assert build.main(raw=raw_copy, out=tmp_path) == 1
    row = rejected(tmp_path).set_index("source").loc["disclosures/tab.yaml"]
    assert row["field"] == "(file)" and "line 8" in row["reason"] and "tabs" in row["reason"]
    assert references(tmp_path) == SEED_REFERENCES


def test_a_key_given_twice_inside_a_mapping_is_an_error_naming_the_key():
    # YAML 1.2 says keys are unique: neither value wins, the file is refused (the top-level case is in test_build).
    record, found = problems(GOOD.replace("kind: letter}", "kind: letter, title: Another title}"))
    assert record is None
    assert [(f, r) for f, _, r in found] == [("(file)", "not valid YAML: duplicate mapping key: 'title'")]


def test_anchors_and_aliases_read_as_the_fields_written_out():
    # An alias is the anchored value again: the acknowledged event twice, as if written twice.
    aliased = GOOD.replace("  - {event: acknowledged, date: 03/03/2020}",
                           "  - &ack {event: acknowledged, date: 03/03/2020}\n  - *ack")
    spelled = GOOD.replace("  - {event: acknowledged, date: 03/03/2020}",
                           "  - {event: acknowledged, date: 03/03/2020}\n  - {event: acknowledged, date: 03/03/2020}")
    a, found_a = problems(aliased)
    b, found_b = problems(spelled)
    assert found_a == found_b == [] and a.events == b.events and len(a.events) == 3


def test_an_alias_bomb_is_refused_quickly():
    # "Billion laughs": 9 levels of 9 aliases each would expand to 9**9 (387 million) strings.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, 9)]
    start = time.process_time()
    record, found = problems("\n".join(lines) + "\n")
    assert record is None and time.process_time() - start < 10
    assert found[0][0] == "(file)" and "alias" in found[0][2]


@pytest.mark.parametrize("key", ["!!python/name:os.system outcome", "!!str outcome"])
def test_a_tag_on_a_field_name_is_refused_as_on_a_value(key):
    # README: "a YAML tag of any kind (!!python/object, !!str)" is refused; a key is no exception.
    record, found = problems(GOOD.replace("outcome: refused", f"{key}: refused"))
    assert record is None
    assert any(f == "outcome" and r.startswith("YAML tag") for f, _, r in found) or any(
        f == "(file)" and "tag" in r for f, _, r in found), found


@pytest.mark.parametrize("extra, field", [("1: one\n", "1"), ("? [a, b]\n: c\n", "['a', 'b']")])
def test_a_field_name_that_is_not_text_is_named_as_such(extra, field):
    # A number or a list as a key: no field is called that; the message says a field name is text.
    record, found = problems(GOOD + extra)
    assert record is None
    assert found == [(field, field, "a field name must be text" + SET_ASIDE)]


@pytest.mark.parametrize("head", ["---\n", "# a comment\n\n---\n", "%YAML 1.2\n---\n"])
def test_one_record_after_a_document_marker_is_read(head):
    # A file's first document may open with "---" (after comments or a directive): still one record.
    record, found = problems(head + GOOD)
    assert found == [] and record.reference == "992/20"


def test_a_record_of_just_under_a_mebibyte_is_read():
    # The limit is 1 MiB (1,048,576 bytes): a record padded to 1,000,000 bytes with a comment is read.
    text = GOOD + "#" + "x" * (1_000_000 - len(GOOD) - 2) + "\n"
    assert len(text.encode()) == 1_000_000
    rejections = []
    (record,) = disclosures.load_files(["/r/disclosures/x.yaml"], "/r", rejections, [text.encode()])
    assert rejections == [] and record.reference == "992/20"


def test_two_records_in_one_file_are_refused_naming_the_count(raw_copy, tmp_path):
    # A "---" separator starts a second YAML document: neither record may be dropped unnoticed.
    (raw_copy / "disclosures" / "two.yaml").write_text(GOOD + "---\n" + GOOD.replace("992/20", "992/21"), encoding="utf-8")
    assert build.main(raw=raw_copy, out=tmp_path) == 1
    row = rejected(tmp_path).set_index("source").loc["disclosures/two.yaml"]
    assert row["field"] == "(file)"
    assert row["reason"] == "2 YAML documents in one file (separated by '---'): one record per file"
    assert references(tmp_path) == SEED_REFERENCES


def test_references_differing_only_in_spacing_are_one_record(raw_copy, tmp_path):
    # "FOI 992/20" typed a second time with two spaces, with a tab, or folded over two lines in the
    # YAML: each is the same reference, so the second file is a duplicate of the first (both set aside,
    # as for any duplicate), and the reference is written with single spaces.
    folder = raw_copy / "disclosures"
    (folder / "a.yaml").write_text(GOOD.replace('"992/20"', '"FOI 992/20"'), encoding="utf-8")
    for i, typed in enumerate(['"FOI  992/20"', '"FOI\\t992/20"', '" FOI\\u00a0992/20 "', ">-\n  FOI\n  992/20"]):
        (folder / "b.yaml").write_text(GOOD.replace('"992/20"', typed), encoding="utf-8")
        assert build.main(raw=raw_copy, out=tmp_path / str(i)) == 1, typed
        dup = rejected(tmp_path / str(i))
        dup = dup.loc[dup["reason"].str.startswith("duplicate record")]
        assert sorted(dup["source"]) == ["disclosures/a.yaml", "disclosures/b.yaml"], typed
        assert set(dup["value"]) == {"FOI 992/20"}, typed
        assert references(tmp_path / str(i)) == SEED_REFERENCES
    # one record alone, typed loosely, is read with single spaces
    (folder / "a.yaml").unlink()
    assert build.main(raw=raw_copy, out=tmp_path / "one") == 0
    assert "FOI 992/20" in references(tmp_path / "one")


def test_a_merge_key_is_an_unknown_field():
    # YAML 1.2 has no merge key: "<<" is a field name, and no field has that name.
    record, found = problems(GOOD.replace("{event: acknowledged, date", "{<<: {event: acknowledged}, date"))
    assert record is None and found[0][0] == "events[1].<<" and found[0][2].startswith("unknown field")


def test_a_record_of_50_mb_is_set_aside_without_being_parsed(raw_copy, tmp_path):
    # A record holds facts transcribed from a response (the largest real one is a few kB): 50 MB is a
    # pasted document or a runaway script, refused by its size before it costs the build any time.
    big = GOOD + "figures:\n" + "".join(f"  - {{name: f{i}, value: {i}}}\n" for i in range(1_500_000))
    assert len(big) > 50_000_000
    (raw_copy / "disclosures" / "big.yaml").write_text(big, encoding="utf-8")
    start = time.process_time()
    assert build.main(raw=raw_copy, out=tmp_path, cache=False) == 1
    assert time.process_time() - start < 15  # parsed, the file alone took ~18 cpu-s
    row = rejected(tmp_path).set_index("source").loc["disclosures/big.yaml"]
    assert row["field"] == "(file)" and row["reason"].startswith(f"{len(big):,} bytes: larger than a record can be")
    assert references(tmp_path) == SEED_REFERENCES


# ---------------------------------------------------------------- encodings and line ends

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_record_saved_as_utf16_or_utf32_is_read(raw_copy, tmp_path, encoding):
    # YAML 1.2 (5.2): a processor reads UTF-16 and UTF-32, with a byte-order mark ("utf-16", "utf-32"
    # write one) or without (told by where the NULs fall around the first character, ASCII here).
    (raw_copy / "disclosures" / "wide.yaml").write_bytes(GOOD.encode(encoding))
    assert build.main(raw=raw_copy, out=tmp_path) == 0
    assert references(tmp_path) == sorted(SEED_REFERENCES + ["992/20"])


def test_a_windows_1252_record_names_the_line_of_its_first_bad_byte():
    # "Café" saved in Windows-1252: é is the byte 0xe9 on line 3 (source), not UTF-8.
    rejections = []
    data = GOOD.replace("Facial recognition", "Café recognition").encode("cp1252")
    assert disclosures.load_files(["/r/disclosures/x.yaml"], "/r", rejections, [data]) == []
    (r,) = rejections
    assert (r.source, r.field) == ("disclosures/x.yaml", "(file)")
    assert r.reason.startswith("not UTF-8 text: byte 0xe9 on line 3") and "save it as UTF-8" in r.reason


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_build_the_same_bytes(raw_copy, tmp_path, ending):
    (raw_copy / "disclosures" / "x.yaml").write_bytes(GOOD.encode())
    build.main(raw=raw_copy, out=tmp_path / "lf", cache=False)
    (raw_copy / "disclosures" / "x.yaml").write_bytes(GOOD.replace("\n", ending).encode())
    assert build.main(raw=raw_copy, out=tmp_path / "other", cache=False) == 0
    assert outputs(tmp_path / "lf") == outputs(tmp_path / "other")


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("printed, reason", [
    ("31/02/2025", "impossible date '31/02/2025': day is out of range for month"),
    ("2025-13-01", "impossible date '2025-13-01': month must be in 1..12"),
    ("2020-03-02T09:30:00+00:00", "not a recognised date '2020-03-02T09:30:00+00:00'"),
    ("02/03/2020 10:00 GMT", "not a recognised date '02/03/2020 10:00 GMT'"),
])
def test_an_impossible_or_timestamped_date_sets_the_record_aside(printed, reason):
    record, found = problems(GOOD.replace("date_received: 02/03/2020", f'date_received: "{printed}"'))
    assert record is None
    assert [(f, v) for f, v, r in found if r.startswith(reason)] == [("date_received", printed)]


# ---------------------------------------------------------------- counts in a blue-list table

@pytest.mark.parametrize("cell, n", [
    ('"1,234"', 1234),  # printed with a thousands separator, as letters and the grids print counts
    ('"12"', 12), ("12", 12),
    ('""', None), ('"N/A"', None), ('"n/a"', None), ('"-"', None), ('"\u2013"', None),  # nothing printed: not disclosed
    ('"nil"', 0),  # nil is zero (as the grids read it)
])
def test_a_number_of_tests_is_read_as_printed(cell, n):
    record, found = problems(BLUE.replace('"TESTS"', cell))
    assert found == [] and record.blue_list[0][-1] == n


@pytest.mark.parametrize("cell", ['"-3"', "2.5", '"1,23"', '"1.234"', '"about 40"', '"12,345,67"', '"²"', '"12²"'])
def test_a_number_of_tests_that_is_no_count_sets_its_row_aside(cell):
    # Negative, fractional, a misplaced separator, a European thousands point (1.234 is ambiguous),
    # words, a superscript (a footnote mark: str.isdigit says yes to "²", int() refuses it, and the
    # build crashed): the row is set aside with its cell named; the record stays.
    record, found = problems(BLUE.replace('"TESTS"', cell))
    assert record is not None and record.blue_list == []
    assert [(f, r) for f, _, r in found] == [("tables[0].rows[0][3]", "not a whole number")]


# ---------------------------------------------------------------- exemptions and the law

def test_an_unknown_section_written_short_is_named():
    record, found = problems(GOOD.replace("Section 31(1)(a) Law enforcement", "s99"))
    assert record is not None and record.exemptions == []
    assert found == [("exemptions[0].raw", "s99", "unknown section '99' in 's99': not a FOIA exemption or procedural ground")]


@pytest.mark.parametrize("raw, law, named", [
    ("Section 35(1)(a) FOISA - Law enforcement", None, "FOISA"),
    ("Section 35(1)(a) of the Freedom of Information (Scotland) Act 2002", "FOIA", "FOISA"),
    ("Section 31(1)(a) of the Freedom of Information Act 2000", "FOISA", "FOIA"),
    ("Section 30 FOIA", "FOISA", "FOIA"),
])
def test_a_citation_naming_another_act_than_the_records_law_is_an_error(raw, law, named):
    # FOISA s35 is law enforcement, FOIA s35 policy formulation: read under the record's law, the
    # citation would be named wrongly and look right. The record itself contradicts its law.
    text = GOOD.replace("Section 31(1)(a) Law enforcement", raw) + (f"law: {law}\n" if law else "")
    record, found = problems(text)
    assert record is None
    (only,) = [p for p in found if p[0] == "exemptions[0].raw"]
    assert only[2].startswith(f"cites {named}, but the record's law is {law or 'FOIA'}")


@pytest.mark.parametrize("raw, law", [
    ("Section 35(1)(a) FOISA", "FOISA"),
    ("Section 31(1)(a) Freedom of Information Act 2000", None),
    ("Section 31 FOIA", "FOIA"),
    ("Section 38 Health and Safety", "FOISA"),  # no Act named: read under the record's law
    ("Section 35(1)(a) FOISA (section 31 FOIA in England)", "FOISA"),  # both Acts named: no contradiction said
    ("Regulation 12(5)(b) Course of justice (not a FOIA request)", "EIR"),  # only FOIA and FOISA records are checked
])
def test_a_citation_naming_its_own_act_is_read(raw, law):
    record, found = problems(GOOD.replace("Section 31(1)(a) Law enforcement", raw) + (f"law: {law}\n" if law else ""))
    assert found == [] and record is not None


def test_a_misspelled_top_level_field_suggests_the_right_one():
    record, found = problems(GOOD.replace("exemptions:", "exemptons:"))
    assert record is None and found == [("exemptons", "exemptons", "unknown field; did you mean 'exemptions'?" + SET_ASIDE)]


@pytest.mark.parametrize("field", ["outcome", "authority", "source"])
def test_a_missing_required_field_names_it(field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(f"{field}:")) + "\n"
    record, found = problems(text)
    assert record is None and [f for f, _, _ in found] == ["source.title" if field == "source" else field]


# ---------------------------------------------------------------- identity

@pytest.mark.parametrize("written, number", [("0123", 123), ("0x1F", 31), ("+42", 42), ("0o17", 15), ("-0", 0)])
def test_a_reference_that_yaml_reads_as_another_number_is_an_error(written, number):
    # YAML 1.2 reads 0123 as 123, 0x1F as 31 (hexadecimal), 0o17 as 15 (octal), +42 as 42: the reference
    # would lose what was printed and still look right. Quoted, it is kept as printed.
    record, found = problems(GOOD.replace('reference: "992/20"', f"reference: {written}"))
    assert record is None
    assert found == [("reference", written, f"YAML reads {written} as the number {number}: "
                                            f"quote it as printed (\"{written}\")" + SET_ASIDE)]
    record, found = problems(GOOD.replace('reference: "992/20"', f'reference: "{written}"'))
    assert found == [] and record.reference == written


@pytest.mark.parametrize("plain", ["42", "2016090000813", "-5", "0"])
def test_a_reference_written_as_a_plain_number_is_kept(plain):
    # Written as YAML prints the number back, nothing is lost (the seeds' references are numbers too).
    record, found = problems(GOOD.replace('reference: "992/20"', f"reference: {plain}"))
    assert found == [] and record.reference == plain


def test_a_question_number_that_yaml_reads_as_another_number_is_an_error():
    record, found = problems(GOOD.replace('{question: "1", outcome: exempt}', "{question: 01, outcome: exempt}"))
    assert record is None and found == [("questions[0].question", "01", "YAML reads 01 as the number 1: quote it as printed (\"01\")" + SET_ASIDE)]
    record, found = problems(GOOD.replace('{question: "1", outcome: exempt}', "{question: 1, outcome: exempt}"))
    assert found == [] and record.questions == [("1", "exempt")]


def test_an_authority_not_in_the_list_is_built_as_written():
    # authorities.csv is extended by analysts; a hand-written record may name a body not yet in it
    # (an invented name here): only an alias of a known body is refused.
    record, found = problems(GOOD.replace("Avon and Somerset Constabulary", "Borsetshire Constabulary"))
    assert found == [] and record.authority == "Borsetshire Constabulary"


def test_an_authority_written_as_an_alias_is_named_with_its_canonical_form(raw_copy, tmp_path):
    # authorities.csv: "MPS" is the Met's alias. Built as written, the same request would count as
    # another body's, and a duplicate of a Met record would go unseen.
    met = (raw_copy / "disclosures" / "mps-01.FOI.23.030730.yaml").read_text(encoding="utf-8")
    (raw_copy / "disclosures" / "alias.yaml").write_text(
        met.replace("authority: Metropolitan Police Service", "authority: MPS"), encoding="utf-8")
    assert "authority: MPS" in (raw_copy / "disclosures" / "alias.yaml").read_text(encoding="utf-8")
    assert build.main(raw=raw_copy, out=tmp_path) == 1
    row = rejected(tmp_path).set_index("source").loc["disclosures/alias.yaml"]
    assert (row["field"], row["value"]) == ("authority", "MPS")
    assert row["reason"] == "not the canonical name: write 'Metropolitan Police Service'" + SET_ASIDE
    assert references(tmp_path) == SEED_REFERENCES  # the Met's record itself is untouched


# ---------------------------------------------------------------- file names and links

def test_file_names_with_spaces_unicode_and_a_leading_dash_are_built(raw_copy, tmp_path):
    for name, ref in (("-rf.yaml", "D-1"), ("my record.yaml", "S-1"), ("café.yaml", "U-1")):
        (raw_copy / "disclosures" / name).write_text(GOOD.replace("992/20", ref), encoding="utf-8")
    assert build.main(raw=raw_copy, out=tmp_path) == 0
    req = pd.read_csv(tmp_path / "requests.csv", dtype=str).set_index("reference")
    assert req.loc["D-1", "source_file"].startswith("disclosures/-rf.yaml")
    assert req.loc["U-1", "source_file"].startswith("disclosures/café.yaml")


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
@pytest.mark.parametrize("cache", [False, True])
def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_is_built(raw_copy, tmp_path, cache):
    # A name made on another system (Latin-1 "é" is the byte 0xe9): no table can hold it as text.
    folder = os.fsencode(raw_copy / "disclosures")
    with open(os.path.join(folder, b"caf\xe9.yaml"), "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    assert build.main(raw=raw_copy, out=tmp_path, cache=cache) == 1
    row = rejected(tmp_path).set_index("source").loc["disclosures/caf\\xe9.yaml"]
    assert row["reason"] == "the file name is not UTF-8 text: rename the file"
    assert references(tmp_path) == SEED_REFERENCES


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
@pytest.mark.parametrize("cache", [False, True])
def test_a_grid_whose_file_name_is_not_utf8_is_named_and_the_rest_is_built(raw_copy, tmp_path, cache, capsys):
    grids = os.fsencode(raw_copy / "grids")
    os.rename(os.path.join(grids, b"met-lfr-grid-2020-2022.pdf"), os.path.join(grids, b"grid-caf\xe9.pdf"))
    assert build.main(raw=raw_copy, out=tmp_path, cache=cache) == 1
    row = rejected(tmp_path).set_index("source").loc["grids/grid-caf\\xe9.pdf"]
    assert row["reason"] == "the file name is not UTF-8 text: rename the file"
    assert "grids/grid-caf\\xe9.pdf: file" in capsys.readouterr().err  # printed as in the table
    # The other grid is still read (the fixture corpus's 2023-24 grid).
    assert set(pd.read_csv(tmp_path / "deployments.csv", dtype=str)["source_file"]) == {"met-lfr-grid-2023-to-2024.pdf"}


def test_a_link_to_a_record_outside_data_raw_is_read(raw_copy, tmp_path):
    # Links are followed (test_hostile_inputs: a grid linked from elsewhere is read); git keeps the
    # link, not the file, so such a record is named in source_file as the link.
    (tmp_path / "elsewhere.yaml").write_text(GOOD, encoding="utf-8")
    (raw_copy / "disclosures" / "linked.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert build.main(raw=raw_copy, out=tmp_path / "out") == 0
    req = pd.read_csv(tmp_path / "out" / "requests.csv", dtype=str).set_index("reference")
    assert req.loc["992/20", "source_file"].startswith("disclosures/linked.yaml")


# ---------------------------------------------------------------- the build's process

def test_a_file_changed_during_a_build_is_read_again_by_the_next(raw_copy, tmp_path, monkeypatch):
    # The record is edited between the build's listing (its stat facts) and its reading; keeping the
    # same size and mtime, as an edit within one clock tick can. The next cached build must give
    # the bytes of a clean build of the edited file.
    path = raw_copy / "disclosures" / "x.yaml"
    path.write_text(GOOD, encoding="utf-8")
    old = time.time_ns() - 10 * 10**9
    os.utime(path, ns=(old, old))
    read_files = disclosures.read_files

    def edit_then_read(folder, names, announced=None):
        if "x.yaml" in names:
            path.write_text(GOOD.replace("refused", "ncnd   "), encoding="utf-8")  # same size
            os.utime(path, ns=(old, old))
        return read_files(folder, names, announced)

    monkeypatch.setattr(disclosures, "read_files", edit_then_read)
    out = tmp_path / "out"
    build.build(raw_copy, out, cache=True)
    monkeypatch.undo()
    build.build(raw_copy, out, cache=True)
    build.build(raw_copy, tmp_path / "clean", cache=False)
    assert outputs(out) == outputs(tmp_path / "clean")


def _build_process(root: Path, raw: Path, out: Path, kill_after_replacing: int | None = None) -> subprocess.Popen:
    """A build in a process of its own; ``kill_after_replacing``: it kills itself (SIGKILL, as the OOM
    killer or a power cut would) right after renaming that many outputs into place."""
    code = "import sys\nfrom foi_analysis import build\n"
    if kill_after_replacing is not None:
        code += ("import os, signal\nreal, done = os.replace, []\n"
                 "def replace(src, dst):\n"
                 "    real(src, dst)\n"
                 f"    if str(dst).startswith({str(out)!r}):\n"
                 "        done.append(dst)\n"
                 f"        if len(done) == {kill_after_replacing}:\n"
                 "            os.kill(os.getpid(), signal.SIGKILL)\n"
                 "os.replace = replace\n")
    code += f"sys.exit(build.main(raw={str(raw)!r}, out={str(out)!r}))\n"
    env = dict(os.environ, FOI_ANALYSIS_ROOT=str(root))
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _many_records(raw: Path, n: int) -> None:
    for i in range(n):
        (raw / "disclosures" / f"many-{i:05d}.yaml").write_text(GOOD.replace("992/20", f"M-{i:05d}"), encoding="utf-8")


def _whole_and_clean_after_rerun(raw: Path, out: Path, before: dict[str, bytes], tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    build.build(raw, clean, cache=False)
    after = outputs(clean)
    now = outputs(out)
    # Each output is whole: the previous build's file or the new one's; no temporary file is left over
    # once the next build has run (the killed one's are its to remove: nobody else's are there).
    assert build.main(raw=raw, out=out) == 0
    assert outputs(out) == after
    for name, data in now.items():
        if not name.startswith("."):
            assert data in (before[name], after[name]), name


@pytest.mark.parametrize("replaced", [1, 5])
def test_a_build_killed_while_writing_leaves_whole_outputs_and_the_next_build_is_clean(raw_copy, tmp_path, replaced):
    out = tmp_path / "out"
    assert build.main(raw=raw_copy, out=out) == 0
    before = outputs(out)
    _many_records(raw_copy, 50)
    proc = _build_process(tmp_path, raw_copy, out, kill_after_replacing=replaced)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert sum(outputs(out)[n] != before[n] for n in before) == replaced  # killed midway, as meant
    _whole_and_clean_after_rerun(raw_copy, out, before, tmp_path)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_build_interrupted_midway_leaves_whole_outputs_and_the_next_build_is_clean(raw_copy, tmp_path, sig):
    # Ctrl-C or a kill at some moment of a build of 3,000 records (~10 s on the shared machine).
    out = tmp_path / "out"
    assert build.main(raw=raw_copy, out=out) == 0
    before = outputs(out)
    _many_records(raw_copy, 3000)
    proc = _build_process(tmp_path, raw_copy, out)
    time.sleep(2.5)  # past the imports, inside the reading or the writing
    proc.send_signal(sig)
    proc.communicate(timeout=120)
    _whole_and_clean_after_rerun(raw_copy, out, before, tmp_path)


def test_two_builds_at_once_leave_the_outputs_of_one_clean_build(raw_copy, tmp_path):
    _many_records(raw_copy, 2000)
    out = tmp_path / "out"
    first, second = _build_process(tmp_path, raw_copy, out), _build_process(tmp_path, raw_copy, out)
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    build.build(raw_copy, tmp_path / "clean", cache=False)
    assert outputs(out) == outputs(tmp_path / "clean")


# ---------------------------------------------------------------- corrections (foi-analysis add --replace)

def test_a_correction_naming_no_record_in_the_corpus_says_so(tmp_path, monkeypatch, capsys):
    # --replace asks to overwrite a record; a draft whose authority and reference match none (a typo in
    # the reference, most often) must not slip in as a new record without a word.
    from foi_analysis import cli
    from test_add import scratch_project

    scratch_project(tmp_path, monkeypatch)
    draft = tmp_path / "typo.yaml"
    draft.write_text(GOOD.replace("Avon and Somerset Constabulary", "Kent Police"), encoding="utf-8")
    capsys.readouterr()
    cli.main(["add", "--replace", "--no-build", str(draft)])
    assert "no record of Kent Police 992/20 to replace" in capsys.readouterr().err


def test_two_corrections_of_one_field_in_turn_each_list_the_change_from_the_one_before(tmp_path, monkeypatch, capsys):
    # Two drafts disagreeing on the outcome, added in turn with --replace: the last one added is the
    # record (the corpus keeps one file per identity), and each lists what it changes from the record
    # as it then was, so the second correction shows it undoes part of the first.
    from foi_analysis import cli, config
    from test_add import scratch_project

    scratch_project(tmp_path, monkeypatch)
    for name, outcome in (("first.yaml", "refused"), ("second.yaml", "ncnd"), ("third.yaml", "not_held")):
        (tmp_path / name).write_text(GOOD.replace("outcome: refused", f"outcome: {outcome}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(tmp_path / "first.yaml")]) == 0
    capsys.readouterr()
    assert cli.main(["add", "--replace", "--no-build", str(tmp_path / "second.yaml")]) == 0
    assert 'outcome: "refused" -> "ncnd"' in capsys.readouterr().err
    assert cli.main(["add", "--replace", "--no-build", str(tmp_path / "third.yaml")]) == 0
    assert 'outcome: "ncnd" -> "not_held"' in capsys.readouterr().err
    files = sorted(config.RAW_DISCLOSURES.glob("avon*"))
    assert len(files) == 1 and "outcome: not_held" in files[0].read_text(encoding="utf-8")
