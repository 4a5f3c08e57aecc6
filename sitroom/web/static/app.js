// sitroom web page: plain JS, no libraries, no network beyond this server.
// Every piece of data (article text, actor names, evidence) goes into the DOM with textContent
// or setAttribute, never innerHTML; the server also sends a Content-Security-Policy.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QCOLOR = { 1: "#2b8cbe", 2: "#31a354", 3: "#e6820e", 4: "#d7301f" };
const PAGE = 300;
const state = { total: 0, meta: null };

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) throw new Error("no inline handlers");
    node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function svgTitle(text) { return el("svg:title", {}, text); }

async function api(path, query) {
  const res = await fetch(apiUrl(path, query));
  const body = await res.json();
  if (!res.ok) throw new Error(body.message || res.statusText);
  return body;
}
// Writes carry the server's token, if it has one. The server fills the meta tag only when the
// page's own URL carried the token (/?token=...); the page keeps it for the tab, off the URL.
const TOKEN = (() => {
  const given = document.querySelector("meta[name=sitroom-token]")?.content || "";
  if (given) {
    sessionStorage.setItem("sitroom-token", given);
    const url = new URL(location.href);
    url.searchParams.delete("token");
    history.replaceState(null, "", url);
  }
  return given || sessionStorage.getItem("sitroom-token") || "";
})();

async function write(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (TOKEN) headers.Authorization = `Bearer ${TOKEN}`;
  const res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  const out = await res.json();
  if (!res.ok) throw new Error(out.message || res.statusText);
  return out;
}
window.sitroom = Object.freeze({ write });

function noun(n, one, many) { return `${n} ${n === 1 ? one : many}`; }
function who(actor) { return actor ? (actor.country ? `${actor.text} (${actor.country})` : actor.text) : ""; }
function day(ev) { return ev.date || ev.article_date; }
function articleLink(ev) { return `#article/${encodeURIComponent(ev.article_id)}/${encodeURIComponent(ev.event_id)}`; }
function chip(type, quad) { return el("span", { class: `chip q${quad}` }, type); }

// ---------------------------------------------------------------------------- one filter state
// The URL is the state: the view (and an article or claim group) in the hash, every filter in
// the query string under the API's own parameter names, so a pasted URL reproduces the screen
// and back/forward walk through the questions asked. Each view reads the filters from the URL.

const FILTERS = ["actor", "recipient", "country", "type", "quad", "status", "source", "place", "since", "until", "min_confidence", "q"];
const PAGING = ["offset", "sort", "order"];  // per view; dropped when the view changes
const LABELS = { actor: "actor", recipient: "recipient", country: "either side", type: "type", quad: "quad class", status: "status", source: "source", place: "place", since: "since", until: "until", min_confidence: "confidence ≥", q: "words", canonical: "counting" };

function params() { return new URLSearchParams(location.search); }
function filters() {
  const p = params(), out = {};
  for (const k of FILTERS) { const v = p.get(k); if (v) out[k] = v; }
  // canonical events (one per real-world occurrence) unless canonical=false (every report) or
  // the store has none built; the API falls back and says so in `note` where that changes
  const reports = p.get("canonical") === "false" || !(state.meta && state.meta.stories_built);
  out.canonical = reports ? "false" : "true";
  return out;
}
function pageParam(name, fallback) { return params().get(name) || fallback; }
function canonicalMode(f) { return f.canonical === "true"; }
// the filters that apply to a view, as the API takes them (claims and articles count no reports)
function filtersFor(view) {
  const f = filters();
  if (view === "claims" || view === "articles") delete f.canonical;
  return f;
}
function describeFilters(f) {
  const parts = Object.entries(f).filter(([k, v]) => k !== "canonical" && v).map(([k, v]) => `${LABELS[k] || k} ${k === "quad" ? `${v} (${QUAD[v]})` : `“${v}”`}`);
  return parts.length ? parts.join(", ") : "";
}
function emptyText(what, f) {
  const d = describeFilters(f);
  return d ? `No ${what} match ${d}. Clear a filter to see more.` : `No ${what} stored yet.`;
}

function fillForm() {
  const form = $("#filters"), p = params();
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = p.get(k) || "";
  form.elements.reports.checked = p.get("canonical") === "false";
}

// change the URL (a new history entry unless `replace`) and show it
function navigate(changes, { hash, replace = false, keepPaging = false } = {}) {
  const p = params();
  if (!keepPaging) for (const k of PAGING) p.delete(k);
  for (const [k, v] of Object.entries(changes || {})) if (v === null || v === undefined || v === "") p.delete(k); else p.set(k, v);
  const qs = p.toString();
  const url = `${location.pathname}${qs ? "?" + qs : ""}${hash === undefined ? location.hash : hash}`;
  history[replace ? "replaceState" : "pushState"](null, "", url);
  fillForm();
  return route();
}

// a view's previous/next buttons: the offsets they go to, and whether there is one
function setPager(prefix, offset, last, total, size) {
  const prev = $(`#${prefix}prev`), next = $(`#${prefix}next`);
  prev.disabled = offset === 0;
  next.disabled = last >= total;
  prev.dataset.offset = Math.max(0, offset - size);
  next.dataset.offset = offset + size;
}

function apiUrl(path, query) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  return url;
}

// the download bar of a view: CSV and JSONL (and GeoJSON on the map) of exactly the rows the
// filters keep, through the API's own URLs, and the API URL to copy
function downloads(view, path, query, formats = ["csv", "jsonl"]) {
  const bar = clear($(`#downloads-${view}`));
  bar.append(el("span", { class: "meta" }, "Download this view: "));
  for (const fmt of formats) {
    const url = apiUrl(path, { ...query, format: fmt });
    bar.append(el("a", { href: url.pathname + url.search, class: `download download-${fmt}`, download: "" }, fmt === "geojson" ? "GeoJSON" : fmt.toUpperCase()), " ");
  }
  const json = apiUrl(path, query);
  const input = el("input", { class: "api-url", readonly: "", value: json.href, size: 60, "aria-label": "API URL of this view" });
  const button = el("button", { type: "button", class: "copy-api-url" }, "copy API URL");
  button.addEventListener("click", async () => {
    input.select();
    try { await navigator.clipboard.writeText(input.value); button.textContent = "copied"; }
    catch { document.execCommand("copy"); button.textContent = "copied"; }
    setTimeout(() => { button.textContent = "copy API URL"; }, 1500);
  });
  bar.append(input, " ", button);
}
// ---------------------------------------------------------------------------- timeline

async function loadTimeline() {
  const f = filters();
  const offset = Number(pageParam("offset", 0)) || 0;
  const order = pageParam("order", "desc");
  const [page, hist] = await Promise.all([
    api("/api/events", { ...f, limit: PAGE, offset, order }),
    api("/api/timeline", { ...f, interval: "month" }),
  ]);
  state.total = page.total;
  drawHistogram(hist.buckets, f);
  drawDots(page.events, f);
  drawTable(page.events, order);
  const last = Math.min(offset + page.events.length, page.total);
  const what = canonicalMode(f) ? "canonical events" : "reports";
  $("#range").textContent = page.total ? `${what} ${offset + 1}–${last} of ${page.total}, ${order === "desc" ? "newest" : "oldest"} first` : emptyText("events", f);
  setPager("", offset, last, page.total, PAGE);
  downloads("timeline", "/api/events", f);
}

