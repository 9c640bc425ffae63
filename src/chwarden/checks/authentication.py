"""Authentication checks: who can log in, and how well their passwords are kept."""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.checks.helpers import (
    anonymous_login_accepted,
    is_passwordless,
    users_or_missing,
    xml_users_era,
)
from chwarden.checks.registry import Hit, check
from chwarden.facts import Snapshot
from chwarden.model import Remediation, Severity

REF_USERS = "https://clickhouse.com/docs/operations/settings/settings-users"
REF_CREATE_USER = "https://clickhouse.com/docs/sql-reference/statements/create/user"


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
        yield Hit(
            resource="user:default",
            evidence=evidence,
            remediation=_default_password_fix(snapshot),
            location=default.location,
        )
        return
    if accepted and (default is None or default.password_empty is None):
        # Users are not visible (18.x over SQL), but the empty-password login itself is the proof.
        yield Hit(
            resource="user:default",
            evidence={"anonymous_login_accepted_on": accepted, "how": "logged in as default with no password"},
            remediation=_default_password_fix(snapshot),
        )
        return
    if users is None and snapshot.anonymous_login is None:
        users_or_missing(snapshot)


def _default_password_fix(snapshot: Snapshot) -> Remediation:
    xml = (
        "<!-- users.d/default-password.xml -->\n"
        "<clickhouse>\n  <users>\n    <default>\n"
        '      <password remove="1"/>\n'
        "      <password_sha256_hex><!-- echo -n \"$PASSWORD\" | sha256sum --></password_sha256_hex>\n"
        '      <networks replace="replace"><ip>::1</ip><ip>127.0.0.1</ip></networks>\n'
        "    </default>\n  </users>\n</clickhouse>"
    )
    if xml_users_era(snapshot):
        return Remediation(xml=xml)
    return Remediation(
        sql="ALTER USER default IDENTIFIED WITH sha256_password BY '<strong password>' HOST LOCAL;",
        xml=xml,
    )
