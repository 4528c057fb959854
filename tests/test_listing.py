"""The build's listing of record files and their stat facts, read in a forked child or in process."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from foi_analysis import cache, listing


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "disclosures"
    d.mkdir()
    (d / "b.yaml").write_text("reference: B\n")
    (d / "a.yml").write_text("reference: A, longer\n")
    (d / "notes.txt").write_text("not a record")
    (d / "sub.yaml").mkdir()  # a folder named like a record is not one
    (d / "link.yaml").symlink_to(d / "b.yaml")  # a link to a record is read as the record
    (d / "dangling.yaml").symlink_to(d / "missing.yaml")
    return d


def test_read_lists_record_files_sorted_with_their_stat_facts(folder):
    facts = listing.read(folder)
    assert facts.names == ["a.yml", "b.yaml", "link.yaml"]
    for name, size, mtime, inode in zip(facts.names, facts.sizes, facts.mtimes, facts.inodes):
        st = os.stat(folder / name)
        assert (size, mtime, inode) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert list(facts.sizes) == [len("reference: A, longer\n"), len("reference: B\n"), len("reference: B\n")]


def test_the_forked_child_gives_what_reading_here_gives(folder):
    here, there = listing.read(folder), listing.prefetch(folder).result()
    for field in ("names", "sizes", "mtimes", "inodes"):
        assert list(getattr(there, field)) == list(getattr(here, field))


def test_a_missing_folder_lists_nothing(tmp_path):
    assert len(listing.prefetch(tmp_path / "nowhere").result()) == 0
    assert len(listing.read(tmp_path / "nowhere")) == 0


def _signature(facts, version="v1", now=None):
    columns = [np.frombuffer(c, dtype=np.int64) for c in (facts.sizes, facts.mtimes, facts.inodes)]
    return cache.stat_signature(version, facts.names, *columns, facts.now if now is None else now)


def test_a_signature_changes_with_any_fact_and_is_withheld_for_a_recent_file(folder):
    hour_ago = time.time_ns() - 3_600_000_000_000
    for path in folder.iterdir():
        os.utime(path, ns=(hour_ago, hour_ago), follow_symlinks=False)
    os.utime(folder / "b.yaml", ns=(hour_ago, hour_ago))
    first = _signature(listing.read(folder))
    assert first is not None and first == _signature(listing.read(folder))
    assert _signature(listing.read(folder), version="v2") != first  # another code version
    # Same size, same mtime, another inode: an editor that writes a new file and renames it over.
    text = (folder / "a.yml").read_text()
    (folder / "a.yml.new").write_text(text.upper())
    os.utime(folder / "a.yml.new", ns=(hour_ago, hour_ago))
    os.replace(folder / "a.yml.new", folder / "a.yml")
    assert _signature(listing.read(folder)) not in (None, first)
    # Modified a second ago: its stat facts cannot vouch for its bytes yet (cache.RACY_NS).
    now = time.time_ns()
    os.utime(folder / "a.yml", ns=(now - 1_000_000_000, now - 1_000_000_000))
    assert _signature(listing.read(folder)) is None
    assert _signature(listing.read(folder), now=now + 2 * cache.RACY_NS) is not None


def test_a_child_that_fails_leaves_the_reading_to_the_parent(folder, monkeypatch):
    parent, read = os.getpid(), listing.read

    def fails_in_a_child(path):
        if os.getpid() != parent:
            raise OSError("the child cannot read")
        return read(path)

    monkeypatch.setattr(listing, "read", fails_in_a_child)
    assert listing.prefetch(folder).result().names == ["a.yml", "b.yaml", "link.yaml"]


def test_a_large_folder_split_over_two_processes_lists_the_same(folder, monkeypatch):
    whole = listing.read(folder)
    forks, real_fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(listing, "SPLIT", 2)  # 5 *.yaml/*.yml names: the second half to a child
    split = listing.read(folder)
    if listing.cores() > 1:
        assert forks == [1]
    for field in ("names", "sizes", "mtimes", "inodes"):
        assert list(getattr(split, field)) == list(getattr(whole, field))


def test_without_directory_descriptors_the_same_is_read_by_path(folder, monkeypatch):
    # Windows has no stat relative to an open directory: the paths are stat-ed instead.
    whole = listing.read(folder)
    monkeypatch.setattr(listing, "DIR_FD", False)
    by_path = listing.read(folder)
    for field in ("names", "sizes", "mtimes", "inodes"):
        assert list(getattr(by_path, field)) == list(getattr(whole, field))
