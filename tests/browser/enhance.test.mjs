// <news-lens for="id"> on an article already on the page (issue 9): the element reads the
// article's blocks, highlights quotes and mentions in place in the page's own markup, shows the
// actors and quotes beside it, keeps the page's elements, styles and handlers working, and
// gives back the exact original DOM when asked. www/enhance.html (English, strict CSP) and
// fixtures/enhance-hi.html (Hindi, lang="hi") are the pages; the parse is the real wasm one, so
// the checks hold for whatever quotes and mentions the parser reports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile } from "node:fs/promises";
import { AXE, start, newPage, screenshot, DESKTOP, PHONE, ROOT } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/**
 * In the page before any script of ours runs: `snapshot(id)` records an element's outerHTML, its
 * element and text-node objects and the document's adopted stylesheets; `differences(id, s)`
 * lists what changed since. At DOMContentLoaded (before the widget can have marked anything) the
 * article named by `id` is snapshotted into `window.original`, and the page's own handlers are
 * attached: a click on its second paragraph and on its links are recorded in `window.clicks`.
 */
function instrument(id) {
  window.snapshot = (name) => {
    const root = document.getElementById(name);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return { html: root.outerHTML, nodes, data: nodes.map((n) => n.data), elements: [...root.querySelectorAll("*")], sheets: document.adoptedStyleSheets.length };
  };
  window.differences = (name, before) => {
    const now = window.snapshot(name);
    const found = [];
    if (now.html !== before.html) found.push("outerHTML differs");
    if (now.nodes.length !== before.nodes.length || now.nodes.some((n, k) => n !== before.nodes[k])) found.push("text node objects differ");
    if (now.data.some((d, k) => d !== before.data[k])) found.push("text differs");
    if (now.elements.length !== before.elements.length || now.elements.some((e, k) => e !== before.elements[k])) found.push("elements differ");
    if (now.sheets !== before.sheets) found.push("adopted stylesheets differ");
    return found;
  };
  document.addEventListener("DOMContentLoaded", () => {
    if (!document.getElementById(id)) return;
    window.original = window.snapshot(id);
    window.markedEarly = document.querySelectorAll(".nl-mark").length;
    window.clicks = [];
    const root = document.getElementById(id);
    const paragraph = root.querySelectorAll("p")[root.querySelector("header") ? 3 : 2];
    paragraph.addEventListener("click", (e) => window.clicks.push(["paragraph", e.target === paragraph || e.target.localName]));
    for (const link of root.querySelectorAll("a[href]")) link.addEventListener("click", () => window.clicks.push(["link", link.getAttribute("href")]));
  });
}

/** Waits until the <news-lens> shows its summary beside the page's article. */
const enhanced = (page) => page.waitForFunction(() => document.getElementById("lens").shadowRoot?.querySelector(".side"), null, { timeout: 20000 });

async function openEnglish(options) {
  const page = await newPage(env, options);
  await page.addInitScript(instrument, "story");
  await page.goto(env.url + "www/enhance.html");
  await enhanced(page);
  assert.equal(await page.evaluate(() => window.markedEarly), 0, "should snapshot the article before the widget marks it");
  return page;
}

async function openHindi(options) {
  const page = await newPage(env, options);
  await page.addInitScript(instrument, "kahani");
  await page.goto(env.url + "tests/browser/fixtures/enhance-hi.html");
  await page.waitForFunction(() => customElements.get("news-lens") && window.original);
  await page.evaluate(() => document.getElementById("lens").setAttribute("for", "kahani"));
  await enhanced(page);
  return page;
}

/**
 * For every quote of the Article, the text of its marks in the page (quotation marks removed)
 * against the quote's text; for the mentions, the text of all mention marks in page order
 * against the mentions the widget shows (the Article's, without overlaps), in text order.
 */
