"""The record files of a raw folder and their stat facts, read while the build imports its libraries.

A cached build decides what changed from each file's size, mtime and inode (``cache.stat_signature``):
at 100k records that is 100k ``stat`` calls (~0.8 s), and importing pandas and pandera takes about
as long. ``prefetch`` forks a child before those imports, which lists and stats the folder on the
other core and hands the facts back through a pipe; ``Listing.result`` waits for them. Where there
is no ``fork`` (or the child fails), the same reading is done in the calling process, so the result
never depends on how it was obtained. This module imports nothing heavy: the child must start small.
"""

from __future__ import annotations

import os
import pickle
import stat
import time
from array import array

SUFFIXES = (".yaml", ".yml")


class Facts:
    """Every regular file named *.yaml/*.yml in a folder (symlinks followed), sorted by name, with
    its size, mtime (ns) and inode, and ``now``: the clock read before the first stat (a file
    modified after it may change again within one mtime tick; see ``cache.stat_signature``)."""

    __slots__ = ("names", "sizes", "mtimes", "inodes", "now")

    def __init__(self, names: list[str], sizes: array, mtimes: array, inodes: array, now: int):
        self.names, self.sizes, self.mtimes, self.inodes, self.now = names, sizes, mtimes, inodes, now

    def __len__(self) -> int:
        return len(self.names)


def read(folder: str | os.PathLike) -> Facts:
    """The folder's record files and their stat facts, in this process (empty if it is no folder)."""
    now = time.time_ns()
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except (FileNotFoundError, NotADirectoryError):
        return Facts([], array("q"), array("q"), array("q"), now)
    try:
        names = sorted(n for n in os.listdir(fd) if n.endswith(SUFFIXES))
        kept, sizes, mtimes, inodes = [], array("q"), array("q"), array("q")
        is_file = stat.S_ISREG
        for name in names:
            try:
                st = os.stat(name, dir_fd=fd)  # follows a symlink, as reading the file does
            except OSError:  # a dangling link, or gone meanwhile: not a record file
                continue
            if is_file(st.st_mode):
                kept.append(name)
                sizes.append(st.st_size)
                mtimes.append(st.st_mtime_ns)
                inodes.append(st.st_ino)
    finally:
        os.close(fd)
    return Facts(kept, sizes, mtimes, inodes, now)


class Listing:
    """``read(folder)``, possibly under way in a child process; ``result()`` hands it over (and keeps no
    reference: at 1M records the names are ~80 MB that forked workers would otherwise inherit)."""

    def __init__(self, folder: str | os.PathLike, pid: int | None = None, pipe: int | None = None):
        self.folder, self.pid, self.pipe = os.fspath(folder), pid, pipe

    def result(self) -> Facts:
        return self._collect() if self.pid is not None else read(self.folder)

    def _collect(self) -> Facts:
        with open(self.pipe, "rb") as fh:
            data = fh.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return read(self.folder)  # the child failed: read here, the result is the same
        return pickle.loads(data)


def prefetch(folder: str | os.PathLike) -> Listing:
    """Start reading ``folder``'s facts in a forked child (call before importing pandas: the child is
    then a small process); without ``os.fork``, the facts are read when first asked for."""
    if not hasattr(os, "fork"):
        return Listing(folder)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, send, leave at once (no cleanup of the parent's state)
        code = 1
        try:
            os.close(r)
            data = pickle.dumps(read(folder), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    return Listing(folder, pid, r)
