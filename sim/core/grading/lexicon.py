"""The phrase patterns the grader looks for, in one namespace (`lx.REFLECTION`, ...).

Patterns run on the cleaned turn (same offsets as the user's text, curly quotes made
straight) and are case-insensitive unless marked. They describe conversational forms
from the guidelines (reflections, offers, pitches and asks), not particular sentences.
They live in three modules by axis; this one gathers them.
"""

from sim.core.grading.helping_phrases import *  # noqa: F401,F403
from sim.core.grading.listening_phrases import *  # noqa: F401,F403
from sim.core.grading.pitching_phrases import *  # noqa: F401,F403
