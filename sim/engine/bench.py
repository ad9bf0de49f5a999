"""`sim bench`: the engine against plain transformers, measured in one run.

Each side runs in its own fresh interpreter (so load time and peak memory are honest),
one after the other, on the same scripted conversation. The baseline is what a plain
script would do: `AutoModelForCausalLM.generate` in fp32, re-prefilling the whole prompt
every turn. The report gives each number for both and the engine/baseline ratio.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SCENE = (
    "CloudScale Summit, the hallway outside the speakers' green room. Theo Brandt, a "
    "student volunteer in a crew T-shirt, is checking names off a clipboard. Sam walks up.\n"
)
USER_LINES = [
    "Hi, you look like you're running this whole hallway. How's the day going?",
    "Forty applications and nothing back, that sounds exhausting. What kind of roles?",
    "A Kubernetes cluster on three old laptops is a real project. How did you set it up?",
    "So the hard part is making it count on paper. What have you tried so far?",
    "I know someone who reviews intern resumes at Northwind. Want me to ask her to look?",
    "Which talk did you most want to see today?",
    "I caught that keynote. The big idea was golden paths for internal platforms.",
    "What would you want to ask the speaker if you had five minutes?",
    "That's a sharp question. Have you thought about writing up your home lab?",
    "I'd be glad to read a draft if you write it. No strings, I just like the topic.",
    "How long are you on shift today?",
    "Is there anything I can grab for you from the coffee table?",
]
PERSONA_LINES = [
    "Honestly it's been a long one, but the speakers are nice.",
    "Mostly platform and infrastructure internships, anything with Kubernetes really.",
    "Kind of by accident, I found the laptops at a school surplus sale.",
    "I put it in a projects section, but nobody seems to read that far.",
    "Wait, really? That would honestly help a lot, thank you.",
    "The platform engineering keynote, and I only caught ten minutes of it.",
    "Oh nice, I missed that part completely.",
    "I'd ask how they got their first infrastructure job, honestly.",
    "Not really, I don't know where I would even post it.",
    "That's kind of you, I might take you up on that.",
    "Until six, then I'm seating the speakers' dinner.",
    "I'm good, thanks, I've had about four coffees already.",
]
REFERENCE = (
    "Honestly the hard part is internships, I've sent out about forty applications and heard "
    "nothing back. Everyone says it's about who you know, and I kind of don't know anyone in "
    "tech. My home lab runs a little Kubernetes cluster on three old laptops, but I don't know "
    "how to make that count on a resume."
)


def conversation_prompt(turn: int) -> str:
    """The scene with `turn` user lines, ending where the persona is about to speak."""
    lines = [SCENE]
    for index in range(turn):
        lines.append(f"Sam: {USER_LINES[index % len(USER_LINES)]}\n")
        if index < turn - 1:
            lines.append(f"Theo: {PERSONA_LINES[index % len(PERSONA_LINES)]}\n")
    lines.append("Theo:")
    return "".join(lines)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- workers


def _worker_engine(files, turns: int, repeats: int, mode: str | None) -> dict:
    start = time.perf_counter()
    import torch  # noqa: F401  (timed: part of what a user waits for)
    import transformers  # noqa: F401

    from sim.core.generation import GenerationOptions, Message
    from sim.engine import load_generator

    imported = time.perf_counter()

    if mode:
        files = type(files)(files.profile.model_copy(update={"quantization": mode}), files.home)
    generator = load_generator(files)
    loaded = time.perf_counter()

    def first_token(turn: int) -> float:
        messages = [Message("text", conversation_prompt(turn))]
        began = time.perf_counter()
        for _ in generator.stream(messages, GenerationOptions(max_new_tokens=1, temperature=0, stop=())):
            break
        return time.perf_counter() - began

    ttft = {}
    for turn in range(1, turns + 1):
        ttft[turn] = first_token(turn)  # each turn reuses the cache of the one before
    prefilled_at_last_turn = generator.last_prefill_tokens

    decode_tokens = 64
    rates = []
    for _ in range(repeats):
        messages = [Message("text", conversation_prompt(turns))]
        options = GenerationOptions(max_new_tokens=decode_tokens, temperature=0, stop=())
        stream = generator.stream(messages, options)
        next(stream)
        began = time.perf_counter()
        produced = sum(1 for _ in stream)
        rates.append(max(1, produced) / (time.perf_counter() - began))

    sample_times = []
    for seed in range(repeats):
        messages = [Message("text", conversation_prompt(turns))]
        began = time.perf_counter()
        generator.sample(messages, GenerationOptions(max_new_tokens=30, seed=seed, stop=()), 4)
        sample_times.append(time.perf_counter() - began)

    return {
        "import_s": imported - start,
        "load_s": loaded - imported,
        "warm_load_s": loaded - start,
        "ttft_s": ttft,
        "prefill_tokens_last_turn": prefilled_at_last_turn,
        "decode_tok_s": sorted(rates)[len(rates) // 2],
        "sample4_s": sorted(sample_times)[len(sample_times) // 2],
        "nll": _reference_nll(generator.model, generator.tokenizer),
        "peak_rss_mb": _peak_rss_mb(),
        "threads": torch.get_num_threads(),
    }


def _reference_nll(model, tokenizer) -> float:
    """Mean negative log-likelihood of a persona paragraph: a quality check on how the
    weights are held (higher is worse)."""
    import torch

    ids = tokenizer(SCENE + "Theo: " + REFERENCE, return_tensors="pt").input_ids
    with torch.inference_mode():
        logits = model(input_ids=ids).logits.float()
    return float(torch.nn.functional.cross_entropy(logits[0, :-1], ids[0, 1:]))


def _worker_baseline(files, turns: int, repeats: int) -> dict:
    start = time.perf_counter()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    imported = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(files.cache_dir)
    model = AutoModelForCausalLM.from_pretrained(files.cache_dir, dtype=torch.float32).eval()
    loaded = time.perf_counter()

    def generate(turn: int, **kwargs):
        ids = tokenizer(conversation_prompt(turn), return_tensors="pt").input_ids
        with torch.inference_mode():
            return model.generate(ids, attention_mask=torch.ones_like(ids),
                                  pad_token_id=tokenizer.eos_token_id, **kwargs)

    ttft = {}
    for turn in range(1, turns + 1):
        began = time.perf_counter()
        generate(turn, max_new_tokens=1, do_sample=False)
        ttft[turn] = time.perf_counter() - began

    decode_tokens = 64
    rates = []
    for _ in range(repeats):
        began = time.perf_counter()
        generate(turns, max_new_tokens=decode_tokens, min_new_tokens=decode_tokens, do_sample=False)
        total = time.perf_counter() - began
        rates.append((decode_tokens - 1) / max(1e-9, total - ttft[turns]))

    sample_times = []
    for seed in range(repeats):  # as the engine's sample: up to 30 tokens, end-of-text ends a row
        torch.manual_seed(seed)
        began = time.perf_counter()
        generate(turns, max_new_tokens=30, do_sample=True, temperature=0.5,
                 top_p=0.9, num_return_sequences=4)
        sample_times.append(time.perf_counter() - began)

    return {
        "import_s": imported - start,
        "load_s": loaded - imported,
        "warm_load_s": loaded - start,
        "ttft_s": ttft,
        "prefill_tokens_last_turn": len(tokenizer(conversation_prompt(turns)).input_ids),
        "decode_tok_s": sorted(rates)[len(rates) // 2],
        "sample4_s": sorted(sample_times)[len(sample_times) // 2],
        "nll": _reference_nll(model, tokenizer),
        "peak_rss_mb": _peak_rss_mb(),
        "threads": torch.get_num_threads(),
    }


# ---------------------------------------------------------------- driver


def _run_worker(files, kind: str, turns: int, repeats: int, mode: str | None = None) -> dict:
    command = [sys.executable, "-m", "sim.engine.bench", kind, str(turns), str(repeats), mode or ""]
    env = {**os.environ, "SIM_BENCH_PROFILE": files.profile.model_dump_json()}
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"bench worker {kind} failed: {tail}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_bench(files, *, turns: int = 10, quick: bool = False,
              say: Callable[[str], None] = lambda text: None) -> dict:
    files.check_present()
    if files.cache_state() != "ready":
        say("building the model cache first (one time)")
        from sim.engine import load_generator

        load_generator(files)
    repeats = 1 if quick else 3
    say("baseline: plain transformers generate, fp32, full re-prefill")
    baseline = _run_worker(files, "baseline", turns, repeats)
    say(f"engine: {files.profile.quantization}, KV cache kept across turns")
    engine = _run_worker(files, "engine", turns, repeats)
    modes = {}
    if not quick:
        for mode in ("none", "bf16", "int8-dynamic", "int8-weight"):
            say(f"weights held as {mode}")
            measured = _run_worker(files, "engine", 2, 1, mode)
            modes[mode] = {
                "decode_tok_s": round(measured["decode_tok_s"], 1),
                "sample4_s": round(measured["sample4_s"], 3),
                "nll": round(measured["nll"], 4),
                "peak_rss_mb": round(measured["peak_rss_mb"]),
            }
    last = str(turns)

    def ratio(a: float, b: float) -> float:
        return round(a / b, 3) if b else float("inf")

    return {
        "model": files.profile.id,
        "quantization": files.profile.quantization,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(terse=True)},
        "turns": turns,
        "engine": _rounded(engine),
        "baseline": _rounded(baseline),
        "ratios": {
            "ttft_turn1": ratio(engine["ttft_s"]["1"], baseline["ttft_s"]["1"]),
            f"ttft_turn{turns}": ratio(engine["ttft_s"][last], baseline["ttft_s"][last]),
            "decode": ratio(engine["decode_tok_s"], baseline["decode_tok_s"]),
            "sample4": ratio(engine["sample4_s"], baseline["sample4_s"]),
            "warm_load": ratio(engine["warm_load_s"], baseline["warm_load_s"]),
            "peak_rss": ratio(engine["peak_rss_mb"], baseline["peak_rss_mb"]),
        },
        "targets": {
            f"ttft_turn{turns}_ratio_max": 0.4,
            "decode_ratio_min": 1.3,
            "warm_load_s_max": 2.0,
        },
        "modes": modes,
    }


def _rounded(side: dict) -> dict:
    out = {}
    for key, value in side.items():
        if isinstance(value, dict):
            out[key] = {k: round(v, 4) for k, v in value.items()}
        elif isinstance(value, float):
            out[key] = round(value, 4)
        else:
            out[key] = value
    return out


def format_report(report: dict) -> str:
    engine, baseline, ratios = report["engine"], report["baseline"], report["ratios"]
    last = str(report["turns"])
    rows = [
        ("warm load, fresh process (s)", engine["warm_load_s"], baseline["warm_load_s"], ratios["warm_load"]),
        ("  importing torch, transformers (s)", engine["import_s"], baseline["import_s"], None),
        ("  loading the model (s)", engine["load_s"], baseline["load_s"], None),
        ("first token, turn 1 (s)", engine["ttft_s"]["1"], baseline["ttft_s"]["1"], ratios["ttft_turn1"]),
        (f"first token, turn {last} (s)", engine["ttft_s"][last], baseline["ttft_s"][last],
         ratios[f"ttft_turn{last}"]),
        (f"tokens prefilled, turn {last}", engine["prefill_tokens_last_turn"],
         baseline["prefill_tokens_last_turn"], None),
        ("decode (tokens/s)", engine["decode_tok_s"], baseline["decode_tok_s"], ratios["decode"]),
        ("4 candidates x 30 tokens (s)", engine["sample4_s"], baseline["sample4_s"], ratios["sample4"]),
        ("peak RSS (MB)", engine["peak_rss_mb"], baseline["peak_rss_mb"], ratios["peak_rss"]),
        ("reference NLL (lower is better)", engine["nll"], baseline["nll"], None),
    ]
    lines = [f"sim bench: {report['model']} ({report['quantization']}), "
             f"{report['machine']['cpus']} CPUs, torch threads {engine.get('threads')} (engine) / "
             f"{baseline.get('threads')} (baseline), {report['turns']}-turn conversation", ""]
    lines.append(f"{'':36}{'engine':>10}{'baseline':>10}{'ratio':>8}")
    for label, a, b, r in rows:
        lines.append(f"{label:36}{a:>10.3f}{b:>10.3f}{'' if r is None else f'{r:>8.2f}'}"
                     if isinstance(a, float) else f"{label:36}{a:>10}{b:>10}{'' if r is None else f'{r:>8.2f}'}")
    if report["modes"]:
        lines += ["", f"{'weights held as':20}{'tokens/s':>10}{'4 cand. (s)':>13}{'NLL':>8}{'RSS MB':>8}"]
        for mode, m in report["modes"].items():
            lines.append(f"{mode:20}{m['decode_tok_s']:>10.1f}{m['sample4_s']:>13.3f}"
                         f"{m['nll']:>8.3f}{m['peak_rss_mb']:>8}")
    targets = report["targets"]
    lines += ["", "targets: first token at turn {} <= {}x baseline ({}), decode >= {}x ({}), "
              "warm load <= {} s ({} in a fresh process, {} after imports)".format(
                  last, targets[f"ttft_turn{last}_ratio_max"], _mark(ratios[f"ttft_turn{last}"] <= 0.4),
                  targets["decode_ratio_min"], _mark(ratios["decode"] >= 1.3),
                  targets["warm_load_s_max"], _mark(engine["warm_load_s"] <= 2.0),
                  _mark(engine["load_s"] <= 2.0))]
    return "\n".join(lines)


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _main(argv: list[str]) -> None:
    from sim.engine import _quiet_offline
    from sim.core.model_profile import ModelProfile
    from sim.store.models import ModelFiles
    from sim.store.paths import Home

    kind, turns, repeats, mode = argv[0], int(argv[1]), int(argv[2]), (argv[3] or None)
    _quiet_offline()
    home = Home.current()
    files = ModelFiles(ModelProfile.model_validate_json(os.environ["SIM_BENCH_PROFILE"]), home)
    if kind == "engine":
        result = _worker_engine(files, turns, repeats, mode)
    else:
        result = _worker_baseline(files, turns, repeats)
    result["ttft_s"] = {str(k): v for k, v in result["ttft_s"].items()}
    print(json.dumps(result))


if __name__ == "__main__":
    _main(sys.argv[1:])
