/* factwire web page: the evidence panel. A fact's evidence is the sentence it was read from, with
 * the fact's own span marked, and the article it came from. */
(function (root) {
  "use strict";
  var D = root.FactwireDom, el = D.el;

  // [summary, Evidence] pairs for any record kind the API returns.
  function evidences(kind, record) {
    if (record.mentions) return record.mentions.map(function (m) {
      return [m.type + (m.actor ? " by " + m.actor.name : "") + " (" + m.status + ")", m.evidence];
    });
    if (record.items && kind === "conflict") return record.items.map(function (i) { return [i.kind + ": " + i.summary, i.evidence]; });
    if (record.evidence) return [[null, record.evidence]];
    return [];
  }

  function sentence(ev) {
    // Offsets are into the article text; the sentence starts at sentence_start.
    var s = ev.sentence || "", from = ev.start - ev.sentence_start, to = ev.end - ev.sentence_start;
    if (from < 0 || to > s.length || from > to) return el("blockquote", {}, el("mark", {}, ev.text));
    return el("blockquote", {}, s.slice(0, from), el("mark", {}, s.slice(from, to)), s.slice(to));
  }

  function source(ev) {
    var url = D.safeUrl(ev.article_url);
    return el("dl", {},
      el("dt", {}, "Article"), el("dd", {}, ev.article_title || ev.article_id),
      el("dt", {}, "Outlet"), el("dd", {}, ev.outlet || "not stated"),
      el("dt", {}, "Published"), el("dd", {}, ev.published || "not stated"),
      el("dt", {}, "URL"), el("dd", {}, url ? el("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank"}, url) : (ev.article_url || "none")),
      el("dt", {}, "Span"), el("dd", {}, ev.article_id + " [" + ev.start + ":" + ev.end + "]"));
  }

  function articleBody(record) {
    var url = D.safeUrl(record.url);
    var counts = Object.keys(record.counts || {}).map(function (k) { return record.counts[k] + " " + k; }).join(", ");
    return el("div", {"class": "item"},
      el("dl", {},
        el("dt", {}, "Title"), el("dd", {}, record.title || record.id),
        el("dt", {}, "Outlet"), el("dd", {}, record.outlet || "not stated"),
        el("dt", {}, "Published"), el("dd", {}, record.published || "not stated"),
        el("dt", {}, "URL"), el("dd", {}, url ? el("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank"}, url) : (record.url || "none")),
        el("dt", {}, "Version"), el("dd", {}, String(record.version) + (record.supersedes ? " (supersedes " + record.supersedes + ")" : "")),
        el("dt", {}, "Copy of"), el("dd", {}, record.duplicate_of || "—"),
        el("dt", {}, "Facts"), el("dd", {}, counts || "none")),
      el("p", {}, el("a", {href: "/api/articles/" + encodeURIComponent(record.id)}, "The article's full Report (JSON)")));
  }

  // Fill the panel with the evidence of one or more facts ({kind, item} as /api/facts answers).
  function show(panel, facts, title) {
    var body = panel.querySelector("#evidence-body");
    D.clear(body);
    panel.querySelector("#evidence-title").textContent = title || "Evidence";
    facts.forEach(function (fact) {
      if (fact.kind === "article") { body.appendChild(articleBody(fact.item)); return; }
      var pairs = evidences(fact.kind, fact.item);
      var head = el("p", {"class": "muted"}, fact.kind.replace("_", " ") + " " + fact.item.id);
      if (!pairs.length) body.appendChild(el("div", {"class": "item"}, head, el("p", {"class": "empty"}, "No evidence recorded.")));
      pairs.forEach(function (pair, i) {
        body.appendChild(el("div", {"class": "item", dataset: {fact: fact.item.id}},
          i === 0 ? head : null, pair[0] ? el("h3", {}, pair[0]) : null, sentence(pair[1]), source(pair[1])));
      });
    });
    panel.hidden = false;
    panel.focus && panel.focus();
  }

  root.FactwireEvidence = {show: show, evidences: evidences};
})(window);
