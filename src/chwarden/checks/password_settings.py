"""Server-wide password settings: which password types CREATE USER accepts and stores, and bcrypt."""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.analysis.server_config import config_value, is_true
from chwarden.analysis.versions import version_at_least
from chwarden.checks.fixes import is_xml_user, xml_fragment, xml_users_era
from chwarden.checks.references import REF_CREATE_USER, REF_SERVER_SETTINGS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import BCRYPT_SINCE, INSECURE_PASSWORD_DEFAULTS_JUDGED_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import FactMissing, Snapshot, UserFacts
from chwarden.model import Remediation, Severity
from chwarden.redact import fingerprint

INSECURE_TYPE_SWITCHES = ("allow_plaintext_password", "allow_no_password", "allow_implicit_no_password")


def _unredacted_switch(value: str) -> str:
    """A 0/1 switch whose name contains `password` may reach us redacted by a config source;
    its fingerprint still tells which boolean it was (a switch is not a secret)."""
    if "(redacted, sha256:" not in value:
        return value
    known = {fingerprint(v): v for v in ("0", "1", "true", "false")}
    return known.get(value.rsplit("sha256:", 1)[-1].rstrip(")"), value)


@check(
    "insecure_password_types_allowed",
    title="The server lets administrators create plaintext or passwordless users",
    severity=Severity.MEDIUM,
    category="authentication",
    rationale=(
        "allow_plaintext_password, allow_no_password and allow_implicit_no_password default to true: any "
        "`CREATE USER x` without IDENTIFIED silently becomes a passwordless account."
    ),
    remediation="Set the three switches to 0 in config.d (existing users keep working; fix them separately).",
    references=(REF_SERVER_SETTINGS, REF_CREATE_USER),
)
def insecure_password_types_allowed(snapshot: Snapshot) -> Iterator[Hit]:
    for name in INSECURE_TYPE_SWITCHES:
        value = config_value(snapshot, name)
        if value is None:
            supported = version_at_least(snapshot, INSECURE_PASSWORD_DEFAULTS_JUDGED_SINCE)
            if supported is None:
                raise FactMissing("server.version", f"{name} is unset and the version is unknown")
            if not supported:
                continue
            evidence: dict[str, object] = {"setting": name, "value": None, "default": "1"}
        elif is_true(_unredacted_switch(value.value)):
            evidence = {"setting": name, "value": _unredacted_switch(value.value)}
        else:
            continue
        yield Hit(
            resource=f"setting:{name}",
            evidence=evidence,
            remediation=Remediation(xml=xml_fragment(f"<{name}>0</{name}>")),
            location=value.location if value else None,
        )


@check(
    "weak_default_password_type",
    title="IDENTIFIED BY stores new passwords in a weak form",
    severity=Severity.MEDIUM,
    category="authentication",
    rationale=(
        "default_password_type decides how `CREATE USER ... IDENTIFIED BY 'x'` stores the password; "
        "plaintext_password or double_sha1_password make every new account weak."
    ),
    remediation="Set default_password_type to bcrypt_password (or sha256_password).",
    references=(REF_SERVER_SETTINGS, REF_CREATE_USER),
)
def weak_default_password_type(snapshot: Snapshot) -> Iterator[Hit]:
    value = config_value(snapshot, "default_password_type")
    if value is None or value.value.strip().lower() in ("", "bcrypt_password", "sha256_password"):
        return  # unset means sha256_password
    yield Hit(
        resource="setting:default_password_type",
        evidence={"value": value.value},
        remediation=Remediation(xml=xml_fragment("<default_password_type>bcrypt_password</default_password_type>")),
        location=value.location,
    )


def _bcrypt_supported(snapshot: Snapshot, users: list[UserFacts]) -> bool:
    if any("bcrypt_password" in u.auth_types for u in users):
        return True
    supported = version_at_least(snapshot, BCRYPT_SINCE)
    if supported is not None:
        return supported
    config = snapshot.server_config or {}
    if "bcrypt_workfactor" in config or "default_password_type" in config:
        return True
    raise FactMissing("server.version", "cannot tell whether the server supports bcrypt_password")


@check(
    "bcrypt_not_used",
    title="Passwords use fast hashes although the server supports bcrypt",
    severity=Severity.INFO,
    category="authentication",
    rationale=(
        "Since 23.5 ClickHouse can store passwords with bcrypt, which makes offline cracking of a leaked "
        "access storage orders of magnitude slower than SHA-256 or plain text."
    ),
    remediation="Set default_password_type=bcrypt_password and re-create passwords with bcrypt_password.",
    references=(REF_CREATE_USER, REF_SERVER_SETTINGS),
    needs=("users",),
)
def bcrypt_not_used(snapshot: Snapshot) -> Iterator[Hit]:
    users = snapshot.need("users")
    # users.xml users cannot hold bcrypt at all: unsalted_sha256_password and friends advise on them
    weak = {
        u.name: t
        for u in users
        for t in u.auth_types
        if t in ("sha256_password", "plaintext_password", "double_sha1_password")
        and not u.password_empty
        and not is_xml_user(snapshot, u)
    }
    if not weak or not _bcrypt_supported(snapshot, users):
        return
    names = sorted(weak)
    sql = "\n".join(
        f"ALTER USER {quote_ident(n)} IDENTIFIED WITH bcrypt_password BY '<new strong password>';" for n in names
    )
    yield Hit(
        resource="setting:default_password_type",
        evidence={"users": {n: weak[n] for n in names}},
        remediation=Remediation(
            sql=None if xml_users_era(snapshot) else sql,
            xml=xml_fragment("<default_password_type>bcrypt_password</default_password_type>"),
        ),
        severity=Severity.LOW if "plaintext_password" in weak.values() else None,
    )
