"""``chwarden serve``: a secure-by-default web dashboard over the findings store.

Floor plan: the dashboard floor, above watching (it reads what ``watch`` and the other commands
keep in the store, the check registry, discover's detectors and the detection rules; it imports no
command). It never connects to a target; its only writes are acknowledgements and suppressions in
the store. Starlette + Jinja2 (autoescaped) + Starlette's signed session cookie, served by uvicorn.
"""

import importlib
from typing import TYPE_CHECKING, Any

from chwarden.serve.auth import UserStore
from chwarden.serve.run import DEFAULT_HOST, DEFAULT_PORT, ServeOptions, check_options, default_auth_dir, serve

if TYPE_CHECKING:
    from chwarden.serve.app import build_app
    from chwarden.serve.context import ServeContext

_WEB_STACK = {"build_app": "chwarden.serve.app", "ServeContext": "chwarden.serve.context"}


def __getattr__(name: str) -> Any:
    """``build_app`` and ``ServeContext`` import Starlette and Jinja2: loaded on first use, so the CLI's
    ``serve --help`` and option checks do not pay for the web stack."""
    if name in _WEB_STACK:
        return getattr(importlib.import_module(_WEB_STACK[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "ServeContext",
    "ServeOptions",
    "UserStore",
    "build_app",
    "check_options",
    "default_auth_dir",
    "serve",
]
