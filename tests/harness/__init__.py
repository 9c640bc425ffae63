"""Test harness: throw-away ClickHouse 18.16 servers (Debian package) and chdb sessions.

Test code only: nothing in ``src/chwarden`` imports from here.
"""
