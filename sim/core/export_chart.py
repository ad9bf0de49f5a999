"""The grade timeline as a hand-written inline SVG: one line per axis over the user's
turns. Every text that reaches the SVG (titles, labels) is escaped."""

from __future__ import annotations

from html import escape

from sim.core.grading.types import AXES
from sim.core.literal import visible
from sim.core.transcript import Turn

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 64
INSET = 16
#: colour, dash pattern and a small vertical nudge, so equal levels stay distinguishable
STYLES = {
    "listening": ("#1f6feb", "", -3),
    "helpfulness": ("#2da44e", "6 3", 0),
    "pitching": ("#cf222e", "2 3", 3),
}
LABELS = {"listening": "listening", "helpfulness": "helpfulness", "pitching": "pitching (lower is better)"}
SNIPPET = 80  # characters of the user's turn shown in a point's tooltip


def _e(value: object) -> str:
    return escape(visible(value), quote=True)


def grade_chart(branch: list[Turn]) -> str:
    """An SVG of the levels (0-3) of every graded user turn, in order."""
    user = [t for t in branch if t.speaker == "user"]
    graded = [(n, t) for n, t in enumerate(user, 1) if t.grade is not None]
    if not graded:
        return '<p class="small">No graded turns yet.</p>'
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    last = len(user)

    def x(n: int) -> float:  # inset so the first and last points clear the axis labels
        inner = plot_w - 2 * INSET
        return LEFT + INSET + (inner / 2 if last == 1 else (n - 1) * inner / (last - 1))

    def y(level: int) -> float:
        return TOP + (3 - level) * plot_h / 3

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title">',
        '<title id="chart-title">Levels per user turn: listening, helpfulness, pitching (0 to 3)</title>',
        '<g font-family="system-ui,sans-serif" font-size="12" fill="#555">',
    ]
    for level in range(4):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(level):.1f}" y2="{y(level):.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 10}" y="{y(level) + 4:.1f}" text-anchor="end">{level}</text>'
        )
    step = max(1, last // 12)  # at most a dozen turn labels
    for n in range(1, last + 1, step):
        parts.append(f'<text x="{x(n):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{n}</text>')
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h + 34}" text-anchor="middle">your turn</text></g>'
    )
    for axis in AXES:
        colour, dash, nudge = STYLES[axis]
        points = [(x(n), y(t.grade.level(axis)) + nudge, n, t) for n, t in graded]  # type: ignore[union-attr]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>')
        for px, py, n, turn in points:
            text = turn.text if len(turn.text) <= SNIPPET else turn.text[: SNIPPET - 1] + "…"
            tip = f"Turn {n}, {axis} {turn.grade.level(axis)}: {text}"  # type: ignore[union-attr]
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"><title>{_e(tip)}</title></circle>'
            )
    legend_y = HEIGHT - 10
    for i, axis in enumerate(AXES):
        colour, dash, _ = STYLES[axis]
        lx = LEFT + (0, 150, 320)[i]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            f'<text x="{lx + 30}" y="{legend_y}" font-family="system-ui,sans-serif" font-size="12" '
            f'fill="#333">{LABELS[axis]}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
