/* The situation report's page logic: draw the charts and show evidence in a side panel.
 * Without script the page still works: every evidence link is a plain #anchor. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sitrep-data").textContent);
  var panel = document.getElementById("evidence-panel");
  var panelBody = panel.querySelector(".panel-body");

  // Show copies of the evidence blocks (already escaped HTML in the page) in the side panel.
  function showEvidence(anchors) {
    while (panelBody.firstChild) panelBody.removeChild(panelBody.firstChild);
    anchors.slice(0, 20).forEach(function (id) {
      var block = document.getElementById(id);
      if (!block) return;
      var copy = block.cloneNode(true);
      copy.removeAttribute("id");
      var jump = document.createElement("a");
      jump.href = "#" + id;
      jump.className = "ev-link";
      jump.textContent = "go to this evidence in the report";
      copy.appendChild(jump);
      panelBody.appendChild(copy);
    });
    if (anchors.length > 20) {
      var more = document.createElement("p");
      more.className = "muted";
      more.textContent = "… and " + (anchors.length - 20) + " more facts here.";
      panelBody.appendChild(more);
    }
    panel.hidden = false;
  }

  panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") panel.hidden = true; });
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.ev-link[data-ev]");
    if (!link || panel.contains(link)) return;
    e.preventDefault();
    showEvidence([link.getAttribute("data-ev")]);
  });

  var charts = window.FactwireCharts;
  var mapEl = document.getElementById("map-chart");
  var map = null;
  function drawMap(colourBy) {
    if (mapEl) map = charts.drawMap(mapEl, {world: data.world, events: data.events, forces: data.forces,
      colourBy: colourBy, onSelect: showEvidence});
  }
  function drawTimeline(colourBy) {
    var el = document.getElementById("event-timeline");
    if (el) charts.drawTimeline(el, data.events, {colourBy: colourBy, onSelect: showEvidence});
  }
  drawMap("plover");
  drawTimeline("plover");
  data.forceCharts.forEach(function (chart) {
    var el = document.getElementById(chart.id);
    if (el) charts.drawForceChart(el, chart, {onSelect: showEvidence});
  });
  document.querySelectorAll("input[name=event-colour]").forEach(function (input) {
    input.addEventListener("change", function () { drawTimeline(input.value); drawMap(input.value); });
  });
  var fit = document.getElementById("map-fit"), world = document.getElementById("map-world");
  if (fit) fit.addEventListener("click", function () { map && map.fit(); });
  if (world) world.addEventListener("click", function () { map && map.showWorld(); });
})();
