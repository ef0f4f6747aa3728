"""Build src/factwire/data/world_110m.geojson, the world outline the HTML report and web page draw.

Source: world-atlas 2.0.2 (`npm pack world-atlas`), file countries-110m.json: Natural Earth
1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com/) as TopoJSON, packaged
by Mike Bostock under the ISC licence. This script decodes the TopoJSON arcs (quantized,
delta-encoded) into GeoJSON polygons, rounds coordinates to 0.1 degree and drops the points that
rounding makes repeat, so the outline is small enough to inline in every report. Antarctica is left
out: it has no bearing on the reports and its ring around the pole does not draw in a flat map.
Rings crossing the antimeridian (Fiji, Russia) are kept as published; the drawing code unwraps them.

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_outline.py /tmp/package/countries-110m.json src/factwire/data/world_110m.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SKIPPED = {"010"}  # ISO 3166-1 numeric: Antarctica
PRECISION = 1  # decimal places kept: 0.1 degree, ~11 km, finer than a 1400-px world map shows


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topo["transform"]["scale"]
    shift_x, shift_y = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # a negative index ~i means arc i walked backwards
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # consecutive arcs share their joining point
        points.extend(arc if not points else arc[1:])
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, PRECISION), round(lat, PRECISION)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def polygons(geometry: dict, arcs) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    result = []
    for part in parts:
        rings = [r for r in (ring(indexes, arcs) for indexes in part) if len(r) >= 4]
        if rings:
            result.append(rings)
    return result


def convert(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polys = polygons(geometry, arcs)
        if not polys or geometry.get("id") in SKIPPED:
            continue
        props = geometry.get("properties", {})
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": props.get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    return {
        "type": "FeatureCollection",
        # foreign members (RFC 7946 section 6.1): where the outline comes from and on what terms
        "source": "Natural Earth 1:110m Admin 0 countries via world-atlas 2.0.2 countries-110m.json "
        "(https://github.com/topojson/world-atlas); converted by scripts/world_outline.py, coordinates rounded to 0.1 degree, Antarctica left out",
        "license": "Natural Earth: public domain; world-atlas packaging: ISC (c) 2013-2019 Michael Bostock",
        "features": features,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out = convert(topo)
    Path(argv[2]).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{argv[2]}: {len(out['features'])} countries, {Path(argv[2]).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
