"""Control characters made visible, for text that leaves the app as a document or as
terminal output (exports, `sim ...` commands) and for everything the terminal app shows
(sim.tui.literal).

An ESC from a pasted coloured log or a hand-edited file would otherwise recolour, move
the cursor, retitle the window or write the clipboard of whatever terminal prints it.
Each control character becomes a visible stand-in of the same length: C0 controls the
Unicode control pictures (ESC shows as "␛"), DEL "␡", C1 controls "�". Newline and tab
stay.
"""

from __future__ import annotations

_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def visible(text: object) -> str:
    """The text with every control character (but newline and tab) made visible."""
    return str(text).translate(_VISIBLE)
