"""The one filter of the chronicle, and the one place it becomes SQL.

The CLI (`events`, `incidents`, `export`), the HTTP API (events, incidents, stats, the map) and the
exports all build a `Filters` with `parse_filters` and read through `store.query`, so the same filter
gives the same rows everywhere. `parse_filters` validates every value and raises `FilterError`
naming the field and the value (a bad date is an error, never a string comparison).

Fields (all optional, combined with AND):
  date_from, date_to  days, inclusive ("2022-01-05"; "2022-01" or "2022" mean the whole month or year);
                      undated records are left out when either bound is given
  country             ISO 3166-1 alpha-2 code (any case)
  admin1              first-level region, as stored (any case)
  event_type          an ACLED event type; a sub-event type given here is taken as sub_event_type
  sub_event_type      an ACLED sub-event type
  disorder_type       an ACLED disorder type
  actor               substring of the actor kinds or names, matched casefolded (Cyrillic too)
  text                full-text search over article titles and texts (FTS5): words ANDed, "quoted
                      phrases" kept, a trailing * is a prefix; FTS operators are never passed through
  article_id          records of this article
  incident_id         records of this incident
  bbox                (min_lon, min_lat, max_lon, max_lat) in degrees
  limit, offset       paging (limit None: every row); order is date (undated last), then id
"""

from __future__ import annotations

import calendar
import math
import re
import sqlite3
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from ..model import EVENT_TYPES, SUB_TO_TYPE
from . import search

MAX_LIMIT = 10_000
MAX_INT = 2**63 - 1  # SQLite's integers: larger values would overflow inside the query
DISORDER_TYPES = ("Political violence", "Demonstrations", "Strategic developments",
                  "Political violence; Demonstrations")
# between an actor's four fields in the casefolded column (schema step 3), so a search cannot span two
ACTOR_SEP = "\x1f"


class FilterError(ValueError):
    """A filter value that cannot be used; names the field and the value."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(f"{field}: {reason} (got {value!r})")
        self.field = field
        self.value = value
        self.reason = reason


@dataclass(slots=True, frozen=True)
class Filters:
    """Validated filter values (build with `parse_filters`); None means 'any'."""
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    actor: str | None = None
    text: str | None = None
    article_id: str | None = None
    incident_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    limit: int | None = 100
    offset: int = 0

    def paged(self, limit: int | None, offset: int) -> Filters:
        return replace(self, limit=limit, offset=offset)

    def is_empty(self) -> bool:
        """No condition on the rows (paging aside)."""
        return all(getattr(self, f.name) is None for f in fields(self) if f.name not in ("limit", "offset"))


FILTER_FIELDS = tuple(f.name for f in fields(Filters))


def actors_folded(*names: object) -> str:
    """The value of the casefolded actor column: SQLite's lower() and LIKE fold ASCII only."""
    return ACTOR_SEP.join(unicodedata.normalize("NFC", n).casefold() for n in names if isinstance(n, str) and n)


def _kfold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    return unicodedata.normalize("NFC", value).casefold() if isinstance(value, str) else value


