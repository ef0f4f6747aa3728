"""Handlers for calendar periods in business and government news, and their resolution:
quarters, halves, fiscal years, "the quarter", "a year earlier" (the handlers are mixed into
times_rules.Grammar; times.py calls period_value and year_ago_value).

A financial report compares the period it is about with the same period a year before:
"net rose to $5 million from $4 million a year earlier" means the quarter a year before
the quarter reported on. Those expressions carry `yearago`; times.py resolves them against
the last quarter the article named (its reporting period) when there is one.
"""

from __future__ import annotations

import re

from .times_calendar import Point, at_grain, shift
from .times_cands import Cand


class PeriodRules:
    ordinals: dict[str, int]
    numbers: dict[str, float]

    def _spelled_year(self, m: re.Match) -> Cand:
        # broadcast transcripts spell years out: "nineteen ninety-four", "the year two thousand"
        gd = m.groupdict()
        ones = int(self.numbers[gd["yo"].lower()]) if gd.get("yo") else 0
        if gd.get("cent"):
            year = int(self.numbers[gd["cent"].lower()]) * 100 + int(self.numbers[gd["yt"].lower()]) + ones
        else:
            year = 2000 + ones
        return Cand(m.start(), m.end(), "DATE", "year", str(year))

    def _quarter(self, m: re.Match) -> Cand:
        gd = m.groupdict()
        q = int(gd["qn"]) if gd.get("qn") else self.ordinals[gd["ord"].lower()]
        f: dict = {"q": q}
        year = gd.get("qy") or (gd.get("yq") if gd.get("yq") and gd["yq"][:1].isdigit() else None)
        if year:
            f["year"] = int(year)
        rel = (gd.get("qrel") or gd.get("yq") or "").lower()
        for word, shift in (("last", -1), ("next", 1), ("this", 0)):
            if rel.startswith(word):
                f["yshift"] = shift
        start = m.start()
        if re.match(r"the\s", m.group(0), re.I) and re.search(r"-quarter$", m.group(0), re.I) and re.match(r"\s+[a-z]", m.string[m.end(): m.end() + 2]):
            start += len(re.match(r"the\s+", m.group(0), re.I).group(0))  # "the third-quarter loss": "the" is the loss's
        return Cand(start, m.end(), "DATE", "quarter", f=f)

    def _half(self, m: re.Match) -> Cand:
        f = {"half": 1 if m.group("half").lower() == "first" else 2}
        if m.group("qy"):
            f["year"] = int(m.group("qy"))
        else:
            f["yshift"] = {"last": -1, "next": 1, "this": 0}[m.group("qrel").lower()]
        return Cand(m.start(), m.end(), "DATE", "half", f=f)

    def _fiscal(self, m: re.Match) -> Cand:
        fy = m.group("fy").lstrip("'")
        if len(fy) == 2:
            fy = ("19" if int(fy) > 50 else "20") + fy
        return Cand(m.start(), m.end(), "DATE", "abs", fy)

    def _the_unit(self, m: re.Match) -> Cand:
        # "the month" alone is anaphoric; scan() keeps it only inside "the end of the month"
        unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE"}[m.group("gu").lower()]
        if unit == "Q":
            # "the quarter" in business news is the quarter being reported on
            return Cand(m.start(), m.end(), "DATE", "period", f={"which": "reported"})
        return Cand(m.start(), m.end(), "DATE", "dct", f={"unit": unit, "n": 0, "needs_position": True})

    def _year_ago(self, m: re.Match) -> Cand:
        # financial "the year-earlier quarter": the period a year before the one just named
        return Cand(m.start(), m.end(), "DATE", "anchor", f={"unit": "Y", "n": -1, "yearago": True})

    def _named_quarter(self, m: re.Match) -> Cand:
        # "the latest quarter" is the last one completed before the article; "the current
        # quarter" the one it is written in
        word = " ".join(m.group("qw").lower().replace("-", " ").split())
        which = "current" if word in ("current", "present") else "latest"
        return Cand(m.start(), m.end(), "DATE", "period", f={"which": which})

    def _year_period(self, m: re.Match) -> Cand:
        # "sales rose from the 1988 period": the reported quarter, in 1988
        return Cand(m.start(), m.end(), "DATE", "period", f={"which": "year", "year": int(m.group("py"))})

    def _current_year(self, m: re.Match) -> Cand:
        # "the current fiscal year", "the full year": the year the article is written in
        return Cand(m.start(), m.end(), "DATE", "dct", f={"unit": "Y", "n": 0})

    def _year_end(self, m: re.Match) -> Cand:
        # "by year-end": the end of the year the article is written in
        return Cand(m.start(), m.end(), "DATE", "dct", mod="END", f={"unit": "Y", "n": 0})

    def _century(self, m: re.Match) -> Cand | None:
        # "the 20th century" is 19 in TIMEX3 (the first two digits of its years)
        n = int(m.group("cn"))
        if not 1 <= n <= 21:
            return None
        return Cand(m.start(), m.end(), "DATE", "abs", f"{n - 1:02d}")


