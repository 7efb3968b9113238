// Delivery metrics: draws each figure's chart with Chart.js from its canvas's data-chart attribute (no inline script:
// the CSP forbids it). The figures are also written as text and tables on the page; the charts only repeat them.
(function () {
  "use strict";
  var COLOURS = { bar: "#1f5fa8", failed: "#b3261e", succeeded: "#1e7b34" };

  function draw(canvas) {
    if (window.Chart.getChart(canvas)) { return; }
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var doughnut = spec.type === "doughnut";
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: [{ label: spec.label, data: spec.values,
                     backgroundColor: doughnut ? [COLOURS.failed, COLOURS.succeeded] : COLOURS.bar }]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: doughnut } },
        scales: doughnut ? {} : { y: { beginAtZero: true } }
      }
    });
  }

  // after a boosted navigation the two scripts are inserted again, in no set order: wait for Chart.js
  function render(tries) {
    if (!window.Chart) {
      if (tries > 0) { window.setTimeout(function () { render(tries - 1); }, 100); }
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  render(50);
})();
