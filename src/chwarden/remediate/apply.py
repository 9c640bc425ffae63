"""`fix --apply`: the only code in chwarden that writes to a server.

It has its own connection classes, which do not go through the read-only `GuardedConnection`, and
nothing in the audit path imports this module. It runs only the SQL part of a fix script (RBAC-era
statements), with password placeholders filled from a secret store that is written to a 0600 file;
server error messages are scrubbed of those secrets before they are shown.
"""

from __future__ import annotations

import abc
import re
import ssl
from dataclasses import dataclass, field
from typing import Any

import httpx

from chwarden.connect.target import Credentials, Target
from chwarden.model import Finding, Report
from chwarden.redact import redact
from chwarden.remediate.script import FixScript, fill_passwords
from chwarden.remediate.secrets_store import SecretStore

MUTATION_SETTINGS = {"mutations_sync": "2"}  # wait for ALTER ... DELETE/UPDATE before re-auditing
UNKNOWN_SETTING = 115


class ApplyError(Exception):
    """The write connection could not be opened or is not supported for this target."""


class WriteConnection(abc.ABC):
    """Sends one statement that may change the server. Deliberately not a GuardedConnection."""

    @abc.abstractmethod
    def execute(self, sql: str) -> None: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        pass


class HttpWriter(WriteConnection):
    """POST over HTTP(S): the only ClickHouse interface where a write needs no client library."""

    def __init__(self, target: Target, credentials: Credentials, *, verify: bool | str, timeout: float) -> None:
        context: bool | ssl.SSLContext = (
            verify if isinstance(verify, bool) else ssl.create_default_context(cafile=verify)
        )
        self._url = f"{target.scheme}://{target.host}:{target.port}/"
        self._client = httpx.Client(verify=context, timeout=timeout)
        self._headers = {"X-ClickHouse-User": credentials.user, "X-ClickHouse-Key": credentials.password}

    def execute(self, sql: str) -> None:
        params = MUTATION_SETTINGS if _is_mutation(sql) else {}
        response = self._post(sql, params)
        if response.status_code != 200 and params and _code(response.text) == UNKNOWN_SETTING:
            response = self._post(sql, {})  # older servers lack mutations_sync
        if response.status_code != 200:
            raise StatementFailed(response.text.strip(), _code(response.text))

    def _post(self, sql: str, params: dict[str, str]) -> httpx.Response:
        try:
            return self._client.post(self._url, params=params, content=sql.encode(), headers=self._headers)
        except httpx.HTTPError as exc:
            raise StatementFailed(f"{type(exc).__name__}: {exc}", None) from exc

    def close(self) -> None:
        self._client.close()


class ChdbWriter(WriteConnection):
    """The embedded engine opened read-write (the audit opens it with mode=ro)."""

    def __init__(self, target: Target) -> None:
        try:
            from chdb import session as chdb_session  # lazy: optional extra, ~0.3 s, loads the engine
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ApplyError("the embedded engine needs chdb: pip install 'chwarden[embedded]'") from exc
        conn = (target.path or "") + (f"?config-file={target.config_file}" if target.config_file else "")
        try:
            self._session: Any = chdb_session.Session(conn)  # type: ignore[no-untyped-call]
        except Exception as exc:  # chdb raises RuntimeError subclasses with server codes
            raise ApplyError(f"embedded engine failed to start: {str(exc)[:300]}") from exc

    def execute(self, sql: str) -> None:
        try:
            for name, value in MUTATION_SETTINGS.items():
                self._session.query(f"SET {name} = {value}")
            self._session.query(sql)
        except Exception as exc:  # every engine error becomes a reported failure
            raise StatementFailed(str(exc).strip(), _code(str(exc))) from exc

    def close(self) -> None:
        self._session.close()


class StatementFailed(Exception):
    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.code = code


def _code(text: str) -> int | None:
    match = re.search(r"Code:\s*(\d+)", text)
    return int(match.group(1)) if match else None


def _is_mutation(sql: str) -> bool:
    words = sql.upper().split()
    return words[:2] == ["ALTER", "TABLE"] and ("DELETE" in words or "UPDATE" in words)


def open_writer(
    target: Target,
    credentials: Credentials,
    *,
    verify_tls: bool = True,
    ca_file: str | None = None,
    timeout: float = 60,
) -> WriteConnection:
    if target.scheme == "chdb":
        return ChdbWriter(target)
    if target.scheme in ("http", "https"):
        verify: bool | str = (ca_file or True) if verify_tls else False
        return HttpWriter(target, credentials, verify=verify, timeout=timeout)
    raise ApplyError(
        f"--apply writes over HTTP(S) or the embedded engine; {target.scheme}:// is audit-only "
        "(give --target http(s)://host:port)"
    )


@dataclass
class Outcome:
    """What happened to one statement (shown without secrets)."""

    finding: Finding
    statement: str
    ok: bool
    error: str | None = None


def apply_sql(script: FixScript, writer: WriteConnection, store: SecretStore) -> list[Outcome]:
    """Run every ready SQL statement in order; a failure is recorded and the next one still runs."""
    outcomes: list[Outcome] = []
    for item, statement in script.applicable_sql():
        filled = fill_passwords(statement, item, store)
        try:
            writer.execute(filled)
            outcomes.append(Outcome(item.finding, statement, True))
        except StatementFailed as exc:
            outcomes.append(Outcome(item.finding, statement, False, scrub(str(exc), store)[:500]))
    return outcomes


def scrub(text: str, store: SecretStore) -> str:
    """Server errors may quote the statement: replace every generated secret by its redaction."""
    for value in store.values.values():
        text = text.replace(value, redact(value))
    return text


FindingKey = tuple[str, str]


def key(f: Finding) -> FindingKey:
    return (f.check_id, f.resource)


@dataclass
class Comparison:
    fixed: list[Finding] = field(default_factory=list)  # attempted and gone
    still_present: list[Finding] = field(default_factory=list)  # attempted and still reported
    untouched: list[Finding] = field(default_factory=list)  # not attempted, still reported
    new: list[Finding] = field(default_factory=list)  # only in the re-audit

    @property
    def complete(self) -> bool:
        return not self.still_present


def compare(before: Report, after: Report, attempted: set[FindingKey]) -> Comparison:
    after_keys = {key(f) for f in after.findings}
    before_keys = {key(f) for f in before.findings}
    result = Comparison()
    for f in before.findings:
        if key(f) in attempted:
            (result.still_present if key(f) in after_keys else result.fixed).append(f)
        elif key(f) in after_keys:
            result.untouched.append(f)
    result.new = [f for f in after.findings if key(f) not in before_keys]
    return result


def render_comparison(before: Report, after: Report, comparison: Comparison) -> str:
    lines = [f"before: {len(before.findings)} findings; after: {len(after.findings)} findings"]
    for label, findings in (
        ("fixed", comparison.fixed),
        ("still present", comparison.still_present),
        ("new", comparison.new),
    ):
        lines.append(f"{label}: {len(findings)}")
        lines += [f"  {f.severity.value:8} {f.check_id} {f.resource}" for f in findings]
    lines.append(f"not attempted, unchanged: {len(comparison.untouched)}")
    return "\n".join(lines)
