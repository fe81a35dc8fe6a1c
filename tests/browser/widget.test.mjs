// The <news-lens> element used as a reader and a site use it, in Debian's Chromium. Quote and
// actor display is tested on hand-written Articles (fixtures/articles.mjs) so that it does not
// depend on the parser's accuracy; loading, re-rendering and safety use the real wasm parse.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { start, newPage, openFixture, waitForArticle, PHONE, ROOT } from "./harness.mjs";
import { EN_TEXT, englishArticle, HI_TEXT, hindiArticle, UR_TEXT, urduArticle, HOSTILE_TEXT, hostileArticle } from "./fixtures/articles.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const english = (options) => openFixture(env, EN_TEXT, englishArticle(), options);
const texts = (locator) => locator.allTextContents();

test("the header shows kicker, title, standfirst, dateline, language and reading time", async () => {
  const page = await english();
  assert.equal(await page.locator("news-lens .kicker").textContent(), "CITY HALL", "should show the kicker");
  assert.equal(await page.locator("news-lens h2.title").textContent(), "Mayor Rivera and the transit union agree to end the bus strike", "should show the title as a heading");
  assert.equal(await page.locator("news-lens .standfirst").textContent(), "Buses will run again on Monday after a 12-day stoppage.", "should show the standfirst");
  const meta = await page.locator("news-lens .meta").textContent();
  assert.match(meta, /SPRINGFIELD, March 3/, "should show the dateline");
  assert.match(meta, /English/, "should name the language");
  assert.match(meta, /1 min read/, "should show the reading time");
  assert.deepEqual(page.problems, [], "should log no errors");

  const opening = englishArticle();
  opening.dateline = { ...opening.sections[0].paragraphs[0], end: opening.sections[0].paragraphs[0].start + 18 };
  const inBody = await openFixture(env, EN_TEXT, opening);
  assert.doesNotMatch(await inBody.locator("news-lens .meta").textContent(), /Mayor Elena Rivera/, "should not repeat a dateline that opens the first paragraph");
});

test("sections collapse and expand by click, by keyboard and all at once", async () => {
  const page = await english();
  const section = page.locator("news-lens details");
  const summary = section.locator("summary");
  const paragraph = section.locator("p").first();
  assert.equal(await summary.textContent(), "The talks", "should use the heading as the summary");
  assert.equal(await page.locator("news-lens .lead p").count(), 2, "should show the lead's two paragraphs outside any collapsible section");
  assert.ok(await paragraph.isVisible(), "should start with the section open");
  await summary.click();
  assert.equal(await section.evaluate((d) => d.open), false, "should close the section on click");
  assert.ok(!(await paragraph.isVisible()), "should hide a closed section's paragraphs");
  await summary.click();
  assert.ok(await paragraph.isVisible(), "should open the section on a second click");
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await section.evaluate((d) => d.open), false, "should close the section with Enter");
  await page.keyboard.press("Space");
  assert.equal(await section.evaluate((d) => d.open), true, "should open the section with Space");
  await page.locator("news-lens [data-act=collapse]").click();
  assert.equal(await section.evaluate((d) => d.open), false, "should close every section with Collapse all");
  await page.locator("news-lens [data-act=expand]").click();
  assert.equal(await section.evaluate((d) => d.open), true, "should open every section with Expand all");
});

/** The accessibility tree Chromium exposes, as [role, name, properties] for each node shown. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => [n.role?.value, n.name?.value ?? "", Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value]))]);
}

/** The accessibility tree once it has a level-3 heading named `name`, or after 5 s as it is then:
 * Chromium exposes a section that skips layout (content-visibility: auto) a rendering step after
 * it first paints, which a loaded machine can make later than the test's first look. */
async function axTreeWithHeading(page, name) {
  const until = Date.now() + 5000;
  for (;;) {
    const tree = await axTree(page);
    const found = tree.some(([role, text, props]) => role === "heading" && props.level === 3 && text === name);
    if (found || Date.now() > until) return tree;
    await page.waitForTimeout(50);
  }
}

