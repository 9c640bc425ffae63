"""One reader for credentials written in server-side config, whatever carried the file.

A config directory, a file mounted by a compose service, a compose ``configs:`` content, a ConfigMap
key and a ClickHouseInstallation's ``settings``/``files`` are all parsed into ``ConfigNode`` trees
before merging; this module reads every such tree the same way, so an S3 key in a compose recipe's
``config.d`` is found exactly like the same key in a manifest, and an include (substitution) file
like any other. Values that are not literal (taken from the environment or ZooKeeper, or encrypted
with ``encrypted_by``) are not credentials in the file. Access sections (users, profiles) are left
to the user checks.

What counts (issue 13): leaves named like a credential (``password``, ``secret``, ``identity``,
``*_key``, ``token``...: replica passwords and the cluster secret of ``remote_servers``, ZooKeeper
``identity``, ``interserver_http_credentials``, S3 disk/endpoint ``secret_access_key``,
``named_collections``, dictionary sources, ``kafka`` ``sasl_password``, LDAP and bridge passwords),
credentials inside values (``scheme://user:password@host``, ``Authorization:`` headers,
``AccountKey=``/``PWD=`` in connection strings), and PEM private keys written inline.
"""

from __future__ import annotations

import re

from chwarden.facts import LocatedSecret
from chwarden.model import Location
from chwarden.redact import redact
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.values import is_secret_name

ACCESS_SECTIONS = frozenset({"users", "profiles", "quotas", "roles"})
INDIRECT_ATTRS = frozenset({"from_env", "from_zk", "incl", "encrypted_by"})
# Values that stand for a secret kept elsewhere: operator markers, templates, variables, masks.
PLACEHOLDER = re.compile(r"^\(.*\)$|\{\{.*\}\}|^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^\*+$|^\[HIDDEN\]$")
PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")
# Secret-named leaves that hold no credential (a path to one, a user name, a switch).
NOT_CREDENTIALS = frozenset({"key_hex_file", "identity_file", "access_key_id", "use_environment_credentials"})
URL_CREDENTIALS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]+:(?P<secret>[^@\s/]+)@")
SECRET_HEADERS = r"authorization|proxy-authorization|x-api-key|x-auth-token|api-key|x-amz-security-token"
AUTH_HEADER = re.compile(rf"(?i)^\s*(?:{SECRET_HEADERS})\s*:\s*(?P<secret>\S.*)$")
CONNECTION_SECRET = re.compile(
    r"(?i)(?:^|;)\s*(?:accountkey|sharedaccesssignature|pwd|password)\s*=\s*(?P<secret>[^;]+)"
)
HEADER_NAMES = re.compile(rf"(?i)^(?:{SECRET_HEADERS})$")

# The kind shown in the evidence, by the section a credential sits in (first match wins).
KIND_BY_SECTION: tuple[tuple[str, str, str], ...] = (
    # (top-level section, leaf, kind); "" matches any leaf
    ("remote_servers", "secret", "cluster_secret"),
    ("remote_servers", "", "replica_password"),
    ("zookeeper", "identity", "zookeeper_identity"),
    ("auxiliary_zookeepers", "identity", "zookeeper_identity"),
    ("interserver_http_credentials", "", "interserver_password"),
    ("storage_configuration", "", "storage_secret"),
    ("s3", "", "s3_secret"),
    ("backups", "", "backup_secret"),
    ("named_collections", "", "named_collection_secret"),
    ("dictionary", "", "dictionary_source_password"),
    ("dictionaries", "", "dictionary_source_password"),
    ("kafka", "", "kafka_sasl_password"),
    ("ldap_servers", "", "ldap_password"),
    ("encryption_codecs", "", "encryption_key"),
    ("openSSL", "", "tls_key_passphrase"),
)


def _structural_kind(tag: str, parent: ConfigNode | None, path: list[str]) -> str | None:
    """What a credential is by where it sits, whatever the section is called (an include file names
    its substitutions freely: `<clickhouse_remote_servers>`, `<zookeeper-servers>`)."""
    siblings = {c.tag for c in parent.children} if parent is not None else set()
    if tag == "secret" and "shard" in siblings:
        return "cluster_secret"
    if tag == "password" and "replica" in path[:-1] and {"host", "port"} & siblings:
        return "replica_password"
    if tag == "identity" and "node" in siblings:
        return "zookeeper_identity"
    return None


