// The Descent page: a contour map from GET /api/landscape, runs from POST /api/descend.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  landscapes: {},   // name → {formula, dim, view, start, minimum}
  grid: null,       // the current function's grid
  background: null, // the contour map drawn once per function
  run: null,        // the live run's document
  pins: [],         // [{label, color, run}]
  inFlight: false,
  pending: false,
  roundTrips: [],   // milliseconds, request sent → path drawn
};
window.__descent = state;

const MAP = $("map");
const SIZE = 200;

function view() { return state.landscapes[$("function").value].view; }
function dim() { return state.landscapes[$("function").value].dim; }

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
  // the known minimum
  const m = state.landscapes[$("function").value].minimum;
  if (m) {
    const [px, py] = toPixel(m.at[0], dim() === 2 ? m.at[1] : m.value);
    ctx.strokeStyle = "#2e8b57"; ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(px - 7, py - 7); ctx.lineTo(px + 7, py + 7); ctx.moveTo(px + 7, py - 7); ctx.lineTo(px - 7, py + 7); ctx.stroke();
  }
  // tick labels of the view
  ctx.fillStyle = "#1d2330"; ctx.font = '12px system-ui, "scratchnet-korean", sans-serif';
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

function redraw() {
  const ctx = MAP.getContext("2d");
  if (state.background) ctx.drawImage(state.background, 0, 0);
  state.pins.forEach((pin) => drawPath(pin.run, pin.color, 2));
  if (state.run) drawPath(state.run, "#c8322d", 2.5);
  const series = state.pins.map((pin) => ({ values: pin.run.values, color: pin.color, label: pin.label }));
  if (state.run) series.push({ values: state.run.values, color: "#c8322d", label: t("playground.live"), width: 2.5 });
  const positive = series.every((s) => s.values.every((v) => !Number.isFinite(v) || v > 0));
  lineChart($("values"), series, { log: positive, xLabel: t("pictures.step"), yLabel: positive ? t("playground.f-log-scale") : "f(x)" });
}

/** The request for the controls as they are. */
function request(extra = {}) {
  const f = $("function").value;
  const body = {
    ...(f === "formula" ? { formula: $("formula-text").value } : { function: f }),
    init: dim() === 2 ? [num("x0"), num("x1")] : [num("x0")],
    lr: num("lr"),
    steps: Math.round(num("steps")),
    optimizer: $("optimizer").value,
    ...state.rule.settings(),
    gradient: $("gradient").value,
  };
  if (body.gradient === "numerical") body.h = num("h");
  return Object.assign(body, extra);
}
function num(id) {
  const v = Number($(id).value.trim());
  if ($(id).value.trim() === "" || !Number.isFinite(v)) throw new Error(t("playground.must-be-number", { what: $(id).getAttribute("aria-label") || id }));
  return v;
}

async function update() {
  if (state.inFlight) { state.pending = true; return; }
  state.inFlight = true;
  const sent = performance.now();
  try {
    const body = request();
    const doc = await api("/api/descend", body);
    const run = doc.runs[0];
    state.doc = doc;
    state.run = run;
    redraw();
    const d = run.diagnosis;
    $("diagnosis").textContent = d.message;
    $("diagnosis").dataset.kind = d.kind;
    $("final").textContent = t("playground.final", { x: run.final.map(fmt).join(", "), f: fmt(run.values[run.values.length - 1]) });
    $("error").textContent = "";
    const ms = performance.now() - sent;
    state.roundTrips.push(ms);
    if (state.roundTrips.length > 50) state.roundTrips.shift();
    const sorted = [...state.roundTrips].sort((a, b) => a - b);
    $("roundtrip").textContent = t("playground.round-trip", { ms: ms.toFixed(1), n: sorted.length, median: sorted[Math.floor(sorted.length / 2)].toFixed(1) });
  } catch (e) {
    $("error").textContent = e.message;
  } finally {
    state.inFlight = false;
    if (state.pending) { state.pending = false; update(); }
  }
}

