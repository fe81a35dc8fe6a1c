// Replaces the body of each of the standard library's panic entry points in a wasm file by one
// `unreachable`, before wasm-opt (scripts/build.sh): the stable stand-in for the nightly
// `panic_immediate_abort`, which cargo cannot build on a stable toolchain.
//
// Why it changes nothing that can be seen: the release profile aborts on panic, and on
// wasm32-unknown-unknown the standard panic hook writes its message to a stderr that discards
// it, so a panic already ends in an `unreachable` trap (the WebAssembly.RuntimeError that
// js/guard.js turns into an Error) after formatting a message nobody reads. Without the
// formatting, wasm-opt drops, at each of the ~900 call sites (index and slice checks, unwrap,
// expect), the arguments that only the message needed. The core must never panic anyway (a
// panic is a bug).
//
// core::fmt itself (the formatter, its padding and integer code, the Debug and Display impls a
// panic message names, std's message payloads) would stay: the linker put those functions in
// the table of functions called by pointer, as the panic code took their addresses, and
// wasm-opt keeps every function of the table. The bindings and the core build their messages
// without core::fmt (src/decimal.rs), so a panic's message is its only user: the script
// replaces those bodies too (about 4 KB gzip), but only when no function that can still run
// calls one of them (`wasm-opt --print-call-graph`: reached from the exports and the table, not
// through the replaced functions); otherwise it names the caller and keeps them. What that check
// cannot see is a formatter made in the caller itself that calls a formatting function by
// pointer, as `to_string()` of a `dyn Display` does; the JS tests, which check the messages,
// would trap.
//
// Usage: node scripts/snip-panics.mjs FILE.wasm   (rewrites FILE.wasm; needs its name section,
// which wasm-bindgen keeps and wasm-opt strips afterwards, and node_modules/.bin/wasm-opt for the
// core::fmt check). Prints how many bodies it replaced; leaves the file as it is, with a
// warning, when it finds no names or no panic function.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

// The functions that only report a panic or an allocation failure and never return, by their
// demangled names (`core[1a2b…]::panicking::panic_fmt` or `core::panicking::panic_fmt::h…`).
const PANICS = new RegExp(
  "^(core|alloc|std|hashbrown)(\\[[0-9a-f]+\\])?::(" +
    [
      "panicking::panic",
      "panicking::panic_fmt",
      "panicking::panic_bounds_check",
      "panicking::panic_nounwind",
      "panicking::panic_nounwind_fmt",
      "panicking::panic_const::panic_const_\\w+",
      "panicking::panic_with_hook",
      "panicking::begin_panic_handler",
      "panicking::rust_panic_with_hook",
      "panicking::assert_failed",
      "panicking::assert_failed_inner",
      "cell::panic_already_borrowed",
      "cell::panic_already_mutably_borrowed",
      "str::slice_error_fail",
      "str::slice_error_fail_rt",
      "slice::index::\\w+_fail",
      "slice::copy_from_slice_impl::len_mismatch_fail",
      "option::unwrap_failed",
      "option::expect_failed",
      "result::unwrap_failed",
      "slice::sort::shared::smallsort::panic_on_ord_violation",
      "alloc::handle_alloc_error",
      "raw_vec::handle_error",
      "raw_vec::capacity_overflow",
    ].join("|") +
    ")(::h[0-9a-f]{16})?$|^<hashbrown(\\[[0-9a-f]+\\])?::raw::Fallibility>::capacity_overflow$" +
    // What std's panic handler and allocation-failure hook call only while reporting: the
    // payloads that carry the message, and the hook that writes it.
    "|^<std(\\[[0-9a-f]+\\])?::panicking::(panic_handler::\\w+|begin_panic::Payload<[^>]*>) as " +
    "|^std(\\[[0-9a-f]+\\])?::alloc::default_alloc_error_hook(::h[0-9a-f]{16})?$",
);

// core::fmt and alloc::fmt (write, format, the Formatter, the builders), the impls of their
// traits (`<u32 as core::fmt::Display>::fmt`, `<String as core::fmt::Write>::write_str`), and
// the escaping behind `{:?}` of a char.
const FORMATTING = new RegExp(
  "^<?(core|alloc)(\\[[0-9a-f]+\\])?::fmt::" +
    "|^<.* as (core|alloc)(\\[[0-9a-f]+\\])?::fmt::\\w+>::" +
    "|^<char>::escape_debug_ext$",
);

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/snip-panics.mjs FILE.wasm");
  process.exit(2);
}
const bytes = readFileSync(file);

function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return Buffer.from(out);
}

// Sections: [id, start of contents, end, start of the section's header].
const sections = [];
for (let at = 8; at < bytes.length; ) {
  const id = bytes[at];
  const [size, start] = leb(at + 1);
  sections.push([id, start, start + size, at]);
  at = start + size;
}

