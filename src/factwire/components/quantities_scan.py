"""Text-level scanner for numeric expressions: the half of factwire_quantities that needs no parse.

It works on characters, not tokens, because tokenizers disagree about "2,000-3,000", "$3bn" or
"5,000+"; the component maps the hits onto tokens afterwards to find the counted noun.
Conventions for vague and bounded amounts follow NewsQuant's annotation (see the lexicon's _note).
"""

from __future__ import annotations

import re

from .quantities_filters import (
    PHONE,
    STUCK_UNIT,
    before_month_or_clock,
    is_age_apposition,
    is_code,
    is_hyphen_adjective,
    is_name_number,
    is_the_n,
    is_year_or_day,
    one_is_pronoun,
)
from .quantities_lexicon import Core, Hit, Lexicon, digits_value

__all__ = ["Hit", "Lexicon", "scan"]


def _cores(text: str, lex: Lexicon) -> list[Core]:
    """Every bare number in the text, longest reading first where readings overlap."""
    found: list[Core] = []
    for m in lex.digits_re.finditer(text):
        start, value = m.start(), digits_value(m.group())
        if text[start - 1:start] in ("-", "−") and (start == 1 or text[start - 2] in " ($\n"):
            start, value = start - 1, -value  # "-1.3%", "$-50.8 billion"; not "MQ-9" or "2,000-3,000"
        found.append(Core(start, m.end(), value, "digits"))
    for m in lex.words_re.finditer(text):
        value = lex.word_value(m.group())
        if re.fullmatch(r"[a-z]+", m.group(), re.I) and m.group().lower() in lex.scales:
            continue  # "million" or "dozen" alone belongs to a number before it, or is a noun
        if value is not None:
            scaled = bool(re.search(r"hundred|thousand|million|billion|trillion", m.group(), re.I))
            found.append(Core(m.start(), m.end(), value, "words", scaled=scaled))
    for m in lex.vague_re.finditer(text):
        if m.group("plural"):
            key = re.sub(r"\s+", " ", m.group("plural").lower())
            if key == "scores" and not re.match(r"\s+of\b", text[m.end():]):
                continue  # "scores" alone is usually the sports sense
            low = float(lex.vague[key])
            found.append(Core(m.start(), m.end(), low, "vague", value_max=low * 10, scaled=True))
        else:
            unit = float(lex.scales[m.group("fscale").lower()])
            found.append(Core(m.start(), m.end(), 2 * unit, "vague", value_max=9 * unit, scaled=True))
    for m in lex.fraction_re.finditer(text):
        key = re.sub(r"[\s-]+", " ", m.group().lower())
        if key in lex.fractions:
            found.append(Core(m.start(), m.end(), lex.fractions[key], "fraction"))
    found += _sci_cores(text, lex) + _slash_fractions(text, lex) + _out_of(text, lex)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Core] = []
    for core in found:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _sci_cores(text: str, lex: Lexicon) -> list[Core]:
    """ "1.99×10−30", "1.5 x 10^6", "2.5e-3": one number, read whole before its digits are."""
    out = []
    for m in lex.sci_re.finditer(text):
        exponent = next(g for g in m.groups()[1:] if g is not None).replace("−", "-")
        out.append(Core(m.start(), m.end(), float(m.group(1)) * 10.0 ** int(exponent), "digits"))
    return out


def _slash_fractions(text: str, lex: Lexicon) -> list[Core]:
    """ "1/16 of a pint", "1/2 pound", "1⁄32": a proper fraction, when what follows shows it is one.
    Without "of", a unit or the fraction slash, "9/11" or "3/4" may be a date or a name."""
    out = []
    for m in lex.slash_re.finditer(text):
        num, den = int(m.group(1)), int(m.group(3))
        if not 0 < num < den:
            continue
        after = text[m.end():m.end() + 20]
        if m.group(2) == "⁄" or re.match(r"\s+(?:of|an?|pounds?)\b", after, re.I) or lex.measure_re.match(after):
            out.append(Core(m.start(), m.end(), num / den, "fraction"))
    return out


