"""The quantities lexicon (data/quantities_lexicon.json) compiled into regexes, and the records the scanner passes around."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "quantities_lexicon.json"


DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


@dataclass
class Hit:
    """One numeric expression: [start, end) covers modifiers, currency, number(s) and explicit unit."""

    start: int
    end: int
    value: float
    bound: str = "exact"
    value_max: float | None = None
    unit: str | None = None  # an explicit unit read from the text (currency, percent, measure)
    kind: str = "number"  # number | vague | fraction | zero
    num_start: int = 0  # the first number's own characters, for mapping onto tokens
    num_end: int = 0
    concept: str | None = None  # set by the component when the counted thing is known


@dataclass
class Core:
    start: int
    end: int
    value: float
    kind: str  # digits | words | vague | fraction
    value_max: float | None = None
    scaled: bool = False


def _alternation(words) -> str:
    # longest first so "per cent" wins over "per", "tens of thousands" over "thousands"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _suffix_re(words: list[str]) -> re.Pattern:
    # "+" and "-odd" stick to the number; "or more" is a separate word group
    parts = []
    stuck = [w for w in words if w[0] in "+-"]
    loose = [w for w in words if w[0] not in "+-"]
    if stuck:
        parts.append(rf"(?:{_alternation(stuck)})")
    if loose:
        parts.append(rf"\s+(?:{_alternation(loose)})\b")
    return re.compile("|".join(parts), re.I)


class Lexicon:
    """The lexicon file compiled into regexes; built once per component instance."""

    def __init__(self, path: Path = DATA):
        data = json.loads(path.read_text(encoding="utf-8"))
        self.data = data
        self.small: dict[str, int] = {**data["units_words"], **data["tens_words"]}
        self.scales: dict[str, int] = data["scale_words"]
        self.abbrev: dict[str, int] = data["scale_abbreviations"]
        self.vague: dict[str, int] = data["vague_plurals"]
        self.fractions: dict[str, float] = {k.replace(" ", "-"): v for k, v in data["fractions"].items()}
        self.fractions.update(data["fractions"])
        self.months = set(data["month_names"])
        self.year_context = set(data["year_context"])
        self.one_blockers = set(data["one_blockers"])
        self.measure: dict[str, str] = {k.lower(): v for k, v in data["measure_units"].items()}
        self.currency_words: dict[str, str] = data["currency_words"]
        self.currency_adj: dict[str, str] = data["currency_adjectives"]
        self.count_quantifiers = set(data["count_quantifiers"])
        self.copulas = set(data["copulas"])
        self.zero_verbs = set(data["zero_verbs"])

        word = _alternation(list(self.small) + list(self.scales))
        # "twenty-five", "two hundred and fifty", "a dozen", "a million"
        self.words_re = re.compile(
            rf"\b(?:(?:a|one)\s+(?=(?:{_alternation(self.scales)})\b))?(?:{word})(?:(?:\s+|-)(?:and\s+)?(?:{word}))*\b",
            re.I,
        )
        self.digits_re = re.compile(DIGITS)
        self.scale_re = re.compile(rf"\s*(?:-\s*)?({_alternation(self.scales)})\b|({_alternation(self.abbrev)})\b", re.I)
        self.spaced_abbrev_re = re.compile(r"\s+(bn|mn|mln|tn)\b", re.I)
        few = r"(?:a\s+few|several|a\s+couple\s+of|few)"
        self.vague_re = re.compile(
            rf"\b(?:(?P<few>{few})\s+(?P<fscale>hundred|thousand|million|billion|dozen)|(?P<plural>{_alternation(self.vague)}))\b",
            re.I,
        )
        self.fraction_re = re.compile(rf"\b(?:{_alternation(self.fractions)})(?=\s+(?:of|the|its|their|his|her|our|all)\b)", re.I)
        prefixes = data["bound_prefixes"]
        self.prefix_re = {
            b: re.compile(rf"(?:^|(?<=[\s(\"'“]))(?:{_alternation(ws)})\s*$", re.I) for b, ws in prefixes.items()
        }
        suffixes = data["bound_suffixes"]
        self.suffix_re = {b: _suffix_re(ws) for b, ws in suffixes.items()}
        ascii_symbols = {k: v for k, v in data.get("ascii_currency_symbols", {}).items() if not k.startswith("_")}
        self.ascii_currency = set(ascii_symbols)
        symbols = {**data["currency_symbols"], **ascii_symbols}
        self.currency_prefix_re = re.compile(
            rf"(?:(?<![A-Za-z]){_alternation(symbols)}|\b(?:{'|'.join(data['currency_codes'])})\s?)$"
        )
        self.currency_codes = set(data["currency_codes"])
        self.one_followers = set(data["one_followers"])
        self.currency_symbols = {k.replace(" ", ""): v for k, v in symbols.items()}
        # "1.99×10−30", "1.5 x 10^6", "2.5e-3": a mantissa times a power of ten
        self.sci_re = re.compile(
            r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*[×xX]\s*10\s*(?:\^\s*([−-]?\d{1,3})|([−-]\d{1,3}))|[eE]([-+]?\d{1,3}))(?![\w.])"
        )
        # "1/16 of a pint", "1⁄32": numerator below the denominator; dates and scores are told apart by the caller
        self.slash_re = re.compile(r"(?<![\w/⁄.,-])(\d{1,2})\s*([/⁄])\s*(\d{1,3})(?![\w/⁄]|[.,]\d)")
        self.percent_re = re.compile(rf"\s*(?:{_alternation(data['percent_words'])})(?![a-z])", re.I)
        adj_or_word = list(self.currency_adj) + list(self.currency_words)
        self.currency_word_re = re.compile(rf"\s+((?:{_alternation(adj_or_word)})s?)\b", re.I)
        # unit words may be plural ("miles"); short symbols may not, or "11 has" would read as hectares
        words = [u for u in self.measure if len(u) > 3]
        symbols = [u for u in self.measure if len(u) <= 3]
        self.measure_re = re.compile(
            rf"(?:\s*|\s*-\s*)((?:{_alternation(words)})(?:s|es)?|(?:{_alternation(symbols)}))(?![\w/])", re.I
        )
        self.hyphen_keep = set(data["hyphen_keep"])
        self.time_units = set(data["time_units"])
        self.compound_units = set(data["compound_units"])

    # ----- values -------------------------------------------------------------------------

    def word_value(self, text: str) -> float | None:
        """Value of a spelled-out number ("twenty-five", "two hundred and fifty", "a dozen")."""
        total, current = 0, 0
        seen = False
        for w in re.split(r"[\s-]+", text.lower()):
            if w in ("and",):
                continue
            if w in ("a", "one") and not seen:
                current, seen = 1, True
                continue
            if w in self.small:
                current += self.small[w]
            elif w == "hundred":
                current = max(current, 1) * 100
            elif w == "dozen":
                current = max(current, 1) * 12
            elif w in self.scales:
                total += max(current, 1) * self.scales[w]
                current = 0
            else:
                return None
            seen = True
        return float(total + current)


def digits_value(text: str) -> float:
    return float(text.replace(",", ""))
