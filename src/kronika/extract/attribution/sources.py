"""Stage 'sources': who the article attributes its claims to, and which claims each one carries.

The cues (`cues.py`) give mentions; each is named in the nominative (`phrases.py`), completed
through the light coreference (`coref.py`), given the stretch of text whose claims it carries, and
merged with the other mentions of the same source. Photo credits and "read also" links are skipped
(boilerplate ranges), and the article's own outlet (its url host) is no source.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...model import Source, Span
from ...text.doc import Doc
from ..context import Context
from ..mentions import Attribution
from .coref import _back_reference, _complete, _dedupe_key, _full_names, _personal, _roles_of, _single_name
from .cues import Mention, find_mentions
from .lexicon import KIND_ORDER, SourceLexicon, _ratio, fold, known_names, reader, same_name, words
from .names import _patronymic
from .phrases import Resolved
from .quotes import quoted_spans

# ---------------------------------------------------------------------------------------------
# scope of the claims


# "Про це повідомляє X" / "Об этом сообщает X": the claims are in the sentence before


def _scope(doc: Doc, men: Mention, quotes: list[tuple[int, int]],
           skip: list[tuple[int, int]]) -> tuple[int, int]:
    s = doc.sentences[men.sent]
    a, b = s.start, s.end
    for qa, qb in quotes:
        if qa - 1 <= men.cue_start < qb + 1:             # the cue inside a quoted passage
            a, b = min(a, qa), max(b, qb)
        elif a <= qb + 1 <= men.cue_start and qb + 1 <= b:  # '"…", – заявив X': the quote before the cue
            a = min(a, qa)
    if words().backref.match(doc.text[s.start:s.end]) and men.sent > 0:
        a = min(a, doc.sentences[men.sent - 1].start)
    for sa, sb in skip:   # a scope never starts inside boilerplate (a run-on "read also" link)
        if sa <= a < sb <= men.cue_start:
            a = sb
    return a, b


# ---------------------------------------------------------------------------------------------
# the stage


def _own_outlet_keys(url: str | None) -> list[str]:
    if not url:
        return []
    host = urlsplit(url.strip()).hostname or ""
    labels = host.lower().split(".")
    # the top-level domain goes first ("unn.ua" is unn, "dev.unn.ua" too), then the service labels
    labels = [x for x in (labels[:-1] if len(labels) > 1 else labels)
              if x not in ("www", "amp", "m", "ru", "ua", "uk", "en", "co", "com", "dev", "news")]
    return [k for k in (_host_key(x) for x in labels if len(x) >= 2) if k]


def _host_key(name: str) -> str:
    """A name folded for comparison with an address: hosts spell и, ы, й as i or y at will."""
    return fold(name).replace("y", "i")


def _is_own(name: str, own: list[str]) -> bool:
    f = _host_key(name)
    return any(f == k or (len(f) >= 5 and len(k) >= 5 and _ratio(f, k) >= 0.8)
               or (len(k) >= 6 and len(f) > len(k) and _ratio(f[:len(k)], k) >= 0.85)
               # the host is the name with a country tail: "Punch" on punchng.com
               or (len(f) >= 4 and k.startswith(f) and len(k) - len(f) <= 3)
               # a short host is the name's first word: "РИА Новости" on ria.ru
               or (3 <= len(k) < 6 and f.startswith(k) and _host_key(name.split()[0]) == k) for k in own)


def run(ctx: Context) -> None:
    """Fill ctx.attributions (every mention with the claims it carries) and ctx.sources (one per
    distinct source, with the evidence of each mention)."""
    doc = ctx.doc
    lex = reader(doc)
    own = _own_outlet_keys(ctx.url)
    quotes = quoted_spans(doc.text)
    by_key: list[tuple[str, Source]] = []
    people: list[tuple[str, str, str]] | None = None
    roles: dict[str, str] = {}
    linked: list[tuple[Attribution, Source]] = []
    mentions = find_mentions(doc, ctx.skip)
    for dl in _datelines(doc.text) + _handles(doc.text, ctx.skip):
        # "LIMA (Reuters) –", "t.me/channel": who filed or posted the story (no claim scope of its own)
        key = _dedupe_key(dl.name)
        if not _is_own(dl.name, own) and all(k != key for k, _s in by_key):
            by_key.append((key, Source(dl.name, dl.kind, [Span.of(doc.text, dl.start, dl.end)])))
    # "передає Маяк з посиланням на Vesti": the cited source carries the claim before the relay
    chain_end: dict[int, int] = {}
    for men in mentions:
        if words().citing.match(doc.text, men.cue_start, men.cue_end):
            relays = [o.cue_start for o in mentions if o is not men and o.sent == men.sent and o.cue_start < men.cue_start]
            if relays:
                chain_end[id(men)] = min(relays)
    for men in mentions:
        r = men.res
        r.name = _clean(r.name)
        if len(fold(r.name)) < 2 or _is_own(r.name, own) or _unnamed_crowd(doc, r, lex) or _commentator(doc, r, lex):
            continue
        ends = {w.lower() for w in (r.name.split()[0], r.name.split()[-1])}
        if ends & lex.anonymous or {w[:-1] for w in ends if w.endswith("s")} & lex.anonymous:
            r.kind = "other"   # "a police source", "источник в силовых структурах": unnamed, whatever its circle
        tail = r.name.rsplit(" ", 1)
        if len(tail) == 2 and tail[1].lower() in lex.proxies and all(w[:1].isupper() for w in tail[0].split()) \
                and r.kind in ("outlet", "news_agency"):
            r.name = tail[0]   # "an AFP correspondent said": the agency's staff speak for it
            r.kind = known_names().get(fold(r.name), r.kind)
        if _ACRONYM.fullmatch(r.name):
            full = _spelled_out(r.name, doc.text)
            if full and not _is_own(full, own):
                r.name = full   # "RWB" where the text wrote "the River Water Board (RWB)"
                if r.kind == "other":
                    got = {lex.kinds.get(w) for w in re.findall(r"\w+", full.lower())}
                    r.kind = next((k for k in KIND_ORDER if k in got), r.kind)
        if r.kind not in ("outlet", "news_agency", "telegram", "social_media", "government") and (
                _single_name(r.name) or r.kind == "other"):
            if people is None:
                people = _full_names(doc)
                roles = _roles_of(doc)
            if _single_name(r.name):
                r.name = _complete(r.name, people)
            elif len(parts := r.name.split()) == 2 and _patronymic(lex.lang, parts[1].lower()):
                # "Алла Николаевна": the first name and patronymic of someone named in full elsewhere
                full = _complete(parts[0], people)
                if full != parts[0]:
                    r.name = full
            if r.kind == "other" and r.name[:1].isupper():
                r.kind = roles.get(fold(r.name)) or roles.get(fold(r.name.split()[-1])) or r.kind
        sa, sb = _scope(doc, men, quotes, ctx.skip)
        if id(men) in chain_end and sa < chain_end[id(men)]:
            sb = chain_end[id(men)]
        att = Attribution(r.name, r.kind, r.start, r.end, sa, sb)
        ctx.attributions.append(att)
        key = _dedupe_key(r.name)
        ev_a, ev_b = min(r.start, men.cue_start), max(r.end, men.cue_end)
        span = Span.of(doc.text, ev_a, ev_b)
        hit = next((src for k, src in by_key if k == key or (
            same_name(k, key) and _personal(src.name, src.kind) and _personal(r.name, r.kind))
            or _back_reference(k, src, key, r)), None)
        if hit is None:
            hit = Source(r.name, r.kind, [span])
            by_key.append((key, hit))
        else:
            if len(key) > len(fold(hit.name)) and r.kind == hit.kind:
                hit.name = r.name   # keep the fullest form ("Петро Бойко" over "Бойко")
            if span not in hit.evidence:
                hit.evidence.append(span)
        linked.append((att, hit))
    # "ПС" after "Повітряні сили", "SBU" beside "Security Service of Ukraine": an acronym of another
    # source's name is that source
    for k, src in list(by_key):
        body: Source | None = next((o for _k, o in by_key if o is not src and _abbreviates(src.name, o.name)), None) \
            if _ACRONYM_ANY.fullmatch(src.name) else None
        if body is not None:
            body.evidence.extend(e for e in src.evidence if e not in body.evidence)
            by_key.remove((k, src))
            linked = [(a, body if s_ is src else s_) for a, s_ in linked]
    # every attribution names its SOURCE exactly as emitted (the counts stage copies the name)
    for att, src in linked:
        att.name, att.kind = src.name, src.kind
    ctx.sources.extend(src for _k, src in by_key)


def _commentator(doc: Doc, r: Resolved, lex: SourceLexicon) -> bool:
    """A person named after a role of views ("политолог Игорь Завьялов", "analyst Ann Lee"): quoted
    for an opinion, no source of the facts."""
    i = doc.token_at(r.start)
    if i == 0 or doc.tokens[i].start != r.start or r.kind not in ("other", "official"):
        return False
    role = doc.tokens[i - 1]
    return role.sent == doc.tokens[i].sent and role.is_word and role.lemma in lex.commentators


# kinds that speak for an institution even unnamed ("власти заявили", "officials said")
_INSTITUTIONAL = frozenset({"police", "government", "official", "outlet", "news_agency", "telegram", "social_media"})
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})


def _unnamed_crowd(doc: Doc, r: Resolved, lex: SourceLexicon) -> bool:
    """An unnamed plural group of people ("activists claim", "students said", "local coaches"):
    nobody a reader could check, so no source; those who saw or ran what happened are ("witnesses
    said", "the organisers said")."""
    if r.kind in _INSTITUTIONAL or any(c in r.name for c in "«»\"„“”"):
        return False
    toks = [t for t in doc.tokens[doc.token_at(r.start):] if r.start <= t.start < r.end and t.is_word]
    if not toks or any(t.is_title or t.an.tags & _PROPER for t in toks[1:]) or toks[0].an.tags & _PROPER:
        return False
    head = next((t for t in toks if t.an.pos == "NOUN"), None) if toks[0].an.pos else toks[0]
    if head is None or head.lemma in lex.eyewitnesses or head.lemma in lex.anonymous:
        return False
    if head.an.pos:   # a dictionary's reading: a plural animate noun
        return head.an.number == "plur" and "anim" in head.an.tags
    # the rule lemmatiser tags nothing: a plural is a word its lemma shortened, of a person noun
    # the lexicons know ("Students" but not "NetBlocks")
    return (len(toks) == 1 and head.lemma != head.lower and head.lower.endswith("s")
            and (head.lemma in lex.roles or head.lemma in lex.groups or head.lemma in lex.kinds))


# "LIMA (Reuters) –", "QUITO, Ecuador, May 3 (AP) —": a capitalised dateline, then the agency in brackets
_DATELINE = re.compile(r"^[ \t]*[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:[ ,]+[\w'’.-]+){0,5}?\s*\(([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\)\s*[-–—]",
                       re.M)
# "ЛІМА, 3 травня — Маяк.", "КИТО, 3 мая. /Вести/.": a place in capitals, a day and month, then the agency
_CAPS_DATELINE = re.compile(r"^[ \t]*[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ'’-]{2,}(?:[ -][A-ZА-ЯІЇЄҐЁ'’-]{2,})?,\s*\d{1,2}\s+[^\W\d_]+"
                            r"(?:\s+\d{4})?\s*(?:[-–—]|\.\s*/)\s*([^\W\d_][\w .&«»\"'’-]{1,40}?)\s*(?:/\s*)?[.,]", re.M)
# a post's address: "t.me/channel", "x.com/handle" (a Telegram or X signature under the text)
_HANDLE = re.compile(r"(?<![\w.])(?:https?://)?(?:www\.)?(t\.me|telegram\.me|x\.com|twitter\.com)/([A-Za-z0-9_]{3,32})\b")
_LEAD = 400   # datelines are read in the lead only


def _datelines(text: str) -> list[Resolved]:
    """The wire agency that filed the story, from a dateline in the lead: a known agency or outlet
    in brackets after the place, or any name after a capitalised place and a date."""
    out: list[Resolved] = []
    lead = text[:_LEAD]
    for m in _DATELINE.finditer(lead):
        kind = known_names().get(fold(m.group(1)))
        if kind in ("news_agency", "outlet"):
            out.append(Resolved(m.group(1), kind, m.start(1), m.end(1)))
    for m in _CAPS_DATELINE.finditer(lead):
        name = m.group(1).strip(" «»\"'’")
        a = m.start(1) + m.group(1).index(name[:1])
        if len(fold(name)) >= 2:
            out.append(Resolved(name, known_names().get(fold(name), "news_agency"), a, a + len(name)))
    return out


def _handles(text: str, skip: list[tuple[int, int]]) -> list[Resolved]:
    """Channels and accounts named by their address ("t.me/channel"): Telegram or social media."""
    out: list[Resolved] = []
    for m in _HANDLE.finditer(text):
        if any(a <= m.start() < b for a, b in skip) and "t.me" not in m.group(1):
            continue
        kind = "telegram" if m.group(1).startswith(("t.me", "telegram")) else "social_media"
        out.append(Resolved(m.group(2), kind, m.start(2), m.end(2)))
    return out


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ACRONYM_ANY = re.compile(r"[^\W\d_a-zа-яіїєґё]{2,6}")


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym spells the initials of the name's words (small lower-case link words may be
    skipped): "ПС" for "Повітряні сили", "SBU" for "Sluzhba Bezpeky Ukrainy"."""
    ws = re.findall(r"[^\W\d_]+", name)
    if len(ws) < 2:
        return False
    every = "".join(w[0] for w in ws).upper()
    content = "".join(w[0] for w in ws if not (w.islower() and len(w) <= 3)).upper()
    return acronym.upper() in (every, content)
_EN_SMALL = frozenset({"of", "for", "and", "the", "on", "in", "to", "de"})


def _spelled_out(acronym: str, text: str) -> str | None:
    """The full name an acronym stands for where the text defines it: "Name Of Body (NOB)" — the
    capitalised words' initials (small link words skipped) spell the acronym."""
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        ws = re.findall(r"[\w'’-]+", before)
        got: list[str] = []
        letters = ""
        while ws and len(letters) < len(acronym):
            w = ws.pop()
            if w.lower() in _EN_SMALL and got:
                got.insert(0, w)
                continue
            if not w[:1].isupper():
                break
            got.insert(0, w)
            letters = w[0] + letters
        while got and got[0].lower() in _EN_SMALL:
            got.pop(0)
        if letters.upper() == acronym and got:
            start = before.rfind(got[0])
            return before[start:].strip()
    return None


_OPEN_Q, _CLOSE_Q = "«„“‘\"", "»“”’\""


def _clean(name: str) -> str:
    """Drop quote marks left unpaired at a name's ends ('Маяк»') and stray punctuation."""
    name = name.strip(" ,.;:-–—")
    if name[:1] in _OPEN_Q and not any(c in _CLOSE_Q for c in name[1:]):
        name = name[1:]
    if name[-1:] in _CLOSE_Q and not any(c in _OPEN_Q for c in name[:-1]):
        name = name[:-1]
    return name.strip()


