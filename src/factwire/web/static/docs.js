// factwire API docs: renders /openapi.json with plain DOM calls (no CDN, no innerHTML of data).
(function () {
  "use strict";
  const root = document.getElementById("docs");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function schemaName(schema, spec) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map((s) => schemaName(s, spec)).join(" | ");
    if (schema.type === "array") return schemaName(schema.items, spec) + "[]";
    return schema.type || "object";
  }

  function paramsTable(params, spec) {
    if (!params || !params.length) return null;
    const rows = params.map((p) =>
      el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, schemaName(p.schema, spec)),
        el("td", {}, p.description || (p.schema && p.schema.description) || "")));
    return el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "meaning"))), el("tbody", {}, ...rows));
  }

  function tryForm(path, op) {
    // Read-only routes can be tried from here; the response is shown as text.
    const fields = (op.parameters || []).map((p) => el("label", {}, p.name, el("input", { name: p.name, "data-in": p.in })));
    const out = el("pre", { hidden: "" });
    const form = el("form", { class: "try" }, ...fields, el("button", { type: "submit" }, "Try it"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let url = path;
      const query = new URLSearchParams();
      for (const input of form.querySelectorAll("input")) {
        if (!input.value) continue;
        if (input.dataset.in === "path") url = url.replace(new RegExp("\\{" + input.name + "(:path)?\\}"), encodeURIComponent(input.value));
        else query.set(input.name, input.value);
      }
      const qs = query.toString();
      const response = await fetch(url + (qs ? "?" + qs : ""));
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as is */ }
      out.textContent = response.status + " " + response.statusText + "\n" + shown.slice(0, 20000);
      out.hidden = false;
    });
    return el("div", {}, form, out);
  }

  function operation(path, method, op, spec) {
    const body = el("div", { class: "body" });
    if (op.description) body.append(el("p", {}, op.description));
    const table = paramsTable(op.parameters, spec);
    if (table) body.append(table);
    if (op.requestBody) {
      const schema = (op.requestBody.content["application/json"] || {}).schema || {};
      body.append(el("p", {}, "Body (application/json):"), el("pre", {}, JSON.stringify(schema, null, 2)));
    }
    const codes = Object.entries(op.responses || {}).map(([code, r]) => {
      const content = r.content && r.content["application/json"];
      return el("tr", {}, el("td", {}, code), el("td", {}, r.description || ""), el("td", {}, content ? schemaName(content.schema, spec) : ""));
    });
    body.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "status"), el("th", {}, "meaning"), el("th", {}, "schema"))), el("tbody", {}, ...codes)));
    if (method === "get") body.append(tryForm(path, op));
    return el("details", { class: "op" },
      el("summary", {}, el("span", { class: "method " + method }, method.toUpperCase()), el("span", { class: "path" }, path), el("span", { class: "muted" }, op.summary || "")),
      body);
  }

  fetch("/openapi.json").then((r) => r.json()).then((spec) => {
    root.textContent = "";
    root.append(el("h2", {}, spec.info.title + " " + spec.info.version), el("p", {}, spec.info.description || ""));
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) root.append(operation(path, method, op, spec));
    }
    const names = Object.keys((spec.components || {}).schemas || {}).sort();
    root.append(el("h2", {}, "Schemas"));
    for (const name of names) {
      root.append(el("details", { class: "op", id: "schema-" + name }, el("summary", {}, el("span", { class: "path" }, name)),
        el("div", { class: "body" }, el("pre", {}, JSON.stringify(spec.components.schemas[name], null, 2)))));
    }
  }).catch((err) => { root.textContent = "Cannot read /openapi.json: " + err; });
})();
