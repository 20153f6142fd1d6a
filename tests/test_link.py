"""Linking: the rules on their own, incremental incidents in the store, figure reconciliation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kronika.link.reconcile import Report, attribute_counts, reconcile
from kronika.link.rules import EventKey, same_event
from kronika.model import SUB_TO_TYPE, Article, ArticleResult, Count, Event, Span
from kronika.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ALMATY = dict(country="KZ", admin1="Almaty", location="Almaty", geonameid=1526384, latitude=43.25,
              longitude=76.91667, geo_precision=1)


def key(article: str = "a", sub: str = "Violent demonstration", date: str | None = "2022-01-05", tp: int = 1,
        a1: str = "Rioters", a2: str | None = "State forces", **place: object) -> EventKey:
    p = {**ALMATY, **place}
    return EventKey(article, sub, date, tp, p["country"], p["admin1"], p["location"], p["geonameid"],  # type: ignore[arg-type]
                    p["latitude"], p["longitude"], p["geo_precision"], a1, a2)  # type: ignore[arg-type]


def test_same_event_across_outlets_with_different_sub_types_and_actors() -> None:
    assert same_event(key("a"), key("b", sub="Protest with intervention", a1="Protesters"))
    assert same_event(key("a"), key("b", a2=None))  # one outlet omits the police


def test_rules_keep_apart() -> None:
    a = key("a")
    assert not same_event(a, key("a"))  # one article's records were told apart by the extractor
    assert not same_event(a, key("b", date="2022-01-06"))  # two days of one campaign
    assert not same_event(a, key("b", date=None))  # an undated record
    assert not same_event(key("a", date=None), key("b", date=None))
    assert not same_event(a, key("b", sub="Arrests", a1="State forces", a2="Protesters"))
    # two districts of one city on one day
    assert not same_event(key("a", location="Bostandyk", geonameid=111, latitude=43.21, longitude=76.90),
                          key("b", location="Medeu", geonameid=222, latitude=43.26, longitude=76.95))
    assert not same_event(key("a", location="X", geonameid=None, latitude=43.20, longitude=76.90),
                          key("b", location="Y", geonameid=None, latitude=43.30, longitude=76.95))
    # a region-level record does not join a city record
    assert not same_event(a, key("b", geo_precision=3))
    assert not same_event(a, key("b", country="KG"))
    # one place and day, different parties of a battle
    assert not same_event(key("a", sub="Armed clash", a1="State forces", a2="Rebel group"),
                          key("b", sub="Armed clash", a1="Rebel group", a2="Identity militia"))


def test_precision_tolerance() -> None:
    assert same_event(key("a", tp=2), key("b", date="2022-01-07"))
    assert not same_event(key("a", tp=2), key("b", date="2022-01-12"))
    assert same_event(key("a", geo_precision=2, latitude=43.3), key("b"))  # near the city, 6 km


def test_rules_are_symmetric() -> None:
    pairs = [(key("a", tp=2), key("b", date="2022-01-07")), (key("a", geo_precision=3), key("b")),
             (key("a", a2=None), key("b", a1="Protesters"))]
    for x, y in pairs:
        assert same_event(x, y) == same_event(y, x)


def test_reconcile_lowest_min_max_and_who_said_what() -> None:
    reps = [Report("killed", 4, None, "exact", "police", "a1"), Report("killed", 1, None, "exact", "police", "a1"),
            Report("killed", 8, None, "exact", "Baza", "a2"), Report("injured", 100, 200, "range", None, "a2")]
    f = reconcile(reps, event_fatalities=[(6, "a3"), (3, "a1")])
    # per article/source the largest figure (a1/police: 4); across sources the lowest (ACLED)
    assert f["killed"]["lowest"] == 4
    assert f["killed"]["min"] == 1 and f["killed"]["max"] == 8
    assert {(s["source"], s["article"], s["value"]) for s in f["killed"]["by_source"]} == {
        ("police", "a1", 4), ("Baza", "a2", 8), (None, "a3", 6)}
    assert f["injured"]["max"] == 200


def _result(aid: str, text: str, events: list[Event], counts: list[Count] | None = None) -> ArticleResult:
    return ArticleResult(aid, "uk", True, events=events, counts=counts or [])


def ev(sub: str = "Violent demonstration", date: str | None = "2022-01-05", text: str = "", start: int = 0,
       end: int = 1, **kw: object) -> Event:
    p = {**ALMATY, **kw}
    return Event(SUB_TO_TYPE[sub], sub, date, 1, p["country"], p["admin1"], p["location"], p["geonameid"],  # type: ignore[arg-type]
                 p["latitude"], p["longitude"], p["geo_precision"], p.get("actor1", "Rioters"),  # type: ignore[arg-type]
                 p.get("actor2"), evidence=[Span.of(text, start, end)] if text else [])  # type: ignore[arg-type]


def test_attribute_counts_to_the_nearest_event_or_its_place() -> None:
    text = "Протестувальники в Алмати підпалили мерію. 5 загиблих. " + "x" * 500 + " В Актобе штурм, 2 загиблих."
    e1 = ev(text=text, start=0, end=42)
    e2 = ev(text=text, start=text.index("В Актобе"), end=len(text), location="Aktobe", geonameid=610611)
    c1 = Count("killed", 5, "exact", None, None, None, [Span.of(text, 43, 53)])
    c2 = Count("killed", 2, "exact", None, "Актобе", None, [Span.of(text, len(text) - 11, len(text) - 1)])
    c3 = Count("killed", 9, "exact", None, None, None, [])
    r = _result("a", text, [e1, e2], [c1, c2, c3])
    assert attribute_counts(r) == [0, 1, None]
    assert attribute_counts(_result("b", text, [e1], [c1, c3])) == [0, 0]


def test_incremental_incidents_uk_and_ru_reports(tmp_path: Path) -> None:
    uk = "Мітингувальники в Алмати штурмували мерію, загинули 8 людей."
    ru = "Протестующие в Алматы штурмовали акимат, погибли 5 человек."
    en = "Protesters in Almaty rallied again on Thursday."
    with open_store(tmp_path / "k.db") as s:
        s.put(Article(uk, id="uk"), _result("uk", uk, [ev(text=uk, end=20)],
                                             [Count("killed", 8, "exact", None, None, "МВС", [Span.of(uk, 43, 60)])]))
        first = s.conn.execute("SELECT id FROM incidents").fetchall()
        s.put(Article(ru, id="ru"), _result("ru", ru, [ev("Protest with intervention", text=ru, end=20)],
                                             [Count("killed", 5, "exact", None, None, "Baza", [Span.of(ru, 41, 59)])]))
        s.put(Article(en, id="en"), _result("en", en, [ev("Peaceful protest", date="2022-01-06", text=en, end=20)]))
        rows = s.conn.execute("SELECT id, n_articles, fatalities, figures_json FROM incidents ORDER BY date").fetchall()
        assert len(rows) == 2
        assert rows[0][0] == first[0][0]  # the id stays as members join
        assert rows[0][1] == 2 and rows[0][2] == 5  # lowest reported figure
        assert '"Baza"' in rows[0][3] and '"МВС"' in rows[0][3]
        # a changed re-ingest of the uk report moves it out; the incident keeps its id and recomputes
        uk2 = uk + " Оновлено."
        s.put(Article(uk2, id="uk"), _result("uk", uk2, [ev(date="2022-01-09", text=uk2, end=20)]))
        rows = dict(s.conn.execute("SELECT id, n_articles FROM incidents").fetchall())
        assert rows[first[0][0]] == 1 and len(rows) == 3


def test_complete_link_prevents_chaining(tmp_path: Path) -> None:
    """b joins a (week precision), c is one day from b but two days from a exact: c stays apart."""
    with open_store(tmp_path / "k.db") as s:
        for aid, date, tp in (("a", "2022-01-05", 1), ("b", "2022-01-06", 2), ("c", "2022-01-07", 1)):
            e = replace(ev(date=date), time_precision=tp)
            s.put(Article(f"text {aid}", id=aid), _result(aid, "", [e]))
        groups = s.conn.execute("SELECT group_concat(a.id) FROM events e JOIN articles a ON a.pk = e.article_pk "
                                "GROUP BY e.incident_pk ORDER BY 1").fetchall()
        assert [g[0] for g in groups] == ["a,b", "c"]


def test_candidate_lookup_uses_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every candidate query the linker runs is an index search, never a scan of incidents."""
    import kronika.store.linking as inc

    plans: list[str] = []
    with open_store(tmp_path / "k.db") as s:
        real = inc.candidates

        def spy(conn, w):  # type: ignore[no-untyped-def]
            class Explain:
                def execute(self, sql: str, args: tuple) -> object:  # type: ignore[type-arg]
                    plans.append(" ".join(str(r) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args)))
                    return conn.execute(sql, args)
            return real(Explain(), w)  # type: ignore[arg-type]

        monkeypatch.setattr(inc, "candidates", spy)
        s.put(Article("one", id="a"), _result("a", "", [ev()]))
        s.put(Article("two", id="b"), _result("b", "", [ev(latitude=None, longitude=None)]))
    assert len(plans) == 3
    assert all("USING INDEX incidents_" in p and "SCAN" not in p for p in plans), plans


@pytest.mark.parametrize("sub", ["Peaceful protest", "Arrests", "Armed clash", "Air/drone strike"])
def test_family_members_link(sub: str) -> None:
    assert same_event(key("a", sub=sub, a1="State forces", a2="Protesters"),
                      key("b", sub=sub, a1="State forces", a2="Protesters"))


def test_relink_rebuilds_the_same_incidents(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as s:
        for aid, date in (("a", "2022-01-05"), ("b", "2022-01-05"), ("c", "2022-01-06")):
            s.put(Article(f"text {aid}", id=aid), _result(aid, "", [ev(date=date)]))
        before = s.conn.execute("SELECT id, n_articles FROM incidents ORDER BY id").fetchall()
        assert s.relink() == 2
        assert s.conn.execute("SELECT id, n_articles FROM incidents ORDER BY id").fetchall() == before
