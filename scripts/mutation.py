"""Mutation testing of chwarden's security-critical code: do the fast unit tests notice a bug?

mutmut (https://mutmut.readthedocs.io) makes one small change at a time ("mutant": ``<`` -> ``<=``,
``all`` -> ``any``, a string or number altered, an argument dropped...) in the functions listed in
``TARGETS`` and runs the unit tests that reach that function. A mutant the tests notice is killed;
one they do not notice has survived and points at a missing test (or is equivalent: a change that
cannot alter behaviour, listed with its reason in docs/mutation.md).

This is the one place that says what is mutated: after a module moves, update its path here.
It is not part of the default test run.

    .venv/bin/python scripts/mutation.py                      # every module, 8-20 min on 2 busy cores
    .venv/bin/python scripts/mutation.py --module guard       # one module (repeatable)
    .venv/bin/python scripts/mutation.py --list               # the modules and what they cover
    .venv/bin/python scripts/mutation.py --module redaction --diff   # show each survivor's change

mutmut works in a scratch copy (``build/mutation/``: src, tests and a generated pyproject section),
so the working tree is never modified. The exit code is 1 when a module scores below ``--min-score``.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKDIR = ROOT / "build" / "mutation"
# What the unit tests read besides src/ (the docs-are-current test runs scripts/ against docs/ and README).
ALSO_COPY = ("tests", "scripts", "docs", "README.md")
TESTS = "tests/unit"
# Tests that start a server or the embedded engine leave child processes mutmut's worker pool would
# reap as its own (and are not fast); the time limit of the hostile-config test does not hold under
# mutmut's instrumentation; the floor-plan tests read the source tree, where mutmut's copy of a module
# is many times its size. The mutation run leaves them out.
PYTEST_ARGS = [
    *("-p", "no:cacheprovider", "-q", "-x", "-m", "not server and not embedded"),
    *("--deselect", "tests/unit/test_hostile_configs.py::test_hostile_input_fails_clearly_and_quickly"),
    *("--deselect", "tests/unit/test_layers.py"),
]
KILLED, SURVIVED = "killed", "survived"
# mutmut's exit-code vocabulary for a mutant's test run (mutmut.stats.status_by_exit_code)
STATUS_BY_EXIT_CODE = {1: KILLED, 3: KILLED, 0: SURVIVED, 5: "no tests", 33: "no tests", 34: "skipped"}
TIMEOUT_CODES = frozenset({-24, 24, 152, 36})  # 255 (-1) is a crashed worker, not a verdict


@dataclass(frozen=True)
class Target:
    """A source file (relative to src/) and the functions of it that are mutated (None: all)."""

    path: str
    functions: tuple[str, ...] | None = None

    @property
    def module(self) -> str:
        return self.path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")

    def patterns(self) -> list[str]:
        """mutmut mutant-name globs: ``chwarden.redact.x_redact__mutmut_*``, methods ``xǁClassǁname__mutmut_*``."""
        if self.functions is None:
            return [f"{self.module}.*__mutmut_*"]
        return [f"{self.module}.{_mangle(f)}__mutmut_*" for f in self.functions]


def _mangle(function: str) -> str:
    cls, _, name = function.rpartition(".")
    return f"xǁ{cls}ǁ{name}" if cls else f"x_{name}"


# Module group -> files (and functions) it covers. Keep these paths in step with the package layout.
TARGETS: dict[str, tuple[Target, ...]] = {
    "guard": (Target("chwarden/connect/guard.py"), Target("chwarden/connect/lexer.py")),
    "redaction": (Target("chwarden/redact.py"),),
    "validators": (Target("chwarden/discover/validators.py"),),
    "predicates": (
        Target(
            "chwarden/analysis/principals.py",
            (
                "is_passwordless",
                "allowed_from_any_host",
                "anonymous_login_accepted",
                "_admin_users",
                "session_user",
                "session_is_passwordless",
                "roles_of_user",
                "_role_grant_index",
                "role_members",
                "_accepted_admin",
                "grantee_is_accepted_admin",
                "can_select",
                "is_loopback_only",
            ),
        ),
        Target("chwarden/analysis/server_config.py"),
        Target("chwarden/analysis/versions.py"),
        Target("chwarden/clickhouse/config_keys.py", ("ignored_key",)),
        Target("chwarden/checks/fixes.py", ("xml_users_era", "is_xml_user")),
    ),
    "advisories": (
        Target("chwarden/advisories/matching.py"),
        Target("chwarden/clickhouse/version.py"),
        Target("chwarden/advisories/data.py", ("policy_severity", "parse_month")),
    ),
    "attack_paths": (Target("chwarden/assess/paths.py"),),
    "config_merge": (
        Target("chwarden/sources/configfiles/tree_merge.py"),
        Target("chwarden/sources/configfiles/substitutions.py"),
        Target("chwarden/sources/merge.py"),
        Target("chwarden/sources/configfiles/loader.py", ("merge_files",)),
    ),
    "exit_codes": (
        Target("chwarden/cli/common.py", ("fail", "exit_code_for")),
        Target("chwarden/cli/__init__.py", ("main",)),
        Target("chwarden/cli/assess.py", ("_exit_code",)),
    ),
}


def prepare(workdir: Path, targets: list[Target]) -> None:
    """A fresh scratch copy of src/ and tests/ with mutmut's configuration (nothing else is read)."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for tree in ("src", *ALSO_COPY):
        source = ROOT / tree
        if source.is_dir():
            shutil.copytree(source, workdir / tree, ignore=ignore)
        else:
            shutil.copy2(source, workdir / tree)
    only = ", ".join(json.dumps(f"src/{t.path}") for t in targets)
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = [{only}]\n"
        f'pytest_add_cli_args_test_selection = ["{TESTS}"]\n'
        f"pytest_add_cli_args = {json.dumps(PYTEST_ARGS)}\n"
        f"also_copy = [{', '.join(json.dumps(p) for p in ALSO_COPY)}]\n"
        "use_git_change_detection = false\n"
    )
    (workdir / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8") + config)


def run_mutmut(workdir: Path, patterns: list[str], jobs: int) -> None:
    """Run mutmut in the scratch copy; its (spinner-heavy) output goes to mutmut.log there."""
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut), "run", "--max-children", str(jobs), *patterns]
    log = workdir / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=workdir, check=False, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").replace("\r", "\n").splitlines()[-25:]
        print("\n".join(tail), file=sys.stderr)
        sys.exit(f"mutmut failed (exit {result.returncode}); its output is in {log}")


