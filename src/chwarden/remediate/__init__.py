"""Secure defaults and fixes: the hardened baseline generator, the fix script, and its apply step.

`apply` is the only module in chwarden that writes to a server; nothing in the audit path imports
this package.
"""
