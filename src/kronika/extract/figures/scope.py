"""Stage 'counts_scope' (after the events stage): the figures of an article without a story go.

A figure is about the unrest when the article tells of an act of it: an event the events stage
emitted, or a sentence with a live event trigger or protester noun (one that survived modality: not
planned, denied or history recalled; its event may still lack a place to be emitted with). An anniversary piece
("soldiers killed 504 villagers in 1968"), a court report or a vaccine trial that only mentions
unrest words keeps no figures.

Measured and left out: scoping each figure to the paragraphs (or neighbouring sentences) of the
event sentences. News runs one sentence a paragraph and the events stage misses sentences ("the
toll rose to 27" after the clash), so the paragraph rule dropped true figures on dev and dev2 and
no false one; within an article the counts stage's own unrest gate (counts.py: `near_unrest`)
stays the finer filter.

An article none of whose words is an unrest word of counts.toml had no figures counted; when the
events stage still found events in it ("a crowd of several hundred gathered outside parliament"),
its figures are counted again with the events' sentences as the story's.

The candidate figures are found before the events stage, whose fatalities read the killed figures
of each event's own sentences (this stage never removes those: an emitted event keeps its article
in scope).
"""

from __future__ import annotations

from ...text.doc import Doc
from ...text.normalise import norm
from ..context import Context
from ..events.attach import NON_TRIGGER
from ..events.classify import sentence_hits
from ..events.modality import blocked, modality_cues
from ..events.triggers import matcher
from .counts import lexicon, recount

# the protesters themselves (an actor noun of events.toml) tell of the unrest as much as an act does:
# "troops sent to quell the demonstrators who demanded lower prices"
STORY_CLASSES_OFF = NON_TRIGGER - {"protester"}


def event_sentences(ctx: Context) -> set[int]:
    """The sentences of every emitted event's evidence."""
    doc = ctx.doc
    out: set[int] = set()
    for e in ctx.events:
        for span in e.evidence:
            if 0 <= span.start < len(doc.text):
                out.add(doc.sentence_of(span.start))
    return out


def has_live_trigger(doc: Doc) -> bool:
    """Does some sentence name an act of unrest that survives modality (events.toml, on lemmas)?"""
    return any(h.cls not in STORY_CLASSES_OFF
               for si in range(len(doc.sentences)) for h in sentence_hits(doc, si, False)[0])


def since_sentences(ctx: Context) -> list[int]:
    """Sentences whose only old dates run up to now ("з 2010 року триває протест"): the events
    stage reads any old year as history, the counts stage (`[since]` in counts.toml) does not."""
    doc = ctx.doc
    since = lexicon(doc.lang).since
    verdict: dict[int, bool] = {}
    for d in ctx.dates:
        if d.kind != "historic":
            continue
        i = doc.token_at(d.start)
        si = doc.tokens[i].sent
        verdict[si] = verdict.get(si, True) and i > 0 and doc.tokens[i - 1].lower in since
    return [si for si, ok in verdict.items() if ok]


def act_since(ctx: Context) -> bool:
    """An act reported in a sentence dated "since" a year, not otherwise blocked by its modality."""
    doc = ctx.doc
    m = matcher(doc.lang, "events")
    for si in since_sentences(ctx):
        a, b = doc.sent_tokens[si]
        hits = [h for h in m.find(doc, a, b) if h.cls not in STORY_CLASSES_OFF]
        if hits:
            cues = modality_cues(doc, a, b)
            if any(blocked(doc, a, b, h, cues) is None for h in hits):
                return True
    return False


def in_story(ctx: Context) -> bool:
    """Does the article tell of an event (emitted, or read without a place)?"""
    return bool(event_sentences(ctx)) or has_live_trigger(ctx.doc) or act_since(ctx)


def run(ctx: Context) -> None:
    """Drop ctx.counts when the article tells of no event (needs ctx.events); count again, from the
    events' sentences, an article whose events the counts stage's unrest words did not see."""
    if ctx.counts and not in_story(ctx):
        ctx.counts = []
    elif not ctx.counts and ctx.events and not any_unrest_word(ctx):
        ctx.counts = recount(ctx, event_sentences(ctx))



def any_unrest_word(ctx: Context) -> bool:
    """Does some word of the text belong to `[unrest]` of counts.toml (the counts stage's gate)?"""
    unrest = lexicon(ctx.doc.lang).unrest
    return any(t.is_word and (norm(t.lower) in unrest or norm(t.an.lemma) in unrest) for t in ctx.doc.tokens)
