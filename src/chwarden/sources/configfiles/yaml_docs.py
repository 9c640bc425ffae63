"""Multi-document YAML (Kubernetes manifests, docker-compose files) as plain values with line numbers.

Documents are composed with the same bounded safe loader as ClickHouse YAML configs (aliases capped,
nothing constructed), then converted into ``YNode`` values under a node budget: an alias bomb is
refused after at most MAX_NODES converted nodes, whatever its nominal expansion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chwarden.model import Location
from chwarden.sources.configfiles.tree import MAX_DEPTH, ConfigError
from chwarden.sources.configfiles.yaml_xml import MAX_NODES, BoundedLoader, yaml_errors

MAX_DOCUMENTS = 200
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass
class YNode:
    """A scalar (``text``), a list (``items``) or a mapping (``mapping``), and the 1-based line it starts on."""

    line: int
    text: str | None = None
    items: list[YNode] | None = None
    mapping: dict[str, YNode] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    block_content_line: int | None = None  # literal block (`|`): line of the text's first line

    def get(self, *path: str) -> YNode | None:
        node: YNode | None = self
        for key in path:
            node = node.mapping.get(key) if node is not None else None
        return node

    def text_at(self, *path: str) -> str | None:
        node = self.get(*path)
        return node.text if node is not None else None

    def key_line(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Converter:
    def __init__(self, display: str) -> None:
        self.display = display
        self.budget = MAX_NODES

    def convert(self, node: Node, depth: int = 0) -> YNode:
        self.budget -= 1
        if self.budget < 0:
            raise ConfigError(f"{self.display}: more than {MAX_NODES} YAML nodes (alias bomb?)")
        if depth > MAX_DEPTH:
            raise ConfigError(f"{self.display}:{node.start_mark.line + 1}: YAML nested deeper than {MAX_DEPTH} levels")
        line = node.start_mark.line + 1
        if isinstance(node, ScalarNode):
            text = None if node.tag == NULL_TAG else str(node.value)
            block = line + 1 if node.style == "|" else None
            return YNode(line=line, text=text, block_content_line=block)
        if isinstance(node, SequenceNode):
            return YNode(line=line, items=[self.convert(item, depth + 1) for item in node.value])
        result = YNode(line=line)
        assert isinstance(node, MappingNode)
        for key, value in node.value:
            name = str(key.value) if isinstance(key, ScalarNode) else ""
            result.mapping[name] = self.convert(value, depth + 1)
            result.key_lines[name] = key.start_mark.line + 1
        return result


def load_documents(data: bytes, display: str) -> list[YNode]:
    """Every non-empty document of a YAML stream; malformed YAML becomes a one-line ConfigError."""
    loader = BoundedLoader(data)
    converter = _Converter(display)
    documents: list[YNode] = []
    with yaml_errors(display, loader):
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            documents.append(converter.convert(node))
            if len(documents) > MAX_DOCUMENTS:
                raise ConfigError(f"{display}: more than {MAX_DOCUMENTS} YAML documents")
    return documents


def at(display: str, line: int) -> Location:
    return Location(file=display, line=line)
