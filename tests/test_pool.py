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


def test_results_do_not_depend_on_which_language_comes_first() -> None:
    """A fresh process that meets Russian before Ukrainian (dictionaries load in that order) codes
    the same records as one that meets them the other way round (pymorphy3 shares one tag class)."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys\n"
        "from kronika.model import Article\n"
        "from kronika.scale.pool import extract_many\n"
        "texts = json.loads(sys.argv[1])\n"
        "arts = [Article(text=t, id=f'{l}{i}', lang=l, published='2024-03-12') for i, (l, t) in enumerate(texts)]\n"
        "out = {r.id if hasattr(r, 'id') else str(r): (r.to_dict() if hasattr(r, 'to_dict') else str(r))\n"
        "       for r in extract_many(arts)}\n"
        "print(json.dumps(out, sort_keys=True))\n"
    )
    ru, uk = TEXTS[1], TEXTS[0]

    def run(order: list[tuple[str, str]]) -> dict:
        r = subprocess.run([sys.executable, "-c", probe, json.dumps(order)], capture_output=True, text=True,
                           timeout=120, check=True)
        return json.loads(r.stdout)

    a = run([ru, uk])
    b = run([uk, ru])
    assert all(isinstance(v, dict) for v in [*a.values(), *b.values()]), (a, b)  # no extraction failed
    for d in [*a.values(), *b.values()]:
        d.pop("id")
    assert a["ru0"] == b["ru1"] and a["uk1"] == b["uk0"]
