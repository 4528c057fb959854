"""Record validation: each way a hand-written record can be wrong is one clear message naming the
file, the field and the value; the record is set aside and every other record is still built.

The records here are written for these tests; each expected message is the rule it states.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from foi_analysis import build
from foi_analysis.records import disclosures

GOOD = """\
reference: "992/20"
authority: Avon and Somerset Constabulary
source: {title: Facial recognition, file: saved-992-20.txt, kind: letter}
date_received: 02/03/2020
date_responded: 30/03/2020
outcome: refused
events:
  - {event: received, date: 02/03/2020}
  - {event: acknowledged, date: 03/03/2020}
exemptions:
  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}
questions:
  - {question: "1", outcome: exempt}
"""


def problems(text: str, file: str = "x.yaml"):
    rejections = []
    record = disclosures.read_record(text, file, rejections)
    return record, [(r.source, r.field, r.value, r.reason) for r in rejections]


def test_the_good_record_has_no_problem():
    record, found = problems(GOOD)
    assert found == [] and (record.authority, record.reference) == ("Avon and Somerset Constabulary", "992/20")


def test_a_byte_order_mark_is_accepted():
    record, found = problems("\ufeff" + GOOD)
    assert found == [] and record.reference == "992/20"


SET_ASIDE = "; record set aside"


@pytest.mark.parametrize("old, new, expected", [
    # a field of the wrong type at any depth
    ('questions: ["1"]}', "questions: 5}",
     ("exemptions[0].questions", "5", "wrong type: must be a list, not int")),
    ("events:\n", "events: 5\nnothing:\n",
     ("events", "5", "wrong type: must be a list, not int")),
    ("source: {title: Facial recognition,", "source: {title: [a, b],",
     ("source.title", "['a', 'b']", "wrong type: must be text, not list")),
    # a misspelled or unknown field, with the nearest known name
    ("questions:\n", "questons:\n",
     ("questons", "questons", "unknown field; did you mean 'questions'?")),
    ("kind: letter}", "knd: letter}",
     ("source.knd", "knd", "unknown field; did you mean 'kind'?")),
    ("{event: received,", "{event: received, weather: fine,",
     ("events[0].weather", "weather", "unknown field; known fields here: event, date, note")),
    # a response dated before its receipt
    ("date_responded: 30/03/2020", "date_responded: 01/03/2020",
     ("date_responded", "01/03/2020", "the response dated before the request was received (2020-03-02)")),
    # a control character in any field, named; raw (a NUL would cut the value short) or escaped
    ("authority: Avon and Somerset Constabulary", "authority: Avon and Somerset\x00 Constabulary",
     ("authority", "Avon and Somerset\\x00 Constabulary", "control character in the text (not allowed in a record)")),
    ("file: saved-992-20.txt", 'file: "saved\\x07.txt"',
     ("source.file", "saved\\x07.txt", "control character in the text (not allowed in a record)")),
    # YAML tags of any kind
    ("outcome: refused", "outcome: !!str refused",
     ("outcome", "!!str", "YAML tags are not allowed in a record")),
    ("{event: received, date: 02/03/2020}", "{event: received, date: !when 02/03/2020}",
     ("events[0].date", "!when", "YAML tags are not allowed in a record")),
])
def test_each_problem_is_one_message_and_sets_the_record_aside(old, new, expected):
    assert old in GOOD
    record, found = problems(GOOD.replace(old, new, 1))
    field, value, reason = expected
    assert record is None
    assert ("x.yaml", field, value, reason + SET_ASIDE) in found
    assert len([f for f in found if f[1] == field]) == 1  # one message per problem, not a cascade


def test_a_date_in_the_future_sets_the_record_aside():
    # Any date after today (in the UK) cannot have been printed yet: a typo for another year.
    record, found = problems(GOOD.replace("date_responded: 30/03/2020", "date_responded: 30/03/2999")
                             .replace("{event: acknowledged, date: 03/03/2020}", "{event: acknowledged, date: 03/03/2999}"))
    today = disclosures._today().isoformat()
    assert record is None
    assert ("x.yaml", "date_responded", "30/03/2999", f"date in the future (today is {today}){SET_ASIDE}") in found
    assert ("x.yaml", "events[1].date", "03/03/2999", f"date in the future (today is {today}){SET_ASIDE}") in found


def test_a_date_before_the_foi_acts_sets_the_record_aside_with_one_message():
    # The right of access began on 1 January 2005; a year such as 1600 is a typo (and cannot even
    # be stored as a date in the tables: it once crashed the build instead of being set aside).
    record, found = problems(GOOD.replace("{event: acknowledged, date: 03/03/2020}", "{event: acknowledged, date: 03/03/1600}"))
    assert record is None
    reason = "date before 2005-01-01, when the right of access under the FOI Acts began: a typo for another year?"
    assert [f for f in found if f[1] == "events[1].date"] == [("x.yaml", "events[1].date", "03/03/1600", reason + SET_ASIDE)]


def test_every_problem_of_a_record_is_listed_in_one_pass():
    bad = (GOOD.replace("questions:\n", "questons:\n").replace("outcome: refused", "outcome: maybe")
           .replace('questions: ["1"]}', "questions: 5}").replace("date_received: 02/03/2020", "date_received: 31/02/2020"))
    record, found = problems(bad)
    assert record is None
    assert sorted(f[1] for f in found) == ["date_received", "exemptions[0].questions", "outcome", "questons"]


def test_bad_records_are_set_aside_and_every_other_record_is_built(raw_copy, tmp_path, capsys):
    cases = {
        "wrong-type.yaml": GOOD.replace('questions: ["1"]}', "questions: 5}"),
        "misspelt.yaml": GOOD.replace("questions:\n", "questons:\n"),
        "early.yaml": GOOD.replace("date_responded: 30/03/2020", "date_responded: 01/03/2020"),
        "nul.yaml": GOOD.replace("authority: Avon and Somerset Constabulary", "authority: Avon\x00 Police"),
        "tagged.yaml": GOOD.replace("outcome: refused", "outcome: !!python/name:os.system refused"),
    }
    for name, text in cases.items():
        (raw_copy / "disclosures" / name).write_text(text, encoding="utf-8")
    code = build.main(raw=raw_copy, out=tmp_path)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    rejected = pd.read_csv(tmp_path / "rejected.csv", dtype=str, keep_default_na=False)
    assert sorted(set(rejected["source"])) == sorted(f"disclosures/{n}" for n in cases)
    for name in cases:
        assert f"disclosures/{name}: " in err
    # The five records of the test corpus are all still built; none of the bad ones is.
    assert sorted(pd.read_csv(tmp_path / "requests.csv", dtype=str)["reference"]) == sorted(
        ["01.FOI.21.022107", "01.FOI.23.028881", "01.FOI.23.030730", "2016090000813", "FOI 506"])


def test_today_is_the_date_in_london():
    assert abs((disclosures._today() - dt.date.today()).days) <= 1


def test_control_characters_are_found_in_ascii_and_beyond():
    # C0 controls other than tab and line breaks, DEL and the C1 controls (U+0080-U+009F).
    from foi_analysis.records.structure import has_control_characters
    for c in [*map(chr, range(0x00, 0x09)), "\x0b", "\x0c", *map(chr, range(0x0e, 0x20)), "\x7f", "\x80", "\x85", "\x9f"]:
        assert has_control_characters(f"authority: Avon{c} Police\n"), repr(c)
        assert has_control_characters(f"title: café{c}\n"), repr(c)
    for text in ["a: b\tc\r\nd: 'e'\n", "title: café — “quoted” ½\n", "", "\xa0"]:
        assert not has_control_characters(text), repr(text)


def test_a_citation_seen_before_keeps_each_exemptions_own_stage_and_questions():
    # The loader caches an exemption's rows by citation, stage and questions: the same citation with
    # another stage or other questions (numbered with and without quotes) must give its own rows.
    text = GOOD.replace(
        '  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}\n',
        '  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}\n'
        '  - {raw: "Section 31(1)(a) Law enforcement", stage: internal_review, questions: ["1", "2"]}\n'
        '  - {raw: "Section 31(1)(a) Law enforcement", questions: [1, "2"]}\n'
        '  - {raw: "Section 31(1)(a) Law enforcement"}\n')
    for _ in range(2):  # the second time from the cache
        record, found = problems(text)
        assert found == []
        stage, questions = (disclosures.EXEMPTION_COLUMNS.index(c) for c in ("stage", "questions"))
        assert [(row[stage], row[questions]) for row in record.exemptions] == [
            ("response", "1"), ("internal_review", "1;2"), ("response", "1;2"), ("response", None)]


def test_an_event_seen_before_is_checked_as_the_first_was():
    # Events with a date printed before take a short path: an unknown name or a bad date still fails.
    good = GOOD.replace("  - {event: acknowledged, date: 03/03/2020}\n",
                        "  - {event: acknowledged, date: 03/03/2020}\n  - {event: chaser, date: 03/03/2020}\n")
    record, found = problems(good)
    assert found == [] and [e[0] for e in record.events] == ["received", "acknowledged", "chaser"]
    bad = GOOD.replace("{event: acknowledged, date: 03/03/2020}", "{event: acknowleged, date: 03/03/2020}")
    record, found = problems(bad)
    assert record is not None and found == [
        ("x.yaml", "events[1].event", "acknowleged", f"unknown event; use one of {', '.join(disclosures.EVENTS)}")]
