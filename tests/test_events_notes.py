"""English event typing on ACLED-style notes: ACLED's decision rules between Armed clash, Mob
violence, Violent demonstration, Attack, Excessive force and Protest with intervention, and the
lemma lexicons of the rarer sub-event types. Every note is invented."""

from __future__ import annotations

import pytest

from kronika.extract.events.snippets import snippet_events, snippet_type

RULES = [
    # weapons used in a fight between factions make it an armed clash, in its sentence or the next
    ("On 3 May 2021, in Farrow (Farrow), two factions of the youth front clashed; crude bombs were hurled "
     "and shots were fired.", "Armed clash"),
    ("On 3 May 2021, in Farrow (Farrow), two factions of the youth front clashed over a market lease. "
     "Several handmade bombs went off and rounds were fired.", "Armed clash"),
    # no weapons: mob violence, also when police are among the injured and then fire tear gas
    ("On 3 May 2021, in Farrow (Farrow), two factions of the ruling party clashed with sticks, injuring 12.",
     "Mob violence"),
    ("On 3 May 2021, in Farrow (Farrow), supporters of a local chairman attacked a party activist. The two "
     "factions clashed, injuring 20, including 3 police. Police fired tear gas shells to control the situation.",
     "Mob violence"),
    # organised attackers on a procession: force against the protest, excessive when people are hurt
    ("On 3 May 2021, in Farrow (Farrow), a group of ruling party cadres attacked a procession of the "
     "opposition. 8 were injured.", "Excessive force against protesters"),
    ("On 3 May 2021, in Farrow (Farrow), a group of ruling party cadres attacked a procession of the "
     "opposition and snatched their banners.", "Protest with intervention"),
    # the police seriously hurting peaceful protesters
    ("On 3 May 2021, in Farrow (Farrow), police beat protesting farmers with batons, leaving six of them "
     "hospitalised.", "Excessive force against protesters"),
    # demonstrators attacking the police: a riot, not an intervention
    ("On 3 May 2021, in Farrow (Farrow), protesters attacked police with bricks; police fired tear gas canisters and "
     "arrested 9.", "Violent demonstration"),
    # a crowd of villagers beating people is a mob
    ("On 3 May 2021, in Farrow (Farrow), a group of villagers attacked and beat three men they accused of "
     "cattle theft.", "Mob violence"),
    # an arrest that is the grievance of a protest is no intervention
    ("On 3 May 2021, in Farrow (Farrow), opposition supporters formed a human chain to protest the arrest of "
     "their spokesman.", "Peaceful protest"),
    # unknown men shooting someone dead: an attack, with victims of any kind near the act
    ("On 3 May 2021, in Farrow (Farrow), unidentified gunmen shot dead a local elder.", "Attack"),
    ("On 3 May 2021, in Farrow (Farrow), a teacher was shot dead by unknown assailants.", "Attack"),
    ("On 3 May 2021, in Farrow (Farrow), unknown men shot dead a nurse near the clinic.", "Attack"),
    # a lone or off-duty agent of the state killed by gunmen is attacked; a patrol that fought, a clash
    ("On 3 May 2021, in Farrow (Farrow), gunmen killed an off-duty soldier at a bus stop.", "Attack"),
    ("On 3 May 2021, in Farrow (Farrow), militants shot dead a policeman outside a bakery.", "Attack"),
    ("On 3 May 2021, in Farrow (Farrow), militants attacked an army patrol, killing a soldier.", "Armed clash"),
    ("On 3 May 2021, in Farrow (Farrow), insurgents stormed a police post and killed four officers.",
     "Armed clash"),
    # people protesting for detainees: the detention is the grievance, the protest is peaceful
    ("On 3 May 2021, in Farrow (Farrow), mothers of arrested students held a vigil outside the prison.",
     "Peaceful protest"),
    # communities fighting: an armed clash when arms are used or people die, a mob's violence otherwise
    ("On 3 May 2021, near Farrow (Farrow), villagers clashed with herdsmen over a water point; two died.",
     "Armed clash"),
    ("On 3 May 2021, near Farrow (Farrow), farmers and herders clashed with sticks over a field; five were hurt.",
     "Mob violence"),
    # a deal made by armed groups is news by itself
    ("On 3 May 2021, in Farrow (Farrow), the army and the rebels signed a peace deal ending months of fighting.",
     "Agreement"),
    # territory changing hands without a fight
    ("On 3 May 2021, the militia took control of Farrow town (Farrow) without a fight after the army left.",
     "Non-violent transfer of territory"),
]

