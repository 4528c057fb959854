"""UK FOIA working days. Expected values are the hand-checked worked examples in
../shared/STYLE.md (and the truth file of seed 002), written here as literals."""

import datetime as dt

import numpy as np
import pytest

from foi_analysis.foia import bank_holidays, calendar
from foi_analysis.foia.dates import parse_printed_date


def d(text: str) -> np.datetime64:
    return np.datetime64(parse_printed_date(text))


def test_deadline_worked_example_2016():
    # Received Fri 23/09/2016 -> due Fri 21/10/2016 (no holidays in between).
    assert calendar.working_day_deadline(d("23/09/2016"))[0] == np.datetime64("2016-10-21")


def test_deadline_needs_every_nation_2023():
    # Received Fri 15/12/2023 -> due Thu 18/01/2024: 25, 26 Dec, 1 Jan and Scotland's 2 Jan are out.
    # An England-only calendar gives 17/01/2024.
    assert calendar.working_day_deadline(d("15/12/2023"))[0] == np.datetime64("2024-01-18")


def test_working_day_numbers_of_seed_002():
    # 19/10/2016 is day 18; 21/11/2016 is day 41; Sat 10/12/2016 is day 54 (St Andrew's Day
    # 30/11/2016 excluded, so without Scotland it would be 55).
    got = calendar.working_day_number(d("23/09/2016"), [d("19/10/2016"), d("21/11/2016"), d("10/12/2016")])
    assert got.tolist() == [18, 41, 54]


def test_union_of_the_four_nations():
    # 30/11/2016 St Andrew's Day (Scotland), 02/01/2024 (Scotland), 12/07/2023 Battle of the Boyne
    # (Northern Ireland), 01/04/2024 Easter Monday (England, Wales, NI), 29/03/2024 Good Friday,
    # 25/12/2024 Christmas Day: none is a working day. 29/11/2016 (a Tuesday) is.
    off = ["2016-11-30", "2024-01-02", "2023-07-12", "2024-04-01", "2024-03-29", "2024-12-25"]
    assert not calendar.is_working_day(np.array(off, dtype="datetime64[D]")).any()
    assert calendar.is_working_day(np.datetime64("2016-11-29"))[0]


def test_uk_wide_holidays_without_subdiv_would_miss_easter_monday():
    # Why the union is built per nation: 1 April 2024 (Easter Monday) is a holiday in the list.
    assert dt.date(2024, 4, 1) in calendar.uk_holidays()
    assert "NIR" in calendar.uk_holidays()[dt.date(2023, 7, 12)]


def test_receipt_on_a_weekend_both_readings():
    # Received Sat 24/09/2016. ICO: Mon 26/09 is day 1, so day 20 is Fri 21/10/2016.
    # 2018 Code: Mon 26/09 is day 0, so day 20 is Mon 24/10/2016 (counted by hand).
    sat = d("24/09/2016")
    assert calendar.working_day_deadline(sat, rule="ico")[0] == np.datetime64("2016-10-21")
    assert calendar.working_day_deadline(sat, rule="code2018")[0] == np.datetime64("2016-10-24")
    assert calendar.working_day_number(sat, d("26/09/2016"), rule="ico")[0] == 1
    assert calendar.working_day_number(sat, d("26/09/2016"), rule="code2018")[0] == 0
    with pytest.raises(ValueError, match="unknown receipt rule"):
        calendar.working_day_deadline(sat, rule="guess")


def test_vectorised_over_columns_with_missing_values():
    received = np.array(["2016-09-23", "NaT", "2023-12-15"], dtype="datetime64[D]")
    due = calendar.working_day_deadline(received)
    assert due[0] == np.datetime64("2016-10-21") and np.isnat(due[1]) and due[2] == np.datetime64("2024-01-18")
    n = calendar.working_day_number(received, np.array(["2016-10-21", "2016-10-21", "2024-01-18"], dtype="datetime64[D]"))
    assert n[0] == 20 and np.isnan(n[1]) and n[2] == 20


