// Helpers for the web page tests: Debian's chromium through puppeteer-core, a small static
// server for published folders, PNG screenshots decoded to pixels, and waits on the page's
// mirror (window.lostcorner, filled by tools/web/library_lostcorner.js).
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const zlib = require("zlib");
const puppeteer = require("puppeteer-core");

const CHROMIUM = process.env.LC_CHROMIUM || "/usr/bin/chromium";

async function launch(profileDir) {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profileDir,  // the same folder across launches = a browser restart keeps IndexedDB
    args: ["--no-sandbox", "--allow-file-access-from-files", "--autoplay-policy=user-gesture-required",
           "--window-size=1280,800", "--disable-gpu", "--use-gl=swiftshader", "--enable-unsafe-swiftshader"],
    defaultViewport: { width: 1280, height: 720 },
  });
}

// Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }.
function serve(root) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); return res.end();
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

// An 8-bit RGB/RGBA PNG (what Chromium writes) -> { width, height, pixel(x, y) -> [r, g, b] }.
function decodePng(buffer) {
  let at = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (at < buffer.length) {
    const len = buffer.readUInt32BE(at), type = buffer.toString("ascii", at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      channels = { 2: 3, 6: 4 }[data[9]];
      if (data[8] !== 8 || !channels) throw new Error("unexpected PNG format");
    } else if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat)), stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; ++x) {
      const a = x >= channels ? out[y * stride + x - channels] : 0, b = y ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (line[x] + pred) & 255;
    }
  }
  return { width, height, pixel: (x, y) => Array.from(out.subarray((y * width + x) * channels, (y * width + x) * channels + 3)) };
}

// The canvas as a screenshot: { image, ink(region) } where ink counts pixels unlike the
// background (the most common colour) in a region given as fractions [x, y, w, h].
async function shot(page) {
  const image = decodePng(Buffer.from(await page.screenshot({ type: "png" })));
  const counts = new Map();
  for (let y = 0; y < image.height; y += 8)
    for (let x = 0; x < image.width; x += 8) { const k = image.pixel(x, y).join(); counts.set(k, (counts.get(k) || 0) + 1); }
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
  const ink = (r = [0, 0, 1, 1]) => {
    let n = 0;
    for (let y = Math.floor(r[1] * image.height); y < (r[1] + r[3]) * image.height; y += 2)
      for (let x = Math.floor(r[0] * image.width); x < (r[0] + r[2]) * image.width; x += 2) {
        const p = image.pixel(x, y);
        if (Math.abs(p[0] - background[0]) + Math.abs(p[1] - background[1]) + Math.abs(p[2] - background[2]) > 90) ++n;
      }
    return n;
  };
  return { image, background, ink };
}

async function waitFor(page, what, fn, arg, timeout = 20000) {
  try {
    return await page.waitForFunction(fn, { timeout, polling: 50 }, arg);
  } catch (e) {
    const state = await page.evaluate(() => JSON.stringify({ screen: window.lostcorner && lostcorner.screen,
      failed: window.lostcorner && lostcorner.failed, spoken: window.lostcorner && (lostcorner.spoken || []).slice(-3),
      buttons: window.lostcorner && (lostcorner.buttons || []).map((b) => b.label) })).catch(() => "?");
    throw new Error(`waited ${timeout} ms for ${what}; the page: ${state}`);
  }
}

const screenIs = (page, name) => waitFor(page, `the ${name} screen`, (n) => window.lostcorner && lostcorner.screen === n, name);

// Clicks the canvas where the mirror says the button labelled `label` is drawn.
async function clickButton(page, label) {
  await waitFor(page, `a button "${label}"`, (l) => (lostcorner.buttons || []).some((b) => b.label.startsWith(l)), label);
  const box = await page.evaluate((l) => lostcorner.buttons.find((b) => b.label.startsWith(l)).box, label);
  const canvas = await (await page.$("canvas")).boundingBox();
  await page.mouse.click(canvas.x + (box[0] + box[2] / 2) * canvas.width, canvas.y + (box[1] + box[3] / 2) * canvas.height);
}

// Chooses a button through the screen-reader mirror: the real <button> a keyboard user tabs to.
async function pressMirror(page, label) {
  await waitFor(page, `a mirror button "${label}"`, (l) =>
    [...document.querySelectorAll("#lc-choices button")].some((b) => b.textContent.startsWith(l)), label);
  await page.evaluate((l) => [...document.querySelectorAll("#lc-choices button")].find((b) => b.textContent.startsWith(l)).click(), label);
}

const lastSpoken = (page) => page.evaluate(() => (lostcorner.spoken || []).slice(-1)[0] || "");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { launch, serve, shot, waitFor, screenIs, clickButton, pressMirror, lastSpoken, sleep, decodePng };
