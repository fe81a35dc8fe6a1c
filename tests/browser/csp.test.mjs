// The widget works on a page with a strict Content-Security-Policy (www/csp.html: scripts and
// styles only from this origin, WebAssembly allowed, nothing inline) and breaks none of it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, waitForArticle } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("the strict-CSP page shows the parsed, styled article with no policy violation", async () => {
  const page = await newPage(env);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(env.url + "www/csp.html");
  await waitForArticle(page);
  assert.ok((await page.locator("news-lens details").count()) > 0, "should show the article's sections");
  assert.ok((await page.locator("news-lens .q").count()) > 0, "should highlight quotes");
  const styled = await page.locator("news-lens .kicker").evaluate((k) => getComputedStyle(k).textTransform);
  assert.equal(styled, "uppercase", "should apply the widget's stylesheet");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "should cause no CSP violation");
  assert.deepEqual(page.problems, [], "should log no errors");

  // The policy is really in force: an inline script is refused.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement("script"), { textContent: "window.inlineRan = true" })));
  await page.waitForFunction(() => window.violations.length > 0);
  assert.equal(await page.evaluate(() => window.inlineRan ?? false), false, "should be a page where inline scripts are blocked");
});
