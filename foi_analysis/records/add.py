"""`foi-analysis add DRAFT...`: a reviewed draft becomes a record of the corpus.

The step after `extract` and a person's review. For each draft: refuse it while it still carries
the ``UNREVIEWED DRAFT`` header; validate the whole record and list every problem at once, each
with file, field and value (``disclosures.read_record``); check the authority against
``authorities.csv`` (an alias names its canonical form, an unknown name the nearest known ones);
refuse a record whose identity (authority, reference) is already in the corpus unless
``--replace`` (two authorities may both have an "FOI 506"). A draft that passes is written to ``data/raw/disclosures/`` under a safe
name made of authority and reference; then the tables are rebuilt and what changed in each table
is printed (the command line does that part: records know nothing of the build). A draft with
any problem is not written; the others still are.

A correction is ``--replace``: it overwrites the record's file (the same file, whatever its name)
and lists what it changes, field by field, since the old text is then gone from data/raw/; a draft
identical to the record is not written. A draft with a new identity but the source title of a
record of the same authority is added with a warning: if it corrects that record's reference, the
old record must go, or the request counts twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from . import authorities, disclosures, people
from .quarantine import WHOLE_FILE, Rejection

DRAFT_MARK = "UNREVIEWED DRAFT"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("drafts", nargs="+", metavar="DRAFT", type=Path, help="reviewed draft records (YAML)")
    p.add_argument("--replace", action="store_true",
                   help="overwrite the record already in the corpus with the same authority and reference")
    p.add_argument("--no-build", action="store_true", help="do not rebuild the tables afterwards")


def safe_name(authority: str, reference: str) -> str:
    """'Avon and Somerset Constabulary', '992/20' -> 'avon-and-somerset-constabulary-992-20.yaml'."""
    def slug(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-.")

    name = f"{slug(authority).lower()}-{slug(reference)}"
    if len(name) > NAME_MAX:  # a file name may hold 255 bytes: a long reference keeps its start and a digest of it
        digest = hashlib.sha256(f"{authority}\0{reference}".encode()).hexdigest()[:12]
        name = f"{name[:NAME_MAX - 13]}-{digest}"
    return f"{name}.yaml"


# The longest record file name made (before ".yaml"), well within any file system's 255 bytes.
NAME_MAX = 120


@dataclass
class Draft:
    path: Path
    text: str = ""
    record: disclosures.Disclosure | None = None
    target: Path | None = None
    changes: list[str] | None = None  # with --replace: what the draft changes in the record it replaces
    old_text: str = ""  # with --replace: the record's text before
    warnings: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    """The readable records already in the corpus: file name -> (authority, reference), and
    (authority, source title) -> file names (a draft that corrects a record's reference is a new
    identity with the old one's source)."""
    identities: dict[str, tuple[str, str]] = field(default_factory=dict)
    sources: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (authority, date received, date responded) -> file names: the same request read again under another
    # reference (a copy whose reference was misread, an ICO decision notice giving its case number) has them.
    days: dict[tuple, list[str]] = field(default_factory=dict)

    def keep(self, name: str, record: disclosures.Disclosure) -> None:
        self.identities[name] = (record.authority, record.reference)
        self.sources.setdefault((record.authority, record.source_title), []).append(name)
        if record.date_received is not None and record.date_responded is not None:
            self.days.setdefault(_days(record), []).append(name)


def _days(record: disclosures.Disclosure) -> tuple:
    return record.authority, record.date_received, record.date_responded


def _corpus(folder: Path) -> Corpus:
    out = Corpus()
    for path in sorted(folder.glob("*.y*ml")):
        d = disclosures.read_record(path.read_text(encoding="utf-8", errors="replace"), path.name, [])
        if d is not None:
            out.keep(path.name, d)
    return out


def _shown(value) -> str:
    """A field's value in one line, as YAML's flow style would write it."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def changes(old: dict, new: dict) -> list[str]:
    """What a corrected record changes, field by field: 'outcome: "refused" -> "partially_disclosed"';
    for a list (events, exemptions, questions...), each entry removed and added."""
    out = []
    for key in list(old) + [k for k in new if k not in old]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, list) and isinstance(after, list):
            gone = [e for e in before if e not in after]
            came = [e for e in after if e not in before]
            parts = [f"- {_shown(e)}" for e in gone] + [f"+ {_shown(e)}" for e in came]
            out.append(f"{key}: " + ("; ".join(parts) if parts else "same entries, another order"))
        else:
            out.append(f"{key}: {_shown(before)} -> {_shown(after)}")
    return out


def check(draft: Draft, corpus: Corpus, replace: bool, folder: Path) -> list[Rejection]:
    """Every problem of one draft (empty: it may be added); sets ``draft.record`` and ``draft.target``."""
    name = draft.path.name
    try:
        draft.text = disclosures.decode(draft.path.read_bytes())
    except OSError as err:
        return [Rejection(name, WHOLE_FILE, "", f"cannot read: {err.strerror or err}")]
    except ValueError as err:  # not text, or too large to be a record (what the build says of it)
        return [Rejection(name, WHOLE_FILE, "", str(err))]
    problems: list[Rejection] = []
    head = draft.text.removeprefix("\ufeff").lstrip().splitlines()[:5]
    if any(line.startswith("#") and DRAFT_MARK in line for line in head):
        problems.append(Rejection(name, "(header)", DRAFT_MARK, "not reviewed yet: check every field against the "
                                  "document, then delete the UNREVIEWED DRAFT header lines"))
    rejections: list[Rejection] = []
    record = disclosures.read_record(draft.text, name, rejections)
    problems += rejections  # every problem, row-level ones included: a record enters the corpus clean
    fields = disclosures.read_mapping(draft.text, name, []) or {}
    for where, person, kind in _named_people(fields):  # refused, not warned: once written, the name is in data/raw
        problems.append(Rejection(name, where, person, f"looks like a person's name ({_WHERE_FOUND[kind]}): no person's "
                                  "name goes into data/raw; write a role ('the requester', 'the disclosure officer') or "
                                  f"'{people.PLACEHOLDER}' instead{_TEAM_ADDRESS if kind == 'email' else ''}"))
    authority = fields.get("authority")
    if (isinstance(authority, str) and authority.strip() and not any(r.field == "authority" for r in rejections)
            and (why := authorities.problem(authority.strip())) is not None):
        problems.append(Rejection(name, "authority", authority, why))
    if record is None:
        return problems
    identity = (record.authority, record.reference)
    same = [f for f, ident in corpus.identities.items() if ident == identity]
    target = folder / (same[0] if same else safe_name(*identity))
    shown = target.relative_to(config.ROOT) if target.is_relative_to(config.ROOT) else target
    if (same or target.exists()) and not replace:
        problems.append(Rejection(name, "reference", record.reference,
                                  f"{record.authority} {record.reference} is already in the corpus as {shown}; "
                                  "if the draft is the same response brought again, nothing is to be done (delete "
                                  "the draft); if it corrects the record, use --replace (add then lists what it changes)"))
    if replace and not same:
        # A correction keeps its record's identity: none matching is a typo in it, most often, which
        # would otherwise add a second record of the same request.
        problems.append(Rejection(name, "reference", record.reference,
                                  f"no record of {record.authority} {record.reference} to replace: check the draft's "
                                  "authority and reference, or add it without --replace if it is a new record"))
    if same and replace:
        draft.old_text = target.read_text(encoding="utf-8", errors="replace")
        old = disclosures.read_mapping(draft.old_text, target.name, []) or {}
        draft.changes = changes(old, fields)
        if emptied := [key for key, value in old.items() if value not in EMPTY and fields.get(key) in EMPTY]:
            # A draft extracted from a letter that corrects one answer holds only that letter's fields:
            # replacing the record with it loses what the first response gave.
            draft.warnings.append(
                f"this correction empties {', '.join(emptied)}, which the record filled; if the draft was extracted from "
                f"a letter that corrects only part of the response, start from a copy of the record instead (cp {shown} "
                "drafts/), change only what the letter corrects, add an 'update' event dated as the letter, and "
                "add --replace that")
    elif not same:
        # A new identity with the source of a record already there, or received and answered the same days
        # by the same authority: a corrected reference, or the same request brought again under another
        # reference, adds a second request unless one of them goes (the build cannot tell them apart).
        why: dict[str, list[str]] = {}
        for other in corpus.sources.get((record.authority, record.source_title), []):
            why.setdefault(other, []).append("has the same source title")
        for other in corpus.days.get(_days(record), []) if record.date_received and record.date_responded else []:
            why.setdefault(other, []).append("was received and answered on the same days")
        new = target.relative_to(config.ROOT) if target.is_relative_to(config.ROOT) else target
        for other, reasons in why.items():
            draft.warnings.append(
                f"{other} ({record.authority} {corpus.identities[other][1]}) {' and '.join(reasons)}: if this draft "
                f"corrects its reference, remove the old record (git rm data/raw/disclosures/{other}) and build; if it "
                f"is that request again (the same response saved twice, or a document about it such as an ICO decision "
                f"notice), remove the new file ({new}), put what is new into {other} and add --replace it; "
                "if it is another request, nothing to do")
    if record.exemptions and record.law == "FOIA" and _SCOTTISH.search(record.authority):
        draft.warnings.append(
            "this request looks answered under FOISA (Scotland), whose section numbers mean other exemptions than "
            "FOIA's (FOISA s35 is law enforcement, FOIA s35 policy formulation), but the record has no 'law: FOISA': "
            "its sections are named from the FOIA catalogue; add the field if it is FOISA (data/raw/README.md)")
    draft.record, draft.target = record, target
    return problems


# Where a name was found (records.people): the place a letter puts one, not a list of names.
_WHERE_FOUND = {"greeting": "after a greeting, 'Dear ...'", "signature": "under a sign-off, 'Yours sincerely' or 'Regards'",
                "labelled": "the value of a label such as 'Requester:', 'Name:', 'Officer in case:' or 'From:'",
                "signed by": "after 'signed', 'approved by', 'on behalf of' or 'Applicant'", "title": "after a title, 'Mr', 'Ms', 'Dr'",
                "email": "a person's email address", "above a role": "on the line above a role, or before it after a comma "
                "('Disclosure Officer', 'Head of ...')", "table": "in a table's cell under or beside a 'Name' or 'Officer' label",
                "rank": "after a rank or office, 'DCI', 'Supt', 'Commissioner', or a role and a comma",
                "addressed": "after 'FAO', 'Attn', 'c/o' or 'Response to'", "spoken to": "after 'spoke to', 'emailed' or "
                "before 'wrote:'", "display name": "a display name before an email address, 'Jane Doe <...>'",
                "subject": "alone at the end of a subject or title, after ' - ' or ' | '",
                "in a sentence": "in a sentence before 'said', 'agreed', 'confirmed' or 'explained'",
                "address": "in a profile page's address, '.../user/jane_doe'"}
_TEAM_ADDRESS = " (a team's address, such as foi@ or information.rights@, may stay)"


def _named_people(value, where: str = "") -> list[tuple[str, str, str]]:
    """(field path, words, where found) for each person's name in a record's text values, at any depth;
    a table's cells are read with their labels and column headings."""
    if isinstance(value, dict):
        out = [hit for key, v in value.items() if not (key in ("columns", "rows") and "columns" in value)
               for hit in _named_people(v, f"{where}.{key}" if where else str(key))]
        if "columns" in value and isinstance(value["columns"], list):
            out += [(f"{where}.{cell}", words, kind) for cell, words, kind in people.table_names(value["columns"], value.get("rows"))]
        return out
    if isinstance(value, list):
        return [hit for i, v in enumerate(value) for hit in _named_people(v, f"{where}[{i}]")]
    return [(where, n.words, n.kind) for n in people.find(value)] if isinstance(value, str) else []


# A field's value that holds nothing (for --replace's warning about a correction that empties a field).
EMPTY = (None, "", [], {})

# A Scottish authority answers under FOISA ("New Scotland Yard" is the Met's alias, never a canonical
# name). A record whose citations name FOISA without 'law: FOISA' never gets here: the record loader
# refuses it (disclosures: a citation naming the other Act).
_SCOTTISH = re.compile(r"\bScotland\b|\bScottish\b")


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def main(args: argparse.Namespace) -> tuple[int, list[Path]]:
    """Exit status (1 if any draft was refused) and the records written; the caller rebuilds."""
    folder = config.RAW_DISCLOSURES
    folder.mkdir(parents=True, exist_ok=True)
    corpus = _corpus(folder)
    added, refused = [], 0
    for path in args.drafts:
        draft = Draft(path)
        problems = check(draft, corpus, args.replace, folder)
        if problems:
            refused += 1
            _say(f"{path}: not added ({len(problems)} problem(s)):")
            for p in problems:
                _say(f"  {p}")
            continue
        where = f"{draft.target.relative_to(config.ROOT)} ({draft.record.authority}, {draft.record.reference})"
        text = draft.text.removeprefix("\ufeff")
        if draft.changes == [] and text == draft.old_text:  # --replace with the record as it is: nothing to write
            _say(f"{path}: unchanged: {where} already holds this record")
            continue
        _write_atomic(draft.target, text)
        corpus.keep(draft.target.name, draft.record)
        added.append(draft)
        if draft.changes is None:
            _say(f"{path}: added as {where}")
        else:  # the replaced text is gone from data/raw: git holds it, if it was committed
            _say(f"{path}: replaced {where}; what changed (the previous version is in git, if it was committed):")
            for line in draft.changes or ["no field changed (only comments or layout)"]:
                _say(f"  {line}")
        for warning in draft.warnings:
            _say(f"  warning: {warning}")
    if refused:
        _say(f"add: {refused} of {len(args.drafts)} draft(s) not added")
    if warned := sum(1 for d in added if d.warnings):
        _say(f"add: {warned} draft(s) added with a warning (above): settle each before committing")
    return (1 if refused else 0), [d.target for d in added]
