"""Which chunk of the build's cache each record file is in, and each chunk's stat signature.

Worked out with the listing (``read_plan``; else from ``listing.Facts``: names, their CRC-32s, stat
facts) by the child that reads it while the build imports pandas (``cli``), so that the build receives one string of names
and one signature per chunk instead of 100k names and their facts to sort into chunks; or by the
build itself (``build.disclosure_tables``), with the same result. Imports nothing heavy (no numpy):
the child must start small.
"""

from __future__ import annotations

import os
import pickle
import time
from array import array
from operator import itemgetter

from . import cache, forked, listing
from .listing import Facts, name_crcs

# Files per cache entry: one changed record re-reads its chunk; a no-change build loads every chunk.
CHUNK_FILES = 500


def _chunk_count(files: int, chunk_files: int) -> int:
    n = 1
    while n < 4096 and files > n * chunk_files:
        n *= 2
    return n


def members(names: list[str], chunk_files: int = CHUNK_FILES, crcs=None) -> list[tuple[str, list[int]]]:
    """(cache slot, positions in ``names``) groups by a hash of the file name (its CRC-32, ``crcs`` if
    worked out already): adding or deleting a file leaves the other chunks as they were. The number
    of chunks is a power of two scaled to the corpus (crossing one re-reads everything once). Each
    chunk keeps the order of ``names``; chunks in the order of their number, empty ones left out."""
    n = _chunk_count(len(names), chunk_files)
    crcs = crcs if crcs is not None else name_crcs(names)
    buckets: list[list[int]] = [[] for _ in range(n)]
    for position, crc in enumerate(crcs):
        buckets[crc % n].append(position)
    return [(f"records-{n}-{i}", bucket) for i, bucket in enumerate(buckets) if bucket]


class Plan:
    """The record files by chunk: ``slots``, each chunk's names joined by NUL (a name holds none; split
    only for the chunks a build reads: ``names(k)``) and stat signature (``cache.stat_signature``;
    None when too recent to trust, or with no ``version``), for the code ``version`` and
    ``chunk_files`` it was made for; ``unreadable``: the names that are no regular file."""

    __slots__ = ("version", "chunk_files", "slots", "joined", "signatures", "unreadable")

    def __init__(self, version: str | None, chunk_files: int, slots: list[str], joined: list[str],
                 signatures: list[str | None], unreadable: list[str]):
        self.version, self.chunk_files, self.slots, self.joined = version, chunk_files, slots, joined
        self.signatures, self.unreadable = signatures, unreadable

    def names(self, k: int) -> list[str]:
        return self.joined[k].split("\0")

    def fits(self, version: str | None, chunk_files: int) -> bool:
        """Made for this code version (any, when no cache is used) and chunk size."""
        return self.chunk_files == chunk_files and (version is None or self.version == version)


def plan(facts: Facts, version: str | None, chunk_files: int = CHUNK_FILES) -> Plan:
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
    return Plan(version, chunk_files, slots, joined, signatures, facts.unreadable)


def _chunk_rows(fd: int, version: str, now: int, chunks: list[tuple[int, list[str]]]) -> list | None:
    """(chunk number, names joined, stat signature) of each chunk of names (sorted here); None if a
    name is no regular file (the whole listing's reading then says which)."""
    out = []
    for i, names in chunks:
        names.sort()
        kinds, sizes, mtimes, inodes = listing.stat_names("", fd, names)
        if kinds.count(listing.FILE) != len(kinds):
            return None
        out.append((i, "\0".join(names), cache.stat_signature(version, names, sizes, mtimes, inodes, now)))
    return out


def read_plan(folder: str | os.PathLike, chunk_files: int = CHUNK_FILES) -> Plan:
    """``plan(listing.read(folder), cache.code_version(), chunk_files)``: the same plan. Above
    ``listing.SPLIT`` files, worked out chunk by chunk by two processes: the names (as listed) are put
    in their chunks first, then each process sorts, stats and signs half of the chunks (a chunk keeps
    the names' sorted order, so sorting each chunk's names is sorting all of them, in ~2,000 small
    sorts). At 1M files only the listing and the names' CRC-32 stay serial (~1 s of ~6; the build waits
    for this after its imports). A folder with a name that is not ASCII is read as ``listing.read``
    reads it, and one with anything but record files named *.yaml (a folder, a broken link) is read
    again that way, which names those."""
    now = time.time_ns()
    if not (listing.DIR_FD and os.path.isdir(folder) and listing.cores() >= 2 and forked.possible()):
        return plan(listing.read(folder), cache.code_version(), chunk_files)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        names = [n for n in os.listdir(fd) if n.endswith(listing.SUFFIXES)]
        if len(names) <= listing.SPLIT or not "".join(names).isascii():
            return plan(listing.listed(folder, fd, names, now), cache.code_version(), chunk_files)
        n = _chunk_count(len(names), chunk_files)
        buckets: list[list[str]] = [[] for _ in range(n)]
        for name, crc in zip(names, name_crcs(names)):
            buckets[crc % n].append(name)
        del names
        chunks = [(i, bucket) for i, bucket in enumerate(buckets) if bucket]
        version = cache.code_version()
        # The chunks split where half of the files are on either side.
        half, seen = sum(map(len, buckets)) // 2, 0
        cut = next((k for k, (_, bucket) in enumerate(chunks) if (seen := seen + len(bucket)) >= half), len(chunks))
        pending = forked.in_child(lambda: pickle.dumps(_chunk_rows(fd, version, now, chunks[cut:]), protocol=pickle.HIGHEST_PROTOCOL))
        mine = _chunk_rows(fd, version, now, chunks[:cut])
        data = pending()
        theirs = pickle.loads(data) if data is not None else _chunk_rows(fd, version, now, chunks[cut:])
    finally:
        os.close(fd)
    if mine is None or theirs is None:
        return plan(listing.read(folder), version, chunk_files)
    rows = mine + theirs
    return Plan(version, chunk_files, [f"records-{n}-{i}" for i, _, _ in rows], [j for _, j, _ in rows],
                [s for _, _, s in rows], [])