function drawLegend() {
  const legend = clear($("#legend"));
  for (const q of [1, 2, 3, 4]) legend.append(el("span", {}, el("span", { class: `swatch q${q}` }), `${q} ${QUAD[q]}`));
}

// every month from the first bucket to the last, empty ones included
function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [y1, m1] = last.split("-").map(Number);
  while (y < y1 || (y === y1 && m <= m1)) {
    out.push(`${y}-${String(m).padStart(2, "0")}-01`);
    if (++m > 12) { m = 1; y++; }
    if (out.length > 2400) break;
  }
  return out;
}

// a month each, or a year each where there are more months than the plot has pixels (a bar
// under a pixel wide draws nothing a reader can see, and thousands of them are slow to draw)
function histogramUnits(buckets, pixels) {
  const byMonth = Object.fromEntries(buckets.map((b) => [b.bucket, b]));
  const months = monthsBetween(buckets[0].bucket, buckets[buckets.length - 1].bucket);
  const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (months.length <= pixels) {
    return { years: false, units: months.map((m) => ({ key: m, label: m.slice(0, 7), since: m, until: lastDay(...m.split("-").slice(0, 2).map(Number)), b: byMonth[m] })) };
  }
  const units = [];
  for (let y = Number(months[0].slice(0, 4)); y <= Number(months[months.length - 1].slice(0, 4)); y++) {
    units.push({ key: `${y}-01-01`, label: String(y), since: `${y}-01-01`, until: `${y}-12-31`, b: null });
  }
  const first = Number(months[0].slice(0, 4));
  for (const bk of buckets) {
    const u = units[Number(bk.bucket.slice(0, 4)) - first];
    u.b = u.b || { count: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 } };
    u.b.count += bk.count;
    for (const q of [1, 2, 3, 4]) u.b.quad[q] += bk.quad[q];
  }
  return { years: true, units };
}

function drawHistogram(buckets, f) {
  const svg = clear($("#histogram"));
  if (!buckets.length) { svg.append(el("svg:text", { x: 20, y: 30, class: "lbl empty" }, emptyText("events", f))); return; }
  const W = Math.max(600, Math.round(svg.getBoundingClientRect().width) || 1000);
  svg.setAttribute("viewBox", `0 0 ${W} 120`);
  const X0 = 40, X1 = W - 10, top = 8, base = 100;
  const { years: byYear, units } = histogramUnits(buckets, X1 - X0);
  svg.dataset.unit = byYear ? "year" : "month";
  const max = Math.max(...units.map((u) => (u.b ? u.b.count : 0)));
  const w = (X1 - X0) / units.length;
  // y axis: 0 and the largest bar
  svg.append(el("svg:line", { x1: X0, x2: X1, y1: base, y2: base, class: "axis-line" }));
  svg.append(el("svg:text", { x: X0 - 4, y: base, class: "lbl", "text-anchor": "end" }, "0"));
  svg.append(el("svg:text", { x: X0 - 4, y: top + 8, class: "lbl", "text-anchor": "end" }, String(max)));
  const years = byYear || units.length > 36;
  const every = byYear ? Math.ceil(units.length / 12) : years ? Math.ceil(units.length / 12 / 12) : Math.ceil(units.length / 14);
  units.forEach((u, i) => {
    const b = u.b;
    const x = X0 + i * w;
    const tick = byYear ? Number(u.label) % every === 0 : years ? u.key.endsWith("-01-01") && (Number(u.key.slice(0, 4)) % every === 0) : i % every === 0;
    if (tick) {
      svg.append(el("svg:line", { x1: x, x2: x, y1: base, y2: base + 4, class: "axis-line tick" }));
      svg.append(el("svg:text", { x: x + 1, y: base + 15, class: "lbl tick-label" }, years ? u.key.slice(0, 4) : u.label));
    }
    const col = el("svg:g", { class: "bucket", [byYear ? "data-year" : "data-month"]: byYear ? u.label : u.key, "data-count": b ? b.count : 0 });
    col.append(el("svg:rect", { x, y: top, width: w, height: base - top, class: "bucket-hit" }, svgTitle(`${u.label}: ${b ? b.count : 0} events`)));
    let y = base;
    for (const q of [4, 3, 2, 1]) {
      const h = b ? (b.quad[q] / max) * (base - top) : 0;
      if (!h) continue;
      y -= h;
      col.append(el("svg:rect", { x: x + 0.5, y, width: Math.max(w - 1, 0.5), height: h, fill: QCOLOR[q], class: "bar" },
        svgTitle(`${u.label}: ${b.quad[q]} ${QUAD[q]} (${b.count} in all)`)));
    }
    svg.append(col);
  });
  // drag across bars to set the date filter (since the first day of the first, until the last
  // day of the last)
  const brush = el("svg:rect", { class: "brush", x: 0, y: top, width: 0, height: base - top, hidden: "" });
  svg.append(brush);
  const unitAt = (evt) => {
    const pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY;
    const x = pt.matrixTransform(svg.getScreenCTM().inverse()).x;
    return Math.max(0, Math.min(units.length - 1, Math.floor((x - X0) / w)));
  };
  let start = null;
  svg.onpointerdown = (evt) => { start = unitAt(evt); svg.setPointerCapture(evt.pointerId); brush.removeAttribute("hidden"); svg.onpointermove(evt); };
  svg.onpointermove = (evt) => {
    if (start === null) return;
    const a = Math.min(start, unitAt(evt)), b = Math.max(start, unitAt(evt));
    brush.setAttribute("x", X0 + a * w); brush.setAttribute("width", (b - a + 1) * w);
  };
  svg.onpointerup = (evt) => {
    if (start === null) return;
    const a = Math.min(start, unitAt(evt)), b = Math.max(start, unitAt(evt));
    start = null;
    navigate({ since: units[a].since, until: units[b].until });
  };
}

function drawDots(events, f) {
  const svg = clear($("#timeline"));
  if (!events.length) { svg.append(el("svg:text", { x: 20, y: 30, class: "lbl empty" }, emptyText("events", f))); return; }
  const W = Math.max(600, Math.round(svg.getBoundingClientRect().width) || 1000);
  svg.setAttribute("viewBox", `0 0 ${W} 170`);
  const t = events.map((e) => Date.parse(day(e)));
  const lo = Math.min(...t), hi = Math.max(...t), span = Math.max(hi - lo, 864e5);
  const x = (ms) => (hi === lo ? W / 2 : 110 + ((ms - lo) / span) * (W - 140));
  for (const q of [1, 2, 3, 4]) {
    const y = 20 + (q - 1) * 35;
    svg.append(el("svg:line", { x1: 105, x2: W - 25, y1: y, y2: y, stroke: "#e3e6ea" }));
    svg.append(el("svg:text", { x: 4, y: y + 4, class: "lbl" }, QUAD[q].replace(" cooperation", " coop.")));
  }
  const seen = {};
  events.forEach((ev, i) => {
    const key = `${day(ev)}|${ev.quad_class}`;
    const stack = (seen[key] = (seen[key] || 0) + 1) - 1;
    const cy = 20 + (ev.quad_class - 1) * 35 + ((stack % 5) - 2) * 4;
    const n = ev.num_mentions || 1;
    const reports = ev.canonical ? ` (${noun(n, "report", "reports")})` : "";
    const a = el("svg:a", { href: articleLink(ev), class: "event-dot", "data-event": ev.event_id, "data-reports": ev.canonical ? n : null },
      el("svg:circle", { cx: x(t[i]), cy, r: 5 + Math.min(n - 1, 4), fill: QCOLOR[ev.quad_class], class: "dot" },
        svgTitle(`${day(ev)} ${ev.type}: ${who(ev.actor)} → ${who(ev.recipient)}${reports} — ${ev.evidence.text}`)));
    svg.append(a);
  });
  svg.append(el("svg:text", { x: 110, y: 162, class: "lbl" }, new Date(lo).toISOString().slice(0, 10)));
  if (hi !== lo) svg.append(el("svg:text", { x: W - 25, y: 162, class: "lbl", "text-anchor": "end" }, new Date(hi).toISOString().slice(0, 10)));
}

