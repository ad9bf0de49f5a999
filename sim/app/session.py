"""One practice conversation: grader, director, voice, guard and transcript, wired.

The same loop serves the TUI and `sim play`. A user turn is graded at once (pure and
fast, fine on the UI thread); the persona's reply calls the model and belongs in a
worker thread. Nothing here touches a widget.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sim import __version__
from sim.core.director import Direction, Director, DirectorState
from sim.core.generation import GenerationOptions, Generator
from sim.core.grading import GRADER_VERSION, grade_turn
from sim.core.grading.types import ContextLine, Grade, PersonaBrief
from sim.core.guard import Verdict, check, choose, similar, tidy
from sim.core.persona import Intent, Persona, brief
from sim.core.transcript import Header, SessionEvent, Transcript, TranscriptError, Turn
from sim.core.voice import Exchange, build_prompt, scene_so_far, stage_direction
from sim.store.transcripts import TranscriptWriteError, TranscriptWriter

GradeFn = Callable[[PersonaBrief, Sequence[ContextLine], str], Grade]
#: Prepares the next grade before the user speaks (embeds their card and last line).
WarmFn = Callable[[PersonaBrief, Sequence[ContextLine]], None]

#: A model line this close to an authored line (word overlap) is the author's words,
#: not the model's: it still counts as spoken by the model, and is flagged as a copy.
COPY_SIMILARITY = 0.8
MAX_USER_CHARS = 4000
#: The scene the voice sees is trimmed to this many tokens: longer prompts cost time on
#: every turn (the batch copies the prompt's cache), and a small model gains little.
VOICE_CONTEXT = 2048


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class PersonaLine:
    turn: Turn
    direction: Direction
    verdicts: tuple[Verdict, ...] = ()
    events: tuple[SessionEvent, ...] = ()
    seconds: float = 0.0


@dataclass
class SaveProblem:
    """The transcript could not be written; the conversation is kept in memory."""

    message: str


@dataclass
class Session:
    persona: Persona
    generator: Generator | None
    options: GenerationOptions = field(default_factory=GenerationOptions)
    candidates: int = 4
    seed: int = 0
    user_name: str = "You"
    grader: GradeFn = grade_turn
    grader_version: str = GRADER_VERSION
    grader_warm: WarmFn | None = None
    writer: TranscriptWriter | None = None
    model_info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pending: Direction | None = None
        self.save_problem: SaveProblem | None = None
        self.ended = False
        self._authored = [
            line for intent in Intent for line in self.persona.lines_for(intent)
        ] + list(self.persona.facts)
        if self.writer is not None:
            self.transcript = self.writer.transcript
        else:
            self.transcript = Transcript(self.header())
        self._by_id = {t.id: t for t in self.transcript.turns}
        head = self.transcript.head
        self.head_id: str | None = head.id if head else None
        self._restore_director()

    def _restore_director(self) -> None:
        """Pick up the persona's state of mind from the last line it said on this branch."""
        said = next((t for t in reversed(self.branch()) if t.speaker == "persona" and t.director), None)
        state = (said.director or {}).get("state") if said else None
        try:
            restored = DirectorState.from_dict(state, self.persona) if state else None
        except ValueError as error:  # a hand-edited file; the reader checked the types
            raise TranscriptError(f"turn {said.id}: {error}") from None
        self.director = Director(self.persona, restored)

    # ------------------------------------------------------------ set-up

    def header(self) -> Header:
        return Header(
            session_id=secrets.token_hex(6),
            started_at=now(),
            app_version=__version__,
            persona=self.persona.model_dump(mode="json"),
            model={**self.model_info, "options": vars(self.options) | {"stop": list(self.options.stop)},
                   "candidates": self.candidates},
            seed=self.seed,
            grader_version=self.grader_version,
            user_name=self.user_name,
        )

    @property
    def left(self) -> bool:
        return self.director.state.left

    @property
    def finished(self) -> bool:
        return self.ended or self.left

    @property
    def head(self) -> Turn | None:
        """The turn the conversation carries on from (moves back on rewind)."""
        return self._by_id.get(self.head_id) if self.head_id else None

    def branch(self) -> list[Turn]:
        return self.transcript.path_to(self.head_id)

    def history(self) -> list[Exchange]:
        return [
            Exchange(t.speaker, t.text, str((t.director or {}).get("note", "")))
            for t in self.branch()
        ]

    # ------------------------------------------------------------ recording

    def _record(self, event) -> None:
        if isinstance(event, Turn):
            self._by_id[event.id] = event
            self.head_id = event.id
        if self.writer is None:
            self.transcript.events.append(event)
            return
        try:
            self.writer.append(event)  # kept in memory even when the disk refuses it
            self.save_problem = None
        except TranscriptWriteError as error:
            self.save_problem = SaveProblem(str(error))

    def report_save_problem(self, message: str) -> None:
        self.save_problem = SaveProblem(message)

    def save_as(self, path) -> str:
        """Write the whole conversation to another place (after a failed save)."""
        if self.writer is None:
            raise TranscriptWriteError("this session has no transcript file")
        saved = self.writer.save_as(path)
        self.save_problem = None
        return str(saved)

    # ------------------------------------------------------------ the loop

    def open(self) -> PersonaLine:
        """The persona's first line: always an authored opening. It is the persona's
        hook, the user's first impression, and needs no model (so it shows at once)."""
        return self._speak(self.director.opening(), None, voiced=False)

    def say(self, text: str) -> Turn:
        """Grade the user's turn, record it, and let the director decide the reply."""
        if self.finished:
            raise RuntimeError("the conversation is over")
        text = text.strip()[:MAX_USER_CHARS]
        grade = self.grader(brief(self.persona), self._grading_context(), text)
        head = self.head
        turn = Turn(
            id=self.transcript.next_id(),
            parent=head.id if head else None,
            speaker="user",
            text=text,
            time=now(),
            grade=grade,
        )
        self._record(turn)
        self.pending = self.director.react(grade, text)
        return turn

    def reply(self, stop_event: threading.Event | None = None) -> PersonaLine:
        """The persona's answer to the last user turn (calls the model)."""
        if self.pending is None:
            raise RuntimeError("nothing to reply to")
        direction, self.pending = self.pending, None
        return self._speak(direction, stop_event)

    def _grading_context(self) -> list[ContextLine]:
        """The whole branch so far, exactly as `sim grade FILE` re-grades it later."""
        return [ContextLine(t.speaker, t.text) for t in self.branch()]

    def prepare(self) -> None:
        """Get ready for the user's next turn while they read and type: the grader embeds
        what it needs of the persona, and the model reads the scene so far into its cache
        so the next reply starts at once. Only the scene prompt gains from the second (a
        chat prompt changes its last user message every turn)."""
        if self.grader_warm is not None:
            self.grader_warm(brief(self.persona), self._grading_context())
        generator = self.generator
        if generator is None or generator.info.prompt_style != "scene":
            return
        messages = scene_so_far(self.persona, self.user_name, self.history())
        if generator.count_tokens(messages[0].content) < VOICE_CONTEXT - 256:
            generator.prefill(messages)

    def end(self) -> None:
        if not self.ended:
            self.ended = True
            head = self.head
            self._record(SessionEvent(self.transcript.next_id("e"), head.id if head else None,
                                      "ended", now(), "ended by the user"))

    # ------------------------------------------------------------ branching

    def rewind(self, user_turn_id: str) -> None:
        """Go back to just before an earlier user turn, to say something else there.
        The old branch stays in the transcript; the next turn starts a new one."""
        target = self._by_id.get(user_turn_id)
        if target is None or target.speaker != "user":
            raise ValueError(f"no user turn {user_turn_id!r}")
        self.head_id = target.parent
        self._restore_director()
        self.pending = None
        self.ended = False

    # ------------------------------------------------------------ the persona speaks

    def _speak(self, direction: Direction, stop_event: threading.Event | None,
               voiced: bool = True) -> PersonaLine:
        started = time.perf_counter()
        chosen: Verdict | None = None
        verdicts: tuple[Verdict, ...] = ()
        failure = ""
        cancelled = stop_event is not None and stop_event.is_set()
        if voiced and self.generator is not None and not cancelled:
            try:
                chosen, verdicts = self._voice(direction, stop_event)
            except Exception as error:  # a failing model must not end the conversation
                failure = f"the model failed ({type(error).__name__}: {error}); said an authored line"
        # Stopped by the user (Esc): say the authored line at once instead of waiting.
        text = chosen.text if chosen else self._fallback(direction)
        copied = chosen is not None and max(
            (similar(text, line) for line in self._authored), default=0.0
        ) >= COPY_SIMILARITY
        head = self.head
        turn = Turn(
            id=self.transcript.next_id(),
            parent=head.id if head else None,
            speaker="persona",
            text=text,
            time=now(),
            source="lm" if chosen else "authored",
            intent=direction.intent.value,
            director={
                "state": self.director.state.to_dict(),
                "mood": direction.mood,
                "note": stage_direction(self.persona, direction, self.user_name),
            },
            rejected=tuple(
                {"text": v.text, "reasons": ",".join(v.reasons)} for v in verdicts if not v.ok
            ),
            copied=copied,
        )
        self._record(turn)
        happened = []
        if failure:
            happened.append(("error", failure))
        if direction.event:
            detail = self.persona.opportunity.offer if direction.event == "opportunity_revealed" else ""
            happened.append((direction.event, detail))
        events = []
        for kind, detail in happened:  # each recorded before the next id is taken: ids stay unique
            events.append(SessionEvent(self.transcript.next_id("e"), turn.id, kind, now(), detail))
            self._record(events[-1])
        return PersonaLine(turn, direction, verdicts, tuple(events), time.perf_counter() - started)

    def _fallback(self, direction: Direction) -> str:
        """The first authored line for the intent that this branch has not heard yet."""
        said = [t.text for t in self.branch() if t.speaker == "persona"]
        fresh = [line for line in direction.fallbacks
                 if max((similar(line, old) for old in said), default=0.0) < 0.6]
        return tidy((fresh or list(direction.fallbacks))[0])

    def _voice(self, direction: Direction, stop_event: threading.Event | None):
        assert self.generator is not None
        info = self.generator.info
        budget = min(info.context_length, VOICE_CONTEXT) - self.options.max_new_tokens - 16
        history = self.history()
        prompt = build_prompt(info.prompt_style, self.persona, self.user_name, history, direction,
                              budget, self.generator.count_tokens)
        seed = (self.seed * 1_000_003 + len(self.transcript.events)) % (2**31)
        candidates = self.generator.sample(prompt.messages, self.options.with_(seed=seed),
                                           self.candidates, stop_event)
        if stop_event is not None and stop_event.is_set():
            return None, ()
        earlier = [e.text for e in history if e.speaker == "persona"]
        last_user = next((e.text for e in reversed(history) if e.speaker == "user"), "")
        verdicts = tuple(
            check(prompt.prefix + candidate, direction=direction, persona=self.persona,
                  user_name=self.user_name, earlier=earlier, last_user_line=last_user,
                  prefix=prompt.prefix)
            for candidate in candidates
        )
        return choose(verdicts), verdicts
