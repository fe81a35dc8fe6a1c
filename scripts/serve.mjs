#!/usr/bin/env node
// A tiny static file server for the project root, for the demo page and the browser tests.
// No dependencies (node:http only). It binds 127.0.0.1, sends the MIME types browsers need
// (`.wasm` must be application/wasm for streaming compilation), never serves a file outside
// the root, lists a directory that has no index.html, and by default forbids caching
// (`no-store`) so a rebuild shows at the next reload.
//
// As a module:  const { url, close } = await startServer({ root, port: 0 });
//               (`maxAge: seconds` lets browsers cache the files, as a site would: see
//               bench/repeat-visit.mjs)
// As a command: node scripts/serve.mjs [--port 8080] [--fallback] [--root DIR]
//               (prints the demo URL; --fallback takes a free port when PORT is taken)

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serve `root` over HTTP on 127.0.0.1.
 * @param {{ root?: string, port?: number, maxAge?: number }} [options] port 0 (the default)
 *   picks a free port; with `maxAge`, files are sent cacheable for that many seconds instead of
 *   `no-store`
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} `url` is the
 *   server's base URL with a trailing slash, e.g. `http://localhost:41234/`
 */
export function startServer({ root = PROJECT_ROOT, port = 0, maxAge } = {}) {
  const base = resolve(root);
  const caching = maxAge === undefined ? "no-store" : `public, max-age=${Math.max(0, Math.floor(maxAge)) || 0}`;
  const server = createServer((request, response) => {
    serveFile(base, request, response, caching).catch((error) => {
      if (!response.headersSent) send(response, 500, `server error: ${error.message}\n`);
      else response.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://localhost:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open until they time out.
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

async function serveFile(base, request, response, caching) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return send(response, 405, "only GET and HEAD are served\n", { allow: "GET, HEAD" });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  } catch {
    return send(response, 400, "bad URL\n");
  }
  if (pathname.includes("\0")) return send(response, 400, "bad URL\n");
  // resolve() collapses any `..`; whatever is left must still be inside the root.
  let path = resolve(join(base, pathname));
  if (path !== base && !path.startsWith(base + sep)) return send(response, 403, "forbidden\n");

  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    // A directory URL without its slash would break the page's relative links.
    if (!pathname.endsWith("/")) {
      return send(response, 301, "moved\n", { location: `${pathname}/` });
    }
    const index = join(path, "index.html");
    const indexInfo = await stat(index).catch(() => null);
    if (!indexInfo?.isFile()) return sendListing(response, path, pathname, request.method);
    [path, info] = [index, indexInfo];
  }
  if (!info?.isFile()) return send(response, 404, `not found: ${pathname}\n`);

  response.writeHead(200, {
    "content-type": MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": caching,
    "x-content-type-options": "nosniff",
  });
  if (request.method === "HEAD") return response.end();
  await new Promise((done, fail) => {
    createReadStream(path).on("error", fail).on("end", done).pipe(response);
  });
}

// A plain list of links for a directory without index.html (names escaped: they are text).
async function sendListing(response, dir, pathname, method) {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith("."))
    .map((entry) => entry.name + (entry.isDirectory() ? "/" : ""))
    .sort();
  const items = entries
    .map((name) => `<li><a href="${escapeHtml(encodeURI(name))}">${escapeHtml(name)}</a></li>`)
    .join("\n");
  const title = `Index of ${escapeHtml(pathname)}`;
  const body = `<!doctype html>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
    `<h1>${title}</h1>\n<ul>\n${items || "<li>(empty)</li>"}\n</ul>\n`;
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(method === "HEAD" ? undefined : body);
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(body);
}

// Run as a command: serve the project root until interrupted.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const valueOf = (flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: node scripts/serve.mjs [--port PORT] [--fallback] [--root DIR]\n" +
      "Serves DIR (default: the project root) on http://localhost:PORT/ (default port 8080);\n" +
      "with --fallback, a free port is used when PORT is taken.");
    process.exit(0);
  }
  const port = Number(valueOf("--port") ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: --port must be a number from 0 to 65535, got ${valueOf("--port")}`);
    process.exit(2);
  }
  const root = valueOf("--root") ?? PROJECT_ROOT;
  let server;
  try {
    server = await startServer({ root, port });
  } catch (error) {
    if (!(error.code === "EADDRINUSE" && args.includes("--fallback"))) {
      console.error(`serve.mjs: cannot listen on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    }
    console.log(`serve.mjs: port ${port} is taken; using a free port`);
    server = await startServer({ root, port: 0 });
  }
  console.log(`newslens demo: ${server.url}www/`);
  console.log("(Ctrl-C stops the server)");
}
