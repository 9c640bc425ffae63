"""versions checks (see docs/checks.md for the catalogue)."""
