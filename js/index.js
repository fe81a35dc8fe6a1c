// newslens for browsers and bundlers: `await init()` once, then `parse(text, options)`.
import initWasm, {
  __wbg_reset_state as resetWasm,
  parse as parseWasm,
  version as versionWasm,
} from "../dist/newslens_wasm.js";
import { guarded } from "./guard.js";
import { readResult } from "./result.js";

let ready = null;
let loaded = false;

// What the warm-up parses: a short article in Hindi and English with a dateline, quotes and
// speakers, so that every table a parse uses is built (written for this; no real article).
const WARM_UP_TEXT =
  "नई दिल्ली: विदेश मंत्री एस जयशंकर ने सोमवार को कहा, \"भारत और रूस के संबंध मजबूत हैं।\" " +
  "उन्होंने बताया कि दोनों देशों के बीच व्यापार बढ़ रहा है।\n\n" +
  "The minister said \"talks will go on\" after meeting officials from Germany.";

/**
 * Load and instantiate the WebAssembly module. Safe to call more than once.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [wasm] where the
 *   `.wasm` file is, if not beside the glue code
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => {
      loaded = true;
      warmUp();
    });
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

const parseGuarded = guarded((text, options) => parseWasm(text, options, readResult), resetWasm);

/**
 * In the browser's first idle moment after init, parses a short text: that builds the parser's
 * tables and compiles the code a parse runs, which a first parse otherwise waits for (in
 * headless Chromium on the benchmark machine, a first parse of the sample took ~125 ms right
 * after init and ~14 ms after the warm-up). A parse that comes sooner builds them itself and
 * nothing waits for the warm-up; without requestIdleCallback (Safari) there is none.
 */
function warmUp() {
  if (typeof requestIdleCallback !== "function") return;
  requestIdleCallback(() => {
    try {
      parseGuarded(WARM_UP_TEXT);
    } catch {
      // A real parse reports the problem (the guard has restarted the module).
    }
  });
}

/**
 * Parse a news article.
 * @param {string} text
 * @param {import("./index").Options} [options]
 * @returns {import("./index").Article}
 */
export function parse(text, options) {
  if (!loaded) throw new Error("newslens: call `await init()` once before parse()");
  return parseGuarded(text, options);
}

/** The package version. */
export function version() {
  if (!loaded) throw new Error("newslens: call `await init()` once before version()");
  return versionWasm();
}

export default init;
