"""Safe YAML composition with a bound on what aliases expand to, not on how many there are.

PyYAML composes an alias as a second reference to the anchored node, so composing is linear in the
file; the danger is a reader that expands those references (a "billion laughs" document stands for
10^9 nodes). Real compose files use hundreds of plain anchors (``x-logging: &logging``) whose
expansion stays small, so a count of aliases refuses them while saying nothing about the cost.
Instead, the expanded size of a composed document is computed once, shared nodes memoised, before
anything is converted: a document whose expansion exceeds the bound is refused, whatever its
number of aliases. The same pass bounds nesting depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from chwarden.sources.configfiles.tree import ConfigError


class ComposingLoader(yaml.SafeLoader):
    """The safe loader, used only to compose (tags resolved, nothing constructed)."""


def new_loader(data: bytes, display: str) -> ComposingLoader:
    """A loader over ``data``; PyYAML already reads (and may refuse) the first characters here."""
    try:
        return ComposingLoader(data)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{display}: malformed YAML ({getattr(exc, 'problem', None) or exc})") from None


class ExpansionTooLarge(Exception):
    """The document stands for more nodes than the bound once its aliases are expanded."""


class BadNesting(Exception):
    """Nesting past the depth bound, or an alias inside the node it refers to (a cycle)."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def expanded_size(node: Node, limit: int, max_depth: int) -> int:
    """Nodes ``node`` stands for with every alias expanded; raises past ``limit`` or ``max_depth``.

    Iterative (post-order) with a memo keyed by node identity, so a shared node is sized once and a
    document nested past Python's recursion limit cannot crash the sizing itself.
    """
    sizes: dict[int, int] = {}
    visiting: set[int] = set()  # nodes whose subtree is being sized: meeting one again is a cycle
    stack: list[tuple[Node, int, bool]] = [(node, 0, False)]
    while stack:
        current, depth, expanded = stack.pop()
        key = id(current)
        if key in sizes:
            continue
        if depth > max_depth:
            raise BadNesting(current.start_mark.line + 1, f"YAML nested deeper than {max_depth} levels")
        children = _children(current)
        if not expanded and children:
            visiting.add(key)
            stack.append((current, depth, True))
            for child in children:
                if id(child) in visiting:
                    raise BadNesting(child.start_mark.line + 1, "recursive YAML alias (a node contains itself)")
                if id(child) not in sizes:
                    stack.append((child, depth + 1, False))
            continue
        visiting.discard(key)
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        if total > limit:
            raise ExpansionTooLarge(str(total))
        sizes[key] = total
    return sizes.get(id(node), 1)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


@contextmanager
def yaml_errors(display: str, loader: yaml.SafeLoader, limit: int) -> Iterator[None]:
    """Turn every YAML failure (expansion, syntax, depth) into one ConfigError line; free the loader."""
    try:
        yield
    except ExpansionTooLarge:
        raise ConfigError(f"{display}: YAML aliases expand to more than {limit} nodes (alias bomb?)") from None
    except BadNesting as exc:
        raise ConfigError(f"{display}:{exc.line}: {exc.problem}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{display}{line}: malformed YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{display}: malformed YAML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{display}: YAML nested too deeply") from None
    finally:
        loader.dispose()
