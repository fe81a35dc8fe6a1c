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
    let all = TEXT.get_or_init(|| unpack(PACKED));
    all.get(file.start..file.end).unwrap_or("")
}

/// Undoes `build.rs`'s encoding (the files' ranges are in the unpacked UTF-8 text).
fn unpack(packed: &[u8]) -> String {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut i = 0;
    while i < packed.len() {
        let b = packed[i];
        i += 1;
        if b >= 0x80 {
            let code = 0x0900 + u32::from(b - 0x80);
            out.extend_from_slice(&[
                0xE0,
                0x80 | ((code >> 6) & 0x3F) as u8,
                0x80 | (code & 0x3F) as u8,
            ]);
        } else if b == 1 {
            let len = match packed.get(i) {
                Some(0xC0..=0xDF) => 2,
                Some(0xE0..=0xEF) => 3,
                _ => 4,
            };
            out.extend_from_slice(packed.get(i..i + len).unwrap_or(&[]));
            i += len;
        } else {
            out.push(b);
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
            unpack(&packed[..7]),
            "aक“\n",
            "should unpack ASCII, Devanagari and UTF-8"
        );
        assert_eq!(
            unpack(&packed),
            "aक“\n",
            "should drop a cut-off character at the end, not panic"
        );
    }
}
