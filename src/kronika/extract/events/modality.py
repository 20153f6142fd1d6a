"""Is a trigger reported as something that happened? Planned, denied, hypothetical, called-for,
questioned and historical mentions are not events (ACLED; PLOVER's modes and contexts).

Cues come from `lexicons/<lang>/modality.toml` (classes: negation, denial, plan, plan_inf,
hypothetical, call, future, historic, past, accused, background, durative, reaction, earlier,
response); the scope is the clause that holds the trigger, looked at
from the clause start up to the trigger (cues after it rarely govern it in uk/ru/en news).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...text.clauses import sentence_clauses
from ...text.doc import Doc, Token
from ...text.morph import analyzer, morph_for
from .actors import actors_in
from .perfect import perfect_span
from .triggers import Hit, is_in, matcher, words

CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "«", "»", '"', "“", "”"})
NEGATION_REACH = 3   # "не", "not", "no" this many tokens before the trigger negate it
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "Military Forces of Nigeria (2015-2023)", "Police Forces of Kenya (2022-)": the tenure in an actor's
# name (ACLED's notes and actor lists), no year of the story
_TENURE = re.compile(r"\(\s*(?:1[89]|20)\d\d\s*[-–]\s*(?:(?:1[89]|20)\d\d)?\s*\)")


def clause_start(doc: Doc, sent_first: int, i: int) -> int:
    """First token of the clause holding token i (a clause ends at , ; : brackets and quotes)."""
    j = i
    while j > sent_first and doc.tokens[j - 1].text not in CLAUSE_BREAKS:
        j -= 1
    return j


def blocked(doc: Doc, sent_first: int, sent_last: int, hit: Hit, cues: list[Hit]) -> str | None:
    """The modality that keeps this trigger from being an event, or None when it is reported as fact."""
    toks = doc.tokens
    if toks[sent_last - 1].text == "?" or doc.text[toks[sent_last - 1].end:toks[sent_last - 1].end + 1] == "?":
        return "question"
    c0 = clause_start(doc, sent_first, hit.first)
    scope = _Scope(doc, toks[hit.first].sent, hit.first)
    for cue in cues:
        if cue.cls == "negation" and 0 < cue.first - hit.last <= 4 and any(
                c.cls == "occur" and c.first == cue.last + 1 for c in cues):
            return "negated"   # "беспорядков и поджогов не было", "protests were not held"
        if cue.cls == "denial" and scope.governs(cue.first, after_ok=True):
            return "denial"   # "police denied dispersing the rally", "заперечило, що поліція розігнала"
        if cue.cls == "call" and cue.first < hit.first and scope.governs(cue.first):
            return "call"     # "called on people to rally", "призвал сторонников выйти на митинг"
        if cue.cls == "conditional":
            return "hypothetical"   # "if they storm..., ...": the whole sentence is conjecture
        if cue.cls == "hypothetical" and scope.governs(cue.first, after_ok=True):
            # "he called the unrest unlikely", "could turn violent": the clause it modifies, not a
            # neighbour ("protesters clashed with police, who could not hold them back")
            return "hypothetical"
        if cue.cls == "accused" and cue.first < hit.first:
            return "accused"   # "обвиняли в массовых беспорядках": a charge, not a report
        if cue.cls == "verdict" and cue.first < hit.first and scope.described(cue.first, cues):
            # "засудив чоловіка, який під час акції вдарив поліцейського": the convict's deed is the
            # charge; "приговорил активиста, после чего сторонники вышли на пикет" is news
            return "accused"
        if cue.cls == "past":
            return "historic"   # "the shelling of Kharkiv last year": anywhere in the sentence
        if cue.cls == "historic" and cue.first < hit.first:
            return "historic"   # "Напомним, что ...": background recalled, sentence-wide
        if cue.cls == "durative" and hit.last < cue.first < clause_end(doc, sent_last, hit.last) \
                and _earlier_year(doc, cue.last + 1, min(cue.last + 4, sent_last)):
            return "durative"   # "have been fighting since 2021": a long war as backdrop, not a report
        if cue.cls == "earlier" and c0 <= cue.first < hit.first:
            return "earlier"    # ", days after police killed three protesters": an earlier act as backdrop
        if cue.cls == "earlier" and _opens_clause_of(doc, cue, c0) and not _crowd_did(doc, c0, hit.first) \
                and not _state_in(doc, c0, clause_end(doc, sent_last, hit.last)):
            # "вышли на митинг после того, как в драке погиб мужчина": the act the protest answers; the
            # crowd's own act there ("после того, как протестующие забросали полицию камнями") is the
            # event's, and so is the force of the police the crowd answers (who used force first)
            return "earlier"
        if cue.cls == "historic" and hit.last < cue.first < clause_end(doc, sent_last, hit.last):
            return "historic"   # "protests take place almost every week": a habit, after the act too
        if cue.cls == "response" and (c0 <= cue.first < hit.first or clause_end(doc, sent_last, cue.last) + 1 == c0) \
                and hit.cls in CROWD_ACTS \
                and _state_in(doc, _previous_sentence_first(doc, sent_first), sent_last):
            # "полиция разогнала митинг, в ответ протестующие забросали её камнями": the police used
            # force first, so the crowd's answer does not make the protest a riot (ACLED)
            return "response"
        if cue.cls == "reaction" and c0 <= cue.first < hit.first and hit.first - cue.last <= 3:
            return "reaction"   # "condemned the killing of protesters": a response to an act told elsewhere
        if c0 <= cue.first < hit.first:
            if cue.cls == "background" and hit.first - cue.last <= _backdrop_reach(doc, cue.last, hit.first) and not any(
                    toks[k].an.pos == "VERB" for k in range(cue.last + 1, hit.first)):
                # "из-за протестов", "amid clashes": a cause mentioned, not a report; not when a verb
                # comes between ("внаслідок чого зав'язалася бійка": the fight is reported)
                if _noun_like(toks[hit.first]) and (_economic(doc, sent_first, sent_last, hit)
                                                    or _no_harm(doc, sent_first, sent_last, hit)):
                    # "цены выросли из-за ударов дронов по НПЗ": a cause of prices or a shortage, no
                    # report; "внаслідок обстрілу загинули двоє", "после обстрела эвакуировали жителей"
                    # tell what the strike did, so it is news
                    return "cause"
                return "background"
            if cue.cls == "negation" and hit.first - cue.last <= NEGATION_REACH and _negates(toks, cue, hit, cues):
                return "negated"
            if cue.cls == "plan":
                return "planned"
            if cue.cls == "plan_inf" and _infinitive_follows(toks, cue.last, hit.last + 1):
                return "planned"
            if cue.cls == "future":
                return "future"
    if perfect_span(doc, c0, clause_end(doc, sent_last, hit.last), hit):
        return "durative"   # "have besieged the town for two weeks": a state summed up (perfect.py)
    if _negated_infinitive(toks, hit, cues, c0, clause_end(doc, sent_last, hit.last)):
        return "negated"   # "не стала разгонять", "розганяти протестувальників не стала"
    if any(c.cls == "plan_inf" and c.first == hit.first for c in cues) and _infinitive_follows(
            toks, hit.last, hit.last + 4):
        return "planned"   # "собирается посетить", "збираються провести": the plan sense of a gathering verb
    if _future_verb(doc.lang, toks, c0, hit):
        return "future"
    if _noun_like(toks[hit.first]):
        # "Наступну акцію організатори планують провести в неділю": a plan governs the noun after it too,
        # also past the noun's own participle phrase ("Митинг, назначенный на субботу, отменили")
        c1 = _noun_scope_end(doc, sent_last, hit.last)
        if any(c.cls in ("plan", "plan_inf", "call", "future") and hit.last < c.first < c1 for c in cues):
            return "planned"
        # "акция протеста будет проходить": a future verb right after the noun
        if any(is_future(doc.lang, toks[k]) for k in range(hit.last + 1, min(c1, hit.last + 5))):
            return "future"
    return None


class _Scope:
    """The clauses of a trigger's sentence, to ask whether a cue's clause governs the trigger's: the
    same clause, or an earlier one whose complement clauses ("..., що ...", "that ...") lead to it."""

    def __init__(self, doc: Doc, si: int, i: int) -> None:
        self.doc = doc
        self.cl = sentence_clauses(doc, si)
        self.hi = self._index(i)

    def _index(self, i: int) -> int:
        return next((k for k, c in enumerate(self.cl) if c.first <= i < c.last), -1)

    def governs(self, cue_i: int, after_ok: bool = False) -> bool:
        ci = self._index(cue_i)
        if ci == self.hi:
            return True
        if ci > self.hi:
            # a reporting clause right after ("..., the ministry denied"), when allowed
            return after_ok and ci == self.hi + 1 and not self._subordinate(ci)
        return all(self._subordinate(k) for k in range(ci + 1, self.hi + 1))

    def described(self, cue_i: int, cues: list[Hit]) -> bool:
        """Is the trigger in the cue's own clause, or in relative clauses ("..., который ...") that
        describe its object?"""
        ci = self._index(cue_i)
        if ci == self.hi:
            return True
        rel = {c.first for c in cues if c.cls == "relative"}
        return 0 <= ci < self.hi and all(
            next((k for k in range(self.cl[j].first, self.cl[j].last) if self.doc.tokens[k].is_word), -1) in rel
            for j in range(ci + 1, self.hi + 1))

    def _subordinate(self, k: int) -> bool:
        subs = words(self.doc.lang, "clauses", "subordinators")
        first = next((t for t in self.doc.tokens[self.cl[k].first:self.cl[k].last] if t.is_word), None)
        return first is not None and (first.lower in subs or first.an.lemma in subs)


BACKDROP_REACH = 3   # "amid violent clashes": the backdrop noun this close after its cue...
BACKDROP_LIST = 5    # ... or a little further in a list ("after months of strikes and road blockades")


def _backdrop_reach(doc: Doc, a: int, b: int) -> int:
    coord = words(doc.lang, "clauses", "coordinators")
    return BACKDROP_LIST if any(is_in(t, coord) for t in doc.tokens[a + 1:b]) else BACKDROP_REACH


def _noun_scope_end(doc: Doc, sent_last: int, i: int) -> int:
    """One past the clause of the noun at i, reading on past comma-enclosed participle phrases that
    qualify it ("акция, запланированная на субботу, ...") to the predicate they belong to."""
    toks = doc.tokens
    end = clause_end(doc, sent_last, i)
    while end < sent_last and toks[end].text == "," and end + 1 < sent_last \
            and toks[end + 1].an.pos in ("PRTF", "PRTS", "ADJF"):   # uk tags participles ADJF
        end = clause_end(doc, sent_last, end + 1)        # the participle phrase
        if end < sent_last and toks[end].text == ",":
            end = clause_end(doc, sent_last, end + 1)    # and the predicate after it
    return end


def _economic(doc: Doc, a: int, b: int, hit: Hit) -> bool:
    """A word of markets and supply (prices, a shortage, output) outside the trigger in the sentence:
    what the act is named as the cause of."""
    market = words(doc.lang, "modality", "economy")
    return any(is_in(t, market) for k, t in enumerate(doc.tokens[a:b], a) if not hit.first <= k <= hit.last)


def _no_harm(doc: Doc, a: int, b: int, hit: Hit) -> bool:
    """No word of harm or rescue (killed, hurt, damaged, a fire, evacuated) outside the trigger in the
    sentence. A language whose lexicon lists no `harm` words is not judged this way."""
    harm = words(doc.lang, "modality", "harm")
    return bool(harm) and not any(is_in(t, harm) for k, t in enumerate(doc.tokens[a:b], a)
                                  if not hit.first <= k <= hit.last)


def _opens_clause_of(doc: Doc, cue: Hit, c0: int) -> bool:
    """'после того, | как ...', 'після того, | як ...': the cue ends the clause right before the trigger's."""
    return cue.last + 2 == c0 and doc.tokens[cue.last + 1].text == ","


