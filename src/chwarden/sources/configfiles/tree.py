"""The in-memory shape of a ClickHouse config file: elements that remember where they were written.

XML and YAML files are both read into ``ConfigNode`` trees, so merging, substitutions and the
mapping to facts never care which syntax a file used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from chwarden.errors import InputError
from chwarden.model import Location

# Elements nested deeper than this are refused: real configs stay under 10 levels, and a bound
# keeps every recursive walk (merge, substitution, fact mapping) safe from crafted input.
MAX_DEPTH = 64


class ConfigError(InputError):
    """A config file cannot be read; the message names the file, the line and the problem."""


@dataclass
class ConfigNode:
    """One element: tag, attributes, stripped text, children, and the provenance of each."""

    tag: str
    location: Location
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""
    text_location: Location | None = None
    children: list[ConfigNode] = field(default_factory=list)
    # Why the value of this element is unknown (an unresolved from_env/from_zk), if it is.
    unresolved: str | None = None

    @property
    def value_location(self) -> Location:
        """Where the value was last set: the text's origin after merges, else the element."""
        return self.text_location or self.location

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def child(self, tag: str) -> ConfigNode | None:
        """The first child with this tag, as the server's config lookup returns it."""
        return next((c for c in self.children if c.tag == tag), None)

    def first_by_tag(self) -> dict[str, ConfigNode]:
        """Every child tag -> its first child, for looking many children up in one pass."""
        first: dict[str, ConfigNode] = {}
        for c in self.children:
            first.setdefault(c.tag, c)
        return first

    def all(self, tag: str) -> list[ConfigNode]:
        return [c for c in self.children if c.tag == tag]

    def find(self, dotted: str) -> ConfigNode | None:
        """Follow a dotted path of first matches (``openSSL.server.certificateFile``)."""
        node: ConfigNode | None = self
        for part in dotted.split("."):
            node = node.child(part) if node is not None else None
        return node

    def text_of(self, tag: str, default: str | None = None) -> str | None:
        found = self.child(tag)
        return found.text if found is not None else default

    def walk(self) -> Iterator[ConfigNode]:
        yield self
        for c in self.children:
            yield from c.walk()


def relocate(node: ConfigNode) -> ConfigNode:
    """A deep copy, so merging one file into another never mutates the parsed source."""
    return ConfigNode(
        tag=node.tag,
        location=node.location,
        attrs=dict(node.attrs),
        text=node.text,
        text_location=node.text_location,
        children=[relocate(c) for c in node.children],
        unresolved=node.unresolved,
    )


def pin(node: ConfigNode, location: Location) -> ConfigNode:
    """Point every element of a tree at one place (image defaults shown where the image is named)."""
    node.location = location
    node.text_location = location if node.text else None
    for c in node.children:
        pin(c, location)
    return node


def shift(node: ConfigNode, file: str, offset: int) -> ConfigNode:
    """Move a tree parsed from text embedded in another file to that file's lines (offset added)."""
    node.location = Location(file=file, line=(node.location.line or 1) + offset)
    if node.text_location is not None:
        node.text_location = node.location
    for c in node.children:
        shift(c, file, offset)
    return node