def prepare(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Register the functions the filters' SQL calls (kfold: Unicode casefold; kactors: the actor
    column's value) on a connection; cheap, so every query entry point calls it."""
    conn.create_function("kfold", 1, _kfold, deterministic=True)
    conn.create_function("kactors", -1, actors_folded, deterministic=True)
    return conn


def _day(field: str, value: object, end: bool) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        raise FilterError(field, value, "not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return date(y, 12, 31) if end else date(y, 1, 1)
        month = int(mo)
        if d is None:
            if not 1 <= month <= 12:
                raise ValueError("month must be in 1..12")
            return date(y, month, calendar.monthrange(y, month)[1] if end else 1)
        return date(y, month, int(d))
    except ValueError as e:
        raise FilterError(field, value, f"not a date: {e}") from None


def _text(field: str, value: object, max_len: int = 500) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    if len(s) > max_len:
        raise FilterError(field, s[:40] + "…", f"longer than {max_len} characters")
    if any(unicodedata.category(c) == "Cc" for c in s):
        raise FilterError(field, s, "holds control characters")
    return s


def _choice(field: str, value: str | None, allowed: Mapping[str, str]) -> str | None:
    if value is None:
        return None
    found = allowed.get(value.casefold())
    if found is None:
        raise FilterError(field, value, "unknown value; one of: " + ", ".join(dict.fromkeys(allowed.values())))
    return found


_TYPES = {t.casefold(): t for t in EVENT_TYPES}
_SUBS = {s.casefold(): s for s in SUB_TO_TYPE}
_DISORDERS = {d.casefold(): d for d in DISORDER_TYPES}


def _int(field: str, value: object, lo: int, hi: int) -> int:
    try:
        n = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise FilterError(field, value, "not an integer") from None
    if not lo <= n <= hi:
        raise FilterError(field, value, f"must be between {lo} and {hi}")
    return n


def parse_bbox(value: object) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    try:
        parts = tuple(float(x) for x in (value.split(",") if isinstance(value, str) else value))  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        parts = ()
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts) or \
            not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise FilterError("bbox", value, "use min_lon,min_lat,max_lon,max_lat in degrees")
    return parts[0], parts[1], parts[2], parts[3]


def parse_filters(raw: Mapping[str, object] | None = None, /, **kw: object) -> Filters:
    """Validated Filters from user values (strings from a command line or a query string, or
    already-typed values). Unknown keys are an error."""
    v: dict[str, object] = {**(raw or {}), **kw}
    unknown = set(v) - set(FILTER_FIELDS)
    if unknown:
        raise FilterError(sorted(unknown)[0], v[sorted(unknown)[0]], "not a filter")
    date_from = _day("date_from", v.get("date_from"), end=False)
    date_to = _day("date_to", v.get("date_to"), end=True)
    if date_from and date_to and date_from > date_to:
        raise FilterError("date_from", date_from.isoformat(), f"is after date_to ({date_to.isoformat()})")
    country = _text("country", v.get("country"), 8)
    if country is not None:
        if not re.fullmatch(r"[A-Za-z]{2}", country):
            raise FilterError("country", country, "not an ISO 3166-1 alpha-2 code (two letters)")
        country = country.upper()
    etype = _text("event_type", v.get("event_type"), 100)
    sub = _choice("sub_event_type", _text("sub_event_type", v.get("sub_event_type"), 100), _SUBS)
    if etype is not None and etype.casefold() not in _TYPES and etype.casefold() in _SUBS:
        # a sub-event type where a type was asked for (the CLI's one --type option)
        as_sub = _SUBS[etype.casefold()]
        if sub is not None and sub != as_sub:
            raise FilterError("event_type", etype, f"contradicts sub_event_type {sub!r}")
        sub, etype = as_sub, None
    etype = _choice("event_type", etype, _TYPES)
    limit_raw = v.get("limit", 100)
    limit = None if limit_raw is None else _int("limit", limit_raw, 0, MAX_LIMIT)
    return Filters(
        date_from=date_from, date_to=date_to, country=country,
        admin1=_text("admin1", v.get("admin1"), 200),
        event_type=etype, sub_event_type=sub,
        disorder_type=_choice("disorder_type", _text("disorder_type", v.get("disorder_type"), 100), _DISORDERS),
        actor=_text("actor", v.get("actor"), 200), text=_text("text", v.get("text"), 500),
        article_id=_text("article_id", v.get("article_id"), 300),
        incident_id=_text("incident_id", v.get("incident_id"), 300),
        bbox=parse_bbox(v.get("bbox")), limit=limit,
        offset=_int("offset", v.get("offset", 0) or 0, 0, MAX_INT))


# -- SQL ----------------------------------------------------------------------------------------------
Where = tuple[str, list[Any]]


def _common(f: Filters, t: str) -> tuple[list[str], list[Any]]:
    """Conditions on the columns events and incidents share (alias `t`)."""
    cl: list[str] = []
    ps: list[Any] = []
    if f.date_from:
        cl.append(f"{t}.date >= ?")
        ps.append(f.date_from.isoformat())
    if f.date_to:
        # a stored "2022-01-05T10:00" is still that day ("T99" sorts after any time; the index stays usable)
        cl.append(f"{t}.date <= ?")
        ps.append(f.date_to.isoformat() + "T99")
    for col in ("country", "event_type", "sub_event_type", "disorder_type"):
        val = getattr(f, col)
        if val is not None:
            cl.append(f"{t}.{col} = ? COLLATE NOCASE")
            ps.append(val)
    if f.admin1 is not None:
        cl.append(f"kfold({t}.admin1) = ?")
        ps.append(actors_folded(f.admin1))
    if f.actor is not None:
        cl.append(f"instr({t}.actors_fold, ?) > 0")
        ps.append(actors_folded(f.actor))
    if f.bbox is not None:
        cl.append(f"{t}.longitude BETWEEN ? AND ? AND {t}.latitude BETWEEN ? AND ?")
        ps += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    return cl, ps


def _fts(f: Filters, cl: list[str], ps: list[Any], outer: str) -> None:
    """The text search: `outer` holds an {articles} slot for the sub-query of matching article pks
    (lemmas in uk, ru and en, and exact "phrases": store/search.py)."""
    if f.text is None:
        return
    m = search.article_match(f.text)
    if m is None:
        cl.append("0")
    else:
        cl.append(outer.format(articles=m[0]))
        ps.extend(m[1])


def _sql(cl: list[str], ps: list[Any]) -> Where:
    return (" WHERE " + " AND ".join(cl)) if cl else "", ps


def event_where(f: Filters, t: str = "e") -> Where:
    """WHERE clause over the events table (alias `t`)."""
    cl, ps = _common(f, t)
    if f.article_id is not None:
        cl.append(f"{t}.article_pk = (SELECT pk FROM articles WHERE id = ?)")
        ps.append(f.article_id)
    if f.incident_id is not None:
        cl.append(f"{t}.incident_pk = (SELECT pk FROM incidents WHERE id = ?)")
        ps.append(f.incident_id)
    _fts(f, cl, ps, f"{t}.article_pk IN ({{articles}})")
    return _sql(cl, ps)


def incident_where(f: Filters, t: str = "i") -> Where:
    """WHERE clause over the incidents table (alias `t`): its own (representative) fields, and for
    article and text the articles of its members."""
    cl, ps = _common(f, t)
    if f.incident_id is not None:
        cl.append(f"{t}.id = ?")
        ps.append(f.incident_id)
    if f.article_id is not None:
        cl.append(f"{t}.pk IN (SELECT m.incident_pk FROM events m WHERE m.article_pk = "
                  "(SELECT pk FROM articles WHERE id = ?))")
        ps.append(f.article_id)
    _fts(f, cl, ps, f"{t}.pk IN (SELECT m.incident_pk FROM events m WHERE m.article_pk IN ({{articles}}))")
    return _sql(cl, ps)
