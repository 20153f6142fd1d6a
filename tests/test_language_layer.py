"""The language layer: morphology chosen by each language folder's data, lexicon schema checks,
the normaliser, and the pipeline object with its top-level `kronika.extract`."""

from __future__ import annotations

import pytest

import kronika
from kronika.model import Article
from kronika.pipeline import PIPELINE, STAGES, Pipeline, Stage
from kronika.resources import (
    LEXICON_LANGS,
    LexiconError,
    _root,
    _schema,
    language_profile,
    lexicon_lang,
    load_lexicon,
    validate,
)
from kronika.text.backends import Apertium, Lemminflect, Pymorphy3, Surface
from kronika.text.morph import morph_for
from kronika.text.normalise import fold, name_key, norm, romanise, skeleton, translit

# -- morphology by data ------------------------------------------------------------------------


def test_each_language_gets_the_backend_its_folder_names() -> None:
    assert isinstance(morph_for("uk").backend, Pymorphy3)
    assert isinstance(morph_for("ru").backend, Pymorphy3)
    assert isinstance(morph_for("en").backend, Lemminflect)
    # Kazakh's folder says it uses Russian's data whole: the same analyser object
    assert morph_for("kk") is morph_for("ru")
    assert lexicon_lang("ky") == "ru"
    # a code without a folder reads as the default language
    assert language_profile("xx").code == "en"


@pytest.mark.parametrize("word,lemma", [
    ("exploded", "explode"), ("protesters", "protester"), ("detained", "detain"), ("fled", "flee"),
    ("dying", "die"), ("hospitalised", "hospitalise"), ("left", "leave"), ("rallies", "rally"),
])
def test_english_lemmas_are_dictionary_lemmas(word: str, lemma: str) -> None:
    an = morph_for("en").analyse(word)
    assert an.lemma == lemma
    assert word in an.lemmas            # the form itself stays matchable


def test_english_unknown_words() -> None:
    # a name keeps its form first; an unknown word ending as a plural is read as one first
    assert morph_for("en").analyse("kharkiv").lemmas == ("kharkiv",)
    assert morph_for("en").analyse("australia").lemma == "australia"
    assert morph_for("en").analyse("oblasts").lemmas == ("oblast", "oblasts")


def _apertium_be() -> bool:
    return isinstance(morph_for("be").backend, Apertium)


@pytest.mark.skipif(not _apertium_be(), reason="Apertium's Belarusian transducer (Debian package "
                    "apertium-bel-rus, `make test` installs it) is not installed")
def test_belarusian_lemmas_and_cases_from_its_own_backend() -> None:
    an = morph_for("be").analyse("удзельнікаў")
    assert an.lemma == "удзельнік"
    assert an.number == "plur" and an.pos == "NOUN"
    assert morph_for("be").analyse("плошчы").lemma == "плошча"


@pytest.mark.skipif(not _apertium_be(), reason="Apertium's Belarusian transducer (Debian package "
                    "apertium-bel-rus, `make test` installs it) is not installed")
def test_stream_format_characters_do_not_spoil_a_batch() -> None:
    got = morph_for("be").backend.analyse_many(["^x$/<y>", "a\\b@", "затрымала", "Мінску".lower()])
    assert got["^x$/<y>"].lemma == "^x$/<y>" and got["a\\b@"].lemma == "a\\b@"
    assert got["затрымала"].lemma == "затрымаць"
    assert got["мінску"].lemma == "мінск" and "Geox" in got["мінску"].tags


@pytest.mark.skipif(not _apertium_be(), reason="Apertium's Belarusian transducer (Debian package "
                    "apertium-bel-rus, `make test` installs it) is not installed")
def test_belarusian_event_from_its_lexicon_folder() -> None:
    text = ("У нядзелю ў Гродне каля сотні жыхароў сабраліся на плошчы каля выканкама. "
            "Міліцыя затрымала восем удзельнікаў акцыі.")
    r = kronika.extract(text, published="2025-05-20")   # a Tuesday: "у нядзелю" is the 18th
    assert r.lang == "be"
    protests = [e for e in r.events if e.event_type == "Protests"]
    assert protests, [(e.event_type, e.sub_event_type) for e in r.events]
    e = protests[0]
    assert (e.country, e.location, e.date) == ("BY", "Hrodna", "2025-05-18")
    assert all(text[s.start:s.end] == s.text for s in e.evidence)
    assert any(s.text == "затрымала" for s in e.evidence)
    # be/numbers.toml and be/counts.toml: "восем" through its lemma, "затрымала" as the cue
    assert ("detained", 8) in [(c.kind, c.value) for c in r.counts]


def test_identification_and_segmentation_read_the_language_folders() -> None:
    from kronika.text.langid import detect_language, supported
    from kronika.text.segment import _ABBREV, sentences

    assert set(supported()) >= {"uk", "ru", "en", "be", "kk", "ky"}
    assert detect_language("Жыхары вёскі ўвечары сабраліся ля сельсавета і патрабавалі адрамантаваць дарогу.") == "be"
    # abbreviations come from the folders' [segment] tables (uk "вул.", en "Gen.")
    assert {"вул", "gen"} <= _ABBREV
    assert len(sentences("На вул. Шевченка зібралися люди. Gen. Smith spoke.")) == 2


