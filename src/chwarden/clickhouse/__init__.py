"""What ClickHouse itself is, per version: how versions read, which features and config keys each
release line has, the defaults it applies and the databases it keeps for itself.

The bottom of chwarden's floor plan above ``connect``: pure data and functions, no facts, no I/O.
Checks, remediation and sources all read it; none of it is duplicated above.
"""
