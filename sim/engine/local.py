"""A local transformers model behind the `Generator` protocol.

Speed comes from three things: the weights are held small (see quantize.py), the decode
loop is our own (no per-step logits-processor machinery), and the key/value cache of the
last prompt is kept between calls, so a new turn only prefills the tokens that changed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import torch
from transformers import DynamicCache

from sim.core.generation import GenerationOptions, Message, ModelInfo
from sim.core.stops import StopScanner


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    size = min(len(a), len(b))
    for index in range(size):
        if a[index] != b[index]:
            return index
    return size


def _crop(cache: DynamicCache, length: int) -> None:
    for layer in cache.layers:
        if getattr(layer, "keys", None) is not None and layer.keys.numel():
            layer.keys = layer.keys[..., :length, :]
            layer.values = layer.values[..., :length, :]


def _pick(logits: torch.Tensor, options: GenerationOptions, rng: torch.Generator,
          generated: torch.Tensor | None) -> torch.Tensor:
    """Choose the next token for each row of `logits` (rows, vocab) -> (rows,)."""
    logits = logits.float()
    if options.repetition_penalty > 1.0 and generated is not None and generated.numel():
        seen = torch.gather(logits, 1, generated)
        seen = torch.where(seen > 0, seen / options.repetition_penalty, seen * options.repetition_penalty)
        logits = logits.scatter(1, generated, seen)
    if options.temperature <= 0:
        return logits.argmax(dim=-1)
    logits = logits / options.temperature
    if options.top_k > 0:
        kth = torch.topk(logits, min(options.top_k, logits.shape[-1])).values[:, -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if options.top_p < 1.0:
        ordered, order = torch.sort(logits, descending=True)
        cumulative = ordered.softmax(dim=-1).cumsum(dim=-1)
        drop = cumulative - ordered.softmax(dim=-1) > options.top_p  # keep the token that crosses
        ordered = ordered.masked_fill(drop, float("-inf"))
        logits = torch.full_like(logits, float("-inf")).scatter(1, order, ordered)
    return torch.multinomial(logits.softmax(dim=-1), 1, generator=rng).squeeze(1)


class LocalGenerator:
    """Implements sim.core.generation.Generator with a transformers causal LM."""

    def __init__(self, model, tokenizer, info: ModelInfo):
        self.model = model
        self.tokenizer = tokenizer
        self.info = info
        self._lock = threading.Lock()
        self._cache = DynamicCache(config=model.config)
        self._cached_ids: list[int] = []
        self._eos = set(self._eos_ids())
        #: What the last call prefilled versus reused: for benchmarks and tests.
        self.last_prefill_tokens = 0
        self.last_reused_tokens = 0

    def _eos_ids(self) -> list[int]:
        ids = self.model.generation_config.eos_token_id if self.model.generation_config else None
        ids = ids if isinstance(ids, list) else [ids] if ids is not None else []
        if self.tokenizer.eos_token_id is not None:
            ids.append(self.tokenizer.eos_token_id)
        return [i for i in ids if i is not None]

    # ------------------------------------------------------------ prompts

    def render(self, messages: Sequence[Message]) -> str:
        """Plain text for "text" messages; the chat template for the others, where a final
        assistant message is a prefix to continue."""
        if all(m.role == "text" for m in messages):
            return "".join(m.content for m in messages)
        chat = [m for m in messages if m.role != "text"]
        prefix = ""
        if chat and chat[-1].role == "assistant":
            prefix = chat.pop().content
        rendered = self.tokenizer.apply_chat_template(
            [{"role": m.role, "content": m.content} for m in chat],
            tokenize=False,
            add_generation_prompt=True,
        )
        return rendered + prefix

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False).input_ids)

    def _encode(self, messages: Sequence[Message], options: GenerationOptions) -> list[int]:
        ids = self.tokenizer(self.render(messages), add_special_tokens=False).input_ids
        budget = self.info.context_length - options.max_new_tokens
        return ids[-budget:] if len(ids) > budget else ids  # last resort; callers trim

    # ------------------------------------------------------------ decoding

    def _forward(self, ids: torch.Tensor, cache: DynamicCache) -> torch.Tensor:
        out = self.model(input_ids=ids, cache=cache, use_cache=True, logits_to_keep=1)
        return out.logits[:, -1, :]

    def _prefill(self, ids: list[int]) -> torch.Tensor:
        """Bring the kept cache to `ids`, computing only what changed; return the last logits."""
        reuse = _common_prefix(self._cached_ids, ids)
        reuse = min(reuse, len(ids) - 1)  # the last token must run to give logits
        _crop(self._cache, reuse)
        self._cached_ids = self._cached_ids[:reuse]
        new = torch.tensor([ids[reuse:]], dtype=torch.long)
        try:
            logits = self._forward(new, self._cache)
        except BaseException:
            self._reset_cache()
            raise
        self._cached_ids = list(ids)
        self.last_prefill_tokens, self.last_reused_tokens = len(ids) - reuse, reuse
        return logits

    def _reset_cache(self) -> None:
        self._cache = DynamicCache(config=self.model.config)
        self._cached_ids = []

    @torch.inference_mode()
    def prefill(self, messages: Sequence[Message]) -> None:
        with self._lock:
            self._prefill(self._encode(messages, GenerationOptions()))

    def _rng(self, seed: int | None) -> torch.Generator:
        rng = torch.Generator()
        rng.manual_seed(seed if seed is not None else torch.seed())
        return rng

    @torch.inference_mode()
    def stream(
        self,
        messages: Sequence[Message],
        options: GenerationOptions,
        stop_event: threading.Event | None = None,
    ) -> Iterator[str]:
        with self._lock:
            ids = self._encode(messages, options)
            logits = self._prefill(ids)
            rng = self._rng(options.seed)
            scanner = StopScanner(options.stop)
            generated: list[int] = []
            for _ in range(options.max_new_tokens):
                if stop_event is not None and stop_event.is_set():
                    break
                history = torch.tensor([generated], dtype=torch.long) if generated else None
                token = int(_pick(logits, options, rng, history)[0])
                if token in self._eos:
                    break
                generated.append(token)
                delta = scanner.feed(self.tokenizer.decode(generated, skip_special_tokens=True))
                if delta:
                    yield delta
                if scanner.stopped:
                    break
                try:
                    logits = self._forward(torch.tensor([[token]]), self._cache)
                except BaseException:
                    self._reset_cache()
                    raise
                self._cached_ids.append(token)
            tail = scanner.finish(self.tokenizer.decode(generated, skip_special_tokens=True))
            if tail:
                yield tail

    @torch.inference_mode()
    def sample(
        self,
        messages: Sequence[Message],
        options: GenerationOptions,
        n: int,
        stop_event: threading.Event | None = None,
    ) -> list[str]:
        """n completions in one batch. The prompt is prefilled once; its cache is copied
        n times for decoding and the kept prompt cache is left untouched."""
        with self._lock:
            ids = self._encode(messages, options)
            logits = self._prefill(ids).expand(n, -1)
            batch = DynamicCache(
                ddp_cache_data=[
                    (layer.keys.repeat_interleave(n, dim=0), layer.values.repeat_interleave(n, dim=0))
                    for layer in self._cache.layers
                ],
                config=self.model.config,
            )
            rng = self._rng(options.seed)
            scanners = [StopScanner(options.stop) for _ in range(n)]
            generated: list[list[int]] = [[] for _ in range(n)]
            finished = [False] * n
            history: torch.Tensor | None = None
            for _ in range(options.max_new_tokens):
                if stop_event is not None and stop_event.is_set():
                    break
                tokens = _pick(logits, options, rng, history)
                for row, token in enumerate(tokens.tolist()):
                    if finished[row]:
                        continue
                    if token in self._eos:
                        finished[row] = True
                        continue
                    generated[row].append(token)
                    scanners[row].feed(self.tokenizer.decode(generated[row], skip_special_tokens=True))
                    finished[row] = scanners[row].stopped
                if all(finished):
                    break
                column = tokens[:, None]
                history = column if history is None else torch.cat([history, column], dim=1)
                logits = self._forward(column, batch)
            for row in range(n):
                scanners[row].finish(self.tokenizer.decode(generated[row], skip_special_tokens=True))
            return [scanner.shown for scanner in scanners]
