"""What one pytest session owns for its 18.16 servers (built by the ``ch18_env`` fixture)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.harness import configs
from tests.harness.addresses import SubnetAllocator
from tests.harness.certs import CertPair
from tests.harness.ch18 import ClickHouse18Server


@dataclass
class Ch18Env:
    """Per-session resources: the subnet, a temp root for server dirs, one certificate."""

    allocator: SubnetAllocator
    root: Path
    cert: CertPair
    _counter: dict[str, int] = field(default_factory=dict)

    def server(self, name: str, variant: configs.Variant, **kwargs: str) -> ClickHouse18Server:
        n = self._counter[name] = self._counter.get(name, 0) + 1
        label = name if n == 1 else f"{name}-{n}"
        return ClickHouse18Server(
            label, self.allocator.next_host(), self.root / label, variant, cert=self.cert, **kwargs
        )

    def unused_host(self) -> str:
        return self.allocator.unused_host()

    def next_host(self) -> str:
        return self.allocator.next_host()


def remove_tree(path: Path, timeout: float = 300.0) -> None:
    """Delete a session's server directories with ``rm -rf`` (bounded by ``timeout``).

    18.16 servers flush ``query_log`` every 500 ms, and each part is dozens of files: after a full
    run the session root holds so many that ``shutil.rmtree`` took 25-38 s at the end of each pytest
    worker, where ``rm -rf`` takes a tenth of that (measured on 180,000 small files: 19.4 s against
    2.2 s). ``--one-file-system`` keeps it inside the root's own file system.
    """
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(path, ignore_errors=True)
        return
    subprocess.run([rm, "-rf", "--one-file-system", "--", str(path)], timeout=timeout, check=False)
