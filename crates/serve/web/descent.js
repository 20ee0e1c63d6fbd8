// The Descent page: a contour map from GET /api/landscape, runs from POST /api/descend.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  landscapes: {},   // name → {formula, dim, view, start, minimum}
  grid: null,       // the current function's grid
  background: null, // the contour map drawn once per function
  run: null,        // the live run's document
  pins: [],         // the pins of the function shown: [{label, color, run, subject}]
  allPins: [],      // every function's pins: a function's come back when it is shown again
  at: null,         // the step shown by the step-by-step controls, null when the whole run is
  playing: null,    // the timer of Play
  frames: [],       // milliseconds to draw one step shown (playing, stepping or sliding)
  inFlight: false,
  pending: false,
  roundTrips: [],   // milliseconds, request sent → path drawn
  loads: 0,         // the map asked for last: an older answer is not drawn
  loading: false,   // a map on its way
  generation: 0,    // a preset's number: a run asked for before it is not drawn after it
};
window.__descent = state;

const MAP = $("map");
const SIZE = 200;

/** The function shown, as the map and the pins know it: a built-in name, or the formula and
 * its range. */
function subject() {
  const f = $("function").value;
  return f === "formula" ? `formula:${state.formula}:${state.range}` : f;
}

/** The map's view, `[[lo, hi], [lo, hi]]`: the function's, or [−5, 5]² for a formula not drawn yet. */
function view() { const l = state.landscapes[$("function").value]; return l ? l.view : [[-5, 5], [-5, 5]]; }
/** The function's number of variables: 2 for a formula not drawn yet. */
function dim() { const l = state.landscapes[$("function").value]; return l ? l.dim : 2; }

/** Map coordinates ↔ canvas pixels. For function_1, y is f(x) over the curve's range. */
function toPixel(x, y) {
  const v = view();
  const [x0, x1] = v[0];
  const [y0, y1] = dim() === 2 ? v[1] : state.grid.yRange;
  return [(x - x0) / (x1 - x0) * MAP.width, MAP.height - (y - y0) / (y1 - y0) * MAP.height];
}
function toPoint(px, py) {
  const v = view();
  const [x0, x1] = v[0];
  const [y0, y1] = dim() === 2 ? v[1] : state.grid.yRange;
  return [x0 + px / MAP.width * (x1 - x0), y0 + (MAP.height - py) / MAP.height * (y1 - y0)];
}

/** A colour for t in [0, 1], interpolated between a few light tones. */
const RAMP = [[120, 170, 214], [164, 205, 226], [205, 230, 215], [236, 238, 196], [246, 224, 168], [243, 196, 140]];
function ramp(t) {
  const x = t * (RAMP.length - 1), i = Math.min(RAMP.length - 2, Math.floor(x)), f = x - i;
  return RAMP[i].map((c, k) => c + (RAMP[i + 1][k] - c) * f);
}

