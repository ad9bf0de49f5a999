"""Exports (Markdown, self-contained HTML with an SVG timeline) and re-grading."""

from __future__ import annotations

import json
from dataclasses import replace
from html import escape
from html.parser import HTMLParser

import pytest
import transcript_samples as samples
from markdown_it import MarkdownIt

from sim.core.export import md_escape, select_branch, to_html, to_markdown
from sim.core.grading.types import Grade
from sim.core.regrade import format_json, format_markdown, format_text, persona_brief, regrade
from sim.core.transcript import Transcript, TranscriptError, Turn

HOSTILE = 'Hi <script>alert(1)</script> "onmouseover=alert(2) x=\' [bold]red[/bold] & **x** `code`'


class Tags(HTMLParser):
    """Every tag and attribute in a document, to look for anything active."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def hostile_transcript() -> Transcript:
    """The sample with hostile text in every place text can come from."""
    persona = {
        **samples.PERSONA,
        "name": 'Theo <img src=x onerror="alert(3)">',
        "role": "<marquee>role</marquee>",
        "background": "Studies at night.\n1. not a list\n# nor a heading\n    nor code",
    }
    events = []
    for event in samples.events():
        if isinstance(event, Turn):
            event = replace(event, text=f"{event.text} {HOSTILE}")
            if event.grade is not None:
                event = replace(event, grade=replace(event.grade, tip=HOSTILE, evidence=tuple(
                    replace(ev, quote=HOSTILE, signal="<i>sig</i>") for ev in event.grade.evidence
                )))
        else:
            event = replace(event, detail=HOSTILE)
        events.append(event)
    header = replace(samples.header(persona=persona), user_name="<blink>me</blink>", started_at="<t>")
    return Transcript(header, events)


# ------------------------------------------------------------------ html


def test_html_escapes_every_piece_of_text():
    html = to_html(hostile_transcript())
    doc = parse(html)
    assert {"script", "img", "marquee", "blink", "i"}.isdisjoint(doc.tags)
    assert not [name for name, _ in doc.attrs if name.startswith("on") or name in ("src", "href")]
    assert "<script" not in html.lower() and '"onmouseover=' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;onmouseover=alert(2) x=&#x27;" in html
    assert "[bold]red[/bold]" in html and "**x**" in html
    assert escape('Theo <img src=x onerror="alert(3)">', quote=True) in html


def test_html_is_one_self_contained_file():
    html = to_html(samples.transcript())
    doc = parse(html)
    assert "link" not in doc.tags and "script" not in doc.tags and "img" not in doc.tags
    assert "style" in doc.tags and "svg" in doc.tags
    assert "url(" not in html and "@import" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_html_shows_the_conversation_grades_sources_events_and_metrics():
    html = to_html(samples.transcript())  # the current branch: the pitch, then Theo leaves
    for turn in select_branch(samples.transcript())[0]:
        assert escape(turn.text) in html
    assert "Can I book a **demo**" in html
    assert "pitching <b>3</b>/3" in html and "listening <b>2</b>/3" in html
    assert escape("Ask about their internship search instead.") in html
    assert "“How is the green room today?”: open_question (listening)" in html
    assert "model-written, share_challenge" in html and "authored line, greet" in html
    assert "model-written (near-verbatim authored), exit" in html
    assert "Theo Brandt left the conversation" in html and "generation stopped" in html
    assert "<th>Pitches</th><td>1 (first at your turn 2)</td>" in html
    assert "<th>Talk share (your words)</th><td>" in html and "Gong" in html and "MITI 4" in html
    assert "Branch</dt><dd>2 of 2" in html
    assert escape("volunteer who runs the speakers' green room") in html


def test_html_branch_choice():
    first = to_html(samples.transcript(), branch=1)
    assert escape(samples.T4) in first and "demo" not in first
    assert "offered the opportunity" in first
    with pytest.raises(TranscriptError, match="no branch 3: this transcript has 2"):
        to_html(samples.transcript(), branch=3)


def test_the_svg_timeline_has_a_line_per_axis_and_a_point_per_graded_turn():
    html = to_html(hostile_transcript(), branch=1)
    svg = html[html.index("<svg"): html.index("</svg>")]
    assert svg.count("<polyline") == 3
    assert svg.count("<circle") == 3 * 2  # t2 and t4 are graded on branch 1
    assert "Turn 2, listening 3: That sounds exhausting." in svg
    assert "&lt;script&gt;" in svg and "<script" not in svg


def test_a_transcript_without_grades_still_exports():
    bare = Transcript(samples.header(), [Turn("t1", None, "persona", "Hello.", "2026")])
    html = to_html(bare)
    assert "No graded turns yet." in html and "<svg" not in html
    assert "Hello." in to_markdown(bare)


# ------------------------------------------------------------------ markdown


def rendered_literal(text: str) -> str:
    """How markdown-it shows plain text: &, <, > and " escaped."""
    return escape(text, quote=False).replace('"', "&quot;")


