"""Personas on disk: the built-ins shipped with sim and the user's own.

Built-ins are read-only; a user persona with the same id replaces the built-in, and to
edit a built-in the user first gets a copy in their own folder. A bad file never stops
the others from loading: it becomes a one-line problem in the catalog. Files are read
without following symbolic links, and ids are checked before they become file names.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from sim.core.cards import MAX_CARD_BYTES, CardError, ImportedCard, read_card
from sim.core.persona import PERSONA_ID, Persona, parse_persona
from sim.core.tomlfile import FileProblems, Problem, validation_problems
from sim.store.paths import Home, builtin_personas_dir
from sim.store.persona_toml import PLACEHOLDER, persona_to_toml, template

__all__ = [
    "Catalog",
    "PersonaStoreError",
    "StoredPersona",
    "check_id",
    "copy_builtin_for_editing",
    "find_persona",
    "load_catalog",
    "load_persona_file",
    "load_persona_text",
    "new_persona_id",
    "persona_to_toml",
    "read_card_file",
    "save_user_persona",
    "template",
    "write_private_file",
]

MAX_PERSONA_BYTES = 256 * 1024  # a rich persona is about 8 KB
SUFFIX = ".toml"
Origin = Literal["built-in", "user"]


class PersonaStoreError(Exception):
    """A problem the user can fix, as one line."""


@dataclass(frozen=True)
class StoredPersona:
    persona: Persona
    path: Path
    origin: Origin
    overrides_builtin: bool = False  # a user persona that replaces a built-in one


@dataclass
class Catalog:
    """Every persona that loaded, by id; one line per problem in the files that did not."""

    personas: dict[str, StoredPersona] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every file looked at
    broken: list[Path] = field(default_factory=list)  # the files that did not load


def check_id(persona_id: str) -> str:
    """An id that is safe to use as a file name, or PersonaStoreError."""
    if not isinstance(persona_id, str) or not re.fullmatch(PERSONA_ID, persona_id):
        raise PersonaStoreError(
            f"invalid persona id {persona_id!r}: use 1 to 48 lowercase letters, digits and "
            "dashes, starting with a letter or digit"
        )
    return persona_id


# ---------------------------------------------------------------- reading


def _placeholders(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """Where a string still holds a template placeholder."""
    if isinstance(value, str):
        return [(loc, value)] if PLACEHOLDER in value else []
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _placeholders(item, (*loc, key))]
    if isinstance(value, list):
        return [hit for i, item in enumerate(value) for hit in _placeholders(item, (*loc, i))]
    return []


def _placeholder_problems(persona: Persona, text: str, source: str) -> list[Problem]:
    hits = _placeholders(persona.model_dump())
    if not hits:
        return []
    error = ValidationError.from_exception_data(
        "Persona",
        [
            InitErrorDetails(
                type=PydanticCustomError("placeholder", "placeholder not replaced"), loc=loc, input=value
            )
            for loc, value in hits
        ],
    )
    problems = validation_problems(error, text, source)
    # The line index points at the key; a placeholder in a list may sit a few lines
    # below it, so move each problem to the first unclaimed line holding its text.
    lines = text.splitlines()
    claimed: set[int] = set()
    for number, (problem, (_, value)) in enumerate(zip(problems, hits)):
        start = problem.line - 1
        for index in range(start, len(lines)):
            if index not in claimed and value[:40] in lines[index]:
                claimed.add(index)
                problems[number] = Problem(source, index + 1, problem.field, problem.message)
                break
    return sorted(problems, key=lambda p: p.line)


def load_persona_text(text: str, source: str = "<persona>") -> Persona:
    """Validate persona TOML. Raises FileProblems, and nothing else, whatever the text."""
    try:
        persona = parse_persona(text, source)
    except RecursionError:
        raise FileProblems([Problem(source, 1, "", "not valid TOML: nested too deeply")]) from None
    problems = _placeholder_problems(persona, text, source)
    if problems:
        raise FileProblems(problems)
    return persona


def _read_text(path: Path, source: str, follow_links: bool) -> str:
    def problem(message: str) -> FileProblems:
        return FileProblems([Problem(source, 1, "", message)])

    if not follow_links and path.is_symlink():
        raise problem("is a symbolic link; sim does not follow links in a persona folder")
    # O_NONBLOCK: a FIFO named *.toml must not hang the loader.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    flags |= 0 if follow_links else getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise problem(f"cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # before fdopen, which refuses a folder
        os.close(fd)
        raise problem("not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_PERSONA_BYTES + 1)
    if len(data) > MAX_PERSONA_BYTES:
        raise problem(f"file is larger than {MAX_PERSONA_BYTES // 1024} KB; not a persona")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise problem(f"not UTF-8 text (byte {error.start})") from None


def load_persona_file(path: Path, *, follow_links: bool = True, expect_id: bool = False) -> Persona:
    """Read and validate one file. With expect_id the file must be named <id>.toml, as
    it must inside a persona folder (a copy that forgot to change its id would silently
    replace the persona it was copied from)."""
    source = str(path)
    text = _read_text(path, source, follow_links)
    persona = load_persona_text(text, source)
    if expect_id and path.name != persona.id + SUFFIX:
        line = next((n for n, s in enumerate(text.splitlines(), 1) if re.match(r"\s*id\s*=", s)), 1)
        raise FileProblems(
            [Problem(source, line, "id", f"{persona.id!r} does not match the file name {path.name!r}")]
        )
    return persona


def _folder_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def load_catalog(home: Home | None = None) -> Catalog:
    """Built-ins first, then the user's folder; a user persona replaces a built-in one."""
    home = home or Home.current()
    catalog = Catalog()
    for origin, folder in (("built-in", builtin_personas_dir()), ("user", home.personas)):
        for path in _folder_files(folder):
            catalog.files.append(path)
            try:
                persona = load_persona_file(path, follow_links=False, expect_id=True)
            except FileProblems as error:
                catalog.problems.extend(str(p) for p in error.problems)
                catalog.broken.append(path)
                continue
            overrides = origin == "user" and persona.id in catalog.personas
            catalog.personas[persona.id] = StoredPersona(persona, path, origin, overrides)
    return catalog


