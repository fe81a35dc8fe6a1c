//! The language data files (`data/**/*.tsv`), embedded as `build.rs` writes them: without their
//! comment and blank lines, with their lookup keys made, one text stored packed (one byte per
//! Devanagari letter, which gzips about 4 KB smaller than UTF-8) and unpacked once, on first use
//! (about 1.8 M instructions natively, a tenth of a first parse).
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

/// Where one sorted word list is in the packed lists: a byte range of front-coded blocks (see
/// `build.rs`), and which of the block offsets are its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortedList {
    start: usize,
    end: usize,
    first_block: usize,
    end_block: usize,
}

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/data_files.rs"));

/// The files' text, packed (see `build.rs`'s `encode`, and [`unpack`]).
static TEXT_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data_text.bin"));
static SORTED_LISTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sorted_lists.bin"));
/// Where each block of the sorted lists starts in [`SORTED_LISTS`] (u16, little-endian, from the
/// start of its list).
static SORTED_BLOCKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sorted_blocks.bin"));

/// The text of `file`: its data lines, each ending in `\n`.
pub fn text(file: File) -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| unpack(TEXT_PACKED, TEXT_LEN))
        .get(file.start..file.end)
        .unwrap_or("")
}

/// The words of `bytes`, packed (see [`unpack`]) and front-coded as `build/model.rs` writes the
/// tagger's never-begin words: each word is how many bytes of the word before it to drop (one
/// byte), the bytes that follow and a line feed. A word cut short ends the list.
#[cfg_attr(not(feature = "tagger"), allow(dead_code))]
pub fn unpack_front_coded(bytes: &[u8]) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Vec<u8> = Vec::new();
    let mut at = 0;
    while let Some(&drop) = bytes.get(at) {
        let rest = &bytes[at + 1..];
        let Some(len) = rest.iter().position(|&b| b == b'\n') else {
            break;
        };
        word.truncate(word.len().saturating_sub(usize::from(drop)));
        word.extend_from_slice(&rest[..len]);
        words.push(unpack(&word, word.len()));
        at += 1 + len + 1;
    }
    words
}

/// The UTF-8 of `packed` (`build.rs`'s packed encoding, as [`encode_into`] writes it), which is
/// `len` bytes long; empty if `packed` is not such an encoding (never, for the embedded text).
/// Written a character at a time, so that the result needs no UTF-8 check.
fn unpack(packed: &[u8], len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut bytes = packed.iter();
    while let Some(&b) = bytes.next() {
        if b >= 0x80 {
            // 0x900 + (b - 0x80), one of the 128 Devanagari code points.
            out.push(char::from_u32(0x0880 + u32::from(b)).unwrap_or('\0'));
        } else if b != 1 {
            out.push(char::from(b));
        } else {
            // One other character in UTF-8: its first byte says how many bytes.
            let rest = bytes.as_slice();
            let width = match rest.first() {
                Some(0xF0..) => 4,
                Some(0xE0..) => 3,
                Some(0xC0..) => 2,
                _ => 1,
            };
            let Some(c) = rest
                .get(..width)
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
            else {
                return String::new();
            };
            out.push_str(c);
            bytes = rest[width..].iter();
        }
    }
    out
}

/// Whether `word` is a line of `list`.
pub fn contains(list: SortedList, word: &str) -> bool {
    contains_packed(list, word, false)
}

/// Whether `word` in ASCII lower case (as [`str::to_ascii_lowercase`] makes it) is a line of
/// `list`, without making that lower case.
pub fn contains_ascii_lowercase(list: SortedList, word: &str) -> bool {
    contains_packed(list, word, true)
}

fn contains_packed(list: SortedList, word: &str, lower: bool) -> bool {
    let starts = SORTED_BLOCKS
        .get(list.first_block * 2..list.end_block * 2)
        .unwrap_or(&[]);
    let bytes = SORTED_LISTS.get(list.start..list.end).unwrap_or(&[]);
    // Packed on the stack: the buffer holds the longest line (`build.rs` sizes it), so a word
    // that does not fit is in no list.
    let mut buffer = [0u8; SORTED_LINE_MAX];
    match encode_into(word, &mut buffer) {
        Some(len) => {
            let word = &mut buffer[..len];
            if lower {
                // Packing leaves ASCII as it is and writes no other byte below 0x80 but the
                // escape 0x01, so this lowers the ASCII letters only.
                word.make_ascii_lowercase();
            }
            let keys = block_keys()
                .get(list.first_block..list.end_block)
                .unwrap_or(&[]);
            front_coded_contains(bytes, starts, keys, word)
        }
        None => false,
    }
}

