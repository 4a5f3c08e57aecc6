"""Rebuild `sitroom/web/static/world-110m.json` (country outlines as SVG paths) from npm's
`world-atlas`.

Build-time only, never at run time: ``npm pack world-atlas@2.0.2``, untar it, then
``.venv/bin/python scripts/build_world.py package/countries-110m.json``. The output holds one SVG
path per country in an equirectangular projection (x = lon + 180, y = 90 - lat, so the viewBox is
``0 0 360 180``), rounded to 0.1 degree. Data: Natural Earth (public domain) via world-atlas
(ISC licence, Michael Bostock; see sitroom/web/static/LICENSE-world-atlas.txt).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "sitroom" / "web" / "static" / "world-110m.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every (delta-encoded, quantized) arc."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for pts in rings:
        pieces: list[list[str]] = [[]]
        last = None
        for lon, lat in pts:
            xy = (round(lon + 180, 1), round(90 - lat, 1))
            if last is not None and abs(xy[0] - last[0]) > 180:
                pieces.append([])  # crosses the antimeridian: new subpath, no streak across
            if xy != last:
                pieces[-1].append(f"{xy[0]:g},{xy[1]:g}")
                last = xy
        for coords in pieces:
            if len(coords) > 2:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = {"Polygon": [geom.get("arcs", [])],
                 "MultiPolygon": geom.get("arcs", [])}.get(geom["type"], [])
        rings = [ring(arcs, r) for poly in polys for r in poly]
        d = path(rings)
        if d:
            out.append({"id": geom.get("id"), "name": geom["properties"]["name"], "d": d})
    OUT.write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"{len(out)} countries -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
