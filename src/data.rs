//! The language data files (`data/**/*.tsv`), embedded as `build.rs` writes them: without their
//! comment and blank lines, with their lookup keys made, one text stored packed (one byte per
//! Devanagari letter: the wasm gzips about 5 KB smaller than with UTF-8) and column by column
//! (the files with as many cells in a row as a table: about 3.5 KB smaller), and unpacked row by
//! row once, on first use (about 2.4 M instructions natively, a ninth of a first parse).
//!
//! [`text`] gives a file's lines as `&'static str`; the file constants ([`LEXICON_PEOPLE`],
//! [`STRUCTURE_READ_ALSO`], ...) are generated from the directory listing, so a missing file is
//! a compile error. The two big word lists ([`LEXICON_HI_COMMON`], [`LEXICON_EN_WORDS`]) are
//! [`SortedList`]s instead, stored packed (one byte per Devanagari letter) and front-coded, and
//! searched with [`contains`] through an index of every eighth line made at first use (about
//! 1 M instructions natively), without unpacking them.

use std::cmp::Ordering;
use std::sync::OnceLock;

/// Where one file's text is in the embedded data (a UTF-8 byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    start: usize,
    end: usize,
}

/// Where one sorted word list is in the packed lists (a byte range of front-coded lines, see
/// `build.rs`), and its place in [`SORTED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortedList {
    start: usize,
    end: usize,
    number: usize,
}

include!(concat!(env!("OUT_DIR"), "/data_files.rs"));

/// The files' text, packed and column by column (see `build.rs`'s `encode` and `lay_out_text`,
/// and [`unpack`]).
static TEXT_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data_text.bin"));
/// The sorted lists, one after another, each line front-coded (see [`LineIndex`]).
static SORTED_LISTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sorted_lists.bin"));

/// The text of `file`: its data lines, each ending in `\n`.
pub fn text(file: File) -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = String::with_capacity(TEXT_LEN);
        unpack_rows(TEXT_PACKED, &TEXT_TABLES, &mut text);
        text
    })
    .get(file.start..file.end)
    .unwrap_or("")
}

/// The words of `bytes`, packed (see [`unpack_rows`]) and front-coded as `build/model.rs` writes the
/// tagger's never-begin words and `build.rs` the sorted lists: each word is how many bytes of
/// the word before it to drop (one byte), the bytes that follow and a line feed. A word cut
/// short ends the list. Written to `out`, each word followed by a line feed (one string for all
/// the words, not one each).
#[cfg_attr(not(feature = "tagger"), allow(dead_code))]
pub fn unpack_front_coded_into(bytes: &[u8], out: &mut String) {
    front_coded_lines(bytes, |line, _| {
        unpack_rows(line, &ONE_CELL, out);
    });
}

/// The Hindi common words (`data/lexicon/hi_common.tsv`) whose bit is set in `flags` (word `i`:
/// bit `i % 8` of byte `i / 8`), the words numbered as `build.rs` hands them to
/// `build/model.rs`: the function words in their stored order, then the sorted list's lines.
/// Written to `out`, each followed by a line feed.
#[cfg_attr(not(feature = "tagger"), allow(dead_code))]
pub fn hi_common_words_into(flags: &[u8], out: &mut String) {
    let flagged = |i: usize| flags.get(i / 8).is_some_and(|&b| b >> (i % 8) & 1 == 1);
    let mut i = 0;
    for word in text(LEXICON_HI_FUNCTION_WORDS).lines() {
        if flagged(i) {
            out.push_str(word);
            out.push('\n');
        }
        i += 1;
    }
    let list = LEXICON_HI_COMMON;
    front_coded_lines(
        SORTED_LISTS.get(list.start..list.end).unwrap_or(&[]),
        |line, _| {
            if flagged(i) {
                unpack_rows(line, &ONE_CELL, out);
            }
            i += 1;
        },
    );
}

