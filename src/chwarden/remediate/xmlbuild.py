"""A small XML builder for config files: escaping by ElementTree, stable indentation, a header comment."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

Node = ET.Element


def el(tag: str, *children: Node | str | None, **attrs: str) -> Node:
    """``el("a", "text")`` -> <a>text</a>; ``el("a", el("b"))`` nests; None children are skipped."""
    node = ET.Element(tag, {k.rstrip("_"): v for k, v in attrs.items()})
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            node.text = (node.text or "") + child
        else:
            node.append(child)
    return node


def leaves(values: dict[str, str | int]) -> list[Node]:
    """<key>value</key> for each item, in order."""
    return [el(k, str(v)) for k, v in values.items()]


def comment(text: str) -> Node:
    node: Node = ET.Comment(f" {text} ")  # type: ignore[assignment]  # a Comment is an Element
    return node


def document(root: str, about: str, children: Iterable[Node | None]) -> str:
    """A whole config file: XML declaration, the root element, a comment saying why the file exists."""
    top = el(root, comment(about), *children)
    ET.indent(top, space="    ")
    return '<?xml version="1.0"?>\n' + ET.tostring(top, encoding="unicode") + "\n"
