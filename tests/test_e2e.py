"""End to end: the CLI on the seed article and on the bundled samples."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

KRONIKA = [sys.executable, "-m", "kronika.cli"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KRONIKA, *args], capture_output=True, text=True, timeout=300)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def spans_of(rec: dict) -> list[dict]:
    out = []
    for key in ("events", "counts", "sources", "quotes"):
        for item in rec[key]:
            out.extend(item.get("evidence") or [])
    return out


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.startswith("kronika ")
    assert "extract" in run_cli("--help").stdout


def test_seed_article(seed_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonl"
    res = run_cli("extract", str(seed_article), "-o", str(out))
    assert res.returncode == 0, res.stderr
    rec = json.loads(out.read_text(encoding="utf-8"))
    text = json.loads(seed_article.read_text(encoding="utf-8"))["text"]
    for s in spans_of(rec):
        assert text[s["start"]:s["end"]] == s["text"]
    riots = [e for e in rec["events"] if (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")
             and e["date"] == "2022-01-05" and e["latitude"] is not None]
    for lat, lon in ((43.25, 76.91), (50.28, 57.21)):  # Almaty, Aktobe
        assert any(km(lat, lon, e["latitude"], e["longitude"]) <= 50 for e in riots), (lat, lon, rec["events"])
    got = {(c["kind"], c["value"]) for c in rec["counts"]}
    gold = {("vehicles_damaged", 120), ("vehicles_damaged", 33), ("buildings_damaged", 120),
            ("buildings_damaged", 180), ("buildings_damaged", 100), ("injured", 500), ("injured", 95),
            ("vehicles_damaged", 37), ("detained", 200), ("criminal_cases", 13), ("hospitalized", 190)}
    assert len(got & gold) >= 8, got
    names = {s["name"].casefold() for s in rec["sources"]}
    gold_sources = {"baza", "shot", "snob", "поліція", "informburo.kz", "єржан бабакумаров", "mash", "tass.ru"}
    assert len(names & gold_sources) >= 6, names
    quote = [q for q in rec["quotes"] if q["text"].startswith("Штурм був")]
    assert quote and "Бабакумаров" in (quote[0]["speaker"] or "")


def test_samples_run_clean(tmp_path: Path) -> None:
    out = tmp_path / "samples.jsonl"
    res = run_cli("extract", str(ROOT / "samples"), "-o", str(out))
    assert res.returncode == 0, res.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 6
    table = run_cli("extract", str(ROOT / "samples"), "--format", "table")
    assert table.returncode == 0 and "sample-uk-lviv-protest" in table.stdout


def test_dev_set_runs_without_error(dev_articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "dev.jsonl"
    res = run_cli("extract", str(dev_articles), "-o", str(out))
    assert res.returncode == 0, res.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(1 for line in dev_articles.open(encoding="utf-8") if line.strip())
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in dev_articles.open(encoding="utf-8")}
    for line in lines:
        rec = json.loads(line)
        for s in spans_of(rec):
            assert texts[rec["id"]][s["start"]:s["end"]] == s["text"]


def test_bad_input_reported_rest_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("У Києві відбувся мітинг.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok text"}\n{broken\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    res = run_cli("extract", str(good), str(bad), str(empty), str(tmp_path / "missing.txt"))
    assert res.returncode == 1
    assert len(res.stdout.splitlines()) == 2
    assert "bad.jsonl:2: malformed JSON" in res.stderr
    assert "empty.txt: empty" in res.stderr
    assert "missing.txt: no such file" in res.stderr
    assert "some inputs failed" in res.stderr
