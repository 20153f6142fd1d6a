"""`kronika ingest`, `events`, `incidents`, `relink`, `export`: the chronicle's commands.

cli.py calls `register(app)`; this module never imports cli.py (no import cycle, so running
`python -m kronika.cli` registers these on the app it runs).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from .store.filters import Filters

DbOpt = Annotated[str, typer.Option("--db", help="The kronika database (SQLite file).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First day, inclusive: YYYY-MM-DD (or YYYY-MM, YYYY).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day, inclusive: YYYY-MM-DD (or YYYY-MM, YYYY).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="ISO 3166-1 alpha-2 code.")]
Admin1Opt = Annotated[str | None, typer.Option("--admin1", help="First-level region, as stored.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type.")]
DisorderOpt = Annotated[str | None, typer.Option("--disorder", help="ACLED disorder type.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor kind or name (substring, any case).")]
SearchOpt = Annotated[str | None, typer.Option("--search", "-q", help="Full-text search in the articles.")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Records of this article id.")]
IncidentOpt = Annotated[str | None, typer.Option("--incident", help="Records of this incident id.")]
BboxOpt = Annotated[str | None, typer.Option("--bbox", help="min_lon,min_lat,max_lon,max_lat")]
LimitOpt = Annotated[int, typer.Option("--limit", help="Rows to show (0: all).")]
OffsetOpt = Annotated[int, typer.Option("--offset", help="Rows to skip.")]
# the command-line option of each filter field, for error messages
_OPTION = {"date_from": "--from", "date_to": "--to", "country": "--country", "admin1": "--admin1",
           "event_type": "--type", "sub_event_type": "--type", "disorder_type": "--disorder", "actor": "--actor",
           "text": "--search", "article_id": "--article", "incident_id": "--incident", "bbox": "--bbox",
           "limit": "--limit", "offset": "--offset"}


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

    Idempotent: an article already stored (same id, canonical URL or text) is stored once; a changed
    one replaces its old records. Each article is committed on its own, so an interrupted ingest
    keeps every article finished before it. Inputs that fail are reported; the rest are stored and
    the exit status is 1."""
    from .ingest.readers import InputError
    from .model import Article
    from .scale.pool import extract_many
    from .store import open_store

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
        for res in extract_many(todo(), workers=workers):
            item = pending.popleft()
            if isinstance(res, InputError):
                stats["failed"] += 1
                typer.echo(f"kronika: {res}", err=True)
                continue
            try:
                stats[store.put(item, res, force=force)] += 1
            except (sqlite3.IntegrityError, ValueError, TypeError) as e:
                # a record the schema refuses: this article is rolled back, the others go on
                stats["failed"] += 1
                typer.echo(f"kronika: {item.origin or item.id}: could not store: {type(e).__name__}: {e}", err=True)
    finally:
        store.close()
    typer.echo(", ".join(f"{stats[k]} {k}" for k in ("inserted", "replaced", "unchanged", "failed")), err=True)
    if stats["failed"]:
        typer.echo(f"kronika: some inputs failed ({stats['failed']}); the rest were stored", err=True)
        raise typer.Exit(1)


def _filters(date_from: str | None = None, date_to: str | None = None, country: str | None = None,
             admin1: str | None = None, etype: str | None = None, actor: str | None = None,
             search: str | None = None, limit: int | None = None, offset: int = 0, disorder: str | None = None,
             article: str | None = None, incident: str | None = None, bbox: str | None = None) -> Filters:
    """The options as validated Filters; a bad value is a usage error (exit status 2) naming it."""
    from .store.filters import FilterError, parse_filters

    try:
        return parse_filters(date_from=date_from, date_to=date_to, country=country, admin1=admin1,
                             event_type=etype, disorder_type=disorder, actor=actor, text=search,
                             article_id=article, incident_id=incident, bbox=bbox,
                             limit=None if limit == 0 else limit, offset=offset)
    except FilterError as e:
        raise typer.BadParameter(f"{e.reason}: {e.value!r}", param_hint=_OPTION.get(e.field, e.field)) from None


def _open_read(db: str) -> Any:
    from .store import open_store

    if not Path(db).exists():
        typer.echo(f"kronika: no database at {db} (run kronika ingest first, or give --db)", err=True)
        raise typer.Exit(2)
    return open_store(db)


