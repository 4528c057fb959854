"""Which chunk of the build's cache each record file is in, and each chunk's stat signature.

Worked out from the listing (``listing.Facts``: names, their CRC-32s, stat facts) by the child that
reads it while the build imports pandas (``cli``), so that the build receives one string of names
and one signature per chunk instead of 100k names and their facts to sort into chunks; or by the
build itself (``build.disclosure_tables``), with the same result. Imports nothing heavy (no numpy):
the child must start small.
"""

from __future__ import annotations

from array import array
from operator import itemgetter

from . import cache
from .listing import Facts, name_crcs

# Files per cache entry: one changed record re-reads its chunk; a no-change build loads every chunk.
CHUNK_FILES = 500


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


def prefetched_plan(facts: Facts) -> Plan:
    """What the listing child hands the build (``cli``): the plan under the current code version."""
    return plan(facts, cache.code_version())
