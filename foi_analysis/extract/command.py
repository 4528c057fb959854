"""Saved FOI response text -> a draft raw record for a person to review.

``foi-analysis extract FILE... [--json] [--out DIR]``: one draft YAML per input (in the format of
``data/raw/disclosures/``, never written there directly), or with ``--json`` a JSON array on
stdout. What the text does not support is left null: a draft states only what it can point to.

The reading is split by concern: ``text`` (bytes -> clean lines), ``doc`` (messages, quoted
passages, authority, reference), ``grounds`` (sections relied on), ``events`` (dated events) and
``answers`` (questions, tables, outcome).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .. import config, files
from ..records import people
from .answers import decide_outcome, enumerated_questions, find_questions, find_tables, nothing_held, question_refs, tab_tables, the_one_answer
from .doc import (body_by_form, build_doc, cue_words, normalise_authority, find_authority, find_references, only_asks_to_clarify,
                  reference_in_title, request_end, request_text)
from .events import MONTH_FIRST_NOTE, event_date, find_events
from .grounds import Found, find_citations, law_of, merge
from .text import InputError, clean_text, decode, html_to_text, looks_like_html, split_inline_request, unfold_answer_tables

# Plain words (lower case) that say what kind of document this is; see Doc.hits.
_WDTK = ("whatdotheyknow", "the request was successful", "the request was partially successful", "the request was refused",
         "the request was rejected", "show quoted sections", "awaiting classification", "long overdue")
_LOG = ("disclosure log", "request reference number", "date of response", "date published")
# A body that says the Act does not apply to it (the National Crime Agency, the security bodies, a
# company): its reply is no FOI response, and no outcome is read from it; the draft says why.
_NOT_SUBJECT_WORDS = ("not a public authority", "not subject to the", "not listed in schedule 1")
# A follow-up to the one question ("Has the force used X? If so, how many times?") is part of it, not another.
_IF_SO = re.compile(r"\bif (?:so|yes|not)\b[^?]{0,200}\?", re.I)
_NOT_SUBJECT = re.compile(r"\bnot a public authority (?:for the purposes of|under|as defined (?:by|in)) (?:the )?(?:Freedom of Information|FOI|the Act\b|this Act)"
                          r"|\b(?:is|are) not subject to the (?:Freedom of Information Act|FOIA?\b)"
                          r"|\b(?:is|are) not listed in Schedule 1 (?:to|of) the (?:Act|Freedom of Information Act|FOIA)", re.I)
cue_words(_WDTK, _LOG, _NOT_SUBJECT_WORDS)


@dataclass
class Extraction:
    source: str
    title: str | None
    kind: str
    authority: str | None
    reference: str | None
    other_references: list[dict]
    received: dict | None
    responded: dict | None
    events: list[dict]
    exemptions: list[Found]
    ncnd: bool
    outcome: str | None
    questions: list[dict]
    tables: list[dict]
    warnings: list[str]
    law: str | None = None  # "FOISA", "EIR" or "EISR" when the response says so; None: FOIA (the draft leaves the field out)

    @property
    def sections(self) -> list[str]:
        """Sections relied on, procedural grounds included; only "under consideration" is not reliance."""
        return sorted({f.section for f in self.exemptions if f.stage != "extension_notice"})

    def json(self) -> dict:
        return {
            "source": self.source,
            "authority": self.authority,
            "reference": self.reference,
            "date_received": self.received["date"].isoformat() if self.received else None,
            "date_responded": self.responded["date"].isoformat() if self.responded else None,
            "events": [{"date": e["date"].isoformat(), "event": e["event"]} for e in self.events],
            "exemptions": [f.json() for f in self.exemptions],
            "sections": self.sections,
            "ncnd": self.ncnd,
            "outcome": self.outcome,
            "questions": self.questions,
            "tables": self.tables,
        }

    def record(self) -> dict:
        """The draft in the format of data/raw/disclosures/*.yaml (dates as printed)."""
        rec: dict = {"reference": self.reference}
        if self.other_references:
            rec["other_references"] = self.other_references
        rec["authority"] = self.authority
        if self.law:
            rec["law"] = self.law
        rec["source"] = {"title": self.title, "file": Path(self.source).name, "kind": self.kind,
                         "notes": "; ".join(self.warnings) if self.warnings else None}
        rec["date_received"] = self.received["printed"] if self.received else None
        rec["date_responded"] = self.responded["printed"] if self.responded else None
        rec["outcome"] = self.outcome
        rec["events"] = [{"event": e["event"], "date": e["printed"], "note": e["note"]} for e in self.events]
        # One entry per citation as printed (the loader expands "31(1)(a)(b)" itself).
        rec["exemptions"] = []
        for f in self.exemptions:
            same = next((e for e in rec["exemptions"] if e["raw"] == f.raw and e["stage"] == f.stage), None)
            if same:
                same["questions"] = merge(same["questions"], f.questions)
            else:
                rec["exemptions"].append({"raw": f.raw, "stage": f.stage, "questions": list(f.questions)})
        rec["questions"] = [dict(q) for q in self.questions]
        rec["tables"] = self.tables
        return rec


# A saved email's header lines name its sender and recipient (an officer, the requester): never a title.
# Its subject is the title ("RE: FOI 24/1093 - cameras" -> "FOI 24/1093 - cameras").
_MAIL_HEAD = re.compile(r"^(?:From|To|Cc|Bcc|Sent)\s*:", re.IGNORECASE)
_SUBJECT = re.compile(r"(?:^|\s)Subject\s*:\s*(?:(?:RE|FW|FWD)\s*:\s*)*(.+?)(?=\s+(?:Dear|Good (?:morning|afternoon)|Hello)\b|$)", re.IGNORECASE)


def _title_of(unit: str) -> str | None:
    """The title a unit gives: none for a greeting or an email header line (its subject aside)."""
    low = unit[:8].lower()
    if low.startswith("dear"):
        return None
    if people.bare_name(unit, 2, capitals=False) and not (normalise_authority(unit) or body_by_form(unit)):
        return None  # a line that is only a person's name (the requester's, heading the address block)
    # (a name in it is written "[name]" before the title is cut: a word cut short is no name)
    if low.startswith("subject") or _MAIL_HEAD.match(unit):
        m = _SUBJECT.search(unit[:2000]) if "ubject" in unit[:2000] else None
        return (people.redact(m.group(1)[:400])[:150].strip() or None) if m else None
    return people.redact(unit[:400])[:150]  # (a name begun in the first 150 characters ends before 400)


_TITLE_PARTS = re.compile(r"\s+[|\-–—:]\s+")


def authority_in_title(title: str) -> str | None:
    """The one body a page's title names as a part of its own ("... | Castlemere Borough Council"), else None."""
    names = {name for part in _TITLE_PARTS.split(title) if (name := normalise_authority(part.strip()) or body_by_form(part.strip()))}
    return names.pop() if len(names) == 1 else None


NOT_A_RESPONSE = ("no reference, outcome or dated event read: check that this is an FOI response (a press release or "
                  "news page is not: delete its draft; a letter that is one: fill those fields from it)")


def extract_text(text: str, source: str = "<text>", warnings: list[str] | None = None) -> Extraction:
    """Read one saved response (plain text or HTML) into an ``Extraction``."""
    warnings = list(warnings or [])
    title = None
    looks_html = looks_like_html(text)
    if looks_html:
        text, title = html_to_text(text)
        if title:
            title = people.redact(re.sub(r"\s*[-|–]\s*WhatDoTheyKnow\s*$", "", title))
    if "\t" in text:
        text = tab_tables(text)  # (cells split by tabs, as pasted from a spreadsheet: before tabs become spaces)
    lines, plain, outside_ascii = clean_text(text)
    if not any(lines):
        # Only spaces and invisible characters (zero-width spaces, byte-order marks): nothing to read.
        raise InputError("empty file (only spaces or invisible characters)")
    if "|" in text:
        lines = unfold_answer_tables(lines)
    lines = split_inline_request(lines)
    doc = build_doc(lines, plain, outside_ascii)
    if title is None:
        title = next(filter(None, map(_title_of, doc.units)), None)

    reference, others = find_references(doc)
    if reference is None and title and looks_html:
        reference = reference_in_title(title)
    authority = find_authority(doc)
    if authority is None and title and looks_html:
        # A web page whose text names no body (its logo and footer are page furniture) names its site in its
        # title: "Facial recognition in council CCTV | Castlemere Borough Council".
        authority = authority_in_title(title)
    law = law_of(doc)
    found = find_citations(doc, question_refs, law)
    tables = find_tables(doc)
    questions = find_questions(doc, enumerated_questions(doc), found, tables, warnings)
    events = find_events(doc)
    for order, what in ((MONTH_FIRST_NOTE, "read month first, as the letter's own dates show"),
                        ("may be month first", "read day first, though the letter prints its dates in words month first")):
        if flagged := [e["printed"] for e in events if order in e["note"]]:
            warnings.append(f"numeric dates {what}: {', '.join(dict.fromkeys(flagged))}; check them")
    received = event_date(events, "received", warnings)
    responded = event_date(events, "response", warnings)
    outcome, ncnd = decide_outcome(doc, found, questions, tables, law or "FOIA")
    if only_asks_to_clarify(doc):
        # (the numbered points it asks about are not the request's questions; its advice is no answer)
        questions, outcome = [], None
        warnings.append("a request for clarification (FOIA s1(3)): no outcome or answer is read")
    if questions and outcome == "not_held" and all(q["outcome"] is None for q in questions) and nothing_held(doc):
        # One statement that nothing requested is held answers every question.
        questions = [{**q, "outcome": "not_held"} for q in questions]
    asked = request_text(doc)
    one = not questions and asked and len(asked) <= 600 and asked.count("?") - len(_IF_SO.findall(asked)) <= 1
    if (one and outcome is None and (at := request_end(doc)) is not None and (given := the_one_answer(doc, at))
            and next(doc.search(_NOT_SUBJECT, _NOT_SUBJECT_WORDS), None) is None):  # (no FOI answer from a body outside the Act)
        # No verdict words, and the answer to the one question gives it ("There were 12 deployments.").
        questions = [{"question": "1", "outcome": given}]
        outcome, ncnd = decide_outcome(doc, found, questions, tables, law or "FOIA")
    if not questions and outcome and one:
        # A request of one unnumbered question: its outcome is the response's.
        # A refusal on cost or as vexatious (s12/s14) answers no question: it is not an exemption.
        procedural = outcome == "refused" and not any(f.stage != "extension_notice" and not f.procedural and not f.ncnd for f in found)
        questions = [{"question": "1", "outcome": None if procedural else {"refused": "exempt"}.get(outcome, outcome)}]
    warnings += [f"question {q['question']}: outcome not stated" for q in questions if q["outcome"] is None]
    if outcome is None and next(doc.search(_NOT_SUBJECT, _NOT_SUBJECT_WORDS), None):
        warnings.append("the body says it is not subject to the Freedom of Information Act: no FOI outcome is read")
    if law == "EIR":  # its exemptions are the regulations cited (grounds.find_citations)
        warnings.append("an EIR response: its exceptions are drafted as regulations (law: EIR)")
        # A response that answers part of the request under FOIA relies on its sections too: a record has one law,
        # so they are not drafted; say which, so that they are not lost unseen.
        if foia := sorted({f.citation for f in find_citations(doc, question_refs, None)
                           if f.stage != "extension_notice" and not f.procedural and f.section not in ("21", "39")}):
            warnings.append(f"FOIA section{'s' if len(foia) > 1 else ''} also relied on, not drafted (one law per record): "
                            f"{', '.join(foia)}; record that part by hand")
    elif law == "EISR":  # Scotland's: regulations 10 and 11
        warnings.append("an EISR (Scotland) response: its exceptions are drafted as regulations (law: EISR)")
    elif law == "FOISA":
        warnings.append("a FOISA (Scotland) response: section numbers are FOISA's, not FOIA's (drafted as law: FOISA)")
    if not any([reference, authority, found, outcome, events]):
        raise InputError("no FOI response found (no reference, authority, citation, decision or dated event)")
    if reference is None and outcome is None and not events:
        # Only a body's name (or a citation) was found: a news page or a press release names a force too.
        warnings.append(NOT_A_RESPONSE)
    # (lines dropped as page furniture: a web page's, counted only when the thread's words are not there)
    kind = "whatdotheyknow_thread" if doc.hits(_WDTK) else (
        "disclosure_log" if len(lines) < text.count("\n") + 1 or doc.hits(_LOG) else "letter")
    # No person's name goes into a draft (it would go into data/raw): what the letter's greeting, signature
    # or labelled lines ("Requester:", "Officer in case | ...") name is written "[name]" in the text
    # fields copied from it, the title included (_title_of; records.people; add refuses what is found
    # there, the review the rest).
    redacted = {raw: people.redact(raw) for raw in {f.raw for f in found}}  # (a citation's words are each of its sections' raw)
    found = [replace(f, raw=redacted[f.raw]) for f in found]
    tables = [people.redact_table(t) for t in tables]
    warnings = [people.redact(w) for w in warnings]
    return Extraction(source, title, kind, authority, reference, others, received, responded, events, found, ncnd, outcome,
                      questions, tables, warnings, law)


MAX_BYTES = 10_000_000  # a saved response is a few kB to a few MB; more is not a letter


def extract_file(path: Path) -> Extraction:
    """Read one saved response: text, HTML, PDF (its text layer, via pypdfium2), a saved email or a Word .docx."""
    if not _utf8(path.name):  # (copied into the draft as source.file: UTF-8 text; the build says so of a record too)
        raise InputError(files.NOT_UTF8_NAME)
    try:
        data = files.read_bounded(path, MAX_BYTES)
    except files.TooLarge as err:
        raise InputError(f"file too large: {err.size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one saved "
                         "response (split it, or save only the response's own pages)") from None
    except files.NotAFile as err:
        raise InputError(str(err)) from None
    if data.startswith(b"%PDF"):
        from .pdf import pdf_text  # PDFium loads only when a PDF comes

        return extract_text(pdf_text(data), str(path))
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError("an RTF document: open it in a word processor and save it as PDF or plain text, then extract that")
    if path.suffix.lower() == ".eml":
        text, warnings = email_text(data)
        return extract_text(text, str(path), warnings)
    if path.suffix.lower() == ".docx" and data.startswith(b"PK\x03\x04"):
        from .word import docx_text  # python-docx (and lxml) load only when a Word document comes

        warnings: list[str] = []
        return extract_text(docx_text(data, warnings), str(path), warnings)
    text, warnings = decode(data)
    return extract_text(text, str(path), warnings)


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # (bytes that were not UTF-8, kept by the file system's decoding as lone surrogates)
        return False
    return True


def shown(path: Path) -> str:
    """A path as a message names it, on one line: a line break or an undecodable byte written as an escape."""
    text = files.shown_name(str(path))
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def email_text(data: bytes) -> tuple[str, list[str]]:
    """A saved email (.eml, RFC 5322) as the text a mail client shows: its From, Sent (Date), To and
    Subject lines, then the body decoded (quoted-printable, base64, charsets) by the standard library's
    ``email`` package. Attachments are named in a warning, not read."""
    import email
    from email import errors, policy

    msg = email.message_from_bytes(data, policy=policy.default)
    if not msg.keys():
        raise InputError("not an email: no header lines (From:, Date:, Subject:) before the body")
    head = [f"{label}: {msg[key]}" for label, key in (("From", "from"), ("Sent", "date"), ("To", "to"), ("Subject", "subject"))
            if msg[key] is not None]
    part = msg.get_body(preferencelist=("plain", "html"))
    warnings = []
    if part is None:
        body = ""
        # (a message forwarded as an attachment of its own, a body of another type, a multipart without its boundary)
        warnings.append(f"no text body read (the email's content is {msg.get_content_type()}): only its header lines are; "
                        "if the response is in it, open the email, save the response itself and extract that")
    else:
        try:
            body = part.get_content()
        except LookupError:  # a charset Python does not know ("x-mac-ce", a misspelling): its bytes read as text is read
            body, decoded = decode(part.get_payload(decode=True) or b" ")
            warnings += [f"unknown character set {part.get_content_charset()!r}: the body read as UTF-8 or cp1252; check odd characters",
                         *decoded]
        if any(isinstance(d, (errors.InvalidBase64CharactersDefect, errors.InvalidBase64PaddingDefect,
                              errors.InvalidBase64LengthDefect)) for d in part.defects):
            warnings.append("the body's base64 encoding is damaged: what could be decoded is read; check the text against the email")
        if part.get_content_type() == "text/html":
            body, _ = html_to_text(body)
    warnings += [f"attachment not read: {a.get_filename() or a.get_content_type()} (save it and extract it on its own)"
                 for a in msg.iter_attachments()]
    return "\n".join(head) + "\n\n" + body, warnings


# ---------------------------------------------------------------------------------------------
# Command line


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", type=Path,
                   help="saved FOI responses (text, HTML, PDF, .eml or .docx), or folders of them (every file in it, by name)")
    p.add_argument("--json", action="store_true", help="print a JSON array (one object per file) instead of writing drafts")
    p.add_argument("--out", type=Path, default=None,
                   help="folder for the draft YAML records (default: ./drafts; with --json, only if given)")
    p.add_argument("--jobs", type=int, default=0,
                   help="processes to read with (default: one per CPU for batches of 64 files or more, else 1)")
    p.add_argument("--force", action="store_true", help="overwrite drafts that already exist (a reviewed draft is lost)")


def expand_folders(paths: list[Path]) -> list[Path]:
    """A folder stands for the files in it (not hidden, not in sub-folders), sorted by name. A broken link or
    a named pipe in it is listed too, to be named as unreadable: it may be a response the user meant to give."""
    out = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if not p.is_dir() and not p.name.startswith("."))
        else:
            out.append(path)
    return out


# A draft is written by PyYAML (YAML 1.1) and read back by `add` with yaml-rs (YAML 1.2): two
# differences would change a value on the way, so the dumper is told of them (public API only).
# - YAML 1.2 numbers that YAML 1.1 does not resolve ("1e3", "0o17", "0189", "+.5"): written plain, yaml-rs
#   would read a number; resolved as numbers here, such a text is quoted. (The pattern covers what
#   yaml-rs reads as a number, underscores included; a few non-numbers such as "+_" are quoted needlessly.)
_YAML12_NUMBER = re.compile(r"""^(?:[-+]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9_]+)?
                                |[-+]?0[oO][0-7_]+|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[bB][01_]+)$""", re.X)
# - U+0085, U+2028 and U+2029 are line breaks in YAML 1.1, not in 1.2: in a quoted text broken over
#   lines they would come back with the next line's indentation. A text holding one is written
#   double-quoted, where both versions read them as the escapes \N, \L, \P.
_YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if _YAML11_BREAKS.search(value) else None)


def _draft_dumper(base: type) -> type:
    class DraftDumper(base):
        pass

    DraftDumper.add_implicit_resolver("tag:yaml.org,2002:float", _YAML12_NUMBER, list("-+.0123456789"))
    DraftDumper.add_representer(str, _represent_str)
    return DraftDumper


_PY_DUMPER = _draft_dumper(yaml.SafeDumper)
# libyaml's emitter (in PyYAML's wheels) writes the same text ~5x faster; PyYAML's own is the fallback.
_C_DUMPER = _draft_dumper(yaml.CSafeDumper) if hasattr(yaml, "CSafeDumper") else None


def draft_yaml(x: Extraction) -> str:
    # (a file name may hold a line break, which would end the comment: shown escaped, as a rejection shows it)
    name = "".join(c if c.isprintable() else repr(c)[1:-1] for c in Path(x.source).name)
    header = (f"# UNREVIEWED DRAFT written by `foi-analysis extract` from {name}.\n"
              "# Check every field against the document, fill what is null, delete these three lines, then file it\n"
              "# with `foi-analysis add` (which refuses a draft still headed so).\n")
    record = x.record()
    options = {"sort_keys": False, "allow_unicode": True, "width": 100}
    text = yaml.dump(record, Dumper=_C_DUMPER, **options) if _C_DUMPER else None
    if text is None or "\\U" in text:
        # libyaml escapes every character beyond U+FFFF ("\U0001F600" for an emoji, "\U0001D412" for a bold
        # letter pasted from a PDF); PyYAML's emitter writes the character, as the document shows it to
        # the reviewer. Both read back the same; the rare draft holding one (or a printed "\U") takes the slow path.
        text = yaml.dump(record, Dumper=_PY_DUMPER, **options)
    return header + text


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; a draft is for reviewing
    os.replace(tmp, path)


def _read_one(path: Path, drafts: bool) -> tuple[dict | None, str | None, list[str], str | None]:
    """(json, draft YAML, warnings, error) for one file; runs in a worker process for big batches."""
    try:
        x = extract_file(path)
    except (InputError, OSError) as err:
        return None, None, [], (err.strerror if isinstance(err, OSError) and err.strerror else str(err))
    return x.json(), (draft_yaml(x) if drafts else None), x.warnings, None


def _read_many(paths: list[Path], drafts: bool) -> list[tuple[dict | None, str | None, list[str], str | None]]:
    return [_read_one(path, drafts) for path in paths]


def _read_all(files: list[Path], drafts: bool, jobs: int):
    """Each file's ``_read_one``, in input order (so the output is the same with any number of jobs),
    each as soon as it and those before it are read: the drafts are written while the workers read on."""
    if jobs <= 1:
        yield from (_read_one(path, drafts) for path in files)
        return
    # Chunks of up to 16 files, smaller towards the end (a quarter of a worker's share of what is left),
    # so that the workers finish together: a long letter in the last chunk would keep one busy alone.
    bounds, start = [], 0
    while start < len(files):
        end = start + max(1, min(16, (len(files) - start) // (4 * jobs)))
        bounds.append((start, end))
        start = end
    pool = ProcessPoolExecutor(jobs)
    try:
        chunks = [pool.submit(_read_many, files[a:b], drafts) for a, b in bounds]
        for chunk in chunks:
            yield from chunk.result()
    finally:
        pool.shutdown(cancel_futures=True)  # (if the caller stops early, the chunks not begun are dropped)


def main(args: argparse.Namespace) -> int:
    out_dir = args.out if args.out is not None else (None if args.json else Path("drafts"))
    if out_dir is not None:
        if out_dir.resolve() == config.RAW_DISCLOSURES.resolve():
            print(f"extract: not writing drafts into {out_dir}: a person reviews them first (use --out elsewhere)", file=sys.stderr)
            return 2
        out_dir.mkdir(parents=True, exist_ok=True)
    args.files = expand_folders(args.files)
    jobs = args.jobs or ((os.cpu_count() or 1) if len(args.files) >= 64 else 1)
    read = _read_all(args.files, out_dir is not None, jobs)
    failed = 0
    results = []
    names: Counter = Counter()
    for path, (record, draft, warnings, error) in zip(args.files, read):
        if error:
            failed += 1
            print(f"{shown(path)}: error: {error}; skipped", file=sys.stderr)
            continue
        for w in warnings:
            print(f"{shown(path)}: warning: {w}", file=sys.stderr)
        results.append(record)
        if out_dir is not None:
            names[path.stem] += 1
            target = out_dir / (f"{path.stem}.yaml" if names[path.stem] == 1 else f"{path.stem}-{names[path.stem]}.yaml")
            if target.exists() and not args.force:
                # A draft may already be half reviewed: never overwrite one silently.
                failed += 1
                print(f"{shown(path)}: error: {shown(target)} exists (perhaps under review); not overwritten: use --force", file=sys.stderr)
                continue
            _write_atomic(target, draft)
            if not args.json:
                print(f"{shown(path)}: draft written to {shown(target)}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if failed:
        print(f"extract: {failed} of {len(args.files)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
