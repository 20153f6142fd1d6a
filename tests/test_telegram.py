"""Telegram channels as articles: Desktop JSON exports and public preview pages (invented fixtures)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kronika.ingest.readers import InputError, read_inputs
from kronika.ingest.telegram import (
    Skipped,
    is_export,
    is_preview_page,
    message_text,
    read_export,
    read_preview,
)
from kronika.model import Article

EXPORT = {
    "name": "Вісті Полтави",
    "type": "public_channel",
    "id": 1987654321,
    "messages": [
        {"id": 1, "type": "service", "date": "2023-03-01T08:00:00", "date_unixtime": "1677650400",
         "actor": "Вісті Полтави", "action": "create_channel", "title": "Вісті Полтави", "text": "",
         "text_entities": []},
        # a plain string text
        {"id": 2, "type": "message", "date": "2023-03-04T11:20:00", "date_unixtime": "1677921600",
         "from": "Вісті Полтави", "from_id": "channel1987654321",
         "text": "У Полтаві біля міськради зібралися близько 300 людей.",
         "text_entities": [{"type": "plain", "text": "У Полтаві біля міськради зібралися близько 300 людей."}]},
        # a list of text parts with entities; edited later (the export holds the last text)
        {"id": 3, "type": "message", "date": "2023-03-04T12:05:00", "date_unixtime": "1677924300",
         "edited": "2023-03-04T12:30:00", "edited_unixtime": "1677925800",
         "from": "Вісті Полтави", "from_id": "channel1987654321",
         "text": ["Поліція ", {"type": "bold", "text": "затримала шістьох"}, " учасників акції. ",
                  {"type": "text_link", "text": "Відео", "href": "https://example.org/v"}],
         "text_entities": [{"type": "plain", "text": "Поліція "}, {"type": "bold", "text": "затримала шістьох"},
                           {"type": "plain", "text": " учасників акції. "},
                           {"type": "text_link", "text": "Відео", "href": "https://example.org/v"}]},
        # a forward keeps its origin
        {"id": 4, "type": "message", "date": "2023-03-04T13:00:00", "date_unixtime": "1677927600",
         "from": "Вісті Полтави", "from_id": "channel1987654321", "forwarded_from": "Новини Кременчука",
         "text": "У Кременчуці пройшов пікет під стінами заводу.",
         "text_entities": [{"type": "plain", "text": "У Кременчуці пройшов пікет під стінами заводу."}]},
        # media without a caption: no text to read
        {"id": 5, "type": "message", "date": "2023-03-04T13:10:00", "date_unixtime": "1677928200",
         "from": "Вісті Полтави", "photo": "photos/photo_5.jpg", "width": 1280, "height": 720,
         "text": "", "text_entities": []},
        {"id": 6, "type": "service", "date": "2023-03-04T13:20:00", "action": "pin_message",
         "message_id": 2, "text": "", "text_entities": []},
    ],
}


def export_bytes(d: dict[str, object] = EXPORT) -> bytes:
    return json.dumps(d, ensure_ascii=False, indent=1).encode("utf-8")


def test_export_messages_become_articles() -> None:
    skips: list[Skipped] = []
    items = list(read_export(io.BytesIO(export_bytes()), "result.json", on_skip=skips.append))
    assert all(isinstance(i, Article) for i in items)
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in arts] == ["tg-1987654321-2", "tg-1987654321-3", "tg-1987654321-4"]
    plain, parts, fwd = arts
    assert plain.text == "У Полтаві біля міськради зібралися близько 300 людей."
    assert plain.published == "2023-03-04T09:20:00Z"        # from the unambiguous epoch, in UTC
    assert plain.outlet == "Вісті Полтави" and plain.url == "https://t.me/c/1987654321/2"
    assert parts.text == "Поліція затримала шістьох учасників акції. Відео"
    assert fwd.forwarded_from == "Новини Кременчука" and plain.forwarded_from is None
    (s,) = skips
    assert s.counts == {"service messages": 2, "messages without text": 1}
    assert "2 service messages" in str(s)


def test_public_username_gives_public_links() -> None:
    arts = list(read_export(io.BytesIO(export_bytes()), "r.json", username="vesti_poltavy", on_skip=lambda s: None))
    assert isinstance(arts[0], Article)
    assert arts[0].url == "https://t.me/vesti_poltavy/2" and arts[0].id == "tg-vesti_poltavy-2"
    bad = list(read_export(io.BytesIO(export_bytes()), "r.json", username="no spaces allowed"))
    assert isinstance(bad[0], InputError)


def test_an_edited_message_keeps_its_id() -> None:
    edited = json.loads(export_bytes())
    edited["messages"][2]["text_entities"][1]["text"] = "затримала сімох"
    before = [a for a in read_export(io.BytesIO(export_bytes()), "r", on_skip=lambda s: None)]
    after = [a for a in read_export(io.BytesIO(export_bytes(edited)), "r", on_skip=lambda s: None)]
    assert isinstance(before[1], Article) and isinstance(after[1], Article)
    assert before[1].id == after[1].id and before[1].text != after[1].text


def test_export_is_streamed_not_loaded() -> None:
    # many messages: every one comes out, and a broken tail is an error after the good ones
    msgs = [{"id": i, "type": "message", "date_unixtime": str(1677921600 + i),
             "text": f"Повідомлення номер {i} про пікет."} for i in range(1, 2001)]
    data = export_bytes({"name": "C", "type": "public_channel", "id": 5, "messages": msgs})
    arts = list(read_export(io.BytesIO(data), "big.json"))
    assert len(arts) == 2000 and all(isinstance(a, Article) for a in arts)
    broken = list(read_export(io.BytesIO(data[: len(data) // 2]), "half.json"))
    assert isinstance(broken[-1], InputError) and "not valid JSON" in broken[-1].reason
    assert sum(isinstance(a, Article) for a in broken) > 500


def test_message_text_forms() -> None:
    assert message_text("plain") == "plain"
    assert message_text(["a ", {"type": "italic", "text": "b"}, {"type": "x"}, 5]) == "a b"
    assert message_text(None) == ""


def test_reader_routes_an_export_file(tmp_path: Path) -> None:
    p = tmp_path / "result.json"
    p.write_bytes(export_bytes())
    assert is_export(p.read_bytes()[:4096])
    items = list(read_inputs([str(p)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    # a JSONL file of articles is not an export
    q = tmp_path / "a.jsonl"
    q.write_text(json.dumps({"id": "x", "text": "Текст статті."}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert not is_export(q.read_bytes())
    assert [i.id for i in read_inputs([str(q)]) if isinstance(i, Article)] == ["x"]


PREVIEW = """<!DOCTYPE html><html><head><meta property="og:title" content="Новини Кременчука">
<title>Новини Кременчука – Telegram</title></head><body>
<div class="tgme_channel_info_header_title"><span dir="auto">Новини Кременчука</span></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message service_message js-widget_message" data-post="kremen_news/10">
  <div class="tgme_widget_message_text">Channel photo updated</div></div></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="kremen_news/11">
  <div class="tgme_widget_message_bubble">
   <div class="tgme_widget_message_text js-message_text" dir="auto">Біля заводу зібралися робітники.<br/>Вони
    вимагають виплатити борги із зарплати.</div>
   <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="https://t.me/kremen_news/11">
    <time datetime="2023-03-05T07:15:00+00:00" class="time">07:15</time></a></div></div></div></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message js-widget_message" data-post="kremen_news/12">
  <div class="tgme_widget_message_bubble">
   <div class="tgme_widget_message_forwarded_from accent_color">Forwarded from
    <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/poltava_v/7"><span dir="auto">Вісті
    Полтави</span></a></div>
   <div class="tgme_widget_message_text js-message_text" dir="auto">Пікет завершився без затримань.</div>
   <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="https://t.me/kremen_news/12">
    <time datetime="2023-03-05T09:40:00+00:00" class="time">09:40</time></a></div></div></div></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message js-widget_message" data-post="kremen_news/13">
  <div class="tgme_widget_message_bubble"><a class="tgme_widget_message_photo_wrap" href="#"></a>
   <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="https://t.me/kremen_news/13">
    <time datetime="2023-03-05T09:50:00+00:00" class="time">09:50</time></a></div></div></div></div>
