//! Embeds the language data (`data/**/*.tsv`) for `src/data.rs`, with the work of reading it done
//! here rather than on the first parse: comment and blank lines are dropped (every reader skips
//! them; the headers stay in the files, with the sources), and the files are written one after
//! another into one text, with `$OUT_DIR/data_files.rs` saying where each one is (one constant
//! per file, byte ranges of the text). The text is stored packed ([`encode`]: one byte per
//! Devanagari letter) and column by column ([`lay_out_text`]) in `$OUT_DIR/data_text.bin`,
//! which `src/data.rs` unpacks into UTF-8 once, on first use.
//!
//! The two big word lists that the code only looks words up in (`SORTED_LISTS`) are stored
//! apart, in `$OUT_DIR/sorted_lists.bin`, packed, sorted by their packed bytes and front-coded
//! ([`front_code`]): a Devanagari letter takes one byte instead of three, and a word stores only
//! what differs from the word before it. `src/data.rs` reads each list once, at first use, into
//! an index of every sixteenth word, and finds a word by a binary search of the index and a scan
//! of at most sixteen lines, after packing the word the same way ([`encode`]).
//!
//! The lexicon's entity files (`forms::ENTITY_FILES`) are written with their form columns already
//! expanded by `src/mentions/forms.rs` ([`forms::expand_entity_files`]: normalised, with the
//! Hindi spelling variants, each form kept by the first name that claims it), which the lexicon
//! would otherwise do on every first parse.
//!
//! The lookup keys of the marker, title, suffix and cue files are also stored as the code looks
//! them up ([`keyed_lines`]: normalised, and lower-cased where the code folds case), so the first
//! parse reads them as they are; `src/data.rs`'s tests check each against the code's own key.
//!
//! Packed encoding: a byte below 0x80 is that ASCII character; a byte `0x80 + n` is the
//! Devanagari character U+0900 + n; the byte 0x01 is followed by one other character in UTF-8.

// Core's lower case is what the generated tables are made from (clippy.toml keeps it out of the
// crate only).
#![allow(clippy::disallowed_methods)]

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

// The text normalisation and the surface forms, shared with the crate.
#[allow(dead_code)]
#[path = "src/mentions/forms.rs"]
mod forms;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
/// What `src/normalize.rs` reads from `src/unicode.rs`, here from the crate itself (whose tables
/// `unicode_tables` turns into the ones that `src/unicode.rs` reads).
mod unicode {
    pub use unicode_normalization::char::{
        compose, decompose_canonical as decompose_indic, is_combining_mark,
    };
    pub fn lower(c: char) -> std::char::ToLowercase {
        c.to_lowercase()
    }
    pub fn to_lowercase(text: &str) -> String {
        text.to_lowercase()
    }
    pub fn push_lowercase(text: &str, out: &mut String) {
        out.push_str(&text.to_lowercase());
    }
}
// The tagger model in the layout the tagger reads (owned by the tagger's code, not this file).
#[path = "build/model.rs"]
mod model;

