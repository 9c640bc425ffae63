"""What one pytest session owns for its 18.16 servers (built by the ``ch18_env`` fixture)."""

from __future__ import annotations

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
