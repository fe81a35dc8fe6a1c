// One process's start-up with the wasm package: import js/node.js (read + compile + instantiate)
// and the first parse of the sample. Run as a script, it prints the two times as JSON:
// bench/node.mjs runs it in fresh processes, also with `node --single-threaded`. Without V8's
// background compile threads, whose optimising work competes with the first parse for the CPU
// on a machine with few cores and makes that figure swing (25–70 ms here), what is left is
// steady: compiling each function on its first call and running the parse in the baseline
// compiler's code.
import { fileURLToPath } from "node:url";
import { TEXTS } from "./lib.mjs";

/** Imports the package and parses the sample once: the times, and the package's `parse`. */
export async function startUp() {
  let started = performance.now();
  const { parse } = await import("../js/node.js");
  const importMs = performance.now() - started;
  started = performance.now();
  parse(TEXTS[0].text);
  const firstParseMs = performance.now() - started;
  return { importMs, firstParseMs, parse };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { importMs, firstParseMs } = await startUp();
  console.log(JSON.stringify({ importMs, firstParseMs }));
}
