#!/usr/bin/env python3
"""Sources on invented news in Ukrainian, Russian and English: who the claims are attributed to.

No honest check of sources existed: dev2 was read to find failure classes. Every article below
was written for this check (invented people, places, outlets and channels). The HELD_OUT half was
written and committed first and is never read while changing the code; the TUNE half may be.
Each case lists the sources a reader would mark as SCHEMA.md defines them (name as written, in the
nominative, without the kind word; kind). The cases hold distractors that are no source: a speaker
quoted only for an opinion, generic groups ("активисты", "witnesses"), the article's own outlet
(from its url), photo credits. Scoring is ../shared/eval/score.py's: fold(), similar(), match();
the kind is scored on matched names.

Usage: python bench/sources_check.py [--half held_out|tune|both] [--verbose]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from scorer import prf, run_halves

from kronika.model import Article
from kronika.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIKA_SHARED", ROOT.parent / "shared"))


class S(NamedTuple):
    name: str
    kind: str


class Case(NamedTuple):
    lang: str
    text: str
    sources: list[S]
    url: str | None = None


HELD_OUT: list[Case] = [
    # --- Ukrainian
    Case("uk", "У Кременчуці в суботу близько трьохсот людей протестували проти підвищення тарифів на воду. "
               "Як повідомили в ГУНП у Полтавській області, під час акції затримали двох чоловіків, які кидали "
               "пляшки в поліцейських.",
         [S("ГУНП у Полтавській області", "police")]),
    Case("uk", "Джерело: Суспільне Полтава\n\nУ Лубнах мешканці перекрили трасу через відсутність світла. "
               "За даними міської ради, рух було відновлено за три години.",
         [S("Суспільне Полтава", "outlet"), S("міська рада", "government")]),
    Case("uk", "Біля будівлі суду в Коломиї сталася бійка між прихильниками і противниками забудовника. "
               "Речник обласної поліції розповів, що постраждали четверо людей. Активісти стверджують, що "
               "бійку спровокували найняті охоронці.",
         [S("поліція", "police")]),
    Case("uk", "Понад сто фермерів виїхали на тракторах до Тернопільської ОДА. Голова асоціації фермерів "
               "Тернопільщини Мирослав Кушнірук заявив журналістам, що уряд не виконав обіцянок. "
               "Депутатка облради Олена Вдовиченко вважає, що протест має політичне підґрунтя.",
         [S("Мирослав Кушнірук", "other")]),
    Case("uk", "Про сутички в Дрогобичі повідомляє Telegram-канал «Дрогобич 24». За його даними, кілька "
               "учасників акції отримали травми.",
         [S("Дрогобич 24", "telegram")]),
    Case("uk", "Поліція Житомирщини відкрила кримінальне провадження через побиття активіста у Бердичеві. "
               "Про це повідомляє пресслужба поліції Житомирської області. Свідки кажуть, що нападників було "
               "троє.",
         [S("поліція Житомирської області", "police")]),
    Case("uk", "У Мукачеві кілька десятків підприємців пікетували міськраду, повідомляє «Закарпаття онлайн». "
               "Міський голова Андрій Балога-Ковач пообіцяв зустрітися з протестувальниками.",
         [S("Закарпаття онлайн", "outlet")],
         "https://zakarpattya.online/news/123"),
    Case("uk", "Активісти «Зеленого фронту» заблокували в'їзд на сміттєзвалище під Бучею. За словами "
               "координатора руху Ярини Штогрин, блокада триватиме до рішення суду. Як зазначили в Бучанській "
               "міській раді, сміття вивозитимуть іншим маршрутом.",
         [S("Ярина Штогрин", "other"), S("Бучанська міська рада", "government")]),
    Case("uk", "ЛЬВІВ. У неділю на площі Ринок відбувся марш на підтримку військовополонених. За оцінкою "
               "організаторів, участь взяли близько двох тисяч людей. Поліцейські повідомили, що порушень "
               "не зафіксовано.",
         [S("поліція", "police")]),
    Case("uk", "Як повідомили в ДСНС, під час протесту в Кропивницькому біля будівлі облради загорілися шини. "
               "Пожежу загасили за пів години. Фото: Олег Сидоренко.",
         [S("ДСНС", "government")]),
    # --- Russian
    Case("ru", "В Бресте около сотни жителей вышли на акцию против строительства завода. По данным "
               "правозащитного центра «Весна», задержаны по меньшей мере семь человек.",
         [S("Весна", "ngo")]),
    Case("ru", "Источник: Коммерсантъ\n\nВ Новосибирске полиция задержала участников пикета у здания "
               "мэрии. В МВД по Новосибирской области заявили, что пикет не был согласован.",
         [S("Коммерсантъ", "outlet"), S("МВД по Новосибирской области", "police")]),
    Case("ru", "Как сообщил источник в силовых структурах, в ходе беспорядков в Махачкале пострадали "
               "шесть сотрудников полиции. Очевидцы рассказывают, что толпа забрасывала машины камнями.",
         [S("источник в силовых структурах", "other")]),
    Case("ru", "Столкновения у стадиона в Ростове-на-Дону произошли после матча. Об этом сообщает "
               "Telegram-канал «Ростов Главный». По его данным, задержаны около двадцати болельщиков.",
         [S("Ростов Главный", "telegram")]),
    Case("ru", "Пресс-секретарь губернатора Кузбасса Анатолий Мирошниченко сообщил, что на акцию шахтеров в "
               "Прокопьевске вышли около четырехсот человек. Политолог Игорь Завьялов считает, что власти "
               "недооценивают масштаб недовольства.",
         [S("Анатолий Мирошниченко", "official")]),
    Case("ru", "Как пишет Reuters, в Ереване полиция задержала более 80 участников акции протеста у здания "
               "парламента. Министерство внутренних дел Армении сообщило, что трое полицейских ранены. "
               "Позже в министерстве уточнили, что ранения легкие.",
         [S("Reuters", "news_agency"), S("Министерство внутренних дел Армении", "police")]),
    Case("ru", "В Бишкеке сторонники оппозиции собрались у Белого дома, передает корреспондент «Азаттыка». "
               "Активисты утверждают, что на площадь вышли тысячи человек.",
         [S("Азаттык", "outlet")],
         "https://rus.azattyk.org/a/1.html"),
    Case("ru", "Глава ОВД района Сергей Пташников рассказал журналистам, что задержанных отпустили после "
               "составления протоколов. По словам Пташникова, всего задержали 14 человек.",
         [S("Сергей Пташников", "police")]),
    Case("ru", "Жители поселка Каменка перекрыли дорогу к полигону. Об этом сообщил в своем Telegram-канале "
               "депутат облдумы Виталий Огурцов. Фото: соцсети.",
         [S("Виталий Огурцов", "official")]),
    # --- English
    Case("en", "NAIROBI (Reuters) - Police fired tear gas at hundreds of protesters in the Kenyan capital on "
               "Tuesday, witnesses said. A police spokesman said 23 people had been arrested.",
         [S("Reuters", "news_agency"), S("police", "police")]),
    Case("en", "Farmers blocked the main highway near Lodz for a second day, according to the Polish Farmers' "
               "Union. Union leader Tomasz Wierzbicki told reporters that the blockade would continue until "
               "Friday.",
         [S("Polish Farmers' Union", "ngo"), S("Tomasz Wierzbicki", "other")]),
    Case("en", "At least four people were injured when supporters of rival candidates clashed in Kumasi, the "
               "Ghana Police Service said in a statement. Local resident Abena Owusu said she was afraid to "
               "leave her house, calling the violence shameful.",
         [S("Ghana Police Service", "police")]),
    Case("en", "Students occupied the rectorate of the University of Tirana on Monday. The Ministry of "
               "Education said talks would begin this week. The ministry added that no one had been hurt.",
         [S("Ministry of Education", "government")]),
    Case("en", "Hundreds of garment workers marched in Gazipur demanding unpaid wages, the Daily Star reported. "
               "Activists said police beat several marchers.",
         [S("Daily Star", "outlet")],
         "https://www.newagebd.net/article/1"),
    Case("en", "Security forces killed two protesters in Bamako, the human rights group Amnesty International "
               "said on Wednesday, citing witnesses. The government denied the claim.",
         [S("Amnesty International", "ngo")]),
    Case("en", "Opposition supporters set fire to a ruling party office in Blantyre, police spokesperson "
               "Chifundo Mwale told AFP. He said 11 suspects had been detained.",
         [S("Chifundo Mwale", "police"), S("AFP", "news_agency")]),
    Case("en", "Riot police dispersed a rally of taxi drivers in Tbilisi, the city's mayor Kakha Beridze wrote "
               "on X. Analyst Nino Gelashvili said the protests reflected deeper frustration.",
         [S("Kakha Beridze", "official")]),
    Case("en", "About 500 people protested outside the parliament in Podgorica, local broadcaster Vijesti TV "
               "reported. Organisers said the rally was peaceful.",
         [S("Vijesti TV", "outlet")]),
]

TUNE: list[Case] = [
    Case("uk", "У Полтаві сотні людей вийшли на акцію проти забудови парку. Як повідомили в Полтавській "
               "міській раді, проєкт призупинено. Активісти кажуть, що будівельники вже вирубали дерева.",
         [S("Полтавська міська рада", "government")]),
    Case("uk", "Джерело: Громадське\n\nУ Рівному поліція затримала п'ятьох учасників бійки біля нічного клубу. "
               "За даними ювенальної поліції, серед затриманих двоє неповнолітніх.",
         [S("Громадське", "outlet"), S("ювенальна поліція", "police")]),
    Case("uk", "Речниця поліції Харківщини Ірина Коробейник повідомила, що на акції затримали трьох людей. "
               "Політолог Степан Гудзь вважає, що влада припустилася помилки.",
         [S("Ірина Коробейник", "police")]),
    Case("uk", "Про сутички на ринку в Чернівцях пише Telegram-канал «Чернівці Live». За даними каналу, "
               "постраждав охоронець.",
         [S("Чернівці Live", "telegram")]),
    Case("uk", "Мешканці Обухова перекрили трасу, повідомляє «Обухів сьогодні». Про це також написав у "
               "Facebook депутат міськради Орест Ярмолюк.",
         [S("Обухів сьогодні", "outlet"), S("Орест Ярмолюк", "official")],
         "https://kyiv-today.news/a/1"),
    Case("uk", "Директор ГО «Чиста ріка» Вероніка Ґудзь-О'Браєн розповіла, що пікет зібрав близько сотні "
               "людей. Свідки стверджують, що поліція поводилася коректно.",
         [S("Вероніка Ґудзь-О'Браєн", "ngo")]),
    Case("uk", "За словами джерела в правоохоронних органах, затриманим повідомили про підозру в хуліганстві.",
         [S("джерело в правоохоронних органах", "other")]),
    Case("uk", "Як повідомила Національна поліція Молдови, у Кишиневі затримали 12 учасників сутичок. У "
               "поліції додали, що відкрито провадження.",
         [S("Національна поліція Молдови", "police")]),
    Case("uk", "Інформацію про сутичку на мітингу підтвердив журналістам речник ОВА Денис Ткачишин.",
         [S("Денис Ткачишин", "official")]),
    Case("ru", "По данным МЧС, во время беспорядков в Кизляре сгорели два автомобиля. Жители уверяют, что "
               "поджоги начались еще ночью.",
         [S("МЧС", "government")]),
    Case("ru", "Источник: РБК\n\nВ Казани прошел митинг против закрытия больницы. В мэрии сообщили, что "
               "на акцию пришли около 300 человек.",
         [S("РБК", "outlet"), S("мэрия", "government")]),
    Case("ru", "Как рассказал источник в правоохранительных органах, задержанным грозит до пяти лет.",
         [S("источник в правоохранительных органах", "other")]),
    Case("ru", "Об акции сообщил Telegram-канал «Тверь Онлайн». По словам местного блогера Кирилла Жмыхова, "
               "на площади собрались сотни человек. Правозащитники утверждают, что задержания были "
               "жесткими.",
         [S("Тверь Онлайн", "telegram"), S("Кирилл Жмыхов", "other")]),
    Case("ru", "Представитель МВД Киргизии Талант Абдыкеримов заявил журналистам, что ситуация под "
               "контролем. Эксперт Данияр Осмонов полагает, что протесты продолжатся.",
         [S("Талант Абдыкеримов", "police")]),
    Case("ru", "В Алматы полиция задержала участников одиночных пикетов, передает Vlast.kz со ссылкой на "
               "правозащитника Евгения Жовтиса.",
         [S("Vlast.kz", "outlet"), S("Евгений Жовтис", "ngo")]),
    Case("ru", "Как сообщил в X бывший депутат Марк Шеффилд, полиция применила слезоточивый газ.",
         [S("Марк Шеффилд", "other")]),
    Case("ru", "Пресс-служба ГУ МВД по Москве сообщила о задержании 40 человек. В ведомстве уточнили, "
               "что все они доставлены в отделы полиции.",
         [S("ГУ МВД по Москве", "police")]),
    Case("en", "LAGOS (AFP) - Police used tear gas on protesters in Lagos on Monday, an AFP correspondent "
               "said. Police spokesman Adewale Ogunleye said 14 people were arrested.",
         [S("AFP", "news_agency"), S("Adewale Ogunleye", "police")]),
    Case("en", "According to the Interior Ministry, 35 people were detained in Yerevan. The ministry said "
               "three officers were hurt. Political analyst Hrant Petrosyan said the crackdown was a "
               "mistake.",
         [S("Interior Ministry", "police")]),
    Case("en", "A government spokesperson told reporters that the curfew in Dhaka would be lifted. Witnesses "
               "said shops remained closed.",
         [S("government", "government")]),
    Case("en", "Protesters stormed the town hall in Lorient, regional newspaper Le Télégramme reported, citing "
               "a police source.",
         [S("Le Télégramme", "outlet"), S("police source", "other")]),
    Case("en", "Human Rights Watch said security forces fired live rounds at demonstrators in Conakry. The "
               "group called for an investigation.",
         [S("Human Rights Watch", "ngo")]),
    Case("en", "Dozens of nurses rallied in Manila, the Philippine Star reported. Nurse Maria dela Cruz "
               "said she had not been paid for three months.",
         [S("Philippine Star", "outlet"), S("Maria dela Cruz", "witness")],
         "https://www.rappler.com/nation/1"),
    Case("en", "Riot police detained 12 people after clashes in Santiago, Chile's Carabineros said on X. "
               "Student leader Ignacia Morales said the march had been peaceful until police arrived.",
         [S("Carabineros", "police"), S("Ignacia Morales", "other")]),
]


def check(cases: list[Case], sc: ModuleType, verbose: bool) -> dict[str, float]:
    fold: Callable[[str | None], str] = sc.fold
    similar: Callable[[str, str], bool] = sc.similar
    tp = fp = fn = kind_ok = 0
    for n, case in enumerate(cases):
        res = extract(Article(text=case.text, lang=case.lang, url=case.url, published="2024-05-14", id=f"s{n}"))
        preds = [(s.name, s.kind) for s in res.sources]
        golds = [(g.name, g.kind) for g in case.sources]
        pairs = sc.match([fold(g[0]) for g in golds], [fold(p[0]) for p in preds], similar)
        tp += len(pairs)
        fp += len(preds) - len(pairs)
        fn += len(golds) - len(pairs)
        kind_ok += sum(1 for gi, pi in pairs if golds[gi][1] == preds[pi][1])
        if verbose and (len(pairs) < max(len(golds), len(preds))
                        or any(golds[gi][1] != preds[pi][1] for gi, pi in pairs)):
            got_g = {gi for gi, _pi in pairs}
            got_p = {pi for _gi, pi in pairs}
            print(f"-- {case.lang} #{n}: {case.text[:70]!r}")
            for gi, pi in pairs:
                if golds[gi][1] != preds[pi][1]:
                    print(f"   kind  {golds[gi]} -> {preds[pi]}")
            for gi, g in enumerate(golds):
                if gi not in got_g:
                    print(f"   miss  {g}")
            for pi, extra in enumerate(preds):
                if pi not in got_p:
                    print(f"   extra {extra}")
    p, r, f = prf(tp, fp, fn)
    kacc = kind_ok / tp if tp else 0.0
    print(f"sources {tp + fn} gold: P {p:.3f} R {r:.3f} F1 {f:.3f}; kind acc {kacc:.3f} ({tp})")
    return {"p": p, "r": r, "f1": f, "kind_acc": kacc}


def main() -> int:
    return run_halves(__doc__.splitlines()[0], SHARED, [("held_out", HELD_OUT), ("tune", TUNE)], check)


if __name__ == "__main__":
    sys.exit(main())
