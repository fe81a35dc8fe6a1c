// A trap in the WebAssembly module must not break the next parse: js/guard.js turns it into a
// helpful Error and restarts the module. No input is known to trap the core, so the wrapper is
// tested with a stand-in call, and the restart with the real module.

import { test } from "node:test";
import assert from "node:assert/strict";
import { guarded } from "../../js/guard.js";
import { parse } from "../../js/node.js";
import { __wbg_reset_state as resetWasm } from "../../dist/newslens_wasm.js";

test("a trap becomes a helpful Error and restarts the module", () => {
  let resets = 0;
  const trap = guarded(() => {
    throw new WebAssembly.RuntimeError("unreachable");
  }, () => (resets += 1));
  assert.throws(() => trap("text"), (e) => {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), "should not leak the RuntimeError");
    assert.match(e.message, /newslens failed inside its WebAssembly module \(unreachable\)/, "should say what failed");
    assert.match(e.message, /report it/, "should ask for a report");
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, "should keep the trap as the cause");
    return true;
  });
  assert.throws(() => trap("again"), /newslens failed/, "should handle a second trap the same way");
  assert.equal(resets, 2, "should restart the module after each trap");
});

test("other errors pass through unchanged, without a restart", () => {
  let resets = 0;
  const original = new Error("parse(text, options): unknown option \"x\"");
  const call = guarded(() => {
    throw original;
  }, () => (resets += 1));
  assert.throws(() => call(), (e) => e === original, "should rethrow the same Error");
  assert.equal(resets, 0, "should not restart the module");
  assert.equal(guarded((a, b) => a + b, () => {})(2, 3), 5, "should pass arguments and results through");
});

test("the module works after a restart", () => {
  const before = parse("Headline\n\nA paragraph of text.");
  resetWasm();
  assert.deepEqual(parse("Headline\n\nA paragraph of text."), before, "should parse the same after a restart");
});
