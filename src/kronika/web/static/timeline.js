/* kronika map page: the timeline — incidents per day stacked by type, with a brush to select days.
 * `KronikaTimeline(opts)` draws into #timeline; opts: types, color(type), t(key), selection() (the
 * current [from, to] or null) and onSelect(range or null). Text reaches the page as textContent only.
 */
window.KronikaTimeline = function (opts) {
  "use strict";

  var bins = [], geom = null, rect = null;
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function label() {
    var sel = opts.selection();
    document.getElementById("brush-label").textContent = sel ? opts.t("selected") + " " + sel[0] + " – " + sel[1] : opts.t("drag");
    document.getElementById("brush-clear").hidden = !sel;
  }

  function hide() { if (rect) rect.setAttribute("visibility", "hidden"); label(); }

  // One bar per day; a span of more than a year is binned by week (more than six years: by 30 days) so
  // that bars stay visible. Filtering by dates narrows the span back to days.
  var DAY_MS = 86400000;
  function dayNum(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoOf(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

  function draw(items) {
    var box = document.getElementById("timeline");
    clear(box);
    label();
    bins = [];
    var dated = items.filter(function (e) { return e.date && !isNaN(dayNum(e.date)); });
    if (!dated.length) return;
    var nums = dated.map(function (e) { return dayNum(e.date); });
    var lo = Math.min.apply(null, nums), hi = Math.max.apply(null, nums);
    var span = hi - lo + 1;
    var size = span <= 366 ? 1 : (span <= 6 * 366 ? 7 : 30);
    document.getElementById("tl-unit").textContent = opts.t(size === 1 ? "per_day" : size === 7 ? "per_week" : "per_30");
    var n = Math.ceil(span / size);
    for (var k = 0; k < n; k++) bins.push({ from: isoOf(lo + k * size), to: isoOf(Math.min(hi, lo + (k + 1) * size - 1)) });
    var counts = bins.map(function () { return {}; });
    dated.forEach(function (e, j) {
      var c = counts[Math.floor((nums[j] - lo) / size)];
      c[e.event_type] = (c[e.event_type] || 0) + 1;
    });
    var W = box.clientWidth || 800, H = box.clientHeight || 150;
    var padL = 28, padR = 8, padB = 18, padT = 6;
    var bw = (W - padL - padR) / n;
    var maxN = 1;
    counts.forEach(function (c) {
      var s = 0;
      Object.keys(c).forEach(function (k) { s += c[k]; });
      if (s > maxN) maxN = s;
    });
    var yScale = (H - padT - padB) / maxN;
    geom = { padL: padL, bw: bw, W: W, H: H, padT: padT, padB: padB };
    var bars = svg("g", { class: "bars" });
    counts.forEach(function (c, i) {
      var y = H - padB;
      opts.types.concat(Object.keys(c).filter(function (x) { return opts.types.indexOf(x) < 0; })).forEach(function (x) {
        if (!c[x]) return;
        var h = c[x] * yScale;
        y -= h;
        var r = svg("rect", { x: padL + i * bw + (bw > 3 ? 0.5 : 0), y: y, width: Math.max(bw - (bw > 3 ? 1 : 0), 1),
                              height: h, fill: opts.color(x) });
        var b = bins[i];
        var tip = svg("title");
        tip.textContent = (b.from === b.to ? b.from : b.from + " – " + b.to) + " · " + opts.t(x) + ": " + c[x];
        r.appendChild(tip);
        bars.appendChild(r);
      });
    });
    box.appendChild(bars);
    var axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: padL, x2: W - padR, y1: H - padB, y2: H - padB }));
    var every = Math.max(1, Math.ceil(80 / Math.max(bw, 0.01)));
    for (var i = 0; i < n; i += every) {
      var tx = svg("text", { x: padL + i * bw, y: H - 4 });
      tx.textContent = bins[i].from;
      axis.appendChild(tx);
    }
    var yl = svg("text", { x: 2, y: padT + 8 });
    yl.textContent = String(maxN);
    axis.appendChild(yl);
    box.appendChild(axis);
    var brush = svg("rect", { class: "brush", x: 0, y: padT, width: 0, height: H - padT - padB, visibility: "hidden" });
    box.appendChild(brush);
    rect = brush;
  }

  function binAt(x) {
    var g = geom;
    return Math.max(0, Math.min(bins.length - 1, Math.floor((x - g.padL) / g.bw)));
  }

  function show() {  // the brush rectangle of the current selection (one read from the URL, after a redraw)
    var g = geom, sel = opts.selection();
    if (!g || !rect || !sel) return;
    var i0 = bins.findIndex(function (b) { return b.to >= sel[0]; });
    var i1 = bins.length - 1 - bins.slice().reverse().findIndex(function (b) { return b.from <= sel[1]; });
    if (i0 < 0 || i1 >= bins.length) return;
    rect.setAttribute("x", g.padL + i0 * g.bw);
    rect.setAttribute("width", Math.max(1, i1 - i0 + 1) * g.bw);
    rect.setAttribute("visibility", "visible");
    label();
  }

  function init() {
    var box = document.getElementById("timeline");
    var x0 = null;
    function localX(evt) { return evt.clientX - box.getBoundingClientRect().left; }
    box.addEventListener("pointerdown", function (evt) {
      if (!bins.length) return;
      x0 = localX(evt);
      box.setPointerCapture(evt.pointerId);
      rect.setAttribute("x", x0);
      rect.setAttribute("width", 0);
      rect.setAttribute("visibility", "visible");
    });
    box.addEventListener("pointermove", function (evt) {
      if (x0 === null) return;
      var x1 = localX(evt);
      rect.setAttribute("x", Math.min(x0, x1));
      rect.setAttribute("width", Math.abs(x1 - x0));
    });
    box.addEventListener("pointerup", function (evt) {
      if (x0 === null) return;
      var x1 = localX(evt);
      var a = Math.min(x0, x1), b = Math.max(x0, x1);
      x0 = null;
      if (b - a < 3) { opts.onSelect(null); return; } // a click, not a drag: clear the selection
      var i0 = binAt(a), i1 = binAt(b);
      var g = geom;
      rect.setAttribute("x", g.padL + i0 * g.bw);
      rect.setAttribute("width", (i1 - i0 + 1) * g.bw);
      opts.onSelect([bins[i0].from, bins[i1].to]);
    });
    document.getElementById("brush-clear").addEventListener("click", function () { opts.onSelect(null); });
  }

  init();
  return { draw: draw, show: show, hide: hide, label: label };
};