LEXICON = [
    ("On 3 May 2021, in Farrow (Farrow), a journalist went missing after men in plain clothes took him away; "
     "his colleagues say security agents abducted him.", "Abduction/forced disappearance"),
    ("On 3 May 2021, in Farrow (Farrow), army engineers defused an IED buried under the bridge.",
     "Disrupted weapons use"),
    ("On 3 May 2021, in Farrow (Farrow), the rebel group relocated its headquarters to the hills.",
     "Headquarters or base established"),
    ("On 3 May 2021, in Farrow (Farrow), unknown persons set ablaze a polling station.",
     "Looting/property destruction"),
    ("On 3 May 2021, near Farrow (Farrow), mercenary forces captured the village of Oldby.",
     "Non-state actor overtakes territory"),
    ("On 3 May 2021, in Farrow (Farrow), two rebel factions merged to form a new alliance.",
     "Change to group/activity"),
    ("On 3 May 2021, in Farrow (Farrow), a suicide attacker detonated an explosive vest at a checkpoint.",
     "Suicide bomb"),
    ("On 3 May 2021, in Farrow (Farrow), regime forces attacked the suburb with toxic gas.", "Chemical weapon"),
    # doers of destruction with no gathering: unknown people, arsonists, soldiers (not a riot)
    ("On 3 May 2021, in Farrow (Farrow), unknown people burned the campaign office of a candidate.",
     "Looting/property destruction"),
    ("On 3 May 2021, in Farrow (Farrow), arsonists set fire to a village clinic.", "Looting/property destruction"),
    ("On 3 May 2021, in Farrow (Farrow), troops looted shops in the market.", "Looting/property destruction"),
    ("On 3 May 2021, the two armed movements announced a merger.", "Change to group/activity"),
    ("On 3 May 2021, in Farrow (Farrow), militants subjected two women to sexual slavery.",
     "Sexual violence"),
    # a rally and an arrest joined by "and" are two acts: the arrest is the intervention, not a grievance
    ("On 3 May 2021, in Farrow (Farrow), police stopped students from holding a rally and arrested six.",
     "Protest with intervention"),
    # party cadres killing people at a peaceful procession: force against the protest
    ("On 3 May 2021, in Farrow (Farrow), supporters of the mayor attacked a peaceful procession, killing one marcher.",
     "Excessive force against protesters"),
    ("On 3 May 2021, in Farrow (Farrow), shopkeepers kept their shops closed in protest against extortion.",
     "Peaceful protest"),
    # taken from their own homes: an arrest; outside someone else's house, at a protest there
    ("On 3 May 2021, in Farrow (Farrow), police detained the two leaders of the dockers' protest at their homes.",
     "Arrests"),
    ("On 3 May 2021, in Farrow (Farrow), police detained nine demonstrators outside the mayor's house.",
     "Protest with intervention"),
    # "banned" as a group's adjective says nothing of the act; a bomb that "went off" is no plan ("going to")
    ("On 3 May 2021, in Farrow (Farrow), police detained three members of a banned movement.", "Arrests"),
    ("On 3 May 2021, in Farrow (Farrow), police dispersed a banned rally and detained 12 people.",
     "Protest with intervention"),
    ("On 3 May 2021, in Farrow (Farrow), an explosive device hidden in a cart went off beside an army truck, "
     "wounding two soldiers.", "Remote explosive/landmine/IED"),
    # "those killed" are the dead a march mourns, not a killing at it
    ("On 3 May 2021, in Farrow (Farrow), hundreds of students marched in memory of those killed in the "
     "unrest.", "Peaceful protest"),
    # a protest that "was held" or "took place" is reported as an act, wherever the place is
    ("On 3 May 2021, a protest was held in Zorvik (Kelm) against the closure of a market.", "Peaceful protest"),
    # a crowd that protested is a gathering, wherever the place is
    ("On 3 May 2021, villagers protested in Farrow (Farrow) over the closure of their clinic.", "Peaceful protest"),
    # weapons of war are no crime story, whatever the targets were suspected of
    ("On 3 May 2021, near Farrow (Farrow), artillery pounded a hamlet suspected of sheltering insurgents.",
     "Shelling/artillery/missile attack"),
    ("On 3 May 2021, in Farrow (Farrow), the two clans concluded a reconciliation deal.", "Agreement"),
]

