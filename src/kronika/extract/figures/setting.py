"""How a figure is told: forecast, intended, denied or history, and where and by whom.

The counts stage's scanner inherits these checks (counts.py); their words come from
lexicons/<lang>/counts.toml (`[future]`, `[planned]`, `[deny]`, `[since]`, `[unrest]`).
"""

from __future__ import annotations

from bisect import bisect_right

from ...text.clauses import clause_of
from ..events.triggers import matcher
from .count_lexicon import CountLexicon
from .numbers import TokenScanner
from .source import figure_source

_BARRIERS = {",", ";", ":", "(", ")", "—", "–"}
_NEAR = 1   # sentences an unrest word reaches (2 lets an illness two sentences from a protest in)
_OTHER_STORIES = frozenset({"accident"})   # event classes (events.toml) of stories beside the unrest ("sport" reads "нападник" too)
_INFN = frozenset({"INFN", "infn"})   # pymorphy3 ru and uk spell the infinitive tag differently


class FigureSetting(TokenScanner[CountLexicon]):
    unrest_sents: set[int]

    def future(self, j: int) -> bool:
        tok = self.toks[j]
        if "futr" in tok.an.tags:
            return True
        prev = self.toks[j - 1].lower if j > 0 else ""
        if prev in ("be", "been", "have") and j > 1:
            prev = self.toks[j - 2].lower   # "could be detained", "might have been killed"
            if prev in ("be", "been", "have") and j > 2:
                prev = self.toks[j - 3].lower
        if prev in self.lex.future_aux:
            return True
        # "expect 10,000 people to attend", "планують вивести 5 тисяч людей": intended, not done
        infinitive = prev == "to" if self.lang == "en" else bool(tok.an.tags & _INFN)
        if not infinitive:
            return False
        lo = j - 6
        return any(self.k(i) & self.lex.planned for i in range(max(lo, 0), j)
                   if self.toks[i].sent == tok.sent)

    def denied(self, ni: int) -> bool:
        """"Police denied reports that 20 protesters were killed", "в МВД опровергли сообщения о
        задержании 50": a figure after a verb of denial in its sentence is not reported as fact."""
        sent = self.toks[ni].sent
        a = self.doc.sent_tokens[sent][0]
        return any(self.k(i) & self.lex.deny for i in range(a, ni))

    def intended(self, ni: int) -> bool:
        """"планують вивести на вулиці 5 тисяч": an infinitive governed by a verb of intent
        before the figure, within its clause."""
        if self.lang == "en":
            return False   # English infinitives follow the figure ("expect 10,000 to attend"): see future()
        sent = self.toks[ni].sent
        for i in range(ni - 1, max(ni - 7, -1), -1):
            t = self.toks[i]
            if t.sent != sent or t.text in _BARRIERS:
                return False
            if t.an.tags & _INFN:
                return any(self.k(m) & self.lex.planned for m in range(max(i - 3, 0), i)
                           if self.toks[m].sent == sent)
        return False

    def demanded(self, ni: int) -> bool:
        """"вимагали звільнити 12 політв'язнів", "demanded the release of 12 prisoners": a verb of
        demand (`[demand]`) before the figure in its clause (commas end an English one)."""
        sent = self.toks[ni].sent
        for i in range(ni - 1, max(ni - 8, -1), -1):
            t = self.toks[i]
            if t.sent != sent or t.text in _BARRIERS:
                return False
            if self.k(i) & self.lex.demand:
                return True
        return False

    def other_story(self, sent: int) -> bool:
        """A sentence of another story (an accident: the events lexicon's class for it)
        with no unrest word of its own: "Тем временем в ДТП погибли 3 человека"."""
        if sent in self.unrest_sents:
            return False
        a, b = self.doc.sent_tokens[sent]
        return any(h.cls in _OTHER_STORIES for h in matcher(self.doc.lang, "events").find(self.doc, a, b))

    def unrest_goal(self, sent: int) -> bool:
        """Does the sentence name an unrest goal of a motion verb ("прийшли на мітинг", "пришли к
        мэрии на пикет"): a goal preposition (`[goal]`) right before an unrest word?"""
        a, b = self.doc.sent_tokens[sent]
        return any(self.toks[j].lower in self.lex.goal_preps and any(
            self.k(m) & self.lex.unrest for m in range(j + 1, min(b, j + 3))) for j in range(a, b))

    def existential(self, ti: int) -> int | None:
        """A verb of being in the figure's clause with an unrest word as its place ("на митинге
        было 5 тысяч человек", `[goal] existential`/`locative`): the verb's index, else None."""
        cl = clause_of(self.doc, ti) if self.lex.existential else None
        if cl is None:
            return None
        span = range(cl.first, cl.last)
        verb = next((j for j in span if self.k(j) & self.lex.existential), None)
        if verb is None or any(self.toks[j].is_word and any(self.lex.cues.get(key) not in (None, "participants")
                                                             for key in self.k(j)) for j in span):
            return None   # "среди погибших было 5 детей": the clause tells another kind

        def at_unrest(j: int) -> bool:   # "на митинге", "на массовом митинге"; not "в ходе беспорядков"
            m = j + 2 if j + 2 < cl.last and self.toks[j + 1].an.pos in ("ADJF", "PRTF") else j + 1
            return m < cl.last and bool(self.k(m) & self.lex.unrest)
        return verb if any(self.toks[j].lower in self.lex.locative and at_unrest(j) for j in span) else None

    def location(self, start: int) -> str | None:
        places = [p for p in self.ctx.places if p.kind != "country"] or list(self.ctx.places)
        if not places:
            return None
        si = self.doc.sentence_of(start)
        s = self.doc.sentences[si]
        same = [p for p in places if s.start <= p.start < s.end]
        # "в Самаре - 12, в Уфе - 9": the place of the figure's own comma segment, before it, first
        own = [p for p in same if p.end <= start and "," not in self.doc.text[p.end:start]]
        if own:
            return max(own, key=lambda p: p.end).name
        if same:
            return min(same, key=lambda p: abs(p.start - start)).name
        before = [p for p in places if p.start < start]
        if before:
            return before[-1].name
        return places[0].name

    def source(self, start: int) -> str | None:
        return figure_source(self.ctx, start)

    story: frozenset[int]

    def about_unrest(self) -> bool:
        self.unrest_sents = {t.sent for t in self.toks if t.is_word and self.k(t.i) & self.lex.unrest}
        self.unrest_sents |= self.story
        return bool(self.unrest_sents)

    def near_unrest(self, sent: int) -> bool:
        """An unrest word in the figure's sentence or one of _NEAR around it: the count is about the
        unrest, not about a vaccine trial or a disease told in the same article."""
        return any(s in self.unrest_sents for s in range(sent - _NEAR, sent + _NEAR + 1))

    def historic_sentences(self) -> set[int]:
        """Sentences that recall the past: one with a date a year or more before publication (and
        no recent one), and the undated sentence right after it in its paragraph ("In 1989, …
        The crackdown killed hundreds."). Their figures are history, not this article's news."""
        doc = self.doc
        starts = [x.start for x in doc.sentences]
        state: dict[int, bool] = {}
        for d in self.ctx.dates:
            if d.kind == "time":
                continue
            si = max(bisect_right(starts, d.start) - 1, 0)
            old = d.kind == "historic" and d.value is not None and doc.published is not None \
                and d.value < doc.published and self.opens_sentence(d.start, si)
            state[si] = state.get(si, True) and old
        out: set[int] = set()
        for si in sorted(s for s, old in state.items() if old):
            out.add(si)
            nxt = si + 1   # the next sentence of the paragraph, when undated, still tells that past
            if nxt < len(doc.sentences) and nxt not in state \
                    and "\n" not in doc.text[doc.sentences[si].end:doc.sentences[nxt].start]:
                out.add(nxt)
        return out

    def historic_clause(self, ti: int) -> bool:
        """The figure's own clause (text/clauses) holds a full date a year or more before publication
        that is not a "since" date: the figure tells of that older event."""
        doc = self.doc
        if doc.published is None:
            return False
        cl = clause_of(doc, ti)
        if cl is None:
            return False
        for d in self.ctx.dates:
            if d.kind != "historic" or d.value is None or not cl.start <= d.start < cl.end:
                continue
            i = doc.token_at(d.start)
            since = i > 0 and doc.tokens[i - 1].lower in self.lex.since
            if not since and (doc.published - d.value).days >= 365:
                return True
        return False

    def opens_sentence(self, start: int, si: int) -> bool:
        """The date sets the scene of the whole sentence ("In 1989, …", "У 2014 році …"): at
        most a preposition before it; "З 2010 року" (since) and dates inside a clause do not."""
        before = [t for t in self.doc.sent_toks(si) if t.end <= start and t.is_word]
        return len(before) <= 1 and not any(t.lower in self.lex.since for t in before)
