"""Shared fixtures. Every test gets its own SIM_HOME, so nothing touches the user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sim.store.paths import ENV_HOME, Home

# Where the real model was installed (by `make test`, via `sim model install`), read
# before any test points SIM_HOME elsewhere.
REAL_HOME = Home.current()
REPO = Path(__file__).resolve().parent.parent
SHARED_GRADING = REPO.parent / "shared" / "grading"


@pytest.fixture(autouse=True)
def sim_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    root = tmp_path / "sim-home"
    monkeypatch.setenv(ENV_HOME, str(root))
    return Home(root)


@pytest.fixture(scope="session")
def model_files():
    """The installed default model. Fails (does not skip) when it is missing: the real
    model tests are part of the suite, and `make test` installs the model first."""
    from sim.store.models import ModelError, ModelFiles, resolve_profile

    files = ModelFiles(resolve_profile(None, REAL_HOME), REAL_HOME)
    try:
        files.check_present()
    except ModelError as error:
        pytest.fail(f"real-model tests need the model: {error}")
    return files


@pytest.fixture(scope="session")
def generator(model_files):
    """The default model, loaded once for the whole session."""
    from sim.engine import load_generator

    return load_generator(model_files)


@pytest.fixture
def home_with_model(sim_home: Home, model_files) -> Home:
    """A test home whose model store is the real one (linked, not copied)."""
    sim_home.root.mkdir(parents=True, exist_ok=True)
    os.symlink(model_files.home.models, sim_home.models)
    return sim_home
