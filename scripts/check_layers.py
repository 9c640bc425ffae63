"""Check that chwarden's imports follow its floor plan: `python3 scripts/check_layers.py`.

Reads every module under ``src/chwarden`` with ``ast`` (standard library only, no import of the
package) and fails when

* a package imports one on a higher floor, or a peer on its own floor (peers stay independent, so
  no import circle between packages can form);
* a package is not placed on the plan (a new package must be given its floor here first);
* modules import each other in a circle, inside a package or across packages (the one allowed circle
  is the check registry's self-registration, ``SELF_REGISTRATION`` below);
* an import inside a function has no reason comment (on its line or the line above): function-level
  imports are kept only where they keep a heavy or optional dependency lazy, and say so;
* a module in ``checks/`` is longer than ``MAX_CHECKS_MODULE_LINES``.

It prints the counts it measured either way. ``--root DIR`` checks another copy of the tree (the
test suite uses it to prove that an upward import added on purpose makes it fail).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "chwarden"

# The floor plan, bottom first. A package may import packages on lower floors only; packages on one
# floor are peers and never import each other. "chwarden" is the root module (__version__ only).
FLOORS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("root", ("chwarden", "errors"), 'the version string; InputError, the one error meaning "bad input"'),
    ("input files", ("inputfiles",), "capped reads of the files a user names (password, snapshot, lists)"),
    ("connect", ("connect",), "talking to servers: transports and the read-only guard"),
    ("clickhouse", ("clickhouse",), "what each ClickHouse version reads, supports and defaults to"),
    ("contract", ("model", "redact"), "the report contract; secret redaction"),
    ("facts", ("facts",), "the snapshot types sources fill and checks read"),
    ("knowledge", ("advisories", "analysis"), "advisory data; pure analysis of facts (access model, names)"),
    ("sources", ("sources", "store"), "all I/O that turns a target into facts; chwarden's own findings store"),
    ("checks", ("checks",), "the check registry, the judge and the checks"),
    ("detection", ("detect",), "detection rules as data over a target's own logs, their judges, log reliability"),
    ("output", ("report", "suppress"), "report renderers; suppression files"),
    ("commands", ("audit", "scan", "discover", "remediate"), "the commands, each independent of the others"),
    ("composite commands", ("assess",), "commands built from other commands"),
    ("watching", ("watch", "investigate"), "continuous watch (audit, discover, detection, drift); investigate"),
    ("dashboard", ("serve",), "the web dashboard over the findings store (never connects to a target)"),
    ("showcase", ("demo",), "the demo, built on assess and watch"),
    ("cli", ("cli",), "the command line: options, output, exit codes"),
    ("entry", ("__main__",), "python -m chwarden"),
)
# The check registry imports the module that imports every built-in check, and each check module
# imports the registry to register itself: the one circle the plan accepts.
SELF_REGISTRATION = frozenset({"chwarden.checks.registry", "chwarden.checks.builtin"})
MAX_CHECKS_MODULE_LINES = 400


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported module (resolved to a module of the tree)
    line: int
    function_level: bool
    reason: bool  # a comment explains a function-level import


@dataclass(frozen=True)
class LocalImport:
    """An import statement inside a function (of any module, ours or a library)."""

    module: str
    line: int
    reason: bool


@dataclass
class Tree:
    modules: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    local_imports: list[LocalImport] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def floor_of() -> dict[str, int]:
    return {pkg: index for index, (_name, packages, _what) in enumerate(FLOORS) for pkg in packages}


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(modules: dict[str, Path], name: str) -> str | None:
    """The longest module of the tree that ``name`` is or lies in."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _statements(tree: ast.Module) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement of a module with whether it lies inside a function.

    An import is a statement, so only statement bodies are walked, never the expressions in them
    (a lambda holds no statement): a tenth of the nodes of ``ast.walk``, which took seconds here.
    """
    pending: list[tuple[ast.AST, bool]] = [(tree, False)]
    while pending:
        node, in_function = pending.pop()
        if isinstance(node, ast.stmt):
            yield node, in_function
        nested = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for body in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, body, None)
            if isinstance(children, list):
                pending.extend((child, nested) for child in reversed(children))


def _has_reason(source_lines: list[str], node: ast.stmt) -> bool:
    first = node.lineno - 1
    last = (node.end_lineno or node.lineno) - 1
    if any("#" in source_lines[i] for i in range(first, last + 1)):
        return True
    return first > 0 and source_lines[first - 1].strip().startswith("#")


def read_tree(root: Path) -> Tree:
    tree = Tree()
    paths = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    for path in paths:
        tree.modules[module_name(root, path)] = path
    for path in paths:
        module = module_name(root, path)
        text = path.read_text(encoding="utf-8")
        source_lines = text.splitlines()
        tree.lines[module] = len(source_lines)
        syntax = ast.parse(text, filename=str(path))
        is_package = path.name == "__init__.py"
        for node, function_level in _statements(syntax):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = module.split(".") if is_package else module.split(".")[:-1]
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # `from pkg import sub` imports the submodule when there is one
                names = [f"{base}.{alias.name}" for alias in node.names] if base else []
            reason = _has_reason(source_lines, node) if function_level else True
            if function_level:
                tree.local_imports.append(LocalImport(module, node.lineno, reason))
            for name in names:
                if name != PACKAGE and not name.startswith(PACKAGE + "."):
                    continue
                target = resolve(tree.modules, name)
                if target is None or target == module:
                    continue
                tree.imports.append(Import(module, target, node.lineno, function_level, reason))
    return tree


def upward_imports(tree: Tree) -> tuple[list[str], list[str]]:
    """(imports that break the plan, packages the plan does not place)."""
    floors = floor_of()
    problems: dict[tuple[str, str], str] = {}
    unplaced = sorted({package_of(m) for m in tree.modules} - set(floors))
    for imp in tree.imports:
        src, dst = package_of(imp.source), package_of(imp.target)
        if src == dst or src not in floors or dst not in floors:
            continue
        if floors[dst] > floors[src]:
            kind = "upward"
        elif floors[dst] == floors[src]:
            kind = "peer"
        else:
            continue
        problems.setdefault(
            (imp.source, imp.target),
            f"{kind} import: {imp.source} (line {imp.line}, floor {FLOORS[floors[src]][0]}) -> "
            f"{imp.target} (floor {FLOORS[floors[dst]][0]})",
        )
    return list(problems.values()), unplaced


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(graph.get(start, ())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, pending = work[-1]
            if pending:
                nxt = pending.pop(0)
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def circles(tree: Tree) -> tuple[list[list[str]], list[list[str]]]:
    """(circles between packages, circles between modules other than the registry's)."""
    packages: dict[str, set[str]] = {}
    modules: dict[str, set[str]] = {}
    for imp in tree.imports:
        src, dst = package_of(imp.source), package_of(imp.target)
        if src != dst:
            packages.setdefault(src, set()).add(dst)
        modules.setdefault(imp.source, set()).add(imp.target)
    between_modules = [c for c in _cycles(modules) if not _only_self_registration(c, modules)]
    return _cycles(packages), between_modules


def _only_self_registration(component: list[str], graph: dict[str, set[str]]) -> bool:
    """The circle closes only through the registry loading the built-in check modules."""
    if not set(component) >= SELF_REGISTRATION:
        return False
    trimmed = {m: {t for t in graph.get(m, ()) if t in component} for m in component}
    trimmed["chwarden.checks.registry"].discard("chwarden.checks.builtin")
    return not _cycles(trimmed)


def report(tree: Tree) -> int:
    problems, unplaced = upward_imports(tree)
    package_circles, module_circles = circles(tree)
    unexplained = [i for i in tree.local_imports if not i.reason]
    long_checks = sorted(
        (lines, m)
        for m, lines in tree.lines.items()
        if m.startswith(f"{PACKAGE}.checks.") and lines > MAX_CHECKS_MODULE_LINES
    )
    for line in problems:
        print(line)
    for pkg in unplaced:
        print(f"package not on the floor plan: {PACKAGE}.{pkg} (add it to FLOORS in scripts/check_layers.py)")
    for c in package_circles:
        print("circle between packages: " + " <-> ".join(c))
    for c in module_circles:
        print("circle between modules: " + " <-> ".join(c))
    for imp in unexplained:
        print(f"function-level import without a reason comment: {imp.module} line {imp.line}")
    for lines, module in long_checks:
        print(f"{module} has {lines} lines (checks modules stay under {MAX_CHECKS_MODULE_LINES})")
    largest = sorted(((n, m) for m, n in tree.lines.items()), reverse=True)[:5]
    print(
        f"{len(tree.modules)} modules, {len(tree.imports)} imports inside {PACKAGE}: "
        f"{sum(1 for p in problems if p.startswith('upward'))} upward, "
        f"{sum(1 for p in problems if p.startswith('peer'))} between peers, "
        f"{len(package_circles)} circles between packages, {len(module_circles)} between modules, "
        f"{len(tree.local_imports)} function-level import statements ({len(unexplained)} without a reason); "
        "largest modules: " + ", ".join(f"{m.removeprefix(PACKAGE + '.')} {n}" for n, m in largest)
    )
    failed = problems or unplaced or package_circles or module_circles or unexplained or long_checks
    return 1 if failed else 0


def print_plan() -> None:
    for name, packages, what in reversed(FLOORS):
        print(f"{name:<20} {', '.join(packages):<38} {what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO / "src" / PACKAGE, help="the chwarden package directory")
    parser.add_argument("--plan", action="store_true", help="print the floor plan and exit")
    args = parser.parse_args(argv)
    if args.plan:
        print_plan()
        return 0
    return report(read_tree(args.root))


if __name__ == "__main__":
    sys.exit(main())
