"""A synthetic news corpus of any size for the benchmark, made here (never from ../shared).

Articles recombine the sentences of the bundled samples/ with templates of news sentences (protests,
shelling, detentions, clashes, planned and denied events, attributions, quotes) in uk, ru and en,
with varied places, dates and figures. Deterministic for a seed; about 1,900 characters per article,
the length of the dev set's news, in its language mix (ru 50 %, uk 38 %, en 12 %).

    python bench/synthetic.py 10000 -o /tmp/synthetic.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG_WEIGHTS = {"ru": 0.50, "uk": 0.38, "en": 0.12}
TARGET_CHARS = 1900

MONTHS = {
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "en": "January February March April May June July August September October November December".split(),
}
# (nominative, locative / "in" form)
CITIES = {
    "uk": [("Київ", "Києві"), ("Львів", "Львові"), ("Харків", "Харкові"), ("Одеса", "Одесі"),
           ("Дніпро", "Дніпрі"), ("Запоріжжя", "Запоріжжі"), ("Херсон", "Херсоні"), ("Суми", "Сумах"),
           ("Чернігів", "Чернігові"), ("Миколаїв", "Миколаєві"), ("Полтава", "Полтаві"), ("Рівне", "Рівному")],
    "ru": [("Москва", "Москве"), ("Санкт-Петербург", "Санкт-Петербурге"), ("Минск", "Минске"),
           ("Алматы", "Алматы"), ("Бишкек", "Бишкеке"), ("Тбилиси", "Тбилиси"), ("Новосибирск", "Новосибирске"),
           ("Екатеринбург", "Екатеринбурге"), ("Хабаровск", "Хабаровске"), ("Ереван", "Ереване"),
           ("Актобе", "Актобе"), ("Гомель", "Гомеле")],
    "en": [(c, c) for c in ("Kyiv", "Kharkiv", "Tbilisi", "Minsk", "Almaty", "Yerevan", "Moscow", "Lviv",
                            "Odesa", "Bishkek", "Nairobi", "Chisinau")],
}
SOURCES = {
    "uk": ["поліція", "ДСНС", "Суспільне", "Укрінформ", "Національна поліція", "ОВА", "УНІАН"],
    "ru": ["МВД", "ТАСС", "Интерфакс", "ОВД-Инфо", "«Вясна»", "РИА Новости", "Медиазона"],
    "en": ["Reuters", "the interior ministry", "AP", "police", "local media", "Amnesty International"],
}
NAMES = {
    "uk": ["Олег Синєгубов", "Ірина Коваленко", "Андрій Мельник", "Ольга Петренко"],
    "ru": ["Ерлан Бабакумаров", "Ирина Соколова", "Алексей Смирнов", "Марат Жумабаев"],
    "en": ["John Carter", "Nino Beridze", "Maria Lopez", "David Kim"],
}
TEMPLATES = {
    "uk": [
        "{d} {m} у {loc} близько {n} людей вийшли на мітинг біля будівлі міської ради.",
        "Як повідомляє {src}, під час акції протесту у {loc} затримали {n2} учасників.",
        "Унаслідок обстрілу {gen} {d} {m} загинули {k} людей, ще {n2} дістали поранення, повідомив {name}.",
        "Російські війська вдарили по {gen} дронами, пошкоджено {n2} житлових будинків.",
        "У {loc} {d} {m} сталися сутички між протестувальниками та поліцією.",
        "Наступну акцію протесту організатори планують провести у {loc} в неділю.",
        "За даними {src}, відкрито {n2} кримінальних проваджень.",
        "«Ми не віддамо місто», – заявив {name}, повідомляє {src}.",
        "Поліція спростувала повідомлення про затримання активістів у {loc}.",
        "Учасники тримали плакати і вимагали відставки місцевої влади.",
    ],
    "ru": [
        "{d} {m} в {loc} около {n} человек вышли на акцию протеста у здания администрации.",
        "Как сообщает {src}, в {loc} задержаны более {n2} участников акции.",
        "В результате обстрела {gen} {d} {m} погибли {k} человек, еще {n2} ранены, сообщил {name}.",
        "Демонстранты забросали камнями сотрудников полиции, пострадали {n2} человек.",
        "В {loc} {d} {m} протест перерос в столкновения с силовиками.",
        "Оппозиция планирует провести новый митинг в {loc} в субботу.",
        "По данным {src}, возбуждено {n2} уголовных дел.",
        "«Штурм был, всех вывести успели», — заявил {name}, передает {src}.",
        "В МВД опровергли сообщения о применении силы против протестующих в {loc}.",
        "Участники акции держали плакаты и требовали отставки правительства.",
    ],
    "en": [
        "About {n} people rallied outside parliament in {loc} on {m} {d}.",
        "Police detained at least {n2} protesters in {loc}, {src} said.",
        "Shelling of {loc} on {m} {d} killed {k} civilians and wounded {n2}, {name} said.",
        "Protesters threw stones at police, who responded with tear gas and water cannon.",
        "Clashes broke out in {loc} on {m} {d} between protesters and riot police.",
        "Organisers plan another march in {loc} next week.",
        "According to {src}, {n2} criminal cases have been opened.",
        "\"We will not leave the square,\" {name} told {src}.",
        "The ministry denied reports that troops had fired on demonstrators in {loc}.",
        "Participants carried banners and demanded the resignation of the government.",
    ],
}
# genitive of the cities (object of "обстріл"/"обстрел"); en uses the plain name
GENITIVE = {
    "uk": {"Київ": "Києва", "Львів": "Львова", "Харків": "Харкова", "Одеса": "Одеси", "Дніпро": "Дніпра",
           "Запоріжжя": "Запоріжжя", "Херсон": "Херсона", "Суми": "Сум", "Чернігів": "Чернігова",
           "Миколаїв": "Миколаєва", "Полтава": "Полтави", "Рівне": "Рівного"},
    "ru": {"Москва": "Москвы", "Санкт-Петербург": "Санкт-Петербурга", "Минск": "Минска", "Алматы": "Алматы",
           "Бишкек": "Бишкека", "Тбилиси": "Тбилиси", "Новосибирск": "Новосибирска",
           "Екатеринбург": "Екатеринбурга", "Хабаровск": "Хабаровска", "Ереван": "Еревана",
           "Актобе": "Актобе", "Гомель": "Гомеля"},
}
_TAG = re.compile(r"<[^>]+>")


def sample_sentences() -> dict[str, list[str]]:
    """Sentences of the bundled samples/, by language (the repo's own texts)."""
    sys.path.insert(0, str(ROOT / "src"))
    from kronika.text.langid import detect_language
    from kronika.text.segment import sentences

    texts: list[str] = []
    samples = ROOT / "samples"
    for f in sorted(samples.glob("*")):
        if f.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in f.read_text(encoding="utf-8").splitlines() if line]
        elif f.suffix == ".txt":
            texts.append(f.read_text(encoding="utf-8"))
        elif f.suffix in (".html", ".htm"):
            body = f.read_text(encoding="utf-8")
            texts += [_TAG.sub("", p) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
    out: dict[str, list[str]] = {lang: [] for lang in LANG_WEIGHTS}
    for t in texts:
        lang = detect_language(t)
        for s in sentences(t):
            if lang in out:
                out[lang].append(t[s.start:s.end])
    return out


def _sentence(rng: random.Random, lang: str, pool: list[str]) -> str:
    if pool and rng.random() < 0.3:
        return rng.choice(pool)
    nom, loc = rng.choice(CITIES[lang])
    return rng.choice(TEMPLATES[lang]).format(
        d=rng.randint(1, 28), m=rng.choice(MONTHS[lang]), loc=loc, gen=GENITIVE.get(lang, {}).get(nom, nom),
        n=rng.choice((30, 50, 100, 200, 300, 500, 1000, 2000, 5000)), n2=rng.randint(2, 120),
        k=rng.randint(2, 15), src=rng.choice(SOURCES[lang]), name=rng.choice(NAMES[lang]))


def articles(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """n synthetic articles as SCHEMA.md input dicts."""
    rng = random.Random(seed)
    pools = sample_sentences()
    langs, weights = list(LANG_WEIGHTS), list(LANG_WEIGHTS.values())
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        title = _sentence(rng, lang, []).rstrip(".")
        paras: list[str] = []
        size = 0
        target = max(rng.gauss(TARGET_CHARS, 500), 300.0)  # a gaussian tail must not give an empty article
        while size < target:
            para = " ".join(_sentence(rng, lang, pools[lang]) for _ in range(rng.randint(1, 3)))
            paras.append(para)
            size += len(para) + 2
        year = rng.randint(2020, 2024)
        yield {"id": f"syn-{i:07d}", "lang": lang, "published": f"{year}-{rng.randint(1, 12):02d}-"
               f"{rng.randint(1, 28):02d}", "title": title, "text": "\n\n".join(paras)}


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for a in articles(n, seed):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    write_jsonl(a.output, a.n, a.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
