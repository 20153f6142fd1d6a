"""Binding a date to an event: the date expression an event's own clause, sentence or paragraph
holds, else the story's anchor (dateline, headline, publication), never a deadline ("до 15 марта"), a
past date of a background paragraph, the day of a statement ("said on Wednesday") or of a relative
clause beside the event's own; a round-up town's own stretch ("..., а 12 березня - у Тернополі");
ACLED's approximate dates ("on or around 3 May") and spans ("between 3 and 5 May") loosened to week
precision."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from ..resources import lexicon_lang, load_lexicon
from ..text.doc import analyse
from ..text.normalise import norm
from .context import Context
from .date_lexicon import lexicon
from .mentions import DateMention

# "у січні", "в начале января", "in early January": a month without a day
DAY_KINDS = ("date", "relative", "weekday", "range", "month")

APPROX_REACH = 3     # "on or around 3 May": the cue this many words before the date at most
RANGE_DAYS = 2       # "between 3 and 5 May": a span this long is dated to its first day at week precision
HEADLINE_DAYS = 31   # a headline's day at most this long before publication dates the story
CURRENT_DAYS = 7     # a weekday or "yesterday" this near publication is the story's own day
_STRETCH_ENDS = {",", ";", "(", ")"}


@lru_cache(maxsize=8)
def _approximate_cues(lang: str) -> tuple[tuple[str, ...], ...]:
    """The `approximate` phrases of the language's dates.toml, as word tuples."""
    w = load_lexicon(lexicon_lang(lang), "dates").get("words", {})
    return tuple(tuple(norm(p).split()) for p in w.get("approximate", []))


def loosen(ctx: Context) -> None:
    """ACLED's time_precision 2 for a day the text gives only roughly: after an approximate cue ("on or
    around", "around", "assumed on": `approximate` in dates.toml) or as a span of several days (the
    first day stands for it)."""
    cues = _approximate_cues(ctx.doc.lang)
    doc = ctx.doc
    for d in ctx.dates:
        if d.kind not in ("date", "range") or d.value is None or d.precision != 1:
            continue
        if d.value_end is not None and (d.value_end - d.value).days >= RANGE_DAYS:
            d.precision = 2
            continue
        k = doc.token_at(d.start)
        a = doc.sent_tokens[doc.tokens[k].sent][0]
        before = " " + " ".join(t.lower for t in doc.tokens[max(a, k - APPROX_REACH):k]) + " "
        if any(" " + " ".join(cue) + " " in before for cue in cues):
            d.precision = 2


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return a, (len(text) if b < 0 else b)


def event_date(ctx: Context, start: int, end: int) -> tuple[date | None, int]:
    """The date of the event told in text[start:end] and its ACLED time_precision.

    Pass the event's clause or evidence span. In order:
    1. a day-level date expression (date, range, weekday, relative day, month) in the sentence(s)
       covering the span — inside the span first, else the nearest one in those sentences;
       historic dates (a year or more from publication) and future dates are not used;
    2. else the nearest such date earlier in the same paragraph (the story continues);
    3. else the article's news date: its dateline, else the one day its headline names, else
       published, precision 1;
    4. else (no publication date, nothing resolvable) None with precision 3.
    A range gives its first day ("в ночь с 4 на 5 января" -> 4 January); a week-level expression
    ("минулого тижня") precision 2, a month precision 3.
    """
    doc = ctx.doc
    pub = doc.published
    usable = [d for d in ctx.dates if d.kind in DAY_KINDS
              and (d.value is None or pub is None or d.value <= pub + timedelta(days=1))]
    if doc.sentences:
        s0 = doc.sentences[doc.sentence_of(start)].start
        s1 = doc.sentences[doc.sentence_of(max(start, end - 1))].end
    else:
        s0, s1 = start, end
    inside = _not_statements(ctx, [d for d in usable if start <= d.start and d.end <= end])
    if inside:
        return _value(inside[0], pub)
    # beyond the span, a deadline ("обещали принять закон до 15 марта") dates nothing told beside it
    usable = [d for d in usable if not _deadline(ctx, d)]
    near = _not_statements(ctx, [d for d in usable if s0 <= d.start and d.end <= s1])
    if near:
        best = min(near, key=lambda d: min(abs(d.start - start), abs(d.end - start)))
        return _value(best, pub)
    pa, _ = _paragraph(doc.text, start)
    before = [d for d in usable if pa <= d.start and d.end <= s0 and _anchors_story(ctx, d)]
    if before:
        return _value(before[-1], pub)
    told = next((d.value for d in ctx.dates if d.kind == "dateline"), None)
    if told is not None:
        return told, 1     # a wire story's dateline: the day it is told from
    if "headline_day" not in doc.memo:
        # read only where needed (a second analysis of the title costs a tenth of the dates stage);
        # imported here because the dates stage imports this module
        from .dates import find_dates
        doc.memo["headline_day"] = headline_day(ctx, find_dates)
    head = doc.memo["headline_day"]
    if isinstance(head, date):
        return head, 1     # "... in Accra on 5 March": the headline's day
    if pub is not None:
        return pub, 1
    return None, 3


