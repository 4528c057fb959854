"""A saved response as ``extract`` reads it: units, messages, quoted passages, authority, reference.

A *unit* is a logical line (mail-wrapped lines joined). A thread is split into *segments* at
each "Dear ..." line: a message to the authority is the requester's, any other the authority's,
and each is classed (acknowledgement, extension notice, response, internal review ...). Units
that restate the request or quote statute are marked *quoted*: their dates and section numbers
are not the authority's own. Every pattern runs once over the joined text (speed matters: the
extractor must keep up with hundreds of responses a second).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
import functools
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs

from ..foia.dates import NUMERIC_DATE, US_WORDED_DATE, WORDED_DATE, parse_printed_date
from ..records import authorities
from .text import fast_lower, logical_lines, lower_text

# "Neither confirm nor deny" as letters write it ("the force neither confirms nor denies"): one pattern
# for every rule that looks for it.
# ("We cannot confirm or deny whether ...", "The force will not confirm or deny ...": the same answer in other words;
# not "the duty to confirm or deny")
# Each alternative begins with its word, not with a group ("(?:cannot|...) confirm or deny": the same matches):
# a pattern whose alternatives are these (answers._NCND), not one group of them, has a lower-case twin that skips
# in C to the letters they begin with (~2.5x faster where it is searched).
NCND_PHRASES = ("neither confirm(?:s|ing)? nor den(?:y|ies|ying)|"
                + "|".join(w + " confirm or deny" for w in ("cannot", "can ?not", "can't", "will not", "won't", "does not", "do not",
                                                            "is unable to", "am unable to", "are unable to")))
NCND_WORDS = "(?:" + NCND_PHRASES + ")"

# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _needles() -> list[tuple[str, bool, str]]:
    """(text to find, case-sensitive?, canonical), longest first so "Metropolitan Police Service"
    wins over "Metropolitan Police". Acronyms (MPS, PSNI) match in capitals only; "and" may be "&"."""
    out = set()
    for alias, canonical in authorities.aliases().items():
        for variant in {alias, alias.replace(" and ", " & ")}:
            exact = variant.isupper()
            out.add((variant if exact else variant.lower(), exact, canonical))
    return sorted(out, key=lambda n: (-len(n[0]), n))


def lower_same_length(text: str) -> str:
    low = fast_lower(text).replace("’", "'")
    # str.lower keeps positions except for a few letters (e.g. "İ"); keep them one-for-one.
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")


def folds_like_lower(text: str) -> bool:
    """Does IGNORECASE matching of ``text`` find what matching ``lower_same_length(text)`` without
    it finds? Yes unless it holds one of the four letters that IGNORECASE matches to a different
    ASCII letter than lower() gives ("İ", "ı", "ſ", Kelvin "K")."""
    return text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text or "\u212a" in text)


_WORD_STOPS = frozenset(" \n\t([{\"“‘/|")


def _places(low: str, word: str, first: int, last: int):
    """Where ``word`` starts in ``low[first:last]`` (wholly inside it), overlaps included."""
    k = low.find(word, first, last)
    while k != -1:
        yield k
        k = low.find(word, k + 1, last)


@lru_cache(maxsize=1)
def _alias_automaton() -> tuple[ahocorasick_rs.BytesAhoCorasick, list, list]:
    """An Aho-Corasick automaton of every alias in lower case, for a text as ``Doc.coded`` gives it (one
    byte a character, "?" for any outside ASCII), with each one's (what to ask of the word before its
    last, see ``_before_last``; the needles spelled so, in ``_needles``' order); and the needles it
    cannot hold (one outside ASCII or holding "?": none in authorities.csv today), scanned for instead."""
    groups: dict[str, tuple[tuple[str | None, int], list[tuple[str, bool, str]]]] = {}
    unread = []
    for n in _needles():
        low = n[0].lower()
        if not low.isascii() or "?" in low:
            unread.append(n)
            continue
        groups.setdefault(low, (_before_last(low), []))[1].append(n)
    automaton = ahocorasick_rs.BytesAhoCorasick([w.encode() for w in groups], matchkind=ahocorasick_rs.MatchKind.Standard,
                                                implementation=ahocorasick_rs.Implementation.DFA)
    return automaton, list(groups.values()), unread


def _before_last(needle: str) -> tuple[str | None, int]:
    """What a match of ``needle`` (lower case) must show for ``_word_before`` its last word to be the
    needle's word before it: (None, 0) nothing (one word; or three or more, the word before the last
    then after a space of the needle's own); ("", 0) a word stop or the span's start just before the
    match (two words); else (that word, the length of the last word), asked of ``_word_before``."""
    words = needle.split(" ")
    if len(words) == 1:
        return None, 0
    previous = words[-2]
    if previous and not any(c in _WORD_STOPS for c in previous):
        return (None, 0) if len(words) > 2 else ("", 0)
    return previous, len(words[-1])


def _word_before(low: str, first: int, k: int) -> str:
    """The word before the one starting at ``k`` (after a space): back to the last space (one search),
    unless it holds another stop."""
    previous = low[low.rfind(" ", first, k - 1) + 1 or first: k - 1]
    if not previous.isalnum():
        j = k - 1
        while j > first and low[j - 1] not in _WORD_STOPS:
            j -= 1
        previous = low[j: k - 1]
    return previous


def find_authorities(text: str, low: str | None = None, first: int = 0, last: int | None = None,
                     coded: bytes | None = None) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of each authority named in ``text[first:last]`` (``low`` is ``text``
    lower-cased, if the caller has it), in order, the longest name first where names overlap.

    Every alias is found in one pass of an Aho-Corasick automaton over the span, over ``coded``
    (``low`` one byte a character, ``Doc.coded``) if the caller has it. An alias counts where its last
    word ends a word and, for one of several words, where the word before its last is a word of its own
    (see ``_word_before``): "Thames Valley Police", not "Thames-Valley Police"; acronyms (MPS) in capitals
    only; not inside a word, an e-mail address or a web address (news.met.police.uk)."""
    low = lower_same_length(text) if low is None else low
    last = len(text) if last is None else last
    automaton, groups, unread = _alias_automaton()
    view = memoryview(coded)[first:last] if coded is not None else low[first:last].encode("ascii", "replace")
    found = []
    for g, s, e in automaton.find_matches_as_indexes(view, overlapping=True):
        end = first + e
        if end < last and low[end].isalnum():  # inside a longer word ("metropolitan" for "met")
            continue
        start = first + s
        (previous, last_word), needles = groups[g]
        if previous is not None and not (
                (start == first or low[start - 1] in _WORD_STOPS) if not previous else _word_before(low, first, end - last_word) == previous):
            continue
        if _stands_alone(text, start, end):
            found += [(start, end, canonical) for needle, exact, canonical in needles if not exact or text.startswith(needle, start)]
    for needle, exact, canonical in unread:
        words = needle.lower().split(" ")
        for start in _places(text if exact else low, needle, first, last):
            end = start + len(needle)
            if (end == last or not low[end].isalnum()) and (len(words) == 1 or _word_before(low, first, end - len(words[-1])) == words[-2]) \
                    and _stands_alone(text, start, end):
                found.append((start, end, canonical))
    if len(found) < 2:
        return found
    covered = bytearray(last - first + 1)
    spans = []
    # Longest first (then in order), as if each alias were searched for from the longest down.
    for start, end, canonical in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if not covered[start - first] and not covered[end - 1 - first]:
            covered[start - first:end - first] = b"\x01" * (end - start)
            spans.append((start, end, canonical))
    spans.sort()
    return spans


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` not inside a word, an e-mail address or a web address (news.met.police.uk)?"""
    before = text[start - 1] if start else " "
    after = text[end: end + 2]
    return not (before.isalnum() or before in "@/._-") and not (after[:1].isalnum() or (after[:1] and after[:1] in "@-_")
                                                              or (after[:1] == "." and after[1:2].isalnum()))


@lru_cache(maxsize=1)
def _alias_first_words() -> frozenset[str]:
    return frozenset(_first_word(n) for n, _, _ in _needles())


def _first_word(s: str) -> str:
    return s[: (s.find(" ") + 1 or len(s) + 1) - 1].lower()


def normalise_authority(name: str) -> str | None:
    """'the Met' -> 'Metropolitan Police Service'; None when the name is not in the table."""
    name = " ".join(name.split())
    hits = find_authorities(name)
    return hits[0][2] if len(hits) == 1 and hits[0][:2] == (0, len(name)) else None


# ---------------------------------------------------------------------------------------------
# Document model


_BACK, _AHEAD = 160, 200  # how far a cue phrase may reach from its needle


@dataclass
class Segment:
    start: int  # index of its first unit
    role: str  # "header" (before any "Dear"), "requester" or "authority"
    kind: str | None = None
    date: tuple[dt.date, str] | None = None  # the message's own date line, as (date, printed)


@dataclass
class Doc:
    units: list[str]
    segment_of: list[int]  # unit -> segment index
    segments: list[Segment]
    quoted: list[bool]  # unit restates the request or quotes statute
    text: str  # units joined by "\n"
    offsets: list[int]  # where each unit starts in ``text``
    low: str = ""  # ``text`` lower-cased, same positions
    # Characters outside ASCII the text may hold (every one it holds, perhaps more), if known: the
    # text as cleaned, before its lines were joined (``text.clean_text``). None: found here.
    outside_ascii: str | None = None

    def __post_init__(self):
        outside_ascii = self.outside_ascii
        if outside_ascii is not None and outside_ascii.lower() == outside_ascii:
            # None of them changes case: the UTF-8 bytes lower-cased are the text lower-cased (see lower_text).
            low = self.text.lower() if self.text.isascii() else self.text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
        else:
            low, outside_ascii = lower_text(self.text)
        if "’" in outside_ascii:
            low = low.replace("’", "'")
        # (str.lower keeps positions except for a few letters, e.g. "İ": then one for one, see lower_same_length)
        self.low = low if len(low) == len(self.text) else lower_same_length(self.text)
        self._digits_outside_ascii = bool(_ANY_DIGIT.search(outside_ascii))  # see digit_shape
        self._coded: bytes | None = None  # see coded
        # (then so does every unit; asked of the characters outside ASCII, not of the whole text again)
        self.folds = folds_like_lower(outside_ascii)
        self.restated: list[int] = []  # units of the request as the reply restates it
        self.heads: list[list[str] | None] | None = None  # answer headings, see answer_headings
        self._hits: dict[tuple[str, ...], list[int]] = {}
        # Facts per unit that several steps ask for, found once (see ``settle``).
        self.owned: list[bool] | None = None
        self._authority_units: list[tuple[int, str]] | None = None
        self._sign_offs: list[int] | None = None
        self.scope: set[int] | None = None  # see answers._scope
        self._where: dict[str, list[int]] | None = None
        self._declared: frozenset[str] = frozenset()  # the automaton's words (see ``_read``)
        self._shape: bytes | None = None  # see digit_shape
        self._first: dict[str, list[int]] | None = None  # see starting

    def starting(self, test) -> list[int]:
        """Units whose first character passes ``test`` (a character -> bool), in order. The units are
        grouped by first character once, so a step that reads only lines beginning "Q", a digit or
        "Yours" looks at those, not at every unit."""
        if self._first is None:
            self._first = first_characters(self.units)
        found = [units for c, units in self._first.items() if test(c)]
        return found[0] if len(found) == 1 else sorted(itertools.chain.from_iterable(found))

    def settle(self) -> None:
        """Roles and quotations are final: note which units the authority wrote itself."""
        requester = [seg.role == "requester" for seg in self.segments]
        self.owned = [not q and not requester[s] for q, s in zip(self.quoted, self.segment_of)]

    def segment_end(self, s: int) -> int:
        """The unit after message ``s``'s last."""
        return self.segments[s + 1].start if s + 1 < len(self.segments) else len(self.units)

    def unit_low(self, i: int) -> str:
        """Unit ``i`` lower-cased (a slice of ``low``)."""
        return self.low[self.offsets[i]: self.offsets[i] + len(self.units[i])]

    def unit_at(self, pos: int) -> int:
        return bisect.bisect_right(self.offsets, pos) - 1

    def own(self, i: int) -> bool:
        """Did the authority write unit ``i`` itself (not the requester, not a quotation)?"""
        if self.owned is not None:
            return self.owned[i]
        return not self.quoted[i] and self.segments[self.segment_of[i]].role != "requester"

    def authority_units(self) -> list[tuple[int, str]]:
        if self.owned is None:
            return [(i, u) for i, u in enumerate(self.units) if self.own(i)]
        if self._authority_units is None:
            self._authority_units = [(i, u) for i, u, mine in zip(range(len(self.units)), self.units, self.owned) if mine]
        return self._authority_units

    def sign_offs(self) -> list[int]:
        """Units that close a letter ("Yours sincerely", "Kind regards", a legal annex)."""
        if self._sign_offs is None:
            self._sign_offs = [i for i in self.starting(_SIGN_OFF_FIRST.__contains__) if SIGN_OFF.match(self.units[i])]
        return self._sign_offs

    def where(self, n: str) -> list[int]:
        """Every place ``n`` starts in ``low``, in order, overlaps included. The cue words (see
        ``cue_words``) are all found in one pass over the text, once per document."""
        places = self._where if self._where is not None else self._read()
        found = places.get(n)
        if found is None:  # a declared cue word not in the text, or a word not declared: scanned for, once
            found = places[n] = [] if n in self._declared else list(_places(self.low, n, 0, len(self.low)))
        return found

    def present(self, needles: tuple[str, ...]) -> list[str]:
        """Those of ``needles`` the text holds, in order. Most of a rule's words are not in a given
        letter: they are passed over by a lookup each, not a call of ``where`` each."""
        places = self._where if self._where is not None else self._read()
        declared = self._declared
        # (a word not declared is scanned for first, once: see ``where``)
        return [n for n in needles if (places[n] if n in places else (n not in declared and self.where(n)))]

    def _read(self) -> dict[str, list[int]]:
        """Every cue word's places, found in one pass over ``low`` (once per document)."""
        if self._where is None:
            automaton, words, declared = _automaton()
            places: defaultdict[int, list[int]] = defaultdict(list)
            for k, start, _ in automaton.find_matches_as_indexes(self.coded(), overlapping=True):
                places[k].append(start)  # in order of their ends: one word, one length
            self._where = {words[k]: found for k, found in places.items()}
            self._declared = declared
        return self._where

    def hits(self, needles: tuple[str, ...]) -> list[int]:
        """Units whose lower-cased text contains any of ``needles`` (plain substring search: fast)."""
        if needles not in self._hits:
            offsets, right = self.offsets, bisect.bisect_right
            self._hits[needles] = sorted({right(offsets, k) - 1 for n in self.present(needles) for k in self.where(n)})
        return self._hits[needles]

    def search(self, rx: re.Pattern, needles: tuple[str, ...], own: bool = True, units=None, segments=None):
        """(unit index, match) for ``rx`` near each of ``needles`` in the lower-cased text.

        The needles are words every match of ``rx`` contains, and ``rx`` is a phrase (no ^ or $):
        so it is tried only on a window around each needle, not on the whole text. Match
        positions are relative to the window; callers use the unit index and the matched text.
        ``units`` (unit indices) or ``segments`` (message indices, read as the search goes: a
        caller may drop one it no longer needs) limit where matches are taken from."""
        seen = set()
        plan = cue_plan(rx, needles)
        lo, hi = 0, len(self.low)
        if units is not None:  # look only between the first and last of the units asked about
            if not units:
                return
            first, last = min(units), max(units)
            lo, hi = self.offsets[first], self.offsets[last] + len(self.units[last])
        if segments is not None:  # the same, from the first message's first unit to the last one's end
            if not segments:
                return
            first, last = self.segments[min(segments)].start, self.segment_end(max(segments)) - 1
            if last < first:
                return  # (a document without units)
            lo, hi = max(lo, self.offsets[first]), min(hi, self.offsets[last] + len(self.units[last]))
        segment_of, offsets, right = self.segment_of, self.offsets, bisect.bisect_right
        folds = self.folds
        owned = self.owned
        for n in self.present(needles):
            if plan[n] is None:
                continue  # no part of ``rx`` needs this needle: the others find every match
            places = self.where(n)
            rx, twin, width = plan[n]
            size = len(n)
            # A match holding this needle starts at most ``width - len(n)`` before it and ends as
            # far after it: the window need be no wider (a margin for "\b" and lookarounds).
            back = _BACK if width is None else min(_BACK, max(0, width - size) + _EDGE)
            ahead = _AHEAD if width is None else min(_AHEAD, max(0, width - size) + _EDGE)
            after = -1
            for k in places[bisect.bisect_left(places, lo):]:
                if k + size > hi:
                    break
                if k < after:
                    continue  # overlapping the place just read
                after = k + size
                i = right(offsets, k) - 1  # (``unit_at``)
                if (units is None or i in units) and (segments is None or segment_of[i] in segments) \
                        and (not own or (owned[i] if owned is not None else self.own(i))):
                    at = k - offsets[i]
                    u = self.units[i]
                    window = (i, max(0, at - back), at + size + ahead)
                    if window not in seen:
                        seen.add(window)
                        if twin is None or not (folds or folds_like_lower(u)):
                            m = rx.search(u, window[1], window[2])
                        else:  # find it in the lower-cased text, then take the match from the text itself
                            m = twin.search(self.low, self.offsets[i] + window[1], self.offsets[i] + min(window[2], len(u)))
                            # (an "'" in ``low`` may be "’" in the text: then read the window itself)
                            m = m and (rx.match(u, m.start() - self.offsets[i], window[2]) or rx.search(u, window[1], window[2]))
                        if m:
                            yield i, m

    def coded(self) -> bytes:
        """``low`` as bytes, one a character (every character outside ASCII "?"): positions in it are
        positions in ``low``. The cue-word automaton reads it (no position conversion from UTF-8, no
        encoding of its own), and ``digit_shape`` is made from it."""
        if self._coded is None:
            self._coded = self.low.encode("ascii", "replace")
        return self._coded

    def digit_shape(self) -> bytes | None:
        """``low`` as bytes, one a character: every ASCII digit "0", every other non-ASCII character
        "?". None when the text holds a non-ASCII digit (which "\\d" matches too)."""
        if self._shape is None:
            self._shape = b"" if self._digits_outside_ascii else self.coded().translate(_ZERO_DIGITS)
        return self._shape or None

    def gated(self, gate: re.Pattern, rx: re.Pattern, own: bool = True, shape: re.Pattern | None = None):
        """``rx``'s matches in each unit where ``gate``, a cheap pattern, matches the lower-cased
        text. Once a unit has passed, the gate looks again from the next unit's start.

        ``shape`` is for a gate that begins with a digit ("\\d..."): Python's ``re`` tries such a
        pattern at every position, many times slower than it looks for a fixed character. ``shape``
        is the gate as it reads in ``digit_shape`` (digits "0", non-ASCII "?"), beginning with "0"
        and matching wherever the gate matches: it finds the candidates, the gate decides."""
        for i in self.gated_units(gate, own, shape):
            for m in rx.finditer(self.units[i]):
                yield i, m

    def gated_units(self, gate: re.Pattern, own: bool = True, shape: re.Pattern | None = None) -> list[int]:
        """The units where ``gate`` matches the lower-cased text (see ``gated``), in order."""
        units, pos, end = [], 0, len(self.low)
        coded = self.digit_shape() if shape is not None else None
        while True:
            if coded is None:
                g = gate.search(self.low, pos)
                k = -1 if g is None else g.start()
            else:
                k = -1
                while (c := shape.search(coded, pos)) is not None:
                    if gate.match(self.low, c.start()):
                        k = c.start()
                        break
                    pos = c.start() + 1
            if k < 0:
                break
            i = self.unit_at(k)
            units.append(i)
            pos = self.offsets[i + 1] if i + 1 < len(self.offsets) else end
        return [i for i in units if self.own(i)] if own else units


_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_ANY_DIGIT = re.compile(r"\d")


_CUE_WORDS: set[str] = set()


def cue_words(*groups: tuple[str, ...]) -> None:
    """Declare the words ``Doc.search`` and ``Doc.hits`` are asked for (each rule's own): they are
    then found in one pass over a document, not in one scan of it per word. A word not declared
    is still found, by a scan of its own."""
    for group in groups:
        _CUE_WORDS.update(group)
    _automaton.cache_clear()


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.BytesAhoCorasick, list[str], frozenset[str]]:
    """An Aho-Corasick automaton of the cue words, for a text as ``Doc.coded`` gives it (one byte a
    character, "?" for any outside ASCII). A word outside ASCII ("§"), or holding a "?", is not in it:
    ``Doc.where`` scans the text for it instead. (Authority names have their own: ``_alias_automaton``.)"""
    words = sorted(w for w in _CUE_WORDS if w.isascii() and "?" not in w)
    # A DFA: built once per process (a few ms), it reads a text about twice as fast as the NFAs.
    return ahocorasick_rs.BytesAhoCorasick([w.encode() for w in words], matchkind=ahocorasick_rs.MatchKind.Standard,
                                           implementation=ahocorasick_rs.Implementation.DFA), words, frozenset(words)


def _by_pattern(f):
    """``f(rx, *args)`` remembered by the identity of the compiled pattern ``rx``, not its hash: a
    pattern's hash is computed afresh from its whole program on every lookup (a few kB for the larger
    rules, ~2-6 us), which an ``lru_cache`` keyed by it paid on every call, several dozen a letter.
    The patterns are the rules' own (the parts ``cue_plan`` makes of them are kept by ``_Alternatives``):
    a fixed set, so the cache stays small; each entry keeps its pattern alive, so its id is never reused."""
    cache: dict = {}

    @functools.wraps(f)
    def cached(rx, *args):
        key = (id(rx), *args) if args else id(rx)
        hit = cache.get(key)
        if hit is None or hit[0] is not rx:
            hit = cache[key] = (rx, f(rx, *args))
        return hit[1]

    cached.cache_clear = cache.clear
    return cached


_EDGE = 20  # characters beyond a match that "\b", lookbehinds and lookaheads may read


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    out, depth, in_class, k, start = [], 0, False, 0, 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[k + 1: k + 2] == "]" or pattern[k + 1: k + 3] == "^]":
                k += 2 if pattern[k + 1] == "]" else 3  # "[]...]": the first "]" is a member
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
        k += 1
    return [*out, pattern[start:]]


_SHAPES_FILE = Path(__file__).with_name("pattern_shapes.json")


@lru_cache(maxsize=1)
def _pattern_shapes() -> dict[tuple[str, int], dict]:
    """What each alternative of each of the extractor's patterns must hold, and how wide it matches,
    by (pattern, flags): read ahead of time by ``scripts/pattern_shapes.py`` (which says why and how),
    so that no pattern is parsed here (Python's only regex parser is private to ``re``)."""
    entries = json.loads(_SHAPES_FILE.read_text(encoding="utf-8"))
    return {(e["pattern"], e["flags"]): e for e in entries}


def _strings(factors: list[list[str]]) -> set[str]:
    """A run of fixed text in a shape (see scripts/pattern_shapes.py): every string it matches."""
    return {"".join(p) for p in itertools.product(*factors)}


def _needed(shape: list, needles: tuple[str, ...]) -> set[str] | None:
    """Needles of which every match of a pattern's part of this ``shape`` (see scripts/pattern_shapes.py)
    contains one, or None if that cannot be shown from its fixed text (an optional part proves nothing)."""
    for kind, av in shape:
        if kind == "text":
            strings = _strings(av)
            if all(any(n in t for n in needles) for t in strings):
                return {n for t in strings for n in needles if n in t}
            continue
        if kind == "either":
            alternatives = [_needed(a, needles) for a in av]
            found = set().union(*alternatives) if all(alternatives) else None
        else:  # "group": a group, or a part repeated at least once
            found = _needed(av, needles)
        if found:
            return found
    return None


class _Alternatives:
    """A pattern's top-level alternatives as ``cue_plan`` reads them: their source, shapes and widest
    matches (see ``_pattern_shapes``), their lower-case twins' source (made when first asked), and the
    parts made of them so far, by the alternatives they hold."""

    __slots__ = ("parts", "shapes", "widths", "twins", "made")

    def __init__(self, parts: list[str], shapes: list, widths: list[int | None]):
        self.parts, self.shapes, self.widths = parts, shapes, widths
        self.twins: list[str | None] | None = None
        self.made: dict[tuple[int, ...], tuple | None] = {}


@_by_pattern
def _structure(rx: re.Pattern) -> _Alternatives:
    """``rx``'s alternatives. A pattern not in the file (or whose alternatives cannot be read alone) is
    one alternative of unknown shape: tried whole, around every word."""
    entry = _pattern_shapes().get((rx.pattern, rx.flags))
    if entry is None:
        return _Alternatives([rx.pattern], [None], [None])
    if entry["alternatives"] is None:
        return _Alternatives([rx.pattern], [None], [entry["widest"]])
    alternatives = entry["alternatives"]
    return _Alternatives(_branches(rx.pattern), [a["shape"] for a in alternatives], [a["widest"] for a in alternatives])


class CuePlan(dict):
    """For each needle, the part of a pattern worth trying around it (see ``cue_plan``): (the
    alternatives that can hold it, their lower-case twin, their widest match), or None when none
    can. Made at the first lookup of a needle: most of a rule's words never come up in a letter."""

    def __init__(self, rx: re.Pattern, needles: tuple[str, ...]):
        super().__init__()
        self._rx, self._needles, self._of = rx, needles, _structure(rx)
        self._needs = [None if shape is None else _needed(shape, needles) for shape in self._of.shapes]

    def __missing__(self, n: str) -> tuple[re.Pattern, re.Pattern | None, int | None] | None:
        if n not in self._needles:
            raise KeyError(n)
        chosen = tuple(k for k, need in enumerate(self._needs) if need is None or n in need)
        of = self._of
        if chosen in of.made:  # (the same alternatives for another needle or rule: one pattern)
            part = of.made[chosen]
        elif not chosen:
            part = of.made[chosen] = None
        else:
            rx = self._rx
            if len(chosen) == len(of.parts):
                sub, twin = rx, _lower_twin(rx)
            else:
                sub = re.compile("|".join(of.parts[k] for k in chosen), rx.flags)
                if of.twins is None:  # (each alternative's twin read once, not once for each part it is in)
                    of.twins = [_twin_source(part, rx.flags) for part in of.parts]
                twins = [of.twins[k] for k in chosen]
                twin = None if None in twins else re.compile("|".join(twins), rx.flags & ~re.IGNORECASE)
            widths = [of.widths[k] for k in chosen]
            widest = None if None in widths else max(widths)
            part = of.made[chosen] = (sub, twin, widest if widest is not None and widest < _BACK else None)
        self[n] = part
        return part


@_by_pattern
def cue_plan(rx: re.Pattern, needles: tuple[str, ...]) -> CuePlan:
    """For each needle, the part of ``rx`` worth trying around it: the alternatives of ``rx`` whose
    every match contains that needle (or that cannot be shown to contain any), with its lower-case
    twin and widest match. A window around "provided" then tries the one alternative that can hold
    it, not all twelve (Python's ``re`` tries every alternative at every position)."""
    return CuePlan(rx, needles)


@_by_pattern
def _lower_twin(rx: re.Pattern) -> re.Pattern | None:
    """``rx`` without IGNORECASE, its literal letters in lower case, for the lower-cased text:
    Python's ``re`` runs a case-insensitive alternation several times slower. None when case
    matters somewhere ("(?-i:", a class such as "[A-Z]"); escapes ("\\S", "\\B") are kept as
    they are. A twin only finds where to look: ``search`` takes the match from the text itself."""
    source = _twin_source(rx.pattern, rx.flags)
    return None if source is None else re.compile(source, rx.flags & ~re.IGNORECASE)


def _twin_source(p: str, flags: int) -> str | None:
    """The source of ``_lower_twin``'s pattern for a pattern (or one of its top-level alternatives:
    a pattern's twin is its alternatives' twins joined by "|")."""
    if not flags & re.IGNORECASE or "’" in p:  # the lower-cased text has "'" for "’"
        return None
    out, k, in_class = [], 0, False
    while k < len(p):
        c = p[k]
        if c == "\\":
            out.append(p[k: k + 2])
            k += 2
            continue
        if in_class:
            if c.isupper():
                return None
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(" and p[k + 1: k + 2] == "?" and not p.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!"), k):
            return None  # flags, named groups: left alone
        out.append(c.lower())
        k += 1
    return "".join(out)


# A message opens with a greeting: "Dear ...", or in some replies "Good morning," / "Hello".
# Welsh bodies greet in both languages: "Annwyl / Dear Requester", "Annwyl Ymgeisydd".
_DEAR = re.compile(r"^(?:(?:Annwyl\s*/\s*)?Dear\b|Annwyl\b|Good (?:morning|afternoon|evening)\b|Hello\b|Hi\b)[\s,]*(.*)", re.IGNORECASE)
_GREETING_STARTS = ("dear", "good", "hell", "hi ", "hi,", "annw")
_TO_AUTHORITY = re.compile(r"^(?:Sir|Madam|Sirs|FOI\b|Freedom of Information|Information (?:Rights|Management|Compliance|Access)"
                           r"|Data Protection|Disclosure|Team|Colleagues?|all|Public Access|Records)", re.IGNORECASE)
_AUTHORITY_VOICE = re.compile(
    r"your (?:request|application|email|correspondence) (?:for information|dated|was|which|has|of)"
    r"|(?:we|I) (?:write|am writing) (?:in connection with|to (?:inform|confirm|advise))|this letter (?:represents|serves)"
    r"|refusal notice|can neither confirm|\bhold(?:s)? (?:the|some|no) (?:requested )?information|I have (?:today )?decided",
    re.IGNORECASE,
)


def _role(addressee: str, body: str) -> str:
    """Who wrote a message that opens "Dear <addressee>" (or "Good morning", addressee "")."""
    words = addressee.split()
    if words and (_first_word(addressee) in _alias_first_words() or words[0].lower() == "the"):
        hits = find_authorities(addressee[:80])
        if hits and hits[0][0] <= 4:
            return "requester"
    if body_by_form(addressee.rstrip(",")):
        return "requester"  # "Dear Leeds Teaching Hospitals NHS Trust," (a body not in authorities.csv)
    if _TO_AUTHORITY.match(addressee) or not addressee.strip():
        # Authorities write "Dear Sir/Madam" too: tell them apart by what the message says.
        return "authority" if _AUTHORITY_VOICE.search(body) else "requester"
    return "authority"


# A letter that holds the request until it is clarified (FOIA s1(3)) is an update, whatever it says on the
# way ("the University does not hold any contracts" in its advice); one that recounts the wait ("we were not
# obliged ... until you clarified it") is not. Tried before the response's cues.
_HOLDS_FOR_CLARIFICATION = ("update", ("obliged to comply", "begin again", "start again"),
                            re.compile(r"\b(?:is|are|am) not obliged to comply with (?:your|this|the) request until\b"
                                       r"|\bworking days?\b[^.]{0,40}\bwill (?:begin|start) again\b", re.I))
# A letter asking what the request means (FOIA s1(3)) answers nothing yet: an update, not the response.
_ASKS_TO_CLARIFY = ("update", ("clarif",), re.compile(r"\b(?:please )?clarify (?:which|what|the|your)\b|\brequest for clarification\b", re.I))

# (a rule of its own: ``_extension_told_before`` reads its cues again)
_EXTENSION_RULE = ("extension", ("not been able", "amended date", "extend", "considering the following", "estimate of the date", "not yet",
                                 "has not been", "further time", "extension of the", "more time", "additional time"),
                   re.compile(r"not been able to complete|amended date|extend the 20|(?:extend|extension of) the (?:deadline|time)|considering the following exemption|estimate of the date"
                              r"|need (?:further|more|additional) time|further time (?:is needed|to consider)"
                              r"|(?:public interest test|decision)[^.]{0,60}(?:not yet|has not been) (?:been )?(?:reached|completed)", re.I))
# Message kinds, first match wins: (kind, words every match contains, pattern).
_KIND_RULES = [
    # (each rule's words as long as every match allows: a window is read around each place one stands, and
    # "review", "provided" or "attached" stand in most letters, in no match of these)
    ("review_ack", ("review will", "acknowledge", "confirm receipt", "confirm your"),
     re.compile(r"review will (?:now )?be (?:conducted|carried out|undertaken)|(?:acknowledge|confirm) (?:receipt of )?your (?:request for an? )?(?:internal )?review", re.I)),
    ("review_response", ("have now", "have determined", "have concluded", "have completed", "have reviewed", "uph", "outcome of"),
     re.compile(r"(?:I have|we have) (?:now )?(?:determined|concluded|completed|reviewed|upheld)|\buph(?:eld|old)\b|outcome of (?:the|your|this) (?:internal )?review", re.I)),
    _EXTENSION_RULE,
    _HOLDS_FOR_CLARIFICATION,
    ("response", ("decided", "refusal notice", "neither confirm", "confirm or deny", "please see", "please find", "not held", "not hold", "n't hold", "n’t hold", "exceed",
                  "response to your", "provided in full", "is provided", "are provided", "is shown", "are shown", "is set out", "are set out", "is listed",
                  "are listed", "is attached", "are attached", "is enclosed", "are enclosed", "our response", "information we", "disclosing",
                  "in response to", "releasing", "answers to"),
     re.compile(r"I have (?:today )?decided|decided to (?:disclose|withhold|refuse)|serves as a Refusal Notice|" + NCND_WORDS +
                r"|please (?:see|find) [^.]{0,50}?\b(?:attached|enclosed|below|table)|(?:information|data) (?:is|was) not held|(?:do|does)(?: not|n't|n\u2019t) hold"
                r"|exceed(?:s|ed)? the (?:appropriate|cost|upper cost) limit|(?:in )?response to your (?:request|questions)(?: is| are| as follows|:)"
                r"|information\b[^.]{0,60}\b(?:is|are) (?:provided|shown|set out|listed|attached|enclosed)|provided in full"
                r"|below is (?:your request and )?our response|all the information we (?:hold|can disclose)|(?:I|we) (?:write|am writing) in response to"
                r"|\b(?:are|am|is) (?:releasing|disclosing) (?:all )?(?:of )?the (?:requested )?information|please see the answers to", re.I)),
    ("response", ("decision",), re.compile(r"\bDECISION\b")),  # the heading, in capitals
    _ASKS_TO_CLARIFY,
    ("ack", ("will now be considered", "acknowledge", "received your request", "being dealt with", "receive a response"),
     # ("We received your request on 2 June 2025" recounts, in a reply; an acknowledgement says "have received")
     re.compile(r"will now be considered|acknowledge (?:receipt|your request)|(?:we|I) have received your request|is being dealt with|you (?:will|should) receive a response", re.I)),
    # ("... received on 7 April 2025 and has been given the reference X. We will respond by 6 May 2025.")
    # (tentative, "ack?": a letter that also answers numbered questions only tells its reference on the way)
    ("ack?", ("been given", "been allocated", "been assigned", "been logged"),
     re.compile(r"(?:has|have) been (?:given|allocated|assigned|logged (?:under|with))(?: the| a)? (?:reference|case (?:number|reference)|ref)\b", re.I)),
]
# An extension told in the past ("On 7 April 2025 we wrote to let you know that we needed to extend the time"),
# tried on the words of its sentence before the extension's cue: the letter that tells it is no notice of its own.
_EXTENSION_TOLD = re.compile(r"\b(?:we|I)\s+(?:wrote|e-?mailed|told|informed|notified|advised|contacted)\b|\blet you know\b", re.I)
# An extension notice that already gives the decision is a response.
_DECIDED = [(("decided", "refusal notice"), re.compile(r"I have (?:today )?decided|decided to (?:disclose|withhold|refuse)|serves as a Refusal Notice", re.I)),
            (("decision",), re.compile(r"\bDECISION\b"))]
_REQUESTER_KINDS = [
    ("review_request", ("internal review",), re.compile(r"internal review", re.I)),
    ("chaser", ("overdue", "still", "not yet", "not received", "not responded", "not had", "chase", "reminder", "should normally have responded"),
     re.compile(r"overdue|still (?:awaiting|waiting)|(?:have|has) not (?:yet )?(?:received|responded|had a)|chase|reminder|should normally have responded", re.I)),
]

cue_words(*(needles for _, needles, _ in _KIND_RULES + _REQUESTER_KINDS), *(needles for needles, _ in _DECIDED), ("internal review", "requirement for review"))

# The request as restated in a reply: from its introduction to the first sign of the answer.
# Every alternative begins with a letter, not with "\b", a lookbehind or a group: the pattern's
# lower-case twin (``holds_folded``) then lets Python's ``re`` skip in C to the next "y", "w", "r" or
# "f" instead of trying each alternative at every position (~6x faster on a long line). A "\b" or a
# lookbehind before a word is asked after it: "request(?<!\wrequest)" is "\brequest",
# "your(?<!response to your)" is "(?<!response to )your".
_REQUEST_START = re.compile(
    r"you (?:seek|sought) access to the following"
    r"|you (?:asked|requested)(?: for)?(?: the following)?(?: information)?\s*:?\s*$|which (?:asked|requested)(?: for)?(?: the following)?(?: information)?\s*:?\s*$"
    r"|you (?:asked|requested)(?: for)? the following (?:information )?(?:about|from|on|regarding|in relation to)\b[^.]{0,80}:\s*$"
    r"|which (?:asked|requested)(?: for)? the following (?:information )?(?:about|from|on|regarding|in relation to)\b[^.]{0,80}:\s*$"
    r"|request(?<!\wrequest)\b[^.]{0,80}\band (?:asked|requested)(?: for)?\s*:\s*$"  # ("Your original request was received on 02/05/2025 and asked:")
    r"|request(?<!\wrequest)(?<!response to your request)(?<!reply to your request),[^.:]{0,80}\bfor\s*:\s*$"  # ("your request, which the Department received on 10 March 2025, for:")
    r"|requested(?<!\wrequested) information in the following terms\s*:?\s*$"  # (an ICO decision notice)
    # ("Response to your request:", "Our reply to your request is as follows:" introduce the answer, not the request)
    r"|your(?<!response to your)(?<!reply to your) (?:original )?request(?: (?:was|is|read|reads|stated|asked))?(?: as follows| for the following)?\s*:\s*$"
    r"|your(?<!\wyour) (?:original |FOI )?request,? (?:received|dated|of|made)\b[^.:]{0,40}:\s*$|^(?:your |the )?(?:FOI )?request(?: details)?\s*:?\s*$"
    r"|^summary of (?:the )?request|^information requested|^request\s*:|^(?:FOI )?request:|following information\s*:\s*$"
    r"|request(?<!\wrequest)(?<!response to your request)(?<!reply to your request)\b.{0,120}\bas follows\s*:\s*$"
    r"|request(?<!\wrequest)\b.{0,80}\b(?:is |are )?(?:copied|replicated|reproduced|set out) below\b",
    re.IGNORECASE,
)

# Words every _REQUEST_START match holds: the pattern runs only on lines that have one.
_REQUEST_START_WORDS = ("request", "asked", "seek", "sought", "following information", "summary")
_REQUEST_END = re.compile(
    r"^(?:DECISION|Decision|REASONS? FOR DECISION|Our response|Response|Reply|SEARCHES TO LOCATE|Disclosure|DISCLOSURE|Answer|Our reply)\b"
    r"|I have (?:today )?decided|Your request will now be considered|I am sorry to inform you|has been (?:handled|considered)"
    r"|^I (?:can )?(?:confirm|advise)|^Please (?:find|see)|^In response to|^I (?:write|am writing) to (?:inform|confirm|advise)"
    r"|^(?:The force|We) (?:can|does|do|holds?|has|have)\b|^Our (?:reply|answer)|^(?:To )?locate the information|^I attach"
    r"|\bapologi[sz]e\b|\bapologies\b|^Below is (?:your request and )?our response|^I (?:am|have been) (?:able|pleased) to\b"
    r"|^(?:Following|Having made) (?:receipt|enquiries|searches)|^Searches were conducted"
    r"|^We (?:estimate|consider|are (?:unable|able|not able))\b|^Section \d{1,2}(?:\s*\(\w{1,3}\))*\s*[-–—:]\s*[A-Z]"  # (a ground's heading)
    r"|^(?:The (?:[Ff]orce|[Cc]ouncil|[Tt]rust|[Dd]epartment|[Aa]uthority|[Ss]ervice|[Uu]niversity|[Bb]oard)|We|I) (?:responded|replied)\b",  # (a review telling the first response)
)
# What every _REQUEST_END match begins with (its anchored branches) or holds (the others).
_END_PREFIXES = ("DECISION", "Decision", "REASON", "Our ", "Response", "Reply", "SEARCHES", "Disclosure", "DISCLOSURE", "Answer", "I ",
                 "Please ", "In response", "The force", "We ", "To locate", "locate", "Below is", "Following", "Having made", "Searches",
                 "Section ", "The council", "The trust", "The department", "The authority", "The Force", "The Council", "The Trust",
                 "The Department", "The Authority", "The service", "The Service", "The university", "The University", "The board", "The Board")
_END_WORDS = ("decided", "will now be considered", "sorry to inform", "has been ", "apologi")


def _ends_request(u: str) -> bool:
    """``_REQUEST_END.search(u)``: its "^" alternatives tried at the start alone, and only after one of their
    prefixes; the others only where one of their words stands (``search`` tries every alternative at every
    position)."""
    _, _, anchored, free = _folded_plan(_REQUEST_END)  # (a case-sensitive pattern: every alternative reads ``u``)
    return bool(u.startswith(_END_PREFIXES) and anchored.match(u)) or bool(any(w in u for w in _END_WORDS) and free.search(u))
_BODY_SPEAKS = re.compile(r"(?:The\s+)?(?:(?:[A-Z][\w&'’.-]*\s+){1,6}|(?:council|force|trust|department|authority|university|service|board|office)\s+)"
                          r"(?:can(?:not)?|does not|do not|holds?|neither|confirms?|has no|have no)\b")
_AUTH_AFTER = re.compile(r"^\s*(?:\([A-Z]{2,6}\)\s*)?(?:can|cannot|does|do|has|have|hold|holds|is|will|would|are|neither|confirms?|aims?)\b")
# Statute quoted in a legal annex: "Section 24(1) of the Act provides:" then "(1) Information ...".
_PROVIDES = re.compile(r"(?:provides|states|reads)\s*(?:that)?\s*:?\s*$", re.IGNORECASE)
_PROVIDES_WORDS = ("provides", "states", "reads")
cue_words(_REQUEST_START_WORDS, _PROVIDES_WORDS)
_STATUTE_LINE = re.compile(r"^[‘'\"“]?\s*\(\s*(?:\d{1,2}[A-Z]?|[a-z]{1,4})\s*\)")
_STATUTE_WORDS = re.compile(r"\bthis Act\b|\bexempt information\b|\bduty to confirm or deny\b|\bsubsection\b", re.IGNORECASE)
# An answer's heading: "Q1 - ...", "Question 1a", "Q1 & 2.", "Questions 3-5:", "1) ...", "2. and 3. ...".
_QID = r"\d{1,2}[a-z]?"
_NUMBER_PREFIX = r"(?:C(?:westiwn)?\s*\d{1,2}[a-z]?\s*[.:]?\s*/\s*|Your (?:request|question)\s*[:\-–]\s*)?"  # "C1 / Q1.", "Cwestiwn 2 / Question 2", "Your request: 1."
ANSWER_HEAD = re.compile(rf"^\s*{_NUMBER_PREFIX}(?:(?:Q(?:uestions?)?|Requests?\s(?=\s*\d)|Items?\s(?=\s*\d))\s*({_QID}(?:\s*(?:,\s*and|&|,|and|to|-|–)\s*(?:Q\s*)?{_QID})*)\s*(?:[).:\-–]|$)|({_QID}(?:[).]?\s*(?:,|&|and)\s*{_QID})*)\s*[).]\s)",
                         re.IGNORECASE)
# "For question 5 we respond as below.", "In respect of question 8 this is ...": an answer begins.
# ("Our answer to (1): Nine local authorities ...": the request's items numbered "(1)", "(2)")
ANSWER_INTRO = re.compile(rf"^(?:For|In (?:respect of|relation to|response to|answer to|reply to)|Regarding|With regard to|Our (?:answer|response|reply) to|My (?:answer|response|reply) to)"
                          rf"\s+(?:questions?|Q|\((?=\s*\d))\s*({_QID}(?:\s*(?:,\s*and|&|,|and|to|-|–)\s*(?:Q\s*)?{_QID})*)\b(?:\s*\))?(?:\s*[:.\-–](?=\s))?",
                          re.IGNORECASE)
SIGN_OFF = re.compile(r"^(?:Yours (?:sincerely|faithfully)|LEGAL ANNEX|COMPLAINT RIGHTS|Kind regards|Regards)\b", re.I)
_SIGN_OFF_FIRST = frozenset("YyLlCcKkRr")  # what a SIGN_OFF match can begin with
# A heading on a line of its own that numbers the first answer: "Question 1", "Answer 1", "Response to question 1"
# (the request's items above it were numbered "1.", "2."): where a restated request ends.
_FIRST_ANSWER_HEAD = re.compile(r"(?:Q(?:uestion)?|Answer|Response)(?:\s+to\s+question)?\s*1\s*[:.\-–]?\s*$", re.IGNORECASE)
# A numbered item of a request: "1.", "1)", "Q1 -", "1)a", "1b)", "Request 1:", "Item 2 -".
ENUM = re.compile(r"^\s*" + _NUMBER_PREFIX + r"(?:Q(?:uestion)?\s*|(?:Request|Item)\s+)?(\d{1,5})\s*(?:\)\s*([a-z])\b|([a-z])?\s*[).:\-–]\s*|([a-z])\))\s*(?=\S)", re.IGNORECASE)


# A unit longer than this is cut at its last sentence end (else space) before the limit: a text
# saved on one line (3 MB is not rare from some exports) would otherwise make every per-unit
# pattern and sentence search run over the whole text, once per hit: time growing with its square.
MAX_UNIT = 2000


def split_long(unit: str, limit: int = MAX_UNIT) -> list[str]:
    """``unit`` in pieces of at most ``limit`` characters, cut after a sentence end where one is
    in the second half of the piece, else at the last space, else at the limit."""
    out, start = [], 0
    while len(unit) - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = max(unit.rfind(end, lo, hi) for end in (". ", "? ", "! ", "; ", ": ")) + 1
        if cut <= 0:
            cut = unit.rfind(" ", lo, hi) + 1 or hi
        piece = unit[start:cut].strip()
        if piece:
            out.append(piece)
        start = cut
    rest = unit[start:].strip()
    return [*out, rest] if rest else out


def first_characters(units: list[str]) -> dict[str, list[int]]:
    """First character -> the units that begin with it, in order."""
    out: defaultdict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        out[u[:1]].append(i)
    return dict(out)


def _bilingual_columns(units: list[str]) -> list[str]:
    """A Welsh body's letter set as a table of two columns, Welsh | English, row by row (its greeting
    "Annwyl Ymgeisydd, | Dear Requester,"): each row of two cells in words is two paragraphs, not a
    table (a row of figures, "2024 | 57", stays one)."""
    out = []
    for u in units:
        row = u[:-2] if u.endswith(" |") else u
        cells = [c.strip() for c in row.split(" | ")] if " | " in u else None
        if cells and len(cells) == 2 and all(any(ch.isalpha() for ch in c) for c in cells):
            out += cells
        else:
            out.append(u)
    return out


def build_doc(lines: list[str], plain: bool = False, outside_ascii: str | None = None) -> Doc:
    """The document the rules read, from clean lines (``plain``: they hold no space but " ";
    ``outside_ascii``: characters outside ASCII they may hold; see ``text.clean_text``)."""
    units = [u for _, u in logical_lines(lines, plain)]
    if units and max(map(len, units)) > MAX_UNIT:  # (rare: one test of every length in C first)
        units = [piece for u in units for piece in (split_long(u) if len(u) > MAX_UNIT else (u,))]
    if any(" | " in u and u[:6].lower() == "annwyl" for u in units[:80]):
        units = _bilingual_columns(units)
    offsets = list(itertools.accumulate(map((1).__add__, map(len, units[:-1])), initial=0)) if units else []
    segments = [Segment(0, "header")]
    segment_of = []
    first = first_characters(units)
    dears = sorted(i for c in "DdGgHhAa" for i in first.get(c, ()) if units[i][:4].lower() in _GREETING_STARTS and len(units[i]) < 200
                   and _DEAR.match(units[i]))
    # A Welsh body's letter in Welsh and then in English ("Annwyl Ymgeisydd," ... "Dear Requester,") is
    # one message: the English greeting does not open another.
    dears = [i for k, i in enumerate(dears) if not (k and units[dears[k - 1]][:6].lower() == "annwyl" and "/" not in units[dears[k - 1]][:12]
                                                  and units[i][:4].lower() == "dear" and _role(_DEAR.match(units[i]).group(1), "") == "authority")]
    bounds = dears + [len(units)]
    for k, i in enumerate(dears):
        role = _role(_DEAR.match(units[i]).group(1), "\n".join(units[i: bounds[k + 1]]))
        if i > 0:
            segments.append(Segment(i, role))
        else:
            segments[0].role = role
    for s, seg in enumerate(segments):
        segment_of += [s] * ((segments[s + 1].start if s + 1 < len(segments) else len(units)) - seg.start)
    doc = Doc(units, segment_of, segments, [False] * len(units), "\n".join(units), offsets, outside_ascii=outside_ascii)
    doc._first = first
    _classify_segments(doc)
    _mark_quoted(doc)
    if ">" in doc._first:
        _mark_email_quoted(doc)
    if "annwyl" in doc.low or "yn gywir" in doc.low:
        _mark_welsh(doc)
    if sum(seg.role == "authority" for seg in segments) > 1:
        _set_aside_other_requests(doc)
    doc.settle()
    return doc


def _own_references(doc: Doc, s: int) -> set[str] | None:
    """The references message ``s`` labels as its own near its head ("Our reference: X"), or None when it
    labels one as a review's or an original request's (a review's letter has two)."""
    refs = set()
    # (a letterhead above the first greeting is the first message's head)
    top = doc.segments[s - 1].start if s and doc.segments[s - 1].role == "header" and doc.segment_end(s - 1) - doc.segments[s - 1].start <= 12 \
        else doc.segments[s].start
    # (only units holding a label's word, from the one pass for cue words: the pattern is tried at every character)
    labelled = doc.hits(_LABEL_WORDS)
    stop = min(doc.segment_end(s), doc.segments[s].start + 10)
    for i in labelled[bisect.bisect_left(labelled, top): bisect.bisect_left(labelled, stop)]:
        u = doc.units[i]
        if len(u) > 120 or not _ANY_DIGIT.search(u):
            continue
        # (tried only where a label's first word begins, not at every character: the same matches, unless
        # a letter IGNORECASE folds otherwise than lower() stands in the text)
        for m in (_label_matches(doc, i, u) if doc.folds else _REF_LABEL.finditer(u)):
            label = u[max(0, m.start() - 40): m.start("ref")].lower()
            if "review" in label or "original" in label or "appeal" in label:
                return None
            if not _yours(label) and len(m.group("ref")) >= 3 and not _is_date(m.group("ref")):
                refs.add(m.group("ref").rstrip(".-/"))
    if s and doc.segments[s - 1].role != "header":
        refs |= _forwarded_head_references(doc, s)
    return refs


_FORWARDED_HEAD = re.compile(r"^(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|From:\s)", re.I)
_FORWARDED_HEAD_FIRST = ("-", "F", "f")  # what a _FORWARDED_HEAD match can begin with ("" is not among them)


def _forwarded_head_references(doc: Doc, s: int) -> set[str]:
    """The references a forwarded or quoted message's own head prints without a label word, between its
    "-----Original Message-----" (or "From:") line and its greeting: its subject's ("Subject: FOI 2024/0977 -
    ...") or a line that is only a reference ("FOI 2024/0977")."""
    start = doc.segments[s].start
    # (what such a line can begin with tested first: most lines above a greeting begin otherwise)
    top = next((i for i in range(max(doc.segments[s - 1].start, start - 8), start)
                if doc.units[i][:1] in _FORWARDED_HEAD_FIRST and _FORWARDED_HEAD.match(doc.units[i])), None)
    refs = set()
    for i in range(top, start) if top is not None else ():
        u = doc.units[i]
        if len(u) > 120 or not _ANY_DIGIT.search(u):
            continue
        line = _REF_LINE.match(u) if len(u) <= 40 else None
        found = [line.group("ref")] if line and sum(c.isdigit() for c in u) >= 4 else [
            m.group("ref") for m in _BARE_REF.finditer(u)] if ("FOI" in u or "EIR" in u or "RFI" in u) else []
        refs.update(r for r in found if not _is_date(r))
    return refs


def _digits(refs: set[str]) -> set[str]:
    """References by their digits, so that one printed with and without its letters ("FOI 2024/0977",
    "2024/0977") is the same."""
    return {_NOT_DIGIT.sub("", r) for r in refs}


_NOT_DIGIT = re.compile(r"\D+")


def _set_aside_other_requests(doc: Doc) -> None:
    """A message of a thread that labels its own reference, another than the one the first such message
    labels (a response to an earlier request forwarded below the reply: "Our reference: MGLA300125-4471"
    under "Our reference: MGLA030625-5102"), answers another request: its words are read as quoted (no
    date, ground or answer of this request comes from them) and it is no message of this one."""
    first, aside = None, False
    for s, seg in enumerate(doc.segments):
        if seg.role != "authority" or seg.kind in ("review_ack", "review_response"):
            continue
        refs = _own_references(doc, s)
        if not refs:
            continue
        if first is None:
            first, first_digits = refs, _digits(refs)
        elif not _digits(refs) & first_digits:
            for i in range(seg.start, doc.segment_end(s)):
                doc.quoted[i] = True
            seg.kind, seg.date = "other_request", None
            aside = True
    left = [s for s, seg in enumerate(doc.segments) if seg.role == "authority" and seg.kind != "other_request"]
    if aside and len(left) == 1 and doc.segments[left[0]].kind == "update" and not any(
            seg.kind == "response" for seg in doc.segments):
        # (the reply and the forwarded response both answered numbered questions: with that one set aside, the
        # reply is the thread's one answering message, its response)
        s = left[0]
        if any(_NUMBERED_ONE.match(doc.units[i]) for i in range(doc.segments[s].start, doc.segment_end(s))):
            doc.segments[s].kind = "response"


def answer_headings(doc: Doc) -> list[list[str] | None]:
    """For each unit, the question ids if it heads an answer in a response ("Q2 - ...", "Q1 & 2.")."""
    if doc.heads is None:
        doc.heads = _answer_headings(doc)
    return doc.heads


def _answer_headings(doc: Doc) -> list[list[str] | None]:
    heads: list[list[str] | None] = [None] * len(doc.units)
    if numbered_paragraphs(doc):
        return heads
    units, segment_of = doc.units, doc.segment_of
    answering = [seg.kind in _HEAD_KINDS for seg in doc.segments]
    # (one loop, no call a unit: the tests of the unit's own first characters first, most units end there)
    for k in doc.starting(lambda c: c in _HEAD_FIRST or c.isdigit()):
        u = units[k]
        c = u[0]
        if c in "Yy":
            if not u.startswith(_YOUR):
                continue
        elif c in "Cc":
            if not (u[1:2].isdigit() or u.startswith(("Cwestiwn ", "CWESTIWN "))):
                continue  # (only the Welsh "C1 / Q1" numbering begins with "C")
        elif c in "FfIiRrWwOoMm" and u[:3].lower() not in _INTRO_STARTS and u[:3].isascii():
            continue  # neither pattern can match ("İ" and its kind fold otherwise: those go to the patterns)
        if answering[segment_of[k]] and (m := ANSWER_HEAD.match(u) or ANSWER_INTRO.match(u)):
            heads[k] = question_ids(m.group(1) or m.group(2))
    if ">" in doc._first:
        _quoted_above_answers(doc, heads, answering)
    if not any(heads):
        _asked_above_answers(doc, heads)
    return heads


def _quoted_above_answers(doc: Doc, heads: list, answering: list[bool]) -> None:
    """An email reply that answers under each quoted question ("> 2. How many searches ...?", then the reply's
    "Northumbria Police does not hold this information."): the quoted item heads the answer below it."""
    for k in doc.starting(">".__eq__):
        if doc.quoted[k] and k + 1 < len(doc.units) and doc.own(k + 1) and answering[doc.segment_of[k]] \
                and (m := ENUM.match(doc.units[k].lstrip("> "))) and m.group(1) != "0":
            heads[k] = [m.group(1) + (m.group(2) or m.group(3) or m.group(4) or "").lower()]


_ASKING = ("please provide", "please tell", "please list", "please supply", "please give", "please confirm", "please send", "please state")


def _asked_above_answers(doc: Doc, heads: list) -> None:
    """Questions restated unnumbered, each above its answer (Police Scotland's layout, a council's bold
    questions): a paragraph that asks ("...?", "Please provide ...") followed by one that does not,
    twice or more, heads that answer as questions 1, 2, 3 in order."""
    signs = doc.sign_offs()
    end = signs[0] if signs else len(doc.units)
    restated = set(doc.restated)  # (a question restated after "Your request is set out below" is one)
    asks = [i for i in range(end) if (doc.own(i) or i in restated) and doc.segments[doc.segment_of[i]].role == "authority"
            and doc.segments[doc.segment_of[i]].kind in ("response", None) and asks_question(doc.units[i])]
    # (in one message, each asked once: a text saved twice over is not two questions)
    if len(asks) >= 2 and all(b - a >= 2 for a, b in zip(asks, asks[1:])) and asks[-1] + 1 < end \
            and len({doc.segment_of[i] for i in asks}) == 1 and len({doc.units[i] for i in asks}) == len(asks):
        for n, i in enumerate(asks, 1):
            heads[i] = [str(n)]


def asks_question(u: str) -> bool:
    return 15 <= len(u) <= 400 and (u.endswith("?") or u[:14].lower().startswith(_ASKING)) and not u[:1].isdigit()


# An ICO decision notice numbers its paragraphs ("1. The complainant requested ...", "2. The Commissioner's
# decision is ..."): they are neither questions nor answers; the request is quoted in one of them.
_NOTICE_TITLE, _NOTICE_VOICE = ("decision notice",), ("the commissioner",)
cue_words(_NOTICE_TITLE, _NOTICE_VOICE)


def numbered_paragraphs(doc: Doc) -> bool:
    """Is the text an ICO decision notice (titled so in its first lines, the Commissioner speaking)?"""
    title = doc.hits(_NOTICE_TITLE)
    return bool(title) and title[0] < 4 and bool(doc.hits(_NOTICE_VOICE))


_HEAD_FIRST = frozenset("QqFfIiRrWwCcYyOoMm")  # what ANSWER_HEAD and ANSWER_INTRO can begin with, digits aside


# What an ANSWER_INTRO match begins with, lower-cased (a unit beginning "I have" or "We" is not one).
_INTRO_STARTS = ("for", "in ", "reg", "wit", "req", "ite", "our", "my ")  # (and ANSWER_HEAD's "Request 1", "Item 2")


# The messages whose units can head an answer; the openings of a unit beginning "Y" that can.
_HEAD_KINDS = ("response", None, "update", "review_response")
_YOUR = ("Your request", "Your question", "YOUR REQUEST", "YOUR QUESTION")


_QID_RANGE = re.compile(rf"({_QID})(?:\s*(?:-|–|to)\s*(?:Q\s*)?(\d{{1,2}})\b)?")


def question_ids(text: str) -> list[str]:
    """ "1b, 4 & 5" -> 1b, 4, 5; "3-5" or "3 to 5" -> 3, 4, 5."""
    out: list[str] = []
    for m in _QID_RANGE.finditer(text.lower()):
        first, last = m.group(1), m.group(2)
        ids = [str(n) for n in range(int(first), int(last) + 1)] if last and first.isdigit() and int(first) < int(last) <= int(first) + 20 else [first]
        out += [q for q in ids if q not in out]
    return out


def answer_of(doc: Doc) -> list[list[str] | None]:
    """For each unit, the questions whose answer it is part of (None outside answers)."""
    out, current, segment = [], None, 0
    signs = set(doc.sign_offs())
    for i, (s, mine, head) in enumerate(zip(doc.segment_of, doc.owned or [doc.own(k) for k in range(len(doc.units))], answer_headings(doc))):
        if s != segment or i in signs:
            current, segment = None, s
        if mine:
            current = head or current
        out.append(current)
    return out


# (tried on the 60 lower-cased characters before each "internal review", and ending there)
_REVIEW_OFFER = re.compile(r"\b(?:may|can|could|might|wish to|entitled to|right to)\s+(?:\w+\s+){0,3}?(?:request|ask for|apply for|seek|have|make|submit|lodge)\s+"
                           r"(?:an?\s+)?(?:independent\s+)?$")


_NUMBERED_ONE = re.compile(r"(?:Q(?:uestion)?\s*)?1[.):]\s")


def only_asks_to_clarify(doc: Doc) -> bool:
    """Is the authority's only word so far a request for clarification (FOIA s1(3))? Then it answers no
    question: the points it asks about are not the request's, and what it says in advice is no answer."""
    if any(seg.kind in ("response", "review_response") for seg in doc.segments):
        return False
    updates = {s for s, seg in enumerate(doc.segments) if seg.kind == "update" and seg.role != "requester"}
    return bool(updates) and any(next(doc.search(rx, needles, own=False, segments=set(updates)), None)
                                 for _, needles, rx in (_HOLDS_FOR_CLARIFICATION, _ASKS_TO_CLARIFY))


def _extension_told_before(doc: Doc, s: int) -> bool:
    """Is every extension cue of message ``s`` told as past ("we wrote to tell you that we needed more time")?"""
    _, needles, rx = _EXTENSION_RULE
    told = False
    for u in doc.units[doc.segments[s].start: doc.segment_end(s)]:
        low = u.lower()
        if not any(n in low for n in needles):
            continue
        for m in rx.finditer(u):
            if not _EXTENSION_TOLD.search(u, u.rfind(".", 0, m.start()) + 1, m.start()):
                return False
            told = True
    return told


def _classify_segments(doc: Doc) -> None:
    # A message is a review's only where it speaks of one, not where it offers one ("you may request an
    # internal review"), which closes nearly every first response.
    # (FOISA's words for it: "your requirement for review")
    review = {doc.segment_of[doc.unit_at(k)] for w in ("internal review", "requirement for review") for k in doc.where(w)
              if not _REVIEW_OFFER.search(doc.low, max(0, k - 60), k)}
    for requester, table in ((False, _KIND_RULES), (True, _REQUESTER_KINDS)):
        # Rules in order; each looks only at messages no earlier rule has claimed.
        open_ = {s for s, seg in enumerate(doc.segments) if (seg.role == "requester") == requester}
        for kind, needles, rx in table:
            allowed = open_ & review if kind == "review_response" else set(open_)
            if not allowed:
                continue
            for i, _ in doc.search(rx, needles, own=False, segments=allowed):
                s = doc.segment_of[i]
                doc.segments[s].kind = kind
                open_.discard(s)
                # A claimed message needs no more looking at: ``search`` reads ``allowed`` as it goes.
                allowed.discard(s)
                if not allowed:
                    break
    for s, seg in enumerate(doc.segments):
        if seg.kind == "ack?":
            seg.kind = None if any(_NUMBERED_ONE.match(doc.units[i]) for i in range(seg.start, doc.segment_end(s))) else "ack"
    extensions = {s for s, seg in enumerate(doc.segments) if seg.kind == "extension"}
    decided = {doc.segment_of[i] for needles, rx in _DECIDED
               for i, _ in (doc.search(rx, needles, own=False, segments=extensions) if extensions else ())}
    decided |= {s for s in extensions - decided if _extension_told_before(doc, s)}
    # The authority's only message, claimed by no rule, is its response: a letter that gives its answer
    # in words no rule lists ("Our response", a cost refusal, answers under each question) is not an update.
    only = [s for s, seg in enumerate(doc.segments) if seg.role == "authority"]
    only = only[0] if len(only) == 1 else None
    if only is None and not any(seg.kind == "response" for seg in doc.segments):
        # In a thread (an acknowledgement, a review, quoted mail), the one authority message no rule
        # claims is the response when it answers numbered questions or a review of it follows.
        left = [s for s, seg in enumerate(doc.segments) if seg.role == "authority" and seg.kind is None]
        if len(left) == 1 and any(seg.kind in ("review_request", "review_ack", "review_response") for seg in doc.segments[left[0] + 1:]):
            only = left[0]
        else:
            # (of several such messages, e.g. a holding reply beside it, the one that answers numbered questions)
            answering = [s for s in left if any(_NUMBERED_ONE.match(doc.units[i]) for i in range(doc.segments[s].start, doc.segment_end(s)))]
            if len(answering) == 1:
                only = answering[0]
    for s, seg in enumerate(doc.segments):
        if seg.kind is None and seg.role != "header":
            seg.kind = "request" if seg.role == "requester" else ("response" if s == only else "update")
        if seg.kind == "extension" and s in decided:
            seg.kind = "response"
        if s == 0 and len(doc.segments) == 1:
            # A letter without "Dear": its "Date:" line at the top.
            seg.date = next((d for u in doc.units[:8] if (u[:4].lower() == "date" or "/" in u[:14]) and _DATE_LINE_LABEL.match(u)
                             for d in [date_line(u)] if d), None)
        if s > 0:
            # A message's own date: a date-only line (or "Date:"/"Sent:") just above its "Dear".
            greetings = [seg.start]
            if doc.units[seg.start][:6].lower() == "annwyl":
                # (a letter in Welsh then in English: above its English "Dear" too, when the Welsh date is in words
                # the patterns do not read, "Dyddiad: 9 Gorffennaf 2025")
                greetings += [i for i in range(seg.start + 1, doc.segment_end(s)) if doc.units[i][:4].lower() == "dear"][:1]
            for g, floor in zip(greetings, (doc.segments[s - 1].start, seg.start)):
                for j in range(g - 1, max(floor, g - 6) - 1, -1):
                    d = date_line(doc.units[j])
                    if d:
                        seg.date = d
                        break
                if seg.date:
                    break


# (a bilingual label too: "Dyddiad / Date:", and the Welsh alone, "Dyddiad:"; "dated" before "date", which would leave its "d")
_DATE_LINE_LABEL = re.compile(r"^(?:[^\W\d]{2,12}\s*/\s*)?(?:dated|date(?: sent)?|sent|dyddiad)\s*:?\s*", re.IGNORECASE)
# (a mail header's "10:02:11 +0000" or "10:02 (GMT)" too)
_TIME = re.compile(r"[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?(?:\s*[+-]\d{4})?(?:\s*\(?(?:GMT|BST|UTC)\)?)?\s*$", re.IGNORECASE)


# A date printed year first ("2024-06-03"), as web pages and mail headers print it: never ambiguous.
ISO_DATE = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d|[/.\-]\d)")


_WEEKDAYS = frozenset(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))  # (how a _WEEKDAY_BEFORE_DIGITS match begins)
_WEEKDAY_BEFORE_DIGITS = re.compile(r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+(?=\d)", re.I)


def date_line(unit: str) -> tuple[dt.date, str] | None:
    """A line that is only a date (the date of a letter or message), as (date, printed form)."""
    if len(unit) > 60 or not unit[:1].isalnum() or not _ANY_DIGIT.search(unit):
        return None  # (every date pattern below holds a digit: a line without one is not tried)
    s = _DATE_LINE_LABEL.sub("", unit.strip())
    if ":" in s or "." in s:  # (a time holds one: _TIME is tried at every position, the test is one pass in C)
        s = _TIME.sub("", s)
    if s[:3].lower() in _WEEKDAYS and (w := _WEEKDAY_BEFORE_DIGITS.match(s)) and (NUMERIC_DATE.fullmatch(s, w.end()) or ISO_DATE.fullmatch(s, w.end())):
        s = s[w.end():]  # ("Sent: Tue 04/03/2025 10:12", as Outlook prints it: the date is the digits)
    if NUMERIC_DATE.fullmatch(s) or WORDED_DATE.fullmatch(s) or ISO_DATE.fullmatch(s) or US_WORDED_DATE.fullmatch(s):
        try:
            return parse_printed_date(s), " ".join(s.split())
        except ValueError:
            return None
    return None


# Welsh function words, and English ones: a unit of a bilingual letter written in Welsh only.
_WELSH_WORDS = frozenset("yn yw yr gan eich ein wedi nid mae eu gyda ydych ydy oes nad bod hwn hon hyn pob neu os dan o'r i'r a'r sy'n "
                         "mewn gennym rydym yng ym cael gallwch".split())
_ENGLISH_WORDS = frozenset("the and of to is in for we you your on has have was are not this that with by it our does be as at from or".split())


def quoted_from_requester(doc: Doc, i: int) -> bool:
    """Is the message an email client quotes under unit ``i`` ("On 12 June 2025, ... wrote:") the requester's:
    its quoted greeting, in the next lines, addresses a body ("> Dear Guy's and St Thomas' NHS Foundation Trust,")?"""
    for k in range(i + 1, min(i + 4, len(doc.units))):
        if (m := _DEAR.match(doc.units[k].lstrip("> "))):
            return _role(m.group(1), "") == "requester"
    return False


# A line an email client quotes: ">" (or ">>") then a space or nothing; not a figure ("> 5", more than five).
_EMAIL_QUOTE = re.compile(r">+(?: |$)(?!\s*\d[\d,]*(?:\.\d+)?(?:\s|$))")


def _mark_email_quoted(doc: Doc) -> None:
    """Lines an email client quotes ("> 1. Does the force use ...?", "> Dear Northumbria Police,") are the
    earlier message's words, read as quoted (the requester's question, or the body's own earlier reply that a
    review quotes), not as the reply's: when two or more lines are so quoted, below a message the body writes (its
    greeting unquoted: a response forwarded or saved with every line quoted is read as before, not as nothing)."""
    # (not the client's line that says whose they are, "> On 4 August 2025 you wrote:": see events)
    lines = [i for i in doc.starting(">".__eq__) if _EMAIL_QUOTE.match(doc.units[i]) and not doc.units[i].endswith("wrote:")]
    if len(lines) >= 2 and any(seg.role == "authority" for seg in doc.segments):
        for i in lines:
            doc.quoted[i] = True


def _mark_welsh(doc: Doc) -> None:
    """A Welsh body writes each paragraph in Welsh and in English: the rules read the English, so a
    unit in Welsh only (a Welsh function word and no English one, or two or more and over twice its
    English ones) is read as quoted, not as the authority's words ("3. Nid yw'r Heddlu yn dal ..."
    heads no answer)."""
    for i, u in enumerate(doc.units):
        if not doc.quoted[i] and len(u) > 20:
            words = doc.unit_low(i).split()
            welsh, english = sum(w in _WELSH_WORDS for w in words), sum(w in _ENGLISH_WORDS for w in words)
            if welsh > 2 * english and (welsh >= 2 or not english):
                doc.quoted[i] = True


def _mark_quoted(doc: Doc) -> None:
    # Only units that open with a quotation mark or bracket (quoted statute), or that hold a word of
    # an introduction; both introductions end their line (or are a short heading).
    quote = set(doc.starting("(‘'\"“".__contains__))
    request, provides = set(doc.hits(_REQUEST_START_WORDS)), set(doc.hits(_PROVIDES_WORDS))
    starts = {}
    for i in sorted(quote | request | provides):
        u = doc.units[i]
        if i in quote and _STATUTE_LINE.match(u) and holds_folded(_STATUTE_WORDS, u, doc.unit_low(i)):
            doc.quoted[i] = True  # "(1) Information which is not exempt information by virtue of section 30 ..."
        elif u.endswith(":") or len(u) < 40 or "below" in u[-60:]:
            low = doc.unit_low(i)  # (only for the few units that can introduce one)
            if i in request and holds_folded(_REQUEST_START, u, low):
                starts[i] = "request"
            elif i in provides and holds_folded(_PROVIDES, u, low):
                starts[i] = "statute"
    done = -1
    for i in sorted(starts):
        s = doc.segment_of[i]
        if i < done or doc.segments[s].role == "requester":
            continue
        if starts[i] == "request" and starts.get(i + 1) == "request" and doc.segment_of[i + 1] == s:
            continue  # a heading ("Request") over the body's own introduction ("On 10 July 2025 the Museum received a request for:")
        end = doc.segments[s + 1].start if s + 1 < len(doc.segments) else len(doc.units)
        if starts[i] == "request":
            j = _request_end(doc, i + 1, end)
        else:
            j = i + 1
            while j < end and _STATUTE_LINE.match(doc.units[j]):
                j += 1
        for k in range(i + 1, j):
            doc.quoted[k] = True
        if starts[i] == "request":
            doc.restated += range(i + 1, j)
        done = j


def holds_folded(rx: re.Pattern, u: str, low: str, needles: tuple[str, ...] = ()) -> bool:
    """Does ``rx`` (case-insensitive) match in ``u``? Asked of ``low`` (``u`` lower-cased) with the
    case-sensitive twins of its alternatives where that finds the same: Python's ``re`` runs a
    case-insensitive alternation several times slower. (``low`` has "'" for "’": an alternative with
    "'", or one whose case matters, reads ``u``.)
    ``needles``: words every match holds (lower case; a test checks them from the pattern), tested first: a
    substring test is far cheaper than trying the pattern at every position."""
    if not (u.isascii() or folds_like_lower(u)):
        return rx.search(u) is not None
    if needles and not any(n in low for n in needles):
        return False
    low_anchored, low_free, anchored, free = _folded_plan(rx)
    return (bool(low_anchored and low_anchored.match(low)) or bool(low_free and low_free.search(low))
            or bool(anchored and anchored.match(u)) or bool(free and free.search(u)))


@_by_pattern
def _folded_plan(rx: re.Pattern) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """How ``holds_folded`` tries ``rx``: (its "^" alternatives, without it, and its others, each as their
    lower-case twins for the lower-cased text; then those of each that keep to the text itself). Whether
    a pattern matches is whether one of its alternatives does: each alternative is read on the lower-cased
    text when its own twin can be (one with a capital class or "(?-i:" no longer keeps the others on the
    text), the "^" ones only at the start (``search`` would try them at every position). A pattern read
    line by line (MULTILINE) or with a back-reference (its groups would be renumbered) stays whole."""
    if rx.flags & re.MULTILINE or rx.groups and re.search(r"\\\d|\(\?P=", rx.pattern):
        twin = _lower_twin(rx)
        return (None, twin, None, None) if twin is not None and "'" not in rx.pattern else (None, None, None, rx)
    sorted_parts: dict[tuple[bool, bool], list[str]] = {(True, True): [], (True, False): [], (False, True): [], (False, False): []}
    for part in _branches(rx.pattern):
        on_low = "'" not in part and (lowered := _twin_source(part, rx.flags)) is not None
        source = lowered if on_low else part
        anchored = source.startswith("^")
        sorted_parts[on_low, anchored].append(source[1:] if anchored else source)
    flags = (rx.flags & ~re.IGNORECASE, rx.flags)
    return tuple(re.compile("|".join(parts), flags[not on_low]) if parts else None
                 for (on_low, _), parts in sorted_parts.items())


_ASKS = re.compile(r"(?:please|could you|can you|would you|I would like|I request|provide|copies of|a copy of)\b", re.IGNORECASE)


def _request_end(doc: Doc, i: int, end: int) -> int:
    """Where a restated request starting at unit ``i`` ends (the first unit not part of it)."""
    if i < end and doc.units[i][:1] in "“\"":
        # In quotation marks: up to the closing mark.
        close = "”" if doc.units[i][0] == "“" else '"'
        for j in range(i, min(end, i + 60)):
            if close in doc.units[j][1 if j == i else 0:]:
                return j + 1
    last_item = 0
    for j in range(i, end):
        u = doc.units[j]
        if _ends_request(u):
            return j
        item = ENUM.match(u) if u[:1].isdigit() or u[:1] in "Qq" else None
        if item:
            # Numbering that starts again ("1. Yes" after "3. ...") is the answers.
            if int(item.group(1)) < last_item and int(item.group(1)) == 1:
                return j
            last_item = int(item.group(1))
        elif last_item and len(u) < 40 and "?" not in u and u[:1] in "QqAaRr" and _FIRST_ANSWER_HEAD.match(u):
            return j  # the same, as a heading of its own: "Question 1" (no stop) after "1. ...", "2. ..."
        # "Essex Police holds ...", "Police Scotland can ...": the authority speaking again.
        if _first_word(u) in _alias_first_words():
            hits = find_authorities(u[:60])
            if hits and hits[0][0] == 0 and _AUTH_AFTER.match(u[hits[0][1]:]):
                return j
        # After the numbered items, a body not in authorities.csv speaking of itself ("Lincolnshire County
        # Council does not hold ...", "The council can confirm ...").
        if last_item and not item and u[:1].isupper() and _BODY_SPEAKS.match(u):
            return j
    # No sign of the answer: the request is its opening lines and numbered items (with continuations).
    j, numbered = i, False
    while j < end:
        u = doc.units[j]
        item = bool(ENUM.match(u))
        if not (item or u[:1] in "“\"" or (j > i and u[:1].islower()) or (not numbered and j - i < 4)):
            break
        numbered = numbered or item
        j += 1
    if not numbered and i < end and (doc.units[i].rstrip().endswith("?") or _ASKS.match(doc.units[i])):
        return i + 1  # one unnumbered question ("How many times ...?", "Please provide ...") before the answer
    return j if numbered else i


def request_text(doc: Doc) -> str:
    """The request: as a reply restates it, else the requester's first message (greeting to sign-off)."""
    if doc.restated:
        return "\n".join(doc.units[i] for i in doc.restated)
    for s, seg in enumerate(doc.segments):
        if seg.role == "requester":
            end = doc.segments[s + 1].start if s + 1 < len(doc.segments) else len(doc.units)
            body = []
            for u in doc.units[seg.start + 1: end]:
                if SIGN_OFF.match(u):
                    break
                body.append(u)
            return "\n".join(body)
    # A request told in the reply's own sentence: "your email of 14 July 2025 asking for all correspondence ...".
    for i, m in doc.search(_ASKED_INLINE, _ASKED_INLINE_WORDS):
        return doc.units[i]
    return ""


def request_end(doc: Doc) -> int | None:
    """The last unit of the request as the reply restates it or tells it in a sentence (``request_text``'s
    request), or None (none, or the requester's own message in a thread)."""
    if doc.restated:
        return doc.restated[-1]
    if any(seg.role == "requester" for seg in doc.segments):
        return None
    return next((i for i, _ in doc.search(_ASKED_INLINE, _ASKED_INLINE_WORDS)), None)


_ASKED_INLINE_WORDS = ("asking for", "requesting", "seeking", "in which you asked", "in which you requested", "you asked for", "you requested",
                       "you asked whether", "you asked if", "you asked us whether", "you asked us if", "you asked")
_ASKED_INLINE = re.compile(r"\byour (?:(?:FOI|information) )?(?:request|e-?mail|letter|application)\b[^.]{0,60}?\b"
                           r"(?:asking for|requesting|seeking|in which you (?:asked|requested))\b"
                           # "You asked for details of any deployments ...": told in the reply's sentence, not set out below it
                           r"|\byou (?:asked for|requested) (?:details|information|a copy|copies|the number|any|all|data|figures)\b"
                           # ("You asked whether the Mayor has received ...", "You asked how many deployments ...")
                           r"|\byou asked (?:us )?(?:whether|if|how (?:many|much|often|long)|what|which|when)\b"
                           r"|\byou (?:asked|requested)(?: us)?(?: for)?\s*:?\s*[“\"]", re.IGNORECASE)  # ('You asked for "every document ..."')
cue_words(_ASKED_INLINE_WORDS)


# ---------------------------------------------------------------------------------------------
# Which authority: the one written to ("Dear X"), speaking ("X can neither confirm ..."), signing.

# The authority speaks as itself: it is written to, receives, holds or does not hold, decides, signs.
# A name in any other place ("data from the Met", "the Met deploys") is the subject, not the writer.
_SPEAKS_BEFORE = re.compile(r"(?:\bDear|received by|\brequest (?:to|made to|sent to)|(?:\bnot|\bis|\bare|\bwas|\bwere) held by|\bon behalf of|(?:response|reply|letter) from"
                            r"|\bwritten to|\bFOI|Freedom of Information|FOI,)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEAKS_AFTER = re.compile(
    r"^\s*(?:\([A-Za-z]{2,6}\)\s*)?(?:can (?:neither|confirm|now|only|provide|disclose|release|advise|not)|cannot|can't|does not|do not"
    r"|does hold|do hold|holds? (?:no|the|some|any|information|this|recorded)|neither|confirms?|aims?|received|receives|acknowledges?"
    r"|ha(?:s|ve) (?:now )?(?:considered|decided|located|searched|completed|received|carried out|conducted)"
    r"|is (?:not |un)?able|is (?:required|obliged|releasing|disclosing|withholding|applying|relying|providing|unable)"
    r"|will (?:now )?(?:respond|provide|aim|endeavour))\b", re.IGNORECASE)
# Mentions in the complaint-rights paragraph every letter ends with are not who writes.
_COMPLAINT = ("complain", "appeal", "wycliffe house", "wilmslow", "ico.org.uk")
_APPEAL_BODY = "Information Commissioner's Office"
cue_words(_COMPLAINT)
# Words every _SPEAKS_BEFORE match holds (see holds_folded).
_SPEAKS_BEFORE_WORDS = ("dear", "received by", "request ", "held by", "behalf of", "from", "written to", "foi", "freedom of information")
# How every _SPEAKS_BEFORE match ends, before its spaces (and "the"), lower case.
_SPEAKS_BEFORE_ENDS = ("dear", "by", "to", "of", "from", "foi", "information", "foi,")


def _spoken_to(before: str, low: str) -> bool:
    """``holds_folded(_SPEAKS_BEFORE, before, low, ...)``: is a name after ``before`` (``low``: lower-cased)
    written to, held by ...? Its last word is looked at first: most names follow none of these."""
    if folds_like_lower(before):
        last = low.rstrip()
        if not (last.endswith(_SPEAKS_BEFORE_ENDS) or (last.endswith("the") and last[:-3].rstrip().endswith(_SPEAKS_BEFORE_ENDS))):
            return False
    return holds_folded(_SPEAKS_BEFORE, before, low, _SPEAKS_BEFORE_WORDS)


# Whether a name is kept where names overlap depends on its overlapping neighbours (and theirs):
# searching this far around a span finds in it what a search of the whole text finds there.
_NAME_MARGIN = 400


def _authorities_near(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``find_authorities`` of the whole text, kept to names starting in ``spans`` (sorted): only the
    spans (and a margin) are searched, not the middle of a long letter."""
    merged: list[list[int]] = []
    for a, b in spans:
        if a >= b:
            continue
        a, b = max(0, a - _NAME_MARGIN), min(len(doc.text), b + _NAME_MARGIN)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in spans]
    out = []
    for a, b in merged:
        for hit in find_authorities(doc.text, doc.low, a, b, doc.coded()):
            # (the spans are sorted: the last to start at or before the name, or the one before it, may hold it)
            k = bisect.bisect_right(starts, hit[0]) - 1
            if k >= 0 and (hit[0] < spans[k][1] or (k and hit[0] < spans[k - 1][1])):
                out.append(hit)
    return out


# A public body recognised by the form of its name, for bodies not in authorities.csv (a county council,
# an NHS trust): capitalised words ending in what such a body calls itself.
_BODY_FORM = re.compile(
    r"(?:[Tt]he\s+)?(?:"
    r"(?:(?:[A-Z][\w'’\-]*|of|and|&|the|for|upon|on|in)\s+){0,7}?"
    r"(?:(?:County|City|Borough|District|Town|Parish|Metropolitan Borough)\s+Council|Council|NHS(?:\s+Foundation)?\s+Trust"
    r"|Board|Police|Constabulary|Police and Crime Commissioner|Fire and Rescue Service"
    r"|Combined Authority|Authority|University|College|Agency|Service|Executive|Commission|Office|Department|Ombudsman"
    # (a national museum, library or gallery: "Natural History Museum", "British Library", "National Gallery")
    r"|Museums?|Library|Gallery|Galleries"
    # (a school's trust is a public authority too: "Kingsmead Academies Trust", "Riverside Learning Trust")
    r"|(?:Multi[- ])?(?:Academy|Academies|Learning|Education|Educational|Schools)\s+Trust"
    # (a business improvement district or a retailers' crime partnership, which may say the Act does not apply to it)
    r"|(?:Business\s+)?Improvement\s+District|(?:Business\s+|Retail\s+)?Crime\s+(?:Reduction\s+)?Partnership)"
    # ... or what begins such a name: "Department for Education", "Ministry of ...", "NHS England", "HM Treasury"
    # ("London Borough of Camden", "Royal Borough of Greenwich", "Transport for Greater Manchester")
    # ("Police Ombudsman for Northern Ireland", "Public Services Ombudsman for Wales")
    r"|(?:Department (?:for|of)|Ministry of|NHS|HM|His Majesty's|Office (?:of|for)|University of|(?:London |Royal )?Borough of|Transport for"
    r"|(?:National )?(?:Museums?|Library|Gallery) of"
    r"|(?:[A-Z][\w'’\-]*\s+(?:and\s+)?){0,4}Ombudsman (?:for|of))"
    r"(?:\s+(?:[A-Z][\w'’\-]*|of|and|&|the|for|in)){1,6}"
    r")\s*[.,]?")
# Words of a team's name, not a body's: "Information Rights Office", "Information Governance Department".
_UNIT_WORDS = frozenset("information freedom rights governance management team unit office compliance records access disclosure data "
                        "protection department legal services service corporate customer foi foia request requests of and the for & "
                        "central support public communications complaints enquiries joint strategic policy legal team board".split())


_FORM_LAST = frozenset("council trust board police constabulary commissioner service authority university college agency executive "
                       "commission office department district partnership ombudsman museum museums library gallery galleries".split())
_FORM_FIRST = frozenset("department ministry nhs hm his office university london royal borough transport national museum museums library "
                        "gallery".split())
# A letterhead line of the body's name and its address: "Ministry of Defence, Main Building, Whitehall, London SW1A 2HB".
_POSTCODE_END = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\s*$")
# (a fire and rescue or ambulance service is a body, not a team; so is an agency: no team calls itself one)
# (a university's or a council's library is a team too)
_TEAM_LIKE = re.compile(r"\b(?:(?<!Rescue )(?<!Ambulance )Service|Executive|Commission|Office|Department|Library)$")


def body_by_form(line: str) -> str | None:
    """The name on a line that is only a public body's name ("Hertfordshire County Council"), else None."""
    line = line.strip()
    if not 6 <= len(line) <= 80 or not line[:1].isupper():
        return None
    words = line.rstrip(".,").split()
    if words[-1].lower() not in _FORM_LAST and words[0].lower() not in _FORM_FIRST and words[0].lower() != "the" and "Ombudsman" not in words:
        return None  # (the cheap test first: most lines end in no such word)
    if line.isupper():
        line = " ".join(w if len(w) <= 3 else w.capitalize() for w in line.split())  # "SURREY COUNTY COUNCIL"
    m = _BODY_FORM.fullmatch(line)
    if not m or not line.split()[0][:1].isupper():
        return None
    name = re.sub(r"^the\s+", "", line.rstrip(".,"), flags=re.IGNORECASE)
    words = name.lower().split()
    if len(words) < 2 or all(w in _UNIT_WORDS for w in words):
        return None
    return name


# A commissioner's office is named after its area either way round: "Office of the Police and Crime
# Commissioner for Surrey", "OPCC Surrey", "Surrey OPCC" are all the "Surrey Police and Crime Commissioner".
_AREA = r"(?:the\s+)?(?P<area>[A-Z][\w&'’\-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w&'’\-]*){0,4})"
_PCC_FORM = re.compile(r"(?:(?:the\s+)?Office\s+of\s+the\s+)?Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner\s+for\s+" + _AREA
                       + r"|(?:the\s+)?OPF?CC\s+(?:for\s+)?" + _AREA.replace("area", "area2") + r"|" + _AREA.replace("area", "area3") + r"\s+OPF?CC"
                       # (area first: "North Yorkshire Police, Fire and Crime Commissioner")
                       + r"|" + _AREA.replace("area", "area4") + r",?\s+Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner")


def pcc_by_form(line: str) -> str | None:
    """The commissioner that a line naming a PCC's office by its area stands for, else None."""
    m = _PCC_FORM.fullmatch(line.strip().rstrip(".,"))
    if not m:
        return None
    area = m.group("area") or m.group("area2") or m.group("area3") or m.group("area4")
    for title in ("Police and Crime Commissioner", "Police Fire and Crime Commissioner"):
        name = normalise_authority(f"{area} {title}")
        if name:
            return name
    # One not in the table is named as the table names commissioners ("Lincolnshire Police and Crime
    # Commissioner"), when the line spells out which kind it is.
    fire = re.search(r"\bFire\s+and\s+Crime\b", line)
    return f"{' '.join(area.split())} Police {'Fire ' if fire else ''}and Crime Commissioner" if m.group("area") or m.group("area4") else None


def _authority_by_form(doc: Doc) -> str | None:
    """A body named alone under the sign-off, else in the letterhead (first lines)."""
    signed = [j for k in doc.sign_offs() for j in range(k + 1, min(k + 7, len(doc.units)))]
    for i in signed + list(range(min(5, len(doc.units)))):
        if doc.segments[doc.segment_of[i]].role != "requester" and not doc.quoted[i]:
            u = doc.units[i]
            name = (pcc_by_form(u) if "CC" in u or "Commissioner" in u else None) or body_by_form(u) or (
                _named_twice(u, {doc.units[j].strip(" .,") for j in signed}) if u.endswith(")") else None)
            # (a unit has no run of spaces and none at its end: a postcode ending it is in its last 8 characters)
            if not name and "," in u and _POSTCODE_END.search(u, max(0, len(u) - 12)):
                name = body_by_form(u.split(",", 1)[0])
            if name:
                return name
    # A name of no known form that both heads the letter and stands alone under its sign-off ("National
    # Highways", "Network Rail"), and speaks as itself in the letter ("National Highways does not operate
    # ..."): the body that writes, not a team's or a person's role, nor an officer whose name heads and signs.
    heads = {doc.units[i] for i in range(min(3, len(doc.units))) if doc.own(i)}
    for i in signed:
        u = doc.units[i]
        if u in heads and doc.own(i) and _PLAIN_NAME.fullmatch(u) and not all(w in _UNIT_WORDS for w in u.lower().split()) \
                and not _ROLE_WORDS & set(u.lower().split()) \
                and any(_SPEAKS_AFTER.match(doc.text[m.end(): m.end() + 40]) for m in re.finditer(re.escape(u), doc.text)):
            return u
    return None


_TWO_NAMES = re.compile(r"([^()]{2,60}?)\s*\(([^()]{2,60})\)")


def _named_twice(line: str, signed: set[str]) -> str | None:
    """A body named by its form with its short name in brackets, either way round ("Ofwat (The Water Services
    Regulation Authority)", "Office of Gas and Electricity Markets (Ofgem)"): the short name when the letter signs
    with it, else the long one; None for any other line."""
    m = _TWO_NAMES.fullmatch(line.strip())
    for long, short in ((m[2], m[1]), (m[1], m[2])) if m else ():
        if name := body_by_form(long):
            return short.strip() if short.strip() in signed else name
    return None


def _restated_question(doc: Doc, i: int) -> bool:
    """Is unit ``i`` a question restated unquoted below the letterhead ("How many complaints ... about the PSNI's use
    of ...?")? The request's words: a body it names is its subject, not the writer."""
    return i >= 5 and asks_question(doc.units[i])


def _heads_and_signs(doc: Doc, name: str) -> bool:
    """Does ``name`` stand alone on a line of the letterhead (its first lines) and under a sign-off?"""
    signed = {doc.units[j].strip(" .,") for k in doc.sign_offs() for j in range(k + 1, min(k + 7, len(doc.units))) if doc.own(j)}
    first_sign = min(doc.sign_offs(), default=len(doc.units))
    return name in signed and any(doc.units[i].strip(" .,") == name for i in range(min(5, first_sign)) if doc.own(i))


# Capitalised words (and "of", "and", "for", "the", "&" between them), two to six: a name, not a sentence.
_PLAIN_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w'’\-]+){1,5}")
_ROLE_WORDS = frozenset("officer officers manager lead head director adviser advisor coordinator co-ordinator administrator assistant "
                        "analyst clerk secretary controller sincerely faithfully regards team unit".split())


def find_authority(doc: Doc) -> str | None:
    """The authority that speaks as itself: named where it is written to, receives, holds or does not
    hold, decides, or heads or signs the letter. Other mentions count only to break a tie, so the
    body a request is *about* (often named most) does not win over the body that answers it."""
    for u in doc.units[:12]:
        if u[:16].lower() == "public authority":
            # A labelled line names the body, as an ICO decision notice prints it: "Public Authority: Chief
            # Constable of Lincolnshire Police" is the body the request went to, whose record this is.
            named = {name for _, _, name in find_authorities(u)}
            if len(named) == 1:
                return named.pop()
    strong: Counter = Counter()
    weak: Counter = Counter()
    spans = []
    for s in range(len(doc.segments)):
        first = doc.offsets[doc.segments[s].start]
        last = doc.offsets[doc.segments[s + 1].start] if s + 1 < len(doc.segments) else len(doc.text)
        # A letterhead, a greeting and the first paragraphs say who writes; so does a signature.
        spans += [(first, min(last, first + 2500)), (max(first + 2500, last - 800), last)]
    signed = {j for k in doc.sign_offs() for j in range(k + 1, min(k + 7, len(doc.units)))}
    spans.sort()
    hits = _authorities_near(doc, spans)
    complaint = set(doc.hits(_COMPLAINT))
    heads_or_signs = False  # whether a known body's name stands alone at the head or foot
    for start, end, name in hits:
        i = doc.unit_at(start)
        u, at = doc.units[i], start - doc.offsets[i]
        if doc.quoted[i] or i in complaint or _restated_question(doc, i):
            continue
        requester = doc.segments[doc.segment_of[i]].role == "requester"
        # A line that is only the name: a letterhead at the top, under the signature, or at the foot.
        # (a bilingual line counts as one: "Cyngor Caerdydd / Cardiff Council", "Heddlu Gwent / Gwent Police")
        alone = (i < 5 or i in signed or i >= len(doc.units) - 4) and not requester and (
            len(u) <= end - start + 12 or (at + end - start >= len(u.rstrip()) - 1 and u[:at].rstrip().endswith("/")))
        # Whether it speaks as itself is asked only where it would decide: not of a name alone (which
        # counts either way), nor of the requester's words (the requester may name other forces).
        # (every _SPEAKS_BEFORE match ends in a space: a name not after one is not spoken to so)
        speaks = not alone and not (requester and not _DEAR.match(u)) and (
            (at and u[at - 1].isspace() and _spoken_to(u[max(0, at - 30): at], doc.low[max(start - 30, doc.offsets[i]): start]))
            or _SPEAKS_AFTER.match(u[at + end - start: at + end - start + 40]))
        if speaks or alone:
            strong[name] += 1
        heads_or_signs |= bool(alone)
        weak[name] += 1
    if not weak:
        # No mention where letters open or close: the names in the authority's own text, then anywhere.
        gaps, end = [], 0
        for a, b in spans:
            if a > end:
                gaps.append((end, a))
            end = max(end, b)
        gaps.append((end, len(doc.text)))
        hits = sorted(hits + _authorities_near(doc, gaps))  # the rest of the text, not read again
        # (the complaints paragraph, "complain to the Information Commissioner's Office", only when no other
        # text names a body: a text saved on one line may have no other unit)
        # (the regulator a complaints paragraph names is where to appeal, never the writer: a body that
        # names no one else, "complain to the Information Commissioner at Wycliffe House", is left unnamed)
        hits = [h for h in hits if doc.unit_at(h[0]) not in complaint] or [h for h in hits if h[2] != _APPEAL_BODY]
        hits = [h for h in hits if not _restated_question(doc, doc.unit_at(h[0]))]
        own = [name for start, _, name in hits if doc.own(doc.unit_at(start))]
        weak.update(own or [name for _, _, name in hits])
    if not any(strong.values()) or not heads_or_signs:
        # No body in authorities.csv speaks as itself, or none heads or signs the letter: one that heads or
        # signs it by the form of its name ("... County Council", "... NHS Trust") is the author, whatever
        # names the text mentions ("we have transferred your request to Thames Valley Police").
        by_form = _authority_by_form(doc)
        if by_form:
            # "Office of the Surrey Police and Crime Commissioner" is a known body: its canonical name.
            # (a known name ending where it ends: "Lincolnshire Police" is not "Lincolnshire Police and Crime Commissioner")
            known = {name for _, end, name in find_authorities(by_form) if end >= len(by_form.rstrip(" .,"))}
            # (a name ending in a word teams use too, "... Service", "... Office", wins only over no name at all)
            # (or when it both heads and signs the letter: "Northern Ireland Housing Executive")
            if len(known) == 1 or (not known and (not weak or not _TEAM_LIKE.search(by_form) or _heads_and_signs(doc, by_form))):
                return known.pop() if known else by_form
    ranked = sorted(weak, key=lambda n: (strong[n], weak[n]), reverse=True)
    if not ranked or (len(ranked) > 1 and (strong[ranked[0]], weak[ranked[0]]) == (strong[ranked[1]], weak[ranked[1]])):
        return None
    return ranked[0]


# ---------------------------------------------------------------------------------------------
# References: "Reference No: 2016090000813", "Our Ref: 1823A/23", "Request reference number: FOI 506"

_REF_LABEL = re.compile(
    # (Welsh "Cyf:" / "Cyfeirnod:", with its colon: "Cyf" alone is also "Ltd", as in "Dŵr Cymru Cyf")
    r"(?i:\b(?:ref(?:erence)?|request\s+(?:number|no|id)|case\s+(?:number|no)|foi\s+(?:number|no)|(?:foia?|eir|freedom\s+of\s+information|original|records)\s+request|cyf(?:eirnod)?(?=\s*:)))\b\.?"
    r"(?i:\s*(?:no|number|num|nos)\b\.?)?\s*(?:[:#]|\bis\b)?\s*[-–]?\s*"
    # (a prefix in mixed case, "UoE-FOI-2025-0187", only before "-" or "/": "Ref: Section 12" is no reference)
    r"(?P<ref>(?:[A-Z]{1,6}[ /\-]?|[A-Z][A-Za-z]{1,5}[/\-]){0,3}\d[\w./\-]*[\dA-Z]|(?:[A-Z]{2,6}[ /\-]?){0,3}\d)"
)
_SPACED_YEAR = re.compile(r"\s*[-–/]\s*(\d{2,4})\b")
# A reference given only in a page's title or heading: "Facial Recognition (13457_18)", "... (FOI/24/0457)",
# "Live facial recognition - 2024/0457", "Retrospective facial recognition: FOI 23-1187".
# ... or printed before it: "1234/25 Facial recognition cameras", "FOI-0412-25 - Facial recognition" (a number
# with a separator, not a bare year or count).
_TITLE_REF_FIRST = re.compile(r"(?P<ref>(?:[A-Z]{1,6}[ /\-_.]?){0,2}\d+[/\-_.]\d[\w/\-.]*\d|[A-Z]{1,6}[ /\-_]?\d{3,})\s*(?:[-–:|]\s*)?(?=[A-Z])")
_TITLE_REF = re.compile(r"(?:\(\s*(?:(?:ref(?:erence)?|no)\.?:?\s*)?|\s[-–:|]\s+|:\s*)(?P<ref>(?:[A-Z]{1,6}[ /\-_.]?){0,3}\d[\w/\-.]*\d|\d{3,})\s*\)?\s*$")
# A reference printed without a label word: a line that is only a reference ("IM-FOI-2021-0942",
# "01.FOI.23.030730"), or a token naming itself FOI/EIR/RFI in a sentence ("your request FOI/24/0457").
_BARE_REF = re.compile(r"(?<![\w/.\-])(?P<ref>(?:[A-Z0-9]{1,6}[/.\-])*(?:FOI|FOIA|EIR|RFI|FOIR)[ /.\-_]?(?:[A-Z]{1,6}[/.\-])?\d[\w/.\-]*\d)(?![\w/\-])")
_REF_LINE = re.compile(r"^(?P<ref>[A-Z]{1,6}(?:[/.\-_][A-Z0-9]{1,10}){1,5})$")
_SUBJECT_REF = re.compile(r"^(?:RE:\s*|Subject:\s*)?(?P<ref>FOI[ /\-]?\d[\w./\-]*\d)\b", re.MULTILINE | re.IGNORECASE)


def _yours(label: str) -> bool:
    """Does a reference's label name it as the requester's ("Your ref:", Welsh "Eich cyf:")?"""
    return "your ref" in label or "eich cyf" in label


_LABEL_STARTS = ("ref", "request", "case", "foi", "eir", "freedom of information", "original request", "records request", "cyf")
# Words every _REF_LABEL match holds (and "foi", every _SUBJECT_REF match).
_LABEL_WORDS = ("ref", "request no", "request number", "request id", "case no", "case number", "foi request", "information request",
                "foi number", "foi no", "original request", "foia request", "eir request", "records request",  # ("Records Request R25-0183")
                "cyf")  # (Welsh: "Cyf: RhG/2025/088")
cue_words(_LABEL_WORDS, ("foi",))


def _label_matches(doc: Doc, i: int, span: str):
    """``_REF_LABEL`` matches in ``span`` (unit ``i`` and the next), tried only where a label word
    begins in unit ``i`` and anchored there: the same matches as scanning, at a fraction of the cost."""
    low = doc.unit_low(i)
    starts = set()
    for word in _LABEL_STARTS:
        k = low.find(word)
        while k != -1:
            starts.add(k)
            k = low.find(word, k + 1)
    end = 0
    for k in sorted(starts):
        if k >= end:
            m = _REF_LABEL.match(span, k)
            if m:
                end = m.end()
                yield m


def find_references(doc: Doc) -> tuple[str | None, list[dict]]:
    """The request's reference (the most cited request reference) and internal review ones."""
    request: Counter = Counter()
    review: list[str] = []
    first: dict[str, int] = {}
    # "Original request: HC/001732/24" in a review: the request's reference; the letter's own ("Our
    # reference: HC/IR/0045/25") is then the review's.
    original: dict[str, int] = {}
    label_words = _LABEL_WORDS
    # The authority's own words first: a requester may cite an earlier request's reference.
    # The second two passes read only the units the first two did not: an own unit yields there what it
    # yielded before (they run only when it gave no request's reference), so the same references in the same order.
    passes = [(_REF_LABEL, label_words, True), (_SUBJECT_REF, ("foi",), True), (_REF_LABEL, label_words, False), (_SUBJECT_REF, ("foi",), False)]
    dated: dict[str, bool] = {}  # (a letter repeats its reference: each read once as a date here)
    for pattern, needles, own in passes:
        for i in doc.hits(needles):
            if own != doc.own(i):
                continue
            # The label may end one line and the reference start the next.
            span = doc.text[doc.offsets[i]: doc.offsets[i + 2] - 1 if i + 2 < len(doc.offsets) else len(doc.text)]
            for m in (_label_matches(doc, i, span) if pattern is _REF_LABEL else pattern.finditer(span)):
                if m.start() > len(doc.units[i]):
                    break
                ref = m.group("ref").rstrip(".-/")
                year = _SPACED_YEAR.match(span, m.end("ref")) if ref.isdigit() and len(ref) <= 6 else None
                if year:  # "Enquiry Reference: 667 - 24" is 667-24
                    ref += "-" + year.group(1)
                label = span[max(0, m.start() - 40): m.start("ref")].lower()
                if len(ref) >= 3 and ref not in dated:
                    dated[ref] = _is_date(ref)
                if len(ref) < 3 or dated[ref] or _yours(label):
                    continue
                if "review" in label or "appeal" in label:
                    if ref not in review:
                        review.append(ref)
                elif "original" in label:
                    original.setdefault(ref, doc.offsets[i] + m.start())
                else:
                    request[ref] += 1
                    first.setdefault(ref, doc.offsets[i] + m.start())
        if original:
            best = min(original, key=original.get)
            return best, [{"reference": r, "kind": "internal_review"} for r in dict.fromkeys([*review, *request]) if r != best]
        if request:
            break  # each pass is a fallback for the one before
    if not request:
        # A reference without its label: a line of its own, or a token calling itself FOI/EIR/RFI.
        for i, u in doc.authority_units():
            line = _REF_LINE.match(u) if len(u) <= 40 else None
            refs = [line.group("ref")] if line and sum(c.isdigit() for c in u) >= 4 else [
                m.group("ref") for m in _BARE_REF.finditer(u)] if ("FOI" in u or "EIR" in u or "RFI" in u) else []
            for ref in refs:
                if not _is_date(ref):
                    request[ref] += 1
                    first.setdefault(ref, doc.offsets[i])
    if not request:
        # A disclosure-log title or heading followed by its number, or with it in brackets.
        for u in doc.units[:4]:
            m = (_TITLE_REF.search(u) or _TITLE_REF_FIRST.match(u)) if len(u) <= 200 else None
            if m and not _is_date(m.group("ref")) and not re.fullmatch(r"(?:19|20)\d\d", m.group("ref")):
                request[m.group("ref")] += 1
                first[m.group("ref")] = 0
                break
    if not request:
        return None, []
    best = max(request, key=lambda r: (request[r], -first[r]))
    return best, [{"reference": r, "kind": "internal_review"} for r in review if r != best]


def reference_in_title(title: str) -> str | None:
    """A reference in a page's <title> when the text shows none: an email saved as HTML keeps its
    subject there ("RE: Freedom of Information request FOI2025/00612")."""
    m = _BARE_REF.search(title) or _TITLE_REF.search(title)
    ref = m.group("ref").rstrip(".-/") if m else None
    return ref if ref and not _is_date(ref) and not re.fullmatch(r"(?:19|20)\d\d", ref) else None


def _is_date(s: str) -> bool:
    try:
        parse_printed_date(s)
        return True
    except ValueError:
        return False