def _out_of(text: str, lex: Lexicon) -> list[Core]:
    """ "one out of three Germans", "9 out of 10": the share, as NewsQuant reads it."""
    out = []
    for m in re.finditer(r"\b([a-z]+|\d+)\s+out\s+of\s+(?:every\s+)?([a-z]+|\d+)\b", text, re.I):
        num, den = (float(g) if g.isdigit() else lex.word_value(g) for g in m.groups())
        if num is not None and den and 0 < num < den:
            out.append(Core(m.start(), m.end(), num / den, "fraction"))
    return out


def _attached_scale(text: str, core: Core, lex: Lexicon, money: bool) -> tuple[int, float]:
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


def _abbrev_is_scale(text: str, core: Core, m: re.Match, money: bool) -> bool:
    # "3m" is three metres, "$3m" / "1.2m tons" / "3m people" three million
    if m.group(2).lower() not in ("m", "b"):
        return True
    if money or "." in text[core.start:core.end] or m.group(2) in ("M", "B"):
        return True
    nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
    return bool(nxt and (nxt.group(1) == "of" or nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss")))


def scan(text: str, lex: Lexicon, blocked: list[tuple[int, int]] = ()) -> list[Hit]:
    """All quantities in `text`, in order; `blocked` char ranges (dates, times) are skipped."""
    cores = _cores(text, lex)
    blocked = list(blocked) + [m.span() for m in PHONE.finditer(text)]
    hits: list[Hit] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        i += 1
        if hits and core.start < hits[-1].end:
            continue  # already read as part of the previous quantity ("3 billion", "2,000 to 3,000")
        if any(s < core.end and core.start < e for s, e in blocked):
            continue
        if core.kind == "digits" and is_code(text, core.start, core.end, lex):
            continue
        hit = _atom(text, core, lex)
        if is_hyphen_adjective(text, hit, lex) or is_age_apposition(text, core):
            continue
        if hit.unit is None and (is_year_or_day(text, core, lex) or is_name_number(text, core)):
            continue  # a year or day of month, "S&P 500", "Game 7"
        while i < len(cores) and cores[i].start < hit.end:
            i += 1  # the scale word of "$1 million" is not the next number
        joined = None
        j = i
        while j < len(cores) and any(s < cores[j].end and cores[j].start < e for s, e in blocked):
            j += 1  # "from 20 mpg in 2008 to 29 mpg": the date between is not the range's end
        if j < len(cores) and core.kind in ("digits", "words"):
            joined = _join_range(text, hit, core, cores[j], lex, blocked)
            if joined is not None:
                hit = joined
                i = j + 1
        if joined is None and core.kind == "digits" and re.match(r"[-–]\d", text[hit.end:hit.end + 2]):
            continue  # "2-1", "9-2 lead", "3888-2": a score or a code, not two amounts
        if hit.unit is None and before_month_or_clock(text, hit, lex):
            continue  # "11-13 Dec.", "10 a.m."
        if core.kind == "words" and text[core.start:core.end].lower() == "one" and one_is_pronoun(text, core, lex):
            continue
        if core.kind == "words" and hit.end == core.end and is_the_n(text, core):
            continue
        _bounds(text, hit, lex)
        if hits and hit.bound == "exact" and re.fullmatch(r"\s*\(\s*", text[hits[-1].end:hit.start]):
            hit.bound = hits[-1].bound  # "more than 100 kilometers (60 miles)": a conversion keeps the bound
        hits.append(hit)
    return hits


def _join_range(text: str, hit: Hit, core: Core, nxt: Core, lex: Lexicon, blocked) -> Hit | None:
    """A range: "2,000 to 3,000", "2,000-3,000", "between $2 and $3 billion", "four to five thousand"."""
    if nxt.kind not in ("digits", "words") or any(s < nxt.end and nxt.start < e for s, e in blocked):
        return None
    base = hit.unit.split(" per ")[0] if hit.unit else None  # "USD" of "USD per barrel"
    second = _atom(text, nxt, lex, currency=base if base and base.isupper() else None)
    before = text[max(0, hit.start - 9):hit.start]
    between = re.search(r"\bbetween\s*$", before, re.I)
    # "from 4.8 percent to 4.7 percent", "from $75 U.S. per barrel to $45.88": NewsQuant reads a
    # change from one level to another as one range, whichever way it goes
    start_to_end = re.search(r"\bfrom\s+$", before, re.I) is not None
    gap = text[hit.end:second.start]
    for s, e in blocked:  # "from 20 mpg in 2008 to 29 mpg": a date in the gap is only words
        if hit.end <= s and e <= second.start:
            gap = gap[:s - hit.end] + "x" * (e - s) + gap[e - hit.end:]
    joiner = r"\s*(?:-|–|—|to|and|or)\s*" if between else r"\s*(?:-|–|—|to|or)\s*"
    if start_to_end and re.fullmatch(r"(?:\s+[^\s\d]+){0,5}?\s+to\s*", gap, re.I):
        pass
    elif not re.fullmatch(joiner, gap, re.I):
        return None
    word = gap.strip().lower()
    if word == "or" and core.kind != "words":
        return None  # "25k or 40k", "8 or $9" are alternatives; "two or three" a vague range
    if word == "to" and re.search(r"\bby\s+$", before, re.I):
        return None  # "increased by $43.6 billion to $419.2 billion": the change, then the new level
    second_base = second.unit.split(" per ")[0] if second.unit else None
    if base is not None and base != second_base and not (start_to_end and second.unit is None):
        return None  # "rose 0.4 per cent to 13176": two different amounts
    low = hit.value
    if not core.scaled and second.value / max(_raw(text, nxt, lex), 1e-9) > 1 and _raw(text, nxt, lex) > low:
        low *= second.value / _raw(text, nxt, lex)  # "four to five thousand", "$10 to $15 billion"
    if low == second.value or (low > second.value and not start_to_end):
        return None
    low, high = min(low, second.value), max(low, second.value)
    rate = next((u for u in (second.unit, hit.unit) if u and " per " in u), None)  # "$75 per barrel to $80"
    joined = Hit(hit.start, second.end, low, "range", high, rate or second.unit or hit.unit, "number",
                 hit.num_start, second.num_end)
    if between:
        joined.start -= len(between.group())
    return joined


def _raw(text: str, core: Core, lex: Lexicon) -> float:
    """The leading number of a core without its scale ("five" of "five thousand")."""
    if core.kind == "digits":
        return core.value
    first = re.split(r"[\s-]+", text[core.start:core.end])[0]
    return lex.word_value(first) or core.value


def _atom(text: str, core: Core, lex: Lexicon, currency: str | None = None) -> Hit:
    """The core plus its currency sign, scale word and explicit unit, and a rate ("per barrel")."""
    hit = _atom_core(text, core, lex, currency)
    if hit.unit is not None:
        rate = per_unit(text, hit.end, lex)
        if rate is not None:
            hit.unit = f"{hit.unit} per {rate}"  # "$58.24 per barrel", "15 miles per hour"
    return hit


def per_unit(text: str, end: int, lex: Lexicon) -> str | None:
    """The denominator of a rate after `end`: "per barrel", "per sq m", "a year" (only time units after "a")."""
    m = re.match(r"\s*(per|/|an?|each)\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[end:end + 40])
    if m is None:
        return None
    two = f"{m.group(2)} {m.group(3)}".lower() if m.group(3) else None
    word = m.group(2).lower()
    if two and two in lex.measure:
        return lex.measure[two]
    unit = lex.measure.get(word) or lex.measure.get(re.sub(r"(?:es|s)$", "", word))
    if m.group(1).lower() in ("a", "an", "each"):
        return unit if unit in lex.time_units else None
    if m.group(1) == "/" and unit is None:
        return None  # "$7/$9", "and/or"
    return unit or (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)


def _atom_core(text: str, core: Core, lex: Lexicon, currency: str | None = None) -> Hit:
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
        m = lex.measure_re.match(text, end)
        if m and re.match(r"\d", text[core.end - 1]):  # "3/4 mile"; "half the town" has no unit
            canon = lex.measure.get(m.group(1).lower()) or lex.measure.get(re.sub(r"(?:es|s)$", "", m.group(1).lower()))
            if canon:
                hit.unit, hit.end = canon, m.end()
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
    m = STUCK_UNIT.match(text, end)
    if m and unit is None and core.kind == "digits":
        hit.unit, hit.end = m.group(), m.end()  # "256GB", "30Mbps": a unit the lexicon does not know
    return hit


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
