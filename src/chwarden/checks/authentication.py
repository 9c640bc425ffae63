"""Authentication checks: who can log in, and how well their passwords are kept."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chwarden.analysis.deployment_reach import installation_only
from chwarden.analysis.principals import (
    allowed_from_any_host,
    anonymous_login_accepted,
    is_loopback_only,
    is_passwordless,
)
from chwarden.analysis.reach import SCOPE_LABELS, beyond_loopback, user_reach
from chwarden.analysis.versions import version_at_least
from chwarden.checks.fixes import is_xml_user, user_fix, users_d_xml, xml_users_era
from chwarden.checks.references import REF_CREATE_USER, REF_USERS
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import BCRYPT_SINCE, VALID_UNTIL_SINCE
from chwarden.clickhouse.sql import quote_ident
from chwarden.facts import FactMissing, Snapshot, UserFacts
from chwarden.model import Remediation, Severity

# The checks whose fix gives an account a password; findings that exist only while an account has
# none name them in ``fixed_by``.
PASSWORD_FIXES = ("default_user_without_password", "user_without_password", "empty_password_hash")
HASHED_AUTH = frozenset({"sha256_password", "double_sha1_password", "bcrypt_password", "scram_sha256_password"})
PASSWORD_AUTH = HASHED_AUTH | {"plaintext_password"}
NO_EXPIRY = frozenset({"", "0", "1970-01-01 00:00:00", "1970-01-01T00:00:00"})


def user_evidence(user: UserFacts, **extra: object) -> dict[str, object]:
    """What a user finding shows of the account: its auth types, storage, and the given extras."""
    evidence: dict[str, object] = {"auth_types": user.auth_types, "storage": user.storage}
    evidence.update({k: v for k, v in extra.items() if v not in (None, [], {})})
    return evidence


UNSALTED_IN_XML = (
    "users.xml can only hold an unsalted SHA-256: create the account with SQL instead (20.5+: CREATE USER ... "
    "IDENTIFIED WITH bcrypt_password, or sha256_password, which is salted), or keep users.xml and its "
    "preprocessed copy readable by the server only."
)


def _hash_fix(snapshot: Snapshot, user: UserFacts) -> Remediation:
    """Move a user to a salted, slow hash (bcrypt where the server has it)."""
    kind = "bcrypt_password" if version_at_least(snapshot, BCRYPT_SINCE) else "sha256_password"
    xml = users_d_xml(
        user.name,
        '<password remove="1"/>',
        '<password_double_sha1_hex remove="1"/>',
        '<no_password remove="1"/>',
        '<password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>',
    )
    return user_fix(
        snapshot,
        user,
        sql=f"ALTER USER {quote_ident(user.name)} IDENTIFIED WITH {kind} BY '<new strong password>';",
        xml=xml,
    )


@check(
    "default_user_without_password",
    title="The default user accepts logins without a password",
    severity=Severity.CRITICAL,
    category="authentication",
    rationale=(
        "Clients that send no credentials become `default`. With an empty password anyone who can reach "
        "a port can run queries as that user - the exact cause of the DeepSeek exposure."
    ),
    remediation=(
        "Give `default` a strong password hash (users.d/default-password.xml) or remove it and use named "
        "users; restrict its networks to loopback."
    ),
    references=(REF_USERS, "https://www.wiz.io/blog/wiz-research-uncovers-exposed-deepseek-database-leak"),
)
def default_user_without_password(snapshot: Snapshot) -> Iterator[Hit]:
    accepted = anonymous_login_accepted(snapshot)
    users = snapshot.users
    default = next((u for u in users or [] if u.name == "default"), None)
    if default is not None and is_passwordless(default):
        evidence: dict[str, object] = {"auth_types": default.auth_types, "storage": default.storage}
        if accepted:
            evidence["anonymous_login_accepted_on"] = accepted
        # Issue 21: a default limited to loopback or to the installation's own pods (the operator's
        # restriction) is reachable only from inside; serious, not the open-door critical.
        contained = not accepted and (is_loopback_only(default) or installation_only(snapshot, default))
        reach = user_reach(snapshot, default)
        severity = None
        if contained:
            evidence["networks"] = "loopback and the installation's own pods only"
            severity = Severity.MEDIUM
        elif reach is not None and not beyond_loopback(reach) and not accepted:
            # Issue 13: the server listens on loopback only, so only local processes get in; one
            # listen_host change away from the open door, not the open door itself.
            evidence["reachable_by"] = SCOPE_LABELS[reach]
            severity = Severity.HIGH
        yield Hit(
            resource="user:default",
            evidence=evidence,
            remediation=_default_password_fix(snapshot, default),
            severity=severity,
            location=default.password_location or default.location,
            confidence="proven" if accepted else None,
        )
        return
    if accepted and (default is None or default.password_empty is None):
        # Users are not visible (18.x over SQL), but the empty-password login itself is the proof.
        yield Hit(
            resource="user:default",
            evidence={
                "anonymous_login_accepted_on": accepted,
                "how": "logged in as default with no password",
            },
            remediation=_default_password_fix(snapshot, default),
            confidence="proven",
        )
        return
    if users is None and snapshot.anonymous_login is None:
        snapshot.need("users")


def _default_password_fix(snapshot: Snapshot, default: UserFacts | None) -> Remediation:
    xml = (
        "<!-- users.d/default-password.xml -->\n"
        "<clickhouse>\n  <users>\n    <default>\n"
        '      <password remove="1"/>\n'
        '      <password_sha256_hex><!-- echo -n "$PASSWORD" | sha256sum --></password_sha256_hex>\n'
        '      <networks replace="replace"><ip>::1</ip><ip>127.0.0.1</ip></networks>\n'
        "    </default>\n  </users>\n</clickhouse>"
    )
    sql = "ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>' HOST LOCAL;"
    if default is None:
        return Remediation(xml=xml) if xml_users_era(snapshot) else Remediation(sql=sql, xml=xml)
    # users.xml users are read-only to SQL: only the XML fix can work for them.
    return user_fix(snapshot, default, sql=sql, xml=xml)


def _empty_hash(user: UserFacts) -> bool:
    """An empty password hidden behind a hash (e.g. sha256 of the empty string)."""
    return bool(user.password_empty) and any(t in HASHED_AUTH for t in user.auth_types)


@check(
    "user_without_password",
    title="A user other than default logs in without a password",
    severity=Severity.HIGH,
    category="authentication",
    rationale=(
        "A passwordless account is an open door for everyone who can reach a port and is allowed by its "
        "networks; only the user name has to be guessed."
    ),
    remediation="Give the user a password (bcrypt or sha256) or drop it; restrict its hosts.",
    references=(REF_USERS, REF_CREATE_USER),
    needs=("users",),
)
def user_without_password(snapshot: Snapshot) -> Iterator[Hit]:
    for user in snapshot.need("users"):
        if user.name == "default" or not is_passwordless(user) or _empty_hash(user):
            continue
        severity = None
        reach = user_reach(snapshot, user)
        if is_loopback_only(user) or (reach is not None and not beyond_loopback(reach)):
            severity = Severity.MEDIUM  # only processes on the server host get in
        elif allowed_from_any_host(user):
            severity = Severity.CRITICAL
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(
                user, password_empty=user.password_empty, host_ip=user.host_ip, host_local=user.host_local
            ),
            remediation=_hash_fix(snapshot, user),
            severity=severity,
            location=user.password_location or user.location,
        )


@dataclass(frozen=True)
class WeakAuthType:
    """A password storage kind that is weaker than it looks."""

    id: str
    auth_type: str
    title: str
    severity: Severity
    rationale: str


WEAK_AUTH_TYPES = (
    WeakAuthType(
        "plaintext_password",
        "plaintext_password",
        "A user's password is stored in plain text",
        Severity.MEDIUM,
        "The password sits readable in users.xml, in the preprocessed config and in the access storage; "
        "anyone who reads a backup or a config file can log in.",
    ),
    WeakAuthType(
        "double_sha1_password",
        "double_sha1_password",
        "A user's password is stored as an unsalted double SHA-1",
        Severity.MEDIUM,
        "double_sha1 exists only for MySQL-protocol clients: it is unsalted and fast to crack, and with a "
        "sniffed MySQL handshake the stored hash is enough to log in.",
    ),
)


def _register_weak_auth(spec: WeakAuthType) -> None:
    @check(
        spec.id,
        title=spec.title,
        severity=spec.severity,
        category="authentication",
        rationale=spec.rationale,
        remediation="Re-create the password with bcrypt_password (23.5+) or sha256_password.",
        references=(REF_USERS, REF_CREATE_USER),
        needs=("users",),
    )
    def weak_auth(snapshot: Snapshot) -> Iterator[Hit]:
        for user in snapshot.need("users"):
            if spec.auth_type not in user.auth_types or user.password_empty:
                continue  # an empty password is reported by the passwordless checks
            yield Hit(
                resource=f"user:{user.name}",
                evidence=user_evidence(user, secrets=[s.redacted for s in user.secrets]),
                remediation=_hash_fix(snapshot, user),
                location=user.password_location or user.location,
            )


for _spec in WEAK_AUTH_TYPES:
    _register_weak_auth(_spec)


@check(
    "unsalted_sha256_password",
    title="A user's password hash is unsalted SHA-256",
    severity=Severity.LOW,
    category="authentication",
    rationale=(
        "users.xml `password_sha256_hex` and SQL `sha256_hash` without SALT store a fast, unsalted hash: "
        "a leaked config or access file can be cracked offline with precomputed tables."
    ),
    remediation="Use bcrypt_password (23.5+) or SQL-created sha256_password, which stores a random salt.",
    references=(REF_USERS, REF_CREATE_USER),
    needs=("users",),
)
def unsalted_sha256_password(snapshot: Snapshot) -> Iterator[Hit]:
    undecided: list[str] = []
    hits = 0
    for user in snapshot.need("users"):
        if "sha256_password" not in user.auth_types or user.password_empty:
            continue
        if user.sha256_salted is None and not is_xml_user(snapshot, user):
            undecided.append(user.name)
            continue
        if user.sha256_salted:
            continue
        hits += 1
        why = "sha256_salted is false" if user.sha256_salted is False else "users.xml hashes are never salted"
        in_xml = xml_users_era(snapshot) or is_xml_user(snapshot, user)
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(user, why=why),
            # a new password_sha256_hex would be just as unsalted (and change the password for nothing)
            remediation=Remediation(text=UNSALTED_IN_XML) if in_xml else _hash_fix(snapshot, user),
            location=user.password_location or user.location,
        )
    if undecided and not hits:
        raise FactMissing("users", f"salt of sha256 passwords not visible for {', '.join(undecided)}")


@check(
    "empty_password_hash",
    title="A user's password hash is the hash of an empty password",
    severity=Severity.HIGH,
    category="authentication",
    rationale=(
        "A hash such as sha256('') = e3b0c442...b855 looks like a password but lets anyone in with an empty "
        "one; reviewers skimming the config miss it."
    ),
    remediation="Replace the hash with the hash of a strong password.",
    references=(REF_USERS,),
    needs=("users",),
)
def empty_password_hash(snapshot: Snapshot) -> Iterator[Hit]:
    for user in snapshot.need("users"):
        if user.name == "default" or not _empty_hash(user):
            continue  # default is reported by default_user_without_password
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(user, password_empty=True),
            remediation=_hash_fix(snapshot, user),
            severity=Severity.CRITICAL if allowed_from_any_host(user) else None,
            location=user.password_location or user.location,
        )


@check(
    "password_without_expiry",
    title="A password never expires",
    severity=Severity.LOW,
    category="authentication",
    rationale="Passwords without VALID UNTIL are never rotated by force; leaked ones stay valid for ever.",
    remediation="Set VALID UNTIL on human accounts and rotate before it passes.",
    references=(REF_CREATE_USER,),
    needs=("users",),
)
def password_without_expiry(snapshot: Snapshot) -> Iterator[Hit]:
    users = snapshot.need("users")
    if snapshot.connection.kind == "config" or not snapshot.capabilities.has_sql_rbac:
        raise FactMissing("users", "password expiry is only visible in system.users of an RBAC server")
    if not version_at_least(snapshot, VALID_UNTIL_SINCE):
        raise FactMissing("server.version", "VALID UNTIL needs 23.9 or later (or the version is unknown)")
    for user in users:
        if is_xml_user(snapshot, user) or not any(t in PASSWORD_AUTH for t in user.auth_types):
            continue
        if (user.valid_until or "").strip() not in NO_EXPIRY:
            continue
        yield Hit(
            resource=f"user:{user.name}",
            evidence=user_evidence(user, valid_until=None),
            remediation=Remediation(sql=f"ALTER USER {quote_ident(user.name)} VALID UNTIL '<YYYY-MM-DD>';"),
            location=user.location,
        )
