"""A figure's source: the attribution of its own clause, not across a contrast, carried a sentence on."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def sources(text: str, lang: str) -> dict[float, str | None]:
    res = extract(Article(text=text, lang=lang, published="2024-03-10"))
    return {c.value: c.source for c in res.counts}


@pytest.mark.parametrize(("lang", "text", "want"), [
    # two sources in one sentence: each figure takes the one of its own clause
    ("ru", "По данным МВД, во время акции протеста в Москве задержаны 40 человек, а правозащитники "
           "ОВД-Инфо сообщают о 120 задержанных.", {40: "МВД", 120: "правозащитники ОВД-Инфо"}),
    ("en", "Police in Nairobi detained 40 protesters on Tuesday, the interior ministry said, while Amnesty "
           "International said 12 were killed.", {40: "interior ministry", 12: "Amnesty International"}),
    ("uk", "Під час протесту в Києві затримали 15 людей, повідомили в Національній поліції.",
     {15: "Національна поліція"}),
    # a report goes on in the next sentence of its paragraph
    ("ru", "Губернатор Курской области Иван Петров сообщил об атаке беспилотников на Курск. "
           "Пострадали три человека.", {3: "Иван Петров"}),
])
def test_source_of_the_figures_clause(lang: str, text: str, want: dict[float, str]) -> None:
    got = sources(text, lang)
    for value, name in want.items():
        assert got.get(value) == name, (value, got)


def test_no_source_across_a_contrast() -> None:
    got = sources("По официальным данным, на митинге в Ереване пострадали 12 человек, однако ОВД-Инфо "
                  "утверждает, что пострадавших больше.", "ru")
    assert got == {12: None}


def test_a_new_paragraph_ends_the_report() -> None:
    got = sources("Губернатор Вячеслав Гладков сообщил об атаке беспилотников на Белгород.\n\n"
                  "Во время протеста в Белгороде задержаны 14 человек.", "ru")
    assert got.get(14) is None


@pytest.mark.parametrize(("lang", "text", "want"), [
    # a pronoun by a frame noun or a speech verb: the last person named, of its gender
    ("ru", "Мэр Омска Иван Сидоров сообщил, что за время беспорядков ранены 50 человек. Его слова приводит "
           "местное издание Ngs.ru. По его данным, в числе раненых были 13 полицейских.",
     {50: "Иван Сидоров", 13: "Иван Сидоров"}),
    ("uk", "Речниця поліції Олена Коваль повідомила, що під час протесту в Рівному затримали 9 людей.\n"
           "Пізніше вона розповіла, що 4 поліцейських отримали травми.", {9: "Олена Коваль", 4: "Олена Коваль"}),
    # a role or body named again by its common noun, and the sentence after it
    ("ru", "Комендант Омска Иван Сидоров сообщил, что в ходе беспорядков пострадали 50 человек.\n"
           "Комендант добавил, что сожжены 20 машин. Разгромлены 30 магазинов.",
     {50: "Иван Сидоров", 20: "Иван Сидоров", 30: "Иван Сидоров"}),
    ("en", "Police detained more than 300 protesters in Tbilisi on Sunday, the Georgian Interior Ministry said.\n"
           "The ministry said 12 protesters were injured.",
     {300: "Georgian Interior Ministry", 12: "Georgian Interior Ministry"}),
])
def test_source_named_again(lang: str, text: str, want: dict[float, str]) -> None:
    got = sources(text, lang)
    for value, name in want.items():
        assert got.get(value) == name, (value, got)


def test_a_pronoun_of_the_other_gender_points_at_no_one() -> None:
    got = sources("Речниця поліції Олена Коваль повідомила про протест у Рівному.\n"
                  "Охоронець магазину сказав, що він бачив 40 погромників, які розбили 6 вітрин.", "uk")
    assert got.get(6) != "Олена Коваль"


def test_an_outlet_signing_the_next_sentence_reports_the_paragraph() -> None:
    got = sources("У Бішкеку на вулиці вийшли 300 протестувальників. Поліція застосувала силу, пише Kaktus.media.\n"
                  "Увечері затримали 12 людей.", "uk")
    assert got.get(300) == "Kaktus.media"
    assert got.get(12) is None   # a new paragraph: the signature does not reach it


def test_a_pronoun_points_at_a_surname_kept_alone() -> None:
    # "Абдыкадыров" alone (a surname no dictionary knows) is still a person a pronoun can stand for
    got = sources("Мэр Оша Абдыкадыров заявил, что в ходе беспорядков пострадали 40 человек. Его слова приводит "
                  "издание Kaktus.media. По его словам, среди пострадавших 12 полицейских.", "ru")
    assert got.get(12) == "Абдыкадыров"
