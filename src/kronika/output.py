"""Writing results: JSON lines, and a readable table for a person."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .model import ArticleResult


def to_json_line(result: ArticleResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def print_table(results: list[ArticleResult], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=160)
    for r in results:
        title = f"{r.id}  [{r.lang}]  {'relevant' if r.relevant else 'no events'}"
        if r.title:
            title += f"  {r.title[:80]}"
        console.rule(title)
        if r.events:
            t = Table("type / sub-type", "date", "place", "actors", "fatal.", "conf.", "evidence",
                      show_lines=False)
            for e in r.events:
                t.add_row(f"{e.event_type} / {e.sub_event_type}", e.date or "?",
                          f"{e.location or '?'}, {e.country or '?'} (p{e.geo_precision})",
                          f"{e.actor1} vs {e.actor2 or '-'}",
                          "" if e.fatalities is None else str(e.fatalities), f"{e.confidence:.2f}",
                          _short(e.evidence[0].text if e.evidence else ""))
            console.print(t)
        if r.counts:
            t = Table("figure", "value", "qualifier", "subject", "source", "evidence")
            for c in r.counts:
                t.add_row(c.kind, _num(c.value, c.value_max), c.qualifier, c.subject or "",
                          c.source or "", _short(c.evidence[0].text if c.evidence else ""))
            console.print(t)
        if r.sources:
            console.print("sources: " + "; ".join(f"{s.name} ({s.kind})" for s in r.sources))
        for q in r.quotes:
            who = ", ".join(x for x in (q.speaker, q.speaker_role) if x)
            via = f" via {q.via}" if q.via else ""
            console.print(f"quote: «{_short(q.text, 90)}» — {who or '?'}{via}")


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(v: Any, vmax: Any) -> str:
    def f(x: Any) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    return f(v) if vmax is None else f"{f(v)}–{f(vmax)}"
