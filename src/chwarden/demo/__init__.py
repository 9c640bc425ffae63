"""`chwarden demo`: a DeepSeek-like instance on the embedded engine, audited end to end."""

from chwarden.demo.run import run_demo

__all__ = ["run_demo"]