/** Filled contour bands, edges darkened (the contour lines), drawn once per function. */
function drawBackground() {
  const g = state.grid;
  const off = document.createElement("canvas");
  off.width = MAP.width; off.height = MAP.height;
  const ctx = off.getContext("2d");
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, off.width, off.height);
  if (dim() === 1) {
    const lo = Math.min(...g.z), hi = Math.max(...g.z), pad = (hi - lo) * 0.08 || 1;
    g.yRange = [lo - pad, hi + pad];
    ctx.strokeStyle = "#1d2330"; ctx.lineWidth = 2; ctx.beginPath();
    g.x.forEach((x, i) => { const [px, py] = toPixel(x, g.z[i]); if (i) ctx.lineTo(px, py); else ctx.moveTo(px, py); });
    ctx.stroke();
  } else {
    // the server's grid as levels, interpolated to every pixel (for drawing only): log(f − min f)
    // for a function with a minimum, to show the bottom's detail; f itself for the saddle
    // (null: f is not a number there, such as log of a negative)
    const n = g.x.length, flat = g.z.flat().filter((v) => v !== null && Number.isFinite(v));
    const lo = Math.min(...flat);
    const logScale = g.minimum !== null;
    const level = g.z.map((row) => row.map((v) => (v === null || !Number.isFinite(v) ? NaN
      : logScale ? Math.log10(v - lo + 1e-3) : v)));
    const finite = level.flat().filter(Number.isFinite);
    const lvLo = Math.min(...finite), lvHi = Math.max(...finite);
    const bands = 14;
    const W = off.width, H = off.height;
    const bandAt = new Int16Array(W * H);
    for (let py = 0; py < H; py++) {
      const gi = (H - 1 - py) / (H - 1) * (n - 1), i = Math.min(n - 2, Math.floor(gi)), fi = gi - i;
      for (let px = 0; px < W; px++) {
        const gj = px / (W - 1) * (n - 1), j = Math.min(n - 2, Math.floor(gj)), fj = gj - j;
        const v = (level[i][j] * (1 - fj) + level[i][j + 1] * fj) * (1 - fi)
          + (level[i + 1][j] * (1 - fj) + level[i + 1][j + 1] * fj) * fi;
        bandAt[py * W + px] = Number.isFinite(v) ? Math.min(bands - 1, Math.floor((v - lvLo) / (lvHi - lvLo + 1e-12) * bands)) : -1;
      }
    }
    const image = ctx.createImageData(W, H);
    for (let k = 0; k < W * H; k++) {
      const b = bandAt[k];
      const edge = (k % W < W - 1 && bandAt[k + 1] !== b) || (k + W < W * H && bandAt[k + W] !== b);
      // low values blue, high ones sand; band edges darker: the contour lines
      let [r, gg, bl] = b < 0 ? [215, 215, 215] : ramp(b / (bands - 1));
      if (edge) { r *= 0.62; gg *= 0.62; bl *= 0.62; }
      image.data[4 * k] = r; image.data[4 * k + 1] = gg; image.data[4 * k + 2] = bl; image.data[4 * k + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    // axes through the origin, when in view
    ctx.strokeStyle = "rgba(29,35,48,0.35)"; ctx.lineWidth = 1;
    const [ox, oy] = toPixel(0, 0);
    ctx.beginPath(); ctx.moveTo(ox, 0); ctx.lineTo(ox, off.height); ctx.moveTo(0, oy); ctx.lineTo(off.width, oy); ctx.stroke();
  }
  // the known minimum (none while the chosen function's description is on its way, as view()
  // and dim() read it)
  const shown = state.landscapes[$("function").value];
  const m = shown ? shown.minimum : null;
  if (m) {
    const [px, py] = toPixel(m.at[0], dim() === 2 ? m.at[1] : m.value);
    ctx.strokeStyle = "#2e8b57"; ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(px - 7, py - 7); ctx.lineTo(px + 7, py + 7); ctx.moveTo(px + 7, py - 7); ctx.lineTo(px - 7, py + 7); ctx.stroke();
  }
  // tick labels of the view
  // 12 CSS pixels however small the map is shown (a phone shows it at two thirds)
  const scale = MAP.width / (MAP.clientWidth || MAP.width);
  ctx.fillStyle = "#1d2330"; ctx.font = `${Math.round(12 * scale)}px system-ui, "scratchnet-korean", sans-serif`;
  const v = view();
  ctx.fillText(`x0 ∈ [${v[0][0]}, ${v[0][1]}]` + (dim() === 2 ? `, x1 ∈ [${v[1][0]}, ${v[1][1]}]` : `, ${t("playground.map-f-up")}`), 8, off.height - 8);
  state.background = off;
}

/** A run's points on the map: x1 on the vertical axis, or f(x) for function_1. */
function pathPoints(run) {
  return run.history.map((p, k) => (dim() === 2 ? p : [p[0], run.values[k]]));
}

function drawPath(run, color, width) {
  const ctx = MAP.getContext("2d");
  const points = pathPoints(run).filter((p) => p.every((v) => v !== null && Number.isFinite(v)));
  ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = width;
  ctx.beginPath();
  points.forEach((p, i) => { const [px, py] = toPixel(p[0], p[1]); if (i) ctx.lineTo(px, py); else ctx.moveTo(px, py); });
  ctx.stroke();
  const every = Math.max(1, Math.floor(points.length / 60));
  points.forEach((p, i) => {
    if (i % every && i !== points.length - 1) return;
    const [px, py] = toPixel(p[0], p[1]);
    ctx.beginPath(); ctx.arc(px, py, i === 0 ? 6 : 3, 0, 2 * Math.PI); ctx.fill();
  });
}

/** An arrow from (x, y) to (x2, y2) in canvas pixels. */
function arrow(ctx, x, y, x2, y2) {
  const angle = Math.atan2(y2 - y, x2 - x), head = 9;
  ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x2, y2); ctx.stroke();
  ctx.beginPath(); ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
  ctx.closePath(); ctx.fill();
}

