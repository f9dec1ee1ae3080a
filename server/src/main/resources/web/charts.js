// Charts for the dashboard, drawn with Chart.js (served from its WebJar by this server; the global
// `Chart`). Kept apart from app.js so that the page still works, without charts, if the library is
// missing. Every chart keeps the numbers the API sent, unrounded: what is drawn is what the vault holds.
"use strict";

/** Colours that keep a 3:1 contrast on both the light and the dark card. */
const CHART_COLOURS = ["#2f7d55", "#3b6fb6", "#b5542f", "#8a58c4", "#a07a12"];

function chartsAvailable() {
  return typeof Chart === "function";
}

function cssColour(name, fallback) {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Replaces the chart on `canvas` (if any) with a new one of `config`. */
function drawChart(canvas, config) {
  const old = Chart.getChart(canvas);
  if (old) {
    old.destroy();
  }
  const text = cssColour("--muted", "#667077");
  const grid = cssColour("--line", "#e2e0d8");
  config.options = merged({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: "index", intersect: false },
    plugins: { legend: { labels: { color: text } } },
    scales: {
      x: { ticks: { color: text, maxTicksLimit: 8, autoSkip: true }, grid: { color: grid } },
      y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
    },
  }, config.options || {});
  return new Chart(canvas, config);
}

/** `base` with `over`'s values put in, nested objects merged rather than replaced. */
function merged(base, over) {
  const out = Object.assign({}, base);
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === "object" && !Array.isArray(v) && base[k] && typeof base[k] === "object"
        ? merged(base[k], v) : v;
  }
  return out;
}

/**
 * One kind's daily series as a bar chart: missing days are gaps (null), imputed days lighter.
 * Returns a sentence summarising it, for the figure's text.
 */
function drawSeries(canvas, series, colour) {
  const labels = series.days.map((d) => d.date);
  const values = series.days.map((d) => (d.value === null || d.value === undefined ? null : d.value));
  const fills = series.days.map((d) => (d.status === "imputed" ? colour + "66" : colour));
  drawChart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label: series.kind, data: values, backgroundColor: fills }] },
    options: { plugins: { legend: { display: false } } },
  });
  const known = values.filter((v) => v !== null);
  if (known.length === 0) {
    return "No " + series.kind + " data in these days.";
  }
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const imputed = series.days.filter((d) => d.status === "imputed").length;
  // Money is kept in each record's own currency: the unit says only "currency".
  const unit = series.unit === "currency" ? "a day" : series.unit;
  return known.length + " of " + values.length + " days known" + (imputed ? " (" + imputed + " filled in by cleaning)" : "")
      + "; mean " + Math.round(mean).toLocaleString() + " " + unit + ".";
}

/** The desires at each hour of the day in one context, as lines of intensity 0..1. */
function drawHours(canvas, grid) {
  const hours = grid.hours.map((_, h) => String(h).padStart(2, "0") + ":00");
  const types = grid.hours.length ? Object.keys(grid.hours[0]) : [];
  drawChart(canvas, {
    type: "line",
    data: {
      labels: hours,
      datasets: types.map((type, i) => ({
        label: type,
        data: grid.hours.map((row) => row[type]),
        borderColor: CHART_COLOURS[i % CHART_COLOURS.length],
        backgroundColor: CHART_COLOURS[i % CHART_COLOURS.length],
        pointRadius: 2,
        tension: 0.25,
      })),
    },
    options: { scales: { y: { min: 0, max: 1 } } },
  });
  return types;
}
