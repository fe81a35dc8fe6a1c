// Replaces the body of each of the standard library's panic entry points in a wasm file by one
// `unreachable`, before wasm-opt (scripts/build.sh): the stable stand-in for the nightly
// `panic_immediate_abort`, which cargo cannot build on a stable toolchain.
//
// Why it changes nothing that can be seen: the release profile aborts on panic, and on
// wasm32-unknown-unknown the standard panic hook writes its message to a stderr that discards
// it, so a panic already ends in an `unreachable` trap (the WebAssembly.RuntimeError that
// js/guard.js turns into an Error) after formatting a message nobody reads. Without the
// formatting, wasm-opt drops the message machinery (core::fmt as panics use it, Debug impls)
// and, at each of the ~900 call sites (index and slice checks, unwrap, expect), the arguments
// that only the message needed. The core must never panic anyway (a panic is a bug).
//
// Usage: node scripts/snip-panics.mjs FILE.wasm   (rewrites FILE.wasm; needs its name section,
// which wasm-bindgen keeps and wasm-opt strips afterwards). Prints how many bodies it replaced;
// leaves the file as it is, with a warning, when it finds no names or no panic function.
import { readFileSync, writeFileSync } from "node:fs";

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
    ")(::h[0-9a-f]{16})?$|^<hashbrown(\\[[0-9a-f]+\\])?::raw::Fallibility>::capacity_overflow$",
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
      }
    }
    at = contents + size;
  }
}
if (snip.size === 0) {
  console.warn(`snip-panics: no panic functions named in ${file}; left as it is`);
  process.exit(0);
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
console.log(`snip-panics: ${snipped} panic functions of ${file} replaced by unreachable`);
