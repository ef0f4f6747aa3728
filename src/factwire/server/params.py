"""Query parameters -> Filters, and the opaque pagination cursor.

The HTTP API takes the CLI's filters by the same names. A cursor is the store's ``Page.next``
handed back unchanged; today it encodes an offset, which is all a client may not rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Query

from ..records import Filters
from .problems import ParameterError

MAX_LIMIT = 1000
_COUNTRY = re.compile(r"[A-Za-z]{3}")


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for (0 for none); a cursor this server did not issue -> 422."""
    if cursor is None or cursor == "":
        return 0
    if not cursor.isdigit() or len(cursor) > 12:
        raise ParameterError("cursor", f"{cursor!r} is not a cursor this server issued; pass the 'next' value of the previous page unchanged")
    return int(cursor)


def _date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ParameterError(name, f"{value!r} is not a date; give it as YYYY-MM-DD")


def _blank_to_none(value: str | None) -> str | None:
    # An empty form field (?actor=) means "no filter", not "an actor named ''".
    return value.strip() or None if value is not None else None


def query_filters(
    actor: Annotated[str | None, Query(description="actor name or alias (case-insensitive substring)")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 of an actor or place involved, e.g. IRQ")] = None,
    place: Annotated[str | None, Query(description="place name (case-insensitive substring)")] = None,
    type: Annotated[str | None, Query(description="PLOVER type, ACLED event type, force type or quote kind")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD: facts dated on or after")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD: facts dated on or before")] = None,
    text: Annotated[str | None, Query(description="full-text query (SQLite FTS5 syntax) over the evidence")] = None,
    article: Annotated[str | None, Query(description="only facts from this article id")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 100,
    cursor: Annotated[str | None, Query(description="the 'next' value of the previous page")] = None,
) -> Filters:
    """FastAPI dependency: the request's filters, checked, as the store's Filters."""
    country = _blank_to_none(country)
    if country is not None:
        if not _COUNTRY.fullmatch(country):
            raise ParameterError("country", f"{country!r} is not an ISO 3166-1 alpha-3 code; give three letters such as IRQ or USA")
        country = country.upper()
    since_day, until_day = _date("since", _blank_to_none(since)), _date("until", _blank_to_none(until))
    if since_day and until_day and since_day > until_day:
        raise ParameterError("until", f"{until_day} is before since={since_day}; swap them")
    return Filters(
        actor=_blank_to_none(actor),
        country=country,
        place=_blank_to_none(place),
        type=_blank_to_none(type),
        since=since_day,
        until=until_day,
        text=_blank_to_none(text),
        article=_blank_to_none(article),
        limit=limit,
        offset=decode_cursor(_blank_to_none(cursor)),
    )
