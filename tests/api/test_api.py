"""The HTTP API against a real server over a real store made from ../shared/seeds."""
from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fastapi.responses import JSONResponse

from sitroom.api.routes.counts import series_json
from sitroom.cli import cli

from sitroom.ontology import QUAD_CLASS


def get(client: httpx.Client, path: str, **params: Any) -> dict[str, Any]:
    res = client.get(path, params=params)
    assert res.status_code == 200, res.text
    return res.json()


def error(res: httpx.Response, status: int) -> dict[str, Any]:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert body["status"] == status and body["message"], body
    return body


def day(ev: dict[str, Any]) -> str:
    return ev["date"] or ev["article_date"]


def test_openapi_document_lists_the_routes(client: httpx.Client) -> None:
    doc = get(client, "/openapi.json")
    for path in ("/api/events", "/api/dyads/{actor}/{recipient}/series", "/api/actors",
                 "/api/claims", "/api/articles", "/api/articles/{article_id}", "/api/network",
                 "/api/events/{event_id}/mentions"):
        assert path in doc["paths"], path
    for path in ("/api/events", "/api/timeline", "/api/dyads/{actor}/{recipient}/series",
                 "/api/actors", "/api/network"):
        names = {p["name"] for p in doc["paths"][path]["get"]["parameters"]}
        assert "canonical" in names, path
    assert "post" in doc["paths"]["/api/articles"]
    assert "ArticleIn" in doc["components"]["schemas"]


def test_events_total_and_pages_cover_every_event_once(client: httpx.Client,
                                                       expected: dict) -> None:
    everything = get(client, "/api/events", limit=1000)
    assert everything["total"] == len(expected["events"]) == len(everything["events"])
    ids = [e["event_id"] for e in everything["events"]]
    assert ids == [e["event_id"] for e in expected["events"]]
    paged = []
    for offset in range(0, everything["total"], 3):
        page = get(client, "/api/events", limit=3, offset=offset)
        assert page["total"] == everything["total"] and page["limit"] == 3
        paged += [e["event_id"] for e in page["events"]]
    assert paged == ids
    assert get(client, "/api/events", offset=10_000)["events"] == []
    newest = get(client, "/api/events", order="desc", limit=1)["events"][0]
    assert day(newest) == max(day(e) for e in expected["events"])
    assert all(e["quad_class"] == QUAD_CLASS[e["type"]] for e in everything["events"])


