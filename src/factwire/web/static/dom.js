/* factwire web page: DOM helpers shared by the page's scripts.
 * Article text is untrusted: every string goes into the page as a text node (el() / textContent),
 * never as markup, and only http(s) URLs become links. */
(function (root) {
  "use strict";

  function el(tag, attrs) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      if (a[k] === null || a[k] === undefined || a[k] === false) return;
      if (k === "class") node.className = a[k];
      else if (k === "dataset") Object.keys(a[k]).forEach(function (d) { node.dataset[d] = a[k][d]; });
      else node.setAttribute(k, a[k] === true ? "" : a[k]);
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // Only web links: a javascript: or data: URL from an article must not become clickable.
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  function number(value) {
    return typeof value === "number" ? value.toLocaleString("en-US", {maximumFractionDigits: 1}) : "";
  }

  function count(c) {
    if (!c) return "";
    var prefix = {approx: "~", min: "≥", max: "≤"}[c.bound] || "";
    return prefix + number(c.value) + (c.value_max ? "–" + number(c.value_max) : "");
  }

  function range(r) {
    if (!r) return "";
    if (r.min === r.max || r.max === null) return r.min === null ? "" : String(r.min);
    return (r.min === null ? "?" : r.min) + "–" + r.max;
  }

  function truncate(s, n) { return s && s.length > n ? s.slice(0, n - 1) + "…" : (s || ""); }

  function status(value) { return el("span", {"class": "status st-" + String(value).replace(/[^a-z]/g, "")}, value); }

  root.FactwireDom = {el: el, append: append, clear: clear, safeUrl: safeUrl, number: number, count: count,
    range: range, truncate: truncate, status: status};
})(window);
