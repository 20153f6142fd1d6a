"""Exports read back: ACLED CSV columns, GeoJSON structure (RFC 7946), Parquet in pyarrow/DuckDB/pandas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kronika.model import Article, ArticleResult, Count, Event, Source, Span
from kronika.store import open_store, query
from kronika.store.acled import COLUMNS, interaction
from kronika.store.export import export

ACLED_ORDER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
               "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
               "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
               "tags,timestamp").split(",")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    p = tmp_path / "k.db"
    items = [
        ("uk1", "Мітингувальники в Алмати штурмували мерію, загинули 8 людей.", "https://glavcom.ua/a",
         "Riots", "Violent demonstration", "2022-01-05", "KZ", "Almaty", 43.25, 76.91667, "Rioters", "State forces", 8),
        ("ru1", "Протестующие в Алматы штурмовали акимат, погибли 5 человек.", "https://tass.ru/b",
         "Riots", "Violent demonstration", "2022-01-05", "KZ", "Almaty", 43.25, 76.91667, "Rioters", None, 5),
        ("en1", "Police detained protesters in Minsk, somewhere.", None,
         "Protests", "Protest with intervention", "2020-08-16", "BY", "Minsk", None, None, "Protesters",
         "State forces", None),
        ("en2", "Unknown date, unknown place protest.", None,
         "Protests", "Peaceful protest", None, None, None, None, None, "Protesters", None, None),
    ]
    with open_store(p) as s:
        for aid, text, url, et, st, date, cc, loc, lat, lon, a1, a2, killed in items:
            ev = Event(et, st, date, 1, cc, loc, loc, None, lat, lon, 1 if lat else 3, a1, a2,
                       fatalities=killed, evidence=[Span.of(text, 0, 30)])
            counts = [Count("killed", killed, "exact", None, None, "МВС", [Span.of(text, 31, 50)])] if killed else []
            s.put(Article(text, id=aid, url=url),
                  ArticleResult(aid, "uk", True, [ev], counts, [Source("МВС", "police", [Span.of(text, 0, 3)])]))
    return p


@pytest.mark.parametrize("level", ["incidents", "events"])
def test_acled_csv(db: Path, tmp_path: Path, level: str) -> None:
    out = tmp_path / "x.csv"
    with open_store(db) as s:
        n = export(s.conn, "acled-csv", out, level)  # type: ignore[arg-type]
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        f.seek(0)
        header = next(csv.reader(f))
    assert header == ACLED_ORDER == list(COLUMNS)
    assert len(rows) == n == (2 if level == "incidents" else 3)  # the undated record is left out
    assert all(r["event_date"] and r["year"].isdigit() and r["timestamp"].isdigit() for r in rows)
    almaty = [r for r in rows if r["location"] == "Almaty"]
    if level == "incidents":
        (r,) = almaty
        assert r["fatalities"] == "5"  # ACLED's lowest figure
        assert r["iso"] == "398" and r["country"] == "Kazakhstan" and r["region"] == "Caucasus and Central Asia"
        assert r["event_id_cnty"].startswith("KAZ") and r["year"] == "2022"
        assert sorted(r["source"].split("; ")) == ["glavcom.ua", "tass.ru"]  # publishers, not the police
        assert r["interaction"] == "State forces-Rioters" and r["inter1"] == "Rioters"
        assert r["actor1"] == "Rioters (Kazakhstan)"
        assert int(r["timestamp"]) > 0
        # notes as ACLED writes them: English sentences from the record, not the source text
        assert r["notes"].startswith("On 5 January 2022, Rioters (Kazakhstan) rioted")
        assert "5 people were killed" in r["notes"] and "штурм" not in r["notes"]
        assert r["notes"].endswith("[size=no report]")
        assert r["source_scale"] == "International"  # Ukrainian and Russian outlets on a Kazakh event
    else:
        assert len(almaty) == 2
    assert all(r["disorder_type"] for r in rows)


def test_acled_csv_loads_in_pandas_with_integer_years(db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas", reason="pandas (dev extra) is not installed")
    out = tmp_path / "x.csv"
    with open_store(db) as s:
        n = export(s.conn, "acled-csv", out, "incidents")
    assert "1 undated incidents left out" in capsys.readouterr().err
    df = pd.read_csv(out)
    assert len(df) == n == 2
    assert str(df["year"].dtype) == "int64" and str(df["timestamp"].dtype) == "int64"
    assert str(df["fatalities"].dtype) == "int64"
    assert pd.to_datetime(df["event_date"]).notna().all()


def test_undated_rows_are_reported_to_the_caller(db: Path, tmp_path: Path) -> None:
    skipped: list[str] = []
    with open_store(db) as s:
        export(s.conn, "acled-csv", tmp_path / "x.csv", "events", on_skip=skipped.append)
        undated = [str(r["id"]) for r in query.iter_events(s.conn, query.Filters(limit=None)) if not r["date"]]
    assert skipped == undated and len(undated) == 1


def test_json_exports_keep_the_source_language_evidence_apart(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    with open_store(db) as s:
        export(s.conn, "jsonl", out, "incidents", query.Filters(country="KZ", limit=None))
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert sorted(rec["evidence_text"]) == sorted(["Мітингувальники в Алмати штурм", "Протестующие в Алматы штурмова"])
    assert rec["notes_en"].startswith("On 5 January 2022, ") and rec["acled_actor1"] == "Rioters (Kazakhstan)"


def test_interaction_text() -> None:
    assert interaction("Protesters", None) == "Protesters only"
    assert interaction("Protesters", "State forces") == "State forces-Protesters"


def test_geojson_is_a_valid_feature_collection(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"
    with open_store(db) as s:
        n = export(s.conn, "geojson", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    assert len(doc["features"]) == n == 3
    points = 0
    for f in doc["features"]:
        assert set(f) >= {"type", "geometry", "properties"} and f["type"] == "Feature"
        assert isinstance(f["properties"], dict)
        assert isinstance(f.get("id", ""), str | int)
        g = f["geometry"]
        if g is None:
            continue
        points += 1
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert "latitude" not in f["properties"]
    assert points == 1
    (alm,) = [f for f in doc["features"] if f["geometry"]]
    assert alm["geometry"]["coordinates"] == [76.91667, 43.25]  # longitude first
    assert alm["properties"]["figures"]["killed"]["lowest"] == 5


@pytest.mark.parametrize("level", ["incidents", "events"])
def test_parquet_reads_back(db: Path, tmp_path: Path, level: str) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "x.parquet"
    with open_store(db) as s:
        n = export(s.conn, "parquet", out, level)  # type: ignore[arg-type]
    t = pq.read_table(out)
    assert t.num_rows == n
    df = t.to_pandas()
    assert set(df["event_type"]) == {"Riots", "Protests"}
    if level == "incidents":
        row = df[df["location"] == "Almaty"].iloc[0]
        assert row["killed"] == 5 and sorted(row["articles"]) == ["ru1", "uk1"]
    duckdb = pytest.importorskip("duckdb", reason="duckdb (dev extra) is not installed")
    got = duckdb.sql(f"SELECT count(*), count(date), max(date) FROM read_parquet('{out}')").fetchall()[0]
    assert got[0] == n and str(got[2]) == "2022-01-05"


def test_jsonl_and_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    with open_store(db) as s:
        n = export(s.conn, "jsonl", out, "incidents", query.parse_filters(country="KZ", limit=None))
        assert n == 1
        assert export(s.conn, "jsonl", out, "events", query.parse_filters(text="мерію", limit=None)) == 1
        with pytest.raises(ValueError):
            export(s.conn, "xlsx", out)
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert rec["article"] == "uk1" and rec["evidence"][0]["text"]


def test_empty_export(tmp_path: Path) -> None:
    with open_store(tmp_path / "e.db") as s:
        for fmt in ("acled-csv", "geojson", "parquet", "jsonl"):
            assert export(s.conn, fmt, tmp_path / f"e.{fmt}") == 0
    assert json.loads((tmp_path / "e.geojson").read_text())["features"] == []


def test_api_export_of_the_filtered_view(db: Path) -> None:
    from fastapi.testclient import TestClient

    from kronika.api import create_app

    c = TestClient(create_app(db), raise_server_exceptions=False)
    r = c.get("/api/export", params={"format": "acled-csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-kronika-undated-left-out"] == "1"
    assert 'filename="kronika-incidents.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(r.text.splitlines()))
    assert len(rows) == 2
    kz = c.get("/api/export", params={"format": "geojson", "country": "KZ"}).json()
    assert [f["properties"]["country"] for f in kz["features"]] == ["KZ"]
    assert c.get("/api/export", params={"format": "xlsx"}).status_code == 422
    # every filter of the one query layer applies: a box in the Gulf of Guinea holds no incident
    empty = c.get("/api/export", params={"bbox": "0,0,1,1"})
    assert empty.status_code == 200 and len(empty.text.strip().splitlines()) == 1
    assert c.get("/api/export", params={"bbox": "0,0,1"}).status_code == 422
