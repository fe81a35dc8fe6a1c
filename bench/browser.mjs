// Runs bench/browser.html in headless Chromium (Debian's, through playwright-core and the
// browser tests' harness) several times, each in a fresh context (no HTTP or code cache), and
// prints the medians. Run by `npm run bench`; alone: `node bench/browser.mjs [--quick]`.
import { start, newPage } from "../tests/browser/harness.mjs";
import { printTable, QUICK, ms, mbps } from "./lib.mjs";

const LOADS = QUICK ? 2 : 5;
const env = await start();
const results = [];
const idleResults = [];
const coldResults = [];
const pageResults = [];
// A reader's phone network for bench/page.html (about Chrome DevTools' "Fast 4G"): the wasm
// takes a while to come, as it does for readers, and the widget's wait for it shows.
const MOBILE = { offline: false, latency: 40, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 };
/** One load of a bench page in a fresh context (over MOBILE with `slow`). */
async function load(query, path = "bench/browser.html", slow = false) {
  const page = await newPage(env);
  if (slow) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", MOBILE);
  }
  await page.goto(`${env.url}${path}?${query}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 120000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(`bench page: ${result.error}`);
  if (page.problems.length) throw new Error(`bench page: ${page.problems.join("; ")}`);
  await page.context().close();
  return result;
}
try {
  for (let i = 0; i < LOADS; i++) {
    results.push(await load(`runs=${QUICK ? 30 : 200}`));
    idleResults.push(await load("idle=1"));
    coldResults.push(await load("cold=1"));
    pageResults.push(await load("", "bench/page.html", true));
  }
} finally {
  await env.close();
}

const med = (f, of = results) => {
  const xs = of.map(f).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
};
const version = await (async () => {
  const { execFileSync } = await import("node:child_process");
  try {
    return execFileSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "Chromium";
  }
})();
printTable(
  `Browser (headless ${version}; medians of ${LOADS} page loads, each in a fresh context)`,
  ["step", "time"],
  [
    ["import the JS glue (js/index.js + dist/newslens_wasm.js)", ms(med((r) => r.importGlueMs))],
    ["init: fetch + compile + instantiate the wasm", ms(med((r) => r.initMs))],
    ["first parse of the sample right after init (builds the tables)", ms(med((r) => r.firstParseMs))],
    ["first parse of the sample after init and an idle moment (init's warm-up ran)", ms(med((r) => r.firstParseMs, idleResults))],
    ["parse, hindi sample, median after warm-up", `${ms(med((r) => r.parse.hi.median))} (p90 ${ms(med((r) => r.parse.hi.p90))}, ${mbps(results[0].parse.hi.bytes, med((r) => r.parse.hi.median))})`],
    ["parse, english article, median after warm-up", `${ms(med((r) => r.parse.en.median))} (p90 ${ms(med((r) => r.parse.en.p90))}, ${mbps(results[0].parse.en.bytes, med((r) => r.parse.en.median))})`],
    ["import the widget (www/widget.min.js, what a site loads)", ms(med((r) => r.importWidgetMs))],
    ["widget first render of the sample after the parses above (tables built, code optimised): text set → DOM built, parse included", ms(med((r) => r.widgetFirst.built))],
    ["  … of which the parse", ms(med((r) => r.widgetFirst.parse))],
    ["  … + style and layout", ms(med((r) => r.widgetFirst.laidOut))],
    ["  … + next animation frame", ms(med((r) => r.widgetFirst.frame))],
    ["init of the widget's module (dist/newslens_text_bg.wasm, without the HTML reader)", ms(med((r) => r.initMs, coldResults))],
    ["widget first render right after that init (first parse included): DOM built / + style and layout", `${ms(med((r) => r.widgetCold.built, coldResults))} / ${ms(med((r) => r.widgetCold.laidOut, coldResults))}`],
    ["page load as a site makes it (bench/page.html: widget.min.js, <news-lens src>, 9 Mbit/s, 40 ms): wasm arrived → Article shown", ms(med((r) => r.sinceWasm, pageResults))],
    ["  … of which from init done (instantiated) to the Article shown / the first parse in it", `${ms(med((r) => r.sinceInit, pageResults))} / ${ms(med((r) => r.parse, pageResults))}`],
    ["  … then that first render's style and layout (fonts looked up while the wasm loaded)", ms(med((r) => r.layout, pageResults))],
    ["widget render on a new element, median of 20: DOM built / + layout (parse)", `${ms(med((r) => r.widgetAgain.built))} / ${ms(med((r) => r.widgetAgain.laidOut))} (${ms(med((r) => r.widgetAgain.parse))})`],
  ],
);
