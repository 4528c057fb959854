"""Deterministic synthetic corpora (seeded) in the project's real formats.

- raw disclosure records, as in data/raw/disclosures/*.yaml;
- saved response texts, in the shapes of the seed letters (a force's disclosure-log page and a
  WhatDoTheyKnow thread), for the extractor.

All names are invented roles ("FOI Officer"), never people.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

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


def write_raw_corpus(n: int, dest: Path, seed: int = 2026) -> Path:
    """``dest/raw/disclosures/*.yaml`` with n records; returns ``dest/raw``."""
    rng = random.Random(seed)
    folder = dest / "raw" / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    (dest / "raw" / "grids").mkdir(exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for i in range(n):
        text = yaml.dump(record(i, rng), Dumper=dumper, sort_keys=False, allow_unicode=True)
        (folder / f"syn-{i:07d}.yaml").write_text(text, encoding="utf-8")
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
