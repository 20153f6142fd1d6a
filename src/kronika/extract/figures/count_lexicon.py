"""The counts lexicon of a language (lexicons/<lang>/counts.toml), loaded once and normalised."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...text.normalise import norm


@dataclass(slots=True, frozen=True)
class CountLexicon:
    cues: dict[str, str]
    override: dict[str, str]
    head_class: dict[str, str]
    case_words: frozenset[str]
    damage: frozenset[str]
    subcount: tuple[tuple[str, ...], ...]
    subcount_after: frozenset[tuple[str, ...]]
    of_words: frozenset[str]
    seek: frozenset[str]
    medical: frozenset[str]
    unrest: frozenset[str]
    crowd: frozenset[str]
    tally: frozenset[str]
    measure: frozenset[str]
    needs_context: frozenset[str]
    since: frozenset[str]
    planned: frozenset[str]
    receive: frozenset[str]
    deny: frozenset[str]
    conjunctions: frozenset[str]    # additive: "7 учителей и 3 врача", "a guard and a driver"
    future_aux: frozenset[str]      # "будут задержаны", "will be detained"
    crowd_adjectives: tuple[str, ...]   # "многотысячный митинг": the figure is a crowd
    goal_verbs: frozenset[str] = frozenset()   # "прийти": a crowd's cue only with an unrest goal
    goal_preps: frozenset[str] = frozenset()   # "на мітинг", "к зданию"
    existential: frozenset[str] = frozenset()   # "на митинге было 5 тысяч": people there
    locative: frozenset[str] = frozenset()      # "на", "в": the unrest word the people were at
    relative: frozenset[str] = frozenset()      # "п'ятьох, яких утримували ..., звільнили"
    deploy: frozenset[str] = frozenset()        # "направит 11 авто": vehicles sent, not damaged
    demand: frozenset[str] = frozenset()        # "требовали освободить 12": demanded, not reported
    damage_money: frozenset[str] = frozenset()   # "ущерб", "damage": a sum after them is a figure


@lru_cache(maxsize=8)
def lexicon(lang: str) -> CountLexicon:
    raw = load_lexicon(lexicon_lang(lang), "counts")
    heads: dict[str, str] = {}
    for cls, words in raw.get("heads", {}).items():
        for w in words:
            heads.setdefault(norm(w), cls)
    return CountLexicon(
        cues={norm(k): v for k, v in raw.get("cues", {}).items()},
        override={norm(k): v for k, v in raw.get("override", {}).items()},
        head_class=heads,
        case_words=frozenset(norm(w) for w in raw.get("case_words", {}).get("words", [])),
        damage=frozenset(norm(w) for w in raw.get("damage", {}).get("words", [])),
        subcount=tuple(tuple(norm(p).replace(".", " ").split()) for p in
                       raw.get("subcount", {}).get("phrases", [])),
        subcount_after=frozenset(tuple(norm(p).split()) for p in raw.get("subcount", {}).get("after", [])),
        of_words=frozenset(raw.get("of", {}).get("words", [])),
        seek=frozenset(norm(w) for w in raw.get("medical", {}).get("seek", [])),
        medical=frozenset(norm(w) for w in raw.get("medical", {}).get("words", [])),
        unrest=frozenset(norm(w) for w in raw.get("unrest", {}).get("words", [])),
        crowd=frozenset(norm(w) for w in raw.get("crowd", {}).get("words", [])),
        tally=frozenset(norm(w) for w in raw.get("tally", {}).get("words", [])),
        measure=frozenset(norm(w) for w in raw.get("measure", {}).get("words", [])),
        needs_context=frozenset(norm(w) for w in raw.get("needs_context", {}).get("words", [])),
        since=frozenset(raw.get("since", {}).get("words", [])),
        planned=frozenset(norm(w) for w in raw.get("planned", {}).get("words", [])),
        receive=frozenset(norm(w) for w in raw.get("receive", {}).get("words", [])),
        deny=frozenset(norm(w) for w in raw.get("deny", {}).get("words", [])),
        conjunctions=frozenset(norm(w) for w in raw.get("conjunctions", {}).get("words", [])),
        future_aux=frozenset(norm(w) for w in raw.get("future", {}).get("auxiliaries", [])),
        crowd_adjectives=tuple(raw.get("crowd_adjectives", {}).get("endings", [])),
        goal_verbs=frozenset(norm(w) for w in raw.get("goal", {}).get("verbs", [])),
        goal_preps=frozenset(norm(w) for w in raw.get("goal", {}).get("prepositions", [])),
        existential=frozenset(norm(w) for w in raw.get("goal", {}).get("existential", [])),
        locative=frozenset(norm(w) for w in raw.get("goal", {}).get("locative", [])),
        relative=frozenset(norm(w) for w in raw.get("relative", {}).get("words", [])),
        deploy=frozenset(norm(w) for w in raw.get("deploy", {}).get("words", [])),
        demand=frozenset(norm(w) for w in raw.get("demand", {}).get("words", [])),
        damage_money=frozenset(norm(w) for w in raw.get("damage_money", {}).get("words", [])),
    )