/// The first four bytes of every block's first line, as [`prefix_key`] makes them, for all the
/// sorted lists' blocks in order: made at first use (a few thousand instructions), they narrow
/// a lookup's binary search to the blocks whose first line begins as the word does.
fn block_keys() -> &'static [u32] {
    static KEYS: OnceLock<Vec<u32>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = Vec::with_capacity(SORTED_BLOCKS.len() / 2);
        for (_, list) in SORTED {
            let starts = SORTED_BLOCKS
                .get(list.first_block * 2..list.end_block * 2)
                .unwrap_or(&[]);
            let bytes = SORTED_LISTS.get(list.start..list.end).unwrap_or(&[]);
            keys.extend(first_line_keys(bytes, starts));
        }
        keys
    })
}

/// [`prefix_key`] of the first line of each block of `bytes` that `starts` (u16, little-endian)
/// gives.
fn first_line_keys<'a>(bytes: &'a [u8], starts: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
    starts.chunks_exact(2).map(move |start| {
        let at = usize::from(u16::from_le_bytes([start[0], start[1]]));
        let line = bytes.get(at..).unwrap_or(&[]);
        let len = line.iter().take(4).position(|&b| b == b'\n').unwrap_or(4);
        prefix_key(&line[..len.min(line.len())])
    })
}

/// The first four bytes of `line` as a big-endian number, with zeros after a shorter line: lines
/// compare as their keys do, or have the same key (no packed line holds a zero byte).
fn prefix_key(line: &[u8]) -> u32 {
    let byte = |i: usize| line.get(i).copied().map_or(0, u32::from);
    byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)
}

/// How the line that starts at `bytes[at..]` (up to a line feed or the end) compares with
/// `word`, read only as far as they differ.
fn compare_line(bytes: &[u8], at: usize, word: &[u8]) -> std::cmp::Ordering {
    let line = bytes.get(at..).unwrap_or(&[]);
    let mut i = 0;
    loop {
        match (line.get(i), word.get(i)) {
            // The line ends here: it equals `word` or is the first part of it.
            (None | Some(b'\n'), w) => {
                return if w.is_none() {
                    std::cmp::Ordering::Equal
                } else {
                    std::cmp::Ordering::Less
                };
            }
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(b), Some(w)) if b != w => return b.cmp(w),
            _ => i += 1,
        }
    }
}

