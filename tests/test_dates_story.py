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
    ("Дело возбуждено по ч. 2 ст. 212 УК.", 1),                            # a short one before a number
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


def test_the_eve_does_not_reach_into_an_earlier_paragraph() -> None:
    got = values("10 мая прошёл митинг.\n\nНакануне прошёл пикет.", "ru", date(2024, 5, 20))
    assert got[-1][1] == date(2024, 5, 19)


@pytest.mark.parametrize("text,lang,published,expected", [
    # the dateline, not the later publication, dates "today", "yesterday" and the weekdays
    ("ХАРКІВ, 25 травня. Сьогодні відбувся мітинг. Учора пройшов пікет.", "uk", date(2024, 5, 27),
     [date(2024, 5, 25), date(2024, 5, 24)]),
    ("KAMPALA, June 14, 2024 (Reuters) - Police arrested 30 people on Wednesday.", "en", None,
     [date(2024, 6, 12)]),
    ("КАЗАНЬ, 14 марта 2023 г. В понедельник прошёл пикет.", "ru", None, [date(2023, 3, 13)]),
    ("КИЇВ. 5 березня. АГЕНЦІЯ - Учора у Києві пройшов мітинг.", "uk", date(2024, 3, 7), [date(2024, 3, 4)]),
    ("Київ, 5 березня (Агенція). Учора у Києві пройшов мітинг.", "uk", date(2024, 3, 7), [date(2024, 3, 4)]),
])
def test_a_dateline_is_the_day_the_story_is_told_from(text: str, lang: str, published: date | None,
                                                      expected: list[date]) -> None:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    assert [d.value for d in ctx.dates if d.kind != "dateline"] == expected
    assert sum(d.kind == "dateline" for d in ctx.dates) == 1


@pytest.mark.parametrize("text", [
    "НАТО, 5 травня заявило про навчання. Учора пройшов пікет.",
    "Сьогодні, 5 травня, у Києві відбулися навчання. Учора пройшов пікет.",
])
def test_openings_that_are_no_dateline(text: str) -> None:
    ctx = Context(analyse(text, "uk", date(2024, 5, 7)))
    dates.run(ctx)
    assert not any(d.kind == "dateline" for d in ctx.dates)
    assert ctx.dates[-1].value == date(2024, 5, 6)


def test_a_dateline_dates_an_event_without_a_day_of_its_own() -> None:
    got = event_dates("NAIROBI, June 3 (Reuters) - Police fired tear gas at hundreds of protesters in Nairobi.",
                      "en", "2023-06-05")
    assert got == {"Nairobi": "2023-06-03"}


@pytest.mark.parametrize("text,expected", [
    ("Earlier this month, on the 12th, nurses protested.", [date(2024, 7, 12)]),
    ("The 4th brigade moved north on Monday.", [date(2024, 7, 22)]),     # a unit, not a day
])
def test_on_the_twelfth(text: str, expected: list[date]) -> None:
    assert [v for _, v in values(text, "en", date(2024, 7, 25))] == expected


def test_a_headline_day_dates_an_undated_story() -> None:
    text = "Hundreds of traders marched to parliament in Accra to protest against new taxes."
    res = extract(Article(text=text, lang="en", published="2024-03-07",
                          title="Traders protest tax hikes in Accra on 5 March"))
    assert [(e.location, e.date) for e in res.events] == [("Accra", "2024-03-05")]
    # a headline naming two days, or none, leaves the publication date
    for title in ("Protests on 2 March and 5 March in Ghana", "Traders protest in Accra"):
        res = extract(Article(text=text, lang="en", published="2024-03-07", title=title))
        assert [(e.location, e.date) for e in res.events] == [("Accra", "2024-03-07")]


def test_the_text_s_own_day_wins_over_the_headline() -> None:
    res = extract(Article(text="Учора мешканці Рівного пікетували будівлю обласної ради.", lang="uk",
                          published="2024-11-11", title="У Рівному 9 листопада пікетували облраду"))
    assert [e.date for e in res.events] == ["2024-11-10"]


@pytest.mark.parametrize("text,lang,expected", [
    ("Три дні тому мешканці вийшли на мітинг.", "uk", (date(2024, 5, 5), 1)),
    ("Два дня назад прошёл митинг.", "ru", (date(2024, 5, 6), 1)),
    ("Two days ago, students rallied.", "en", (date(2024, 5, 6), 1)),
    ("Тиждень тому відбувся пікет.", "uk", (date(2024, 5, 1), 2)),          # a week: week precision
    ("Неделю назад прошёл пикет.", "ru", (date(2024, 5, 1), 2)),
    ("A protest was held two weeks ago.", "en", (date(2024, 4, 24), 2)),
])
def test_days_ago_count_back_from_publication(text: str, lang: str, expected: tuple[date, int]) -> None:
    ctx = Context(analyse(text, lang, date(2024, 5, 8)))
    dates.run(ctx)
    assert [(d.value, d.precision) for d in ctx.dates] == [expected]


