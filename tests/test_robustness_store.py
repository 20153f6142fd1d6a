"""Crash safety of `kronika ingest`: kill -9 at random points, three times over one database.

After each kill the store opens, `PRAGMA integrity_check` and `foreign_key_check` pass, and every
article is either absent or fully present: exactly the rows (events, counts, sources, quotes,
spans) a clean, uninterrupted ingest stores for it. Meanwhile a reader in another thread queries
the database and must never see "database is locked" nor a half article. A last ingest completes
the store, which then equals the clean one row for row.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kronika.store import open_store

KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]
N = 120
TABLES = ("events", "counts", "sources", "quotes", "spans")
PLACES = [("Києві", "Kyiv"), ("Львові", "Lviv"), ("Харкові", "Kharkiv"), ("Одесі", "Odesa"), ("Дніпрі", "Dnipro")]


def corpus(n: int) -> list[dict[str, str]]:
    """Distinct articles rich enough to give several kinds of rows each."""
    rows = []
    for i in range(n):
        city = PLACES[i % len(PLACES)][0]
        day = 1 + i % 28
        rows.append({
            "id": f"crash-{i}", "lang": "uk", "published": f"2022-02-{day:02d}", "title": f"Протест у {city} №{i}",
            "text": (f"{day} лютого у {city} понад {200 + i} протестувальників вийшли на мітинг біля міськради. "
                     f"Поліція затримала {i % 9 + 2} учасників акції, повідомили в Національній поліції. "
                     f"«Ми не підемо, доки нас не почують», — сказав журналістам організатор акції Петро "
                     f"Коваленко. За даними УНІАН, {i % 5 + 1} людей отримали травми.")})
    return rows


def snapshot(db: Path) -> dict[str, tuple[int, ...]]:
    """Article id -> its row count per table, read in one transaction."""
    c = sqlite3.connect(db, timeout=30)
    try:
        c.execute("BEGIN")
        sub = ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.article_pk = a.pk)" for t in TABLES)
        return {r[0]: tuple(r[1:]) for r in c.execute(f"SELECT a.id, {sub} FROM articles a")}
    finally:
        c.rollback()
        c.close()


def check_store(db: Path) -> None:
    with open_store(db) as s:  # the product's own open path (migrations, WAL recovery)
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*KRONIKA, "ingest", str(src), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def stored(db: Path) -> int:
    try:
        c = sqlite3.connect(db, timeout=5)
        try:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            c.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


class Reader(threading.Thread):
    """Queries the store while it is written and killed; collects what went wrong."""

    def __init__(self, db: Path, reference: dict[str, tuple[int, ...]]) -> None:
        super().__init__(daemon=True)
        self.db, self.reference = db, reference
        self.stop = threading.Event()
        self.problems: list[str] = []
        self.reads = 0

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.db.exists():
                time.sleep(0.01)
                continue
            try:
                for aid, rows in snapshot(self.db).items():
                    if rows != self.reference[aid]:
                        self.problems.append(f"half article seen by a reader: {aid} {rows} != {self.reference[aid]}")
                self.reads += 1
            except sqlite3.OperationalError as e:
                if "no such table" not in str(e):  # the schema is being created
                    self.problems.append(f"reader: {e}")
            time.sleep(0.005)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, ...]]]:
    d = tmp_path_factory.mktemp("ref")
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus(N)), encoding="utf-8")
    db = d / "ref.db"
    done = subprocess.run([*KRONIKA, "ingest", str(src), "--db", str(db)], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    ref = snapshot(db)
    assert len(ref) == N
    assert sum(r[0] for r in ref.values()) > 0, "the corpus should give events, else the test proves little"
    return src, ref


def test_kill_9_three_times_then_complete(reference: tuple[Path, dict[str, tuple[int, ...]]],
                                         tmp_path: Path) -> None:
    src, ref = reference
    db = tmp_path / "crash.db"
    rng = random.Random(int(os.environ.get("KRONIKA_CRASH_SEED", "0")) or None)
    reader = Reader(db, ref)
    reader.start()
    try:
        for _round in range(3):
            before = stored(db)
            target = min(N - 5, before + rng.randint(3, 25))
            proc = ingest(src, db)
            deadline = time.monotonic() + 300
            while stored(db) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.05))  # land anywhere: between articles or inside a transaction
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before it could be killed: {proc.stderr.read().decode() if proc.stderr else ''}")
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            if proc.stderr:
                proc.stderr.close()
            check_store(db)
            snap = snapshot(db)
            assert before <= len(snap) < N
            half = {aid: rows for aid, rows in snap.items() if rows != ref[aid]}
            assert not half, f"articles stored in part after kill -9: {half}"
        done = subprocess.run([*KRONIKA, "ingest", str(src), "--db", str(db)], capture_output=True, timeout=600)
        assert done.returncode == 0, done.stderr.decode()
        assert f"{len(snap)} unchanged" in done.stderr.decode()
    finally:
        reader.stop.set()
        reader.join(30)
    check_store(db)
    assert snapshot(db) == ref
    assert not reader.problems, reader.problems[:5]
    assert reader.reads > 0
