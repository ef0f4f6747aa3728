"""Last readings of a place name the gazetteer has no entry for, as written.

Tried only when a name has no reading at all, so they never move a name that resolves:
- "Platte Co.", "Madison Twp.": the abbreviated division word spelled out ("Platte County");
- a bare county name ("Avoyelles", "Henrico", "Gwinnett"): the county of that name. Bare county
  names are not indexed (too many are also people's names: "Butler"), but a name that is
  nothing else and that news writes for a place is, in US local news, its county;
- a name for a place's people ("Ohioans", "Iowans", "Texan", "Londoner", "Gazans",
  "Richmondites", "South Ossetian", "Dagestani"): the place, as LGL-style annotation and a reader take it. The place name is
  found by taking the English suffix off and trying the stem's usual endings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .places_score import Context, Entry

if TYPE_CHECKING:
    from .places_gazetteer import Gazetteer

# "Co." -> "County": the abbreviation as the last word of a name
_DIVISION_ABBREVIATIONS = {"co": "County", "cnty": "County", "twp": "Township", "par": "Parish"}
# suffix of a name for a place's people -> endings its place name may have ("Ohio|ans",
# "Iow|ans" -> "Iowa", "Texa|n" -> "Texas", "Ontar|ians" -> "Ontario", "Gaz|ans" -> "Gaza")
_PEOPLE_SUFFIXES = (
    ("ians", ("ia", "io", "")),
    ("ites", ("", "e")),
    ("ers", ("",)),
    ("er", ("",)),
    ("ans", ("", "a", "o")),
    ("an", ("", "a", "as", "o")),
    ("ns", ("", "s")),
    ("i", ("",)),  # "Dagestani", "Punjabi": a region only (see _REGION_ONLY)
)
# Suffixes whose stems are too often a town's name by chance ("Maori" -> Ma'or): only a country
# or a division counts.
_REGION_ONLY = frozenset({"i"})
# A name's last word that says it is a feature, not a county ("Red River", "Lake Lanier").
_FEATURE_WORDS = frozenset(
    "river creek lake lakes bay island islands valley mountain mountains hill hills park forest canyon "
    "harbor harbour sound strait gulf sea ocean beach falls springs station airport road street".split()
)
MIN_STEM = 3


def fallback(gazetteer: "Gazetteer", text: str, context: Context) -> Entry | None:
    text = text.strip()
    if not text[:1].isupper():
        return None
    words = text.split()
    last = words[-1].rstrip(".").lower()
    if len(words) > 1 and last in _DIVISION_ABBREVIATIONS:
        entry = gazetteer.resolve(" ".join(words[:-1] + [_DIVISION_ABBREVIATIONS[last]]), context)
        return entry if entry is not None and entry.source in ("county", "admin") else None
    if last not in _FEATURE_WORDS:  # "Red River", "Lake Lanier": a name that says what it is
        for suffix in ("County", "Parish"):
            entry = gazetteer.resolve(f"{text} {suffix}", context)
            if entry is not None and entry.source == "county":
                return entry
    return _people(gazetteer, text, context)


def _people(gazetteer: "Gazetteer", text: str, context: Context) -> Entry | None:
    """"Ohioans" -> Ohio: the first stem + ending the gazetteer knows as a place."""
    for suffix, endings in _PEOPLE_SUFFIXES:
        if not text.endswith(suffix) or len(text) - len(suffix) < MIN_STEM:
            continue
        stem = text[: len(text) - len(suffix)]
        for ending in endings:
            entry = gazetteer.resolve(stem + ending, context)
            allowed = ("country", "admin") if suffix in _REGION_ONLY else ("country", "admin", "city", "county")
            if entry is not None and entry.source in allowed:
                return entry
    return None
