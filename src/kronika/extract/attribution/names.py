"""Reading single words for the source finder: part of speech, case, name-ness, the nominative.

Every predicate takes the article's language (and, where a sentence start matters, the article's
`SourceLexicon` from `for_doc`) as an argument. Dictionary look-ups are memoised per word form.
"""

from __future__ import annotations

from functools import lru_cache

from ...text.doc import Token
from ...text.morph import analyzer
from .lexicon import _NAME_TAGS, _QUOTES, SourceLexicon, lexicon, own_letters, words

# ---------------------------------------------------------------------------------------------
# token predicates


def _tagset(p: object) -> frozenset[str]:
    """A pymorphy3 parse's grammemes as plain strings (its tag objects raise on unknown names)."""
    return frozenset(str(p.tag).replace(" ", ",").split(","))  # type: ignore[attr-defined]


def _pos(t: Token) -> str | None:
    # pymorphy3's grammeme objects refuse comparison with unknown names: compare plain strings
    return str(t.an.pos) if t.an.pos else None


def _case(t: Token) -> str | None:
    return str(t.an.case) if t.an.case else None


def _latin(t: Token) -> bool:
    return t.text[:1].isascii() and t.text[:1].isalpha()


def _cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _is_verb(t: Token) -> bool:
    return _pos(t) in ("VERB", "INFN", "GRND", "PRTS")


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _lemmas(t: Token) -> tuple[str, ...]:
    return t.an.lemmas or (t.lower,)


def _kind_of_token(t: Token, lex: SourceLexicon) -> str | None:
    if _pos(t) in ("PREP", "CONJ", "PRCL"):
        return None   # "после" read as a form of "посол" names no ambassador
    for lem in _lemmas(t):
        k = lex.kinds.get(lem)
        if k:
            return k
    return lex.kinds.get(t.lower)


def _is_strip(t: Token, lex: SourceLexicon) -> bool:
    return t.lower in lex.strip or any(lem in lex.strip for lem in _lemmas(t))


def _is_stop(t: Token, lex: SourceLexicon) -> bool:
    return t.lower in lex.stop or t.an.lemma in lex.stop or _pos(t) in ("NPRO", "CONJ", "PRCL")


def _time_like(t: Token) -> bool:
    return (t.text[:1].isdigit() or _pos(t) in ("ADVB", "PRCL") or t.lower in words().time
            or t.an.lemma in words().time)




_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


def _is_place(t: Token, lang: str) -> bool:
    return "Geox" in t.an.tags or (not t.text[:1].isascii() and _place_reading(_mlang(t, lang), t.text.lower()))


@lru_cache(maxsize=20000)
def _place_reading(lang: str, word: str) -> bool:
    parses = analyzer(lang).parse(word)[:3]
    tags = [_tagset(p) for p in parses]
    return any("Geox" in t for t in tags) and not any(_NAME_TAGS & t for t in tags)


@lru_cache(maxsize=20000)
def _person_reading(lang: str, word: str) -> bool:
    return any(_NAME_TAGS & _tagset(p) for p in analyzer(lang).parse(word))


@lru_cache(maxsize=20000)
def _patronymic(lang: str, word: str) -> bool:
    """Some reading of the word is a patronymic ("Николаевна", "Петрович")."""
    return lang in ("uk", "ru") and any("Patr" in _tagset(p) for p in analyzer(lang).parse(word))


def _maybe_name(t: Token, lang: str) -> bool:
    return not t.text[:1].isascii() and _name_reading(_mlang(t, lang), t.text.lower())


@lru_cache(maxsize=20000)
def _name_reading(lang: str, word: str) -> bool:
    return any(_PROPER & _tagset(p) for p in analyzer(lang).parse(word))


def _known(t: Token, lang: str) -> bool:
    return _word_known(_mlang(t, lang), t.text.lower())


@lru_cache(maxsize=20000)
def _word_known(lang: str, word: str) -> bool:
    return bool(analyzer(lang).word_is_known(word))   # token indices that open a sentence (set per document)


