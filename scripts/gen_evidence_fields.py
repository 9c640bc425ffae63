"""Write src/chwarden/checks/evidence_fields.json: the evidence keys each check's findings carry.

`chwarden explain CHECK_ID` lists them. Two sources, united:
* the check's code, read with ``ast``: keys of the dict given as ``evidence=`` to ``Hit``, of dicts
  assigned to a variable named ``evidence`` (and ``evidence["key"] = ...``), keyword names passed to
  a helper that builds the evidence (``user_evidence(user, host_names=...)``), dicts the helpers
  return, followed through the helpers the check calls in its own module or in ``checks/`` (three
  levels deep);
* the findings chwarden reports on the config directories and deployments in ``tests/data``: keys
  spread in from computed dicts (``**_catalogue(snapshot)``) only show up there.

``--check`` exits 1 when the file is not current (the test suite runs it).
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import sys
import textwrap
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chwarden.audit import AuditOptions, audit_config  # noqa: E402
from chwarden.checks.registry import all_checks  # noqa: E402

OUT = REPO / "src" / "chwarden" / "checks" / "evidence_fields.json"
CORPUS = (REPO / "tests" / "data" / "configs", REPO / "tests" / "data" / "deployments")
MAX_DEPTH = 3


def _string_keys(node: ast.Dict) -> list[str]:
    return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]


class _Reader:
    """Evidence keys a function builds, following the helpers it calls."""

    def __init__(self) -> None:
        self.trees: dict[str, dict[str, ast.FunctionDef]] = {}

    def functions(self, module: ModuleType) -> dict[str, ast.FunctionDef]:
        if module.__name__ not in self.trees:
            tree = ast.parse(inspect.getsource(module))
            self.trees[module.__name__] = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        return self.trees[module.__name__]

    def keys(self, node: ast.AST, module: ModuleType, depth: int = 0) -> list[str]:
        found: list[str] = []
        helpers: set[str] = set()
        for n in ast.walk(node):
            if isinstance(n, ast.keyword) and n.arg == "evidence":
                found += self._value_keys(n.value, helpers)
            elif isinstance(n, (ast.Assign, ast.AnnAssign)):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                if any(isinstance(t, ast.Name) and t.id == "evidence" for t in targets) and n.value is not None:
                    found += self._value_keys(n.value, helpers)
            elif isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store):
                if isinstance(n.value, ast.Name) and n.value.id == "evidence" and isinstance(n.slice, ast.Constant):
                    found.append(str(n.slice.value))
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                helpers.add(n.func.id)
            elif depth and isinstance(n, ast.Return) and isinstance(n.value, ast.Dict):
                found += self._value_keys(n.value, helpers)  # a helper that returns (part of) the evidence
        if depth < MAX_DEPTH:
            for name in sorted(helpers):
                function = self._find(name, module)
                if function is not None:
                    found += self.keys(function[0], function[1], depth + 1)
        return found

    def _value_keys(self, value: ast.AST, helpers: set[str]) -> list[str]:
        if isinstance(value, ast.Dict):
            for spread in (v for k, v in zip(value.keys, value.values, strict=True) if k is None):
                if isinstance(spread, ast.Call) and isinstance(spread.func, ast.Name):
                    helpers.add(spread.func.id)
            return _string_keys(value)
        if isinstance(value, ast.Call):
            if isinstance(value.func, ast.Name):
                helpers.add(value.func.id)
            return [k.arg for k in value.keywords if k.arg]
        return []

    def _find(self, name: str, module: ModuleType) -> tuple[ast.FunctionDef, ModuleType] | None:
        if name in self.functions(module):
            return self.functions(module)[name], module
        imported = getattr(module, name, None)
        home = sys.modules.get(getattr(imported, "__module__", "") or "")
        if home is not None and home.__name__.startswith("chwarden.checks") and name in self.functions(home):
            return self.functions(home)[name], home
        return None


def from_code() -> dict[str, list[str]]:
    reader = _Reader()
    fields: dict[str, list[str]] = {}
    for chk in all_checks():
        module = sys.modules[chk.func.__module__]
        tree = ast.parse(textwrap.dedent(inspect.getsource(chk.func)))
        fields[chk.meta.id] = reader.keys(tree, module)
    return fields


def from_corpus() -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for root in CORPUS:
        for directory in sorted(p for p in root.iterdir() if p.is_dir()):
            report, _ = audit_config(str(directory), AuditOptions())
            for finding in report.findings:
                fields.setdefault(finding.check_id, []).extend(finding.evidence)
    return fields


def generate() -> dict[str, list[str]]:
    code, corpus = from_code(), from_corpus()
    return {cid: sorted(set(keys) | set(corpus.get(cid, []))) for cid, keys in sorted(code.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is not current")
    args = parser.parse_args()
    text = json.dumps(generate(), indent=1, sort_keys=True) + "\n"
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(REPO)} is not current: run python scripts/gen_evidence_fields.py")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    empty = [cid for cid, keys in json.loads(text).items() if not keys]
    print(f"wrote {OUT.relative_to(REPO)}: {len(json.loads(text))} checks, {len(empty)} without fields {empty}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