test("section headings are headings to screen readers and stay disclosure buttons", async () => {
  const page = await english();
  const tree = await axTreeWithHeading(page, "The talks");
  const headings = tree.filter(([role, , props]) => role === "heading" && props.level === 3).map(([, name]) => name);
  assert.ok(headings.includes("The talks"), `should expose the section heading as a level-3 heading (got ${headings.join(" | ")})`);
  const title = tree.find(([role, name]) => role === "heading" && name.startsWith("Mayor Rivera and the transit union"));
  assert.equal(title?.[2].level, 2, "should expose the title as the level-2 heading above the sections");
  const toggle = tree.find(([role, name]) => role === "DisclosureTriangle" && name === "The talks");
  assert.equal(toggle?.[2].expanded, true, "should keep the summary a disclosure control with its expanded state");
  await page.locator("news-lens summary h3").click();
  const closed = (await axTree(page)).find(([role, name]) => role === "DisclosureTriangle" && name === "The talks");
  assert.equal(closed?.[2].expanded, false, "should still collapse when the heading text is clicked");
});

test("quotes are highlighted in place, each kind styled differently, with a chip naming the speaker", async () => {
  const page = await english();
  const quotes = page.locator("news-lens .q");
  assert.deepEqual(
    await texts(quotes),
    ['"This is a fair deal for drivers and for riders,"', '"a start"', '"no choice"', '"Nobody wanted empty streets,"'],
    "should highlight every quote with its quotation marks, in text order",
  );
  const chips = await quotes.evaluateAll((qs) => qs.map((q) => q.nextElementSibling?.getAttribute("part") === "speaker" ? q.nextElementSibling.textContent : null));
  assert.deepEqual(chips, ["Elena Rivera", "Sam Okafor", "Sam Okafor", "Sam Okafor"], "should follow each quote with a chip naming its speaker");
  const style = (selector) =>
    page.locator(`news-lens ${selector}`).first().evaluate((q) => {
      const s = getComputedStyle(q);
      return { bg: s.backgroundColor, line: s.textDecorationStyle, shadow: s.boxShadow };
    });
  const direct = await style(".q-direct");
  const partial = await style(".q-partial");
  assert.notEqual(direct.bg, partial.bg, "should give direct and partial quotes different backgrounds");
  assert.equal(partial.line, "dashed", "should mark partial quotes by a dashed underline, not by colour alone");
  assert.notEqual(direct.shadow, "none", "should underline direct quotes with a solid bar");
  const paragraph = await page.locator("news-lens .lead p").nth(1).textContent();
  assert.ok(paragraph.startsWith('"This is a fair deal for drivers and for riders,"Elena Rivera Rivera said.'), "should keep the paragraph's own words in place around the quote and chip");
});

test("hovering or focusing a quote shows its speaker's actor card; Escape hides it", async () => {
  const page = await english();
  const card = page.locator("news-lens [part=card]");
  assert.ok(!(await card.isVisible()), "should hide the card at first");
  await page.locator("news-lens .q").first().hover();
  assert.ok(await card.isVisible(), "should show the card on hover");
  assert.match(await card.textContent(), /Elena Rivera.*Person.*5 mentions.*1 quote/, "should show the speaker's name, kind, mentions and quotes");
  await page.mouse.move(1, 1);
  assert.ok(!(await card.isVisible()), "should hide the card when the pointer leaves");
  await page.locator("news-lens .q").nth(3).focus();
  assert.ok(await card.isVisible(), "should show the card on keyboard focus");
  assert.match(await card.textContent(), /Sam Okafor/, "should show the focused quote's speaker");
  await page.keyboard.press("Escape");
  assert.ok(!(await card.isVisible()), "should hide the card on Escape");
});

test("the Quotes view groups quotes by speaker and leads back into the article", async () => {
  const page = await english();
  await page.locator("news-lens [data-act=view][data-v=quotes]").click();
  assert.equal(await page.locator("news-lens [data-view=article]").isVisible(), false, "should hide the article in the Quotes view");
  const groups = page.locator("news-lens [part=quote-group]");
  assert.deepEqual(await texts(groups.locator("h3")), ["Elena RiveraPerson1 quote", "Sam OkaforPerson3 quotes"], "should group the quotes by speaker, most salient first");
  assert.deepEqual(await texts(groups.nth(1).locator("blockquote")), ["a start", "no choice", "Nobody wanted empty streets,"], "should list a speaker's quotes in text order");
  await groups.nth(1).locator("[data-act=goto]").nth(2).click();
  assert.ok(await page.locator("news-lens [data-view=article]").isVisible(), "should go back to the article");
  const focused = await page.evaluate(() => document.getElementById("lens").shadowRoot.activeElement?.textContent);
  assert.equal(focused, '"Nobody wanted empty streets,"', "should focus the quote in the article");
});