def _crowd_did(doc: Doc, a: int, b: int) -> bool:
    """A crowd (protesters, residents: a plural crowd noun) named before the act in its clause: the
    doers are the gathering itself, not one man in a brawl."""
    crowd = words(doc.lang, "actors", "crowd_nouns")
    return any(is_in(t, crowd) and (t.an.number == "plur" or t.an.pos is None) for t in doc.tokens[a:b])


STATE_ACTS = frozenset({"detain", "disperse", "force"})   # acts of the police whoever the text names
CROWD_ACTS = frozenset({"clash", "throw", "storm", "arson", "vandal"})   # a crowd's violence


def _previous_sentence_first(doc: Doc, sent_first: int) -> int:
    """First token of the sentence before the one starting at sent_first (or that one, if first)."""
    si = doc.tokens[sent_first].sent
    return doc.sent_tokens[si - 1][0] if si > 0 else sent_first


def _state_in(doc: Doc, a: int, b: int) -> bool:
    """The police or their acts (a detention, a dispersal, tear gas) in tokens [a, b)."""
    return any(m.kind == "state" for m in actors_in(doc, a, b)) or any(
        h.cls in STATE_ACTS for h in matcher(doc.lang, "events").find(doc, a, b))


def clause_end(doc: Doc, sent_last: int, i: int) -> int:
    """One past the last token of the clause holding token i."""
    j = i + 1
    while j < sent_last and doc.tokens[j].text not in CLAUSE_BREAKS:
        j += 1
    return j


