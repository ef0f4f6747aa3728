"""factwire_times: time expressions as TIMEX3, resolved against the article's date.

Candidates come from a regular grammar (times_rules.py) that follows TimeML extents, plus
spaCy's DATE/TIME entities the grammar does not cover. Each is resolved in text order:
calendar dates as written; months and weekdays without a year by the tense of the verb
that governs them; "last month", "two years ago" against the document creation time
(DCT); "three years later", "the next day" against the last date resolved before them.
With no DCT, relative values stay unresolved (a *_REF or an X-ed value), never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..docext import register_extensions
from .times_calendar import Point, at_grain, dct_point, interval, parse_value, shift, weekday_near
from .times_periods import entity_value, period_value, year_ago_value
from .times_rules import Cand, Grammar
from .times_tense import tense_of

# a date this many days ahead is read as upcoming even in a past-tense clause ("set Nov. 10
# as the deadline"), one this many days back even in a future-tense one ("must leave by
# Jan. 14" written on Jan. 15); with no tense, months up to this many ahead are upcoming
NEAR_DAYS = 45
NEAR_DAYS_AT = 14  # the same without "to/by/until ...": "cut troops on Jan. 5" told in December is past
NEAR_PAST_DAYS = 7
NEAR_FUTURE_MONTHS = 4

# a date after these is where a past action points, not when it happened ("was extended to
# mid-November", "set for November"), unlike "in January" in "troops were cut in January"
TARGET_PREPOSITIONS = {"to", "until", "till", "through", "by", "for", "before"}
# a delay that runs "until/through January" reaches up to NEAR_FUTURE_MONTHS ahead even in a
# past or perfect clause ("has extended loans through January")
SPAN_END_PREPOSITIONS = {"until", "till", "through"}


@Language.factory("factwire_times", requires=["doc.ents"], assigns=["doc._.fw_times", "doc.spans"])
def make_times(nlp: Language, name: str) -> "TimesComponent":
    register_extensions()
    lexicon = json.loads(resources.files("factwire").joinpath("data", "times_lexicon.json").read_text("utf-8"))
    return TimesComponent(Grammar(lexicon))


class TimesComponent:
    def __init__(self, grammar: Grammar):
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.fw_article
        dct = dct_point(article.published if article is not None else None)
        cands = self.grammar.scan(doc.text)
        cands = _add_entities(doc, cands, self.grammar)
        records: list[schema.Time] = []
        spans: list[Span] = []
        anchor: Point | None = None
        reporting: Point | None = None  # the last quarter named: a results story's reporting period
        for cand in cands:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or not _plausible(cand, span):
                continue
            prep_mod = _preposition_mod(doc.text, span.start_char, self.grammar)
            tense = tense_of(span)
            if tense is None and prep_mod == "BEFORE" and not _plain_before(doc.text, span.start_char):
                tense = 1  # a deadline ("by Jan. 14") lies ahead; "before Friday's purchases" says nothing
            target = _target_preposition(doc.text, span.start_char)
            if target is not None:
                cand.f["target"] = target  # "extended to mid-November": a point the clause aims at
            if cand.kind == "weekday" and _until_target(doc.text, span.start_char):
                cand.f["until"] = True  # "postponed until Tuesday": the end of a delay lies ahead
            value = resolve(cand, dct, anchor, tense, reporting)
            if cand.kind == "entity" and value is None:
                value = entity_value(span.text, dct, self.grammar.parts)
                if value is not None and "T" in value and anchor is not None and anchor.grain == "D":
                    # "4 in the morning", "the evening": on the day the story is at, as clock times
                    value = entity_value(span.text, anchor, self.grammar.parts)
            ident = f"t{len(records) + 1}"
            type_ = cand.type
            if cand.f.get("clock") and value and "T" not in value:
                value = None
            period = interval(value) if type_ in ("DATE", "TIME") else None
            records.append(
                schema.Time(
                    id=ident,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    type=type_,
                    value=value,
                    mod=cand.mod or prep_mod,
                    interval=schema.Interval(start=period[0], end=period[1]) if period else None,
                )
            )
            span.kb_id_ = ident
            spans.append(span)
            point = parse_value(value) if type_ in ("DATE", "TIME") else None
            if point is not None and not cand.f.get("yearago"):
                # a comparison ("a year earlier") points back but does not move the story's time
                anchor = point
                if point.grain == "Q":
                    reporting = point
        doc._.fw_times = records
        doc.spans["fw_times"] = spans
        return doc


# ------------------------------------------------------------------------ candidates

def _add_entities(doc: Doc, cands: list[Cand], grammar: Grammar) -> list[Cand]:
    """spaCy DATE/TIME entities the grammar missed, kept only when they name a time unit."""
    extra: list[Cand] = []
    words = set(grammar.units) | set(grammar.months) | set(grammar.weekdays) | set(grammar.seasons) | set(grammar.parts)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if any(not (c.end <= ent.start_char or c.start >= ent.end_char) for c in cands):
            continue
        lowered = [t.lower_ for t in ent]
        if len(ent) == 1 and lowered[0] in words and lowered[0] not in grammar.months and lowered[0] not in grammar.weekdays:
            continue  # "Good evening", "seconds before": a bare unit word is no timex
        if not any(w in words or w.rstrip(".") in words for w in lowered):
            continue
        if "old" in lowered or "aged" in lowered or ent[0].tag_ == "PRP$":
            continue  # ages; "his year in kindergarten"
        if len(ent) == 1 and ent.text[0].isupper() and lowered[0] in grammar.months and len(lowered[0]) > 3:
            # "The March accession": a month the grammar left out as a possible verb but the
            # tagger reads as a date resolves like any other month
            extra.append(Cand(ent.start_char, ent.end_char, "DATE", "month", f={"month": grammar.months[lowered[0]], "direction": None}))
            continue
        extra.append(Cand(ent.start_char, ent.end_char, ent.label_, "entity"))
    return sorted(cands + extra, key=lambda c: c.start)


def _plausible(cand: Cand, span: Span) -> bool:
    """Drop bare years that count something ("1990 troops") and years inside numbers."""
    if cand.kind != "year":
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and span.root.ent_type_ != "DATE":
        return False
    return True


def _target_preposition(text: str, start: int) -> str | None:
    before = text[max(0, start - 12): start].lower().split()
    return before[-1] if before and before[-1] in TARGET_PREPOSITIONS else None


def _plain_before(text: str, start: int) -> bool:
    before = text[max(0, start - 12): start].lower().split()
    return bool(before) and before[-1] == "before"


def _until_target(text: str, start: int) -> bool:
    """ "postponed until Tuesday", "given them until 9 a.m. Tuesday": a delay that runs to
    the coming day. Not "Until Thursday, they had not ...", "up until" or "not until", which
    look back to when something changed."""
    head = text[max(0, start - 60): start]
    m = re.search(r"(\S*)\s+(?:until|till)\s+(?:(?:noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{3})?)\s+)?$", head)
    if m is None:
        return False
    word = m.group(1).lower().strip(",;:")
    return bool(word) and word not in ("up", "not", "") and not m.group(1).endswith((".", '"', "''"))


def _preposition_mod(text: str, start: int, grammar: Grammar) -> str | None:
    before = text[max(0, start - 20): start].lower().split()
    if not before:
        return None
    preps = grammar.lex["preposition_mods"]
    two = " ".join(before[-2:])
    if two in preps:
        return preps[two]
    return preps.get(before[-1])


# ------------------------------------------------------------------------ resolution

def resolve(cand: Cand, dct: Point | None, anchor: Point | None, tense: int | None, period: Point | None = None) -> str | None:
    """The TIMEX3 value of a candidate (None when it cannot be known)."""
    kind, f = cand.kind, cand.f
    value: str | None
    if f.get("yearago"):
        value = year_ago_value(cand, dct, anchor, period)
    elif kind == "period":
        value = period_value(f, dct, period)
    elif kind in ("abs", "year", "literal", "ref"):
        value = cand.value
    elif kind == "entity":
        value = None
    elif kind == "month":
        value = _month(f, dct, tense)
    elif kind == "weekday":
        value = _weekday(f, dct, tense)
    elif kind == "dct":
        value = _relative(f, dct)
    elif kind == "anchor":
        base = anchor if anchor is not None else dct
        value = _relative(f, base, anchored=anchor is not None) if base is not None else None
        if value is not None and f.get("part") and "T" not in value:
            value = None if len(value) != 10 else value
    elif kind == "quarter":
        value = _quarter(f, dct, tense)
    elif kind == "half":
        year = f.get("year") or (dct.day.year + f["yshift"] if dct else None)
        value = f"{year}-H{f['half']}" if year else None
    elif kind == "season":
        value = _season(f, dct, tense)
    elif kind == "weekend":
        value = _weekend(f, dct, tense)
    elif kind == "clock":
        # a time of day with no day named falls on the day the story is at (TimeML's temporal
        # focus: the last day-precise date before it), else on the article's day
        day = anchor if anchor is not None and anchor.grain == "D" else dct
        value = day.day.isoformat() if day is not None and day.grain == "D" else "XXXX-XX-XX"
    else:
        value = cand.value
    if value is not None and f.get("part") and "T" not in value and len(value) == 10:
        value += "T" + f["part"]
    if value is not None and f.get("clock") and "T" not in value:
        value = value + f["clock"] if len(value) == 10 else None
    return value


def _ref(n: int) -> str:
    return "PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF")


def _relative(f: dict, base: Point | None, anchored: bool = False) -> str | None:
    unit, n = f["unit"], f["n"]
    if base is None:
        return _ref(n)
    if unit == "CE":
        return f"{(base.day.year // 100 + n):02d}"
    if f.get("keep_grain"):
        moved = shift(base, n, unit, keep_grain=True)
        return moved.value if moved else None
    here = at_grain(base, unit)
    if here is None:
        # "yesterday" in an article dated only by month: can't know the day
        return _ref(n) if not (f.get("offset") or anchored) else None
    moved = shift(here, n, unit)
    return moved.value if moved else None


def _month(f: dict, dct: Point | None, tense: int | None) -> str | None:
    month, day = f["month"], f.get("day")
    suffix = f"-{month:02d}" + (f"-{day:02d}" if day else "")
    if dct is None:
        return "XXXX" + suffix
    year = dct.day.year
    if "yshift" in f:
        return f"{year + f['yshift']}{suffix}"
    if dct.grain == "Y" or (dct.grain == "M" and month == dct.day.month):
        # an article dated only by its month: a day in that month is in that month
        return f"{year}{suffix}"
    here = (dct.day.month, dct.day.day if dct.grain == "D" and day else 0)
    there = (month, day or 0)
    direction = f.get("direction")
    if direction == 0:
        return f"{year}{suffix}"
    if direction is None and day and dct.grain == "D":
        return str(_day_year(month, day, dct.day, tense, bool(f.get("target")))) + suffix
    if direction is None:
        direction = tense
        ahead = (month - dct.day.month) % 12
        reach = NEAR_FUTURE_MONTHS if f.get("target") in SPAN_END_PREPOSITIONS else 1
        if tense is not None and tense < 0 and f.get("target") and 0 < ahead <= reach:
            direction = 1  # "was extended to mid-November" written in October: the coming one
    if direction is None:
        # no tense to go by: news looks ahead a few months at most, and back further
        ahead = (month - dct.day.month) % 12
        direction = 1 if 0 < ahead <= NEAR_FUTURE_MONTHS else -1
        if month == dct.day.month:
            direction = 0
    if direction < 0 and there > here:
        year -= 1
    elif direction > 0 and there < here:
        year += 1
    elif direction != 0 and f.get("direction") and there == here:
        year += f["direction"]
    return f"{year}{suffix}"


def _day_year(month: int, day: int, today: dt.date, tense: int | None, target: bool = False) -> int:
    """The year of "Oct. 23" written on `today`: the reading the verb's tense points to,
    unless the other lies within a few weeks ("decided the boy must leave by Jan. 14")."""
    def on(year: int) -> dt.date:
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))

    readings = [on(today.year - 1), on(today.year), on(today.year + 1)]
    past = max(d for d in readings if d <= today)
    future = min(d for d in readings if d >= today)
    ahead = (future - today).days
    if tense is not None and tense < 0:
        return future.year if ahead <= (NEAR_DAYS if target else NEAR_DAYS_AT) else past.year
    if tense is not None and tense > 0:
        # "by Jan. 14" written on Jan. 15 is a deadline just passed, not one a year away
        return past.year if (today - past).days <= NEAR_PAST_DAYS else future.year
    return future.year if ahead <= NEAR_FUTURE_MONTHS * 31 else past.year


def _weekday(f: dict, dct: Point | None, tense: int | None) -> str | None:
    weekday = f["weekday"]
    if dct is None or dct.grain != "D":
        return f"XXXX-WXX-{weekday}"
    direction = f.get("direction")
    if direction is not None:
        # "last Friday" / "next Friday" exclude the DCT itself
        start = dct.day.fromordinal(dct.day.toordinal() + direction)
        return weekday_near(start, weekday, direction).isoformat()
    ahead = tense == 1 or bool(f.get("until"))
    return weekday_near(dct.day, weekday, 1 if ahead else -1).isoformat()


def _quarter(f: dict, dct: Point | None, tense: int | None) -> str | None:
    q = f["q"]
    if "year" in f:
        return f"{f['year']}-Q{q}"
    if dct is None:
        return f"XXXX-Q{q}"
    year = dct.day.year + f.get("yshift", 0)
    if "yshift" not in f and dct.grain != "Y":
        current = (dct.day.month - 1) // 3 + 1
        # results are reported after a quarter ends: only a past quarter ahead of today is last year's
        if tense == -1 and q > current:
            year -= 1
    return f"{year}-Q{q}"


def _season(f: dict, dct: Point | None, tense: int | None) -> str | None:
    code, direction = f["season"], f["direction"]
    if dct is None:
        return f"XXXX-{code}"
    year = dct.day.year
    order = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
    month = dct.day.month
    now = 1 if 3 <= month <= 5 else 2 if 6 <= month <= 8 else 3 if 9 <= month <= 11 else 4
    if direction == 0 and tense is not None:
        # "will step up attacks in the spring" written in December: the coming spring;
        # "fought through the fall" written in February: the last one
        if month <= 2:
            return f"{year - 1 if tense < 0 and code != 'WI' else year}-{code}"
        if tense > 0 and order[code] < now:
            year += 1
        elif tense < 0 and order[code] > now:
            year -= 1
        return f"{year}-{code}"
    if direction != 0 and month <= 2:
        year -= 1  # January and February close the winter that began the year before
    if direction < 0 and order[code] >= now:
        year -= 1
    elif direction > 0 and order[code] <= now:
        year += 1
    return f"{year}-{code}"


def _weekend(f: dict, dct: Point | None, tense: int | None) -> str | None:
    if dct is None or dct.grain != "D":
        return "XXXX-WXX-WE"
    direction = f.get("direction") or tense or -1
    day = dct.day
    weekday = day.isoweekday()
    if weekday >= 6 and f.get("direction") is None:
        target = day
    elif direction < 0:
        target = day.fromordinal(day.toordinal() - weekday)  # the Sunday before
    else:
        target = day.fromordinal(day.toordinal() + (6 - weekday) % 7 or 7)
    year, week, _ = target.isocalendar()
    return f"{year}-W{week:02d}-WE"
