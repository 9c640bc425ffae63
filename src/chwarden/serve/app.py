"""The dashboard's ASGI application: routes, middleware, authentication, error pages.

Middleware, outermost first: security headers on every answer; a Host allowlist (a dashboard on
loopback answers only to loopback names, which defeats DNS rebinding); Starlette's signed session
cookie (HttpOnly, SameSite=Strict, Secure and ``__Host-`` under TLS), which carries only a random
session id; authentication that turns the id into a user and role. Every page requires a login;
only the login form and the static files (CSS and the copy-button script) answer without one.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from chwarden.serve import forms, pages
from chwarden.serve.context import DashboardUser, ServeContext, render
from chwarden.serve.headers import SecurityHeaders
from chwarden.serve.sessions import LIFETIME_SECONDS
from chwarden.store import StoreError

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SessionAuth(AuthenticationBackend):
    """A request is logged in when its session id names a live server-side session."""

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        context: ServeContext = conn.app.state.context
        session = context.sessions.get(conn.session.get("sid"))
        if session is None:
            return None
        scopes = ["authenticated", session.user.role]
        return AuthCredentials(scopes), DashboardUser(session)


async def not_found(request: Request, exc: Exception) -> Response:
    detail = exc.detail if isinstance(exc, HTTPException) else "Not found"
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    return render(request, "error.html.j2", status=status, title="Not found", message=str(detail))


async def store_unavailable(request: Request, exc: Exception) -> Response:
    return render(
        request,
        "error.html.j2",
        status=503,
        title="Store unavailable",
        message="The findings store did not answer; the page will work again once it does.",
    )


def build_app(context: ServeContext, allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The application over an open store; ``allowed_hosts`` None answers any Host header."""
    routes = [
        Route("/", pages.fleet, name="fleet"),
        Route("/trends", pages.trends, name="trends"),
        Route("/target", pages.target, name="target"),
        Route("/alerts", pages.alerts, name="alerts"),
        Route("/catalogue", pages.catalogue, name="catalogue"),
        Route("/suppressions.yaml", pages.suppressions_file, name="suppressions_file"),
        Route("/login", forms.login_form, name="login"),
        Route("/login", forms.login, methods=["POST"]),
        Route("/logout", forms.logout, methods=["POST"], name="logout"),
        Route("/alerts/acknowledge", forms.acknowledge, methods=["POST"], name="acknowledge"),
        Route("/suppressions", forms.suppress, methods=["POST"], name="suppress"),
        Route("/suppressions/revoke", forms.revoke, methods=["POST"], name="revoke"),
        Mount("/static", StaticFiles(packages=[("chwarden.serve", "static")]), name="static"),
    ]
    cookie = "__Host-chwarden" if context.tls else "chwarden"
    middleware = [
        Middleware(SecurityHeaders, tls=context.tls),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts) if allowed_hosts else ["*"]),
        Middleware(
            SessionMiddleware,
            secret_key=secrets.token_urlsafe(32),
            session_cookie=cookie,
            max_age=LIFETIME_SECONDS,
            same_site="strict",
            https_only=context.tls,
        ),
        Middleware(AuthenticationMiddleware, backend=SessionAuth()),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: not_found, 405: not_found, StoreError: store_unavailable},
    )
    app.state.context = context
    return app
