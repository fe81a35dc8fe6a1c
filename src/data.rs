//! The language data files (`data/**/*.tsv`), embedded as `build.rs` writes them: without their
//! comment and blank lines, ready to read, so that nothing is unpacked or copied on the first
//! parse.
//!
//! [`text`] gives a file's lines as `&'static str`; the file constants ([`LEXICON_PEOPLE`],
//! [`STRUCTURE_READ_ALSO`], ...) are generated from the directory listing, so a missing file is
//! a compile error. The two big word lists ([`LEXICON_HI_COMMON`], [`LEXICON_EN_WORDS`]) are
//! [`SortedList`]s instead, stored packed (one byte per Devanagari letter) and searched with
//! [`contains`] as they are.

/// Where one file's text is in the embedded data (a UTF-8 byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    start: usize,
    end: usize,
}

/// Where one sorted word list is in the packed lists (a byte range of packed lines, each ending
/// in a line feed, in byte order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortedList {
    start: usize,
    end: usize,
}

include!(concat!(env!("OUT_DIR"), "/data_files.rs"));

static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/data.txt"));
static SORTED_LISTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sorted_lists.bin"));

/// The text of `file`: its data lines, each ending in `\n`.
pub fn text(file: File) -> &'static str {
    TEXT.get(file.start..file.end).unwrap_or("")
}

/// Whether `word` is a line of `list`.
pub fn contains(list: SortedList, word: &str) -> bool {
    let lines = SORTED_LISTS.get(list.start..list.end).unwrap_or(&[]);
    // Packed on the stack: the buffer holds the longest line (`build.rs` sizes it), so a word
    // that does not fit is in no list.
    let mut buffer = [0u8; SORTED_LINE_MAX];
    match encode_into(word, &mut buffer) {
        Some(len) => sorted_contains(lines, &buffer[..len]),
        None => false,
    }
}

