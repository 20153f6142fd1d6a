"""One incident, one event: places inside the area a note is told at, and parts of a town, give no
event of their own; a round-up of towns keeps one event per town. Every note is invented."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract

pytestmark = pytest.mark.usefixtures("places_cache")


def places_of(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.location, e.country) for e in extract(Article(text=text, lang="en", published=None)).events]


def test_village_inside_the_district_is_the_same_event() -> None:
    got = places_of("On 9 October 2018, in Hays district (Al Hudaydah), Houthi forces shelled farms around Hays "
                    "town and the nearby village of Al Jarrahi, injuring a shepherd.")
    assert len(got) == 1 and got[0][1] == "YE"


def test_district_of_a_city_is_the_city() -> None:
    got = places_of("On 9 October 2022, in Kherson city (Kherson oblast), Russian forces shelled the Dniprovskyi "
                    "district of Kherson, injuring two civilians.")
    assert got == [("Kherson", "UA")]


def test_round_up_of_towns_keeps_one_event_per_town() -> None:
    got = places_of("On 9 October 2021, protesters rallied in Kano and in Kaduna against rising fuel prices.")
    assert sorted(p for p, _c in got) == ["Kaduna", "Kano"]
