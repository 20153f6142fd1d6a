"""Ordered, bounded-memory extraction over an iterator of inputs, in-process or in a pool.

Workers load resources once (fork after the parent warmed them where the platform forks) and
call the same `pipeline.extract` as everything else. Articles travel in chunks (one task, one
pickle round trip per chunk, not per article) and at most `window` articles are in flight, so a
JSONL file of any size streams through in constant memory.

Workers end with their parent: each asks the kernel for SIGKILL when its parent dies (Linux
prctl PR_SET_PDEATHSIG), so `kill -KILL` of the command leaves no orphan extracting on; under
`stop_on_sigterm` a SIGTERM unwinds the parent like an exception (finished output is flushed, the
article being stored is rolled back) and the workers are stopped on the way out.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..ingest.readers import InputError, Item
from ..model import Article, ArticleResult
from ..pipeline import extract

Result = ArticleResult | InputError

DEFAULT_CHUNK = 16        # ~0.1 s of work per task: IPC cost vanishes, ordering stays smooth
CHUNKS_PER_WORKER = 4     # chunks in flight per worker: enough to keep every worker busy


def safe_extract(article: Article) -> Result:
    """extract() that turns an unexpected failure into an InputError naming the article."""
    try:
        return extract(article)
    except Exception as e:  # noqa: BLE001 - one bad article must not stop a batch
        return InputError(article.origin or article.id, f"extraction failed: {type(e).__name__}: {e}")


def extract_chunk(chunk: list[Item]) -> list[Result]:
    """One pool task: read errors pass through, articles are extracted, order kept."""
    return [it if isinstance(it, InputError) else safe_extract(it) for it in chunk]


def warm_up() -> None:
    """Load every resource by running the pipeline on a tiny text in each language."""
    for lang, text in (("uk", "У Києві протестували 5 січня."), ("ru", "В Москве протестовали."),
                       ("en", "Protesters rallied in London.")):
        extract(Article(text=text, lang=lang, published="2022-01-05"))


def default_workers() -> int:
    """Cores this process may use (the affinity mask, not the machine's count, where known)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_many(items: Iterable[Item], workers: int = 1, window: int | None = None,
                 chunksize: int = DEFAULT_CHUNK) -> Iterator[Result]:
    """Results in input order. With workers > 1 at most `window` articles are in flight.

    workers <= 0 means one per available core."""
    if workers <= 0:
        workers = default_workers()
    if workers == 1:
        for it in items:
            yield it if isinstance(it, InputError) else safe_extract(it)
        return
    chunksize = max(1, chunksize)
    window = max(window or workers * chunksize * CHUNKS_PER_WORKER, chunksize)
    max_chunks = max(1, window // chunksize)
    yield from _pooled(iter(items), workers, chunksize, max_chunks)


class Terminated(SystemExit):
    """SIGTERM arrived under `stop_on_sigterm`: unwinds like an exception (finally blocks run)."""


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into Terminated in the main thread for the duration (a command's run), so
    output written so far is flushed and closed and a store transaction in flight is rolled back."""
    def handler(signum: int, _frame: object) -> None:
        raise Terminated(128 + signum)

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding server): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _die_with_parent(parent: int) -> None:
    """Worker initializer: SIGKILL this process when its parent dies (Linux), and leave SIGINT
    and SIGTERM to the parent, which stops the pool itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler inherited by fork
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):  # no prctl in this libc: the parent's shutdown still stops us
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _init_worker(parent: int, warm: bool) -> None:
    _die_with_parent(parent)
    if warm:
        warm_up()


def _pool(workers: int) -> ProcessPoolExecutor:
    if "fork" in mp.get_all_start_methods():
        warm_up()      # before forking, so children share the loaded dictionaries and gazetteer
        gc.collect()
        gc.freeze()    # keep the collector from touching (and so copying) the inherited pages
        return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"),
                                   initializer=_init_worker, initargs=(os.getpid(), False))
    # spawn: each worker loads the resources itself
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(), True))


def _stop_workers(ex: ProcessPoolExecutor) -> None:
    """End the workers now (on SIGTERM or an error in the parent): their chunks are discarded."""
    procs = getattr(ex, "_processes", None) or {}
    for proc in list(procs.values()):
        with contextlib.suppress(Exception):
            proc.terminate()


def _pooled(items: Iterator[Item], workers: int, chunksize: int, max_chunks: int) -> Iterator[Result]:
    ex = _pool(workers)
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    try:
        while True:
            while len(pending) < max_chunks:
                chunk = list(islice(items, chunksize))
                if not chunk:
                    break
                try:
                    pending.append((chunk, ex.submit(extract_chunk, chunk)))
                except BrokenProcessPool:  # a worker died earlier: start a fresh pool
                    ex.shutdown(wait=False, cancel_futures=True)
                    ex = _pool(workers)
                    pending.append((chunk, ex.submit(extract_chunk, chunk)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            yield from _chunk_results(chunk, fut)
    except BaseException:  # Terminated, KeyboardInterrupt, the consumer's error or close()
        _stop_workers(ex)
        raise
    finally:
        ex.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()  # the parent may live on (API server): let its collector see everything again


def _chunk_results(chunk: list[Item], fut: Future[list[Result]]) -> list[Result]:
    try:
        return fut.result()
    except BrokenProcessPool:
        reason = "worker process died (out of memory or killed) while extracting"
    except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be pickled back
        reason = f"extraction failed in a worker: {type(e).__name__}: {e}"
    return [it if isinstance(it, InputError) else InputError(it.origin or it.id, reason) for it in chunk]
