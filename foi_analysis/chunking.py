"""Which chunk of the build's cache each record file is in, each chunk's stat signature, and the
records of the few chunks that changed since the last build.

Worked out from the listing (``listing.Facts``: names, their CRC-32s, stat facts) by the child that
reads it while the build imports pandas (``cli``), so that the build receives one string of names
and one signature per chunk instead of 100k names and their facts to sort into chunks, and the
changed records already read and parsed; or by the build itself (``build.disclosure_tables``), with
the same result. Imports nothing heavy (no numpy, no pandas): the child must start small.
"""

from __future__ import annotations

import gc
import os
from array import array
from operator import itemgetter
from pathlib import Path

from . import cache
from .listing import Facts, name_crcs

# Files per cache entry: one changed record re-reads its chunk; a no-change build loads every chunk.
CHUNK_FILES = 500
# Chunks per group. A group's entry holds the whole tail of its records (working days, response
# times, validation and their CSV rows): one changed record re-does the tail of its group only, and
# a clean build pays the tail's fixed pandas cost once per group (per chunk the tail would cost
# ~2x the whole tables' at 100k records), in the worker processes.
GROUP_CHUNKS = 8
# At most this many changed chunks are read and parsed by the listing child (an edit or two: the
# changed chunk and the one whose file was too recent to trust last time); more are left to the
# build, which spreads many over its workers.
READY_CHUNKS = 4


def members(names: list[str], chunk_files: int = CHUNK_FILES, crcs=None) -> list[tuple[str, list[int]]]:
    """(cache slot, positions in ``names``) groups by a hash of the file name (its CRC-32, ``crcs`` if
    worked out already): adding or deleting a file leaves the other chunks as they were. The number
    of chunks is a power of two scaled to the corpus (crossing one re-reads everything once). Each
    chunk keeps the order of ``names``; chunks in the order of their number, empty ones left out."""
    n = 1
    while n < 4096 and len(names) > n * chunk_files:
        n *= 2
    crcs = crcs if crcs is not None else name_crcs(names)
    buckets: list[list[int]] = [[] for _ in range(n)]
    for position, crc in enumerate(crcs):
        buckets[crc % n].append(position)
    return [(f"records-{n}-{i}", bucket) for i, bucket in enumerate(buckets) if bucket]


