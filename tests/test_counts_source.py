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