function drawTable(events, order) {
  const th = $("#event-table th.sort-date");
  th.textContent = `Date ${order === "desc" ? "▼" : "▲"}`;
  th.setAttribute("aria-sort", order === "desc" ? "descending" : "ascending");
  const body = clear($("#event-table tbody"));
  for (const ev of events) {
    const row = el("tr", { "data-event": ev.event_id, class: ev.canonical ? "canonical" : null },
      el("td", {}, day(ev)), el("td", {}, chip(ev.type, ev.quad_class), ev.mode ? ` ${ev.mode}` : ""),
      el("td", {}, who(ev.actor)), el("td", {}, who(ev.recipient)), el("td", {}, ev.status),
      el("td", { class: "evidence" }, el("a", { href: articleLink(ev), class: "evidence-link" }, ev.evidence.text)),
      el("td", { class: "confidence" }, ev.confidence === null || ev.confidence === undefined ? "" : Number(ev.confidence).toFixed(2)),
      el("td", { class: "reports" }, ev.canonical ? reportsButton(ev) : ""));
    body.append(row);
  }
}

function reportsButton(ev) {
  const sources = ev.num_sources > 1 ? ` · ${noun(ev.num_sources, "source", "sources")}` : "";
  const button = el("button", { type: "button", class: "reports-toggle", "aria-expanded": "false",
    title: `first reported ${ev.first_reported}, last ${ev.last_reported}; click to list the reports` },
    `${noun(ev.num_mentions, "report", "reports")}${sources} ▸`);
  button.addEventListener("click", () => toggleReports(button, ev));
  return button;
}

async function toggleReports(button, ev) {
  const row = button.closest("tr");
  const open = row.nextElementSibling && row.nextElementSibling.classList.contains("mentions-row") ? row.nextElementSibling : null;
  if (open) {
    open.remove();
    button.setAttribute("aria-expanded", "false");
    button.textContent = button.textContent.replace("▾", "▸");
    return;
  }
  button.disabled = true;
  try {
    const data = await api(`/api/events/${encodeURIComponent(ev.event_id)}/mentions`);
    const list = el("ol", { class: "mentions" });
    for (const m of data.mentions) {
      const said = m.said_by ? ` · said by ${who(m.said_by)}` : "";
      const again = m.repeat ? " · again in the same article" : "";
      list.append(el("li", { "data-event": m.event_id, "data-article": m.article_id },
        el("span", { class: "meta" }, `${m.article_date} · ${m.title || m.origin || m.article_id}${m.source ? " · " + m.source : ""}${said}${again}`),
        " ", el("a", { href: `#article/${encodeURIComponent(m.article_id)}/${encodeURIComponent(m.event_id)}`, class: "mention-link" }, m.evidence.text)));
    }
    row.after(el("tr", { class: "mentions-row", "data-canonical": ev.event_id },
      el("td", { colspan: 8 }, el("p", { class: "hint" }, `${noun(data.total, "report", "reports")} of this event, from ${noun(data.event.num_articles, "article", "articles")} and ${noun(data.event.num_sources, "source", "sources")}; first reported ${data.event.first_reported}, last ${data.event.last_reported}:`), list)));
    button.setAttribute("aria-expanded", "true");
    button.textContent = button.textContent.replace("▸", "▾");
  } catch (err) { showError(err); }
  button.disabled = false;
}

function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 7));
  if (t < 0) return `rgb(${200 + Math.round(-t * 40)},${Math.round(200 * (1 + t))},${Math.round(200 * (1 + t))})`;
  return `rgb(${Math.round(200 * (1 - t))},${Math.round(200 * (1 - t) + 40 * t)},${200 + Math.round(t * 40)})`;
}

// ---------------------------------------------------------------------------- network

// a node's filter: a country code filters either side, a name filters the actor
function nodeFilter(id) { return /^[A-Z]{3}$/.test(id) ? { country: id } : { actor: id }; }
// a stable starting place per actor (from its name, not its rank), so a filter moves few nodes
function hashAngle(id) { let h = 2166136261; for (const ch of id) h = Math.imul(h ^ ch.codePointAt(0), 16777619); return ((h >>> 0) % 3600) / 3600 * 2 * Math.PI; }