def test_missing_backend_degrades_to_word_forms() -> None:
    from kronika.text.backends import make_backend

    b = make_backend({"backend": "apertium", "analyser": "/nonexistent/xx.automorf.bin"})
    assert isinstance(b, Surface)
    assert b.analyse("слова").lemma == "слова"


# -- lexicons checked at load ----------------------------------------------------------------------


def test_every_shipped_lexicon_file_matches_the_schema() -> None:
    for lang in LEXICON_LANGS:
        for path in _root().joinpath(lang).iterdir():
            if path.name.endswith(".toml") and path.name != "language.toml":
                assert load_lexicon(lang, path.name[:-5]), path


def test_belarusian_borrows_the_files_it_lacks_from_its_fallback() -> None:
    assert "be" in LEXICON_LANGS
    assert load_lexicon("be", "sources") == load_lexicon("ru", "sources")
    assert load_lexicon("be", "events") != load_lexicon("ru", "events")


@pytest.mark.parametrize("data,where", [
    ({"words": {"march": "марш"}}, "events.toml: words.march: expected a list"),
    ({"words": {"march": ["марш", 3]}}, "events.toml: words.march[1]: expected str"),
    ({"near": {"march": {"window": "five", "words": ["a"]}}}, "events.toml: near.march.window: expected int"),
    ({"near": {"march": {"words": ["a"]}}}, "events.toml: near.march: missing key 'window'"),
    ({"not_capitalised": ["may", "  "]}, "events.toml: not_capitalised[1]: empty string"),
    ({"new_section": {"words": [""]}}, "events.toml: new_section.words[0]: empty string"),
])
def test_schema_errors_name_file_and_key(data: dict[str, object], where: str) -> None:
    with pytest.raises(LexiconError) as err:
        validate(data, _schema("events"), "events.toml")
    assert where in str(err.value)


def test_strict_schema_rejects_unknown_keys() -> None:
    with pytest.raises(LexiconError, match="language.toml: morphologie: unknown key"):
        validate({"morphologie": {"backend": "x"}}, _schema("language"), "language.toml")
    with pytest.raises(LexiconError, match="missing key 'backend'"):
        validate({"morphology": {"dictionary": "uk"}}, _schema("language"), "language.toml")
    validate({"morphology": {"backend": "pymorphy3", "dictionary": "uk"}}, _schema("language"),
             "language.toml")


def test_unknown_keys_must_still_be_lexicon_data() -> None:
    validate({"crowds": {"words": ["натоўп"]}}, _schema("events"), "events.toml")


# -- one normaliser --------------------------------------------------------------------------------


def test_norm_unifies_apostrophes_dashes_yo_and_spaces() -> None:
    assert norm(" П’ятсот  Ёлка–Палка ") == "п'ятсот елка-палка"
    assert name_key("Kryvyi-Rih ") == name_key("kryvyi  rih")


def test_one_transliteration_meets_latin_spellings() -> None:
    assert translit("Харків") == "kharkiv" and translit("Гомель", g="g") == "gomel"
    assert translit("Мінск – Minsk") == "minsk – minsk"      # other characters kept
    assert skeleton("Гомель")[:3] == skeleton("Gomel")[:3] == skeleton("Homel")[:3]
    assert skeleton("Київ")[:3] == skeleton("Kyiv")[:3]
    assert fold(romanise("Запоріжжя")[0]) == fold("Zaporizhzhia") == fold("Zaporizhia")


# -- the pipeline ----------------------------------------------------------------------------------


def test_pipeline_stages_are_named_and_printable() -> None:
    names = [s.name for s in PIPELINE.stages]
    assert names == [name for name, _run in STAGES]
    shown = str(PIPELINE)
    for n in names:
        assert n in shown
    assert PIPELINE["events"].name == "events"


def test_pipeline_rejects_duplicate_stage_names() -> None:
    with pytest.raises(ValueError):
        Pipeline([Stage("a", lambda ctx: None), Stage("a", lambda ctx: None)])


def test_a_pipeline_runs_only_its_own_stages() -> None:
    only_dates = Pipeline([PIPELINE["dates"]])
    r = only_dates.extract(Article(text="Police detained 40 protesters in Minsk on 3 May 2021.", lang="en"))
    assert r.events == [] and r.counts == []


def test_top_level_extract_takes_text_or_article() -> None:
    text = "Police detained 40 protesters in Minsk on Sunday, 2 May 2021."
    a = kronika.extract(text, published="2021-05-03", lang="en")
    b = kronika.extract(Article(text=text, lang="en", published="2021-05-03"))
    c = kronika.extract(Article(text=text, lang="uk"), published="2021-05-03", lang="en")
    assert a.to_dict() == b.to_dict()
    assert c.lang == "en" and c.published == "2021-05-03"
    assert any(e.event_type == "Protests" for e in a.events)
