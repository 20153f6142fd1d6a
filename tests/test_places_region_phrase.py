"""A settlement with its region after a preposition or in the genitive ("село X на Запоріжжі", "в селе X
в Курской области", "в X Харьковской области"): the region picks X's namesake inside it and is no place
of its own; uk/ru "на" before a region centre's name is the region, not the city. Every sentence is
invented."""

from __future__ import annotations

import pytest

from kronika.extract.places import recognise as places
from kronika.text.doc import analyse

pytestmark = pytest.mark.usefixtures("places_cache")


def found(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    out = []
    for m in places.find_places(analyse(text, lang)):
        assert text[m.start:m.end] == m.text
        out.append((m.name, m.admin1, m.kind))
    return out


def test_region_after_na_picks_the_namesake_and_yields_no_capital() -> None:
    got = found("Уночі дрон влучив у склад у селі Малинівка на Запоріжжі, поранено сторожа.", "uk")
    assert [(n, a) for n, a, _k in got] == [("Malynivka", "Zaporizhzhia Oblast")]


def test_region_adjective_phrase_picks_the_namesake() -> None:
    got = found("Вчера снаряд попал в дом в селе Ивановка в Запорожской области, погибла пенсионерка.", "ru")
    assert [(n, a) for n, a, _k in got] == [("Ivanivka", "Zaporizhzhia Oblast")]


def test_region_in_genitive_picks_the_namesake() -> None:
    got = found("Днем в Золочеве Харьковской области обстрел повредил школу.", "ru")
    assert [(a, k) for _n, a, k in got] == [("Kharkiv Oblast", "city")]


def test_unknown_village_falls_back_to_the_region() -> None:
    # the gazetteer has Stepove villages in other regions only: the region stands for the place
    got = found("Вранці окупанти обстріляли село Степове на Запоріжжі, пошкоджено школу.", "uk")
    assert [(n, k) for n, _a, k in got] == [("Zaporizhzhia Oblast", "admin1")]


def test_na_before_a_region_centre_alone_is_the_region() -> None:
    got = found("Вчора ввечері на Запоріжжі лунали вибухи.", "uk")
    assert [(n, k) for n, _a, k in got] == [("Zaporizhzhia Oblast", "admin1")]
    got = found("Вчора ввечері у Запоріжжі лунали вибухи.", "uk")
    assert [k for _n, _a, k in got] == ["city"]


def test_a_town_after_a_town_is_no_unit() -> None:
    # "з Харкова у Київ": two places, neither qualifies the other
    got = found("Автобус з Харкова у Київ затримали на блокпосту.", "uk")
    assert {n for n, _a, _k in got} >= {"Kharkiv", "Kyiv"}


def test_district_of_a_village_is_its_unit() -> None:
    # Novoselivka: villages in several oblasts; the one near Kramatorsk is meant, Kramatorsk is no place
    got = found("On 2 May 2023, in Novoselivka village of Kramatorsk district (Donetsk oblast), a drone hit "
                "a barn.", "en")
    assert [(n, a) for n, a, _k in got] == [("Novoselivka", "Donetsk Oblast")]