def test_min_confidence_keeps_the_events_the_judge_believes(client: httpx.Client,
                                                             expected: dict) -> None:
    confidences = sorted(e["confidence"] for e in expected["events"])
    cut = confidences[len(confidences) // 2]
    res = get(client, "/api/events", min_confidence=cut, limit=1000)
    assert res["total"] == sum(c >= cut for c in confidences) < len(confidences)
    assert all(e["confidence"] >= cut for e in res["events"])
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code in (400, 422)


def test_event_filters(client: httpx.Client, expected: dict) -> None:
    events = expected["events"]
    ev = next(e for e in events if e["actor"]["country"])
    country = ev["actor"]["country"]

    res = get(client, "/api/events", actor=country, limit=1000)
    assert res["total"] >= 1 and all(
        e["actor"]["country"] == country or country.lower() in e["actor"]["text"].lower()
        for e in res["events"])

    res = get(client, "/api/events", country=country.lower(), limit=1000)
    want = [e for e in events if country in (e["actor"]["country"],
                                             (e["recipient"] or {}).get("country"))]
    assert res["total"] == len(want) >= 1

    res = get(client, "/api/events", type=ev["type"].lower(), limit=1000)
    assert res["total"] == sum(e["type"] == ev["type"] for e in events)

    for quad in (1, 2, 3, 4):
        res = get(client, "/api/events", quad=quad, limit=1000)
        assert res["total"] == sum(QUAD_CLASS[e["type"]] == quad for e in events)
        assert all(e["quad_class"] == quad for e in res["events"])

    for status, n in Counter(e["status"] for e in events).items():
        assert get(client, "/api/events", status=status)["total"] == n

    first, last = min(map(day, events)), max(map(day, events))
    assert get(client, "/api/events", since=first, until=last)["total"] == len(events)
    assert get(client, "/api/events", since=last)["total"] == sum(day(e) >= last for e in events)
    assert get(client, "/api/events", until="1901-01-01")["total"] == 0

    word = ev["evidence"]["text"].split()[0]
    res = get(client, "/api/events", q=word, limit=1000)
    assert res["total"] >= 1
    assert all(word.lower() in (e["evidence"]["text"] + e["actor"]["text"] +
                                ((e["recipient"] or {}).get("text") or "")).lower()
               for e in res["events"])

    res = get(client, "/api/events", article_id=ev["article_id"], limit=1000)
    assert res["total"] == sum(e["article_id"] == ev["article_id"] for e in events)
    assert get(client, "/api/events", located="true")["total"] == sum(
        e["location"] is not None and e["location"]["lat"] is not None for e in events)
    placed = [e for e in events if e["location"]]
    where = placed[0]["location"]
    res = get(client, "/api/events", place=where["country"].lower(), limit=1000)
    assert res["total"] == sum(e["location"]["country"] == where["country"]
                               for e in placed) >= 1
    assert get(client, "/api/events", place=where["name"][1:4])["total"] == sum(
        where["name"][1:4].lower() in e["location"]["name"].lower() for e in placed)
    assert get(client, "/api/timeline", place=where["country"])["buckets"]

    one = get(client, f"/api/events/{ev['event_id']}")
    assert one["event_id"] == ev["event_id"] and one["evidence"] == ev["evidence"]


@pytest.mark.parametrize(("path", "status", "words"), [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=1001", 422, "limit"),
    ("/api/events?limit=ten", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?since=2020-13-01", 422, "since"),
    ("/api/events?until=yesterday", 422, "until"),
    ("/api/events?since=2021-01-01&until=2020-01-01", 400, "after"),
    ("/api/events?type=BOMB", 422, "PLOVER type"),
    ("/api/events?quad=5", 422, "quad"),
    ("/api/events?status=maybe", 422, "status"),
    ("/api/events?order=sideways", 422, "order"),
    ("/api/events?located=perhaps", 422, "located"),
    ("/api/events?q=" + "x" * 201, 422, "q"),
    ("/api/dyads/USA/IRN/series?interval=year", 422, "interval"),
    ("/api/dyads/USA/IRN/series?since=never", 422, "since"),
    ("/api/timeline?interval=hour", 422, "interval"),
    ("/api/actors?limit=100000", 422, "limit"),
    ("/api/claims?offset=x", 422, "offset"),
    ("/api/network?limit=0", 422, "limit"),
    ("/api/articles/0000000000000000", 404, "no article"),
    ("/api/events/nope", 404, "no event"),
    ("/api/events/nope/mentions", 404, "no event"),
    ("/api/events/" + "x" * 201 + "/mentions", 422, "200 characters"),
    ("/api/events?canonical=perhaps", 422, "canonical"),
    ("/api/network?canonical=2", 422, "canonical"),
    ("/api/actors?canonical=", 422, "canonical"),
    ("/api/timeline?canonical=yes please", 422, "canonical"),
    ("/api/dyads/USA/IRN/series?canonical=x", 422, "canonical"),
    ("/api/no-such-thing", 404, "no such route"),
])
def test_bad_parameters_get_json_errors(client: httpx.Client, path: str, status: int,
                                        words: str) -> None:
    body = error(client.get(path), status)
    assert words.lower() in body["message"].lower(), body


def test_method_not_allowed_is_json(client: httpx.Client) -> None:
    error(client.delete("/api/events"), 405)


@pytest.mark.parametrize("attack", [
    "' OR 1=1 --", "USA'; DROP TABLE events; --", "%' OR '1'='1", "\" OR \"\"=\"",
    "x') UNION SELECT * FROM articles --", "%", "_", "\\", "1; DELETE FROM claims",
])
def test_sql_injection_attempts_are_plain_data(client: httpx.Client, expected: dict,
                                               attack: str) -> None:
    for name in ("actor", "recipient", "country", "q", "article_id"):
        res = client.get("/api/events", params={name: attack})
        assert res.status_code in (200, 422), res.text  # 422: longer than a country code
        if res.status_code == 200:
            assert res.json()["total"] == 0, (name, attack)
    error(client.get("/api/events", params={"type": attack}), 422)
    error(client.get("/api/events", params={"status": attack}), 422)
    assert client.get(f"/api/articles/{attack}").status_code in (404,)
    assert get(client, "/api/actors", q=attack)["total"] == 0
    assert get(client, "/api/claims", about=attack)["total"] == 0
    res = client.get(f"/api/dyads/{attack}/{attack}/series".replace("\\", "%5C"))
    assert res.status_code in (200, 404) and (res.status_code == 404 or res.json()["total"] == 0)
    meta = get(client, "/api/meta")
    assert meta["events"] == len(expected["events"]) and meta["claims"] == expected["claims"]


def test_dyad_series_buckets_add_up(client: httpx.Client, expected: dict) -> None:
    pairs = Counter((e["actor"]["country"], e["recipient"]["country"]) for e in expected["events"]
                    if e["actor"]["country"] and e["recipient"] and e["recipient"]["country"])
    assert pairs, "no country-to-country event in the seeds"
    (actor, recipient), _ = pairs.most_common(1)[0]
    totals = {}
    for interval in ("day", "week", "month"):
        res = get(client, f"/api/dyads/{actor}/{recipient}/series", interval=interval)
        assert res["interval"] == interval and res["buckets"]
        assert sum(b["count"] for b in res["buckets"]) == res["total"]
        assert [b["bucket"] for b in res["buckets"]] == sorted(b["bucket"] for b in res["buckets"])
        totals[interval] = (res["total"], round(sum(b["goldstein"] for b in res["buckets"]), 3))
    assert len(set(totals.values())) == 1
    for canonical in ("true", "false"):
        listed = get(client, "/api/events", actor=actor, recipient=recipient, limit=1000,
                     canonical=canonical)
        res = get(client, f"/api/dyads/{actor}/{recipient}/series", interval="day",
                  canonical=canonical)
        assert (res["total"], round(sum(b["goldstein"] for b in res["buckets"]), 3)) == (
            listed["total"], round(sum(e["goldstein"] for e in listed["events"]), 3))
    # canonical by default: one count per real-world event, not per report
    assert get(client, f"/api/dyads/{actor}/{recipient}/series")["counting"] == "canonical"
    assert totals["day"][0] == get(client, "/api/events", actor=actor, recipient=recipient,
                                   canonical="true")["total"]
    assert get(client, "/api/dyads/ZZZ/QQQ/series")["buckets"] == []


def test_dyad_series_encoded_as_json_response(client: httpx.Client, expected: dict) -> None:
    """The series is written without JSONResponse (`series_json`) but in its exact bytes."""
    e = next(e for e in expected["events"] if e["actor"]["country"] and e["recipient"]
             and e["recipient"]["country"])
    for interval in ("day", "month"):
        res = client.get(f"/api/dyads/{e['actor']['country']}/{e['recipient']['country']}/series",
                         params={"interval": interval, "canonical": "false"})
        assert res.status_code == 200 and res.headers["content-type"] == "application/json"
        assert res.json()["buckets"] and res.content == JSONResponse(res.json()).body


@pytest.mark.parametrize("params", [{"limit": 5}, {"limit": 300, "order": "desc"},
                                    {"canonical": "true", "limit": 50, "offset": 2},
                                    {"country": "ZZZ"}])
def test_event_pages_encoded_as_json_response(client: httpx.Client, params: dict) -> None:
    """Event pages are joined from each event's kept JSON (Service.event_page_json) but in
    JSONResponse's exact bytes."""
    res = client.get("/api/events", params=params)
    assert res.status_code == 200 and res.headers["content-type"] == "application/json"
    assert res.content == JSONResponse(res.json()).body
    body = res.json()
    assert len(body["events"]) == max(0, min(body["total"] - params.get("offset", 0),
                                             params.get("limit", 100)))


def test_series_json_writes_what_json_response_would() -> None:
    rows = [(date(2024, 2, 29), 3, 0.1 + 0.2, 0.1), (date(1899, 12, 31), 1, -7.2, None),
            (date(2024, 3, 1), 2, 0.0, None), (date(2024, 3, 2), 10 ** 12, 1e-05, 2.0005),
            (date(2024, 3, 3), 1, 0, -1234567.8915)]
    head = {"actor": 'the "Wagner" group — Ω', "recipient": "UKR", "interval": "day",
            "counting": "reports", "note": None, "total": 5}
    want = JSONResponse({**head, "buckets": [
        {"bucket": b.isoformat(), "count": n, "goldstein": round(g, 3),
         "mean_goldstein": round(m or 0.0, 3)} for b, n, g, m in rows]}).body
    assert series_json(head, rows) == want
    assert series_json(head, []) == JSONResponse({**head, "buckets": []}).body
    with pytest.raises(ValueError):
        series_json(head, [(date(2024, 1, 1), 1, float("nan"), None)])


@pytest.mark.parametrize("mode", ["default", "true", "false"])
def test_actors_network_timeline_meta(client: httpx.Client, expected: dict, mode: str) -> None:
    """Counts are of canonical events by default (or canonical=true), of reports with false."""
    events = expected["canonical"] if mode != "false" else expected["events"]
    params = {} if mode == "default" else {"canonical": mode}
    actors = get(client, "/api/actors", limit=1000, **params)
    assert actors["counting"] == ("reports" if mode == "false" else "canonical")
    assert "note" not in actors
    assert actors["total"] == len(actors["actors"]) >= 2
    assert sum(a["as_actor"] for a in actors["actors"]) == len(events)
    assert sum(a["as_recipient"] for a in actors["actors"]) == sum(
        e["recipient"] is not None for e in events)
    counts = [a["events"] for a in actors["actors"]]
    assert counts == sorted(counts, reverse=True)
    top = actors["actors"][0]
    assert get(client, "/api/actors", q=top["key"])["total"] >= 1

    net = get(client, "/api/network", **params)
    assert net["edges"] and {n["id"] for n in net["nodes"]} == {
        x for e in net["edges"] for x in (e["source"], e["target"])}
    assert sum(e["count"] for e in net["edges"]) <= len(events)

    hist = get(client, "/api/timeline", interval="month", **params)
    assert sum(b["count"] for b in hist["buckets"]) == len(events)
    assert all(sum(b["quad"].values()) == b["count"] for b in hist["buckets"])

    meta = get(client, "/api/meta")
    assert meta["articles"] == len(expected["articles"]) and len(meta["types"]) == 16
    assert meta["canonical_events"] == len(expected["canonical"]) < meta["events"]
    assert meta["stories_built"] and meta["unmerged_reports"] == 0


# ------------------------------------------------------------------------- canonical events


def test_canonical_events_with_counts(client: httpx.Client, expected: dict) -> None:
    canon, reports = expected["canonical"], expected["events"]
    res = get(client, "/api/events", canonical="true", limit=1000)
    assert res["counting"] == "canonical" and res["total"] == len(canon) < len(reports)
    assert [e["event_id"] for e in res["events"]] == [c["event_id"] for c in canon]
    for got, want in zip(res["events"], canon):
        for key in ("num_mentions", "num_articles", "num_sources", "first_reported",
                    "last_reported", "story_id", "type", "evidence"):
            assert got[key] == want[key], key
        assert got["canonical"] is True and got["quad_class"] == QUAD_CLASS[got["type"]]
    # every report is a mention of exactly one canonical event
    assert sorted(m["event_id"] for c in canon for m in c["mentions"]) == sorted(
        e["event_id"] for e in reports)
    # the seeds both report North Korea sending troops: one event, two articles
    assert any(e["num_articles"] >= 2 for e in res["events"])
    # filters and paging work on canonical events as on reports
    ev = canon[0]
    typed = get(client, "/api/events", canonical="true", type=ev["type"], limit=1000)
    assert typed["total"] == sum(c["type"] == ev["type"] for c in canon)
    paged = [e["event_id"] for off in range(0, len(canon), 5)
             for e in get(client, "/api/events", canonical="true", limit=5, offset=off)["events"]]
    assert paged == [c["event_id"] for c in canon]
    plain = get(client, "/api/events", limit=1000)
    assert plain["counting"] == "reports" and plain["total"] == len(reports)
    assert "num_mentions" not in plain["events"][0]


def test_expand_canonical_event_into_its_reports(client: httpx.Client, expected: dict) -> None:
    texts = {a["id"]: a["text"] for a in expected["articles"]}
    canon = expected["canonical"]
    merged = max(canon, key=lambda c: (c["num_articles"], len(c["mentions"])))
    assert merged["num_articles"] >= 2
    for c in canon:
        res = get(client, f"/api/events/{c['event_id']}/mentions")
        assert res["canonical_id"] == c["event_id"] == res["event"]["event_id"]
        assert res["event"]["num_mentions"] == c["num_mentions"]
        assert res["total"] == len(res["mentions"]) == len(c["mentions"])
        assert [m["event_id"] for m in res["mentions"]] == [m["event_id"] for m in c["mentions"]]
        assert len({m["article_id"] for m in res["mentions"]}) == c["num_articles"]
        for m in res["mentions"]:
            assert {"article_id", "origin", "evidence", "said_by", "article_date", "repeat",
                    "title", "source"} <= set(m)
            span = m["evidence"]
            assert texts[m["article_id"]][span["start"]:span["end"]] == span["text"]
            assert m["origin"].endswith(".txt")
    # a report's own id expands to the canonical event it belongs to
    res = get(client, f"/api/events/{merged['event_id']}/mentions")
    for m in res["mentions"]:
        again = get(client, f"/api/events/{m['event_id']}/mentions")
        assert again["canonical_id"] == merged["event_id"] and again["event_id"] == m["event_id"]
        assert get(client, f"/api/events/{m['event_id']}")["canonical_id"] == merged["event_id"]
    said = [m["said_by"] for c in canon for m in c["mentions"] if m["said_by"]]
    got = [m["said_by"] for c in canon
           for m in get(client, f"/api/events/{c['event_id']}/mentions")["mentions"]
           if m["said_by"]]
    assert said and [s["text"] for s in got] == [s["text"] for s in said]


def test_without_built_stories_counts_fall_back_to_reports(unbuilt: httpx.Client,
                                                          expected: dict) -> None:
    n = len(expected["events"])
    meta = get(unbuilt, "/api/meta")
    assert not meta["stories_built"] and meta["canonical_events"] == 0
    assert meta["unmerged_reports"] == n
    hist = get(unbuilt, "/api/timeline")
    assert hist["counting"] == "reports" and "not been built" in hist["note"]
    assert sum(b["count"] for b in hist["buckets"]) == n
    actors = get(unbuilt, "/api/actors", limit=1000)
    assert actors["counting"] == "reports" and sum(a["as_actor"] for a in actors["actors"]) == n
    assert get(unbuilt, "/api/network")["counting"] == "reports"
    ev = next(e for e in expected["events"] if e["recipient"] and e["recipient"]["country"])
    series = get(unbuilt, f"/api/dyads/{ev['actor']['country']}/{ev['recipient']['country']}"
                          "/series")
    assert series["counting"] == "reports" and series["total"] >= 1
    assert get(unbuilt, "/api/events", canonical="false")["total"] == n
    # asked for explicitly, canonical events that are not there are a clear 409
    for path in ("/api/events?canonical=true", "/api/timeline?canonical=true",
                 "/api/network?canonical=1", "/api/actors?canonical=true",
                 f"/api/events/{ev['event_id']}/mentions"):
        body = error(unbuilt.get(path), 409)
        assert body["error"] == "stories_not_built" and "not been built" in body["message"]
    error(unbuilt.get("/api/events/no-such-event/mentions"), 404)


def test_claim_sub_quantity_names_its_parent(client: httpx.Client) -> None:
    groups = {g["group_id"]: g for g in get(client, "/api/claims")["groups"]}
    subs = [g for g in groups.values() if g["parent_group_id"]]
    assert len(subs) == 1
    sub = subs[0]
    parent = groups[sub["parent_group_id"]]
    assert "border" in sub["about"] and sub["parent"] == {
        "group_id": parent["group_id"], "about": parent["about"], "unit": parent["unit"],
        "min": parent["min"], "max": parent["max"]}
    assert sub["max"] < parent["max"] and sub["unit"] == parent["unit"]
    assert parent["subgroups"] == [sub["group_id"]] and parent["parent"] is None
    assert all(g["subgroups"] == [] for g in groups.values() if g is not parent)


def test_claim_groups_contested_first(client: httpx.Client) -> None:
    res = get(client, "/api/claims")
    groups = res["groups"]
    troops = groups[0]
    assert troops["contested"] and troops["min"] == 3000 and troops["max"] == 12000
    assert troops["claims_count"] == 4 and troops["ratio"] > 1.5
    assert all(not g["contested"] for g in groups[1:])
    shells = [g for g in groups if g["unit"] == "shell"]
    assert len(shells) == 1 and shells[0]["min"] == shells[0]["max"] == 3.5e6
    assert all(not g["contested"] for g in get(client, "/api/claims", contested="false")["groups"])
    assert get(client, "/api/claims", about="shells")["total"] == 1


def test_claim_groups_say_what_they_count(client: httpx.Client) -> None:
    groups = get(client, "/api/claims")["groups"]
    troops = groups[0]
    assert troops["role"] == "deployed" and troops["counted"] == "soldier"
    assert {c["role"] for c in troops["claims"]} == {"deployed"}
    assert sorted((c["value"], c["qualifier"]) for c in troops["claims"]) == [
        (3000, "approximately"), (10000, "approximately"), (12000, "more than"),
        (12000, "projected")]
    assert len(troops["claimants"]) == 3 and troops["updates"] == {}
    assert all(set(c) >= {"counted", "role", "event_id"} for g in groups for c in g["claims"])


def test_cli_and_api_give_the_same_claim_groups(client: httpx.Client,
                                                seed_store: tuple[Path, dict]) -> None:
    """One grouping everywhere: `sitroom claims --format jsonl` and /api/claims list the same
    groups, in the same order, with the same flags and fields (the API adds the page's
    `ratio`, `parent`, `subgroups` and `depth`, and lists each sub-quantity under its whole)."""
    out = CliRunner().invoke(cli, ["claims", "--db", str(seed_store[0]), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    from_cli = [json.loads(line) for line in out.stdout.splitlines()]
    from_api = get(client, "/api/claims", limit=1000)["groups"]
    extra = {"ratio", "parent", "subgroups", "depth"}
    by_id = {g["group_id"]: {k: v for k, v in g.items() if k not in extra} for g in from_api}
    assert len(by_id) == len(from_api) == len(from_cli)
    assert [by_id[g["group_id"]] for g in from_cli] == from_cli
    # the same order, but for sub-quantities moved under their wholes
    tops = [g["group_id"] for g in from_api if not g["depth"]]
    assert tops == [g["group_id"] for g in from_cli if g["group_id"] in set(tops)]
    assert len(from_cli) >= 3 and [g["contested"] for g in from_cli].count(True) == 1


def test_article_with_evidence_spans(client: httpx.Client, expected: dict) -> None:
    listing = get(client, "/api/articles")
    assert listing["total"] == len(expected["articles"])
    for art in expected["articles"]:
        res = get(client, f"/api/articles/{art['id']}")
        assert res["text"] == art["text"]
        mine = [e for e in expected["events"] if e["article_id"] == art["id"]]
        assert {e["event_id"] for e in res["events"]} == {e["event_id"] for e in mine}
        for ev in res["events"]:
            ev_span = ev["evidence"]
            assert res["text"][ev_span["start"]:ev_span["end"]] == ev_span["text"]
    with_claims = [a for a in listing["articles"]
                   if get(client, f"/api/articles/{a['id']}")["claims"]]
    assert len(with_claims) == 2


# ---------------------------------------------------------------------------------- POST


ARTICLE = {"id": "post-1", "date": "2021-03-04", "title": "Talks",
           "text": "France accused Germany of spying on its diplomats. Police arrested 20 "
                   "protesters in Paris on Monday.", "source": "test"}


@pytest.fixture()
def post(scratch: Any) -> Any:
    def send(body: Any, raw: bytes | None = None, **headers: str) -> httpx.Response:
        content = raw if raw is not None else json.dumps(body).encode()
        return httpx.post(scratch.url + "/api/articles", content=content, timeout=120,
                          headers={"content-type": "application/json", **headers})
    return send


def test_post_stores_once_and_extracts(post: Any, scratch: Any) -> None:
    before = httpx.get(scratch.url + "/api/meta").json()
    res = post(ARTICLE)
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["stored"] == 1 and body["articles"][0]["origin"] == "api#post-1"
    article_id = body["articles"][0]["id"]
    stored = httpx.get(f"{scratch.url}/api/articles/{article_id}").json()
    assert stored["title"] == "Talks" and stored["source"] == "test"
    assert len(stored["events"]) == body["events"]

    again = post(ARTICLE)
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    twice = {**ARTICLE, "text": ARTICLE["text"] + " Talks resumed."}
    res = post([twice, {**twice, "id": "same-again"}])
    assert res.status_code == 201
    assert [a["status"] for a in res.json()["articles"]] == ["stored", "already_stored"]
    after = httpx.get(scratch.url + "/api/meta").json()
    assert after["articles"] == before["articles"] + 2
    assert httpx.get(scratch.url + "/api/articles", params={"q": "Talks resumed"}).json()[
        "total"] == 1
    # stories are rebuilt after an ingest: every new report belongs to a canonical event
    assert after["stories_built"] and after["unmerged_reports"] == 0
    assert after["canonical_events"] > before["canonical_events"]
    new = httpx.get(f"{scratch.url}/api/events", params={"article_id": article_id}).json()
    for ev in new["events"]:
        res = httpx.get(f"{scratch.url}/api/events/{ev['event_id']}/mentions").json()
        assert ev["event_id"] in {m["event_id"] for m in res["mentions"]}


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"id": "no-text", "date": "2020-01-01"}, 422, "api#no-text: missing required field 'text'"),
    ({"text": "x y z"}, 422, "api#record 1: missing required field 'date'"),
    ({"date": "2020-02-30", "text": "Bad day."}, 422, "invalid date"),
    ({"date": "2999-01-01", "text": "Future."}, 422, "in the future"),
    ([ARTICLE, {"id": "bad", "date": "soon", "text": "t"}], 422, "1 of 2 records rejected"),
    ([], 422, "empty"),
    ([1, 2], 422, "expected a JSON object"),
    ("just a string", 422, "expected a JSON object"),
])
def test_post_rejects_bad_records_naming_them(post: Any, scratch: Any, body: Any, status: int,
                                              words: str) -> None:
    before = httpx.get(scratch.url + "/api/meta").json()["articles"]
    res = error(post(body), status)
    assert words in res["message"], res
    assert httpx.get(scratch.url + "/api/meta").json()["articles"] == before


