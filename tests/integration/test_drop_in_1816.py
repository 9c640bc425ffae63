"""A users.d-only directory: the offline verdicts hold on a real 18.16 server loading the same files.

The offline audit reads the directory as mounted over an image's defaults; the live server gets
Debian's own config.xml/users.xml with the very same users.d next to them. Proven on the server:
`default` with the empty password of the drop-in file logs in (critical offline), `app`/`app` logs
in (well-known password offline), and the files the audit lists as ignored by ClickHouse (a hidden
`.xml` that would lock `default`, a README) are indeed not loaded.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from chwarden.audit import AuditOptions, audit_config
from tests.harness.ch18 import ConfigDirServer
from tests.harness.configs import DEBIAN_USERS, debian_server_config
from tests.harness.session import Ch18Env

pytestmark = pytest.mark.server

OPEN_DEFAULT = """<yandex><users><default>
    <password></password>
    <networks replace="replace"><ip>::/0</ip></networks>
</default></users></yandex>
"""
APP = """<yandex><users><app>
    <password>app</password>
    <networks><ip>::/0</ip></networks>
    <profile>default</profile>
    <quota>default</quota>
</app></users></yandex>
"""
# Would give default a password if ClickHouse loaded it: it does not (the name starts with a dot).
HIDDEN_LOCK = "<yandex><users><default><password>locked-by-hidden-file</password></default></users></yandex>\n"


def _drop_in(directory: Path) -> Path:
    users_d = directory / "users.d"
    users_d.mkdir(parents=True)
    (users_d / "open-default.xml").write_text(OPEN_DEFAULT)
    (users_d / "app.xml").write_text(APP)
    (users_d / ".lock-default.xml").write_text(HIDDEN_LOCK)
    (users_d / "README.txt").write_text("mounted into users.d\n")
    return directory


def _login(host: str, user: str, password: str) -> httpx.Response:
    headers = {"X-ClickHouse-User": user, "X-ClickHouse-Key": password}
    return httpx.post(f"http://{host}:8123/", content=b"SELECT 1", headers=headers, timeout=10)


def test_drop_in_verdicts_hold_live(
    ch18_env: Ch18Env, ch18_dir_factory: Callable[..., ConfigDirServer], tmp_path: Path
) -> None:
    drop_in = _drop_in(tmp_path / "drop-in")
    report, _ = audit_config(str(drop_in), AuditOptions())
    found = {(f.check_id, f.resource): f for f in report.findings}
    default = found[("default_user_without_password", "user:default")]
    assert default.severity.value == "critical" and str(default.location) == "users.d/open-default.xml:2"
    assert found[("well_known_password", "user:app")].severity.value == "high"
    ignored = {f.file for f in report.targets[0].files_not_read}
    assert ignored == {"users.d/.lock-default.xml", "users.d/README.txt"}

    host = ch18_env.next_host()
    etc = tmp_path / "server"
    etc.mkdir()
    (etc / "config.xml").write_text(debian_server_config(host, tmp_path / "server-root"))
    shutil.copy(DEBIAN_USERS, etc / "users.xml")
    shutil.copytree(drop_in / "users.d", etc / "users.d")
    ch18_dir_factory(etc / "config.xml", f"http://{host}:8123/ping")

    anonymous = _login(host, "default", "")
    assert anonymous.status_code == 200 and anonymous.text.strip() == "1", anonymous.text
    assert _login(host, "default", "locked-by-hidden-file").status_code != 200  # the hidden file was not loaded
    well_known = _login(host, "app", "app")
    assert well_known.status_code == 200 and well_known.text.strip() == "1", well_known.text
    assert _login(host, "app", "not-app").status_code != 200  # `app` is a real user with that password
