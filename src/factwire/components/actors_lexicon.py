"""The actor dictionary (data/actors.yaml, data/demonyms.tsv, data/actors_titles.tsv) as lookups.

Loaded once per component instance; nothing here is module state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry
import yaml

DATA = Path(str(resources.files("factwire") / "data"))


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    kind: str
    country: str | None


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    # surface form (exact case) -> entry key
    aliases: dict[str, str] = field(default_factory=dict)
    # capital surface form -> state entry key (a metonym only where the context is political)
    capitals: dict[str, str] = field(default_factory=dict)
    # demonym adjective or plural -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)
    # the plural nouns among them ("Iraqis"): people, not the adjective of a nationality
    demonym_plurals: frozenset[str] = frozenset()
    # ethnic and religious identities (data/demonyms_groups.tsv): adjective or plural -> is plural
    identities: dict[str, bool] = field(default_factory=dict)
    government_nouns: frozenset[str] = frozenset()
    # leader surname -> (full name, ISO3); "<surname> administration" is that state's government
    leaders: dict[str, tuple[str, str]] = field(default_factory=dict)
    # lower-cased title token tuples -> reference nouns ("gen." -> {"general"})
    titles: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    # lower-cased token tuples that may join a title (service branch, "deputy")
    title_modifiers: frozenset[tuple[str, ...]] = frozenset()

    def state_key(self, iso3: str) -> str:
        return f"state:{iso3}"

    def state(self, iso3: str) -> Entry:
        key = self.state_key(iso3)
        if key not in self.entries:
            country = pycountry.countries.get(alpha_3=iso3)
            name = getattr(country, "common_name", None) or (country.name if country else iso3)
            self.entries[key] = Entry(key, name, "state", iso3)
        return self.entries[key]


def _usable_name(name: str) -> bool:
    # ISO forms like "Korea, Republic of" or "Bolivia (Plurinational State of)" never occur in prose
    return "," not in name and "(" not in name


def load(data_dir: Path = DATA) -> Lexicon:
    lex = Lexicon()
    raw = yaml.safe_load((data_dir / "actors.yaml").read_text(encoding="utf-8"))

    curated = raw.get("states") or {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        spec = curated.get(iso3) or {}
        names = list(spec.get("aliases") or [])
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and _usable_name(value) and value not in names:
                names.append(value)
        if not names:
            # "Congo, The Democratic Republic of the": the part before the comma is the usual name
            names.append(country.name.split(",")[0].strip())
        key = lex.state_key(iso3)
        lex.entries[key] = Entry(key, names[0], "state", iso3)
        for alias in names:
            lex.aliases.setdefault(alias, key)
        for capital in spec.get("capitals") or []:
            lex.capitals[capital] = key

    for item in raw.get("entities") or []:
        kind, country = item["kind"], item.get("country")
        if kind == "state":
            key = lex.state_key(country)
        else:
            key = f"{kind}:{item['name']}"
            lex.entries[key] = Entry(key, item["name"], kind, country)
        for alias in item.get("aliases") or []:
            lex.aliases[alias] = key

    lex.government_nouns = frozenset(raw.get("government_nouns") or [])
    for leader in raw.get("leaders") or []:
        for surname in [leader["name"], leader["name"].split()[-1], *(leader.get("surnames") or [])]:
            lex.leaders[surname] = (leader["name"], leader["country"])

    plurals: set[str] = set()
    for line in _rows(data_dir / "demonyms.tsv"):
        adjective, plural, iso3 = line[:3]
        lex.demonyms[adjective] = iso3
        if plural != "-":
            lex.demonyms[plural] = iso3
            plurals.add(plural)
    for form, iso3 in _derived_demonyms(lex).items():
        lex.demonyms.setdefault(form, iso3)
        # the nationals are the regular plural: "Ugandans"
        if form + "s" not in lex.demonyms:
            lex.demonyms[form + "s"] = iso3
            plurals.add(form + "s")
    lex.demonym_plurals = frozenset(plurals)
    for line in _rows(data_dir / "demonyms_groups.tsv"):
        lex.identities[line[0]] = False
        if len(line) > 1 and line[1] != "-":
            lex.identities[line[1]] = True

    titles: dict[tuple[str, ...], set[str]] = {}
    modifiers: set[tuple[str, ...]] = set()
    for line in _rows(data_dir / "actors_titles.tsv"):
        refs = line[1] if len(line) > 1 else "-"
        for words in _title_forms(line[0]):
            if refs == "+":
                modifiers.add(words)
                continue
            titles.setdefault(words, set()).update(r.strip() for r in refs.split(",") if r.strip() not in ("-", ""))
    lex.titles = {k: frozenset(v) for k, v in titles.items()}
    lex.title_modifiers = frozenset(modifiers)
    return lex


def _derived_demonyms(lex: Lexicon) -> dict[str, str]:
    """Adjectives for the states demonyms.tsv does not list, by the regular English endings:
    Gambia -> Gambian, Zimbabwe -> Zimbabwean, Morocco -> Moroccan. A form two states could
    give (Niger, Nigeria -> "Nigerian") is dropped; irregular ones belong in demonyms.tsv."""
    listed = set(lex.demonyms.values())
    forms: dict[str, set[str]] = {}
    for key, entry in lex.entries.items():
        iso3 = entry.country
        if entry.kind != "state" or iso3 is None or iso3 in listed:
            continue
        name = entry.name
        if " " in name or not name.isalpha():
            continue
        if name.endswith("a"):
            options = [name + "n"]
        elif name.endswith("e"):
            options = [name + "an"]
        elif name.endswith("o"):
            options = [name[:-1] + "an"]
        else:
            continue  # "-ese", "-i", "-ian" after a consonant: too irregular to guess
        for form in options:
            forms.setdefault(form, set()).add(iso3)
    return {form: next(iter(codes)) for form, codes in forms.items() if len(codes) == 1 and form not in lex.demonyms}


def _title_forms(title: str) -> list[tuple[str, ...]]:
    """'Lt. Col.' as the tokenizer may see it: 'lt.', or 'lt' then '.', or 'lt' with no period."""
    forms: list[list[str]] = [[]]
    for word in title.lower().split():
        if word.endswith(".") and len(word) > 1:
            options = [[word], [word[:-1], "."], [word[:-1]]]
        else:
            options = [[word]]
        forms = [f + o for f in forms for o in options]
    return [tuple(f) for f in forms]


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
