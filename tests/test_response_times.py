"""The timeliness rules per request, on hand-made requests whose working days are counted by hand.

Received Wednesday 1 February 2023: the 20th working day after it is Wednesday 1 March 2023 (no bank
holiday between); counting on through March, where St Patrick's Day (Friday 17 March, a bank holiday in
Northern Ireland, so not a working day in the UK count) is skipped, the 40th is Thursday 30 March, and
Monday 3 April is day 42.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foi_analysis.foia.response_times import response_times

D = np.datetime64
NAT = D("NaT", "ns")


def _run(received, responded, events, refused):
    request = np.array([r for r, _, _ in events], dtype=np.int64)
    kind = np.array([k for _, k, _ in events], dtype=object)
    date = np.array([D(d, "ns") for _, _, d in events], dtype="datetime64[ns]")
    out = response_times(np.array(received, dtype="datetime64[ns]"), np.array(responded, dtype="datetime64[ns]"),
                         request, kind, date, np.array(refused))
    # Plain Python values (None where missing), dates as datetime64[D] arrays.
    return {k: v if isinstance(v, np.ndarray) and v.dtype.kind == "M"
            else [None if x is pd.NA or x is None else getattr(x, "item", lambda: x)() for x in v] for k, v in out.items()}


def test_first_reply_notice_and_pending_response():
    received = [D("2023-02-01", "ns")] * 4
    responded = [D("2023-03-01", "ns"), NAT, D("2023-03-01", "ns"), D("2023-03-01", "ns")]
    events = [
        (0, "response", "2023-03-01"), (0, "extension_notice", "2023-03-01"),  # two replies on day 20
        (1, "acknowledged", "2023-02-02"), (1, "chaser", "2023-04-03"), (1, "update", "2023-04-03"),
        (2, "response", "2023-03-01"), (3, "response", "2023-03-01"),
    ]
    out = _run(received, responded, events, refused=[False, False, True, False])
    assert out["deadline_20wd"][0] == D("2023-03-01") and out["deadline_40wd"][0] == D("2023-03-30")
    # Of two replies on one day, the extension notice counts first (names in alphabetical order).
    assert out["first_reply_event"][0] == "extension_notice" and out["first_reply_wd"][0] == 20
    assert out["in_20wd"][0] is True and out["s17_notice_wd"][0] == 20
    # No reply at all, and no response after day 40: over 40 on the last event, the later listed of two.
    assert out["first_reply_event"][1] is None and out["in_20wd"][1] is None
    assert out["over_40wd"][1] is True
    assert out["over_40wd_basis"][1] == "still no response at the update on working day 42"
    # A response relying on an exemption is the s17 notice; one that does not, is not.
    assert out["s17_notice_date"][2] == D("2023-03-01") and out["s17_in_time"][2] is True
    assert np.isnat(out["s17_notice_date"][3]) and out["s17_in_time"][3] is None
    assert out["over_40wd"][3] is False and out["over_40wd_basis"][3] == "final response on working day 20"