</body></html>"""


def test_preview_page_messages_become_articles() -> None:
    skips: list[Skipped] = []
    assert is_preview_page(PREVIEW)
    items = list(read_preview(PREVIEW, "page.html", on_skip=skips.append))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == len(items) == 2
    first, fwd = arts
    assert first.text == "Біля заводу зібралися робітники.\nВони вимагають виплатити борги із зарплати."
    assert first.url == "https://t.me/kremen_news/11" and first.id == "tg-kremen_news-11"
    assert first.published == "2023-03-05T07:15:00+00:00" and first.outlet == "Новини Кременчука"
    assert fwd.forwarded_from == "Вісті Полтави" and first.forwarded_from is None
    assert skips[0].counts == {"service messages": 1, "messages without text": 1}


def test_saved_preview_page_is_read_as_channel(tmp_path: Path) -> None:
    p = tmp_path / "kremen_news.html"
    p.write_text(PREVIEW, encoding="utf-8")
    arts = [i for i in read_inputs([str(p)]) if isinstance(i, Article)]
    assert [a.id for a in arts] == ["tg-kremen_news-11", "tg-kremen_news-12"]


def test_preview_page_without_messages_is_an_error() -> None:
    page = '<html><body><div class="tgme_widget_message_wrap">t.me</div></body></html>'
    (err,) = list(read_preview(page, "p.html"))
    assert isinstance(err, InputError) and "without messages" in err.reason


@pytest.mark.parametrize("meta", ["outlet", "forwarded_from"])
def test_metadata_reaches_the_result(meta: str) -> None:
    from kronika.pipeline import extract

    art = Article(text="Пікет біля заводу.", id="tg-x-1", outlet="Канал", forwarded_from="Інший канал")
    d = extract(art).to_dict()
    assert d[meta] == getattr(art, meta)
    assert "outlet" not in extract(Article(text="Пікет біля заводу.")).to_dict()