async function loadNetwork() {
  const f = filters();
  const net = await api("/api/network", { ...f, limit: 80 });
  const unit = net.counting === "canonical" ? "canonical events" : "reports";
  $("#network-hint").textContent = `Nodes: actors (states and other coded parties, named groups, sectors; country code, else name), sized by ${unit}. Edges: actor → recipient, width by number of ${unit}, colour by mean Goldstein (red conflict … blue cooperation). Click a node or an edge to filter by it.${net.note ? " " + net.note + "." : ""}`;
  downloads("network", "/api/network", { ...f, limit: 80 });
  const svg = clear($("#network"));
  if (!net.edges.length) { svg.append(el("svg:text", { x: 20, y: 30, class: "lbl empty" }, emptyText("actor–recipient pairs", f))); return; }
  const W = 900, H = 600, n = net.nodes.length, M = 90;
  const nodes = net.nodes.map((d) => { const a = hashAngle(d.id); return { ...d, x: W / 2 + 220 * Math.cos(a), y: H / 2 + 200 * Math.sin(a), vx: 0, vy: 0 }; });
  const byId = Object.fromEntries(nodes.map((d) => [d.id, d]));
  const links = net.edges.map((e) => ({ ...e, s: byId[e.source], t: byId[e.target] }));
  // a small deterministic force layout: repulsion, springs along edges, pull to the centre;
  // nodes kept a label's width from the frame's edges
  for (let it = 0; it < 300; it++) {
    const k = 1 - it / 300;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      const dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
      const force = (2500 / d2) * k;
      a.vx += dx * force; a.vy += dy * force; b.vx -= dx * force; b.vy -= dy * force;
    }
    for (const l of links) {
      if (l.s === l.t) continue;
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      const force = ((d - 130) / d) * 0.05 * k;
      l.s.vx += dx * force; l.s.vy += dy * force; l.t.vx -= dx * force; l.t.vy -= dy * force;
    }
    for (const d of nodes) {
      d.vx += (W / 2 - d.x) * 0.01 * k; d.vy += (H / 2 - d.y) * 0.01 * k;
      d.x = Math.max(M, Math.min(W - M, d.x + Math.max(-20, Math.min(20, d.vx))));
      d.y = Math.max(30, Math.min(H - 30, d.y + Math.max(-20, Math.min(20, d.vy))));
      d.vx *= 0.5; d.vy *= 0.5;
    }
  }
  const maxC = Math.max(...links.map((l) => l.count));
  svg.append(el("svg:defs", {}, el("svg:marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    el("svg:path", { d: "M0,0L10,5L0,10z", fill: "#889" }))));
  for (const l of links) {
    const title = svgTitle(`${l.source} → ${l.target}: ${l.count} ${unit}, mean Goldstein ${l.mean_goldstein}`);
    const width = 1.5 + (5 * l.count) / maxC;
    const attrs = { stroke: goldsteinColor(l.mean_goldstein), "stroke-width": width, class: "edge", "data-source": l.source, "data-target": l.target, tabindex: 0 };
    const edge = l.s === l.t
      ? el("svg:circle", { ...attrs, cx: l.s.x, cy: l.s.y - 14, r: 12, fill: "none" }, title)
      : el("svg:line", { ...attrs, x1: l.s.x, y1: l.s.y, x2: l.t.x, y2: l.t.y, "marker-end": "url(#arrow)" }, title);
    edge.addEventListener("click", () => navigate({ actor: l.source, recipient: l.target, country: null }));
    svg.append(edge);
  }
  const maxN = Math.max(...nodes.map((d) => d.count));
  const labels = [];
  for (const d of nodes) {
    const g = el("svg:g", { class: "node", "data-node": d.id, tabindex: 0, role: "button" });
    const r = 5 + 12 * Math.sqrt(d.count / maxN);
    g.append(el("svg:circle", { cx: d.x, cy: d.y, r, fill: "#1d2733", opacity: 0.8 }, svgTitle(`${d.id}: ${d.count} ${unit}; click to filter`)));
    const text = el("svg:text", { x: d.x + r + 3, y: d.y - 4, class: "node-label" }, d.id.length > 24 ? d.id.slice(0, 23) + "…" : d.id);
    g.append(text);
    labels.push({ d, r, text });
    g.addEventListener("click", () => navigate({ actor: null, recipient: null, country: null, ...nodeFilter(d.id) }));
    svg.append(g);
  }
  placeLabels(labels, W, H);
}

// each label, biggest node first, takes the first of six places beside its node that stays in
// the frame and overlaps no label already placed and no other node; a label with no free place
// is hidden (the node's tooltip still names it)
function placeLabels(labels, W, H) {
  const placed = [];
  const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const discs = labels.map(({ d, r }) => ({ id: d.id, x: d.x - r, y: d.y - r, w: 2 * r, h: 2 * r }));
  for (const { d, r, text } of [...labels].sort((a, b) => b.d.count - a.d.count)) {
    const others = discs.filter((c) => c.id !== d.id);
    const spots = [[d.x + r + 3, d.y - 4, "start"], [d.x - r - 3, d.y - 4, "end"],
      [d.x + r + 3, d.y + r + 10, "start"], [d.x - r - 3, d.y + r + 10, "end"],
      [d.x, d.y - r - 5, "middle"], [d.x, d.y + r + 13, "middle"]];
    const free = spots.find(([x, y, anchor]) => {
      text.setAttribute("x", x); text.setAttribute("y", y); text.setAttribute("text-anchor", anchor);
      const b = text.getBBox();
      const box = { x: b.x - 1, y: b.y, w: b.width + 2, h: b.height };
      if (box.x < 0 || box.x + box.w > W || box.y < 0 || box.y + box.h > H ||
          placed.some((p) => hit(p, box)) || others.some((c) => hit(c, box))) return false;
      placed.push(box);
      return true;
    });
    if (!free) text.setAttribute("display", "none");
  }
}

// ---------------------------------------------------------------------------- map
// zoom (wheel, buttons) and pan (drag) by the viewBox; events that fall in one cell of a grid
// that shrinks as you zoom are drawn as one cluster (click to zoom in); a place known only to
// the country is drawn as a dashed ring, not as a point on its capital

const MAP_FULL = { x: 0, y: 0, w: 360, h: 180 };
const mapState = { box: { ...MAP_FULL }, events: [] };
let world = null;

function precisionOf(loc) { return loc.admin1 ? "place" : "country"; }

async function loadMap() {
  const svg = $("#map");
  if (!world) world = await (await fetch("/static/world-110m.json")).json();
  const f = filters();
  const page = await api("/api/events", { ...f, located: true, limit: 1000 });
  mapState.events = page.events;
  const note = $("#map-note");
  const countryLevel = page.events.filter((e) => precisionOf(e.location) === "country").length;
  if (!page.total) {
    note.textContent = describeFilters(f) ? emptyText("located events", f) : "No located events yet: events get coordinates once their places are resolved. Outlines are shown for reference.";
  } else {
    note.textContent = `${noun(page.total, "located event", "located events")}${page.total > page.events.length ? ` (showing ${page.events.length})` : ""}, ${countryLevel} known only to the country. Scroll or use + / − to zoom, drag to pan; click a dot, or a cluster in one country, to filter by the country it is in (place), then a dot for its evidence; a cluster of several countries zooms in, one of events at one point spreads them out.`;
  }
  downloads("map", "/api/events", { ...f, located: "true" }, ["geojson", "csv", "jsonl"]);
  drawMap(svg);
  if (!svg.dataset.wired) wireMap(svg);
}

function drawMap(svg) {
  clear(svg);
  const box = mapState.box;
  svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  const scale = box.w / 360;  // 1 at full extent
  const land = el("svg:g", { class: "countries" });
  for (const c of world) land.append(el("svg:path", { d: c.d, class: "land", "stroke-width": 0.15 * scale }, svgTitle(c.name)));
  svg.append(land);
  const cell = 8 * scale;
  const clusters = new Map();
  for (const ev of mapState.events) {
    const x = ev.location.lon + 180, y = 90 - ev.location.lat;
    const key = `${Math.floor(x / cell)}|${Math.floor(y / cell)}`;
    if (!clusters.has(key)) clusters.set(key, []);
    clusters.get(key).push({ ev, x, y });
  }
  for (const members of clusters.values()) {
    if (members.length === 1) {
      svg.append(eventDot(members[0].ev, members[0].x, members[0].y, scale));
      continue;
    }
    // events at one point (a country-level place, or one town) never split by zooming: a click
    // spreads them around the point, each its own dot
    const point = `${members[0].x}|${members[0].y}`;
    const together = members.every((m) => m.x === members[0].x && m.y === members[0].y);
    if (together && mapState.spread === point) {
      const { x, y } = members[0], legs = (4 + members.length * 0.5) * scale;
      const g = el("svg:g", { class: "map-spread", "data-count": members.length });
      members.forEach((m, i) => {
        const a = (2 * Math.PI * i) / members.length - Math.PI / 2;
        const dx = x + legs * Math.cos(a), dy = y + legs * Math.sin(a);
        g.append(el("svg:line", { x1: x, y1: y, x2: dx, y2: dy, class: "leg", "stroke-width": 0.2 * scale }), eventDot(m.ev, dx, dy, scale));
      });
      svg.append(g);
      continue;
    }
    const cx = members.reduce((s, m) => s + m.x, 0) / members.length, cy = members.reduce((s, m) => s + m.y, 0) / members.length;
    const r = (2.2 + Math.sqrt(members.length) * 0.8) * scale;
    const places = [...new Set(members.map((m) => m.ev.location.name))];
    // a cluster in one country filters by it (and zooms in); one of several countries zooms in
    const countries = [...new Set(members.map((m) => m.ev.location.country))];
    const code = countries.length === 1 && countries[0] && filters().place !== countries[0] ? countries[0] : null;
    const g = el("svg:g", { class: "map-cluster", "data-count": members.length, "data-together": together ? "1" : null, "data-place": countries.length === 1 ? countries[0] : null, tabindex: 0, role: "button" },
      el("svg:circle", { cx, cy, r, class: "cluster" }, svgTitle(`${members.length} events${together ? " at one point" : ""}: ${places.slice(0, 6).join(", ")}${places.length > 6 ? "…" : ""}; click to ${code ? `filter by place ${code} and ` : ""}${together ? "spread them out" : "zoom in"}`)),
      el("svg:text", { x: cx, y: cy + r * 0.35, "font-size": r, class: "cluster-label", "text-anchor": "middle" }, String(members.length)));
    g.addEventListener("click", () => {
      if (together) mapState.spread = point;
      zoomMap(svg, together ? 1 : 0.35, cx, cy);  // events at one point: centred, spread out
      if (code) navigate({ place: code });
    });
    svg.append(g);
  }
  $("#map-zoom").textContent = `zoom ×${(360 / box.w).toFixed(1)}`;
}

function eventDot(ev, x, y, scale) {
  const loc = ev.location, country = precisionOf(loc) === "country";
  const filtered = !loc.country || filters().place === loc.country;
  const dot = el("svg:a", { href: articleLink(ev), class: "map-event", "data-precision": precisionOf(loc), "data-place": loc.country },
    el("svg:circle", { cx: x, cy: y, r: (country ? 3.2 : 1.6) * scale, fill: country ? "none" : QCOLOR[ev.quad_class], stroke: country ? QCOLOR[ev.quad_class] : "#fff", "stroke-width": (country ? 0.6 : 0.2) * scale, "stroke-dasharray": country ? `${scale} ${0.6 * scale}` : null, class: "ev" },
      svgTitle(`${loc.name}${country ? " (country-level: place known only to the country)" : ""}: ${day(ev)} ${ev.type} ${who(ev.actor)} → ${who(ev.recipient)}; click ${filtered ? "for its evidence" : `to filter by place ${loc.country}`}`)));
  // the first click filters by the place's country (the one URL filter state); once that
  // filter is set, a click opens the event's evidence
  if (!filtered) dot.addEventListener("click", (evt) => { evt.preventDefault(); navigate({ place: loc.country }); });
  return dot;
}

function zoomMap(svg, factor, cx, cy) {
  const b = mapState.box;
  const w = Math.max(6, Math.min(360, b.w * factor)), h = w / 2;
  cx = cx ?? b.x + b.w / 2; cy = cy ?? b.y + b.h / 2;
  mapState.box = { x: Math.max(0, Math.min(360 - w, cx - w / 2)), y: Math.max(0, Math.min(180 - h, cy - h / 2)), w, h };
  drawMap(svg);
}

function wireMap(svg) {
  svg.dataset.wired = "1";
  $("#map-in").addEventListener("click", () => zoomMap(svg, 0.5));
  $("#map-out").addEventListener("click", () => zoomMap(svg, 2));
  $("#map-reset").addEventListener("click", () => { mapState.box = { ...MAP_FULL }; mapState.spread = null; drawMap(svg); });
  const toMap = (evt) => { const pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY; return pt.matrixTransform(svg.getScreenCTM().inverse()); };
  svg.addEventListener("wheel", (evt) => { evt.preventDefault(); const p = toMap(evt); zoomMap(svg, evt.deltaY < 0 ? 0.7 : 1 / 0.7, p.x, p.y); }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (evt) => { if (evt.target.closest("a, .map-cluster")) return; drag = { x: evt.clientX, y: evt.clientY, box: { ...mapState.box } }; });
  svg.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    const b = drag.box, k = b.w / svg.getBoundingClientRect().width;
    const x = Math.max(0, Math.min(360 - b.w, b.x - (evt.clientX - drag.x) * k));
    const y = Math.max(0, Math.min(180 - b.h, b.y - (evt.clientY - drag.y) * k));
    mapState.box = { ...b, x, y };
    svg.setAttribute("viewBox", `${x} ${y} ${b.w} ${b.h}`);
  });
  window.addEventListener("pointerup", () => { if (drag) { drag = null; drawMap(svg); } });
}

