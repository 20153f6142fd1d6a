"""Who said quoted words: the speech verb attached to a passage, its subject, the role, the outlet.

The speaker is the subject of the verb of saying, resolved through the light coreference: the
attribution the sources stage found in the verb's clause (its name already completed from a full
name elsewhere), else the verb's subject phrase as written ("a protester", "собеседник издания"),
else, for a pronoun or an unexpressed subject ("– додав він", "– розповідає."), the person who spoke
or was named last. The role comes from an apposition at any mention of the person; the outlet the
words were said to from the sentence ("told Reuters", "в ефірі X", "пише X") or from an earlier
quote of the same person. Words come from `lexicons/<lang>/quotes.toml` and `sources.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...resources import LEXICON_LANGS, lexicon_lang, load_lexicon
from ...text.clauses import clause_of
from ...text.doc import Doc, Token
from ..context import Context
from ..mentions import Attribution
from .coref import _name_gender, _role_word, name_pairs, person_words, role_after, role_before, role_predicate
from .cues import _verb_subject
from .lexicon import SourceLexicon, fold, known_names, lexicon, own_letters, reader, words
from .names import _can_be_nomn, _is_strip, _is_verb, _kind_of_token, _known, _lemmas, _to_nominative
from .phrases import Phrase, _phrase_right, resolve

RELAY_KINDS = ("outlet", "news_agency", "telegram", "social_media")
_PERSONAL = ("official", "police", "witness", "ngo", "other")


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    verbs: frozenset[str]     # lemmas that report words said: source cue verbs and plain speech verbs
    chants: frozenset[str]    # words shouted together ("скандировали"): the crowd speaks
    authors: frozenset[str]   # "пише газета X": an outlet subject of these wrote the words itself
    via: re.Pattern[str] | None
    via_cases: tuple[str, ...]


@cache
def quote_lexicon(lang: str) -> QuoteLexicon:
    lang = lexicon_lang(lang)
    lex = load_lexicon(lang, "quotes")
    for key in ("chant_verbs", "speech_verbs"):
        got = lex.get(key, [])
        if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
            raise ValueError(f"lexicons/{lang}/quotes.toml: {key} must be a list of strings")
    via = lex.get("via", {})
    pats = list(via)
    rx = re.compile("(?<!\\w)(?:" + "|".join(f"({p})" for p in pats) + ")", re.I) if pats else None
    chants = frozenset(lex.get("chant_verbs", ()))
    return QuoteLexicon(
        verbs=frozenset(lex.get("speech_verbs", ())) | chants | lexicon(lang).verbs,
        chants=chants, authors=frozenset(lex.get("author_verbs", ())), via=rx, via_cases=tuple(via[p] for p in pats))


def says(t: Token, ql: QuoteLexicon, lang: str) -> bool:
    """The token is a verb of saying (a chant noun counts: "під скандування «…»")."""
    if not t.text[:1].isalpha():
        return False
    lems = _lemmas(t)
    if any(lem in ql.chants for lem in lems):
        return True
    if not any(lem in ql.verbs for lem in lems) and t.lower not in ql.verbs:
        return False
    return lang == "en" or _is_verb(t)


def chanted(t: Token, ql: QuoteLexicon) -> bool:
    return any(lem in ql.chants for lem in _lemmas(t))


@dataclass(slots=True)
class Speaker:
    name: str
    start: int
    end: int
    person: bool            # a named person (roles and vias are kept for them)
    role: str | None = None  # the role the text called them by where they speak ("– пише поетеса")


@dataclass(slots=True)
class SpeechMemory:
    """What earlier quotes of one article established (passed along, never global)."""

    last: Speaker | None = None
    vias: dict[str, str] = field(default_factory=dict)    # folded speaker -> outlet
    roles: dict[str, str] | None = None                   # folded person -> role, built on first use


def clause_range(doc: Doc, i: int) -> tuple[int, int]:
    """Character range of the clause holding token i (the sentence when the splitter has none)."""
    c = clause_of(doc, i)
    if c is not None:
        return c.start, c.end
    s = doc.sentences[doc.tokens[i].sent]
    return s.start, s.end


def speaker_for(ctx: Context, mem: SpeechMemory, verb_i: int | None, lo: int, hi: int, anchor: int,
                quote: tuple[int, int], statement: bool = False) -> Speaker | None:
    """The subject of the speech verb at token verb_i, with its attribution clause [lo, hi)."""
    doc = ctx.doc
    qa, qb = quote
    near = sorted((x for x in ctx.attributions if lo <= x.start < hi and x.kind not in RELAY_KINDS
                   and not (qa <= x.start < qb)), key=lambda x: abs(x.start - anchor))
    if near:
        x = near[0]
        if not _is_person(x):
            # "– пояснив співробітник інституту": the person the text gave that role before
            k = doc.token_at(x.start)
            role_of = _by_role(ctx, mem, doc.tokens[k:doc.token_at(max(x.end - 1, x.start)) + 1], reader(doc), qa) \
                if x.name[:1].islower() or doc.tokens[k].start == doc.sentences[doc.tokens[k].sent].start else None
            if role_of is not None:
                return role_of
        return Speaker(x.name, x.start, x.end, _is_person(x))
    if verb_i is not None and qb <= doc.tokens[verb_i].start:
        # '"…," Tom Baker, director of Netwatch, told …': a name between the quote and its verb
        between = [p for p in name_pairs(doc) if qb <= p.start and p.end <= doc.tokens[verb_i].start
                   and doc.sentence_of(p.start) == doc.tokens[verb_i].sent]
        if between:
            p = between[0]
            return Speaker(p.full, p.start, p.end, True)
    if verb_i is not None and qb <= doc.tokens[verb_i].start and doc.lang != "en":
        # '«…», — розповіла в коментарі «X» мешканка Ірпеня Ірина Бойко': a name after the verb and
        # a phrase of its own, in the verb's clause, when no attribution took it
        v = doc.tokens[verb_i]
        relays = [x for x in ctx.attributions if x.kind in RELAY_KINDS]
        later = [p for p in name_pairs(doc) if v.end <= p.start and p.start - v.end < 80
                 and doc.sentence_of(p.start) == v.sent
                 and not any(x.start < p.end and p.start < x.end for x in relays)]
        if later and not any(x.start < later[0].start and x.end > v.end and x.kind not in RELAY_KINDS
                             for x in ctx.attributions if doc.sentence_of(x.start) == v.sent) \
                and _verb_subject(doc.sent_toks(v.sent), v.i - doc.sent_toks(v.sent)[0].i, reader(doc),
                                  doc.lang != "en", set()) is None:
            p = later[0]
            return Speaker(p.full, p.start, p.end, True)
    if statement:   # '"…", – йдеться в повідомленні.': the body the text named before
        named = [x for x in ctx.attributions if x.end <= qa and doc.sentence_of(x.start) >= doc.sentence_of(qa) - 3]
        if named:
            x = named[-1]
            return Speaker(x.name, x.start, x.end, _is_person(x))
    cue_phrase = verb_i is not None and not says(doc.tokens[verb_i], quote_lexicon(doc.lang), doc.lang)
    if verb_i is None or cue_phrase:
        # "According to the mayor, Helen Park, «…»": a cue phrase, not a verb; the person it names
        pairs = [p for p in name_pairs(doc) if lo <= p.start < hi and not (qa <= p.start < qb)]
        if pairs:   # a person the introducing sentence names without a cue of their own
            p = pairs[-1]
            return Speaker(p.full, p.start, p.end, True)
        if verb_i is None:
            return mem.last
    toks = doc.sent_toks(doc.tokens[verb_i].sent)
    x0 = verb_i - toks[0].i
    pron = _pronoun_subject(toks, x0)
    if pron is not None:
        return _antecedent(ctx, mem, qa, pron)
    if _no_subject(toks, x0):
        return mem.last or _last_person(ctx, qa)
    lex = reader(doc)
    inside = {t.i for t in toks if qa - 1 <= t.start < qb + 1}   # the quote is not its own speaker
    got = _verb_subject(toks, x0, lex, lex.lang != "en", inside)
    if got is not None and all(t.lower in words().as_words for t in got[0] if t.text[:1].isalpha()):
        got = None   # "Как сказал X": the capitalised "как" opens the sentence, it names no one
    if got is None:
        # "a miner told …": a plain noun phrase before the verb, as written
        left = [t for t in toks[:x0] if t.start >= lo and t.text[:1].isalpha() and t.i not in inside]
        if 1 <= len(left) <= 3 and all(t.text[:1].islower() or (t.i in lex.first and _known(t, lex.lang))
                                       for t in left) \
                and not any(t.lower in words().pronouns or t.lower in words().as_words or _is_verb(t)
                            or t.an.pos == "NPRO" for t in left) \
                and (lex.lang == "en" or _can_be_nomn(left[-1], lex.lang)):
            words_ = [t for t in left if t.lower not in ("a", "an", "the")]
            if words_:
                return Speaker(doc.text[words_[0].start:words_[-1].end], words_[0].start, words_[-1].end, False)
        # "— говорит 45-летний учитель": a role after the verb that no phrase took
        after = [t for t in toks[x0 + 1:x0 + 6] if t.text[:1].isalpha() and t.i not in inside]
        by_role = _by_role(ctx, mem, after[:3], lex, qa) if after and lex.lang != "en" else None
        return by_role or _right_phrase(toks, x0, lex) or mem.last
    ph, case = got
    if ph[0].start >= qa and ph[-1].end <= qb:
        return None
    r = resolve(Phrase(ph, case), lex, doc)
    if r is not None and r.kind in RELAY_KINDS:
        # "пише газета X": the outlet wrote the words; "– передає X": it relays the last speaker's
        if any(lem in quote_lexicon(doc.lang).authors for lem in _lemmas(doc.tokens[verb_i])):
            return Speaker(r.name, r.start, r.end, False)
        return mem.last or _last_person(ctx, qa)
    if r is not None:
        return Speaker(r.name, r.start, r.end, _personal_name(r.name, r.kind))
    if r is None and any(t.text[:1].isalpha() for t in ph):
        # a role or a group with no name ("a protester", "собеседник издания"): the person the text
        # gave that role before, else the words as written
        by_role = _by_role(ctx, mem, ph, lex, qa)
        if by_role is not None:
            return by_role
        while len(ph) > 1 and ph[0].lower in ("a", "an", "the", "another"):
            ph = ph[1:]
        return Speaker(doc.text[ph[0].start:ph[-1].end], ph[0].start, ph[-1].end, False)
    return None


def _is_person(x: Attribution) -> bool:
    return _personal_name(x.name, x.kind)


def _personal_name(name: str, kind: str) -> bool:
    """A person's name: one to four capitalised words ("Ганна Коваль", "Mary J. Doyle")."""
    parts = name.split()
    return kind in _PERSONAL and 1 <= len(parts) <= 4 and all(w[:1].isupper() for w in parts) \
        and not name.isupper()


