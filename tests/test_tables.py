"""The schemas refuse what they state: each case breaks one rule by hand (not by the code under
test) and the table's pandera schema must refuse it; every table the build makes passes."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from foi_analysis import build, tables


@pytest.fixture(scope="module")
def built():
    return build.assemble().tables


def pandera_passes(name: str, df: pd.DataFrame) -> bool:
    try:
        tables.SCHEMAS[name].validate(df, lazy=True)
    except pa.errors.SchemaErrors:
        return False
    return True


def test_every_built_table_passes_its_schema(built):
    for name in built:
        assert pandera_passes(name, built[name]), name


def _broken(built) -> list[tuple[str, str, pd.DataFrame]]:
    req, blue, dep = built["requests"], built["blue_list"], built["deployments"]
    cases = []

    def case(what, name, df):
        cases.append((what, name, df))

    df = req.copy(); df.loc[0, "reference"] = pd.NA
    case("empty key", "requests", df)
    df = req.copy(); df.loc[0, "outcome"] = "maybe"
    case("outcome not in the list", "requests", df)
    df = req.copy(); df.loc[0, "n_questions"] = -1
    case("negative count", "requests", df)
    case("a request twice", "requests", pd.concat([req, req.iloc[:1]], ignore_index=True))
    case("an extra column", "requests", req.assign(extra="x"))
    case("columns reordered", "requests", req[list(req.columns[::-1])])
    case("a column missing", "requests", req.drop(columns="sections"))
    case("counts as floats", "requests", req.astype({"n_questions": "Float64"}))
    case("dates as text", "requests", req.astype({"date_received": "string"}))
    # A date column's dtype is found in pandera's registry (records/columns.py): other date dtypes still fail.
    case("dates with a time zone", "requests", req.assign(date_received=req["date_received"].dt.tz_localize("UTC")))
    case("dates as Python objects", "requests", req.astype({"date_received": object}))
    case("text as numbers", "requests", req.assign(source_title=pd.array(range(len(req)), dtype="Int64")))
    df = req.astype({"source_title": object}); df.loc[0, "source_title"] = 7
    case("a number among text cells", "requests", df)
    df = blue.copy(); df.loc[0, "true_alert_rate"] = 1.5
    case("a rate over 1", "blue_list", df)
    df = blue.copy(); df.loc[0, "false_alert_rate"] = -0.1
    case("a rate under 0", "blue_list", df)
    case("a blue-list row twice", "blue_list", pd.concat([blue, blue.iloc[:1]], ignore_index=True))
    case("a deployment id twice", "deployments", pd.concat([dep, dep.iloc[:1]], ignore_index=True))
    return cases


def test_each_broken_rule_is_refused(built):
    cases = _broken(built)
    assert len(cases) == 17
    for what, name, df in cases:
        assert not pandera_passes(name, df), what


def test_a_date_columns_dtype_is_the_one_pandera_resolves_it_to():
    # records/columns.py registers numpy's datetime64[ns] with pandera (its own fallback, which tries to
    # import geopandas first, is slow): the registered dtype must be the one that fallback gives, i.e.
    # what pandera makes of the dtype class np.datetime64, and a date column's check must accept it.
    import numpy as np
    from pandera.engines import pandas_engine

    ns = pandas_engine.Engine.dtype(np.dtype("datetime64[ns]"))
    assert ns == pandas_engine.Engine.dtype(np.datetime64) == pandas_engine.DateTime()
    assert tables.SCHEMAS["requests"].columns["date_received"].dtype.check(ns)
