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
