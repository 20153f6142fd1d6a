"""The process pool: same records as the in-process loop, input order, errors in place, bounded input."""

from __future__ import annotations

from collections.abc import Iterator

from kronika.ingest.readers import InputError, Item
from kronika.model import Article
from kronika.scale.pool import extract_chunk, extract_many

TEXTS = [
    ("uk", "У Львові 12 березня близько трьохсот людей протестували біля міської ради. Поліція затримала двох."),
    ("ru", "В Бишкеке 5 октября демонстранты забросали камнями сотрудников милиции, пострадали 12 человек."),
    ("en", "Police detained 40 protesters in Tbilisi on Sunday after a rally outside parliament."),
    ("ru", "В Минске прошла акция протеста, задержаны более 100 человек, сообщает «Вясна»."),
]


def corpus(n: int) -> list[Item]:
    items: list[Item] = []
    for i in range(n):
        lang, text = TEXTS[i % len(TEXTS)]
        if i % 7 == 3:
            items.append(InputError(f"input:{i}", "unreadable line"))
        else:
            items.append(Article(text=f"{text} ({i})", id=f"a{i}", lang=lang, published="2024-03-12"))
    return items


def keyed(results: list) -> list:
    return [r if isinstance(r, InputError) else (r.id, r.to_dict()) for r in results]


def test_pool_matches_in_process_loop_in_order() -> None:
    items = corpus(50)
    serial = list(extract_many(items, workers=1))
    pooled = list(extract_many(items, workers=2, chunksize=3, window=12))
    assert [getattr(r, "id", None) for r in pooled] == [getattr(it, "id", None) for it in items]
    assert keyed(pooled) == keyed(serial)
    assert sum(isinstance(r, InputError) for r in pooled) == 7


def test_pool_reads_its_input_lazily() -> None:
    """Bounded memory: only about `window` articles are taken from the input before the first result."""
    taken = 0

    def stream() -> Iterator[Item]:
        nonlocal taken
        for it in corpus(10_000):
            taken += 1
            yield it

    results = extract_many(stream(), workers=2, chunksize=4, window=16)
    first = next(results)
    assert getattr(first, "id", None) == "a0"
    assert taken <= 16 + 4
    results.close()  # shuts the pool down
    assert taken < 100


def test_chunk_passes_errors_through() -> None:
    err = InputError("x", "bad")
    out = extract_chunk([err, Article(text="Protesters rallied in London.", id="b", lang="en")])
    assert out[0] is err and out[1].id == "b"
