// js/result.js reads the buffers that wasm/src/result.rs writes. A real parse exercises most of
// the layout (tests/js/api.test.mjs); these hand-written layouts cover what an Article does not
// have: map keys defined anew, a "__proto__" key, empty strings and values, and a bad layout.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readResult } from "../../js/result.js";

// The operation numbers of wasm/src/result.rs.
const [NULL, FALSE, TRUE, NUMBER, STRING, ARRAY, OBJECT, KEY, NEW_KEY] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

const units = (text) => Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
const read = (ops, numbers, text) =>
  readResult(Uint32Array.from(ops), Float64Array.from(numbers), units(text));

test("reads objects, arrays, strings, numbers, booleans and null in order", () => {
  const text = "spanstextमोदी 😀startPMkindpersonokno";
  const ops = [
    OBJECT, 4,
    NEW_KEY, 5, ARRAY, 2,
    OBJECT, 2, NEW_KEY, 4, STRING, 7, NEW_KEY, 5, NUMBER,
    OBJECT, 2, KEY, 1, STRING, 2, KEY, 2, NUMBER,
    NEW_KEY, 4, STRING, 6,
    NEW_KEY, 2, ARRAY, 4, TRUE, FALSE, NULL, STRING, 0,
    NEW_KEY, 2, ARRAY, 0,
  ];
  assert.deepEqual(
    read(ops, [3, 9], text),
    {
      spans: [
        { text: "मोदी 😀", start: 3 },
        { text: "PM", start: 9 },
      ],
      kind: "person",
      ok: [true, false, null, ""],
      no: [],
    },
    "should rebuild the value with keys named by number after their first use",
  );
});

test("a __proto__ key is an own data property, as JSON.parse makes it", () => {
  const value = read([OBJECT, 1, NEW_KEY, 9, OBJECT, 0], [], "__proto__");
  assert.equal(Object.getPrototypeOf(value), Object.prototype, "should keep the plain prototype");
  assert.deepEqual(Object.keys(value), ["__proto__"], "should have __proto__ as an own key");
  assert.deepEqual(value, JSON.parse('{"__proto__": {}}'), "should equal what JSON.parse makes");
});

test("keeps a leading byte order mark of a string", () => {
  assert.equal(read([STRING, 2], [], "\uFEFFx"), "\uFEFFx", "should not drop U+FEFF");
});

test("a bad layout throws instead of returning a wrong value", () => {
  assert.throws(() => read([42], [], ""), /bad result layout/, "should refuse an unknown operation");
  assert.throws(() => read([OBJECT, 1, NUMBER], [1], ""), /bad result layout/, "should refuse a member without a key");
});
