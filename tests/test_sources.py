"""Sources: attribution cues in uk/ru/en, names in the nominative, kinds, exclusions, scopes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DEV, SEED, need
from kronika.extract import boilerplate
from kronika.extract.attribution import quotes
from kronika.extract.attribution.sources import fold, run
from kronika.extract.context import Context
from kronika.model import Article
from kronika.pipeline import build_context, extract
from kronika.text.doc import analyse


def sources_of(text: str, lang: str, url: str | None = None) -> Context:
    ctx = Context(analyse(text, lang), url=url)
    run(ctx)
    return ctx


def names(text: str, lang: str, url: str | None = None) -> dict[str, str]:
    return {s.name: s.kind for s in sources_of(text, lang, url).sources}


def test_attribution_chain_both_sources_uk() -> None:
    got = names("Шахтарі оголосили страйк, повідомляє УНН із посиланням на DW.", "uk")
    assert got == {"УНН": "news_agency", "DW": "outlet"}


def test_attribution_chain_ru() -> None:
    got = names("Склад сгорел, передаёт ТАСС со ссылкой на сайт Vesti.kz.", "ru")
    assert set(got) == {"ТАСС", "Vesti.kz"}
    assert got["ТАСС"] == "news_agency"


def test_nominative_of_institutions_and_people() -> None:
    assert names("За даними поліції, постраждали понад 30 людей.", "uk") == {"поліція": "police"}
    assert "МВД" in names("Вечером в МВД республики сообщили о 40 задержанных.", "ru")
    got = names("Про це відомо, за словами Богдана Мельника, з листа мерії.", "uk")
    assert "Богдан Мельник" in got
    got = names("По словам министра Павла Корнеева, проезд подорожает.", "ru")
    assert "Павел Корнеев" in got


def test_kind_word_is_dropped_from_the_name() -> None:
    assert names("Як пише Telegram-канал Vesti, у місті тривають протести.", "uk") == {"Vesti": "telegram"}
    assert names("За даними Telegram-каналу Mash, затримали понад 70 людей.", "uk") == {"Mash": "telegram"}
    assert names("Об этом сообщает агентство Reuters.", "ru") == {"Reuters": "news_agency"}


def test_person_with_role_after_a_quote() -> None:
    text = '"Воду дали", – заявив заступник мера Ірпеня Олег Коваль, повідомляє Vesti.kz.'
    got = names(text, "uk")
    assert got == {"Олег Коваль": "official", "Vesti.kz": "outlet"}


def test_kinds_police_government_witness() -> None:
    assert names("У поліції повідомили, що затримали трьох людей.", "uk") == {"поліція": "police"}
    got = names("Пресс-служба президента Чили 3 мая сообщила о решении.", "ru")
    assert list(got.values()) == ["government"]
    got = names("Vesti.kz із посиланням на очевидців повідомляє, що людей затримували.", "uk")
    assert got.get("очевидці") == "witness" and "Vesti.kz" in got


def test_english_cues() -> None:
    got = names("Police said 9 officers were injured, according to Reuters.", "en")
    assert got.get("Police") == "police" and got.get("Reuters") == "news_agency"
    got = names('"We will stay," said Mary Doyle, a local activist.', "en")
    assert "Mary Doyle" in got


def test_pronouns_bare_roles_and_places_are_not_sources() -> None:
    assert names("Вона заявила, що нічого не знала.", "uk") == {}
    assert names("Министр сказал, что ситуация под контролем.", "ru") == {}
    assert names("В Германии сообщили о забастовке.", "ru") == {}


def test_own_outlet_is_not_a_source() -> None:
    assert names("Блокада триває, передає УНН.", "uk", url="https://www.unn.com.ua/uk/news/1") == {}
    assert names("Як повідомляв УНІАН, блокада триває.", "uk") == {}
    # a sub-domain, a y/i spelling of the host, a country tail after the name
    assert names("Блокада триває, передає УНН.", "uk", url="https://beta.unn.ua/news/1") == {}
    assert names("МИНСК, 3 мая — РИА Вести. Дорогу перекрыли.", "ru", url="https://ria.by/news/1") == {}
    assert names("Traders shut the market, Daily Drum reports.", "en", url="https://dailydrumng.com/a") == {}
    assert names("Traders shut the market, Reuters reports.", "en", url="https://dailydrumng.com/a") == {"Reuters": "news_agency"}


def test_photo_credit_is_not_a_source() -> None:
    art = Article(text="Шахтарі перекрили трасу.\nМітинг у Полтаві / фото REUTERS\n", lang="uk")
    assert extract(art).sources == []


def test_attribution_scope_covers_the_quoted_passage() -> None:
    text = ('"За даними поліції, демонстранти підпалили 17 машин. Постраждали понад 300 людей", '
            "– йдеться у повідомленні.")
    ctx = sources_of(text, "uk")
    att = next(a for a in ctx.attributions if a.name == "поліція")
    assert att.scope_start <= text.index("300") < att.scope_end


def test_fold_is_script_insensitive() -> None:
    assert fold("Telegram-канал Baza") == fold("Baza")
    assert fold("ТАСС") == fold("tass.ru") == "tass"


def test_seed_sources() -> None:
    path = need(SEED / "article.jsonl")
    art = Article.from_dict(json.loads(Path(path).read_text(encoding="utf-8").splitlines()[0]))
    res = extract(art)
    got = {s.name: s.kind for s in res.sources}
    want = {"Baza": "telegram", "Shot": "telegram", "snob": "telegram", "поліція": "police",
            "Informburo.kz": "outlet", "Єржан Бабакумаров": "official", "Mash": "telegram",
            "tass.ru": "news_agency"}
    for name, kind in want.items():
        assert got.get(name) == kind, (name, got)
    assert not any("reuters" in fold(n) for n in got)          # photo captions
    assert not any("gazov" in fold(n) for n in got)            # the "read also" headline
    text = art.text
    for s in res.sources:
        for e in s.evidence:
            assert text[e.start:e.end] == e.text
    ctx = build_context(art)
    assert ctx.url is None or isinstance(ctx.url, str)


def test_role_before_name_gives_the_kind() -> None:
    got = names("Губернатор Тверской области Олег Новиков сообщил в Telegram о пострадавших.", "ru")
    assert got == {"Олег Новиков": "official"}
    got = names('Як розповів "Новинам Полісся" речник МВС Павло Гриценко, поліція затримала 8 осіб.', "uk")
    assert got.get("Павло Гриценко") == "police"


def test_surname_alone_is_completed_from_the_full_name() -> None:
    text = "Премьер Чили Ольга Шульц прибыла в Лиму. Позже Шульц заявила, что поддерживает переговоры."
    assert list(names(text, "ru")) == ["Ольга Шульц"]


def test_site_names_and_locative_bodies() -> None:
    assert "новостирегиона.рф" in names("Согласно данным на сайте новостирегиона.рф, трасса закрыта.", "ru")
    assert names("Як зазначили в Офісі генпрокурора, відкрито нову справу.", "uk") == {"Офіс генпрокурора": "government"}


def test_attributions_carry_the_emitted_source_names() -> None:
    text = ("Голова профспілки Unia Kolejarzy Петро Бойко заявив, що страйк почнеться. "
            "Бойко також повідомив, що 90 поїздів скасовано.")
    ctx = sources_of(text, "uk")
    emitted = {s.name for s in ctx.sources}
    assert "Петро Бойко" in emitted
    assert ctx.attributions and all(a.name in emitted for a in ctx.attributions)


def test_social_media_as_the_medium_of_shown_content() -> None:
    assert names("Вечером в соцсетях появилось видео с площади.", "ru") == {"соцсети": "social_media"}
    assert names("Міністр написав у короткому дописі в соцмережі, що це вигадка.", "uk") == {}


def test_every_source_and_quote_points_at_its_text() -> None:
    """On the dev articles: evidence spans index the text exactly, attributions have a scope."""
    path = need(DEV / "articles.jsonl")
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        art = Article.from_dict(json.loads(line))
        ctx = build_context(art)
        boilerplate.run(ctx)
        run(ctx)
        quotes.run(ctx)
        text = art.text
        for rec in [*ctx.sources, *ctx.quotes]:
            assert rec.evidence
            for e in rec.evidence:
                assert text[e.start:e.end] == e.text
        names_out = {s.name for s in ctx.sources}
        for a in ctx.attributions:
            assert a.name in names_out
            assert 0 <= a.scope_start < a.scope_end <= len(text)


def test_participles_relatives_and_light_verbs() -> None:
    got = names("Главный судья Омар Фарук, сообщивший о переносе заседания, покинул зал.", "ru")
    assert got == {"Омар Фарук": "official"}
    assert "Хуан Перес" in names("Премьер-министр Чили Хуан Перес сделал короткое заявление.", "ru")
    assert names("Нагадаємо, трасу перекрили ще вчора.", "uk") == {}   # "we remind": the outlet


def test_english_apposition_between_name_and_verb() -> None:
    got = names("Ana Ruiz, spokesperson for Chile's Health Ministry, said the attack was serious.", "en")
    assert list(got) == ["Ana Ruiz"]
    assert names("Both Netwatch and Linkscan reported outages.", "en").keys() == {"Netwatch", "Linkscan"}


def test_chain_the_cited_source_has_the_narrower_scope() -> None:
    text = "Шахтарі оголосили страйк на 40 шахтах, повідомляє УНН із посиланням на DW."
    ctx = sources_of(text, "uk")
    by = {a.name: a for a in ctx.attributions}
    pos = text.index("40")
    assert by["DW"].scope_start <= pos < by["DW"].scope_end
    assert by["DW"].scope_end - by["DW"].scope_start < by["УНН"].scope_end - by["УНН"].scope_start


def test_english_names_with_initials_roles_and_of_phrases() -> None:
    assert names("Port Director Mary J. Doyle said the case was closed.", "en") == {
        "Mary J. Doyle": "official"}
    assert names("The Ministry of Transport said 20 trains were cancelled.", "en") == {"Ministry of Transport": "government"}
    assert names("Officials in Lima said dozens of officers were injured.", "en") == {"Officials": "official"}