def _noun_like(t: Token) -> bool:
    if t.an.pos is not None:
        return t.an.pos == "NOUN"
    return not t.lower.endswith("ed")   # English has no POS here: a past form is a verb


def _negates(toks: list[Token], cue: Hit, hit: Hit, cues: list[Hit]) -> bool:
    """'не разогнали', 'no protest': the negated word is the trigger; 'не было протестов', 'no rally
    took place': a verb of occurrence is negated. 'не утихают протесты' negates another verb."""
    nxt = cue.last + 1
    if nxt == hit.first or nxt + 1 == hit.first and toks[nxt].an.pos == "PREP":
        return True   # "не розігнали", "не на барикади"
    return any(c.cls == "occur" and c.first == nxt for c in cues) or any(
        c.cls == "occur" and hit.last < c.first <= hit.last + 2 for c in cues)


NEG_VERB_REACH = 3   # "не стала разгонять", "разгонять толпу не стали": the negated verb this close


def _negated_infinitive(toks: list[Token], hit: Hit, cues: list[Hit], c0: int, c1: int) -> bool:
    """An infinitive trigger whose governing verb is negated, before or after it in its clause."""
    if not _is_infinitive(toks[hit.first]):
        return False
    for c in cues:
        v = c.last + 1
        if c.cls != "negation" or v >= len(toks) or not toks[v].is_word or _is_infinitive(toks[v]):
            continue
        if toks[v].an.pos == "VERB" and c0 <= c.first and v < hit.first and hit.first - v <= NEG_VERB_REACH - 1:
            return True
        # after the infinitive the auxiliary may be tagged as its homonym ("не стала": an adjective in uk)
        if hit.last < c.first < c1 and c.first - hit.last <= NEG_VERB_REACH \
                and toks[v].an.pos not in ("NOUN", "PREP", "CONJ", "NPRO"):
            return True
    return False


