"""Show any text literally: user turns, persona files, transcripts, file names, errors.

Rich Text and `markup=False` already keep `[bold]` as typed, but control characters pass
straight to the terminal: an ESC from a pasted coloured log or a hand-edited transcript
would recolour, move the cursor or retitle the window. `literal` swaps each control
character for a visible stand-in of the same length (so evidence offsets still line up),
with the same table the exports and commands use (sim.core.literal).
"""

from __future__ import annotations

from sim.core.literal import visible as literal


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
