"""The build cache's entries: a value, and raw bytes stored after it that are read by range."""

from __future__ import annotations

from foi_analysis.cache import Cache


def test_an_entry_keeps_its_value_and_the_bytes_after_it(tmp_path):
    store = Cache(tmp_path, version="v")
    base = store.put("slot", "key", {"a": 1}, ("sig",), [b"first,", b"second"])
    key, signature, value, blob = store.entry("slot")
    assert (key, signature, value) == ("key", ("sig",), {"a": 1})
    assert base > 0 and blob.read(0, 6) == b"first," and blob.read(6, 12) == b"second" and blob.read(3, 9) == b"st,sec"
    # Replaced after it was opened: the open entry still reads the bytes it was stored with.
    store.put("slot", "key2", None, None, [b"XXXXXXXXXXXX"])
    assert blob.read(0, 12) == b"first,second"
    assert store.entry("slot")[3].read(0, 3) == b"XXX"
    # No bytes after the value: no blob.
    store.put("plain", "k", [1, 2])
    assert store.entry("plain") == ("k", None, [1, 2], None)


def test_a_truncated_entry_is_a_miss(tmp_path):
    store = Cache(tmp_path, version="v")
    store.put("slot", "key", "value", None, [b"0123456789"])
    path = store.path("slot")
    path.write_bytes(path.read_bytes()[:-1])
    assert store.entry("slot") is None
    path.write_bytes(b"not a pickle")
    assert store.entry("slot") is None and store.get("slot", "key") is None
