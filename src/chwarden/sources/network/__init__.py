"""Facts from the network alone: which ClickHouse ports of a host answer, what they reveal, who gets in.

An asyncio scanner (``scanner``) over a bounded connection pool (``wire``, paced per address class
by ``rates``) identifies each open port from its first bytes (``fingerprints``, ``codecs``), reads
the catalogue of an endpoint that lets ``default`` in without a password through the guarded
connection (``metadata``), and turns each host into a Snapshot (``host_facts``). ``chwarden scan``
runs it over many hosts; the audit's port probe (``sources/probe.py``) over one.
"""
