"""Inputs the audit could not resolve: never a silent pass.

A value taken from the environment, ZooKeeper or an include file that was not available, and a file
ClickHouse would load that could not be read, leave whatever they set unknown. Each becomes a
``not_checked`` entry naming it and why, so a reader sees which verdicts stand on partial facts.
"""

from __future__ import annotations

from collections.abc import Iterator

from chwarden.checks.references import REF_CONFIG_FILES
from chwarden.checks.registry import Hit, Undecided, check
from chwarden.facts import Snapshot
from chwarden.model import Severity

IGNORED_BY_SERVER = "ignored by ClickHouse"
KIND_TEXT = {
    "from_env": "environment variable",
    "from_zk": "ZooKeeper node",
    "incl": "include",
}


def _is_config_input(snapshot: Snapshot) -> bool:
    return snapshot.inputs is not None


@check(
    "unresolved_config_input",
    title="A config value comes from an input the audit could not read",
    severity=Severity.INFO,
    category="inputs",
    rationale=(
        "incl, from_env, from_zk and include files are resolved by the server when it starts; when the audit "
        "cannot see the variable, node or file, the value stays unknown and so does every verdict on it."
    ),
    remediation=(
        "Give the variables with --env FILE (from_env), audit the live server (from_zk), or include the named "
        "file in the audited directory (or name where the copy lived with --config-root)."
    ),
    references=(REF_CONFIG_FILES,),
    applies=_is_config_input,
)
def unresolved_config_input(snapshot: Snapshot) -> Iterator[Hit | Undecided]:
    inputs = snapshot.inputs
    assert inputs is not None
    for item in inputs.unresolved:
        what = KIND_TEXT.get(item.kind, item.kind)
        outcome = "its value is unknown" if item.value_unknown else "the element keeps what the file wrote"
        where = f"{item.location}: " if item.location else ""
        yield Undecided(
            f"input:{item.path}",
            f"{where}{item.path} takes {what} {item.name!r}, not found in {item.source or 'the inputs'}: {outcome}",
        )
    for missing in inputs.files_not_read:
        if missing.reason.startswith(IGNORED_BY_SERVER):
            continue
        yield Undecided(f"file:{missing.file}", f"not read: {missing.reason}")
