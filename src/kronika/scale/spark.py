"""kronika on Apache Spark: the very same per-article function, in `mapPartitions`, at cluster scale.

    python -m kronika.scale.spark --input PATH --output DIR [--master local[*]]
    spark-submit --master yarn|k8s://... -m kronika.scale.spark ...   (see docs/scale.md)

Reads JSONL (optionally compressed) or Parquet articles from any path Spark reads (local, HDFS, S3,
GCS), repartitions (one JSONL file is one partition otherwise), runs `pipeline.extract` on every
article with resources loaded once per Python worker (Spark reuses its workers), and writes:

  articles/   one row per article: the CLI's JSON line (`record`) plus the nested records
  events/     one row per event, with its incident_id
  figures/    one row per COUNT, with the event it reports on (link.reconcile.attribute_counts)
  sources/    one row per SOURCE;  quotes/  one row per QUOTE
  incidents/  the same real-world event across articles: a shuffle by the linker's blocking key
              (sub-event family x country, or 1-degree cell when the country is unknown) sorted by
              date within each partition, and along it the local linker's own pure rules
              (link.rules.same_event / closeness) and figure reconciliation (link.reconcile)

pyspark is an optional extra (`pip install 'kronika[spark]'`); nothing else in kronika imports it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..text.normalise import name_key

ARTICLE_COLUMNS = ("id", "lang", "url", "published", "title", "text")
ROWS_PER_PARTITION = 2000  # a Spark task costs ~0.15 s: thousands of articles per task hide it

# ---------------------------------------------------------------- schema (as plain tuples, no pyspark)
# (name, type) with type one of: "string", "int", "long", "double", "bool", ("array", fields) for an
# array of structs; converted to a pyspark StructType in `spark_schema` and used to coerce values.
SPAN = (("start", "int"), ("end", "int"), ("text", "string"))
EVENT = (
    ("event_type", "string"), ("sub_event_type", "string"), ("disorder_type", "string"),
    ("date", "string"), ("time_precision", "int"), ("country", "string"), ("admin1", "string"),
    ("location", "string"), ("geonameid", "long"), ("latitude", "double"), ("longitude", "double"),
    ("geo_precision", "int"), ("actor1", "string"), ("actor2", "string"), ("actor1_name", "string"),
    ("actor2_name", "string"), ("fatalities", "long"), ("evidence", ("array", SPAN)),
    ("confidence", "double"), ("notes", "string"),
)
COUNT = (
    ("kind", "string"), ("value", "double"), ("qualifier", "string"), ("value_max", "double"),
    ("subject", "string"), ("location", "string"), ("source", "string"), ("evidence", ("array", SPAN)),
    ("event_index", "int"),
)
SOURCE = (("name", "string"), ("kind", "string"), ("evidence", ("array", SPAN)))
QUOTE = (("text", "string"), ("speaker", "string"), ("speaker_role", "string"), ("via", "string"),
         ("evidence", ("array", SPAN)))
ARTICLE = (
    ("id", "string"), ("lang", "string"), ("relevant", "bool"), ("published", "string"),
    ("title", "string"), ("url", "string"), ("error", "string"), ("record", "string"),
    ("events", ("array", EVENT)), ("counts", ("array", COUNT)), ("sources", ("array", SOURCE)),
    ("quotes", ("array", QUOTE)),
)
INCIDENT = (
    ("incident_id", "string"), ("family", "string"), ("event_type", "string"),
    ("sub_event_type", "string"), ("disorder_type", "string"), ("date", "string"),
    ("date_min", "string"), ("date_max", "string"), ("time_precision", "int"), ("country", "string"),
    ("admin1", "string"), ("location", "string"), ("geonameid", "long"), ("latitude", "double"),
    ("longitude", "double"), ("geo_precision", "int"), ("actor1", "string"), ("actor2", "string"),
    ("actor1_name", "string"), ("actor2_name", "string"), ("fatalities", "long"),
    ("n_events", "int"), ("n_articles", "int"), ("event_ids", ("array_str",)),
    ("article_ids", ("array_str",)), ("figures_json", "string"),
)


def _coerce(kind: Any, v: Any) -> Any:
    if v is None:
        return None
    if kind == "string":
        return str(v)
    if kind in ("int", "long"):
        return int(v)
    if kind == "double":
        return float(v)
    if kind == "bool":
        return bool(v)
    if kind[0] == "array_str":
        return [str(x) for x in v]
    return [_row(kind[1], x) for x in v]


def _row(fields: Sequence[tuple[str, Any]], d: dict[str, Any]) -> tuple[Any, ...]:
    """A dict (to_dict output) as a tuple in schema order; extra keys are dropped, missing are null."""
    return tuple(_coerce(kind, d.get(name)) for name, kind in fields)


def spark_schema(fields: Sequence[tuple[str, Any]]) -> Any:
    from pyspark.sql import types as T

    simple = {"string": T.StringType(), "int": T.IntegerType(), "long": T.LongType(),
              "double": T.DoubleType(), "bool": T.BooleanType()}

    def typ(kind: Any) -> Any:
        if isinstance(kind, str):
            return simple[kind]
        if kind[0] == "array_str":
            return T.ArrayType(T.StringType())
        return T.ArrayType(spark_schema(kind[1]))

    return T.StructType([T.StructField(n, typ(k), True) for n, k in fields])


# ---------------------------------------------------------------- per article (runs on executors)
def article_row(d: dict[str, Any]) -> tuple[Any, ...]:
    """One input row (dict of the SCHEMA.md input fields) to one output row of ARTICLE."""
    from ..link.reconcile import attribute_counts
    from ..model import Article, ArticleResult
    from ..output import to_json_line
    from .pool import safe_extract

    try:
        article = Article.from_dict(d, origin=str(d.get("id") or ""))
    except ValueError as e:
        return _row(ARTICLE, {"id": d.get("id"), "error": f"unreadable article: {e}",
                              "events": [], "counts": [], "sources": [], "quotes": []})
    res = safe_extract(article)
    if not isinstance(res, ArticleResult):  # an InputError: extraction failed on this article
        return _row(ARTICLE, {"id": article.id, "error": getattr(res, "reason", str(res)),
                              "events": [], "counts": [], "sources": [], "quotes": []})
    out = res.to_dict()
    record = to_json_line(res)
    for c, ev in zip(out["counts"], attribute_counts(res), strict=True):
        c["event_index"] = ev
    out["record"] = record
    return _row(ARTICLE, out)


def extract_partition(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """mapPartitions body: resources load on the first article of the worker process and stay."""
    for r in rows:
        yield article_row(r.asDict())


# ---------------------------------------------------------------- linking (runs on executors)
def _block_events(a: Any) -> Iterator[tuple[tuple[str, str], dict[str, Any]]]:
    """(blocking key, event) for each event of an article row; the key is the local linker's
    candidate index (family x country, or family x cell), so no match is lost across blocks."""
    from ..link.reconcile import Report
    from ..link.rules import EventKey, cell, day_number, family

    for i, e in enumerate(a.events or []):
        key = EventKey(a.id, e.sub_event_type, e.date, e.time_precision, e.country, e.admin1, e.location,
                       e.geonameid, e.latitude, e.longitude, e.geo_precision, e.actor1, e.actor2)
        place = ("c:" + e.country) if e.country else ("g:" + (cell(e.latitude, e.longitude) or ""))
        linkable = day_number(e.date) is not None and place not in ("g:",)
        block = (family(e.sub_event_type), place) if linkable else ("single", f"{a.id}#{i}")
        reports = [Report(c.kind, c.value, c.value_max, c.qualifier, c.source, a.id)
                   for c in (a.counts or []) if c.event_index == i]
        yield block, {"event_id": f"{a.id}#{i}", "idx": i, "key": key, "event": e.asDict(recursive=False),
                      "reports": reports}


def link_block(events: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Incidents of one block (any order): see `link_sorted`."""
    from ..link.rules import day_number

    evs = sorted(events, key=lambda x: (day_number(x["key"].date) or 0, x["key"].article, x["idx"]))
    return list(link_sorted((("block",), ev) for ev in evs))


