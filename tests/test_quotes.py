"""Quotes: direct speech with speaker, role and relaying outlet; names in quotes are not speech."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, need
from kronika.extract.attribution import quotes, sources
from kronika.extract.attribution.quotes import quoted_spans
from kronika.extract.context import Context
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse


def quotes_of(text: str, lang: str) -> list:
    ctx = Context(analyse(text, lang))
    sources.run(ctx)
    quotes.run(ctx)
    return ctx.quotes


def test_quote_with_speaker_role_and_via_uk() -> None:
    text = ('"Штурм був. Вивести всіх встигли", – заявив заступник акіма Алмати Єржан Бабакумаров, '
            "повідомляє Informburo.kz.")
    [q] = quotes_of(text, "uk")
    assert q.text == "Штурм був. Вивести всіх встигли"
    assert q.speaker == "Єржан Бабакумаров"
    assert q.speaker_role == "заступник акіма Алмати"
    assert q.via == "Informburo.kz"
    assert all(text[e.start:e.end] == e.text for e in q.evidence)


def test_quote_before_colon_ru() -> None:
    text = "Министр внутренних дел Иван Петров заявил: «Мы не допустим беспорядков в городе»."
    [q] = quotes_of(text, "ru")
    assert q.text == "Мы не допустим беспорядков в городе"
    assert q.speaker == "Иван Петров"


def test_quote_en() -> None:
    text = '"The day had been special for all of us," said Ruhama Fernandez, an activist.'
    [q] = quotes_of(text, "en")
    assert q.speaker == "Ruhama Fernandez"


def test_names_in_quotes_are_not_speech() -> None:
    assert quotes_of("Презентація відбулася у видавництві «Комора» в Києві.", "uk") == []
    assert quotes_of('Читайте також "Газовий майдан" у Казахстані.', "uk") == []


def test_quoted_spans_nested_and_straight() -> None:
    text = "Він сказав: «Це „наша“ справа». А \"інше\" — ні."
    spans = [text[a:b] for a, b in quoted_spans(text)]
    assert spans == ["Це „наша“ справа", "інше"]


def test_seed_quote() -> None:
    path = need(SEED / "article.jsonl")
    art = Article.from_dict(json.loads(Path(path).read_text(encoding="utf-8").splitlines()[0]))
    qs = extract(art).quotes
    q = next(q for q in qs if q.text.startswith("Штурм був"))
    assert q.text == "Штурм був. Вивести всіх встигли, частина працівників працює дистанційно"
    assert (q.speaker, q.speaker_role, q.via) == ("Єржан Бабакумаров", "заступник акіма Алмати", "Informburo.kz")


def test_pronoun_speaker_is_the_last_named_person() -> None:
    text = ('Мер Києва Віталій Кличко заявив, що місто готове. "Ми маємо запаси палива на тиждень", – додав він.')
    qs = quotes_of(text, "uk")
    assert [q.speaker for q in qs] == ["Віталій Кличко"]


def test_role_in_an_apposition_after_the_speaker() -> None:
    q = quotes_of('"The police used excessive force," said Irungu Houghton, executive director of Amnesty Kenya.', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Irungu Houghton", "executive director of Amnesty Kenya")]
    q = quotes_of("«Ми не відступимо», — сказав Іван Петренко, голова профспілки шахтарів.", "uk")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Іван Петренко", "голова профспілки шахтарів")]
    q = quotes_of('"This is a peaceful protest," said John Smith, who organised the march.', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("John Smith", None)]


def test_capitalised_title_before_the_speaker_en() -> None:
    q = quotes_of('Interior Minister Kithure Kindiki said: "Those who break the law will face consequences."', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Kithure Kindiki", "Interior Minister")]


def test_agency_spoken_to_relays_the_quote() -> None:
    q = quotes_of('"We will not leave until the bill is withdrawn," a protester told Reuters.', "en")
    assert [(x.speaker, x.via) for x in q] == [(None, "Reuters")]
    q = quotes_of('"We will not leave until the bill is withdrawn," she told reporters.', "en")
    assert [x.via for x in q] == [None]
