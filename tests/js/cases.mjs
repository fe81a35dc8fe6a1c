// The JS API test cases, shared by two runtimes: api.test.mjs runs them in Node against
// js/node.js, browser.test.mjs runs them in headless Chromium against js/index.js (through
// browser.html). Plain ES module, no Node or DOM APIs: each case gets `{ parse, version }` and
// the fixture texts, and throws an Error whose message starts "should …" when it fails.

/** Fixture texts by name, as paths from the project root. */
export const FIXTURES = {
  sample: "samples/sample-hi-russia-north-korea.txt",
  emoji: "tests/fixtures/api/emoji.txt",
  crlf: "tests/fixtures/api/crlf.txt",
  mixed: "tests/fixtures/api/mixed.txt",
  hindiPage: "tests/fixtures/html/hindi.html",
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, message) {
  check(
    actual === expected,
    `${message} (got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)})`,
  );
}

/** The error `f` throws, or a failure if it returns. */
function thrown(f, message) {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error(`${message} (it did not throw)`);
}

/** Every [what, span] of an Article: the spans with text, paragraphs and quotes included. */
export function allSpans(article) {
  const spans = [];
  for (const key of ["title", "kicker", "standfirst", "dateline"]) {
    if (article[key]) spans.push([key, article[key]]);
  }
  article.sections.forEach((section, n) => {
    if (section.heading) spans.push([`sections[${n}].heading`, section.heading]);
    section.paragraphs.forEach((p, m) => spans.push([`sections[${n}].paragraphs[${m}]`, p]));
  });
  article.related.forEach((s, n) => spans.push([`related[${n}]`, s]));
  article.quotes.forEach((q, n) => {
    spans.push([`quotes[${n}]`, q]);
    if (q.speakerMention) spans.push([`quotes[${n}].speakerMention`, q.speakerMention]);
    if (q.cue) spans.push([`quotes[${n}].cue`, q.cue]);
  });
  for (const actor of article.actors) {
    actor.mentions.forEach((s, n) => spans.push([`actor ${actor.id}.mentions[${n}]`, s]));
  }
  return spans;
}

function checkSlices(text, article, name) {
  const spans = allSpans(article);
  check(spans.length > 0, `${name}: should find some spans`);
  for (const [what, span] of spans) {
    equal(span.text, text.slice(span.start, span.end), `${name}: ${what} should be text.slice(start, end)`);
  }
}

