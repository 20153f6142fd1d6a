"""Full-text search that knows the languages: lemmas indexed beside the words.

A reader types "акімат" and the text says "акімату"; "протестувальники" finds "протестувальників";
"arrested" finds "arrest". Each article's words and all their lemmas (pymorphy3 for uk/ru, the rule
lemmatiser for en: text/morph.py) go into the FTS5 table `articles_lemmas` (schema step 4); a query
word matches when any of its lemmas, under any of the three languages, is among an article's.
"Quoted phrases" still match the exact words (the `articles_fts` index of the text itself).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from typing import Any

from ..resources import LEXICON_LANGS, lexicon_lang
from ..text.morph import Morph

_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_QUERY = re.compile(r'"([^"]+)"|(\S+)')


@cache
def _morph(lang: str) -> Morph:
    return Morph(lang)


def lemmas_of(word: str, lang: str) -> tuple[str, ...]:
    """The word (lower case) and every lemma its parses give."""
    w = word.lower().replace("ё", "е")
    return tuple(dict.fromkeys((w, *_morph(lexicon_lang(lang)).analyse(w).lemmas)))


def lemma_text(text: str, lang: str | None) -> str:
    """What the lemma index holds for a text: each word with its lemmas, space-separated."""
    lang = lang or "en"
    return " ".join(x for m in _WORD.finditer(text) for x in lemmas_of(m.group(0), lang))


def index_article(conn: sqlite3.Connection, pk: int, title: str | None, text: str, lang: str | None) -> None:
    conn.execute("INSERT INTO articles_lemmas(rowid, lemmas) VALUES (?, ?)",
                 (pk, lemma_text((title or "") + "\n" + text, lang)))


def backfill(conn: sqlite3.Connection) -> int:
    """Index the articles a database stored before the lemma index existed; returns how many."""
    # the keys first, each text as it is indexed: an old store's texts never sit in memory at once
    pks = [r[0] for r in conn.execute("SELECT pk FROM articles WHERE pk NOT IN "
                                      "(SELECT rowid FROM articles_lemmas)")]
    if pks:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for pk in pks:
                title, text, lang = conn.execute("SELECT title, text, lang FROM articles WHERE pk = ?",
                                                 (pk,)).fetchone()
                index_article(conn, pk, title, text, lang)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(pks)


def _fts_words(words: list[str]) -> str:
    return " OR ".join(f'"{w}"' for w in words)


def article_match(text: str) -> tuple[str, list[Any]] | None:
    """A sub-query selecting the pks of articles matching the user's search, with its parameters;
    None when the search holds no word. Words are ANDed, each matching any of its lemmas in any of
    the languages; "quoted phrases" match the exact words; a trailing * is a prefix."""
    lemma_terms: list[str] = []
    phrases: list[str] = []
    for m in _QUERY.finditer(text):
        if m.group(1) is not None:
            inner = " ".join(re.findall(r"\w+", m.group(1)))
            if inner:
                phrases.append(f'"{inner}"')
            continue
        word = m.group(2)
        parts = re.findall(r"\w+", word)
        for k, w in enumerate(parts):
            if word.endswith("*") and k == len(parts) - 1:
                lemma_terms.append(f'"{w.lower()}"*')
                continue
            alts = dict.fromkeys(x for lang in LEXICON_LANGS for x in lemmas_of(w, lang))
            lemma_terms.append("(" + _fts_words([a for a in alts if re.fullmatch(r"[\w'’ʼ]+", a)]) + ")")
    subs: list[str] = []
    args: list[Any] = []
    if lemma_terms:
        subs.append("SELECT rowid FROM articles_lemmas WHERE articles_lemmas MATCH ?")
        args.append(" AND ".join(lemma_terms))
    if phrases:
        subs.append("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?")
        args.append(" AND ".join(phrases))
    if not subs:
        return None
    return " INTERSECT ".join(subs), args


def condition(text: str, column: str) -> tuple[str, list[Any]]:
    """SQL condition "`column` is a matching article's pk" (always false for an empty search)."""
    m = article_match(text)
    if m is None:
        return "0", []
    return f"{column} IN ({m[0]})", m[1]
