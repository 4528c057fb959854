"""plots.setup() sets what seaborn's theme sets, without importing seaborn (and scipy.stats with it)."""

from __future__ import annotations

import json
import subprocess
import sys

SNAPSHOT = """
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import colors
if sys.argv[1] == "seaborn":
    import seaborn as sns
    from foi_analysis.analysis import plots
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind")
    plt.rcParams.update(plots.SIZES)
else:
    from foi_analysis.analysis import plots
    plots.setup()
rc = {k: repr(v) for k, v in plt.rcParams.items() if k != "image.cmap"}
codes = {c: list(colors.to_rgb(c)) for c in "bgrmyck"}
print(json.dumps({"rc": rc, "codes": codes, "seaborn": "seaborn" in sys.modules, "scipy.stats": "scipy.stats" in sys.modules}))
"""


def _snapshot(how: str) -> dict:
    out = subprocess.run([sys.executable, "-c", SNAPSHOT, how], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_setup_is_seaborns_whitegrid_theme_without_seaborn():
    ours, theirs = _snapshot("ours"), _snapshot("seaborn")
    assert not ours["seaborn"] and not ours["scipy.stats"]
    assert ours["codes"] == theirs["codes"]
    differ = {k: (v, theirs["rc"].get(k)) for k, v in ours["rc"].items() if theirs["rc"].get(k) != v}
    assert not differ and ours["rc"].keys() == theirs["rc"].keys()
