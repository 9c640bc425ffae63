"""The attack-path graph of a report, drawn as inline SVG, Graphviz DOT or Mermaid.

Built from ``report.attack_paths`` alone (the JSON contract), so a saved report draws the same
picture. Nodes are the paths' steps (merged by id), edges join consecutive steps and take the
worst severity of the paths through them. The SVG is laid out in columns by step kind, left to
right from the network to the data; it has no script, no link and no external asset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from chwarden.model import AttackPath, Report, Severity
from chwarden.report._common import RenderOptions

KIND_COLUMNS = {"network": 0, "endpoint": 1, "principal": 2, "role": 3, "table": 4, "data": 5}
KIND_FILL = {
    "network": "#e8eef7",
    "endpoint": "#eef4ea",
    "principal": "#fff3e0",
    "role": "#f3e8f7",
    "table": "#e9f3f5",
    "data": "#fde8e8",
}
SEVERITY_STROKE = {
    Severity.CRITICAL: "#8b0000",
    Severity.HIGH: "#d32f2f",
    Severity.MEDIUM: "#ef8f00",
    Severity.LOW: "#1e88e5",
    Severity.INFO: "#607d8b",
}
MAX_PATHS = 12
NODE_W, NODE_H, COL_GAP, ROW_GAP, MARGIN = 172, 76, 26, 14, 12
LINE_CHARS = 27


@dataclass
class Node:
    id: str
    kind: str
    label: str
    severity: Severity
    paths: list[int] = field(default_factory=list)


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Severity] = field(default_factory=dict)

    @classmethod
    def of(cls, paths: list[AttackPath], limit: int = MAX_PATHS) -> Graph:
        graph = cls()
        for number, path in enumerate(paths[:limit], 1):
            previous: str | None = None
            for step in path.steps:
                node_id = str(step.get("id") or f"p{number}:{step.get('kind')}:{step.get('label')}")
                node = graph.nodes.get(node_id)
                if node is None:
                    kind = str(step.get("kind", "step"))
                    node = graph.nodes[node_id] = Node(node_id, kind, str(step.get("label", node_id)), path.severity)
                node.paths.append(number)
                node.severity = _worst(node.severity, path.severity)
                if previous is not None:
                    key = (previous, node_id)
                    graph.edges[key] = _worst(graph.edges.get(key, path.severity), path.severity)
                previous = node_id
        return graph


def _worst(a: Severity, b: Severity) -> Severity:
    return a if a.rank >= b.rank else b


def _wrap(text: str, width: int = LINE_CHARS, lines: int = 4) -> list[str]:
    words, out, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return [line if len(line) <= width else line[: width - 1] + "…" for line in out]


def _slug(node_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", node_id).strip("-")[:80] or "node"


def render_svg(report: Report) -> str:
    """Inline SVG of the report's top paths, or "" when the report has none."""
    return render_paths_svg(report.attack_paths)


def render_paths_svg(paths: list[AttackPath]) -> str:
    """Inline SVG of the top paths (the HTML report's and the dashboard's), or "" without paths."""
    graph = Graph.of(paths)
    if not graph.nodes:
        return ""
    columns: dict[int, list[Node]] = {}
    for node in graph.nodes.values():
        columns.setdefault(KIND_COLUMNS.get(node.kind, len(KIND_COLUMNS)), []).append(node)
    used = sorted(columns)
    x_of = {col: MARGIN + i * (NODE_W + COL_GAP) for i, col in enumerate(used)}
    pos: dict[str, tuple[int, int]] = {}
    for col in used:
        for row, node in enumerate(sorted(columns[col], key=lambda n: min(n.paths))):
            pos[node.id] = (x_of[col], MARGIN + 22 + row * (NODE_H + ROW_GAP))
    width = MARGIN * 2 + len(used) * NODE_W + (len(used) - 1) * COL_GAP
    height = max(y for _, y in pos.values()) + NODE_H + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="attack-graph" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="Attack paths">',
        "<title>Attack paths from the network to the sensitive data</title>",
    ]
    for col in used:
        heading = next(k for k, v in KIND_COLUMNS.items() if v == col) if col in KIND_COLUMNS.values() else "other"
        parts.append(
            f'<text x="{x_of[col]}" y="{MARGIN + 10}" font-size="12" font-weight="700" fill="#5f6b76">'
            f"{escape(heading)}</text>"
        )
    for (src, dst), severity in graph.edges.items():
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        sx, sy, ex, ey = x1 + NODE_W, y1 + NODE_H // 2, x2, y2 + NODE_H // 2
        mid = (sx + ex) // 2
        parts.append(
            f'<path class="edge sev-{severity.value}" d="M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}" '
            f'fill="none" stroke="{SEVERITY_STROKE[severity]}" stroke-width="2" opacity="0.8"/>'
        )
    for node in graph.nodes.values():
        x, y = pos[node.id]
        stroke = SEVERITY_STROKE[node.severity]
        fill = KIND_FILL.get(node.kind, "#fff")
        parts.append(
            f'<g class="node kind-{escape(node.kind)}" id="node-{escape(_slug(node.id))}">'
            f"<title>{escape(node.label)}</title>"
            f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="7" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1.5"/>'
        )
        for i, line in enumerate(_wrap(node.label)):
            parts.append(
                f'<text x="{x + 8}" y="{y + 17 + i * 15}" font-size="11.5" fill="#1d232a">{escape(line)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render_dot(report: Report, options: RenderOptions) -> str:
    """Graphviz DOT of every attack path (``dot -Tsvg`` draws it)."""
    graph = Graph.of(report.attack_paths, limit=len(report.attack_paths))
    lines = [
        "digraph attack_paths {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
    ]
    for node in graph.nodes.values():
        label = "\\n".join(_dot_quote(line)[1:-1] for line in _wrap(node.label, 36, 4))
        lines.append(
            f'  {_dot_quote(node.id)} [label="{label}", fillcolor={_dot_quote(KIND_FILL.get(node.kind, "#ffffff"))}, '
            f"color={_dot_quote(SEVERITY_STROKE[node.severity])}];"
        )
    for (src, dst), severity in graph.edges.items():
        lines.append(f"  {_dot_quote(src)} -> {_dot_quote(dst)} [color={_dot_quote(SEVERITY_STROKE[severity])}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_label(text: str) -> str:
    """Mermaid labels in double quotes; quotes and angle brackets become entities."""
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def render_mermaid(report: Report, options: RenderOptions) -> str:
    """Mermaid flowchart of every attack path (renders on GitHub and in most Markdown viewers)."""
    graph = Graph.of(report.attack_paths, limit=len(report.attack_paths))
    ids = {node_id: f"n{i}" for i, node_id in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node_id, node in graph.nodes.items():
        lines.append(f'  {ids[node_id]}["{_mermaid_label(node.label)}"]:::{node.kind}')
    for (src, dst), severity in graph.edges.items():
        lines.append(f"  {ids[src]} -->|{severity.value}| {ids[dst]}")
    for kind, fill in KIND_FILL.items():
        lines.append(f"  classDef {kind} fill:{fill},stroke:#333")
    return "\n".join(lines) + "\n"
