#!/usr/bin/env python3
"""Regenerate data/lexicon/countries.tsv and data/lexicon/cities.tsv.

Sources:
- Unicode CLDR (via the Python package `babel`, which ships CLDR's locale data): territory
  names in Hindi (`hi`) and English (`en`), and the exemplar city of every time zone in both.
  CLDR is © Unicode, Inc., under the Unicode License v3 (https://www.unicode.org/license.txt).
- scripts/lexicon/curated/countries.tsv: spellings Hindi newspapers use beside CLDR's,
  demonyms, Wikidata ids and capitals, curated by hand by the newslens team.

Usage (from the project root):
    pip install babel==2.18.0
    python3 scripts/lexicon/gen_lexicon.py

Output rows: canonical, kind, wikidata, names (|-separated), adjectives (|-separated),
capital_of (the country a capital stands for when a story uses it for the government).
"""

import os
import re
import sys

import babel
from babel import Locale

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CURATED = os.path.join(ROOT, "scripts", "lexicon", "curated", "countries.tsv")
OUT = os.path.join(ROOT, "data", "lexicon")

# CLDR region codes that are not sovereign states: listed as places.
NOT_COUNTRIES = {
    "HK", "MO", "PR", "GL", "GI", "EH", "FO", "AW", "BM", "KY", "VG", "VI", "GU", "AS", "MP",
    "NC", "PF", "RE", "GP", "MQ", "YT", "GF", "PM", "WF", "TK", "NU", "CK", "FK", "GS", "SH",
    "AC", "TA", "IO", "CX", "CC", "NF", "HM", "BV", "TF", "AQ", "UM", "SJ", "AX", "IM", "JE",
    "GG", "MS", "AI", "TC", "BL", "MF", "SX", "CW", "BQ", "PN", "DG", "EA", "IC", "CP", "CQ",
}
# Region groupings that are organisations rather than places.
ORGANIZATIONS = {"EU": "Q458", "UN": "Q1065"}
# CLDR codes with no use as actors (pseudo-locales, "unknown region", currency areas).
SKIP = {"ZZ", "XA", "XB", "QO", "EZ", "001", "419"}
# Continents and large regions (3-digit UN M49 codes) with Wikidata ids where known.
REGION_IDS = {"142": "Q48", "150": "Q46", "002": "Q15", "009": "Q55643", "019": "Q828"}

HEADER = """# {what}
# Source: Unicode CLDR {cldr} via babel {babel} (territory names and time-zone exemplar cities in
# Hindi and English; Unicode License v3), merged with scripts/lexicon/curated/countries.tsv
# (spellings, demonyms, Wikidata ids and capitals curated by hand by the newslens team).
# Licence: CLDR data under the Unicode License v3; curated additions MIT OR Apache-2.0.
# Regenerate: pip install babel==2.18.0 && python3 scripts/lexicon/gen_lexicon.py
# canonical\tkind\twikidata\tnames\tadjectives\tcapital_of
"""


def clean(name):
    """Drop CLDR's parenthesised qualifiers ("हाँग काँग (चीन विशेष प्रशासनिक क्षेत्र)")."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    return name


def split(field):
    return [x.strip() for x in field.split("|") if x.strip()]


def add(forms, *names):
    for name in names:
        if name and name not in forms:
            forms.append(name)


def main():
    hi, en = Locale("hi"), Locale("en")
    curated = {}
    for line in open(CURATED, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        cols += [""] * (6 - len(cols))
        code, canonical, wikidata, names, adjectives, capital = cols[:6]
        curated[code] = (canonical, wikidata, split(names), split(adjectives), split(capital))

    rows = []
    capitals = {}
    for code in sorted(en.territories):
        if code in SKIP or code not in hi.territories:
            continue
        if len(code) == 3 and code not in REGION_IDS:
            continue
        canonical, wikidata, names, adjectives, capital = curated.get(code, ("", "", [], [], []))
        en_name = clean(en.territories[code])
        canonical = canonical or en_name
        if code in ORGANIZATIONS:
            kind, wikidata = "organization", ORGANIZATIONS[code]
        elif len(code) == 3:
            kind, wikidata = "place", REGION_IDS[code]
        elif code in NOT_COUNTRIES:
            kind = "place"
        else:
            kind = "country"
        forms = []
        add(forms, clean(hi.territories[code]), *names, canonical, en_name)
        rows.append((canonical, kind, wikidata, forms, adjectives, ""))
        if capital:
            capitals[capital[0]] = (canonical, capital[1:])

    cities = {}
    for tz in sorted(hi.time_zones):
        hi_city = hi.time_zones[tz].get("city")
        en_city = tz.split("/")[-1].replace("_", " ")
        if not hi_city or tz.startswith("Etc/") or en_city in ("Calcutta",):
            continue
        cities.setdefault(en_city, [])
        add(cities[en_city], hi_city, en_city)
    cities.setdefault("Kolkata", [])
    add(cities["Kolkata"], hi.time_zones["Asia/Calcutta"]["city"], "Kolkata", "Calcutta")
    city_rows = []
    for en_city, (country, forms) in capitals.items():
        cities.setdefault(en_city, [])
        add(cities[en_city], *forms, en_city)
    for en_city in sorted(cities):
        country = capitals.get(en_city, ("", []))[0]
        city_rows.append((en_city, "place", "", cities[en_city], [], country))

    meta = {"cldr": babel.core.get_global("cldr")["version"] if hasattr(babel.core, "get_global") else "", "babel": babel.__version__}
    try:
        meta["cldr"] = babel.localedata.load("root").get("version", "") or meta["cldr"]
    except Exception:  # noqa: BLE001 — the version is only informative
        pass
    write(os.path.join(OUT, "countries.tsv"), "Countries, territories, continents and the EU/UN, with demonyms.", rows, meta)
    write(os.path.join(OUT, "cities.tsv"), "Cities: CLDR exemplar cities and the capitals of the curated countries.", city_rows, meta)


def write(path, what, rows, meta):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER.format(what=what, cldr=meta.get("cldr") or "(babel's)", babel=meta["babel"]))
        for canonical, kind, wikidata, forms, adjectives, capital_of in rows:
            f.write("\t".join([canonical, kind, wikidata, "|".join(forms), "|".join(adjectives), capital_of]) + "\n")
    print(f"wrote {path}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
