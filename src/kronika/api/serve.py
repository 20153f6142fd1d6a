"""`kronika serve`: run the API and the map page with uvicorn, printing the URL first."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .app import create_app, vendor_ready

# what worker processes (spawned, so they share nothing) need to build the same app
_ENV_DB, _ENV_HOST, _ENV_TOKEN = "KRONIKA_SERVE_DB", "KRONIKA_SERVE_HOST", "KRONIKA_TOKEN"


def _allowed_hosts(host: str) -> list[str] | None:
    # on an IPv4 loopback address only local names may reach it (Starlette's host check reads no IPv6)
    loopback = host == "localhost" or host.startswith("127.")
    return ["localhost", "127.0.0.1", host] if loopback else None


def app_from_env() -> FastAPI:
    """The app factory each uvicorn worker process calls when there are several."""
    host = os.environ.get(_ENV_HOST, "127.0.0.1")
    return create_app(os.environ[_ENV_DB], os.environ.get(_ENV_TOKEN) or None, allowed_hosts=_allowed_hosts(host))


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        workers: int = 1) -> None:
    import uvicorn

    if not Path(db).exists():
        print(f"kronika: no database at {db} (create it with `kronika ingest --db {db} PATHS`)", file=sys.stderr)
        raise SystemExit(2)
    app = create_app(db, token, allowed_hosts=_allowed_hosts(host))  # also checks the store before any worker
    shown = f"[{host}]" if ":" in host else host
    print(f"kronika: serving {db} at http://{shown}:{port}/  (API docs: /api/docs; Ctrl-C to stop)"
          + (f" with {workers} worker processes" if workers > 1 else ""), flush=True)
    if token:
        print("kronika: POST /api/ingest is enabled for requests with the token", flush=True)
    if not vendor_ready():
        print("kronika: the map's front-end packages are missing: run `make install`", file=sys.stderr)
    opts: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers <= 1:
        uvicorn.run(app, **opts)
        return
    # several processes (one GIL each) serve one socket; SQLite's WAL lets them all read at once
    os.environ[_ENV_DB], os.environ[_ENV_HOST] = str(Path(db).resolve()), host
    if token:
        os.environ[_ENV_TOKEN] = token
    uvicorn.run("kronika.api.serve:app_from_env", factory=True, workers=workers, **opts)
