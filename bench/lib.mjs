// Shared pieces of the benchmarks: the texts, timing statistics and table printing.
import { readFileSync } from "node:fs";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");

/** The sample article (Hindi) and an English article of about the same size written for the benchmarks. */
export const TEXTS = [
  { name: "hindi sample (hi)", lang: "hi", text: read("../samples/sample-hi-russia-north-korea.txt") },
  { name: "english article (en)", lang: "en", text: read("./en-harbour-strike.txt") },
];

/** `--quick` (or BENCH_QUICK=1): fewer runs, for a smoke test of the harness. */
export const QUICK = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";

export const utf8Bytes = (text) => Buffer.byteLength(text, "utf8");

/**
 * Both articles repeated, line by line, until about `size` bytes of UTF-8: a long input with the
 * same mix of Hindi and English as the two articles (the same text as benches/parse.rs builds).
 * Each copy after the first starts its lines with the copy's number ("2. "), so that no
 * paragraph repeats an earlier one: the parser skips repeated paragraphs, which would make long
 * inputs look cheaper than they are.
 */
export function longText(size) {
  const lines = [];
  let bytes = 0;
  for (let copy = 0; bytes < size; copy++) {
    const prefix = copy ? `${copy}. ` : "";
    for (const { text } of TEXTS) {
      for (const line of text.split("\n")) {
        if (bytes >= size) break;
        const out = line.trim() ? prefix + line : line;
        lines.push(out);
        bytes += utf8Bytes(out) + 1;
      }
      lines.push("");
      bytes += 1;
    }
  }
  return lines.join("\n");
}

/**
 * Runs `fn` `warmup` times, then times it until `runs` runs or `budgetMs` milliseconds have
 * passed (at least 5 runs). Returns per-run times in ms, sorted.
 */
export function timeRuns(fn, { warmup = 20, runs = 500, budgetMs = 5000 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const end = performance.now() + budgetMs;
  while (times.length < runs && (times.length < 5 || performance.now() < end)) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
export const median = (sorted) => quantile(sorted, 0.5);

/** Milliseconds with three significant digits. */
export function ms(value) {
  if (value == null || Number.isNaN(value)) return "–";
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}

export const mbps = (bytes, msValue) => `${(bytes / 1e6 / (msValue / 1000)).toFixed(1)} MB/s`;

export function kb(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB` : `${(bytes / 1e3).toFixed(bytes >= 1e4 ? 0 : 1)} KB`;
}

/** Prints a titled table with a header row; numbers-looking cells are right-aligned. */
export function printTable(title, header, rows, notes = []) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
  // A column is right-aligned when every body cell starts with a number (or is "–").
  const numeric = (s) => /^([-+~≈<>≤≥]?\d|–$)/.test(s);
  const right = header.map((_, i) => i > 0 && all.slice(1).every((r) => numeric(r[i] ?? "")));
  const fmt = (r) =>
    "| " +
    r
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - [...c].length);
        return right[i] ? pad + c : c + pad;
      })
      .join(" | ") +
    " |";
  console.log(`\n### ${title}\n`);
  console.log(fmt(all[0]));
  console.log("|" + widths.map((w, i) => (right[i] ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|");
  for (const r of all.slice(1)) console.log(fmt(r));
  for (const n of notes) console.log(`\n${n}`);
}