/// Word lists that the code only looks words up in: stored packed and sorted (by their packed
/// bytes), as `SortedList`s (order and duplicates do not matter; sorted, they also compress
/// better), and searched without unpacking.
const SORTED_LISTS: [&str; 2] = ["lexicon/en_words.tsv", "lexicon/hi_common.tsv"];
/// The common Hindi words, most frequent first; the first `FUNCTION_WORD_RANK` rows are
/// function words. Stored split in two: `LEXICON_HI_COMMON` holds the other words (a sorted
/// list), and the generated `LEXICON_HI_FUNCTION_WORDS` the function words. A word that occurs
/// twice takes the rank of its last row.
const HI_COMMON: &str = "lexicon/hi_common.tsv";
/// The organisation and place suffixes, whose keys `uncapitalised` reads.
const SUFFIXES: &str = "lexicon/suffixes.tsv";
/// Hindi words more frequent than this rank are function words.
const FUNCTION_WORD_RANK: usize = 300;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=src/mentions/forms.rs");
    let mut files: Vec<String> = Vec::new();
    for dir in ["structure", "quotes", "lexicon", "model"] {
        println!("cargo:rerun-if-changed=data/{dir}");
        let mut names: Vec<String> = fs::read_dir(Path::new("data").join(dir))
            .unwrap_or_else(|e| panic!("data/{dir}: {e}"))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".tsv"))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|name| format!("{dir}/{name}")));
    }

    let entity_texts: Vec<String> = forms::ENTITY_FILES
        .iter()
        .map(|file| {
            fs::read_to_string(Path::new("data").join(file))
                .unwrap_or_else(|e| panic!("data/{file}: {e}"))
        })
        .collect();
    let expanded = forms::expand_entity_files(&entity_texts);

    // The files of the text (all but the sorted lists) in order: constant name, doc line, lines.
    let mut parts: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut packed: Vec<u8> = Vec::new();
    let mut hi_function_words: Vec<String> = Vec::new();
    // The packed lines of the sorted list of `HI_COMMON`, in order (for the tagger's words).
    let mut hi_common_sorted: Vec<Vec<u8>> = Vec::new();
    let mut suffixes_uncapitalised: Vec<String> = Vec::new();
    let mut index = String::from(
        "// Generated by build.rs from data/**/*.tsv: where each file's text is in the data text, and each\n\
         // sorted list in sorted_lists.bin.\n",
    );
    let mut text_files: Vec<&str> = Vec::new();
    let mut longest_sorted_line = 0;
    for file in &files {
        println!("cargo:rerun-if-changed=data/{file}");
        let original = fs::read_to_string(Path::new("data").join(file))
            .unwrap_or_else(|e| panic!("data/{file}: {e}"));
        // The same test as every reader's: `line.trim().is_empty() || line.starts_with('#')`
        // lines are skipped by all of them (some skip more).
        let mut lines: Vec<&str> = original
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .collect();
        if file == HI_COMMON {
            let (function_words, rest) = split_common(&lines);
            hi_function_words = function_words.iter().map(|w| w.to_string()).collect();
            lines = rest;
        }
        if let Some(i) = forms::ENTITY_FILES.iter().position(|f| f == file) {
            lines = expanded[i].iter().map(String::as_str).collect();
        }
        let keyed = keyed_lines(file, &lines);
        if let Some(keyed) = &keyed {
            lines = keyed.iter().map(String::as_str).collect();
        }
        if file == SUFFIXES {
            let keys: Vec<&str> = lines.iter().filter_map(|l| l.split('\t').next()).collect();
            suffixes_uncapitalised = uncapitalised(&keys);
        }
        let name = constant_name(file);
        if SORTED_LISTS.contains(&file.as_str()) {
            let mut encoded: Vec<Vec<u8>> = lines
                .iter()
                .map(|line| {
                    let mut bytes = Vec::new();
                    encode(line, &mut bytes);
                    bytes
                })
                .collect();
            encoded.sort_unstable();
            encoded.dedup();
            if file == HI_COMMON {
                hi_common_sorted.clone_from(&encoded);
            }
            longest_sorted_line =
                longest_sorted_line.max(encoded.iter().map(Vec::len).max().unwrap_or(0));
            // src/data.rs reads a line into 256 bytes.
            assert!(
                longest_sorted_line < 256,
                "data/{file}: a line of 256 bytes or more"
            );
            let start = packed.len();
            packed.extend_from_slice(&front_code(&encoded));
            let number = SORTED_LISTS.iter().position(|f| f == file).unwrap_or(0);
            writeln!(
                index,
                "/// `data/{file}` without its comment lines: a sorted list.\npub const {name}: SortedList = SortedList {{ start: {start}, end: {}, number: {number} }};",
                packed.len(),
            )
            .unwrap();
            continue;
        }
        parts.push((
            name,
            format!("`data/{file}` without its comment lines."),
            lines.iter().map(|line| line.to_string()).collect(),
        ));
        text_files.push(file);
    }
    writeln!(
        index,
        "/// Every file but the sorted lists, by its path under `data/`.\npub const ALL: [(&str, File); {}] = [",
        text_files.len()
    )
    .unwrap();
    for file in &text_files {
        writeln!(index, "    ({file:?}, {}),", constant_name(file)).unwrap();
    }
    index.push_str("];\n");
    writeln!(
        index,
        "/// The sorted lists, by their paths under `data/`.\npub const SORTED: [(&str, SortedList); {}] = [",
        SORTED_LISTS.len()
    )
    .unwrap();
    for file in SORTED_LISTS {
        writeln!(index, "    ({file:?}, {}),", constant_name(file)).unwrap();
    }
    index.push_str("];\n");
    parts.push((
        "LEXICON_HI_FUNCTION_WORDS".to_string(),
        format!("Generated: the function words of `data/{HI_COMMON}` (see build.rs)."),
        hi_function_words.clone(),
    ));
    parts.push((
        "LEXICON_SUFFIXES_UNCAPITALISED".to_string(),
        format!(
            "Generated: the keys of `data/{SUFFIXES}` that upper-casing the first letter of \
             another word makes, when that letter is neither ASCII nor Devanagari (see build.rs)."
        ),
        suffixes_uncapitalised,
    ));
    let (text, text_packed, tables) = lay_out_text(&parts);
    for (name, doc, range) in tables.files {
        writeln!(
            index,
            "/// {doc}\npub const {name}: File = File {{ start: {}, end: {} }};",
            range.start, range.end
        )
        .unwrap();
    }
    writeln!(
        index,
        "/// How `data_text.bin` stores the text: the files with the same number of cells in a row \
         one after another, as a table, and each table column by column (see build.rs's \
         `lay_out_text`). For each table in text order: its number of rows, and where each of its \
         columns starts in `data_text.bin`.\npub const TEXT_TABLES: [(usize, &[usize]); {}] = [",
        tables.tables.len()
    )
    .unwrap();
    for (rows, starts) in &tables.tables {
        writeln!(index, "    ({rows}, &{starts:?}),").unwrap();
    }
    index.push_str("];\n");
    // src/data.rs packs a word to look up into a buffer of this size.
    writeln!(
        index,
        "/// The longest packed line of a sorted list, in bytes, rounded up.\npub const SORTED_LINE_MAX: usize = {};",
        longest_sorted_line.next_multiple_of(16)
    )
    .unwrap();
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    writeln!(
        index,
        "/// The length of the text that `data_text.bin` unpacks to, in bytes.\npub const TEXT_LEN: usize = {};",
        text.len()
    )
    .unwrap();
    fs::write(Path::new(&out).join("data_text.bin"), &text_packed).expect("write data_text.bin");
    fs::write(Path::new(&out).join("sorted_lists.bin"), &packed).expect("write sorted_lists.bin");
    if env::var_os("CARGO_FEATURE_TAGGER").is_some() {
        // The Hindi common words as src/data.rs's `hi_common_words` numbers them: the function
        // words in their stored order, then the sorted list's lines.
        let hi_common: Vec<Vec<u8>> = hi_function_words
            .iter()
            .map(|word| {
                let mut bytes = Vec::new();
                encode(word, &mut bytes);
                bytes
            })
            .chain(hi_common_sorted)
            .collect();
        model::write(Path::new(&out), &hi_common);
    }
    fs::write(Path::new(&out).join("data_files.rs"), index).expect("write data_files.rs");
    fs::write(Path::new(&out).join("unicode_tables.rs"), unicode_tables())
        .expect("write unicode_tables.rs");
    fs::write(Path::new(&out).join("char_blocks.rs"), char_blocks()).expect("write char_blocks.rs");
}

