"""raw -> processed. Expected values come from the seed documents (as transcribed in
../shared/seeds/truth) and are written here as literals where the tests must run without it.

Everything runs on the test corpus (tests/conftest.py), except the checks marked "real data",
which read the repository's data/raw and data/processed and pin no figure."""

from __future__ import annotations

import os
import textwrap

import pandas as pd
import pytest

from foi_analysis import build, config, tables


@pytest.fixture(scope="module")
def built():
    return build.assemble().tables


def test_blue_list_rows_from_seed_000(built):
    # Seed 000, Q1: five rows, each "100%" true and "0%" false, on 06/04, 14/04 and 3 x 06/05/2023.
    bl = built["blue_list"]
    assert bl["deployment_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2023-04-06", "2023-04-14", "2023-05-06", "2023-05-06", "2023-05-06"]
    assert bl["true_alert_rate"].tolist() == [1.0] * 5
    assert bl["false_alert_rate"].tolist() == [0.0] * 5
    assert bl["true_alert_rate_raw"].tolist() == ["100%"] * 5
    assert bl["n_tests"].isna().all()  # no denominators were disclosed


def test_sections_per_reference(built):
    # From each seed's refusal notice (truth "sections").
    got = built["requests"].set_index("reference")["sections"].to_dict()
    assert got == {
        "01.FOI.23.030730": "31;40;42",
        "FOI 506": "31;40;42;43",
        "2016090000813": "22;24;31",
        "01.FOI.21.022107": "84",
        "01.FOI.23.028881": "31;43",
    }


def test_ncnd_answer_to_question_7_of_2016090000813(built):
    ex = built["exemptions"]
    ncnd = ex[ex["ncnd"]]
    # "can neither confirm nor deny ... question 7 ... Section 24(2) ... Section 31(3)"
    assert sorted(ncnd["citation"]) == ["24(2)", "31(3)"]
    assert set(ncnd["reference"]) == {"2016090000813"} and set(ncnd["questions"]) == {"7"}
    q = built["questions"].set_index(["reference", "question"])["outcome"]
    assert q[("2016090000813", "7")] == "ncnd"


def test_working_days_of_2016090000813(built):
    ev = built["events"].set_index("event")
    # Hand-computed in the truth file: extension notice day 18, estimate day 41, review request day 54.
    assert ev.loc["extension_notice", "working_day"] == 18
    assert ev.loc["extension_estimate", "working_day"] == 41
    assert ev.loc["internal_review_requested", "working_day"] == 54
    rt = built["response_times"].set_index("reference").loc["2016090000813"]
    assert rt["deadline_20wd"] == pd.Timestamp("2016-10-21")
    assert rt["in_20wd"] and rt["s17_in_time"] and rt["extension_beyond_40wd"]
    assert rt["over_40wd"]  # the internal review found the delay unreasonable
    assert pd.isna(rt["response_wd"])  # the final response is undated in the thread


def test_exemption_rows_match_truth(built, truth):
    ex = built["exemptions"]
    for ref, rec in truth.items():
        want = sorted((e["citation"], e["raw"], e["ncnd"], e.get("stage", "response")) for e in rec["exemptions"])
        got = ex[ex["reference"] == ref]
        assert sorted(zip(got["citation"], got["raw"], got["ncnd"], got["stage"])) == want, ref
        assert built["requests"].set_index("reference").loc[ref, "sections"] == ";".join(rec["sections"])
        procedural = {e["citation"] for e in rec["exemptions"] if e.get("procedural")}
        assert set(got.loc[got["procedural"], "citation"]) == procedural


