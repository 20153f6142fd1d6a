#!/usr/bin/env python3
"""English event typing on ACLED-style snippets, in the format of CASE 2021 task 2.

Reads the shared task's samples (`corpora/case2021/task2/sample_data`: `id<TAB>snippet` input,
`id<TAB>LABEL` gold) and a small set of snippets written for kronika in the same style, one or two
per sub-event type (below), and the larger invented note sets of `bench/notes/` (a tuned half and
a held-out half written first and never tuned on), types each with `kronika.extract.events.snippets.snippet_type` and prints
accuracy and weighted F1 over the 25 labels (the shared task's best weighted F1 was 0.839).

Usage: python bench/case2021_check.py [--shared ../shared] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kronika.extract.events.snippets import snippet_type

CASE_LABEL = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}

# Written for this check in the ACLED notes' style (invented places and groups).
OWN = [
    ("PEACE_PROTEST", "On 3 March 2021, in Rivertown (North), around 200 teachers staged a protest outside the "
                      "education office demanding unpaid salaries. The protest ended peacefully."),
    ("PEACE_PROTEST", "On 5 March 2021, in Lakeside, members of a farmers' union held a rally against new land "
                      "regulations."),
    ("PROTEST_WITH_INTER", "On 7 March 2021, in Hilltown, police fired tear gas to disperse students who were "
                           "protesting against a fee increase. Several students were detained."),
    ("PROTEST_WITH_INTER", "On 9 March 2021, in Port Amber, police arrested 12 demonstrators during a sit-in "
                           "outside the governor's office."),
    ("FORCE_AGAINST_PROTEST", "On 11 March 2021, in Greenfield, security forces opened fire on peaceful "
                              "protesters, killing three."),
    ("VIOL_DEMONSTR", "On 12 March 2021, in Stonebridge, protesters threw stones at police and set tyres on fire "
                      "on the main road. Police used batons."),
    ("VIOL_DEMONSTR", "On 14 March 2021, in Westport, demonstrators vandalized the municipal building and smashed "
                      "the windows of shops during a protest against the election results."),
    ("MOB_VIOL", "On 15 March 2021, in Oldmill village, a mob beat a man accused of theft to death."),
    ("MOB_VIOL", "On 16 March 2021, in Eastvale, supporters of two rival party factions clashed with sticks, "
                 "injuring 10."),
    ("ATTACK", "On 17 March 2021, in Dryfield, unidentified gunmen shot and killed a village chief at his home."),
    ("ATTACK", "On 18 March 2021, in Redwater, militants attacked civilians in a market, killing four."),
    ("ABDUCT_DISSAP", "On 19 March 2021, in Northgate, armed men abducted two aid workers from their vehicle."),
    ("SEX_VIOL", "On 20 March 2021, in Bluehill, soldiers raped two women during a raid on the village."),
    ("ARMED_CLASH", "On 21 March 2021, in Pinewood, government troops clashed with rebels; two soldiers were "
                    "killed."),
    ("ARMED_CLASH", "On 22 March 2021, near Kestrel, militants ambushed an army patrol and a gun battle followed."),
    ("GOV_REGAINS_TERIT", "On 23 March 2021, the army recaptured the town of Ashford from the rebels after heavy "
                          "fighting."),
    ("NON_STATE_ACTOR_OVERTAKES_TER", "On 24 March 2021, insurgents seized control of the district of Elmford "
                                      "after government forces withdrew."),
    ("ART_MISS_ATTACK", "On 25 March 2021, in Coalport, military forces shelled residential areas, wounding five "
                        "civilians."),
    ("ART_MISS_ATTACK", "On 26 March 2021, rebels fired rockets at the airport of Sandbay."),
    ("AIR_STRIKE", "On 27 March 2021, in Dunmore, an airstrike by the air force hit a suspected militant camp."),
    ("AIR_STRIKE", "On 28 March 2021, a drone strike hit a vehicle near Fairhaven, killing two militants."),
    ("SUIC_BOMB", "On 29 March 2021, in Marlow, a suicide bomber blew himself up at a police checkpoint, killing "
                  "six."),
    ("REM_EXPLOS", "On 30 March 2021, near Brookfield, a roadside bomb exploded as a military convoy passed, "
                   "wounding three soldiers."),
    ("REM_EXPLOS", "On 31 March 2021, a civilian was killed when he stepped on a landmine near Oakridge."),
    ("GRENADE", "On 1 April 2021, in Highbury, unidentified men threw a grenade at a police post, injuring two "
                "officers."),
    ("CHEM_WEAP", "On 2 April 2021, in Greystone, government forces used chemical weapons in an attack on the "
                  "town; dozens suffered from chlorine gas."),
    ("ARREST", "On 3 April 2021, in Capital City, police arrested an opposition activist at his home."),
    ("ARREST", "On 4 April 2021, in Riverside, security forces detained three journalists of an independent "
               "newspaper."),
    ("AGREEMENT", "On 5 April 2021, the government and the rebel movement signed a ceasefire agreement."),
    ("AGREEMENT", "On 6 April 2021, the two armed groups carried out a prisoner exchange, releasing 40 fighters "
                  "each."),
    ("DISR_WEAP", "On 7 April 2021, in Westfield, soldiers defused an improvised explosive device planted on the "
                  "road."),
    ("DISR_WEAP", "On 8 April 2021, air defence forces shot down two drones over Eastport."),
    ("PROPERTY_DISTRUCT", "On 9 April 2021, in Fernhill, militiamen looted shops and burned houses in the village."),
    ("HQ_ESTABLISHED", "On 10 April 2021, the rebel group established a base in the forest near Millbrook."),
    ("NON_VIOL_TERRIT_TRANSFER", "On 11 April 2021, government forces withdrew from the town of Cliffside and "
                                 "handed over control to the militia without fighting."),
    ("CHANGE_TO_GROUP_ACT", "On 12 April 2021, the two militant factions merged with each other and announced the "
                            "formation of a new group."),
    ("OTHER", "On 13 April 2021, the government imposed a curfew in Northport."),
]

# Written after the rules were tuned and never tuned on: an honest second look (one per label).
HELD_OUT = [
    ("PEACE_PROTEST", "On 2 May 2022, in Port Vale, nurses marched to the health ministry to demand overdue "
                      "allowances; the march was peaceful."),
    ("PROTEST_WITH_INTER", "On 3 May 2022, in Kingsbridge, riot police used water cannon against students "
                           "blocking the main avenue and detained 40."),
    ("FORCE_AGAINST_PROTEST", "On 4 May 2022, in Torrent, soldiers shot dead two demonstrators during a "
                              "peaceful march against fuel prices."),
    ("VIOL_DEMONSTR", "On 5 May 2022, in Alder, angry residents protesting power cuts torched a power company "
                      "office and pelted police with rocks."),
    ("MOB_VIOL", "On 6 May 2022, in Copperfield, a group of villagers lynched two men suspected of witchcraft."),
    ("ATTACK", "On 7 May 2022, in Hawkmoor, militants opened fire on a minibus, killing six passengers."),
    ("ABDUCT_DISSAP", "On 8 May 2022, near Redcliff, gunmen kidnapped a priest and demanded a ransom."),
    ("SEX_VIOL", "On 9 May 2022, in Eastbrook, militia members sexually assaulted a woman at a checkpoint."),
    ("ARMED_CLASH", "On 10 May 2022, in Marsh district, security forces and insurgents exchanged fire for "
                    "several hours; four militants were killed."),
    ("GOV_REGAINS_TERIT", "On 11 May 2022, government forces retook the town of Silverton, which had been held "
                          "by rebels since March."),
    ("NON_STATE_ACTOR_OVERTAKES_TER", "On 12 May 2022, militants captured the town of Northfield after "
                                      "overrunning an army base."),
    ("ART_MISS_ATTACK", "On 13 May 2022, artillery shells fired by the army hit a residential area of Brightwater, "
                        "injuring seven."),
    ("AIR_STRIKE", "On 14 May 2022, warplanes bombed a bridge near Clayton; no casualties were reported."),
    ("SUIC_BOMB", "On 15 May 2022, in Rockport, a suicide attack on a mosque killed 12 worshippers."),
    ("REM_EXPLOS", "On 16 May 2022, an improvised explosive device detonated under a police vehicle in Westmere, "
                   "wounding two officers."),
    ("GRENADE", "On 17 May 2022, in Dunhill, an unidentified man hurled a hand grenade into a bar, injuring five."),
    ("CHEM_WEAP", "On 18 May 2022, residents of Fallbrook reported a chlorine gas attack by government forces."),
    ("ARREST", "On 19 May 2022, in Capitol, police arrested a prominent opposition leader on charges of "
               "incitement."),
    ("AGREEMENT", "On 20 May 2022, the government and the armed group agreed to a truce in the northern region."),
    ("DISR_WEAP", "On 21 May 2022, the army seized a weapons cache including rockets and explosives in Oakvale."),
    ("PROPERTY_DISTRUCT", "On 22 May 2022, rebels looted a health centre and burned a market in Pinecrest."),
    ("HQ_ESTABLISHED", "On 23 May 2022, the armed group set up a base in an abandoned school near Ridgeway."),
    ("NON_VIOL_TERRIT_TRANSFER", "On 24 May 2022, the militia withdrew from the town of Elmwood, handing over "
                                 "control to the army without a fight."),
    ("CHANGE_TO_GROUP_ACT", "On 25 May 2022, the rebel group announced the formation of a new political wing."),
    ("OTHER", "On 26 May 2022, authorities declared a state of emergency in the eastern provinces."),
]


NOTES = Path(__file__).resolve().parent / "notes"


def load_notes(name: str) -> list[tuple[str, str]]:
    """Invented ACLED-style notes (`bench/notes/<name>.tsv`: LABEL<TAB>note, `#` comments)."""
    path = NOTES / f"{name}.tsv"
    rows = [line.rstrip("\n").split("\t", 1) for line in path.open(encoding="utf-8")
            if line.strip() and not line.startswith("#")]
    return [(label, text) for label, text in rows]


def load_samples(shared: Path) -> list[tuple[str, str]]:
    base = shared / "data" / "corpora" / "case2021" / "task2" / "sample_data"
    inp, out = base / "sample_input.txt", base / "sample_output.txt"
    if not inp.is_file() or not out.is_file():
        print(f"(CASE 2021 samples not found under {base}; checking kronika's own snippets only)",
              file=sys.stderr)
        return []
    texts = dict(line.rstrip("\n").split("\t", 1) for line in inp.open(encoding="utf-8") if "\t" in line)
    gold = dict(line.split() for line in out.open(encoding="utf-8") if line.strip())
    return [(gold[k], texts[k]) for k in texts if k in gold]


def weighted_f1(pairs: list[tuple[str, str]]) -> float:
    support = Counter(g for g, _ in pairs)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = n - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        total += f1 * n
    return total / sum(support.values())


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    for name, items in (("CASE 2021 samples", load_samples(args.shared)), ("kronika snippets (tuned on)", OWN),
                        ("kronika snippets (held out)", HELD_OUT), ("invented notes (tuned on)", load_notes("tuned")),
                        ("invented notes (tuned on, second batch)", load_notes("tuned2")),
                        ("invented notes (held out)", load_notes("heldout")),
                        ("invented notes (held out, second batch)", load_notes("heldout2")),
                        ("invented notes (held out, third batch)", load_notes("heldout3")),
                        ("invented notes (held out, fourth batch)", load_notes("heldout4")),
                        ("invented notes (held out, fifth batch)", load_notes("heldout5"))):
        if not items:
            continue
        pairs = []
        for code, text in items:
            pred = snippet_type(text, "en") or "Other"   # no event reads as ACLED's "Other"
            pairs.append((CASE_LABEL[code], pred))
            if args.verbose and pred != CASE_LABEL[code]:
                print(f"  {code:30s} -> {pred:35s} | {text[:90]}")
        acc = sum(g == p for g, p in pairs) / len(pairs)
        print(f"{name}: n={len(pairs)} accuracy {acc:.3f} weighted F1 {weighted_f1(pairs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
