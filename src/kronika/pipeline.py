"""The per-article pipeline: named stages over one analysed document, built once with its resources.

`Pipeline()` lists its stages (`print(pipeline)` shows them); `pipeline.extract(article)` is a
pure function of the article and the loaded resources (morphology dictionaries, gazetteer,
lexicons: loaded once per process on first use, or up front with `load()`). Nothing here does
I/O, so the CLI, the process pool, the HTTP API and the Spark job all call the same code, through
the module-level `extract` (the default pipeline) or `kronika.extract` for a text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import NamedTuple

from .extract import boilerplate, dates
from .extract.attribution import quotes, sources
from .extract.context import Context
from .extract.events import coder as events
from .extract.events import sides
from .extract.figures import counts, extent, numbers
from .extract.figures import scope as count_scope
from .extract.places import recognise as places
from .model import Article, ArticleResult, Span
from .resources import LEXICON_LANGS
from .text import invisible
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


class Stage(NamedTuple):
    """One named step: reads and extends the article's Context (a pair: `for name, run in STAGES`)."""

    name: str
    run: Callable[[Context], None]

    def __str__(self) -> str:
        return f"{self.name:<12} {self.run.__module__}.{self.run.__qualname__}"


# the order matters: each stage reads what the earlier ones found
STAGES: tuple[Stage, ...] = (
    Stage("boilerplate", boilerplate.run),
    Stage("places", places.run),
    Stage("dates", dates.run),
    Stage("numbers", numbers.run),
    Stage("sources", sources.run),
    Stage("quotes", quotes.run),
    Stage("counts", counts.run),
    Stage("extent", extent.run),
    Stage("events", events.run),
    Stage("counts_scope", count_scope.run),   # an article with no act of unrest keeps no figures
    Stage("sides", sides.run),
)


def published_parts(value: str | None) -> tuple[int | None, int | None]:
    """(year, month) of a `published` that may give only a year or a year and a month ("2014",
    "2014-03"), else of a full date; None where it does not say."""
    m = re.match(r"\s*(\d{4})(?:-(\d{2}))?\s*$", str(value or ""))
    if m and 1800 <= int(m.group(1)) <= 2100:
        month = int(m.group(2)) if m.group(2) else None
        return int(m.group(1)), month if month and 1 <= month <= 12 else None
    d = parse_published(value)
    return (d.year, d.month) if d else (None, None)


def published_year(value: str | None) -> int | None:
    return published_parts(value)[0]


def published_month(value: str | None) -> int | None:
    return published_parts(value)[1]


def build_context(article: Article) -> Context:
    """The analysed document of an article (language detected where not given)."""
    lang = article.lang or detect_language((article.title or "") + "\n" + article.text)
    doc = analyse(article.text, lang, parse_published(article.published),
                  published_year(article.published), published_month(article.published))
    return Context(doc, url=article.url, title=article.title)


def _respan(result: ArticleResult, mapped: invisible.Mapped, original: str) -> None:
    """Every evidence span moved from the normalised text onto the original (Spans are frozen:
    each list gets new ones)."""
    lists: list[list[Span]] = [r.evidence for r in result.events] + [r.evidence for r in result.counts]
    lists += [r.evidence for r in result.sources] + [r.evidence for r in result.quotes]
    for evidence in lists:
        new = []
        for sp in evidence:
            a, b = mapped.span(sp.start, sp.end)
            new.append(Span(a, b, original[a:b]))
        evidence[:] = new


def result_of(article: Article, ctx: Context) -> ArticleResult:
    relevant = any((e.event_type, e.sub_event_type) != ("Strategic developments", "Other")
                   for e in ctx.events)
    return ArticleResult(
        id=article.id, lang=ctx.doc.lang, relevant=relevant, events=ctx.events, counts=ctx.counts,
        sources=ctx.sources, quotes=ctx.quotes, published=article.published, title=article.title,
        url=article.url, outlet=article.outlet, forwarded_from=article.forwarded_from,
    )


# one short text per language to load every resource a language's articles need
_WARM_TEXT = "Protesters rallied in the capital on 5 January; police detained 10 people."


class Pipeline:
    """Named stages run in order over one article's Context."""

    def __init__(self, stages: Iterable[Stage] = STAGES) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        names = [s.name for s in self.stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique: {names}")

    def __str__(self) -> str:
        lines = [f"Pipeline ({len(self.stages)} stages):"]
        lines += [f"  {i}. {s}" for i, s in enumerate(self.stages, 1)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(s.name for s in self.stages)}])"

    def __getitem__(self, name: str) -> Stage:
        for s in self.stages:
            if s.name == name:
                return s
        raise KeyError(name)

    def load(self, langs: Iterable[str] = LEXICON_LANGS) -> Pipeline:
        """Load every resource the stages need for these languages now rather than on the first
        article (a server or a worker pays the cost once, before its first request)."""
        for lang in langs:
            self.extract(Article(text=_WARM_TEXT, lang=lang, published="2022-01-05"))
        return self

    def run(self, ctx: Context) -> Context:
        for stage in self.stages:
            stage.run(ctx)
        return ctx

    def extract(self, article: Article) -> ArticleResult:
        # invisible characters (soft hyphens, zero-width joiners, stress marks) would split words:
        # the stages run on the normalised text, and every span is mapped back to the original
        mapped = invisible.normalise(article.text)
        seen = article if mapped.starts is None else dataclasses.replace(article, text=mapped.text)
        result = result_of(article, self.run(build_context(seen)))
        if mapped.starts is not None:
            _respan(result, mapped, article.text)
        return result


PIPELINE = Pipeline()


def extract(article: Article) -> ArticleResult:
    """The default pipeline's record of one article (what the CLI, pool, API and Spark call)."""
    return PIPELINE.extract(article)
