"""Exports for a coach: a transcript as Markdown, or as one self-contained HTML file.

Pure: a Transcript in, a string out. Every piece of text that came from a user, the
model, a persona file or a file name is escaped: `html.escape(..., quote=True)` in HTML
(SVG included), backslash escapes in Markdown so the words stay literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from sim.core.export_chart import grade_chart
from sim.core.grading.metrics import REFLECTIONS_SOURCE, TALK_SHARE_SOURCE, session_metrics
from sim.core.grading.types import AXES
from sim.core.literal import visible
from sim.core.summary import outcome
from sim.core.transcript import SessionEvent, Transcript, TranscriptError, Turn

EVENT_LABELS = {
    "persona_left": "{name} left the conversation",
    "opportunity_revealed": "{name} offered the opportunity",
    "ended": "The session ended",
    "error": "Something went wrong",
}
SOURCES = {"lm": "model-written", "authored": "authored line"}
PERSONA_FIELDS = ("role", "organisation", "event", "setting", "background")


# ------------------------------------------------------------------ shared


def select_branch(transcript: Transcript, number: int | None = None) -> tuple[list[Turn], int, int]:
    """A branch by its number (1-based, in the order `branches()` lists them), or the
    current one. Returns (turns, its number, how many branches there are)."""
    branches = transcript.branches()
    if number is None:
        head = transcript.head
        current = next((i for i, b in enumerate(branches, 1) if head and b[-1] is head), 1)
        return transcript.branch(), current, len(branches)
    if not 1 <= number <= len(branches):
        raise TranscriptError(f"no branch {number}: this transcript has {len(branches)}")
    return branches[number - 1], number, len(branches)


def _timeline(transcript: Transcript, branch: list[Turn]) -> Iterator[Turn | SessionEvent]:
    """The branch's turns with each session event right after the turn it follows."""
    events = transcript.events_on(branch)
    yield from (e for e in transcript.events if isinstance(e, SessionEvent) and e.parent is None)
    for turn in branch:
        yield turn
        yield from (e for e in events if e.parent == turn.id)


def _metrics(branch: list[Turn]) -> list[tuple[str, str, str]]:
    """The grader's session metrics as (label, value, published anchor) rows."""
    m = session_metrics([(t.speaker, t.text, t.grade) for t in branch])

    def number(value: float | None, form: str = "{:.2f}") -> str:
        return "-" if value is None else form.format(value)

    band = f" ({m.reflection_band})" if m.reflection_band else ""
    first = f" (first at your turn {m.first_pitch_turn})" if m.first_pitch_turn else ""
    return [
        ("Your turns", str(m.user_turns), ""),
        ("Talk share (your words)", number(m.talk_share, "{:.0%}"), TALK_SHARE_SOURCE),
        ("Questions per turn", number(m.questions_per_turn), ""),
        ("Reflections per question", number(m.reflections_per_question) + band, REFLECTIONS_SOURCE),
        ("Longest monologue", f"{m.longest_monologue} words", ""),
        ("Pitches", f"{m.pitch_count}{first}", ""),
    ]


def _names(transcript: Transcript) -> tuple[str, str]:
    persona = str(transcript.header.persona.get("name") or "Persona")
    return persona, transcript.header.user_name or "You"


def _event_text(event: SessionEvent, persona: str) -> str:
    label = EVENT_LABELS.get(event.kind, event.kind).format(name=persona)
    return f"{label}: {event.detail}" if event.detail else label


def _how(turn: Turn) -> str:
    """Who wrote a persona line and what for: "model-written, share_challenge"."""
    source = SOURCES.get(turn.source or "", "")
    if source and turn.copied:
        source += " (near-verbatim authored)"
    return ", ".join(x for x in (source, turn.intent) if x)


def _levels(turn: Turn) -> str:
    grade = turn.grade
    if grade is None:
        return "not graded"
    return " · ".join(f"{axis} {grade.level(axis)}" for axis in AXES)


# ------------------------------------------------------------------ markdown

_INLINE = re.compile(r"([\\`*_{}\[\]<>&|~$#!])")


def md_escape(text: str, inline: bool = False) -> str:
    """Text that Markdown shows literally: no emphasis, code, links, HTML, headings or
    lists, whatever the user typed. Line breaks are kept as hard breaks; `inline` text
    (inside a list item or table cell) is put on one line instead."""
    if inline:
        return _INLINE.sub(r"\\\1", " ".join(visible(text).split()))
    lines = []
    for line in visible(str(text).replace("\r\n", "\n").replace("\r", "\n")).splitlines() or [""]:
        line = _INLINE.sub(r"\\\1", line.strip())  # leading spaces would make code blocks
        # "1. x" or "- x" at the start of a line would become a list, "=" a heading
        line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
        line = re.sub(r"^([-+=])", r"\\\1", line)
        lines.append(line)
    out = []
    for i, line in enumerate(lines):
        follows = i + 1 < len(lines) and lines[i + 1]
        out.append(line + "\\" if line and follows else line)  # "\" + newline: a hard break
    return "\n".join(out)


def _md(text: str) -> str:
    return md_escape(text, inline=True)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in md_escape(text).split("\n"))


