// Autonomy in the browser: a thin client of the local API that `autonomy serve` runs. This file
// holds the calls, the token, asking, desires now, suggestions, rules and the audit; dashboard.js
// the data over time, plans, apps, the access log, export and forget; charts.js the charts.
// No dependencies, no build step. The token lives in sessionStorage (this tab only) and is sent as
// `Authorization: Bearer` on every call. Everything from the server goes into the page as text
// (textContent / text nodes), never as HTML.
"use strict";

const TOKEN_KEY = "autonomy.token";
const LIMIT = 5;
const AUDIT_DAYS = 28;

const $ = (id) => document.getElementById(id);

/** A wrong or missing token: the page asks for it again. */
class Unauthorised extends Error {}

/** Any other failed call; `message` is the server's own problem `detail` text when it sent one. */
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---- the API ----------------------------------------------------------------------------------

async function api(method, path, body) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    throw new Unauthorised("no token yet");
  }
  const init = {
    method,
    headers: { "Authorization": "Bearer " + token, "Accept": "application/json" },
    cache: "no-store",
    credentials: "omit",
    referrerPolicy: "no-referrer",
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, "Cannot reach the Autonomy server. Is 'autonomy serve' still running?");
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  const message = data && typeof data.detail === "string" ? data.detail : null;
  if (response.status === 401) {
    throw new Unauthorised(message || "wrong token");
  }
  if (!response.ok) {
    throw new ApiError(response.status, message || "The server answered HTTP " + response.status + ".");
  }
  return data;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

/** Runs `fn`, showing a failure in `errorEl`; a token problem sends the person back to the token form. */
async function guarded(errorEl, fn) {
  if (errorEl) {
    errorEl.textContent = "";
  }
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Unauthorised) {
      askForToken(true);
    } else if (errorEl) {
      errorEl.textContent = e.message;
    } else {
      console.error(e);
    }
    return undefined;
  }
}

// ---- small DOM helpers (text only) -------------------------------------------------------------

/** `el("p", {class: "x"}, "text", child)`: children are nodes or strings (added as text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === "class") {
      node.className = v;
    } else {
      node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child);   // strings become text nodes
    }
  }
  return node;
}

function num(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    return "\u2013";
  }
  if (x === 0) {
    return "0";
  }
  return String(Number(x.toPrecision(Math.abs(x) >= 100 ? 4 : 3)));
}

const two = (x) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(2) : "\u2013");
const pct = (x) => (typeof x === "number" && Number.isFinite(x) ? Math.round(x * 100) + "%" : "\u2013");
const clamp01 = (x) => (typeof x === "number" && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** A labelled horizontal bar for a value in 0..1. */
function bar(kind, label, value) {
  const fill = el("span", { class: "fill" });
  fill.style.width = (clamp01(value) * 100).toFixed(1) + "%";   // CSSOM, allowed by the CSP
  return el("span", {
    class: "bar " + kind, role: "meter", "aria-label": label,
    "aria-valuemin": 0, "aria-valuemax": 1, "aria-valuenow": clamp01(value).toFixed(2),
  }, fill);
}

// ---- token -------------------------------------------------------------------------------------

let asking = false;

function askForToken(rejected) {
  sessionStorage.removeItem(TOKEN_KEY);
  $("main").hidden = true;
  $("forget").hidden = true;
  $("login").hidden = false;
  $("login-message").textContent = rejected
      ? "That token was not accepted. 'autonomy serve' prints a new token each time it starts "
        + "(unless started with --token-file): paste the one it printed most recently."
      : "";
  if (!asking) {
    asking = true;
    $("token-input").value = "";
  }
  $("token-input").focus();
}

async function useToken(event) {
  event.preventDefault();
  let token = $("token-input").value.trim();
  if (/^bearer\s+/i.test(token)) {
    token = token.replace(/^bearer\s+/i, "");
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    $("login-message").textContent = "A token is one word of letters and digits, as 'autonomy serve' printed it.";
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  try {
    await api("GET", "/rules");   // cheap check before showing anything
  } catch (e) {
    if (e instanceof Unauthorised) {
      askForToken(true);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
      $("login-message").textContent = e.message;
    }
    return;
  }
  asking = false;
  $("token-input").value = "";
  showMain();
}

function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  askForToken(false);
}

