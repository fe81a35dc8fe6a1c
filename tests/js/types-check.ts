// Compiled (never run) by types.test.mjs: code a TypeScript user would write against the
// package's declarations, so that a change to js/index.d.ts that breaks it fails the tests.
import init, { parse, version, type Article, type Options, type Quote } from "newslens";

await init();
const options: Options = { lang: "hi", actors: [{ name: "लावरोव", kind: "person" }], maxInputBytes: 1 << 20 };
const article: Article = parse("text", options);
const kicker: string | undefined = article.kicker?.text;
const firstQuote: Quote | undefined = article.quotes[0];
const speaker = article.actors.find((a) => a.id === firstQuote?.speaker);
const headings: string[] = article.sections.flatMap((s) => (s.heading ? [s.heading.text] : []));
const sentenceCount: number = article.sections[0]?.paragraphs[0]?.sentences.length ?? 0;
console.log(kicker, speaker?.kind, headings, sentenceCount, version());

// HTML input: the extracted text and each block's source element.
const page: Article = parse("<article><p>Text.</p></article>", { format: "html" });
const extracted: string | undefined = page.text;
const firstPath: string | null | undefined = page.sections[0]?.paragraphs[0]?.source?.path;
const headingNode: number | undefined = page.sections[0]?.headingSource?.node;
console.log(extracted, firstPath, headingNode, page.byline?.text, page.published);
// @ts-expect-error: format is one of text, html and auto
parse("text", { format: "xml" });

// @ts-expect-error: an unknown option is a type error too
parse("text", { bogus: 1 });
// @ts-expect-error: the text must be a string
parse(42);
