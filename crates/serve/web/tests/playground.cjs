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
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
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

  // ---- Descent: what the screen says is what runs
  /** Waits until the Descent page has no request on its way. */
  const settled = () => page.waitForFunction(() => !window.__descent.inFlight && !window.__descent.pending && !window.__descent.loading);

  await check("a formula edited without Enter is the one drawn and descended", async () => {
    await page.selectOption("#function", "formula");
    await settled();
    await page.fill("#formula-text", "(x0-3)**2 + (x1+2)**2");
    // no Enter, no Draw: a click on the map
    const box = await page.locator("#map").boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.waitForFunction(() => window.__descent.doc && window.__descent.doc.formula === "(x0-3)**2 + (x1+2)**2", null, { timeout: 10000 });
    await settled();
    const shown = await page.evaluate(() => ({ map: window.__descent.grid.formula, formula: document.querySelector("#formula").textContent }));
    assert(shown.map === "(x0-3)**2 + (x1+2)**2", `the map is of ${shown.map}`);
    assert(shown.formula.includes("(x0-3)**2 + (x1+2)**2"), `the page says ${shown.formula}`);
    const final = await page.evaluate(() => window.__descent.run.final);
    assert(Math.abs(final[0] - 3) < 1e-3 && Math.abs(final[1] + 2) < 1e-3, `ended at ${final}`);
  });

  await check("log(x0) from (−3, 4) is undefined there, not an overflow; 0 steps is no steps", async () => {
    await page.fill("#formula-text", "log(x0)"); await page.locator("#formula-text").dispatchEvent("change");
    await page.fill("#x0", "-3"); await page.fill("#x1", "4"); await page.locator("#x1").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.doc && window.__descent.doc.formula === "log(x0)" && !window.__descent.inFlight && !window.__descent.pending);
    let d = await page.evaluate(() => window.__descent.run.diagnosis);
    assert(d.kind === "undefined" && !d.message.includes("overflow") && !d.message.includes("closer to the minimum"), `log(x0): ${JSON.stringify(d)}`);
    await page.fill("#steps", "0"); await page.locator("#steps").dispatchEvent("change");
    await page.fill("#formula-text", "x0**2 + x1**2"); await page.locator("#formula-text").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.doc.formula === "x0**2 + x1**2" && !window.__descent.inFlight && !window.__descent.pending);
    d = await page.evaluate(() => window.__descent.run.diagnosis);
    assert(d.kind === "no-steps" && !d.message.includes("learning rate is too small"), `0 steps: ${JSON.stringify(d)}`);
    await page.fill("#steps", "100"); await page.locator("#steps").dispatchEvent("change");
    await settled();
  });

  await check("a refused field says why beside it, and nothing runs until it is fixed", async () => {
    await page.selectOption("#function", "sphere");
    await page.waitForFunction(() => window.__descent.doc.function === "sphere" && !window.__descent.inFlight && !window.__descent.pending);
    // nothing focused: leaving a field asks again, and that is not what is counted here
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await settled();
    const requests = [];
    const count = (r) => { if (r.url().includes("/api/descend")) requests.push(r.postData()); };
    page.on("request", count);
    await page.fill("#lr", "abc"); await page.locator("#lr").dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector("#lr-why") && document.querySelector("#lr-why").textContent !== "");
    assert(await page.textContent("#lr-why") === "learning rate must be a number", `beside lr: ${await page.textContent("#lr-why")}`);
    assert(await page.evaluate(() => window.__descent.run === null), "the old run is still drawn");
    await page.focus("#steps"); // leaving the field asks again: still nothing runs
    await page.waitForTimeout(300);
    page.off("request", count);
    await page.fill("#lr", "0.1"); await page.locator("#lr").dispatchEvent("change");
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await settled();
    page.on("request", count);
    await page.fill("#steps", "-5"); await page.locator("#steps").dispatchEvent("change");
    await page.focus("#lr");
    const why = await page.textContent("#steps-why");
    assert(why === "Steps must be at least 0", `beside steps: ${why}`);
    assert(!(await page.textContent("body")).includes("line 1 column"), "a parser's words are shown");
    await page.waitForTimeout(300);
    page.off("request", count);
    assert(requests.length === 0, `${requests.length} requests while fields were refused: ${requests}`);
    await page.fill("#steps", "100"); await page.locator("#steps").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.run && !window.__descent.inFlight);
    assert(await page.evaluate(() => document.querySelector("#steps").hasAttribute("aria-invalid")) === false, "steps still marked");
  });

  await check("the start cannot leave the map; a pin removed by keyboard leaves the focus on a pin", async () => {
    const box = await page.locator("#map").boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y - 150, { steps: 5 });
    await page.mouse.up();
    await settled();
    const [x0, x1] = await page.evaluate(() => window.__descent.run.init);
    const v = await page.evaluate(() => window.__descent.grid.view);
    assert(x0 === v[0][0] && x1 === v[1][1], `the start ${x0}, ${x1} is off the map ${JSON.stringify(v)}`);
    await page.click("#clear");
    await page.click("#pin");
    await page.fill("#lr", "0.05"); await page.locator("#lr").dispatchEvent("change");
    await settled();
    await page.click("#pin");
    await page.focus("#pins li:first-child button");
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => ({ id: document.activeElement.id, inPins: !!document.activeElement.closest("#pins"), pins: window.__descent.pins.length }));
    assert(focused.pins === 1 && focused.inPins, `focus on ${JSON.stringify(focused)}`);
  });

  await check("a preset keeps the learner's pins and hides the live run", async () => {
    await page.click("#preset-rules");
    await page.waitForFunction(() => document.querySelector("#diagnosis").textContent.includes("preset"), null, { timeout: 10000 });
    const pins = await page.evaluate(() => window.__descent.pins.length);
    assert(pins === 4, `${pins} pins on figure 6-8 (pressed twice)`);
    assert(await page.evaluate(() => window.__descent.run === null), "the live run is drawn over figure 6-8");
    await page.screenshot({ path: path.join(shots, "descent-figure-6-8.png") });
    await page.selectOption("#function", "sphere");
    await page.waitForFunction(() => window.__descent.pins.length === 1 && window.__descent.run && !window.__descent.inFlight);
  });

  await check("runs differing only in h are pinned side by side; quick function changes end on the last one's map", async () => {
    await page.click("#clear");
    await page.click("#pin");
    await page.fill("#h", "1e-50"); await page.locator("#h").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.doc.gradient.h === 1e-50 && !window.__descent.inFlight);
    await page.click("#pin");
    const labels = await page.evaluate(() => window.__descent.pins.map((p) => p.label));
    assert(labels.length === 2 && labels[1].endsWith("h = 1e-50"), `pins: ${labels}`);
    await page.fill("#h", "1e-4"); await page.locator("#h").dispatchEvent("change");
    await settled();
    // four choices in a row, each asking for its map: the last one's map and path are shown
    await page.focus("#function");
    for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(100);
    await settled();
    const shown = await page.evaluate(() => ({ chosen: document.querySelector("#function").value, map: window.__descent.grid.function, run: window.__descent.doc.function }));
    assert(shown.map === shown.chosen && shown.run === shown.chosen, `chosen ${shown.chosen}, map ${shown.map}, path ${shown.run}`);
    await page.selectOption("#function", "sphere");
    await settled();
  });

  await check("f per step: the axis' labels differ at lr 1e-10 and on a plateau", async () => {
    await page.fill("#lr", "1e-10"); await page.locator("#lr").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.run && window.__descent.run.lr === 1e-10 && !window.__descent.inFlight);
    for (const setting of ["sphere lr 1e-10", "plateau"]) {
      if (setting === "plateau") {
        await page.selectOption("#function", "plateau");
        await page.waitForFunction(() => window.__descent.doc && window.__descent.doc.function === "plateau" && !window.__descent.inFlight && !window.__descent.pending);
      }
      const ticks = (await page.getAttribute("#values", "data-ticks")).split(" | ");
      assert(new Set(ticks).size === ticks.length && ticks.length >= 2, `${setting}: ticks ${ticks.join(", ")}`);
    }
    await page.selectOption("#function", "sphere");
    await page.fill("#lr", "0.1"); await page.locator("#lr").dispatchEvent("change");
    await settled();
  });

  await check("step by step: Step walks the run and shows x ← x − η∇f with its numbers", async () => {
    await page.click("#reset");
    await page.click("#step");
    const at = await page.evaluate(() => window.__descent.at);
    assert(at === 1, `at step ${at}`);
    const said = await page.textContent("#step-numbers");
    const run = await page.evaluate(() => window.__descent.run);
    const numbers = said.match(/-?\d+(\.\d+)?(e-?\d+)?/g).map(Number);
    // step 1 of sphere from (-3, 4), lr 0.1: x = (-2.4, 3.2), the gradient 2x, x - 0.1 * 2x = (-1.92, 2.56)
    assert(said.includes("x ← x − η∇f(x) = [-2.4, 3.2] − 0.1 × [-4.8, 6.4] = [-1.92, 2.56]"), `said: ${said}`);
    // the numerical gradient of x² is 2x to about 1e-11 here
    assert(Math.abs(run.history[2][0] + 1.92) < 1e-9, `the run's step 2 is ${run.history[2]}`);
    assert(numbers.length > 6, said);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("at") === "1");
    // Play moves on by itself, Pause stops it
    await page.click("#play");
    await page.waitForFunction(() => window.__descent.at >= 4);
    await page.click("#play");
    await page.waitForFunction(() => window.__descent.playing === null);
    const paused = await page.evaluate(() => window.__descent.at);
    await page.waitForTimeout(600);
    assert(await page.evaluate(() => window.__descent.at) === paused, "Pause did not stop");
    const frames = await page.evaluate(() => window.__descent.frames.slice().sort((a, b) => a - b));
    console.log(`      step by step: ${frames.length} steps drawn, median ${frames[Math.floor(frames.length / 2)].toFixed(1)} ms`);
    await page.click("#step-box summary");
    await page.screenshot({ path: path.join(shots, "descent-step-by-step.png"), fullPage: true });
    await page.click("#whole");
    assert(await page.evaluate(() => window.__descent.at) === null, "Whole run did not show the whole run");
  });

  await check("a link is the state: the URL restores every setting", async () => {
    await page.selectOption("#function", "himmelblau");
    await settled();
    await page.selectOption("#optimizer", "momentum");
    await page.fill("#momentum", "0.8"); await page.locator("#momentum").dispatchEvent("change");
    await page.fill("#lr", "0.005"); await page.locator("#lr").dispatchEvent("change");
    await page.fill("#steps", "60"); await page.locator("#steps").dispatchEvent("change");
    await page.fill("#x0", "1"); await page.fill("#x1", "-2"); await page.locator("#x1").dispatchEvent("change");
    await page.waitForFunction(() => window.__descent.run && window.__descent.run.steps === 60 && window.__descent.run.init[1] === -2 && !window.__descent.inFlight);
    await page.click("#step"); await page.click("#step");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("at") === "1");
    const link = page.url();
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    other.on("pageerror", (e) => consoleErrors.push(e.message));
    await other.goto(link);
    await other.waitForSelector("body[data-ready=true]");
    const there = await other.evaluate(() => ({ run: window.__descent.run, at: window.__descent.at }));
    const here = await page.evaluate(() => ({ run: window.__descent.run, at: window.__descent.at }));
    assert(JSON.stringify(there) === JSON.stringify(here), `the link ${link} gave another page`);
    assert(there.run.optimizer.kind === "momentum" && there.run.optimizer.momentum === 0.8 && there.at === 1, `${JSON.stringify(there.run.optimizer)} at ${there.at} from ${link}`);
    await other.close();
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

  await check("training: the empty chart's axis starts at 0, the intro has no backquotes, the tab has an icon", async () => {
    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    fresh.on("pageerror", (e) => consoleErrors.push(e.message));
    const icon = await fresh.goto(url + "favicon.ico");
    assert(icon.status() === 200 && icon.headers()["content-type"].startsWith("image/svg+xml"), `/favicon.ico: ${icon.status()}`);
    await fresh.close();
    assert(!(await page.textContent("#data")).includes("`"), "backquotes in the intro");
    // a chart with nothing yet: its axis runs from 0 (it ran from −1 to 1)
    const ticks = await page.evaluate(() => {
      const c = document.createElement("canvas"); c.width = 640; c.height = 280; document.body.appendChild(c);
      lineChart(c, [{ values: [], color: "#000" }], { yMin: 0 });
      const said = c.dataset.ticks; c.remove(); return said;
    });
    assert(ticks.split(" | ")[0] === "0" && !ticks.includes("-"), `the empty chart's ticks: ${ticks}`);
  });

  await check("training: refused fields say why, and a reload shows the run's own settings", async () => {
    await page.fill("#lr", "abc");
    await page.waitForFunction(() => document.querySelector("#lr-why").textContent !== "");
    await page.click("#start");
    assert((await page.textContent("#error")).includes("fix the one marked in red"), `error: ${await page.textContent("#error")}`);
    await page.fill("#lr", "0.1");
    // a second tab, open before the run starts
    const second = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    second.on("pageerror", (e) => consoleErrors.push(e.message));
    await second.goto(url + "training?iters=500&activation=sigmoid");
    await second.waitForSelector("body[data-ready=true]");
    assert(await second.inputValue("#iters") === "500", "the URL's settings are not in the form");
    // and the URL keeps them (it was rewritten to the defaults)
    await second.waitForTimeout(400);
    const kept = new URL(second.url()).searchParams;
    assert(kept.get("iters") === "500" && kept.get("activation") === "sigmoid", `the URL became ${second.url()}`);
    await page.fill("#iters", "200000"); await page.selectOption("#activation", "relu");
    await page.click("#start");
    await page.waitForFunction(() => window.__training.run.status === "running" && window.__training.run.losses.length > 0, null, { timeout: 30000 });
    await page.fill("#iters", "7"); // edited, not run
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => window.__training.run.settings);
    const form = await page.evaluate(() => [document.querySelector("#iters").value, document.querySelector("#activation").value]);
    assert(form[0] === "200000" && form[1] === "relu", `after a reload the form says ${form}`);
    assert(await page.isHidden("#elsewhere"), "this tab's own run is said to be another's");
    // the second tab shows the first tab's run with that run's settings; its Start, had it been
    // pressed before the news came, is answered in words, not with an API route
    await second.waitForFunction(() => !document.querySelector("#elsewhere").hidden);
    await second.evaluate(() => act("/api/train", settings));
    const shown = await second.evaluate(() => [document.querySelector("#iters").value, document.querySelector("#activation").value, document.querySelector("#error").textContent]);
    assert(shown[0] === "200000" && shown[1] === "relu" && shown[2] === "", `the second tab shows ${shown}`);
    await second.screenshot({ path: path.join(shots, "training-second-tab.png") });
    await page.click("#stop");
    await second.waitForFunction(() => document.querySelector("#elsewhere").hidden && window.__training.run.status === "stopped");
    await second.close();
  });

  await check("training with the book's numerical gradient shows its progress, and Stop acts within a second", async () => {
    await page.goto(url + "training?iters=3&hidden=50&batch_size=100&grad=numerical-reference&dtype=f64&optimizer=sgd&lr=0.1&activation=sigmoid&seed=0");
    await page.waitForSelector("body[data-ready=true]");
    await page.click("#start");
    await page.waitForFunction(() => !document.querySelector("#gradient-progress").hidden, null, { timeout: 15000 });
    await page.waitForFunction(() => /[1-9]\d* of 39760 parameters/.test(document.querySelector("#gradient-text").textContent), null, { timeout: 15000 });
    const said = await page.textContent("#gradient-text");
    assert(said.startsWith("iteration 1's numerical gradient:") && /about [\d.]+ s left/.test(said), `progress: ${said}`);
    await page.screenshot({ path: path.join(shots, "training-numerical.png") });
    const asked = Date.now();
    await page.click("#stop");
    await page.waitForFunction(() => window.__training.run.status === "stopped", null, { timeout: 5000 });
    const took = Date.now() - asked;
    console.log(`      stop during a numerical gradient: ${took} ms`);
    assert(took < 1000, `Stop took ${took} ms`);
    assert(await page.isHidden("#gradient-progress"), "the progress stays after the stop");
  });

  await check("training: a run of one iteration draws its single loss as a point", async () => {
    await page.goto(url + "training?iters=1&grad=backprop&hidden=50&batch_size=100");
    await page.waitForSelector("body[data-ready=true]");
    await page.click("#start");
    await page.waitForFunction(() => window.__training.run.status === "finished" && window.__training.run.losses.length === 1, null, { timeout: 30000 });
    const shot = await photograph(page, page.locator("#loss"), "training-one-point", [44, 111, 183]);
    assert(shot.near > 15, `the single loss is not visible: ${shot.near} pixels`);
  });

  await check("training one mini-batch at a time: its images, its loss, each parameter's change", async () => {
    await page.goto(url + "training?iters=50&grad=backprop&hidden=50&batch_size=100&optimizer=sgd&lr=0.1");
    await page.waitForSelector("body[data-ready=true]");
    await page.click("#one-batch");
    await page.waitForFunction(() => window.__training.lastStep && window.__training.run.status === "stopped" && window.__training.run.losses.length === 1);
    let step = await page.evaluate(() => window.__training.lastStep);
    assert(step.iter === 0 && step.batch.length === 100 && step.images.length === 16, `step ${step.iter}: ${step.batch.length} images`);
    const text = await page.textContent("#batch-text");
    assert(text.startsWith("iteration 1: a mini-batch of 100 training images"), `said: ${text}`);
    assert(await page.locator("#batch-images canvas").count() === 16, "the batch's images are not shown");
    const rows = await page.locator("#changes tr").count();
    assert(rows === 4, `${rows} parameters' changes`);
    const loss = await page.evaluate(() => window.__training.run.losses[0]);
    assert(loss === step.loss, `the chart's loss ${loss} is not the step's ${step.loss}`);
    await page.click("#one-batch");
    await page.waitForFunction(() => window.__training.lastStep.iter === 1 && window.__training.run.losses.length === 2);
    await page.screenshot({ path: path.join(shots, "training-one-batch.png"), fullPage: true });
    // and on to the end
    await page.click("#resume");
    await page.waitForFunction(() => window.__training.run.status === "finished" && window.__training.run.losses.length === 50, null, { timeout: 30000 });
  });

  await check("training chapter 6's network: the form's layers, Batch Norm and Dropout are what runs, and a reload shows them", async () => {
    await page.goto(url + "training?iters=120&hidden=40,30&batchnorm=1&dropout=0.1&weight_decay=&init=&activation=relu&optimizer=sgd&lr=0.1&grad=backprop&batch_size=100");
    await page.waitForSelector("body[data-ready=true]");
    assert(await page.evaluate(() => document.querySelector("#chapter-6").open), "chapter 6's choices are folded away while the URL sets them");
    const before = await page.evaluate(() => window.__training.run.id);
    await page.click("#start");
    await page.waitForFunction((b) => window.__training.run.id !== b && window.__training.run.status === "finished", before, { timeout: 60000 });
    const network = await page.textContent("#network-line");
    assert(network === "Network: MultiLayerNetExtend 784-40-30-10 (relu, He's initial weights, Batch Norm, Dropout 0.1)", `said: ${network}`);
    const m = (await page.evaluate(() => window.__training.run.settings)).multi_layer;
    assert(JSON.stringify(m.hidden_size_list) === "[40,30]" && m.use_batchnorm && m.dropout_ratio === 0.1 && m.weight_decay_lambda === 0, JSON.stringify(m));
    // the gap is train minus test, as the line prints them
    const line = await page.textContent("#epochs");
    const said = line.match(/train acc ([\d.]+), test acc ([\d.]+), gap (-?[\d.]+)/);
    assert(said && Math.abs(Number(said[1]) - Number(said[2]) - Number(said[3])) < 2e-4, `epoch line: ${line}`);
    // the model saved is the network trained
    const file = await page.request.get(url + "api/train/model");
    assert(file.ok() && (await file.body()).toString("latin1").includes("scratchnet MultiLayerNetExtend"), "the download is not the network trained");
    // a reload shows the run's own settings
    await page.goto(url + "training");
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => document.querySelector("#hidden").value === "40,30", null, { timeout: 5000 });
    const form = [await page.isChecked("#batchnorm"), await page.inputValue("#dropout"), await page.inputValue("#init"), await page.inputValue("#weight_decay")];
    assert(JSON.stringify(form) === JSON.stringify([true, "0.1", "he", ""]), `the form after a reload: ${form}`);
    // a layer list that is not numbers is refused beside the field
    await page.fill("#hidden", "40,x");
    const why = await page.textContent("#hidden-why");
    assert(why.includes("Hidden units"), `beside the field: ${why}`);
    await page.screenshot({ path: path.join(shots, "training-chapter-6.png"), fullPage: true });
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
    // the link keeps the cell and the test image
    await page.fill("#index", "7"); await page.locator("#index").dispatchEvent("change");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("image") === "7");
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    other.on("pageerror", (e) => consoleErrors.push(e.message));
    await other.goto(page.url());
    await other.waitForSelector("body[data-ready=true]", { timeout: 60000 });
    const there = await other.evaluate(() => [document.querySelector("#index").value, document.querySelector("#cell").textContent]);
    assert(there[0] === "7" && there[1] === said, `the link ${page.url()} shows ${there}`);
    await other.close();
  });

  await check("digits page: the convolutional network reads a drawing and shows its 30 feature maps", async () => {
    await page.goto(url + "digits?model=conv");
    // it trains when first chosen: the page says so, then answers
    await page.waitForSelector("body[data-ready=true]", { timeout: 120000 });
    const name = await page.textContent("#model-name");
    assert(name.includes("SimpleConvNet"), `the network: ${name}`);
    assert(await page.isHidden("#maps-panel"), "maps shown before any drawing");
    const zero = await stroke([[140, 40], [80, 90], [80, 200], [140, 250], [200, 200], [200, 90], [140, 40]]);
    assert(zero === 0, `a 0 was read as ${zero}`);
    const maps = await page.evaluate(() => {
      const fm = window.__digits.last.feature_maps;
      const canvases = [...document.querySelectorAll("#maps canvas")];
      // the darkest pixel of each map as drawn, against the map's largest value
      const darkest = canvases.map((c) => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let min = 255; for (let i = 0; i < d.length; i += 4) min = Math.min(min, d[i]);
        return min;
      });
      const all = Math.max(...fm.values);
      const largest = [...Array(fm.count).keys()].map((k) => Math.max(...fm.values.slice(k * 576, (k + 1) * 576)));
      return { count: canvases.length, size: [canvases[0].width, canvases[0].height], darkest, largest, all, shown: !document.querySelector("#maps-panel").hidden };
    });
    assert(maps.shown && maps.count === 30 && maps.size.join() === "24,24", `maps ${JSON.stringify(maps.size)} × ${maps.count}`);
    maps.darkest.forEach((d, k) => {
      const expected = Math.round(255 * (1 - maps.largest[k] / maps.all));
      assert(Math.abs(d - expected) <= 1, `map ${k}: darkest ${d}, expected ${expected}`);
    });
    await page.screenshot({ path: path.join(shots, "digits-conv.png"), fullPage: true });
    // back to the default network: no maps
    await page.selectOption("#model", "default");
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => !window.__digits.inFlight && !window.__digits.pending && window.__digits.last && window.__digits.last.feature_maps === null);
    assert(await page.isHidden("#maps-panel"), "maps shown for the two-layer network");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("model") === "default");
  });

  await check("training chapter 7's network: choosing it sets train_convnet.py's defaults, it trains, a reload shows it, and the Digits page reads it", async () => {
    await page.goto(url + "training");
    await page.waitForSelector("body[data-ready=true]");
    await page.selectOption("#network", "simple-conv");
    const form = await page.evaluate(() => ["iters", "batch_size", "optimizer", "lr", "hidden", "activation", "beta1", "beta2"].map((id) => document.getElementById(id).value));
    assert(form.join() === "12000,100,adam,0.001,100,relu,0.9,0.999", `train_convnet.py's defaults: ${form}`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("network") === "simple-conv");
    await page.fill("#iters", "60");
    await page.selectOption("#dtype", "f32");
    const before = await page.evaluate(() => window.__training.run.id);
    await page.click("#start");
    await page.waitForFunction((b) => window.__training.run.id !== b && window.__training.run.status === "finished", before, { timeout: 120000 });
    const network = await page.textContent("#network-line");
    assert(network.startsWith("Network: SimpleConvNet conv 30×5×5-pool 2×2-100-10"), `said: ${network}`);
    const settings = await page.evaluate(() => window.__training.run.settings);
    assert(settings.iters === 60 && settings.simple_conv.filter_num === 30 && settings.dtype === "f32", JSON.stringify(settings));
    await page.screenshot({ path: path.join(shots, "training-chapter-7.png"), fullPage: true });
    // a reload shows the run's own settings: the convolutional network
    await page.goto(url + "training");
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => document.querySelector("#network").value === "simple-conv" && document.querySelector("#iters").value === "60", null, { timeout: 5000 });
    assert(await page.isHidden("#differs"), "the form is said to differ from the run it shows");
    // back to the fully connected network: train_neuralnet.py's defaults
    await page.selectOption("#network", "");
    const back = await page.evaluate(() => ["iters", "optimizer", "lr", "hidden", "activation"].map((id) => document.getElementById(id).value));
    assert(back.join() === "10000,sgd,0.1,50,sigmoid", `train_neuralnet.py's defaults: ${back}`);
    // the Digits page reads the network trained, with its feature maps
    await page.goto(url + "digits?model=training");
    await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
    const name = await page.textContent("#model-name");
    assert(name.includes("SimpleConvNet") && name.includes("after 60 iterations"), `the network: ${name}`);
    await stroke([[150, 40], [130, 240]]);
    const count = await page.evaluate(() => window.__digits.last.feature_maps && window.__digits.last.feature_maps.count);
    assert(count === 30 && await page.isVisible("#maps-panel"), `feature maps: ${count}`);
  });

  // ---- Initial weights
  /** The five histograms' counts as drawn (each canvas keeps the counts it drew). */
  const drawnCounts = (p) => p.evaluate(() => [...document.querySelectorAll("#layers canvas")].map((c) => c.dataset.counts));
  /** Waits until no answer is on its way or waiting to be asked. */
  const initSettled = (p) => p.waitForFunction(() => window.__init.doc && !window.__init.inFlight && !window.__init.pending, null, { timeout: 20000 });
  /** The route's counts for `query`, asked by the page. */
  const apiCounts = (p, query) => p.evaluate(async (q) => (await api(`/api/init-histogram?${q}`)).layers.map((l) => l.counts.join(",")), query);

  await check("initial weights: the page draws the route's five histograms, titled as the book's", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url + "initialisation");
    await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
    await initSettled(page);
    const drawn = await drawnCounts(page);
    assert(drawn.length === 5 && drawn.every((c) => c && c.split(",").length === 30), `drawn: ${drawn.map((c) => c && c.length)}`);
    const asked = await apiCounts(page, "activation=sigmoid&scale=1&rng=scratchnet&seed=0");
    assert(JSON.stringify(drawn) === JSON.stringify(asked), "the page's bars are not the route's counts for std 1");
    const reading = await page.textContent("#reading");
    assert(reading.startsWith("Too large") && reading.includes("figure 6-10"), `reading: ${reading}`);
    assert(await page.getAttribute("#layers canvas[data-layer='5']", "aria-label") === "Histogram of the activations of layer 5", "the fifth chart's label");
    const shot = await photograph(page, page.locator("#layers canvas[data-layer='1']"), "init-layer-1", [44, 111, 183]);
    assert(shot.near > 300, `the bars are not visible: ${shot.near} blue pixels`);
    await page.screenshot({ path: path.join(shots, "init-1280x800.png"), fullPage: true });
  });

  await check("initial weights: dragging the slider redraws the histograms, ending on the slider's value", async () => {
    const before = await drawnCounts(page);
    const box = await page.locator("#std-slider").boundingBox();
    // from std 1 (log 0, at three quarters of the track) towards 0.001, in small moves
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(box.x + box.width * (0.75 - 0.03 * i), box.y + box.height / 2);
      await page.waitForTimeout(10);
    }
    await page.mouse.up();
    await initSettled(page);
    const after = await drawnCounts(page);
    assert(after.every((c, i) => c !== before[i]), "a histogram did not change");
    // the last answer drawn is the slider's own value, not an older one
    const [scale, slider] = await page.evaluate(() => [window.__init.doc.scale, Number(document.querySelector("#std-slider").value)]);
    assert(Math.abs(Math.log10(Number(scale)) - slider) < 0.01, `drawn for ${scale}, the slider at 10^${slider}`);
    assert(Number(scale) < 0.1, `the slider moved to ${scale}`);
    const asked = await apiCounts(page, `activation=sigmoid&scale=${scale}&rng=scratchnet&seed=0`);
    assert(JSON.stringify(after) === JSON.stringify(asked), `the bars are not the route's counts for ${scale}`);
    await page.evaluate(() => writeUrl());
    assert(new URL(page.url()).searchParams.get("scale") === scale, `the URL ${page.url()} does not keep the scale ${scale}`);
  });

  await check("initial weights: the Xavier preset shows the route's counts for xavier; ReLU with He reads as even", async () => {
    await page.click(".presets button[data-scale='xavier']");
    await page.waitForFunction(() => window.__init.doc.scale === "xavier");
    await initSettled(page);
    const drawn = await drawnCounts(page);
    const asked = await apiCounts(page, "activation=sigmoid&scale=xavier&rng=scratchnet&seed=0");
    assert(JSON.stringify(drawn) === JSON.stringify(asked), "the Xavier preset's bars are not the route's counts for xavier");
    assert(await page.getAttribute(".presets button[data-scale='xavier']", "aria-pressed") === "true", "the preset is not marked");
    assert((await page.textContent("#std-now")).includes("0.1"), "the std is not said");
    // the slider went to Xavier's std, 0.1
    assert(Math.abs(await page.evaluate(() => Number(document.querySelector("#std-slider").value)) + 1) < 0.01, "the slider is not at 0.1");
    await page.selectOption("#activation", "relu");
    await page.click(".presets button[data-scale='he']");
    await page.waitForFunction(() => window.__init.doc.scale === "he" && window.__init.doc.activation === "relu");
    await initSettled(page);
    assert(await page.getAttribute("#reading", "data-kind") === "even", "ReLU with He is not read as even");
    assert(await page.isVisible("#relu-note"), "the note on ReLU's cut bar is hidden");
    // the book's draws: NumPy's generator, seed 0
    await page.selectOption("#rng", "numpy");
    await page.waitForFunction(() => window.__init.doc.rng === "numpy");
    await initSettled(page);
    const numpy = await apiCounts(page, "activation=relu&scale=he&rng=numpy&seed=0");
    assert(JSON.stringify(await drawnCounts(page)) === JSON.stringify(numpy), "the bars are not NumPy's draws");
    await page.screenshot({ path: path.join(shots, "init-relu-he-1280x800.png"), fullPage: true });
    // a refused seed says why beside it, and nothing is asked
    await page.fill("#seed", "-3"); await page.locator("#seed").dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector("#seed-why") && document.querySelector("#seed-why").textContent !== "");
    await page.fill("#seed", "0"); await page.locator("#seed").dispatchEvent("change");
    await page.setViewportSize({ width: 1366, height: 768 });
  });


  // ---- Korean: every page with ?lang=ko
  fs.mkdirSync(koShots, { recursive: true });
  const ko = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
  ko.on("pageerror", (e) => consoleErrors.push(e.message));

  /** Opens `name` in Korean and waits until it is ready. */
  async function openKorean(name, timeout = 20000, more = "") {
    await ko.setViewportSize({ width: 1366, height: 768 });
    await ko.goto(`${url}${name}?lang=ko${more}`);
    await ko.waitForSelector("body[data-ready=true]", { timeout });
    assert(await ko.evaluate(() => document.documentElement.lang) === "ko", "<html lang> is not ko");
  }

  /** The words of 4 letters or more in the page's visible text that are English: none but the
   * names and the code listed here (update rules, the network's and the functions' names, the
   * formulas' functions, the language switch's "English"). Text in <code>, paths and flags are
   * code too. */
  const NAMES = new Set([
    "MNIST", "NumPy", "Adam", "AdaGrad", "RMSprop", "Momentum", "Nesterov", "ReLU", "TwoLayerNet", "MultiLayerNetExtend", "SimpleConvNet", "sigmoid",
    "scratchnet", "English",
    "sphere", "function_1", "bowl", "saddle", "plateau", "rosenbrock", "himmelblau",
    "sqrt", "tanh", "Xavier",
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
    // the parameters' names are the book's: W1, b1, gamma1, beta1, ...
    const parameter = /^(gamma|beta)\d+$/;
    return [...new Set(words.filter((w) => w.replace(/[^A-Za-z]/g, "").length >= 4 && !NAMES.has(w) && !parameter.test(w)))];
  }

  /** The elements whose own text has Hangul but is drawn in no font with Hangul (empty boxes),
   * asked of Chromium's DevTools: the fonts it used for each element's text. */
  const devtools = await ko.context().newCDPSession(ko);
  await devtools.send("DOM.enable"); await devtools.send("CSS.enable");
  async function boxes() {
    const first = await boxesNow();
    if (first.length === 0) return first;
    // text set a moment ago may not be laid out yet: ask once more
    await ko.waitForTimeout(500);
    return boxesNow();
  }
  async function boxesNow() {
    await ko.evaluate(() => {
      for (const e of document.querySelectorAll("body *")) {
        const own = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("");
        // drawn text only: not what a closed <details> keeps undrawn
        if (/[\uac00-\ud7a3]/.test(own) && e.checkVisibility()) e.setAttribute("data-hangul", "");
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
    await ko.waitForFunction(() => document.querySelector("#lr-why") && document.querySelector("#lr-why").textContent !== "");
    const typed = await ko.textContent("#lr-why");
    assert(typed === "학습률에는 숫자를 넣어야 합니다.", `error: ${typed}`);
    await ko.fill("#lr", "0.1"); await ko.locator("#lr").dispatchEvent("change");
    await ko.waitForFunction(() => document.querySelector("#diagnosis").dataset.kind === "converged");
    await ko.click("#preset-rules");
    await ko.waitForFunction(() => window.__descent.pins.length === 4, null, { timeout: 10000 });
    await ko.waitForFunction(() => !window.__descent.inFlight && !window.__descent.pending);
    await photographBoth("descent");
    // step by step, in Korean
    await ko.fill("#lr", "0.1"); await ko.locator("#lr").dispatchEvent("change");
    await ko.waitForFunction(() => window.__descent.run && !window.__descent.inFlight && !window.__descent.pending);
    await ko.click("#step"); await ko.click("#step");
    await ko.click("#step-box summary");
    const stepSaid = await ko.textContent("#step-numbers");
    assert(stepSaid.startsWith("반복 1: x = [") && stepSaid.includes("기울기 ∇f(x) = ["), `step: ${stepSaid}`);
    await photographBoth("descent-step");
    // an error of the server's, in Korean
    await ko.selectOption("#function", "formula");
    await ko.fill("#formula-text", "x0 +* 2");
    await ko.click("#formula-go");
    await ko.waitForFunction(() => document.querySelector("#error").textContent.includes("식을 읽을 수 없습니다"));
  });

  await check("Korean training page: labels, the run's progress and end in Korean", async () => {
    // the book's fully connected network, whatever the last run was
    await openKorean("training", 20000, "&network=");
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
    // one mini-batch, in Korean
    await ko.click("#one-batch");
    await ko.waitForFunction(() => window.__training.lastStep && window.__training.run.status === "stopped");
    const batchSaid = await ko.textContent("#batch-text");
    assert(batchSaid.startsWith("1번째 반복: 훈련 이미지 "), `one mini-batch: ${batchSaid}`);
    await photographBoth("training-one-batch");
    // back at 1366 × 768 after the phone's size, the charts are their full width again
    await ko.waitForTimeout(300);
    const widths = await ko.evaluate(() => ["loss", "accuracy"].map((id) => document.getElementById(id).clientWidth));
    assert(widths.every((w) => w === 640), `the charts stayed ${widths} px wide`);
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

  await check("Korean initial weights page: labels, the reading and the layers in Korean", async () => {
    await openKorean("initialisation");
    assert(await ko.textContent("h1") === "가중치 초깃값과 층마다의 활성화값 분포", `heading: ${await ko.textContent("h1")}`);
    assert(await ko.title() === "가중치 초깃값 — scratchnet 놀이터", `title ${await ko.title()}`);
    assert(await ko.textContent("nav.pages a[aria-current=page]") === "가중치 초깃값", "the page's link is not Korean");
    const options = await ko.evaluate(() => [...document.querySelectorAll("#activation option")].map((o) => o.textContent));
    assert(options.join("|") === "시그모이드|쌍곡탄젠트(tanh)|ReLU", `the activations: ${options}`);
    await ko.waitForFunction(() => window.__init.doc && !window.__init.inFlight && !window.__init.pending);
    const reading = await ko.textContent("#reading");
    assert(reading.startsWith("표준편차가 너무 큽니다.") && reading.includes("그림 6-10"), `reading: ${reading}`);
    assert(await ko.getAttribute("#layers canvas[data-layer='2']", "aria-label") === "2층 활성화값의 히스토그램", "the second chart's label");
    await photographBoth("initialisation");
    await ko.click(".presets button[data-scale='0.01']");
    await ko.waitForFunction(() => window.__init.doc.scale === "0.01" && !window.__init.inFlight && !window.__init.pending);
    assert((await ko.textContent("#reading")).includes("표현력"), "std 0.01 is not read as a loss of expressiveness");
    await ko.selectOption("#activation", "relu");
    await ko.click(".presets button[data-scale='he']");
    await ko.waitForFunction(() => window.__init.doc.scale === "he" && window.__init.doc.activation === "relu" && !window.__init.inFlight && !window.__init.pending);
    assert((await ko.textContent("#std-now")).startsWith("He 초깃값 √(2/n)"), `std: ${await ko.textContent("#std-now")}`);
    await photographBoth("initialisation-relu-he");
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
    // the switch keeps the page's settings (its URL) and changes the language only
    const switched = new URL(korean.url());
    assert(switched.pathname === "/descent" && switched.searchParams.get("lang") === "en" && switched.searchParams.get("function") === "sphere", `switched to ${korean.url()}`);
    assert(await korean.textContent("h1") === "Gradient descent: x ← x − η ∇f(x)", "the switch did not give English");
    // the choice is remembered: the page opened again without ?lang= is English
    await korean.goto(url + "training");
    await korean.waitForSelector("body[data-ready=true]");
    assert(await korean.evaluate(() => document.documentElement.lang) === "en", "the switch was not remembered");
    await korean.click("nav.pages a[href^='/digits']");
    await korean.waitForSelector("h1");
    const went = new URL(korean.url());
    assert(went.pathname === "/digits" && went.searchParams.get("lang") === "en", `the link went to ${korean.url()}`);
    assert(await korean.evaluate(() => document.documentElement.lang) === "en", "the next page is not English");
    await korean.close();
  });

  // ---- a phone: 390 × 844
  await check("a phone: no page wider than the screen, chart text at 12 px, the diagnosis in sight while dragging, Start above the fold", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "en-US", hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    phone.on("pageerror", (e) => consoleErrors.push(e.message));
    for (const name of ["descent", "training", "digits", "initialisation"]) {
      // the Training page with the book's defaults, not the last run's settings
      await phone.goto(url + name + (name === "training" ? "?network=" : ""));
      await phone.waitForSelector("body[data-ready=true]", { timeout: 60000 });
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `${name}: the page is ${width} px wide`);
      // every chart is drawn at the size it is shown, so its 12px text is 12 px on the screen
      const charts = await phone.evaluate(() => [...document.querySelectorAll("canvas[data-ticks]")].map((c) =>
        [c.id, c.width / devicePixelRatio, c.clientWidth]));
      for (const [id, drawn, shown] of charts) assert(Math.abs(drawn - shown) <= 1, `${name}: #${id} drawn ${drawn} px wide, shown ${shown}`);
      const small = await phone.evaluate(() => [...document.querySelectorAll("body *")]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length)
        .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 11).map((e) => `${e.tagName}#${e.id}.${e.className}`));
      assert(small.length === 0, `${name}: text under 11 px in ${small.slice(0, 5).join(", ")}`);
      await phone.screenshot({ path: path.join(shots, `phone-${name}.png`) });
      if (name === "descent") {
        const map = await phone.locator("#map").boundingBox();
        await phone.touchscreen.tap(map.x + map.width * 0.7, map.y + map.height * 0.3);
        await phone.waitForFunction(() => !window.__descent.inFlight && !window.__descent.pending);
        const d = await phone.evaluate(() => { const r = document.querySelector("#diagnosis").getBoundingClientRect(); return [r.top, r.bottom]; });
        assert(d[0] >= 0 && d[1] <= 844 && d[0] > map.y, `the diagnosis is at ${d} while the map is in sight`);
      }
      if (name === "training") {
        const start = await phone.locator("#start").boundingBox();
        assert(start.y + start.height <= 844, `Start is at ${start.y} px`);
      }
    }
    await phone.close();
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
