"""Figures in place: a national toll is not pinned on one city (its scope is the country, no city's
event takes it as fatalities, the incident's figures leave it out), a local toll is the event's, and
the bundled samples' events carry the fatalities their text gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.ingest.readers import read_inputs
from kronika.link.reconcile import attribute_counts
from kronika.model import Article
from kronika.pipeline import extract

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _run(text: str, lang: str) -> object:
    return extract(Article(text=text, lang=lang, published="2024-05-10"))


def _killed(r: object) -> list[object]:
    return [c for c in r.counts if c.kind == "killed"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police clashed with rioters in Lyon on Friday. Across the country, 12 people were killed in the unrest."),
    ("uk", "У п'ятницю в Дніпрі поліція розігнала протестувальників. По всій країні під час заворушень загинули "
           "12 людей."),
    ("ru", "В пятницу в Гомеле полиция разогнала протестующих. По всей стране во время беспорядков погибли "
           "12 человек."),
])
def test_a_national_toll_is_no_citys_fatalities(lang: str, text: str) -> None:
    r = _run(text, lang)
    (k,) = _killed(r)
    assert k.scope == "national" and k.location is None  # type: ignore[attr-defined]
    assert r.events and all(e.fatalities is None for e in r.events)  # type: ignore[attr-defined]
    assert attribute_counts(r)[r.counts.index(k)] is None  # type: ignore[arg-type,attr-defined]
    assert json.loads(json.dumps(k.to_dict()))["scope"] == "national"  # type: ignore[attr-defined]


def test_a_country_named_as_the_scope_is_national() -> None:
    r = _run("Police clashed with rioters in Lyon on Friday. In France, 12 people were killed during the week "
             "of unrest.", "en")
    (k,) = _killed(r)
    assert (k.scope, k.location) == ("national", "France")  # type: ignore[attr-defined]


def test_a_local_toll_stays_the_events() -> None:
    r = _run("Police clashed with rioters in Lyon on Friday, and two people were killed.", "en")
    (k,) = _killed(r)
    assert k.scope is None  # type: ignore[attr-defined]
    assert [e.fatalities for e in r.events] == [2]  # type: ignore[attr-defined]


def test_the_ledes_toll_in_the_next_sentence() -> None:
    r = _run("Riot officers fired tear gas at striking teachers in Mombasa on Monday. At least three people were killed, "
             "a rights group said.", "en")
    assert [e.fatalities for e in r.events] == [3]  # type: ignore[attr-defined]


def test_bundled_samples_carry_the_fatalities_their_text_gives() -> None:
    seen = 0
    for art in read_inputs([str(SAMPLES)]):
        r = extract(art)  # type: ignore[arg-type]
        local = [c.value for c in _killed(r) if c.scope is None]
        events = [e for e in r.events if e.sub_event_type != "Peaceful protest"]
        if local and events:
            seen += 1
            assert all(e.fatalities == int(min(local)) for e in events), (art.id, local,  # type: ignore[union-attr]
                                                                      [e.fatalities for e in events])
    assert seen >= 2  # the Kharkiv shelling and the Nairobi protest
