"""One file named by a person (``extract``'s saved responses, ``add``'s drafts), read whole within a bound;
and how a file's name is shown in a message (the build's rejections too).

A name on the command line may stand for anything the file system holds: a named pipe (opening it for
reading waits for a writer that never comes), a device (``/dev/zero`` never ends), a folder. Only a regular
file is read: it is opened without waiting (``O_NONBLOCK``, which a regular file ignores), judged by its own
descriptor (so a rename in between changes nothing), and read to at most ``limit`` bytes, so that a file
that grows while it is read cannot take the memory either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


# A name whose bytes are not UTF-8 (made on another system): named with those bytes escaped ("caf\\xe9.yaml").
NOT_UTF8_NAME = "the file name is not UTF-8 text: rename the file"


def shown_name(name: str) -> str:
    """A file name as os.listdir gives it, its undecodable bytes (surrogates) written as escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class NotAFile(ValueError):
    """Not a regular file; the message says what it is."""


class TooLarge(ValueError):
    """Over the limit; ``size``: its bytes (at least limit + 1 for a file that grew while it was read)."""

    def __init__(self, size: int):
        super().__init__(f"{size:,} bytes")
        self.size = size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``: ``NotAFile``, ``TooLarge`` or ``OSError`` otherwise."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd)
        if not stat.S_ISREG(mode.st_mode):
            kind = next((what for test, what in _KINDS if test(mode.st_mode)), "a special file")
            raise NotAFile(f"not a regular file ({kind}): nothing to read")
        if mode.st_size > limit:
            raise TooLarge(mode.st_size)
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