/** The step shown by the step-by-step controls: the point there, large, and the update to
 * the next point as an arrow (for SGD, exactly −η∇f). */
function drawStep(run, k) {
  const ctx = MAP.getContext("2d");
  const points = pathPoints(run);
  const here = points[k];
  if (!here || !here.every(Number.isFinite)) return;
  const [px, py] = toPixel(here[0], here[1]);
  const next = points[k + 1];
  if (next && next.every(Number.isFinite)) {
    const [nx, ny] = toPixel(next[0], next[1]);
    ctx.strokeStyle = "#1d2330"; ctx.fillStyle = "#1d2330"; ctx.lineWidth = 2.5;
    if (Math.hypot(nx - px, ny - py) > 2) arrow(ctx, px, py, nx, ny);
  }
  ctx.fillStyle = "#c8322d"; ctx.strokeStyle = "#fff"; ctx.lineWidth = 2;
  ctx.beginPath(); ctx.arc(px, py, 8, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
}

function redraw() {
  const ctx = MAP.getContext("2d");
  if (state.background) ctx.drawImage(state.background, 0, 0);
  else { ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, MAP.width, MAP.height); }
  state.pins.forEach((pin) => drawPath(pin.run, pin.color, 2));
  const run = state.run;
  if (run && state.at === null) drawPath(run, "#c8322d", 2.5);
  if (run && state.at !== null) {
    drawPath(run, "rgba(200, 50, 45, 0.3)", 1.5);
    drawPath(walked(run, state.at), "#c8322d", 2.5);
    drawStep(run, state.at);
  }
  const series = state.pins.map((pin) => ({ values: pin.run.values, color: pin.color, label: pin.label }));
  if (run) series.push({ values: run.values, color: "#c8322d", label: t("playground.live"), width: 2.5 });
  const positive = series.every((s) => s.values.every((v) => !Number.isFinite(v) || v > 0));
  lineChart($("values"), series, {
    log: positive, xLabel: t("pictures.step"), yLabel: positive ? t("playground.f-log-scale") : "f(x)",
    mark: run && state.at !== null ? state.at : undefined,
  });
  showStep();
}

/** The run as far as step `k`: its first k + 1 points. */
function walked(run, k) {
  return { ...run, history: run.history.slice(0, k + 1), values: run.values.slice(0, k + 1) };
}

/** The request for the controls as they are, every field checked (a FieldError, its reason
 * beside the field, when one is not). */
function request(extra = {}) {
  const f = $("function").value;
  const body = {
    ...(f === "formula" ? { formula: $("formula-text").value } : { function: f }),
    init: dim() === 2 ? [fieldValue("x0"), fieldValue("x1")] : [fieldValue("x0")],
    lr: fieldValue("lr"),
    steps: fieldValue("steps"),
    optimizer: $("optimizer").value,
    ...state.rule.settings(),
    gradient: $("gradient").value,
  };
  if (body.gradient === "numerical") body.h = fieldValue("h");
  return Object.assign(body, extra);
}

/** The page's settings, for its URL. */
function settingsForUrl() {
  const f = $("function").value;
  const out = {
    function: f,
    formula: f === "formula" ? $("formula-text").value : null,
    range: f === "formula" ? $("range").value : null,
    lr: $("lr").value, steps: $("steps").value, x0: $("x0").value, x1: dim() === 2 ? $("x1").value : null,
    gradient: $("gradient").value, h: $("gradient").value === "numerical" ? $("h").value : null,
    optimizer: $("optimizer").value,
  };
  for (const input of state.rule.inputs) if (!input.closest("label").hidden) out[input.id] = input.value;
  out.at = state.at;
  return out;
}

/** Nothing is drawn that the fields do not say: with a field refused, the live run is taken
 * off the map until the field is fixed. */
function refused() {
  stop();
  state.run = null; state.at = null;
  redraw();
  $("diagnosis").textContent = t("playground.fix-fields");
  $("diagnosis").dataset.kind = "";
  $("final").textContent = "";
}

/** Runs the descent the controls describe and draws it. A typed formula (or its range) that
 * is not the one on the map is drawn first, so the path never lies on another function's map. */