// ---------------------------------------------------------------------------- claims
// One row per claim group (contested first, a whole followed by its parts), paged; open a group
// (#claims/GROUP) for its claims table and chart: a real date axis, a mark per claim coloured by
// claimant, ranges as bars, "more than" / "up to" as open bounds, projections hollow, and lines
// only between one claimant's claims of the same kind.

const CLAIMANT_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
const CLAIM_PAGE = 50;

function claimKind(c) {
  const q = (c.qualifier || "").toLowerCase();
  if (/project|expect|forecast|could|may|will|plan/.test(q)) return "projection";
  if (/more than|at least|over|above|exceed|upward/.test(q)) return "lower";
  if (/fewer|less than|up to|at most|under|below|nearly|almost/.test(q)) return "upper";
  return "estimate";
}
const KIND_NAMES = { estimate: "estimate", lower: "lower bound (more than)", upper: "upper bound (up to)", projection: "projection" };
function claimValue(c) {
  const range = c.value_max !== null && c.value_max !== undefined && c.value_max !== c.value ? `${fmt(c.value)}–${fmt(c.value_max)}` : fmt(c.value);
  const q = c.qualifier && !/^(exact|exactly|none)$/i.test(c.qualifier) ? `${c.qualifier} ` : "";
  return `${q}${range}${c.unit ? " " + c.unit : ""}`;
}
function claimLink(c) { return `#article/${encodeURIComponent(c.article_id)}/${encodeURIComponent(c.claim_id)}`; }

