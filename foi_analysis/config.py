"""Every path the project uses, anchored at the project root.

Notebooks, papermill, nbval and JupyterLab each start the kernel in a different working
directory; taking paths from here (never ``../data``) makes them agree.
"""

from __future__ import annotations

import os
from pathlib import Path

# The checkout this package was imported from: pyproject.toml, the lock file, the benchmarks.
REPOSITORY = Path(__file__).resolve().parents[1]

# The project whose data, notebooks and reports are used. FOI_ANALYSIS_ROOT points the whole
# package (and every kernel it starts, which inherits the variable) at another copy: the tests run
# on a frozen corpus this way, the benchmarks on synthetic ones. Read once, at import.
ROOT = Path(os.environ.get("FOI_ANALYSIS_ROOT") or REPOSITORY).resolve()

DATA = ROOT / "data"
RAW = DATA / "raw"
RAW_DISCLOSURES = RAW / "disclosures"
RAW_GRIDS = RAW / "grids"
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"

# Where the project's source material lives while developing; the product never needs it.
SHARED = REPOSITORY.parent / "shared"

DEFAULT_CONFIDENCE = 0.95