def link_sorted(stream: Iterable[tuple[Any, dict[str, Any]]]) -> Iterator[tuple[Any, ...]]:
    """Incidents from (block, event) pairs sorted by block, then date (then article, index).

    Within a block, events in date order join the closest open incident all of whose members they
    are the same event as (link.rules), as the local linker does per stored event. Candidates come
    from an index of each incident's first member by place (geonameid, name, coordinate cell) within
    the date window: an event that does not match the first member cannot join, so the index loses
    nothing. An incident whose first member is older than the widest date tolerance can take no
    more members and is emitted at once, so memory holds only the open window, however large a
    block (a country's demonstrations over years) grows, and the work per event stays flat."""
    from collections import deque

    from ..link.rules import closeness, day_number, same_event

    max_window = max(_tolerances())
    block: Any = object()
    incidents: dict[int, list[dict[str, Any]]] = {}
    first_day: dict[int, int] = {}
    order: deque[int] = deque()
    index: dict[tuple[Any, ...], deque[int]] = {}
    made = 0
    for b, ev in stream:
        day = day_number(ev["key"].date) or 0
        if b != block:
            yield from (incident_row(incidents[j]) for j in order)
            block, incidents, first_day, order, index = b, {}, {}, deque(), {}
        while order and first_day[order[0]] < day - max_window:  # closed: no later event can join
            j = order.popleft()
            yield incident_row(incidents.pop(j))
        cands: set[int] = set()
        for k in _probe_keys(ev["key"]):
            q = index.get(k)
            if not q:
                continue
            while q and q[0] not in incidents:  # incidents close in creation (= date) order
                q.popleft()
            cands.update(q)
        best: tuple[float, int] | None = None
        for j in sorted(cands):
            members = incidents[j]
            if all(same_event(ev["key"], m["key"]) for m in members):
                score = max(closeness(ev["key"], m["key"]) for m in members)
                if best is None or score > best[0]:
                    best = (score, j)
        if best is not None:
            incidents[best[1]].append(ev)
            continue
        made += 1
        incidents[made], first_day[made] = [ev], day
        order.append(made)
        for k in _place_keys(ev["key"]):
            index.setdefault(k, deque()).append(made)
    yield from (incident_row(incidents[j]) for j in order)


