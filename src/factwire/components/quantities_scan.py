"""Text-level scanner for numeric expressions: the half of factwire_quantities that needs no parse.

It works on characters, not tokens, because tokenizers disagree about "2,000-3,000", "$3bn" or
"5,000+"; the component maps the hits onto tokens afterwards to find the counted noun.
Conventions for vague and bounded amounts follow NewsQuant's annotation (see the lexicon's _note).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "quantities_lexicon.json"

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# letters allowed to stick to a number: ordinals, decades, clock times and codes are not
_ORDINAL_OR_CLOCK = re.compile(r"(?:st|nd|rd|th|s|am|pm|a\.m\.|p\.m\.|GMT|UTC|BC|AD|BCE|CE)\b", re.I)


_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")


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
    flags: set[str] = field(default_factory=set)
    concept: str | None = None  # set by the component when the counted thing is known


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
        self.digits_re = re.compile(_DIGITS)
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
        self.currency_prefix_re = re.compile(
            rf"(?:(?<![A-Za-z]){_alternation(data['currency_symbols'])}|\b(?:{'|'.join(data['currency_codes'])})\s?)$"
        )
        self.currency_codes = set(data["currency_codes"])
        self.one_followers = set(data["one_followers"])
        self.currency_symbols = {k.replace(" ", ""): v for k, v in data["currency_symbols"].items()}
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


@dataclass
class _Core:
    start: int
    end: int
    value: float
    kind: str  # digits | words | vague | fraction
    value_max: float | None = None
    scaled: bool = False


def _cores(text: str, lex: Lexicon) -> list[_Core]:
    """Every bare number in the text, longest reading first where readings overlap."""
    found: list[_Core] = []
    for m in lex.digits_re.finditer(text):
        start, value = m.start(), digits_value(m.group())
        if text[start - 1:start] in ("-", "−") and (start == 1 or text[start - 2] in " ($\n"):
            start, value = start - 1, -value  # "-1.3%", "$-50.8 billion"; not "MQ-9" or "2,000-3,000"
        found.append(_Core(start, m.end(), value, "digits"))
    for m in lex.words_re.finditer(text):
        value = lex.word_value(m.group())
        if re.fullmatch(r"[a-z]+", m.group(), re.I) and m.group().lower() in lex.scales:
            continue  # "million" or "dozen" alone belongs to a number before it, or is a noun
        if value is not None:
            found.append(_Core(m.start(), m.end(), value, "words", scaled=bool(re.search(r"hundred|thousand|million|billion|trillion", m.group(), re.I))))
    for m in lex.vague_re.finditer(text):
        if m.group("plural"):
            key = re.sub(r"\s+", " ", m.group("plural").lower())
            if key == "scores" and not re.match(r"\s+of\b", text[m.end():]):
                continue  # "scores" alone is usually the sports sense
            low = float(lex.vague[key])
            found.append(_Core(m.start(), m.end(), low, "vague", value_max=low * 10, scaled=True))
        else:
            unit = float(lex.scales[m.group("fscale").lower()])
            found.append(_Core(m.start(), m.end(), 2 * unit, "vague", value_max=9 * unit, scaled=True))
    for m in lex.fraction_re.finditer(text):
        key = re.sub(r"[\s-]+", " ", m.group().lower())
        if key in lex.fractions:
            found.append(_Core(m.start(), m.end(), lex.fractions[key], "fraction"))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Core] = []
    for core in found:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _attached_scale(text: str, core: _Core, lex: Lexicon, money: bool) -> tuple[int, float]:
    """How far "million", "bn", "k" ... extend a digit core, and the factor they bring."""
    end, factor = core.end, 1.0
    while True:
        m = lex.scale_re.match(text, end)
        if m and m.group(1):
            factor *= lex.scales[m.group(1).lower()]
        elif m and m.group(2) and _abbrev_is_scale(text, core, m, money):
            factor *= lex.abbrev[m.group(2).lower()]
        else:
            m = lex.spaced_abbrev_re.match(text, end)
            if not m:
                return end, factor
            factor *= lex.abbrev[m.group(1).lower()]
        end = m.end()


def _abbrev_is_scale(text: str, core: _Core, m: re.Match, money: bool) -> bool:
    # "3m" is three metres, "$3m" / "1.2m tons" / "3m people" three million
    if m.group(2).lower() not in ("m", "b"):
        return True
    if money or "." in text[core.start:core.end] or m.group(2) in ("M", "B"):
        return True
    nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
    return bool(nxt and (nxt.group(1) == "of" or nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss")))


def _is_code(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Digits that belong to a designation, id, date, clock time or ordinal rather than a count."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 12]
    if text[max(0, start - 4):start].lower() == "sub-" or text[max(0, start - 6):start].lower() == "minus-":
        return False  # "sub-300 sq m", "minus-130 degrees": a bound or a sign, read later
    if lex.currency_prefix_re.search(text[max(0, start - 4):start]):
        return False  # "USD10m", "$US55,931,000", "RM23.50"
    if before[-1:].isalpha() or before[-1:] in ("#", "_", "/", ":", "@"):
        return True  # "G7", "#3", "12/09", "10:30"
    if before[-1:] in "-‐" and before[:1].isalnum():
        return True  # "MQ-9", "F-16", "COVID-19", "...-1478"
    if re.match(r"[/:]\d", after) or re.match(r"-(?:\d+-|[A-Z])", after):
        return True  # dates "12/09", clocks "10:30", ids "200113-A-", "2021-12-09"
    if re.match(r"\.\d", after):
        return True  # a version or section number "1.2.3"
    if re.fullmatch(r"0\d+", text[start:end]):
        return True  # "0401", "007": a code or clock time, not an amount
    if after[:1].isalpha():
        if lex.measure_re.match(after) or lex.scale_re.match(after) or lex.percent_re.match(after):
            return False  # "10km", "3bn", "5pct"
        # "1st", "1990s", "10pm", "49ers" are not amounts; "256GB", "30Mbps" are, with their unit
        return bool(_ORDINAL_OR_CLOCK.match(after)) or not _STUCK_UNIT.match(after)
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]\s", after):
        return True  # list numbering "1. " / "2) "
    return False


def _is_year_or_day(text: str, core: _Core, lex: Lexicon) -> bool:
    raw = text[core.start:core.end]
    prev_words = re.findall(r"[A-Za-z]+\.?", text[max(0, core.start - 14):core.start])
    next_word = re.match(r"\s*([A-Za-z]+)", text[core.end:core.end + 20])
    prev = prev_words[-1].rstrip(".").lower() if prev_words else ""
    nxt = next_word.group(1) if next_word else ""
    if core.kind == "digits" and raw.isdigit():
        if (prev in lex.months or nxt.lower() in lex.months) and (core.value <= 31 or 1000 <= core.value <= 2100):
            return True
        counts = nxt.islower() and nxt.endswith("s") and not nxt.endswith("ss")
        if len(raw) == 4 and 1900 <= core.value <= 2199:
            return not counts  # a bare year unless it counts something plural: "2000 troops"
        if len(raw) == 4 and 1000 <= core.value < 1900:
            return prev in lex.year_context and not counts  # "in 1907", but "from 1000 to 2000 hires"
    return False


def scan(text: str, lex: Lexicon, blocked: list[tuple[int, int]] = ()) -> list[Hit]:
    """All quantities in `text`, in order; `blocked` char ranges (dates, times) are skipped."""
    cores = _cores(text, lex)
    blocked = list(blocked) + [m.span() for m in _PHONE.finditer(text)]
    hits: list[Hit] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        i += 1
        if hits and core.start < hits[-1].end:
            continue  # already read as part of the previous quantity ("3 billion", "2,000 to 3,000")
        if any(s < core.end and core.start < e for s, e in blocked):
            continue
        if core.kind == "digits" and _is_code(text, core.start, core.end, lex):
            continue
        hit = _atom(text, core, lex)
        if _is_hyphen_adjective(text, hit, lex) or _is_age_apposition(text, core):
            continue
        if hit.unit is None and (_is_year_or_day(text, core, lex) or _is_name_number(text, core)):
            continue  # a year or day of month, "S&P 500", "Game 7"
        while i < len(cores) and cores[i].start < hit.end:
            i += 1  # the scale word of "$1 million" is not the next number
        joined = None
        if i < len(cores) and core.kind in ("digits", "words"):
            joined = _join_range(text, hit, core, cores[i], lex, blocked)
            if joined is not None:
                hit = joined
                i += 1
        if joined is None and core.kind == "digits" and re.match(r"[-–]\d", text[hit.end:hit.end + 2]):
            continue  # "2-1", "9-2 lead", "3888-2": a score or a code, not two amounts
        if core.kind == "words" and text[core.start:core.end].lower() == "one" and _one_is_pronoun(text, core, lex):
            continue
        _bounds(text, hit, lex)
        if hits and hit.bound == "exact" and re.fullmatch(r"\s*\(\s*", text[hits[-1].end:hit.start]):
            hit.bound = hits[-1].bound  # "more than 100 kilometers (60 miles)": a conversion keeps the bound
        hits.append(hit)
    return hits


def _is_name_number(text: str, core: _Core) -> bool:
    """A bare integer right after a capitalised name is part of the name: "S&P 500", "iPhone 11", "Game 7"."""
    raw = text[core.start:core.end]
    if core.kind != "digits" or not raw.isdigit():
        return False
    before = re.search(r"([A-Za-z&][\w&.-]*)\s+$", text[max(0, core.start - 30):core.start])
    if not before or not re.search(r"[A-Z]", before.group(1)):
        return False
    line = text[:before.start(1) + max(0, core.start - 30)].rstrip()
    if not line or line[-1] in ".!?:\"“\n":
        return False  # a capital at the start of a sentence is no name: "Officials 300 ..." is rare, "About 300" is not
    if before.group(1).rstrip(".").lower() in _NOT_NAMES:
        return False
    nxt = re.match(r"\s+([a-z]+)", text[core.end:core.end + 20])
    return not (nxt and nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss"))


# capitalised words that a count can follow: "U.S. 2,500 troops" is rare, but an all-caps unit is not a name
_NOT_NAMES = {"us", "u.s", "uk", "un", "eu"}


def _is_hyphen_adjective(text: str, hit: Hit, lex: Lexicon) -> bool:
    """ "a five-year plan", "a six-speed gearbox": number-noun compounds that modify the next word."""
    m = re.match(r"-([a-z]+(?:-[a-z]+)?)\s+[a-z]", text[hit.end:hit.end + 40])
    if not m or m.group(1) in lex.hyphen_keep:
        return False
    return not m.group(1).endswith("s") or m.group(1).endswith("ss")


def _is_age_apposition(text: str, core: _Core) -> bool:
    """ "Senard, 65, now faces": an age set off after a name; NewsQuant does not count these."""
    if core.kind != "digits" or core.value > 120 or not text[core.start:core.end].isdigit():
        return False
    return bool(re.search(r"[A-Z][a-z]+,\s*$", text[max(0, core.start - 30):core.start])) and text[core.end:core.end + 1] == ","


def _join_range(text: str, hit: Hit, core: _Core, nxt: _Core, lex: Lexicon, blocked) -> Hit | None:
    """A range: "2,000 to 3,000", "2,000-3,000", "between $2 and $3 billion", "four to five thousand"."""
    if nxt.kind not in ("digits", "words") or any(s < nxt.end and nxt.start < e for s, e in blocked):
        return None
    second = _atom(text, nxt, lex, currency=hit.unit if hit.unit and hit.unit.isupper() else None)
    if second is None:
        return None
    between = re.search(r"\bbetween\s*$", text[max(0, hit.start - 9):hit.start], re.I)
    joiner = r"\s*(?:-|–|—|to|and|or)\s*" if between else r"\s*(?:-|–|—|to|or)\s*"
    if not re.fullmatch(joiner, text[hit.end:second.start], re.I):
        return None
    if text[hit.end:second.start].strip().lower() == "or" and core.kind != "words" and second.value > 3 * hit.value:
        return None  # "2 or 20" is a choice, "two or three" a range
    if hit.unit is not None and hit.unit != second.unit:
        return None  # "rose 0.4 per cent to 13176": two different amounts
    low = hit.value
    if not core.scaled and second.value / max(_raw(text, nxt, lex), 1e-9) > 1 and _raw(text, nxt, lex) > low:
        low *= second.value / _raw(text, nxt, lex)  # "four to five thousand", "$10 to $15 billion"
    if low >= second.value:
        return None
    joined = Hit(hit.start, second.end, low, "range", second.value, second.unit or hit.unit, "number",
                 hit.num_start, second.num_end)
    if between:
        joined.start -= len(between.group())
    return joined


def _raw(text: str, core: _Core, lex: Lexicon) -> float:
    """The leading number of a core without its scale ("five" of "five thousand")."""
    if core.kind == "digits":
        return core.value
    first = re.split(r"[\s-]+", text[core.start:core.end])[0]
    return lex.word_value(first) or core.value


def _one_is_pronoun(text: str, core: _Core, lex: Lexicon) -> bool:
    prev = re.findall(r"[A-Za-z-]+", text[max(0, core.start - 12):core.start])
    nxt = re.match(r"\s*([A-Za-z]+)", text[core.end:core.end + 12])
    if prev and prev[-1].lower() in lex.one_blockers:
        return True
    return bool(nxt and nxt.group(1).lower() in lex.one_followers)


def _atom(text: str, core: _Core, lex: Lexicon, currency: str | None = None) -> Hit | None:
    """The core plus its currency sign, scale word and explicit unit."""
    start, unit = core.start, currency
    m = lex.currency_prefix_re.search(text[max(0, start - 4):start])
    if m and core.kind in ("digits", "words", "vague"):
        start -= len(m.group())
        unit = lex.currency_symbols.get(m.group().strip().replace(" ", ""), m.group().strip().upper())
        if unit not in lex.currency_codes:
            unit = lex.currency_symbols.get(m.group().strip(), unit)
    end, value = core.end, core.value
    minus = re.search(r"\bminus[\s-]$", text[max(0, start - 6):start], re.I)
    if minus and core.kind == "digits":
        start, value = start - len(minus.group()), -value
    if core.kind == "digits":
        end, factor = _attached_scale(text, core, lex, money=unit is not None)
        value *= factor
    hit = Hit(start, end, value, "exact", core.value_max, unit, core.kind, core.start, core.end)
    if core.kind == "vague":
        hit.bound = "range"
    if core.kind == "fraction":
        return hit
    m = lex.percent_re.match(text, end)
    if m:
        hit.unit, hit.end = "percent" if "point" not in m.group().lower() else "percentage point", m.end()
        return hit
    m = lex.currency_word_re.match(text, end)
    if m and unit is None:
        word = re.sub(r"\s+", " ", m.group(1).lower())
        word = word[:-1] if word.endswith("s") and word[:-1] in {**lex.currency_adj, **lex.currency_words} else word
        code = lex.currency_adj.get(word) or lex.currency_words.get(word)
        if code and word != "pound":  # "pounds" alone is as often weight as money
            hit.unit, hit.end = code, m.end()
            return hit
    m = lex.measure_re.match(text, end)
    if m and unit is None:
        word = m.group(1).lower()
        canon = lex.measure.get(word) or lex.measure.get(re.sub(r"(?:es|s)$", "", word)) or lex.measure.get(word[:-1])
        if canon:
            hit.unit, hit.end = canon, m.end()
            return hit
    m = _STUCK_UNIT.match(text, end)
    if m and unit is None and core.kind == "digits":
        hit.unit, hit.end = m.group(), m.end()  # "256GB", "30Mbps": a unit the lexicon does not know
    return hit


# a unit the lexicon does not know, stuck to its number: it must show a capital ("GB", "Mbps", "GHz")
_STUCK_UNIT = re.compile(r"(?=[a-z]{0,5}[A-Z])[A-Za-z]{1,6}(?:/[A-Za-z]{1,4})?(?![\w-])")


def _bounds(text: str, hit: Hit, lex: Lexicon) -> None:
    """Read "more than", "about", "up to" before and "+", "or more" after; widen the span over them."""
    if hit.bound != "range":
        window = text[max(0, hit.start - 40):hit.start]
        best: tuple[int, str] | None = None
        for bound, rx in lex.prefix_re.items():
            m = rx.search(window)
            if m and (best is None or len(m.group()) > best[0]):
                best = (len(m.group()), bound)
        if best and not _destination(window[: len(window) - best[0]], window[len(window) - best[0]:], lex):
            hit.bound = best[1]
            hit.start -= best[0]
        for bound, rx in lex.suffix_re.items():
            m = rx.match(text, hit.end)
            if m and not re.match(r"[\w]", text[m.end():m.end() + 1]):
                if hit.bound == "exact":
                    hit.bound = bound
                hit.end = m.end()
                break


def _destination(before: str, cue: str, lex: Lexicon) -> bool:
    """ "inching back up to 4.8 percent": "up to" after a verb of movement names where, not how much."""
    verbs = lex.data["not_bound_after"].get(re.sub(r"\s+", " ", cue.strip().lower()))
    if not verbs:
        return False
    last = re.findall(r"[a-z]+", before.lower())
    return bool(last and last[-1] in verbs)
