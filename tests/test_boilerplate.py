"""Boilerplate ranges: captions, credits and "read also" links are skipped, prose is kept."""

from __future__ import annotations

from kronika.extract.boilerplate import find_ranges


def skipped(text: str) -> list[str]:
    return [text[a:b] for a, b in find_ranges(text)]


def test_caption_lines_with_photo_credit() -> None:
    text = "Шахтарі зібралися біля мерії.\nМітинг у Полтаві / фото REUTERS\nПоліція затримала 6 людей."
    assert skipped(text) == ["Мітинг у Полтаві / фото REUTERS"]


def test_english_and_russian_credits() -> None:
    text = ("Miners gather at the gate of the mine in Lima. Photo: Jane Roe via Reuters\n"
            "Police detained dozens.")
    assert skipped(text) == ["Photo: Jane Roe via Reuters"]
    assert skipped("Митинг в центре города.\n©Reuters\nСобрались сотни людей.") == ["©Reuters"]
    assert skipped("Столкновения у здания. Фото: РБК.\nДалее текст.") == ["Фото: РБК."]


def test_read_also_runs_on_into_the_next_sentence() -> None:
    text = ('Читайте також"Нічний марш" у Полтаві: що відомо про протест (фото, відео)'
            "За даними example.ru, до лікарень звернулися 19 людей.")
    out = skipped(text)
    assert out and out[0].startswith("Читайте також")
    rest = text[find_ranges(text)[-1][1]:]
    assert rest.startswith("За даними example.ru")


def test_read_also_and_subscribe_lines() -> None:
    text = "Текст новини.\nЧитайте также: Протесты в Минске\nВас також можуть зацікавити новини:\nПодписывайтесь на наш канал"
    out = skipped(text)
    assert "Читайте также: Протесты в Минске" in out
    assert "Вас також можуть зацікавити новини:" in out
    assert any(s.startswith("Подписывайтесь") for s in out)
    assert "Текст новини." not in "".join(out)


def test_prose_mentioning_photos_is_kept() -> None:
    text = ("На фотографиях, выложенных в сети, видно, что мост перекрыт с двух сторон.\n"
            "Журналіст опублікував фото зіткнень у центрі міста, де зібралися сотні людей, і розповів про затримання.")
    assert skipped(text) == []


def test_wire_copy_captions_and_trailers() -> None:
    text = ("Riot police sprayed miners with water in Lima.\n"
            "Miners run from water cannon in Lima, Peru. REUTERS/John Doe\n"
            "Advertisement\n"
            "At least five people were killed.\n"
            "Reporting by John Doe; Editing by Jane Roe\n"
            "Our Standards: The Thomson Reuters Trust Principles.")
    out = skipped(text)
    assert "Miners run from water cannon in Lima, Peru. REUTERS/John Doe" in out
    assert "Advertisement" in out
    assert "Reporting by John Doe; Editing by Jane Roe" in out
    assert any(s.startswith("Our Standards") for s in out)
    assert not any("killed" in s or "sprayed miners" in s for s in out)


def test_advertisement_word_lines_uk_ru() -> None:
    assert skipped("Текст новини.\nРеклама\nДалі текст.") == ["Реклама"]
    assert skipped("Текст.\nФото иллюстративное\nДалее.") == ["Фото иллюстративное"]
