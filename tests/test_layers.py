"""The layers of DESIGN.md hold: core is pure, `sim --help` and first paint need no torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ}, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in {"torch", "transformers", "textual"}}


def test_core_imports_neither_textual_nor_torch():
    loaded = modules_after(
        "import pkgutil, importlib, sim.core\n"
        "for m in pkgutil.walk_packages(sim.core.__path__, 'sim.core.'): importlib.import_module(m.name)"
    )
    assert not heavy(loaded)


def test_help_imports_no_torch():
    loaded = modules_after(
        "import sys\nfrom sim.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    assert not {m for m in loaded if m.split(".")[0] in {"torch", "transformers"}}


def test_help_runs_from_the_console_script():
    result = subprocess.run([sys.executable, "-m", "sim", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "connecting" in result.stdout


def test_import_contracts_hold():
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_writes_nothing(tmp_path):
    home = tmp_path / "untouched"
    subprocess.run(
        [sys.executable, "-c", "import sim.cli, sim.store.paths, sim.engine, sim.core.persona"],
        env={**os.environ, "SIM_HOME": str(home)}, check=True,
    )
    assert not home.exists()
