"""Deterministic synthetic corpora (seeded) in the project's real formats.

- raw disclosure records, as in data/raw/disclosures/*.yaml;
- saved response texts, in the shapes of the seed letters (a force's disclosure-log page and a
  WhatDoTheyKnow thread), for the extractor.

All names are invented roles ("FOI Officer"), never people.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path


AUTHORITIES = ["Metropolitan Police Service", "West Midlands Police", "Greater Manchester Police",
               "South Wales Police", "Essex Police", "Police Scotland", "Mayor's Office for Policing and Crime",
               "Kent Police", "Merseyside Police", "Police Service of Northern Ireland"]
CITATIONS = ["Section 31(1)(a)(b) - Law Enforcement", "Section 40(2)(a)(b) and (3)(a)(i)(ii)(b) Personal information",
             "Section 42(1) Legal Professional Privilege", "Section 43 (2) Commercial Interests",
             "Section 24(1) National Security;", "Section 24(2) National Security;", "Section 31(3) Law enforcement;",
             "S.23(5) Security bodies", "Section 22 (1)(a) Information Intended for Future Publication;",
             "Section 12(1) cost limit", "s.38(1)(a) & (b) Health and Safety", "Section 30(1)(a)"]
OUTCOMES = ["disclosed", "partially_disclosed", "refused", "ncnd", "not_held"]
Q_OUTCOMES = ["disclosed", "partially_disclosed", "exempt", "not_held", "publicly_available", "answered"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
START = dt.date(2015, 1, 5)


def _printed(d: dt.date, rng: random.Random) -> str:
    if rng.random() < 0.8:
        return d.strftime("%d/%m/%Y")
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d.day}{suffix} {MONTHS[d.month - 1]} {d.year}"


def record(i: int, rng: random.Random) -> dict:
    received = START + dt.timedelta(days=rng.randrange(0, 3800))
    events = [{"event": "received", "date": _printed(received, rng)}]
    reply = received + dt.timedelta(days=rng.randrange(5, 70))
    if rng.random() < 0.2:
        notice = received + dt.timedelta(days=rng.randrange(10, 30))
        events.append({"event": "extension_notice", "date": _printed(notice, rng)})
        events.append({"event": "extension_estimate", "date": _printed(notice + dt.timedelta(days=28), rng)})
    events.append({"event": "response", "date": _printed(reply, rng)})
    n_q = rng.randrange(1, 8)
    rec = {
        "reference": f"SYN.{i:07d}",
        "authority": rng.choice(AUTHORITIES),
        "source": {"title": f"Synthetic disclosure {i}", "kind": "synthetic"},
        "date_received": None,
        "date_responded": None,
        "outcome": rng.choice(OUTCOMES),
        "events": events,
        "exemptions": [{"raw": c, "stage": "response", "questions": [str(rng.randrange(1, n_q + 1))]}
                       for c in rng.sample(CITATIONS, rng.randrange(0, 4))],
        "questions": [{"question": str(q), "outcome": rng.choice(Q_OUTCOMES)} for q in range(1, n_q + 1)],
        "tables": [],
    }
    if rng.random() < 0.05:
        rec["tables"].append({"kind": "blue_list", "columns": ["Date", "Blue List True Alert Rate", "Blue List False Alert Rate"],
                              "rows": [[(received - dt.timedelta(days=k)).strftime("%d/%m/%Y"), "100%", "0%"] for k in range(3)]})
    return rec


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def to_yaml(value, indent: str = "") -> str:
    """Block-style YAML for the records' shapes (mappings, lists, scalars), as people write them.

    PyYAML's emitter takes ~2 ms a record (a 1M corpus would take half an hour to write); this
    takes microseconds. tests/test_benchmarks.py checks it reads back to the same record.
    """
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{indent}{key}:\n" + to_yaml(item, indent + "  ").rstrip("\n"))
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{indent}{key}:")
            for element in item:
                body = to_yaml(element, indent + "    ")
                lines.append(f"{indent}  - " + body[len(indent) + 4:].rstrip("\n"))
        elif isinstance(item, list):
            cells = ", ".join(_scalar(c) if not isinstance(c, list) else "[" + ", ".join(map(_scalar, c)) + "]" for c in item)
            lines.append(f"{indent}{key}: [{cells}]")
        else:
            lines.append(f"{indent}{key}: {_scalar(item)}")
    return "\n".join(lines) + "\n"


def write_raw_corpus(n: int, dest: Path, seed: int = 2026) -> Path:
    """``dest/raw/disclosures/*.yaml`` with n records; returns ``dest/raw``."""
    rng = random.Random(seed)
    folder = dest / "raw" / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    (dest / "raw" / "grids").mkdir(exist_ok=True)
    for i in range(n):
        with open(folder / f"syn-{i:07d}.yaml", "w", encoding="utf-8") as fh:
            fh.write(to_yaml(record(i, rng)))
    return dest / "raw"


def response_text(i: int, rng: random.Random) -> str:
    """A saved response in one of the seed letters' shapes."""
    rec = record(i, rng)
    ref, authority = rec["reference"], rec["authority"]
    received = rec["events"][0]["date"]
    cites = "\n".join(e["raw"] for e in rec["exemptions"]) or "None"
    questions = "\n".join(f"{q['question']}. Please provide the records of facial recognition use number {q['question']}."
                          for q in rec["questions"])
    if rng.random() < 0.5:
        return (
            "We use some essential cookies to make our website work.\n"
            f"Freedom of information request reference no: {ref}\n"
            "I note you seek access to the following information:\n"
            f"{questions}\n"
            "Decision\n"
            "I have today decided to disclose some of the requested information. This response serves as a "
            "Refusal Notice under Section 17 of the Freedom of Information Act 2000 (the Act) by virtue of the "
            f"following exemptions:\n{cites}\n"
            "Disclosure\nDate |\nTrue Alert Rate |\n06/04/2023 |\n100% |\n"
        )
    return (
        f"Facial recognition records\n\nDear {authority},\n\n{questions}\n\nYours faithfully,\n\nA Requester\n\n"
        f"{authority}\n\nDear Requester\n\nFreedom of Information Request Reference No: {ref}\n\n"
        f"I write in connection with your request for information which was received by the {authority} on "
        f"{received}.\n\nDECISION\nSome data has been withheld by virtue of the following exemptions:\n{cites}\n\n"
        "Yours sincerely\n\nFOI Officer\n"
    )


def response_texts(n: int, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    return [response_text(i, rng) for i in range(n)]
