"""Checks: pure functions of a Snapshot, one module per theme, registered with metadata."""
