"""The parameters every findings section takes, with their defaults. A module of its own, importing
no pandas, so that the report's process can resolve them without the analysis stack (its findings are
computed in a process forked from the kernels' server, report/forkserver.py)."""

from __future__ import annotations

from ..config import DEFAULT_CONFIDENCE

DEFAULTS = {"authority": "", "start": "", "end": "", "confidence": DEFAULT_CONFIDENCE}