/// Where [`lay_out_text`] puts the files: each file's constant name, doc line and byte range in
/// the text, and each table's number of rows and where its columns start in the packed text.
struct TextLayout {
    files: Vec<(String, String, std::ops::Range<usize>)>,
    tables: Vec<(usize, Vec<usize>)>,
}

/// The text of `parts` (each a file's constant name, doc line and lines) and its packed form.
/// The text holds the files grouped by the number of cells in their rows (split at tabs; a file
/// whose rows differ counts as one cell a row), the groups fewest cells first, the files of a
/// group in order: each group is a table, whose rows are its files' lines. The packed text holds
/// each table column by column, each cell packed ([`encode`]) and ending in a line feed: the
/// cells of a column repeat (the kinds, the empty cells) or resemble each other (the names, the
/// Hindi forms) more than the cells of a row do, and gzip finds it: the wasm gzips about 3.5 KB
/// smaller than with the packed lines one after another. `src/data.rs` unpacks the text row by
/// row, once, on first use.
fn lay_out_text(parts: &[(String, String, Vec<String>)]) -> (String, Vec<u8>, TextLayout) {
    let width = |lines: &[String]| {
        let counts: std::collections::BTreeSet<usize> =
            lines.iter().map(|line| line.split('\t').count()).collect();
        match counts.len() {
            1 => counts.into_iter().next().unwrap_or(1),
            _ => 1,
        }
    };
    let widths: Vec<usize> = parts.iter().map(|part| width(&part.2)).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| widths[i]);
    let mut text = String::new();
    let mut packed = Vec::new();
    let mut layout = TextLayout {
        files: Vec::new(),
        tables: Vec::new(),
    };
    for group in order.chunk_by(|&a, &b| widths[a] == widths[b]) {
        let width = widths[group[0]];
        // src/data.rs's `TABLE_COLUMNS_MAX`.
        assert!(width <= 8, "a data file with more than 8 cells in a row");
        let mut rows: Vec<Vec<&str>> = Vec::new();
        for &i in group {
            let (name, doc, lines) = &parts[i];
            let start = text.len();
            for line in lines {
                text.push_str(line);
                text.push('\n');
                rows.push(match width {
                    1 => vec![line.as_str()],
                    _ => line.split('\t').collect(),
                });
            }
            layout
                .files
                .push((name.clone(), doc.clone(), start..text.len()));
        }
        let mut starts = Vec::new();
        for column in 0..width {
            starts.push(packed.len());
            for row in &rows {
                encode(row[column], &mut packed);
                packed.push(b'\n');
            }
        }
        layout.tables.push((rows.len(), starts));
    }
    (text, packed, layout)
}

