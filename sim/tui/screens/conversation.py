"""The conversation: talk, see each grade, watch the persona warm up or cool off.

A user turn is graded on the UI thread (pure, a few milliseconds). The persona's reply
runs in a thread worker that posts one message when done; handlers own every widget.
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListView, Static

from sim.app.services import new_session
from sim.app.session import MAX_USER_CHARS, PersonaLine as SpokenLine, Session
from sim.core.persona import Persona
from sim.tui.literal import literal
from sim.tui.widgets.chat_input import ChatInput
from sim.tui.widgets.lines import EventLine, PersonaLine, UserLine
from sim.tui.widgets.side_panel import SidePanel


PLACEHOLDER = "Say something. Enter sends, Ctrl+J breaks the line."


class Replied(Message):
    def __init__(self, line: SpokenLine):
        super().__init__()
        self.line = line


class ReplyFailed(Message):
    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason


class ConversationScreen(Screen):
    BINDINGS = [
        # Esc is named where it applies ("is thinking... (Esc to stop)"), not in the footer.
        Binding("escape", "stop", "Stop reply", id="conversation.stop", show=False),
        Binding("ctrl+r", "rewind", "Rewind to turn", id="conversation.rewind"),
        Binding("ctrl+g", "end", "End & report", id="conversation.end"),
        Binding("ctrl+t", "focus_transcript", "Transcript", id="conversation.transcript"),
        Binding("ctrl+s", "save_elsewhere", "Save elsewhere", id="conversation.save", show=False),
    ]

    def __init__(self, persona: Persona, session: Session | None = None):
        super().__init__()
        self.persona = persona
        self.session = session
        self.stop_event = threading.Event()
        self.busy = False
        self.waiting_for_model = False
        self.end_after_reply = False
        self.told_model_failed = False
        self.told_save_problem = False

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        persona = self.persona
        yield Header()
        setting = Text(literal(persona.name), style="bold")
        setting.append(literal(f" · {persona.role} · {persona.event}\n"), style="dim")
        setting.append(literal(persona.setting), style="italic")
        yield Static(setting, id="setting")
        with Horizontal(id="talk"):
            yield ListView(id="transcript")
            yield SidePanel(id="side")
        yield Label("", id="typing", markup=False)
        with Vertical(id="compose"):
            yield ChatInput(id="input", placeholder=PLACEHOLDER)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        if self.session is None:
            self.session = new_session(self.persona, app.generator, app.profile, seed=app.seed or 0,
                                       user_name=app.user_name, home=app.home, grader=app.grader)
            self._show_spoken(self.session.open())
        else:
            self._show_branch()
        self.watch(app, "model_state", self._on_model_state)
        self.query_one("#side", SidePanel).show(self.session)
        self._report_save_problem()
        self.query_one("#input", ChatInput).focus()

    def on_unmount(self) -> None:
        # Quitting (or leaving) mid-reply: stop the model, or its worker thread would keep
        # the process alive until the reply is done.
        self.stop_event.set()

    def on_resize(self) -> None:
        # A short terminal keeps the setting to two lines (cut with "…") for the talk.
        self.set_class(self.size.height < 32, "-short")

    def on_screen_resume(self) -> None:
        if self.session is not None:  # back from saving elsewhere, or from help
            self.query_one("#side", SidePanel).show(self.session)

    @property
    def transcript(self) -> ListView:
        return self.query_one("#transcript", ListView)

    def _append(self, item) -> None:
        self.transcript.append(item)
        self.transcript.index = len(self.transcript) - 1
        self.transcript.scroll_end(animate=False)

    def _show_branch(self) -> None:
        """Fill the transcript view from the session's current branch."""
        session = self.session
        self.transcript.clear()
        events = session.transcript.events_on(session.branch())
        for turn in session.branch():
            self._append(UserLine(turn, session.user_name) if turn.speaker == "user"
                         else PersonaLine(turn, self.persona.first_name))
            for event in events:
                if event.parent == turn.id:
                    self._append(EventLine(event, self.persona.first_name))

    def _show_spoken(self, line: SpokenLine) -> None:
        self._append(PersonaLine(line.turn, self.persona.first_name))
        for event in line.events:
            self._append(EventLine(event, self.persona.first_name))
            if event.kind == "persona_left":
                self.notify(f"{self.persona.first_name} has left. Ctrl+G for your report, "
                            "Ctrl+R on a turn to try it another way.", title="They walked away",
                            severity="warning", timeout=10)
            elif event.kind == "opportunity_revealed":
                self.app.bell()
                self.notify(self.persona.opportunity.offer, title="An opportunity you never asked for",
                            timeout=12)
            elif event.kind == "error":
                self.notify(event.detail, title="The model failed", severity="error")

    # ------------------------------------------------------------ the model

    def _on_model_state(self, state) -> None:
        if self.session is not None and state.ready:
            self.session.generator = self.app.generator
            if self.waiting_for_model:
                self.waiting_for_model = False
                self._start_reply()
            elif not self.busy:
                self.warm_up()
        elif state.phase == "failed":
            if self.waiting_for_model:  # no model is coming: answer with authored lines
                self.waiting_for_model = False
                self._start_reply()
            self._say_model_failed()
        elif self.waiting_for_model:
            self._set_typing(f"{self.persona.first_name} is waiting for the model "
                             f"({state.fraction:.0%}, {state.detail})...")

    def _say_model_failed(self) -> None:
        if not self.told_model_failed:
            self.told_model_failed = True
            self.notify(f"{self.persona.first_name} answers with authored lines only; "
                        "every turn is still graded.", title="No model", severity="warning",
                        timeout=8)

    def _set_typing(self, text: str) -> None:
        self.query_one("#typing", Label).update(literal(text))

    # ------------------------------------------------------------ sending

    def on_chat_input_send(self, message: ChatInput.Send) -> None:
        text = message.text
        if not text.strip():
            return
        if self.session.finished:
            self.notify("The conversation is over: Ctrl+G for the report, or Ctrl+R to rewind.",
                        severity="warning")
            return
        if self.busy:
            self.notify(f"{self.persona.first_name} is still answering (Esc stops it).")
            return
        if len(text) > MAX_USER_CHARS:
            self.notify(f"That is {len(text):,} characters; a turn can be at most {MAX_USER_CHARS:,}. "
                        "Trim it and send again.", severity="warning")
            return
        self._use_loaded_grader()
        turn = self.session.say(text)
        self.query_one("#input", ChatInput).clear()
        self._append(UserLine(turn, self.session.user_name))
        self.query_one("#side", SidePanel).show(self.session)
        self._report_save_problem()
        if self.app.model_state.phase != "loading":
            self._start_reply()
        else:
            self.waiting_for_model = True
            self._on_model_state(self.app.model_state)

    def _start_reply(self) -> None:
        self.busy = True
        self.stop_event = threading.Event()
        self._set_typing(f"{self.persona.first_name} is thinking... (Esc to stop)")
        self.reply(self.stop_event)

    def _use_loaded_grader(self) -> None:
        """The hybrid grader once it has loaded (the rules until then)."""
        self.session.grader = self.app.grader.grade
        self.session.grader_warm = self.app.grader.warm

    @work(thread=True, group="warm", exit_on_error=False)
    def warm_up(self) -> None:
        """Read the scene into the model's cache while the user reads the opening line:
        the first reply then reads only the user's words (seconds saved on 2 cores)."""
        try:
            self._use_loaded_grader()
            self.session.prepare()
        except Exception:
            pass  # only a speed-up: a broken model shows itself on the reply

    @work(thread=True, exclusive=True, group="reply", exit_on_error=False)
    def reply(self, stop_event: threading.Event) -> None:
        try:
            line = self.session.reply(stop_event)
        except Exception as error:  # shown, never fatal
            self.post_message(ReplyFailed(f"{type(error).__name__}: {error}"))
            return
        self.post_message(Replied(line))
        if not self.session.finished and not stop_event.is_set():
            try:  # while the user reads and types, read the new line into the cache
                self._use_loaded_grader()
                self.session.prepare()
            except Exception:
                pass  # only a speed-up

    def on_replied(self, message: Replied) -> None:
        self.busy = False
        self._set_typing("")
        if self.end_after_reply:
            self.action_end()
            return
        self._show_spoken(message.line)
        self.query_one("#side", SidePanel).show(self.session)
        self._report_save_problem()
        if self.session.left:
            self.query_one("#input", ChatInput).placeholder = literal(
                f"{self.persona.first_name} has left. Ctrl+G: report · Ctrl+R: rewind a turn")

    def on_reply_failed(self, message: ReplyFailed) -> None:
        self.busy = False
        self._set_typing("")
        if self.end_after_reply:
            self.action_end()
            return
        self.notify(message.reason, title="No reply", severity="error")

    def _report_save_problem(self) -> None:
        """Once a failure: every later turn fails the same way, and the side panel keeps
        saying NOT SAVED until it is saved again."""
        problem = self.session.save_problem
        if problem and not self.told_save_problem:
            self.notify(f"{problem.message}. Ctrl+S saves the conversation elsewhere.",
                        title="Not saved", severity="error", timeout=12)
        self.told_save_problem = problem is not None

    # ------------------------------------------------------------ actions

    def prefill(self, text: str) -> None:
        """Put text in the input to edit and send (used when trying a turn again)."""
        composer = self.query_one("#input", ChatInput)
        composer.text = literal(text)
        composer.focus()

    def action_stop(self) -> None:
        if self.busy:
            self.stop_event.set()
            self._set_typing(f"Stopping: {self.persona.first_name} will say a prepared line.")

    def action_focus_transcript(self) -> None:
        widget = self.transcript if self.focused is not self.transcript else self.query_one("#input")
        widget.focus()

    def action_rewind(self) -> None:
        item = self.transcript.highlighted_child
        if self.busy:
            self.notify("Wait for the reply (or press Esc) before rewinding.")
            return
        if not isinstance(item, UserLine):
            self.notify("Select one of your turns first (Ctrl+T, then the arrow keys).")
            return
        self.session.rewind(item.turn.id)
        self._show_branch()
        self.query_one("#input", ChatInput).placeholder = PLACEHOLDER
        self.prefill(item.turn.text)
        self.query_one("#side", SidePanel).show(self.session)
        self.notify("Rewound. Say it another way; the first try stays in the transcript.")

    def action_end(self) -> None:
        from sim.tui.screens.report import ReportScreen

        if self.busy:  # the worker owns the session until it posts its reply
            self.end_after_reply = True
            self.stop_event.set()
            return
        self.session.end()
        self.app.switch_screen(ReportScreen(self.session))

    def action_save_elsewhere(self) -> None:
        from sim.tui.screens.save_as import SaveAsScreen

        self.app.clear_notifications()  # the dialog says what went wrong; toasts would cover it
        self.app.push_screen(SaveAsScreen(self.session))

    def screen_commands(self):
        yield SystemCommand("End and see the report", "Finish this conversation (Ctrl+G)", self.action_end)
        yield SystemCommand("Rewind to the selected turn", "Try a turn another way (Ctrl+R)",
                            self.action_rewind)
        yield SystemCommand("Stop the reply", "Stop the model (Esc)", self.action_stop)
        yield SystemCommand("Save the conversation elsewhere", "After a failed save (Ctrl+S)",
                            self.action_save_elsewhere)