function setStart(x, y) {
  $("x0").value = Number(x.toPrecision(4));
  if (dim() === 2) $("x1").value = Number(y.toPrecision(4));
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
MAP.addEventListener("keydown", (e) => {
  const v = view(), dx = (v[0][1] - v[0][0]) / 50, dy = dim() === 2 ? (v[1][1] - v[1][0]) / 50 : 0;
  const moves = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
  if (!moves[e.key]) return;
  e.preventDefault();
  setStart(Number($("x0").value) + moves[e.key][0], Number($("x1").value) + moves[e.key][1]);
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
$("gradient").addEventListener("change", () => { $("h-row").hidden = $("gradient").value !== "numerical"; update(); });
$("function").addEventListener("change", () => loadFunction(true));
$("formula-go").addEventListener("click", () => loadFunction(false));
$("formula-text").addEventListener("keydown", (e) => { if (e.key === "Enter") loadFunction(false); });
$("range").addEventListener("keydown", (e) => { if (e.key === "Enter") loadFunction(false); });


function pin(run, label) {
  const color = PALETTE[state.pins.length % PALETTE.length];
  state.pins.push({ run, label, color });
  const li = document.createElement("li");
  const swatch = document.createElement("span"); swatch.className = "swatch"; swatch.style.background = color;
  const text = document.createElement("span");
  // the diagnosis' short name, from the catalogue (words.converged, words.diverged, ...)
  text.textContent = t("playground.pinned", { run: label, kind: t(`words.${run.diagnosis.kind}`), x: run.final.map(fmt).join(", ") });
  const remove = document.createElement("button"); remove.textContent = "×"; remove.setAttribute("aria-label", t("playground.unpin", { run: label }));
  remove.addEventListener("click", () => { state.pins = state.pins.filter((p) => p.run !== run); li.remove(); redraw(); });
  li.append(swatch, text, remove);
  $("pins").appendChild(li);
  redraw();
}
function label(run) {
  const rule = state.rules.find((r) => r.optimizer.kind === run.optimizer.kind);
  return t("playground.run-label", { rule: rule ? rule.title : run.optimizer.kind, lr: fmt(run.lr), init: run.init.map(fmt).join(", ") });
}
$("pin").addEventListener("click", () => { if (state.run) pin(state.run, label(state.run)); });
$("clear").addEventListener("click", () => { state.pins = []; $("pins").replaceChildren(); redraw(); });

$("preset-starts").addEventListener("click", async () => {
  try {
    $("function").value = "sphere"; await loadFunction(false);
    const doc = await api("/api/descend", request({ function: "sphere", init: [[-3, 4], [3, -4], [3, -2], [-3, 2]], lr: 0.1, steps: 100, optimizer: "sgd" }));
    doc.runs.forEach((run) => pin(run, label(run)));
  } catch (e) { $("error").textContent = e.message; }
});
$("preset-rules").addEventListener("click", async () => {
  try {
    $("function").value = "bowl"; await loadFunction(false);
    // the book's four, with its learning rates for the bowl
    const four = state.rules.filter((r) => ["sgd", "momentum", "adagrad", "adam"].includes(r.optimizer.kind));
    for (const rule of four) {
      const optimizer = rule.optimizer.kind;
      const doc = await api("/api/descend", { function: "bowl", init: [-7, 2], lr: rule.bowl_lr, steps: 30, optimizer });
      pin(doc.runs[0], label(doc.runs[0]));
    }
  } catch (e) { $("error").textContent = e.message; }
});

async function loadFunction(resetStart) {
  const f = $("function").value;
  $("own").hidden = f !== "formula";
  const which = f === "formula"
    ? `formula=${encodeURIComponent($("formula-text").value)}&range=${encodeURIComponent($("range").value)}`
    : `function=${f}`;
  try {
    state.grid = await api(`/api/landscape?${which}&size=${SIZE}`);
  } catch (e) { $("error").textContent = e.message; return; }
  // what the server says of the function: its formula, dimension, view, start, minimum
  const info = state.landscapes[f] = state.grid;
  $("formula").textContent = `f(x) = ${info.formula}`;
  $("x1").hidden = info.dim !== 2;
  if (resetStart) { $("x0").value = info.start[0]; if (info.dim === 2) $("x1").value = info.start[1]; }
  state.pins = []; $("pins").replaceChildren();
  drawBackground();
  await update();
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
    await loadFunction(true);
    document.body.dataset.ready = "true";
  } catch (e) { $("error").textContent = e.message; }
})();
