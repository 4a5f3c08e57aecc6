"""The web page in Debian's chromium (Playwright): timeline, network, map, claims, articles, XSS.

The seeds give events but no claims (the claims extractor has not landed), so the web store gets
two claim groups inserted directly (tests/api/apiserver.py: add_claim_groups).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

QCOLOR = {1: "#2b8cbe", 2: "#31a354", 3: "#e6820e", 4: "#d7301f"}


def open_view(page: Any, server: Any, hash_: str = "") -> None:
    page.goto(f"{server.url}/{hash_}")
    view = (hash_.lstrip("#").split("/")[0] or "timeline")
    page.wait_for_selector(f"body[data-ready='{view}']", timeout=20_000)


def test_timeline_shows_the_seed_events(page: Any, web_server: Any, artifacts: Path) -> None:
    """The timeline shows canonical events (one per real-world occurrence) by default, newest
    first."""
    events = httpx.get(web_server.url + "/api/events",
                       params={"limit": 1000, "canonical": "true", "order": "desc"}).json()
    assert events["total"] > 0
    open_view(page, web_server)
    page.screenshot(path=artifacts / "timeline.png", full_page=True)
    dots = page.locator("#timeline a.event-dot")
    assert dots.count() == events["total"]
    fills = page.eval_on_selector_all("#timeline a.event-dot circle", "cs => cs.map(c => c.getAttribute('fill'))")
    assert fills == [QCOLOR[e["quad_class"]] for e in events["events"]]
    rows = page.locator("#event-table tbody tr")
    assert rows.count() == events["total"]
    first = events["events"][0]
    assert first["evidence"]["text"] in rows.nth(0).inner_text()
    assert f"canonical events 1–{events['total']} of {events['total']}, newest first" in page.inner_text("#range")
    assert page.locator("#histogram rect").count() >= 1
    hist = httpx.get(web_server.url + "/api/timeline").json()
    assert sum(b["count"] for b in hist["buckets"]) == events["total"]
    assert rows.locator("button.reports-toggle").count() == events["total"]

    # "every report" lists each report instead
    reports = httpx.get(web_server.url + "/api/events", params={"limit": 1000}).json()
    assert reports["total"] > events["total"]
    page.check("#filters input[name=reports]")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='timeline']")
    assert page.locator("#event-table tbody tr").count() == reports["total"]
    assert page.locator("#timeline a.event-dot").count() == reports["total"]
    assert page.locator("button.reports-toggle").count() == 0
    assert f"reports 1–{reports['total']} of" in page.inner_text("#range")
    page.uncheck("#filters input[name=reports]")

    page.select_option("#filters select[name=type]", first["type"])
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='timeline']")
    want = sum(e["type"] == first["type"] for e in events["events"])
    assert page.locator("#event-table tbody tr").count() == want
    page.fill("#filters input[name=actor]", "no-such-actor-anywhere")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='timeline']")
    assert page.locator("#event-table tbody tr").count() == 0
    assert "No events match actor “no-such-actor-anywhere”" in page.inner_text("#range")
    assert "actor=no-such-actor-anywhere" in page.url
    assert page.errors == []


def test_timeline_event_links_to_its_highlighted_evidence(page: Any, web_server: Any,
                                                          artifacts: Path) -> None:
    events = httpx.get(web_server.url + "/api/events",
                       params={"limit": 1000, "canonical": "true"}).json()["events"]
    ev = events[0]  # the oldest: a dot of its own (the newest day's dots overlap)
    open_view(page, web_server)
    page.click(f"#timeline a.event-dot[data-event='{ev['event_id']}']")
    page.wait_for_selector("body[data-ready='article']")
    assert page.evaluate("location.hash") == f"#article/{ev['article_id']}/{ev['event_id']}"
    page.screenshot(path=artifacts / "article.png", full_page=False)
    target = page.locator("mark.target")
    assert target.count() >= 1
    highlighted = "".join(target.all_inner_texts())
    assert highlighted == ev["evidence"]["text"]
    assert ev["event_id"] in target.first.get_attribute("data-events")
    assert target.first.is_visible()
    box, vh = target.first.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] < vh, "the target evidence is scrolled into view"
    article = httpx.get(f"{web_server.url}/api/articles/{ev['article_id']}").json()
    assert page.inner_text("#article-text").replace("\n", "") == article["text"].replace("\n", "")
    marks = page.eval_on_selector_all("mark.ev", "ms => ms.map(m => m.dataset.events)")
    marked = {i for m in marks for i in m.split()}
    assert marked == {e["event_id"] for e in article["events"]}
    assert page.locator("#article-events li").count() == len(article["events"])
    page.click("#article-events li a >> nth=0")
    page.wait_for_selector("body[data-ready='article']")
    assert page.locator("#article-events li.target").count() == 1
    assert page.errors == []


def test_network_view(page: Any, web_server: Any, artifacts: Path) -> None:
    net = httpx.get(web_server.url + "/api/network", params={"canonical": "true"}).json()
    assert net["counting"] == "canonical"
    open_view(page, web_server, "#network")
    page.screenshot(path=artifacts / "network.png")
    assert page.locator("#network g.node").count() == len(net["nodes"]) > 0
    assert page.locator("#network .edge").count() == len(net["edges"])
    labels = set(page.locator("#network .node-label").all_text_contents())
    assert {n["id"][:23] for n in net["nodes"]} <= {x.rstrip("…") for x in labels} | labels
    assert "canonical events" in page.inner_text("#network-hint")
    titles = page.eval_on_selector_all("#network .edge title", "ts => ts.map(t => t.textContent)")
    assert titles == [f"{e['source']} → {e['target']}: {e['count']} canonical events, mean "
                      f"Goldstein {e['mean_goldstein']:g}" for e in net["edges"]]
    assert page.errors == []


def test_canonical_event_expands_into_its_reports(page: Any, web_server: Any,
                                                  artifacts: Path) -> None:
    """A canonical event reported by both seeds shows "2 reports", lists them when expanded,
    and each report links to its own article with its evidence highlighted."""
    canon = httpx.get(web_server.url + "/api/events",
                      params={"limit": 1000, "canonical": "true"}).json()["events"]
    ev = max(canon, key=lambda e: e["num_articles"])
    assert ev["num_articles"] >= 2
    expanded = httpx.get(f"{web_server.url}/api/events/{ev['event_id']}/mentions").json()
    open_view(page, web_server)
    row = page.locator(f"#event-table tbody tr.canonical[data-event='{ev['event_id']}']")
    button = row.locator("button.reports-toggle")
    assert button.inner_text().startswith(f"{ev['num_mentions']} reports")
    assert page.locator(f"#timeline a.event-dot[data-event='{ev['event_id']}']").get_attribute(
        "data-reports") == str(ev["num_mentions"])
    button.click()
    listing = page.locator(f"tr.mentions-row[data-canonical='{ev['event_id']}']")
    listing.wait_for()
    assert button.get_attribute("aria-expanded") == "true"
    items = listing.locator("ol.mentions li")
    assert items.count() == expanded["total"] == len(expanded["mentions"])
    for i, m in enumerate(expanded["mentions"]):
        assert items.nth(i).get_attribute("data-article") == m["article_id"]
        assert items.nth(i).locator("a.mention-link").inner_text() == m["evidence"]["text"]
        assert m["article_date"] in items.nth(i).inner_text()
    said = [m for m in expanded["mentions"] if m["said_by"]]
    if said:
        assert f"said by {said[0]['said_by']['text']}" in listing.inner_text()
    assert "from 2 articles" in listing.inner_text()
    listing.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "canonical-reports.png", full_page=True)
    # collapse and expand again
    button.click()
    assert page.locator("tr.mentions-row").count() == 0
    button.click()
    listing.wait_for()

    # the report from the other article than the canonical event's first one
    other = next(m for m in expanded["mentions"] if m["article_id"] != ev["article_id"])
    page.click(f"tr.mentions-row li[data-event='{other['event_id']}'] a.mention-link")
    page.wait_for_selector("body[data-ready='article']")
    assert page.evaluate("location.hash") == f"#article/{other['article_id']}/{other['event_id']}"
    target = page.locator("mark.target")
    assert "".join(target.all_inner_texts()) == other["evidence"]["text"]
    assert other["event_id"] in target.first.get_attribute("data-events").split()
    box = target.first.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]
    assert page.locator("#article-events li.target").count() == 1
    page.screenshot(path=artifacts / "canonical-report-article.png")
    assert page.errors == []


def test_map_view_clusters_and_zooms(page: Any, web_server: Any, artifacts: Path) -> None:
    """Every located event is drawn once, alone or in a cluster that counts it; zooming in
    splits the clusters; a country-level place is a ring, marked as such."""
    open_view(page, web_server, "#map")
    page.screenshot(path=artifacts / "map.png")
    assert page.locator("#map path.land").count() > 150
    located = httpx.get(web_server.url + "/api/events",
                        params={"located": "true", "canonical": "true", "limit": 1000}).json()
    assert located["total"] > 0
    def drawn() -> int:
        singles = page.locator("#map a.map-event").count()
        clustered = sum(int(n) for n in page.eval_on_selector_all(
            "#map g.map-cluster", "gs => gs.map(g => g.dataset.count)"))
        return singles + clustered
    assert drawn() == located["total"]
    clusters = page.locator("#map g.map-cluster").count()
    viewbox = page.get_attribute("#map", "viewBox")
    for _ in range(4):
        page.click("#map-in")
    assert page.get_attribute("#map", "viewBox") != viewbox
    assert "zoom ×16.0" in page.inner_text("#map-zoom")
    assert drawn() == located["total"]
    assert page.locator("#map g.map-cluster").count() <= clusters
    country_level = [e for e in located["events"] if not e["location"]["admin1"]]
    assert page.locator("#map a.map-event[data-precision='country']").count() <= len(country_level)
    assert f"{len(country_level)} known only to the country" in page.inner_text("#map-note")
    page.click("#map-reset")
    assert page.get_attribute("#map", "viewBox") == "0 0 360 180"
    assert page.errors == []


def test_map_spreads_events_at_one_point(page: Any, web_server: Any, artifacts: Path) -> None:
    """Events at one point (a country-level place) stay one cluster at any zoom; a click
    spreads them out as a dot each, and a dot then opens that event's evidence."""
    located = httpx.get(web_server.url + "/api/events",
                        params={"located": "true", "canonical": "true", "limit": 1000}).json()
    points = Counter((e["location"]["lon"], e["location"]["lat"]) for e in located["events"])
    _, n = points.most_common(1)[0]
    assert n > 1, "the seeds have events at one point (Russia, known only to the country)"
    open_view(page, web_server, "#map")
    for _ in range(8):
        page.click("#map-in")
    assert "zoom ×60.0" in page.inner_text("#map-zoom")
    together = page.locator(f"#map g.map-cluster[data-together='1'][data-count='{n}']")
    assert together.count() == 1, "at the closest zoom they are still one cluster"
    assert "at one point" in together.locator("title").text_content()
    together.dispatch_event("click")
    page.wait_for_selector("body[data-ready='map']")
    spread = page.locator(f"#map g.map-spread[data-count='{n}']")
    spread.wait_for()
    assert spread.locator("a.map-event").count() == n and spread.locator("line.leg").count() == n
    centres = page.eval_on_selector_all(
        "#map g.map-spread a.map-event circle", "cs => cs.map(c => c.getAttribute('cx') + ',' "
        "+ c.getAttribute('cy'))")
    assert len(set(centres)) == n, "each event its own dot"
    box = page.locator("#map").bounding_box()
    for dot in spread.locator("a.map-event circle").all():
        b = dot.bounding_box()
        assert b and box["x"] < b["x"] < box["x"] + box["width"] and \
            box["y"] < b["y"] < box["y"] + box["height"], "the spread is centred in view"
    page.screenshot(path=artifacts / "map-spread.png")
    spread.locator("a.map-event").first.dispatch_event("click")
    page.wait_for_function("location.hash.startsWith('#article/')")
    assert page.errors == []


