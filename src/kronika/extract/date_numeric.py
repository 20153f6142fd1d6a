"""Dates and times written in figures ("05.01.2022", "2022-01-05", "13:00", "о 15.00"): read by
regular expression over the text, outside the spans the word scanner took."""

from __future__ import annotations

import re

from ..text.normalise import norm
from .date_lexicon import _safe_date
from .mentions import DateMention

_NUMERIC_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d])")


def numeric_dates(text: str, time_preps: frozenset[str], taken: list[tuple[int, int]]) -> list[DateMention]:
    """Day-month-year and ISO dates, then clock times (a time's value is filled in later from the day
    before it); `taken` holds the spans already read, which are skipped."""
    taken = list(taken)
    out: list[DateMention] = []
    for rx, order in ((_ISO, "ymd"), (_NUMERIC_DMY, "dmy")):
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if order == "ymd":
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                y = y + 2000 if y < 100 else y
            value = _safe_date(y, mo, d)
            if value is None:
                continue
            out.append(DateMention(m.start(), m.end(), m.group(0), value, 1, None, "date"))
            taken.append((m.start(), m.end()))
    for m in _TIME.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        # "13:00" always; "15.00" only after a time preposition ("о 15.00", "станом на 15.00")
        if m.group(0)[2:3] == "." or m.group(0)[1:2] == ".":
            before = text[max(0, m.start() - 12):m.start()].split()
            if not before or norm(before[-1]) not in time_preps:
                continue
        out.append(DateMention(m.start(), m.end(), m.group(0), None, 1, None, "time"))
        taken.append((m.start(), m.end()))
    return out
