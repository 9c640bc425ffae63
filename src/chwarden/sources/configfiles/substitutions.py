"""Apply `incl`, `from_env` and `from_zk` after merging, as the server does.

Environment values come only from the mapping the caller passes (never from this process's
environment, which belongs to the auditor, not to the server). ZooKeeper is never contacted: such
values are unknown and recorded as unresolved, as are environment variables the mapping lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigNode, relocate

TRUE_VALUES = frozenset({"1", "true", "yes"})


@dataclass(frozen=True)
class Unresolved:
    """A value the offline audit cannot know (or an include that was not found)."""

    path: str  # dotted path of the element
    kind: str  # from_env | from_zk | incl
    name: str  # variable, ZooKeeper path or include name
    location: Location
    value_unknown: bool = True  # False for a missing include: the element keeps its own content
    source: str = ""  # where the value was looked for (include file, environment, ZooKeeper)

    def __str__(self) -> str:
        outcome = "value unknown" if self.value_unknown else "kept as written"
        return f"{self.location}: {self.path}: {self.kind}={self.name!r} not found in {self.source} ({outcome})"


@dataclass
class Substituter:
    include_root: ConfigNode | None
    include_file: str
    env: Mapping[str, str]
    unresolved: list[Unresolved] = field(default_factory=list)

    def apply(self, node: ConfigNode, path: str = "") -> None:
        for child in list(node.children):
            child_path = f"{path}.{child.tag}" if path else child.tag
            if child.tag == "include" and ("incl" in child.attrs or "from_zk" in child.attrs):
                self._include_element(node, child, child_path)
                continue
            if not self._substitute(child, child_path):
                node.children.remove(child)  # an optional include that is absent drops the element
                continue
            self.apply(child, child_path)

    def _include_element(self, parent: ConfigNode, element: ConfigNode, path: str) -> None:
        """`<include incl="x"/>` is replaced by the included children; `from_zk` stays unknown."""
        index = parent.children.index(element)
        del parent.children[index]
        name = element.attrs.get("incl") or element.attrs.get("from_zk", "")
        included = self._lookup(name) if "incl" in element.attrs else None
        if included is None:
            kind = "incl" if "incl" in element.attrs else "from_zk"
            self._missing(element, path, kind, name)
            return
        parent.children[index:index] = [relocate(c) for c in included.children]

    def _substitute(self, node: ConfigNode, path: str) -> bool:
        """Apply the node's substitutions; False when the node must be dropped."""
        replace = "replace" in node.attrs
        if "incl" in node.attrs:
            included = self._lookup(node.attrs["incl"])
            if included is None and self._optional(node):
                return False
            if included is None:
                self._missing(node, path, "incl", node.attrs["incl"])
            else:
                if replace:
                    node.children, node.text = [], ""
                node.children.extend(relocate(c) for c in included.children)
                if included.text:
                    node.text, node.text_location = included.text, included.value_location
                node.attrs.update({k: v for k, v in included.attrs.items()})
        if "from_env" in node.attrs:
            name = node.attrs["from_env"]
            if name in self.env:
                node.children, node.text = [], self.env[name].strip()
                node.text_location = node.location
                node.unresolved = None
            elif not (replace and node.text):
                self._unknown(node, path, "from_env", name)
        if "from_zk" in node.attrs and not (replace and (node.text or node.children)):
            self._unknown(node, path, "from_zk", node.attrs["from_zk"])
        return True

    @staticmethod
    def _optional(node: ConfigNode) -> bool:
        return node.attrs.get("optional", "").lower() in TRUE_VALUES

    def _lookup(self, name: str) -> ConfigNode | None:
        if self.include_root is None:
            return None
        return self.include_root.find(name) if name else None

    def _missing(self, node: ConfigNode, path: str, kind: str, name: str) -> None:
        if self._optional(node):
            return
        if kind == "from_zk":
            self.unresolved.append(Unresolved(path, kind, name, node.location, True, "ZooKeeper"))
        else:
            self.unresolved.append(Unresolved(path, kind, name, node.location, False, self.include_file))

    def _unknown(self, node: ConfigNode, path: str, kind: str, name: str) -> None:
        node.unresolved = f"{kind}={name}"
        source = "the given environment" if kind == "from_env" else "ZooKeeper"
        self.unresolved.append(Unresolved(path, kind, name, node.location, True, source))
