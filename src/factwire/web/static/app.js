/* factwire web page: filters <-> URL, fetching the JSON API, the map and timeline, the tabs.
 * The URL holds the filters, the view and the open fact, so any state can be shared as a link. */
(function (root) {
  "use strict";
  var D = root.FactwireDom, Charts = root.FactwireCharts, Views = root.FactwireViews, Evidence = root.FactwireEvidence;
  var FILTERS = ["text", "actor", "country", "place", "type", "since", "until"];
  var VIEWS = ["events", "forces", "quotes", "claims", "conflicts", "articles"];
  var PAGE = 100;
  var $ = function (sel) { return document.querySelector(sel); };

  var state = {filters: {}, view: "events", fact: null, items: [], next: null, timelines: null, world: undefined,
    records: {}, generation: 0};

  function readUrl() {
    var q = new URLSearchParams(location.search);
    state.filters = {};
    FILTERS.forEach(function (k) { if (q.get(k)) state.filters[k] = q.get(k); });
    state.view = VIEWS.indexOf(q.get("view")) >= 0 ? q.get("view") : "events";
    state.fact = q.get("fact");
    var form = $("#filters");
    FILTERS.forEach(function (k) { form.elements[k].value = state.filters[k] || ""; });
  }

  function writeUrl(push) {
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state.filters[k]) q.set(k, state.filters[k]); });
    if (state.view !== "events") q.set("view", state.view);
    if (state.fact) q.set("fact", state.fact);
    var url = location.pathname + (q.toString() ? "?" + q.toString() : "");
    if (url === location.pathname + location.search) return;
    (push ? history.pushState : history.replaceState).call(history, null, "", url);
  }

  function query(extra) {
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state.filters[k]) q.set(k, state.filters[k]); });
    Object.keys(extra || {}).forEach(function (k) { if (extra[k] !== null && extra[k] !== undefined) q.set(k, extra[k]); });
    return q.toString();
  }

  function showError(message) {
    var box = $("#error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function api(path, extra) {
    var qs = extra === false ? "" : query(extra);
    return fetch(path + (qs ? "?" + qs : ""), {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().catch(function () { return {error: r.status + " " + r.statusText}; }).then(function (body) {
        if (!r.ok) throw new Error(body.error || (r.status + " " + r.statusText));
        return body;
      });
    });
  }

  function remember(kind, record) { state.records[record.id] = {kind: kind, item: record}; }

  function fact(id) {
    if (state.records[id]) return Promise.resolve(state.records[id]);
    return api("/api/facts/" + id.split("/").map(encodeURIComponent).join("/"), false).then(function (f) {
      state.records[id] = f;
      return f;
    });
  }

  function selectIds(ids, label) {
    if (!ids || !ids.length) return;
    state.fact = ids[0];
    writeUrl(true);
    Promise.all(ids.slice(0, 20).map(fact)).then(function (facts) {
      Evidence.show($("#evidence"), facts, ids.length > 1 ? ids.length + " facts here" : "Evidence");
    }).catch(function (err) { showError(err.message); });
  }

  var ctx = {
    select: function (kind, record) { remember(kind, record); selectIds([record.id]); },
    selectIds: selectIds,
    remember: remember,
    timelines: null
  };

  function loadStats() {
    api("/api/stats", false).then(function (s) {
      var c = s.counts;
      $("#stats").textContent = c.articles + " articles · " + c.events + " events · " + c.forces + " force levels · " +
        c.quotes + " quotes · " + c.claims + " claims · " + c.conflicts + " conflicts · " +
        (s.writes_enabled ? "writes enabled (token)" : "read-only");
    }).catch(function (err) { $("#stats").textContent = "cannot read the store: " + err.message; });
  }

  function loadWorld() {
    if (state.world !== undefined) return Promise.resolve(state.world);
    return fetch("/world.geojson").then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; }).then(function (w) { state.world = w; return w; });
  }

  // The map and the event timeline show the filtered events and forces (up to 1000 of each).
  function loadOverview(generation) {
    return Promise.all([loadWorld(), api("/api/map", {limit: 1000})]).then(function (got) {
      if (generation !== state.generation) return;
      var data = got[1];
      // An undated event is drawn on the timeline at the date it was first reported, and says so.
      var events = data.events.map(function (p) { return Object.assign({ev: p.id}, p); });
      var timeline = events.map(function (e) {
        if (e.date || !e.reported) return e;
        return Object.assign({}, e, {date: e.reported, label: e.label.replace(/, undated \(/, ", undated (reported " + e.reported + "; ")});
      });
      var forces = data.forces.map(function (p) { return Object.assign({ev: p.id}, p); });
      Charts.drawMap($("#map"), {world: got[0], events: events, forces: forces, onSelect: selectIds});
      Charts.drawTimeline($("#timeline"), timeline, {onSelect: selectIds});
      var drawn = events.filter(function (e) { return e.lat !== null; }).length;
      $("#map-note").textContent = "— " + drawn + " of " + data.total_events + " events, " +
        forces.filter(function (f) { return f.lat !== null; }).length + " of " + data.total_forces + " force levels placed";
      var undated = events.filter(function (e) { return !e.date && e.reported; }).length;
      $("#timeline-note").textContent = (data.total_events > events.length ? "— first " + events.length + " of " + data.total_events : "") +
        (undated ? " — " + undated + " undated event(s) drawn at their report date" : "");
    });
  }

  function loadCounts(generation) {
    return Promise.all(VIEWS.map(function (v) { return api("/api/" + v, {limit: 1}); })).then(function (pages) {
      if (generation !== state.generation) return;
      pages.forEach(function (p, i) {
        $('.tabs [data-view="' + VIEWS[i] + '"] .count').textContent = "(" + p.total + ")";
      });
    });
  }

  function render() {
    var box = $("#view");
    D.clear(box);
    Views[state.view](box, state.items, ctx);
    $("#more").hidden = !state.next;
  }

  function loadView(generation, more) {
    var view = state.view;
    var jobs = [api("/api/" + view, {limit: PAGE, cursor: more ? state.next : null})];
    if (view === "forces" && !more) jobs.push(api("/api/forces/timelines"));
    return Promise.all(jobs).then(function (got) {
      if (generation !== state.generation || view !== state.view) return;
      var page = got[0];
      var kind = view === "events" ? "event" : view.replace(/s$/, "");
      page.items.forEach(function (r) { remember(kind, r); });
      state.items = more ? state.items.concat(page.items) : page.items;
      state.next = page.next;
      if (got[1]) ctx.timelines = got[1].items;
      if (view !== "forces") ctx.timelines = null;
      render();
    });
  }

  function selectTab() {
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.setAttribute("aria-selected", b.dataset.view === state.view ? "true" : "false");
    });
  }

  // Everything the filters affect, reloaded; a newer reload makes older answers stale.
  function reload() {
    var generation = ++state.generation;
    showError(null);
    selectTab();
    $("#view").setAttribute("aria-busy", "true");
    Promise.all([loadOverview(generation), loadCounts(generation), loadView(generation, false)])
      .catch(function (err) { showError(err.message); })
      .then(function () { $("#view").removeAttribute("aria-busy"); document.body.dataset.loaded = String(generation); });
    if (state.fact) selectIds([state.fact]); else $("#evidence").hidden = true;
  }

  function init() {
    readUrl();
    loadStats();
    $("#filters").addEventListener("submit", function (e) {
      e.preventDefault();
      var form = e.target;
      state.filters = {};
      FILTERS.forEach(function (k) { var v = form.elements[k].value.trim(); if (v) state.filters[k] = v; });
      state.fact = null;
      writeUrl(true);
      reload();
    });
    $("#clear").addEventListener("click", function () {
      $("#filters").reset();
      state.filters = {};
      state.fact = null;
      writeUrl(true);
      reload();
    });
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.addEventListener("click", function () {
        state.view = b.dataset.view;
        writeUrl(true);
        selectTab();
        var generation = state.generation;
        $("#view").setAttribute("aria-busy", "true");
        loadView(generation, false).catch(function (err) { showError(err.message); })
          .then(function () { $("#view").removeAttribute("aria-busy"); });
      });
    });
    $("#more").addEventListener("click", function () {
      loadView(state.generation, true).catch(function (err) { showError(err.message); });
    });
    $("#evidence-close").addEventListener("click", function () {
      $("#evidence").hidden = true;
      state.fact = null;
      writeUrl(true);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !$("#evidence").hidden) $("#evidence-close").click(); });
    window.addEventListener("popstate", function () { readUrl(); reload(); });
    reload();
  }

  init();
})(window);
