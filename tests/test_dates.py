import datetime as dt

import pytest

from foi_analysis.foia.dates import parse_printed_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("23/09/2016", dt.date(2016, 9, 23)),  # seed 002
        ("06/04/23", dt.date(2023, 4, 6)),  # grids print DD/MM/YY
        ("21st November 2016", dt.date(2016, 11, 21)),  # seed 002's s17(2) estimate
        ("Friday 23 September 2016", dt.date(2016, 9, 23)),
        ("Monday, 2nd of January 2023", dt.date(2023, 1, 2)),
        ("23.09.2016", dt.date(2016, 9, 23)),
        ("5-Jan-24", dt.date(2024, 1, 5)),
        ("November 21, 2016", dt.date(2016, 11, 21)),
        ("  1 Sept 2020 ", dt.date(2020, 9, 1)),
    ],
)
def test_printed_forms(text, expected):
    assert parse_printed_date(text) == expected


def test_day_first_not_month_first():
    # 06/05/2023 is 6 May (seed 000's blue list), not 5 June.
    assert parse_printed_date("06/05/2023") == dt.date(2023, 5, 6)


@pytest.mark.parametrize("text", ["31/02/2023", "29/02/2023", "13th Smarch 2020", "2023", ""])
def test_impossible_or_unreadable_dates_name_the_text(text):
    with pytest.raises(ValueError, match="date"):
        parse_printed_date(text)