def _pronoun_subject(toks: list[Token], x: int) -> str | None:
    """ "– додав він", "he said": the gender of a personal pronoun right by the verb."""
    genders = quote_lexicon_pronouns()
    near = toks[max(0, x - 2):x] + toks[x + 1:x + 3]
    return next((genders[t.lower] for t in near if t.lower in genders), None)


@cache
def quote_lexicon_pronouns() -> dict[str, str]:
    """Pronoun -> gender, merged over languages (quotes.toml [pronouns])."""
    out: dict[str, str] = {}
    for lang in LEXICON_LANGS:
        for w, g in load_lexicon(lang, "quotes").get("pronouns", {}).items():
            if g not in ("masc", "femn"):
                raise ValueError(f"lexicons/{lang}/quotes.toml: pronoun {w!r} needs masc or femn")
            out[w.lower()] = g
    return out


def _people_before(ctx: Context, before: int) -> list[tuple[int, Speaker, str | None]]:
    """People named before an offset, in text order: name pairs and person attributions (a surname
    alone included), with the first name's gender where known."""
    doc = ctx.doc
    out = [(p.start, Speaker(p.full, p.start, p.end, True), p.gender) for p in name_pairs(doc) if p.end <= before]
    for x in ctx.attributions:
        if x.end <= before and _is_person(x):
            first = x.name.split()[0].lower()
            g = _name_gender(_mlang_of(first, doc.lang), first) if " " in x.name else None
            out.append((x.start, Speaker(x.name, x.start, x.end, True), g))
    out.sort(key=lambda e: e[0])
    return out


