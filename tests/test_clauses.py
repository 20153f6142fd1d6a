"""Clause splitting: the unit dates, places, negation and sources bind to (invented sentences)."""

from __future__ import annotations

import pytest

from kronika.text.clauses import clause_of, clauses
from kronika.text.doc import analyse


def parts(text: str, lang: str) -> list[str]:
    doc = analyse(text, lang)
    return [doc.text[c.start:c.end] for c in clauses(doc)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a list of places stays one clause; a new subject with its own verb after a comma splits
    ("У Рівному, Луцьку та Житомирі пікетували обладміністрації, поліція склала три протоколи.", "uk",
     ["У Рівному, Луцьку та Житомирі пікетували обладміністрації", "поліція склала три протоколи"]),
    # a relative clause and a "что" clause are clauses of their own
    ("Мэрия заявила, что шествие, которое прошло в субботу, было согласовано.", "ru",
     ["Мэрия заявила", "что шествие", "которое прошло в субботу", "было согласовано"]),
    # a coordinator between two predicates splits; between two nouns it does not
    ("Шахтарі перекрили трасу й вимагали зарплати.", "uk",
     ["Шахтарі перекрили трасу", "й вимагали зарплати"]),
    ("Студенти й викладачі вийшли на площу.", "uk", ["Студенти й викладачі вийшли на площу"]),
    # a fronted verbless phrase belongs to the clause after it
    ("По словам очевидцев, толпа подожгла два автомобиля.", "ru",
     ["По словам очевидцев, толпа подожгла два автомобиля"]),
    # English: commas alone do not split (no verb tags), subordinators and semicolons do
    ("Farmers blocked roads in Ghent, Bruges and Ypres; police said nobody was hurt.", "en",
     ["Farmers blocked roads in Ghent, Bruges and Ypres", "police said nobody was hurt"]),
    ("Riot police fired tear gas after students threw stones.", "en",
     ["Riot police fired tear gas", "after students threw stones"]),
])
def test_clauses(text: str, lang: str, expected: list[str]) -> None:
    assert parts(text, lang) == expected


def test_clause_of_every_word_token() -> None:
    doc = analyse("Вчера в Гомеле прошёл пикет, а вечером полиция задержала организатора.", "ru")
    for t in doc.tokens:
        if t.is_word:
            c = clause_of(doc, t.i)
            assert c is not None and c.start <= t.start and t.end <= c.end
    first = clause_of(doc, 0)
    last = clause_of(doc, len(doc.tokens) - 2)
    assert first is not None and last is not None and first != last


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a preposition that doubles as a subordinator opens no clause
    ("После митинга в Омске полиция задержала двоих.", "ru", ["После митинга в Омске полиция задержала двоих"]),
    # a fixed phrase starting with a subordinator opens none either
    ("Police dispersed crowds in Dhaka as well as in Sylhet.", "en",
     ["Police dispersed crowds in Dhaka as well as in Sylhet"]),
    # English: a fronted subordinate clause ends at the comma before a new predicate
    ("While gunmen kidnapped ten pupils in Kano on Monday, police were attacked in Zaria.", "en",
     ["While gunmen kidnapped ten pupils in Kano on Monday", "police were attacked in Zaria"]),
])
def test_clause_openers(text: str, lang: str, expected: list[str]) -> None:
    assert parts(text, lang) == expected
