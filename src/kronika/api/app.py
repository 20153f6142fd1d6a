"""The HTTP API and the map page: `create_app(db, token)` gives a FastAPI app over one store.

Read-only unless a token is given: only then is POST /api/ingest mounted, and it accepts only that
token (at least MIN_TOKEN_CHARS long, compared in constant time) and bodies up to a size limit;
each article of a request is checked, extracted and stored on its own (ingest/batch.py), and the
answer lists each one's outcome. No CORS headers are sent, errors carry a clear message and never a
stack trace, and every response (errors included) carries the security headers: a strict
Content-Security-Policy (scripts only from this server) as a second line against injected markup.
A database of a newer schema than this kronika's is refused at start.
"""

import hmac
import ipaddress
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import open_store
from ..store import query as store_query
from ..store.filters import MAX_INT, FilterError, Filters, parse_filters
from . import models as M  # noqa: N812

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
STREAM_CHUNK = 200  # rows per piece of a streamed page
MAX_INGEST_BYTES = 5_000_000
MAX_INGEST_ARTICLES = 200
MIN_TOKEN_CHARS = 24  # ~140 bits as token_urlsafe writes them: not guessable at any request rate

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
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise WeakToken(f"the API token must be at least {MIN_TOKEN_CHARS} characters "
                        f"(this one has {len(token)}); `--token generate` makes one")
    _check_store(db_path)
    app = FastAPI(title="kronika", version=__version__,
                  description="Events, incidents, articles with evidence spans, figures and sources "
                              "from the kronika store. Read-only unless started with a token.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")

    # an old store is brought up to date once, here, before any request reads it
    open_store(db_path).close()
    pool = store_query.ReadPool(db_path)

    # dependencies are async (opening a connection and parsing filters take microseconds): a sync
    # one would cost a hop through the thread pool per request, and two for a generator
    async def conn() -> AsyncIterator[sqlite3.Connection]:
        c = pool.acquire()
        try:
            yield c
        finally:
            pool.release(c)

    Conn = Annotated[sqlite3.Connection, Depends(conn)]
    Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
    # SQLite's integers are 64-bit: a larger offset is a client error, not an overflow in the query
    Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="rows to skip")]

    async def event_filter(
        date_from: Annotated[str | None, Query(max_length=20, description="first day, inclusive: YYYY-MM-DD "
                                                                           "(or YYYY-MM, YYYY)")] = None,
        date_to: Annotated[str | None, Query(max_length=20, description="last day, inclusive")] = None,
        country: Annotated[str | None, Query(max_length=8, description="ISO 3166-1 alpha-2")] = None,
        admin1: Annotated[str | None, Query(max_length=200)] = None,
        event_type: Annotated[str | None, Query(max_length=100, description="ACLED event type")] = None,
        sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
        disorder_type: Annotated[str | None, Query(max_length=100)] = None,
        actor: Annotated[str | None, Query(max_length=200, description="kind or name, substring, any case")] = None,
        q: Annotated[str | None, Query(max_length=500, description="words in the article text")] = None,
        article_id: Annotated[str | None, Query(max_length=300)] = None,
        incident_id: Annotated[str | None, Query(max_length=300)] = None,
        bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    ) -> Filters:
        try:
            return parse_filters(date_from=date_from, date_to=date_to, country=country, admin1=admin1,
                                 event_type=event_type, sub_event_type=sub_event_type, disorder_type=disorder_type,
                                 actor=actor, text=q, article_id=article_id, incident_id=incident_id, bbox=bbox,
                                 limit=None)
        except FilterError as e:  # the API calls the text filter q
            raise HTTPException(422, str(e) if e.field != "text" else str(e).replace("text:", "q:", 1)) from None

    Filter = Annotated[Filters, Depends(event_filter)]

    def page(p: store_query.Page, limit: int, offset: int) -> dict[str, Any]:
        return {"total": p.total, "limit": limit, "offset": offset, "items": p.items}

    # the map loads thousands of events at once: these rows are built by the query layer to the
    # documented shape and streamed as they are (pydantic validation would double the time, and a
    # whole page held at once would cost memory per concurrent request)
    @app.get("/api/events", tags=["events"], summary="Events, filtered and paginated",
             response_model=M.Page[M.Event])
    def events(f: Filter, limit: Limit = 100, offset: Offset = 0,
               evidence: Annotated[bool, Query(description="include evidence spans")] = False,
               ) -> Response:
        fp = f.paged(limit, offset)
        return _stream_page(pool, limit, offset, lambda c: store_query.count_events(c, fp),
                            lambda c: store_query.iter_events(c, fp, evidence=evidence), first_rows=1000)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence spans",
             response_model=M.EventDetail)
    def event(c: Conn, event_id: Annotated[int, PathParam(ge=1, le=MAX_INT)]) -> dict[str, Any]:
        return _found(store_query.get_event(c, event_id), "event", event_id)

    @app.get("/api/incidents", tags=["incidents"], summary="Incidents (the same event across articles)",
             response_model=M.Page[M.Incident])
    def incidents(f: Filter, limit: Limit = 100, offset: Offset = 0,
                  members: Annotated[bool, Query(description=f"include articles, sources, events (up to "
                                                             f"{store_query.MEMBERS} of each; members_cut "
                                                             "says when there are more)")] = False,
                  ) -> Response:
        fp = f.paged(limit, offset)
        return _stream_page(pool, limit, offset, lambda c: store_query.count_incidents(c, fp),
                            lambda c: store_query.iter_incidents(c, fp, members=members))

    @app.get("/api/incidents/{incident_id}", tags=["incidents"],
             summary="One incident: its events, articles, sources and reconciled figures",
             response_model=M.Incident)
    def incident(c: Conn, incident_id: str) -> dict[str, Any]:
        from ..store.export import acled_actors, sides

        d = _found(store_query.get_incident(c, incident_id), "incident", incident_id)
        # each actor's side and ACLED name ("Military Forces of Russia (2000-)"), as the exports give them
        side = sides(c, d, "incidents")
        names = acled_actors(d, side)
        d.update(side, acled_actor1=names["actor1"], acled_actor2=names["actor2"],
                 assoc_actor_1=names["assoc_actor_1"], assoc_actor_2=names["assoc_actor_2"])
        return d

    @app.get("/api/articles", tags=["articles"], summary="Articles, filtered and paginated",
             response_model=M.Page[M.ArticleSummary])
    def articles(c: Conn, limit: Limit = 100, offset: Offset = 0,
                 q: Annotated[str | None, Query(max_length=500)] = None,
                 lang: Annotated[str | None, Query(max_length=8)] = None,
                 date_from: date | None = None, date_to: date | None = None,
                 relevant: bool | None = None) -> dict[str, Any]:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, f"date_from: is after date_to ({date_to}) (got '{date_from}')")
        return page(store_query.list_articles(c, q=q, lang=lang, date_from=date_from, date_to=date_to,
                                              relevant=relevant, limit=limit, offset=offset), limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: its text and every record with its evidence spans",
             response_model=M.ArticleDetail)
    def article(c: Conn, article_id: str) -> dict[str, Any]:
        a = _found(store_query.get_article(c, article_id), "article", article_id)
        # the records as the extractor gave them, each event with its id in the store
        result = a.pop("result") or {}
        for k in ("events", "counts", "sources", "quotes"):
            a[k] = result.get(k) or []
        for ev, (eid, inc) in zip(a["events"], store_query.event_refs(c, article_id), strict=False):
            ev["id"], ev["incident"] = eid, inc
        return a

    @app.get("/api/figures", tags=["figures"], summary="Every reported figure, with who gave it",
             response_model=M.Page[M.Figure])
    def figures(c: Conn, limit: Limit = 100, offset: Offset = 0,
                kind: Annotated[str | None, Query(max_length=40)] = None,
                source: Annotated[str | None, Query(max_length=300)] = None,
                article_id: Annotated[str | None, Query(max_length=300)] = None,
                incident_id: Annotated[str | None, Query(max_length=300)] = None,
                event_id: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None) -> dict[str, Any]:
        return page(store_query.list_figures(c, kind=kind, source=source, article_id=article_id,
                                             incident_id=incident_id, event_id=event_id, limit=limit,
                                             offset=offset), limit, offset)

    @app.get("/api/sources", tags=["sources"], summary="Who claims are attributed to, with article counts",
             response_model=M.Page[M.SourceRow])
    def sources(c: Conn, limit: Limit = 100, offset: Offset = 0,
                name: Annotated[str | None, Query(max_length=300)] = None,
                kind: Annotated[str | None, Query(max_length=40)] = None,
                article_id: Annotated[str | None, Query(max_length=300)] = None,
                incident_id: Annotated[str | None, Query(max_length=300)] = None) -> dict[str, Any]:
        return page(store_query.list_sources(c, name=name, kind=kind, article_id=article_id,
                                             incident_id=incident_id, limit=limit, offset=offset), limit, offset)

    @app.get("/api/export", tags=["export"], response_class=FileResponse,
             summary="The filtered incidents as ACLED CSV or GeoJSON (what the map's download buttons get)")
    def export_view(f: Filter, fmt: Annotated[str, Query(alias="format", pattern="^(acled-csv|geojson)$",
                                                         description="acled-csv or geojson")] = "acled-csv",
                    ) -> FileResponse:
        return _export_file(db_path, f, fmt)

    @app.get("/api/stats", tags=["stats"],
             summary="Under the events filters: counts of events, their articles and incidents, by day, type "
                     "and country", response_model=M.Stats)
    def stats(c: Conn, f: Filter) -> dict[str, Any]:
        return store_query.stats(c, f)

    if token:
        _mount_ingest(app, db_path, token, max_ingest_bytes)
    _mount_page(app)
    _error_handlers(app)
    # added last, so outermost of the app's own layers: its headers reach every answer, errors too
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app