/// Whether `word` is one of the lines of the front-coded list `bytes` (see `build.rs`) whose
/// blocks start at the offsets `starts` (u16, little-endian) and whose first lines have the
/// [`prefix_key`]s `keys`: a binary search for the last block whose first line is at most
/// `word` (by key, then by line among the blocks whose key is the word's), then a scan of that
/// block.
fn front_coded_contains(bytes: &[u8], starts: &[u8], keys: &[u32], word: &[u8]) -> bool {
    let block_start = |i: usize| {
        starts.get(i * 2..i * 2 + 2).map_or(bytes.len(), |b| {
            usize::from(u16::from_le_bytes([b[0], b[1]]))
        })
    };
    let line_at = |at: usize| {
        let rest = bytes.get(at..).unwrap_or(&[]);
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        &rest[..len]
    };
    let key = prefix_key(word);
    let mut lo = keys.partition_point(|&k| k < key);
    let mut hi = lo + keys[lo..].partition_point(|&k| k == key);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match compare_line(bytes, block_start(mid), word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    let Some(block) = lo.checked_sub(1) else {
        return false;
    };
    let first = line_at(block_start(block));
    // The line read last is below `word`, `before` bytes long, and shares its first `shared`
    // bytes with it.
    let mut shared = common_prefix(first, word);
    let mut before = first.len();
    let mut at = block_start(block) + first.len() + 1;
    let block_end = block_start(block + 1).min(bytes.len());
    while at < block_end {
        let Some(kept) = bytes
            .get(at)
            .and_then(|&drop| before.checked_sub(usize::from(drop)))
        else {
            return false;
        };
        let rest = line_at(at + 1);
        at += 1 + rest.len() + 1;
        before = kept + rest.len();
        if kept < shared {
            // It differs from the line before, and so from `word`, at `kept`, upwards.
            return false;
        }
        if kept > shared {
            // It differs from `word` where the line before did, the same way.
            continue;
        }
        let tail = &word[shared..];
        let more = common_prefix(rest, tail);
        if more == rest.len() && more == tail.len() {
            return true;
        }
        if more < rest.len() && (more == tail.len() || rest[more] > tail[more]) {
            return false;
        }
        shared += more;
    }
    false
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
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
                    format!("{kind}\t{}", crate::unicode::to_lowercase(&form))
                }
                None => line.to_string(),
            }
        } else {
            line.to_string()
        }
    }

    #[test]
    fn lists_the_words_whose_upper_case_is_a_suffix_key() {
        let keys: Vec<&str> = lines(text(LEXICON_SUFFIXES))
            .iter()
            .filter_map(|l| l.split('\t').next())
            .collect();
        let listed: Vec<(&str, &str)> = lines(text(LEXICON_SUFFIXES_UNCAPITALISED))
            .iter()
            .map(|l| l.split_once('\t').expect("should pair a word with a key"))
            .collect();
        assert!(listed.len() > 10, "should list words such as ſtreet");
        let own_case = |c: char| c.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&c);
        for &(word, key) in &listed {
            let mut chars = word.chars();
            let first = chars.next().expect("should list no empty word");
            assert!(!own_case(first), "should leave {word:?} to the lexicon");
            let upper: String = first.to_uppercase().chain(chars).collect();
            assert_eq!(upper, key, "should list {word:?} with its upper case");
            assert!(keys.contains(&key), "should list only keys, not {key:?}");
        }
        let first_letters: std::collections::HashSet<char> =
            keys.iter().filter_map(|k| k.chars().next()).collect();
        for c in ('\0'..=char::MAX).filter(|&c| !own_case(c)) {
            if !c
                .to_uppercase()
                .next()
                .is_some_and(|u| first_letters.contains(&u))
            {
                continue;
            }
            let upper: String = c.to_uppercase().collect();
            for &key in &keys {
                if let Some(rest) = key.strip_prefix(upper.as_str()) {
                    let word = format!("{c}{rest}");
                    assert!(
                        listed.contains(&(word.as_str(), key)),
                        "should list {word:?}, whose upper case is the key {key:?}"
                    );
                }
            }
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
            let stored = decode(list);
            assert!(
                stored.windows(2).all(|w| w[0] < w[1]),
                "should store {path} sorted, each word once"
            );
            let mut packed_words: Vec<Vec<u8>> = words
                .iter()
                .map(|w| {
                    let mut buffer = [0u8; SORTED_LINE_MAX];
                    let len = encode_into(w, &mut buffer).expect("should fit");
                    buffer[..len].to_vec()
                })
                .collect();
            packed_words.sort_unstable();
            packed_words.dedup();
            assert_eq!(
                stored, packed_words,
                "should store the words of {path}, no other"
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
    fn looks_words_up_in_ascii_lower_case() {
        let upper = |w: &str| w.to_ascii_uppercase();
        let words = lines(&read("lexicon/en_words.tsv"))
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        let mut asked = 0;
        for word in words.iter().step_by(7) {
            for form in [
                word.clone(),
                upper(word),
                format!("{word}X"),
                format!("É{word}"),
            ] {
                assert_eq!(
                    contains_ascii_lowercase(LEXICON_EN_WORDS, &form),
                    contains(LEXICON_EN_WORDS, &form.to_ascii_lowercase()),
                    "should look {form:?} up as its ASCII lower case"
                );
                asked += 1;
            }
            assert!(
                contains_ascii_lowercase(LEXICON_EN_WORDS, &upper(word)),
                "should find {word:?} in capitals"
            );
        }
        assert!(asked > 4000, "should ask many words");
        assert!(
            !contains_ascii_lowercase(LEXICON_HI_COMMON, "किमजोंग"),
            "should not find a name among the Hindi words"
        );
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

    /// The lines of `list`, unpacked from their front coding.
    fn decode(list: SortedList) -> Vec<Vec<u8>> {
        let starts = &SORTED_BLOCKS[list.first_block * 2..list.end_block * 2];
        let bytes = &SORTED_LISTS[list.start..list.end];
        let mut lines = Vec::new();
        for (i, start) in starts.chunks(2).enumerate() {
            let start = usize::from(u16::from_le_bytes(start.try_into().unwrap()));
            let end = starts.get(i * 2 + 2..i * 2 + 4).map_or(bytes.len(), |b| {
                usize::from(u16::from_le_bytes(b.try_into().unwrap()))
            });
            let block = &bytes[start..end];
            // Read in order: a line's first byte (how much it drops) may be a line feed.
            let line_end =
                |from: usize| from + block[from..].iter().position(|&b| b == b'\n').unwrap();
            let mut at = line_end(0);
            let mut line = block[..at].to_vec();
            lines.push(line.clone());
            at += 1;
            while at < block.len() {
                let end = line_end(at + 1);
                line.truncate(line.len() - usize::from(block[at]));
                line.extend_from_slice(&block[at + 1..end]);
                lines.push(line.clone());
                at = end + 1;
            }
        }
        assert_eq!(
            starts.len() / 2,
            lines.len().div_ceil(64),
            "should start a block every 64 lines"
        );
        lines
    }

    #[test]
    fn finds_a_word_in_front_coded_lines() {
        // "and", "be" | "cat", "cats", "catz" | "dog": blocks of up to three lines, each line
        // after a block's first saying how many bytes of the line before it drops.
        let lines = b"and\n\x03be\ncat\n\x00s\n\x01z\ndog\n";
        let starts: Vec<u8> = [0u16, 8, 18].iter().flat_map(|s| s.to_le_bytes()).collect();
        let keys: Vec<u32> = first_line_keys(lines, &starts).collect();
        assert_eq!(
            keys,
            [0x616E_6400, 0x6361_7400, 0x646F_6700],
            "should key each block by its first line's first four bytes"
        );
        for word in ["and", "be", "cat", "cats", "catz", "dog"] {
            assert!(
                front_coded_contains(lines, &starts, &keys, word.as_bytes()),
                "should find {word}"
            );
        }
        for word in [
            "", "a", "ca", "catb", "catsa", "cb", "do", "dogs", "zebra", "cat\n", "an", "andy",
            "bee", "catt",
        ] {
            assert!(
                !front_coded_contains(lines, &starts, &keys, word.as_bytes()),
                "should not find {word:?}"
            );
        }
        assert!(
            !front_coded_contains(b"", &[], &[], b"a"),
            "should find nothing in no lines"
        );
        assert!(
            !front_coded_contains(b"and\n\x09x\n", &[0, 0], &[0x616E_6400], b"ax"),
            "should find nothing past a line that drops more than the line before has"
        );
    }

    #[test]
    fn unpacks_what_encode_into_packs() {
        for text in ["", "a\tb\n", "रूस\tRussia\n", "“क़”é😀\u{1}\u{97F}\u{900}x"]
        {
            let mut buffer = [0u8; 64];
            let len = encode_into(text, &mut buffer).expect("should fit");
            assert_eq!(
                unpack(&buffer[..len], text.len()),
                text,
                "should unpack {text:?} to itself"
            );
        }
        assert_eq!(
            unpack(&[b'a', 1, 0xE2, 0x80], 4),
            "",
            "should unpack a cut character to nothing, not panic"
        );
    }

    #[test]
    fn unpacks_front_coded_words() {
        // "कल", "कलम", "कहा", "x": drop 0, drop 0 (+म), drop 2 (+हा), drop 3 (+x).
        let bytes = [
            0, 0x95, 0xB2, b'\n', 0, 0xAE, b'\n', 2, 0xB9, 0xBE, b'\n', 3, b'x', b'\n', 0, b'y',
        ];
        assert_eq!(
            unpack_front_coded(&bytes),
            ["कल", "कलम", "कहा", "x"],
            "should unpack each word from the one before, and stop at a word cut short"
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
