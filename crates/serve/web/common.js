// scratchnet playground: what every page shares. Every number shown comes from the server
// (the scratchnet library); this file only asks and draws. Every word shown comes from the
// server too: the catalogue of GET /api/texts, in the page's language.
"use strict";

/** The page's language: `?lang=ko` or `?lang=en` in the URL, else the browser's (Korean when
 * it starts with "ko"), else English. */
const LANG = (() => {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "ko") return asked;
  return (navigator.language || "").toLowerCase().startsWith("ko") ? "ko" : "en";
})();
document.documentElement.lang = LANG;

/** The catalogue in the page's language: key → template with `{name}`s. */
let TEXTS = {};
/** Keys asked for that the catalogue lacks (the browser tests hold it empty). */
const MISSING_TEXTS = new Set();

/** The text `key` with its `{name}`s filled from `values`; the key itself when the catalogue
 * has no such text. */
function t(key, values = {}) {
  const template = TEXTS[key];
  if (template === undefined) { MISSING_TEXTS.add(key); return key; }
  return template.replace(/\{([a-z0-9_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Puts `text` into `element`, `code` in backquotes as <code>. */
function setText(element, text) {
  const parts = text.split("`");
  if (parts.length < 3) { element.textContent = text; return; }
  element.replaceChildren(...parts.map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement("code"); code.textContent = part; return code;
  }));
}

/** The attributes an element may take from the catalogue: `data-text-title="key"` fills
 * `title`, and so on. */
const TEXT_ATTRIBUTES = ["title", "aria-label", "placeholder"];

/** Fills every element under `root` marked `data-text="key"` (its text) or
 * `data-text-aria-label="key"` (and the other TEXT_ATTRIBUTES) from the catalogue. */
function fillTexts(root = document) {
  for (const element of root.querySelectorAll("[data-text]")) setText(element, t(element.dataset.text));
  for (const attribute of TEXT_ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-text-${attribute}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(`data-text-${attribute}`)));
    }
  }
}

/** `path` with `?lang=` (or `&lang=`) of the page's language. */
function withLang(path) {
  return path + (path.includes("?") ? "&" : "?") + "lang=" + LANG;
}

/** The links between pages keep the language; the language switch links this page in either
 * language, the chosen one marked. */
function languageLinks() {
  for (const link of document.querySelectorAll("header nav.pages a")) link.href = withLang(link.pathname);
  for (const link of document.querySelectorAll("header nav.lang a")) {
    const params = new URLSearchParams(location.search);
    params.set("lang", link.lang);
    link.href = location.pathname + "?" + params;
    if (link.lang === LANG) link.setAttribute("aria-current", "true");
  }
}
languageLinks();

/** The catalogue, asked for once; the page's marked elements filled from it. Every page's
 * script waits for it before writing any words. The page is hidden until then, when it is not
 * in the English its HTML is written in. */
if (LANG !== "en") document.documentElement.dataset.translating = "true";
const texts = (async () => {
  try {
    const response = await fetch(withLang("/api/texts"));
    if (!response.ok) throw new Error((await response.json()).error.message);
    TEXTS = (await response.json()).texts;
    // the Hangul font first: text laid out while it loads may keep the fallback's empty boxes,
    // and the canvases draw with whatever is loaded when they draw
    if (LANG === "ko" && document.fonts) await document.fonts.load('16px "scratchnet-korean"', "가");
    fillTexts();
  } finally {
    document.documentElement.removeAttribute("data-translating");
  }
})();

/** Calls the JSON API in the page's language (`?lang=`): GET when `body` is undefined, else
 * POST with `body` as JSON. Throws an Error with the server's message when the answer is not
 * 2xx, or when there is no answer. */
