#!/usr/bin/env bash
# Re-execute the committed notebooks on the test corpus (tests/fixtures/corpus), so their saved
# outputs are the ones nbval checks in tests/test_notebooks.py, whatever data/raw holds.
#   scripts/save_notebook_outputs.sh [NOTEBOOK...]   (default: every notebooks/[0-9][0-9]_*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/data"
cp -r tests/fixtures/corpus/data/raw "$root/data/raw"
FOI_ANALYSIS_ROOT="$root" $py -c "from foi_analysis import build; build.build()" 2>/dev/null
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/[0-9][0-9]_*.ipynb)
for nb in "${notebooks[@]}"; do
  # no timing metadata: the same data gives byte-identical notebooks
  FOI_ANALYSIS_ROOT="$root" PYDEVD_DISABLE_FILE_VALIDATION=1 .venv/bin/jupyter nbconvert --to notebook --execute \
    --inplace --ExecutePreprocessor.record_timing=False "$nb" 2>&1 | grep -v WARNING
done