def _mlang_of(word: str, lang: str) -> str:
    return "uk" if lang == "uk" or any(c in own_letters("uk") for c in word) else "ru"


def _antecedent(ctx: Context, mem: SpeechMemory, before: int, gender: str) -> Speaker | None:
    """The person a pronoun stands for: the last one named in the three sentences before it whose
    first name has the pronoun's gender (or whose gender the text does not show), else the last speaker."""
    doc = ctx.doc
    since = doc.sentences[max(0, doc.sentence_of(before) - 3)].start
    fits = [sp for pos, sp, g in _people_before(ctx, before) if pos >= since and g in (gender, None)]
    if fits:
        return fits[-1]
    return mem.last or _last_person(ctx, before)


def _role_lemmas(doc: Doc, start: int, end: int) -> set[str]:
    """Lemmas of the role written before or after a name at [start, end)."""
    out: set[str] = set()
    before = role_before(doc, start)
    if before:
        a = doc.text.rfind(before, 0, start)
        out |= {lem for t in doc.tokens[doc.token_at(a):doc.token_at(start)] for lem in _lemmas(t)}
    after = role_after(doc, end)
    if after:
        a = doc.text.find(after, end)
        out |= {lem for t in doc.tokens[doc.token_at(a):doc.token_at(a + len(after)) + 1] for lem in _lemmas(t)}
    return out


