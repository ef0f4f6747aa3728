"""Tests that tell a number that is not an amount: codes, years, dates, clock times, names, ordinals, pronouns.

Each takes the text and the number's characters; `quantities_scan.scan` drops what they flag.
"""

from __future__ import annotations

import re

from .quantities_lexicon import Core, Hit, Lexicon

# letters that may stick to digits without making an amount: ordinals, decades, clock times, eras
ORDINAL_OR_CLOCK = re.compile(r"(?:st|nd|rd|th|s|am|pm|a\.m\.|p\.m\.|GMT|UTC|BC|AD|BCE|CE)\b", re.I)
# phone numbers, so that "(555) 123-4567" is not read as a range
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")


# a unit the lexicon does not know, stuck to its number: it must show a capital ("GB", "Mbps", "GHz")
STUCK_UNIT = re.compile(r"(?=[a-z]{0,5}[A-Z])[A-Za-z]{1,6}(?:/[A-Za-z]{1,4})?(?![\w-])")


def is_code(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Digits that belong to a designation, id, date, clock time or ordinal rather than a count."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 12]
    if text[max(0, start - 4):start].lower() == "sub-" or text[max(0, start - 6):start].lower() == "minus-":
        return False  # "sub-300 sq m", "minus-130 degrees": a bound or a sign, read later
    cur = lex.currency_prefix_re.search(text[max(0, start - 4):start])
    if cur and cur.group().strip() in lex.ascii_currency:
        # "PS2.7m", "PS21,700" are pounds; "PS4" is a games console
        return not (re.search(r"[.,]", text[start:end]) or lex.scale_re.match(text, end))
    if cur:
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
        return bool(ORDINAL_OR_CLOCK.match(after)) or not STUCK_UNIT.match(after)
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]\s", after):
        return True  # list numbering "1. " / "2) "
    return False


def is_year_or_day(text: str, core: Core, lex: Lexicon) -> bool:
    raw = text[core.start:core.end]
    prev_words = re.findall(r"[A-Za-z]+\.?", text[max(0, core.start - 14):core.start])
    # "2000 - 2500 Calories": a range whose second number counts something is no span of years
    ranged = re.match(r"\s*(?:-|–|to)\s*\d[\d,.]*\s+([A-Za-z]+)", text[core.end:core.end + 30])
    next_word = ranged or re.match(r"\s*([A-Za-z]+)", text[core.end:core.end + 20])
    prev = prev_words[-1].rstrip(".").lower() if prev_words else ""
    nxt = next_word.group(1) if next_word else ""
    if core.kind == "digits" and raw.isdigit():
        if (prev in lex.months or nxt.lower() in lex.months) and (core.value <= 31 or 1000 <= core.value <= 2100):
            return True
        counts = (nxt.islower() or bool(ranged and nxt[1:].islower())) and nxt.endswith("s") and not nxt.endswith("ss")
        if len(raw) == 4 and 1900 <= core.value <= 2199:
            return not counts  # a bare year unless it counts something plural: "2000 troops"
        if len(raw) == 4 and 1000 <= core.value < 1900:
            return prev in lex.year_context and not counts  # "in 1907", but "from 1000 to 2000 hires"
    return False


# capitalised words a count may follow without being part of a name ("U.S. 2,500")
_NOT_NAMES = {"us", "u.s", "uk", "un", "eu"}


def is_name_number(text: str, core: Core) -> bool:
    """A bare integer right after a capitalised name is part of the name: "S&P 500", "iPhone 11", "Game 7"."""
    raw = text[core.start:core.end]
    if core.kind != "digits" or not raw.isdigit():
        return False
    before = re.search(r"([A-Za-z&][\w&.-]*)\)?\s+$", text[max(0, core.start - 30):core.start])
    if not before or not re.search(r"[A-Z]", before.group(1)):
        return False
    word = before.group(1).rstrip(".")
    acronym = len(word) >= 2 and (word.isupper() or not word[0].isupper())  # "CTF 50", "iPhone 11"
    line = text[:before.start(1) + max(0, core.start - 30)].rstrip()
    if not acronym and (not line or line[-1] in ".!?:\"“\n"):
        return False  # a capital at the start of a sentence is no name: "About 300" is not one
    if before.group(1).rstrip(".").lower() in _NOT_NAMES:
        return False
    nxt = re.match(r"\s+([a-z]+)", text[core.end:core.end + 20])
    return not (nxt and nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss"))


def before_month_or_clock(text: str, hit: Hit, lex: Lexicon) -> bool:
    after = text[hit.end:hit.end + 12]
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hours\s+GMT)", after, re.I):
        return True
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    return bool(nxt and nxt.group(1).lower() in lex.months and 0 < (hit.value_max or hit.value) <= 31)


def is_hyphen_adjective(text: str, hit: Hit, lex: Lexicon) -> bool:
    """ "a five-year plan", "a six-speed gearbox": number-noun compounds that modify the next word.
    Measures other than time stay ("a 5-mpg boost"), and so do "5,000-strong" and "15-year-old"."""
    m = re.match(r"-([a-z]+(?:-[a-z]+)?)\s+[a-z]", text[hit.num_end:hit.num_end + 40])
    if not m or m.group(1) in lex.hyphen_keep:
        return False
    word = m.group(1)
    if word.endswith("s") and not word.endswith("ss"):
        return False
    unit = lex.measure.get(word)
    return unit is None or unit in lex.time_units


def is_age_apposition(text: str, core: Core) -> bool:
    """ "Senard, 65, now faces": an age set off after a name; NewsQuant does not count these."""
    if core.kind != "digits" or core.value > 120 or not text[core.start:core.end].isdigit():
        return False
    return bool(re.search(r"[A-Z][a-z]+,\s*$", text[max(0, core.start - 30):core.start])) and text[core.end:core.end + 1] == ","


def is_the_n(text: str, core: Core) -> bool:
    """ "the difference between the two.": a spelled-out number standing for a noun said before."""
    prev = re.findall(r"[A-Za-z]+", text[max(0, core.start - 8):core.start])
    return bool(prev and prev[-1].lower() in ("the", "these", "those") and re.match(r"\s*[.,;:!?)\"”]", text[core.end:core.end + 3]))


def one_is_pronoun(text: str, core: Core, lex: Lexicon) -> bool:
    prev = re.findall(r"[A-Za-z-]+", text[max(0, core.start - 12):core.start])
    nxt = re.match(r"\s*([A-Za-z]+)", text[core.end:core.end + 12])
    if prev and prev[-1].lower() in lex.one_blockers:
        return True
    return bool(nxt and nxt.group(1).lower() in lex.one_followers)
