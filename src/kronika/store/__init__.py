"""The chronicle's store: SQLite (stdlib sqlite3) with FTS5, one transaction per article.

`db.open_store(path)` opens or creates it; `Store.put(article, result)` stores an article and its
records idempotently and links its events into incidents; `query` reads it back with filters;
`export` writes ACLED CSV, GeoJSON, Parquet and JSONL.
"""

from .db import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
