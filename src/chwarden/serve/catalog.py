"""The catalogues the dashboard lets people search: checks, discover's detectors, detection rules.

Built once from the same sources as ``chwarden checks``, ``chwarden detectors`` and ``chwarden
rules`` (the check registry, ``discover/rules.json``, ``detect/rules.yaml`` and the log checks), so
the pages never disagree with the command line. Search is a case-insensitive match of every word
of the query against an entry's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chwarden.checks.registry import iter_metas
from chwarden.detect.catalog import load_rules as load_detection_rules
from chwarden.detect.reliability import HEALTH_CHECKS
from chwarden.discover import load_rules as load_detectors
from chwarden.report._common import is_plain_url

KINDS = {"checks": "Checks", "detectors": "Detectors", "rules": "Detection rules"}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    severity: str
    group: str  # check category, detector category, ATT&CK technique
    description: str
    details: tuple[tuple[str, str], ...] = ()
    links: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        details = (value for _, value in self.details)
        return " ".join([self.id, self.title, self.severity, self.group, self.description, *details])


@lru_cache(maxsize=1)
def catalogues() -> dict[str, tuple[Entry, ...]]:
    checks = tuple(
        Entry(
            m.id,
            m.title,
            m.severity.value,
            m.category,
            m.rationale,
            (("Fix", m.remediation), ("Needs", ", ".join(m.needs) or "-")),
            tuple(r for r in m.references if is_plain_url(r)),
        )
        for m in iter_metas()
    )
    detectors = tuple(
        Entry(
            d.id,
            d.title,
            d.severity.value,
            d.category,
            f"Pattern {d.pattern}",
            (("Validator", d.validator), ("Keywords", ", ".join(d.keywords) or "-")),
        )
        for d in load_detectors().detectors
    )
    rules = tuple(
        Entry(
            r.id,
            r.title,
            r.severity.value,
            f"{r.technique.id} {r.technique.name}",
            r.description,
            (("Reads", ", ".join(sorted({v.log or r.log for v in r.variants}))), ("Grouped by", ", ".join(r.group_by))),
        )
        for r in load_detection_rules()
    ) + tuple(
        Entry(h.id, h.title, h.severity.value, "log reliability", h.description, (("Reads", "system log metadata"),))
        for h in HEALTH_CHECKS
    )
    return {"checks": checks, "detectors": detectors, "rules": rules}


def search(kind: str, query: str) -> list[Entry]:
    entries = catalogues().get(kind, ())
    words = query.lower().split()
    return [e for e in entries if all(w in e.text.lower() for w in words)]
