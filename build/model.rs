//! The tagger model's build step (included by build.rs; see `src/mentions/tagger.rs`): reads
//! `data/model/hi-ner.bin` and writes it in two parts, so that the shipped model needs no work at
//! run time.
//!
//! - `$OUT_DIR/hi-ner-head.bin`: the file without its weight rows (a model file with no rows):
//!   format, notice, never-begin words and transition scores, read at first use.
//! - `$OUT_DIR/hi-ner-emit.bin`: the weights in the layout the tagger reads them, one row of
//!   `tags` bytes per bucket (each weight plus 128), zero rows included, which the crate
//!   includes as a static.
//!
//! The file format is described in `data/model/README.md`; the crate's test
//! `the_shipped_model_is_the_file` checks that the two parts make the same model as the file.

use std::fs;
use std::path::Path;

/// Writes the two parts into `out`; a model file that cannot be read fails the build.
pub fn write(out: &Path) {
    let path = "data/model/hi-ner.bin";
    println!("cargo:rerun-if-changed={path}");
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (head, emit) = split(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    fs::write(out.join("hi-ner-head.bin"), head).expect("write hi-ner-head.bin");
    fs::write(out.join("hi-ner-emit.bin"), emit).expect("write hi-ner-emit.bin");
}

/// The head (with a row count of zero) and the dense weights of a model file.
fn split(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut r = Reader { bytes, at: 0 };
    r.take(4 + 1 + 2)?; // magic, format version, feature version
    let bits = r.take(1)?[0];
    let tags = usize::from(r.take(1)?[0]);
    if !(8..=24).contains(&bits) || tags == 0 {
        return Err(format!("{bits} bucket bits, {tags} tags"));
    }
    let notice = r.u32()?;
    r.take(notice)?;
    for _ in 0..r.u32()? {
        let len = usize::from(r.take(1)?[0]);
        r.take(len)?;
    }
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
    // Each weight plus 128, as the tagger stores them (`Model::emit`).
    let mut emit = vec![0x80u8; buckets * tags];
    for (k, &b) in row_of.iter().enumerate() {
        for t in 0..tags {
            emit[b * tags + t] = columns[t * rows + k] ^ 0x80;
        }
    }
    let mut head = bytes[..head_end].to_vec();
    head.extend_from_slice(&0u32.to_le_bytes());
    Ok((head, emit))
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
