"""Side by side on the labelled corpus: chwarden discover vs detect-secrets and trufflehog3.

The corpus (tests/data/discover/corpus.py, both splits apart) is exported one file per column, so a file is a column;
each tool scans the directory and a column counts as "holds a secret" when the tool reports
anything in its file. Truth is the corpus labels of category ``secret``. Personal data and chat
content are left out: the other tools do not look for them.

The other tools are not chwarden dependencies. Install them apart from the project venv:
    pip install --target /tmp/benchlib detect-secrets==1.5.0 trufflehog3==3.0.10
    BENCH_TOOLS_PATH=/tmp/benchlib .venv/bin/python bench/bench_discover_tools.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.data.discover.corpus import build_corpus  # noqa: E402

from chwarden.discover import DiscoverOptions, discover_files, load_rules  # noqa: E402

SECRET_IDS = {d.id for d in load_rules().detectors if d.category == "secret"}


def export(directory: Path, split: str) -> dict[str, bool]:
    """One .log file per corpus column; returns file name -> holds a secret (truth)."""
    truth: dict[str, bool] = {}
    for table in build_corpus(split):  # type: ignore[arg-type]
        for column, values in table.columns.items():
            name = f"{table.name}__{column}.log"
            (directory / name).write_text("\n".join(values) + "\n", encoding="utf-8")
            truth[name] = bool(table.labels[column] & SECRET_IDS)
    return truth


def _tool(args: list[str], cwd: Path) -> tuple[str, float]:
    """Run a tool inside the export directory (detect-secrets ignores paths outside its cwd)."""
    env = {**os.environ, "PYTHONPATH": os.environ.get("BENCH_TOOLS_PATH", "")}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=600, cwd=cwd)
    return out.stdout, time.perf_counter() - started


def detect_secrets(directory: Path) -> tuple[set[str], float]:
    stdout, elapsed = _tool(["detect_secrets", "scan", "--all-files", "."], directory)
    results = json.loads(stdout)["results"]
    return {Path(path).name for path, found in results.items() if found}, elapsed


def trufflehog3(directory: Path) -> tuple[set[str], float]:
    stdout, elapsed = _tool(["trufflehog3", "--no-history", "--format", "json", "-z", "."], directory)
    return {Path(issue["path"]).name for issue in json.loads(stdout or "[]")}, elapsed


def chwarden(directory: Path) -> tuple[set[str], float]:
    started = time.perf_counter()
    paths = sorted(str(p) for p in directory.iterdir())
    result = discover_files(paths, DiscoverOptions(full=True, detectors=tuple(sorted(SECRET_IDS))))
    elapsed = time.perf_counter() - started
    return {Path(e.table).name for e in result.sensitive_data if e.category == "secret"}, elapsed


def scores(found: set[str], truth: dict[str, bool]) -> tuple[float, float]:
    positives = {name for name, secret in truth.items() if secret}
    tp = len(found & positives)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(positives) if positives else 1.0
    return precision, recall


def main() -> None:
    for split in ("dev", "holdout"):
        print(f"== {split} split")
        compare(split)


def compare(split: str) -> None:
    with tempfile.TemporaryDirectory(prefix="chwarden-bench-") as tmp:
        directory = Path(tmp)
        truth = export(directory, split)
        rows = [("chwarden discover", *chwarden(directory))]
        for name, tool in (("detect-secrets 1.5.0", detect_secrets), ("trufflehog3 3.0.10", trufflehog3)):
            try:
                rows.append((name, *tool(directory)))
            except (subprocess.SubprocessError, json.JSONDecodeError, KeyError) as exc:
                print(f"{name}: not run ({exc}); see the install line in this file's docstring")
        positives = sum(truth.values())
        print(f"{len(truth)} columns (files), {positives} hold secrets, {len(truth) - positives} do not")
        print(f"{'tool':<22} {'precision':>9} {'recall':>7} {'time s':>7}")
        for name, found, elapsed in rows:
            precision, recall = scores(found, truth)
            print(f"{name:<22} {precision:>9.3f} {recall:>7.3f} {elapsed:>7.2f}")


if __name__ == "__main__":
    main()
