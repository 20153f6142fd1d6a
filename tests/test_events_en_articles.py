"""English wire and feature articles: the dateline is where the story was filed, a perfect over a
span of time is a summary. Every sentence is invented for this test."""

from __future__ import annotations

from kronika.model import Article
from kronika.pipeline import extract


def _events(text: str, published: str = "2024-05-10") -> list[tuple[str | None, str | None, str | None]]:
    res = extract(Article(text=text, lang="en", published=published))
    return [(e.sub_event_type, e.location, e.date) for e in res.events]


def test_dateline_yields_to_the_place_of_the_event() -> None:
    got = _events("KADUNA, Nigeria (Reuters) - Gunmen abducted 14 farmers near Zaria on Wednesday, "
                  "police said.")
    assert [(s, loc) for s, loc, _ in got] == [("Abduction/forced disappearance", "Zaria")]


def test_dateline_is_the_place_when_the_sentence_names_none() -> None:
    got = _events("QUITO, Ecuador (AP) — Police fired tear gas on Thursday at hundreds of students "
                  "marching against fee increases.")
    assert [(s, loc) for s, loc, _ in got] == [("Protest with intervention", "Quito")]


def test_dateline_town_named_again_keeps_one_event() -> None:
    got = _events("HARARE, Zimbabwe (AFP) - Riot police dispersed a march by street vendors in Harare on "
                  "Monday with tear gas.")
    assert [loc for _, loc, _ in got] == ["Harare"]


def test_perfect_over_weeks_is_a_summary() -> None:
    text = ("Militia fighters have besieged the town of Kalemie for three weeks. On Tuesday, mortar shells "
            "hit the town's market, killing four traders, residents said.")
    got = _events(text, "2024-05-10")
    assert [s for s, _, _ in got] == ["Shelling/artillery/missile attack"]


def test_perfect_this_year_is_a_summary_but_this_week_is_news() -> None:
    assert _events("Armed gangs have kidnapped more than 200 people in Port-au-Prince this year.") == []
    got = _events("Police have fired tear gas at protesters in Lima this week.")
    assert [s for s, _, _ in got] == ["Protest with intervention"]


def test_place_in_quoted_speech_is_not_the_event_place() -> None:
    text = ("TOULOUSE, France (AP) — Hundreds of wine growers blocked a motorway outside Toulouse on Monday "
            "to protest against falling prices.\n\n\"The ministers in Paris never listen to us,\" said "
            "Pierre Laval, a grower who joined the blockade with his tractor.")
    got = _events(text)
    assert [loc for _, loc, _ in got] == ["Toulouse"]


def test_arrests_after_a_gathering_belong_to_it() -> None:
    text = ("A crowd attacked a pastor and burned his car in Multan on Sunday after a rumour spread online. "
            "Police said 25 people were arrested overnight.")
    got = _events(text, "2024-05-14")
    assert [(s, d) for s, _, d in got] == [("Mob violence", "2024-05-12")]


def test_a_month_back_and_a_habit_are_backdrop() -> None:
    text = ("LUSAKA, Zambia (AP) — Police detained 40 opposition supporters in Lusaka on Tuesday as they tried "
            "to march to the electoral commission. Last month, officers shot dead two protesters in Kitwe.")
    assert [loc for _, loc, _ in _events(text)] == ["Lusaka"]
    text = ("JUBA, South Sudan — Militia fighters shell the town of Malakal almost daily, residents say. On "
            "Monday a shell hit a clinic, killing three patients.")
    assert [(s, loc, d) for s, loc, d in _events(text)] == [
        ("Shelling/artillery/missile attack", "Malakal", "2024-05-06")]


def test_sport_words_without_striker_or_stadium() -> None:
    text = ("The visiting winger attacked down the right and fired past the goalkeeper in Glasgow on Saturday. "
            "A late strike killed off the contest before the final whistle.")
    assert _events(text) == []
    # striking workers are a crowd, not forwards
    assert [s for s, _, _ in _events("Striking dockers marched to the port offices in Mombasa on Monday.")] == [
        "Peaceful protest"]


def test_rioters_property_destruction_met_with_tear_gas_is_a_riot() -> None:
    text = ("Youths burned cars and looted a supermarket in Conakry for a second night on Friday after the "
            "arrest of an opposition leader. Police fired tear gas to drive them back.")
    assert [s for s, _, _ in _events(text)] == ["Violent demonstration"]
    assert [s for s, _, _ in _events("Unknown men set fire to a school in Kumba on Monday, police said.")] == [
        "Looting/property destruction"]


def test_past_perfect_goes_on_recalling_an_earlier_year() -> None:
    text = ("LUSAKA, Zambia — A Lusaka court on Thursday jailed a police sergeant for killing a student during "
            "protests in 2016. The sergeant had fired live rounds at the students during clashes in Kabwe.")
    assert _events(text, "2024-05-10") == []
    # the past perfect of a story's own day is still news
    text = ("Police said on Monday that gunmen had abducted six traders near Kabwe on Sunday night.")
    assert [s for s, _, _ in _events(text, "2024-05-07")] == ["Abduction/forced disappearance"]