function showMain() {
  $("login").hidden = true;
  $("main").hidden = false;
  $("forget").hidden = false;
  refreshAll();
}

function refreshAll() {
  loadSeries();
  loadQuality();
  loadDesires();
  loadHours();
  loadRecommendations();
  loadMaps();
  loadRules();
  loadApps();
  loadAccessLog();
  loadAudit();
}

// ---- Ask ---------------------------------------------------------------------------------------

const ASK_LIMIT = 3;

/** Sends the person's own words to /ask (with the context stated under Now) and shows what was understood. */
function ask(event) {
  event.preventDefault();
  const input = $("ask-input");
  const text = input.value.trim();
  if (!text) {
    return;
  }
  const button = $("ask-form").querySelector("button");
  guarded($("ask-error"), async () => {
    button.disabled = true;
    try {
      const data = await api("GET", "/ask" + query({ text, context: contextParam(), limit: ASK_LIMIT }));
      const understood = data.understood || {};
      const recs = data.recommendations || [];
      $("ask-understood").textContent = "Understood: you want to " + String(understood.desire)
          + " (confidence " + two(understood.confidence) + ")"
          + (recs.length === 0 ? ". Nothing fits right now." : ".");
      $("ask-recs").replaceChildren(...recs.map(recommendationItem));
    } finally {
      button.disabled = false;
    }
  });
}

// ---- Now ---------------------------------------------------------------------------------------

/** The stated context as the API's `context` parameter, e.g. `place=outdoor,free_minutes=40`. */
function contextParam() {
  const parts = [];
  const place = $("ctx-place").value;
  const minutes = $("ctx-minutes").value.trim();
  const weather = $("ctx-weather").value;
  if (place) {
    parts.push("place=" + place);
  }
  if (minutes) {
    parts.push("free_minutes=" + minutes);
  }
  if (weather) {
    parts.push("weather=" + weather);
  }
  return parts.join(",");
}

function loadDesires() {
  return guarded($("now-error"), async () => {
    const data = await api("GET", "/desires" + query({ context: contextParam() }));
    const rows = (data.desires || []).map((d) => el("div", { class: "desire" },
        el("span", { class: "desire-name" }, String(d.type)),
        el("span", { class: "bars" },
            bar("intensity", d.type + " intensity", d.intensity),
            bar("confidence", d.type + " confidence", d.confidence)),
        el("span", { class: "desire-numbers" },
            el("span", { class: "value" }, "intensity " + two(d.intensity)),
            el("span", { class: "muted" }, "confidence " + pct(d.confidence)))));
    $("desires").replaceChildren(...rows);
    if (rows.length === 0) {
      $("desires").append(el("p", { class: "muted" }, "No desires yet: import some data first."));
    }
  });
}

// ---- Suggestions -------------------------------------------------------------------------------

function loadRecommendations() {
  return guarded($("recs-error"), async () => {
    const data = await api("GET", "/recommend" + query({ context: contextParam(), limit: LIMIT }));
    const recs = data.recommendations || [];
    $("recs-meta").textContent = recs.length === 0
        ? "Nothing fits right now (" + data.considered + " options considered, " + data.eligible + " allowed by your rules and context)."
        : recs.length + " of " + data.eligible + " options that fit (" + data.considered + " considered).";
    $("recs").replaceChildren(...recs.map((r) => recommendationItem(Object.assign({ listed: true }, r))));
  });
}

