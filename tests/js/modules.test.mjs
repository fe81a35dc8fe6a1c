// The widget's module (dist/newslens_text_bg.wasm: no HTML reader, compiled for size, see
// scripts/build.sh) must read text exactly as the package's module (dist/newslens_wasm_bg.wasm)
// does: the same Article for every text the project has, and stay within issue 7's download
// budget. Needs `scripts/build.sh` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { readResult } from "../../js/result.js";

const root = new URL("../../", import.meta.url);

/** The parse function of the module `wasm` (a path under dist/), in an instance of its own. */
async function load(wasm) {
  // The glue is one file for both modules and a module is evaluated once per URL: the comment
  // gives each its own instance.
  const source = `${readFileSync(new URL("dist/newslens_wasm.js", root), "utf8")}\n// ${wasm}\n`;
  const glue = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  glue.initSync({ module: readFileSync(new URL(wasm, root)) });
  return (text, options) => glue.parse(text, options, readResult);
}

/** Every text file of the sample, the bench and the test fixtures. */
function texts() {
  const files = ["samples/sample-hi-russia-north-korea.txt", "bench/en-harbour-strike.txt"];
  const fixtures = new URL("tests/fixtures/", root);
  for (const dir of readdirSync(fixtures)) {
    for (const name of readdirSync(new URL(`${dir}/`, fixtures))) {
      if (name.endsWith(".txt")) files.push(`tests/fixtures/${dir}/${name}`);
    }
  }
  return files.map((path) => [path, readFileSync(new URL(path, root), "utf8")]);
}

test("the widget's module gives the same Article as the package's module", async () => {
  const full = await load("dist/newslens_wasm_bg.wasm");
  const widget = await load("dist/newslens_text_bg.wasm");
  const all = texts();
  assert.ok(all.length > 20, `should find the fixtures (found ${all.length} texts)`);
  for (const [path, text] of all) {
    const want = full(text);
    assert.ok(want.actors.length > 0 || want.sections.length > 0, `${path}: should read something`);
    assert.deepEqual(widget(text), want, `${path}: should read the same`);
    // Options reach the same code in both: the language forced and a site's own actor.
    const options = { lang: "en", actors: [{ name: "Harbour Board", kind: "organization", aliases: ["बोर्ड"] }] };
    assert.deepEqual(widget(text, options), full(text, options), `${path}: same with options`);
  }
});

test("the widget's module and its glue stay within 300 KB gzipped (issue 7's budget)", () => {
  // What a page with the widget downloads besides widget.min.js (minified.test.mjs): each file
  // compressed on its own, as a server sends it, and summed as bench/sizes.mjs does.
  const gzipped = (path) => gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;
  const wasm = gzipped("dist/newslens_text_bg.wasm");
  const glue = gzipped("dist/newslens_wasm.js");
  assert.ok(wasm > 100000, `should gzip a module with the tagger model to more than 100 KB (${wasm})`);
  assert.ok(wasm + glue <= 300000, `should gzip the widget's wasm and glue to 300000 bytes or less (${wasm} + ${glue})`);
});
