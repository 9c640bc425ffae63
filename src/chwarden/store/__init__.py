"""The findings store (ClickHouse): schema and migrations, its own writer connection, read queries.

Floor plan: next to ``sources`` (it does I/O and depends only on ``connect`` for the embedded
engine worker and on ``model``); ``watch``, ``investigate`` and the commands that keep their runs
sit above it. It never touches a target.
"""

from chwarden.store.backend import StoreError
from chwarden.store.location import StoreSpec, default_store_path, store_spec
from chwarden.store.schema import SCHEMA_VERSION
from chwarden.store.store import Store, open_store, store_time

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "StoreSpec",
    "default_store_path",
    "open_store",
    "store_spec",
    "store_time",
]
