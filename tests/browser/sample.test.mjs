// QUALITY-DEPENDENT: what the issue asks the widget to show for the reference sample article
// (samples/sample-hi-russia-north-korea.txt) through the real parse. These pass once the
// structure, quotes, actors and attribution stages are good enough; the widget's own behaviour
// is tested on hand-written Articles in widget.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, waitForArticle } from "./harness.mjs";

let env;
let page;
before(async () => {
  env = await start();
  page = await newPage(env);
  await page.goto(env.url + "www/index.html");
  await waitForArticle(page);
});
after(async () => {
  await env?.close();
});

test("the sample shows its kicker, title and 7 section headings", async () => {
  assert.equal(await page.locator("news-lens .kicker").textContent(), "Russia Supports North Korea", "should show the English kicker");
  assert.ok((await page.locator("news-lens .title").textContent()).startsWith("मॉस्को-प्योंगयांग की गहराती दोस्ती"), "should show the Hindi title without the kicker");
  assert.deepEqual(
    await page.locator("news-lens summary").allTextContents(),
    [
      "पुतिन का संदेश, रणनीतिक गठजोड़",
      "नए रणनीतिक साझेदार, पश्चिमी देशों की बढ़ी बेचैनी",
      "परमाणु कार्यक्रम पर रूस का समर्थन",
      "अमेरिका-जापान-दक्षिण कोरिया को नसीहत",
      "रूस को किम का समर्थन",
      "पर्यटन की नई कड़ी भी जोड़ेगा रूस",
      "बढ़ती ध्रुवीयता और एशिया में नया शक्ति संतुलन",
    ],
    "should show the 7 sub-headings as collapsible sections",
  );
  assert.match(await page.locator("news-lens [part=related]").first().textContent(), /^ट्रंप ने की यूरोपीय संघ/, "should list the read-also line at the end");
});

/** Each direct quote's first words and the name on its speaker chip (null when unattributed). */
const directQuotes = () =>
  page.locator("news-lens .q-direct").evaluateAll((qs) =>
    qs.map((q) => {
      const chip = q.nextElementSibling;
      const named = chip?.getAttribute("part") === "speaker" && !chip.classList.contains("unknown");
      return [q.textContent.slice(0, 24), named ? chip.textContent : null];
    }),
  );

test("the sample's direct quotes are highlighted, each with a speaker chip", async () => {
  const quotes = await directQuotes();
  assert.ok(quotes.length >= 3, "should highlight Lavrov's three direct quotes");
  for (const [quote, speaker] of quotes) assert.ok(speaker, `should name the speaker of “${quote}…”`);
});

test("the sample's quotes in the nuclear, warning and tourism sections are Lavrov's", async () => {
  const lavrov = ["उत्तर कोरिया के पास जो", "हम चेतावनी देते हैं", "हमें पूरा विश्वास है"];
  const quotes = await directQuotes();
  for (const start of lavrov) {
    const found = quotes.find(([quote]) => quote.replace(/^["'“”‘’]/, "").startsWith(start));
    assert.ok(found, `should highlight the quote “${start}…”`);
    assert.match(found[1] ?? "", /लावरोव|Lavrov/, `should name Lavrov (\"रूस के विदेश मंत्री\", \"उन्होंने\", \"लावरोव\") as the speaker of “${start}…”, not ${found[1]}`);
  }
});

test("Russia, North Korea, Lavrov and Kim lead the actor summary", async () => {
  const top = await page.locator("news-lens [part=actor]").evaluateAll((cards) => cards.slice(0, 4).map((c) => c.textContent));
  for (const who of [/Russia|रूस/, /North Korea|उत्तर कोरिया/, /Lavrov|लावरोव/, /Kim|किम/]) {
    assert.ok(top.some((card) => who.test(card)), `should show ${who} among the first four actors (got ${top.join(" | ")})`);
  }
});

test("selecting Lavrov marks his mentions in the text", async () => {
  const card = page.locator("news-lens [part=actor]", { hasText: /लावरोव|Lavrov/ }).first();
  assert.ok((await card.count()) > 0, "should have a card for Lavrov");
  await card.click();
  const marked = await page.locator("news-lens [part~=mention-selected]").allTextContents();
  assert.ok(marked.length >= 4, "should mark Lavrov's mentions (named four times)");
  assert.ok(marked.every((m) => m.length > 0), "should mark non-empty spans");
});
