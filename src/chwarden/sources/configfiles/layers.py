"""Build config trees from values written in deployment files (CHI settings, embedded XML files).

The Altinity operator writes ``spec.configuration`` maps as XML (``alice/networks/ip: [..]`` becomes
``<alice><networks><ip>..</ip></networks></alice>``) and ``files`` entries as files of their own;
both become ``ConfigNode`` trees whose elements point at the manifest's lines.
"""

from __future__ import annotations

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode, pin, relocate, shift
from chwarden.sources.configfiles.xml_reader import parse_xml
from chwarden.sources.configfiles.yaml_docs import YNode
from chwarden.sources.configfiles.yaml_xml import parse_yaml

ACCESS_SECTIONS = ("users", "profiles", "quotas", "roles")
ROOT = "clickhouse"


def root(at: Location) -> ConfigNode:
    return ConfigNode(tag=ROOT, location=at)


def child_of(parent: ConfigNode, tag: str, at: Location) -> ConfigNode:
    """The existing child with this tag, or a new one (paths written twice share their prefix)."""
    found = parent.child(tag)
    if found is None:
        found = ConfigNode(tag=tag, location=at)
        parent.children.append(found)
    return found


def leaf(parent: ConfigNode, tag: str, text: str, at: Location) -> ConfigNode:
    node = ConfigNode(tag=tag, location=at, text=text.strip(), text_location=at if text.strip() else None)
    parent.children.append(node)
    return node


def add_path(parent: ConfigNode, key: str, value: YNode, display: str, key_line: int) -> list[ConfigNode]:
    """Write ``a/b/c: value`` under ``parent``; returns the leaf elements created."""
    at = Location(file=display, line=key_line)
    parts = [p for p in key.split("/") if p]
    if not parts:
        raise ConfigError(f"{at}: empty configuration key")
    node = parent
    for part in parts[:-1]:
        node = child_of(node, part, at)
    return add_value(node, parts[-1], value, display, key_line)


def add_value(parent: ConfigNode, tag: str, value: YNode, display: str, key_line: int) -> list[ConfigNode]:
    at = Location(file=display, line=key_line)
    if value.items is not None:
        return [n for item in value.items for n in add_value(parent, tag, item, display, item.line)]
    secret = secret_ref(value)
    if secret is not None:
        node = leaf(parent, tag, "", at)
        node.attrs["from_env"] = secret  # the operator passes Secrets as environment variables
        return [node]
    if value.mapping:
        node = child_of(parent, tag, at)
        created: list[ConfigNode] = []
        for key, item in value.mapping.items():
            created.extend(add_path(node, key, item, display, value.key_line(key)))
        return created
    return [leaf(parent, tag, value.text or "", Location(file=display, line=value.line))]


def secret_ref(value: YNode) -> str | None:
    """The Secret a CHI value comes from (``valueFrom.secretKeyRef``), as ``name/key``."""
    ref = value.get("valueFrom", "secretKeyRef")
    if ref is None:
        return None
    return f"{ref.text_at('name') or '?'}/{ref.text_at('key') or '?'}"


def add_mapping(parent: ConfigNode, mapping: YNode | None, display: str) -> None:
    """Every ``key: value`` of a CHI configuration section under ``parent``."""
    if mapping is None or not mapping.mapping:
        return
    for key, value in mapping.mapping.items():
        add_path(parent, key, value, display, mapping.key_line(key))


def embedded_tree(name: str, content: YNode, display: str) -> ConfigNode:
    """Parse a file carried inside a manifest; a literal block keeps exact lines, other styles the key line."""
    text = (content.text or "").encode()
    label = f"{display} [{name}]"
    tree = parse_yaml(text, label) if name.lower().endswith((".yaml", ".yml")) else parse_xml(text, label)
    if content.block_content_line is not None:
        return shift(tree, display, content.block_content_line - 1)
    return pin(tree, Location(file=display, line=content.line))


def split_access(tree: ConfigNode) -> ConfigNode | None:
    """The access sections of a tree (users, profiles, quotas, roles) as a users-file tree, if any."""
    access = [relocate(c) for c in tree.children if c.tag in ACCESS_SECTIONS]
    if not access:
        return None
    return ConfigNode(tag=tree.tag, location=tree.location, children=access)
