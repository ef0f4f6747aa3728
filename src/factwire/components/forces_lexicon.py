"""The word lists factwire_forces reads, loaded once per component from data/force_nouns.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

DEFAULT_PATH = Path(str(resources.files("factwire") / "data" / "force_nouns.yaml"))


@dataclass(frozen=True)
class ForceLexicon:
    nouns: dict[str, str]  # word form (lower case) -> normalised force noun
    member_nouns: frozenset[str]
    member_modifiers: frozenset[str]
    aggregates: frozenset[str]
    measure_nouns: frozenset[str]
    casualty: frozenset[str]
    peak: frozenset[str]
    plan_verbs: frozenset[str]
    target_words: frozenset[str]
    change_words: frozenset[str]
    future_aux: frozenset[str]
    min_count: float

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "ForceLexicon":
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key, []))

        return cls(
            nouns={str(k).lower(): str(v) for k, v in data["nouns"].items()},
            member_nouns=words("member_nouns"),
            member_modifiers=words("member_modifiers"),
            aggregates=words("aggregates"),
            measure_nouns=words("measure_nouns"),
            casualty=words("casualty_lemmas"),
            peak=words("peak_words"),
            plan_verbs=words("plan_verbs"),
            target_words=words("target_words"),
            change_words=words("change_words"),
            future_aux=words("future_aux"),
            min_count=float(data.get("min_count", 0)),
        )