/** [name, run({ parse, version }, texts)] pairs. */
export const cases = [
  ["finds the English kicker of the sample", ({ parse }, { sample }) => {
    const article = parse(sample);
    equal(article.kicker?.text, "Russia Supports North Korea", "should find the English kicker");
    equal(article.lang, "hi", "should detect a Hindi body");
  }],

  ["gives the Hindi title without the kicker", ({ parse }, { sample }) => {
    const { title, kicker } = parse(sample);
    check(title && title.text.startsWith("मॉस्को-प्योंगयांग"), `should give the Hindi headline as title, got ${title?.text}`);
    check(!title.text.includes("Russia"), "should keep the kicker out of the title");
    check(kicker.end <= title.start, "should place the kicker before the title");
  }],

  ["puts the read-also line in related and in no section", ({ parse }, { sample }) => {
    const article = parse(sample);
    check(article.related.some((s) => s.text.startsWith("यह भी पढ़ें:")), "should list the यह भी पढ़ें: line in related");
    for (const section of article.sections) {
      check(!section.heading?.text.includes("यह भी पढ़ें"), "should not make the read-also line a heading");
      for (const p of section.paragraphs) {
        check(!p.text.includes("यह भी पढ़ें"), "should keep the read-also line out of the sections");
      }
    }
  }],

  ["returns plain JSON-compatible objects of the schema", ({ parse }, { sample }) => {
    const article = parse(sample);
    equal(Object.getPrototypeOf(article), Object.prototype, "should return a plain object");
    for (const key of ["lang", "title", "kicker", "standfirst", "dateline", "sections", "related", "quotes", "actors", "warnings"]) {
      check(key in article, `should have the ${key} field`);
    }
    for (const key of ["sections", "related", "quotes", "actors", "warnings"]) {
      check(Array.isArray(article[key]), `should give ${key} as an array`);
    }
    equal(JSON.stringify(JSON.parse(JSON.stringify(article))), JSON.stringify(article), "should survive a JSON round trip");
    for (const quote of article.quotes) {
      check(quote.kind === "direct" || quote.kind === "partial", `should give quote kinds direct or partial, got ${quote.kind}`);
      check(quote.speaker === null || article.actors.some((a) => a.id === quote.speaker), "should name speakers that are actors");
    }
    for (const actor of article.actors) {
      check(["person", "country", "organization", "place", "group"].includes(actor.kind), `should give a known actor kind, got ${actor.kind}`);
    }
  }],

  ["slices every span of the sample at its UTF-16 offsets", ({ parse }, { sample }) => {
    checkSlices(sample, parse(sample), "sample");
  }],

  ["slices every span right with emoji", ({ parse }, { emoji }) => {
    check(/\p{Extended_Pictographic}/u.test(emoji), "should read the emoji fixture");
    checkSlices(emoji, parse(emoji), "emoji");
    // 😀 is two UTF-16 units (four UTF-8 bytes): the body after it starts at unit 13, byte 15.
    const text = "😀 Headline\n\nThe body of the story starts here.";
    const body = allSpans(parse(text)).find(([, span]) => span.text.startsWith("The body"));
    check(body, "should find the body text in some span");
    equal(body[1].start, 13, "should count the emoji as two UTF-16 units");
  }],

  ["slices every span right with CRLF line ends", ({ parse }, { crlf }) => {
    check(crlf.includes("\r\n"), "should read the CRLF fixture with CRLF intact");
    const article = parse(crlf);
    checkSlices(crlf, article, "crlf");
    for (const [what, span] of allSpans(article)) {
      check(!span.text.endsWith("\r"), `should not end ${what} with CR`);
    }
  }],

  ["slices every span right in mixed Devanagari and Latin", ({ parse }, { mixed }) => {
    checkSlices(mixed, parse(mixed), "mixed");
  }],

  ["accepts the documented options", ({ parse }, { sample }) => {
    const options = {
      lang: "hi",
      actors: [{ name: "सर्गेई लावरोव", kind: "person", aliases: ["लावरोव"], canonical: "Sergey Lavrov", wikidata: "Q155966" }],
      maxInputBytes: 1 << 20,
    };
    const article = parse(sample, options);
    equal(article.kicker?.text, "Russia Supports North Korea", "should parse with options");
    parse(sample, { lang: "auto" });
    parse(sample, { lang: undefined, actors: null });
    parse(sample, {});
    parse(sample, null);
  }],

  ["throws an Error for a text that is not a string", ({ parse }) => {
    for (const bad of [undefined, null, 42, {}, ["text"]]) {
      const error = thrown(() => parse(bad), `should throw for ${JSON.stringify(bad)}`);
      check(error instanceof Error, "should throw an Error instance, not a string");
      check(/text must be a string/.test(error.message), `should say the text must be a string: ${error.message}`);
    }
  }],

  ["throws an Error naming an unknown option and listing the accepted ones", ({ parse }) => {
    const error = thrown(() => parse("x", { bogus: 1 }), "should throw for an unknown option");
    check(error instanceof Error, "should throw an Error instance");
    check(error.message.includes('"bogus"'), `should name the unknown option: ${error.message}`);
    for (const name of ["lang", "actors", "maxInputBytes"]) {
      check(error.message.includes(name), `should list the accepted option ${name}`);
    }
    const typo = thrown(() => parse("x", { maxinputbytes: 5 }), "should throw for a misspelt option");
    check(typo.message.includes("did you mean maxInputBytes"), `should suggest the right name: ${typo.message}`);
  }],

  ["throws an Error naming an ill-typed option", ({ parse }) => {
    const bad = [
      [{ lang: 5 }, "option lang"],
      [{ lang: "fr" }, "unknown language"],
      [{ maxInputBytes: "big" }, "option maxInputBytes"],
      [{ actors: "Lavrov" }, "actors must be an array"],
      [{ actors: [{ name: "X", kind: "robot" }] }, "actors[0]"],
      [{ actors: [{ name: "X", kind: "person", role: "minister" }] }, '"role"'],
      ["hi", "options must be an object"],
    ];
    for (const [options, expected] of bad) {
      const error = thrown(() => parse("x", options), `should throw for ${JSON.stringify(options)}`);
      check(error instanceof Error, "should throw an Error instance");
      check(error.message.includes(expected), `should say ${expected}: ${error.message}`);
    }
  }],

  ["throws an Error naming maxInputBytes for too large an input", ({ parse }) => {
    const error = thrown(() => parse("a".repeat(100), { maxInputBytes: 10 }), "should throw for a large input");
    check(error instanceof Error, "should throw an Error instance");
    check(/maxInputBytes \(10\)/.test(error.message), `should name the limit: ${error.message}`);
  }],

  ["handles lone surrogates without throwing", ({ parse }) => {
    const text = "Headline\n\nSome text \uD800 and more text.\n\nThe last paragraph.";
    const article = parse(text);
    check(article.warnings.some((w) => w.code === "lone-surrogate"), "should warn about the lone surrogate");
    const last = allSpans(article).find(([, span]) => span.text.startsWith("The last"));
    check(last, "should find the text after the lone surrogate");
    equal(text.slice(last[1].start, last[1].end), last[1].text, "should keep offsets right after a lone surrogate");
  }],

  ["handles empty and blank input", ({ parse }) => {
    for (const text of ["", "\n\n", "   ", "\u200b"]) {
      const article = parse(text);
      equal(article.quotes.length, 0, `should find no quotes in ${JSON.stringify(text)}`);
    }
  }],

  ["reads an HTML page with format html: parts, text, sources", ({ parse }, { hindiPage }) => {
    const article = parse(hindiPage, { format: "html" });
    equal(typeof article.text, "string", "should carry the extracted text");
    checkSlices(article.text, article, "hindi.html");
    equal(article.title?.text, "बाढ़ से निपटने के लिए नई योजना", "should give the title without the site name");
    equal(article.lang, "hi", "should take the language from the markup");
    equal(article.byline?.text, "अनिता शर्मा", "should give the byline");
    check(!article.text.includes("<"), "should give text without markup");
    check(!article.text.includes("शेयर करें"), "should leave out the share bar");
    const first = article.sections[0].paragraphs[0];
    check(first.source && /p:nth-of-type\(1\)$/.test(first.source.path), `should point at the paragraph's element, got ${JSON.stringify(first.source)}`);
    check(Number.isInteger(first.source.node), "should give the element's index");
    check(article.quotes.some((q) => q.text.startsWith("हम हर जिले में")), "should read the blockquote as a quote");
  }],

  ["points each paragraph at its element (checked against the browser's parser where there is one)", ({ parse }, { hindiPage }) => {
    const article = parse(hindiPage, { format: "html" });
    const paragraphs = article.sections.flatMap((s) => s.paragraphs);
    check(paragraphs.length > 0 && paragraphs.every((p) => p.source && typeof p.source.path === "string"), "should give every paragraph a source with a path");
    if (typeof DOMParser === "undefined") return; // Node: no DOM to check the paths against
    const doc = new DOMParser().parseFromString(hindiPage, "text/html");
    const all = doc.getElementsByTagName("*");
    for (const p of paragraphs) {
      const byPath = doc.querySelector(p.source.path);
      check(byPath, `should find ${p.source.path} in the browser's DOM`);
      equal(all[p.source.node], byPath, `should give the index of the element at ${p.source.path}`);
      const words = byPath.textContent.replace(/\s+/g, " ").trim();
      check(words.includes(p.text.replace(/^“|”$/g, "").slice(0, 20)), `should point ${JSON.stringify(p.text.slice(0, 30))} at its own element, found ${JSON.stringify(words.slice(0, 40))}`);
    }
  }],

  ["tells markup from text with format auto, and keeps text input as it was", ({ parse }, { hindiPage, sample }) => {
    equal(JSON.stringify(parse(hindiPage, { format: "auto" })), JSON.stringify(parse(hindiPage, { format: "html" })), "should read a page as HTML");
    const asText = parse(sample, { format: "auto" });
    equal(JSON.stringify(asText), JSON.stringify(parse(sample)), "should read plain text as text");
    equal(asText.text, undefined, "should add no text field for text input");
  }],

  ["throws an Error listing the formats for an unknown format", ({ parse }) => {
    const error = thrown(() => parse("<p>x</p>", { format: "xml" }), "should throw for format xml");
    check(error instanceof Error, "should throw an Error instance");
    check(error.message.includes('unknown format "xml"; expected "text", "html" or "auto"'), `should list the formats: ${error.message}`);
  }],

  ["reports the package version", ({ version }) => {
    check(/^\d+\.\d+\.\d+/.test(version()), `should give a semver version, got ${version()}`);
  }],
];
