"""What a gathering protests is not what happened at it: "Students protested in Dhaka against the
killing of a classmate in Chittagong", "Hundreds rallied in Marseille in solidarity with farmers
detained in Toulouse". After a gathering's trigger, a cause cue (`modality.toml` [cues] `cause`:
"against", "in solidarity with", ...; or a backdrop cue: "after", "following") opens the grievance: the harm named there (a killing,
an arrest) is no act of this event, and the towns named there are not its places.
"""

from __future__ import annotations

from ...text.doc import Doc
from .modality import clause_end, clause_start, modality_cues
from .triggers import Hit

# a gathering or a crowd's own violence ("rioters burned cars ... after the police shooting of ...")
GATHERING = frozenset({"demo", "march", "street", "protest", "protest_act", "action", "gather", "protester", "riot",
                       "arson", "vandal", "throw", "loot"})
GRIEVANCE_ACTS = frozenset({"lethal", "beat", "detain", "abduct", "sexual"})   # harm a crowd may protest
# "after", "amid" are read as backdrop cues, "condemning" as a reaction: they open a grievance too
CAUSE_CUES = frozenset({"cause", "background", "reaction"})
CAUSE_REACH = 6   # "against the brutal police killing of": the harm this close after its cue


def _sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    return doc.sent_tokens[doc.tokens[i].sent]


def cause_spans(doc: Doc, hits: list[Hit] | tuple[Hit, ...]) -> list[tuple[int, int]]:
    """Token spans [cue, clause end) of the grievances opened after a gathering trigger among hits."""
    gathering = [h for h in hits if h.cls in GATHERING]
    if not gathering:
        return []
    a, b = _sentence_of(doc, gathering[0].first)
    # the cue in the clause of a gathering trigger before it ("marched in Lyon after the killing of")
    return [(c.first, clause_end(doc, b, c.last)) for c in modality_cues(doc, a, b)
            if c.cls in CAUSE_CUES and any(clause_start(doc, a, c.first) <= g.first < c.first for g in gathering)]


def is_grievance(doc: Doc, h: Hit, live: list[Hit]) -> bool:
    """Is the hit a harm named as the cause a gathering of the sentence protests?"""
    if h.cls not in GRIEVANCE_ACTS:
        return False
    return any(c0 < h.first < c1 and h.first - c0 <= CAUSE_REACH for c0, c1 in cause_spans(doc, live))


def in_grievance(doc: Doc, start: int, hits: list[Hit] | tuple[Hit, ...]) -> bool:
    """Is the character offset inside a grievance opened after the event's gathering trigger?"""
    k = doc.token_at(start)
    return any(c0 < k < c1 for c0, c1 in cause_spans(doc, hits))
