// The Digits page: the drawing goes to POST /api/digits/predict (preprocessed and read by the
// server's network); test images, the confusion matrix and the mistakes come from the API too.
"use strict";

const $ = (id) => document.getElementById(id);
const PAD = $("pad");
const SEND = 140; // the drawing is sent at 140 × 140
const digits = { last: null, inFlight: false, pending: false, drawing: false, inked: false, generation: 0 };
window.__digits = digits;

const pen = PAD.getContext("2d");
function clearPad() {
  pen.fillStyle = "#fff"; pen.fillRect(0, 0, PAD.width, PAD.height);
  digits.last = null;
  digits.inked = false;
  $("prediction").textContent = "?";
  probabilityBars($("bars"), null);
  showMaps(null);
  $("seen").getContext("2d").clearRect(0, 0, 140, 140);
}
clearPad();
pen.lineCap = "round"; pen.lineJoin = "round"; pen.lineWidth = 18; pen.strokeStyle = "#000";

function at(e) {
  const r = PAD.getBoundingClientRect();
  return [(e.clientX - r.left) * PAD.width / r.width, (e.clientY - r.top) * PAD.height / r.height];
}
PAD.addEventListener("pointerdown", (e) => {
  PAD.setPointerCapture(e.pointerId);
  digits.drawing = true;
  digits.inked = true;
  const [x, y] = at(e);
  pen.beginPath(); pen.moveTo(x, y); pen.lineTo(x + 0.1, y); pen.stroke();
  predict();
});
PAD.addEventListener("pointermove", (e) => {
  if (!digits.drawing) return;
  const [x, y] = at(e);
  pen.lineTo(x, y); pen.stroke();
  predict();
});
PAD.addEventListener("pointerup", () => { digits.drawing = false; predict(); });
$("clear").addEventListener("click", clearPad);

/** The drawing's ink, 0 (paper) to 255 (black), at SEND × SEND. */
function ink() {
  const small = document.createElement("canvas");
  small.width = SEND; small.height = SEND;
  const ctx = small.getContext("2d");
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(PAD, 0, 0, SEND, SEND);
  const data = ctx.getImageData(0, 0, SEND, SEND).data;
  const out = new Array(SEND * SEND);
  for (let i = 0; i < out.length; i++) out[i] = 255 - data[4 * i];
  return out;
}

/** A convolutional network's feature maps (`{count, height, width, values}`, map after map),
 * each a small picture on one scale for all, darker where larger; hidden for other networks. */
