"""The pages (GET only, never a change): fleet, trends, one target, alerts, catalogues.

Each handler reads query parameters through an allowlist (unknown sort keys, severities or states
fall back to defaults), asks the store for what it shows and renders a template. Handlers are
plain functions: Starlette runs them in its thread pool, so a slow store never blocks the server.
"""

from __future__ import annotations

import datetime as dt

import yaml
from starlette.authentication import requires
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from chwarden.serve import charts
from chwarden.serve import data as views
from chwarden.serve.catalog import KINDS, search
from chwarden.serve.context import context_of, render
from chwarden.store import dashboard as q

PERIODS = (7, 30, 90, 365)
SEVERITY_COLOURS = {"critical": "#8b0000", "high": "#d32f2f", "medium": "#ef8f00", "low": "#1e88e5", "info": "#90a4ae"}
CHANGE_COLOURS = {"opened": "#d32f2f", "reopened": "#ef8f00", "resolved": "#2e7d32"}
MAX_TEXT = 200  # longest search text taken from a query string


def _text(request: Request, name: str) -> str:
    return request.query_params.get(name, "")[:MAX_TEXT].strip()


def _choice(request: Request, name: str, allowed: tuple[str, ...] | list[str], default: str) -> str:
    value = request.query_params.get(name, default)
    return value if value in allowed else default


def _days(request: Request) -> int:
    value = request.query_params.get("days", "90")
    return int(value) if value.isdigit() and int(value) in PERIODS else 90


@requires("authenticated", redirect="login")
def fleet(request: Request) -> Response:
    context = context_of(request)
    today = context.today()
    decided = views.decisions(context.store, today)
    chosen = q.FleetFilter(
        text=_text(request, "q"),
        min_severity=_choice(request, "severity", q.SEVERITIES, ""),
        anonymous=request.query_params.get("anonymous") == "1",
        failing=request.query_params.get("failing") == "1",
        sort=_choice(request, "sort", tuple(q.FLEET_SORTS), "score"),
        descending=request.query_params.get("order") == "desc",
    )
    rows = views.fleet_rows(q.fleet_overview(context.store, chosen, decided.adjust), today)
    if request.query_params.get("support") == "unsupported":
        rows = [r for r in rows if r["support"] == "unsupported"]
    return render(
        request,
        "fleet.html.j2",
        title="Fleet overview",
        rows=rows,
        chosen=chosen,
        severities=q.SEVERITIES,
        weights=q.SCORE_WEIGHTS,
        anonymous_penalty=q.ANONYMOUS_PENALTY,
        score_half=q.SCORE_HALF,
        suppressions=len(decided.active),
    )


@requires("authenticated", redirect="login")
def trends(request: Request) -> Response:
    context = context_of(request)
    days = _days(request)
    names = q.target_names(context.store)
    target = request.query_params.get("target") or None
    if target is not None and target not in names:
        target = None
    labels = views.day_labels(days, context.today())
    severity = views.by_day(q.severity_per_day(context.store, days, target), labels, q.SEVERITIES)
    changes = views.by_day(q.finding_changes_per_day(context.store, days, target), labels, list(CHANGE_COLOURS))
    severity_chart = charts.stacked_bars(
        "Open findings by severity per day",
        labels,
        [charts.Series(s, SEVERITY_COLOURS[s], severity[s]) for s in reversed(q.SEVERITIES)],
    )
    change_chart = charts.diverging_bars(
        "New, reopened (up) and resolved (down) findings per day",
        labels,
        [charts.Series(n, CHANGE_COLOURS[n], changes[n]) for n in ("opened", "reopened")],
        [charts.Series("resolved", CHANGE_COLOURS["resolved"], changes["resolved"])],
    )
    table = [
        {"day": day, **{s: severity[s][i] for s in q.SEVERITIES}, **{n: changes[n][i] for n in CHANGE_COLOURS}}
        for i, day in enumerate(labels)
        if any(severity[s][i] for s in q.SEVERITIES) or any(changes[n][i] for n in CHANGE_COLOURS)
    ]
    return render(
        request,
        "trends.html.j2",
        title="Trends and drift",
        days=days,
        periods=PERIODS,
        names=names,
        target=target,
        severity_chart=severity_chart,
        change_chart=change_chart,
        severity_colours=SEVERITY_COLOURS,
        change_colours=CHANGE_COLOURS,
        severities=q.SEVERITIES,
        table=table,
        drift=q.drift(context.store, days, target),
    )