def results(workdir: Path, target: Target) -> dict[str, str]:
    """Status per mutant of the target's selected functions, from mutmut's per-file meta data."""
    meta = workdir / "mutants" / "src" / (target.path + ".meta")
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    patterns = target.patterns()
    out: dict[str, str] = {}
    for name, code in codes.items():
        if any(fnmatch.fnmatchcase(name, p) for p in patterns):
            out[name] = "timeout" if code in TIMEOUT_CODES else STATUS_BY_EXIT_CODE.get(code, "not run")  # type: ignore[arg-type]
    return out


_DIFF_SNIPPET = """
import sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
for name in sys.argv[1:]:
    print("@@@@ " + name)
    print(get_diff_for_mutant(name, path=find_mutant(name).path))
"""


def diffs(workdir: Path, mutants: list[str]) -> dict[str, str]:
    """The change each mutant makes (one mutmut process for all of them; `mutmut show` takes a second each)."""
    shown = subprocess.run(
        [sys.executable, "-c", _DIFF_SNIPPET, *mutants], cwd=workdir, capture_output=True, text=True, check=False
    )
    out: dict[str, str] = {}
    for chunk in shown.stdout.split("@@@@ ")[1:]:
        name, _, text = chunk.partition("\n")
        changed = [line for line in text.splitlines() if line[:1] in "+-" and not line.startswith(("---", "+++"))]
        out[name.strip()] = "\n".join(changed)
    return out


def score(statuses: dict[str, str]) -> float:
    """Killed (and timed-out) mutants over every mutant the tests reach; a mutant no test reaches counts as survived."""
    tested = [s for s in statuses.values() if s != "skipped"]
    caught = sum(1 for s in tested if s in (KILLED, "timeout"))
    return 100.0 * caught / len(tested) if tested else 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--module", action="append", choices=sorted(TARGETS), help="only this module (repeatable)")
    parser.add_argument("--list", action="store_true", help="print the modules and their files, then stop")
    parser.add_argument("--diff", action="store_true", help="print the change each surviving mutant makes")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel mutants (default: cores)")
    parser.add_argument("--min-score", type=float, default=90.0, help="exit 1 when a module scores below (%%)")
    parser.add_argument("--no-run", action="store_true", help="report the last run in --workdir again, run nothing")
    parser.add_argument("--workdir", type=Path, default=WORKDIR, help="scratch directory (default: build/mutation)")
    args = parser.parse_args()
    args.workdir = args.workdir.resolve()
    modules = args.module or sorted(TARGETS)
    if args.list:
        for name in modules:
            for t in TARGETS[name]:
                print(f"{name:13} src/{t.path}" + (f": {', '.join(t.functions)}" if t.functions else ""))
        return 0
    if not Path(sys.executable).with_name("mutmut").exists():
        sys.exit("mutmut is not installed: .venv/bin/pip install -e '.[test]'")
    targets = [t for name in modules for t in TARGETS[name]]
    started = time.monotonic()
    if not args.no_run:
        prepare(args.workdir, targets)
        run_mutmut(args.workdir, [p for t in targets for p in t.patterns()], args.jobs)
    elapsed = time.monotonic() - started
    print(f"\nmutation score per module (mutmut, tests: {TESTS}, {elapsed:.0f} s, load {os.getloadavg()[0]:.1f})")
    failed = False
    survivors: list[str] = []
    for name in modules:
        statuses: dict[str, str] = {}
        for t in TARGETS[name]:
            statuses.update(results(args.workdir, t))
        value = score(statuses)
        failed = failed or value < args.min_score
        caught = sum(1 for s in statuses.values() if s in (KILLED, "timeout"))
        print(f"  {name:13} {value:5.1f} %  ({caught}/{len(statuses)} killed)")
        survivors += sorted(m for m, s in statuses.items() if s not in (KILLED, "timeout", "skipped"))
    if survivors:
        print(f"\nsurviving mutants ({len(survivors)}; equivalent ones are explained in docs/mutation.md):")
        changes = diffs(args.workdir, survivors) if args.diff else {}
        for mutant in survivors:
            print(f"  {mutant}")
            if mutant in changes:
                print("    " + changes[mutant].replace("\n", "\n    "))
    print(
        f"\ninspect one: cd {args.workdir.relative_to(ROOT) if args.workdir.is_relative_to(ROOT) else args.workdir}"
        " && ../../.venv/bin/mutmut show NAME"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
