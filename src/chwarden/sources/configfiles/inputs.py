"""What kind of input `audit --config PATH` was given, and the merged config it stands for.

A directory or an XML file is a ClickHouse config; a YAML file is a Kubernetes manifest when a
document has ``apiVersion`` and ``kind``, a docker-compose file when it has ``services``, and a
ClickHouse YAML config otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from chwarden.facts import DeploymentFacts
from chwarden.sources.configfiles.compose import is_compose, load_compose
from chwarden.sources.configfiles.kubernetes import is_kubernetes, load_kubernetes
from chwarden.sources.configfiles.loader import MergedConfig, load_config
from chwarden.sources.configfiles.reading import YAML_SUFFIXES, read_bytes
from chwarden.sources.configfiles.yaml_docs import load_documents


@dataclass
class LoadedInput:
    kind: str  # config | kubernetes | compose
    merged: MergedConfig
    deployment: DeploymentFacts | None = None


def load_input(path: Path, *, env: Mapping[str, str] | None = None) -> LoadedInput:
    """Read any supported input into a merged config (plus deployment facts for manifests)."""
    if path.is_file() and path.suffix.lower() in YAML_SUFFIXES:
        display = path.name
        documents = load_documents(read_bytes(path, display), display)
        if is_kubernetes(documents):
            merged, facts = load_kubernetes(path, documents, display, env=env)
            return LoadedInput("kubernetes", merged, facts)
        if is_compose(documents):
            merged, facts = load_compose(path, documents[0], display, env=env)
            return LoadedInput("compose", merged, facts)
    return LoadedInput("config", load_config(path, env=env))