@requires("authenticated", redirect="login")
def target(request: Request) -> Response:
    context = context_of(request)
    name = request.query_params.get("name", "")
    cycle = q.target_cycle(context.store, name) if name else None
    if cycle is None:
        raise HTTPException(404, "no such target in the store")
    today = context.today()
    decided = views.decisions(context.store, today, name)
    summary = next(iter(q.fleet_overview(context.store, q.FleetFilter(only=name), decided.adjust)), None)
    findings = views.finding_views(q.latest_findings(context.store, name), name, decided)
    paths, graph = views.attack_paths(q.latest_paths(context.store, name))
    alerts = q.alerts(context.store, q.AlertFilter(state="all", target=name, limit=30), decided.adjust)
    support, support_reason = views.support_of(str(cycle["known_version"]), today)
    return render(
        request,
        "target.html.j2",
        title=name,
        name=name,
        cycle=cycle,
        summary=views.fleet_rows([summary], today)[0] if summary else None,
        support=support,
        support_reason=support_reason,
        groups=views.group_findings(findings),
        findings_total=len(findings),
        paths=paths,
        graph=graph,
        inventory=views.inventory(context.store, name),
        alerts=alerts,
        timeline=q.timeline(context.store, name, 30),
        not_checked=views.not_checked(cycle),
        min_expiry=(today + dt.timedelta(days=1)).isoformat(),
        max_expiry=(today + dt.timedelta(days=365)).isoformat(),
    )


@requires("authenticated", redirect="login")
def alerts(request: Request) -> Response:
    context = context_of(request)
    today = context.today()
    decided = views.decisions(context.store, today)
    names = q.target_names(context.store)
    target = request.query_params.get("target") or None
    chosen = q.AlertFilter(
        state=_choice(request, "state", q.ALERT_STATES, "open"),
        target=target if target in names else None,
        min_severity=_choice(request, "severity", q.SEVERITIES, ""),
        text=_text(request, "q"),
    )
    return render(
        request,
        "alerts.html.j2",
        title="Alerts",
        rows=q.alerts(context.store, chosen, decided.adjust),
        chosen=chosen,
        states=q.ALERT_STATES,
        severities=q.SEVERITIES,
        names=names,
        active=[record for record, _ in decided.active],
        expired=decided.expired,
        revoked=decided.revoked[:50],
        min_expiry=(today + dt.timedelta(days=1)).isoformat(),
        max_expiry=(today + dt.timedelta(days=365)).isoformat(),
    )


@requires("authenticated", redirect="login")
def catalogue(request: Request) -> Response:
    kind = _choice(request, "kind", tuple(KINDS), "checks")
    text = _text(request, "q")
    return render(
        request, "catalogue.html.j2", title=KINDS[kind], kind=kind, kinds=KINDS, text=text, entries=search(kind, text)
    )


@requires("authenticated", redirect="login")
def suppressions_file(request: Request) -> Response:
    """The active suppressions as a ``.chwarden.yaml`` the CLI reads (``audit --suppressions FILE``)."""
    context = context_of(request)
    decided = views.decisions(context.store, context.today())
    entries = []
    for record, _ in decided.active:
        entry: dict[str, object] = {"fingerprint": record.fingerprint} if record.fingerprint else {
            "check": record.check, "resource": record.resource}  # fmt: skip
        entry.update({"target": record.target, "reason": f"{record.reason} ({record.created_by}, {record.created_at})"})
        if record.expires:
            entry["expires"] = record.expires
        entries.append(entry)
    text = "# active suppressions exported from the chwarden dashboard\n" + yaml.safe_dump(
        {"suppressions": entries}, sort_keys=False, allow_unicode=True
    )
    return PlainTextResponse(
        text, media_type="text/plain", headers={"Content-Disposition": 'attachment; filename=".chwarden.yaml"'}
    )