def test_claims_view_contested_group_first(page: Any, web_server: Any, artifacts: Path) -> None:
    """One row per group, contested first, each whole followed by its sub-quantities."""
    api = httpx.get(web_server.url + "/api/claims").json()
    open_view(page, web_server, "#claims")
    page.screenshot(path=artifacts / "claims.png", full_page=True)
    rows = page.locator("#claim-table tbody tr.claim-row")
    assert rows.count() == api["total"] == 3  # troops (contested), troops near the border, shells
    assert [rows.nth(i).get_attribute("data-group") for i in range(3)] == [
        g["group_id"] for g in api["groups"]]
    assert "CONTESTED" in rows.nth(0).inner_text()
    assert "contested" not in (rows.nth(2).get_attribute("class") or "").split()
    assert f"{api['total']} claim groups ({api['contested_total']} contested" in page.inner_text(
        "#claims-note")
    assert page.errors == []


def test_claims_group_table_and_date_axis(page: Any, web_server: Any, artifacts: Path) -> None:
    """Opening a group shows its claims table (claimant, qualifier and value, date, source
    article) and a chart with a date axis, the projection drawn apart, "more than" as an open
    bound, and no line from one claimant's estimate to its projection; a claim's link opens its
    article with the figure highlighted."""
    groups = httpx.get(web_server.url + "/api/claims").json()["groups"]
    troops = groups[0]
    open_view(page, web_server, "#claims")
    page.click(f"#claim-table tr[data-group='{troops['group_id']}'] a.group-link")
    page.wait_for_selector("body[data-ready='claims'] #claim-detail .claims-of-group")
    assert page.evaluate("location.hash") == f"#claims/{troops['group_id']}"
    detail = page.locator("#claim-detail")
    page.screenshot(path=artifacts / "claims-group.png")
    table = detail.locator("table.claims-of-group tbody tr")
    assert table.count() == troops["claims_count"] == 4
    text = detail.inner_text()
    assert "more than 12,000" in text and "projected 12,000" in text  # qualifiers kept
    assert "Western allies" in text and "2024-10-25" in text
    assert detail.locator("text.date-tick-label").count() >= 1
    assert detail.locator("text.value-tick-label").count() >= 2
    assert detail.locator(".claim-mark[data-kind='projection'] path.projection").count() == 1
    assert detail.locator(".claim-mark[data-kind='lower'] .claim-bound").count() == 1
    for line in detail.locator("polyline.claim-line").all():
        assert line.get_attribute("data-kind") in ("estimate", "lower", "upper", "projection")
    # Zelenskyy's 3,000 estimate and 12,000 projection are not joined by a line
    assert detail.locator("polyline.claim-line").count() == 0
    sub = next(g for g in groups if g["parent_group_id"] == troops["group_id"])
    assert detail.locator(f"a.subgroup-link[href='#claims/{sub['group_id']}']").count() == 1
    claim = next(c for c in troops["claims"] if c["qualifier"] == "more than")
    detail.locator(f"tr[data-claim='{claim['claim_id']}'] a.claim-article").click()
    page.wait_for_selector("body[data-ready='article']")
    target = page.locator("mark.target")
    assert target.count() >= 1 and claim["claim_id"] in target.first.get_attribute("data-claims")
    assert page.locator("#article-claims li.target").count() == 1
    assert page.errors == []