/** Decide myself: the options laid side by side (GET /choose), no score and no pick; the audit counts each use. */
function toggleChoose() {
  const box = $("choose");
  const button = $("choose-button");
  if (!box.hidden) {
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
    return Promise.resolve();
  }
  return guarded($("choose-error"), async () => {
    const data = await api("GET", "/choose" + query({ context: contextParam() }));
    const desires = data.desires || {};
    $("choose-meta").textContent = data.options.length + " of " + data.considered + " options within your rules, "
        + data.order + ".";
    $("choose-rows").replaceChildren(...data.options.map((o) => {
      const notes = (o.notes || []).concat(Object.values(o.over || {}).map((v) => "over: " + v));
      return el("tr", {},
          el("td", {}, o.desire + (desires[o.desire] != null ? " (now " + num(desires[o.desire]) + ")" : "")),
          el("td", {}, o.name),
          el("td", {}, o.place),
          el("td", {}, String(o.minutes)),
          el("td", {}, num(o.effort)),
          el("td", {}, num(o.cost)),
          el("td", {}, notes.join("; ")));
    }));
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
  });
}

function recommendationItem(r) {
  const option = r.option || {};
  const explanation = r.explanation || {};
  const facts = [option.place, option.minutes != null ? option.minutes + " min" : null,
    option.desire ? "for " + option.desire : null].filter(Boolean).join(" \u00b7 ");

  const rating = el("select", { "aria-label": "rating for " + option.name },
      ...[1, 2, 3, 4, 5].map((n) => el("option", { value: n, selected: n === 4 }, n + " / 5")));
  rating.value = "4";
  const done = el("button", { type: "button", class: "done", "aria-label": "done: " + option.name }, "Done");
  const skip = el("button", { type: "button", class: "secondary skip", "aria-label": "skip: " + option.name }, "Skip");
  const whyButton = el("button", { type: "button", class: "quiet", "aria-expanded": "false" }, "Why?");
  const whyBox = el("div", { class: "why" });
  whyBox.hidden = true;
  const result = el("p", { class: "result", role: "status" });
  const error = el("p", { class: "error", role: "alert" });

  const send = (body) => guarded(error, async () => {
    for (const b of [done, skip, rating]) {
      b.disabled = true;
    }
    try {
      const out = await api("POST", "/feedback/" + encodeURIComponent(r.id), body);
      const said = (out.outcome === "done"
          ? "Noted: " + String(option.name) + " done" + (out.rating ? ", rated " + out.rating + "/5" : "")
          : "Noted: " + String(option.name) + " skipped")
          + ". Your preference for it is now " + two(out.preference_now) + ".";
      result.textContent = said;
      // The list is asked for again, so what was learned shows at once; the note stays above it.
      if (r.listed) {
        $("recs-status").textContent = said + " The list below is the next one.";
        loadRecommendations();
      }
      loadAudit();
      loadAccessLog();
    } catch (e) {
      for (const b of [done, skip, rating]) {
        b.disabled = false;
      }
      throw e;
    }
  });
  done.addEventListener("click", () => send({ outcome: "done", rating: Number(rating.value) }));
  skip.addEventListener("click", () => send({ outcome: "skipped" }));
  whyButton.addEventListener("click", () => toggleWhy(r.id, whyButton, whyBox, error));

  return el("li", { class: "rec", "data-option": String(option.id || ""), "data-id": String(r.id), "data-score": String(r.score) },
      el("div", { class: "rec-head" },
          el("span", { class: "rec-name" }, String(option.name || option.id || r.id)),
          explanation.exploration === true
              ? el("span", { class: "badge", title: "picked at random now and then so you can discover something new" }, "exploring")
              : null,
          el("span", { class: "rec-numbers" },
              el("span", {}, "score " + two(r.score)),
              el("span", { class: "muted" }, "confidence " + pct(r.confidence)))),
      facts ? el("p", { class: "facts muted" }, facts) : null,
      el("p", { class: "summary" }, String(explanation.summary || "")),
      el("div", { class: "actions" },
          el("label", { class: "rating" }, "Rating ", rating), done, skip, whyButton),
      result, error, whyBox);
}

async function toggleWhy(id, button, box, errorEl) {
  if (!box.hidden) {
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
    return;
  }
  await guarded(errorEl, async () => {
    const why = await api("GET", "/why/" + encodeURIComponent(id));
    box.replaceChildren(...whyView(why));
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
  });
}

