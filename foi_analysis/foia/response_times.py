"""FOIA timeliness per request (s10 deadline, s17 notice, the ICO's 40-working-day ceiling)."""

from __future__ import annotations

import pandas as pd

from . import calendar

FIRST_REPLY_EVENTS = ("extension_notice", "response")  # substantive replies; an acknowledgement is not one


def _wd(received: pd.Series, dates: pd.Series) -> pd.Series:
    return pd.Series(calendar.working_day_number(received.to_numpy("datetime64[ns]"), dates.to_numpy("datetime64[ns]")),
                     index=dates.index).astype("Int64")


def _first(events: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """Earliest event of the given kinds per reference: columns date, event."""
    hits = events[events["event"].isin(kinds)].sort_values(["reference", "date", "event"])
    return hits.drop_duplicates("reference").set_index("reference")[["date", "event"]]


def response_times(requests: pd.DataFrame, events: pd.DataFrame, exemptions: pd.DataFrame) -> pd.DataFrame:
    out = requests[["reference", "authority", "date_received", "date_responded"]].set_index("reference")
    received = out["date_received"]
    out["deadline_20wd"] = pd.Series(calendar.working_day_deadline(received.to_numpy("datetime64[ns]"), 20), index=out.index).astype("datetime64[ns]")
    out["deadline_40wd"] = pd.Series(calendar.working_day_deadline(received.to_numpy("datetime64[ns]"), 40), index=out.index).astype("datetime64[ns]")

    first = _first(events, FIRST_REPLY_EVENTS).reindex(out.index)
    out["first_reply_date"] = first["date"].astype("datetime64[ns]")
    out["first_reply_event"] = first["event"].astype("string")
    out["first_reply_wd"] = _wd(received, out["first_reply_date"])
    out["in_20wd"] = (out["first_reply_wd"] <= 20).astype("boolean")

    # The s17 notice: an extension notice if there was one, else a response that relied on exemptions.
    refused = set(exemptions.loc[exemptions["stage"] == "response", "reference"])
    notice = _first(events, ("extension_notice",))
    response_notice = _first(events[events["reference"].isin(refused)], ("response",))
    notice = notice.combine_first(response_notice).reindex(out.index)
    out["s17_notice_date"] = notice["date"].astype("datetime64[ns]")
    out["s17_notice_wd"] = _wd(received, out["s17_notice_date"])
    out["s17_in_time"] = (out["s17_notice_wd"] <= 20).astype("boolean")

    estimate = _first(events, ("extension_estimate",)).reindex(out.index)
    out["extension_estimate_date"] = estimate["date"].astype("datetime64[ns]")
    out["extension_estimate_wd"] = _wd(received, out["extension_estimate_date"])
    out["extension_beyond_40wd"] = (out["extension_estimate_wd"] > 40).astype("boolean")
    out["response_wd"] = _wd(received, out["date_responded"])

    # Over 40: a late final response, or a dated event after day 40 with no response yet.
    # reset_index: with right_index the result's index can take the name "reference", clashing with the column.
    later = events.merge(out[["date_responded", "deadline_40wd"]], left_on="reference", right_index=True).reset_index(drop=True)
    outstanding = later[(later["date"] > later["deadline_40wd"]) & ~(later["date_responded"] <= later["date"])
                        & (later["event"] != "response")]
    last = outstanding.sort_values(["reference", "date"]).drop_duplicates("reference", keep="last").set_index("reference").reindex(out.index)
    last_wd = _wd(received, last["date"].astype("datetime64[ns]"))
    over = pd.Series(pd.NA, index=out.index, dtype="boolean")
    basis = pd.Series(pd.NA, index=out.index, dtype="string")
    known = out["response_wd"].notna()
    over.loc[known] = out.loc[known, "response_wd"] > 40
    basis.loc[known] = "final response on working day " + out.loc[known, "response_wd"].astype("string")
    pending = ~known & last["date"].notna()
    over.loc[pending] = True
    basis.loc[pending] = ("still no response at the " + last.loc[pending, "event"].astype("string")
                          + " on working day " + last_wd[pending].astype("string"))
    out["over_40wd"] = over
    out["over_40wd_basis"] = basis
    return out.reset_index()
