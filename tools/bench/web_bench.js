// The web player's numbers (issue 10), printed, never asserted: node web_bench.js PAGE.html
// Title screen from file:// cold (a fresh browser profile: wasm compiled from scratch) and
// warm (a reload), main-thread milliseconds per frame on a still screen and while a
// paragraph is revealed, in Debian's chromium through puppeteer-core.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { launch, screenIs, sleep } = require(path.join(__dirname, "../../tests/web/browser.js"));

const pageUrl = "file://" + path.resolve(process.argv[2]) + "?lc-bench";
const stats = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const mean = s.reduce((t, v) => t + v, 0) / (s.length || 1);
  return `mean ${mean.toFixed(2)} ms, median ${(s[s.length >> 1] || 0).toFixed(2)} ms, p95 ${(s[Math.floor(s.length * 0.95)] || 0).toFixed(2)} ms over ${s.length} frames`;
};

async function titleMs(page, reload) {
  if (reload) await page.reload({ waitUntil: "load" });
  else await page.goto(pageUrl, { waitUntil: "load" });
  await screenIs(page, "title");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));  // drawn
  return page.evaluate(() => lostcorner.screenTimes.title);
}

async function framesDuring(page, ms) {
  await page.evaluate(() => { lostcorner.frameMs.length = 0; });
  await sleep(ms);
  return page.evaluate(() => lostcorner.frameMs.slice());
}

(async () => {
  const cold = [], warm = [];
  let still = [], revealing = [];
  for (let run = 0; run < 3; ++run) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lc-bench-"));
    const browser = await launch(profile);
    const page = await browser.newPage();
    cold.push(await titleMs(page, false));
    warm.push(await titleMs(page, true));
    if (run === 0) {
      await sleep(1000);
      still = await framesDuring(page, 2000);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await screenIs(page, "play");
      await page.keyboard.press("Enter");  // past the chapter card: the first paragraph reveals
      await sleep(100);
      revealing = await framesDuring(page, 1500);
    }
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const list = (a) => a.map((v) => v.toFixed(0) + " ms").join(", ");
  console.log(`title screen from file://, cold (fresh profile): ${list(cold)}  [target < 1500 ms]`);
  console.log(`title screen from file://, warm (reload): ${list(warm)}  [target < 500 ms]`);
  console.log(`main thread per frame, still title screen: ${stats(still)}  [target < 2 ms]`);
  console.log(`main thread per frame, revealing paragraph: ${stats(revealing)}  [target < 4 ms]`);
})().catch((e) => { console.error(e); process.exit(1); });
