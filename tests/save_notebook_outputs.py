"""Re-run the committed notebooks in place on the test corpus (`make notebooks`).

The outputs saved in notebooks/ are the test corpus's (docs/testing.md): nbval compares the
`# NBVAL_CHECK_OUTPUT` cells with them, so they must never come from data/raw/. Run this after
changing a notebook, review the diff of the findings cells, and commit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
CORPUS_RAW = REPOSITORY / "tests" / "fixtures" / "corpus" / "data" / "raw"


def main() -> int:
    import shutil

    with tempfile.TemporaryDirectory(prefix="foi-analysis-notebooks-") as tmp:
        root = Path(tmp)
        shutil.copytree(CORPUS_RAW, root / "data" / "raw")
        env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        env.pop("MPLBACKEND", None)
        exe = Path(sys.executable).with_name("foi-analysis")
        if subprocess.run([str(exe), "build"], env=env).returncode != 0:
            print("the test corpus no longer builds cleanly; fix that first", file=sys.stderr)
            return 1
        os.environ.update(env)  # the kernels started below inherit it
        import nbformat
        from nbclient import NotebookClient

        from foi_analysis.report import kernel

        kernel.ensure()
        for path in sorted((REPOSITORY / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            print(f"{path.name}: running on the test corpus", file=sys.stderr)
            nb = nbformat.read(path, as_version=4)
            # No timing metadata: a re-run changes only what the outputs say.
            NotebookClient(nb, kernel_name=kernel.NAME, record_timing=False, timeout=600,
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            nbformat.write(nb, path)
    return 0

if __name__ == "__main__":
    sys.exit(main())
