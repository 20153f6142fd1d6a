#!/usr/bin/env python3
"""Load test of `kronika serve` on loopback: latency, throughput and errors of GET /api/events.

Builds a store of N synthetic events (ArticleResults written through `Store.put`, so they are
linked into incidents as a real ingest would), starts `kronika serve --db … --host 127.0.0.1
--port <free port>` as a subprocess, and drives the events endpoint with a mix of filter variants
from C concurrent clients (httpx AsyncClient) until R requests or S seconds, whichever comes first.
With `--ingest K` a `kronika ingest` of K synthetic news articles (bench/synthetic.py) writes into
the same database while the load runs, to check that a reader and a writer at once give users no
"database is locked" failures. `--scenario heavy` has every client ask for
/api/incidents?limit=5000&members=true instead, and the server's resident memory (sampled, and its
high-water mark) is reported for either scenario. Only 127.0.0.1 is ever used.

    .venv/bin/python bench/load_api.py                      # 10,000 events, 50 clients, 5,000 requests / 60 s
    .venv/bin/python bench/load_api.py --ingest 300         # the same with a writer running
    .venv/bin/python bench/load_api.py --json /tmp/load.json
    .venv/bin/python bench/load_api.py --scenario heavy --requests 150 --seconds 300   # memory bound
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402

from kronika.model import SUB_TO_TYPE, Article, ArticleResult, Count, Event, Source, Span  # noqa: E402
from kronika.store import open_store  # noqa: E402

HOST = "127.0.0.1"  # loopback only, by design: this script never talks to another address
SUBS = ("Peaceful protest", "Protest with intervention", "Violent demonstration", "Arrests", "Armed clash",
        "Shelling/artillery/missile attack", "Air/drone strike", "Attack")
COUNTRIES = ("UA", "RU", "BY", "KZ", "GE")
WORDS = ("protest rally police detained shelling drone strike clash city council square crowd "
         "officials said ministry residents injured killed building district region").split()

# (name, query parameters): what the map and the list views ask for
VARIANTS: list[tuple[str, dict[str, Any]]] = [
    ("page", {}),
    ("country", {"country": "UA"}),
    ("dates", {"date_from": "2022-03-01", "date_to": "2022-05-31"}),
    ("type+country", {"event_type": "Protests", "country": "KZ", "limit": 50}),
    ("actor", {"actor": "protest"}),
    ("bbox", {"bbox": "30,45,40,52"}),
    ("fts", {"q": "shelling"}),
    ("deep page", {"offset": 5000, "limit": 100}),
    ("evidence", {"evidence": "true", "country": "BY"}),
    ("map 1000", {"limit": 1000}),
]


# the heavy scenario (docs/robustness.md, issue 16 item 8): whole incident pages with their members
HEAVY: list[tuple[str, dict[str, Any]]] = [("incidents 5000+members", {"limit": 5000, "members": "true"})]
SCENARIOS = {"events": ("/api/events", VARIANTS), "heavy": ("/api/incidents", HEAVY)}


# -- the store ------------------------------------------------------------------------------------
def synthetic(i: int, rnd: random.Random) -> tuple[Article, ArticleResult]:
    """One article with 1-3 events over 400 places x 2 years, a figure and a source."""
    text = f"Report {i}. " + " ".join(rnd.choice(WORDS) for _ in range(120)) + "."
    events = []
    for _ in range(rnd.randint(1, 3)):
        place = rnd.randrange(400)
        d = date(2022, 1, 1) + timedelta(days=rnd.randrange(730))
        sub = rnd.choice(SUBS)
        crowd = SUB_TO_TYPE[sub] in ("Protests", "Riots")
        s = rnd.randrange(len(text) - 40)
        events.append(Event(
            SUB_TO_TYPE[sub], sub, d.isoformat(), 1, COUNTRIES[place % len(COUNTRIES)], f"Region {place % 24}",
            f"Place {place}", 200000 + place, 44 + place % 20 * 0.5, 24 + place // 20 * 0.8, 1,
            "Protesters" if crowd else "State forces", None if crowd else "Civilians",
            fatalities=rnd.choice((0, 0, 0, 1, 3)), evidence=[Span.of(text, s, s + 40)]))
    counts = [Count("injured", rnd.randint(1, 50), "exact", None, None, "police", [Span.of(text, 0, 6)])]
    sources = [Source("police", "police", [Span.of(text, 0, 6)])]
    return (Article(text, id=f"load-{i}", lang="en", published=f"2024-01-{1 + i % 28:02d}"),
            ArticleResult(f"load-{i}", "en", True, events, counts, sources))


def build_store(path: Path, n_events: int, seed: int = 11) -> tuple[int, int, float]:
    """Articles until the store holds n_events events; returns (articles, events, seconds)."""
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    n_articles = total = 0
    with open_store(path) as store:
        while total < n_events:
            art, res = synthetic(n_articles, rnd)
            del res.events[n_events - total:]  # land on n_events exactly
            store.put(art, res)
            total += len(res.events)
            n_articles += 1
    return n_articles, total, time.perf_counter() - t0


# -- the server -----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def kronika_exe() -> list[str]:
    exe = Path(sys.executable).with_name("kronika")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kronika.cli"]


def start_server(db: Path, port: int, log: Path, extra: list[str]) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        proc = subprocess.Popen([*kronika_exe(), "serve", "--db", str(db), "--host", HOST, "--port", str(port),
                                 *extra], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"kronika serve exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/events?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(proc)
    raise SystemExit("kronika serve did not answer within 30 s")


def _family(pid: int) -> list[tuple[str, dict[str, str]]] | None:
    """(/proc/<pid>/stat fields after the name, /proc/<pid>/status fields) of a process and its
    live children (uvicorn workers), from /proc (Linux); None where /proc cannot be read."""
    try:
        procs = [d for d in os.listdir("/proc") if d.isdigit()]
    except OSError:
        return None
    out = []
    for d in procs:
        try:
            stat = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1]
            status = Path(f"/proc/{d}/status").read_text()
        except OSError:
            continue
        if int(d) == pid or int(stat.split()[1]) == pid:  # the second field is the parent's pid
            out.append((stat, dict(line.split(":", 1) for line in status.splitlines() if ":" in line)))
    return out


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU of a process and its live children (uvicorn workers)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    fam = _family(pid)
    if not fam:
        return None
    return sum((int(f[11]) + int(f[12])) / tick for f in (stat.split() for stat, _ in fam))


def server_memory(pid: int) -> dict[str, int] | None:
    """Resident memory of a process and its children (uvicorn workers) in MiB: `rss` now and
    `peak` (VmHWM, the high-water mark of each process, summed)."""
    fam = _family(pid)
    if not fam:
        return None
    rss = sum(int(st.get("VmRSS", "0 kB").split()[0]) for _, st in fam)
    peak = sum(int(st.get("VmHWM", "0 kB").split()[0]) for _, st in fam)
    return {"rss": rss // 1024, "peak": peak // 1024}


class MemorySampler(threading.Thread):
    """Samples the server's resident memory every 50 ms while the load runs; keeps the maximum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.max_rss, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            m = server_memory(self.pid)
            if m:
                self.max_rss = max(self.max_rss, m["rss"])


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- the load -------------------------------------------------------------------------------------
@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # variant -> seconds of the 2xx answers
    statuses: Counter[str] = field(default_factory=Counter)  # "200", "503", "ConnectError", …
    errors: list[str] = field(default_factory=list)  # first few error bodies, for the report
    wall: float = 0.0

    @property
    def all_latencies(self) -> list[float]:
        return sorted(x for v in self.latencies.values() for x in v)

    @property
    def n(self) -> int:
        return sum(self.statuses.values())

    @property
    def n_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if not s.startswith("2"))


