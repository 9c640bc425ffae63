"""``chwarden serve``: a secure-by-default web dashboard over the findings store.

Floor plan: the dashboard floor, above watching (it reads what ``watch`` and the other commands
keep in the store, the check registry, discover's detectors and the detection rules; it imports no
command). It never connects to a target; its only writes are acknowledgements and suppressions in
the store. Starlette + Jinja2 (autoescaped) + Starlette's signed session cookie, served by uvicorn.
"""

from chwarden.serve.app import build_app
from chwarden.serve.auth import UserStore
from chwarden.serve.context import ServeContext
from chwarden.serve.run import DEFAULT_HOST, DEFAULT_PORT, ServeOptions, check_options, default_auth_dir, serve

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
