"""Dates, round 2: ordinal-word days without a month or as ranges, deadlines that date nothing beside
them, and calendar arithmetic across month and year ends. Every sentence is invented."""

from __future__ import annotations

from datetime import date

import pytest

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.text.doc import analyse

MAR20 = date(2021, 3, 20)   # a Saturday


def found(text: str, lang: str, published: date | None) -> list[tuple[str, date | None, date | None]]:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    for d in ctx.dates:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.value_end) for d in ctx.dates]


def last_sentence_date(text: str, lang: str, published: date) -> date | None:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    s = ctx.doc.sentences[-1]
    return dates.event_date(ctx, s.start, s.end)[0]


@pytest.mark.parametrize("text,lang,want", [
    ("Обстрел начался в ночь на седьмое.", "ru", ("на седьмое", date(2021, 3, 7), None)),
    ("Вибухи почулися в ніч на сьоме.", "uk", ("на сьоме", date(2021, 3, 7), None)),
    ("Девятого числа у мэрии прошёл пикет.", "ru", ("Девятого числа", date(2021, 3, 9), None)),
    ("Пікет відбувся двадцять восьмого числа.", "uk", ("двадцять восьмого числа", date(2021, 2, 28), None)),
    ("Тревога звучала в ночь с шестого на седьмое марта.", "ru",
     ("с шестого на седьмое марта", date(2021, 3, 6), date(2021, 3, 7))),
    ("Страйк тривав з третього по п'яте березня.", "uk",
     ("з третього по п'яте березня", date(2021, 3, 3), date(2021, 3, 5))),
])
def test_ordinal_days(text: str, lang: str, want: tuple[str, date, date | None]) -> None:
    assert found(text, lang, MAR20) == [want]


@pytest.mark.parametrize("text,lang", [
    ("Команда заняла седьмое место.", "ru"),
    ("Шосте місце посіла збірна.", "uk"),
])
def test_ordinal_without_day_context_is_no_date(text: str, lang: str) -> None:
    assert found(text, lang, MAR20) == []


@pytest.mark.parametrize("text,lang", [
    ("Депутаты обещали рассмотреть проект до 11 марта. У здания собрались пенсионеры.", "ru"),
    ("Уряд має ухвалити рішення до 11 березня. Біля будівлі зібралися пенсіонери.", "uk"),
])
def test_deadline_dates_no_later_sentence(text: str, lang: str) -> None:
    assert last_sentence_date(text, lang, MAR20) == MAR20


def test_date_of_the_story_still_carries() -> None:
    text = "11 марта в городе прошёл митинг. У здания собрались пенсионеры."
    assert last_sentence_date(text, "ru", MAR20) == date(2021, 3, 11)


@pytest.mark.parametrize("text,lang,published,want", [
    ("Вчора відбувся мітинг.", "uk", date(2021, 3, 1), date(2021, 2, 28)),
    ("Вчера прошла акция.", "ru", date(2024, 3, 1), date(2024, 2, 29)),
    ("Позавчера прошла акция.", "ru", date(2021, 1, 1), date(2020, 12, 30)),
    ("У четвер відбувся мітинг.", "uk", date(2021, 1, 2), date(2020, 12, 31)),
    ("Тридцать первого декабря прошла акция.", "ru", date(2021, 1, 3), date(2020, 12, 31)),
])
def test_arithmetic_across_month_and_year_ends(text: str, lang: str, published: date, want: date) -> None:
    assert found(text, lang, published)[0][1] == want


def test_old_year_said_to_be_one() -> None:
    # a year before 1800 counts where a year word follows; a crowd size after a date does not
    assert found("Фортецю заклали 3 квітня 1654 року.", "uk", MAR20) == [
        ("3 квітня 1654 року", date(1654, 4, 3), None)]
    assert found("3 марта 1200 человек вышли на площадь.", "ru", MAR20) == [("3 марта", date(2021, 3, 3), None)]
