// The Training page: POST /api/train (and stop, resume, step), progress from the server-sent events
// of GET /api/train/events, the model from GET /api/train/model.
"use strict";

const $ = (id) => document.getElementById(id);
const run = { id: null, losses: [], epochs: [], status: null, settings: null };
const stats = { events: 0, firstEvent: null, lastEvent: null, pointsReceived: 0 };
/** The run this tab started, kept over a reload (sessionStorage is the tab's own): a run of
 * another tab's is shown with its own settings and said to be another's. `starting` while the
 * request to start is on its way. */
const mine = {
  id: Number(sessionStorage.getItem("scratchnet-run")) || null,
  starting: false,
  /** Is run `id` this tab's? */
  has(id) { return this.starting || id === this.id; },
};
window.__training = { run, stats, mine };

/** The form's fields: ids, as `train`'s flags and the API's keys name them. */
const NUMBER_FIELDS = ["iters", "batch_size", "lr", "hidden", "seed"];
const CHOICE_FIELDS = ["network", "optimizer", "activation", "grad", "dtype", "init", "rng"];
/** Chapter 6's numbers, sent only when given (empty: none). */
const OPTIONAL_FIELDS = ["dropout", "weight_decay"];

/** The settings of the form, every field checked (a FieldError, its reason beside the field,
 * when one is not). */
function settings() {
  const s = {};
  for (const id of NUMBER_FIELDS) s[id] = fieldValue(id);
  if (s.hidden.length === 1) s.hidden = s.hidden[0];
  for (const id of CHOICE_FIELDS) s[id] = $(id).value;
  if (s.network === "") delete s.network; // the hidden units and chapter 6's choices say which
  if (s.init === "") delete s.init;
  else if (s.init !== "he" && s.init !== "xavier") s.init = Number(s.init);
  s.batchnorm = $("batchnorm").checked;
  for (const id of OPTIONAL_FIELDS) { const v = fieldValue(id); if (v !== null) s[id] = v; }
  return Object.assign(s, rules.settings());
}

/** The form as the URL keeps it: every field as typed. */
function formForUrl() {
  const out = {};
  for (const id of [...NUMBER_FIELDS, ...CHOICE_FIELDS, ...OPTIONAL_FIELDS]) out[id] = $(id).value;
  out.batchnorm = $("batchnorm").checked ? "1" : "";
  for (const input of rules.inputs) if (!input.closest("label").hidden) out[input.id] = input.value;
  return out;
}

/** Chapter 6's fields as `config` (a run's settings) says them, as the form writes them. */
function networkFields(config) {
  const m = config.multi_layer;
  if (!m) return { hidden: String(config.hidden), init: config.weight_init_std === 0.01 ? "" : String(config.weight_init_std), batchnorm: false, dropout: "", weight_decay: "" };
  const init = typeof m.weight_init === "string" ? m.weight_init : String(m.weight_init.std);
  return {
    hidden: m.hidden_size_list.join(","), init, batchnorm: m.use_batchnorm,
    dropout: m.dropout_ratio === null || m.dropout_ratio === undefined ? "" : String(m.dropout_ratio),
    weight_decay: m.weight_decay_lambda ? String(m.weight_decay_lambda) : "",
  };
}

/** Chooses `value` in the initial-weights list, adding it when it is a standard deviation the
 * list does not have (a run started with another). */
function chooseInit(value) {
  const select = $("init");
  if (![...select.options].some((o) => o.value === value)) {
    const option = document.createElement("option");
    option.value = value; option.textContent = t("playground.init-option-std", { std: value });
    select.appendChild(option);
  }
  select.value = value;
}

/** Shows `config` (a run's settings, as the server answers them) in the form: the screen says
 * what runs. */
function showSettings(config) {
  $("network").value = config.simple_conv ? "simple-conv" : "";
  for (const id of ["iters", "batch_size", "seed", "activation", "grad", "dtype", "rng"]) $(id).value = config[id];
  const network = networkFields(config);
  $("hidden").value = network.hidden;
  chooseInit(network.init);
  $("batchnorm").checked = network.batchnorm;
  for (const id of OPTIONAL_FIELDS) $(id).value = network[id];
  if (config.multi_layer || config.rng === "numpy") $("chapter-6").open = true;
  rules.choose(config.optimizer.kind);
  ruleChosen({ optimizer: config.optimizer });
  for (const input of rules.inputs) if (input.id in config.optimizer) input.value = config.optimizer[input.id];
  for (const id of NUMBER_FIELDS) { try { fieldValue(id); } catch (_) { /* said beside it */ } }
  toUrl(formForUrl());
  showDiffers();
}

/** Does the form say other settings than the stopped run's? Resume and "One mini-batch" go on
 * with the run's own settings, so the page says so while they differ. */