test("selecting an actor marks its mentions, filters the quotes, and selecting again clears", async () => {
  const page = await english();
  await page.evaluate(() => {
    window.selections = [];
    document.getElementById("lens").addEventListener("newslens-actor-select", (e) => window.selections.push(e.detail?.id ?? null));
  });
  const cards = page.locator("news-lens [part=actor]");
  assert.deepEqual(
    await cards.locator(".name").allTextContents(),
    ["Elena Rivera", "Transit Workers Union", "Sam Okafor", "Springfield"],
    "should list the actors most salient first",
  );
  assert.match(await cards.nth(1).textContent(), /Organisation.*5 mentions.*0 quotes/, "should show kind, mention count and quote count as text");
  const okafor = cards.nth(2);
  await okafor.click();
  assert.equal(await okafor.getAttribute("aria-pressed"), "true", "should mark the card as pressed");
  assert.deepEqual(await texts(page.locator("news-lens [part~=mention-selected]")), ["Sam Okafor", "Okafor", "he said"], "should highlight every mention of the actor");
  assert.equal(await page.locator("news-lens .q.dim").count(), 1, "should dim the quotes of other speakers");
  await page.locator("news-lens [data-act=view][data-v=quotes]").click();
  assert.deepEqual(await texts(page.locator("news-lens [part=quote-group]:not([hidden]) h3 span:first-child")), ["Sam Okafor"], "should show only the actor's quotes");
  await okafor.click();
  assert.equal(await page.locator("news-lens [part~=mention-selected]").count(), 0, "should clear the highlight when selected again");
  assert.equal(await page.locator("news-lens [part=quote-group]:not([hidden])").count(), 2, "should show all quotes again");
  await page.locator("news-lens [data-act=view][data-v=article]").click();
  await page.locator("news-lens .m[data-a=a4]").first().click();
  assert.equal(await cards.nth(3).getAttribute("aria-pressed"), "true", "should select an actor by clicking its mention in the text");
  await page.locator("news-lens [part=speaker]").first().click();
  assert.equal(await cards.nth(0).getAttribute("aria-pressed"), "true", "should select the speaker by clicking a quote's chip");
  assert.deepEqual(await page.evaluate(() => window.selections), ["a3", null, "a4", "a1"], "should fire newslens-actor-select with the actor, or null when cleared");
});

test("the arrow keys, Home and End move between section headings", async () => {
  const page = await newPage(env);
  await page.goto(env.url + "www/index.html");
  await waitForArticle(page);
  const summaries = page.locator("news-lens summary");
  const count = await summaries.count();
  assert.ok(count >= 2, "should have several headed sections in the sample article");
  const focused = () => page.evaluate(() => document.getElementById("lens").shadowRoot.activeElement?.textContent);
  const all = await summaries.allTextContents();
  await summaries.first().focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), all[1], "should move to the next heading with ArrowDown");
  await page.keyboard.press("ArrowUp");
  assert.equal(await focused(), all[0], "should move back with ArrowUp");
  await page.keyboard.press("End");
  assert.equal(await focused(), all[count - 1], "should move to the last heading with End");
  await page.keyboard.press("Home");
  assert.equal(await focused(), all[0], "should move to the first heading with Home");
});

