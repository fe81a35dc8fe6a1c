//! The tagger model's weight rows as the crate ships them: which buckets have a row and the
//! rows' weights, entropy-coded (static rANS) so that the wasm carries little more than their
//! information. `build/model.rs` encodes ([`encode`]) and `src/mentions/tagger.rs` decodes
//! ([`decode`]) at first use; both include this file.
//!
//! The rows are coded in bucket order, each as three kinds of symbols, each kind with its own
//! table of frequencies (a *context*):
//! - the gap: how many buckets without a row come before it (since the row before, or the
//!   first bucket), a byte; [`ESCAPE`] adds 255 and another gap symbol follows;
//! - its mask: which of its weights are not zero (bit `t` for tag `t`);
//! - those weights (i8 as a byte), tag by tag, each in the context of its tag and of whether it
//!   is the row's last; the others also of the sign of the sum of the row's weights before
//!   them. A perceptron's updates add to one tag what they take from another, so that a row's
//!   weights sum to about zero: the last after others is coded as the row's sum (modulo 256;
//!   [`weight_symbol`]), in the context of its tag only.
//!
//! Layout (little-endian): the number of rows (u32); for each of [`contexts`] tables, the number
//! of symbols (LEB128) and for each symbol, in increasing order, its distance from the one
//! before (a byte; the first from 0) and its frequency (LEB128; the frequencies add up to
//! [`SCALE`]); then the rANS stream: the coder's state (u32) and its 16-bit units (u16) in the
//! order they are read. The decoder checks that it ends with every unit read and the state it
//! started from.
//!
//! Static rANS (Duda, "Asymmetric numeral systems", 2013) with a 32-bit state, as in ryg_rans
//! but with 16-bit units rather than bytes: a symbol of frequency `f` and cumulative frequency
//! `c` takes the state `x` to `(x / f) · SCALE + x mod f + c`. The units code the same as bytes
//! (the stream is as long, give or take a byte) and the decoder reads half as often, with one
//! test a symbol rather than up to two: about 0.47 M instructions less at first use (of 4.4 M).

/// log2 of the sum of a table's frequencies.
const SCALE_BITS: u32 = 12;
/// The sum of a table's frequencies.
const SCALE: u32 = 1 << SCALE_BITS;
/// The lower bound of the coder's state between symbols.
const LOW: u32 = 1 << 16;
/// The gap symbol that adds 255 buckets to the gap and is followed by another.
const ESCAPE: u8 = 255;

/// The context of the gap symbols.
const GAP: usize = 0;
/// The context of the mask symbols.
const MASK: usize = 1;

/// The number of contexts for a model of `tags` tags: gaps, masks, and five per tag.
fn contexts(tags: usize) -> usize {
    2 + 5 * tags
}

/// The context of weight `t` of a row, given the sum of the row's weights before it and
/// whether it is the row's last weight that is not zero: not last, by the sign of the sum
/// (three), or last, alone or after others (two).
fn weight_context(t: usize, before: i32, last: bool) -> usize {
    let by = if last {
        3 + usize::from(before != 0)
    } else {
        // The sign of the sum plus one, without `signum`'s arithmetic.
        usize::from(before > 0) + usize::from(before >= 0)
    };
    2 + 5 * t + by
}

/// The symbol of weight `w` given the sum of the row's weights before it and whether it is the
/// row's last: the last after others as the row's sum modulo 256, any other as itself.
fn weight_symbol(w: i8, before: i32, last: bool) -> u8 {
    if last {
        (i32::from(w) + before) as u8
    } else {
        w as u8
    }
}

/// The weight of [`weight_symbol`]'s `symbol`.
fn symbol_weight(symbol: u8, before: i32, last: bool) -> i8 {
    if last {
        (i32::from(symbol) - before) as u8 as i8
    } else {
        symbol as i8
    }
}