def _name_like(t: Token, lex: SourceLexicon, cyrillic_doc: bool) -> bool:
    """Could start or continue a proper name: capitalised noun-ish word, or Latin in Cyrillic text.
    Inside a sentence a capital letter decides (pymorphy3 may read a foreign surname such as "Мбеки" as a verb); at a
    sentence start the word must also parse as a noun or adjective."""
    if not t.text[:1].isalpha() or _is_stop(t, lex):
        return False
    if cyrillic_doc and _latin(t):
        return True
    if not _cap(t) or t.lower in words().time:
        return False
    if t.i not in lex.first and _pos(t) not in ("PREP", "CONJ", "PRCL", "NPRO", "INTJ"):
        return True
    if cyrillic_doc and not (_PROPER & t.an.tags) and _known(t, lex.lang) and not _maybe_name(t, lex.lang) \
            and not words().surname.search(t.text):
        return False   # "Шахтеры заявили": a common word capitalised by the sentence start
    return _pos(t) in (None, "NOUN", "ADJF", "UNKN", "LATN", "PRTF", "NUMR") or "UNKN" in t.an.tags


def _np_word(t: Token, lex: SourceLexicon, cyrillic_doc: bool, have_head: bool) -> bool:
    """Lower-case word that may belong to a source phrase: a kind word, an adjective before the
    head, or a genitive dependent after it ("пресслужба поліції області")."""
    if not t.text[:1].isalpha() or _is_stop(t, lex):
        return False
    if _kind_of_token(t, lex) or _is_strip(t, lex) or (not have_head and any(
            lem in lex.roles or lem in lex.quantities for lem in _lemmas(t))):
        return True   # a role noun before a name: "шахтер Иван Петров"
    if lex.lang == "en":
        return False
    if have_head and ("’" in t.text or "ʼ" in t.text):
        # "здоров’я": pymorphy3 knows the word with a straight apostrophe only
        return _apostrophe_gent(lex.lang, t.text.replace("’", "'").replace("ʼ", "'"))
    pos = _pos(t)
    if not have_head:
        return pos in ("ADJF", "PRTF") and t.lower not in words().time
    return pos in ("NOUN", "ADJF", "PRTF") and (_case(t) == "gent" or _has_case(t, "gent", lex.lang))



def _apostrophe_gent(lang: str, word: str) -> bool:
    """A noun that can be a genitive dependent (or does not inflect): "здоров'я", "об'єднання"."""
    return any(p.tag.POS == "NOUN" and (p.tag.case == "gent" or "Fixd" in _tagset(p))
               for p in analyzer("uk" if lang == "uk" else "ru").parse(word.lower()))


def _domain_at(toks: list[Token], k: int) -> bool:
    """A lower-case site name: "новостирегиона.рф", "example.ru" (word, dot, short zone, glued)."""
    return k + 2 < len(toks) and toks[k].text[:1].isalnum() and toks[k + 1].text == "." \
        and _glued(toks[k], toks[k + 1]) and _glued(toks[k + 1], toks[k + 2]) \
        and toks[k + 2].text.isalpha() and 2 <= len(toks[k + 2].text) <= 4 and toks[k + 2].text.islower()



_EN_LINKS = {"of", "for", "on", "to"}
_EN_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
_EN_NOT_MODIFIERS = {"by", "from", "with", "of", "for", "to", "at", "statement", "report", "according", "said"}
_EN_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}


def _en_link(toks: list[Token], k: int) -> bool:
    """An English name continues through a small word between capitalised ones: "Commission on
    Human Rights", "Committee to Protect Journalists", "Office of the High Commissioner",
    "Ministry of Labour and Social Policy" ("and" only after such a link: "Amnesty International
    and Human Rights Watch" are two names)."""
    if k <= 0 or k + 1 >= len(toks):
        return False
    w, prev, nxt = toks[k].lower, toks[k - 1], toks[k + 1]
    if w in _EN_LINKS:
        return _cap(prev) and (_cap(nxt) or (nxt.lower == "the" and k + 2 < len(toks) and _cap(toks[k + 2])))
    if w == "the":
        return prev.lower in _EN_LINKS and _cap(nxt) and k >= 2 and _cap(toks[k - 2])
    if w == "and" and _cap(prev) and _cap(nxt):
        m = k - 1
        while m > 0 and _cap(toks[m]) and m > k - 5:
            m -= 1
        return toks[m].lower in _EN_LINKS and m > 0 and _cap(toks[m - 1])
    return False


