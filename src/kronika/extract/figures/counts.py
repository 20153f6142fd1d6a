"""Stage 'counts': the figures about the unrest, each with kind, qualifier, subject, place and source.

A figure (ctx.numbers) becomes a COUNT when its counted noun (the head after the number, over
adjectives: "37 службових машин") or the cue words of its clause say what was counted
(lexicons/<lang>/counts.toml, on lemmas):
- a head that is itself a kind ("14 поранених", "150 detained", "задержанных") gives that kind;
- people ("500 людей", "95 поліцейських") take the kind of the nearest cue in the clause, left first
  ("затримали понад 200 людей", "103 особи загинули"); protesters without a cue are participants,
  troops "other"; plain people without a cue are not counted (precision first);
- vehicles and buildings count as damaged when a damage verb is in the sentence; criminal cases
  need "кримінальн-/уголовн-/criminal"; countable things of the unrest (tents, explosions) are "other";
- a sub-count ("120 машин (зокрема 33 поліцейських)") keeps the kind of the count it belongs to;
- a bare figure counts only after a tally ("число погибших возросло до 27") or next to its verb
  ("injuring 50", "ще 5 госпіталізовано").
Only articles with some unrest word are counted (participants and deaths by "померли/died" need one
nearby); forecasts (future tense) are not figures. Money, years, ages, times and percentages never reach
here (the numbers stage drops them). A figure repeated (same kind and value) is one record.
See docs/figures.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...model import Count, Span
from ...resources import lexicon_lang, load_lexicon
from ...text.clauses import clause_of
from ...text.doc import Token
from ...text.normalise import norm
from ..context import Context
from ..events.attach import NON_TRIGGER
from ..events.triggers import matcher
from ..mentions import NumberMention
from .count_lexicon import CountLexicon, lexicon
from .nouns import is_person
from .numbers import money_after
from .setting import FigureSetting
from .shapes import DASHES, implied_in, list_item, list_kind

__all__ = ["CountLexicon", "lexicon", "merge_repeats", "run"]

_WINDOW = 6          # tokens searched for a cue on each side
_HEAD_SKIP = 4       # adjectives skipped between the number and its counted noun
_MODIFIER_POS = {"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "ADVB", "CONJ"}
_PERSON_CLASSES = ("people", "protesters", "military")
_OPEN_QUOTES = {"«": ("»",), "„": ("“", "”"), "“": ("”",), '"': ('"',)}
_BARRIERS = {",", ";", ":", "(", ")", "—", "–"}
_EN_STOP = {"and", "or", "but", "in", "on", "at", "to", "from", "by", "with", "when", "while", "as", "after",
            "before", "during", "who", "which", "that", "the", "a", "an", "said", "say"}
_EN_PAST = {"took", "came", "went", "fled", "rallied", "died", "remain", "remained"}
_EN_RELATIVE = {"who", "that", "which"}
_EN_AUX = {"were", "was", "have", "had", "are", "is", "been", "be", "got", "reportedly"}
_FEW_MAX = 3.0    # "кілька", "несколько", "several" alone: 3 about (SCHEMA), for people hurt or held only
_FEW_KINDS = frozenset({"killed", "injured", "detained", "hospitalized"})


@lru_cache(maxsize=8)
def _en_predicate_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Past-form endings and prepositions of clauses.toml (English has no verb tags here)."""
    lex = load_lexicon(lexicon_lang(lang), "clauses")
    preps = {w for key in ("object_preps", "place_preps", "in_preps") for w in lex.get(key, [])}
    return tuple(lex.get("finite_suffixes", [])), frozenset(preps)


@lru_cache(maxsize=8)
def _en_determiners(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lexicon_lang(lang), "clauses").get("determiners", []))


@dataclass(slots=True)
class _Head:
    first: int        # first token of the counted noun phrase (after the number)
    last: int         # the counted noun
    cls: str | None   # head class, or None for a kind noun
    kind: str | None  # the kind a kind noun gives ("поранених" -> injured)


