"""Working days per law. FOIA s10(6) (and EIR reg 2(1)): not a Saturday, Sunday, Christmas Day, Good
Friday or a bank holiday in any part of the UK. FOISA s73 (and EISR reg 2(1), which takes FOISA's): not
a Saturday, Sunday, Christmas Day or a bank holiday in Scotland (Banking and Financial Dealings Act 1971). Deadlines counted by hand on a
calendar (receipt = day 0, the ICO reading); the comment beside each lists the days skipped."""

import numpy as np
import pytest

from foi_analysis.foia import calendar
from foi_analysis.foia.response_times import response_times


def day(text: str) -> np.datetime64:
    return np.datetime64(text, "D")


def due(received: str, law: str, n: int = 20) -> np.datetime64:
    return calendar.working_day_deadline(day(received), n, law=law)[0]


def test_2_january_is_no_working_day_under_foisa():
    # Received Fri 15/12/2023. Skipped: Mon 25/12, Tue 26/12, Mon 01/01, Tue 02/01/2024 (a bank
    # holiday in Scotland, so excluded by FOISA s73 and, as Scotland is part of the UK, by FOIA s10(6)).
    # Day 20: Thu 18/01/2024 under both.
    assert due("2023-12-15", "FOISA") == day("2024-01-18")
    assert due("2023-12-15", "FOIA") == day("2024-01-18")


def test_easter_monday_is_a_working_day_under_foisa():
    # Received Fri 22/03/2024. Good Friday 29/03 is out under both laws. Easter Monday 01/04/2024 is a
    # bank holiday in England, Wales and NI but not Scotland: FOISA s73 counts it (day 5), so day 20 is
    # Mon 22/04/2024; FOIA s10(6) does not, so day 20 is Tue 23/04/2024.
    assert due("2024-03-22", "FOISA") == day("2024-04-22")
    assert due("2024-03-22", "FOIA") == day("2024-04-23")
    assert due("2024-03-22", "EIR") == day("2024-04-23")  # EIR reg 2(1): the same UK-wide days as FOIA


def test_the_eisr_count_scotlands_working_days():
    # Received Fri 11/04/2025. Skipped under both: Good Friday 18/04 and Mon 05/05 (early May bank holiday).
    # Easter Monday 21/04/2025 is no bank holiday in Scotland: under the EISR (as FOISA) it is day 5 and
    # day 20 is Tue 13/05/2025; under the EIR (any UK nation) it is skipped: Wed 14/05/2025.
    assert due("2025-04-11", "EISR") == day("2025-05-13")
    assert due("2025-04-11", "FOISA") == day("2025-05-13")
    assert due("2025-04-11", "EIR") == day("2025-05-14")
    received = np.array(["2025-04-11"] * 2, dtype="datetime64[D]")
    assert list(calendar.working_day_number(received, np.array(["2025-05-13"] * 2, dtype="datetime64[D]"),
                                            law=["EISR", "EIR"])) == [20.0, 19.0]


def test_st_andrews_day_is_no_working_day_under_foisa():
    # Received Mon 16/11/2026. Skipped: Mon 30/11/2026, St Andrew's Day (Scotland; so also UK-wide).
    # Day 20: Tue 15/12/2026 under both (Mon 14/12 if St Andrew's Day were counted).
    assert due("2026-11-16", "FOISA") == day("2026-12-15")
    assert due("2026-11-16", "FOIA") == day("2026-12-15")


def test_scotlands_summer_holiday_and_not_englands():
    # Received Fri 24/07/2026. Mon 03/08/2026 (first Monday of August) is Scotland's summer bank holiday:
    # out under both laws, so day 20 is Mon 24/08/2026 under both.
    assert due("2026-07-24", "FOISA") == day("2026-08-24")
    assert due("2026-07-24", "FOIA") == day("2026-08-24")
    # Day 40 from the same receipt crosses Mon 31/08/2026, the late-August bank holiday of England,
    # Wales and NI but not Scotland: a working day under FOISA (day 40 Mon 21/09/2026), not under FOIA
    # (day 40 Tue 22/09/2026).
    assert due("2026-07-24", "FOISA", 40) == day("2026-09-21")
    assert due("2026-07-24", "FOIA", 40) == day("2026-09-22")
    # Received Fri 14/08/2026: FOISA day 20 Fri 11/09/2026; FOIA (31/08 out) Mon 14/09/2026.
    assert due("2026-08-14", "FOISA") == day("2026-09-11")
    assert due("2026-08-14", "FOIA") == day("2026-09-14")