def test_claims_sub_quantity_nested_under_its_parent(page: Any, web_server: Any,
                                                    artifacts: Path) -> None:
    """"8,000 near the Ukrainian border" is listed right under "~10,000 North Korean troops",
    indented, and its card says "part of" with a link back to it."""
    groups = httpx.get(web_server.url + "/api/claims").json()["groups"]
    sub = next(g for g in groups if g["parent_group_id"])
    parent = next(g for g in groups if g["group_id"] == sub["parent_group_id"])
    open_view(page, web_server, "#claims")
    order = page.eval_on_selector_all("#claim-table tbody tr", "rs => rs.map(r => r.dataset.group)")
    assert order.index(sub["group_id"]) == order.index(parent["group_id"]) + 1
    row = page.locator(f"#claim-table tr[data-group='{sub['group_id']}']")
    assert row.get_attribute("data-parent") == parent["group_id"]
    assert "subgroup" in row.get_attribute("class").split()
    assert "1 sub-quantity" in page.locator(
        f"#claim-table tr[data-group='{parent['group_id']}']").inner_text()
    row.locator("a.group-link").click()
    page.wait_for_selector("#claim-detail .claims-of-group")
    card = page.locator("#claim-detail .claim-group")
    assert card.locator(".part-of").inner_text().startswith(f"part of {parent['about']} (")
    card.locator("a.parent-link").click()
    page.wait_for_function(f"location.hash === '#claims/{parent['group_id']}'")
    page.wait_for_selector(f"#claim-detail .claim-group[data-group='{parent['group_id']}']")
    assert page.errors == []


