/* kronika map page: events on an offline world map and a timeline, each with the text behind it.
 *
 * Safety rule of this file: every string that comes from data (article text, titles, names, quotes,
 * places) reaches the page through textContent / createTextNode only, never through innerHTML, so
 * a `<script>` or `<img onerror>` in an article is shown as the characters it is.
 */
(function () {
  "use strict";

  var TYPES = [
    "Protests", "Riots", "Violence against civilians", "Battles",
    "Explosions/Remote violence", "Strategic developments",
  ];
  var COLORS = {
    "Protests": "#2b8cbe", "Riots": "#e6550d", "Violence against civilians": "#a50f15",
    "Battles": "#6a3d9a", "Explosions/Remote violence": "#d62728", "Strategic developments": "#636363",
  };
  var PAGE = 2000;        // events per API request
  var MAX_EVENTS = 50000; // the page stops loading past this many (the timeline and filters still work)

  var state = { events: [], markers: {}, brush: null, selected: null, bins: [] };
  var map, cluster;

  // ---------- small DOM helpers (text only) ----------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function color(t) { return COLORS[t] || "#999"; }
  function setStatus(msg) { document.getElementById("status").textContent = msg; }

  function api(path, params) {
    var qs = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== "" && params[k] !== null && params[k] !== undefined) qs.set(k, params[k]);
    });
    var url = "api/" + path + (qs.toString() ? "?" + qs.toString() : "");
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && body.detail) ? String(body.detail) : ("HTTP " + r.status));
        return body;
      });
    });
  }

  // ---------- map ----------
  function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 13, zoomSnap: 0.5,
                         preferCanvas: false }).setView([35, 20], 2);
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true, chunkedLoading: true,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(cluster);
    // The base layer: Natural Earth country outlines shipped in the world-atlas npm package.
    fetch("vendor/world-atlas/countries-50m.json").then(function (r) {
      if (!r.ok) throw new Error("no base map");
      return r.json();
    }).then(function (topo) {
      var land = planar(topojson.feature(topo, topo.objects.countries));
      L.geoJSON(land, { interactive: false, style: {
        color: "#b9b3a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
    }).catch(function () { setStatus("base map unavailable (run make install)"); });
  }

  // world-atlas outlines are stitched across the antimeridian (drawn right on a globe); on a flat map
  // a ring that jumps from +180 to -180 would smear across the world. Such rings are moved east of
  // 180°, and a ring around a pole (Antarctica), which has no flat form, is left out.
  function planar(fc) {
    function fixRing(ring) {
      var jumps = false;
      for (var i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) { jumps = true; break; }
      if (!jumps) return ring;
      var moved = ring.map(function (p) { return [p[0] < 0 ? p[0] + 360 : p[0], p[1]]; });
      for (var j = 1; j < moved.length; j++) if (Math.abs(moved[j][0] - moved[j - 1][0]) > 180) return null;
      return moved;
    }
    function fixPolygon(rings) {
      var outer = fixRing(rings[0]);
      if (!outer) return null;
      return [outer].concat(rings.slice(1).map(fixRing).filter(Boolean));
    }
    fc.features = fc.features.map(function (f) {
      var g = f.geometry;
      if (!g) return null;
      var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polys = polys.map(fixPolygon).filter(Boolean);
      if (!polys.length) return null;
      return { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: polys } };
    }).filter(Boolean);
    return fc;
  }

  function clusterIcon(c) {
    var byType = {};
    c.getAllChildMarkers().forEach(function (m) {
      byType[m.options.evType] = (byType[m.options.evType] || 0) + 1;
    });
    // a pie of the cluster's event types (colours from COLORS, shares are numbers: no data in CSS)
    var total = c.getChildCount(), acc = 0, stops = [];
    TYPES.concat(Object.keys(byType).filter(function (t) { return TYPES.indexOf(t) < 0; })).forEach(function (t) {
      if (!byType[t]) return;
      var a0 = acc / total * 360;
      acc += byType[t];
      stops.push(color(t) + " " + a0.toFixed(1) + "deg " + (acc / total * 360).toFixed(1) + "deg");
    });
    var inner = el("div", { text: String(total) });
    inner.style.background = "conic-gradient(" + stops.join(", ") + ")";
    return L.divIcon({ html: inner, className: "ev-cluster", iconSize: [34, 34] });
  }

  function makeMarker(ev) {
    var dot = el("div", { class: "ev-dot" });
    dot.style.background = color(ev.event_type);
    var icon = L.divIcon({ html: dot, className: "ev-marker", iconSize: [14, 14] });
    var m = L.marker([ev.latitude, ev.longitude], { icon: icon, evType: ev.event_type,
                                                    keyboard: true, title: ev.event_type });
    m.on("click", function () { showEvent(ev.id); });
    m.on("add", function () {
      var node = m.getElement();
      if (node) {
        node.setAttribute("data-event-id", String(ev.id));
        node.classList.toggle("selected", state.selected === ev.id);
      }
    });
    return m;
  }

  function inBrush(ev) {
    if (!state.brush) return true;
    return ev.date !== null && ev.date !== undefined && ev.date >= state.brush[0] && ev.date <= state.brush[1];
  }

  function redrawMarkers(fit) {
    var shown = [];
    var mapped = 0;
    state.events.forEach(function (ev) {
      if (!inBrush(ev)) return;
      var m = state.markers[ev.id];
      if (m) { shown.push(m); mapped += 1; }
    });
    cluster.clearLayers();
    cluster.addLayers(shown);
    var inRange = state.events.filter(inBrush).length;
    document.body.setAttribute("data-shown", String(mapped));
    setStatus(mapped + " events on the map" + (inRange > mapped ? " (" + (inRange - mapped) +
              " without coordinates)" : "") + (state.brush ? ", " + state.brush[0] + " – " + state.brush[1] : "") +
              " · " + state.events.length + " loaded");
    if (fit && shown.length) {
      var b = L.latLngBounds(shown.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(b.pad(0.3), { maxZoom: 7 });
    }
    if (state.selected === null) renderList();
  }

  // With no event selected the panel lists the events in view (the filters and the date selection),
  // newest first: a way in by keyboard, and to events without coordinates or under a crowded cluster.
  var LIST_MAX = 200;
  function renderList() {
    var panel = document.getElementById("detail");
    clear(panel);
    var evs = state.events.filter(inBrush).slice().reverse();
    panel.appendChild(el("p", { class: "hint", text: "Click a marker or an event below to see it with its " +
      "incident's sources and figures and the article text, evidence highlighted. Drag across the timeline " +
      "to filter by date." }));
    panel.appendChild(el("h3", { text: evs.length + " events" + (evs.length > LIST_MAX ? " (the newest " + LIST_MAX + ")" : "") }));
    var list = el("ul", { class: "plain event-list" });
    evs.slice(0, LIST_MAX).forEach(function (ev) {
      var sw = el("span", { class: "swatch" });
      sw.style.background = color(ev.event_type);
      var b = el("button", { type: "button", class: "linklike",
                             text: (ev.date || "undated") + " · " + ev.sub_event_type + " · " +
                                   ([ev.location, ev.country].filter(Boolean).join(", ") || "place unknown") });
      b.addEventListener("click", function () { showEvent(ev.id); });
      list.appendChild(el("li", null, [sw, " ", b]));
    });
    panel.appendChild(list);
  }

  function backToList() {
    state.selected = null;
    Object.keys(state.markers).forEach(function (k) {
      var node = state.markers[k].getElement();
      if (node) node.classList.remove("selected");
    });
    renderList();
  }

  function legend() {
    var box = document.getElementById("legend");
    TYPES.forEach(function (t) {
      var sw = el("span", { class: "swatch" });
      sw.style.background = color(t);
      box.appendChild(el("div", null, [sw, t]));
    });
  }

  // ---------- filters ----------
  function filterParams() {
    return {
      event_type: document.getElementById("f-type").value,
      country: document.getElementById("f-country").value,
      date_from: document.getElementById("f-from").value,
      date_to: document.getElementById("f-to").value,
      q: document.getElementById("f-q").value.trim(),
    };
  }

  function fillFilters() {
    TYPES.forEach(function (t) {
      document.getElementById("f-type").appendChild(el("option", { value: t, text: t }));
    });
    return api("stats").then(function (s) {
      var sel = document.getElementById("f-country");
      (s.by_country || []).forEach(function (c) {
        if (!c.country) return;
        sel.appendChild(el("option", { value: c.country, text: c.country + " (" + c.count + ")" }));
      });
    }).catch(function () { /* the filters still work without counts */ });
  }

  function loadEvents() {
    var params = filterParams();
    setStatus("loading…");
    state.events = [];
    state.markers = {};
    state.brush = null;
    state.selected = null;
    function page(offset) {
      var p = Object.assign({ limit: PAGE, offset: offset }, params);
      return api("events", p).then(function (res) {
        state.events = state.events.concat(res.items);
        if (res.items.length === PAGE && state.events.length < Math.min(res.total, MAX_EVENTS)) {
          return page(offset + PAGE);
        }
        return null;
      });
    }
    return page(0).then(function () {
      state.events.forEach(function (ev) {
        if (typeof ev.latitude === "number" && typeof ev.longitude === "number") {
          state.markers[ev.id] = makeMarker(ev);
        }
      });
      drawTimeline();
      redrawMarkers(true);
      document.body.setAttribute("data-ready", "1");
    }).catch(function (e) { setStatus("error: " + e.message); });
  }

  // ---------- timeline: events per day stacked by type, with a brush ----------
  // One bar per day; a span of more than a year is binned by week (more than six years: by 30 days) so
  // that bars stay visible. Filtering by dates narrows the span back to days.
  var DAY_MS = 86400000;
  function dayNum(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoOf(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

  function drawTimeline() {
    var box = document.getElementById("timeline");
    clear(box);
    updateBrushLabel();
    state.bins = [];
    var dated = state.events.filter(function (e) { return e.date && !isNaN(dayNum(e.date)); });
    if (!dated.length) return;
    var nums = dated.map(function (e) { return dayNum(e.date); });
    var lo = Math.min.apply(null, nums), hi = Math.max.apply(null, nums);
    var span = hi - lo + 1;
    var size = span <= 366 ? 1 : (span <= 6 * 366 ? 7 : 30);
    document.getElementById("tl-unit").textContent = "Events per " + (size === 1 ? "day" : size === 7 ? "week" : "30 days");
    var n = Math.ceil(span / size);
    for (var k = 0; k < n; k++) state.bins.push({ from: isoOf(lo + k * size), to: isoOf(Math.min(hi, lo + (k + 1) * size - 1)) });
    var counts = state.bins.map(function () { return {}; });
    dated.forEach(function (e, j) {
      var c = counts[Math.floor((nums[j] - lo) / size)];
      c[e.event_type] = (c[e.event_type] || 0) + 1;
    });
    var W = box.clientWidth || 800, H = box.clientHeight || 150;
    var padL = 28, padR = 8, padB = 18, padT = 6;
    var bw = (W - padL - padR) / n;
    var maxN = 1;
    counts.forEach(function (c) {
      var t = 0;
      Object.keys(c).forEach(function (k) { t += c[k]; });
      if (t > maxN) maxN = t;
    });
    var yScale = (H - padT - padB) / maxN;
    state.geom = { padL: padL, bw: bw, W: W, H: H, padT: padT, padB: padB };
    var bars = svg("g", { class: "bars" });
    counts.forEach(function (c, i) {
      var y = H - padB;
      TYPES.concat(Object.keys(c).filter(function (t) { return TYPES.indexOf(t) < 0; })).forEach(function (t) {
        if (!c[t]) return;
        var h = c[t] * yScale;
        y -= h;
        var r = svg("rect", { x: padL + i * bw + (bw > 3 ? 0.5 : 0), y: y, width: Math.max(bw - (bw > 3 ? 1 : 0), 1),
                              height: h, fill: color(t) });
        var b = state.bins[i];
        var tip = svg("title");
        tip.textContent = (b.from === b.to ? b.from : b.from + " – " + b.to) + " · " + t + ": " + c[t];
        r.appendChild(tip);
        bars.appendChild(r);
      });
    });
    box.appendChild(bars);
    var axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: padL, x2: W - padR, y1: H - padB, y2: H - padB }));
    var every = Math.max(1, Math.ceil(80 / Math.max(bw, 0.01)));
    for (var i = 0; i < n; i += every) {
      var t = svg("text", { x: padL + i * bw, y: H - 4 });
      t.textContent = state.bins[i].from;
      axis.appendChild(t);
    }
    var yl = svg("text", { x: 2, y: padT + 8 });
    yl.textContent = String(maxN);
    axis.appendChild(yl);
    box.appendChild(axis);
    var brush = svg("rect", { class: "brush", x: 0, y: padT, width: 0, height: H - padT - padB,
                              visibility: "hidden" });
    box.appendChild(brush);
    state.brushRect = brush;
  }

  function binAt(x) {
    var g = state.geom;
    var i = Math.floor((x - g.padL) / g.bw);
    return Math.max(0, Math.min(state.bins.length - 1, i));
  }

  function initBrush() {
    var box = document.getElementById("timeline");
    var x0 = null;
    function localX(evt) { return evt.clientX - box.getBoundingClientRect().left; }
    box.addEventListener("pointerdown", function (evt) {
      if (!state.bins.length) return;
      x0 = localX(evt);
      box.setPointerCapture(evt.pointerId);
      state.brushRect.setAttribute("x", x0);
      state.brushRect.setAttribute("width", 0);
      state.brushRect.setAttribute("visibility", "visible");
    });
    box.addEventListener("pointermove", function (evt) {
      if (x0 === null) return;
      var x1 = localX(evt);
      state.brushRect.setAttribute("x", Math.min(x0, x1));
      state.brushRect.setAttribute("width", Math.abs(x1 - x0));
    });
    box.addEventListener("pointerup", function (evt) {
      if (x0 === null) return;
      var x1 = localX(evt);
      var a = Math.min(x0, x1), b = Math.max(x0, x1);
      x0 = null;
      if (b - a < 3) { setBrush(null); return; } // a click, not a drag: clear the selection
      var i0 = binAt(a), i1 = binAt(b);
      var g = state.geom;
      state.brushRect.setAttribute("x", g.padL + i0 * g.bw);
      state.brushRect.setAttribute("width", (i1 - i0 + 1) * g.bw);
      setBrush([state.bins[i0].from, state.bins[i1].to]);
    });
    document.getElementById("brush-clear").addEventListener("click", function () { setBrush(null); });
  }

  function setBrush(range) {
    state.brush = range;
    if (!range && state.brushRect) state.brushRect.setAttribute("visibility", "hidden");
    updateBrushLabel();
    redrawMarkers(false);
  }

  function updateBrushLabel() {
    document.getElementById("brush-label").textContent = state.brush ?
      "selected " + state.brush[0] + " – " + state.brush[1] : "drag to select days";
    document.getElementById("brush-clear").hidden = !state.brush;
  }

  // ---------- detail panel ----------
  function fieldsTable(rows) {
    var t = el("table", { class: "fields" });
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      t.appendChild(el("tr", null, [el("th", { text: r[0] }), el("td", { text: String(r[1]) })]));
    });
    return t;
  }
  var PRECISION = { 1: "exact day", 2: "within a week", 3: "within a month" };
  var GEO_PRECISION = { 1: "the place itself", 2: "near / part of region", 3: "region only" };

  function showEvent(id) {
    var panel = document.getElementById("detail");
    state.selected = id;
    Object.keys(state.markers).forEach(function (k) {
      var node = state.markers[k].getElement();
      if (node) node.classList.toggle("selected", String(k) === String(id));
    });
    clear(panel);
    panel.appendChild(el("p", { class: "hint", text: "loading…" }));
    api("events/" + encodeURIComponent(id)).then(function (ev) {
      var jobs = [api("articles/" + encodeURIComponent(ev.article))];
      jobs.push(ev.incident !== null && ev.incident !== undefined ?
        api("incidents/" + encodeURIComponent(ev.incident)).catch(function () { return null; }) : null);
      return Promise.all(jobs).then(function (res) { renderDetail(ev, res[0], res[1]); });
    }).catch(function (e) {
      clear(panel);
      panel.appendChild(el("p", { class: "error", text: "Could not load the event: " + e.message }));
    });
  }

  function renderDetail(ev, article, incident) {
    var panel = document.getElementById("detail");
    clear(panel);
    var back = el("button", { type: "button", class: "linklike back", text: "← all events in view" });
    back.addEventListener("click", backToList);
    panel.appendChild(back);
    var sw = el("span", { class: "swatch" });
    sw.style.background = color(ev.event_type);
    panel.appendChild(el("h2", null, [sw, " ", ev.event_type + " / " + ev.sub_event_type]));
    var place = [ev.location, ev.admin1, ev.country].filter(Boolean).join(", ");
    var coords = (typeof ev.latitude === "number") ? ev.latitude.toFixed(4) + ", " + ev.longitude.toFixed(4) : null;
    panel.appendChild(fieldsTable([
      ["Disorder type", ev.disorder_type],
      ["Date", ev.date ? ev.date + (PRECISION[ev.time_precision] ? " (" + PRECISION[ev.time_precision] + ")" : "") : "unknown"],
      ["Place", place || "unknown"],
      ["Coordinates", coords ? coords + (GEO_PRECISION[ev.geo_precision] ? " (" + GEO_PRECISION[ev.geo_precision] + ")" : "") : null],
      ["Actor 1", ev.actor1 + (ev.actor1_name ? " — " + ev.actor1_name : "")],
      ["Actor 2", ev.actor2 ? ev.actor2 + (ev.actor2_name ? " — " + ev.actor2_name : "") : null],
      ["Fatalities", ev.fatalities],
      ["Confidence", typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null],
      ["Notes", ev.notes],
      ["Incident", ev.incident],
    ]));
    var articleBox = el("div", { class: "article" });
    if (incident) renderIncident(panel, incident, article.id, articleBox);
    else renderArticleRecords(panel, article);
    panel.appendChild(articleBox);
    renderArticle(articleBox, article, ev.evidence || []);
  }

  // Sources and figures: the incident's (every article telling this event, figures reconciled) when the
  // store linked one, else this article's own.
  function renderIncident(panel, inc, currentArticle, articleBox) {
    var arts = inc.articles || [];
    panel.appendChild(el("h3", { text: "Incident " + inc.id + " · " + arts.length + " article(s)" }));
    // every article telling this incident; a click shows its text with its evidence for the incident
    var list = el("ul", { class: "plain incident-articles" });
    arts.forEach(function (a) {
      var b = el("button", { type: "button", class: "linklike", text: a.title || a.id });
      if (a.id === currentArticle) b.classList.add("current");
      b.addEventListener("click", function () {
        api("articles/" + encodeURIComponent(a.id)).then(function (full) {
          var spans = [];
          (full.events || []).forEach(function (e) {
            if (e.incident === inc.id) spans = spans.concat(e.evidence || []);
          });
          list.querySelectorAll("button").forEach(function (x) { x.classList.remove("current"); });
          b.classList.add("current");
          clear(articleBox);
          renderArticle(articleBox, full, spans);
        }).catch(function (e) { setStatus("error: " + e.message); });
      });
      list.appendChild(el("li", null, [b, " " + [a.published, a.lang].filter(Boolean).join(" · ")]));
    });
    panel.appendChild(list);
    var seen = {}, sources = [];
    (inc.sources || []).forEach(function (s) {
      var k = s.name + "\u0000" + (s.kind || "");
      if (!seen[k]) { seen[k] = { name: s.name, kind: s.kind, n: 0 }; sources.push(seen[k]); }
      seen[k].n += 1;
    });
    renderSources(panel, sources);
    var figs = inc.figures || {};
    var rows = Object.keys(figs).sort().map(function (kind) {
      var f = figs[kind];
      var by = (f.by_source || f.reports || []).map(function (r) {
        return (r.qualifier && r.qualifier !== "exact" ? r.qualifier + " " : "") + r.value +
               " (" + (r.source || "unattributed") + (r.article ? ", " + r.article : "") + ")";
      }).join("; ");
      return [kind, String(f.lowest), f.min === f.max ? String(f.min) : f.min + "–" + f.max, by];
    });
    renderFigures(panel, "Figures (reconciled across articles)", ["kind", "lowest", "min–max", "reported by"], rows);
  }

  function renderArticleRecords(panel, a) {
    panel.appendChild(el("h3", { text: "Not linked to an incident: this article's sources and figures" }));
    renderSources(panel, (a.sources || []).map(function (s) { return { name: s.name, kind: s.kind, n: 1 }; }));
    var rows = (a.counts || []).map(function (c) {
      var v = c.value_max !== null && c.value_max !== undefined ? c.value + "–" + c.value_max : String(c.value);
      return [c.kind, v, c.qualifier || "", c.source || "unattributed"];
    });
    renderFigures(panel, "Figures", ["kind", "value", "qualifier", "source"], rows);
  }

  function renderSources(panel, sources) {
    panel.appendChild(el("h3", { text: "Sources" }));
    if (!sources.length) { panel.appendChild(el("p", { class: "hint", text: "none named" })); return; }
    panel.appendChild(el("ul", { class: "plain sources" }, sources.map(function (s) {
      return el("li", null, [s.name + (s.kind ? " (" + s.kind + ")" : "") + (s.n > 1 ? " · " + s.n + " articles" : "")]);
    })));
  }

  function renderFigures(panel, title, head, rows) {
    panel.appendChild(el("h3", { text: title }));
    if (!rows.length) { panel.appendChild(el("p", { class: "hint", text: "none reported" })); return; }
    var t = el("table", { class: "list figures" }, [el("tr", null, head.map(function (h) {
      return el("th", { text: h });
    }))]);
    rows.forEach(function (r) {
      t.appendChild(el("tr", null, r.map(function (x) { return el("td", { text: x }); })));
    });
    panel.appendChild(t);
  }

  function safeHref(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  function renderArticle(panel, a, evidence) {
    panel.appendChild(el("h3", { text: "Article" }));
    if (a.title) panel.appendChild(el("h2", { class: "article-title", text: a.title }));
    var meta = el("div", { class: "article-meta" }, [[a.published, a.lang, a.id].filter(Boolean).join(" · ")]);
    var href = safeHref(a.url);
    if (href) {
      var link = el("a", { rel: "noopener noreferrer", target: "_blank", text: a.url });
      link.href = href;
      meta.appendChild(el("div", null, [link]));
    }
    panel.appendChild(meta);
    // This event's evidence is marked strongly; other records' evidence (figures, sources, quotes) lightly.
    var spans = [];
    evidence.forEach(function (s) { spans.push({ start: s.start, end: s.end, cls: "evidence" }); });
    ["counts", "sources", "quotes"].forEach(function (k) {
      (a[k] || []).forEach(function (r) {
        (r.evidence || []).forEach(function (s) { spans.push({ start: s.start, end: s.end, cls: "evidence-other" }); });
      });
    });
    var body = el("div", { class: "article-text" });
    highlight(body, a.text || "", spans);
    panel.appendChild(body);
    var first = body.querySelector("mark.evidence");
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
    var q = a.quotes || [];
    if (q.length) {
      panel.appendChild(el("h3", { text: "Quotes" }));
      panel.appendChild(el("ul", { class: "plain quotes" }, q.map(function (x) {
        var who = [x.speaker, x.speaker_role].filter(Boolean).join(", ");
        return el("li", null, ["«" + x.text + "» — " + (who || "?") + (x.via ? " via " + x.via : "")]);
      })));
    }
  }

  // Split the text at every span boundary; each piece is a text node, wrapped in <mark> when covered.
  function highlight(node, text, spans) {
    var cuts = [0, text.length];
    spans = spans.filter(function (s) { return s.start >= 0 && s.end <= text.length && s.end > s.start; });
    spans.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = text.slice(a, b);
      var cls = null;
      spans.forEach(function (s) {
        if (s.start <= a && s.end >= b && cls !== "evidence") cls = s.cls;
      });
      if (cls) {
        var m = el("mark", { class: cls });
        m.appendChild(document.createTextNode(piece));
        node.appendChild(m);
      } else node.appendChild(document.createTextNode(piece));
    }
  }

  // ---------- start ----------
  document.addEventListener("DOMContentLoaded", function () {
    legend();
    if (typeof L === "undefined" || !L.markerClusterGroup || typeof topojson === "undefined") {
      setStatus("the map's front-end packages are missing: run `make install` (npm ci in src/kronika/web)");
      return;
    }
    initMap();
    initBrush();
    document.getElementById("filters").addEventListener("submit", function (e) {
      e.preventDefault();
      loadEvents();
    });
    document.getElementById("f-reset").addEventListener("click", function () {
      document.getElementById("filters").reset();
      loadEvents();
    });
    window.addEventListener("resize", function () { drawTimeline(); if (state.brush) setBrush(null); });
    fillFilters().then(loadEvents);
  });
})();