FINITE_TAGS = frozenset({"pres", "past", "futr", "impr", "1per", "2per", "3per", "sing", "plur"})


def _is_infinitive(t: Token) -> bool:
    if t.an.pos == "INFN" or "INFN" in t.an.tags or "infn" in t.an.tags:
        return True
    # a verb the dictionary gives no tense, person, mood or number (uk "протестувати" comes untagged):
    # an infinitive by elimination
    return t.an.pos == "VERB" and not t.an.tags & FINITE_TAGS


def _infinitive_follows(toks: list[Token], i: int, end: int) -> bool:
    """'собираются провести акцию' plans; 'собрались у здания' happened. en has no POS: 'to' + verb."""
    for k in range(i + 1, min(end, i + 4)):
        t = toks[k]
        if _is_infinitive(t) or (t.an.pos is None and t.lower == "to"):
            return True
    return False


def _future_verb(lang: str, toks: list[Token], c0: int, hit: Hit) -> bool:
    """A finite future-tense verb in the clause up to the trigger ('пройдет акция', 'вийдуть')."""
    return any(is_future(lang, toks[k]) for k in range(c0, hit.last + 1))


def is_future(lang: str, t: Token) -> bool:
    """A verb that can only be read as future: 'проходять' is also present tense (both aspects share
    the form in the dictionary), so only a form with no present-tense parse counts."""
    tags = t.an.tags
    return "futr" in tags and "VERB" in tags and not _has_present(lang, t.lower)


