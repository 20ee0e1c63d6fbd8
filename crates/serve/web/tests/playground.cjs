// Browser tests of `scratchnet serve`: each page loaded in Debian's Chromium (headless), used
// as a learner would (drag, type, click, draw), checked, and photographed.
//
// node crates/serve/web/tests/playground.cjs URL SCREENSHOT_DIR   (crates/serve/web/test.sh starts the server and runs this)
//
// Then the same pages in Korean (?lang=ko), photographed at 1366 × 768 and 390 × 844 into
// $SCRATCHNET_KO_SHOTS (default SCREENSHOT_DIR/ko).
"use strict";

const path = require("path");
const fs = require("fs");
const { chromium } = require(path.join(process.env.PLAYWRIGHT_MODULES, "playwright-core"));

const [url, shots] = process.argv.slice(2);
const koShots = process.env.SCRATCHNET_KO_SHOTS || path.join(shots, "ko");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push([name, "ok", Date.now() - started]);
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push([name, "FAILED", Date.now() - started]);
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}
function assert(condition, message) { if (!condition) throw new Error(message); }

/** Takes a screenshot of `locator` into SCREENSHOT_DIR/name.png and measures it in the page:
 * how many distinct colours, and how many pixels near `color` (e.g. the path's red). */
async function photograph(page, locator, name, color) {
  const file = path.join(shots, `${name}.png`);
  const png = await locator.screenshot({ path: file });
  return page.evaluate(async ([data, color]) => {
    const image = new Image();
    image.src = "data:image/png;base64," + data;
    await image.decode();
    const c = document.createElement("canvas");
    c.width = image.width; c.height = image.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let near = 0;
    for (let i = 0; i < px.length; i += 4) {
      colours.add((px[i] >> 3) << 10 | (px[i + 1] >> 3) << 5 | (px[i + 2] >> 3));
      if (color && Math.abs(px[i] - color[0]) + Math.abs(px[i + 1] - color[1]) + Math.abs(px[i + 2] - color[2]) < 60) near++;
    }
    return { width: c.width, height: c.height, colours: colours.size, near };
  }, [png.toString("base64"), color || null]);
}

