"""Pure analysis of facts that several layers share: effective privileges, the server's version.

Everything here is a function of a ``Snapshot`` (or of facts in it) and ClickHouse knowledge: no
I/O, no findings. Sources may use it while collecting, checks to judge, commands (assess) to build
on; it imports nothing above ``facts``.
"""
