"""One reader for credentials written in server-side config, whatever carried the file.

A config directory, a file mounted by a compose service, a compose ``configs:`` content, a ConfigMap
key and a ClickHouseInstallation's ``settings``/``files`` are all parsed into ``ConfigNode`` trees
before merging; this module reads every such tree the same way, so an S3 key in a compose recipe's
``config.d`` is found exactly like the same key in a manifest. Values that are not literal (taken
from the environment or ZooKeeper, or encrypted with ``encrypted_by``) are not credentials in the
file. Access sections (users, profiles) are left to the user checks. Private keys written inline
(PEM blocks in a manifest or compose file) are found in any text the deployment file carries.
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
# Values that stand for a secret kept elsewhere: operator markers, templates, variables.
PLACEHOLDER = re.compile(r"^\(.*\)$|\{\{.*\}\}|^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$")
PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")
# Secret-named leaves that hold no credential.
NOT_CREDENTIALS = frozenset({"key_hex_file", "identity_file"})
KIND_BY_PATH = {"remote_servers": "cluster_secret", "zookeeper": "zookeeper_identity"}


def _kind(path: list[str], tag: str) -> str:
    if tag == "secret" and path and path[0] == "remote_servers":
        return KIND_BY_PATH["remote_servers"]
    if tag == "identity" and path and path[0] in ("zookeeper", "auxiliary_zookeepers"):
        return KIND_BY_PATH["zookeeper"]
    return tag


def tree_secrets(tree: ConfigNode, origin: str) -> list[LocatedSecret]:
    """Literal credentials in one server-side config tree (a file, before merging)."""
    found: list[LocatedSecret] = []
    stack: list[tuple[ConfigNode, list[str]]] = [
        (child, [child.tag]) for child in reversed(tree.children) if child.tag not in ACCESS_SECTIONS
    ]
    while stack:
        node, path = stack.pop()
        if INDIRECT_ATTRS.intersection(node.attrs) or node.unresolved:
            continue
        if node.children:
            stack.extend((child, [*path, child.tag]) for child in reversed(node.children))
            continue
        text = node.text
        if not text:
            continue
        if PRIVATE_KEY.search(text):
            found.append(_secret("tls_private_key", text, path, origin, node))
        elif is_secret_name(node.tag) and node.tag not in NOT_CREDENTIALS and not PLACEHOLDER.search(text.strip()):
            found.append(_secret(_kind(path, node.tag), text, path, origin, node))
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