test("the keyboard moves between actor cards, and keys are ignored while an input method composes", async () => {
  const page = await english();
  const cards = page.locator("news-lens [part=actor]");
  await cards.first().focus();
  await page.keyboard.press("ArrowDown");
  const focusedId = () => page.evaluate(() => document.getElementById("lens").shadowRoot.activeElement?.dataset.a);
  assert.equal(await focusedId(), "a2", "should move to the next card with ArrowDown");
  await page.keyboard.press("End");
  assert.equal(await focusedId(), "a4", "should move to the last card with End");
  await page.keyboard.press("Enter");
  assert.equal(await cards.nth(3).getAttribute("aria-pressed"), "true", "should select with Enter");
  const composing = await cards.nth(3).evaluate((card) => {
    card.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", isComposing: true, bubbles: true, composed: true }));
    return card.getAttribute("aria-pressed");
  });
  assert.equal(composing, "true", "should ignore Escape typed during IME composition");
  await page.keyboard.press("Escape");
  assert.equal(await cards.nth(3).getAttribute("aria-pressed"), "false", "should clear the selection with Escape");
});

test("theme=dark and theme=light override the reader's colour scheme", async () => {
  const page = await english({ colorScheme: "light" });
  const background = () => page.locator("news-lens").evaluate((lens) => getComputedStyle(lens).backgroundColor);
  const light = await background();
  await page.locator("news-lens").evaluate((lens) => lens.setAttribute("theme", "dark"));
  assert.notEqual(await background(), light, "should turn dark with theme=dark");
  const dark = await english({ colorScheme: "dark" });
  await dark.locator("news-lens").evaluate((lens) => lens.setAttribute("theme", "light"));
  assert.equal(await dark.locator("news-lens").evaluate((lens) => getComputedStyle(lens).backgroundColor), light, "should stay light with theme=light in a dark page");
});

test("read-also lines are a separate list after the sections", async () => {
  const page = await english();
  const related = page.locator("news-lens [part=related-list]");
  assert.equal(await related.locator("h3").textContent(), "Read also", "should title the list");
  assert.deepEqual(await texts(related.locator("[part=related]")), ["How the 1998 strike ended"], "should list the line without its marker");
  assert.equal(await page.locator("news-lens .main").evaluate((m) => m.textContent.includes("1998")), false, "should keep read-also lines out of the body");
});

test("the relation picture links actors that share sentences, thicker for more", async () => {
  const page = await english();
  const svg = page.locator("news-lens [part=relations] svg");
  assert.equal(await svg.getAttribute("role"), "img", "should be an image to assistive technology");
  const lines = await svg.locator("line").evaluateAll((ls) => ls.map((l) => [[l.dataset.a, l.dataset.b].sort().join("-"), Number(l.getAttribute("stroke-width"))]));
  const width = Object.fromEntries(lines);
  assert.ok(width["a1-a2"] > width["a1-a3"], "should draw Rivera–Union (2 sentences) thicker than Rivera–Okafor (1 sentence)");
  assert.equal(width["a2-a3"], width["a1-a2"], "should draw links of equal counts equally");
  const nodes = await svg.locator("g").evaluateAll((gs) => gs.map((g) => g.dataset.a));
  assert.deepEqual(nodes, ["a1", "a2", "a3"], "should leave out Springfield, which shares no sentence");
  assert.match(await svg.getAttribute("aria-label"), /Elena Rivera and Transit Workers Union in 2 sentences/, "should describe the strongest link in words");
  await svg.locator("g[data-a=a3] circle").click();
  assert.equal(await page.locator("news-lens [part=actor][data-a=a3]").getAttribute("aria-pressed"), "true", "should select an actor by clicking its node");
  assert.ok((await svg.locator("line.hot").count()) === 2, "should highlight the selected actor's links");
  assert.ok((await svg.locator("g.off").count()) === 2, "should fade the other actors");
  await page.locator("news-lens [part=actor][data-a=a4]").click();
  assert.equal(await svg.locator(".off, .hot").count(), 0, "should fade nothing for an actor the picture does not show");
});

test("labels follow the article's language, with lang and dir set (Hindi, Urdu)", async () => {
  let page = await openFixture(env, HI_TEXT, hindiArticle());
  const base = page.locator("news-lens [part=base]");
  assert.equal(await base.getAttribute("lang"), "hi", "should set lang from the article");
  assert.equal(await base.getAttribute("dir"), "ltr", "should write Hindi left to right");
  assert.equal(await page.locator("news-lens [data-v=quotes]").textContent(), "उद्धरण2", "should label the Quotes view in Hindi");
  assert.match(await page.locator("news-lens [part=actor]").first().textContent(), /रूस.*देश.*Russia.*2 बार ज़िक्र/, "should label the actor card in Hindi");
  page = await openFixture(env, UR_TEXT, urduArticle());
  assert.equal(await page.locator("news-lens [part=base]").getAttribute("dir"), "rtl", "should write Urdu right to left");
  assert.equal(await page.locator("news-lens [part=base]").getAttribute("lang"), "ur", "should set lang to Urdu");
});

