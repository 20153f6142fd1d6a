"""Progress display on stderr for the long commands (extract, ingest, export, relink, spark), one
library for all of them: rich, which typer already brings.

`progress(label, enabled)` gives a `Ticker`; callers call `advance()` per item and never test
whether a display is on, so the disabled path is the same code with a no-op ticker.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


class Ticker:
    """Counts items on one progress task (or nowhere, when the display is off)."""

    def __init__(self, bar: Progress | None = None, task: TaskID | None = None) -> None:
        self._bar = bar
        self._task = task
        self.n = 0

    def advance(self, n: int = 1) -> None:
        self.n += n
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=n)

    def set(self, completed: int, total: int | None = None, label: str | None = None) -> None:
        """Absolute position (for a source that reports done/total, such as a Spark stage)."""
        self.n = completed
        if self._bar is not None and self._task is not None:
            kw: dict[str, Any] = {"completed": completed}
            if total is not None:
                kw["total"] = total
            if label is not None:
                kw["description"] = label
            self._bar.update(self._task, **kw)


def want_progress(flag: bool | None, large: bool = True, stream: TextIO | None = None) -> bool:
    """The user's --progress/--no-progress, else on when stderr is a terminal and the work is large."""
    if flag is not None:
        return flag
    s = stream or sys.stderr
    return bool(large and s.isatty())


@contextmanager
def progress(label: str, enabled: bool, total: int | None = None, unit: str = "items",
             stream: TextIO | None = None) -> Iterator[Ticker]:
    """A progress line on `stream` (stderr) while the block runs; a no-op ticker when not enabled."""
    if not enabled:
        yield Ticker()
        return
    console = Console(file=stream or sys.stderr, stderr=stream is None)
    columns: list[Any] = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
    columns += [BarColumn(), MofNCompleteColumn()] if total is not None else \
        [TextColumn("{task.completed:,.0f} " + unit)]
    columns += [TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield Ticker(bar, task)


@contextmanager
def spark_stages(spark_context: Any, enabled: bool, every_s: float = 0.5,
                 stream: TextIO | None = None) -> Iterator[Ticker]:
    """Tasks done of the active Spark stages, read from Spark's status tracker by a thread while the
    block runs (Spark's own console bar is switched off: it would draw over this one)."""
    import threading

    with progress("spark", enabled, total=0, unit="tasks", stream=stream) as ticker:
        if not enabled:
            yield ticker
            return
        stop = threading.Event()
        tracker = spark_context.statusTracker()

        def poll() -> None:
            while not stop.wait(every_s):
                done = total = 0
                for sid in tracker.getActiveStageIds():
                    info = tracker.getStageInfo(sid)
                    if info is not None:
                        done += info.numCompletedTasks
                        total += info.numTasks
                if total:
                    ticker.set(done, total, f"spark: {len(tracker.getActiveStageIds())} stage(s)")

        t = threading.Thread(target=poll, name="kronika-spark-progress", daemon=True)
        t.start()
        try:
            yield ticker
        finally:
            stop.set()
            t.join()
