"""The Spark job: the same records as the local run (local[2]); incidents by the linker's rules."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from kronika.model import Article
from kronika.output import to_json_line
from kronika.pipeline import extract

ARTICLES = [
    ("uk", "2024-03-12", "У вівторок, 12 березня, у Львові близько трьохсот мешканців вийшли на мирний мітинг "
                         "біля міської ради. Як повідомляє поліція, акція минула без порушень."),
    ("uk", "2024-03-12", "У Львові 12 березня протестували проти забудови парку. Учасники тримали плакати."),
    ("uk", "2023-05-02", "Унаслідок обстрілу Харкова 2 травня загинули двоє людей, ще семеро поранені, "
                         "повідомив голова ОВА Олег Синєгубов."),
    ("ru", "2023-10-06", "В Бишкеке 5 октября акция протеста у здания правительства переросла в столкновения "
                         "с милицией. Пострадали 12 человек, задержаны более 30, сообщает МВД."),
    ("ru", "2023-10-06", "Накануне в Бишкеке демонстранты забросали камнями сотрудников милиции."),
    ("ru", "2022-01-05", "В Алматы протестующие захватили здание акимата, сообщает Informburo.kz. "
                         "«Штурм был», — заявил заместитель акима Ерлан Бабакумаров."),
    ("ru", "2021-01-23", "В Москве на несанкционированной акции задержаны более 1000 человек, по данным "
                         "ОВД-Инфо."),
    ("en", "2023-03-07", "Police used tear gas and water cannon against thousands of protesters outside "
                         "parliament in Tbilisi on Tuesday, the interior ministry said."),
    ("en", "2023-03-08", "At least 66 people were detained in Tbilisi overnight, according to the ministry."),
    ("en", "2024-01-10", "The city council plans to discuss a new park next month."),
]


def _java_ok() -> bool:
    return shutil.which("java") is not None or bool(__import__("os").environ.get("JAVA_HOME"))


def corpus() -> list[Article]:
    return [Article(text=t, id=f"t{i}", lang=lang, published=pub) for i, (lang, pub, t) in enumerate(ARTICLES)]


@pytest.fixture(scope="module")
def spark_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install 'kronika[spark]'; `make test` installs it)")
    if not _java_ok():
        pytest.skip("no Java runtime (`make test` installs Debian's openjdk-17-jre-headless)")
    from kronika.scale.spark import run, session

    tmp = tmp_path_factory.mktemp("spark")
    inp = tmp / "articles.jsonl"
    inp.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in corpus()),
                   encoding="utf-8")
    spark = session("local[2]", app="kronika-test")
    try:
        counts = run(spark, str(inp), str(tmp / "out"), partitions=3)
    finally:
        spark.stop()
    assert counts["articles"] == len(ARTICLES)
    return tmp / "out"


def _table(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.spark
def test_spark_records_equal_local_run(spark_out: Path) -> None:
    local = {a.id: extract(a) for a in corpus()}
    arts = {r["id"]: r for r in _table(spark_out / "articles")}
    assert set(arts) == set(local)
    for aid, res in local.items():
        assert arts[aid]["error"] is None
        assert json.loads(arts[aid]["record"]) == json.loads(to_json_line(res))
    # the exploded tables hold every record of the local run, field for field
    events = _table(spark_out / "events")
    assert len(events) == sum(len(r.events) for r in local.values())
    for row in events:
        want = local[row["article_id"]].events[row["event_index"]].to_dict()
        for k in ("event_type", "sub_event_type", "date", "country", "location", "actor1", "fatalities"):
            assert row[k] == want[k]
        assert row["incident_id"], "every event belongs to an incident"
    assert len(_table(spark_out / "figures")) == sum(len(r.counts) for r in local.values())
    sources = sorted((r["article_id"], r["name"], r["kind"]) for r in _table(spark_out / "sources"))
    assert sources == sorted((k, s.name, s.kind) for k, r in local.items() for s in r.sources)
    incidents = _table(spark_out / "incidents")
    assert sum(i["n_events"] for i in incidents) == len(events)


def _ev(article: str, idx: int, sub: str, day: str, place: int, lat: float, actor: str = "Protesters",
        fatalities: int | None = None) -> dict:
    from kronika.link.rules import EventKey

    key = EventKey(article, sub, day, 1, "UA", None, "Lviv", place, lat, 24.0, 1, actor, None)
    event = {"event_type": "Protests", "sub_event_type": sub, "disorder_type": "Demonstrations", "date": day,
             "time_precision": 1, "country": "UA", "admin1": None, "location": "Lviv", "geonameid": place,
             "latitude": lat, "longitude": 24.0, "geo_precision": 1, "actor1": actor, "actor2": None,
             "actor1_name": None, "actor2_name": None, "fatalities": fatalities, "confidence": 0.7}
    return {"event_id": f"{article}#{idx}", "idx": idx, "key": key, "event": event, "reports": []}


def test_link_block_uses_the_linkers_rules() -> None:
    """No Spark needed: the per-block function the job runs after its group-by."""
    from kronika.scale.spark import INCIDENT, link_block

    rows = link_block([
        _ev("a", 0, "Peaceful protest", "2024-03-12", 702550, 49.84),
        _ev("b", 0, "Protest with intervention", "2024-03-12", 702550, 49.84),  # same family, place, day
        _ev("b", 1, "Peaceful protest", "2024-03-13", 702550, 49.84),           # next day: another event
        _ev("c", 0, "Peaceful protest", "2024-03-12", 703448, 50.45),           # another city
    ])
    names = [n for n, _ in INCIDENT]
    incs = sorted((dict(zip(names, r, strict=True)) for r in rows), key=lambda d: (d["date"], d["geonameid"]))
    assert [i["n_events"] for i in incs] == [2, 1, 1]
    assert incs[0]["article_ids"] == ["a", "b"] and incs[0]["sub_event_type"] in ("Peaceful protest",
                                                                                  "Protest with intervention")
    assert len({i["incident_id"] for i in incs}) == 3


if __name__ == "__main__":  # pragma: no cover - run this file alone
    sys.exit(pytest.main([__file__, "-q"]))
