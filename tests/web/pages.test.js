// The published pages in real headless Chromium: node pages.test.js PAGES_DIR CASE
// PAGES_DIR holds what run.sh published; CASE is one of the names in `cases` below.
// Each case checks what a player sees (screenshot pixels), hears (the audio graph) and what
// a screen reader gets (the ARIA mirror); it prints "ok CASE" or throws with what it saw.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const b = require("./browser");

const [pagesDir, caseName] = process.argv.slice(2);
const fileUrl = (p) => "file://" + path.resolve(pagesDir, p);
const FLAGSHIP = "single/never-let-me-go.html", TUTORIAL = "tutorial-single/tutorial.html";

function check(cond, what) { if (!cond) throw new Error(what); }

async function open(browser, url, before) {
  const page = await browser.newPage();
  if (before) await page.evaluateOnNewDocument(before);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (process.env.LC_WEB_VERBOSE) console.log("page:", m.text()); });
  await page.goto(url, { waitUntil: "load" });
  page.errors = errors;
  return page;
}

// Enter until the scene offers more than one choice (chapter cards and paragraphs pass).
async function toChoices(page) {
  for (let i = 0; i < 80; ++i) {
    const n = await page.evaluate(() => lostcorner.screen === "play" ? (lostcorner.buttons || []).length : 0);
    if (n > 1) return;
    await page.keyboard.press("Enter");
    await b.sleep(60);
  }
  throw new Error("no choices after 80 presses of Enter; last heard: " + (await b.lastSpoken(page)));
}

async function newGame(page) {
  await b.screenIs(page, "title");
  await page.keyboard.press("Enter");  // the first key focuses New game; Enter again starts
  await page.keyboard.press("Enter");
  await b.screenIs(page, "play");
}

