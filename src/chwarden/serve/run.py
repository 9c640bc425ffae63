"""Start the dashboard: check where it may listen, prepare its users, serve it with uvicorn.

Secure by default: it listens on 127.0.0.1. Any other address must be asked for and then needs
TLS (``--cert``/``--key``) unless ``--insecure-http`` says plain HTTP is wanted; on loopback it
answers only Host headers naming loopback. It reads the store and writes only acknowledgements
and suppressions to it; it never connects to a target.
"""

from __future__ import annotations

import ipaddress
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from chwarden.errors import InputError
from chwarden.serve.auth import UserStore

if TYPE_CHECKING:
    from chwarden.store import Store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def default_auth_dir() -> Path:
    """``$XDG_DATA_HOME/chwarden/serve`` on Linux: the users file and generated passwords."""
    return Path(user_data_dir("chwarden", appauthor=False)) / "serve"


@dataclass(frozen=True)
class ServeOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    cert: Path | None = None
    key: Path | None = None
    insecure_http: bool = False
    auth_dir: Path | None = None
    allowed_hosts: tuple[str, ...] = ()  # extra Host header names (a reverse proxy's, a DNS name)

    @property
    def tls(self) -> bool:
        return self.cert is not None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_options(options: ServeOptions) -> None:
    """Refuse to start in a way that would expose the dashboard by accident (an InputError says why)."""
    if (options.cert is None) != (options.key is None):
        raise InputError("--cert and --key go together")
    for path in (options.cert, options.key):
        if path is not None and not path.is_file():
            raise InputError(f"{path}: no such file")
    if not 0 < options.port < 65536:
        raise InputError(f"--port {options.port}: choose 1-65535")
    if not is_loopback(options.host) and not options.tls and not options.insecure_http:
        raise InputError(
            f"--host {options.host} is reachable from other machines: give --cert and --key for HTTPS "
            "(or --insecure-http to serve plain HTTP anyway, e.g. behind a TLS-terminating proxy)"
        )


def allowed_hosts(options: ServeOptions) -> list[str] | None:
    """Host headers the dashboard answers: loopback names on loopback (DNS rebinding stops here)."""
    from chwarden.serve.app import LOOPBACK_HOSTS  # lazy: Starlette and the pages load only to serve

    extra = list(options.allowed_hosts)
    if is_loopback(options.host):
        return [*LOOPBACK_HOSTS, options.host.strip("[]"), *extra]
    return extra or None


def serve(
    store: Store,
    options: ServeOptions,
    say: Callable[[str], None],
    store_label: str,
) -> None:
    """Run the dashboard until interrupted (SIGINT/SIGTERM end it cleanly)."""
    # lazy: the web stack (uvicorn, Starlette, Jinja2, the pages) loads only when the dashboard runs,
    # so `serve --help`, `--add-user` and the option checks start without it
    import uvicorn

    from chwarden.serve.app import build_app  # lazy: as above
    from chwarden.serve.context import ServeContext  # lazy: as above

    check_options(options)
    users = UserStore(options.auth_dir or default_auth_dir())
    created = users.ensure_admin()
    if created is not None:
        say(f"serve: created user admin; its password is in {created} (readable only by you)")
    context = ServeContext(store=store, users=users, store_label=store_label, tls=options.tls)
    app = build_app(context, allowed_hosts(options))
    config = uvicorn.Config(
        app,
        host=options.host.strip("[]"),
        port=options.port,
        ssl_certfile=str(options.cert) if options.cert else None,
        ssl_keyfile=str(options.key) if options.key else None,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    scheme = "https" if options.tls else "http"
    shown = f"[{options.host.strip('[]')}]" if ":" in options.host else options.host
    say(f"serve: {scheme}://{shown}:{options.port}/ over {store_label} (users in {users.path}); Ctrl-C stops")
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again for whoever handled
    # it before; here that is a clean stop, so the caller's cleanup (closing the store) still runs
    previous = {sig: signal.signal(sig, _stopped) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stopped(signum: int, frame: object) -> None:
    """The signal that stopped the server, raised again after its shutdown: nothing more to do."""