# ------------------------------------------------------------------------ resolution

def year_ago_value(cand: Cand, dct: Point | None, anchor: Point | None, period: Point | None) -> str | None:
    """ "a year ago", "the year-earlier period": the reporting quarter a year back, else a year."""
    if period is not None:
        moved = shift(period, -1, "Y", keep_grain=True)
        return moved.value if moved else None
    base = anchor if cand.kind == "anchor" and anchor is not None else dct
    if base is None:
        return "PAST_REF"
    return str(base.day.year - 1)


def period_value(f: dict, dct: Point | None, period: Point | None) -> str | None:
    """ "the quarter" (the one reported on), "the latest quarter", "the current quarter",
    "the 1988 period" (the reported quarter of 1988)."""
    which = f["which"]
    if which == "year":
        if period is None:
            return str(f["year"])
        return f"{f['year']}-Q{(period.day.month - 1) // 3 + 1}"
    if which == "reported" and period is not None:
        return period.value
    if dct is None or dct.grain == "Y":
        return "XXXX-QX" if dct is None else f"{dct.day.year}-QX"
    current = at_grain(dct, "Q")
    if current is None:
        return None
    if which == "current":
        return current.value
    # results are published after a quarter closes: the latest is the one before today's
    moved = shift(current, -1, "Q")
    return moved.value if moved else None


# a part of the day named on its own ("mid-afternoon", "late in the evening") or a clock time
# told by it ("4 in the morning"): the article's own day, as TimeML anchors such times to the DCT
# (times.py moves them to the day the story is at when a day-precise date came before)
_PART_ALONE = re.compile(r"^(?:(?:early|late|mid|later|earlier|in|the)[\s-]+)*(?P<part>morning|afternoon|evening|night)$", re.I)
_HOUR_IN_PART = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s+(?:o'clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening|night)$", re.I)


def entity_value(text: str, dct: Point | None, parts: dict[str, str]) -> str | None:
    """The value of a time entity the grammar has no rule for, when it is a bare part of the
    day (DCT day + part: "mid-afternoon" -> 1998-03-06TAF), an hour in one ("4 in the
    morning" -> T04:00) or "the year" (the DCT's year); None otherwise."""
    text = " ".join(text.split())
    if dct is not None and text.lower() in ("the year", "the current year", "the present year"):
        return str(dct.day.year)  # news speaks of the year it is written in ("earlier in the year")
    if dct is None or dct.grain != "D":
        return None
    m = _HOUR_IN_PART.match(text)
    if m:
        hour, part = int(m.group("h")), parts[m.group("part").lower()]
        if hour > 12:
            return None
        if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
            hour += 12
        return f"{dct.day.isoformat()}T{hour:02d}:{int(m.group('m') or 0):02d}"
    m = _PART_ALONE.match(text)
    if m:
        return f"{dct.day.isoformat()}T{parts[m.group('part').lower()]}"
    return None
