/* factwire charts: the map, the event timeline and the force-level chart, drawn as SVG.
 *
 * Shared by the HTML situation report (inlined) and the web page (served as /static/charts.js).
 * Plain JS, no framework, no network: the world outline and the facts are passed in. Every text
 * from an article is set with textContent, never as markup, because articles are untrusted.
 *
 *   FactwireCharts.drawMap(el, {world, events, forces, onSelect})        -> {fit(), showWorld()}
 *   FactwireCharts.drawTimeline(el, events, {colourBy, onSelect})
 *   FactwireCharts.drawForceChart(el, chart, {onSelect})
 *
 * events: [{ev, date, type, acled, status, articles, lat, lon, label}]
 * forces: [{ev, lat, lon, value, label}]
 * chart:  {theatre, series: [{owner, points: [{date, value, max, status, ev, label}]}]}
 * `ev` is the caller's key for a fact's evidence (the report: an anchor id; the web page: the fact
 * id); onSelect(evs, label) is called with the keys of the clicked mark(s).
 */
(function (root) {
  "use strict";

  // The SVG namespace, read from the parser rather than spelled out as a URL in the page.
  var NS = (function () {
    var probe = document.createElement("div");
    probe.innerHTML = "<svg></svg>";
    return probe.firstChild.namespaceURI;
  })();

  var PLOVER_COLOURS = {
    AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9ccc65", CONCEDE: "#c0ca33", COOPERATE: "#26a69a",
    AID: "#00897b", RETREAT: "#8d6e63", INVESTIGATE: "#5c6bc0", DEMAND: "#7e57c2", DISAPPROVE: "#ab47bc",
    REJECT: "#ec407a", THREATEN: "#ff7043", SANCTION: "#ffa000", PROTEST: "#fdd835", CRIME: "#6d4c41",
    MOBILIZE: "#1e88e5", COERCE: "#f4511e", ASSAULT: "#c62828"
  };
  var ACLED_COLOURS = {
    "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00", "Violence against civilians": "#6a1b9a",
    "Protests": "#f9a825", "Riots": "#ad1457", "Strategic developments": "#1565c0"
  };
  var OTHER = "#90a4ae";
  var FORCE_COLOUR = "#1b5e20";
  var SERIES_COLOURS = ["#1f5fbf", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457"];

  function colour(by, item) {
    if (by === "acled") return ACLED_COLOURS[item.acled] || OTHER;
    return PLOVER_COLOURS[item.type] || OTHER;
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, value, anchor) {
    var node = el("text", {x: x, y: y, "text-anchor": anchor || "start"}, parent);
    node.textContent = value;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // One tooltip for the whole page, created on first use so the page needs no markup for it.
  function tooltip() {
    var tip = document.getElementById("fw-tooltip") || document.getElementById("tooltip");
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "fw-tooltip";
      tip.style.cssText = "position:fixed;pointer-events:none;background:#1d2330;color:#fff;font-size:12px;" +
        "padding:4px 8px;border-radius:4px;max-width:360px;z-index:30;white-space:pre-line";
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    tip.style.whiteSpace = "pre-line";
    return tip;
  }

  function interactive(node, label, evs, onSelect) {
    node.setAttribute("class", (node.getAttribute("class") || "") + " mark");
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.addEventListener("mousemove", function (e) {
      var tip = tooltip();
      tip.textContent = label;
      tip.hidden = false;
      tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 370) + "px";
      tip.style.top = (e.clientY + 14) + "px";
    });
    node.addEventListener("mouseleave", function () { tooltip().hidden = true; });
    function select() { if (onSelect) onSelect(evs, label); }
    node.addEventListener("click", select);
    node.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(); } });
  }

  function legend(container, entries) {
    var box = document.createElement("div");
    box.className = "legend";
    entries.forEach(function (entry) {
      var item = document.createElement("span");
      var dot = document.createElement("i");
      dot.style.background = entry[1];
      if (entry[2]) dot.style.borderRadius = "1px";
      item.appendChild(dot);
      item.appendChild(document.createTextNode(entry[0]));
      box.appendChild(item);
    });
    container.appendChild(box);
    return box;
  }

  /* ---------- dates ---------- */

  // "2021", "2021-08" and "2021-08-26" as UTC milliseconds (a year or month at its first day).
  function toTime(value) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
    if (!m) return null;
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
  }

  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function timeDomain(times) {
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var pad = Math.max((hi - lo) * 0.04, 10 * DAY);
    return [lo - pad, hi + pad];
  }

  // Tick marks for a time span: the first step that gives at most ~8 ticks.
  function timeTicks(lo, hi) {
    var steps = [[1, "d"], [7, "d"], [1, "m"], [2, "m"], [3, "m"], [6, "m"], [12, "m"], [24, "m"], [60, "m"], [120, "m"]];
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i], ticks = [], t;
      if (step[1] === "d") {
        t = Math.ceil(lo / DAY) * DAY;
        for (; t <= hi; t += step[0] * DAY) ticks.push(t);
      } else {
        var d = new Date(lo), months = d.getUTCFullYear() * 12 + d.getUTCMonth() + 1;
        months = Math.ceil(months / step[0]) * step[0];
        for (; (t = Date.UTC(Math.floor(months / 12), months % 12, 1)) <= hi; months += step[0]) ticks.push(t);
      }
      if (ticks.length <= 8) return {ticks: ticks, unit: step[1], size: step[0]};
    }
    return {ticks: [lo, hi], unit: "m", size: 120};
  }

  function tickLabel(t, scale) {
    var d = new Date(t);
    if (scale.unit === "d") return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    if (scale.size >= 12) return String(d.getUTCFullYear());
    return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function timeAxis(svg, lo, hi, x, y0, y1) {
    var scale = timeTicks(lo, hi);
    el("line", {x1: x(lo), x2: x(hi), y1: y1, y2: y1, "class": "axis"}, svg);
    scale.ticks.forEach(function (t) {
      el("line", {x1: x(t), x2: x(t), y1: y0, y2: y1, stroke: "#eceff3"}, svg);
      text(svg, x(t), y1 + 14, tickLabel(t, scale), "middle");
    });
  }

  /* ---------- map ---------- */

  // Longitudes of a ring made continuous, so a ring across the antimeridian does not streak
  // across the whole map; the part beyond +-180 is drawn again on the other side.
  function unwrap(ring) {
    var out = [], prev = null;
    ring.forEach(function (p) {
      var lon = p[0];
      if (prev !== null) { while (lon - prev > 180) lon -= 360; while (prev - lon > 180) lon += 360; }
      out.push([lon, p[1]]);
      prev = lon;
    });
    return out;
  }

  function ringPath(ring, shift) {
    return "M" + ring.map(function (p) { return (p[0] + shift).toFixed(1) + " " + (-p[1]).toFixed(1); }).join("L") + "Z";
  }

  function worldPaths(world) {
    var paths = [];
    (world && world.features || []).forEach(function (feature) {
      var g = feature.geometry, polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates, d = "";
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          var r = unwrap(ring), lons = r.map(function (p) { return p[0]; });
          d += ringPath(r, 0);
          if (Math.max.apply(null, lons) > 180) d += ringPath(r, -360);
          if (Math.min.apply(null, lons) < -180) d += ringPath(r, 360);
        });
      });
      paths.push({name: feature.properties && feature.properties.name, d: d});
    });
    return paths;
  }

  var WORLD_VIEW = [-180, -84, 360, 144]; // x, y, width, height in degrees (y = -latitude)
  var ASPECT = WORLD_VIEW[2] / WORLD_VIEW[3];

  // The colour most of a group's marks have (a place may hold events of several types).
  function dominantColour(by, group) {
    var counts = {}, best = null;
    group.forEach(function (item) {
      var c = colour(by, item);
      counts[c] = (counts[c] || 0) + 1;
      if (best === null || counts[c] > counts[best]) best = c;
    });
    return best;
  }

  function drawMap(container, options) {
    options = options || {};
    clear(container);
    var events = (options.events || []).filter(function (e) { return e.lat !== null && e.lat !== undefined; });
    var forces = (options.forces || []).filter(function (f) { return f.lat !== null && f.lat !== undefined; });
    var colourBy = options.colourBy || "plover";
    var svg = el("svg", {viewBox: WORLD_VIEW.join(" "), preserveAspectRatio: "xMidYMid meet"}, container);
    svg.style.aspectRatio = String(ASPECT);
    var land = el("g", {}, svg);
    worldPaths(options.world).forEach(function (p) {
      var path = el("path", {d: p.d, "class": "country"}, land);
      var title = el("title", {}, path);
      title.textContent = p.name || "";
    });
    var marks = el("g", {}, svg);
    var view = WORLD_VIEW.slice();

    // Marks keep their size on screen whatever the zoom, so they are redrawn for each view.
    function drawMarks() {
      clear(marks);
      var unit = view[2] / Math.max(container.clientWidth || 1000, 200);
      var byPlace = {};
      events.forEach(function (e) {
        var key = e.lat.toFixed(2) + "," + e.lon.toFixed(2);
        (byPlace[key] = byPlace[key] || []).push(e);
      });
      var maxForce = Math.max.apply(null, forces.map(function (f) { return f.value || 1; }).concat([1]));
      forces.forEach(function (f) {
        var side = (8 + 22 * Math.sqrt((f.value || 1) / maxForce)) * unit;
        var rect = el("rect", {x: f.lon - side / 2, y: -f.lat - side / 2, width: side, height: side,
          fill: FORCE_COLOUR, "fill-opacity": 0.35, stroke: FORCE_COLOUR, "stroke-width": unit * 1.5}, marks);
        interactive(rect, f.label, [f.ev], options.onSelect);
      });
      Object.keys(byPlace).forEach(function (key) {
        var group = byPlace[key], first = group[0];
        var r = (4 + 3 * Math.sqrt(group.length - 1)) * unit;
        var label = group.slice(0, 8).map(function (e) { return e.label; }).join("\n") +
          (group.length > 8 ? "\n… and " + (group.length - 8) + " more" : "");
        var dot = el("circle", {cx: first.lon, cy: -first.lat, r: r, fill: dominantColour(colourBy, group),
          "fill-opacity": 0.85, stroke: "#fff", "stroke-width": unit}, marks);
        interactive(dot, label, group.map(function (e) { return e.ev; }), options.onSelect);
        if (group.length > 1) {
          var count = text(marks, first.lon, -first.lat + r * 0.35, String(group.length), "middle");
          count.style.fontSize = (10 * unit).toFixed(3) + "px"; // a style, so page CSS for svg text cannot override it
          count.setAttribute("fill", "#fff");
          count.setAttribute("pointer-events", "none");
        }
      });
    }

    function setView(v) {
      view = v;
      svg.setAttribute("viewBox", v.join(" "));
      drawMarks();
    }

    // The smallest window of the map's proportions holding every mark, at least 30 degrees wide.
    function fit() {
      var lons = events.map(function (e) { return e.lon; }).concat(forces.map(function (f) { return f.lon; }));
      var lats = events.map(function (e) { return e.lat; }).concat(forces.map(function (f) { return f.lat; }));
      if (!lons.length) return setView(WORLD_VIEW.slice());
      var x0 = Math.min.apply(null, lons), x1 = Math.max.apply(null, lons);
      var y0 = -Math.max.apply(null, lats), y1 = -Math.min.apply(null, lats);
      var w = Math.max((x1 - x0) * 1.3, 30), h = Math.max((y1 - y0) * 1.3, 30 / ASPECT);
      if (w / h > ASPECT) h = w / ASPECT; else w = h * ASPECT;
      if (w >= 360) return setView(WORLD_VIEW.slice());
      setView([(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h]);
    }

    var entries = [];
    var seen = {};
    events.forEach(function (e) {
      var name = colourBy === "acled" ? (e.acled || "no ACLED type") : e.type;
      if (!seen[name]) { seen[name] = 1; entries.push([name, colour(colourBy, e)]); }
    });
    if (forces.length) entries.push(["force level (size: troops)", FORCE_COLOUR, true]);
    legend(container, entries);
    fit();
    // a redrawn map replaces its predecessor's resize handler rather than adding another
    if (container.fwResize) window.removeEventListener("resize", container.fwResize);
    container.fwResize = drawMarks;
    window.addEventListener("resize", drawMarks);
    return {fit: fit, showWorld: function () { setView(WORLD_VIEW.slice()); }};
  }

  /* ---------- event timeline ---------- */

  // Drag across a time chart to pick a span; onZoom([t0, t1]) redraws the chart for it.
  function zoomable(svg, width, left, right, top, bandHeight, domain, onZoom) {
    var start = null, band = null;
    function at(e) {
      var box = svg.getBoundingClientRect();
      var vx = (e.clientX - box.left) / box.width * width;
      return Math.max(left, Math.min(width - right, vx));
    }
    function time(vx) { return domain[0] + (vx - left) / (width - left - right) * (domain[1] - domain[0]); }
    svg.addEventListener("mousedown", function (e) {
      if (e.target.getAttribute("class") && e.target.getAttribute("class").indexOf("mark") >= 0) return;
      start = at(e);
      band = el("rect", {x: start, y: top, width: 0, height: bandHeight, fill: "#1f5fbf", "fill-opacity": 0.12}, svg);
      e.preventDefault();
    });
    svg.addEventListener("mousemove", function (e) {
      if (start === null) return;
      var now = at(e);
      band.setAttribute("x", Math.min(start, now));
      band.setAttribute("width", Math.abs(now - start));
    });
    function finish(e) {
      if (start === null) return;
      var end = at(e), from = Math.min(start, end), to = Math.max(start, end);
      start = null;
      if (band && band.parentNode) band.parentNode.removeChild(band);
      if (to - from > 8) onZoom([time(from), time(to)]);
    }
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", finish);
  }

  function drawTimeline(container, events, options) {
    options = options || {};
    clear(container);
    var colourBy = options.colourBy || "plover";
    var dated = (events || []).filter(function (e) { return toTime(e.date) !== null; });
    if (!dated.length) {
      var none = document.createElement("p");
      none.className = "empty";
      none.textContent = "No dated events to draw.";
      container.appendChild(none);
      return;
    }
    var lanes = [];
    dated.forEach(function (e) { if (lanes.indexOf(e.type) < 0) lanes.push(e.type); });
    lanes.sort();
    var width = 1000, left = 110, right = 20, laneH = 26, top = 10;
    var height = top + lanes.length * laneH + 28;
    var svg = el("svg", {viewBox: "0 0 " + width + " " + height}, container);
    var domain = options.domain || timeDomain(dated.map(function (e) { return toTime(e.date); }));
    var outside = dated.filter(function (e) { var t = toTime(e.date); return t < domain[0] || t > domain[1]; }).length;
    if (options.domain) dated = dated.filter(function (e) { var t = toTime(e.date); return t >= domain[0] && t <= domain[1]; });
    function x(t) { return left + (t - domain[0]) / (domain[1] - domain[0]) * (width - left - right); }
    zoomable(svg, width, left, right, top, lanes.length * laneH, domain, function (range) {
      drawTimeline(container, events, Object.assign({}, options, {domain: range}));
    });
    timeAxis(svg, domain[0], domain[1], x, top, top + lanes.length * laneH);
    lanes.forEach(function (lane, i) {
      text(svg, left - 8, top + i * laneH + laneH / 2 + 4, lane, "end");
      el("line", {x1: left, x2: width - right, y1: top + (i + 1) * laneH, y2: top + (i + 1) * laneH, stroke: "#f1f3f6"}, svg);
    });
    var stacked = {};
    dated.forEach(function (e) {
      var lane = lanes.indexOf(e.type), t = toTime(e.date), key = lane + ":" + e.date;
      var n = stacked[key] = (stacked[key] || 0) + 1;
      var cy = top + lane * laneH + laneH / 2 + ((n % 3) - 1) * 6 * Math.min(n - 1, 1);
      var cx = x(t) + Math.floor((n - 1) / 3) * 7;
      // hollow: the event's own date is not stated, it is drawn at the date it was first reported
      var undated = e.dated === false, c = colour(colourBy, e);
      var dot = el("circle", {cx: cx, cy: cy, r: 3 + Math.min(e.articles || 1, 6), fill: undated ? "#fff" : c,
        "fill-opacity": undated ? 1 : 0.8, stroke: undated ? c : "#fff", "stroke-width": undated ? 2 : 1}, svg);
      interactive(dot, e.label + (e.articles > 1 ? "\nreported by " + e.articles + " articles" : ""), [e.ev], options.onSelect);
    });
    var entries = [], seen = {};
    dated.forEach(function (e) {
      var name = colourBy === "acled" ? (e.acled || "no ACLED type") : e.type;
      if (!seen[name]) { seen[name] = 1; entries.push([name, colour(colourBy, e)]); }
    });
    if (dated.some(function (e) { return e.dated === false; })) entries.push(["hollow: date not stated, drawn when first reported", "transparent"]);
    legend(container, entries);
    var skipped = (events || []).length - dated.length - outside;
    var note = document.createElement("p");
    note.className = "muted";
    note.textContent = (skipped ? skipped + " undated event(s) are in the table only. " : "") +
      (options.domain ? outside + " event(s) outside this span. " : "") + "Drag across the chart to zoom into a span of time.";
    container.appendChild(note);
    if (options.domain) {
      var reset = document.createElement("button");
      reset.type = "button";
      reset.textContent = "Show all dates";
      reset.addEventListener("click", function () {
        drawTimeline(container, events, Object.assign({}, options, {domain: null}));
      });
      note.appendChild(reset);
    }
  }

  /* ---------- force-level chart ---------- */

  function drawForceChart(container, chart, options) {
    options = options || {};
    clear(container);
    var series = (chart && chart.series || []).filter(function (s) { return s.points.length; });
    if (!series.length) {
      var none = document.createElement("p");
      none.className = "empty";
      none.textContent = "No dated force levels to draw.";
      container.appendChild(none);
      return;
    }
    var width = 1000, height = 220, left = 70, right = 20, top = 12, bottom = 30;
    var svg = el("svg", {viewBox: "0 0 " + width + " " + height}, container);
    var all = [];
    series.forEach(function (s) { s.points.forEach(function (p) { all.push(p); }); });
    var domain = timeDomain(all.map(function (p) { return toTime(p.date); }));
    var maxValue = Math.max.apply(null, all.map(function (p) { return Math.max(p.value, p.max || 0); })) * 1.12 || 1;
    function x(t) { return left + (t - domain[0]) / (domain[1] - domain[0]) * (width - left - right); }
    function y(v) { return top + (1 - v / maxValue) * (height - top - bottom); }
    timeAxis(svg, domain[0], domain[1], x, top, height - bottom);
    el("line", {x1: left, x2: left, y1: top, y2: height - bottom, "class": "axis"}, svg);
    [0, 0.25, 0.5, 0.75, 1].forEach(function (f) {
      var v = maxValue / 1.12 * f;
      el("line", {x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#eceff3"}, svg);
      text(svg, left - 6, y(v) + 4, Math.round(v).toLocaleString("en-US"), "end");
    });
    var entries = [];
    series.forEach(function (s, i) {
      var c = SERIES_COLOURS[i % SERIES_COLOURS.length];
      entries.push([s.owner, c]);
      var pts = s.points.slice().sort(function (a, b) { return toTime(a.date) - toTime(b.date); });
      // The line joins reported levels; planned and target levels hang off it dashed.
      var solid = pts.filter(function (p) { return p.status !== "planned" && p.status !== "target"; });
      if (solid.length > 1) {
        el("polyline", {points: solid.map(function (p) { return x(toTime(p.date)) + "," + y(p.value); }).join(" "),
          fill: "none", stroke: c, "stroke-width": 2}, svg);
      }
      pts.forEach(function (p) {
        var px = x(toTime(p.date)), py = y(p.value);
        if (p.max) el("line", {x1: px, x2: px, y1: y(p.max), y2: py, stroke: c, "stroke-width": 2, "stroke-opacity": 0.5}, svg);
        var hollow = p.status === "planned" || p.status === "target";
        if (hollow && solid.length) {
          var base = solid[solid.length - 1];
          el("line", {x1: x(toTime(base.date)), y1: y(base.value), x2: px, y2: py, stroke: c, "stroke-dasharray": "4 3"}, svg);
        }
        var mark = p.status === "peak"
          ? el("path", {d: "M" + px + " " + (py - 7) + "L" + (px + 6) + " " + (py + 4) + "L" + (px - 6) + " " + (py + 4) + "Z", fill: c}, svg)
          : el("circle", {cx: px, cy: py, r: 5.5, fill: hollow ? "#fff" : (p.status === "past" ? "#9aa3b2" : c),
            stroke: c, "stroke-width": 2}, svg);
        interactive(mark, p.label, [p.ev], options.onSelect);
      });
    });
    legend(container, entries.concat([["● current  ○ planned/target  ▲ peak  grey: past", "transparent"]]));
  }

  root.FactwireCharts = {
    drawMap: drawMap,
    drawTimeline: drawTimeline,
    drawForceChart: drawForceChart,
    colour: colour,
    toTime: toTime,
    PLOVER_COLOURS: PLOVER_COLOURS,
    ACLED_COLOURS: ACLED_COLOURS
  };
})(typeof window !== "undefined" ? window : this);
