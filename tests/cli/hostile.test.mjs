// Hostile input through the command line (issue 8): binary junk and invalid UTF-8 in files and
// on stdin (replaced with U+FFFD and a warning, never a crash), NUL bytes, empty and blank
// files, a 10 MB file, and --jsonl lines of junk. Needs `scripts/build.sh` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "newslens-hostile-"));

/** Runs the CLI with `args` and the bytes `input` on stdin. */
function cli(args, input) {
  const result = spawnSync(process.execPath, ["bin/newslens.mjs", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (result.error) throw result.error;
  return result;
}

/** Every span of the printed Article slices `text` (the input as the CLI decoded it). */
function assertSlices(text, article, what) {
  const spans = [article.title, article.kicker, article.standfirst, article.dateline, ...article.related];
  for (const section of article.sections) spans.push(section.heading, ...section.paragraphs);
  for (const quote of article.quotes) spans.push(quote, quote.speakerMention, quote.cue);
  for (const actor of article.actors) spans.push(...actor.mentions);
  for (const span of spans.filter(Boolean)) {
    assert.equal(text.slice(span.start, span.end), span.text, `${what}: a span should slice the decoded input`);
  }
}

/** Deterministic pseudo-random bytes (xorshift32), so a failure can be replayed. */
function junk(length, seed) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    bytes[i] = seed & 0xff;
  }
  return bytes;
}

test("binary junk in a file or on stdin is replaced with U+FFFD and a warning", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const bytes = Buffer.concat([Buffer.from("Headline\n"), junk(4000, seed), Buffer.from("\nMinister Rao said, “we will act.”")]);
    const file = join(scratch, `junk-${seed}.bin`);
    writeFileSync(file, bytes);
    for (const [args, input, where] of [[["parse", "--compact", file], undefined, file], [["parse", "--compact", "-"], bytes, "stdin"]]) {
      const result = cli(args, input);
      assert.equal(result.status, 0, `should parse junk (seed ${seed}) from ${where}: ${result.stderr}`);
      assert.ok(result.stderr.includes(`warning: ${where}: invalid UTF-8`), `should warn about ${where}: ${result.stderr}`);
      assertSlices(new TextDecoder().decode(bytes), JSON.parse(result.stdout), `junk seed ${seed}`);
    }
  }
});

test("NUL bytes, empty and blank input parse cleanly", () => {
  for (const text of ["", "\n\n\n", "   \t  ", "\0", "Headline\0\nMinister\0 Rao said, “we\0 will act.”\0", "\0".repeat(5000)]) {
    const result = cli(["parse", "--compact", "-"], Buffer.from(text));
    assert.equal(result.status, 0, `should parse ${JSON.stringify(text.slice(0, 20))}: ${result.stderr}`);
    assert.equal(result.stderr, "", "should print no warning for valid UTF-8");
    assertSlices(text, JSON.parse(result.stdout), JSON.stringify(text.slice(0, 20)));
  }
});

test("--jsonl survives junk lines and answers every line", () => {
  const lines = [
    JSON.stringify({ id: 1, text: "Headline\nMinister Rao said, “we will act.”" }),
    JSON.stringify({ id: 2, text: "\0\uFFFD\uD800 “ “ “" }),
    junk(300, 9).toString("latin1").replace(/\n/g, " "),
    JSON.stringify({ id: 4, text: 42 }),
    JSON.stringify({ id: 5, text: "Last." }),
  ];
  const result = cli(["parse", "--jsonl"], Buffer.from(lines.join("\n") + "\n"));
  const out = result.stdout.trimEnd().split("\n");
  assert.equal(out.length, lines.length, `should answer each line: ${result.stderr}`);
  for (const line of out) JSON.parse(line);
  assert.equal(JSON.parse(out[4]).id, 5, "should go on after bad lines");
});

test("a 10 MB file parses through the CLI", () => {
  const sentence = "मंत्री राव ने कहा, “हम तैयार हैं।” The minister said, “We will act,” on Monday. ";
  const paragraph = `${sentence.repeat(80)}\n`;
  const text = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)));
  const file = join(scratch, "ten-mb.txt");
  writeFileSync(file, text);
  const result = cli(["parse", "--compact", file]);
  assert.equal(result.status, 0, result.stderr);
  const article = JSON.parse(result.stdout);
  assert.ok(article.sections.flatMap((s) => s.paragraphs).length > 500, "should read the paragraphs");
  const over = cli(["parse", "--max-input-bytes", String(Buffer.byteLength(text) - 1), file]);
  assert.equal(over.status, 1, "should refuse an input one byte over the limit");
  assert.match(over.stderr, /maxInputBytes \(\d+\)/, "should name the limit");
});