def _kind(path: list[str], tag: str) -> str:
    section = path[0] if path else ""
    if section.startswith("kafka"):
        section = "kafka"  # kafka_<topic> sections hold per-topic settings
    for top, leaf, kind in KIND_BY_SECTION:
        if top == section and (not leaf or leaf == tag):
            return kind
    return tag


def _value_secret(node: ConfigNode, path: list[str]) -> tuple[str, str] | None:
    """(kind, the secret) for a credential inside a value that is not named like one."""
    text = node.text
    if PRIVATE_KEY.search(text):
        return "tls_private_key", text
    match = URL_CREDENTIALS.search(text)
    if match:
        return "url_credentials", match.group("secret")
    match = AUTH_HEADER.match(text)
    if match and node.tag in ("header", "value", "headers"):
        return "http_header", match.group("secret")
    if node.tag == "value" and len(path) >= 2 and path[-2] == "header":
        return None  # a <header><name>..</name><value>..</value></header> pair is judged by its name
    match = CONNECTION_SECRET.search(text)
    if match and "connection" in node.tag.lower():
        return "connection_string", match.group("secret")
    return None


def _named_header_secret(node: ConfigNode) -> str | None:
    """`<header><name>Authorization</name><value>Bearer x</value></header>`: the value."""
    name, value = node.child("name"), node.child("value")
    if name is None or value is None or not HEADER_NAMES.match(name.text.strip()):
        return None
    if INDIRECT_ATTRS.intersection(value.attrs) or value.unresolved or not value.text:
        return None
    return value.text


def tree_secrets(tree: ConfigNode, origin: str) -> list[LocatedSecret]:
    """Literal credentials in one server-side config tree (a file, before merging)."""
    found: list[LocatedSecret] = []
    stack: list[tuple[ConfigNode, list[str], ConfigNode | None]] = [
        (child, [child.tag], tree) for child in reversed(tree.children) if child.tag not in ACCESS_SECTIONS
    ]
    while stack:
        node, path, parent = stack.pop()
        if INDIRECT_ATTRS.intersection(node.attrs) or node.unresolved:
            continue
        if node.tag == "header" and node.children:
            secret = _named_header_secret(node)
            if secret is not None:
                found.append(_secret("http_header", secret, path, origin, node.child("value") or node))
                continue
        if node.children:
            stack.extend((child, [*path, child.tag], node) for child in reversed(node.children))
            continue
        text = node.text.strip()
        if not text or PLACEHOLDER.search(text):
            continue
        in_value = _value_secret(node, path)
        if in_value is not None:
            found.append(_secret(in_value[0], in_value[1], path, origin, node))
        elif is_secret_name(node.tag) and node.tag not in NOT_CREDENTIALS:
            kind = _structural_kind(node.tag, parent, path) or _kind(path, node.tag)
            found.append(_secret(kind, text, path, origin, node))
    return found


def text_secrets(text: str, name: str, origin: str, location: Location | None) -> list[LocatedSecret]:
    """A private key in a non-config file carried inline (a ConfigMap or CHI `files` entry)."""
    match = PRIVATE_KEY.search(text)
    if match is None:
        return []
    return [
        LocatedSecret(
            kind="tls_private_key", redacted=redact(text[match.start() :]), where=f"{origin}: {name}", location=location
        )
    ]


def _secret(kind: str, text: str, path: list[str], origin: str, node: ConfigNode) -> LocatedSecret:
    return LocatedSecret(
        kind=kind,
        redacted=redact(text),
        where=f"{origin}: {'.'.join(path)}",
        location=node.value_location,
    )


def unique(secrets: list[LocatedSecret]) -> list[LocatedSecret]:
    """The same file read for several services or layers is reported once per place."""
    seen: set[tuple[str, str, str | None]] = set()
    kept: list[LocatedSecret] = []
    for secret in secrets:
        key = (secret.kind, secret.where, str(secret.location) if secret.location else None)
        if key not in seen:
            seen.add(key)
            kept.append(secret)
    return kept
