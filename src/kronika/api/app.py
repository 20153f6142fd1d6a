"""The HTTP API and the map page: `create_app(db, token)` gives a FastAPI app over one store.

Read-only unless a token is given: only then is POST /api/ingest mounted, and it accepts only that
token (compared in constant time) and bodies up to a size limit. No CORS headers are sent, errors
carry a clear message and never a stack trace, and the page is served with a strict
Content-Security-Policy (scripts only from this server) as a second line against injected markup.
"""

import hmac
import json
import logging
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import query as store_query
from . import models as M  # noqa: N812
from . import queries
from .queries import EventFilter

log = logging.getLogger("kronika.api")

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
NODE_MODULES = WEB / "node_modules"
# The vendored front-end files the page loads (installed by `make` with npm; see web/package.json).
VENDOR = {
    "leaflet": "leaflet/dist",
    "leaflet.markercluster": "leaflet.markercluster/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}
# Swagger UI for /api/docs, served from here too (the page's CSP allows no CDN)
DOCS_VENDOR = {"swagger-ui-dist": "swagger-ui-dist"}
MAX_LIMIT = 5000
MAX_INGEST_BYTES = 5_000_000
MAX_INGEST_ARTICLES = 200

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def vendor_ready() -> bool:
    """Whether the npm front-end packages are installed (the page needs them for the map)."""
    return all((NODE_MODULES / sub).is_dir() for sub in VENDOR.values())


def create_app(db: str | Path, token: str | None = None, *, max_ingest_bytes: int = MAX_INGEST_BYTES,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over the store at `db`. `allowed_hosts` (Host header names) guards a server on
    loopback against DNS rebinding: a page on another site cannot read it through a name of its own."""
    db_path = str(db)
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no kronika database at {db_path}")
    app = FastAPI(title="kronika", version=__version__,
                  description="Events, incidents, articles with evidence spans, figures and sources "
                              "from the kronika store. Read-only unless started with a token.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")

    def conn() -> Iterator[sqlite3.Connection]:
        c = queries.connect(db_path)
        try:
            yield c
        finally:
            c.close()

    Conn = Annotated[sqlite3.Connection, Depends(conn)]
    Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
    Offset = Annotated[int, Query(ge=0, description="rows to skip")]

    def event_filter(
        date_from: Annotated[date | None, Query(description="ISO day, inclusive")] = None,
        date_to: Annotated[date | None, Query(description="ISO day, inclusive")] = None,
        country: Annotated[str | None, Query(max_length=8, description="ISO 3166-1 alpha-2")] = None,
        admin1: Annotated[str | None, Query(max_length=200)] = None,
        event_type: Annotated[str | None, Query(max_length=100)] = None,
        sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
        disorder_type: Annotated[str | None, Query(max_length=100)] = None,
        actor: Annotated[str | None, Query(max_length=200, description="kind or name, substring")] = None,
        q: Annotated[str | None, Query(max_length=500, description="words in the article text")] = None,
        article_id: Annotated[str | None, Query(max_length=300)] = None,
        incident_id: Annotated[str | None, Query(max_length=300)] = None,
        bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    ) -> EventFilter:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(400, f"date_from ({date_from}) is after date_to ({date_to})")
        box = _bbox(bbox) if bbox else None
        return EventFilter(date_from, date_to, country, admin1, event_type, sub_event_type, disorder_type,
                           actor, q, article_id, incident_id, box)

    Filter = Annotated[EventFilter, Depends(event_filter)]

    def page(p: queries.Page, limit: int, offset: int) -> dict[str, Any]:
        return {"total": p.total, "limit": limit, "offset": offset, "items": p.items}

    # the map loads thousands of events at once: these rows are built by the query layer to the
    # documented shape and sent as they are (pydantic validation would double the time)
    @app.get("/api/events", tags=["events"], summary="Events, filtered and paginated",
             response_model=M.Page[M.Event])
    def events(c: Conn, f: Filter, limit: Limit = 100, offset: Offset = 0,
               evidence: Annotated[bool, Query(description="include evidence spans")] = False,
               ) -> JSONResponse:
        return JSONResponse(page(queries.list_events(c, f, limit, offset, with_evidence=evidence), limit, offset))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence spans")
    def event(c: Conn, event_id: Annotated[int, PathParam(ge=1, le=2**63 - 1)]) -> M.EventDetail:
        return _found(queries.get_event(c, event_id), "event", event_id)

    @app.get("/api/incidents", tags=["incidents"], summary="Incidents (the same event across articles)")
    def incidents(c: Conn, f: Filter, limit: Limit = 100, offset: Offset = 0,
                  members: Annotated[bool, Query(description="include articles, sources, events")] = False,
                  ) -> M.Page[M.Incident]:
        if f.disorder_type or f.bbox or f.article_id or f.incident_id:
            raise HTTPException(400, "incidents filter on date, country, admin1, event_type, actor and q only")
        sf = _store_filters(f, limit, offset)
        return {"total": store_query.count_incidents(c, sf), "limit": limit, "offset": offset,
                "items": store_query.incidents(c, sf, members=members)}

    @app.get("/api/incidents/{incident_id}", tags=["incidents"],
             summary="One incident: its events, articles, sources and reconciled figures")
    def incident(c: Conn, incident_id: str) -> M.Incident:
        from ..store.export import acled_actors, sides

        d = _found(store_query.get_incident(c, incident_id), "incident", incident_id)
        # each actor's side and ACLED name ("Military Forces of Russia (2000-)"), as the exports give them
        side = sides(c, d, "incidents")
        names = acled_actors(d, side)
        d.update(side, acled_actor1=names["actor1"], acled_actor2=names["actor2"],
                 assoc_actor_1=names["assoc_actor_1"], assoc_actor_2=names["assoc_actor_2"])
        return d

    @app.get("/api/articles", tags=["articles"], summary="Articles, filtered and paginated")
    def articles(c: Conn, limit: Limit = 100, offset: Offset = 0,
                 q: Annotated[str | None, Query(max_length=500)] = None,
                 lang: Annotated[str | None, Query(max_length=8)] = None,
                 date_from: date | None = None, date_to: date | None = None,
                 relevant: bool | None = None) -> M.Page[M.ArticleSummary]:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(400, f"date_from ({date_from}) is after date_to ({date_to})")
        return page(queries.list_articles(c, q=q, lang=lang, date_from=date_from, date_to=date_to,
                                          relevant=relevant, limit=limit, offset=offset), limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: its text and every record with its evidence spans")
    def article(c: Conn, article_id: str) -> M.ArticleDetail:
        a = _found(store_query.get_article(c, article_id), "article", article_id)
        # the records as the extractor gave them, each event with its id in the store
        result = a.pop("result") or {}
        for k in ("events", "counts", "sources", "quotes"):
            a[k] = result.get(k) or []
        for ev, (eid, inc) in zip(a["events"], queries.event_refs(c, article_id), strict=False):
            ev["id"], ev["incident"] = eid, inc
        return a

    @app.get("/api/figures", tags=["figures"], summary="Every reported figure, with who gave it")
    def figures(c: Conn, limit: Limit = 100, offset: Offset = 0,
                kind: Annotated[str | None, Query(max_length=40)] = None,
                source: Annotated[str | None, Query(max_length=300)] = None,
                article_id: Annotated[str | None, Query(max_length=300)] = None,
                incident_id: Annotated[str | None, Query(max_length=300)] = None,
                event_id: int | None = None) -> M.Page[M.Figure]:
        return page(queries.list_figures(c, kind=kind, source=source, article_id=article_id,
                                         incident_id=incident_id, event_id=event_id, limit=limit,
                                         offset=offset), limit, offset)

    @app.get("/api/sources", tags=["sources"], summary="Who claims are attributed to, with article counts")
    def sources(c: Conn, limit: Limit = 100, offset: Offset = 0,
                name: Annotated[str | None, Query(max_length=300)] = None,
                kind: Annotated[str | None, Query(max_length=40)] = None,
                article_id: Annotated[str | None, Query(max_length=300)] = None,
                incident_id: Annotated[str | None, Query(max_length=300)] = None) -> M.Page[M.SourceRow]:
        return page(queries.list_sources(c, name=name, kind=kind, article_id=article_id,
                                         incident_id=incident_id, limit=limit, offset=offset), limit, offset)

    @app.get("/api/export", tags=["export"], response_class=FileResponse,
             summary="The filtered incidents as ACLED CSV or GeoJSON (what the map's download buttons get)")
    def export_view(f: Filter, fmt: Annotated[str, Query(alias="format", pattern="^(acled-csv|geojson)$",
                                                         description="acled-csv or geojson")] = "acled-csv",
                    ) -> FileResponse:
        return _export_file(db_path, f, fmt)

    @app.get("/api/stats", tags=["stats"], summary="Event counts by day, type and country")
    def stats(c: Conn, f: Filter) -> M.Stats:
        return queries.stats(c, f)

    if token:
        _mount_ingest(app, db_path, token, max_ingest_bytes)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    _mount_page(app)
    _error_handlers(app)
    return app


def _store_filters(f: EventFilter, limit: int, offset: int) -> store_query.Filters:
    """The API's filters as the store's query layer takes them (event_type there also matches sub-types)."""
    return store_query.Filters(
        date_from=f.date_from.isoformat() if f.date_from else None,
        date_to=f.date_to.isoformat() if f.date_to else None, country=f.country, admin1=f.admin1,
        event_type=f.sub_event_type or f.event_type, actor=f.actor, text=f.q, limit=limit, offset=offset)


def _export_file(db_path: str, f: EventFilter, fmt: str) -> FileResponse:
    """Write the export to a temporary file, send it, delete it (exports stream from the store in
    pages: a large view never sits in memory)."""
    import os
    import tempfile

    from starlette.background import BackgroundTask

    from ..store.db import connect as store_connect
    from ..store.export import export

    if f.disorder_type or f.bbox or f.article_id or f.incident_id:
        raise HTTPException(400, "export filters on date, country, admin1, event_type, actor and q only")
    suffix = ".csv" if fmt == "acled-csv" else ".geojson"
    fd, path = tempfile.mkstemp(prefix="kronika-export-", suffix=suffix)
    os.close(fd)
    undated: list[str] = []
    try:
        conn = store_connect(db_path, readonly=True)
        try:
            export(conn, fmt, Path(path), "incidents", _store_filters(f, 0, 0), on_skip=undated.append)
        finally:
            conn.close()
    except BaseException:
        os.unlink(path)
        raise
    media = "text/csv; charset=utf-8" if fmt == "acled-csv" else "application/geo+json"
    return FileResponse(path, media_type=media, filename=f"kronika-incidents{suffix}",
                        headers={"X-Kronika-Undated-Left-Out": str(len(undated))},
                        background=BackgroundTask(os.unlink, path))


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in text.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise HTTPException(400, "bbox must be min_lon,min_lat,max_lon,max_lat in degrees")
    return parts  # type: ignore[return-value]


def _found(item: dict[str, Any] | None, what: str, key: object) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return item


def _mount_ingest(app: FastAPI, db_path: str, token: str, max_bytes: int) -> None:
    expected = token.encode("utf-8")

    def authorised(request: Request) -> None:
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        # compare_digest on bytes of any length: no early exit that would leak the token's prefix
        ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode("utf-8"), expected)
        if not ok:
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/ingest", tags=["ingest"], dependencies=[Depends(authorised)],
              summary="Extract and store articles (JSON: one article, a list, or {\"articles\": [...]})")
    async def ingest(request: Request) -> M.IngestResult:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
            raise HTTPException(413, f"request body over {max_bytes} bytes")
        body = bytearray()
        async for chunk in request.stream():  # a lying or absent Content-Length is capped here too
            body += chunk
            if len(body) > max_bytes:
                raise HTTPException(413, f"request body over {max_bytes} bytes")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError) as e:
            raise HTTPException(400, f"body is not JSON: {type(e).__name__}") from None
        items = data.get("articles") if isinstance(data, dict) and "articles" in data else data
        items = [items] if isinstance(items, dict) else items
        if not isinstance(items, list) or not items:
            raise HTTPException(400, "give an article object, a list of them, or {\"articles\": [...]}")
        if len(items) > MAX_INGEST_ARTICLES:
            raise HTTPException(413, f"at most {MAX_INGEST_ARTICLES} articles per request")
        from ..ingest.readers import InputError, article_from_json, vet
        arts = []
        for i, d in enumerate(items):
            try:  # the same field checks and limits as the file readers
                art = vet(article_from_json(d, origin=f"api[{i}]")) if isinstance(d, dict) else _not_object()
            except ValueError as e:
                raise HTTPException(400, f"bad article {i}: {e}") from None
            if isinstance(art, InputError):
                raise HTTPException(400, f"bad article {i}: {art.reason}")
            arts.append(art)
        from starlette.concurrency import run_in_threadpool
        return await run_in_threadpool(_ingest_articles, db_path, arts)


def _not_object() -> Any:
    raise ValueError("each article must be a JSON object")


def _ingest_articles(db_path: str, arts: list[Any]) -> dict[str, Any]:
    from ..pipeline import extract
    from ..store import open_store

    out = []
    with open_store(db_path) as store:
        for a in arts:
            result = extract(a)
            status = store.put(a, result)
            out.append({"id": a.id, "status": status, "events": len(result.events)})
    return {"ingested": out}


def _mount_page(app: FastAPI) -> None:
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(STATIC / "api-docs.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name, sub in {**VENDOR, **DOCS_VENDOR}.items():
        folder = NODE_MODULES / sub
        if folder.is_dir():
            app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=f"vendor-{name}")
    if not vendor_ready():
        log.warning("front-end packages missing under %s: run `make install` (npm) for the map", NODE_MODULES)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        msgs = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            msgs.append(f"{where}: {e.get('msg', 'invalid')}" + (f" (got {e['input']!r})" if "input" in e
                                                                  and isinstance(e["input"], str) else ""))
        return JSONResponse({"detail": "; ".join(msgs) or "invalid request"}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(sqlite3.OperationalError)
    async def db_error(_: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        log.error("database error: %s", exc)
        return JSONResponse({"detail": "the database could not answer this query"}, status_code=503)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")  # the trace goes to the server log, never to the client
        return JSONResponse({"detail": "internal error"}, status_code=500)
