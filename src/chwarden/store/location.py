"""Where the store lives: a chdb directory (default, under the user's data directory) or a server URL.

Credentials for a server store come from ``CHWARDEN_STORE_USER`` / ``CHWARDEN_STORE_PASSWORD`` or a
password file, never from the URL (a password in a URL lands in shell history and ``ps``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from platformdirs import user_data_dir

from chwarden.store.backend import StoreError


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/chwarden/store`` on Linux (``platformdirs`` elsewhere)."""
    return Path(user_data_dir("chwarden", appauthor=False)) / "store"


@dataclass(frozen=True)
class StoreSpec:
    """How to reach the store; ``__repr__`` never shows the password."""

    location: str  # directory path, chdb:///path, or http[s]://host:port
    cluster: str | None = None
    database: str = "chwarden"
    user: str = "default"
    password: str = ""
    verify_tls: bool = True
    ca_file: str | None = None
    buffered: bool = False  # Buffer tables in front of the store's tables (a fleet's many small writes)

    def __repr__(self) -> str:
        return f"StoreSpec(location={self.location!r}, cluster={self.cluster!r}, database={self.database!r})"

    @property
    def is_server(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def path(self) -> str:
        """The directory of an embedded store."""
        if self.location.startswith("chdb://"):
            return unquote(urlsplit(self.location).path)
        return self.location

    @property
    def display(self) -> str:
        return self.location if self.is_server else f"embedded:{self.path}"


def store_spec(
    location: str | None,
    *,
    cluster: str | None = None,
    database: str = "chwarden",
    password_file: str | None = None,
    verify_tls: bool = True,
    ca_file: str | None = None,
    env: dict[str, str] | None = None,
    buffered: bool = False,
) -> StoreSpec:
    """Build the store spec from a --store value (None: the default embedded directory)."""
    env = dict(os.environ) if env is None else env
    if not location:
        return StoreSpec(str(default_store_path()), cluster=cluster, database=database)
    if "://" in location and not location.startswith(("http://", "https://", "chdb://")):
        raise StoreError(f"unsupported store {location!r}: give a directory, chdb:///path or http[s]://host:port")
    user = env.get("CHWARDEN_STORE_USER", "default")
    password = env.get("CHWARDEN_STORE_PASSWORD", "")
    if location.startswith(("http://", "https://")):
        parts = urlsplit(location)
        if parts.password is not None:
            raise StoreError("a password in the store URL is refused: use CHWARDEN_STORE_PASSWORD or a password file")
        if not parts.hostname:
            raise StoreError(f"no host in store URL {location!r}")
        if parts.username:
            user = unquote(parts.username)
        port = parts.port or (8443 if parts.scheme == "https" else 8123)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        location = f"{parts.scheme}://{host}:{port}"
    elif cluster or buffered:
        option = "--store-cluster" if cluster else "--store-buffer"
        raise StoreError(f"{option} needs a server store (--store http[s]://...)")
    if password_file:
        try:
            password = Path(password_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise StoreError(f"cannot read store password file {password_file}: {exc.strerror}") from exc
    return StoreSpec(
        location,
        cluster=cluster,
        database=database,
        user=user,
        password=password,
        verify_tls=verify_tls,
        ca_file=ca_file,
        buffered=buffered,
    )