def _is_verb_en(t: Token, lex: SourceLexicon) -> bool:
    return any(lem in lex.verbs for lem in _lemmas(t)) or t.lower in ("is", "was", "were", "are", "has", "have")



# ---------------------------------------------------------------------------------------------
# names in the nominative


def _match_case(orig: str, word: str) -> str:
    if orig.isupper() and len(orig) > 1:
        return word.upper()
    if orig[:1].isupper():
        # keep inner capitals of the original (Нацполіція, МакКейн) where the stem is unchanged
        common = 0
        while common < min(len(orig), len(word)) and orig[common].lower() == word[common]:
            common += 1
        return orig[:common] + word[common:]
    return word


@lru_cache(maxsize=50000)
def _to_nominative(word: str, lang: str, case: str | None, name: bool, gender: str | None = None,
                   surname: bool = False) -> str:
    """A word of a source phrase in the nominative; unchanged when it is not in `case`."""
    if case in (None, "nomn") or lang not in ("uk", "ru", "be", "kk", "ky") or not word[:1].isalpha() \
            or word[:1].isascii():
        return word
    parses = analyzer("uk" if lang == "uk" else "ru").parse(word.lower())
    cands = [p for p in parses if p.tag.case == case]
    if name:
        cands = [p for p in cands if _NAME_TAGS & _tagset(p)] or cands
        if surname:
            cands = [p for p in cands if "Surn" in _tagset(p)] or cands
    if gender:
        cands = [p for p in cands if (str(p.tag.gender) if p.tag.gender else None) in (gender, None)] or cands
    if not cands:
        return word
    p = cands[0]
    if "Fixd" in _tagset(p):
        return word
    form = p.inflect({"nomn"})
    return _match_case(word, form.word) if form else word


def _unknown_surname(word: str, gender: str, guess: str) -> str:
    """The nominative of a genitive surname by its ending, as the first name's gender declines it;
    the dictionary's guess where no ending rule fits."""
    for gen, nom in words().surname_gent.get(gender, ()):
        if word.lower().endswith(gen) and len(word) > len(gen) + 2:
            return _match_case(word, word[:len(word) - len(gen)].lower() + nom)
    return guess


def _agreed_gender(adjectives: list[Token], lang: str, case: str) -> str | None:
    """The gender the adjectives before a noun show in its case, when they show one: the noun's
    reading must agree ("міській раді" is рада's, not рад's)."""
    for t in adjectives:
        if _pos(t) not in ("ADJF", "PRTF"):
            continue
        got = {str(p.tag.gender) for p in analyzer("uk" if lang == "uk" else "ru").parse(t.text.lower())
               if p.tag.case == case and p.tag.number != "plur" and p.tag.gender}
        if len(got) == 1:
            return got.pop()
    return None