async function update() {
  if (state.inFlight) { state.pending = true; return; }
  // the map on its way runs the descent when it arrives
  if (state.loading) return;
  if ($("function").value === "formula" && ($("formula-text").value !== state.formula || $("range").value !== state.range)) {
    await loadFunction(false);
    return;
  }
  state.inFlight = true;
  const sent = performance.now();
  const generation = state.generation;
  try {
    const body = request();
    const doc = await api("/api/descend", body);
    // a preset came in meanwhile: its picture stands
    if (generation !== state.generation) return;
    const run = doc.runs[0];
    state.doc = doc;
    state.run = run;
    if (state.at !== null) state.at = Math.min(state.at, run.history.length - 1);
    redraw();
    const d = run.diagnosis;
    setText($("diagnosis"), d.message);
    $("diagnosis").dataset.kind = d.kind;
    setText($("final"), t("playground.final", { x: run.final.map(fmt).join(", "), f: fmt(run.values[run.values.length - 1]) }));
    $("error").textContent = "";
    const ms = performance.now() - sent;
    state.roundTrips.push(ms);
    if (state.roundTrips.length > 50) state.roundTrips.shift();
    const sorted = [...state.roundTrips].sort((a, b) => a - b);
    $("roundtrip").textContent = t("playground.round-trip", { ms: ms.toFixed(1), n: sorted.length, median: sorted[Math.floor(sorted.length / 2)].toFixed(1) });
    toUrl(settingsForUrl());
  } catch (e) {
    if (e instanceof FieldError) refused();
    else setText($("error"), e.message);
  } finally {
    state.inFlight = false;
    if (state.pending) { state.pending = false; update(); }
  }
}

/** Moves the start to (x, y), kept inside the map's view (a point dragged off the map
 * stops at its edge, where its dot stays in sight). */
function setStart(x, y) {
  const v = view();
  const inside = (a, [lo, hi]) => Math.min(hi, Math.max(lo, a));
  $("x0").value = Number(inside(x, v[0]).toPrecision(4));
  if (dim() === 2) $("x1").value = Number(inside(y, v[1]).toPrecision(4));
  for (const id of ["x0", "x1"]) { try { fieldValue(id); } catch (_) { /* said beside it */ } }
  update();
}

function pointerStart(event) {
  const r = MAP.getBoundingClientRect();
  const [x, y] = toPoint((event.clientX - r.left) * MAP.width / r.width, (event.clientY - r.top) * MAP.height / r.height);
  setStart(x, y);
}
MAP.addEventListener("pointerdown", (e) => { MAP.setPointerCapture(e.pointerId); state.dragging = true; pointerStart(e); });
MAP.addEventListener("pointermove", (e) => { if (state.dragging) pointerStart(e); });
MAP.addEventListener("pointerup", () => { state.dragging = false; });
MAP.addEventListener("lostpointercapture", () => { state.dragging = false; });
MAP.addEventListener("keydown", (e) => {
  const v = view(), dx = (v[0][1] - v[0][0]) / 50, dy = dim() === 2 ? (v[1][1] - v[1][0]) / 50 : 0;
  const moves = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
  if (!moves[e.key]) return;
  e.preventDefault();
  const at = (id) => (Number.isFinite(Number($(id).value)) ? Number($(id).value) : 0);
  setStart(at("x0") + moves[e.key][0], at("x1") + moves[e.key][1]);
});

$("lr-slider").addEventListener("input", () => {
  $("lr").value = Number(Math.pow(10, Number($("lr-slider").value)).toPrecision(3));
  update();
});
$("lr").addEventListener("change", () => {
  const v = Number($("lr").value);
  if (v > 0) $("lr-slider").value = Math.log10(v);
  update();
});
for (const id of ["steps", "x0", "x1", "h"]) $(id).addEventListener("change", update);
field("lr", { above: 0 });
field("steps", { integer: true, min: 0, max: 10000 });
field("x0", {}); field("x1", {});
field("h", { above: 0 });
field("range", { above: 0, max: 1e6 });
$("gradient").addEventListener("change", () => { $("h-row").hidden = $("gradient").value !== "numerical"; update(); });
$("function").addEventListener("change", () => loadFunction(true));
$("formula-go").addEventListener("click", () => loadFunction(false));
$("formula-text").addEventListener("keydown", (e) => { if (e.key === "Enter") loadFunction(false); });
$("range").addEventListener("keydown", (e) => { if (e.key === "Enter") loadFunction(false); });
// a formula edited and left (Tab, a click elsewhere) is drawn: the map never shows another one
$("formula-text").addEventListener("change", () => loadFunction(false));
$("range").addEventListener("change", () => loadFunction(false));


