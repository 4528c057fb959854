"""The Met's "LFR Deployment Grid" PDFs -> one tidy row per deployment, reconciled against itself.

``parse_grid(pdf)`` reads one grid; ``build_tables(grid_dir, blue_list)`` reads every grid in a folder
and derives the anomaly, blue-list and yearly tables. Columns are found by what their headers mean
(``headers``), never by position. Header rows repeat on later pages and may change wording; a
page that starts without a header continues the columns of the page before; a row whose location
wraps past the page end is joined back. Purpose-legend tables are read into a code -> meaning map,
not taken for deployments.

Decisions (see docs/grids.md):
- deployment_id = ``<file stem>_<ISO date>_<n>``, n counting the grid's rows on that date in printed
  order: stable when a re-issued grid adds rows on other dates.
- Values are kept as printed: a row that does not reconcile is flagged (``flags``) and listed in the
  anomalies table, never corrected or dropped. What a layout lacks stays empty, never 0.
- 2020-22 layout: "True Alerts" and "False Alert / Confirmed False Alerts" are whole counts (no
  confirmed/unconfirmed split); later layouts print the split and true_alerts / false_alerts are its
  sums. "Arrests / Disposals" is its own column: the later layout splits outcomes differently.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import headers, pdf_tables
from ..foia.dates import parse_printed_date
from .pdf_tables import Row
from ..records.quarantine import Rejection

COUNTS = [
    "watchlist_size", "total_alerts", "true_alerts", "true_alerts_confirmed", "true_alerts_unconfirmed",
    "true_alert_engagements", "false_alerts", "false_alerts_confirmed", "false_alerts_unconfirmed",
    "false_alert_engagements", "arrests", "other_disposal", "no_action", "arrests_or_disposals", "faces_seen",
]
DEPLOYMENT_COLUMNS = [
    "deployment_id", "source_file", "page", "row", "location", "date", "duration_minutes", "purpose",
    "purpose_normalised", "watchlist_size", "threshold", *COUNTS[1:], "false_alert_rate_printed", "false_alert_rate",
    "status", "flags",
]
ANOMALY_COLUMNS = ["deployment_id", "source_file", "page", "check", "expected", "found", "detail"]
CHECKS = ["unreadable", "alerts_sum", "false_alert_rate", "date_order", "duplicate", "purpose_code"]
METRICS = ["total_alerts", "true_alerts", "false_alerts", "arrests", "arrests_or_disposals", "faces_seen"]

DATE_CELL = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
NOT_AVAILABLE = re.compile(r"n\s*/\s*a\b\W*(?P<note>.*)", re.IGNORECASE | re.DOTALL)
DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*(?:h|hrs?|hours?)\.?)?\s*(?:(?P<m>\d+)\s*(?:m|mins?|minutes?)?\.?)?", re.IGNORECASE)
PERCENT = re.compile(r"(?P<value>\d+(?:\.(?P<decimals>\d+))?)\s*%")
PURPOSE_CODES = re.compile(r"\d+(?:\s*[,;/&]\s*\d+)*")
ALIGN = 6.0  # points: a continuation page's columns may sit this far from the header page's


class GridError(ValueError):
    """A grid that cannot be read at all: unreadable PDF, unknown header, no deployment table."""


@dataclass(frozen=True)
class _Column:
    x0: float
    x1: float
    field: str | None
    header: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Record:
    page: int
    table: int  # index of the table it was printed in (places it relative to purpose legends)
    cells: dict[str, str] = field(default_factory=dict)

    def extend(self, more: dict[str, str]) -> None:
        """Append the wrapped continuation of this row's cells."""
        for key, text in more.items():
            if text:
                self.cells[key] = " ".join(filter(None, [self.cells.get(key, ""), text]))


def _text_at(row: Row, x: float) -> str:
    cell = row.at(x)
    return cell.text if cell else ""