function showMaps(maps) {
  $("maps-panel").hidden = !maps;
  if (!maps) return;
  const box = $("maps");
  const { count, height, width, values } = maps;
  while (box.children.length > count) box.lastChild.remove();
  while (box.children.length < count) {
    const c = document.createElement("canvas");
    c.setAttribute("role", "img");
    box.appendChild(c);
  }
  let max = 0;
  for (const v of values) if (v > max) max = v;
  [...box.children].forEach((canvas, k) => {
    canvas.width = width; canvas.height = height;
    canvas.setAttribute("aria-label", t("playground.feature-map", { filter: k + 1 }));
    const ctx = canvas.getContext("2d");
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const grey = Math.round(255 * (1 - (max > 0 ? values[k * width * height + i] / max : 0)));
      image.data.set([grey, grey, grey, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  });
}

async function predict() {
  if (digits.inFlight) { digits.pending = true; return; }
  digits.inFlight = true;
  try {
    const model = $("model").value;
    const doc = await api(`/api/digits/predict?model=${model}`, { width: SEND, height: SEND, ink: ink() });
    // an answer of the network chosen before: the next reading is the new one's
    if (model !== $("model").value) { digits.pending = true; return; }
    digits.last = doc;
    if (doc.input) drawDigit($("seen"), doc.input, true);
    $("prediction").textContent = doc.prediction === null ? "?" : String(doc.prediction);
    probabilityBars($("bars"), doc.probabilities);
    showMaps(doc.feature_maps);
    $("error").textContent = "";
  } catch (e) {
    $("error").textContent = e.message;
  } finally {
    digits.inFlight = false;
    if (digits.pending) { digits.pending = false; predict(); }
  }
}

async function showTest(index) {
  try {
    const doc = await api(`/api/digits/test/${index}?model=${$("model").value}`);
    $("index").value = doc.index;
    saveUrl();
    drawDigit($("test"), doc.pixels);
    const p = doc.probabilities[doc.prediction];
    $("test-text").textContent = t("playground.test-read", { index: doc.index, label: doc.label, prediction: doc.prediction, p: (100 * p).toFixed(1) })
      + (doc.label === doc.prediction ? "" : " ✗");
    $("error").textContent = "";
  } catch (e) { $("error").textContent = e.message; }
}
/** The test image's number as typed (a FieldError, its reason beside the field, when it is
 * not a whole number from 0). */
function typedIndex() { return fieldValue("index"); }
field("index", { integer: true, min: 0 });
$("prev").addEventListener("click", () => { try { showTest(Math.max(0, typedIndex() - 1)); } catch (_) { /* said beside it */ } });
$("next").addEventListener("click", () => { try { showTest(typedIndex() + 1); } catch (_) { /* said beside it */ } });
$("index").addEventListener("change", () => { try { showTest(typedIndex()); } catch (_) { /* said beside it */ } });

/** The page's settings in its URL: the network, the test image, the confusion cell shown. */
const shown = { cell: null };
function saveUrl() {
  toUrl({ model: $("model").value, image: $("index").value, cell: shown.cell });
}

async function showConfusion() {
  const doc = await api(`/api/digits/confusion?model=${$("model").value}`);
  $("model-name").textContent = t("playground.model-accuracy", { name: doc.name, acc: doc.test_acc.toFixed(4), images: doc.test_images });
  const table = $("confusion");
  table.replaceChildren();
  const head = table.insertRow();
  head.appendChild(document.createElement("th")).textContent = t("playground.confusion-corner");
  for (let p = 0; p < 10; p++) head.appendChild(document.createElement("th")).textContent = p;
  const max = Math.max(...doc.matrix.flat());
  doc.matrix.forEach((row, label) => {
    const tr = table.insertRow();
    tr.appendChild(document.createElement("th")).textContent = label;
    row.forEach((count, predicted) => {
      const button = document.createElement("button");
      button.textContent = count;
      button.setAttribute("aria-label", t("playground.cell-label", { count, label, predicted }));
      const shade = count ? 0.12 + 0.6 * Math.sqrt(count / max) : 0;
      button.style.background = label === predicted ? `rgba(46,139,87,${shade})` : `rgba(200,50,45,${shade})`;
      button.addEventListener("click", () => showCell(label, predicted));
      tr.insertCell().appendChild(button);
    });
  });
}

async function showCell(label, predicted) {
  try {
    shown.cell = `${label}-${predicted}`;
    saveUrl();
    const doc = await api(`/api/digits/misclassified?model=${$("model").value}&label=${label}&predicted=${predicted}`);
    $("cell").textContent = t("playground.cell", { count: doc.count, label, predicted })
      + (doc.count > doc.images.length ? t("playground.cell-first", { shown: doc.images.length }) : "");
    const thumbs = $("thumbs");
    thumbs.replaceChildren();
    for (const image of doc.images) {
      const button = document.createElement("button");
      button.setAttribute("aria-label", t("playground.test-image", { index: image.index }));
      const c = document.createElement("canvas"); c.width = 42; c.height = 42;
      drawDigit(c, image.pixels);
      button.appendChild(c);
      button.addEventListener("click", () => showTest(image.index));
      thumbs.appendChild(button);
    }
  } catch (e) { $("error").textContent = e.message; }
}

/** Runs `show` until the network answers: a built-in network trains first (the default one
 * while the server starts, the convolutional one when first chosen), and says so meanwhile.
 * Gives up (false) when another network is chosen meanwhile. */
async function whenReady(show) {
  const generation = digits.generation;
  for (let tries = 0; tries < 240; tries++) {
    if (generation !== digits.generation) return false;
    try {
      await show();
      $("error").textContent = "";
      return true;
    } catch (e) {
      if (!(e instanceof FieldError)) $("error").textContent = e.message;
      if (e.status !== 503) return false;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}

$("model").addEventListener("change", async () => {
  digits.generation += 1;
  // nothing of the network chosen before stays on the screen
  shown.cell = null; $("cell").textContent = ""; $("thumbs").replaceChildren();
  $("model-name").textContent = ""; $("confusion").replaceChildren(); $("test-text").textContent = "";
  $("prediction").textContent = "?"; probabilityBars($("bars"), null); showMaps(null);
  digits.last = null;
  saveUrl();
  document.body.dataset.ready = "false";
  let index = 0;
  try { index = typedIndex(); } catch (_) { /* said beside it: the first image */ }
  if (await whenReady(async () => { await showConfusion(); await showTest(index); })) {
    if (digits.inked) predict();
    document.body.dataset.ready = "true";
  }
});

(async function init() {
  try { await texts; } catch (e) { $("error").textContent = e.message; return; }
  // the URL's settings: the network, the test image, the confusion cell
  if (["default", "conv", "training"].includes(fromUrl("model"))) $("model").value = fromUrl("model");
  const image = /^\d+$/.test(fromUrl("image") || "") ? Number(fromUrl("image")) : 0;
  const cell = /^(\d)-(\d)$/.exec(fromUrl("cell") || "");
  const ok = await whenReady(async () => {
    await showConfusion();
    await showTest(image);
    if (cell) await showCell(Number(cell[1]), Number(cell[2]));
  });
  if (ok) document.body.dataset.ready = "true";
})();