test("a page downloads the labels of its article's language only", async () => {
  const page = await newPage(env);
  const loaded = [];
  page.on("request", (r) => r.url().includes("/www/labels/") && loaded.push(r.url().replace(/^.*\/www\//, "")));
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  const show = async (text, article) => {
    await page.evaluate(([t, a]) => document.getElementById("lens").showArticle(t, a), [text, article]);
    await page.waitForFunction((lang) => document.getElementById("lens").shadowRoot.querySelector(".main")?.closest("[lang]")?.lang === lang, article.lang);
  };
  await show(EN_TEXT, englishArticle());
  assert.deepEqual(loaded, [], "should load no other language's labels for an English article");
  await show(HI_TEXT, hindiArticle());
  assert.deepEqual(loaded, ["labels/hi.js"], "should load the Hindi labels for a Hindi article");
  assert.equal(await page.locator("news-lens [data-v=article]").textContent(), "लेख", "should use them");
  await show(UR_TEXT, urduArticle());
  await show(HI_TEXT, hindiArticle());
  assert.deepEqual(loaded, ["labels/hi.js", "labels/ur.js"], "should load each language's labels once");
});

test("the labels of a Hindi text start loading while the wasm loads, not after the parse", async () => {
  const page = await newPage(env);
  const order = [];
  let labelsAsked;
  const asked = new Promise((resolve) => (labelsAsked = resolve));
  page.on("request", (r) => {
    if (r.url().includes("/www/labels/")) {
      order.push("labels");
      labelsAsked();
    }
  });
  // The wasm is held back until the labels are asked for (or 5 s pass): the labels come first
  // only if the widget asks for them before it has the parse.
  await page.route("**/*.wasm", async (route) => {
    await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 5000))]);
    order.push("wasm");
    await route.continue();
  });
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate((t) => (document.getElementById("lens").text = t), HI_TEXT);
  await waitForArticle(page);
  assert.deepEqual(order, ["labels", "wasm"], "should ask for the Hindi labels before the wasm is in");
  assert.equal(await page.locator("news-lens [data-v=article]").textContent(), "लेख", "should show the Hindi labels");
});

