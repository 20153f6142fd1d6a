"""Invented articles with gold event dates for bench/dates_check.py (issue 14, class 1: dates).

Every text here was written for this check (no development text). Gold follows ACLED's rules and the
project's conventions (a night "з 4 на 5" is its first day, "в ніч на 6" the 6th; a weekday is the
latest such day on or before publication, "last Friday" strictly before it; a day and month without a
year take the year nearest publication; a dateline anchors the wire story).

- `HELD`: written first and committed before any code change: the held-out check, never tuned on.
- `TUNE`: written afterwards, for developing fixes.

A case: (class, lang, published or None, title or None, text, [(event_type, location, country, date)]);
a location may list the gazetteer's spellings, "Vinnytsia|Vinnytsya" (any one matches).
"""

from __future__ import annotations

P, E, B, R = "Protests", "Explosions/Remote violence", "Battles", "Riots"

Case = tuple[str, str, str | None, str | None, str, list[tuple[str, str, str, str]]]

HELD: list[Case] = [
    ("ordinal", "uk", "2024-05-08", None,
     "Шостого травня кілька сотень мешканців Полтави вийшли на мітинг під будівлею міської ради, вимагаючи "
     "відновити опалення. Учора акцію протесту провели медики у Вінниці.",
     [(P, "Poltava", "UA", "2024-05-06"), (P, "Vinnytsia|Vinnytsya", "UA", "2024-05-07")]),
    ("ordinal", "ru", "2024-03-09", None,
     "Седьмого марта в Томске около двухсот студентов провели пикет у здания университета. Сегодня митинг "
     "против повышения тарифов прошёл в Омске.",
     [(P, "Tomsk", "RU", "2024-03-07"), (P, "Omsk", "RU", "2024-03-09")]),
    ("ordinal", "en", "2024-05-09", None,
     "On the sixth of May, thousands of teachers marched through Nairobi demanding higher pay. Police fired "
     "tear gas at protesters in Kisumu on Tuesday.",
     [(P, "Nairobi", "KE", "2024-05-06"), (P, "Kisumu", "KE", "2024-05-07")]),
    ("night", "ru", "2024-06-08", None,
     "В ночь на 7-е беспилотники атаковали Белгород, пострадали двое жителей. В Курске в четверг прошёл "
     "пикет против закрытия больницы.",
     [(E, "Belgorod", "RU", "2024-06-07"), (P, "Kursk", "RU", "2024-06-06")]),
    ("night", "uk", "2024-04-13", None,
     "У ніч проти 12 квітня російські війська атакували Харків ударними дронами, поранено трьох людей. "
     "Напередодні окупанти обстріляли з артилерії Херсон.",
     [(E, "Kharkiv", "UA", "2024-04-12"), (E, "Kherson", "UA", "2024-04-11")]),
    ("night", "ru", "2023-11-06", None,
     "В ночь с 4 на 5 ноября Вооружённые силы Украины атаковали беспилотниками Курск. В Брянске в "
     "воскресенье местные жители вышли на митинг против закрытия школы.",
     [(E, "Kursk", "RU", "2023-11-04"), (P, "Bryansk", "RU", "2023-11-05")]),
    ("relative", "uk", "2024-03-01", None,
     "Минулої суботи фермери заблокували трасу біля Луцька на знак протесту проти імпорту зерна. Позавчора "
     "пікет під облдержадміністрацією провели підприємці Рівного.",
     [(P, "Lutsk", "UA", "2024-02-24"), (P, "Rivne", "UA", "2024-02-28")]),
    ("relative", "ru", "2024-03-01", None,
     "Позавчера в Самаре дальнобойщики перекрыли трассу в знак протеста против новых штрафов. Вчера пикет у "
     "здания мэрии провели жители Саратова.",
     [(P, "Samara", "RU", "2024-02-28"), (P, "Saratov", "RU", "2024-02-29")]),
    ("relative", "en", "2025-01-02", None,
     "Last Friday, police in Lagos arrested more than 40 people at a protest against fuel prices. On Monday, "
     "hundreds of students rallied in Abuja.",
     [(P, "Lagos", "NG", "2024-12-27"), (P, "Abuja", "NG", "2024-12-30")]),
    ("relative", "en", "2024-03-04", None,
     "Hundreds of garment workers protested in Dhaka on Saturday. The day before, police had dispersed a "
     "rally of opposition supporters in Chittagong with batons.",
     [(P, "Dhaka", "BD", "2024-03-02"), (P, "Chittagong|Chattogram", "BD", "2024-03-01")]),
    ("year_end", "uk", "2025-01-02", None,
     "У понеділок мешканці Черкас перекрили дорогу через відсутність світла. Учора в Чернігові відбулася "
     "акція на підтримку військовополонених.",
     [(P, "Cherkasy", "UA", "2024-12-30"), (P, "Chernihiv", "UA", "2025-01-01")]),
    ("year_end", "ru", "2024-01-01", None,
     "В субботу в Екатеринбурге прошёл пикет в поддержку политзаключённых. Вчера полиция задержала "
     "участников акции протеста в Новосибирске.",
     [(P, "Yekaterinburg", "RU", "2023-12-30"), (P, "Novosibirsk", "RU", "2023-12-31")]),
    ("month_end", "en", "2024-10-01", None,
     "Yesterday, farmers blocked a highway near Lima to protest low crop prices. On Friday, residents of "
     "Arequipa marched against water shortages.",
     [(P, "Lima", "PE", "2024-09-30"), (P, "Arequipa", "PE", "2024-09-27")]),
    ("month_end", "uk", "2023-02-01", None,
     "Учора в Ужгороді активісти провели пікет біля міськради. У неділю вчителі Мукачева протестували проти "
     "скорочення зарплат.",
     [(P, "Uzhhorod", "UA", "2023-01-31"), (P, "Mukachevo", "UA", "2023-01-29")]),
    ("carry", "uk", "2024-03-07", None,
     "5 березня у Львові відбувся мітинг проти забудови парку. Сьогодні подібна акція пройшла в Тернополі.",
     [(P, "Lviv", "UA", "2024-03-05"), (P, "Ternopil", "UA", "2024-03-07")]),
    ("carry", "ru", "2024-04-20", None,
     "12 апреля в Уфе прошёл митинг в защиту горы от разработки. В четверг в Казани полиция разогнала пикет "
     "экологов.",
     [(P, "Ufa", "RU", "2024-04-12"), (P, "Kazan", "RU", "2024-04-18")]),
    ("carry", "en", "2023-04-03", None,
     "On March 28, police fired tear gas at opposition supporters rallying in Karachi. Protesters again took "
     "to the streets of Lahore on Sunday.",
     [(P, "Karachi", "PK", "2023-03-28"), (P, "Lahore", "PK", "2023-04-02")]),
    ("background", "uk", "2024-09-02", None,
     "У суботу мешканці Житомира вийшли на акцію протесту проти підвищення тарифів на воду.\n\n"
     "Тарифи зросли ще 1 липня, коли міськрада ухвалила відповідне рішення.\n\n"
     "Учасники акції вимагали відставки директора водоканалу.",
     [(P, "Zhytomyr", "UA", "2024-08-31")]),
    ("background", "ru", "2024-07-15", None,
     "В воскресенье в Иркутске несколько сотен человек вышли на митинг против вырубки леса.\n\n"
     "Проект застройки утвердили ещё 3 мая 2023 года.\n\n"
     "Участники акции прошли маршем до здания областного правительства.",
     [(P, "Irkutsk", "RU", "2024-07-14")]),
    ("background", "en", "2024-11-11", None,
     "Thousands of people protested in Tbilisi on Sunday against the results of the parliamentary election.\n\n"
     "The ruling party was declared the winner on October 27, sparking weeks of anger.\n\n"
     "Demonstrators blocked the main avenue for several hours.",
     [(P, "Tbilisi", "GE", "2024-11-10")]),
    ("retrospective", "uk", "2024-03-20", None,
     "Хроніка протестів цього місяця.\n\n"
     "2 березня мешканці Одеси провели мітинг проти забудови узбережжя.\n\n"
     "9 березня у Миколаєві підприємці пікетували міську раду.\n\n"
     "16 березня в Запоріжжі відбулася акція на підтримку полонених.",
     [(P, "Odesa", "UA", "2024-03-02"), (P, "Mykolaiv|Mykolayiv", "UA", "2024-03-09"),
      (P, "Zaporizhzhia|Zaporizhzhya", "UA", "2024-03-16")]),
    ("retrospective", "ru", "2023-08-01", None,
     "Хронология событий.\n\n"
     "10 июля жители Краснодара вышли на митинг против строительства мусорного полигона.\n\n"
     "17 июля в Ростове-на-Дону полиция задержала участников пикета.\n\n"
     "24 июля акция протеста прошла в Сочи.",
     [(P, "Krasnodar", "RU", "2023-07-10"), (P, "Rostov-na-Donu|Rostov-on-Don", "RU", "2023-07-17"),
      (P, "Sochi", "RU", "2023-07-24")]),
    ("retrospective", "en", "2024-02-05", None,
     "A timeline of the unrest.\n\n"
     "January 8: Thousands protest in Dakar against the postponement of the election.\n\n"
     "January 15: Police fire tear gas at students in Ziguinchor.\n\n"
     "January 22: Opposition supporters rally in Thies.",
     [(P, "Dakar", "SN", "2024-01-08"), (P, "Ziguinchor", "SN", "2024-01-15"), (P, "Thies|Thiès", "SN", "2024-01-22")]),
    ("dateline", "en", None, None,
     "ABUJA, March 4, 2024 (AFP) - Police in Abuja dispersed a protest by market traders on Saturday, "
     "arresting 12 people. Another protest took place in Kano on Sunday.",
     [(P, "Abuja", "NG", "2024-03-02"), (P, "Kano", "NG", "2024-03-03")]),
    ("dateline", "ru", "2024-06-05", None,
     "ЕКАТЕРИНБУРГ, 3 июня. Сегодня у здания городской администрации жители провели пикет против застройки "
     "сквера. Вчера похожая акция прошла в Челябинске.",
     [(P, "Yekaterinburg", "RU", "2024-06-03"), (P, "Chelyabinsk", "RU", "2024-06-02")]),
    ("dateline", "en", "2023-06-05", None,
     "NAIROBI, June 3 (Reuters) - Kenyan police fired tear gas at hundreds of protesters in Nairobi on "
     "Saturday as anger over a new finance bill grew. On Thursday, opposition supporters had marched in Kisumu.",
     [(P, "Nairobi", "KE", "2023-06-03"), (P, "Kisumu", "KE", "2023-06-01")]),
    ("earlier", "en", "2024-07-25", None,
     "Earlier this month, on the 12th, hundreds of nurses protested outside the health ministry in Accra. "
     "Police arrested six activists at a rally in Kumasi on Tuesday.",
     [(P, "Accra", "GH", "2024-07-12"), (P, "Kumasi", "GH", "2024-07-23")]),
    ("ordinal", "ru", "2024-10-16", None,
     "Пятнадцатого октября жители Перми провели пикет у здания краевого правительства. Акция, начавшаяся "
     "2 октября, проходит каждую неделю.",
     [(P, "Perm", "RU", "2024-10-15")]),
    ("headline", "en", "2024-03-07", "Traders protest tax hikes in Accra on 5 March",
     "Hundreds of traders closed their shops and marched to parliament in Accra to protest against new "
     "taxes. The demonstrators demanded that the government withdraw the levy.",
     [(P, "Accra", "GH", "2024-03-05")]),
    ("headline", "uk", "2024-11-11", "У Рівному 9 листопада пікетували облраду",
     "Кілька десятків мешканців Рівного пікетували будівлю обласної ради, вимагаючи ремонту доріг.",
     [(P, "Rivne", "UA", "2024-11-09")]),
    ("deadline", "ru", "2024-03-04", None,
     "Жители Новосибирска дали властям срок до 15 марта, чтобы отменить повышение тарифов. В воскресенье "
     "сотни человек вышли на митинг у здания мэрии Новосибирска.",
     [(P, "Novosibirsk", "RU", "2024-03-03")]),
    ("deadline", "uk", "2024-02-05", None,
     "Аграрії вимагають від уряду ухвалити рішення до 20 лютого. Сьогодні вони перекрили трасу біля Вінниці.",
     [(P, "Vinnytsia|Vinnytsya", "UA", "2024-02-05")]),
    ("deadline", "en", "2024-09-02", None,
     "Union leaders said the government must respond by Friday. On Saturday, thousands of workers marched in "
     "Johannesburg demanding higher wages.",
     [(P, "Johannesburg", "ZA", "2024-08-31")]),
    ("future", "uk", "2024-05-20", None,
     "Наступна акція запланована на 25 травня. У неділю мешканці Сум вийшли на мітинг проти закриття лікарні.",
     [(P, "Sumy", "UA", "2024-05-19")]),
    ("future", "en", "2024-04-15", None,
     "Organisers said another march would be held on April 20. On Sunday, more than 2,000 people protested in "
     "Belgrade against the new mining project.",
     [(P, "Belgrade", "RS", "2024-04-14")]),
    ("year_month", "uk", "2023-11", None,
     "28 жовтня мешканці Дніпра провели мітинг проти підвищення тарифів. 3 листопада акція протесту пройшла "
     "у Кривому Розі.",
     [(P, "Dnipro", "UA", "2023-10-28"), (P, "Kryvyi Rih|Kryvyy Rih", "UA", "2023-11-03")]),
    ("year_month", "en", "2024-01", None,
     "On December 29, police in Kampala detained 15 opposition supporters at a rally. On January 3, hundreds "
     "of traders protested in Jinja.",
     [(P, "Kampala", "UG", "2023-12-29"), (P, "Jinja", "UG", "2024-01-03")]),
    ("no_published", "ru", None, None,
     "12 мая 2022 года в Хабаровске прошёл митинг в поддержку бывшего губернатора. Через два дня акция "
     "протеста прошла в Комсомольске-на-Амуре.",
     [(P, "Khabarovsk", "RU", "2022-05-12"), (P, "Komsomolsk-on-Amur", "RU", "2022-05-14")]),
    ("weekday_time", "uk", "2024-10-01", None,
     "У неділю ввечері в Києві відбулася акція на підтримку полонених захисників. Сьогодні близько 13:00 у "
     "Львові пройшов мітинг проти корупції.",
     [(P, "Kyiv", "UA", "2024-09-29"), (P, "Lviv", "UA", "2024-10-01")]),
    ("ordinal", "uk", "2024-02-23", None,
     "Двадцять першого лютого ворог атакував Суми ракетами, загинули двоє людей. Минулої ночі російські дрони "
     "атакували Одесу.",
     [(E, "Sumy", "UA", "2024-02-21"), (E, "Odesa", "UA", "2024-02-22")]),
]

