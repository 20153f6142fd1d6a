"""Writing results: JSON lines, and a readable table for a person.

Everything printed to a terminal goes through `plain` (control and escape characters shown as
visible escapes, so an article cannot move the cursor, retitle the window or recolour the screen)
and a Console without markup (an id such as "[/]" is text, not a rich tag).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, TextIO

from .model import ArticleResult

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what follows them
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile("[\t\n\r]+")


def plain(value: object) -> str:
    """A value as one line of inert text: tabs and newlines become spaces, other control characters
    (ESC, BEL, C1, bidi overrides) their \\xNN / \\uNNNN escapes."""
    s = _SPACE.sub(" ", "" if value is None else str(value))
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", s)


def cell(value: object) -> Text:
    """A table cell holding `value` as text (never parsed as markup)."""
    from rich.text import Text

    return Text(plain(value))


def console(out: TextIO | None = None, width: int | None = None) -> Console:
    """A rich Console that interprets nothing in what it prints: no markup, emoji codes or highlighting."""
    from rich.console import Console

    return Console(file=out, width=width, markup=False, emoji=False, highlight=False)


def to_json_line(result: ArticleResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def print_table(results: list[ArticleResult], out: TextIO) -> None:
    from rich.table import Table

    con = console(out, 160)
    for r in results:
        title = f"{r.id}  [{r.lang}]  {'relevant' if r.relevant else 'no events'}"
        if r.title:
            title += f"  {r.title[:80]}"
        con.rule(plain(title))
        if r.events:
            t = Table("type / sub-type", "date", "place", "actors", "fatal.", "conf.", "evidence",
                      show_lines=False)
            for e in r.events:
                t.add_row(*map(cell, (f"{e.event_type} / {e.sub_event_type}", e.date or "?",
                                      f"{e.location or '?'}, {e.country or '?'} (p{e.geo_precision})",
                                      f"{e.actor1} vs {e.actor2 or '-'}",
                                      "" if e.fatalities is None else str(e.fatalities), f"{e.confidence:.2f}",
                                      _short(e.evidence[0].text if e.evidence else ""))))
            con.print(t)
        if r.counts:
            t = Table("figure", "value", "qualifier", "subject", "source", "evidence")
            for c in r.counts:
                t.add_row(*map(cell, (c.kind, _num(c.value, c.value_max), c.qualifier, c.subject or "",
                                      c.source or "", _short(c.evidence[0].text if c.evidence else ""))))
            con.print(t)
        if r.sources:
            con.print(plain("sources: " + "; ".join(f"{s.name} ({s.kind})" for s in r.sources)))
        for q in r.quotes:
            who = ", ".join(x for x in (q.speaker, q.speaker_role) if x)
            via = f" via {q.via}" if q.via else ""
            con.print(plain(f"quote: «{_short(q.text, 90)}» — {who or '?'}{via}"))


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(v: Any, vmax: Any) -> str:
    def f(x: Any) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    return f(v) if vmax is None else f"{f(v)}–{f(vmax)}"