function whyView(why) {
  const explanation = why.explanation || {};
  const contributions = explanation.contributions || [];
  const table = el("table", { class: "contributions" },
      el("thead", {}, el("tr", {},
          el("th", { scope: "col" }, "input"),
          el("th", { scope: "col", class: "num" }, "value \u00d7 weight = effect"),
          el("th", { scope: "col" }, "meaning"))),
      el("tbody", {}, ...contributions.map((c) => {
        const effect = typeof c.value === "number" && typeof c.weight === "number" ? c.value * c.weight : NaN;
        return el("tr", {},
            el("td", {}, el("code", {}, String(c.input))),
            el("td", { class: "num" }, num(c.value) + " \u00d7 " + num(c.weight) + " = ",
                el("strong", {}, num(effect))),
            el("td", {}, String(c.meaning || "")));
      })));

  const rules = explanation.rules || [];
  const rulesList = rules.length === 0
      ? el("p", { class: "muted" }, "No rules applied.")
      : el("ul", { class: "applied" }, ...rules.map((rule) => el("li", {},
          el("q", {}, String(rule.ruleText)), " (" + rule.ruleId + ")",
          rule.removed && rule.removed.length
              ? " removed " + rule.removed.join(", ")
              : " removed nothing here")));

  const parts = [el("h3", {}, "What counted"), table, el("h3", {}, "Rules applied"), rulesList];
  const since = typeof why.feedback_count === "number" ? why.feedback_count : null;
  if (since !== null) {
    parts.push(el("p", { class: "muted" }, "Feedback on this option so far: " + since
        + "; your preference for it now: " + two(why.preference_now) + "."));
  }
  return parts;
}

// ---- Your rules --------------------------------------------------------------------------------

function loadRules() {
  return guarded($("rules-error"), async () => {
    const data = await api("GET", "/rules");
    const rules = data.rules || [];
    const items = rules.map((rule) => {
      const remove = el("button", { type: "button", class: "secondary small", "aria-label": "remove rule " + rule.text }, "Remove");
      remove.addEventListener("click", () => guarded($("rules-error"), async () => {
        remove.disabled = true;
        try {
          await api("DELETE", "/rules/" + encodeURIComponent(rule.id));
        } finally {
          remove.disabled = false;
        }
        await loadRules();
        loadRecommendations();
        loadAccessLog();
      }));
      return el("li", {}, el("span", { class: "rule-text" }, String(rule.text)),
          el("span", { class: "muted" }, " " + rule.id), remove);
    });
    $("rules").replaceChildren(...items);
    if (items.length === 0) {
      $("rules").append(el("li", { class: "muted" }, "No rules yet. Rules are never broken: try \u201cnever swim\u201d."));
    }
  });
}

function addRule(event) {
  event.preventDefault();
  const input = $("rule-input");
  const text = input.value.trim();
  if (!text) {
    return;
  }
  // The server's 400 message (why it cannot understand a rule) is shown as it is.
  guarded($("rules-error"), async () => {
    await api("POST", "/rules", { text });
    input.value = "";
    await loadRules();
    loadRecommendations();
    loadAccessLog();
  });
}

// ---- Audit -------------------------------------------------------------------------------------

function loadAudit() {
  return guarded($("audit-error"), async () => {
    const audit = await api("GET", "/audit" + query({ days: AUDIT_DAYS }));
    $("audit-summary").textContent = String(audit.summary || "");
    const dependence = audit.findings && audit.findings.dependence;
    const verdict = $("audit-verdict");
    verdict.textContent = dependence && dependence.verdict ? String(dependence.verdict) : "No dependence verdict yet.";
    verdict.classList.toggle("alert", Boolean(dependence && dependence.alert));
  });
}

// ---- start -------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("token-form").addEventListener("submit", useToken);
  $("forget").addEventListener("click", forgetToken);
  $("context-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadDesires();
    loadRecommendations();
  });
  $("rule-form").addEventListener("submit", addRule);
  $("choose-button").addEventListener("click", toggleChoose);
  $("ask-form").addEventListener("submit", ask);
  if (sessionStorage.getItem(TOKEN_KEY)) {
    showMain();
  } else {
    askForToken(false);
  }
});
