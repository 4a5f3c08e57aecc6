// sitroom web page: plain JS, no libraries, no network beyond this server.
// Every piece of data (article text, actor names, evidence) goes into the DOM with textContent
// or setAttribute, never innerHTML; the server also sends a Content-Security-Policy.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QCOLOR = { 1: "#2b8cbe", 2: "#31a354", 3: "#e6820e", 4: "#d7301f" };
const PAGE = 300;
const state = { offset: 0, total: 0, meta: null };

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

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url);
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
function showError(err) { const p = $("#error"); p.hidden = !err; p.textContent = err ? String(err.message || err) : ""; }

function filters() {
  const out = {};
  for (const [k, v] of new FormData($("#filters"))) if (v) out[k] = v;
  // canonical events (one per real-world occurrence) unless "every report" is ticked or the
  // store has none built; the API falls back and says so in `note` where that changes
  const reports = Boolean(out.reports) || !(state.meta && state.meta.stories_built);
  delete out.reports;
  out.canonical = reports ? "false" : "true";
  return out;
}
function canonicalMode(f) { return f.canonical === "true"; }
function noun(n, one, many) { return `${n} ${n === 1 ? one : many}`; }
function who(actor) { return actor ? (actor.country ? `${actor.text} (${actor.country})` : actor.text) : ""; }
function day(ev) { return ev.date || ev.article_date; }
function articleLink(ev) { return `#article/${encodeURIComponent(ev.article_id)}/${encodeURIComponent(ev.event_id)}`; }
function chip(type, quad) { return el("span", { class: `chip q${quad}` }, type); }

// ---------------------------------------------------------------------------- timeline

async function loadTimeline() {
  const f = filters();
  const [page, hist] = await Promise.all([
    api("/api/events", { ...f, limit: PAGE, offset: state.offset }),
    api("/api/timeline", { ...f, interval: "month" }),
  ]);
  state.total = page.total;
  drawHistogram(hist.buckets);
  drawDots(page.events);
  drawTable(page.events);
  const last = Math.min(state.offset + page.events.length, page.total);
  const what = canonicalMode(f) ? "canonical events" : "reports";
  $("#range").textContent = page.total ? `${what} ${state.offset + 1}–${last} of ${page.total}` : "no events match";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= page.total;
}

function drawLegend() {
  const legend = clear($("#legend"));
  for (const q of [1, 2, 3, 4]) legend.append(el("span", {}, el("span", { class: `swatch q${q}` }), `${q} ${QUAD[q]}`));
}

function drawHistogram(buckets) {
  const svg = clear($("#histogram"));
  if (!buckets.length) return;
  const max = Math.max(...buckets.map((b) => b.count));
  const w = Math.min(1000 / buckets.length, 60);
  buckets.forEach((b, i) => {
    let y = 115;
    for (const q of [4, 3, 2, 1]) {
      const h = (b.quad[q] / max) * 100;
      if (!h) continue;
      y -= h;
      svg.append(el("svg:rect", { x: i * w + 0.5, y, width: Math.max(w - 1, 0.5), height: h, fill: QCOLOR[q] },
        svgTitle(`${b.bucket}: ${b.quad[q]} ${QUAD[q]} (${b.count} in all)`)));
    }
  });
}

