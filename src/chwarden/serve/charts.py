"""Charts drawn on the server as inline SVG: no chart library, no script, nothing to download.

Two shapes cover the trends page: stacked bars per day (findings by severity) and diverging bars
per day (new and reopened findings up, resolved ones down). Every text is escaped; colours and
sizes are attributes, never ``style`` (the Content-Security-Policy allows no inline style). The
SVG scales to its container through its ``viewBox``; a table with the same numbers sits next to
each chart for screen readers and for copying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH, HEIGHT = 960, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 34
AXIS = "#5f6b76"
GRID = "#e3e7eb"


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    values: Sequence[int]


def _nice_max(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value`` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return max(1, step * factor)
        step *= 10


def _frame(title: str, labels: Sequence[str], top: int, bottom: int, body: list[str]) -> Markup:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = top - bottom or 1
    zero_y = TOP + plot_h * top / span
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(title)}</title>",
    ]
    for value in (top, top // 2, 0, bottom // 2, bottom) if bottom else (top, top // 2, 0):
        y = TOP + plot_h * (top - value) / span
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{AXIS}">{abs(value)}</text>'
        )
    parts += body
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{zero_y:.1f}" y2="{zero_y:.1f}" stroke="{AXIS}"/>')
    if labels:
        slot = plot_w / len(labels)
        shown = sorted({0, len(labels) // 2, len(labels) - 1})
        for index in shown:
            x = LEFT + slot * (index + 0.5)
            anchor = "start" if index == 0 and len(labels) > 1 else "end" if index == len(labels) - 1 else "middle"
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}" font-size="12" fill="{AXIS}">'
                f"{escape(labels[index])}</text>"
            )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _bar(x: float, y: float, width: float, height: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{colour}">'
        f"<title>{escape(tip)}</title></rect>"
    )


def stacked_bars(title: str, labels: Sequence[str], series: Sequence[Series]) -> Markup:
    """One bar per label, the series stacked bottom-up in the given order."""
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    top = _nice_max(max(totals, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    width = max(1.0, slot * 0.8)
    body: list[str] = []
    for i, label in enumerate(labels):
        base: float = TOP + plot_h
        for s in series:
            value = s.values[i]
            if value <= 0:
                continue
            height = plot_h * value / top
            base -= height
            x = LEFT + slot * i + (slot - width) / 2
            body.append(_bar(x, base, width, height, s.colour, f"{label}: {value} {s.name}"))
    return _frame(title, labels, top, 0, body)


def diverging_bars(title: str, labels: Sequence[str], up: Sequence[Series], down: Sequence[Series]) -> Markup:
    """Per label, ``up`` series stacked above the axis and ``down`` series below it."""
    highest = max((sum(s.values[i] for s in up) for i in range(len(labels))), default=0)
    lowest = max((sum(s.values[i] for s in down) for i in range(len(labels))), default=0)
    top, bottom = _nice_max(highest), -_nice_max(lowest) if lowest else 0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = top - bottom
    zero_y = TOP + plot_h * top / span
    slot = plot_w / max(1, len(labels))
    width = max(1.0, slot * 0.8)
    body: list[str] = []
    for i, label in enumerate(labels):
        x = LEFT + slot * i + (slot - width) / 2
        above, below = zero_y, zero_y
        for s in up:
            if s.values[i] > 0:
                height = plot_h * s.values[i] / span
                above -= height
                body.append(_bar(x, above, width, height, s.colour, f"{label}: {s.values[i]} {s.name}"))
        for s in down:
            if s.values[i] > 0:
                height = plot_h * s.values[i] / span
                body.append(_bar(x, below, width, height, s.colour, f"{label}: {s.values[i]} {s.name}"))
                below += height
    return _frame(title, labels, top, bottom, body)