NOTHING = [
    # planned, threatened or ordinary crime: no event
    "On 3 May 2021, in Farrow (Farrow), the militia threatened to capture the town if its demands were not met.",
    "On 3 May 2021, in Farrow (Farrow), armed robbers shot dead a shopkeeper and stole the day's takings.",
    "On 3 May 2021, in Farrow (Farrow), police arrested two men suspected of stealing cattle.",
    "On 3 May 2021, in Farrow (Farrow), a lorry collided with a minibus, killing seven passengers.",
    "On 3 May 2021, in Farrow (Farrow), the two governments signed a trade agreement.",
    "On 3 May 2021, in Farrow (Farrow), the authorities banned the opposition rally planned for Sunday.",
    "On 3 May 2021, in Farrow (Farrow), the governor imposed a ban on protests in the city centre.",
    # a topic, a detention as a state: no act of this day
    "On 3 May 2021, in Farrow (Farrow), deputies debated a bill to limit the use of force by police at protests.",
    "On 3 May 2021, in Farrow (Farrow), a union leader was released on bail after a month in detention.",
]


@pytest.mark.parametrize("text, sub", RULES + LEXICON, ids=[f"r{i}" for i in range(len(RULES + LEXICON))])
def test_note_type(text: str, sub: str) -> None:
    assert snippet_type(text, "en") == sub


@pytest.mark.parametrize("text", NOTHING, ids=[f"n{i}" for i in range(len(NOTHING))])
def test_note_without_event(text: str) -> None:
    assert snippet_events(text, "en") == []


def test_faction_fight_with_bombs_is_one_event() -> None:
    """The blasts of a fight are its weapons, not a second (remote violence) event."""
    text = ("On 3 May 2021, in Farrow (Farrow), two factions of the youth front clashed over a market lease. "
            "Several handmade bombs went off and rounds were fired.")
    events = snippet_events(text, "en")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].actor1 == "Political militia"


def test_police_taking_a_square_is_no_territory() -> None:
    """Territory is regained from armed groups; the police clearing a protest square regain nothing."""
    text = ("On 3 May 2021, in Farrow (Farrow), protesters occupied the main square. Police took control of the "
            "square the next morning.")
    assert all(e.sub_event_type != "Government regains territory" for e in snippet_events(text, "en"))


def test_single_resident_is_no_mob() -> None:
    """One resident hitting another is not a crowd's violence."""
    text = "On 3 May 2021, in Farrow (Farrow), a resident attacked his neighbour during a quarrel."
    assert snippet_type(text, "en") != "Mob violence"


# aircraft as the doer, people taken away: the strike verb after the aircraft and the people as the
# object decide (violence.aircraft_struck, violence.person_taken)
TAKEN_AND_AIR = [
    ("On 8 June 2021, in Corvel (Corvel), military aircraft destroyed a fuel store of the rebels.", "Air/drone strike"),
    ("On 8 June 2021, the air force targeted positions of the Sun Front near Corvel (Corvel).", "Air/drone strike"),
    ("On 8 June 2021, in Corvel (Corvel), soldiers rounded up 30 young men at the bus park.", "Arrests"),
    ("On 8 June 2021, in Corvel (Corvel), intelligence agents picked up an opposition activist at a cafe.", "Arrests"),
    ("On 8 June 2021, near Corvel (Corvel), gunmen snatched a cattle trader on the highway.",
     "Abduction/forced disappearance"),
    ("On 8 June 2021, near Corvel (Corvel), bandits seized two nurses from a clinic.",
     "Abduction/forced disappearance"),
    # the town, not people, is what was seized: territory
    ("On 8 June 2021, bandits seized the town of Corvel (Corvel) after the soldiers fled.",
     "Non-state actor overtakes territory"),
]


