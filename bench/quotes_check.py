#!/usr/bin/env python3
"""Direct quotes on invented news in Ukrainian, Russian and English: found, speaker, role, outlet.

dev2 carries no quote gold, so this is the check of quotes on text nobody tuned for. Every article
below was written for this check (invented people, places and outlets). The HELD_OUT half was
written first and is never read while changing the code; the TUNE half may be. Each case lists the
quotes a reader would mark (the parts of a quote split by its attribution count separately) and
holds some quoted names, titles and scare quotes that are no speech (they cost precision).
Scoring is ../shared/eval/score.py's: same_quote, same_speaker, similar_phrase.

Usage: python bench/quotes_check.py [--half held_out|tune|both] [--verbose]
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


class Q(NamedTuple):
    text: str
    speaker: str | None
    role: str | None = None
    via: str | None = None


class Case(NamedTuple):
    lang: str
    text: str
    quotes: list[Q]


HELD_OUT: list[Case] = [
    Case("uk", "У Житомирі в неділю близько двохсот підприємців вийшли на мітинг проти нових правил торгівлі "
               "на ринках. Голова об'єднання підприємців Житомира Оксана Гребенюк заявила: «Ми не просимо "
               "пільг, ми просимо, щоб нас чули». За її словами, міська рада ухвалила рішення без обговорення.\n"
               "«Якщо до п'ятниці нічого не зміниться, ми перекриємо дорогу», – додала Гребенюк.",
         [Q("Ми не просимо пільг, ми просимо, щоб нас чули", "Оксана Гребенюк",
            "голова об'єднання підприємців Житомира"),
          Q("Якщо до п'ятниці нічого не зміниться, ми перекриємо дорогу", "Оксана Гребенюк",
            "голова об'єднання підприємців Житомира")]),
    Case("uk", "Речник Національної поліції Тарас Білик в ефірі телеканалу «Рада» розповів про затримання у "
               "Рівному.\n– Троє учасників акції намагалися підпалити шини біля будівлі суду, їх затримали на "
               "місці, – сказав Білик.\nЗа його словами, нікого не травмовано.",
         [Q("Троє учасників акції намагалися підпалити шини біля будівлі суду, їх затримали на місці",
            "Тарас Білик", "речник Національної поліції", "Рада")]),
    Case("uk", "Біля обласної адміністрації в Павлограді третій день стоять шахтарі. «Ми стоятимемо тут, доки "
               "уряд не поверне борги шахтарям, – сказав журналістам лідер профспілки Василь Дорошенко. – Люди "
               "півроку не отримують зарплату».",
         [Q("Ми стоятимемо тут, доки уряд не поверне борги шахтарям", "Василь Дорошенко", "лідер профспілки"),
          Q("Люди півроку не отримують зарплату", "Василь Дорошенко", "лідер профспілки")]),
    Case("uk", "Під час акції в Черкасах поліція затримала чотирьох людей. \"Поліція діяла в межах закону і "
               "нікого не била\", – наголосив Ігор Мельник, заступник начальника обласної поліції.",
         [Q("Поліція діяла в межах закону і нікого не била", "Ігор Мельник",
            "заступник начальника обласної поліції")]),
    Case("uk", "Мешканка села Тетяна Лозинська розповіла, що вночі хтось розбив вікна у сільраді. Вона "
               "додала: «Такого у нас не було ніколи, люди налякані і бояться виходити з дому».",
         [Q("Такого у нас не було ніколи, люди налякані і бояться виходити з дому", "Тетяна Лозинська",
            "мешканка села")]),
    Case("uk", "Активісти руху «Чесне місто» провели пікет під стінами міськради Вінниці. Учасники ходи "
               "скандували «Геть корупціонерів з міськради!», а так звані «тітушки» стояли осторонь.",
         [Q("Геть корупціонерів з міськради!", "учасники ходи")]),
    Case("uk", "Міський голова Ужгорода Богдан Андріїв написав у Facebook: «Ситуацію контролюємо, прошу всіх "
               "зберігати спокій і не піддаватися на провокації».",
         [Q("Ситуацію контролюємо, прошу всіх зберігати спокій і не піддаватися на провокації",
            "Богдан Андріїв", "міський голова Ужгорода", "Facebook")]),
    Case("uk", "«Протест був мирним до того моменту, поки не з'явилися провокатори», — сказав в інтерв'ю "
               "«Суспільному» активіст Остап Кравець.",
         [Q("Протест був мирним до того моменту, поки не з'явилися провокатори", "Остап Кравець", "активіст",
            "Суспільне")]),
    Case("uk", "У Луцьку медики вийшли на протест через затримку зарплат. «Лікарі працюють третю добу без "
               "відпочинку», – зазначила Ірина Савчук, головна лікарка міської лікарні.",
         [Q("Лікарі працюють третю добу без відпочинку", "Ірина Савчук", "головна лікарка міської лікарні")]),
    Case("ru", "В Самаре прошел митинг против застройки сквера. «Мы не допустим захвата административных "
               "зданий», — заявил РИА Новости глава городской администрации Сергей Крылов.",
         [Q("Мы не допустим захвата административных зданий", "Сергей Крылов",
            "глава городской администрации", "РИА Новости")]),
    Case("ru", "После задержаний у здания суда адвокат задержанных Марина Левченко сказала: «Моих "
               "подзащитных держали в отделе без воды почти сутки».",
         [Q("Моих подзащитных держали в отделе без воды почти сутки", "Марина Левченко",
            "адвокат задержанных")]),
    Case("ru", "Один из организаторов акции Денис Ахметов рассказал, что полиция пришла еще до начала "
               "митинга.\n— Нас начали выводить из толпы по одному, даже не объясняя причин, — говорит "
               "Ахметов.\n— Потом автобусы увезли всех в отдел на окраине города, — добавил он.",
         [Q("Нас начали выводить из толпы по одному, даже не объясняя причин", "Денис Ахметов",
            "один из организаторов акции"),
          Q("Потом автобусы увезли всех в отдел на окраине города", "Денис Ахметов",
            "один из организаторов акции")]),
    Case("ru", "В интервью телеканалу «Дождь» политолог Андрей Зуев отметил: «Власти явно недооценили масштаб "
               "недовольства в регионах».",
         [Q("Власти явно недооценили масштаб недовольства в регионах", "Андрей Зуев", "политолог", "Дождь")]),
    Case("ru", "Всех задержанных доставили в отдел полиции. «Задержанных отпустят после составления "
               "протоколов», — сообщил источник в полиции.",
         [Q("Задержанных отпустят после составления протоколов", "источник в полиции")]),
    Case("ru", "Депутат горсовета Ольга Павленко пришла на акцию вместе с жителями. «Это не первый случай, "
               "когда решения принимаются за закрытыми дверями, — сказала Павленко. — Мы будем добиваться "
               "их отмены в суде».",
         [Q("Это не первый случай, когда решения принимаются за закрытыми дверями", "Ольга Павленко",
            "депутат горсовета"),
          Q("Мы будем добиваться их отмены в суде", "Ольга Павленко", "депутат горсовета")]),
    Case("ru", "Представитель ООН Marta Hurtado заявила: «Мы призываем власти уважать право на мирные "
               "собрания».",
         [Q("Мы призываем власти уважать право на мирные собрания", "Marta Hurtado", "представитель ООН")]),
    Case("ru", "Журналисты газеты „Вечерний курьер“ сообщили о новых задержаниях. Мирон Гусев, пресс-секретарь "
               "губернатора, сказал агентству Интерфакс: „Губернатор готов встретиться с протестующими уже "
               "завтра“.",
         [Q("Губернатор готов встретиться с протестующими уже завтра", "Мирон Гусев",
            "пресс-секретарь губернатора", "Интерфакс")]),
    Case("ru", "«Акция не была согласована, организаторы будут привлечены к ответственности», — говорится в "
               "заявлении мэрии Казани.",
         [Q("Акция не была согласована, организаторы будут привлечены к ответственности", "мэрия Казани")]),
    Case("en", "Protesters gathered outside the town hall for a third night. \"We will not tolerate violence "
               "against officers,\" said Mark Ellison, a spokesman for the city police.",
         [Q("We will not tolerate violence against officers", "Mark Ellison", "spokesman for the city police")]),
    Case("en", "Dozens of people were detained in the raids. \"They took my brother away in the middle of the "
               "night,\" Amina Yusuf, a teacher from the northern district, told Reuters.",
         [Q("They took my brother away in the middle of the night", "Amina Yusuf",
            "teacher from the northern district", "Reuters")]),
    Case("en", "Interior Minister Paul Okafor defended the curfew on Tuesday. He said: \"The measures are "
               "temporary and will be lifted once calm returns.\"",
         [Q("The measures are temporary and will be lifted once calm returns", "Paul Okafor",
            "Interior Minister")]),
    Case("en", "Police charged the crowd near the bridge. ‘We were peaceful until the police charged at us,’ "
               "said a protester.",
         [Q("We were peaceful until the police charged at us", "protester")]),
    Case("en", "\"This is about dignity,\" said Rosa Delgado, who leads the nurses' union. \"Nobody should be "
               "made to work three shifts in a row.\"",
         [Q("This is about dignity", "Rosa Delgado"),
          Q("Nobody should be made to work three shifts in a row", "Rosa Delgado")]),
    Case("en", "In a post on Telegram, opposition leader Viktor Sobol wrote: \"The elections were stolen and "
               "we will prove it in court.\"",
         [Q("The elections were stolen and we will prove it in court", "Viktor Sobol", "opposition leader",
            "Telegram")]),
    Case("en", "The so-called \"Green Wave\" movement organised the march, which the authorities dubbed "
               "Operation \"Clean Streets\". Hundreds of students marched to parliament chanting \"No more "
               "fees, no more lies\".",
         [Q("No more fees, no more lies", "students")]),
    Case("en", "Shops stayed closed in the capital on Monday. The interior ministry said in a statement: "
               "\"Order has been restored in all districts and the curfew remains in force.\"",
         [Q("Order has been restored in all districts and the curfew remains in force", "interior ministry")]),
]

TUNE: list[Case] = [
    Case("uk", "Прем'єр-міністр Андрій Бойко написав у Telegram, що \"уряд не буде вести переговори під "
               "тиском вулиці\".",
         [Q("уряд не буде вести переговори під тиском вулиці", "Андрій Бойко", "прем'єр-міністр", "Telegram")]),
    Case("ru", "Глава МВД Анна Руденко заявила, что \"Полиция будет защищать всех участников акции\".",
         [Q("Полиция будет защищать всех участников акции", "Анна Руденко", "глава МВД")]),
    Case("ru", "Пресс-служба аэропорта Пулково сообщила о задержках рейсов из-за забастовки диспетчеров. «Все "
               "рейсы будут выполнены с опозданием до трех часов», — говорится в ее сообщении.",
         [Q("Все рейсы будут выполнены с опозданием до трех часов", "пресс-служба аэропорта Пулково")]),
    Case("uk", "Голова ініціативної групи Марія Ткачук розповіла:\n– Ми збирали підписи два місяці, але нас "
               "ніхто не почув.",
         [Q("Ми збирали підписи два місяці, але нас ніхто не почув.", "Марія Ткачук",
            "голова ініціативної групи")]),
    Case("uk", "Біля суду знову збираються люди. «Затримано п'ятьох осіб за хуліганство», – повідомив речник "
               "МВС.",
         [Q("Затримано п'ятьох осіб за хуліганство", "речник МВС")]),
    Case("ru", "Министр здравоохранения Олег Лисицын посетил больницу. «Все пострадавшие получают необходимую "
               "помощь», — заверил министр.",
         [Q("Все пострадавшие получают необходимую помощь", "Олег Лисицын", "министр здравоохранения")]),
    Case("en", "Finance Minister Clara Weiss met the union leaders on Friday. \"There is no money for a second "
               "raise this year,\" the minister told reporters.",
         [Q("There is no money for a second raise this year", "Clara Weiss", "Finance Minister")]),
    Case("en", "Windows were smashed along the high street. \"We were not warned about the march,\" a shop "
               "owner told the Associated Press.",
         [Q("We were not warned about the march", "shop owner", None, "Associated Press")]),
    Case("en", "Maria Lopez, a nurse at the central hospital, watched the march from a window. She said: \"The "
               "streets were full of smoke and people were running everywhere.\"",
         [Q("The streets were full of smoke and people were running everywhere.", "Maria Lopez",
            "nurse at the central hospital")]),
    Case("ru", "Мэр Ростова Игорь Власов в эфире телеканала «Дон-24» сказал: «Транспорт в центре города будет "
               "ходить по обычному расписанию».",
         [Q("Транспорт в центре города будет ходить по обычному расписанию", "Игорь Власов", "мэр Ростова",
            "Дон-24")]),
    Case("ru", "У проходной завода собрались рабочие. «Мы требуем освобождения задержанных товарищей», — сказал "
               "председатель профсоюза Виктор Павлович Дьяченко.",
         [Q("Мы требуем освобождения задержанных товарищей", "Виктор Павлович Дьяченко",
            "председатель профсоюза")]),
    Case("uk", "За словами голови громади Віталія Коржа, «рішення ухвалили без жодних консультацій з людьми».",
         [Q("рішення ухвалили без жодних консультацій з людьми", "Віталій Корж", "голова громади")]),
    Case("uk", "Під стінами посольства протестувальники скандували: «Свободу полоненим!»",
         [Q("Свободу полоненим!", "протестувальники")]),
    Case("ru", "Операция «Вихрь» началась утром. Издание «Городские вести» показало кадры, а так называемые "
               "«зеленые человечки» перекрыли выезд. Вечером показали фильм «Последний день».",
         []),
    Case("en", "The \"Yellow Scarves\" movement handed out copies of a book titled \"Silent Streets\" near the "
               "station.",
         []),
    Case("en", "\"I was standing by the gate,\" said Tom Hardy, a bus driver, \"when the first stone hit the "
               "window.\"",
         [Q("I was standing by the gate", "Tom Hardy", "bus driver"),
          Q("when the first stone hit the window.", "Tom Hardy", "bus driver")]),
    Case("ru", "Своими впечатлениями поделилась пенсионерка Вера Кольцова.\n— Я вышла за хлебом, а тут "
               "автобусы с ОМОНом, — рассказывает женщина.",
         [Q("Я вышла за хлебом, а тут автобусы с ОМОНом", "Вера Кольцова", "пенсионерка")]),
    Case("uk", "В інтерв'ю виданню «Громадське» юрист Павло Сич пояснив: «Суд не мав права забороняти мирне "
               "зібрання».",
         [Q("Суд не мав права забороняти мирне зібрання", "Павло Сич", "юрист", "Громадське")]),
    Case("en", "In a video address, Mayor Helen Park said the curfew would end on Sunday: \"We have seen three "
               "quiet nights in a row.\"",
         [Q("We have seen three quiet nights in a row.", "Helen Park", "Mayor")]),
    Case("ru", "Как сказал „Коммерсанту“ собеседник в правительстве, „решение о переносе выборов пока не "
               "принято“.",
         [Q("решение о переносе выборов пока не принято", "собеседник в правительстве", None, "Коммерсант")]),
    Case("uk", "Речниця ОБСЄ Jennifer Clark заявила: «Ми закликаємо сторони утриматися від насильства».",
         [Q("Ми закликаємо сторони утриматися від насильства", "Jennifer Clark", "речниця ОБСЄ")]),
    Case("uk", "«Нас били кийками просто на сходах», – розповів студент Максим Орел. «Ніхто нікого не бив», – "
               "заперечив речник поліції Сергій Дуда.",
         [Q("Нас били кийками просто на сходах", "Максим Орел", "студент"),
          Q("Ніхто нікого не бив", "Сергій Дуда", "речник поліції")]),
    Case("ru", "Активистка Дарья Соколова провела ночь в отделе полиции. По ее словам, задержанным не давали "
               "звонить. «Телефоны у нас забрали сразу», — сказала она.",
         [Q("Телефоны у нас забрали сразу", "Дарья Соколова", "активистка")]),
    Case("en", "Opposition MP Rita Haddad wrote on X: \"Peaceful protest is a right, not a crime.\"",
         [Q("Peaceful protest is a right, not a crime.", "Rita Haddad", "Opposition MP", "X")]),
    Case("ru", "Лидер забастовщиков Артем Белов вышел к журналистам. «Мы не уйдем, — сказал он, — пока нас не "
               "выслушают».",
         [Q("Мы не уйдем", "Артем Белов", "лидер забастовщиков"),
          Q("пока нас не выслушают", "Артем Белов", "лидер забастовщиков")]),
    Case("uk", "Ми поговорили з водієм маршрутки Романом Литвином.\n– Дорогу перекрили зранку, пасажири йшли "
               "пішки, – каже Роман.\n– А ввечері нас розвернули на блокпосту, – додає він.",
         [Q("Дорогу перекрили зранку, пасажири йшли пішки", "Роман Литвин", "водій маршрутки"),
          Q("А ввечері нас розвернули на блокпосту", "Роман Литвин", "водій маршрутки")]),
    Case("en", "Troops left the main square overnight. \"The army has gone, but nobody trusts the quiet,\" a "
               "resident told the BBC by phone.",
         [Q("The army has gone, but nobody trusts the quiet", "resident", None, "BBC")]),
    Case("ru", "Глава профсоюза горняков Нурлан Сеитов сказал РИА Новости: «Шахтеры готовы бастовать до конца "
               "месяца».",
         [Q("Шахтеры готовы бастовать до конца месяца", "Нурлан Сеитов", "глава профсоюза горняков",
            "РИА Новости")]),
]


def check(cases: list[Case], sc: ModuleType, verbose: bool) -> dict[str, float]:
    same_quote: Callable[[dict[str, object], dict[str, object]], bool] = sc.same_quote
    same_speaker: Callable[[dict[str, object], dict[str, object]], bool] = sc.same_speaker
    similar_phrase: Callable[[str, str | None], bool] = sc.similar_phrase
    tp = fp = fn = stp = 0
    fields = {"role": [0, 0], "via": [0, 0]}
    for n, case in enumerate(cases):
        res = extract(Article(text=case.text, lang=case.lang, published="2024-05-14", id=f"q{n}"))
        preds = [q.to_dict() for q in res.quotes]
        golds = [{"text": g.text, "speaker": g.speaker, "speaker_role": g.role, "via": g.via} for g in case.quotes]
        pairs = sc.match(golds, preds, same_quote)
        tp += len(pairs)
        fp += len(preds) - len(pairs)
        fn += len(golds) - len(pairs)
        stp += sum(1 for gi, pi in pairs if same_speaker(golds[gi], preds[pi]))
        for key, name in (("role", "speaker_role"), ("via", "via")):
            for gi, pi in pairs:
                want = golds[gi][name]
                if want:
                    fields[key][1] += 1
                    fields[key][0] += bool(similar_phrase(want, preds[pi][name]))
        if verbose:
            got = {pi for _gi, pi in pairs}
            for gi, pi in pairs:
                g, p = golds[gi], preds[pi]
                bad = [f"{k}={p[k]!r} (want {g[k]!r})" for k in ("speaker", "speaker_role", "via")
                       if g[k] and not (same_speaker(g, p) if k == "speaker" else similar_phrase(g[k], p[k]))]
                if bad:
                    print(f"  [{case.lang} q{n}] {str(g['text'])[:50]!r}: " + "; ".join(bad))
            for gi, g in enumerate(golds):
                if gi not in {a for a, _b in pairs}:
                    print(f"  [{case.lang} q{n}] MISSED {str(g['text'])[:60]!r}")
            for pi, p in enumerate(preds):
                if pi not in got:
                    print(f"  [{case.lang} q{n}] EXTRA {str(p['text'])[:60]!r} ({p['speaker']})")
    p, r, f = prf(tp, fp, fn)
    sp, sr, sf = prf(stp, tp + fp - stp, tp + fn - stp)
    out = {"found_p": p, "found_r": r, "found_f1": f, "speaker_f1": sf,
           "role_acc": fields["role"][0] / fields["role"][1] if fields["role"][1] else 0.0,
           "via_acc": fields["via"][0] / fields["via"][1] if fields["via"][1] else 0.0}
    print(f"quotes {tp + fn} gold: found P {p:.3f} R {r:.3f} F1 {f:.3f}; with speaker P {sp:.3f} R {sr:.3f} "
          f"F1 {sf:.3f}; role acc {out['role_acc']:.3f} ({fields['role'][1]}); "
          f"via acc {out['via_acc']:.3f} ({fields['via'][1]})")
    return out


def main() -> int:
    return run_halves(__doc__.splitlines()[0], SHARED, [("held_out", HELD_OUT), ("tune", TUNE)], check)


if __name__ == "__main__":
    sys.exit(main())
