"""The date lexicon of a language (lexicons/<lang>/dates.toml, loaded once) and the calendar
arithmetic the dates stage resolves expressions with: a day and month to the year nearest the
publication date, a weekday to the latest such day on or before it, "the 7th" to the latest 7th."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from ..resources import lexicon_lang, load_lexicon
from ..text.normalise import norm


@dataclass(slots=True, frozen=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    weekday_preps: frozenset[str]
    year_words: frozenset[str]
    night: frozenset[str]
    range_from: frozenset[str]
    range_to: frozenset[str]
    time_preps: frozenset[str]
    last_week: tuple[tuple[str, ...], ...]
    relative_phrases: dict[tuple[str, ...], int]
    relative_years: dict[tuple[str, ...], int]
    next_day: tuple[tuple[str, ...], ...]
    prev_day: tuple[tuple[str, ...], ...]   # "напередодні", "the day before": a day before the last date
    later: frozenset[str]
    through: frozenset[str]
    day_words: frozenset[str]
    ago: frozenset[str] = frozenset()          # "три дні тому", "two days ago": back from publication
    week_words: frozenset[str] = frozenset()   # "тиждень тому", "a week ago"
    possessives: tuple[str, ...] = ()          # "Monday's protest": a weekday with a possessive ending
    ordinal_days: dict[str, int] = field(default_factory=dict)   # "шостий" -> 6
    ordinal_tens: dict[str, int] = field(default_factory=dict)   # "двадцять" -> 20
    day_suffixes: frozenset[str] = frozenset()   # "7-го", "7-е": a day written with its case ending
    day_nouns: frozenset[str] = frozenset()      # "7-го числа"
    night_to: frozenset[str] = frozenset()       # "в ніч на/проти ..."
    day_leads: frozenset[str] = frozenset()      # "on the 12th": a bare ordinal day after these words
    ordinal_links: frozenset[str] = frozenset()  # "the sixth of May": required where listed
    weekday_last: frozenset[str] = frozenset()   # "минулої суботи": strictly before publication
    weekday_next: frozenset[str] = frozenset()   # "наступної суботи": after it
    this_words: frozenset[str] = frozenset()     # "цього тижня": the current week
    month_preps: frozenset[str] = frozenset()    # "у січні", "in early January": a month alone
    year_preps: frozenset[str] = frozenset()     # "у 2014", "since 2014": a year alone
    year_abbrevs: frozenset[str] = frozenset()   # "2022 р.", "2022 г."
    and_words: frozenset[str] = frozenset()      # "5 і 6 травня"
    or_words: frozenset[str] = frozenset()       # "у 2014 або 2015 роках"
    case_preps: frozenset[str] = frozenset()     # "в среду" (accusative) vs "в среде" (the environment)
    subordinators: frozenset[str] = frozenset()  # "суд, который накануне...": a relative clause
    deadline_preps: frozenset[str] = frozenset()  # "до 15 марта": a deadline, no day of the story
    firsts: frozenset[str] = frozenset()   # first words of every phrase: a cheap pre-check
    words: frozenset[str] = frozenset()    # month, weekday and relative words


@lru_cache(maxsize=8)
def lexicon(lang: str) -> DateLexicon:
    raw = load_lexicon(lexicon_lang(lang), "dates")
    w = raw.get("words", {})
    lex = DateLexicon(
        months={norm(k): int(v) for k, v in raw.get("months", {}).items()},
        weekdays={norm(k): int(v) for k, v in raw.get("weekdays", {}).items()},
        relative={norm(k): int(v) for k, v in raw.get("relative", {}).items()},
        weekday_preps=frozenset([*w.get("weekday_preps", []), *w.get("weekday_last", []), *w.get("weekday_next", [])]),
        year_words=frozenset(w.get("year_words", [])),
        night=frozenset(w.get("night", [])),
        range_from=frozenset(w.get("range_from", [])),
        range_to=frozenset(w.get("range_to", [])),
        time_preps=frozenset(w.get("time_preps", [])),
        last_week=tuple(tuple(p.split()) for p in w.get("last_week", [])),
        relative_phrases={tuple(k.split()): int(v) for k, v in raw.get("relative_phrases", {}).items()},
        relative_years={tuple(k.split()): int(v) for k, v in raw.get("relative_years", {}).items()},
        next_day=tuple(tuple(p.split()) for p in raw.get("after_anchor", {}).get("next_day", [])),
        prev_day=tuple(tuple(norm(p).split()) for p in raw.get("after_anchor", {}).get("prev_day", [])),
        later=frozenset(raw.get("after_anchor", {}).get("later", [])),
        through=frozenset(raw.get("after_anchor", {}).get("through", [])),
        day_words=frozenset(raw.get("after_anchor", {}).get("day_words", [])),
        ago=frozenset(raw.get("after_anchor", {}).get("ago", [])),
        possessives=tuple(norm(x) for x in w.get("possessives", [])),
        week_words=frozenset(raw.get("after_anchor", {}).get("week_words", [])),
        ordinal_days={norm(k): int(v) for k, v in raw.get("ordinal_days", {}).items()},
        ordinal_tens={norm(k): int(v) for k, v in raw.get("ordinal_tens", {}).items()},
        day_suffixes=frozenset(raw.get("day_only", {}).get("suffixes", [])),
        day_nouns=frozenset(raw.get("day_only", {}).get("nouns", [])),
        night_to=frozenset(raw.get("day_only", {}).get("night_to", [])),
        day_leads=frozenset(raw.get("day_only", {}).get("leads", [])),
        ordinal_links=frozenset(raw.get("day_only", {}).get("ordinal_links", [])),
        weekday_last=frozenset(w.get("weekday_last", [])),
        weekday_next=frozenset(w.get("weekday_next", [])),
        this_words=frozenset(w.get("this_words", [])),
        month_preps=frozenset(w.get("month_preps", [])),
        year_preps=frozenset(w.get("year_preps", [])),
        year_abbrevs=frozenset(w.get("year_abbrevs", [])),
        and_words=frozenset(w.get("and_words", [])),
        or_words=frozenset(w.get("or_words", [])),
        case_preps=frozenset(w.get("case_preps", [])),
        subordinators=frozenset(w.get("subordinators", [])),
        deadline_preps=frozenset(w.get("deadline_preps", [])),
    )
    phrases = [*lex.last_week, *lex.relative_phrases, *lex.relative_years, *lex.next_day, *lex.prev_day]
    return replace(lex, firsts=frozenset(p[0] for p in phrases if p),
                   words=frozenset([*lex.months, *lex.weekdays, *lex.relative, *lex.ordinal_days,
                                    *lex.ordinal_tens]))


def resolve_year(month: int, day: int, published: date | None, carried: int | None) -> date | None:
    """The day and month in the year that puts them nearest the publication date."""
    if published is not None:
        best: date | None = None
        for y in (published.year - 1, published.year, published.year + 1):
            d = _safe_date(y, month, day)
            if d is not None and (best is None or abs((d - published).days) < abs((best - published).days)):
                best = d
        return best
    if carried is not None:
        return _safe_date(carried, month, day)
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_before(published: date | None, weekday: int, forward: bool = False,
                   strictly: bool = False) -> date | None:
    """The latest such weekday on or before publication ("on Tuesday" in a Wednesday article);
    strictly before it for "last Friday" / "минулої п'ятниці"."""
    if published is None:
        return None
    if forward:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if strictly else 0))


def day_before(published: date | None, day: int) -> date | None:
    """The latest date with this day of the month on or before the day after publication
    ("в ночь на 7-е" in an article of the 7th, or of the 9th, is the 7th; of the 3rd, last month's)."""
    if published is None:
        return None
    limit = published + timedelta(days=1)
    y, m = limit.year, limit.month
    for _ in range(3):
        d = _safe_date(y, m, day)
        if d is not None and d <= limit:
            return d
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return None
