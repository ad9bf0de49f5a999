"""`scripts/first_paint.py`: the first screen comes up without torch, and quickly.

The 1.0 s target (on a 2-core machine) is measured and printed, not asserted: shared CI
machines are slower and noisier. The bound asserted here only catches a real regression
(say, the model loading before the first paint)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "first_paint.py"
GENEROUS = 5.0


def test_first_paint_comes_before_torch(sim_home):
    sim_home.root.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--runs", "2", "--json", "--home", str(sim_home.root)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    print(f"\nfirst paint: median {summary['painted_median']:.3f} s over "
          f"{len(summary['runs'])} runs on {summary['cpus']} CPUs (target <= 1.0 s)")
    for run in summary["runs"]:
        assert run["imported"] == {"torch": False, "transformers": False,
                                   "safetensors": False, "tokenizers": False}
        assert run["how"] == "first frame of the home screen"
        assert run["on_terminal"] is not None  # the home screen's text reached the terminal
    assert not summary["torch_imported_before_paint"]
    assert summary["painted_median"] < GENEROUS
