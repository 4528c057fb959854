"""The record files of a raw folder and their stat facts, read while the build imports its libraries.

A cached build decides what changed from each file's size, mtime and inode (``cache.stat_signature``):
at 100k records that is 100k ``stat`` calls (~0.8 s), and importing pandas and pandera takes about
as long. ``prefetch`` forks a child before those imports, which lists and stats the folder on the
other core and hands the facts back through a pipe; ``Listing.result`` waits for them. Where there
is no ``fork`` (or the child fails), the same reading is done in the calling process, so the result
never depends on how it was obtained. This module imports nothing heavy: the child must start small.
"""

from __future__ import annotations

import operator
import os
import pickle
import stat
import time
import zlib
from array import array

from . import forked

SUFFIXES = (".yaml", ".yml")
# A file modified this close to a look at it may be modified again within the same mtime tick,
# keeping its size: its stat facts cannot vouch for its content (git's "racily clean" entries). The
# build's cache and the report's freshness check both hold to it.
RACY_NS = 2_000_000_000
DIR_FD = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd


class Facts:
    """Every regular file named *.yaml/*.yml in a folder (symlinks followed), sorted by name, with
    its size, mtime (ns) and inode, and ``now``: the clock read before the first stat (a file
    modified after it may change again within one mtime tick; see ``cache.stat_signature``).
    ``unreadable``: the other names with those suffixes (a folder, a broken link), for the build to report.
    ``crcs``: each name's CRC-32 (of its UTF-8 bytes), by which the build puts it in a chunk: worked
    out here, in the child that reads the facts while the build imports its libraries."""

    __slots__ = ("names", "sizes", "mtimes", "inodes", "now", "unreadable", "crcs")

    def __init__(self, names: list[str], sizes: array, mtimes: array, inodes: array, now: int,
                 unreadable: list[str] | None = None):
        self.names, self.sizes, self.mtimes, self.inodes, self.now = names, sizes, mtimes, inodes, now
        self.unreadable = unreadable or []
        self.crcs = name_crcs(names)

    def __len__(self) -> int:
        return len(self.names)


def name_crcs(names: list[str]) -> array:
    """Each name's CRC-32, of its UTF-8 bytes (a name the file system gave undecodable: as it was)."""
    return array("I", map(zlib.crc32, map(operator.methodcaller("encode", "utf-8", "surrogateescape"), names)))


# What a name in a directory is, as ``stat_names`` reports it (symlinks followed).
FILE, DIRECTORY, OTHER = 1, 2, 0


def _stats(directory: str, fd: int | None, names: list[str]) -> tuple[array, array, array, array]:
    """Each name's kind (FILE, DIRECTORY, or OTHER: neither, a dangling link, gone meanwhile), size,
    mtime in ns and inode; ``fd``: the directory opened (a stat relative to it is cheaper than a path)."""
    kinds, sizes, mtimes, inodes = array("b"), array("q"), array("q"), array("q")
    is_dir, is_file = stat.S_ISDIR, stat.S_ISREG
    for name in names:
        try:
            st = os.stat(name, dir_fd=fd) if fd is not None else os.stat(os.path.join(directory, name))
        except OSError:
            kinds.append(OTHER)
            sizes.append(0)
            mtimes.append(0)
            inodes.append(0)
            continue
        kinds.append(FILE if is_file(st.st_mode) else DIRECTORY if is_dir(st.st_mode) else OTHER)
        sizes.append(st.st_size)
        mtimes.append(st.st_mtime_ns)
        inodes.append(st.st_ino)
    return kinds, sizes, mtimes, inodes


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def stat_names(directory: str, fd: int | None, names: list[str], split: bool = False) -> tuple[array, array, array, array]:
    """``_stats`` of ``names`` in ``directory``; ``split``: the second half stat-ed by a forked child
    meanwhile and sent back through a pipe (a stat is mostly the kernel's work, so two processes
    take about half the time on two idle cores). The same arrays, in the same order, either way.
    Never split in a process with threads (a fork copies only the calling thread) or on one core;
    if the child fails, this process stats its half itself."""
    if not split or cores() < 2 or not forked.possible():
        return _stats(directory, fd, names)
    half = len(names) // 2
    rest = names[half:]
    pending = forked.in_child(lambda: b"".join(column.tobytes() for column in _stats(directory, fd, rest)))
    whole = _stats(directory, fd, names[:half])
    data = pending()
    n = len(rest)
    if data is None or len(data) != n * 25:
        more = _stats(directory, fd, rest)
    else:
        more = (array("b", data[:n]), array("q"), array("q"), array("q"))
        for k, column in enumerate(more[1:]):
            column.frombytes(data[n + 8 * n * k:n + 8 * n * (k + 1)])
    for column, part in zip(whole, more):
        column.extend(part)
    return whole


