"""Catalog facts: databases, tables (with columns), dictionaries, named collections.

Engine definitions are read only to extract credentials as fingerprints; the definition text
itself never reaches the snapshot.
"""

from __future__ import annotations

import json
import re
from typing import Any

from chwarden.clickhouse.sql import quote_string
from chwarden.clickhouse.system import SYSTEM_DATABASES
from chwarden.connect.base import ChwardenConnectError, GuardedConnection, QueryFailed
from chwarden.facts import DatabaseFacts, DictionaryFacts, NamedCollectionFacts, SecretRef, Snapshot, TableFacts
from chwarden.redact import find_sql_secrets, redact
from chwarden.sources.live.runner import Collector
from chwarden.sources.live.secrets import definition_secrets

MAX_TABLES = 10_000
MAX_COLUMN_ROWS = 20_000
_NOT_SYSTEM = "database NOT IN (" + ", ".join(quote_string(d) for d in sorted(SYSTEM_DATABASES)) + ")"
ROWS_SQL = "SELECT database, table, sum(rows) AS rows FROM system.parts WHERE active GROUP BY database, table"
_CREDENTIAL_DB_ENGINES = frozenset(
    {"MySQL", "MaterializedMySQL", "MaterializeMySQL", "PostgreSQL", "MaterializedPostgreSQL"}
)
_SECRET_KEY = re.compile(r"(?i)password|secret|token|access_key|account_key|credential|private")
_DICTIONARY_SOURCE = re.compile(r"(?is)\bSOURCE\s*\((.*)\)\s*(?:LIFETIME|LAYOUT|RANGE|SETTINGS|COMMENT|$)")


def databases(c: Collector) -> list[DatabaseFacts]:
    rows = c.select("databases", ("name", "engine", "engine_full"), required=("name", "engine"))
    result: list[DatabaseFacts] = []
    for r in rows:
        name, engine = str(r["name"]), str(r["engine"])
        secrets: list[SecretRef] = []
        if engine in _CREDENTIAL_DB_ENGINES:
            definition = r.get("engine_full") or _show_create_database(c, name)
            if definition:
                secrets = definition_secrets(_engine_clause(definition), f"database:{name}", database=True)
        result.append(DatabaseFacts(name=name, engine=engine, secrets=secrets))
    return result


def _show_create_database(c: Collector, name: str) -> str:
    rows = c.optional_rows(f"SHOW CREATE DATABASE `{name.replace('`', '``')}`")
    return str(next(iter(rows[0].values()))) if rows else ""


def _engine_clause(create_query: str) -> str:
    """``ENGINE = X(...) ...`` part of a CREATE statement (the whole text when there is none)."""
    m = re.search(r"(?i)\bENGINE\s*=\s*", create_query)
    return create_query[m.end() :] if m else create_query


def tables(c: Collector) -> tuple[list[TableFacts], dict[str, list[SecretRef]]]:
    """User tables with engine secrets; also the secrets of DDL dictionaries, by ``db.name``."""
    have = c.columns.get("tables", {})
    definition = "engine_full" if "engine_full" in have else "create_table_query"
    exprs = [f"{definition} AS definition"]
    if "create_table_query" in have:
        exprs.append("if(engine = 'Dictionary', create_table_query, '') AS dictionary_query")
    rows = c.select(
        "tables",
        ("database", "name", "engine", "total_rows", "total_bytes", "is_temporary"),
        required=("database", "name", "engine"),
        where=_NOT_SYSTEM,
        limit=MAX_TABLES + 1,
        expressions=exprs,
    )
    if len(rows) > MAX_TABLES:
        rows = rows[:MAX_TABLES]
        c.snapshot.extra["tables_truncated_at"] = MAX_TABLES
    columns = _columns(c)
    result: list[TableFacts] = []
    dictionary_secrets: dict[str, list[SecretRef]] = {}
    for r in rows:
        db, name, engine = str(r["database"]), str(r["name"]), str(r["engine"])
        where = f"table:{db}.{name}"
        secrets = definition_secrets(str(r.get("definition") or ""), where)
        if r.get("dictionary_query"):
            dictionary_secrets[f"{db}.{name}"] = _dictionary_secrets(
                str(r["dictionary_query"]), f"dictionary:{db}.{name}"
            )
        result.append(
            TableFacts(
                database=db,
                name=name,
                engine=engine,
                total_rows=_int(r.get("total_rows")),
                total_bytes=_int(r.get("total_bytes")),
                is_temporary=bool(r.get("is_temporary")),
                columns=columns.get((db, name), []),
                secrets=secrets,
            )
        )
    return result, dictionary_secrets


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _columns(c: Collector) -> dict[tuple[str, str], list[tuple[str, str]]]:
    rows = c.optional_rows(
        f"SELECT database, table, name, type FROM system.columns WHERE {_NOT_SYSTEM} LIMIT {MAX_COLUMN_ROWS + 1}"
    )
    if rows is None:
        c.snapshot.extra["table_columns"] = "system.columns not readable"
        return {}
    if len(rows) > MAX_COLUMN_ROWS:
        rows = rows[:MAX_COLUMN_ROWS]
        c.snapshot.extra["columns_truncated_at"] = MAX_COLUMN_ROWS
    result: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in rows:
        result.setdefault((str(r["database"]), str(r["table"])), []).append((str(r["name"]), str(r["type"])))
    return result


