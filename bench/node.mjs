// The wasm package in Node: start-up, wasm memory over 10,000 parses of the sample (before
// anything else grows it), the time per article side by side with compromise and wink-nlp on
// the same texts, and the scaling of parse time from 1 KB to 10 MB.
// Run by `npm run bench` (scripts/bench.sh) after the build; alone: `node bench/node.mjs [--quick]`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startUp } from "./first-parse.mjs";
import { printTable, TEXTS, QUICK, timeRuns, median, quantile, ms, mbps, kb, utf8Bytes, longText } from "./lib.mjs";

// --- init: import compiles and instantiates the module synchronously; the first parse also
// builds the lexicon's tables (once per instance).
const { importMs: initMs, firstParseMs, parse } = await startUp();
const { initSync } = await import("../dist/newslens_wasm.js");
const wasm = initSync({ module: new Uint8Array() }); // already initialised: returns its exports

// The widget's module (no HTML reader, compiled for size: scripts/build.sh), in an instance of
// its own: the glue is the same file, and a comment gives it its own module URL.
const { readFileSync } = await import("node:fs");
const { readResult } = await import("../js/result.js");
const widgetGlue = await import(
  `data:text/javascript;base64,${Buffer.from(`${readFileSync(new URL("../dist/newslens_wasm.js", import.meta.url), "utf8")}\n// widget\n`).toString("base64")}`
);
widgetGlue.initSync({ module: readFileSync(new URL("../dist/newslens_text_bg.wasm", import.meta.url)) });

// The package's module built without the tagger model (scripts/build.sh --no-tagger, which
// `npm run bench` runs), when it is there: how much of a parse the tagger is. Its glue may differ
// from the package's, so it is loaded with its own.
const noTaggerDir = new URL("../target/no-tagger/dist/", import.meta.url);
const { existsSync } = await import("node:fs");
let noTaggerParse = null;
if (existsSync(new URL("newslens_wasm_bg.wasm", noTaggerDir))) {
  const glue = await import(new URL("newslens_wasm.js", noTaggerDir).href);
  glue.initSync({ module: readFileSync(new URL("newslens_wasm_bg.wasm", noTaggerDir)) });
  noTaggerParse = (text) => glue.parse(text, undefined, readResult);
}

const nlp = (await import("compromise")).default;
const winkNLP = (await import("wink-nlp")).default;
const winkModel = (await import("wink-eng-lite-web-model")).default;
const wink = winkNLP(winkModel);

// The same in fresh processes (bench/first-parse.mjs), as V8 runs by default and without its
// background threads, for steadier medians.
const child = fileURLToPath(new URL("./first-parse.mjs", import.meta.url));
const inFreshProcesses = (flags) => {
  const runs = [];
  for (let i = 0; i < (QUICK ? 3 : 9); i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, [...flags, child], { encoding: "utf8" })));
  }
  const med = (key) => median(runs.map((r) => r[key]).sort((a, b) => a - b));
  return `${ms(med("importMs"))} / ${ms(med("firstParseMs"))}`;
};

printTable(
  "wasm in Node: start-up",
  ["step", "time"],
  [
    ["import js/node.js (read + compile + instantiate the wasm)", ms(initMs)],
    ["first parse of the sample (builds the lexicon tables)", ms(firstParseMs)],
    [`fresh processes, median of ${QUICK ? 3 : 9}: import / first parse`, inFreshProcesses([])],
    [`fresh processes with node --single-threaded (no background compiling), median of ${QUICK ? 3 : 9}: import / first parse`, inFreshProcesses(["--single-threaded"])],
  ],
);

// --- memory
const PARSES = QUICK ? 1000 : 10000;
const sample = TEXTS[0].text;
const before = wasm.memory.buffer.byteLength;
let mid = null;
let started = performance.now();
for (let i = 0; i < PARSES; i++) {
  parse(sample);
  if (i === PARSES / 10 - 1) mid = wasm.memory.buffer.byteLength;
}
const loopMs = performance.now() - started;
const after = wasm.memory.buffer.byteLength;
printTable("Memory: the sample parsed many times in one instance", ["point", "wasm memory.buffer.byteLength"], [
  ["before (after one parse)", `${before} B (${kb(before)})`],
  [`after ${PARSES / 10} parses`, `${mid} B (${kb(mid)})`],
  [`after ${PARSES} parses (${ms(loopMs / PARSES)} each)`, `${after} B (${kb(after)})${after === before ? ", flat" : after > mid ? ", GROWING" : ", flat after the first parses"}`],
]);

