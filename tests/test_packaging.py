"""A non-editable install (a wheel in a fresh venv) still finds the built-in personas and
model profiles, which live at the top of the repository in a checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_finds_personas_and_profiles(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("connect_sim-*.whl"))
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    probe = (
        "from sim.store.paths import builtin_personas_dir, builtin_models_dir\n"
        "p, m = builtin_personas_dir(), builtin_models_dir()\n"
        "print(p); print(len(list(p.glob('*.toml')))); print(sorted(x.name for x in m.glob('*.toml')))"
    )
    result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    where, count, profiles = result.stdout.strip().splitlines()
    assert "site-packages/sim/_data/personas" in where
    assert int(count) == len(list((REPO / "personas").glob("*.toml"))) >= 10
    assert "smollm2-135m.toml" in profiles