def _sort_key(kv: tuple[Any, dict[str, Any]]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    from ..link.rules import day_number

    block, ev = kv
    return (block, day_number(ev["key"].date) or 0, ev["key"].article, ev["idx"]), ev


def _block_partition(key: tuple[Any, ...]) -> int:
    from pyspark.rdd import portable_hash

    return int(portable_hash(key[0]))


def _place_keys(k: Any) -> list[tuple[Any, ...]]:
    """Index keys of a record: link.rules.places_match needs a shared geonameid, an equal name,
    coordinates within its near radius, or (region level) equal country/admin1/name."""
    keys: list[tuple[Any, ...]] = []
    if k.geonameid:
        keys.append(("g", k.geonameid))
    if k.location:
        keys.append(("n", name_key(k.location)))
    if k.latitude is not None and k.longitude is not None:
        keys.append(("c", *_cell(k.latitude, k.longitude)))
    if (k.geo_precision or 3) == 3:
        keys.append(("r", k.country, name_key(k.admin1), name_key(k.location)))
    return keys


def _probe_keys(k: Any) -> list[tuple[Any, ...]]:
    """The keys to look up for a record: its own, with the coordinate cells around it."""
    import math

    from ..link.rules import NEAR_RADIUS_KM

    keys = [x for x in _place_keys(k) if x[0] != "c"]
    if k.latitude is not None and k.longitude is not None:
        ci, cj = _cell(k.latitude, k.longitude)
        span_lat = NEAR_RADIUS_KM / 111.0
        span_lon = NEAR_RADIUS_KM / (111.0 * max(0.05, math.cos(math.radians(k.latitude))))
        di, dj = math.ceil(span_lat / _CELL_DEG), math.ceil(span_lon / _CELL_DEG)
        keys += [("c", ci + a, cj + b) for a in range(-di, di + 1) for b in range(-dj, dj + 1)]
    return keys


_CELL_DEG = 0.5


def _cell(lat: float, lon: float) -> tuple[int, int]:
    import math

    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)


def _tolerances() -> list[int]:
    from ..link.rules import DATE_TOLERANCE

    return list(DATE_TOLERANCE.values())


def incident_row(members: list[dict[str, Any]]) -> tuple[Any, ...]:
    """The incident as the local linker's refresh() summarises it: the representative member
    (most common sub-event, then the most precise), date range, reconciled figures."""
    from ..link.reconcile import reconcile
    from ..link.rules import family

    first = members[0]
    ident = "inc-" + hashlib.sha1(f"{first['key'].article}|{first['idx']}".encode()).hexdigest()[:12]
    subs = Counter(m["event"]["sub_event_type"] for m in members)
    rep = min(members, key=lambda m: (-subs[m["event"]["sub_event_type"]], m["event"]["time_precision"] or 9,
                                      m["event"]["geo_precision"] or 9, -(m["event"]["confidence"] or 0)))
    r = dict(rep["event"])
    dates = sorted(m["event"]["date"] for m in members if m["event"]["date"])
    figures = reconcile([rp for m in members for rp in m["reports"]],
                        [(m["event"]["fatalities"], m["key"].article) for m in members
                         if m["event"]["fatalities"] is not None])
    killed = figures.get("killed", {}).get("lowest")
    for k in ("actor1_name", "actor2_name"):
        r[k] = r[k] or next((m["event"][k] for m in members if m["event"][k]), None)
    r.update(incident_id=ident, family=family(r["sub_event_type"]), date_min=dates[0] if dates else None,
             date_max=dates[-1] if dates else None, fatalities=None if killed is None else int(killed),
             n_events=len(members), n_articles=len({m["key"].article for m in members}),
             event_ids=[m["event_id"] for m in members],
             article_ids=sorted({m["key"].article for m in members}),
             figures_json=json.dumps(figures, ensure_ascii=False))
    return _row(INCIDENT, r)