/** Pins `run` (of the function shown) under `label`; a run pinned already is not pinned twice. */
function pin(run, label) {
  const same = (p) => p.subject === subject() && p.label === label && p.run.steps === run.steps
    && JSON.stringify(p.run.optimizer) === JSON.stringify(run.optimizer);
  // label() names the gradient when it is not the book's, so runs differing in it differ here
  if (state.allPins.some(same)) return;
  const color = PALETTE[state.allPins.length % PALETTE.length];
  state.allPins.push({ run, label, color, subject: subject() });
  showPins();
}

/** The pins of the function shown, on the map and in the list; the others wait for their
 * function to be shown again. */
function showPins() {
  const now = subject();
  state.pins = state.allPins.filter((p) => p.subject === now);
  $("pins").replaceChildren(...state.pins.map((p) => {
    const li = document.createElement("li");
    const swatch = document.createElement("span"); swatch.className = "swatch"; swatch.style.background = p.color;
    const text = document.createElement("span");
    // the diagnosis' short name, from the catalogue (words.converged, words.diverged, ...)
    setText(text, t("playground.pinned", { run: p.label, kind: t(`words.${p.run.diagnosis.kind}`), x: p.run.final.map(fmt).join(", ") }));
    const remove = document.createElement("button"); remove.textContent = "×"; remove.setAttribute("aria-label", t("playground.unpin", { run: p.label }));
    remove.addEventListener("click", () => unpin(p));
    li.append(swatch, text, remove);
    return li;
  }));
  redraw();
}

/** Takes pin `p` off; the focus goes to the next pin's button (or the previous one's, or "Pin
 * this run"), never to the page's body. */
function unpin(p) {
  const index = state.pins.indexOf(p);
  state.allPins = state.allPins.filter((q) => q !== p);
  showPins();
  const buttons = $("pins").querySelectorAll("button");
  (buttons[Math.min(index, buttons.length - 1)] || $("pin")).focus();
}

/** A run's name in the pins: its rule, η and start, and its gradient when it is not the
 * book's numerical one with h = 1e-4 (`gradient` is the document's `{method, h}`). */
function label(run, gradient = state.doc && state.doc.gradient) {
  const rule = state.rules.find((r) => r.optimizer.kind === run.optimizer.kind);
  let name = t("playground.run-label", { rule: rule ? rule.title : run.optimizer.kind, lr: fmt(run.lr), init: run.init.map(fmt).join(", ") });
  if (gradient && gradient.method === "exact") name += `, ${t("playground.gradient-exact")}`;
  else if (gradient && gradient.h !== 1e-4) name += `, h = ${fmt(gradient.h)}`;
  return name;
}
$("pin").addEventListener("click", () => { if (state.run) pin(state.run, label(state.run)); });
$("clear").addEventListener("click", () => {
  const now = subject();
  state.allPins = state.allPins.filter((p) => p.subject !== now);
  showPins();
});

/** A preset: shows `f` and pins the runs `requests` ask for, beside the learner's own pins
 * (kept). The live run is taken off the map until a setting is moved, so that the preset's
 * runs are the picture; the controls show `f` and its start, and so does the URL. */
async function preset(f, requests) {
  try {
    stop();
    state.generation += 1;
    state.pending = false;
    $("function").value = f;
    await loadFunction(true, false);
    for (const body of requests) {
      const doc = await api("/api/descend", body);
      doc.runs.forEach((run) => pin(run, label(run, doc.gradient)));
    }
    state.run = null; state.at = null;
    redraw();
    $("diagnosis").textContent = t("playground.preset-shown");
    $("diagnosis").dataset.kind = "";
    $("final").textContent = "";
    $("error").textContent = "";
    toUrl(settingsForUrl());
  } catch (e) { setText($("error"), e.message); }
}
$("preset-starts").addEventListener("click", () => preset("sphere", [
  { function: "sphere", init: [[-3, 4], [3, -4], [3, -2], [-3, 2]], lr: 0.1, steps: 100, optimizer: "sgd" },
]));
$("preset-rules").addEventListener("click", () => {
  // the book's four, with its learning rates for the bowl
  const four = state.rules.filter((r) => ["sgd", "momentum", "adagrad", "adam"].includes(r.optimizer.kind));
  preset("bowl", four.map((rule) => ({ function: "bowl", init: [-7, 2], lr: rule.bowl_lr, steps: 30, optimizer: rule.optimizer.kind })));
});

