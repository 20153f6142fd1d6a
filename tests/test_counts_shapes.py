"""Shapes of figures: an implied one, coordinated victims, fatal injuries, list tallies, sub-counts."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def counts(text: str, lang: str) -> set[tuple[str, float]]:
    res = extract(Article(text=text, lang=lang, published="2024-03-10"))
    for c in res.counts:
        for s in c.evidence:
            assert text[s.start:s.end] == s.text
    return {(c.kind, c.value) for c in res.counts}


@pytest.mark.parametrize(("lang", "text", "want"), [
    # the victim is the subject of an intransitive or passive verb ...
    ("ru", "В ходе беспорядков в Алматы погиб полицейский, ранен журналист.", {("killed", 1), ("injured", 1)}),
    ("uk", "Під час сутичок у Києві загинув поліцейський.", {("killed", 1)}),
    ("en", "A protester was killed in clashes with police in Nairobi on Tuesday.", {("killed", 1)}),
    ("en", "A man was shot dead during the protest in Lima.", {("killed", 1)}),
    # ... or the object of a transitive or impersonal one
    ("ru", "На акции протеста в Москве полицейский ранил протестующего.", {("injured", 1)}),
    ("uk", "Під час сутичок у Києві поранено журналіста.", {("injured", 1)}),
    # coordinated singular victims count each
    ("uk", "Під час протесту у Харкові загинули поліцейський і журналіст.", {("killed", 2)}),
    # fatal injuries are deaths
    ("uk", "Унаслідок ракетного удару по Запоріжжю один водій отримав смертельні поранення.", {("killed", 1)}),
    ("en", "Two protesters were fatally wounded in clashes with police in Lima.", {("killed", 2)}),
])
def test_implied_figures(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert counts(text, lang) == want


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В ходе беспорядков в Алматы погибли двое, в том числе полицейский."),   # the figure tells it
    ("en", "A police officer said the protest in Lagos was peaceful."),              # an agent, no victim
    ("ru", "Полицейский не пострадал во время протеста в Москве."),                   # denied
])
def test_no_implied_one(lang: str, text: str) -> None:
    assert ("killed", 1) not in counts(text, lang) and ("injured", 1) not in counts(text, lang)


@pytest.mark.parametrize(("lang", "text", "want"), [
    # a sub-count keeps the kind of its count ...
    ("uk", "Після атаки дронів на Херсон рятувальники евакуювали 40 людей, серед яких 9 дітей.",
     {("other", 40), ("other", 9)}),
    ("ru", "В ходе беспорядков в Бишкеке пострадали 50 человек, из которых 12 полицейских.",
     {("injured", 50), ("injured", 12)}),
    ("en", "Police in Nairobi detained 40 protesters, of whom 6 were students.", {("detained", 40), ("detained", 6)}),
    # ... unless it says its own kind
    ("uk", "У Харкові поліція розігнала мітинг. Маємо 20 поранених, з них четверо лежать у лікарні.",
     {("injured", 20), ("hospitalized", 4)}),
])
def test_subcounts(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert counts(text, lang) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Больше всего задержанных во время акций протеста в Москве — 40, в Казани — 7.",
     {("detained", 40), ("detained", 7)}),
    ("ru", "Во время протестов задержаны: в Самаре - 12, в Уфе - 9.", {("detained", 12), ("detained", 9)}),
    ("uk", "Найбільше затриманих під час протестів у Києві - 30, у Львові - 11.", {("detained", 30), ("detained", 11)}),
    ("en", "Most arrests during the protests were in Paris — 40, in Lyon — 25.", {("detained", 40), ("detained", 25)}),
])
def test_list_tallies(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert counts(text, lang) == want


def test_list_tally_items_with_equal_values_are_two() -> None:
    res = extract(Article(text="Во время протестов задержаны: в Самаре - 12, в Уфе - 12.", lang="ru",
                          published="2024-03-10"))
    assert sorted((c.value, c.location) for c in res.counts) == [(12, "Samara"), (12, "Ufa")]


def test_list_tally_items_keep_their_place() -> None:
    res = extract(Article(text="Во время протестов задержаны: в Самаре - 12, в Уфе - 9.", lang="ru",
                          published="2024-03-10"))
    assert {c.value: c.location for c in res.counts} == {12: "Samara", 9: "Ufa"}


@pytest.mark.parametrize(("lang", "text", "want"), [
    # the cue verb across a verbless aside or an apposition of the figure's own clause
    ("ru", "Во время акции протеста в Москве полиция задержала её участников, всего 40 человек.", ("detained", 40)),
    ("ru", "Во время акции протеста в Москве были задержаны, по последним данным правозащитников, 120 человек.",
     ("detained", 120)),
    # ... and across an aside that names the source
    ("uk", "Під час протесту в Києві поліцейські затримали, як повідомляє поліція, 25 учасників акції.",
     ("detained", 25)),
    ("en", "Police in Lima arrested, according to local media, 35 protesters.", ("detained", 35)),
])
def test_cue_across_a_comma(lang: str, text: str, want: tuple[str, float]) -> None:
    assert want in counts(text, lang)


def test_cue_not_across_a_clause_of_its_own() -> None:
    # the arrests are one clause, the crowd another: 300 people gathered, they were not detained
    got = counts("Во время акции протеста в Москве полиция задержала активиста, на площадь вышли 300 человек.", "ru")
    assert ("detained", 300) not in got


def test_things_the_story_acts_on_are_other() -> None:
    got = counts("Во время беспорядков погромщики подожгли пять складов и разграбили 12 ларьков.", "ru")
    assert ("other", 12) in got and ("buildings_damaged", 5) in got
    assert ("other", 10) in counts("В ходе беспорядков в Алматы было разбито 10 витрин.", "ru")


def test_a_crowd_place_is_no_crowd_size() -> None:
    assert counts("Протестующие в Бишкеке перекрыли 3 улицы в центре города.", "ru") == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Акции протеста прошли в трех городах, в Москве задержаны 20 человек."),   # a scene, no act on it
    ("ru", "К девяти утра у здания суда в Гомеле собралась акция протеста."),           # a time of day
    ("uk", "Близько дев'ятої вечора у Львові почався мітинг."),
])
def test_no_thing_figure(lang: str, text: str) -> None:
    assert not {k for k, _v in counts(text, lang)} - {"detained"}


def test_fines_and_reports_are_other() -> None:
    got = counts("В субботу в Москве полиция задержала 50 участников акции протеста. Позже суд оштрафовал "
                 "15 задержанных, на остальных составлено 35 административных протоколов.", "ru")
    assert got == {("detained", 50), ("other", 15), ("other", 35)}


@pytest.mark.parametrize(("lang", "text", "want", "gone"), [
    ("uk", "Унаслідок удару по Запоріжжю загинули 5 людей, повідомив мер, нагадавши про будинок, де 3 березня "
           "2021 року загинули 30 людей.", ("killed", 5), ("killed", 30)),
    ("ru", "При обстреле Белгорода пострадали 7 человек; губернатор вспомнил налет, когда 12 мая 2019 года "
           "погибли 20 человек.", ("injured", 7), ("killed", 20)),
])
def test_an_older_event_in_the_figures_clause(lang: str, text: str, want: tuple[str, float],
                                              gone: tuple[str, float]) -> None:
    got = counts(text, lang)
    assert want in got and gone not in got


def test_a_relative_clause_is_the_figures_predicate() -> None:
    got = counts("A Russian missile struck a market in Odesa on Monday. One man was killed and 14 people who "
                 "were injured are in hospital, the governor said.", "en")
    assert ("injured", 14) in got and ("killed", 14) not in got


@pytest.mark.parametrize(("lang", "text", "want"), [
    # a copula dash: the kind noun before it, the figure after it
    ("ru", "Число задержанных на акции протеста в Тбилиси — 40 человек.", {("detained", 40)}),
    # a sub-count's own verb, an override cue ("отпустили": released) wins over the count's kind
    ("ru", "Полиция задержала на акции в Казани 25 человек; 8 из них отпустили.", {("detained", 25), ("other", 8)}),
    # a reflexive verb of injury
    ("uk", "Під час протесту в Тбілісі затримали 40 людей, ще 12 травмувалися.", {("detained", 40), ("injured", 12)}),
    # a bare figure after a dash or a colon: the kind noun before it
    ("ru", "Протестующие штурмовали здание администрации в Оше. Погибших — 5, раненых — 40.",
     {("killed", 5), ("injured", 40)}),
    ("uk", "Протестувальники штурмували будівлю адміністрації в Оші. Загиблих — 5, поранених — 40.",
     {("killed", 5), ("injured", 40)}),
    ("en", "Protesters stormed the government building in Osh. Dead: 5, injured: 40.", {("killed", 5), ("injured", 40)}),
    # a tally far before a figure of people
    ("ru", "Число погибших в ходе протестов в Казахстане достигло 225 человек.", {("killed", 225)}),
    ("uk", "Кількість загиблих під час протестів у Казахстані сягнула 225 осіб.", {("killed", 225)}),
])
def test_dash_subcount_and_reflexive(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert counts(text, lang) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    # the figure's verb after a relative clause between commas
    ("uk", "Під час протесту в Донецьку бойовики утримували сімох активістів у заручниках. П'ятьох, яких "
           "тримали в будівлі міськради, звільнили.", {("other", 7), ("other", 5)}),
    ("ru", "Во время протеста в Донецке боевики удерживали семерых активистов в заложниках. Пятерых, которых "
           "держали в здании горсовета, отпустили.", {("other", 7), ("other", 5)}),
])
def test_verb_after_a_relative_clause(lang: str, text: str, want: set[tuple[str, float]]) -> None:
    assert counts(text, lang) == want