/// Calls `each` with the cells of each line of `text` (as `text.lines()` split on tabs gives
/// them), collected in `cols`: one pass over the bytes for both, quicker than finding each line
/// and then each tab (the entity files' lines are long, with a few short cells). The mentions'
/// lexicon and the quote cues read their files with it.
pub fn each_row(
    text: &'static str,
    cols: &mut Vec<&'static str>,
    each: &mut dyn FnMut(&[&'static str]),
) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    cols.clear();
    loop {
        // Eight bytes at a time up to the next byte below 0x0B (tab and line feed are 0x09
        // and 0x0A).
        i = crate::scan::to_flagged(bytes, i, |w| crate::scan::bytes_below(w, 0x0B));
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'\t' || b == b'\n' {
            // Tabs and line feeds are ASCII: the cuts are on character boundaries.
            let cell = text.get(start..i).unwrap_or("");
            start = i + 1;
            if b == b'\n' {
                cols.push(cell.strip_suffix('\r').unwrap_or(cell));
                each(cols);
                cols.clear();
            } else {
                cols.push(cell);
            }
        }
        i += 1;
    }
    // A last line without a line feed (not in a packed file).
    if start < text.len() || !cols.is_empty() {
        cols.push(text.get(start..).unwrap_or(""));
        each(cols);
    }
}

/// Calls `each` with every line of the front-coded `bytes` (see [`unpack_front_coded`]), in
/// order, and the offset in `bytes` after it; a line cut short, or of 256 bytes or more (no line
/// is: the build checks), ends them.
fn front_coded_lines(bytes: &[u8], mut each: impl FnMut(&[u8], usize)) {
    const LONGEST: usize = 255;
    // The line read last, on the stack, with room for eight bytes copied from its last one on.
    let mut line = [0u8; LONGEST + 8];
    let mut len: usize = 0;
    let mut at = 0;
    while let Some(&drop) = bytes.get(at) {
        let Some(kept) = len.checked_sub(usize::from(drop)) else {
            return;
        };
        // Copy the bytes after those kept up to the line feed, eight at a time (the lines are a
        // few bytes each: most in one step rather than a step per byte); those copied after the
        // line feed are not the line's, and the next line writes over them.
        len = kept;
        at += 1;
        loop {
            if len > LONGEST {
                return;
            }
            if let Some(w) = crate::scan::eight(bytes, at) {
                line[len..len + 8].copy_from_slice(&w.to_le_bytes());
                // Its lowest flagged byte is the first line feed.
                let feed = crate::scan::bytes_equal(w, b'\n');
                if feed != 0 {
                    let n = (feed.trailing_zeros() / 8) as usize;
                    len += n;
                    at += n;
                    break;
                }
                len += 8;
                at += 8;
                continue;
            }
            // The last few bytes of the list, one at a time.
            match bytes.get(at) {
                Some(b'\n') => break,
                Some(&b) => {
                    line[len] = b;
                    len += 1;
                    at += 1;
                }
                None => return,
            }
        }
        if len > LONGEST {
            return;
        }
        at += 1;
        each(&line[..len], at);
    }
}

/// The most columns a table of [`unpack_rows`] may have (`build.rs` checks the data's).
const TABLE_COLUMNS_MAX: usize = 8;

/// For [`unpack_rows`]: one row of one cell, at the start.
const ONE_CELL: [(usize, &[usize]); 1] = [(1, &[0])];

/// Writes the rows of the tables of `packed` after the end of `out`, each row's cells joined by
/// tabs and ended by a line feed. The tables are `build.rs`'s `lay_out_text`: each column by
/// column, each cell in `build.rs`'s packed encoding (as [`encode_into`] writes it) and ended
/// by a line feed or the end of `packed`; `tables` gives each table's number of rows and where
/// its columns start. If `packed` is not such an encoding (never, for the embedded data),
/// writes nothing and returns false.
///
/// Written a character at a time, so that the result needs no UTF-8 check, and in one loop
/// for every cell (a call per cell would cost about 0.5 M instructions more for the text).
fn unpack_rows(packed: &[u8], tables: &[(usize, &[usize])], out: &mut String) -> bool {
    let from = out.len();
    for &(rows, starts) in tables {
        // Where the next cell of each column starts (on the stack: `build.rs` makes no table of
        // more than `TABLE_COLUMNS_MAX` columns).
        let mut next = [0; TABLE_COLUMNS_MAX];
        let Some(cells) = next.get_mut(..starts.len()) else {
            out.truncate(from);
            return false;
        };
        cells.copy_from_slice(starts);
        let last = cells.len().saturating_sub(1);
        for _ in 0..rows {
            for (column, cell) in cells.iter_mut().enumerate() {
                let mut at = *cell;
                while let Some(&b) = packed.get(at) {
                    at += 1;
                    if b >= 0x80 {
                        // 0x900 + (b - 0x80), one of the 128 Devanagari code points.
                        out.push(char::from_u32(0x0880 + u32::from(b)).unwrap_or('\0'));
                    } else if b > b'\n' || (b != 1 && b != b'\n') {
                        // Most ASCII is above the line feed: one test for it first.
                        out.push(char::from(b));
                    } else if b == b'\n' {
                        break;
                    } else {
                        // One other character in UTF-8: its first byte says how many bytes.
                        let width = match packed.get(at) {
                            Some(0xF0..) => 4,
                            Some(0xE0..) => 3,
                            Some(0xC0..) => 2,
                            _ => 1,
                        };
                        let Some(c) = packed
                            .get(at..at + width)
                            .and_then(|bytes| std::str::from_utf8(bytes).ok())
                        else {
                            out.truncate(from);
                            return false;
                        };
                        out.push_str(c);
                        at += width;
                    }
                }
                *cell = at;
                out.push(if column == last { '\n' } else { '\t' });
            }
        }
    }
    true
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
    // Each list's index is made when the list is first asked (an English text may never ask the
    // Hindi words).
    static INDEXES: [OnceLock<LineIndex>; SORTED.len()] = [const { OnceLock::new() }; SORTED.len()];
    let (Some(index), Some(bytes)) = (
        INDEXES.get(list.number),
        SORTED_LISTS.get(list.start..list.end),
    ) else {
        return false;
    };
    let index = index.get_or_init(|| LineIndex::new(bytes));
    // Packed on the stack: the buffer holds the longest line (`build.rs` sizes it), so a word
    // that does not fit is in no list, nor one with a line feed (which ends a line for `scan`).
    let mut buffer = [0u8; SORTED_LINE_MAX];
    // Printable ASCII, most words, packs as it is: copied (and lowered) in one pass.
    let mut len = 0;
    for b in word.bytes() {
        if !(0x0B..0x80).contains(&b) {
            break;
        }
        let Some(to) = buffer.get_mut(len) else {
            return false;
        };
        *to = if lower { b.to_ascii_lowercase() } else { b };
        len += 1;
    }
    if len < word.len() {
        len = match encode_into(word, &mut buffer) {
            Some(len) => len,
            None => return false,
        };
        if lower {
            // Packing leaves ASCII as it is and writes no other byte below 0x80 but the escape
            // 0x01, so this lowers the ASCII letters only.
            buffer[..len].make_ascii_lowercase();
        }
    }
    let word = &buffer[..len];
    index.contains(bytes, word)
}

/// How many lines of a sorted list one entry of its [`LineIndex`] stands for: a lookup scans at
/// most this many lines.
const INDEXED_EVERY: usize = 8;

/// Every [`INDEXED_EVERY`]th line of a front-coded list, whole, with where to go on reading
/// after it. A front-coded list is its lines in byte order, each as the number of bytes to drop
/// from the end of the line before (one byte), the bytes that follow those it keeps, and a line
/// feed; a line can only be read from the lines before it, so the index keeps some whole.
#[derive(Debug, Default)]
struct LineIndex {
    /// [`prefix_key`] of each indexed line, for a binary search that reads no line.
    keys: Vec<u32>,
    /// Each indexed line, in order.
    entries: Vec<IndexEntry>,
    /// The indexed lines, one after another.
    lines: Vec<u8>,
}

/// One indexed line: its bytes in [`LineIndex::lines`], and the byte range of the list's lines
/// after it, up to the next indexed line (`next..end`).
#[derive(Debug, Clone, Copy)]
struct IndexEntry {
    line: (u32, u32),
    next: u32,
    end: u32,
}

impl LineIndex {
    /// The index of the front-coded list `bytes`; a line cut short ends the list.
    fn new(bytes: &[u8]) -> LineIndex {
        // Room for the whole index at once, not grown a push at a time (which costs about 80 K
        // instructions natively for the English words): in both lists an indexed line and the
        // seven after it take about 36 bytes, and an indexed line is about 7 bytes long. A list
        // that needs more grows as before.
        let entries = bytes.len() / 32 + 1;
        let mut index = LineIndex {
            keys: Vec::with_capacity(entries),
            entries: Vec::with_capacity(entries),
            lines: Vec::with_capacity(bytes.len() / 4),
        };
        let mut count = 0;
        // Where the line read last ends, and so the next starts.
        let mut end = 0;
        front_coded_lines(bytes, |line, next| {
            if count % INDEXED_EVERY == 0 {
                index.end_last_at(end);
                index.keys.push(prefix_key(line));
                let from = index.lines.len() as u32;
                index.lines.extend_from_slice(line);
                index.entries.push(IndexEntry {
                    line: (from, index.lines.len() as u32),
                    next: next as u32,
                    end: next as u32,
                });
            }
            count += 1;
            end = next;
        });
        index.end_last_at(end);
        index
    }

    /// Ends the lines to scan after the last indexed line at `at`.
    fn end_last_at(&mut self, at: usize) {
        if let Some(last) = self.entries.last_mut() {
            last.end = at as u32;
        }
    }

    /// Whether `word` is a line of `bytes`, the list this indexes: a binary search for the last
    /// indexed line at most `word` (by key, then by line among the lines whose key is the
    /// word's), then a scan of the lines after it.
    fn contains(&self, bytes: &[u8], word: &[u8]) -> bool {
        let line_of = |entry: &IndexEntry| {
            self.lines
                .get(entry.line.0 as usize..entry.line.1 as usize)
                .unwrap_or(&[])
        };
        let key = prefix_key(word);
        let mut after = self.keys.partition_point(|&k| k <= key);
        // Few indexed lines share a key: those that do are compared from the last back.
        while let Some(i) = after.checked_sub(1) {
            if self.keys.get(i) != Some(&key) {
                break;
            }
            match self.entries.get(i).map(|entry| line_of(entry).cmp(word)) {
                Some(Ordering::Equal) => return true,
                Some(Ordering::Greater) => after = i,
                _ => break,
            }
        }
        let Some(entry) = after.checked_sub(1).and_then(|i| self.entries.get(i)) else {
            return false;
        };
        let lines = bytes.get(..entry.end as usize).unwrap_or(&[]);
        scan(lines, entry.next as usize, line_of(entry), word)
    }
}

/// Whether `word` is one of the front-coded lines of `bytes` from `at` on, which follow the line
/// `before`, itself below `word`.
///
/// Each line's new bytes are compared with the word's as they are read, and a line that differs
/// from `word` where the line before did is skipped eight bytes at a time: a lookup reads each
/// byte once.
fn scan(bytes: &[u8], mut at: usize, before: &[u8], word: &[u8]) -> bool {
    // The line read last is below `word`, `before` bytes long, and shares its first `shared`
    // bytes with it.
    let mut shared = common_prefix(before, word);
    let mut before = before.len();
    while let Some(&drop) = bytes.get(at) {
        let Some(kept) = before.checked_sub(usize::from(drop)) else {
            return false;
        };
        if kept < shared {
            // It differs from the line before, and so from `word`, at `kept`, upwards.
            return false;
        }
        at += 1;
        let start = at;
        if kept == shared {
            // It may go on as `word` does: read on while it does.
            loop {
                let Some(&b) = bytes.get(at) else {
                    return false;
                };
                let Some(&w) = word.get(shared) else {
                    // `word` ends here: the line is `word`, or above it.
                    return b == b'\n';
                };
                if b != w {
                    if b > w && b != b'\n' {
                        return false;
                    }
                    // Below `word` at `shared` (or a prefix of it).
                    break;
                }
                shared += 1;
                at += 1;
            }
        }
        // It differs from `word` where the line before did, the same way: on to its line feed.
        at = crate::scan::to_flagged(bytes, at, |w| crate::scan::bytes_equal(w, b'\n'));
        while bytes.get(at).is_some_and(|&b| b != b'\n') {
            at += 1;
        }
        before = kept + (at - start);
        at += 1;
    }
    false
}

/// The first four bytes of `line` as a big-endian number, with zeros after a shorter line: lines
/// compare as their keys do, or have the same key (a zero byte sorts first, as the end does).
fn prefix_key(line: &[u8]) -> u32 {
    let byte = |i: usize| line.get(i).copied().map_or(0, u32::from);
    byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// `build.rs`'s packed encoding of `word` (see there) into `buffer`: ASCII as it is, a
/// Devanagari letter as one byte `0x80 + n`, any other character as 0x01 and its UTF-8. The
/// length, or `None` if it does not fit or holds a line feed (no line does).
fn encode_into(word: &str, buffer: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        let code = u32::from(c);
        if c == '\n' {
            return None;
        } else if c.is_ascii() && c != '\u{1}' {
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
            with_first(crate::mentions::lexicon::affix_key(first).into_owned())
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
            let set: std::collections::HashSet<&str> = words.iter().copied().collect();
            for word in &words {
                assert!(contains(list, word), "should find {word:?} in {path}");
                // The words next to it in order, which a lookup reads past.
                let shorter = word.char_indices().last().map_or("", |(i, _)| &word[..i]);
                let longer = [
                    format!("{word}\n"),
                    format!("{word}\u{1}"),
                    format!("{word}!"),
                ];
                for near in longer.iter().map(String::as_str).chain([shorter]) {
                    assert_eq!(
                        contains(list, near),
                        set.contains(near),
                        "{near:?} in {path}"
                    );
                }
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

    /// The words [`hi_common_words_into`] writes, each apart.
    fn hi_common_words(flags: &[u8]) -> Vec<String> {
        let mut out = String::new();
        hi_common_words_into(flags, &mut out);
        out.lines().map(str::to_string).collect()
    }

    #[test]
    fn numbers_the_hindi_common_words_as_build_rs_does() {
        let original = read("lexicon/hi_common.tsv");
        let rank = hi_common_ranks(&original);
        let all = hi_common_words(&[0xFF; 2000]);
        let unique: std::collections::HashSet<&str> = all.iter().map(String::as_str).collect();
        assert_eq!(all.len(), rank.len(), "should number every word once");
        assert!(
            unique.iter().all(|w| rank.contains_key(w)),
            "should number only the words of the file"
        );
        let function_words = lines(text(LEXICON_HI_FUNCTION_WORDS));
        assert_eq!(
            hi_common_words(&[0b1]),
            [function_words[0]],
            "should number the function words first"
        );
        let mut flags = vec![0u8; function_words.len() / 8 + 1];
        flags[function_words.len() / 8] = 1 << (function_words.len() % 8);
        let first = hi_common_words(&flags);
        assert!(
            first.len() == 1 && contains(LEXICON_HI_COMMON, &first[0]),
            "should number the sorted list's words after them, got {first:?}"
        );
        assert!(hi_common_words(&[]).is_empty(), "should flag no word");
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
        let bytes = &SORTED_LISTS[list.start..list.end];
        let mut lines = Vec::new();
        let mut line: Vec<u8> = Vec::new();
        let mut at = 0;
        // Read in order: a line's first byte (how much it drops) may be a line feed.
        while at < bytes.len() {
            let end = at + 1 + bytes[at + 1..].iter().position(|&b| b == b'\n').unwrap();
            line.truncate(line.len() - usize::from(bytes[at]));
            line.extend_from_slice(&bytes[at + 1..end]);
            lines.push(line.clone());
            at = end + 1;
        }
        lines
    }

    #[test]
    fn finds_a_word_in_front_coded_lines() {
        // 26 lines, "a", "aa", ... (twenty a's), "and", "be", "cat", "cats", "catz", "dog", each
        // saying how many bytes of the line before it drops: the index holds lines 0 and 16.
        let mut words: Vec<String> = (1..=20).map(|n| "a".repeat(n)).collect();
        words.extend(["and", "be", "cat", "cats", "catz", "dog"].map(String::from));
        words.sort();
        let mut bytes = Vec::new();
        let mut before = "";
        for word in &words {
            let shared = common_prefix(before.as_bytes(), word.as_bytes());
            bytes.push((before.len() - shared) as u8);
            bytes.extend_from_slice(&word.as_bytes()[shared..]);
            bytes.push(b'\n');
            before = word;
        }
        let index = LineIndex::new(&bytes);
        assert_eq!(
            index.keys.len(),
            words.len().div_ceil(INDEXED_EVERY),
            "should index every eighth line"
        );
        for word in &words {
            assert!(
                index.contains(&bytes, word.as_bytes()),
                "should find {word}"
            );
        }
        for word in [
            "", "b", "ab", "aab", "ca", "catb", "catsa", "cb", "do", "dogs", "zebra", "cat\n",
            "an", "andy", "bee", "catt", "\0",
        ] {
            assert!(
                !index.contains(&bytes, word.as_bytes()),
                "should not find {word:?}"
            );
        }
        let empty = LineIndex::new(b"");
        assert!(
            !empty.contains(b"", b"a"),
            "should find nothing in no lines"
        );
        assert!(
            !scan(b"\x09x\n", 0, b"and", b"ax"),
            "should find nothing past a line that drops more than the line before has"
        );
    }

    #[test]
    fn unpacks_what_encode_into_packs() {
        for text in ["", "a\tb", "रूस\tRussia", "“क़”é😀\u{1}\u{97F}\u{900}x"] {
            let mut buffer = [0u8; 64];
            let len = encode_into(text, &mut buffer).expect("should fit");
            let mut out = String::from("x");
            assert!(
                unpack_rows(&buffer[..len], &ONE_CELL, &mut out),
                "should read {text:?}"
            );
            assert_eq!(
                out,
                format!("x{text}\n"),
                "should unpack {text:?} to itself"
            );
        }
        let mut out = String::from("x");
        assert!(
            !unpack_rows(&[b'a', 1, 0xE2, 0x80], &ONE_CELL, &mut out),
            "should not read a cut character"
        );
        assert_eq!(
            out, "x",
            "should unpack a cut character to nothing, not panic"
        );
    }

    #[test]
    fn unpacks_tables_row_by_row() {
        // A table of one column ("a", "क"), then one of two columns ("b", "c"; "d", "é").
        let packed = [
            b'a', b'\n', 0x95, b'\n', b'b', b'\n', b'c', b'\n', b'd', b'\n', 1, 0xC3, 0xA9, b'\n',
        ];
        let tables: [(usize, &[usize]); 2] = [(2, &[0]), (2, &[4, 8])];
        let mut out = String::new();
        assert!(
            unpack_rows(&packed, &tables, &mut out),
            "should read the tables"
        );
        assert_eq!(
            out, "a\nक\nb\td\nc\té\n",
            "should join each row's cells with tabs"
        );
        let mut out = String::from("x");
        assert!(
            !unpack_rows(&packed[..12], &tables, &mut out),
            "should not read a cut character"
        );
        assert_eq!(
            out, "x",
            "should unpack a cut character to nothing, not panic"
        );
    }

    #[test]
    fn unpacks_front_coded_words() {
        // "कल", "कलम", "कहा", "x": drop 0, drop 0 (+म), drop 2 (+हा), drop 3 (+x).
        let bytes = [
            0, 0x95, 0xB2, b'\n', 0, 0xAE, b'\n', 2, 0xB9, 0xBE, b'\n', 3, b'x', b'\n', 0, b'y',
        ];
        let mut out = String::from("a\n");
        unpack_front_coded_into(&bytes, &mut out);
        assert_eq!(
            out, "a\nकल\nकलम\nकहा\nx\n",
            "should unpack each word from the one before, and stop at a word cut short"
        );
        // Words of 255 bytes (each dropping all of the one before), then one of 256, which ends
        // the list.
        let long = |drop: u8, c: u8, n: usize| [&[drop][..], &vec![c; n], b"\n"].concat();
        let bytes = [
            long(0, b'a', 255),
            long(255, b'b', 255),
            long(255, b'c', 256),
            long(0, b'd', 1),
        ]
        .concat();
        let mut out = String::new();
        unpack_front_coded_into(&bytes, &mut out);
        assert_eq!(
            out,
            format!("{}\n{}\n", "a".repeat(255), "b".repeat(255)),
            "should unpack words of up to 255 bytes and stop at a longer one"
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
