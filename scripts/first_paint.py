#!/usr/bin/env python3
"""How long `sim` takes to paint its first screen, and whether torch was imported by then.

    .venv/bin/python scripts/first_paint.py            # 5 runs, your SIM_HOME
    .venv/bin/python scripts/first_paint.py --runs 10 --home /tmp/empty --json

Each run starts a fresh Python process in a pseudo-terminal (80x24 by default) that does
what the `sim` command does (the CLI, then the app), with one hook: when the app hands its
first frame of the home screen to the terminal, the child notes the time and whether
torch or transformers are in `sys.modules`, then exits. The parent also reads the
terminal and notes when the home screen's text actually arrives. Both times run from
just before the process is spawned, so interpreter start-up and every import count.

Target (the issue's): first screen <= 1.0 s on a 2-core machine, torch not imported.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0
MARKER = "Who's here"  # the home screen's first section title
HEAVY = ("torch", "transformers", "safetensors", "tokenizers")

# The child: `sim` (sim.cli.main) with the app class swapped for one that reports its
# first painted frame. Nothing else differs from a user's `sim`.
CHILD = r"""
import json, os, sys, threading, time
out = os.environ.pop("SIM_FIRST_PAINT_OUT")
heavy = json.loads(os.environ.pop("SIM_FIRST_PAINT_HEAVY"))

def report(how):
    data = {"painted_at": time.time(), "how": how,
            "imported": {name: name in sys.modules for name in heavy},
            "modules": len(sys.modules), "threads": threading.active_count()}
    with open(out, "w") as file:
        json.dump(data, file)
    threading.Timer(2.0, lambda: os._exit(0)).start()  # let the frame reach the terminal

import sim.tui.app as tui_app

class FirstPaint(tui_app.SimApp):
    _reported = False
    # Textual finds CSS next to the class's source file, and this one has none.
    _BASE_PATH = tui_app.__file__

    def _display(self, screen, renderable):  # textual: a frame is written to the terminal
        super()._display(screen, renderable)
        if (not self._reported and renderable is not None
                and type(screen).__name__ == "HomeScreen"):
            self._reported = True
            report("first frame of the home screen")

tui_app.SimApp = FirstPaint
if not hasattr(tui_app.App, "_display"):  # a textual without the hook: fall back
    def _on_mount(self, _orig=FirstPaint.on_mount):
        _orig(self)
        self.call_after_refresh(lambda: report("after the first refresh"))
    FirstPaint.on_mount = _on_mount
sys.argv = ["sim"]
from sim.cli import main
main()
"""


def _strip_ansi(data: str) -> str:
    return re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]", "", data)


def one_run(python: str, home: str | None, columns: int, rows: int, timeout: float) -> dict:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "paint.json"
        env = dict(os.environ, SIM_FIRST_PAINT_OUT=str(out), SIM_FIRST_PAINT_HEAVY=json.dumps(HEAVY),
                   TERM=os.environ.get("TERM", "xterm-256color"), COLUMNS=str(columns), LINES=str(rows))
        if home:
            env["SIM_HOME"] = home
        started = time.time()
        child = subprocess.Popen([python, "-c", CHILD], stdin=slave, stdout=slave, stderr=slave,
                                 env=env, cwd=REPO, start_new_session=True, close_fds=True)
        os.close(slave)
        seen_at, screen = None, ""
        try:
            while time.time() - started < timeout:
                ready, _, _ = select.select([master], [], [], 0.05)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    screen += chunk.decode("utf-8", "replace")
                    if seen_at is None and MARKER in _strip_ansi(screen):
                        seen_at = time.time()
                if seen_at is not None and out.exists() and out.stat().st_size:
                    break
                if child.poll() is not None and not ready:
                    break
            report = json.loads(out.read_text()) if out.exists() and out.stat().st_size else None
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            os.close(master)
    if report is None:
        tail = _strip_ansi(screen)[-800:]
        raise RuntimeError(f"no first paint within {timeout:.0f} s (exit {child.returncode}):\n{tail}")
    return {
        "painted": round(report["painted_at"] - started, 3),
        "on_terminal": round(seen_at - started, 3) if seen_at else None,
        "imported": report["imported"],
        "modules": report["modules"],
        "how": report["how"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", help="SIM_HOME for the runs (default: yours)")
    parser.add_argument("--size", default="80x24", help="terminal COLUMNSxROWS (default 80x24)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.lower().split("x"))

    runs = [one_run(args.python, args.home, columns, rows, args.timeout) for _ in range(args.runs)]
    painted = [r["painted"] for r in runs]
    torch_seen = any(r["imported"].get("torch") for r in runs)
    summary = {
        "runs": runs,
        "painted_median": round(statistics.median(painted), 3),
        "painted_best": min(painted),
        "painted_worst": max(painted),
        "torch_imported_before_paint": torch_seen,
        "target_seconds": TARGET_SECONDS,
        "cpus": os.cpu_count(),
        "meets_target": statistics.median(painted) <= TARGET_SECONDS and not torch_seen,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for number, run in enumerate(runs, 1):
            heavy = ", ".join(name for name, there in run["imported"].items() if there) or "none"
            seen = f"{run['on_terminal']:.3f} s" if run["on_terminal"] is not None else "not seen"
            print(f"run {number}: first frame {run['painted']:.3f} s, on the terminal {seen}, "
                  f"heavy modules imported: {heavy}")
        print(f"first paint: median {summary['painted_median']:.3f} s, best {summary['painted_best']:.3f} s, "
              f"worst {summary['painted_worst']:.3f} s over {len(runs)} runs on {os.cpu_count()} CPUs "
              f"(target <= {TARGET_SECONDS:.1f} s); torch imported before it: "
              f"{'YES' if torch_seen else 'no'}")
    return 0 if not torch_seen else 1


if __name__ == "__main__":
    sys.exit(main())