function formDiffers() {
  if (run.status !== "stopped" || !run.settings) return false;
  const c = run.settings;
  const same = (a, b) => String(a) === String(b) || (a !== "" && Number(a) === Number(b));
  if ($("network").value !== (c.simple_conv ? "simple-conv" : "")) return true;
  if (!["iters", "batch_size", "seed", "activation", "grad", "dtype", "rng"].every((id) => same($(id).value.trim(), c[id]))) return true;
  const network = networkFields(c);
  const hidden = $("hidden").value.split(",").map((h) => h.trim());
  if (hidden.join(",") !== network.hidden && !(hidden.length === network.hidden.split(",").length && hidden.every((h, i) => same(h, network.hidden.split(",")[i])))) return true;
  // the network's default initial weights are whatever the run took
  if ($("init").value !== "" && !same($("init").value, network.init)) return true;
  if ($("batchnorm").checked !== network.batchnorm) return true;
  if (!OPTIONAL_FIELDS.every((id) => same($(id).value.trim(), network[id]))) return true;
  if ($("optimizer").value !== c.optimizer.kind || !same($("lr").value.trim(), c.optimizer.lr)) return true;
  return rules.inputs.some((input) => !input.closest("label").hidden && input.id in c.optimizer && !same(input.value.trim(), c.optimizer[input.id]));
}

/** Shows or hides the note that the form is not the stopped run's. */
function showDiffers() {
  $("differs").hidden = !formDiffers();
}

/** The update-rule controls, built from GET /api/train/defaults. */
let rules = null;
/** GET /api/train/defaults: `train` (train_neuralnet.py's) and `convnet` (train_convnet.py's). */
let defaults = null;

/** A network chosen: the form takes the defaults of the book's script that trains it, as
 * `train --network` does, chapter 6's choices cleared. */
function networkChosen() {
  const book = $("network").value === "simple-conv" ? defaults.convnet : defaults.train;
  for (const id of ["iters", "batch_size", "hidden", "activation", "dtype", "grad"]) $(id).value = book[id];
  chooseInit("");
  $("batchnorm").checked = false;
  for (const id of OPTIONAL_FIELDS) $(id).value = "";
  const rule = defaults.rules.find((r) => r.optimizer.kind === book.optimizer.kind);
  rules.choose(rule.optimizer.kind);
  ruleChosen(rule);
  for (const input of rules.inputs) if (input.id in rule.optimizer) input.value = rule.optimizer[input.id];
  for (const id of [...NUMBER_FIELDS, ...OPTIONAL_FIELDS]) { try { fieldValue(id); } catch (_) { /* said beside it */ } }
}
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

window.addEventListener("resize", () => draw());

function draw() {
  const window = Math.max(1, run.epochs.length > 1 ? run.epochs[1].iter - run.epochs[0].iter : 50);
  lineChart($("loss"), [
    { values: run.losses, color: "#9fb8d8", label: t("playground.mini-batch-loss"), width: 1 },
    { values: smooth(run.losses, window), color: "#2c6fb7", label: t("playground.mean-over-epoch"), width: 2 },
  ], { xLabel: t("pictures.iteration"), yLabel: t("pictures.loss"), yMin: 0, xMax: run.settings ? run.settings.iters - 1 : undefined });
  lineChart($("accuracy"), [
    { values: run.epochs.map((e) => e.train_acc), color: "#2e8b57", label: t("playground.train-accuracy"), dots: true },
    { values: run.epochs.map((e) => e.test_acc), color: "#c8322d", label: t("playground.test-accuracy"), dots: true },
  ], { xLabel: t("pictures.epoch"), yLabel: t("pictures.accuracy"), yMin: 0, yMax: 1 });
  const last = run.epochs[run.epochs.length - 1];
  $("epochs").textContent = last
    ? t("playground.epoch-line", { epoch: last.epoch, iter: last.iter, train: last.train_acc.toFixed(4), test: last.test_acc.toFixed(4), gap: (last.train_acc - last.test_acc).toFixed(4) })
    : "";
}

