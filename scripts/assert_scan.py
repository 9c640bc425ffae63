"""List test oracles that can pass without checking much (not part of the test run).

Two kinds, found with the ast module:
- loop-only: a test whose every assert sits inside a for/while loop, so it passes on empty input;
- weak: ``assert x`` on a bare name, attribute or subscript, ``assert x is not None`` and
  ``assert len(x)``: true for almost any value, where an exact expected value usually exists.

    .venv/bin/python scripts/assert_scan.py [tests/]

Each line is ``path:line: kind: source``. A weak assert stays when nothing stronger is known (say so
next to it); the exit code is the number of loop-only tests (0 when none), weak ones only inform.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path


def _is_weak(test: ast.expr) -> bool:
    if isinstance(test, ast.Name | ast.Attribute | ast.Subscript):
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot):
        right = test.comparators[0]
        return isinstance(right, ast.Constant) and right.value is None
    return isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "len"


def _asserts(node: ast.AST, in_loop: bool = False) -> Iterator[tuple[ast.Assert, bool]]:
    """Every assert under ``node`` (not inside nested functions) and whether a loop encloses it."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(child, ast.Assert):
            yield child, in_loop
        yield from _asserts(child, in_loop or isinstance(child, ast.For | ast.While | ast.AsyncFor))


def scan(path: Path) -> Iterator[tuple[int, str, str]]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef) or not func.name.startswith("test"):
            continue
        found = list(_asserts(func))
        if found and all(in_loop for _a, in_loop in found):
            yield func.lineno, "loop-only", func.name
        for node, _in_loop in found:
            if _is_weak(node.test):
                yield node.lineno, "weak", ast.get_source_segment(source, node) or ""


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tests")
    loop_only = 0
    for path in sorted(root.rglob("test_*.py")):
        for line, kind, text in scan(path):
            loop_only += kind == "loop-only"
            print(f"{path}:{line}: {kind}: {text.splitlines()[0]}")
    return min(loop_only, 100)


if __name__ == "__main__":
    sys.exit(main())
