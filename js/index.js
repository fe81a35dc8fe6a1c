// newslens for browsers and bundlers: `await init()` once, then `parse(text, options)`.
import initWasm, {
  __wbg_reset_state as resetWasm,
  parse as parseWasm,
  version as versionWasm,
} from "../dist/newslens_wasm.js";
import { guarded } from "./guard.js";

let ready = null;
let loaded = false;

/**
 * Load and instantiate the WebAssembly module. Safe to call more than once.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [wasm] where the
 *   `.wasm` file is, if not beside the glue code
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => {
      loaded = true;
    });
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

const parseGuarded = guarded(parseWasm, resetWasm);

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