@lru_cache(maxsize=20_000)
def _has_present(lang: str, word: str) -> bool:
    # only tagged languages reach here (a future tag comes from pymorphy3)
    return any("pres" in p.tag for p in analyzer(morph_for(lang).lang).parse(word) if p.tag.POS == "VERB")


def modality_cues(doc: Doc, a: int, b: int) -> list[Hit]:
    hits = matcher(doc.lang, "modality").find(doc, a, b)
    if doc.lang == "en":
        # English plan idioms hold only as written: "is set to march" plans, "set fire to" does not
        hits = [h for h in hits if h.cls != "plan" or h.last - h.first + 1 == len(h.entry.split())]
    return hits


def _earlier_year(doc: Doc, a: int, b: int) -> bool:
    """A year before the publication's among tokens [a, b) ("since April 2023" in a 2025 report)."""
    ref = doc.published.year if doc.published is not None else doc.published_year
    return ref is not None and any(
        _YEAR.fullmatch(t.text) is not None and int(t.text) < ref for t in doc.tokens[a:b])


def historic_year(doc: Doc, sent_start: int, sent_end: int, published: date | None) -> bool:
    """The sentence names a year well before publication: history recalled, not news. Without a
    publication date, the latest year the article names stands in for it."""
    return bool(historic_years(doc, sent_start, sent_end, published))


def historic_years(doc: Doc, sent_start: int, sent_end: int, published: date | None) -> list[int]:
    """Where the years well before publication stand in text[sent_start:sent_end]."""
    if published is not None:
        ref: int | None = published.year
    else:
        if "latest_year" not in doc.memo:
            doc.memo["latest_year"] = _latest_year(doc.text)
        ref = doc.memo["latest_year"]
    if ref is None:
        return []
    return [m.start() for m in _YEAR.finditer(doc.text, sent_start, sent_end)
            if int(m.group(1)) < ref - 1 and is_year(doc, m.start())]


def is_year(doc: Doc, offset: int) -> bool:
    """Is the four-digit number at offset a year of the story? Not a crowd ("2000 людей", "1500
    protesters": a noun of people follows) and not a year of birth ("1957 року народження",
    "born in 1957")."""
    if any(m.start() < offset < m.end() for m in _TENURE.finditer(doc.text, max(offset - 3, 0), offset + 12)):
        return False
    i = doc.token_at(offset)
    toks = doc.tokens
    nxt = [t for t in toks[i + 1:i + 4] if t.is_word]
    prev = [t for t in toks[max(i - 2, 0):i] if t.is_word]
    yw, birth = words(doc.lang, "modality", "year_words"), words(doc.lang, "modality", "birth_words")
    if nxt and (nxt[0].lower in yw or nxt[0].an.lemma in yw):
        return not (len(nxt) > 1 and (nxt[1].lower in birth or nxt[1].an.lemma in birth))
    if any(t.lower in birth or t.an.lemma in birth for t in prev):
        return False
    if nxt and toks[i + 1].is_word:
        people = words(doc.lang, "actors", "crowd_nouns") | words(doc.lang, "actors", "people_words")
        t = nxt[0]
        if t.lower in people or t.an.lemma in people or t.an.pos == "NOUN" and t.an.case in ("gent", "nomn") \
                and "plur" in t.an.tags:
            return False   # a count of people or things
    return True


def _latest_year(text: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(_TENURE.sub(" ", text))]
    return max(years) if years else None