@pytest.mark.parametrize(("text", "sub"), TAKEN_AND_AIR)
def test_taken_people_and_aircraft(text: str, sub: str) -> None:
    assert snippet_type(text, "en") == sub


def test_aircraft_and_goods_picked_up_are_no_event() -> None:
    # aircraft that only flew, a parcel picked up: nothing struck, nobody taken
    assert snippet_type("On 8 June 2021, military aircraft flew over Corvel (Corvel) during the parade.", "en") is None
    assert snippet_type("On 8 June 2021, in Corvel (Corvel), a courier picked up a parcel at the depot.", "en") is None
    # a missile that destroyed aircraft on the ground: the aircraft are the target, not the doer
    assert snippet_type("On 8 June 2021, a missile destroyed two aircraft at the Corvel (Corvel) airfield.",
                        "en") != "Air/drone strike"


def test_party_men_killing_at_a_march_is_force_against_it() -> None:
    # a ruling party's men attacking a march: force against the protest; militants firing on one: an attack
    assert snippet_type("On 8 June 2021, in Corvel (Corvel), ruling party cadres attacked a procession of the "
                        "opposition, killing one.", "en") == "Excessive force against protesters"
    assert snippet_type("On 8 June 2021, in Corvel (Corvel), militants opened fire on a rally of the opposition, "
                        "killing one.", "en") == "Attack"


def test_one_resident_detained_is_no_arrest_event() -> None:
    # one person held after a knife fight is a crime story's suspect; forty men rounded up are arrests
    assert snippet_type("On 8 June 2021, in Corvel (Corvel), police detained a resident who had wounded a "
                        "neighbour with a knife.", "en") is None
    assert snippet_type("On 8 June 2021, in Corvel (Corvel), police detained 40 residents in a night sweep.",
                        "en") == "Arrests"


@pytest.mark.parametrize(("text", "sub"), [
    # a weapon as the subject of "destroyed" struck something: no weapon was disrupted
    ("On 4 June 2022, near Pinebrook (Pinebrook), a guided missile hit and destroyed a cargo plane parked at "
     "the airfield.", "Shelling/artillery/missile attack"),
    ("On 4 June 2022, near Pinebrook (Pinebrook), air defence units destroyed a cruise missile.",
     "Disrupted weapons use"),
    ("On 4 June 2022, near Pinebrook (Pinebrook), three drones were shot down over the town.",
     "Disrupted weapons use"),
    # the owner's of-phrase between the aircraft and its strike verb
    ("On 5 June 2022, near Pinebrook (Pinebrook), gunships of the national air force pounded rebel "
     "hideouts.", "Air/drone strike"),
    # a ruling party's youth beating an opponent: a party militia's attack, not a mob
    ("On 6 June 2022, in Pinebrook (Pinebrook), ruling party youth assaulted an opposition councillor with "
     "clubs.", "Attack"),
    # the crime word is the charge of the arrest, not a crime story
    ("On 7 June 2022, in Pinebrook (Pinebrook), customs officers took four men into custody on suspicion of "
     "smuggling fuel.", "Arrests"),
    ("On 7 June 2022, in Pinebrook (Pinebrook), police detained two lorry drivers accused of trafficking "
     "drugs.", "Arrests"),
])
def test_typing_of_weapons_party_youth_and_charges(text: str, sub: str) -> None:
    assert snippet_type(text) == sub


def test_crime_story_stays_no_event() -> None:
    # a robbery and the robber's arrest: crime, whatever the arrest
    assert snippet_type("On 8 June 2022, in Pinebrook (Pinebrook), police arrested a man who had robbed a "
                        "petrol station.") is None