test("while the wasm loads, a hidden preview of the text's start is laid out, and the Article replaces it", async () => {
  const page = await newPage(env);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate((t) => {
    window.events = 0;
    document.addEventListener("newslens-parsed", () => window.events++);
    document.getElementById("lens").text = t;
  }, HI_TEXT);
  await page.waitForFunction(() => document.getElementById("lens").shadowRoot.querySelector(".preview"));
  const preview = await page.evaluate(() => {
    const lens = document.getElementById("lens");
    const root = lens.shadowRoot;
    const box = root.querySelector(".preview");
    const shown = [...box.querySelectorAll("p, h2, h3, li, summary")].filter((e) => e.textContent.trim() && !e.closest("[hidden]"));
    return {
      notice: root.querySelector(".notice")?.textContent,
      hidden: [getComputedStyle(box).visibility, box.getBoundingClientRect().height, box.getAttribute("aria-hidden"), box.inert],
      laidOut: shown.length > 0 && shown.every((e) => e.getClientRects().length > 0),
      devanagari: /[\u0900-\u097F]/.test(box.textContent),
      pageFacing: box.querySelectorAll("[part], [id], .main").length + (box.hasAttribute("part") ? 1 : 0),
      article: lens.article,
      events: window.events,
    };
  });
  assert.ok(preview.notice, "should still say it is loading");
  assert.deepEqual(preview.hidden, ["hidden", 0, "true", true], "should be invisible, take no room, and be hidden from assistive technology and focus");
  assert.ok(preview.laidOut, "should be laid out (that is its point: the fonts are found then)");
  assert.ok(preview.devanagari, "should be made of the text's own words");
  assert.equal(preview.pageFacing, 0, "should expose no parts, ids or .main to the page");
  assert.equal(preview.article, null, "should not be the element's article");
  assert.equal(preview.events, 0, "should not announce an Article");
  release();
  await waitForArticle(page, "#lens");
  const after = await page.evaluate(() => ({ previews: document.getElementById("lens").shadowRoot.querySelectorAll(".preview").length, events: window.events }));
  assert.deepEqual(after, { previews: 0, events: 1 }, "should be replaced by the Article, announced once");
  // Once the wasm is in, a new element parses at once: nothing to overlap, so no preview.
  const later = await page.evaluate(async (t) => {
    const lens = document.createElement("news-lens");
    let previews = 0;
    new MutationObserver(() => (previews += lens.shadowRoot.querySelectorAll(".preview").length)).observe(lens.shadowRoot, { childList: true, subtree: true });
    const shown = new Promise((resolve) => lens.addEventListener("newslens-parsed", resolve));
    lens.text = t;
    document.body.append(lens);
    await shown;
    return previews;
  }, HI_TEXT);
  assert.equal(later, 0, "should build no preview when the wasm is ready");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("article text that looks like HTML is shown as text and runs nothing", async () => {
  for (const real of [false, true]) {
    const page = real ? await newPage(env) : await openFixture(env, HOSTILE_TEXT, hostileArticle());
    if (real) {
      await page.goto(env.url + "tests/browser/fixtures/page.html");
      await page.waitForFunction(() => customElements.get("news-lens"));
      await page.evaluate((t) => (document.getElementById("lens").text = t), HOSTILE_TEXT);
      await waitForArticle(page);
    }
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => {
      const root = document.getElementById("lens").shadowRoot;
      return { elements: root.querySelectorAll("img, script, iframe, b").length, text: root.textContent, pwned: window.__pwned ?? null };
    });
    const how = real ? "(real parse)" : "(fixture)";
    assert.equal(found.pwned, null, `should run no script from the article ${how}`);
    assert.equal(found.elements, 0, `should create no element from the article's markup ${how}`);
    assert.ok(found.text.includes("<script>window.__pwned = 'script'</script>"), `should show the markup as text ${how}`);
    assert.ok(found.text.includes("<b>Breaking</b>"), `should show tags as text ${how}`);
    assert.deepEqual(page.problems, [], `should log no errors ${how}`);
  }
});

test("the text comes from the text property, src, for= or the element's content, and changes re-render", async () => {
  const page = await newPage(env);
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  const parsedText = () =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          document.getElementById("lens").addEventListener("newslens-parsed", (e) => resolve([document.getElementById("lens").text, e.detail.lang]), { once: true }),
        ),
    );
  let parsed = parsedText();
  await page.evaluate(() => (document.getElementById("lens").text = "Heading line\nThe first paragraph of the story.\n"));
  assert.deepEqual(await parsed, ["Heading line\nThe first paragraph of the story.\n", "en"], "should parse the text property");

  parsed = parsedText();
  await page.evaluate(() => {
    const lens = document.getElementById("lens");
    lens.text = null;
    lens.setAttribute("src", "/www/samples/en-pune-water.txt");
  });
  const [fromSrc] = await parsed;
  assert.ok(fromSrc.startsWith("WATER CRISIS\nPune civic body"), "should fetch and parse the src URL");

  parsed = parsedText();
  await page.evaluate(() => {
    const story = document.createElement("article");
    story.id = "story";
    story.append(Object.assign(document.createElement("h2"), { textContent: "A story on the page" }), Object.assign(document.createElement("p"), { textContent: "Its only paragraph." }));
    document.body.append(story);
    const lens = document.getElementById("lens");
    lens.removeAttribute("src");
    lens.setAttribute("for", "story");
  });
  const [fromFor] = await parsed;
  assert.match(fromFor, /^A story on the page\n+Its only paragraph\.$/, "should read the text of the element named by for=");

  const inline = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const lens = document.createElement("news-lens");
        lens.addEventListener("newslens-parsed", () => resolve(lens.text), { once: true });
        lens.textContent = "\n      Title written inline\n      A paragraph written inside the element.\n    ";
        document.body.append(lens);
      }),
  );
  assert.equal(inline, "Title written inline\nA paragraph written inside the element.", "should read its own text, without the HTML indentation");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("a text property set before the widget script loads is used", async () => {
  const page = await newPage(env);
  await page.goto(env.url + "tests/browser/fixtures/late.html");
  const text = await page.evaluate(async () => {
    const lens = document.getElementById("lens");
    lens.text = "Set early\nBefore the element was defined.";
    const parsed = new Promise((resolve) => lens.addEventListener("newslens-parsed", () => resolve(lens.text), { once: true }));
    await import("/www/widget.js");
    return parsed;
  });
  assert.equal(text, "Set early\nBefore the element was defined.", "should parse the text set before the upgrade");
});

