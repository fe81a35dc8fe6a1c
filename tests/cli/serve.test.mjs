// scripts/serve.mjs: the demo's and the tests' file server forbids caching by default (a rebuild
// shows at the next reload) and sends files cacheable when asked to (bench/repeat-visit.mjs
// measures a reader's repeat visits that way); it never serves a file outside its root.
import assert from "node:assert/strict";
import { test } from "node:test";
import { startServer } from "../../scripts/serve.mjs";

async function headers(options, path) {
  const server = await startServer({ port: 0, ...options });
  try {
    const response = await fetch(server.url + path);
    await response.arrayBuffer();
    return { status: response.status, type: response.headers.get("content-type"), caching: response.headers.get("cache-control") };
  } finally {
    await server.close();
  }
}

test("files are sent with no-store unless a max age is given", async () => {
  assert.deepEqual(await headers({}, "package.json"), {
    status: 200,
    type: "application/json; charset=utf-8",
    caching: "no-store",
  });
});

test("with maxAge, files are sent cacheable for that many whole seconds", async () => {
  assert.equal((await headers({ maxAge: 3600 }, "package.json")).caching, "public, max-age=3600");
  assert.equal((await headers({ maxAge: 2.7 }, "package.json")).caching, "public, max-age=2");
  assert.equal((await headers({ maxAge: -5 }, "package.json")).caching, "public, max-age=0");
  assert.equal((await headers({ maxAge: Number.NaN }, "package.json")).caching, "public, max-age=0");
});

test("a path that climbs out of the root is refused", async () => {
  const server = await startServer({ port: 0 });
  try {
    // fetch() would normalise the dots away; an encoded slash reaches the server as it is.
    const response = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    assert.equal(response.status, 403);
    await response.arrayBuffer();
  } finally {
    await server.close();
  }
});
