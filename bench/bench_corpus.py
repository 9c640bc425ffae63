"""Score the offline audit on labelled config directories: per-check precision and recall.

Each directory of the corpus holds the files of one deployment and a ``labels.json``:

    {"description": "...", "source": "...", "hardened": false, "input": ".",
     "options": {"server_version": "18.16.1"},             # optional
     "expect": [{"check": "...", "resource": "user:default", "severity": "critical"}, ...],
     "absent": ["check_id", ...],                          # concept-level negatives (documentation)
     "not_checked": [{"check": "...", "resource": "input:listen_host"}, ...]}

``expect`` lists every finding of the scored checks the directory must produce (a resource may be an
``fnmatch`` pattern; severity is optional). A scored finding not listed is a false alarm; a listed one
not produced is a miss. Hardened directories must also have no high or critical finding of any check:
each one is listed. ``not_checked`` entries are scored the same way against the report's not_checked
entries that name a resource.

Run: .venv/bin/python bench/bench_corpus.py [--corpus tests/data/corpus] [--holdout-only | --dev-only]
Prints per-check precision/recall, severity agreement, the false alarms on hardened directories and
the time per directory (min of --rounds runs, with the machine load).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chwarden.audit import AuditOptions, audit_config
from chwarden.model import Report, Severity

# The checks the corpus labels completely (issue 13's concepts); other checks are not scored.
SCORED = (
    "passwordless_login_from_network",
    "user_allowed_from_any_host",
    "config_plaintext_secret",
    "well_known_password",
    "zookeeper_without_identity",
    "keeper_client_port_exposed",
    "keeper_four_letter_words_wide",
    "keeper_raft_without_tls",
    "dangerous_server_path",
    "readonly_not_enforced",
    "plaintext_ports_enabled",
    "grpc_without_tls",
    "no_query_masking_rules",
    "xml_user_with_access_management",
)
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    severity_ok: int = 0
    severity_labelled: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class DirResult:
    name: str
    hardened: bool
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    severe_on_hardened: list[str] = field(default_factory=list)
    wrong_severity: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load_labels(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    return data


def audit(directory: Path, labels: dict[str, Any]) -> Report:
    options = labels.get("options", {})
    report, _ = audit_config(
        str(directory / labels.get("input", ".")),
        AuditOptions(server_version=options.get("server_version"), env=options.get("env", {})),
    )
    return report


def _matches(label: dict[str, Any], check: str, resource: str) -> bool:
    return bool(label["check"] == check and fnmatch.fnmatchcase(resource, label["resource"]))


def score_dir(
    directory: Path, labels: dict[str, Any], report: Report, scores: dict[str, Score], result: DirResult
) -> None:
    expected = list(labels.get("expect", []))
    produced = [(f.check_id, f.resource, f.severity.value) for f in report.findings if f.check_id in SCORED]
    _score(expected, produced, scores, result)
    wanted_nc = [{**n, "check": f"not_checked:{n['check']}"} for n in labels.get("not_checked", [])]
    got_nc = [(f"not_checked:{n.check_id}", n.resource or "", "") for n in report.not_checked if n.resource]
    labelled_nc = {n["check"] for n in wanted_nc}
    # not_checked entries are scored for the checks a directory labels them for (others are not labelled)
    _score(wanted_nc, [g for g in got_nc if g[0] in labelled_nc], scores, result)
    if labels.get("hardened"):
        result.severe_on_hardened = [
            f"{f.severity.value} {f.check_id} {f.resource}"
            for f in report.findings
            if f.severity in (Severity.CRITICAL, Severity.HIGH)
        ]


def _score(
    expected: list[dict[str, Any]],
    produced: list[tuple[str, str, str]],
    scores: dict[str, Score],
    result: DirResult,
) -> None:
    unmatched = list(produced)
    for label in expected:
        hit = next((p for p in unmatched if _matches(label, p[0], p[1])), None)
        score = scores[label["check"]]
        if hit is None:
            score.fn += 1
            result.misses.append(f"{label['check']} {label['resource']}")
            continue
        unmatched.remove(hit)
        score.tp += 1
        if label.get("severity"):
            score.severity_labelled += 1
            if label["severity"] == hit[2]:
                score.severity_ok += 1
            else:
                result.wrong_severity.append(f"{hit[0]} {hit[1]}: {hit[2]} (labelled {label['severity']})")
    for check, resource, severity in unmatched:
        scores[check].fp += 1
        result.false_alarms.append(f"{severity} {check} {resource}".strip())


def corpus_dirs(corpus: Path, subset: str) -> list[Path]:
    dirs = sorted(p for p in corpus.iterdir() if (p / "labels.json").is_file())
    if subset == "all":
        return dirs
    holdout = subset == "holdout"
    return [d for d in dirs if bool(load_labels(d).get("holdout")) == holdout]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--holdout-only", action="store_true", help="only directories labelled holdout")
    group.add_argument("--dev-only", action="store_true", help="leave the holdout directories out")
    parser.add_argument("--rounds", type=int, default=3, help="audits per directory for the timing (min is shown)")
    args = parser.parse_args()
    subset = "holdout" if args.holdout_only else "dev" if args.dev_only else "all"
    dirs = corpus_dirs(args.corpus, subset)
    if not dirs:
        print(f"no labelled directories in {args.corpus} ({subset})", file=sys.stderr)
        return 2
    scores: dict[str, Score] = defaultdict(Score)
    results: list[DirResult] = []
    for directory in dirs:
        labels = load_labels(directory)
        result = DirResult(directory.name, bool(labels.get("hardened")))
        timings = []
        report = None
        for _ in range(max(1, args.rounds)):
            started = time.perf_counter()
            report = audit(directory, labels)
            timings.append(time.perf_counter() - started)
        assert report is not None
        result.seconds = min(timings)
        score_dir(directory, labels, report, scores, result)
        results.append(result)
    _print(args.corpus, subset, dirs, scores, results)
    bad = any(r.misses or r.false_alarms or r.severe_on_hardened for r in results)
    return 1 if bad else 0


def _print(corpus: Path, subset: str, dirs: list[Path], scores: dict[str, Score], results: list[DirResult]) -> None:
    hardened = sum(r.hardened for r in results)
    print(f"corpus {corpus} ({subset}): {len(dirs)} directories, {hardened} hardened; load {os.getloadavg()}")
    print(f"{'check':42} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8} {'severity':>9}")
    total = Score()
    for check in sorted(scores):
        s = scores[check]
        sev = f"{s.severity_ok}/{s.severity_labelled}" if s.severity_labelled else "-"
        print(f"{check:42} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.3f} {s.recall:8.3f} {sev:>9}")
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        total.severity_ok += s.severity_ok
        total.severity_labelled += s.severity_labelled
    print(
        f"{'ALL':42} {total.tp:4} {total.fp:4} {total.fn:4} {total.precision:10.3f} {total.recall:8.3f} "
        f"{total.severity_ok}/{total.severity_labelled:>5}"
    )
    print("\nhigh/critical findings on hardened directories (must be none):")
    severe = [(r.name, x) for r in results for x in r.severe_on_hardened]
    print("\n".join(f"  {name}: {x}" for name, x in severe) or "  none")
    print("false alarms of scored checks:")
    print("\n".join(f"  {r.name}: {x}" for r in results for x in r.false_alarms) or "  none")
    print("misses:")
    print("\n".join(f"  {r.name}: {x}" for r in results for x in r.misses) or "  none")
    print("severity differences:")
    print("\n".join(f"  {r.name}: {x}" for r in results for x in r.wrong_severity) or "  none")
    ms = sorted(r.seconds * 1000 for r in results)
    print(
        f"\noffline audit per directory: min {ms[0]:.1f} ms, median {statistics.median(ms):.1f} ms, "
        f"max {ms[-1]:.1f} ms (min of rounds)"
    )


if __name__ == "__main__":
    sys.exit(main())
