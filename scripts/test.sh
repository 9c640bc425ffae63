#!/usr/bin/env bash
# The README's test command. Installs what the tests need (idempotent: Debian's clickhouse-server
# 18.16 for the real-server tests, the Python test extras incl. chdb), then runs the whole suite.
# The pytest fixtures start and stop the ClickHouse test servers themselves on private loopback
# addresses. Extra arguments go to pytest (after the defaults, so they win).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

# Debian packages the tests use: the real 18.16 server, Apache ZooKeeper (the Keeper of the hardened
# cluster test), and Chromium to open the demo's HTML report.
missing=()
command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ] || missing+=(clickhouse-server clickhouse-client)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -f /usr/share/java/zookeeper.jar ] || missing+=(zookeeper)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e '.[test]'
# Two pytest workers (pytest-xdist) on a 2-core machine, up to four on bigger ones: most of the
# run waits on servers, subprocesses and deadlines, so one worker left a core idle (the whole suite,
# run back to back on the 2-core project machine: 1,148 s with one worker, 725 s with two). Each
# worker takes its own loopback subnet and starts its own servers (tests/harness/addresses.py);
# whole files go to one worker so module fixtures are built once.
# `-n 0` among the extra arguments runs serially; CHWARDEN_TEST_WORKERS sets the number.
workers=${CHWARDEN_TEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}
((workers <= 4)) || workers=4
((workers >= 2)) || workers=2
# --no-loadscope-reorder: files go out in collection order, where tests/conftest.py puts the slowest
# first (xdist's own order, most tests first, left the 90 s one-test files for the end).
exec .venv/bin/python -m pytest -q -n "$workers" --dist loadfile --no-loadscope-reorder "$@"
