"""The one query layer: filter validation, Cyrillic actor matching, and the same filter giving the
same rows through the CLI, the HTTP API and the exports. Invented articles only."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app as cli_app
from kronika.model import Article, ArticleResult, Count, Event, Source, Span
from kronika.store import open_store, query
from kronika.store.export import export
from kronika.store.filters import FilterError, parse_filters

# (id, text, sub-event, type, date, country, admin1, place, lat, lon, actor1, actor2, actor1 name)
ROWS = [
    ("odesa-1", "У суботу в Одесі поліція затримала двадцять учасників акції біля мерії.", "Arrests",
     "Strategic developments", "2023-05-06", "UA", "Одеська область", "Odesa", 46.48, 30.72, "State forces",
     "Protesters", "Національна Поліція"),
    ("odesa-2", "В субботу в Одессе полиция задержала участников акции у мэрии, сообщает агентство.", "Arrests",
     "Strategic developments", "2023-05-06", "UA", "Одеська область", "Odesa", 46.48, 30.72, "State forces",
     "Protesters", "ПОЛИЦИЯ Одессы"),
    ("minsk-1", "Сотни людей вышли на марш в Минске; ОМОН применил силу против протестующих.",
     "Excessive force against protesters", "Protests", "2021-03-25", "BY", "Minsk", "Minsk", 53.9, 27.57,
     "State forces", "Protesters", "ОМОН"),
    ("tbilisi-1", "Thousands rallied peacefully outside parliament in Tbilisi on Sunday evening.",
     "Peaceful protest", "Protests", "2024-04-14", "GE", "Tbilisi", "Tbilisi", 41.69, 44.8, "Protesters", None,
     None),
    ("lviv-x[/]", "Вчора у Львові мітинг \x1b[31mчервоний\x1b[0m пройшов біля ратуші [bold]мирно[/bold].",
     "Peaceful protest", "Protests", "2024-02-01", "UA", "Lviv", "Lviv [/] \x1b]0;pwned\x07", 49.84, 24.03,
     "Protesters", None, "[red]Рух[/red]"),
    ("undated-1", "Десятки людей пикетировали завод, дата не указана.", "Peaceful protest", "Protests", None,
     "RU", None, None, None, None, "Protesters", None, None),
]


def stored(path: Path) -> Path:
    with open_store(path) as s:
        for aid, text, sub, etype, day, cc, adm, loc, lat, lon, a1, a2, n1 in ROWS:
            ev = Event(etype, sub, day, 1, cc, adm, loc, None, lat, lon, 1 if lat else 3, a1, a2, actor1_name=n1,
                       evidence=[Span.of(text, 0, 25)])
            s.put(Article(text, id=aid, lang="uk", published=day or "2024-01-01", url=f"https://news.example/{aid}"),
                  ArticleResult(aid, "uk", True, [ev], [Count("detained", 20, "exact", None, None, None,
                                                            [Span.of(text, 0, 9)])],
                                [Source("агентство", "news_agency", [Span.of(text, 0, 5)])]))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored(tmp_path_factory.mktemp("q") / "k.db")


# ---------------------------------------------------------------- validation
@pytest.mark.parametrize("kw, field", [
    ({"date_from": "2022-13-45"}, "date_from"), ({"date_to": "yesterday"}, "date_to"),
    ({"date_from": "2023-02-29"}, "date_from"), ({"date_from": "2022-00"}, "date_from"),
    ({"date_from": "2024-03-10", "date_to": "2024-03-01"}, "date_from"), ({"country": "Ukraine"}, "country"),
    ({"country": "U1"}, "country"), ({"event_type": "Riot"}, "event_type"), ({"sub_event_type": "Riots"},
                                                                            "sub_event_type"),
    ({"disorder_type": "War"}, "disorder_type"), ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "nan,0,1,1"}, "bbox"),
    ({"bbox": "10,0,5,1"}, "bbox"), ({"offset": 2**63}, "offset"), ({"offset": -1}, "offset"),
    ({"limit": "ten"}, "limit"), ({"actor": "a\x00b"}, "actor"), ({"text": "x" * 501}, "text"),
    ({"colour": "red"}, "colour"),
])
def test_bad_values_are_named(kw: dict[str, object], field: str) -> None:
    with pytest.raises(FilterError) as e:
        parse_filters(**kw)
    assert e.value.field == field and field in str(e.value)


def test_values_are_normalised() -> None:
    f = parse_filters(date_from="2022", date_to="2022-02", country="ua", event_type="riots", actor="  Поліція ")
    assert (f.date_from, f.date_to) == (date(2022, 1, 1), date(2022, 2, 28))
    assert (f.country, f.event_type, f.actor) == ("UA", "Riots", "Поліція")
    sub = parse_filters(event_type="peaceful PROTEST")  # a sub-type given as the type
    assert (sub.event_type, sub.sub_event_type) == (None, "Peaceful protest")
    assert parse_filters(bbox="30,45,40,52").bbox == (30.0, 45.0, 40.0, 52.0)
    assert parse_filters().is_empty() and not parse_filters(country="UA").is_empty()


# ---------------------------------------------------------------- Cyrillic, in any case
@pytest.mark.parametrize("actor, ids", [
    ("поліція", {"odesa-1"}), ("ПОЛІЦІЯ", {"odesa-1"}), ("полиция", {"odesa-2"}), ("омон", {"minsk-1"}),
    ("Омон", {"minsk-1"}), ("state FORCES", {"odesa-1", "odesa-2", "minsk-1"}), ("рух", {"lviv-x[/]"}),
    ("поліція одеси", set()),
])
def test_actor_matches_cyrillic_regardless_of_case(db: Path, actor: str, ids: set[str]) -> None:
    with open_store(db) as s:
        got = {e["article"] for e in query.list_events(s.conn, parse_filters(actor=actor)).items}
        assert got == ids
        incs = query.list_incidents(s.conn, parse_filters(actor=actor), members=True).items
        assert {a["id"] for i in incs for a in i["articles"]} >= ids - {"odesa-2"}


def test_admin1_matches_cyrillic_regardless_of_case(db: Path) -> None:
    with open_store(db) as s:
        assert query.count_events(s.conn, parse_filters(admin1="ОДЕСЬКА ОБЛАСТЬ")) == 2


def test_an_old_store_gets_the_folded_column(tmp_path: Path) -> None:
    p = stored(tmp_path / "old.db")
    c = sqlite3.connect(p)  # back to schema step 2
    for t in ("events", "incidents"):
        c.execute(f"DROP INDEX {t}_order")
        c.execute(f"ALTER TABLE {t} DROP COLUMN actors_fold")
    # and what the later steps added (sightings, actors' sides, the lemma index)
    c.execute("DROP TABLE sightings")
    for col in ("actor1_country", "actor2_country", "actor1_force", "actor2_force"):
        c.execute(f"ALTER TABLE events DROP COLUMN {col}")
    c.execute("DROP TRIGGER articles_lemmas_ad")
    c.execute("DROP TABLE articles_lemmas")
    c.execute("PRAGMA user_version = 2")
    c.commit()
    c.close()
    with open_store(p) as s:
        assert query.count_events(s.conn, parse_filters(actor="омон")) == 1
        assert query.count_incidents(s.conn, parse_filters(actor="ОМОН")) == 1
        # the page's keys come from a walk of the order index, not a sort of every event
        plan = s.conn.execute("EXPLAIN QUERY PLAN " + query.event_query(parse_filters())[0], [100, 0]).fetchall()
        sub = next(r[0] for r in plan if r[3].startswith("LIST SUBQUERY"))
        inner = [r[3] for r in plan if r[1] == sub]
        assert any("events_order" in d for d in inner) and "USE TEMP B-TREE FOR ORDER BY" not in inner, inner


def test_members_are_capped_and_say_so(db: Path) -> None:
    with open_store(db) as s:
        (inc,) = query.iter_incidents(s.conn, parse_filters(country="UA", event_type="Arrests"), members=True,
                                      cap=1)
        assert inc["n_articles"] == 2 and len(inc["articles"]) == 1 and inc["members_cut"] is True
        (full,) = query.iter_incidents(s.conn, parse_filters(country="UA", event_type="Arrests"), members=True)
        assert len(full["articles"]) == 2 and full["members_cut"] is False


# ---------------------------------------------------------------- one filter, the same rows everywhere
FILTERS = [
    {}, {"country": "UA"}, {"date_from": "2023", "date_to": "2024-03"}, {"event_type": "Protests"},
    {"event_type": "Arrests"}, {"actor": "ОМОН"}, {"text": "мітинг"}, {"bbox": "20,40,35,50"},
    {"disorder_type": "Strategic developments"}, {"article_id": "minsk-1"}, {"country": "ua", "actor": "поліція"},
]
CLI_OPT = {"country": "--country", "date_from": "--from", "date_to": "--to", "event_type": "--type",
           "actor": "--actor", "text": "--search", "bbox": "--bbox", "disorder_type": "--disorder",
           "article_id": "--article"}
API_PARAM = {**{k: k for k in CLI_OPT}, "text": "q"}


def _cli_ids(db: Path, command: str, flt: dict[str, str]) -> list[object]:
    args = [command, "--db", str(db), "--format", "jsonl", "--limit", "0"]
    for k, v in flt.items():
        args += [CLI_OPT[k], v]
    res = CliRunner().invoke(cli_app, args)
    assert res.exit_code == 0, res.output
    return [json.loads(ln)["id"] for ln in res.stdout.splitlines()]


def _export_ids(db: Path, level: str, flt: dict[str, str], tmp: Path) -> list[object]:
    out = tmp / f"{level}.jsonl"
    with open_store(db) as s:
        export(s.conn, "jsonl", out, level, parse_filters(**flt, limit=None))  # type: ignore[arg-type]
    return [json.loads(ln)["id"] for ln in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_one_filter_same_rows_in_cli_api_and_export(db: Path, tmp_path: Path, flt: dict[str, str]) -> None:
    from fastapi.testclient import TestClient

    from kronika.api import create_app

    client = TestClient(create_app(db))
    for level in ("events", "incidents"):
        api = client.get(f"/api/{level}", params={API_PARAM[k]: v for k, v in flt.items()} | {"limit": 5000})
        assert api.status_code == 200, api.text
        api_ids = [x["id"] for x in api.json()["items"]]
        assert api.json()["total"] == len(api_ids)
        assert _cli_ids(db, level, flt) == api_ids == _export_ids(db, level, flt, tmp_path), (level, flt)
    stats = client.get("/api/stats", params={API_PARAM[k]: v for k, v in flt.items()}).json()
    assert stats["events"] == len(_cli_ids(db, "events", flt))
    assert sum(r["count"] for r in stats["by_country"]) == stats["events"]


# ---------------------------------------------------------------- the CLI
def test_bad_filter_values_exit_2_naming_the_value(db: Path) -> None:
    for args, words in ((["--from", "2022-13-45"], ("--from", "2022-13-45")),
                        (["--to", "2022-02-30"], ("--to", "2022-02-30")),
                        (["--country", "Ukraine"], ("--country", "Ukraine")),
                        (["--type", "Riot"], ("--type", "Riot")),
                        (["--offset", str(2**64)], ("--offset", str(2**64)))):
        for command in ("events", "incidents"):
            res = CliRunner().invoke(cli_app, [command, "--db", str(db), *args])
            assert res.exit_code == 2, (args, res.output)
            assert all(w in res.output for w in words), res.output
    res = CliRunner().invoke(cli_app, ["export", "--db", str(db), "-o", "-", "--from", "13/01/2022"])
    assert res.exit_code == 2 and "13/01/2022" in res.output


def test_table_footer_says_when_the_limit_cut(db: Path) -> None:
    res = CliRunner().invoke(cli_app, ["events", "--db", str(db), "--limit", "2"])
    assert res.exit_code == 0, res.output
    assert "2 of 6 events" in res.stdout
    res = CliRunner().invoke(cli_app, ["incidents", "--db", str(db), "--limit", "1", "--offset", "2"])
    assert "1 of 5 incidents from 3" in res.stdout
    full = CliRunner().invoke(cli_app, ["events", "--db", str(db), "--country", "UA"])
    assert "3 of 3 events" in full.stdout and "--offset" not in full.stdout
    jsonl = CliRunner().invoke(cli_app, ["events", "--db", str(db), "--limit", "2", "--format", "jsonl"])
    assert len(jsonl.stdout.splitlines()) == 2 and "2 of 6 events" in jsonl.stderr


def test_tables_print_markup_and_escapes_as_inert_text(db: Path) -> None:
    for command in ("events", "incidents"):
        res = CliRunner().invoke(cli_app, [command, "--db", str(db), "--country", "UA", "--from", "2024"])
        assert res.exit_code == 0, res.output
        out = res.stdout
        assert "\x1b" not in out and "\x07" not in out
        assert "Lviv [/] \\x1b]0;pwned\\x07" in out
    assert "lviv-x[/]" in CliRunner().invoke(cli_app, ["events", "--db", str(db), "--search", "Львові"]).stdout


def test_export_to_standard_output(db: Path, tmp_path: Path) -> None:
    for fmt in ("jsonl", "acled-csv", "geojson"):
        res = CliRunner().invoke(cli_app, ["export", "--db", str(db), "-o", "-", "--format", fmt, "--country", "BY"])
        assert res.exit_code == 0, res.output
        assert not (Path.cwd() / "-").exists()
        assert "minsk" in res.stdout.lower() and "written to standard output" in res.stderr
    proc = subprocess.run([sys.executable, "-m", "kronika.cli", "export", "--db", str(db), "-o", "-", "--format",
                           "parquet"], capture_output=True, timeout=120, cwd=tmp_path, env=_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout[:4] == b"PAR1" and proc.stdout[-4:] == b"PAR1"
    assert not (tmp_path / "-").exists()


def test_export_to_an_unwritable_place_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli_app, ["export", "--db", str(db), "-o", str(tmp_path / "no" / "such" / "x.csv")])
    assert res.exit_code == 1 and "cannot write" in res.output and "Traceback" not in res.output, res.output


def _env(**kw: str) -> dict[str, str]:
    """This interpreter's import path, absolute (the child may run in another folder)."""
    import os

    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(Path(p).resolve()) for p in sys.path if p), **kw}


