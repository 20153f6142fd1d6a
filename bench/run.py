"""kronika benchmark: `make bench` (or `.venv/bin/python bench/run.py [options]`).

Measures, on this machine, and prints one table:
- whole `extract` per core (articles/s, characters/s) on the dev set and on a synthetic corpus;
- per stage: language, segmentation, morphology, then every stage of pipeline.STAGES;
- the CLI on the dev set from process start (wall time, peak RSS), cold start (3 articles, uk+ru+en);
- linear scaling: the CLI path at 1k, 10k (and 100k with --sizes) synthetic articles;
- the process pool: --workers 2 against --workers 1; the Spark job in local[2] on the same corpus;
- incident linking at growing sizes: the local store linker and the Spark job's per-block linker;
- natasha's Russian NER (the peer) on the Russian dev articles, and the kronika/natasha ratio;
- a cProfile of the whole extract: the top functions by own time (hot spots).
The dev set is ../shared/data/dev/articles.jsonl (skipped with a message where absent); the synthetic
corpus is made by bench/synthetic.py from the repo's samples/ and templates.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

from kronika import pipeline  # noqa: E402
from kronika.ingest.readers import InputError, read_inputs  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.output import to_json_line  # noqa: E402
from kronika.scale.pool import extract_many, warm_up  # noqa: E402
from kronika.text.langid import detect_language  # noqa: E402
from kronika.text.segment import sentences, tokens  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev" / "articles.jsonl"
PY = sys.executable
ROWS: list[tuple[str, str, str]] = []   # (section, metric, value)
RESULTS: dict[str, Any] = {}


def row(section: str, metric: str, value: str, key: str | None = None, raw: Any = None) -> None:
    ROWS.append((section, metric, value))
    print(f"  {section:<12} {metric:<52} {value}", flush=True)
    if key:
        RESULTS[key] = raw


def load(path: Path) -> list[Article]:
    return [it for it in read_inputs([str(path)]) if isinstance(it, Article)]


def rate(n: int, secs: float) -> str:
    return f"{n / secs:,.1f} articles/s" if secs > 0 else "-"


# ------------------------------------------------------------------ in-process throughput and stages
def time_extract(arts: list[Article]) -> float:
    """CPU seconds of this process: per-core numbers that hold on a busy machine too."""
    t0 = time.process_time()
    for a in arts:
        pipeline.extract(a)
    return time.process_time() - t0


def throughput(label: str, arts: list[Article], key: str) -> float:
    time_extract(arts[:50])  # caches warm (morphology, gazetteer) as in a long run
    secs = time_extract(arts)
    chars = sum(len(a.text) for a in arts)
    row(label, f"whole extract, {len(arts)} articles, 1 core", f"{rate(len(arts), secs)}  "
        f"{chars / secs / 1e3:,.0f} k chars/s  ({1e3 * secs / len(arts):.2f} ms/article)", key,
        {"articles": len(arts), "seconds": secs, "chars": chars})
    return secs


def stage_times(label: str, arts: list[Article]) -> None:
    """Per stage, steady state (after a full pass has filled the caches)."""
    time_extract(arts)
    acc: dict[str, float] = {"language": 0.0, "segmentation": 0.0, "morphology": 0.0}
    acc.update({name: 0.0 for name, _ in pipeline.STAGES})
    pc = time.process_time
    for a in arts:
        t0 = pc()
        lang = a.lang or detect_language((a.title or "") + "\n" + a.text)
        t1 = pc()
        for s in sentences(a.text):
            tokens(a.text, s.start, s.end)
        t2 = pc()
        ctx = pipeline.build_context(Article(text=a.text, id=a.id, lang=lang, published=a.published,
                                             title=a.title, url=a.url))
        t3 = pc()
        acc["language"] += t1 - t0
        acc["segmentation"] += t2 - t1
        acc["morphology"] += max(0.0, (t3 - t2) - (t2 - t1))  # analyse() = segmentation + morphology
        for name, stage in pipeline.STAGES:
            s0 = pc()
            stage(ctx)
            acc[name] += pc() - s0
    total = sum(acc.values())
    for name, secs in acc.items():
        row(label, f"stage {name}", f"{1e3 * secs / len(arts):7.3f} ms/article  {100 * secs / total:5.1f} %")
    RESULTS[f"{label}.stages_ms"] = {k: 1e3 * v / len(arts) for k, v in acc.items()}


def hot_spots(arts: list[Article], top: int = 12) -> None:
    time_extract(arts)
    prof = cProfile.Profile()
    prof.enable()
    time_extract(arts)
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    total = sum(v[2] for v in st.stats.values())  # type: ignore[attr-defined]
    items = sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    spots = []
    for (file, line, fn), (_cc, nc, tt, ct, _callers) in items:
        where = f"{_short(file)}:{line} {fn}"
        spots.append({"where": where, "own_s": tt, "cum_s": ct, "calls": nc})
        row("profile", where[:52], f"own {100 * tt / total:5.1f} %  cum {100 * ct / total:5.1f} %  "
                                   f"{nc:,} calls")
    RESULTS["profile"] = spots
    if importlib.util.find_spec("pyinstrument"):
        from pyinstrument import Profiler

        p = Profiler(interval=0.0005)
        p.start()
        time_extract(arts)
        p.stop()
        out = Path(tempfile.gettempdir()) / "kronika-bench-profile.txt"
        out.write_text(p.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
        row("profile", "pyinstrument call tree", str(out))


def _short(file: str) -> str:
    for marker in ("/src/kronika/", "/site-packages/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file.rsplit("/", 1)[-1]


# ------------------------------------------------------------------ processes: CLI, cold start, RSS
def kronika_cli(*args: str) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (kB) and CPU seconds of one `kronika` process, started fresh."""
    probe = ("import resource, subprocess, sys, time; t=time.perf_counter(); "
             "r=subprocess.run(sys.argv[1:]); u=resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(time.perf_counter()-t, u.ru_maxrss, r.returncode, u.ru_utime+u.ru_stime)")
    out = subprocess.run([PY, "-c", probe, PY, "-m", "kronika.cli", *args], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    if out[2] not in ("0", "1"):
        raise RuntimeError(f"kronika {' '.join(args)} failed ({out[2]})")
    return float(out[0]), int(out[1]), float(out[3])


def cold_start(tmp: Path) -> None:
    f = tmp / "three.jsonl"
    f.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in (
        {"id": "u", "lang": "uk", "published": "2024-03-12", "text": "У Львові 12 березня протестували 300 людей."},
        {"id": "r", "lang": "ru", "published": "2023-10-06", "text": "В Бишкеке 5 октября задержаны 30 человек."},
        {"id": "e", "lang": "en", "published": "2023-03-07", "text": "Police detained 40 protesters in Tbilisi."},
    )), encoding="utf-8")
    kronika_cli("extract", str(f), "-o", os.devnull)  # the first run builds any on-disk caches
    secs, rss, cpu = kronika_cli("extract", str(f), "-o", os.devnull)
    row("process", "cold start: start to records (uk+ru+en loaded)", f"{secs:.2f} s wall, {cpu:.2f} s CPU  "
        "(target <= 2 s)", "cold_start", {"wall_s": secs, "cpu_s": cpu})
    row("process", "peak RSS of that process", f"{rss / 1024:.0f} MB", "cold_rss_mb", rss / 1024)


