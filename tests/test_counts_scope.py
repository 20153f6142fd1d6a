"""Counts after events: an article that tells of no act of unrest keeps no figures."""

from __future__ import annotations

import pytest

from kronika.extract.figures import scope
from kronika.model import Article
from kronika.pipeline import STAGES, build_context, extract


def stage_counts(text: str, lang: str, until: str) -> list[tuple[str, float]]:
    ctx = build_context(Article(text=text, lang=lang, published="2024-03-10"))
    for name, stage in STAGES:
        stage(ctx)
        if name == until:
            break
    return [(c.kind, c.value) for c in ctx.counts]


def test_counts_scope_runs_after_events() -> None:
    names = [n for n, _s in STAGES]
    assert names.index("counts") < names.index("events") < names.index("counts_scope")


@pytest.mark.parametrize(("lang", "text"), [
    # an anniversary: the massacre is history, the gathering is a commemoration
    ("en", "Veterans and villagers met on Saturday to mark the anniversary of the massacre. That day "
           "soldiers killed 504 civilians in the village, the museum says. It was 1968."),
    ("en", "Hundreds of villagers laid flowers on Saturday at the memorial to the victims of the 1968 "
           "massacre, in which soldiers killed 504 civilians."),
])
def test_no_story_no_figures(lang: str, text: str) -> None:
    res = extract(Article(text=text, lang=lang, published="2024-03-10"))
    assert res.events == [] and res.counts == []


def test_scope_drops_candidates_of_an_article_without_event() -> None:
    # a trial over old riots: unrest words, a figure, no act of unrest reported now
    text = "Суд продолжил рассмотрение дела о протестах 2012 года; по версии следствия, тогда пострадали 40 полицейских."
    assert ("injured", 40) in stage_counts(text, "ru", "counts")   # found before events ...
    assert stage_counts(text, "ru", "counts_scope") == []           # ... and dropped after


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Police in Nairobi arrested 40 protesters on Tuesday.", ("detained", 40)),
    ("uk", "У Львові під час акції протесту поліція затримала 12 активістів.", ("detained", 12)),
    # an event without a place to emit it with still keeps its figures (a live trigger)
    ("ru", "Во время разгона акции протеста задержали 30 человек.", ("detained", 30)),
])
def test_story_keeps_figures(lang: str, text: str, want: tuple[str, float]) -> None:
    ctx = build_context(Article(text=text, lang=lang, published="2024-03-10"))
    for _name, stage in STAGES:
        stage(ctx)
    assert scope.in_story(ctx)
    assert want in [(c.kind, c.value) for c in ctx.counts]


@pytest.mark.parametrize(("lang", "text", "want"), [
    # no unrest word of counts.toml, but the events stage finds a gathering: its figures count
    ("en", "A crowd of several hundred gathered outside parliament in Belgrade.", [("participants", 100)]),
    ("ru", "Толпа из нескольких сотен человек собралась у парламента в Белграде.", [("participants", 100)]),
])
def test_counted_again_from_the_events_sentences(lang: str, text: str, want: list[tuple[str, float]]) -> None:
    assert stage_counts(text, lang, "counts") == []
    assert stage_counts(text, lang, "counts_scope") == want
