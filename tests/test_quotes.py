"""Quotes: direct speech with speaker, role and relaying outlet; names in quotes are not speech."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, need
from kronika.extract.attribution import quotes, sources
from kronika.extract.attribution.quotes import quoted_spans
from kronika.extract.context import Context
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse


def quotes_of(text: str, lang: str) -> list:
    ctx = Context(analyse(text, lang))
    sources.run(ctx)
    quotes.run(ctx)
    return ctx.quotes


def test_quote_with_speaker_role_and_via_uk() -> None:
    text = ('"Воду дали. Світло буде до вечора", – заявив заступник мера Ірпеня Олег Коваль, '
            "повідомляє Vesti.kz.")
    [q] = quotes_of(text, "uk")
    assert q.text == "Воду дали. Світло буде до вечора"
    assert q.speaker == "Олег Коваль"
    assert q.speaker_role == "заступник мера Ірпеня"
    assert q.via == "Vesti.kz"
    assert all(text[e.start:e.end] == e.text for e in q.evidence)


def test_quote_before_colon_ru() -> None:
    text = "Министр внутренних дел Иван Петров заявил: «Мы не допустим беспорядков в городе»."
    [q] = quotes_of(text, "ru")
    assert q.text == "Мы не допустим беспорядков в городе"
    assert q.speaker == "Иван Петров"


def test_quote_en() -> None:
    text = '"The road stays closed until Friday," said Mary Doyle, a local nurse.'
    [q] = quotes_of(text, "en")
    assert q.speaker == "Mary Doyle"


def test_names_in_quotes_are_not_speech() -> None:
    assert quotes_of("Презентація відбулася у видавництві «Комора» в Києві.", "uk") == []
    assert quotes_of('Читайте також "Газовий майдан" у Казахстані.', "uk") == []


def test_quoted_spans_nested_and_straight() -> None:
    text = "Він сказав: «Це „наша“ справа». А \"інше\" — ні."
    spans = [text[a:b] for a, b in quoted_spans(text)]
    assert spans == ["Це „наша“ справа", "інше"]


def test_seed_quote() -> None:
    path = need(SEED / "article.jsonl")
    art = Article.from_dict(json.loads(Path(path).read_text(encoding="utf-8").splitlines()[0]))
    qs = extract(art).quotes
    q = next(q for q in qs if q.text.startswith("Штурм був"))
    assert q.text == "Штурм був. Вивести всіх встигли, частина працівників працює дистанційно"
    assert (q.speaker, q.speaker_role, q.via) == ("Єржан Бабакумаров", "заступник акіма Алмати", "Informburo.kz")


def test_pronoun_speaker_is_the_last_named_person() -> None:
    text = ('Мер Полтави Олег Коваль заявив, що місто готове. "Ми маємо запаси палива на тиждень", – додав він.')
    qs = quotes_of(text, "uk")
    assert [q.speaker for q in qs] == ["Олег Коваль"]


def test_role_in_an_apposition_after_the_speaker() -> None:
    q = quotes_of('"The guards pushed us back," said Tom Baker, executive director of Miners Aid.', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Tom Baker", "executive director of Miners Aid")]
    q = quotes_of("«Ми не відступимо», — сказав Іван Петренко, голова профспілки шахтарів.", "uk")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Іван Петренко", "голова профспілки шахтарів")]
    q = quotes_of('"This is a peaceful protest," said John Smith, who organised the march.', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("John Smith", None)]


def test_capitalised_title_before_the_speaker_en() -> None:
    q = quotes_of('Transport Minister Ana Ruiz said: "The trains will run on Monday."', "en")
    assert [(x.speaker, x.speaker_role) for x in q] == [("Ana Ruiz", "Transport Minister")]


def test_agency_spoken_to_relays_the_quote() -> None:
    q = quotes_of('"We stay here until the mine reopens," a miner told Reuters.', "en")
    assert [(x.speaker, x.via) for x in q] == [("miner", "Reuters")]
    q = quotes_of('"We stay here until the mine reopens," she told reporters.', "en")
    assert [x.via for x in q] == [None]


def test_dash_paragraph_split_around_the_attribution_with_coreference() -> None:
    text = ("Заступниця директора центру Ганна Коваль розповіла про підготовку.\n\n"
            "– Ми довго готувалися до цього. Люди приходили щодня, – розповідає Коваль. – Тепер усе готово.\n\n"
            "Інший абзац без прямої мови.")
    qs = quotes_of(text, "uk")
    assert [q.text for q in qs] == ["Ми довго готувалися до цього. Люди приходили щодня", "Тепер усе готово."]
    assert {(q.speaker, q.speaker_role) for q in qs} == {("Ганна Коваль", "заступниця директора центру")}


def test_quote_split_inside_marks_ru() -> None:
    text = "«Мы не уйдем с площади, — сказал шахтер Иван Петров. — Пусть приедет министр»."
    qs = quotes_of(text, "ru")
    assert [q.text for q in qs] == ["Мы не уйдем с площади", "Пусть приедет министр"]
    assert {q.speaker for q in qs} == {"Иван Петров"}


def test_fragment_in_reported_speech_and_names_in_quotes() -> None:
    qs = quotes_of("Министр Павел Корнеев заявил, что закрытие шахты было «ошибкой прошлого года».", "ru")
    assert [(q.text, q.speaker) for q in qs] == [("ошибкой прошлого года", "Павел Корнеев")]
    assert quotes_of("Министр Павел Корнеев заявил, что газета «Вечерний город» ошиблась.", "ru") == []
    assert quotes_of("Министр Павел Корнеев назвал участников пикета «случайными людьми».", "ru") == []   # a label


def test_chant_is_a_quote_of_the_crowd() -> None:
    qs = quotes_of("Шахтеры скандировали «Работа и хлеб!» у здания мэрии.", "ru")
    assert [(q.text, q.speaker) for q in qs] == [("Работа и хлеб!", "Шахтеры")]


def test_bare_role_after_the_full_name_is_that_person() -> None:
    text = ('Міністр енергетики Павло Гриценко приїхав на шахту. "Шахта працюватиме і взимку", - запевнив '
            "міністр увечері у Facebook.")
    [q] = quotes_of(text, "uk")
    assert (q.speaker, q.speaker_role, q.via) == ("Павло Гриценко", "міністр енергетики", "Facebook")


def test_pronoun_takes_the_gender_of_the_last_named_person() -> None:
    text = ("Іван Мороз розповів про страйк. Його дружина Ганна Мороз працює медсестрою. "
            '"Я не могла залишитися вдома", - каже вона.')
    [q] = quotes_of(text, "uk")
    assert q.speaker == "Ганна Мороз"


def test_statement_phrase_gives_the_body_named_before() -> None:
    text = ('Таку інформацію оприлюднила пресслужба поліції області. "Рух транспорту перекрито до ранку", '
            "– ідеться в повідомленні.")
    [q] = quotes_of(text, "uk")
    assert q.speaker == "пресслужба поліції області"


def test_via_from_the_interview_where_the_speaker_was_introduced() -> None:
    text = ("В інтерв'ю Радіо Поділля голова громади Петро Бойко розповів про ремонт.\n\n"
            "– Дорогу відкриємо до зими, – каже Бойко.")
    [q] = quotes_of(text, "uk")
    assert (q.speaker, q.via) == ("Петро Бойко", "Поділля")   # the kind word is not in the name


def test_quote_goes_on_after_its_attribution_en() -> None:
    text = ('"The water is back," said Lena Marsh, a city engineer. "Power should follow by the evening."\n\n'
            '"We ask everyone to stay patient while the crews work."\n\nThe council meets on Monday.')
    qs = quotes_of(text, "en")
    assert [q.text for q in qs] == ["The water is back", "Power should follow by the evening.",
                                    "We ask everyone to stay patient while the crews work."]
    assert {q.speaker for q in qs} == {"Lena Marsh"}


def test_quote_after_other_words_is_not_continued() -> None:
    # a quoted sentence after the author's own words has no speaker to inherit: left out
    text = ('"The water is back," said Lena Marsh. The crews left at noon. "Power should follow by the evening."')
    assert [q.text for q in quotes_of(text, "en")] == ["The water is back"]


def test_unclosed_quote_ends_at_its_attribution_uk() -> None:
    text = 'Люди чекали на площі. "Ми стоїмо тут третій день і не підемо, - сказав Петро Гук. Потім пішов дощ.'
    [q] = quotes_of(text, "uk")
    assert q.text == "Ми стоїмо тут третій день і не підемо"
    assert q.speaker == "Петро Гук"


def test_straight_quote_right_after_a_full_stop_ru() -> None:
    text = 'Об этом сообщил Олег Сизов."Мы закроем рынок до понедельника", - сказал Сизов.'
    [q] = quotes_of(text, "ru")
    assert q.text == "Мы закроем рынок до понедельника"


def test_cue_of_the_next_sentence_does_not_beat_the_colon_ru() -> None:
    text = 'Губернатор Павел Орлов заявил: "Мы не отступим ни на шаг". Вице-губернатор Игорь Ким пообещал встретиться с жителями.'
    [q] = quotes_of(text, "ru")
    assert q.speaker == "Павел Орлов"


def test_statement_phrase_with_words_between_ru() -> None:
    text = ("Профсоюз водителей автобусов объявил о забастовке. «Мы выйдем на линию только после выплаты "
            "долгов», — говорится в его официальном заявлении.")
    [q] = quotes_of(text, "ru")
    assert q.text.startswith("Мы выйдем на линию")


def test_capitalised_quote_after_that_uk() -> None:
    text = 'Міністр освіти Ольга Гнатюк заявила, що "Жодну школу в області не закриють до кінця року".'
    [q] = quotes_of(text, "uk")
    assert q.text == "Жодну школу в області не закриють до кінця року"
    assert q.speaker == "Ольга Гнатюк"


def test_role_alone_points_at_the_person_introduced_ru() -> None:
    text = ("Своим рассказом поделилась учительница Анна Белова.\n"
            "— Нас держали в автобусе четыре часа, — рассказывает женщина.")
    [q] = quotes_of(text, "ru")
    assert q.speaker == "Анна Белова"


def test_an_office_is_not_the_person_named_before_ru() -> None:
    text = ("Новым министром стал Олег Рябов. «Назначение одобрено сегодня утром», — говорится в заявлении "
            "офиса премьера.")
    [q] = quotes_of(text, "ru")
    assert q.speaker != "Олег Рябов"


def test_role_said_after_a_dash_or_a_copula() -> None:
    text = ("Оксана Кравчук — лікарка районної лікарні у Бродах. «Поранених везли до нас усю ніч», – сказала "
            "Кравчук.")
    [q] = quotes_of(text, "uk")
    assert q.speaker == "Оксана Кравчук"
    assert q.speaker_role is not None and q.speaker_role.startswith("лікарка районної лікарні")
    text = ("Иван Соколов, который родился в Твери, является руководителем профсоюза докеров. «Мы начнем "
            "забастовку в понедельник», — сказал Соколов.")
    [q] = quotes_of(text, "ru")
    assert q.speaker_role == "руководитель профсоюза докеров"


def test_a_preposition_is_no_role_ru() -> None:
    text = ("После митинга сторонников мэра Павел Зуев сказал: «Мы придем сюда снова через неделю».")
    [q] = quotes_of(text, "ru")
    assert q.speaker == "Павел Зуев"
    assert not (q.speaker_role or "").lower().startswith("после")


def test_via_from_where_the_person_was_introduced_en() -> None:
    text = ("Ann Keller, a farmer from the valley, joined the blockade on Monday. She told Reuters that the "
            "police had arrived at dawn.\n\n\"We will stay until the ministry listens,\" Keller said.")
    [q] = quotes_of(text, "en")
    assert q.speaker == "Ann Keller"
    assert q.via == "Reuters"


def test_name_with_patronymic_after_a_role_ru() -> None:
    text = "«Цех будет стоять до выплаты долгов», — сказал председатель профкома Николай Петрович Гаев."
    [q] = quotes_of(text, "ru")
    assert q.speaker == "Николай Петрович Гаев"
    assert q.speaker_role == "председатель профкома"


def test_english_name_opening_a_sentence_with_a_role_after_it() -> None:
    text = ("Lena Ortiz, a nurse at the city hospital, watched the march from a window. She said: \"The "
            "street was full of smoke.\"")
    [q] = quotes_of(text, "en")
    assert q.speaker == "Lena Ortiz"


def test_dash_inside_speech_without_a_comma_is_no_attribution_ru() -> None:
    text = ("У здания суда стоял и следователь Нурлан Абенов.\n"
            "— Утром нас подняли по тревоге — объявили, что у вокзала собирается толпа.")
    [q] = quotes_of(text, "ru")
    assert q.text.startswith("Утром нас подняли")
    assert q.speaker == "Нурлан Абенов"


def test_unknown_first_name_after_a_role_ru() -> None:
    text = ("По словам жителя поселка Азамата Кенжебаева, люди собрались у вокзала.\n"
            "— Нас было больше трехсот, — говорит 40-летний активист.")
    [q] = quotes_of(text, "ru")
    assert q.speaker is not None and q.speaker.endswith("Кенжебаев")


def test_hyphen_dialogue_with_no_space_before_the_attribution_ru() -> None:
    text = ("Об этом рассказала директор школы Ольга Минаева.\n"
            "- Занятия перенесли на понедельник,- отметила Ольга Сергеевна.")
    [q] = quotes_of(text, "ru")
    assert q.text == "Занятия перенесли на понедельник"


def test_hyphen_paragraph_after_a_person_who_speaks_uk() -> None:
    text = ("Ірина Шевчук також розповіла про підготовку до іспитів.\n"
            "- Цього року зареєструвалися майже дві тисячі учасників. Найстаршому з них понад сорок.")
    [q] = quotes_of(text, "uk")
    assert q.speaker == "Ірина Шевчук"
    # a list of items after a paragraph with no verb of saying is no speech
    assert quotes_of("Ірина Шевчук, Київ.\n- Перший пункт програми зборів.\n", "uk") == []


def test_foreign_name_opening_a_sentence_when_its_surname_recurs_uk() -> None:
    text = ("Кемаль Озтюрк, який народився в Ізмірі, є керівником компанії «Дельта». Вчора Озтюрк приїхав до "
            "Києва. «Ми відкриємо тут завод», – сказав Озтюрк.")
    [q] = quotes_of(text, "uk")
    assert q.speaker_role == "керівник компанії «Дельта»"


def test_role_the_text_calls_a_speaker_by_ru() -> None:
    text = ("По словам жителя поселка Азамата Кенжебаева, люди собрались у вокзала.\n"
            "— Нас было больше трехсот, — говорит 40-летний активист.")
    [q] = quotes_of(text, "ru")
    assert q.speaker_role == "активист"
    # a woman is no role: the role is the one given with her name
    text = ("Своим рассказом поделилась учительница Анна Белова.\n"
            "— Нас держали в автобусе четыре часа, — рассказывает женщина.")
    [q] = quotes_of(text, "ru")
    assert q.speaker_role == "учительница"


def test_speaker_after_the_outlet_addressed_ru() -> None:
    text = "Как сказал „Вестнику“ собеседник в правительстве, „решение о переносе выборов пока не принято“."
    [q] = quotes_of(text, "ru")
    assert q.speaker is not None and q.speaker.startswith("собеседник")


def test_role_of_a_trade_en() -> None:
    text = '"I saw the first stone fly," said Tom Reyes, a bus driver, "and then the window broke."'
    qs = quotes_of(text, "en")
    assert [q.speaker_role for q in qs] == ["bus driver", "bus driver"]


def test_name_after_the_verb_and_its_phrase_uk() -> None:
    text = "«Ми нікуди не підемо», — розповіла в коментарі «Вісті» мешканка Ірпеня Ірина Бойко."
    [q] = quotes_of(text, "uk")
    assert q.speaker == "Ірина Бойко"
    text = "«Ми нікуди не підемо», — розповіла журналістам мешканка Ірпеня Ірина Бойко."
    [q] = quotes_of(text, "uk")
    assert q.speaker_role == "мешканка Ірпеня"


def test_medium_is_no_part_of_the_role_ru() -> None:
    text = "«Регион не будет платить за чужие ошибки», — написал в своем Telegram-канале глава края Иван Петров."
    [q] = quotes_of(text, "ru")
    assert q.speaker_role == "глава края"


def test_a_crowd_shouting_in_dialogue_layout_ru() -> None:
    text = "Люди вышли к мэрии.\n— Мы будем стоять до конца! — кричали протестующие."
    [q] = quotes_of(text, "ru")
    assert q.speaker == "протестующие"


def test_short_speech_with_its_verb_right_after() -> None:
    [q] = quotes_of("«Это провокация», — заявила пресс-секретарь мэра Мария Орлова.", "ru")
    assert q.speaker == "Мария Орлова"
    [q] = quotes_of("Люди скандували: «Ганьба!»", "uk")
    assert q.text == "Ганьба!"
    # a name set off like speech is none: after its kind word, or all capitalised
    assert quotes_of("Газета «Вечірні новини», — повідомила пресслужба, — закрита.", "uk") == []
    assert quotes_of('Видання "Вечірній Київ", - йдеться в повідомленні, - закрите.', "uk") == []


def test_role_before_a_name_in_an_oblique_case_is_nominative() -> None:
    [q] = quotes_of("За словами заступника мера Ірпеня Олега Коваля, «воду дадуть до п'ятниці».", "uk")
    assert (q.speaker, q.speaker_role) == ("Олег Коваль", "заступник мера Ірпеня")
    [q] = quotes_of("По словам старшего научного сотрудника института Ивана Петрова, «вакцина безопасна "
                    "для всех».", "ru")
    assert q.speaker_role == "старший научный сотрудник института"


def test_speaker_named_in_a_cue_phrase_apposition_en() -> None:
    [q] = quotes_of('According to the mayor, Helen Park, "the water supply will be restored by Friday".', "en")
    assert q.speaker == "Helen Park"


def test_via_a_channel_named_in_quotes_with_a_number_ru() -> None:
    [q] = quotes_of("«Мы готовы к переговорам», — заявил в эфире телеканала «Волга 24» министр Павел Зотов.", "ru")
    assert (q.speaker, q.via) == ("Павел Зотов", "Волга 24")


def test_adjective_and_noun_after_the_verb_speak_ru() -> None:
    text = ("Глава района Сергей Ким приехал к людям.\n— Мы выполним все требования, — сказал он.\n"
            "— Когда? — спросила пожилая женщина из толпы.")
    qs = quotes_of(text, "ru")
    assert [q.speaker for q in qs] == ["Сергей Ким", "пожилая женщина"]


def test_role_set_off_by_a_comma_before_the_name_en() -> None:
    [q] = quotes_of('According to the mayor, Helen Park, "the water supply will be restored by Friday".', "en")
    assert q.speaker_role == "mayor"


def test_a_repeated_paragraph_gives_its_quote_once_uk() -> None:
    para = "Голова громади Іван Литвин заявив: «Ми відновимо школу до вересня, гроші вже є в бюджеті»."
    qs = quotes_of(para + "\n\n" + para, "uk")
    assert [q.text for q in qs] == ["Ми відновимо школу до вересня, гроші вже є в бюджеті"]


def test_via_named_where_the_speaker_was_introduced_uk() -> None:
    text = ('Про це заявив Reuters речник міської ради Андрій Гнатів.\n\n'
            '"Ми закриємо ринок до понеділка, торговці про це знають," – розповів речник.')
    [q] = quotes_of(text, "uk")
    assert q.speaker == "Андрій Гнатів"
    assert q.via == "Reuters"


def test_via_an_outlet_addressed_in_the_dative_uk() -> None:
    text = ('Про це виданню "Вечірній Львів" заявив речник міської ради Андрій Гнатів.\n\n'
            '"Ми закриємо ринок до понеділка, торговці про це знають," – розповів речник.')
    [q] = quotes_of(text, "uk")
    assert (q.speaker, q.via) == ("Андрій Гнатів", "Вечірній Львів")