def test_a_possessive_weekday() -> None:
    assert values("Monday's protest drew thousands.", "en", date(2024, 11, 20)) == [("Monday's", date(2024, 11, 18))]
    assert values("The Monday rally was calm.", "en", date(2024, 11, 20)) == [("Monday", date(2024, 11, 18))]


@pytest.mark.parametrize("text,lang,expected", [
    ("У Львові 10 березня пройшов мітинг, а 12 березня - у Тернополі.", "uk",
     {"Lviv": "2024-03-10", "Ternopil": "2024-03-12"}),
    ("Teachers marched in Lagos on Monday, in Ibadan on Tuesday and in Abuja on Wednesday.", "en",
     {"Lagos": "2024-03-11", "Ibadan": "2024-03-12", "Abuja": "2024-03-13"}),
    ("В субботу, 9 марта, в Казани прошёл пикет.", "ru", {"Kazan": "2024-03-09"}),   # one day, told twice
])
def test_each_town_of_a_round_up_keeps_its_own_day(text: str, lang: str, expected: dict[str, str]) -> None:
    assert event_dates(text, lang, "2024-03-14") == expected


def test_a_day_told_in_a_town_s_relative_clause_is_not_its_own() -> None:
    from kronika.extract.date_binding import stretch_date
    for text, want in (("Riots broke out in Lyon on Friday and in Nanterre where police shot a man on Tuesday.", None),
                       ("Riots broke out in Lyon on Friday and in Nanterre on Tuesday.", date(2024, 3, 12))):
        ctx = Context(analyse(text, "en", date(2024, 3, 16)))
        dates.run(ctx)
        got = stretch_date(ctx, text.index("Nanterre"))
        assert (got[0] if got else None) == want


def test_a_town_s_day_before_the_event_s_is_taken_for_a_backdrop() -> None:
    got = event_dates("Riots broke out in Lyon on Tuesday and in Nanterre on Friday.", "en", "2024-03-16")
    assert got == {"Lyon": "2024-03-12", "Nanterre": "2024-03-15"}
    got = event_dates("Riots broke out in Lyon on Friday and in Nanterre on Tuesday.", "en", "2024-03-16")
    assert got == {"Lyon": "2024-03-15", "Nanterre": "2024-03-15"}


@pytest.mark.parametrize("text,lang,expected", [
    ("The ministry said on Wednesday protesters had blocked a road in Lima on Monday.", "en", {"Lima": "2024-03-11"}),
    ("Police on Wednesday said they had arrested 20 protesters in Lagos on Sunday.", "en", {"Lagos": "2024-03-10"}),
    ("Поліція у середу повідомила про затримання у неділю 20 учасників мітингу у Рівному.", "uk",
     {"Rivne": "2024-03-10"}),
    ("В среду МВД сообщило о задержании участников митинга в Уфе, прошедшего в воскресенье.", "ru",
     {"Ufa": "2024-03-10"}),
    # a statement's day alone still dates the event (nothing else does)
    ("Police said on Wednesday they had arrested 20 protesters in Lagos.", "en", {"Lagos": "2024-03-13"}),
])
def test_the_day_of_a_statement_gives_way_to_the_event_s(text: str, lang: str, expected: dict[str, str]) -> None:
    assert event_dates(text, lang, "2024-03-14") == expected


def test_a_weekday_before_a_count_is_no_weekday_of_a_date() -> None:
    assert values("У неділю 20 учасників мітингу затримали.", "uk", date(2024, 3, 14)) == [
        ("У неділю", date(2024, 3, 10))]


@pytest.mark.parametrize("text,lang,expected", [
    ("In Lima, where a protester died on Monday, thousands marched on Tuesday.", "en", {"Lima": "2024-03-12"}),
    ("У Рівному, де в п'ятницю затримали активіста, у понеділок відбувся мітинг.", "uk", {"Rivne": "2024-03-11"}),
])
def test_a_backdrop_s_day_in_a_relative_clause_gives_way(text: str, lang: str, expected: dict[str, str]) -> None:
    assert event_dates(text, lang, "2024-03-14") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Как и в 2019 году, жители Екатеринбурга во вторник вышли на митинг против застройки сквера.", "ru",
     {"Yekaterinburg": "2024-08-27"}),
    ("As in 2019, thousands marched in Hong Kong on Sunday.", "en", {"Hong Kong": "2024-08-25"}),
    # a year long past with no day of the story stays history
    ("У 2019 році мешканці Рівного вийшли на мітинг.", "uk", {}),
    ("В 2014 году, 5 марта, в Симферополе прошёл митинг.", "ru", {}),
])
def test_a_recalled_year_does_not_hide_this_week_s_event(text: str, lang: str, expected: dict[str, str]) -> None:
    assert event_dates(text, lang, "2024-08-28") == expected
