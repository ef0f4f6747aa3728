"""Regular grammar of English time expressions for factwire_times.

`Grammar(lexicon).scan(text)` returns `Cand`idates: a character extent following TimeML's
conventions (determiners and "early/late/nearly" inside, prepositions outside), a type,
and what is needed to resolve it (`kind` + fields). Resolution against the document date,
the verb's tense and earlier times happens in times.py. Words come from times_lexicon.json.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from .times_cands import Cand, duration_value, merge_clock_dates, non_overlapping
from .times_periods import PeriodRules

LB = r"(?<![\w'’.])(?<!\d-)"  # no word, apostrophe or decimal point before
RB = r"(?![\w-])(?!['’][a-rt-z])"  # "year's" and a closing '' may follow


def _alt(words: Iterator[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class Grammar(PeriodRules):
    def __init__(self, lex: dict):
        self.lex = lex
        self.months: dict[str, int] = lex["months"]
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.numbers: dict[str, float] = lex["numbers"]
        self.units: dict[str, str] = lex["units"]
        self.ordinals: dict[str, int] = lex["ordinals"]
        self.seasons: dict[str, str] = lex["seasons"]
        self.parts: dict[str, str] = lex["parts_of_day"]
        self.refs: dict[str, str] = lex["refs"]
        self.sets: dict[str, str] = lex["sets"]
        month = rf"(?P<mon>{_alt(self.months)})"
        month_nodot = month.replace(r"\.", "")
        wday = rf"(?P<wd>{_alt(self.weekdays)})"
        self.tens = [w for w, v in self.numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
        ones = [w for w, v in self.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
        numword = rf"(?:(?:{_alt(self.tens)})(?:[\s-](?:{_alt(ones)}))?|{_alt(self.numbers)})"
        digits = r"\d+(?:\.\d+)?(?:\s+\d/\d)?"
        num = rf"(?P<num>{digits}|{numword}|{_alt(lex['vague_numbers'])})"
        unit = rf"(?P<unit>{_alt(self.units)})"
        year = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        part = rf"(?P<part>{_alt(self.parts)})"
        season = rf"(?P<season>{_alt(self.seasons)})"
        rel = r"(?P<rel>this past|this coming|this|last|next|past|coming|previous)"
        ordinal = rf"(?P<ord>{_alt(self.ordinals)})"
        I = re.I
        # (name, pattern, flags, handler, priority)
        self.rules: list[tuple[re.Pattern, Callable[[re.Match], Cand | None], int]] = [
            # "May 1 of 2019", "May 1 of this year" (a spoken repair "of this past — of this year" too)
            (re.compile(rf"{LB}(?:{wday},?\s+)?{month}\s+{day}(?:,?\s+(?:of\s+)?{year}|\s+of\s+(?:this\s+past\s*[—–-]+\s*of\s+)?(?P<yrel>this|last|next)\s+year)?{RB}", I), self._month_day, 5),
            (re.compile(rf"{LB}(?:the\s+)?{day}\s+(?:of\s+)?{month_nodot}(?:,?\s+{year})?{RB}", I), self._month_day, 4),
            (re.compile(rf"{LB}{month},?\s+(?:of\s+)?{year}{RB}", I), self._month_year, 5),
            (re.compile(rf"{LB}(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d){RB}"), self._iso, 6),
            (re.compile(rf"{LB}(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d){RB}"), self._iso, 6),
            # "9/11": a date named by its event, never this year's September 11
            # ... unless a year is given: "9/11 of 2019" is that year's September 11
            (re.compile(rf"{LB}(?P<named>{_alt(lex['named_dates'])})(?:\s+of\s+{year})?{RB}(?!/\d)"), self._named_date, 7),
            (re.compile(rf"{LB}(?:(?P<rel>last|next|this|this past|this coming)\s+)?{month_nodot}(?:\s+(?P<yrel>last|next|this)\s+year)?{RB}", I), self._month, 2),
            (re.compile(rf"{LB}(?<![$€£¥]){year}{RB}"), self._year, 1),  # "$2000" is money
            (re.compile(rf"{LB}(?:the\s+)?(?P<dec>1[6-9]\d|20\d)0'?s{RB}", I), self._decade, 3),
            (re.compile(rf"{LB}(?:the\s+)?(?:fiscal[\s-]+)?(?:(?P<yq>1[6-9]\d\d|20\d\d|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:fiscal[\s-]+)?{ordinal}[\s-]+quarter(?:\s+of\s+(?:(?P<qy>1[6-9]\d\d|20\d\d)|(?P<qrel>this|last|next)\s+year))?{RB}", I), self._quarter, 4),
            (re.compile(rf"{LB}Q(?P<qn>[1-4])(?:\s+(?P<qy>1[6-9]\d\d|20\d\d))?{RB}"), self._quarter, 4),
            (re.compile(rf"{LB}(?:the\s+)?(?P<half>first|second|last)\s+half\s+of\s+(?:(?P<qy>1[6-9]\d\d|20\d\d)|(?P<qrel>this|last|next)\s+year){RB}", I), self._half, 4),
            (re.compile(rf"{LB}(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<fy>1[6-9]\d\d|20\d\d|'?\d\d){RB}", I), self._fiscal, 5),
            (re.compile(rf"{LB}(?:the\s+)?{wday}(?:'s)?\s+(?:{part}){RB}|{LB}(?P<wd2>{_alt(self.weekdays)}){RB}", I), self._weekday, 2),
            (re.compile(rf"{LB}(?P<rel>last|next|this|this past|this coming)\s+{wday}{RB}", I), self._weekday, 3),
            (re.compile(rf"{LB}(?P<w>today|tonight|yesterday|tomorrow)(?:\s+{part})?{RB}", I), self._today, 3),
            (re.compile(rf"{LB}(?:the\s+day\s+(?P<dx>before\s+yesterday|after\s+tomorrow)){RB}", I), self._today, 4),
            (re.compile(rf"{LB}(?P<this>this|last)\s+{part}{RB}", I), self._this_part, 3),
            (re.compile(rf"{LB}(?:the\s+)?{rel}\s+(?P<gu>week|month|year|quarter|decade|century){RB}", I), self._rel_unit, 3),
            (re.compile(rf"{LB}the\s+(?P<gu>week|month|year|quarter|decade|century){RB}", I), self._the_unit, 2),
            (re.compile(rf"{LB}the\s+(?P<py>1[6-9]\d\d|20\d\d)\s+(?:period|quarter){RB}", I), self._year_period, 3),
            (re.compile(rf"{LB}the\s+(?P<qw>latest|most\s+recent|recent|current|present|just[\s-](?:ended|completed))\s+(?:fiscal\s+)?quarter{RB}", I), self._named_quarter, 3),
            (re.compile(rf"{LB}the\s+(?:(?:current|full|present)\s+(?:fiscal\s+|calendar\s+)?|fiscal\s+)year{RB}|{LB}this\s+(?:fiscal|calendar)\s+year{RB}", I), self._current_year, 3),
            (re.compile(rf"{LB}(?:the\s+year\s+)?(?P<cent>nineteen|twenty)[\s-](?P<yt>{_alt(self.tens)})(?:[\s-](?P<yo>{_alt(ones)}))?{RB}", I), self._spelled_year, 2),
            (re.compile(rf"{LB}(?:the\s+year\s+|(?<=in\s)|(?<=since\s)|(?<=by\s))two\s+thousand(?:\s+and)?(?:[\s-](?P<yo>{_alt(ones)}))?{RB}", I), self._spelled_year, 2),
            (re.compile(rf"{LB}(?:the\s+)?(?P<cn>\d{{1,2}})(?:st|nd|rd|th)\s+century{RB}", I), self._century, 3),
            (re.compile(rf"{LB}(?:the\s+)?(?:comparable\s+|corresponding\s+)?year[\s-](?:earlier|ago)(?:\s+(?:period|quarter|(?:first|second|third|fourth)\s+quarter|(?:six|nine)\s+months))?{RB}", I), self._year_ago, 4),
            (re.compile(rf"{LB}(?:(?P<rel>this|last|next|this past|the)\s+)?weekend{RB}", I), self._weekend, 3),
            (re.compile(rf"{LB}{rel}\s+{season}{RB}", I), self._season, 3),
            (re.compile(rf"{LB}{season},?\s+(?:of\s+)?{year}{RB}", I), self._season, 3),
            (re.compile(rf"{LB}(?:the\s+)?{season}\s+of\s+(?P<qrel>this|last|next)\s+year{RB}", I), self._season, 3),
            (re.compile(rf"{LB}the\s+(?:(?P<edge>early|late|mid)[\s-]+)?{season}{RB}(?!\s+of\b)", I), self._the_season, 2),
            (re.compile(rf"{LB}(?:the\s+)?year(?:['’]s)?[\s-]end{RB}", I), self._year_end, 3),
            (re.compile(rf"{LB}{num}[\s-]+{unit}\s+(?P<dir>ago|earlier|later|before|after|hence|from\s+now){RB}", I), self._offset, 6),
            (re.compile(rf"{LB}(?:the\s+)?(?P<rel>next|following|previous|preceding|prior)\s+(?P<au>day|morning|afternoon|evening|night|week|month|year){RB}", I), self._anchor_next, 4),
            (re.compile(rf"{LB}(?P<ctx>that|the\s+same)\s+(?P<au>day|morning|afternoon|evening|night|week|month|year){RB}", I), self._anchor_same, 3),
            (re.compile(rf"{LB}(?:(?P<lead>the\s+(?:past|last|next|first|coming|final|previous|following|latest|remaining)|the|an?\s+additional|another)\s+)?{num}[\s-]+(?:more\s+|additional\s+|trading\s+|business\s+|working\s+)?{unit}(?:[\s-]long)?{RB}", I), self._duration, 2),
            (re.compile(rf"{LB}(?:(?P<recent>recent|the\s+(?:past|last|next|coming)|coming|in\s+)\s+)?(?P<punit>years|decades|months|weeks|days|hours|centuries|quarters){RB}", I), self._plural_unit, 1),
            (re.compile(rf"{LB}(?P<every>every|each|per)\s+(?:(?P<sunit>year|month|week|day|night|morning|hour|quarter|decade)|{wday}|{month_nodot}|{season}){RB}", I), self._every, 4),
            (re.compile(rf"{LB}(?P<setw>{_alt(self.sets)}){RB}", I), self._setword, 2),
            (re.compile(rf"{LB}(?P<ref>{_alt(self.refs)}){RB}", I), self._ref, 1),
            (re.compile(rf"{LB}(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?!\w)|(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d)\s+(?=GMT|UTC|local)|(?P<noon>noon|midnight|midday))(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time)\b)?", I), self._clock, 5),
        ]
        self.pos_prefix = re.compile(
            r"(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later))(?:\s+in)?(?:\s+|-)|(?P<of>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+days?|last\s+days?)\s+of)\s+|(?P<mid>mid-?))$",
            re.I,
        )
        # "over" is left out: "over the past 20 years" means during them, and TimeBank tags
        # "the past 20 years" only
        self.approx_prefix = re.compile(
            r"(?P<w>nearly|almost|around|roughly|approximately|more\s+than|less\s+than|at\s+least|up\s+to|no\s+more\s+than|some|just|only)\s+$",
            re.I,
        )

    # ---------------------------------------------------------------- scanning

    def scan(self, text: str) -> list[Cand]:
        found: list[Cand] = []
        for pattern, handler, priority in self.rules:
            for m in pattern.finditer(text):
                cand = handler(m)
                if cand is None:
                    continue
                cand.priority = priority
                self._extend(text, cand)
                if cand.f.get("needs_position") and not cand.f.get("positioned"):
                    continue
                found.append(cand)
        chosen = non_overlapping(found)
        return merge_clock_dates(text, chosen)

    def _extend(self, text: str, cand: Cand) -> None:
        """Pull modifiers left of the expression into it, as TimeML extents do."""
        before = text[max(0, cand.start - 40): cand.start]
        if cand.type in ("DATE", "TIME") and cand.kind not in ("ref",):
            m = self.pos_prefix.search(before)
            if m and not (m.group("mid") and cand.kind not in ("year", "month", "abs", "decade")):
                word = (m.group("edge") or m.group("of") or m.group("mid") or "").lower()
                if "early" in word or "beginning" in word or "start" in word or "first" in word or "turn" in word:
                    cand.mod = "START"
                elif "late" in word or "end" in word or "close" in word or "last" in word:
                    cand.mod = "END"
                elif "mid" in word or "middle" in word:
                    cand.mod = "MID"
                if "earlier" in word and cand.kind == "dct":
                    cand.mod = "START"
                cand.start -= len(m.group(0))
                cand.f["positioned"] = True
                return
        if cand.type == "DURATION" or cand.kind == "offset":
            m = self.approx_prefix.search(before)
            if m:
                word = " ".join(m.group("w").lower().split())
                if word in ("just", "only"):
                    return
                if word in ("nearly", "almost", "around", "roughly", "approximately", "some"):
                    cand.mod = "APPROX"
                cand.start -= len(m.group(0))

    # ---------------------------------------------------------------- handlers

    def _mon(self, m: re.Match) -> int:
        return self.months[m.group("mon").lower().rstrip(".")] if m.group("mon").lower().rstrip(".") in self.months else self.months[m.group("mon").lower()]

    def _month_day(self, m: re.Match) -> Cand | None:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        month = self._mon(m)
        if m.group("year"):
            return Cand(m.start(), m.end(), "DATE", "abs", f"{m.group('year')}-{month:02d}-{day:02d}")
        yrel = m.groupdict().get("yrel")
        if yrel:  # "of this year" fixes the year to the DCT's (shifted by last/next)
            return Cand(m.start(), m.end(), "DATE", "month", f={"month": month, "day": day, "yshift": {"last": -1, "next": 1, "this": 0}[yrel.lower()]})
        if m.group("mon") == "May" or m.group("mon") == "may":
            # "may 4" is rare as a verb, but a lowercase "may" is the verb
            if m.group("mon") == "may":
                return None
        named = self._named_by_context(m, month, day)
        if named is not None:
            return Cand(m.start(), m.end(), "DATE", "literal", named)
        return Cand(m.start(), m.end(), "DATE", "month", f={"month": month, "day": day})

    def _named_by_context(self, m: re.Match, month: int, day: int) -> str | None:
        """'the forces that attacked this country on September 11th': a month and day with no
        year, in a sentence with words of the event that day is named by, is that event's date."""
        entry = self.lex["named_dates_in_context"].get(f"{month:02d}-{day:02d}")
        if entry is None:
            return None
        text = m.string
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n\n", 0, m.start()), m.start() - 200) + 1
        ends = [i for i in (text.find(".", m.end()), text.find("\n\n", m.end())) if i >= 0]
        end = min(ends + [m.end() + 200])
        words = set(re.findall(r"[a-z]+", text[start:end].lower()))
        return entry["value"] if words & set(entry["context"]) else None

    def _named_date(self, m: re.Match) -> Cand:
        value = self.lex["named_dates"][m.group("named")]
        if m.group("year"):
            value = m.group("year") + value[4:]  # same month and day, the year written after it
        return Cand(m.start(), m.end(), "DATE", "literal", value)

    def _month_year(self, m: re.Match) -> Cand:
        return Cand(m.start(), m.end(), "DATE", "abs", f"{m.group('year')}-{self._mon(m):02d}")

    def _iso(self, m: re.Match) -> Cand | None:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return Cand(m.start(), m.end(), "DATE", "abs", f"{y:04d}-{mo:02d}-{d:02d}")

    def _month(self, m: re.Match) -> Cand | None:
        word = m.group("mon")
        if not word[0].isupper():
            return None  # "march", "may" lowercase are verbs
        if word.lower() in ("may", "march") and not m.group("rel") and not m.group("yrel"):
            # the modal/verb: keep only when a preposition or modifier introduces it
            if not re.search(r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|end|last|next|this)\s+|mid-)$", m.string[max(0, m.start() - 12): m.start()], re.I):
                return None
        if word.endswith(".") is False and len(word) <= 4 and word.lower() not in ("may", "june", "july"):
            return None  # bare "Jan", "Oct" without a day are too often something else
        f = {"month": self._mon(m), "direction": {"last": -1, "next": 1, "this past": -1, "this coming": 1, "this": 0}.get((m.group("rel") or "").lower())}
        if m.group("yrel"):
            f["yshift"] = {"last": -1, "next": 1, "this": 0}[m.group("yrel").lower()]
        return Cand(m.start(), m.end(), "DATE", "month", f=f)

    def _year(self, m: re.Match) -> Cand:
        return Cand(m.start(), m.end(), "DATE", "year", m.group("year"))

    def _decade(self, m: re.Match) -> Cand:
        return Cand(m.start(), m.end(), "DATE", "abs", m.group("dec"))

    def _weekday(self, m: re.Match) -> Cand | None:
        gd = m.groupdict()
        word = gd.get("wd") or gd.get("wd2")
        if not word[0].isupper():
            return None
        f = {"weekday": self.weekdays[word.lower()],
             "direction": {"last": -1, "next": 1, "this past": -1, "this coming": 1, "this": None}.get((gd.get("rel") or "").lower())}
        if gd.get("part"):
            f["part"] = self.parts[gd["part"].lower()]
            return Cand(m.start(), m.end(), "TIME", "weekday", f=f)
        return Cand(m.start(), m.end(), "DATE", "weekday", f=f)

    def _today(self, m: re.Match) -> Cand:
        gd = m.groupdict()
        if gd.get("dx"):
            n = -2 if gd["dx"].lower().startswith("before") else 2
            return Cand(m.start(), m.end(), "DATE", "dct", f={"unit": "D", "n": n})
        w = gd["w"].lower()
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        f: dict = {"unit": "D", "n": n}
        if w == "tonight":
            f["part"] = "NI"
        if gd.get("part"):
            f["part"] = self.parts[gd["part"].lower()]
        return Cand(m.start(), m.end(), "TIME" if "part" in f else "DATE", "dct", f=f)

    def _this_part(self, m: re.Match) -> Cand | None:
        part = self.parts[m.group("part").lower()]
        this = m.group("this").lower()
        if this == "last" and part != "NI":
            return None  # "last morning" is not idiomatic; "last evening" rare
        return Cand(m.start(), m.end(), "TIME", "dct", f={"unit": "D", "n": -1 if this == "last" else 0, "part": part})

    def _rel_unit(self, m: re.Match) -> Cand:
        rel = m.group("rel").lower()
        n = {"this": 0, "last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}[rel]
        unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE"}[m.group("gu").lower()]
        return Cand(m.start(), m.end(), "DATE", "dct", f={"unit": unit, "n": n})

    def _weekend(self, m: re.Match) -> Cand:
        rel = (m.group("rel") or "the").lower()
        return Cand(m.start(), m.end(), "DATE", "weekend", f={"direction": {"last": -1, "this past": -1, "next": 1}.get(rel)})

    def _season(self, m: re.Match) -> Cand:
        code = self.seasons[m.group("season").lower()]
        f: dict = {"season": code}
        gd = m.groupdict()
        if gd.get("year"):
            return Cand(m.start(), m.end(), "DATE", "abs", f"{gd['year']}-{code}")
        rel = (gd.get("rel") or gd.get("qrel") or "this").lower()
        f["direction"] = {"last": -1, "past": -1, "this past": -1, "previous": -1, "next": 1, "coming": 1, "this coming": 1}.get(rel, 0)
        return Cand(m.start(), m.end(), "DATE", "season", f=f)

    def _the_season(self, m: re.Match) -> Cand:
        # "the summer" in news is this year's; "the early summer" its start
        cand = self._season(m)
        cand.mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("edge") or "").lower())
        return cand

    def _number(self, word: str) -> float | None:
        word = " ".join(word.lower().replace("-", " ").split())
        if word in self.numbers:
            return float(self.numbers[word])
        frac = re.match(r"^(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?$", word)
        if frac:
            value = float(frac.group(1))
            if frac.group(2):
                value += int(frac.group(2)) / int(frac.group(3))
            return value
        parts = word.split()
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            return float(self.numbers[parts[0]] + self.numbers[parts[1]])
        return None  # vague: "a few", "several"

    def _unit(self, word: str) -> str:
        return self.units[word.lower()]

    def _offset(self, m: re.Match) -> Cand | None:
        unit = self._unit(m.group("unit"))
        if unit in ("FN", "ML"):
            return None
        n = self._number(m.group("num"))
        direction = m.group("dir").lower()
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if direction in ("before", "after"):
            return None  # "two years after the war": the duration alone is the timex
        anchor = direction in ("earlier", "later")
        if n is None or n != int(n):
            return Cand(m.start(), m.end(), "DATE", "ref", "PAST_REF" if sign < 0 else "FUTURE_REF")
        f = {"unit": unit, "n": sign * int(n), "offset": True, "keep_grain": anchor}
        if unit == "Y" and sign * int(n) == -1:
            f["yearago"] = True  # "a year ago": in a results story, the reported period a year back
        return Cand(m.start(), m.end(), "DATE", "anchor" if anchor else "dct", f=f)

    def _anchor_next(self, m: re.Match) -> Cand | None:
        rel = m.group("rel").lower()
        unit_word = m.group("au").lower()
        has_the = m.group(0).lower().startswith("the")
        if rel in ("next", "previous") and not has_the:
            return None  # "next week" is relative to today (_rel_unit)
        if rel == "next" and unit_word in ("week", "month", "year"):
            return None
        sign = 1 if rel in ("next", "following") else -1
        unit = {"week": "W", "month": "M", "year": "Y"}.get(unit_word, "D")
        f: dict = {"unit": unit, "n": sign}
        if unit_word in self.parts:
            f["part"] = self.parts[unit_word]
        return Cand(m.start(), m.end(), "TIME" if "part" in f else "DATE", "anchor", f=f)

    def _anchor_same(self, m: re.Match) -> Cand:
        unit_word = m.group("au").lower()
        unit = {"week": "W", "month": "M", "year": "Y"}.get(unit_word, "D")
        f: dict = {"unit": unit, "n": 0}
        if unit_word in self.parts:
            f["part"] = self.parts[unit_word]
        return Cand(m.start(), m.end(), "TIME" if "part" in f else "DATE", "anchor", f=f)

    def _duration(self, m: re.Match) -> Cand | None:
        unit_word = m.group("unit")
        unit = self._unit(unit_word)
        num_word = m.group("num").lower()
        if num_word in ("a", "an") and unit in ("S", "Q"):
            return None  # "a second attack", "a quarter of"
        if unit == "S" and not num_word[0].isdigit() and not unit_word.lower().endswith("s"):
            return None  # "one second" is fine, but "the second" ordinal is not a duration
        if unit == "Q" and re.match(r"\s+of\b", m.string[m.end(): m.end() + 4]):
            return None  # "three-quarters of its food"
        if unit == "Q" and not unit_word.lower().endswith("s") and num_word not in ("one",):
            return None  # "three quarter" is a fraction
        n = self._number(num_word)
        if num_word in ("some",) and m.group("lead") is None:
            return None
        if re.match(r"\s*old\b", m.string[m.end(): m.end() + 5]) or re.match(r"-old\b", m.string[m.end(): m.end() + 5]):
            return None  # an age, not a period
        following = m.string[m.end(): m.end() + 12].lower()
        if num_word in ("a", "an", "one") and re.match(r"\s*(?:ago|earlier|later)", following):
            return None
        if num_word in ("a", "an") and re.search(r"(?:\d|\btimes?|\bonce|\btwice|[$£€%])\s*$", m.string[max(0, m.start() - 12): m.start()]):
            return Cand(m.start(), m.end(), "SET", "literal", duration_value(1, unit))
        lead = (m.group("lead") or "").lower()
        start = m.start()
        if lead == "the" and "-" in m.string[m.start("num"): m.start("unit")]:
            start = m.start("num")  # "the 23-year rule": the compound modifies the noun, "the" is its
        return Cand(start, m.end(), "DURATION", "literal", duration_value(n, unit), f={"lead": lead})

    def _plural_unit(self, m: re.Match) -> Cand | None:
        recent = (m.group("recent") or "").lower().strip()
        if not recent or recent == "in":
            before = m.string[max(0, m.start() - 6): m.start()].lower()
            if not re.search(r"\bfor\s+$", before) or recent == "in":
                return None  # bare "days" in "days of talks" is not a timex
        unit = self._unit(m.group("punit"))
        return Cand(m.start(), m.end(), "DURATION", "literal", duration_value(None, unit))

    def _every(self, m: re.Match) -> Cand:
        gd = m.groupdict()
        if gd.get("wd"):
            return Cand(m.start(), m.end(), "SET", "literal", f"XXXX-WXX-{self.weekdays[gd['wd'].lower()]}")
        if gd.get("mon"):
            return Cand(m.start(), m.end(), "SET", "literal", f"XXXX-{self._mon(m):02d}")
        if gd.get("season"):
            return Cand(m.start(), m.end(), "SET", "literal", f"XXXX-{self.seasons[gd['season'].lower()]}")
        unit = {"year": "Y", "month": "M", "week": "W", "day": "D", "night": "D", "morning": "D", "hour": "H", "quarter": "Q", "decade": "DE"}[gd["sunit"].lower()]
        return Cand(m.start(), m.end(), "SET", "literal", duration_value(1, unit))

    def _setword(self, m: re.Match) -> Cand | None:
        word = m.group("setw").lower()
        if word in self.lex.get("adjectival_sets", ()) and re.match(r"\s+[a-z]", m.string[m.end(): m.end() + 2]):
            return None  # "its quarterly dividend" is a kind of dividend, not a time
        return Cand(m.start(), m.end(), "SET", "literal", self.sets[m.group("setw").lower()])

    def _ref(self, m: re.Match) -> Cand | None:
        word = " ".join(m.group("ref").lower().split())
        if word == "soon" and re.search(r"\bas\s+$", m.string[max(0, m.start() - 4): m.start()], re.I):
            return None  # "as soon as" is a connective
        return Cand(m.start(), m.end(), "DATE", "ref", self.refs[word])

    def _clock(self, m: re.Match) -> Cand | None:
        gd = m.groupdict()
        if gd.get("noon"):
            clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[gd["noon"].lower()]
        elif gd.get("h"):
            hour = int(gd["h"])
            if not 1 <= hour <= 12:
                return None
            pm = gd["ap"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
            clock = f"T{hour:02d}:{gd['mi'] or '00'}"
        else:
            hour = int(gd["hh"])
            if hour > 24:
                return None
            clock = f"T{hour:02d}:{gd['mm']}"
        return Cand(m.start(), m.end(), "TIME", "clock", f={"clock": clock})