TUNE: list[Case] = [
    ("ordinal", "uk", "2024-06-12", None,
     "Дев'ятого червня мешканці Луцька пікетували обласну раду через підвищення тарифів. У вівторок у Рівному "
     "відбувся мітинг пенсіонерів.",
     [(P, "Lutsk", "UA", "2024-06-09"), (P, "Rivne", "UA", "2024-06-11")]),
    ("ordinal", "ru", "2024-04-02", None,
     "Тридцатого марта в Саратове прошёл митинг против закрытия роддома. Вчера пикет у здания правительства "
     "провели жители Пензы.",
     [(P, "Saratov", "RU", "2024-03-30"), (P, "Penza", "RU", "2024-04-01")]),
    ("ordinal", "en", "2024-06-20", None,
     "On the fourteenth of June, hundreds of doctors marched in Lagos over unpaid salaries. On Wednesday, "
     "police dispersed a protest by students in Ibadan.",
     [(P, "Lagos", "NG", "2024-06-14"), (P, "Ibadan", "NG", "2024-06-19")]),
    ("night", "uk", "2024-08-05", None,
     "У ніч на 4 серпня ворог атакував Одесу ударними дронами, пошкоджено склад. У ніч проти суботи "
     "російські війська обстріляли Нікополь з артилерії.",
     [(E, "Odesa", "UA", "2024-08-04"), (E, "Nikopol", "UA", "2024-08-03")]),
    ("night", "ru", "2024-03-12", None,
     "В ночь на 11-е беспилотники атаковали Брянск. В ночь с субботы на воскресенье дроны атаковали Курск, "
     "пострадал один человек.",
     [(E, "Bryansk", "RU", "2024-03-11"), (E, "Kursk", "RU", "2024-03-09")]),
    ("night", "en", "2024-05-27", None,
     "Russian drones struck Kharkiv on Sunday night, injuring four people. On the night of May 24, Russian "
     "forces shelled Kherson.",
     [(E, "Kharkiv", "UA", "2024-05-26"), (E, "Kherson", "UA", "2024-05-24")]),
    ("relative", "uk", "2024-01-03", None,
     "Минулої п'ятниці у Вінниці підприємці перекрили дорогу. Позавчора мешканці Житомира вийшли на мітинг.",
     [(P, "Vinnytsia|Vinnytsya", "UA", "2023-12-29"), (P, "Zhytomyr", "UA", "2024-01-01")]),
    ("relative", "ru", "2023-12-01", None,
     "25 ноября в Перми жители провели пикет против вырубки сквера. Накануне полиция разогнала митинг в "
     "Екатеринбурге.",
     [(P, "Perm", "RU", "2023-11-25"), (P, "Yekaterinburg", "RU", "2023-11-24")]),
    ("relative", "en", "2025-02-10", None,
     "Last Saturday, thousands marched in Belgrade against corruption. The day before, students blocked a "
     "bridge in Novi Sad in protest.",
     [(P, "Belgrade", "RS", "2025-02-08"), (P, "Novi Sad", "RS", "2025-02-07")]),
    ("relative", "uk", "2024-09-30", None,
     "Позавчора у Харкові відбувся мітинг на підтримку полонених. Напередодні подібну акцію провели в Полтаві.",
     [(P, "Kharkiv", "UA", "2024-09-28"), (P, "Poltava", "UA", "2024-09-27")]),
    ("year_end", "en", "2025-01-01", None,
     "On Sunday, opposition supporters rallied in Tbilisi. Yesterday, police detained 20 protesters in Batumi.",
     [(P, "Tbilisi", "GE", "2024-12-29"), (P, "Batumi", "GE", "2024-12-31")]),
    ("year_end", "uk", "2024-01-03", None,
     "У суботу в Дніпрі відбулася акція на підтримку полонених. Учора мешканці Запоріжжя перекрили дорогу.",
     [(P, "Dnipro", "UA", "2023-12-30"), (P, "Zaporizhzhia|Zaporizhzhya", "UA", "2024-01-02")]),
    ("month_end", "ru", "2023-07-03", None,
     "Позавчера жители Иркутска вышли на митинг против повышения тарифов. В пятницу пикет у здания мэрии "
     "провели в Чите.",
     [(P, "Irkutsk", "RU", "2023-07-01"), (P, "Chita", "RU", "2023-06-30")]),
    ("month_end", "en", "2024-12-02", None,
     "Police fired tear gas at protesters in Nairobi on Saturday. On Friday, hundreds of traders marched in "
     "Mombasa.",
     [(P, "Nairobi", "KE", "2024-11-30"), (P, "Mombasa", "KE", "2024-11-29")]),
    ("carry", "ru", "2024-10-21", None,
     "15 октября в Томске прошёл пикет против закрытия библиотеки. В субботу в Новосибирске полиция задержала "
     "участников митинга.",
     [(P, "Tomsk", "RU", "2024-10-15"), (P, "Novosibirsk", "RU", "2024-10-19")]),
    ("carry", "uk", "2025-04-07", None,
     "1 квітня у Чернігові пройшов мітинг проти забудови. У неділю подібна акція відбулася в Сумах.",
     [(P, "Chernihiv", "UA", "2025-04-01"), (P, "Sumy", "UA", "2025-04-06")]),
    ("carry", "en", "2023-05-15", None,
     "On May 9, police arrested dozens of opposition supporters in Islamabad. Supporters of the former prime "
     "minister rallied in Peshawar on Friday.",
     [(P, "Islamabad", "PK", "2023-05-09"), (P, "Peshawar", "PK", "2023-05-12")]),
    ("background", "uk", "2024-03-12", None,
     "У неділю мешканці Черкас вийшли на мітинг проти закриття пологового будинку.\n\n"
     "Про закриття оголосили ще 20 лютого.\n\n"
     "Учасники акції перекрили рух на центральній вулиці.",
     [(P, "Cherkasy", "UA", "2024-03-10")]),
    ("background", "ru", "2023-10-09", None,
     "В субботу жители Уфы вышли на митинг против строительства завода.\n\n"
     "Строительство началось 15 августа.\n\n"
     "Участники митинга требовали провести референдум.",
     [(P, "Ufa", "RU", "2023-10-07")]),
    ("background", "en", "2024-04-02", None,
     "Hundreds of farmers protested in Lima on Monday against a new water law.\n\n"
     "Congress approved the law on March 14.\n\n"
     "The protesters blocked traffic outside the ministry.",
     [(P, "Lima", "PE", "2024-04-01")]),
    ("retrospective", "uk", "2024-10-21", None,
     "Як розвивалися протести.\n\n"
     "1 жовтня мешканці Ірпеня вийшли на мітинг проти забудови.\n\n"
     "8 жовтня у Бучі активісти пікетували міську раду.\n\n"
     "15 жовтня у Броварах відбулася акція протесту.",
     [(P, "Irpin", "UA", "2024-10-01"), (P, "Bucha", "UA", "2024-10-08"), (P, "Brovary", "UA", "2024-10-15")]),
    ("retrospective", "ru", "2024-06-20", None,
     "Как развивались события.\n\n"
     "3 июня жители Оренбурга вышли на митинг у здания администрации.\n\n"
     "7 июня в Орске полиция задержала участников пикета.\n\n"
     "12 июня акция протеста прошла в Уфе.",
     [(P, "Orenburg", "RU", "2024-06-03"), (P, "Orsk", "RU", "2024-06-07"), (P, "Ufa", "RU", "2024-06-12")]),
    ("retrospective", "en", "2025-04-07", None,
     "How the protests unfolded.\n\n"
     "March 10: Students march in Belgrade demanding accountability.\n\n"
     "March 15: Police disperse a rally in Novi Sad.\n\n"
     "March 22: Thousands protest in Kragujevac.",
     [(P, "Belgrade", "RS", "2025-03-10"), (P, "Novi Sad", "RS", "2025-03-15"), (P, "Kragujevac", "RS", "2025-03-22")]),
    ("dateline", "en", None, None,
     "KAMPALA, June 14, 2024 (Reuters) - Ugandan police arrested 30 people at a protest in Kampala on "
     "Wednesday. Students also protested in Gulu on Thursday.",
     [(P, "Kampala", "UG", "2024-06-12"), (P, "Gulu", "UG", "2024-06-13")]),
    ("dateline", "uk", "2024-05-27", None,
     "ХАРКІВ, 25 травня. Сьогодні у Харкові мешканці провели мітинг на підтримку військових. Учора подібна "
     "акція відбулася в Полтаві.",
     [(P, "Kharkiv", "UA", "2024-05-25"), (P, "Poltava", "UA", "2024-05-24")]),
    ("dateline", "ru", None, None,
     "КАЗАНЬ, 14 марта 2023 г. В понедельник в Казани прошёл пикет против строительства трассы. Во вторник "
     "жители Набережных Челнов вышли на митинг.",
     [(P, "Kazan", "RU", "2023-03-13"), (P, "Naberezhnyye Chelny|Naberezhnye Chelny", "RU", "2023-03-14")]),
    ("earlier", "en", "2024-03-12", None,
     "Earlier this month, on the 4th, thousands of workers marched in Dhaka. On Sunday, police detained "
     "protesters in Sylhet.",
     [(P, "Dhaka", "BD", "2024-03-04"), (P, "Sylhet", "BD", "2024-03-10")]),
    ("day_only", "ru", "2024-06-20", None,
     "15-го числа жители Самары провели пикет у здания мэрии. Вчера митинг прошёл в Тольятти.",
     [(P, "Samara", "RU", "2024-06-15"), (P, "Tolyatti|Togliatti", "RU", "2024-06-19")]),
    ("headline", "ru", "2024-04-02", "В Омске 30 марта прошел митинг против свалки",
     "Несколько сотен жителей Омска вышли на митинг против строительства мусорного полигона.",
     [(P, "Omsk", "RU", "2024-03-30")]),
    ("headline", "en", "2024-09-30", "Police disperse protest in Kampala on Saturday",
     "Police in Kampala fired tear gas to disperse opposition supporters marching to parliament.",
     [(P, "Kampala", "UG", "2024-09-28")]),
    ("deadline", "en", "2024-05-27", None,
     "Protesters gave the government until June 10 to scrap the tax. On Saturday, thousands marched in Accra.",
     [(P, "Accra", "GH", "2024-05-25")]),
    ("deadline", "ru", "2024-10-21", None,
     "Профсоюз потребовал погасить долги по зарплате до 1 ноября. Вчера рабочие завода провели пикет в "
     "Челябинске.",
     [(P, "Chelyabinsk", "RU", "2024-10-20")]),
    ("deadline", "uk", "2024-12-02", None,
     "Фермери дали уряду час до п'ятниці. У суботу вони перекрили трасу біля Тернополя.",
     [(P, "Ternopil", "UA", "2024-11-30")]),
    ("future", "ru", "2025-02-10", None,
     "Следующий митинг назначен на 15 февраля. В воскресенье жители Владивостока вышли на акцию протеста.",
     [(P, "Vladivostok", "RU", "2025-02-09")]),
    ("future", "uk", "2024-04-02", None,
     "Організатори анонсували акцію на 6 квітня. Учора мешканці Херсона протестували проти підвищення тарифів.",
     [(P, "Kherson", "UA", "2024-04-01")]),
    ("year_month", "ru", "2024-02", None,
     "29 января в Новосибирске прошёл пикет. 5 февраля митинг против повышения тарифов прошёл в Барнауле.",
     [(P, "Novosibirsk", "RU", "2024-01-29"), (P, "Barnaul", "RU", "2024-02-05")]),
    ("year_month", "uk", "2024-01", None,
     "30 грудня у Дніпрі мешканці пікетували міськраду. 4 січня мітинг відбувся у Запоріжжі.",
     [(P, "Dnipro", "UA", "2023-12-30"), (P, "Zaporizhzhia|Zaporizhzhya", "UA", "2024-01-04")]),
    ("no_published", "en", None, None,
     "On August 3, 2023, hundreds of protesters gathered in Niamey in support of the junta. Two days later, a "
     "rally was held in Zinder.",
     [(P, "Niamey", "NE", "2023-08-03"), (P, "Zinder", "NE", "2023-08-05")]),
    ("weekday_time", "ru", "2023-05-15", None,
     "В субботу около 15:00 в Самаре началась акция протеста. Сегодня утром пикет прошёл в Тольятти.",
     [(P, "Samara", "RU", "2023-05-13"), (P, "Tolyatti|Togliatti", "RU", "2023-05-15")]),
    ("ordinal", "en", "2024-03-25", None,
     "Police arrested 15 protesters in Lusaka on the twenty-first of March. Students rallied in Ndola on "
     "Friday.",
     [(P, "Lusaka", "ZM", "2024-03-21"), (P, "Ndola", "ZM", "2024-03-22")]),
    ("ordinal", "uk", "2025-04-07", None,
     "Третього квітня російські війська атакували Кривий Ріг балістичними ракетами. Учора дрони атакували Київ.",
     [(E, "Kryvyi Rih|Kryvyy Rih", "UA", "2025-04-03"), (E, "Kyiv", "UA", "2025-04-06")]),
    # a second batch, written after the first fixes: ago phrases, two clauses with a day each, deadlines
    # and weekdays inside one sentence, times of day, possessive weekdays
    ("ago", "uk", "2024-05-08", None,
     "Три дні тому мешканці Полтави перекрили дорогу через відсутність води. Два дні тому пікет провели в Сумах.",
     [(P, "Poltava", "UA", "2024-05-05"), (P, "Sumy", "UA", "2024-05-06")]),
    ("ago", "ru", "2024-11-20", None,
     "Два дня назад в Перми прошёл митинг против закрытия больницы.",
     [(P, "Perm", "RU", "2024-11-18")]),
    ("ago", "en", "2024-05-08", None,
     "Two days ago, hundreds of students rallied in Nairobi against fee increases.",
     [(P, "Nairobi", "KE", "2024-05-06")]),
    ("clauses", "ru", "2024-11-20", None,
     "В субботу в Казани прошёл пикет экологов, а в воскресенье митинг против вырубки парка состоялся в Уфе.",
     [(P, "Kazan", "RU", "2024-11-16"), (P, "Ufa", "RU", "2024-11-17")]),
    ("clauses", "uk", "2025-03-14", None,
     "У вівторок аграрії перекрили трасу біля Вінниці, а в четвер мітинг відбувся у Житомирі.",
     [(P, "Vinnytsia|Vinnytsya", "UA", "2025-03-11"), (P, "Zhytomyr", "UA", "2025-03-13")]),
    ("clauses", "en", "2023-09-18", None,
     "Teachers marched in Lagos on Friday, while in Abuja police dispersed a rally of students on Saturday.",
     [(P, "Lagos", "NG", "2023-09-15"), (P, "Abuja", "NG", "2023-09-16")]),
    ("deadline", "ru", "2024-08-28", None,
     "Жители Томска, потребовавшие до 15 сентября отменить повышение тарифов, во вторник провели пикет у "
     "мэрии.",
     [(P, "Tomsk", "RU", "2024-08-27")]),
    ("deadline", "en", "2024-08-28", None,
     "Protesters who gave the governor until September 10 to resign blocked a road in Lima on Monday.",
     [(P, "Lima", "PE", "2024-08-26")]),
    ("time_of_day", "uk", "2024-02-14", None,
     "У неділю ввечері у Львові відбулася акція на підтримку полонених. Сьогодні вранці пікет пройшов у Луцьку.",
     [(P, "Lviv", "UA", "2024-02-11"), (P, "Lutsk", "UA", "2024-02-14")]),
    ("time_of_day", "en", "2025-06-02", None,
     "Police fired tear gas at protesters in Belgrade late on Saturday. Early on Monday, students blocked a "
     "bridge in Novi Sad.",
     [(P, "Belgrade", "RS", "2025-05-31"), (P, "Novi Sad", "RS", "2025-06-02")]),
    ("possessive", "en", "2024-11-20", None,
     "Monday's protest in Tbilisi drew thousands of people. Police detained 12 demonstrators in Batumi on "
     "Tuesday.",
     [(P, "Tbilisi", "GE", "2024-11-18"), (P, "Batumi", "GE", "2024-11-19")]),
    ("relative", "ru", "2025-06-04", None,
     "В прошлое воскресенье жители Омска вышли на митинг против строительства завода. В субботу пикет прошёл в "
     "Томске.",
     [(P, "Omsk", "RU", "2025-06-01"), (P, "Tomsk", "RU", "2025-05-31")]),
    ("relative", "uk", "2025-06-04", None,
     "Минулої неділі мешканці Ужгорода протестували проти забудови набережної. Учора мітинг відбувся в "
     "Мукачеві.",
     [(P, "Uzhhorod", "UA", "2025-06-01"), (P, "Mukachevo", "UA", "2025-06-03")]),
    ("numeric", "ru", "2024-03-12", None,
     "05.03.2024 жители Барнаула провели пикет у здания краевой администрации. 09.03.2024 митинг прошёл в "
     "Бийске.",
     [(P, "Barnaul", "RU", "2024-03-05"), (P, "Biysk", "RU", "2024-03-09")]),
    ("chronology", "uk", "2024-08-28", None,
     "У понеділок мешканці Одеси вийшли на мітинг проти забудови парку. У вівторок акцію підтримали в "
     "Миколаєві. Сьогодні протест відбувся у Херсоні.",
     [(P, "Odesa", "UA", "2024-08-26"), (P, "Mykolaiv|Mykolayiv", "UA", "2024-08-27"),
      (P, "Kherson", "UA", "2024-08-28")]),
    ("background", "ru", "2024-08-28", None,
     "Как и в 2019 году, жители Екатеринбурга во вторник вышли на митинг против строительства храма в сквере.",
     [(P, "Yekaterinburg", "RU", "2024-08-27")]),
    ("since", "uk", "2024-02-14", None,
     "Протести фермерів тривають з 1 лютого. У понеділок аграрії перекрили трасу біля Тернополя.",
     [(P, "Ternopil", "UA", "2024-02-12")]),
    ("future", "en", "2024-10-21", None,
     "Union leaders said a national march would take place in Accra on November 2. On Saturday, nurses "
     "protested outside the health ministry in Kumasi.",
     [(P, "Kumasi", "GH", "2024-10-19")]),
    ("future", "uk", "2024-10-21", None,
     "Наступний мітинг у Львові призначили на 27 жовтня. У суботу мешканці Рівного пікетували облраду.",
     [(P, "Rivne", "UA", "2024-10-19")]),
    ("future", "ru", "2024-10-21", None,
     "Следующий пикет в Томске пройдёт 26 октября. В субботу жители Омска вышли на митинг у мэрии.",
     [(P, "Omsk", "RU", "2024-10-19")]),
    # a third batch: written forms of a day, nights before a weekday, a story going on in the next
    # paragraph, a quoted future
    ("forms", "en", "2024-03-11", None,
     "Thousands of farmers protested in Lima on March 5th. Police dispersed a march in Cusco on Mar. 7.",
     [(P, "Lima", "PE", "2024-03-05"), (P, "Cusco", "PE", "2024-03-07")]),
    ("forms", "en", "2024-03-11", None,
     "Students rallied in Dhaka on 5th March. On 8 Mar, police detained protesters in Sylhet.",
     [(P, "Dhaka", "BD", "2024-03-05"), (P, "Sylhet", "BD", "2024-03-08")]),
    ("forms", "ru", "2024-03-11", None,
     "2-го марта в Самаре прошёл пикет против закрытия завода. 6 марта с.г. митинг прошёл в Саратове.",
     [(P, "Samara", "RU", "2024-03-02"), (P, "Saratov", "RU", "2024-03-06")]),
    ("night", "uk", "2024-07-08", None,
     "У ніч на неділю російські дрони атакували Київ, поранено двох людей. Сьогодні вранці ворог обстріляв "
     "Херсон з артилерії.",
     [(E, "Kyiv", "UA", "2024-07-07"), (E, "Kherson", "UA", "2024-07-08")]),
    ("night", "ru", "2024-07-08", None,
     "В ночь на субботу беспилотники атаковали Белгород. Вечером в пятницу в Курске прошёл пикет.",
     [(E, "Belgorod", "RU", "2024-07-06"), (P, "Kursk", "RU", "2024-07-05")]),
    ("story_goes_on", "uk", "2025-01-15", None,
     "У неділю в Одесі мешканці вийшли на мітинг проти підвищення тарифів.\n\n"
     "Учасники акції перекрили рух на центральній вулиці міста.\n\n"
     "У Миколаєві також пройшла акція протесту.",
     [(P, "Odesa", "UA", "2025-01-12"), (P, "Mykolaiv|Mykolayiv", "UA", "2025-01-12")]),
    ("story_goes_on", "en", "2025-01-15", None,
     "Thousands of people marched in Tbilisi on Sunday against the government.\n\n"
     "The protesters blocked the main avenue for hours.\n\n"
     "A smaller rally was also held in Kutaisi.",
     [(P, "Tbilisi", "GE", "2025-01-12"), (P, "Kutaisi", "GE", "2025-01-12")]),
    ("quoted_future", "ru", "2024-12-09", None,
     "В воскресенье жители Иркутска вышли на митинг против повышения тарифов. «Мы выйдем снова 15 декабря, "
     "если нас не услышат», — сказал один из организаторов.",
     [(P, "Irkutsk", "RU", "2024-12-08")]),
    ("quoted_future", "uk", "2024-12-09", None,
     "У суботу мешканці Чернігова пікетували міську раду. «Наступного разу ми перекриємо трасу 20 грудня», — "
     "заявив організатор акції.",
     [(P, "Chernihiv", "UA", "2024-12-07")]),
    ("range", "en", "2023-03-20", None,
     "Protests took place in Paris between March 15 and March 17 against the pension reform. Police detained "
     "dozens of protesters in Lyon on Saturday.",
     [(P, "Paris", "FR", "2023-03-15"), (P, "Lyon", "FR", "2023-03-18")]),
    ("iso", "en", "2024-03-11", None,
     "Traders protested in Kampala (2024-03-06) against new taxes.",
     [(P, "Kampala", "UG", "2024-03-06")]),
    # a fourth batch: round-ups whose towns each have a day of their own
    ("roundup_days", "uk", "2024-03-14", None,
     "У Львові 10 березня пройшов мітинг проти забудови, а 12 березня - у Тернополі.",
     [(P, "Lviv", "UA", "2024-03-10"), (P, "Ternopil", "UA", "2024-03-12")]),
    ("roundup_days", "en", "2024-03-14", None,
     "Teachers marched in Lagos on Monday, in Ibadan on Tuesday and in Abuja on Wednesday.",
     [(P, "Lagos", "NG", "2024-03-11"), (P, "Ibadan", "NG", "2024-03-12"), (P, "Abuja", "NG", "2024-03-13")]),
    ("roundup_days", "ru", "2024-03-14", None,
     "В Казани 5 марта прошёл пикет, в Уфе - 7 марта, в Перми - 9 марта.",
     [(P, "Kazan", "RU", "2024-03-05"), (P, "Ufa", "RU", "2024-03-07"), (P, "Perm", "RU", "2024-03-09")]),
    ("weekend", "uk", "2024-03-11", None,
     "На вихідних мешканці Житомира вийшли на мітинг проти підвищення тарифів.",
     [(P, "Zhytomyr", "UA", "2024-03-09")]),
    ("weekend", "en", "2024-03-11", None,
     "Over the weekend, thousands of people marched in Nairobi against new taxes.",
     [(P, "Nairobi", "KE", "2024-03-09")]),
    # a fifth batch: the day of a statement beside the day of the event
    ("statement", "en", "2024-03-14", None,
     "The interior ministry said on Wednesday that protesters had blocked a highway near Quito on Monday.",
     [(P, "Quito", "EC", "2024-03-11")]),
    ("statement", "en", "2024-03-14", None,
     "Police on Wednesday said they had detained 25 protesters in Accra on Sunday.",
     [(P, "Accra", "GH", "2024-03-10")]),
    ("statement", "ru", "2024-03-14", None,
     "В среду полиция сообщила о задержании в воскресенье 15 участников пикета в Самаре.",
     [(P, "Samara", "RU", "2024-03-10")]),
    ("statement", "uk", "2024-03-14", None,
     "У середу поліція повідомила, що в неділю у Полтаві затримала учасників мітингу.",
     [(P, "Poltava", "UA", "2024-03-10")]),
    # a sixth batch: a backdrop's day in a relative clause beside the event's
    ("relative_clause", "en", "2024-03-14", None,
     "Demonstrations that started on Friday spread to Bogota on Tuesday.",
     [(P, "Bogota|Bogotá", "CO", "2024-03-12")]),
    ("relative_clause", "en", "2024-03-14", None,
     "In Quito, where police shot a student on Sunday, thousands marched on Tuesday.",
     [(P, "Quito", "EC", "2024-03-12")]),
    ("relative_clause", "ru", "2024-03-14", None,
     "В Самаре, где в пятницу задержали активиста, во вторник прошёл пикет.",
     [(P, "Samara", "RU", "2024-03-12")]),
]