function name(at) {
  const [length, start] = leb(at);
  return [bytes.toString("utf8", start, start + length), start + length];
}

// Functions are numbered imports first.
let importedFunctions = 0;
for (const [, start] of sections.filter(([id]) => id === 2)) {
  let [count, at] = leb(start);
  for (let i = 0; i < count; i++) {
    [, at] = name(at);
    [, at] = name(at);
    const kind = bytes[at++];
    let flags;
    if (kind === 0) {
      [, at] = leb(at);
      importedFunctions++;
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // the table's element type
      [flags, at] = leb(at);
      [, at] = leb(at);
      if (flags & 1) [, at] = leb(at);
    } else if (kind === 3) {
      at += 2; // value type, mutability
    } else if (kind === 4) {
      at++;
      [, at] = leb(at);
    } else {
      throw new Error(`${file}: unknown import kind ${kind}`);
    }
  }
}

const snip = new Set();
const formatting = new Set();
for (const [, start, end] of sections.filter(([id]) => id === 0)) {
  let [section, at] = name(start);
  if (section !== "name") continue;
  while (at < end) {
    const sub = bytes[at++];
    const [size, contents] = leb(at);
    if (sub === 1) {
      let [count, p] = leb(contents);
      for (let i = 0; i < count; i++) {
        let index;
        let fn;
        [index, p] = leb(p);
        [fn, p] = name(p);
        if (PANICS.test(fn)) snip.add(index);
        else if (FORMATTING.test(fn)) formatting.add(index);
      }
    }
    at = contents + size;
  }
}
if (snip.size === 0) {
  console.warn(`snip-panics: no panic functions named in ${file}; left as it is`);
  process.exit(0);
}
const formattingUsers = formatting.size > 0 ? callersOfFormatting() : [];
if (formattingUsers.length === 0) {
  for (const index of formatting) snip.add(index);
} else {
  console.warn(
    `snip-panics: core::fmt is used outside panics in ${file}, so it is kept: ` +
      formattingUsers.slice(0, 5).join("; "),
  );
}

/** "caller -> callee" for each call into FORMATTING from a function that can run when no panic
 * does: reached from the exports and the table's functions by direct calls, not through PANICS
 * or FORMATTING (whose bodies are replaced). Names as binaryen prints them, which adds `[n]` to
 * a repeated name. */
function callersOfFormatting() {
  const wasmOpt = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
  if (!existsSync(wasmOpt)) return [`(no ${wasmOpt} to check with)`];
  const graph = execFileSync(wasmOpt, [file, "--print-call-graph", "-o", "/dev/null"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const plain = (fn) => fn.replace(/\[\d+\]$/, "");
  const replaced = (fn) => PANICS.test(plain(fn)) || FORMATTING.test(plain(fn));
  const calls = new Map();
  const roots = [];
  for (const line of graph.split("\n")) {
    const call = /^ {2}"(.*)" -> "(.*)"; \/\/ call$/.exec(line);
    if (call) {
      if (!calls.has(call[1])) calls.set(call[1], []);
      calls.get(call[1]).push(call[2]);
      continue;
    }
    // An export (gray) or a function of the table (rounded).
    const node = /^ {2}"(.*)" \[style="filled(, rounded)?"(, fillcolor="(\w+)")?\];$/.exec(line);
    if (node && (node[2] || node[4] === "gray")) roots.push(node[1]);
  }
  const live = new Set();
  const todo = roots.filter((fn) => !replaced(fn));
  while (todo.length > 0) {
    const fn = todo.pop();
    if (live.has(fn)) continue;
    live.add(fn);
    for (const callee of calls.get(fn) ?? []) if (!replaced(callee)) todo.push(callee);
  }
  const users = [];
  for (const fn of live) {
    for (const callee of calls.get(fn) ?? []) {
      if (FORMATTING.test(plain(callee))) users.push(`${fn} -> ${callee}`);
    }
  }
  return users;
}

const parts = [bytes.subarray(0, 8)];
let snipped = 0;
for (const [id, start, end, header] of sections) {
  if (id !== 10) {
    parts.push(bytes.subarray(header, end));
    continue;
  }
  let [count, at] = leb(start);
  const bodies = [encodeLeb(count)];
  for (let i = 0; i < count; i++) {
    const [size, body] = leb(at);
    if (snip.has(importedFunctions + i)) {
      bodies.push(Buffer.from([3, 0, 0x00, 0x0b])); // size 3: no locals, unreachable, end
      snipped++;
    } else {
      bodies.push(bytes.subarray(at, body + size));
    }
    at = body + size;
  }
  const contents = Buffer.concat(bodies);
  parts.push(Buffer.from([id]), encodeLeb(contents.length), contents);
}
writeFileSync(file, Buffer.concat(parts));
console.log(
  `snip-panics: ${snipped} panic and formatting functions of ${file} replaced by unreachable`,
);
