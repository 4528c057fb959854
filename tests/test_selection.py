"""What the notebook parameters select. Expected rows are read off the test corpus's records and grids
(tests/fixtures/corpus: the five seed records and the 2020-22 and 2023-24 grids)."""

import pytest

from foi_analysis.analysis.selection import Selection


def test_authority_is_a_case_insensitive_part_of_the_name():
    # the test corpus: FOI 506 is MOPAC's only record; the four others are the Met's
    assert Selection(authority="MAYOR").requests()["reference"].tolist() == ["FOI 506"]
    assert len(Selection(authority="metropolitan").requests()) == 4
    assert len(Selection().requests()) == 5


def test_undated_requests_are_kept_by_a_date_range():
    # only 2016090000813 prints a receipt date (23/09/2016); a range that excludes it keeps the 4 undated
    refs = Selection(start="2017-01-01").requests()["reference"].tolist()
    assert "2016090000813" not in refs and len(refs) == 4
    assert "2016090000813" in Selection(start="2016-09-23", end="2016-09-23").requests()["reference"].tolist()


def test_blue_list_and_deployments_follow_their_own_dates():
    # 01.FOI.23.030730 Q1: rows on 06/04, 14/04 and 3 x 06/05/2023
    assert len(Selection(start="2023-05-01").blue_list()) == 3
    # met-lfr-grid-2020-2022.pdf p. 1: nine rows, 11/02/20 to 28/07/22
    assert len(Selection(end="2022-12-31").deployments()) == 9


def test_grids_belong_to_the_met():
    assert Selection(authority="mayor").deployments().empty
    assert Selection(authority="mayor").blue_list().empty  # the blue list came from a Met response


@pytest.mark.parametrize("kwargs, message", [
    ({"start": "23/09/2016"}, "parameter start: '23/09/2016' is not an ISO date"),
    ({"end": "2024-13-01"}, "parameter end"),
    ({"start": "2024-02-01", "end": "2024-01-01"}, "start .* is after end"),
])
def test_bad_dates_are_refused_with_the_parameter_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Selection(**kwargs)
