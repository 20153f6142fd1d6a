"""Progress display: every long command takes --progress and shows rich's line on stderr, never a
crash (tqdm is not a dependency), and the records it writes are the same as without it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from kronika.progress import progress, want_progress

KRONIKA = [sys.executable, "-m", "kronika.cli"]  # as the brief and README run it
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KRONIKA, *args], capture_output=True, text=True, timeout=300)


def test_ticker_counts_and_draws_when_enabled() -> None:
    buf = io.StringIO()
    with progress("work", True, total=3, stream=buf) as t:
        for _ in range(3):
            t.advance()
    assert t.n == 3
    assert "work" in buf.getvalue() and "3/3" in buf.getvalue()


def test_disabled_ticker_writes_nothing() -> None:
    buf = io.StringIO()
    with progress("work", False, stream=buf) as t:
        t.advance(5)
    assert t.n == 5 and buf.getvalue() == ""


def test_want_progress_default_follows_terminal_and_size() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert want_progress(None, large=True, stream=Tty())
    assert not want_progress(None, large=False, stream=Tty())
    assert not want_progress(None, large=True, stream=io.StringIO())
    assert want_progress(True, large=False, stream=io.StringIO())
    assert not want_progress(False, large=True, stream=Tty())


def test_extract_progress_does_not_crash_and_output_is_unchanged(tmp_path: Path) -> None:
    with_bar = run("extract", str(SAMPLES), "--progress")
    assert with_bar.returncode == 0, with_bar.stderr
    assert "extract" in with_bar.stderr and "articles" in with_bar.stderr
    plain = run("extract", str(SAMPLES), "--no-progress")
    assert plain.returncode == 0 and plain.stderr == ""
    assert [json.loads(x)["id"] for x in with_bar.stdout.splitlines()] == \
        [json.loads(x)["id"] for x in plain.stdout.splitlines()]


def test_ingest_relink_export_progress(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    r = run("ingest", "--db", str(db), str(SAMPLES), "--progress")
    assert r.returncode == 0, r.stderr
    assert "ingest" in r.stderr
    r = run("relink", "--db", str(db), "--progress")
    assert r.returncode == 0, r.stderr
    assert "relink" in r.stderr and "incidents" in r.stderr
    out = tmp_path / "x.geojson"
    r = run("export", "--db", str(db), "-f", "geojson", "-o", str(out), "--progress")
    assert r.returncode == 0, r.stderr
    assert "export" in r.stderr
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_spark_stages_reads_the_status_tracker() -> None:
    import threading

    from kronika.progress import spark_stages

    class Info:
        def __init__(self, done: int, total: int) -> None:
            self.numCompletedTasks, self.numTasks = done, total

    class Tracker:
        def __init__(self) -> None:
            self.polled = threading.Event()

        def getActiveStageIds(self) -> list[int]:  # noqa: N802 - Spark's names
            self.polled.set()
            return [1, 2]

        def getStageInfo(self, sid: int) -> Info:  # noqa: N802
            return Info(3, 4) if sid == 1 else Info(1, 4)

    class Context:
        tracker = Tracker()

        def statusTracker(self) -> Tracker:  # noqa: N802
            return self.tracker

    buf = io.StringIO()
    ctx = Context()
    with spark_stages(ctx, True, every_s=0.01, stream=buf) as ticker:
        assert ctx.tracker.polled.wait(5)
        for _ in range(500):  # until the poller has set the position once
            if ticker.n == 4:
                break
            threading.Event().wait(0.01)
    assert ticker.n == 4  # 3 + 1 tasks done of 8
    assert "4/8" in buf.getvalue()
