// The Initialisation page: the five layers' histograms of GET /api/init-histogram (the book's
// weight_init_activation_histogram.py), asked again as the slider moves. The counts, the bars'
// edges and what to look for all come from the server; this file only asks and draws.
"use strict";

const $ = (id) => document.getElementById(id);
const init = {
  doc: null,        // the answer drawn
  asked: 0,         // the number of the last request sent
  drawn: 0,         // the number of the answer drawn: an older one is never drawn over it
  inFlight: false,  // a request on its way
  pending: false,   // the settings changed while it was: ask again when it answers
  scale: "1",       // what the slider or a preset set: a standard deviation, xavier or he
};
window.__init = init;

const CANVASES = [...document.querySelectorAll("#layers canvas")];
const LOG_MIN = -3, LOG_MAX = 1;

/** The slider's position as a standard deviation, rounded to 3 significant digits. */
function sliderStd() {
  return String(Number(Math.pow(10, Number($("std-slider").value)).toPrecision(3)));
}

/** The settings of the page, as the route's query. */
function settings() {
  return { activation: $("activation").value, scale: init.scale, rng: $("rng").value, seed: $("seed").value.trim() };
}

/** Asks for the histograms of the settings shown; at most one request on its way, the last
 * settings asked again when it answers. Each request is numbered, and an answer older than the
 * one drawn is dropped. */
async function ask() {
  if (init.inFlight) { init.pending = true; return; }
  let seed;
  try { seed = fieldValue("seed"); } catch (_) { return; /* said beside the field */ }
  const asked = settings();
  toUrl(asked);
  const number = ++init.asked;
  init.inFlight = true;
  try {
    const query = new URLSearchParams({ activation: asked.activation, scale: asked.scale, rng: asked.rng, seed: String(seed) });
    const doc = await api(`/api/init-histogram?${query}`);
    if (number > init.drawn) {
      init.drawn = number;
      init.doc = doc;
      $("error").textContent = "";
      draw();
    }
  } catch (e) {
    $("error").textContent = e.message;
  } finally {
    init.inFlight = false;
    if (init.pending) { init.pending = false; ask(); }
  }
}

/** The standard deviation and what to look for, from the answer. */
function describe(doc) {
  const std = fmt(doc.weight_std);
  if (doc.scale === "xavier") return t("playground.init-std-named", { name: "Xavier", formula: "1/√n", std, n: 100 });
  if (doc.scale === "he") return t("playground.init-std-named", { name: "He", formula: "√(2/n)", std, n: 100 });
  return t("playground.init-std-now", { std });
}

/** Draws the five histograms, the reading and the presets' state from the answer. */
function draw() {
  const doc = init.doc;
  setText($("std-now"), describe(doc));
  setText($("reading"), doc.reading.message);
  $("reading").dataset.kind = doc.reading.kind;
  $("relu-note").hidden = doc.activation !== "relu";
  for (const button of document.querySelectorAll(".presets button")) {
    button.setAttribute("aria-pressed", String(button.dataset.scale === doc.scale));
  }
  doc.layers.forEach((layer, i) => histogram(CANVASES[i], i + 1, layer, doc));
}

/** One layer's histogram on `canvas`: its bars over the answer's edges, the y axis up to the
 * answer's `top` (shared by the five, so that the layers compare); a taller bar (ReLU's zeros)
 * is cut at the top, drawn red with its count. */
