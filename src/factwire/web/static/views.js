/* factwire web page: one renderer per view (events, forces, quotes, claims, conflicts, articles).
 * Each draws every loaded record of its view into the container; clicking a fact calls
 * ctx.select(kind, record) to open its evidence. */
(function (root) {
  "use strict";
  var D = root.FactwireDom, el = D.el;

  function clickable(node, kind, record, ctx) {
    node.classList.add("fact");
    node.setAttribute("tabindex", "0");
    node.dataset.id = record.id;
    node.addEventListener("click", function (e) {
      if (e.target.closest("a")) return;
      ctx.select(kind, record);
    });
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); ctx.select(kind, record); }
    });
    return node;
  }

  function table(headers, rows, numeric) {
    return el("table", {"class": "records"},
      el("thead", {}, el("tr", {}, headers.map(function (h) { return el("th", {}, h); }))),
      el("tbody", {}, rows));
  }

  function cell(value, cls) { return el("td", cls ? {"class": cls} : {}, value === null || value === undefined ? "" : value); }

  // "2011-01-01".."2011-12-31" reads better as "2011", and a whole month as "2011-05".
  function when(date, end) {
    if (!date) return "undated";
    if (!end || end === date) return date;
    var m = /^(\d{4})-(\d{2})-01$/.exec(date), e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
    if (m && e && m[1] === e[1]) {
      if (m[2] === "01" && e[2] === "12" && e[3] === "31") return m[1];
      if (m[2] === e[2] && new Date(Date.UTC(+e[1], +e[2], 0)).getUTCDate() === +e[3]) return m[1] + "-" + m[2];
    }
    return date + " – " + end;
  }

  function name(ref, fallback) { return ref ? ref.name : (fallback || ""); }

  function empty(what) { return el("p", {"class": "empty"}, "No " + what + " match these filters."); }

  function events(container, items, ctx) {
    if (!items.length) return container.appendChild(empty("events"));
    container.appendChild(table(["Date", "PLOVER", "ACLED", "Actor", "Target", "Place", "Status", "Fatalities", "Articles", "Evidence"],
      items.map(function (e) {
        var first = e.mentions && e.mentions[0];
        return clickable(el("tr", {},
          cell(when(e.date, e.date_end), "date"),
          cell(e.type), cell(e.acled ? e.acled.event_type + (e.acled.sub_event_type ? ": " + e.acled.sub_event_type : "") : ""),
          cell(name(e.actor)), cell(name(e.target)), cell(name(e.place)), cell(D.status(e.status)),
          cell(D.range(e.fatalities), "num"), cell(String(e.articles), "num"),
          cell(first ? el("span", {"class": "sentence"}, D.truncate(first.evidence.sentence, 140)) : "")), "event", e, ctx);
      })));
  }

  function forceRows(items, ctx) {
    return items.map(function (f) {
      return clickable(el("tr", {},
        cell(name(f.owner, f.owner_country)), cell(f.force), cell(D.count(f.count), "num"), cell(D.status(f.status)),
        cell(f.date || "undated"), cell(name(f.place, f.place_country)), cell(f.evidence.outlet || f.evidence.article_id),
        cell(el("span", {"class": "sentence"}, D.truncate(f.evidence.sentence, 120)))), "force", f, ctx);
    });
  }

  // Theatre charts come from /api/forces/timelines (every sourced value), the table from the page.
  function forces(container, items, ctx) {
    var charts = el("div", {"class": "theatres"});
    container.appendChild(charts);
    if (ctx.timelines) drawTheatres(charts, ctx.timelines, ctx);
    if (!items.length) return container.appendChild(empty("force levels"));
    container.appendChild(el("h3", {}, "Force levels"));
    container.appendChild(table(["Owner", "Force", "Count", "Status", "Date", "Place", "Source", "Evidence"], forceRows(items, ctx)));
  }

  function forceLabel(p) {
    return name(p.owner, p.owner_country || "unknown") + ": " + D.count(p.count) + " " + p.force + " in " +
      name(p.place, p.place_country || "place not stated") + " (" + p.status + ", " + (p.date || "undated") + ")";
  }

  function drawTheatres(container, timelines, ctx) {
    var theatres = {};
    timelines.forEach(function (t) {
      var key = t.place_country || t.place || "Place not stated";
      (theatres[key] = theatres[key] || {name: t.place_country ? (t.place || t.place_country) + " (" + t.place_country + ")" : key, lines: []}).lines.push(t);
    });
    Object.keys(theatres).sort().forEach(function (key, i) {
      var theatre = theatres[key];
      var series = theatre.lines.map(function (t) {
        return {owner: t.owner || t.owner_country || "unknown", points: t.points.filter(function (p) { return p.date; }).map(function (p) {
          ctx.remember("force", p);
          return {date: p.date, value: p.count.value, max: p.count.value_max, status: p.status, ev: p.id, label: forceLabel(p)};
        })};
      });
      var n = theatre.lines.reduce(function (s, t) { return s + t.points.length; }, 0);
      var chart = el("div", {"class": "chart force-chart", id: "force-chart-" + i, role: "img", "aria-label": "Force levels in " + theatre.name});
      container.appendChild(el("section", {"class": "theatre"}, el("h3", {}, theatre.name + " ", el("span", {"class": "muted"}, n + " sourced value(s)")), chart));
      root.FactwireCharts.drawForceChart(chart, {theatre: theatre.name, series: series}, {onSelect: ctx.selectIds});
    });
  }

  function quotes(container, items, ctx) {
    if (!items.length) return container.appendChild(empty("quotes"));
    var groups = {}, order = [];
    items.forEach(function (q) {
      var who = q.speaker ? q.speaker.name : (q.speaker_text || "Unattributed");
      if (!groups[who]) { groups[who] = []; order.push(who); }
      groups[who].push(q);
    });
    order.sort(function (a, b) { return groups[b].length - groups[a].length || a.localeCompare(b); });
    order.forEach(function (who) {
      container.appendChild(el("h3", {}, who + " ", el("span", {"class": "muted"}, groups[who].length + " quote(s)")));
      container.appendChild(el("ul", {"class": "quotes"}, groups[who].map(function (q) {
        return clickable(el("li", {}, el("span", {"class": "status"}, q.kind), " ", q.kind === "indirect" ? q.text : "“" + q.text + "”",
          " ", el("span", {"class": "muted"}, "— " + (q.evidence.outlet || q.evidence.article_id) + (q.evidence.published ? ", " + q.evidence.published : ""))), "quote", q, ctx);
      })));
    });
  }

  function claims(container, items, ctx) {
    if (!items.length) return container.appendChild(empty("claims"));
    container.appendChild(table(["Stance", "Source", "About event", "Claim", "Article"], items.map(function (c) {
      return clickable(el("tr", {}, cell(D.status(c.stance)), cell(name(c.source, "unnamed source")),
        cell(c.about_event || c.about || ""), cell(el("span", {"class": "sentence"}, D.truncate(c.evidence.sentence, 160))),
        cell(c.evidence.article_title || c.evidence.article_id)), "claim", c, ctx);
    })));
  }

  function conflicts(container, items, ctx) {
    if (!items.length) return container.appendChild(empty("conflicts"));
    items.forEach(function (c) {
      var box = el("div", {"class": "conflict"},
        el("strong", {}, c.kind + " conflict"), " ", el("span", {"class": "muted"}, "(" + (c.scope === "corpus" ? "between articles" : "within one article") + ")"),
        c.note ? el("p", {}, c.note) : null,
        el("ul", {}, c.items.map(function (item) {
          var li = el("li", {}, item.kind + ": " + item.summary + " ", el("span", {"class": "muted"}, "— " + (item.evidence.outlet || item.evidence.article_id)));
          li.classList.add("fact");
          li.setAttribute("tabindex", "0");
          li.dataset.id = item.fact_id;
          li.addEventListener("click", function (e) { e.stopPropagation(); ctx.selectIds([item.fact_id]); });
          return li;
        })));
      container.appendChild(clickable(box, "conflict", c, ctx));
    });
  }

  function articles(container, items, ctx) {
    if (!items.length) return container.appendChild(empty("articles"));
    container.appendChild(table(["Published", "Title", "Outlet", "Version", "Copy of", "Events", "Forces", "Quotes"], items.map(function (a) {
      var n = a.counts || {};
      return clickable(el("tr", {}, cell(a.published || "undated"), cell(a.title || a.id), cell(a.outlet || ""), cell(String(a.version), "num"),
        cell(a.duplicate_of || ""), cell(String(n.events || 0), "num"), cell(String(n.forces || 0), "num"), cell(String(n.quotes || 0), "num")), "article", a, ctx);
    })));
  }

  root.FactwireViews = {events: events, forces: forces, quotes: quotes, claims: claims, conflicts: conflicts, articles: articles};
})(window);
