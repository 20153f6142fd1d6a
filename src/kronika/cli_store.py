"""`kronika ingest`, `events`, `incidents`, `relink`, `export`: the chronicle's commands.

cli.py calls `register(app)`; this module never imports cli.py (no import cycle, so running
`python -m kronika.cli` registers these on the app it runs).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
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
ProgressOpt = Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress on stderr "
                                                  "(default: when stderr is a terminal and the work is large).")]
LARGE_BYTES = 2_000_000


def _is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


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

    Idempotent: an article already stored (same id, canonical URL or text) is stored once; the same
    text under a new URL is recorded as another sighting of it; a changed one replaces its old
    records. Each article is committed on its own, so an interrupted ingest keeps every article
    finished before it. Inputs that fail are reported; the rest are stored and the exit status is 1.
    A database that cannot be written (read-only, full disk) stops the run with exit status 2."""
    from .ingest.batch import store_items
    from .ingest.inputs import read_all
    from .ingest.readers import total_input_bytes
    from .progress import progress as progress_display
    from .progress import want_progress
    from .scale.pool import Terminated, stop_on_sigterm
    from .store import open_store
    from .store.schema import StoreError

    show = want_progress(progress, large=progress is None and (
        any(_is_url(p) for p in inputs) or total_input_bytes([p for p in inputs if not _is_url(p)]) > LARGE_BYTES))

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
        with stop_on_sigterm(), progress_display("ingest", show, unit="articles") as bar:
            items = read_all(inputs, allow_private=allow_private, follow_links=follow_links)
            for out in store_items(store, items, workers=workers, force=force):
                bar.advance()
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


def _db_large(db: str) -> bool:
    try:
        return Path(db).stat().st_size > LARGE_BYTES
    except OSError:
        return False


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


def export_cmd(
    output: Annotated[str, typer.Option("-o", "--output", help="File to write; - for standard output.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, parquet or jsonl.")] = "acled-csv",
    level: Annotated[str, typer.Option("--level", help="incidents (one row per real-world event) "
                                                        "or events (every article's record).")] = "incidents",
    db: DbOpt = "kronika.db", date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    admin1: Admin1Opt = None, etype: TypeOpt = None, disorder: DisorderOpt = None, actor: ActorOpt = None,
    search: SearchOpt = None, article: ArticleOpt = None, incident: IncidentOpt = None, bbox: BboxOpt = None,
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
    f = _filters(date_from, date_to, country, admin1, etype, actor, search, 0, 0, disorder, article, incident,
                 bbox)
    with _open_read(db) as store, progress_display(
            "export", want_progress(progress, large=_db_large(db)), unit=level) as bar:
        try:
            n = export(store.conn, fmt, output, level, f, on_row=bar.advance)  # type: ignore[arg-type]
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
