"""Where an article's outlet is: a prior for the places its text names.

Two general facts about news outlets, read from the article's URL (or outlet name):

- a country-code top-level domain ("lfpress.ca", "richmondandtwickenhamtimes.co.uk") places the
  outlet in that country, and local news names its own country's towns: "London" in a .ca paper
  is weighed towards London, Ontario (a country prior like the dateline's, but weaker);
- a local paper is named after the town it serves ("palestineherald.com", "theparisnews.com",
  "jordannews.com"): a toponym the outlet's name spells is that home town, a town rather than the
  country, region or world city of the same name (Palestine, Texas; Paris, Texas; Jordan, Minn.).
  Which town of that name is left to the rest of the document and the population prior.
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

from .places_score import Context, Entry

# Country-code domains used as generic ones (".tv" for television, ".io", ".fm" radio): no country.
VANITY_TLDS = frozenset({".tv", ".io", ".fm", ".me", ".co", ".ly", ".ai", ".am", ".cc", ".ws", ".to", ".nu", ".gg"})
# Second-level labels that say nothing about the outlet ("co" of .co.uk, "com" of .com.au).
_GENERIC_LABELS = frozenset({"www", "m", "mobile", "news", "co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc"})
# A name shorter than this is too likely to sit inside an unrelated word of a domain ("Post", "Bath").
MIN_HOME_LETTERS = 5
_NOT_LETTERS = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"([a-z])\1+")  # as places_gazetteer.name_key folds "Woodstock" to "wodstock"
# Words a paper's name may start with before its town ("theparisnews", "onlineathens").
OUTLET_PREFIXES = ("the", "thisis", "online", "my", "go")


def _host(article: object) -> str | None:
    url = getattr(article, "url", None)
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
        if host:
            return host.lower()
    outlet = getattr(article, "outlet", None)
    if outlet and "." in outlet and " " not in outlet.strip():
        return outlet.strip().lower()  # an outlet given as its domain
    return None


def outlet_country(article: object, tld_country: dict[str, str]) -> str | None:
    """ISO3 of the country whose code the outlet's domain ends in, if any."""
    host = _host(article)
    if host is None or "." not in host:
        return None
    tld = host[host.rfind("."):]
    return None if tld in VANITY_TLDS else tld_country.get(tld)


def outlet_letters(article: object) -> str:
    """The letters of the outlet's own name: its domain without TLD and generic labels, and the
    outlet's name when given ("The Paris News" -> "theparisnews")."""
    parts: list[str] = []
    host = _host(article)
    if host is not None:
        labels = host.split(".")[:-1]  # the top-level domain names no town
        parts.extend(label for label in labels if label not in _GENERIC_LABELS)
    outlet = getattr(article, "outlet", None)
    if outlet and (host is None or outlet.strip().lower() != host):
        parts.append(outlet)
    return "|".join(_NOT_LETTERS.sub("", p.lower()) for p in parts)


def names_home(key: str, home: tuple[str, ...]) -> bool:
    """Whether a place name (a name_key) is one of the towns the outlet's name spells (`home`,
    from Gazetteer.outlet_towns): its home town."""
    return bool(home) and key.replace(" ", "") in home


def outlet_towns(letters: str, is_town: Callable[[str], bool], paper_words: tuple[str, ...]) -> list[str]:
    """The town names an outlet's name spells ("columbus" of "columbuslocalnews"), longest
    first, left to right. A paper's name starts with its town, after at most a leading word
    ("the", "thisis", "online") or another town and "and" ("thelancasterandmorecambecitizen"),
    and a paper word or the end follows it: a town inside a word ("calne" of "localnews",
    "reute" of "reuters") is none."""
    found: list[str] = []
    for part in letters.split("|"):
        starts = [0] + [len(p) for p in OUTLET_PREFIXES if part.startswith(p)]
        while starts:
            i = starts.pop(0)
            # the longest town name that a paper word, "and" or the end follows
            after = next((j for j in range(len(part), i + MIN_HOME_LETTERS - 1, -1)
                          if (j == len(part) or part.startswith(("and", *paper_words), j)) and is_town(part[i:j])), None)
            if after is None:
                continue
            found.append(_DOUBLED.sub(r"\1", part[i:after]))
            starts.append(after + 3 if part.startswith("and", after) else after)
    return found


def home_towns(key: str, found: list[Entry], context: Context) -> list[Entry]:
    """The towns a name may be when the outlet's own name spells it ("theparisnews" and "Paris"):
    only against a country's, region's or world city's reading (a state's name in an outlet's,
    "texastribune", stays the state), and only towns of a country the document (or the outlet's
    domain) places it in, so "chinadaily" does not make China a town in Maine."""
    if not names_home(key, context.outlet):
        return []
    if any(e.source in ("admin", "county") for e in found):
        return []
    return [e for e in found if e.source == "city" and e.country is not None and context.countries.get(e.country, 0.0) > 0.0]
