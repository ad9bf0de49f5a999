"""The user's settings: `$SIM_HOME/config.toml`.

    name = "Sam"            # your name in the scene
    theme = "textual-dark"  # any Textual theme (the command palette lists them)
    model = "smollm2-135m"  # default model profile or path

    [keys]                  # remap any key: binding id = key(s), see the help screen (F1)
    send = "enter"
    newline = "ctrl+j"

A broken config never stops the app: it starts with defaults and says what was wrong.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from sim.core.tomlfile import FileProblems, load_model
from sim.store.paths import Home

MAX_CONFIG_BYTES = 64 * 1024  # a config is a few lines


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="You", min_length=1, max_length=30, pattern=r"^[^\n:]+$")
    theme: str = "textual-dark"
    model: str | None = None
    keys: dict[str, str] = Field(default_factory=dict)


def load_config(home: Home) -> tuple[Config, str | None]:
    """The settings, and a one-line problem if the file could not be used."""
    path = home.config_file
    try:
        text = _read_text(path)
    except FileNotFoundError:
        return Config(), None
    except OSError as error:
        return Config(), f"{path}: cannot read ({error.strerror or error}); using defaults"
    try:
        return load_model(text, Config, str(path)), None
    except FileProblems as problems:
        return Config(), f"{problems.problems[0]} (using defaults)"


def save_setting(home: Home, key: str, value: str) -> Path:
    """Set one top-level string setting, keeping the rest of the file (and its comments)."""
    path = home.config_file
    home.ensure(home.root)
    try:
        text = _read_text(path)
    except FileNotFoundError:
        text = ""
    line = f"{key} = {_toml_string(value)}"
    pattern = re.compile(rf"^{re.escape(key)}\s*=.*$", re.MULTILINE)
    top, table, rest = text.partition("\n[")
    if pattern.search(top):
        top = pattern.sub(line.replace("\\", "\\\\"), top, count=1)
    else:
        top = f"{line}\n{top}" if top else line + "\n"
    text = top + table + rest
    partial = path.with_suffix(".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)
    return path


def _read_text(path: Path) -> str:
    """The file's text, or OSError with a plain reason. Never blocks on a FIFO, never
    reads a device or a huge file to the end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_CONFIG_BYTES // 1024} KB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OSError(errno.EILSEQ, f"not UTF-8 text (byte {error.start})") from None


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
