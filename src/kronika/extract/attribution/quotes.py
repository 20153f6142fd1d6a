"""Stage 'quotes': direct speech with its speaker, the speaker's role and the relaying outlet.

Passages of direct speech:
- words in quote marks («…», „…“, “…”, "…") with a verb of saying attached: `"…", – заявив X`,
  `"…," X said` after them, `X заявив: «…»` before them, or, for a fragment that starts in lower
  case ("назвав це «кроком назад»"), a verb of saying in the same sentence;
- a paragraph opened by a dash (`– Ми не підемо, – сказав X.`), the interview style of many outlets,
  when a verb of saying is attached or the paragraph before ends with a colon;
- either one split around an attribution inside it (`«Перша частина, — сказав X. — Друга»`): two
  passages, one speaker (the attribution set off by a comma or an end mark, a hyphen allowed);
- quoted sentences with no attribution of their own right after an attributed quote (`"…," she
  said. "More words."`, or the next paragraph all in quotes): the same speaker goes on;
- speech whose closing mark was forgotten, up to the attribution inside it;
- a word or two only with the verb right after them (`«Досить», — сказав X`) or a chant verb before.
Names in quotes («Комора», "Газовий майдан") have no verb attached and stay out; words chanted
together are quotes when the text says they were chanted. Speaker, role and outlet: `speech.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Quote, Span
from ...text.doc import Doc
from ..context import Context
from .coref import name_pairs
from .lexicon import _QUOTES, lexicon, reader
from .lexicon import words as words_
from .names import _is_strip, _is_verb, _kind_of_token
from .speech import (
    QuoteLexicon,
    Speaker,
    SpeechMemory,
    _is_person,
    chanted,
    clause_range,
    quote_lexicon,
    role_for,
    says,
    speaker_for,
    via_for,
)

# opening mark -> closing marks
_PAIRS = {"«": "»", "„": "“”\"", "“": "”", "\"": "\"", "‘": "’"}
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_MARKS = re.compile("[«»„“”\"‘’\n]")
# a dash that opens an attribution inside speech: '…, – сказав X. – …' (spaces around it)
_INNER_DASH = re.compile(r"(?:([,.!?…])\s*|\s+)[–—-]\s+")   # ',- сказал' too: a hyphen for the dash
# the dash that resumes the speech after the attribution ('… X. – Далі', '… X: — Далі')
_RESUME = re.compile(r"[.:,]\s*[–—-]\s+")
_DASH_LINE = re.compile(r"(?m)^[ \t]*([–—-])[ \t]+(?=\S)")
_NUM_WORD = re.compile(r"[^\W_]+")
_SET_OFF = re.compile(r"\s*[,.!?…:;–—-]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Inner ranges [start, end) of quoted passages, outermost only, not crossing paragraphs.
    Only the quote marks are visited (a regex over the text), not every character."""
    marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(text)]
    out: list[tuple[int, int]] = []
    i, n = 0, len(marks)
    while i < n:
        pos, ch = marks[i]
        closers = _PAIRS.get(ch)
        if closers is None or (ch == '"' and not _straight_opens(text, pos)):
            i += 1
            continue
        depth, j, end = 0, i + 1, -1
        while j < n and marks[j][1] != "\n":
            c = marks[j][1]
            if c == ch and ch in "«„“" and c not in closers:
                depth += 1
            elif c in closers:
                if depth == 0:
                    end = j
                    break
                depth -= 1
            j += 1
        if end >= 0 and marks[end][0] > pos + 1:
            out.append((pos + 1, marks[end][0]))
            i = end + 1
        else:
            i += 1
    return out


def _straight_opens(text: str, pos: int) -> bool:
    """A straight quote opens at a word start: after a space, dash or line start, or right after
    the full stop of the sentence before when a capital follows ('… міста."Далі'): an unpaired mark
    there cannot close anything."""
    if pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "(–—-:":
        return True
    return text[pos - 1] in ".!?…" and text[pos + 1:pos + 2].isupper()


