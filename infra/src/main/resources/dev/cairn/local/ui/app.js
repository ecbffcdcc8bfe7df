// Cairn's web UI: a read-only view over the HTTP API (docs/http-api.md) of the same origin.
// Every value from the API reaches the page as a text node or an attribute set through the DOM,
// never as HTML. The API calls are the three fetch calls below; a test checks their paths
// against the documented route table, so keep each one a literal path.
"use strict";

const LIST_PAGE_SIZE = 50;
const HISTORY_PAGE_SIZE = 1000;
const AUTO_REFRESH_MS = 2000;
const STATUSES = ["RUNNING", "COMPLETED", "FAILED", "CANCELED", "TERMINATED", "CONTINUED_AS_NEW", "TIMED_OUT"];
const LIST_PARAMETERS = new Set(["status", "workflowType", "pageSize", "nextPageToken"]);

// ---- the API ----

async function listRuns(query) {
  return answer(await fetch(`/workflows?${query}`));
}

async function describeRun(id, runId) {
  return answer(await fetch(`/workflows/${encodeURIComponent(id)}?${runQuery(runId)}`));
}

async function historyPage(id, runId, token) {
  const q = runQuery(runId, { pageSize: HISTORY_PAGE_SIZE, nextPageToken: token });
  return answer(await fetch(`/workflows/${encodeURIComponent(id)}/history?${q}`));
}

function runQuery(runId, extra) {
  const q = new URLSearchParams();
  if (runId) q.set("runId", runId);
  for (const [k, v] of Object.entries(extra || {})) if (v != null && v !== "") q.set(k, String(v));
  return q.toString();
}

async function answer(response) {
  let body = null;
  try { body = await response.json(); } catch (e) { /* not JSON: reported below */ }
  if (!response.ok) {
    const what = body && body.error ? `${body.error}: ${body.message}` : response.statusText;
    throw new Error(`${response.status} ${what}`);
  }
  if (body == null) throw new Error(`${response.status}: the answer is not JSON`);
  return body;
}

// ---- building the page (text only, never HTML) ----

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

function json(value) {
  return h("pre", {}, JSON.stringify(value, null, 2));
}