def current_days(ctx: Context) -> list[int]:
    """Where a weekday or a relative day near publication stands ("во вторник", "вчера"): a day that can
    only be the story's own, whatever year its sentence recalls ("Как и в 2019 году, ... во вторник")."""
    pub = ctx.doc.published
    if pub is None:
        return []
    return sorted(d.start for d in ctx.dates if d.kind in ("weekday", "relative") and d.precision == 1
                  and d.value is not None and abs((pub - d.value).days) <= CURRENT_DAYS)


def headline_day(ctx: Context, find: Callable[[Context], list[DateMention]]) -> date | None:
    """The one day the headline names ("Traders protest in Accra on 5 March", "У Рівному вчора
    пікетували облраду"), not after publication nor a month before it; None when it names none or
    several."""
    doc = ctx.doc
    if not ctx.title or not ctx.title.strip() or not _may_name_a_day(doc.lang, ctx.title):
        return None
    head = Context(analyse(ctx.title, doc.lang, doc.published, doc.published_year, doc.published_month))
    days = {d.value for d in find(head) if d.kind in ("date", "weekday", "relative") and d.precision == 1
            and d.value is not None}
    pub = doc.published
    if len(days) != 1:
        return None
    day = days.pop()
    return day if pub is None or 0 <= (pub - day).days <= HEADLINE_DAYS else None


PREFIX = 4   # "января" and "январь" share their first letters: enough to tell a title worth reading


@lru_cache(maxsize=8)
def _day_prefixes(lang: str) -> frozenset[str]:
    return frozenset(w[:PREFIX] for w in lexicon(lang).words)


def _may_name_a_day(lang: str, title: str) -> bool:
    """A cheap look before analysing a title: a digit, or a word that begins like a month, weekday or
    relative-day word of the language."""
    prefixes = _day_prefixes(lang)
    return any(ch.isdigit() for ch in title) or any(
        norm(w)[:PREFIX] in prefixes for w in re.findall(r"\w+", title))


def stretch_date(ctx: Context, offset: int) -> tuple[date | None, int] | None:
    """The date of the comma-bounded stretch of the sentence around `offset` when it names one of its
    own ("У Львові 10 березня пройшов мітинг, а 12 березня - у Тернополі": Ternopil's is the 12th),
    the first of several; None when the stretch names none."""
    doc = ctx.doc
    k = doc.token_at(offset)
    a, b = doc.sent_tokens[doc.tokens[k].sent]
    links, preps = _stretch_links(doc.lang)

    def ends(i: int) -> bool:    # a comma, or "and" before "in": "in Ibadan on Tuesday and in Abuja on ..."
        t = doc.tokens[i]
        return t.text in _STRETCH_ENDS or (t.lower in links and i + 1 < b and doc.tokens[i + 1].lower in preps)

    lo, hi = k, k
    while lo > a and not ends(lo - 1):
        lo -= 1
    while hi < b and not ends(hi):
        hi += 1
    start, end = doc.tokens[lo].start, doc.tokens[hi - 1].end
    pub = doc.published
    sub = lexicon(doc.lang).subordinators

    def apart(d: DateMention) -> bool:   # "in Nanterre where a teenager was shot on Tuesday": not its day
        x, y = sorted((k, doc.token_at(d.start)))
        return any(t.lower in sub or t.lemma in sub for t in doc.tokens[x:y])

    own = [d for d in ctx.dates if start <= d.start and d.end <= end and d.kind in DAY_KINDS
           and d.value is not None and (pub is None or d.value <= pub + timedelta(days=1))
           and not apart(d) and not _statement(ctx, d)]
    return _value(own[0], pub) if own else None


