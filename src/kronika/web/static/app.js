/* kronika map page: incidents (one real-world event with all its articles) on an offline world map,
 * a table and a timeline, each with the text behind it; filters, downloads and the view in the URL.
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
  var SUBTYPES = {
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Shelling/artillery/missile attack", "Air/drone strike",
      "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Agreement", "Change to group/activity",
      "Headquarters or base established", "Non-violent transfer of territory", "Disrupted weapons use", "Other"],
  };
  var ACTOR_KINDS = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other"];
  // six of Okabe & Ito's colours, the six that stay furthest apart under each kind of colour
  // blindness (tests/test_web_colours.py simulates them)
  var COLORS = {
    "Protests": "#0072B2", "Riots": "#F0E442", "Violence against civilians": "#000000",
    "Battles": "#56B4E9", "Explosions/Remote violence": "#D55E00", "Strategic developments": "#999999",
  };
  var PAGE = 2000;            // incidents per API request
  var MAX_INCIDENTS = 50000;  // the page stops loading past this many
  var FILTERS = { type: "f-type", sub: "f-sub", actor: "f-actor", country: "f-country", from: "f-from",
                  to: "f-to", q: "f-q" };

  var state = { items: [], markers: {}, brush: null, selected: null, bins: [], view: "map", lang: "en", want: {} };
  var map, cluster;

  // ---------- words ----------
  function t(key, n) {
    var dict = window.KRONIKA_I18N || {};
    var s = (dict[state.lang] && dict[state.lang][key]) || (dict.en && dict.en[key]) || key;
    return n === undefined ? s : s.replace("{n}", String(n));
  }
  var regionNames = {};
  function countryName(code) {
    if (!code) return "";
    try {
      if (!regionNames[state.lang]) regionNames[state.lang] = new Intl.DisplayNames([state.lang], { type: "region" });
      return regionNames[state.lang].of(String(code).toUpperCase()) || code;
    } catch (e) { return code; }
  }
  function applyWords() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (n) { n.textContent = t(n.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (n) {
      n.setAttribute("placeholder", t(n.getAttribute("data-i18n-placeholder")));
    });
    document.getElementById("lang").value = state.lang;
  }

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
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function color(type) { return COLORS[type] || "#999"; }
  function swatch(type) { var s = el("span", { class: "swatch" }); s.style.background = color(type); return s; }
  function setStatus(msg) { document.getElementById("status").textContent = msg; }
  function placeOf(x) {
    return [x.location, x.admin1, countryName(x.country)].filter(Boolean)
      .filter(function (v, i, a) { return a.indexOf(v) === i; }).join(", ");
  }
  function actorsOf(x) {
    function one(kind, name) { return kind ? kind + (name ? " — " + name : "") : ""; }
    return [one(x.actor1, x.actor1_name), one(x.actor2, x.actor2_name)].filter(Boolean).join(" vs ");
  }

  function query(params) {
    var qs = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== "" && params[k] !== null && params[k] !== undefined) qs.set(k, params[k]);
    });
    return qs.toString();
  }
  function api(path, params) {
    var qs = query(params);
    return fetch("api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && body.detail) ? String(body.detail) : ("HTTP " + r.status));
        return body;
      });
    });
  }

  // ---------- the view's state in the URL: a link reopens it ----------
  function readUrl() {
    var p = new URLSearchParams(window.location.search);
    state.want = {};  // select values wait for their options (filled later): kept here until then
    Object.keys(FILTERS).forEach(function (k) {
      if (p.has(k)) { state.want[k] = p.get(k); document.getElementById(FILTERS[k]).value = p.get(k); }
    });
    var lang = p.get("lang") || (navigator.language || "en").slice(0, 2);
    state.lang = (window.KRONIKA_I18N || {})[lang] ? lang : "en";
    state.view = p.get("view") === "table" ? "table" : "map";
    state.selected = p.get("sel") || null;
    var b = (p.get("dates") || "").split("..");
    state.brush = b.length === 2 && b[0] && b[1] ? b : null;
    var at = (p.get("at") || "").split(",").map(Number);
    state.at = at.length === 3 && at.every(function (v) { return !isNaN(v); }) ? at : null;
  }
  function writeUrl() {
    var p = {};
    Object.keys(FILTERS).forEach(function (k) { p[k] = document.getElementById(FILTERS[k]).value.trim(); });
    p.sel = state.selected || "";
    p.view = state.view === "table" ? "table" : "";
    p.dates = state.brush ? state.brush[0] + ".." + state.brush[1] : "";
    if (map && state.moved) {
      var c = map.getCenter();
      p.at = c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + map.getZoom();
    }
    p.lang = state.lang !== "en" ? state.lang : "";
    var qs = query(p);
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function filterParams() {
    var v = function (k) { return document.getElementById(FILTERS[k]).value.trim(); };
    return { event_type: v("type"), sub_event_type: v("sub"), actor: v("actor"), country: v("country"),
             date_from: v("from"), date_to: v("to"), q: v("q") };
  }
  function updateDownloads() {
    var p = filterParams();
    if (state.brush) {  // the timeline selection narrows the download as it narrows the view
      p.date_from = p.date_from && p.date_from > state.brush[0] ? p.date_from : state.brush[0];
      p.date_to = p.date_to && p.date_to < state.brush[1] ? p.date_to : state.brush[1];
    }
    document.getElementById("dl-csv").setAttribute("href", "api/export?" + query(Object.assign({ format: "acled-csv" }, p)));
    document.getElementById("dl-geojson").setAttribute("href", "api/export?" + query(Object.assign({ format: "geojson" }, p)));
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
    map.on("moveend", function () { if (state.ready) { state.moved = true; writeUrl(); } });
    // The base layer: Natural Earth country outlines shipped in the world-atlas npm package.
    fetch("vendor/world-atlas/countries-50m.json").then(function (r) {
      if (!r.ok) throw new Error("no base map");
      return r.json();
    }).then(function (topo) {
      var land = planar(topojson.feature(topo, topo.objects.countries));
      L.geoJSON(land, { interactive: false, style: {
        color: "#b9b3a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
    }).catch(function () { setStatus(t("basemap")); });
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
    TYPES.concat(Object.keys(byType).filter(function (x) { return TYPES.indexOf(x) < 0; })).forEach(function (x) {
      if (!byType[x]) return;
      var a0 = acc / total * 360;
      acc += byType[x];
      stops.push(color(x) + " " + a0.toFixed(1) + "deg " + (acc / total * 360).toFixed(1) + "deg");
    });
    var inner = el("div", { text: String(total) });
    inner.style.background = "conic-gradient(" + stops.join(", ") + ")";
    return L.divIcon({ html: inner, className: "ev-cluster", iconSize: [34, 34] });
  }

  function makeMarker(inc) {
    var dot = el("div", { class: "ev-dot" });
    dot.style.background = color(inc.event_type);
    var icon = L.divIcon({ html: dot, className: "ev-marker", iconSize: [16, 16] });
    var m = L.marker([inc.latitude, inc.longitude], { icon: icon, evType: inc.event_type, keyboard: true,
                                                      title: inc.sub_event_type + " · " + placeOf(inc) });
    m.on("click", function () { showIncident(inc.id, false); });
    m.on("add", function () {
      var node = m.getElement();
      if (node) {
        node.setAttribute("data-incident-id", String(inc.id));
        node.classList.toggle("selected", state.selected === inc.id);
      }
    });
    return m;
  }

  function inBrush(x) {
    if (!state.brush) return true;
    return !!x.date && x.date >= state.brush[0] && x.date <= state.brush[1];
  }

  // dated incidents newest first, then the undated ones
  function ordered() {
    var dated = state.items.filter(function (x) { return x.date && inBrush(x); });
    var undated = state.items.filter(function (x) { return !x.date && inBrush(x); });
    dated.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
    return dated.concat(undated);
  }

  function redrawMarkers(fit) {
    var shown = [];
    state.items.forEach(function (x) {
      var m = state.markers[x.id];
      if (m && inBrush(x)) shown.push(m);
    });
    cluster.clearLayers();
    cluster.addLayers(shown);
    var inRange = state.items.filter(inBrush).length;
    document.body.setAttribute("data-shown", String(shown.length));
    setStatus(t("on_map", shown.length) + (inRange > shown.length ? " (" + t("no_coords", inRange - shown.length) + ")" : "") +
              (state.brush ? ", " + state.brush[0] + " – " + state.brush[1] : "") + " · " + t("loaded", state.items.length));
    if (fit && shown.length) {
      var b = L.latLngBounds(shown.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(b.pad(0.3), { maxZoom: 7, animate: false });
    }
    renderTable();
    if (state.selected === null) renderList();
    updateDownloads();
  }

  function rowText(x) {
    return (x.date || t("undated")) + " · " + x.sub_event_type + " · " + (placeOf(x) || t("place_unknown"));
  }

  // With no incident selected the panel lists those in view (the filters and the date selection):
  // a way in by keyboard, and to incidents without coordinates or under a crowded cluster.
  var LIST_MAX = 200;
  function renderList() {
    var panel = document.getElementById("detail");
    clear(panel);
    var xs = ordered();
    panel.appendChild(el("p", { class: "hint", text: t("hint") }));
    panel.appendChild(el("h3", { text: t("incidents", xs.length) + (xs.length > LIST_MAX ? " " + t("newest", LIST_MAX) : "") }));
    var list = el("ul", { class: "plain event-list" });
    xs.slice(0, LIST_MAX).forEach(function (x) {
      var b = el("button", { type: "button", class: "linklike", "data-incident-id": x.id, text: rowText(x) });
      b.addEventListener("click", function () { showIncident(x.id, true); });
      list.appendChild(el("li", null, [swatch(x.event_type), " ", b]));
    });
    panel.appendChild(list);
  }

  function renderTable() {
    var table = document.getElementById("incident-table");
    clear(table);
    var head = ["date", "type", "subtype", "actor1", "actor2", "place", "fatalities", "articles"];
    table.appendChild(el("thead", null, [el("tr", null, head.map(function (h) { return el("th", { text: t(h) }); }))]));
    var body = el("tbody");
    ordered().forEach(function (x) {
      var tr = el("tr", { tabindex: "0", "data-incident-id": x.id }, [
        el("td", { text: x.date || t("undated") }), el("td", null, [swatch(x.event_type), " " + t(x.event_type)]),
        el("td", { text: x.sub_event_type }), el("td", { text: x.actor1 ? x.actor1 + (x.actor1_name ? " — " + x.actor1_name : "") : "" }),
        el("td", { text: x.actor2 ? x.actor2 + (x.actor2_name ? " — " + x.actor2_name : "") : "" }),
        el("td", { text: placeOf(x) || t("place_unknown") }),
        el("td", { text: x.fatalities === null || x.fatalities === undefined ? "" : String(x.fatalities) }),
        el("td", { text: String(x.n_articles || "") }),
      ]);
      function open() { setView("map"); showIncident(x.id, true); }
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", function (e) { if (e.key === "Enter") open(); });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  function setView(v) {
    state.view = v;
    document.getElementById("table-wrap").hidden = v !== "table";
    document.getElementById("map").style.visibility = v === "table" ? "hidden" : "visible";
    document.getElementById("legend").hidden = v === "table";
    document.getElementById("view-map").setAttribute("aria-pressed", String(v === "map"));
    document.getElementById("view-table").setAttribute("aria-pressed", String(v === "table"));
    if (v === "map" && map) map.invalidateSize();
    writeUrl();
  }

  // a list row or table row: the map pans to the incident (opening its cluster) and shows it
  function panTo(id) {
    var m = state.markers[id];
    if (!m) return;
    cluster.zoomToShowLayer(m, function () {
      map.panTo(m.getLatLng(), { animate: false });
      var node = m.getElement();
      if (node) node.classList.add("selected");
    });
  }

  function backToList() {
    state.selected = null;
    Object.keys(state.markers).forEach(function (k) {
      var node = state.markers[k].getElement();
      if (node) node.classList.remove("selected");
    });
    writeUrl();
    renderList();
  }

  function legend() {
    var box = document.getElementById("legend");
    clear(box);
    TYPES.forEach(function (x) { box.appendChild(el("div", null, [swatch(x), t(x)])); });
  }

  // ---------- filters ----------
  function fillSubtypes() {
    var sel = document.getElementById("f-sub"), type = document.getElementById("f-type").value;
    var keep = sel.value || state.want.sub || "";
    while (sel.options.length > 1) sel.remove(1);
    (type ? SUBTYPES[type] || [] : TYPES.reduce(function (a, x) { return a.concat(SUBTYPES[x]); }, [])).forEach(function (s) {
      sel.appendChild(el("option", { value: s, text: s }));
    });
    sel.value = Array.prototype.some.call(sel.options, function (o) { return o.value === keep; }) ? keep : "";
  }

  function fillFilters() {
    var typeSel = document.getElementById("f-type"), keep = typeSel.value || state.want.type || "";
    while (typeSel.options.length > 1) typeSel.remove(1);
    TYPES.forEach(function (x) { typeSel.appendChild(el("option", { value: x, text: t(x) })); });
    typeSel.value = keep;
    fillSubtypes();
    var kinds = document.getElementById("actor-kinds");
    clear(kinds);
    ACTOR_KINDS.forEach(function (k) { kinds.appendChild(el("option", { value: k })); });
    return api("stats").then(function (s) {
      var sel = document.getElementById("f-country"), want = sel.value || state.want.country || "";
      while (sel.options.length > 1) sel.remove(1);
      (s.by_country || []).filter(function (c) { return c.country; }).map(function (c) {
        return { code: c.country, name: countryName(c.country), count: c.count };
      }).sort(function (a, b) { return a.name.localeCompare(b.name, state.lang); }).forEach(function (c) {
        sel.appendChild(el("option", { value: c.code, text: c.name + " (" + c.count + ")" }));
      });
      sel.value = want;
    }).catch(function () { /* the filters still work without counts */ });
  }

  function loadIncidents(keepSelection) {
    var params = filterParams();
    setStatus(t("loading"));
    state.items = [];
    state.markers = {};
    if (!keepSelection) { state.selected = null; state.brush = null; }
    function page(offset) {
      var p = Object.assign({ limit: PAGE, offset: offset }, params);
      return api("incidents", p).then(function (res) {
        state.items = state.items.concat(res.items);
        if (res.items.length === PAGE && state.items.length < Math.min(res.total, MAX_INCIDENTS)) return page(offset + PAGE);
        return null;
      });
    }
    return page(0).then(function () {
      state.items.forEach(function (x) {
        if (typeof x.latitude === "number" && typeof x.longitude === "number") state.markers[x.id] = makeMarker(x);
      });
      drawTimeline();
      if (state.brush) showBrush();
      redrawMarkers(!state.at);
      if (state.at) { map.setView([state.at[0], state.at[1]], state.at[2], { animate: false }); state.at = null; state.moved = true; }
      writeUrl();
      if (state.selected) showIncident(state.selected, false);
      state.ready = true;
      document.body.setAttribute("data-ready", "1");
    }).catch(function (e) { setStatus(t("error") + e.message); });
  }

  // ---------- timeline (static/timeline.js) ----------
  function drawTimeline() { if (state.tl) state.tl.draw(state.items); }
  function showBrush() { if (state.tl) state.tl.show(); }

  function setBrush(range) {
    state.brush = range;
    if (!range) state.tl.hide(); else state.tl.label();
    redrawMarkers(false);
    writeUrl();
  }

  // ---------- detail panel: the incident, its articles, sources, figures and the text ----------
  function fieldsTable(rows) {
    var tb = el("table", { class: "fields" });
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      tb.appendChild(el("tr", null, [el("th", { text: r[0] }), el("td", { text: String(r[1]) })]));
    });
    return tb;
  }
  var PRECISION = { 1: "exact_day", 2: "within_week", 3: "within_month" };
  var GEO_PRECISION = { 1: "geo1", 2: "geo2", 3: "geo3" };

  function showIncident(id, pan) {
    var panel = document.getElementById("detail");
    state.selected = id;
    Object.keys(state.markers).forEach(function (k) {
      var node = state.markers[k].getElement();
      if (node) node.classList.toggle("selected", String(k) === String(id));
    });
    if (pan) panTo(id);
    writeUrl();
    clear(panel);
    panel.appendChild(el("p", { class: "hint", text: t("loading") }));
    api("incidents/" + encodeURIComponent(id)).then(function (inc) {
      var first = (inc.articles || [])[0];
      return (first ? api("articles/" + encodeURIComponent(first.id)) : Promise.resolve(null)).then(function (a) {
        if (state.selected === id) renderDetail(inc, a);
      });
    }).catch(function (e) {
      clear(panel);
      panel.appendChild(el("p", { class: "error", text: t("error") + e.message }));
    });
  }

  function renderDetail(inc, article) {
    var panel = document.getElementById("detail");
    clear(panel);
    var back = el("button", { type: "button", class: "linklike back", text: t("back") });
    back.addEventListener("click", backToList);
    panel.appendChild(back);
    panel.appendChild(el("h2", { class: "incident-title" }, [swatch(inc.event_type), " ", t(inc.event_type) + " / " + inc.sub_event_type]));
    var coords = (typeof inc.latitude === "number") ? inc.latitude.toFixed(4) + ", " + inc.longitude.toFixed(4) : null;
    panel.appendChild(fieldsTable([
      [t("disorder"), inc.disorder_type],
      [t("date"), inc.date ? inc.date + (PRECISION[inc.time_precision] ? " (" + t(PRECISION[inc.time_precision]) + ")" : "") : t("unknown")],
      [t("place"), placeOf(inc) || t("unknown")],
      [t("coords"), coords ? coords + (GEO_PRECISION[inc.geo_precision] ? " (" + t(GEO_PRECISION[inc.geo_precision]) + ")" : "") : null],
      [t("actor1"), actorLine(inc, "1")],
      [t("actor2"), actorLine(inc, "2")],
      [t("fatalities"), inc.fatalities],
      [t("incident"), inc.id],
    ]));
    var articleBox = el("div", { class: "article" });
    renderArticles(panel, inc, articleBox);
    renderSources(panel, inc.sources || []);
    renderFigures(panel, inc.figures || {});
    panel.appendChild(articleBox);
    if (article) renderArticle(articleBox, article, evidenceFor(article, inc.id));
  }

  // ACLED's name for the actor (its own side: "Military Forces of Russia (2000-)"), its kind, a named group
  function actorLine(inc, n) {
    var kind = inc["actor" + n];
    if (!kind) return null;
    var acled = inc["acled_actor" + n], name = inc["actor" + n + "_name"];
    return (acled && acled !== kind ? acled + " · " + kind : kind) + (name && name !== acled ? " — " + name : "");
  }

  function evidenceFor(article, incidentId) {
    var spans = [];
    (article.events || []).forEach(function (e) { if (e.incident === incidentId) spans = spans.concat(e.evidence || []); });
    return spans;
  }

  // every article telling this incident; a click shows its text with its evidence for the incident
  function renderArticles(panel, inc, articleBox) {
    var arts = inc.articles || [];
    panel.appendChild(el("h3", { text: t("articles") + " · " + arts.length }));
    var list = el("ul", { class: "plain incident-articles" });
    arts.forEach(function (a, i) {
      var b = el("button", { type: "button", class: "linklike" + (i === 0 ? " current" : ""), text: a.title || a.id });
      b.addEventListener("click", function () {
        api("articles/" + encodeURIComponent(a.id)).then(function (full) {
          list.querySelectorAll("button").forEach(function (x) { x.classList.remove("current"); });
          b.classList.add("current");
          clear(articleBox);
          renderArticle(articleBox, full, evidenceFor(full, inc.id));
        }).catch(function (e) { setStatus(t("error") + e.message); });
      });
      list.appendChild(el("li", null, [b, " " + [a.published, a.lang].filter(Boolean).join(" · ")]));
    });
    panel.appendChild(list);
  }

  function renderSources(panel, raw) {
    var seen = {}, sources = [];
    raw.forEach(function (s) {
      var k = s.name + "\u0000" + (s.kind || "");
      if (!seen[k]) { seen[k] = { name: s.name, kind: s.kind, n: 0 }; sources.push(seen[k]); }
      seen[k].n += 1;
    });
    panel.appendChild(el("h3", { text: t("sources") }));
    if (!sources.length) { panel.appendChild(el("p", { class: "hint", text: t("none_named") })); return; }
    panel.appendChild(el("ul", { class: "plain sources" }, sources.map(function (s) {
      return el("li", null, [s.name + (s.kind ? " (" + s.kind + ")" : "") + (s.n > 1 ? " · " + s.n : "")]);
    })));
  }

  function renderFigures(panel, figs) {
    var rows = Object.keys(figs).sort().map(function (kind) {
      var f = figs[kind];
      var by = (f.by_source || f.reports || []).map(function (r) {
        return (r.qualifier && r.qualifier !== "exact" ? r.qualifier + " " : "") + r.value +
               " (" + (r.source || t("unattributed")) + (r.article ? ", " + r.article : "") + ")";
      }).join("; ");
      return [kind, String(f.lowest), f.min === f.max ? String(f.min) : f.min + "–" + f.max, by];
    });
    panel.appendChild(el("h3", { text: t("figures") }));
    if (!rows.length) { panel.appendChild(el("p", { class: "hint", text: t("none_reported") })); return; }
    var tb = el("table", { class: "list figures" }, [el("tr", null, [t("kind"), t("lowest"), t("minmax"), t("reported_by")].map(function (h) {
      return el("th", { text: h });
    }))]);
    rows.forEach(function (r) { tb.appendChild(el("tr", null, r.map(function (x) { return el("td", { text: x }); }))); });
    panel.appendChild(tb);
  }

  function safeHref(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  function renderArticle(panel, a, evidence) {
    panel.appendChild(el("h3", { text: t("article") }));
    if (a.title) panel.appendChild(el("h2", { class: "article-title", text: a.title }));
    var meta = el("div", { class: "article-meta" }, [[a.published, a.lang, a.id].filter(Boolean).join(" · ")]);
    var href = safeHref(a.url);
    if (href) {
      var link = el("a", { rel: "noopener noreferrer", target: "_blank", text: a.url });
      link.href = href;
      meta.appendChild(el("div", null, [link]));
    }
    panel.appendChild(meta);
    // This incident's evidence is marked strongly; other records' evidence (figures, sources, quotes) lightly.
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
    var q = a.quotes || [];
    if (q.length) {
      panel.appendChild(el("h3", { text: t("quotes") }));
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
  function relabel() {  // the language changed: every word on the page, the lists and the open panel
    applyWords();
    legend();
    regionNames = {};
    fillFilters();
    drawTimeline();
    if (state.brush) showBrush();
    redrawMarkers(false);
    if (state.selected) showIncident(state.selected, false);
    writeUrl();
  }

  document.addEventListener("DOMContentLoaded", function () {
    readUrl();
    applyWords();
    legend();
    if (typeof L === "undefined" || !L.markerClusterGroup || typeof topojson === "undefined") {
      setStatus(t("missing"));
      return;
    }
    initMap();
    state.tl = window.KronikaTimeline({ types: TYPES, color: color, t: t, onSelect: setBrush,
                                        selection: function () { return state.brush; } });
    if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) {
      document.getElementById("filters-box").open = false;  // a phone: the map first, filters a tap away
    }
    document.getElementById("filters").addEventListener("submit", function (e) {
      e.preventDefault();
      state.at = null;
      loadIncidents(false);
    });
    document.getElementById("f-type").addEventListener("change", fillSubtypes);
    document.getElementById("f-reset").addEventListener("click", function () {
      document.getElementById("filters").reset();
      fillSubtypes();
      loadIncidents(false);
    });
    document.getElementById("view-map").addEventListener("click", function () { setView("map"); });
    document.getElementById("view-table").addEventListener("click", function () { setView("table"); });
    document.getElementById("lang").addEventListener("change", function (e) {
      state.lang = e.target.value;
      relabel();
    });
    window.addEventListener("resize", function () { drawTimeline(); if (state.brush) showBrush(); });
    var view = state.view;
    fillFilters().then(function () { state.want = {}; return loadIncidents(true); }).then(function () { setView(view); });
  });
})();