def test_one_law_per_row():
    # Mixed rows each take their own calendar; a day's number too: from Fri 22/03/2024, Tue 23/04/2024
    # is day 21 under FOISA (Easter Monday counted) and day 20 under FOIA.
    received = np.array(["2024-03-22", "2024-03-22", "2026-08-14", "NaT"], dtype="datetime64[D]")
    laws = ["FOISA", "FOIA", "FOISA", "EIR"]
    got = calendar.working_day_deadline(received, 20, law=laws)
    assert got[:3].tolist() == [day("2024-04-22"), day("2024-04-23"), day("2026-09-11")] and np.isnat(got[3])
    n = calendar.working_day_number(received[:2], np.array(["2024-04-23"] * 2, dtype="datetime64[D]"), law=laws[:2])
    assert n.tolist() == [21, 20]
    assert calendar.is_working_day(day("2024-04-01"), law="FOISA")[0]
    assert not calendar.is_working_day(day("2024-04-01"), law="FOIA")[0]
    with pytest.raises(ValueError, match="unknown law"):
        calendar.working_day_deadline(day("2024-03-22"), law="GDPR")


def test_foisa_holidays_are_named_for_scotland_only():
    # Between 24/07 and 14/09/2026 Scotland has one weekday bank holiday (03/08); the UK has two.
    got = calendar.holidays_between("2026-07-24", "2026-09-14", law="FOISA")
    assert [(d.isoformat(), name) for d, name in got] == [("2026-08-03", "Summer Bank Holiday (SCT)")]
    assert len(calendar.holidays_between("2026-07-24", "2026-09-14")) == 2


def test_response_times_use_each_requests_law():
    # Two requests received Fri 22/03/2024 and answered Tue 23/04/2024, one FOISA, one FOIA: the FOISA
    # one is due Mon 22/04 (Easter Monday counts) and answered on day 21, late; the FOIA one is due
    # Tue 23/04 and answered on day 20, in time.
    received = np.array(["2024-03-22", "2024-03-22"], dtype="datetime64[ns]")
    responded = np.array(["2024-04-23", "2024-04-23"], dtype="datetime64[ns]")
    out = response_times(received, responded, np.array([0, 1]), np.array(["response", "response"], dtype=object),
                         responded, np.zeros(2, dtype=bool), calendar.calendar_rows(["FOISA", "FOIA"]))
    assert out["deadline_20wd"].tolist() == [day("2024-04-22"), day("2024-04-23")]
    assert list(out["first_reply_wd"]) == [21, 20]
    assert list(out["in_20wd"]) == [False, True]
    assert out["deadline_40wd"][0] < out["deadline_40wd"][1]


RECORD = """\
reference: "{ref}"
authority: {authority}
{law}source: {{title: Facial recognition, file: letter.txt, kind: letter}}
date_received: 22/03/2024
date_responded: 23/04/2024
outcome: disclosed
events:
  - {{event: received, date: 22/03/2024}}
  - {{event: response, date: 23/04/2024}}
"""


def test_the_build_counts_each_record_under_its_law(tmp_path):
    # As above: the same dates are day 21 (late) under FOISA and day 20 (in time) under FOIA.
    from foi_analysis import build

    raw = tmp_path / "raw"
    (raw / "disclosures").mkdir(parents=True)
    (raw / "grids").mkdir()
    (raw / "disclosures" / "scot.yaml").write_text(RECORD.format(ref="FOI 24-1", authority="Police Scotland", law="law: FOISA\n"))
    (raw / "disclosures" / "eng.yaml").write_text(RECORD.format(ref="FOI 24-2", authority="South Wales Police", law=""))
    (raw / "disclosures" / "eisr.yaml").write_text(RECORD.format(ref="EIR 24-3", authority="Police Scotland", law="law: EISR\n"))
    tables = build.assemble(raw).tables
    times = tables["response_times"].set_index("reference")
    assert str(times.loc["FOI 24-1", "deadline_20wd"].date()) == "2024-04-22"
    assert str(times.loc["FOI 24-2", "deadline_20wd"].date()) == "2024-04-23"
    assert str(times.loc["EIR 24-3", "deadline_20wd"].date()) == "2024-04-22"  # Scotland's days, as FOISA's
    assert (times.loc["FOI 24-1", "response_wd"], times.loc["FOI 24-2", "response_wd"]) == (21, 20)
    assert tables["requests"].set_index("reference").loc["EIR 24-3", "law"] == "EISR"
    events = tables["events"]
    replies = events[events["event"] == "response"].set_index("reference")["working_day"]
    assert (replies["FOI 24-1"], replies["FOI 24-2"]) == (21, 20)
