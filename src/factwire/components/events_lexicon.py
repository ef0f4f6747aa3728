"""The event trigger lexicon and cue lists (data/event_triggers.tsv, data/event_cues.json).

Loaded once per component instance; the objects here are read-only after loading.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Requirement:
    slot: str  # obj | subj | compound | prep | prt | support | xcomp
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    plover: str
    mode: str | None
    acled_type: str | None
    acled_sub: str | None
    requires: tuple[Requirement, ...]
    obj_role: str  # target | theme
    of_role: str | None  # target | actor | theme
    target_preps: tuple[str, ...]


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]]
    classes: dict[str, frozenset[str]]
    weapons: dict[str, tuple[str, str, str]]
    cues: dict[str, Any]
    lists: dict[str, frozenset[str]] = field(default_factory=dict)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """The rows for a word, in file order: the first whose requirements hold applies."""
        return self.triggers.get((lemma.lower(), pos), [])

    def in_class(self, name: str, word: str) -> bool:
        return word.lower() in self.classes.get(name, frozenset())

    def words(self, key: str) -> frozenset[str]:
        """A cue list by dotted path, e.g. "status.future_aux" or "claims.deny_verbs"."""
        if key not in self.lists:
            node: Any = self.cues
            for part in key.split("."):
                node = node[part]
            self.lists[key] = frozenset(w.lower() for w in node)
        return self.lists[key]


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _requirements(text: str) -> tuple[Requirement, ...]:
    out = []
    for alt in filter(None, (a.strip() for a in text.split("|"))):
        slot, _, vals = alt.partition(":")
        out.append(Requirement(slot, tuple(v for v in vals.split(",") if v)))
    return tuple(out)


def _data(name: str) -> str:
    return (resources.files("factwire") / "data" / name).read_text(encoding="utf-8")


def load_lexicon() -> Lexicon:
    rows = [line for line in _data("event_triggers.tsv").splitlines() if line and not line.startswith("#")]
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for rec in csv.DictReader(rows, delimiter="\t"):
        trig = Trigger(
            lemma=rec["lemma"].lower(),
            pos=rec["pos"],
            plover=rec["plover"],
            mode=_none(rec["mode"]),
            acled_type=_none(rec["acled_type"]),
            acled_sub=_none(rec["acled_sub"]),
            requires=_requirements(rec["requires"] or ""),
            obj_role=rec["obj"] or "target",
            of_role=_none(rec["of"] or ""),
            target_preps=tuple(p for p in (rec["tprep"] or "").split(",") if p),
        )
        triggers.setdefault((trig.lemma, trig.pos), []).append(trig)
    for rows_of_word in triggers.values():
        # conditional readings first ("strike" with a weapon, with "hunger"), the plain one last
        rows_of_word.sort(key=lambda t: not t.requires)
    cues = json.loads(_data("event_cues.json"))
    classes = {k: frozenset(w.lower() for w in v) for k, v in cues["classes"].items()}
    weapons = {k.lower(): (v[0], v[1], v[2]) for k, v in cues["weapons"].items()}
    return Lexicon(triggers=triggers, classes=classes, weapons=weapons, cues=cues)
