// Checks js/index.d.ts with the TypeScript compiler: the declarations must compile and accept
// what a user writes (tests/js/types-check.ts), and refuse what the runtime refuses.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = `${ROOT}node_modules/.bin/tsc`;

test("the TypeScript declarations compile and type a user's code", { skip: !existsSync(TSC) && "typescript is not installed (scripts/setup.sh)" }, () => {
  const result = spawnSync(TSC, [
    "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
    "--moduleResolution", "nodenext", "--lib", "es2022,dom", "--types", "",
    "tests/js/types-check.ts", "js/index.d.ts",
  ], { cwd: ROOT, encoding: "utf8" });
  assert.equal(result.status, 0, `should compile without errors:\n${result.stdout}${result.stderr}`);
});
