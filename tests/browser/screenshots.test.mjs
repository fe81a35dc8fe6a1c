// Screenshots of the demo (desktop and phone, light and dark) and of the widget in use, saved to
// test-results/screenshots/ for people to look at. NEWSLENS_DOCS_SCREENSHOT=1 also refreshes
// docs/screenshot.png, the one in the README.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, stat } from "node:fs/promises";
import { start, newPage, openFixture, waitForArticle, screenshot, ROOT, DESKTOP, PHONE } from "./harness.mjs";
import { EN_TEXT, englishArticle } from "./fixtures/articles.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

for (const colorScheme of ["light", "dark"]) {
  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    test(`screenshot of the demo: ${device}, ${colorScheme}`, async () => {
      const page = await newPage(env, { viewport, colorScheme });
      await page.goto(env.url + "www/index.html");
      await waitForArticle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, "should not scroll sideways");
      const name = `demo-${device}-${colorScheme}`;
      const path = await screenshot(page, name);
      await screenshot(page, `${name}-full`, { fullPage: true });
      assert.ok((await stat(path)).size > 10000, "should save a screenshot with content");
      // In use: the first actor selected and the first attributed quote's speaker card shown.
      const actor = page.locator("news-lens [part=actor]").first();
      if (await actor.count()) await actor.click();
      const quote = page.locator("news-lens .q[tabindex]").first();
      if (await quote.count()) {
        await quote.scrollIntoViewIfNeeded();
        await quote.hover();
      }
      const inUse = await screenshot(page, `${name}-in-use`);
      if (process.env.NEWSLENS_DOCS_SCREENSHOT && device === "desktop" && colorScheme === "light") {
        await mkdir(`${ROOT}docs`, { recursive: true });
        await copyFile(inUse, `${ROOT}docs/screenshot.png`);
      }
    });
  }
  test(`screenshot of the widget with an actor selected and a speaker card: ${colorScheme}`, async () => {
    for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      const page = await openFixture(env, EN_TEXT, englishArticle(), { viewport, colorScheme });
      await page.locator("news-lens [part=actor]").nth(2).click();
      await page.locator("news-lens .q").nth(3).hover();
      const path = await screenshot(page, `widget-${device}-${colorScheme}`, { fullPage: true });
      assert.ok((await stat(path)).size > 10000, "should save a screenshot with content");
    }
  });
}