function showStatus(doc) {
  const s = doc.status ? doc.status.state : null;
  run.status = s;
  // a run of another tab's: said while it runs, and no more once it ends
  $("elsewhere").hidden = !(s === "running" && !mine.has(run.id));
  // the network is said by the server, in the page's language, with the run's whole state
  if (doc.network !== undefined) $("network-line").textContent = t("playground.network-line", { network: doc.network });
  const total = run.settings ? run.settings.iters : 0;
  const box = $("status");
  box.dataset.kind = { diverged: "diverged", finished: "converged", stopped: "stalled" }[s] || "";
  // the iteration under way, counted from 1 as the gradient line counts it
  if (s === "running") box.textContent = t("playground.running", { iter: Math.min(total, doc.next_iter + 1), total });
  else if (s === "stopped") box.textContent = t("playground.stopped", { iter: doc.next_iter, total });
  else if (s === "finished") box.textContent = t("playground.finished", { total, train: doc.status.train_acc.toFixed(4), test: doc.status.test_acc.toFixed(4) });
  else if (s === "diverged") box.textContent = doc.status.message; // said by the server in the page's language
  else box.textContent = t("playground.no-run");
  showGradient(s === "running" ? doc.gradient : null);
  const warnings = (doc.divergences || []).map((d) =>
    t("playground.divergence-warning", { iter: d.iter, loss: d.loss.toFixed(4), mean: d.mean_after.toFixed(4) }));
  $("warnings").textContent = warnings.join(" ");
  $("start").disabled = s === "running";
  $("stop").disabled = s !== "running";
  $("resume").disabled = s !== "stopped";
  $("one-batch").disabled = s === "running" || stepping;
  showDiffers();
  $("save").hidden = !(s === "stopped" || s === "finished");
}

/** The numerical gradient's progress within its iteration (`{iter, done, total, seconds}`),
 * or nothing when none is being computed: a run of the book's numerical gradient takes
 * seconds per iteration, and this shows it is alive. */