/// `src/chars.rs`'s tables: for two blocks of 128 characters, Devanagari (U+0900..=U+097F) and
/// General Punctuation (U+2000..=U+207F), which are alphabetic, alphanumeric and numeric, as
/// the standard library answers (the build script's is the crate's: one compiler), so that
/// the first parse does not ask it 768 times.
fn char_blocks() -> String {
    const BLOCKS: [u32; 2] = [0x0900, 0x2000];
    let mut tables = String::new();
    for start in BLOCKS {
        let (mut alphabetic, mut alphanumeric, mut numeric) = (0u128, 0u128, 0u128);
        for bit in 0..128 {
            if let Some(c) = char::from_u32(start + bit) {
                alphabetic |= u128::from(c.is_alphabetic()) << bit;
                alphanumeric |= u128::from(c.is_alphanumeric()) << bit;
                numeric |= u128::from(c.is_numeric()) << bit;
            }
        }
        let bytes = |bits: u128| format!("{:?}", bits.to_le_bytes());
        tables.push_str(&format!(
            "    [{}, {}, {}],\n",
            bytes(alphabetic),
            bytes(alphanumeric),
            bytes(numeric)
        ));
    }
    format!(
        "/// The first character of each block.\n\
         const BLOCKS: [u32; 2] = {BLOCKS:#x?};\n\
         /// Per block, whether each character is alphabetic, alphanumeric, numeric: bit\n\
         /// `(c - start) % 8` of byte `(c - start) / 8`.\n\
         static TABLES: [[[u8; 16]; 3]; 2] = [\n{tables}];\n"
    )
}