/// The coded rows `(bucket, weights)` (buckets increasing, below `2^bits`; each row with a
/// weight that is not zero and `tags` weights).
pub fn encode(rows: &[(usize, Vec<i8>)], tags: usize) -> Vec<u8> {
    // The symbols in the order they are read, each with its context.
    let mut symbols: Vec<(usize, u8)> = Vec::new();
    let mut next = 0usize;
    for (bucket, weights) in rows {
        let mut gap = bucket - next;
        while gap >= usize::from(ESCAPE) {
            symbols.push((GAP, ESCAPE));
            gap -= usize::from(ESCAPE);
        }
        symbols.push((GAP, gap as u8));
        next = bucket + 1;
        let mask = weights
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .fold(0u8, |m, (t, _)| m | 1 << t);
        symbols.push((MASK, mask));
        let mut before = 0i32;
        for (t, &w) in weights.iter().enumerate().filter(|(_, &w)| w != 0) {
            let last = usize::from(mask) >> (t + 1) == 0;
            symbols.push((
                weight_context(t, before, last),
                weight_symbol(w, before, last),
            ));
            before += i32::from(w);
        }
    }
    let mut counts = vec![[0u32; 256]; contexts(tags)];
    for &(c, s) in &symbols {
        counts[c][usize::from(s)] += 1;
    }
    let tables: Vec<[u32; 256]> = counts.iter().map(normalise).collect();
    let mut out = Vec::new();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for table in &tables {
        let used: Vec<usize> = (0..256).filter(|&s| table[s] != 0).collect();
        leb128(&mut out, used.len() as u32);
        let mut prev = 0;
        for s in used {
            out.push((s - prev) as u8);
            leb128(&mut out, table[s]);
            prev = s;
        }
    }
    // rANS codes backwards: the last symbol first, its units written from the end.
    let starts: Vec<[u32; 256]> = tables
        .iter()
        .map(|table| {
            let mut start = [0u32; 256];
            let mut sum = 0;
            for s in 0..256 {
                start[s] = sum;
                sum += table[s];
            }
            start
        })
        .collect();
    let mut x = LOW;
    let mut stream = Vec::new();
    for &(c, s) in symbols.iter().rev() {
        let (f, start) = (tables[c][usize::from(s)], starts[c][usize::from(s)]);
        // 2^32 for a symbol that is its context's only one.
        let top = u64::from((LOW >> SCALE_BITS) << 16) * u64::from(f);
        if u64::from(x) >= top {
            // Reversed below: the unit's low byte first.
            stream.extend_from_slice(&[(x >> 8) as u8, x as u8]);
            x >>= 16;
        }
        x = ((x / f) << SCALE_BITS) + x % f + start;
    }
    stream.extend_from_slice(&x.to_be_bytes());
    stream.reverse();
    out.extend_from_slice(&stream);
    out
}

/// Frequencies adding up to [`SCALE`] for symbol counts (none for no counts), at least one
/// for each symbol counted.
fn normalise(counts: &[u32; 256]) -> [u32; 256] {
    let total: u64 = counts.iter().map(|&n| u64::from(n)).sum();
    let mut f = [0u32; 256];
    if total == 0 {
        return f;
    }
    for s in 0..256 {
        if counts[s] != 0 {
            f[s] = ((u64::from(counts[s]) * u64::from(SCALE) / total) as u32).max(1);
        }
    }
    let most = (0..256).max_by_key(|&s| (counts[s], s)).unwrap_or(0);
    loop {
        let sum: u32 = f.iter().sum();
        if sum < SCALE {
            f[most] += SCALE - sum;
        } else if sum > SCALE {
            // Take from the largest frequency, one at a time.
            let largest = (0..256).max_by_key(|&s| (f[s], s)).unwrap_or(0);
            f[largest] -= 1;
        } else {
            return f;
        }
    }
}

/// `v` as LEB128 (seven bits a byte, low bits first) at the end of `out`; also the gaps between
/// the rows of the model file that `train_tagger` writes (`Model::to_bytes`).
pub fn leb128(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// One context's table as the decoder uses it: a symbol's look-up reads only this.
#[derive(Clone)]
struct Table {
    /// The symbol of each slot (`x mod SCALE`).
    symbol: [u8; SCALE as usize],
    /// Each symbol's frequency (above [`SCALE_BITS`]) and cumulative frequency (below).
    code: [u32; 256],
}

/// Reads a coded file's tables in order.
struct Bytes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn leb128(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..32).step_by(7) {
            let b = self.byte()?;
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        let b = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The rANS decoder over the coded stream. Past the end it reads zeros and counts them, and the
/// caller checks at the end that none were read: no test in the loop.
struct Decoder<'a> {
    x: u32,
    stream: &'a [u8],
    at: usize,
}

impl Decoder<'_> {
    /// The next symbol, of `table`'s context.
    #[inline(always)]
    fn take(&mut self, table: &Table) -> u8 {
        let slot = self.x & (SCALE - 1);
        let s = table.symbol[slot as usize];
        let code = table.code[usize::from(s)];
        self.x = (code >> SCALE_BITS) * (self.x >> SCALE_BITS) + slot - (code & (SCALE - 1));
        // The state is at least 2^4 here: one unit brings it back above LOW.
        if self.x < LOW {
            self.x = self.x << 16 | u32::from(self.next_unit());
        }
        s
    }

    #[inline(always)]
    fn next_unit(&mut self) -> u16 {
        let u = self
            .stream
            .get(self.at..self.at + 2)
            .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
        self.at += 2;
        u
    }
}