def _by_role(ctx: Context, mem: SpeechMemory, ph: list[Token], lex: SourceLexicon, before: int) -> Speaker | None:
    """ "– запевнив міністр": the person named before with that role word in their role ("премʼєр"
    for "премʼєр-міністр" too); else, for a role in the singular ("— говорит 45-летний учитель",
    "рассказывает женщина"), the person named last in the three sentences before, when the genders
    do not disagree."""
    persons = person_words(ctx.doc.lang)
    head = next((t for t in ph if t.text[:1].isalpha() and (_role_word(t, lex) or persons & set(_lemmas(t)))),
                None)
    if head is None:
        return None
    lems = set(_lemmas(head))
    person_only = bool(lems & persons)
    doc = ctx.doc
    people = _people_before(ctx, before)
    for _pos, sp, _g in reversed(people):
        roles = _role_lemmas(doc, sp.start, sp.end)
        if lems & (roles | {r.split("-")[0] for r in roles}):
            return sp
    said = None if person_only else _role_text(doc, ph, head)
    # a person's role only (an office or a ministry is no one named before)
    if "plur" in head.an.tags or len(ph) > 4 or not ("anim" in head.an.tags or lems & lex.roles or person_only):
        return None
    since = doc.sentences[max(0, doc.sentence_of(before) - 3)].start
    recent = [(sp, g) for pos, sp, g in people if pos >= since]
    if not recent:
        return None
    sp, g = recent[-1]
    mine = "femn" if "femn" in head.an.tags else ("masc" if "masc" in head.an.tags else None)
    return Speaker(sp.name, sp.start, sp.end, sp.person, said) if g is None or mine is None or g == mine else None


def _role_text(doc: Doc, ph: list[Token], head: Token) -> str | None:
    """The role word and its genitive dependents as written, in the nominative ("поетеса",
    "39-летний активист" -> "активист")."""
    k = next((n for n, t in enumerate(ph) if t.i == head.i), None)
    if k is None or head.an.case not in (None, "nomn"):
        return None
    end = k + 1
    while end < len(ph) and ph[end].text[:1].isalpha() and ph[end].an.case == "gent":
        end += 1
    return doc.text[ph[k].start:ph[end - 1].end]


def _no_subject(toks: list[Token], x: int) -> bool:
    """ "…, – розповідає." / "…, — добавил.": the verb ends the clause with no words after it."""
    after = toks[x + 1:x + 2]
    return not after or after[0].text in ".!?…"


