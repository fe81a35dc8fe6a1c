// Whether a reader's next visit gets a faster first render: Chromium can keep a wasm module's
// optimised code in its code cache, and a page that takes the module from there compiles only
// the functions that were not optimised on its first parse. This loads
// bench/browser.html?cold=1 (init of the widget's module, then the widget's first render, first
// parse included) several times in one persistent Chromium profile, with the files served
// cacheable as a site would. The first visit also reads
// for a while: it parses the sample 200 more times, so that V8 moves the hot code to its
// optimising tier, and stays open 5 s, past V8's 2 s wait before it offers the code for
// caching. The later visits show whether they were given that code.
//
// Each run is done twice: with Chromium's default flags, and with V8's caching wait turned off
// (`--wasm-caching-timeout-ms=0`), which shows what the code cache would give. A page cannot set
// V8 flags; the second row is for comparison only.
//
// Run by `npm run bench` (scripts/bench.sh; about 15 s); alone: node bench/repeat-visit.mjs
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_FLAGS } from "../tests/js/chromium.mjs";
import { printTable, ms } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const VISITS = 4;

/** The files in the profile's wasm code cache (each entry is one file ending in `_0`). */
async function cacheEntries(profile) {
  const files = await readdir(join(profile, "Default", "Code Cache", "wasm")).catch(() => []);
  return files.filter((name) => name.endsWith("_0")).length;
}

/** VISITS visits of the cold bench page in a fresh persistent profile, with `extraFlags`. */
async function visits(url, extraFlags) {
  const profile = await mkdtemp(join(tmpdir(), "newslens-repeat-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  });
  const rows = [];
  try {
    for (let visit = 1; visit <= VISITS; visit++) {
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(`${url}bench/browser.html?cold=1`);
      await page.waitForFunction(() => window.benchResult, null, { timeout: 60000 });
      const result = await page.evaluate(() => window.benchResult);
      if (result.error) throw new Error(`bench page: ${result.error}`);
      if (problems.length) throw new Error(`bench page: ${problems.join("; ")}`);
      if (visit === 1) {
        // Reading: the parse's code reaches V8's optimising tier, then the page stays open.
        await page.evaluate(async () => {
          const { parse } = await import("../js/index.js");
          const text = await (await fetch("../samples/sample-hi-russia-north-korea.txt")).text();
          for (let i = 0; i < 200; i++) parse(text);
        });
        await page.waitForTimeout(5000);
      }
      await page.close();
      rows.push([
        `${extraFlags.join(" ") || "default flags"}, visit ${visit}`,
        ms(result.initMs),
        ms(result.widgetCold.built),
        ms(result.widgetCold.parse),
        String(await cacheEntries(profile)),
      ]);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  return rows;
}

const server = await startServer({ root: ROOT, port: 0, maxAge: 3600 });
try {
  const rows = [
    ...(await visits(server.url, [])),
    ...(await visits(server.url, ["--js-flags=--wasm-caching-timeout-ms=0"])),
  ];
  printTable(
    "Repeat visits (headless Chromium, one persistent profile per row group, files served cacheable)",
    ["visit", "init", "widget first render (DOM, first parse included)", "first parse", "wasm code cache entries after"],
    rows,
  );
} finally {
  await server.close();
}
