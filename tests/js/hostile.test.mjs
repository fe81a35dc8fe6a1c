// Hostile and odd input through the JS API in Node (issue 8): sizes (10 MB, a 10 MB line,
// 100,000 quote marks, only opening marks), binary junk, lone surrogates, NUL, Urdu and mixed
// direction text, options of the wrong type and the maxInputBytes limit. Every result must keep
// `text.slice(start, end) === span.text` for every span; nothing may throw but a real Error for
// unusable options. Needs `scripts/build.sh` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "newslens";
import { allSpans } from "./cases.mjs";

const SAMPLE = readFileSync(new URL("../../samples/sample-hi-russia-north-korea.txt", import.meta.url), "utf8");
const encoder = new TextEncoder();

/** Every span of `article` slices `text` to its own text (lone surrogates read as U+FFFD). */
function assertSlices(text, article, what) {
  const wellFormed = text.toWellFormed();
  for (const [where, span] of allSpans(article)) {
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: ${where} should lie in the text`);
    assert.equal(wellFormed.slice(span.start, span.end), span.text, `${what}: ${where} should slice the text`);
  }
  JSON.parse(JSON.stringify(article));
}

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("10 MB of paragraphs parses, every span slicing the text", () => {
  const copies = [];
  for (let n = 1; copies.join("").length < 10 * 1024 * 1024 / 2.6; n++) {
    copies.push(SAMPLE.split("\n").map((line) => (line.trim() ? `${line} (${n})` : line)).join("\n"));
  }
  const text = copies.join("\n\n");
  assert.ok(encoder.encode(text).length >= 10 * 1024 * 1024 * 0.95, "should build about 10 MB of UTF-8");
  const article = parse(text);
  const paragraphs = article.sections.flatMap((s) => s.paragraphs);
  assert.ok(paragraphs.length > copies.length * 5, `should read every copy's paragraphs, got ${paragraphs.length}`);
  assert.ok(article.quotes.length >= copies.length, `should find every copy's quotes, got ${article.quotes.length}`);
  assertSlices(text, article, "10 MB");
});

test("a single 10 MB line parses to its end", () => {
  const line = SAMPLE.split(/\s+/).join(" ");
  const text = line.repeat(Math.ceil((10 * 1024 * 1024) / encoder.encode(line).length));
  const article = parse(text);
  const last = Math.max(...allSpans(article).map(([, span]) => span.end));
  assert.ok(last > text.length / 2, "should have spans in the second half of the line");
  assertSlices(text, article, "10 MB line");
});

test("100,000 quote marks, glued, spaced and mixed", () => {
  for (const marks of ["“", '"', "“”", "‘’", "«»", "„“", "\"“”‘’«»„'"]) {
    const count = Math.floor(100_000 / [...marks].length);
    for (const text of [marks.repeat(count), `${marks} `.repeat(count), `${marks}शब्द `.repeat(count)]) {
      assertSlices(text, parse(text), `marks ${marks}`);
    }
  }
});

test("only opening marks: the quotes run on with a warning, never past the paragraph", () => {
  for (const piece of ["“उन्होंने कहा ", "Mr. Okafor said, “we will act ", "‘खबर ", "„Nein "]) {
    const text = `Headline\n${piece.repeat(5000)}\nLast paragraph.`;
    const article = parse(text);
    assertSlices(text, article, `opening marks ${piece}`);
    assert.ok(
      article.warnings.some((w) => w.code === "quote-unclosed" || w.code === "quote-stray-mark"),
      `should warn that the marks never close (${piece})`,
    );
    const lastParagraph = text.lastIndexOf("\n") + 1;
    for (const quote of article.quotes) {
      assert.ok(quote.end <= lastParagraph, "should end every quote before the next paragraph");
    }
  }
});

test("binary junk and random UTF-16 parse without throwing", () => {
  const next = random(8);
  for (let round = 0; round < 40; round++) {
    const units = Array.from({ length: 1 + Math.floor(next() * 3000) }, () => {
      const r = next();
      // Mostly control characters and bytes, some surrogates (paired or not), some anything.
      if (r < 0.4) return Math.floor(next() * 256);
      if (r < 0.6) return 0xd800 + Math.floor(next() * 0x800);
      if (r < 0.7) return [0x201c, 0x201d, 0x0a, 0x0d, 0x0964, 0][Math.floor(next() * 6)];
      return Math.floor(next() * 0x10000);
    });
    const text = String.fromCharCode(...units);
    assertSlices(text, parse(text), `junk round ${round}`);
  }
});

