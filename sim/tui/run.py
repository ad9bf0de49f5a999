"""Entry point for the terminal app (kept tiny: importing it must stay cheap)."""

from __future__ import annotations

from pathlib import Path


def run_app(model_spec: str | None = None, replay: Path | None = None) -> None:
    from sim.tui.app import SimApp

    SimApp(model_spec=model_spec, replay=replay).run()
