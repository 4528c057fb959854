"""Reading a chunk's record files (``disclosures.read_files``): the bytes of each named file, in the
order asked, whether the files are announced to the kernel in batches or read one at a time."""

from __future__ import annotations

import os

import pytest

from foi_analysis.records import disclosures


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "disclosures"
    d.mkdir()
    contents = {f"r{i:02d}.yaml": f"reference: R{i}\n".encode() for i in range(10)}
    contents["empty.yaml"] = b""
    contents["long.yaml"] = b"title: " + b"x" * 200_000 + b"\n"  # longer than the first read (64 KiB)
    for name, data in contents.items():
        (d / name).write_bytes(data)
    return d, contents


def test_each_file_is_read_whole_in_the_order_asked(folder, monkeypatch):
    d, contents = folder
    monkeypatch.setattr(disclosures, "READ_AHEAD", 4)  # 12 files: three batches, the last one short
    names = ["long.yaml", "r07.yaml", "empty.yaml", *sorted(n for n in contents if n.startswith("r") and n != "r07.yaml")]
    assert disclosures.read_files(os.fspath(d), names) == [contents[n] for n in names]


@pytest.mark.parametrize("how", ["one at a time", "no directory descriptor"])
def test_without_the_hint_the_same_bytes_are_read(folder, monkeypatch, how):
    d, contents = folder
    monkeypatch.setattr(disclosures, "_WILLNEED" if how == "one at a time" else "_DIR_FD", None if how == "one at a time" else False)
    names = sorted(contents)
    assert disclosures.read_files(os.fspath(d), names) == [contents[n] for n in names]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd to count open files")
def test_a_missing_file_raises_and_leaves_no_file_open(folder, monkeypatch):
    d, contents = folder
    monkeypatch.setattr(disclosures, "READ_AHEAD", 8)
    before = len(os.listdir("/proc/self/fd"))
    with pytest.raises(FileNotFoundError):
        disclosures.read_files(os.fspath(d), ["r01.yaml", "r02.yaml", "gone.yaml", "r03.yaml"])
    assert len(os.listdir("/proc/self/fd")) == before


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd to count open files")


@needs_proc
@pytest.mark.parametrize("ahead", [512, 2])
def test_chunks_are_read_in_turn_with_the_next_ones_files_announced(folder, monkeypatch, ahead):
    # ahead=2: only the first two files of a chunk are opened early, the rest are read as usual.
    d, contents = folder
    monkeypatch.setattr(disclosures, "AHEAD", ahead)
    chunks = [["long.yaml", "r03.yaml", "empty.yaml"], ["r01.yaml", "r02.yaml", "r09.yaml"], ["r00.yaml"]]
    before = open_files()
    reader = disclosures.read_chunks(os.fspath(d), chunks)
    got = []
    for k, chunk in enumerate(reader):
        got.append(chunk)
        # While a chunk is parsed, the next one's first files are open (announced), no others.
        waiting = min(ahead, len(chunks[k + 1])) if k + 1 < len(chunks) else 0
        assert open_files() == before + waiting
    assert got == [[contents[n] for n in names] for names in chunks]
    assert open_files() == before


@needs_proc
def test_a_reader_left_early_closes_the_announced_files(folder):
    d, contents = folder
    before = open_files()
    reader = disclosures.read_chunks(os.fspath(d), [["r01.yaml"], ["r02.yaml", "r03.yaml"]])
    assert next(reader) == [contents["r01.yaml"]]
    assert open_files() == before + 2
    reader.close()
    assert open_files() == before


@needs_proc
def test_a_missing_file_raises_when_its_chunk_is_read(folder):
    # Announcing it early fails quietly; reading its chunk raises as read_files always did.
    d, contents = folder
    before = open_files()
    reader = disclosures.read_chunks(os.fspath(d), [["r01.yaml"], ["r02.yaml", "gone.yaml", "r03.yaml"]])
    assert next(reader) == [contents["r01.yaml"]]
    with pytest.raises(FileNotFoundError):
        next(reader)
    assert open_files() == before


@needs_proc
def test_files_announced_for_other_names_are_only_closed(folder):
    d, contents = folder
    before = open_files()
    announced = disclosures.Announced(os.fspath(d), ["r05.yaml", "r06.yaml"])
    assert open_files() == before + 2
    assert disclosures.read_files(os.fspath(d), ["r07.yaml", "r06.yaml"], announced) == [contents["r07.yaml"], contents["r06.yaml"]]
    assert open_files() == before


def test_without_the_hint_nothing_is_opened_ahead(folder, monkeypatch):
    d, contents = folder
    monkeypatch.setattr(disclosures, "_WILLNEED", None)
    assert disclosures.Announced(os.fspath(d), ["r01.yaml"]).fds == []
    chunks = [["r01.yaml"], ["r02.yaml"]]
    assert list(disclosures.read_chunks(os.fspath(d), chunks)) == [[contents["r01.yaml"]], [contents["r02.yaml"]]]
