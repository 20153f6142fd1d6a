"""Ordered, bounded-memory extraction over an iterator of inputs, in-process or in a pool.

Workers load resources once (fork after the parent warmed them where the platform forks) and
call the same `pipeline.extract` as everything else.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..ingest.readers import InputError, Item
from ..model import Article, ArticleResult
from ..pipeline import extract

Result = ArticleResult | InputError


def safe_extract(article: Article) -> Result:
    """extract() that turns an unexpected failure into an InputError naming the article."""
    try:
        return extract(article)
    except Exception as e:  # noqa: BLE001 - one bad article must not stop a batch
        return InputError(article.origin or article.id, f"extraction failed: {type(e).__name__}: {e}")


def warm_up() -> None:
    """Load every resource by running the pipeline on a tiny text in each language."""
    for lang, text in (("uk", "У Києві протестували 5 січня."), ("ru", "В Москве протестовали."),
                       ("en", "Protesters rallied in London.")):
        extract(Article(text=text, lang=lang, published="2022-01-05"))


def extract_many(items: Iterable[Item], workers: int = 1, window: int | None = None) -> Iterator[Result]:
    """Results in input order. With workers > 1 at most `window` articles are in flight."""
    if workers <= 1:
        for it in items:
            yield it if isinstance(it, InputError) else safe_extract(it)
        return
    warm_up()  # before forking, so children share the loaded dictionaries and gazetteer
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    window = window or workers * 32
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
        pending: deque[Future[Result] | InputError] = deque()
        for it in items:
            pending.append(it if isinstance(it, InputError) else ex.submit(safe_extract, it))
            while len(pending) >= window:
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())


def _done(p: Future[Result] | InputError) -> Result:
    return p if isinstance(p, InputError) else p.result()
