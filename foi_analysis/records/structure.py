"""The shape of a raw disclosure record: which fields exist, at every depth, and their types.

Checked before any value is read, so a record written by hand fails with a message naming the
field rather than with a traceback deep in the loader: an unknown or misspelled field (with the
nearest known name), a value of the wrong type (``questions: 5`` inside an exemption), a control
character in any text (YAML lets a NUL through, and a raw NUL even cuts a value short silently),
and any YAML tag (``!!python/object``, ``!!str``, ``!custom``: records are plain data, and
the README promises they are loaded safely; the YAML library ignores tags, so they are found here).

The TypedDicts below are the record format's single definition; ``KNOWN_FIELDS`` lists them for messages.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Optional, Union

from pydantic import ConfigDict, StrictFloat, StrictInt, StrictStr, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12


# References and question numbers may be written unquoted (a YAML number); cells may be numbers.
# Native strict types (no Python callback per value): this check runs on every record of a build.
Text = Optional[StrictStr]
Id = Optional[Union[StrictStr, StrictInt]]
Cell = Optional[Union[StrictStr, StrictInt, StrictFloat]]
_UNION_MEMBERS = {"str": "text", "int": "a whole number", "float": "a number"}
# Every field may be left out: which are required, and what values mean, is the loader's job.
# TypedDicts rather than models: pydantic checks them without building an object per mapping
# (half the cost, and the check runs on every record of a build).
_FIELDS = ConfigDict(extra="forbid", strict=True)


@with_config(_FIELDS)
class OtherReference(TypedDict, total=False):
    reference: Id
    kind: Text
    note: Text


@with_config(_FIELDS)
class Source(TypedDict, total=False):
    title: Text
    file: Text
    seed_file: Text
    kind: Text
    notes: Text
    url: Text


@with_config(_FIELDS)
class Event(TypedDict, total=False):
    event: Text
    date: Text
    note: Text


@with_config(_FIELDS)
class Exemption(TypedDict, total=False):
    raw: Text
    stage: Text
    questions: Optional[list[Id]]
    note: Text


@with_config(_FIELDS)
class Question(TypedDict, total=False):
    question: Id
    outcome: Text
    note: Text


@with_config(_FIELDS)
class Table(TypedDict, total=False):
    kind: Text
    question: Id
    title: Text
    columns: Optional[list[Cell]]
    rows: Optional[list[list[Cell]]]


@with_config(_FIELDS)
class Figure(TypedDict, total=False):
    name: Text
    value: Cell
    question: Id


@with_config(_FIELDS)
class Record(TypedDict, total=False):
    reference: Id
    other_references: Optional[list[OtherReference]]
    authority: Text
    law: Text
    source: Optional[Source]
    date_received: Text
    date_responded: Text
    outcome: Text
    events: Optional[list[Event]]
    exemptions: Optional[list[Exemption]]
    questions: Optional[list[Question]]
    tables: Optional[list[Table]]
    figures: Optional[list[Figure]]


_RECORD = TypeAdapter(Record).validator
# The fields under each path (list indexes left out).
_MODELS: dict[tuple[str, ...], type] = {(): Record}
for _name, _model in (("other_references", OtherReference), ("source", Source), ("events", Event),
                      ("exemptions", Exemption), ("questions", Question), ("tables", Table), ("figures", Figure)):
    _MODELS[(_name,)] = _model
KNOWN_FIELDS = {".".join(path) or "(record)": list(model.__annotations__) for path, model in _MODELS.items()}


def field_name(loc: tuple) -> str:
    """('exemptions', 0, 'questions') -> 'exemptions[0].questions' (the loader's own spelling)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_TYPE_NAMES = {"list_type": "a list", "model_type": "a mapping of fields", "dict_type": "a mapping of fields",
               "string_type": "text"}


def shape_problems(rec: dict) -> list[tuple[str, Any, str]]:
    """(field, value, reason) for every unknown field and wrongly typed value, at any depth."""
    # The same validation answering yes or no first (pydantic-core's ``isinstance_python``: no
    # validated copy of the record is built, ~40% less per record); the errors are asked for only
    # when there are some.
    if _RECORD.isinstance_python(rec):
        return []
    try:
        _RECORD.validate_python(rec)
        return []
    except ValidationError as err:
        problems: dict[tuple, tuple[str, Any, str]] = {}
        members: dict[tuple, list[str]] = {}
        for e in err.errors(include_url=False):
            loc = tuple(e["loc"])
            if e["type"] == "invalid_key":  # a number or a list written where a field's name goes
                key = list(e["input"]) if isinstance(e["input"], tuple) else e["input"]
                where = field_name(loc[:-1])
                problems[loc] = (f"{where}.{key}" if where else str(key), key, "a field name must be text")
                continue
            if e["type"] == "extra_forbidden":
                parent = tuple(p for p in loc[:-1] if not isinstance(p, int))
                known = KNOWN_FIELDS[".".join(parent) or "(record)"]
                near = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
                hint = f"; did you mean '{near[0]}'?" if near else f"; known fields here: {', '.join(known)}"
                problems[loc] = (field_name(loc), loc[-1], f"unknown field{hint}")
                continue
            if loc and loc[-1] in _UNION_MEMBERS:  # one error per member of "text or a number": say it once
                loc, member = loc[:-1], _UNION_MEMBERS[loc[-1]]
                members.setdefault(loc, []).append(member)
                expected = " or ".join(m for m in members[loc] if not (m == "a whole number" and "a number" in members[loc]))
            else:
                expected = _TYPE_NAMES.get(e["type"], e["msg"])
            problems[loc] = (field_name(loc), e["input"], f"wrong type: must be {expected}, not {type(e['input']).__name__}")
        return list(problems.values())


