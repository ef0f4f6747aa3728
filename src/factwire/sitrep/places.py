"""Where to draw a fact and what to call a theatre: place coordinates with a country fallback."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files

from ..records import PlaceRef


@dataclass(frozen=True)
class CountryPoints:
    """Country reference points (data/places_countries.tsv) and names (pycountry), read once per report."""

    @cached_property
    def _points(self) -> dict[str, tuple[float, float]]:
        text = files("factwire").joinpath("data/places_countries.tsv").read_text(encoding="utf-8")
        rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
        out = {}
        for row in rows:
            try:
                out[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
            except (KeyError, TypeError, ValueError):
                continue
        return out

    def point(self, place: PlaceRef | None, country: str | None = None) -> tuple[float, float] | None:
        """The place's own coordinates, else its (or the given) country's reference point."""
        if place is not None and place.lat is not None and place.lon is not None:
            return place.lat, place.lon
        code = (place.country if place is not None else None) or country
        return self._points.get(code) if code else None

    @staticmethod
    def name(iso3: str | None) -> str | None:
        if not iso3:
            return None
        import pycountry

        found = pycountry.countries.get(alpha_3=iso3)
        if found is None:
            return iso3
        return getattr(found, "common_name", None) or found.name