test("lone surrogates anywhere keep every offset right and are reported", () => {
  const texts = [
    "\uD800Headline\nMinister Rao said, “we will act.”",
    "Headline\nMinister Rao said, “we \uDC00 will act.” 😀\uD83D",
    "Headline\n\uDE00\uD83D “\uD83D” 😀 said the minister.\n\nनई दिल्ली: मोदी ने कहा, “हम तैयार हैं।”",
    "\uDFFF".repeat(1000),
  ];
  for (const text of texts) {
    const article = parse(text);
    assertSlices(text, article, JSON.stringify(text.slice(0, 30)));
    assert.ok(article.warnings.some((w) => w.code === "lone-surrogate"), "should warn about the lone surrogate");
  }
});

test("NUL characters are kept as text and do not cut the input", () => {
  const text = "Headline\0here\nMinister Rao\0 said, “we will\0 act.” The talks went on for a long time.\0\nLast\0 paragraph.";
  const article = parse(text);
  assertSlices(text, article, "NUL");
  const last = article.sections.flatMap((s) => s.paragraphs).at(-1);
  assert.ok(last?.text.endsWith("Last\0 paragraph."), `should read past every NUL to the end: ${JSON.stringify(last?.text)}`);
  assertSlices("\0".repeat(10_000), parse("\0".repeat(10_000)), "only NUL");
});

test("Urdu, mixed-direction text and bidi controls keep offsets and languages", () => {
  const text = [
    "لاہور: وزیر اعظم نے کہا کہ “ہم امن چاہتے ہیں” اور بات چیت جاری رہے گی۔",
    "वज़ीर-ए-आज़म ने कहा कि भारत और पाकिस्तान बातचीत जारी रखेंगे और सीमा पर शांति बनी रहेगी।",
    "The minister said, “Talks will continue,” in \u202Ereversed\u202C text and \u2067isolated\u2069 text.",
    "\u200Fاردو\u200E English \u200Fہندی हिंदी 123",
  ].join("\n");
  const article = parse(text);
  assertSlices(text, article, "mixed direction");
  const langs = article.sections.flatMap((s) => s.paragraphs).map((p) => p.lang);
  assert.ok(langs.includes("ur"), `should tag the Urdu paragraph ur, got ${langs}`);
  assert.ok(langs.includes("hi") && langs.includes("en"), `should tag the Hindi and English paragraphs, got ${langs}`);
});

test("options of the wrong type throw an Error that names the option", () => {
  const bad = [
    [{ maxInputBytes: -1 }, "maxInputBytes must be a whole number"],
    [{ maxInputBytes: 1.5 }, "maxInputBytes must be a whole number"],
    [{ maxInputBytes: NaN }, "maxInputBytes must be a whole number"],
    [{ maxInputBytes: Infinity }, "maxInputBytes must be a whole number"],
    [{ maxInputBytes: "100" }, "maxInputBytes must be a whole number"],
    [{ lang: ["hi"] }, "option lang"],
    [{ actors: [{ name: 5, kind: "person" }] }, "actors[0]"],
    [{ actors: [{ name: "X", kind: "person", aliases: "Y" }] }, "actors[0].aliases must be an array"],
    [{ actors: [{ name: "X" }] }, "kind"],
    [{ actors: [{ name: "X", kind: "person", aliases: ["Y", 5] }] }, "actors[0].aliases[1]: invalid type: number 5"],
    [{ maxInputBytes: 1e300 }, "got 1e+300"],
    [{ maxInputBytes: 2 ** 40 }, "more than this build can hold"],
    [{ actors: [null] }, "actors[0] must be an object"],
    [{ actors: {} }, "actors must be an array"],
    [() => ({}), "options must be an object"],
    [Symbol("x"), "options must be an object"],
    [7n, "options must be an object"],
  ];
  for (const [options, expected] of bad) {
    let error;
    try {
      parse("Minister Rao said, “we will act.”", options);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof Error, `should throw an Error for ${String(options?.toString?.() ?? options)}`);
    assert.ok(error.message.includes(expected), `should say ${expected}: ${error.message}`);
  }
  const bare = Object.assign(Object.create(null), { lang: "en" });
  assert.equal(parse("Minister Rao said, “we will act.”", bare).lang, "en", "should accept an object without a prototype");
  const odd = { actors: [{ name: "", kind: "person", aliases: ["", " ", "“", "\0"] }] };
  assertSlices("Minister Rao said, “we will act.”", parse("Minister Rao said, “we will act.”", odd), "odd actor names");
});

test("maxInputBytes counts UTF-8 bytes and an input over it is an Error naming the limit", () => {
  const text = "क".repeat(4); // 12 bytes of UTF-8, 4 UTF-16 units
  assert.doesNotThrow(() => parse(text, { maxInputBytes: 12 }), "should accept an input exactly at the limit");
  let error;
  try {
    parse(text, { maxInputBytes: 11 });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error, "should throw an Error for an input over the limit");
  assert.match(error.message, /12 bytes/, "should give the input's size in bytes");
  assert.match(error.message, /maxInputBytes \(11\)/, "should name the limit");
  assert.equal(parse("Headline\nAfter the error.").title?.text, "Headline", "should parse again after the error");
});
