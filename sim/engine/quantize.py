"""Ways to hold the weights in memory, chosen per model profile.

Decoding a small model on a CPU is memory-bound: every token reads every weight. Smaller
weights mean faster tokens. `sim bench` measures each mode against plain fp32.
"""

from __future__ import annotations

import warnings

import torch
from torch import nn


class Int8WeightLinear(nn.Module):
    """A Linear layer with int8 weights (one scale per output channel). The matrix
    product runs in bf16 (torch's int8 weight kernel wants it); the rest of the model
    stays fp32, where attention on the CPU is about 9x faster than in bf16. Unlike torch's
    dynamic quantization, activations are not quantized, so each row of a batch is
    computed independently of the others."""

    def __init__(self, in_features: int, out_features: int, bias: bool = False):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.register_buffer("weight_int8", torch.empty(out_features, in_features, dtype=torch.int8))
        self.register_buffer("scale", torch.empty(out_features, dtype=torch.bfloat16))
        self.bias = nn.Parameter(torch.empty(out_features, dtype=torch.bfloat16)) if bias else None

    @classmethod
    def from_linear(cls, linear: nn.Linear) -> Int8WeightLinear:
        layer = cls(linear.in_features, linear.out_features, linear.bias is not None)
        weight = linear.weight.detach().float()
        scale = weight.abs().amax(dim=1).clamp(min=1e-8) / 127.0
        layer.weight_int8 = torch.round(weight / scale[:, None]).clamp(-128, 127).to(torch.int8)
        layer.scale = scale.to(torch.bfloat16)
        if linear.bias is not None:
            layer.bias = nn.Parameter(linear.bias.detach().to(torch.bfloat16))
        return layer

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        flat = x.reshape(-1, shape[-1]).to(torch.bfloat16)
        out = torch._weight_int8pack_mm(flat, self.weight_int8, self.scale)
        if self.bias is not None:
            out = out + self.bias
        return out.reshape(*shape[:-1], self.out_features).to(x.dtype)


def _replace_linears(module: nn.Module, make) -> None:
    for name, child in list(module.named_children()):
        if isinstance(child, nn.Linear):
            setattr(module, name, make(child))
        else:
            _replace_linears(child, make)


def apply(model: nn.Module, mode: str) -> nn.Module:
    """Return the model held as `mode` (see sim.core.model_profile.Quantization)."""
    if mode == "none":
        return model.float()
    if mode == "bf16":
        return model.to(torch.bfloat16)
    if mode == "int8-weight":
        # The output head shares its weight with the embedding table; replacing it gives
        # the head its own int8 copy while the embedding lookup keeps the fp32 table.
        model = model.float()
        _replace_linears(model, Int8WeightLinear.from_linear)
        return model
    if mode == "int8-dynamic":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch points at torchao; this API still works
            return torch.ao.quantization.quantize_dynamic(model.float(), {nn.Linear}, dtype=torch.qint8)
    raise ValueError(f"unknown quantization {mode!r}")


def empty_shell(model: nn.Module, mode: str) -> nn.Module:
    """Give a freshly built (usually meta-device) model the module layout of `mode`, so a
    prepared state dict can be assigned to it directly."""
    if mode == "int8-weight":
        _replace_linears(
            model, lambda linear: Int8WeightLinear(linear.in_features, linear.out_features,
                                                   linear.bias is not None)
        )
    return model
