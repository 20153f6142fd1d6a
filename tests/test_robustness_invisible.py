"""Invisible characters (issue 16, item 10): soft hyphens, zero-width spaces and joiners, BOMs and
combining accents are normalised for matching (text/invisible.py) while every span still points
at the original text (pipeline.extract maps them back).
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.invisible import normalise

FORMAT = ["\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e"]
ACCENTS = ["\u0301", "\u0300"]  # stress marks; on a Cyrillic letter they are not spelling


def sprinkle(text: str, rng: random.Random, rate: float = 0.15) -> str:
    """Format characters after any letter, stress accents after Cyrillic ones (on a Latin letter an
    accent spells another letter: "e" + U+0301 is "é")."""
    out = []
    for ch in text:
        out.append(ch)
        if ch.isalpha() and rng.random() < rate:
            cyrillic = "\u0400" <= ch <= "\u04ff"
            out.append(rng.choice(FORMAT + ACCENTS if cyrillic else FORMAT))
    return "".join(out)


def spans_of(res: object) -> list:
    return [sp for rec in (*res.events, *res.counts, *res.sources, *res.quotes) for sp in rec.evidence]  # type: ignore[attr-defined]


def key(res: object) -> list:
    return [(e.event_type, e.sub_event_type, e.date, e.location, e.geonameid, e.actor1, e.actor2, e.fatalities)
            for e in res.events]  # type: ignore[attr-defined]


def test_seed_with_invisible_characters_gives_the_same_events(seed_article: Path) -> None:
    d = json.loads(seed_article.read_text(encoding="utf-8").splitlines()[0])
    clean = extract(Article(text=d["text"], id=d["id"], lang=d.get("lang"), published=d.get("published")))
    assert clean.events
    for seed in range(3):
        text = sprinkle(d["text"], random.Random(seed))
        assert text != d["text"]
        got = extract(Article(text=text, id=d["id"], lang=d.get("lang"), published=d.get("published")))
        assert key(got) == key(clean), seed
        assert [c.kind for c in got.counts] == [c.kind for c in clean.counts]
        assert [s.name for s in got.sources] == [s.name for s in clean.sources]
        for sp in spans_of(got):  # every span on the ORIGINAL text, invisible characters included
            assert text[sp.start:sp.end] == sp.text
            assert normalise(sp.text).text.strip()


def test_invented_sentences_with_split_words() -> None:
    plain = "У Тернополі 7 березня понад 300 протестувальників зібралися біля облради, повідомила поліція."
    split = "У Терно\u00adполі 7 бере\u200bзня понад 300 проте\u00adсту\u00adвальників зібра\u200dлися бі\u0301ля облради, повідомила полі\u200cція."
    a = extract(Article(text=plain, lang="uk", published="2024-03-07"))
    b = extract(Article(text=split, lang="uk", published="2024-03-07"))
    assert key(a) == key(b) and a.events
    assert [(c.kind, c.value) for c in a.counts] == [(c.kind, c.value) for c in b.counts]
    for sp in spans_of(b):
        assert split[sp.start:sp.end] == sp.text


def test_normalise_composes_and_strips() -> None:
    assert normalise("cafe\u0301").text == "café"           # NFC composes what it can
    assert normalise("и\u0306").text == "й"
    assert normalise("за\u0301мок").text == "замок"         # a stress mark has no composed letter
    assert normalise("ве\u0300рх і\u0308жак ѝ").text == "верх їжак и"  # NFC would make ѐ; ї is spelling
    assert normalise("\ufeffпро\u00adтест").text == "протест"
    m = normalise("про\u00adтест")
    assert m.span(0, 7) == (0, 8) and m.span(3, 7) == (4, 8)
    assert normalise("plain text").starts is None           # nothing to do, no map


letters = st.text(alphabet=st.sampled_from(list("абвгдеєжзиіїйклмнопрстуфхцчшщьюяabcxyz ,.0123456789ÀÉ")),
                  max_size=80)


@settings(max_examples=300, deadline=None)
@given(letters, st.integers(0, 2**32 - 1), st.data())
def test_any_span_maps_back_onto_the_original(text: str, seed: int, data: st.DataObject) -> None:
    """Invisible characters change nothing of the matched text, and any span of it maps to a span
    of the original that reads as the same text once normalised."""
    orig = sprinkle(text, random.Random(seed), rate=0.3)
    m = normalise(orig)
    assert m.text == normalise(text).text == unicodedata.normalize("NFC", text)
    n = len(m.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = m.span(a, b)
    assert 0 <= s <= e <= len(orig)
    assert normalise(orig[s:e]).text == m.text[a:b]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_extraction_spans_point_at_the_original_text(seed: int) -> None:
    rng = random.Random(seed)
    base = ("В Самаре 12 мая около 150 человек вышли на пикет у здания мэрии, сообщает МВД. "
            "Полиция задержала 8 участников акции.")
    text = sprinkle(base, rng, rate=0.25)
    res = extract(Article(text=text, lang="ru", published="2023-05-12"))
    for sp in spans_of(res):
        assert text[sp.start:sp.end] == sp.text
    assert key(res) == key(extract(Article(text=base, lang="ru", published="2023-05-12")))
