"""A multi-line input where Enter sends and another key (Ctrl+J by default) breaks the line."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from sim.tui.literal import literal


class ChatInput(TextArea):
    BINDINGS = [
        # Not in the footer (the placeholder says them; 80 columns are short): in help.
        Binding("enter", "send", "Send", id="send", priority=True, show=False),
        Binding("ctrl+j", "newline", "New line", id="newline", priority=True, show=False),
    ]

    class Send(Message):
        def __init__(self, text: str):
            super().__init__()
            self.text = text

    def __init__(self, **kwargs):
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)

    def action_send(self) -> None:
        self.post_message(self.Send(self.text))

    def action_newline(self) -> None:
        self.insert("\n")

    async def _on_paste(self, event: events.Paste) -> None:
        # A paste may carry terminal escapes (a coloured log): keep them as visible
        # characters, never as codes the terminal would act on. (TextArea's own handler
        # runs next, in MRO dispatch, and inserts the cleaned text.)
        event.text = literal(event.text)

    async def _on_key(self, event: events.Key) -> None:
        # Shift+Enter and Alt+Enter also break the line where the terminal reports them.
        if event.key in ("shift+enter", "alt+enter"):
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)
