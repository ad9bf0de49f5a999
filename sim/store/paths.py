"""Where sim reads and writes. Nothing here touches the disk at import time.

Everything the app writes lives under one home directory: `$SIM_HOME` if set, else the
platform's user data directory. Built-in personas and model profiles ship inside the
package (sim/_data) when installed, and sit at the top of the repository in a checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "SIM_HOME"


def home() -> Path:
    configured = os.environ.get(ENV_HOME)
    if configured:
        return Path(configured).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("sim", appauthor=False)


@dataclass(frozen=True)
class Home:
    """The layout of one sim home directory."""

    root: Path

    @classmethod
    def current(cls) -> Home:
        return cls(home())

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def personas(self) -> Path:
        """The user's own personas (built-ins are copied here before editing)."""
        return self.root / "personas"

    @property
    def model_profiles(self) -> Path:
        """The user's own model profiles, alongside the built-in ones."""
        return self.root / "model-profiles"

    @property
    def transcripts(self) -> Path:
        return self.root / "transcripts"

    @property
    def config_file(self) -> Path:
        return self.root / "config.toml"

    def ensure(self, path: Path) -> Path:
        """Create a directory under this home (private to the user) and return it."""
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path


def _data_dir(name: str) -> Path:
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "_data" / name
    if installed.is_dir():
        return installed
    return package_dir.parent / name  # a source checkout or editable install


def builtin_personas_dir() -> Path:
    return _data_dir("personas")


def builtin_models_dir() -> Path:
    return _data_dir("models")
