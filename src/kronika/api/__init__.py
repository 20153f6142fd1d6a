"""HTTP API and map page over the store: `create_app(db, token)`; `kronika serve` runs it."""

from .app import create_app

__all__ = ["create_app"]