def _columns(name: str, page: int, header: list[Row], first: Row) -> list[_Column]:
    """Name the columns of ``first`` (a deployment row) from the header rows above them."""
    columns = []
    for cell in first.cells:
        parts = [_text_at(h, cell.centre) for h in header]
        text = " ".join(p for p in parts if p)
        meaning = headers.field_for(text) if text else None
        if text and meaning is None:
            raise GridError(f"{name}: page {page}: unknown column header {text!r} "
                            "(add what it means to foi_analysis/grids/headers.py)")
        columns.append(_Column(cell.x0, cell.x1, meaning, text))
    seen: dict[str, str] = {}
    for c in columns:
        if c.field in seen:
            raise GridError(f"{name}: page {page}: headers {seen[c.field]!r} and {c.header!r} both read as {c.field}")
        if c.field:
            seen[c.field] = c.header
    missing = [f for f in headers.REQUIRED if f not in seen]
    if missing:
        raise GridError(f"{name}: page {page}: no {' or '.join(missing)} column among headers "
                        f"{[c.header for c in columns]}")
    return columns


def _aligned(columns: list[_Column], row: Row) -> bool:
    return len(row.cells) == len(columns) and all(
        abs(c.centre - cell.centre) <= ALIGN for c, cell in zip(columns, row.cells))


def _values(name: str, page: int, row: Row, columns: list[_Column]) -> dict[str, str]:
    values = {}
    for c in columns:
        text = _text_at(row, c.centre)
        if c.field:
            values[c.field] = text
        elif text:
            raise GridError(f"{name}: page {page}: value {text!r} sits in a column with no header")
    return values


def _legend(rows: list[Row]) -> dict[str, str] | None:
    """A purpose legend ("Reference | Purpose" or "Reference | Use Case") as code -> meaning."""
    if not rows:
        return None
    head = rows[0]
    code_cell = next((c for c in head.cells if headers.normalise(c.text) == "reference"), None)
    meaning_cell = next((c for c in head.cells if headers.field_for(c.text) == "purpose"), None)
    if code_cell is None or meaning_cell is None:
        return None
    legend = {}
    for row in rows[1:]:
        code = _text_at(row, code_cell.centre).rstrip(".").strip()
        meaning = _text_at(row, meaning_cell.centre)
        if code and meaning:
            legend[code] = meaning
    return legend


def _read(path: Path) -> tuple[list[_Record], list[tuple[int, dict[str, str]]]]:
    """Deployment records (cell texts by field) and purpose legends, in printed order."""
    name = path.name
    try:
        tables = pdf_tables.read_tables(path)
    except pdf_tables.PdfReadError as err:
        raise GridError(str(err)) from None
    records: list[_Record] = []
    legends: list[tuple[int, dict[str, str]]] = []
    columns: list[_Column] | None = None
    pending: list[Row] = []  # a header printed as a table of its own, awaiting its rows
    for index, table in enumerate(tables):
        rows = [r for r in table.rows if not r.empty]
        first = next((i for i, r in enumerate(rows) if any(DATE_CELL.fullmatch(c.text) for c in r.cells)), None)
        if first is None:
            legend = _legend(rows)
            if legend is not None:
                legends.append((index, legend))
            elif rows:
                pending = rows
            continue
        date_x = next(c.centre for c in rows[first].cells if DATE_CELL.fullmatch(c.text))
        lead = rows[:first]
        # Rows above the first deployment with nothing under the date column are the tail of the
        # previous page's last row (a wrapped location); a header always labels the date column.
        carried = lead if records and not any(_text_at(r, date_x) for r in lead) else []
        header = ([] if carried else lead) or pending
        if header:
            columns = _columns(name, table.page, header, rows[first])
        elif columns is None:
            raise GridError(f"{name}: page {table.page}: no header above the first deployment row")
        elif not _aligned(columns, rows[first]):
            raise GridError(f"{name}: page {table.page}: columns do not line up with the last header and "
                            "the page has none of its own")
        pending = []
        for row in carried:
            records[-1].extend(_values(name, table.page, row, columns))
        date_column = next(c for c in columns if c.field == "date")
        for row in rows[first:]:
            values = _values(name, table.page, row, columns)
            if _text_at(row, date_column.centre):
                records.append(_Record(table.page, index, values))
            else:  # a wrapped line the PDF drew as a row of its own
                records[-1].extend(values)
    if not records:
        raise GridError(f"{name}: no deployment table found (no row with a DD/MM/YY date)")
    return records, legends


