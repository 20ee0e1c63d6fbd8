// scratchnet playground: what every page shares. Every number shown comes from the server
// (the scratchnet library); this file only asks and draws. Every word shown comes from the
// server too: the catalogue of GET /api/texts, in the page's language.
"use strict";

/** The page's language: `?lang=ko` or `?lang=en` in the URL (remembered for the next visit),
 * else the one remembered, else the browser's (Korean when it starts with "ko"), else English. */
const LANG = (() => {
  const asked = new URLSearchParams(location.search).get("lang");
  const remember = (lang) => { try { localStorage.setItem("scratchnet-lang", lang); } catch (_) { /* private mode */ } };
  if (asked === "en" || asked === "ko") { remember(asked); return asked; }
  let kept = null;
  try { kept = localStorage.getItem("scratchnet-lang"); } catch (_) { /* private mode */ }
  if (kept === "en" || kept === "ko") return kept;
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

/** A number as written in a sentence: digits, a point, an exponent, a sign before them. */
const NUMBER = /[−-]?\d[\d.]*(?:e[−+-]?\d+)?/g;

/** `text` as nodes, each number in a <span class="num"> that never breaks across lines
 * ("1.000e-7" stays whole). */
function withNumbers(text) {
  const nodes = [];
  let at = 0;
  for (const match of text.matchAll(NUMBER)) {
    if (match.index > at) nodes.push(document.createTextNode(text.slice(at, match.index)));
    const span = document.createElement("span"); span.className = "num"; span.textContent = match[0];
    nodes.push(span);
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** Puts `text` into `element`: `code` in backquotes as <code>, numbers unbroken. */
function setText(element, text) {
  element.replaceChildren(...text.split("`").flatMap((part, i) => {
    if (i % 2 === 0) return withNumbers(part);
    const code = document.createElement("code"); code.textContent = part; return [code];
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
    if (!link.dataset.keeps) {
      // a settings change not yet in the URL (written every 200 ms) goes along with the switch
      link.dataset.keeps = "true";
      link.addEventListener("click", () => { if (typeof writeUrl === "function") writeUrl(); });
    }
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

// ---- the page's settings in its URL

/** The page's settings as the URL gave them when the page was opened. */
const ASKED = new URLSearchParams(location.search);

/** The value of setting `name` in the URL the page was opened with, or null. */
function fromUrl(name) {
  return ASKED.get(name);
}

/** The settings waiting to be written into the URL, and the timer that writes them. */
const URL_WRITE = { settings: null, timer: null };

/** Writes `settings` (name → value; null or undefined left out) into the page's URL, in place
 * (no new history entry): the URL is always the page as it is, to share or bookmark. The
 * language stays as the URL named it. Written at most every 200 ms (a drag asks on every
 * round trip, and browsers refuse hundreds of history changes in a few seconds). */
function toUrl(settings) {
  URL_WRITE.settings = settings;
  if (URL_WRITE.timer === null) URL_WRITE.timer = setTimeout(writeUrl, 200);
}

/** Writes the last settings given to `toUrl` into the URL now. */
function writeUrl() {
  clearTimeout(URL_WRITE.timer);
  URL_WRITE.timer = null;
  if (!URL_WRITE.settings) return;
  const params = new URLSearchParams();
  if (ASKED.has("lang")) params.set("lang", ASKED.get("lang"));
  for (const [name, value] of Object.entries(URL_WRITE.settings)) {
    if (value !== null && value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  try {
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  } catch (_) {
    // a browser that refuses: the next write tries again
  }
  languageLinks();
}

// ---- typed fields, checked where they are typed

/** The checks of the page's typed fields: id → {integer, min, max, above, below}. */
const FIELD_RULES = {};

/** A field's value that does not pass its check; its reason is shown beside the field. */
class FieldError extends Error {}

/** What a field is called in a reason: its aria-label, else its label's name. */
function fieldName(input) {
  const label = input.closest("label");
  const name = label && label.querySelector("span.name");
  return input.getAttribute("aria-label") || (name && name.textContent.trim()) || input.id;
}

/** The element beside `input` that says why its value is refused, made on first use. */
function reasonOf(input) {
  let reason = document.getElementById(input.id + "-why");
  if (!reason) {
    reason = document.createElement("div");
    reason.id = input.id + "-why"; reason.className = "field-error"; reason.setAttribute("role", "alert");
    (input.closest("label") || input).after(reason);
    input.setAttribute("aria-describedby", reason.id);
  }
  return reason;
}

/** `input`'s value (or `text`, a part of it) as a number, or the reason it is not one the field
 * takes (null if fine). */
function judge(input, rule, text = input.value) {
  const typed = text.trim().replace(/^−/, "-");
  const what = fieldName(input);
  const value = Number(typed);
  // decimal numbers only: Number("0x10") is 16, which the field would not show
  const decimal = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(typed);
  if (!decimal || !Number.isFinite(value)) return [null, t("playground.must-be-number", { what })];
  if (rule.integer && !Number.isInteger(value)) return [null, t("playground.field-whole", { what })];
  if (rule.above !== undefined && !(value > rule.above)) return [null, t("playground.field-above", { what, min: rule.above })];
  if (rule.min !== undefined && value < rule.min) return [null, t("playground.field-at-least", { what, min: rule.min })];
  if (rule.below !== undefined && !(value < rule.below)) return [null, t("playground.field-below", { what, max: rule.below })];
  if (rule.max !== undefined && value > rule.max) return [null, t("playground.field-at-most", { what, max: rule.max })];
  return [value, null];
}

/** Checks the field `id` as it is typed, by `rule` ({integer, min, max, above, below}). */
function field(id, rule) {
  const input = document.getElementById(id);
  FIELD_RULES[id] = rule;
  input.addEventListener("input", () => { try { fieldValue(id); } catch (_) { /* said beside it */ } });
}

/** A field of numbers separated by commas (`100,100,100`), each judged by `rule`, at most
 * `rule.list` of them: the numbers, or the reason the first that is not one the field takes. */
function judgeList(input, rule) {
  const parts = input.value.split(",");
  if (parts.length > rule.list) return [null, t("playground.field-too-many", { what: fieldName(input), max: rule.list })];
  const numbers = [];
  for (const part of parts) {
    const [number, reason] = judge(input, rule, part);
    if (reason !== null) return [null, reason];
    numbers.push(number);
  }
  return [numbers, null];
}

/** The field `id`'s value, checked: throws a FieldError (its reason shown beside the field)
 * when the value is not one the field takes. */
function fieldValue(id) {
  const input = document.getElementById(id);
  const rule = FIELD_RULES[id] || {};
  // an optional field left empty is no value, and nothing wrong
  const empty = rule.optional && input.value.trim() === "";
  const [number, reason] = empty ? [null, null] : rule.list ? judgeList(input, rule) : judge(input, rule);
  const why = reasonOf(input);
  why.textContent = reason || "";
  input.toggleAttribute("aria-invalid", reason !== null);
  if (reason !== null) throw new FieldError(reason);
  return number;
}

/** A number as a person reads it: up to 6 significant digits, exponent when tiny or huge. */
function fmt(x) {
  if (x === null || x === undefined) return "—";
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  // an exponent with up to 4 significant digits, no trailing zeros: 1e-50, 1.037e-18
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return Number(x.toPrecision(4)).toExponential();
  return String(Number(x.toPrecision(6)));
}

/** A tick label for `x` on an axis whose ticks are `step` apart: as many digits as tell
 * neighbouring ticks apart (25.0000000004 beside 25.0000000002), and no more. */
function tick(x, step) {
  const a = Math.abs(x);
  if (Math.abs(x) < step * 1e-6) return "0";
  // digits after the point that show the step; an exponent when tiny or huge
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  if (a < 1e-3 || a >= 1e6) {
    const digits = Math.max(1, Math.min(15, Math.floor(Math.log10(a)) - Math.floor(Math.log10(step) + 1e-9)));
    return x.toExponential(digits);
  }
  return x.toFixed(Math.min(15, decimals));
}

/** A tick label on a log axis at 10^`t`, ticks `step` decades apart. */
function logTick(t, step) {
  const x = Math.pow(10, t);
  // whole decades: 1e-5, 1e-3, 0.01, 0.1, 1, 10 ...
  if (step >= 1 - 1e-9) return x < 1e-3 || x >= 1e6 ? x.toExponential(0) : String(Number(x.toPrecision(1)));
  // fraction of a decade: the relative step is about step × ln 10
  const relative = step * Math.LN10;
  const significant = Math.max(2, Math.min(15, Math.ceil(-Math.log10(relative)) + 1));
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(significant - 1) : String(Number(x.toPrecision(significant)));
}

/** Colours for pinned runs, distinct from the live run's red. */
const PALETTE = ["#2c6fb7", "#2e8b57", "#8a4fbf", "#d08a00", "#0f8b8d", "#b5487a", "#6b7a1f", "#5b6475"];

/**
 * Sizes `canvas` to the width it is shown at (its height in proportion to the width and height
 * it was written with), in device pixels, and returns its 2-D context scaled to CSS pixels with
 * the size in CSS pixels: text drawn at 12px is 12 CSS pixels tall on a phone too.
 */
function fitCanvas(canvas) {
  if (!canvas.dataset.aspect) {
    canvas.dataset.aspect = String(canvas.height / canvas.width);
    canvas.dataset.width = String(canvas.width); // in CSS pixels, as the page wrote it
    // the layout decides the shown width (the column's, at most the written one), never the
    // drawing's own size: a chart drawn small on a narrow window grows back on a wide one
    canvas.style.width = "100%";
    canvas.style.maxWidth = `${canvas.width}px`;
  }
  const W = Math.max(200, Math.round(canvas.clientWidth || Number(canvas.dataset.width)));
  const H = Math.round(W * Number(canvas.dataset.aspect));
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(W * ratio) || canvas.height !== Math.round(H * ratio)) {
    canvas.width = Math.round(W * ratio); canvas.height = Math.round(H * ratio);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { ctx, W, H };
}

/** The text of the charts: 12 CSS pixels. */
const CHART_FONT = '12px system-ui, "scratchnet-korean", sans-serif';

/**
 * Round numbers for an axis from `lo` to `hi`: steps of 1, 2 or 5 times a power of ten (whole
 * decades on a log scale spanning more than two), about `count` of them.
 */
function niceStep(lo, hi, count, log) {
  const span = hi - lo;
  if (log && span > 2) return Math.max(1, Math.round(span / count));
  const raw = span / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= raw * 0.999);
}

/**
 * A line chart on `canvas`: `series` is [{values: [y...], x0?: first x, color, label, width,
 * dots}], x is the index (plus x0). `options.log` draws y on a log scale (values ≤ 0 left out);
 * `options.yLabel`, `options.xLabel` name the axes; `options.yMin`/`yMax` fix the range. A
 * series of one point is drawn as a dot. With no values at all, the axes run over `yMin`–`yMax`
 * (or 0–1). `options.mark` draws a dashed vertical line at that x; `options.xMax` makes the x
 * axis reach at least that far (a run's last iteration, so that its curve grows across).
 */
function lineChart(canvas, series, options = {}) {
  const { ctx, W, H } = fitCanvas(canvas);
  const pad = { left: 0, right: 14, top: 26, bottom: 36 };
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, H);
  const ty = (v) => (options.log ? (v > 0 && Number.isFinite(v) ? Math.log10(v) : null)
    : (Number.isFinite(v) ? v : null));
  let xMax = Math.max(1, options.xMax || 0), yLo = Infinity, yHi = -Infinity;
  for (const s of series) {
    const x0 = s.x0 || 0;
    xMax = Math.max(xMax, x0 + s.values.length - 1);
    for (const v of s.values) {
      const t = ty(v);
      if (t === null) continue;
      yLo = Math.min(yLo, t); yHi = Math.max(yHi, t);
    }
  }
  const empty = !Number.isFinite(yLo);
  if (options.yMin !== undefined) yLo = ty(options.yMin);
  if (options.yMax !== undefined) yHi = ty(options.yMax);
  if (!Number.isFinite(yLo)) yLo = Number.isFinite(yHi) && !empty ? yHi - 1 : 0;
  if (!Number.isFinite(yHi) || (empty && options.yMax === undefined)) yHi = yLo + 1;
  // one value (f constant along the run): a band around it, as wide as the value's last digits
  if (yHi - yLo <= Math.abs(yHi) * 1e-15 || yHi - yLo < 1e-300) {
    const half = Math.max(Math.abs(yHi) * 1e-6, 1e-12);
    yLo -= half; yHi += half;
  }
  const step = niceStep(yLo, yHi, 4, options.log);
  if (options.yMin === undefined) yLo = Math.floor(yLo / step + 1e-9) * step;
  if (options.yMax === undefined) yHi = Math.ceil(yHi / step - 1e-9) * step;
  // the y ticks' labels first: the left margin is as wide as the widest
  ctx.font = CHART_FONT;
  const ticks = [];
  for (let k = Math.ceil(yLo / step - 1e-9); k * step <= yHi + step * 1e-6; k++) {
    ticks.push([k * step, options.log ? logTick(k * step, step) : tick(k * step, step)]);
  }
  pad.left = Math.max(48, 30 + Math.max(...ticks.map(([, label]) => ctx.measureText(label).width)));
  // the labels, for the browser tests (each must differ from its neighbours)
  canvas.dataset.ticks = ticks.map(([, label]) => label).join(" | ");
  const X = (x) => pad.left + (W - pad.left - pad.right) * x / xMax;
  const Y = (t) => H - pad.bottom - (H - pad.top - pad.bottom) * (t - yLo) / (yHi - yLo);
  // axes and ticks
  ctx.strokeStyle = "#9aa4b5"; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(pad.left, pad.top); ctx.lineTo(pad.left, H - pad.bottom);
  ctx.lineTo(W - pad.right, H - pad.bottom); ctx.stroke();
  ctx.fillStyle = "#5b6475";
  ctx.textAlign = "right"; ctx.textBaseline = "middle";
  for (const [t, label] of ticks) {
    ctx.fillText(label, pad.left - 6, Y(t));
    ctx.strokeStyle = "#eef1f5"; ctx.beginPath(); ctx.moveTo(pad.left + 1, Y(t)); ctx.lineTo(W - pad.right, Y(t)); ctx.stroke();
  }
  ctx.textAlign = "center"; ctx.textBaseline = "top";
  const xStep = Math.max(1, niceStep(0, xMax, W < 400 ? 3 : 4, false));
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
    const every = Math.max(1, Math.floor(s.values.length / (W * 2)));
    for (let i = 0; i < s.values.length; i += every) {
      const t = ty(s.values[i]);
      if (t === null) { drawing = false; continue; }
      const px = X(x0 + i), py = Y(Math.max(Math.min(t, yHi + (yHi - yLo)), yLo - (yHi - yLo)));
      if (drawing) ctx.lineTo(px, py); else ctx.moveTo(px, py);
      drawing = true;
    }
    ctx.stroke();
    if (s.dots || s.values.length === 1) {
      ctx.fillStyle = s.color;
      s.values.forEach((v, i) => {
        const t = ty(v);
        if (t !== null) { ctx.beginPath(); ctx.arc(X(x0 + i), Y(t), 3.5, 0, 2 * Math.PI); ctx.fill(); }
      });
    }
  }
  if (options.mark !== undefined) {
    // the step shown: a vertical line
    ctx.strokeStyle = "#1d2330"; ctx.lineWidth = 1.5; ctx.setLineDash([4, 3]);
    ctx.beginPath(); ctx.moveTo(X(options.mark), pad.top); ctx.lineTo(X(options.mark), H - pad.bottom); ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.restore();
  // legend
  let lx = pad.left + 8;
  ctx.textAlign = "left"; ctx.textBaseline = "top"; ctx.font = CHART_FONT;
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
      input.inputMode = "decimal";
      label.append(name, input);
      box.appendChild(label);
      inputs[key] = { label, input };
      // every rule's setting is a fraction: 0 ≤ value < 1 (the library's check)
      field(key, { min: 0, below: 1 });
    }
  }
  const chosen = () => rules.find((r) => r.optimizer.kind === select.value);
  const show = () => {
    for (const [key, { label }] of Object.entries(inputs)) label.hidden = !(key in chosen().optimizer);
  };
  select.addEventListener("change", () => { show(); onChange(chosen()); });
  show();
  return {
    /** The chosen rule's settings, each checked (a FieldError when one is not). */
    settings() {
      const out = {};
      for (const [key, { label }] of Object.entries(inputs)) if (!label.hidden) out[key] = fieldValue(key);
      return out;
    },
    /** Shows `kind`'s settings, without calling `onChange`. */
    choose(kind) { select.value = kind; show(); },
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