async function loadClaims(target) {
  const f = filtersFor("claims");
  const offset = Number(pageParam("offset", 0)) || 0;
  const contested = params().get("contested");
  const query = { ...f, contested: contested || null };
  const data = await api("/api/claims", { ...query, limit: CLAIM_PAGE, offset });
  downloads("claims", "/api/claims", query);
  $("#claims-contested").checked = contested === "true";
  const note = $("#claims-note");
  const last = Math.min(offset + data.groups.length, data.total);
  note.textContent = data.total
    ? `${noun(data.total, "claim group", "claim groups")} (${data.contested_total} contested: claimants disagree by more than 1.5×), ${offset + 1}–${last} shown; contested first, a sub-quantity under the figure it is part of. Words search what a claim is about, its evidence and its claimant; type, quad, status, recipient and confidence apply to events, not claims.`
    : emptyText("claims", query);
  setPager("claims-", offset, last, data.total, CLAIM_PAGE);
  const body = clear($("#claim-table tbody"));
  for (const g of data.groups) {
    const open = g.group_id === target;
    const row = el("tr", { class: ["claim-row", g.contested ? "contested" : "", g.depth ? "subgroup" : "", open ? "open" : ""].filter(Boolean).join(" "), "data-group": g.group_id, "data-parent": g.parent_group_id || null, "data-depth": g.depth || 0 },
      el("td", { class: "about", style: null },
        el("span", { class: "indent", "data-depth": g.depth || 0 }, g.depth ? "↳ ".padStart(2 + 2 * g.depth, " ") : ""),
        el("a", { href: `#claims/${encodeURIComponent(g.group_id)}`, class: "group-link" }, g.about || "(unspecified)"),
        g.contested ? el("span", { class: "badge" }, "CONTESTED") : null,
        g.parent && !g.depth ? el("span", { class: "part-of" }, " part of ", el("a", { href: `#claims/${encodeURIComponent(g.parent.group_id)}`, class: "parent-link" }, g.parent.about || "(unspecified)")) : null),
      el("td", {}, g.unit || ""),
      el("td", { class: "num" }, g.claims_count),
      el("td", { class: "num" }, g.min === g.max ? fmt(g.min) : `${fmt(g.min)} – ${fmt(g.max)}`),
      el("td", {}, g.ratio ? `×${g.ratio}` : ""),
      el("td", {}, g.claimants.length > 3 ? `${g.claimants.slice(0, 3).join(", ")} +${g.claimants.length - 3}` : g.claimants.join(", ")),
      el("td", {}, g.subgroups && g.subgroups.length ? noun(g.subgroups.length, "sub-quantity", "sub-quantities") : ""));
    body.append(row);
  }
  const detail = clear($("#claim-detail"));
  detail.hidden = !target;
  if (!target) return;
  let group = data.groups.find((g) => g.group_id === target);
  if (!group) {  // a group on another page, or one the filters exclude: fetch it alone
    const all = await api("/api/claims", { limit: 1000 });
    group = all.groups.find((g) => g.group_id === target);
  }
  if (!group) { detail.append(el("p", { class: "error" }, `No claim group ${target}.`)); return; }
  detail.append(claimDetail(group, data.groups));
  const row = body.querySelector(`tr[data-group="${CSS.escape(target)}"]`);
  detail.scrollIntoView({ block: "start" });
  if (row) row.classList.add("target");
}

function claimDetail(g, shown) {
  const claimants = [...new Set(g.claims.map(claimantName))];
  const color = (c) => CLAIMANT_COLORS[claimants.indexOf(c) % CLAIMANT_COLORS.length];
  const card = el("div", { class: `claim-group${g.contested ? " contested" : ""}${g.parent ? " subgroup" : ""} target`, "data-group": g.group_id, "data-parent": g.parent ? g.parent.group_id : null },
    el("a", { href: "#claims", class: "close-detail" }, "× close"),
    g.parent ? el("p", { class: "part-of" }, "part of ", el("a", { href: `#claims/${encodeURIComponent(g.parent.group_id)}`, class: "parent-link" }, g.parent.about || "(unspecified)"),
      el("span", { class: "parent-range" }, ` (${fmt(g.parent.min)}${g.parent.max !== g.parent.min ? " – " + fmt(g.parent.max) : ""} ${g.parent.unit || ""} in all)`)) : null,
    el("h3", {}, `${g.about || "(unspecified)"} `, el("span", { class: "meta" }, g.unit || ""), g.contested ? el("span", { class: "badge" }, "CONTESTED") : null),
    el("p", { class: "meta" }, `${noun(g.claims_count, "claim", "claims")} by ${noun(claimants.length, "claimant", "claimants")}; range ${fmt(g.min)} – ${fmt(g.max)}${g.ratio ? ` (×${g.ratio})` : ""}${g.subgroups && g.subgroups.length ? `; ${noun(g.subgroups.length, "sub-quantity", "sub-quantities")}: ` : ""}`,
      ...(g.subgroups || []).map((id) => { const s = shown.find((x) => x.group_id === id); return el("a", { href: `#claims/${encodeURIComponent(id)}`, class: "subgroup-link" }, s ? s.about : id, " "); })));
  card.append(claimChart(g, claimants, color));
  const table = el("table", { class: "claims-of-group" },
    el("thead", {}, el("tr", {}, ["Claimant", "Claim", "Date", "Kind", "Source article", "Evidence"].map((h) => el("th", {}, h)))));
  const tbody = el("tbody");
  for (const c of [...g.claims].sort((a, b) => (a.date || a.article_date).localeCompare(b.date || b.article_date))) {
    tbody.append(el("tr", { "data-claim": c.claim_id },
      el("td", {}, el("span", { class: "swatch", style: null, "data-color": color(claimantName(c)) }), claimantName(c)),
      el("td", { class: "claim-value" }, claimValue(c)),
      el("td", {}, c.date || c.article_date),
      el("td", {}, KIND_NAMES[claimKind(c)] + (c.role ? ` · ${c.role}` : "") + (c.counted === false ? " · not counted" : "")),
      el("td", {}, el("a", { href: claimLink(c), class: "claim-article" }, c.origin ? c.origin.split("/").pop() : c.article_id)),
      el("td", { class: "evidence" }, c.evidence.text)));
  }
  table.append(tbody);
  for (const sw of table.querySelectorAll(".swatch[data-color]")) sw.style.background = sw.dataset.color;
  card.append(table);
  return card;
}