def unclosed_spans(text: str, closed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges [start, paragraph end) after an opening mark that opens a paragraph or a sentence and
    is never closed in its paragraph ('"Перші слова, - сказав X. Далі текст'): speech whose closing
    mark the writer forgot; kept only where an attribution inside it ends the speech."""
    out: list[tuple[int, int]] = []
    for m in re.finditer("[«„“\"]", text):
        pos = m.start()
        if any(a - 1 <= pos < b + 1 for a, b in closed):
            continue
        before = text[_line_start(text, pos):pos].rstrip()
        if before and before[-1] not in ".!?…:":
            continue
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not _MARKS.search(text, pos + 1, end) and text[pos + 1:pos + 2].isupper():
            out.append((pos + 1, end))
    return out


@dataclass(slots=True)
class Part:
    start: int
    end: int
    verb: int | None            # token index of the verb of saying attached, when found
    lo: int                     # the attribution's stretch of text (where the speaker is named)
    hi: int
    anchor: int                 # the speaker nearest to this offset is taken
    statement: bool = False     # attributed by a phrase ("йдеться в заяві"): the source named before speaks
    follows: bool = False       # continues the quote before it with no attribution of its own


def _verb_in(doc: Doc, a: int, b: int, ql: QuoteLexicon) -> int | None:
    """The first verb of saying among the tokens in [a, b)."""
    k = doc.token_at(a)
    toks = doc.tokens
    while k < len(toks) and toks[k].start < b:
        if toks[k].start >= a and says(toks[k], ql, doc.lang):
            return k
        k += 1
    return None


def _split(doc: Doc, a: int, b: int, ql: QuoteLexicon) -> list[Part]:
    """A passage [a, b) cut around the attributions inside it ('A, — сказав X. — B')."""
    text = doc.text
    out: list[Part] = []
    pos = a
    for m in _INNER_DASH.finditer(text, a, b):
        if m.start() < pos or not m.group(1):
            continue   # speech is set off from its attribution by a comma or its own end mark
        nxt = _RESUME.search(text, m.end(), b)
        seg_end = nxt.start() if nxt else b
        if len(_WORD.findall(text[m.end():seg_end])) > 12:
            continue
        v = _verb_in(doc, m.end(), seg_end, ql)
        if v is None:
            continue
        out.append(Part(pos, m.start() + (1 if m.group(1) and m.group(1) in "!?…" else 0), v,
                        m.end(), seg_end, m.end()))
        pos = nxt.end() if nxt else b
    if not out:
        return [Part(a, b, None, a, a, a)]
    if pos < b:   # the speech resumed after the attribution: its words, the same speaker
        last = out[-1]
        out.append(Part(pos, b, last.verb, last.lo, last.hi, last.anchor))
    return out


def _cue_after(doc: Doc, b: int, ql: QuoteLexicon, beyond: bool = False) -> tuple[int, bool] | None:
    """A verb of saying within ten words after a passage ending at b (`"…", – заявив X`, `"…,"
    Mary Doyle, a nurse, told …`), or a statement phrase right after it (`"…", – йдеться в заяві`):
    its token index, and whether it was such a phrase. `beyond`: the sentence the quote closes may
    end first ('«…». Об этом заявил X') - the last resort for a quote nothing else attributes."""
    toks = doc.tokens
    lex = reader(doc)
    k = doc.token_at(b)
    while k < len(toks) and toks[k].start < b:
        k += 1
    seen = 0
    for t in toks[k:k + 16]:
        if t.text[:1].isalpha():
            if seen < 2 and lex.before is not None and lex.before.match(doc.text, t.start):
                return t.i, True
            seen += 1
            if says(t, ql, doc.lang):
                return t.i, False
            if seen >= 10 or (seen > 1 and _is_verb(t) and "VERB" == t.an.pos):
                break
        elif t.text[:1] in ".!?…\n" and not (beyond and t.start == b):
            break   # '«…». Далі текст' / '…, — сказав X. Далі': the cue's sentence ended
    return None


_SHORT_SET_OFF = re.compile(r"\s*,\s*[–—-]\s")


def _short_speech(text: str, a: int, b: int) -> bool:
    """A quote of a word or two that is set off as speech: its own comma or end mark inside the
    marks ('"Enough," she said') or a comma and a dash after them ('«Ганьба», — сказав')."""
    return text[b - 1:b] in ",!?…" or bool(_SHORT_SET_OFF.match(text, b + 1))


def _after_kind_word(doc: Doc, a: int) -> bool:
    """The quote opened at a follows a kind word ("газета «…»"): a name."""
    lex = reader(doc)
    k = doc.token_at(a - 1)
    prev = doc.tokens[k - 1] if k > 0 and doc.tokens[k].text in _QUOTES else doc.tokens[k]
    return prev.end <= a and bool(_kind_of_token(prev, lex) or _is_strip(prev, lex))


def _words_between(doc: Doc, a: int, i: int) -> int:
    """Words between offset a and token i."""
    return sum(1 for t in doc.tokens[doc.token_at(a):i] if t.start >= a and t.text[:1].isalpha())


def _cue_before(doc: Doc, a: int, ql: QuoteLexicon) -> int | None:
    """A verb of saying before a colon or comma that opens the passage (`X заявив: «…»`)."""
    text = doc.text
    j = a - 1
    while j >= 0 and text[j] in " \t«„“\"–—-":
        j -= 1
    if j < 0 or text[j] not in ":,":
        return None
    k = doc.token_at(j)
    toks = doc.tokens
    for t in reversed(toks[max(0, k - 8):k + 1]):
        if t.end > j + 1:
            continue
        if says(t, ql, doc.lang):
            return t.i
        if t.text in ".!?\n":
            break
    return None


def _fragment_cue(doc: Doc, a: int, b: int, ql: QuoteLexicon) -> int | None:
    """A quoted fragment inside reported speech ("сказав, що це «крок назад»"): a verb of saying in
    the same sentence, and words that are not a name (a name is capitalised or follows its kind word)."""
    text = doc.text
    inner = text[a:b].strip()
    words = _NUM_WORD.findall(inner)
    lex = reader(doc)
    k = doc.token_at(a - 1)
    prev = doc.tokens[k - 1] if k > 0 and doc.tokens[k].text in _QUOTES else doc.tokens[k]
    if prev.end <= a and inner[:1].isupper() and (_kind_of_token(prev, lex) or _is_strip(prev, lex)):
        return None   # "газета «…»", "партія «…»": a name (a lower-case fragment after "закликав поліцію" is not)
    si = doc.sentence_of(a)
    toks = doc.sent_toks(si)
    chant = next((t.i for t in toks if t.end <= a and chanted(t, ql) and a - t.end < 40), None)
    # one word shouted is enough when the chant verb is right before it ('скандували: «Ганьба!»')
    if chant is not None and (len(words) >= 2 or (len(words) == 1 and a - doc.tokens[chant].end < 5)):
        return chant
    # reported speech goes on in the speaker's own words after "що"/"что"/"that": any case then
    that = prev.end <= a and prev.lower in words_().complementizers
    if len(words) < 2 or not (inner[:1].islower() or inner[:1].isdigit() or (that and len(words) >= _MIN_WORDS)):
        return None
    if len(words) < 3 and not _has_verb(doc, a, b):
        return None   # "назвал их «внутренними врагами»": a two-word label, not speech
    before = [t.i for t in toks if t.end <= a and says(t, ql, doc.lang)]
    if before:
        return before[-1]
    s = doc.sentences[si]
    cue = lex.before.search(text, s.start, a) if lex.before is not None else None
    if cue is not None:   # "як ідеться в заяві X, …" / "according to X, …": the cue phrase's source
        return doc.token_at(cue.start())
    after = [t.i for t in toks if t.start >= b and says(t, ql, doc.lang)]
    return after[0] if after else None


def _names_a_person(ctx: Context, pos: int) -> bool:
    """The sentence holding pos names a person (an attribution or a first name with a surname)."""
    doc = ctx.doc
    s = doc.sentences[doc.sentence_of(pos)]
    return any(s.start <= x.start < s.end and _is_person(x) for x in ctx.attributions) or any(
        s.start <= p.start < s.end for p in name_pairs(doc))


def _has_verb(doc: Doc, a: int, b: int) -> bool:
    """A verb form (finite, infinitive, gerund) among the tokens in [a, b)."""
    k = doc.token_at(a)
    while k < len(doc.tokens) and doc.tokens[k].start < b:
        if doc.tokens[k].start >= a and doc.tokens[k].an.pos in ("VERB", "INFN", "GRND", "PRTS"):
            return True
        k += 1
    return False


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _dash_passages(doc: Doc, ql: QuoteLexicon) -> list[tuple[int, int, bool]]:
    """Paragraphs opened by a dash: (start, end, introduced by a colon in the paragraph before)."""
    text = doc.text
    out: list[tuple[int, int, bool]] = []
    for m in _DASH_LINE.finditer(text):
        a = m.end()
        e = text.find("\n", a)
        b = len(text) if e < 0 else e
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        if b - a < 8:
            continue
        prev = text[:_line_start(text, m.start())].rstrip()
        intro = prev.endswith(":") and m.group(1) != "-"
        out.append((a, b, intro))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "«„“\"–—"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:–—-»“”\"" and not _opened(text, a, b - 1)):
        b -= 1
    return a, b


def _opened(text: str, a: int, i: int) -> bool:
    """The closing mark at i closes a mark opened inside [a, i) («…» kept whole)."""
    closer = text[i]
    openers = {"»": "«", "“": "„", "”": "“", "\"": "\""}.get(closer)
    return openers is not None and text.count(openers, a, i) > text.count(closer, a, i) - (closer == "\"")


def _forgotten_close(doc: Doc, a: int, b: int, ql: QuoteLexicon) -> list[Part]:
    """Speech opened at a and never closed: the words up to the first attribution inside it
    ('"Перші слова, - сказав X. Далі текст автора'), nothing when there is none."""
    text = doc.text
    for m in _INNER_DASH.finditer(text, a, b):
        s = doc.sentences[doc.sentence_of(m.end())]
        end = min(s.end, b)
        if m.start() <= a or len(_WORD.findall(text[m.end():end])) > 12:
            continue
        v = _verb_in(doc, m.end(), end, ql)
        if v is not None and (m.group(1) or "") in ",!?…":
            return [Part(a, m.start() + (1 if m.group(1) and m.group(1) in "!?…" else 0), v, m.end(), end, m.end())]
    return []


def _continued(doc: Doc, passages: list[tuple[Part, tuple[int, int]]],
               loose: list[tuple[int, int, tuple[int, bool] | None]]) -> list[tuple[Part, tuple[int, int]]]:
    """Quoted sentences with no attribution of their own that go on from an attributed quote: right
    after the attribution's sentence ('"…," she said. "Next words."'), or as the next paragraph when
    it is all in quotes. They take the speaker of the quote before them. Others are attributed by
    a verb of saying in the sentence after them, when there is one."""
    text = doc.text
    out = list(passages)
    for a, b, later in loose:
        inner = text[a:b].lstrip(" ….")
        prev = max((x for x in out if x[1][1] < a), key=lambda x: x[1][1], default=None)
        if prev is None or not inner[:1].isupper() or not _goes_on(doc, prev, a, b):
            if later is not None:
                out.append((_after_part(doc, a, b, later), (a, b)))
            continue
        out.append((Part(a, b, prev[0].verb, prev[0].lo, prev[0].hi, prev[0].anchor, prev[0].statement, True),
                    (a, b)))
    out.sort(key=lambda x: x[0].start)
    return out


def _after_part(doc: Doc, a: int, b: int, cue: tuple[int, bool]) -> Part:
    """The passage [a, b) attributed by the cue after it (a verb, or a statement phrase)."""
    v, phrase = cue
    lo, hi = clause_range(doc, v)
    lo = min(lo, b)
    s = doc.sentences[doc.tokens[v].sent]
    return Part(a, b, None if phrase else v, lo, s.end if phrase else max(hi, doc.tokens[v].end), b, phrase)


def _goes_on(doc: Doc, prev: tuple[Part, tuple[int, int]], a: int, b: int) -> bool:
    """The quote [a, b) follows the quote prev with nothing between but prev's attribution."""
    text = doc.text
    part, (_pa, pb) = prev
    if part.anchor >= pb and part.hi > pb:   # the attribution follows that quote: its sentence ends the gap
        k = doc.token_at(max(part.hi - 1, pb))
        gap_from = max(doc.sentences[doc.tokens[k].sent].end, part.hi)
    else:
        gap_from = pb + 1
    gap = text[gap_from:a - 1]
    if _WORD.search(gap) or gap.count("\n") > 3:
        return False
    # a quote that opens a paragraph goes on from the one before only when it is the whole paragraph
    return "\n" not in gap or not text[b + 1:_line_end(text, b)].strip(" \t.,!?…\r")


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def run(ctx: Context) -> None:
    """Fill ctx.quotes with direct speech attached to a speaker (or to no one the text names)."""
    doc = ctx.doc
    text = doc.text
    ql = quote_lexicon(doc.lang)
    lexicon(doc.lang)   # loaded before the first quote: errors in the files surface here
    mem = SpeechMemory()
    passages: list[tuple[Part, tuple[int, int]]] = []
    dashes = _dash_passages(doc, ql)
    for a, b, intro in dashes:
        if ctx.skipped(a, b):
            continue
        parts = _split(doc, a, b, ql)
        if parts[0].verb is None:
            pe = _line_start(text, a) - 1
            while pe > 0 and text[pe - 1].isspace():
                pe -= 1
            if intro:   # introduced by "X заявив:" at the end of the paragraph before
                ps = _line_start(text, max(pe - 1, 0))
                parts = [Part(a, b, _verb_in(doc, ps, pe, ql), ps, pe, pe)]
            elif pe > 0 and _names_a_person(ctx, pe - 1) and (
                    text[a - 2:a - 1] in "–—" or _verb_in(doc, _line_start(text, pe - 1), pe, ql) is not None):
                # the paragraph before ends on the person who now speaks ("За словами Петра Бойка, …");
                # after a hyphen (a list item as often) only when that paragraph has a verb of saying
                s = doc.sentences[doc.sentence_of(pe - 1)]
                parts = [Part(a, b, None, s.start, s.end, s.end)]
            else:
                continue
        passages.extend((p, (a, b)) for p in parts)
    closed = quoted_spans(text)
    # whole sentences in quotes with no cue in their sentence: a quote going on, or one attributed
    # in the sentence after it
    loose: list[tuple[int, int, tuple[int, bool] | None]] = []
    for a, b in closed:
        if ctx.skipped(a, b) or any(da <= a and b <= db for da, db, _i in dashes):
            continue
        parts = _split(doc, a, b, ql)
        if parts[0].verb is None:
            inner = text[a:b].strip()
            nwords = sum(1 for w in inner.split() if _WORD.search(w))
            # speech is set off from its verb by punctuation ('«…», — сказав', '"…," she said');
            # '«Вечірня газета» повідомила' is a name as the verb's subject
            set_off = text[b - 1:b] in ",.!?…" or bool(_SET_OFF.match(text, b + 1))
            after = _cue_after(doc, b + 1, ql) if set_off and (nwords >= _MIN_WORDS or _short_speech(text, a, b)) \
                else None
            if after is not None and nwords < _MIN_WORDS and (
                    _words_between(doc, b + 1, after[0]) > 2 or _after_kind_word(doc, a)
                    or (nwords > 1 and all(w[:1].isupper() for w in _WORD.findall(inner)))):
                # a word or two is speech only with its verb right after it, and not a name: after
                # its kind word ('газета «Вісті», — повідомила …') or all capitalised
                after = None
            if after is not None:
                parts = [_after_part(doc, a, b, after)]
            else:
                cue = _cue_before(doc, a - 1, ql) if nwords >= _MIN_WORDS else None
                if cue is None:
                    cue = _fragment_cue(doc, a, b, ql)
                if cue is None:
                    if nwords >= _MIN_WORDS:
                        loose.append((a, b, _cue_after(doc, b + 1, ql, True) if set_off else None))
                    continue
                s = doc.sentences[doc.sentence_of(a)]
                lo, hi = (s.start, a) if doc.tokens[cue].start < a else (b, s.end)
                parts = [Part(a, b, cue, lo, hi, a if hi <= a else b)]
        passages.extend((p, (a, b)) for p in parts)
    for a, b in unclosed_spans(text, closed):
        if not ctx.skipped(a, b) and not any(da <= a < db for da, db, _i in dashes):
            passages.extend((p, (a, p.end)) for p in _forgotten_close(doc, a, b, ql))
    passages.sort(key=lambda x: x[0].start)
    passages = _continued(doc, passages, loose)
    seen: set[tuple[int, int]] = set()
    said: set[str] = set()
    last: Quote | None = None
    for part, _whole in passages:
        sa, sb = _trim(text, part.start, part.end)
        if sb <= sa or (sa, sb) in seen or not _WORD.search(text[sa:sb]):
            continue
        words = " ".join(_WORD.findall(text[sa:sb].lower()))
        if len(words) > 40 and words in said:
            continue   # a paragraph the page repeats: the same long quote once
        said.add(words)
        seen.add((sa, sb))
        if part.follows and last is not None:   # the same speaker goes on: what the quote before had
            ctx.quotes.append(Quote(text=text[sa:sb], speaker=last.speaker, speaker_role=last.speaker_role,
                                    via=last.via, evidence=[Span.of(text, sa, sb)] + last.evidence[1:]))
            continue
        sp = speaker_for(ctx, mem, part.verb, part.lo, part.hi, part.anchor, (part.start, part.end),
                         part.statement)
        si = doc.tokens[part.verb].sent if part.verb is not None else doc.sentence_of(sb)
        ev = [Span.of(text, sa, sb)]
        role = None
        if sp is not None:
            if not (sa <= sp.start < sb):
                ev.append(Span.of(text, sp.start, sp.end))
            role = role_for(ctx, mem, sp)
            if sp.person:
                mem.last = sp
        via = via_for(ctx, mem, sp, si, (part.start, part.end))
        last = Quote(text=text[sa:sb], speaker=sp.name if sp else None, speaker_role=role, via=via, evidence=ev)
        ctx.quotes.append(last)
    ctx.quotes.sort(key=lambda q: q.evidence[0].start)


__all__ = ["Speaker", "quoted_spans", "run"]
