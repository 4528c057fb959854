"""The build's plan of the record files by cache chunk, worked out by the listing's child."""

from __future__ import annotations

import os
import pickle
import time
import zlib
from array import array

import pytest

from foi_analysis import cache, chunking, forked, listing


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
    there = listing.prefetch(folder, reader=chunking.read_plan).result()
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


@pytest.fixture
def large(tmp_path, monkeypatch):
    """40 record files, old enough for their signatures to be kept, in a folder taken as large (above
    ``listing.SPLIT``): chunks of 4 files, so 16 chunks (the smallest power of two n with 4n >= 40)."""
    folder = tmp_path / "disclosures"
    folder.mkdir()
    old = time.time_ns() - 3_600_000_000_000
    for i in range(40):
        path = folder / f"{(i * 17) % 40:02d}-r.yaml"  # created out of name order
        path.write_text(f"reference: R{i}\n" + "x" * i)
        os.utime(path, ns=(old, old + i))
    monkeypatch.setattr(listing, "SPLIT", 10)
    return folder


def _same_plan(a, b):
    assert (a.version, a.chunk_files, a.slots, a.joined, a.signatures, a.unreadable) == \
        (b.version, b.chunk_files, b.slots, b.joined, b.signatures, b.unreadable)


def test_a_large_folders_plan_made_by_chunk_in_two_processes_is_the_whole_listings(large, monkeypatch):
    forks, real_fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    split = chunking.read_plan(large, chunk_files=4)
    if listing.cores() > 1:
        assert forks == [1]  # half of the chunks stat-ed and signed by a child
    whole = chunking.plan(listing.read(large), cache.code_version(), 4)
    assert len(whole.slots) == 16 and all(slot.startswith("records-16-") for slot in whole.slots)
    _same_plan(split, whole)
    assert None not in split.signatures
    assert sorted(n for k in range(len(split.slots)) for n in split.names(k)) == [f"{i:02d}-r.yaml" for i in range(40)]


def test_a_large_folders_plan_is_made_here_when_the_child_fails(large, monkeypatch):
    monkeypatch.setattr(forked, "in_child", lambda produce: (lambda: None))
    _same_plan(chunking.read_plan(large, chunk_files=4), chunking.plan(listing.read(large), cache.code_version(), 4))


def test_a_large_folder_holding_what_is_no_record_is_read_whole(large):
    # A folder and a broken link named like records: left out of the chunks and reported as unreadable.
    (large / "sub.yaml").mkdir()
    (large / "dangling.yaml").symlink_to(large / "missing.yaml")
    plan = chunking.read_plan(large, chunk_files=4)
    assert plan.unreadable == ["dangling.yaml", "sub.yaml"]
    _same_plan(plan, chunking.plan(listing.read(large), cache.code_version(), 4))


def test_a_large_folders_plan_passes_through_the_listing_child(large):
    there = listing.prefetch(large, reader=lambda folder: chunking.read_plan(folder, 4)).result()
    _same_plan(pickle.loads(pickle.dumps(there)), chunking.plan(listing.read(large), cache.code_version(), 4))


def test_a_large_folder_with_a_name_not_in_ascii_gives_the_whole_listings_plan(large):
    (large / "café-r.yaml").write_text("reference: C\n")
    plan = chunking.read_plan(large, chunk_files=4)
    assert "café-r.yaml" in [n for k in range(len(plan.slots)) for n in plan.names(k)]
    _same_plan(plan, chunking.plan(listing.read(large), cache.code_version(), 4))
