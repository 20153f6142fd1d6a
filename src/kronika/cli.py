"""The `kronika` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, cli_live, cli_store

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="kronika: news articles (uk, ru, en) to ACLED-style event records with evidence spans.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kronika {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into event data: events, figures, sources, quotes, each with its text span."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="JSONL article files, .txt, .html or RSS/Atom files, folders of them, http(s) URLs, "
             "or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (SCHEMA.md records) or table.")] = "jsonl",
    workers: Annotated[int, typer.Option("--workers", "-w", min=1,
                                         help="Worker processes (results keep input order).")] = 1,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress",
                                                  help="Progress bar on stderr (default: when stderr "
                                                       "is a terminal and the input is large).")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="For feed URLs, fetch each item's "
                                                                       "page for the full text.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching from private, "
                                                                         "loopback and link-local addresses.")] = False,
) -> None:
    """Extract events, figures, sources and quotes: one JSON line per article.

    Inputs that cannot be read are reported on stderr with the reason; the others are still
    processed, and the exit status is 1 when some inputs failed."""
    from .ingest.inputs import read_all
    from .ingest.readers import InputError, total_input_bytes
    from .output import print_table, to_json_line
    from .scale.pool import Terminated, extract_many, stop_on_sigterm

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("use jsonl or table", param_hint="--format")
    from .progress import progress as progress_display
    from .progress import want_progress

    show = want_progress(progress, large=progress is None and total_input_bytes(paths) > 2_000_000)
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as e:  # a user error, not a crash: no traceback
        raise typer.BadParameter(f"cannot write {output}: {e.strerror or e}", param_hint="-o") from e
    failed = written = 0
    table_rows = []
    try:
        with stop_on_sigterm(), progress_display("extract", show, unit="articles") as bar:
            items = read_all(paths, allow_private=allow_private, follow_links=follow_links)
            for item in extract_many(items, workers=workers):
                if isinstance(item, InputError):
                    failed += 1
                    typer.echo(f"kronika: {item}", err=True)
                    continue
                bar.advance()
                if fmt == "table":
                    table_rows.append(item)
                else:
                    out.write(to_json_line(item) + "\n")
                    written += 1
            if fmt == "table":
                print_table(table_rows, out)
    except Terminated as e:  # SIGTERM: what was written stays, complete line by line
        typer.echo(f"kronika: stopped by SIGTERM after {written} articles; their output is complete", err=True)
        raise typer.Exit(int(e.code or 143)) from None
    finally:
        if output:
            out.close()
    if failed:
        typer.echo(f"kronika: some inputs failed ({failed}); the rest were processed", err=True)
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="The kronika SQLite store to serve.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="KRONIKA_TOKEN", help="Enable POST /api/ingest for requests bearing this token (at least "
                                     "24 characters; 'generate' makes one and prints it).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64,
                                         help="Server processes (one per core for many users).")] = 1,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A host name clients reach the server by (repeatable); localhost, the "
                               "listening name and IP addresses always pass.")] = None,
) -> None:
    """Serve the HTTP API and the map page (read-only unless a token is given)."""
    from .api.serve import run

    run(db, host=host, port=port, token=token, workers=workers, names=allowed_host or [])


@app.command()
def spark(
    input_path: Annotated[str, typer.Option("--input", "-i", help="JSONL or Parquet articles (any path "
                                                                    "Spark reads: local, hdfs://, s3a://).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder for the Parquet tables.")],
    master: Annotated[str | None, typer.Option(help="Spark master, e.g. local[*] (default: spark-submit's, "
                                                    "else local[*]).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="auto, json, parquet or text (one article per .txt file).")] = "auto",
    partitions: Annotated[int | None, typer.Option(help="Extraction tasks (default: automatic).")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Tasks done on stderr "
                                                  "(default: when stderr is a terminal).")] = None,
) -> None:
    """Run extraction and incident linking as an Apache Spark job; writes Parquet (docs/scale.md)."""
    import importlib.util

    if importlib.util.find_spec("pyspark") is None:
        typer.echo("kronika: pyspark is not installed: pip install 'kronika[spark]'", err=True)
        raise typer.Exit(2)
    from .scale import spark as job

    args = ["--input", input_path, "--output", output, "--format", fmt]
    args += ["--master", master] if master else []
    args += ["--partitions", str(partitions)] if partitions else []
    args += [] if progress is None else ["--progress" if progress else "--no-progress"]
    raise typer.Exit(job.main(args))


cli_store.register(app)
cli_live.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    # `python -m kronika.cli`: run the imported module's app, on which cli_store registered its
    # commands (this __main__ copy of the module has only the ones defined above)
    from kronika import cli as _cli

    _cli.main()
