"""One filter state for every view (issue 20): the URL holds the view and every filter under the
API's names; each view asks the API with those filters; a pasted URL reproduces the screen;
back and forward work; every view's downloads hold exactly the rows it shows."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

pytestmark = pytest.mark.browser

# a word and a last date: narrows every view (events, network, claims, articles) without emptying it
FILTERS = {"q": "troops", "until": "2024-10-31"}


def open_view(page: Any, url: str, view: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"body[data-ready='{view}']", timeout=20_000)


def api(server: Any, path: str, **params: Any) -> Any:
    res = httpx.get(server.url + path, params=params, timeout=30)
    assert res.status_code == 200, res.text
    return res.json()


def test_filters_in_the_url_are_honoured_by_every_view(page: Any, web_server: Any,
                                                        artifacts: Path) -> None:
    query = "&".join(f"{k}={v}" for k, v in FILTERS.items())
    events = api(web_server, "/api/events", canonical="true", limit=1000, **FILTERS)
    every = api(web_server, "/api/events", canonical="true", limit=1000)
    assert 0 < events["total"] < every["total"], "the filters must narrow the events"
    open_view(page, f"{web_server.url}/?{query}#timeline", "timeline")
    assert page.input_value("#filters input[name=until]") == "2024-10-31"
    assert page.input_value("#filters input[name=q]") == "troops"
    assert page.locator("#event-table tbody tr").count() == events["total"]
    assert "until “2024-10-31”, words “troops”" in page.inner_text("#active-filters")
    hist = api(web_server, "/api/timeline", **FILTERS)
    counts = page.eval_on_selector_all("#histogram g.bucket", "gs => gs.map(g => +g.dataset.count)")
    assert sum(counts) == sum(b["count"] for b in hist["buckets"]) == events["total"]

    page.click("#tabs a[data-view=network]")
    page.wait_for_selector("body[data-ready='network']")
    assert dict(parse_qsl(urlsplit(page.url).query)) == FILTERS
    net = api(web_server, "/api/network", **FILTERS)
    assert page.locator("#network g.node").count() == len(net["nodes"]) > 0
    assert page.locator("#network .edge").count() == len(net["edges"])
    assert len(net["edges"]) < len(api(web_server, "/api/network")["edges"])

    page.click("#tabs a[data-view=map]")
    page.wait_for_selector("body[data-ready='map']")
    located = api(web_server, "/api/events", located="true", canonical="true", **FILTERS)
    assert str(located["total"]) in page.inner_text("#map-note") or located["total"] == 0

    page.click("#tabs a[data-view=claims]")
    page.wait_for_selector("body[data-ready='claims']")
    claims = api(web_server, "/api/claims", **FILTERS)
    assert page.locator("#claim-table tr.claim-row").count() == claims["total"]
    assert 0 < claims["total"] < api(web_server, "/api/claims")["total"]

    page.click("#tabs a[data-view=articles]")
    page.wait_for_selector("body[data-ready='articles']")
    articles = api(web_server, "/api/articles", **FILTERS)
    assert page.locator("#article-list li").count() == articles["total"]
    assert 0 < articles["total"] < api(web_server, "/api/articles")["total"]

    # back walks through the views with the same filters, forward returns
    page.go_back()
    page.wait_for_selector("body[data-ready='claims']")
    page.go_back()
    page.wait_for_selector("body[data-ready='map']")
    page.go_forward()
    page.wait_for_selector("body[data-ready='claims']")
    assert page.locator("#claim-table tr.claim-row").count() == claims["total"]
    page.screenshot(path=artifacts / "claims-filtered.png")
    assert page.errors == []


def test_applying_filters_pushes_history_and_a_pasted_url_restores_them(
        browser: Any, page: Any, web_server: Any) -> None:
    open_view(page, f"{web_server.url}/#network", "network")
    all_nodes = page.locator("#network g.node").count()
    page.fill("#filters input[name=q]", "North Korean troops")
    page.select_option("#filters select[name=quad]", "4")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='network']")
    params = dict(parse_qsl(urlsplit(page.url).query))
    assert params == {"q": "North Korean troops", "quad": "4"}
    assert urlsplit(page.url).fragment == "network"
    net = api(web_server, "/api/network", **params)
    assert page.locator("#network g.node").count() == len(net["nodes"]) < all_nodes
    shared = page.url
    page.go_back()
    page.wait_for_selector("body[data-ready='network']")
    assert page.input_value("#filters input[name=q]") == ""
    assert page.locator("#network g.node").count() == all_nodes
    # the link pasted in another browser tab: the same screen
    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    open_view(other, shared, "network")
    assert other.input_value("#filters input[name=q]") == "North Korean troops"
    assert other.input_value("#filters select[name=quad]") == "4"
    assert other.locator("#network g.node").count() == len(net["nodes"])
    other.context.close()
    assert page.errors == []


def test_word_search_is_not_a_substring(web_server: Any) -> None:
    """"North Korean troops" finds the events that use those words anywhere in the sentence."""
    words = api(web_server, "/api/events", q="North Korean troops", limit=1000)
    exact = [e for e in api(web_server, "/api/events", limit=1000)["events"]
             if "north korean troops" in e["evidence"]["text"].lower()]
    assert words["total"] > len(exact)
    for e in words["events"]:
        text = " ".join([e["evidence"]["text"], e["actor"]["text"] or "",
                         (e["recipient"] or {}).get("text") or ""]).lower()
        assert "north" in text and "korea" in text and "troop" in text


def test_network_node_and_edge_clicks_filter(page: Any, web_server: Any,
                                             artifacts: Path) -> None:
    open_view(page, f"{web_server.url}/#network", "network")
    page.screenshot(path=artifacts / "network.png")
    page.click("#network g.node[data-node='PRK'] circle")
    page.wait_for_function("location.search.includes('country=PRK')")
    page.wait_for_selector("body[data-ready='network']")
    net = api(web_server, "/api/network", country="PRK")
    assert page.locator("#network .edge").count() == len(net["edges"])
    assert all("PRK" in (e["source"], e["target"]) for e in net["edges"])
    edge = net["edges"][0]
    page.locator(f"#network .edge[data-source='{edge['source']}'][data-target='{edge['target']}']"
                 ).dispatch_event("click")
    page.wait_for_function(f"location.search.includes('recipient={edge['target']}')")
    page.wait_for_selector("body[data-ready='network']")
    params = dict(parse_qsl(urlsplit(page.url).query))
    assert params == {"actor": edge["source"], "recipient": edge["target"]}
    assert page.locator("#network .edge").count() == len(
        api(web_server, "/api/network", **params)["edges"])
    assert page.errors == []


def test_histogram_has_an_axis_and_drag_sets_the_date_range(page: Any, web_server: Any) -> None:
    open_view(page, f"{web_server.url}/#timeline", "timeline")
    months = page.eval_on_selector_all("#histogram g.bucket", "gs => gs.map(g => g.dataset.month)")
    assert months and page.locator("#histogram text.tick-label").count() >= 1
    first = page.locator("#histogram g.bucket").first.bounding_box()
    page.mouse.move(first["x"] + 3, first["y"] + 20)
    page.mouse.down()
    page.mouse.move(first["x"] + first["width"] - 3, first["y"] + 20, steps=4)
    page.mouse.up()
    page.wait_for_function("location.search.includes('since=')")
    page.wait_for_selector("body[data-ready='timeline']")
    params = dict(parse_qsl(urlsplit(page.url).query))
    assert params["since"] == months[0]
    assert params["until"].startswith(months[0][:7])
    assert page.input_value("#filters input[name=since]") == months[0]
    want = api(web_server, "/api/events", canonical="true", since=params["since"],
               until=params["until"])["total"]
    assert page.locator("#event-table tbody tr").count() == want
    assert page.errors == []


def download(page: Any, server: Any, view: str, fmt: str) -> str:
    href = page.get_attribute(f"#downloads-{view} a.download-{fmt}", "href")
    assert href and f"format={fmt}" in href
    with page.expect_download() as info:
        page.click(f"#downloads-{view} a.download-{fmt}")
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_downloads_hold_exactly_the_filtered_rows(page: Any, web_server: Any) -> None:
    query = "&".join(f"{k}={v}" for k, v in FILTERS.items())
    open_view(page, f"{web_server.url}/?{query}#timeline", "timeline")
    shown = page.eval_on_selector_all("#event-table tbody tr", "rs => rs.map(r => r.dataset.event)")
    rows = list(csv.DictReader(io.StringIO(download(page, web_server, "timeline", "csv"))))
    assert sorted(r["event_id"] for r in rows) == sorted(shown)
    assert all(r["evidence_text"] for r in rows)
    lines = [json.loads(x) for x in download(page, web_server, "timeline", "jsonl").splitlines()]
    assert sorted(x["event_id"] for x in lines) == sorted(shown)
    api_url = page.input_value("#downloads-timeline input.api-url")
    assert dict(parse_qsl(urlsplit(api_url).query)) == {**FILTERS, "canonical": "true"}
    assert httpx.get(api_url).json()["total"] == len(shown)

    page.click("#tabs a[data-view=map]")
    page.wait_for_selector("body[data-ready='map']")
    geo = json.loads(download(page, web_server, "map", "geojson"))
    located = api(web_server, "/api/events", located="true", canonical="true", limit=1000,
                  **FILTERS)
    assert sorted(f["id"] for f in geo["features"]) == sorted(
        e["event_id"] for e in located["events"])

    page.click("#tabs a[data-view=claims]")
    page.wait_for_selector("body[data-ready='claims']")
    claims = api(web_server, "/api/claims", **FILTERS)
    rows = list(csv.DictReader(io.StringIO(download(page, web_server, "claims", "csv"))))
    assert sorted(r["claim_id"] for r in rows) == sorted(
        c["claim_id"] for g in claims["groups"] for c in g["claims"])
    assert {r["qualifier"] for r in rows} >= {"more than"}

    page.click("#tabs a[data-view=articles]")
    page.wait_for_selector("body[data-ready='articles']")
    shown = page.eval_on_selector_all("#article-list li", "ls => ls.map(l => l.dataset.article)")
    lines = [json.loads(x) for x in download(page, web_server, "articles", "jsonl").splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(shown)

    page.click("#tabs a[data-view=network]")
    page.wait_for_selector("body[data-ready='network']")
    rows = list(csv.DictReader(io.StringIO(download(page, web_server, "network", "csv"))))
    assert len(rows) == page.locator("#network .edge").count()
    assert page.errors == []


def test_errors_and_empty_states_in_place(page: Any, web_server: Any) -> None:
    open_view(page, f"{web_server.url}/?since=2024-12-01&until=2024-01-01#timeline", "timeline")
    error = page.locator("#view-timeline .view-error")
    assert error.is_visible() and "'since' (2024-12-01) is after 'until'" in error.inner_text()
    open_view(page, f"{web_server.url}/?type=THREATEN&actor=nobody#claims", "claims")
    open_view(page, f"{web_server.url}/?type=THREATEN&actor=nobody#map", "map")
    assert "No located events match actor “nobody”, type “THREATEN”" in page.inner_text("#map-note")
    open_view(page, f"{web_server.url}/?actor=nobody#network", "network")
    assert "No actor–recipient pairs match actor “nobody”" in page.text_content("#network")


def test_map_clicks_filter_by_place(page: Any, web_server: Any, artifacts: Path) -> None:
    """A click on a dot (or a cluster in one country) sets the place filter in the URL, as a
    node click sets the country: the map, and every view, then show the events that happen in
    that country; a second click on a dot opens its evidence."""
    located = api(web_server, "/api/events", located="true", canonical="true", limit=1000)
    open_view(page, f"{web_server.url}/#map", "map")
    # the seeds' places: Russia (3 events) and Ukraine (2), each a cluster of one country
    mark = page.locator("#map a.map-event[data-place], #map g.map-cluster[data-place]").first
    code = mark.get_attribute("data-place")
    assert code
    mark.dispatch_event("click")
    page.wait_for_function(f"location.search.includes('place={code}')")
    page.wait_for_selector("body[data-ready='map']")
    assert urlsplit(page.url).fragment == "map"
    assert page.input_value("#filters input[name=place]") == code
    kept = api(web_server, "/api/events", located="true", canonical="true", limit=1000,
               place=code)
    assert 0 < kept["total"] < located["total"], "the place filter must narrow the map"
    assert {e["location"]["country"] for e in kept["events"]} == {code}
    places = page.eval_on_selector_all("#map [data-place]", "ns => ns.map(n => n.dataset.place)")
    assert set(places) == {code}
    singles = page.locator("#map a.map-event").count()
    clustered = sum(int(n) for n in page.eval_on_selector_all(
        "#map g.map-cluster", "gs => gs.map(g => g.dataset.count)"))
    assert singles + clustered == kept["total"]
    assert f"place “{code}”" in page.inner_text("#active-filters")
    page.screenshot(path=artifacts / "map-place.png")
    # the filter holds on the other views, as every filter does
    page.click("#tabs a[data-view=timeline]")
    page.wait_for_selector("body[data-ready='timeline']")
    assert "place=" + code in page.url
    assert page.locator("#event-table tbody tr").count() == api(
        web_server, "/api/events", canonical="true", limit=1000, place=code)["total"]
    page.go_back()
    page.wait_for_selector("body[data-ready='map']")
    if page.locator("#map a.map-event").count():  # filtered already: a click reads the evidence
        page.locator("#map a.map-event").first.dispatch_event("click")
        page.wait_for_function("location.hash.startsWith('#article/')")
    assert page.errors == []


def test_histogram_of_more_months_than_pixels_draws_years(page: Any, tmp_path: Path) -> None:
    """Over 125 years (1,500 months, more than the plot's pixels) a bar is a year: every event
    counted once, empty years drawn, and a drag sets whole years."""
    from datetime import date

    from apiserver import Server
    from sitroom.records import Actor, Article, Event, Evidence, Extraction
    from sitroom.store.db import Store

    days = [date(1900, 3, 5), date(1900, 11, 30), date(1950, 6, 1), date(2024, 12, 31)]
    with Store(tmp_path / "long.duckdb") as store:
        store.add([Extraction(
            article=Article(id=f"a{i}", date=d, title=f"t{i}", text="Russia accused Ukraine.",
                            source=None, origin=f"{i}.txt"),
            events=(Event(event_id=f"e{i}", article_id=f"a{i}", origin=f"{i}.txt",
                          article_date=d, type="ACCUSE", mode=None, status="asserted",
                          actor=Actor("Russia", "RUS", "GOV", None),
                          recipient=Actor("Ukraine", "UKR", "GOV", None), date=d,
                          date_precision="day", location=None, quantities={},
                          evidence=Evidence("Russia accused Ukraine.", 0, 23)),))
            for i, d in enumerate(days)])
        store.rebuild_stories()
    server = Server(tmp_path / "long.duckdb", tmp_path / "server.log")
    try:
        open_view(page, f"{server.url}/#timeline", "timeline")
        assert page.get_attribute("#histogram", "data-unit") == "year"
        years = page.eval_on_selector_all(
            "#histogram g.bucket", "gs => gs.map(g => [g.dataset.year, +g.dataset.count])")
        assert [y for y, _ in years] == [str(y) for y in range(1900, 2025)]
        assert dict(years)["1900"] == 2 and dict(years)["1950"] == 1 and dict(years)["2024"] == 1
        assert sum(n for _, n in years) == 4
        first = page.locator("#histogram g.bucket").first.bounding_box()
        page.mouse.move(first["x"] + first["width"] / 2, first["y"] + 20)
        page.mouse.down()
        page.mouse.move(first["x"] + first["width"] * 1.5, first["y"] + 20, steps=3)
        page.mouse.up()
        page.wait_for_function("location.search.includes('since=')")
        params = dict(parse_qsl(urlsplit(page.url).query))
        assert (params["since"], params["until"]) == ("1900-01-01", "1901-12-31")
        page.wait_for_selector("body[data-ready='timeline']")
        assert page.locator("#event-table tbody tr").count() == 2
        assert page.errors == []
    finally:
        server.stop()


LABEL_BOXES = """ts => ts.filter(t => t.getAttribute('display') !== 'none').map(t => {
  const b = t.getBBox(); return {id: t.parentNode.dataset.node, x: b.x, y: b.y, w: b.width, h: b.height};
})"""


def _crowded_network(route: Any) -> None:
    """A network of 40 long-named actors around two hubs: more labels than fit untouched."""
    nodes = [{"id": f"Ministry of Regional Affairs {i:02d}", "count": 40 - i} for i in range(40)]
    edges = [{"source": nodes[i]["id"], "target": nodes[i % 2]["id"], "count": 1 + i % 5,
              "mean_goldstein": -2.0} for i in range(2, 40)]
    route.fulfill(status=200, content_type="application/json",
                  body=json.dumps({"nodes": nodes, "edges": edges, "counting": "reports"}))


def test_network_labels_do_not_overlap(page: Any, web_server: Any, artifacts: Path) -> None:
    """Each node's label takes a free place beside it, biggest nodes first; a label with no free
    place is hidden (the node's tooltip still names it), so no two labels are drawn over each
    other and none leaves the frame, even where the network is crowded."""
    page.route("**/api/network?*", _crowded_network)
    open_view(page, f"{web_server.url}/#network", "network")
    page.screenshot(path=artifacts / "network-labels.png")
    assert page.locator("#network g.node").count() == 40
    boxes = page.eval_on_selector_all("#network text.node-label", LABEL_BOXES)
    assert len(boxes) >= 10 and all(b["w"] > 0 for b in boxes)
    assert "Ministry of Regional Affairs 00" in {b["id"] for b in boxes}  # the biggest
    overlaps = [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]
    assert overlaps == []
    assert all(0 <= b["x"] and b["x"] + b["w"] <= 900 and 0 <= b["y"] and b["y"] + b["h"] <= 600
               for b in boxes)
    titles = page.eval_on_selector_all("#network g.node title", "ts => ts.map(t => t.textContent)")
    assert sum("Ministry of Regional Affairs" in t for t in titles) == 40  # every node still named
