// Compares the parse time of two or more builds of the wasm package in one Node process,
// interleaved so that the machine's load falls on each alike: for each build, the fastest time
// per parse of the sample and of the English article over 40 rounds of 50 parses.
// Usage: node bench/compare.mjs DIR_A DIR_B [...], each a directory with a wasm-bindgen glue
// `newslens_wasm.js` and its `newslens_wasm_bg.wasm` (a copy of dist/, or of dist/ with
// `newslens_text_bg.wasm` renamed), e.g. before and after a change.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readResult } from "../js/result.js";
import { TEXTS } from "./lib.mjs";

const dirs = process.argv.slice(2).map((dir) => resolve(dir));
if (dirs.length < 2) {
  console.error("usage: node bench/compare.mjs DIR_A DIR_B [...]");
  process.exit(2);
}

/** The parse function of the build in `dir`, in a module instance of its own. */
async function load(dir) {
  // The glue of every build is the same text, and a module is evaluated once per URL: the
  // comment gives each build its own module (else every build would run the first one's wasm).
  const source = `${readFileSync(`${dir}/newslens_wasm.js`, "utf8")}\n// ${dir}\n`;
  const glue = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  glue.initSync({ module: readFileSync(`${dir}/newslens_wasm_bg.wasm`) });
  return (text) => glue.parse(text, undefined, readResult);
}

const parses = [];
for (const dir of dirs) parses.push(await load(dir));
for (const parse of parses) for (const { text } of TEXTS) for (let i = 0; i < 300; i++) parse(text);
const fastest = dirs.map(() => TEXTS.map(() => Infinity));
for (let round = 0; round < 40; round++) {
  parses.forEach((parse, k) => {
    TEXTS.forEach(({ text }, j) => {
      const started = performance.now();
      for (let i = 0; i < 50; i++) parse(text);
      fastest[k][j] = Math.min(fastest[k][j], (performance.now() - started) / 50);
    });
  });
}
dirs.forEach((dir, k) => {
  console.log(`${dir}: ${TEXTS.map((t, j) => `${t.name} ${fastest[k][j].toFixed(3)} ms`).join(", ")}`);
});