def test_post_malformed_and_oversize(post: Any) -> None:
    assert "not valid JSON" in error(post(None, raw=b'{"date": '), 400)["message"]
    error(post(None, raw=b""), 400)
    error(post(None, raw=b"\xff\xfe"), 400)
    big = json.dumps({"date": "2020-01-01", "text": "word " * (4 * 1024 * 1024 + 10)}).encode()
    assert len(big) > 20 * 1024 * 1024
    assert "limit" in error(post(None, raw=big), 413)["message"]
    many = [{"date": "2020-01-01", "text": f"Article {i}."} for i in range(1001)]
    error(post(many), 413)


@pytest.mark.parametrize("filters", [
    {}, {"country": "UKR"}, {"q": "troops"}, {"since": "2024-10-30"}, {"about": "troops"},
    {"actor": "Zelenskyy", "until": "2024-11-30"}, {"type": "ASSAULT"}, {"country": "FRA"}])
def test_cli_claims_and_api_claims_agree(client: httpx.Client, seed_store: tuple[Path, dict],
                                         tmp_path: Path, filters: dict[str, str]) -> None:
    """`sitroom claims` and /api/claims, with the same filters: the same groups in the same
    order, contested flags, ranges and claims (type narrows no claim: the same as none)."""
    from click.testing import CliRunner

    from sitroom.cli import cli

    db = shutil.copy(seed_store[0], tmp_path / "copy.duckdb")
    options = [f"--{k}={v}" for k, v in filters.items()]
    printed = CliRunner().invoke(cli, ["claims", "--db", str(db), "--format", "jsonl", *options])
    assert printed.exit_code == 0, printed.output
    cli_groups = [json.loads(line) for line in printed.stdout.splitlines()]
    answer = client.get("/api/claims", params={"limit": 1000, **filters}).json()
    assert [g["group_id"] for g in cli_groups] == [g["group_id"] for g in answer["groups"]]
    if filters in ({}, {"type": "ASSAULT"}, {"about": "troops"}):
        assert cli_groups, "these filters keep groups"
    if filters == {"country": "FRA"}:
        assert not cli_groups, "no claimant of the seeds is French"
    for g, a in zip(cli_groups, answer["groups"]):
        assert (g["contested"], g["min"], g["max"], g["parent_group_id"], g["claims_count"]) == (
            a["contested"], a["min"], a["max"], a["parent_group_id"], a["claims_count"])
        assert [c["claim_id"] for c in g["claims"]] == [c["claim_id"] for c in a["claims"]]
    contested = CliRunner().invoke(cli, ["claims", "--db", str(db), "--contested",
                                         "--format", "jsonl", *options]).stdout.splitlines()
    assert len(contested) == answer["contested_total"]
    table = CliRunner().invoke(cli, ["claims", "--db", str(db), *options])
    assert table.exit_code == 0 and table.stdout.count("\n  ") >= sum(
        g["claims_count"] for g in cli_groups)


