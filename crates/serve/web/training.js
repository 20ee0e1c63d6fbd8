// The Training page: POST /api/train (and stop, resume), progress from the server-sent events
// of GET /api/train/events, the model from GET /api/train/model.
"use strict";

const $ = (id) => document.getElementById(id);
const run = { id: null, losses: [], epochs: [], status: null, settings: null };
const stats = { events: 0, firstEvent: null, lastEvent: null, pointsReceived: 0 };
window.__training = { run, stats };

function settings() {
  const s = {};
  for (const id of ["iters", "batch_size", "hidden", "seed"]) s[id] = Math.round(Number($(id).value));
  s.lr = Number($("lr").value);
  for (const id of ["optimizer", "activation", "grad", "dtype"]) s[id] = $(id).value;
  return Object.assign(s, rules.settings());
}

/** The update-rule controls, built from GET /api/train/defaults. */
let rules = null;
/** A rule chosen: its learning rate as `train` would take it. */
function ruleChosen(rule) {
  $("lr").value = rule.optimizer.lr;
  $("lr-note").textContent = t(rule.optimizer.kind === "sgd" ? "playground.lr-of-the-book" : "playground.lr-of-the-rule");
}

/** The loss smoothed over a window, to see the trend under the mini-batches' noise. */
function smooth(values, window) {
  const out = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window];
    out.push(sum / Math.min(i + 1, window));
  });
  return out;
}

function draw() {
  const window = Math.max(1, run.epochs.length > 1 ? run.epochs[1].iter - run.epochs[0].iter : 50);
  lineChart($("loss"), [
    { values: run.losses, color: "#9fb8d8", label: t("playground.mini-batch-loss"), width: 1 },
    { values: smooth(run.losses, window), color: "#2c6fb7", label: t("playground.mean-over-epoch"), width: 2 },
  ], { xLabel: t("pictures.iteration"), yLabel: t("pictures.loss"), yMin: 0 });
  lineChart($("accuracy"), [
    { values: run.epochs.map((e) => e.train_acc), color: "#2e8b57", label: t("playground.train-accuracy"), dots: true },
    { values: run.epochs.map((e) => e.test_acc), color: "#c8322d", label: t("playground.test-accuracy"), dots: true },
  ], { xLabel: t("pictures.epoch"), yLabel: t("pictures.accuracy"), yMin: 0, yMax: 1 });
  const last = run.epochs[run.epochs.length - 1];
  $("epochs").textContent = last
    ? t("playground.epoch-line", { epoch: last.epoch, iter: last.iter, train: last.train_acc.toFixed(4), test: last.test_acc.toFixed(4) })
    : "";
}

function showStatus(doc) {
  const s = doc.status ? doc.status.state : null;
  run.status = s;
  const total = run.settings ? run.settings.iters : 0;
  const box = $("status");
  box.dataset.kind = { diverged: "diverged", finished: "converged", stopped: "stalled" }[s] || "";
  if (s === "running") box.textContent = t("playground.running", { iter: doc.next_iter, total });
  else if (s === "stopped") box.textContent = t("playground.stopped", { iter: doc.next_iter, total });
  else if (s === "finished") box.textContent = t("playground.finished", { total, train: doc.status.train_acc.toFixed(4), test: doc.status.test_acc.toFixed(4) });
  else if (s === "diverged") box.textContent = doc.status.message; // said by the server in the page's language
  else box.textContent = t("playground.no-run");
  const warnings = (doc.divergences || []).map((d) =>
    t("playground.divergence-warning", { iter: d.iter, loss: d.loss.toFixed(4), mean: d.mean_after.toFixed(4) }));
  $("warnings").textContent = warnings.join(" ");
  $("start").disabled = s === "running";
  $("stop").disabled = s !== "running";
  $("resume").disabled = s !== "stopped";
  $("save").hidden = !(s === "stopped" || s === "finished");
}

function rate(doc) {
  const now = performance.now();
  stats.events += 1;
  if (stats.firstEvent === null) stats.firstEvent = now;
  stats.lastEvent = now;
  const seconds = (stats.lastEvent - stats.firstEvent) / 1000;
  if (seconds > 0 && run.status === "running") {
    $("rate").textContent = t("playground.rate", { losses: (stats.pointsReceived / seconds).toFixed(0), updates: (stats.events / seconds).toFixed(1) });
  }
}

/** The run's events, in the page's language (a diverged run's message), once the words are
 * there. */
function listen() {
  const events = new EventSource(withLang("/api/train/events"));
  events.addEventListener("snapshot", (e) => {
    const doc = JSON.parse(e.data);
    run.id = doc.run;
    run.losses = doc.losses || [];
    run.epochs = doc.epochs || [];
    run.settings = doc.settings || null;
    stats.events = 0; stats.firstEvent = null; stats.pointsReceived = 0;
    showStatus(doc);
    draw();
  });
  events.addEventListener("progress", (e) => {
    const doc = JSON.parse(e.data);
    if (doc.run !== run.id) return;
    run.losses.length = doc.from;
    run.losses.push(...doc.losses);
    run.epochs.push(...doc.epochs);
    stats.pointsReceived += doc.losses.length;
    rate(doc);
    showStatus(doc);
    draw();
  });
}

async function act(path, body) {
  try {
    $("error").textContent = "";
    await api(path, body);
  } catch (e) { $("error").textContent = e.message; }
}
$("start").addEventListener("click", () => act("/api/train", settings()));
$("stop").addEventListener("click", () => act("/api/train/stop", {}));
$("resume").addEventListener("click", () => act("/api/train/resume", {}));

(async function init() {
  try {
    await texts;
    listen();
    const defaults = await api("/api/train/defaults");
    const book = defaults.train;
    for (const id of ["iters", "batch_size", "hidden", "seed", "activation", "grad", "dtype"]) $(id).value = book[id];
    rules = ruleControls(defaults.rules, $("optimizer"), $("rule-settings"), ruleChosen);
    $("optimizer").value = book.optimizer.kind;
    $("optimizer").dispatchEvent(new Event("change"));
    const data = await api("/api/data");
    $("data").textContent = t("playground.training-lead", { source: data.source });
    draw();
    document.body.dataset.ready = "true";
  } catch (e) { $("error").textContent = e.message; }
})();
