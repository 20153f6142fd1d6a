"""Russian and Ukrainian events of kinds regional news reports: hunger strikes in public, shootings
in public places, anniversaries of old protests. Every text is invented for this test."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def _events(lang: str, text: str, published: str = "2025-03-12") -> list[tuple[str, str | None]]:
    events = extract(Article(text=text, lang=lang, published=published)).events
    for e in events:
        for span in e.evidence:
            assert text[span.start:span.end] == span.text
    return sorted((e.sub_event_type, e.location) for e in events)


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В Калуге двое пенсионеров объявили голодовку на площади у здания областного правительства.", "Kaluga"),
    ("ru", "Предприниматели в Оренбурге голодают в палатке возле мэрии.", "Orenburg"),
    ("uk", "У Рівному троє підприємців голодують у наметі під будівлею міськради.", "Rivne"),
    ("uk", "Активісти оголосили голодування на площі перед ОДА в Сумах.", "Sumy"),
])
def test_hunger_strike_in_public_is_a_protest(lang: str, text: str, town: str) -> None:
    assert _events(lang, text) == [("Peaceful protest", town)]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Заключённый СИЗО в Калуге объявил голодовку, требуя пересмотра дела."),
    ("uk", "Засуджений у колонії під Рівним оголосив голодування."),
])
def test_hunger_strike_out_of_public_is_no_event(lang: str, text: str) -> None:
    assert _events(lang, text) == []


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В Оренбурге мужчина открыл стрельбу в торговом центре, ранены три человека.", "Orenburg"),
    ("ru", "В Калуге неизвестный стрелял по прохожим из окна, пострадали двое.", "Kaluga"),
    ("uk", "У Сумах чоловік відкрив стрілянину по відвідувачах кафе, поранено двох людей.", "Sumy"),
])
def test_shooting_in_a_public_place_is_an_attack(lang: str, text: str, town: str) -> None:
    assert _events(lang, text) == [("Attack", town)]


@pytest.mark.parametrize("lang, text", [
    # a quarrel between neighbours, a shooting range: no public place, no random victims
    ("ru", "В Калуге мужчина в ходе ссоры ранил соседа из травматического пистолета."),
    ("uk", "У Рівному на стрільбищі відбулися навчальні стрільби курсантів."),
])
def test_private_or_training_shooting_is_no_event(lang: str, text: str) -> None:
    assert _events(lang, text) == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "Пятнадцать лет со дня массовых протестов в Калуге\n\nВ 2010 году в Калуге на митинги выходили тысячи "
           "человек. Сейчас об этом напоминает только мемориальная доска."),
    ("uk", "Двадцять років з дня протестів у Сумах\n\nУ 2005 році в Сумах на мітинги виходили тисячі людей. "
           "Нині про них нагадує лише пам'ятна дошка."),
])
def test_anniversary_headline_is_no_event(lang: str, text: str) -> None:
    assert _events(lang, text, "2025-10-01") == []


@pytest.mark.parametrize("lang, text, towns", [
    ("uk", "У суботу акції з вимогою повернути кошти громади на ремонт лікарні пройшли у Сумах та Рівному.",
     ["Rivne", "Sumy"]),
    ("ru", "В субботу акции с требованием вернуть бесплатный проезд для пенсионеров прошли в Калуге и Оренбурге.",
     ["Kaluga", "Orenburg"]),
])
def test_roundup_of_actions_with_a_long_topic(lang: str, text: str, towns: list[str]) -> None:
    assert _events(lang, text) == [("Peaceful protest", t) for t in towns]


def test_company_shares_are_no_action() -> None:
    text = "Акции калужского завода по производству стройматериалов за неделю подорожали на бирже на пять процентов."
    assert _events("ru", text) == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "В Оренбурге драка у ночного клуба переросла в беспорядки. Толпа перевернула несколько машин и "
           "разбила витрины магазинов."),
    ("uk", "У Сумах бійка біля бару переросла в масові заворушення. Натовп розбив вікна кількох будинків і "
           "підпалив автомобіль."),
])
def test_riot_grown_from_a_brawl_is_mob_violence(lang: str, text: str) -> None:
    assert [s for s, _town in _events(lang, text)] == ["Mob violence"]


def test_riot_at_a_protest_stays_a_violent_demonstration() -> None:
    text = ("В Оренбурге участники митинга против закрытия больницы подрались с охраной и забросали камнями "
            "здание администрации.")
    assert [s for s, _town in _events("ru", text)] == ["Violent demonstration"]


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В Калуге полиция задержала пятерых жителей, которые не пускали технику к старому парку.", "Kaluga"),
    ("uk", "У Сумах поліція затримала трьох активістів, які намагалися завадити вирубці сосен у сквері.", "Sumy"),
])
def test_detentions_of_people_obstructing_works_are_an_intervention(lang: str, text: str, town: str) -> None:
    assert _events(lang, text) == [("Protest with intervention", town)]


def test_plan_with_an_untagged_ukrainian_infinitive_is_no_event() -> None:
    # "протестувати" comes from the dictionary with no infinitive tag: still a plan, not a report
    assert _events("uk", "Мешканці Сум збираються протестувати проти нових тарифів на воду.") == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "Суд в Калуге арестовал организатора прошлогодней акции против вырубки парка."),
    ("uk", "Суд у Сумах заарештував організатора торішньої акції проти забудови скверу."),
])
def test_last_years_action_is_no_event(lang: str, text: str) -> None:
    assert _events(lang, text) == []


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В среду жители Калуги вышли на набережную и держали плакаты против строительства причала.", "Kaluga"),
    ("uk", "У неділю мешканці Сум розгорнули банер проти забудови парку біля будівлі міськради.", "Sumy"),
])
def test_holding_placards_is_a_protest(lang: str, text: str, town: str) -> None:
    assert _events(lang, text) == [("Peaceful protest", town)]


def test_shooting_with_the_public_place_told_first() -> None:
    text = "У суботу в торговому центрі в Сумах чоловік відкрив вогонь з пістолета, поранено двох відвідувачів."
    assert _events("uk", text) == [("Attack", "Sumy")]


@pytest.mark.parametrize("lang, text, want", [
    # the convict's deed, told in a relative clause, is the charge
    ("uk", "Суд у Сумах засудив чоловіка, який під час акції протесту вдарив поліцейського.", []),
    ("ru", "Суд в Калуге оштрафовал активистку, которая вышла на одиночный пикет у мэрии.", []),
    # a protest after the verdict, in a clause of its own, is news
    ("ru", "Суд в Калуге приговорил активиста к штрафу, после чего его сторонники провели пикет у здания суда.",
     [("Peaceful protest", "Kaluga")]),
])
def test_verdict_binds_to_its_convicts_deed(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _events(lang, text) == want


@pytest.mark.parametrize("lang, text", [
    ("ru", "Власти Калуги отказали в согласовании митинга против вырубки парка. Организаторы заявили, что "
           "будут судиться."),
    ("uk", "Влада Сум відмовила в погодженні мітингу проти забудови парку."),
    ("ru", "Депутаты Калуги обсудили протесты против вырубки парка на заседании думы."),
    ("uk", "Депутати Сум обговорили протести проти забудови парку на сесії міськради."),
])
def test_refused_or_discussed_rally_is_no_event(lang: str, text: str) -> None:
    assert _events(lang, text) == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "В воскресенье в нескольких городах прошли акции против закрытия больниц. По данным правозащитников, "
           "в Калуге задержали 14 участников, в Оренбурге — 5."),
    ("uk", "У неділю в кількох містах пройшли акції проти закриття лікарень. За даними правозахисників, у Сумах "
           "затримали 14 учасників, у Рівному — 5."),
])
def test_tally_sourced_to_rights_groups_stays_with_the_protests(lang: str, text: str) -> None:
    assert {s for s, _t in _events(lang, text)} == {"Protest with intervention"}
    assert len(_events(lang, text)) == 2


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В субботу в Калуге неизвестные избили активиста, собиравшего подписи против вырубки парка.", "Kaluga"),
    ("uk", "У суботу в Сумах невідомі побили журналіста місцевого сайту.", "Sumy"),
])
def test_activist_beaten_by_unknown_men_is_an_attack(lang: str, text: str, town: str) -> None:
    assert _events(lang, text) == [("Attack", town)]


@pytest.mark.parametrize("lang, text", [
    ("ru", "В Калуге толпа избила мужчину, которого подозревали в краже."),
    ("uk", "У Сумах натовп побив активіста біля будівлі суду."),
])
def test_crowd_beating_people_is_mob_violence(lang: str, text: str) -> None:
    assert [s for s, _t in _events(lang, text)] == ["Mob violence"]


@pytest.mark.parametrize("lang, text, want", [
    ("uk", "У суботу в Сумах учасники акції проти забудови зламали паркан будмайданчика і підпалили вагончик "
           "будівельників.", ["Violent demonstration"]),
    ("ru", "В субботу в Калуге участники акции против застройки подожгли бытовку строителей.",
     ["Violent demonstration"]),
    # workers mending a fence are no crowd's violence
    ("ru", "В Калуге рабочие сломали старый забор у школы и установили новый.", []),
])
def test_protesters_burning_a_site_cabin(lang: str, text: str, want: list[str]) -> None:
    assert [s for s, _t in _events(lang, text)] == want


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "Жители Калуги каждую субботу выходят на пикеты против вырубки парка.", []),
    ("ru", "Жители Калуги по субботам выходят на пикеты против вырубки парка.", []),
    ("uk", "Мешканці Сум по суботах виходять на пікети проти вирубки парку.", []),
    ("uk", "У суботу мешканці Сум вийшли на пікет проти вирубки парку.", [("Peaceful protest", "Sumy")]),
])
def test_weekly_habit_is_no_event(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _events(lang, text) == want


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "В субботу в Калуге на улицы вышли сотни людей, требуя сохранить парк.", [("Peaceful protest", "Kaluga")]),
    ("uk", "У суботу в Сумах на площу вийшли кілька сотень людей з вимогою зберегти парк.",
     [("Peaceful protest", "Sumy")]),
    # one walker, in either order, is no crowd
    ("ru", "В субботу в Калуге на улицу вышла пенсионерка с собакой.", []),
])
def test_going_out_to_the_streets_in_news_word_order(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _events(lang, text) == want


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "В субботу дорогу к полигону под Калугой перегородили местные жители.", [("Peaceful protest", "Kaluga")]),
    ("uk", "У суботу дорогу до полігону під Сумами перегородили місцеві мешканці.", [("Peaceful protest", "Sumy")]),
    ("uk", "У суботу трасу біля Сум перекрили фермери на тракторах.", [("Peaceful protest", "Sumy")]),
    # the forces or road workers named after the verb close a road: no protest
    ("ru", "В субботу дорогу у Калуги перекрыли сотрудники ГИБДД из-за аварии.", []),
    ("uk", "У суботу дорогу біля Сум перекрили дорожники через ремонт.", []),
])
def test_road_blocked_with_its_doers_named_after_the_verb(lang: str, text: str,
                                                          want: list[tuple[str, str]]) -> None:
    assert _events(lang, text) == want


def test_people_standing_with_placards_picket() -> None:
    text = "У суботу біля будівлі ОДА в Сумах стояли з плакатами близько сотні людей."
    assert _events("uk", text) == [("Peaceful protest", "Sumy")]


@pytest.mark.parametrize("lang, text, day", [
    ("ru", "Четвёртую неделю подряд калужане выходят на пикеты против закрытия роддома. В воскресенье у здания "
           "облздрава в Калуге стояли с плакатами около 40 человек.", "2024-03-03"),
    ("uk", "Четвертий тиждень поспіль мешканці Сум виходять на пікети проти закриття пологового. У неділю біля "
           "будівлі облздраву в Сумах стояли з плакатами близько 40 людей.", "2024-03-03"),
    # a protest on its third day running is today's news
    ("ru", "Протесты в Калуге продолжаются третий день подряд. Сегодня у здания мэрии собрались около 300 "
           "человек.", "2024-03-04"),
])
def test_picket_series_is_one_event_on_its_reported_day(lang: str, text: str, day: str) -> None:
    events = extract(Article(text=text, lang=lang, published="2024-03-04")).events
    assert [(e.sub_event_type, e.date) for e in events] == [("Peaceful protest", day)]


@pytest.mark.parametrize("lang, text, want", [
    # the police used force first, the crowd's bottles answer it: the protest met force (ACLED)
    ("ru", "В субботу в Калуге ОМОН разогнал митинг, после чего протестующие начали бросать в полицейских "
           "бутылки.", ["Protest with intervention"]),
    ("ru", "В субботу в Калуге протестующие начали бросать в полицейских бутылки, после чего ОМОН разогнал "
           "митинг.", ["Violent demonstration"]),
    # a beating that puts people in hospital is excessive force
    ("ru", "В субботу в Калуге полиция жестоко избила участников мирного пикета, несколько человек "
           "госпитализированы.", ["Excessive force against protesters"]),
    ("uk", "У суботу в Сумах поліція побила учасників мирного пікету, трьох людей госпіталізовано.",
     ["Excessive force against protesters"]),
])
def test_who_used_force_first_and_how_hard(lang: str, text: str, want: list[str]) -> None:
    assert [s for s, _t in _events(lang, text)] == want


def test_a_person_hurt_is_no_crowd_that_burnt_a_kiosk() -> None:
    # the woman is the strike's victim (an object's case), not a crowd that set the kiosk on fire
    text = "Росіяни атакували Сумщину дронами. У Конотопі поранено жінку, згорів кіоск."
    assert [s for s, _t in _events("uk", text)] == ["Air/drone strike"]


@pytest.mark.parametrize("lang, text", [
    ("uk", "У суботу мітингарі в Сумах пройшли від центральної площі до будівлі ОДА."),
    ("ru", "В субботу митингующие в Калуге двинулись к зданию мэрии."),
])
def test_protesters_moving_along_march(lang: str, text: str) -> None:
    assert [s for s, _t in _events(lang, text)] == ["Peaceful protest"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Десять лет назад, в мае 2014 года, жители Калуги впервые вышли на митинг против вырубки парка. Тогда "
           "в Калуге и Туле на акции собирались сотни человек."),
    ("uk", "Десять років тому, у травні 2014 року, мешканці Сум уперше вийшли на мітинг проти вирубки парку. Тоді "
           "в Сумах і Рівному на акції збиралися сотні людей."),
])
def test_then_carries_a_recollection_on_across_towns(lang: str, text: str) -> None:
    assert extract(Article(text=text, lang=lang, published="2024-05-20")).events == []


def test_then_after_todays_report_is_no_recollection() -> None:
    text = "В субботу в Калуге прошёл митинг. Тогда же пикет прошёл в Туле."
    events = extract(Article(text=text, lang="ru", published="2024-05-20")).events
    assert sorted((e.location, e.date) for e in events) == [("Kaluga", "2024-05-18"), ("Tula", "2024-05-18")]


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "В соцсетях распространяются ложные сообщения о беспорядках в Калуге, предупредили в МВД.", []),
    ("uk", "У соцмережах поширюють неправдиві повідомлення про заворушення в Сумах, попередили в поліції.", []),
    ("ru", "В субботу в Калуге прошёл митинг против вырубки парка, слухи о котором ходили неделю.",
     [("Peaceful protest", "Kaluga")]),
])
def test_false_reports_are_no_event(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _events(lang, text) == want