def _last_person(ctx: Context, before: int) -> Speaker | None:
    people = [x for x in ctx.attributions if x.end <= before and _is_person(x)]
    if not people:
        return None
    x = people[-1]
    return Speaker(x.name, x.start, x.end, True)


def role_for(ctx: Context, mem: SpeechMemory, sp: Speaker) -> str | None:
    """The role in an apposition at this mention, else at any mention of the same person."""
    if not sp.person:
        return None
    if sp.role:   # the role the text calls the person by where they speak
        return sp.role
    doc = ctx.doc
    here = _role_at(doc, sp.start, sp.end)
    if here:
        return here
    if mem.roles is None:
        # every mention of a person: attributions and first-name-and-surname pairs; a surname
        # alone ("– сказав Коваль") finds the role given with the full name
        mem.roles = {}
        mentions = [(x.name, x.start, x.end) for x in ctx.attributions if _is_person(x)]
        mentions += [(p.full, p.start, p.end) for p in name_pairs(doc)]
        for name, a, b in sorted(mentions, key=lambda m: m[1]):
            r = _role_at(doc, a, b)
            if r:
                mem.roles.setdefault(fold(name), r)
                if " " in name:
                    mem.roles.setdefault(fold(name.split()[-1]), r)
    got = mem.roles.get(fold(sp.name))
    if got is None and " " in sp.name:
        got = mem.roles.get(fold(sp.name.split()[-1]))
    return got


def _role_at(doc: Doc, start: int, end: int) -> str | None:
    """The role written at one mention of a person: before the name, in an apposition after it,
    or said of the person after a dash or a copula."""
    # a mention inside a name ("Комытова" of "Акторе Комытова"): the role stands before the whole name
    start = next((p.start for p in name_pairs(doc) if p.start < start < p.end), start)
    before = role_before(doc, start)
    if before:
        return _nominative_role(doc, _lower_start(doc, before, start), start)
    r = role_after(doc, end)
    if r:
        return _lower_start(doc, r, start)
    return role_predicate(doc, end)


def _nominative_role(doc: Doc, role: str, name_start: int) -> str:
    """A role before a name in an oblique case takes the nominative up to its head role word
    ("за словами заступника мера X" -> "заступник мера")."""
    if doc.lang == "en":
        return role
    k = doc.token_at(name_start)
    case = doc.tokens[k].an.case
    if case in (None, "nomn"):
        return role
    a = doc.text.rfind(role, 0, name_start + 1)
    if a < 0:
        return role
    lex = reader(doc)
    toks = [t for t in doc.tokens[doc.token_at(a):k] if t.start >= a]
    head = next((t for t in toks if _role_word(t, lex)), None)
    if head is None:
        return role
    # the adjectives agree with the head noun: its gender picks their reading ("старшего" -> "старший")
    gender = next((g for g in ("masc", "femn", "neut") if g in head.an.tags), None)
    out: list[str] = []
    pos = a
    for t in toks:
        w = doc.text[t.start:t.end]
        if t.an.case == case:
            w = _to_nominative(w, doc.lang, case, False, gender)
            w = w[:1].upper() + w[1:] if doc.text[t.start:t.start + 1].isupper() else w
        out.append(doc.text[pos:t.start] + w)
        pos = t.end
        if _role_word(t, lex):
            out.append(doc.text[pos:a + len(role)])
            return "".join(out)
    return role


