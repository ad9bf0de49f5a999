"""Validate authored TOML files with pydantic and report problems as `file:line: field: problem`.

tomllib gives no positions for values, so the line of a field is found by scanning the
text for its table header and key. That is good enough to point an author at the right
line; when a field cannot be found the table's line (or line 1) is used.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class FileProblems(Exception):
    """One or more problems with an authored file. str() gives one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


def _line_index(text: str) -> dict[tuple[str, ...], int]:
    """Map (table..., key) paths to 1-based line numbers. Array-of-table entries are
    numbered in order, so ("challenges", "1", "summary") is the second challenge."""
    index: dict[tuple[str, ...], int] = {}
    counters: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            parts = tuple(_unquote(p.strip()) for p in header.group(1).split("."))
            if line.strip().startswith("[["):
                position = counters.get(parts, 0)
                counters[parts] = position + 1
                table = (*parts, str(position))
            else:
                table = parts
            index.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            parts = tuple(_unquote(p.strip()) for p in key.group(1).split("."))
            index.setdefault((*table, *parts), number)
    return index


def _line_for(index: dict[tuple[str, ...], int], location: tuple[Any, ...]) -> int:
    path = tuple(str(p) for p in location)
    while path:
        if path in index:
            return index[path]
        path = path[:-1]
    return 1


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise FileProblems([Problem(source, line, "", f"not valid TOML: {message}")]) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise FileProblems([Problem(source, 1, "", "not valid TOML: nested too deeply")]) from None
    except ValueError:  # an integer of more than 4300 digits (Python's conversion limit)
        raise FileProblems([Problem(source, 1, "", "not valid TOML: a number is too long")]) from None


def validation_problems(error: ValidationError, text: str, source: str) -> list[Problem]:
    index = _line_index(text)
    problems = []
    for item in error.errors():
        location = item.get("loc", ())
        field = ".".join(str(p) for p in location)
        message = item.get("msg", "invalid")
        if item.get("type") == "extra_forbidden":
            message = "unknown field"
        elif item.get("type") == "missing":
            message = "required field is missing"
        problems.append(Problem(source, _line_for(index, location), field, message))
    return problems


def load_model(text: str, model: type[M], source: str) -> M:
    """Parse TOML text and validate it as `model`, or raise FileProblems."""
    data = parse_toml(text, source)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise FileProblems(validation_problems(error, text, source)) from None
