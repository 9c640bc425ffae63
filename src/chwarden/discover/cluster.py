"""``discover --cluster NAME``: the matching runs on every shard, where the rows live.

The shards come from ``system.clusters`` on the node the user named. Each shard is scanned by
``discover_live`` over its own guarded connection to one of its replicas (the next replica is tried
when one cannot be reached), a bounded number of shards at once. Replicas of a shard hold the
same rows, so one is enough; ``Distributed`` tables are skipped on every shard (reading one would
pull every shard's rows through that node) and their local tables are reported under the
``Distributed`` table's name, the logical table users query. Entries of the same logical table,
column and detector are merged: the counts are the sums of the shards' counts, each shard's share
is kept in ``shards``. A shard whose replicas all fail is reported as failed; the others finish.

Per-shard connections rather than ``cluster()``: discover's per-column queries run unchanged on
each shard (18.16 has no ``_shard_num`` to tell shards apart in one ``cluster()`` answer), no table
function has to be allowed in the guard, and one slow shard does not hold one big query open.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from chwarden.connect import ChwardenConnectError, GuardedConnection, QueryFailed, Target, cluster_node
from chwarden.discover.column_scan import ANSWER_ERRORS
from chwarden.discover.run import DiscoverOptions, DiscoverResult, discover_live
from chwarden.errors import InputError
from chwarden.facts import LogSecretFacts
from chwarden.model import SensitiveData, ShardCount

DEFAULT_PARALLEL_SHARDS = 4
MAX_EXAMPLES = 5
_MACRO = re.compile(r"\{(\w+)\}")

Opener = Callable[[Target], GuardedConnection]


class ClusterNotFound(InputError, ValueError):
    """The named cluster is not in the first node's ``system.clusters`` (exit code 2)."""


class ClusterAnswerError(ChwardenConnectError):
    """The first node's ``system.clusters``/``system.tables`` answer is not what ClickHouse sends (exit 3)."""


@dataclass(frozen=True)
class Node:
    shard: int
    replica: int
    target: Target


@dataclass
class ShardOutcome:
    shard: int
    node: str | None  # the replica that was scanned (None: none could be)
    result: DiscoverResult | None
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.result is None


@dataclass
class ClusterDiscovery:
    cluster: str
    shards: list[ShardOutcome]
    result: DiscoverResult  # merged per logical table; errors name their shard
    logical: dict[tuple[str, str], tuple[str, str]]  # (db, local table) -> (db, Distributed table)


def read_nodes(conn: GuardedConnection, first: Target, cluster: str) -> dict[int, list[Node]]:
    """Every replica of every shard of ``cluster``, as targets reached like ``first`` (``conn``'s target)."""
    rows = conn.query(
        "SELECT cluster, shard_num, replica_num, host_name, host_address, port FROM system.clusters"
    ).dicts()
    shards: dict[int, list[Node]] = {}
    for r in sorted(rows, key=lambda r: (int(r["shard_num"]), int(r["replica_num"]))):
        if str(r["cluster"]) != cluster:
            continue
        target = cluster_node(first, str(r["host_address"] or r["host_name"]), int(r["port"]))
        shards.setdefault(int(r["shard_num"]), []).append(Node(int(r["shard_num"]), int(r["replica_num"]), target))
    if not shards:
        known = sorted({str(r["cluster"]) for r in rows})
        raise ClusterNotFound(f"cluster {cluster!r} not found on {first.display}; known: {', '.join(known) or 'none'}")
    return shards