class _Counter(FigureSetting):
    def __init__(self, ctx: Context, story: frozenset[int] = frozenset()) -> None:
        super().__init__(ctx, lexicon(ctx.doc.lang))
        self.story = story   # sentences of the events found (a recount after the events stage)
        self.numbers = sorted(ctx.numbers, key=lambda n: n.start)
        self._crowd = {w: "participants" for w in self.lex.crowd}
        self.unrest_sents: set[int] = set()
        self.num_tokens = [(self.doc.token_at(n.start), self.doc.token_at(n.end - 1)) for n in self.numbers]

    def cls_of(self, i: int) -> str | None:
        for key in self.k(i):
            c = self.lex.head_class.get(key)
            if c:
                return c
        return None

    def cue_of(self, i: int, table: dict[str, str]) -> str | None:
        if not self.toks[i].is_word:
            return None
        for key in self.k(i):
            c = table.get(key)
            if c:
                return c
        return None

    def head(self, te: int, stop: int) -> _Head | None:
        """The counted noun after the number's last token te."""
        j = te + 1
        partitive = j < stop and self.toks[j].lower in self.lex.of_words
        if partitive:
            j += 1
            if self.lang == "en" and j < stop and self.toks[j].lower not in _en_determiners(self.doc.lang):
                partitive = False   # "dozens of shops" is a quantity; "5 of the shops" a part
        first = j
        for _ in range(_HEAD_SKIP):
            if j >= stop:
                return None
            tok = self.toks[j]
            if not tok.is_word:
                if j == te + 1 and tok.text == "." and tok.start == self.toks[te].end and self.toks[te].is_word:
                    j += 1   # "1,5 тыс. человек": the dot of an abbreviated scale word
                    first = j
                    continue
                return None
            if self.k(j) & self.lex.measure:
                j += 1
                continue   # "8 единиц бронетехники": the measure word is transparent
            cls = self.cls_of(j)
            if cls and self.lang == "en" and j + 1 < stop and self.cls_of(j + 1) in ("vehicles", "buildings"):
                j += 1   # "12 police cars", "3 police stations": an English compound's head is its last noun
                cls = self.cls_of(j)
            if cls:
                if partitive and cls not in _PERSON_CLASSES:
                    return _Head(first, j, "unknown", None)   # "в одном из помещений"
                return _Head(first, j, cls, None)
            kind = self.cue_of(j, self.lex.cues)
            if kind == "participants" and tok.an.pos == "NOUN" and not is_person(tok, self.lang):
                kind = None   # "перекрыли 3 улицы", "2 колонны": a crowd's place or shape, not its size
            if kind and tok.an.pos != "VERB" and (tok.an.pos in ("NOUN", "ADJF", "PRTF", "PRTS") or
                                                   (self.lang == "en" and kind != "participants")):
                if partitive:
                    return _Head(first, j, "unknown", None)   # "в одну из больниц", "одна из погибших"
                return _Head(first, j, None, kind)
            if is_person(tok, self.lang) and not self.attributive(j, stop):
                return _Head(first, j, "people", None)   # any noun for people: morphology, lexicon classes
            if self.lang == "en":
                if tok.lower in _EN_AUX or tok.lower in _EN_STOP or self.en_predicate(j, stop):
                    return None
            elif tok.an.pos == "NOUN":
                return _Head(first, j, "unknown", None)  # "трех городах": some other noun
            elif tok.an.pos not in _MODIFIER_POS:
                return None
            j += 1
        return None

    def en_predicate(self, j: int, stop: int) -> bool:
        """"several hundred gathered outside parliament": a past form before a preposition or the
        clause's end is the figure's own verb, not an adjective of its noun ("3 damaged cars")."""
        suffixes, preps = _en_predicate_words(self.doc.lang)
        if not self.toks[j].lower.endswith(suffixes) or not suffixes:
            return False
        return j + 1 >= stop or not self.toks[j + 1].is_word or self.toks[j + 1].lower in preps

    def attributive(self, j: int, stop: int) -> bool:
        """An adjective read before its noun ("13 уголовных дел", "статьи 212 Уголовного кодекса"):
        its rare noun reading (a criminal) is no counted person."""
        tok = self.toks[j]
        return (self.lang != "en" and tok.an.pos in ("ADJF", "PRTF") and j + 1 < stop
                and self.toks[j + 1].is_word and self.toks[j + 1].an.pos == "NOUN")

    def neighbours(self, idx: int) -> tuple[int, int]:
        """Token bounds a cue search may not cross: the neighbouring figures in the sentence."""
        lo = self.num_tokens[idx - 1][1] + 1 if idx > 0 else 0
        hi = self.num_tokens[idx + 1][0] if idx + 1 < len(self.numbers) else len(self.toks)
        # "30 marchers and 9 officers were hurt": a coordinated figure shares the cue
        if hi < len(self.toks) and hi > 0 and self.toks[hi - 1].lower in self.lex.conjunctions:
            hi = self.num_tokens[idx + 2][0] if idx + 2 < len(self.numbers) else len(self.toks)
        return lo, hi

    def cue(self, ti: int, after: int, lo: int, hi: int, a: int, b: int,
            table: dict[str, str], right_first: bool = False) -> tuple[str, int] | None:
        """The nearest cue in the figure's clause: left of it first (unless its predicate follows),
        else right of its head; commas, colons and brackets end the clause."""
        cl = clause_of(self.doc, ti) if self.lang != "en" else None   # en clauses: punctuation only
        own_first = cl.first if cl is not None else ti

        def left() -> tuple[str, int] | None:
            j, stop = ti - 1, max(a, lo, ti - _WINDOW)
            while j >= stop:
                if self.toks[j].text in _BARRIERS:
                    # step over a parenthesis: "затримали, за даними поліції, 200 людей", "arrested,
                    # according to local media, 35"; a comma inside the figure's clause (text/clauses:
                    # no predicate after it) is an apposition: "задержала участников, всего 40 человек"
                    k = self.parenthesis_start(j, max(a, lo))
                    if k is None and self.toks[j].text == ",":
                        k = self.attribution_aside(j, max(a, lo))
                    if k is None and self.toks[j].text == "," and own_first <= j:
                        stop, j = max(a, lo, own_first, min(stop, ti - 3 * _WINDOW)), j - 1
                        continue
                    if k is None:
                        return None
                    stop, j = max(a, lo, stop - (j - k) - 1), k - 1
                    continue
                c = self.cue_of(j, table)
                if c:
                    return c, j
                j -= 1
            return None

        def right() -> tuple[str, int] | None:
            j, stop, end = after + 1, min(b, hi), after + 1 + _WINDOW + 2
            next_figure = hi < b and hi == stop   # the next figure of the sentence ends the search
            while j < min(stop, end):
                text = self.toks[j].text
                if next_figure and self.toks[j].lower in self.lex.conjunctions:
                    return None   # "fired at hundreds of protesters and arrested 20": the verb is 20's
                if text in _OPEN_QUOTES:
                    # a quoted name ("учасників маршу «Місто — це ми» було затримано") is one word
                    close = self.quote_end(j, stop)
                    if close is not None:
                        end += close - j
                        j = close + 1
                        continue
                if text == "," and j == after + 1 and j + 1 < stop and self.k(j + 1) & self.lex.relative:
                    close = next((m for m in range(j + 2, min(stop, j + 16)) if self.toks[m].text == ","), None)
                    if close is not None:   # "П'ятьох, яких утримували в офісі, звільнили"
                        end += close - j + 1
                        j = close + 1
                        continue
                if text in _BARRIERS:
                    return None
                c = self.cue_of(j, table)
                if c:
                    return c, j
                j += 1
            return None

        if right_first:
            return right() or left()
        return left() or right()

    def quote_end(self, j: int, stop: int) -> int | None:
        want = _OPEN_QUOTES[self.toks[j].text]
        for k in range(j + 1, min(stop, j + 12)):
            if self.toks[k].text in want:
                return k
        return None

    def parenthesis_start(self, j: int, lo: int) -> int | None:
        """For a comma at j closing a short verbless aside (", в общей сложности,"), the index of
        the comma opening it; None otherwise."""
        if self.toks[j].text != ",":
            return None
        for k in range(j - 1, max(lo, j - 5) - 1, -1):
            tok = self.toks[k]
            if tok.text == ",":
                return k if k < j - 1 else None
            if tok.text in _BARRIERS or tok.an.pos in ("VERB", "PRTS", "GRND", "INFN") or tok.text[:1].isdigit():
                return None
        return None

    def story_act(self, ti: int, after: int) -> int | None:
        """An act of the story in the figure's clause (an event trigger or a damage word), whose
        object or scene the counted thing is: "замінували шість мостів", "protests hit 30 towns"."""
        if self.lang == "en":
            return None   # English clauses are cut by punctuation only: too wide to bind a thing
        cl = clause_of(self.doc, ti)
        if cl is None:
            return None
        verbs = ("VERB", "PRTS", "ADJS", "INFN", "GRND")   # the act done to the things, not a noun naming it
        for hit in matcher(self.doc.lang, "events").find(self.doc, cl.first, ti):
            if hit.cls not in NON_TRIGGER and self.toks[hit.first].an.pos in verbs:
                return hit.first
        return next((j for j in range(cl.first, ti) if self.k(j) & self.lex.damage
                     and self.toks[j].an.pos in verbs), None)

    def attribution_aside(self, j: int, lo: int) -> int | None:
        """For a comma at j closing an aside that names a source ("затримали, як повідомляє
        поліція, 25"), the index of the comma opening it; None otherwise."""
        for k in range(j - 1, max(lo, j - 10) - 1, -1):
            if self.toks[k].text == ",":
                a_, b_ = self.toks[k].end, self.toks[j].start
                named = any(a_ <= x.start and x.end <= b_ for x in self.ctx.attributions)
                return k if named else None
            if self.toks[k].text in _BARRIERS or self.toks[k].text[:1].isdigit():
                return None
        return None

    def predicate_follows(self, after: int, b: int) -> bool:
        """"103 особи загинули", "шестеро досі перебувають", "14 officers were injured"."""
        j = after + 1
        while j < b and self.toks[j].is_word:
            tok = self.toks[j]
            if self.lang == "en":
                if tok.lower in _EN_RELATIVE and j == after + 1:
                    j += 1   # "9 guards who were hurt": the relative clause is the figure's predicate
                    continue
                return (tok.lower in _EN_AUX or tok.lower.endswith("ed") or tok.lower in _EN_PAST
                        or self.cue_of(j, self.lex.cues) is not None)
            if tok.an.pos in ("VERB", "PRTS", "GRND", "INFN"):
                return True
            if tok.an.pos not in ("ADVB", "PRCL"):
                return False
            j += 1
        return False

    def damaged(self, ti: int, after: int, a: int, b: int) -> int | None:
        # "two looted supermarkets", "5 сожженных машин": the damage word may sit inside the phrase
        order: list[int] = [*range(ti + 1, after), *range(ti - 1, a - 1, -1),
                            *range(after + 1, min(b, after + 1 + _WINDOW))]
        for j in order:
            if self.k(j) & self.lex.damage:
                return j
        return None

    def medical_help(self, ti: int, after: int, lo: int, hi: int, a: int, b: int) -> int | None:
        """"звернулися 190 людей" in a sentence about hospitals: the cue token, else None."""
        near = [j for j in range(max(a, lo, ti - _WINDOW), min(b, hi, after + 1 + _WINDOW))
                if self.k(j) & self.lex.seek]
        if near and any(self.k(j) & self.lex.medical for j in range(a, b)):
            return near[0]
        return None

    def subcount_after(self, te: int, b: int) -> bool:
        """"40 of them minors", "3 з них неповнолітні" (`[subcount] after`)."""
        words = tuple(norm(t.text) for t in self.toks[te + 1:min(b, te + 3)])
        return words in self.lex.subcount_after

    def is_subcount(self, ti: int, a: int) -> bool:
        for phrase in self.lex.subcount:
            n = len(phrase)
            words = [norm(t.text) for t in self.toks[max(a, ti - n - 1):ti] if t.is_word]
            if tuple(words[-n:]) == phrase:
                return True
        return False

    def kind_of(self, idx: int, nm: NumberMention, prev_kind: str | None) -> tuple[str, _Head | None, int] | None:
        ti, te = self.num_tokens[idx]
        tok = self.toks[ti]
        a, b = self.doc.sent_tokens[tok.sent]
        lo, hi = self.neighbours(idx)
        h = self.head(te, b)
        after = h.last if h else te
        if prev_kind and (self.is_subcount(ti, a) or self.subcount_after(te, b)):
            # "20 поранених, з яких троє ще в лікарні": a sub-count's own cue wins
            own = (h.kind, h.last) if h is not None and h.kind else (
                self.cue(ti, after, ti, hi, ti, b, self.lex.override, right_first=True)
                or self.cue(ti, after, ti, hi, ti, b, self.lex.cues, right_first=True))   # "8 из них отпустили"
            return (own[0], h, own[1]) if own else (prev_kind, h, ti)
        rf = self.predicate_follows(after, b)
        ov = self.cue(ti, after, lo, hi, a, b, self.lex.override, rf)
        if h is not None and h.kind:
            if ov:
                return ov[0], h, ov[1]
            return h.kind, h, h.last
        cls = h.cls if h else None
        if any(tok.lemma.endswith(s) for s in self.lex.crowd_adjectives):
            return ("participants", h, ti) if cls in (None, "unknown", "protesters") else None
        if cls == "unknown":
            act = self.story_act(ti, after)
            return ("other", h, act) if act is not None and h is not None and nm.value >= 3 \
                and not nm.vague else None
        if cls in ("vehicles", "buildings"):
            d = self.damaged(ti, after, a, b)
            if d is None:
                sent = cls == "vehicles" and any(self.k(j) & self.lex.deploy for j in range(max(a, ti - 2 * _WINDOW), ti))
                return ("other", h, h.last if h else te) if sent else None   # "направит 150 военных, 11 авто"
            return ("vehicles_damaged" if cls == "vehicles" else "buildings_damaged"), h, d
        if cls == "cases":
            near = range(max(a, ti - 2), min(b, after + 3))
            if any(self.k(j) & self.lex.case_words for j in near):
                return "criminal_cases", h, h.last if h else te
            return None
        if cls == "things":
            return "other", h, h.last if h else te
        if cls is None and list_item(self, ti, a):
            if prev_kind:
                return prev_kind, None, ti   # "в Одессе - 12, в Днепре - 7": the tally's kind goes on
            got = list_kind(self, ti, a, self.lex.cues)
            return (got[0], None, got[1]) if got else None
        if cls is None and not nm.vague and (tok.text[:1].isdigit() or nm.qualifier != "range" and any(
                self.toks[m].text[:1].isdigit() for m in range(ti, te + 1))):   # "ще понад 20 — поранені"
            # a bare digit without a counted noun is too often something else, except after a
            # tally ("число погибших возросло до 27") or before its own verb ("ще 5 госпіталізовано")
            tally = self.tally(ti, a)
            if tally is not None:
                return tally[0], None, tally[1]
            if ti - 2 >= a and (self.toks[ti - 1].text in DASHES or self.toks[ti - 1].text == ":"):
                c = self.cue_of(ti - 2, self.lex.cues)   # "Погибших — 5, раненых — 40", "Dead: 5"
                if c and c != "participants" and self.toks[ti - 2].an.pos != "VERB":
                    return c, None, ti - 2
            if ti > a:
                c = self.cue_of(ti - 1, self.lex.cues)
                if c and c != "participants" and self.toks[ti - 1].an.pos != "NOUN":
                    return c, None, ti - 1   # "injuring 50", "затримали 50"
            j = after + 1
            while j < b and j <= after + 3 and (self.toks[j].an.pos in ("ADVB", "PRCL")
                                                or self.toks[j].lower in _EN_AUX or self.toks[j].text in "—–"):
                j += 1   # "ще 5 госпіталізовано", "13 were injured"
            c = self.cue_of(j, self.lex.cues) if j < b else None
            if c and self.toks[j].an.pos != "NOUN":
                return c, None, j
            if c is None and j < b and self.k(j) & self.lex.receive:
                # "ще 12 отримали поранення", "10 were taken to hospital": a verb, then the cue noun
                for m in range(j + 1, min(b, j + 3)):
                    rc = self.cue_of(m, self.lex.cues)
                    if rc in ("injured", "hospitalized"):
                        return str(rc), None, m
            return None
        if ov:
            return ov[0], h, ov[1]
        cu = self.cue(ti, after, lo, hi, a, b, self.lex.cues, rf)
        if cu:
            return cu[0], h, cu[1]
        tally = self.tally(ti, a) if cls in _PERSON_CLASSES else None
        if tally is not None:
            return tally[0], h, tally[1]   # "Число погибших в ходе протестов ... достигло 225 человек"
        if prev_kind and cls in _PERSON_CLASSES and ti > a and self.toks[ti - 1].lower in self.lex.conjunctions:
            return prev_kind, h, ti   # "пострадали 7 учителей и 3 врача": the second shares the cue
        if cls in _PERSON_CLASSES and ti > a and self.toks[ti - 1].text in DASHES:
            told = list_kind(self, ti, a, self.lex.cues)   # "Число задержанных в Тбилиси — 40 человек"
            if told is not None and self.toks[told[1]].an.pos in ("NOUN", "ADJF", "PRTF"):
                return told[0], h, told[1]
        seek = self.medical_help(ti, after, lo, hi, a, b)
        if seek is not None:
            return "hospitalized", h, seek
        crowd = self.cue(ti, after, lo, hi, a, b, self._crowd, rf)
        if crowd and cls in _PERSON_CLASSES:
            return "participants", h, crowd[1]
        there = self.existential(ti) if cls in ("people", "protesters") else None
        if there is not None:
            return "participants", h, there   # "на мітингу було близько 5 тисяч людей"
        if cls == "protesters":
            return "participants", h, h.last if h else te
        if cls == "military" and nm.value >= 10:
            return "other", h, h.last if h else te   # troops deployed; "one soldier" is no figure
        return None

    def tally(self, ti: int, a: int) -> tuple[str, int] | None:
        """"кількість загиблих ... до 27", "the death toll rose to 27": the kind and its cue."""
        lo = max(a, ti - _WINDOW - 3)
        for j in range(ti - 1, lo - 1, -1):
            if self.toks[j].text in _BARRIERS:
                return None
            if self.k(j) & self.lex.tally or (self.lang == "en" and self.k(j) & {"crowd"}):
                for m in range(max(a, j - 2), min(ti, j + 3)):
                    c = self.cue_of(m, self.lex.cues)
                    if c and (c != "participants" or self.toks[m].an.pos in ("NOUN", None)):
                        return c, m
                    if self.cls_of(m) == "protesters":
                        return "participants", m   # "кількість учасників сягнула 5 тисяч"
        return None

    def run(self) -> list[Count]:
        out: list[Count] = []
        if not self.about_unrest():
            return out
        past = self.historic_sentences()
        seen: set[tuple[str, float]] = set()
        where: dict[tuple[str, float], list[tuple[int, str | None]]] = {}
        vague: set[int] = set()     # ids of counts told by a vague word ("більше десятка")
        prev_kind: str | None = None
        prev_sent = -1
        text = self.doc.text
        for idx, nm in enumerate(self.numbers):
            if self.ctx.skipped(nm.start, nm.end):
                continue
            sent = self.toks[self.num_tokens[idx][0]].sent
            if sent != prev_sent:
                prev_kind, prev_sent = None, sent
            if sent in past:
                continue   # history recalled, not this article's figures
            got = self.kind_of(idx, nm, prev_kind)
            if got is None:
                continue
            kind, h, cue_i = got
            prev_kind = kind
            if self.historic_clause(self.num_tokens[idx][0]):
                continue   # "…, де 14 березня 2019 року загинули 30 людей": another, older event
            if self.demanded(self.num_tokens[idx][0]) or self.other_story(sent):
                continue   # "вимагали звільнити 12 політв'язнів"; "в ДТП погибли 3 человека"
            if self.future(cue_i) or self.intended(self.num_tokens[idx][0]) or self.denied(self.num_tokens[idx][0]):
                prev_kind = None   # its sub-counts ("з них понад 30 тисяч") are forecasts too
                continue   # "постраждають 55 тисяч": a forecast, not a figure
            if nm.vague and nm.value >= 1_000_000:
                continue   # "смерть мільйонів": rhetoric, not a figure
            crowd_noun = kind == "participants" and h is not None and h.cls == "protesters"
            if (kind == "participants" and not crowd_noun or self.k(cue_i) & self.lex.needs_context) \
                    and not self.near_unrest(sent):
                continue   # "участь 100 осіб" in a vaccine trial, "померли" of an illness
            if kind == "participants" and self.k(cue_i) & self.lex.goal_verbs and not self.unrest_goal(sent):
                continue   # "на похороны пришли сто тысяч": people came, to no protest
            if nm.vague and nm.value <= _FEW_MAX and kind not in _FEW_KINDS:
                continue   # "several shops", "несколько нападений": too vague to be a figure
            if kind == "participants" and nm.value < 3:
                continue  # a demonstration is 3+ people; "one of the participants" is no crowd
            loc = self.location(nm.start)
            told = where.get((kind, nm.value), [])
            if any(ws != sent or wl == loc for ws, wl in told):
                continue   # told before: a repeat, unless a tally's next place ("в Самаре - 12, в Уфе - 12")
            where.setdefault((kind, nm.value), []).append((sent, loc))
            seen.add((kind, nm.value))
            subject = None
            end = nm.end
            if h is not None:
                subject = text[self.toks[h.first].start:self.toks[h.last].end]
                end = max(end, self.toks[h.last].end)
            cue_tok: Token = self.toks[cue_i]
            start = min(nm.start, cue_tok.start)
            end = max(end, cue_tok.end)
            out.append(Count(
                kind=kind, value=nm.value, qualifier=nm.qualifier, subject=subject,
                location=loc, source=self.source(nm.start),
                evidence=[Span.of(text, start, end)], value_max=nm.value_max))
            if nm.vague:
                vague.add(id(out[-1]))
        out.extend(self.implied_ones(past, seen, out))
        out.extend(self.damage_sums(past, seen))
        return merge_repeats(out, vague)

    def damage_sums(self, past: set[int], seen: set[tuple[str, float]]) -> list[Count]:
        """"ущерб оценили в 87 млрд тенге", "damage estimated at $5 million": a sum of money after a
        damage word in a sentence of the story is an `other` figure (the numbers stage drops money)."""
        out: list[Count] = []
        text = self.doc.text
        for si, (a, b) in enumerate(self.doc.sent_tokens):
            if si in past or not self.near_unrest(si):
                continue
            for j in range(a, b):
                if not self.k(j) & self.lex.damage_money or self.ctx.skipped(self.toks[j].start, self.toks[j].end):
                    continue
                nm = money_after(self.ctx, j + 1, min(b, j + 1 + 2 * _WINDOW))
                if nm is None or ("other", nm.value) in seen or self.future(j) or self.denied(j):
                    break
                seen.add(("other", nm.value))
                start = self.toks[j].start
                out.append(Count(kind="other", value=nm.value, qualifier=nm.qualifier,
                                 subject=self.toks[j].text, location=self.location(start),
                                 source=self.source(nm.start), evidence=[Span.of(text, start, nm.end)]))
                break
        return out

    def implied_ones(self, past: set[int], seen: set[tuple[str, float]], found: list[Count]) -> list[Count]:
        """"погиб полицейский", "a protester was killed": 1 for each singular victim (shapes.py)."""
        out: list[Count] = []
        text = self.doc.text
        told = {(c.kind, self.doc.sentence_of(c.evidence[0].start)) for c in found if c.evidence}
        for si, (a, b) in enumerate(self.doc.sent_tokens):
            if si in past or si not in self.unrest_sents and not self.near_unrest(si):
                continue
            s = self.doc.sentences[si]
            if self.ctx.skipped(s.start, s.end):
                continue
            numbered = {m for x, y in self.num_tokens if a <= x < b for m in range(x, y + 1)}
            for imp in implied_in(self, a, b, numbered, self.lex.cues):
                if (imp.kind, si) in told or (imp.kind, float(imp.value)) in seen:
                    continue   # "погибли двое, в том числе полицейский": the figure already tells it
                if self.future(imp.cue) or self.denied(imp.first) or self.intended(imp.first):
                    continue
                seen.add((imp.kind, float(imp.value)))
                told.add((imp.kind, si))
                lo = min(self.toks[imp.first].start, self.toks[imp.cue].start)
                hi = max(self.toks[imp.last].end, self.toks[imp.cue].end)
                out.append(Count(
                    kind=imp.kind, value=float(imp.value), qualifier="exact",
                    subject=text[self.toks[imp.first].start:self.toks[imp.last].end],
                    location=self.location(lo), source=self.source(self.toks[imp.first].start),
                    evidence=[Span.of(text, lo, hi)]))
        return out


def _compatible(loose: Count, exact: Count) -> bool:
    """"більше десятка затриманих" and "затримано 11 осіб" are one figure told twice."""
    if loose.kind != exact.kind or exact.qualifier != "exact" or loose is exact:
        return False
    if loose.qualifier in ("more_than", "at_least"):
        return loose.value <= exact.value <= 1.5 * loose.value
    return False


def merge_repeats(counts: list[Count], vague: set[int]) -> list[Count]:
    """Drop a vague figure ("більше десятка затриманих") when an exact one of the same kind
    ("затримано 11 осіб") tells the same number."""
    return [c for c in counts if id(c) not in vague or not any(_compatible(c, e) for e in counts)]


def run(ctx: Context) -> None:
    """Fill ctx.counts from ctx.numbers (needs places and attributions when they exist)."""
    ctx.counts = _Counter(ctx).run()


def recount(ctx: Context, story: set[int]) -> list[Count]:
    """The figures of an article that names no unrest word but whose events stage found events
    in sentences `story` ("a crowd of several hundred gathered outside parliament")."""
    return _Counter(ctx, frozenset(story)).run()
