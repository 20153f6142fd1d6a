"""Counts beyond the dev set: war news, protests elsewhere, wire copy, history and plans."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def counts(text: str, lang: str, published: str = "2024-03-10") -> set[tuple[str, float, str]]:
    res = extract(Article(text=text, lang=lang, published=published))
    return {(c.kind, c.value, c.qualifier) for c in res.counts}


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("uk", "Внаслідок обстрілу загинули двоє цивільних, ще п'ятеро отримали поранення.",
     {("killed", 2, "exact"), ("injured", 5, "exact")}),
    ("uk", "Унаслідок ракетного удару по Одесі поранено трьох людей, пошкоджено 12 житлових будинків.",
     {("injured", 3, "exact"), ("buildings_damaged", 12, "exact")}),
    ("uk", "Під час атаки дронів пошкоджено три автомобілі та дві багатоповерхівки.",
     {("vehicles_damaged", 3, "exact"), ("buildings_damaged", 2, "exact")}),
    ("uk", "Через обстріл Херсона загинули 2 людини, ще 7 поранені, серед них дитина.",
     {("killed", 2, "exact"), ("injured", 7, "exact")}),
    # shot-down drones are no casualty figure
    ("uk", "Вночі сили ППО збили 20 з 25 дронів, якими ворог атакував Київ. Внаслідок атаки загинула одна людина.",
     {("killed", 1, "exact")}),
    ("ru", "В результате обстрела погибли три мирных жителя, еще пятеро ранены.",
     {("killed", 3, "exact"), ("injured", 5, "exact")}),
    ("ru", "При атаке беспилотников пострадали два человека, повреждены 15 жилых домов.",
     {("injured", 2, "exact"), ("buildings_damaged", 15, "exact")}),
    ("ru", "Силы ПВО сбили 12 из 15 беспилотников, погибших нет.", set()),
    ("ru", "В ходе протестов в Тбилиси задержаны 63 человека, пострадали 14 полицейских.",
     {("detained", 63, "exact"), ("injured", 14, "exact")}),
    ("en", "Police fired tear gas at protesters in Nairobi on Tuesday. At least five people were killed and 31 injured.",
     {("killed", 5, "at_least"), ("injured", 31, "exact")}),
    ("en", "A Russian missile strike on Kharkiv killed three civilians and wounded 12, the governor said.",
     {("killed", 3, "exact"), ("injured", 12, "exact")}),
    ("en", "The air force said it shot down 20 of 25 drones launched overnight in the attack.", set()),
    ("en", "Russian shelling damaged 14 residential buildings and 3 cars in Kherson.",
     {("buildings_damaged", 14, "exact"), ("vehicles_damaged", 3, "exact")}),
    ("en", "Dozens of protesters were detained, the interior ministry said.", {("detained", 12, "about")}),
    # history recalled: a sentence opened by a year long before publication, and what follows it
    ("en", "In 1989, hundreds of thousands of people protested in Tiananmen Square in Beijing. "
           "The crackdown killed hundreds.", set()),
    ("uk", "У 2014 році під час протестів на Майдані загинули понад сто людей. "
           "Сьогодні у Києві затримали 5 учасників акції.", {("detained", 5, "exact")}),
    ("ru", "В 2011 году на протестах на Болотной площади задержали более тысячи человек. "
           "В субботу на акции задержаны 40 человек.", {("detained", 40, "exact")}),
    # plans and expectations are no figures
    ("en", "The protest was planned for Friday; organisers expect 10,000 people to attend.", set()),
    ("uk", "Організатори протесту планують вивести на вулиці 5 тисяч людей.", set()),
    ("ru", "Организаторы митинга рассчитывают собрать 10 тысяч человек.", set()),
    ("uk", "На акцію протесту вийшли 500 людей.", {("participants", 500, "exact")}),
    # bare figures with a verb and the cue noun after them; dashes for elided verbs
    ("uk", "Внаслідок удару по Харкову загинула 1 людина, ще 12 отримали поранення.",
     {("killed", 1, "exact"), ("injured", 12, "exact")}),
    ("uk", "Унаслідок обстрілу Херсонщини за добу загинули троє людей, ще 11 — поранені.",
     {("killed", 3, "exact"), ("injured", 11, "exact")}),
    ("en", "Two people died and 10 were taken to hospital after clashes with police.",
     {("killed", 2, "exact"), ("hospitalized", 10, "exact")}),
    # English compounds and hyphenated numerals
    ("en", "Rioters torched 12 police cars and looted 30 shops.",
     {("vehicles_damaged", 12, "exact"), ("buildings_damaged", 30, "exact")}),
    ("en", "Police fired tear gas at protesters. Twenty-three people were killed and more than 300 were injured.",
     {("killed", 23, "exact"), ("injured", 300, "more_than")}),
    ("en", "The Russian missile attack on Odesa killed 8 people, including a child, and wounded 27.",
     {("killed", 8, "exact"), ("injured", 27, "exact")}),
    # denied and hypothetical figures
    ("en", "Police denied reports that 20 protesters were killed during the rally.", set()),
    ("en", "Officials said up to 500 people could be detained if the protests continue.", set()),
    ("uk", "У поліції спростували інформацію про 20 затриманих учасників мітингу.", set()),
    ("ru", "В МВД опровергли сообщения о задержании 50 участников митинга.", set()),
    ("ru", "Во время акции протеста никто не пострадал, задержаний не было.", set()),
    ("uk", "Внаслідок ракетного удару загинули щонайменше 5 людей, ще понад 20 — поранені.",
     {("killed", 5, "at_least"), ("injured", 20, "more_than")}),
    ("en", "Clashes between protesters and police left 23 dead and 150 injured.",
     {("killed", 23, "exact"), ("injured", 150, "exact")}),
    ("en", "Police opened fire on protesters, killing at least 10 people and wounding dozens.",
     {("killed", 10, "at_least"), ("injured", 12, "about")}),
    # a cyberattack is no unrest: its figures are not counted
    ("en", "The ransomware attack hit 1,800 companies; police detained 2 suspects.", set()),
])
def test_general_counts(lang: str, text: str, want: set[tuple[str, float, str]]) -> None:
    assert counts(text, lang) == want


def test_since_a_year_is_not_history() -> None:
    # "з 2010 року" runs up to now: the sentence's figure is news
    got = counts("З 2010 року триває протест, учора поліція затримала 12 протестувальників.", "uk")
    assert ("detained", 12, "exact") in got


def test_history_reaches_one_sentence_only() -> None:
    text = ("У 2014 році Росія анексувала Крим. Тоді під час протестів загинули 5 людей. "
            "Внаслідок обстрілу загинули 3 людини.")
    assert counts(text, "uk") == {("killed", 3, "exact")}


@pytest.mark.parametrize(("lang", "text", "want"), [
    # an adjective before its noun is no person, whatever its rare noun reading ("уголовный" a criminal)
    ("ru", "Во время беспорядков в Бресте полиция задержала 40 человек, возбуждено 13 уголовных дел.",
     {("detained", 40, "exact"), ("criminal_cases", 13, "exact")}),
    ("ru", "Участники митинга в Твери требовали отменить статью 280 Уголовного кодекса.", set()),
    # an abbreviated scale word's dot does not end the figure
    ("ru", "На акцию протеста в Омске вышли 1,5 тыс. человек.", {("participants", 1500, "exact")}),
    # fines handed to protesters are a figure of the story
    ("ru", "В ходе акции протеста в Томске полиция задержала 12 человек, суды назначили 9 штрафов.",
     {("detained", 12, "exact"), ("other", 9, "exact")}),
    ("uk", "Під час сутичок з поліцією у Рівному постраждали двадцятеро протестувальників.",
     {("injured", 20, "exact")}),
    # a motion verb tells a crowd only with an unrest goal
    ("uk", "У суботу на мітинг проти забудови парку в Житомирі прийшли близько 300 містян.",
     {("participants", 300, "about")}),
    ("ru", "На пикет у здания мэрии Кирова пришли около 40 горожан.", {("participants", 40, "about")}),
    ("ru", "После протестов в Кирове на похороны активиста пришли две тысячи человек.", set()),
    # a picket is a protest; security forces sent to the scene are an `other` figure
    ("uk", "Кілька сотень людей пікетували будівлю суду в Уфі.", {("participants", 100, "about")}),
    ("en", "Hundreds of people protested outside the parliament in Accra.", {("participants", 100, "about")}),
    ("ru", "На акцию протеста в Ереване стянули около 2 тысяч полицейских.", {("other", 2000, "about")}),
    ("en", "Authorities deployed more than 3,000 police officers to contain the protest in Santiago.",
     {("other", 3000, "more_than")}),
    # people at an unrest word by a verb of being; "участвовали"
    ("ru", "На митинге в Хабаровске было около 5 тысяч человек.", {("participants", 5000, "about")}),
    ("uk", "На мітингу в Хабаровську було близько 5 тисяч людей.", {("participants", 5000, "about")}),
    ("ru", "В протесте в Бресте участвовали около 300 человек.", {("participants", 300, "about")}),
])
def test_number_forms_and_heads(lang: str, text: str, want: set[tuple[str, float, str]]) -> None:
    assert counts(text, lang) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Ущерб от погромов в Бишкеке составил более 200 млн сомов.", {("other", 200e6, "more_than")}),
    ("uk", "Збитки від погромів у Бішкеку сягнули 5 млн грн.", {("other", 5e6, "exact")}),
    ("en", "The riots in Dakar caused damage estimated at $5 million.", {("other", 5e6, "exact")}),
    # money that is no damage stays out: a fine's amount, a price
    ("ru", "Во время протеста в Бишкеке участники требовали снизить цены на газ до 60 тенге.", set()),
])
def test_damage_in_money(lang: str, text: str, want: set[tuple[str, float, str]]) -> None:
    assert counts(text, lang) == want


def test_being_among_the_dead_is_no_crowd() -> None:
    got = counts("Среди погибших в ходе беспорядков в Оше было 5 детей.", "ru")
    assert not any(kind == "participants" for kind, _, _ in got)


@pytest.mark.parametrize(("lang", "text"), [
    # demanded, not reported
    ("uk", "Протестувальники в Тбілісі вимагали звільнити 12 політв'язнів."),
    ("en", "Protesters in Tbilisi demanded the release of 12 political prisoners."),
    ("ru", "Протестующие в Тбилиси требуют отставки 5 министров."),
    # another story told beside the protest
    ("ru", "Акция протеста прошла в Тбилиси. Тем временем в ДТП на трассе погибли 3 человека."),
    ("en", "Protesters rallied in Tbilisi on Monday. Separately, 3 people died in a car crash on the highway."),
])
def test_demands_and_other_stories_are_no_figures(lang: str, text: str) -> None:
    assert counts(text, lang) == set()


def test_a_crowd_that_demands_is_still_counted() -> None:
    assert counts("У Тбілісі 300 протестувальників вимагали відставки уряду.", "uk") == {("participants", 300, "exact")}


@pytest.mark.parametrize(("lang", "text", "want"), [
    # a verb after "and" before the next figure is that figure's
    ("en", "Nigerian police fired tear gas at hundreds of protesters in Abuja on Tuesday and arrested at least 20, "
           "witnesses said.", {("participants", 100, "about"), ("detained", 20, "at_least")}),
    # "dozens of shops" is a quantity, not a part ("5 of the shops")
    ("en", "Rioters torched 30 vehicles and looted dozens of shops in Johannesburg.",
     {("vehicles_damaged", 30, "exact"), ("buildings_damaged", 12, "about")}),
    ("en", "Two police officers were stabbed during the protest in Paris on Saturday.", {("injured", 2, "exact")}),
])
def test_english_wire_shapes(lang: str, text: str, want: set[tuple[str, float, str]]) -> None:
    assert counts(text, lang) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Во время беспорядков в Оше полиция задержала 20 человек. Власти направили туда 200 военных и 15 "
           "грузовиков.", {("detained", 20, "exact"), ("other", 200, "exact"), ("other", 15, "exact")}),
    ("en", "Police detained 20 people during the riots in Osh. The government sent 200 troops and 15 trucks to "
           "the city.", {("detained", 20, "exact"), ("other", 200, "exact"), ("other", 15, "exact")}),
    # a vehicle neither damaged nor sent is no figure
    ("ru", "Во время беспорядков в Оше задержали 20 человек, на площади стояли 15 грузовиков.",
     {("detained", 20, "exact")}),
])
def test_vehicles_sent_with_troops(lang: str, text: str, want: set[tuple[str, float, str]]) -> None:
    assert counts(text, lang) == want
