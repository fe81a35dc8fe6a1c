// The JS API cases (cases.mjs) in headless Chromium against js/index.js: serves the project
// with scripts/serve.mjs, opens tests/js/browser.html, and reports each case as a Node test.
// Needs `scripts/build.sh` and Chromium at /usr/bin/chromium (`scripts/setup.sh --browser`).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../../scripts/serve.mjs";
import { launchChromium } from "./chromium.mjs";
import { cases } from "./cases.mjs";

let server;
let browser;
let results;
let beforeInit;
const consoleErrors = [];

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  const page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(`${server.url}tests/js/browser.html`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 30_000 });
  results = await page.evaluate(() => window.results);
  beforeInit = await page.evaluate(() => window.beforeInit);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page loads the package and runs every case", () => {
  assert.deepEqual(consoleErrors, [], "should log no errors in the browser console");
  assert.deepEqual(
    results.map((r) => r.name),
    cases.map(([name]) => name),
    `should run every case (${JSON.stringify(results.filter((r) => !r.ok))})`,
  );
});

test("parse() before init() throws an Error that says to call init()", () => {
  assert.ok(beforeInit?.isError, "should throw an Error instance");
  assert.match(beforeInit.message, /call `await init\(\)` once before parse\(\)/, "should say what to do");
});

for (const [name] of cases) {
  test(`Chromium: ${name}`, () => {
    const result = results.find((r) => r.name === name);
    assert.ok(result, "should have run in the browser");
    assert.ok(result.ok, result.message);
  });
}