# ---------------------------------------------------------------- the job (runs on the driver)
def session(master: str | None = None, app: str = "kronika") -> Any:
    """A SparkSession; master from the argument, else from spark-submit, else local[*]."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName(app)
    if master:  # else spark-submit's --master; a plain `python -m` run defaults to local[*]
        b = b.master(master)
    if master and master.startswith("local"):
        # one machine: a handful of shuffle partitions (not 200) and no web UI start faster
        b = b.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 2))) \
             .config("spark.ui.enabled", "false")
    spark = (b.config("spark.sql.session.timeZone", "UTC")
             .config("spark.python.worker.reuse", "true")  # resources stay loaded across tasks
             .config("spark.sql.adaptive.enabled", "true")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    return spark


class InputKindError(ValueError):
    """An input the job cannot read as articles; the message says what to do."""


def input_kind(path: str, fmt: str = "auto") -> str:
    """json, parquet or text for an input path. `auto` looks at a local file's suffix or at the
    suffixes of the files in a local folder (the readers' kinds: .txt/.md are text, one article
    per file); remote paths (hdfs://, s3a://) keep the old rule (Parquet by name, else JSON).
    Raises InputKindError for what would otherwise be read as empty JSON rows (HTML, a mix)."""
    from ..ingest.readers import HTML_EXT, JSONL_EXT, TEXT_EXT

    if fmt != "auto":
        return fmt
    low = path.rstrip("/").lower()
    if low.endswith((".parquet", ".pq", "parquet")):
        return "parquet"
    local = Path(path[7:] if low.startswith("file://") else path)
    if "://" in low and not low.startswith("file://"):
        return "json"
    if local.is_dir():
        suffixes = {f.suffix.lower() for f in local.iterdir() if f.is_file() and not f.name.startswith((".", "_"))}
    elif local.is_file():
        suffixes = {local.suffix.lower()}
    else:
        raise InputKindError(f"{path}: no such file or folder")
    gz = {s for s in suffixes if s == ".gz"}  # articles.jsonl.gz: Spark reads it as JSON
    kinds = {"json" if s in JSONL_EXT or s in gz else "text" if s in TEXT_EXT else
             "html" if s in HTML_EXT else "parquet" if s in (".parquet", ".pq") else "other" for s in suffixes}
    if "html" in kinds:
        raise InputKindError(f"{path}: HTML pages are read by `kronika extract`/`ingest`, not by the Spark job; "
                             "extract their text first or give JSONL")
    if len(kinds - {"other"}) > 1:
        raise InputKindError(f"{path}: mixes {', '.join(sorted(kinds - {'other'}))} files; give one kind per run")
    if not suffixes:
        raise InputKindError(f"{path}: folder holds no files to read")
    # files without a known suffix (Spark's own part-00000 output): JSON, as before
    return next(iter(kinds - {"other"}), "json")


def read_articles(spark: Any, path: str, fmt: str = "auto") -> Any:
    """The input columns as strings (missing ones null), from JSONL, Parquet or text files (one
    article per file, its path as id)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    fmt = input_kind(path, fmt)
    if fmt == "parquet":
        df = spark.read.parquet(path)
        have = set(df.columns)
        return df.select(*[(F.col(c).cast("string") if c in have else F.lit(None).cast("string")).alias(c)
                           for c in ARTICLE_COLUMNS])
    if fmt == "text":
        df = spark.read.option("wholetext", True).text(path)
        cols = {"id": F.input_file_name(), "text": F.col("value")}
        return df.select(*[(cols[c] if c in cols else F.lit(None).cast("string")).alias(c) for c in ARTICLE_COLUMNS])
    schema = T.StructType([T.StructField(c, T.StringType(), True) for c in ARTICLE_COLUMNS])
    return spark.read.schema(schema).option("mode", "PERMISSIVE").json(path)


def run(spark: Any, input_path: str, output: str, fmt: str = "auto",
        partitions: int | None = None) -> dict[str, float]:
    """Extract, link, write the tables under `output`; returns row counts per table and the
    extraction's CPU seconds in the Python workers (`extract_cpu_s`)."""
    from pyspark.sql import functions as F

    out = output.rstrip("/")
    df = read_articles(spark, input_path, fmt)
    n = partitions or _partitions(spark, df)
    cpu = spark.sparkContext.accumulator(0.0)  # CPU seconds of the Python workers, for the report
    rows = df.repartition(n).rdd.mapPartitions(lambda it: _timed(extract_partition(it), cpu))
    spark.createDataFrame(rows, spark_schema(ARTICLE)).write.mode("overwrite").parquet(f"{out}/articles")

    # the derived tables read the written articles back: extraction runs exactly once
    arts = spark.read.parquet(f"{out}/articles")
    # a shuffle by block with a sort by date inside each partition (Spark's secondary sort): no
    # block is ever held in memory whole, however many events it has
    inc_rows = (arts.where(F.size("events") > 0).rdd
                .flatMap(_block_events).map(_sort_key)
                .repartitionAndSortWithinPartitions(n, partitionFunc=_block_partition)
                .mapPartitions(lambda it: link_sorted((k[0], ev) for k, ev in it)))
    spark.createDataFrame(inc_rows, spark_schema(INCIDENT)).write.mode("overwrite").parquet(f"{out}/incidents")
    incs = spark.read.parquet(f"{out}/incidents")
    member = incs.select(F.explode("event_ids").alias("event_id"), "incident_id")

    base = arts.select(F.col("id").alias("article_id"), "published", "lang", "events", "counts", "sources",
                       "quotes")
    events = (base.select("article_id", "published", "lang", F.posexplode("events").alias("event_index", "e"))
              .select("article_id", "event_index",
                      F.concat_ws("#", "article_id", F.col("event_index").cast("string")).alias("event_id"),
                      "published", "lang", "e.*")
              .join(member, "event_id", "left"))
    events.write.mode("overwrite").parquet(f"{out}/events")
    figures = (base.select("article_id", F.posexplode("counts").alias("figure_index", "c"))
               .select("article_id", "figure_index", "c.*")
               .withColumn("event_id", F.when(F.col("event_index").isNotNull(),
                                              F.concat_ws("#", "article_id", F.col("event_index").cast("string")))))
    figures.write.mode("overwrite").parquet(f"{out}/figures")
    for name, col, alias in (("sources", "sources", "source_index"), ("quotes", "quotes", "quote_index")):
        (base.select("article_id", F.posexplode(col).alias(alias, "x")).select("article_id", alias, "x.*")
         .write.mode("overwrite").parquet(f"{out}/{name}"))
    counts = {t: spark.read.parquet(f"{out}/{t}").count()
              for t in ("articles", "events", "incidents", "figures", "sources", "quotes")}
    errors = arts.where(F.col("error").isNotNull()).count()
    return {**counts, "errors": errors, "extract_cpu_s": round(cpu.value, 3)}


def _timed(rows: Iterator[Any], acc: Any) -> Iterator[Any]:
    import time

    t0 = time.process_time()
    yield from rows
    acc.add(time.process_time() - t0)


def _partitions(spark: Any, df: Any) -> int:
    """Enough tasks for every core, and no more than ~ROWS_PER_PARTITION articles per task."""
    cores = int(spark.sparkContext.defaultParallelism)
    # an input split is <= 128 MB (~50k news articles): cut it to a few thousand articles per task
    return max(cores * 2, int(df.rdd.getNumPartitions()) * max(1, 50_000 // ROWS_PER_PARTITION))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="kronika-spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="JSONL (.jsonl, .jsonl.gz, folder) or Parquet articles")
    p.add_argument("--output", required=True, help="folder for the Parquet tables (local, hdfs://, s3a://)")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--format", default="auto", choices=("auto", "json", "parquet", "text"), dest="fmt")
    p.add_argument("--partitions", type=int, default=None, help="tasks for extraction (default: automatic)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="tasks done on stderr (default: when stderr is a terminal)")
    a = p.parse_args(argv)
    try:
        input_kind(a.input, a.fmt)  # before starting Spark: a wrong kind of input fails at once
    except InputKindError as e:
        print(f"kronika spark: {e}", file=sys.stderr)
        return 2
    from ..progress import spark_stages, want_progress

    spark = session(a.master)
    try:
        with spark_stages(spark.sparkContext, want_progress(a.progress)):
            counts = run(spark, a.input, a.output, a.fmt, a.partitions)
    finally:
        spark.stop()
    print(json.dumps(counts))
    if counts["errors"]:
        # rows Spark read but no article came of (a .txt read as JSON gives only such rows)
        print(f"kronika spark: {counts['errors']} of {counts['articles']} input rows gave no article "
              "(see the `error` column of the articles table)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