def test_summaries_agree_with_the_tables_and_follow_an_ingest(post: Any, scratch: Any) -> None:
    """The timeline and network of no filter (or type/quad only) come from summaries kept per
    version of the file (sitroom.store.summaries): the same as the tables give (a date filter
    that keeps every event reads the table), and recomputed after a POST stores articles."""
    def views(**params: Any) -> tuple[Any, Any]:
        timeline = httpx.get(scratch.url + "/api/timeline", params={"interval": "day",
                                                                    **params}).json()
        network = httpx.get(scratch.url + "/api/network", params={"limit": 500,
                                                                  **params}).json()
        return timeline["buckets"], network["edges"]

    def check() -> tuple[Any, Any]:
        for narrow in ({}, {"quad": 4}, {"type": "CONSULT"}, {"canonical": "false"}):
            assert views(**narrow) == views(since="0001-01-01", **narrow), narrow
        return views()

    before = check()
    text = ("The President of France, Emmanuel Macron, met the Prime Minister of Japan on "
            "Tuesday in Paris. France accused Russia of attacking Ukraine.")
    res = post({"date": "2024-03-05", "text": text, "title": "Summit"})
    assert res.status_code == 201 and res.json()["events"] > 0, res.text
    after = check()
    assert sum(b["count"] for b in after[0]) > sum(b["count"] for b in before[0])


