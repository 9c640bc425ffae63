"""`chwarden demo`: a DeepSeek-like instance on the embedded engine, audited end to end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chwarden.model import Report


def run_demo(*args: Any, **kwargs: Any) -> Report:
    from chwarden.demo.run import run_demo as _run

    return _run(*args, **kwargs)
