"""Places in ACLED-style notes: "X district (Admin2, Admin1)" picks the X inside those units and is one
place, not two; an X the gazetteer lacks falls back to the innermost unit; place-kind words after a
name ("upazila", "LGA"); GeoNames names with diacritics written without them. Every note is invented."""

from __future__ import annotations

import pytest

from kronika.extract.places import recognise as places
from kronika.model import Article
from kronika.pipeline import extract
from kronika.text.doc import analyse

pytestmark = pytest.mark.usefixtures("places_cache")


def found(text: str) -> list[tuple[str, str, str, str]]:
    out = []
    for m in places.find_places(analyse(text, "en")):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.name, m.country or "", m.kind))
    return out


def test_units_pick_the_namesake_inside_them() -> None:
    # Kalynivka: a dozen villages in Ukraine; the one of Donetsk oblast is meant
    got = places.find_places(analyse("On 4 June 2020, in Kalynivka village (Donetsk oblast), residents blocked a "
                                     "road over water shortages.", "en"))
    assert [(m.name, m.admin1) for m in got] == [("Kalynivka", "Donetsk Oblast")]
    # Mykolaivka of Luhansk oblast, not the bigger one of Donetsk oblast
    got = places.find_places(analyse("On 9 June 2020, in Mykolaivka (Luhansk oblast), shelling damaged two "
                                     "houses.", "en"))
    assert [(m.name, m.admin1) for m in got] == [("Mykolaivka", "Luhansk Oblast")]


def test_units_are_not_places_of_their_own() -> None:
    got = found("On 2 May 2021, in Hyderabad (Hyderabad, Sindh), traders held a sit-in against a new tax.")
    assert [(t, c) for t, _n, c, _k in got] == [("Hyderabad", "PK")]     # not India's bigger Hyderabad


def test_unknown_name_falls_back_to_innermost_unit() -> None:
    got = found("On 6 June 2020, in Sreepur upazila (Gazipur, Dhaka), garment workers held a demonstration.")
    assert got == [("Gazipur", "Gazipur", "BD", "district")]     # the district's seat: geo_precision 2
    got = found("On 12 June 2021, in Kalinovka village (Odesa oblast), residents held a rally.")
    assert [(n, c, k) for _t, n, c, k in got] == [("Odesa Oblast", "UA", "admin1")]   # not a Crimean namesake


def test_parentheses_that_are_not_units() -> None:
    # an abbreviation, a remark and a translation are no units
    assert [t for t, *_ in found("The Jatiya Party (JP) held a rally in Dhaka on 3 March 2020.")] == ["Dhaka"]
    assert [t for t, *_ in found("Around 5 May 2021 (as reported), protesters gathered in Lviv.")] == ["Lviv"]


def test_area_word_keeps_a_small_town() -> None:
    # a capitalised word after a small town reads as a longer name, unless it is a place-kind word
    got = found("On 1 May 2021, in Gwoza LGA (Borno), gunmen abducted three traders.")
    assert [(t, c, k) for t, _n, c, k in got] == [("Gwoza", "NG", "district")]


def test_name_without_diacritics() -> None:
    assert [(n, c) for _t, n, c, _k in found("A bomb exploded in Jalalabad on 2 May 2021.")] == [("Jalālābād", "AF")]


def test_one_note_one_event_at_the_qualified_place() -> None:
    text = "On 8 August 2019, in Hays district (Al Hudaydah), Houthi forces shelled a farm, killing a farmer."
    events = extract(Article(text=text, lang="en", published=None)).events
    assert len(events) == 1
    e = events[0]
    assert (e.country, e.geo_precision, e.date) == ("YE", 2, "2019-08-08")


def test_area_word_without_parenthesis() -> None:
    got = found("On 1 May 2021, in Gwoza LGA, Borno state, gunmen abducted three traders.")
    assert ("Gwoza", "Gwoza", "NG", "district") in got