function short(value, max) {
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

function time(iso) {
  return iso ? String(iso).replace("T", " ").replace(/(\.\d{3})\d+/, "$1") : ""; // the store writes nanoseconds
}

function statusBadge(status) {
  return h("span", { class: `status status-${String(status).replace(/[^A-Z_]/g, "")}` }, status);
}

// Links are built from "#/run?" plus encoded parameters, so no API value can become a javascript: URL.
function runHref(workflowId, runId) {
  return "#/run?" + runQuery(runId, { id: workflowId });
}

function runLink(workflowId, runId, text) {
  return h("a", { href: runHref(workflowId, runId), class: "mono" }, text || (runId ? `${workflowId} / ${runId}` : workflowId));
}

function banner(kind, ...text) {
  return h("div", { class: `banner ${kind}` }, ...text);
}

function fields(rows) {
  return h("dl", { class: "fields" }, rows.filter(r => r && r[1] != null && r[1] !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

// A failure and its causes, outermost first, as Temporal shows them.
function failureView(failure) {
  if (!failure) return null;
  const info = [];
  const app = failure.applicationFailureInfo;
  if (app) info.push(`${app.type || "ApplicationFailure"}${app.nonRetryable ? " (non-retryable)" : ""}`);
  const act = failure.activityFailureInfo;
  if (act) info.push(`activity ${act.activityType} #${act.activityId}, retry state ${act.retryState}`);
  if (failure.timeoutFailureInfo) info.push(`timeout ${failure.timeoutFailureInfo.timeoutType}`);
  if (failure.canceledFailureInfo) info.push("canceled");
  if (failure.terminatedFailureInfo) info.push("terminated");
  const child = failure.childWorkflowExecutionFailureInfo;
  const childRun = child && child.workflowExecution;
  return h("div", { class: "failure" },
    h("div", {}, h("strong", {}, failure.message || "(no message)"), info.length ? h("span", { class: "muted" }, "  ", info.join("; ")) : null),
    childRun ? h("div", {}, "child ", runLink(childRun.workflowId, childRun.runId)) : null,
    failure.stackTrace ? h("details", {}, h("summary", { class: "muted" }, "stack trace"), h("pre", {}, failure.stackTrace)) : null,
    app && app.details != null ? h("div", {}, "details ", json(app.details)) : null,
    failureView(failure.cause));
}

// ---- views ----

const main = document.getElementById("main");
let view = 0;            // bumped on every navigation: answers for an older view are dropped
let autoRefresh = null;  // the one pending auto-refresh timer, if any

function route() {
  view++;
  clearTimeout(autoRefresh);
  autoRefresh = null;
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?", 2);
  const params = new URLSearchParams(query || "");
  if (path === "/run" && params.get("id")) showRun(params.get("id"), params.get("runId") || "");
  else showList(params);
}

// -- the list --

let listTokens = [];  // page tokens of the pages before the one shown, for "previous"
let listToken = null; // the shown page's token

function showList(params) {
  listTokens = [];
  listToken = null;
  const status = params.get("status") || "";
  const type = params.get("workflowType") || "";
  const attributes = params.get("attributes") || "";
  const form = h("form", { class: "filters", onsubmit: e => {
      e.preventDefault();
      const q = new URLSearchParams();
      const d = new FormData(e.target);
      for (const k of ["status", "workflowType", "attributes"]) if (d.get(k)) q.set(k, d.get(k).trim());
      const target = "#/?" + q.toString();
      if (location.hash === target) route(); else location.hash = target;
    } },
    h("label", {}, "Status ", h("select", { name: "status" }, h("option", { value: "" }, "any"),
      STATUSES.map(s => h("option", { value: s, selected: s === status }, s)))),
    h("label", {}, "Type ", h("input", { name: "workflowType", value: type, placeholder: "OrderWorkflow", size: 18 })),
    h("label", {}, "Search attributes ", h("input", { name: "attributes", value: attributes, placeholder: "CustomerId=c-42, Region=eu", size: 28 })),
    h("button", { type: "submit" }, "Apply"),
    h("button", { type: "button", onclick: () => { if (query !== undefined) loadList(query, mine); } }, "Refresh"));
  const results = h("div", {}, h("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(h("h1", {}, "Workflow runs"), form, results);
  const mine = view;
  let query;
  try {
    query = listQuery(status, type, attributes);
  } catch (e) {
    results.replaceChildren(banner("error", e.message));
    return;
  }
  loadList(query, mine);

  async function loadList(q, forView) {
    const page = new URLSearchParams(q);
    page.set("pageSize", LIST_PAGE_SIZE);
    if (listToken) page.set("nextPageToken", listToken);
    let body;
    try {
      body = await listRuns(page.toString());
    } catch (e) {
      if (forView === view) results.replaceChildren(banner("error", "Could not list runs: ", e.message));
      return;
    }
    if (forView !== view) return;
    results.replaceChildren(listTable(body.executions || []), h("div", { class: "toolbar" },
      h("button", { disabled: listTokens.length === 0 && !listToken, onclick: () => { listToken = listTokens.pop() || null; loadList(q, forView); } }, "← Previous"),
      h("button", { disabled: !body.nextPageToken, onclick: () => { listTokens.push(listToken); listToken = body.nextPageToken; loadList(q, forView); } }, "Next page →")));
  }
}

// "CustomerId=c-42, Region=eu" becomes equality filters on search attributes.
function listQuery(status, type, attributes) {
  const q = new URLSearchParams();
  if (status) q.set("status", status);
  if (type) q.set("workflowType", type);
  for (const pair of attributes.split(",").map(s => s.trim()).filter(Boolean)) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`"${pair}" is not Name=value`);
    const name = pair.slice(0, at).trim();
    if (LIST_PARAMETERS.has(name)) throw new Error(`"${name}" is a parameter of the list, not a search attribute`);
    q.append(name, pair.slice(at + 1).trim());
  }
  return q.toString();
}

function listTable(executions) {
  if (executions.length === 0) return h("p", { class: "muted" }, "No runs match.");
  return h("table", {},
    h("thead", {}, h("tr", {}, ["Workflow id", "Run id", "Type", "Status", "Started", "Closed", "Events"].map(t => h("th", {}, t)))),
    h("tbody", {}, executions.map(e => h("tr", {},
      h("td", {}, runLink(e.workflowId, e.runId, e.workflowId),
        e.parentExecution ? h("div", { class: "muted" }, "child of ", runLink(e.parentExecution.workflowId, e.parentExecution.runId, e.parentExecution.workflowId)) : null),
      h("td", { class: "mono", title: e.runId }, short(e.runId || "", 13)),
      h("td", {}, e.workflowType),
      h("td", {}, statusBadge(e.status)),
      h("td", { class: "mono" }, time(e.startTime)),
      h("td", { class: "mono" }, time(e.closeTime)),
      h("td", {}, e.historyLength)))));
}

// -- a run --

const openEvents = new Set(); // event ids expanded, kept across refreshes of the same run

function showRun(id, runId) {
  openEvents.clear();
  const mine = view;
  const auto = h("input", { type: "checkbox" });
  const note = h("span", { class: "muted" });
  const body = h("div", {}, h("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(
    h("div", { class: "toolbar" }, h("a", { href: "#/" }, "← All runs"),
      h("button", { onclick: () => load() }, "Refresh"),
      h("label", {}, auto, ` Auto-refresh every ${AUTO_REFRESH_MS / 1000} s while running`), note),
    h("h1", {}, id, runId ? h("span", { class: "muted mono" }, ` / ${runId}`) : null),
    body);
  auto.addEventListener("change", () => { if (auto.checked) load(); else { clearTimeout(autoRefresh); autoRefresh = null; } });
  load();

  async function load() {
    clearTimeout(autoRefresh);
    autoRefresh = null;
    let run, events;
    try {
      run = await describeRun(id, runId);
      events = await allEvents(id, run.runId || runId);
    } catch (e) {
      if (mine === view) body.replaceChildren(banner("error", "Could not load the run: ", e.message));
      return;
    }
    if (mine !== view) return;
    body.replaceChildren(runView(run, events));
    note.textContent = ` loaded ${new Date().toLocaleTimeString()}`;
    const open = run.status === "RUNNING";
    auto.disabled = !open;
    if (!open) auto.checked = false;
    // One timer at a time, set only after the previous load finished: never more than one request chain.
    if (open && auto.checked) autoRefresh = setTimeout(() => { if (mine === view) load(); }, AUTO_REFRESH_MS);
  }
}

// Every page of the history (a page holds up to 1000 events).
async function allEvents(id, runId) {
  const events = [];
  let token = null;
  do {
    const page = await historyPage(id, runId, token);
    events.push(...(page.events || []));
    token = page.nextPageToken || null;
  } while (token);
  return events;
}

function runView(run, events) {
  const started = (events[0] && events[0].eventType === "WorkflowExecutionStarted") ? events[0].attributes || {} : {};
  const parent = run.parentExecution;
  const warnings = [];
  if (run.historyWarning) warnings.push(banner("warn", "History warning: ", typeof run.historyWarning === "string" ? run.historyWarning : JSON.stringify(run.historyWarning)));
  if (run.lastDecisionFailure) warnings.push(banner("warn", h("div", {}, "The run is blocked on a failing decision",
      run.decisionFailures ? ` (${run.decisionFailures} failures)` : "", "; it resumes once fixed code is deployed."),
    typeof run.lastDecisionFailure === "object" ? failureView(run.lastDecisionFailure) : h("pre", {}, String(run.lastDecisionFailure))));
  return h("div", {}, warnings,
    fields([
      ["Status", statusBadge(run.status)],
      ["Workflow type", run.workflowType],
      ["Run id", h("span", { class: "mono" }, run.runId)],
      ["Task queue", run.taskQueue],
      ["Started", h("span", { class: "mono" }, time(run.startTime))],
      ["Execution time", run.executionTime && run.executionTime !== run.startTime ? h("span", { class: "mono" }, time(run.executionTime)) : null],
      ["Closed", run.closeTime ? h("span", { class: "mono" }, time(run.closeTime)) : null],
      ["History length", run.historyLength],
      ["Parent", parent ? runLink(parent.workflowId, parent.runId) : null],
      ["Continued from", started.continuedExecutionRunId ? runLink(run.workflowId, started.continuedExecutionRunId, started.continuedExecutionRunId) : null],
      ["First run", started.firstExecutionRunId && started.firstExecutionRunId !== run.runId ? runLink(run.workflowId, started.firstExecutionRunId, started.firstExecutionRunId) : null],
      ["Next run", run.newExecutionRunId ? runLink(run.workflowId, run.newExecutionRunId, run.newExecutionRunId) : null],
      ["Cron schedule", started.cronSchedule],
      ["Input", run.input !== undefined ? json(run.input) : null],
      ["Result", run.result !== undefined ? json(run.result) : null],
      ["Failure", failureView(run.failure)],
      ["Termination reason", run.terminationReason],
      ["Memo", run.memo && Object.keys(run.memo).length ? json(run.memo) : null],
      ["Search attributes", run.searchAttributes && Object.keys(run.searchAttributes).length ? json(run.searchAttributes) : null],
    ]),
    pendingActivities(run.pendingActivities),
    pendingChildren(run.pendingChildren),
    pendingTimers(run.pendingTimers),
    h("details", {}, h("summary", { class: "muted" }, "Describe answer (raw JSON)"), json(run)),
    h("h2", {}, `History (${events.length} events)`),
    timeline(run.workflowId, events));
}

function pendingActivities(list) {
  if (!list || list.length === 0) return null;
  return [h("h2", {}, "Pending activities"), h("table", {},
    h("thead", {}, h("tr", {}, ["Id", "Type", "Attempt", "Next attempt", "Last failure", "Heartbeat details"].map(t => h("th", {}, t)))),
    h("tbody", {}, list.map(a => h("tr", {},
      h("td", { class: "mono" }, a.activityId),
      h("td", {}, a.activityType, a.cancelRequested ? h("div", { class: "muted" }, "cancel requested") : null),
      h("td", {}, a.attempt),
      h("td", { class: "mono" }, time(a.nextAttemptTime)),
      h("td", {}, failureView(a.lastFailure)),
      h("td", {}, a.heartbeatDetails != null ? json(a.heartbeatDetails) : null)))))];
}

function pendingChildren(list) {
  if (!list || list.length === 0) return null;
  return [h("h2", {}, "Pending child workflows"), h("table", {},
    h("thead", {}, h("tr", {}, ["Workflow id", "Type", "Run id", "Parent close policy"].map(t => h("th", {}, t)))),
    h("tbody", {}, list.map(c => h("tr", {},
      h("td", {}, runLink(c.workflowId, c.runId, c.workflowId)),
      h("td", {}, c.workflowType),
      h("td", { class: "mono" }, c.runId || "not started yet"),
      h("td", {}, c.parentClosePolicy)))))];
}

function pendingTimers(list) {
  if (!list || list.length === 0) return null;
  return [h("h2", {}, "Pending timers"), h("table", {},
    h("thead", {}, h("tr", {}, [h("th", {}, "Timer id"), h("th", {}, "Fires at")])),
    h("tbody", {}, list.map(t => h("tr", {}, h("td", { class: "mono" }, t.timerId), h("td", { class: "mono" }, time(t.fireTime))))))];
}

// -- the history --

const KEY_ATTRIBUTES = ["activityType", "activityId", "timerId", "startToFireTimeout", "signalName", "name", "updateId",
  "workflowType", "markerName", "attempt", "scheduledEventId", "startedEventId", "retryState", "reason", "cause", "initiator"];

function timeline(workflowId, events) {
  if (events.length === 0) return h("p", { class: "muted" }, "No events.");
  const origin = Date.parse(events[0].timestamp);
  return h("div", { class: "timeline" },
    h("div", { class: "row head" }, ["Id", "Time (UTC)", "Since start", "Event", "Key attributes"].map(t => h("span", {}, t))),
    events.map(e => {
      const at = Date.parse(e.timestamp);
      const kind = /Failed|TimedOut|Terminated/.test(e.eventType) ? "ev-failed" : /Completed$/.test(e.eventType) ? "ev-completed" : "";
      const row = h("details", { open: openEvents.has(e.eventId) },
        h("summary", {},
          h("span", { class: "mono" }, e.eventId),
          h("span", { class: "mono" }, time(e.timestamp)),
          h("span", { class: "mono muted" }, isNaN(at - origin) ? "" : `+${((at - origin) / 1000).toFixed(3)} s`),
          h("span", { class: `type ${kind}` }, e.eventType),
          h("span", { class: "attrs" }, keyAttributes(e.attributes || {}))),
        eventLinks(workflowId, e.attributes || {}),
        json(e));
      row.addEventListener("toggle", () => { if (row.open) openEvents.add(e.eventId); else openEvents.delete(e.eventId); });
      return row;
    }));
}

function keyAttributes(a) {
  const parts = KEY_ATTRIBUTES.filter(k => a[k] != null && a[k] !== "" && a[k] !== 0).map(k => `${k}=${short(a[k], 60)}`);
  if (a.workflowId) parts.push(`workflowId=${short(a.workflowId, 60)}`);
  if (a.failure) parts.push(`failure: ${short(a.failure.message || "", 100)}`);
  if (a.result !== undefined) parts.push(`result=${short(a.result, 80)}`);
  else if (a.input !== undefined) parts.push(`input=${short(a.input, 80)}`);
  return parts.join("  ");
}

// Runs an event points at: children, the parent, the run continued from or into.
function eventLinks(workflowId, a) {
  const links = [];
  if (a.newExecutionRunId) links.push(["next run ", runLink(workflowId, a.newExecutionRunId, a.newExecutionRunId)]);
  if (a.continuedExecutionRunId) links.push(["continued from ", runLink(workflowId, a.continuedExecutionRunId, a.continuedExecutionRunId)]);
  if (a.workflowId) links.push(["workflow ", runLink(a.workflowId, a.runId || a.workflowExecution && a.workflowExecution.runId)]);
  if (a.workflowExecution && a.workflowExecution.workflowId && !a.workflowId) links.push(["workflow ", runLink(a.workflowExecution.workflowId, a.workflowExecution.runId)]);
  if (a.parentWorkflowId) links.push(["parent ", runLink(a.parentWorkflowId, a.parentRunId)]);
  return links.length ? h("div", { class: "toolbar" }, links.map(l => h("span", {}, l))) : null;
}

window.addEventListener("hashchange", route);
route();