def test_requests_questions_events_match_truth(built, truth):
    req = built["requests"].set_index("reference")
    for ref, rec in truth.items():
        assert req.loc[ref, "authority"] == rec["authority"]
        assert req.loc[ref, "outcome"] == rec["outcome"]
        assert bool(req.loc[ref, "ncnd"]) == rec["ncnd"]
        got_received = req.loc[ref, "date_received"]
        assert (None if pd.isna(got_received) else got_received.strftime("%Y-%m-%d")) == rec["date_received"]
        q = built["questions"]
        assert sorted(zip(q.loc[q.reference == ref, "question"], q.loc[q.reference == ref, "outcome"])) == sorted(
            (x["question"], x["outcome"]) for x in rec["questions"])
        ev = built["events"]
        assert sorted(zip(ev.loc[ev.reference == ref, "date"].dt.strftime("%Y-%m-%d"), ev.loc[ev.reference == ref, "event"])) == sorted(
            (e["date"], e["event"]) for e in rec["events"])
        tables_truth = [t for t in rec["tables"] if "Blue List True Alert Rate" in t["columns"]]
        for t in tables_truth:
            bl = built["blue_list"][built["blue_list"].reference == ref]
            assert [[r.deployment_date.strftime("%d/%m/%Y"), r.true_alert_rate_raw, r.false_alert_rate_raw]
                    for r in bl.itertuples()] == t["rows"]


REAL_RAW = config.REPOSITORY / "data" / "raw"
REAL_PROCESSED = config.REPOSITORY / "data" / "processed"


def test_committed_tables_are_current(tmp_path):
    """Real data: data/processed is what `make build` makes from data/raw today, byte for byte."""
    build.build(raw=REAL_RAW, out=tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in REAL_PROCESSED.glob("*") if not p.name.startswith(".")), \
        "data/processed has other files than a build makes: run make build"
    for name in made:
        assert (tmp_path / name).read_bytes() == (REAL_PROCESSED / name).read_bytes(), f"{name} is stale: run make build"


def test_committed_tables_load_with_their_schemas():
    """Real data: every committed table passes its schema, whatever the corpus holds."""
    for name in tables.SCHEMAS:
        df = tables.load(name, REAL_PROCESSED)
        assert list(df.columns) == list(tables.SCHEMAS[name].columns), name


