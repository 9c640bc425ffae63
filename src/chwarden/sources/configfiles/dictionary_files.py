"""Dictionaries defined in config files (``<dictionaries_config>``) and the credentials in their sources.

A dictionary file holds ``<dictionary>`` elements whose ``<source>`` names a database or service
with its login: ``<mysql><user>..</user><password>..</password>``, ``<clickhouse>``,
``<postgresql>``, ``<mongodb>``, ``<http>`` with headers or a URL with a password in it. SQL shows
these dictionaries without the password, so only the files tell; every credential found becomes a
``SecretRef`` (redacted here, before it enters a snapshot).
"""

from __future__ import annotations

import glob
from pathlib import Path

from chwarden.facts import DictionaryFacts, SecretRef
from chwarden.redact import redact
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.values import is_secret_name

MAX_DICTIONARY_FILES = 1000
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token"})


def dictionary_paths(server: ConfigNode, config_dir: Path) -> list[Path]:
    """Files matched by every ``<dictionaries_config>`` pattern (relative to the main file's directory)."""
    found: list[Path] = []
    for node in server.all("dictionaries_config"):
        pattern = node.text.strip()
        if not pattern or node.unresolved:
            continue
        full = pattern if Path(pattern).is_absolute() else str(config_dir / pattern)
        found += [Path(p) for p in sorted(glob.glob(full)) if Path(p).is_file()]
    return list(dict.fromkeys(found))[:MAX_DICTIONARY_FILES]


def dictionaries_in(tree: ConfigNode, display: str) -> list[DictionaryFacts]:
    """One fact per ``<dictionary>`` of a dictionary file, with the credentials of its source."""
    facts: list[DictionaryFacts] = []
    for dictionary in (n for n in tree.walk() if n.tag == "dictionary"):
        name = (dictionary.text_of("name") or "").strip() or "(unnamed)"
        source = dictionary.child("source")
        kind = source.children[0].tag if source is not None and source.children else None
        where = f"{display}: dictionary {name}"
        secrets = _source_secrets(source, where) if source is not None else []
        database = (dictionary.text_of("database") or "").strip() or None
        facts.append(DictionaryFacts(database=database, name=name, source_type=kind, secrets=secrets))
    return facts


def _source_secrets(source: ConfigNode, where: str) -> list[SecretRef]:
    secrets: list[SecretRef] = []
    for node in source.walk():
        text = node.text.strip()
        if not node.is_leaf or not text or node.unresolved or "from_env" in node.attrs:
            continue
        if is_secret_name(node.tag):
            secrets.append(SecretRef(kind=node.tag, redacted=redact(text), where=f"{where} source {node.tag}"))
        elif node.tag == "url" and _url_password(text):
            secrets.append(SecretRef(kind="url_password", redacted=redact(text), where=f"{where} source url"))
    for header in (n for n in source.walk() if n.tag == "header"):
        name = (header.text_of("name") or "").strip().lower()
        value = (header.text_of("value") or "").strip()
        if name in _AUTH_HEADERS and value:
            secrets.append(SecretRef(kind="http_header", redacted=redact(value), where=f"{where} header {name}"))
    return secrets


def _url_password(url: str) -> bool:
    """``scheme://user:password@host``: a password in the URL's user part."""
    rest = url.split("://", 1)[-1]
    userinfo = rest.split("@", 1)[0] if "@" in rest.split("/", 1)[0] else ""
    return ":" in userinfo and bool(userinfo.split(":", 1)[1])
