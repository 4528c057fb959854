"""Work done in a forked child, its bytes sent back through a pipe (foi_analysis/forked.py)."""

import os

import pytest

from foi_analysis import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def test_the_childs_bytes_come_back_whatever_their_size():
    big = bytes(range(256)) * 4096  # 1 MiB: more than a pipe holds, so the child waits for the reader
    assert forked.in_child(lambda: big)() == big
    assert forked.in_child(lambda: str(os.getpid()).encode())() != str(os.getpid()).encode()  # another process


def test_a_child_that_fails_gives_none():
    def fails():
        raise OSError("cannot")

    assert forked.in_child(fails)() is None


def test_a_fork_that_cannot_be_made_gives_none_and_the_caller_works_alone(tmp_path, monkeypatch):
    from foi_analysis import listing

    def no_fork():
        raise OSError("Resource temporarily unavailable")

    (tmp_path / "a.yaml").write_text("reference: A\n")
    monkeypatch.setattr(os, "fork", no_fork)
    assert forked.in_child(lambda: b"never")() is None
    assert listing.prefetch(tmp_path).result().names == ["a.yaml"]  # read in this process instead
