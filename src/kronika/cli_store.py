"""`kronika ingest`, `kronika events`, `kronika incidents`, `kronika export`: the chronicle's commands.

Registered on the main `app` by a one-line import in cli.py.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
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
) -> None:
    """Extract articles and store them with their events, linked into incidents.

    Idempotent: an article already stored (same id, canonical URL or text) is stored once; the same
    text under a new URL is recorded as another sighting of it; a changed one replaces its old
    records. Each article is committed on its own, so an interrupted ingest keeps every article
    finished before it. Inputs that fail are reported; the rest are stored and the exit status is 1.
    A database that cannot be written (read-only, full disk) stops the run with exit status 2."""
    from .ingest.batch import store_items
    from .ingest.inputs import read_all
    from .scale.pool import Terminated, stop_on_sigterm
    from .store import open_store
    from .store.schema import StoreError

    try:
        store = open_store(db)
    except StoreError as e:
        typer.echo(f"kronika: {e}", err=True)
        raise typer.Exit(2) from None
    except Exception as e:  # noqa: BLE001 - any reason the database cannot be opened, for the user
        typer.echo(f"kronika: cannot open database {db}: {e}", err=True)
        raise typer.Exit(2) from None
    stats: Counter[str] = Counter()
    code = 0
    try:
        with stop_on_sigterm():
            items = read_all(inputs, allow_private=allow_private, follow_links=follow_links)
            for out in store_items(store, items, workers=workers, force=force):
                stats[out.status] += 1
                stats["new URL"] += out.new_url
                if out.status == "failed":
                    typer.echo(f"kronika: {out.origin}: {out.reason}", err=True)
    except StoreError as e:
        typer.echo(f"kronika: {e}", err=True)
        code = 2
    except Terminated as e:
        typer.echo("kronika: stopped by SIGTERM; every article stored before it is kept", err=True)
        code = int(e.code or 143)
    finally:
        store.close()
    new_urls = f" ({stats['new URL']} under a new URL)" if stats["new URL"] else ""
    typer.echo(f"{stats['inserted']} inserted, {stats['replaced']} replaced, {stats['unchanged']} unchanged"
               f"{new_urls}, {stats['failed']} failed", err=True)
    if code:
        raise typer.Exit(code)
    if stats["failed"]:
        typer.echo(f"kronika: some inputs failed ({stats['failed']}); the rest were stored", err=True)
        raise typer.Exit(1)


def _filters(date_from: str | None, date_to: str | None, country: str | None, admin1: str | None,
             etype: str | None, actor: str | None, search: str | None, limit: int, offset: int) -> Any:
    from .store.query import Filters

    return Filters(date_from=date_from, date_to=date_to, country=country, admin1=admin1, event_type=etype,
                   actor=actor, text=search, limit=limit, offset=offset)


def _open_read(db: str) -> Any:
    from .store import open_store
    from .store.schema import SchemaTooNew, StoreError

    if not Path(db).exists():
        typer.echo(f"kronika: no database at {db} (run kronika ingest first, or give --db)", err=True)
        raise typer.Exit(2)
    try:
        try:
            return open_store(db)
        except SchemaTooNew:
            raise
        except StoreError:  # a read-only file or folder can still be read
            return open_store(db, readonly=True)
    except StoreError as e:
        typer.echo(f"kronika: {e}", err=True)
        raise typer.Exit(2) from None


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
def relink(db: DbOpt = "kronika.db") -> None:
    """Rebuild all incidents from the stored events (after the linking rules changed)."""
    with _open_read(db) as store:
        n = store.relink()
    typer.echo(f"{n} incidents", err=True)


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, parquet or jsonl.")] = "acled-csv",
    level: Annotated[str, typer.Option("--level", help="incidents (one row per real-world event) "
                                                        "or events (every article's record).")] = "incidents",
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, actor: ActorOpt = None, search: SearchOpt = None,
) -> None:
    """Export the chronicle (or the part matching the filters)."""
    from .store.export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if level not in ("incidents", "events"):
        raise typer.BadParameter("use incidents or events", param_hint="--level")
    with _open_read(db) as store:
        n = export(store.conn, fmt, output, level,  # type: ignore[arg-type]
                   _filters(date_from, date_to, country, admin1, etype, actor, search, 0, 0))
    typer.echo(f"{n} {level} written to {output}", err=True)