def _emit(rows: list[dict[str, Any]], total: int, what: str, fmt: str, columns: list[tuple[str, Any]],
          offset: int) -> None:
    cut = f"{len(rows):,} of {total:,} {what}" + (f" from {offset + 1:,}" if offset else "")
    more = len(rows) < total
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        if more:
            typer.echo(f"kronika: {cut} (--limit, --offset for the others)", err=True)
        return
    from rich.table import Table

    from .output import cell, console

    t = Table(*[c for c, _ in columns], caption=cut + (" (--limit, --offset for the others)" if more else ""))
    for r in rows:
        t.add_row(*[cell(f(r)) for _, f in columns])
    console(width=180).print(t)


def _format(fmt: str) -> str:
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    return fmt


def events(
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, disorder: DisorderOpt = None, actor: ActorOpt = None,
    search: SearchOpt = None, article: ArticleOpt = None, incident: IncidentOpt = None, bbox: BboxOpt = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """Stored events (one per article record), filtered."""
    from .store import query

    fmt = _format(fmt)
    f = _filters(date_from, date_to, country, admin1, etype, actor, search, limit, offset, disorder, article,
                 incident, bbox)
    with _open_read(db) as store:
        page = query.list_events(store.conn, f, evidence=fmt == "jsonl", articles=fmt == "jsonl")
    _emit(page.items, page.total, "events", fmt, [
        ("date", lambda r: r["date"] or "?"), ("type", lambda r: r["sub_event_type"]),
        ("place", lambda r: f"{r['location'] or '?'}, {r['country'] or '?'}"),
        ("actors", lambda r: f"{r['actor1']} vs {r['actor2'] or '-'}"),
        ("fatal.", lambda r: "" if r["fatalities"] is None else r["fatalities"]),
        ("article", lambda r: r["article"]), ("incident", lambda r: r["incident"] or "")], f.offset)


def incidents(
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, disorder: DisorderOpt = None, actor: ActorOpt = None,
    search: SearchOpt = None, article: ArticleOpt = None, incident: IncidentOpt = None, bbox: BboxOpt = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """Incidents: the same real-world event across articles, with reconciled figures."""
    from .store import query

    fmt = _format(fmt)
    f = _filters(date_from, date_to, country, admin1, etype, actor, search, limit, offset, disorder, article,
                 incident, bbox)
    with _open_read(db) as store:
        page = query.list_incidents(store.conn, f, members=True)

    def figs(r: dict[str, Any]) -> str:
        return ", ".join(f"{k} {v['lowest']}" + (f" ({v['min']}–{v['max']})" if v["min"] != v["max"] else "")
                         for k, v in r["figures"].items())

    _emit(page.items, page.total, "incidents", fmt, [
        ("id", lambda r: r["id"]), ("date", lambda r: r["date"] or "?"), ("type", lambda r: r["sub_event_type"]),
        ("place", lambda r: f"{r['location'] or '?'}, {r['country'] or '?'}"),
        ("actors", lambda r: f"{r['actor1']} vs {r['actor2'] or '-'}"),
        ("articles", lambda r: r["n_articles"]), ("figures", figs)], f.offset)


def relink(db: DbOpt = "kronika.db") -> None:
    """Rebuild all incidents from the stored events (after the linking rules changed)."""
    with _open_read(db) as store:
        n = store.relink()
    typer.echo(f"{n} incidents", err=True)


def export_cmd(
    output: Annotated[str, typer.Option("-o", "--output", help="File to write; - for standard output.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, parquet or jsonl.")] = "acled-csv",
    level: Annotated[str, typer.Option("--level", help="incidents (one row per real-world event) "
                                                        "or events (every article's record).")] = "incidents",
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, disorder: DisorderOpt = None, actor: ActorOpt = None,
    search: SearchOpt = None, article: ArticleOpt = None, incident: IncidentOpt = None, bbox: BboxOpt = None,
) -> None:
    """Export the chronicle (or the part matching the filters)."""
    from .store.export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if level not in ("incidents", "events"):
        raise typer.BadParameter("use incidents or events", param_hint="--level")
    f = _filters(date_from, date_to, country, admin1, etype, actor, search, 0, 0, disorder, article, incident,
                 bbox)
    with _open_read(db) as store:
        try:
            n = export(store.conn, fmt, output, level, f)  # type: ignore[arg-type]
        except OSError as e:
            typer.echo(f"kronika: cannot write {output}: {e.strerror or e}", err=True)
            raise typer.Exit(1) from None
    if output == "-":
        sys.stdout.flush()
    typer.echo(f"{n} {level} written to {'standard output' if output == '-' else output}", err=True)


def register(app: typer.Typer) -> None:
    """Add the chronicle's commands to the CLI."""
    app.command()(ingest)
    app.command()(events)
    app.command()(incidents)
    app.command()(relink)
    app.command("export")(export_cmd)
