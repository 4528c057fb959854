"""Every path the project uses, anchored at the repository root.

Notebooks, papermill, nbval and JupyterLab each start the kernel in a different working
directory; taking paths from here (never ``../data``) makes them agree.
"""

from __future__ import annotations

import os
from pathlib import Path

# FOI_ANALYSIS_ROOT lets tests and benchmarks point the whole package at a scratch copy.
ROOT = Path(os.environ.get("FOI_ANALYSIS_ROOT", Path(__file__).resolve().parents[1])).resolve()

DATA = ROOT / "data"
RAW = DATA / "raw"
RAW_DISCLOSURES = RAW / "disclosures"
RAW_GRIDS = RAW / "grids"
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"

# Where the project's source material lives while developing; the product never needs it.
SHARED = ROOT.parent / "shared"

DEFAULT_CONFIDENCE = 0.95
