"""Work done in a forked child while this process goes on, its result sent back through a pipe.

The build lists and stats the record files this way while it imports pandas, a large folder is
stat-ed by two processes, and the report's kernels' server has the findings computed while it
imports what only kernels need. Imports nothing heavy: a child forked early must start small.
"""

from __future__ import annotations

import os
from typing import Callable


def in_child(produce: Callable[[], bytes]) -> Callable[[], bytes | None]:
    """Fork; the child runs ``produce()`` and writes its bytes to a pipe, then leaves at once (no
    cleanup of this process's state). Returns a function that reads them and waits for the child:
    the bytes, or None if the child failed. Call it once. Fork only where ``os.fork`` exists and the
    process has no other thread (a fork copies the calling thread only). If no child can be made
    (no pipe or process left), the function gives None at once: every caller then does the work itself."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return lambda: None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return lambda: None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read_end)
            data = produce()
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)

    def result() -> bytes | None:
        try:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(pid, 0)
        return data if status == 0 else None

    return result


def possible() -> bool:
    """Can this process fork safely: ``os.fork`` exists and no other thread runs."""
    import sys

    threading = sys.modules.get("threading")
    return hasattr(os, "fork") and not (threading and threading.active_count() > 1)
