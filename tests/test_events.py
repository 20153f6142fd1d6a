"""Events stage: ACLED sub-event typing per family and language, modality, hard negatives, merging.

The sentences are written for these tests (news-style, not taken from any corpus)."""

from __future__ import annotations

import pytest

from kronika.extract.events.snippets import snippet_type
from kronika.model import Article
from kronika.pipeline import extract


def events_of(text: str, lang: str, published: str = "2024-05-06"):
    return extract(Article(text=text, lang=lang, published=published)).events


# ------------------------------------------------------------------ typing, per family and language

@pytest.mark.parametrize("text, lang, sub", [
    # Protests
    ("В Новосибирске сотни человек вышли на митинг против повышения тарифов.", "ru", "Peaceful protest"),
    ("Біля будівлі міськради зібралися близько двохсот мітингувальників.", "uk", "Peaceful protest"),
    ("Hundreds of teachers rallied outside parliament demanding higher pay.", "en", "Peaceful protest"),
    ("Полиция разогнала акцию протеста и задержала двадцать участников.", "ru", "Protest with intervention"),
    ("Поліція затримала десятьох учасників мітингу біля облдержадміністрації.", "uk", "Protest with intervention"),
    ("Police fired tear gas to disperse the demonstrators.", "en", "Protest with intervention"),
    ("Security forces opened fire on peaceful protesters, killing five.", "en",
     "Excessive force against protesters"),
    # Riots
    ("Протестующие забросали полицейских камнями и подожгли две машины.", "ru", "Violent demonstration"),
    ("Під час мітингу почалися сутички між протестувальниками та поліцією.", "uk", "Violent demonstration"),
    ("Demonstrators stormed the town hall and set the building on fire.", "en", "Violent demonstration"),
    ("Невідомі молодики напали на учасників мирної ходи і побили кількох людей.", "uk", "Mob violence"),
    # Explosions/Remote violence
    ("Російські війська обстріляли околиці міста з реактивних систем залпового вогню.", "uk",
     "Shelling/artillery/missile attack"),
    ("Ночью беспилотник атаковал нефтебазу.", "ru", "Air/drone strike"),
    ("An airstrike hit a market, killing at least ten civilians.", "en", "Air/drone strike"),
    ("A roadside bomb exploded as a military convoy passed, wounding three soldiers.", "en",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint.", "en", "Suicide bomb"),
    ("Militants threw a grenade at a police post.", "en", "Grenade"),
    # Battles
    ("Government troops clashed with rebels near the border town.", "en", "Armed clash"),
    ("Бойовики атакували позиції ЗСУ, зав'язався бій.", "uk", "Armed clash"),
    ("The army recaptured the village from the militants.", "en", "Government regains territory"),
    # Violence against civilians
    ("Gunmen abducted a local journalist from his home.", "en", "Abduction/forced disappearance"),
    # Strategic developments
    ("Police arrested three opposition activists at their homes.", "en", "Arrests"),
    ("Силовики задержали двух журналистов независимого издания.", "ru", "Arrests"),
    ("Сили ППО збили дванадцять ударних безпілотників.", "uk", "Disrupted weapons use"),
])
def test_sub_event_type(text: str, lang: str, sub: str) -> None:
    assert snippet_type(text, lang) == sub


# ------------------------------------------------------------------ modality: not events

@pytest.mark.parametrize("text, lang", [
    ("Оппозиция планирует провести митинг в субботу.", "ru"),                 # planned
    ("Профспілка збирається провести пікет наступного тижня.", "uk"),          # planned (збиратися + inf)
    ("Протестувальники вийдуть на вулиці в неділю.", "uk"),                    # future tense
    ("Police said no protest took place in the city.", "en"),                  # negated
    ("Міністерство заперечило, що поліція розігнала мітинг.", "uk"),           # denied
    ("If prices rise again, people will take to the streets.", "en"),          # hypothetical
    ("Лидер партии призвал сторонников выйти на митинг.", "ru"),               # call to protest
    ("Will there be protests in the capital this weekend?", "en"),             # question
    ("Напомним, что в прошлом году протестующие штурмовали здание мэрии.", "ru"),  # recalled
    ("Наступну акцію протесту організатори планують провести в неділю.", "uk"),    # a plan after the noun
])
def test_modality_blocks(text: str, lang: str) -> None:
    assert snippet_type(text, lang) is None


def test_historical_year_is_not_an_event() -> None:
    assert events_of("In 1968, students protested in Prague and police dispersed them.", "en") == []


# ------------------------------------------------------------------ hard negatives (whole articles)

@pytest.mark.parametrize("text, lang", [
    # a strike without a gathering
    ("Працівники метрополітену Харкова розпочали страйк. Протестна акція триватиме два дні, "
     "поїзди не курсують.", "uk"),
    # a criminal arrest
    ("Police in Manchester arrested two men suspected of robbing a jewellery store. "
     "Officers detained the suspects after a chase.", "en"),
    # criminal hooliganism
    ("В Новосибирске пьяный мужчина устроил погром в магазине. Полицейские задержали хулигана.", "ru"),
    # an accidental fire
    ("У Дніпрі на складі сталася пожежа. Вогонь знищив два автомобілі, ніхто не постраждав.", "uk"),
    # a coach's resignation
    ("Главный тренер футбольного клуба подал в отставку после поражения в Москве.", "ru"),
    # weather
    ("A storm destroyed dozens of houses in Odesa and left thousands without power.", "en"),
    # sport: a forward is "нападающий", fans at a match
    ("Нападающий московского клуба забил два гола в матче чемпионата в Казани.", "ru"),
    # a commemoration
    ("У Полтаві відбулася хода пам'яті жертв Голодомору, учасники поклали квіти до пам'ятника.", "uk"),
    # a woman walking out to the street
    ("Вона вийшла на вулицю у Вінниці і пішла до крамниці.", "uk"),
    # a road closed for works
    ("У Києві перекрили вулицю Хрещатик через ремонт.", "uk"),
])
def test_hard_negatives(text: str, lang: str) -> None:
    assert events_of(text, lang) == []


# ------------------------------------------------------------------ places, merging, evidence

def test_one_event_per_city_in_a_list() -> None:
    evs = events_of("6 травня у Харкові, Одесі та Дніпрі пройшли мітинги проти забудови парків.", "uk")
    assert sorted(e.location for e in evs) == ["Dnipro", "Kharkiv", "Odesa"]
    assert {e.sub_event_type for e in evs} == {"Peaceful protest"}
    assert {e.date for e in evs} == {"2024-05-06"}


def test_protest_turning_violent_is_one_riot() -> None:
    text = ("5 мая в Минске прошла акция протеста против результатов выборов. "
            "Позже протестующие забросали силовиков камнями, милиция задержала 30 человек.")
    evs = events_of(text, "ru")
    assert len(evs) == 1
    e = evs[0]
    assert (e.event_type, e.sub_event_type, e.location) == ("Riots", "Violent demonstration", "Minsk")
    assert e.actor1 == "Rioters" and e.actor2 == "State forces"
    assert e.disorder_type == "Demonstrations"
    assert e.date == "2024-05-05"


def test_evidence_points_at_text() -> None:
    text = "Police in Nairobi fired tear gas at protesters who blocked a highway on Monday."
    evs = events_of(text, "en")
    assert evs and evs[0].sub_event_type == "Protest with intervention"
    for e in evs:
        assert e.evidence and 0 < e.confidence <= 1
        for sp in e.evidence:
            assert text[sp.start:sp.end] == sp.text


def test_country_level_only_when_nothing_finer() -> None:
    # an abstract mention at country level is not an event
    assert events_of("Протесты охватили почти всю Грузию.", "ru") == []
    # a concrete act known only at country level is coded there (geo_precision 3)
    evs = events_of("В Грузии протестующие подожгли полицейские автомобили.", "ru")
    assert [(e.sub_event_type, e.country, e.geo_precision) for e in evs] == [("Violent demonstration", "GE", 3)]
    # ... but not beside the same kind of event in a town
    evs = events_of("В Грузии протестующие подожгли полицейские автомобили. "
                    "В Тбилиси демонстранты забросали полицию камнями.", "ru")
    assert [(e.location, e.geo_precision) for e in evs] == [("Tbilisi", 1)]


def test_shelling_with_place_actors_and_fatalities() -> None:
    evs = events_of("Вночі російські окупанти обстріляли Харків, загинули двоє цивільних.", "uk")
    assert len(evs) == 1
    e = evs[0]
    assert (e.sub_event_type, e.location, e.actor1, e.actor2) == (
        "Shelling/artillery/missile attack", "Kharkiv", "State forces", "Civilians")
    assert e.disorder_type == "Political violence"


def test_fighting_near_a_town_is_precision_two() -> None:
    evs = events_of("Під Бахмутом тривають запеклі бої, ворог зазнав втрат.", "uk")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in evs] == [("Armed clash", "Bakhmut", 2)]


def test_negation_of_another_verb_keeps_the_event() -> None:
    # "не утихают" negates "subside", not the protests
    evs = events_of("В Ереване уже третий день не утихают массовые протесты.", "ru")
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"]


def test_named_groups_are_actor_names() -> None:
    evs = events_of("Члены партии «Яблоко» провели пикет в Москве, ОМОН задержал пятерых участников.", "ru")
    assert [(e.sub_event_type, e.actor1, e.actor1_name, e.actor2, e.actor2_name) for e in evs] == [
        ("Protest with intervention", "Protesters", "Яблоко", "State forces", "ОМОН")]