def test_kept_answers_and_row_ids_follow_a_write(post: Any, scratch: Any) -> None:
    """Answers and filters' row ids are kept per version of the file (sitroom.api.cache,
    Service.event_page): the same query in another order gets the same answer, another page of
    a kept filter agrees with it, and a POST that stores events starts a new version."""
    def events(*pairs: tuple[str, Any]) -> Any:
        res = httpx.get(scratch.url + "/api/events", params=list(pairs))
        assert res.status_code == 200, res.text
        return res.json()

    first = events(("country", "DEU"), ("limit", 3), ("order", "desc"))
    assert events(("order", "desc"), ("limit", 3), ("country", "DEU")) == first
    wider = events(("country", "DEU"), ("limit", 6), ("order", "desc"))
    assert wider["total"] == first["total"] and wider["events"][:3] == first["events"]
    text = ("Germany accused Belarus of sending migrants to the border on Monday. The Chancellor "
            "of Germany met the President of Poland in Berlin.")
    res = post({"date": "2025-02-03", "text": text, "title": "Border"})
    assert res.status_code == 201 and res.json()["events"] > 0, res.text
    after = events(("limit", 3), ("country", "DEU"), ("order", "desc"))
    assert after["total"] > first["total"]
    assert after["events"][0]["article_date"] == "2025-02-03"


