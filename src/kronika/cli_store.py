"""`kronika ingest`, `kronika events`, `kronika incidents`, `kronika export`: the chronicle's commands.

Registered on the main `app` by a one-line import in cli.py.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from .cli import app

DbOpt = Annotated[str, typer.Option("--db", help="The kronika database (SQLite file).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First day, ISO (inclusive).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day, ISO (inclusive).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="ISO 3166-1 alpha-2 code.")]
Admin1Opt = Annotated[str | None, typer.Option("--admin1", help="First-level region, as stored.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor kind or name (substring).")]
SearchOpt = Annotated[str | None, typer.Option("--search", "-q", help="Full-text search in the articles.")]
ProgressOpt = Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress on stderr "
                                                  "(default: when stderr is a terminal and the work is large).")]
LARGE_BYTES = 2_000_000


def _is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def _inputs(paths: list[str], allow_private: bool, follow_links: bool) -> Iterator[Any]:
    """Articles and InputErrors from files, folders, feeds (files or URLs) and pages (URLs)."""
    from .ingest.feeds import FEED_EXT, is_feed, read_feed_file, read_url
    from .ingest.readers import READABLE_EXT, read_inputs

    for p in paths:
        if _is_url(p):
            yield from read_url(p, allow_private=allow_private, follow_links=follow_links)
            continue
        path = Path(p)
        if path.is_file() and (path.suffix.lower() in FEED_EXT or _sniff_feed(path, is_feed)):
            yield from read_feed_file(path)
        elif path.is_dir():
            # feed files in a folder too; the readers take the rest (and report an empty folder)
            files = sorted(f for f in path.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            feeds = [f for f in files if f.suffix.lower() in FEED_EXT]
            for f in feeds:
                yield from read_feed_file(f)
            if not feeds or any(f.suffix.lower() in READABLE_EXT for f in files):
                yield from read_inputs([p])
        else:
            yield from read_inputs([p])


def _sniff_feed(path: Path, is_feed: Any) -> bool:
    try:
        with open(path, "rb") as f:
            return bool(is_feed(f.read(2048)))
    except OSError:
        return False


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        help="JSONL, .txt, .html files, folders, RSS/Atom feed files, or http(s) URLs of feeds or pages.")],
    db: DbOpt = "kronika.db",
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Re-extract and replace articles already stored "
                                                         "with the same text.")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="For feed URLs, fetch each item's "
                                                                       "page for the full text.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching from private, "
                                                                         "loopback and link-local addresses.")] = False,
    progress: ProgressOpt = None,
) -> None:
    """Extract articles and store them with their events, linked into incidents.

    Idempotent: an article already stored (same id, canonical URL or text) is stored once; a changed
    one replaces its old records. Each article is committed on its own, so an interrupted ingest
    keeps every article finished before it. Inputs that fail are reported; the rest are stored and
    the exit status is 1."""
    from .ingest.readers import InputError, total_input_bytes
    from .model import Article
    from .progress import progress as progress_display
    from .progress import want_progress
    from .scale.pool import extract_many
    from .store import open_store

    show = want_progress(progress, large=progress is None and (
        any(_is_url(p) for p in inputs) or total_input_bytes([p for p in inputs if not _is_url(p)]) > LARGE_BYTES))

    try:
        store = open_store(db)
    except Exception as e:  # noqa: BLE001 - any reason the database cannot be opened, for the user
        typer.echo(f"kronika: cannot open database {db}: {e}", err=True)
        raise typer.Exit(2) from e
    stats: Counter[str] = Counter()
    pending: deque[Any] = deque()

    def todo() -> Iterator[Any]:
        for it in _inputs(inputs, allow_private, follow_links):
            if isinstance(it, Article) and not force and store.is_unchanged(it):
                stats["unchanged"] += 1
                continue
            pending.append(it)
            yield it

    try:
        with progress_display("ingest", show, unit="articles") as bar:
            for res in extract_many(todo(), workers=workers):
                item = pending.popleft()
                bar.advance()
                if isinstance(res, InputError):
                    stats["failed"] += 1
                    typer.echo(f"kronika: {res}", err=True)
                    continue
                try:
                    stats[store.put(item, res, force=force)] += 1
                except (sqlite3.IntegrityError, ValueError, TypeError) as e:
                    # a record the schema refuses: this article is rolled back, the others go on
                    stats["failed"] += 1
                    typer.echo(f"kronika: {item.origin or item.id}: could not store: {type(e).__name__}: {e}",
                               err=True)
    finally:
        store.close()
    typer.echo(", ".join(f"{stats[k]} {k}" for k in ("inserted", "replaced", "unchanged", "failed")), err=True)
    if stats["failed"]:
        typer.echo(f"kronika: some inputs failed ({stats['failed']}); the rest were stored", err=True)
        raise typer.Exit(1)


def _filters(date_from: str | None, date_to: str | None, country: str | None, admin1: str | None,
             etype: str | None, actor: str | None, search: str | None, limit: int, offset: int) -> Any:
    from .store.query import Filters

    return Filters(date_from=date_from, date_to=date_to, country=country, admin1=admin1, event_type=etype,
                   actor=actor, text=search, limit=limit, offset=offset)


def _db_large(db: str) -> bool:
    try:
        return Path(db).stat().st_size > LARGE_BYTES
    except OSError:
        return False


def _open_read(db: str) -> Any:
    from .store import open_store

    if not Path(db).exists():
        typer.echo(f"kronika: no database at {db} (run kronika ingest first, or give --db)", err=True)
        raise typer.Exit(2)
    return open_store(db)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[tuple[str, Any]]) -> None:
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt != "table":
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    from rich.console import Console
    from rich.table import Table

    t = Table(*[c for c, _ in columns])
    for r in rows:
        t.add_row(*[str(f(r)) for _, f in columns])
    Console(width=180).print(t)


@app.command()
def events(
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, actor: ActorOpt = None, search: SearchOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=0)] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """Stored events (one per article record), filtered."""
    from .store import query

    with _open_read(db) as store:
        rows = query.events(store.conn, _filters(date_from, date_to, country, admin1, etype, actor, search,
                                                 limit, offset), evidence=fmt == "jsonl")
    _emit(rows, fmt, [
        ("date", lambda r: r["date"] or "?"), ("type", lambda r: r["sub_event_type"]),
        ("place", lambda r: f"{r['location'] or '?'}, {r['country'] or '?'}"),
        ("actors", lambda r: f"{r['actor1']} vs {r['actor2'] or '-'}"),
        ("fatal.", lambda r: "" if r["fatalities"] is None else r["fatalities"]),
        ("article", lambda r: r["article"]), ("incident", lambda r: r["incident"] or "")])


@app.command()
def incidents(
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, actor: ActorOpt = None, search: SearchOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=0)] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """Incidents: the same real-world event across articles, with reconciled figures."""
    from .store import query

    with _open_read(db) as store:
        rows = query.incidents(store.conn, _filters(date_from, date_to, country, admin1, etype, actor, search,
                                                    limit, offset))

    def figs(r: dict[str, Any]) -> str:
        return ", ".join(f"{k} {v['lowest']}" + (f" ({v['min']}–{v['max']})" if v["min"] != v["max"] else "")
                         for k, v in r["figures"].items())

    _emit(rows, fmt, [
        ("id", lambda r: r["id"]), ("date", lambda r: r["date"] or "?"), ("type", lambda r: r["sub_event_type"]),
        ("place", lambda r: f"{r['location'] or '?'}, {r['country'] or '?'}"),
        ("actors", lambda r: f"{r['actor1']} vs {r['actor2'] or '-'}"),
        ("articles", lambda r: r["n_articles"]), ("figures", figs)])


@app.command()
def relink(db: DbOpt = "kronika.db", progress: ProgressOpt = None) -> None:
    """Rebuild all incidents from the stored events (after the linking rules changed)."""
    from .progress import progress as progress_display
    from .progress import want_progress

    with _open_read(db) as store:
        total = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        with progress_display("relink", want_progress(progress, large=_db_large(db)), total=total,
                              unit="events") as bar:
            n = store.relink(on_event=bar.advance)
    typer.echo(f"{n} incidents", err=True)


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, parquet or jsonl.")] = "acled-csv",
    level: Annotated[str, typer.Option("--level", help="incidents (one row per real-world event) "
                                                        "or events (every article's record).")] = "incidents",
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, actor: ActorOpt = None, search: SearchOpt = None,
    progress: ProgressOpt = None,
) -> None:
    """Export the chronicle (or the part matching the filters)."""
    from .progress import progress as progress_display
    from .progress import want_progress
    from .store.export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if level not in ("incidents", "events"):
        raise typer.BadParameter("use incidents or events", param_hint="--level")
    with _open_read(db) as store, progress_display(
            "export", want_progress(progress, large=_db_large(db)), unit=level) as bar:
        n = export(store.conn, fmt, output, level,  # type: ignore[arg-type]
                   _filters(date_from, date_to, country, admin1, etype, actor, search, 0, 0), on_row=bar.advance)
    typer.echo(f"{n} {level} written to {output}", err=True)