STATEMENT_GAP = 3    # "Police on Wednesday said", "On Wednesday, the ministry said": words between


@lru_cache(maxsize=8)
def _speech_verbs(lang: str) -> frozenset[str]:
    """The language's verbs of saying (sources.toml `cues.verbs`)."""
    return frozenset(load_lexicon(lexicon_lang(lang), "sources").get("cues", {}).get("verbs", []))


def _not_statements(ctx: Context, found: list[DateMention]) -> list[DateMention]:
    """Of several dates, those that do not date a statement ("The ministry said on Wednesday protesters
    had blocked a road on Monday": Monday) or a relative clause's backdrop; all of them when each does."""
    if len(found) < 2:
        return found
    kept = [d for d in found if not _statement(ctx, d) and not _relative(ctx, d)]
    return kept or found


def _relative(ctx: Context, d: DateMention) -> bool:
    """A date in a relative clause set off by commas (", where a protester died on Monday,",
    ", які в п'ятницю пікетували міськраду,"): the backdrop's day, not the event's."""
    doc = ctx.doc
    k = doc.token_at(d.start)
    a = doc.sent_tokens[doc.tokens[k].sent][0]
    lo = k
    while lo > a and doc.tokens[lo - 1].text not in _STRETCH_ENDS:
        lo -= 1
    if lo == a:
        return False
    sub = lexicon(doc.lang).subordinators
    return any(t.lower in sub or t.lemma in sub for t in doc.tokens[lo:min(lo + 2, k)])


def _statement(ctx: Context, d: DateMention) -> bool:
    """A date told right after a verb of saying ("said on Wednesday", "сообщили в среду") or shortly
    before it ("Police on Wednesday said", "В среду МВД сообщило"; across a comma only from the
    sentence's start: "On Wednesday, the ministry said")."""
    doc = ctx.doc
    verbs = _speech_verbs(doc.lang)
    a = doc.token_at(d.start)
    b = doc.token_at(max(d.start, d.end - 1))
    s0, s1 = doc.sent_tokens[doc.tokens[a].sent]

    def speech(t: int) -> bool:
        return doc.tokens[t].lemma in verbs or doc.tokens[t].lower in verbs

    if a - 1 >= s0 and speech(a - 1):
        return True
    for v in range(b + 1, min(b + 2 + STATEMENT_GAP, s1)):
        if speech(v):
            return a == s0 or not any(doc.tokens[t].text == "," for t in range(b + 1, v))
    return False


@lru_cache(maxsize=8)
def _stretch_links(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's "and" words and place prepositions (clauses.toml)."""
    raw = load_lexicon(lexicon_lang(lang), "clauses")
    return frozenset(raw.get("and_words", [])), frozenset(raw.get("in_preps", []))


def _deadline(ctx: Context, d: DateMention) -> bool:
    """'до 15 березня', 'until 15 March': a date after a deadline preposition."""
    doc = ctx.doc
    k = doc.token_at(d.start)
    if k <= 0 or doc.tokens[k].start != d.start or doc.tokens[k - 1].sent != doc.tokens[k].sent:
        return False
    return doc.tokens[k - 1].lower in lexicon(doc.lang).deadline_preps


def _anchors_story(ctx: Context, d: DateMention) -> bool:
    """A date that sets the scene for what follows, not one inside a relative clause
    ("суд, который накануне оправдал…" dates the ruling, not the protests told next)."""
    doc = ctx.doc
    si = doc.sentence_of(d.start)
    for tok in doc.sent_toks(si):
        if tok.start >= d.start:
            return True
        sub = lexicon(doc.lang).subordinators
        if tok.lemma in sub or tok.lower in sub:
            return False
    return True


def _value(d: DateMention, pub: date | None) -> tuple[date | None, int]:
    if d.value is None:
        return None, 3
    return d.value, d.precision


def dates_between(ctx: Context, start: int, end: int) -> list[DateMention]:
    """Date mentions within [start, end) (sorted), for other stages."""
    starts = [d.start for d in ctx.dates]
    i = bisect_right(starts, start - 1)
    return [d for d in ctx.dates[i:] if d.end <= end]