async def drive(base: str, clients: int, max_requests: int, max_seconds: float, seed: int = 3,
                path: str = "/api/events", variants: list[tuple[str, dict[str, Any]]] | None = None) -> Results:
    variants = variants or VARIANTS
    res = Results()
    issued = 0
    t0 = time.perf_counter()
    deadline = t0 + max_seconds

    async def client(k: int, http: httpx.AsyncClient) -> None:
        nonlocal issued
        rnd = random.Random(seed * 1000 + k)
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1  # one event loop: no lock needed
            name, params = variants[rnd.randrange(len(variants))]
            t = time.perf_counter()
            try:
                r = await http.get(path, params=params)
                body = r.content
                status = str(r.status_code)
            except httpx.HTTPError as e:
                status, body = type(e).__name__, str(e).encode()
            dt = time.perf_counter() - t
            res.statuses[status] += 1
            if status.startswith("2"):
                res.latencies.setdefault(name, []).append(dt)
            elif len(res.errors) < 10:
                res.errors.append(f"{name}: {status} {body[:200]!r}")

    # keep idle connections below uvicorn's 5 s keep-alive, so a request never races the server's close
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=3)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    res.wall = time.perf_counter() - t0
    return res


def pct(xs: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted xs, in milliseconds."""
    if not xs:
        return float("nan")
    return 1000 * xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs) + 0.5) - 1))]


def report(res: Results, variants: list[tuple[str, dict[str, Any]]] | None = None) -> dict[str, Any]:
    lat = res.all_latencies
    out: dict[str, Any] = {
        "requests": res.n, "ok": len(lat), "errors": res.n_errors, "statuses": dict(res.statuses),
        "wall_s": round(res.wall, 2), "throughput_rps": round(res.n / res.wall, 1) if res.wall else 0.0,
        "p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1), "p99_ms": round(pct(lat, 99), 1),
        "max_ms": round(1000 * lat[-1], 1) if lat else None, "variants": {},
    }
    for name, _ in variants or VARIANTS:
        xs = sorted(res.latencies.get(name, []))
        out["variants"][name] = {"n": len(xs), "p50_ms": round(pct(xs, 50), 1), "p95_ms": round(pct(xs, 95), 1)}
    return out


def print_report(out: dict[str, Any]) -> None:
    print(f"{out['requests']} requests in {out['wall_s']} s: {out['throughput_rps']} requests/s, "
          f"{out['errors']} errors {out['statuses']}")
    print(f"latency of the answered: p50 {out['p50_ms']} ms, p95 {out['p95_ms']} ms, p99 {out['p99_ms']} ms, "
          f"max {out['max_ms']} ms")
    print(f"CPU per request: server {out['server_cpu_ms_per_request']} ms, this client "
          f"{out['client_cpu_ms_per_request']} ms; load average at the end {out['load_average']}")
    if out.get("server_memory_mib"):
        print(f"server memory: peak resident {out['server_memory_mib']['peak']} MiB (VmHWM), largest sample "
              f"{out['server_memory_mib']['sampled_max']} MiB, at the end {out['server_memory_mib']['rss']} MiB")
    print(f"{'variant':<24}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}  query")
    for name, v in out["variants"].items():
        print(f"{name:<24}{v['n']:>6}{v['p50_ms']:>9}{v['p95_ms']:>9}  {v.get('params') or '(defaults: limit 100)'}")
    if "ingest" in out:
        print(f"ingest during the load: {out['ingest']}")
    print(f"'locked' in the server log: {out['server_log_locked']}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=10_000, help="events in the synthetic store")
    p.add_argument("--clients", type=int, default=50, help="concurrent clients")
    p.add_argument("--requests", type=int, default=5_000, help="stop after this many requests")
    p.add_argument("--seconds", type=float, default=60.0, help="or after this many seconds")
    p.add_argument("--scenario", choices=sorted(SCENARIOS), default="events",
                   help="events: the map's and lists' /api/events queries; heavy: /api/incidents?limit=5000"
                        "&members=true from every client (memory bound)")
    p.add_argument("--ingest", type=int, default=0, metavar="K",
                   help="run `kronika ingest` of K synthetic articles into the store during the load")
    p.add_argument("--serve-arg", action="append", default=[], help="extra argument for `kronika serve`")
    p.add_argument("--json", type=Path, help="write the numbers here too")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (store, logs)")
    a = p.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kronika-load-"))
    db = tmp / "load.db"
    server = writer = None
    try:
        n_art, n_ev, secs = build_store(db, a.events)
        print(f"store: {n_art} articles, {n_ev} events in {secs:.1f} s ({db})", flush=True)
        ingest_log = tmp / "ingest.log"
        if a.ingest:
            import synthetic as corpus

            corpus.write_jsonl(tmp / "ingest.jsonl", a.ingest, seed=5)
        port = free_port()
        server = start_server(db, port, tmp / "serve.log", a.serve_arg)
        print(f"server: http://{HOST}:{port}/ (pid {server.pid}); {a.clients} clients, "
              f"up to {a.requests} requests or {a.seconds:.0f} s", flush=True)
        if a.ingest:
            with open(ingest_log, "wb") as out:
                writer = subprocess.Popen([*kronika_exe(), "ingest", str(tmp / "ingest.jsonl"), "--db", str(db)],
                                          stdout=out, stderr=subprocess.STDOUT)
        t_ing = time.perf_counter()
        ended: list[float] = []
        if writer is not None:  # when the writer finishes, measured while the load runs
            w = writer
            threading.Thread(target=lambda: (w.wait(), ended.append(time.perf_counter())), daemon=True).start()
        path, variants = SCENARIOS[a.scenario]
        sampler = MemorySampler(server.pid)
        sampler.start()
        cpu0, own0 = cpu_seconds(server.pid), time.process_time()
        res = asyncio.run(drive(f"http://{HOST}:{port}", a.clients, a.requests, a.seconds, path=path,
                                variants=variants))
        cpu1, own1 = cpu_seconds(server.pid), time.process_time()
        sampler.done.set()
        sampler.join()
        out = report(res, variants)
        out["scenario"], out["clients"] = a.scenario, a.clients
        for name, params in variants:
            out["variants"][name]["params"] = params
        mem = server_memory(server.pid)
        if mem:
            out["server_memory_mib"] = {**mem, "sampled_max": sampler.max_rss}
        # CPU per request holds on a shared machine, where wall-clock latency does not
        out["server_cpu_ms_per_request"] = (round(1000 * (cpu1 - cpu0) / res.n, 2)
                                            if cpu0 is not None and cpu1 is not None and res.n else None)
        out["client_cpu_ms_per_request"] = round(1000 * (own1 - own0) / res.n, 2) if res.n else None
        out["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        if writer is not None:
            during = writer.poll() is None
            rc = writer.wait()
            log = ingest_log.read_text(errors="replace")
            time.sleep(0.1)
            took = (ended[0] if ended else time.perf_counter()) - t_ing
            out["ingest"] = {"articles": a.ingest, "exit": rc, "seconds": round(took, 1),
                             "finished_during_load": not during, "locked": "locked" in log.lower(),
                             "summary": log.strip().splitlines()[-1] if log.strip() else ""}
            # the server reads what the writer committed
            out["ingest"]["events_served_after"] = httpx.get(f"http://{HOST}:{port}/api/events?limit=1",
                                                             timeout=30).json()["total"]
        slog = (tmp / "serve.log").read_text(errors="replace")
        out["server_log_locked"] = "locked" in slog.lower()
        print_report(out)
        for e in res.errors:
            print("error:", e)
        if a.json:
            a.json.write_text(json.dumps(out, indent=2, ensure_ascii=False))
        return 1 if out["errors"] or out.get("ingest", {}).get("exit") or out["server_log_locked"] else 0
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
            writer.wait()
        if server is not None:
            stop(server)
        if a.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