/** Draws the function chosen (asking the server for its grid) and runs the descent on it,
 * unless `run` is false; `resetStart` puts the start where the function's own start is. */
async function loadFunction(resetStart, run = true) {
  const f = $("function").value;
  $("own").hidden = f !== "formula";
  const asked = { f, formula: $("formula-text").value, range: $("range").value };
  let which = `function=${f}`;
  if (f === "formula") {
    try { fieldValue("range"); } catch (_) { refused(); return; }
    which = `formula=${encodeURIComponent(asked.formula)}&range=${encodeURIComponent(asked.range.trim())}`;
  }
  // the same map on its way already (Enter and the change on leaving the field both ask)
  if (state.loading && state.asked && JSON.stringify(state.asked) === JSON.stringify(asked)) return;
  const load = ++state.loads;
  state.asked = asked; state.loading = true;
  stop();
  state.at = null;
  let grid;
  try {
    grid = await api(`/api/landscape?${which}&size=${SIZE}`);
  } catch (e) {
    if (load !== state.loads) return;
    state.loading = false;
    // the map and the path would disagree: neither is shown for a formula the server refused,
    // and the reason is said beside the formula
    state.background = null;
    $("formula").textContent = "";
    refused();
    setText($("error"), e.message);
    if (f === "formula") {
      setText(reasonOf($("formula-text")), e.message);
      $("formula-text").setAttribute("aria-invalid", "");
    }
    return;
  }
  // a later choice was made meanwhile: this map is not the one to show
  if (load !== state.loads) return;
  state.loading = false;
  state.grid = grid;
  $("error").textContent = "";
  if (f === "formula") { reasonOf($("formula-text")).textContent = ""; $("formula-text").removeAttribute("aria-invalid"); }
  state.formula = asked.formula; state.range = asked.range;
  // what the server says of the function: its formula, dimension, view, start, minimum
  const info = state.landscapes[f] = grid;
  $("formula").textContent = `f(x) = ${info.formula}`;
  $("x1").hidden = info.dim !== 2;
  if (resetStart) { $("x0").value = info.start[0]; if (info.dim === 2) $("x1").value = info.start[1]; }
  drawBackground();
  showPins();
  if (run) await update();
}

// ---- step by step: the run walked one update at a time

/** The step shown, its numbers and the notebook's print(x) as a table. */
function showStep() {
  const run = state.run;
  const box = $("step-box");
  box.hidden = !run;
  if (!run) return;
  const n = run.history.length - 1;
  const k = state.at === null ? n : state.at;
  $("step-slider").max = String(n);
  $("step-slider").value = String(k);
  setText($("step-at"), t("playground.step-of", { k, n }));
  $("play").textContent = state.playing ? t("playground.pause") : t("playground.play");
  $("play").setAttribute("aria-pressed", state.playing ? "true" : "false");
  const x = run.history[k], g = run.gradients && run.gradients[k];
  const vector = (v) => `[${v.map(fmt).join(", ")}]`;
  const lines = [t("playground.step-point", { k, x: vector(x), f: fmt(run.values[k]) })];
  if (k < n && g) {
    const next = run.history[k + 1];
    lines.push(t("playground.step-gradient", { g: vector(g) }));
    if (run.optimizer.kind === "sgd") {
      lines.push(t("playground.step-sgd", { x: vector(x), lr: fmt(run.lr), g: vector(g), next: vector(next) }));
    } else {
      const rule = state.rules.find((r) => r.optimizer.kind === run.optimizer.kind);
      lines.push(t("playground.step-rule", { rule: rule ? rule.title : run.optimizer.kind, next: vector(next), dx: vector(next.map((v, i) => (v === null || x[i] === null ? null : v - x[i]))) }));
    }
  } else if (k === n) {
    lines.push(t("playground.step-end"));
  }
  $("step-numbers").replaceChildren(...lines.map((line) => { const div = document.createElement("div"); setText(div, line); return div; }));
  // the notebook's print(x): a row per step so far
  $("printed-head").replaceChildren(...["k", ...(dim() === 2 ? ["x0", "x1"] : ["x0"]), "f(x)"].map((name) => {
    const th = document.createElement("th"); th.textContent = name; return th;
  }));
  const rows = [];
  for (let i = Math.max(0, k - 199); i <= k; i++) {
    const tr = document.createElement("tr");
    for (const cell of [String(i), ...run.history[i].map(fmt), fmt(run.values[i])]) {
      const td = document.createElement("td"); td.textContent = cell; tr.appendChild(td);
    }
    rows.push(tr);
  }
  $("printed").replaceChildren(...rows);
  $("printed-box").scrollTop = $("printed-box").scrollHeight;
}

