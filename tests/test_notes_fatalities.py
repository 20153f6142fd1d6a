"""Fatalities of an event in ACLED-style notes: a labelled figure ("Fatalities: 3"), a killed figure in
the note, a denied toll ("No fatalities were reported" -> 0), and injured people that are no deaths.
Every note is invented."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract

pytestmark = pytest.mark.usefixtures("places_cache")


def fatalities(text: str) -> list[int | None]:
    return [e.fatalities for e in extract(Article(text=text, lang="en", published=None)).events]


@pytest.mark.parametrize("text,expected", [
    ("On 2 May 2021, in Kaya (Sanmatenga, Centre-Nord), gunmen attacked a convoy of traders. Fatalities: 3.", 3),
    ("On 2 May 2021, in Kaya (Sanmatenga, Centre-Nord), gunmen attacked a convoy of traders. Fatalities: 0.", 0),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded under a truck, killing four soldiers.", 4),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded under a truck. No fatalities were reported.", 0),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded under a truck; no one was reportedly hurt.", 0),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded under a truck, leaving 6 injured people.", None),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded under a truck, killing a passenger.", 1),
    ("On 2 May 2021, in Dori (Seno, Sahel), an IED exploded near a checkpoint, killing a number of soldiers.",
     None),
])
def test_note_fatalities(text: str, expected: int | None) -> None:
    got = fatalities(text)
    assert got == [expected]


@pytest.mark.parametrize("text,lang,expected", [
    ("5 мая 2023 года беспилотник атаковал здание администрации в Белгороде. Никто не пострадал.", "ru", 0),
    ("5 травня 2023 року військові обстріляли Херсон. Обійшлося без жертв.", "uk", 0),
])
def test_denied_toll_in_russian_and_ukrainian(text: str, lang: str, expected: int) -> None:
    events = extract(Article(text=text, lang=lang, published="2023-05-06")).events
    assert [e.fatalities for e in events] == [expected]


@pytest.mark.parametrize("text,expected", [
    # no word of the counts stage's unrest list in the note: the toll is still the event's
    ("On 4 May 2021, in Kaduna (Kaduna), militiamen raided a hamlet and killed 9 villagers.", 9),
    # "security personnel" are people killed
    ("On 4 May 2021, in Kaduna (Kaduna), insurgents attacked a patrol; 5 security personnel were killed.", 5),
])
def test_toll_without_unrest_words(text: str, expected: int) -> None:
    assert fatalities(text) == [expected]
