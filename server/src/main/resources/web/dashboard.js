// The dashboard's views of the person's data and control: data over time (charts.js draws),
// desires across today, plans on a map, apps with access, the access log, export and forget.
// Plain script after app.js, whose helpers ($, el, api, guarded, query, two, num) it uses.
"use strict";

// ---- Your data over time ----------------------------------------------------------------------

const SERIES_KINDS = ["steps", "sleep", "purchase"];

function loadSeries() {
  return guarded($("data-error"), async () => {
    const days = $("series-days").value;
    const data = await api("GET", "/series" + query({ kinds: SERIES_KINDS.join(","), days }));
    if (!chartsAvailable()) {
      throw new Error("The chart library did not load; the numbers are in the data quality table.");
    }
    (data.series || []).forEach((series, i) => {
      const canvas = $("chart-" + series.kind);
      if (canvas) {
        $("sum-" + series.kind).textContent = drawSeries(canvas, series, CHART_COLOURS[i % CHART_COLOURS.length]);
      }
    });
  });
}

function loadQuality() {
  return guarded($("data-error"), async () => {
    const report = await api("GET", "/quality");
    const rows = (report.kinds || []).map((k) => el("tr", {},
        el("th", { scope: "row" }, String(k.kind)),
        el("td", { class: "num" }, String(k.count)),
        el("td", { class: "num" }, String(k.days_covered)),
        el("td", { class: "num" }, num(k.coverage_percent) + "%"),
        el("td", {}, String(k.first_date || "\u2013")),
        el("td", {}, String(k.last_date || "\u2013")),
        el("td", { class: "num" }, String(k.gaps)),
        el("td", { class: "num" }, String(k.outliers_flagged)),
        el("td", { class: "num" }, String(k.days_imputed))));
    $("quality").querySelector("tbody").replaceChildren(...rows);
  });
}

// ---- Desires across today ----------------------------------------------------------------------

let hourGrids = null;

/** The contexts the hour grid is drawn in: the options of its select, as the API's `context` values. */
function hourContexts() {
  return [...$("hours-context").options].map((o) => o.value);
}

function loadHours() {
  return guarded($("hours-error"), async () => {
    const q = hourContexts().map((c) => "context=" + encodeURIComponent(c)).join("&");
    const data = await api("GET", "/desires/by-hour?" + q);
    hourGrids = data.grids || [];
    drawHourGrid();
  });
}

function drawHourGrid() {
  if (!hourGrids || !chartsAvailable()) {
    return;
  }
  const i = Math.max(0, $("hours-context").selectedIndex);
  const grid = hourGrids[i];
  if (!grid) {
    return;
  }
  const types = drawHours($("chart-hours"), grid);
  const peaks = types.map((t) => {
    const values = grid.hours.map((row) => row[t]);
    const best = values.indexOf(Math.max(...values));
    if (Math.max(...values) - Math.min(...values) < 0.01) {
      return t + " the same all day (" + two(values[0]) + ")";
    }
    return t + " highest at " + String(best).padStart(2, "0") + ":00 (" + two(values[best]) + ")";
  });
  const label = $("hours-context").options[i].textContent;
  $("hours-summary").textContent = "Today, " + label + ": " + peaks.join("; ") + ".";
}

// ---- Apps with access --------------------------------------------------------------------------

function loadApps() {
  return guarded($("apps-error"), async () => {
    const data = await api("GET", "/apps");
    const apps = data.apps || [];
    const items = apps.map((app) => {
      const facts = "scopes " + app.scopes.join(", ") + " \u00b7 granted " + day(app.created)
          + " \u00b7 last used " + (app.last_used ? day(app.last_used) : "never");
      const parts = [el("span", { class: "rule-text" }, String(app.name)), el("span", { class: "muted" }, " " + facts)];
      if (app.revoked) {
        parts.push(el("span", { class: "badge" }, "revoked " + day(app.revoked)));
      } else {
        const revoke = el("button", { type: "button", class: "secondary small", "aria-label": "revoke app " + app.name }, "Revoke");
        revoke.addEventListener("click", () => guarded($("apps-error"), async () => {
          revoke.disabled = true;
          try {
            await api("POST", "/apps/" + encodeURIComponent(app.name) + "/revoke");
          } finally {
            revoke.disabled = false;
          }
          await loadApps();
          loadAccessLog();
        }));
        parts.push(revoke);
      }
      return el("li", { "data-app": String(app.name), class: app.revoked ? "revoked" : "" }, ...parts);
    });
    $("apps").replaceChildren(...items);
    if (items.length === 0) {
      $("apps").append(el("li", { class: "muted" }, "No app has access."));
    }
  });
}

