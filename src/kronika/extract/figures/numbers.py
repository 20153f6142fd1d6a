"""Stage 'numbers': figures in digits and words, in any grammatical case, with their qualifier.

"понад п'ятсот" -> 500 more_than, "двохсот" -> 200, "4 тыс." -> 4000, "1,5 тисячі" -> 1500,
"more than 2,000" -> 2000 more_than, "2-3 тисячі" -> 2000..3000 range, "десятки тисяч" -> 12000 about,
"сотни" -> 100 about, "несколько десятков" -> 12 about. Number words are matched on pymorphy3 lemmas
(lexicons/<lang>/numbers.toml), which covers every case form ("п'ятистам", "вісьмох", "десятьом").

Money, shares, ages, years, times, ordinals, phone numbers and the day numbers of dates are not
figures and are not emitted; the day numbers are known from the dates stage (which runs first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Generic, TypeVar

from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.morph import morph_for
from ...text.normalise import norm
from ..context import Context
from ..mentions import NumberMention

_DASHES = {"-", "–", "—", "‒"}
_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@dataclass(slots=True, frozen=True)
class NumberLexicon:
    values: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    vague_singular: dict[str, float]
    few: frozenset[str]
    qualifiers: dict[tuple[str, ...], str]
    max_qual: int
    range_from: frozenset[str]
    range_to: frozenset[str]
    exclude_after: frozenset[str]
    exclude_before: frozenset[str]
    to_exact: frozenset[str] = frozenset()
    multipliers: dict[str, float] = field(default_factory=dict)   # "две сотни", "three dozen"
    year_prepositions: frozenset[str] = frozenset()   # "у 2014", "since 2014": a year, not a figure
    time_prepositions: frozenset[str] = frozenset()   # "о 15.00", "at 15.00": a time
    range_or: frozenset[str] = frozenset()            # "2 or 3": a range
    phrases: dict[tuple[str, ...], tuple[float, bool]] = field(default_factory=dict)   # "a couple of"
    max_phrase: int = 0
    starters: frozenset[str] = frozenset()   # every word that can begin a figure: a cheap pre-check


@lru_cache(maxsize=8)
def lexicon(lang: str) -> NumberLexicon:
    raw = load_lexicon(lexicon_lang(lang), "numbers")

    def norm_map(d: dict[str, float]) -> dict[str, float]:
        return {norm(k): float(v) for k, v in d.items()}

    quals = {tuple(k.split()): v for k, v in raw.get("qualifiers", {}).items()}
    lex = NumberLexicon(
        values=norm_map(raw.get("values", {})),
        scales=norm_map(raw.get("scales", {})),
        vague=norm_map(raw.get("vague", {})),
        vague_singular=norm_map(raw.get("vague_singular", {})),
        few=frozenset(raw.get("few", {}).get("words", [])),
        qualifiers=quals,
        max_qual=max((len(k) for k in quals), default=0),
        range_from=frozenset(raw.get("ranges", {}).get("from", [])),
        range_to=frozenset(raw.get("ranges", {}).get("to", [])),
        exclude_after=frozenset(raw.get("exclude_after", {}).get("words", [])),
        exclude_before=frozenset(raw.get("exclude_before", {}).get("words", [])),
    )
    phrases = {tuple(norm(k).split()): (float(v), False) for k, v in raw.get("phrases", {}).items()}
    phrases.update({tuple(norm(k).split()): (float(v), True) for k, v in raw.get("vague_phrases", {}).items()})
    starters = {*lex.values, *lex.scales, *lex.vague, *lex.vague_singular, *lex.few, "a",
                *(p[0] for p in phrases)}
    starters.update(w + "s" for w in lex.vague)       # en plurals: "dozens", "tens"
    return replace(lex, starters=frozenset(starters),
                   to_exact=frozenset(raw.get("to_exact", {}).get("words", [])),
                   multipliers=norm_map(raw.get("multipliers", {})),
                   year_prepositions=frozenset(raw.get("not_figures", {}).get("year_prepositions", [])),
                   time_prepositions=frozenset(raw.get("not_figures", {}).get("time_prepositions", [])),
                   range_or=frozenset(raw.get("ranges", {}).get("or", [])),
                   phrases=phrases, max_phrase=max((len(p) for p in phrases), default=0))


_KEYS: dict[tuple[str, str], frozenset[str]] = {}


def keys(tok: Token, lang: str = "") -> frozenset[str]:
    """The lower-case surface and every lemma of a token, apostrophes normalised (п’ятсот = п'ятсот).

    Cached per (language, surface form) for the process: news repeats its vocabulary."""
    ck = (lang, tok.text)
    got = _KEYS.get(ck)
    if got is not None:
        return got
    low = norm(tok.text)
    out = {low}
    out.update(norm(x) for x in tok.an.lemmas if x)
    if low != tok.text.lower() and lang:
        # curly apostrophes are unknown to the dictionaries: re-analyse the normalised form
        out.update(norm(x) for x in morph_for(lang).analyse(low).lemmas if x)
    got = frozenset(out)
    if len(_KEYS) < 500_000:
        _KEYS[ck] = got
    return got


def is_digit(tok: Token) -> bool:
    return tok.text[:1].isdigit()


def parse_digits(s: str, lang: str) -> tuple[float, float | None] | None:
    """'1,000' -> 1000 (en), '1,5' -> 1.5, '4.000' -> 4000, '2-3' -> (2, 3)."""
    rng = re.fullmatch(r"(\d+(?:[.,]\d+)*)[-–](\d+(?:[.,]\d+)*)", s)
    if rng:
        a, b = parse_digits(rng.group(1), lang), parse_digits(rng.group(2), lang)
        if a and b:
            return a[0], b[0]
        return None
    if not _DIGITS_RE.fullmatch(s):
        return None
    if _EN_THOUSANDS.fullmatch(s) and (lang == "en" or len(s) > 5):
        return float(s.replace(",", "")), None
    if _DOT_THOUSANDS.fullmatch(s) and lang != "en":
        return float(s.replace(".", "")), None
    if s.count(",") + s.count(".") > 1:
        return None  # dates (05.01.2022), versions, phone parts
    try:
        return float(s.replace(",", ".")), None
    except ValueError:
        return None


@dataclass(slots=True)
class _Q:
    value: float
    value_max: float | None
    end: int           # index after the last token used
    vague: bool
    has_scale: bool = False


L = TypeVar("L")


class TokenScanner(Generic[L]):
    """What the number, date and count scanners share: the article's tokens, its language's
    lexicon, and the lemma keys of each token (see `keys`), looked up once per token."""

    def __init__(self, ctx: Context, lex: L) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.lang = lexicon_lang(ctx.doc.lang)
        self.lex = lex
        self.toks = ctx.doc.tokens
        self._keys: dict[int, frozenset[str]] = {}

    def k(self, i: int) -> frozenset[str]:
        got = self._keys.get(i)
        if got is None:
            got = self._keys[i] = keys(self.toks[i], self.lang)
        return got


class _Scanner(TokenScanner[NumberLexicon]):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, lexicon(ctx.doc.lang))
        self.date_spans = sorted((d.start, d.end) for d in ctx.dates)

    def in_date(self, tok: Token) -> bool:
        return any(a <= tok.start and tok.end <= b for a, b in self.date_spans)

    def scale_of(self, i: int, stop: int) -> float | None:
        if i >= stop:
            return None
        for key in self.k(i):
            if key in self.lex.scales:
                return self.lex.scales[key]
        return None

    def value_of(self, i: int) -> float | None:
        for key in self.k(i):
            if key in self.lex.values:
                return self.lex.values[key]
        low = self.toks[i].lower
        if self.lang == "en" and low.count("-") == 1:
            # one token "twenty-three": tens, then units
            tens, _, units = low.partition("-")
            t, u = self.lex.values.get(tens), self.lex.values.get(units)
            if t is not None and u is not None and 20 <= t <= 90 and t % 10 == 0 and 1 <= u <= 9:
                return t + u
        return None

    def vague_of(self, i: int) -> float | None:
        tok = self.toks[i]
        low = norm(tok.text)
        if self.lang == "en":
            # vague only in the plural ("dozens", "tens") or as "a dozen"
            if low.endswith("s") and tok.lemma in self.lex.vague:
                return self.lex.vague[tok.lemma]
            if low in self.lex.vague and low not in self.lex.values:
                return self.lex.vague[low]
            return None
        if low in self.lex.vague_singular:
            return self.lex.vague_singular[low]
        for key in self.k(i):
            if key in self.lex.vague:
                return self.lex.vague[key]
        return None

    # -- one quantity ---------------------------------------------------------------------
    def quantity(self, i: int, stop: int) -> _Q | None:
        tok = self.toks[i]
        if is_digit(tok):
            return self.digit_quantity(i, stop)
        if not tok.is_word or not (self.k(i) & self.lex.starters or "-" in tok.text and self.value_of(i)):
            return None
        return self.phrase_quantity(i, stop) or self.word_quantity(i, stop)

    def phrase_quantity(self, i: int, stop: int) -> _Q | None:
        """Fixed phrases ([phrases] of numbers.toml): "a couple of" 2, "half a dozen" 6,
        "a handful of" 3 about (vague ones in [vague_phrases])."""
        for n in range(min(self.lex.max_phrase, stop - i), 1, -1):
            words = tuple(norm(t.text) for t in self.toks[i:i + n])
            if words in self.lex.phrases:
                value, vague = self.lex.phrases[words]
                mu = None if vague else self.multiplier_of(i + n, stop)
                if mu is not None:
                    return _Q(value * mu, None, i + n + 1, False)   # "a couple of dozen" 24
                return _Q(value, None, i + n, vague)
        return None

    def digit_quantity(self, i: int, stop: int) -> _Q | None:
        tok = self.toks[i]
        parsed = parse_digits(tok.text, self.lang)
        if parsed is None:
            return None
        value, vmax = parsed
        j = i + 1
        # "5 800" with a space as thousands separator
        while (vmax is None and j < stop and re.fullmatch(r"\d{3}", self.toks[j].text)
               and self.doc.text[self.toks[j - 1].end:self.toks[j].start] in _SPACES
               and re.fullmatch(r"\d{1,3}", self.toks[i].text)):
            value = value * 1000 + float(self.toks[j].text)
            j += 1
        has_scale = False
        sc = self.scale_of(j, stop)
        if sc is not None:
            value *= sc
            vmax = vmax * sc if vmax is not None else None
            has_scale = True
            j += 1
            rest = parse_digits(self.toks[j].text, self.lang) if j < stop and vmax is None \
                and self.toks[j].text.isdigit() and len(self.toks[j].text) == len(str(int(sc))) - 1 else None
            if rest is not None and rest[1] is None and value % sc == 0:
                value += rest[0]   # "2 тысячи 500 человек" 2500
                j += 1
        return _Q(value, vmax, j, False, has_scale)

    def word_quantity(self, i: int, stop: int) -> _Q | None:
        lex = self.lex
        tok = self.toks[i]
        low = norm(tok.text)
        # "кілька сотень", "несколько десятков тысяч", "several hundred"
        if low in lex.few:
            j = i + 1
            if self.lang == "en" and j < stop and self.toks[j].lower == "of":
                return _Q(3, None, j, True)
            inner = self.vague_or_scale(j, stop) if j < stop else None
            if inner is not None:
                v, j = inner
                return self.times_scale(v, j, stop, vague=True)
            return _Q(lex.vague.get(low, 3), None, j, True)
        if self.lang == "en" and low == "a" and i + 1 < stop:
            # "a dozen", "a hundred", "a thousand"
            nxt = norm(self.toks[i + 1].text)
            if nxt == "dozen":
                return _Q(12, None, i + 2, True)
            if nxt in lex.scales:
                q = self.times_scale(lex.scales[nxt], i + 2, stop, vague=False)
                if q.end + 1 < stop and self.toks[q.end].lower == "and" and self.value_of(q.end + 1) is not None:
                    rest = self.compose(q.end + 1, stop)   # "a hundred and twenty"
                    if rest.value < q.value:
                        return _Q(q.value + rest.value, None, rest.end, False, True)
                return q
            return None
        if self.value_of(i) is not None and not (self.lang == "en" and low.endswith("s")):
            return self.compose(i, stop)
        sc = self.scale_of(i, stop)
        if sc is not None and len(tok.text) > 4 and "plur" not in tok.an.tags and i + 1 < stop \
                and self.value_of(i + 1) is not None:
            rest = self.compose(i + 1, stop)   # "тысяча двести" 1200: a singular scale word and a number after it
            if 0 < rest.value < sc:
                return _Q(sc + rest.value, None, rest.end, False, True)
        if sc is not None and len(tok.text) > 4:
            # a bare scale word: "тисячі людей", "thousands", "hundreds of thousands"
            return self.times_scale(sc, i + 1, stop, vague=True)
        vg = self.vague_of(i)
        if vg is not None:
            return self.times_scale(vg, i + 1, stop, vague=True)
        return None

    def multiplier_of(self, i: int, stop: int) -> float | None:
        if i >= stop:
            return None
        for key in self.k(i):
            if key in self.lex.multipliers:
                return self.lex.multipliers[key]
        return None

    def vague_or_scale(self, j: int, stop: int) -> tuple[float, int] | None:
        sc = self.scale_of(j, stop)
        if sc is not None:
            return sc, j + 1
        vg = self.vague_of(j)
        if vg is not None:
            return vg, j + 1
        return None

    def times_scale(self, v: float, j: int, stop: int, vague: bool) -> _Q:
        """Multiply by a following scale word: "десятки тисяч", "tens of thousands"."""
        k = j
        if self.lang == "en" and k < stop and self.toks[k].lower == "of":
            k += 1
        sc = self.scale_of(k, stop)
        if sc is not None and sc > v:
            return _Q(v * sc, None, k + 1, vague, True)
        return _Q(v, None, j, vague, False)

    def compose(self, i: int, stop: int) -> _Q:
        """Word numerals: "двісті п'ятдесят три тисячі" -> 253000."""
        total = current = 0.0
        j = i
        last = float("inf")
        has_scale = False
        while j < stop:
            v = self.value_of(j)
            if v is not None and v < last and not (self.lang == "en" and self.toks[j].lower.endswith("s")):
                current += v
                last = v if v >= 1 else last
                j += 1
                if self.lang == "en" and j + 1 < stop and self.toks[j].text == "-":
                    j += 1  # twenty-five
                continue
            mu = self.multiplier_of(j, stop)
            if mu is not None and current and current < 10 and not total:
                # "две сотни", "полтора десятка", "two dozen": a count noun multiplies what precedes
                current *= mu
                last = mu
                j += 1
                continue
            sc = self.scale_of(j, stop)
            if sc is not None and (current or total):
                current = (current or 1) * sc
                total += current
                current = 0.0
                last = float("inf") if sc >= 1000 else sc
                has_scale = True
                j += 1
                if self.lang == "en" and j + 1 < stop and self.toks[j].lower == "and" \
                        and self.value_of(j + 1) is not None:
                    j += 1
                continue
            break
        return _Q(total + current, None, j, False, has_scale)

    # -- a whole figure: qualifier + quantity (+ range) ---------------------------------------
    def excluded(self, i: int, q: _Q, start: int, stop: int) -> bool:
        tok = self.toks[i]
        lex = self.lex
        if self.in_date(tok):
            return True
        prev = self.toks[i - 1] if i > start else None
        if prev is not None and (prev.text in lex.exclude_before or prev.lower in lex.exclude_before
                                 or prev.text == "+" or self.marked_before(i - 1, start)):
            return True
        if is_digit(tok):
            j = i + 1
            if j < stop:
                nxt = self.toks[j]
                adjacent = nxt.start == tok.end
                if adjacent and nxt.text in (":",) and j + 1 < stop and is_digit(self.toks[j + 1]):
                    return True  # 13:00
                if adjacent and nxt.text in _DASHES and j + 1 < stop and self.toks[j + 1].is_word \
                        and self.toks[j + 1].start == nxt.end:
                    return True  # 5-й, 20-летний, 3-тысячный
                if adjacent and nxt.is_word and q.end == j:
                    return True  # 3rd, 5th, 10km
            digits = re.sub(r"\D", "", tok.text)
            if len(digits) > 7 and not q.has_scale:
                return True  # phone numbers, ids
            if re.fullmatch(r"\d{4}", tok.text) and 1800 <= q.value <= 2100 and not q.has_scale:
                nxt_word = q.end < stop and self.toks[q.end].is_word
                if not nxt_word or (prev is not None and prev.lower in self.lex.year_prepositions):
                    return True
            if re.fullmatch(r"\d{1,2}[.,]\d{2}", tok.text) and prev is not None \
                    and prev.lower in self.lex.time_prepositions:
                return True  # о 15.00
        if q.end < stop:
            nk = self.k(q.end)
            if nk & lex.exclude_after:
                return True
        return False

    def marked_before(self, j: int, start: int) -> bool:
        """Is token j (or the abbreviation whose dot it is: "ст. 212") a word of `[exclude_before]`
        on its lemma ("статьей 212", "частини 2")?"""
        if self.toks[j].text == "." and j > start:
            j -= 1
        return self.toks[j].is_word and bool(self.k(j) & self.lex.exclude_before)

    def qualifier(self, i: int, start: int) -> tuple[str | None, int]:
        """The longest qualifier phrase ending right before token i; (qualifier, first token)."""
        for n in range(min(self.lex.max_qual, i - start), 0, -1):
            phrase = tuple(norm(t.text) for t in self.toks[i - n:i])
            q = self.lex.qualifiers.get(phrase)
            if q:
                return q, i - n
        return None, i

    def range_end(self, q: _Q, stop: int) -> _Q | None:
        """"20—30", "від 2 до 3 тисяч", "2 or 3": the second bound when one follows."""
        j = q.end
        if j + 1 >= stop or q.value_max is not None or q.vague:
            return None
        sep = self.toks[j]
        if not (sep.text in _DASHES or norm(sep.text) in self.lex.range_to or sep.lower in self.lex.range_or):
            return None
        q2 = self.quantity(j + 1, stop)
        if q2 is None or q2.vague or q2.value_max is not None:
            return None
        return q2

    def scan(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        for a, b in self.doc.sent_tokens:
            i = a
            while i < b:
                tok = self.toks[i]
                if not (is_digit(tok) or tok.is_word) or self.ctx.skipped(tok.start, tok.end):
                    i += 1
                    continue
                q = self.quantity(i, b)
                if q is None or q.end <= i or q.value <= 0:
                    i += 1
                    continue
                if self.excluded(i, q, a, b):
                    i = q.end
                    continue
                qual, qstart = self.qualifier(i, a)
                value, vmax, end = q.value, q.value_max, q.end
                q2 = self.range_end(q, b)
                if q2 is not None:
                    v1 = q.value
                    if q2.has_scale and not q.has_scale:
                        # "2-3 тисячі" is handled by the digit token; "від 2 до 3 тис." shares the scale
                        scale = self.scale_of(q2.end - 1, b)
                        if scale and v1 * scale <= q2.value:
                            v1 *= scale
                    if v1 < q2.value:
                        value, vmax, end = v1, q2.value, q2.end
                        qual, qstart = "range", i
                        if i > a and norm(self.toks[i - 1].text) in self.lex.range_from:
                            qstart = i - 1
                if vmax is not None:
                    qual = "range"  # "близько 50-60 осіб" is coded as the range
                if qual == "up_to" and qstart > a and self.k(qstart - 1) & self.lex.to_exact:
                    qual, qstart = None, i   # "зросла до 27" is 27
                if qual is None:
                    qual = "about" if q.vague else "exact"
                start_tok = self.toks[qstart]
                end_tok = self.toks[end - 1]
                out.append(NumberMention(
                    start=start_tok.start, end=end_tok.end,
                    text=self.doc.text[start_tok.start:end_tok.end],
                    value=value, qualifier=qual, value_max=vmax, vague=q.vague))
                i = end
        return out


def money_after(ctx: Context, i: int, stop: int) -> NumberMention | None:
    """The first sum of money among tokens i..stop ("87 млрд тенге", "$5 million", "5 млн грн"): a
    figure with a currency word right after it or a currency sign right before it (`[money]` of
    numbers.toml); the numbers stage drops money, the counts stage asks for it after a damage word."""
    sc = _Scanner(ctx)
    lex = load_lexicon(lexicon_lang(ctx.doc.lang), "numbers").get("money", {})
    words = frozenset(norm(w) for w in lex.get("currencies", []))
    signs = frozenset(lex.get("signs", []))
    for j in range(i, stop):
        q = sc.quantity(j, stop)
        if q is None or q.value <= 0:
            continue
        after = q.end < stop and bool(sc.k(q.end) & words)
        before = j > i and sc.toks[j - 1].text in signs
        if not (after or before):
            return None   # the first figure after the damage word is no sum: not this shape
        qual, qstart = sc.qualifier(j - 1 if before else j, i)
        first = sc.toks[qstart if qual else (j - 1 if before else j)]
        last = sc.toks[q.end if after else q.end - 1]
        return NumberMention(start=first.start, end=last.end, text=ctx.doc.text[first.start:last.end],
                             value=q.value, qualifier=qual or ("about" if q.vague else "exact"),
                             vague=q.vague)
    return None


def find_numbers(ctx: Context) -> list[NumberMention]:
    return _Scanner(ctx).scan()


def run(ctx: Context) -> None:
    """Fill ctx.numbers with every figure of the text (dates, money, ages, years left out)."""
    ctx.numbers = find_numbers(ctx)
