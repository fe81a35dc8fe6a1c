// The command line as people and the scorer use it: bin/newslens.mjs in a child process.
// Needs `scripts/build.sh` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLE = "samples/sample-hi-russia-north-korea.txt";
const sampleText = readFileSync(join(ROOT, SAMPLE), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "newslens-cli-"));

/** Runs the CLI with `args` and `input` on stdin; returns { status, stdout, stderr }. */
function cli(args, input) {
  const result = spawnSync(process.execPath, ["bin/newslens.mjs", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return result;
}

/** A failed run must explain itself in one "newslens:" line, never a bare stack trace. */
function assertCleanError(result, pattern, status = 1) {
  assert.equal(result.status, status, `should exit with status ${status}: ${result.stderr}`);
  assert.match(result.stderr, /^newslens: /, "should start the message with newslens:");
  assert.match(result.stderr, pattern, "should say what was wrong");
  assert.doesNotMatch(result.stderr, /\n\s+at /, "should not print a stack trace");
}

test("parse FILE prints the Article as indented JSON", () => {
  const result = cli(["parse", SAMPLE]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^\{\n  "lang": "hi",/, "should indent the JSON");
  const article = JSON.parse(result.stdout);
  assert.equal(article.kicker.text, "Russia Supports North Korea", "should find the kicker");
  assert.ok(article.related.some((s) => s.text.startsWith("यह भी पढ़ें:")), "should list the read-also line");
  for (const p of article.sections.flatMap((s) => s.paragraphs)) {
    assert.equal(sampleText.slice(p.start, p.end), p.text, "should give UTF-16 offsets into the file");
  }
});

test("parse - reads stdin and --compact prints one line", () => {
  const result = cli(["parse", "--compact", "-"], sampleText);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trimEnd().split("\n").length, 1, "should print one line");
  assert.deepEqual(JSON.parse(result.stdout), JSON.parse(cli(["parse", SAMPLE]).stdout), "should equal the FILE result");
});

test("parse --lang and --actors pass options", () => {
  const actors = join(scratch, "actors.json");
  writeFileSync(actors, JSON.stringify([{ name: "सर्गेई लावरोव", kind: "person", aliases: ["लावरोव"] }]));
  const result = cli(["parse", "--lang", "hi", "--actors", actors, SAMPLE]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).kicker.text, "Russia Supports North Korea", "should still parse");
});

test("parse --jsonl answers each line in order, streaming", () => {
  const texts = ["Headline one\n\nBody “quoted” text.", sampleText, "😀 Emoji title\r\n\r\nएक पैराग्राफ़।", ""];
  const input = texts.map((text, n) => JSON.stringify({ id: `doc-${n}`, text })).join("\n") + "\n";
  const result = cli(["parse", "--jsonl"], input);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((l) => l.id), texts.map((_, n) => `doc-${n}`), "should keep the input order");
  lines.forEach((line, n) => {
    assert.ok(line.article, `should give an article for line ${n + 1}`);
    for (const p of line.article.sections.flatMap((s) => s.paragraphs)) {
      assert.equal(texts[n].slice(p.start, p.end), p.text, "should give UTF-16 offsets into each text");
    }
  });
  assert.equal(lines[1].article.kicker.text, "Russia Supports North Korea", "should parse the sample line");
});

test("parse --jsonl reports a bad line as an error line and goes on", () => {
  const input = [
    JSON.stringify({ id: 1, text: "First." }),
    "this is not JSON",
    JSON.stringify({ id: 3 }),
    "",
    JSON.stringify({ id: 4, text: "Last." }),
  ].join("\r\n");
  const result = cli(["parse", "--jsonl"], input);
  assert.equal(result.status, 1, "should exit with 1 when a line failed");
  const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((l) => l.id), [1, null, 3, 4], "should answer every non-blank line in order");
  assert.ok(lines[0].article && lines[3].article, "should parse the good lines");
  assert.match(lines[1].error, /not JSON/, "should say the line is not JSON");
  assert.match(lines[2].error, /"text" must be a string/, "should say the text is missing");
  assert.match(result.stderr, /line 2: not JSON/, "should report the line number on stderr");
  assert.match(result.stderr, /line 3 \(id 3\)/, "should report the id on stderr");
});

