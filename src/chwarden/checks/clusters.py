"""Cluster checks: how shards authenticate to each other, and sample clusters left in the config."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chwarden.analysis.server_config import config_known, config_section
from chwarden.analysis.versions import lacks
from chwarden.checks.fixes import xml_fragment
from chwarden.checks.references import REF_CLUSTERS, REF_DISTRIBUTED
from chwarden.checks.registry import Hit, check
from chwarden.clickhouse.features import CLUSTER_SECRET_SINCE
from chwarden.facts import ConfigValue, FactMissing, Snapshot
from chwarden.model import Remediation, Severity


def _config_clusters(snapshot: Snapshot) -> dict[str, dict[str, ConfigValue]]:
    """remote_servers.<cluster>.* grouped by cluster."""
    clusters: dict[str, dict[str, ConfigValue]] = {}
    for key, value in config_section(snapshot, "remote_servers").items():
        parts = key.split(".")
        if len(parts) >= 3:
            clusters.setdefault(parts[1], {})[".".join(parts[2:])] = value
    return clusters


def _clusters_source(snapshot: Snapshot) -> str:
    """'config' or 'live'; raise when neither knows the clusters."""
    if config_known(snapshot):
        return "config"
    if snapshot.clusters is not None:
        return "live"
    raise FactMissing("clusters", snapshot.gaps.get("clusters", "no cluster definitions were collected"))


@check(
    "cluster_without_secret",
    title="A cluster has no interserver secret",
    severity=Severity.MEDIUM,
    category="network",
    rationale=(
        "Without `<secret>` shards run distributed queries as the configured user (usually `default`) and "
        "cannot tell who started them; anyone able to connect as that user can act as the cluster."
    ),
    remediation="Add a <secret> to every cluster in remote_servers (the same on all nodes).",
    references=(REF_DISTRIBUTED, REF_CLUSTERS),
)
def cluster_without_secret(snapshot: Snapshot) -> Iterator[Hit]:
    if _clusters_source(snapshot) == "config":
        for name, keys in sorted(_config_clusters(snapshot).items()):
            if "secret" in keys:
                continue
            users = sorted({u for k, v in keys.items() if k.endswith(".user") for u in v.values}) or ["default"]
            first = next(iter(keys.values()))
            yield Hit(
                resource=f"cluster:{name}",
                evidence={"connects_as": users},
                remediation=_secret_fix(snapshot, name),
                location=first.location,
            )
        return
    by_cluster: dict[str, list[str]] = {}
    for node in snapshot.clusters or []:
        if node.has_secret or (node.has_secret is None and node.user not in (None, "", "default")):
            continue
        by_cluster.setdefault(node.cluster, []).append(f"{node.host_name}:{node.port}")
    for name, nodes in sorted(by_cluster.items()):
        yield Hit(
            resource=f"cluster:{name}",
            evidence={"nodes": nodes, "connects_as": "default"},
            remediation=_secret_fix(snapshot, name),
        )


def _secret_fix(snapshot: Snapshot, cluster: str) -> Remediation:
    if lacks(snapshot, CLUSTER_SECRET_SINCE):
        return Remediation(
            text="This version has no cluster <secret> (20.10+): connect shards with a dedicated, password-"
            "protected user, allow the native port only between the nodes, and upgrade."
        )
    return Remediation(
        xml=xml_fragment(
            "<remote_servers>",
            f"  <{cluster}>",
            '    <secret from_env="CLICKHOUSE_CLUSTER_SECRET"/>',
            f"  </{cluster}>",
            "</remote_servers>",
        )
    )


TEST_CLUSTER = re.compile(r"^test_(shard_localhost|cluster_|unavailable_shard)")


@check(
    "test_clusters_configured",
    title="Sample test clusters from the shipped config are still defined",
    severity=Severity.LOW,
    category="network",
    rationale=(
        "Old shipped configs define clusters such as test_shard_localhost and test_cluster_two_shards; "
        "they are unused remote targets for remote()/cluster() and usually connect as passwordless default."
    ),
    remediation='Replace remote_servers with only the clusters you run (remote_servers replace="1").',
    references=(REF_DISTRIBUTED, REF_CLUSTERS),
)
def test_clusters_configured(snapshot: Snapshot) -> Iterator[Hit]:
    if _clusters_source(snapshot) == "config":
        names = {n: next(iter(k.values())) for n, k in _config_clusters(snapshot).items()}
        found = {n: v.location for n, v in names.items() if TEST_CLUSTER.match(n)}
    else:
        found = {n.cluster: None for n in snapshot.clusters or [] if TEST_CLUSTER.match(n.cluster)}
    for name, location in sorted(found.items()):
        yield Hit(
            resource=f"cluster:{name}",
            evidence={"cluster": name},
            remediation=Remediation(
                xml=xml_fragment(
                    '<remote_servers replace="1">', "  <!-- only your real clusters -->", "</remote_servers>"
                )
            ),
            location=location,
        )