/** Shows step `k` of the live run (null: the whole run). */
function goTo(k) {
  const started = performance.now();
  state.at = k;
  redraw();
  state.frames.push(performance.now() - started);
  if (state.frames.length > 200) state.frames.shift();
  toUrl(settingsForUrl());
}

/** Stops Play. */
function stop() {
  if (state.playing) clearInterval(state.playing);
  state.playing = null;
}

/** Play: a step every 250 ms (a run of more than 120 steps goes faster, to end within 30 s). */
function play() {
  stop();
  if (!state.run) return;
  const n = state.run.history.length - 1;
  if (state.at === null || state.at >= n) state.at = 0;
  const stride = Math.max(1, Math.ceil(n / 120));
  const timer = setInterval(() => {
    // stopped, or the run changed under it: this timer is done
    if (state.playing !== timer || state.at === null || !state.run) { clearInterval(timer); return; }
    const k = Math.min(state.run.history.length - 1, state.at + stride);
    goTo(k);
    if (k >= state.run.history.length - 1) { stop(); showStep(); }
  }, 250);
  state.playing = timer;
  goTo(state.at);
}

$("play").addEventListener("click", () => { if (state.playing) { stop(); showStep(); } else play(); });
$("step").addEventListener("click", () => {
  stop();
  if (!state.run) return;
  const n = state.run.history.length - 1;
  goTo(state.at === null || state.at >= n ? 0 : state.at + 1);
});
$("reset").addEventListener("click", () => { stop(); goTo(0); });
$("whole").addEventListener("click", () => { stop(); goTo(null); });
$("step-slider").addEventListener("input", () => { stop(); goTo(Number($("step-slider").value)); });
window.addEventListener("resize", () => { if (state.grid) drawBackground(); redraw(); });

/** Sets the controls from the URL the page was opened with: each setting the URL names and
 * the control can show. */
function fromUrlControls() {
  const f = fromUrl("function");
  if (f && [...$("function").options].some((o) => o.value === f)) $("function").value = f;
  for (const id of ["formula-text", "range", "lr", "steps", "x0", "x1", "h"]) {
    const v = fromUrl(id === "formula-text" ? "formula" : id);
    if (v !== null) $(id).value = v;
  }
  const g = fromUrl("gradient");
  if (g === "numerical" || g === "exact") $("gradient").value = g;
  $("h-row").hidden = $("gradient").value !== "numerical";
  const rule = fromUrl("optimizer");
  if (rule && state.rules.some((r) => r.optimizer.kind === rule)) state.rule.choose(rule);
  for (const input of state.rule.inputs) { const v = fromUrl(input.id); if (v !== null) input.value = v; }
  const lr = Number($("lr").value);
  if (lr > 0) $("lr-slider").value = Math.log10(lr);
  const at = fromUrl("at");
  return at !== null && /^\d+$/.test(at) ? Number(at) : null;
}

(async function init() {
  try {
    await texts;
    // the update rules and their settings, as the library names and sets them
    state.rules = (await api("/api/train/defaults")).rules;
    state.rule = ruleControls(state.rules, $("optimizer"), $("rule-settings"), update);
    for (const input of state.rule.inputs) input.addEventListener("change", update);
    const { landscapes } = await api("/api/landscapes");
    for (const l of landscapes) {
      state.landscapes[l.function] = l;
      const option = document.createElement("option");
      option.value = l.function; option.textContent = `${l.function}: ${l.formula}`;
      $("function").appendChild(option);
    }
    const own = document.createElement("option");
    own.value = "formula"; own.textContent = t("playground.own-formula");
    $("function").appendChild(own);
    $("function").value = "sphere";
    const at = fromUrlControls();
    await loadFunction(fromUrl("x0") === null);
    if (at !== null && state.run) goTo(Math.min(at, state.run.history.length - 1));
    document.body.dataset.ready = "true";
  } catch (e) { setText($("error"), e.message); }
})();