test("showArticle on a new element shows that Article and loads no wasm", async () => {
  const page = await newPage(env);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto(env.url + "tests/browser/fixtures/late.html");
  await page.evaluate(() => import("/www/widget.js"));
  const quotes = await page.evaluate(async ([text, article]) => {
    const lens = document.createElement("news-lens");
    document.body.append(lens);
    lens.showArticle(text, article);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const shown = lens.shadowRoot.querySelectorAll(".q").length;
    document.querySelector("main").append(lens); // moved: disconnected and connected again
    await new Promise((resolve) => setTimeout(resolve, 200));
    return [shown, lens.shadowRoot.querySelectorAll(".q").length];
  }, [EN_TEXT, englishArticle()]);
  assert.deepEqual(quotes, [4, 4], "should keep showing the given Article after the element connects, and after it is moved");
  assert.deepEqual(wasm, [], "should not fetch the wasm");
});

test("the widget loads the module without the HTML reader, which refuses HTML with a clear error", async () => {
  const page = await newPage(env);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
  await page.goto(env.url + "www/index.html");
  await waitForArticle(page);
  assert.deepEqual(wasm, ["/dist/newslens_text_bg.wasm"], "should fetch only the text-only module");
  const refused = await page.evaluate(async () => {
    const { parse } = await import("/js/index.js");
    const text = parse("नई दिल्ली: विदेश मंत्री ने कहा।").sections.length;
    const errors = [];
    for (const format of ["html", "auto"]) {
      try {
        parse("<p>Hello</p>", { format });
        errors.push(null);
      } catch (error) {
        errors.push(error.message);
      }
    }
    return { text, errors };
  });
  assert.ok(refused.text > 0, "should parse text with the module the widget loaded");
  for (const message of refused.errors) {
    assert.match(message ?? "", /reads no HTML.*newslens_wasm_bg\.wasm/, "should say that this module reads no HTML and which one does");
  }
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("when the wasm cannot load, the plain text is shown with the reason", async () => {
  const page = await newPage(env);
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate(() => (document.getElementById("lens").text = "A title\nFirst paragraph.\nSecond paragraph."));
  const notice = page.locator("news-lens [part=notice][role=alert]");
  await notice.waitFor();
  assert.match(await notice.textContent(), /^The analysis could not run \(.+\)\. Showing the plain text\.$/, "should say that the analysis failed and why");
  assert.deepEqual(await texts(page.locator("news-lens .plain p")), ["A title", "First paragraph.", "Second paragraph."], "should show the article's text");
});

test("the demo page: samples, paste box, Article JSON and parse time", async () => {
  const page = await newPage(env);
  await page.goto(env.url + "www/index.html");
  await waitForArticle(page);
  await page.waitForFunction(() => document.getElementById("timing").textContent.includes("Parsed"));
  assert.match(await page.locator("#timing").textContent(), /^Parsed in [\d.]+ ms · [\d,]+ characters/, "should show the parse time");
  await page.selectOption("#sample", "samples/en-pune-water.txt");
  const shown = await page.waitForFunction(() => document.getElementById("lens").shadowRoot.textContent.includes("Bhama Askhed dam"), null, { timeout: 15000 }).catch(() => null);
  assert.ok(shown, "should show another sample when chosen");
  await page.selectOption("#sample", "");
  await page.fill("#paste", "My own headline\nA paragraph I pasted.");
  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("lens").text === "My own headline\nA paragraph I pasted.");
  await page.check("#show-json");
  await page.waitForFunction(() => document.getElementById("json").textContent.includes("A paragraph I pasted."));
  const json = JSON.parse(await page.locator("#json").textContent());
  assert.equal(typeof json.lang, "string", "should show the Article JSON");
  assert.deepEqual(page.problems, [], "should log no errors");
});

test("touch: tapping a section heading, a quote and an actor card works as clicking does", async () => {
  const page = await openFixture(env, EN_TEXT, englishArticle(), { viewport: PHONE, hasTouch: true });
  await page.locator("news-lens summary").tap();
  assert.equal(await page.locator("news-lens details").evaluate((d) => d.open), false, "should close a section on tap");
  await page.locator("news-lens .q").first().tap();
  assert.ok(await page.locator("news-lens [part=card]").isVisible(), "should show the speaker card on tapping a quote");
  await page.locator("news-lens [part=actor]").first().tap();
  assert.equal(await page.locator("news-lens [part=actor]").first().getAttribute("aria-pressed"), "true", "should select an actor on tap");
});

test("a src that cannot be fetched says so", async () => {
  const page = await newPage(env);
  await page.goto(env.url + "tests/browser/fixtures/page.html");
  await page.waitForFunction(() => customElements.get("news-lens"));
  await page.evaluate(() => document.getElementById("lens").setAttribute("src", "/no/such/article.txt"));
  const notice = page.locator("news-lens [part=notice][role=alert]");
  await notice.waitFor();
  assert.equal(await notice.textContent(), "The article could not be loaded (/no/such/article.txt: HTTP 404).", "should name the URL and the HTTP status");
});

test("a 360 px phone gets one column and no sideways scrolling", async () => {
  const page = await openFixture(env, EN_TEXT, englishArticle(), { viewport: PHONE });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, "should fit the page width");
  const [main, actors] = await Promise.all([".main", ".actors"].map((s) => page.locator(`news-lens ${s}`).boundingBox()));
  assert.ok(Math.abs(main.width - actors.width) < 2, "should stack the actors and the article in one column");
});