def test_quarter_of_a_town_is_the_town() -> None:
    # "Tierra Blanca" is also a town far away in Veracruz; here it is a part of Culiacan
    got = found("Gunmen clashed with soldiers in the Tierra Blanca neighbourhood of Culiacan on 2 May 2021.")
    assert [n for _t, n, _c, _k in got] == ["Culiacán"]


def test_stretch_between_two_places_is_at_the_first() -> None:
    got = found("On 2 May 2021, fighting was reported in the Djibo-Arbinda area between soldiers and militants.")
    assert [(t, c, k) for t, _n, c, k in got] == [("Djibo", "BF", "district")]


def test_another_spelling_of_a_town_under_its_units() -> None:
    # GeoNames spells these "Ma'rib" and "Mek'ele"; "Taizz" is an alternate spelling of "Taiz"
    assert [n for _t, n, _c, _k in found("On 2 May 2021, in Marib (Marib), missiles hit a camp.")] == ["Ma'rib"]
    assert [n for _t, n, _c, _k in found("On 2 May 2021, in Taizz (Taizz), snipers shot a boy.")] == ["Taiz"]


def test_a_demonym_is_no_spelling_of_a_town() -> None:
    got = found("On 2 May 2021, in Idlib (Idlib), Syrian aircraft struck a market.")
    assert ("Syrian", "Sirjan", "IR", "city") not in got


def test_unit_known_only_as_a_town_abroad_leaves_the_name_alone() -> None:
    # "Cortes" is in the gazetteer only as towns of other countries than Honduras
    got = found("On 2 May 2021, in San Pedro Sula (Cortes), gang members shot a bus driver.")
    assert [(n, c) for _t, n, c, _k in got] == [("San Pedro Sula", "HN")]


def test_unit_that_is_also_a_common_word() -> None:
    # "Unity" is a state of South Sudan; Bentiu is too small to be read without it
    got = found("On 7 July 2019, in Bentiu (Unity), youths looted a warehouse.")
    assert [(n, c) for _t, n, c, _k in got] == [("Bentiu", "SS")]


def test_a_hamlet_named_like_the_unit_does_not_place_the_name() -> None:
    # "Michoacan" is in the gazetteer as a hamlet of Chiapas; the city of Apatzingan is meant
    got = places.find_places(analyse("On 7 July 2019, in Apatzingan (Michoacan), gunmen shot at police.", "en"))
    assert [(m.country, m.population > 50_000) for m in got] == [("MX", True)]


def test_units_in_ukrainian() -> None:
    text = "5 травня 2023 року у селі Калинівка (Донецька область) військові обстріляли житлові будинки."
    got = places.find_places(analyse(text, "uk"))
    assert [(m.name, m.admin1) for m in got] == [("Kalynivka", "Donetsk Oblast")]


def test_region_after_a_comma_qualifies_the_name() -> None:
    got = places.find_places(analyse("On 4 June 2020, in Kalynivka village, Donetsk oblast, residents blocked "
                                     "a road.", "en"))
    assert [(m.name, m.admin1) for m in got] == [("Kalynivka", "Donetsk Oblast")]
    # a list of towns is no name and its unit
    got = places.find_places(analyse("On 4 June 2020, protests were held in Kyiv, Lviv and Odesa.", "en"))
    assert [m.name for m in got] == ["Kyiv", "Lviv", "Odesa"]


def test_unknown_village_falls_back_to_a_region_placed_at_its_centre() -> None:
    # GeoNames places no centre for Borno state; the unit data puts it at its capital
    got = places.find_places(analyse("On 7 July 2019, in Ngoshe village (Borno), gunmen abducted three traders.",
                                     "en"))
    assert [(m.name, m.country, m.kind) for m in got] == [("Borno", "NG", "admin1")]
    assert got[0].latitude is not None and abs(got[0].latitude - 11.8) < 0.5


