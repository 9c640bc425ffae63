"""Merge one config tree into another the way the server's ConfigProcessor does.

Children are paired by identity (tag plus attributes other than replace/remove/substitutions);
repeated tags pair up in order, so a later ``<listen_host>`` overwrites the first earlier one
rather than adding to the list. ``replace`` swaps the node, ``remove`` deletes it, anything
unmatched is appended. A merged element takes the text of the later file (an empty later element
clears the value), and that text remembers the later file's line.
"""

from __future__ import annotations

from chwarden.sources.configfiles.tree import ConfigError, ConfigNode, relocate

ROOT_TAGS = frozenset({"clickhouse", "yandex", "config"})
SUBSTITUTION_ATTRS = ("incl", "from_zk", "from_env")
_NOT_IDENTITY = frozenset({"replace", "remove", *SUBSTITUTION_ATTRS})

Identity = tuple[str, tuple[tuple[str, str], ...]]


def identity(node: ConfigNode) -> Identity:
    return node.tag, tuple(sorted((k, v) for k, v in node.attrs.items() if k not in _NOT_IDENTITY))


def check_root(base: ConfigNode, other: ConfigNode) -> None:
    """Roots must agree; `<clickhouse>`, `<yandex>` and `<config>` count as the same root."""
    if base.tag != other.tag and not (base.tag in ROOT_TAGS and other.tag in ROOT_TAGS):
        raise ConfigError(f"{other.location}: root element <{other.tag}> does not match <{base.tag}> of the main file")


def merge_into(base: ConfigNode, other: ConfigNode) -> None:
    """Merge ``other`` (a later file, or a node of it) into ``base`` in place."""
    unmatched: dict[Identity, list[ConfigNode]] = {}
    for child in base.children:
        unmatched.setdefault(identity(child), []).append(child)
    if base.text or other.text or (base.is_leaf and other.is_leaf):
        # A later file that writes a leaf sets its value, even to the same empty value: the value's
        # location is then that file's line (`<password></password>` in a mounted users.d file).
        base.text = other.text
        base.text_location = other.text_location or other.location
        base.unresolved = other.unresolved
    for incoming in other.children:
        remove = "remove" in incoming.attrs
        replace = "replace" in incoming.attrs
        if remove and replace:
            raise ConfigError(f"{incoming.location}: <{incoming.tag}> has both remove and replace attributes")
        candidates = unmatched.get(identity(incoming))
        if candidates:
            target = candidates.pop(0)
            index = next(i for i, c in enumerate(base.children) if c is target)
            if remove:
                del base.children[index]
            elif replace:
                replacement = relocate(incoming)
                replacement.attrs.pop("replace", None)
                base.children[index] = replacement
            else:
                target.attrs.update(incoming.attrs)
                merge_into(target, incoming)
        elif not remove:
            base.children.append(relocate(incoming))