def groups(chunks: list[tuple[str, object]], group_chunks: int = GROUP_CHUNKS) -> list[tuple[str, list[tuple[int, str, object]]]]:
    """(cache slot, [(chunk index, chunk slot, files)]): chunk i of n in group i mod n/group_chunks
    (chunks as ``members`` names them; ``files``: what ``chunks`` gives with each slot)."""
    if not chunks:
        return []
    n = int(chunks[0][0].split("-")[1])
    g = max(1, n // group_chunks)
    by_group: dict[int, list] = {}
    for slot, names in chunks:
        i = int(slot.rsplit("-", 1)[1])
        by_group.setdefault(i % g, []).append((i, slot, names))
    return [(f"tail-{n}-{g}-{j}", by_group[j]) for j in sorted(by_group)]


class Plan:
    """The record files by chunk: ``slots``, each chunk's names joined by NUL (a name holds none; split
    only for the chunks a build reads: ``names(k)``) and stat signature (``cache.stat_signature``;
    None when too recent to trust, or with no ``version``), for the code ``version``, ``chunk_files``
    and ``group_chunks`` it was made for; ``unreadable``: the names that are no regular file.
    ``ready``: chunk slot -> (its files' key, (records, rejections) as ``disclosures.load_files`` gives
    them, or None when the key is the cached one), for the changed chunks read already (``read_changed``)."""

    __slots__ = ("version", "chunk_files", "group_chunks", "slots", "joined", "signatures", "unreadable", "ready")

    def __init__(self, version: str | None, chunk_files: int, slots: list[str], joined: list[str],
                 signatures: list[str | None], unreadable: list[str], group_chunks: int = GROUP_CHUNKS):
        self.version, self.chunk_files, self.group_chunks, self.slots, self.joined = version, chunk_files, group_chunks, slots, joined
        self.signatures, self.unreadable, self.ready = signatures, unreadable, {}

    def names(self, k: int) -> list[str]:
        return self.joined[k].split("\0")

    def fits(self, version: str | None, chunk_files: int, group_chunks: int) -> bool:
        """Made for this code version (any, when no cache is used), chunk size and group size."""
        return (self.chunk_files, self.group_chunks) == (chunk_files, group_chunks) and (version is None or self.version == version)


def plan(facts: Facts, version: str | None, chunk_files: int = CHUNK_FILES, group_chunks: int = GROUP_CHUNKS) -> Plan:
    """``facts`` by chunk, with each chunk's stat signature under ``version`` (none without one)."""
    slots, joined, signatures = [], [], []
    for slot, index in members(facts.names, chunk_files, facts.crcs):
        take = itemgetter(*index) if len(index) > 1 else (lambda column, i=index[0]: (column[i],))
        names = list(take(facts.names))
        slots.append(slot)
        joined.append("\0".join(names))
        if version is None:
            signatures.append(None)
            continue
        columns = [array("q", take(column)) for column in (facts.sizes, facts.mtimes, facts.inodes)]
        signatures.append(cache.stat_signature(version, names, *columns, facts.now))
    return Plan(version, chunk_files, slots, joined, signatures, facts.unreadable, group_chunks)


def read_changed(found: Plan, raw: Path, store: cache.Cache) -> dict:
    """``Plan.ready`` for the chunks whose files changed since the last build (stat facts unlike their
    cache entry's): each chunk's files read once, hashed for its key and, when the key is not the
    cached one, parsed. Only chunks of groups cached before (a clean build's are left to its workers),
    and none when more than READY_CHUNKS changed. Entries are told current by their stamp alone."""
    stale = []
    for slot, members in groups([(s, k) for k, s in enumerate(found.slots)], found.group_chunks):
        stamp = store.stamp(slot)
        signature = tuple(found.signatures[k] for _, _, k in members)
        if stamp is None or (None not in signature and stamp[1] == signature):
            continue  # never built (a clean build), or unchanged
        for _, chunk_slot, k in members:
            old = store.stamp(chunk_slot)
            if old is not None and (found.signatures[k] is None or old[1] != found.signatures[k]):
                stale.append((chunk_slot, k, old[0]))
    if not stale or len(stale) > READY_CHUNKS:
        return {}
    from .records import disclosures  # here only: needs yaml-rs and pydantic, no pandas

    folder, ready = os.fspath(raw / "disclosures"), {}
    for chunk_slot, k, old_key in stale:
        names = found.names(k)
        contents = disclosures.read_files(folder, names)
        key = cache.files_key(store.version, list(zip(names, contents)))
        if key == old_key:  # touched, not changed
            ready[chunk_slot] = (key, None)
            continue
        rejections: list = []
        was_enabled = gc.isenabled()
        gc.disable()  # many small objects, no cycles (as ``build._collector_paused``)
        try:
            records = disclosures.load_files([os.path.join(folder, n) for n in names], os.fspath(raw), rejections, contents)
        finally:
            if was_enabled:
                gc.enable()
        ready[chunk_slot] = (key, (records, rejections))
    return ready


def prefetched_plan(facts: Facts, raw: Path | None = None) -> Plan:
    """What the listing child hands the build (``cli``): the plan under the current code version, and
    with ``raw`` (the raw folder whose cache it is) the changed chunks read and parsed (``read_changed``)."""
    found = plan(facts, cache.code_version(), CHUNK_FILES, GROUP_CHUNKS)
    if raw is not None:
        found.ready = read_changed(found, Path(raw), cache.Cache(cache.cache_folder(raw), found.version))
    return found