test("the README documents every ::part the widget renders and every custom property it reads", async () => {
  const readme = await readFile(`${ROOT}www/README.md`, "utf8");
  const documented = new Set([...readme.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  const page = await english();
  await page.locator("news-lens [part=actor]").nth(2).click();
  await page.locator("news-lens .q").first().hover();
  const parts = new Set();
  const collect = async () => {
    const found = await page.evaluate(() => [...document.getElementById("lens").shadowRoot.querySelectorAll("[part]")].flatMap((e) => e.getAttribute("part").split(/\s+/)));
    for (const part of found) parts.add(part);
  };
  await collect();
  await page.locator("news-lens [data-v=quotes]").click();
  await collect();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.evaluate(() => (document.getElementById("lens").text = "A title\nA paragraph."));
  await page.locator("news-lens [part=notice][role=alert]").waitFor();
  await collect();
  for (const part of ["section", "heading", "quote", "speaker", "actor", "mention", "related", "notice", "relations", "card"]) {
    assert.ok(parts.has(part), `should render the part ${part}`);
  }
  for (const part of parts) assert.ok(documented.has(part), `should document the part \`${part}\` in www/README.md`);
  const css = await readFile(`${ROOT}www/styles.js`, "utf8");
  const properties = new Set([...css.matchAll(/(--nl-[a-z-]+)\s*:/g)].map((m) => m[1]));
  assert.ok(properties.size >= 10, "should find the custom properties declared on :host");
  // The highlights in a page's own article (for=) read properties of their own.
  const enhance = await readFile(`${ROOT}www/enhance.js`, "utf8");
  for (const [, property] of enhance.matchAll(/var\((--nl-[a-z-]+)/g)) properties.add(property);
  const classes = new Set([...enhance.matchAll(/\.(nl-[a-z-]+)/g)].map((m) => m[1]));
  assert.ok(classes.has("nl-quote") && classes.has("nl-mention"), "should find the classes the page's highlights are styled by");
  for (const name of classes) assert.ok(readme.includes(name), `should document the class \`${name}\` in www/README.md`);
  for (const property of properties) assert.ok(readme.includes(`\`${property}\``), `should document ${property} in www/README.md`);
});