/// Whether `word` is one of the lines of `sorted` (lines in byte order, each ending in a line
/// feed), by binary search: each step compares the line around the middle of the range.
fn sorted_contains(sorted: &[u8], word: &[u8]) -> bool {
    // `lo..hi` always holds whole lines.
    let (mut lo, mut hi) = (0, sorted.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = sorted[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = sorted[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        match sorted[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// `build.rs`'s packed encoding of `word` (see there) into `buffer`: ASCII as it is, a
/// Devanagari letter as one byte `0x80 + n`, any other character as 0x01 and its UTF-8. The
/// length, or `None` if it does not fit.
fn encode_into(word: &str, buffer: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        let code = u32::from(c);
        if c.is_ascii() && c != '\u{1}' {
            *buffer.get_mut(len)? = code as u8;
            len += 1;
        } else if (0x0900..0x0980).contains(&code) {
            *buffer.get_mut(len)? = 0x80 + (code - 0x0900) as u8;
            len += 1;
        } else {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let end = len + 1 + bytes.len();
            buffer.get_mut(len..end)?[0] = 1;
            buffer[len + 1..end].copy_from_slice(bytes);
            len = end;
        }
    }
    Some(len)
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

    fn read(path: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        std::fs::read_to_string(dir.join(path)).expect("should read the file")
    }

    #[test]
    fn every_file_is_its_data_lines() {
        for (path, file) in ALL {
            let original = read(path);
            let mut want = lines(&original);
            let got = lines(text(file));
            assert!(!got.is_empty(), "should embed data lines of {path}");
            let expanded: Vec<Vec<String>>;
            let entity_files = crate::mentions::forms::ENTITY_FILES;
            if let Some(i) = entity_files.iter().position(|&f| f == path) {
                // Embedded with the forms expanded.
                let texts: Vec<String> = entity_files.iter().map(|f| read(f)).collect();
                expanded = crate::mentions::forms::expand_entity_files(&texts);
                want = expanded[i].iter().map(String::as_str).collect();
            }
            let keyed: Vec<String> = want.iter().map(|line| keyed(path, line)).collect();
            assert_eq!(got, keyed, "should embed {path} as its data lines");
        }
    }

    /// `line` of the file `path` with its lookup key as the code makes it (what build.rs
    /// stores, so that the first parse does not make it).
    fn keyed(path: &str, line: &str) -> String {
        let with_first = |key: String| match line.split_once('\t') {
            Some((_, rest)) => format!("{key}\t{rest}"),
            None => key,
        };
        let first = line.split('\t').next().unwrap_or("");
        if path.starts_with("structure/") {
            with_first(crate::structure::markers::key(first.trim()))
        } else if path == "lexicon/titles.tsv" || path == "lexicon/suffixes.tsv" {
            with_first(crate::mentions::lexicon::affix_key(first))
        } else if path.starts_with("quotes/") {
            match line.trim_end().split_once('\t') {
                Some((kind, form)) => {
                    let form = crate::normalize::Normalized::new(form.trim()).text;
                    format!("{kind}\t{}", form.to_lowercase())
                }
                None => line.to_string(),
            }
        } else {
            line.to_string()
        }
    }

    /// The words of `hi_common.tsv` by rank (the last row of a word that occurs twice).
    fn hi_common_ranks(original: &str) -> std::collections::HashMap<&str, usize> {
        let mut rank = std::collections::HashMap::new();
        for (n, line) in lines(original).into_iter().enumerate() {
            rank.insert(line.split('\t').next().unwrap_or("").trim(), n);
        }
        rank
    }

    #[test]
    fn sorted_lists_find_every_word_and_no_other() {
        for (path, list) in SORTED {
            let original = read(path);
            let words: Vec<&str> = if path == "lexicon/hi_common.tsv" {
                // Stored without its function words (the first 300 rows).
                hi_common_ranks(&original)
                    .into_iter()
                    .filter(|&(_, n)| n >= 300)
                    .map(|(w, _)| w)
                    .collect()
            } else {
                lines(&original)
            };
            assert!(words.len() > 1000, "should read the words of {path}");
            for word in &words {
                assert!(contains(list, word), "should find {word:?} in {path}");
            }
            let packed = &SORTED_LISTS[list.start..list.end];
            let packed_lines: Vec<&[u8]> = packed.split(|&b| b == b'\n').collect();
            assert!(
                packed_lines[..packed_lines.len() - 1]
                    .windows(2)
                    .all(|w| w[0] <= w[1]),
                "should store {path} sorted"
            );
            for word in ["", "zzzzqx", "किमजोंग", "“", &"a".repeat(500)] {
                assert!(
                    !words.contains(&word) && !contains(list, word),
                    "should not find {word:?} in {path}"
                );
            }
        }
    }

    #[test]
    fn keeps_the_function_words_of_hi_common_apart() {
        let original = read("lexicon/hi_common.tsv");
        let rank = hi_common_ranks(&original);
        let function_words = lines(text(LEXICON_HI_FUNCTION_WORDS));
        assert!(
            function_words
                .iter()
                .all(|w| rank.get(w).is_some_and(|&n| n < 300)),
            "should keep the first 300 words apart"
        );
        assert_eq!(
            function_words.len(),
            rank.values().filter(|&&n| n < 300).count(),
            "should keep every function word once"
        );
        assert!(
            function_words
                .iter()
                .all(|w| !contains(LEXICON_HI_COMMON, w)),
            "should not list a function word with the other words"
        );
    }

    #[test]
    fn finds_a_word_in_sorted_lines() {
        let sorted = b"and\nbe\ncat\ncats\ndog\n";
        for word in ["and", "be", "cat", "cats", "dog"] {
            assert!(
                sorted_contains(sorted, word.as_bytes()),
                "should find {word}"
            );
        }
        for word in ["", "a", "ca", "catz", "do", "zebra", "cat\n"] {
            assert!(
                !sorted_contains(sorted, word.as_bytes()),
                "should not find {word:?}"
            );
        }
        assert!(
            !sorted_contains(b"", b"a"),
            "should find nothing in no lines"
        );
    }

    #[test]
    fn packs_ascii_devanagari_and_other_characters() {
        let mut buffer = [0u8; 8];
        let len = encode_into("aक“", &mut buffer);
        assert_eq!(
            len.map(|n| &buffer[..n]),
            Some(&[b'a', 0x80 + 0x15, 1, 0xE2, 0x80, 0x9C][..]),
            "should pack ASCII, Devanagari and other UTF-8"
        );
        assert_eq!(
            encode_into("abcdefghi", &mut buffer),
            None,
            "should say when a word does not fit"
        );
    }
}
