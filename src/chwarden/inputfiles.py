"""Read a file named on the command line with a cap on what is read.

``--password-file /dev/zero`` must not read until memory runs out, and a snapshot or target list
handed over by someone else may be any size. Every such read takes the most it may be and fails
with one clear line (``InputFileError``, an ``InputError``: exit code 2) instead.
"""

from __future__ import annotations

import os

from chwarden.errors import InputError

KIB = 1024
MIB = 1024 * KIB
PASSWORD_FILE_BYTES = 4 * KIB  # a password is small; anything bigger is the wrong file
SMALL_FILE_BYTES = 1 * MIB  # env files, credential lists
DATA_FILE_BYTES = 256 * MIB  # snapshots and reports (facts of a large server)


class InputFileError(InputError, ValueError):
    """A file given on the command line cannot be used (exit code 2)."""


def read_capped(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of ``path``; more is an error, so is a directory or a missing file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputFileError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputFileError(f"{what} {path} is larger than {_size(limit)}")
    return data


def read_capped_text(path: str | os.PathLike[str], limit: int, what: str) -> str:
    return read_capped(path, limit, what).decode("utf-8", "replace")


def _size(limit: int) -> str:
    return f"{limit // MIB} MiB" if limit >= MIB else f"{limit // KIB} KiB"


__all__ = [
    "DATA_FILE_BYTES",
    "PASSWORD_FILE_BYTES",
    "SMALL_FILE_BYTES",
    "InputFileError",
    "read_capped",
    "read_capped_text",
]
