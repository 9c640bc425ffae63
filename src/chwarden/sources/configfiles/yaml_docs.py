"""Multi-document YAML (Kubernetes manifests, docker-compose files) as plain values with line numbers.

Documents are composed with the safe loader (nothing constructed), sized once with every alias
expanded (``yaml_bounds``: an alias bomb is refused before conversion, a file with hundreds of
ordinary anchors is not), then converted into ``YNode`` values. Aliased nodes are converted once and
shared, so memory stays linear in the file. Merge keys (``<<: *anchor`` and ``<<: [*a, *b]``) are
resolved as YAML 1.1 defines them and as Compose and Kubernetes (Go yaml) apply them: keys written
in the mapping win over merged ones, and among merged mappings the earlier one wins. A merged
value keeps the line of the anchor that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigError
from chwarden.sources.configfiles.yaml_bounds import expanded_size, new_loader, yaml_errors

MAX_DOCUMENTS = 200
# What a document may stand for once aliases and merge keys are expanded. The largest real compose
# files and operator bundles expand to tens of thousands of nodes; a billion-laughs file to 10^9.
MAX_EXPANDED_NODES = 250_000
# Deeper than ClickHouse config trees (CRD schemas in operator bundles nest ~50 levels).
MAX_DOCUMENT_DEPTH = 150
NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class YNode:
    """A scalar (``text``), a list (``items``) or a mapping (``mapping``), and the 1-based line it starts on.

    Nodes reached through an alias are shared between their uses: treat them as read-only.
    """

    line: int
    text: str | None = None
    items: list[YNode] | None = None
    mapping: dict[str, YNode] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    block_content_line: int | None = None  # literal block (`|`): line of the text's first line
    file: str = ""  # the file it was read from (inputs made of several files keep each node's own)
    # Compose interpolation: variables nobody defined that this value depends on, and whether
    # Compose guarantees it is non-empty anyway (`${VAR:?message}`), or took a written default.
    unknown_variables: tuple[str, ...] = ()
    nonempty: bool = False
    defaulted: tuple[str, ...] = ()
    raw: str | None = None  # the text as written, before interpolation

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

    def at(self) -> Location:
        return Location(file=self.file, line=self.line)

    def key_at(self, key: str) -> Location:
        """Where ``key`` is written (its value's file: merged mappings mix files)."""
        value = self.mapping.get(key)
        return Location(file=value.file if value is not None and value.file else self.file, line=self.key_line(key))

    @property
    def is_mapping(self) -> bool:
        return self.items is None and self.text is None


class _Converter:
    def __init__(self, display: str) -> None:
        self.display = display
        self.memo: dict[int, YNode] = {}

    def convert(self, node: Node) -> YNode:
        found = self.memo.get(id(node))
        if found is not None:
            return found
        line = node.start_mark.line + 1
        if isinstance(node, ScalarNode):
            text = None if node.tag == NULL_TAG else str(node.value)
            block = line + 1 if node.style == "|" else None
            result = YNode(line=line, text=text, block_content_line=block, file=self.display)
        elif isinstance(node, SequenceNode):
            result = YNode(line=line, items=[], file=self.display)
            self.memo[id(node)] = result
            assert result.items is not None
            for item in node.value:
                result.items.append(self.convert(item))
        else:
            assert isinstance(node, MappingNode)
            result = YNode(line=line, file=self.display)
            self.memo[id(node)] = result
            self._fill_mapping(result, node)
        self.memo[id(node)] = result
        return result

    def _fill_mapping(self, result: YNode, node: MappingNode) -> None:
        merged: list[YNode] = []
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.tag == MERGE_TAG:
                merged.extend(self._merge_sources(value))
        # Earlier merge sources win over later ones; keys written here win over all of them.
        for source in reversed(merged):
            result.mapping.update(source.mapping)
            result.key_lines.update(source.key_lines)
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.tag == MERGE_TAG:
                continue
            name = str(key.value) if isinstance(key, ScalarNode) else ""
            result.mapping.pop(name, None)  # keep the written order: an overridden merged key moves here
            result.mapping[name] = self.convert(value)
            result.key_lines[name] = key.start_mark.line + 1

    def _merge_sources(self, value: Node) -> list[YNode]:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        converted: list[YNode] = []
        for source in sources:
            if not isinstance(source, MappingNode):
                line = source.start_mark.line + 1
                raise ConfigError(f"{self.display}:{line}: a merge key (<<) takes a mapping or a list of mappings")
            converted.append(self.convert(source))
        return converted


def load_documents(data: bytes, display: str) -> list[YNode]:
    """Every non-empty document of a YAML stream; malformed YAML becomes a one-line ConfigError."""
    loader = new_loader(data, display)
    converter = _Converter(display)
    documents: list[YNode] = []
    with yaml_errors(display, loader, MAX_EXPANDED_NODES):
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            expanded_size(node, MAX_EXPANDED_NODES, MAX_DOCUMENT_DEPTH)
            documents.append(converter.convert(node))
            # The memo is keyed by node identity: once this document's nodes are freed, Python may
            # give their ids to the next document's nodes, so a memo must never outlive its document.
            converter.memo.clear()
            if len(documents) > MAX_DOCUMENTS:
                raise ConfigError(f"{display}: more than {MAX_DOCUMENTS} YAML documents")
    return documents


def at(display: str, line: int) -> Location:
    return Location(file=display, line=line)
