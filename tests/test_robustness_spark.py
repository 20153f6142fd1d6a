"""`kronika spark --input` reads each kind of input as what it is (issue 16, item 13): a folder of
.txt files is text (one article per file), never JSON rows that quietly give no article; HTML or a
mix of kinds is refused before Spark starts. Code: scale/spark.py (input_kind, read_articles, main).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from kronika.scale.spark import InputKindError, input_kind, main

TEXTS = ["У Львові понад двісті людей вийшли на мітинг біля міської ради, повідомила поліція.",
         "В Казани водители провели акцию протеста против новых тарифов, сообщает МВД."]


def test_input_kinds(tmp_path: Path) -> None:
    txt = tmp_path / "txt"
    txt.mkdir()
    for i, t in enumerate(TEXTS):
        (txt / f"{i}.txt").write_text(t, encoding="utf-8")
    (txt / ".hidden.jsonl").write_text("{}", encoding="utf-8")
    assert input_kind(str(txt)) == "text" and input_kind(f"file://{txt}/") == "text"
    assert input_kind(str(txt / "0.txt")) == "text"
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    assert input_kind(str(tmp_path / "a.jsonl")) == "json"
    assert input_kind("s3a://bucket/articles/") == "json" and input_kind("hdfs:///x/articles.parquet") == "parquet"
    assert input_kind(str(txt), "json") == "json"  # --format wins
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (mixed / "b.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputKindError, match="mixes json, text"):
        input_kind(str(mixed))
    html = tmp_path / "html"
    html.mkdir()
    (html / "a.html").write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(InputKindError, match="HTML"):
        input_kind(str(html))
    with pytest.raises(InputKindError, match="no such file"):
        input_kind(str(tmp_path / "absent"))


def test_main_refuses_a_wrong_kind_before_starting_spark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    assert main(["--input", str(tmp_path), "--output", str(tmp_path / "out")]) == 2
    assert "HTML pages are read by `kronika extract`" in capsys.readouterr().err


@pytest.mark.spark
def test_a_folder_of_txt_files_is_read_as_text(tmp_path: Path) -> None:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install 'kronika[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime")
    import pyarrow.parquet as pq

    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    assert main(["--input", str(folder), "--output", str(tmp_path / "out"), "--master", "local[1]",
                 "--partitions", "1"]) == 0
    rows = pq.read_table(tmp_path / "out" / "articles").to_pylist()
    assert sorted(Path(r["id"]).name for r in rows) == ["0.txt", "1.txt"]
    assert all(r["error"] is None for r in rows)
    # the same folder read as JSON (the old behaviour) is no longer a silent success
    assert main(["--input", str(folder), "--output", str(tmp_path / "out2"), "--master", "local[1]",
                 "--format", "json", "--partitions", "1"]) == 1
