"""The per-article pipeline: `extract(article) -> ArticleResult`, a pure function.

Resources (morphology dictionaries, gazetteer, lexicons) are loaded once per process on first
use and shared; nothing here does I/O, so the CLI, the process pool, the HTTP API and the Spark
job all call this same function.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .extract import boilerplate, dates
from .extract.attribution import quotes, sources
from .extract.context import Context
from .extract.events import coder as events
from .extract.figures import counts, numbers
from .extract.figures import scope as count_scope
from .extract.places import recognise as places
from .model import Article, ArticleResult
from .text.doc import analyse
from .text.langid import detect_language


def parse_published(value: str | None) -> date | None:
    """ISO date or datetime (with or without zone) to a date; None when absent, unreadable or
    outside 1800-2100 (relative dates are computed from it and must not leave the calendar)."""
    if not value:
        return None
    v = str(value).strip()
    try:
        d = datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            d = date.fromisoformat(v[:10])
        except ValueError:
            return None
    return d if 1800 <= d.year <= 2100 else None


STAGES = (
    ("boilerplate", boilerplate.run),
    ("places", places.run),
    ("dates", dates.run),
    ("numbers", numbers.run),
    ("sources", sources.run),
    ("quotes", quotes.run),
    ("counts", counts.run),
    ("events", events.run),
    ("counts_scope", count_scope.run),   # after events: an article that tells of no event keeps no figures
)


def published_year(value: str | None) -> int | None:
    """The year of a `published` that may give only a year or a month ("2014", "2014-03")."""
    m = re.match(r"\s*(\d{4})(?:-\d{2})?\s*$", str(value or ""))
    if m and 1800 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    d = parse_published(value)
    return d.year if d else None


def build_context(article: Article) -> Context:
    lang = article.lang or detect_language((article.title or "") + "\n" + article.text)
    doc = analyse(article.text, lang, parse_published(article.published),
                  published_year(article.published))
    return Context(doc, url=article.url)


def extract(article: Article) -> ArticleResult:
    ctx = build_context(article)
    for _name, stage in STAGES:
        stage(ctx)
    return result_of(article, ctx)


def result_of(article: Article, ctx: Context) -> ArticleResult:
    relevant = any((e.event_type, e.sub_event_type) != ("Strategic developments", "Other")
                   for e in ctx.events)
    return ArticleResult(
        id=article.id, lang=ctx.doc.lang, relevant=relevant, events=ctx.events, counts=ctx.counts,
        sources=ctx.sources, quotes=ctx.quotes, published=article.published, title=article.title,
        url=article.url,
    )