class WeakToken(ValueError):
    """An API token too short to resist guessing."""


def _export_file(db_path: str, f: Filters, fmt: str) -> FileResponse:
    """Write the export to a temporary file, send it, delete it (exports stream from the store in
    pages: a large view never sits in memory)."""
    import os
    import tempfile

    from starlette.background import BackgroundTask

    from ..store.db import connect as store_connect
    from ..store.export import export

    suffix = ".csv" if fmt == "acled-csv" else ".geojson"
    fd, path = tempfile.mkstemp(prefix="kronika-export-", suffix=suffix)
    os.close(fd)
    undated: list[str] = []
    try:
        conn = store_connect(db_path, readonly=True)
        try:
            export(conn, fmt, Path(path), "incidents", f.paged(None, 0), on_skip=undated.append)
        finally:
            conn.close()
    except BaseException:
        os.unlink(path)
        raise
    media = "text/csv; charset=utf-8" if fmt == "acled-csv" else "application/geo+json"
    return FileResponse(path, media_type=media, filename=f"kronika-incidents{suffix}",
                        headers={"X-Kronika-Undated-Left-Out": str(len(undated))},
                        background=BackgroundTask(os.unlink, path))


def _check_store(db_path: str) -> None:
    """Refuse a database this kronika cannot serve (a newer schema, not a kronika store). An older
    one is served as it is (the read queries use no column added since); the ingest endpoint's
    own open brings it up to date when it first writes."""
    from ..store.db import open_store

    open_store(db_path, readonly=True).close()


