"""Places, round 5: the role of a place in its event's clause (roles.py), districts and adjectives.
Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from kronika.extract.places import roles
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse

pytestmark = pytest.mark.usefixtures("places_cache")


def event_places(text: str, lang: str) -> list[str | None]:
    res = extract(Article(text=text, id="t", lang=lang, published="2024-06-01"))
    return sorted((e.location or "") for e in res.events)


def is_dependent(text: str, lang: str, word: str) -> bool:
    return roles.dependent(analyse(text, lang), text.index(word))


@pytest.mark.parametrize(("lang", "text", "word", "expected"), [
    ("ru", "В Вологде прошел митинг в защиту задержанного в Архангельске эколога.", "Архангельске", True),
    ("ru", "В Вологде прошел митинг в защиту задержанного в Архангельске эколога.", "Вологде", False),
    ("ru", "Жители Вологды, вернувшиеся из Череповца, вышли на пикет.", "Череповца", True),
    ("ru", "Жители Вологды, вернувшиеся из Череповца, вышли на пикет.", "Вологды", False),
    ("ru", "Рабочие, приехавшие в Вологду, провели пикет.", "Вологду", False),
    ("uk", "У Полтаві відбувся пікет на підтримку затриманих у Мінську журналістів.", "Мінську", True),
    ("uk", "Після суду в Сумах мешканці Полтави перекрили трасу.", "Сумах", True),
    ("uk", "Після суду в Сумах мешканці Полтави перекрили трасу.", "Полтави", False),
    ("uk", "Мітинги пройшли у Полтаві, Новому Саді та Сумах.", "Новому", False),
    ("en", "Police in Multan dispersed farmers protesting against prices fixed by Islamabad.", "Islamabad", True),
    ("en", "Police in Multan dispersed farmers protesting against prices fixed by Islamabad.", "Multan", False),
    ("en", "Hundreds of teachers from Shymkent marched in Taraz.", "Shymkent", True),
    ("en", "Hundreds of teachers from Shymkent marched in Taraz.", "Taraz", False),
])
def test_dependent(lang: str, text: str, word: str, expected: bool) -> None:
    assert is_dependent(text, lang, word) is expected


def test_event_keeps_its_own_place() -> None:
    assert event_places("В Вологде прошел митинг в защиту задержанного в Архангельске эколога.", "ru") == ["Vologda"]
    assert event_places("Police in Multan dispersed farmers protesting against prices fixed by Islamabad.",
                        "en") == ["Multan"]


def test_round_up_keeps_every_town() -> None:
    assert len(event_places("Акції протесту пройшли у Полтаві, Сумах та Чернігові.", "uk")) == 3


def test_only_dependent_places_stay() -> None:
    # no place of the event's own: the qualifying place is still the best there is
    assert event_places("Жители вышли на пикет в поддержку задержанного в Архангельске эколога.", "ru") \
        == ["Arkhangel\u2019sk"]


def test_actor_adjective() -> None:
    text = "Самарские пенсионеры провели пикет у здания правительства."
    assert roles.actor_adjective(analyse(text, "ru"), 0)
    assert event_places(text, "ru") == ["Samara"]
    assert not roles.actor_adjective(analyse("Самарский завод остановил работу.", "ru"), 0)


def test_latin_run_naming_an_organisation() -> None:
    assert event_places("Members of the Mombasa Traders Union held a sit-in in Malindi.", "en") == ["Malindi"]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "На Позняках мешканці перекрили дорогу через відсутність тепла."),
    ("ru", "На Дарнице жители провели пикет против строительства высотки."),
    ("uk", "Мешканці Оболоні вийшли на протест проти забудови набережної."),
])
def test_district_is_placed_at_its_town(lang: str, text: str) -> None:
    assert event_places(text, lang) == ["Kyiv"]


def test_english_town_opening_a_sentence_before_a_crowd_noun() -> None:
    # a town under 100,000 people opening an English sentence is taken when residents, protesters or
    # police of it follow; alone it could be any capitalised word
    assert event_places("Izium residents rallied outside the town hall on Monday.", "en") == ["Izyum"]


def test_pinned_capital_after_a_surname() -> None:
    # "Вашингтон" is also a surname, but the lexicon pins it to the capital
    assert event_places("Прихильники Байдена провели мітинг у Вашингтоні.", "uk") == ["Washington"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Сторонники Мурси провели пикет в Александрии.", ["Alexandria"]),
    ("uk", "Прихильники Мурсі вийшли на протест у Каїрі.", ["Cairo"]),
    ("en", "Supporters of Ruto marched in Nakuru on Friday.", ["Nakuru"]),
])
def test_name_after_a_follower_noun_is_no_place(lang: str, text: str, expected: list[str]) -> None:
    assert event_places(text, lang) == expected


def test_crowd_of_one_town_acting_in_another() -> None:
    assert event_places("Жители Калуги провели пикет в Туле у здания правительства.", "ru") == ["Tula"]
    # the streets of a town are where the event is
    assert sorted(event_places("Протестующие вышли на улицы Калуги и Тулы.", "ru")) == ["Kaluga", "Tula"]


def test_inflected_two_part_name() -> None:
    from kronika.extract.places.forms import hyphen_forms
    assert "каменец-подольский" in hyphen_forms("ru", "Каменца-Подольского")
    assert hyphen_forms("ru", "Ростов") == []
    assert event_places("Жители Каменца-Подольского перекрыли трассу у въезда в город.", "ru") == ["Kamyanets-Podilskyi"]
