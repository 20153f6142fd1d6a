"""The source readers: per-article facts travel as arguments (threads give the same answers), the
lexicons are checked at load, and every module of the stage stays readable in size."""

from __future__ import annotations

import ast
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kronika.extract.attribution import lexicon as lexicon_mod
from kronika.extract.attribution.lexicon import words
from kronika.model import Article
from kronika.pipeline import extract

CYRILLIC_WORD = re.compile(r"[а-яіїєґёА-ЯІЇЄҐЁ'ʼ’-]*[а-яіїєґёА-ЯІЇЄҐЁ][а-яіїєґёА-ЯІЇЄҐЁ'ʼ’ -]*")

ARTICLES = [
    Article(text="Шахтеры перекрыли трассу. «Мы не уйдем», — сказал бригадир Иван Петров. "
                 "По данным МВД, задержаны 12 человек.", lang="ru"),
    Article(text="Протест тривав до ночі. За даними поліції, затримали 7 людей. "
                 "«Ми повернемося завтра», — сказала учасниця акції Ганна Мороз.", lang="uk"),
    Article(text='Police said 20 people were detained. "We stay," a miner told Reuters.', lang="en"),
]


def _summary(art: Article) -> tuple[object, ...]:
    res = extract(art)
    return (tuple((s.name, s.kind) for s in res.sources),
            tuple((q.text, q.speaker, q.speaker_role, q.via) for q in res.quotes))


def test_extraction_in_threads_equals_extraction_in_turn() -> None:
    """Sentence starts and the language are arguments, not thread state: mixing languages across
    threads changes nothing."""
    alone = [_summary(a) for a in ARTICLES]
    with ThreadPoolExecutor(max_workers=6) as pool:
        mixed = list(pool.map(_summary, ARTICLES * 8))
    assert mixed == alone * 8
    assert alone[0][0] and alone[0][1]   # the probes do find sources and quotes


def test_reading_words_come_from_the_lexicons() -> None:
    w = words()
    assert {"вчора", "вчера", "yesterday"} <= w.time
    assert "вона" in w.pronouns and "she" in w.pronouns
    assert w.citing.search("передає X із посиланням на Y")


def test_a_malformed_lexicon_list_is_an_error_at_load() -> None:
    with pytest.raises(ValueError, match="must be a list of strings"):
        lexicon_mod._strings({"time": "вчора"}, "time", "uk")


def test_no_cyrillic_word_lists_in_the_stage_code() -> None:
    """Language knowledge lives in lexicons/<lang>/*.toml: no collection in the code holds quoted
    Cyrillic words ("про", "о", ...); alphabets and docstring examples are not word lists."""
    root = Path(lexicon_mod.__file__).parent
    offenders = []
    for path in sorted(root.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                items = node.elts
            elif isinstance(node, ast.Compare):
                items = node.comparators
            else:
                continue
            for item in items:
                if isinstance(item, ast.Constant) and isinstance(item.value, str) and CYRILLIC_WORD.fullmatch(item.value):
                    offenders.append(f"{path.name}:{item.lineno}: {item.value}")
    assert offenders == []


def test_modules_of_the_stage_stay_small() -> None:
    root = Path(lexicon_mod.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in root.glob("*.py")}
    assert max(sizes.values()) <= 600, sizes
