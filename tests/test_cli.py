"""The CLI's error behaviour end to end (a subprocess, as a user runs it).

A batch mixing good and hostile inputs: every bad one is named on stderr with its reason, every
good one gives a record that validates against SCHEMA.md, and the exit status is 1 with a
closing "some inputs failed" line. A clean batch exits 0 and says nothing on stderr.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from schema_check import record_errors

KRONIKA = [sys.executable, "-m", "kronika.cli"]
UK = "Вчора у Львові понад 300 людей вийшли на мітинг біля ратуші, повідомляє поліція."
RU = "5 января в Алматы протестующие подожгли здание акимата, сообщает ТАСС."
EN = "Police detained 40 protesters in Nairobi on Tuesday, Reuters reported."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*KRONIKA, *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    (d / "01-good-cp1251.txt").write_bytes(UK.encode("cp1251"))
    (d / "02-good-utf16.txt").write_bytes(RU.encode("utf-16"))
    (d / "03-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    (d / "04-empty.txt").write_bytes(b"")
    (d / "05-blank.txt").write_bytes(b"  \n\t\n")
    (d / "06-articles.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": EN, "published": "2024-06-25"}),
        '{"id": "j2", "text": "cut off',
        json.dumps({"id": "j3", "text": 42}),
        json.dumps({"id": "j4", "text": UK, "published": {"y": 2024}}),
        json.dumps({"id": "j5", "text": RU, "published": "2022-01-06"}),
    ]) + "\n", encoding="utf-8")
    (d / "07-nested.html").write_text("<html><body>" + "<div>" * 10_000 + f"<p>{UK}</p>" + "</div>" * 10_000
                                      + "</body></html>", encoding="utf-8")
    (d / "08-good.html").write_text(f"<html><head><title>Мітинг</title></head><body><article><p>{UK}</p>"
                                    f"<p>{UK}</p></article></body></html>", encoding="utf-8")
    (d / "09-truncated.jsonl").write_bytes(json.dumps({"id": "t1", "text": RU}).encode() + b'\n{"id": "t2", "te')
    return d


def test_mixed_batch_reports_each_bad_input_and_processes_the_rest(batch: Path) -> None:
    res = run("extract", str(batch), str(batch / "missing.jsonl"))
    err = res.stderr.decode("utf-8")
    assert res.returncode == 1, err
    expected = {
        "03-binary.txt": "binary", "04-empty.txt": "empty", "05-blank.txt": "empty",
        "06-articles.jsonl:2": "malformed JSON", "06-articles.jsonl:3": "'text' is a number",
        "06-articles.jsonl:4": "'published' is an object", "07-nested.html": "nested",
        "09-truncated.jsonl:2": "truncated", "missing.jsonl": "no such file",
    }
    lines = err.splitlines()
    for origin, reason in expected.items():
        assert any(origin + ":" in ln and reason in ln for ln in lines), (origin, reason, err)
    assert lines[-1] == f"kronika: some inputs failed ({len(expected)}); the rest were processed"
    recs = [json.loads(ln) for ln in res.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in recs if not r["id"].startswith("sha1-")] == ["j1", "j5", "t1"]
    assert len(recs) == 6  # + the cp1251 and UTF-16 texts and the good HTML page
    for r in recs:
        assert not record_errors(r, _text_of(r, batch)), record_errors(r, _text_of(r, batch))


def _text_of(rec: dict, batch: Path) -> str:
    by_id = {"j1": EN, "j5": RU, "t1": RU}
    if rec["id"] in by_id:
        return by_id[rec["id"]]
    spans = [s for k in ("events", "counts", "sources", "quotes") for x in rec[k] for s in x["evidence"]]
    for t in (UK, RU, UK + "\n" + UK, UK + "\n\n" + UK):
        if all(t[s["start"]:s["end"]] == s["text"] for s in spans):
            return t
    return ""  # an HTML page's extracted text may differ in whitespace: spans then fail to index it


def test_workers_give_the_same_records_and_errors(batch: Path) -> None:
    one = run("extract", str(batch))
    two = run("extract", "--workers", "2", str(batch))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr.decode().splitlines() == two.stderr.decode().splitlines()


def test_clean_batch_exits_zero_quietly(tmp_path: Path) -> None:
    f = tmp_path / "ok.jsonl"
    f.write_text(json.dumps({"id": "a", "text": UK}) + "\n" + json.dumps({"id": "b", "text": EN}) + "\n")
    res = run("extract", str(f))
    assert res.returncode == 0 and res.stderr == b""
    assert [json.loads(ln)["id"] for ln in res.stdout.splitlines()] == ["a", "b"]


def test_stdin_with_a_bad_line(tmp_path: Path) -> None:
    data = (json.dumps({"id": "s1", "text": RU}) + "\n[1, 2]\n").encode("utf-8")
    res = run("extract", "-", stdin=data)
    assert res.returncode == 1
    assert [json.loads(ln)["id"] for ln in res.stdout.splitlines()] == ["s1"]
    assert "<stdin>:2: JSON line is not an object" in res.stderr.decode()


def test_only_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "x.bin.txt").write_bytes(bytes(range(256)) * 10)
    res = run("extract", str(tmp_path / "x.bin.txt"), str(tmp_path / "nope"))
    assert res.returncode == 1 and res.stdout == b""
    assert "some inputs failed (2)" in res.stderr.decode()


def test_huge_file_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.write((UK + "\n").encode() * (100 * 1024 * 1024 // len(UK.encode()) // 8))  # ~13 MB of text
    res = run("extract", str(big))
    assert res.returncode == 1 and b"huge.txt: too large" in res.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "ok.txt"
    f.write_text(UK, encoding="utf-8")
    res = run("extract", str(f), "-o", str(tmp_path / "no" / "such" / "dir" / "out.jsonl"))
    err = res.stderr.decode()
    assert res.returncode != 0
    assert "Traceback" not in err and "cannot write" in err