def to_markdown(transcript: Transcript, branch: int | None = None) -> str:
    turns, number, count = select_branch(transcript, branch)
    header = transcript.header
    persona, user = _names(transcript)
    out = [f"# Conversation with {_md(persona)}", ""]
    for key in PERSONA_FIELDS:
        value = header.persona.get(key)
        if isinstance(value, str) and value:
            out.append(f"- **{key.capitalize()}:** {_md(value)}")
    out += [
        f"- **Started:** {_md(header.started_at)}",
        f"- **Outcome:** {outcome(transcript, turns)}",
        f"- **Model:** {_md(str(header.model.get('id', '')) or 'unknown')}, "
        f"grader {_md(header.grader_version or 'unknown')}, sim {_md(header.app_version)}",
    ]
    if count > 1:
        out.append(f"- **Branch:** {number} of {count} (export another with `--branch N`)")
    out += ["", "## Session metrics", "", "| Metric | Value | Compare with |", "| --- | --- | --- |"]
    out += [f"| {label} | {_md(value)} | {_md(anchor)} |" for label, value, anchor in _metrics(turns)]
    out += ["", "## Conversation", ""]
    for item in _timeline(transcript, turns):
        if isinstance(item, SessionEvent):
            out += [f"*{_md(_event_text(item, persona))}*", ""]
        elif item.speaker == "persona":
            how = _how(item)
            out += [f"**{_md(persona)}**" + (f" ({_md(how)})" if how else ""), ""]
            out += [_quote(item.text), ""]
        else:
            out += [f"**{_md(user)}** — {_levels(item)}", "", _quote(item.text), ""]
            if item.grade is not None:
                for ev in item.grade.evidence:
                    out.append(f"- “{_md(ev.quote)}”: {_md(ev.signal)} ({_md(ev.axis)})")
                if item.grade.tip:
                    out.append(f"- Tip: {_md(item.grade.tip)}")
                if item.grade.evidence or item.grade.tip:
                    out.append("")
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------ html

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;color:#1d1d1f;background:#fafafa;margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem}
.meta,.small{color:#555;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{font-weight:600}
table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:.2rem .6rem;text-align:left}
ol.talk{list-style:none;padding:0} .talk li{margin:.8rem 0;padding:.6rem .8rem;border-radius:.5rem}
.persona{background:#eef2f7} .user{background:#fff;border:1px solid #ddd}
.event{text-align:center;font-style:italic;color:#555}
.who{font-weight:600} .text{white-space:pre-wrap;margin:.3rem 0}
.levels span{display:inline-block;margin-right:.6rem;font-size:.9rem}
.tip{color:#2d5f2d} ul.evidence{margin:.3rem 0;font-size:.9rem}
svg{max-width:100%;height:auto}
"""


def _e(value: object) -> str:
    return escape(visible(value), quote=True)


def _html_turn(item: Turn | SessionEvent, persona: str, user: str) -> str:
    if isinstance(item, SessionEvent):
        return f'<li class="event">{_e(_event_text(item, persona))}</li>'
    if item.speaker == "persona":
        how = _how(item)
        return (
            f'<li class="persona" id="{_e(item.id)}"><div class="who">{_e(persona)}'
            f' <span class="small">{_e(how)}</span></div><p class="text">{_e(item.text)}</p></li>'
        )
    parts = [f'<li class="user" id="{_e(item.id)}"><div class="who">{_e(user)}</div>',
             f'<p class="text">{_e(item.text)}</p>']
    grade = item.grade
    if grade is None:
        parts.append('<div class="small">not graded</div>')
    else:
        levels = "".join(f"<span>{axis} <b>{grade.level(axis)}</b>/3</span>" for axis in AXES)
        parts.append(f'<div class="levels">{levels}</div>')
        if grade.evidence:
            items = "".join(
                f"<li>“{_e(ev.quote)}”: {_e(ev.signal)} ({_e(ev.axis)})</li>" for ev in grade.evidence
            )
            parts.append(f'<ul class="evidence">{items}</ul>')
        if grade.tip:
            parts.append(f'<p class="tip">Tip: {_e(grade.tip)}</p>')
    return "".join(parts) + "</li>"


def to_html(transcript: Transcript, branch: int | None = None) -> str:
    turns, number, count = select_branch(transcript, branch)
    header = transcript.header
    persona, user = _names(transcript)
    details = "".join(
        f"<dt>{_e(key.capitalize())}</dt><dd>{_e(header.persona[key])}</dd>"
        for key in PERSONA_FIELDS
        if isinstance(header.persona.get(key), str) and header.persona.get(key)
    )
    session = [
        ("Started", header.started_at),
        ("Outcome", outcome(transcript, turns)),
        ("Model", header.model.get("id", "") or "unknown"),
        ("Grader", header.grader_version or "unknown"),
        ("sim", header.app_version),
    ]
    if count > 1:
        session.append(("Branch", f"{number} of {count} (export another with --branch N)"))
    session_rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in session)
    metrics = "".join(
        f"<tr><th>{_e(k)}</th><td>{_e(v)}</td><td class=\"small\">{_e(a)}</td></tr>" for k, v, a in _metrics(turns)
    )
    talk = "\n".join(_html_turn(item, persona, user) for item in _timeline(transcript, turns))
    title = f"Conversation with {persona}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>{_e(title)}</h1>
<p class="meta">{_e(header.started_at)}</p>
<section><h2>Persona</h2><dl>{details}</dl></section>
<section><h2>Session</h2><dl>{session_rows}</dl></section>
<section><h2>Grade timeline</h2>
{grade_chart(turns)}
</section>
<section><h2>Session metrics</h2><table>{metrics}</table></section>
<section><h2>Conversation</h2>
<ol class="talk">
{talk}
</ol>
</section>
</main>
</body>
</html>
"""
