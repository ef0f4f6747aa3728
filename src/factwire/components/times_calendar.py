"""Calendar arithmetic on TIMEX3 values for factwire_times: parse, shift, and intervals.

A resolved point in time is a `Point`: a granularity ("Y", "Q", "M", "W", "D", "DE") and
the first day it covers. Everything here is pure and works without spaCy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# finer granularities first: a shift by a unit keeps the coarser of (point, unit)
GRAIN_ORDER = ("D", "W", "M", "Q", "Y", "DE")


@dataclass(frozen=True)
class Point:
    grain: str
    day: dt.date

    @property
    def value(self) -> str:
        d = self.day
        if self.grain == "D":
            return d.isoformat()
        if self.grain == "W":
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}"
        if self.grain == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "DE":
            return f"{d.year // 10:03d}"
        return f"{d.year:04d}"


def dct_point(published: str | None) -> Point | None:
    """The document creation time at whatever precision the article gives."""
    if not published:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published)
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return Point("D", dt.date(int(year), int(month), int(day)))
    if month:
        return Point("M", dt.date(int(year), int(month), 1))
    return Point("Y", dt.date(int(year), 1, 1))


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4])|W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?(?:T.*)?$|^(?P<de>\d{3})$"
)


def parse_value(value: str | None) -> Point | None:
    """A Point from an absolute TIMEX3 date value; None for REF, X-ed or duration values."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    if m.group("de"):
        return Point("DE", dt.date(int(m.group("de")) * 10, 1, 1))
    year = int(m.group("y"))
    if m.group("q"):
        return Point("Q", dt.date(year, (int(m.group("q")[1]) - 1) * 3 + 1, 1))
    if m.group("w"):
        return Point("W", dt.date.fromisocalendar(year, int(m.group("w")), 1))
    if m.group("m"):
        month = int(m.group("m"))
        if m.group("d"):
            return Point("D", dt.date(year, month, int(m.group("d"))))
        return Point("M", dt.date(year, month, 1))
    return Point("Y", dt.date(year, 1, 1))


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def coarser(a: str, b: str) -> str:
    return a if GRAIN_ORDER.index(a) >= GRAIN_ORDER.index(b) else b


def shift(point: Point, amount: int, unit: str, keep_grain: bool = False) -> Point | None:
    """`point` moved by `amount` units (Y, Q, M, W, D, DE), at the coarser of the two grains.

    None when the unit is finer than what the point knows ("two days after 2011").
    """
    grain = unit if unit in GRAIN_ORDER else None
    if grain is None:
        return None
    if GRAIN_ORDER.index(point.grain) > GRAIN_ORDER.index(grain):
        return None
    day = point.day
    if unit == "D":
        day = day + dt.timedelta(days=amount)
    elif unit == "W":
        day = day + dt.timedelta(weeks=amount)
    elif unit == "M":
        day = add_months(day, amount)
    elif unit == "Q":
        day = add_months(day, 3 * amount)
    elif unit == "Y":
        day = add_months(day, 12 * amount)
    elif unit == "DE":
        day = add_months(day, 120 * amount)
    # "a year earlier" than a quarter is a quarter (TimeML); "two years ago" is a year
    grain = point.grain if keep_grain else coarser(point.grain, unit)
    return Point(grain, truncate(day, grain))


def truncate(day: dt.date, grain: str) -> dt.date:
    if grain == "D":
        return day
    if grain == "W":
        return day - dt.timedelta(days=day.weekday())
    if grain == "M":
        return day.replace(day=1)
    if grain == "Q":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if grain == "DE":
        return dt.date(day.year // 10 * 10, 1, 1)
    return dt.date(day.year, 1, 1)


def at_grain(point: Point, grain: str) -> Point | None:
    """The same time at another granularity ("this month" of a day); None if too fine."""
    if GRAIN_ORDER.index(point.grain) > GRAIN_ORDER.index(grain):
        return None
    return Point(grain, truncate(point.day, grain))


def interval(value: str | None) -> tuple[str, str] | None:
    """First and last day a date value covers (YYYY, YYYY-MM, YYYY-MM-DD, -Qn, -Wnn, -H1, decade)."""
    if not value:
        return None
    half = re.match(r"^(\d{4})-H([12])$", value)
    if half:
        year, h = int(half.group(1)), int(half.group(2))
        return (f"{year}-01-01", f"{year}-06-30") if h == 1 else (f"{year}-07-01", f"{year}-12-31")
    point = parse_value(value)
    if point is None:
        return None
    start = point.day
    if point.grain == "D":
        end = start
    elif point.grain == "W":
        end = start + dt.timedelta(days=6)
    elif point.grain == "M":
        end = add_months(start, 1) - dt.timedelta(days=1)
    elif point.grain == "Q":
        end = add_months(start, 3) - dt.timedelta(days=1)
    elif point.grain == "DE":
        end = dt.date(start.year + 9, 12, 31)
    else:
        end = dt.date(start.year, 12, 31)
    return start.isoformat(), end.isoformat()


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The `weekday` (1 = Monday) on or before the anchor (direction -1) or on or after it (+1)."""
    delta = (weekday - anchor.isoweekday()) % 7
    if direction < 0:
        return anchor - dt.timedelta(days=(7 - delta) % 7)
    return anchor + dt.timedelta(days=delta)
