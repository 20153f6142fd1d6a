"""Russian and Ukrainian war and violence reports (issue 14): fighting with no sides named, ground
taken by the state's own forces, a blast with no weapon named, villagers brawling, killings by unknown
men, and the look-alikes that report no event (a gas blast, a boxing bout, a market taken over).

Every text is invented for this test."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract


def _events(lang: str, text: str) -> list[tuple[str, str]]:
    events = extract(Article(text=text, lang=lang, published="2025-03-12")).events
    for e in events:
        for span in e.evidence:
            assert text[span.start:span.end] == span.text
    return sorted((e.sub_event_type, e.actor1 or "") for e in events)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Под Курахово весь день идут упорные бои."),
    ("uk", "На околицях Сіверська точаться запеклі бої."),
    ("ru", "Возле Авдеевки завязался бой."),
])
def test_fighting_with_no_sides_named_is_a_clash(lang: str, text: str) -> None:
    assert [s for s, _ in _events(lang, text)] == ["Armed clash"]


def test_fighting_in_a_story_of_state_forces_is_theirs() -> None:
    got = _events("uk", "Російські війська наступають на Покровськ. Біля міста тривають важкі бої.")
    assert ("Armed clash", "State forces") in got


@pytest.mark.parametrize("lang, text", [
    ("ru", "В Уфе прошёл бой за титул чемпиона по боксу."),
    ("uk", "У Харкові відбувся поєдинок боксерів, бій тривав десять раундів."),
])
def test_a_bout_is_no_battle(lang: str, text: str) -> None:
    assert _events(lang, text) == []


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "Российские войска захватили село Петровка в Донецкой области.", ["Government regains territory"]),
    ("uk", "Російські війська зайняли селище Степове на Донеччині.", ["Government regains territory"]),
    ("ru", "Боевики захватили деревню на юге страны.", ["Non-state actor overtakes territory"]),
    ("ru", "Десантники освободили посёлок Степное.", ["Government regains territory"]),
    ("uk", "Сили оборони відбили село Водяне на Донеччині.", ["Government regains territory"]),
    # taking a market, a board or first place is no ground taken
    ("ru", "Холдинг захватил треть рынка удобрений в Саратове.", []),
    ("uk", "Команда з Полтави зайняла перше місце в турнірі.", []),
])
def test_ground_taken_by_the_states_forces(lang: str, text: str, want: list[str]) -> None:
    assert [s for s, _ in _events(lang, text)] == want


@pytest.mark.parametrize("lang, text, want", [
    ("ru", "Утром в центре Херсона прогремел взрыв, ранены три человека.", ["Remote explosive/landmine/IED"]),
    ("uk", "У Токмаку вибухнув автомобіль, загинув його власник.", ["Remote explosive/landmine/IED"]),
    # a gas cylinder or a mine shaft: a mishap, not a bombing; a blast nobody was hurt by names nothing
    ("ru", "В Тамбове в квартире взорвался газовый баллон, пострадали двое жильцов.", []),
    ("uk", "На шахті під Павлоградом стався вибух, травмовано гірника.", []),
    ("ru", "Ночью в Курске был слышен взрыв.", []),
    ("ru", "На заводе в Дзержинске в цехе произошёл взрыв, погибли двое рабочих.", []),
])
def test_a_blast_with_no_weapon_named(lang: str, text: str, want: list[str]) -> None:
    assert [s for s, _ in _events(lang, text)] == want


def test_blasts_in_a_drone_story_are_the_strikes() -> None:
    text = "Ночью беспилотники атаковали Белгород. В городе прогремели взрывы, ранены два человека."
    assert [s for s, _ in _events("ru", text)] == ["Air/drone strike"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Жители соседних сёл подрались из-за сенокоса, четверо госпитализированы."),
    ("uk", "Мешканці сусідніх хуторів побилися через воду для поливу, двоє потрапили до лікарні."),
])
def test_villagers_brawling_are_a_mob(lang: str, text: str) -> None:
    assert [s for s, _ in _events(lang, text)] == ["Mob violence"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Неизвестные застрелили председателя сельсовета в Брянской области."),
    ("uk", "Невідомі застрелили депутата селищної ради на Сумщині."),
])
def test_killed_by_unknown_men_is_an_attack(lang: str, text: str) -> None:
    assert _events(lang, text) == [("Attack", "Political militia")]


def test_a_robbery_by_unknown_men_stays_a_crime() -> None:
    assert _events("ru", "Неизвестные ограбили ювелирный магазин в Туле.") == []
