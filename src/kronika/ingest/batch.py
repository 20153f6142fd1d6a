"""One per-article path from input to store, shared by `kronika ingest`, the process pool and
the HTTP ingest: every article ends in exactly one Outcome, in input order.

An article is read and checked (readers), extracted (pool.safe_extract, in or out of process) and
stored in one transaction (Store.put): a bad field, an extraction crash or a record the schema
refuses is a "failed" outcome naming the article, and the others go on. An article is never
partly stored. Only a store that cannot be written at all (read-only, full disk, I/O error) stops
the batch, with StoreError: the article in flight is rolled back, every one before it is kept.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..model import Article
from .readers import InputError, Item

if TYPE_CHECKING:
    from ..store.db import Store

Status = Literal["inserted", "replaced", "unchanged", "failed"]


@dataclass(slots=True)
class Outcome:
    origin: str                # where the article came from (file:line, feed#item, api[i])
    id: str | None             # the article's id, when it was read
    status: Status
    reason: str | None = None  # why it failed
    events: int = 0            # events extracted (inserted or replaced)
    new_url: bool = False      # unchanged text seen under a URL not seen before (a sighting)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _failed(it: InputError, article: Article | None = None) -> Outcome:
    return Outcome(it.origin, article.id if article else None, "failed", it.reason)


def store_items(store: Store, items: Iterable[Item], *, workers: int = 1, force: bool = False) -> Iterator[Outcome]:
    """Extract and store each article; one Outcome per input item. Raises StoreError (after
    rolling back the article in flight) when the store cannot be written at all."""
    from ..scale.pool import extract_many
    from ..store.db import store_error

    # items in input order; an unchanged article is never extracted, its Outcome waits its turn here
    pending: deque[Item | Outcome] = deque()

    def todo() -> Iterator[Item]:
        for it in items:
            if isinstance(it, Article) and not force:
                try:
                    again = store.seen_again(it)
                except sqlite3.Error as e:
                    raise store_error(e, store.path) from e
                if again is not None:
                    pending.append(Outcome(it.origin or it.id, it.id, "unchanged", new_url=again))
                    continue
            pending.append(it)
            yield it

    for res in extract_many(todo(), workers=workers):
        while isinstance(pending[0], Outcome):
            yield pending.popleft()  # type: ignore[misc]
        item = pending.popleft()
        if isinstance(res, InputError):
            yield _failed(res, item if isinstance(item, Article) else None)
            continue
        assert isinstance(item, Article)
        yield put_one(store, item, res, force=force)
    while pending:
        left = pending.popleft()
        assert isinstance(left, Outcome)
        yield left


def put_one(store: Store, article: Article, result: Any, *, force: bool = False) -> Outcome:
    """Store one extracted article in its own transaction. A record the schema refuses is this
    article's failure; a store that cannot be written raises StoreError."""
    from ..store.db import is_fatal, store_error

    where = article.origin or article.id
    try:
        status = store.put(article, result, force=force)
    except sqlite3.Error as e:
        if is_fatal(e):
            raise store_error(e, store.path) from e
        return Outcome(where, article.id, "failed", f"could not store: {type(e).__name__}: {e}")
    except (ValueError, TypeError, OverflowError) as e:  # a value SQLite cannot bind
        return Outcome(where, article.id, "failed", f"could not store: {type(e).__name__}: {e}")
    return Outcome(where, article.id, status, events=len(result.events))
