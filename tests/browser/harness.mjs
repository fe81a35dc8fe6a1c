// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser) against the project root served on localhost by scripts/serve.mjs.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCREENSHOTS = new URL("../../test-results/screenshots/", import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** axe-core's browser build, to inject into a page for the accessibility checks. */
export const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  if (!existsSync(new URL("dist/newslens_wasm_bg.wasm", `file://${ROOT}`))) {
    throw new Error("dist/newslens_wasm_bg.wasm is missing: build the wasm package first (scripts/build.sh)");
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  const server = await startServer({ root: ROOT, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new page that records page errors and console errors in `page.problems`.
 * @param {{ viewport?: {width:number,height:number}, colorScheme?: "light"|"dark", hasTouch?: boolean }} [options]
 */
export async function newPage(env, { viewport = DESKTOP, colorScheme = "light", hasTouch = false } = {}) {
  const context = await env.browser.newContext({ viewport, colorScheme, hasTouch, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console error: ${message.text()}`);
  });
  return page;
}

/** Opens `path` (relative to the project root) and waits until the widget has shown an Article. */
export async function openParsed(env, path, options) {
  const page = await newPage(env, options);
  await page.goto(env.url + path);
  await waitForArticle(page);
  return page;
}

/** Waits until the <news-lens> with this selector shows an Article. */
export async function waitForArticle(page, selector = "news-lens") {
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector(".main"), selector, {
    timeout: 15000,
  });
}

/**
 * A page with an empty <news-lens id="lens"> on which `lens.showArticle(text, article)` shows a
 * hand-written Article: the widget is tested without depending on the parser's accuracy.
 */
export async function openFixture(env, text, article, options) {
  const page = await newPage(env, options);
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate(([t, a]) => document.getElementById("lens").showArticle(t, a), [text, article]);
  await waitForArticle(page);
  return page;
}

/** Saves a screenshot into test-results/screenshots/NAME.png. */
export async function screenshot(page, name, options = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = fileURLToPath(new URL(`${name}.png`, SCREENSHOTS));
  await page.screenshot({ path, ...options });
  return path;
}
