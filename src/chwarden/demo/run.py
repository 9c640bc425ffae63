"""Runs the demo: seed the embedded instance, then assess it read-only like any other target.

The story: the DeepSeek-like instance is audited (findings), its data discovered (when discover is
installed; otherwise the sensitive tables are inferred from their names), and the attack paths
from the internet to the chat logs and API keys are ranked, each with its cheapest fix.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from chwarden.assess.run import Assessment, assess_report, run_discover
from chwarden.connect.base import GuardedConnection
from chwarden.connect.embedded import EmbeddedTransport
from chwarden.connect.engine_worker import EngineWorker
from chwarden.connect.target import Target
from chwarden.demo.instance import seed_demo_data, write_demo_config
from chwarden.model import Report, utc_now
from chwarden.sources.configfiles import snapshot_from_config
from chwarden.sources.live import collect_live
from chwarden.sources.live.catalog import fill_table_rows
from chwarden.sources.merge import merge_live_and_config

SEED_TIMEOUT = 120.0  # seconds per setup statement


def run_demo(workdir: Path | None = None, rows: int = 2000) -> Report:
    """Assess a DeepSeek-like instance and return the report (no server, no network)."""
    own_dir = workdir is None
    base = Path(tempfile.mkdtemp(prefix="chwarden-demo-")) if workdir is None else workdir
    started = utc_now()
    try:
        config = write_demo_config(base)
        data = str(base / "data")
        # Seeding writes, so it gets its own read-write worker; chdb never loads into this process.
        writer = EngineWorker(data, str(config), readonly=False)
        try:
            seed_demo_data(lambda statement: writer.query(statement, "TabSeparated", SEED_TIMEOUT), rows)
        finally:
            writer.close()
        target = Target(scheme="chdb", path=data, config_file=str(config))
        conn = GuardedConnection(EmbeddedTransport(data, str(config)), description=target.display)
        try:
            live = collect_live(conn, target, "default", password_given=False, probe_ports=False)
            fill_table_rows(live, conn)
            errors_before = len(live.errors)
            sensitive = run_discover(conn, live, conn.max_execution_time)
            complete = len(live.errors) == errors_before
        finally:
            conn.close()
        snapshot = merge_live_and_config(live, snapshot_from_config(str(config)), str(config))
        return assess_report([Assessment(snapshot, sensitive, complete)], started_at=started)
    finally:
        if own_dir:
            shutil.rmtree(base, ignore_errors=True)