class Guard:
    """ASGI middleware: the Host check (a server on a private address is not readable through
    another site's name: DNS rebinding), the security headers on every response, and a plain 500
    for an unexpected error, with the headers too (Starlette's own error page is outside the app's
    middleware and would go without them)."""

    def __init__(self, app: Any, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed_hosts} if allowed_hosts else None

    def host_ok(self, name: str) -> bool:
        if self.allowed is None or name in self.allowed:
            return True
        try:  # an address typed as the host is no rebinding: only names can be re-pointed
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.host_ok(_host_name(scope)):
            await _send_json(send, 400, {"detail": "invalid Host header"})
            return
        started = False

        async def send_with_headers(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("internal error")  # the trace goes to the server log, never to the client
            if started:
                raise
            await _send_json(send, 500, {"detail": "internal error"})


SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"), (b"content-security-policy", CSP.encode("ascii"))]


def _host_name(scope: Any) -> str:
    """The Host header's name, lower case, without port or IPv6 brackets ("[::1]:8000" -> "::1")."""
    host = ""
    for k, v in scope.get("headers", []):
        if k == b"host":
            host = v.decode("latin-1").strip().lower()
            break
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _send_json(send: Any, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": data})


def _stream_page(pool: store_query.ReadPool, limit: int, offset: int, count: Callable[[sqlite3.Connection], int],
                 rows: Callable[[sqlite3.Connection], Iterator[dict[str, Any]]],
                 first_rows: int = STREAM_CHUNK) -> Response:
    """A page as JSON, encoded as its rows are read on a connection of its own: memory per request
    stays at one chunk of rows whatever the limit. The count and the first rows are read before
    answering, so a database error is still an error status; a page of at most `first_rows` is
    sent whole (no stream), a longer one in chunks. The rows' cursor is closed and the connection
    given back when the body is done (or abandoned)."""
    conn = pool.acquire()
    items: Iterator[dict[str, Any]] = iter(())
    done = False

    def finish() -> None:
        nonlocal done
        if not done:
            done = True
            close = getattr(items, "close", None)
            if close is not None:
                close()  # ends the statement: a pooled connection must not keep a stale snapshot
            pool.release(conn)

    try:
        total = count(conn)
        items = rows(conn)
        first = list(islice(items, first_rows))
    except BaseException:
        finish()
        raise
    head = orjson.dumps({"total": total, "limit": limit, "offset": offset})[:-1] + b',"items":['

    def body() -> Iterator[bytes]:
        try:
            rows = first
            sep = b""
            yield head
            while rows:
                # orjson: a 1,000-event page encodes 5x faster than with json (docs/robustness.md)
                yield sep + b",".join(orjson.dumps(r) for r in rows)
                sep = b","
                rows = list(islice(items, STREAM_CHUNK))
            yield b"]}"
        finally:
            finish()

    if len(first) < first_rows:  # a small page: one body, no stream
        return Response(b"".join(body()), media_type="application/json")
    return StreamingResponse(body(), media_type="application/json")


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
              summary="Extract and store articles (JSON: one article, a list, or {\"articles\": [...]})",
              response_model=M.IngestResult)
    async def ingest(request: Request) -> dict[str, Any] | JSONResponse:
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
        from starlette.concurrency import run_in_threadpool

        outcomes = await run_in_threadpool(_ingest_articles, db_path, [_article(i, d) for i, d in enumerate(items)])
        failed = [(i, o) for i, o in enumerate(outcomes) if o["status"] == "failed"]
        result = {"ingested": outcomes}
        if not failed:
            return JSONResponse(result)
        detail = "; ".join(f"bad article {i}: {o.get('reason')}" for i, o in failed[:20])
        # all refused: a client error; some stored: 207, each article's outcome in the list
        return JSONResponse({**result, "detail": detail}, status_code=400 if len(failed) == len(outcomes) else 207)


def _article(i: int, d: Any) -> Any:
    """One request item as the file readers would make it: an Article, or an InputError naming it."""
    from ..ingest.readers import InputError, article_from_json, vet

    where = f"api[{i}]"
    if not isinstance(d, dict):
        return InputError(where, "each article must be a JSON object")
    try:  # the same field checks and limits as the file readers
        return vet(article_from_json(d, origin=where), strict=True)
    except ValueError as e:
        return InputError(where, str(e))


def _ingest_articles(db_path: str, items: list[Any]) -> list[dict[str, Any]]:
    """The per-article path of `kronika ingest`: one transaction per article, one outcome each."""
    from ..ingest.batch import store_items
    from ..store import open_store
    from ..store.schema import StoreError

    out: list[dict[str, Any]] = []
    try:
        with open_store(db_path) as store:
            for o in store_items(store, items):
                d: dict[str, Any] = {"id": o.id, "status": o.status}
                if o.status in ("inserted", "replaced"):
                    d["events"] = o.events
                if o.reason:
                    d["reason"] = o.reason
                if o.new_url:
                    d["new_url"] = True
                out.append(d)
    except StoreError as e:
        log.error("%s", e)
        raise HTTPException(503, f"the store cannot be written: {e}; articles before it were stored "
                                 f"({len(out)} of {len(items)})") from None
    return out


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