const RED = [200, 50, 45];

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  // an English browser: the pages choose English when the URL names no language
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(e.message));

  // ---- Descent
  await check("descent page loads and draws the map with the live path", async () => {
    await page.goto(url + "descent");
    await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
    const shot = await photograph(page, page.locator("#map"), "descent-map", RED);
    assert(shot.colours > 20, `the map looks blank: ${shot.colours} colours`);
    assert(shot.near > 200, `the path is not visible: ${shot.near} red pixels`);
    await page.screenshot({ path: path.join(shots, "descent-page.png") });
  });

  await check("dragging the start moves the path (round trips measured)", async () => {
    const before = await page.evaluate(() => window.__descent.run.init);
    const box = await page.locator("#map").boundingBox();
    await page.evaluate(() => { window.__descent.roundTrips.length = 0; });
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.25);
    await page.mouse.down();
    for (let i = 0; i <= 30; i++) {
      await page.mouse.move(box.x + box.width * (0.8 - 0.01 * i), box.y + box.height * (0.25 + 0.01 * i));
      await page.waitForTimeout(15);
    }
    await page.mouse.up();
    await page.waitForFunction(() => !window.__descent.inFlight && !window.__descent.pending);
    const after = await page.evaluate(() => window.__descent.run.init);
    // the start is where the drag ended: 0.5 of the width and 0.55 of the height of [-4.5, 4.5]²
    assert(Math.abs(after[0] - 0.0) < 0.2 && Math.abs(after[1] - (-0.45)) < 0.2, `start ${after} (was ${before})`);
    const trips = await page.evaluate(() => window.__descent.roundTrips.slice());
    trips.sort((a, b) => a - b);
    console.log(`      drag: ${trips.length} round trips, median ${trips[Math.floor(trips.length / 2)].toFixed(1)} ms, slowest ${trips[trips.length - 1].toFixed(1)} ms`);
    assert(trips.length >= 5, `only ${trips.length} runs while dragging`);
    const shot = await photograph(page, page.locator("#map"), "descent-dragged", RED);
    assert(shot.near > 50, "the path is not visible after the drag");
  });

  await check("learning rate 10 diverges, and the diagnosis says so", async () => {
    await page.fill("#x0", "-3"); await page.fill("#x1", "4");
    await page.fill("#lr", "10");
    await page.locator("#lr").dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector("#diagnosis").textContent.includes("diverged"), null, { timeout: 10000 });
    await page.screenshot({ path: path.join(shots, "descent-diverged.png") });
  });

  await check("two runs pinned side by side", async () => {
    await page.fill("#lr", "0.1"); await page.locator("#lr").dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector("#diagnosis").dataset.kind === "converged");
    await page.click("#pin");
    await page.fill("#lr", "0.02"); await page.locator("#lr").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.run.lr === 0.02 && !window.__descent.inFlight);
    await page.click("#pin");
    const pins = await page.locator("#pins li").count();
    assert(pins === 2, `${pins} pinned runs`);
    await page.click("#preset-rules");
    await page.waitForFunction(() => window.__descent.pins.length === 4, null, { timeout: 10000 });
    await page.screenshot({ path: path.join(shots, "descent-pinned.png") });
  });

  await check("a typed formula is drawn and descended", async () => {
    await page.selectOption("#function", "formula");
    await page.fill("#lr", "0.1"); await page.locator("#lr").dispatchEvent("change");
    await page.fill("#formula-text", "(x0 - 1)**2 + 2*(x1 + 1)**2");
    await page.click("#formula-go");
    await page.waitForFunction(() => {
      const d = window.__descent;
      return d.doc && d.doc.formula === "(x0 - 1)**2 + 2*(x1 + 1)**2" && !d.inFlight && !d.pending;
    }, null, { timeout: 10000 });
    const kind = await page.evaluate(() => window.__descent.run.diagnosis.kind);
    assert(kind === "converged", `diagnosis ${kind}`);
    const final = await page.evaluate(() => window.__descent.run.final);
    assert(Math.abs(final[0] - 1) < 1e-3 && Math.abs(final[1] + 1) < 1e-3, `ended at ${final}`);
    const shot = await photograph(page, page.locator("#map"), "descent-formula", RED);
    assert(shot.near > 100, "the path is not visible");
    await page.fill("#formula-text", "x0 +* 2");
    await page.click("#formula-go");
    await page.waitForFunction(() => document.querySelector("#error").textContent.includes("character 5"));
  });

  // ---- Training
  await check("a short training streams its points in live", async () => {
    await page.goto(url + "training");
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#iters", "600");
    await page.click("#start");
    await page.waitForFunction(() => window.__training.run.status === "finished", null, { timeout: 120000 });
    const { run, stats } = await page.evaluate(() => window.__training);
    assert(run.losses.length === 600, `${run.losses.length} losses`);
    assert(run.epochs.length >= 12, `${run.epochs.length} epochs`);
    assert(stats.events >= 3, `the points came in ${stats.events} events: not streamed`);
    const seconds = (stats.lastEvent - stats.firstEvent) / 1000;
    console.log(`      streaming: ${stats.pointsReceived} losses in ${stats.events} events over ${seconds.toFixed(2)} s (${(stats.events / seconds).toFixed(1)} events/s)`);
    const text = await page.textContent("#status");
    assert(text.includes("test accuracy"), `status: ${text}`);
    const shot = await photograph(page, page.locator("#loss"), "training-loss", [44, 111, 183]);
    assert(shot.near > 100, "no loss curve");
    await page.screenshot({ path: path.join(shots, "training-page.png") });
  });

  // ---- Digits
  async function stroke(points) {
    const box = await page.locator("#pad").boundingBox();
    const at = ([x, y]) => [box.x + x * box.width / 280, box.y + y * box.height / 280];
    await page.mouse.move(...at(points[0]));
    await page.mouse.down();
    for (let k = 1; k < points.length; k++) {
      const [a, b] = [points[k - 1], points[k]];
      for (let t = 1; t <= 10; t++) await page.mouse.move(...at([a[0] + (b[0] - a[0]) * t / 10, a[1] + (b[1] - a[1]) * t / 10]));
    }
    await page.mouse.up();
    await page.waitForFunction(() => !window.__digits.inFlight && !window.__digits.pending);
    return page.evaluate(() => window.__digits.last.prediction);
  }

  await check("digits page: a drawn 1 and a drawn 7 are read as 1 and 7", async () => {
    await page.goto(url + "digits");
    await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
    const one = await stroke([[150, 40], [130, 240]]);
    await page.screenshot({ path: path.join(shots, "digits-one.png") });
    assert(one === 1, `a 1 was read as ${one}`);
    await page.click("#clear");
    const seven = await stroke([[70, 50], [210, 50], [120, 240]]);
    await page.screenshot({ path: path.join(shots, "digits-seven.png") });
    assert(seven === 7, `a 7 was read as ${seven}`);
    // the bar of the answer is drawn in proportion: most of the track
    const bar = await page.evaluate(() => {
      const top = document.querySelector(".bar.top").getBoundingClientRect().width;
      const track = document.querySelector(".bar.top").parentElement.getBoundingClientRect().width;
      return { top, track, p: Math.max(...window.__digits.last.probabilities) };
    });
    assert(bar.track > 200 && Math.abs(bar.top / bar.track - bar.p) < 0.02, `bar ${bar.top} of ${bar.track} for ${bar.p}`);
  });

  await check("confusion matrix: a click lists those images", async () => {
    await page.click("#confusion button[aria-label*='of 3 read as 5']");
    await page.waitForFunction(() => document.querySelector("#cell").textContent.includes("read as 5"));
    const count = await page.locator("#thumbs button").count();
    const said = await page.textContent("#cell");
    assert(said.startsWith(String(count)) || said.includes("the first"), `${said} but ${count} shown`);
    await page.screenshot({ path: path.join(shots, "digits-confusion.png"), fullPage: true });
  });


  // ---- Korean: every page with ?lang=ko
  fs.mkdirSync(koShots, { recursive: true });
  const ko = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
  ko.on("pageerror", (e) => consoleErrors.push(e.message));

  /** Opens `name` in Korean and waits until it is ready. */
  async function openKorean(name, timeout = 20000) {
    await ko.setViewportSize({ width: 1366, height: 768 });
    await ko.goto(`${url}${name}?lang=ko`);
    await ko.waitForSelector("body[data-ready=true]", { timeout });
    assert(await ko.evaluate(() => document.documentElement.lang) === "ko", "<html lang> is not ko");
  }

  /** The words of 4 letters or more in the page's visible text that are English: none but the
   * names and the code listed here (update rules, the network's and the functions' names, the
   * formulas' functions, the language switch's "English"). Text in <code>, paths and flags are
   * code too. */
  const NAMES = new Set([
    "MNIST", "Adam", "AdaGrad", "RMSprop", "Momentum", "Nesterov", "ReLU", "TwoLayerNet", "sigmoid",
    "scratchnet", "English",
    "sphere", "function_1", "bowl", "saddle", "plateau", "rosenbrock", "himmelblau",
    "sqrt", "tanh",
  ]);
  async function englishWords() {
    const text = await ko.evaluate(() => {
      let all = document.body.innerText;
      for (const code of document.querySelectorAll("code")) all = all.split(code.textContent).join(" ");
      return all;
    });
    const words = text
      .replace(/\S*\/\S*/g, " ") // paths and routes
      .replace(/--[a-z][a-z-]*/g, " ") // flags
      .replace(/\b[\w-]+\.(py|ipynb|safetensors)\b/g, " ") // files
      .match(/[A-Za-z][A-Za-z0-9_]*/g) || [];
    return [...new Set(words.filter((w) => w.replace(/[^A-Za-z]/g, "").length >= 4 && !NAMES.has(w)))];
  }

  /** The elements whose own text has Hangul but is drawn in no font with Hangul (empty boxes),
   * asked of Chromium's DevTools: the fonts it used for each element's text. */
  const devtools = await ko.context().newCDPSession(ko);
  await devtools.send("DOM.enable"); await devtools.send("CSS.enable");
  async function boxes() {
    await ko.evaluate(() => {
      for (const e of document.querySelectorAll("body *")) {
        const own = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("");
        if (/[\uac00-\ud7a3]/.test(own) && e.getClientRects().length) e.setAttribute("data-hangul", "");
        else e.removeAttribute("data-hangul");
      }
    });
    const { root } = await devtools.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await devtools.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-hangul]" });
    const wrong = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await devtools.send("CSS.getPlatformFontsForNode", { nodeId });
      // DejaVu (the fallback here) has no Hangul: a Korean font must have drawn some of it
      if (!fonts.some((f) => !f.familyName.startsWith("DejaVu"))) {
        const { outerHTML } = await devtools.send("DOM.getOuterHTML", { nodeId });
        wrong.push(outerHTML.slice(0, 80));
      }
    }
    return wrong;
  }

  /** No English word, no key missing from the catalogue, nothing wider than the window, no
   * Hangul drawn as empty boxes. */
  async function allKorean(where) {
    const english = await englishWords();
    assert(english.length === 0, `${where}: English words ${english.join(", ")}`);
    const missing = await ko.evaluate(() => [...MISSING_TEXTS]);
    assert(missing.length === 0, `${where}: texts missing from the catalogue: ${missing.join(", ")}`);
    const wide = await ko.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll("body *")]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
    });
    assert(wide.length === 0, `${where}: wider than the window: ${wide.slice(0, 5).join(", ")}`);
    const empty = await boxes();
    assert(empty.length === 0, `${where}: Hangul drawn as empty boxes in ${empty.slice(0, 3).join(" | ")}`);
  }

  /** Photographs the page at 1366 × 768 and at 390 × 844 (the whole page), checking each. */
  async function photographBoth(name) {
    await ko.evaluate(() => window.scrollTo(0, 0));
    await allKorean(`${name} at 1366 × 768`);
    await ko.screenshot({ path: path.join(koShots, `${name}-1366x768.png`) });
    await ko.screenshot({ path: path.join(koShots, `${name}-1366x768-full.png`), fullPage: true });
    await ko.setViewportSize({ width: 390, height: 844 });
    await ko.waitForTimeout(300);
    await ko.evaluate(() => window.scrollTo(0, 0));
    await allKorean(`${name} at 390 × 844`);
    await ko.screenshot({ path: path.join(koShots, `${name}-390x844.png`) });
    await ko.screenshot({ path: path.join(koShots, `${name}-390x844-full.png`), fullPage: true });
    await ko.setViewportSize({ width: 1366, height: 768 });
  }

  await check("Korean descent page: labels, diagnoses, errors and pins in Korean", async () => {
    await openKorean("descent");
    const lr = await ko.textContent("[data-text='playground.learning-rate-eta']");
    assert(lr === "학습률 η", `the learning rate's label: ${lr}`);
    assert((await ko.getAttribute("#map", "aria-label")).includes("등고선"), "the map's label is not Korean");
    assert(await ko.title() === "경사 하강법 — scratchnet 놀이터", `title ${await ko.title()}`);
    let said = await ko.textContent("#diagnosis");
    assert(said.startsWith("최소점에 수렴했습니다."), `diagnosis: ${said}`);
    await ko.fill("#lr", "10"); await ko.locator("#lr").dispatchEvent("change");
    await ko.waitForFunction(() => document.querySelector("#diagnosis").dataset.kind === "diverged", null, { timeout: 10000 });
    said = await ko.textContent("#diagnosis");
    assert(said.startsWith("발산했습니다."), `diagnosis: ${said}`);
    await ko.click("#pin");
    const pinned = await ko.textContent("#pins li");
    assert(pinned.startsWith("SGD 학습률 10, 시작점 [") && pinned.includes(": 발산, 마지막 점 ["), `pinned: ${pinned}`);
    await ko.fill("#lr", "abc"); await ko.locator("#lr").dispatchEvent("change");
    await ko.waitForFunction(() => document.querySelector("#error").textContent !== "");
    const typed = await ko.textContent("#error");
    assert(typed === "학습률에는 숫자를 넣어야 합니다.", `error: ${typed}`);
    await ko.fill("#lr", "0.1"); await ko.locator("#lr").dispatchEvent("change");
    await ko.waitForFunction(() => document.querySelector("#diagnosis").dataset.kind === "converged");
    await ko.click("#preset-rules");
    await ko.waitForFunction(() => window.__descent.pins.length === 4, null, { timeout: 10000 });
    await ko.waitForFunction(() => !window.__descent.inFlight && !window.__descent.pending);
    await photographBoth("descent");
    // an error of the server's, in Korean
    await ko.selectOption("#function", "formula");
    await ko.fill("#formula-text", "x0 +* 2");
    await ko.click("#formula-go");
    await ko.waitForFunction(() => document.querySelector("#error").textContent.includes("식을 읽을 수 없습니다"));
  });

  await check("Korean training page: labels, the run's progress and end in Korean", async () => {
    await openKorean("training");
    const label = await ko.textContent("[data-text='playground.iterations']");
    assert(label === "반복 횟수", `the iterations' label: ${label}`);
    assert((await ko.textContent("#data")).startsWith("MNIST: 훈련 이미지"), "the data is not said in Korean");
    const before = await ko.evaluate(() => window.__training.run.id);
    await ko.fill("#iters", "300");
    await ko.click("#start");
    await ko.waitForFunction((before) => window.__training.run.id !== before && window.__training.run.status === "finished",
      before, { timeout: 120000 });
    const status = await ko.textContent("#status");
    assert(status.startsWith("300번 반복을 마쳤습니다."), `status: ${status}`);
    assert((await ko.textContent("#epochs")).startsWith("에폭 "), "the epochs are not said in Korean");
    await photographBoth("training");
  });

  await check("Korean digits page: labels, the network and the confusion matrix in Korean", async () => {
    await openKorean("digits", 60000);
    const heading = await ko.textContent("h1");
    assert(heading === "숫자를 그려 보세요", `heading: ${heading}`);
    assert((await ko.textContent("#model-name")).startsWith("내장 신경망: TwoLayerNet"), "the network is not said in Korean");
    const box = await ko.locator("#pad").boundingBox();
    await ko.mouse.move(box.x + box.width * 150 / 280, box.y + box.height * 40 / 280);
    await ko.mouse.down();
    for (let k = 1; k <= 10; k++) await ko.mouse.move(box.x + box.width * (150 - 2 * k) / 280, box.y + box.height * (40 + 20 * k) / 280);
    await ko.mouse.up();
    await ko.waitForFunction(() => window.__digits.last && !window.__digits.inFlight && !window.__digits.pending);
    await ko.click("#confusion button[aria-label^='실제 3, 예측 5:']");
    await ko.waitForFunction(() => document.querySelector("#cell").textContent.startsWith("실제 숫자 3, 예측 5인 시험 이미지"));
    await photographBoth("digits");
  });

  await check("the language comes from the browser, and the switch and the links keep it", async () => {
    const korean = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "ko-KR" });
    korean.on("pageerror", (e) => consoleErrors.push(e.message));
    await korean.goto(url + "descent");
    await korean.waitForSelector("body[data-ready=true]");
    assert(await korean.evaluate(() => document.documentElement.lang) === "ko", "a Korean browser's page is not Korean");
    assert(await korean.textContent("h1") === "경사 하강법: x ← x − η ∇f(x)", "the heading is not Korean");
    const training = await korean.getAttribute("nav.pages a[href^='/training']", "href");
    assert(training === "/training?lang=ko", `the Training link: ${training}`);
    await korean.click("nav.lang a[lang=en]");
    await korean.waitForSelector("body[data-ready=true]");
    assert(korean.url().endsWith("/descent?lang=en"), `switched to ${korean.url()}`);
    assert(await korean.textContent("h1") === "Gradient descent: x ← x − η ∇f(x)", "the switch did not give English");
    await korean.click("nav.pages a[href^='/digits']");
    await korean.waitForSelector("h1");
    assert(korean.url().endsWith("/digits?lang=en"), `the link went to ${korean.url()}`);
    assert(await korean.evaluate(() => document.documentElement.lang) === "en", "the next page is not English");
    await korean.close();
  });

  await check("no script errors on any page, no text missing from the catalogue", async () => {
    assert(consoleErrors.length === 0, consoleErrors.join("; "));
    const missing = await page.evaluate(() => [...MISSING_TEXTS]);
    assert(missing.length === 0, `texts missing from the catalogue: ${missing.join(", ")}`);
  });

  await browser.close();
  const failed = results.filter((r) => r[1] !== "ok");
  console.log(`${results.length - failed.length} passed, ${failed.length} failed; screenshots in ${shots}`);
  process.exit(failed.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