def test_dates_outside_the_calendar_are_refused():
    with pytest.raises(ValueError, match="between"):
        calendar.working_day_deadline(np.datetime64("1999-06-01"))


def test_a_deadline_past_the_calendars_end_is_refused_not_left_blank():
    # Received Mon 20/12/2060: its 20th working day would fall in January 2061, past the calendar's
    # end (31/12/2060). Not NaT, which reads as "no receipt date": an error naming the date.
    with pytest.raises(ValueError, match="working day 20 after 2060-12-20 falls past 2060-12-31"):
        calendar.working_day_deadline(np.array(["2016-09-23", "2060-12-20"], dtype="datetime64[D]"), 20)
    # Received Tue 02/11/2060: 20 weekdays follow to Tue 30/11, St Andrew's Day (a Scottish bank holiday,
    # so no working day): the 20th working day is Wed 01/12/2060, inside the calendar.
    assert calendar.working_day_deadline(np.datetime64("2060-11-02"), 20)[0] == np.datetime64("2060-12-01")
    # The record loader sets aside a request received after LAST_COUNTABLE_DAY: up to it, every deadline
    # the build counts (40 working days, either reading, any law) lies inside the calendar.
    from foi_analysis.foia.dates import LAST_COUNTABLE_DAY
    for law in ("FOIA", "FOISA", "EIR", "EISR"):
        for rule in calendar.RULES:
            assert calendar.working_day_deadline(np.datetime64(LAST_COUNTABLE_DAY), 40, rule=rule, law=law)[0] <= np.datetime64("2060-12-31")


def test_a_record_received_past_the_calendars_range_is_set_aside(tmp_path, monkeypatch):
    # Were today 1 March 2061, a request received 20/12/2060 would be no future date, but its deadlines fall
    # past the calendar: the record is set aside with its file and field named, the others built.
    import datetime as dt

    from foi_analysis import build
    from foi_analysis.records import disclosures

    monkeypatch.setattr(disclosures, "_today", lambda: dt.date(2061, 3, 1))
    raw = tmp_path / "raw"
    (raw / "disclosures").mkdir(parents=True)
    (raw / "grids").mkdir()
    record = ('reference: "{ref}"\nauthority: Kent Police\nsource: {{title: Facial recognition, file: letter.txt, kind: letter}}\n'
              "date_received: {received}\ndate_responded: null\noutcome: pending\n")
    (raw / "disclosures" / "late.yaml").write_text(record.format(ref="FOI 60-1", received="20/12/2060"))
    (raw / "disclosures" / "fine.yaml").write_text(record.format(ref="FOI 24-1", received="22/03/2024"))
    result = build.assemble(raw)
    assert [(r.source, r.field, r.value) for r in result.rejections] == [("disclosures/late.yaml", "date_received", "20/12/2060")]
    assert "the working-day calendar ends on 2060-12-31" in result.rejections[0].reason
    assert list(result.tables["requests"]["reference"]) == ["FOI 24-1"]
    assert str(result.tables["response_times"]["deadline_20wd"].iloc[0].date()) == "2024-04-23"


def test_holidays_between_names_the_nation():
    # Seed 002's truth file: between receipt (23/09/2016) and the review request (10/12/2016) the
    # only weekday holiday is St Andrew's Day, 30/11/2016, in Scotland.
    got = calendar.holidays_between("2016-09-23", "2016-12-10")
    assert [d for d, _ in got] == [dt.date(2016, 11, 30)]
    assert "SCT" in got[0][1]


def test_the_holiday_table_from_a_forked_child_is_the_one_computed_here(monkeypatch):
    # A clean build has the table computed by a child forked before its imports; the same table.
    computed = bank_holidays.compute()
    bank_holidays.prefetch()
    assert bank_holidays._pending is not None or not bank_holidays.forked.possible()
    assert bank_holidays.table() == computed
    monkeypatch.setattr(bank_holidays.forked, "in_child", lambda produce: lambda: None)  # the child failed
    bank_holidays.prefetch()
    assert bank_holidays.table() == computed
