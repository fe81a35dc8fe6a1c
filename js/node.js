// newslens for Node: the WebAssembly module is compiled synchronously at import, so `parse`
// works at once; `init()` is there for code shared with browsers and resolves immediately.
import { readFileSync } from "node:fs";
import {
  __wbg_reset_state as resetWasm,
  initSync,
  parse as parseWasm,
  version as versionWasm,
} from "../dist/newslens_wasm.js";
import { guarded } from "./guard.js";
import { readResult } from "./result.js";

initSync({ module: readFileSync(new URL("../dist/newslens_wasm_bg.wasm", import.meta.url)) });

/** Resolves at once: the module is ready on import in Node. */
export function init() {
  return Promise.resolve();
}

/**
 * Parse a news article.
 * @param {string} text
 * @param {import("./index").Options} [options]
 * @returns {import("./index").Article}
 */
export const parse = guarded((text, options) => parseWasm(text, options, readResult), resetWasm);

/** The package version. */
export function version() {
  return versionWasm();
}

export default init;