/// `src/unicode.rs`'s tables, from the `unicode-normalization` crate: every combining mark (as
/// runs of code points, and as a bitmap for Devanagari), the canonical decomposition of every
/// Indic character (U+0900–U+0DFF) that has one, and the canonical compositions; then the lower
/// case ([`case_tables`]).
///
/// The long tables are byte strings of numbers in LEB128 (seven bits a byte, low first; the top
/// bit says another byte follows), most of them gaps between sorted code points: each gap takes
/// one or two bytes where a `u32` takes four, and the gaps repeat, which gzip finds (the tables
/// gzip to about half of `u32` columns). `src/unicode.rs` reads them into lists at first use.
fn unicode_tables() -> String {
    // Where runs of combining marks start and stop: the first mark of each run, and the first
    // character after it.
    let mut bounds: Vec<u32> = Vec::new();
    let mut devanagari: u128 = 0;
    for c in '\0'..=char::MAX {
        let code = u32::from(c);
        if unicode::is_combining_mark(c) != (bounds.len() % 2 == 1) {
            bounds.push(code);
        }
        if unicode::is_combining_mark(c) && (0x0900..0x0980).contains(&code) {
            devanagari |= 1 << (code - 0x0900);
        }
    }
    let mut out = String::from(
        "// Generated by build.rs from the unicode-normalization crate (see src/unicode.rs).\n",
    );
    byte_table(
        &mut out,
        "COMBINING_MARK_BOUNDS",
        "Where the runs of combining marks start and stop (the first mark of a run, then the first \
         character after it, and so on), as gaps from the one before (from 0).",
        &leb128(&gaps(&bounds)),
    );
    writeln!(
        out,
        "/// The combining marks of U+0900–U+097F: bit `c - 0x900`.\nconst DEVANAGARI_MARKS: u128 = {devanagari:#x};"
    )
    .unwrap();
    // As `u16` columns (every character involved is in U+0900–U+0DFF), without the slices'
    // pointers.
    let mut decomposed: Vec<u16> = Vec::new();
    let mut parts_of: Vec<[u16; 3]> = Vec::new();
    for c in '\u{0900}'..='\u{0DFF}' {
        let mut parts = Vec::new();
        unicode::decompose_indic(c, |d| parts.push(d));
        if parts != [c] {
            assert!(
                parts.len() <= 3,
                "an Indic decomposition of more than three characters"
            );
            let mut row = [0u16; 3];
            for (slot, part) in row.iter_mut().zip(&parts) {
                *slot = u16::try_from(u32::from(*part)).expect("a decomposition in the BMP");
            }
            decomposed.push(u16::try_from(u32::from(c)).expect("an Indic character"));
            parts_of.push(row);
        }
    }
    writeln!(
        out,
        "/// The characters of U+0900–U+0DFF that have a canonical decomposition, in order.\n\
         static INDIC_DECOMPOSED: [u16; {}] = {decomposed:#x?};\n\
         /// Their decompositions, in step: two or three characters, a 0 after two.\n\
         static INDIC_DECOMPOSITIONS: [[u16; 3]; {}] = {parts_of:#x?};",
        decomposed.len(),
        parts_of.len(),
    )
    .unwrap();
    // In columns, which gzip better than rows: the first characters once each with their
    // number of compositions, the second characters as their number in the list of second
    // characters (72 of them, so one byte each), and the composed characters as the difference
    // from the one before (in the order of the pairs, most are near it).
    let compositions = compositions();
    let mut marks: Vec<u32> = compositions.iter().map(|p| u32::from(p.1)).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut firsts: Vec<(u32, u32)> = Vec::new();
    let mut composed: Vec<u32> = Vec::new();
    let mut before = 0;
    for &(a, _, c) in &compositions {
        match firsts.last_mut() {
            Some(last) if last.0 == u32::from(a) => last.1 += 1,
            _ => firsts.push((u32::from(a), 1)),
        }
        composed.push(zigzag(i64::from(u32::from(c)) - i64::from(before)));
        before = u32::from(c);
    }
    let starts: Vec<u32> = firsts.iter().map(|f| f.0).collect();
    let first_gaps: Vec<u32> = gaps(&starts)
        .into_iter()
        .zip(&firsts)
        .flat_map(|(gap, f)| [gap, f.1])
        .collect();
    byte_table(
        &mut out,
        "COMPOSITION_FIRSTS",
        "Every canonical composition but Hangul's, in order of its pair of characters: each first \
         character, as the gap from the one before (from 0), and how many compositions it begins.",
        &leb128(&first_gaps),
    );
    byte_table(
        &mut out,
        "COMPOSITION_MARKS",
        "The second characters of the compositions, each once, as gaps from the one before (from 0).",
        &leb128(&gaps(&marks)),
    );
    let seconds: Vec<u8> = compositions
        .iter()
        .map(|p| {
            let i = marks.binary_search(&u32::from(p.1)).unwrap();
            u8::try_from(i).expect("at most 256 second characters")
        })
        .collect();
    byte_table(
        &mut out,
        "COMPOSITION_SECONDS",
        "The second character of each composition, as its number in `COMPOSITION_MARKS`.",
        &seconds,
    );
    byte_table(
        &mut out,
        "COMPOSITIONS",
        "The character each composition gives, as the difference from the one before (from 0), \
         zigzag-coded (0, -1, 1, -2 … as 0, 1, 2, 3 …).",
        &leb128(&composed),
    );
    out.push_str(&case_tables());
    out
}

