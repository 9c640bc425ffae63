"""How much disk a chwarden install takes: the base install and with the embedded engine (`[embedded]`).

Walks the dependency closure of the installed ``chwarden`` distribution (its requirements, their
requirements...) in the current environment and adds up the size of every file each distribution
installed (its RECORD). ``chwarden`` itself is counted at the size of the wheel's contents.

    .venv/bin/python scripts/install_size.py
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

_NAME = re.compile(r"[-_.]+")


def canonical(name: str) -> str:
    return _NAME.sub("-", name).lower()


def closure(root: str, extras: tuple[str, ...] = ()) -> set[str]:
    """The distributions ``root[extras]`` pulls in (installed ones only), ``root`` included."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(root, extras)]
    while todo:
        name, wanted = todo.pop()
        key = canonical(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(key)
        for text in dist.requires or []:
            requirement = Requirement(text)
            environment = {"extra": ""}
            matches = requirement.marker is None or requirement.marker.evaluate(environment)
            matches = matches or any(requirement.marker.evaluate({"extra": e}) for e in wanted)
            if matches:
                todo.append((requirement.name, tuple(requirement.extras)))
    return seen


def installed_bytes(name: str) -> int:
    dist = metadata.distribution(name)
    total = 0
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if path.is_file() and "__editable__" not in path.name:
            total += path.stat().st_size
    if canonical(name) == "chwarden":  # an editable install: count the package as a wheel would
        package = Path(__file__).resolve().parents[1] / "src" / "chwarden"
        total += sum(p.stat().st_size for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return total


def main() -> None:
    for label, extras in (("base install", ()), ("with the embedded engine ([embedded])", ("embedded",))):
        names = sorted(closure("chwarden", extras))
        sizes = {n: installed_bytes(n) for n in names}
        total = sum(sizes.values())
        biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
        shown = ", ".join(f"{n} {b / 1e6:.1f} MB" for n, b in biggest)
        print(f"{label}: {total / 1e6:.1f} MB in {len(names)} distributions (largest: {shown})")


if __name__ == "__main__":
    main()