def cli_dev() -> None:
    secs, rss, cpu = kronika_cli("extract", str(DEV), "-o", os.devnull)
    row("dev", "CLI on the dev set incl. start-up", f"{secs:.2f} s wall, {cpu:.2f} s CPU  "
        "(target well under 20 s)", "dev_cli", {"wall_s": secs, "cpu_s": cpu})
    row("dev", "peak RSS (uk, ru, en loaded)", f"{rss / 1024:.0f} MB  (target <= 600 MB)", "dev_rss_mb", rss / 1024)


# ------------------------------------------------------------------ scaling, pool, Spark
def cli_path(path: Path, workers: int) -> tuple[float, int, float]:
    """The CLI's own loop in this process: read JSONL, extract (pool), serialise.

    Returns wall seconds, articles, and CPU seconds of this process and its (joined) workers."""
    n = 0
    errors: list[InputError] = []
    c0, t0 = _cpu(), time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as out:
        for r in extract_many(read_inputs([str(path)]), workers=workers):
            if isinstance(r, InputError):
                errors.append(r)
            else:
                out.write(to_json_line(r) + "\n")
                n += 1
    secs, cpu = time.perf_counter() - t0, _cpu() - c0
    if errors:  # an article the pipeline fails on is a bug to report, not a number to hide
        print(f"  !! {len(errors)} article(s) failed, e.g. {errors[0]}", flush=True)
        RESULTS.setdefault("failures", []).extend(str(e) for e in errors[:5])
    return secs, n, cpu


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def scaling(tmp: Path, sizes: list[int]) -> dict[int, Path]:
    files: dict[int, Path] = {}
    per: list[float] = []
    for n in sizes:
        files[n] = synthetic.write_jsonl(tmp / f"synthetic-{n}.jsonl", n)
        secs, got, cpu = cli_path(files[n], workers=1)
        per.append(cpu / got)
        row("synthetic", f"{got:,} articles, CLI path, 1 worker", f"{secs:7.1f} s wall {cpu:7.1f} s CPU  "
            f"{rate(got, cpu)} per core  {1e3 * cpu / got:.2f} ms/article", f"synthetic.{n}",
            {"wall_s": secs, "cpu_s": cpu, "articles": got})
    if len(per) > 1:
        row("synthetic", "CPU per article, largest / smallest size", f"{per[-1] / per[0]:.2f}  (linear = 1.00)",
            "synthetic.linearity", per[-1] / per[0])
    return files


