"""Cues: where the text attributes a claim, and the phrase that names the source.

Three kinds of cue, all from `resources/lexicons/<lang>/sources.toml`:
- a fixed phrase followed by the source ("за даними поліції", "со ссылкой на ТАСС", "according to X");
- a verb of saying with its subject on either side ("пише Telegram-канал X", "Іван Петренко заявив",
  "police said");
- a subjectless plural verb with a place-like source ("у поліції повідомили", "в МВД сообщили").
Only sentences holding a cue phrase or a verb of saying are read closely.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ...text.doc import Doc, Token
from .lexicon import _BARRIERS, _DASHES, _NAME_TAGS, _QUOTES, SourceLexicon, lexicon, reader, words
from .names import (
    _EN_DETERMINERS,
    _agrees,
    _can_be_nomn,
    _cap,
    _glued,
    _has_case,
    _is_place,
    _is_prep,
    _is_strip,
    _is_verb,
    _kind_of_token,
    _latin,
    _lemmas,
    _name_like,
    _nominative_ok,
    _pos,
    _time_like,
    _to_nominative,
)
from .phrases import Phrase, Resolved, _phrase_left, _phrase_right, resolve

# ---------------------------------------------------------------------------------------------
# cues


def _skip_right(toks: list[Token], j: int, lex: SourceLexicon) -> int:
    """Skip time phrases, adverbs and commas between a verb and a subject after it
    ("повідомив увечері в неділю, 3 травня, міністр …")."""
    n = len(toks)
    k = j
    steps = 0
    while k < n and steps < 10:
        t = toks[k]
        if t.text == "," or _time_like(t):
            k += 1
        elif _pos(t) == "PREP" and k + 1 < n and (_time_like(toks[k + 1]) or _pos(toks[k + 1]) in ("NUMR", "NPRO")):
            k += 1
        elif _pos(t) == "NPRO" and k > j and (_pos(toks[k - 1]) == "PREP" or toks[k - 1].lower in words().preps):
            k += 1
        elif t.lower in words().preps and k + 1 < n and _pos(toks[k + 1]) == "NPRO":
            k += 1
        elif lex.lang == "en" and t.lower in ("on", "in", "late", "early") and k + 1 < n and _time_like(toks[k + 1]):
            k += 1
        elif (_pos(t) == "PREP" or t.lower in words().preps) and k + 1 < n and _medium_at(toks, k + 1, lex) > k + 1:
            k = _medium_at(toks, k + 1, lex)   # "повідомив у Telegram голова ОВА …": where, not who
        elif k > j and _medium_at(toks, k, lex) > k and toks[k - 1].an.lemma in words().possessive:
            k = _medium_at(toks, k, lex)   # "у своєму Telegram-каналі" after the skipped "у своєму"
        else:
            break
        steps += 1
    return k




def _medium_at(toks: list[Token], k: int, lex: SourceLexicon) -> int:
    """The end of a medium's name at toks[k] ("Telegram", "своєму Telegram-каналі", "соцмережах");
    k when there is none."""
    m = k
    if m < len(toks) and toks[m].an.lemma in words().possessive:
        m += 1
    if m >= len(toks):
        return k
    t = toks[m]
    low = t.lower
    if low.startswith(words().media) and (low in words().media or "-" in low or not _latin(t)) \
            or _kind_of_token(t, lex) in ("social_media", "telegram") and not _cap(t):
        while m + 2 < len(toks) and toks[m + 1].text == "-" and _glued(toks[m], toks[m + 1]):
            m += 2   # "Telegram - каналі" split by the tokenizer
        return m + 1
    return k


def _skip_left(toks: list[Token], j: int) -> int:
    k = j
    steps = 0
    while k >= 0 and steps < 6:
        t = toks[k]
        if t.text == ")":   # "Рауль Мендес (Raúl Méndez) утверждает"
            o = next((m for m in range(k - 1, max(-1, k - 8), -1) if toks[m].text == "("), None)
            if o is None:
                break
            k = o - 1
            steps += 1
            continue
        if _time_like(t) or (_pos(t) == "PREP" and k + 1 < len(toks) and _time_like(toks[k + 1])):
            k -= 1
            steps += 1
        else:
            break
    return k



def _coordinated(toks: list[Token], k: int, lex: SourceLexicon, cyr: bool) -> list[tuple[list[Token], int]]:
    """Further names joined by "і/та/and/," to a phrase ending before toks[k]."""
    out: list[tuple[list[Token], int]] = []
    n = len(toks)
    while k + 1 < n and toks[k].lower in words().coord:
        j = k + 1
        if toks[j].lower in words().coord:   # ", and"
            j += 1
        if j >= n:
            break
        ph, nk = _phrase_right(toks, j, lex, cyr)
        # "the Red Cross and city officials": a group that speaks as one, joined by a word (not a comma)
        group = bool(ph) and toks[k].text != "," and not _cap(ph[0]) \
            and any(lem in lex.groups for lem in _lemmas(ph[-1]))
        if not group and (not _name_like(toks[j], lex, cyr) or not ph
                          or any(_kind_of_token(q, lex) and not _is_strip(q, lex) for q in ph)):
            break
        if toks[k].text == "," and not (nk < n and toks[nk].lower in words().coord):
            break   # "said X, the port's deputy director": an apposition, not a list of names
        out.append((ph, nk))
        k = nk
    return out


@dataclass(slots=True)
class Mention:
    res: Resolved
    cue_start: int
    cue_end: int
    sent: int


def _sentence_mentions(doc: Doc, si: int, lex: SourceLexicon, cyr: bool,
                       cues: list[re.Match[str]]) -> list[Mention]:
    toks = doc.sent_toks(si)
    used: set[int] = set()
    found: list[Mention] = []
    starts = [t.start for t in toks]

    def add(ph: list[Token], case: str | None, cs: int, ce: int) -> None:
        if not ph:
            return
        r = resolve(Phrase(ph, case), lex, doc)
        used.update(t.i for t in ph)
        if r is not None:
            found.append(Mention(r, cs, ce, si))

    # 1. fixed phrases: the source follows
    if cues:
        for m in cues:
            g = m.lastindex or 1
            case = lex.before_cases[g - 1]
            j = bisect_left(starts, m.end())
            if j >= len(toks):
                continue
            used.update(t.i for t in toks[bisect_left(starts, m.start()):j])
            if lex.lang == "en" and j + 1 < len(toks) and toks[j].lower in ("a", "an"):
                j += 1   # "according to a police source": the article opens no name
            ph, nk = _phrase_right(toks, j, lex, cyr)
            if case == "datv" and not any(_name_like(q, lex, cyr) or q.text in _QUOTES for q in ph):
                continue   # "в интервью журналистам": an unnamed audience
            add(ph, case, m.start(), m.end())
            for ph2, _nk in _coordinated(toks, nk, lex, cyr):
                add(ph2, case, m.start(), m.end())
    # 2. verbs of saying
    for x, t in enumerate(toks):
        if t.i in used or not t.text[:1].isalpha():
            continue
        if not _is_cue_verb(t, lex) and not _light_statement(toks, x, lex):
            continue
        if lex.lang == "en" and x > 0 and (_cap(t) or toks[x - 1].lower in _EN_DETERMINERS
                                           or toks[x - 1].lower.endswith(("'s", "’s"))):
            # "The State Border Service", "Iran's state news agency", "a report": names and nouns
            continue
        if cyr and x >= 2 and (_pos(t) == "PRTF" or toks[x - 1].an.lemma in words().relative) and \
                (toks[x - 1].text == "," or toks[x - 2].text == ","):
            # "Главный судья Омар Фарук, сообщивший …" / "X, який заявив …": the phrase before the comma
            comma = x - 1 if toks[x - 1].text == "," else x - 2
            jc = _skip_left(toks, comma - 1) if comma > 0 else -1   # "«Бостон таймс» (BT), которая …"
            ph = _phrase_left(toks, jc, lex, cyr, used) if jc >= 0 else []
            if ph and _nominative_ok(ph, lex.lang):
                add(ph, None, t.start, t.end)
            continue
        if cyr and (not _is_verb(t) or _infinitive(t, lex) or "1per" in t.an.tags or "2per" in t.an.tags):
            continue   # "Нагадаємо, …": the outlet itself speaking
        if cyr and _is_own_past(toks, x, t):
            continue   # "як повідомляв УНІАН": the outlet citing its own earlier report
        if lex.lang == "en" and x + 2 < len(toks) and toks[x + 1].lower == "as" and t.lower.endswith("ed") \
                and toks[x + 2].lower != "saying":
            continue  # "a curfew decree described as unlawful": a participle, not speech
        if lex.lang == "en" and x + 1 < len(toks) and toks[x + 1].lower == "to" and t.lower != "according":
            continue  # "called to", "said to be": not a report of speech... keep it simple
        adr = _addressee(toks, x, lex, cyr, used, doc)
        addressed: frozenset[int] = frozenset()
        if adr is not None:   # "told Reuters", "рассказал «Ведомостям»": the outlet the words were said to
            addressed = frozenset(q.i for q in adr[0]) | {toks[x + 1].i}
            used.update(addressed)
            found.append(Mention(adr[1], t.start, t.end, si))
        got = _verb_subject(toks, x, lex, cyr, used, addressed)
        if got is not None and t.lower in lex.noun_forms and got[0][0].i < t.i \
                and not (x + 1 < len(toks) and _is_cue_verb(toks[x + 1], lex)):   # "the X report said": X speaks
            s0 = got[0][0].i - toks[0].i
            if s0 > 0 and (toks[s0 - 1].lower in _EN_DETERMINERS or toks[s0 - 1].lower.endswith(("'s", "’s"))
                           or toks[s0 - 1].lower in ("'s", "’s")):
                got = None   # "in India's Uttar Vale state": the noun, no speech
        if got is not None:
            ph, vcase = got
            add(ph, vcase, t.start, t.end)
            start_i = ph[0].i - toks[0].i
            if ph[0].i < t.i:
                # "Both Netwatch and Linkscan reported", "Reuters і AP повідомили": the first conjunct
                if start_i >= 2 and toks[start_i - 1].lower in words().coord - {","} \
                        and (_name_like(toks[start_i - 2], lex, cyr) or _kind_of_token(toks[start_i - 2], lex)):
                    add(_phrase_left(toks, start_i - 2, lex, cyr, used), vcase, t.start, t.end)
            else:
                end_i = ph[-1].i - toks[0].i + 1
                for ph2, _nk in _coordinated(toks, end_i, lex, cyr):
                    add(ph2, vcase, t.start, t.end)
            continue
        # 3. "у поліції повідомили": a plural verb without a subject, a place-like source near it
        if cyr and "plur" in t.an.tags:
            for y in list(range(x - 1, max(-1, x - 5), -1)) + list(range(x + 1, min(len(toks), x + 5))):
                p = toks[y]
                if p.lower in lex.located_preps and y + 1 < len(toks) and toks[y + 1].i not in used:
                    ph, _nk = _phrase_right(toks, y + 1, lex, cyr)
                    if any(q.i == t.i for q in ph):
                        ph = ph[: [q.i for q in ph].index(t.i)]
                    if ph and not all(_is_place(q, lex.lang) or _NAME_TAGS & q.an.tags for q in ph if q.text[:1].isalpha()) \
                            and any(_kind_of_token(q, lex) or _latin(q) or (q.text.isupper() and len(q.text) > 1)
                                    for q in ph):
                        # a body ("у поліції", "в МВД", "в Ryanair"), not a town ("у Полтаві назвали")
                        add(ph, "loct", p.start, t.end)
                        break
    return found




def _light_statement(toks: list[Token], x: int, lex: SourceLexicon) -> bool:
    """ "Омар Фарук сделал короткое заявление", "перевізник виступив із заявою": a light verb
    with a statement noun reports speech like a verb of saying."""
    t = toks[x]
    if t.an.lemma not in lex.light_verbs:
        return False
    for q in toks[x + 1:x + 4]:
        if q.an.lemma in lex.statements:
            return True
        if _pos(q) not in ("ADJF", "PREP") and q.lower not in words().statement_links:
            return False
    return False


def _infinitive(t: Token, lex: SourceLexicon) -> bool:
    """Infinitives report nothing ("попросила … пояснити"); the uk dictionary tags some 3rd-person
    forms as infinitives ("свідчить"), so the ending decides."""
    if _pos(t) != "INFN" and "infn" not in t.an.tags:
        return False
    return t.lower.endswith(lex.infinitive_endings)




def _is_own_past(toks: list[Token], x: int, t: Token) -> bool:
    """ "Як повідомляв УНІАН" / "Как сообщал «Маяк»": a past imperfective report after "як" is
    the outlet pointing at its own earlier news (its name is often the only cue)."""
    if "past" not in t.an.tags or "impf" not in t.an.tags or not any(lem in words().own_past for lem in _lemmas(t)):
        return False
    prev = [q.lower for q in toks[max(0, x - 3):x]]
    return any(w in words().as_words for w in prev)


def _pp_start(toks: list[Token], k: int, verb: int) -> int | None:
    """Index of the preposition opening a short prepositional phrase that ends before the verb and
    contains toks[k] (no comma, quote or other verb inside), else None."""
    m = min(k, verb - 1)
    while m >= 0 and verb - m <= 9:
        t = toks[m]
        if t.text in "," or t.text in _QUOTES or (_is_verb(t) and m != verb):
            return None
        if _is_prep(t):
            return m
        m -= 1
    return None



def _verb_subject(toks: list[Token], x: int, lex: SourceLexicon, cyr: bool,
                  used: set[int], addressed: frozenset[int] = frozenset()) -> tuple[list[Token], str | None] | None:
    """The subject phrase of the speech verb toks[x], after it (inverted) or before it."""
    n = len(toks)
    t = toks[x]
    xa = x
    while lex.lang == "en" and xa > 1 and toks[xa - 1].lower in words().auxiliaries:
        xa -= 1   # "Rosa Paz, the coordinator, had denounced": the subject is before the auxiliary
    if lex.lang == "en" and xa > 2 and toks[xa - 1].text == ",":
        x0, x = x, xa
        # "Ana Ruiz, spokesperson for Chile's Health Ministry, said": skip the apposition
        c = next((m for m in range(x - 2, max(0, x - 24), -1) if toks[m].text == ","), None)
        if c is not None and c > 0 and (toks[c + 1].text[:1].islower() or toks[c + 1].lower in ("a", "an", "the")) \
                and _name_like(toks[c - 1], lex, cyr):
            ph = _phrase_left(toks, c - 1, lex, cyr, used)
            if ph and any(_cap(q) for q in ph):
                return ph, None
        # "A paramedic, Vivian Roe, said": the name in the apposition between the commas
        if c is not None and 1 <= x - 1 - (c + 1) <= 4 and all(_cap(q) and q.text[:1].isalpha() and q.i not in used
                                                                for q in toks[c + 1:x - 1]):
            return toks[c + 1:x - 1], None
        x = x0
    if cyr and x > 3 and toks[x - 1].text in _DASHES:
        # "Один из бастующих – Иван Петров – заявил": the name set off by dashes is the subject
        d = next((m for m in range(x - 2, max(0, x - 8), -1) if toks[m].text in _DASHES), None)
        inner = toks[d + 1:x - 1] if d is not None else []
        while inner and not _name_like(inner[0], lex, cyr):
            inner = inner[1:]   # "некий", "сам"
        if inner and all(_name_like(q, lex, cyr) and q.i not in used for q in inner) and any(_NAME_TAGS & q.an.tags for q in inner):
            return inner, None
    left_first = lex.lang == "en" and not (x > 0 and (toks[x - 1].text in "," or toks[x - 1].text in _QUOTES))
    if cyr and x > 0:
        # subject-verb order when a name or a body stands right before the verb
        # ("Ганна Коваль назвала Петренка …"); inverted order follows quotes, "як", "про це"
        jl = _skip_left(toks, x - 1)
        if jl >= 0 and toks[jl].i not in used and (_name_like(toks[jl], lex, cyr) or _kind_of_token(toks[jl], lex)) \
                and (_can_be_nomn(toks[jl], lex.lang) or _latin(toks[jl])):
            left_first = True
    tries = ("left", "right") if left_first else ("right", "left")
    for side in tries:
        if side == "right":
            j = _skip_right(toks, x + 1, lex)
            while j < n and toks[j].i in used and toks[j].i in addressed:
                j = _skip_right(toks, j + 1, lex)   # "розповів «Новинам Полісся» речник …": past the addressee
            if j >= n or toks[j].i in used or (toks[j].text in _BARRIERS and toks[j].text not in _QUOTES) \
                    or _is_verb(toks[j]):
                continue
            if toks[j].lower in words().complementizers:
                continue
            if lex.lang == "en" and t.lower in ("told", "tell", "tells"):
                continue   # "told The Courier": the addressee
            if lex.lang == "en" and (_is_prep(toks[j]) or toks[j].lower == "by" and x > 0
                                     and toks[x - 1].lower not in words().passive_aux):
                # "a strike announced by the union": a participle after a noun, no claim; the agent of
                # a passive of saying is one ("was cited as saying by Ekho")
                continue
            ph, nk = _phrase_right(toks, j, lex, cyr)
            if ph and cyr and not _nominative_ok(ph, lex.lang) and nk < n and toks[nk].i not in used \
                    and toks[nk].text not in _QUOTES:
                # "цитує Коваленка агенція «Поділля-Інфо»": object first, subject after it
                ph, nk = _phrase_right(toks, nk, lex, cyr)
            if not ph or (cyr and (not _nominative_ok(ph, lex.lang) or not _agrees(ph, t, lex.lang))):
                continue
            if all(_is_place(q, lex.lang) for q in ph if q.text[:1].isalpha()):
                continue
            return ph, None
        else:
            j = xa - 1
            while j >= 0 and toks[j].i in used:   # "Vesti.kz з посиланням на свідків передає"
                j -= 1
            j = _skip_left(toks, j)
            if j < 0 or toks[j].i in used or (toks[j].text in _BARRIERS and toks[j].text not in "»”\"") \
                    or toks[j].text in ",":
                continue
            for _hop in range(3):
                ph = _phrase_left(toks, j, lex, cyr, used) if j >= 0 and toks[j].i not in used else []
                start = ph[0].i - toks[0].i if ph else j
                prep = _pp_start(toks, start, x)
                if ph and start > 0 and _is_prep(toks[start - 1]) and len(ph) > 1 \
                        and _name_like(ph[1], lex, cyr) and not (_NAME_TAGS & ph[0].an.tags):
                    ph, start = ph[1:], start + 1   # "в Twitter Мартинес сообщил": the PP object is one word
                if ph and not cyr and _hop > 0 and start > 1 and toks[start - 1].text == "," \
                        and _name_like(toks[start - 2], lex, cyr):
                    # "Mary Doyle, legal counsel at … Open Wires said": the name before the apposition
                    ph = _phrase_left(toks, start - 2, lex, cyr, used) or ph
                    start = ph[0].i - toks[0].i
                if ph and (start == 0 or not _is_prep(toks[start - 1])) and (not cyr or _nominative_ok(ph, lex.lang)) \
                        and not all(_is_place(q, lex.lang) for q in ph if q.text[:1].isalpha()):
                    if not _agrees(ph, t, lex.lang):
                        break
                    return ph, None
                if prep is None:
                    break
                j = _skip_left(toks, prep - 1)   # the phrase was a prepositional object: look before it
            continue
    return None




def _is_cue_verb(t: Token, lex: SourceLexicon) -> bool:
    """Some lemma of the word is a verb of saying (memoised per lemma set: news repeats words)."""
    return _cue_lemmas(lex.lang, t.an.lemmas) or t.lower in lex.verbs


@lru_cache(maxsize=200_000)
def _cue_lemmas(lang: str, lemmas: tuple[str, ...]) -> bool:
    verbs = lexicon(lang).verbs
    return any(lem in verbs for lem in lemmas)


def find_mentions(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[Mention]:
    lex = reader(doc)
    cyr = lex.lang != "en"
    out: list[Mention] = []
    for rx, name, kind in lex.places:   # "в соцсетях появилось видео": the medium is the source
        for m in rx.finditer(doc.text):
            if skip and any(a <= m.start() and m.end() <= b for a, b in skip):
                continue
            si = max(bisect_right([x.start for x in doc.sentences], m.start()) - 1, 0)
            # only when something is shown there ("в соцсетях появилось видео"), not "допис у соцмережі"
            if lex.content is not None and lex.content.search(doc.sent_text(si)):
                out.append(Mention(Resolved(name, kind, m.start(), m.end()), m.start(), m.end(), si))
    # only sentences with a cue phrase or a verb of saying are read closely
    cues: dict[int, list[re.Match[str]]] = {}
    if lex.before is not None:
        sent_starts = [x.start for x in doc.sentences]
        for m in lex.before.finditer(doc.text):
            cues.setdefault(max(bisect_right(sent_starts, m.start()) - 1, 0), []).append(m)
    todo = set(cues) | {t.sent for t in doc.tokens
                        if t.text[:1].isalpha() and (_is_cue_verb(t, lex) or t.an.lemma in lex.light_verbs)}
    for si in sorted(todo):
        for men in _sentence_mentions(doc, si, lex, cyr, cues.get(si, [])):
            if skip and any(a <= men.res.start and men.res.end <= b for a, b in skip):
                continue
            out.append(men)
    return out


# ---------------------------------------------------------------------------------------------
# helpers the quotes stage shares


_RELAY_KINDS = ("outlet", "news_agency", "telegram", "social_media")


def _addressee(toks: list[Token], x: int, lex: SourceLexicon, cyr: bool, used: set[int],
               doc: Doc) -> tuple[list[Token], Resolved] | None:
    """The outlet a verb of saying addresses: "told the Reuters news agency", "сказав «Радіо Поділля»",
    "рассказал Новой газете" (a dative name; an outlet by its kind word or a known name)."""
    t = toks[x]
    j = x + 1
    if j >= len(toks) or toks[j].i in used:
        return None
    if not cyr:
        if not any(lem in lex.addressed for lem in _lemmas(t)):
            return None
    else:
        q = toks[j + 1] if toks[j].text in _QUOTES and j + 1 < len(toks) else toks[j]
        if not _has_case(q, "datv", lex.lang) or (_nominative_ok([q], lex.lang) and q.text[:1] != toks[j].text[:1]
                                                   and not _has_case(q, "datv", lex.lang)):
            return None
    ph, _nk = _phrase_right(toks, j, lex, cyr)
    if not ph:
        return None
    r = resolve(Phrase(ph, "datv" if cyr else None), lex, doc)
    if r is not None and cyr and r.kind == "other" and ph[0].text in _QUOTES and len(ph) > 2:
        # a quoted title in the dative after a verb of saying: a newspaper, a channel ("«Вестям»")
        head = ph[1]
        nom = _to_nominative(head.text, lex.lang, "datv", False)
        r = Resolved(doc.text[ph[1].start:head.start] + nom + doc.text[head.end:ph[-2].end], "outlet",
                     ph[1].start, ph[-2].end)
    if r is None or r.kind not in _RELAY_KINDS:
        return None
    return ph, r
