from datetime import date

import pytest

from kronika.text.doc import analyse
from kronika.text.langid import detect_language
from kronika.text.morph import morph_for
from kronika.text.segment import sentences, tokens


@pytest.mark.parametrize("text,lang", [
    ("У Львові відбувся мітинг біля будівлі міської ради, повідомляє поліція.", "uk"),
    ("В Москве прошла акция протеста, сообщили в полиции города.", "ru"),
    ("Protesters marched through the centre of London on Saturday.", "en"),
    ("Мінская міліцыя затрымала ўдзельнікаў акцыі, паведамляе праваабарончы цэнтр.", "be"),
    ("Алматы қаласында наразылық акциясы өтті және полиция адамдарды ұстады.", "kk"),
    ("", "und"),
    ("12345 !!!", "und"),
])
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_sentences_and_offsets() -> None:
    text = "Вранці 5 січня у м. Алмати тривали протести. Поліція затримала 1,5 тис. людей!\n\nЦе сталося вдруге."
    sents = sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Вранці 5 січня у м. Алмати тривали протести.",
        "Поліція затримала 1,5 тис. людей!",
        "Це сталося вдруге.",
    ]
    for surface, a, b in tokens(text):
        assert text[a:b] == surface
    assert "1,5" in [t for t, _, _ in tokens(text)]


def test_words_keep_apostrophes_and_hyphens() -> None:
    toks = [t for t, _, _ in tokens("об'єктів п’ятсот Алма-Ата Telegram-канал")]
    assert toks == ["об'єктів", "п’ятсот", "Алма-Ата", "Telegram-канал"]


def test_doc_lemmas_and_case() -> None:
    doc = analyse("Протестувальники зіткнулися з поліцейськими у Львові.", "uk", date(2022, 1, 5))
    lemmas = [t.lemma for t in doc.tokens if t.is_word]
    assert lemmas[0] == "протестувальник"
    assert "поліцейський" in lemmas
    lviv = next(t for t in doc.tokens if t.text == "Львові")
    assert "львів" in lviv.an.lemmas and lviv.an.case == "loct"
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text


def test_russian_morphology() -> None:
    doc = analyse("Митингующих задержали под Харьковом.", "ru")
    assert [t.lemma for t in doc.tokens if t.is_word][:2] == ["митинговать", "задержать"]


@pytest.mark.parametrize("word,lemma", [
    ("protesters", "protester"), ("rallies", "rally"), ("arrested", "arrest"), ("killed", "kill"),
    ("marched", "march"), ("stopped", "stop"), ("demonstrated", "demonstrate"), ("fired", "fire"),
    ("clashes", "clash"), ("police", "police"), ("burning", "burn"),
])
def test_english_lemma(word: str, lemma: str) -> None:
    assert morph_for("en").lemma(word) == lemma