async function api(path, body) {
  const init = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  let response;
  try {
    response = await fetch(withLang(path), init);
  } catch (_) {
    throw new Error(t("playground.no-server"));
  }
  const text = await response.text();
  let doc = null;
  try { doc = JSON.parse(text); } catch (_) { /* not JSON */ }
  if (!response.ok) {
    const message = doc && doc.error ? doc.error.message : text || response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return doc;
}

/** A number as a person reads it: up to 6 significant digits, exponent when tiny or huge. */
function fmt(x) {
  if (x === null || x === undefined) return "—";
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

/** A tick label: three significant digits at most. */
function tick(x) {
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/** Colours for pinned runs, distinct from the live run's red. */
const PALETTE = ["#2c6fb7", "#2e8b57", "#8a4fbf", "#d08a00", "#0f8b8d", "#b5487a", "#6b7a1f", "#5b6475"];

/**
 * A line chart on `canvas`: `series` is [{values: [y...], x0?: first x, color, label, width}],
 * x is the index (plus x0). `options.log` draws y on a log scale (values ≤ 0 left out);
 * `options.yLabel`, `options.xLabel` name the axes; `options.yMin`/`yMax` fix the range.
 */
function lineChart(canvas, series, options = {}) {
  const ctx = canvas.getContext("2d");
  const W = canvas.width, H = canvas.height;
  const pad = { left: 80, right: 14, top: 26, bottom: 36 };
  const FONT = '12px system-ui, "scratchnet-korean", sans-serif';
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, H);
  const ty = (v) => (options.log ? (v > 0 && Number.isFinite(v) ? Math.log10(v) : null)
    : (Number.isFinite(v) ? v : null));
  let xMax = 1, yLo = Infinity, yHi = -Infinity;
  for (const s of series) {
    const x0 = s.x0 || 0;
    xMax = Math.max(xMax, x0 + s.values.length - 1);
    for (const v of s.values) {
      const t = ty(v);
      if (t === null) continue;
      yLo = Math.min(yLo, t); yHi = Math.max(yHi, t);
    }
  }
  if (options.yMin !== undefined) yLo = ty(options.yMin);
  if (options.yMax !== undefined) yHi = ty(options.yMax);
  if (!Number.isFinite(yLo)) { yLo = 0; yHi = 1; }
  if (yHi - yLo < 1e-12) { yHi = yLo + 1; yLo -= 1; }
  // round numbers on the axis: steps of 1, 2 or 5 times a power of ten (whole decades on a log
  // scale spanning more than two), the range widened to the nearest ticks
  const span = yHi - yLo;
  const raw = options.log && span > 2 ? Math.max(1, Math.round(span / 4)) : span / 4;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = options.log && span > 2 ? raw
    : [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= raw * 0.999);
  if (options.yMin === undefined) yLo = Math.floor(yLo / step + 1e-9) * step;
  if (options.yMax === undefined) yHi = Math.ceil(yHi / step - 1e-9) * step;
  const X = (x) => pad.left + (W - pad.left - pad.right) * x / xMax;
  const Y = (t) => H - pad.bottom - (H - pad.top - pad.bottom) * (t - yLo) / (yHi - yLo);
  // axes and ticks
  ctx.strokeStyle = "#9aa4b5"; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(pad.left, pad.top); ctx.lineTo(pad.left, H - pad.bottom);
  ctx.lineTo(W - pad.right, H - pad.bottom); ctx.stroke();
  ctx.fillStyle = "#5b6475"; ctx.font = FONT;
  ctx.textAlign = "right"; ctx.textBaseline = "middle";
  for (let t = Math.ceil(yLo / step - 1e-9) * step; t <= yHi + step * 1e-6; t += step) {
    const label = tick(options.log ? Math.pow(10, t) : t);
    ctx.fillText(label, pad.left - 6, Y(t));
    ctx.strokeStyle = "#eef1f5"; ctx.beginPath(); ctx.moveTo(pad.left + 1, Y(t)); ctx.lineTo(W - pad.right, Y(t)); ctx.stroke();
  }
  ctx.textAlign = "center"; ctx.textBaseline = "top";
  const xRaw = xMax / 4, xMag = Math.pow(10, Math.floor(Math.log10(xRaw)));
  const xStep = Math.max(1, [1, 2, 5, 10].map((m) => m * xMag).find((m) => m >= xRaw * 0.999));
  for (let x = 0; x <= xMax; x += xStep) ctx.fillText(String(x), X(x), H - pad.bottom + 5);
  if (options.xLabel) ctx.fillText(options.xLabel, (pad.left + W - pad.right) / 2, H - 16);
  if (options.yLabel) {
    ctx.save(); ctx.translate(12, (pad.top + H - pad.bottom) / 2); ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle"; ctx.fillText(options.yLabel, 0, 0); ctx.restore();
  }
  // the series
  ctx.save();
  ctx.beginPath(); ctx.rect(pad.left, pad.top, W - pad.left - pad.right, H - pad.top - pad.bottom); ctx.clip();
  for (const s of series) {
    ctx.strokeStyle = s.color; ctx.lineWidth = s.width || 2;
    ctx.beginPath();
    let drawing = false;
    const x0 = s.x0 || 0;
    const step = Math.max(1, Math.floor(s.values.length / (W * 2)));
    for (let i = 0; i < s.values.length; i += step) {
      const t = ty(s.values[i]);
      if (t === null) { drawing = false; continue; }
      const px = X(x0 + i), py = Y(Math.max(Math.min(t, yHi + (yHi - yLo)), yLo - (yHi - yLo)));
      if (drawing) ctx.lineTo(px, py); else ctx.moveTo(px, py);
      drawing = true;
    }
    ctx.stroke();
    if (s.dots) {
      ctx.fillStyle = s.color;
      s.values.forEach((v, i) => {
        const t = ty(v);
        if (t !== null) { ctx.beginPath(); ctx.arc(X(x0 + i), Y(t), 3, 0, 2 * Math.PI); ctx.fill(); }
      });
    }
  }
  ctx.restore();
  // legend
  let lx = pad.left + 8;
  ctx.textAlign = "left"; ctx.textBaseline = "top"; ctx.font = FONT;
  let ly = 6;
  for (const s of series) {
    if (!s.label) continue;
    const width = 26 + ctx.measureText(s.label).width;
    if (lx + width > W - pad.right && lx > pad.left + 8) { lx = pad.left + 8; ly += 15; }
    if (ly > 6) { ctx.fillStyle = "rgba(255,255,255,0.85)"; ctx.fillRect(lx - 2, ly - 1, width, 15); }
    ctx.fillStyle = s.color; ctx.fillRect(lx, ly + 4, 14, 4);
    ctx.fillStyle = "#1d2330"; ctx.fillText(s.label, lx + 18, ly);
    lx += width;
  }
}

/** The names shown for an update rule's settings: keys of the catalogue, or the name itself. */
const SETTING_NAMES = { momentum: "playground.setting-momentum", decay_rate: "playground.setting-decay-rate" };

/**
 * Fills `select` with the update rules of GET /api/train/defaults (the library's names, titles
 * and defaults, in the book's order) and `box` with an input per setting; only the settings the
 * chosen rule uses are shown (a rule's defaults list exactly those). Returns `settings()`, the
 * shown settings as numbers, and calls `onChange(rule)` when another rule is chosen.
 */
function ruleControls(rules, select, box, onChange) {
  const inputs = {};
  for (const rule of rules) {
    const option = document.createElement("option");
    option.value = rule.optimizer.kind; option.textContent = rule.title;
    select.appendChild(option);
    for (const [key, value] of Object.entries(rule.optimizer)) {
      if (key === "kind" || key === "lr" || inputs[key]) continue;
      const label = document.createElement("label");
      const name = document.createElement("span"); name.className = "name"; name.textContent = SETTING_NAMES[key] ? t(SETTING_NAMES[key]) : key;
      const input = document.createElement("input"); input.type = "text"; input.id = key; input.value = value;
      label.append(name, input);
      box.appendChild(label);
      inputs[key] = { label, input };
    }
  }
  const chosen = () => rules.find((r) => r.optimizer.kind === select.value);
  const show = () => {
    for (const [key, { label }] of Object.entries(inputs)) label.hidden = !(key in chosen().optimizer);
  };
  select.addEventListener("change", () => { show(); onChange(chosen()); });
  show();
  return {
    settings() {
      const out = {};
      for (const [key, { label, input }] of Object.entries(inputs)) if (!label.hidden) out[key] = Number(input.value);
      return out;
    },
    inputs: Object.values(inputs).map((i) => i.input),
  };
}

/** Draws a 28 × 28 MNIST image (values 0–255 or 0–1 with `unit`) into `canvas`, white digit
 * on black as MNIST stores it. */
function drawDigit(canvas, pixels, unit = false) {
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = unit ? Math.round(pixels[i] * 255) : pixels[i];
    image.data[4 * i] = v; image.data[4 * i + 1] = v; image.data[4 * i + 2] = v; image.data[4 * i + 3] = 255;
  }
  const tmp = document.createElement("canvas");
  tmp.width = 28; tmp.height = 28;
  tmp.getContext("2d").putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tmp, 0, 0, canvas.width, canvas.height);
}

/** Ten probabilities as bars into `element`, the largest in red. */
function probabilityBars(element, probabilities) {
  element.replaceChildren();
  if (!probabilities) return;
  const top = probabilities.indexOf(Math.max(...probabilities));
  probabilities.forEach((p, digit) => {
    const name = document.createElement("span"); name.textContent = digit;
    const track = document.createElement("div");
    const bar = document.createElement("div");
    bar.className = digit === top ? "bar top" : "bar";
    bar.style.width = (100 * p).toFixed(1) + "%";
    track.appendChild(bar);
    const value = document.createElement("span"); value.className = "numbers";
    value.textContent = (100 * p).toFixed(1) + "%";
    element.append(name, track, value);
  });
}