def _name_text(text: str, run: list[Token], a: int, b: int, lang: str, case: str | None, person: bool) -> str:
    if case in (None, "nomn") or any(t.text in _QUOTES for t in run):
        return text[a:b]
    gender = None
    parts: list[str] = []
    pos = a
    words = [t for t in run if a <= t.start and t.end <= b]
    # an organisation's leading adjectives and its head noun inflect ("Морських сил" -> "Морські сили")
    lead = 0
    while not person and lead < len(words) - 1 and _pos(words[lead]) in ("ADJF", "PRTF"):
        lead += 1
    if lead:
        gender = _agreed_gender(words[:lead], lang, case)   # "міській раді": рада, not рад
    for m, t in enumerate(words):
        parts.append(text[pos:t.start])
        # the last word of a person's name is the surname: prefer surname readings for it
        # an organisation's name inflects its head only ("МИД Чили" keeps "Чили")
        w = _to_nominative(t.text, lang, case, person, gender, person and m == len(words) - 1 and m > 0) \
            if person or m <= lead else t.text
        if person and gender and m == len(words) - 1 and m > 0 and case == "gent" and (
                w == t.text or not any("Surn" in _tagset(x) for x in analyzer("uk" if lang == "uk" else "ru").parse(t.lower))):
            # "Кирилла Жмыхова": a surname no dictionary knows declines by its ending, not by a guess
            w = _unknown_surname(t.text, gender, w)
        if person and gender is None and w != t.text:
            p = analyzer("uk" if lang == "uk" else "ru").parse(w.lower())
            gender = next((str(x.tag.gender) for x in p if _NAME_TAGS & _tagset(x) and x.tag.gender), None)
        parts.append(w)
        pos = t.end
    return "".join(parts)


def _common_text(text: str, toks: list[Token], lang: str, case: str | None) -> str:
    """A common-noun phrase in the nominative: the head and its adjectives inflected, genitive
    dependents kept ("пресслужби поліції області" -> "пресслужба поліції області")."""
    if case in (None, "nomn"):
        return text[toks[0].start:toks[-1].end]
    head_i = next((m for m, t in enumerate(toks) if _pos(t) == "NOUN"), 0)
    head = toks[head_i]
    head_nom = _to_nominative(head.text, lang, case, False, _agreed_gender(toks[:head_i], lang, case))
    gender = None
    hp = analyzer("uk" if lang == "uk" else "ru").parse(head_nom.lower()) if lang != "en" else []
    if hp and hp[0].tag.gender:
        gender = str(hp[0].tag.gender)
    parts: list[str] = []
    pos = toks[0].start
    for m, t in enumerate(toks):
        parts.append(text[pos:t.start])
        if m < head_i:
            parts.append(_to_nominative(t.text, lang, case, False, gender))
        elif m == head_i:
            parts.append(head_nom)
        elif m == head_i + 2 and toks[head_i + 1].text == "," and _pos(t) in ("ADJF", "PRTF"):
            parts.append(_to_nominative(t.text, lang, case, False, gender))   # "источников, близких к …"
        else:
            parts.append(t.text)
        pos = t.end
    return "".join(parts)



def _nominative_ok(ph: list[Token], lang: str) -> bool:
    """A verb's subject must be able to be nominative (not "розповів Новинам Полісся", "закликав Іванова"):
    the first noun of the phrase decides, or a capitalised name."""
    if any(_cap(t) and (words().surname.search(t.text) or not _known(t, lang)) and not words().oblique_plural.search(t.text)
           for t in ph[:1]):
        return True   # a surname, or a foreign name pymorphy3 only guesses at ("Тунде Олувасеун")
    if any(_cap(t) and words().surname.search(t.text) and (_NAME_TAGS & t.an.tags or not _known(t, lang)) for t in ph[1:]):
        return True   # "Арман Жумабеков": a surname form, whatever case pymorphy3 guesses
    if len(ph) > 1 and not _cap(ph[0]) and any(lem in lexicon(lang).proxies for lem in _lemmas(ph[0])):
        # "кореспондент Віледжа": staff before the body they speak for; the staff noun decides
        return _case(ph[0]) == "nomn" or _can_be_nomn(ph[0], lang)
    named = [t for t in ph if _NAME_TAGS & t.an.tags and _cap(t)]
    if named and len(named) < len(ph):
        return _case(named[0]) == "nomn" or _can_be_nomn(named[0], lang)   # the person decides, not the role
    for t in ph:
        if not t.text[:1].isalpha() or t.text[:1].isascii():
            if t.text[:1].isascii() and t.text[:1].isalpha():
                return True
            continue
        if _cap(t) and (_NAME_TAGS & t.an.tags or _pos(t) not in ("NOUN", "ADJF", "PRTF")):
            return _can_be_nomn(t, lang)
        if _pos(t) == "NOUN" or (_pos(t) in ("ADJF", "PRTF") and _cap(t)):
            return _case(t) == "nomn" or _can_be_nomn(t, lang)
        if _pos(t) in ("ADJF", "PRTF") and _case(t) != "nomn" and not _can_be_nomn(t, lang):
            return False   # "призвала привитых граждан": an oblique adjective opens an object
    return False


