"""`chwarden fix`: every finding's remediation as one reviewable script, plus XML patch files.

The SQL part (RBAC era) is what `fix --apply` may run. The XML part (users.xml era and server
config) is written as separate drop-in files for the operator to review and install: chwarden never
edits a server's config files.

Placeholders the checks leave in their fixes:
* password placeholders (`'<strong password>'`, `'<new strong password>'`, the `$PASSWORD` comment in
  a `password_sha256_hex`) are filled with generated secrets, which go only to a 0600 file;
* other `'<...>'` placeholders and UPPER_CASE tokens such as `CLIENT_NETWORK/CIDR` (an XML element's
  whole text, or a word inside a `<query>` grant) need a value from the operator (`--set NAME=VALUE`);
  until given, the statement or patch is left out of `--apply` and no patch file is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chwarden.checks.registry import finding_account, fixed_by
from chwarden.clickhouse.features import CLICKHOUSE_ROOT_SINCE, IPV4_PREFIXES_MATCH_SINCE, ipv4_netmask_form
from chwarden.clickhouse.sql import escape_string, quote_string, xml_escape
from chwarden.clickhouse.version import Version, parse_version
from chwarden.model import Finding, Report
from chwarden.remediate.secrets_store import SecretStore, secret_key, sha256_hex

# '<name>' as a whole literal, or <name> inside one (e.g. ILIKE '%<leaked value prefix>%')
SQL_PLACEHOLDER = re.compile(r"'<([A-Za-z][^<>'\n]{0,79})>'|<([A-Za-z][A-Za-z0-9 _/-]{0,79})>")
XML_PASSWORD_PLACEHOLDER = re.compile(r"<!--\s*echo -n \"\$PASSWORD\" \| sha256sum\s*-->")
FROM_ENV = re.compile(r'from_env="([A-Za-z_][A-Za-z0-9_]*)"')
XML_TOKEN_PLACEHOLDER = re.compile(r">\s*([A-Z][A-Z0-9]*_[A-Z0-9_]*(?:/[A-Z0-9_]+)?)\s*<")
USERS_SECTIONS = frozenset({"users", "profiles", "quotas", "roles"})
XML_DOC = re.compile(r"<(clickhouse|yandex)\b[^>]*>.*?</\1>", re.DOTALL)


def is_password_placeholder(name: str) -> bool:
    return "password" in name.lower()


@dataclass(frozen=True)
class XmlPatch:
    """One drop-in file: where it goes (users.d or config.d) and its text."""

    directory: str
    text: str


@dataclass
class FixItem:
    """The fix of one finding: SQL statements and/or XML patches, with what still needs input."""

    finding: Finding
    statements: list[str] = field(default_factory=list)
    patches: list[XmlPatch] = field(default_factory=list)
    text: str | None = None
    missing: list[str] = field(default_factory=list)
    superseded_by: int | None = None  # number of the fix that makes this one unnecessary

    @property
    def user(self) -> str:
        """The account the fix is about (a table finding names its reader in the evidence)."""
        return finding_account(self.finding)

    @property
    def ready(self) -> bool:
        return not self.missing and self.superseded_by is None


@dataclass
class FixScript:
    items: list[FixItem]
    root: str = "clickhouse"

    def applicable_sql(self) -> list[tuple[FixItem, str]]:
        return [(item, s) for item in self.items if item.ready for s in item.statements]

    def render(self) -> str:
        return render(self)


def split_statements(sql: str) -> list[str]:
    """Statements of a remediation (comment lines dropped; `;` ends a statement at a line end)."""
    statements: list[str] = []
    current: list[str] = []
    for line in sql.splitlines():
        if not line.strip() or line.strip().startswith("--"):
            continue
        current.append(line.rstrip())
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).rstrip(";").strip())
            current = []
    if current:
        statements.append("\n".join(current).strip().rstrip(";"))
    return [s for s in statements if s]


def xml_documents(xml: str) -> list[str]:
    """The `<clickhouse>`/`<yandex>` documents in a remediation (some hold two)."""
    return [m.group(0) for m in XML_DOC.finditer(xml)]


def patch_directory(doc: str) -> str:
    """users.d for users/profiles/quotas/roles, config.d for everything else."""
    try:
        top = ET.fromstring(doc)
    except ET.ParseError:
        return "config.d"
    tags = {child.tag for child in top if isinstance(child.tag, str)}
    return "users.d" if tags and tags <= USERS_SECTIONS else "config.d"


def _fill_sql(sql: str, fills: dict[str, str], missing: list[str]) -> str:
    def sub(match: re.Match[str]) -> str:
        whole, inner = match.group(1), match.group(2)
        name = whole or inner
        if is_password_placeholder(name):
            return match.group(0)  # filled only when applied, from the secret store
        if name in fills:
            return quote_string(fills[name]) if whole else escape_string(fills[name])
        missing.append(name)
        return match.group(0)

    return SQL_PLACEHOLDER.sub(sub, sql)


IPV4_CIDR = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}/\d{1,2}$")


XML_QUERY = re.compile(r"(<query>)(.*?)(</query>)", re.DOTALL)
QUERY_TOKEN = re.compile(r"(?<![`\w])([A-Z][A-Z0-9]*_[A-Z0-9_]*)(?![`\w])")  # `QUOTED_NAMES` are real


def _fill_queries(doc: str, fills: dict[str, str], missing: list[str]) -> str:
    """Tokens inside `<query>GRANT ... ON ALLOWED_DATABASE.*</query>` (identifiers: no quoting needed)."""

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in fills:
            return xml_escape(fills[name])
        missing.append(name)
        return name

    return XML_QUERY.sub(lambda m: m.group(1) + QUERY_TOKEN.sub(token, m.group(2)) + m.group(3), doc)


def _fill_xml(doc: str, fills: dict[str, str], missing: list[str], netmask_ipv4: bool = False) -> str:
    doc = _fill_queries(doc, fills, missing)

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in fills:
            value = fills[name].strip()
            if netmask_ipv4 and name.endswith("/CIDR") and IPV4_CIDR.match(value):
                value = ipv4_netmask_form(value)  # 18.x lets everyone in through an IPv4 prefix
            value = xml_escape(value)
            return f">{value}<"
        missing.append(name)
        return match.group(0)

    return XML_TOKEN_PLACEHOLDER.sub(sub, doc)


def _with_root(doc: str, root: str) -> str:
    return re.sub(r"^<(clickhouse|yandex)\b", f"<{root}", re.sub(r"</(clickhouse|yandex)>\s*$", f"</{root}>", doc))


def build(
    report: Report,
    *,
    fills: dict[str, str] | None = None,
    check_ids: Iterable[str] = (),
    root: str | None = None,
) -> FixScript:
    """One FixItem per finding that has a remediation (optionally only for ``check_ids``)."""
    wanted = set(check_ids)
    fills = fills or {}
    chosen_root = root or root_for(report)
    netmask_ipv4 = ipv4_prefixes_broken(report)
    items: list[FixItem] = []
    for finding in report.findings:
        if wanted and finding.check_id not in wanted:
            continue
        rem = finding.remediation
        missing: list[str] = []
        statements = [_fill_sql(s, fills, missing) for s in split_statements(rem.sql or "")]
        patches = [
            XmlPatch(patch_directory(doc), _with_root(_fill_xml(doc, fills, missing, netmask_ipv4), chosen_root))
            for doc in xml_documents(rem.xml or "")
        ]
        items.append(FixItem(finding, statements, patches, rem.text, sorted(set(missing))))
    _mark_superseded(items)
    return FixScript(items=items, root=chosen_root)


def _mark_superseded(items: list[FixItem]) -> None:
    """Leave out a fix that another fix of the script makes unnecessary (``CheckMeta.fixed_by``).

    A finding that exists only because an account has no password (a read-only profile, no DDL...) is
    gone once that account gets one; its own fix would only take rights away from an account that
    now authenticates.
    """
    ready: dict[tuple[str, str], int] = {}  # (check id, account) -> number of its first applicable fix
    for n, item in enumerate(items, 1):
        if (item.statements or item.patches) and not item.missing:
            ready.setdefault((item.finding.check_id, item.user), n)
    for item in items:
        passwordless = (
            item.finding.resource.partition(":")[0] == "session" or item.finding.evidence.get("passwordless") is True
        )
        fixes = [ready[(c, item.user)] for c in fixed_by(item.finding.check_id) if (c, item.user) in ready]
        if passwordless and fixes:
            item.superseded_by = min(fixes)


def report_version(report: Report) -> Version | None:
    """The server's version as the report tells it (an endpoint, or a version finding's evidence)."""
    texts = [e.version for e in report.endpoints] + [
        f.evidence.get("version") for f in report.findings if f.category == "versions"
    ]
    return next((v for v in map(parse_version, texts) if v is not None), None)


def ipv4_prefixes_broken(report: Report) -> bool:
    """The report is of an 18.x server, where `<ip>a.b.c.d/NN</ip>` matches every client."""
    version = report_version(report)
    return version is not None and not version.at_least(IPV4_PREFIXES_MATCH_SINCE)


def root_for(report: Report) -> str:
    """The root element the server's own config files use; else `<yandex>` before 22.1, `<clickhouse>` after.

    A server whose config.xml says `<yandex>` gets `<yandex>` patches on any version (a reviewer
    sees the same root in every file), and one whose files say `<clickhouse>` gets `<clickhouse>`.
    """
    roots = {t.config_root_element for t in report.targets if t.config_root_element}
    if len(roots) == 1:
        return roots.pop()
    version = report_version(report)
    return "yandex" if version is not None and not version.at_least(CLICKHOUSE_ROOT_SINCE) else "clickhouse"


def _comment_block(text: str) -> list[str]:
    return ["-- " + line if line else "--" for line in text.splitlines()]


def render(script: FixScript) -> str:
    """The whole fix as one reviewable SQL script; XML patches appear as comment blocks."""
    lines = [
        "-- chwarden fix script: review every statement before running it.",
        "-- SQL statements are what `chwarden fix --apply` runs; XML patches are drop-in files for",
        "-- users.d/ or config.d/ (written by --xml-dir) that an operator installs by hand.",
        "",
    ]
    for n, item in enumerate(script.items, 1):
        f = item.finding
        lines.append(f"-- [{n}] {f.severity.value.upper()} {f.check_id} {f.resource} ({f.target})")
        lines.append(f"--     {f.title}")
        if item.superseded_by is not None:
            lines.append(
                f"--     not needed: fix [{item.superseded_by}] gives {item.user} a password, which closes this "
                "finding; its own fix would only take rights away from an authenticated account"
            )
            lines.append("")
            continue
        if item.missing:
            lines.append(f"--     needs input (--set NAME=VALUE): {', '.join(item.missing)}")
        for statement in item.statements:
            lines.append((statement if item.ready else "-- " + statement.replace("\n", "\n-- ")) + ";")
        for i, patch in enumerate(item.patches, 1):
            lines.append(f"--     XML patch -> {patch.directory}/{patch_name(n, i, f)}")
            lines += _comment_block(patch.text)
        if not item.statements and not item.patches and item.text:
            lines += _comment_block(item.text)
        lines.append("")
    return "\n".join(lines)


def patch_name(n: int, i: int, finding: Finding) -> str:
    return f"zz-chwarden-fix-{n:03d}-{i}-{finding.check_id}.xml"


def write_xml_patches(script: FixScript, out: Path, store: SecretStore) -> list[Path]:
    """Write every ready XML patch under ``out``/users.d and ``out``/config.d.

    A `$PASSWORD` placeholder gets the SHA-256 of a new secret (the secret itself goes to ``store``).
    A value the patch reads from the server's environment (`from_env="NAME"`) is generated under that
    NAME, so the secrets file doubles as the server's EnvironmentFile. Patches that still need input
    are not written, nor is a patch identical to one already written.
    """
    written: list[Path] = []
    seen: set[tuple[str, str]] = set()  # several findings can share one patch (e.g. every test cluster)
    for n, item in enumerate(script.items, 1):
        if not item.ready:
            continue
        for i, patch in enumerate(item.patches, 1):
            if (patch.directory, patch.text) in seen:
                continue
            seen.add((patch.directory, patch.text))
            text = patch.text
            if XML_PASSWORD_PLACEHOLDER.search(text):
                secret = store.get(secret_key(patched_user(text) or item.user))
                text = XML_PASSWORD_PLACEHOLDER.sub(sha256_hex(secret), text)
            for name in FROM_ENV.findall(text):
                store.get(name)
            path = out / patch.directory / patch_name(n, i, item.finding)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text('<?xml version="1.0"?>\n' + text + "\n", encoding="utf-8")
            written.append(path)
    return written


USERS_ENTRY = re.compile(r"<users>\s*<([A-Za-z_][A-Za-z0-9_.-]*)[\s>]")


def patched_user(patch: str) -> str | None:
    """The user a users.d patch changes (a finding about an endpoint still sets `default`'s password)."""
    match = USERS_ENTRY.search(patch)
    return match.group(1) if match else None


def environment_names(script: FixScript) -> list[str]:
    """Environment variables the ready XML patches read (`from_env`): the server needs them set."""
    names = {n for item in script.items if item.ready for p in item.patches for n in FROM_ENV.findall(p.text)}
    return sorted(names)


def fill_passwords(statement: str, item: FixItem, store: SecretStore) -> str:
    """The statement with its password placeholders replaced by generated secrets (kept in ``store``)."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if not is_password_placeholder(name):
            return match.group(0)
        secret = store.get(secret_key(item.user))
        return f"'{secret}'" if match.group(1) else secret

    return SQL_PLACEHOLDER.sub(sub, statement)
