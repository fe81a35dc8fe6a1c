//! The language data files (`data/**/*.tsv`), embedded in the compact form that `build.rs`
//! packs them into (no comment lines, one byte per Devanagari letter, set files sorted) and
//! unpacked once, on first use, into text that the readers parse like the files themselves.
//!
//! [`text`] gives a file's lines (without its comment and blank lines) as `&'static str`; the
//! file constants ([`LEXICON_PEOPLE`], [`STRUCTURE_READ_ALSO`], ...) are generated from the
//! directory listing, so a missing file is a compile error.

use std::sync::OnceLock;

/// Where one file's text is in the unpacked data (a UTF-8 byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    start: usize,
    end: usize,
}

include!(concat!(env!("OUT_DIR"), "/data_files.rs"));

static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.bin"));

/// The text of `file`: its data lines, each ending in `\n`.
pub fn text(file: File) -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    let all = TEXT.get_or_init(|| unpack(PACKED, UNPACKED_LEN));
    all.get(file.start..file.end).unwrap_or("")
}

/// Undoes `build.rs`'s encoding (the files' ranges are in the unpacked UTF-8 text), into a
/// buffer of the unpacked length `len` (known at build time; a wrong one only costs a copy).
///
/// This runs on the first parse, before the browser has optimised the code: ASCII runs are
/// copied whole, and a Devanagari letter is three byte writes.
fn unpack(packed: &[u8], len: usize) -> String {
    let mut out = Vec::with_capacity(len);
    let mut rest = packed;
    while !rest.is_empty() {
        let ascii = rest
            .iter()
            .position(|&b| b >= 0x80 || b == 1)
            .unwrap_or(rest.len());
        out.extend_from_slice(&rest[..ascii]);
        rest = &rest[ascii..];
        // Devanagari letters, one byte each: U+0900 + n is E0 A4|A5 xx in UTF-8.
        let letters = rest.iter().take_while(|&&b| b >= 0x80).count();
        let at = out.len();
        out.resize(at + 3 * letters, 0);
        for (utf8, &b) in out[at..].chunks_exact_mut(3).zip(&rest[..letters]) {
            let n = b - 0x80;
            utf8.copy_from_slice(&[0xE0, 0xA4 + (n >> 6), 0x80 | (n & 0x3F)]);
        }
        rest = &rest[letters..];
        if let Some((1, tail)) = rest.split_first() {
            let len = match tail.first() {
                Some(0xC0..=0xDF) => 2,
                Some(0xE0..=0xEF) => 3,
                _ => 4,
            };
            out.extend_from_slice(tail.get(..len).unwrap_or(&[]));
            rest = tail.get(len..).unwrap_or(&[]);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The data lines of a file as the readers see them.
    fn lines(text: &str) -> Vec<&str> {
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .collect()
    }

    #[test]
    fn every_file_unpacks_to_its_data_lines() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for (path, file) in ALL {
            let original = std::fs::read_to_string(dir.join(path)).expect("should read the file");
            let mut want = lines(&original);
            let mut got = lines(text(file));
            assert!(!got.is_empty(), "should unpack data lines of {path}");
            let expanded: Vec<Vec<String>>;
            let entity_files = crate::mentions::forms::ENTITY_FILES;
            if let Some(i) = entity_files.iter().position(|&f| f == path) {
                // Packed with the forms expanded.
                let texts: Vec<String> = entity_files
                    .iter()
                    .map(|f| std::fs::read_to_string(dir.join(f)).expect("should read the file"))
                    .collect();
                expanded = crate::mentions::forms::expand_entity_files(&texts);
                want = expanded[i].iter().map(String::as_str).collect();
            }
            let rest: Vec<&str>;
            if path == "lexicon/hi_common.tsv" {
                // Stored without its function words (the first rows; a repeated word counts at
                // its last row), which are in `LEXICON_HI_FUNCTION_WORDS`.
                let mut rank = std::collections::HashMap::new();
                for (n, line) in want.iter().enumerate() {
                    rank.insert(line.split('\t').next().unwrap_or("").trim(), n);
                }
                let function_words = lines(text(LEXICON_HI_FUNCTION_WORDS));
                assert!(
                    function_words
                        .iter()
                        .all(|w| rank.get(w).is_some_and(|&n| n < 300)),
                    "should keep the first 300 words apart"
                );
                rest = rank
                    .iter()
                    .filter(|(_, &n)| n >= 300)
                    .map(|(w, _)| *w)
                    .collect();
                want = rest.clone();
                assert_eq!(
                    function_words.len() + rest.len(),
                    rank.len(),
                    "should keep every word once"
                );
                want.sort_unstable();
                assert!(
                    got.windows(2).all(|w| w[0] < w[1]),
                    "should store the other words sorted, each once"
                );
            }
            if path == "lexicon/en_words.tsv" {
                // Stored sorted: the code reads it as a set.
                want.sort_unstable();
                got.sort_unstable();
            }
            assert_eq!(got, want, "should unpack {path} to the same lines");
        }
    }

    #[test]
    fn unpacking_keeps_other_scripts_and_survives_a_truncated_escape() {
        let packed = [b'a', 0x80 + 0x15, 1, 0xE2, 0x80, 0x9C, b'\n', 1, 0xE2];
        assert_eq!(
            unpack(&packed[..7], 7),
            "aक“\n",
            "should unpack ASCII, Devanagari and UTF-8"
        );
        assert_eq!(
            unpack(&packed, 0),
            "aक“\n",
            "should drop a cut-off character at the end, not panic"
        );
    }
}