def test_markdown_keeps_user_text_literal():
    md = to_markdown(hostile_transcript())
    rendered = MarkdownIt("commonmark").render(md)
    doc = parse(rendered)
    assert {"script", "img", "a", "marquee", "blink", "i"}.isdisjoint(doc.tags)
    # every turn, tip and quote shows the hostile text exactly as typed
    assert rendered.count(rendered_literal(HOSTILE)) >= 5 + 2 + 2
    assert "**x**" in rendered and "[bold]red[/bold]" in rendered and "`code`" in rendered
    assert "<strong>x</strong>" not in rendered and "<code>code</code>" not in rendered
    assert doc.tags.count("h1") == 1 and "ol" not in doc.tags and "pre" not in doc.tags
    assert "Studies at night. 1. not a list # nor a heading nor code" in rendered


@pytest.mark.parametrize(
    "text",
    ["**x**", "_x_", "`x`", "# not a heading", "1. not a list", "- not a list", "> not a quote",
     "[link](http://e.com)", "<b>x</b>", "a | b", "line one\nline two", "=====", "&amp;", "\\*"],
)
def test_md_escape_renders_as_the_literal_text(text):
    rendered = MarkdownIt("commonmark").render(md_escape(text))
    doc = parse(rendered)
    assert doc.tags == ["p"] + ["br"] * text.count("\n")
    plain = rendered.removeprefix("<p>").removesuffix("</p>\n").replace("<br />\n", "\n")
    assert plain == rendered_literal(text)
    inline = MarkdownIt("commonmark").render("- x " + md_escape(text, inline=True))
    assert inline == f"<ul>\n<li>x {rendered_literal(' '.join(text.split()))}</li>\n</ul>\n"


def test_markdown_has_the_parts_a_coach_needs():
    md = to_markdown(samples.transcript())
    assert md.startswith("# Conversation with Theo Brandt\n")
    assert "**You** — listening 0 · helpfulness 0 · pitching 3" in md
    assert "- Tip: Ask about their internship search instead." in md
    assert "**Theo Brandt** (model-written, share\\_challenge)" in md
    assert "*Theo Brandt left the conversation*" in md
    assert "## Session metrics" in md and "**Branch:** 2 of 2" in md
    assert "| Pitches | 1 (first at your turn 2) |  |" in md
    assert "| Your turns | 2 |  |" in md
    assert "> Honestly the hard part is internships." in md
    assert "> Cool. Can I book a \\*\\*demo\\*\\* of my tool with your boss?" in md


# ------------------------------------------------------------------ re-grading


def fake_grader(calls: list):
    def grade_fn(persona, context, user_text):
        calls.append((persona, [line.text for line in context], user_text))
        pitching = 3 if "demo" in user_text else 0
        tip = "new tip " + "and more words " * 10  # long enough to wrap
        return Grade(2, 1 if "roles" in user_text else 0, pitching, tip=tip, grader_version="rules-2")

    return grade_fn


def test_regrade_grades_every_user_turn_once_in_its_own_context():
    calls: list = []
    rows = regrade(samples.transcript(), fake_grader(calls))
    assert [r.turn_id for r in rows] == ["t2", "t4", "t7"]
    assert [r.branches for r in rows] == [(1, 2), (1,), (2,)]
    assert [r.number for r in rows] == [1, 2, 2]
    assert calls[2][1] == [samples.events()[i].text for i in (0, 1, 2)]  # t1 t2 t3
    t2, t4, t7 = rows
    assert t2.changed == ()
    assert t4.changed == ("listening", "helpfulness")  # 3 -> 2, 0 -> 1
    assert t7.changed == ("listening",)  # 0 -> 2; pitching stays 3


def test_persona_brief_from_the_header():
    brief = persona_brief(samples.header())
    assert (brief.name, brief.event) == ("Theo Brandt", samples.PERSONA["event"])
    assert brief.card.startswith("Theo Brandt, volunteer who runs the speakers' green room at CloudScale")
    assert "can't land a first internship" in brief.card
    assert "an introduction to someone hiring interns" in brief.needs
    assert persona_brief(samples.header(persona={"name": "Ana"})).card == "Ana."


def test_regrade_formatters():
    rows = regrade(samples.transcript(), fake_grader([]))
    text = format_text(rows)
    assert "2 of 3 user turns changed (stored grader rules-1; now rules-2)" in text
    assert "* turn 2" in text and "L 3->2" in text and "tip: new tip" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    data = json.loads(format_json(rows))
    assert data["changed"] == 2 and data["rows"][1]["changed"] == ["listening", "helpfulness"]
    assert data["rows"][0]["old"]["listening"] == 2 and data["rows"][0]["new"]["grader_version"] == "rules-2"
    md = format_markdown(rows)
    assert "| 2 | 1 | L 3→2 · H 0→1 · P 0 | listening, helpfulness |" in md
    assert "\\*\\*demo\\*\\*" in md
    assert format_text([]) == "No user turns to grade.\n"
