"""Search that knows the languages: a query word finds its inflected forms (uk, ru, en lemmas are
indexed beside the words), phrases stay exact, and any input is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.model import Article, ArticleResult, Event, Span
from kronika.store import open_store, query
from kronika.store.search import article_match, lemma_text

TEXTS = {
    "uk1": ("uk", "Мітингувальники зібралися біля акімату в Алмати і вимагали відставки."),
    "ru1": ("ru", "Полиция задержала десятки протестующих возле здания городской администрации."),
    "en1": ("en", "Police arrested two students after the rally outside the parliament."),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    p = tmp_path / "k.db"
    with open_store(p) as s:
        for n, (aid, (lang, text)) in enumerate(TEXTS.items()):  # apart in time: three incidents
            ev = Event("Protests", "Peaceful protest", f"2024-0{n + 1}-05", 1, "KZ", None, None, None, None, None, None,
                       "Protesters", evidence=[Span.of(text, 0, 10)])
            s.put(Article(text, id=aid, lang=lang), ArticleResult(aid, lang, True, [ev]))
    return p


def _found(db: Path, q: str) -> set[str]:
    with open_store(db) as s:
        return {r["article"] for r in query.iter_events(s.conn, query.Filters(text=q, limit=None))} | \
            {a["id"] for i in query.iter_incidents(s.conn, query.Filters(text=q, limit=None), members=True) for a in i["articles"]}


@pytest.mark.parametrize(("q", "want"), [
    ("акімат", {"uk1"}),                 # the text says "акімату"
    ("мітингувальник", {"uk1"}),
    ("протестующий", {"ru1"}),           # the text says "протестующих"
    ("администрация", {"ru1"}),
    ("arrest", {"en1"}), ("student", {"en1"}),
    ("акімат відставка", {"uk1"}),       # words ANDed, each by its lemma
    ("акімат arrest", set()),
    ('"біля акімату"', {"uk1"}),         # a phrase matches the exact words
    ('"біля акімат"', set()),
    ("акім*", {"uk1"}),                  # a prefix
])
def test_a_word_finds_its_forms(db: Path, q: str, want: set[str]) -> None:
    assert _found(db, q) == want


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "NEAR(", "*", "col:x", "')--", "^", "-"])
def test_any_input_is_safe(db: Path, q: str) -> None:
    _found(db, q)  # no sqlite error, whatever the words


def test_empty_search_matches_nothing() -> None:
    assert article_match("  ") is None


def test_lemma_text_holds_words_and_lemmas() -> None:
    words = lemma_text("біля акімату", "uk").split()
    assert "акімату" in words and "акімат" in words


def test_old_database_is_indexed_when_opened(db: Path) -> None:
    with open_store(db) as s:
        s.conn.execute("DELETE FROM articles_lemmas")
    assert _found(db, "акімат") == {"uk1"}  # reopening for writing fills the index again


def test_deleting_an_article_removes_it_from_the_index(db: Path) -> None:
    with open_store(db) as s:
        s.delete("uk1")
        assert s.conn.execute("SELECT count(*) FROM articles_lemmas").fetchone()[0] == 2