def via_for(ctx: Context, mem: SpeechMemory, sp: Speaker | None, si: int, quote: tuple[int, int]) -> str | None:
    """The outlet the words were said to or that relays them: in the cue's sentence, or the one an
    earlier quote of the same speaker had."""
    doc = ctx.doc
    s = doc.sentences[si]
    qa, qb = quote
    got = next((x.name for x in ctx.attributions
                if s.start <= x.start < s.end and x.kind in RELAY_KINDS and not (qa <= x.start < qb)
                and not (sp is not None and x.start == sp.start)), None)
    if got is None:
        got = _via_phrase(doc, s.start, s.end, quote) or _told_agency(doc, qb, s.end)
    key = fold(sp.name) if sp is not None else ""
    if got is None and key:
        got = mem.vias.get(key)
    if got is None and sp is not None and sp.person:
        # "У коментарі виданню X Ганна Коваль розповіла …", "Ганна Коваль розповіла виданню X, що …",
        # "He told the Gazette that …": the outlet named where the person was introduced
        mentions = _mention_sentences(ctx, sp, qa)
        # the two mentions nearest before the quote, then the two where the person was introduced
        for si2 in list(dict.fromkeys(mentions[-2:][::-1] + mentions[:2])):
            fs = doc.sentences[si2]
            got = _via_phrase(doc, fs.start, fs.end, quote) or next(
                (x.name for x in ctx.attributions if fs.start <= x.start < fs.end and x.kind in RELAY_KINDS
                 and _addressed(doc, x.start)), None) or _addressed_outlet(doc, si2)
            if got is not None:
                break
    if got is None:
        # an article that cites one outlet throughout ("пише газета X … «…», — сказав Y"): it relays
        relays = {fold(x.name): x.name for x in ctx.attributions if x.kind in RELAY_KINDS
                  and x.kind != "social_media"}
        if len(relays) == 1:
            got = next(iter(relays.values()))
    if got is not None and key:
        mem.vias.setdefault(key, got)
    return got


def _mention_sentences(ctx: Context, sp: Speaker, before: int) -> list[int]:
    """Sentences before `before` that name the person (by full name or surname), each with the
    sentence after it when that one opens with a personal pronoun ("She told X that …")."""
    doc = ctx.doc
    keys = {fold(sp.name), fold(sp.name.split()[-1])}
    starts = [x.start for x in ctx.attributions if fold(x.name) in keys or fold(x.name.split()[-1]) in keys]
    starts += [p.start for p in name_pairs(doc) if p.last in keys or fold(p.full) in keys]
    out: list[int] = []
    for pos in sorted(set(starts)):
        if pos >= before:
            break
        si = doc.sentence_of(pos)
        nxt = si + 1
        for k in (si, nxt):
            if k < len(doc.sentences) and k not in out and (k == si or _opens_with_pronoun(doc, k)):
                out.append(k)
    return out


def _addressed_outlet(doc: Doc, si: int) -> str | None:
    """ "Про це виданню «X» заявив …": an outlet's kind word in the dative and its name, in a
    sentence with a verb of saying."""
    if doc.lang == "en":
        return None
    lex = reader(doc)
    toks = doc.sent_toks(si)
    if not any(says(t, quote_lexicon(doc.lang), doc.lang) for t in toks):
        return None
    for n, t in enumerate(toks):
        if t.an.case == "datv" and _kind_of_token(t, lex) in RELAY_KINDS:
            ph, _nk = _phrase_right(toks, n, lex, True)
            r = resolve(Phrase(ph, "datv"), lex, doc) if len(ph) > 1 else None
            if r is not None and r.kind in RELAY_KINDS:
                return r.name
    return None


def _opens_with_pronoun(doc: Doc, si: int) -> bool:
    toks = doc.sent_toks(si)
    return bool(toks) and toks[0].lower in quote_lexicon_pronouns()


def _addressed(doc: Doc, pos: int) -> bool:
    """The outlet at pos is the one the words were said to: in the dative or right after a verb of
    saying ("told The Record", "розповів Фактам"), not a source of its own ("за даними X")."""
    k = doc.token_at(pos)
    if doc.tokens[k].text in _QUOTE_MARKS and k + 1 < len(doc.tokens):
        k += 1   # '"Українській правді" заявив': the name inside its quote marks
    t = doc.tokens[k]
    prev = doc.tokens[k - 1] if k > 0 else None
    if prev is not None and prev.text in _QUOTE_MARKS and k > 1:
        prev = doc.tokens[k - 2]
    if prev is not None and says(prev, quote_lexicon(doc.lang), doc.lang):
        return True
    return doc.lang != "en" and t.an.case == "datv"


_QUOTE_MARKS = frozenset("«»„“”\"")