XSS_TEXT = ('Officials said <script>window.__pwned = "script"</script> nothing. '
            'France accused Germany of spying <img src=x onerror="window.__pwned=\'img\'"> '
            'on its embassy. <b onmouseover="window.__pwned=1">bold</b> &amp; "quotes".')


def test_untrusted_article_text_renders_as_text(page: Any, web_server: Any,
                                               artifacts: Path) -> None:
    res = httpx.post(web_server.url + "/api/articles", timeout=120, json={
        "id": "xss", "date": "2022-02-02", "text": XSS_TEXT,
        "title": '<img src=x onerror="window.__pwned=\'title\'">Headline',
        "source": "<script>window.__pwned='source'</script>"})
    assert res.status_code == 201, res.text
    article_id = res.json()["articles"][0]["id"]
    open_view(page, web_server, f"#article/{article_id}")
    page.wait_for_timeout(300)
    page.screenshot(path=artifacts / "xss.png")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.inner_text("#article-title") == '<img src=x onerror="window.__pwned=\'title\'">Headline'
    text = page.inner_text("#article-text")
    assert '<script>window.__pwned = "script"</script>' in text
    assert '<img src=x onerror="window.__pwned=\'img\'">' in text
    assert "<script>window.__pwned='source'</script>" in page.inner_text("#article-meta")
    assert page.locator("main img, main script, main b").count() == 0
    # also through the lists that show titles and evidence
    open_view(page, web_server, "#articles")
    assert "Headline" in page.inner_text("#article-list")
    page.fill("#filters input[name=q]", "spying")
    open_view(page, web_server, "#timeline")
    page.mouse.move(10, 10)
    assert page.locator("main img, main script, main b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == []
