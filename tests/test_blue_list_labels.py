"""The blue-list chart's row labels (findings.blue_list_row_labels): which grid deployment each
disclosed row pairs with. Frames are written by hand in the shape of Selection.blue_list() and
grid_joined(..., "blue_list_deployments"); the expected labels are written out by hand."""

from __future__ import annotations

import pandas as pd

from foi_analysis.analysis import findings


def _blue(rows):
    return pd.DataFrame(rows, columns=["reference", "row", "deployment_date"])


def _joined(rows):
    return pd.DataFrame(rows, columns=["reference", "row", "match", "deployment_id", "location"])


def test_one_deployment_gives_its_place_several_their_count_none_says_so():
    blue = _blue([("01.FOI.24.1", 1, "2025-01-08"), ("01.FOI.24.1", 2, "2025-01-09"), ("01.FOI.24.1", 3, "2025-01-10")])
    joined = _joined([
        ("01.FOI.24.1", 1, "one-to-one", "d1", "Croydon"),
        # two deployments on 9 January: the row cannot say which
        ("01.FOI.24.1", 2, "ambiguous", "d2", "Stratford"),
        ("01.FOI.24.1", 2, "ambiguous", "d3", "Oxford Circus"),
        # the grid has no deployment on 10 January
        ("01.FOI.24.1", 3, "no deployment", None, None),
    ])
    assert findings.blue_list_row_labels(blue, joined) == [
        "8 Jan 2025 row 1: Croydon",
        "9 Jan 2025 row 2: one of 2 deployments",
        "10 Jan 2025 row 3: no deployment",
    ]


def test_another_bodys_rows_have_no_grid_and_several_disclosures_name_their_reference():
    # Two disclosures number their rows from 1 each; the second is not the Met's, so grid_joined has
    # no row for it.
    blue = _blue([("01.FOI.24.1", 1, "2025-01-08"), ("SWP-22-7", 1, "2022-03-05")])
    joined = _joined([("01.FOI.24.1", 1, "one-to-one", "d1", "Croydon")])
    assert findings.blue_list_row_labels(blue, joined) == [
        "01.FOI.24.1 8 Jan 2025 row 1: Croydon",
        "SWP-22-7 5 Mar 2022 row 1: not the Met's: no grid",
    ]


def test_no_rows_no_labels():
    assert findings.blue_list_row_labels(_blue([]), _joined([])) == []