def pool(path: Path, n: int, base: tuple[float, float] | None) -> None:
    w1, c1 = base if base is not None else (lambda r: (r[0], r[2]))(cli_path(path, workers=1))
    w2, _, c2 = cli_path(path, workers=2)
    row("pool", f"{n:,} articles, --workers 1", f"{w1:7.1f} s wall {c1:7.1f} s CPU  {rate(n, w1)}")
    row("pool", f"{n:,} articles, --workers 2", f"{w2:7.1f} s wall {c2:7.1f} s CPU  {rate(n, w2)}")
    row("pool", "speed-up of --workers 2 (wall)", f"{w1 / w2:.2f}x  (target >= 1.8x on 2 idle cores)", "pool",
        {"w1_wall_s": w1, "w2_wall_s": w2, "w1_cpu_s": c1, "w2_cpu_s": c2, "articles": n, "speedup": w1 / w2})
    # what 2 idle cores give at most with this CPU overhead (the wall number needs an idle machine)
    row("pool", "CPU cost of the pool; speed-up bound 2*CPU1/CPU2", f"{100 * (c2 / c1 - 1):+.1f} %; "
        f"{2 * c1 / c2:.2f}x", "pool_bound", 2 * c1 / c2)


def spark_job(path: Path, n: int, tmp: Path) -> None:
    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        row("spark", "Spark job", "skipped: pyspark or java missing (make install)")
        return
    t0 = time.perf_counter()
    r = subprocess.run([PY, "-m", "kronika.scale.spark", "--input", str(path), "--output", str(tmp / "spark"),
                        "--master", "local[2]"], capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t0
    if r.returncode != 0:
        row("spark", "Spark job", f"failed: {r.stderr.strip().splitlines()[-1:]}")
        return
    counts = json.loads(r.stdout.strip().splitlines()[-1])
    cpu = counts.get("extract_cpu_s") or 0.0
    row("spark", f"{n:,} articles, local[2], extract+link+6 tables", f"{secs:7.1f} s wall  {rate(n, secs)}  "
        f"(incl. JVM start-up)", "spark", {"wall_s": secs, "articles": n, "tables": counts})
    if cpu:
        row("spark", "extraction CPU in the Python workers", f"{cpu:7.1f} s CPU  {rate(n, cpu)} per core")


# ------------------------------------------------------------------ linking
def synthetic_results(n: int, seed: int = 3) -> Iterable[tuple[Article, Any]]:
    """n one-event articles: ~60 places x ~2 years x 4 sub-events, so that some link and most don't."""
    from kronika.model import ArticleResult, Event, Span

    rng = random.Random(seed)
    places = [(700000 + i, 44.0 + i * 0.37, 24.0 + (i * 7 % 23), "UA" if i % 3 else "RU") for i in range(60)]
    subs = [("Protests", "Peaceful protest", "Protesters"), ("Riots", "Violent demonstration", "Rioters"),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack", "State forces"),
            ("Strategic developments", "Arrests", "State forces")]
    for i in range(n):
        gid, lat, lon, cc = rng.choice(places)
        et, sub, actor = rng.choice(subs)
        day = f"{rng.randint(2022, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Synthetic report {i} of an event on {day} at place {gid}."
        ev = Event(et, sub, day, 1, cc, None, f"Place {gid}", gid, lat, lon, 1, actor,
                   evidence=[Span.of(text, 0, len(text))], fatalities=rng.choice((None, 0, 1, 3)))
        art = Article(text=text, id=f"link-{i}", published=day)
        yield art, ArticleResult(id=art.id, lang="en", relevant=True, events=[ev], published=day)


def linking(tmp: Path, sizes: list[int]) -> None:
    from kronika.link.rules import EventKey, cell, family
    from kronika.scale.spark import link_block

    try:
        from kronika.store.db import open_store
    except ImportError:
        open_store = None  # type: ignore[assignment]
    store_per: list[float] = []
    for n in sizes:
        if open_store is None or n > 20_000:
            continue
        db = tmp / f"link-{n}.db"
        with open_store(db) as st:
            t0 = time.process_time()
            for art, res in synthetic_results(n):
                st.put(art, res)
            secs = time.process_time() - t0
            incs = st.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        store_per.append(secs / n)
        row("linking", f"local store put+link, {n:,} events", f"{secs:8.2f} s  {1e3 * secs / n:.3f} ms/event  "
            f"{incs:,} incidents", f"link.store.{n}", {"seconds": secs, "incidents": incs})
    spark_per: list[float] = []
    for n in sizes:
        blocks: dict[tuple[str, str], list[dict[str, Any]]] = {}
        t0 = time.process_time()
        for art, res in synthetic_results(n):
            e = res.events[0]
            key = EventKey(art.id, e.sub_event_type, e.date, e.time_precision, e.country, e.admin1, e.location,
                           e.geonameid, e.latitude, e.longitude, e.geo_precision, e.actor1, e.actor2)
            b = (family(e.sub_event_type), e.country or cell(e.latitude, e.longitude) or "")
            blocks.setdefault(b, []).append({"event_id": f"{art.id}#0", "idx": 0, "key": key,
                                             "event": e.to_dict(), "reports": []})
        incs = sum(len(link_block(evs)) for evs in blocks.values())
        secs = time.process_time() - t0
        spark_per.append(secs / n)
        row("linking", f"Spark per-block linker (no JVM), {n:,} events", f"{secs:8.2f} s  "
            f"{1e3 * secs / n:.3f} ms/event  {incs:,} incidents", f"link.block.{n}", {"seconds": secs})
    for name, per in (("local store", store_per), ("per-block", spark_per)):
        if len(per) > 1:
            row("linking", f"{name}: CPU per event, largest / smallest", f"{per[-1] / per[0]:.2f}  (linear = 1.00)")


# ------------------------------------------------------------------ the peer
def natasha(dev: list[Article]) -> None:
    """natasha and kronika on the same Russian dev articles, each read for the first time: kronika in a
    process of its own, warm from other Russian texts (bench/first_read.py), as in a long run."""
    ru = [a for a in dev if a.lang == "ru"]
    if importlib.util.find_spec("natasha") is None:
        row("peer", "natasha", "skipped: not installed (pip install 'kronika[bench]')")
        return
    # the peer at its best per core: one BLAS thread, the CPU's own kernel (see bench/README.md)
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = "1"
    r = subprocess.run([PY, str(HERE / "natasha_peer.py"), str(DEV), "--json"], capture_output=True, text=True,
                       env=env, cwd=ROOT)
    if r.returncode != 0:
        row("peer", "natasha", f"failed: {r.stderr.strip().splitlines()[-1:]}")
        return
    nat = json.loads(r.stdout.strip().splitlines()[-1])
    k = subprocess.run([PY, str(HERE / "first_read.py"), str(DEV)], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT / "src")), cwd=ROOT)
    if k.returncode != 0:
        row("peer", "kronika first read", f"failed: {k.stderr.strip().splitlines()[-1:]}")
        return
    kro = json.loads(k.stdout.strip().splitlines()[-1])
    k_rate, n_rate = kro["articles"] / kro["seconds"], nat["articles"] / nat["seconds"]
    row("peer", f"natasha NER+normalise, {nat['articles']} ru dev articles", f"{n_rate:,.1f} articles/s  "
        f"(models load {nat['load_seconds']:.1f} s)")
    row("peer", f"kronika whole extract, same {len(ru)} articles, first read", f"{k_rate:,.1f} articles/s")
    row("peer", "ratio kronika / natasha", f"{k_rate / n_rate:.2f}  (target >= 1.5)", "natasha",
        {"natasha_aps": n_rate, "kronika_aps": k_rate, "ratio": k_rate / n_rate})


