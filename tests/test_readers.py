"""The input matrix of docs/robustness.md: each hostile or odd input, and what the readers do.

Every bad input must come back as an InputError naming the input and the reason, and must not
stop the inputs after it. Large inputs are generated in tmp here (sparse or streamed, quickly).
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from kronika.ingest.decode import InputRejected, decode_bytes
from kronika.ingest.readers import (
    MAX_DOC_BYTES,
    MAX_LINE_BYTES,
    MAX_TEXT_CHARS,
    InputError,
    read_inputs,
    read_stream,
    total_input_bytes,
)
from kronika.model import Article

UK = ("У Києві 5 січня протестувальники вийшли на майдан. Поліція затримала понад 200 людей, "
      "повідомляє агентство Укрінформ. Учасники акції вимагали відставки уряду.")
RU = ("В Москве 5 января протестующие вышли на площадь. Полиция задержала более 200 человек, "
      "сообщает агентство Интерфакс. Участники акции требовали отставки правительства.")
EN = "Protesters rallied in Zürich on Wednesday; police detained about 30 people, Reuters said."


def read(data: bytes, suffix: str = ".txt", origin: str = "in") -> list[Article | InputError]:
    return list(read_stream(io.BytesIO(data), origin + suffix, suffix=suffix))


def one_article(items: list[Article | InputError]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def one_error(items: list[Article | InputError], *needles: str) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    for n in needles:
        assert n in items[0].reason, items[0]
    return items[0]


# -- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,enc", [
    (UK, "cp1251"), (RU, "cp1251"), (RU, "koi8-r"), (UK, "koi8-u"), (RU, "cp866"), (RU, "iso8859-5"),
    (UK, "utf-16"), (RU, "utf-16"), (UK, "utf-8-sig"), (RU, "utf-32"), (EN, "cp1252"),
    (UK, "utf-16-le"), (RU, "utf-16-be"),  # no BOM: told apart by where the NULs fall
])
@pytest.mark.parametrize("suffix", [".txt", ""])
def test_encodings_detected_and_decoded(text: str, enc: str, suffix: str) -> None:
    assert one_article(read(text.encode(enc), suffix)).text == text


@pytest.mark.parametrize("text,enc", [("Київ", "cp1251"), ("Мир", "koi8-r"), ("ДТП на трасі", "cp1251"),
                                      ("«Ми не відступимо» — заявив він.", "cp1251")])
def test_short_legacy_texts(text: str, enc: str) -> None:
    assert decode_bytes(text.encode(enc))[0] == text


def test_cp1251_jsonl_and_per_line_encodings() -> None:
    lines = [json.dumps({"id": "a", "text": UK}, ensure_ascii=False).encode("cp1251"),
             json.dumps({"id": "b", "text": RU}, ensure_ascii=False).encode("koi8-r"),
             json.dumps({"id": "c", "text": UK}, ensure_ascii=False).encode("utf-8")]
    arts = read(b"\n".join(lines), ".jsonl")
    assert [a.text for a in arts] == [UK, RU, UK]


def test_utf16_jsonl_with_bom() -> None:
    data = "\n".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False)
                     for i, t in enumerate((UK, RU, EN))).encode("utf-16")
    assert [a.text for a in read(data, ".jsonl")] == [UK, RU, EN]
    assert [a.text for a in read(data, "")] == [UK, RU, EN]  # sniffed through the BOM


def test_mixed_encodings_by_line_decoded() -> None:
    data = UK.encode("utf-8") + b"\n" + RU.encode("cp1251") + b"\n" + UK.encode("utf-8")
    assert one_article(read(data)).text == "\n".join((UK, RU, UK))


def test_mixed_encodings_within_a_line_refused() -> None:
    data = (UK.encode("utf-8") + b" " + RU.encode("cp1251")) * 3
    one_error(read(data), "mixed encodings")


def test_mixed_with_unknown_lines_refused_by_line() -> None:
    data = UK.encode("utf-8") + b"\n" + bytes(range(0x80, 0x100)) * 4 + b"\n"
    one_error(read(data), "mixed encodings", "line(s) 2")


def test_utf8_cut_inside_last_character() -> None:
    assert one_article(read(UK.encode("utf-8")[:-1])).text == UK[:-1]


def test_broken_bom_refused() -> None:
    one_error(read(b"\xff\xfe" + b"\x00\xd8" + b"a\x00"), "utf-16", "does not decode")


def test_html_declared_charset_honoured() -> None:
    page = (f'<html><head><meta charset="windows-1251"><title>Протест</title></head><body><article>'
            f'<p>{UK}</p><p>{UK}</p></article></body></html>')
    art = one_article(read(page.encode("cp1251"), ".html"))
    assert UK in art.text


# -- binary, empty, whitespace ---------------------------------------------------------------

@pytest.mark.parametrize("data,needle", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 8, "binary"),
    (bytes(range(0x80, 0x100)) * 40, "undecodable"),
    (b"\x1f\x8b\x08\x00" + os.urandom(2048), "binary"),
])
@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ""])
def test_binary_refused(data: bytes, needle: str, suffix: str) -> None:
    items = read(data, suffix)
    assert items and all(isinstance(i, InputError) for i in items), items
    if suffix != ".jsonl":  # JSONL reports per line; the reason there may be the JSON itself
        one_error(items, needle)


@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\t \r\n", "\u00a0\u2003\n".encode(), b"\xef\xbb\xbf  \n"])
@pytest.mark.parametrize("suffix", [".txt", ".html", ""])
def test_empty_and_whitespace_refused(data: bytes, suffix: str) -> None:
    one_error(read(data, suffix), "no")  # "empty: no text" / "holds no article text"


def test_empty_jsonl_yields_nothing_and_blank_text_is_refused() -> None:
    assert read(b"", ".jsonl") == []
    assert read(b"\n\n  \n", ".jsonl") == []
    one_error(read(b'{"text": "  \\n "}\n', ".jsonl"), "empty")


# -- size limits -------------------------------------------------------------------------------

def test_100mb_text_file_refused_with_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: 100 MB of NUL on disk in no time
        f.write(UK.encode())
        f.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    items = list(read_inputs([str(big)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "too large" in items[0].reason or "binary" in items[0].reason
    assert peak < 3 * MAX_DOC_BYTES


def test_100mb_text_of_real_text_refused_as_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big"  # no suffix: sniffed as text
    chunk = (UK + "\n").encode() * 2000
    with open(big, "wb") as f:
        for _ in range(100 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    tracemalloc.start()
    items = list(read_inputs([str(big)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    one_error(items, "too large", "MiB")
    assert peak < 3 * MAX_DOC_BYTES


def test_1mb_single_line_refused_by_the_text_limit(tmp_path: Path) -> None:
    line = tmp_path / "line.txt"
    text = (UK.replace(". ", ", ") + " ") * (1024 * 1024 // len(UK.encode()) + 1)
    line.write_text(text, encoding="utf-8")
    assert line.stat().st_size > 1024 * 1024 and "\n" not in text
    tracemalloc.start()
    items = list(read_inputs([str(line)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    one_error(items, "text too long", f"{MAX_TEXT_CHARS:,}")
    assert peak < 16 * 1024 * 1024


def test_long_single_line_under_the_limit_is_extracted(tmp_path: Path) -> None:
    from kronika.pipeline import extract

    line = tmp_path / "line.txt"
    text = (UK.replace(". ", ", ") + " ") * (20_000 // len(UK))
    line.write_text(text, encoding="utf-8")
    art = one_article(list(read_inputs([str(line)])))
    assert art.text == text
    assert extract(art).id == art.id


def test_article_text_over_the_limit_refused() -> None:
    text = "a" * (MAX_TEXT_CHARS + 1)
    one_error(read(text.encode(), ".txt"), "text too long", f"{MAX_TEXT_CHARS:,}")
    one_error(read(json.dumps({"text": text}).encode(), ".jsonl"), "text too long")


def test_overlong_json_line_skipped_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    with open(f, "wb") as out:
        out.write(b'{"id": "a", "text": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n')
        out.write(json.dumps({"id": "b", "text": UK}).encode() + b"\n")
    items = list(read_inputs([str(f)]))
    assert isinstance(items[0], InputError) and "line too long" in items[0].reason
    assert items[0].origin.endswith("long.jsonl:1")
    assert isinstance(items[1], Article) and items[1].id == "b"


# -- malformed JSON lines and wrong field types ------------------------------------------------

@pytest.mark.parametrize("line,needle", [
    (b'{"text": "abc"', "truncated"),
    (b'{"text": "abc", }', "malformed JSON"),
    (b"{broken", "malformed JSON"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"text": "a", "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested too deeply"),
    (b'{"text": "abc", "published": ' + b"1" * 5000 + b"}", "malformed JSON"),
    (b'["text", "abc"]', "not an object but an array"),
    (b'"just a string"', "not an object"),
    (b"null", "not an object"),
    (b'{"title": "no text"}', "'text' is missing"),
    (b'{"text": 5}', "'text' is a number"),
    (b'{"text": ["a", "b"]}', "'text' is an array"),
    (b'{"text": {"body": "a"}}', "'text' is an object"),
    (b'{"text": null}', "'text' is missing"),
    (b'{"text": NaN}', "'text' is a number"),
    (b'{"text": true}', "'text' is a boolean"),
    (b'{"text": "abc", "id": {"x": 1}}', "'id' is an object"),
    (b'{"text": "abc", "id": true}', "'id' is a boolean"),
    (b'{"text": "abc", "lang": 5}', "'lang'"),
    (b'{"text": "abc", "lang": "Ukrainian language"}', "'lang'"),
    (b'{"text": "abc", "title": ["x"]}', "'title' is an array"),
    (b'{"text": "abc", "url": 7}', "'url' is a number"),
])
def test_malformed_json_lines(line: bytes, needle: str) -> None:
    err = one_error(read(line, ".jsonl"), needle)
    assert err.origin == "in.jsonl:1"


@pytest.mark.parametrize("published,needle", [
    (20220105, "a number"), (1641340800, "a number"), (2022.5, "a number"), (True, "a boolean"),
    ({"year": 2022}, "an object"), (["2022-01-05"], "an array"), ("2022-13-45", "not a date"),
    ("yesterday", "not a date"), ("0001-01-01", "not a plausible"), ("9999-12-31", "not a plausible"),
    ("x" * 1000, "not a date"),
])
def test_wrong_published_refused(published: object, needle: str) -> None:
    one_error(read(json.dumps({"text": UK, "published": published}).encode(), ".jsonl"), "'published'", needle)


@pytest.mark.parametrize("published,kept", [
    (None, None), ("", None), ("2022-01-05", "2022-01-05"), ("2014", "2014"), ("2014-03", "2014-03"),
    ("2022-01-05T10:00:00+03:00", "2022-01-05T10:00:00+03:00"), ("2022-01-05T10:00:00Z", "2022-01-05T10:00:00Z"),
    ("Wed, 05 Jan 2022 10:00:00 GMT", "2022-01-05T10:00:00+00:00"), ("05.01.2022", "2022-01-05"),
    ("5 січня 2022", "2022-01-05"), ("January 5, 2022", "2022-01-05"),
])
def test_published_forms_accepted(published: object, kept: str | None) -> None:
    art = one_article(read(json.dumps({"text": UK, "published": published}).encode(), ".jsonl"))
    assert art.published == kept


def test_lang_normalised() -> None:
    for given, want in (("UK", "uk"), ("uk-UA", "uk"), ("ru_RU", "ru"), ("", None), (None, None)):
        art = one_article(read(json.dumps({"text": UK, "lang": given}).encode(), ".jsonl"))
        assert art.lang == want


def test_lone_surrogates_replaced_offsets_kept() -> None:
    line = b'{"id": "a\\udc00", "text": "ab\\ud800cd", "title": "t\\udfff"}'
    art = one_article(read(line, ".jsonl"))
    assert art.text == "ab\ufffdcd" and len(art.text) == 5
    assert art.id == "a\ufffd" and art.title == "t\ufffd"
    (art.text + art.id + art.title).encode("utf-8")


def test_bad_lines_do_not_stop_the_file() -> None:
    lines = [b'{"id": "1", "text": "one"}', b"{broken", b'{"text": 5}', b"\xff\xfe\x00\x00garbage",
             b'{"id": "2", "text": "two"}', b"", b'{"id": "3", "text": "three", "published": {}}',
             b'{"id": "4", "text": "four"}']
    items = read(b"\n".join(lines) + b"\n", ".jsonl")
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "2", "4"]
    assert [i.origin for i in items if isinstance(i, InputError)] == [
        "in.jsonl:2", "in.jsonl:3", "in.jsonl:4", "in.jsonl:7"]


# -- HTML ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["div", "b", "span", "table"])
def test_html_10000_nested_tags(tag: str) -> None:
    body = f"<p>{UK}</p>"
    page = "<html><body>" + f"<{tag}>" * 10_000 + body + f"</{tag}>" * 10_000 + "</body></html>"
    one_error(read(page.encode(), ".html"), "nested", "limit")


def test_html_10000_unclosed_tags_then_a_good_page() -> None:
    page = ("<html><body>" + "<div>" * 10_000 + f"<p>{UK}</p>").encode()
    good = f"<html><body><article><p>{UK}</p><p>{RU}</p></article></body></html>".encode()
    items = read(page, ".html") + read(good, ".html")
    assert isinstance(items[0], InputError) and isinstance(items[1], Article)


@pytest.mark.parametrize("page", [
    b"<html><body><script>alert(1)</script></body></html>",
    b"<<<<>>>><//><p<p<p>",
    b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><html><body>&b;</body></html>",
    b"<html><body>" + b"<p>" * 50_000 + b"</body></html>",
    b"<html><body><p>" + "\u202e\u0000\ufeff".encode() * 100 + b"</p></body></html>",
])
def test_hostile_html_is_an_error_or_an_article_never_a_crash(page: bytes) -> None:
    items = read(page, ".html")
    assert len(items) == 1 and isinstance(items[0], Article | InputError)


def test_html_metadata_published_checked() -> None:
    page = (f'<html><head><meta property="article:published_time" content="2022-01-05T10:00:00+03:00">'
            f"<title>T</title></head><body><article><p>{UK}</p><p>{RU}</p></article></body></html>")
    art = one_article(read(page.encode(), ".html"))
    assert art.published is None or art.published.startswith("2022-01-05")


# -- files and folders ---------------------------------------------------------------------------

def test_missing_fifo_and_folder_cases(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "empty_dir").mkdir()
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(fifo), str(tmp_path / "empty_dir")]))
    reasons = [i.reason for i in items]
    assert "no such file or folder" in reasons[0]
    assert "not a regular file" in reasons[1]
    assert "folder holds no" in reasons[2]


def test_folder_skips_hidden_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UK, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(RU, encoding="cp1251")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Article)] == [UK, RU]
    assert total_input_bytes([str(tmp_path), "-", str(tmp_path / "nope")]) > 0


def test_stdin_and_origins() -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(RU.encode("koi8-r"))))
    assert one_article(items).text == RU and items[0].origin == "<stdin>"
    items = list(read_inputs(["-"], stdin=io.BytesIO(json.dumps({"text": UK}).encode() + b"\n{bad\n")))
    assert isinstance(items[0], Article) and str(items[1]).startswith("<stdin>:2: malformed JSON")


def test_decode_bytes_rejects_with_reason() -> None:
    with pytest.raises(InputRejected, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_vet_makes_outside_articles_safe() -> None:
    """For feed items and API input: the same cleaning and limits as the file readers."""
    from kronika.ingest.readers import vet

    art = vet(Article(text="a\ud800b", id="x", title="t\udc00", published="0001-01-01"))
    assert isinstance(art, Article) and art.text == "a\ufffdb" and art.title == "t\ufffd" and art.published is None
    assert isinstance(vet(Article(text="x" * (MAX_TEXT_CHARS + 1))), InputError)
    assert isinstance(vet(Article(text=" \n ")), InputError)
    ok = vet(Article(text=UK, published="Wed, 05 Jan 2022 10:00:00 GMT"))
    assert isinstance(ok, Article) and ok.published == "2022-01-05T10:00:00+00:00"