/// The gaps between the sorted `numbers`, the first one's from 0.
fn gaps(numbers: &[u32]) -> Vec<u32> {
    let mut before = 0;
    numbers
        .iter()
        .map(|&n| {
            let gap = n - before;
            before = n;
            gap
        })
        .collect()
}

/// `n` as an unsigned number, small for numbers near 0: 0, -1, 1, -2 … as 0, 1, 2, 3 ….
fn zigzag(n: i64) -> u32 {
    u32::try_from(if n < 0 { -2 * n - 1 } else { 2 * n }).expect("a difference within u32")
}

/// `numbers` in LEB128 (seven bits a byte, the lowest first, the top bit set on every byte but
/// a number's last), one after another, as the tagger model's coding writes them.
fn leb128(numbers: &[u32]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for &n in numbers {
        model::rows::leb128(&mut bytes, n);
    }
    bytes
}

/// Writes `bytes` to `out` as `static name: [u8; _]`, documented with `doc`.
fn byte_table(out: &mut String, name: &str, doc: &str, bytes: &[u8]) {
    writeln!(
        out,
        "/// {doc}\nstatic {name}: [u8; {}] = {bytes:?};",
        bytes.len()
    )
    .unwrap();
}

/// `src/unicode.rs`'s lower-case tables, from this toolchain's own `char::to_lowercase` and
/// `str::to_lowercase` (the same `core` the wasm is built with), so they map every character as
/// Rust does: the single-character mappings as runs (a first and last code point, every one or
/// every second character between them, each moved by the same distance), the few characters
/// that become two or more, and for the final-sigma rule of `str::to_lowercase` whether each
/// character is case-ignorable, cased or neither, as ranges. In LEB128, as [`unicode_tables`]'s.
fn case_tables() -> String {
    let mut out = String::new();
    // (first, last, delta, stride)
    let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
    let mut multi = Vec::new();
    let mut last_mapped = 0;
    for c in '\0'..=char::MAX {
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower == [c] {
            continue;
        }
        let code = u32::from(c);
        if lower.len() > 1 {
            multi.push((c, lower));
            continue;
        }
        let delta = i64::from(u32::from(lower[0])) - i64::from(code);
        match runs.last_mut() {
            Some(run)
                if run.2 == delta
                    && run.1 == last_mapped
                    && ((run.0 == run.1 && code - run.1 <= 2) || code - run.1 == run.3) =>
            {
                run.3 = code - run.1;
                run.1 = code;
            }
            _ => runs.push((code, code, delta, 1)),
        }
        last_mapped = code;
    }
    let mut numbers = Vec::new();
    let mut before = 0;
    for (first, last, delta, stride) in runs {
        numbers.extend([
            first - before,
            (last - first) / stride * 2 + (stride - 1),
            zigzag(delta),
        ]);
        before = last;
    }
    byte_table(
        &mut out,
        "LOWER_RUNS",
        "The characters whose lower case is one other character, in runs of three numbers: the \
         gap from the last character of the run before (from 0) to the first, the number of \
         characters after the first times 2 (plus 1 when only every second character is in the \
         run), and the distance to the lower case, zigzag-coded (see `COMPOSITIONS`).",
        &leb128(&numbers),
    );
    assert!(
        multi.iter().all(|(_, lower)| lower.len() == 2),
        "a lower case of three characters"
    );
    writeln!(
        out,
        "/// The characters whose lower case is two characters.\nstatic LOWER_PAIRS: [(char, [char; 2]); {}] = [",
        multi.len()
    )
    .unwrap();
    for (c, lower) in multi {
        writeln!(out, "    ({c:?}, [{:?}, {:?}]),", lower[0], lower[1]).unwrap();
    }
    out.push_str("];\n");
    // After a cased letter, Σ is final (ς) when what follows, past case-ignorable characters, is
    // not cased: "aΣc" has σ only when c is cased and not ignorable, "aΣcb" has ς only when c is
    // neither.
    let sigma = |text: String| text.chars().nth(1) == Some('σ');
    let mut classes: Vec<(u32, u8)> = Vec::new();
    for c in '\0'..=char::MAX {
        let class = if sigma(format!("AΣ{c}").to_lowercase()) {
            CASED
        } else if !sigma(format!("AΣ{c}B").to_lowercase()) {
            0
        } else {
            IGNORABLE
        };
        if classes.last().map(|&(_, last)| last) != Some(class) {
            classes.push((u32::from(c), class));
        }
    }
    let starts: Vec<u32> = classes.iter().map(|c| c.0).collect();
    byte_table(
        &mut out,
        "CASE_CLASS_STARTS",
        "The code points from which on the characters are of the class in `CASE_CLASSES`, as gaps \
         from the one before (from 0).",
        &leb128(&gaps(&starts)),
    );
    let kinds: Vec<u8> = classes.iter().map(|c| c.1).collect();
    byte_table(
        &mut out,
        "CASE_CLASSES",
        &format!(
            "From each of `CASE_CLASS_STARTS` on, the characters are cased ({CASED}), \
             case-ignorable ({IGNORABLE}) or neither (0), as the final-sigma rule of \
             `str::to_lowercase` sees them."
        ),
        &kinds,
    );
    out
}

