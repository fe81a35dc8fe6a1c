//! The tagger model's build step (included by build.rs; see `src/mentions/tagger.rs`): reads
//! `data/model/hi-ner.bin` and writes it in parts, laid out so that the shipped wasm is small and
//! the model needs little work at first use.
//!
//! - `$OUT_DIR/hi-ner-head.bin`: the file without its never-begin words and weight rows (a model
//!   file with neither): format, notice and transition scores, read at first use.
//! - `$OUT_DIR/hi-ner-never-begin-common.bin`: which of the Hindi common words
//!   (`data/lexicon/hi_common.tsv`, numbered as `src/data.rs`'s `hi_common_words` reads them: the
//!   function words, then the sorted list) are never-begin words, one bit per word (word `i`: bit
//!   `i % 8` of byte `i / 8`). Nine in ten never-begin words are common words.
//! - `$OUT_DIR/hi-ner-never-begin.bin`: the other never-begin words, packed as build.rs packs the
//!   word lists (one byte per Devanagari letter), sorted by their packed bytes and front-coded:
//!   each word is how many bytes of the word before it to drop (one byte), the bytes that follow
//!   and a line feed; `src/data.rs` unpacks it. The two gzip about 5 KB smaller than the file's
//!   UTF-8 list.
//! - `$OUT_DIR/hi-ner-rows.bin`: the weight rows (the buckets that have one and their weights
//!   that are not zero), entropy-coded as `build/rows.rs` describes (static rANS, a table of
//!   frequencies for the gaps between rows, one for the rows' masks of weights that are not
//!   zero, and for each tag's weights by whether they are the row's last and the sign of the
//!   row's sum before them). Gzip can do little with most of the model: a quarter of the
//!   buckets at random have a row, and the weights are numbers without repeats; coded, the rows
//!   take about their information (the shipped model's 54 KB of gzip, 11.5 KB less than a
//!   bitmap of the buckets with a row, the rows' masks and their weights laid out apart). The
//!   tagger decodes them at first use (`Model::with_rows`).
//!
//! Each is a static in the crate (`src/mentions/tagger.rs`).
//!
//! The file format is described in `data/model/README.md`; the crate's test
//! `the_shipped_model_is_the_file` checks that the parts make the same model as the file.

use std::fs;
use std::path::Path;

// The coding of the rows, shared with the tagger (which decodes them); build.rs also writes its
// LEB128 tables with `rows::leb128`.
#[allow(dead_code)]
#[path = "rows.rs"]
pub mod rows;

/// Writes the parts into `out`, the never-begin words that are Hindi common words as bits over
/// `hi_common` (packed, in the order the crate numbers them); a model file that cannot be read
/// fails the build.
pub fn write(out: &Path, hi_common: &[Vec<u8>]) {
    let path = "data/model/hi-ner.bin";
    println!("cargo:rerun-if-changed={path}");
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parts = split(&bytes, hi_common).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (name, part) in [
        ("hi-ner-head.bin", parts.head),
        ("hi-ner-rows.bin", parts.rows),
        ("hi-ner-never-begin.bin", parts.never_begin),
        ("hi-ner-never-begin-common.bin", parts.never_begin_common),
    ] {
        fs::write(out.join(name), part).unwrap_or_else(|e| panic!("write {name}: {e}"));
    }
}

/// A model file's parts, as [`write`] writes them.
struct Parts {
    /// The file without never-begin words and rows (counts of zero).
    head: Vec<u8>,
    /// The never-begin words that are not Hindi common words, packed and front-coded.
    never_begin: Vec<u8>,
    /// One bit per Hindi common word: whether it is a never-begin word.
    never_begin_common: Vec<u8>,
    /// The rows, coded ([`rows::encode`]).
    rows: Vec<u8>,
}

/// The parts of a model file.
fn split(bytes: &[u8], hi_common: &[Vec<u8>]) -> Result<Parts, String> {
    let mut r = Reader { bytes, at: 0 };
    r.take(4 + 1 + 2)?; // magic, format version, feature version
    let bits = r.take(1)?[0];
    let tags = usize::from(r.take(1)?[0]);
    if !(8..=24).contains(&bits) || !(1..=8).contains(&tags) {
        return Err(format!("{bits} bucket bits, {tags} tags"));
    }
    let notice = r.u32()?;
    r.take(notice)?;
    let words_start = r.at;
    let mut words: Vec<Vec<u8>> = Vec::new();
    for _ in 0..r.u32()? {
        let len = usize::from(r.take(1)?[0]);
        let word = std::str::from_utf8(r.take(len)?).map_err(|_| "a word not in UTF-8")?;
        let mut packed = Vec::new();
        super::encode(word, &mut packed);
        words.push(packed);
    }
    let words_end = r.at;
    r.take((tags + 1) * tags * 2)?;
    let head_end = r.at;
    let rows = r.u32()?;
    let buckets = 1usize << bits;
    let mut row_of = Vec::with_capacity(rows);
    let mut last = 0usize;
    for _ in 0..rows {
        let mut gap = 0usize;
        for shift in (0..35).step_by(7) {
            let b = r.take(1)?[0];
            gap |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        if !row_of.is_empty() && gap == 0 {
            return Err("rows not in increasing order".to_string());
        }
        last += gap;
        if last >= buckets {
            return Err("row outside its buckets".to_string());
        }
        row_of.push(last);
    }
    let columns = r.take(rows * tags)?;
    if r.at != bytes.len() {
        return Err("trailing bytes".to_string());
    }
    let weights: Vec<(usize, Vec<i8>)> = row_of
        .iter()
        .enumerate()
        .map(|(k, &b)| (b, (0..tags).map(|t| columns[t * rows + k] as i8).collect()))
        .collect();
    if weights.iter().any(|(_, row)| row.iter().all(|&w| w == 0)) {
        return Err("a row of zeros".to_string());
    }
    let mut head = bytes[..words_start].to_vec();
    head.extend_from_slice(&0u32.to_le_bytes());
    head.extend_from_slice(&bytes[words_end..head_end]);
    head.extend_from_slice(&0u32.to_le_bytes());
    let number: std::collections::HashMap<&[u8], usize> = hi_common
        .iter()
        .enumerate()
        .map(|(i, word)| (word.as_slice(), i))
        .collect();
    let mut never_begin_common = vec![0u8; hi_common.len().div_ceil(8)];
    words.retain(|word| match number.get(word.as_slice()) {
        Some(&i) => {
            never_begin_common[i / 8] |= 1 << (i % 8);
            false
        }
        None => true,
    });
    words.sort_unstable();
    let mut never_begin = Vec::new();
    let mut before: &[u8] = &[];
    for word in &words {
        let shared = before.iter().zip(word).take_while(|(a, b)| a == b).count();
        never_begin.push(u8::try_from(before.len() - shared).map_err(|_| "a word too long")?);
        never_begin.extend_from_slice(&word[shared..]);
        never_begin.push(b'\n');
        before = word;
    }
    Ok(Parts {
        head,
        never_begin,
        never_begin_common,
        rows: rows::encode(&weights, tags),
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let part = self.bytes.get(self.at..self.at + n).ok_or("cut short")?;
        self.at += n;
        Ok(part)
    }

    fn u32(&mut self) -> Result<usize, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
}
