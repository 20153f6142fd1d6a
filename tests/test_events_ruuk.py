"""Russian and Ukrainian events on news nobody tuned for: protest vocabulary in both aspects, crowds,
modality bound to the clause, round-ups, the Riots/Protests line and what is no event at all.

Every text is invented for this test; towns are ones the gazetteer knows, so a failure is about coding."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def _subs(lang: str, text: str) -> list[tuple[str, str | None]]:
    events = extract(Article(text=text, lang=lang, published="2025-03-12")).events
    for e in events:
        for span in e.evidence:
            assert text[span.start:span.end] == span.text
    return sorted((e.sub_event_type, e.location) for e in events)


# ------------------------------------------------------------------ protest vocabulary and crowds

@pytest.mark.parametrize("lang, text, town", [
    # a crowd gathering with a demand, with no gathering noun near the verb
    ("ru", "Пенсионеры собрались у поликлиники в Омске, требуя вернуть бесплатные лекарства.", "Omsk"),
    ("uk", "Вчителі зібралися біля управління освіти у Полтаві, вимагаючи виплатити борги.", "Poltava"),
    # a strike with a gathering is a protest
    ("uk", "У Кривому Розі гірники страйкують і збираються біля управління комбінату.", "Kryvyy Rih"),
    ("ru", "В Екатеринбурге водители автобусов бастуют и собираются у депо.", "Yekaterinburg"),
    # blocking a border crossing or a town's entrance
    ("ru", "Фермеры на тракторах заблокировали въезд в Ставрополь.", "Stavropol"),
    ("uk", "Аграрії заблокували пункт пропуску біля Ужгорода.", "Uzhhorod"),
    # the people come out to a building
    ("uk", "Студенти вийшли до будівлі міської ради у Вінниці.", "Vinnytsya"),
    # a hunger strike with a gathering, a motorcade against a tax, tractors driven onto a highway
    ("ru", "В Туле рабочие объявили голодовку и собрались у проходной завода.", "Tula"),
    ("uk", "У Житомирі водії влаштували автопробіг проти підвищення цін на пальне.", "Zhytomyr"),
    ("ru", "В Краснодаре фермеры вывели технику на трассу.", "Krasnodar"),
    ("uk", "У Тернополі аграрії вивели техніку на трасу.", "Ternopil"),
])
def test_crowds_gather_in_protest(lang: str, text: str, town: str) -> None:
    assert _subs(lang, text) == [("Peaceful protest", town)]


def test_a_hunger_strike_alone_is_no_event_and_leaves_a_protest_one() -> None:
    assert _subs("ru", "Заключённый объявил голодовку в колонии под Тулой.") == []
    assert _subs("ru", "В Туле прошла акция протеста у мэрии, несколько участников объявили голодовку.") \
        == [("Peaceful protest", "Tula")]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Жители собрались в подвале дома в Харькове, пережидая воздушную тревогу."),
    ("uk", "Мешканці зібралися в укритті школи у Сумах під час тривоги."),
    ("uk", "Депутати збираються провести засідання у Львові наступного тижня."),
    ("ru", "Губернатор собирается посетить Омск в пятницу вместе с министрами."),
])
def test_people_gathering_without_a_cause_are_no_protest(lang: str, text: str) -> None:
    assert _subs(lang, text) == []


# ------------------------------------------------------------------ the Riots / Protests line

@pytest.mark.parametrize("lang, text, want", [
    ("ru", "В Калуге участники митинга подрались с полицией у здания администрации.", "Violent demonstration"),
    ("uk", "У Черкасах учасники акції побилися з поліцією біля міськради.", "Violent demonstration"),
    ("ru", "В Калуге жители вышли на митинг против мусорного полигона и забросали снежками машину мэра.",
     "Violent demonstration"),
    ("uk", "Фермери заблокували залізницю біля Ковеля і висипали зерно з вагонів.", "Violent demonstration"),
])
def test_the_crowds_own_violence_is_a_riot(lang: str, text: str, want: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == [want]


@pytest.mark.parametrize("lang, text", [
    # the brawl the gathering answers is no act of the crowd
    ("ru", "Жители Калуги вышли на стихийный митинг после того, как в драке у кафе погиб местный водитель."),
    ("uk", "Мешканці Черкас вийшли на мітинг після того, як у бійці біля бару загинув місцевий водій."),
    # riots that did not happen, or a charge's name
    ("ru", "В Калуге сотни человек вышли на митинг у мэрии. Акция прошла спокойно, беспорядков не допущено."),
    ("ru", "В Калуге сотни человек вышли на митинг у мэрии. Власти назвали акцию попыткой организовать "
           "массовые беспорядки."),
    ("uk", "У Черкасах сотні людей вийшли на мітинг під міськрадою. Влада назвала акцію спробою організувати "
           "масові заворушення."),
])
def test_no_riot_where_the_crowd_did_no_violence(lang: str, text: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == ["Peaceful protest"]


def test_the_police_force_the_crowd_answers_stays_with_the_protest() -> None:
    text = ("В Калуге жители перекрыли дорогу после того, как полиция задержала двух активистов.")
    assert [s for s, _ in _subs("ru", text)] == ["Protest with intervention"]


# ------------------------------------------------------------------ causes, not reports

@pytest.mark.parametrize("lang, text", [
    ("ru", "Аналитики ожидают роста цен на бензин в Самаре из-за ударов беспилотников по нефтезаводам."),
    ("ru", "Эксперты прогнозируют дефицит топлива в Саратове после серии атак беспилотников на НПЗ."),
    ("uk", "Через удари дронів по НПЗ у Самарі ціни на пальне зросли, пишуть аналітики."),
    # an economic consequence outweighs a word of harm elsewhere in the sentence
    ("ru", "После обстрела НПЗ в Самаре, где никто не пострадал, цены на бензин выросли на 5%."),
])
def test_a_strike_named_as_the_cause_of_prices_is_no_event(lang: str, text: str) -> None:
    assert _subs(lang, text) == []


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "Из-за обстрела Белгорода пострадали три человека.", "Shelling/artillery/missile attack"),
    ("uk", "Через удар дрона по Херсону загинув чоловік.", "Air/drone strike"),
    ("ru", "После обстрела Белгорода спасатели эвакуировали 60 жителей.", "Shelling/artillery/missile attack"),
])
def test_a_strike_named_as_the_cause_of_harm_is_news(lang: str, text: str, want: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == [want]


# ------------------------------------------------------------------ who used force first

@pytest.mark.parametrize("lang, text, want", [
    ("ru", "Полиция разогнала митинг в Перми, в ответ протестующие забросали полицейских камнями.",
     "Protest with intervention"),
    ("uk", "Поліція розігнала мітинг у Луцьку. У відповідь протестувальники закидали правоохоронців пляшками.",
     "Protest with intervention"),
    # the crowd first: a riot, whatever the police did after
    ("ru", "Протестующие забросали полицию камнями, после чего силовики разогнали митинг в Перми.",
     "Violent demonstration"),
    ("uk", "Протестувальники закидали поліцію пляшками, після чого правоохоронці розігнали мітинг у Луцьку.",
     "Violent demonstration"),
])
def test_the_side_that_used_force_first_decides(lang: str, text: str, want: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == [want]


# ------------------------------------------------------------------ modality bound to the clause

@pytest.mark.parametrize("lang, text", [
    ("ru", "Митинг в Туле, запланированный на субботу, отменили."),
    ("uk", "Мітинг у Житомирі, запланований на суботу, скасували."),
    ("ru", "Жители Тулы грозятся перекрыть трассу."),
    ("uk", "Влада Житомира заборонила мітинг проти сміттєзвалища."),
    ("ru", "Жители Тулы соберутся у мэрии в воскресенье."),
    ("uk", "Мешканці Житомира зберуться під ОДА в неділю."),
    ("uk", "Якби поліція втрутилася, у Житомирі почалися б заворушення."),
    ("ru", "Мэр Тулы заявил, что никакого митинга не было."),
])
def test_planned_banned_future_and_denied_are_no_events(lang: str, text: str) -> None:
    assert _subs(lang, text) == []


@pytest.mark.parametrize("lang, text", [
    # a plan or a promise in a neighbouring clause does not reach the act
    ("ru", "Жители Тулы, которые планируют новую акцию, вчера перекрыли трассу."),
    ("uk", "Мешканці Житомира перекрили трасу, хоча влада обіцяла відремонтувати міст."),
])
def test_a_neighbouring_clause_does_not_bind_the_act(lang: str, text: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == ["Peaceful protest"]


@pytest.mark.parametrize("lang, text", [
    ("uk", "Окупанти катували затриманих мешканців у Херсоні."),
    ("ru", "Российские военные пытали задержанных жителей в Херсоне."),
])
def test_torture_of_civilians_is_an_attack(lang: str, text: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == ["Attack"]


@pytest.mark.parametrize("lang, text, want", [
    # the charge a detention names is no report of rioting; the detention is the protest's
    ("ru", "В Туле жители вышли на сход у администрации. Полиция задержала двух участников схода за участие "
           "в беспорядках.", "Protest with intervention"),
    ("uk", "У Житомирі мешканці вийшли на мітинг під ОДА. Поліція затримала двох учасників за участь у "
           "заворушеннях.", "Protest with intervention"),
    ("uk", "У Житомирі мешканці вийшли на мітинг під ОДА. Двох учасників затримали за підозрою в організації "
           "заворушень.", "Protest with intervention"),
])
def test_a_charge_of_rioting_is_no_riot(lang: str, text: str, want: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == [want]


# ------------------------------------------------------------------ background and history

@pytest.mark.parametrize("lang, text, town", [
    # a short dated sentence with an act of its own does not date the one before it
    ("ru", "В субботу жители Тулы вышли на митинг против свалки. Похожая акция прошла в Рязани ещё в 2019 году.",
     "Tula"),
    ("uk", "У суботу мешканці Житомира вийшли на мітинг проти сміттєзвалища. Востаннє мешканці Рівного "
           "перекривали трасу у 2020 році.", "Zhytomyr"),
    ("ru", "В субботу жители Тулы вышли на митинг против свалки. В прошлый раз в Рязани задержали 20 человек.",
     "Tula"),
    ("uk", "У суботу мешканці Житомира вийшли на мітинг проти сміттєзвалища. Як і торік, у Рівному теж "
           "зібралися протестувальники.", "Zhytomyr"),
])
def test_recollections_beside_todays_event(lang: str, text: str, town: str) -> None:
    assert _subs(lang, text) == [("Peaceful protest", town)]


# ------------------------------------------------------------------ no events at all

@pytest.mark.parametrize("lang, text", [
    ("ru", "В Твери неизвестный напал на продавщицу и похитил выручку."),
    ("uk", "У Києві невідомі викрали гроші з банкомата."),
    ("ru", "Хакеры атаковали сайт мэрии Самары, сайт не работал два часа."),
    ("uk", "Хакери атакували сайт міськради Одеси."),
    ("ru", "В Перми мужчина зарезал жену во время ссоры."),
    ("uk", "Динамо обіграло Шахтар у Києві, вболівальники святкували на вулицях."),
    ("ru", "Рабочие завода в Тольятти объявили забастовку."),
])
def test_crime_sport_hackers_and_a_strike_alone_are_no_events(lang: str, text: str) -> None:
    assert _subs(lang, text) == []


def test_a_person_taken_is_still_an_abduction() -> None:
    assert [s for s, _ in _subs("uk", "У Херсоні окупанти викрали волонтера.")] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("lang, text, want", [
    # the police who did not disperse anyone: the protest stays peaceful
    ("ru", "В Туле жители перекрыли трассу. Полиция не стала разгонять протестующих.", "Peaceful protest"),
    ("uk", "У Рівному мешканці перекрили трасу. Поліція приїхала, але розганяти протестувальників не стала.",
     "Peaceful protest"),
    ("uk", "У Рівному мешканці перекрили трасу. Поліція не змогла розігнати мітингувальників.", "Peaceful protest"),
    ("ru", "В Туле жители перекрыли трассу. Полиция попыталась разогнать протестующих.",
     "Protest with intervention"),
    # a road blocked by a crowd is a gathering: the detentions that follow are its
    ("ru", "В среду жители Тулы перекрыли трассу, требуя ремонта моста. Полиция задержала более 100 человек.",
     "Protest with intervention"),
])
def test_the_police_act_as_the_text_says(lang: str, text: str, want: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == [want]


# ------------------------------------------------------------------ where a strike's harm is told

@pytest.mark.parametrize("lang, text, town", [
    ("ru", "Ночью ВСУ атаковали Брянскую область беспилотниками. В Клинцах пострадали два человека.", "Klintsy"),
    ("uk", "Росіяни атакували Харківщину дронами. У Куп'янську поранено жінку, пошкоджено будинки.", "Kupyansk"),
])
def test_a_strike_on_a_region_is_placed_at_the_town_of_its_harm(lang: str, text: str, town: str) -> None:
    got = extract(Article(text=text, lang=lang, published="2025-03-12")).events
    assert [(e.location, e.actor2) for e in got] == [(town, "Civilians")]
    assert all(text[s.start:s.end] == s.text for e in got for s in e.evidence)


def test_a_town_of_another_region_does_not_take_the_strike() -> None:
    got = _subs("uk", "Росіяни атакували Харківщину дронами. У Полтаві тим часом поранено жінку.")
    assert [loc for _s, loc in got] == ["Kharkiv Oblast"]


@pytest.mark.parametrize("lang, text", [
    ("uk", "У Житомирі обговорили захист об'єктів від ракетних ударів і шахедів, а також відновлення "
           "пошкоджених підстанцій."),
    ("ru", "В Туле обсудили защиту подстанций от ударов беспилотников."),
])
def test_protection_against_strikes_names_no_strike(lang: str, text: str) -> None:
    assert _subs(lang, text) == []


@pytest.mark.parametrize("lang, text", [
    ("uk", "Польські аграрії висипали зерно з українських вантажівок на кордоні біля Ковеля."),
    ("ru", "Жители Тулы подожгли шины у здания администрации."),
])
def test_a_crowds_violence_with_no_protest_word_is_a_riot(lang: str, text: str) -> None:
    assert [s for s, _ in _subs(lang, text)] == ["Violent demonstration"]


# ------------------------------------------------------------------ war vocabulary

@pytest.mark.parametrize("lang, text, want", [
    # freeing a town named as the verb's object, with no word for a village near
    ("uk", "Українські військові звільнили Ізюм на Харківщині.", ["Government regains territory"]),
    ("ru", "ВСУ освободили Херсон.", ["Government regains territory"]),
    ("ru", "Полиция освободила заложника в Туле.", []),
    # storming the other side's positions is a battle, not a crowd storming a building
    ("uk", "Окупанти штурмували позиції ЗСУ під Торецьком.", ["Armed clash"]),
    ("ru", "Российские военные штурмовали позиции ВСУ под Торецком.", ["Armed clash"]),
])
def test_ground_taken_and_positions_stormed(lang: str, text: str, want: list[str]) -> None:
    assert [s for s, _ in _subs(lang, text)] == want


@pytest.mark.parametrize("lang, text, town", [
    ("uk", "Мешканці Ірпеня, обурені підвищенням тарифів, перекрили дорогу на Київ.", "Irpin"),
    ("uk", "У Броварах мешканці перекрили трасу Київ – Чернігів.", "Brovary"),
    ("ru", "В Подольске жители перекрыли трассу Москва — Тула.", "Podolsk"),
])
def test_the_towns_a_road_leads_to_are_not_the_place(lang: str, text: str, town: str) -> None:
    assert _subs(lang, text) == [("Peaceful protest", town)]