const highlighted = (page, id) =>
  page.evaluate((name) => {
    const lens = document.getElementById("lens");
    const { text, article } = lens;
    const root = document.getElementById(name);
    const norm = (s) => s.replace(/\s+/g, " ").trim();
    const quotes = article.quotes.map((q, i) => {
      const marks = [...root.querySelectorAll(`mark[data-nl-quote="${i}"]`)];
      const shown = norm(marks.map((m) => m.textContent).join("")).replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, "");
      return [norm(text.slice(q.start, q.end)), shown, marks.at(-1)?.dataset.nlSpeaker ?? null, article.actors.find((a) => a.id === q.speaker)?.name ?? null];
    });
    const mentions = article.actors.flatMap((a) => a.mentions.map((m) => [m.start, m.end, a.id])).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let end = -1;
    const kept = mentions.filter(([s, e]) => (s >= end ? ((end = e), true) : false));
    const marks = [...root.querySelectorAll(".nl-mention")];
    return {
      quotes,
      mentionsExpected: norm(kept.map(([s, e]) => text.slice(s, e)).join("|")),
      mentionActors: [...new Set(kept.map(([, , a]) => a))].sort(),
      mentionsShown: marks.map((m) => m.textContent),
      markActors: [...new Set(marks.map((m) => m.dataset.nlActor))].sort(),
      elementsInside: marks.filter((m) => m.querySelector("*")).length,
    };
  }, id);

function checkHighlights(found, how, actors = 2) {
  assert.ok(found.quotes.length >= 2, `should find the article's quotes ${how}`);
  for (const [expected, shown, chip, speaker] of found.quotes) {
    assert.equal(shown, expected, `should highlight the quote “${expected.slice(0, 30)}…” with exactly its text ${how}`);
    assert.equal(chip, speaker, `should name the quote's speaker after its last piece ${how}`);
  }
  assert.ok(found.mentionsShown.length >= found.mentionActors.length && found.mentionActors.length >= actors, `should mark the mentions of ${actors} actors or more ${how}`);
  assert.equal(found.elementsInside, 0, `should wrap only text, never the page's elements ${how}`);
  assert.deepEqual(found.markActors, found.mentionActors, `should mark a mention of every actor and of no other ${how}`);
}

