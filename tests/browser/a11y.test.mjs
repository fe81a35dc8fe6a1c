// axe-core finds no accessibility violations in the widget and the demo page, in light and dark,
// on a desktop and a phone, with an actor selected, the card shown and the Quotes view open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { AXE, start, newPage, openFixture, waitForArticle, DESKTOP, PHONE } from "./harness.mjs";
import { EN_TEXT, englishArticle, HI_TEXT, hindiArticle, UR_TEXT, urduArticle } from "./fixtures/articles.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The violations axe finds on the page, as "rule: target" lines. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary}`));
}

for (const colorScheme of ["light", "dark"]) {
  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    test(`the demo page with the sample article has no axe violations (${colorScheme}, ${device})`, async () => {
      const page = await newPage(env, { viewport, colorScheme });
      await page.goto(env.url + "www/index.html");
      await waitForArticle(page);
      assert.deepEqual(await violations(page), [], "should have no violations");
    });
  }

  test(`the widget in use has no axe violations (${colorScheme})`, async () => {
    const page = await openFixture(env, EN_TEXT, englishArticle(), { colorScheme });
    await page.locator("news-lens [part=actor]").nth(2).click();
    await page.locator("news-lens .q").first().hover();
    assert.deepEqual(await violations(page), [], "should have no violations with an actor selected and the card shown");
    await page.locator("news-lens [data-v=quotes]").click();
    assert.deepEqual(await violations(page), [], "should have no violations in the Quotes view");
  });

  test(`the widget on Hindi and Urdu articles has no axe violations (${colorScheme})`, async () => {
    for (const [text, article] of [[HI_TEXT, hindiArticle()], [UR_TEXT, urduArticle()]]) {
      const page = await openFixture(env, text, article, { colorScheme, viewport: PHONE });
      await page.locator("news-lens [part=actor]").first().click();
      assert.deepEqual(await violations(page), [], `should have no violations (${article.lang})`);
    }
  });
}