function claimChart(g, claimants, color) {
  const W = 900, H = 260, X0 = 70, X1 = 700, Y0 = 20, Y1 = 220;
  const svg = el("svg:svg", { class: "claim-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `claims about ${g.about} by date` });
  const pts = g.claims.filter((c) => c.value !== null).map((c) => ({ c, t: Date.parse(c.date || c.article_date), kind: claimKind(c) }));
  if (!pts.length) return svg;
  let t0 = Math.min(...pts.map((p) => p.t)), t1 = Math.max(...pts.map((p) => p.t));
  const pad = Math.max((t1 - t0) * 0.08, 15 * 864e5); t0 -= pad; t1 += pad;
  const vmax = Math.max(...pts.map((p) => p.c.value_max ?? p.c.value), 1) * 1.15;
  const x = (t) => X0 + ((t - t0) / (t1 - t0)) * (X1 - X0);
  const y = (v) => Y1 - (v / vmax) * (Y1 - Y0);
  // axes: date ticks (months, or years over a long span) and value ticks
  svg.append(el("svg:line", { x1: X0, x2: X1, y1: Y1, y2: Y1, class: "axis-line" }), el("svg:line", { x1: X0, x2: X0, y1: Y0, y2: Y1, class: "axis-line" }));
  const d0 = new Date(t0), spanMonths = (t1 - t0) / (30.4 * 864e5);
  const step = spanMonths > 48 ? 12 : spanMonths > 18 ? 3 : 1;
  let tick = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1);
  while (tick <= t1) {
    const d = new Date(tick);
    if (d.getUTCMonth() % step === 0) {
      svg.append(el("svg:line", { x1: x(tick), x2: x(tick), y1: Y1, y2: Y1 + 4, class: "axis-line date-tick" }));
      svg.append(el("svg:text", { x: x(tick), y: Y1 + 16, class: "lbl date-tick-label", "text-anchor": "middle" }, step === 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7)));
    }
    tick = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  const mag = Math.pow(10, Math.floor(Math.log10(vmax / 4))), vstep = [1, 2, 5, 10].map((m) => m * mag).find((s) => vmax / s <= 5);
  for (let v = 0; v <= vmax; v += vstep) {
    svg.append(el("svg:line", { x1: X0 - 4, x2: X1, y1: y(v), y2: y(v), class: v ? "grid" : "axis-line" }));
    svg.append(el("svg:text", { x: X0 - 6, y: y(v) + 4, class: "lbl value-tick-label", "text-anchor": "end" }, Number(v).toLocaleString("en", { notation: "compact" })));
  }
  // lines only within one claimant's claims of one kind (never estimate to projection)
  for (const name of claimants) for (const kind of ["estimate", "lower", "upper", "projection"]) {
    const mine = pts.filter((p) => claimantName(p.c) === name && p.kind === kind).sort((a, b) => a.t - b.t);
    if (mine.length > 1) svg.append(el("svg:polyline", { points: mine.map((p) => `${x(p.t)},${y(p.c.value)}`).join(" "), fill: "none", stroke: color(name), "stroke-width": 1.2, "stroke-dasharray": kind === "projection" ? "4 3" : null, class: "claim-line", "data-kind": kind }));
  }
  for (const p of pts) {
    const c = p.c, name = claimantName(c), col = color(name), cx = x(p.t), cy = y(c.value);
    const mark = el("svg:a", { href: claimLink(c), class: "claim-mark", "data-claim": c.claim_id, "data-kind": p.kind });
    if (c.value_max !== null && c.value_max !== undefined && c.value_max !== c.value) {
      mark.append(el("svg:line", { x1: cx, x2: cx, y1: y(c.value), y2: y(c.value_max), stroke: col, "stroke-width": 5, opacity: 0.55, "stroke-linecap": "round", class: "claim-range" }));
    }
    if (p.kind === "lower" || p.kind === "upper") {  // an open bound: an arrow away from the value
      const dir = p.kind === "lower" ? -1 : 1;
      mark.append(el("svg:line", { x1: cx, x2: cx, y1: cy, y2: cy + dir * 22, stroke: col, "stroke-width": 1.5, class: "claim-bound" }),
        el("svg:path", { d: `M${cx - 4},${cy + dir * 18} L${cx},${cy + dir * 24} L${cx + 4},${cy + dir * 18}`, fill: "none", stroke: col, "stroke-width": 1.5 }));
    }
    const title = svgTitle(`${c.date || c.article_date} ${name}: ${claimValue(c)} — ${c.evidence.text}`);
    if (p.kind === "projection") mark.append(el("svg:path", { d: `M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`, fill: "#fff", color: col, "stroke-width": 2, class: "dot claim-point projection" }, title));
    else mark.append(el("svg:circle", { cx, cy, r: 5.5, fill: col, class: "dot claim-point" }, title));
    mark.append(el("svg:text", { x: cx + 9, y: cy - 6, class: "lbl claim-label" }, claimValue(c).replace(/ (soldier|people|person)s?$/, "")));
    svg.append(mark);
  }
  claimants.forEach((name, i) => {
    svg.append(el("svg:circle", { cx: 725, cy: 24 + i * 18, r: 5, fill: color(name) }));
    svg.append(el("svg:text", { x: 735, y: 28 + i * 18, class: "lbl claimant" }, name.length > 22 ? name.slice(0, 21) + "…" : name));
  });
  const ly = 40 + claimants.length * 18;
  svg.append(el("svg:circle", { cx: 725, cy: ly, r: 4, fill: "#556" }), el("svg:text", { x: 735, y: ly + 4, class: "lbl" }, "estimate"));
  svg.append(el("svg:path", { d: `M725,${ly + 12} L730,${ly + 17} L725,${ly + 22} L720,${ly + 17} Z`, fill: "#fff", stroke: "#556", "stroke-width": 1.5 }), el("svg:text", { x: 735, y: ly + 21, class: "lbl" }, "projection"));
  svg.append(el("svg:path", { d: `M725,${ly + 40} L725,${ly + 28} M721,${ly + 32} L725,${ly + 27} L729,${ly + 32}`, fill: "none", stroke: "#556", "stroke-width": 1.5 }), el("svg:text", { x: 735, y: ly + 38, class: "lbl" }, "more than (open bound)"));
  svg.append(el("svg:line", { x1: 725, x2: 725, y1: ly + 46, y2: ly + 60, stroke: "#556", "stroke-width": 5, opacity: 0.55 }), el("svg:text", { x: 735, y: ly + 57, class: "lbl" }, "range"));
  return svg;
}
function claimantName(c) { return c.claimant ? (c.claimant.text || c.claimant.country || "?") : "(unattributed)"; }
function fmt(v) { return v === null || v === undefined ? "?" : Number(v).toLocaleString("en"); }

// ---------------------------------------------------------------------------- articles

const ARTICLE_PAGE = 50;
async function loadArticles() {
  const f = filtersFor("articles");
  const offset = Number(pageParam("offset", 0)) || 0;
  const sort = pageParam("sort", "newest");
  const data = await api("/api/articles", { ...f, sort, limit: ARTICLE_PAGE, offset });
  downloads("articles", "/api/articles", { ...f, sort });
  $("#article-sort").value = sort;
  const last = Math.min(offset + data.articles.length, data.total);
  $("#articles-range").textContent = data.total ? `articles ${offset + 1}–${last} of ${data.total}` : emptyText("articles", f);
  setPager("articles-", offset, last, data.total, ARTICLE_PAGE);
  const list = clear($("#article-list"));
  for (const a of data.articles) {
    list.append(el("li", { "data-article": a.id }, el("span", { class: "meta" }, `${a.date} `),
      el("a", { href: `#article/${encodeURIComponent(a.id)}`, class: "article-title" }, a.title || a.id),
      el("span", { class: "meta" }, ` — ${noun(a.events, "event", "events")}${a.source ? " · " + a.source : ""} `),
      a.url ? el("a", { href: a.url, class: "source-url", rel: "noopener noreferrer", target: "_blank" }, "source") : null));
  }
}

// a seed-format file's title, as the articles list gives it (sitroom/store/articles.py,
// TITLE_SQL): its first line, one over 120 characters cut after its last whole word, with "…"
function firstLine(text) {
  const line = (text.trim().split("\n")[0] || "").trim();
  return line.length <= 120 ? line : line.slice(0, 121).replace(/\s+\S*$/, "").slice(0, 120) + "…";
}

async function loadArticle(id, target) {
  const art = await api(`/api/articles/${encodeURIComponent(id)}`);
  $("#article-title").textContent = (art.title || "").trim() || firstLine(art.text) || "(untitled)";
  $("#article-meta").textContent = [art.date, art.source, art.origin].filter(Boolean).join(" · ");
  const chars = Array.from(art.text); // offsets count code points, as Python does
  const spans = art.events.map((ev) => ({ s: ev.evidence.start, e: ev.evidence.end, ev }))
    .filter((x) => x.s >= 0 && x.e > x.s && x.e <= chars.length);
  const claimSpans = art.claims.map((c) => ({ s: c.evidence.start, e: c.evidence.end, c }))
    .filter((x) => x.s >= 0 && x.e > x.s && x.e <= chars.length);
  const cuts = new Set([0, chars.length]);
  for (const x of [...spans, ...claimSpans]) { cuts.add(x.s); cuts.add(x.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = clear($("#article-text"));
  const anchored = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const text = chars.slice(a, b).join("");
    const evs = spans.filter((x) => x.s <= a && x.e >= b).map((x) => x.ev);
    const cls = claimSpans.filter((x) => x.s <= a && x.e >= b);
    if (!evs.length && !cls.length) { box.append(document.createTextNode(text)); continue; }
    const top = evs.length ? evs[evs.length - 1] : null;
    const mark = el("mark", {
      class: `${evs.length ? `ev q${top.quad_class}` : "claim"}${evs.some((e) => e.event_id === target) || cls.some((x) => x.c.claim_id === target) ? " target" : ""}`,
      "data-claims": cls.length ? cls.map((x) => x.c.claim_id).join(" ") : null,
      "data-events": evs.map((e) => e.event_id).join(" "),
      title: evs.map((e) => `${e.type}: ${who(e.actor)} → ${who(e.recipient)}`).concat(cls.map((x) => `claim: ${fmt(x.c.value)} ${x.c.unit || ""}`)).join("\n"),
    }, text);
    for (const e of evs) if (!anchored.has(e.event_id)) { anchored.add(e.event_id); mark.id = mark.id || `ev-${e.event_id}`; }
    box.append(mark);
  }
  const list = clear($("#article-events"));
  for (const ev of art.events) {
    list.append(el("li", { class: ev.event_id === target ? "target" : null, "data-event": ev.event_id },
      el("a", { href: `#article/${encodeURIComponent(art.id)}/${encodeURIComponent(ev.event_id)}` }, chip(ev.type, ev.quad_class)),
      ` ${who(ev.actor)}${ev.recipient ? " → " + who(ev.recipient) : ""} (${ev.status}${ev.date ? ", " + ev.date : ""})`));
  }
  if (!art.events.length) list.append(el("li", {}, "No events."));
  const claims = clear($("#article-claims"));
  for (const c of art.claims) claims.append(el("li", { class: c.claim_id === target ? "target" : null, "data-claim": c.claim_id }, `${c.about || ""}: ${claimValue(c)} (${claimantName(c)}) `, c.group_id ? el("a", { href: `#claims/${encodeURIComponent(c.group_id)}` }, "group") : null));
  if (!art.claims.length) claims.append(el("li", {}, "No claims."));
  if (target) {
    const mark = document.querySelector(`mark.target`);
    if (mark) mark.scrollIntoView({ block: "center" });
  }
}

// ---------------------------------------------------------------------------- routing

const LOADERS = { timeline: loadTimeline, network: loadNetwork, map: loadMap, claims: loadClaims, articles: loadArticles };
let routing = 0;

function showError(err, view) {
  for (const p of document.querySelectorAll(".view-error")) { p.hidden = true; p.textContent = ""; }
  if (!err) return;
  const p = $(`#view-${view || document.body.dataset.view} .view-error`) || $("#error");
  p.hidden = false;
  p.textContent = String(err.message || err);
}

async function route() {
  const run = ++routing;
  const [view, id, target] = (location.hash.slice(1) || "timeline").split("/").map(decodeURIComponent);
  const name = view === "article" ? "article" : (LOADERS[view] ? view : "timeline");
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== `view-${name}`;
  for (const a of document.querySelectorAll("#tabs a")) {
    a.classList.toggle("active", a.dataset.view === name || (name === "article" && a.dataset.view === "articles"));
    a.setAttribute("href", `${location.pathname}${tabQuery()}#${a.dataset.view}`);
  }
  const active = describeFilters(filters());
  $("#active-filters").textContent = active ? `Filtered: ${active}` : "";
  $("#active-filters").hidden = !active;
  showError(null);
  document.body.dataset.view = name;
  document.body.dataset.ready = "";
  $("#loading").hidden = false;
  $(`#view-${name}`).setAttribute("aria-busy", "true");
  try {
    if (name === "article") await loadArticle(id, target);
    else await LOADERS[name](id);
  } catch (err) { if (run === routing) showError(err, name); }
  if (run !== routing) return;  // a newer route took over
  $(`#view-${name}`).removeAttribute("aria-busy");
  $("#loading").hidden = true;
  document.body.dataset.ready = name;
}

// a tab keeps the filters, not the page or sort of the view it leaves
function tabQuery() {
  const p = params();
  for (const k of [...PAGING, "contested"]) p.delete(k);
  const qs = p.toString();
  return qs ? `?${qs}` : "";
}

function formFilters() {
  const out = {};
  const form = new FormData($("#filters"));
  for (const k of FILTERS) out[k] = (form.get(k) || "").trim() || null;
  out.canonical = form.get("reports") ? "false" : null;
  return out;
}

async function init() {
  drawLegend();
  try {
    const meta = (state.meta = await api("/api/meta"));
    const events = meta.stories_built ? `${meta.canonical_events} events (${meta.events} reports)` : `${meta.events} event reports`;
    $("#meta").textContent = `${noun(meta.articles, "article", "articles")} · ${events} · ${noun(meta.claims, "claim", "claims")}` + (meta.first_date ? ` · ${meta.first_date} – ${meta.last_date}` : "");
    const typeSel = $("#filters select[name=type]");
    for (const t of meta.types) typeSel.append(el("option", { value: t.type }, `${t.type} (${t.quad_class})`));
    const quadSel = $("#filters select[name=quad]");
    for (const [q, name] of Object.entries(meta.quad_classes)) quadSel.append(el("option", { value: q }, `${q} ${name}`));
    const statusSel = $("#filters select[name=status]");
    for (const s of meta.statuses) statusSel.append(el("option", { value: s }, s));
  } catch (err) { showError(err); }
  fillForm();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); navigate(formFilters()); });
  $("#filters").addEventListener("reset", (e) => { e.preventDefault(); navigate(Object.fromEntries([...FILTERS, "canonical", "contested"].map((k) => [k, null]))); });
  for (const id of ["prev", "next", "claims-prev", "claims-next", "articles-prev", "articles-next"]) {
    $(`#${id}`).addEventListener("click", (e) => navigate({ offset: Number(e.target.dataset.offset) || null }, { keepPaging: true }));
  }
  $("#event-table th.sort-date").addEventListener("click", () => navigate({ order: pageParam("order", "desc") === "desc" ? "asc" : null }));
  $("#article-sort").addEventListener("change", (e) => navigate({ sort: e.target.value === "newest" ? null : e.target.value }));
  $("#claims-contested").addEventListener("change", (e) => navigate({ contested: e.target.checked ? "true" : null }));
  window.addEventListener("hashchange", route);
  window.addEventListener("popstate", () => { fillForm(); route(); });
  await route();
}

init();