def _dictionary_secrets(create_query: str, where: str) -> list[SecretRef]:
    m = _DICTIONARY_SOURCE.search(create_query)
    return definition_secrets(m.group(1) if m else create_query, where)


def dictionaries(c: Collector, ddl_secrets: dict[str, list[SecretRef]]) -> list[DictionaryFacts]:
    rows = c.select("dictionaries", ("database", "name", "source"))
    result: list[DictionaryFacts] = []
    for r in rows:
        db = _opt_str(r.get("database"))
        name = str(r["name"])
        source = str(r.get("source") or "")
        source_type = source.split(":", 1)[0].strip() or None
        key = f"{db}.{name}" if db else name
        secrets = list(ddl_secrets.get(key, []))
        # Older servers describe XML dictionaries' sources in plain text; credentials may show there.
        secrets += definition_secrets(source, f"dictionary:{key}") if find_sql_secrets(source) else []
        result.append(DictionaryFacts(database=db, name=name, source_type=source_type, secrets=secrets))
    return result


def _opt_str(value: Any) -> str | None:
    return str(value) if value else None


def named_collections(c: Collector) -> list[NamedCollectionFacts]:
    rows = c.select("named_collections", ("name", "collection"))
    result: list[NamedCollectionFacts] = []
    for r in rows:
        name = str(r["name"])
        collection = _as_map(r.get("collection"))
        visible = any(v and not v.startswith("[HIDDEN") for v in collection.values())
        secrets: list[SecretRef] = []
        for key, value in sorted(collection.items()):
            if not value or value.startswith("[HIDDEN"):
                continue
            where = f"named_collection:{name}.{key}"
            if _SECRET_KEY.search(key):
                secrets.append(SecretRef(kind=key, redacted=redact(value), where=where))
            else:
                secrets += [
                    SecretRef(kind=kind, redacted=redact(secret), where=where)
                    for kind, secret in find_sql_secrets(value)
                ]
        result.append(
            NamedCollectionFacts(name=name, keys=sorted(collection), secrets_visible=visible, secrets=secrets)
        )
    return result


def _as_map(value: Any) -> dict[str, str]:
    """Map(String, String) arrives as a dict (JSON, native) or a JSON string (some formats)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return {}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return {str(k): str(v) for k, v in value}
    return {}


def fill_table_rows(snapshot: Snapshot, conn: GuardedConnection) -> None:
    """Row counts from system.parts for tables whose count the server did not give (18.x)."""
    tables = snapshot.tables or []
    if all(t.total_rows is not None for t in tables):
        return
    try:
        rows = conn.query(ROWS_SQL).rows
    except (ChwardenConnectError, QueryFailed) as exc:
        snapshot.errors.append(f"assess: row counts unavailable: {exc}")
        return
    counts = {(str(r[0]), str(r[1])): _count(r[2]) for r in rows if len(r) >= 3}
    for table in tables:
        if table.total_rows is None and (table.database, table.name) in counts:
            table.total_rows = counts[(table.database, table.name)]


def _count(value: Any) -> int | None:
    """A row count from the server, or None when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
