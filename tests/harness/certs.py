"""A self-signed server certificate for the TLS variants (CN=localhost + IP SANs of the servers)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CertPair:
    cert_file: Path
    key_file: Path


def make_self_signed(directory: Path, ip_addresses: list[str], days: int = 7) -> CertPair:
    """RSA-2048 self-signed certificate valid for ``localhost`` and every address given.

    One certificate covers a whole test subnet, so it is made once per session (~0.2 s) and can be
    used as ``ca_file`` by clients that verify the server.
    """
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / "server.crt", directory / "server.key"
    san = ",".join(["DNS:localhost", *(f"IP:{ip}" for ip in ip_addresses)])
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-sha256",
            "-days",
            str(days),
            "-subj",
            "/CN=localhost",
            "-addext",
            f"subjectAltName={san}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return CertPair(cert_file=cert, key_file=key)