# ------------------------------------------------------------------ main
def main() -> int:
    p = argparse.ArgumentParser(description="kronika benchmark (prints a table)")
    p.add_argument("--sizes", default="1000,10000", help="synthetic corpus sizes (e.g. 1000,10000,100000)")
    p.add_argument("--pool-size", type=int, default=10_000, help="synthetic articles for pool and Spark")
    p.add_argument("--link-sizes", default="1000,10000,100000", help="events for the linking scaling")
    p.add_argument("--skip", default="", help="comma list of: dev,stages,profile,process,synthetic,pool,"
                                              "spark,linking,peer")
    p.add_argument("--json", type=Path, default=Path(tempfile.gettempdir()) / "kronika-bench.json")
    a = p.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    sizes = sorted({int(x) for x in a.sizes.split(",") if x} | {a.pool_size})
    load1 = os.getloadavg()[0]
    print(f"kronika bench on {os.cpu_count()} cores, Python {sys.version.split()[0]}, load {load1:.1f}", flush=True)
    if load1 > (os.cpu_count() or 1) * 0.5:
        print("  note: the machine is busy; per-core numbers use CPU time, wall-time ones (pool speed-up, "
              "Spark, cold start) need an idle machine", flush=True)
    RESULTS["load_at_start"] = load1
    t_warm = time.perf_counter()
    warm_up()
    row("setup", "resources loaded in this process (uk, ru, en)", f"{time.perf_counter() - t_warm:.2f} s")
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as d:
        tmp = Path(d)
        dev = load(DEV) if DEV.exists() else []
        if not dev:
            row("dev", "dev set", f"skipped: {DEV} is absent")
        if dev and "dev" not in skip:
            throughput("dev", dev, "dev.extract")
        if dev and "stages" not in skip:
            stage_times("dev", dev)
        if dev and "process" not in skip:
            cli_dev()
        if "process" not in skip:
            cold_start(tmp)
        if "profile" not in skip:
            hot_spots(dev or load(synthetic.write_jsonl(tmp / "profile.jsonl", 300)))
        files: dict[int, Path] = {}
        if "synthetic" not in skip:
            files = scaling(tmp, sizes)
            syn = load(files[min(files)])
            stage_times("synthetic", syn[:1000])
        pool_file = files.get(a.pool_size) or synthetic.write_jsonl(tmp / "pool.jsonl", a.pool_size)
        syn = RESULTS.get(f"synthetic.{a.pool_size}")
        base = (syn["wall_s"], syn["cpu_s"]) if syn else None
        if "pool" not in skip:
            pool(pool_file, a.pool_size, base)
        if "spark" not in skip:
            spark_job(pool_file, a.pool_size, tmp)
        if "linking" not in skip:
            linking(tmp, [int(x) for x in a.link_sizes.split(",") if x])
        if dev and "peer" not in skip:
            natasha(dev)
    print("\n" + _table())
    a.json.write_text(json.dumps(RESULTS, indent=1, default=str), encoding="utf-8")
    print(f"\nraw numbers: {a.json}")
    return 0


def _table() -> str:
    w = max(len(m) for _, m, _ in ROWS)
    lines = [f"{'section':<10} {'metric':<{w}}  value", "-" * (w + 60)]
    lines += [f"{s:<10} {m:<{w}}  {v}" for s, m, v in ROWS]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())


