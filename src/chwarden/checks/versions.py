"""Version checks: known vulnerabilities, release lines out of support, and pre-22.12 secret display.

All three judge only ``snapshot.server.version`` against the bundled advisory data. The audit date
is the snapshot's collection date, so a saved snapshot is judged as of when it was taken; every
finding says how old the advisory data was at that point.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from chwarden.checks.references import REF_SECURITY_CHANGELOG, REF_SECURITY_POLICY
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.version import Version, parse_version
from chwarden.facts import FactMissing, Snapshot
from chwarden.model import Remediation, Severity

if TYPE_CHECKING:
    from chwarden.advisories.matching import Assessment, SupportStatus

SECRETS_MASKING_ADVISORY = "CHW-2022-SECRETS-MASKING"
ALTINITY_NOTE = (
    "Altinity build: matched by its version number; the vendor may carry extra backports, "
    "check Altinity's release notes before dismissing."
)


def required_version(snapshot: Snapshot) -> Version:
    """The parsed OSS version of the target, or FactMissing saying why it cannot be judged."""
    raw = snapshot.server.version
    if not raw:
        reason = snapshot.gaps.get("server", "the server did not report it")
        raise FactMissing("server", f"version unknown ({reason})")
    version = parse_version(raw)
    if version is None:
        raise FactMissing("server", f"version unknown: {raw!r} is not a ClickHouse version string")
    if version.is_cloud:
        raise FactMissing(
            "server",
            f"version {raw} is unknown (cloud): Cloud versions do not map onto OSS releases",
        )
    return version


def audit_date(snapshot: Snapshot) -> date:
    """The day the facts were collected (today when the snapshot does not say)."""
    if snapshot.collected_at:
        try:
            return datetime.fromisoformat(snapshot.collected_at.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    return date.today()


def freshness(as_of: date) -> dict[str, Any]:
    from chwarden.advisories import bundled_data, data_age_days  # lazy: advisory data only once a version is known

    return {
        "advisory_data_date": bundled_data().data_date.isoformat(),
        "advisory_data_age_days": data_age_days(as_of),
    }


@check(
    "vulnerable_version",
    title="The server version has a known vulnerability",
    severity=Severity.HIGH,
    category="versions",
    rationale=(
        "Published ClickHouse vulnerabilities include pre-authentication crashes and memory corruption on "
        "the native and HTTP ports; a server that is reachable and unpatched can be taken down or worse "
        "without any credentials."
    ),
    remediation="Upgrade to the fixed build on the same release line, or to a supported release.",
    references=(REF_SECURITY_CHANGELOG, REF_SECURITY_POLICY),
)
def vulnerable_version(snapshot: Snapshot) -> Iterator[Hit]:
    version = required_version(snapshot)
    from chwarden.advisories.matching import assessments, support_status  # lazy: see freshness

    as_of = audit_date(snapshot)
    support = support_status(version, as_of)
    for found in assessments(version):
        if found.advisory.check is None:
            yield _advisory_hit(version, found, support, as_of)


def _advisory_hit(version: Version, found: Assessment, support: SupportStatus, as_of: date) -> Hit:
    from chwarden.advisories.matching import Status  # lazy: see freshness

    adv = found.advisory
    possibly = found.status is Status.POSSIBLY_AFFECTED
    evidence: dict[str, Any] = {
        "version": str(version),
        "advisory": adv.id,
        "aliases": list(adv.aliases),
        "summary": adv.summary,
        "component": adv.component,
        "pre_auth": adv.pre_auth,
        "cvss": adv.cvss,
        "status": found.status.value,
        "fixed_in": _fixed_in_text(version, found),
        "fixed_lines": adv.fixed_lines,
        "references": list(adv.references),
        **freshness(as_of),
    }
    if found.nearest_fixed and found.fixed_in is None:
        evidence["nearest_fixed_build"] = found.nearest_fixed
    if adv.notes:
        evidence["notes"] = adv.notes
    if version.is_altinity:
        evidence["vendor_note"] = ALTINITY_NOTE
    title = f"{'Possibly affected by' if possibly else 'Vulnerable to'} {adv.id}: {adv.title}"
    return Hit(
        resource=f"advisory:{adv.id}",
        evidence=evidence,
        severity=adv.severity,
        title=title,
        remediation=Remediation(text=_upgrade_advice(version, found, support)),
    )


def _fixed_in_text(version: Version, found: Assessment) -> str:
    from chwarden.advisories.matching import UPGRADE_TO_SUPPORTED, Status  # lazy: see freshness

    if found.fixed_in:
        return found.fixed_in
    if found.status is Status.POSSIBLY_AFFECTED:
        return f"backported to {version.line} at a patch level not in the bundled data"
    return UPGRADE_TO_SUPPORTED


def _supported_target(support: SupportStatus) -> str:
    lts = support.newest_lts[0] if support.newest_lts else None
    newest = support.newest_releases[0] if support.newest_releases else None
    if lts and newest and lts != newest:
        return f"the latest {lts} LTS build (or {newest})"
    return f"the latest {lts or newest} build"


def _upgrade_advice(version: Version, found: Assessment, support: SupportStatus) -> str:
    from chwarden.advisories.matching import Status  # lazy: see freshness

    adv, line = found.advisory, version.line
    target = _supported_target(support)
    if found.fixed_in:
        advice = f"Upgrade to {found.fixed_in} or later on the {line} line."
        if support.known and not support.supported:
            advice += f" {line} no longer receives security fixes, so prefer {target}."
        return advice
    if found.status is Status.POSSIBLY_AFFECTED:
        return (
            f"{adv.id} was fixed on the {line} line at a patch level chwarden does not know: check "
            f"the {line} release notes for the fix, or upgrade to {target}."
        )
    advice = f"The {line} line got no fix for {adv.id}; upgrade to {target}."
    if found.nearest_fixed:
        advice += f" The oldest build with the fix is {found.nearest_fixed}."
    return advice


@check(
    "unsupported_release_line",
    title="The server runs a release line that no longer gets security fixes",
    severity=Severity.HIGH,
    category="versions",
    rationale=(
        "ClickHouse backports security fixes only to the three newest releases and the two newest LTS "
        "lines (.3 and .8). Anything older stays vulnerable to every issue found from now on."
    ),
    remediation="Upgrade to the newest LTS line (or one of the three newest releases).",
    references=(REF_SECURITY_POLICY,),
)
def unsupported_release_line(snapshot: Snapshot) -> Iterator[Hit]:
    version = required_version(snapshot)
    from chwarden.advisories.matching import support_status  # lazy: see freshness

    as_of = audit_date(snapshot)
    support = support_status(version, as_of)
    if support.supported:
        return
    yield Hit(
        resource=f"release:{version.line}",
        evidence={
            "version": str(version),
            "branch": version.line,
            "supported_lines": list(support.supported_lines),
            "newest_lts": list(support.newest_lts),
            "newest_releases": list(support.newest_releases),
            "as_of": as_of.isoformat(),
            "support_window_projected": support.projected,
            "reason": support.reason,
            **freshness(as_of),
        },
        remediation=Remediation(
            text=(
                f"Upgrade from {version.line} to {_supported_target(support)}. Read the backward-"
                "incompatible changes of every release in between, and move across years in LTS steps."
            )
        ),
    )


@check(
    "secrets_not_masked_by_version",
    title="The server version shows engine and table-function passwords in SHOW CREATE and logs",
    severity=Severity.MEDIUM,
    category="versions",
    rationale=(
        "Before 22.12 ClickHouse did not hide credentials in table engine, table function and dictionary "
        "definitions: SHOW CREATE, system.tables and the query/text logs print them verbatim to anyone "
        "allowed to see the table or read the logs."
    ),
    remediation=(
        "Upgrade to a supported release (22.12 or later masks these secrets), move credentials into named "
        "collections or server config, and rotate every credential that appeared in DDL or logs."
    ),
    references=("https://github.com/ClickHouse/ClickHouse/pull/43227",),
)
def secrets_not_masked_by_version(snapshot: Snapshot) -> Iterator[Hit]:
    version = required_version(snapshot)
    from chwarden.advisories import assess, bundled_data  # lazy: see freshness

    advisory = bundled_data().advisory(SECRETS_MASKING_ADVISORY)
    found = assess(advisory, version)
    if not found.applies:
        return
    as_of = audit_date(snapshot)
    evidence: dict[str, Any] = {
        "version": str(version),
        "advisory": advisory.id,
        "fixed_in": advisory.first_fixed,
        "summary": advisory.summary,
        **freshness(as_of),
    }
    seen = _credentials_in_definitions(snapshot)
    if seen is not None:
        evidence["credentials_in_definitions"] = seen
    yield Hit(resource=f"advisory:{advisory.id}", evidence=evidence)


def _credentials_in_definitions(snapshot: Snapshot) -> int | None:
    """How many (redacted) credentials the snapshot saw in DDL; None when nothing was collected."""
    collections = (snapshot.tables, snapshot.databases, snapshot.dictionaries)
    if all(items is None for items in collections):
        return None
    return sum(len(item.secrets) for items in collections for item in items or [])
