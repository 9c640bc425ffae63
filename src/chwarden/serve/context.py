"""What every request handler shares: the store, users, sessions, templates, and small helpers.

Templates are Jinja2 with autoescaping on for every template (the file names end in ``.j2``, so it
is switched on explicitly) and ``StrictUndefined``: every value a target ever produced (target,
table, column, user names, query ids, query text, evidence) is escaped where it is printed. Links
to a target carry its name URL-encoded in the query string, never raw in a path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.authentication import BaseUser
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from chwarden import __version__
from chwarden.serve.auth import User, UserStore
from chwarden.serve.sessions import LoginLimiter, Session, Sessions
from chwarden.store import Store


def target_url(name: str) -> str:
    return "/target?name=" + quote(name, safe="")


def query_url(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """``path`` with the current query parameters, some changed (None drops one)."""
    merged = {**{k: v for k, v in params.items()}, **changes}
    kept = {k: str(v) for k, v in merged.items() if v is not None and v != ""}
    return path + ("?" + urlencode(kept) if kept else "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("chwarden.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(target_url=target_url, query_url=query_url, version=__version__)
    return env


@dataclass
class ServeContext:
    store: Store
    users: UserStore
    store_label: str
    tls: bool = False
    sessions: Sessions = field(default_factory=Sessions)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    today: Callable[[], dt.date] = dt.date.today
    templates: Jinja2Templates = field(default_factory=lambda: Jinja2Templates(env=_environment()))


class DashboardUser(BaseUser):
    """The logged-in user of a request (``request.user``), with the session behind it."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.session.user.name

    @property
    def account(self) -> User:
        return self.session.user


def context_of(request: Request) -> ServeContext:
    context: ServeContext = request.app.state.context
    return context


def render(request: Request, template: str, status: int = 200, **values: Any) -> Response:
    """A page: the template with the user, role and CSRF token every layout needs."""
    context = context_of(request)
    user = request.user if isinstance(request.user, DashboardUser) else None
    base = {
        "user": user.account if user else None,
        "csrf": user.session.csrf if user else "",
        "store_label": context.store_label,
        "path": request.url.path,
        "params": dict(request.query_params),
    }
    return context.templates.TemplateResponse(request, template, {**base, **values}, status_code=status)