def test_untitled_articles_take_their_first_line_cut_at_a_word(client: httpx.Client) -> None:
    """A seed-format file has no title: the list gives its first line, one over 120 characters
    cut after its last whole word within them and marked with an ellipsis."""
    listed = client.get("/api/articles", params={"limit": 1000}).json()["articles"]
    cut = [a for a in listed if a["title"].endswith("…")]
    assert cut, "a seed's first line is over 120 characters"
    for a in cut:
        line = client.get(f"/api/articles/{a['id']}").json()["text"].strip().split("\n")[0]
        shown = a["title"][:-1]
        assert len(shown) <= 120 < len(line) and line.startswith(shown)
        assert line[len(shown)].isspace(), (shown, line)


def test_kept_event_json_is_each_event_as_read(seed_store: tuple[Path, dict],
                                               tmp_path: Path) -> None:
    """Service.event_page_json keeps events' JSON by row id per version: each page is its
    events read afresh (event_page) and shaped, in another page size, order or filter after
    others were kept, and after a write that rebuilds the canonical events."""
    from sitroom.api.service import Service, json_bytes
    from sitroom.api.shapes import api_canonical, api_event
    from sitroom.store.filters import EventFilter
    from tests.store.test_summaries import _extraction

    path = tmp_path / "db.duckdb"
    shutil.copy(seed_store[0], path)
    service = Service(str(path))

    def agree() -> int:
        seen = 0
        for table, shape in (("events", api_event), ("canonical_events", api_canonical)):
            for where in (EventFilter(limit=7), EventFilter(limit=20, offset=3),
                          EventFilter(country="RUS", limit=1000), EventFilter(limit=1000)):
                for desc in (False, True):
                    total, got = service.event_page_json(where, table, desc, shape)
                    want_total, rows = service.event_page(where, table, desc)
                    assert total == want_total and got == [json_bytes(shape(r)) for r in rows]
                    seen += len(got)
        return seen

    try:
        assert agree() > 100
        with service.writing() as store:
            store.add([_extraction(n) for n in range(30)])
            store.rebuild_stories()
        assert service.event_json.size == 0
        assert agree() > 100
    finally:
        service.close()
