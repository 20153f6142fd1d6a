"""Counted nouns by morphology and lexicon classes: any noun for people, not a closed list."""

from __future__ import annotations

import pytest

from kronika.extract.figures.nouns import is_person
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse


def counts(text: str, lang: str) -> set[tuple[str, float]]:
    res = extract(Article(text=text, lang=lang, published="2024-03-10"))
    return {(c.kind, c.value) for c in res.counts}


@pytest.mark.parametrize(("lang", "word", "person"), [
    ("ru", "шахтеров", True), ("ru", "призывников", True), ("ru", "узбеков", True), ("ru", "депутатов", True),
    ("ru", "городов", False), ("ru", "собак", False), ("ru", "магазинов", False),
    ("uk", "шахтарів", True), ("uk", "вчителів", True), ("uk", "білорусів", True), ("uk", "школярів", True),
    ("uk", "міст", False), ("uk", "коней", False),
    ("en", "miners", True), ("en", "activists", True), ("en", "gunmen", True), ("en", "Ukrainians", True),
    ("en", "Pakistanis", True), ("en", "conscripts", True), ("en", "tents", False), ("en", "hours", False),
])
def test_person_nouns(lang: str, word: str, person: bool) -> None:
    doc = analyse(word, lang, None)
    assert is_person(doc.tokens[0], lang) is person


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "На акции протеста в Самаре полиция задержала 15 шахтеров.", {("detained", 15)}),
    ("ru", "В ходе протестов в Бишкеке пострадали 7 учителей и 3 врача.", {("injured", 7), ("injured", 3)}),
    ("uk", "Під час протесту в Києві поліція затримала 14 студентів.", {("detained", 14)}),
    ("uk", "Під час мітингу у Львові постраждали п'ятеро вчителів.", {("injured", 5)}),
    ("en", "Police in Lagos detained 40 students during the protest.", {("detained", 40)}),
    ("en", "Riot police in Nairobi injured 12 Kenyans and 3 journalists during the protest.",
     {("injured", 12), ("injured", 3)}),
    # people taken, moved or freed are figures of the story, of kind other
    ("en", "Gunmen attacked a village in Zamfara on Sunday and abducted 35 villagers.", {("other", 35)}),
    ("uk", "Після ракетного удару по Одесі рятувальники евакуювали 40 мешканців.", {("other", 40)}),
    ("ru", "После обстрела Белгорода спасатели эвакуировали 60 жителей.", {("other", 60)}),
])
def test_people_of_any_class_are_counted(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert want <= counts(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Во время протеста в Самаре полиция задержала 15 собак."),   # animals are no people
    ("uk", "Під час протесту у Львові затримали 3 автомобілі."),          # vehicles held are no detainees
])
def test_no_people_no_detainees(lang: str, text: str) -> None:
    assert not {k for k, _v in counts(text, lang)} & {"detained", "injured", "killed"}


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "В субботу в Самаре прошел митинг против мусорного полигона. На площади собрались около 300 человек.",
     ("participants", 300)),
    # a crowd of protesters is counted even when the unrest words are sentences away
    ("ru", "Жители Кудымкара вторую неделю протестуют против закрытия больницы. Их поддержали врачи из Перми. "
           "Днем к зданию подъехал глава района. Тогда около 70 активистов попытались пройти в кабинет через "
           "охрану.", ("participants", 70)),
])
def test_crowds(lang: str, text: str, want: tuple[str, float]) -> None:
    assert want in counts(text, lang)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Rights groups say close to 2,000 protesters have been jailed since the protests in Tehran began.",
     ("detained", 2000)),
    ("en", "The army said some 30 militants were neutralised after the attack on the base in Djibo.", ("killed", 30)),
    ("en", "Troops fired live rounds at a march in Khartoum on Sunday. Medics recovered the bodies of nine "
           "marchers near the stadium.", ("killed", 9)),
])
def test_more_cue_verbs(lang: str, text: str, want: tuple[str, float]) -> None:
    assert want in counts(text, lang)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Rioters in Lyon torched four looted pharmacies during the night of unrest.", ("buildings_damaged", 4)),
    ("ru", "Во время беспорядков в Алматы погромщики разграбили три супермаркета.", ("buildings_damaged", 3)),
    ("ru", "Во время беспорядков сгорели 5 разграбленных киосков.", ("buildings_damaged", 5)),
])
def test_damaged_buildings(lang: str, text: str, want: tuple[str, float]) -> None:
    assert want in counts(text, lang)
