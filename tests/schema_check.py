"""A validator for the output record of SCHEMA.md: field names, types, vocabularies, spans.

`record_errors(rec, text)` returns a list of human-readable problems (empty when the record is
valid). The vocabularies come from kronika.model, which mirrors SCHEMA.md; the span check needs
the article text. Used by the property tests and by any test that wants to validate output.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from kronika.model import (
    ACTOR_KINDS,
    COUNT_KINDS,
    EVENT_TYPES,
    QUALIFIERS,
    SOURCE_KINDS,
    disorder_type,
)

DISORDER_TYPES = ("Political violence", "Demonstrations", "Strategic developments")
TOP_FIELDS = {"id": str, "lang": str, "relevant": bool, "events": list, "counts": list, "sources": list,
              "quotes": list}
EVENT_FIELDS = ("event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country", "admin1",
                "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1", "actor2",
                "actor1_name", "actor2_name", "fatalities", "evidence", "confidence")
COUNT_FIELDS = ("kind", "value", "qualifier", "subject", "location", "source", "evidence")
SOURCE_FIELDS = ("name", "kind", "evidence")
QUOTE_FIELDS = ("text", "speaker", "speaker_role", "via", "evidence")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Z]{2}")


def is_iso_day(v: Any) -> bool:
    """A real calendar day written YYYY-MM-DD (2022-02-30 is not one)."""
    if not isinstance(v, str) or not _ISO_DAY.fullmatch(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def record_errors(rec: Any, text: str) -> list[str]:
    errs: list[str] = []
    if not isinstance(rec, dict):
        return [f"record is {type(rec).__name__}, not an object"]
    try:
        json.dumps(rec, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as e:  # NaN, non-JSON types, lone surrogates
        errs.append(f"not writable as strict UTF-8 JSON: {e}")
    for k, t in TOP_FIELDS.items():
        if not isinstance(rec.get(k), t):
            errs.append(f"{k}: {rec.get(k)!r} is not {t.__name__}")
    for k in ("published", "title", "url"):
        if not _opt_str(rec.get(k)):
            errs.append(f"{k}: {rec.get(k)!r} is not a string or null")
    if errs:
        return errs
    for i, e in enumerate(rec["events"]):
        errs += [f"events[{i}].{m}" for m in _event(e, text)]
    for i, c in enumerate(rec["counts"]):
        errs += [f"counts[{i}].{m}" for m in _count(c, text)]
    for i, s in enumerate(rec["sources"]):
        errs += [f"sources[{i}].{m}" for m in _source(s, text)]
    for i, q in enumerate(rec["quotes"]):
        errs += [f"quotes[{i}].{m}" for m in _quote(q, text)]
    relevant = any((e.get("event_type"), e.get("sub_event_type")) != ("Strategic developments", "Other")
                   for e in rec["events"] if isinstance(e, dict))
    if rec["relevant"] != relevant:
        errs.append(f"relevant is {rec['relevant']} but the events say {relevant}")
    return errs


def _missing(d: Any, fields: tuple[str, ...]) -> list[str]:
    if not isinstance(d, dict):
        return [f" is {type(d).__name__}, not an object"]
    return [f"{f}: missing" for f in fields if f not in d]


def _event(e: Any, text: str) -> list[str]:
    errs = _missing(e, EVENT_FIELDS)
    if errs:
        return errs
    et, sub = e["event_type"], e["sub_event_type"]
    if et not in EVENT_TYPES:
        errs.append(f"event_type: {et!r} not in the ACLED vocabulary")
    elif sub not in EVENT_TYPES[et]:
        errs.append(f"sub_event_type: {sub!r} is not a sub-event of {et!r}")
    if e["disorder_type"] not in DISORDER_TYPES or (et in EVENT_TYPES and e["disorder_type"] != disorder_type(et, sub)):
        errs.append(f"disorder_type: {e['disorder_type']!r} does not follow from {et!r}/{sub!r}")
    if e["date"] is not None and not is_iso_day(e["date"]):
        errs.append(f"date: {e['date']!r} is not a real ISO day")
    tp = e["time_precision"]  # the gold leaves it null when the date is unknowable
    if isinstance(tp, bool) or tp not in ((1, 2, 3, None) if e["date"] is None else (1, 2, 3)):
        errs.append(f"time_precision: {tp!r} not in 1, 2, 3")
    if e["country"] is not None and not (isinstance(e["country"], str) and _COUNTRY.fullmatch(e["country"])):
        errs.append(f"country: {e['country']!r} is not ISO 3166-1 alpha-2")
    for k in ("admin1", "location", "actor1_name", "actor2_name"):
        if not _opt_str(e[k]):
            errs.append(f"{k}: {e[k]!r} is not a string or null")
    if e["geonameid"] is not None and (not isinstance(e["geonameid"], int) or isinstance(e["geonameid"], bool)):
        errs.append(f"geonameid: {e['geonameid']!r} is not an integer")
    lat, lon = e["latitude"], e["longitude"]
    if (lat is None) != (lon is None):
        errs.append("latitude/longitude: one is null, the other not")
    if lat is not None and not (_num(lat) and -90 <= lat <= 90):
        errs.append(f"latitude: {lat!r} out of range")
    if lon is not None and not (_num(lon) and -180 <= lon <= 180):
        errs.append(f"longitude: {lon!r} out of range")
    if e["geo_precision"] not in (None, 1, 2, 3) or isinstance(e["geo_precision"], bool):
        errs.append(f"geo_precision: {e['geo_precision']!r} not in 1, 2, 3 or null")
    if e["actor1"] not in ACTOR_KINDS:
        errs.append(f"actor1: {e['actor1']!r} not an ACLED actor kind")
    if e["actor2"] is not None and e["actor2"] not in ACTOR_KINDS:
        errs.append(f"actor2: {e['actor2']!r} not an ACLED actor kind")
    f = e["fatalities"]
    if f is not None and (not isinstance(f, int) or isinstance(f, bool) or f < 0):
        errs.append(f"fatalities: {f!r} is not a non-negative integer")
    if not (_num(e["confidence"]) and 0 <= e["confidence"] <= 1):
        errs.append(f"confidence: {e['confidence']!r} not in 0..1")
    return errs + _evidence(e["evidence"], text)


def _count(c: Any, text: str) -> list[str]:
    errs = _missing(c, COUNT_FIELDS)
    if errs:
        return errs
    if c["kind"] not in COUNT_KINDS:
        errs.append(f"kind: {c['kind']!r} not a count kind")
    if c["qualifier"] not in QUALIFIERS:
        errs.append(f"qualifier: {c['qualifier']!r} not a qualifier")
    if not (_num(c["value"]) and c["value"] >= 0):
        errs.append(f"value: {c['value']!r} is not a non-negative number")
    if "value_max" in c and not (_num(c["value_max"]) and _num(c["value"]) and c["value_max"] >= c["value"]):
        errs.append(f"value_max: {c['value_max']!r} is not a number >= value")
    for k in ("subject", "location", "source"):
        if not _opt_str(c[k]):
            errs.append(f"{k}: {c[k]!r} is not a string or null")
    return errs + _evidence(c["evidence"], text)


def _source(s: Any, text: str) -> list[str]:
    errs = _missing(s, SOURCE_FIELDS)
    if errs:
        return errs
    if not (isinstance(s["name"], str) and s["name"].strip()):
        errs.append(f"name: {s['name']!r} is not a non-empty string")
    if s["kind"] not in SOURCE_KINDS:
        errs.append(f"kind: {s['kind']!r} not a source kind")
    return errs + _evidence(s["evidence"], text)


def _quote(q: Any, text: str) -> list[str]:
    errs = _missing(q, QUOTE_FIELDS)
    if errs:
        return errs
    if not (isinstance(q["text"], str) and q["text"].strip()):
        errs.append(f"text: {q['text']!r} is not a non-empty string")
    for k in ("speaker", "speaker_role", "via"):
        if not _opt_str(q[k]):
            errs.append(f"{k}: {q[k]!r} is not a string or null")
    return errs + _evidence(q["evidence"], text)


def _evidence(spans: Any, text: str) -> list[str]:
    """Every record points at its text: at least one span, each indexing the text exactly."""
    if not isinstance(spans, list) or not spans:
        return ["evidence: no spans (every record must point at its text)"]
    errs = []
    for i, s in enumerate(spans):
        if not isinstance(s, dict) or set(s) < {"start", "end", "text"}:
            errs.append(f"evidence[{i}]: {s!r} is not a span object")
            continue
        a, b = s["start"], s["end"]
        if not (isinstance(a, int) and isinstance(b, int)) or isinstance(a, bool) or isinstance(b, bool):
            errs.append(f"evidence[{i}]: offsets {a!r}, {b!r} are not integers")
        elif not 0 <= a < b <= len(text):
            errs.append(f"evidence[{i}]: [{a}, {b}) is empty or outside the text (length {len(text)})")
        elif text[a:b] != s["text"]:
            errs.append(f"evidence[{i}]: text[{a}:{b}] is {text[a:b]!r}, the span says {s['text']!r}")
    return errs
