// The JS API cases (cases.mjs) in Node, against the built package as Node users import it
// (js/node.js through package.json's "exports"). Needs `scripts/build.sh` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as newslens from "newslens";
import { cases, FIXTURES } from "./cases.mjs";

const root = new URL("../../", import.meta.url);
const texts = Object.fromEntries(
  Object.entries(FIXTURES).map(([name, path]) => [name, readFileSync(new URL(path, root), "utf8")]),
);

test("Node's entry point is ready at import; init() is there for shared code", async () => {
  assert.equal(await newslens.init(), undefined, "should resolve init() at once");
  assert.equal(newslens.default, newslens.init, "should export init as the default");
});

for (const [name, run] of cases) {
  test(name, () => run(newslens, texts));
}
