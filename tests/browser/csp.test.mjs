// The widget works on a page with a strict Content-Security-Policy (www/csp.html: scripts and
// styles only from this origin, WebAssembly allowed, nothing inline) and breaks none of it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, waitForArticle } from "./harness.mjs";
import { EN_TEXT, englishArticle } from "./fixtures/articles.mjs";

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

  // Styles the widget sets from script (bar widths, the card's position) are CSSOM, not inline
  // style attributes, so the policy allows them.
  await page.evaluate(([t, a]) => document.getElementById("lens").showArticle(t, a), [EN_TEXT, englishArticle()]);
  const bar = await page.locator("news-lens .bar > span").nth(3).evaluate((b) => [b.getBoundingClientRect().width, b.parentElement.getBoundingClientRect().width]);
  assert.ok(bar[0] > 0 && bar[0] < bar[1], "should draw a mention bar shorter than its track");
  await page.locator("news-lens .q").first().hover();
  const card = await page.locator("news-lens [part=card]").evaluate((c) => [getComputedStyle(c).display, c.style.top]);
  assert.notEqual(card[0], "none", "should show the speaker card");
  assert.match(card[1], /^\d+(\.\d+)?px$/, "should position the card");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "should still cause no CSP violation");

  // The policy is really in force: an inline script is refused.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement("script"), { textContent: "window.inlineRan = true" })));
  await page.waitForFunction(() => window.violations.length > 0);
  assert.equal(await page.evaluate(() => window.inlineRan ?? false), false, "should be a page where inline scripts are blocked");
});