test("for= reads the page article's blocks into text: headings, paragraphs, blockquotes, list items", async () => {
  const page = await openEnglish();
  const blocks = (await page.evaluate(() => document.getElementById("lens").text)).split("\n\n");
  assert.deepEqual(
    blocks,
    [
      "Civic affairs",
      "Riverside council approves a flood wall after a decade of delays",
      "By Priya Natarajan · 4 December 2026",
      "The Riverside Council voted nine to two on Tuesday to build a three-kilometre flood wall along the Kaveri embankment, ending ten years of argument over its cost.",
      "“This wall will keep thousands of homes dry,” Mayor Anita Desai said after the vote. “We waited too long.”",
      "Who pays",
      "The wall will cost 240 crore rupees. The state government will pay half, according to the council's finance officer, Rahul Mehta, who called the deal “fair to every ward”.",
      "“We have lost two harvests to the river. Nobody here can afford a third.”",
      "Lakshmi Rao, a farmer in Ward 7",
      "Work on the wall begins in March 2027.",
      "The state irrigation department will inspect it every year.",
      "Objections",
      "Councillor Imran Sheikh, one of the two who voted against, said the wall “moves the flood downstream”. “Ward 12 will pay for the safety of Ward 7,” Sheikh said.",
      "Desai said the council would publish the engineers' report on Friday.",
    ],
    "should make one block per heading, paragraph, blockquote paragraph and list item, white space collapsed, the blockquote in quotation marks, its credit line not, and the figure and aside left out",
  );
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("quotes and mentions are highlighted in place in the page's article, each with exactly its text", async () => {
  const page = await openEnglish();
  checkHighlights(await highlighted(page, "story"), "(English)");
  const split = await page.evaluate(() => document.querySelectorAll('#story mark[data-nl-quote="0"]').length);
  assert.ok(split >= 2, "should highlight a quote that spans the page's <em> piece by piece, around it");
  assert.equal(await page.locator("#story em mark").count(), 1, "should highlight the emphasised words inside the page's <em>");
  const side = await page.evaluate(() => document.getElementById("lens").shadowRoot.querySelectorAll("[part=actor]").length);
  assert.ok(side >= 2, "should show the actor summary beside the article");
  assert.equal(await page.locator("news-lens details, news-lens .title").count(), 0, "should not show a second copy of the article");
});

test("selecting an actor highlights its mentions in the page and filters the quotes; again clears", async () => {
  const page = await openEnglish();
  await page.evaluate(() => {
    window.selections = [];
    document.getElementById("lens").addEventListener("newslens-actor-select", (e) => window.selections.push(e.detail?.id ?? null));
  });
  const card = page.locator("news-lens [part=actor]").first();
  const id = await card.getAttribute("data-a");
  await card.click();
  const state = await page.evaluate((a) => ({
    on: [...document.querySelectorAll("#story .nl-mention.nl-on")].map((m) => m.dataset.nlActor),
    all: document.querySelectorAll(`#story .nl-mention[data-nl-actor="${a}"]`).length,
    dimmed: [...document.querySelectorAll("#story .nl-quote")].map((q) => [q.dataset.nlBy === a, q.classList.contains("nl-dim")]),
  }), id);
  assert.ok(state.on.length > 0 && state.on.every((a) => a === id), "should highlight the selected actor's mentions only");
  assert.equal(state.on.length, state.all, "should highlight every mention of the actor");
  for (const [own, dim] of state.dimmed) assert.equal(dim, !own, "should dim exactly the quotes of other speakers");
  const background = await page.locator("#story .nl-mention.nl-on").first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(background, "rgba(0, 0, 0, 0)", "should give the highlighted mentions a background");
  await card.click();
  assert.equal(await page.locator("#story .nl-on, #story .nl-dim").count(), 0, "should clear the highlight when selected again");
  assert.deepEqual(await page.evaluate(() => window.selections), [id, null], "should fire newslens-actor-select");
});

test("Show in article scrolls to the quote in the page's article and focuses it", async () => {
  const page = await openEnglish({ viewport: PHONE });
  const link = page.locator("news-lens [data-act=goto]").last();
  const i = await link.getAttribute("data-q");
  await link.click();
  const focused = await page.evaluate(() => [document.activeElement?.dataset.nlQuote, document.activeElement?.closest("#story") != null]);
  assert.deepEqual(focused, [i, true], "should focus the quote's mark in the page");
  const inView = await page.locator(`#story mark[data-nl-quote="${i}"]`).first().evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, "should scroll the quote into view");
});

test("the page's own elements, styles, links and click handlers keep working", async () => {
  const page = await openEnglish();
  const identical = await page.evaluate(() => {
    const now = [...document.querySelectorAll("#story *:not(.nl-mark)")];
    return now.length === window.original.elements.length && now.every((e, k) => e === window.original.elements[k]);
  });
  assert.ok(identical, "should keep every element of the page, the same objects in the same order");
  assert.equal(await page.locator("#story em").evaluate((e) => getComputedStyle(e).fontStyle), "italic", "should keep the page's styles");
  assert.equal(await page.locator("#story .byline").evaluate((e) => getComputedStyle(e).fontFamily.includes("system-ui")), true, "should keep the page's fonts");

  // A click on a highlighted quote reaches the paragraph's handler with the paragraph as target
  // (the marks let the pointer through; `force` because Playwright sees the <p> on top).
  await page.locator('#story mark[data-nl-quote="0"]').first().click({ force: true });
  // A link whose text is a mention: the site's handler runs and the link is followed.
  const mention = page.locator('#story a[href="#mayor"] .nl-mention');
  assert.equal(await mention.count(), 1, "should mark the mention inside the link");
  await mention.click({ force: true });
  await page.waitForFunction(() => location.hash === "#mayor");
  assert.deepEqual(
    await page.evaluate(() => window.clicks),
    [["paragraph", true], ["link", "#mayor"], ["paragraph", "a"]],
    "should run the page's handlers with the targets they had before: the paragraph, then the link (whose click bubbles to the paragraph)",
  );
  assert.equal(await page.locator('#story a[href="#mayor"]').evaluate((a) => a.href.endsWith("#mayor")), true, "should keep the link's href");
});

test("restore(), removing for=, setting text and removing the element each give back the exact original DOM", async () => {
  const page = await openEnglish();
  const differences = () => page.evaluate(() => window.differences("story", window.original));
  assert.ok((await differences()).length > 0, "should have changed the article while enhanced");

  await page.evaluate(() => document.getElementById("lens").restore());
  assert.deepEqual(await differences(), [], "should restore the original DOM on restore(): same outerHTML, text nodes, elements and stylesheets");
  assert.equal(await page.evaluate(() => document.getElementById("lens").shadowRoot.childElementCount), 0, "should empty the widget");

  const again = async () => {
    await page.evaluate(() => {
      const lens = document.getElementById("lens");
      lens.removeAttribute("for");
      lens.setAttribute("for", "story");
    });
    await enhanced(page);
    await page.waitForFunction(() => document.querySelector("#story .nl-mark"));
  };
  await again();
  checkHighlights(await highlighted(page, "story"), "(after enhancing again)");
  await page.evaluate(() => document.getElementById("lens").removeAttribute("for"));
  await page.waitForFunction(() => !document.querySelector("#story .nl-mark"));
  assert.deepEqual(await differences(), [], "should restore the original DOM when for= is removed");

  await again();
  await page.evaluate(() => (document.getElementById("lens").text = "A headline\nA paragraph of a text given to the element."));
  await page.waitForFunction(() => document.getElementById("lens").shadowRoot.querySelector(".main p"));
  assert.deepEqual(await differences(), [], "should restore the original DOM when the element is given a text to show instead");
  await page.evaluate(() => (document.getElementById("lens").text = null));

  await again();
  await page.evaluate(() => document.querySelector(".story-side").append(document.getElementById("lens")));
  await page.waitForFunction(() => document.querySelector("#story .nl-mark"));
  checkHighlights(await highlighted(page, "story"), "(after the element is moved)");
  await page.evaluate(() => document.getElementById("lens").remove());
  assert.deepEqual(await differences(), [], "should restore the original DOM when the element is removed");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("a Hindi article (lang=hi) is enhanced in place with Hindi labels and restored exactly", async () => {
  const page = await openHindi();
  const blocks = (await page.evaluate(() => document.getElementById("lens").text)).split("\n\n");
  assert.deepEqual(
    blocks.slice(0, 4),
    [
      "इंदौर में मेट्रो की दूसरी लाइन का काम शुरू",
      "संवाददाता, इंदौर",
      "इंदौर की महापौर सुनीता वर्मा ने सोमवार को मेट्रो की दूसरी लाइन की नींव रखी. यह लाइन शहर के पूर्वी हिस्से को हवाई अड्डे से जोड़ेगी.",
      "वर्मा ने कहा, “यह लाइन दस लाख लोगों का सफ़र आसान करेगी.”",
    ],
    "should read the Devanagari blocks",
  );
  assert.equal(blocks.at(-3), "“हमने दस साल से इस लाइन का इंतज़ार किया है.”", "should put the blockquote in quotation marks");
  checkHighlights(await highlighted(page, "kahani"), "(Hindi)");
  const base = page.locator("news-lens [part=base]");
  assert.equal(await base.getAttribute("lang"), "hi", "should set lang from the article");
  assert.equal(await page.locator("news-lens #actors-h").textContent(), "ख़बर में कौन-कौन", "should label the summary in Hindi");
  await page.evaluate(() => document.getElementById("lens").restore());
  assert.deepEqual(await page.evaluate(() => window.differences("kahani", window.original)), [], "should restore the Hindi article exactly");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("hostile page markup: deep nesting, scripts and comments with quote marks, markup as text, split text nodes", async () => {
  const page = await newPage(env);
  await page.addInitScript(instrument, "hostile");
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate(() => {
    const article = document.createElement("article");
    article.id = "hostile";
    let inner = article;
    // 1000 levels: deeper than the HTML parser builds (512); Chromium's own layout crashes near 3000.
    for (let k = 0; k < 1000; k++) inner = inner.appendChild(document.createElement("div"));
    const title = inner.appendChild(document.createElement("h2"));
    title.textContent = "Mayor Jane Doe opens the <b>new</b> bridge";
    const code = inner.appendChild(document.createElement("script"));
    code.type = "text/plain"; // never run; its text is not the article's
    code.textContent = 'var fake = "“A quote in a script,” said Nobody.";';
    inner.appendChild(document.createComment(" “A quote in a comment,” said Nobody. "));
    const advert = inner.appendChild(document.createElement("div"));
    advert.textContent = "“A quote nobody sees,” said Nobody.";
    advert.style.display = "none";
    for (let k = 0; k < 200; k++) {
      const p = inner.appendChild(document.createElement("p"));
      // Two adjacent text nodes, as scripts leave them: restore must keep them two.
      p.append(`“Bridge number ${k} is open <img src=x onerror=window.__pwned=1>,” `, "Mayor Jane Doe said.");
    }
    document.body.append(article);
    window.original = window.snapshot("hostile");
    document.getElementById("lens").setAttribute("for", "hostile");
  });
  await enhanced(page);
  const text = await page.evaluate(() => document.getElementById("lens").text);
  assert.ok(!text.includes("A quote in a script") && !text.includes("A quote in a comment"), "should leave scripts and comments out of the text");
  assert.ok(!text.includes("A quote nobody sees"), "should leave out what the page does not show");
  assert.ok(text.startsWith("Mayor Jane Doe opens the <b>new</b> bridge\n\n“Bridge number 0 is open <img src=x onerror=window.__pwned=1>,” Mayor Jane Doe said."), "should read markup-like text as text");
  assert.equal(text.split("\n\n").length, 201, "should read every block under 1000 levels of nesting");
  checkHighlights(await highlighted(page, "hostile"), "(hostile page)", 1);
  const state = await page.evaluate(() => ({ img: document.querySelectorAll("#hostile img, #hostile b").length, pwned: window.__pwned ?? null, marks: document.querySelectorAll("#hostile .nl-quote").length }));
  assert.deepEqual([state.img, state.pwned], [0, null], "should create no element from the text and run nothing");
  assert.ok(state.marks >= 200, "should highlight the quote of every paragraph");
  await page.evaluate(() => document.getElementById("lens").restore());
  assert.deepEqual(await page.evaluate(() => window.differences("hostile", window.original)), [], "should restore the page exactly, adjacent text nodes kept apart");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("when the wasm cannot load, for= says why and leaves the page's article untouched", async () => {
  const page = await newPage(env);
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.addInitScript(instrument, "story");
  await page.goto(env.url + "www/enhance.html");
  const notice = page.locator("news-lens [part=notice][role=alert]");
  await notice.waitFor();
  assert.match(await notice.textContent(), /^The analysis could not run \(.+\)\./, "should say that the analysis failed and why");
  assert.equal(await page.locator("news-lens .plain p").count(), 0, "should not copy the article the page already shows");
  assert.deepEqual(await page.evaluate(() => window.differences("story", window.original)), [], "should leave the article as it was");
});

test("the enhanced page works under its strict CSP, with no axe violations (light and dark)", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await newPage(env, { colorScheme });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(env.url + "www/enhance.html");
    await enhanced(page);
    const quote = await page.locator("#story .nl-quote-direct").first().evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(quote, "rgba(0, 0, 0, 0)", `should style the highlights in the page (${colorScheme})`);
    await page.locator("news-lens [part=actor]").first().click();
    assert.deepEqual(await page.evaluate(() => window.violations), [], `should cause no CSP violation (${colorScheme})`);
    // axe is injected after the CSP check: the policy would refuse an inline copy of it.
    const result = await page.evaluate(AXE + "\n;window.axe.run(document, { resultTypes: ['violations'] })").catch((e) => ({ error: e.message }));
    assert.ok(!result.error, `should run axe (${result.error})`);
    const problems = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
    assert.deepEqual(problems, [], `should have no axe violations (${colorScheme})`);
    const hindi = await openHindi({ colorScheme, viewport: PHONE });
    await hindi.addScriptTag({ content: AXE });
    const hi = await hindi.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    assert.deepEqual(hi.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)), [], `should have no axe violations on the Hindi page (${colorScheme})`);
  }
});

test("screenshots of the enhanced article: desktop and phone, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      const page = await newPage(env, { viewport, colorScheme });
      await page.goto(env.url + "www/enhance.html");
      await enhanced(page);
      await page.locator("news-lens [part=actor]").first().click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `should not scroll sideways (${device})`);
      await screenshot(page, `enhance-${device}-${colorScheme}`, { fullPage: true });
      // NEWSLENS_DOCS_SCREENSHOT=1 also refreshes the one in the README's widget section.
      if (process.env.NEWSLENS_DOCS_SCREENSHOT && device === "desktop" && colorScheme === "light") {
        await copyFile(await screenshot(page, "enhance-docs"), `${ROOT}docs/enhance.png`);
      }
    }
  }
});
