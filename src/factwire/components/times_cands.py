"""Candidate time expressions and what happens to them after scanning (times_rules.py).

Overlaps are settled longest-first, clock times are joined to the day they name, and
numeric durations are written as TIMEX3 values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Cand:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    kind: str  # abs | month | weekday | dct | anchor | quarter | season | weekend | ref | literal | year
    value: str | None = None
    mod: str | None = None
    f: dict = field(default_factory=dict)  # month, day, weekday, unit, n, direction, year, part ...
    priority: int = 0


_UNIT_CODES = {"Y": ("P", "Y", 1), "M": ("P", "M", 1), "W": ("P", "W", 1), "D": ("P", "D", 1),
               "DE": ("P", "Y", 10), "CE": ("P", "Y", 100), "Q": ("P", "M", 3), "H": ("PT", "H", 1),
               "MIN": ("PT", "M", 1), "S": ("PT", "S", 1), "FN": ("P", "D", 14), "ML": ("P", "Y", 1000)}


def duration_value(n: float | None, unit: str) -> str:
    prefix, code, factor = _UNIT_CODES[unit]
    if n is None:
        return f"{prefix}X{unit if unit in ('DE', 'CE', 'Q') else code}"
    n = n * factor
    if n != int(n):
        # "2 1/2 years" is P2Y6M in TimeML; finer fractions go one unit down
        lower = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "W": ("D", 7)}.get(code)
        if lower and prefix == "P" and code in ("Y", "W"):
            whole = int(n)
            rest = round((n - whole) * lower[1])
            return f"P{whole}{code}{rest}{lower[0]}" if whole else f"P{rest}{lower[0]}"
        if code == "D":
            return f"PT{round(n * 24)}H"
        if code == "H" and prefix == "PT":
            whole = int(n)
            return f"PT{whole}H{round((n - whole) * 60)}M" if whole else f"PT{round(n * 60)}M"
        return f"{prefix}{n:g}{code}"
    return f"{prefix}{int(n)}{code}"


def non_overlapping(cands: list[Cand]) -> list[Cand]:
    """Longest first, then by rule priority; earlier wins ties."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[Cand] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


_CLOCK_GAP = re.compile(r"^(?:,\s*|\s+)(?:on\s+)?$", re.I)


def merge_clock_dates(text: str, cands: list[Cand]) -> list[Cand]:
    """'10 p.m. Wednesday', '5 p.m. EST, Nov. 6': one TIME whose date comes from the day."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (cand.kind == "clock" and nxt is not None and nxt.type == "DATE"
                and nxt.kind in ("weekday", "month", "abs", "dct") and _CLOCK_GAP.match(text[cand.end: nxt.start])):
            merged = Cand(cand.start, nxt.end, "TIME", nxt.kind, nxt.value, nxt.mod, dict(nxt.f), nxt.priority)
            merged.f["clock"] = cand.f["clock"]
            out.append(merged)
            i += 2
            continue
        out.append(cand)
        i += 1
    return out
