"""Ways to hold the weights in memory, chosen per model profile.

Decoding a small model on a CPU is memory-bound: every token reads every weight. Smaller
weights mean faster tokens. `sim bench` measures each mode against plain fp32.
"""

from __future__ import annotations

import warnings

import torch
from torch import nn


class Int8WeightLinear(nn.Module):
    """A Linear layer with int8 weights (one scale per output channel) and bf16
    activations. Unlike torch's dynamic quantization, activations are not quantized, so
    each row of a batch is computed independently of the others."""

    def __init__(self, linear: nn.Linear):
        super().__init__()
        weight = linear.weight.detach().float()
        scale = weight.abs().amax(dim=1).clamp(min=1e-8) / 127.0
        quantized = torch.round(weight / scale[:, None]).clamp(-128, 127).to(torch.int8)
        self.register_buffer("weight_int8", quantized.contiguous())
        self.register_buffer("scale", scale.to(torch.bfloat16))
        self.bias = None if linear.bias is None else nn.Parameter(linear.bias.detach().to(torch.bfloat16))
        self.in_features = linear.in_features
        self.out_features = linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        flat = x.reshape(-1, shape[-1]).to(torch.bfloat16)
        out = torch._weight_int8pack_mm(flat, self.weight_int8, self.scale)
        if self.bias is not None:
            out = out + self.bias
        return out.reshape(*shape[:-1], self.out_features)


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
        # the head its own int8 copy while the embedding lookup keeps the bf16 table.
        model = model.to(torch.bfloat16)
        _replace_linears(model, Int8WeightLinear)
        return model
    if mode == "int8-dynamic":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch points at torchao; this API still works
            return torch.ao.quantization.quantize_dynamic(model.float(), {nn.Linear}, dtype=torch.qint8)
    raise ValueError(f"unknown quantization {mode!r}")
