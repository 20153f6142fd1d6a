"""The analysed document every extractor reads: tokens with lemmas, sentences, offsets."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .langid import detect_language
from .morph import Analysis, morph_for
from .segment import Sentence, sentences, tokens


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    i: int          # index in Doc.tokens
    sent: int       # index of its sentence in Doc.sentences
    an: Analysis
    # derived once here: the extractors ask for these hundreds of thousands of times per batch
    lower: str = ""
    is_word: bool = False
    is_title: bool = False

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        self.is_word = self.text[:1].isalpha()
        self.is_title = self.text[:1].isupper()

    @property
    def lemma(self) -> str:
        return self.an.lemma


@dataclass(slots=True)
class Doc:
    text: str
    lang: str
    published: date | None
    tokens: list[Token]
    sentences: list[Sentence]
    sent_tokens: list[tuple[int, int]]  # per sentence: [first token, last token + 1)
    _starts: list[int] = field(default_factory=list)
    # the year alone when `published` gives no day ("2014"): day-month dates still get their year
    published_year: int | None = None
    # the month too when `published` gives a year and a month only ("2014-03")
    published_month: int | None = None
    _sent_starts: list[int] = field(default_factory=list)
    # per-document values that stages derive once (e.g. the latest year named); never shared
    memo: dict[str, Any] = field(default_factory=dict)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding a character offset (the previous one if between)."""
        if len(self._sent_starts) != len(self.sentences):
            self._sent_starts = [s.start for s in self.sentences]
        i = bisect_right(self._sent_starts, offset) - 1
        return max(i, 0)

    def token_at(self, offset: int) -> int:
        """Index of the token starting at or before offset."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def sent_toks(self, si: int) -> list[Token]:
        a, b = self.sent_tokens[si]
        return self.tokens[a:b]

    def sent_text(self, si: int) -> str:
        s = self.sentences[si]
        return self.text[s.start:s.end]


def analyse(text: str, lang: str | None = None, published: date | None = None,
            published_year: int | None = None, published_month: int | None = None) -> Doc:
    """Segment and analyse a text with the morphology its language's data names."""
    lang = lang or detect_language(text)
    morph = morph_for(lang)
    sents = sentences(text)
    per_sent = [tokens(text, s.start, s.end) for s in sents]
    morph.prepare(w for st in per_sent for w, _, _ in st if w[:1].isalpha())
    toks: list[Token] = []
    bounds: list[tuple[int, int]] = []
    for si, st in enumerate(per_sent):
        first = len(toks)
        for surface, a, b in st:
            an = morph.analyse(surface) if surface[:1].isalpha() else _PUNCT
            toks.append(Token(surface, a, b, len(toks), si, an))
        bounds.append((first, len(toks)))
    doc = Doc(text, lang, published, toks, sents, bounds)
    doc.published_year = published.year if published else published_year
    doc.published_month = published.month if published else published_month
    doc._starts = [t.start for t in toks]
    return doc


_PUNCT = Analysis("", ("",), None, None, None, frozenset())
