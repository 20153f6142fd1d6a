"""`kronika watch`: keep the chronicle current from feeds, pages and Telegram channels."""

from __future__ import annotations

from typing import Annotated

import typer


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="http(s) URLs of RSS/Atom feeds, pages or Telegram preview pages (https://t.me/s/NAME).")],
    db: Annotated[str, typer.Option("--db", help="The kronika database (SQLite file).")] = "kronika.db",
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 10m, 1h.")] = "10m",
    notify: Annotated[str | None, typer.Option(
        "--notify", help="POST each new or updated incident as JSON to this URL; '-' writes JSON lines "
                         "to standard output.")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Fetch each feed item's page for "
                                                                       "the full text.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private, loopback and "
                                                                         "link-local addresses.")] = False,
    max_polls: Annotated[int | None, typer.Option("--max-polls", min=1, help="Stop after this many "
                                                                              "polls (default: run until stopped).")] = None,
) -> None:
    """Poll the sources every interval and ingest only what is new (conditional GET, stored-text
    check); one line per poll on stderr; Ctrl-C or TERM stops after the article in hand."""
    from .ingest.feeds import FetchError
    from .live.watch import Watcher, http_notifier, parse_interval, stdout_notifier
    from .store import open_store

    try:
        interval = parse_interval(every)
    except ValueError as e:
        typer.echo(f"kronika: --every: {e}", err=True)
        raise typer.Exit(2) from e
    bad = [s for s in sources if not s.lower().startswith(("http://", "https://"))]
    if bad:
        typer.echo(f"kronika: watch takes http(s) URLs; not one: {', '.join(bad)}", err=True)
        raise typer.Exit(2)
    try:
        sink = None if notify is None else (
            stdout_notifier() if notify == "-" else http_notifier(notify, allow_private=allow_private))
    except FetchError as e:
        typer.echo(f"kronika: --notify {notify}: {e}", err=True)
        raise typer.Exit(2) from e
    try:
        store = open_store(db)
    except Exception as e:  # noqa: BLE001 - any reason the database cannot be opened, for the user
        typer.echo(f"kronika: cannot open database {db}: {e}", err=True)
        raise typer.Exit(2) from e
    watcher = Watcher(store, sources, interval, notify=sink, allow_private=allow_private,
                      follow_links=follow_links)
    watcher.install_signals()
    try:
        watcher.run(max_polls=max_polls)
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add `watch` to the CLI."""
    app.command()(watch)