def parse_duration(text: str) -> int | None:
    """Minutes from "5h03m", "5h 03m", "5h40", "8h0m", "4hr 47m", "45m"; None for N/A or blank."""
    text = " ".join(str(text).split())
    if not text or NOT_AVAILABLE.fullmatch(text):
        return None
    m = DURATION.fullmatch(text)
    if not m or not (m["h"] or m["m"]) or not re.search(r"[hm]", text, re.I):  # a bare "45" has no unit
        raise ValueError(f"not a duration {text!r} (expected e.g. 5h03m)")
    minutes = int(m["m"] or 0)
    if m["h"] and minutes >= 60:
        raise ValueError(f"not a duration {text!r}: {minutes} minutes past the hour")
    return int(m["h"] or 0) * 60 + minutes


def parse_count(text: str) -> int | None:
    text = str(text).strip()
    if not text or NOT_AVAILABLE.fullmatch(text):
        return None
    if not re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", text):
        raise ValueError(f"not a count {text!r}")
    return int(text.replace(",", ""))


def parse_number(text: str) -> float | None:
    text = str(text).strip()
    if not text or NOT_AVAILABLE.fullmatch(text):
        return None
    if not re.fullmatch(r"\d*\.?\d+", text):
        raise ValueError(f"not a number {text!r}")
    return float(text)


def parse_rate(text: str) -> tuple[float, int] | None:
    """A printed percentage as (fraction 0-1, decimals printed); None for N/A or blank."""
    text = str(text).strip()
    if not text or NOT_AVAILABLE.fullmatch(text):
        return None
    m = PERCENT.fullmatch(text)
    if not m:
        raise ValueError(f"not a percentage {text!r}")
    # Decimal keeps "0.07%" as 0.0007, not 0.0007000000000000001.
    return float(Decimal(m["value"]) / 100), len(m["decimals"] or "")


def _legend_for(record: _Record, legends: list[tuple[int, dict[str, str]]]) -> dict[str, str]:
    """The legend printed after the record's table (before it if none follows)."""
    after = [legend for index, legend in legends if index > record.table]
    before = [legend for index, legend in legends if index < record.table]
    return after[0] if after else before[-1] if before else {}


def _purpose(printed: str, legend: dict[str, str]) -> tuple[str | None, list[str]]:
    """The normalised purpose and any codes the legend does not explain."""
    if not printed:
        return None, []
    if PURPOSE_CODES.fullmatch(printed):
        codes = re.findall(r"\d+", printed)
        unknown = [c for c in codes if c not in legend]
        labels = [headers.purpose_label(legend[c]) if c in legend else f"code {c}" for c in codes]
        return "; ".join(dict.fromkeys(labels)), unknown
    return headers.purpose_label(printed), []


def _status(cells: dict[str, str]) -> tuple[str, str]:
    """The location and "ok", or "n/a[: reason]" when the results are printed N/A."""
    location = cells.get("location", "")
    notes = [m["note"] for k in (*COUNTS, "false_alert_rate_printed")
             if (m := NOT_AVAILABLE.fullmatch(cells.get(k, "")))]
    if not notes:
        return location, "ok"
    note = next((n for n in notes if n), "")
    # The 2020-22 grid gives the reason inside the location cell, in brackets.
    bracket = re.fullmatch(r"(?P<place>.*?)\s*\((?P<note>[^()]*)\)", location)
    if bracket and not note:
        location, note = bracket["place"], bracket["note"]
    return location, f"n/a: {note}" if note else "n/a"


@dataclass
class _Parsed:
    rows: pd.DataFrame
    anomalies: list[dict]
    rejections: list[Rejection]


def _anomaly(row: dict | pd.Series, check: str, expected: object, found: object, detail: str) -> dict:
    return {"deployment_id": row["deployment_id"], "source_file": row["source_file"], "page": row["page"],
            "check": check, "expected": str(expected), "found": str(found), "detail": detail}


