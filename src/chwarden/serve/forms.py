"""Every state change: log in, log out, acknowledge an alert, suppress or revoke a suppression.

Each is a POST that passes ``state_change`` first: a logged-in session (the login form excepted), a
CSRF token equal to the session's (a hidden form field, compared in constant time), an ``Origin``
header, when the browser sends one, naming this server, and the role the action needs (only
``admin`` acknowledges and suppresses). Anything else is refused before the store is touched; the
only writes go to the store's ``alert_acks`` and ``suppressions`` tables.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Awaitable, Callable
from functools import wraps
from urllib.parse import urlsplit

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from chwarden.serve.auth import Role
from chwarden.serve.context import DashboardUser, context_of, render
from chwarden.serve.sessions import same_token
from chwarden.store import actions
from chwarden.store import dashboard as q
from chwarden.suppress import Suppression

MAX_FIELD = 2000
MAX_REASON = 500
MAX_EXPIRY_DAYS = 365
SCOPES = ("this", "rule_here", "rule_everywhere")

Handler = Callable[[Request, FormData, DashboardUser], Awaitable[Response]]


def refuse(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html.j2", status=status, title="Refused", message=message)


def origin_ok(request: Request) -> bool:
    """A browser's ``Origin`` (or, without it, ``Referer``) must name this server."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # not a browser form post; the CSRF token still has to match
    expected = f"{request.url.scheme}://{request.url.netloc}"
    return origin == expected or origin.startswith(expected + "/")


def local_path(value: object, request: Request, default: str = "/") -> str:
    """A redirect target on this server only (no ``//host`` or ``scheme:`` open redirect); an
    absolute URL naming this server becomes its path."""
    text = value if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        if parts.scheme != request.url.scheme or parts.netloc != request.url.netloc:
            return default
        text = parts.path + (f"?{parts.query}" if parts.query else "")
    if not text.startswith("/") or text.startswith("//") or "\\" in text or any(ord(c) < 32 for c in text):
        return default
    return text


def state_change(role: Role) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Session, CSRF token, origin and role checks around a POST handler."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @wraps(handler)
        async def endpoint(request: Request) -> Response:
            user = request.user if isinstance(request.user, DashboardUser) else None
            if user is None:
                return refuse(request, 401, "Log in first.")
            form = await request.form(max_files=0, max_fields=20, max_part_size=64 * 1024)
            if not same_token(form.get("csrf_token"), user.session.csrf) or not origin_ok(request):
                return refuse(request, 403, "The form expired or did not come from this dashboard: reload and retry.")
            if role == "admin" and not user.account.is_admin:
                return refuse(request, 403, "Only an admin may do this; you are logged in as a viewer.")
            return await handler(request, form, user)

        return endpoint

    return wrap


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip()[:MAX_FIELD] if isinstance(value, str) else ""


def glob_literal(text: str) -> str:
    """A glob that matches exactly ``text`` (fnmatch's metacharacters put in brackets)."""
    return re.sub(r"([*?\[])", r"[\1]", text)


# ------------------------------------------------------------------------------- login, logout


async def login_form(request: Request) -> Response:
    if isinstance(request.user, DashboardUser):
        return RedirectResponse("/", 303)
    token = request.session.get("login_csrf")
    if not isinstance(token, str):
        token = request.session["login_csrf"] = secrets.token_urlsafe(32)
    return render(request, "login.html.j2", title="Log in", login_csrf=token, error="", next=local_path(
        request.query_params.get("next"), request))  # fmt: skip


async def login(request: Request) -> Response:
    context = context_of(request)
    form = await request.form(max_files=0, max_fields=10, max_part_size=8 * 1024)
    expected = request.session.get("login_csrf")
    if not isinstance(expected, str) or not same_token(form.get("csrf_token"), expected) or not origin_ok(request):
        return refuse(request, 403, "The login form expired: reload the page and log in again.")
    name, password = _field(form, "username"), form.get("password")
    address = request.client.host if request.client else "unknown"
    if not context.limiter.allowed(address, name):
        response = render(
            request, "login.html.j2", status=429, title="Log in", login_csrf=expected, next="/",
            error="Too many failed logins: wait a minute and try again.",
        )  # fmt: skip
        response.headers["Retry-After"] = "60"
        return response
    user = await run_in_threadpool(context.users.verify, name, password if isinstance(password, str) else "")
    if user is None:
        context.limiter.failed(address, name)
        return render(
            request, "login.html.j2", status=401, title="Log in", login_csrf=expected, next="/",
            error="Wrong user name or password.",
        )  # fmt: skip
    request.session.clear()  # a new session id after login: nothing set before it survives
    request.session["sid"] = context.sessions.create(user).sid
    return RedirectResponse(local_path(form.get("next"), request), 303)


