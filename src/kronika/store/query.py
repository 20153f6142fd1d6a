"""Reading the chronicle: filtered, paginated queries over events, incidents and articles.

This is the layer the CLI and the HTTP API call. Every function takes an open sqlite3 connection
(`Store.conn`, or `db.connect(path, readonly=True)`) and a `Filters`; results are plain dicts
ready for JSON. All values reach SQL as parameters.

Filters (all optional, combined with AND):
  date_from, date_to  ISO days, inclusive; on the event's (incident's) date — undated records are
                      left out when either bound is given
  country             ISO 3166-1 alpha-2 code (case-insensitive)
  admin1              first-level region, as stored (case-insensitive)
  event_type          an ACLED event type or sub-event type ("Riots", "Peaceful protest")
  actor               substring of actor1/actor2 kinds or names (case-insensitive)
  text                full-text search over article titles and texts (FTS5); words are ANDed,
                      "quoted phrases" kept, a trailing * is a prefix; FTS operators are not
                      passed through, so any user input is safe
  limit, offset       pagination (limit capped at MAX_LIMIT); order is date, then id
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from . import search

MAX_LIMIT = 10_000


@dataclass(slots=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    limit: int = 100
    offset: int = 0


_TOKEN = re.compile(r'"([^"]+)"|(\S+)')


def fts_query(text: str) -> str | None:
    """User words to a safe FTS5 query: each word or "phrase" quoted, a trailing * kept."""
    parts: list[str] = []
    for m in _TOKEN.finditer(text):
        phrase = m.group(1)
        word = m.group(2)
        if phrase is not None:
            inner = " ".join(re.findall(r"\w+", phrase))
            if inner:
                parts.append(f'"{inner}"')
            continue
        prefix = word.endswith("*")
        for w in re.findall(r"\w+", word):
            parts.append(f'"{w}"')
        if prefix and parts:
            parts[-1] += "*"
    return " ".join(parts) or None


def _where(f: Filters, t: str, article_col: str) -> tuple[str, list[Any]]:
    """WHERE clause over table alias `t` (events or incidents share these column names)."""
    sql: list[str] = []
    args: list[Any] = []
    if f.date_from:
        sql.append(f"{t}.date >= ?")
        args.append(f.date_from[:10])
    if f.date_to:
        sql.append(f"{t}.date <= ?")
        args.append(f.date_to[:10])
    if f.country:
        sql.append(f"{t}.country = ?")
        args.append(f.country.upper())
    if f.admin1:
        sql.append(f"lower({t}.admin1) = lower(?)")
        args.append(f.admin1)
    if f.event_type:
        sql.append(f"(lower({t}.event_type) = lower(?) OR lower({t}.sub_event_type) = lower(?))")
        args += [f.event_type, f.event_type]
    if f.actor:
        like = "%" + f.actor.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql.append("(" + " OR ".join(f"lower(coalesce({t}.{c}, '')) LIKE ? ESCAPE '\\'"
                                     for c in ("actor1", "actor2", "actor1_name", "actor2_name")) + ")")
        args += [like] * 4
    if f.text:
        cond, cargs = search.condition(f.text, article_col)
        sql.append(cond)
        args += cargs
    return (" WHERE " + " AND ".join(sql)) if sql else "", args


def _page(f: Filters) -> tuple[int, int]:
    return max(0, min(int(f.limit), MAX_LIMIT)), max(0, int(f.offset))


_EVENT_FIELDS = ("event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country",
                 "admin1", "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1",
                 "actor2", "actor1_name", "actor2_name", "fatalities", "confidence", "notes")


def events(conn: sqlite3.Connection, f: Filters | None = None, evidence: bool = True) -> list[dict[str, Any]]:
    """Events matching the filters, each with its article (id, url, title, published), incident id
    and, when `evidence`, its evidence spans."""
    f = f or Filters()
    where, args = _where(f, "e", "e.article_pk")
    limit, offset = _page(f)
    cols = ", ".join(f"e.{c}" for c in _EVENT_FIELDS)
    rows = conn.execute(
        f"SELECT e.pk, e.article_pk, e.idx, {cols}, a.id, a.url, a.title, a.published, a.lang, i.id "
        f"FROM events e JOIN articles a ON a.pk = e.article_pk LEFT JOIN incidents i ON i.pk = e.incident_pk"
        f"{where} ORDER BY e.date IS NULL, e.date, a.id, e.idx LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    out = []
    for r in rows:
        d = dict(zip(_EVENT_FIELDS, r[3:3 + len(_EVENT_FIELDS)], strict=True))
        n = 3 + len(_EVENT_FIELDS)
        d.update(article=r[n], url=r[n + 1], title=r[n + 2], published=r[n + 3], lang=r[n + 4],
                 incident=r[n + 5], idx=r[2])
        if evidence:
            d["evidence"] = _spans(conn, r[1], "event", r[2])
        out.append(d)
    return out


def count_events(conn: sqlite3.Connection, f: Filters | None = None) -> int:
    where, args = _where(f or Filters(), "e", "e.article_pk")
    return conn.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]


_INCIDENT_FIELDS = ("id", "event_type", "sub_event_type", "disorder_type", "date", "date_min", "date_max",
                    "time_precision", "country", "admin1", "location", "geonameid", "latitude", "longitude",
                    "geo_precision", "actor1", "actor2", "actor1_name", "actor2_name", "fatalities",
                    "n_events", "n_articles", "figures_json", "created_at", "updated_at")



def _incident_where(f: Filters) -> tuple[str, list[Any]]:
    where, args = _where(Filters(**{**_asdict(f), "text": None}), "i", "")
    if f.text:
        match, margs = search.condition(f.text, "e2.article_pk")
        cond = f"EXISTS (SELECT 1 FROM events e2 WHERE e2.incident_pk = i.pk AND {match})"
        where = (where + " AND " if where else " WHERE ") + cond
        args += margs
    return where, args


def _asdict(f: Filters) -> dict[str, Any]:
    return {k: getattr(f, k) for k in Filters.__slots__}


def incidents(conn: sqlite3.Connection, f: Filters | None = None, members: bool = True) -> list[dict[str, Any]]:
    """Incidents matching the filters, with reconciled `figures` and, when `members`, their
    `articles` (id, url, title, published, lang), `sources` (name, kind, article) and `events`
    (article, idx, sub_event_type, date, location)."""
    f = f or Filters()
    where, args = _incident_where(f)
    limit, offset = _page(f)
    rows = conn.execute(
        f"SELECT i.pk, {', '.join('i.' + c for c in _INCIDENT_FIELDS)} FROM incidents i{where} "
        "ORDER BY i.date IS NULL, i.date, i.id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    out = []
    for r in rows:
        d = dict(zip(_INCIDENT_FIELDS, r[1:], strict=True))
        d["figures"] = json.loads(d.pop("figures_json") or "{}")
        if members:
            d.update(_members(conn, r[0]))
        out.append(d)
    return out


def count_incidents(conn: sqlite3.Connection, f: Filters | None = None) -> int:
    where, args = _incident_where(f or Filters())
    return conn.execute(f"SELECT count(*) FROM incidents i{where}", args).fetchone()[0]


def _members(conn: sqlite3.Connection, incident_pk: int) -> dict[str, Any]:
    arts = conn.execute(
        "SELECT DISTINCT a.pk, a.id, a.url, a.title, a.published, a.lang FROM events e "
        "JOIN articles a ON a.pk = e.article_pk WHERE e.incident_pk = ? ORDER BY a.id", (incident_pk,)).fetchall()
    evs = conn.execute(
        "SELECT a.id, e.idx, e.sub_event_type, e.date, e.location, e.fatalities FROM events e "
        "JOIN articles a ON a.pk = e.article_pk WHERE e.incident_pk = ? ORDER BY a.id, e.idx",
        (incident_pk,)).fetchall()
    srcs = conn.execute(
        "SELECT s.name, s.kind, a.id FROM sources s JOIN articles a ON a.pk = s.article_pk WHERE s.article_pk IN "
        "(SELECT article_pk FROM events WHERE incident_pk = ?) ORDER BY a.id, s.idx", (incident_pk,)).fetchall()
    return {
        "articles": [{"id": a[1], "url": a[2], "title": a[3], "published": a[4], "lang": a[5]} for a in arts],
        "events": [{"article": e[0], "idx": e[1], "sub_event_type": e[2], "date": e[3], "location": e[4],
                    "fatalities": e[5]} for e in evs],
        "sources": [{"name": s[0], "kind": s[1], "article": s[2]} for s in srcs],
    }


def get_incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    """One incident by id with its members, or None."""
    row = conn.execute("SELECT pk FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    if not row:
        return None
    r = conn.execute(f"SELECT {', '.join(_INCIDENT_FIELDS)} FROM incidents WHERE pk = ?", (row[0],)).fetchone()
    d = dict(zip(_INCIDENT_FIELDS, r, strict=True))
    d["figures"] = json.loads(d.pop("figures_json") or "{}")
    d.update(_members(conn, row[0]))
    return d


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article: its metadata, text and the full ArticleResult the extractor gave ("result")."""
    r = conn.execute("SELECT id, url, canonical_url, lang, published, title, text, origin, relevant, "
                     "result_json, extractor, ingested_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if not r:
        return None
    keys = ("id", "url", "canonical_url", "lang", "published", "title", "text", "origin", "relevant",
            "result", "extractor", "ingested_at")
    d = dict(zip(keys, r, strict=True))
    d["relevant"] = bool(d["relevant"])
    d["result"] = json.loads(d["result"])
    return d


def _spans(conn: sqlite3.Connection, article_pk: int, owner: str, idx: int) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "text": t} for s, e, t in conn.execute(
        "SELECT start, end, text FROM spans WHERE article_pk = ? AND owner = ? AND owner_idx = ? ORDER BY pk",
        (article_pk, owner, idx))]
