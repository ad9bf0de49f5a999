"""The voice: turns the director's intent into a prompt the model continues.

Measured with SmolLM2-135M (DESIGN.md): a small model stays in voice far better when it
continues a plain *scene transcript* than inside a chat template, and better still when
the persona's line is started for it with the first words of an authored line. So the
default prompt is a scene: a setting paragraph, a few lines the persona said to someone
else earlier (to set the voice), the conversation so far, a stage direction carrying
what this line must say, and the opening words of the line. Larger chat models get the
same material as a system prompt and chat turns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sim.core.director import Direction
from sim.core.generation import Message, PromptStyle
from sim.core.persona import Intent, Persona

#: How the persona feels, in words a stage direction can use.
MOODS = {"warm": "warmly", "neutral": "", "cool": "a little guarded"}

#: What each intent asks of the line, as a stage direction.
STAGE = {
    Intent.GREET: "{first} says hello",
    Intent.ANSWER_SELF: "{first} answers about {self}",
    Intent.SHARE_CHALLENGE: "{first} opens up about {topic}",
    Intent.ASK_BACK: "{first} turns the question back to {user}",
    Intent.ACCEPT_HELP: "{first} gratefully accepts the offer",
    Intent.SMALL_TALK: "{first} makes small talk",
    Intent.DEFLECT_PITCH: "{first} politely declines the pitch",
    Intent.EXIT: "{first} wants to leave and says goodbye",
    Intent.REVEAL_OPPORTUNITY: "{first} offers something unprompted: {topic}",
}


@dataclass(frozen=True)
class Exchange:
    speaker: str  # "user" | "persona"
    text: str
    #: For persona lines: the stage direction the line answered. Kept in the scene, so
    #: the model sees, turn after turn, that a line follows its direction.
    note: str = ""


@dataclass(frozen=True)
class VoicePrompt:
    messages: list[Message]
    #: The words the persona's line starts with; the model writes the rest.
    prefix: str


def opening_words(line: str, share: float = 0.35, most: int = 5) -> str:
    """The first words of an authored line: at most `share` of it, never more than
    `most` words, at least one. Cut before a comma when one falls inside."""
    words = line.split()
    count = max(1, min(most, int(len(words) * share)))
    chosen = words[:count]
    for index, word in enumerate(chosen[:-1]):
        if word.endswith((",", ".", "?", "!")) and index >= 2:  # "Oh," alone says nothing
            chosen = chosen[: index + 1]
            break
    return " ".join(chosen)


def _topic(persona: Persona, direction: Direction) -> str:
    if direction.intent is Intent.REVEAL_OPPORTUNITY:
        return persona.opportunity.offer
    for challenge in persona.challenges:
        if direction.content in challenge.details:
            return challenge.summary
    return direction.content


def stage_direction(persona: Persona, direction: Direction, user_name: str) -> str:
    """A parenthesised note before the persona's line: what it does, how it feels, and
    the authored line it should say something like. Without that line in view, the
    135M model dropped the content of most lines; with it, it paraphrases or keeps it."""
    first = persona.first_name
    text = STAGE[direction.intent].format(
        first=first, user=user_name, topic=_topic(persona, direction), self="themselves"
    )
    mood = MOODS.get(direction.mood, "")
    return f"({text}{', ' + mood if mood else ''}, something like: {direction.content})"


def setting(persona: Persona, user_name: str) -> str:
    where = f" at {persona.organisation}" if persona.organisation else ""
    return (
        f"{persona.event}. {persona.setting}\n"
        f"{persona.name} is the {persona.role}{where}. {persona.background} "
        f"{persona.personality} {persona.speaking_style}\n"
    )


def _lines(persona: Persona, user_name: str, history: Sequence[Exchange]) -> list[str]:
    names = {"user": user_name, "persona": persona.first_name}
    return [
        (f"{e.note}\n" if e.note else "") + f"{names[e.speaker]}: {e.text}\n" for e in history
    ]


def _scene_head(persona: Persona, user_name: str) -> str:
    first = persona.first_name
    head = setting(persona, user_name)
    if persona.examples:
        head += f"Earlier, {first} chatted with another attendee.\n"
        head += "".join(f"Attendee: {ex.them}\n{first}: {ex.persona}\n" for ex in persona.examples)
    return head + f"Then {user_name} walked up.\n"


def scene_so_far(persona: Persona, user_name: str, history: Sequence[Exchange]) -> list[Message]:
    """The part of the next scene prompt that is already known (setting and conversation,
    before the next stage direction): worth reading into the model's cache early."""
    return [Message("text", _scene_head(persona, user_name) + "".join(_lines(persona, user_name, history)))]


def build_scene(
    persona: Persona,
    user_name: str,
    history: Sequence[Exchange],
    direction: Direction,
    budget: int,
    count_tokens: Callable[[str], int],
) -> VoicePrompt:
    """A plain-text scene for a completion model, trimmed from the oldest turns to fit
    `budget` tokens. Trimming drops whole blocks of turns at a time, so the start of the
    prompt (and the model's key/value cache of it) stays the same for many turns."""
    first = persona.first_name
    head = _scene_head(persona, user_name)
    prefix = opening_words(direction.content)
    tail = f"{stage_direction(persona, direction, user_name)}\n{first}: {prefix}"
    lines = _lines(persona, user_name, history)
    block = 8
    while lines and count_tokens(head + "".join(lines) + tail) > budget:
        lines = lines[block:] if len(lines) > block else lines[1:]
    return VoicePrompt([Message("text", head + "".join(lines) + tail)], prefix)


def build_chat(
    persona: Persona,
    user_name: str,
    history: Sequence[Exchange],
    direction: Direction,
    budget: int,
    count_tokens: Callable[[str], int],
) -> VoicePrompt:
    """The same material for a chat model: the persona as a system prompt, the
    conversation as chat turns, the stage direction as an instruction."""
    system = (
        f"You are {persona.name}, a real person (never an AI or assistant), talking with "
        f"{user_name}. {setting(persona, user_name)}"
        f"Goals here: {'; '.join(persona.goals)}. Reply with one to three short spoken "
        f"sentences, in character, no lists or formatting."
    )
    turns = [Message("user" if e.speaker == "user" else "assistant", e.text) for e in history]
    instruction = stage_direction(persona, direction, user_name)
    prefix = opening_words(direction.content)

    def size(items: list[Message]) -> int:
        return count_tokens(system + "".join(m.content for m in items) + instruction)

    while turns and size(turns) > budget:
        turns = turns[2:] if len(turns) > 2 else turns[1:]
    if turns and turns[-1].role == "user":
        turns[-1] = Message("user", f"{turns[-1].content}\n{instruction}")
    else:
        turns.append(Message("user", instruction))
    return VoicePrompt([Message("system", system), *turns, Message("assistant", prefix)], prefix)


def build_prompt(style: PromptStyle, *args, **kwargs) -> VoicePrompt:
    return (build_scene if style == "scene" else build_chat)(*args, **kwargs)