function drawDots(events) {
  const svg = clear($("#timeline"));
  if (!events.length) { svg.append(el("svg:text", { x: 20, y: 30, class: "lbl" }, "No events match these filters.")); return; }
  const t = events.map((e) => Date.parse(day(e)));
  const lo = Math.min(...t), hi = Math.max(...t), span = Math.max(hi - lo, 864e5);
  const x = (ms) => 90 + ((ms - lo) / span) * 880;
  for (const q of [1, 2, 3, 4]) {
    const y = 20 + (q - 1) * 35;
    svg.append(el("svg:line", { x1: 85, x2: 975, y1: y, y2: y, stroke: "#e3e6ea" }));
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
  svg.append(el("svg:text", { x: 90, y: 162, class: "lbl" }, new Date(lo).toISOString().slice(0, 10)));
  svg.append(el("svg:text", { x: 975, y: 162, class: "lbl", "text-anchor": "end" }, new Date(hi).toISOString().slice(0, 10)));
}

function drawTable(events) {
  const body = clear($("#event-table tbody"));
  for (const ev of events) {
    const row = el("tr", { "data-event": ev.event_id, class: ev.canonical ? "canonical" : null },
      el("td", {}, day(ev)), el("td", {}, chip(ev.type, ev.quad_class), ev.mode ? ` ${ev.mode}` : ""),
      el("td", {}, who(ev.actor)), el("td", {}, who(ev.recipient)), el("td", {}, ev.status),
      el("td", { class: "evidence" }, el("a", { href: articleLink(ev), class: "evidence-link" }, ev.evidence.text)),
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
      el("td", { colspan: 7 }, el("p", { class: "hint" }, `${noun(data.total, "report", "reports")} of this event, from ${noun(data.event.num_articles, "article", "articles")} and ${noun(data.event.num_sources, "source", "sources")}; first reported ${data.event.first_reported}, last ${data.event.last_reported}:`), list)));
    button.setAttribute("aria-expanded", "true");
    button.textContent = button.textContent.replace("▸", "▾");
  } catch (err) { showError(err); }
  button.disabled = false;
}

// ---------------------------------------------------------------------------- network

function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 7));
  if (t < 0) return `rgb(${200 + Math.round(-t * 40)},${Math.round(200 * (1 + t))},${Math.round(200 * (1 + t))})`;
  return `rgb(${Math.round(200 * (1 - t))},${Math.round(200 * (1 - t) + 40 * t)},${200 + Math.round(t * 40)})`;
}

