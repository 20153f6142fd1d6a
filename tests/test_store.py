"""The store: schema and migrations, idempotent and atomic writes, spans, FTS, queries, concurrency."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from kronika.model import Article, ArticleResult, Count, Event, Quote, Source, Span
from kronika.store import open_store, query
from kronika.store.schema import SCHEMA_VERSION, SchemaTooNew
from kronika.store.urls import canonical_url, content_hash


def make(aid: str, text: str, url: str | None = None, date: str = "2022-01-05", location: str = "Almaty",
         gid: int = 1526384) -> tuple[Article, ArticleResult]:
    """An article with one riot, a figure, a source and a quote, all pointing at its text."""
    art = Article(text=text, id=aid, url=url, lang="uk", published=date, title=f"Title {aid}")
    ev = Event("Riots", "Violent demonstration", date, 1, "KZ", "Almaty", location, gid, 43.25, 76.91667, 1,
               "Rioters", "State forces", evidence=[Span.of(text, 0, min(20, len(text)))])
    res = ArticleResult(aid, "uk", True, events=[ev],
                        counts=[Count("detained", 200, "more_than", None, None, "Mash", [Span.of(text, 0, 5)])],
                        sources=[Source("Mash", "telegram", [Span.of(text, 0, 5)])],
                        quotes=[Quote("Штурм був", "Єржан", "заступник акіма", "Informburo.kz",
                                      [Span.of(text, 0, 9)])])
    return art, res


TEXT = "Протестувальники в Алмати захопили будівлю акімату. Затримано понад 200 людей."


def test_new_database_has_schema_version_and_reopens(tmp_path: Path) -> None:
    p = tmp_path / "k.db"
    with open_store(p) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        s.put(*make("a", TEXT))
    with open_store(p) as s:  # reopening migrates nothing and keeps the data
        assert s.row_counts()["articles"] == 1
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(SchemaTooNew):
        open_store(p)


def test_an_old_database_is_migrated(tmp_path: Path) -> None:
    from kronika.store.schema import MIGRATIONS, statements

    p = tmp_path / "old.db"
    c = sqlite3.connect(p, isolation_level=None)
    for stmt in statements(MIGRATIONS[0]):
        c.execute(stmt)
    c.execute("PRAGMA user_version = 1")
    c.close()
    with open_store(p) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        s.put(*make("a", TEXT))
        assert s.conn.execute("SELECT tol FROM incidents").fetchone()[0] == 0


def test_put_is_idempotent_by_id_url_and_text(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as s:
        assert s.put(*make("a", TEXT, url="https://www.example.com/news/1?utm_source=rss")) == "inserted"
        before = s.row_counts()
        assert s.put(*make("a", TEXT)) == "unchanged"
        # the same page under another id and a tracking-decorated URL
        assert s.put(*make("b", TEXT, url="http://example.com/news/1/#top")) == "unchanged"
        # the same text with neither id nor URL in common
        assert s.put(*make("c", "  " + TEXT.replace(" ", "\n", 1))) == "unchanged"
        assert s.row_counts() == before
        # a changed article (same URL) replaces its records, in one transaction
        assert s.put(*make("d", TEXT + " Оновлено.", url="https://example.com/news/1")) == "replaced"
        assert s.row_counts() == before
        assert s.conn.execute("SELECT id FROM articles").fetchall() == [("d",)]
        assert s.put(*make("d", TEXT + " Оновлено."), force=True) == "replaced"
        assert s.row_counts() == before


def test_canonical_url() -> None:
    assert canonical_url("HTTP://WWW.Example.com:80/a/b/?utm_medium=x&b=2&a=1#frag") == "https://example.com/a/b?a=1&b=2"
    assert canonical_url("https://lenta.ua./ru/x") == "https://lenta.ua/ru/x"
    assert canonical_url("https://dw.com/uk/%D1%83-x") == canonical_url("https://dw.com/uk/у-x")
    assert canonical_url(None) is None
    assert content_hash("a  b\nc") == content_hash("a b c")


def test_everything_extracted_is_kept_with_its_spans(tmp_path: Path) -> None:
    art, res = make("a", TEXT)
    with open_store(tmp_path / "k.db") as s:
        s.put(art, res)
        counts = s.row_counts()
        assert {k: counts[k] for k in ("events", "counts", "sources", "quotes", "incidents")} == dict.fromkeys(
            ("events", "counts", "sources", "quotes", "incidents"), 1)
        for start, end, text in s.conn.execute("SELECT start, end, text FROM spans"):
            assert TEXT[start:end] == text
        stored = query.get_article(s.conn, "a")
        assert stored is not None and stored["result"] == json.loads(json.dumps(res.to_dict(), ensure_ascii=False))
        assert stored["text"] == TEXT


def test_a_failing_put_leaves_nothing(tmp_path: Path) -> None:
    art, res = make("a", TEXT)
    res.events[0].sub_event_type = None  # type: ignore[assignment]  # violates NOT NULL midway
    with open_store(tmp_path / "k.db") as s:
        with pytest.raises(sqlite3.IntegrityError):
            s.put(art, res)
        assert s.row_counts()["articles"] == 0 and s.row_counts()["spans"] == 0
        assert not s.conn.in_transaction


def test_delete_recomputes_incidents(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as s:
        s.put(*make("a", TEXT))
        s.put(*make("b", "Інший текст про ті самі події в Алмати."))
        assert s.conn.execute("SELECT n_articles FROM incidents").fetchall() == [(2,)]
        assert s.delete("a")
        assert s.conn.execute("SELECT n_articles FROM incidents").fetchall() == [(1,)]
        assert s.delete("b") and s.row_counts()["incidents"] == 0


def test_queries_filter_and_paginate(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as s:
        s.put(*make("a", TEXT))
        s.put(*make("b", "Мітинг у Бішкеку біля Білого дому.", date="2022-01-06", location="Bishkek", gid=1528675))
        s.put(*make("c", "Rally in Almaty on Friday.", date="2022-01-07"))
        c = s.conn

        def F(**kw: object) -> query.Filters:  # noqa: N802
            return query.parse_filters(**kw)

        def arts(**kw: object) -> list[str]:
            return [e["article"] for e in query.list_events(c, F(**kw)).items]

        assert query.count_events(c) == 3
        assert arts(date_from="2022-01-06") == ["b", "c"]
        assert arts(date_to="2022-01-05") == ["a"]
        assert arts(date_from="2022-01", date_to="2022") == ["a", "b", "c"]  # a month, a year
        assert query.count_events(c, F(country="kz")) == 3 and query.count_events(c, F(country="KG")) == 0
        assert query.count_events(c, F(admin1="almaty")) == 3
        assert query.count_events(c, F(event_type="Riots")) == 3
        assert query.count_events(c, F(event_type="violent demonstration")) == 3
        assert query.count_events(c, F(event_type="Protests")) == 0
        assert query.count_events(c, F(actor="state")) == 3
        assert query.count_events(c, F(actor="100%_")) == 0
        # FTS over uk text: inflected words, case folding, prefixes, phrases, hostile input
        assert arts(text="АЛМАТИ") == ["a"]
        assert arts(text="бішкек*") == ["b"]
        assert arts(text='"білого дому"') == ["b"]
        assert arts(text='" OR NEAR( * ) AND -') == []
        assert arts(text="Title")  # titles are searched too
        page1 = query.list_events(c, F(limit=2), evidence=True)
        page2 = query.list_events(c, F(limit=2, offset=2))
        assert len(page1.items) == 2 and len(page2.items) == 1 and page1.total == page2.total == 3
        assert page1.items[0]["evidence"][0]["text"] == TEXT[:20]
        assert query.count_incidents(c) == 3
        assert query.count_incidents(c, F(text="almaty rally")) == 1
        inc = query.list_incidents(c, F(country="KZ", date_from="2022-01-05", date_to="2022-01-05"),
                                   members=True).items
        assert len(inc) == 1 and inc[0]["figures"]["detained"]["lowest"] == 200
        assert inc[0]["sources"][0]["name"] == "Mash"
        one = query.get_incident(c, inc[0]["id"])
        assert one is not None and one["articles"][0]["id"] == "a"
        assert query.get_incident(c, "nope") is None and query.get_article(c, "nope") is None


def test_readers_work_while_a_writer_commits(tmp_path: Path) -> None:
    p = tmp_path / "k.db"
    open_store(p).close()
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with open_store(p) as s:
                for i in range(150):
                    s.put(*make(f"a{i}", f"{TEXT} {i}", date=f"2022-01-{1 + i % 28:02d}"))
        except BaseException as e:  # noqa: BLE001
            errors.append(e)
        finally:
            done.set()

    t = threading.Thread(target=write)
    t.start()
    seen = []
    with open_store(p, readonly=True) as r:
        while not done.is_set():
            n = r.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            # a reader sees whole articles only
            assert r.conn.execute("SELECT count(*) FROM events").fetchone()[0] >= n - 1
            query.list_incidents(r.conn, query.Filters(limit=5), members=True)
            seen.append(n)
    t.join()
    assert not errors
    assert seen == sorted(seen) and seen[-1] <= 150
    with open_store(p) as s:
        assert s.row_counts()["articles"] == 150
