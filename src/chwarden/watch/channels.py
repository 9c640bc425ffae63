"""Where alerts go: a generic JSON webhook, a Slack-compatible webhook, e-mail over SMTP.

Every channel receives an ``Alert`` whose text fields were scrubbed of credentials; a channel
only formats and sends. Webhook URLs (Slack's carries a token) may come from the environment;
``describe`` shows a channel without its URL path or query.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import httpx

from chwarden import __version__
from chwarden.model import Severity
from chwarden.watch.config import EmailChannel, WatchConfigError, WebhookChannel


@dataclass(frozen=True)
class Alert:
    fingerprint: str
    target: str
    source: str  # detection | drift | finding | summary
    rule_id: str
    severity: Severity
    title: str
    status: str  # firing | resolved
    summary: str
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "target": self.target,
            "source": self.source,
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "title": self.title,
            "status": self.status,
            "summary": self.summary,
            "details": self.details,
        }


class ChannelError(Exception):
    pass


class AlertChannel(ABC):
    name: str = "channel"
    min_severity: Severity = Severity.MEDIUM

    def wants(self, alert: Alert) -> bool:
        return alert.source == "summary" or alert.severity.at_least(self.min_severity)

    @abstractmethod
    def send(self, alert: Alert) -> None: ...


def _url(config: WebhookChannel, env: dict[str, str]) -> str:
    url = env.get(config.url_env, "") if config.url_env else (config.url or "")
    if not url:
        raise WatchConfigError(f"{config.type} channel needs url or url_env (set {config.url_env or 'url'})")
    if urlsplit(url).scheme not in ("http", "https"):
        raise WatchConfigError(f"{config.type} channel URL must be http(s)")
    return url


def _describe(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…"


class WebhookAlerts(AlertChannel):
    """POST the alert as JSON."""

    def __init__(self, config: WebhookChannel, env: dict[str, str]) -> None:
        self.url = _url(config, env)
        self.name = f"webhook {_describe(self.url)}"
        self.min_severity = config.min_severity
        self.timeout = config.timeout

    def payload(self, alert: Alert) -> dict[str, Any]:
        return {"source": "chwarden", "version": __version__, "status": alert.status, "alert": alert.as_dict()}

    def send(self, alert: Alert) -> None:
        try:
            answer = httpx.post(self.url, json=self.payload(alert), timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise ChannelError(f"{type(exc).__name__}: {str(exc)[:200]}") from exc
        if answer.status_code >= 300:
            raise ChannelError(f"HTTP {answer.status_code}")


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SlackAlerts(WebhookAlerts):
    """Slack incoming-webhook format (``text`` + one mrkdwn section); Mattermost and others accept it."""

    def __init__(self, config: WebhookChannel, env: dict[str, str]) -> None:
        super().__init__(config, env)
        self.name = f"slack {_describe(self.url)}"

    def payload(self, alert: Alert) -> dict[str, Any]:
        icon = "resolved" if alert.status == "resolved" else alert.severity.value.upper()
        head = f"[{icon}] {alert.title} on {alert.target}"
        lines = [f"*{_slack_escape(head)}*", _slack_escape(alert.summary)]
        for key in ("addresses", "users", "query_ids", "technique", "resource"):
            value = alert.details.get(key)
            if value:
                shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
                lines.append(f"*{key}:* `{_slack_escape(shown)[:300]}`")
        return {"text": head, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}}]}


class EmailAlerts(AlertChannel):
    def __init__(self, config: EmailChannel, env: dict[str, str]) -> None:
        self.config = config
        self.password = env.get(config.password_env, "") if config.password_env else ""
        if config.password_env and config.password_env not in env:
            raise WatchConfigError(f"environment variable {config.password_env} (SMTP password) is not set")
        self.name = f"email {config.host}:{config.port}"
        self.min_severity = config.min_severity

    def message(self, alert: Alert) -> EmailMessage:
        msg = EmailMessage()
        state = "resolved" if alert.status == "resolved" else alert.severity.value.upper()
        msg["Subject"] = f"[chwarden] {state}: {alert.title} on {alert.target}"[:200]
        msg["From"] = self.config.sender
        msg["To"] = ", ".join(self.config.to)
        body = [alert.summary, ""]
        body.extend(
            f"{k}: {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}"
            for k, v in alert.details.items()
        )
        body.extend(["", f"fingerprint: {alert.fingerprint}", f"chwarden {__version__}"])
        msg.set_content("\n".join(body))
        return msg

    def send(self, alert: Alert) -> None:
        c = self.config
        try:
            context = ssl.create_default_context()
            smtp: smtplib.SMTP = (
                smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=context)
                if c.tls
                else smtplib.SMTP(c.host, c.port, timeout=c.timeout)
            )
            with smtp:
                if c.starttls and not c.tls:
                    smtp.starttls(context=context)
                if c.user:
                    smtp.login(c.user, self.password)
                smtp.send_message(self.message(alert))
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelError(f"{type(exc).__name__}: {str(exc)[:200]}") from exc


def build_channels(
    configs: list[WebhookChannel | EmailChannel], env: dict[str, str] | None = None
) -> list[AlertChannel]:
    env = dict(os.environ) if env is None else env
    channels: list[AlertChannel] = []
    for config in configs:
        if isinstance(config, EmailChannel):
            channels.append(EmailAlerts(config, env))
        elif config.type == "slack":
            channels.append(SlackAlerts(config, env))
        else:
            channels.append(WebhookAlerts(config, env))
    return channels