function histogram(canvas, number, layer, doc) {
  const { ctx, W, H } = fitCanvas(canvas);
  const pad = { left: 10, right: 10, top: 38, bottom: 34 };
  const cuts = []; // the bars cut at the top: [their left, their count]
  const { counts } = layer;
  const edges = doc.edges;
  const [lo, hi] = doc.range;
  canvas.dataset.counts = counts.join(",");
  canvas.setAttribute("aria-label", t("playground.init-histogram-label", { layer: number }));
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
  const X = (x) => pad.left + (W - pad.left - pad.right) * (x - lo) / (hi - lo);
  const base = H - pad.bottom, height = base - pad.top;
  ctx.font = CHART_FONT;
  counts.forEach((count, k) => {
    const cut = count > doc.top;
    const h = height * Math.min(count, doc.top) / doc.top;
    ctx.fillStyle = cut ? "#c8322d" : "#2c6fb7";
    const x0 = X(edges[k]), x1 = X(edges[k + 1]);
    ctx.fillRect(x0 + 0.5, base - h, Math.max(1, x1 - x0 - 1), h);
    if (cut) cuts.push([x0, count]);
  });
  // the height of the chart, the same for the five: a faint line and its count
  ctx.strokeStyle = "#d5dae3"; ctx.lineWidth = 1; ctx.setLineDash([3, 3]);
  ctx.beginPath(); ctx.moveTo(pad.left, pad.top + 0.5); ctx.lineTo(W - pad.right, pad.top + 0.5); ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = "#5b6475"; ctx.textAlign = "right"; ctx.textBaseline = "bottom";
  ctx.fillText(String(doc.top), W - pad.right, pad.top - 2);
  // a cut bar: a white gap across its top, its count above it
  for (const [x0, count] of cuts) {
    ctx.fillStyle = "#fff"; ctx.fillRect(x0, pad.top + 5, X(edges[1]) - X(edges[0]), 3);
    ctx.fillStyle = "#c8322d"; ctx.textAlign = "left"; ctx.textBaseline = "bottom";
    ctx.fillText(String(count), x0, pad.top - 2);
  }
  // the axis: its ends and middle, as the edges say
  ctx.strokeStyle = "#9aa4b5"; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(pad.left, base + 0.5); ctx.lineTo(W - pad.right, base + 0.5); ctx.stroke();
  ctx.fillStyle = "#5b6475"; ctx.textBaseline = "top";
  const middle = edges[Math.floor(edges.length / 2)];
  [[lo, "left"], [middle, "center"], [hi, "right"]].forEach(([x, align]) => {
    ctx.textAlign = align;
    ctx.fillText(String(Number(x.toPrecision(3))), X(x), base + 4);
  });
  // the title, as the book's: 1-layer ... 5-layer
  ctx.fillStyle = "#1d2330"; ctx.textAlign = "center"; ctx.textBaseline = "top";
  ctx.font = `600 13px system-ui, "scratchnet-korean", sans-serif`;
  ctx.fillText(t("pictures.layer-n", { layer: number }), W / 2, 4);
  // what no bar counts (ReLU's activations above the range)
  ctx.font = CHART_FONT;
  const total = layer.left_out + counts.reduce((a, b) => a + b, 0);
  const share = 100 * layer.left_out / total;
  if (share >= 0.5) {
    ctx.fillStyle = "#5b6475"; ctx.textAlign = "center";
    ctx.fillText(t("playground.init-left-out", { share: share.toFixed(0), hi }), W / 2, base + 19);
  }
}

/** Sets the scale from a preset or the URL: the slider goes to its standard deviation when the
 * answer says what that is. */
function choose(scale) {
  init.scale = scale;
  const std = scale === "xavier" ? 0.1 : scale === "he" ? Math.sqrt(0.02) : Number(scale);
  if (Number.isFinite(std) && std > 0) $("std-slider").value = String(Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(std))));
  ask();
}

(async () => {
  try { await texts; } catch (e) { $("error").textContent = e.message; return; }
  // the presets' names
  for (const button of document.querySelectorAll(".presets button")) {
    const scale = button.dataset.scale;
    if (scale !== "xavier" && scale !== "he") button.textContent = t("playground.init-preset-std", { std: scale });
    button.addEventListener("click", () => choose(scale));
  }
  field("seed", { integer: true, min: 0 });
  $("std-slider").addEventListener("input", () => { init.scale = sliderStd(); ask(); });
  for (const id of ["activation", "rng"]) $(id).addEventListener("change", ask);
  $("seed").addEventListener("change", ask);
  // the settings of the URL, as a shared link gave them
  const activation = fromUrl("activation"), rng = fromUrl("rng"), seed = fromUrl("seed");
  if (["sigmoid", "tanh", "relu"].includes(activation)) $("activation").value = activation;
  if (["scratchnet", "numpy"].includes(rng)) $("rng").value = rng;
  if (seed !== null) $("seed").value = seed;
  init.scale = fromUrl("scale") || "1";
  choose(init.scale);
  // redrawn at the width shown when the window changes
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (init.doc) draw(); }, 100);
  });
  // ready when the first answer is drawn
  const ready = setInterval(() => {
    if (init.doc || $("error").textContent) { clearInterval(ready); document.body.dataset.ready = "true"; }
  }, 50);
})();
