"""`kronika serve`: run the API and the map page with uvicorn, printing the URL first."""

from __future__ import annotations

import sys
from pathlib import Path

from .app import create_app, vendor_ready


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    import uvicorn

    if not Path(db).exists():
        print(f"kronika: no database at {db} (create it with `kronika ingest --db {db} PATHS`)", file=sys.stderr)
        raise SystemExit(2)
    # on an IPv4 loopback address only local names may reach it (Starlette's host check reads no IPv6)
    loopback = host == "localhost" or host.startswith("127.")
    app = create_app(db, token, allowed_hosts=["localhost", "127.0.0.1", host] if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    print(f"kronika: serving {db} at http://{shown}:{port}/  (API docs: /api/docs; Ctrl-C to stop)", flush=True)
    if token:
        print("kronika: POST /api/ingest is enabled for requests with the token", flush=True)
    if not vendor_ready():
        print("kronika: the map's front-end packages are missing: run `make install`", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
