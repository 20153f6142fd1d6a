"""`kronika serve`: run the API and the map page with uvicorn, printing the URL first.

Every server checks the Host header, whatever address it listens on: a name it answers to must be
one it was told (`--allowed-host`, the machine's own name, localhost); addresses typed as the host
always pass (DNS rebinding needs a name). The ingest token must be strong; `--token generate` makes
one and prints it.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .app import MIN_TOKEN_CHARS, WeakToken, create_app, vendor_ready

# what worker processes (spawned, so they share nothing) need to build the same app
_ENV_DB, _ENV_HOST, _ENV_TOKEN, _ENV_NAMES = ("KRONIKA_SERVE_DB", "KRONIKA_SERVE_HOST", "KRONIKA_TOKEN",
                                              "KRONIKA_SERVE_NAMES")
_ALL_INTERFACES = {"0.0.0.0", "::", ""}


def allowed_hosts(host: str, names: list[str] | None = None) -> list[str]:
    """Host header names the server answers to: localhost and loopback always, the listening
    name, the machine's own name when listening on every interface, and the names given."""
    out = ["localhost", "127.0.0.1", "::1", *(names or [])]
    h = host.strip("[]").lower()
    if h in _ALL_INTERFACES:
        name = socket.gethostname().lower()
        out += [name, socket.getfqdn(name).lower()]
    elif h:
        out.append(h)
    return list(dict.fromkeys(n.strip().lower() for n in out if n.strip()))


def app_from_env() -> FastAPI:
    """The app factory each uvicorn worker process calls when there are several."""
    host = os.environ.get(_ENV_HOST, "127.0.0.1")
    names = [n for n in os.environ.get(_ENV_NAMES, "").split(",") if n]
    return create_app(os.environ[_ENV_DB], os.environ.get(_ENV_TOKEN) or None,
                      allowed_hosts=allowed_hosts(host, names))


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        workers: int = 1, names: list[str] | None = None) -> None:
    import uvicorn

    from ..store.schema import StoreError

    if not Path(db).exists():
        print(f"kronika: no database at {db} (create it with `kronika ingest --db {db} PATHS`)", file=sys.stderr)
        raise SystemExit(2)
    generated = token == "generate"
    if generated:
        token = secrets.token_urlsafe(32)
    hosts = allowed_hosts(host, names)
    try:
        app = create_app(db, token, allowed_hosts=hosts)  # also checks the store before any worker
    except WeakToken as e:
        print(f"kronika: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    except StoreError as e:
        print(f"kronika: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    shown = f"[{host}]" if ":" in host else host
    print(f"kronika: serving {db} at http://{shown}:{port}/  (API docs: /api/docs; Ctrl-C to stop)"
          + (f" with {workers} worker processes" if workers > 1 else ""), flush=True)
    if host.strip("[]") in _ALL_INTERFACES:
        print(f"kronika: answering to the host names {', '.join(hosts)} and to IP addresses "
              "(more with --allowed-host NAME)", flush=True)
    if token:
        print("kronika: POST /api/ingest is enabled for requests with the token", flush=True)
        if generated:
            print(f"kronika: token (keep it secret): {token}", flush=True)
    if not vendor_ready():
        print("kronika: the map's front-end packages are missing: run `make install`", file=sys.stderr)
    opts: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers <= 1:
        uvicorn.run(app, **opts)
        return
    # several processes (one GIL each) serve one socket; SQLite's WAL lets them all read at once
    os.environ[_ENV_DB], os.environ[_ENV_HOST] = str(Path(db).resolve()), host
    os.environ[_ENV_NAMES] = ",".join(names or [])
    if token:
        os.environ[_ENV_TOKEN] = token
    uvicorn.run("kronika.api.serve:app_from_env", factory=True, workers=workers, **opts)


__all__ = ["MIN_TOKEN_CHARS", "allowed_hosts", "app_from_env", "run"]