def test_cli_module_lists_every_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "kronika.cli", "--help"], capture_output=True, text=True,
                          timeout=120, env=_env(COLUMNS="200"))
    assert proc.returncode == 0, proc.stderr
    for command in ("extract", "serve", "spark", "ingest", "events", "incidents", "relink", "export"):
        assert f" {command} " in proc.stdout, command


def test_no_import_cycle_between_cli_modules() -> None:
    src = (Path(__file__).resolve().parents[1] / "src" / "kronika" / "cli_store.py").read_text(encoding="utf-8")
    assert "from .cli import" not in src and "import kronika.cli" not in src


def test_no_import_cycles_in_the_query_side() -> None:
    """store/, api/, link/, cli*.py and output.py import each other without a cycle (module-level
    imports; a cycle is why `python -m kronika.cli` once listed 3 of 8 commands)."""
    import ast

    root = Path(__file__).resolve().parents[1] / "src" / "kronika"
    files = [*root.glob("store/*.py"), *root.glob("api/*.py"), *root.glob("link/*.py"), root / "cli.py",
             root / "cli_store.py", root / "output.py"]
    names = {".".join(("kronika", *p.relative_to(root).with_suffix("").parts)).removesuffix(".__init__"): p
             for p in files}
    graph: dict[str, set[str]] = {}
    for name, p in names.items():
        pkg = name if p.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                parts = pkg.split(".")[: len(pkg.split(".")) - node.level + 1] if node.level else []
                target = ".".join(parts + ([node.module] if node.module else []))
                deps |= {f"{target}.{a.name}" if f"{target}.{a.name}" in names else target for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        graph[name] = {d for d in deps if d in names and d != name}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(d == goal or (d not in seen and not seen.add(d) and reaches(d, goal, seen))  # type: ignore[func-returns-value]
                   for d in graph[start])

    cycles = [m for m in graph if reaches(m, m, set())]
    assert not cycles, cycles
