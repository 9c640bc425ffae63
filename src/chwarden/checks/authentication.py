"""Authentication checks: who can log in, and how well their passwords are kept."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chwarden.checks.deployment_reach import installation_only
from chwarden.checks.helpers import (
    admin_users,
    allowed_from_any_host,
    anonymous_login_accepted,
    config_value,
    is_loopback_only,
    is_passwordless,
    is_true,
    is_xml_user,
    quote_ident,
    user_fix,
    users_d_xml,
    users_or_missing,
    version_at_least,
    xml_fragment,
    xml_users_era,
)
from chwarden.checks.registry import Hit, check
from chwarden.facts import FactMissing, Snapshot, UserFacts
from chwarden.model import Remediation, Severity
from chwarden.redact import fingerprint
from chwarden.remediate.features import BCRYPT_SINCE

REF_USERS = "https://clickhouse.com/docs/operations/settings/settings-users"
REF_CREATE_USER = "https://clickhouse.com/docs/sql-reference/statements/create/user"
REF_ACCESS = "https://clickhouse.com/docs/operations/access-rights"
REF_SERVER_SETTINGS = "https://clickhouse.com/docs/operations/server-configuration-parameters/settings"
REF_NAMED_COLLECTIONS = "https://clickhouse.com/docs/operations/named-collections"

HASHED_AUTH = frozenset({"sha256_password", "double_sha1_password", "bcrypt_password", "scram_sha256_password"})
PASSWORD_AUTH = HASHED_AUTH | {"plaintext_password"}
VALID_UNTIL_SINCE = (23, 9)  # CREATE USER ... VALID UNTIL
NO_EXPIRY = frozenset({"", "0", "1970-01-01 00:00:00", "1970-01-01T00:00:00"})


def _user_evidence(user: UserFacts, **extra: object) -> dict[str, object]:
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
        if contained:
            evidence["networks"] = "loopback and the installation's own pods only"
        yield Hit(
            resource="user:default",
            evidence=evidence,
            remediation=_default_password_fix(snapshot, default),
            severity=Severity.MEDIUM if contained else None,
            location=default.password_location or default.location,
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
        )
        return
    if users is None and snapshot.anonymous_login is None:
        users_or_missing(snapshot)


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
)
def user_without_password(snapshot: Snapshot) -> Iterator[Hit]:
    for user in users_or_missing(snapshot):
        if user.name == "default" or not is_passwordless(user) or _empty_hash(user):
            continue
        severity = None
        if allowed_from_any_host(user):
            severity = Severity.CRITICAL
        elif is_loopback_only(user):
            severity = Severity.MEDIUM
        yield Hit(
            resource=f"user:{user.name}",
            evidence=_user_evidence(
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
    )
    def weak_auth(snapshot: Snapshot) -> Iterator[Hit]:
        for user in users_or_missing(snapshot):
            if spec.auth_type not in user.auth_types or user.password_empty:
                continue  # an empty password is reported by the passwordless checks
            yield Hit(
                resource=f"user:{user.name}",
                evidence=_user_evidence(user, secrets=[s.redacted for s in user.secrets]),
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
)
def unsalted_sha256_password(snapshot: Snapshot) -> Iterator[Hit]:
    undecided: list[str] = []
    hits = 0
    for user in users_or_missing(snapshot):
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
            evidence=_user_evidence(user, why=why),
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
)
def empty_password_hash(snapshot: Snapshot) -> Iterator[Hit]:
    for user in users_or_missing(snapshot):
        if user.name == "default" or not _empty_hash(user):
            continue  # default is reported by default_user_without_password
        yield Hit(
            resource=f"user:{user.name}",
            evidence=_user_evidence(user, password_empty=True),
            remediation=_hash_fix(snapshot, user),
            severity=Severity.CRITICAL if allowed_from_any_host(user) else None,
            location=user.password_location or user.location,
        )


INSECURE_TYPE_SWITCHES = ("allow_plaintext_password", "allow_no_password", "allow_implicit_no_password")
INSECURE_TYPES_SINCE = (22, 10)  # approximate first release with these switches


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
            supported = version_at_least(snapshot, INSECURE_TYPES_SINCE)
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
)
def bcrypt_not_used(snapshot: Snapshot) -> Iterator[Hit]:
    users = users_or_missing(snapshot)
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


@check(
    "xml_user_with_access_management",
    title="A users.xml user can manage all access (access_management=1)",
    severity=Severity.HIGH,
    category="authentication",
    rationale=(
        "An XML user with access_management is an RBAC super-admin that SQL cannot revoke or audit in the "
        "access storage; keep at most one such break-glass account, reachable only from loopback."
    ),
    remediation="Set access_management to 0 for every XML user except one loopback-only break-glass admin.",
    references=(REF_ACCESS, REF_USERS),
)
def xml_user_with_access_management(snapshot: Snapshot) -> Iterator[Hit]:
    managers = [u for u in users_or_missing(snapshot) if (u.access_management or _has_xml_admin_grant(snapshot, u))]
    managers = [u for u in managers if is_xml_user(snapshot, u)]
    local = sorted((u for u in managers if is_loopback_only(u) and not is_passwordless(u)), key=lambda u: u.name)
    exempt = local[0].name if local else None
    for user in managers:
        if user.name == exempt:
            continue
        yield Hit(
            resource=f"user:{user.name}",
            evidence=_user_evidence(
                user,
                access_management=True,
                loopback_only=is_loopback_only(user),
                host_ip=user.host_ip,
                break_glass_admin=exempt,
            ),
            remediation=Remediation(xml=users_d_xml(user.name, "<access_management>0</access_management>")),
            severity=Severity.MEDIUM if is_loopback_only(user) else None,
            location=user.location,
        )


def _has_xml_admin_grant(snapshot: Snapshot, user: UserFacts) -> bool:
    """Live servers show access_management=1 as a global ALL grant with grant option."""
    if user.access_management is not None:
        return False
    return user.name in admin_users(snapshot) and any(
        g.user_name == user.name and g.access_type == "ALL" and g.grant_option for g in snapshot.grants or []
    )


@check(
    "named_collection_secrets_shown",
    title="A user is allowed to see named-collection secrets",
    severity=Severity.MEDIUM,
    category="authentication",
    rationale=(
        "show_named_collections_secrets=1 lets the user read the credentials stored in named collections "
        "(S3 keys, database passwords) in clear text."
    ),
    remediation="Set show_named_collections_secrets to 0 (and keep it off for application users).",
    references=(REF_NAMED_COLLECTIONS, REF_USERS),
)
def named_collection_secrets_shown(snapshot: Snapshot) -> Iterator[Hit]:
    users = users_or_missing(snapshot)
    if all(u.show_named_collections_secrets is None for u in users):
        raise FactMissing("users", "show_named_collections_secrets is only known from users.xml")
    for user in users:
        if not user.show_named_collections_secrets:
            continue
        yield Hit(
            resource=f"user:{user.name}",
            evidence=_user_evidence(user, show_named_collections_secrets=True),
            remediation=user_fix(
                snapshot,
                user,
                sql=f"REVOKE SHOW NAMED COLLECTIONS SECRETS ON *.* FROM {quote_ident(user.name)};",
                xml=users_d_xml(user.name, "<show_named_collections_secrets>0</show_named_collections_secrets>"),
            ),
            location=user.location,
        )


@check(
    "dns_based_host_restriction",
    title="A user's allowed hosts depend on DNS names",
    severity=Severity.LOW,
    category="authentication",
    rationale=(
        "host_names / host_regexp are checked through (reverse) DNS, which an attacker controlling a PTR "
        "record or resolver can spoof; a regexp without `$` also matches longer, attacker-chosen names."
    ),
    remediation="Restrict users by IP/CIDR; if names are unavoidable, anchor regexps with ^ and $.",
    references=(REF_USERS, REF_CREATE_USER),
)
def dns_based_host_restriction(snapshot: Snapshot) -> Iterator[Hit]:
    # The Altinity operator's own pattern for the installation's pods (issue 21): in-cluster DNS the
    # operator controls, added to every user; not a choice the CR author made.
    operator_patterns = set(snapshot.deployment.installation_hosts) if snapshot.deployment else set()
    for user in users_or_missing(snapshot):
        names = [h for h in user.host_names if h.strip().lower() != "localhost"]
        likes = [p for p in user.host_names_like if p.strip() != "%"]
        regexps = [
            r
            for r in user.host_names_regexp
            if r.strip() not in (".*", "^.*$", ".+", "^.*") and r not in operator_patterns
        ]
        if not (names or likes or regexps):
            continue
        unanchored = [r for r in regexps if not r.rstrip().endswith("$")]
        yield Hit(
            resource=f"user:{user.name}",
            evidence=_user_evidence(
                user,
                host_names=names,
                host_names_like=likes,
                host_names_regexp=regexps,
                unanchored_regexps=unanchored,
            ),
            remediation=user_fix(
                snapshot,
                user,
                sql=f"ALTER USER {quote_ident(user.name)} HOST IP '<client network/CIDR>';",
                xml=users_d_xml(user.name, '<networks replace="replace"><ip>CLIENT_NETWORK/CIDR</ip></networks>'),
            ),
            severity=Severity.MEDIUM if unanchored else None,
            location=user.location,
        )


@check(
    "password_without_expiry",
    title="A password never expires",
    severity=Severity.LOW,
    category="authentication",
    rationale="Passwords without VALID UNTIL are never rotated by force; leaked ones stay valid for ever.",
    remediation="Set VALID UNTIL on human accounts and rotate before it passes.",
    references=(REF_CREATE_USER,),
)
def password_without_expiry(snapshot: Snapshot) -> Iterator[Hit]:
    users = users_or_missing(snapshot)
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
            evidence=_user_evidence(user, valid_until=None),
            remediation=Remediation(sql=f"ALTER USER {quote_ident(user.name)} VALID UNTIL '<YYYY-MM-DD>';"),
            location=user.location,
        )
