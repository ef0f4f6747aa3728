"""The weapons and platforms lexicon (data/equipment.yaml) compiled into regexes, and matching over text.

Matching is on characters so that "MQ-9", "MQ9" and "MQ 9" read alike whatever the tokenizer does;
the component maps the matches back onto tokens. The rules for variants are stated in the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "equipment.yaml"


@dataclass(frozen=True)
class Item:
    name: str
    kind: str  # weapon | platform
    category: str | None
    designation: bool = False  # a named system ("F-16") rather than a class ("fighter jet")


@dataclass(frozen=True)
class Mention:
    item: Item
    start: int
    end: int


@dataclass
class Claim:
    """Characters [start, end) read as one or more mentions ("ballistic and cruise missiles" gives two)."""

    start: int
    end: int
    mentions: list[Mention]


def _part(text: str) -> str:
    # capitals are kept as written ("Patriot" is not "patriot"); lower-case words match any case
    return re.escape(text) if any(c.isupper() for c in text) else f"(?i:{re.escape(text)})"


def _plural(word: str) -> str:
    if any(c.isupper() or c.isdigit() for c in word):
        return _part(word) + "s?"  # "F-16s", "IEDs", "Humvees"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return f"(?i:{re.escape(word[:-1])}(?:y|ies))"
    if word.endswith(("s", "x", "ch", "sh")):
        return f"(?i:{re.escape(word)}(?:es)?)"
    return f"(?i:{re.escape(word)}s?)"


def variant_regex(variant: str) -> str:
    """ "MQ-9 Reaper" -> MQ[-\\s]?9[-\\s]+Reaper(s)?: hyphen = space = nothing, last word may be plural."""
    words = variant.split()
    out = []
    for n, word in enumerate(words):
        parts = word.split("-")
        last = n == len(words) - 1
        pieces = [(_plural(p) if last and k == len(parts) - 1 else _part(p)) for k, p in enumerate(parts)]
        out.append(r"[-\s]?".join(pieces))
    return r"(?<![\w-])" + r"[-\s]+".join(out) + r"(?![\w])"


_WORD = re.compile(r"(?<![\w-])[A-Za-z0-9]+")
_LEAD = re.compile(r"[a-z]+|[0-9]+")


def _key(variant: str) -> str:
    """Where a variant can start: its first run of letters or of digits, lower-cased ("MQ-9" -> "mq")."""
    return _LEAD.match(variant.lower()).group()


def _keys(word: str) -> set[str]:
    """The keys a word of the text can start: itself, its leading run, its singular ("batteries")."""
    low = word.lower()
    keys = {low, _LEAD.match(low).group()}
    if low.endswith("ies"):
        keys.add(low[:-3] + "y")
    if low.endswith("es"):
        keys.add(low[:-2])
    if low.endswith("s"):
        keys.add(low[:-1])
    return keys


# A weapon's name before one of these names a place, not the weapon: "VBIED factory", "weapons cache".
SITE_NOUNS = frozenset(
    "factory factories facility facilities cache caches depot depots storage stockpile stockpiles "
    "warehouse warehouses workshop workshops plant plants site sites".split()
)


@dataclass(frozen=True)
class _Rule:
    item: Item | None  # None for a coordination rule ("ballistic and cruise missiles")
    pattern: str  # compiled on first use: most rules never meet their first word
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    head: str | None = None


class EquipmentLexicon:
    """Rules indexed by the word they start with: the text is walked word by word and only the rules
    whose first word is there are tried, which keeps two hundred entries cheap on long articles."""

    def __init__(self, path: Path = DATA):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.rules: dict[str, list[_Rule]] = {}
        self._compiled: dict[str, re.Pattern] = {}
        coord: dict[str, dict[str, Item]] = {}  # head word -> modifier -> class ("missile" -> "cruise")
        for section, designation in (("classes", False), ("designations", True)):
            for e in data[section]:
                item = Item(e["name"], e["kind"], e.get("category"), designation)
                nb, na = frozenset(e.get("not_before", [])), frozenset(e.get("not_after", []))
                for v in e["variants"]:
                    self._add(_key(v), _Rule(item, variant_regex(v), nb, na))
                    words = v.split()
                    if not designation and len(words) >= 2 and v.islower():
                        coord.setdefault(words[-1], {})[" ".join(words[:-1])] = item
        self.coord = coord
        for head, mods in coord.items():
            alt = "|".join(f"(?i:{re.escape(m)})" for m in sorted(mods, key=len, reverse=True))
            rx = rf"(?<![\w-])(?P<mods>(?:{alt})(?:\s*,\s*(?:{alt}))*\s*,?\s+(?:and|or|&)\s+(?:{alt}))[-\s]+(?P<head>{_plural(head)})(?!\w)"
            for key in {_key(m) for m in mods}:
                self._add(key, _Rule(None, rx, head=head))
        prefixes = "|".join(re.escape(p) for p in data["ship_prefixes"])
        ship_rx = (
            rf"(?<![\w-])(?P<ship>(?:{prefixes})\s+[A-Z][a-z]+(?:\s+(?:de\s+)?[A-Z][a-z]+)?)(?!\w)"
            r"(?:\s*\((?:[A-Z]{1,4})[-\s]?\d{1,3}\))?"
        )
        for p in data["ship_prefixes"]:
            self._add(p.lower(), _Rule(Item("ship", "platform", "ship", True), ship_rx, head="ship"))

    def _add(self, key: str, rule: _Rule) -> None:
        self.rules.setdefault(key, []).append(rule)

    def claims(self, text: str) -> list[Claim]:
        """Every reading of the text, before overlaps are resolved."""
        found: list[Claim] = []
        for w in _WORD.finditer(text):
            tried: set[int] = set()
            for key in _keys(w.group()):
                for rule in self.rules.get(key, ()):
                    if id(rule) in tried:
                        continue
                    tried.add(id(rule))
                    rx = self._compiled.get(rule.pattern)
                    if rx is None:
                        rx = self._compiled[rule.pattern] = re.compile(rule.pattern)
                    m = rx.match(text, w.start())
                    if m is not None:
                        claim = self._claim(text, m, rule)
                        if claim is not None:
                            found.append(claim)
        return found

    def _claim(self, text: str, m: re.Match, rule: _Rule) -> Claim | None:
        if rule.item is not None and rule.head == "ship":
            name = re.sub(r"\s+", " ", m.group("ship"))
            return Claim(m.start(), m.end(), [Mention(Item(name, "platform", "ship", True), m.start(), m.end())])
        if rule.item is not None:
            if _blocked(text, m.start(), m.end(), rule.not_before, rule.not_after | SITE_NOUNS):
                return None
            return Claim(m.start(), m.end(), [Mention(rule.item, m.start(), m.end())])
        mods = self.coord[rule.head]
        alt = "|".join(re.escape(k) for k in sorted(mods, key=len, reverse=True))
        mentions = [
            Mention(mods[re.sub(r"\s+", " ", mm.group().lower())], m.start("mods") + mm.start(), m.end())
            for mm in re.finditer(rf"(?i:{alt})", m.group("mods"))
            if re.sub(r"\s+", " ", mm.group().lower()) in mods
        ]
        return Claim(m.start(), m.end(), mentions) if len(mentions) >= 2 else None

    def match(self, text: str) -> list[Claim]:
        """Non-overlapping claims, longest first; a designation absorbs the class word after it."""
        chosen: list[Claim] = []
        for claim in sorted(self.claims(text), key=lambda c: (c.start, -(c.end - c.start), -len(c.mentions))):
            if chosen and claim.start < chosen[-1].end:
                continue
            chosen.append(claim)
        merged: list[Claim] = []
        for claim in chosen:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and len(prev.mentions) == 1
                and len(claim.mentions) == 1
                and prev.mentions[0].item.designation
                and not claim.mentions[0].item.designation
                and re.fullmatch(r"[-\s]?", text[prev.end:claim.start])
            ):
                # "Fateh-110 missiles", "Shahed-136 drones": one mention of the designation
                only = prev.mentions[0]
                merged[-1] = Claim(prev.start, claim.end, [Mention(only.item, only.start, claim.end)])
                continue
            merged.append(claim)
        return merged


def _blocked(text: str, start: int, end: int, not_before: set[str], not_after: set[str]) -> bool:
    if not_before:
        before = re.findall(r"[\w'-]+", text[max(0, start - 30):start].lower())
        if before and (before[-1] in not_before or " ".join(before[-2:]) in not_before):
            return True
    if not_after:
        after = re.findall(r"[\w'-]+", text[end:end + 30].lower())
        if after and (after[0] in not_after or " ".join(after[:2]) in not_after):
            return True
    return False