def test_units_spelled_as_acled_spells_them() -> None:
    # "Sud-Ouest" names a region of Cameroon and one of Burkina Faso: the town before it decides
    got = found("On 8 March 2021, in Limbe (Fako, Sud-Ouest), separatist fighters clashed with soldiers.")
    assert [(t, c) for t, _n, c, _k in got] == [("Limbe", "CM")]
    # a unit GeoNames writes otherwise ("Shabeellaha Dhexe") still resolves, as the fallback region
    got = found("On 9 March 2021, in Warmahan village (Middle Shabelle), militants burned a shop.")
    assert [(c, k) for _t, _n, c, k in got] == [("SO", "admin1")]


def test_road_in_units_falls_back_to_the_innermost_unit() -> None:
    # the towns a road joins are not the place; the units in the parenthesis after it are
    got = found("On 2 April 2021, on the Tera-Dori road (Tera, Tillaberi), an IED hit a lorry.")
    assert [(n, c, k) for _t, n, c, k in got] == [("Téra", "NE", "district")]


def test_cercle_is_an_area_word() -> None:
    got = found("On 6 April 2021, in Douentza cercle (Mopti), gunmen killed four herders.")
    assert [(t, c, k) for t, _n, c, k in got] == [("Douentza", "ML", "district")]


def test_a_name_the_gazetteer_spells_otherwise() -> None:
    # not in the gazetteer as written; the units say the country and the region, the spelling the town
    got = found("On 1 May 2022, in Kismaayo (Lower Juba), militants fired mortars at an army base.")
    assert [(t, n, c) for t, n, c, _k in got] == [("Kismaayo", "Kismayo", "SO")]
    got = found("On 2 May 2022, in Wad Madani (Al Jazirah), residents held a sit-in.")
    assert [(n, c) for _t, n, c, _k in got] == [("Wad Medani", "SD")]


def test_no_respelling_when_two_towns_are_as_close() -> None:
    # a name too short, or close to nothing: the unit stands for the place, not a guessed town
    got = found("On 3 May 2022, in Xyzzyville (Lower Juba), militants fired mortars at an army base.")
    assert [(c, k) for _t, _n, c, k in got] == [("SO", "admin1")]


def test_a_latin_name_found_as_written_is_not_its_lemma() -> None:
    # "Sagaing" is in the gazetteer: not the lemma "saga" (Saga, Japan)
    got = found("On 4 May 2022, in Sagaing, soldiers raided a monastery.")
    assert [(n, c) for _t, n, c, _k in got] == [("Sagaing", "MM")]


def test_region_with_its_noun_stands_at_its_centre() -> None:
    # "X region": a region the gazetteer cannot place by itself stands at its centre town (precision 3)
    got = found("On 5 May 2022, in Tigray region, soldiers detained dozens of young men.")
    assert [(c, k) for _t, _n, c, k in got] == [("ET", "admin1")]


def test_unknown_name_with_a_comma_region() -> None:
    # the gazetteer lacks the village: the region after the comma stands for it, not nothing
    got = found("On 6 May 2022, in Xyzzy village, Amhara region, gunmen burned a church.")
    assert [(c, k) for _t, _n, c, k in got] == [("ET", "admin1")]


def test_only_town_of_its_name_in_a_large_region() -> None:
    # far from the region's centre, but the name's only town in the country
    got = found("On 7 May 2022, in Tamu township, Sagaing region, soldiers torched a market.")
    assert [(n, c) for _t, n, c, _k in got] == [("Tamu", "MM")]


def test_spanish_particles_inside_a_unit() -> None:
    # "de los" inside a unit's name: one unit, not a town named after its last word
    got = found("On 8 May 2022, in Tixtla (Tixtla de los Guerrero, Guerrero), teachers blocked a road.")
    assert all(c == "MX" for _t, _n, c, _k in got) and len(got) == 1


def test_arabic_article_written_either_way() -> None:
    # GeoNames' "El Fasher" written "Al Fasher", also as a unit in the parenthesis
    got = found("On 9 May 2022, in Al Fasher (North Darfur), militiamen looted the central market.")
    assert [(n, c) for _t, n, c, _k in got] == [("El Fasher", "SD")]
