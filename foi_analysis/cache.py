"""The incremental build's cache: what reading a raw file gave, keyed by that file's bytes and the code.

Each entry is one file holding a pickle of ``(key, stat signature, value)``, optionally followed by raw bytes (a
``Blob``, read in ranges when needed: a group's CSV text is never unpickled whole); a lookup whose stored key
differs is a miss and the next ``put`` replaces the entry, so the cache never holds more than one version per slot.
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
from importlib import metadata
from pathlib import Path

from .listing import RACY_NS

PACKAGE = Path(__file__).resolve().parent
# Everything that decides what a raw file reads as: the readers, the law's rules and the schemas.
CODE = ("records", "foia", "grids", "build.py", "cache.py", "tables.py", "config.py")
LIBRARIES = ("pandas", "numpy", "pandera", "yaml-rs", "pypdfium2", "holidays")


def cache_folder(raw: str | os.PathLike) -> Path:
    """The incremental build's cache sits beside the raw data it caches: data/.cache/build (git-ignored)."""
    return Path(raw).parent / ".cache" / "build"


def entry_path(folder: str | os.PathLike, slot: str) -> Path:
    """Where the entry ``slot`` of the cache in ``folder`` is stored (whatever its key)."""
    return Path(folder) / f"{slot}.pickle"


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


def stat_signature(version: str, names: list[str], sizes, mtimes, inodes, now: int) -> str | None:
    """A digest of the code version and the names, sizes, mtimes and inodes of a group of files
    (``sizes``, ``mtimes``, ``inodes``: contiguous int64 buffers, e.g. numpy arrays): equal signatures
    mean unchanged files, so their content need not be read to know their key (as git's index does).
    None when a file was modified less than two seconds before ``now`` (when the facts were read):
    an edit within the same clock tick could keep its mtime, so a recent file is always read."""
    if len(mtimes) and (mtimes.max() if hasattr(mtimes, "max") else max(mtimes)) > now - RACY_NS:  # numpy's max: in C
        return None
    total = hashlib.sha256(version.encode() + b"\0")
    total.update("\0".join(names).encode("utf-8", "surrogateescape") + b"\0")
    for column in (sizes, mtimes, inodes):
        total.update(column)
    return total.hexdigest()


def files_key(version: str, files: list[tuple[str, bytes]]) -> str:
    """Key of a value read from ``files`` (name, content), in the given order."""
    total = hashlib.sha256(version.encode())
    for name, data in files:
        total.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))  # (a file name may hold any bytes)
        total.update(data)
    return total.hexdigest()


class Blob:
    """Bytes read by range: from an open file (the descriptor read the entry, so a later replacement of
    the entry's path does not mix two versions), or from memory."""

    def __init__(self, fd: int | None = None, base: int = 0, data: bytes | None = None):
        self.fd, self.base, self.data = fd, base, data

    @classmethod
    def open(cls, path: str | os.PathLike, base: int = 0) -> "Blob":
        return cls(os.open(path, os.O_RDONLY), base)

    def read(self, start: int, end: int) -> bytes:
        if self.data is not None:
            return self.data[start:end]
        out = os.pread(self.fd, end - start, self.base + start)
        while len(out) < end - start:  # a short read (rare on a regular file): read on
            more = os.pread(self.fd, end - start - len(out), self.base + start + len(out))
            if not more:
                raise EOFError(f"cache blob ends at {start + len(out)}, before {end}")
            out += more
        return out

    def __del__(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _entry(path: str | os.PathLike) -> tuple[str, object, object, Blob | None] | None:
    """``Cache.entry`` of the entry file at ``path``."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        with open(fd, "rb", closefd=False) as fh:  # its position after the pickle: where the blob starts
            key, signature, value, size = pickle.load(fh)
            base = fh.tell()
        if size and os.fstat(fd).st_size != base + size:
            raise EOFError("truncated entry")
    except Exception:  # noqa: BLE001 - truncated or from an incompatible version: a miss
        os.close(fd)
        return None
    if not size:
        os.close(fd)
        return key, signature, value, None
    return key, signature, value, Blob(fd, base)


class Cache:
    def __init__(self, folder: Path, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or code_version()
        self.hits = self.misses = 0

    def path(self, slot: str) -> Path:
        return entry_path(self.folder, slot)

    def entry(self, slot: str) -> tuple[str, object, object, Blob | None] | None:
        """(key, stat signature, value, the bytes stored after them or None) under ``slot``, or None."""
        return _entry(self.path(slot))

    @staticmethod
    def entries(folder: str | os.PathLike, prefix: str) -> dict[str, tuple[str, object, object, Blob | None]]:
        """``entry`` of every slot named ``prefix``* in the cache in ``folder``, by slot (read before the
        code version is known: a key is compared when the entry is used)."""
        if not os.path.isdir(folder):
            return {}
        found = {path.stem: _entry(path) for path in sorted(Path(folder).glob(f"{prefix}*.pickle"))}
        return {slot: entry for slot, entry in found.items() if entry is not None}


    def get(self, slot: str, key: str):
        """The value stored under ``slot`` if it was stored with ``key``, else None."""
        found = self.entry(slot)
        if found is None or found[0] != key:
            self.misses += 1
            return None
        self.hits += 1
        return found[2]

    def put(self, slot: str, key: str, value, signature=None, blob: list[bytes] = ()) -> int:
        """Store ``value`` under ``slot``, then the ``blob`` parts as raw bytes; ``signature``: the files'
        stat facts, trusted later (see ``stat_signature``). Returns where the blob starts in the file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{slot}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, signature, value, sum(map(len, blob))), fh, protocol=pickle.HIGHEST_PROTOCOL)
                base = fh.tell()
                for part in blob:
                    fh.write(part)
            os.replace(tmp, self.path(slot))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return base


    def prune(self, prefix: str, keep: set[str]) -> None:
        """Delete the ``prefix`` slots not in ``keep`` (e.g. a grid PDF that was removed)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob(f"{prefix}*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