/// The rows of [`encode`]'s `bytes` for a model of `2^bits` buckets and `tags` (at most 7)
/// tags, laid out as the tagger reads them: for each block of 8 buckets, which have a row (bit
/// `b % 8` of the low byte for bucket `b`) and, in the bytes above, how many buckets before the
/// block have one; and the rows in bucket order, weight `t` plus 128 in byte `t` of a word (128
/// in the bytes above the last tag's). `None` if the bytes are not such rows.
pub fn decode(bytes: &[u8], bits: u8, tags: usize) -> Option<(Vec<u32>, Vec<u64>)> {
    let buckets = 1usize << bits;
    if tags >= 8 || buckets < 8 {
        return None;
    }
    let mut r = Bytes { bytes, at: 0 };
    let rows = r.u32()? as usize;
    if rows > buckets {
        return None;
    }
    let empty = Table {
        symbol: [0; SCALE as usize],
        code: [0; 256],
    };
    // A context without symbols reads symbol 0 with a frequency of 0: a mask or weight that is
    // refused below, or gaps that end in the wrong state.
    let mut tables = vec![empty; contexts(tags)];
    for table in tables.iter_mut() {
        let n = r.leb128()?;
        let (mut s, mut start) = (0usize, 0usize);
        for i in 0..n {
            let step = r.byte()?;
            s += usize::from(step);
            let f = r.leb128()? as usize;
            if (i > 0 && step == 0) || s > 255 || f == 0 || start + f > SCALE as usize {
                return None;
            }
            table.code[s] = (f << SCALE_BITS | start) as u32;
            table.symbol[start..start + f].fill(s as u8);
            start += f;
        }
        if n > 0 && start != SCALE as usize {
            return None;
        }
    }
    let mut d = Decoder {
        x: r.u32()?,
        stream: &bytes[r.at..],
        at: 0,
    };
    // While decoding, a block's bytes above the low one count the rows in the block, not before
    // it.
    let mut blocks = vec![0u32; buckets / 8];
    let mut emit = vec![0u64; rows];
    let mut next = 0usize;
    let (gaps, masks, weights) = (&tables[GAP], &tables[MASK], &tables[2..]);
    for slot in emit.iter_mut() {
        let mut bucket = next;
        loop {
            let gap = d.take(gaps);
            bucket += usize::from(gap);
            if gap != ESCAPE {
                break;
            }
            if bucket >= buckets {
                return None;
            }
        }
        // Buckets increase: the row's bit is not set yet, and adding sets it.
        *blocks.get_mut(bucket / 8)? += 1 << 8 | 1 << (bucket % 8);
        next = bucket + 1;
        let mask = d.take(masks);
        if mask == 0 || usize::from(mask) >> tags != 0 {
            return None;
        }
        // The weights before the row's last one (its highest tag), then the last: the loop
        // need not ask which is last.
        let last = 7 - mask.leading_zeros() as usize;
        let mut row = 0x8080_8080_8080_8080u64;
        let mut before = 0i32;
        let mut rest = mask ^ 1 << last;
        while rest != 0 {
            let t = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let symbol = d.take(&weights[weight_context(t, before, false) - 2]);
            let w = symbol_weight(symbol, before, false);
            if w == 0 {
                return None;
            }
            row ^= u64::from(w as u8) << (8 * t);
            before += i32::from(w);
        }
        let symbol = d.take(&weights[weight_context(last, before, true) - 2]);
        let w = symbol_weight(symbol, before, true);
        if w == 0 {
            return None;
        }
        *slot = row ^ u64::from(w as u8) << (8 * last);
    }
    let mut before = 0u32;
    for block in blocks.iter_mut() {
        let rows = *block >> 8;
        *block = before << 8 | *block & 0xFF;
        before += rows;
    }
    (d.x == LOW && d.at == d.stream.len()).then_some((blocks, emit))
}