def split_arguments(text: str) -> list[str]:
    """Top-level, comma-separated arguments of an engine definition, quotes and brackets respected."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote and text[i - 1] != "\\":
                quote = ""
        elif ch in "'`\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _unquote(value: str, macros: dict[str, str]) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'`\"":
        value = value[1:-1]
    return _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), value)


def distributed_target(engine_full: str, macros: dict[str, str]) -> tuple[str, str, str] | None:
    """(cluster, database, table) a ``Distributed(...)`` definition reads, or None if not one."""
    match = re.match(r"\s*Distributed\s*\((.*)\)", engine_full, re.S)
    if match is None:
        return None
    args = split_arguments(match.group(1))
    if len(args) < 3:
        return None
    cluster, database, table = (_unquote(a, macros) for a in args[:3])
    return cluster, database, table


def logical_tables(conn: GuardedConnection, cluster: str) -> tuple[dict[tuple[str, str], tuple[str, str]], list[str]]:
    """Local table -> the Distributed table over ``cluster`` that reads it; notes on other Distributed tables."""
    macros = {str(r["macro"]): str(r["substitution"]) for r in conn.query("SELECT * FROM system.macros").dicts()}
    rows = conn.query("SELECT database, name, engine_full FROM system.tables WHERE engine = 'Distributed'").dicts()
    mapping: dict[tuple[str, str], tuple[str, str]] = {}
    notes: list[str] = []
    for r in rows:
        database, name = str(r["database"]), str(r["name"])
        read = distributed_target(str(r["engine_full"]), macros)
        if read is None:
            notes.append(f"{database}.{name}: Distributed definition not understood; not scanned")
            continue
        over, local_db, local = read
        if over != cluster:
            notes.append(f"{database}.{name}: Distributed over cluster {over!r}, not {cluster!r}; not scanned")
            continue
        mapping[(local_db or database, local)] = (database, name)
    return mapping, notes


def _local_filter(options: DiscoverOptions, logical: dict[tuple[str, str], tuple[str, str]]) -> DiscoverOptions:
    """``--table`` naming a Distributed table means its local table on the shards."""
    if not options.table:
        return options
    for (local_db, local), (database, name) in logical.items():
        if name == options.table and options.database in (None, database):
            return replace(options, database=local_db, table=local)
    return options


def _scan_shard(shard: int, nodes: Sequence[Node], open_node: Opener, options: DiscoverOptions) -> ShardOutcome:
    """One replica of the shard, the next one when a replica cannot be reached at all."""
    began = time.monotonic()
    errors: list[str] = []
    for node in nodes:
        try:
            conn = open_node(node.target)
        except ChwardenConnectError as exc:
            errors.append(f"{node.target.display}: {exc}")
            continue
        try:
            conn.query("SELECT 1")
            result = discover_live(conn, node.target.display, options)
        except (ChwardenConnectError, QueryFailed) as exc:
            errors.append(f"{node.target.display}: {exc}")
            continue
        finally:
            conn.close()
        return ShardOutcome(shard, node.target.display, result, errors, time.monotonic() - began)
    return ShardOutcome(shard, None, None, errors, time.monotonic() - began)


def _merge(
    outcomes: Sequence[ShardOutcome], logical: dict[tuple[str, str], tuple[str, str]], target: str
) -> DiscoverResult:
    merged = DiscoverResult()
    entries: dict[tuple[str, str, str, str, str], list[tuple[ShardOutcome, SensitiveData]]] = {}
    logs: dict[tuple[str, str], list[LogSecretFacts]] = {}
    for outcome in outcomes:
        if outcome.result is None:
            merged.errors.extend(f"shard {outcome.shard}: {e}" for e in outcome.errors or ["no replica answered"])
            continue
        found = outcome.result
        merged.errors.extend(f"shard {outcome.shard} ({outcome.node}): {e}" for e in found.errors)
        merged.notes.extend(f"shard {outcome.shard}: {n}" for n in found.notes)
        merged.tables_scanned += found.tables_scanned
        merged.rows_scanned += found.rows_scanned
        for entry in found.sensitive_data:
            database, table = logical.get((entry.database, entry.table), (entry.database, entry.table))
            key = (database, table, entry.column, entry.detector, entry.category)
            entries.setdefault(key, []).append((outcome, entry))
        for fact in found.log_findings_facts:
            logs.setdefault((fact.log, fact.kind), []).append(fact)
    for (database, table, column, detector, category), parts in entries.items():
        examples = list(dict.fromkeys(x for _, e in parts for x in e.examples))[:MAX_EXAMPLES]
        merged.sensitive_data.append(
            SensitiveData(
                target=target,
                database=database,
                table=table,
                column=column,
                detector=detector,
                category=category,
                rows_matched=sum(e.rows_matched for _, e in parts),
                rows_scanned=sum(e.rows_scanned for _, e in parts),
                sampled=any(e.sampled for _, e in parts),
                examples=examples,
                shards=[
                    ShardCount(
                        shard=o.shard,
                        node=o.node or "",
                        database=e.database,
                        table=e.table,
                        rows_matched=e.rows_matched,
                        rows_scanned=e.rows_scanned,
                    )
                    for o, e in sorted(parts, key=lambda p: p[0].shard)
                ],
            )
        )
    for (log, kind), facts in logs.items():
        merged.log_findings_facts.append(
            LogSecretFacts(
                log=log,
                kind=kind,
                count=sum(f.count for f in facts),
                users=sorted({u for f in facts for u in f.users}),
                examples=list(dict.fromkeys(x for f in facts for x in f.examples))[:MAX_EXAMPLES],
            )
        )
    merged.partial = bool(merged.errors) or any(o.result is None or o.result.partial for o in outcomes)
    return merged


def discover_cluster(
    seed: GuardedConnection,
    first: Target,
    cluster: str,
    open_node: Opener,
    options: DiscoverOptions,
    *,
    parallel: int = DEFAULT_PARALLEL_SHARDS,
) -> ClusterDiscovery:
    """Scan every shard of ``cluster`` (seen from ``seed``) and merge the results per logical table."""
    try:
        shards = read_nodes(seed, first, cluster)
        logical, notes = logical_tables(seed, cluster)
    except ClusterNotFound:
        raise
    except ANSWER_ERRORS as exc:  # every byte from a target is hostile: a wrong shape is one line
        raise ClusterAnswerError(f"the cluster's layout was not understood ({type(exc).__name__})") from exc
    shard_options = replace(
        _local_filter(options, logical), skip_engines=(*options.skip_engines, "Distributed"), on_progress=None
    )
    with ThreadPoolExecutor(
        max_workers=max(1, min(parallel, len(shards))), thread_name_prefix="chwarden-shard"
    ) as pool:
        futures = [pool.submit(_scan_shard, shard, nodes, open_node, shard_options) for shard, nodes in shards.items()]
        outcomes = [f.result() for f in futures]
    result = _merge(outcomes, logical, f"cluster {cluster}")
    result.notes[:0] = notes
    return ClusterDiscovery(cluster, outcomes, result, logical)
