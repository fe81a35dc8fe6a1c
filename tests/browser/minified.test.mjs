// www/widget.min.js, the widget in one minified module (scripts/build.sh, esbuild), works as
// www/widget.js does: loaded by a page, it defines <news-lens>, parses and shows the sample
// article with the Hindi labels it carries (no request for them; other languages' labels still
// come on demand), and stays within issue 7's 15 KB (gzip).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { start, newPage, waitForArticle, ROOT } from "./harness.mjs";

const MIN = join(ROOT, "www/widget.min.js");
let env;
before(async () => {
  assert.ok(existsSync(MIN), "should find www/widget.min.js: build it with scripts/build.sh");
  env = await start();
});
after(async () => {
  await env?.close();
});

test("the minified widget shows the sample article like the source modules", async () => {
  const sample = readFileSync(join(ROOT, "samples/sample-hi-russia-north-korea.txt"), "utf8");
  const shown = async (module) => {
    const page = await newPage(env);
    const scripts = [];
    page.on("request", (r) => r.url().endsWith(".js") && scripts.push(new URL(r.url()).pathname));
    await page.goto(env.url + "tests/browser/fixtures/late.html");
    await page.evaluate(([path, text]) => import(path).then(() => (document.getElementById("lens").text = text)), [module, sample]);
    await waitForArticle(page);
    const html = await page.evaluate(() => document.getElementById("lens").shadowRoot.innerHTML);
    assert.deepEqual(page.problems, [], `should log no errors with ${module}`);
    return { html, scripts };
  };
  const source = await shown("/www/widget.js");
  const minified = await shown("/www/widget.min.js");
  assert.ok(minified.html.includes("part="), "should render the widget's parts");
  assert.equal(minified.html, source.html, "should build the same DOM as the source modules");
  assert.ok(source.scripts.includes("/www/labels/hi.js"), "should load the Hindi labels on demand with the source modules");
  assert.ok(!minified.scripts.some((path) => path.startsWith("/www/labels/")), "should carry the Hindi labels in the minified module");
  assert.match(minified.html, /लेख/, "should label the views in Hindi");
  assert.match(readFileSync(MIN, "utf8"), /import\("\.\/labels\/ur\.js"\)/, "should still load the Urdu labels on demand");
  assert.ok(!minified.scripts.includes("/www/news-lens.js"), "should not load the source modules");
});

test("the minified widget stays within 15 KB gzipped (issue 7's budget)", () => {
  const bytes = gzipSync(readFileSync(MIN), { level: 9 }).length;
  assert.ok(bytes <= 15000, `should gzip www/widget.min.js to 15000 bytes or less (${bytes})`);
});
