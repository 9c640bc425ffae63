"""Issue 13's labelled corpus: every directory produces exactly its labelled findings of the scored checks.

The directories (tests/data/corpus, each with labels.json) are written for chwarden in the shapes of
documentation examples, Helm charts, operator manifests and compose recipes; hardened twins sit next
to the ones that trigger. ``bench/bench_corpus.py`` scores the same labels (precision/recall per
check); this test keeps them exact, so a regression shows up in the test run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "bench_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()
DIRS = sorted(p.name for p in CORPUS.iterdir() if (p / "labels.json").is_file())


def test_corpus_is_large_and_has_hardened_twins() -> None:
    labels = [SCORER.load_labels(CORPUS / d) for d in DIRS]
    assert len(DIRS) >= 30
    assert sum(bool(x.get("hardened")) for x in labels) >= 10
    assert {s.split(" ")[0] for x in labels for s in [x["source"]]}  # every directory says where its shape is from


@pytest.mark.parametrize("name", DIRS)
def test_labelled_findings_exactly(name: str) -> None:
    directory = CORPUS / name
    labels = SCORER.load_labels(directory)
    report = SCORER.audit(directory, labels)
    result = SCORER.DirResult(name, bool(labels.get("hardened")))
    SCORER.score_dir(directory, labels, report, SCORER.defaultdict(SCORER.Score), result)
    assert result.misses == [], result.misses
    assert result.false_alarms == [], result.false_alarms
    assert result.wrong_severity == [], result.wrong_severity
    assert result.severe_on_hardened == [], result.severe_on_hardened