def _parse(path: Path) -> _Parsed:
    path = Path(path)
    records, legends = _read(path)
    source = f"grids/{path.name}"
    rows, anomalies, rejections = [], [], []
    per_date: dict[dt.date, int] = {}
    for order, rec in enumerate(records, start=1):
        cells = {k: " ".join(v.split()) for k, v in rec.cells.items()}
        try:
            date = parse_printed_date(cells["date"])
        except ValueError as err:
            rejections.append(Rejection(f"{source} page {rec.page}", f"row {order}.date", cells["date"],
                                        f"{err}; the row is kept aside"))
            continue
        per_date[date] = per_date.get(date, 0) + 1
        row: dict = {"deployment_id": f"{path.stem}_{date.isoformat()}_{per_date[date]}",
                     "source_file": path.name, "page": rec.page, "row": order, "date": date}
        location, row["status"] = _status(cells)
        row["location"] = location or None

        def read(key: str, parser):
            try:
                return parser(cells.get(key, ""))
            except ValueError as err:
                rejections.append(Rejection(f"{source} page {rec.page}", f"{row['deployment_id']}.{key}",
                                            cells[key], str(err)))
                anomalies.append(_anomaly(row, "unreadable", f"a {key}", cells[key], str(err)))
                return None

        row["duration_minutes"] = read("duration", parse_duration)
        row["threshold"] = read("threshold", parse_number)
        for key in COUNTS:
            row[key] = read(key, parse_count)
        rate = read("false_alert_rate_printed", parse_rate)
        row["false_alert_rate_printed"] = cells.get("false_alert_rate_printed") or None
        row["false_alert_rate"] = rate[0] if rate else None
        row["_rate_decimals"] = rate[1] if rate else None
        for total, parts in (("true_alerts", ("true_alerts_confirmed", "true_alerts_unconfirmed")),
                             ("false_alerts", ("false_alerts_confirmed", "false_alerts_unconfirmed"))):
            if row[total] is None and all(row[p] is not None for p in parts):
                row[total] = sum(row[p] for p in parts)
        row["purpose"] = cells.get("purpose") or None
        row["purpose_normalised"], unknown = _purpose(cells.get("purpose", ""), _legend_for(rec, legends))
        for code in unknown:
            anomalies.append(_anomaly(row, "purpose_code", "a code in the grid's purpose legend", code,
                                      f"purpose {cells['purpose']!r}: code {code} is not in the legend"))
        rows.append(row)
    return _Parsed(pd.DataFrame(rows, dtype=object), anomalies, rejections)


def _checks(df: pd.DataFrame) -> list[dict]:
    """Reconciliation: alerts add up, the printed rate matches, dates run in order, no repeats."""
    found = []
    previous: dict[str, pd.Series] = {}
    first_seen: dict[tuple, str] = {}
    for _, r in df.iterrows():
        true, false, total = r["true_alerts"], r["false_alerts"], r["total_alerts"]
        if not (pd.isna(true) or pd.isna(false) or pd.isna(total)) and total != true + false:
            found.append(_anomaly(r, "alerts_sum", true + false, total,
                                  f"total alerts {total} != true alerts {true} + false alerts {false}"))
        faces, rate, decimals = r["faces_seen"], r["false_alert_rate"], r["_rate_decimals"]
        if not (pd.isna(false) or pd.isna(faces) or pd.isna(rate)) and faces > 0:
            computed = 100 * false / faces
            unit = 10.0 ** -decimals
            # Within printed precision: the grids both round and truncate, so allow one unit either way.
            if abs(computed - 100 * rate) >= unit - 1e-9:
                found.append(_anomaly(r, "false_alert_rate", f"{computed:.{decimals}f}%", r["false_alert_rate_printed"],
                                      f"false alerts {false} / faces seen {faces} = {computed:.4f}%; printed "
                                      f"{r['false_alert_rate_printed']}"))
        before = previous.get(r["source_file"])
        if before is not None and r["date"] < before["date"]:
            found.append(_anomaly(r, "date_order", f"on or after {before['date']:%Y-%m-%d}", f"{r['date']:%Y-%m-%d}",
                                  f"printed after {before['deployment_id']}"))
        previous[r["source_file"]] = r
        key = (r["date"], str(r["location"]).casefold(), r["duration_minutes"], r["faces_seen"], r["total_alerts"])
        if any(pd.isna(k) for k in key[2:]):
            key = (*key[:2], r["source_file"], r["row"])  # too little printed to call it a repeat
        if key in first_seen:
            found.append(_anomaly(r, "duplicate", "listed once", f"also {first_seen[key]}",
                                  "same date, location, duration, faces seen and alerts as an earlier row"))
        else:
            first_seen[key] = r["deployment_id"]
    return found


