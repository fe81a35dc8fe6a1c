#!/usr/bin/env node
// The newslens command line, on the WebAssembly build (js/node.js): parse one article into
// JSON, or many in batch mode (JSON Lines in, JSON Lines out, one process). Input is read as
// bytes: invalid UTF-8 is replaced with U+FFFD and reported on stderr, never a crash. Every
// error is one line on stderr starting "newslens:" and a non-zero exit status; set
// NEWSLENS_DEBUG=1 to see the stack trace as well.

import { readFileSync } from "node:fs";
import { parse, version } from "../js/node.js";

const HELP = `newslens ${version()} — reads a Hindi or English news article: its structure,
quotes with their speakers, and its actors.

Usage:
  newslens parse [OPTIONS] FILE     print the Article of FILE as indented JSON
  newslens parse [OPTIONS] -        the same, reading the article from stdin
  newslens parse --jsonl [OPTIONS]  batch mode: JSON Lines on stdin, JSON Lines on stdout
  newslens --help | --version

Options:
  --lang LANG              the body's language if you know it: hi, en or auto (default: auto,
                           detected from the text)
  --actors FILE.json       actors your site knows, found before any other rule: a JSON array of
                           {"name", "kind", "aliases"?, "canonical"?, "wikidata"?}, where kind is
                           person, country, organization, place or group
  --max-input-bytes N      refuse inputs longer than N bytes of UTF-8 (default 33554432, 32 MiB)
  --format FORMAT          what the input is: text (default), html (a web page: the article is
                           found in it first) or auto (html when the input looks like markup)
  --compact                print the Article on one line instead of indented
  -h, --help               show this help
  -V, --version            print the version

The Article (the same object as parse() returns in JavaScript):
  { lang, title, kicker, standfirst, dateline, sections: [{ heading, paragraphs }], related,
    quotes: [{ text, start, end, kind, speaker, speakerMention, cue }],
    actors: [{ id, name, canonical, kind, aliases, mentions, quoteCount, salience }], warnings }
  Every span is { text, start, end } with UTF-16 offsets: text === input.slice(start, end).
  Files are read as UTF-8 and kept as they are (a byte order mark, CRLF line ends), so offsets
  match fs.readFileSync(FILE, "utf8").
  From HTML (--format html, or auto on markup) the Article also has text (the extracted plain
  text, which every offset then refers to), byline and published when the page gives them, and
  each paragraph a source { path, node } (and each section a headingSource): a CSS path of the
  element it came from and the element's index in document order.

Batch mode (--jsonl):
  Each input line is {"id": ..., "text": "..."}; blank lines are skipped. Each output line, in
  input order, is {"id": ..., "article": ARTICLE}, or {"id": ..., "error": "why"} for a line that
  could not be parsed (not JSON, no "text" string, over --max-input-bytes). Errors are also
  reported on stderr with their line number, the remaining lines are still parsed, and the exit
  status is 1 if any line failed.

Exit status: 0 on success, 1 when an input could not be read or parsed, 2 for bad usage.

Examples:
  newslens parse samples/sample-hi-russia-north-korea.txt
  curl -s https://example.com/article.txt | newslens parse --lang hi -
  newslens parse --jsonl < articles.jsonl > parsed.jsonl
  newslens parse --format html page.html`;

/** An error the user can act on; printed without a stack trace. */
class UsageError extends Error {}

