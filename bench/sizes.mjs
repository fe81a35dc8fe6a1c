// Download sizes: the wasm and its JS glue with and without the tagger model (scripts/build.sh
// and scripts/build.sh --no-tagger), each also without the HTML reader (the module the widget
// loads), and the widget's JS + CSS, raw, gzip -9 and brotli.
// Run by `npm run bench` after both builds; alone: `node bench/sizes.mjs`.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { printTable } from "./lib.mjs";

const root = new URL("../", import.meta.url);
const sizes = (paths) => {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const path of paths) {
    const bytes = readFileSync(new URL(path, root));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
};
const row = (name, paths, target) => {
  if (!paths.every((p) => existsSync(new URL(p, root)))) return [name, "not built", "", "", ""];
  const s = sizes(paths);
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  return [name, `${s.raw} B`, `${s.gzip} B (${kb(s.gzip)})`, `${s.brotli} B (${kb(s.brotli)})`, target ? `${target}: ${s.gzip <= target.limit ? "met" : "not met"}` : ""];
};
const target = (limit, text) => ({ limit, toString: () => text });

const WIDGET = ["www/widget.js", "www/news-lens.js", "www/styles.js", "www/labels.js"];
const dist = (dir) => [`${dir}/newslens_wasm_bg.wasm`, `${dir}/newslens_wasm.js`];
printTable(
  "Download sizes (each file compressed on its own, as a server sends it)",
  ["what", "raw", "gzip -9", "brotli 11", "target (gzip)"],
  [
    row("wasm, with the tagger model (dist/)", [dist("dist")[0]]),
    row("JS glue (dist/newslens_wasm.js)", [dist("dist")[1]]),
    row("JS API (js/index.js + js/guard.js + js/result.js)", ["js/index.js", "js/guard.js", "js/result.js"]),
    row("wasm + glue, with the tagger model", dist("dist"), target(300000, "≤ 300 KB")),
    row("wasm + glue, without the tagger (--no-tagger)", dist("target/no-tagger/dist"), target(120000, "≤ 120 KB")),
    row("wasm + glue without the HTML reader, with the tagger model (dist/newslens_text_bg.wasm: what the widget loads)", ["dist/newslens_text_bg.wasm", dist("dist")[1]], target(300000, "≤ 300 KB")),
    row("wasm + glue without the HTML reader, without the tagger", ["target/no-tagger/dist/newslens_text_bg.wasm", dist("target/no-tagger/dist")[1]], target(120000, "≤ 120 KB")),
    row("widget JS + CSS, minified (www/widget.min.js: the four modules below and the Hindi labels in one, by scripts/build.sh)", ["www/widget.min.js"], target(15000, "≤ 15 KB")),
    row(`widget JS + CSS, source (${WIDGET.map((p) => p.replace("www/", "")).join(", ")}; CSS lives in styles.js)`, WIDGET),
  ],
);