test("parse --format html reads a page; --format auto tells; --jsonl takes --format too", () => {
  const page = "tests/fixtures/html/furniture.html";
  const html = cli(["parse", "--format", "html", page]);
  assert.equal(html.status, 0, html.stderr);
  const article = JSON.parse(html.stdout);
  assert.equal(article.title.text, "Harbour bridge reopens after repairs", "should cut the site name");
  assert.equal(typeof article.text, "string", "should carry the extracted text");
  for (const p of article.sections.flatMap((s) => s.paragraphs)) {
    assert.equal(article.text.slice(p.start, p.end), p.text, "should give offsets into the extracted text");
    assert.ok(p.source && typeof p.source.node === "number", "should give each paragraph its source");
  }
  assert.ok(!article.text.includes("Share on"), "should leave out the share bar");
  const auto = cli(["parse", "--format", "auto", page]);
  assert.deepEqual(JSON.parse(auto.stdout), article, "should read the page as HTML with auto");
  const text = cli(["parse", "--format", "auto", SAMPLE]);
  assert.deepEqual(JSON.parse(text.stdout), JSON.parse(cli(["parse", SAMPLE]).stdout), "should read text as text with auto");

  const lines = `${JSON.stringify({ id: 1, text: readFileSync(join(ROOT, page), "utf8") })}\n`;
  const batch = cli(["parse", "--jsonl", "--format", "html"], lines);
  assert.equal(batch.status, 0, batch.stderr);
  assert.deepEqual(JSON.parse(batch.stdout).article, article, "should read HTML lines in batch mode");

  assertCleanError(cli(["parse", "--format", "xml", page]), /unknown format "xml"; expected "text", "html" or "auto"/, 2);
  assertCleanError(cli(["parse", "--format"]), /--format needs a value/, 2);
});

test("invalid UTF-8 is replaced with a warning, not a crash", () => {
  const bytes = Buffer.concat([Buffer.from("Title\n\nBody "), Buffer.from([0xff, 0xfe]), Buffer.from(" text.")]);
  const result = cli(["parse", "-"], bytes);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /warning: stdin: invalid UTF-8/, "should warn on stderr");
  assert.ok(JSON.parse(result.stdout).title, "should still parse");
});

test("--help explains the commands and options; --version prints the version", () => {
  const help = cli(["--help"]);
  assert.equal(help.status, 0);
  for (const word of ["parse", "--jsonl", "--lang", "--actors", "--compact", "--max-input-bytes", "--format", "UTF-16", "Exit status"]) {
    assert.ok(help.stdout.includes(word), `should explain ${word}`);
  }
  assert.equal(cli([]).stdout, help.stdout, "should show the help without arguments");
  const version = cli(["--version"]);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/, "should print a version");
});

test("a missing file is a clean error", () => {
  assertCleanError(cli(["parse", "no/such/file.txt"]), /cannot read no\/such\/file\.txt: no such file/);
});

test("bad usage is a clean error with status 2", () => {
  assertCleanError(cli(["parse", "--bogus", SAMPLE]), /unknown option --bogus/, 2);
  assertCleanError(cli(["frobnicate"]), /unknown command frobnicate/, 2);
  assertCleanError(cli(["parse"]), /needs a FILE/, 2);
  assertCleanError(cli(["parse", "--lang"]), /--lang needs a value/, 2);
  assertCleanError(cli(["parse", "--lang", "fr", SAMPLE]), /unknown language "fr"/, 2);
  assertCleanError(cli(["parse", "--max-input-bytes", "lots", SAMPLE]), /whole number/, 2);
  assertCleanError(cli(["parse", "--jsonl", SAMPLE]), /--jsonl reads stdin/, 2);
  const actors = join(scratch, "bad-actors.json");
  writeFileSync(actors, '[{"name": "X", "kind": "robot"}]');
  assertCleanError(cli(["parse", "--actors", actors, SAMPLE]), /actors\[0\]\.kind: unknown actor kind "robot"/, 2);
  writeFileSync(actors, "{not json");
  assertCleanError(cli(["parse", "--actors", actors, SAMPLE]), /--actors .*bad-actors\.json/, 2);
});

test("an input over --max-input-bytes is a clean error", () => {
  assertCleanError(cli(["parse", "--max-input-bytes", "100", SAMPLE]), /more than maxInputBytes \(100\)/);
});
