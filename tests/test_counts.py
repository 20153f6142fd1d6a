"""Counts: kind from the counted noun and its clause, sub-counts, repeats, non-figures, the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.extract.figures import counts, numbers
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seed"


def counted(text: str, lang: str) -> list[tuple[str, float, str]]:
    ctx = Context(analyse(text, lang, None))
    dates.run(ctx)
    numbers.run(ctx)
    counts.run(ctx)
    for c in ctx.counts:
        for s in c.evidence:
            assert text[s.start:s.end] == s.text
    return [(c.kind, c.value, c.qualifier) for c in ctx.counts]


@pytest.mark.parametrize("text,lang,expected", [
    ("Під час протесту поліція затримала понад 200 людей.", "uk", [("detained", 200, "more_than")]),
    ("Під час протесту 103 особи загинули в Алмати.", "uk", [("killed", 103, "exact")]),
    ("На мітингу було 14 поранених.", "uk", [("injured", 14, "exact")]),
    ("Протестувальники підпалили 120 машин (зокрема 33 поліцейських).", "uk",
     [("vehicles_damaged", 120, "exact"), ("vehicles_damaged", 33, "exact")]),
    ("Під час заворушень порушили 13 кримінальних справ.", "uk", [("criminal_cases", 13, "exact")]),
    ("Во время беспорядков разгромлены 120 магазинов и порядка 100 офисов.", "ru",
     [("buildings_damaged", 120, "exact"), ("buildings_damaged", 100, "about")]),
    ("На улицы вышли тысячи протестующих.", "ru", [("participants", 1000, "about")]),
    ("На митинге задержаны не менее 13 человек.", "ru", [("detained", 13, "at_least")]),
    ("After the protest 51 protesters and 14 police officers were injured.", "en",
     [("injured", 51, "exact"), ("injured", 14, "exact")]),
    ("Tens of thousands rally in Minsk against the president.", "en", [("participants", 10000, "about")]),
    ("Під час протесту трьох затриманих уже відпустили.", "uk", [("other", 3, "exact")]),
    ("Під час протесту у лікувальні установи звернулися 190 людей.", "uk", [("hospitalized", 190, "exact")]),
    ("The death toll from the protests rose to 27.", "en", [("killed", 27, "exact")]),
    ("Кількість загиблих під час протестів зросла до 27.", "uk", [("killed", 27, "exact")]),
    ("Police detained 300 protesters, 40 of them minors.", "en",
     [("detained", 300, "exact"), ("detained", 40, "exact")]),
    ("Під час протесту постраждали 12 правоохоронців, ще 5 госпіталізовано.", "uk",
     [("injured", 12, "exact"), ("hospitalized", 5, "exact")]),
    ("После акции протеста были задержаны, в общей сложности, 221 человек.", "ru", [("detained", 221, "exact")]),
    ("Митинг собрал несколько тысяч человек.", "ru", [("participants", 1000, "about")]),
    ("The two factions clashed, injuring 50, including 6 police.", "en",
     [("injured", 50, "exact"), ("injured", 6, "exact")]),
    ("Після мітингу сімох учасників ходи «Донбас — це Україна» було захоплено в заручники.", "uk",
     [("other", 7, "exact")]),
    ("At least 23 people were killed when a suicide bomber struck a mosque.", "en", [("killed", 23, "at_least")]),
    ("Кількість учасників мітингу сягнула 5 тисяч.", "uk", [("participants", 5000, "exact")]),
    ("A crowd of 2,000 gathered for the protest.", "en", [("participants", 2000, "exact")]),
])
def test_kinds(text: str, lang: str, expected: list) -> None:
    assert counted(text, lang) == expected


def test_repeat_is_one_record() -> None:
    text = ("Більше десятка затриманих під час протесту. Під час сутичок було затримано 11 осіб. "
            "Поліція повідомила, що затримано 11 осіб.")
    assert counted(text, "uk") == [("detained", 11, "exact")]


@pytest.mark.parametrize("text,lang", [
    ("Протестувальники вимагали знизити ціну на газ до 50 тенге за літр.", "uk"),   # money
    ("Протести почалися у 2022 році.", "uk"),                                       # year
    ("Затримали 25-річного учасника протесту.", "uk"),                              # age
    ("Protesters said 30% of people were unhappy.", "en"),                           # share
    ("Митинг начался в 13:00.", "ru"),                                               # time
    ("Поліція затримала двох грабіжників магазину.", "uk"),                          # no unrest at all
    ("Протест пройшов у трьох містах.", "uk"),                                       # some other noun
    ("После протестов на похороны пришли сто тысяч человек.", "ru"),                 # a funeral crowd
    ("Протестувальники висунули 5 вимог.", "uk"),                                    # demands, not people
    ("После беспорядков раненых доставили в одну из больниц.", "ru"),                  # "one of the hospitals"
    ("Пандемія триває. За добу від коронавірусу померли 442 людини. Лікарі просять допомоги. "
     "Окремо у місті пройшов протест.", "uk"),                                        # an illness, not unrest
    ("Europol said 1,800 attacks were traced to the gang; 2 suspects were arrested.", "en"),  # cybercrime
    ("За прогнозом, під час протестів постраждають близько 55 тисяч людей.", "uk"),  # a forecast
])
def test_not_counted(text: str, lang: str) -> None:
    assert counted(text, lang) == []


SEED_COUNTS = {
    ("vehicles_damaged", 120, "exact"), ("vehicles_damaged", 33, "exact"),
    ("buildings_damaged", 120, "exact"), ("buildings_damaged", 180, "exact"),
    ("buildings_damaged", 100, "about"), ("injured", 500, "more_than"), ("injured", 95, "exact"),
    ("vehicles_damaged", 37, "exact"), ("detained", 200, "more_than"), ("criminal_cases", 13, "exact"),
    ("hospitalized", 190, "exact"),
}


def test_seed_figures() -> None:
    path = SEED / "article.jsonl"
    if not path.exists():
        pytest.skip(f"shared seed data not found at {path}")
    article = Article.from_dict(json.loads(path.read_text(encoding="utf-8").splitlines()[0]))
    result = extract(article)
    got = {(c.kind, int(c.value), c.qualifier) for c in result.counts}
    assert got == SEED_COUNTS
    for c in result.counts:
        for s in c.evidence:
            assert article.text[s.start:s.end] == s.text