/** Reads the command line into { command, file, jsonl, compact, options }. */
function readArguments(args) {
  const result = { command: null, file: null, jsonl: false, compact: false, options: {} };
  const valueOf = (flag, at) => {
    const value = args[at + 1];
    if (value === undefined || (value.startsWith("--") && value.length > 2)) {
      throw new UsageError(`${flag} needs a value; see newslens --help`);
    }
    return value;
  };
  for (let at = 0; at < args.length; at++) {
    const arg = args[at];
    if (arg === "-h" || arg === "--help") return { command: "help" };
    if (arg === "-V" || arg === "--version") return { command: "version" };
    if (arg === "--jsonl") result.jsonl = true;
    else if (arg === "--compact") result.compact = true;
    else if (arg === "--lang") result.options.lang = valueOf(arg, at++);
    else if (arg === "--format") result.options.format = valueOf(arg, at++);
    else if (arg === "--actors") result.options.actors = readActors(valueOf(arg, at++));
    else if (arg === "--max-input-bytes") {
      const text = valueOf(arg, at++);
      const limit = Number(text);
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new UsageError(`--max-input-bytes must be a whole number of bytes, got ${text}`);
      }
      result.options.maxInputBytes = limit;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}; see newslens --help`);
    } else if (result.command === null) result.command = arg;
    else if (result.file === null) result.file = arg;
    else throw new UsageError(`unexpected argument ${arg}: give one FILE (or - for stdin)`);
  }
  if (result.command === null) return { command: "help" };
  if (result.command !== "parse") {
    throw new UsageError(`unknown command ${result.command}; the command is parse (see --help)`);
  }
  if (result.jsonl && result.file !== null && result.file !== "-") {
    throw new UsageError("--jsonl reads stdin; give no FILE (use: newslens parse --jsonl < FILE)");
  }
  if (!result.jsonl && result.file === null) {
    throw new UsageError("parse needs a FILE, or - to read stdin (see newslens --help)");
  }
  return result;
}

function readActors(path) {
  let actors;
  try {
    actors = JSON.parse(decode(readBytes(path), path));
  } catch (error) {
    throw new UsageError(`--actors ${path}: ${error.message}`);
  }
  if (!Array.isArray(actors)) {
    throw new UsageError(
      `--actors ${path}: expected a JSON array of {"name", "kind", ...}, got ${typeof actors}`,
    );
  }
  return actors;
}

function readBytes(path) {
  try {
    return path === "-" ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    const reason = { ENOENT: "no such file", EISDIR: "is a directory", EACCES: "permission denied" };
    throw new Error(`cannot read ${path}: ${reason[error.code] ?? error.message}`);
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Bytes → string; invalid UTF-8 becomes U+FFFD, with a warning naming `where`. */
function decode(bytes, where) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    warn(`${where}: invalid UTF-8, replaced with U+FFFD`);
    return lenientUtf8.decode(bytes);
  }
}

function warn(message) {
  process.stderr.write(`newslens: warning: ${message}\n`);
}

/** Writes `text` to stdout, waiting when the pipe is full so memory stays bounded. */
async function write(text) {
  if (!process.stdout.write(text)) {
    await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}

async function parseOne({ file, compact, options }) {
  const name = file === "-" ? "stdin" : file;
  const article = parse(decode(readBytes(file), name), options);
  await write(`${JSON.stringify(article, null, compact ? undefined : 2)}\n`);
  return 0;
}

/** Batch mode: one line in, one line out, in order, streaming. Returns the exit status. */
async function parseLines({ options }) {
  let failures = 0;
  let lineNumber = 0;
  const handle = async (bytes) => {
    lineNumber += 1;
    const line = decode(bytes, `line ${lineNumber}`);
    if (line.trim() === "") return;
    let id = null;
    let output;
    try {
      let input;
      try {
        input = JSON.parse(line);
      } catch (error) {
        throw new Error(`not JSON (${error.message})`);
      }
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        throw new Error('expected an object {"id": ..., "text": "..."}');
      }
      id = input.id ?? null;
      if (typeof input.text !== "string") {
        throw new Error(`"text" must be a string, got ${input.text === undefined ? "none" : typeof input.text}`);
      }
      output = { id, article: parse(input.text, options) };
    } catch (error) {
      failures += 1;
      const message = error.message.replace(/^parse\(text, options\): /, "");
      process.stderr.write(`newslens: line ${lineNumber}${id === null ? "" : ` (id ${JSON.stringify(id)})`}: ${message}\n`);
      output = { id, error: message };
    }
    await write(`${JSON.stringify(output)}\n`);
  };

  // Split the byte stream on "\n" ourselves so that each line is decoded on its own
  // (an invalid byte spoils one line, not the batch) and CR before LF is dropped.
  let pending = [];
  for await (const chunk of process.stdin) {
    let from = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, at));
      await handle(stripCr(Buffer.concat(pending)));
      pending = [];
      from = at + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) await handle(stripCr(Buffer.concat(pending)));
  return failures > 0 ? 1 : 0;
}

function stripCr(bytes) {
  return bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes;
}

async function main(args) {
  const request = readArguments(args);
  if (request.command === "help") {
    await write(`${HELP}\n`);
    return 0;
  }
  if (request.command === "version") {
    await write(`${version()}\n`);
    return 0;
  }
  // A bad option (say --lang 5 or an ill-formed actor) is found by parse(); check it once up
  // front so that batch mode does not report it on every line.
  try {
    parse("", request.options);
  } catch (error) {
    throw new UsageError(error.message.replace(/^parse\(text, options\): /, ""));
  }
  return request.jsonl ? parseLines(request) : parseOne(request);
}

// A reader that stops early (`newslens parse … | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newslens: ${message.replace(/^parse\(text, options\): /, "")}\n`);
    if (process.env.NEWSLENS_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
