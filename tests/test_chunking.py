"""The build's plan of the record files by cache chunk, worked out by the listing's child."""

from __future__ import annotations

import os
import time
import zlib
from array import array

from foi_analysis import cache, chunking, listing


def test_a_file_is_in_the_chunk_of_its_names_crc32_modulo_the_chunk_count():
    # The rule (build's cache): chunk = CRC-32 of the name's UTF-8 bytes mod n, n the smallest power
    # of two with n * chunk_files >= the number of files; each chunk keeps the names' order.
    names = [f"r{i:03d}.yaml" for i in range(10)]
    chunks = chunking.members(names, chunk_files=3)  # 10 files, 3 a chunk: n = 4
    assert all(slot.startswith("records-4-") for slot, _ in chunks)
    for slot, index in chunks:
        assert index == sorted(index)
        assert {zlib.crc32(names[i].encode()) % 4 for i in index} == {int(slot.rsplit("-", 1)[1])}
    assert sorted(i for _, index in chunks for i in index) == list(range(10))


def test_the_childs_plan_is_the_plan_made_here(tmp_path):
    folder = tmp_path / "disclosures"
    folder.mkdir()
    for i in range(12):
        (folder / f"r{i:02d}.yaml").write_text(f"reference: R{i}\n")
    old = time.time_ns() - 3_600_000_000_000  # older than the clock-tick guard: signatures are kept
    for path in folder.iterdir():
        os.utime(path, ns=(old, old))
    version = cache.code_version()
    there = listing.prefetch(folder, then=chunking.prefetched_plan).result()
    here = chunking.plan(listing.read(folder), version, chunking.CHUNK_FILES)
    assert isinstance(there, chunking.Plan) and there.version == version
    assert (there.slots, there.joined, there.signatures) == (here.slots, here.joined, here.signatures)
    assert None not in there.signatures
    # Each chunk's signature is the stat signature of its files (names, sizes, mtimes, inodes) in order.
    facts = listing.read(folder)
    for k, slot in enumerate(there.slots):
        names = there.names(k)
        at = [facts.names.index(n) for n in names]
        columns = [[column[i] for i in at] for column in (facts.sizes, facts.mtimes, facts.inodes)]
        assert there.signatures[k] == cache.stat_signature(version, names, *(array("q", c) for c in columns), facts.now)
    # A plan for another code version or chunk size is not taken.
    assert there.fits(version, chunking.CHUNK_FILES) and not there.fits("another", chunking.CHUNK_FILES)
    assert not there.fits(version, 1)