@pytest.mark.parametrize(("text", "sub"), [
    # an armed group named by its abbreviation is armed, whatever noun follows it
    ("On 9 June 2022, in Pinebrook (Pinebrook), ELN guerrilla dissidents shot dead a community leader.", "Attack"),
    # militants attacking a militia's post, only militiamen killed: a fight between armed groups
    ("On 10 June 2022, near Pinebrook (Pinebrook), ISWAP militants raided a CJTF checkpoint, killing three "
     "CJTF members.", "Armed clash"),
    # "opposition fighters", "SDF forces": the word before the armed noun qualifies it
    ("On 11 June 2022, near Pinebrook (Pinebrook), opposition fighters and YPG forces exchanged fire.",
     "Armed clash"),
    # protesters after a preposition and a hyphenated modifier are the targets, not the doers
    ("On 12 June 2022, in Pinebrook (Pinebrook), soldiers fired on pro-democracy marchers, killing four.",
     "Excessive force against protesters"),
])
def test_named_groups_and_qualified_actors(text: str, sub: str) -> None:
    assert snippet_type(text) == sub


@pytest.mark.parametrize(("text", "sub"), [
    # peacekeepers attacked: a fight with an external force, not violence against civilians
    ("On 13 June 2022, near Pinebrook (Pinebrook), gunmen ambushed a peacekeeping patrol with rifles.",
     "Armed clash"),
    # one plural subject of rival communities names both sides of a deadly fight
    ("On 14 June 2022, near Pinebrook (Pinebrook), feuding pastoralists clashed over grazing land; 6 people "
     "died.", "Armed clash"),
])
def test_external_targets_and_rival_communities(text: str, sub: str) -> None:
    assert snippet_type(text) == sub


@pytest.mark.parametrize(("text", "sub"), [
    # a crowd of civilians killing a man accused of a crime: mob violence, not a crime story
    ("On 15 June 2022, in Pinebrook (Pinebrook), villagers beat to death two men suspected of cattle theft.",
     "Mob violence"),
    # an official taken into custody on a charge: an arrest
    ("On 16 June 2022, in Pinebrook (Pinebrook), anti-graft police took a former minister into custody on "
     "charges of embezzlement.", "Arrests"),
])
def test_suspects_beaten_or_held(text: str, sub: str) -> None:
    assert snippet_type(text) == sub


def test_one_person_killing_is_no_mob() -> None:
    assert snippet_type("On 17 June 2022, in Pinebrook (Pinebrook), a farmer killed his brother in a land "
                        "dispute.") is None


@pytest.mark.parametrize(("text", "sub"), [
    # two armed groups fighting: the people killed are the fight's toll, not civilians attacked
    ("On 18 June 2022, near Pinebrook (Pinebrook), ELN fighters and FARC dissidents fought for a river "
     "crossing; 11 people were killed.", "Armed clash"),
    # cartels are armed groups
    ("On 19 June 2022, near Pinebrook (Pinebrook), gunmen of two rival cartels exchanged fire for hours.",
     "Armed clash"),
])
def test_fights_between_armed_groups(text: str, sub: str) -> None:
    assert snippet_type(text) == sub


def test_tenure_in_an_actor_name_is_no_story_year() -> None:
    # ACLED writes an actor's tenure after its name: "(2016-2022)" dates no event of the past
    got = snippet_events("On 20 June 2021, Military Forces of Pinebrook (2016-2022) clashed with rebels near "
                         "Farrow (Farrow).")
    assert [(e.sub_event_type, e.date) for e in got] == [("Armed clash", "2021-06-20")]
    # a year range in the story's own words still recalls the past
    assert snippet_events("On 20 June 2021, veterans recalled the clashes of 2014-2016 with rebels near Farrow "
                          "(Farrow).") == []


def test_islamic_state_names_an_armed_group() -> None:
    # the group's name as words, not a noun of the lexicon: militants attacking a militia's post fight it
    assert snippet_type("On 21 June 2022, the Islamic State Farrow Province attacked a CJTF post in Farrow "
                        "(Farrow).") == "Armed clash"
