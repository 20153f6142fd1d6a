"""Guards of place recognition: the tests that say a capitalised word is not a place here (a
street, a title in quotes, a road's endpoint, a name particle, a person's surname), and the token
tests they share with `mentions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...text.doc import Doc, Token
from .forms import _CYR, Lexicon, _known_first_name, _may_be_surname

if TYPE_CHECKING:
    from .mentions import _Cand


def _is_cap(t: Token) -> bool:
    c = t.text[:1]
    return c.isupper()


def _sentence_initial(doc: Doc, t: Token) -> bool:
    a, _ = doc.sent_tokens[t.sent]
    for k in range(a, t.i):
        if doc.tokens[k].is_word:
            return False
    return True


_CLOSE_QUOTES = frozenset('»"“”')


def _after_settlement_noun(doc: Doc, lx: Lexicon, t: Token) -> bool:
    """'селище Борова', 'село Черник', 'the village of Barani': a settlement noun right before."""
    k = t.i - 1
    if k >= 0 and doc.tokens[k].lower == "of":
        k -= 1
    if k < 0 or doc.tokens[k].sent != t.sent:
        return False
    prv = doc.tokens[k]
    return prv.lower in lx.settlement_nouns or any(lem in lx.settlement_nouns for lem in prv.an.lemmas)


_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}


_MAX_TITLE_WORDS = 6


_ANY_QUOTE = tuple(set(_QUOTE_PAIRS) | _CLOSE_QUOTES)


def _in_quoted_title(doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """Whether the name stands inside a short quoted stretch with other words ("«Тавуш во имя
    Родины»", "Эхо Кавказа", "«Руки геть від Києва!»"): a title, a slogan or a movement, not where
    anything happened. A facility noun before the quote keeps it ("аеропорт «Київ-Бориспіль»")."""
    text = doc.text
    s = doc.sentences[doc.tokens[c.t0].sent]
    # the nearest quote mark before the name in its sentence: an opening one, not closed before it
    k = max(text.rfind(q, s.start, c.start) for q in _ANY_QUOTE)
    if k < 0:
        return False
    ch = text[k]
    if ch not in _QUOTE_PAIRS or (ch == '"' and text[s.start:k].count('"') % 2):
        return False        # a closing mark: the name stands after a quote, not inside one
    close = _QUOTE_PAIRS[text[k]]
    e = text.find(close, c.end, s.end + 1)
    if e < 0:
        return False
    words = [t for t in doc.tokens[doc.token_at(k + 1):doc.token_at(e) + 1] if t.is_word and k < t.start < e]
    if len(words) > _MAX_TITLE_WORDS or len(words) < 2:
        return False                # a single quoted name is the older guard's; a long one is speech
    q = doc.token_at(k)
    prv = doc.tokens[q - 1] if q > 0 else None
    return not (prv is not None and (prv.an.lemma in lx.facility_nouns or prv.lower in lx.facility_nouns))


_DASH_TOKENS = frozenset({"-", "–", "—", "‒"})


def _street_name(doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """'на вулиці Київській', 'в микрорайоне Солнечный', 'on Moscow Avenue': a street noun right before
    the name, or a capitalised one right after it (English)."""
    toks = doc.tokens
    sent = toks[c.t0].sent
    k = c.t0 - 1
    if k >= 0 and toks[k].sent == sent and (toks[k].lower in lx.street_nouns
                                           or any(lem in lx.street_nouns for lem in toks[k].an.lemmas)):
        # "на улицы Калуги", "вулицями Харкова": a town's name in the genitive owns the streets
        return not (toks[c.t0].an.pos == "NOUN" and toks[c.t0].an.case == "gent" and c.t1 - c.t0 == 1)
    k = c.t1
    return k < len(toks) and toks[k].sent == sent and _is_cap(toks[k]) and toks[k].lower in lx.street_nouns


def _road_endpoint(doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """'траса Київ - Чоп', 'шоссе Москва-Петербург', 'the Kyiv-Chop highway', 'трасса М-06 Киев - Чоп':
    towns joined by a dash next to a road noun."""
    toks = doc.tokens
    sent = toks[c.t0].sent

    def part(t: Token) -> bool:
        return t.text in _DASH_TOKENS or _is_cap(t) or any(ch.isdigit() for ch in t.text)

    dash = False
    # leftwards, a road noun before the names is enough ("траса Київ - Чоп"); rightwards ("the Kyiv-Chop
    # highway") only with a dash among them
    for origin, step in ((c.t0, -1), (c.t1, 1)):
        k = origin - 1 if step < 0 else origin
        while 0 <= k < len(toks) and toks[k].sent == sent and abs(k - origin) <= 6:
            t = toks[k]
            if t.lower in lx.road_nouns or t.an.lemma in lx.road_nouns:
                return step < 0 or dash
            if not part(t):
                break
            dash = dash or t.text in _DASH_TOKENS
            k += step
    return False


def _org_run(doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """'the Kampala Youth Forum', 'Lagos State Workers Union': a run of capitalised Latin words after
    the place that ends in a word for an organisation names that organisation, not the town."""
    toks = doc.tokens
    k = c.t1
    prev_end = c.end
    for _ in range(4):
        if k >= len(toks) or toks[k].sent != toks[c.t0].sent or toks[k].start > prev_end + 1 \
                or not _is_cap(toks[k]) or _CYR.search(toks[k].text):
            return False
        if toks[k].lower in lx.org_heads:
            return True
        prev_end = toks[k].end
        k += 1
    return False


def _particle_run(doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """'Rue de Rivoli', 'Forum des Halles': a capitalised word, a name particle and a capitalised word
    around the candidate make one name that the gazetteer does not hold."""
    toks = doc.tokens
    sent = toks[c.t0].sent
    k = c.t1
    if k + 1 < len(toks) and toks[k + 1].sent == sent and toks[k].lower in lx.name_particles \
            and _is_cap(toks[k + 1]):
        return True
    k = c.t0 - 1
    return k >= 1 and toks[k - 1].sent == sent and toks[k].lower in lx.name_particles \
        and _is_cap(toks[k - 1]) and not _sentence_initial(doc, toks[k - 1])


def _surnames(doc: Doc) -> set[str]:
    """Lemmas of the surnames the article writes after a first name ("Тулси Габбард", "Дмитрий
    Быков"): alone later ("Габбард заявила") they still name the person, not a town."""
    toks = doc.tokens
    out: set[str] = set()
    for k in range(1, len(toks)):
        t, u = toks[k - 1], toks[k]
        if t.sent != u.sent or u.start - t.end != 1 or not (_is_cap(t) and _is_cap(u)) \
                or t.text.isupper() or u.text.isupper() or not (_CYR.search(t.text) and _CYR.search(u.text)):
            continue
        if k >= 2 and toks[k - 2].sent == t.sent and toks[k - 2].an.pos == "PREP":
            continue    # "во Владимир Иванов приехал": the town
        if _known_first_name(doc.lang, t.text) and _may_be_surname(doc.lang, u.text):
            out.add(u.an.lemma)
    return out