/// The classes of [`case_tables`]'s `CASE_CLASSES`.
const CASED: u8 = 1;
const IGNORABLE: u8 = 2;

/// Every pair that `unicode_normalization::char::compose` composes, but Hangul's (a leading and
/// a vowel jamo, a syllable and a trailing jamo: computed, not listed, and never asked for by
/// the normaliser, whose second characters are combining marks). A composed character's
/// decomposition is made of the pair's full decompositions, so the pair is among the
/// characters that decompose and those that decompositions hold.
fn compositions() -> Vec<(char, char, char)> {
    let hangul =
        |c: char| ('\u{1100}'..='\u{11FF}').contains(&c) || ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let mut firsts = std::collections::BTreeSet::new();
    let mut seconds = std::collections::BTreeSet::new();
    for c in '\0'..=char::MAX {
        let mut parts = Vec::new();
        unicode::decompose_indic(c, |d| parts.push(d));
        if parts == [c] || hangul(c) {
            continue;
        }
        firsts.insert(c);
        firsts.insert(parts[0]);
        seconds.insert(c);
        seconds.extend(&parts[1..]);
    }
    let mut pairs = Vec::new();
    for &a in &firsts {
        for &b in &seconds {
            if let Some(c) = unicode::compose(a, b) {
                pairs.push((a, b, c));
            }
        }
    }
    pairs
}

/// The lines of `file` with their lookup keys as the code makes them, for the files whose
/// keys it makes (`None` for the others):
/// - `structure/*`: the first cell as `markers::key` makes it (normalised, words joined by one
///   space, lower case);
/// - `lexicon/titles.tsv`, `lexicon/suffixes.tsv`: the first cell as `lexicon::affix_key`
///   (normalised, without a final full stop, words joined by one space);
/// - `quotes/*`: the form after the first tab as `cues::Lexicon` reads it (normalised, lower
///   case).
///
/// A key that comes out empty is a data error: the build stops.
fn keyed_lines(file: &str, lines: &[&str]) -> Option<Vec<String>> {
    let key_first_cell = |key: &dyn Fn(&str) -> String| -> Vec<String> {
        lines
            .iter()
            .map(|line| {
                let (first, rest) = line
                    .split_once('\t')
                    .map_or((*line, None), |(f, r)| (f, Some(r)));
                let first = key(first);
                if first.is_empty() {
                    panic!("data/{file}: the row {line:?} has an empty key");
                }
                match rest {
                    Some(rest) => format!("{first}\t{rest}"),
                    None => first,
                }
            })
            .collect()
    };
    if file.starts_with("structure/") {
        Some(key_first_cell(&|cell| marker_key(cell.trim())))
    } else if file == "lexicon/titles.tsv" || file == "lexicon/suffixes.tsv" {
        Some(key_first_cell(&affix_key))
    } else if file.starts_with("quotes/") {
        Some(
            lines
                .iter()
                .map(|line| match line.trim_end().split_once('\t') {
                    Some((kind, form)) => format!("{kind}\t{}", cue_form(form)),
                    None => line.to_string(),
                })
                .collect(),
        )
    } else {
        None
    }
}

