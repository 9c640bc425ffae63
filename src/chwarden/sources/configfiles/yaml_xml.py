"""YAML config files read as the XML they stand for (ClickHouse's YAML mapping).

``key: value`` is ``<key>value</key>``, a nested map nests elements, a list repeats the element,
``"@attr"`` keys are attributes and ``"#text"`` is the text. Files are composed (never
constructed) with the safe loader, so scalars keep their literal spelling and line numbers; what the
aliases expand to is bounded (``yaml_bounds``) so an alias bomb fails fast instead of exhausting memory.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chwarden.model import Location
from chwarden.sources.configfiles.tree import MAX_DEPTH, ConfigError, ConfigNode
from chwarden.sources.configfiles.yaml_bounds import expanded_size, new_loader, yaml_errors

MAX_NODES = 100_000
ROOT_TAGS = ("clickhouse", "yandex")


class _Converter:
    def __init__(self, display: str) -> None:
        self.display = display
        self.budget = MAX_NODES
        self.locations: dict[int, Location] = {}

    def location(self, node: Node) -> Location:
        # Aliases repeat the same lines: one shared (frozen) Location per line keeps a bomb cheap.
        line = node.start_mark.line + 1
        found = self.locations.get(line)
        if found is None:
            found = self.locations[line] = Location(file=self.display, line=line)
        return found

    def element(self, tag: str, key: Node, value: Node, depth: int) -> list[ConfigNode]:
        """The element(s) a ``key: value`` pair stands for (a list gives one per item)."""
        self.budget -= 1
        if self.budget < 0:
            raise ConfigError(f"{self.display}: more than {MAX_NODES} YAML nodes (alias bomb?)")
        if depth > MAX_DEPTH:
            raise ConfigError(f"{self.location(key)}: YAML nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, SequenceNode):
            return [n for item in value.value for n in self.element(tag, item, item, depth + 1)]
        node = ConfigNode(tag=tag, location=self.location(key))
        self.fill(node, value, depth)
        return [node]

    def fill(self, node: ConfigNode, value: Node, depth: int) -> None:
        if isinstance(value, ScalarNode):
            if value.tag != "tag:yaml.org,2002:null":
                node.text = str(value.value).strip()
                node.text_location = self.location(value) if node.text else None
            return
        if not isinstance(value, MappingNode):
            raise ConfigError(f"{self.location(value)}: a list cannot be nested directly inside a list")
        for key_node, item in value.value:
            if not isinstance(key_node, ScalarNode):
                raise ConfigError(f"{self.location(key_node)}: YAML keys must be plain strings")
            key = str(key_node.value)
            if key.startswith("@"):
                node.attrs[key[1:]] = "" if not isinstance(item, ScalarNode) else str(item.value)
            elif key == "#text":
                self.fill(node, item, depth)
            else:
                node.children.extend(self.element(key, key_node, item, depth + 1))


def parse_yaml(data: bytes, display: str) -> ConfigNode:
    """Parse YAML bytes into the XML-shaped tree, root ``clickhouse`` (optional in the file)."""
    loader = new_loader(data, display)
    with yaml_errors(display, loader, MAX_NODES):
        document = loader.get_single_node()
        if document is not None:
            expanded_size(document, MAX_NODES, MAX_DEPTH)
    converter = _Converter(display)
    if document is None:
        return ConfigNode(tag="clickhouse", location=Location(file=display, line=1))
    if not isinstance(document, MappingNode):
        raise ConfigError(f"{converter.location(document)}: the top of a YAML config must be a mapping")
    pairs = document.value
    key, body = document, document
    if len(pairs) == 1 and isinstance(pairs[0][0], ScalarNode) and pairs[0][0].value in ROOT_TAGS:
        key, body = pairs[0]
    tag = str(key.value) if isinstance(key, ScalarNode) else "clickhouse"
    root = ConfigNode(tag=tag, location=converter.location(key))
    try:
        converter.fill(root, body, 0)
    except RecursionError:
        raise ConfigError(f"{display}: YAML nested too deeply") from None
    return root
