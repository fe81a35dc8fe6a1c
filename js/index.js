// newslens for browsers and bundlers: `await init()` once, then `parse(text, options)`.
import initWasm, { parse as parseWasm, version as versionWasm } from "../dist/newslens_wasm.js";

let ready = null;

/**
 * Load and instantiate the WebAssembly module. Safe to call more than once.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [wasm] where the
 *   `.wasm` file is, if not beside the glue code
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => undefined);
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

/**
 * Parse a news article.
 * @param {string} text
 * @param {import("./index").Options} [options]
 * @returns {import("./index").Article}
 */
export function parse(text, options) {
  return parseWasm(text, options);
}

/** The package version. */
export function version() {
  return versionWasm();
}

export default init;
