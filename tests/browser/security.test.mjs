// Widget security (issue 8): article text is never interpreted as HTML (script tags, onerror=,
// javascript: links, </style>), the widget works with Trusted Types enforced under a strict
// Content-Security-Policy, it requests nothing but the `src` the page gave (and its own code),
// and no shipped file uses eval, new Function or an HTML string sink.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { start, newPage, waitForArticle, ROOT } from "./harness.mjs";

const HOSTILE = readFileSync(join(ROOT, "tests/browser/fixtures/hostile-article.txt"), "utf8");

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Records policy violations and requests of a page before it loads. */
async function watch(page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  page.requests = [];
  page.on("request", (request) => page.requests.push(request.url()));
}

/** What the widget's shadow root holds: elements the article could have smuggled in, its text. */
function inspect(page) {
  return page.evaluate(() => {
    const root = document.getElementById("lens").shadowRoot;
    return {
      smuggled: [...root.querySelectorAll("script, img, iframe, svg a, a[href^='javascript'], style, b, object, embed")].map((e) => e.outerHTML.slice(0, 80)),
      links: [...root.querySelectorAll("[href], [src], [srcdoc]")].map((e) => e.outerHTML.slice(0, 80)),
      handlers: [...root.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)),
      text: root.textContent,
      pwned: window.__pwned ?? null,
    };
  });
}

test("with Trusted Types enforced the widget shows hostile markup as text and runs none of it", async () => {
  const page = await newPage(env);
  await watch(page);
  await page.goto(env.url + "tests/browser/fixtures/trusted-types.html");
  await waitForArticle(page);
  await page.waitForTimeout(300);
  const found = await inspect(page);
  assert.equal(found.pwned, null, "should run no script from the article");
  assert.deepEqual(found.smuggled, [], "should create no element from the article's markup");
  assert.deepEqual(found.handlers, [], "should set no event handler attribute");
  assert.deepEqual(found.links, [], "should make no link or source from the article");
  for (const piece of ["</style><style>*{display:none !important}</style>", "<script>window.__pwned='script'</script>", "<a href=\"javascript:window.__pwned='link'\">", "<svg onload="]) {
    assert.ok(found.text.includes(piece), `should show ${piece} as text`);
  }
  // The article's </style> and <style> did not end or add a stylesheet: the widget is styled.
  const base = await page.locator("news-lens [part=base]").evaluate((b) => [getComputedStyle(b).display, getComputedStyle(b).fontFamily]);
  assert.notEqual(base[0], "none", "should not hide the widget by the article's style");
  assert.match(base[1], /system-ui/, "should keep the widget's own stylesheet");
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 0, 0)", "should not apply the article's style");

  // Use it as a reader would: switch views, open the actors, hover a quote.
  await page.locator("news-lens [data-v=quotes]").click();
  await page.locator("news-lens [data-v=article]").click();
  await page.locator("news-lens .q").first().hover();
  assert.equal((await inspect(page)).pwned, null, "should still run nothing after the reader uses it");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "should cause no CSP or Trusted Types violation");
  assert.deepEqual(page.problems, [], "should log no errors");

  // Trusted Types is really enforced on this page: a string given to innerHTML throws.
  const blocked = await page.evaluate(() => {
    try {
      document.body.innerHTML = "<b>x</b>";
      return false;
    } catch (error) {
      return error instanceof TypeError;
    }
  });
  assert.equal(blocked, true, "should be a page where innerHTML with a string is refused");
});

test("article text set as a property with hostile markup runs nothing under Trusted Types", async () => {
  const page = await newPage(env);
  await watch(page);
  await page.goto(env.url + "tests/browser/fixtures/trusted-types.html");
  await waitForArticle(page);
  const text = HOSTILE.replaceAll("window.__pwned", "window.__pwnedAgain");
  await page.evaluate((t) => (document.getElementById("lens").text = t), text);
  await page.waitForFunction(() => document.getElementById("lens").shadowRoot.textContent.includes("__pwnedAgain"));
  await page.waitForTimeout(300);
  const found = await inspect(page);
  assert.equal(await page.evaluate(() => window.__pwnedAgain ?? null), null, "should run no script from the new text");
  assert.deepEqual(found.smuggled, [], "should create no element from the new text");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "should cause no violation");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("the widget requests only its own code and the src the page gave, nothing else", async () => {
  const page = await newPage(env);
  await watch(page);
  await page.goto(env.url + "tests/browser/fixtures/trusted-types.html");
  await waitForArticle(page);
  await page.locator("news-lens [data-v=quotes]").click();
  await page.locator("news-lens [data-v=article]").click();
  await page.locator("news-lens .q").first().hover();
  await page.waitForTimeout(300);
  const origin = new URL(env.url).origin;
  const requests = page.requests.map((url) => new URL(url));
  assert.deepEqual(requests.filter((u) => u.origin !== origin).map(String), [], "should request nothing from another origin");
  const code = /\.(js|mjs|css|wasm|svg|html)$/;
  assert.deepEqual(
    requests.filter((u) => !code.test(u.pathname)).map((u) => u.pathname),
    ["/tests/browser/fixtures/hostile-article.txt"],
    "should fetch exactly the src, once",
  );
  for (const u of requests.filter((u) => code.test(u.pathname))) {
    assert.match(u.pathname, /^\/(www|dist|js|tests\/browser\/fixtures)\//, `should load code only from the package: ${u.pathname}`);
  }
});

test("a javascript: src runs nothing and shows an error instead", async () => {
  const page = await newPage(env);
  await watch(page);
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate(() => document.getElementById("lens").setAttribute("src", "javascript:window.__pwned='src'"));
  await page.waitForFunction(() => document.getElementById("lens").shadowRoot.textContent.trim().length > 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, "should not run a javascript: URL");
  assert.deepEqual(page.requests.filter((u) => u.startsWith("javascript:")), [], "should not request it");
});

test("no shipped file uses eval, new Function or an HTML string sink", () => {
  const files = [];
  for (const dir of ["js", "www", "dist", "bin"]) {
    for (const name of readdirSync(join(ROOT, dir))) {
      if (/\.(m?js)$/.test(name)) files.push(join(dir, name));
    }
  }
  assert.ok(files.includes("www/news-lens.js") && files.includes("dist/newslens_wasm.js"), "should check the widget and the wasm glue");
  const sinks = [
    [/\beval\s*\(/, "eval("],
    [/\bnew\s+Function\b/, "new Function"],
    [/(^|[^\w`$.])Function\s*\(/m, "Function("],
    [/\.(innerHTML|outerHTML)\s*[+]?=/, "innerHTML/outerHTML assignment"],
    [/\binsertAdjacentHTML\b/, "insertAdjacentHTML"],
    [/\bdocument\.write(ln)?\s*\(/, "document.write"],
    [/\bsetHTMLUnsafe\b|\bparseHTMLUnsafe\b/, "setHTMLUnsafe"],
    [/\bcreateContextualFragment\b/, "createContextualFragment"],
    [/\bsrcdoc\b/, "srcdoc"],
    [/\bset(Timeout|Interval)\s*\(\s*["'`]/, "setTimeout with a string"],
  ];
  for (const file of files) {
    // Comments may name the sinks they avoid; only code counts.
    const code = readFileSync(join(ROOT, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
    for (const [pattern, name] of sinks) {
      assert.doesNotMatch(code, pattern, `${file} should not use ${name}`);
    }
  }
});