# Above this many names, the listing's stats are split over two processes (``stat_names``). Below
# it one child finishes within the ~1 s that the parent spends importing pandas anyway.
SPLIT = 150_000


def read(folder: str | os.PathLike) -> Facts:
    """The folder's record files and their stat facts, in this process (empty if it is no folder)."""
    now = time.time_ns()
    if not os.path.isdir(folder):
        return Facts([], array("q"), array("q"), array("q"), now)
    # Stat-ed relative to the open directory where the system allows it (not on Windows).
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if DIR_FD else None
    try:
        return listed(folder, fd, [n for n in os.listdir(folder if fd is None else fd) if n.endswith(SUFFIXES)], now)
    finally:
        if fd is not None:
            os.close(fd)


def listed(folder: str | os.PathLike, fd: int | None, names: list[str], now: int) -> Facts:
    """``read``'s facts of the record files ``names`` (as listed: sorted here) in ``folder`` (open as ``fd``)."""
    names.sort()
    kinds, sizes, mtimes, inodes = stat_names(os.fspath(folder), fd, names, split=len(names) > SPLIT)
    if not "".join(names).isascii():  # (one look for the usual all-ASCII folder)
        # A name the file system holds in bytes that are not UTF-8 (made on another system) cannot be
        # written in any table: reported with the unreadable ones, never read.
        for i, name in enumerate(names):
            if not name.isascii() and not utf8_name(name):
                kinds[i] = OTHER
    if kinds.count(FILE) == len(kinds):  # the usual case: nothing but record files
        return Facts(names, sizes, mtimes, inodes, now)
    keep = [i for i, k in enumerate(kinds) if k == FILE]  # a dangling link, a folder named x.yaml: not records
    return Facts([names[i] for i in keep], *(array("q", (c[i] for i in keep)) for c in (sizes, mtimes, inodes)), now,
                 [name for name, k in zip(names, kinds) if k != FILE])


def utf8_name(name: str) -> bool:
    """Whether a file name (as ``os.listdir`` gives it, undecodable bytes as surrogates) is UTF-8 text."""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


class Listing:
    """``reader(folder)`` (``read(folder)`` with no ``reader``), possibly under way in a child
    process; ``result()`` hands it over (and keeps no reference: at 1M records the names are ~80 MB
    that forked workers would otherwise inherit)."""

    def __init__(self, folder: str | os.PathLike, pending=None, reader=None):
        self.folder, self.pending, self.reader = os.fspath(folder), pending, reader

    def result(self):
        data, self.pending = self.pending() if self.pending else None, None
        if data is None:  # never started, or the child failed: read here, the result is the same
            return (self.reader or read)(self.folder)
        return pickle.loads(data)


def prefetch(folder: str | os.PathLike, reader=None) -> Listing:
    """Start reading ``folder``'s facts in a forked child (call before importing pandas: the child is
    then a small process), or ``reader(folder)`` if given (it must import nothing heavy); where no
    child can be forked, the same is done in this process when first asked for."""
    if not forked.possible():
        return Listing(folder, reader=reader)

    def produce() -> bytes:
        return pickle.dumps((reader or read)(folder), protocol=pickle.HIGHEST_PROTOCOL)

    return Listing(folder, forked.in_child(produce), reader)