def test_who_used_force_first() -> None:
    # the crowd first: a riot, whatever the police answered with
    text = "Demonstrators threw flares at riot police in Yerevan on Monday, who responded with stun grenades."
    assert [s for s, _, _ in _events(text)] == ["Violent demonstration"]
    # the police first: the crowd's answer keeps it a protest with intervention
    text = ("Police fired water cannon at students outside parliament in Yerevan on Monday, who responded by "
            "throwing bottles.")
    assert [s for s, _, _ in _events(text)] == ["Protest with intervention"]
    text = ("Riot police used tear gas to end a sit-in outside the ministry in Yerevan on Monday. The students "
            "fought back, hurling stones at the officers.")
    assert [s for s, _, _ in _events(text)] == ["Protest with intervention"]


def test_the_start_of_a_wave_is_backdrop() -> None:
    text = ("Hundreds of students blocked the main avenue of Cali on Wednesday. Since the protests began on "
            "May 1, at least 12 people have died in the city, the ombudsman said.")
    assert [(s, d) for s, _, d in _events(text, "2024-05-10")] == [("Peaceful protest", "2024-05-08")]


def test_gunmen_storming_a_school_to_take_pupils_is_an_abduction() -> None:
    text = "Gunmen stormed a secondary school near Zaria on Tuesday and abducted 30 pupils, police said."
    assert [s for s, _, _ in _events(text)] == ["Abduction/forced disappearance"]
    text = "Protesters stormed the governor's office in Zaria on Tuesday and held two officials hostage."
    assert [s for s, _, _ in _events(text)] == ["Violent demonstration"]


def test_a_modifier_between_preposition_and_crowd_keeps_it_the_target() -> None:
    text = "Soldiers opened fire on pro-democracy marchers in Mandalay on Sunday, killing seven people."
    assert [s for s, _, _ in _events(text)] == ["Excessive force against protesters"]


def test_places_of_another_incident_or_of_a_speaking_capital_are_not_taken() -> None:
    text = "Gunmen shot dead a district chief on Tuesday. The killing came days after a similar attack in Bauchi."
    assert [loc for _, loc, _ in _events(text)] != ["Bauchi"]
    text = "Militants killed four farmers on Sunday, local officials said. Paris condemned the attack."
    assert all(loc != "Paris" for _, loc, _ in _events(text))


def test_what_a_gathering_protests_is_not_what_happened_at_it() -> None:
    text = "Students marched in Accra on Monday against the police killing of a classmate in Kumasi."
    assert [(s, loc) for s, loc, _ in _events(text)] == [("Peaceful protest", "Accra")]
    text = "Hundreds rallied in Nantes on Saturday in solidarity with activists detained in Rennes."
    assert [(s, loc) for s, loc, _ in _events(text)] == [("Peaceful protest", "Nantes")]
    # force at the gathering itself stays its own
    text = "Students marched in Accra on Monday, and police detained 20 of them."
    assert [s for s, _, _ in _events(text)] == ["Protest with intervention"]


def test_suspected_links_to_an_armed_group_are_no_crime_story() -> None:
    text = "Soldiers shot dead nine herders suspected of aiding jihadists near Djibo on Sunday, residents said."
    assert [s for s, _, _ in _events(text)] == ["Attack"]
    assert _events("Police shot dead a man suspected of robbing a bank in Lagos on Monday.") == []


def test_a_capital_speaking_in_the_event_sentence_is_not_its_place() -> None:
    text = "Militants overran an army post near Gao on Monday, killing four soldiers, Bamako said."
    assert all(loc != "Bamako" for _, loc, _ in _events(text))


def test_striking_workers_on_the_scene_are_a_crowd() -> None:
    text = "Riot police fired tear gas at striking nurses outside the health ministry in Harare on Monday."
    assert [s for s, _, _ in _events(text)] == ["Protest with intervention"]


def test_an_attack_an_armed_group_did_not_comment_on_is_no_second_event() -> None:
    text = ("GAO, Mali (AP) — Drones hit a market in Gao on Sunday, killing four traders. The militia did not "
            "comment on the attack.")
    assert [s for s, _, _ in _events(text, "2025-03-04")] == ["Air/drone strike"]


def test_a_story_day_of_another_verb_leaves_the_act_to_its_recalled_year() -> None:
    text = "A court in Ndola on Tuesday fined a constable for beating a vendor during riots in 2015."
    assert _events(text, "2025-03-05") == []
    # the day that dates the act itself is the story's, whatever year the sentence compares it with
    text = "As in 2015, vendors in Ndola on Tuesday marched to the council offices."
    assert [s for s, _, _ in _events(text, "2025-03-05")] == ["Peaceful protest"]
