"""Dates bound to the events of multi-sentence stories (issue 14, class 1): sentences that open with a
day, a day before the date told last, datelines, "on the 12th". Every sentence is invented."""

from __future__ import annotations

from datetime import date

import pytest

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse
from kronika.text.segment import sentences


def values(text: str, lang: str, published: date | None) -> list[tuple[str, date | None]]:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    return [(d.text, d.value) for d in ctx.dates]


def event_dates(text: str, lang: str, published: str | None) -> dict[str, str | None]:
    return {e.location or "": e.date for e in extract(Article(text=text, lang=lang, published=published)).events}


@pytest.mark.parametrize("text,n", [
    ("У Луцьку пройшов пікет. 7 березня мітинг відбувся в Рівному.", 2),   # a day opens a sentence
    ("Курс впав на 1.5 відсотка.", 1),                                     # a decimal stays inside
    ("В 2021 г. 5 человек пострадали.", 1),                                # after an abbreviation
])
def test_a_day_after_a_full_stop_opens_a_sentence(text: str, n: int) -> None:
    assert len(sentences(text)) == n


def test_each_sentence_keeps_the_day_it_opens_with() -> None:
    got = event_dates("2 березня у Полтаві мешканці провели мітинг. 6 березня акцію протесту провели в Сумах.",
                      "uk", "2024-03-10")
    assert got == {"Poltava": "2024-03-02", "Sumy": "2024-03-06"}


@pytest.mark.parametrize("text,lang,published,expected", [
    # after a dated sentence: the day before that date
    ("10 мая прошёл митинг. Накануне прошёл пикет.", "ru", date(2024, 5, 20), date(2024, 5, 9)),
    ("Позавчора відбувся мітинг. Напередодні пройшов пікет.", "uk", date(2024, 9, 30), date(2024, 9, 27)),
    ("Workers marched on Saturday. The day before, students rallied.", "en", date(2025, 2, 10),
     date(2025, 2, 7)),
    # alone: the day before publication
    ("Накануне прошёл пикет.", "ru", date(2024, 5, 20), date(2024, 5, 19)),
])
def test_the_day_before_counts_from_the_date_told_last(text: str, lang: str, published: date,
                                                       expected: date) -> None:
    assert values(text, lang, published)[-1][1] == expected