def find_persona(persona_id: str, home: Home | None = None) -> StoredPersona:
    check_id(persona_id)
    catalog = load_catalog(home)
    if persona_id in catalog.personas:
        return catalog.personas[persona_id]
    if any(path.name == persona_id + SUFFIX for path in catalog.broken):
        raise PersonaStoreError(f"persona {persona_id!r} does not load; run `sim personas check`")
    known = ", ".join(sorted(catalog.personas)) or "none"
    raise PersonaStoreError(f"no persona {persona_id!r} (known: {known})")


# ---------------------------------------------------------------- writing


def _write_private(path: Path, text: str, overwrite: bool) -> Path:
    """Write atomically with mode 0600. Never writes through a symbolic link."""
    if path.is_symlink():
        raise PersonaStoreError(f"{path} is a symbolic link; refusing to write through it")
    if path.exists() and not overwrite:
        raise PersonaStoreError(f"{path} already exists")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def write_private_file(path: Path, text: str, overwrite: bool = False) -> Path:
    """A file anywhere (for --out), private to the user."""
    try:
        return _write_private(path, text, overwrite)
    except OSError as error:
        raise PersonaStoreError(f"cannot write {path}: {error.strerror or error}") from None


def save_user_persona(
    persona: Persona | str,
    home: Home | None = None,
    *,
    overwrite: bool = True,
    header: str = "",
    source: str = "<new persona>",
) -> Path:
    """Save into the user's folder as <id>.toml. TOML text is validated and kept word for
    word (with its comments); a Persona is written by persona_to_toml."""
    home = home or Home.current()
    if isinstance(persona, str):
        text = persona
        persona = load_persona_text(text, source)
    else:
        text = persona_to_toml(persona, header)
    check_id(persona.id)
    folder = home.ensure(home.personas)
    return write_private_file(folder / (persona.id + SUFFIX), text, overwrite)


def copy_builtin_for_editing(persona_id: str, home: Home | None = None) -> Path:
    """The user's editable copy of a built-in persona, made on first call. The built-in
    file is never touched; an existing user copy is never overwritten."""
    home = home or Home.current()
    check_id(persona_id)
    target = home.personas / (persona_id + SUFFIX)
    if target.exists() or target.is_symlink():
        return target
    source = builtin_personas_dir() / (persona_id + SUFFIX)
    if not source.is_file():
        raise PersonaStoreError(f"no built-in persona {persona_id!r}")
    text = _read_text(source, str(source), follow_links=False)
    return save_user_persona(text, home, overwrite=False, source=str(source))


def new_persona_id(home: Home | None = None, base: str = "my-persona") -> str:
    """An id no built-in or user persona file uses yet."""
    home = home or Home.current()
    taken = {p.name[: -len(SUFFIX)] for p in _folder_files(builtin_personas_dir())}
    taken |= {p.name[: -len(SUFFIX)] for p in _folder_files(home.personas)}
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def read_card_file(path: Path) -> ImportedCard:
    """A character card from a .png or .json file; every failure is a CardError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise CardError(f"{path}: not a regular file")
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as error:
        raise CardError(f"{path}: cannot read: {error.strerror or error}") from None
    return read_card(data, path.name)
