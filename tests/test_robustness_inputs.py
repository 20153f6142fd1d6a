"""Hostile inputs, round two (issue 16): one bad field per article, feeds under any suffix and their
size limit, encodings of feeds, symbolic links leaving a folder, the same text under a new URL,
and one input reader for `extract` and `ingest`. Code: ingest/readers.py, inputs.py, feeds.py,
batch.py; store/db.py (sightings).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.ingest import feeds
from kronika.ingest.readers import InputError, article_from_json, read_inputs
from kronika.model import Article
from kronika.store import open_store
from kronika.store.urls import canonical_url

KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
TEXTS = ["У Львові понад двісті людей вийшли на мітинг біля міської ради.",
         "В Казани водители провели акцию протеста против новых тарифов.",
         "Hundreds of farmers blocked a motorway near the capital on Monday.",
         "У Дніпрі мешканці перекрили дорогу через відключення води.",
         "В Омске жители собрались у здания мэрии, требуя ремонта дорог."]
BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><description>&lol3;</description>'
        b"</item></channel></rss>")


def rss(items: list[tuple[str, str]], decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    body = "".join(f"<item><link>{link}</link><description>{text}</description></item>" for link, text in items)
    return f"{decl}<rss version=\"2.0\"><channel><title>t</title>{body}</channel></rss>"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KRONIKA, *args], capture_output=True, text=True, env=ENV, timeout=300)


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as c:
        return sorted(r[0] for r in c.execute("SELECT id FROM articles"))


# ---------------------------------------------------------------- 2: one bad field, the rest stored
def test_a_bad_url_in_jsonl_and_feed_is_named_and_the_rest_are_stored(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "text": t, "url": f"https://news.example/{i}"} for i, t in enumerate(TEXTS[:4])]
    rows.insert(2, {"id": "bad", "text": TEXTS[4], "url": "https://news.example:99999/x"})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([("https://feed.example/1", TEXTS[0] + " Ще."), ("http://feed.example:70000/2", TEXTS[1]),
                         ("https://feed.example/3", TEXTS[2] + " Again.")]), encoding="utf-8")
    db = tmp_path / "k.db"
    done = run("ingest", str(src), str(feed), "--db", str(db))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{src}:3: field 'url' is not a valid URL" in done.stderr
    assert f"{feed}#item2: field 'url' is not a valid URL" in done.stderr
    assert "6 inserted" in done.stderr and "2 failed" in done.stderr
    assert [i for i in stored(db) if i.startswith("a")] == ["a0", "a1", "a2", "a3"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.builds(lambda h, p, s: f"http://{h}:{p}/{s}", st.text(max_size=12),
                                                  st.text(max_size=8), st.text(max_size=8))))
def test_any_url_field_is_an_article_or_a_named_error(url: str) -> None:
    """Whatever the url field holds, the reader answers with an Article the store can key
    (canonical_url never raises) or a ValueError naming the field."""
    try:
        art = article_from_json({"text": "Мітинг у Києві.", "url": url})
    except ValueError as e:
        assert "'url'" in str(e)
        return
    canonical_url(art.url)


@pytest.mark.parametrize("url,ok", [
    (" https://x.example/a b ", "https://x.example/a%20b"), ("https://x.example/\nx", None),
    ("https://x.example:0/", "https://x.example:0/"), ("https://x.example:65536/", None), ("http://[::1/", None),
    ("https://", None), ("https://x.example/" + "a" * 9000, None), ("", "")])
def test_url_field_forms(url: str, ok: str | None) -> None:
    if ok is None:
        with pytest.raises(ValueError, match="field 'url'"):
            article_from_json({"text": "Мітинг.", "url": url})
    else:
        assert article_from_json({"text": "Мітинг.", "url": url}).url == (ok or None)


# ---------------------------------------------------------------- 5, 13: feeds, wherever they come from
def test_extract_reads_rss_and_atom_files_as_feeds(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(rss([("https://x.example/1", TEXTS[0]), ("https://x.example/2", TEXTS[1])]),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(rss([("https://x.example/3", TEXTS[2])], decl=""), encoding="utf-8")
    done = run("extract", str(tmp_path / "a.rss"), str(tmp_path / "b.txt"))
    assert done.returncode == 0, done.stderr
    recs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["url"] for r in recs] == ["https://x.example/1", "https://x.example/2", "https://x.example/3"]
    assert all(r["id"].startswith("feed-") for r in recs)


@pytest.mark.parametrize("name", ["bomb.xml", "bomb.txt", "bomb.html", "bomb"])
def test_an_xml_bomb_given_to_extract_is_an_error_not_text(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(BOMB)
    done = run("extract", str(tmp_path / name))
    assert done.returncode == 1 and done.stdout == ""
    assert "feed is not well-formed XML" in done.stderr and "EntitiesForbidden" in done.stderr


def test_a_cp1251_feed_without_an_encoding_declaration_decodes() -> None:
    data = rss([("https://x.example/1", "Протестувальники перекрили вулицю у Житомирі.")], decl="").encode("cp1251")
    (art,) = list(feeds.parse_feed(data, "f.xml"))
    assert isinstance(art, Article) and art.text == "Протестувальники перекрили вулицю у Житомирі."
    koi = ('<?xml version="1.0" encoding="koi8-r"?>' + rss([("https://x.example/2", "Митинг в Самаре.")], decl="")
           ).encode("koi8-r")
    (art2,) = list(feeds.parse_feed(koi, "g.xml"))  # a declared encoding is still the parser's
    assert isinstance(art2, Article) and art2.text == "Митинг в Самаре."


@pytest.mark.parametrize("suffix", [".txt", ".xml", ""])
def test_a_big_feed_is_refused_by_name_with_bounded_memory(tmp_path: Path, suffix: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A .txt starting with <rss is a feed and gets the feed limit; memory stays near the limit, not
    near the file's size (a 300 MB feed once took 2.15 GB)."""
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 1024 * 1024)
    big = tmp_path / f"big{suffix}"
    with open(big, "wb") as f:
        f.write(b"<rss><channel><item><description>")
        for _ in range(40):
            f.write(b"x" * (1024 * 1024))
        f.write(b"</description></item></channel></rss>")
    tracemalloc.start()
    try:
        got = list(read_inputs([str(big)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(got) == 1 and isinstance(got[0], InputError)
    assert got[0].origin == str(big) and "feed too large" in got[0].reason
    assert peak < 6 * 1024 * 1024, peak


# ---------------------------------------------------------------- 6: symbolic links
def test_symlinks_leaving_the_folder_are_skipped_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "etc.txt").symlink_to("/etc/hostname")
    (folder / "outside").symlink_to(tmp_path, target_is_directory=True)
    (folder / "sub" / "inner.txt").symlink_to(folder / "a.txt")  # inside the folder: read
    got = list(read_inputs([str(folder)]))
    texts = [g.text for g in got if isinstance(g, Article)]
    errors = {Path(g.origin).name: g.reason for g in got if isinstance(g, InputError)}
    assert texts == [TEXTS[0], TEXTS[0]]
    assert set(errors) == {"passwd.txt", "etc.txt", "outside"}
    assert all("symbolic link leading out of the folder" in r for r in errors.values())
    assert str(secret) in errors["passwd.txt"]


# ---------------------------------------------------------------- 14: the same text under a new URL
def test_the_same_text_under_a_new_url_is_another_sighting(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(json.dumps({"text": TEXTS[0], "url": "https://one.example/story"}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"text": TEXTS[0], "url": "https://two.example/copy?utm_source=x"}) + "\n",
                      encoding="utf-8")
    assert "1 inserted" in run("ingest", str(first), "--db", str(db)).stderr
    again = run("ingest", str(second), "--db", str(db))
    assert again.returncode == 0 and "1 unchanged (1 under a new URL)" in again.stderr
    assert "1 unchanged, 0 failed" in run("ingest", str(second), "--db", str(db)).stderr  # known now
    with open_store(db) as s:
        (aid,) = [r[0] for r in s.conn.execute("SELECT id FROM articles")]
        urls = [x["url"] for x in s.sightings(aid)]
        assert urls == ["https://one.example/story", "https://two.example/copy?utm_source=x"]
        # a changed text under the second URL replaces the article and keeps both sightings
        from kronika.pipeline import extract

        art = Article(text=TEXTS[0] + " Оновлено.", url="https://two.example/copy")
        assert s.put(art, extract(art)) == "replaced"
        (aid2,) = [r[0] for r in s.conn.execute("SELECT id FROM articles")]
        assert [x["url"] for x in s.sightings(aid2)] == urls


def test_an_old_store_gets_its_urls_as_first_sightings(tmp_path: Path) -> None:
    from kronika.store import schema

    db = tmp_path / "old.db"
    with sqlite3.connect(db, isolation_level=None) as c:
        for step in schema.MIGRATIONS[:2]:
            for stmt in schema.statements(step):
                c.execute(stmt)
        c.execute("PRAGMA user_version = 2")
        c.execute("INSERT INTO articles (id, canonical_url, url, content_hash, text, result_json, ingested_at) "
                  "VALUES ('x', 'https://a.example/1', 'https://a.example/1', 'h', 't', '{}', '2024-01-01T00:00:00Z')")
    with open_store(db) as s:
        assert s.sightings("x") == [{"url": "https://a.example/1", "origin": None, "seen_at": "2024-01-01T00:00:00Z"}]
