"""The labelled corpus for discover's accuracy tests and the side-by-side benchmark.

Deterministic (seeded) so that every run loads the same rows. Each column carries the exact set
of detector ids a correct scanner reports for it (category ``hint`` entries are not labels):

* ``pos_<id>``: realistic log lines, three of which carry the detector's example value;
* ``neg_<id>``: the same filler plus the detector's hard negatives (documented example keys,
  placeholders, bad checksums, Luhn-invalid numbers, version strings...);
* ``neg_*`` extras: UUIDs, hashes, versions, masked values; a plain log ``message`` column;
* chat tables: prompts and answers next to a role column, a ``prompt`` column, JSON chat
  requests and User:/Assistant: transcripts.

The filler itself holds UUIDs, timestamps, durations and paths: hard negatives in every column.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field

from chwarden.discover.rules import load_rules

ROWS = 40
POSITIVES_PER_COLUMN = 3
# Detectors that truthfully also fire on another detector's example line.
CO_LABELS: dict[str, frozenset[str]] = {
    "anthropic_api_key": frozenset({"generic_secret"}),
    "github_classic_token": frozenset({"url_credentials"}),
    "github_refresh_token": frozenset({"auth_token_assignment"}),
    "stripe_key": frozenset({"generic_secret"}),
    "google_oauth_client_secret": frozenset({"generic_secret"}),
}
_SERVICES = ("api", "billing", "search", "auth-gw", "worker", "ingest")
_PATHS = ("/v1/items", "/v1/orders/{id}", "/healthz", "/v2/search", "/v1/users/{id}/settings", "/metrics")


@dataclass
class CorpusTable:
    name: str
    columns: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, column: str, values: list[str], labels: frozenset[str] | set[str] = frozenset()) -> None:
        self.columns[column] = values
        self.labels[column] = frozenset(labels)


def filler(rnd: random.Random, n: int) -> list[str]:
    """Log lines with nothing sensitive in them (but UUIDs, times and numbers everywhere)."""
    lines = []
    for i in range(n):
        rid = uuid.UUID(int=rnd.getrandbits(128), version=4)
        path = rnd.choice(_PATHS).replace("{id}", str(rnd.randint(1000, 99999)))
        lines.append(
            f"2026-01-12T08:{i % 60:02d}:{rnd.randint(0, 59):02d}Z INFO {rnd.choice(_SERVICES)} "
            f"request_id={rid} GET {path} status={rnd.choice((200, 200, 201, 304, 404))} took={rnd.randint(1, 900)}ms"
        )
    return lines


def _column(rnd: random.Random, extra: list[str]) -> list[str]:
    rows = filler(rnd, ROWS)
    slots = sorted(rnd.sample(range(ROWS), len(extra)))
    for slot, line in zip(slots, extra, strict=True):
        rows[slot] = rows[slot][:40] + " " + line
    return rows


def _hard_negative_extras(rnd: random.Random) -> dict[str, list[str]]:
    hexchars = "0123456789abcdef"

    def hexs(n: int) -> str:
        return "".join(rnd.choice(hexchars) for _ in range(n))

    return {
        "neg_uuids": [
            f"session {uuid.UUID(int=rnd.getrandbits(128))} trace_id={uuid.UUID(int=rnd.getrandbits(128)).hex}"
            for _ in range(5)
        ],
        "neg_hashes": [f"commit {hexs(40)} sha256={hexs(64)} md5 {hexs(32)}" for _ in range(5)],
        "neg_versions": [
            "upgraded clickhouse to version 24.3.5.46",
            "user agent Mozilla/5.0 Chrome/120.0.6099.109 Safari/537.36",
            "firmware v2.10.4.1 installed",
            "oid 1.3.6.1.4.1.2021 polled",
        ],
        "neg_luhn_invalid": ["refund for card 4556 7375 8689 9856 declined", "order 5425233430109904 shipped"],
        "neg_placeholders": [
            "password=<password>",
            "api_key=YOUR_API_KEY_GOES_HERE",
            "access_token=${ACCESS_TOKEN}",
            "Authorization: Bearer <token>",
            "secret_key=xxxxxxxxxxxxxxxxxxxxxxxx",
        ],
        "neg_masked": ["password: ********", "CREATE USER a IDENTIFIED BY '[HIDDEN]'", "token=[REDACTED]"],
    }


_CHAT_TURNS = (
    ("user", "Can you help me write an email to my landlord about the broken heating?"),
    ("assistant", "Of course. Start by describing the problem and when it began, then ask for a repair date."),
    ("user", "My doctor said my blood pressure is high, what should I eat?"),
    ("assistant", "Many people reduce salt and eat more vegetables. Please follow your doctor's advice."),
    ("user", "Why does my python script fail with a key error when I read the config?"),
    ("assistant", "The key is probably missing from the file. Print the keys first and check the spelling."),
)


def build_corpus(seed: int = 5) -> list[CorpusTable]:
    rnd = random.Random(seed)
    lines = CorpusTable("log_lines")
    for d in load_rules().detectors:
        if d.category == "conversation":
            continue
        positives = [d.example] * POSITIVES_PER_COLUMN
        lines.add(f"pos_{d.id}", _column(rnd, positives), {d.id} | CO_LABELS.get(d.id, frozenset()))
        lines.add(f"neg_{d.id}", _column(rnd, list(d.negatives)))
    for name, extra in _hard_negative_extras(rnd).items():
        lines.add(name, _column(rnd, extra))
    lines.add("message", filler(rnd, ROWS))

    chats = CorpusTable("chat_messages")
    turns = [_CHAT_TURNS[i % len(_CHAT_TURNS)] for i in range(ROWS)]
    chats.add("role", [role for role, _text in turns])
    chats.add("content", [text for _role, text in turns], {"chat_text"})

    llm = CorpusTable("llm_requests")
    llm.add("prompt", [text for role, text in turns if role == "user"] * 2, {"chat_text"})
    rules = {d.id: d for d in load_rules().detectors}
    llm.add("request_json", [rules["chat_role_json"].example] * 10, {"chat_role_json"})
    llm.add("transcript", [rules["chat_transcript"].example] * 10, {"chat_transcript", "chat_text"})
    llm.add("status_message", filler(rnd, 20))
    return [lines, chats, llm]


def all_labels(tables: list[CorpusTable]) -> dict[tuple[str, str], frozenset[str]]:
    return {(t.name, c): labels for t in tables for c, labels in t.labels.items()}