const cases = {
  // The tab shows the story's title and the canvas shows the title screen's text.
  async title(browser) {
    const page = await open(browser, fileUrl(FLAGSHIP));
    await b.screenIs(page, "title");
    const expected = fs.readFileSync(path.join(pagesDir, "flagship-title.txt"), "utf8").trim();
    check((await page.title()) === expected, `tab title "${await page.title()}", expected "${expected}"`);
    await b.sleep(300);
    const s = await b.shot(page);
    check(s.ink([0.1, 0.1, 0.8, 0.2]) > 200, `no title text drawn (ink ${s.ink([0.1, 0.1, 0.8, 0.2])})`);
    check(s.ink([0.3, 0.35, 0.4, 0.5]) > 200, "no menu buttons drawn");
    check(page.errors.length === 0, "page errors: " + page.errors.join("; "));
  },

  // Keys start a game: the paragraph is drawn and mirrored, a choice is made by key, then by click.
  async play(browser) {
    const page = await open(browser, fileUrl(TUTORIAL));
    await newGame(page);
    await page.keyboard.press("Enter");
    await b.sleep(400);
    const s = await b.shot(page);
    check(s.ink([0.05, 0.05, 0.9, 0.8]) > 500, `no paragraph text drawn (ink ${s.ink([0.05, 0.05, 0.9, 0.8])})`);
    await toChoices(page);
    const before = await page.evaluate(() => lostcorner.buttons.map((x) => x.label));
    const mirror = await page.evaluate(() => [...document.querySelectorAll("#lc-choices button")].map((x) => x.textContent));
    check(mirror.length === before.length && mirror[0].startsWith(before[0]), `mirror buttons ${JSON.stringify(mirror)} for ${JSON.stringify(before)}`);
    const heard = await page.$eval("#lc-paragraph", (e) => e.textContent);
    check(heard.length > 0, "the ARIA live region is empty");
    await page.keyboard.press("1");
    await b.waitFor(page, "the choice taken by key", (was) => JSON.stringify((lostcorner.buttons || []).map((x) => x.label)) !== was, JSON.stringify(before));
    await toChoices(page);
    const second = await page.evaluate(() => lostcorner.buttons.map((x) => x.label));
    const spokenBefore = await page.evaluate(() => lostcorner.spoken.length);
    await b.clickButton(page, second[second.length - 1]);
    await b.waitFor(page, "the choice taken by click", (n) => lostcorner.spoken.length > n, spokenBefore);
    check(page.errors.length === 0, "page errors: " + page.errors.join("; "));
  },

  // The ARIA mirror: the paragraph in a live region, the choices as real buttons that choose.
  async aria(browser) {
    const page = await open(browser, fileUrl(TUTORIAL));
    await newGame(page);
    await page.keyboard.press("Enter");
    await toChoices(page);
    const live = await page.$eval("#lc-paragraph", (e) => [e.getAttribute("aria-live"), e.textContent]);
    check(live[0] === "polite" && live[1].length > 20, `live region ${JSON.stringify(live)}`);
    const labels = await page.evaluate(() => lostcorner.buttons.map((x) => x.label));
    const spokenBefore = await page.evaluate(() => lostcorner.spoken.length);
    await b.pressMirror(page, labels[0]);
    await b.waitFor(page, "the mirror button to choose", (n) => lostcorner.spoken.length > n, spokenBefore);
  },

  // Save to slot 2, reload the page, load slot 2: the same scene and text are back.
  async saves(browser) {
    let page = await open(browser, fileUrl(TUTORIAL));
    await newGame(page);
    await page.keyboard.press("Enter");
    await toChoices(page);
    const first = await page.evaluate(() => JSON.stringify(lostcorner.buttons.map((x) => x.label)));
    await page.keyboard.press("1");
    await b.waitFor(page, "the next scene", (was) => JSON.stringify((lostcorner.buttons || []).map((x) => x.label)) !== was, first);
    await toChoices(page);
    const text = await page.$eval("#lc-paragraph", (e) => e.textContent);
    const choices = await page.evaluate(() => lostcorner.buttons.map((x) => x.label).join("|"));
    await page.keyboard.press("Escape");
    await b.screenIs(page, "menu");
    await b.pressMirror(page, "Save");
    await b.screenIs(page, "save");
    await b.pressMirror(page, "Slot 2");
    await b.waitFor(page, "the save to reach IndexedDB", () =>
      Module.FS.readdir("/home/web_user/.local/share/lostcorner/tutorial").includes("2.save") && lostcorner.stored());
    await page.reload({ waitUntil: "load" });
    await b.screenIs(page, "title");
    await b.pressMirror(page, "Load");
    await b.screenIs(page, "load");
    await b.pressMirror(page, "Slot 2");
    await b.screenIs(page, "play");
    await toChoices(page);
    const after = await page.evaluate(() => lostcorner.buttons.map((x) => x.label).join("|"));
    check(after === choices, `after loading slot 2 the choices are ${after}, before saving ${choices}`);
    const spoken = await page.evaluate(() => lostcorner.spoken.join("\n"));
    check(spoken.includes(text.slice(0, 40)), `the saved paragraph "${text.slice(0, 60)}" is not back`);
    page.close();
  },

  // A setting changed in the page is there after a reload (and the screen looks different).
  async settings(browser) {
    const page = await open(browser, fileUrl(TUTORIAL));
    await b.screenIs(page, "title");
    await b.sleep(200);
    const before = (await b.shot(page)).background.join();
    await b.pressMirror(page, "Settings");
    await b.screenIs(page, "settings");
    await b.pressMirror(page, "Theme");
    await b.waitFor(page, "the settings to reach IndexedDB", () =>
      Module.FS.readdir("/home/web_user/.config/lostcorner").includes("settings.yaml") && lostcorner.stored());
    const file = await page.evaluate(() => new TextDecoder().decode(Module.FS.readFile("/home/web_user/.config/lostcorner/settings.yaml")));
    const theme = /theme: *(\S+)/.exec(file);
    check(theme, "settings.yaml has no theme: " + file);
    await page.reload({ waitUntil: "load" });
    await b.screenIs(page, "title");
    await b.sleep(200);
    const again = await page.evaluate(() => new TextDecoder().decode(Module.FS.readFile("/home/web_user/.config/lostcorner/settings.yaml")));
    check(again.includes("theme: " + theme[1]), "after a reload settings.yaml says " + again);
    const after = (await b.shot(page)).background.join();
    check(after !== before, `the background is still ${before} after changing the theme`);
  },

  // Classroom mode with a teacher code: the class waits at the chapter gate until it is typed.
  async classroom(browser) {
    const page = await open(browser, fileUrl("gated/gated.html"));
    await b.screenIs(page, "title");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    for (let i = 0; i < 60; ++i) {
      const screen = await page.evaluate(() => lostcorner.screen);
      if (screen === "gate") break;
      if (screen === "play" && (await page.evaluate(() => (lostcorner.buttons || []).length > 1))) await page.keyboard.press("1");
      else await page.keyboard.press("Enter");
      await b.sleep(40);
    }
    await b.screenIs(page, "gate");
    await page.keyboard.type("wrong");
    await page.keyboard.press("Enter");
    await b.sleep(300);
    check((await page.evaluate(() => lostcorner.screen)) === "gate", "a wrong code opened the gate");
    for (let i = 0; i < 5; ++i) await page.keyboard.press("Backspace");
    await page.keyboard.type("owl42");
    await page.keyboard.press("Enter");
    await b.waitFor(page, "the gate to open", () => lostcorner.screen !== "gate");
    await b.waitFor(page, "the second chapter", () => lostcorner.spoken.some((t) => t.includes("window onto the sea")));
  },

  // The reading journal's export reaches the player as a browser download with the entry's text.
  async journal(browser) {
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "lc-downloads-"));
    const page = await open(browser, fileUrl("classroom/tutorial.html"));
    const cdp = await page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    await newGame(page);
    await page.keyboard.press("j");
    await b.screenIs(page, "journal");
    await page.keyboard.type("The greenhouse smelled of rain.");
    await page.keyboard.down("Control");
    await page.keyboard.press("Enter");  // saves the entry in the journal
    await page.keyboard.up("Control");
    await b.waitFor(page, "the entry saved", () => lostcorner.spoken.some((t) => t.startsWith("Saved in your journal")));
    await b.pressMirror(page, "Export");
    await b.waitFor(page, "a download", () => lostcorner.downloads.length > 0, undefined, 10000);
    for (let i = 0; i < 100 && !fs.readdirSync(downloads).some((f) => f.endsWith(".md")); ++i) await b.sleep(100);
    const md = fs.readdirSync(downloads).find((f) => f.endsWith(".md"));
    check(md, "no .md downloaded: " + fs.readdirSync(downloads).join(", "));
    const text = fs.readFileSync(path.join(downloads, md), "utf8");
    check(text.includes("The greenhouse smelled of rain."), "the download lacks the entry:\n" + text);
  },

  // A story with errors: the error screen, drawn, with the file:line:col message.
  async error(browser) {
    const page = await open(browser, fileUrl("broken/broken.html"));
    await b.screenIs(page, "error");
    await b.sleep(300);
    const s = await b.shot(page);
    check(s.ink([0.05, 0.05, 0.9, 0.5]) > 300, "the error screen draws nothing");
    const heard = await page.evaluate(() => lostcorner.spoken.join("\n"));
    check(heard.includes("/story/hall.yaml:7:15: error: unknown scene 'cellar'"), "the error screen does not say file:line:col: " + heard);
  },

  // Storage blocked (as in some private windows): a notice that saves will not last, and play goes on.
  async blocked(browser) {
    const page = await open(browser, fileUrl(TUTORIAL), () =>
      Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("blocked", "SecurityError"); } }));
    await b.screenIs(page, "title");
    const expected = "This browser is not keeping data for this page (storage is blocked): saves and settings will not last after you close it.";
    await b.waitFor(page, "the storage notice", (t) => (lostcorner.notices || []).includes(t), expected);
    const log = await page.$eval("#lc-notices", (e) => e.textContent);
    check(log.includes(expected), "the notice is not in the ARIA log: " + log);
    await newGame(page);
    await page.keyboard.press("Enter");
    await toChoices(page);
  },

  // A browser without WebAssembly gets a message, not a blank page.
  async nowasm(browser) {
    const page = await open(browser, fileUrl(TUTORIAL), () => { delete window.WebAssembly; });
    await b.waitFor(page, "the message", () => document.getElementById("message").style.display === "flex");
    const text = await page.$eval("#message", (e) => e.innerText);
    check(text.includes("This browser cannot run Lost Corner.") && text.includes("It needs WebAssembly"), "message: " + text);
  },

  // A corrupt save in storage is refused as on the desktop; other slots still load.
  async corrupt(browser) {
    const page = await open(browser, fileUrl(TUTORIAL));
    await newGame(page);
    await page.keyboard.press("Escape");
    await b.screenIs(page, "menu");
    await b.pressMirror(page, "Save");
    await b.pressMirror(page, "Slot 2");
    await b.waitFor(page, "slot 2 saved", () => Module.FS.readdir("/home/web_user/.local/share/lostcorner/tutorial").includes("2.save"));
    await page.evaluate(() => {
      Module.FS.writeFile("/home/web_user/.local/share/lostcorner/tutorial/3.tmp", "lostcorner-save: 1\nthis is not a save\n");
      Module.FS.rename("/home/web_user/.local/share/lostcorner/tutorial/3.tmp", "/home/web_user/.local/share/lostcorner/tutorial/3.save");
    });
    await b.waitFor(page, "the damaged save in IndexedDB", () => lostcorner.stored());
    await page.reload({ waitUntil: "load" });
    await b.screenIs(page, "title");
    await b.pressMirror(page, "Load");
    await b.screenIs(page, "load");
    // The same slot list as the window on the desktop: the damaged slot says so, with the reason.
    const slot3 = await page.evaluate(() => lostcorner.buttons.find((x) => x.label.startsWith("Slot 3")));
    check(slot3.label === "Slot 3 — cannot be loaded", "slot 3 shows " + JSON.stringify(slot3));
    const mirror = await page.evaluate(() => [...document.querySelectorAll("#lc-choices button")].find((x) => x.textContent.startsWith("Slot 3")).textContent);
    check(mirror.startsWith("Slot 3 — cannot be loaded"), "the mirror says " + mirror);
    await b.pressMirror(page, "Slot 3");
    await b.sleep(300);
    check((await page.evaluate(() => lostcorner.screen)) === "load", "a damaged save was loaded");
    await b.pressMirror(page, "Slot 2");
    await b.screenIs(page, "play");
  },

  // The folder publish over http, and music that plays (non-silent samples) after the first key.
  async audio(browser) {
    const server = await b.serve(path.resolve(pagesDir, "folder"));
    try {
      const page = await open(browser, server.url + "index.html");
      await b.screenIs(page, "title");
      await newGame(page);
      await b.waitFor(page, "the audio context to run", () => Module.SDL2 && Module.SDL2.audioContext && Module.SDL2.audioContext.state === "running");
      const rms = await page.evaluate(async () => {
        const ctx = Module.SDL2.audioContext, analyser = ctx.createAnalyser();
        analyser.fftSize = 2048;
        Module.SDL2.audio.scriptProcessorNode.connect(analyser);
        const data = new Float32Array(analyser.fftSize);
        let best = 0;
        for (let i = 0; i < 60; ++i) {
          await new Promise((r) => setTimeout(r, 100));
          analyser.getFloatTimeDomainData(data);
          best = Math.max(best, Math.sqrt(data.reduce((s, v) => s + v * v, 0) / data.length));
        }
        return best;
      });
      check(rms > 0.005, `the music is silent (RMS ${rms})`);
    } finally {
      server.close();
    }
  },
};

(async () => {
  const run = cases[caseName];
  if (!run) { console.error(`unknown case '${caseName}'; cases: ${Object.keys(cases).join(" ")}`); process.exit(2); }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lc-chromium-"));
  const browser = await b.launch(profile);
  try {
    await run(browser);
    console.log("ok " + caseName);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => { console.error("FAILED " + caseName + ": " + (e && e.stack || e)); process.exit(1); });
