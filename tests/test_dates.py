"""Date expressions resolved against the publication date; the event-date helper."""

from __future__ import annotations

from datetime import date

import pytest

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.text.doc import analyse


def found(text: str, lang: str, published: date | None) -> list[tuple[str, date | None, int, str]]:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    for d in ctx.dates:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.precision, d.kind) for d in ctx.dates]


def first(text: str, lang: str, published: date | None) -> date | None:
    got = found(text, lang, published)
    assert got, text
    return got[0][1]


JAN5 = date(2022, 1, 5)   # a Wednesday


@pytest.mark.parametrize("text,lang,published,expected", [
    ("Вранці 5 січня у центрі Алмати поновилися зіткнення.", "uk", JAN5, date(2022, 1, 5)),
    ("28 грудня відбувся мітинг.", "uk", date(2022, 1, 2), date(2021, 12, 28)),       # year boundary
    ("28 декабря прошел митинг.", "ru", date(2022, 1, 2), date(2021, 12, 28)),
    ("Акция назначена на 3 января.", "ru", date(2021, 12, 29), date(2022, 1, 3)),        # forward over the boundary
    ("5 січня 2021 року відбувся мітинг.", "uk", JAN5, date(2021, 1, 5)),
    ("Вчора протестувальники вийшли.", "uk", JAN5, date(2022, 1, 4)),
    ("Позавчера митингующие собрались.", "ru", JAN5, date(2022, 1, 3)),
    ("У середу протестувальники вийшли.", "uk", JAN5, date(2022, 1, 5)),                # same weekday = that day
    ("Во вторник митингующие вышли.", "ru", JAN5, date(2022, 1, 4)),
    ("Protesters rallied on Sunday.", "en", JAN5, date(2022, 1, 2)),
    ("Мітинг відбувся минулої середи.", "uk", JAN5, date(2021, 12, 29)),               # "last": strictly before
    ("в ночь на 6 января", "ru", JAN5, date(2022, 1, 6)),
    ("в ночь с 4 на 5 января", "ru", JAN5, date(2022, 1, 4)),                           # first night
    ("on Wednesday night, 5-6 January, police", "en", date(2022, 1, 6), date(2022, 1, 5)),
    ("з 2 по 5 січня тривали протести", "uk", JAN5, date(2022, 1, 2)),
    ("On January 2, crowds took to the streets.", "en", JAN5, date(2022, 1, 2)),
    ("Мітинг 05.01.2022 розігнали.", "uk", None, date(2022, 1, 5)),
    ("Last night, extremists tried to storm buildings.", "en", date(2022, 1, 6), date(2022, 1, 5)),
    ("Police moved in on the 5th of January.", "en", JAN5, date(2022, 1, 5)),
    ("Лідера затримали у ніч на суботу.", "uk", date(2018, 11, 24), date(2018, 11, 24)),
    ("Протесты начались в начале декабря.", "ru", JAN5, date(2021, 12, 1)),                # month, past
])
def test_resolution(text: str, lang: str, published: date | None, expected: date) -> None:
    assert first(text, lang, published) == expected


def test_no_year_invented() -> None:
    assert first("7 жовтня натовп пограбував магазин.", "uk", None) is None
    assert first("У понеділок відбувся мітинг.", "uk", None) is None
    # a year given earlier in the text carries to later days
    got = found("5 січня 2022 року почалися протести. 6 січня їх розігнали.", "uk", None)
    assert [g[1] for g in got] == [date(2022, 1, 5), date(2022, 1, 6)]


def test_range_and_time() -> None:
    got = found("з 2 по 5 січня тривали протести", "uk", JAN5)
    assert got[0][3] == "range" and got[0][1] == date(2022, 1, 2)
    # a time takes the day told before it, else the publication date
    got = found("Вчора, станом на 13:00, протестувальники захопили будівлю.", "uk", JAN5)
    assert got[1] == ("13:00", date(2022, 1, 4), 1, "time")


def test_relative_to_previous_date() -> None:
    got = found("On January 2, crowds took to the streets. Two days later, the protests engulfed Almaty.",
                "en", JAN5)
    assert got[-1][1] == date(2022, 1, 4)


def test_environment_is_not_wednesday() -> None:
    assert found("в среде протестующих", "ru", JAN5) == []


def test_month_and_historic_year() -> None:
    got = found("У січні 2014 року.", "uk", JAN5)
    assert got[0][2] == 3 and got[0][3] == "historic"


def event_date_of(text: str, clause: str, lang: str, published: date | None) -> tuple[date | None, int]:
    ctx = Context(analyse(text, lang, published))
    dates.run(ctx)
    s = text.index(clause)
    return dates.event_date(ctx, s, s + len(clause))


def test_event_date() -> None:
    text = "Вранці 5 січня у центрі Алмати почалися сутички. Протестувальники підпалили машини."
    assert event_date_of(text, "Протестувальники підпалили машини", "uk", date(2022, 1, 6)) == (date(2022, 1, 5), 1)
    # nothing in the text: the news date
    assert event_date_of("Протестувальники підпалили машини.", "Протестувальники", "uk", JAN5) == (JAN5, 1)
    # nothing knowable
    assert event_date_of("Протестувальники підпалили машини.", "Протестувальники", "uk", None) == (None, 3)
    # a date inside a relative clause does not date the story that follows
    text = "Протесты идут вторые сутки. Суд, который накануне оправдал женщину, молчит. Люди перекрывают улицы."
    assert event_date_of(text, "Люди перекрывают улицы", "ru", date(2018, 11, 2)) == (date(2018, 11, 2), 1)


