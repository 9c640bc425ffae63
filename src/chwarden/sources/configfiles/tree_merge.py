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
    if not node.attrs:
        return node.tag, ()
    return node.tag, tuple(sorted((k, v) for k, v in node.attrs.items() if k not in _NOT_IDENTITY))


def check_root(base: ConfigNode, other: ConfigNode) -> None:
    """Roots must agree; `<clickhouse>`, `<yandex>` and `<config>` count as the same root."""
    if base.tag != other.tag and not (base.tag in ROOT_TAGS and other.tag in ROOT_TAGS):
        raise ConfigError(f"{other.location}: root element <{other.tag}> does not match <{base.tag}> of the main file")


class _ChildIndex:
    """One node's children by identity, and where each sits, kept current across merges."""

    def __init__(self, node: ConfigNode) -> None:
        self.node = node  # held, so no id() in the cache is reused while it lives
        self.by_identity: dict[Identity, list[ConfigNode]] = {}
        self.position: dict[int, int] = {}
        self.rebuild()

    def rebuild(self) -> None:
        self.by_identity.clear()
        self.position.clear()
        for place, child in enumerate(self.node.children):
            self.by_identity.setdefault(identity(child), []).append(child)
            self.position[id(child)] = place


MergeCache = dict[int, _ChildIndex]


def _index_of(node: ConfigNode, cache: MergeCache) -> _ChildIndex:
    found = cache.get(id(node))
    if found is None or found.node is not node:
        found = cache[id(node)] = _ChildIndex(node)
    return found


def merge_into(base: ConfigNode, other: ConfigNode, cache: MergeCache | None = None) -> None:
    """Merge ``other`` (a later file, or a node of it) into ``base`` in place.

    ``cache`` keeps each node's child index from one merge to the next, so merging many files in
    a row (users.d with 100,000 users in 100 files) costs what the files hold, not what the tree
    already holds; it is only valid while nothing else changes the tree (``loader`` merges its
    files in one go).
    """
    cache = {} if cache is None else cache
    index = _index_of(base, cache)
    if base.text or other.text or (base.is_leaf and other.is_leaf):
        # A later file that writes a leaf sets its value, even to the same empty value: the value's
        # location is then that file's line (`<password></password>` in a mounted users.d file).
        base.text = other.text
        base.text_location = other.text_location or other.location
        base.unresolved = other.unresolved
    used: dict[Identity, int] = {}  # candidates of each identity consumed by this file, in order
    removed: list[ConfigNode] = []
    added: list[ConfigNode] = []
    for incoming in other.children:
        remove = "remove" in incoming.attrs
        replace = "replace" in incoming.attrs
        if remove and replace:
            raise ConfigError(f"{incoming.location}: <{incoming.tag}> has both remove and replace attributes")
        key = identity(incoming)
        candidates = index.by_identity.get(key, [])
        turn = used.get(key, 0)
        if turn < len(candidates):
            used[key] = turn + 1
            target = candidates[turn]
            if remove:
                removed.append(target)
            elif replace:
                replacement = relocate(incoming)
                replacement.attrs.pop("replace", None)
                place = index.position.pop(id(target))
                base.children[place] = replacement
                index.position[id(replacement)] = place
                candidates[turn] = replacement
            else:
                target.attrs.update(incoming.attrs)
                merge_into(target, incoming, cache)
        elif not remove:
            added.append(relocate(incoming))
    if removed:
        gone = {id(node) for node in removed}
        base.children = [c for c in base.children if id(c) not in gone]
    base.children.extend(added)
    if removed:
        index.rebuild()
    else:
        for place, child in enumerate(added, len(base.children) - len(added)):
            index.by_identity.setdefault(identity(child), []).append(child)
            index.position[id(child)] = place