/** An ISO instant as a short local date and time. */
function day(instant) {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? String(instant) : d.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

// ---- Access log --------------------------------------------------------------------------------

const LOG_LIMIT = 50;

function loadAccessLog() {
  return guarded($("log-error"), async () => {
    const data = await api("GET", "/access-log" + query({ limit: LOG_LIMIT }));
    const rows = (data.entries || []).slice().reverse().map((e) => el("tr", { class: e.allowed ? "" : "refused" },
        el("td", {}, day(e.at)),
        el("td", {}, String(e.actor)),
        el("td", {}, e.route ? e.method + " " + e.route : String(e.action)),
        el("td", {}, String(e.scope || "")),
        el("td", { class: "num" }, e.status ? String(e.status) : ""),
        el("td", {}, (e.allowed ? "" : "refused. ") + String(e.detail || ""))));
    $("access-log").querySelector("tbody").replaceChildren(...rows);
  });
}

// ---- Export and forget -------------------------------------------------------------------------

function exportAll() {
  const button = $("export-button");
  guarded($("control-error"), async () => {
    button.disabled = true;
    try {
      const out = await api("POST", "/export");
      const files = Object.keys(out.files || {}).length;
      $("export-result").textContent = "Exported " + files + " files into " + out.dir + ".";
      loadAccessLog();
    } finally {
      button.disabled = false;
    }
  });
}

let forgetPhrase = null;

const count = (n, noun) => n + " " + noun + (n === 1 ? "" : "s");

function openForget() {
  guarded($("control-error"), async () => {
    const preview = await api("GET", "/forget");
    forgetPhrase = String(preview.phrase);
    const holds = preview.holds || {};
    $("forget-home").textContent = String(preview.home);
    $("forget-what").replaceChildren(
        el("li", {}, count(holds.signals, "signal") + " from " + count(holds.sources, "imported source")),
        el("li", {}, count(holds.recommendations, "recommendation") + " and " + count(holds.feedback, "answer") + " to them"),
        el("li", {}, count(holds.rules, "rule") + ", " + count(holds.apps, "app grant") + ", the access log, the models"),
        el("li", {}, "the files " + (preview.erases || []).join(", ")));
    $("forget-kept").textContent = "Kept: your exports in " + preview.kept + " (delete them yourself), and anything"
        + " else in the folder that Autonomy did not create.";
    $("forget-phrase").textContent = forgetPhrase;
    $("forget-confirm").value = "";
    $("forget-error").textContent = "";
    $("forget-dialog").showModal();
    $("forget-confirm").focus();
  });
}

function confirmForget(event) {
  event.preventDefault();
  const typed = $("forget-confirm").value.trim();
  if (typed !== forgetPhrase) {
    $("forget-error").textContent = "Type \u201c" + forgetPhrase + "\u201d exactly to erase, or Cancel.";
    return;
  }
  guarded($("forget-error"), async () => {
    const out = await api("POST", "/forget", { confirm: typed });
    $("forget-dialog").close();
    $("main").replaceChildren(el("section", { class: "card", role: "status" },
        el("h2", {}, "Everything is forgotten"),
        el("p", {}, out.deleted + " files deleted in " + out.home + ". Stop 'autonomy serve' now: it has nothing"
            + " left to serve.")));
  });
}

// ---- Plans -------------------------------------------------------------------------------------

let planMap = null;
let planLayer = null;
/** The coordinates last drawn, as the API sent them: [[lat, lon], ...]. */
let planDrawn = [];

function loadMaps() {
  return guarded($("plans-error"), async () => {
    const data = await api("GET", "/plans/maps");
    const maps = data.maps || [];
    $("plan-form").hidden = maps.length === 0;
    $("plans-meta").textContent = maps.length === 0
        ? "No map loaded: put an OpenStreetMap file (.osm, .osm.gz or .osm.pbf) in your vault's maps folder to plan"
          + " running loops and walking trips here."
        : "Plan on a map from your vault's maps folder. The route is drawn on a plain background: no map tiles are"
          + " fetched from anywhere.";
    const select = $("plan-map-name");
    const chosen = select.value;
    select.replaceChildren(...maps.map((m) => el("option", { value: m, selected: m === chosen }, m)));
  });
}

function plan(event) {
  event.preventDefault();
  const kind = event.submitter && event.submitter.value === "trip" ? "trip" : "run";
  const body = { map: $("plan-map-name").value, start: $("plan-start").value.trim() };
  if (kind === "run") {
    body.km = Number($("plan-km").value);
  } else {
    body.hours = Number($("plan-hours").value);
  }
  const buttons = [$("plan-run"), $("plan-trip")];
  guarded($("plans-error"), async () => {
    buttons.forEach((b) => { b.disabled = true; });
    $("plan-summary").textContent = "Planning\u2026 (the first plan on a map builds its route graph, which takes a while)";
    try {
      const out = await api("POST", "/plans/" + kind, body);
      $("plan-summary").textContent = String(out.name) + ": " + String(out.summary) + " (offered as " + out.id + ").";
      drawPlan(out);
      loadAccessLog();
    } catch (e) {
      $("plan-summary").textContent = "";
      throw e;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}

/** Draws a loop's points or a trip's stops (start, the stops in order, back to start) with Leaflet, no tiles. */
function drawPlan(out) {
  const stops = out.stops || [];
  const line = out.points ? out.points : [out.start, ...stops.map((s) => s.at), out.start];
  planDrawn = line;
  // Arrivals to the minute; a trip's line joins its places in order (the walk itself follows the streets).
  $("plan-stops").replaceChildren(...stops.map((s) => el("li", {},
      String(s.arrival).slice(0, 5) + " " + s.name + (s.why ? " \u2013 " + s.why : ""))));
  $("plan-map").setAttribute("aria-label", out.points
      ? "The running loop, drawn along the streets on a plain background"
      : "The trip's places in order, joined by straight lines from the start and back, on a plain background");
  if (typeof L !== "object") {
    $("plans-error").textContent = "The map library did not load; the stops are listed below.";
    return;
  }
  const box = $("plan-map");
  box.hidden = false;
  if (!planMap) {
    planMap = L.map(box, { attributionControl: true, zoomControl: true, keyboard: true });
    planMap.attributionControl.setPrefix("Leaflet");
    planMap.attributionControl.addAttribution("Map data \u00a9 OpenStreetMap contributors, ODbL");
  }
  if (planLayer) {
    planLayer.remove();
  }
  const accent = cssColour("--accent", "#2f6f4f");
  planLayer = L.featureGroup([
    L.polyline(line, { color: accent, weight: 4 }),
    L.circleMarker(out.start, { radius: 7, color: accent, fillOpacity: 1 }).bindTooltip("start and end"),
    ...stops.map((s, i) => L.circleMarker(s.at, { radius: 6, color: "#b5542f", fillOpacity: 0.9 })
        .bindTooltip((i + 1) + ". " + s.name)),
  ]).addTo(planMap);
  planMap.invalidateSize();
  planMap.fitBounds(planLayer.getBounds(), { padding: [20, 20] });
}

// ---- start -------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("series-days").addEventListener("change", loadSeries);
  $("hours-context").addEventListener("change", drawHourGrid);
  $("plan-form").addEventListener("submit", plan);
  $("export-button").addEventListener("click", exportAll);
  $("forget-button").addEventListener("click", openForget);
  $("forget-form").addEventListener("submit", confirmForget);
  $("forget-cancel").addEventListener("click", () => $("forget-dialog").close());
});