MAY9 = date(2023, 5, 9)   # a Tuesday


@pytest.mark.parametrize("text,lang,expected", [
    ("Шостого травня у місті пройшов мітинг.", "uk", date(2023, 5, 6)),
    ("Седьмого марта в городе прошел митинг.", "ru", date(2023, 3, 7)),
    ("Двадцять п'ятого квітня жителі вийшли на вулиці.", "uk", date(2023, 4, 25)),
    ("Двадцать первого апреля жители вышли на улицы.", "ru", date(2023, 4, 21)),
    ("On the sixth of May, residents rallied.", "en", date(2023, 5, 6)),
    ("On May sixth residents rallied.", "en", date(2023, 5, 6)),
    ("On the twenty-first of April, residents rallied.", "en", date(2023, 4, 21)),
    ("Тридцятого грудня 2022 року відбувся пікет.", "uk", date(2022, 12, 30)),
])
def test_ordinal_word_days(text, lang, expected):
    assert first(text, lang, MAY9) == expected


def test_ordinal_before_a_month_needs_of_in_english():
    # "the first May rally" is no date
    assert all(k != "date" for *_, k in found("The first May rally drew crowds.", "en", MAY9))


@pytest.mark.parametrize("text,lang,published,expected", [
    ("В ночь на 7-е произошел взрыв.", "ru", MAY9, date(2023, 5, 7)),
    ("У ніч на 7-ме стався вибух.", "uk", MAY9, date(2023, 5, 7)),
    ("Взрыв прогремел 7-го числа.", "ru", MAY9, date(2023, 5, 7)),
    ("В ночь на 7-е произошел взрыв.", "ru", date(2023, 5, 3), date(2023, 4, 7)),   # last month's 7th
    ("В ночь на 31-е произошел взрыв.", "ru", date(2023, 3, 2), date(2023, 1, 31)),  # February has none
    ("Взрыв прогремел 7-го мая.", "ru", MAY9, date(2023, 5, 7)),
    ("У ніч проти 7 травня стався вибух.", "uk", MAY9, date(2023, 5, 7)),
    ("У ніч проти суботи стався вибух.", "uk", MAY9, date(2023, 5, 6)),
])
def test_day_without_month_and_night_phrases(text, lang, published, expected):
    assert first(text, lang, published) == expected


def test_a_numbered_rank_is_no_day():
    assert found("Команда заняла 7-е место.", "ru", MAY9) == []


@pytest.mark.parametrize("text,lang,published,expected", [
    ("Вчора протестувальники вийшли.", "uk", date(2023, 3, 1), date(2023, 2, 28)),    # month end
    ("Yesterday protesters marched.", "en", date(2024, 1, 1), date(2023, 12, 31)),    # year end
    ("В пятницу митингующие вышли.", "ru", date(2024, 1, 2), date(2023, 12, 29)),     # Tuesday -> last Friday
    ("On Sunday protesters marched.", "en", date(2024, 3, 1), date(2024, 2, 25)),     # leap-year February
])
def test_relative_days_across_month_and_year_ends(text, lang, published, expected):
    assert first(text, lang, published) == expected


def test_no_publication_date_takes_the_articles_own_year():
    text = "15 грудня у місті стався вибух. За 2023 рік таких випадків було вже дев'ять."
    got = found(text, "uk", None)
    assert got[0][:2] == ("15 грудня", date(2023, 12, 15))


def test_no_publication_date_and_no_year_stays_unresolved():
    assert found("15 грудня у місті стався вибух.", "uk", None)[0][1] is None


@pytest.mark.parametrize("published,text,expected", [
    ("2024-01", "28 грудня відбувся мітинг.", date(2023, 12, 28)),    # a year-and-month publication
    ("2024-01", "5 січня відбувся мітинг.", date(2024, 1, 5)),
    ("2024-01", "У грудні відбувся мітинг.", date(2023, 12, 1)),
    ("2024", "28 грудня відбувся мітинг.", date(2024, 12, 28)),       # a year alone: that year
])
def test_publication_with_year_and_month_only(published, text, expected):
    from kronika.model import Article
    from kronika.pipeline import build_context

    ctx = build_context(Article(text=text, lang="uk", published=published))
    dates.run(ctx)
    assert ctx.dates[0].value == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("В ночь с субботы на воскресенье прогремели взрывы.", "ru", date(2023, 5, 6)),   # the night's first day
    ("У ніч з суботи на неділю пролунали вибухи.", "uk", date(2023, 5, 6)),
    ("В минувшую субботу прошел митинг.", "ru", date(2023, 5, 6)),
    ("Позапрошлой ночью прогремел взрыв.", "ru", date(2023, 5, 7)),
])
def test_night_ranges_of_weekdays_and_last_words(text, lang, expected):
    assert first(text, lang, MAY9) == expected