/// `src/structure/markers.rs`'s `key`.
fn marker_key(text: &str) -> String {
    let normal = normalize::Normalized::new(text);
    let mut out = String::with_capacity(text.len());
    for word in normal.text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        word.chars()
            .for_each(|c| normalize::push_lowercase(&mut out, c));
    }
    out
}

/// `src/mentions/lexicon.rs`'s `affix_key`.
fn affix_key(form: &str) -> String {
    let norm = normalize::Normalized::new(form.trim()).text.into_owned();
    norm.trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cue form as `src/quotes/cues.rs` reads it, which splits it at ASCII whitespace only.
fn cue_form(form: &str) -> String {
    let form = normalize::Normalized::new(form.trim()).text.to_lowercase();
    if form
        .chars()
        .any(|c| c.is_whitespace() && !c.is_ascii_whitespace())
    {
        panic!("data/quotes: the cue {form:?} has a space other than an ASCII one");
    }
    form
}

/// The rows of `HI_COMMON` split into its function words (rank order) and the other words
/// (sorted), each word once, by the rank of its last row.
fn split_common<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut rank: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, line) in lines.iter().enumerate() {
        rank.insert(line.split('\t').next().unwrap_or("").trim(), n);
    }
    let mut function_words: Vec<&str> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    for (word, &n) in &rank {
        if n < FUNCTION_WORD_RANK {
            function_words.push(word);
        } else {
            rest.push(word);
        }
    }
    function_words.sort_unstable_by_key(|w| rank[w]);
    rest.sort_unstable();
    (function_words, rest)
}

/// For the lexicon's test "is `word` with its first letter upper-cased a suffix key" ("the
/// party" → "Party") without Unicode's upper-case table at run time: the lexicon upper-cases an
/// ASCII letter itself, and Devanagari has no case; for the other first letters, these lines
/// say which words make which key: `word\tkey` for every character `c` that is neither and
/// whose upper case (`char::to_uppercase`, one or more letters) begins a key, `word` being `c`
/// and the rest of the key ("ſteel\tSteel", "ßa\tSSa").
fn uncapitalised(keys: &[&str]) -> Vec<String> {
    let first_letters: std::collections::BTreeSet<char> =
        keys.iter().filter_map(|k| k.chars().next()).collect();
    let mut lines = std::collections::BTreeSet::new();
    for c in '\0'..=char::MAX {
        if c.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&c) {
            continue;
        }
        let mut upper = c.to_uppercase();
        if !upper
            .clone()
            .next()
            .is_some_and(|u| first_letters.contains(&u))
        {
            continue;
        }
        let upper: String = upper.by_ref().collect();
        for key in keys {
            if let Some(rest) = key.strip_prefix(upper.as_str()) {
                lines.insert(format!("{c}{rest}\t{key}"));
            }
        }
    }
    lines.into_iter().collect()
}

/// `lexicon/hi_common.tsv` → `LEXICON_HI_COMMON`.
fn constant_name(file: &str) -> String {
    file.trim_end_matches(".tsv")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The packed lines `sorted` (in byte order, each once) front-coded: each line as the number of
/// bytes to drop from the end of the line before (one byte; the first line drops from an empty
/// line) and the bytes that follow those it keeps, ending in a line feed. (Dropped bytes gzip
/// about 0.7 KB smaller than kept bytes: the count is small and repeats. Without blocks of whole
/// lines, which `src/data.rs` makes in memory at first use, the lists gzip about 1.5 KB smaller
/// than in blocks of 64 lines with their offsets.)
fn front_code(sorted: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut before: &[u8] = &[];
    for line in sorted {
        let shared = before.iter().zip(line).take_while(|(a, b)| a == b).count();
        let drop = u8::try_from(before.len() - shared).expect("lines under 256 bytes");
        bytes.push(drop);
        bytes.extend_from_slice(&line[shared..]);
        bytes.push(b'\n');
        before = line;
    }
    bytes
}

fn encode(line: &str, out: &mut Vec<u8>) {
    for c in line.chars() {
        let code = u32::from(c);
        if c.is_ascii() && c != '\u{1}' {
            out.push(code as u8);
        } else if (0x0900..0x0980).contains(&code) {
            out.push(0x80 + (code - 0x0900) as u8);
        } else {
            out.push(1);
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}