@lru_cache(maxsize=20000)
def _nomn_forms(lang: str, word: str, names_only: bool = False) -> bool:
    parses = analyzer(lang).parse(word)
    if names_only:
        named = [p for p in parses if _NAME_TAGS & _tagset(p)]
        parses = named or parses
    # a reading without case (the uk dictionary leaves some nouns so) does not rule nominative out
    return any(p.tag.case is None or p.tag.case == "nomn" or "Fixd" in _tagset(p) for p in parses)


@lru_cache(maxsize=20000)
def _case_forms(lang: str, word: str) -> frozenset[str]:
    return frozenset(str(p.tag.case) for p in analyzer(lang).parse(word) if p.tag.case) | (
        frozenset({"gent", "nomn"}) if any("Fixd" in _tagset(p) for p in analyzer(lang).parse(word)) else frozenset())


def _mlang(t: Token, lang: str) -> str:
    """The dictionary to ask: the document's (quoted Russian in Ukrainian text shows its letters)."""
    if lang == "uk" or any(c in own_letters("uk") for c in t.text.lower()):
        return "uk"
    return "ru"


def _has_case(t: Token, case: str, lang: str) -> bool:
    if not t.text[:1].isalpha() or t.text[:1].isascii():
        return False
    return case in _case_forms(_mlang(t, lang), t.text.lower())


def _can_be_nomn(t: Token, lang: str) -> bool:
    """Some reading of the word is nominative (for a capitalised word: some reading as a name)."""
    if t.text[:1].isascii():
        return True
    names = _cap(t)
    lang = _mlang(t, lang)
    w = t.text.lower()
    # a Russian reading only for words the Ukrainian dictionary does not know (quoted Russian)
    return _nomn_forms(lang, w, names) or (lang == "uk" and not _word_known("uk", w) and _nomn_forms("ru", w, names))



_EN_PREPS = {"in", "at", "from", "on", "near", "outside", "inside", "across", "around", "throughout"}


def _is_prep(t: Token) -> bool:
    """A preposition: pymorphy3's reading, or one of the few it misreads, or an English one."""
    return _pos(t) == "PREP" or t.lower in words().preps or (t.an.pos is None and t.lower in _EN_PREPS)


def _agrees(ph: list[Token], verb: Token, lang: str) -> bool:
    """A singular past verb agrees in gender with a personal name ("закликав Іваніна" is no subject:
    the feminine nominative reading of "Іваніна" does not fit "закликав")."""
    tags = verb.an.tags
    gender = next((g for g in ("masc", "femn", "neut") if g in tags), None)
    if gender is None or "plur" in tags:
        return True
    names = [q for q in ph if _NAME_TAGS & q.an.tags]
    if not names or any(words().surname.search(q.text) and not _known(q, lang) for q in names):
        return True   # an unknown surname form ("Жумабеков") carries no reliable gender or case
    return any(_gender_reading(_mlang(q, lang), q.text.lower(), gender) or not _oblique_reading(_mlang(q, lang), q.text.lower())
               for q in names)


@lru_cache(maxsize=20000)
def _oblique_reading(lang: str, word: str) -> bool:
    return any(p.tag.case and str(p.tag.case) != "nomn" for p in analyzer(lang).parse(word))


@lru_cache(maxsize=20000)
def _gender_reading(lang: str, word: str, gender: str) -> bool:
    for p in analyzer(lang).parse(word):
        g = str(p.tag.gender) if p.tag.gender else None   # pymorphy3 rejects comparing unknown grammemes
        if "Fixd" in _tagset(p) or (str(p.tag.case) == "nomn" and g in (gender, None, "ms-f")):
            return True
    return False