def _via_phrase(doc: Doc, a: int, b: int, quote: tuple[int, int]) -> str | None:
    """ "в ефірі X", "told X", "in an interview with X": the capitalised name after the phrase."""
    ql = quote_lexicon(doc.lang)
    if ql.via is None:
        return None
    lex: SourceLexicon = reader(doc)
    for m in ql.via.finditer(doc.text, a, b):
        if quote[0] <= m.start() < quote[1]:
            continue
        k = doc.token_at(m.end())
        while k < len(doc.tokens) and doc.tokens[k].start < m.end():
            k += 1
        toks = doc.sent_toks(doc.tokens[k].sent) if k < len(doc.tokens) else []
        j = next((n for n, t in enumerate(toks) if t.i == k), None)
        if j is None or not (toks[j].text[:1].isupper() or toks[j].text in _QUOTE_MARKS
                             or _kind_of_token(toks[j], lex) or _is_strip(toks[j], lex)):
            continue   # "в эфире телеканала «X»": a kind word and a quoted name are the outlet too
        ph, _nk = _phrase_right(toks, j, lex, lex.lang != "en")
        if not ph:
            continue
        case = ql.via_cases[(m.lastindex or 1) - 1]
        r = resolve(Phrase(ph, case), lex, doc)
        if r is not None and r.kind not in _PERSONAL[:2]:
            return r.name
    return None


def _told_agency(doc: Doc, b: int, end: int) -> str | None:
    """'"…," a protester told Reuters': the agency spoken to relays the quote (a known outlet only)."""
    m = words().told.search(doc.text, b, end)
    if m is None:
        return None
    name = m.group(1).rstrip(".-")
    return name if known_names().get(fold(name)) in RELAY_KINDS else None


def _lower_start(doc: Doc, role: str, near: int) -> str:
    """A role that opens its sentence loses the capital the sentence gave it ("Заступниця …")."""
    a = doc.text.rfind(role, 0, near + 1)
    if a < 0 or not role[:1].isupper() or doc.lang == "en":   # English titles keep their capitals
        return role
    t = doc.tokens[doc.token_at(a)]
    first = doc.sent_tokens[t.sent][0] == t.i
    proper = t.text.isupper() or bool({"Name", "Surn", "Geox", "Orgn", "Abbr"} & t.an.tags)
    return role[:1].lower() + role[1:] if first and not proper else role


def _right_phrase(toks: list[Token], x: int, lex: SourceLexicon) -> Speaker | None:
    """ "— уточнил источник газеты": a nominative noun after the verb and its genitive
    dependents, as written, when no name resolves."""
    i = x + 1
    if i < len(toks) and toks[i].text in _QUOTE_MARKS:   # "сказал „Газете“ собеседник": past the addressee
        close = next((m for m in range(i + 1, min(len(toks), i + 6)) if toks[m].text in _QUOTE_MARKS), None)
        i = close + 1 if close is not None else i
    while i < len(toks) and toks[i].text[:1].isupper() and toks[i].an.case == "datv":
        i += 1
    # adjectives before the noun ("— спросила пожилая женщина")
    h = i
    while h + 1 < len(toks) and h < i + 2 and toks[h].an.pos in ("ADJF", "PRTF") and toks[h].an.case == "nomn" \
            and toks[h + 1].an.pos in ("NOUN", "ADJF", "PRTF"):
        h += 1
    after = [t for t in toks[h:h + 4]]
    # a noun, or an adjective or participle standing for one ("— кричали протестующие.")
    noun_like = bool(after) and (after[0].an.pos == "NOUN" or (after[0].an.pos in ("ADJF", "PRTF") and (
        len(after) == 1 or after[1].an.pos not in ("NOUN", "ADJF", "PRTF"))))
    if not after or lex.lang == "en" or not after[0].text[:1].isalpha() or not noun_like \
            or after[0].an.case != "nomn" or after[0].lower in words().pronouns:
        return None
    after = toks[i:h] + after
    end = h - i + 1
    while end < len(after) and after[end].text[:1].isalpha() and after[end].an.pos in ("NOUN", "ADJF") \
            and after[end].an.case == "gent":
        end += 1
    a, b = after[0].start, after[end - 1].end
    return Speaker(" ".join(t.text for t in after[:end]), a, b, False)
