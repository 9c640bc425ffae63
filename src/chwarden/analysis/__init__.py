"""Pure analysis of facts that several layers share.

``access`` (effective privileges), ``principals`` (passwordless users, networks, admins, roles),
``profiles`` (effective settings), ``server_config`` (config values with proven absence),
``listeners`` and ``deployment_reach`` (who can reach the server), ``versions`` (the server's version
against thresholds) and ``names`` (which table and column names look sensitive).

Everything here is a function of a ``Snapshot`` (or of facts in it) and ClickHouse knowledge: no
I/O, no findings. Sources may use it while collecting, checks to judge, commands (assess) to build
on; it imports nothing above ``facts``.
"""
