"""Line templates that carry a snippet, and clean filler lines, split into dev and held-out shapes.

The dev split wraps snippets in plain log lines, JSON log records, chat-like sentences and bare
values; the held-out split in syslog lines, logfmt records, stack traces and CSV rows, none of
which the rules were written on; the fresh split (added after the held-out split had shown its
mistakes and those classes were fixed) in container JSON logs, XML, nginx access lines and Python
reprs, used once to fix the class it showed (non-ASCII keywords as ``\\uXXXX`` escapes); the unseen
split (log4j lines, JSON events whose message is JSON, SQL INSERT rows, Markdown tables) was written
after that fix and used once, to fix the three classes it showed (quotes escaped twice, a token with
dots, a SQL literal's doubled quotes); the novel split (Apache error lines, protobuf text format,
CEF records whose values escape ``=``, journald exports, YAML blocks) was written after those fixes
and used once, to fix what it showed (separators escaped as ``\\=``, numbers named as times, an
address cut out of a URL's password); the sealed split (GELF records, Windows events as XML, HTTP
request dumps, Go struct prints, TOML) was written after those fixes and has never been used to
write a rule; the blind split (Elastic Common Schema JSON records, Ruby/Rails logger lines, MySQL
general query log lines, Redis MONITOR lines, Kafka console-consumer records) was written by a
session that did not read the rules, to be scored once; the veiled split (PostgreSQL server log
lines with their DETAIL and STATEMENT lines, MongoDB structured JSON logs, AWS CloudTrail records,
Serilog compact JSON, bash history with timestamps) was written after blind's fixes, by a session
that did not read the rules either, to be scored once; the hidden split (Envoy access lines with the
snippet URL-encoded in the query, RFC 5424 syslog with structured data, Spring Boot lines with Java
stack traces, Jupyter notebook cells, ``terraform plan`` output) was written after veiled's
fixes, by a third session that did not read the rules, to be scored once; the unheard split (GitHub Actions
job logs, Kubernetes audit events, GitLab CI traces with ANSI colours, Sentry events, Slack export messages
with ``\\/``-escaped slashes) was written after hidden, by a fourth session that did not read the rules, to be scored
once; the untold split (OpenTelemetry OTLP/JSON log exports, Airflow task logs, AWS Lambda CloudWatch logs with START,
END and REPORT lines, Laravel log lines, Ansible play output, Heroku logplex lines, Jenkins pipeline consoles) was
written after unheard, by a fifth session that did not read the rules, to be scored once; the unspoken split (``docker
compose logs`` with service prefixes, ``journalctl -o verbose`` entries, Celery worker lines, Google Cloud Logging
entries, Cloudflare ``wrangler tail`` JSON events, Windows PowerShell transcripts, Spark driver lines) was written after
untold, by a sixth session that did not read the rules, to be scored once; the unnamed split (Fluent Bit ``stdout``
records, Vector JSON events, Traefik access and error lines, Caddy JSON logs, Go ``slog`` text lines, Rails
``Parameters:`` blocks, Kafka Connect worker lines, HAProxy logs with a captured header, zap and pino JSON) was written
last, by a seventh session that did not read the rules, to be scored once; the unmarked split (API Gateway
execution logs, HashiCorp hclog lines, IIS W3C logs, Azure Functions resource-log records, Nextcloud JSON logs,
Temporal workflow histories, Fluent Bit stdout records, Sidekiq, Datadog Agent and SQL Server ERRORLOG lines) was
written at the same time, by an eighth session that did not read the rules, to be scored once; the unwritten split
(klog, Argo CD logrus lines, Loki query replies, Alertmanager webhooks, Buildkite job logs, Logstash rubydebug,
Tomcat catalina.out, .NET console logs, PHP-FPM stderr, Splunk HEC payloads, Elixir Logger, gunicorn, RabbitMQ,
Keycloak and structlog lines) was written after them, by a ninth session that did not read the rules, to be scored once;
the unsaid split (loguru, ``pm2 logs``, Ray Serve replicas, ClickHouse's server log, Cloud Foundry ``cf logs``, Fly.io
machine logs, Kong's error log, MinIO JSON, Vault audit entries and Prefect console lines) was written after unwritten,
by a tenth session that did not read the rules, to be scored once; the unvoiced split (Android ``logcat``, bunyan
JSON, Rust ``tracing`` fmt and JSON lines and ``env_logger``, ``java.util.logging``, Dagster, macOS ``log show``,
LangSmith runs, Bedrock invocation logs, Auth0 log events, Jaeger spans and uvicorn's error lines) was written after
unsaid, by an eleventh session that did not read the rules, to be scored once; the unsung split (NLog and log4net
lines, winston and logstash-logback-encoder JSON, NestJS console lines, Zipkin v2 and OTLP/JSON trace spans,
Kubernetes Event objects, ``Get-WinEvent | Format-List`` records, Vercel log drain entries and Go's standard logger
with file and line) was written after unvoiced, by a twelfth session that did not read the rules, to be scored once;
the unlisted split (Azure DevOps pipeline logs, Fluentd ``out_file`` lines, SLF4J SimpleLogger, Python's
``basicConfig`` default, Elasticsearch JSON server logs, Erlang/OTP error reports, nginx error lines, Serilog's console
template, ``kubectl logs --prefix`` and Tekton step output) was written after unsung, by a thirteenth session that did
not read the rules, to be scored once; the unheeded split (Squid's cache.log, Drone step JSON, TeamCity service
messages with their ``|`` escapes, dbt's JSON log, Nextflow, Hasura, Postfix with a syslog priority, IBM MQ's
AMQERR01.LOG, Jira's log, ``tracefmt`` lines with a Windows FILETIME, Asterisk and FreeSWITCH) was written after
unlisted, by a fourteenth session that did not read the rules, to be scored once; the unasked split (Oracle WebLogic's
``####<...>`` entries, WildFly, WebSphere Liberty, CockroachDB with its ``‹...›`` redaction markers, the Redis server's
own log, MySQL 8's error log, Cassandra, NATS, Exim's mainlog, Zabbix, Unreal Engine, Bazel build errors, JUnit XML
failures and Okta System Log events) was written after unheeded, by a fifteenth session that did not read the rules, to
be scored once; the unbidden split (containerd/CRI-O pod log files, Odoo, AWS FireLens records, Azure Monitor resource
logs, Home Assistant, Ceph, Salt minions, Puppet agents, Mosquitto, a DevTools console, Sentry breadcrumbs and
PgBouncer) was written after unasked, by a sixteenth session that did not read the rules, to be scored once; the
unsought split (Teleport audit events, OpenVPN, strongSwan's charon, Kamailio, Rundeck, Flink, Trino query events,
CoreDNS, Cilium Hubble flows, Icinga 2, FreeRADIUS and Matrix Synapse) was written after unbidden, by a seventeenth
session that did not read the rules, to be scored once; the unclaimed split (Grafana's logfmt server log, Apache
Superset, ZooKeeper, Solr, Gitea, Mattermost JSON, Apache NiFi, Istio's istiod, Authelia, ActiveMQ Artemis, SonarQube
and ``varnishlog`` records) was written after unsought, by an eighteenth session that did not read the rules, to be
scored once; the unheralded split (MuleSoft Mule 4 runtime lines, Apache Camel's ``Exchange[...]`` log, Node-RED,
Mirth Connect, HL7 v2 ``NTE`` notes with HL7's escapes, AWS Step Functions execution history events, Apereo CAS audit
trail records, Moodle's scheduled task output, SSSD, Samba's smbd, CUPS' error_log and Telegraf) was written after
unclaimed, by a nineteenth session that did not read the rules, to be scored once; the unnoticed split (Wazuh alert
records, Airbyte job logs, ``argo logs`` of Argo Workflows, Milvus, Velero, BentoML, Label Studio, Uptime Kuma,
Redpanda, cloud-init, Unbound and Portainer) was written after unheralded, by a twentieth session that did not read the
rules, to be scored once; the unremarked split (the Tyk gateway, Meltano's structlog console, Apache Pulsar, Kestra,
Windmill, the Linkerd proxy, Sentry Relay, Redash, Strapi, the KEDA operator, Coolify deployment logs and ``dokku
logs``) was written after unnoticed, by a twenty-first session that did not read the rules, to be scored once; the
unforeseen split (ZITADEL, Vaultwarden, Kyverno, Falco, Apache APISIX, KrakenD, Patroni, Meilisearch, n8n,
VictoriaMetrics, Headscale and the LiveKit server) was written after unremarked, by a twenty-second session that did not
read the rules, to be scored once; the unguessed split (Forgejo, PostgREST, EMQX, Kanidm, Promtail, Stalwart mail
server, coturn, Traccar, OpenBao, Paperless-ngx, Inngest and Valkey) was written after unforeseen, by a twenty-third
session that did not read the rules, to be scored once; the unannounced split (Supabase Auth (GoTrue), Outline, NetBird,
Syncthing, AdGuard Home, Zigbee2MQTT, Frigate, ntfy, Vikunja, Wiki.js, Concourse and Backstage) was written after
unguessed, by a twenty-fourth session that did not read the rules, to be scored once; the unbeknown split (Netdata,
Gatus, Rspamd, SearXNG, Audiobookshelf, Kavita, Jellyseerr, Mealie, qBittorrent, FreshRSS, ZoneMinder and Calibre-Web,
with clean lines of its own) was written after unannounced, by a twenty-fifth session that did not read the rules, to be
scored once; the unreported split (the Gitea Actions runner, Semaphore UI, Umami, Baserow, NocoDB, Budibase, Huginn,
Cal.com, Flagsmith, GlitchTip, Mautic and Firefly III, with clean lines of its own) was written after unbeknown, by a
twenty-sixth session that did not read the rules, to be scored once; the uncharted split (Gotenberg, Penpot, HedgeDoc,
Healthchecks.io, Typebot, Formbricks, NetBox, Argilla, Karakeep, Tandoor, CapRover and Unkey, with clean lines of its
own) was written after unreported, by a twenty-seventh session that did not read the rules, to be scored once; the
untrodden split (Medusa, Trigger.dev, PocketBase, Saleor, Activepieces, FortiGate, RStudio Server, Quarkus, Symfony and
Azure App Service, with clean lines of its own) was written after uncharted, by a twenty-eighth session that did not
read the rules, to be scored once; the unvisited split (Oban, MLflow's gunicorn, CrewAI, Magento,
Cloud Run, Netlify Functions, Dramatiq, Hangfire, Redpanda Connect and Grafana Alloy, with clean lines of its own)
was written after untrodden, by a twenty-ninth session that did not read the rules, to be scored once; the unwatched
split (ClickHouse's own ``system.text_log`` rows, Swift Vapor, Tornado, NLog, AWS Lambda Powertools, Apple's unified
log, Erlang/OTP reports, QRadar LEEF, Nuxt's consola and Karafka, with clean lines of its own) was written after
unvisited, by a thirtieth session that did not read the rules, to be scored once; the unexplored split (TiDB, StarRocks
FE, XXL-JOB executors, ThinkPHP, Tarantool, 1C:Enterprise's technological log, Yii 2, Manticore Search, TOTVS Protheus,
Pgpool-II, ProxySQL and CodeIgniter 4, with clean lines of its own) was written after unwatched, by a thirty-first
session that did not read the rules, to be scored once; the unmapped split (CUBRID brokers, TmaxSoft JEUS, Altibase,
LINE's Armeria, Digdag, Embulk, ejabberd, Apache Druid, Apache SkyWalking's OAP server, ClamAV's clamd, Zimbra's
mailbox.log and uWSGI, with clean lines of its own) was written after unexplored, by a thirty-second session that did
not read the rules, to be scored once; the unsurveyed split (Puma, OpenSIPS, lighttpd, Micronaut, VerneMQ, Soketi,
Vitess vttablet, YugabyteDB tserver, ScyllaDB, Aerospike, SeaweedFS and Verdaccio, with clean lines of its own) was
written after unmapped, by a thirty-third session that did not read the rules, to be scored once; the unplumbed
split (Sonatype Nexus, Harbor, Metabase, listmonk, authentik, OpenLDAP slapd, Seafile, Neo4j, ArangoDB, QuestDB,
ZincSearch and HiveMQ, with clean lines of its own) was written after unsurveyed, by a thirty-fourth session that did
not read the rules, to be scored once; the unfathomed split (Dremio, Apache Pinot, Apache Doris, TimescaleDB's
background workers, Citus, Odyssey, MariaDB MaxScale, Galera, FoundationDB, Longhorn, Grafana Mimir and Maxwell's
daemon, with clean lines of its own) was written after unplumbed, by a thirty-fifth session that did not read the
rules, to be scored once; the unsounded split (JFrog Artifactory, Check Point's Log Exporter, UiPath Robot, Synology
DSM, an Apache Kafka broker, Percona XtraBackup, Flux, an HBase RegionServer, Couchbase Server, RethinkDB, Pacemaker and
chproxy, with clean lines of its own) was written after unfathomed, by a thirty-sixth session that did not read the
rules, to be scored once; the untapped split (an Apache RocketMQ broker, Apache Traffic Server, pgBackRest, Barman, a
Bacula director, an Apache DolphinScheduler worker, an Apache Ignite node, a Hazelcast member, Apache
ShardingSphere-Proxy, RavenDB, Pritunl and OPNsense, with clean lines of its own) was written after unsounded, by a
thirty-seventh session that did not read the rules, to be scored once; the unweighed split (ownCloud Infinite Scale,
Haraka, openHAB, the PowerDNS Recursor, Kea DHCPv4, Payara Server, 389 Directory Server, Proxmox VE's daemons,
CrowdSec, dnsmasq, Kopia and Apache Guacamole, with clean lines of its own) was written after untapped, by a
thirty-eighth session that did not read the rules, to be scored once.
"""

from __future__ import annotations

import functools
import html
import json
import random
import re
import shlex
import string
import urllib.parse
import uuid
from collections.abc import Callable

from tests.data.discover import values as v

Template = Callable[[random.Random, str], str]

_SERVICES = ("api", "billing", "search", "auth-gw", "worker", "ingest", "llm-proxy", "webhooks")
_PATHS = ("/v1/items", "/v1/orders/{id}", "/healthz", "/v2/search", "/v1/users/{id}/settings", "/metrics", "/v1/chat")
_LEVELS = ("INFO", "WARN", "DEBUG", "ERROR")
_WORDS = (
    "request finished",
    "cache miss for key",
    "retrying upstream call",
    "worker started",
    "batch committed",
    "rate limit reached",
    "user preferences saved",
    "connection pool resized",
)


def _ts(r: random.Random) -> str:
    return f"2026-01-{r.randrange(10, 28)}T{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}Z"


def _rid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _path(r: random.Random) -> str:
    return r.choice(_PATHS).replace("{id}", str(r.randrange(1000, 99999)))


# ---------------------------------------------------------------------------- dev shapes


def _log(r: random.Random, s: str) -> str:
    return f"{_ts(r)} {r.choice(_LEVELS)} {r.choice(_SERVICES)} request_id={_rid(r)} {s}"


def _json(r: random.Random, s: str) -> str:
    return json.dumps({"ts": _ts(r), "level": r.choice(_LEVELS).lower(), "svc": r.choice(_SERVICES), "msg": s})


def _chatty(r: random.Random, s: str) -> str:
    lead = r.choice(("can you debug this?", "here is the output:", "why does this fail", "fyi", "see below"))
    return f"{lead} {s}"


def _bare(_r: random.Random, s: str) -> str:
    return s


# ---------------------------------------------------------------------------- held-out shapes


def _syslog(r: random.Random, s: str) -> str:
    return f"Jan {r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:01 node-{r.randrange(1, 9)} {r.choice(_SERVICES)}[{r.randrange(100, 9999)}]: {s}"  # noqa: E501


def _logfmt(r: random.Random, s: str) -> str:
    escaped = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'time={_ts(r)} level={r.choice(_LEVELS).lower()} component={r.choice(_SERVICES)} msg="{escaped}"'


def _stack(r: random.Random, s: str) -> str:
    return f'Traceback (most recent call last):\\n  File "app/{r.choice(_SERVICES)}.py", line {r.randrange(10, 400)}\\nValueError: {s}'  # noqa: E501


def _csv(r: random.Random, s: str) -> str:
    return f'{_ts(r)},{r.choice(_SERVICES)},"{s.replace(chr(34), chr(34) * 2)}"'


# ---------------------------------------------------------------------------- fresh shapes (written after the rules)


def _docker(r: random.Random, s: str) -> str:
    """A container runtime's JSON log line: the application's line as an escaped string."""
    return json.dumps({"log": s + "\n", "stream": r.choice(("stdout", "stderr")), "time": _ts(r)})


def _xml(r: random.Random, s: str) -> str:
    return f'<event ts="{_ts(r)}" svc="{r.choice(_SERVICES)}"><msg>{html.escape(s, quote=False)}</msg></event>'


def _nginx(r: random.Random, s: str) -> str:
    day = r.randrange(10, 28)
    return (
        f'- - [{day}/Jan/2026:{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:07 +0000] "POST {_path(r)} HTTP/1.1" '
        f'{r.choice((200, 400, 500))} {r.randrange(10, 9000)} "-" "{r.choice(_SERVICES)}/2.1" body="{s}"'
    )


def _pyrepr(r: random.Random, s: str) -> str:
    return f"{r.choice(_LEVELS)}:{r.choice(_SERVICES)}:payload={ {'event': 'request', 'detail': s}!r}"


# ---------------------------------------------------------------------------- unseen shapes (after the fresh fixes)


def _log4j(r: random.Random, s: str) -> str:
    return (
        f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:01,{r.randrange(100, 999)} "
        f"[pool-{r.randrange(1, 9)}-thread-{r.randrange(1, 40)}] {r.choice(_LEVELS):<5} "
        f"c.acme.{r.choice(_SERVICES)}.Handler - {s}"
    )


def _k8s_event(r: random.Random, s: str) -> str:
    """An event whose message is itself a JSON document: the snippet's quotes escaped twice."""
    inner = json.dumps({"level": r.choice(_LEVELS).lower(), "msg": s}, ensure_ascii=False)
    return json.dumps({"kind": "Event", "reason": "AppLog", "message": inner}, ensure_ascii=False)


def _sql_row(r: random.Random, s: str) -> str:
    return f"INSERT INTO audit_log VALUES ('{_ts(r)}', '{r.choice(_SERVICES)}', '{s.replace(chr(39), chr(39) * 2)}');"


def _markdown(r: random.Random, s: str) -> str:
    return f"| {_ts(r)} | {r.choice(_SERVICES)} | {s.replace('|', chr(92) + '|')} |"


# ---------------------------------------------------------------------------- novel shapes (after the unseen fixes)


def _cef(r: random.Random, s: str) -> str:
    """ArcSight CEF: in an extension value ``\\`` and ``=`` are escaped with a backslash."""
    escaped = s.replace("\\", "\\\\").replace("=", "\\=").replace("\n", "\\n")
    return (
        f"CEF:0|Acme|{r.choice(_SERVICES)}|2.{r.randrange(0, 9)}|{r.randrange(100, 999)}|app event|"
        f"{r.randrange(1, 10)}|rt={_ts(r)} shost=gw-{r.randrange(1, 9)}.internal "
        f"msg={escaped}"
    )


def _apache_error(r: random.Random, s: str) -> str:
    clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:07.{r.randrange(10**5, 10**6)}"
    when = f"Tue Jan {r.randrange(10, 28)} {clock}"
    client = f"lb-{r.randrange(1, 9)}.internal:{r.randrange(1024, 65535)}"  # no address: the wrapper is unlabelled
    return (
        f"[{when} 2026] [php:warn] [pid {r.randrange(100, 99999)}] [client {client}] PHP Warning:  {s} in "
        f"/var/www/{r.choice(_SERVICES)}/index.php on line {r.randrange(10, 900)}"
    )


def _journal(r: random.Random, s: str) -> str:
    """journalctl's export format: one FIELD=value per line."""
    return (
        f"__REALTIME_TIMESTAMP={r.randrange(10**15, 10**16)}\n_SYSTEMD_UNIT={r.choice(_SERVICES)}.service\n"
        f"PRIORITY={r.randrange(2, 7)}\nMESSAGE={s}\n_PID={r.randrange(100, 99999)}"
    )


def _textproto(r: random.Random, s: str) -> str:
    """Protocol buffers' text format: the message as a C-escaped string."""
    escaped = s.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    return f'entry {{ ts: "{_ts(r)}" service: "{r.choice(_SERVICES)}" text: "{escaped}" }}'


def _yaml_block(r: random.Random, s: str) -> str:
    return f"- ts: {_ts(r)}\n  service: {r.choice(_SERVICES)}\n  message: |\n    {s}\n"


# ---------------------------------------------------------------------------- sealed shapes (after the novel fixes)


def _gelf(r: random.Random, s: str) -> str:
    """Graylog's GELF: the line as ``short_message``, extra fields with a leading underscore."""
    record = {"version": "1.1", "host": f"{r.choice(_SERVICES)}-{r.randrange(1, 9)}", "short_message": s}
    record |= {"timestamp": r.randrange(1_700_000_000, 1_800_000_000), "level": r.randrange(1, 7), "_app": "acme"}
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _win_event(r: random.Random, s: str) -> str:
    """A Windows event rendered as XML: the message in an EventData field."""
    return (
        f"<Event><System><EventID>{r.randrange(1000, 9999)}</EventID><Computer>WS-{r.randrange(10, 99)}</Computer>"
        f'</System><EventData><Data Name="Message">{html.escape(s, quote=False)}</Data></EventData></Event>'
    )


def _http_dump(r: random.Random, s: str) -> str:
    """A request as a proxy's debug log dumps it: header lines, then the body."""
    return (
        f"POST {_path(r)} HTTP/1.1\r\nHost: {r.choice(_SERVICES)}.internal\r\nContent-Type: text/plain\r\n"
        f"X-Request-Id: {_rid(r)}\r\n\r\n{s}"
    )


def _go_struct(r: random.Random, s: str) -> str:
    """Go's ``%+v`` of a struct: field names, unquoted values."""
    return (
        f"{{Time:{_ts(r)} Level:{r.choice(_LEVELS)} Service:{r.choice(_SERVICES)} Msg:{s} Attempt:{r.randrange(1, 5)}}}"
    )


def _toml(r: random.Random, s: str) -> str:
    escaped = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'[[event]]\nts = "{_ts(r)}"\nservice = "{r.choice(_SERVICES)}"\nmessage = "{escaped}"\n'


# ---------------------------------------------------------------------------- blind shapes (written without the rules)


def _epoch(r: random.Random) -> int:
    """Seconds in January 2026 (the month ``_ts`` draws from)."""
    return 1_767_225_600 + r.randrange(9 * 86_400, 27 * 86_400)


def _ecs(r: random.Random, s: str) -> str:
    """An Elastic Common Schema record as ecs-logging-java writes it: dotted field names, compact JSON."""
    service = r.choice(_SERVICES)
    record = {
        "@timestamp": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
        "log.level": r.choice(_LEVELS),
        "message": s,
        "ecs.version": "1.2.0",
        "service.name": service,
        "event.dataset": f"{service}.log",
        "process.thread.name": r.choice(("main", f"http-nio-8080-exec-{r.randrange(1, 20)}", "scheduling-1")),
        "log.logger": f"com.acme.{service.replace('-', '')}.{r.choice(('Handler', 'Worker', 'Client'))}",
        "transaction.id": "".join(r.choice("0123456789abcdef") for _ in range(16)),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _rails(r: random.Random, s: str) -> str:
    """Ruby's Logger with Rails' request-id tag: ``I, [time #pid]  INFO -- : [uuid] message``."""
    level = r.choice(_LEVELS)
    clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}.{r.randrange(10**5, 10**6)}"
    pid = r.randrange(100, 99999)
    return f"{level[0]}, [2026-01-{r.randrange(10, 28)}T{clock} #{pid}] {level:>5} -- : [{_rid(r)}] {s}"


def _mysql_escape(s: str) -> str:
    """A string literal's body as a client library escapes it (``mysql_real_escape_string``)."""
    table = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\0": "\\0", "\x1a": "\\Z"}
    return "".join(table.get(ch, ch) for ch in s)


def _mysql_general(r: random.Random, s: str) -> str:
    """MySQL's general query log: time, thread id, command, and the statement as the client sent it."""
    statement = r.choice(
        (
            "INSERT INTO job_errors (service, detail, created_at) VALUES ('{svc}', '{s}', NOW())",
            "UPDATE webhook_deliveries SET last_response = '{s}' WHERE id = {n}",
            "INSERT INTO audit_trail (actor, note) VALUES ('{svc}', '{s}')",
        )
    )
    text = statement.format(svc=r.choice(_SERVICES), s=_mysql_escape(s), n=r.randrange(1000, 999_999))
    micros = r.randrange(10**5, 10**6)
    return f"{_ts(r).replace('Z', f'.{micros}Z')}\t{r.randrange(5, 9000):>5} Query\t{text}"


def _redis_repr(s: str) -> str:
    """Redis' ``sdscatrepr``: quotes, C escapes, and every byte outside printable ASCII as ``\\xHH``."""
    named = {0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x07: "\\a", 0x08: "\\b"}
    out = []
    for byte in s.encode():
        if byte in named:
            out.append(named[byte])
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        else:
            out.append(f"\\x{byte:02x}")
    return '"' + "".join(out) + '"'


def _redis_monitor(r: random.Random, s: str) -> str:
    """A line of Redis ``MONITOR``: time, db and client (here a unix socket or a Lua script), the command."""
    client = r.choice(("unix:/var/run/redis/redis.sock", "lua", "unix:/run/redis/redis-server.sock"))
    service = r.choice(_SERVICES)
    args = r.choice(
        (
            ("LPUSH", f"queue:{service}:failed"),
            ("XADD", f"stream:{service}", "*", "msg"),
            ("PUBLISH", f"events.{service}"),
            ("SETEX", f"last_error:{service}", str(r.randrange(60, 3600))),
        )
    )
    when = f"{_epoch(r)}.{r.randrange(10**5, 10**6)}"
    return f"{when} [{r.randrange(0, 4)} {client}] " + " ".join(_redis_repr(a) for a in (*args, s))


def _kafka_console(r: random.Random, s: str) -> str:
    """``kafka-console-consumer`` with print.timestamp, print.partition and print.key: tab-separated."""
    key = r.choice((_rid(r), r.choice(_SERVICES), "null"))
    millis = _epoch(r) * 1000 + r.randrange(0, 1000)
    return f"CreateTime:{millis}\tPartition:{r.randrange(0, 12)}\t{key}\t{s}"


# ---------------------------------------------------------------------------- veiled shapes (written without the rules)


def _pg_literal(s: str) -> str:
    """A PostgreSQL string constant (standard_conforming_strings on): quotes doubled, backslashes as they are."""
    return "'" + s.replace("'", "''") + "'"


def _postgres(r: random.Random, s: str) -> str:
    """PostgreSQL's stderr log with ``log_line_prefix = '%m [%p] %q%u@%d '``: every line of one event prefixed."""
    when = f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    who = r.choice(("app@orders", "billing@billing", "etl@warehouse", "webhooks@events"))
    prefix = f"{when}.{r.randrange(0, 1000):03d} UTC [{r.randrange(100, 99999)}] {who} "
    service = r.choice(_SERVICES)
    shape = r.randrange(3)
    if shape == 0:  # log_statement = 'mod': the statement as the client sent it, literal inlined
        statement = f"INSERT INTO job_errors (service, detail) VALUES ('{service}', {_pg_literal(s)})"
        return f"{prefix}LOG:  statement: {statement}"
    if shape == 1:  # log_min_duration_statement with server-side parameters, logged in a DETAIL line
        ms = f"{r.randrange(0, 900)}.{r.randrange(0, 1000):03d}"
        return (
            f"{prefix}LOG:  duration: {ms} ms  execute <unnamed>: "
            "UPDATE webhook_deliveries SET last_response = $1, attempts = attempts + 1 WHERE id = $2\n"
            f"{prefix}DETAIL:  parameters: $1 = {_pg_literal(s)}, $2 = '{r.randrange(1000, 999_999)}'"
        )
    # a unique violation: the key's value as it is in DETAIL, then the failing statement
    return (
        f'{prefix}ERROR:  duplicate key value violates unique constraint "error_fingerprints_detail_key"\n'
        f"{prefix}DETAIL:  Key (detail)=({s}) already exists.\n"
        f"{prefix}STATEMENT:  INSERT INTO error_fingerprints (service, detail) VALUES ('{service}', {_pg_literal(s)})"
    )


def _hex_upper(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789ABCDEF") for _ in range(n))


def _mongo(r: random.Random, s: str) -> str:
    """A MongoDB 4.4+ structured log line (relaxed Extended JSON): a slow operation with its command."""
    service = r.choice(_SERVICES)
    db = r.choice(("app", "events", "jobs"))
    date = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}+00:00")
    locks = {"FeatureCompatibilityVersion": {"acquireCount": {"r": 1}}, "Global": {"acquireCount": {"r": 1}}}
    shape = r.randrange(3)
    component = "COMMAND"
    attr: dict[str, object]
    if shape == 0:
        attr = {
            "type": "command",
            "ns": f"{db}.request_log",
            "appName": f"acme-{service}",
            "command": {
                "find": "request_log",
                "filter": {"service": service, "message": s},
                "limit": 1,
                "lsid": {"id": {"$uuid": _rid(r)}},
                "$db": db,
            },
            "planSummary": "COLLSCAN",
            "keysExamined": 0,
            "docsExamined": r.randrange(10_000, 900_000),
            "cursorExhausted": True,
            "numYields": r.randrange(10, 900),
            "nreturned": r.randrange(0, 2),
            "queryHash": _hex_upper(r, 8),
            "reslen": r.randrange(100, 900),
            "locks": locks,
            "storage": {},
            "protocol": "op_msg",
            "durationMillis": r.randrange(100, 4000),
        }
    elif shape == 1:
        component = "WRITE"
        attr = {
            "type": "update",
            "ns": f"{db}.jobs",
            "appName": f"acme-{service}",
            "command": {
                "q": {"jobId": _rid(r)},
                "u": {"$set": {"status": "failed", "lastError": s}, "$inc": {"attempts": 1}},
                "multi": False,
                "upsert": False,
            },
            "planSummary": "IXSCAN { jobId: 1 }",
            "keysExamined": 1,
            "docsExamined": 1,
            "nMatched": 1,
            "nModified": 1,
            "nUpserted": 0,
            "numYields": 0,
            "locks": locks,
            "flowControl": {"acquireCount": 1},
            "storage": {},
            "durationMillis": r.randrange(100, 2000),
        }
    else:
        attr = {
            "type": "command",
            "ns": f"{db}.audit",
            "appName": f"acme-{service}",
            "command": {
                "aggregate": "audit",
                "pipeline": [{"$match": {"note": s}}, {"$group": {"_id": "$service", "n": {"$sum": 1}}}],
                "cursor": {},
                "lsid": {"id": {"$uuid": _rid(r)}},
                "$db": db,
            },
            "planSummary": "COLLSCAN",
            "keysExamined": 0,
            "docsExamined": r.randrange(10_000, 900_000),
            "cursorExhausted": True,
            "numYields": r.randrange(10, 900),
            "nreturned": r.randrange(0, 5),
            "reslen": r.randrange(100, 900),
            "locks": locks,
            "storage": {},
            "protocol": "op_msg",
            "durationMillis": r.randrange(100, 4000),
        }
    record = {
        "t": {"$date": date},
        "s": "I",
        "c": component,
        "id": 51803,
        "ctx": f"conn{r.randrange(1, 99999)}",
        "msg": "Slow query",
        "attr": attr,
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


_AWS_ACCOUNT = "749522587953"  # twelve digits: not Luhn-valid, not a phone number in the veiled regions


def _cloudtrail(r: random.Random, s: str) -> str:
    """An AWS CloudTrail record of a call CloudFormation made while deploying a stack: the snippet in a field."""
    region = r.choice(("eu-west-1", "eu-central-1", "us-east-2"))
    name = f"acme-{r.choice(_SERVICES)}"
    shape = r.randrange(3)
    request: dict[str, object]
    response: dict[str, object] | None
    if shape == 0:
        source, event = "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2"
        request = {"functionName": name, "description": s, "timeout": r.choice((30, 60, 300))}
        response = {
            "functionName": name,
            "functionArn": f"arn:aws:lambda:{region}:{_AWS_ACCOUNT}:function:{name}",
            "runtime": r.choice(("python3.12", "nodejs20.x")),
            "description": s,
            "lastUpdateStatus": "InProgress",
        }
    elif shape == 1:
        source, event = "ssm.amazonaws.com", "AddTagsToResource"
        request = {
            "resourceType": "Parameter",
            "resourceId": f"/{name}/config",
            "tags": [{"key": "change-note", "value": s}],
        }
        response = None
    else:
        source, event = "events.amazonaws.com", "PutRule"
        request = {
            "name": f"{name}-nightly",
            "scheduleExpression": "cron(0 3 * * ? *)",
            "state": "ENABLED",
            "description": s,
        }
        response = {"ruleArn": f"arn:aws:events:{region}:{_AWS_ACCOUNT}:rule/{name}-nightly"}
    record = {
        "eventVersion": "1.09",
        "userIdentity": {"type": "AWSService", "invokedBy": "cloudformation.amazonaws.com"},
        "eventTime": _ts(r),
        "eventSource": source,
        "eventName": event,
        "awsRegion": region,
        "sourceIPAddress": "cloudformation.amazonaws.com",
        "userAgent": "cloudformation.amazonaws.com",
        "requestParameters": request,
        "responseElements": response,
        "requestID": _rid(r),
        "eventID": _rid(r),
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": _AWS_ACCOUNT,
        "eventCategory": "Management",
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _aspnet_request_id(r: random.Random) -> str:
    """ASP.NET Core's ``RequestId``: the connection id (13 base-32 characters) and the request's number."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    return "0HN" + "".join(r.choice(alphabet) for _ in range(10)) + f":{r.randrange(1, 40):08X}"


def _clef(r: random.Random, s: str) -> str:
    """Serilog's compact JSON (CLEF): ``@t``, ``@mt``, ``@l`` (left out for Information), then the properties."""
    clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}.{r.randrange(0, 10**7):07d}"
    when = f"2026-01-{r.randrange(10, 28)}T{clock}Z"
    area = r.choice(("Billing", "Webhooks", "Search", "Ingest"))
    shape = r.randrange(3)
    record: dict[str, object]
    if shape == 0:
        record = {
            "@t": when,
            "@mt": "Webhook delivery to {Endpoint} failed: {Reason}",
            "@l": "Warning",
            "Endpoint": _path(r),
            "Reason": s,
            "SourceContext": f"Acme.{area}.DeliveryWorker",
            "RequestId": _aspnet_request_id(r),
        }
    elif shape == 1:
        record = {
            "@t": when,
            "@mt": "Job {JobId} finished: {Summary}",
            "JobId": _rid(r),
            "Summary": s,
            "SourceContext": f"Acme.{area}.Jobs.Runner",
        }
    else:  # a destructured object ({@Event}): its type name goes last, as "$type"
        record = {
            "@t": when,
            "@mt": "Handled {@Event}",
            "@l": "Debug",
            "Event": {"Kind": "request", "Detail": s, "Attempt": r.randrange(1, 5), "$type": "AppEvent"},
            "SourceContext": f"Acme.{area}.EventHandler",
        }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _bash_history(r: random.Random, s: str) -> str:
    """``~/.bash_history`` with ``HISTTIMEFORMAT`` set: a ``#epoch`` line before each command, quoting as typed."""
    service = r.choice(_SERVICES)
    start = _epoch(r)
    command = r.choice(
        (
            f"logger -t {service} -- {shlex.quote(s)}",
            f"echo {shlex.quote(s)} >> ~/incident-{r.randrange(100, 999)}.md",
            f"git commit -am {shlex.quote(s)}",
            f"kubectl -n {service} annotate deployment/{service} "
            f"{shlex.quote('kubernetes.io/change-cause=' + s)} --overwrite",
        )
    )
    lines = [f"#{start}", command]
    if r.random() < 0.5:
        lines = [f"#{start - r.randrange(5, 300)}", f"cd /srv/{service}", *lines]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- hidden shapes (written without the rules)


def _ms_ts(r: random.Random) -> str:
    return _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")


def _envoy(r: random.Random, s: str) -> str:
    """Envoy's access log (the default format, the upstream named by cluster): the snippet URL-encoded in the query."""
    param = r.choice(("q", "msg", "note", "filter", "text"))
    encoded = urllib.parse.quote_plus(s) if r.random() < 0.5 else urllib.parse.quote(s, safe="")
    path = r.choice(("/v1/debug/echo", "/v2/search", "/api/notes", "/v1/chat/feedback"))
    query = f"{param}={encoded}"
    if r.random() < 0.5:
        query = f"page={r.randrange(1, 9)}&{query}&trace=1"
    method, proto = r.choice((("GET", "HTTP/1.1"), ("GET", "HTTP/2"), ("DELETE", "HTTP/2")))
    agent = r.choice(("okhttp/4.12.0", "Dart/3.3 (dart:io)", "axios/1.6.8", "python-requests/2.32.3"))
    service = r.choice(_SERVICES)
    return (
        f'[{_ms_ts(r)}] "{method} {path}?{query} {proto}" {r.choice((200, 200, 204, 400, 404, 503))} '
        f"{r.choice(('-', '-', 'UF', 'URX'))} 0 {r.randrange(0, 9000)} {r.randrange(1, 900)} {r.randrange(1, 800)} "
        f'"-" "{agent}" "{_rid(r)}" "{service}.acme.io" "outbound|8080||{service}.prod.svc.cluster.local"'
    )


def _sd_escape(s: str) -> str:
    """An RFC 5424 SD-PARAM value: ``"``, ``\\`` and ``]`` escaped with a backslash."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("]", "\\]")


def _rfc5424(r: random.Random, s: str) -> str:
    """Syslog as RFC 5424 frames it: version, ISO time, host, app, procid, msgid, structured data, message."""
    service = r.choice(_SERVICES)
    head = (
        f"<{r.choice((131, 132, 134, 135, 163, 166))}>1 {_ms_ts(r)} {service}-{r.randrange(1, 9)}.acme.internal "
        f"{service} {r.randrange(100, 99999)} {r.choice(('REQ', 'AUDIT', 'JOB', '-'))}"
    )
    meta = f'[meta@32473 requestId="{_rid(r)}" route="{_path(r)}"]'
    if r.random() < 0.5:
        return f"{head} {meta} {s}"
    action = r.choice(("update", "retry", "notify"))
    detail = f'[audit@32473 action="{action}" detail="{_sd_escape(s)}"]'
    return f"{head} {meta}{detail} {r.choice(('event recorded', '-', 'handler finished'))}"


_JAVA_FRAMES = (
    "org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)",
    "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
    "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)",
    "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1190)",
    "java.base/java.lang.Thread.run(Thread.java:1583)",
)


def _spring_boot(r: random.Random, s: str) -> str:
    """Spring Boot 3's console line (logback), and the stack trace that follows it when there is an exception."""
    service = r.choice(_SERVICES)
    app = service.replace("-", "")
    level = r.choice(("ERROR", "WARN ", "INFO ", "ERROR"))
    thread = r.choice((f"nio-8080-exec-{r.randrange(1, 10)}", "   scheduling-1", f"task-{r.randrange(1, 8)}"))
    logger = r.choice((f"c.a.{app}.web.ErrorAdvice", f"c.a.{app}.jobs.Runner", f"o.s.w.s.m.m.a.{app.title()}Resolver"))
    when = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}+00:00")
    line = f"{when} {level} {r.randrange(1, 99999)} --- [{service}] [{thread[-15:]:>15}] {logger:<40} : "
    frames = [f"com.acme.{app}.web.RequestHandler.handle(RequestHandler.java:{r.randrange(20, 400)})"]
    frames += r.sample(_JAVA_FRAMES, 3)
    trace = "\n".join(f"\tat {f}" for f in frames)
    shape = r.randrange(3)
    if shape == 0:
        return f"{line}{s}"
    if shape == 1:
        error = r.choice(("java.lang.IllegalStateException", "org.springframework.web.client.HttpClientErrorException"))
        return f"{line}Request processing failed\n{error}: {s}\n{trace}"
    return (
        f"{line}Job failed after {r.randrange(2, 6)} attempts\n"
        f"java.util.concurrent.CompletionException: java.io.IOException: upstream closed\n{trace}\n"
        f"Caused by: java.io.IOException: {s}\n\t... {r.randrange(8, 40)} common frames omitted"
    )


def _nb_lines(text: str) -> list[str]:
    """nbformat's multi-line string: a list of lines, each but the last with its newline."""
    return text.splitlines(keepends=True) or [""]


def _notebook(r: random.Random, s: str) -> str:
    """One cell of a Jupyter notebook (nbformat 4, as Jupyter writes it: one-space indent, non-ASCII kept)."""
    cell_id = "".join(r.choice("0123456789abcdef") for _ in range(8))
    shape = r.randrange(3)
    cell: dict[str, object]
    if shape == 0:  # a cell whose output printed the snippet
        cell = {
            "cell_type": "code",
            "execution_count": r.randrange(1, 80),
            "id": cell_id,
            "metadata": {},
            "outputs": [{"name": "stdout", "output_type": "stream", "text": _nb_lines(s + "\n")}],
            "source": _nb_lines(r.choice(("print(resp.text)", "print(line)", "!tail -n 1 app.log"))),
        }
    elif shape == 1:  # an exception: its message, and the traceback with the ANSI colours IPython adds
        red, green, reset = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0m"
        cell = {
            "cell_type": "code",
            "execution_count": r.randrange(1, 80),
            "id": cell_id,
            "metadata": {},
            "outputs": [
                {
                    "ename": "ValueError",
                    "evalue": s,
                    "output_type": "error",
                    "traceback": [
                        f"{red}---------------------------------------------------------------------------{reset}",
                        f"{red}ValueError{reset}                                Traceback (most recent call last)",
                        f"Cell {green}In[{r.randrange(1, 80)}], line 3{reset}\n{green}----> 3{reset} check(payload)",
                        f"{red}ValueError{reset}: {s}",
                    ],
                }
            ],
            "source": ["payload = load_event()\n", "\n", "check(payload)"],
        }
    else:  # a note someone wrote in a Markdown cell
        cell = {
            "cell_type": "markdown",
            "id": cell_id,
            "metadata": {},
            "source": _nb_lines(f"### {r.choice(('Debug notes', 'Repro', 'Findings'))}\n\n{s}"),
        }
    return json.dumps(cell, indent=1, ensure_ascii=False)


def _hcl_string(s: str) -> str:
    """A string as ``terraform plan`` renders it: quoted with escapes, or a heredoc when it has several lines."""
    if "\n" in s:
        body = "\n".join(f"          {line}" for line in s.split("\n"))
        return f"<<-EOT\n{body}\n        EOT"
    escaped = s.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{")
    return f'"{escaped}"'


def _terraform_plan(r: random.Random, s: str) -> str:
    """``terraform plan -no-color``: one resource's change, the snippet in an attribute that is not marked sensitive."""
    service = r.choice(_SERVICES).replace("-", "_")
    shape = r.randrange(3)
    if shape == 0:
        kind, name = "aws_ssm_parameter", f"{service}_note"
        body = (
            f"      ~ description = {_hcl_string('managed by terraform')} -> {_hcl_string(s)}\n"
            f'        id          = "/acme/{service}/note"\n'
            f'        name        = "/acme/{service}/note"\n'
            "        # (7 unchanged attributes hidden)"
        )
        head, plan = f"  # {kind}.{name} will be updated in-place\n  ~", "0 to add, 1 to change, 0 to destroy"
    elif shape == 1:
        kind, name = "kubernetes_config_map", service
        body = (
            "      + data        = {\n"
            f'          + "LOG_LEVEL" = "{r.choice(("info", "debug"))}"\n'
            f'          + "NOTES"     = {_hcl_string(s)}\n'
            "        }\n"
            "      + id          = (known after apply)\n"
            "\n"
            "      + metadata {\n"
            "          + generation       = (known after apply)\n"
            f'          + name             = "{service.replace("_", "-")}-config"\n'
            f'          + namespace        = "{r.choice(("prod", "staging"))}"\n'
            "        }"
        )
        head, plan = f"  # {kind}.{name} will be created\n  +", "1 to add, 0 to change, 0 to destroy"
    else:
        kind, name = "google_cloud_scheduler_job", f"{service}_nightly"
        body = (
            f'        id               = "projects/acme-prod/locations/europe-west1/jobs/{service}-nightly"\n'
            f'        name             = "{service}-nightly"\n'
            f"      ~ description      = {_hcl_string('nightly run')} -> {_hcl_string(s)}\n"
            '        schedule         = "0 3 * * *"\n'
            "        # (4 unchanged attributes hidden)\n"
            "\n"
            "        # (1 unchanged block hidden)"
        )
        head, plan = f"  # {kind}.{name} will be updated in-place\n  ~", "0 to add, 1 to change, 0 to destroy"
    return f'{head} resource "{kind}" "{name}" {{\n{body}\n    }}\n\nPlan: {plan}.'


# ------------------------------------------------------------------------- unheard shapes (written without the rules)


def _gha_stamp(r: random.Random) -> str:
    """A GitHub Actions log line's time: seven fractional digits."""
    return _ts(r).replace("Z", f".{r.randrange(0, 10**7):07d}Z")


def _gha_log(r: random.Random, s: str) -> str:
    """A GitHub Actions job log as the API downloads it: every line time-stamped, a step in a ``##[group]``."""
    stamp = _gha_stamp(r)
    script = r.choice(("./scripts/deploy.sh", "make release", "python -m app.migrate", "npm run smoke"))
    head = [f"##[group]Run {script}", script, "shell: /usr/bin/bash -e {0}", "##[endgroup]"]
    lines = s.split("\n")
    shape = r.randrange(3)
    if shape == 1:
        lines[0] = "##[warning]" + lines[0]
    elif shape == 2:
        lines = [*lines, "##[error]Process completed with exit code 1."]
    return "\n".join(f"{stamp} {line}" for line in [*head, *lines])


_K8S_ENV = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)=(\S.*)", re.DOTALL)


def _k8s_audit(r: random.Random, s: str) -> str:
    """A Kubernetes audit event (``audit.k8s.io/v1``, level RequestResponse) of a write made by a controller."""
    service = r.choice(_SERVICES)
    namespace = r.choice(("prod", "staging", "ml"))
    shape = r.randrange(3)
    match = _K8S_ENV.fullmatch(s)
    if shape == 0 and match:  # a Deployment patched with one env var (name and value apart)
        resource, verb, name = "deployments", "patch", service
        env = [{"name": match.group(1), "value": match.group(2)}]
        obj: dict[str, object] = {"spec": {"template": {"spec": {"containers": [{"name": service, "env": env}]}}}}
    elif shape == 1:  # a ConfigMap created with the snippet as a file
        resource, verb, name = "configmaps", "create", f"{service}-last-error"
        obj = {
            "kind": "ConfigMap",
            "apiVersion": "v1",
            "metadata": {"name": name, "namespace": namespace, "creationTimestamp": None},
            "data": {"last-error.txt": s},
        }
    else:  # a Deployment annotated with a change cause
        resource, verb, name = "deployments", "patch", service
        obj = {"metadata": {"annotations": {"kubernetes.io/change-cause": s}}}
    event = {
        "kind": "Event",
        "apiVersion": "audit.k8s.io/v1",
        "level": "RequestResponse",
        "auditID": _rid(r),
        "stage": "ResponseComplete",
        "requestURI": f"/apis/{'apps/v1' if resource == 'deployments' else 'v1'}/namespaces/{namespace}/{resource}"
        + (f"/{name}" if verb == "patch" else ""),
        "verb": verb,
        "user": {
            "username": "system:serviceaccount:argocd:argocd-application-controller",
            "groups": ["system:serviceaccounts", "system:serviceaccounts:argocd", "system:authenticated"],
        },
        "userAgent": "argocd-controller/v2.13.2 (linux/amd64) kubernetes/$Format",
        "objectRef": {"resource": resource, "namespace": namespace, "name": name, "apiVersion": "v1"},
        "responseStatus": {"metadata": {}, "code": 201 if verb == "create" else 200},
        "requestObject": obj,
        "requestReceivedTimestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z"),
        "stageTimestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z"),
        "annotations": {"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": ""},
    }
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


def _gitlab_trace(r: random.Random, s: str) -> str:
    """A GitLab CI job trace as the runner uploads it: ANSI colours, ``section_start``/``section_end`` markers."""
    esc = "\x1b"
    start = _epoch(r)
    command = r.choice(("./bin/migrate --verbose", "bundle exec rake db:seed", "helm upgrade --install api ./chart"))
    lines = [
        f"{esc}[0KRunning with gitlab-runner 17.{r.randrange(0, 8)}.{r.randrange(0, 3)} (3153ccc6){esc}[0;m",
        f'section_start:{start}:step_script\r{esc}[0K{esc}[0K{esc}[36;1mExecuting "step_script" stage of the job '
        f"script{esc}[0;m",
        f"{esc}[32;1m$ {command}{esc}[0;m",
        s,
        f"section_end:{start + r.randrange(2, 600)}:step_script\r{esc}[0K",
    ]
    if r.random() < 0.5:
        lines.append(f"{esc}[31;1mERROR: Job failed: exit code {r.randrange(1, 3)}\n{esc}[0;m")
    return "\n".join(lines)


def _sentry_event(r: random.Random, s: str) -> str:
    """A Sentry event as the Python SDK sends it: the snippet as the exception's value or a breadcrumb's message."""
    service = r.choice(_SERVICES)
    when = _epoch(r) + r.randrange(0, 10**6) / 10**6
    event: dict[str, object] = {
        "event_id": "".join(r.choice("0123456789abcdef") for _ in range(32)),
        "timestamp": when,
        "platform": "python",
        "level": r.choice(("error", "warning")),
        "logger": f"acme.{service.replace('-', '_')}",
        "server_name": f"{service}-{r.randrange(10**5, 10**6):x}-{r.randrange(1000, 9999):x}",
        "release": f"{service}@{r.randrange(1, 9)}.{r.randrange(0, 30)}.{r.randrange(0, 9)}",
        "environment": "production",
        "sdk": {"name": "sentry.python.django", "version": r.choice(("2.19.2", "2.20.0"))},
        "contexts": {
            "runtime": {"name": "CPython", "version": "3.12.8"},
            "trace": {"trace_id": _rid(r).replace("-", "")},
        },
    }
    crumbs = [
        {"timestamp": when - 3.2, "type": "default", "category": "query", "message": "SELECT 1", "level": "info"},
        {"timestamp": when - 1.1, "type": "http", "category": "httplib", "data": {"method": "GET", "status_code": 200}},
    ]
    if r.random() < 0.5:
        crumbs.append({"timestamp": when - 0.2, "type": "default", "category": "log", "level": "info", "message": s})
        exception = "upstream returned 502"
    else:
        exception = s
    event["breadcrumbs"] = {"values": crumbs}
    frame = {
        "filename": f"acme/{service.replace('-', '_')}/views.py",
        "function": "post",
        "lineno": r.randrange(9, 400),
    }
    event["exception"] = {
        "values": [
            {
                "type": r.choice(("ValueError", "RuntimeError")),
                "value": exception,
                "mechanism": {"type": "django", "handled": False},
                "stacktrace": {"frames": [frame]},
            }
        ]
    }
    return json.dumps(event, ensure_ascii=r.random() < 0.5)


def _slack_text(s: str) -> str:
    """Slack's message text: ``&``, ``<`` and ``>`` as HTML entities (the rest as typed)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_export(r: random.Random, s: str) -> str:
    """A message of a Slack workspace export (``channel/2026-01-12.json``): Slack's JSON escapes ``/`` as ``\\/``."""
    ts = f"{_epoch(r)}.{r.randrange(0, 10**6):06d}"
    message: dict[str, object] = {
        "client_msg_id": _rid(r),
        "type": "message",
        "text": _slack_text(s),
        "user": "U0" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9)),
        "ts": ts,
        "team": "T0" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9)),
        "blocks": [
            {
                "type": "rich_text",
                "block_id": "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)),
                "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": s}]}],
            }
        ],
    }
    if r.random() < 0.4:
        message["thread_ts"] = ts
        message["reply_count"] = r.randrange(1, 9)
    return json.dumps(message, indent=4, ensure_ascii=True).replace("/", "\\/")


# ------------------------------------------------------------------------- untold shapes (written without the rules)
#
# The eleventh split's line shapes, written by a fifth session that did not read the rules: OpenTelemetry OTLP/JSON
# log exports, Airflow task logs, AWS Lambda logs in CloudWatch (START/END/REPORT), Laravel (Monolog) log lines,
# Ansible play output, Heroku logplex lines and Jenkins pipeline consoles. None of them adds an address, a name, a
# number that passes Luhn or a phone number of its own.


def _hex(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def _otel_attr(key: str, value: str) -> dict[str, object]:
    return {"key": key, "value": {"stringValue": value}}


def _otlp(r: random.Random, s: str) -> str:
    """An OTLP/JSON logs export (``ExportLogsServiceRequest``) with one log record: the snippet is its string body,
    int64 times are strings, trace and span ids are hex."""
    service = r.choice(_SERVICES)
    nanos = v.luhn_free_number(r, 1_767_830_400 * 10**9, 1_769_299_200 * 10**9)
    level = r.choice(((9, "INFO"), (13, "WARN"), (17, "ERROR"), (5, "DEBUG")))
    record: dict[str, object] = {
        "timeUnixNano": nanos,
        "observedTimeUnixNano": v.luhn_free_number(r, int(nanos), int(nanos) + 10**7),
        "severityNumber": level[0],
        "severityText": level[1],
        "body": {"stringValue": s},
        "attributes": [
            _otel_attr("code.function", r.choice(("handle", "run", "flush"))),
            _otel_attr("thread.name", "main"),
        ],
        "flags": 1,
        "traceId": _hex(r, 32),
        "spanId": _hex(r, 16),
    }
    export = {
        "resourceLogs": [
            {
                "resource": {
                    "attributes": [
                        _otel_attr("service.name", service),
                        _otel_attr("deployment.environment", r.choice(("prod", "staging"))),
                        _otel_attr("telemetry.sdk.language", r.choice(("python", "java", "go"))),
                    ]
                },
                "scopeLogs": [{"scope": {"name": f"acme.{service.replace('-', '_')}"}, "logRecords": [record]}],
            }
        ]
    }
    return json.dumps(export, ensure_ascii=r.random() < 0.5, separators=(",", ":") if r.random() < 0.5 else None)


def _airflow_stamp(r: random.Random, second: int) -> str:
    return f"[2026-01-{r.randrange(10, 28)}, {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{second:02d} UTC]"


def _airflow(r: random.Random, s: str) -> str:
    """An Airflow 2 task log: ``[date, time UTC] {module.py:line} LEVEL - message``, the snippet as a task's line."""
    dag = r.choice(("orders_daily", "crm_sync", "llm_eval_nightly", "billing_export"))
    task = r.choice(("extract", "load_clickhouse", "notify", "score_prompts"))
    lines = [
        f"{_airflow_stamp(r, 1)} {{taskinstance.py:{r.randrange(1100, 2800)}}} INFO - Starting attempt "
        f"{r.randrange(1, 4)} of 3",
        f"{_airflow_stamp(r, 1)} {{taskinstance.py:{r.randrange(1100, 2800)}}} INFO - Executing "
        f"<Task(PythonOperator): {task}> on 2026-01-{r.randrange(10, 28)} 00:00:00+00:00",
    ]
    shape = r.randrange(3)
    if shape == 0:
        lines.append(f"{_airflow_stamp(r, 2)} {{logging_mixin.py:190}} INFO - {s}")
    elif shape == 1:
        lines.append(f"{_airflow_stamp(r, 2)} {{{task}.py:{r.randrange(10, 300)}}} WARNING - {s}")
    else:
        lines += [
            f"{_airflow_stamp(r, 3)} {{taskinstance.py:{r.randrange(1100, 2800)}}} ERROR - Task failed with exception",
            "Traceback (most recent call last):",
            f'  File "/opt/airflow/dags/{dag}.py", line {r.randrange(10, 300)}, in {task}',
            "    raise RuntimeError(detail)",
            f"RuntimeError: {s}",
        ]
    lines.append(
        f"{_airflow_stamp(r, 4)} {{local_task_job_runner.py:{r.randrange(200, 300)}}} INFO - Task exited with return "
        f"code {r.choice((0, 1))}"
    )
    return "\n".join(lines)


def _lambda(r: random.Random, s: str) -> str:
    """An AWS Lambda invocation as CloudWatch Logs holds it: START, the function's line (Python's tab-separated
    format, Node's, or the JSON log format), END and REPORT."""
    request = _rid(r)
    when = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")
    shape = r.randrange(3)
    if shape == 0:
        line = f"[{r.choice(('ERROR', 'WARNING', 'INFO'))}]\t{when}\t{request}\t{s}"
    elif shape == 1:
        line = f"{when}\t{request}\t{r.choice(('ERROR', 'WARN', 'INFO'))}\t{s}"
    else:
        record = {
            "timestamp": when,
            "level": r.choice(("ERROR", "INFO")),
            "message": s,
            "logger": "root",
            "requestId": request,
        }
        line = json.dumps(record, ensure_ascii=False)
    duration = r.randrange(100, 900_000) / 100
    report = (
        f"REPORT RequestId: {request}\tDuration: {duration:.2f} ms\tBilled Duration: {int(duration) + 1} ms\t"
        f"Memory Size: {r.choice((128, 256, 512, 1024))} MB\tMax Memory Used: {r.randrange(60, 120)} MB\t"
    )
    if r.random() < 0.4:
        report += f"Init Duration: {r.randrange(10_000, 90_000) / 100:.2f} ms\t"
    if r.random() < 0.5:
        report += f"\nXRAY TraceId: 1-{_hex(r, 8)}-{_hex(r, 24)}\tSegmentId: {_hex(r, 16)}\tSampled: true\t"
    start = f"START RequestId: {request} Version: {r.choice(('$LATEST', str(r.randrange(2, 90))))}"
    return "\n".join((start, line, f"END RequestId: {request}", report))


def _laravel(r: random.Random, s: str) -> str:
    """A Laravel log line (Monolog's line formatter): ``[time] env.LEVEL: message {context} []``."""
    when = f"[2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}]"
    env = r.choice(("production", "local", "staging"))
    shape = r.randrange(3)
    if shape == 0:
        return f"{when} {env}.{r.choice(('INFO', 'WARNING', 'DEBUG'))}: {s}  "
    if shape == 1:
        context = json.dumps(
            {"job": f"App\\Jobs\\{r.choice(('SyncOrders', 'SendInvoice', 'PruneChats'))}", "attempt": r.randrange(1, 4)}
        )
        return f"{when} {env}.ERROR: {s} {context} []"
    exception = (
        f'{{"exception":"[object] (RuntimeException(code: 0): {json.dumps(s, ensure_ascii=False)[1:-1]} at '
        f'/var/www/html/app/Services/{r.choice(("Billing", "Chat", "Crm"))}Service.php:{r.randrange(20, 400)})"}}'
    )
    return f"{when} {env}.ERROR: {r.choice(('Job failed', 'Unhandled exception'))} {exception} []"


def _ansible(r: random.Random, s: str) -> str:
    """``ansible-playbook`` output: a TASK banner padded with stars, then a host's result (the snippet in ``msg``,
    a loop item, or ``stdout_lines``)."""
    role = r.choice(("app", "clickhouse", "nginx", "llm_gateway"))
    task = r.choice(("render environment file", "check service health", "run migrations", "print debug info"))
    banner = f"TASK [{role} : {task}] "
    banner += "*" * max(3, 80 - len(banner))
    host = f"{r.choice(('web', 'ch', 'worker'))}-{r.randrange(1, 9)}"
    shape = r.randrange(3)
    if shape == 0:
        result = f'fatal: [{host}]: FAILED! => {{"changed": false, "msg": {json.dumps(s, ensure_ascii=False)}}}'
    elif shape == 1:
        result = f'ok: [{host}] => {{\n    "msg": {json.dumps(s, ensure_ascii=False)}\n}}'
    else:
        body = json.dumps({"changed": True, "rc": 0, "stdout_lines": s.split("\n")}, ensure_ascii=False, indent=4)
        result = f"changed: [{host}] => {body}"
    return f"{banner}\n{result}"


def _heroku(r: random.Random, s: str) -> str:
    """Heroku's logplex as ``heroku logs`` prints it: time, source[dyno], message; the snippet is the app's line."""
    dyno = f"{r.choice(('web', 'worker'))}.{r.randrange(1, 5)}"
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}+00:00")
    lines = s.split("\n")
    out = [f"{stamp} app[{dyno}]: {line}" for line in lines]
    if r.random() < 0.5:
        out.insert(0, f"{stamp} heroku[{dyno}]: State changed from starting to up")
    if r.random() < 0.3:
        out.append(f"{stamp} heroku[{dyno}]: Process exited with status {r.choice((0, 1, 137))}")
    return "\n".join(out)


def _jenkins(r: random.Random, s: str) -> str:
    """A Jenkins pipeline console with the Timestamper plugin: ``[Pipeline]`` steps, the ``sh`` step's ``+`` echo,
    then its output."""
    stamp = f"[{_ts(r).replace('Z', f'.{r.randrange(0, 1000):03d}Z')}]"
    stage = r.choice(("Deploy", "Integration tests", "Publish", "Migrate"))
    command = r.choice(("./ci/deploy.sh prod", "make integration", "python -m app.migrate", "./gradlew publish"))
    lines = ["[Pipeline] stage", f"[Pipeline] {{ ({stage})", "[Pipeline] sh", f"+ {command}", *s.split("\n")]
    lines += ["[Pipeline] }", "[Pipeline] // stage"]
    console = "\n".join(f"{stamp} {line}" for line in lines)
    if r.random() < 0.4:
        console += f"\nFinished: {r.choice(('FAILURE', 'SUCCESS', 'UNSTABLE'))}"
    return console


# ----------------------------------------------------------------------- unspoken shapes (written without the rules)
#
# The twelfth split's line shapes, written by a sixth session that did not read the rules: ``docker compose logs``
# with service prefixes, ``journalctl -o verbose --all`` entries, Celery worker lines, Google Cloud Logging entries
# (``jsonPayload`` or ``textPayload``), Cloudflare ``wrangler tail --format json`` events, Windows PowerShell
# transcripts and Spark driver (log4j short) lines. None adds an address, a name, a card-like run that passes Luhn
# or a phone number of its own.


def _compose(r: random.Random, s: str) -> str:
    """``docker compose logs -t``: every line prefixed with the padded ``service-N  |`` and a time."""
    service = f"{r.choice(_SERVICES)}-{r.randrange(1, 4)}"
    width = max(len(service), 12)
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z")
    return "\n".join(f"{service:<{width}}  | {stamp} {line}" for line in s.split("\n"))


def _journal_verbose(r: random.Random, s: str) -> str:
    """``journalctl -o verbose --all``: the entry's header with its cursor, then indented ``FIELD=value`` lines."""
    service = r.choice(_SERVICES)
    clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}.{r.randrange(10**5, 10**6)}"
    cursor = f"s={_hex_word(r, 32)};i={_hex_word(r, 6)};b={_hex_word(r, 32)};m={_hex_word(r, 9)}"
    cursor += f";t={_hex_word(r, 13)};x={_hex_word(r, 16)}"
    pid = r.randrange(100, 99999)
    fields = [
        "_TRANSPORT=stdout",
        f"PRIORITY={r.randrange(3, 7)}",
        "SYSLOG_FACILITY=3",
        f"SYSLOG_IDENTIFIER={service}",
        f"_PID={pid}",
        "_UID=998",
        "_GID=998",
        f"_COMM={service.replace('-', '')}",
        f"_SYSTEMD_UNIT={service}.service",
        f"_BOOT_ID={_hex_word(r, 32)}",
        f"_MACHINE_ID={_hex_word(r, 32)}",
        f"_HOSTNAME={service}-{r.randrange(1, 9)}",
        "MESSAGE=" + s.replace("\n", "\n" + " " * 12),
    ]
    return f"Mon 2026-01-{r.randrange(10, 28)} {clock} UTC [{cursor}]\n" + "\n".join("    " + f for f in fields)


def _hex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them (a run of decimal digits could read as a number)."""
    while True:
        word = _hex(r, n)
        if not word.isdigit():
            return word


def _celery(r: random.Random, s: str) -> str:
    """A Celery worker's log: the default format, the snippet as a task's line or inside the repr of its error."""
    task = r.choice(("acme.tasks.sync_orders", "acme.tasks.send_invoice", "acme.tasks.embed_chats"))
    when = f"[2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    when += f",{r.randrange(100, 1000)}"
    worker = f"ForkPoolWorker-{r.randrange(1, 17)}"
    if r.random() < 0.5:
        return f"{when}: WARNING/{worker}] {task}[{_rid(r)}]: {s}"
    error = r.choice(("ValueError", "RuntimeError", "ConnectionError"))
    return (
        f"{when}: ERROR/{worker}] Task {task}[{_rid(r)}] raised unexpected: {error}({s!r})\n"
        "Traceback (most recent call last):\n"
        '  File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task\n'
        "    R = retval = fun(*args, **kwargs)\n"
        f"{error}: {s}"
    )


def _gcp_logging(r: random.Random, s: str) -> str:
    """A Google Cloud Logging ``LogEntry`` as ``gcloud logging read --format=json`` prints it: a container's
    structured line (``jsonPayload``) or a plain one (``textPayload``)."""
    service = r.choice(_SERVICES)
    entry: dict[str, object] = {"insertId": _hex(r, 16)}
    if r.random() < 0.5:
        entry["jsonPayload"] = {"message": s, "logger": f"acme.{service.replace('-', '_')}", "level": "warning"}
    else:
        entry["textPayload"] = s
    entry |= {
        "resource": {
            "type": "k8s_container",
            "labels": {
                "project_id": "acme-prod",
                "location": r.choice(("europe-north1", "europe-west3")),
                "cluster_name": "prod-gke",
                "namespace_name": "apps",
                "pod_name": f"{service}-{_hex(r, 10)}-{_hex(r, 5)}",
                "container_name": service,
            },
        },
        "timestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z"),
        "severity": r.choice(("WARNING", "ERROR", "INFO")),
        "labels": {"k8s-pod/app": service},
        "logName": "projects/acme-prod/logs/stderr",
        "receiveTimestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z"),
    }
    return json.dumps([entry], indent=4, ensure_ascii=False)


def _wrangler_tail(r: random.Random, s: str) -> str:
    """A Cloudflare Worker's event from ``wrangler tail --format json``: the snippet as a ``console.log`` message
    or an exception's message; times in Luhn-failing milliseconds."""
    millis = int(v.luhn_free_number(r, 1_767_830_400_000, 1_769_299_200_000))
    script = f"{r.choice(_SERVICES)}-edge"
    logs: list[dict[str, object]] = []
    exceptions: list[dict[str, object]] = []
    if r.random() < 0.6:
        later = int(v.luhn_free_number(r, millis + 1, millis + 900))
        logs.append({"message": [s], "level": r.choice(("log", "warn", "error")), "timestamp": later})
    else:
        later = int(v.luhn_free_number(r, millis + 1, millis + 900))
        exceptions.append({"name": "Error", "message": s, "timestamp": later})
    event = {
        "outcome": "ok" if not exceptions else "exception",
        "scriptName": script,
        "diagnosticsChannelEvents": [],
        "exceptions": exceptions,
        "logs": logs,
        "eventTimestamp": millis,
        "event": {
            "request": {
                "url": f"https://{script}.acme.workers.dev{_path(r)}",
                "method": r.choice(("GET", "POST")),
                "headers": {"accept": "application/json", "cf-ray": f"{_hex(r, 16)}-HEL"},
                "cf": {"colo": "HEL", "httpProtocol": "HTTP/2", "tlsVersion": "TLSv1.3"},
            },
            "response": {"status": r.choice((200, 500, 502))},
        },
    }
    return json.dumps(event, separators=(",", ":") if r.random() < 0.5 else None, ensure_ascii=False)


def _ps_transcript(r: random.Random, s: str) -> str:
    """A Windows PowerShell transcript (``Start-Transcript``): the header block, the prompt and command, the
    snippet as its output, the end block."""
    stars = "*" * 22
    start = v.luhn_free_number(r, 20260112000000, 20260112235959)
    script = r.choice(("deploy.ps1", "Sync-Orders.ps1", "rotate-logs.ps1"))
    head = [
        stars,
        "Windows PowerShell transcript start",
        f"Start time: {start}",
        "Username: ACME\\svc-deploy",
        "RunAs User: ACME\\svc-deploy",
        "Configuration Name: ",
        f"Machine: WS-{r.randrange(10, 99)} (Microsoft Windows NT 10.0.20348.0)",
        "Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile",
        f"Process ID: {r.randrange(1000, 9999)}",
        "PSVersion: 5.1.20348.2849",
        "PSEdition: Desktop",
        "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.20348.2849",
        "BuildVersion: 10.0.20348.2849",
        "CLRVersion: 4.0.30319.42000",
        "WSManStackVersion: 3.0",
        "PSRemotingProtocolVersion: 2.3",
        stars,
        f"PS C:\\deploy> .\\{script}",
        s,
        stars,
        "Windows PowerShell transcript end",
        f"End time: {v.luhn_free_number(r, int(start) + 1, int(start) + 60)}",
        stars,
    ]
    return "\r\n".join(head)


def _spark_driver(r: random.Random, s: str) -> str:
    """A Spark driver's log (log4j's ``yy/MM/dd HH:mm:ss LEVEL Class: message``), with a task warning before."""
    stamp = f"26/01/{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    stage = f"{r.randrange(0, 40)}.0"
    lines = [
        f"{stamp} INFO DAGScheduler: Submitting ResultStage {stage.split('.')[0]} "
        f"(MapPartitionsRDD[{r.randrange(2, 90)}] at save at NativeMethodAccessorImpl.java:0), which has no missing "
        "parents",
        f"{stamp} WARN TaskSetManager: Lost task {r.randrange(0, 64)}.0 in stage {stage} "
        f"(TID {r.randrange(10, 900)}) (executor {r.randrange(1, 9)}): org.apache.spark.SparkException: Python worker "
        "exited unexpectedly",
        f"{stamp} {r.choice(('ERROR', 'WARN', 'INFO'))} {r.choice(('Executor', 'PythonRunner', 'SparkContext'))}: {s}",
    ]
    return "\n".join(lines)


# ----------------------------------------------------------------------- unnamed shapes (written without the rules)
#
# The thirteenth split's line shapes, written by a seventh session that did not read the rules: Fluent Bit's
# ``stdout`` output, Vector's JSON console sink, Traefik's access log (client address fields dropped) and its zerolog
# error lines, Caddy's structured logs (the remote address deleted by a log filter), Go ``log/slog`` text handler
# lines, Rails' ``Processing by`` / ``Parameters:`` blocks, Kafka Connect worker lines, HAProxy logs with a captured
# header, Uber zap production JSON and Node pino JSON. None adds an address, a name, a card-like run that passes Luhn
# or a phone number of its own.


def _unnamed_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _fluent_bit(r: random.Random, s: str) -> str:
    """Fluent Bit's ``stdout`` output (``format msgpack``): the record index, the tag, the event time and the
    record's map printed with ``=>``, the line in ``log`` with its quotes and backslashes escaped."""
    pod = f"{r.choice(_SERVICES)}-{_hex_word(r, 10)}-{_hex_word(r, 5)}"
    tag = f"kube.var.log.containers.{pod}_apps_{pod.split('-')[0]}-{_hex_word(r, 64)}.log"
    seconds = 1_768_000_000 + r.randrange(0, 10**6)
    escaped = json.dumps(s, ensure_ascii=False)[1:-1]
    record = f'{{"time"=>"{_ts(r)}", "stream"=>"{r.choice(("stdout", "stderr"))}", "_p"=>"F", "log"=>"{escaped}"}}'
    return f"[{r.randrange(0, 8)}] {tag}: [[{seconds}.{r.randrange(0, 10**9):09d}, {{}}], {record}]"


def _vector(r: random.Random, s: str) -> str:
    """Vector's ``console`` sink with ``encoding.codec = "json"``: a file source's event, keys sorted."""
    service = r.choice(_SERVICES)
    event = {
        "file": f"/var/log/{service}/{service}.log",
        "host": f"{service}-{r.randrange(1, 9)}",
        "message": s,
        "source_type": "file",
        "timestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z"),
    }
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


def _traefik(r: random.Random, s: str) -> str:
    """Traefik v3: a JSON access log line whose client address fields are dropped (``fields.names.ClientHost:
    drop``) with one request header kept, or a zerolog error line of the proxy itself."""
    service = r.choice(_SERVICES)
    if r.random() < 0.5:
        return json.dumps(
            {
                "level": r.choice(("error", "warn")),
                "error": s,
                "entryPointName": "websecure",
                "routerName": f"{service}@docker",
                "time": _ts(r),
                "message": r.choice(("Error while handling request", "502 Bad Gateway", "Error while serving")),
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )
    record = {
        "DownstreamContentSize": r.randrange(10, 9000),
        "DownstreamStatus": r.choice((200, 400, 401, 502)),
        "Duration": r.randrange(10**5, 10**9),
        "OriginStatus": r.choice((200, 400, 401, 502)),
        "RequestHost": "api.acme.lu",
        "RequestMethod": r.choice(("GET", "POST")),
        "RequestPath": _path(r),
        "RequestProtocol": "HTTP/2.0",
        "RouterName": f"{service}@docker",
        "ServiceName": f"{service}@docker",
        "entryPointName": "websecure",
        "level": "info",
        "msg": "",
        "request_X-Debug-Context": s,
        "time": _ts(r),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _caddy(r: random.Random, s: str) -> str:
    """Caddy 2's JSON log: an error logged for a request whose ``remote_ip`` / ``client_ip`` a ``filter`` encoder
    deletes, or a reverse proxy's warning without a request."""
    ts = f"{1_768_000_000 + r.randrange(0, 10**6)}.{r.randrange(0, 10**7):07d}"
    if r.random() < 0.5:
        record: dict[str, object] = {
            "level": "error",
            "ts": float(ts),
            "logger": "http.log.error",
            "msg": s,
            "request": {
                "proto": "HTTP/2.0",
                "method": r.choice(("GET", "POST")),
                "host": "app.acme.lu",
                "uri": _path(r),
                "headers": {"Accept": ["application/json"], "User-Agent": [f"acme-ios/{r.randrange(2, 9)}.1"]},
            },
            "duration": round(r.random(), 6),
            "status": r.choice((500, 502, 504)),
            "err_id": _hex_word(r, 9),
            "err_trace": "reverseproxy.statusError (reverseproxy.go:1269)",
        }
    else:
        record = {
            "level": "warn",
            "ts": float(ts),
            "logger": "http.handlers.reverse_proxy",
            "msg": s,
            "upstream": f"{r.choice(_SERVICES)}:8080",
            "duration": round(r.random(), 6),
        }
    return json.dumps(record, ensure_ascii=False)


def _go_quote(s: str) -> str:
    """Go's ``strconv.Quote``: backslash escapes for quotes, backslashes and control characters, Unicode kept."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(escapes.get(ch, ch if ch.isprintable() else f"\\x{ord(ch):02x}") for ch in s) + '"'


def _slog_value(s: str) -> str:
    """A value as ``slog.TextHandler`` writes it: bare unless it is empty or holds a space, ``=``, a quote or a
    character that is not printable."""
    if not s or any(ch in ' ="' or not ch.isprintable() for ch in s):
        return _go_quote(s)
    return s


def _slog(r: random.Random, s: str) -> str:
    """Go's ``log/slog`` text handler: ``time=... level=... msg=...`` then attributes, groups as dotted keys."""
    when = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}+01:00")
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    msg = r.choice(("request failed", "upstream error", "job finished", "handler returned"))
    attrs = [
        f"req.method={r.choice(('GET', 'POST'))}",
        f"req.path={_path(r)}",
        f"{r.choice(('err', 'detail', 'body'))}={_slog_value(s)}",
        f"duration={r.randrange(1, 900)}.{r.randrange(0, 1000):03d}ms",
    ]
    return f"time={when} level={level} msg={_slog_value(msg)} " + " ".join(attrs)


def _ruby_inspect(s: str) -> str:
    """Ruby's ``String#inspect``: double quotes, ``\\"``, ``\\\\``, ``\\n``, ``#{`` escaped, Unicode kept."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}
    out = "".join(escapes.get(ch, ch) for ch in s).replace("#{", "\\#{").replace("#$", "\\#$")
    return f'"{out}"'


def _rails_params(r: random.Random, s: str) -> str:
    """A Rails 7 request as its tagged production log prints it (request id tag, no Started line kept): the
    controller, the filtered ``Parameters:`` hash (``inspect``), the outcome."""
    rid = _rid(r)
    controller = r.choice(("WebhooksController#create", "Api::V1::NotesController#update", "SupportController#reply"))
    field = r.choice(("note", "body", "comment", "payload"))
    params = f'{{"{field}" => {_ruby_inspect(s)}, "id" => "{r.randrange(1, 99999)}"}}'
    return "\n".join(
        (
            f"[{rid}] Processing by {controller} as JSON",
            f"[{rid}]   Parameters: {params}",
            f"[{rid}] Completed {r.choice(('422 Unprocessable Entity', '200 OK', '500 Internal Server Error'))} in "
            f"{r.randrange(2, 900)}ms (ActiveRecord: {r.randrange(0, 90)}.{r.randrange(0, 10)}ms | Allocations: "
            f"{r.randrange(1000, 90000)})",
        )
    )


def _kafka_connect(r: random.Random, s: str) -> str:
    """A Kafka Connect distributed worker's log4j line: the connector and task in the MDC, the class at the end."""
    connector = r.choice(("jdbc-sink-orders", "s3-sink-events", "debezium-pg-billing", "http-sink-crm"))
    task = r.randrange(0, 4)
    when = f"[2026-01-{r.randrange(10, 28)} {_unnamed_clock(r)},{r.randrange(0, 1000):03d}]"
    topic = r.choice(("orders", "events.raw", "billing.public.invoices"))
    kind = r.choice(("WorkerSinkTask", "WorkerSourceTask"))
    return (
        f"{when} {r.choice(('ERROR', 'WARN'))} [{connector}|task-{task}] {kind}{{id={connector}-{task}}} "
        f"Error converting message value in topic '{topic}' partition {r.randrange(0, 12)} at offset "
        f"{r.randrange(0, 10**6)}: {s} (org.apache.kafka.connect.runtime.{kind}:{r.randrange(200, 700)})"
    )


def _haproxy_capture(s: str) -> str:
    """A captured header as HAProxy logs it: ``"``, ``#``, ``{``, ``|``, ``}`` and control bytes as ``#XX``."""
    return "".join(f"#{ord(ch):02X}" if ch in '"#{|}' or ord(ch) < 32 or ord(ch) == 127 else ch for ch in s)


def _haproxy(r: random.Random, s: str) -> str:
    """HAProxy's HTTP log format on a unix-socket listener (``unix:1``, no client address): timers, status, the
    captured request header in braces. Non-ASCII text is logged through the ``json`` converter (``\\uXXXX``)."""
    captured = _haproxy_capture(s) if s.isascii() else json.dumps(s)[1:-1]
    day = r.randrange(10, 28)
    when = f"{day}/Jan/2026:{_unnamed_clock(r)}.{r.randrange(0, 1000):03d}"
    backend = f"be_{r.choice(_SERVICES).replace('-', '_')}/srv{r.randrange(1, 4)}"
    timers = f"0/0/{r.randrange(0, 5)}/{r.randrange(1, 900)}/{r.randrange(900, 2000)}"
    return (
        f"haproxy[{r.randrange(100, 9999)}]: unix:1 [{when}] fe_https~ {backend} {timers} "
        f"{r.choice((200, 401, 502))} {r.randrange(100, 9000)} - - ---- "
        f"{r.randrange(1, 90)}/{r.randrange(1, 90)}/0/0/0 "
        f'0/0 {{{captured}}} "{r.choice(("GET", "POST"))} {_path(r)} HTTP/1.1"'
    )


def _zap(r: random.Random, s: str) -> str:
    """Uber zap's production JSON encoder: epoch seconds as a float, the caller, the error, and a stack trace for
    errors."""
    level = r.choice(("error", "warn"))
    record: dict[str, object] = {
        "level": level,
        "ts": float(f"{1_768_000_000 + r.randrange(0, 10**6)}.{r.randrange(0, 10**6):06d}"),
        "caller": f"{r.choice(('worker', 'activity', 'handler'))}/{r.choice(('run', 'sync', 'deliver'))}.go:"
        f"{r.randrange(20, 400)}",
        "msg": r.choice(("Activity error.", "delivery failed", "request failed")),
        "Namespace": "default",
        "WorkflowType": r.choice(("SyncOrders", "SendInvoice", "EmbedChats")),
        "error": s,
    }
    if level == "error":
        record["stacktrace"] = (
            "go.temporal.io/sdk/internal.(*activityTaskHandlerImpl).Execute\n\t"
            "/go/pkg/mod/go.temporal.io/sdk@v1.31.0/internal/internal_task_handlers.go:2035"
        )
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _pino(r: random.Random, s: str) -> str:
    """Node's pino JSON line: numeric level, milliseconds (drawn to fail Luhn), the error with its stack."""
    level = r.choice((40, 50))
    record: dict[str, object] = {
        "level": level,
        "time": int(v.luhn_free_number(r, 1_767_830_400_000, 1_769_299_200_000)),
        "pid": r.randrange(7, 400),
        "hostname": f"{r.choice(_SERVICES)}-{_hex_word(r, 10)}-{_hex_word(r, 5)}",
        "reqId": f"req-{r.randrange(1, 9000)}",
    }
    if level == 50:
        record["err"] = {
            "type": "Error",
            "message": s,
            "stack": f"Error: {s}\n    at handler (/app/dist/routes.js:{r.randrange(10, 400)}:11)",
        }
        record["msg"] = s
    else:
        record["msg"] = s
    return json.dumps(record, ensure_ascii=False)


# ----------------------------------------------------------------------- unmarked shapes (written without the rules)
#
# The fourteenth split's line shapes, written by an eighth session that did not read the rules: API Gateway
# execution logs in CloudWatch, HashiCorp hclog lines (Nomad, Consul, Vault), IIS W3C extended logs, Azure Functions
# resource-log records, Nextcloud JSON log lines, Temporal workflow histories, Fluent Bit's stdout records, Sidekiq
# lines, Datadog Agent lines and SQL Server ERRORLOG lines. None adds an address, an e-mail, a name, a card-like run
# that passes Luhn or a phone number of its own (IIS and Nextcloud log no client here: a background job, a site
# whose W3C field list leaves c-ip out).

_UNMARKED_ACCOUNT = "618402957730"  # twelve digits: not Luhn-valid, no valid number of the unmarked regions


def _apigw_exec(r: random.Random, s: str) -> str:
    """An API Gateway REST API's execution log (CloudWatch, ``API-Gateway-Execution-Logs_<id>/prod``): every line
    prefixed with the request id; the snippet as the method request's body, the integration's reply or the
    failure."""
    rid = _rid(r)
    path = r.choice(("/v1/orders", "/v1/notes", "/v1/webhooks/ingest", "/v1/chat/feedback"))
    function = f"acme-{r.choice(_SERVICES)}"
    uri = (
        f"https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-1:{_UNMARKED_ACCOUNT}:"
        f"function:{function}/invocations"
    )
    lines = [
        f"Extended Request Id: {''.join(r.choice(string.ascii_letters) for _ in range(14))}=",
        f"Starting execution for request: {rid}",
        f"HTTP Method: POST, Resource Path: {path}",
        "Method request path: {}",
        "Method request query string: {}",
    ]
    shape = r.randrange(3)
    if shape == 0:
        lines += [f"Method request body before transformations: {s}", f"Endpoint request URI: {uri}"]
    elif shape == 1:
        lines += [
            'Method request body before transformations: {"action":"sync"}',
            f"Endpoint request URI: {uri}",
            f"Endpoint response body before transformations: {s}",
            f"Method completed with status: {r.choice((200, 400, 502))}",
        ]
    else:
        lines += [f"Endpoint request URI: {uri}", f"Execution failed due to configuration error: {s}"]
    return "\n".join(f"({rid}) {line}" for line in lines)


def _hclog_quote(s: str) -> str:
    """A value as hclog writes it: bare when it has no space or quote, else Go's ``strconv.Quote``."""
    if s and not any(ch in s for ch in ' "\\\n\t=') and s.isprintable():
        return s
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(escapes.get(ch, ch) for ch in s) + '"'


def _hclog(r: random.Random, s: str) -> str:
    """HashiCorp's hclog (Nomad, Consul, Vault agents): time, padded level, logger name, message, ``key=value``."""
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")
    level = r.choice(("[ERROR]", "[WARN] ", "[INFO] ", "[DEBUG]"))
    logger = r.choice(
        ("nomad.client.alloc_runner.task_runner", "agent.http", "core", "nomad.client.driver_mgr.docker", "agent")
    )
    if r.random() < 0.5:
        return f"{stamp} {level} {logger}: {s}"
    task = r.choice(_SERVICES)
    return f"{stamp} {level} {logger}: running driver failed: alloc_id={_rid(r)} task={task} error={_hclog_quote(s)}"


def _iis_w3c(r: random.Random, s: str) -> str:
    """An IIS W3C extended log (a site whose field list leaves the client and server addresses out): the
    directives when the file starts, then the request with the snippet in its query string, as IIS writes it."""
    when = f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    param = r.choice(("q", "note", "msg", "filter"))
    query = f"{param}={urllib.parse.quote_plus(s)}"
    agent = r.choice(
        ("Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:133.0)+Gecko/20100101+Firefox/133.0", "okhttp/4.12.0", "-")
    )
    line = (
        f"{when} W3SVC{r.randrange(1, 4)} {r.choice(('GET', 'POST'))} {r.choice(('/api/notes', '/api/search'))} "
        f"{query} 443 - {agent} - {r.choice((200, 400, 500))} 0 0 {r.randrange(1, 900)}"
    )
    if r.random() < 0.5:
        return line
    head = [
        "#Software: Microsoft Internet Information Services 10.0",
        "#Version: 1.0",
        f"#Date: {when}",
        "#Fields: date time s-sitename cs-method cs-uri-stem cs-uri-query s-port cs-username cs(User-Agent) "
        "cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
    ]
    return "\r\n".join([*head, line])


def _azure_functions(r: random.Random, s: str) -> str:
    """An Azure Functions ``FunctionAppLogs`` record as a diagnostic setting archives it (``{"records": [...]}``
    in a storage account): the function's log line in ``properties.message``."""
    app = f"acme-{r.choice(_SERVICES)}-fn"
    function = r.choice(("SyncOrders", "SendInvoice", "EmbedChats", "IngestWebhook"))
    clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}.{r.randrange(0, 10**7):07d}"
    level, level_id = r.choice((("Warning", 3), ("Error", 4), ("Information", 2)))
    record = {
        "time": f"2026-01-{r.randrange(10, 28)}T{clock}Z",
        "resourceId": f"/SUBSCRIPTIONS/{_rid(r).upper()}/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.WEB/SITES/"
        + app.upper(),
        "category": "FunctionAppLogs",
        "operationName": "Microsoft.Web/sites/functions/log",
        "level": level,
        "location": r.choice(("West Europe", "North Europe", "UAE North")),
        "properties": {
            "appName": app,
            "roleInstance": f"SmallDedicatedWebWorkerRole_IN_{r.randrange(0, 4)}",
            "message": s,
            "category": f"Function.{function}.User",
            "hostVersion": f"4.{r.randrange(1030, 1040)}.{r.randrange(1, 9)}.{r.randrange(20000, 24000)}",
            "functionInvocationId": _rid(r),
            "functionName": f"Functions.{function}",
            "hostInstanceId": _rid(r),
            "level": level,
            "levelId": level_id,
            "processId": r.randrange(1000, 9000),
            "eventId": 0,
        },
    }
    return json.dumps({"records": [record]}, ensure_ascii=r.random() < 0.5)


def _nextcloud(r: random.Random, s: str) -> str:
    """A line of ``nextcloud.log`` written by a background job (no client address, user ``--``): PHP's
    ``json_encode`` escapes slashes; the snippet as the message or an exception's message."""
    app = r.choice(("files", "mail", "user_ldap", "richdocuments", "assistant"))
    record: dict[str, object] = {
        "reqId": "".join(r.choice(string.ascii_letters + string.digits) for _ in range(20)),
        "level": r.choice((2, 3)),
        "time": _ts(r).replace("Z", "+00:00"),
        "remoteAddr": "",
        "user": "--",
        "app": app,
        "method": "",
        "url": "--",
    }
    if r.random() < 0.5:
        record |= {"message": s, "userAgent": "--", "version": f"30.0.{r.randrange(1, 6)}.{r.randrange(1, 3)}"}
    else:
        record |= {
            "message": "Error while running background job",
            "userAgent": "--",
            "version": f"30.0.{r.randrange(1, 6)}.{r.randrange(1, 3)}",
            "exception": {
                "Exception": "Exception",
                "Message": s,
                "Code": 0,
                "File": f"/var/www/html/apps/{app}/lib/BackgroundJob/SyncJob.php",
                "Line": r.randrange(20, 400),
                "CustomMessage": "--",
            },
        }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")


def _temporal(r: random.Random, s: str) -> str:
    """``temporal workflow show --output json``: a workflow's history, the snippet as an activity's failure."""
    run = _rid(r)
    identity = f"{r.randrange(1, 99999)}@worker-{_hex(r, 10)}-{_hex(r, 5)}"
    queue = r.choice(("billing", "orders", "llm-eval"))
    task_id = 1048576 + r.randrange(0, 9000)
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z")
    events = [
        {
            "eventId": "1",
            "eventTime": stamp,
            "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
            "taskId": str(task_id),
            "workflowExecutionStartedEventAttributes": {
                "workflowType": {"name": r.choice(("SyncOrdersWorkflow", "InvoiceWorkflow", "EvalWorkflow"))},
                "taskQueue": {"name": queue, "kind": "TASK_QUEUE_KIND_NORMAL"},
                "workflowTaskTimeout": "10s",
                "originalExecutionRunId": run,
                "identity": identity,
                "firstExecutionRunId": run,
                "attempt": 1,
            },
        },
        {
            "eventId": "5",
            "eventTime": stamp,
            "eventType": "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
            "taskId": str(task_id + 4),
            "activityTaskScheduledEventAttributes": {
                "activityId": "5",
                "activityType": {"name": r.choice(("ChargeCustomer", "CallUpstream", "ScorePrompt"))},
                "taskQueue": {"name": queue, "kind": "TASK_QUEUE_KIND_NORMAL"},
                "startToCloseTimeout": "60s",
                "retryPolicy": {"initialInterval": "1s", "backoffCoefficient": 2, "maximumAttempts": 3},
            },
        },
        {
            "eventId": "7",
            "eventTime": stamp,
            "eventType": "EVENT_TYPE_ACTIVITY_TASK_FAILED",
            "taskId": str(task_id + 6),
            "activityTaskFailedEventAttributes": {
                "failure": {
                    "message": s,
                    "source": r.choice(("GoSDK", "PythonSDK", "TypeScriptSDK")),
                    "applicationFailureInfo": {"type": r.choice(("ApplicationError", "ValueError", "Error"))},
                },
                "scheduledEventId": "5",
                "startedEventId": "6",
                "identity": identity,
                "retryState": "RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED",
            },
        },
    ]
    return json.dumps({"events": events}, indent=2, ensure_ascii=False)


def _fluentbit(r: random.Random, s: str) -> str:
    """Fluent Bit's ``stdout`` output (msgpack printed as is: ``=>`` between key and value, strings unescaped)."""
    service = r.choice(_SERVICES)
    pod = f"{service}-{_hex_word(r, 10)}-{_hex_word(r, 5)}"
    tag = f"kube.var.log.containers.{pod}_prod_{service}-{_hex_word(r, 64)}.log"
    seconds = f"{_epoch(r)}.{r.randrange(0, 10**9):09d}"
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z")
    return (
        f'[{r.randrange(0, 4)}] {tag}: [[{seconds}, {{}}], {{"time"=>"{stamp}", "stream"=>"stderr", "_p"=>"F", '
        f'"log"=>"{s}", "kubernetes"=>{{"pod_name"=>"{pod}", "namespace_name"=>"prod", '
        f'"container_name"=>"{service}"}}}}]'
    )


def _sidekiq(r: random.Random, s: str) -> str:
    """Sidekiq 7's default log format: time, pid, tid, the job's class and jid, level, message."""
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")
    job = r.choice(("SyncOrdersJob", "SendInvoiceJob", "PruneChatsJob", "WebhookDeliveryJob"))
    tid = "".join(r.choice(string.ascii_lowercase + string.digits) for _ in range(4))
    head = f"{stamp} pid={r.randrange(1, 99)} tid={tid} class={job} jid={_hex(r, 24)}"
    if r.random() < 0.5:
        return f"{head} {r.choice(('WARN', 'INFO'))}: {s}"
    return f"{head} elapsed={r.randrange(1, 9000) / 1000:.3f} ERROR: {r.choice(('RuntimeError', 'ArgumentError'))}: {s}"


def _datadog_agent(r: random.Random, s: str) -> str:
    """A Datadog Agent log line: time, the component, level, the Go source, then a check's own line."""
    stamp = f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    check = r.choice(("postgres", "http_check", "openmetrics", "redisdb"))
    level = r.choice(("WARN", "ERROR", "INFO"))
    if r.random() < 0.5:
        return (
            f"{stamp} UTC | CORE | {level} | (pkg/collector/python/datadog_agent.go:{r.randrange(100, 160)} in "
            f"LogMessage) | {check}:{_hex_word(r, 16)} | ({check}.py:{r.randrange(40, 900)}) | {s}"
        )
    return f"{stamp} UTC | TRACE | {level} | (pkg/trace/api/api.go:{r.randrange(300, 900)} in handleTraces) | {s}"


def _mssql_errorlog(r: random.Random, s: str) -> str:
    """SQL Server's ERRORLOG: time with centiseconds, the source (``spidNN`` or ``Server``), the text; a
    ``RAISERROR`` from a job leaves its error line before the message."""
    stamp = (
        f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
        f".{r.randrange(0, 100):02d}"
    )
    source = f"spid{r.randrange(51, 140)}".ljust(11)
    lines = s.split("\n")
    out = [f"{stamp} {source}{line}" for line in lines]
    if r.random() < 0.5:
        out.insert(0, f"{stamp} {source}Error: 50000, Severity: 16, State: 1.")
    return "\n".join(out)


# ----------------------------------------------------------------------- unwritten shapes (written without the rules)
#
# The fifteenth split's line shapes, written by a ninth session that did not read the rules: Kubernetes klog lines
# (plain and structured), Argo CD's logrus text lines, Grafana Loki ``query_range`` replies, Alertmanager webhook
# payloads, Buildkite job logs with their ``_bk;t=`` time marks, Logstash's ``rubydebug`` output, Tomcat's
# ``catalina.out`` (JUL one-line format with a stack trace), .NET's console logger with scopes, PHP-FPM's ``child
# said into stderr`` lines, Splunk HTTP Event Collector payloads, Elixir's Logger, gunicorn error logs, RabbitMQ
# server logs, Keycloak (Quarkus) server lines and structlog's console renderer. None adds an address, an e-mail, a
# name, a card-like run that passes Luhn or a phone number of its own (long times are drawn to fail Luhn).


def _uw_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uw_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _klog(r: random.Random, s: str) -> str:
    """A Kubernetes component's klog line (``Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg``): the snippet as the
    message, or as a controller-runtime ``Reconciler error``'s ``err`` (Go-quoted)."""
    head = f"{r.choice('IWE')}01{_uw_day(r)} {_uw_clock(r)}.{r.randrange(0, 10**6):06d} {r.randrange(1, 99999):>7} "
    source = f"{r.choice(('controller.go', 'reconciler.go', 'main.go', 'webhook.go'))}:{r.randrange(40, 900)}]"
    if r.random() < 0.5:
        return f"{head}{source} {s}"
    kind = r.choice(("Certificate", "ExternalSecret", "Deployment", "KafkaTopic"))
    name = f"{r.choice(_SERVICES)}-{r.randrange(1, 9)}"
    return (
        f'{head}{source} "Reconciler error" err={_go_quote(s)} controller="{kind.lower()}" '
        f'controllerGroup="acme.io" controllerKind="{kind}" {kind}="prod/{name}" namespace="prod" name="{name}" '
        f'reconcileID="{_rid(r)}"'
    )


def _argocd(r: random.Random, s: str) -> str:
    """An Argo CD component's logrus text line: ``time="..." level=... msg="..."`` then its fields, values quoted
    the Go way when they need it."""
    level = r.choice(("info", "warning", "error"))
    app = r.choice(_SERVICES)
    fields = f"application=argocd/{app} dest-namespace=prod dest-server=https://kubernetes.default.svc project=default"
    return f'time="{_ts(r)}" level={level} msg={_go_quote(s)} {fields}'


def _loki(r: random.Random, s: str) -> str:
    """A Grafana Loki ``query_range`` reply: one stream with the snippet as a log line under a nanosecond time."""
    service = r.choice(_SERVICES)
    nanos = v.luhn_free_number(r, 1_767_830_400 * 10**9, 1_769_299_200 * 10**9)
    reply = {
        "status": "success",
        "data": {
            "resultType": "streams",
            "result": [
                {
                    "stream": {
                        "app": service,
                        "namespace": "prod",
                        "container": service,
                        "detected_level": r.choice(("warn", "error", "info")),
                        "service_name": service,
                    },
                    "values": [[nanos, s]],
                }
            ],
            "stats": {
                "summary": {
                    "bytesProcessedPerSecond": r.randrange(10**5, 10**8),
                    "linesProcessedPerSecond": r.randrange(10**3, 10**6),
                    "execTime": round(r.uniform(0.001, 2.5), 6),
                    "queueTime": round(r.uniform(0.0001, 0.1), 6),
                    "totalEntriesReturned": 1,
                }
            },
        },
    }
    return json.dumps(reply, separators=(",", ":"), ensure_ascii=r.random() < 0.5)


def _alertmanager(r: random.Random, s: str) -> str:
    """An Alertmanager webhook notification (version 4): one firing alert whose ``description`` annotation is the
    snippet (alert rules template a log line into it)."""
    service = r.choice(_SERVICES)
    name = r.choice(("JobFailed", "LogErrorBurst", "DeploymentFailed", "ProbeFailed"))
    labels = {"alertname": name, "job": service, "namespace": "prod", "severity": r.choice(("warning", "critical"))}
    annotations = {"summary": f"{name} on {service}", "description": s}
    alert = {
        "status": "firing",
        "labels": labels,
        "annotations": annotations,
        "startsAt": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
        "endsAt": "0001-01-01T00:00:00Z",
        "generatorURL": f"http://prometheus.monitoring.svc:9090/graph?g0.expr=increase%28{service.replace('-', '_')}"
        "_errors_total%5B5m%5D%29+%3E+0&g0.tab=1",
        "fingerprint": _hex_word(r, 16),
    }
    payload = {
        "receiver": "ops-webhook",
        "status": "firing",
        "alerts": [alert],
        "groupLabels": {"alertname": name},
        "commonLabels": labels,
        "commonAnnotations": annotations if r.random() < 0.5 else {"summary": annotations["summary"]},
        "externalURL": "http://alertmanager.monitoring.svc:9093",
        "version": "4",
        "groupKey": f'{{}}:{{alertname="{name}"}}',
        "truncatedAlerts": 0,
    }
    return json.dumps(payload, ensure_ascii=False)


def _buildkite(r: random.Random, s: str) -> str:
    """A Buildkite job log as the agent uploads it: each line behind an ``ESC _bk;t=<ms> BEL`` time mark, the
    section headers (``~~~``, ``---``, ``^^^ +++``) around the command's output."""
    millis = int(v.luhn_free_number(r, 1_767_830_400_000, 1_769_299_200_000))
    command = r.choice(("./scripts/deploy.sh prod", "make release", "bin/rails db:migrate", "npm run e2e"))
    lines = [
        "~~~ Preparing working directory",
        f"$ cd /var/lib/buildkite-agent/builds/agent-{r.randrange(1, 9)}/acme/{r.choice(_SERVICES)}",
        f"--- :{r.choice(('rocket', 'hammer', 'package'))}: {r.choice(('Deploy', 'Build', 'Migrate'))}",
        f"$ {command}",
        *s.split("\n"),
    ]
    if r.random() < 0.5:
        lines += ["^^^ +++", f"\U0001f6a8 Error: The command exited with status {r.randrange(1, 3)}"]
    out = []
    for line in lines:
        millis += r.randrange(1, 900)
        while v.luhn_ok(str(millis)):
            millis += 1
        out.append(f"\x1b_bk;t={millis}\x07{line}")
    return "\r\n".join(out)


def _ruby_string(s: str) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}
    return '"' + "".join(escapes.get(ch, ch) for ch in s).replace("#{", "\\#{") + '"'


def _rubydebug(r: random.Random, s: str) -> str:
    """Logstash's ``stdout { codec => rubydebug }``: the event as a Ruby hash, keys right-aligned, nested maps
    indented, the timestamp bare."""
    service = r.choice(_SERVICES)
    top = {
        "message": _ruby_string(s),
        "@version": '"1"',
        "@timestamp": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
        "host": {"name": f'"{service}-{r.randrange(1, 9)}"'},
        "log": {"file": {"path": f'"/var/log/acme/{service}.log"'}},
        "tags": ["beats_input_codec_plain_applied"] if r.random() < 0.5 else None,
    }

    def render(d: dict[str, object], depth: int) -> list[str]:
        items = [(key, value) for key, value in d.items() if value is not None]
        width = max(len(f'"{k}"') for k, _ in items)
        pad = "    " * (depth + 1)
        lines: list[str] = []
        for i, (key, value) in enumerate(items):
            name = f'"{key}"'.rjust(width)
            comma = "," if i < len(items) - 1 else ""
            if isinstance(value, dict):
                lines.append(f"{pad}{name} => {{")
                lines += render(value, depth + 1)
                lines.append(f"{pad}}}{comma}")
            elif isinstance(value, list):
                lines += [f"{pad}{name} => [", f'{pad}    [0] "{value[0]}"', f"{pad}]{comma}"]
            else:
                lines.append(f"{pad}{name} => {value}{comma}")
        return lines

    return "\n".join(["{", *render(top, 0), "}"])


def _catalina(r: random.Random, s: str) -> str:
    """Tomcat's ``catalina.out`` (JUL's OneLineFormatter): an application's warning, or a servlet's exception
    with the root cause and its stack on the lines after."""
    day = f"{_uw_day(r)}-Jan-2026 {_uw_clock(r)}.{r.randrange(0, 1000):03d}"
    thread = r.choice((f"http-nio-8080-exec-{r.randrange(1, 20)}", "main", f"pool-{r.randrange(1, 4)}-thread-1"))
    app = r.choice(_SERVICES).replace("-", "")
    if r.random() < 0.5:
        return f"{day} WARNING [{thread}] com.acme.{app}.web.RequestHandler.handle {s}"
    frames = [
        f"\t\tat com.acme.{app}.web.RequestHandler.handle(RequestHandler.java:{r.randrange(20, 400)})",
        "\t\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
        "\t\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)",
    ]
    return (
        f"{day} SEVERE [{thread}] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for "
        "servlet [dispatcherServlet] in context with path [] threw exception with root cause\n"
        f"\tjava.lang.IllegalStateException: {s}\n" + "\n".join(frames)
    )


def _dotnet_console(r: random.Random, s: str) -> str:
    """.NET's console logger (simple formatter, scopes on): ``warn: Category[EventId]``, the scope line, then the
    message, every line indented six spaces."""
    level = r.choice(("warn", "fail", "info"))
    area = r.choice(("Billing", "Webhooks", "Search", "Ingest"))
    category = f"Acme.{area}.{r.choice(('InvoiceWorker', 'DeliveryService', 'Program'))}[{r.choice((0, 1001, 5))}]"
    lines = [f"{level}: {category}"]
    if r.random() < 0.6:
        rid = _aspnet_request_id(r)
        lines.append(
            f"      => SpanId:{_hex(r, 16)}, TraceId:{_hex(r, 32)}, ParentId:{_hex(r, 16)} => ConnectionId:"
            f"{rid.split(':')[0]} => RequestPath:{_path(r)} RequestId:{rid}"
        )
    lines += [f"      {line}" for line in s.split("\n")]
    return "\n".join(lines)


def _php_fpm(r: random.Random, s: str) -> str:
    """PHP-FPM's error log catching a worker's stderr: one ``child N said into stderr`` line per line written."""
    when = f"[{_uw_day(r)}-Jan-2026 {_uw_clock(r)}]"
    child = r.randrange(100, 99999)
    pool = r.choice(("www", "app", "api"))
    lead = r.choice(("NOTICE: PHP message: ", "PHP Warning:  ", ""))
    lines = s.split("\n")
    out = [f'{when} WARNING: [pool {pool}] child {child} said into stderr: "{lead}{lines[0]}"']
    out += [f'{when} WARNING: [pool {pool}] child {child} said into stderr: "{line}"' for line in lines[1:]]
    return "\n".join(out)


def _splunk_hec(r: random.Random, s: str) -> str:
    """A Splunk HTTP Event Collector payload: the event a string, or a JSON object with the snippet as its message."""
    service = r.choice(_SERVICES)
    event: object = s
    if r.random() < 0.5:
        event = {"level": r.choice(("WARN", "ERROR")), "logger": f"acme.{service.replace('-', '_')}", "message": s}
    payload = {
        "time": float(f"{_epoch(r)}.{r.randrange(0, 1000):03d}"),
        "host": f"{service}-{r.randrange(1, 9)}",
        "source": f"acme:{service}",
        "sourcetype": "_json" if isinstance(event, dict) else "acme:app",
        "index": r.choice(("app", "main")),
        "event": event,
    }
    return json.dumps(payload, ensure_ascii=r.random() < 0.5)


def _elixir_logger(r: random.Random, s: str) -> str:
    """Elixir's Logger console backend as a Phoenix app prints it: time, metadata, ``[level]``, the message; a
    crashed process' report with the exception and its stack."""
    clock = f"{_uw_clock(r)}.{r.randrange(0, 1000):03d}"
    request = f"request_id=F{v.b64url(r.randbytes(15))[:19]}"
    if r.random() < 0.5:
        return f"{clock} {request} [{r.choice(('error', 'warning', 'info'))}] {s}"
    module = r.choice(("Acme.Billing.Worker", "Acme.Webhooks.Dispatcher", "Acme.Chat.Summarizer"))
    return (
        f"{clock} [error] GenServer {module} terminating\n** (RuntimeError) {s}\n"
        f"    (acme 0.{r.randrange(1, 9)}.0) lib/{module.split('.')[1].lower()}/worker.ex:{r.randrange(20, 300)}: "
        f"{module}.handle_info/2\n    (stdlib 6.2) gen_server.erl:2345: :gen_server.try_handle_info/3\n"
        "Last message: :tick"
    )


def _gunicorn(r: random.Random, s: str) -> str:
    """gunicorn's error log: ``[time +0000] [pid] [LEVEL]`` lines, the snippet as a warning or in the traceback of a
    failed request."""
    when = f"[2026-01-{_uw_day(r)} {_uw_clock(r)} +0000] [{r.randrange(7, 9999)}]"
    if r.random() < 0.5:
        return f"{when} [WARNING] {s}"
    return (
        f"{when} [ERROR] Error handling request {_path(r)}\nTraceback (most recent call last):\n"
        '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/sync.py", line 134, in handle\n'
        "    self.handle_request(listener, req, client, addr)\n"
        f'  File "/app/acme/{r.choice(_SERVICES).replace("-", "_")}/views.py", line {r.randrange(10, 400)}, in post\n'
        f"    raise ValueError(detail)\nValueError: {s}"
    )


def _rabbitmq(r: random.Random, s: str) -> str:
    """RabbitMQ's server log (3.13/4.x): every line of an event prefixed with its time, level and Erlang pid."""
    stamp = f"2026-01-{_uw_day(r)} {_uw_clock(r)}.{r.randrange(0, 10**6):06d}+00:00"
    prefix = f"{stamp} [{r.choice(('error', 'warning', 'info'))}] <0.{r.randrange(200, 99999)}.0>"
    return "\n".join(f"{prefix} {line}" for line in s.split("\n"))


def _keycloak(r: random.Random, s: str) -> str:
    """A Keycloak (Quarkus) server line: time, padded level, category, thread; the snippet as an SPI's message or
    an uncaught error's."""
    when = f"2026-01-{_uw_day(r)} {_uw_clock(r)},{r.randrange(0, 1000):03d}"
    thread = f"(executor-thread-{r.randrange(1, 64)})"
    if r.random() < 0.5:
        return f"{when} WARN  [com.acme.keycloak.spi.AuditEventListener] {thread} {s}"
    return (
        f"{when} ERROR [org.keycloak.services.error.KeycloakErrorHandler] {thread} Uncaught server error: "
        f"java.lang.RuntimeException: {s}"
    )


def _structlog(r: random.Random, s: str) -> str:
    """structlog's ``ConsoleRenderer`` without colours: time, padded level, padded event, logger, then ``key=repr``."""
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z")
    level = r.choice(("warning", "error", "info"))
    event = r.choice(("upstream call failed", "job finished", "webhook rejected", "retrying"))
    logger = f"acme.{r.choice(_SERVICES).replace('-', '_')}"
    key = r.choice(("detail", "error", "body", "note"))
    return f"{stamp} [{level:<9}] {event:<30} [{logger}] attempt={r.randrange(1, 5)} {key}={s!r}"


# ---------------------------------------------------------------------------- unsaid shapes (written without the rules)
#
# The sixteenth split's line shapes, written by a tenth session that did not read the rules: loguru's default sink,
# ``pm2 logs`` with their app prefixes, Ray Serve replica lines, ClickHouse's own server log, Cloud Foundry ``cf logs``
# lines, Fly.io machine logs, Kong's nginx error log (plugin messages from timers), MinIO's JSON log, HashiCorp Vault
# audit-device entries and Prefect's console lines. None adds an address, an e-mail, a name, a card-like run that
# passes Luhn or a phone number of its own.


def _us_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _loguru(r: random.Random, s: str) -> str:
    """loguru's default sink: time with milliseconds, padded level, ``module:function:line - message``."""
    level = r.choice(("WARNING", "ERROR", "INFO", "DEBUG"))
    where = r.choice(("acme.gateway.routes:chat", "acme.worker.tasks:embed", "acme.billing.sync:run", "main:startup"))
    when = f"2026-01-{r.randrange(10, 28)} {_us_clock(r)}.{r.randrange(0, 1000):03d}"
    return f"{when} | {level:<8} | {where}:{r.randrange(12, 480)} - {s}"


def _pm2(r: random.Random, s: str) -> str:
    """``pm2 logs`` with ``--time``: every line of the app's output behind its id, name and the time pm2 added."""
    app = r.choice(("llm-api", "worker", "webhooks", "scheduler"))
    pid = r.randrange(0, 6)
    stamp = f"2026-01-{r.randrange(10, 28)}T{_us_clock(r)}"
    return "\n".join(f"{pid}|{app:<9}| {stamp}: {line}" for line in s.split("\n"))


def _ray_serve(r: random.Random, s: str) -> str:
    """A Ray Serve replica's line as the driver prints it: the actor prefix, level, time, deployment, request id."""
    deployment = r.choice(("LLMServer", "Embedder", "Reranker", "Router"))
    when = f"2026-01-{r.randrange(10, 28)} {_us_clock(r)},{r.randrange(0, 1000):03d}"
    level = r.choice(("WARNING", "ERROR", "INFO"))
    request = _hex(r, 8) if r.random() < 0.7 else "--"
    return (
        f"(ServeReplica:default:{deployment} pid={r.randrange(300, 99999)}) {level} {when} default_{deployment} "
        f"{_hex(r, 8)} {request} -- {s}"
    )


def _clickhouse_server(r: random.Random, s: str) -> str:
    """ClickHouse's own server log: time with microseconds, thread id, query id, ``<Level>``, the logger."""
    when = f"2026.01.{r.randrange(10, 28)} {_us_clock(r)}.{r.randrange(0, 10**6):06d}"
    query = _rid(r) if r.random() < 0.6 else ""
    level, logger = r.choice(
        (("Warning", "StorageKafka (events)"), ("Error", "executeQuery"), ("Information", "Application"))
    )
    return f"{when} [ {r.randrange(50, 9999)} ] {{{query}}} <{level}> {logger}: {s}"


def _cloud_foundry(r: random.Random, s: str) -> str:
    """``cf logs --recent``: each line behind its time and source (``APP/PROC/WEB/0``, OUT or ERR)."""
    stamp = f"2026-01-{r.randrange(10, 28)}T{_us_clock(r)}.{r.randrange(0, 100):02d}+0000"
    stream = r.choice(("OUT", "ERR"))
    source = f"[APP/PROC/{r.choice(('WEB', 'WORKER'))}/{r.randrange(0, 4)}]"
    return "\n".join(f"   {stamp} {source} {stream} {line}" for line in s.split("\n"))


def _fly(r: random.Random, s: str) -> str:
    """``fly logs``: time, the machine (``app[id]``), its region and the level, per line of output."""
    machine = _hex(r, 14)
    region = r.choice(("jnb", "bom", "lhr", "ams", "gru"))
    stamp = _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")
    return "\n".join(f"{stamp} app[{machine}] {region} [info] {line}" for line in s.split("\n"))


def _kong_error(r: random.Random, s: str) -> str:
    """Kong's nginx error log: a plugin's message written from a timer (no client), with the worker's pid and the
    connection number."""
    when = f"2026/01/{r.randrange(10, 28)} {_us_clock(r)}"
    plugin = r.choice(("http-log", "pre-function", "ai-proxy", "rate-limiting"))
    source = r.choice(("handler.lua", "init.lua", "sender.lua"))
    return (
        f"{when} [{r.choice(('warn', 'error', 'notice'))}] {r.randrange(1000, 9999)}#0: *{r.randrange(1, 99999)} "
        f"[kong] {source}:{r.randrange(20, 400)} [{plugin}] {s}, context: ngx.timer"
    )


def _minio(r: random.Random, s: str) -> str:
    """A MinIO server's JSON log entry: the API call it failed in and the error's message."""
    entry = {
        "level": r.choice(("ERROR", "WARNING")),
        "errKind": "ALL",
        "time": _ts(r).replace("Z", f".{r.randrange(0, 10**9):09d}Z"),
        "api": {
            "name": r.choice(("PutObject", "GetObject", "PostPolicyBucket")),
            "args": {"bucket": r.choice(("datasets", "checkpoints", "exports")), "object": f"run-{_hex(r, 8)}.jsonl"},
        },
        "error": {"message": s, "source": [f"internal/logger/logonce.go:{r.randrange(40, 200)}:logger.LogOnceIf()"]},
    }
    return json.dumps(entry, ensure_ascii=r.random() < 0.5)


def _vault_audit(r: random.Random, s: str) -> str:
    """A HashiCorp Vault audit-device entry (a response): HMAC'd tokens and accessors, the request's path, and the
    error the backend returned."""
    path = r.choice(
        ("secret/data/llm/providers", "database/creds/readonly", "auth/approle/login", "transit/encrypt/app")
    )
    entry = {
        "time": _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z"),
        "type": "response",
        "auth": {
            "client_token": "hmac-sha256:" + _hex(r, 64),
            "accessor": "hmac-sha256:" + _hex(r, 64),
            "display_name": r.choice(("approle", "kubernetes-llm-gateway", "oidc-ops")),
            "policies": ["default", r.choice(("llm-gateway", "etl", "ops"))],
            "token_type": "service",
        },
        "request": {
            "id": _rid(r),
            "operation": r.choice(("read", "update", "create")),
            "mount_type": path.split("/")[0].replace("secret", "kv"),
            "path": path,
            "namespace": {"id": "root"},
        },
        "response": {"mount_type": "kv"},
        "error": s,
    }
    return json.dumps(entry, ensure_ascii=False)


def _prefect(r: random.Random, s: str) -> str:
    """Prefect's console lines: time, padded level, the flow or task run's name, the message."""
    when = f"{_us_clock(r)}.{r.randrange(0, 1000):03d}"
    level = r.choice(("WARNING", "ERROR", "INFO"))
    run = r.choice(
        (
            f"Flow run '{r.choice(('crimson', 'quiet', 'amber'))}-{r.choice(('heron', 'lynx', 'otter'))}'",
            f"Task run 'embed-chunks-{_hex(r, 3)}'",
            f"Task run 'sync-billing-{_hex(r, 3)}'",
        )
    )
    return f"{when} | {level:<7} | {run} - {s}"


# ---------------------------------------------------------------------------- unvoiced shapes (written blind)
#
# The seventeenth split's line shapes, written by an eleventh session that did not read the rules: Android ``logcat``
# (threadtime), Node's bunyan JSON records, Rust ``tracing`` lines (the fmt layer's default, with span fields, as TGI
# and other Rust servers print them) and its JSON layer, Rust ``env_logger``, ``java.util.logging``'s two-line
# SimpleFormatter, Dagster's console lines, macOS ``log show``, LangSmith run records with their error, Bedrock model
# invocation log records, Auth0 tenant log events, Jaeger span logs and uvicorn's error lines. None adds an address,
# an e-mail, a name, a card-like run that passes Luhn or a phone number of its own.


def _uv_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _logcat(r: random.Random, s: str) -> str:
    """``adb logcat -v threadtime``: date, time, pid, tid, level letter, tag, then the message, line by line."""
    when = f"01-{r.randrange(10, 28)} {_uv_clock(r)}.{r.randrange(0, 1000):03d}"
    pid, tid = r.randrange(1000, 32000), r.randrange(1000, 32000)
    level = r.choice("WEID")
    tag = r.choice(("OkHttp", "AcmeChat", "ChatRepository", "FirebaseMessaging", "WorkManager"))
    return "\n".join(f"{when} {pid:5d} {tid:5d} {level} {tag:<8}: {line}" for line in s.split("\n"))


def _bunyan(r: random.Random, s: str) -> str:
    """A bunyan record: name, hostname, pid, numeric level, the message, ISO time and ``v``."""
    record = {
        "name": r.choice(("llm-gateway", "chat-api", "billing-worker")),
        "hostname": f"{r.choice(_SERVICES)}-{_hex(r, 10)}-{_hex(r, 5)}",
        "pid": r.randrange(1, 400),
        "level": r.choice((30, 40, 50)),
        "req_id": _rid(r),
        "msg": s,
        "time": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
        "v": 0,
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _tracing_fmt(r: random.Random, s: str) -> str:
    """Rust ``tracing-subscriber``'s default fmt layer: time, padded level, span and fields, target, message."""
    when = _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z")
    level = r.choice(("WARN", "ERROR", " INFO", "DEBUG"))
    span = r.choice(
        (
            "generate{parameters=GenerateParameters { best_of: None, "
            f"max_new_tokens: Some({r.randrange(64, 2048)}) }}"
            f' total_time="{r.randrange(80, 9000)}ms"}}',
            f'chat_completions{{total_time="{r.randrange(80, 9000)}ms" validation_time="{r.randrange(1, 90)}µs"}}',
            f"request{{method=POST uri=/v1/chat/completions version=HTTP/1.1 id={_hex(r, 16)}}}",
        )
    )
    target = r.choice(("text_generation_router::server", "gateway::proxy", "acme_embed::worker"))
    return f"{when} {level} {span}: {target}: {s}"


def _tracing_json(r: random.Random, s: str) -> str:
    """Rust ``tracing-subscriber``'s JSON layer: timestamp, level, fields with the message, target, span and spans."""
    span = {"name": r.choice(("generate", "embed", "route")), "id": _hex(r, 12)}
    record = {
        "timestamp": _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z"),
        "level": r.choice(("WARN", "ERROR", "INFO")),
        "fields": {"message": s},
        "target": r.choice(("text_generation_router::infer", "gateway::upstream", "acme_embed::batch")),
        "filename": r.choice(("router/src/infer/mod.rs", "src/upstream.rs", "src/batch.rs")),
        "line_number": r.randrange(20, 900),
        "span": span,
        "spans": [span],
    }
    return json.dumps(record, ensure_ascii=False)


def _env_logger(r: random.Random, s: str) -> str:
    """Rust ``env_logger``'s default format: ``[time LEVEL target] message``."""
    level = r.choice(("WARN ", "ERROR", "INFO ", "DEBUG"))
    target = r.choice(("vector_proxy::sink", "acme_indexer::ingest", "qdrant_sync", "gateway::auth"))
    return f"[{_ts(r)} {level} {target}] {s}"


def _jul(r: random.Random, s: str) -> str:
    """``java.util.logging``'s SimpleFormatter: the date line with class and method, then ``LEVEL: message``."""
    hour = r.randrange(1, 13)
    clock = f"{hour}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    when = f"Jan {r.randrange(10, 28)}, 2026 {clock} {r.choice(('AM', 'PM'))}"
    source = r.choice(
        (
            "com.acme.llm.gateway.UpstreamClient send",
            "com.acme.billing.WebhookHandler handle",
            "org.apache.catalina.core.StandardWrapperValve invoke",
        )
    )
    return f"{when} {source}\n{r.choice(('WARNING', 'SEVERE', 'INFO'))}: {s}"


def _dagster(r: random.Random, s: str) -> str:
    """Dagster's console log line: time and zone, ``dagster``, level, job, run id, step, event type, message."""
    when = f"2026-01-{r.randrange(10, 28)} {_uv_clock(r)} +0000"
    job = r.choice(("embed_corpus_job", "nightly_eval_job", "sync_billing_job"))
    step = r.choice(("load_documents", "embed_chunks", "score_answers", "export_invoices"))
    event = r.choice(("STEP_FAILURE", "STEP_OUTPUT", "ENGINE_EVENT", "STEP_START"))
    level = r.choice(("ERROR", "INFO", "DEBUG"))
    return f"{when} - dagster - {level} - {job} - {_rid(r)} - {step} - {event} - {s}"


def _macos_log(r: random.Random, s: str) -> str:
    """macOS ``log show``: time with microseconds and zone, thread, type, activity, pid, TTL, process, subsystem."""
    when = f"2026-01-{r.randrange(10, 28)} {_uv_clock(r)}.{r.randrange(0, 10**6):06d}+0000"
    kind = r.choice(("Default", "Error", "Info"))
    process = r.choice(("AcmeChat", "acme-agent", "LLMHelper"))
    category = r.choice(("network", "auth", "sync"))
    return (
        f"{when} 0x{_hex(r, 6)}   {kind:<10} 0x0                  {r.randrange(300, 99999):<6} 0    {process}: "
        f"[com.acme.chat:{category}] {s}"
    )


def _langsmith_run(r: random.Random, s: str) -> str:
    """A LangSmith run record as the API returns it: ids, the run type and name, times, the error it ended with."""
    start = _ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}")
    record = {
        "id": _rid(r),
        "name": r.choice(("ChatOpenAI", "RetrievalQA", "agent_executor", "tool:search_docs")),
        "run_type": r.choice(("llm", "chain", "tool")),
        "start_time": start,
        "end_time": start,
        "status": "error",
        "error": s,
        "trace_id": _rid(r),
        "dotted_order": start.replace("-", "").replace(":", "").replace(".", "") + "Z" + _rid(r),
        "session_id": _rid(r),
        "tags": ["prod", r.choice(("gateway", "support-bot"))],
        "total_tokens": r.randrange(0, 9000),
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _bedrock_invocation(r: random.Random, s: str) -> str:
    """A Bedrock model invocation log record (CloudWatch): schema, request id, model, the operation's error."""
    record = {
        "schemaType": "ModelInvocationLog",
        "schemaVersion": "1.0",
        "timestamp": _ts(r),
        "accountId": v.UNVOICED_ACCOUNT,
        "identity": {"arn": f"arn:aws:sts::{v.UNVOICED_ACCOUNT}:assumed-role/llm-gateway/i-{_hex(r, 17)}"},
        "region": r.choice(("us-east-1", "eu-central-1", "ap-south-1")),
        "requestId": _rid(r),
        "operation": r.choice(("Converse", "InvokeModel", "ConverseStream")),
        "modelId": r.choice(("anthropic.claude-3-5-haiku-20241022-v1:0", "meta.llama3-1-70b-instruct-v1:0")),
        "errorCode": r.choice(("ValidationException", "ThrottlingException", "AccessDeniedException")),
        "output": {"outputBodyJson": {"message": s}},
    }
    return json.dumps(record, ensure_ascii=False)


def _auth0_event(r: random.Random, s: str) -> str:
    """An Auth0 tenant log event (as a log stream delivers it): the type code, description, client and connection."""
    event = {
        "log_id": "900" + "".join(r.choice("0123456789") for _ in range(3)) + _hex(r, 20),
        "data": {
            "date": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
            "type": r.choice(("f", "fapi", "feccft", "w", "sapi")),
            "description": s,
            "connection": r.choice(("Username-Password-Authentication", "google-oauth2", "")),
            "client_id": "".join(r.choice(string.ascii_letters + string.digits) for _ in range(32)),
            "client_name": r.choice(("Acme Chat", "Acme Console", "llm-gateway (M2M)")),
            "hostname": "acme-ai.eu.auth0.com",
            "audience": "https://api.acme.ai/",
        },
    }
    return json.dumps(event, ensure_ascii=False)


def _uv_micros(r: random.Random, after: int = 0) -> int:
    """Microseconds since the epoch in January 2026 (after ``after`` when given), drawn until the 16 digits fail Luhn
    (so that no time reads as a card number)."""
    while True:
        micros = after + r.randrange(1, 10**6) if after else _epoch(r) * 10**6 + r.randrange(0, 10**6)
        if not v.luhn_ok(str(micros)):
            return micros


def _jaeger_span(r: random.Random, s: str) -> str:
    """A span from Jaeger's API: trace and span ids, operation, tags, and a log with the error event's message."""
    micros = _uv_micros(r)
    span = {
        "traceID": _hex(r, 32),
        "spanID": _hex(r, 16),
        "operationName": r.choice(("POST /v1/chat/completions", "retriever.search", "openai.chat")),
        "startTime": micros,
        "duration": r.randrange(1000, 9 * 10**6),
        "tags": [
            {"key": "otel.status_code", "type": "string", "value": "ERROR"},
            {"key": "gen_ai.system", "type": "string", "value": r.choice(("openai", "anthropic", "aws.bedrock"))},
        ],
        "logs": [
            {
                "timestamp": _uv_micros(r, micros),
                "fields": [
                    {"key": "event", "type": "string", "value": "exception"},
                    {"key": "exception.message", "type": "string", "value": s},
                ],
            }
        ],
        "processID": "p1",
    }
    return json.dumps(span, ensure_ascii=r.random() < 0.5)


def _uvicorn_error(r: random.Random, s: str) -> str:
    """uvicorn's default error logger: the padded level, then the message (continuation lines as printed)."""
    level = r.choice(("ERROR:", "WARNING:", "INFO:"))
    return f"{level:<9} {s}"


# ---------------------------------------------------------------------------- unsung shapes (written blind)
#
# The eighteenth split's line shapes, written by a twelfth session that did not read the rules: NLog's default layout,
# log4net's pattern layout, winston's JSON, logstash-logback-encoder's JSON, NestJS's console logger, Zipkin v2 spans
# with an ``error`` tag, OTLP/JSON trace exports with an exception event, Kubernetes Event objects, PowerShell's
# ``Get-WinEvent | Format-List``, Vercel log drain entries and Go's ``log`` with ``Lshortfile``. None adds an address,
# an e-mail, a name, a card-like run that passes Luhn or a phone number of its own.


def _ug_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _nlog(r: random.Random, s: str) -> str:
    """NLog's default layout: ``${longdate}|${level:uppercase=true}|${logger}|${message}``."""
    when = f"2026-01-{r.randrange(10, 28)} {_ug_clock(r)}.{r.randrange(0, 10000):04d}"
    logger = r.choice(("Acme.Gateway.UpstreamClient", "Acme.Billing.PayoutService", "Acme.Chat.Hubs.ChatHub"))
    return f"{when}|{r.choice(('ERROR', 'WARN', 'INFO', 'DEBUG'))}|{logger}|{s}"


def _winston(r: random.Random, s: str) -> str:
    """winston's JSON format with a timestamp and default metadata (the service)."""
    record = {
        "level": r.choice(("error", "warn", "info")),
        "message": s,
        "service": r.choice(("payouts-api", "chat-gateway", "notify-worker")),
        "timestamp": _ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z"),
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _log4net(r: random.Random, s: str) -> str:
    """log4net's ``%date [%thread] %-5level %logger [%property{NDC}] - %message``."""
    when = f"2026-01-{r.randrange(10, 28)} {_ug_clock(r)},{r.randrange(0, 1000):03d}"
    level = r.choice(("ERROR", "WARN ", "INFO ", "DEBUG"))
    logger = r.choice(("Acme.Payouts.BankFileWriter", "Acme.Auth.LdapSync", "Acme.Sms.OtpSender"))
    return f"{when} [{r.randrange(1, 60)}] {level} {logger} [(null)] - {s}"


def _logback_json(r: random.Random, s: str) -> str:
    """logstash-logback-encoder's JSON: ``@timestamp``, ``@version``, message, logger, thread, level and its value."""
    level = r.choice(("ERROR", "WARN", "INFO"))
    record = {
        "@timestamp": f"2026-01-{r.randrange(10, 28)}T{_ug_clock(r)}.{r.randrange(0, 1000):03d}+01:00",
        "@version": "1",
        "message": s,
        "logger_name": r.choice(
            ("com.acme.payouts.SepaExporter", "com.acme.chat.LlmClient", "o.s.web.servlet.Dispatch")
        ),
        "thread_name": f"http-nio-8080-exec-{r.randrange(1, 40)}",
        "level": level,
        "level_value": {"ERROR": 40000, "WARN": 30000, "INFO": 20000}[level],
    }
    return json.dumps(record, ensure_ascii=False)


def _nest(r: random.Random, s: str) -> str:
    """NestJS's console logger: ``[Nest] pid  - date, time   LEVEL [Context] message``."""
    hour = r.randrange(1, 13)
    clock = f"{hour}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    when = f"01/{r.randrange(10, 28)}/2026, {clock} {r.choice(('AM', 'PM'))}"
    level = r.choice(("ERROR", "  WARN", "   LOG", " DEBUG"))
    context = r.choice(("ExceptionsHandler", "PayoutsService", "ChatGateway", "HttpService"))
    return f"[Nest] {r.randrange(1, 40000)}  - {when} {level} [{context}] {s}"


def _ug_micros(r: random.Random) -> int:
    """Microseconds in January 2026, drawn until the 16 digits fail Luhn (so that no time reads as a card)."""
    while True:
        micros = _epoch(r) * 10**6 + r.randrange(0, 10**6)
        if not v.luhn_ok(str(micros)):
            return micros


def _zipkin_span(r: random.Random, s: str) -> str:
    """A Zipkin v2 span (as POSTed to ``/api/v2/spans``) whose ``error`` tag carries the message; no endpoint IPs."""
    span = {
        "traceId": _hex(r, 32),
        "id": _hex(r, 16),
        "parentId": _hex(r, 16),
        "kind": "CLIENT",
        "name": r.choice(("post /v1/chat/completions", "post /payouts", "get /v1/accounts")),
        "timestamp": _ug_micros(r),
        "duration": r.randrange(1000, 9 * 10**6),
        "localEndpoint": {"serviceName": r.choice(("payouts-api", "chat-gateway"))},
        "tags": {"http.method": "POST", "http.status_code": r.choice(("401", "500", "502")), "error": s},
    }
    return json.dumps([span], ensure_ascii=r.random() < 0.5)


def _otlp_span(r: random.Random, s: str) -> str:
    """An OTLP/JSON trace export: a resource, a scope, one span with an error status and an exception event."""
    start = _ug_micros(r) * 1000 + r.randrange(0, 1000)
    end = start + r.randrange(10**6, 9 * 10**9)
    while v.luhn_ok(str(start)) or v.luhn_ok(str(end)):  # no time reads as a card
        start, end = start + 1, end + 2
    attribute = {"key": "exception.message", "value": {"stringValue": s}}
    span = {
        "traceId": _hex(r, 32),
        "spanId": _hex(r, 16),
        "name": r.choice(("POST", "chat gpt-4o", "payouts.submit")),
        "kind": 3,
        "startTimeUnixNano": str(start),
        "endTimeUnixNano": str(end),
        "status": {"code": 2},
        "events": [{"name": "exception", "timeUnixNano": str(end), "attributes": [attribute]}],
    }
    export = {
        "resourceSpans": [
            {
                "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "chat-gateway"}}]},
                "scopeSpans": [{"scope": {"name": "opentelemetry.instrumentation.httpx"}, "spans": [span]}],
            }
        ]
    }
    return json.dumps(export, ensure_ascii=False)


def _k8s_event_object(r: random.Random, s: str) -> str:
    """A Kubernetes Event object (``kubectl get events -o json``) whose message is the line."""
    pod = f"{r.choice(('payouts-api', 'chat-gateway', 'sms-worker'))}-{_hex(r, 9)}-{_hex(r, 5)}"
    when = _ts(r)
    event = {
        "apiVersion": "v1",
        "kind": "Event",
        "metadata": {"name": f"{pod}.{_hex(r, 16)}", "namespace": "prod"},
        "involvedObject": {"kind": "Pod", "name": pod, "namespace": "prod", "fieldPath": "spec.containers{app}"},
        "reason": r.choice(("BackOff", "Failed", "Unhealthy")),
        "message": s,
        "type": "Warning",
        "count": r.randrange(1, 40),
        "firstTimestamp": when,
        "lastTimestamp": when,
        "source": {"component": "kubelet", "host": f"aks-gpu-{r.randrange(10**7, 10**8)}-vmss00000{r.randrange(10)}"},
    }
    return json.dumps(event, ensure_ascii=r.random() < 0.5)


def _winevent_list(r: random.Random, s: str) -> str:
    """PowerShell's ``Get-WinEvent | Format-List``: one ``Name : value`` line per property, the message last."""
    hour = r.randrange(1, 13)
    clock = f"{hour}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    when = f"1/{r.randrange(10, 28)}/2026 {clock} {r.choice(('AM', 'PM'))}"
    lines = [
        f"TimeCreated  : {when}",
        f"ProviderName : {r.choice(('Acme.Payouts', 'Application Error', 'Acme.ChatAgent'))}",
        f"Id           : {r.choice((1000, 1001, 4625, 7031))}",
        f"Message      : {s}",
    ]
    return "\n".join(lines)


def _vercel_drain(r: random.Random, s: str) -> str:
    """A Vercel log drain entry (JSON): ids, the message, the time in milliseconds, source, project, deployment."""
    second = _epoch(r)
    entry = {
        "id": v.luhn_free_number(r, 10**18, 2 * 10**18),
        "message": s,
        "timestamp": int(v.luhn_free_number(r, second * 1000, second * 1000 + 1000)),
        "type": r.choice(("stderr", "stdout")),
        "source": "lambda",
        "projectId": "prj_" + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(28)),
        "deploymentId": "dpl_" + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(28)),
        "host": "acme-payouts.vercel.app",
        "path": r.choice(("/api/chat", "/api/payouts", "/api/webhooks/sms")),
        "level": r.choice(("error", "warning", "info")),
    }
    return json.dumps(entry, ensure_ascii=False)


def _go_std(r: random.Random, s: str) -> str:
    """Go's standard ``log`` with ``LstdFlags | Lshortfile``: date, time, file and line, then the message."""
    where = r.choice(("upstream.go", "payouts.go", "main.go", "sms.go"))
    return f"2026/01/{r.randrange(10, 28)} {_ug_clock(r)} {where}:{r.randrange(20, 400)}: {s}"


# ---------------------------------------------------------------------------- unlisted shapes (written blind)
#
# The nineteenth split's line shapes, written by a thirteenth session that did not read the rules: Azure DevOps
# pipeline logs with ``##[error]`` commands, Fluentd's ``out_file``/``stdout`` lines (time, tag, JSON record), SLF4J's
# SimpleLogger, Python's ``logging.basicConfig`` default, Elasticsearch's JSON server log, Erlang/OTP error reports,
# nginx's error log without a client, Serilog's console template, ``kubectl logs --prefix`` and Tekton step output.
# None adds an address, an e-mail, a name, a card-like run that passes Luhn or a phone number of its own.


def _ul_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _ado_pipeline(r: random.Random, s: str) -> str:
    """An Azure DevOps pipeline log line: a 7-digit-fraction UTC time, then a logging command or plain output."""
    when = f"2026-01-{r.randrange(10, 28)}T{_ul_clock(r)}.{r.randrange(0, 10**7):07d}Z"
    command = r.choice(("##[error]", "##[warning]", "##[debug]", ""))
    return f"{when} {command}{s}"


def _fluentd_out(r: random.Random, s: str) -> str:
    """Fluentd's ``out_stdout``/``out_file`` line: time with nanoseconds and offset, the tag, the JSON record."""
    when = f"2026-01-{r.randrange(10, 28)} {_ul_clock(r)}.{r.randrange(0, 10**9):09d} +0000"
    tag = r.choice(("kube.var.log.containers.eval-runner", "app.chat-gateway", "docker.rag-indexer"))
    record = {"log": s, "stream": r.choice(("stdout", "stderr")), "container_name": tag.rsplit(".", 1)[-1]}
    return f"{when} {tag}: {json.dumps(record, ensure_ascii=r.random() < 0.5)}"


def _slf4j_simple(r: random.Random, s: str) -> str:
    """SLF4J's SimpleLogger: milliseconds since start (sometimes), ``[thread] LEVEL logger - message``."""
    start = f"{r.randrange(100, 900000)} " if r.random() < 0.5 else ""
    thread = r.choice(("main", "pool-1-thread-3", "eval-worker-2", "ForkJoinPool.commonPool-worker-1"))
    logger = r.choice(("com.acme.evals.Runner", "com.acme.rag.QdrantSink", "ai.acme.gateway.Upstream"))
    return f"{start}[{thread}] {r.choice(('ERROR', 'WARN', 'INFO'))} {logger} - {s}"


def _py_basic(r: random.Random, s: str) -> str:
    """Python's ``logging.basicConfig()`` default: ``LEVEL:logger:message``."""
    logger = r.choice(("root", "eval_runner.judge", "rag.indexer", "httpx", "gateway.upstream"))
    return f"{r.choice(('ERROR', 'WARNING', 'INFO', 'DEBUG'))}:{logger}:{s}"


def _es_server(r: random.Random, s: str) -> str:
    """Elasticsearch 7's JSON server log record (``"type": "server"``)."""
    record = {
        "type": "server",
        "timestamp": f"2026-01-{r.randrange(10, 28)}T{_ul_clock(r)},{r.randrange(0, 1000):03d}Z",
        "level": r.choice(("WARN", "ERROR", "INFO")),
        "component": r.choice(("o.e.x.s.a.AuthenticationService", "o.e.h.AbstractHttpServerTransport", "o.e.n.Node")),
        "cluster.name": "rag-search",
        "node.name": f"rag-search-es-data-{r.randrange(0, 6)}",
        "message": s,
    }
    return json.dumps(record, ensure_ascii=False)


def _erlang_report(r: random.Random, s: str) -> str:
    """An Erlang/OTP error report as the legacy logger prints it: a header line with the time, then the text."""
    month = "Jan"
    when = f"{r.randrange(10, 28)}-{month}-2026::{_ul_clock(r)}.{r.randrange(0, 10**6):06d}"
    kind = r.choice(("ERROR REPORT", "WARNING REPORT", "INFO REPORT"))
    return f"={kind}==== {when} ===\n{s}"


def _nginx_error(r: random.Random, s: str) -> str:
    """nginx's error log: ``yyyy/mm/dd hh:mm:ss [level] pid#tid: *connection message`` (no client address)."""
    pid = r.randrange(7, 400)
    conn = f"*{r.randrange(1, 900000)} " if r.random() < 0.6 else ""
    level = r.choice(("error", "warn", "crit", "notice"))
    return f"2026/01/{r.randrange(10, 28)} {_ul_clock(r)} [{level}] {pid}#{pid}: {conn}{s}"


def _serilog_console(r: random.Random, s: str) -> str:
    """Serilog's console sink with its default template: ``[HH:mm:ss LVL] message``."""
    return f"[{_ul_clock(r)} {r.choice(('ERR', 'WRN', 'INF', 'DBG'))}] {s}"


def _kubectl_prefix(r: random.Random, s: str) -> str:
    """``kubectl logs --prefix``: the pod and container in brackets before each line."""
    pod = f"{r.choice(('eval-runner', 'chat-gateway', 'rag-indexer'))}-{_hex(r, 9)}-{_hex(r, 5)}"
    return f"[pod/{pod}/{r.choice(('app', 'sidecar', 'init-migrate'))}] {s}"


def _tekton_step(r: random.Random, s: str) -> str:
    """``tkn pipelinerun logs``: ``[task : step] output``."""
    task = r.choice(("build-image", "run-evals", "deploy-gateway"))
    step = r.choice(("step-build", "step-test", "step-push", "step-run"))
    return f"[{task} : {step}] {s}"


# ---------------------------------------------------------------------------- unheeded shapes (written blind)
#
# The twentieth split's line shapes, written by a fourteenth session that did not read the rules: Squid's cache.log,
# Drone CI step lines as JSON, TeamCity service messages (with their ``|'``, ``|n``, ``|[`` escapes), dbt's JSON log,
# Nextflow's log, Hasura's JSON log, Postfix lines with a syslog priority, IBM MQ's AMQERR01.LOG entries, Jira's
# ``atlassian-jira.log`` (with a ``,260+0100`` time), ``tracefmt`` output with a Windows FILETIME, Asterisk's full log
# and FreeSWITCH's console. None adds an address, an e-mail, a name, a card-like run that passes Luhn or a phone number
# of its own.


def _uh_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _squid_cache(r: random.Random, s: str) -> str:
    """Squid's cache.log: ``yyyy/mm/dd hh:mm:ss kidN| message``."""
    return f"2026/01/{r.randrange(10, 28)} {_uh_clock(r)} kid{r.randrange(1, 5)}| {s}"


def _drone_step(r: random.Random, s: str) -> str:
    """A Drone (or Woodpecker) step's log line as its API returns it: position, output, seconds since the start."""
    return json.dumps({"pos": r.randrange(0, 400), "out": s + "\r\n", "time": r.randrange(0, 900)}, ensure_ascii=False)


def _teamcity(r: random.Random, s: str) -> str:
    """A TeamCity service message: ``|`` escapes quotes, line breaks and brackets."""
    text = s.replace("|", "||").replace("'", "|'").replace("\n", "|n").replace("\r", "|r")
    text = text.replace("[", "|[").replace("]", "|]")
    status = r.choice(("ERROR", "WARNING", "NORMAL"))
    return f"##teamcity[message text='{text}' status='{status}' flowId='{r.randrange(100, 9999)}']"


def _dbt_json(r: random.Random, s: str) -> str:
    """dbt's structured JSON log line (``--log-format json``)."""
    record = {
        "data": {"msg": s, "node_info": {"node_name": r.choice(("stg_calls", "fct_finetune_runs", "dim_api_keys"))}},
        "info": {
            "category": "",
            "code": r.choice(("Z017", "E040", "Q008")),
            "invocation_id": _rid(r),
            "level": r.choice(("error", "warn", "debug")),
            "name": r.choice(("RunningOperationCaughtError", "LogDebugStackTrace", "GenericExceptionOnRun")),
            "pid": r.randrange(100, 99999),
            "thread": f"Thread-{r.randrange(1, 9)} (worker)",
            "ts": f"2026-01-{r.randrange(10, 28)}T{_uh_clock(r)}.{r.randrange(0, 10**6):06d}Z",
        },
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _nextflow(r: random.Random, s: str) -> str:
    """Nextflow's ``.nextflow.log``: ``Mon-DD hh:mm:ss.mmm [thread] LEVEL logger - message``."""
    thread = r.choice(("main", "Task monitor", "Actor Thread 7", "FileTransfer-3"))
    logger = r.choice(
        ("nextflow.Session", "n.processor.TaskPollingMonitor", "nextflow.cloud.aws.batch.AwsBatchTaskHandler")
    )
    return f"Jan-{r.randrange(10, 28)} {_uh_clock(r)}.{r.randrange(0, 1000):03d} [{thread}] {r.choice(('DEBUG', 'ERROR', 'WARN'))} {logger} - {s}"  # noqa: E501


def _hasura(r: random.Random, s: str) -> str:
    """Hasura's JSON log (``"type": "http-log"`` or ``"unstructured"``) with a ``+0000`` offset."""
    record = {
        "detail": {"operation": {"error": {"code": "unexpected", "message": s, "path": "$"}, "request_id": _rid(r)}},
        "level": r.choice(("error", "warn")),
        "timestamp": f"2026-01-{r.randrange(10, 28)}T{_uh_clock(r)}.{r.randrange(0, 1000):03d}+0000",
        "type": r.choice(("http-log", "unstructured")),
    }
    return json.dumps(record, ensure_ascii=False)


def _postfix(r: random.Random, s: str) -> str:
    """A mail server's line with its syslog priority: ``<22>Jan 25 07:39:13 mx1 postfix/smtpd[pid]: message``."""
    daemon = r.choice(("postfix/smtpd", "postfix/submission/smtpd", "dovecot", "postfix/cleanup"))
    return f"<{r.choice((18, 19, 22))}>Jan {r.randrange(10, 28)} {_uh_clock(r)} mx{r.randrange(1, 4)} {daemon}[{r.randrange(300, 60000)}]: {s}"  # noqa: E501


def _ibm_mq(r: random.Random, s: str) -> str:
    """An entry of IBM MQ's ``AMQERR01.LOG``: the header lines, a message id, then the explanation."""
    hour = r.randrange(1, 13)
    return (
        f"01/{r.randrange(10, 28)}/2026 {hour:02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d} "
        f"{r.choice(('AM', 'PM'))} - Process({r.randrange(1000, 99999)}.{r.randrange(1, 40)}) User(mqm) "
        f"Program(amqrmppa)\n                    Host(mq-voice-01) Installation(Installation1)\n"
        f"                    VRMF(9.3.0.{r.randrange(0, 20)}) QMgr(QM_VOICE)\n"
        f"AMQ{r.choice(('9999E', '9208E', '9558E'))}: Channel 'VOICE.SVRCONN' ended abnormally.\n\nEXPLANATION:\n{s}\n"
        "-------------------------------------------------------------------------------"
    )


def _jira_log(r: random.Random, s: str) -> str:
    """Jira's ``atlassian-jira.log``: time with a comma and an offset, thread, level, user, request ids, path."""
    when = f"2026-01-{r.randrange(10, 28)} {_uh_clock(r)},{r.randrange(0, 1000):03d}+0100"
    thread = f"http-nio-8080-exec-{r.randrange(1, 40)}"
    req = f"{r.randrange(100, 1439)}x{r.randrange(1000, 99999)}x{r.randrange(1, 9)}"
    return (
        f"{when} {thread} {r.choice(('ERROR', 'WARN'))} svc-ft {req} {_hex(r, 7)} /rest/api/2/issue [c.a.j.rest.v2] {s}"
    )


def _etw_trace(r: random.Random, s: str) -> str:
    """``tracefmt`` output with the raw FILETIME: ``[cpu]PID.TID::ticks [provider]message``."""
    pid, tid = _hex_upper(r, 4), _hex_upper(r, 4)
    return f"[{r.randrange(0, 8)}]{pid}.{tid}::{v.unheeded_filetime(r)} [AcmeVoiceAgent]{s}"


def _asterisk(r: random.Random, s: str) -> str:
    """Asterisk's full log: ``[Mon DD hh:mm:ss] LEVEL[lwp][C-channel] file.c: message``."""
    level = r.choice(("WARNING", "ERROR", "VERBOSE", "NOTICE"))
    return f"[Jan {r.randrange(10, 28)} {_uh_clock(r)}] {level}[{r.randrange(1000, 99999)}][C-{_hex(r, 8)}] {r.choice(('res_pjsip.c', 'pbx.c', 'app_agi.c'))}: {s}"  # noqa: E501


def _freeswitch(r: random.Random, s: str) -> str:
    """FreeSWITCH's console line: the call's UUID, time with microseconds, level, source file and line."""
    when = f"2026-01-{r.randrange(10, 28)} {_uh_clock(r)}.{r.randrange(0, 10**6):06d}"
    src = r.choice(("mod_sofia.c", "switch_core_session.c", "mod_audio_stream.c"))
    return f"{_rid(r)} {when} [{r.choice(('ERR', 'WARNING', 'INFO'))}] {src}:{r.randrange(100, 5000)} {s}"


# ---------------------------------------------------------------------------- unasked shapes (written blind)
#
# The twenty-first split's line shapes, written by a fifteenth session that did not read the rules: Oracle WebLogic's
# ``####<...>`` server log, WildFly's console, WebSphere Liberty's ``messages.log``, CockroachDB's log with its
# ``‹...›`` redaction markers, the Redis server's own log, MySQL 8's error log, Cassandra's ``system.log``, the NATS
# server, Exim's mainlog, Zabbix's ``pid:yyyymmdd:hhmmss.mmm`` lines, Unreal Engine's log, Bazel's build errors, a
# JUnit XML ``<testcase>`` with its failure and Okta's System Log events. None adds an address, an e-mail, a name, a
# card-like run that passes Luhn or a phone number of its own (WebLogic's epoch milliseconds fail Luhn).


def _ua_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _weblogic(r: random.Random, s: str) -> str:
    """An Oracle WebLogic server log entry: ``####<date> <severity> <subsystem> <host> <server> <thread> <user> <>
    <ecid> <epoch ms> <supplemental> <message id> <message>``."""
    hour = r.randrange(1, 13)
    when = f"Jan {r.randrange(10, 28)}, 2026 {hour}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d},{r.randrange(0, 1000):03d} {r.choice(('AM', 'PM'))} UTC"  # noqa: E501
    thread = f"[ACTIVE] ExecuteThread: '{r.randrange(0, 40)}' for queue: 'weblogic.kernel.Default (self-tuning)'"
    ecid = f"{_rid(r)}-{r.randrange(1, 0xFFFF):08x}"
    millis = v.luhn_free_number(r, 1_768_000_000_000, 1_769_900_000_000)
    severity, code = r.choice((("Error", "BEA-101020"), ("Warning", "BEA-000449"), ("Notice", "BEA-000365")))
    return (
        f"####<{when}> <{severity}> <HTTP> <wls-cdr-0{r.randrange(1, 4)}> <ManagedServer_{r.randrange(1, 4)}> "
        f"<{thread}> <<anonymous>> <> <{ecid}> <{millis}> <[severity-value: 8] [rid: 0] [partition-id: 0] "
        f"[partition-name: DOMAIN] > <{code}> <{s}>"
    )


def _wildfly(r: random.Random, s: str) -> str:
    """WildFly's console line: ``hh:mm:ss,mmm LEVEL [category] (thread) CODE: message``."""
    category = r.choice(("io.undertow.request", "org.jboss.as.ejb3.invocation", "org.hibernate.engine.jdbc.spi"))
    thread = r.choice((f"default task-{r.randrange(1, 64)}", "ServerService Thread Pool -- 81", "EE-ManagedExecutor-1"))
    code = r.choice(("UT005023", "WFLYEJB0034", "WFLYCTL0013", "HHH000315"))
    return f"{_ua_clock(r)},{r.randrange(0, 1000):03d} {r.choice(('ERROR', 'WARN', 'INFO'))} [{category}] ({thread}) {code}: {s}"  # noqa: E501


def _liberty(r: random.Random, s: str) -> str:
    """WebSphere Liberty's ``messages.log``: ``[1/12/26, 10:41:07:512 UTC] threadid logger level message``."""
    logger = r.choice(("com.ibm.ws.webcontainer.srt", "com.ibm.ws.security.jwt.internal", "SystemErr"))
    level = r.choice(("E", "W", "I", "R"))
    when = f"1/{r.randrange(10, 28)}/26, {_ua_clock(r)}:{r.randrange(0, 1000):03d} UTC"
    code = r.choice(("SRVE0777E", "CWWKS6031E", "CWWKE0701E", ""))
    return f"[{when}] {_hex_word(r, 8)} {logger:<62} {level} {(code + ': ') if code else ''}{s}"


def _cockroach(r: random.Random, s: str) -> str:
    """A CockroachDB log line: severity letter and ``yymmdd``, goroutine, file:line, ``⋮``, tags, counter, and the
    message with its unsafe parts in ``‹...›``."""
    sev = r.choice(("E", "W", "I"))
    when = f"{sev}2601{r.randrange(10, 28)} {_ua_clock(r)}.{r.randrange(0, 10**6):06d}"
    src = r.choice(("sql/conn_executor.go:812", "server/server_sql.go:1544", "jobs/registry.go:1402"))
    tags = r.choice(("[T1,Vsystem,n1]", "[T1,Vsystem,n2,job=‹CHANGEFEED id=1093›]", "[T1,Vsystem,n3,intExec=‹cdr›]"))
    message = f"‹{s}›" if r.random() < 0.5 else s
    return f"{when} {r.randrange(100, 99999)} {src} ⋮ {tags} {r.randrange(1, 9999)}  {message}"


def _redis_server(r: random.Random, s: str) -> str:
    """The Redis server's own log: ``pid:role dd Mon yyyy hh:mm:ss.mmm level-mark message``."""
    role = r.choice(("M", "S", "C"))
    mark = r.choice(("#", "*", "-", "."))
    return f"{r.randrange(1, 400)}:{role} {r.randrange(10, 28)} Jan 2026 {_ua_clock(r)}.{r.randrange(0, 1000):03d} {mark} {s}"  # noqa: E501


def _mysql_error(r: random.Random, s: str) -> str:
    """MySQL 8's error log: time with microseconds, thread, ``[Warning] [MY-nnnnnn] [Server]``, message."""
    code, level = r.choice((("MY-013360", "Warning"), ("MY-010055", "Warning"), ("MY-010914", "Note")))
    when = f"2026-01-{r.randrange(10, 28)}T{_ua_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    return f"{when} {r.randrange(0, 900)} [{level}] [{code}] [{r.choice(('Server', 'Repl'))}] {s}"


def _cassandra(r: random.Random, s: str) -> str:
    """Cassandra's ``system.log``: ``LEVEL  [thread] yyyy-mm-dd hh:mm:ss,mmm File.java:line - message``."""
    level = r.choice(("WARN ", "ERROR", "INFO "))
    thread = r.choice((f"Native-Transport-Requests-{r.randrange(1, 32)}", "CompactionExecutor:4", "main"))
    src = r.choice(("NoSpamLogger.java:108", "QueryProcessor.java:512", "AuthCache.java:221"))
    return f"{level} [{thread}] 2026-01-{r.randrange(10, 28)} {_ua_clock(r)},{r.randrange(0, 1000):03d} {src} - {s}"


def _nats(r: random.Random, s: str) -> str:
    """The NATS server's log: ``[pid] yyyy/mm/dd hh:mm:ss.uuuuuu [LVL] message``."""
    when = f"2026/01/{r.randrange(10, 28)} {_ua_clock(r)}.{r.randrange(0, 10**6):06d}"
    return f"[{r.randrange(1, 90)}] {when} [{r.choice(('ERR', 'WRN', 'INF', 'DBG'))}] {s}"


def _exim_id(r: random.Random) -> str:
    """An Exim 4.97 message id: six, eleven and four base-62 characters."""
    alphabet = string.digits + string.ascii_uppercase + string.ascii_lowercase
    return f"{v.rand(r, alphabet, 6)}-{v.rand(r, alphabet, 11)}-{v.rand(r, alphabet, 4)}"


def _exim(r: random.Random, s: str) -> str:
    """Exim's mainlog: ``yyyy-mm-dd hh:mm:ss message-id flag message`` (``**`` a failure, ``==`` a deferral)."""
    return (
        f"2026-01-{r.randrange(10, 28)} {_ua_clock(r)} {_exim_id(r)} {r.choice(('**', '==', '<=', 'Completed;'))} {s}"
    )


def _zabbix(r: random.Random, s: str) -> str:
    """A Zabbix server or agent log line: ``pid:yyyymmdd:hhmmss.mmm message``."""
    clock = _ua_clock(r).replace(":", "")
    return f"{r.randrange(100, 99999):>6}:202601{r.randrange(10, 28)}:{clock}.{r.randrange(0, 1000):03d} {s}"


def _unreal(r: random.Random, s: str) -> str:
    """Unreal Engine's log: ``[yyyy.mm.dd-hh.mm.ss:mmm][frame]Category: Verbosity: message``."""
    clock = _ua_clock(r).replace(":", ".")
    category = r.choice(("LogHttp", "LogOnline", "LogVoiceChat", "LogAnalytics"))
    return f"[2026.01.{r.randrange(10, 28)}-{clock}:{r.randrange(0, 1000):03d}][{r.randrange(0, 999):3d}]{category}: {r.choice(('Warning', 'Error', 'Display'))}: {s}"  # noqa: E501


def _bazel(r: random.Random, s: str) -> str:
    """Bazel's build error: the target's BUILD file and line, the action that failed, then its stderr."""
    target = r.choice(("//voice/cdr:summarize", "//models/registry:push", "//sso/session:migrate"))
    package, name = target.rsplit(":", 1)
    return (
        f"ERROR: /home/ci/monorepo{package[1:]}/BUILD.bazel:{r.randrange(10, 200)}:{r.randrange(1, 20)}: "
        f"Executing genrule {target} failed: (Exit 1): bash failed: error executing Genrule command "
        f"(from target {target}) {name}: {s}"
    )


def _junit_xml(r: random.Random, s: str) -> str:
    """A JUnit XML ``<testcase>`` with its failure: the snippet in the element's text, XML-escaped."""
    suite = r.choice(("tests.test_cdr_export", "tests.test_model_push", "tests.test_sso_session"))
    name = r.choice(("test_roundtrip", "test_redacts_secrets", "test_refresh_flow")) + f"[{r.randrange(0, 12)}]"
    body = html.escape(s, quote=False)
    return (
        f'<testcase classname="{suite}" name="{name}" time="{r.uniform(0.01, 9):.3f}">'
        f'<failure message="AssertionError" type="AssertionError">{body}</failure></testcase>'
    )


def _okta_event(r: random.Random, s: str) -> str:
    """An Okta System Log event (``/api/v1/logs``) whose outcome's reason carries the message."""
    record = {
        "uuid": _rid(r),
        "published": f"2026-01-{r.randrange(10, 28)}T{_ua_clock(r)}.{r.randrange(0, 1000):03d}Z",
        "eventType": r.choice(("system.api_token.create", "user.session.start", "app.oauth2.token.grant")),
        "version": "0",
        "severity": r.choice(("WARN", "ERROR", "INFO")),
        "displayMessage": r.choice(("Create API token", "User login to Okta", "OAuth2 token grant request")),
        "outcome": {"result": r.choice(("FAILURE", "DENY", "SUCCESS")), "reason": s},
        "transaction": {"type": "WEB", "id": v.rand(r, v.ALNUM, 27)},
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


# ---------------------------------------------------------------------------- unbidden shapes (written blind)
#
# The twenty-second split's line shapes, written by a sixteenth session that did not read the rules: the containerd /
# CRI-O log file format (``stream`` and ``F``/``P`` tag before the line), Odoo's server log, AWS FireLens records, Azure
# Monitor resource logs (``AppServiceConsoleLogs``), Home Assistant, Ceph's daemon log with its ``log_channel``, Salt
# minions, Puppet agents' syslog lines naming the resource, Mosquitto's epoch-prefixed lines, a browser console saved
# from DevTools, Sentry breadcrumbs and PgBouncer. None adds an address, an e-mail, a name, a card-like run that passes
# Luhn or a phone number of its own (the FireLens account id is neither a card nor a number of the split's regions).

_UB_ACCOUNT = "604173928815"  # twelve digits: not Luhn-valid, no valid number of the unbidden regions


def _ub_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _cri_log(r: random.Random, s: str) -> str:
    """A container's line as containerd or CRI-O write it under ``/var/log/pods``: RFC 3339 time with nanoseconds, the
    stream, ``F`` (a full line) or ``P`` (a partial one), then the line."""
    when = f"2026-01-{r.randrange(10, 28)}T{_ub_clock(r)}.{r.randrange(0, 10**9):09d}Z"
    return f"{when} {r.choice(('stderr', 'stdout'))} {r.choice(('F', 'F', 'P'))} {s}"


def _odoo(r: random.Random, s: str) -> str:
    """Odoo's server log: ``yyyy-mm-dd hh:mm:ss,mmm pid LEVEL database logger: message``."""
    logger = r.choice(("odoo.addons.remit.models.transfer", "odoo.http", "odoo.addons.base.models.ir_cron"))
    level = r.choice(("ERROR", "WARNING", "INFO"))
    when = f"2026-01-{r.randrange(10, 28)} {_ub_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} {r.randrange(100, 99999)} {level} {r.choice(('remit', 'remit_prod', '?'))} {logger}: {s}"


def _firelens(r: random.Random, s: str) -> str:
    """An AWS FireLens (Fluent Bit) record of an ECS task's line: the container, the cluster, the task's ARN and the
    line in ``log``."""
    task = v.rand(r, v.HEX, 32)
    record = {
        "container_id": f"{task}-{r.randrange(1000000000, 4000000000)}",
        "container_name": r.choice(("remit-api", "kyc-worker", "payout-sync")),
        "source": r.choice(("stderr", "stdout")),
        "log": s,
        "ecs_cluster": "remit-prod",
        "ecs_task_arn": f"arn:aws:ecs:eu-west-1:{_UB_ACCOUNT}:task/remit-prod/{task}",
        "ecs_task_definition": f"remit-api:{r.randrange(2, 90)}",
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _azure_diag(r: random.Random, s: str) -> str:
    """An Azure Monitor resource log record (App Service console logs, as a diagnostic setting exports them)."""
    record = {
        "time": f"2026-01-{r.randrange(10, 28)}T{_ub_clock(r)}.{r.randrange(0, 10**7):07d}Z",
        "resourceId": (
            f"/SUBSCRIPTIONS/{_rid(r).upper()}/RESOURCEGROUPS/RG-REMIT/PROVIDERS/MICROSOFT.WEB/SITES/REMIT-API"
        ),
        "category": "AppServiceConsoleLogs",
        "operationName": "Microsoft.Web/sites/log",
        "level": r.choice(("Error", "Informational", "Warning")),
        "resultDescription": s,
        "EventStampType": "Stamp",
        "EventPrimaryStampName": f"waws-prod-am2-{r.randrange(100, 999)}",
        "Host": f"lw0sdlwk{v.rand(r, v.HEX, 6)}",
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _home_assistant(r: random.Random, s: str) -> str:
    """Home Assistant's log: time with milliseconds, level, the thread in parentheses, the logger in brackets."""
    logger = r.choice(
        ("homeassistant.components.rest_command", "homeassistant.components.mqtt.client", "custom_components.remit")
    )
    thread = r.choice(("MainThread", "SyncWorker_3", "Recorder"))
    when = f"2026-01-{r.randrange(10, 28)} {_ub_clock(r)}.{r.randrange(0, 1000):03d}"
    return f"{when} {r.choice(('ERROR', 'WARNING', 'INFO'))} ({thread}) [{logger}] {s}"


def _ceph(r: random.Random, s: str) -> str:
    """A Ceph daemon's log: time with ``+0000``, the thread's address, the debug level and ``log_channel``."""
    when = f"2026-01-{r.randrange(10, 28)}T{_ub_clock(r)}.{r.randrange(0, 1000):03d}+0000"
    channel, level = r.choice((("cluster", "[ERR]"), ("audit", "[DBG]"), ("cluster", "[WRN]")))
    return f"{when} 7f{v.rand(r, v.HEX, 10)} {r.choice((' 0', '-1'))} log_channel({channel}) log {level} : {s}"


def _salt_minion(r: random.Random, s: str) -> str:
    """A Salt minion's log: ``yyyy-mm-dd hh:mm:ss,mmm [module:line ][LEVEL   ][pid] message``."""
    module = r.choice(("salt.loaded.int.module.cmdmod:412 ", "salt.state       :328 ", "salt.minion      :2089"))
    level = r.choice(("ERROR   ", "WARNING ", "INFO    "))
    when = f"2026-01-{r.randrange(10, 28)} {_ub_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} [{module}][{level}][{r.randrange(100, 99999)}] {s}"


def _puppet_agent(r: random.Random, s: str) -> str:
    """A Puppet agent's syslog line naming the resource it changed or failed on."""
    resource = r.choice(
        (
            "/Stage[main]/Remit::Config/File[/etc/remit/app.env]/content",
            "/Stage[main]/Profile::Kyc/Exec[kyc-migrate]/returns",
            "/Stage[main]/Mosquitto/File[/etc/mosquitto/conf.d/bridge.conf]/content",
        )
    )
    return (
        f"Jan {r.randrange(10, 28)} {_ub_clock(r)} remit-app-0{r.randrange(1, 4)} "
        f"puppet-agent[{r.randrange(100, 99999)}]: ({resource}) {s}"
    )


def _mosquitto(r: random.Random, s: str) -> str:
    """Mosquitto's log: epoch seconds and a colon, then the message."""
    return f"{_epoch(r)}: {s}"


def _browser_console(r: random.Random, s: str) -> str:
    """A line of a browser console saved from DevTools: the script and line, ``Uncaught (in promise)`` and a stack."""
    bundle = f"main.{v.rand(r, v.HEX, 8)}.js"
    frames = "\n".join(
        f"    at {fn} ({bundle}:2:{r.randrange(1000, 99999)})"
        for fn in r.sample(("e.send", "Object.post", "t.value"), 2)
    )
    head = r.choice((f"{bundle}:2 Uncaught (in promise) Error: ", f"VM{r.randrange(10, 999)}:1 ", f"{bundle}:2 "))
    return f"{head}{s}\n{frames}"


def _sentry_breadcrumbs(r: random.Random, s: str) -> str:
    """A Sentry event's breadcrumbs: a fetch and the console message that followed it."""
    stamp = round(_epoch(r) + r.random(), 3)
    crumbs = {
        "values": [
            {
                "timestamp": stamp,
                "type": "http",
                "category": "fetch",
                "level": "info",
                "data": {"method": "POST", "url": _path(r), "status_code": r.choice((400, 401, 500, 502))},
            },
            {
                "timestamp": round(stamp + 0.2, 3),
                "type": "default",
                "category": "console",
                "level": "error",
                "message": s,
            },
        ]
    }
    return json.dumps({"breadcrumbs": crumbs}, ensure_ascii=r.random() < 0.5)


def _pgbouncer(r: random.Random, s: str) -> str:
    """PgBouncer's log: time with milliseconds and zone, pid, level, the client's id and database/user over a socket."""
    when = f"2026-01-{r.randrange(10, 28)} {_ub_clock(r)}.{r.randrange(0, 1000):03d} UTC"
    client = f"C-0x{v.rand(r, v.HEX, 12)}: remit/remit_app@unix(1{r.randrange(1000, 9999)}):6432"
    return f"{when} [{r.randrange(100, 99999)}] {r.choice(('WARNING', 'LOG', 'ERROR'))} {client} {s}"


# ---------------------------------------------------------------------------- unsought shapes (written blind)
#
# The twenty-third split's line shapes, written by a seventeenth session that did not read the rules: Teleport audit
# events, the OpenVPN server log with its ``us=`` microseconds, strongSwan's charon with its thread and subsystem,
# Kamailio's ``xlog`` lines, Rundeck's execution log, Apache Flink's TaskManager log, Trino's query-completed events,
# CoreDNS' error plugin, Cilium Hubble flows, Icinga 2's ``[date] severity/facility`` lines, FreeRADIUS' radius.log and
# Matrix Synapse. None adds an address, an e-mail, a name, a card-like run that passes Luhn or a phone number of its own
# (peers are named by host names and pod names, never by IP; ids are hex or UUIDs).


def _uo_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _teleport_event(r: random.Random, s: str) -> str:
    """A Teleport audit event as the auth service writes it to its JSON log: event code, cluster, user and a
    message-like field holding the line."""
    record = {
        "cluster_name": "clinic-prod",
        "code": r.choice(("T2006E", "T3007W", "TC000I", "T1000W")),
        "ei": r.randrange(0, 40),
        "event": r.choice(("app.session.request", "exec", "auth", "session.command")),
        "login": r.choice(("root", "ubuntu", "ops")),
        "server_hostname": r.choice(("claims-api-1", "tele-bridge-2", "dispatch-0")),
        "sid": _rid(r),
        "time": f"2026-01-{r.randrange(10, 28)}T{_uo_clock(r)}.{r.randrange(0, 10**6):06d}Z",
        "uid": _rid(r),
        "user": r.choice(("ci-bot", "oncall", "remote-support")),
        "command": s,
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _openvpn(r: random.Random, s: str) -> str:
    """The OpenVPN server log with ``--machine-readable-output``-free timestamps: date, time, ``us=`` and the client's
    common name."""
    when = f"2026-01-{r.randrange(10, 28)} {_uo_clock(r)}"
    cn = r.choice(("clinic-gw-03", "depot-router", "UNDEF", "ride-ops-laptop"))
    return f"{when} us={r.randrange(0, 10**6)} {cn} {s}"


def _charon(r: random.Random, s: str) -> str:
    """strongSwan's charon log: syslog time, the thread number and the subsystem in brackets."""
    sub = r.choice(("IKE", "CFG", "NET", "KNL", "ENC"))
    return f"Jan {r.randrange(10, 28)} {_uo_clock(r)} vpn-hq charon: {r.randrange(1, 16):02d}[{sub}] {s}"


def _kamailio(r: random.Random, s: str) -> str:
    """Kamailio's log through syslog: the process, its pid, the level and the script's ``xlog`` route."""
    level = r.choice(("ERROR", "WARNING", "NOTICE", "INFO"))
    route = r.choice(("<script>", "tm [t_lookup.c:1300]", "auth_db [authorize.c:178]"))
    return (
        f"Jan {r.randrange(10, 28)} {_uo_clock(r)} sip-edge kamailio[{r.randrange(100, 99999)}]: {level}: {route}: {s}"
    )


def _rundeck(r: random.Random, s: str) -> str:
    """Rundeck's execution log as the GUI exports it: time, the node, the step and the output line."""
    return (
        f"{_uo_clock(r)}\t{r.choice(('claims-db-1', 'localhost', 'dispatch-worker-2'))}\t"
        f"{r.randrange(1, 6)}. {r.choice(('Command', 'Script', 'Job Reference'))}\t{s}"
    )


def _flink(r: random.Random, s: str) -> str:
    """Apache Flink's TaskManager log (log4j2's default pattern): time, level, logger, task and subtask in brackets."""
    logger = r.choice(
        (
            "org.apache.flink.runtime.taskmanager.Task",
            "org.apache.flink.connector.kafka.source.reader.KafkaSourceReader",
            "org.apache.flink.streaming.runtime.tasks.StreamTask",
        )
    )
    when = f"2026-01-{r.randrange(10, 28)} {_uo_clock(r)},{r.randrange(0, 1000):03d}"
    task = f"Source: trips -> Map ({r.randrange(1, 8)}/8)#{r.randrange(0, 3)}"
    return f"{when} {r.choice(('INFO ', 'WARN ', 'ERROR'))} {logger} [{task}] - {s}"


def _trino_event(r: random.Random, s: str) -> str:
    """A Trino query-completed event as an HTTP event listener posts it: the query id, state, user and the failure."""
    record = {
        "metadata": {
            "queryId": f"20260{r.randrange(110, 128)}_{r.randrange(0, 240000):06d}_{r.randrange(0, 99999):05d}_"
            f"{v.rand(r, 'abcdefghijkmnpqrstuvwxyz23456789', 5)}",
            "queryState": "FAILED",
            "query": "SELECT * FROM hive.claims.queue LIMIT 100",
        },
        "context": {"user": r.choice(("svc-claims", "analyst")), "catalog": "hive", "schema": "claims"},
        "failureInfo": {
            "errorCode": {"code": r.randrange(1, 65536), "name": "GENERIC_INTERNAL_ERROR"},
            "failureMessage": s,
        },
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _coredns(r: random.Random, s: str) -> str:
    """CoreDNS' log: level in brackets and the plugin that wrote it."""
    return f"[{r.choice(('ERROR', 'WARNING', 'INFO'))}] plugin/{r.choice(('errors', 'forward', 'kubernetes'))}: {s}"


def _hubble_flow(r: random.Random, s: str) -> str:
    """A Cilium Hubble flow as ``hubble observe -o json`` prints it (pod names only), with the L7 record's summary."""
    record = {
        "flow": {
            "time": f"2026-01-{r.randrange(10, 28)}T{_uo_clock(r)}.{r.randrange(0, 10**9):09d}Z",
            "verdict": r.choice(("FORWARDED", "DROPPED")),
            "source": {"namespace": "rides", "pod_name": f"pricing-{v.rand(r, 'bcdfghjklmnpqrstvwxz2456789', 10)}"},
            "destination": {"namespace": "rides", "pod_name": "dispatch-0"},
            "Type": "L7",
            "l7": {"type": "REQUEST", "http": {"method": "POST", "url": f"http://dispatch{_path(r)}"}},
            "Summary": s,
        }
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _icinga2(r: random.Random, s: str) -> str:
    """Icinga 2's main log: ``[date time +zone] severity/facility: message``."""
    sev = r.choice(("critical", "warning", "information"))
    fac = r.choice(("CheckerComponent", "ApiListener", "PluginNotificationTask"))
    return f"[2026-01-{r.randrange(10, 28)} {_uo_clock(r)} +0000] {sev}/{fac}: {s}"


def _freeradius(r: random.Random, s: str) -> str:
    """FreeRADIUS' radius.log: ctime-style date, ``:`` and the level."""
    day = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri"))
    return f"{day} Jan {r.randrange(10, 28)} {_uo_clock(r)} 2026 : {r.choice(('Auth', 'Error', 'Info'))}: {s}"


def _synapse(r: random.Random, s: str) -> str:
    """Matrix Synapse's log: time with milliseconds, the logger, line, level and the request id."""
    logger = r.choice(("synapse.http.server", "synapse.handlers.auth", "synapse.access.http.8008"))
    when = f"2026-01-{r.randrange(10, 28)} {_uo_clock(r)},{r.randrange(0, 1000):03d}"
    req = f"POST-{r.randrange(1, 99999)}"
    return f"{when} - {logger} - {r.randrange(50, 900)} - {r.choice(('ERROR', 'WARNING', 'INFO'))} - {req} - {s}"


# ---------------------------------------------------------------------------- unclaimed shapes (written blind)
#
# The twenty-fourth split's line shapes, written by an eighteenth session that did not read the rules: Grafana's
# server log (logfmt, the message quoted), Apache Superset's default ``asctime:levelname:name:message``, ZooKeeper
# with ``[myid:N]`` and its thread, Solr with its collection, shard, replica and core, Gitea with its source file and
# ``[E]`` level, Mattermost's JSON console log, Apache NiFi's ``nifi-app.log`` with the processor's id, Istio's
# istiod (tab-separated), Authelia's text formatter, ActiveMQ Artemis with its ``AMQ`` codes, SonarQube's
# ``web[...]`` lines and ``varnishlog`` transaction records with the snippet logged from VCL. None adds an address, an
# e-mail, a name, a card-like run that passes Luhn or a phone number of its own (peers are named by host names and
# pod names, never by IP; ids are hex, UUIDs or short numbers).


def _uc_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uc_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _grafana(r: random.Random, s: str) -> str:
    """Grafana's server log: logfmt with the logger first, the time in nanoseconds and the message quoted."""
    logger = r.choice(("context", "ngalert.notifier.slack", "plugins.backend", "sqlstore", "tsdb.postgres"))
    when = f"2026-01-{_uc_day(r)}T{_uc_clock(r)}.{r.randrange(0, 10**9):09d}Z"
    extra = r.choice((" orgId=1", " userId=0 orgId=1 uname=", f" dsID={r.randrange(1, 40)}", ""))
    level = r.choice(("error", "warn", "info"))
    return f"logger={logger}{extra} t={when} level={level} msg={json.dumps(s, ensure_ascii=False)}"


def _superset(r: random.Random, s: str) -> str:
    """Apache Superset's default log format: ``asctime:levelname:name:message``."""
    logger = r.choice(("superset.views.base", "superset.sql_lab", "superset.reports.commands.execute", "root"))
    when = f"2026-01-{_uc_day(r)} {_uc_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when}:{r.choice(('ERROR', 'WARNING', 'INFO'))}:{logger}:{s}"


def _zookeeper(r: random.Random, s: str) -> str:
    """ZooKeeper's log: time, ``[myid:N]``, the level padded to five, the thread and the abbreviated class."""
    thread = r.choice(
        (
            f"NIOWorkerThread-{r.randrange(1, 9)}:o.a.z.s.NIOServerCnxn@{r.randrange(300, 700)}",
            f"QuorumPeer[myid={r.randrange(1, 4)}]:o.a.z.s.q.Learner@{r.randrange(300, 700)}",
            f"SyncThread:{r.randrange(1, 4)}:o.a.z.s.FinalRequestProcessor@{r.randrange(300, 700)}",
        )
    )
    level = r.choice(("WARN ", "ERROR", "INFO "))
    when = f"2026-01-{_uc_day(r)} {_uc_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} [myid:{r.randrange(1, 4)}] - {level} [{thread}] - {s}"


def _solr(r: random.Random, s: str) -> str:
    """Solr's log: time with milliseconds, the level, the thread and the collection/shard/replica/core context."""
    coll = r.choice(("reservations", "formulary", "payslips"))
    shard = r.randrange(1, 3)
    replica = r.randrange(1, 9)
    context = f"c:{coll} s:shard{shard} r:core_node{replica} x:{coll}_shard{shard}_replica_n{replica}"
    when = f"2026-01-{_uc_day(r)} {_uc_clock(r)}.{r.randrange(0, 1000):03d}"
    logger = r.choice(("o.a.s.h.RequestHandlerBase", "o.a.s.s.HttpSolrCall", "o.a.s.u.p.LogUpdateProcessorFactory"))
    thread = f"qtp{r.randrange(10**6, 10**7)}-{r.randrange(10, 99)}"
    return f"{when} {r.choice(('ERROR', 'WARN ', 'INFO '))} ({thread}) [{context}] {logger} {s}"


def _gitea(r: random.Random, s: str) -> str:
    """Gitea's log: ``YYYY/MM/DD hh:mm:ss`` then the source file, line and function, and the level letter."""
    source = r.choice(
        (
            "...ces/auth/source/oauth2/source_authenticate.go:33:Authenticate()",
            "routers/web/repo/setting/webhook.go:312:WebhooksNewPost()",
            "services/mirror/mirror_pull.go:285:runSync()",
            "models/auth/token.go:98:GetAccessTokenBySHA()",
        )
    )
    return f"2026/01/{_uc_day(r)} {_uc_clock(r)} {source} [{r.choice(('E', 'W', 'I'))}] {s}"


def _mattermost(r: random.Random, s: str) -> str:
    """Mattermost's JSON console log: timestamp with a ``Z`` zone, level, message, caller and, for plugins, the
    plugin's id and stream."""
    record: dict[str, object] = {
        "timestamp": f"2026-01-{_uc_day(r)} {_uc_clock(r)}.{r.randrange(0, 1000):03d} Z",
        "level": r.choice(("error", "warn", "info", "debug")),
        "msg": s,
        "caller": r.choice(("app/plugin_api.go:1003", "web/handlers.go:187", "app/post.go:412", "jobs/workers.go:95")),
    }
    if r.random() < 0.5:
        record |= {"plugin_id": r.choice(("mattermost-ai", "com.github.manland.mattermost-plugin-gitlab")),
                   "source": "plugin_stderr"}  # fmt: skip
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _nifi(r: random.Random, s: str) -> str:
    """Apache NiFi's ``nifi-app.log``: time, level, the thread, the abbreviated logger and the processor with its
    id."""
    proc = r.choice(("InvokeHTTP", "PutDatabaseRecord", "ConsumeKafka_2_6", "ExecuteScript", "PutEmail"))
    when = f"2026-01-{_uc_day(r)} {_uc_clock(r)},{r.randrange(0, 1000):03d}"
    thread = r.choice((f"Timer-Driven Process Thread-{r.randrange(1, 12)}", "Flow Service Tasks Thread-2"))
    return (
        f"{when} {r.choice(('ERROR', 'WARN ', 'INFO '))} [{thread}] o.a.nifi.processors.standard.{proc} "
        f"{proc}[id={v.unclaimed_uuid(r)}] {s}"
    )


def _istiod(r: random.Random, s: str) -> str:
    """Istio's istiod log: RFC 3339 time with microseconds, level and scope, tab-separated."""
    scope = r.choice(("ads", "model", "validationController", "klog", "authorization"))
    when = f"2026-01-{_uc_day(r)}T{_uc_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    return f"{when}\t{r.choice(('error', 'warn', 'info'))}\t{scope}\t{s}"


def _authelia(r: random.Random, s: str) -> str:
    """Authelia's text log: logrus' ``time=... level=... msg=...`` with the request's method and path."""
    path = r.choice(("/api/firstfactor", "/api/secondfactor/totp", "/api/verify", "/api/reset-password/identity/start"))
    when = f"2026-01-{_uc_day(r)}T{_uc_clock(r)}-04:00"
    return (
        f'time="{when}" level={r.choice(("error", "warning", "info"))} msg={json.dumps(s, ensure_ascii=False)} '
        f"method={r.choice(('POST', 'GET'))} path={path}"
    )


def _artemis(r: random.Random, s: str) -> str:
    """ActiveMQ Artemis' log: time, level, the logger category in brackets and an ``AMQ`` message code."""
    level, code = r.choice(
        (("WARN ", "AMQ222149"), ("ERROR", "AMQ224000"), ("INFO ", "AMQ221001"), ("WARN ", "AMQ212037"))
    )
    logger = r.choice(("org.apache.activemq.artemis.core.server", "org.apache.activemq.artemis.core.client"))
    when = f"2026-01-{_uc_day(r)} {_uc_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} {level} [{logger}] {code}: {s}"


def _sonarqube(r: random.Random, s: str) -> str:
    """SonarQube's ``web.log``: ``YYYY.MM.DD hh:mm:ss``, level, the process with its request id and the logger."""
    when = f"2026.01.{_uc_day(r)} {_uc_clock(r)}"
    request = "A" + v.rand(r, string.ascii_letters + string.digits, 19)
    logger = r.choice(("o.s.s.w.WebServiceEngine", "o.s.s.a.AuthenticationError", "o.s.a.s.p.ProjectAlmSettingDao"))
    return f"{when} {r.choice(('ERROR', 'WARN ', 'INFO '))} web[{request}][{logger}] {s}"


def _varnishlog(r: random.Random, s: str) -> str:
    """A ``varnishlog -g request`` transaction: the request's tags and the snippet logged from VCL by ``std.log``."""
    vxid = r.randrange(32768, 99999)
    path = r.choice(("/booking/api/rates", "/rx/refill", "/payroll/api/run"))
    return "\n".join(
        (
            f"*   << Request  >> {vxid}",
            f"-   Begin          req {vxid - 1} rxreq",
            f"-   ReqMethod      {r.choice(('POST', 'GET'))}",
            f"-   ReqURL         {path}",
            "-   ReqProtocol    HTTP/1.1",
            f"-   VCL_call       {r.choice(('RECV', 'MISS', 'DELIVER'))}",
            f"-   VCL_Log        {s}",
            "-   End",
        )
    )


# ---------------------------------------------------------------------------- unheralded shapes (written blind)
#
# The twenty-fifth split's line shapes, written by a nineteenth session that did not read the rules: MuleSoft's Mule 4
# runtime log (the flow's processor and event id), Apache Camel's log endpoint (``Exchange[...]`` with the body),
# Node-RED's console (the node's type and name), Mirth Connect's channel threads, an HL7 v2 lab result whose ``NTE``
# note carries the snippet with HL7's escapes (``\F\``, ``\S\``, ``\T\``, ``\R\``, ``\E\`` and ``\.br\``
# for a line break), AWS Step Functions execution history events (the snippet as a failure's cause, or JSON-encoded
# inside a task's output string), Apereo CAS audit trail records, Moodle's scheduled task output, SSSD's debug log,
# Samba's smbd with its source line, CUPS' error_log and Telegraf. None adds an address, an e-mail, a card-like run
# that passes Luhn or a phone number of its own (CAS prints ``unknown`` for the addresses of a background action; ids
# are hex, UUIDs or short numbers; pets are named, their owners are not).


def _uhd_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uhd_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _mule(r: random.Random, s: str) -> str:
    """Mule 4's runtime log: level, time, the scheduler thread with the app and flow, the processor and event id, and
    the logger's category."""
    app, flow = r.choice(
        (("shipment-sync", "shipment-flow"), ("customs-edi", "iftmin-inbound"), ("vet-lab-bridge", "results-flow"))
    )
    event = f"{_hex(r, 8)}-{_hex(r, 4)}-11f0-{_hex(r, 4)}-{_hex(r, 12)}"
    when = f"2026-01-{_uhd_day(r)} {_uhd_clock(r)},{r.randrange(0, 1000):03d}"
    thread = f"[MuleRuntime].uber.{r.randrange(1, 12):02d}: [{app}].{flow}.CPU_LITE @{_hex(r, 8)}"
    logger = r.choice(
        (
            "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
            "org.mule.runtime.core.privileged.exception",
        )
    )
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"{level} {when} [{thread}] [processor: {flow}/processors/{r.randrange(0, 6)}; event: {event}] {logger}: {s}"


def _camel(r: random.Random, s: str) -> str:
    """Apache Camel's log endpoint on Spring Boot: the route's thread and id and ``Exchange[...]`` with the body."""
    route = r.choice(("edi-inbound", "label-print", "tracking-poll", "route3"))
    thread = r.choice(("file://data/inbox", "timer://poll", "kafka[parcels]", "jms:queue:labels"))[-16:]
    when = f"2026-01-{_uhd_day(r)}T{_uhd_clock(r)}.{r.randrange(0, 1000):03d}Z"
    exchange = f"{_hex(r, 15).upper()}-{r.randrange(0, 10**16):016d}"
    return (
        f"{when}  INFO 1 --- [{thread:>16}] {route:<40} : Exchange[Id: {exchange}, RouteGroup: null, "
        f"RouteId: {route}, ExchangePattern: InOnly, BodyType: String, Body: {s}]"
    )


def _node_red(r: random.Random, s: str) -> str:
    """Node-RED's console: day, month, time, the level in brackets and the node's type and name."""
    node = r.choice(("function:parse scan", "http request:carrier API", "mqtt in:dock sensors", "debug:label"))
    return f"{_uhd_day(r)} Jan {_uhd_clock(r)} - [{r.choice(('error', 'warn', 'info'))}] [{node}] {s}"


def _mirth(r: random.Random, s: str) -> str:
    """Mirth Connect's log: level, time, the channel's dispatch thread with the channel id, and the step."""
    channel = r.choice(("IDEXX Results", "Antech Orders", "Reminder SMS", "PIMS ADT"))
    cid = str(uuid.UUID(int=r.getrandbits(128), version=4))
    when = f"2026-01-{_uhd_day(r)} {_uhd_clock(r)}.{r.randrange(0, 1000):03d}"
    step = r.choice(("transformer", "filter", "js-connector", "db-connector"))
    return f"{r.choice(('ERROR', 'WARN ', 'INFO '))} {when} [Channel Dispatch Thread on {channel} ({cid})] {step}: {s}"


def _hl7_escape(s: str) -> str:
    out = s.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\").replace("&", "\\T\\")
    return out.replace("~", "\\R\\").replace("\n", "\\.br\\")


def _hl7_nte(r: random.Random, s: str) -> str:
    """An HL7 v2.5.1 lab result (``ORU^R01``) from a veterinary reference lab: the snippet is the ``NTE`` note, with
    HL7's escape sequences; segments end with a carriage return."""
    when = f"202601{_uhd_day(r)}{_uhd_clock(r).replace(':', '')}"
    pet = r.choice(("Biscuit", "Mango", "Pepa", "Kalo", "Nuage", "Sjoerd"))
    segments = [
        f"MSH|^~\\&|VETLAB|{r.choice(('IDEXX', 'ANTECH'))}|PIMS|CLINIC|{when}||ORU^R01|{r.randrange(10**6, 10**7)}"
        "|P|2.5.1",
        f"PID|1||P-{r.randrange(10000, 99999)}^^^CLINIC||{pet}^^^^^^B",
        f"OBR|1|{r.randrange(10**5, 10**6)}||{r.choice(('CBC^Complete blood count', 'CHEM^Chemistry panel'))}",
        f"NTE|1|L|{_hl7_escape(s)}",
    ]
    return "\r".join(segments)


def _step_functions(r: random.Random, s: str) -> str:
    """An AWS Step Functions execution history event: a failed task with the snippet as its cause, or a task's output
    (a JSON string, so the snippet is JSON-encoded twice)."""
    when = f"2026-01-{_uhd_day(r)}T{_uhd_clock(r)}.{r.randrange(0, 1000):03d}000+00:00"
    event: dict[str, object] = {"timestamp": when, "id": r.randrange(3, 40)}
    event["previousEventId"] = int(str(event["id"])) - 1
    if r.random() < 0.6:
        event["type"] = r.choice(("TaskFailed", "LambdaFunctionFailed"))
        event["taskFailedEventDetails"] = {
            "resourceType": "lambda",
            "resource": "invoke",
            "error": r.choice(("States.TaskFailed", "Lambda.Unknown", "CarrierApiError")),
            "cause": s,
        }
    else:
        event["type"] = "TaskSucceeded"
        event["taskSucceededEventDetails"] = {
            "resourceType": "lambda",
            "resource": "invoke",
            "output": json.dumps({"StatusCode": 200, "Payload": {"note": s}}, ensure_ascii=False),
        }
    return json.dumps(event, ensure_ascii=r.random() < 0.5)


def _cas_audit(r: random.Random, s: str) -> str:
    """An Apereo CAS audit trail record (Inspektr's text format) with the snippet as its ``WHAT``."""
    when = f"2026-01-{_uhd_day(r)} {_uhd_clock(r)},{r.randrange(0, 1000):03d}"
    action = r.choice(
        (
            "SERVICE_TICKET_CREATED",
            "AUTHENTICATION_FAILED",
            "DELEGATED_CLIENT_SUCCESS",
            "TICKET_GRANTING_TICKET_CREATED",
        )
    )
    who = r.choice(("audit:unknown", "s.kerbrat", "teacher-0412", "j.wiersma"))
    rule = "=" * 61
    return "\n".join(
        (
            f"{when} INFO [org.apereo.inspektr.audit.support.Slf4jLoggingAuditTrailManager] - Audit trail record BEGIN",
            rule,
            f"WHO: {who}",
            f"WHAT: {s}",
            f"ACTION: {action}",
            "APPLICATION: CAS",
            f"WHEN: {r.choice(('Mon', 'Tue', 'Wed', 'Thu', 'Fri'))} Jan {_uhd_day(r)} {_uhd_clock(r)} UTC 2026",
            "CLIENT IP ADDRESS: unknown",
            "SERVER IP ADDRESS: unknown",
            rule,
        )
    )


def _moodle_cron(r: random.Random, s: str) -> str:
    """Moodle's ``admin/cli/cron.php`` output for one scheduled task, the snippet printed by the task."""
    name, cls = r.choice(
        (
            ("Synchronise enrolments from external database", "enrol_database\\task\\sync_enrolments"),
            ("Send new user passwords", "core\\task\\send_new_user_passwords_task"),
            ("LTI Advantage service sync", "enrol_lti\\task\\sync_members"),
        )
    )
    return "\n".join(
        (
            f"Execute scheduled task: {name} ({cls})",
            f"... started {_uhd_clock(r)}. Current memory use {r.randrange(20, 90)}.{r.randrange(0, 10)} MB.",
            s,
            f"... used {r.randrange(3, 400)} dbqueries",
            f"... used {r.randrange(0, 9)}.{r.randrange(0, 10**6):06d} seconds",
            f"Scheduled task complete: {name} ({cls})",
        )
    )


def _sssd(r: random.Random, s: str) -> str:
    """SSSD's debug log: time, the backend and domain, the function, the debug level and the request id."""
    func = r.choice(("sdap_get_generic_ext_done", "krb5_auth_done", "ad_gpo_access_send", "sdap_cli_auth_step"))
    when = f"2026-01-{_uhd_day(r)} {_uhd_clock(r)}:{r.randrange(0, 10**6):06d}"
    level = r.choice(("0x0040", "0x0080", "0x0400", "0x2000"))
    domain = r.choice(("school.lan", "ad.diwan.example"))
    return f"({when}): [be[{domain}]] [{func}] ({level}): [RID#{r.randrange(1, 9999)}] {s}"


def _smbd(r: random.Random, s: str) -> str:
    """Samba's smbd log: time with microseconds and the debug level, the source file, line and function, then the
    message indented on the next line."""
    source = r.choice(
        (
            "../../source3/smbd/smb2_sesssetup.c:142(smbd_smb2_session_setup_fn)",
            "../../source3/auth/auth.c:334(auth_check_ntlm_password)",
            "../../source3/smbd/service.c:1123(make_connection_snum)",
        )
    )
    when = f"2026/01/{_uhd_day(r)} {_uhd_clock(r)}.{r.randrange(0, 10**6):06d}"
    return f"[{when},  {r.randrange(0, 4)}] {source}\n  {s}"


def _cups(r: random.Random, s: str) -> str:
    """CUPS' error_log: the level letter, the time in brackets and the job or client."""
    where = r.choice((f"[Job {r.randrange(10, 9999)}]", f"[Client {r.randrange(1, 400)}]", "[cups-deviced]"))
    when = f"{_uhd_day(r)}/Jan/2026:{_uhd_clock(r)} +0000"
    return f"{r.choice(('E', 'W', 'I', 'D'))} [{when}] {where} {s}"


def _telegraf(r: random.Random, s: str) -> str:
    """Telegraf's log: RFC 3339 time, the level letter with ``!`` and the plugin in brackets."""
    plugin = r.choice(("outputs.http", "inputs.mqtt_consumer", "outputs.influxdb_v2", "inputs.modbus", "inputs.exec"))
    return f"2026-01-{_uhd_day(r)}T{_uhd_clock(r)}Z {r.choice(('E!', 'W!', 'I!', 'D!'))} [{plugin}] {s}"


# ---------------------------------------------------------------------------- unnoticed shapes (written blind)
#
# The twenty-sixth split's line shapes, written by a twentieth session that did not read the rules: Wazuh's alerts.json
# records (the snippet as the alert's ``full_log``), Airbyte's job log (``replication-orchestrator >`` and the
# connector's prefix), ``argo logs`` of an Argo Workflows run (the pod's name first), Milvus' zap lines with their
# bracketed fields, Velero's logrus text lines with ``logSource``, BentoML's service log, Label Studio's Django log,
# Uptime Kuma's monitor lines, Redpanda's seastar log with the shard, cloud-init's ``cloud-init.log``, Unbound's log
# with its epoch and thread, and Portainer's zerolog console lines. None adds an address, an e-mail, a card-like run
# that passes Luhn or a phone number of its own (agents are named, never addressed; ids are hex, UUIDs, epochs or
# short numbers; Argo's pod suffix is drawn to read as no phone number).


def _unt_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _unt_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _unt_quote(s: str) -> str:
    """``s`` as Go's logfmt and zap quote a value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _wazuh(r: random.Random, s: str) -> str:
    """A Wazuh manager's alerts.json record: the rule, the agent (id and name only), the decoder, the log's location
    and the snippet as ``full_log``."""
    rule_id, level, description, groups = r.choice(
        (
            ("100201", 5, "Booking API: upstream call failed", ["booking", "web"]),
            ("100310", 7, "Trial EDC: integration error", ["edc", "clinical"]),
            ("100412", 4, "Meter head-end: read job warning", ["mdm", "ot"]),
            ("5503", 5, "PAM: User login failed.", ["pam", "syslog", "authentication_failed"]),
        )
    )
    when = f"2026-01-{_unt_day(r)}T{_unt_clock(r)}.{r.randrange(0, 1000):03d}+0000"
    record = {
        "timestamp": when,
        "rule": {"level": level, "description": description, "id": rule_id, "firedtimes": r.randrange(1, 40),
                 "mail": False, "groups": groups},
        "agent": {"id": f"{r.randrange(1, 60):03d}", "name": r.choice(("booking-api-02", "edc-sync-01", "mdm-he-03"))},
        "manager": {"name": "wazuh-manager"},
        "id": f"{1_768_200_000 + r.randrange(10**6)}.{r.randrange(100, 99999)}",
        "full_log": s,
        "decoder": {"name": r.choice(("json", "pam", "syslog"))},
        "location": r.choice(("/var/log/booking/api.log", "/opt/edc/logs/sync.log", "journald")),
    }  # fmt: skip
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _airbyte(r: random.Random, s: str) -> str:
    """An Airbyte sync job's log line: the time, the emitter (the replication orchestrator, the source or the
    destination) and ``>``."""
    who = r.choice(("replication-orchestrator", "source", "destination", "platform"))
    return f"2026-01-{_unt_day(r)} {_unt_clock(r)} {who} > {s}"


def _argo_logs(r: random.Random, s: str) -> str:
    """``argo logs --timestamps`` of a workflow: the pod's name (workflow, template and a numeric suffix), ``:``, the
    RFC 3339 nano time and the step's output."""
    workflow = r.choice(("meter-import", "edc-export", "pnr-reconcile", "eval-nightly"))
    pod = f"{workflow}-{_hex(r, 5)}-{r.choice(('ingest', 'transform', 'load', 'notify'))}-"
    pod += v.unnoticed_digits(r, 10)
    when = f"2026-01-{_unt_day(r)}T{_unt_clock(r)}.{r.randrange(0, 10**9):09d}Z"
    return f"{pod}: {when} {s}"


def _milvus(r: random.Random, s: str) -> str:
    """Milvus' zap log: the time with its offset, the level, the source file and line, the message and bracketed
    fields, the snippet as the error."""
    when = f"2026/01/{_unt_day(r)} {_unt_clock(r)}.{r.randrange(0, 1000):03d} +00:00"
    level, source, msg = r.choice(
        (
            ("WARN", "proxy/impl.go:2841", "failed to insert"),
            ("ERROR", "datacoord/import_util.go:412", "import job failed"),
            ("INFO", "querynodev2/services.go:977", "search request received"),
        )
    )
    collection = r.choice(("trial_docs", "fare_rules", "meter_faq", "support_kb"))
    return (
        f'[{when}] [{level}] [{source}] ["{msg}"] [traceID={_hex(r, 32)}] [collection={collection}] '
        f'[error="{_unt_quote(s)}"]'
    )


def _velero(r: random.Random, s: str) -> str:
    """Velero's logrus text line: the time, the level, the quoted message, the backup and ``logSource``."""
    backup = f"velero/{r.choice(('daily', 'hourly', 'pre-upgrade'))}-202601{_unt_day(r)}{r.randrange(0, 24):02d}0000"
    source = r.choice(
        ("pkg/backup/backup.go:434", "pkg/restic/backupper.go:215", "internal/hook/item_hook_handler.go:99")
    )
    return (
        f'time="2026-01-{_unt_day(r)}T{_unt_clock(r)}Z" level={r.choice(("info", "warning", "error"))} '
        f'msg="{_unt_quote(s)}" backup={backup} logSource="{source}"'
    )


def _bentoml(r: random.Random, s: str) -> str:
    """BentoML's service log: the time with its offset, the level and ``[entry_service:Service:worker]``."""
    service = r.choice(("Forecaster", "TriageSummarizer", "FareRules", "MeterAnomaly"))
    return (
        f"2026-01-{_unt_day(r)}T{_unt_clock(r)}+0000 [{r.choice(('INFO', 'WARNING', 'ERROR'))}] "
        f"[entry_service:{service}:{r.randrange(1, 5)}] {s}"
    )


def _label_studio(r: random.Random, s: str) -> str:
    """Label Studio's Django log: the time, ``[module::function::line]`` and the level in brackets."""
    where = r.choice(
        (
            "core.utils.common::custom_exception_handler::82",
            "io_storages.s3.models::validate_connection::155",
            "django::log_response::224",
            "data_import.api::sync_import::310",
        )
    )
    when = f"2026-01-{_unt_day(r)} {_unt_clock(r)},{r.randrange(0, 1000):03d}"
    return f"[{when}] [{where}] [{r.choice(('ERROR', 'WARNING', 'INFO'))}] {s}"


def _uptime_kuma(r: random.Random, s: str) -> str:
    """Uptime Kuma's monitor line: the time, ``[MONITOR]``, the level, the monitor's number and name, then the
    check's interval and type."""
    name = r.choice(("Booking API", "EDC portal", "Meter head-end", "Status page"))
    return (
        f"2026-01-{_unt_day(r)}T{_unt_clock(r)}+00:00 [MONITOR] {r.choice(('WARN', 'INFO'))}: Monitor "
        f"#{r.randrange(1, 60)} '{name}': Failing: {s} | Interval: 60 seconds | Type: http | Down Count: "
        f"{r.randrange(0, 4)} | Resend Interval: 0"
    )


def _redpanda(r: random.Random, s: str) -> str:
    """Redpanda's seastar log: the level padded to five, the time, the shard, the logger and the source line."""
    logger, source = r.choice(
        (
            ("kafka", "connection_context.cc:412"),
            ("security", "authorizer.cc:88"),
            ("admin_api_server", "admin_server.cc:603"),
            ("cluster", "controller_backend.cc:1210"),
        )
    )
    when = f"2026-01-{_unt_day(r)} {_unt_clock(r)},{r.randrange(0, 1000):03d}"
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    return f"{level:<5} {when} [shard {r.randrange(0, 8)}:main] {logger} - {source} - {s}"


def _cloud_init(r: random.Random, s: str) -> str:
    """cloud-init's ``cloud-init.log``: the time, `` - ``, the module and the level in brackets."""
    module = r.choice(("util.py", "cc_scripts_user.py", "subp.py", "handlers.py", "cc_set_passwords.py"))
    when = f"2026-01-{_unt_day(r)} {_unt_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} - {module}[{r.choice(('DEBUG', 'WARNING', 'INFO'))}]: {s}"


def _unbound(r: random.Random, s: str) -> str:
    """Unbound's log: the epoch in brackets, ``unbound[pid:thread]`` and the level."""
    epoch = 1_768_200_000 + r.randrange(10**6)
    return (
        f"[{epoch}] unbound[{r.randrange(300, 9999)}:{r.randrange(0, 4)}] {r.choice(('info', 'notice', 'error'))}: {s}"
    )


def _portainer(r: random.Random, s: str) -> str:
    """Portainer's zerolog console line: the date and time to the minute with AM/PM, the level's three letters, the
    source file and line, ``>`` and the message, then `` |`` and fields."""
    source = r.choice(
        (
            "github.com/portainer/portainer/api/http/handler/stacks/create_compose_stack.go:412",
            "github.com/portainer/portainer/api/git/service.go:203",
            "github.com/portainer/portainer/api/cmd/portainer/main.go:369",
        )
    )
    hour = r.randrange(1, 13)
    when = f"2026/01/{_unt_day(r)} {hour:02d}:{r.randrange(0, 60):02d}{r.choice(('AM', 'PM'))}"
    stack = r.choice(("meter-sync", "edc-bridge", "pnr-tools"))
    level = r.choice(("INF", "WRN", "ERR"))
    return f"{when} {level} {source} > {s} | stack_name={stack} | endpoint_id={r.randrange(1, 9)}"


# ---------------------------------------------------------------------------- unremarked shapes (written blind)
#
# The twenty-seventh split's line shapes, written by a twenty-first session that did not read the rules: the Tyk
# gateway's logrus lines, Meltano's structlog console (the plugin's stderr relayed with its ``string_id``), Apache
# Pulsar's log4j2 broker lines, Kestra's task-run log with its bracketed execution ids, Windmill's worker (``tracing``
# JSON), the Linkerd proxy's lines with its uptime, Sentry Relay's, Redash's ``[time][PID:n][LEVEL][logger]`` lines,
# Strapi's, the KEDA operator's zap console with a JSON context, a Coolify deployment's log entry (JSON) and
# ``dokku logs`` output. None adds an address, an e-mail, a card-like run that passes Luhn or a phone number of its own
# (clients are never addressed; ids are hex, UUIDs, Kestra's base62 short ids, uptimes or short numbers).


def _urm_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _urm_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _urm_quote(s: str) -> str:
    """``s`` as logrus' text formatter quotes a value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _tyk(r: random.Random, s: str) -> str:
    """A Tyk gateway's logrus line: the time without a year, the level, the quoted message and the API's fields (or the
    subsystem's prefix)."""
    when = f"Jan {_urm_day(r)} {_urm_clock(r)}"
    level = r.choice(("error", "warning", "info"))
    if r.random() < 0.4:
        return f'time="{when}" level={level} msg="{_urm_quote(s)}" prefix={r.choice(("main", "pub-sub", "dashboard"))}'
    api = r.choice(("Rentals API", "PAYG Telemetry", "Visa Appointments", "Rider App"))
    return (
        f'time="{when}" level={level} msg="{_urm_quote(s)}" api_id={_hex(r, 32)} api_name="{api}" '
        f"mw={r.choice(('AuthKey', 'JWTMiddleware', 'ReverseProxy', 'RateLimitAndQuotaCheck'))} org_id={_hex(r, 24)} "
        f'path="{r.choice(("/v1/bookings", "/v2/devices/unlock", "/appointments"))}"'
    )


def _meltano(r: random.Random, s: str) -> str:
    """Meltano's structlog console line: the time in microseconds, the level padded in brackets, the plugin's output and
    the run's fields (``cmd_type=elb``, the producer or consumer, the plugin's ``string_id``)."""
    plugin = r.choice(("tap-postgres", "tap-momo", "target-clickhouse", "tap-bitrix24"))
    level = r.choice(("info", "warning", "error"))
    when = f"2026-01-{_urm_day(r)}T{_urm_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    producer = plugin.startswith("tap")
    return (
        f"{when} [{level:<9}] {s} cmd_type=elb consumer={not producer} job_name=prod:tap-to-target "
        f"name={plugin} producer={producer} run_id={_rid(r)} stdio=stderr string_id={plugin}"
    )


def _pulsar(r: random.Random, s: str) -> str:
    """An Apache Pulsar broker's log4j2 line: the time with its offset, the thread, the level, the class and the
    channel's id."""
    when = f"2026-01-{_urm_day(r)}T{_urm_clock(r)},{r.randrange(0, 1000):03d}+0000"
    cls = r.choice(
        (
            "org.apache.pulsar.broker.service.ServerCnx",
            "org.apache.pulsar.broker.authentication.AuthenticationService",
            "org.apache.pulsar.functions.worker.FunctionRuntimeManager",
        )
    )
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"{when} [pulsar-io-{r.randrange(1, 9)}-{r.randrange(1, 16)}] {level} {cls} - [id: 0x{_hex(r, 8)}] {s}"


def _kestra_id(r: random.Random) -> str:
    return "".join(r.choice(string.ascii_letters + string.digits) for _ in range(22))


def _kestra(r: random.Random, s: str) -> str:
    """Kestra's task-run log line: the time, the level, the worker thread, the task's class and the bracketed
    namespace, flow, task, execution and task-run ids."""
    when = f"2026-01-{_urm_day(r)} {_urm_clock(r)}.{r.randrange(0, 1000):03d}"
    task_class, task = r.choice(
        (
            ("io.kestra.plugin.scripts.shell.Commands", "pull"),
            ("io.kestra.plugin.core.http.Request", "notify"),
            ("io.kestra.plugin.jdbc.postgresql.Query", "load"),
        )
    )
    flow = r.choice(("sync-momo", "nightly-unlocks", "visa-slots"))
    return (
        f"{when} {r.choice(('INFO ', 'WARN ', 'ERROR'))} WorkerThread {task_class} [namespace: kinroute.payg] "
        f"[flow: {flow}] [task: {task}] [execution: {_kestra_id(r)}] [taskrun: {_kestra_id(r)}] [value: null] {s}"
    )


def _windmill(r: random.Random, s: str) -> str:
    """A Windmill worker's ``tracing`` JSON line: the time, the level, the message among its fields and the target."""
    record = {
        "timestamp": f"2026-01-{_urm_day(r)}T{_urm_clock(r)}.{r.randrange(0, 10**6):06d}Z",
        "level": r.choice(("ERROR", "WARN", "INFO")),
        "fields": {"message": s, "workspace_id": r.choice(("visa-desk", "payg-ops")), "job_id": _rid(r)},
        "target": r.choice(("windmill_worker::worker", "windmill_queue::jobs", "windmill_api::jobs")),
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _linkerd(r: random.Random, s: str) -> str:
    """The Linkerd proxy's line: its uptime in seconds, the level, the thread, the span (a server's port, never a
    client's address) and the module path."""
    span, module = r.choice(
        (
            ("inbound:server{port=8080}", "linkerd_app_inbound::policy::http"),
            ("outbound:proxy{addr=payg-api.payg.svc.cluster.local:80}", "linkerd_app_core::errors::respond"),
            ("inbound:server{port=9090}", "linkerd_app_core::serve"),
        )
    )
    uptime = f"{r.randrange(10, 99999):>6}.{r.randrange(0, 10**6):06d}s"
    return f"[{uptime}] {r.choice((' WARN', ' INFO', 'ERROR'))} ThreadId(0{r.randrange(1, 3)}) {span}: {module}: {s}"


def _sentry_relay(r: random.Random, s: str) -> str:
    """Sentry Relay's ``tracing`` line: the time, the level and the module path."""
    module = r.choice(
        (
            "relay_server::services::project_upstream",
            "relay_server::endpoints::common",
            "relay_server::services::store",
        )
    )
    when = f"2026-01-{_urm_day(r)}T{_urm_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    return f"{when} {r.choice(('ERROR', ' WARN', ' INFO'))} {module}: {s}"


def _redash(r: random.Random, s: str) -> str:
    """Redash's log line: ``[time][PID:n][LEVEL][logger]`` and the message."""
    logger = r.choice(("redash.query_runner.pg", "redash.tasks.queries.execution", "rq.worker", "redash.app"))
    when = f"2026-01-{_urm_day(r)} {_urm_clock(r)},{r.randrange(0, 1000):03d}"
    return f"[{when}][PID:{r.randrange(8, 400)}][{r.choice(('ERROR', 'WARNING', 'INFO'))}][{logger}] {s}"


def _strapi(r: random.Random, s: str) -> str:
    """Strapi's console line: the time in brackets and the level."""
    when = f"2026-01-{_urm_day(r)} {_urm_clock(r)}.{r.randrange(0, 1000):03d}"
    return f"[{when}] {r.choice(('error', 'warn', 'info', 'debug'))}: {s}"


def _keda(r: random.Random, s: str) -> str:
    """The KEDA operator's zap console line: the time, the level, the logger, the message and a JSON context with the
    snippet as the error."""
    context = {
        "scaledObject.Namespace": r.choice(("payg", "rentals", "visa")),
        "scaledObject.Name": r.choice(("momo-worker", "unlock-dispatcher", "slot-poller")),
        "scaler": r.choice(("prometheusScaler", "pulsarScaler", "metricsAPIScaler")),
        "error": s,
    }
    when = f"2026-01-{_urm_day(r)}T{_urm_clock(r)}Z"
    return f"{when}\t{r.choice(('ERROR', 'INFO'))}\tscale_handler\terror getting scale decision\t{json.dumps(context)}"


def _coolify(r: random.Random, s: str) -> str:
    """A Coolify deployment's log entry, as its queue stores it (JSON): the command, the output, the stream, the time,
    whether it is hidden and its batch and order."""
    entry = {
        "command": r.choice((None, "docker compose up -d", "nixpacks build /artifacts/app")),
        "output": s,
        "type": r.choice(("stdout", "stderr")),
        "timestamp": f"2026-01-{_urm_day(r)}T{_urm_clock(r)}.{r.randrange(0, 10**6):06d}Z",
        "hidden": False,
        "batch": r.randrange(1, 9),
        "order": r.randrange(1, 200),
    }
    return json.dumps(entry)


def _dokku(r: random.Random, s: str) -> str:
    """``dokku logs``: the container's time in nanoseconds, the app's process and the line."""
    when = f"2026-01-{_urm_day(r)}T{_urm_clock(r)}.{r.randrange(0, 10**9):09d}Z"
    return f"{when} app[{r.choice(('web', 'worker', 'release'))}.{r.randrange(1, 4)}]: {s}"


# ---------------------------------------------------------------------------- unforeseen shapes (written blind)
#
# The twenty-eighth split's line shapes, written by a twenty-second session that did not read the rules: ZITADEL's
# logfmt lines with their caller, Vaultwarden's ``[time][module][LEVEL]`` lines, Kyverno's JSON (logr over zap), a
# Falco alert (JSON with its output fields), Apache APISIX's nginx-style error log, KrakenD's ``[KRAKEND]`` lines,
# Patroni's Python logging lines, Meilisearch's ``tracing`` lines, n8n's JSON log, VictoriaMetrics' tab-separated lines,
# Headscale's zerolog console and the LiveKit server's zap console with a JSON context. None adds an address, an e-mail,
# a card-like run that passes Luhn or a phone number of its own (ids are hex, UUIDs, process ids and short numbers;
# clients are never addressed).


def _ufs_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _ufs_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _ufs_id(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.ascii_letters + string.digits) for _ in range(n))


def _ufs_quote(s: str) -> str:
    """``s`` as logfmt quotes a value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _zitadel(r: random.Random, s: str) -> str:
    """ZITADEL's logfmt line: the level, the quoted message, the caller and the instance."""
    caller = r.choice(
        (
            "api/grpc/server/middleware/auth_interceptor.go:41",
            "internal/command/user_human.go:212",
            "internal/notification/handlers/user_notifier.go:305",
        )
    )
    return (
        f'time="2026-01-{_ufs_day(r)}T{_ufs_clock(r)}Z" level={r.choice(("error", "warning", "info"))} '
        f'msg="{_ufs_quote(s)}" caller="/home/runner/work/zitadel/zitadel/{caller}" '
        f"instance={v.luhn_free_number(r, 10**17, 10**18)}"
    )


def _vaultwarden(r: random.Random, s: str) -> str:
    """Vaultwarden's line: the local time in brackets, the module and the level."""
    module = r.choice(
        ("vaultwarden::api::core::accounts", "vaultwarden::api::identity", "vaultwarden::mail", "rocket::server")
    )
    when = f"2026-01-{_ufs_day(r)} {_ufs_clock(r)}.{r.randrange(0, 1000):03d}"
    return f"[{when}][{module}][{r.choice(('ERROR', 'WARN', 'INFO'))}] {s}"


def _kyverno(r: random.Random, s: str) -> str:
    """Kyverno's JSON log line (logr over zap): the level, the time, the logger, the caller, the message and the
    policy and resource."""
    record = {
        "level": r.choice(("error", "info")),
        "ts": f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}Z",
        "logger": r.choice(("webhooks.resource.validate", "background", "cleanup-controller")),
        "caller": r.choice(("validation/validation.go:108", "engine/validation.go:60")),
        "msg": s,
        "policy": r.choice(("disallow-latest-tag", "require-labels", "restrict-secrets")),
        "resource": f"{r.choice(('tele', 'ev', 'hub'))}/Deployment/{r.choice(('api', 'worker', 'sync'))}",
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _falco(r: random.Random, s: str) -> str:
    """A Falco alert as its JSON output writes it: the rule, the priority, the output line and its fields."""
    when = f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}.{r.randrange(0, 10**9):09d}Z"
    rule = r.choice(
        ("Read sensitive file untrusted", "Terminal shell in container", "Search Private Keys or Passwords")
    )
    priority = r.choice(("Warning", "Notice", "Critical"))
    alert = {
        "hostname": r.choice(("ev-node-2", "tele-node-1", "hub-k3s")),
        "output": f"{when[11:19]}.{when[20:29]}: {priority} {rule} (cmdline={s})",
        "priority": priority,
        "rule": rule,
        "source": "syscall",
        "tags": ["container", "filesystem", "mitre_credential_access"],
        "time": when,
        "output_fields": {"container.id": _hex(r, 12), "proc.cmdline": s, "user.name": "root"},
    }
    return json.dumps(alert)


def _apisix(r: random.Random, s: str) -> str:
    """Apache APISIX's error log (nginx's shape): the time, the level, the worker, the connection and the Lua file."""
    plugin = r.choice(("plugin.lua:1124", "key-auth.lua:98", "limit-count.lua:305", "http-logger.lua:180"))
    worker = r.randrange(40, 90)
    return (
        f"2026/01/{_ufs_day(r)} {_ufs_clock(r)} [{r.choice(('error', 'warn', 'info'))}] {worker}#{worker}: "
        f"*{r.randrange(1, 99999)} [lua] {plugin}: {s}"
    )


def _krakend(r: random.Random, s: str) -> str:
    """KrakenD's line: its prefix, the time, the level and the component in brackets."""
    component = r.choice(("[ENDPOINT: /v1/sessions]", "[SERVICE: Gin]", "[BACKEND: /ocpi/2.2/tokens]", "[JOSE]"))
    when = f"2026/01/{_ufs_day(r)} - {_ufs_clock(r)}.{r.randrange(0, 10**6):06d}"
    return f"[KRAKEND] {when} ▶ {r.choice(('ERROR', 'WARNING', 'DEBUG'))} {component} {s}"


def _patroni(r: random.Random, s: str) -> str:
    """Patroni's Python logging line: the time with milliseconds, the level and the message."""
    when = f"2026-01-{_ufs_day(r)} {_ufs_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} {r.choice(('INFO', 'WARNING', 'ERROR'))}: {s}"


def _meilisearch(r: random.Random, s: str) -> str:
    """Meilisearch's ``tracing`` line: the time, the level and the module."""
    module = r.choice(("index_scheduler", "meilisearch::routes::indexes::documents", "actix_web::middleware::logger"))
    when = f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    return f"{when} {r.choice(('ERROR', ' WARN', ' INFO'))} {module}: {s}"


def _n8n(r: random.Random, s: str) -> str:
    """n8n's JSON log (``N8N_LOG_FORMAT=json``): the level, the message and its metadata (workflow, node, file)."""
    record = {
        "level": r.choice(("error", "warn", "info")),
        "message": s,
        "metadata": {
            "workflowId": _ufs_id(r, 16),
            "nodeName": r.choice(("HTTP Request", "Postgres", "Send SMS")),
            "file": "WorkflowExecute.js",
            "function": "runNode",
            "timestamp": f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}.{r.randrange(0, 1000):03d}Z",
        },
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _victoriametrics(r: random.Random, s: str) -> str:
    """VictoriaMetrics' line: the time, the level, the caller and the message, separated by tabs."""
    caller = r.choice(
        (
            "VictoriaMetrics/app/vmagent/remotewrite/client.go:451",
            "VictoriaMetrics/lib/promscrape/scrapework.go:388",
            "VictoriaMetrics/app/vmalert/main.go:211",
        )
    )
    when = f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}.{r.randrange(0, 1000):03d}Z"
    return f"{when}\t{r.choice(('error', 'warn', 'info'))}\t{caller}\t{s}"


def _headscale(r: random.Random, s: str) -> str:
    """Headscale's zerolog console line: the time, the three-letter level, the caller, the message and fields."""
    return (
        f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}Z {r.choice(('ERR', 'WRN', 'INF', 'DBG'))} "
        f"{r.choice(('hscontrol/auth.go:214', 'hscontrol/poll.go:88', 'hscontrol/oidc.go:301'))} > {s} "
        f"node={r.choice(('hub-door-1', 'reception-ipad', 'printer-2f'))} machine={_hex(r, 8)}"
    )


def _livekit(r: random.Random, s: str) -> str:
    """The LiveKit server's zap console line: the time, the level, the logger, the caller, the message and a JSON
    context with the room and the participant."""
    context = {
        "room": f"consult-{_hex(r, 10)}",
        "roomID": "RM_" + _ufs_id(r, 12),
        "participant": r.choice(("patient", "clinician")) + "-" + _hex(r, 8),
        "pID": "PA_" + _ufs_id(r, 12),
    }
    when = f"2026-01-{_ufs_day(r)}T{_ufs_clock(r)}.{r.randrange(0, 1000):03d}Z"
    caller = r.choice(("rtc/participant.go:1120", "service/roommanager.go:402"))
    return f"{when}\t{r.choice(('WARN', 'INFO', 'ERROR'))}\tlivekit\t{caller}\t{s}\t{json.dumps(context)}"


# ---------------------------------------------------------------------------- unguessed shapes (written blind)
#
# The twenty-ninth split's line shapes, written by a twenty-third session that did not read the rules: Forgejo's
# ``router`` lines with the caller and a level letter in brackets, PostgREST's ``dd/Mon/yyyy:hh:mm:ss +zone:`` lines,
# EMQX's text log with its comma-separated fields, Kanidm's tracing tree lines, Promtail's logfmt, Stalwart mail
# server's event lines with their event id and fields, coturn's session lines, Traccar's Java lines, OpenBao's hclog
# lines, Paperless-ngx's bracketed Python logging, Inngest's JSON (slog) and Valkey's ``pid:role`` lines. None adds an
# address, an e-mail, a card-like run that passes Luhn or a phone number of its own (ids are hex, UUIDs, ULIDs, process
# ids and short numbers; peers are never addressed).


def _ugs_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _ugs_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _ugs_quote(s: str) -> str:
    """``s`` as logfmt quotes a value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _ugs_ulid(r: random.Random) -> str:
    return "01K" + "".join(r.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(23))


def _forgejo(r: random.Random, s: str) -> str:
    """Forgejo's router line: the local time, the source file, line and function, the level letter and the message."""
    caller = r.choice(
        (
            "routers/web/auth/oauth.go:412:AuthorizeOAuth()",
            "services/mailer/mail.go:318:sendMail()",
            "routers/api/v1/repo/hook.go:201:CreateHook()",
            "modules/queue/workergroup.go:150:doWorkerHandle()",
        )
    )
    return f"2026/01/{_ugs_day(r)} {_ugs_clock(r)} {caller} [{r.choice(('E', 'W', 'I'))}] {s}"


def _postgrest(r: random.Random, s: str) -> str:
    """PostgREST's line: the time as its logger prints it and the message."""
    return f"{_ugs_day(r)}/Jan/2026:{_ugs_clock(r)} {r.choice(('+0000', '+0200', '-0400'))}: {s}"


def _emqx(r: random.Random, s: str) -> str:
    """EMQX 5's text log: the time with its offset, the level, the tag, the client id and the message."""
    tag = r.choice(("AUTHN", "AUTHZ", "RULE_ENGINE", "BRIDGE"))
    client = r.choice(("ferry-deck-", "dive-gauge-", "topup-kiosk-")) + _hex(r, 6)
    return (
        f"2026-01-{_ugs_day(r)}T{_ugs_clock(r)}.{r.randrange(0, 10**6):06d}+00:00 "
        f"[{r.choice(('warning', 'error', 'info'))}] tag: {tag}, clientid: {client}, msg: {s}"
    )


def _kanidm(r: random.Random, s: str) -> str:
    """Kanidm's tracing tree line: the request's UUID, the level, the tree branch, the message and the span's time."""
    return (
        f"{uuid.UUID(int=r.getrandbits(128), version=4)} {r.choice(('INFO', 'WARN', 'ERROR')):<5}    "
        f"{r.choice(('┝━', '┕━', '│  ┝━'))} {s} [ {r.randrange(1, 900)}.{r.randrange(0, 10)}ms | "
        f"{r.choice(('kanidmd_core::https::oauth2', 'kanidmd_lib::idm::server', 'kanidmd_lib::be'))} ]"
    )


def _promtail(r: random.Random, s: str) -> str:
    """Promtail's logfmt line: the level, the time, the caller, the component and the quoted message."""
    return (
        f"level={r.choice(('warn', 'error', 'info'))} ts=2026-01-{_ugs_day(r)}T{_ugs_clock(r)}."
        f"{r.randrange(0, 10**9):09d}Z caller={r.choice(('client.go:419', 'tailer.go:143', 'filetarget.go:197'))} "
        f'component={r.choice(("client", "tailer"))} host=loki-gateway:3100 msg="{_ugs_quote(s)}"'
    )


def _stalwart(r: random.Random, s: str) -> str:
    """Stalwart mail server's event line: the time, the level, the event's text and id, and its fields."""
    event = r.choice(
        (
            ("SMTP authentication failed", "smtp.auth-failed"),
            ("Message queued for delivery", "queue.queue-message"),
            ("IMAP command failed", "imap.error"),
            ("Webhook delivery failed", "webhooks.error"),
        )
    )
    return (
        f"2026-01-{_ugs_day(r)}T{_ugs_clock(r)}Z {r.choice(('INFO', 'WARN', 'ERROR'))} {event[0]} ({event[1]}) "
        f'listenerId = "{r.choice(("submission", "imaps", "http"))}", localPort = {r.choice((587, 993, 443))}, '
        f'details = "{_ugs_quote(s)}"'
    )


def _coturn(r: random.Random, s: str) -> str:
    """coturn's line: the uptime in seconds, the session's id, the realm and the message."""
    while True:  # its 18-digit session id, drawn until it fails Luhn (no card-like run)
        session = f"00{r.randrange(1, 10)}{'0' * 13}{r.randrange(10, 100)}"
        digits = [int(c) for c in reversed(session)]
        if sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits)) % 10:
            break
    return (
        f"{r.randrange(10, 99999)}: : session {session}: realm <{r.choice(('turn.ferry.ax', 'rtc.divebq.example'))}> "
        f"user <>: {s}"
    )


def _traccar(r: random.Random, s: str) -> str:
    """Traccar's line: the local time, the level (padded) and the message, a device's connection tag now and then."""
    tag = r.choice(("", f"[T{_hex(r, 8)}] ", f"[U{_hex(r, 8)}] "))
    return f"2026-01-{_ugs_day(r)} {_ugs_clock(r)} {r.choice((' INFO', ' WARN', 'ERROR'))}: {tag}{s}"


def _openbao(r: random.Random, s: str) -> str:
    """OpenBao's hclog line: the time, the level in brackets, the subsystem and the message."""
    sub = r.choice(("core", "auth.userpass", "secrets.database.database_7f3a", "audit"))
    when = f"2026-01-{_ugs_day(r)}T{_ugs_clock(r)}.{r.randrange(0, 1000):03d}Z"
    return f"{when} [{r.choice(('ERROR', 'WARN', 'INFO'))}] {sub}: {s}"


def _paperless(r: random.Random, s: str) -> str:
    """Paperless-ngx's Python logging line: the time with milliseconds, the level and the logger in brackets."""
    logger = r.choice(("paperless.consumer", "paperless.mail", "paperless.tasks", "celery.worker"))
    when = f"2026-01-{_ugs_day(r)} {_ugs_clock(r)},{r.randrange(0, 1000):03d}"
    return f"[{when}] [{r.choice(('INFO', 'WARNING', 'ERROR'))}] [{logger}] {s}"


def _inngest(r: random.Random, s: str) -> str:
    """Inngest's JSON (slog) line: the time, the level, the message, the function and the run's ULID."""
    record = {
        "time": f"2026-01-{_ugs_day(r)}T{_ugs_clock(r)}.{r.randrange(0, 10**6):06d}Z",
        "level": r.choice(("ERROR", "WARN", "INFO")),
        "msg": s,
        "function_id": r.choice(("send-booking-sms", "sync-topups", "refund-dive")),
        "run_id": _ugs_ulid(r),
        "attempt": r.randrange(0, 4),
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _valkey(r: random.Random, s: str) -> str:
    """Valkey's line: the process id and role, the day, the time with milliseconds and the level mark."""
    when = f"{_ugs_day(r)} Jan 2026 {_ugs_clock(r)}.{r.randrange(0, 1000):03d}"
    return f"{r.randrange(1, 90)}:{r.choice(('M', 'S', 'C'))} {when} {r.choice(('#', '*', '-'))} {s}"


# ---------------------------------------------------------------------------- unannounced shapes (written blind)
#
# The thirtieth split's line shapes, written by a twenty-fourth session that did not read the rules: Supabase Auth's
# (GoTrue) logrus JSON, Outline's JSON lines, NetBird management's lines with their source file, Syncthing's lines with
# the device's short id, AdGuard Home's bracketed level, Zigbee2MQTT's ``z2m:`` lines, Frigate's doubled timestamps,
# ntfy's lines with their trailing fields, Vikunja's ``▶`` lines, Wiki.js' ``[MASTER]`` lines, Concourse's lager JSON
# (the message in ``data.error``) and Backstage's plugin lines. None adds an address, an e-mail, a card-like run that
# passes Luhn or a phone number of its own (ids are hex, UUIDs, base32 device ids and short numbers; peers are named by
# host, never by address).


def _uan_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uan_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _uan_rid(r: random.Random) -> str:
    """A request's UUID with no group of digits only before its third dash (no run that reads as a card)."""
    while True:
        rid = str(uuid.UUID(int=r.getrandbits(128), version=4))
        if not re.match(r"\d{8}-\d{4}-", rid):
            return rid


def _uan_seconds(r: random.Random, n: int) -> str:
    """The seconds and ``n`` fractional digits (``SS.ffffff``), drawn until they read as no phone number of the
    split's regions and no card."""
    while True:
        whole, frac = f"{r.randrange(0, 60):02d}", "".join(r.choice(string.digits) for _ in range(n))
        digits = whole + frac
        if v._uan_no_phone(digits) and v._uan_no_phone(frac) and not v.luhn_ok(digits):
            return f"{whole}.{frac}"


def _gotrue(r: random.Random, s: str) -> str:
    """Supabase Auth's (GoTrue's) logrus JSON line: the component, the level, the method and path, the message, the
    request id and the time."""
    record = {
        "component": "api",
        "level": r.choice(("info", "warning", "error")),
        "method": r.choice(("POST", "GET", "PUT")),
        "msg": s,
        "path": r.choice(("/token", "/otp", "/admin/users", "/verify", "/recover")),
        "referer": r.choice(("https://berths.marina-sx.example", "https://donate.bloodbank.example")),
        "request_id": _uan_rid(r),
        "time": f"2026-01-{_uan_day(r)}T{_uan_clock(r)}Z",
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _outline(r: random.Random, s: str) -> str:
    """Outline's production log line: JSON with the level, the label and the message."""
    record = {"level": r.choice(("info", "warn", "error")), "label": r.choice(("http", "worker", "emails", "plugins")),
              "message": s}  # fmt: skip
    if r.random() < 0.5:
        record["requestId"] = _hex(r, 16)
    return json.dumps(record, ensure_ascii=False)


def _netbird(r: random.Random, s: str) -> str:
    """NetBird management's line: the time, the level, the source file and line, and the message."""
    caller = r.choice(
        (
            "management/server/account.go:1187",
            "management/server/peer.go:412",
            "management/server/http/middleware/auth_middleware.go:98",
            "management/server/idp/zitadel.go:233",
        )
    )
    return f"2026-01-{_uan_day(r)}T{_uan_clock(r)}Z {r.choice(('INFO', 'WARN', 'ERRO'))} {caller}: {s}"


def _syncthing(r: random.Random, s: str) -> str:
    """Syncthing's line: the device's short id in brackets, the date and time, the level and the message."""
    short = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(5))
    return f"[{short}] 2026/01/{_uan_day(r)} {_uan_clock(r)} {r.choice(('INFO', 'WARNING', 'VERBOSE'))}: {s}"


def _adguard(r: random.Random, s: str) -> str:
    """AdGuard Home's line: the date, the time with microseconds, the level in brackets and the module's message."""
    return (
        f"2026/01/{_uan_day(r)} {_uan_clock(r)[:6]}{_uan_seconds(r, 6)} [{r.choice(('info', 'error', 'debug'))}] "
        f"{r.choice(('home', 'dnsforward', 'querylog', 'filtering'))}: {s}"
    )


def _z2m(r: random.Random, s: str) -> str:
    """Zigbee2MQTT's line: the time in brackets, the level, a tab and the namespace."""
    namespace = r.choice(("z2m", "z2m:mqtt", "zh:controller", "z2m:frontend"))
    return f"[2026-01-{_uan_day(r)} {_uan_clock(r)}] {r.choice(('info', 'warning', 'error'))}: \t{namespace}: {s}"


def _frigate(r: random.Random, s: str) -> str:
    """Frigate's line as its container prints it: s6's timestamp, Frigate's own, the logger and the level."""
    clock = _uan_clock(r)[:6] + _uan_seconds(r, 9)
    day = _uan_day(r)
    logger = r.choice(("frigate.api.app", "frigate.genai", "frigate.comms.mqtt", "frigate.record.maintainer"))
    level = r.choice(("INFO", "WARNING", "ERROR"))
    return f"2026-01-{day} {clock}  [2026-01-{day} {clock[:8]}] {logger:<26} {level:<8}: {s}"


def _ntfy(r: random.Random, s: str) -> str:
    """ntfy's line: the date and time, the level, the message and its fields in parentheses (the visitor named by its
    user id)."""
    fields = (
        f"http_method={r.choice(('POST', 'PUT', 'GET'))}, http_path=/{r.choice(('berth-alerts', 'donor-sms', 'ops'))}, "
        f"tag={r.choice(('publish', 'subscribe', 'manager'))}, visitor_id=user:u_{_hex(r, 12)}"
    )
    return f"2026/01/{_uan_day(r)} {_uan_clock(r)} {r.choice(('INFO', 'WARN', 'DEBUG'))} {s} ({fields})"


def _vikunja(r: random.Random, s: str) -> str:
    """Vikunja's go-logging line: the time with its offset (no fraction), the level, ``▶``, the package and a short hex
    id."""
    offset = r.choice(("-04:00", "+00:00", "+03:00"))
    return (
        f"2026-01-{_uan_day(r)}T{_uan_clock(r)}{offset}: "
        f"{r.choice(('INFO', 'WARNING', 'ERROR'))}\t▶ {r.choice(('web/api', 'models', 'notifications', 'events'))} "
        f"{r.randrange(1, 4095):03x} {s}"
    )


def _wikijs(r: random.Random, s: str) -> str:
    """Wiki.js' line: the ISO time, the process in brackets and the level."""
    return (
        f"2026-01-{_uan_day(r)}T{_uan_clock(r)}.{r.randrange(0, 1000):03d}Z [{r.choice(('MASTER', 'JOB'))}] "
        f"{r.choice(('info', 'warn', 'error'))}: {s}"
    )


def _concourse(r: random.Random, s: str) -> str:
    """Concourse's lager JSON: the time, the level, the source, the message's dotted path and the error in
    ``data``."""
    record = {
        "timestamp": f"2026-01-{_uan_day(r)}T{_uan_clock(r)[:6]}{_uan_seconds(r, 9)}Z",
        "level": r.choice(("error", "info", "debug")),
        "source": r.choice(("atc", "worker", "web")),
        "message": r.choice(
            (
                "atc.pipelines.radar.scan-resource.failed",
                "atc.build.run.task.failed",
                "worker.garden.run.failed",
                "web.login.failed",
            )
        ),
        "data": {"error": s, "session": f"{r.randrange(1, 99)}.{r.randrange(1, 999)}"},
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


def _backstage(r: random.Random, s: str) -> str:
    """Backstage's backend line: the time, the plugin, the level, the message and ``type=plugin``."""
    plugin = r.choice(("catalog", "techdocs", "scaffolder", "auth", "search"))
    return f"2026-01-{_uan_day(r)}T{_uan_clock(r)}.{r.randrange(0, 1000):03d}Z {plugin} {r.choice(('info', 'warn', 'error'))} {s} type=plugin"  # noqa: E501


# ---------------------------------------------------------------------------- unbeknown shapes (written blind)
#
# The thirty-first split's line shapes, written by a twenty-fifth session that did not read the rules: Netdata's
# logfmt agent log, Gatus' ``[watchdog.execute]`` lines, Rspamd's ``#pid(process) <task>; module; function:`` lines,
# SearXNG's padded ``LEVEL logger: message`` debug format, Audiobookshelf's ``[time] LEVEL: [Component]`` lines,
# Kavita's Serilog file log with its thread id, Jellyseerr's winston ``[level][Label]:`` lines with their metadata,
# Mealie's ``LEVEL time - message``, qBittorrent's ``(N)``/``(W)`` log, FreshRSS' RFC 2822 time with ``---``,
# ZoneMinder's ``zmc_m3[pid].INF-file/line [message]`` and Calibre-Web's ``{module:line}`` lines. None adds an address,
# an e-mail, a card-like run that passes Luhn or a phone number of its own (ids are hex, UUIDs and short numbers; the
# fractions of seconds are drawn until they read as no phone number of the split's regions). Its clean lines are its
# own too (``_ubk_filler``): scans, requests, health checks, feed refreshes and upgrades with ISO times, request ids,
# durations, counts and four-part version numbers that read like addresses and are none.


def _ubk_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _ubk_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _ubk_frac(r: random.Random, n: int) -> str:
    """``n`` fractional digits of a second, drawn until they read as no phone number of the split's regions (Norfolk
    Island's numbers are six digits, Ascension's five, Tristan's four) and fail Luhn."""
    while True:
        digits = "".join(r.choice(string.digits) for _ in range(n))
        if v._ubk_no_phone(digits) and v._ubk_no_phone(digits.lstrip("0") or "0") and not v.luhn_ok(digits):
            return digits


def _ubk_seconds(r: random.Random, n: int) -> str:
    """The seconds and ``n`` fractional digits (``SS.fff``), drawn until neither the fraction nor the seconds with it
    read as a phone number of the split's regions (Ascension's and Saint Helena's numbers are five digits)."""
    while True:
        whole, frac = f"{r.randrange(0, 60):02d}", _ubk_frac(r, n)
        if v._ubk_no_phone(whole + frac) and v._ubk_no_phone((whole + frac).lstrip("0") or "0"):
            return f"{whole}.{frac}"


def _ubk_quote(s: str) -> str:
    """``s`` as a logfmt value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _netdata(r: random.Random, s: str) -> str:
    """Netdata's agent log in its logfmt: the time with milliseconds and offset, the command, the source, the level,
    the thread id and name, and the message quoted."""
    thread = r.choice(("WEB[2]", "HEALTH", "ACLK_SYNC", "PLUGINSD[go.d]", "DBENGINIT", "SERVICE"))
    return (
        f"time=2026-01-{_ubk_day(r)}T{_ubk_clock(r)[:6]}{_ubk_seconds(r, 3)}+00:00 comm=netdata "
        f"source={r.choice(('daemon', 'health', 'collector'))} level={r.choice(('info', 'warning', 'error'))} "
        f'tid={r.randrange(40, 999)} thread={thread} msg="{_ubk_quote(s)}"'
    )


def _gatus(r: random.Random, s: str) -> str:
    """Gatus' line: Go's log time, the function in brackets and the message (an endpoint's result or an alert)."""
    func = r.choice(
        ("watchdog.execute", "watchdog.handleAlertsToTrigger", "alerting.Send", "store.Insert", "api.Handle")
    )
    return f"2026/01/{_ubk_day(r)} {_ubk_clock(r)} [{func}] {s}"


def _rspamd(r: random.Random, s: str) -> str:
    """Rspamd's log line: the time, the process id and type, the task's short id in angle brackets, the module and
    the function."""
    proc = r.choice(("normal", "controller", "proxy", "main"))
    module, func = r.choice(
        (
            ("task", "rspamd_task_write_log"),
            ("lua", "lua_logger"),
            ("milter", "rspamd_milter_process_command"),
            ("cfg", "rspamd_config_read"),
        )
    )
    task = _hex_word(r, 6)
    return f"2026-01-{_ubk_day(r)} {_ubk_clock(r)} #{r.randrange(40, 999)}({proc}) <{task}>; {module}; {func}: {s}"


def _searxng(r: random.Random, s: str) -> str:
    """SearXNG's debug format as its container prints it (no time): the level padded to seven, the logger cut and
    padded to thirty, a colon and the message."""
    level = r.choice(("DEBUG", "INFO", "WARNING", "ERROR"))
    logger = r.choice(
        (
            "searx.webapp",
            "searx.engines.wikidata",
            "searx.search.processor.online",
            "searx.botdetection.link_token",
            "searx.network.client",
        )
    )
    return f"{level:<7} {logger:<30.30}: {s}"


def _audiobookshelf(r: random.Random, s: str) -> str:
    """Audiobookshelf's server line: the time with milliseconds in brackets, the level and the component."""
    component = r.choice(("Server", "Database", "LibraryScanner", "PodcastManager", "Auth", "Watcher"))
    level = r.choice(("INFO", "DEBUG", "WARN", "ERROR"))
    return f"[2026-01-{_ubk_day(r)} {_ubk_clock(r)[:6]}{_ubk_seconds(r, 3)}] {level}: [{component}] {s}"


def _kavita(r: random.Random, s: str) -> str:
    """Kavita's file log (Serilog): the app in brackets, the time with milliseconds, offset and thread id, the level
    spelled out, the source context and the message."""
    context = r.choice(
        (
            "Kavita.Server.Services.TaskScheduler",
            "API.Services.ReadingItemService",
            "API.Controllers.AccountController",
            "API.Services.Plus.ScrobblingService",
        )
    )
    level = r.choice(("Information", "Warning", "Error", "Debug"))
    return (
        f"[Kavita] [2026-01-{_ubk_day(r)} {_ubk_clock(r)[:6]}{_ubk_seconds(r, 3)} +00:00  {r.randrange(1, 60)}] "
        f"[{level}] {context} {s}"
    )


def _jellyseerr(r: random.Random, s: str) -> str:
    """Jellyseerr's (Overseerr's) winston line: the ISO time, ``[level][Label]:``, the message and, now and then, its
    metadata as JSON."""
    label = r.choice(("Notifications", "Jobs", "API", "Jellyfin API", "Auth"))
    meta = ""
    if r.random() < 0.4:
        meta = " " + json.dumps({"label": label, "requestId": r.randrange(10, 999)})
    level = r.choice(("info", "warn", "error", "debug"))
    return f"2026-01-{_ubk_day(r)}T{_ubk_clock(r)[:6]}{_ubk_seconds(r, 3)}Z [{level}][{label}]: {s}{meta}"


def _mealie(r: random.Random, s: str) -> str:
    """Mealie's line: the level padded to eight, the time (no fraction), a dash and the message."""
    return f"{r.choice(('INFO', 'WARNING', 'ERROR', 'DEBUG')):<8} 2026-01-{_ubk_day(r)}T{_ubk_clock(r)} - {s}"


def _qbittorrent(r: random.Random, s: str) -> str:
    """qBittorrent's log: the message type in parentheses (normal, info, warning, critical), the time and the
    message."""
    return f"({r.choice('NIWC')}) 2026-01-{_ubk_day(r)}T{_ubk_clock(r)} - {s}"


def _freshrss(r: random.Random, s: str) -> str:
    """FreshRSS' log line: the RFC 2822 time in brackets (January 2026 began on a Thursday), the level and ``---``."""
    day = _ubk_day(r)
    weekday = ("Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed")[(day - 1) % 7]
    level = r.choice(("notice", "warning", "error", "debug"))
    return f"[{weekday}, {day} Jan 2026 {_ubk_clock(r)} +0000] [{level}] --- {s}"


def _zoneminder(r: random.Random, s: str) -> str:
    """ZoneMinder's log: the date as mm/dd/yy, the time with microseconds, the process and its pid, the level code,
    the source file and line, the message in brackets."""
    proc = r.choice(("zmc_m3", "zma_m1", "zmdc", "zmfilter", "zms_m2"))
    code = r.choice(("INF", "WAR", "ERR", "DB1"))
    src = r.choice(("zm_monitor.cpp", "zm_ffmpeg_camera.cpp", "zm_event.cpp", "zmdc.pl", "zmfilter.pl"))
    return (
        f"01/{_ubk_day(r)}/26 {_ubk_clock(r)[:6]}{_ubk_seconds(r, 6)} {proc}[{r.randrange(40, 999)}].{code}-{src}/"
        f"{r.randrange(100, 999)} [{s}]"
    )


def _calibreweb(r: random.Random, s: str) -> str:
    """Calibre-Web's line: the time with milliseconds after a comma in brackets, the level right-aligned to five and
    the module and line in braces."""
    name = r.choice(("cps.web", "cps.server", "cps.admin", "cps.kobo", "cps.updater"))
    level = r.choice(("INFO", "DEBUG", "WARN", "ERROR"))
    when = f"2026-01-{_ubk_day(r)} {_ubk_clock(r)[:6]}{_ubk_seconds(r, 3).replace('.', ',')}"
    return f"[{when}] {level:>5} {{{name}:{r.randrange(100, 999)}}} {s}"


_UBK_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"scan finished library={r.choice(('Tours', 'Manifests', 'Audiobooks'))} items={r.randrange(10, 999)} "
        f"added={r.randrange(0, 40)} took={r.randrange(1, 60)}.{r.randrange(0, 10)}s"
    ),
    lambda r: (
        f"request_id={_uan_rid(r)} method={r.choice(('GET', 'POST'))} path={_path(r)} "
        f"status={r.choice((200, 201, 204, 304))} duration={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"upgraded to v{r.randrange(0, 5)}.{r.randrange(0, 20)}.{r.randrange(0, 12)}.{r.randrange(0, 60)} "
        f"(commit {_hex(r, 7)}), schema migrations {r.randrange(1, 9)}/{r.randrange(9, 20)} applied"
    ),
    lambda r: (
        f"endpoint=booking-api group=core success=true errors=0 duration={r.randrange(20, 900)}ms "
        f"conditions=[STATUS] == 200, [RESPONSE_TIME] < 1000"
    ),
    lambda r: (
        f"feed refresh done feeds={r.randrange(5, 300)} new_entries={r.randrange(0, 99)} "
        f"next_run=2026-01-{_ubk_day(r)}T{_ubk_clock(r)}Z"
    ),
    lambda r: (
        f"cache stats hit_ratio=0.{r.randrange(10, 99)} entries={r.randrange(10, 999)} evicted={r.randrange(0, 99)} "
        f"mem={r.randrange(2, 512)}MiB"
    ),
    lambda r: f"worker {r.randrange(1, 9)}/{r.randrange(9, 17)} idle since 2026-01-{_ubk_day(r)}T{_ubk_clock(r)}Z",
    lambda r: (
        f"job id={_hex(r, 12)} kind={r.choice(('thumbnail', 'metadata', 'backup'))} state=done "
        f"attempt={r.randrange(1, 4)} took={r.randrange(1, 900)}ms"
    ),
)


def _ubk_filler(r: random.Random) -> str:
    """A clean line of the unbeknown split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unbeknown"])(r, r.choice(_UBK_FILLER)(r))


# ---------------------------------------------------------------------------- unreported shapes (written blind)
#
# The thirty-second split's line shapes, written by a twenty-sixth session that did not read the rules: the Gitea
# Actions runner's (act_runner's) logrus text lines, Semaphore UI's task output records, Umami's ``debug`` lines,
# Baserow's loguru lines, NocoDB's NestJS logger, Budibase's pino JSON, Huginn's Ruby ``Logger`` lines, Cal.com's tslog
# lines, Flagsmith's structlog console, GlitchTip's Django logging, Mautic's Monolog lines and Firefly III's Laravel
# log. None adds an address, an e-mail, a card-like run that passes Luhn or a phone number of its own (ids are hex,
# UUIDs and numbers of at most three digits; fractions of seconds and epoch milliseconds are drawn until they read as no
# phone number of the split's regions: Tokelau's numbers have four digits, the Cook Islands' five, Saint Pierre's six).
# Its clean lines are its own too (``_urp_filler``): syncs, jobs, webhooks, migrations and health checks.


def _urp_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _urp_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _urp_frac(r: random.Random, n: int) -> str:
    """``n`` fractional digits of a second, drawn until they read as no phone number of the split's regions and fail
    Luhn."""
    while True:
        digits = "".join(r.choice(string.digits) for _ in range(n))
        if v._urp_no_phone(digits) and v._urp_no_phone(digits.lstrip("0") or "0") and not v.luhn_ok(digits):
            return digits


def _urp_seconds(r: random.Random, n: int) -> str:
    """The seconds and ``n`` fractional digits (``SS.fff``), drawn until neither the fraction nor the seconds with it
    read as a phone number of the split's regions."""
    while True:
        whole, frac = f"{r.randrange(0, 60):02d}", _urp_frac(r, n)
        if v._urp_no_phone(whole + frac) and v._urp_no_phone((whole + frac).lstrip("0") or "0"):
            return f"{whole}.{frac}"


def _urp_millis(r: random.Random) -> int:
    """Epoch milliseconds in early February 2026, drawn until no run of them passes Luhn and none reads as a phone."""
    while True:
        millis = 1_770_100_000_000 + r.randrange(10**9)
        if not v._urm_luhn_windows(str(millis)) and v._urp_no_phone(str(millis)):
            return millis


def _urp_rid(r: random.Random) -> str:
    """A request's UUID with no run of digits across its dashes (no run that reads as a card or a phone)."""
    while True:
        rid = str(uuid.UUID(int=r.getrandbits(128), version=4))
        if not re.search(r"\d{3}-\d{3}", rid) and not any(group.isdigit() for group in rid.split("-")):
            return rid


def _urp_quote(s: str) -> str:
    """``s`` as a logfmt/logrus quoted value: backslashes, quotes and newlines escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _act_runner(r: random.Random, s: str) -> str:
    """The Gitea Actions runner's (act_runner's) logrus text line: the quoted time, the level, the quoted message and
    its fields in order (the job and the task)."""
    job = r.choice(("deploy.yml/build", "ci.yml/test", "release.yml/publish", "nightly.yml/backup"))
    return (
        f'time="2026-02-{_urp_day(r)}T{_urp_clock(r)}Z" level={r.choice(("info", "warning", "error", "debug"))} '
        f'msg="{_urp_quote(s)}" job={job} task={r.randrange(10, 999)}'
    )


def _semaphore(r: random.Random, s: str) -> str:
    """Semaphore UI's task output record as its API returns it: the task, the time with nanoseconds and the line."""
    when = f"2026-02-{_urp_day(r)}T{_urp_clock(r)[:6]}{_urp_seconds(r, 9)}Z"
    return json.dumps({"task_id": r.randrange(10, 999), "time": when, "output": s}, ensure_ascii=False)


def _umami(r: random.Random, s: str) -> str:
    """Umami's ``debug`` line as the module prints it off a terminal: the ISO time, the namespace and the message."""
    ns = r.choice(("umami:prisma", "umami:clickhouse", "umami:auth", "umami:middleware", "umami:kafka"))
    return f"2026-02-{_urp_day(r)}T{_urp_clock(r)[:6]}{_urp_seconds(r, 3)}Z {ns} {s}"


def _baserow(r: random.Random, s: str) -> str:
    """Baserow's loguru line: the time with milliseconds, the level padded to eight, the module, function and line."""
    where = r.choice(
        (
            "baserow.core.jobs.tasks:run_async_job",
            "baserow.contrib.database.webhooks.tasks:call_webhook",
            "baserow.core.action.handler:register_action",
            "baserow.contrib.integrations.core.service_types:dispatch_data",
        )
    )
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    when = f"2026-02-{_urp_day(r)} {_urp_clock(r)[:6]}{_urp_seconds(r, 3)}"
    return f"{when} | {level:<8} | {where}:{r.randrange(20, 999)} - {s}"


def _nocodb(r: random.Random, s: str) -> str:
    """NocoDB's NestJS logger line: the pid, the US-style local time, the level right-aligned and the context."""
    hour = r.randrange(1, 13)
    level = r.choice(("LOG", "WARN", "ERROR", "DEBUG"))
    context = r.choice(("JobsService", "HooksService", "DataV3Service", "AuthService", "SyncService"))
    return (
        f"[Nest] {r.randrange(1, 99)}  - 2/{_urp_day(r)}/2026, {hour}:{r.randrange(0, 60):02d}:"
        f"{r.randrange(0, 60):02d} {r.choice(('AM', 'PM'))} {level:>7} [{context}] {s}"
    )


def _budibase(r: random.Random, s: str) -> str:
    """Budibase's pino JSON line: the numeric level, epoch milliseconds, the pid and host, the tenant and app."""
    record = {"level": r.choice((30, 40, 50)), "time": _urp_millis(r), "pid": r.randrange(1, 99),
              "hostname": f"budibase-apps-{_hex_word(r, 6)}", "tenantId": "default",
              "appId": f"app_{_hex_word(r, 32)}", "msg": s}  # fmt: skip
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _huginn(r: random.Random, s: str) -> str:
    """Huginn's Ruby ``Logger`` line: the level's letter, the time with microseconds and the pid, the level padded and
    ``--`` with the program name (the agent runner's)."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    prog = r.choice(("", "AgentRunner", "DelayedJob"))
    when = f"2026-02-{_urp_day(r)}T{_urp_clock(r)[:6]}{_urp_seconds(r, 6)}"
    return f"{level[0]}, [{when} #{r.randrange(1, 99)}] {level:>5} -- {prog}: {s}"


def _calcom(r: random.Random, s: str) -> str:
    """Cal.com's tslog line: the time with milliseconds, the level and the logger's prefixes in brackets."""
    prefix = r.choice(("[handleNewBooking]", "[getUserAvailability]", "[app/api/cron/webhooks]", "[[tasker]]"))
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    return f"{level}\t2026-02-{_urp_day(r)} {_urp_clock(r)[:6]}{_urp_seconds(r, 3)}\t{prefix} {s}"


def _flagsmith(r: random.Random, s: str) -> str:
    """Flagsmith's structlog console line: the ISO time with microseconds, the level padded in brackets, the event,
    the logger in brackets and a key-value pair."""
    level = r.choice(("info", "warning", "error", "debug"))
    logger = r.choice(("environments.sdk", "features.workflows", "integrations.webhooks", "task_processor"))
    return (
        f"2026-02-{_urp_day(r)}T{_urp_clock(r)[:6]}{_urp_seconds(r, 6)}Z [{level:<9}] {s} [{logger}] "
        f"environment_id={r.randrange(1, 99)}"
    )


def _glitchtip(r: random.Random, s: str) -> str:
    """GlitchTip's Django logging line: the time with a comma before the milliseconds, the level and the logger."""
    logger = r.choice(("apps.event_ingest.process_event", "apps.alerts.tasks", "glitchtip.uptime.tasks", "apps.api"))
    when = f"2026-02-{_urp_day(r)} {_urp_clock(r)[:6]}{_urp_seconds(r, 3).replace('.', ',')}"
    return f"{when} {r.choice(('INFO', 'WARNING', 'ERROR'))} [{logger}] {s}"


def _mautic(r: random.Random, s: str) -> str:
    """Mautic's Monolog line: the time in brackets, ``mautic.`` and the level, the message and empty context and
    extra."""
    level = r.choice(("NOTICE", "WARNING", "ERROR", "DEBUG", "INFO"))
    return f"[2026-02-{_urp_day(r)} {_urp_clock(r)}] mautic.{level}: {s} [] []"


def _firefly(r: random.Random, s: str) -> str:
    """Firefly III's Laravel log line: the time in brackets (Laravel's ``Y-m-d H:i:s``), ``production.`` and the
    level, the message and the context (the user's id or nothing)."""
    level = r.choice(("INFO", "DEBUG", "WARNING", "ERROR"))
    context = r.choice(("[] []", "[] []", f'{{"user_id":{r.randrange(1, 9)}}} []'))
    return f"[2026-02-{_urp_day(r)} {_urp_clock(r)}] production.{level}: {s} {context}"


_URP_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"sync finished table={r.choice(('bookings', 'donors', 'appointments', 'playlists'))} "
        f"rows={r.randrange(10, 999)} inserted={r.randrange(0, 99)} took={r.randrange(1, 60)}.{r.randrange(0, 10)}s"
    ),
    lambda r: (
        f"request_id={_urp_rid(r)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/v1/{r.choice(('rows', 'events', 'tasks'))}/{_hex_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} duration={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"migrated to v{r.randrange(1, 5)}.{r.randrange(0, 20)}.{r.randrange(0, 12)}.{r.randrange(0, 60)} "
        f"(commit {_hex_word(r, 7)}), {r.randrange(1, 9)} of {r.randrange(9, 20)} migrations applied"
    ),
    lambda r: (
        f"webhook delivered hook={_hex_word(r, 10)} attempt={r.randrange(1, 4)} status={r.choice((200, 202, 204))} "
        f"latency={r.randrange(20, 900)}ms"
    ),
    lambda r: (
        f"health check ok db={r.randrange(1, 90)}ms redis={r.randrange(1, 40)}ms queue_depth={r.randrange(0, 99)}"
    ),
    lambda r: (
        f"job {_hex_word(r, 12)} kind={r.choice(('export', 'thumbnail', 'reminder', 'digest'))} state=done "
        f"attempt={r.randrange(1, 4)} took={r.randrange(1, 900)}ms"
    ),
    lambda r: f"scheduler tick: {r.randrange(0, 40)} due, {r.randrange(0, 9)} skipped, next in {r.randrange(5, 60)}s",
    lambda r: (
        f"cache warmed keys={r.randrange(10, 999)} hit_ratio=0.{r.randrange(10, 99)} mem={r.randrange(2, 512)}MiB "
        f"since 2026-02-{_urp_day(r)}T{_urp_clock(r)}Z"
    ),
)


def _urp_filler(r: random.Random) -> str:
    """A clean line of the unreported split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unreported"])(r, r.choice(_URP_FILLER)(r))


# ---------------------------------------------------------------------------- uncharted shapes (written blind)
#
# The thirty-third split's line shapes, written by a twenty-seventh session that did not read the rules: Gotenberg's
# zap console lines, Penpot's backend log lines, HedgeDoc's winston lines, Healthchecks.io's ``sendalerts`` output
# through Python's default logging format, Typebot's pino-pretty lines, Formbricks' pino JSON with level labels,
# NetBox's RQ worker lines, Argilla's rich console lines, Karakeep's winston lines with their tags, Tandoor's gunicorn
# error log, CapRover's console lines and Unkey's Go ``slog`` JSON. None adds an address, an e-mail, a card-like run
# that passes Luhn or a phone number of its own (ids are hex and UUIDs, numbers have at most three digits, fractions of
# seconds are drawn until they read as no phone number of the split's regions; epoch seconds are never written by these
# shapes: ten digits from ``177`` are a Bangladeshi mobile nationally). Its clean lines are its own too
# (``_unc_filler``): conversions, renders, bookmarks, pings, recipe imports and rate-limit checks.


def _unc_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _unc_day(r: random.Random) -> int:
    return r.randrange(10, 28)


def _unc_frac(r: random.Random, n: int) -> str:
    """``n`` fractional digits of a second, drawn until they read as no phone number of the split's regions and fail
    Luhn."""
    while True:
        digits = "".join(r.choice(string.digits) for _ in range(n))
        if v._unc_no_phone(digits) and v._unc_no_phone(digits.lstrip("0") or "0") and not v.luhn_ok(digits):
            return digits


def _unc_seconds(r: random.Random, n: int) -> str:
    """The seconds and ``n`` fractional digits (``SS.fff``), drawn until neither the fraction nor the seconds with it
    read as a phone number of the split's regions."""
    while True:
        whole, frac = f"{r.randrange(0, 60):02d}", _unc_frac(r, n)
        if v._unc_no_phone(whole + frac) and v._unc_no_phone((whole + frac).lstrip("0") or "0"):
            return f"{whole}.{frac}"


def _unc_hex_word(r: random.Random, n: int) -> str:
    """``n`` hex digits with a letter among them and no run of four decimal digits (which could read as a number)."""
    while True:
        word = _hex(r, n)
        if not any(word[i : i + 4].isdigit() for i in range(max(1, n - 3))):
            return word


def _gotenberg(r: random.Random, s: str) -> str:
    """Gotenberg's zap console line: the ISO time with milliseconds, the level, the logger, the message and the trace
    field in JSON."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    logger = r.choice(("api", "chromium", "libreoffice", "pdfengines", "webhook"))
    when = f"2026-02-{_unc_day(r)}T{_unc_clock(r)[:6]}{_unc_seconds(r, 3)}Z"
    return f'{when}\t{level}\t{logger}\t{s}\t{{"trace": "{_urp_rid(r)}"}}'


def _penpot(r: random.Random, s: str) -> str:
    """Penpot's backend log line: the level, the time in brackets, the namespace and the message with its hint."""
    level = r.choice(("INF", "WRN", "ERR", "DBG"))
    ns = r.choice(("app.rpc", "app.http.access", "app.worker", "app.media", "app.loggers.webhooks"))
    return f"{level} [2026-02-{_unc_day(r)} {_unc_clock(r)[:6]}{_unc_seconds(r, 3)}] {ns} - {s}"


def _hedgedoc(r: random.Random, s: str) -> str:
    """HedgeDoc's winston line: the ISO time, a dash, the level and the message."""
    level = r.choice(("info", "warn", "error", "debug"))
    return f"2026-02-{_unc_day(r)}T{_unc_clock(r)[:6]}{_unc_seconds(r, 3)}Z - {level}: {s}"


def _healthchecks(r: random.Random, s: str) -> str:
    """Healthchecks.io's ``manage.py sendalerts`` output through Python's default logging format."""
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    logger = r.choice(("hc.api.management.commands.sendalerts", "hc.api.models", "hc.front.views", "hc.accounts"))
    return f"{level}:{logger}:{s}"


def _typebot(r: random.Random, s: str) -> str:
    """Typebot's pino-pretty line: the clock with milliseconds in brackets, the level, the app and pid, the message."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    app = r.choice(("typebot-viewer", "typebot-builder"))
    return f"[{_unc_clock(r)[:6]}{_unc_seconds(r, 3)}] {level} ({app}/{r.randrange(1, 99)}): {s}"


def _formbricks(r: random.Random, s: str) -> str:
    """Formbricks' pino JSON line with level labels and an ISO time."""
    record = {"level": r.choice(("info", "warn", "error", "debug")),
              "time": f"2026-02-{_unc_day(r)}T{_unc_clock(r)[:6]}{_unc_seconds(r, 3)}Z",
              "name": "formbricks", "environmentId": v.rand(r, "abcdefghijklmnopqrstuvwxyz", 25), "msg": s}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _netbox(r: random.Random, s: str) -> str:
    """NetBox's RQ worker line: the clock, the queue and the message."""
    queue = r.choice(("default", "high", "low"))
    return f"{_unc_clock(r)} {queue}: {s}"


def _argilla(r: random.Random, s: str) -> str:
    """Argilla's rich console line: the local date and time in brackets, the level padded and the source file."""
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    where = r.choice(("datasets.py", "records.py", "search_engine.py", "jobs.py"))
    return f"[02/{_unc_day(r)}/26 {_unc_clock(r)}] {level:<8} {s}    {where}:{r.randrange(20, 999)}"


def _karakeep(r: random.Random, s: str) -> str:
    """Karakeep's winston line: the ISO time, the level and the worker's tag with the job's number."""
    tag = r.choice(("[Crawler]", "[inference]", "[search]", "[assets]", "[feed]"))
    return (
        f"2026-02-{_unc_day(r)}T{_unc_clock(r)[:6]}{_unc_seconds(r, 3)}Z {r.choice(('info', 'warn', 'error'))}: "
        f"{tag}[{r.randrange(1, 999)}] {s}"
    )


def _tandoor(r: random.Random, s: str) -> str:
    """Tandoor's gunicorn error log line: the time with its offset in brackets, the pid and the level."""
    offset = r.choice(("+0000", "+0100", "+0800", "+0700"))
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    return f"[2026-02-{_unc_day(r)} {_unc_clock(r)} {offset}] [{r.randrange(7, 99)}] [{level}] {s}"


def _caprover(r: random.Random, s: str) -> str:
    """CapRover's console line: the month, day, year and time with milliseconds, and the message."""
    return f"Feb {_unc_day(r)} 2026 {_unc_clock(r)[:6]}{_unc_seconds(r, 3)} {s}"


def _unkey(r: random.Random, s: str) -> str:
    """Unkey's Go ``slog`` JSON line: the time with nanoseconds and offset, the level, the message and the service."""
    record = {"time": f"2026-02-{_unc_day(r)}T{_unc_clock(r)[:6]}{_unc_seconds(r, 9)}Z",
              "level": r.choice(("INFO", "WARN", "ERROR", "DEBUG")), "msg": s,
              "service": r.choice(("api", "agent", "vault")), "requestId": "req_" + _unc_hex_word(r, 16)}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


_UNC_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"converted {r.choice(('invoice', 'contract', 'quote', 'manifest'))}.{r.choice(('docx', 'html', 'xlsx'))} "
        f"to pdf pages={r.randrange(1, 40)} took={r.randrange(20, 900)}ms"
    ),
    lambda r: (
        f"request_id={_urp_rid(r)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/v1/{r.choice(('bookmarks', 'forms', 'recipes', 'devices'))}/{_unc_hex_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} duration={r.randrange(1, 900)}ms"
    ),
    lambda r: f"ping received check={_unc_hex_word(r, 8)} status=up grace={r.randrange(1, 60)}m",
    lambda r: (
        f"render queued file={_unc_hex_word(r, 10)} page={r.randrange(1, 99)} of {r.randrange(1, 99)} "
        f"thumbnails={r.randrange(0, 40)}"
    ),
    lambda r: f"recipe import done source={r.choice(('url', 'json', 'paprika'))} steps={r.randrange(1, 30)}",
    lambda r: f"ratelimit ok identifier={_unc_hex_word(r, 12)} remaining={r.randrange(0, 999)} window=60s",
    lambda r: (
        f"crawled bookmark {_unc_hex_word(r, 10)} in {r.randrange(1, 60)}.{r.randrange(0, 10)}s "
        f"({r.randrange(1, 900)} kB, {r.randrange(0, 40)} images)"
    ),
    lambda r: f"worker heartbeat queue={r.choice(('default', 'high'))} jobs={r.randrange(0, 99)} idle",
)


def _unc_filler(r: random.Random) -> str:
    """A clean line of the uncharted split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["uncharted"])(r, r.choice(_UNC_FILLER)(r))


# ---------------------------------------------------------------------------- untrodden shapes (written blind)
#
# The thirty-fourth split's line shapes, written by a twenty-eighth session that did not read the rules: Medusa's
# winston console lines, Trigger.dev's JSON run logs, PocketBase's console lines, Saleor's structlog JSON, Activepieces'
# pino JSON, a FortiGate's key=value syslog, RStudio Server's log lines, Quarkus' console format, Symfony's Monolog
# lines and Azure App Service's container log lines. None adds an address, an e-mail, a card-like run that passes Luhn
# or a phone number of its own (ids are hex and UUIDs, fractions of seconds and FortiGate log ids are drawn until they
# read as no phone number of the split's regions and fail Luhn). Its clean lines are its own too (``_utd_filler``):
# flight slots, roast batches, cooking classes, deliveries and sync runs.


def _utd_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _utd_day(r: random.Random) -> int:
    return r.randrange(10, 28)


@functools.cache
def _utd_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the untrodden split's regions and neither passes Luhn
    (checking every drawn time with libphonenumber would make the split slow to build)."""
    regions = ("VN", "TH", "TR", "SA", "AR", "CO", "KE", "ZA")
    rnd = random.Random(9811 + n)
    pool: list[str] = []
    while len(pool) < 96:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v.untrodden_no_phone_in(t, regions) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


@functools.cache
def _utd_logid_pool() -> tuple[str, ...]:
    """FortiGate log ids (ten digits from ``01``; a device writes a few dozen event types), checked once per process
    with a fixed seed to read as no phone number of the untrodden split's regions and to fail Luhn."""
    regions = ("VN", "TH", "TR", "SA", "AR", "CO", "KE", "ZA")
    rnd = random.Random(9811)
    pool: list[str] = []
    while len(pool) < 40:
        digits = "01" + "".join(rnd.choice(string.digits) for _ in range(8))
        if (
            v.untrodden_no_phone_in(digits, regions)
            and v.untrodden_no_phone_in(digits[1:], regions)
            and not v.luhn_ok(digits)
        ):
            pool.append(digits)
    return tuple(pool)


def _utd_seconds(r: random.Random, n: int) -> str:
    """The seconds and ``n`` fractional digits (``SS.fff``), drawn from ``_utd_fraction_pool``."""
    return r.choice(_utd_fraction_pool(n))


def _utd_word(r: random.Random, n: int) -> str:
    return v._utd_word(r, n)


def _medusa(r: random.Random, s: str) -> str:
    """Medusa v2's winston console line: the level padded, the message."""
    level = r.choice(("info", "warn", "error", "debug"))
    return f"{level + ':':<9}{s}"


def _triggerdev(r: random.Random, s: str) -> str:
    """A Trigger.dev run's log entry as the dashboard exports it (JSON)."""
    record = {"timestamp": f"2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 3)}Z",
              "level": r.choice(("INFO", "WARN", "ERROR", "DEBUG")), "message": s,
              "runId": "run_" + v.rand(r, string.ascii_lowercase + string.digits, 24),
              "taskIdentifier": r.choice(("send-receipt", "sync-prices", "roast-report", "slot-reminder"))}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _pocketbase(r: random.Random, s: str) -> str:
    """PocketBase's console line: the date and time, the level and the message."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    return f"2026/03/{_utd_day(r)} {_utd_clock(r)} {level} {s}"


def _saleor(r: random.Random, s: str) -> str:
    """Saleor's structlog JSON line."""
    record = {"event": s, "level": r.choice(("info", "warning", "error", "debug")),
              "logger": r.choice(("saleor.core", "saleor.checkout", "saleor.webhook", "saleor.payment")),
              "timestamp": f"2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 6)}Z"}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _activepieces(r: random.Random, s: str) -> str:
    """Activepieces' pino JSON line (numeric levels, an ISO time)."""
    record = {"level": r.choice((30, 40, 50, 20)),
              "time": f"2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 3)}Z",
              "msg": s, "flowRunId": v.rand(r, string.ascii_letters + string.digits, 21)}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _fortigate(r: random.Random, s: str) -> str:
    """A FortiGate's syslog in key=value pairs (the message in ``msg``)."""
    logid = r.choice(_utd_logid_pool())
    return (
        f'date=2026-03-{_utd_day(r)} time={_utd_clock(r)} devname="FGT-GOREME" logid="{logid}" type="event" '
        f'subtype="{r.choice(("system", "vpn", "user"))}" level="{r.choice(("information", "notice", "warning"))}" '
        f'msg="{s}"'
    )


def _rstudio(r: random.Random, s: str) -> str:
    """RStudio Server's log line: the ISO time, the process in brackets, the level and the message."""
    proc = r.choice(("rserver", "rsession-guide", "rworkspaces"))
    when = f"2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 3)}Z"
    return f"{when} [{proc}] {r.choice(('INFO', 'WARNING', 'ERROR'))} {s}"


def _quarkus(r: random.Random, s: str) -> str:
    """Quarkus' console format: the time with a comma before the milliseconds, the level, the category and thread."""
    cat = r.choice(("io.quarkus", "org.acme.flights", "io.quarkus.security", "org.hibernate"))
    seconds = _utd_seconds(r, 3).replace(".", ",")
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    return (
        f"2026-03-{_utd_day(r)} {_utd_clock(r)[:6]}{seconds} {level} [{cat}] (executor-thread-{r.randrange(1, 9)}) {s}"
    )


def _symfony(r: random.Random, s: str) -> str:
    """Symfony's Monolog line: the time with microseconds and offset in brackets, the channel and level, the context."""
    offset = r.choice(("+03:00", "+07:00", "-03:00", "-05:00", "+02:00"))
    channel = r.choice(("request", "app", "security", "doctrine"))
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    return f"[2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 6)}{offset}] {channel}.{level}: {s} [] []"


def _appservice(r: random.Random, s: str) -> str:
    """Azure App Service's container log line: the ISO time, the level and the message."""
    return (
        f"2026-03-{_utd_day(r)}T{_utd_clock(r)[:6]}{_utd_seconds(r, 7)}Z {r.choice(('INFO ', 'WARN ', 'ERROR'))} - {s}"
    )


_UTD_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"slot {r.choice(('sunrise', 'morning', 'private'))} basket={r.randrange(1, 12)} "
        f"passengers={r.randrange(1, 28)} status={r.choice(('confirmed', 'waitlist', 'weather-hold'))}"
    ),
    lambda r: (
        f"roast batch {_utd_word(r, 8)} origin={r.choice(('Huila', 'Nariño', 'Cauca', 'Tolima'))} "
        f"weight={r.randrange(5, 60)}kg profile={r.choice(('light', 'medium', 'espresso'))}"
    ),
    lambda r: (
        f"class {r.choice(('green curry', 'pad thai', 'khao soi', 'som tam'))} seats={r.randrange(0, 14)} "
        f"of 14 market_tour={r.choice(('yes', 'no'))}"
    ),
    lambda r: (
        f"request_id={_utd_word(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/store/{r.choice(('carts', 'orders', 'products', 'regions'))}/{_utd_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"price sync done products={r.randrange(1, 400)} changed={r.randrange(0, 40)} "
        f"currency={r.choice(('COP', 'TRY', 'THB', 'SAR'))}"
    ),
    lambda r: (
        f"webhook queued event={r.choice(('order.placed', 'payment.captured', 'slot.cancelled'))} "
        f"attempt={r.randrange(1, 5)}"
    ),
    lambda r: (
        f"weather check wind={r.randrange(2, 19)}kt visibility={r.randrange(2, 10)}km "
        f"decision={r.choice(('go', 'hold'))}"
    ),
    lambda r: f"session refreshed user={_utd_word(r, 10)} ttl={r.randrange(5, 60)}m",
)


def _utd_filler(r: random.Random) -> str:
    """A clean line of the untrodden split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["untrodden"])(r, r.choice(_UTD_FILLER)(r))


# ---------------------------------------------------------------------------- unvisited shapes (written blind)
#
# The thirty-fifth split's line shapes, written by a twenty-ninth session that did not read the rules: Elixir Logger
# lines of Oban jobs, MLflow's gunicorn lines, CrewAI's logger, Magento's Monolog lines, Cloud Run's structured JSON,
# Netlify Functions' dashboard lines, Dramatiq workers, Hangfire's Serilog lines, Redpanda Connect's and Grafana Alloy's
# logfmt. None adds an address, an e-mail, a card-like run that passes Luhn or a phone number of
# its own (fractions of seconds are drawn from a pool checked once to read as no phone number of the split's regions
# and to fail Luhn; ids are hex and UUIDs). Its clean lines are its own too (``_uvs_filler``): farm-stay check-ins,
# sauna slots, durian pre-orders, ClickHouse merges and sync runs.

_UVS_REGIONS = ("IT", "ES", "PL", "NL", "SE", "MY", "NZ", "IE")


def _uvs_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uvs_day(r: random.Random) -> int:
    return r.randrange(10, 28)


@functools.cache
def _uvs_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unvisited split's regions and neither passes Luhn."""
    rnd = random.Random(9857 + n)
    pool: list[str] = []
    while len(pool) < 96:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v.untrodden_no_phone_in(t, _UVS_REGIONS) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _uvs_seconds(r: random.Random, n: int) -> str:
    return r.choice(_uvs_fraction_pool(n))


def _uvs_word(r: random.Random, n: int) -> str:
    return v._uvs_word(r, n)


def _hex32(r: random.Random) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(32))


def _uvs_oban(r: random.Random, s: str) -> str:
    """An Elixir Logger line from an Oban job: the time with milliseconds, the level in brackets, the metadata after."""
    seconds = _uvs_seconds(r, 3)
    worker = r.choice(("Farm.Workers.SyncChannels", "Farm.Workers.SendReminder", "Farm.Workers.ExportBookings"))
    return (
        f"{_uvs_clock(r)[:6]}{seconds} [{r.choice(('info', 'warning', 'error', 'debug'))}] {s} "
        f"worker={worker} queue={r.choice(('default', 'mailers', 'exports'))} attempt={r.randrange(1, 5)}"
    )


def _uvs_hangfire(r: random.Random, s: str) -> str:
    """A Hangfire server's line (.NET, Serilog's default output template): the time with its offset, the level's
    three letters in brackets, the source context."""
    seconds = _uvs_seconds(r, 3)
    return (
        f"2026-04-{_uvs_day(r)} {_uvs_clock(r)[:6]}{seconds} +02:00 [{r.choice(('INF', 'WRN', 'ERR', 'DBG'))}] "
        f"{r.choice(('Hangfire.Server.Worker', 'Sauna.Jobs.SlotReminder', 'Sauna.Jobs.KlarnaCapture'))}: {s}"
    )


def _mlflow(r: random.Random, s: str) -> str:
    """MLflow tracking server's gunicorn line: the time with its offset, the worker's pid, the level."""
    offset = r.choice(("+0200", "+0100", "+0800", "+1200", "+0000"))
    level = r.choice(("INFO", "WARNING", "ERROR", "DEBUG"))
    return f"[2026-04-{_uvs_day(r)} {_uvs_clock(r)} {offset}] [{r.randrange(10, 999)}] [{level}] {s}"


def _crewai(r: random.Random, s: str) -> str:
    """CrewAI's logger line: the time and the level in brackets."""
    return f"[2026-04-{_uvs_day(r)} {_uvs_clock(r)}][{r.choice(('INFO', 'WARNING', 'ERROR', 'DEBUG'))}]: {s}"


def _magento(r: random.Random, s: str) -> str:
    """Magento's Monolog line (``var/log/system.log``): the time with microseconds, ``main.LEVEL``, empty context."""
    level = r.choice(("INFO", "WARNING", "ERROR", "CRITICAL", "DEBUG"))
    return f"[2026-04-{_uvs_day(r)}T{_uvs_clock(r)[:6]}{_uvs_seconds(r, 6)}+00:00] main.{level}: {s} [] []"


def _uvs_cloud_run(r: random.Random, s: str) -> str:
    """A Cloud Run service's structured log line (JSON on stdout): the severity, the message, the trace, the time."""
    record = {"severity": r.choice(("INFO", "WARNING", "ERROR", "DEBUG")), "message": s,
              "logging.googleapis.com/trace": f"projects/durian-orchard/traces/{_hex32(r)}",
              "timestamp": f"2026-04-{_uvs_day(r)}T{_uvs_clock(r)[:6]}{_uvs_seconds(r, 6)}Z"}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _uvs_netlify(r: random.Random, s: str) -> str:
    """A Netlify Functions log line as the dashboard shows it: the date and time, the request id, the level."""
    hour = r.randrange(1, 13)
    return (
        f"Apr {_uvs_day(r)}, {hour:02d}:{r.randrange(10, 60)}:{r.randrange(10, 60)} {r.choice(('AM', 'PM'))}: "
        f"{_uvs_word(r, 8)} {r.choice(('INFO', 'WARN', 'ERROR'))}   {s}"
    )


def _dramatiq(r: random.Random, s: str) -> str:
    """A Dramatiq worker's line: the time with milliseconds after a comma, the pid, the thread, the logger, the "
    "level."""
    seconds = _uvs_seconds(r, 3).replace(".", ",")
    return (
        f"[2026-04-{_uvs_day(r)} {_uvs_clock(r)[:6]}{seconds}] [PID {r.randrange(10, 999)}] "
        f"[Thread-{r.randrange(1, 9)}] [dramatiq.worker.WorkerThread] [{r.choice(('INFO', 'WARNING', 'ERROR'))}] {s}"
    )


def _redpanda_connect(r: random.Random, s: str) -> str:
    """Redpanda Connect's (Benthos') logfmt line: the level, the time, the message quoted, the service and path."""
    return (
        f"level={r.choice(('INFO', 'WARN', 'ERROR', 'DEBUG'))} time=2026-04-{_uvs_day(r)}T{_uvs_clock(r)}Z "
        f"msg={json.dumps(s, ensure_ascii=False)} @service=redpanda-connect "
        f"label={r.choice(('enrich', 'bookings', 'dlq'))} "
        f"path=root.pipeline.processors.{r.randrange(0, 5)}"
    )


def _alloy(r: random.Random, s: str) -> str:
    """Grafana Alloy's logfmt line: the time, the level, the message quoted, the component."""
    return (
        f"ts=2026-04-{_uvs_day(r)}T{_uvs_clock(r)[:6]}{_uvs_seconds(r, 6)}Z "
        f"level={r.choice(('info', 'warn', 'error'))} "
        f"msg={json.dumps(s, ensure_ascii=False)} component_path=/ "
        f"component_id={r.choice(('loki.process.bookings', 'otelcol.receiver.otlp.default', 'loki.write.default'))}"
    )


_UVS_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"check-in {r.choice(('early', 'standard', 'late'))} "
        f"room={r.choice(('Fienile', 'Cantina', 'Limonaia', 'Torre'))} "
        f"guests={r.randrange(1, 6)} key_box={r.choice(('yes', 'no'))}"
    ),
    lambda r: (
        f"sauna slot {r.choice(('morning', 'midday', 'sunset'))} raft={r.choice(('Ägir', 'Rán', 'Skuld'))} "
        f"seats={r.randrange(0, 12)} of 12 water_temp={r.randrange(4, 19)}C"
    ),
    lambda r: (
        f"preorder batch {_uvs_word(r, 8)} variety={r.choice(('Musang King', 'Black Thorn', 'D24', 'Red Prawn'))} "
        f"weight={r.randrange(2, 40)}kg status={r.choice(('reserved', 'packed', 'chilled'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202604'))}_{_uvs_word(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_uvs_word(r, 16)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/{r.choice(('bookings', 'slots', 'preorders', 'rooms'))}/{_uvs_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"channel sync done listings={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"channel={r.choice(('booking.com', 'airbnb', 'agriturismo.it', 'direct'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('bookings', 'preorders', 'slots'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"session refreshed user={_uvs_word(r, 10)} ttl={r.randrange(5, 60)}m",
)


def _uvs_filler(r: random.Random) -> str:
    """A clean line of the unvisited split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unvisited"])(r, r.choice(_UVS_FILLER)(r))


# ---------------------------------------------------------------------------- unwatched shapes (written blind)
#
# The thirty-sixth split's line shapes, written by a thirtieth session that did not read the rules: ClickHouse's own
# ``system.text_log`` rows (the thread, the level, the query id, the logger), Swift Vapor's
# swift-log lines, Tornado's ``[I 260414 ...]`` lines, NLog's pipe-separated default layout, AWS Lambda Powertools'
# structured JSON, Apple's unified log (``log show``), Erlang/OTP's ``=INFO REPORT====`` reports, IBM QRadar's LEEF 2.0
# events, Nuxt's consola lines and Ruby's Logger lines from Karafka consumers. None adds an address, an e-mail, a
# card-like run that passes Luhn or a phone number of its own (fractions of seconds are drawn from a pool checked once
# to read as no phone number of the split's regions and to fail Luhn; ids are hex and UUIDs). Its clean lines are its
# own too (``_uwd_filler``): ski-rental pick-ups, hanbok fittings, piano-tuning visits, ClickHouse merges and sync
# runs.


def _uwd_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uwd_day(r: random.Random) -> int:
    return r.randrange(10, 28)


@functools.cache
def _uwd_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unwatched split's regions and neither passes
    Luhn."""
    rnd = random.Random(9929 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._uwd_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _uwd_seconds(r: random.Random, n: int) -> str:
    return r.choice(_uwd_fraction_pool(n))


def _uwd_word(r: random.Random, n: int) -> str:
    return v._uwd_word(r, n)


def _uwd_clickhouse(r: random.Random, s: str) -> str:
    """A row of ClickHouse's own ``system.text_log`` as ``FORMAT JSONEachRow`` exports it: the event time with
    microseconds, the thread, the level, the query id (or none), the logger and the message. (The server log's dotted
    ``2026.04.14 22:23:37`` would read as a North American number; that shape is kept for one phone negative.)"""
    day, clock = _uwd_day(r), _uwd_clock(r)
    stamp = f"2026-04-{day} {clock[:6]}{_uwd_seconds(r, 6)}"
    record = {"event_date": f"2026-04-{day}", "event_time_microseconds": stamp,
              "thread_name": r.choice(("TCPHandler", "HTTPHandler", "DDLWorker", "BgSchPool")),
              "thread_id": r.randrange(100, 999), "level": r.choice(("Information", "Debug", "Trace", "Warning")),
              "query_id": v.unwatched_uuid(r) if r.random() < 0.7 else "",
              "logger_name": r.choice(("executeQuery", "TCPHandler", "StorageS3Queue (ski.returns)", "HTTPHandler")),
              "message": s}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _uwd_vapor(r: random.Random, s: str) -> str:
    """Swift Vapor's swift-log line (``StreamLogHandler``): the time with its offset, the level, the label, the request
    id as metadata."""
    offset = r.choice(("+0900", "+0200", "-1000", "+1000", "+0000"))
    return (
        f"2026-04-{_uwd_day(r)}T{_uwd_clock(r)}{offset} {r.choice(('info', 'notice', 'warning', 'error', 'debug'))} "
        f"codes.vapor.application : request-id={v.unwatched_uuid(r).upper()} [Vapor] {s}"
    )


def _uwd_tornado(r: random.Random, s: str) -> str:
    """Tornado's ``LogFormatter`` line: the level's letter, the date as YYMMDD, the time, the module and line."""
    module = r.choice(("web:2348", "handlers:88", "rental:141", "ioloop:771"))
    return f"[{r.choice('IWED')} 2604{_uwd_day(r)} {_uwd_clock(r)} {module}] {s}"


def _uwd_nlog(r: random.Random, s: str) -> str:
    """NLog's default layout (``${longdate}|${level:uppercase=true}|${logger}|${message}``) from a Quartz.NET host."""
    logger = r.choice(("Quartz.Core.JobRunShell", "Klavier.Jobs.TuningReminder", "Klavier.Sync.LexofficeExport"))
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    return f"2026-04-{_uwd_day(r)} {_uwd_clock(r)[:6]}{_uwd_seconds(r, 4)}|{level}|{logger}|{s}"


def _uwd_powertools(r: random.Random, s: str) -> str:
    """AWS Lambda Powertools for Python's structured log line: the level, the location, the message, the timestamp
    with a comma before the milliseconds, the service, the cold start and the request id."""
    record = {"level": r.choice(("INFO", "WARNING", "ERROR", "DEBUG")),
              "location": f"{r.choice(('handler', 'sync_rentals', 'send_receipt'))}:{r.randrange(10, 300)}",
              "message": s,
              "timestamp": f"2026-04-{_uwd_day(r)} {_uwd_clock(r)[:6]}{_uwd_seconds(r, 3).replace('.', ',')}+0000",
              "service": r.choice(("ski-rental", "hanbok-booking")), "cold_start": r.random() < 0.2,
              "function_name": "rental-api", "function_request_id": v.unwatched_uuid(r)}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def _uwd_oslog(r: random.Random, s: str) -> str:
    """A line of Apple's unified log as ``log show`` prints it: the time with microseconds and offset, the thread, the
    type, the activity, the pid, the TTL, the process and the subsystem category."""
    return (
        f"2026-04-{_uwd_day(r)} {_uwd_clock(r)[:6]}{_uwd_seconds(r, 6)}+0900 0x{_uwd_word(r, 5)}    "
        f"{r.choice(('Default', 'Info', 'Error'))}     0x0                  {r.randrange(100, 999)}    0    "
        f"NisekoKiosk: ({r.choice(('CFNetwork', 'RentalCore', 'StoreKit'))}) {s}"
    )


def _uwd_erlang(r: random.Random, s: str) -> str:
    """An Erlang/OTP report in the classic SASL shape: ``=INFO REPORT==== 14-Apr-2026::10:21:33.123456 ===``."""
    kind = r.choice(("INFO REPORT", "WARNING REPORT", "ERROR REPORT"))
    return f"={kind}==== {_uwd_day(r)}-Apr-2026::{_uwd_clock(r)[:6]}{_uwd_seconds(r, 6)} ===\n{s}"


def _uwd_leef(r: random.Random, s: str) -> str:
    """An IBM QRadar LEEF 2.0 event with ``^`` as the delimiter: the vendor, product, version and event id, then
    attributes (the device time, the severity, the message last)."""
    return (
        f"LEEF:2.0|HanbokSeoul|booking-api|{r.randrange(1, 5)}.{r.randrange(0, 9)}|{r.randrange(1000, 1999)}|^|"
        f"devTime=Apr {_uwd_day(r)} 2026 {_uwd_clock(r)}^devTimeFormat=MMM dd yyyy HH:mm:ss^sev={r.randrange(1, 9)}^"
        f"cat={r.choice(('booking', 'payment', 'auth'))}^msg={s}"
    )


def _uwd_consola(r: random.Random, s: str) -> str:
    """A Nuxt (Nitro) server line as consola's fancy reporter prints it: the badge, the message, the time right."""
    hour = r.randrange(1, 13)
    badge = r.choice(("ℹ", "⚠", "✖", "✔"))
    return f" {badge} {s}    {hour}:{r.randrange(10, 60)}:{r.randrange(10, 60)} {r.choice(('AM', 'PM'))}"


def _uwd_karafka(r: random.Random, s: str) -> str:
    """Ruby's Logger line from a Karafka consumer: the level's letter, the time with microseconds and the pid, the
    level, the program name."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    stamp = f"2026-04-{_uwd_day(r)}T{_uwd_clock(r)[:6]}{_uwd_seconds(r, 6)}"
    return f"{level[0]}, [{stamp} #{r.randrange(100, 999)}] {level:>5} -- karafka: {s}"


_UWD_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"rental pickup {r.choice(('early', 'standard', 'late'))} "
        f"shop={r.choice(('Hirafu', 'Niseko Village', 'Annupuri', 'Hanazono'))} "
        f"skis={r.randrange(0, 6)} boards={r.randrange(0, 4)} locker={r.choice(('yes', 'no'))}"
    ),
    lambda r: (
        f"hanbok fitting {r.choice(('morning', 'midday', 'afternoon'))} "
        f"store={r.choice(('Bukchon', 'Insadong', 'Gyeongbokgung'))} guests={r.randrange(1, 7)} "
        f"sizes={r.choice(('S', 'M', 'L', 'mixed'))}"
    ),
    lambda r: (
        f"tuning visit {_uwd_word(r, 8)} district={r.choice(('Schwabing', 'Haidhausen', 'Pasing', 'Giesing'))} "
        f"instrument={r.choice(('upright', 'grand', 'digital-check'))} pitch={r.choice(('440', '442', '443'))}Hz"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202604'))}_{_uwd_word(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_uwd_word(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/{r.choice(('rentals', 'fittings', 'visits', 'lockers'))}/{_uwd_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"accounting sync done invoices={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('xero', 'freee', 'lexoffice', 'myob'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('rentals', 'fittings', 'visits'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"session refreshed user={_uwd_word(r, 10)} ttl={r.randrange(5, 60)}m",
)


def _uwd_filler(r: random.Random) -> str:
    """A clean line of the unwatched split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unwatched"])(r, r.choice(_UWD_FILLER)(r))


# ---------------------------------------------------------------------------- unexplored shapes (written blind)
#
# The thirty-seventh split's line shapes, written by a thirty-first session that did not read the rules: TiDB's unified
# log format (the message and fields in brackets), StarRocks FE lines (the thread and its id, the class and method),
# XXL-JOB executor lines (the job thread named with its trigger time), ThinkPHP's file log, Tarantool's log (the pid,
# the fiber, the level letter), 1C:Enterprise's technological log (minutes and seconds with microseconds and the
# duration, the event, the properties, ``Descr`` quoted with doubled quotes), Yii 2's file target (the user id and
# category in brackets), Manticore Search's searchd log, TOTVS Protheus' console.log, Pgpool-II, ProxySQL and
# CodeIgniter 4. None adds an address, an e-mail, a card-like run that passes Luhn or a phone number of its own
# (fractions of seconds are drawn from a pool checked once to read as no phone number of the split's regions and to
# fail Luhn; ids are hex and UUIDs; trigger times are checked epochs). Its clean lines are its own too
# (``_uex_filler``): houseboat boardings, samba costume fittings, Trans-Siberian departures, ClickHouse merges and sync
# runs.


def _uex_clock(r: random.Random) -> str:
    return _uwd_clock(r)


def _uex_day(r: random.Random) -> int:
    return _uwd_day(r)


@functools.cache
def _uex_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unexplored split's regions and neither passes
    Luhn."""
    rnd = random.Random(9967 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._uex_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _uex_seconds(r: random.Random, n: int) -> str:
    return r.choice(_uex_fraction_pool(n))


def _uex_word(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _uex_tidb(r: random.Random, s: str) -> str:
    """TiDB's unified log line: the time with milliseconds and offset, the level, the file and line, the message as a
    quoted string in brackets, then fields."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    where = r.choice(("conn.go:1184", "session.go:4212", "server.go:735", "ddl_worker.go:1006", "gc_worker.go:588"))
    return (
        f"[2026/04/{_uex_day(r)} {_uex_clock(r)[:6]}{_uex_seconds(r, 3)} +08:00] [{level}] [{where}] "
        f"[{json.dumps(s, ensure_ascii=False)}] [conn={r.randrange(100, 99999)}] [session_alias=]"
    )


def _uex_starrocks(r: random.Random, s: str) -> str:
    """A StarRocks FE log line (fe.log): the time with milliseconds and offset, the level, the thread and its id, the
    class, method and line."""
    thread = r.choice(("thrift-server-pool-12", "starrocks-mysql-nio-pool-3", "leaderCheckpointer", "tablet scheduler"))
    where = r.choice(
        (
            "FrontendServiceImpl.loadTxnCommit():1482",
            "StmtExecutor.execute():614",
            "GlobalStateMgr.replayJournal():2241",
        )
    )
    return (
        f"2026-04-{_uex_day(r)} {_uex_clock(r)[:6]}{_uex_seconds(r, 3)}+08:00 {r.choice(('INFO', 'WARN', 'ERROR'))} "
        f"({thread}|{r.randrange(100, 999)}) [{where}] {s}"
    )


def _uex_xxljob(r: random.Random, s: str) -> str:
    """An XXL-JOB executor's job log line: the time, the class and method, the line, the job thread (named with the job
    id and the trigger time in milliseconds)."""
    while True:  # the job id and the trigger time stand together: no card or phone may be read out of both
        job, trigger = str(r.randrange(2, 90)), str(v.unexplored_epoch(r, millis=True))
        if v._uex_clean(job + trigger):
            break
    return (
        f"2026-04-{_uex_day(r)} {_uex_clock(r)} [com.xxl.job.core.thread.JobThread#run]-[{r.randrange(100, 240)}]-"
        f"[xxl-job, JobThread-{job}-{trigger}] {s}"
    )


def _uex_thinkphp(r: random.Random, s: str) -> str:
    """ThinkPHP 6's file log line: the ISO time with Beijing's offset and the level in brackets."""
    level = r.choice(("error", "warning", "info", "notice", "sql"))
    return f"[2026-04-{_uex_day(r)}T{_uex_clock(r)}+08:00][{level}] {s}"


def _uex_tarantool(r: random.Random, s: str) -> str:
    """Tarantool's log line: the time with milliseconds, the pid, the cord, fiber id and fiber name, the level's
    letter and ``>``."""
    fiber = r.choice(("main/114/tours.sync", "main/103/interactive", "main/131/http.worker", "relay/applier"))
    level = r.choice("IWEV")
    stamp = f"2026-04-{_uex_day(r)} {_uex_clock(r)[:6]}{_uex_seconds(r, 3)}"
    return f"{stamp} [{r.randrange(100, 99999)}] {fiber} {level}> {s}"


@functools.cache
def _uex_1c_stamps() -> tuple[tuple[str, str, str], ...]:
    """Minutes, seconds with microseconds and durations for 1C's ``MM:SS.ffffff-D`` stamps, checked once per process
    with a fixed seed: the duration joins the fraction with a dash, so the digits together (with the minutes or
    without the seconds) must read as no phone number of the split's regions and fail Luhn too."""
    rnd = random.Random(9967 + 61)
    stamps: list[tuple[str, str, str]] = []
    while len(stamps) < 48:
        minute, seconds, duration = (
            f"{rnd.randrange(0, 60):02d}",
            rnd.choice(_uex_fraction_pool(6)),
            str(rnd.randrange(400)),
        )
        joined = seconds.replace(".", "") + duration
        if all(v._uex_no_phone(t) for t in (joined, joined[2:], minute + joined)) and not v.luhn_ok(joined):
            stamps.append((minute, seconds, duration))
    return tuple(stamps)


def _uex_1c(r: random.Random, s: str) -> str:
    """A 1C:Enterprise technological log record: minutes and seconds of the hour with microseconds and the duration,
    the event, the nesting level, the properties, ``Descr`` last in single quotes (doubled inside)."""
    event = r.choice(("EXCP", "CALL", "SCALL", "DBPOSTGRS", "EXCPCNTX"))
    minute, seconds, duration = r.choice(_uex_1c_stamps())
    return (
        f"{minute}:{seconds}-{duration},{event},{r.randrange(0, 5)},process=rphost,"
        f"p:processName=tours_prod,OSThread={r.randrange(100, 99999)},t:clientID={r.randrange(1, 999)},"
        f"t:applicationName=BackgroundJob,t:computerName=srv-1c-app,Usr=ОбменССайтом,"
        f"Descr='{s.replace(chr(39), chr(39) * 2)}'"
    )


def _uex_yii2(r: random.Random, s: str) -> str:
    """Yii 2's file target line: the time, the (absent) address, the user id, the (absent) session, the level and the
    category in brackets."""
    category = r.choice(("application", "yii\\db\\Command::query", "yii\\web\\HttpException:404", "yii\\queue\\Queue"))
    level = r.choice(("error", "warning", "info", "trace"))
    return f"2026-04-{_uex_day(r)} {_uex_clock(r)} [-][{r.randrange(1, 999)}][-][{level}][{category}] {s}"


def _uex_manticore(r: random.Random, s: str) -> str:
    """Manticore Search's searchd log line: the weekday, date and time with milliseconds in brackets, the pid."""
    weekday = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    return (
        f"[{weekday} Apr {_uex_day(r)} {_uex_clock(r)[:6]}{_uex_seconds(r, 3)} 2026] [{r.randrange(100, 99999)}] "
        f"{r.choice(('', 'WARNING: ', 'FATAL: '))}{s}"
    )


def _uex_protheus(r: random.Random, s: str) -> str:
    """A TOTVS Protheus AppServer console.log line: the level, the source, the thread and the date and time in
    brackets."""
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    source = r.choice(("SERVER", "JOB", "REST"))
    return f"[{level}][{source}] [Thread {r.randrange(100, 99999)}] [{_uex_day(r)}/04/2026 {_uex_clock(r)}] {s}"


def _uex_pgpool(r: random.Random, s: str) -> str:
    """A Pgpool-II log line: the time with milliseconds, the process and its pid, the level and two spaces."""
    process = r.choice(("main", "child", "health_check0", "sr_check_worker", "PCP"))
    level = r.choice(("LOG", "WARNING", "ERROR", "DETAIL"))
    stamp = f"2026-04-{_uex_day(r)} {_uex_clock(r)[:6]}{_uex_seconds(r, 3)}"
    return f"{stamp}: {process} pid {r.randrange(100, 99999)}: {level}:  {s}"


def _uex_proxysql(r: random.Random, s: str) -> str:
    """A ProxySQL log line: the time, the source file, line and function, the level in brackets."""
    where = r.choice(
        ("MySQL_Session.cpp:2987:handler_again___status_CONNECTING_SERVER()", "MySQL_Monitor.cpp:1570:monitor_ping()",
         "ProxySQL_Admin.cpp:6124:flush_mysql_servers__from_memory_to_disk()")
    )  # fmt: skip
    return f"2026-04-{_uex_day(r)} {_uex_clock(r)} {where}: [{r.choice(('INFO', 'WARNING', 'ERROR'))}] {s}"


def _uex_codeigniter(r: random.Random, s: str) -> str:
    """CodeIgniter 4's log line: the level, the time and ``-->``."""
    level = r.choice(("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"))
    return f"{level} - 2026-04-{_uex_day(r)} {_uex_clock(r)} --> {s}"


_UEX_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"houseboat boarding {r.choice(('early', 'standard', 'late'))} "
        f"jetty={r.choice(('Alleppey', 'Kumarakom', 'Punnamada', 'Kainakary'))} "
        f"cabins={r.randrange(1, 5)} crew={r.randrange(2, 6)} lantern={r.choice(('yes', 'no'))}"
    ),
    lambda r: (
        f"costume fitting {r.choice(('morning', 'midday', 'evening'))} "
        f"wing={r.choice(('baianas', 'passistas', 'bateria', 'comissao'))} dancers={r.randrange(1, 9)} "
        f"sizes={r.choice(('P', 'M', 'G', 'mixed'))}"
    ),
    lambda r: (
        f"departure {_uex_word(r, 8)} route={r.choice(('moscow-irkutsk', 'irkutsk-beijing', 'moscow-vladivostok'))} "
        f"cabin={r.choice(('kupe', 'spalny', 'platzkart'))} berths={r.randrange(1, 5)} "
        f"visa={r.choice(('ok', 'pending'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202604'))}_{_uex_word(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_uex_word(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/{r.choice(('cruises', 'costumes', 'departures', 'cabins'))}/{_uex_word(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"accounting sync done invoices={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('1c', 'omie', 'tally', 'wfirma'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('cruises', 'costumes', 'departures'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"session refreshed user={_uex_word(r, 10)} ttl={r.randrange(5, 60)}m",
)


def _uex_filler(r: random.Random) -> str:
    """A clean line of the unexplored split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unexplored"])(r, r.choice(_UEX_FILLER)(r))


# ---------------------------------------------------------------------------- unmapped shapes (written blind)
#
# The thirty-eighth split's line shapes, written by a thirty-second session that did not read the rules: a CUBRID
# broker's SQL log (month/day, milliseconds, the CAS id), TmaxSoft JEUS (dotted date, the level digit, the server and
# message code), Altibase's trace (the thread and level in brackets), an Armeria service's logback line (the event
# loop thread, the request and channel ids), Digdag (the offset, the attempt and task), Embulk (the offset and the
# transaction thread), ejabberd (microseconds with offset, the Erlang pid, module, function and line), Apache Druid
# (the comma before milliseconds, the Jetty thread), Apache SkyWalking's OAP server, ClamAV's clamd (``->``), Zimbra's
# mailbox.log (the request context in brackets) and uWSGI's request log. None adds an address, an e-mail, a card-like
# run that passes Luhn or a phone number of its own (fractions of seconds are drawn from a pool checked once to read as
# no phone number of the split's regions and to fail Luhn; ids are hex). Its clean lines are its own too
# (``_ump_filler``): dahabiya sailings, mezcal bottlings, party-rental set-ups, ClickHouse merges and sync runs.


def _ump_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _ump_day(r: random.Random) -> int:
    return r.randrange(10, 29)


def _fraction_pool(seed: int, n: int, no_phone: Callable[[str], bool]) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) drawn with a fixed seed: neither the fraction nor the seconds
    with it read as a phone number (``no_phone``) and neither passes Luhn."""
    rnd = random.Random(seed + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


@functools.cache
def _ump_fraction_pool(n: int) -> tuple[str, ...]:
    """Checked once per process, against the unmapped split's regions."""
    return _fraction_pool(9973, n, v._ump_no_phone)


def _ump_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_ump_fraction_pool(n)).replace(".", sep)


def _ump_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _ump_cubrid(r: random.Random, s: str) -> str:
    """A CUBRID broker's SQL log line: month/day, the time with milliseconds, the CAS id in parentheses."""
    return f"05/{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3)} ({r.randrange(1, 64)}) {s}"


def _ump_jeus(r: random.Random, s: str) -> str:
    """A TmaxSoft JEUS server log line: the dotted date and time, the level digit, the server and the message code."""
    server = r.choice(("adminServer", "server1", "mezcal-was", "nile-was"))
    code = r.choice(("SERVER-0248", "WEB-3413", "JDBC-0511", "Session-0042", "EJB-0217"))
    return f"[2026.05.{_ump_day(r)} {_ump_clock(r)}][{r.randrange(0, 4)}] [{server}-{r.randrange(1, 64)}] [{code}] {s}"


def _ump_altibase(r: random.Random, s: str) -> str:
    """An Altibase trace line: the date and time, the thread and the level in brackets."""
    return f"[2026/05/{_ump_day(r)} {_ump_clock(r)}] [Thread-{r.randrange(100, 99999)}] [Level-{r.randrange(0, 3)}] {s}"


def _ump_armeria(r: random.Random, s: str) -> str:
    """An Armeria service's logback line: the event loop thread, the level, the logger, the request and channel ids."""
    thread = f"armeria-common-worker-{r.choice(('epoll', 'nio'))}-{r.randrange(2, 9)}-{r.randrange(1, 16)}"
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    return (
        f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3)} [{thread}] {level} "
        f"c.l.a.s.logging.LoggingService - [sreqId={_ump_hex(r, 8)}, chanId={_ump_hex(r, 8)}] {s}"
    )


def _ump_digdag(r: random.Random, s: str) -> str:
    """A Digdag server line: the time with milliseconds and offset, the level, the attempt and task, the class."""
    task = r.choice(("+nightly+export", "+mezcal_sync+load", "+bookings+^sla", "+events+dump_ch"))
    return (
        f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3)} +0900 [{r.choice(('INFO', 'WARN', 'ERROR'))}] "
        f"(0{r.randrange(100, 999)}@[0:{r.choice(('mezcal', 'nile', 'owambe'))}]{task}) "
        f"io.digdag.core.agent.OperatorManager: {s}"
    )


def _ump_embulk(r: random.Random, s: str) -> str:
    """An Embulk run's line: the time with milliseconds and offset, the level, the thread."""
    thread = r.choice(("main", "0001:transaction", "0001:task-0000", "0002:task-0003"))
    level = r.choice(("INFO", "WARN"))
    return f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3)} +0900 [{level}] ({thread}): {s}"


def _ump_ejabberd(r: random.Random, s: str) -> str:
    """An ejabberd log line: the time with microseconds and offset, the level, the Erlang pid and the module, function,
    arity and line."""
    where = r.choice(
        ("ejabberd_c2s:process_auth_result/3:272", "ejabberd_listener:accept/7:389", "mod_mam:store_msg/5:1104")
    )
    return (
        f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 6)}+03:00 "
        f"[{r.choice(('info', 'warning', 'error'))}] "
        f"<0.{r.randrange(100, 9999)}.0>@{where} {s}"
    )


def _ump_druid(r: random.Random, s: str) -> str:
    """An Apache Druid service line: ISO time with a comma before milliseconds, the level, the Jetty thread, the
    class."""
    thread = r.choice(("qtp-broker-17", "processing-3", "HttpClient-Netty-Worker-5", "coordinator_leader"))
    cls = r.choice(("org.apache.druid.server.QueryLifecycle", "org.apache.druid.indexing.overlord.TaskQueue"))
    level = r.choice(("INFO", "WARN"))
    return f"2026-05-{_ump_day(r)}T{_ump_clock(r)[:6]}{_ump_seconds(r, 3, ',')} {level} [{thread}] {cls} - {s}"


def _ump_skywalking(r: random.Random, s: str) -> str:
    """An Apache SkyWalking OAP server line: the time with a comma before milliseconds, the class, the line, the
    thread, the level and the (empty) trace id."""
    cls = r.choice(
        (
            "org.apache.skywalking.oap.server.core.storage.PersistenceTimer",
            "org.apache.skywalking.oap.server.receiver.trace.provider.handler.v8.grpc.TraceSegmentReportServiceHandler",
        )
    )
    return (
        f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3, ',')} - {cls} - {r.randrange(40, 400)} "
        f"[pool-{r.randrange(2, 20)}-thread-{r.randrange(1, 9)}] {r.choice(('INFO ', 'WARN ', 'ERROR'))} [] - {s}"
    )


def _ump_clamd(r: random.Random, s: str) -> str:
    """A ClamAV clamd log line: the ctime date and ``->``."""
    weekday = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    return f"{weekday} May {_ump_day(r)} {_ump_clock(r)} 2026 -> {s}"


def _ump_zimbra(r: random.Random, s: str) -> str:
    """A Zimbra mailbox.log line: the time with a comma before milliseconds, the level, the thread and the request
    context (mailbox id, client) in brackets, the category."""
    thread = r.choice(
        ("qtp-soap-94:https:/service/soap/SendMsgRequest", "ImapServer-12", "LmtpServer-3", "Timer-Zimbra")
    )
    category = r.choice(("soap", "mailop", "imap", "lmtp", "mbxmgr"))
    return (
        f"2026-05-{_ump_day(r)} {_ump_clock(r)[:6]}{_ump_seconds(r, 3, ',')} {r.choice(('INFO ', 'WARN '))} [{thread}] "
        f"[mid={r.randrange(2, 400)};ua=ZimbraWebClient - FF126;] {category} - {s}"
    )


def _ump_uwsgi(r: random.Random, s: str) -> str:
    """A uWSGI worker's request log line: the pid, app and request counters, the ctime date in brackets."""
    weekday = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    n = r.randrange(1, 90)
    return (
        f"[pid: {r.randrange(100, 99999)}|app: 0|req: {n}/{n + r.randrange(0, 400)}] "
        f"[{weekday} May {_ump_day(r)} {_ump_clock(r)} 2026] {s}"
    )


_UMP_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"dahabiya sailing {r.choice(('dawn', 'noon', 'dusk'))} "
        f"mooring={r.choice(('Esna', 'Edfu', 'Kom Ombo', 'Gebel Silsila'))} cabins={r.randrange(2, 9)} "
        f"crew={r.randrange(4, 12)} wind={r.choice(('north', 'calm', 'gusty'))}"
    ),
    lambda r: (
        f"mezcal bottling batch={_ump_hex(r, 6)} agave={r.choice(('espadin', 'tobala', 'tepextate', 'cuishe'))} "
        f"bottles={r.randrange(12, 480)} abv={r.randrange(42, 52)} "
        f"palenque={r.choice(('Santiago Matatlan', 'Miahuatlan'))}"
    ),
    lambda r: (
        f"event setup {_ump_hex(r, 8)} canopies={r.randrange(1, 12)} chairs={r.randrange(50, 600)} "
        f"generator={r.choice(('20kva', '40kva', 'none'))} venue={r.choice(('Lekki', 'Ikeja', 'Surulere', 'Ikoyi'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202605'))}_{_ump_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_ump_hex(r, 16)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/{r.choice(('sailings', 'bottles', 'rentals', 'cabins'))}/{_ump_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"accounting sync done invoices={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('parasut', 'facturapi', 'misoca', 'kiotviet'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('sailings', 'subscriptions', 'rentals'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"session refreshed user={_ump_hex(r, 10)} ttl={r.randrange(5, 60)}m",
)


def _ump_filler(r: random.Random) -> str:
    """A clean line of the unmapped split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unmapped"])(r, r.choice(_UMP_FILLER)(r))


# ---------------------------------------------------------------------------- unsurveyed shapes (written blind)
#
# The thirty-ninth split's line shapes, written by a thirty-third session that did not read the rules: Puma's worker
# lines (the ``[pid]`` and worker number), OpenSIPS (the syslog-style date, the process and level), lighttpd's error
# log (the source file and line in parentheses), a Micronaut service's logback line (the Netty event loop thread),
# VerneMQ (the Erlang pid and module:function:line), Soketi's console output, Vitess vttablet and YugabyteDB tserver
# glog lines (``I0612 10:21:33.123456``, the thread id, the file and line), ScyllaDB (the ``[shard N]`` and the
# subsystem), Aerospike (the ``GMT:`` date, the context in parentheses, the file and line), SeaweedFS (glog with its Go
# files) and Verdaccio's pretty output. None adds an address, an e-mail, a card-like run that passes Luhn or a phone
# number of its own (fractions of seconds are drawn from a pool checked once to read as no phone number of the split's
# regions and to fail Luhn; ids are hex). Its clean lines are its own too (``_usv_filler``): homestay check-ins,
# qipao fittings, desert camp runs, ClickHouse merges and sync runs.


def _usv_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _usv_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _usv_fraction_pool(n: int) -> tuple[str, ...]:
    """Checked once per process, against the unsurveyed split's regions."""
    return _fraction_pool(9983, n, v._usv_no_phone)


def _usv_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_usv_fraction_pool(n)).replace(".", sep)


def _usv_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _usv_puma(r: random.Random, s: str) -> str:
    """A Puma line: the master's or a worker's ``[pid]``, the worker number."""
    return f"[{r.randrange(100, 99999)}] - Worker {r.randrange(0, 8)} (PID: {r.randrange(100, 99999)}) {s}"


def _usv_opensips(r: random.Random, s: str) -> str:
    """An OpenSIPS line: the syslog date, the host, the process id and the level."""
    level = r.choice(("NOTICE", "INFO", "WARNING", "ERROR"))
    return f"Jun {_usv_day(r)} {_usv_clock(r)} sip-edge /usr/sbin/opensips[{r.randrange(100, 99999)}]: {level}:core:{s}"


def _usv_lighttpd(r: random.Random, s: str) -> str:
    """A lighttpd error log line: the date and time, the source file and line in parentheses."""
    where = r.choice(("server.c.1513", "mod_fastcgi.c.2543", "gw_backend.c.2340", "connections.c.612"))
    return f"2026-06-{_usv_day(r)} {_usv_clock(r)}: ({where}) {s}"


def _usv_micronaut(r: random.Random, s: str) -> str:
    """A Micronaut service's logback line: the time with milliseconds, the Netty event loop thread, the level, the
    logger."""
    thread = f"default-nioEventLoopGroup-{r.randrange(1, 4)}-{r.randrange(1, 16)}"
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    return (
        f"{_usv_clock(r)[:6]}{_usv_seconds(r, 3)} [{thread}] {level} i.m.http.server.netty.RoutingInBoundHandler - {s}"
    )


def _usv_vernemq(r: random.Random, s: str) -> str:
    """A VerneMQ console.log line: the date and time with milliseconds, the level, the Erlang pid and the
    module:function:line."""
    where = r.choice(("vmq_mqtt_fsm:check_user:553", "vmq_ranch:handle_info:153", "vmq_cluster_node:connect:292"))
    return (
        f"2026-06-{_usv_day(r)} {_usv_clock(r)[:6]}{_usv_seconds(r, 3)} [{r.choice(('info', 'warning', 'error'))}] "
        f"<0.{r.randrange(100, 9999)}.0>@{where} {s}"
    )


def _usv_soketi(r: random.Random, s: str) -> str:
    """Soketi's console output: the bracketed date, the app id and the event."""
    weekday = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    return f"[{weekday} Jun {_usv_day(r)} 2026 {_usv_clock(r)} GMT+0000] [app {_usv_hex(r, 8)}] {s}"


@functools.cache
def _usv_glog_pool() -> tuple[str, ...]:
    """Seconds with microseconds and the thread id after them (``SS.ffffff   1234``) checked once per process with a
    fixed seed: neither the digits after the point with the thread id nor all of them read as a phone number of the
    split's regions (libphonenumber reads through the spaces), and none passes Luhn."""
    rnd = random.Random(9983)
    pool: list[str] = []
    while len(pool) < 16:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(6))
        tid = str(rnd.randrange(1, 9999))
        texts = (frac + tid, whole + frac + tid, whole + frac)
        if not any(v.luhn_ok(t) for t in texts) and all(v._usv_no_phone(t) for t in texts):
            pool.append(f"{whole}.{frac} {tid:>7}")
    return tuple(pool)


def _usv_glog(r: random.Random, s: str, files: tuple[str, ...]) -> str:
    level = r.choice("IWE")
    return f"{level}06{_usv_day(r)} {_usv_clock(r)[:6]}{r.choice(_usv_glog_pool())} {r.choice(files)}] {s}"


def _usv_vttablet(r: random.Random, s: str) -> str:
    """A Vitess vttablet glog line: level and date, the time with microseconds, the thread id, the file and line."""
    return _usv_glog(r, s, ("tabletserver.go:1530", "query_executor.go:704", "state_manager.go:212", "engine.go:394"))


def _usv_yugabyte(r: random.Random, s: str) -> str:
    """A YugabyteDB tserver glog line."""
    return _usv_glog(r, s, ("tablet_service.cc:2217", "ts_tablet_manager.cc:1311", "pg_client_session.cc:733"))


def _usv_seaweedfs(r: random.Random, s: str) -> str:
    """A SeaweedFS glog line (its Go sources)."""
    return _usv_glog(r, s, ("volume_grpc_client_to_master.go:216", "filer_server_handlers_write.go:97", "s3api.go:88"))


def _usv_scylla(r: random.Random, s: str) -> str:
    """A ScyllaDB line: the level, the date and time with a comma before milliseconds, the shard, the subsystem."""
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    subsystem = r.choice(("storage_service", "compaction", "cql_server", "auth", "schema_tables"))
    return (
        f"{level} 2026-06-{_usv_day(r)} {_usv_clock(r)[:6]}{_usv_seconds(r, 3, ',')} "
        f"[shard {r.randrange(0, 16)}] {subsystem} - {s}"
    )


def _usv_aerospike(r: random.Random, s: str) -> str:
    """An Aerospike line: the date with ``GMT:``, the level, the context in parentheses, the file and line."""
    ctx, where = r.choice((("nsup", "nsup.c:541"), ("security", "security.c:1882"), ("info", "thr_info.c:3614")))
    return f"Jun {_usv_day(r)} 2026 {_usv_clock(r)} GMT: {r.choice(('INFO', 'WARNING'))} ({ctx}): ({where}) {s}"


def _usv_verdaccio(r: random.Random, s: str) -> str:
    """Verdaccio's pretty output: the time, the level and ``---``."""
    return f" {r.choice(('info', 'warn', 'http', 'error'))} --- {s}"


_USV_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"homestay check-in room={r.choice(('Cardamom', 'Pepper', 'Nutmeg', 'Clove'))} guests={r.randrange(1, 6)} "
        f"late={r.choice(('yes', 'no'))} village={r.choice(('Ponda', 'Savoi Verem', 'Keri', 'Curti'))}"
    ),
    lambda r: (
        f"qipao fitting {_usv_hex(r, 6)} fabric={r.choice(('silk brocade', 'velvet', 'linen', 'xiangyunsha'))} "
        f"collar={r.choice(('mandarin', 'low', 'high'))} fittings={r.randrange(1, 4)}"
    ),
    lambda r: (
        f"camp run {_usv_hex(r, 8)} vehicles={r.randrange(1, 12)} guests={r.randrange(4, 80)} "
        f"route={r.choice(('Lahbab', 'Al Faya', 'Margham', 'Hatta'))} dune_bashing={r.choice(('on', 'off'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202606'))}_{_usv_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_usv_hex(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/{r.choice(('rooms', 'fittings', 'camps', 'guests'))}/{_usv_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"invoice sync done invoices={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('easybill', 'nfe.io', 'pennylane', 'zoho'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('checkins', 'fittings', 'camp_runs'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"cache warmed keys={r.randrange(10, 900)} ttl={r.randrange(5, 60)}m",
)


def _usv_filler(r: random.Random) -> str:
    """A clean line of the unsurveyed split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unsurveyed"])(r, r.choice(_USV_FILLER)(r))


# ---------------------------------------------------------------------------- unplumbed shapes (written blind)
#
# The fortieth split's line shapes, written by a thirty-fourth session that did not read the rules: Sonatype Nexus
# Repository's logback line (the ``+0000`` offset, the Jetty thread, ``*UNKNOWN`` or the user), Harbor core's
# ``[INFO] [/path/file.go:line]:``, Metabase's ``INFO metabase.x :: ``, listmonk's Go ``log`` line, authentik's
# structlog JSON, OpenLDAP slapd's hex time and ``conn= op=``, Seafile's ``[MM/DD/YY HH:MM:SS] file.c(line):``, Neo4j's
# ``[o.n.b.BoltServer]``, ArangoDB's ``[pid] INFO [id] {topic}``, QuestDB's one-letter level and abbreviated logger,
# ZincSearch's zerolog console line and HiveMQ's ``INFO  - ``. None adds an address, an e-mail, a card-like run that
# passes Luhn or a phone number of its own (fractions of seconds are drawn from a pool checked once to read as no phone
# number of the split's regions and to fail Luhn; ids are hex). Its clean lines are its own too (``_upl_filler``):
# Muay Thai class bookings, cage-dive boat runs, bulb shipments, ClickHouse merges and sync runs.


def _upl_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _upl_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _upl_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unplumbed split's regions and neither passes
    Luhn."""
    rnd = random.Random(9991 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._upl_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _upl_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_upl_fraction_pool(n)).replace(".", sep)


def _upl_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _upl_nexus(r: random.Random, s: str) -> str:
    """A Sonatype Nexus Repository line: date, time with a comma and milliseconds, ``+0000``, the level, the Jetty
    thread, the user (``*UNKNOWN`` or ``*SYSTEM``) and the logger."""
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    thread = f"qtp{r.randrange(100, 9999)}-{r.randrange(10, 400)}"
    return (
        f"2026-06-{_upl_day(r)} {_upl_clock(r)[:6]}{_upl_seconds(r, 3, ',')}+0000 {level} [{thread}] "
        f"{r.choice(('*UNKNOWN', '*SYSTEM', 'deployer'))} org.sonatype.nexus.repository.httpbridge - {s}"
    )


def _upl_harbor(r: random.Random, s: str) -> str:
    """A Harbor core line: the ``Z`` time, the level in brackets, the Go file and line, the request id."""
    where = r.choice(
        (
            "/server/middleware/security/basic_auth.go:73",
            "/controller/artifact/controller.go:306",
            "/pkg/scan/job.go:412",
            "/core/service/token/token.go:61",
        )
    )
    level = r.choice(("INFO", "WARNING", "ERROR"))
    return f"2026-06-{_upl_day(r)}T{_upl_clock(r)}Z [{level}] [{where}][requestID={_upl_hex(r, 8)}]: {s}"


def _upl_metabase(r: random.Random, s: str) -> str:
    """A Metabase line: date, time with a comma and milliseconds, the level, the namespace and ``::``."""
    ns = r.choice(("metabase.server.middleware.log", "metabase.sync.util", "metabase.driver.clickhouse"))
    level = r.choice(("INFO", "WARN", "DEBUG"))
    return f"2026-06-{_upl_day(r)} {_upl_clock(r)[:6]}{_upl_seconds(r, 3, ',')} {level} {ns} :: {s}"


def _upl_listmonk(r: random.Random, s: str) -> str:
    """A listmonk line: Go's ``log`` date and time, the file and line."""
    where = r.choice(("main.go:212", "manager.go:651", "campaigns.go:339", "init.go:498"))
    return f"2026/06/{_upl_day(r)} {_upl_clock(r)} {where}: {s}"


def _upl_authentik(r: random.Random, s: str) -> str:
    """An authentik structlog JSON line (the event, the level, the logger, the pid, the ``Z`` time)."""
    doc = {
        "event": s,
        "level": r.choice(("info", "warning", "error")),
        "logger": r.choice(("authentik.core.auth", "authentik.flows.planner", "authentik.events.models")),
        "pid": r.randrange(100, 9999),
        "timestamp": f"2026-06-{_upl_day(r)}T{_upl_clock(r)[:6]}{_upl_seconds(r, 6)}",
    }
    return json.dumps(doc, ensure_ascii=False)


def _upl_slapd(r: random.Random, s: str) -> str:
    """An OpenLDAP slapd line: the hex time and nanoseconds, the thread, ``conn=`` and ``op=``."""
    conn, op = r.randrange(1000, 9999), r.randrange(0, 40)
    return f"{_upl_hex(r, 8)}.{_upl_hex(r, 8)} 0x7f{_upl_hex(r, 10)} conn={conn} op={op} {s}"


def _upl_seafile(r: random.Random, s: str) -> str:
    """A Seafile server line: ``[MM/DD/YY HH:MM:SS]``, the C file and line."""
    where = r.choice(("seaf-server.c(551)", "repo-mgr.c(4072)", "http-server.c(1320)", "share-mgr.c(214)"))
    return f"[06/{_upl_day(r)}/26 {_upl_clock(r)}] {where}: {s}"


def _upl_neo4j(r: random.Random, s: str) -> str:
    """A Neo4j debug.log line: date, time with milliseconds, ``+0000``, the level, the abbreviated logger."""
    logger = r.choice(("o.n.b.BoltServer", "o.n.k.i.a.i.IndexingService", "o.n.s.AuthManager"))
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"2026-06-{_upl_day(r)} {_upl_clock(r)[:6]}{_upl_seconds(r, 3)}+0000 {level} [{logger}] {s}"


def _upl_arango(r: random.Random, s: str) -> str:
    """An ArangoDB line: the ``Z`` time, the pid in brackets, the level, the message id and the topic."""
    topic = r.choice(("general", "authentication", "replication", "queries"))
    level = r.choice(("INFO", "WARNING", "ERROR"))
    pid = r.randrange(1, 999)
    return f"2026-06-{_upl_day(r)}T{_upl_clock(r)}Z [{pid}] {level} [{_upl_hex(r, 5)}] {{{topic}}} {s}"


def _upl_questdb(r: random.Random, s: str) -> str:
    """A QuestDB line: the ``Z`` time with microseconds, the one-letter level, the abbreviated logger and the id."""
    logger = r.choice(("i.q.c.l.t.LineTcpReceiver", "i.q.c.h.p.JsonQueryProcessorState", "i.q.c.TableWriter"))
    stamp = f"2026-06-{_upl_day(r)}T{_upl_clock(r)[:6]}{_upl_seconds(r, 6)}Z"
    return f"{stamp} {r.choice('IAEC')} {logger} [{_upl_hex(r, 6)}] {s}"


def _upl_zinc(r: random.Random, s: str) -> str:
    """A ZincSearch zerolog console line: the kitchen time (``3:04PM``), the three-letter level, the caller."""
    caller = r.choice(("pkg/core/index.go:205", "pkg/meta/user.go:88", "pkg/handlers/auth/login.go:57"))
    hour = r.randrange(0, 24)
    kitchen = f"{hour % 12 or 12}:{r.randrange(0, 60):02d}{'AM' if hour < 12 else 'PM'}"
    return f"{kitchen} {r.choice(('INF', 'WRN', 'ERR', 'DBG'))} {caller} > {s}"


def _upl_hivemq(r: random.Random, s: str) -> str:
    """A HiveMQ hivemq.log line: date, time with a comma and milliseconds, the level and ``- ``."""
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"2026-06-{_upl_day(r)} {_upl_clock(r)[:6]}{_upl_seconds(r, 3, ',')} {level} - {s}"


_UPL_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"class booking camp={r.choice(('Chalong', 'Rawai', 'Kata', 'Nai Harn'))} slot={r.choice(('07:30', '16:00'))} "
        f"students={r.randrange(1, 14)} level={r.choice(('beginner', 'fighter', 'kids'))}"
    ),
    lambda r: (
        f"boat run {_upl_hex(r, 8)} vessel={r.choice(('Shark Team', 'Barracuda', 'Kleinbaai II'))} "
        f"divers={r.randrange(2, 24)} swell={r.randrange(1, 4)}m cage_drops={r.randrange(1, 9)} "
        f"visibility={r.randrange(2, 15)}m"
    ),
    lambda r: (
        f"bulb shipment {_upl_hex(r, 6)} "
        f"variety={r.choice(('Queen of Night', 'Apricot Beauty', 'Tete-a-Tete', 'Ice Follies'))} "
        f"crates={r.randrange(1, 60)} grade={r.choice(('12/+', '10/12', '14/+'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202606'))}_{_upl_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_upl_hex(r, 16)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/{r.choice(('classes', 'dives', 'crates', 'growers'))}/{_upl_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"ledger sync done entries={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('snelstart', 'qoyod', 'wafeq', 'moneyworks'))}"
    ),
    lambda r: (
        f"consumer lag topic={r.choice(('bookings', 'boat_runs', 'crates'))} partition={r.randrange(0, 6)} "
        f"lag={r.randrange(0, 400)}"
    ),
    lambda r: f"tide table refreshed station={r.choice(('Gansbaai', 'Hermanus'))} points={r.randrange(10, 90)}",
)


def _upl_filler(r: random.Random) -> str:
    """A clean line of the unplumbed split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unplumbed"])(r, r.choice(_UPL_FILLER)(r))


# ---------------------------------------------------------------------------- unfathomed shapes (written blind)
#
# The forty-first split's line shapes, written by a thirty-fifth session that did not read the rules: Dremio's
# server.log (``[qtp…] INFO c.d.e.s.j.JobsServiceImpl -``), Apache Pinot's ``yyyy/MM/dd`` line with the class and the
# thread in brackets, Apache Doris' fe.log (``INFO (time thread|id) [File.java:line]``), TimescaleDB's background-worker
# lines (``job Compression Policy [1002]:``), a Citus coordinator's ``user@db LOG:  citus:``, Odyssey's pooler line (the
# pid, the client or server id, the context), MariaDB MaxScale's ``notice : [mariadbmon]``, Galera's ``[Note] WSREP:``,
# FoundationDB's JSON trace events, Longhorn's logrus text, Grafana Mimir's go-kit logfmt and Maxwell's daemon's
# ``INFO  BinlogConnectorReplicator -``. None adds an address, an e-mail, a card-like run that passes Luhn or a phone
# number of its own (fractions of seconds are drawn from a pool checked once to read as no phone number of the split's
# regions and to fail Luhn; ids are hex). Its clean lines are its own too (``_unf_filler``): coffee lots graded, kite
# lessons, ski-lodge stays, ClickHouse merges, binlog positions and sync runs.


def _unf_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _unf_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _unf_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unfathomed split's regions and neither passes
    Luhn."""
    rnd = random.Random(9997 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._unf_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _unf_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_unf_fraction_pool(n)).replace(".", sep)


def _unf_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _unf_dremio(r: random.Random, s: str) -> str:
    """A Dremio server.log line: date, time with a comma and milliseconds, the thread in brackets, the level, the
    abbreviated logger and ``-``."""
    thread = r.choice(("qtp1784624712-213", "scheduler-7", "catalog-refresh-2", "Fabric-RPC-Offload-4"))
    logger = r.choice(("c.d.e.s.j.JobsServiceImpl", "c.d.s.r.RestServer", "c.d.e.catalog.SourceMetadataManager"))
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"2026-06-{_unf_day(r)} {_unf_clock(r)[:6]}{_unf_seconds(r, 3, ',')} [{thread}] {level} {logger} - {s}"


def _unf_pinot(r: random.Random, s: str) -> str:
    """An Apache Pinot line: the ``yyyy/MM/dd`` date, the time with milliseconds, the level, the simple class name in
    brackets and the thread."""
    cls = r.choice(("PinotHelixResourceManager", "SegmentFetcherAndLoader", "BaseBrokerRequestHandler"))
    thread = r.choice(("grizzly-http-server-3", "HelixTaskExecutor-message_handle_thread_7", "jersey-server-managed-2"))
    level = r.choice(("INFO", "WARN", "ERROR"))
    return f"2026/06/{_unf_day(r)} {_unf_clock(r)[:6]}{_unf_seconds(r, 3)} {level} [{cls}] [{thread}] {s}"


def _unf_doris(r: random.Random, s: str) -> str:
    """An Apache Doris fe.log line: the level, the date and time with a comma, the thread with its id in braces and
    the Java file and line."""
    where = r.choice(("StmtExecutor.java:1352", "ConnectProcessor.java:318", "Checkpoint.java:214", "Auth.java:421"))
    thread = r.choice(("mysql-nio-pool-12", "thrift-server-pool-3", "leaderCheckpointer"))
    level = r.choice(("INFO", "WARN", "ERROR"))
    return (
        f"{level} (2026-06-{_unf_day(r)} {_unf_clock(r)[:6]}{_unf_seconds(r, 3, ',')} "
        f"{thread}|{r.randrange(100, 999)}) "
        f"[{where}] {s}"
    )


def _unf_timescale(r: random.Random, s: str) -> str:
    """A PostgreSQL line from TimescaleDB's background workers: the time with milliseconds and zone, the pid and the
    job name."""
    job = r.choice(
        ("Compression Policy [1002]", "Refresh Continuous Aggregate Policy [1004]", "Retention Policy [1001]")
    )
    level = r.choice(("LOG", "WARNING", "ERROR"))
    return (
        f"2026-06-{_unf_day(r)} {_unf_clock(r)[:6]}{_unf_seconds(r, 3)} UTC [{r.randrange(100, 99999)}] "
        f"{level}:  job {job}: {s}"
    )


def _unf_citus(r: random.Random, s: str) -> str:
    """A Citus coordinator line: ``%m [%p] %q%u@%d`` with the distributed query's ``citus_`` prefix."""
    user = r.choice(("citus", "lots_app", "postgres"))
    return (
        f"2026-06-{_unf_day(r)} {_unf_clock(r)[:6]}{_unf_seconds(r, 3)} UTC [{r.randrange(100, 99999)}] "
        f"{user}@lots LOG:  citus: {s}"
    )


def _unf_odyssey(r: random.Random, s: str) -> str:
    """An Odyssey (the PostgreSQL pooler) line: the pid, the date and time, the level, the client or server id (a
    ``c`` or ``s`` and hex), the context and the message."""
    ident = r.choice("cs") + _unf_hex(r, 9)
    ctx = r.choice(("(startup)", "(auth)", "(setup)", "(main)", "(route)"))
    level = r.choice(("info", "debug", "error"))
    stamp = f"06 Jun 2026 {_unf_clock(r)}.{r.randrange(100, 999)}"
    return f"{r.randrange(100, 99999)} {stamp} {level} [{ident} none] {ctx} {s}"


def _unf_maxscale(r: random.Random, s: str) -> str:
    """A MariaDB MaxScale line: date and time, the level in brackets with its colon, the module in brackets."""
    module = r.choice(("[mariadbmon]", "[readwritesplit]", "[galeramon]", "[MariaDBProtocol]"))
    level = r.choice(("notice ", "warning", "error  ", "info   "))
    return f"2026-06-{_unf_day(r)} {_unf_clock(r)}   {level}: {module} {s}"


def _unf_galera(r: random.Random, s: str) -> str:
    """A MariaDB Galera error-log line: the ``yymmdd``-less 10.x time, the thread id, ``[Note] WSREP:``."""
    note = r.choice(("[Note]", "[Warning]", "[ERROR]"))
    return f"2026-06-{_unf_day(r)} {_unf_clock(r)} {r.randrange(1, 99)} {note} WSREP: {s}"


def _unf_fdb(r: random.Random, s: str) -> str:
    """A FoundationDB trace event as JSON (``Severity``, ``Time`` in seconds with a fraction, ``Type``, ``Machine``
    by name, ``Roles``)."""
    doc = {
        "Severity": r.choice(("10", "20", "30")),
        "Time": f"{v.unfathomed_epoch(r)}.{_unf_seconds(r, 6).split('.')[1]}",
        "DateTime": f"2026-06-{_unf_day(r)}T{_unf_clock(r)}Z",
        "Type": r.choice(("ClientLog", "BackupAgentStatus", "MasterRecoveryState", "RkUpdate")),
        "ID": _unf_hex(r, 15) + "f",
        "Message": s,
        "Machine": r.choice(("fdb-1.coop.internal:4500", "fdb-2.coop.internal:4500")),
        "Roles": r.choice(("SS", "TL", "CP,GP,MS")),
    }
    return json.dumps(doc, ensure_ascii=False)


def _unf_longhorn(r: random.Random, s: str) -> str:
    """A Longhorn manager line (logrus text: ``time=``, ``level=``, ``msg=`` quoted, the component and node)."""
    msg = s.replace('"', "'")
    comp = r.choice(("volume-controller", "engine-controller", "backup-controller"))
    node = r.choice(("niseko-k3s-1", "niseko-k3s-2"))
    level = r.choice(("info", "warning", "error"))
    return f'time="2026-06-{_unf_day(r)}T{_unf_clock(r)}Z" level={level} msg="{msg}" func=controller.{comp} node={node}'


def _unf_mimir(r: random.Random, s: str) -> str:
    """A Grafana Mimir go-kit logfmt line: ``ts=`` with nanoseconds, ``caller=``, ``level=``, ``msg=`` quoted."""
    caller = r.choice(("compactor.go:612", "ingester.go:1180", "distributor.go:1021", "blocks_cleaner.go:348"))
    msg = s.replace('"', "'")
    level = r.choice(("info", "warn", "error", "debug"))
    return (
        f'ts=2026-06-{_unf_day(r)}T{_unf_clock(r)[:6]}{_unf_seconds(r, 9)}Z caller={caller} level={level} msg="{msg}"'
    )


def _unf_maxwell(r: random.Random, s: str) -> str:
    """A Maxwell's daemon line: time with a comma, the level, the logger's simple name, ``-``."""
    logger = r.choice(("BinlogConnectorReplicator", "MaxwellKafkaProducer", "SchemaStoreSchema", "Maxwell"))
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"{_unf_clock(r)[:6]}{_unf_seconds(r, 3, ',')} {level} {logger} - {s}"


_UNF_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"lot graded factory={r.choice(('Gikanda', 'Kiamabara', 'Tekangu', 'Karogoto'))} "
        f"grade={r.choice(('AA', 'AB', 'PB', 'C'))} bags={r.randrange(2, 120)} "
        f"moisture={r.randrange(9, 13)}.{r.randrange(0, 9)}%"
    ),
    lambda r: (
        f"lesson slot {_unf_hex(r, 8)} spot={r.choice(('Bulabog', 'Station 3', 'Tambisaan'))} "
        f"wind={r.randrange(12, 28)}kn kite={r.choice(('9m', '12m', '7m'))} students={r.randrange(1, 4)}"
    ),
    lambda r: (
        f"stay {_unf_hex(r, 6)} room={r.choice(('Yotei', 'Annupuri', 'Hanazono', 'Moiwa'))} "
        f"nights={r.randrange(2, 14)} lift_pass={r.choice(('6-day', 'season', 'none'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202606'))}_{_unf_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_unf_hex(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/{r.choice(('lots', 'lessons', 'stays', 'buyers'))}/{_unf_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"invoice sync done entries={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('siigo', 'alegra', 'freeagent', 'akaunting'))}"
    ),
    lambda r: (
        f"binlog position file=mariadb-bin.{r.randrange(100, 999):06d} pos={r.randrange(4, 90000)} "
        f"rows_behind={r.randrange(0, 400)}"
    ),
    lambda r: (
        f"snow report refreshed resort={r.choice(('Niseko Grand Hirafu', 'Rusutsu'))} new_cm={r.randrange(0, 60)}"
    ),
)


def _unf_filler(r: random.Random) -> str:
    """A clean line of the unfathomed split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unfathomed"])(r, r.choice(_UNF_FILLER)(r))


# ---------------------------------------------------------------------------- unsounded shapes (written blind)
#
# The forty-second split's line shapes, written by a thirty-sixth session that did not read the rules: JFrog
# Artifactory's service log (``[jfrt ] [INFO ] [trace] [Class:line] [thread] -``), Check Point's Log Exporter syslog
# (RFC 5424 with ``[key:"value"; …]``), UiPath Robot execution logs as JSON, Synology DSM's ``synoscgi`` lines, an
# Apache Kafka broker's ``server.log`` (``[time] INFO [ReplicaFetcher …] … (kafka.server.…)``), Percona XtraBackup's
# ``[Note] [MY-011825] [Xtrabackup]``, Flux controllers' JSON, an HBase RegionServer's handler lines, Couchbase's
# ``[ns_server:info,…]``, RethinkDB's log (time, uptime, level), Pacemaker's ``pacemaker-controld`` and chproxy's
# ``INFO: yyyy/mm/dd … proxy.go:line:``. None adds an address, an e-mail, a card-like run that passes Luhn or a phone
# number of its own (fractions of seconds are drawn from a pool checked once to read as no phone number of the split's
# regions and to fail Luhn; ids are hex). Its clean lines are its own too (``_uns_filler``): stargazing tours, Tokaj
# wine orders, yacht charters, ClickHouse merges, replication queues and invoice syncs.


def _uns_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uns_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _uns_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unsounded split's regions and neither passes
    Luhn."""
    rnd = random.Random(10007 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._uns_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _uns_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_uns_fraction_pool(n)).replace(".", sep)


def _uns_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _uns_artifactory(r: random.Random, s: str) -> str:
    """A JFrog Artifactory service log line: ISO time, the service, the level, the trace id, the class and line, the
    thread and ``-``."""
    where = r.choice(("s.ArtifactoryApplicationContext:312", "a.AccessTokenServiceImpl:204", "r.RemoteRepoBase:1188"))
    thread = r.choice(("http-nio-8081-exec-7", "art-exec-12", "replication-pool-3"))
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    return (
        f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 3)}Z [jfrt ] [{level}] [{_uns_hex(r, 16)}] "
        f"[{where}] [{thread}] - {s}"
    )


def _uns_checkpoint(r: random.Random, s: str) -> str:
    """A Check Point Log Exporter record in syslog format: RFC 5424's header, then ``[key:"value"; …]`` with the
    message's quotes escaped."""
    msg = s.replace("\\", "\\\\").replace('"', '\\"')
    loguid = ",".join("0x" + _uns_hex(r, 8) for _ in range(4))
    action = r.choice(("Accept", "Drop", "Log", "Detect"))
    return (
        f"<134>1 2026-09-{_uns_day(r)}T{_uns_clock(r)}Z fw-tlv-01 CheckPoint {r.randrange(100, 99999)} - "
        f'[action:"{action}"; flags:"411908"; ifdir:"outbound"; loguid:"{{{loguid}}}"; origin:"fw-tlv-01"; '
        f'product:"{r.choice(("VPN-1 & FireWall-1", "Application Control", "Threat Emulation"))}"; '
        f'service_id:"https"; msg:"{msg}"]'
    )


def _uns_uipath(r: random.Random, s: str) -> str:
    """A UiPath Robot execution log record as JSON (``message``, ``level``, ``logType``, ``timeStamp`` with seven
    fractional digits and an offset, the process, the job and the robot)."""
    doc = {
        "message": s,
        "level": r.choice(("Information", "Warning", "Error", "Trace")),
        "logType": r.choice(("User", "Default")),
        "timeStamp": f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 7)}+02:00",
        "fingerprint": v.unsounded_uuid(r),
        "windowsIdentity": "TOKAJ\\robot01",
        "machineName": r.choice(("RPA-TOKAJ-01", "RPA-TOKAJ-02")),
        "processName": r.choice(("Invoices_Szamlazz", "Orders_Sync", "Bank_Statements")),
        "processVersion": f"1.0.{r.randrange(2, 40)}",
        "jobId": v.unsounded_uuid(r),
        "robotName": "robot01",
        "fileName": r.choice(("Main", "Process", "GetTransactionData")),
    }
    return json.dumps(doc, ensure_ascii=False)


def _uns_synology(r: random.Random, s: str) -> str:
    """A Synology DSM system log line: ISO time with Taiwan's offset, the host, the ``synoscgi`` API and its pid."""
    api = r.choice(("SYNO.API.Auth_7_login", "SYNO.Core.Share_1_list", "SYNO.Backup.Task_1_backup"))
    return f"2026-09-{_uns_day(r)}T{_uns_clock(r)}+08:00 nas-hsinchu synoscgi_{api}[{r.randrange(1000, 99999)}]: {s}"


def _uns_kafka(r: random.Random, s: str) -> str:
    """An Apache Kafka broker's server.log line: bracketed time with a comma, the level, the component in brackets
    and the logger in parentheses at the end."""
    comp, logger = r.choice(
        (
            ("[ReplicaFetcher replicaId=2, leaderId=1, fetcherId=0]", "kafka.server.ReplicaFetcherThread"),
            ("[GroupCoordinator 1]", "kafka.coordinator.group.GroupCoordinator"),
            ("[KafkaApi-1]", "kafka.server.KafkaApis"),
        )
    )
    level = r.choice(("INFO", "WARN", "ERROR"))
    return f"[2026-09-{_uns_day(r)} {_uns_clock(r)[:6]}{_uns_seconds(r, 3, ',')}] {level} {comp} {s} ({logger})"


def _uns_xtrabackup(r: random.Random, s: str) -> str:
    """A Percona XtraBackup line: the time with microseconds and ``-00:00``, the thread, the label, the error code
    and the subsystem (the time drawn until no phone number can be read out of it with the offset)."""
    label = r.choice(("[Note]", "[Warning]", "[ERROR]"))
    while True:
        stamp = f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 6)}-00:00 0"
        if v.uns_quiet(stamp):
            return f"{stamp} {label} [MY-011825] [Xtrabackup] {s}"


def _uns_flux(r: random.Random, s: str) -> str:
    """A Flux (GitOps) controller's JSON line: level, time, message, the controller and the object it reconciled."""
    name = r.choice(("apps", "clickhouse", "infra-controllers"))
    doc = {
        "level": r.choice(("info", "error")),
        "ts": f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 3)}Z",
        "msg": s,
        "controller": "kustomization",
        "controllerGroup": "kustomize.toolkit.fluxcd.io",
        "controllerKind": "Kustomization",
        "Kustomization": {"name": name, "namespace": "flux-system"},
        "namespace": "flux-system",
        "name": name,
        "reconcileID": v.unsounded_uuid(r),
    }
    return json.dumps(doc, ensure_ascii=False)


def _uns_hbase(r: random.Random, s: str) -> str:
    """An HBase RegionServer line: the time with a comma, the level padded, the handler thread in brackets, the
    abbreviated logger and a colon."""
    thread = r.choice(
        ("RS_OPEN_REGION-regionserver/hb-2:16020-1", "MemStoreFlusher.0", "RpcServer.default.FPBQ.Fifo.handler=17")
    )
    logger = r.choice(("handler.AssignRegionHandler", "regionserver.HRegion", "regionserver.HStore"))
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"2026-09-{_uns_day(r)} {_uns_clock(r)[:6]}{_uns_seconds(r, 3, ',')} {level} [{thread}] {logger}: {s}"


def _uns_couchbase(r: random.Random, s: str) -> str:
    """A Couchbase Server ``ns_server`` line: ``[ns_server:level,time,node:<pid>:module:function:line]message``."""
    level = r.choice(("info", "debug", "warn", "error"))
    where = r.choice(("menelaus_web:handle_request:301", "ns_memcached:do_handle_call:582", "xdcr:log:113"))
    pid = f"<0.{r.randrange(100, 9999)}.0>"
    stamp = f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 3)}+03:00"
    return f"[ns_server:{level},{stamp},ns_1@cb-1.charters.internal:{pid}:{where}]{s}"


def _uns_rethinkdb(r: random.Random, s: str) -> str:
    """A RethinkDB log line: the time with nanoseconds, the uptime in seconds, the level and a colon (the time and the
    uptime drawn until no phone number can be read out of them together)."""
    level = r.choice(("notice", "info", "warn", "error"))
    while True:
        uptime = f"{r.randrange(1, 900)}.{r.randrange(100000, 999999)}s"
        stamp = f"2026-09-{_uns_day(r)}T{_uns_clock(r)[:6]}{_uns_seconds(r, 9)} {uptime}"
        if v.uns_quiet(stamp):
            return f"{stamp} {level}: {s}"


def _uns_pacemaker(r: random.Random, s: str) -> str:
    """A Pacemaker daemon line in syslog: the month and day, the host, the daemon and its pid, the level."""
    daemon = r.choice(("pacemaker-controld", "pacemaker-schedulerd", "pacemaker-fenced"))
    level = r.choice(("notice", "info", "warning", "error"))
    host = r.choice(("pg-node-1", "pg-node-2"))
    return f"Sep {_uns_day(r)} {_uns_clock(r)} {host} {daemon}[{r.randrange(1000, 9999)}]: {level}: {s}"


def _uns_chproxy(r: random.Random, s: str) -> str:
    """A chproxy (the ClickHouse HTTP proxy) line: the level, Go's ``yyyy/mm/dd hh:mm:ss``, the file and line, the
    request's id and the user mapping in brackets."""
    level = r.choice(("INFO", "DEBUG", "ERROR"))
    user = r.choice(("wine_ro", "charters_app", "stars_bi"))
    line = r.choice(("proxy.go:287", "scope.go:161", "main.go:94"))
    return (
        f"{level}: 2026/09/{_uns_day(r)} {_uns_clock(r)} {line}: [ Id: {_uns_hex(r, 16).upper()}; User "
        f'"{user}"(1) proxying as "default"(1) to "ch-1.wine.internal:8123"(1) ] {s}'
    )


_UNS_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"tour slot {_uns_hex(r, 8)} site={r.choice(('Ayllu de Solor', 'Toconao', 'Valle de la Luna'))} "
        f"telescopes={r.randrange(2, 9)} guests={r.randrange(1, 24)} moon={r.randrange(0, 99)}%"
    ),
    lambda r: (
        f"order {_uns_hex(r, 8)} wine={r.choice(('Aszu 5 puttonyos', 'Furmint', 'Harslevelu', 'Szamorodni'))} "
        f"bottles={r.randrange(1, 60)} cellar={r.choice(('Tarcal', 'Mad', 'Tolcsva'))}"
    ),
    lambda r: (
        f"charter {_uns_hex(r, 8)} yacht={r.choice(('Meltemi', 'Kyma', 'Asteri'))} "
        f"berth={r.choice(('Lavrio', 'Syros', 'Paros'))} nights={r.randrange(3, 15)}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202609'))}_{_uns_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_uns_hex(r, 16)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/{r.choice(('tours', 'orders', 'charters', 'guests'))}/{_uns_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"invoice sync done entries={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('szamlazz', 'billingo', 'smartbill', 'nubefact', 'greeninvoice'))}"
    ),
    lambda r: (
        f"replication queue table={r.choice(('wine.orders', 'stars.tours', 'sea.charters'))} "
        f"entries={r.randrange(0, 400)} delay={r.randrange(0, 90)}s"
    ),
    lambda r: (
        f"sky report refreshed site={r.choice(('Chajnantor', 'Toconao'))} seeing={r.randrange(4, 15) / 10}arcsec "
        f"clouds={r.randrange(0, 60)}%"
    ),
)


def _uns_filler(r: random.Random) -> str:
    """A clean line of the unsounded split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unsounded"])(r, r.choice(_UNS_FILLER)(r))


# ---------------------------------------------------------------------------- untapped shapes (written blind)
#
# The forty-third split's line shapes, written by a thirty-seventh session that did not read the rules: an Apache
# RocketMQ broker's ``broker.log`` (``time LEVEL thread - message``), Apache Traffic Server's ``diags.log``
# (``[Oct 14 10:21:33.123] [ET_NET 3] NOTE:``), pgBackRest (``P00   INFO:``), Barman (``[pid] barman.module LEVEL:``),
# a Bacula director's job messages (``14-Oct 10:21 tapster-dir JobId 4821:``), an Apache DolphinScheduler worker
# (``[INFO] time +0200 class:[line] - [WorkflowInstance-…][TaskInstance-…] -``), an Apache Ignite node
# (``[time][INFO ][thread][class]``), a Hazelcast member (``[ INFO] [thread] [logger]: [member]:5701 [cluster]
# [version]``), Apache ShardingSphere-Proxy's SQL log (``[INFO ] time [ShardingSphere-Command-3] ShardingSphere-SQL
# -``), RavenDB's comma-separated log (time with seven fractional digits, thread, level, source, logger), Pritunl
# (``[host][time][LEVEL]``) and OPNsense's RFC 5424 syslog (``[meta sequenceId="…"]``). None adds an address, an
# e-mail, a card-like run that passes Luhn or a phone number of its own (fractions of seconds are drawn from a pool
# checked once to read as no phone number of the split's regions and to fail Luhn; times with an offset are drawn
# until no number can be read out of them; ids are hex). Its clean lines are its own too (``_utp_filler``): bungee
# jumps, azulejo commissions, keg deliveries, ClickHouse merges, replication queues, backups and invoice syncs.


def _utp_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _utp_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _utp_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the untapped split's regions and neither passes
    Luhn."""
    rnd = random.Random(10009 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        if all(v._utp_no_phone(t) for t in texts) and not (v.luhn_ok(frac) or v.luhn_ok(joined)):
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _utp_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_utp_fraction_pool(n)).replace(".", sep)


def _utp_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _utp_rocketmq(r: random.Random, s: str) -> str:
    """An Apache RocketMQ broker's ``broker.log`` line: the time, the level, the thread and ``-``."""
    thread = r.choice(("SendMessageThread_1", "PullMessageThread_3", "BrokerControllerScheduledThread1"))
    level = r.choice(("INFO", "WARN", "ERROR"))
    return f"2026-10-{_utp_day(r)} {_utp_clock(r)} {level} {thread} - {s}"


def _utp_ats(r: random.Random, s: str) -> str:
    """An Apache Traffic Server ``diags.log`` line: the bracketed time with milliseconds, the thread and the level."""
    thread = r.choice(("ET_NET 2", "ET_NET 5", "ET_TASK 0", "LOG_FLUSH"))
    level = r.choice(("NOTE", "WARNING", "ERROR", "DIAG"))
    return f"[Oct {_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3)}] [{thread}] {level}: {s}"


def _utp_pgbackrest(r: random.Random, s: str) -> str:
    """A pgBackRest log line: the time with milliseconds, the process (``P00`` is the main one) and the level right
    aligned in six characters."""
    level = r.choice(("INFO", "WARN", "ERROR", "DETAIL"))
    proc = r.choice(("P00", "P00", "P01", "P02"))
    return f"2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3)} {proc} {level:>6}: {s}"


def _utp_barman(r: random.Random, s: str) -> str:
    """A Barman log line: the time with a comma, the pid in brackets, the module and the level."""
    module = r.choice(("barman.backup", "barman.server", "barman.wal_archiver", "barman.cloud"))
    level = r.choice(("INFO", "WARNING", "ERROR"))
    stamp = f"2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3, ',')}"
    return f"{stamp} [{r.randrange(1000, 9999)}] {module} {level}: {s}"


def _utp_bacula(r: random.Random, s: str) -> str:
    """A Bacula director's job message: the day and month, the time to the minute, the daemon and the job id."""
    daemon = r.choice(("tapster-dir", "tapster-sd", "pg-kegs-1-fd"))
    return f"{_utp_day(r)}-Oct {_utp_clock(r)[:5]} {daemon} JobId {r.randrange(100, 999)}: {s}"


def _utp_dolphin(r: random.Random, s: str) -> str:
    """An Apache DolphinScheduler worker line: the level, the time with its offset, the class and line, and the
    workflow and task instances (the time drawn until no phone number can be read out of it with the offset)."""
    level = r.choice(("INFO", "WARN", "ERROR"))
    where = r.choice(
        ("o.a.d.s.w.r.WorkerTaskExecutor:[211]", "o.a.d.p.t.a.AbstractTask:[169]", "o.a.d.s.w.r.TaskCallbackImpl:[80]")
    )
    while True:
        stamp = f"2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3)} +0200"
        if v.utp_quiet(stamp):
            break
    instances = f"[WorkflowInstance-{r.randrange(100, 999)}][TaskInstance-{r.randrange(1000, 9999)}]"
    return f"[{level}] {stamp} {where} - {instances} - {s}"


def _utp_ignite(r: random.Random, s: str) -> str:
    """An Apache Ignite node line: the ISO time with a comma, the level padded, the thread and the class, all in
    brackets."""
    thread = r.choice(("main", "exchange-worker-#62", "tcp-disco-msg-worker-[crd]-#2", "grid-timeout-worker-#23"))
    cls = r.choice(("IgniteKernal", "GridDhtPartitionsExchangeFuture", "TcpDiscoverySpi", "GridCacheProcessor"))
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    return f"[2026-10-{_utp_day(r)}T{_utp_clock(r)[:6]}{_utp_seconds(r, 3, ',')}][{level}][{thread}][{cls}] {s}"


def _utp_hazelcast(r: random.Random, s: str) -> str:
    """A Hazelcast member line: the time, the level in brackets, the thread, the logger and the member's address (a
    host name), cluster and version."""
    level = r.choice(("[ INFO]", "[ WARN]", "[ERROR]"))
    thread = r.choice(("main", "hz.kegs.cached.thread-3", "hz.kegs.IO.thread-in-1"))
    logger = r.choice(("c.h.i.c.ClusterService", "c.h.s.i.o.i.OperationService", "c.h.m.i.MapService"))
    member = r.choice(("hz-1.brew.internal", "hz-2.brew.internal"))
    return (
        f"2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3, ',')} {level} [{thread}] [{logger}]: "
        f"[{member}]:5701 [tapster] [5.5.0] {s}"
    )


def _utp_shardingsphere(r: random.Random, s: str) -> str:
    """An Apache ShardingSphere-Proxy line: the level padded, the time, the command thread and the logger."""
    level = r.choice(("INFO ", "WARN ", "ERROR"))
    logger = r.choice(("ShardingSphere-SQL", "o.a.s.p.f.n.ProxySQLExecutor", "o.a.s.p.b.c.ProxyContext"))
    return (
        f"[{level}] 2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3)} "
        f"[ShardingSphere-Command-{r.randrange(0, 16)}] {logger} - {s}"
    )


def _utp_ravendb(r: random.Random, s: str) -> str:
    """A RavenDB log line: comma-separated time with seven fractional digits, thread, level, source and logger."""
    level = r.choice(("Information", "Operations", "Warning"))
    source = r.choice(("Server", "jumps", "bookings"))
    logger = r.choice(("Raven.Server.ServerWide.ServerStore", "Raven.Server.Documents.DocumentDatabase",
                       "Raven.Server.Documents.PeriodicBackup.BackupTask"))  # fmt: skip
    stamp = f"2026-10-{_utp_day(r)}T{_utp_clock(r)[:6]}{_utp_seconds(r, 7)}Z"
    return f"{stamp}, {r.randrange(10, 99)}, {level}, {source}, {logger}, {s}"


def _utp_pritunl(r: random.Random, s: str) -> str:
    """A Pritunl server line: the host, the time with a comma and the level, each in brackets."""
    host = r.choice(("tapster-vpn-1", "bungee-vpn-2"))
    level = r.choice(("INFO", "WARNING", "ERROR"))
    return f"[{host}][2026-10-{_utp_day(r)} {_utp_clock(r)[:6]}{_utp_seconds(r, 3, ',')}][{level}] {s}"


def _utp_opnsense(r: random.Random, s: str) -> str:
    """An OPNsense RFC 5424 syslog line: the priority, the time with its offset, the host, the application, its pid
    and the ``[meta sequenceId="…"]`` element (the time drawn until no phone number can be read out of it)."""
    app = r.choice(("configd.py", "lighttpd", "openvpn", "audit"))
    while True:
        stamp = f"2026-10-{_utp_day(r)}T{_utp_clock(r)}+02:00"
        if v.utp_quiet(stamp):
            break
    meta = f'[meta sequenceId="{r.randrange(1, 900)}"]'
    return f"<{r.choice((13, 14, 11))}>1 {stamp} fw-01.tapster.cz {app} {r.randrange(1000, 99999)} - {meta} {s}"


_UTP_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"jump {_utp_hex(r, 8)} site={r.choice(('Kawarau Bridge', 'Nevis', 'Ledge'))} "
        f"cord={r.choice(('blue', 'red', 'yellow'))} jumpers={r.randrange(1, 20)} wind={r.randrange(0, 40)}kmh"
    ),
    lambda r: (
        f"commission {_utp_hex(r, 8)} panel={r.choice(('Alfama', 'Pombalino', 'Padrão Marinho'))} "
        f"tiles={r.randrange(12, 400)} kiln={r.choice(('A', 'B'))} glaze={r.choice(('cobalto', 'amarelo'))}"
    ),
    lambda r: (
        f"delivery {_utp_hex(r, 8)} kegs={r.randrange(1, 24)} size={r.choice(('30l', '50l'))} "
        f"route={r.choice(('Plzeň-sever', 'Praha-západ', 'Brno-jih'))} returned={r.randrange(0, 12)}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202610'))}_{_utp_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_utp_hex(r, 16)} method={r.choice(('GET', 'POST', 'PUT'))} "
        f"path=/api/{r.choice(('jumps', 'commissions', 'kegs', 'pubs'))}/{_utp_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"backup {r.choice(('full', 'incr', 'diff'))} stanza={r.choice(('kegs', 'jumps', 'tiles'))} "
        f"size={r.randrange(2, 900)}MB duration={r.randrange(1, 59)}m label={_utp_hex(r, 10)}"
    ),
    lambda r: (
        f"invoice sync done entries={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('fakturoid', 'idoklad', 'moloni', 'invoicexpress', 'flowaccount'))}"
    ),
    lambda r: (
        f"replication queue table={r.choice(('brew.kegs', 'sea.jumps', 'atelier.tiles'))} "
        f"entries={r.randrange(0, 400)} delay={r.randrange(0, 90)}s"
    ),
)


def _utp_filler(r: random.Random) -> str:
    """A clean line of the untapped split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["untapped"])(r, r.choice(_UTP_FILLER)(r))


# ---------------------------------------------------------------------------- unweighed shapes (written blind)
#
# The forty-fourth split's line shapes, written by a thirty-eighth session that did not read the rules: ownCloud
# Infinite Scale's console log (``time INF message service=…``), Haraka with timestamps (``[NOTICE] [UUID.n]
# [plugin]``), openHAB's ``openhab.log`` (``[INFO ] [openhab.event.ItemStateChangedEvent ] -``), the PowerDNS
# Recursor's structured syslog lines (``msg="…" subsystem="…" prio="Info" ts="…"``), Kea DHCPv4 (``INFO
# [kea-dhcp4.dhcp4/pid.thread] DHCP4_…``), Payara Server's ODL records (``[time] [Payara 6…] [INFO] [] [logger] [tid: …]
# [timeMillis: …] [levelValue: 800] [[ … ]]``), 389 Directory Server's errors log (``[14/Oct/2026:10:21:33.123456789
# +0200] - NOTICE - plugin -``), Proxmox VE's daemons in syslog (``pvedaemon[pid]: <root@pam> …``), CrowdSec's logrus
# lines, dnsmasq in syslog, Kopia's log and Apache Guacamole's logback lines. None adds an address, an e-mail, a
# card-like run that passes Luhn or a phone number of its own (fractions of seconds are drawn from a pool checked once
# to read as no phone number of the split's regions and to fail Luhn; times with an offset and epoch stamps are drawn
# until no number can be read out of them; ids are hex). Its clean lines are its own too (``_uwg_filler``): watch
# services, husky safaris, gem certificates, ClickHouse merges, DHCP leases, backups and invoice syncs.


def _uwg_clock(r: random.Random) -> str:
    return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"


def _uwg_day(r: random.Random) -> int:
    return r.randrange(10, 29)


@functools.cache
def _uwg_fraction_pool(n: int) -> tuple[str, ...]:
    """Seconds with ``n`` fractional digits (``SS.fff``) checked once per process with a fixed seed: neither the
    fraction nor the seconds with it read as a phone number of the unweighed split's regions and neither passes
    Luhn."""
    rnd = random.Random(10037 + n)
    pool: list[str] = []
    while len(pool) < 48:
        whole = f"{rnd.randrange(0, 60):02d}"
        frac = "".join(rnd.choice(string.digits) for _ in range(n))
        joined = whole + frac
        texts = (frac, frac.lstrip("0") or "0", joined, joined.lstrip("0") or "0")
        luhn = v.luhn_ok(frac) or v.luhn_ok(joined) or v._urm_luhn_windows(frac) or v._urm_luhn_windows(joined)
        if all(v._uwg_no_phone(t) for t in texts) and not luhn:
            pool.append(f"{whole}.{frac}")
    return tuple(pool)


def _uwg_seconds(r: random.Random, n: int, sep: str = ".") -> str:
    return r.choice(_uwg_fraction_pool(n)).replace(".", sep)


def _uwg_hex(r: random.Random, n: int) -> str:
    return v._uex_word(r, n)


def _uwg_quiet_stamp(r: random.Random, make: Callable[[random.Random], str]) -> str:
    """A time made by ``make`` drawn until no phone number of the split's regions can be read out of it."""
    while True:
        stamp = make(r)
        if v.uwg_quiet(stamp):
            return stamp


def _uwg_ocis(r: random.Random, s: str) -> str:
    """An ownCloud Infinite Scale console line: the UTC time, zerolog's three-letter level, the message and the
    service."""
    level = r.choice(("INF", "WRN", "ERR", "DBG"))
    service = r.choice(("proxy", "frontend", "graph", "storage-users", "idp", "search"))
    return f"2026-10-{_uwg_day(r)}T{_uwg_clock(r)}Z {level} {s} service={service}"


def _uwg_haraka(r: random.Random, s: str) -> str:
    """A Haraka line with timestamps on: the time, the level, the transaction's UUID with its count and the plugin."""
    level = r.choice(("NOTICE", "INFO", "WARN", "ERROR", "PROTOCOL"))
    plugin = r.choice(("core", "queue/smtp_forward", "tls", "dkim_sign", "rcpt_to.in_host_list", "spf"))
    tx = f"{v.unweighed_uuid(r).upper()}.{r.randrange(1, 5)}"
    return f"2026-10-{_uwg_day(r)}T{_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)}Z [{level}] [{tx}] [{plugin}] {s}"


def _uwg_openhab(r: random.Random, s: str) -> str:
    """An openHAB ``openhab.log`` line: the time with milliseconds, the level and the logger padded in brackets."""
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    logger = r.choice(
        (
            "openhab.event.ItemStateChangedEvent",
            "org.openhab.core.model.script.kennel",
            "o.o.b.mqtt.internal.MqttBroker",
        )
    )
    return f"2026-10-{_uwg_day(r)} {_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)} [{level}] [{logger:<36}] - {s}"


def _uwg_quote(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def _uwg_pdns(r: random.Random, s: str) -> str:
    """A PowerDNS Recursor structured log line in syslog: ``msg``, ``subsystem``, ``level``, ``prio``, ``tid`` and the
    epoch ``ts`` with milliseconds (drawn until no phone number reads out of it)."""
    subsystem = r.choice(("config", "housekeeping", "syncres", "in", "out", "rpz"))
    prio = r.choice(("Info", "Notice", "Warning", "Error"))
    stamp = _uwg_quiet_stamp(r, lambda r: f'ts="{v.unweighed_epoch(r)}.{r.randrange(0, 1000):03d}"')
    return (
        f'Oct {_uwg_day(r)} {_uwg_clock(r)} ns1 pdns-recursor[{r.randrange(300, 9999)}]: msg="{_uwg_quote(s)}" '
        f'subsystem="{subsystem}" level="0" prio="{prio}" tid="{r.randrange(0, 9)}" {stamp}'
    )


def _uwg_kea(r: random.Random, s: str) -> str:
    """A Kea DHCPv4 server line: the time, the level, the logger with the pid and the thread, and the message id."""
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    logger = r.choice(("kea-dhcp4.dhcp4", "kea-dhcp4.dhcpsrv", "kea-dhcp4.commands", "kea-dhcp4.leases"))
    code = r.choice(("DHCP4_CONFIG_COMPLETE", "DHCPSRV_MEMFILE_LFC_START", "COMMAND_RECEIVED", "DHCP4_HOOK_NOTE"))
    thread = v.unweighed_digits(r, 15, "1403")
    return (
        f"2026-10-{_uwg_day(r)} {_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)} {level} [{logger}/{r.randrange(300, 9999)}."
        f"{thread}] {code} {s}"
    )


def _uwg_payara(r: random.Random, s: str) -> str:
    """A Payara Server ODL record: the time with its offset, the product, the level, the logger, the thread, the
    epoch in milliseconds and the level's value, the message in double brackets (the stamps drawn until no phone
    number reads out of them)."""
    level, value = r.choice((("INFO", 800), ("WARNING", 900), ("SEVERE", 1000)))
    logger = r.choice(("jakarta.enterprise.web", "fish.payara.nucleus.healthcheck", "jakarta.enterprise.system.core"))
    stamp = _uwg_quiet_stamp(r, lambda r: f"2026-10-{_uwg_day(r)}T{_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)}+0200")
    millis = v.unweighed_epoch(r, millis=True)
    thread = f"_ThreadID={r.randrange(20, 300)} _ThreadName=http-thread-pool::http-listener-1({r.randrange(1, 9)})"
    return (
        f"[{stamp}] [Payara 6.2024.10] [{level}] [] [{logger}] [tid: {thread}] [timeMillis: {millis}] "
        f"[levelValue: {value}] [[\n  {s}]]"
    )


def _uwg_dirsrv(r: random.Random, s: str) -> str:
    """A 389 Directory Server errors-log line: the bracketed time with nanoseconds and its offset, the severity and
    the subsystem (the stamp drawn until no phone number reads out of it)."""
    level = r.choice(("NOTICE", "INFO", "WARN", "ERR"))
    subsystem = r.choice(("ldbm_back_start", "NSMMReplicationPlugin", "attrcrypt", "slapd_daemon", "pw_rehash"))
    stamp = _uwg_quiet_stamp(r, lambda r: f"{_uwg_day(r)}/Oct/2026:{_uwg_clock(r)[:6]}{_uwg_seconds(r, 9)} +0200")
    return f"[{stamp}] - {level} - {subsystem} - {s}"


def _uwg_proxmox(r: random.Random, s: str) -> str:
    """A Proxmox VE daemon's syslog line: the time, the node, the daemon and its pid, and the user it works for."""
    daemon = r.choice(("pvedaemon", "pveproxy", "pvestatd", "pvescheduler", "pve-ha-lrm"))
    who = r.choice(("<root@pam> ", "<backup@pbs> ", "", ""))
    node = r.choice(("pve-biel", "pve-inari"))
    return f"Oct {_uwg_day(r)} {_uwg_clock(r)} {node} {daemon}[{r.randrange(300, 9999)}]: {who}{s}"


def _uwg_crowdsec(r: random.Random, s: str) -> str:
    """A CrowdSec agent line (logrus' text format): the time with its offset, the level and the quoted message (the
    time drawn until no phone number reads out of it)."""
    level = r.choice(("info", "warning", "error", "debug"))
    stamp = _uwg_quiet_stamp(r, lambda r: f"2026-10-{_uwg_day(r)}T{_uwg_clock(r)}{r.choice(('+02:00', '+03:00'))}")
    extra = r.choice(("", " type=file", " name=crowdsecurity/http-probing", ' acquisition="journalctl"'))
    return f'time="{stamp}" level={level} msg="{_uwg_quote(s)}"{extra}'


def _uwg_dnsmasq(r: random.Random, s: str) -> str:
    """A dnsmasq syslog line: the time, the host and ``dnsmasq`` or ``dnsmasq-dhcp`` with its pid."""
    daemon = r.choice(("dnsmasq", "dnsmasq-dhcp"))
    return f"Oct {_uwg_day(r)} {_uwg_clock(r)} gw-kennel {daemon}[{r.randrange(300, 9999)}]: {s}"


def _uwg_kopia(r: random.Random, s: str) -> str:
    """A Kopia log line: the time with milliseconds and its offset, the level and the module (the time drawn until no
    phone number reads out of it)."""
    level = r.choice(("INFO", "WARN", "ERROR", "DEBUG"))
    module = r.choice(("kopia/cli", "kopia/server", "snapshotfs", "kopia/repo", "uploader"))
    stamp = _uwg_quiet_stamp(r, lambda r: f"2026-10-{_uwg_day(r)}T{_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)}+03:00")
    return f"{stamp} {level} {module} {s}"


def _uwg_guacamole(r: random.Random, s: str) -> str:
    """An Apache Guacamole web application line (logback): the time with milliseconds, the thread, the level padded
    and the abbreviated logger."""
    thread = r.choice(("http-nio-8080-exec-3", "http-nio-8080-exec-7", "Thread-12", "main"))
    level = r.choice(("INFO ", "WARN ", "ERROR", "DEBUG"))
    logger = r.choice(
        (
            "o.a.g.r.auth.AuthenticationService",
            "o.a.g.tunnel.TunnelRequestService",
            "o.a.g.a.j.s.AuthenticationProvider",
        )
    )
    return f"{_uwg_clock(r)[:6]}{_uwg_seconds(r, 3)} [{thread}] {level} {logger} - {s}"


_UWG_FILLER: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f"service {_uwg_hex(r, 8)} calibre={r.choice(('ETA 2824-2', 'Sellita SW200', 'Valjoux 7750'))} "
        f"amplitude={r.randrange(240, 310)}deg beat_error={r.randrange(0, 9)}0us rate=+{r.randrange(0, 9)}s/d"
    ),
    lambda r: (
        f"safari {_uwg_hex(r, 8)} team={r.choice(('Kaamos', 'Revontuli', 'Tunturi'))} dogs={r.randrange(4, 12)} "
        f"route={r.choice(('Ounasvaara', 'Sierijärvi', 'Kätkä'))} km={r.randrange(5, 40)} temp=-{r.randrange(2, 35)}C"
    ),
    lambda r: (
        f"certificate {_uwg_hex(r, 10)} species={r.choice(('sapphire', 'spinel', 'chrysoberyl'))} "
        f"weight={r.randrange(1, 9)}.{r.randrange(10, 99)}ct treatment={r.choice(('none', 'heated', 'H(a)'))}"
    ),
    lambda r: (
        f"merged parts={r.randrange(2, 30)} into {r.choice(('all', '202610'))}_{_uwg_hex(r, 6)} "
        f"rows={r.randrange(100, 90000)} elapsed={r.randrange(1, 99)}ms"
    ),
    lambda r: (
        f"request_id={_uwg_hex(r, 16)} method={r.choice(('GET', 'POST', 'PATCH'))} "
        f"path=/api/{r.choice(('services', 'safaris', 'certificates', 'kennels'))}/{_uwg_hex(r, 8)} "
        f"status={r.choice((200, 201, 204, 304))} took={r.randrange(1, 900)}ms"
    ),
    lambda r: (
        f"snapshot {r.choice(('created', 'verified', 'pruned'))} source={r.choice(('/srv/atelier', '/srv/kennel'))} "
        f"files={r.randrange(20, 9000)} size={r.randrange(2, 900)}MB id=k{_uwg_hex(r, 12)}"
    ),
    lambda r: (
        f"lease renewed for {r.choice(('bench-scope-2', 'sled-tracker-7', 'gem-refractometer'))} "
        f"valid={r.randrange(1, 24)}h pool={r.choice(('atelier', 'kennel', 'lab'))}"
    ),
    lambda r: (
        f"invoice sync done entries={r.randrange(1, 60)} changed={r.randrange(0, 9)} "
        f"target={r.choice(('bexio', 'dinero', 'procountor', 'netvisor', 'e-conomic'))}"
    ),
)


def _uwg_filler(r: random.Random) -> str:
    """A clean line of the unweighed split: one of its own bodies in any of its shapes."""
    return r.choice(TEMPLATES["unweighed"])(r, r.choice(_UWG_FILLER)(r))


TEMPLATES: dict[str, tuple[Template, ...]] = {
    "dev": (_log, _json, _chatty, _bare, _log),
    "holdout": (_syslog, _logfmt, _stack, _csv, _syslog),
    "fresh": (_docker, _xml, _nginx, _pyrepr, _docker),
    "unseen": (_log4j, _k8s_event, _sql_row, _markdown, _log4j),
    "novel": (_apache_error, _textproto, _cef, _journal, _yaml_block),
    "sealed": (_gelf, _win_event, _http_dump, _go_struct, _toml),
    "blind": (_ecs, _rails, _mysql_general, _redis_monitor, _kafka_console),
    "veiled": (_postgres, _mongo, _cloudtrail, _clef, _bash_history),
    "hidden": (_envoy, _rfc5424, _spring_boot, _notebook, _terraform_plan),
    "unheard": (_gha_log, _k8s_audit, _gitlab_trace, _sentry_event, _slack_export),
    "untold": (_otlp, _airflow, _lambda, _laravel, _ansible, _heroku, _jenkins),
    "unspoken": (_compose, _journal_verbose, _celery, _gcp_logging, _wrangler_tail, _ps_transcript, _spark_driver),
    "unnamed": (_vector, _slog, _fluent_bit, _traefik, _caddy, _rails_params, _kafka_connect, _haproxy, _zap, _pino),
    "unmarked": (
        _apigw_exec,
        _hclog,
        _iis_w3c,
        _azure_functions,
        _nextcloud,
        _temporal,
        _fluentbit,
        _sidekiq,
        _datadog_agent,
        _mssql_errorlog,
    ),
    "unwritten": (
        _klog,
        _argocd,
        _loki,
        _alertmanager,
        _buildkite,
        _rubydebug,
        _catalina,
        _dotnet_console,
        _php_fpm,
        _splunk_hec,
        _elixir_logger,
        _gunicorn,
        _rabbitmq,
        _keycloak,
        _structlog,
    ),
    "unsaid": (
        _loguru,
        _pm2,
        _ray_serve,
        _clickhouse_server,
        _cloud_foundry,
        _fly,
        _kong_error,
        _minio,
        _vault_audit,
        _prefect,
    ),
    "unvoiced": (
        _bunyan,
        _dagster,
        _logcat,
        _tracing_fmt,
        _tracing_json,
        _env_logger,
        _jul,
        _macos_log,
        _langsmith_run,
        _bedrock_invocation,
        _auth0_event,
        _jaeger_span,
        _uvicorn_error,
    ),
    "unsung": (
        _nlog,
        _winston,
        _log4net,
        _logback_json,
        _nest,
        _zipkin_span,
        _otlp_span,
        _k8s_event_object,
        _winevent_list,
        _vercel_drain,
        _go_std,
    ),
    "unlisted": (
        _ado_pipeline,
        _fluentd_out,
        _slf4j_simple,
        _py_basic,
        _es_server,
        _erlang_report,
        _nginx_error,
        _serilog_console,
        _kubectl_prefix,
        _tekton_step,
    ),
    "unheeded": (
        _squid_cache,
        _drone_step,
        _teamcity,
        _dbt_json,
        _nextflow,
        _hasura,
        _postfix,
        _ibm_mq,
        _jira_log,
        _etw_trace,
        _asterisk,
        _freeswitch,
    ),
    "unasked": (
        _weblogic,
        _wildfly,
        _liberty,
        _cockroach,
        _redis_server,
        _mysql_error,
        _cassandra,
        _nats,
        _exim,
        _zabbix,
        _unreal,
        _bazel,
        _junit_xml,
        _okta_event,
    ),
    "unbidden": (
        _cri_log,
        _odoo,
        _firelens,
        _azure_diag,
        _home_assistant,
        _ceph,
        _salt_minion,
        _puppet_agent,
        _mosquitto,
        _browser_console,
        _sentry_breadcrumbs,
        _pgbouncer,
    ),
    "unsought": (
        _teleport_event,
        _openvpn,
        _charon,
        _kamailio,
        _rundeck,
        _flink,
        _trino_event,
        _coredns,
        _hubble_flow,
        _icinga2,
        _freeradius,
        _synapse,
    ),
    "unclaimed": (
        _grafana,
        _superset,
        _zookeeper,
        _solr,
        _gitea,
        _mattermost,
        _nifi,
        _istiod,
        _authelia,
        _artemis,
        _sonarqube,
        _varnishlog,
    ),
    "unheralded": (
        _mule,
        _camel,
        _node_red,
        _mirth,
        _hl7_nte,
        _step_functions,
        _cas_audit,
        _moodle_cron,
        _sssd,
        _smbd,
        _cups,
        _telegraf,
    ),
    "unnoticed": (
        _wazuh,
        _airbyte,
        _argo_logs,
        _milvus,
        _velero,
        _bentoml,
        _label_studio,
        _uptime_kuma,
        _redpanda,
        _cloud_init,
        _unbound,
        _portainer,
    ),
    "unremarked": (
        _tyk,
        _meltano,
        _pulsar,
        _kestra,
        _windmill,
        _linkerd,
        _sentry_relay,
        _redash,
        _strapi,
        _keda,
        _coolify,
        _dokku,
    ),
    "unforeseen": (
        _zitadel,
        _vaultwarden,
        _kyverno,
        _falco,
        _apisix,
        _krakend,
        _patroni,
        _meilisearch,
        _n8n,
        _victoriametrics,
        _headscale,
        _livekit,
    ),
    "unguessed": (
        _forgejo,
        _postgrest,
        _emqx,
        _kanidm,
        _promtail,
        _stalwart,
        _coturn,
        _traccar,
        _openbao,
        _paperless,
        _inngest,
        _valkey,
    ),
    "unannounced": (
        _gotrue,
        _outline,
        _netbird,
        _syncthing,
        _adguard,
        _z2m,
        _frigate,
        _ntfy,
        _vikunja,
        _wikijs,
        _concourse,
        _backstage,
    ),
    "unbeknown": (
        _netdata,
        _gatus,
        _rspamd,
        _searxng,
        _audiobookshelf,
        _kavita,
        _jellyseerr,
        _mealie,
        _qbittorrent,
        _freshrss,
        _zoneminder,
        _calibreweb,
    ),
    "unreported": (
        _act_runner,
        _semaphore,
        _umami,
        _baserow,
        _nocodb,
        _budibase,
        _huginn,
        _calcom,
        _flagsmith,
        _glitchtip,
        _mautic,
        _firefly,
    ),
    "uncharted": (
        _gotenberg,
        _penpot,
        _hedgedoc,
        _healthchecks,
        _typebot,
        _formbricks,
        _netbox,
        _argilla,
        _karakeep,
        _tandoor,
        _caprover,
        _unkey,
    ),
    "untrodden": (
        _medusa,
        _triggerdev,
        _pocketbase,
        _saleor,
        _activepieces,
        _fortigate,
        _rstudio,
        _quarkus,
        _symfony,
        _appservice,
    ),
    "unvisited": (
        _uvs_oban,
        _mlflow,
        _crewai,
        _magento,
        _uvs_cloud_run,
        _uvs_netlify,
        _dramatiq,
        _uvs_hangfire,
        _redpanda_connect,
        _alloy,
    ),
    "unwatched": (
        _uwd_clickhouse,
        _uwd_vapor,
        _uwd_tornado,
        _uwd_nlog,
        _uwd_powertools,
        _uwd_oslog,
        _uwd_erlang,
        _uwd_leef,
        _uwd_consola,
        _uwd_karafka,
    ),
    "unexplored": (
        _uex_tidb,
        _uex_starrocks,
        _uex_xxljob,
        _uex_thinkphp,
        _uex_tarantool,
        _uex_1c,
        _uex_yii2,
        _uex_manticore,
        _uex_protheus,
        _uex_pgpool,
        _uex_proxysql,
        _uex_codeigniter,
    ),
    "unmapped": (
        _ump_cubrid,
        _ump_jeus,
        _ump_altibase,
        _ump_armeria,
        _ump_digdag,
        _ump_embulk,
        _ump_ejabberd,
        _ump_druid,
        _ump_skywalking,
        _ump_clamd,
        _ump_zimbra,
        _ump_uwsgi,
    ),
    "unsurveyed": (
        _usv_puma,
        _usv_opensips,
        _usv_lighttpd,
        _usv_micronaut,
        _usv_vernemq,
        _usv_soketi,
        _usv_vttablet,
        _usv_yugabyte,
        _usv_scylla,
        _usv_aerospike,
        _usv_seaweedfs,
        _usv_verdaccio,
    ),
    "unplumbed": (
        _upl_nexus,
        _upl_harbor,
        _upl_metabase,
        _upl_listmonk,
        _upl_authentik,
        _upl_slapd,
        _upl_seafile,
        _upl_neo4j,
        _upl_arango,
        _upl_questdb,
        _upl_zinc,
        _upl_hivemq,
    ),
    "unfathomed": (
        _unf_dremio,
        _unf_pinot,
        _unf_doris,
        _unf_timescale,
        _unf_citus,
        _unf_odyssey,
        _unf_maxscale,
        _unf_galera,
        _unf_fdb,
        _unf_longhorn,
        _unf_mimir,
        _unf_maxwell,
    ),
    "unsounded": (
        _uns_artifactory,
        _uns_checkpoint,
        _uns_uipath,
        _uns_synology,
        _uns_kafka,
        _uns_xtrabackup,
        _uns_flux,
        _uns_hbase,
        _uns_couchbase,
        _uns_rethinkdb,
        _uns_pacemaker,
        _uns_chproxy,
    ),
    "untapped": (
        _utp_rocketmq,
        _utp_ats,
        _utp_pgbackrest,
        _utp_barman,
        _utp_bacula,
        _utp_dolphin,
        _utp_ignite,
        _utp_hazelcast,
        _utp_shardingsphere,
        _utp_ravendb,
        _utp_pritunl,
        _utp_opnsense,
    ),
    "unweighed": (
        _uwg_ocis,
        _uwg_haraka,
        _uwg_openhab,
        _uwg_pdns,
        _uwg_kea,
        _uwg_payara,
        _uwg_dirsrv,
        _uwg_proxmox,
        _uwg_crowdsec,
        _uwg_dnsmasq,
        _uwg_kopia,
        _uwg_guacamole,
    ),
}


def filler(r: random.Random, split: str) -> str:
    """A clean line in the split's shapes: UUIDs, times, durations, paths, nothing sensitive."""
    if split == "unbeknown":  # its own clean bodies, in all its shapes
        return _ubk_filler(r)
    if split == "unreported":  # its own clean bodies, in all its shapes
        return _urp_filler(r)
    if split == "uncharted":  # its own clean bodies, in all its shapes
        return _unc_filler(r)
    if split == "untrodden":  # its own clean bodies, in all its shapes
        return _utd_filler(r)
    if split == "unvisited":  # its own clean bodies, in all its shapes
        return _uvs_filler(r)
    if split == "unwatched":  # its own clean bodies, in all its shapes
        return _uwd_filler(r)
    if split == "unexplored":  # its own clean bodies, in all its shapes
        return _uex_filler(r)
    if split == "unmapped":  # its own clean bodies, in all its shapes
        return _ump_filler(r)
    if split == "unsurveyed":  # its own clean bodies, in all its shapes
        return _usv_filler(r)
    if split == "unplumbed":  # its own clean bodies, in all its shapes
        return _upl_filler(r)
    if split == "unfathomed":  # its own clean bodies, in all its shapes
        return _unf_filler(r)
    if split == "unsounded":  # its own clean bodies, in all its shapes
        return _uns_filler(r)
    if split == "untapped":  # its own clean bodies, in all its shapes
        return _utp_filler(r)
    if split == "unweighed":  # its own clean bodies, in all its shapes
        return _uwg_filler(r)
    body = (
        f"{r.choice(_WORDS)} GET {_path(r)} status={r.choice((200, 200, 201, 304, 404))} took={r.randrange(1, 900)}ms"
    )
    template = r.choice(TEMPLATES[split][:2])
    return template(r, body)


def wrap(r: random.Random, split: str, snippet: str) -> str:
    return r.choice(TEMPLATES[split])(r, snippet)
