"""Dates of ACLED-style notes with no publication date: the day and ACLED time_precision of "Assumed
on", "On or around", "Around ... (as reported)", "Between 3 and 5 May", "On the night of". Invented notes."""

from __future__ import annotations

import pytest

from kronika.model import Article
from kronika.pipeline import extract

pytestmark = pytest.mark.usefixtures("places_cache")

PLACE = "in Dori (Seno, Sahel), gunmen attacked a convoy of traders, killing two."


@pytest.mark.parametrize("opening,day,precision", [
    ("On 14 August 2019,", "2019-08-14", 1),
    ("On the night of 14 August 2019,", "2019-08-14", 1),
    ("On or around 14 August 2019,", "2019-08-14", 2),
    ("Around 14 August 2019 (as reported),", "2019-08-14", 2),
    ("Assumed on 14 Aug 2019,", "2019-08-14", 2),
    ("Between 14 and 16 August 2019,", "2019-08-14", 2),
    ("During the week of 12 August 2019,", "2019-08-12", 2),
])
def test_note_date(opening: str, day: str, precision: int) -> None:
    events = extract(Article(text=f"{opening} {PLACE}", lang="en", published=None)).events
    assert [(e.date, e.time_precision) for e in events] == [(day, precision)]