def test_two_builds_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build.build(out=a)
    build.build(out=b)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and "requests.csv" in names
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_interrupted_write_leaves_previous_outputs_whole(tmp_path, monkeypatch):
    build.build(out=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = build.assemble()
    result.tables["requests"] = result.tables["requests"].iloc[:2]  # a different output to write
    calls = []

    def crash(src, dst):
        calls.append(dst)
        raise KeyboardInterrupt("interrupted mid-write")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        build.write(result, tmp_path)
    assert calls, "the write never reached the rename"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temp file left, nothing torn


def test_tables_rendered_by_a_forked_child_are_the_same_bytes(tmp_path, monkeypatch):
    # Above RENDER_CHILD_FROM bytes of rows a child renders the largest tables while this process
    # renders the rest; the files must not depend on it, nor on the child failing (redone here).
    build.build(out=tmp_path / "one")
    parent, children = os.getpid(), []
    in_child = build.forked.in_child

    def spy(produce):
        children.append(produce)
        return in_child(produce)

    monkeypatch.setattr(build, "RENDER_CHILD_FROM", 0)
    monkeypatch.setattr(build, "cores", lambda: 2)
    monkeypatch.setattr(build.forked, "in_child", spy)
    build.build(out=tmp_path / "two")
    assert len(children) == 1, "no child rendered any table"
    staged = build._staged

    def fails_in_the_child(out, name, render):
        if os.getpid() != parent:
            raise OSError("the child could not write")
        return staged(out, name, render)

    monkeypatch.setattr(build, "_staged", fails_in_the_child)
    build.build(out=tmp_path / "three")
    assert len(children) == 2

    def fails_here(out, name, render):
        if os.getpid() == parent and name == "data_dictionary.csv":  # always this process's
            raise OSError("this process could not write")
        return staged(out, name, render)

    monkeypatch.setattr(build, "_staged", fails_here)
    with pytest.raises(OSError):
        build.build(out=tmp_path / "failed")
    assert len(children) == 3 and list((tmp_path / "failed").iterdir()) == []  # the child's files removed too
    monkeypatch.setattr(build, "_staged", staged)
    # Staged for one folder and written to another: the child's files are removed, the other written whole.
    result = build.assemble(out=tmp_path / "elsewhere")
    build.write(result, tmp_path / "four")
    assert len(children) == 5 and list((tmp_path / "elsewhere").iterdir()) == []
    expected = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert "events.csv" in expected
    for folder in ("two", "three", "four"):
        assert {p.name: p.read_bytes() for p in (tmp_path / folder).iterdir()} == expected, folder  # no temp file left


def test_tables_load_with_their_dtypes():
    req = tables.load("requests")
    assert str(req["date_received"].dtype) == "datetime64[ns]"
    assert req["ncnd"].dtype == "boolean"
    assert tables.load("events")["working_day"].dtype == "Int64"
    with pytest.raises(KeyError, match="no table 'nope'"):
        tables.load("nope")


BAD_RECORDS = {
    "bad-date.yaml": """
        reference: "BAD-1"
        authority: Essex Police
        source: {title: a test record}
        outcome: disclosed
        events:
          - {event: received, date: "01/02/2023"}
          - {event: response, date: "31/02/2023"}
        tables:
          - kind: blue_list
            columns: [Date, True Alert Rate, False Alert Rate]
            rows:
              - ["01/03/2023", "100%", "0%"]
              - ["02/03/2023", "150%", "0%"]
              - ["03/03/2023", "high", "0%"]
        """,
    "bad-section.yaml": """
        reference: "BAD-2"
        authority: Essex Police
        source: {title: a test record}
        outcome: refused
        exemptions:
          - {raw: "Section 99(1) Made up", stage: response}
          - {raw: "Section 31(1)(a) Law enforcement", stage: response}
        """,
    "no-reference.yaml": """
        authority: Essex Police
        source: {title: a test record}
        outcome: refused
        """,
    "duplicate.yaml": """
        reference: "FOI 506"
        authority: Mayor's Office for Policing and Crime
        source: {title: a test record}
        outcome: refused
        """,
    "broken.yaml": "reference: [unclosed\n  authority: : :\n",
}


def test_bad_input_is_reported_and_quarantined(raw_copy, tmp_path, capsys):
    for name, text in BAD_RECORDS.items():
        (raw_copy / "disclosures" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    out = tmp_path / "processed"
    code = build.main(raw=raw_copy, out=out)
    assert code == 1
    err = capsys.readouterr().err
    rejected = pd.read_csv(out / "rejected.csv", dtype=str, keep_default_na=False)
    found = {(r.source, r.field, r.value) for r in rejected.itertuples()}
    assert ("disclosures/bad-date.yaml", "events[1].date", "31/02/2023") in found
    assert ("disclosures/bad-date.yaml", "tables[0].rows[1][1]", "150%") in found
    assert ("disclosures/bad-date.yaml", "tables[0].rows[2][1]", "high") in found
    assert ("disclosures/bad-section.yaml", "exemptions[0].raw", "Section 99(1) Made up") in found
    assert ("disclosures/no-reference.yaml", "reference", "") in found
    # Both records claiming MOPAC's "FOI 506" are set aside: which is right is for a person to decide.
    assert ("disclosures/duplicate.yaml", "reference", "FOI 506") in found
    assert ("disclosures/mopac-FOI-506.yaml", "reference", "FOI 506") in found
    assert any(s == "disclosures/broken.yaml" and f == "(file)" for s, f, _ in found)
    reasons = " ".join(rejected["reason"])
    assert "impossible date" in reasons and "above 100%" in reasons and "not a percentage" in reasons
    assert "unknown section '99'" in reasons and "missing reference" in reasons and "duplicate record" in reasons
    assert "not valid YAML" in reasons
    assert "31/02/2023" in err and "bad-section.yaml" in err  # reported, with file and value
    # Nothing valid is lost: the good rows of the bad records and every seed row are written.
    req = pd.read_csv(out / "requests.csv", dtype=str)
    assert {"BAD-1", "BAD-2", "01.FOI.23.030730", "2016090000813"} <= set(req["reference"])
    assert "FOI 506" not in set(req["reference"])
    bl = pd.read_csv(out / "blue_list.csv", dtype=str)
    assert bl.loc[bl.reference == "BAD-1", "deployment_date"].tolist() == ["2023-03-01"]
    ex = pd.read_csv(out / "exemptions.csv", dtype=str)
    assert ex.loc[ex.reference == "BAD-2", "citation"].tolist() == ["31(1)(a)"]
    ev = pd.read_csv(out / "events.csv", dtype=str)
    assert ev.loc[ev.reference == "BAD-1", "event"].tolist() == ["received"]


def test_yaml_is_loaded_safely(raw_copy, tmp_path):
    # A python-object tag must construct nothing: no command runs and the record is set aside.
    marker = tmp_path / "pwned"
    (raw_copy / "disclosures" / "evil.yaml").write_text(
        f'reference: !!python/object/apply:os.system ["touch {marker}"]\nauthority: x\nsource: {{title: t}}\noutcome: refused\n')
    code = build.main(raw=raw_copy, out=tmp_path / "out")
    rejected = pd.read_csv(tmp_path / "out" / "rejected.csv", dtype=str)
    assert code == 1 and not marker.exists()
    evil = rejected.loc[rejected.source == "disclosures/evil.yaml"]
    assert evil[["field", "value"]].values.tolist() == [["reference", "!!python/object/apply:os.system"]]
    assert evil["reason"].item() == "YAML tags are not allowed in a record; record set aside"


def test_a_key_given_twice_is_an_error_not_an_overwrite(raw_copy, tmp_path):
    # Hand-edited files: a repeated key would silently win in YAML 1.1 loaders; here it is reported.
    (raw_copy / "disclosures" / "twice.yaml").write_text(
        'reference: "T-1"\noutcome: refused\nauthority: Kent Police\nsource: {title: t}\noutcome: disclosed\n')
    assert build.main(raw=raw_copy, out=tmp_path) == 1
    rejected = pd.read_csv(tmp_path / "rejected.csv", dtype=str)
    reason = rejected.loc[rejected.source == "disclosures/twice.yaml", "reason"].item()
    assert "not valid YAML" in reason and "duplicate" in reason and "outcome" in reason


def test_validate_writes_nothing(tmp_path):
    assert build.main(check_only=True, out=tmp_path) == 0
    assert not any(tmp_path.iterdir())


def test_parallel_reading_gives_the_same_tables(raw_copy, monkeypatch):
    # Large corpora are read across processes; the result must not depend on it, duplicates
    # spread over different workers included.
    (raw_copy / "disclosures" / "zz-duplicate.yaml").write_text(
        'reference: "FOI 506"\nauthority: Mayor\'s Office for Policing and Crime\nsource: {title: t}\noutcome: refused\n')
    serial = build.assemble(raw_copy)
    # One file per chunk and one chunk per group, so that the seven files make several groups,
    # and a pool from the first file; the pool is spied on, so that this cannot pass serially.
    pools = []

    class Spy(build.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    for name, value in (("PARALLEL_FROM", 1), ("CHUNK_FILES", 1), ("GROUP_CHUNKS", 1), ("ProcessPoolExecutor", Spy)):
        monkeypatch.setattr(build, name, value)
    monkeypatch.setattr(build.os, "cpu_count", lambda: 2)  # two workers even on a one-core machine
    parallel = build.assemble(raw_copy)
    assert pools == [2], "the build never used worker processes"
    assert sorted(serial.tables) == sorted(parallel.tables)
    for name in serial.tables:
        pd.testing.assert_frame_equal(serial.tables[name], parallel.tables[name], obj=name)
    assert len(serial.tables["rejected"]) == 2


def test_a_row_failing_its_schema_is_quarantined_with_its_origin(built):
    # The schema is the second net behind the record loader: a rate of 1.5 (150%) in one row sets
    # that row aside, names where it came from, and keeps the others.
    bl = built["blue_list"].copy()
    bl.loc[1, "false_alert_rate"] = 1.5
    kept, rejected = tables.validate("blue_list", bl, source="build")
    assert kept["row"].tolist() == [1, 3, 4, 5]
    assert [(r.source, r.field, r.value) for r in rejected] == [
        ("reference=01.FOI.23.030730", "blue_list.false_alert_rate", "1.5")]
    dep = built["deployments"].copy()
    dep.loc[0, "threshold"] = 2.0
    kept, rejected = tables.validate("deployments", dep)
    assert len(kept) == len(dep) - 1
    assert rejected[0].source == f"source_file={dep.loc[0, 'source_file']} deployment_id={dep.loc[0, 'deployment_id']}"


def test_two_authorities_may_use_the_same_reference(raw_copy, tmp_path):
    # A record's identity is (authority, reference): Kent Police's own "FOI 506" sits beside MOPAC's.
    (raw_copy / "disclosures" / "kent-FOI-506.yaml").write_text(
        'reference: "FOI 506"\nauthority: Kent Police\nsource: {title: t}\ndate_received: 01/02/2023\noutcome: disclosed\n'
        'questions: [{question: "1", outcome: disclosed}]\n')
    assert build.main(raw=raw_copy, out=tmp_path) == 0
    req = pd.read_csv(tmp_path / "requests.csv", dtype=str)
    assert sorted(req.loc[req.reference == "FOI 506", "authority"]) == ["Kent Police", "Mayor's Office for Policing and Crime"]
    questions = pd.read_csv(tmp_path / "questions.csv", dtype=str)
    assert questions.loc[questions.authority == "Kent Police", "reference"].tolist() == ["FOI 506"]
    rt = pd.read_csv(tmp_path / "response_times.csv", dtype=str).set_index("authority")
    # received Wed 01/02/2023: the 20th working day after it is Wed 01/03/2023 (no bank holiday between)
    assert rt.loc["Kent Police", "deadline_20wd"] == "2023-03-01" and pd.isna(rt.loc["Mayor's Office for Policing and Crime", "deadline_20wd"])


def test_csv_rows_end_at_newlines_outside_quotes():
    # Hand-written CSV: a quoted cell holding a newline and a doubled quote, an empty quoted cell.
    text = b'a,"line one\nline two",b\nc,"",d\n"say ""hi""",e\nf,g,h\n'
    assert build._row_ends(text).tolist() == [24, 31, 46, 52]
    assert build._row_ends(b"x,y\nz,w\n").tolist() == [4, 8]


def test_csv_text_is_what_pandas_writes():
    # Every dtype the FOI tables hold, with the cells the csv module quotes (a comma, a quote, a
    # newline, a carriage return), empty text, missing values and text beyond ASCII: the rows are
    # those of DataFrame.to_csv, byte for byte.
    df = pd.DataFrame({
        "text": pd.array(["plain", "a, b", 'say "hi"', "two\nlines", "cr\rhere", "", None, "café ✓"], dtype="string"),
        "plain": pd.array(["x", "y", None, "z", "", "x", "y", "w"], dtype="string"),
        "date": pd.to_datetime(["2023-01-02", None, "2005-01-01", "2023-01-02", "2031-12-31", None, "2023-05-06", "2024-02-29"]),
        "count": pd.array([0, 12, None, 7, 12, None, 3, 100000], dtype="Int64"),
        "flag": pd.array([True, False, None, True, None, False, True, True], dtype="boolean"),
    })
    expected = df.to_csv(index=False, header=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")
    assert b'"a, b"' in expected and b'"say ""hi"""' in expected  # the cases are really there
    assert build._csv_text(df) == expected
    assert build._csv_text(df.iloc[:0]) == b""
    rates = df.assign(rate=pd.array([0.5, None, 1.0, 0.07, 0.0, 1 / 3, -0.0, 1e-05], dtype="Float64"))
    assert build._csv_text(rates) == rates.to_csv(index=False, header=False, lineterminator="\n",
                                                  date_format="%Y-%m-%d").encode("utf-8")
    # Every rate a percentage with up to two decimals can print, and floats of every magnitude.
    printed = [k / 10000 for k in range(10001)] + [2.0 ** e for e in range(-60, 60)] + [0.1 + 0.2, 1e300, 5e-324]
    many = pd.DataFrame({"rate": pd.array(printed + [None], dtype="Float64"), "plain": "x"})
    assert build._csv_text(many) == many.to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")


def test_csv_dates_are_what_pandas_writes_over_any_span():
    # Each day's text is kept per process for the span of days met so far: columns that widen it
    # (before 1970, a time of day printed as its date, a missing date), then one spanning more days
    # than it keeps (1700 to 2262): the rows of DataFrame.to_csv, byte for byte, each time.
    spans = [["2023-01-02", "2023-01-02", None, "2023-01-03"],
             ["1969-12-31 18:00", "1970-01-01", "1950-06-01 23:59:59", None],
             ["2031-12-31", "2005-01-01 00:00:01", "1999-02-28", "2024-02-29"],
             ["1700-03-01", "2262-04-01", None, "2000-01-01"],
             [None, None, None, None]]
    for dates in spans:
        for unit in ("ns", "s"):  # the tables' dates are in ns; another unit is formatted value by value
            df = pd.DataFrame({"date": pd.to_datetime(pd.Series(dates, dtype=object), format="ISO8601").astype(f"datetime64[{unit}]"),
                               "text": pd.array(["a", None, "b", "c"], dtype="string")})
            assert build._csv_text(df) == df.to_csv(index=False, header=False, lineterminator="\n",
                                                    date_format="%Y-%m-%d").encode("utf-8"), (dates, unit)


def test_csv_text_quotes_as_the_csv_module_does_for_every_character():
    # Which characters make a cell quoted is the csv module's choice (it may differ between Python
    # versions): one cell per character of the first planes, inside text and alone, as to_csv has it.
    chars = [chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF]
    df = pd.DataFrame({"inside": pd.array([f"a{c}b" for c in chars], dtype="string"),
                       "alone": pd.array(chars, dtype="string")})
    expected = df.to_csv(index=False, header=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")
    assert build._csv_text(df) == expected


def test_the_dictionary_gives_each_grids_rows_once(built):
    """The test corpus's grids (tests/fixtures/corpus): met-lfr-grid-2020-2022.pdf, 2 pages, 9 deployments
    11/02/20 to 28/07/22; met-lfr-grid-2023-to-2024.pdf, 10 pages, 203 deployments 06/04/23 to 20/12/24
    (counted by hand on the pages, as tests/test_grids.py pins them). The per-grid section shows the
    grid_editions rows with each grid's span; the grid_editions section points to it instead of repeating them."""
    text = build.data_dictionary_markdown(built)
    section = text[text.index("## Deployments per grid"):text.index("## Deployments per year")]
    rows = [line for line in section.splitlines() if line.startswith("| met-")]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == ["met-lfr-grid-2020-2022.pdf", "met-lfr-grid-2023-to-2024.pdf"]
    # pages, deployments, deployments superseded (0: the two grids share no date), first and last date
    assert rows[0].endswith("| 2 | 9 | 0 | 2020-02-11 | 2022-07-28 |") and rows[1].endswith("| 10 | 203 | 0 | 2023-04-06 | 2024-12-20 |")
    editions = text[text.index("## grid_editions"):]
    editions = editions[:editions.index("\n## ", 1)]
    assert "under Deployments per grid above" in editions and "| met-" not in editions
