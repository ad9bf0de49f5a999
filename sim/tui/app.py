"""The Textual application: screens, the background model load, commands, settings.

The model loads in a thread worker that only posts messages; handlers here own the state
(`model_state`) that screens watch. Torch is imported inside that worker, never before
the first screen is painted.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from sim.app.services import RULES, Grader, load_grader
from sim.core.generation import Generator, Progress
from sim.core.model_profile import ModelProfile
from sim.store.config import Config, load_config, save_setting
from sim.store.paths import Home
from sim.tui.literal import literal, tilde

#: Builds the generator in the worker thread, reporting progress.
Loader = Callable[[Progress], tuple[Generator, ModelProfile | None]]


@dataclass(frozen=True)
class ModelState:
    phase: str  # "loading" | "ready" | "failed"
    fraction: float = 0.0
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.phase == "ready"


class ModelProgress(Message):
    def __init__(self, fraction: float, detail: str):
        super().__init__()
        self.fraction, self.detail = fraction, detail


class ModelLoaded(Message):
    def __init__(self, generator: Generator, profile: ModelProfile | None):
        super().__init__()
        self.generator, self.profile = generator, profile


class GraderLoaded(Message):
    def __init__(self, grader: Grader):
        super().__init__()
        self.grader = grader


class ModelFailed(Message):
    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason


def default_loader(home: Home, model_spec: str | None) -> Loader:
    def load(progress: Progress) -> tuple[Generator, ModelProfile | None]:
        from sim.engine import load_generator
        from sim.store.models import ModelFiles, resolve_profile

        files = ModelFiles(resolve_profile(model_spec, home), home)
        return load_generator(files, progress), files.profile

    return load


class SimApp(App):
    CSS_PATH = "sim.tcss"
    TITLE = "sim"
    SUB_TITLE = "connect, don't network"
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    model_state: reactive[ModelState] = reactive(ModelState("loading", 0.0, "starting"))

    def __init__(
        self,
        home: Home | None = None,
        *,
        model_spec: str | None = None,
        loader: Loader | None = None,
        grader_loader: Callable[[Progress], Grader] | None = None,
        replay: Path | None = None,
        seed: int | None = None,
    ):
        super().__init__()
        self.home = home or Home.current()
        self.config, self.config_problem = load_config(self.home)
        self.model_spec = model_spec or self.config.model
        self.loader = loader or default_loader(self.home, self.model_spec)
        self.grader_loader = grader_loader or load_grader
        #: Rules until the sentence-embedding model has loaded (a few seconds).
        self.grader: Grader = RULES
        self.replay_path = replay
        self.seed = seed
        self.generator: Generator | None = None
        self.profile: ModelProfile | None = None

    # ------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        from sim.tui.screens.home import HomeScreen

        self._apply_config(self.config)
        self.push_screen(HomeScreen())
        if self.replay_path is not None:
            self.open_replay(self.replay_path)
        if self.config_problem:
            self.notify(self.config_problem, title="Settings", severity="warning", timeout=8)
        self.call_after_refresh(self._freeze_heap)
        self.call_after_refresh(self.load_model)

    def _freeze_heap(self) -> None:
        """Keep what is alive now (Textual, pydantic, persona files; after the load, the
        model: 100k to 400k objects) out of every later garbage collection. A full
        collection over them takes 80 to 220 ms on two cores, a visible stall between two
        key presses; they live for the whole run anyway."""
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # an app run inside a longer process (tests) gives them back

    def _apply_config(self, config: Config) -> None:
        if config.theme in self.available_themes:
            self.theme = config.theme
        if config.keys:
            self.set_keymap(config.keys)

    def watch_theme(self, theme: str) -> None:
        if self.is_mounted and theme != self.config.theme:
            self.config.theme = theme
            try:
                save_setting(self.home, "theme", theme)
            except OSError as error:
                self.notify(f"could not save the theme: {error}", severity="warning")

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is shown literally. Messages carry user, persona and file
        text and error strings ("[Errno 2] ...", a path with "[/]"); read as markup they
        would be mangled or crash the app."""
        kwargs = {} if timeout is None else {"timeout": timeout}
        super().notify(literal(tilde(str(message))), title=literal(title), severity=severity,
                       markup=False, **kwargs)

    def action_help_quit(self) -> None:
        # Textual's own hint (ctrl+c does not quit) uses markup; say it plainly.
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app", title="Do you want to quit?")
                return

    @property
    def user_name(self) -> str:
        return self.config.name

    # ------------------------------------------------------------ the model

    @work(thread=True, exclusive=True, group="model", exit_on_error=False)
    def load_model(self) -> None:
        def progress(fraction: float, detail: str) -> None:
            self.post_message(ModelProgress(fraction, detail))

        # The grader first: the user's first turn is graded before the persona replies.
        try:
            self.post_message(GraderLoaded(self.grader_loader(progress)))
        except Exception as error:  # the rules still grade; say why the rest did not load
            self.post_message(GraderLoaded(Grader(RULES.grade, RULES.version,
                                                  note=f"grading with rules only: {_one_line(error)}")))
        try:
            generator, profile = self.loader(progress)
        except Exception as error:  # shown on screen; the app stays usable without it
            self.post_message(ModelFailed(_one_line(error)))
            return
        self.post_message(ModelLoaded(generator, profile))

    def on_grader_loaded(self, message: GraderLoaded) -> None:
        self.grader = message.grader
        if message.grader.note:
            self.notify(message.grader.note, title="Grader", severity="warning", timeout=10)

    def on_model_progress(self, message: ModelProgress) -> None:
        if not self.model_state.ready:
            self.model_state = ModelState("loading", message.fraction, message.detail)

    def on_model_loaded(self, message: ModelLoaded) -> None:
        self.generator, self.profile = message.generator, message.profile
        self._freeze_heap()
        name = message.profile.name if message.profile else message.generator.info.name
        self.model_state = ModelState("ready", 1.0, name)

    def on_model_failed(self, message: ModelFailed) -> None:
        self.model_state = ModelState("failed", 0.0, message.reason)
        self.notify(message.reason, title="The model did not load", severity="error", timeout=12)

    # ------------------------------------------------------------ navigation

    def start_conversation(self, persona_id: str) -> None:
        from sim.store.personas import PersonaStoreError, find_persona
        from sim.tui.screens.conversation import ConversationScreen

        try:
            persona = find_persona(persona_id, self.home).persona
        except PersonaStoreError as error:
            self.notify(str(error), severity="error")
            return
        self.push_screen(ConversationScreen(persona))

    def open_replay(self, path: Path) -> None:
        from sim.core.transcript import TranscriptError
        from sim.tui.screens.replay import ReplayScreen

        try:
            screen = ReplayScreen.from_file(path)
        except TranscriptError as error:
            self.notify(str(error), title="Cannot replay", severity="error", timeout=10)
            return
        self.push_screen(screen)

    def action_help(self) -> None:
        from sim.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: every key", "Show every key binding (F1)", self.action_help)
        yield SystemCommand("Home", "Back to the persona list", self._go_home)
        from sim.store.personas import load_catalog

        for stored in load_catalog(self.home).personas.values():
            persona = stored.persona
            yield SystemCommand(
                f"Talk to {persona.name}",
                f"{persona.role} - {persona.event}",
                lambda pid=persona.id: self.start_conversation(pid),
                discover=False,
            )
        yield from getattr(screen, "screen_commands", lambda: [])()

    def _go_home(self) -> None:
        from sim.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."
