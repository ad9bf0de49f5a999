"""Show any text literally: user turns, persona files, transcripts, file names, errors.

Rich Text and `markup=False` already keep `[bold]` as typed, but control characters pass
straight to the terminal: an ESC from a pasted coloured log or a hand-edited transcript
would recolour, move the cursor or retitle the window. `literal` swaps each control
character for a visible stand-in of the same length (so evidence offsets still line up):
C0 controls become Unicode control pictures (ESC shows as "␛"), DEL "␡", C1 controls "�".
Newlines and tabs stay.
"""

from __future__ import annotations

_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def literal(text: object) -> str:
    """The text with every control character (but newline and tab) made visible."""
    return str(text).translate(_VISIBLE)


def shown_path(path: object) -> str:
    """A path as the user reads it: their home folder as "~", control characters visible.
    Shorter on an 80-column screen, and the same on every machine."""
    return literal(tilde(str(path)))


def tilde(text: str) -> str:
    """Every mention of the user's home folder in `text` (a path, an error naming one)
    written as "~"."""
    import re
    from pathlib import Path

    home = str(Path.home()).rstrip("/")
    if not home:
        return text
    return re.sub(re.escape(home) + r"(?=/|$|[\s'\":;,)])", "~", text)
