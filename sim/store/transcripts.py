"""Transcripts on disk: one session, one JSON Lines file (format: docs/transcripts.md).

The writer appends, flushes and fsyncs every line as it happens, so a killed process
loses at most the line in flight. When the disk refuses a write it keeps the whole
transcript in memory, so the caller can save it elsewhere. The reader opens files
read-only, accepts every readable format version and a torn last line (with a warning),
and turns anything else into a one-line TranscriptError naming the file and line.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sim.core.summary import TranscriptSummary, summarize
from sim.core.transcript import (
    FORMAT,
    READABLE_VERSIONS,
    VERSION,
    Event,
    Header,
    Transcript,
    TranscriptError,
    event_from_dict,
    header_from_dict,
)
from sim.store.paths import Home

MAX_LINE_BYTES = 1 << 20  # a turn with its grade and rejected candidates is a few KB
MAX_FILE_BYTES = 64 << 20  # thousands of turns; anything bigger is not ours
SUFFIX = ".jsonl"

#: Migration hook. UPGRADES[v] turns one line (header or event dict) written in format
#: version v into the same line in version v + 1. When VERSION becomes 2, add
#: UPGRADES[1] and READABLE_VERSIONS {1, 2}; the reader chains the steps.
UPGRADES: dict[int, Callable[[dict], dict]] = {}


class TranscriptWriteError(TranscriptError):
    """A line could not be saved. The transcript is still complete in memory."""


def upgrade_line(data: object, version: int) -> object:
    """Bring one line written in `version` up to the current format version."""
    if not isinstance(data, dict):
        return data
    while version < VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise TranscriptError(f"no upgrade from format version {version}")
        data = step(dict(data))
        version += 1
        if data.get("type") == "header":
            data["version"] = version
    return data


# ------------------------------------------------------------------ names


def _slug(text: str, limit: int = 40) -> str:
    """Only [a-z0-9-] survive, whatever the persona id says ('../x', emoji, 10 KB)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].strip("-")


def safe_name(header: Header) -> str:
    """`2026-11-26T14-03-12_theo-green-room_1a2b3c.jsonl`, from [a-z0-9-_T.] only."""
    try:
        started = datetime.fromisoformat(header.started_at)
    except ValueError:
        started = datetime.now()
    persona = header.persona.get("id") or header.persona.get("name") or ""
    short = _slug(header.session_id, 8).replace("-", "") or secrets.token_hex(3)
    return f"{started:%Y-%m-%dT%H-%M-%S}_{_slug(str(persona)) or 'persona'}_{short[:8]}{SUFFIX}"


def _line(data: dict) -> bytes:
    """One JSON line. Readable UTF-8 where possible; text that cannot be UTF-8 (a lone
    surrogate from a broken paste) is escaped rather than lost."""
    try:
        return (json.dumps(data, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, default=str) + "\n").encode("ascii")