async function loadNetwork() {
  const f = filters();
  const net = await api("/api/network", { actor: f.actor, recipient: f.recipient, type: f.type, quad: f.quad, since: f.since, until: f.until, canonical: f.canonical, limit: 80 });
  const unit = net.counting === "canonical" ? "canonical events" : "reports";
  $("#network-hint").textContent = `Nodes: actors (country code, else name), sized by ${unit}. Edges: actor → recipient, width by number of ${unit}, colour by mean Goldstein (red conflict … blue cooperation).${net.note ? " " + net.note + "." : ""}`;
  const svg = clear($("#network"));
  if (!net.edges.length) { svg.append(el("svg:text", { x: 20, y: 30, class: "lbl" }, "No actor–recipient pairs match these filters.")); return; }
  const W = 900, H = 600, n = net.nodes.length;
  const nodes = net.nodes.map((d, i) => ({ ...d, x: W / 2 + 220 * Math.cos((2 * Math.PI * i) / n), y: H / 2 + 220 * Math.sin((2 * Math.PI * i) / n), vx: 0, vy: 0 }));
  const byId = Object.fromEntries(nodes.map((d) => [d.id, d]));
  const links = net.edges.map((e) => ({ ...e, s: byId[e.source], t: byId[e.target] }));
  // a small deterministic force layout: repulsion, springs along edges, pull to the centre
  for (let it = 0; it < 300; it++) {
    const k = 1 - it / 300;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
      const f = (2500 / d2) * k;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const l of links) {
      if (l.s === l.t) continue;
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      const f = ((d - 110) / d) * 0.05 * k;
      l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
    }
    for (const d of nodes) {
      d.vx += (W / 2 - d.x) * 0.01 * k; d.vy += (H / 2 - d.y) * 0.01 * k;
      d.x = Math.max(30, Math.min(W - 30, d.x + Math.max(-20, Math.min(20, d.vx))));
      d.y = Math.max(20, Math.min(H - 20, d.y + Math.max(-20, Math.min(20, d.vy))));
      d.vx *= 0.5; d.vy *= 0.5;
    }
  }
  const maxC = Math.max(...links.map((l) => l.count));
  svg.append(el("svg:defs", {}, el("svg:marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    el("svg:path", { d: "M0,0L10,5L0,10z", fill: "#889" }))));
  for (const l of links) {
    const title = svgTitle(`${l.source} → ${l.target}: ${l.count} ${unit}, mean Goldstein ${l.mean_goldstein}`);
    const width = 1 + (5 * l.count) / maxC;
    if (l.s === l.t) {
      svg.append(el("svg:circle", { cx: l.s.x, cy: l.s.y - 14, r: 12, fill: "none", stroke: goldsteinColor(l.mean_goldstein), "stroke-width": width, class: "edge" }, title));
    } else {
      svg.append(el("svg:line", { x1: l.s.x, y1: l.s.y, x2: l.t.x, y2: l.t.y, stroke: goldsteinColor(l.mean_goldstein), "stroke-width": width, "marker-end": "url(#arrow)", class: "edge" }, title));
    }
  }
  const maxN = Math.max(...nodes.map((d) => d.count));
  for (const d of nodes) {
    const g = el("svg:g", { class: "node", "data-node": d.id });
    g.append(el("svg:circle", { cx: d.x, cy: d.y, r: 5 + 12 * Math.sqrt(d.count / maxN), fill: "#1d2733", opacity: 0.8 }, svgTitle(`${d.id}: ${d.count} ${unit}`)));
    g.append(el("svg:text", { x: d.x + 10, y: d.y - 8, class: "node-label" }, d.id.length > 24 ? d.id.slice(0, 23) + "…" : d.id));
    svg.append(g);
  }
}

// ---------------------------------------------------------------------------- map

let world = null;
async function loadMap() {
  const svg = clear($("#map"));
  if (!world) world = await (await fetch("/static/world-110m.json")).json();
  const land = el("svg:g", { class: "countries" });
  for (const c of world) land.append(el("svg:path", { d: c.d, class: "land" }, svgTitle(c.name)));
  svg.append(land);
  const f = filters();
  const page = await api("/api/events", { ...f, located: true, limit: 1000 });
  const note = $("#map-note");
  if (!page.total) {
    note.textContent = "No located events yet: events get coordinates once their places are resolved. Outlines are shown for reference.";
    return;
  }
  note.textContent = `${page.total} located events${page.total > page.events.length ? ` (showing ${page.events.length})` : ""}; click a dot for its evidence.`;
  for (const ev of page.events) {
    const loc = ev.location;
    svg.append(el("svg:a", { href: articleLink(ev), class: "map-event" },
      el("svg:circle", { cx: loc.lon + 180, cy: 90 - loc.lat, r: 1.6, fill: QCOLOR[ev.quad_class], class: "ev" },
        svgTitle(`${loc.name}: ${day(ev)} ${ev.type} ${who(ev.actor)} → ${who(ev.recipient)}`))));
  }
}

// ---------------------------------------------------------------------------- claims

const CLAIMANT_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];

async function loadClaims(target) {
  const data = await api("/api/claims", { limit: 100 });
  const box = clear($("#claims"));
  $("#claims-note").textContent = data.total
    ? `${data.total} claim groups; contested groups (claimants disagree by more than 1.5×) first; a sub-quantity (e.g. the troops near one border) sits under the figure it is part of.`
    : "No claims stored yet. Claim groups appear here as soon as the extractor stores claims.";
  // a sub-quantity is drawn inside its whole's family, not as an unrelated group; one whose
  // whole is not on this page stays at the top level with its "part of" line
  const shown = new Set(data.groups.map((g) => g.group_id));
  const byParent = {};
  for (const g of data.groups) if (g.parent_group_id && shown.has(g.parent_group_id)) (byParent[g.parent_group_id] ||= []).push(g);
  const family = (g, depth) => {
    const kids = depth < 4 ? (byParent[g.group_id] || []) : [];
    const node = el("div", { class: "claim-family", "data-family": g.group_id }, claimGroup(g));
    if (kids.length) node.append(el("div", { class: "subgroups" }, kids.map((k) => family(k, depth + 1))));
    return node;
  };
  for (const g of data.groups) if (!(g.parent_group_id && shown.has(g.parent_group_id))) box.append(family(g, 0));
  if (target) {
    const card = [...box.querySelectorAll(".claim-group")].find((c) => c.dataset.group === target);
    if (card) { card.classList.add("target"); card.scrollIntoView({ block: "center" }); }
  }
}

function claimGroup(g) {
  const claimants = [...new Set(g.claims.map(claimantName))];
  const color = (c) => CLAIMANT_COLORS[claimants.indexOf(c) % CLAIMANT_COLORS.length];
  const classes = ["claim-group", g.contested ? "contested" : "", g.parent ? "subgroup" : ""].filter(Boolean).join(" ");
  const card = el("div", { class: classes, "data-group": g.group_id, "data-parent": g.parent ? g.parent.group_id : null },
    g.parent ? el("p", { class: "part-of" }, "part of ", el("a", { href: `#claims/${encodeURIComponent(g.parent.group_id)}`, class: "parent-link" }, g.parent.about || "(unspecified)"),
      el("span", { class: "parent-range" }, ` (${fmt(g.parent.min)}${g.parent.max !== g.parent.min ? " – " + fmt(g.parent.max) : ""} ${g.parent.unit || ""} in all)`)) : null,
    el("h3", {}, `${g.about || "(unspecified)"} `, el("span", { class: "meta" }, g.unit || ""), g.contested ? el("span", { class: "badge" }, "CONTESTED") : null),
    el("p", { class: "meta" }, `${noun(g.claims_count, "claim", "claims")}; range ${fmt(g.min)} – ${fmt(g.max)}${g.ratio ? ` (×${g.ratio})` : ""}${g.subgroups && g.subgroups.length ? `; ${noun(g.subgroups.length, "sub-quantity", "sub-quantities")} below` : ""}`));
  const svg = el("svg:svg", { class: "claim-chart", viewBox: "0 0 760 190" });
  const pts = g.claims.filter((c) => c.value !== null).map((c) => ({ c, t: Date.parse(c.date || c.article_date) }));
  const t0 = Math.min(...pts.map((p) => p.t)), t1 = Math.max(...pts.map((p) => p.t));
  const vmax = Math.max(...pts.map((p) => p.c.value_max ?? p.c.value), 1);
  const x = (t) => (t1 === t0 ? 380 : 60 + ((t - t0) / (t1 - t0)) * 540);
  const y = (v) => 170 - (v / vmax) * 150;
  svg.append(el("svg:line", { x1: 55, x2: 610, y1: 170, y2: 170, stroke: "#ccd" }));
  svg.append(el("svg:text", { x: 50, y: 24, class: "lbl", "text-anchor": "end" }, Number(vmax).toLocaleString("en", { notation: "compact" })));
  svg.append(el("svg:text", { x: 50, y: 172, class: "lbl", "text-anchor": "end" }, "0"));
  for (const name of claimants) {
    const mine = pts.filter((p) => claimantName(p.c) === name).sort((a, b) => a.t - b.t);
    if (mine.length > 1) svg.append(el("svg:polyline", { points: mine.map((p) => `${x(p.t)},${y(p.c.value)}`).join(" "), fill: "none", stroke: color(name), "stroke-width": 1.5 }));
  }
  for (const p of pts) {
    const c = p.c, name = claimantName(c);
    if (c.value_max !== null && c.value_max !== undefined) svg.append(el("svg:line", { x1: x(p.t), x2: x(p.t), y1: y(c.value), y2: y(c.value_max), stroke: color(name), "stroke-width": 3, opacity: 0.5 }));
    svg.append(el("svg:a", { href: `#article/${encodeURIComponent(c.article_id)}` },
      el("svg:circle", { cx: x(p.t), cy: y(c.value), r: 5, fill: color(name), class: "dot claim-point" },
        svgTitle(`${c.date || c.article_date} ${name}: ${fmt(c.value)}${c.value_max !== null ? "–" + fmt(c.value_max) : ""} ${c.unit || ""} — ${c.evidence.text}`))));
  }
  claimants.forEach((name, i) => {
    svg.append(el("svg:circle", { cx: 630, cy: 20 + i * 18, r: 5, fill: color(name) }));
    svg.append(el("svg:text", { x: 640, y: 24 + i * 18, class: "lbl claimant" }, name.length > 22 ? name.slice(0, 21) + "…" : name));
  });
  card.append(svg);
  return card;
}
function claimantName(c) { return c.claimant ? (c.claimant.text || c.claimant.country || "?") : "(unattributed)"; }
function fmt(v) { return v === null || v === undefined ? "?" : Number(v).toLocaleString("en"); }

// ---------------------------------------------------------------------------- articles

async function loadArticles() {
  const data = await api("/api/articles", { limit: 200, q: filters().q });
  const list = clear($("#article-list"));
  for (const a of data.articles) {
    list.append(el("li", {}, `${a.date} `, el("a", { href: `#article/${encodeURIComponent(a.id)}` }, a.title || a.origin || a.id), ` — ${a.events} events`));
  }
  if (!data.articles.length) list.append(el("li", {}, "No articles stored."));
}

async function loadArticle(id, target) {
  const art = await api(`/api/articles/${encodeURIComponent(id)}`);
  $("#article-title").textContent = art.title || "(untitled)";
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
      class: `${evs.length ? `ev q${top.quad_class}` : "claim"}${evs.some((e) => e.event_id === target) ? " target" : ""}`,
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
  for (const c of art.claims) claims.append(el("li", {}, `${c.about || ""}: ${fmt(c.value)}${c.value_max !== null ? "–" + fmt(c.value_max) : ""} ${c.unit || ""} (${claimantName(c)})`));
  if (!art.claims.length) claims.append(el("li", {}, "No claims."));
  if (target) {
    const mark = document.querySelector(`mark.target`);
    if (mark) mark.scrollIntoView({ block: "center" });
  }
}

// ---------------------------------------------------------------------------- routing

const LOADERS = { timeline: loadTimeline, network: loadNetwork, map: loadMap, claims: loadClaims, articles: loadArticles };

async function route() {
  const [view, id, target] = (location.hash.slice(1) || "timeline").split("/").map(decodeURIComponent);
  const name = view === "article" ? "article" : (LOADERS[view] ? view : "timeline");
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== `view-${name}`;
  for (const a of document.querySelectorAll("#tabs a")) a.classList.toggle("active", a.dataset.view === name || (name === "article" && a.dataset.view === "articles"));
  showError(null);
  document.body.dataset.view = name;
  document.body.dataset.ready = "";
  try {
    if (name === "article") await loadArticle(id, target);
    else await LOADERS[name](id);
  } catch (err) { showError(err); }
  document.body.dataset.ready = name;
}

async function init() {
  drawLegend();
  try {
    const meta = (state.meta = await api("/api/meta"));
    const events = meta.stories_built ? `${meta.canonical_events} events (${meta.events} reports)` : `${meta.events} event reports`;
    $("#meta").textContent = `${meta.articles} articles · ${events} · ${meta.claims} claims` + (meta.first_date ? ` · ${meta.first_date} – ${meta.last_date}` : "");
    const typeSel = $("#filters select[name=type]");
    for (const t of meta.types) typeSel.append(el("option", { value: t.type }, `${t.type} (${t.quad_class})`));
    const quadSel = $("#filters select[name=quad]");
    for (const [q, name] of Object.entries(meta.quad_classes)) quadSel.append(el("option", { value: q }, `${q} ${name}`));
  } catch (err) { showError(err); }
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; route(); });
  $("#filters").addEventListener("reset", () => { state.offset = 0; setTimeout(route, 0); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); route(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; route(); });
  window.addEventListener("hashchange", route);
  await route();
}

init();