def _finish(parsed: list[_Parsed]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed deployments with their flags, and the anomalies table."""
    frames = [p.rows for p in parsed if len(p.rows)]
    rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*DEPLOYMENT_COLUMNS, "_rate_decimals"])
    rows = rows.sort_values(["source_file", "row"], kind="stable").reset_index(drop=True)
    anomalies = [a for p in parsed for a in p.anomalies] + _checks(rows)
    order = {d: i for i, d in enumerate(rows["deployment_id"])}
    anomalies.sort(key=lambda a: (order[a["deployment_id"]], CHECKS.index(a["check"]), a["found"]))
    flags: dict[str, list[str]] = {}
    for a in anomalies:
        flags.setdefault(a["deployment_id"], [])
        if a["check"] not in flags[a["deployment_id"]]:
            flags[a["deployment_id"]].append(a["check"])
    rows["flags"] = rows["deployment_id"].map(lambda d: ";".join(flags[d]) if d in flags else None)
    return _typed(rows), _anomaly_frame(anomalies)


def _typed(rows: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=rows.index)
    for c in DEPLOYMENT_COLUMNS:
        values = rows[c] if c in rows.columns else pd.Series(None, index=rows.index, dtype="object")
        if c == "date":
            out[c] = pd.to_datetime(values).astype("datetime64[ns]")
        elif c in COUNTS or c in ("page", "row", "duration_minutes"):
            out[c] = pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64")
        elif c in ("threshold", "false_alert_rate"):
            out[c] = pd.array([None if pd.isna(v) else float(v) for v in values], dtype="Float64")
        else:
            out[c] = pd.array([None if pd.isna(v) else str(v) for v in values], dtype="string")
    return out


def _anomaly_frame(anomalies: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(anomalies, columns=ANOMALY_COLUMNS)
    out = df.astype({c: "string" for c in ANOMALY_COLUMNS if c != "page"})
    out["page"] = pd.array(df["page"].tolist(), dtype="Int64")
    return out[ANOMALY_COLUMNS]


def parse_grid(pdf_path: Path | str) -> tuple[pd.DataFrame, list[Rejection]]:
    """Every deployment row of one grid PDF, reconciled and flagged, and the values that failed.

    Raises ``GridError`` (naming the file) for a grid that cannot be read at all.
    """
    parsed = _parse(Path(pdf_path))
    deployments, _ = _finish([parsed])
    return deployments, parsed.rejections


def _summary(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    grouped = df.groupby(by, sort=True, dropna=False)
    out = pd.DataFrame({
        "deployments": grouped.size(),
        "deployments_with_results": grouped["status"].agg(lambda s: int((s == "ok").sum())),
    })
    for m in METRICS:
        out[m] = grouped[m].sum(min_count=1)
    # The rate over deployments that printed both numbers, not a mean of per-deployment rates.
    both = df[df["false_alerts"].notna() & df["faces_seen"].notna()].groupby(by, sort=True, dropna=False)
    out["false_alert_rate"] = both["false_alerts"].sum() / both["faces_seen"].sum()
    out = out.reset_index()
    for c in ["deployments", "deployments_with_results", *METRICS]:
        out[c] = out[c].astype("Int64")
    out["false_alert_rate"] = out["false_alert_rate"].astype("Float64")
    return out


def yearly(deployments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Totals per calendar year (of the printed date), and per year and purpose."""
    df = deployments.assign(year=deployments["date"].dt.year.astype("Int64"))
    by_year = _summary(df, ["year"])
    by_purpose = _summary(df, ["year", "purpose_normalised"])
    by_purpose["purpose_normalised"] = by_purpose["purpose_normalised"].astype("string")
    return by_year, by_purpose


BLUE_COLUMNS = ["reference", "row", "deployment_date", "true_alert_rate", "false_alert_rate", "match",
                "n_blue_list_rows_on_date", "n_deployments_on_date", "deployment_id", "source_file", "location",
                "duration_minutes", "faces_seen", "total_alerts", "true_alerts", "false_alerts"]
MISSING_COLUMNS = ["reference", "period_start", "period_end", "deployment_id", "source_file", "date", "location"]


def blue_list_join(blue_list: pd.DataFrame, deployments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Blue-list results paired with the deployments of the same date, and the deployments missing one.

    The disclosure gives only a date per result, so where a date has several results and several
    deployments every pairing is listed and marked "ambiguous": which result belongs to which
    deployment is not printed. A result on a date with no deployment is kept with empty deployment
    fields ("no deployment"). A deployment is missing when it falls inside a disclosure's blue-list
    period (its first to last date) and that disclosure has no result for its date.
    """
    blue = blue_list[["reference", "row", "deployment_date", "true_alert_rate", "false_alert_rate"]].copy()
    blue["deployment_date"] = pd.to_datetime(blue["deployment_date"]).astype("datetime64[ns]")
    blue["n_blue_list_rows_on_date"] = blue.groupby(["reference", "deployment_date"])["row"].transform("size")
    dep = deployments[["deployment_id", "source_file", "date", "location", "duration_minutes", "faces_seen",
                       "total_alerts", "true_alerts", "false_alerts"]]
    per_date = dep.groupby("date").size().rename("n_deployments_on_date")
    joined = blue.merge(dep, how="left", left_on="deployment_date", right_on="date", sort=False)
    joined = joined.join(per_date, on="deployment_date")
    joined["n_deployments_on_date"] = joined["n_deployments_on_date"].fillna(0)
    one = (joined["n_blue_list_rows_on_date"] == 1) & (joined["n_deployments_on_date"] == 1)
    joined["match"] = "ambiguous"
    joined.loc[one, "match"] = "one-to-one"
    joined.loc[joined["n_deployments_on_date"] == 0, "match"] = "no deployment"
    joined = joined.sort_values(["reference", "row", "source_file", "deployment_id"], kind="stable")
    joined = joined[BLUE_COLUMNS].reset_index(drop=True)
    joined = joined.astype({"match": "string", "n_blue_list_rows_on_date": "Int64", "n_deployments_on_date": "Int64"})

    # Deployments inside each disclosure's period (a range join), less the dates it has results for.
    periods = blue.groupby("reference", sort=True)["deployment_date"].agg(period_start="min", period_end="max").reset_index()
    inside = periods.merge(dep, how="cross")
    inside = inside[(inside["date"] >= inside["period_start"]) & (inside["date"] <= inside["period_end"])]
    has_result = inside.set_index(["reference", "date"]).index.isin(blue.set_index(["reference", "deployment_date"]).index)
    missing_df = inside.loc[~has_result, MISSING_COLUMNS].sort_values(["reference", "date", "deployment_id"], kind="stable")
    missing_df = missing_df.reset_index(drop=True).astype(
        {c: "string" for c in ("reference", "deployment_id", "source_file", "location")})
    for c in ("period_start", "period_end", "date"):
        missing_df[c] = pd.to_datetime(missing_df[c]).astype("datetime64[ns]")
    return joined, missing_df


def read_grid(path: Path) -> _Parsed:
    """One grid's rows, anomalies and rejections before the cross-grid checks (what the build caches)."""
    return _parse(path)


def build_tables(grid_dir: Path | str, blue_list: pd.DataFrame, read=read_grid) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """Every ``*.pdf`` grid in ``grid_dir`` -> the deployment tables; an unreadable grid is a Rejection.

    ``read`` parses one PDF (the build passes one that goes through its cache)."""
    parsed, rejections = [], []
    for path in sorted(Path(grid_dir).glob("*.pdf")):
        try:
            p = read(path)
        except GridError as err:
            rejections.append(Rejection(f"grids/{path.name}", "file", path.name, str(err)))
            continue
        parsed.append(p)
        rejections += p.rejections
    deployments, anomalies = _finish(parsed)
    joined, missing = blue_list_join(blue_list, deployments)
    by_year, by_purpose = yearly(deployments)
    tables = {
        "deployments": deployments,
        "deployment_anomalies": anomalies,
        "blue_list_deployments": joined,
        "blue_list_missing": missing,
        "deployments_yearly": by_year,
        "deployments_by_purpose": by_purpose,
    }
    return tables, rejections