def _create(path: Path) -> int:
    """A new private file; never clobbers an existing one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)  # whatever the umask says
    return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _reason(error: OSError) -> str:
    return error.strerror or error.__class__.__name__


# ------------------------------------------------------------------ writer


class TranscriptWriter:
    """Appends one session to its file, line by line, fsync'd.

    `transcript` always holds everything appended, saved or not. After a failed write
    the file is cut back to its last complete line, `error` says why, and every later
    append tries again (a full disk may clear) and raises until it succeeds.
    """

    def __init__(self, transcript: Transcript, path: Path):
        self.transcript = transcript
        self.path = path
        self.error: str | None = None
        self.warnings: list[str] = []
        self._ids = {e.id for e in transcript.events}
        self._fd: int | None = None
        self._saved_lines = 0  # the header counts as line 1
        self._good_size = 0  # file size after the last complete line

    # -- making one

    @classmethod
    def create(cls, header: Header, path: Path | None = None, home: Home | None = None) -> TranscriptWriter:
        """Start a new file: at `path` if given (`--save PATH`), else under the home's
        transcripts folder with a safe name. Raises TranscriptWriteError if it cannot be
        created; the error's `writer` still holds the transcript for `save_as`."""
        home = home or Home.current()
        writer = cls(Transcript(header), Path(path or home.transcripts / safe_name(header)))
        try:
            if path is None:
                cls._new_file_in(home, writer)
            else:
                writer._fd = _create(writer.path)
        except OSError as error:
            writer.error = f"cannot create {writer._where()}: {_reason(error)}"
            raise writer._failure() from None
        writer._write_pending()
        return writer

    @staticmethod
    def _new_file_in(home: Home, writer: TranscriptWriter) -> None:
        home.ensure(home.transcripts)  # 0700
        stem = writer.path.name.removesuffix(SUFFIX)
        for _ in range(5):
            try:
                writer._fd = _create(writer.path)
                return
            except FileExistsError:  # same second, same persona: add a few random letters
                writer.path = writer.path.with_name(f"{stem}-{secrets.token_hex(2)}{SUFFIX}")
        raise FileExistsError(17, "too many files with the same name")

    @classmethod
    def open_existing(cls, path: Path) -> TranscriptWriter:
        """Carry on appending to a saved file (resuming, or a new branch in replay).

        A torn last line (a crash mid-write) is cut off first: it was never a complete
        line, and appending after it would corrupt the file."""
        path = Path(path)
        loaded = _load(path)
        if loaded.version < VERSION:
            raise TranscriptError(
                f"{_show(path)}: written in format version {loaded.version}; "
                "save the continuation as a new file instead of appending to it"
            )
        transcript, size = loaded.transcript, loaded.size
        writer = cls(transcript, path)
        writer.warnings = loaded.warnings
        try:
            writer._fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
            if os.fstat(writer._fd).st_size != size:
                os.ftruncate(writer._fd, size)  # drop the torn tail
            if loaded.needs_newline:  # a complete last line that lost its newline
                _write_all(writer._fd, b"\n")
                size += 1
            os.fsync(writer._fd)
        except OSError as error:
            writer.close()
            raise TranscriptWriteError(f"cannot append to {_show(path)}: {_reason(error)}") from None
        writer._saved_lines = 1 + len(transcript.events)
        writer._good_size = size
        return writer

    # -- writing

    def append(self, event: Event) -> None:
        """Add one event (kept in memory first), then save every unsaved line."""
        _check_ids(self._ids, event)  # never write a file the reader would refuse
        self._ids.add(event.id)
        self.transcript.events.append(event)
        self._write_pending()

    @property
    def unsaved(self) -> int:
        """How many lines (header included) are only in memory."""
        return 1 + len(self.transcript.events) - self._saved_lines

    def _lines(self, start: int = 0) -> list[bytes]:
        """Lines from `start` (0 is the header) to the end, encoded."""
        events = self.transcript.events[max(start - 1, 0):]
        head = [self.transcript.header.to_dict()] if start == 0 else []
        return [_line(data) for data in head + [e.to_dict() for e in events]]

    def _write_pending(self) -> None:
        if self._fd is None and self._saved_lines == 0 and self.error is not None:
            self._retry_create()
        if self._fd is None:
            self.error = self.error or f"{self._where()} is closed"
            raise self._failure()
        try:
            for line in self._lines(self._saved_lines):
                _write_all(self._fd, line)
                os.fsync(self._fd)
                self._saved_lines += 1
                self._good_size += len(line)
            self.error = None
        except OSError as error:
            try:  # never leave half a line behind: the file stays readable
                os.ftruncate(self._fd, self._good_size)
            except OSError:
                pass
            self.error = f"cannot write to {self._where()}: {_reason(error)}"
            raise self._failure() from None

    def _retry_create(self) -> None:
        try:
            self._fd = _create(self.path)
        except OSError:
            pass

    def _failure(self) -> TranscriptWriteError:
        unsaved = self.unsaved
        error = TranscriptWriteError(
            f"{self.error}; {unsaved} unsaved line{'s' if unsaved != 1 else ''} kept in memory, save elsewhere"
        )
        error.writer = self  # type: ignore[attr-defined]
        return error

    def save_as(self, path: Path) -> Path:
        """Write the whole transcript to a new file (a folder gets a safe name inside)
        and carry on appending there. Never overwrites an existing file."""
        path = Path(path)
        if path.is_dir():
            path = path / safe_name(self.transcript.header)
        try:
            fd = _create(path)
        except OSError as error:
            raise TranscriptWriteError(f"cannot create {_show(path)}: {_reason(error)}") from None
        data = b"".join(self._lines())
        try:
            _write_all(fd, data)
            os.fsync(fd)
        except OSError as error:
            os.close(fd)
            path.unlink(missing_ok=True)  # ours, and incomplete
            raise TranscriptWriteError(f"cannot write to {_show(path)}: {_reason(error)}") from None
        self.close()
        self._fd, self.path, self.error = fd, path, None
        self._saved_lines, self._good_size = 1 + len(self.transcript.events), len(data)
        return path

    def close(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None

    def __enter__(self) -> TranscriptWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _where(self) -> str:
        return _show(self.path)


# ------------------------------------------------------------------ reader


def _show(path: Path) -> str:
    """The path on one line, whatever characters it holds."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(path))


def _short(message: str, limit: int = 240) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."


def read_transcript(path: Path) -> tuple[Transcript, list[str]]:
    """Load a transcript file read-only. Returns it with warnings (a torn last line);
    raises a one-line TranscriptError for anything else that is wrong."""
    loaded = _load(Path(path))
    return loaded.transcript, loaded.warnings


def _read_bytes(path: Path) -> bytes:
    where = _show(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise TranscriptError(f"{where}: no such file") from None
    except OSError as error:
        raise TranscriptError(f"{where}: cannot read: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise TranscriptError(f"{where}: is a folder, not a transcript file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO, a device: never even opened
        raise TranscriptError(f"{where}: not a regular file")
    try:
        # O_NONBLOCK and a second look at what was opened: a FIFO or a device swapped in
        # after the stat above must not block the reader or feed it forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise TranscriptError(f"{where}: not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                raise TranscriptError(f"{where}: too large for a transcript ({info.st_size} bytes)")
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise TranscriptError(f"{where}: cannot read: {_reason(error)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise TranscriptError(f"{where}: too large for a transcript")
    if b"\0" in data:
        raise TranscriptError(f"{where}: a binary file, not a sim transcript")
    if not data.strip():
        raise TranscriptError(f"{where}: empty file, not a sim transcript")
    return data


@dataclass
class _Loaded:
    transcript: Transcript
    warnings: list[str]
    version: int  # as written in the file, before any upgrade
    size: int  # bytes of complete lines (a torn tail excluded)
    needs_newline: bool  # the last line is complete but has no newline


def _load(path: Path) -> _Loaded:
    where = _show(path)
    data = _read_bytes(path)
    lines = data.split(b"\n")
    torn = lines[-1] != b""  # no newline at the very end
    if not torn:
        lines.pop()
    warnings: list[str] = []
    header: Header | None = None
    transcript: Transcript | None = None
    version = VERSION
    ids: set[str] = set()
    good_size = 0
    for number, raw in enumerate(lines, start=1):
        last = number == len(lines)
        try:
            if len(raw) > MAX_LINE_BYTES:
                raise TranscriptError(f"line longer than {MAX_LINE_BYTES} bytes")
            if not raw.strip():
                raise TranscriptError("empty line")
            try:
                item = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                if last and torn and transcript is not None:
                    warnings.append(
                        f"{where}: line {number} is incomplete (the app stopped mid-write); "
                        "loaded the lines before it"
                    )
                    break
                raise TranscriptError("not valid JSON") from None
            if header is None:
                if isinstance(item, dict) and item.get("format") == FORMAT:
                    version = item.get("version")
                    # header_from_dict says what is wrong with any other version (a
                    # list, a string, a newer one); only a readable one is upgraded.
                    if type(version) is int and version in READABLE_VERSIONS and version < VERSION:
                        item = upgrade_line(item, version)
                header = header_from_dict(item)
                transcript = Transcript(header)
            else:
                assert transcript is not None
                event = event_from_dict(upgrade_line(item, version))
                _check_ids(ids, event)
                ids.add(event.id)
                transcript.events.append(event)
        except TranscriptError as error:
            raise TranscriptError(f"{where}: line {number}: {_short(str(error))}") from None
        good_size += len(raw) + (0 if last and torn else 1)
    assert transcript is not None  # the data is not empty, so line 1 was read
    needs_newline = torn and not warnings
    return _Loaded(transcript, warnings, version, good_size, needs_newline)


def _check_ids(ids: set[str], event: Event) -> None:
    """Ids are unique and parents come first, so the tree has no loops."""
    if event.id in ids:
        raise TranscriptError(f"duplicate id {event.id!r}")
    if event.parent is not None and event.parent not in ids:
        raise TranscriptError(f"parent {event.parent!r} of {event.id!r} is not an earlier event")


# ------------------------------------------------------------------ history


def _sort_key(summary: TranscriptSummary) -> tuple[float, str]:
    try:
        started = datetime.fromisoformat(summary.started_at).timestamp()
    except ValueError:
        try:
            started = summary.path.stat().st_mtime
        except OSError:
            started = 0.0
    return started, summary.path.name


def list_transcripts(home: Home | None = None) -> list[TranscriptSummary]:
    """Every `*.jsonl` in the transcripts folder, newest first. Files that do not load
    are listed as unreadable with the reason, never raised."""
    folder = (home or Home.current()).transcripts
    if not folder.is_dir():
        return []
    summaries = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            transcript, warnings = read_transcript(path)
        except TranscriptError as error:
            reason = str(error).removeprefix(f"{_show(path)}: ")  # the path is listed anyway
            summaries.append(TranscriptSummary(path=path, problem=reason))
            continue
        summaries.append(summarize(path, transcript, warnings))
    return sorted(summaries, key=_sort_key, reverse=True)