function showGradient(g) {
  $("gradient-progress").hidden = !g;
  if (!g) return;
  $("gradient-bar").value = g.total ? g.done / g.total : 0;
  const left = g.done > 0 ? (g.seconds / g.done) * (g.total - g.done) : null;
  setText($("gradient-text"), t("playground.gradient-progress", {
    iter: g.iter + 1, done: g.done, total: g.total, left: left === null ? "?" : left.toFixed(left < 10 ? 1 : 0),
  }));
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
    const before = run.id;
    run.id = doc.run;
    run.losses = doc.losses || [];
    run.epochs = doc.epochs || [];
    const another = doc.run !== before;
    run.settings = doc.settings || null;
    stats.events = 0; stats.firstEvent = null; stats.pointsReceived = 0;
    $("rate").textContent = "";
    // an earlier run's mini-batch is not this run's
    if (another && !mine.starting) $("batch-panel").hidden = true;
    // a run going on shows its settings (after a reload, or another tab's); a run that ended
    // shows them when the page was opened without settings of its own
    if (run.settings && (doc.status.state === "running" || !opened.fromUrl) && !opened.shown) showSettings(run.settings);
    if (run.settings && doc.status.state === "running" && !mine.has(run.id)) showSettings(run.settings);
    opened.shown = true;
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

/** How the page was opened: with settings in its URL or not, and whether a run's settings
 * have been shown in the form. */
const opened = { fromUrl: false, shown: false, ready: false };

async function act(path, body) {
  try {
    $("error").textContent = "";
    const request = typeof body === "function" ? body() : body;
    mine.starting = path === "/api/train";
    const answer = await api(path, request);
    if (path === "/api/train") {
      mine.id = answer.run;
      sessionStorage.setItem("scratchnet-run", String(answer.run));
    }
  } catch (e) {
    if (e instanceof FieldError) setText($("error"), t("playground.fix-fields"));
    // a run of another tab's: shown with its settings (the events bring it), not as an error
    else if (e.status === 409 && path === "/api/train") $("elsewhere").hidden = false;
    else setText($("error"), e.message);
  } finally {
    mine.starting = false;
  }
}
$("start").addEventListener("click", () => act("/api/train", settings));
$("stop").addEventListener("click", () => act("/api/train/stop", {}));
// Resume goes on with the run's own settings: the form shows them
$("resume").addEventListener("click", () => { if (run.settings) showSettings(run.settings); act("/api/train/resume", {}); });

/** One mini-batch at a time: the stopped run goes one iteration on; with no run to go on (none,
 * finished or diverged), a new one of the form's settings is made and takes its first. The
 * batch's images, its loss and how much each parameter changed are shown. */
async function oneBatch() {
  if (stepping) return;
  try {
    $("error").textContent = "";
    const goOn = run.status === "stopped";
    // a stopped run goes on with its own settings: the form shows them
    if (goOn && run.settings) showSettings(run.settings);
    const body = goOn ? {} : settings();
    stepping = true; $("one-batch").disabled = true;
    mine.starting = true;
    const step = await api("/api/train/step", body);
    mine.id = step.run;
    sessionStorage.setItem("scratchnet-run", String(step.run));
    // the run as the step left it, before the event stream says so
    run.id = step.run;
    if (step.snapshot && step.snapshot.status) { run.settings = step.snapshot.settings; showStatus(step.snapshot); }
    showBatch(step);
  } catch (e) {
    if (e instanceof FieldError) setText($("error"), t("playground.fix-fields"));
    else setText($("error"), e.message);
  } finally {
    mine.starting = false;
    stepping = false;
    $("one-batch").disabled = run.status === "running";
  }
}
/** A step on its way: the button waits for its answer. */
let stepping = false;
$("one-batch").addEventListener("click", oneBatch);

/** What one iteration did: its mini-batch (the first images with their labels), its loss, and
 * each parameter's change ‖Δ‖, max |Δ| and ‖Δ‖ / ‖W‖. */
function showBatch(step) {
  $("batch-panel").hidden = false;
  setText($("batch-text"), t("playground.batch-step", { iter: step.iter + 1, n: step.batch.length, shown: step.images.length, loss: fmt(step.loss) }));
  $("batch-images").replaceChildren(...step.images.map((pixels, i) => {
    const figure = document.createElement("figure");
    const c = document.createElement("canvas"); c.width = 42; c.height = 42;
    drawDigit(c, pixels);
    const caption = document.createElement("figcaption"); caption.textContent = String(step.labels[i]);
    figure.append(c, caption);
    return figure;
  }));
  $("changes").replaceChildren(...step.changes.map((c) => {
    const tr = document.createElement("tr");
    // three significant digits: a size to compare, and the table fits a phone
    const short = (x) => (x === null ? "—" : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(2) : String(Number(x.toPrecision(3))));
    for (const cell of [c.name, c.shape.join(" × "), short(c.norm), short(c.max), short(c.relative)]) {
      const td = document.createElement("td"); td.textContent = cell; tr.appendChild(td);
    }
    return tr;
  }));
  window.__training.lastStep = step;
}

(async function init() {
  try {
    await texts;
    defaults = await api("/api/train/defaults");
    const book = defaults.train;
    for (const id of ["iters", "batch_size", "hidden", "seed", "activation", "grad", "dtype"]) $(id).value = book[id];
    rules = ruleControls(defaults.rules, $("optimizer"), $("rule-settings"), (rule) => { ruleChosen(rule); if (opened.ready) toUrl(formForUrl()); });
    $("optimizer").value = book.optimizer.kind;
    $("optimizer").dispatchEvent(new Event("change"));
    field("iters", { integer: true, min: 1, max: 1000000 });
    field("batch_size", { integer: true, min: 1, max: 60000 });
    field("lr", { above: 0 });
    field("hidden", { integer: true, min: 1, max: 100000, list: 100 });
    field("dropout", { min: 0, below: 1, optional: true });
    field("weight_decay", { min: 0, optional: true });
    for (const option of $("init").options) if (Number.isFinite(Number(option.value)) && option.value !== "") option.textContent = t("playground.init-option-std", { std: option.value });
    field("seed", { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    // the URL's settings, over the defaults
    const rule = fromUrl("optimizer");
    if (rule && defaults.rules.some((r) => r.optimizer.kind === rule)) { rules.choose(rule); ruleChosen(defaults.rules.find((r) => r.optimizer.kind === rule)); }
    if (fromUrl("batchnorm") !== null) { opened.fromUrl = true; $("batchnorm").checked = fromUrl("batchnorm") === "1"; }
    for (const id of [...NUMBER_FIELDS, ...OPTIONAL_FIELDS, "network", "activation", "grad", "dtype", "init", "rng", ...rules.inputs.map((i) => i.id)]) {
      const v = fromUrl(id);
      if (v === null) continue;
      opened.fromUrl = true;
      const element = $(id);
      if (element.tagName !== "SELECT" || [...element.options].some((o) => o.value === v)) element.value = v;
    }
    for (const id of NUMBER_FIELDS) { try { fieldValue(id); } catch (_) { /* said beside it */ } }
    for (const id of OPTIONAL_FIELDS) { try { fieldValue(id); } catch (_) { /* said beside it */ } }
    // before the listeners below, so that the URL and the note see the defaults it sets
    $("network").addEventListener("change", networkChosen);
    for (const element of document.querySelectorAll("aside.controls input, aside.controls select")) {
      element.addEventListener("input", () => { toUrl(formForUrl()); showDiffers(); });
      element.addEventListener("change", () => { toUrl(formForUrl()); showDiffers(); });
    }
    // chapter 6's choices are shown when the URL makes any
    if ($("init").value !== "" || $("rng").value === "numpy" || $("batchnorm").checked || OPTIONAL_FIELDS.some((id) => $(id).value.trim() !== "")) $("chapter-6").open = true;
    // the URL says what the form says from now on
    opened.ready = true;
    toUrl(formForUrl());
    listen();
    const data = await api("/api/data");
    setText($("data"), t("playground.training-lead", { source: data.source }));
    draw();
    document.body.dataset.ready = "true";
  } catch (e) { $("error").textContent = e.message; }
})();
