"""The one error family every layer raises when what the user gave is wrong.

A target that cannot be parsed, a config file that is not one, an unknown check id, an option value
out of range: the command line prints the message on one line and exits with code 2. Anything else
that escapes is a bug of chwarden (exit code 4), never reported as the user's mistake.
"""

from __future__ import annotations


class InputError(Exception):
    """The user's input is wrong; the message says which input and why."""
