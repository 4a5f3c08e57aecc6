"""Downloads: the rows a view shows, every one the filters keep, as CSV, JSON lines or GeoJSON.

Each is written to a temporary file on the request's thread (the routes are plain functions,
run in the thread pool) and sent from it, so a large download costs disk, not memory."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import IO, Any

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..exports import flat
from ..exports import write_jsonl as write_event_jsonl
from ..store.filters import EventFilter
from .service import Service

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
         "geojson": "application/geo+json"}


def file_response(name: str, fmt: str, write: Callable[[IO[str]], Any]) -> FileResponse:
    """The file `write` fills, sent as `name.fmt` and removed once sent."""
    fd, path = tempfile.mkstemp(prefix="sitroom-", suffix="." + fmt)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=MEDIA[fmt], filename=f"{name}.{fmt}",
                        background=BackgroundTask(os.unlink, path))


def event_download(service: Service, where: EventFilter, table: str, fmt: str) -> FileResponse:
    """Events (reports or canonical events) as `sitroom export` writes them: csv (the flat
    columns of docs/exports.md) or jsonl (the output contract)."""
    def write(handle: IO[str]) -> None:
        with service.cursor() as cur:
            store = SimpleNamespace(con=cur, path=service.path)
            if fmt == "csv":
                flat.write_csv(store, handle, where=where, table=table)  # type: ignore[arg-type]
            else:
                write_event_jsonl(store, handle, where=where, table=table)  # type: ignore[arg-type]
    return file_response("canonical-events" if table != "events" else "events", fmt, write)


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested record as one level: {"actor": {"text": ..}} is {"actor_text": ..}; lists as
    JSON text."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def rows_download(name: str, fmt: str, rows: Iterable[dict[str, Any]],
                  columns: list[str]) -> FileResponse:
    """Records as CSV (flattened, these `columns` in order; nested parts left empty where a
    record lacks them) or JSON lines (as they are)."""
    def write(handle: IO[str]) -> None:
        if fmt == "jsonl":
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            return
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(flatten(row))
    return file_response(name, fmt, write)


def geojson_download(name: str, events: Iterable[dict[str, Any]]) -> FileResponse:
    """Located events as a GeoJSON FeatureCollection: a Point per event, its fields (and the
    place's precision) as properties."""
    def write(handle: IO[str]) -> None:
        features = []
        for ev in events:
            loc = ev.get("location") or {}
            if loc.get("lat") is None or loc.get("lon") is None:
                continue
            props = {k: v for k, v in ev.items() if k != "location"}
            props["place"] = loc
            features.append({"type": "Feature", "id": ev["event_id"],
                             "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                             "properties": props})
        json.dump({"type": "FeatureCollection", "features": features}, handle,
                  ensure_ascii=False, default=str)
    return file_response(name, "geojson", write)
