"""Memory and latency of the hostile-input defences (issue 16), for docs/robustness.md.

    python bench/robustness.py [--bomb-mib 1024] [--feed-mib 300] [--json /tmp/kronika-robustness.json]

Each measurement runs in a fresh Python process and reads its peak RSS (ru_maxrss), so one does
not inherit another's memory:
- gzip,gzip bomb: a feed served on loopback with `Content-Encoding: gzip, gzip` inflating to
  --bomb-mib MiB of zeros, fetched with kronika's fetcher (refused at its 10 MiB limit), and, for
  comparison, read through httpx's own decoders as the fetcher did before (at 1/4 of the size, to
  spare a shared machine: that path holds the whole inflated chunk);
- big local feed: a --feed-mib MiB RSS file given to `read_inputs` (refused at the feed limit);
- per-article ingest: `kronika ingest` of synthetic articles with one bad URL among them, and
  POST /api/ingest of 20 articles (20 outcomes, per-request latency);
- invisible characters: `normalise` on clean text (the fast path) and extraction time of the
  seed-like text with and without invisible characters;
- SIGTERM: time from `kill -TERM` of `extract --workers 2` to its exit, workers included.
Nothing here touches the network; all servers listen on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def child(code: str, timeout: float = 600) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON object; peak RSS (MiB) is added."""
    wrapped = textwrap.dedent(code) + textwrap.dedent("""
        import resource as _r, json as _j
        OUT["peak_rss_mib"] = round(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(_j.dumps(OUT))
    """)
    done = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, env=ENV, timeout=timeout)
    if done.returncode != 0:
        return {"error": done.stderr[-800:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


SERVER = """
import threading, zlib, gzip, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
def gz(chunks):
    c = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(c.compress(ch) for ch in chunks) + c.flush()
BODY = gzip.compress(gz(b"\\0" * 1048576 for _ in range(MIB)), 9)
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Encoding", "gzip, gzip")
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
threading.Thread(target=srv.serve_forever, daemon=True).start()
URL = f"http://127.0.0.1:{srv.server_address[1]}/feed"
"""


def bomb(mib: int) -> dict:
    after = child(f"MIB = {mib}\n" + SERVER + """
import resource
from kronika.ingest.feeds import fetch, FetchError
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
try:
    fetch(URL, allow_private=True)
    err = None
except FetchError as e:
    err = str(e)
OUT = {"wire_bytes": len(BODY), "inflates_to_mib": MIB, "seconds": round(time.perf_counter() - t0, 3),
       "error": err, "rss_before_fetch_mib": round(base, 1)}
""")
    before_mib = max(1, mib // 4)
    before = child(f"MIB = {before_mib}\n" + SERVER + """
import httpx, resource
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
size = 0
with httpx.Client() as c, c.stream("GET", URL) as r:
    for chunk in r.iter_bytes():  # the old fetcher: httpx decodes, the size is counted afterwards
        size += len(chunk)
        if size > 10 * 1048576:
            break
OUT = {"inflates_to_mib": MIB, "seconds": round(time.perf_counter() - t0, 3), "rss_before_fetch_mib": round(base, 1)}
""")
    return {"kronika_fetch": after, "httpx_decoders_before": before}


def big_feed(mib: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"  # a .txt that starts with <rss: the case that bypassed the limit
        with open(path, "wb") as f:
            f.write(b"<rss><channel>")
            item = b"<item><link>https://x.example/1</link><description>" + b"x" * 4000 + b"</description></item>"
            for _ in range(mib * 1024 * 1024 // len(item)):
                f.write(item)
            f.write(b"</channel></rss>")
        return child(f"""
import time
from kronika.ingest.readers import read_inputs
t0 = time.perf_counter()
got = list(read_inputs([{str(path)!r}]))
OUT = {{"file_mib": {mib}, "seconds": round(time.perf_counter() - t0, 3), "result": str(got[0])[-120:]}}
""")


def ingest_paths() -> dict:
    return child("""
import json, os, subprocess, sys, tempfile, time
from pathlib import Path
from fastapi.testclient import TestClient
from kronika.api import create_app
from kronika.store import open_store
CITIES = ["Києві", "Львові", "Харкові", "Одесі", "Дніпрі"]
def art(i):
    return {"id": f"b{i}", "lang": "uk", "published": "2022-02-10", "url": f"https://n.example/{i}",
            "text": f"У {CITIES[i % 5]} {i + 20} людей вийшли на мітинг біля ради, повідомила поліція. Затримано {i % 4 + 1} осіб."}
tmp = Path(tempfile.mkdtemp())
rows = [art(i) for i in range(100)]
rows[50]["url"] = "https://n.example:99999/bad"
src = tmp / "in.jsonl"
src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\\n" for r in rows), encoding="utf-8")
t0 = time.perf_counter()
done = subprocess.run([sys.executable, "-c", "from kronika.cli import main; main()", "ingest", str(src),
                       "--db", str(tmp / "k.db")], capture_output=True, text=True)
cli_s = time.perf_counter() - t0
db = tmp / "api.db"
with open_store(db):
    pass
token = "bench-token-" + "x" * 20
c = TestClient(create_app(db, token=token))
auth = {"Authorization": f"Bearer {token}"}
lat = []
for k in range(5):
    batch = [art(1000 + k * 20 + i) for i in range(20)]
    batch[3]["url"] = "https://n.example:70000/x"
    t = time.perf_counter()
    r = c.post("/api/ingest", json=batch, headers=auth)
    lat.append(time.perf_counter() - t)
    assert r.status_code == 207 and len(r.json()["ingested"]) == 20
OUT = {"cli_100_articles_s": round(cli_s, 2), "cli_summary": done.stderr.strip().splitlines()[-2:],
       "api_20_article_request_s": [round(x, 2) for x in lat]}
""")


def invisible() -> dict:
    return child("""
import random, time
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.invisible import normalise
clean = ("У Тернополі 7 березня понад 300 протестувальників зібралися біля облради, повідомила поліція. "
         "Учасники вимагали відставки голови. Поліція затримала 12 людей. ") * 40
t = time.perf_counter()
for _ in range(20):
    normalise(clean)
fast_ms_per_mb = (time.perf_counter() - t) / 20 / (len(clean.encode()) / 1e6) * 1000
rng = random.Random(0)
dirty = "".join(ch + (rng.choice(["\\u00ad", "\\u200b", "\\u0301"]) if ch.isalpha() and rng.random() < 0.15 else "")
                for ch in clean)
t = time.perf_counter()
for _ in range(5):
    normalise(dirty)
slow_ms_per_mb = (time.perf_counter() - t) / 5 / (len(dirty.encode()) / 1e6) * 1000
def timed(text):
    extract(Article(text=text, lang="uk", published="2024-03-07"))
    t = time.process_time()
    for _ in range(3):
        extract(Article(text=text, lang="uk", published="2024-03-07"))
    return (time.process_time() - t) / 3 * 1000
OUT = {"normalise_clean_ms_per_mb": round(fast_ms_per_mb, 1), "normalise_dirty_ms_per_mb": round(slow_ms_per_mb, 1),
       "extract_clean_ms": round(timed(clean), 1), "extract_with_invisibles_ms": round(timed(dirty), 1),
       "chars": len(clean)}
""")


def sigterm() -> dict:
    return child("""
import json, os, signal, subprocess, sys, tempfile, time
from pathlib import Path
tmp = Path(tempfile.mkdtemp())
src = tmp / "in.jsonl"
src.write_text("".join(json.dumps({"id": f"s{i}", "lang": "uk", "text": f"У Львові {i} людей вийшли на мітинг. " * 8},
                                  ensure_ascii=False) + "\\n" for i in range(400)), encoding="utf-8")
out = tmp / "out.jsonl"
p = subprocess.Popen([sys.executable, "-c", "from kronika.cli import main; main()", "extract", str(src), "-o", str(out),
                      "--workers", "2"], stderr=subprocess.DEVNULL)
while not out.exists() or out.stat().st_size == 0:
    time.sleep(0.1)
kids = [int(d) for d in os.listdir("/proc") if d.isdigit() and Path(f"/proc/{d}/stat").exists()
        and Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[1] == str(p.pid)]
t = time.perf_counter()
p.send_signal(signal.SIGTERM)
p.wait()
exit_s = time.perf_counter() - t
def alive(k):
    try:
        return Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except OSError:
        return False
while any(alive(k) for k in kids):
    time.sleep(0.05)
OUT = {"exit_status": p.returncode, "seconds_to_exit": round(exit_s, 2),
       "seconds_until_workers_gone": round(time.perf_counter() - t, 2), "workers": len(kids),
       "lines_kept": len(out.read_text().splitlines())}
""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bomb-mib", type=int, default=1024)
    ap.add_argument("--feed-mib", type=int, default=300)
    ap.add_argument("--json", default="/tmp/kronika-robustness.json")
    ap.add_argument("--skip", default="", help="comma-separated: bomb,feed,ingest,invisible,sigterm")
    a = ap.parse_args()
    skip = set(a.skip.split(","))
    print(f"load average {os.getloadavg()}", flush=True)
    res: dict = {}
    for name, fn in (("bomb", lambda: bomb(a.bomb_mib)), ("feed", lambda: big_feed(a.feed_mib)),
                     ("ingest", ingest_paths), ("invisible", invisible), ("sigterm", sigterm)):
        if name in skip:
            continue
        res[name] = fn()
        print(name, json.dumps(res[name], ensure_ascii=False), flush=True)
    Path(a.json).write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
