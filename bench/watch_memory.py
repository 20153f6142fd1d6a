"""Memory and time of `kronika watch` over many polls: `python bench/watch_memory.py [--polls N]`.

Serves 20 feeds on loopback; every poll each feed rotates in one new item (so each poll ingests 20
new articles, the rest answer from the store or 304) and the watcher's peak RSS is read after
each tenth poll. Memory should stay flat: what grows is the database, not the process.
Prints: the first full poll's time (20 feeds, 20 items each), a steady poll's time, RSS at poll
10 and at the last poll.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kronika.live.watch import Watcher  # noqa: E402
from kronika.store import open_store  # noqa: E402

TOWNS = ["Черкаси", "Вінниця", "Полтава", "Суми", "Житомир", "Рівне", "Луцьк", "Ужгород", "Чернігів", "Херсон"]
STATE = {"poll": 0}


def feed(k: int) -> bytes:
    start = STATE["poll"]
    items = []
    for i in range(start, start + 20):
        town = TOWNS[(i + k) % len(TOWNS)]
        items.append(f"<item><title>Пікет {k}-{i}</title><guid>f{k}-{i}</guid><link>https://example.org/{k}/{i}</link>"
                     f"<pubDate>Sun, 12 Mar 2023 10:00:00 +0000</pubDate><description>Місто {town}: {i % 90 + 10} "
                     f"людей пікетували міськраду {i}-го дня протесту, поліція затримала {i % 7 + 1} осіб."
                     f"</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F</title>'
            + "".join(items) + "</channel></rss>").encode()


class H(BaseHTTPRequestHandler):
    def log_message(self, *a: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        body = feed(int(self.path.strip("/") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polls", type=int, default=200)
    args = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{srv.server_address[1]}/{k}" for k in range(20)]
    with tempfile.TemporaryDirectory() as d, open_store(Path(d) / "w.db") as store:
        w = Watcher(store, urls, every=0.001, allow_private=True, err=StringIO())
        t0 = time.perf_counter()
        w.poll()
        first = time.perf_counter() - t0
        steady: list[float] = []
        rss10 = 0.0
        for n in range(2, args.polls + 1):
            STATE["poll"] += 1
            for s in w.sources:
                s.due = 0
            t = time.perf_counter()
            w.poll()
            steady.append(time.perf_counter() - t)
            if n == 10:
                rss10 = rss_mb()
        arts = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    srv.shutdown()
    steady.sort()
    print(f"first poll, 20 feeds x 20 new items: {first:.2f} s")
    print(f"steady poll, 20 feeds (one new item each, 20 in all): median {steady[len(steady) // 2]:.2f} s")
    print(f"peak RSS after poll 10: {rss10:.0f} MB; after poll {args.polls}: {rss_mb():.0f} MB; articles stored {arts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
