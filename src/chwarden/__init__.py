"""chwarden: keeps ClickHouse deployments from becoming the next data breach."""

__version__ = "0.1.0"