@state_change("viewer")
async def logout(request: Request, form: FormData, user: DashboardUser) -> Response:
    context_of(request).sessions.drop(user.session.sid)
    request.session.clear()
    return RedirectResponse("/login", 303)


# ------------------------------------------------------------------------------- acknowledge


@state_change("admin")
async def acknowledge(request: Request, form: FormData, user: DashboardUser) -> Response:
    context = context_of(request)
    target, fingerprint = _field(form, "target"), _field(form, "fingerprint")
    undo = form.get("undo") == "1"
    found = await run_in_threadpool(q.alert, context.store, target, fingerprint)
    if found is None:
        return refuse(request, 404, "No such alert in the store.")
    note = _field(form, "note")[:MAX_REASON]
    await run_in_threadpool(actions.acknowledge, context.store, target, fingerprint, user.account.name, note, undo)
    return RedirectResponse(local_path(form.get("next"), request, "/alerts"), 303)


# ------------------------------------------------------------------------------- suppress


def _expiry(text: str, today: dt.date) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if today < day <= today + dt.timedelta(days=MAX_EXPIRY_DAYS) else None


@state_change("admin")
async def suppress(request: Request, form: FormData, user: DashboardUser) -> Response:
    """A suppression of one alert or finding (``this``: its fingerprint on its target), of a rule or
    check on this target, or of it on every target; reason and expiry are required."""
    context = context_of(request)
    today = context.today()
    target, fingerprint, check = _field(form, "target"), _field(form, "fingerprint"), _field(form, "check")
    scope = _field(form, "scope")
    reason = _field(form, "reason")[:MAX_REASON]
    expires = _expiry(_field(form, "expires"), today)
    problems = []
    if scope not in SCOPES:
        problems.append("choose what to suppress")
    if not reason:
        problems.append("give a reason")
    if expires is None:
        problems.append(f"give an expiry date after today and at most {MAX_EXPIRY_DAYS} days away")
    if target not in await run_in_threadpool(q.target_names, context.store):
        problems.append("the target is not in the store")
    if (scope == "this" and not fingerprint) or (scope != "this" and not check):
        problems.append("nothing to suppress was named")
    if problems:
        return refuse(request, 400, "Not suppressed: " + "; ".join(problems) + ".")
    fields = {
        "this": {"fingerprint": fingerprint, "check": "", "resource": "*", "target": glob_literal(target)},
        "rule_here": {"fingerprint": "", "check": check, "resource": "*", "target": glob_literal(target)},
        "rule_everywhere": {"fingerprint": "", "check": check, "resource": "*", "target": "*"},
    }[scope]
    try:  # the CLI's own validation of an entry
        Suppression(
            check=fields["check"] or None,
            resource=fields["resource"],
            target=fields["target"],
            fingerprint=fields["fingerprint"] or None,
            reason=reason,
            expires=expires,
        )
    except ValidationError as exc:
        return refuse(request, 400, f"Not suppressed: {exc.errors()[0]['msg']}.")
    await run_in_threadpool(
        lambda: actions.add_suppression(
            context.store, **fields, reason=reason, expires=expires, actor=user.account.name
        )
    )
    return RedirectResponse(local_path(form.get("next"), request, "/alerts"), 303)


@state_change("admin")
async def revoke(request: Request, form: FormData, user: DashboardUser) -> Response:
    context = context_of(request)
    revoked = await run_in_threadpool(
        actions.revoke_suppression, context.store, _field(form, "suppression_id"), user.account.name
    )
    if revoked is None:
        return refuse(request, 404, "No such active suppression.")
    return RedirectResponse(local_path(form.get("next"), request, "/alerts"), 303)