// --- per article
const tools = [
  {
    name: "newslens (wasm)",
    run: (text) => {
      const a = parse(text);
      return a.actors.length + a.quotes.length;
    },
    runs: 2000,
  },
  {
    name: "newslens, the widget's module (dist/newslens_text_bg.wasm)",
    run: (text) => {
      const a = widgetGlue.parse(text, undefined, readResult);
      return a.actors.length + a.quotes.length;
    },
    runs: 2000,
  },
  ...(noTaggerParse
    ? [
        {
          name: "newslens without the tagger model (--no-tagger)",
          run: (text) => {
            const a = noTaggerParse(text);
            return a.actors.length + a.quotes.length;
          },
          runs: 2000,
        },
      ]
    : []),
  {
    name: "compromise",
    // The closest it comes to the same job: people, places, organisations and quotations.
    run: (text) => {
      const doc = nlp(text);
      return (
        doc.people().out("array").length +
        doc.places().out("array").length +
        doc.organizations().out("array").length +
        doc.quotations().out("array").length
      );
    },
    runs: 200,
  },
  {
    name: "wink-nlp (eng-lite-web)",
    // Tokens, sentences and its entities (dates, numbers, ...: it has no person/place/org).
    run: (text) => {
      const doc = wink.readDoc(text);
      return doc.entities().out().length + doc.sentences().out().length;
    },
    runs: 1000,
  },
];

const rows = [];
const newslensMedian = new Map();
for (const { name: textName, text } of TEXTS) {
  const bytes = utf8Bytes(text);
  for (const tool of tools) {
    const times = timeRuns(() => tool.run(text), {
      warmup: QUICK ? 3 : 30,
      runs: QUICK ? 20 : tool.runs,
      budgetMs: QUICK ? 1000 : 8000,
    });
    const med = median(times);
    if (tool.name === "newslens (wasm)") newslensMedian.set(textName, med);
    const ratio = med / newslensMedian.get(textName);
    rows.push([
      textName,
      tool.name,
      ms(med),
      ms(quantile(times, 0.9)),
      mbps(bytes, med),
      times.length,
      `${ratio.toFixed(ratio < 10 ? 1 : 0)}×`,
    ]);
  }
}
printTable("Per article, wasm in Node (after warm-up)", ["text", "tool", "median", "p90", "speed", "runs", "time ÷ newslens"], rows, [
  `Texts: ${TEXTS.map((t) => `${t.name} ${utf8Bytes(t.text)} B UTF-8 / ${t.text.length} UTF-16 units`).join("; ")}. ` +
    "newslens: full parse (structure, quotes with speakers, actors) including the crossing into JS. " +
    "compromise: nlp() + people/places/organizations/quotations. wink-nlp: readDoc + entities + sentences " +
    "(no person/place/organisation entities). compromise and wink-nlp read English only; their Hindi rows time " +
    "the same calls on Hindi text, which find nothing useful.",
]);

// --- scaling
const SIZES = QUICK ? [1e3, 1e4, 1e5, 1e6] : [1e3, 4e3, 16e3, 64e3, 256e3, 1e6, 4e6, 10e6];
const scaling = [];
let previous = null;
for (const size of SIZES) {
  const text = longText(size);
  const bytes = utf8Bytes(text);
  const runs = Math.max(3, Math.min(200, Math.round(4e6 / bytes)));
  const times = timeRuns(() => parse(text), { warmup: 1, runs, budgetMs: QUICK ? 2000 : 10000 });
  const med = median(times);
  // Median time per byte against the previous size: about 1 (or below, as fixed costs spread
  // out) when linear; a step well above 1 is superlinear growth, a bug. (Not the fastest run:
  // sizes get different numbers of runs, and more runs find a lower minimum.)
  const perByte = med / bytes;
  const step = previous ? perByte / previous : null;
  // Below a few copies of the two articles the mix of Hindi and English changes with the size
  // (1 KB is the Hindi title and first paragraph), so only larger steps are judged.
  const flag = step != null && step > 1.5 && bytes >= 64e3 ? "  SUPERLINEAR?" : "";
  scaling.push([kb(bytes), ms(med), mbps(bytes, med), `${(perByte * 1e6).toFixed(0)} ms/MB`, step == null ? "–" : `${step.toFixed(2)}${flag}`, times.length]);
  previous = perByte;
}
printTable("Scaling, wasm in Node (both articles repeated to the size)", ["input", "median", "speed", "median per MB", "per byte vs previous size", "runs"], scaling, [
  "Linear time shows as a steady time per MB (ratio ≈ 1, lower at small sizes as fixed costs spread); a ratio above 1.5 from 64 KB on is flagged. " +
    "Below about 20 KB the input holds only part of the two articles, so its language mix (and speed) differs from size to size.",
]);

