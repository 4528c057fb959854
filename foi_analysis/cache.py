"""The incremental build's cache: what reading a raw file gave, keyed by that file's bytes and the code.

Each entry is one pickle file holding ``(key, stat signature, value)``; a lookup whose stored key differs is a miss
and the next ``put`` replaces the entry, so the cache never holds more than one version per slot.
The key is a SHA-256 over the code version and the content (and name: messages name the file) of
every raw file the value came from, so an edited, added, removed or renamed file, a changed reader
and a different library version each miss. A damaged or unreadable entry is a miss too, never an
error: the cache can always be deleted (``data/.cache/``), a clean build gives the same bytes.
Reading 100k small files to hash them costs seconds, so an entry also keeps the files' stat facts
(``stat_signature``); when they are all unchanged the content key is taken as unchanged too.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
import time
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Everything that decides what a raw file reads as: the readers, the law's rules and the schemas.
CODE = ("records", "foia", "grids", "build.py", "cache.py", "tables.py", "config.py")
LIBRARIES = ("pandas", "numpy", "pandera", "yaml-rs", "pypdfium2", "holidays")


def code_version() -> str:
    total = hashlib.sha256(platform.python_version().encode())
    for lib in LIBRARIES:
        try:
            total.update(f"{lib}={metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            total.update(f"{lib}=none\0".encode())
    for part in CODE:
        path = PACKAGE / part
        files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".csv")) if path.is_dir() else [path]
        for f in files:
            total.update(f.relative_to(PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return total.hexdigest()


def stat_signature(version: str, stats: list[tuple[str, os.stat_result]]) -> tuple | None:
    """The code version and the names, sizes, mtimes and inodes of a group of files: equal signatures mean unchanged files,
    so their content need not be read to know their key (as git's index does). None when a file
    was modified in the last two seconds: an edit within the same clock tick could keep its mtime,
    so a recent file is always read."""
    now = time.time_ns()
    if any(st.st_mtime_ns > now - 2_000_000_000 for _, st in stats):
        return None
    return version, tuple((name, st.st_size, st.st_mtime_ns, st.st_ino) for name, st in stats)


def files_key(version: str, files: list[tuple[str, bytes]]) -> str:
    """Key of a value read from ``files`` (name, content), in the given order."""
    total = hashlib.sha256(version.encode())
    for name, data in files:
        total.update(f"{name}\0{len(data)}\0".encode())
        total.update(data)
    return total.hexdigest()


class Cache:
    def __init__(self, folder: Path, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or code_version()
        self.hits = self.misses = 0

    def _path(self, slot: str) -> Path:
        return self.folder / f"{slot}.pickle"

    def entry(self, slot: str) -> tuple[str, object, object] | None:
        """(key, stat signature, value) stored under ``slot``, or None."""
        try:
            with open(self._path(slot), "rb") as fh:
                key, signature, value = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, truncated or from an incompatible version: a miss
            return None
        return key, signature, value

    def get(self, slot: str, key: str):
        """The value stored under ``slot`` if it was stored with ``key``, else None."""
        found = self.entry(slot)
        if found is None or found[0] != key:
            self.misses += 1
            return None
        self.hits += 1
        return found[2]

    def put(self, slot: str, key: str, value, signature=None) -> None:
        """Store ``value`` under ``slot``; ``signature``: the files' stat facts, trusted later (see ``trusted``)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{slot}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, signature, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(slot))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, prefix: str, keep: set[str]) -> None:
        """Delete the ``prefix`` slots not in ``keep`` (e.g. a grid PDF that was removed)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob(f"{prefix}*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