# Control characters other than tab and line breaks (C0, DEL and C1).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Raw control characters are swapped for these stand-ins before parsing, so the parser keeps them
# (a raw NUL would end the value) and the walk below can name the field they sit in.
_STAND_IN = 0xF0000
_STAND_INS = re.compile(f"[{chr(_STAND_IN)}-{chr(_STAND_IN + 0x9f)}]")


# Tab, line breaks and printable ASCII: a text of these bytes only has no control character.
_PLAIN_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))


def has_control_characters(text: str) -> bool:
    # Most records are plain ASCII: a byte-level check is a fifth of the cost of the pattern's scan.
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
    return CONTROL.search(text) is not None


def protect_control_characters(text: str) -> str:
    return CONTROL.sub(lambda m: chr(_STAND_IN + ord(m.group())), text)


def _shown(text: str) -> str:
    """The value with each control character written as an escape (\\x00), as a person can read it."""
    text = _STAND_INS.sub(lambda m: chr(ord(m.group()) - _STAND_IN), text)
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def control_character_problems(value, loc: tuple = ()) -> list[tuple[str, Any, str]]:
    """(field, value, reason) for every key or text holding a control character (raw or escaped)."""
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, str) and (CONTROL.search(k) or _STAND_INS.search(k)):
                out.append((field_name(loc + (_shown(k),)), _shown(k), "control character in a field name"))
            out += control_character_problems(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += control_character_problems(v, loc + (i,))
    elif isinstance(value, str) and (CONTROL.search(value) or _STAND_INS.search(value)):
        out.append((field_name(loc) or "(record)", _shown(value), "control character in the text (not allowed in a record)"))
    return out


def _nodes(text: str):
    """(path, event, is_key) for every node of the document (scalar, collection start, alias), as
    PyYAML's event parser reads it: ``path`` is where the node sits ("events", 2, "date"); a field
    name (``is_key``) sits at its parent's path. Nothing is constructed from the events."""
    # PyYAML's event parser: imported for the few records that need it (~10 ms that a build of
    # records without one, an incremental build's usual case, does not pay).
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # A stack of open collections: [kind, position] (a sequence's next index; a mapping's current key
    # or None while a key is expected).
    stack: list[list] = []
    path: list = []
    try:
        for event in yaml.parse(text, Loader=loader):
            is_node = isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent))
            is_key = bool(stack) and stack[-1][0] == "map" and stack[-1][1] is None
            if is_node:
                yield tuple(path + ([] if is_key or not stack else [stack[-1][1]])), event, is_key
            if isinstance(event, yaml.ScalarEvent) and is_key:
                stack[-1][1] = event.value
                continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if stack:
                    path.append(stack[-1][1])
                stack.append(["map", None] if isinstance(event, yaml.MappingStartEvent) else ["seq", 0])
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if path:
                    path.pop()
            elif not is_node:
                continue
            # A value (or a collection just closed) is done: move to the next key or index.
            if stack:
                if stack[-1][0] == "map":
                    stack[-1][1] = None
                else:
                    stack[-1][1] += 1
    except yaml.YAMLError:
        pass  # the YAML itself was read by the main parser; a disagreement here is no problem of these


def tag_problems(text: str) -> list[tuple[str, Any, str]]:
    """(field, tag, reason) for every explicit YAML tag in the document, a field name's included."""
    if "!" not in text:  # no tag without a "!": skip the second parse for almost every record
        return []
    out = []
    for here, event, is_key in _nodes(text):
        if getattr(event, "tag", None) not in (None, "!"):
            # A tagged field name ("!!str outcome: refused") is named by the name itself.
            if is_key and isinstance(getattr(event, "value", None), str):
                here += (event.value,)
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            out.append((field_name(here) or "(record)", tag, "YAML tags are not allowed in a record"))
    return out


# Where a record holds an identifier the tables carry (list indexes left out): text as printed, which may be written
# unquoted when it is a plain number.
ID_FIELDS = {("reference",), ("questions", "question"), ("exemptions", "questions")}
# YAML 1.2's integers (core schema): decimal with a sign or leading zeros, octal 0o, hexadecimal 0x
# (compiled by ``re`` when first needed: few records write an identifier as a number).
_YAML_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"


def number_problems(text: str) -> list[tuple[str, Any, str]]:
    """(field, value as written, reason) for every identifier written unquoted that YAML reads as
    another number than what is printed ("0123" is 123, "0x1F" is 31, "+42" is 42): the record
    would lose the printed text and look right. Called only for a record holding a numeric identifier."""
    out = []
    for here, event, is_key in _nodes(text):
        if is_key or getattr(event, "style", "'") not in (None, "") or getattr(event, "tag", None) is not None:
            continue  # a field name, a quoted or tagged or block value, a collection, an alias
        written = event.value
        if tuple(p for p in here if not isinstance(p, int)) not in ID_FIELDS or not re.fullmatch(_YAML_INT, written):
            continue
        number = int(written[2:], 8 if written[1] == "o" else 16) if written[:2] in ("0o", "0x") else int(written)
        if str(number) != written:
            out.append((field_name(here), written, f"YAML reads {written} as the number {number}: quote it as printed (\"{written}\")"))
    return out
