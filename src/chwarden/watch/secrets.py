"""The watcher's own secrets (the query-tag key) and the scrubbing of text before it leaves chwarden.

The query-tag key makes chwarden's own queries recognisable in a target's logs (see
``connect/querytag.py``). It is read from ``CHWARDEN_TAG_KEY`` (hex), a key file, or created once
in the user's data directory with mode 0600; several watch workers of one fleet share it by
pointing ``tag_key_file`` at the same file.

``scrub`` removes credentials and tokens from text that came from a target (query samples) before
it is stored or sent: the SQL credential shapes of ``redact`` plus discover's secret detectors.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from pathlib import Path

from platformdirs import user_data_dir

from chwarden.connect.querytag import QueryTagger
from chwarden.discover.rules import load_rules
from chwarden.redact import redact, redact_text

KEY_BYTES = 32
MAX_SCRUBBED = 2000


def tag_key_path(explicit: str | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    return Path(user_data_dir("chwarden", appauthor=False)) / "query-tag.key"


def load_tagger(explicit_file: str | None = None, env: dict[str, str] | None = None) -> QueryTagger:
    """The watcher's tagger; creates the key file (0600) on first use."""
    env = dict(os.environ) if env is None else env
    if env.get("CHWARDEN_TAG_KEY"):
        return QueryTagger(bytes.fromhex(env["CHWARDEN_TAG_KEY"]))
    path = tag_key_path(explicit_file)
    if path.exists():
        return QueryTagger(bytes.fromhex(path.read_text(encoding="ascii").strip()))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another watcher created it first: use theirs
        return QueryTagger(bytes.fromhex(path.read_text(encoding="ascii").strip()))
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    return QueryTagger(key)


@functools.lru_cache(maxsize=1)
def _secret_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple((d.regex, d.value_regex) for d in load_rules().detectors if d.category == "secret")


def scrub(text: str) -> str:
    """``text`` (bounded) with SQL credentials and token-shaped secrets redacted."""
    text = redact_text(text[:MAX_SCRUBBED])
    for pattern, value_pattern in _secret_patterns():
        for m in list(pattern.finditer(text)):
            matched = m.group(0)
            inner = value_pattern.search(matched) if value_pattern else None
            value = inner.group(1) if inner else matched
            if "redacted, sha256" not in value and len(value) >= 8:
                text = text.replace(value, redact(value))
    return text
