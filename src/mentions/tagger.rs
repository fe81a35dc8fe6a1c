//! The learned tagger: finds names of people, places and organisations that no list or
//! pattern knows, with a linear-chain model over hashed features ([`super::features`]).
//!
//! The model ([`Model`]) scores each token for seven BIO tags (outside; begin/inside a person,
//! place or organisation) as a sum of quantised weights of the token's feature ids, plus a
//! score for each pair of neighbouring tags; Viterbi search picks the best tag sequence under
//! the BIO rule (an inside tag only continues an entity of its own type). Time is linear in the
//! number of tokens. The shipped model `data/model/hi-ner.bin` is trained on the IL-NER Hindi
//! corpus (CC-BY-4.0; see `data/model/README.md`) by `examples/train_tagger.rs`.
//!
//! [`tag`] runs the model over every region of the story and returns [`Source::Tagger`]
//! mentions in text order: PER → person, LOC → place (whether a place is a country is the
//! lexicon's call), ORG → organisation. It only reads Devanagari text: the model has seen
//! little else.
//!
//! Speed: a [`Tagger`] works through one article and sums the weights of each distinct word's
//! features once ([`super::features::Word`]), so that at each token only the features of word
//! pairs are hashed (each two adjacent words once per sentence), and those that depend on no
//! word are summed once per tagger; the model keeps only the weight rows that exist (a quarter
//! of the buckets), coded at build time (`build/model.rs`, `build/rows.rs`) and decoded once, at
//! first use. A row is one aligned word, found with one load of its block of eight buckets
//! and a table of the ones in a byte; rows are summed as 16-bit lanes (`RowSum`), and a
//! word's memo keeps its sums as lanes, so that a token adds its five words' sums as two
//! words. The Viterbi search takes each token's scores as they are summed and keeps only the
//! best score of each tag: the best path's tags are worked out at the end. Hashes that run
//! over the same bytes (a word's form for ten templates, its suffixes for two or three, each
//! character for the three character trigrams that take it) run side by side in one pass, written out lane by lane where a loop would stay a loop (the
//! release profile optimises for size). A sentence without a Devanagari letter costs a scan
//! of its bytes, eight at a time past ASCII, and the memo starts at the first sentence with
//! one. The tags are the same as summing every feature of every token: tests compare each
//! token's scores with the plain sum (shipped model, random models, words long enough to
//! overfill the lanes) and the search with a plain one.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{
    adjacent_pair_features, fixed_features, marker_class, tokenize_into, word_form, Role, Word,
    FEATURE_VERSION,
};
use super::lexicon;
use super::patterns::spelled_in_letters;
use crate::article::ActorKind;
use crate::decimal::decimal;
use crate::doc::{Mention, Range, Source, Structure};

// The coding of the shipped model's rows, shared with the build step that codes them.
#[allow(dead_code)]
#[path = "../../build/rows.rs"]
mod rows;

/// The tags, in the order of the model's weight columns.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];
/// The number of tags.
pub const NTAGS: usize = TAGS.len();
/// Tag index of "outside any entity".
pub const OUTSIDE: u8 = 0;

const MAGIC: &[u8; 4] = b"NLTG";
const FORMAT_VERSION: u8 = 2;

/// The shipped model (`data/model/hi-ner.bin`) as build.rs lays it out (`build/model.rs`): the
/// file without its never-begin words and weight rows, the rows entropy-coded (`build/rows.rs`,
/// decoded at first use), and the never-begin words: those that are Hindi common words as one
/// bit per common word, the others packed and front-coded (read at first use). Builds without
/// the `tagger` feature leave it out (about 70 KB of the gzipped wasm, with the tagger's code)
/// and find names with the lexicon and the patterns only.
#[cfg(feature = "tagger")]
static SHIPPED_HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/hi-ner-head.bin"));
#[cfg(feature = "tagger")]
static SHIPPED_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/hi-ner-rows.bin"));
#[cfg(feature = "tagger")]
static SHIPPED_NEVER_BEGIN: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/hi-ner-never-begin.bin"));
#[cfg(feature = "tagger")]
static SHIPPED_NEVER_BEGIN_COMMON: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/hi-ner-never-begin-common.bin"));

/// Whether `word` names a weekday or month (`data/model/time-words.tsv`): never the start of a
/// name, though the training data has too few of them for the model to learn it.
pub fn is_time_word(word: &str) -> bool {
    is_time_form(&form_of(word))
}

/// [`is_time_word`] of a word in [`word_form`].
fn is_time_form(form: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::data::text(crate::data::MODEL_TIME_WORDS)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| word_form(&crate::normalize::Normalized::new(l).text))
            .collect()
    });
    words.contains(form)
}

/// [`word_form`] of `word`, borrowed when the word is its own form (Devanagari and lower-case
/// Latin without digits, most words): no String per word.
fn form_of(word: &str) -> std::borrow::Cow<'_, str> {
    if super::features::is_own_form(word) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word_form(word))
    }
}

/// The entity type of a tag (0 person, 1 place, 2 organisation), or `None` for outside.
pub fn tag_type(tag: u8) -> Option<u8> {
    (tag != OUTSIDE).then(|| (tag - 1) / 2)
}

/// Whether `tag` begins an entity.
pub fn is_begin(tag: u8) -> bool {
    tag != OUTSIDE && (tag - 1) % 2 == 0
}

/// Whether tag `next` may follow tag `prev` (`None`: the sentence start).
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    if next == OUTSIDE || is_begin(next) {
        return true;
    }
    prev.is_some_and(|p| tag_type(p) == tag_type(next))
}

/// The number of ones in a byte: in wasm one instruction (`i32.popcnt`); elsewhere a table,
/// since a count of ones is many operations where the processor has no instruction for it
/// (x86-64 without POPCNT).
#[cfg(target_family = "wasm")]
fn ones(byte: u8) -> u32 {
    byte.count_ones()
}

/// See the wasm version.
#[cfg(not(target_family = "wasm"))]
fn ones(byte: u8) -> u32 {
    static ONES: [u8; 256] = {
        let mut ones = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            ones[b] = (b as u8).count_ones() as u8;
            b += 1;
        }
        ones
    };
    u32::from(ONES[usize::from(byte)])
}

/// A trained model: quantised weights of hashed features per tag and tag-pair scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// log2 of the number of feature buckets.
    pub bits: u8,
    /// For each block of 8 buckets, which have a row of weights (bit `b % 8` of the low byte
    /// for bucket `b`) and, in the bytes above, how many buckets before the block have one: one
    /// load and a count of ones ([`ones`]) find a row. About a quarter of the buckets have a row;
    /// the others' weights are all zero.
    blocks: Vec<u32>,
    /// The rows of the buckets that have one, in bucket order, each a word: weight `t` in byte
    /// `t`, stored plus 128 ([`Model::weight`]; the tagger sums them as unsigned bytes), the
    /// last byte no tag's, 128 too ([`pack_row`]; [`Lanes`] counts the rows with it), so that a
    /// row is one aligned load ([`Lanes::add`]).
    /// Three times smaller than a row for every bucket, so that the rows a text needs stay in
    /// the cache.
    emit: Vec<u64>,
    /// `trans[0][t]`: score of starting with tag `t`; `trans[p + 1][t]`: of `t` after `p`.
    pub trans: [[i16; NTAGS]; NTAGS + 1],
    /// Free text stored with the model: its provenance and licence.
    pub notice: String,
    /// Frequent words (in [`word_form`]) that never or almost never begin a name in the
    /// training data ("आज", "में", "कहा"): the tagger never starts a name with them.
    never_begin: FxHashSet<Cow<'static, str>>,
}

impl Model {
    /// A model with `weights` (`2^bits × NTAGS`, row by row) and the other parts as given.
    pub fn new(
        bits: u8,
        weights: &[i8],
        trans: [[i16; NTAGS]; NTAGS + 1],
        notice: String,
        never_begin: Vec<String>,
    ) -> Model {
        let buckets = 1usize << bits;
        let mut present = vec![0u8; buckets.div_ceil(8)];
        let mut emit = Vec::new();
        for (b, row) in weights.chunks_exact(NTAGS).take(buckets).enumerate() {
            if row.iter().any(|&w| w != 0) {
                present[b / 8] |= 1 << (b % 8);
                emit.push(pack_row(row.iter().map(|&w| w as u8 ^ 0x80)));
            }
        }
        Model::with_parts(bits, blocks(&present), emit, trans, notice, never_begin)
    }

    /// The model with the buckets that have a row and how many before each block in `blocks`
    /// (see [`Model::blocks`], and [`blocks`] to make them) and their rows in `emit`.
    fn with_parts(
        bits: u8,
        blocks: Vec<u32>,
        emit: Vec<u64>,
        trans: [[i16; NTAGS]; NTAGS + 1],
        notice: String,
        never_begin: Vec<String>,
    ) -> Model {
        Model {
            bits,
            blocks,
            emit,
            trans,
            notice,
            never_begin: never_begin.into_iter().map(Cow::Owned).collect(),
        }
    }

    /// Where the row of `bucket` starts in `emit`, if the bucket has one.
    fn row(&self, bucket: usize) -> Option<usize> {
        let block = *self.blocks.get(bucket / 8)?;
        let bit = bucket % 8;
        if block >> bit & 1 == 0 {
            return None;
        }
        // The low byte's bits below `bit`, shifted to its top (the others out of it).
        let before = (block >> 8) + ones((block << (8 - bit)) as u8);
        Some(before as usize)
    }

    /// The weight for `tag` in row `bucket`.
    pub fn weight(&self, bucket: usize, tag: usize) -> i8 {
        self.row(bucket)
            .map_or(0, |at| ((self.emit[at] >> (8 * tag)) as u8 ^ 0x80) as i8)
    }

    /// The bucket of a feature id.
    pub fn bucket(&self, id: u32) -> usize {
        (id >> (32 - u32::from(self.bits))) as usize
    }

    /// The best tag sequence for `words` (normalised tokens of one sentence).
    pub fn tag_words(&self, words: &[&str]) -> Vec<u8> {
        Tagger::new(self).tag_words(words)
    }

    /// Whether `word` may not begin a name.
    pub fn never_begins(&self, word: &str) -> bool {
        self.never_begins_form(&form_of(word))
    }

    /// [`Model::never_begins`] of a word in [`word_form`].
    fn never_begins_form(&self, form: &str) -> bool {
        self.never_begin.contains(form)
    }

    /// The words that may not begin a name, in [`word_form`], sorted.
    pub fn never_begin(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.never_begin.iter().map(|w| w.as_ref()).collect();
        words.sort_unstable();
        words
    }

    /// The model in its file format (see `data/model/README.md`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.bits);
        out.push(NTAGS as u8);
        let notice = self.notice.as_bytes();
        out.extend_from_slice(&(notice.len() as u32).to_le_bytes());
        out.extend_from_slice(notice);
        out.extend_from_slice(&(self.never_begin.len() as u32).to_le_bytes());
        for word in self.never_begin() {
            let bytes = &word.as_bytes()[..word.len().min(255)];
            out.push(bytes.len() as u8);
            out.extend_from_slice(bytes);
        }
        for row in &self.trans {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        // Only rows with a non-zero weight are stored: their bucket numbers as gaps from the
        // previous one (LEB128), then their weights column by column (similar numbers side by
        // side compress better).
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&b| {
                self.row(b)
                    .is_some_and(|_| (0..NTAGS).any(|t| self.weight(b, t) != 0))
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut last = 0usize;
        for &b in &rows {
            rows::leb128(&mut out, (b - last) as u32);
            last = b;
        }
        for t in 0..NTAGS {
            out.extend(rows.iter().map(|&b| self.weight(b, t) as u8));
        }
        out
    }

    /// Read a model written by [`Model::to_bytes`], or say why it cannot be used.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        Model::read(bytes, None)
    }

    /// [`Model::from_bytes`] of a model file without weight rows (`head`), with the rows coded
    /// as build.rs writes the shipped model (`build/rows.rs`).
    pub fn with_rows(head: &[u8], rows: &[u8]) -> Result<Model, String> {
        Model::read(head, Some(rows))
    }

    fn read(bytes: &[u8], coded: Option<&[u8]>) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a newslens tagger model (bad magic)".to_string());
        }
        let format = r.take(1)?[0];
        if format != FORMAT_VERSION {
            return Err([
                "model format ",
                &decimal(format.into()),
                ", expected ",
                &decimal(FORMAT_VERSION.into()),
            ]
            .concat());
        }
        let features = u16::from_le_bytes([r.take(1)?[0], r.take(1)?[0]]);
        if features != FEATURE_VERSION {
            return Err([
                "model trained with feature version ",
                &decimal(features.into()),
                ", the code has ",
                &decimal(FEATURE_VERSION.into()),
                "; retrain it",
            ]
            .concat());
        }
        let bits = r.take(1)?[0];
        if !(8..=24).contains(&bits) {
            return Err([
                "model has ",
                &decimal(bits.into()),
                " bucket bits, expected 8 to 24",
            ]
            .concat());
        }
        let ntags = r.take(1)?[0] as usize;
        if ntags != NTAGS {
            return Err([
                "model has ",
                &decimal(ntags as u64),
                " tags, expected ",
                &decimal(NTAGS as u64),
            ]
            .concat());
        }
        let notice_len = r.u32()? as usize;
        let notice = String::from_utf8(r.take(notice_len)?.to_vec())
            .map_err(|_| "model notice is not UTF-8".to_string())?;
        let count = r.u32()? as usize;
        let mut never_begin = Vec::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let len = r.take(1)?[0] as usize;
            let word = std::str::from_utf8(r.take(len)?)
                .map_err(|_| "model word list is not UTF-8".to_string())?;
            never_begin.push(word.to_string());
        }
        if !never_begin.windows(2).all(|w| w[0] < w[1]) {
            return Err("model word list is not sorted".to_string());
        }
        let mut trans = [[0i16; NTAGS]; NTAGS + 1];
        for row in trans.iter_mut() {
            for w in row.iter_mut() {
                let b = r.take(2)?;
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
        }
        let nrows = r.u32()? as usize;
        let buckets = 1usize << bits;
        if nrows > buckets {
            return Err("model has more rows than buckets".to_string());
        }
        if let Some(coded) = coded {
            let (blocks, emit) = (nrows == 0 && r.at == bytes.len())
                .then(|| rows::decode(coded, bits, NTAGS))
                .flatten()
                .ok_or("model head has rows, or its coded rows cannot be read")?;
            return Ok(Model::with_parts(
                bits,
                blocks,
                emit,
                trans,
                notice,
                never_begin,
            ));
        }
        let mut rows: Vec<usize> = Vec::with_capacity(nrows);
        let mut last = 0usize;
        for i in 0..nrows {
            let gap = r.varint()? as usize;
            if i > 0 && gap == 0 {
                return Err("model rows are not in increasing order".to_string());
            }
            last += gap;
            if last >= buckets {
                return Err("model row outside its buckets".to_string());
            }
            rows.push(last);
        }
        // Row by row: each row's seven weights side by side, read from the seven columns.
        let columns = r.take(nrows * NTAGS)?;
        let mut present = vec![0u8; buckets / 8];
        let mut emit = Vec::with_capacity(nrows);
        for (k, &b) in rows.iter().enumerate() {
            present[b / 8] |= 1 << (b % 8);
            emit.push(pack_row((0..NTAGS).map(|t| columns[t * nrows + k] ^ 0x80)));
        }
        if r.at != bytes.len() {
            return Err("model has trailing bytes".to_string());
        }
        let model = Model::with_parts(bits, blocks(&present), emit, trans, notice, never_begin);
        Ok(model)
    }
}

/// Rule out the begin tags in a row of tag scores (without overflow in later sums).
pub fn forbid_begin<S: From<i32> + Copy>(row: &mut [S; NTAGS]) {
    // The begin tags are the odd ones ([`is_begin`]).
    for t in (1..NTAGS).step_by(2) {
        row[t] = S::from(-(1 << 24));
    }
}

/// Best path through `scores` (one row of tag scores per token) with transition scores
/// `trans(prev, next)`, keeping to the BIO rule. Of equal scores, the path through the lower
/// tag wins. Training's search: the transition scores are put in a table and the tagger's own
/// [`Search`] does the work.
pub fn viterbi<F>(scores: &[[i32; NTAGS]], trans: F) -> Vec<u8>
where
    F: Fn(Option<u8>, u8) -> i32,
{
    let table: [[i32; NTAGS]; NTAGS + 1] = std::array::from_fn(|p| {
        let prev = p.checked_sub(1).map(|p| p as u8);
        std::array::from_fn(|t| trans(prev, t as u8))
    });
    let mut search = Search::default();
    for row in scores {
        search.push(row, &table);
    }
    search.find_tags(&table);
    search.tags
}

/// The score of a tag no path may take at a token: far below any path's, and far enough above
/// `i32::MIN` that adding a transition and a token's scores cannot overflow.
const UNREACHABLE: i32 = i32::MIN / 2;

/// The best-path search of the tagger and of [`viterbi`] (`i32` scores, the transition scores in
/// a table), token by token: each row of tag scores is taken as soon as it is worked out, and
/// the buffer is kept from sentence to sentence. It keeps the best score of a path to each tag
/// at each token, not the tag before it on that path: that is worked out again for the tokens
/// of the best path only ([`step`]), from the same scores by the same rule, so that a token
/// costs only the maxima. A test checks it against a plain search that tries every pair of tags.
#[derive(Debug, Default)]
struct Search {
    /// `best[i][t]`: the best score of a path to tag `t` at token `i`.
    best: Vec<[i32; NTAGS]>,
    /// The best tag sequence ([`Search::find_tags`]), its buffer kept from sentence to sentence.
    tags: Vec<u8>,
}

/// The BIO rule ([`allowed`]) written out: the tag before `t` on the best path to it given the
/// best scores `prev` at the token before, and that path's score without `t`'s own. An inside
/// tag follows its type's begin or itself, any other tag any tag; lower tags win ties. Written
/// out tag by tag, not as a loop over the seven: the release profile unrolls no loop.
fn step(prev: &[i32; NTAGS], trans: &[[i32; NTAGS]; NTAGS + 1], t: usize) -> (u8, i32) {
    if t % 2 == 0 && t > 0 {
        let begin = prev[t - 1] + trans[t][t];
        let inside = prev[t] + trans[t + 1][t];
        return if inside > begin {
            (t as u8, inside)
        } else {
            (t as u8 - 1, begin)
        };
    }
    let mut p = 0;
    let mut top = prev[0] + trans[1][t];
    let mut consider = |q: u8| {
        let s = prev[q as usize] + trans[q as usize + 1][t];
        if s > top {
            (p, top) = (q, s);
        }
    };
    consider(1);
    consider(2);
    consider(3);
    consider(4);
    consider(5);
    consider(6);
    (p, top)
}

impl Search {
    /// Start a new sentence.
    fn clear(&mut self) {
        self.best.clear();
    }

    /// Take the next token's tag scores; `trans[0][t]` scores starting with tag `t` and
    /// `trans[p + 1][t]` tag `t` after `p`.
    fn push(&mut self, scores: &[i32; NTAGS], trans: &[[i32; NTAGS]; NTAGS + 1]) {
        let best = match self.best.last() {
            None => {
                let mut best: [i32; NTAGS] = std::array::from_fn(|t| scores[t] + trans[0][t]);
                // No inside tag starts a sentence: a score below any path's rules them out at
                // the next token without a test there (a path's score stays far above it, even
                // with begin tags ruled out by [`forbid_begin`]).
                for t in [2, 4, 6] {
                    best[t] = UNREACHABLE;
                }
                best
            }
            Some(prev) => {
                // The maxima of [`step`], without which tag gave them.
                let any = |t: usize| {
                    let s = |q: usize| prev[q] + trans[q + 1][t];
                    s(0).max(s(1))
                        .max(s(2))
                        .max(s(3))
                        .max(s(4))
                        .max(s(5))
                        .max(s(6))
                };
                let inside = |t: usize| (prev[t - 1] + trans[t][t]).max(prev[t] + trans[t + 1][t]);
                [
                    any(0) + scores[0],
                    any(1) + scores[1],
                    inside(2) + scores[2],
                    any(3) + scores[3],
                    inside(4) + scores[4],
                    any(5) + scores[5],
                    inside(6) + scores[6],
                ]
            }
        };
        self.best.push(best);
    }

    /// The best tag sequence for the tokens taken, with the transition scores they were taken
    /// with, into [`Search::tags`].
    fn find_tags(&mut self, trans: &[[i32; NTAGS]; NTAGS + 1]) {
        let n = self.best.len();
        let tags = &mut self.tags;
        tags.clear();
        let Some(last_best) = self.best.last() else {
            return;
        };
        let mut last = 0u8;
        let mut top: Option<i32> = None;
        for t in 0..NTAGS as u8 {
            if n == 1 && !allowed(None, t) {
                continue;
            }
            let s = last_best[t as usize];
            if top.is_none_or(|b| s > b) {
                top = Some(s);
                last = t;
            }
        }
        tags.resize(n, 0);
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = step(&self.best[i - 1], trans, tags[i] as usize).0;
        }
    }
}

/// Entity spans `(first, end_exclusive, type)` of a BIO tag sequence.
pub fn entities(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out: Vec<(usize, usize, u8)> = Vec::new();
    let mut open = false;
    for (i, &t) in tags.iter().enumerate() {
        match tag_type(t) {
            None => open = false,
            Some(ty) => {
                let continues = open && !is_begin(t) && out.last().is_some_and(|e| e.2 == ty);
                if continues {
                    if let Some(e) = out.last_mut() {
                        e.1 = i + 1;
                    }
                } else {
                    out.push((i, i + 1, ty));
                }
                open = true;
            }
        }
    }
    out
}

/// [`Model::blocks`] of the buckets that have a row in `present` (bucket `b`: bit `b % 8` of
/// byte `b / 8`).
fn blocks(present: &[u8]) -> Vec<u32> {
    // At most 2^24 buckets: the count before a block fits in 24 bits.
    let mut blocks = Vec::with_capacity(present.len());
    let mut before = 0u32;
    for &bits in present {
        blocks.push(before << 8 | u32::from(bits));
        before += bits.count_ones();
    }
    blocks
}

/// A row of [`Model::emit`] from its weights as stored (each plus 128), tag by tag: weight `t`
/// in byte `t`, the bytes after the last tag's a zero weight (128).
fn pack_row(stored: impl IntoIterator<Item = u8>) -> u64 {
    const {
        assert!(
            NTAGS < 8,
            "a row's weights and an unused byte fit in a word"
        )
    };
    let mut row = [0x80u8; 8];
    for (byte, weight) in row.iter_mut().take(NTAGS).zip(stored) {
        *byte = weight;
    }
    u64::from_le_bytes(row)
}

/// The shipped Hindi model, read once; `None` if it cannot be read (a build defect that the
/// tests catch, never a panic at run time).
#[cfg(feature = "tagger")]
pub fn shipped_model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let mut model = Model::with_rows(SHIPPED_HEAD, SHIPPED_ROWS).ok()?;
            // All the words in one string, each a line: no String per word.
            static WORDS: OnceLock<String> = OnceLock::new();
            let words = WORDS.get_or_init(|| {
                let mut words = String::new();
                crate::data::hi_common_words_into(SHIPPED_NEVER_BEGIN_COMMON, &mut words);
                crate::data::unpack_front_coded_into(SHIPPED_NEVER_BEGIN, &mut words);
                words
            });
            let count = words.bytes().filter(|&b| b == b'\n').count();
            model.never_begin.reserve(count);
            model.never_begin.extend(words.lines().map(Cow::Borrowed));
            Some(model)
        })
        .as_ref()
}

/// The shipped model: none in a build without the `tagger` feature.
#[cfg(not(feature = "tagger"))]
pub fn shipped_model() -> Option<&'static Model> {
    None
}

/// The kind of mention an entity type stands for.
fn kind_of(ty: u8) -> ActorKind {
    match ty {
        0 => ActorKind::Person,
        1 => ActorKind::Place,
        _ => ActorKind::Organization,
    }
}

/// Tagger mentions in the story's regions of `norm` (normalised text), in text order.
pub fn tag(norm: &str, structure: &Structure) -> Vec<Mention> {
    let Some(model) = shipped_model() else {
        return Vec::new();
    };
    let mut tagger = Tagger::for_text(model, norm);
    let mut mentions = Vec::new();
    for region in structure.regions() {
        for sentence in region.sentences {
            mentions.extend(tagger.tag_text(norm, *sentence));
        }
    }
    crate::sort::by_key(&mut mentions, |m| m.range.start);
    mentions.dedup_by_key(|m| m.range);
    mentions
}

/// More memoised words than this and the memo starts again (it only saves time; the limit
/// keeps its memory small on long inputs).
const MEMO_LIMIT: usize = 1 << 13;

/// A model at work on one text, sentence by sentence: it remembers the weights of each word's
/// features ([`Word::visit`]) for the next time the word comes, so that only the features of
/// word pairs ([`super::features::pair_features`]) are worked out at every token (the few that depend on no
/// word, [`fixed_features`], are summed once). The same text gives the same tags with or
/// without the memo.
pub struct Tagger<'a> {
    model: &'a Model,
    /// The memo: where each word of the text met so far is in `words`.
    index: FxHashMap<&'a str, usize>,
    /// The sentence boundaries (`<s>`, `</s>`), then every word met, in order.
    words: Vec<Memo<'a>>,
    /// Each token's place in `words`, for the current sentence.
    at: Vec<u32>,
    /// More words than this in the memo and it starts again ([`MEMO_LIMIT`]).
    limit: usize,
    /// The summed weights of [`fixed_features`] by case-marker class and by whether the token
    /// is its sentence's first: the same few rows at every token, summed once (as lanes).
    fixed: [[Lanes; 2]; 3],
    /// The model's tag-pair scores ([`Model::trans`]) as the sums' type.
    trans: [[i32; NTAGS]; NTAGS + 1],
    /// The best-path search, its buffer kept from sentence to sentence.
    search: Search,
    /// The pair features of each two adjacent words of the current sentence.
    pairs: Vec<[u32; 7]>,
    /// How many distinct words to make room for in the memo when it starts ([`Tagger::reserve`]).
    room: usize,
    /// The current sentence's tokens and their words ([`Tagger::tag_text`]), kept from sentence
    /// to sentence.
    tokens: Vec<Range>,
    sentence: Vec<&'a str>,
    /// Whether `tokens` are those of the sentence read last ([`Tagger::tokens`]).
    tokenized: bool,
}

/// Emission rows summed as 16-bit lanes in two words: the even and the odd tags' weights plus
/// 128 as stored ([`Model::emit`]), and in the odd word's top lane the rows' unused eighth
/// bytes, 128 each: the sum of the biases to take off, and so the number of rows added, with
/// no count kept beside. One load and a few operations per row instead of seven additions; a
/// lane holds the sum of up to 257 rows.
#[derive(Debug, Clone, Copy, Default)]
struct Lanes {
    even: u64,
    odd: u64,
}

/// The most rows [`Lanes`] hold (of weights up to 255 as stored, up to 65535 in a lane).
const LANE_ROWS: u64 = 257;

/// The longest form (in bytes, so at most as many characters) whose memo's sums stay in lanes
/// ([`Memo::overflow`]): a token's own word gives it at most ten features and one per
/// character, its neighbours three, three, one and one, [`fixed_features`] three and the word
/// pairs seven, which then fit in one [`Lanes`] with no count of the rows kept.
const SHORT_FORM: usize = 200;

const _: () = assert!(10 + SHORT_FORM as u64 + 3 + 3 + 1 + 1 + 3 + 7 <= LANE_ROWS);

impl Lanes {
    /// Add the weights of feature `id` (the caller sees to it that the lanes hold them).
    #[inline(always)]
    fn add(&mut self, model: &Model, id: u32) {
        let Some(at) = model.row(model.bucket(id)) else {
            return;
        };
        let Some(&x) = model.emit.get(at) else {
            return;
        };
        self.even += x & LANES;
        self.odd += (x >> 8) & LANES;
    }

    /// Whether the lanes hold [`LANE_ROWS`] rows, to be emptied before the next one.
    fn full(&self) -> bool {
        self.odd >> 48 == 128 * LANE_ROWS
    }

    /// The sum of the rows, tag by tag.
    fn value(&self) -> [i32; NTAGS] {
        self.added_to([0; NTAGS])
    }

    /// `base` plus the sum of the rows, tag by tag (written out: the release profile optimises
    /// for size and unrolls no loop).
    fn added_to(&self, base: [i32; NTAGS]) -> [i32; NTAGS] {
        let (even, odd) = (self.even, self.odd);
        let bias = (odd >> 48) as i32;
        let lane = |lanes: u64, k: u32| ((lanes >> (16 * k)) & 0xffff) as i32 - bias;
        [
            base[0] + lane(even, 0),
            base[1] + lane(odd, 0),
            base[2] + lane(even, 1),
            base[3] + lane(odd, 1),
            base[4] + lane(even, 2),
            base[5] + lane(odd, 2),
            base[6] + lane(even, 3),
        ]
    }
}

/// A sum of emission rows of any number: [`Lanes`], emptied into a total when full.
#[derive(Debug, Clone, Copy, Default)]
struct RowSum {
    lanes: Lanes,
    total: [i32; NTAGS],
}

/// The low byte of each 16-bit lane.
const LANES: u64 = 0x00ff_00ff_00ff_00ff;

impl RowSum {
    /// Add the weights of feature `id`.
    fn add(&mut self, model: &Model, id: u32) {
        self.lanes.add(model, id);
        if self.lanes.full() {
            self.flush();
        }
    }

    /// Empty the full lanes into the total (rarely: after [`LANE_ROWS`] rows).
    #[cold]
    #[inline(never)]
    fn flush(&mut self) {
        self.total = self.lanes.added_to(self.total);
        self.lanes = Lanes::default();
    }

    /// The sum of the rows added.
    fn sum(self) -> [i32; NTAGS] {
        self.lanes.added_to(self.total)
    }
}

/// The sum of the five words' weights in their roles around a token (own, before, after, two
/// before, two after), of `fixed` and of the pair features `ids`: when a word's sums are not
/// all in its lanes (a form longer than [`SHORT_FORM`]).
#[cold]
fn overflowing_sum(
    model: &Model,
    memos: [&Memo<'_>; 5],
    fixed: &Lanes,
    ids: [u32; 7],
) -> [i32; NTAGS] {
    let mut sum = RowSum {
        total: fixed.value(),
        ..RowSum::default()
    };
    for (role, memo) in memos.into_iter().enumerate() {
        let overflow = memo.overflow.as_ref().map_or([0; NTAGS], |o| o[role]);
        for ((t, v), o) in sum
            .total
            .iter_mut()
            .zip(memo.lanes[role].value())
            .zip(overflow)
        {
            *t += v + o;
        }
    }
    for id in ids {
        sum.add(model, id);
    }
    sum.sum()
}

/// Empty a memo's full lanes of role `r` into its overflow (rarely: only a very long word's own
/// features fill them).
#[cold]
#[inline(never)]
fn spill(overflow: &mut Option<Box<[[i32; NTAGS]; 5]>>, r: usize, lanes: &mut Lanes) {
    let totals = overflow.get_or_insert_with(|| Box::new([[0; NTAGS]; 5]));
    totals[r] = lanes.added_to(totals[r]);
    *lanes = Lanes::default();
}

/// A word with the summed weights of its own features and of those it gives its neighbours.
struct Memo<'a> {
    word: Word<'a>,
    /// By [`Role`] (own, before, after, two before, two after): the weights summed as lanes, so
    /// that a token adds its five words' lanes and its pairs' rows as one sum.
    lanes: [Lanes; 5],
    /// For a form longer than [`SHORT_FORM`] (rarely), by role, what did not fit in the lanes
    /// (a role with more features than [`LANE_ROWS`]: only a very long word's own features);
    /// `None` for the others, whose lanes hold all and leave room for a token's other rows.
    overflow: Option<Box<[[i32; NTAGS]; 5]>>,
    /// Whether the word may not begin a name ([`Model::never_begins`], [`is_time_word`]).
    no_begin: bool,
    /// Whether the word is a common one and whether it is spelled in Latin letters
    /// ([`Tagger::is_common`], [`Tagger::spelled_in_letters`]), once asked.
    common: Option<bool>,
    spelled: Option<bool>,
}

impl<'a> Memo<'a> {
    /// The memo of `word` (of a sentence's word, or else of a sentence boundary).
    fn new(model: &Model, word: Word<'a>, is_word: bool) -> Memo<'a> {
        let mut lanes = [Lanes::default(); 5];
        // Only a long form's rows are counted as they come, their overflow kept even if empty.
        let long = word.form().len() > SHORT_FORM;
        let mut overflow = long.then(|| Box::new([[0; NTAGS]; 5]));
        word.visit(!is_word, |role, id| {
            let r = match role {
                Role::Own => 0,
                Role::Before => 1,
                Role::After => 2,
                Role::TwoBefore => 3,
                Role::TwoAfter => 4,
            };
            lanes[r].add(model, id);
            if long && lanes[r].full() {
                spill(&mut overflow, r, &mut lanes[r]);
            }
        });
        let form = word.form();
        let no_begin = is_word && (model.never_begins_form(form) || is_time_form(form));
        Memo {
            word,
            lanes,
            overflow,
            no_begin,
            common: None,
            spelled: None,
        }
    }
}

impl<'a> Tagger<'a> {
    /// A tagger with an empty memo.
    pub fn new(model: &'a Model) -> Tagger<'a> {
        Tagger::with_limit(model, MEMO_LIMIT)
    }

    fn with_limit(model: &'a Model, limit: usize) -> Tagger<'a> {
        let fixed = std::array::from_fn(|marker| {
            std::array::from_fn(|first| {
                // A few rows: they fit in lanes.
                let mut sum = RowSum::default();
                fixed_features(marker, first == 1, |id| sum.add(model, id));
                sum.lanes
            })
        });
        Tagger {
            limit,
            fixed,
            trans: model.trans.map(|row| row.map(i32::from)),
            search: Search::default(),
            pairs: Vec::new(),
            model,
            index: FxHashMap::default(),
            words: Vec::new(),
            at: Vec::new(),
            room: 0,
            tokens: Vec::new(),
            sentence: Vec::new(),
            tokenized: false,
        }
    }

    /// A tagger for `norm`, with room in its memo for the distinct words such a text has:
    /// Hindi news has about one new word in 30 bytes, so room for a few more at once, and no
    /// rehash or copy of the memo as they come.
    pub fn for_text(model: &'a Model, norm: &str) -> Tagger<'a> {
        let mut tagger = Tagger::new(model);
        tagger.reserve(norm.len() / 24);
        tagger
    }

    /// Make room in the memo for about `words` distinct words (at most its limit) when it
    /// starts: at the first sentence with a Devanagari letter, so that a text without one
    /// (English) costs nothing.
    pub fn reserve(&mut self, words: usize) {
        self.room = words.min(self.limit);
    }

    /// Tagger mentions in `range` of `norm`.
    pub fn tag_text(&mut self, norm: &'a str, range: Range) -> Vec<Mention> {
        let text = range.slice(norm);
        self.tokenized = has_devanagari_letter(text);
        if !self.tokenized {
            return Vec::new();
        }
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut words = std::mem::take(&mut self.sentence);
        tokenize_into(text, &mut tokens);
        words.clear();
        words.extend(tokens.iter().map(|t| t.slice(text)));
        self.find_tags(&words);
        let mentions = entities(&self.search.tags)
            .into_iter()
            .filter(|&(s, e, _)| words[s..e].iter().any(|w| has_devanagari_letter(w)))
            .map(|(s, e, ty)| Mention {
                range: Range::new(
                    range.start + tokens[s].start,
                    range.start + tokens[e - 1].end,
                ),
                kind: kind_of(ty),
                source: Source::Tagger,
                canonical: None,
                wikidata: None,
                adjectival: false,
            })
            .collect();
        (self.tokens, self.sentence) = (tokens, words);
        mentions
    }

    /// [`lexicon::Lexicon::is_common`] of `word` in the built-in lexicon, looked up once for
    /// each word of the memo: a name the tagger guesses is asked about in every sentence that
    /// has it. (The memo keeps one answer a word, so it asks the one lexicon there is, not a
    /// caller's.)
    pub fn is_common(&mut self, word: &str) -> bool {
        self.recall(word, |m| &mut m.common, |w| lexicon::builtin().is_common(w))
    }

    /// [`spelled_in_letters`] of `word` in the built-in lexicon, likewise worked out once for
    /// each word of the memo.
    pub fn spelled_in_letters(&mut self, word: &str) -> bool {
        self.recall(
            word,
            |m| &mut m.spelled,
            |w| spelled_in_letters(lexicon::builtin(), w),
        )
    }

    /// `ask(word)`, kept in the `slot` of the word's memo when the memo has the word.
    fn recall(
        &mut self,
        word: &str,
        slot: for<'m> fn(&'m mut Memo<'a>) -> &'m mut Option<bool>,
        ask: impl FnOnce(&str) -> bool,
    ) -> bool {
        match self.index.get(word).and_then(|&at| self.words.get_mut(at)) {
            Some(memo) => *slot(memo).get_or_insert_with(|| ask(word)),
            None => ask(word),
        }
    }

    /// The tokens ([`tokenize_into`]) of the range [`Tagger::tag_text`] read last, relative to
    /// its start, or `None` if it read none (a range without a Devanagari letter).
    pub fn tokens(&self) -> Option<&[Range]> {
        self.tokenized.then_some(&self.tokens[..])
    }

    /// The best tag sequence for `words` (normalised tokens of one sentence).
    pub fn tag_words(&mut self, words: &[&'a str]) -> Vec<u8> {
        self.find_tags(words);
        self.search.tags.clone()
    }

    /// The best tag sequence for `words` into `self.search.tags` (no Vec per sentence).
    fn find_tags(&mut self, words: &[&'a str]) {
        let mut search = std::mem::take(&mut self.search);
        search.clear();
        let trans = self.trans;
        self.scores(words, |row| search.push(row, &trans));
        search.find_tags(&trans);
        self.search = search;
    }

    /// Calls `each` with the tag scores of each token of `words` in turn: the sum of the
    /// weights of its features, the begin tags ruled out for a never-begin word.
    fn scores(&mut self, words: &[&'a str], mut each: impl FnMut(&[i32; NTAGS])) {
        if self.words.is_empty() {
            self.index.reserve(self.room);
            self.words.reserve(self.room + 2);
            self.words
                .push(Memo::new(self.model, Word::boundary(true), false));
            self.words
                .push(Memo::new(self.model, Word::boundary(false), false));
        } else if self.words.len() > self.limit {
            self.index.clear();
            self.words.truncate(2);
        }
        // Each token's place in the memo, after two sentence starts and before two ends, so
        // that token `i`'s words from two before to two after are `at[i..i + 5]`.
        self.at.clear();
        self.at.extend([0, 0]);
        for &w in words {
            let next = self.words.len();
            let at = *self.index.entry(w).or_insert(next);
            if at == next {
                self.words.push(Memo::new(self.model, Word::new(w), true));
            }
            self.at.push(at as u32);
        }
        self.at.extend([1, 1]);
        let memos = &self.words;
        let memo = |at: u32| &memos[at as usize];
        // The pair features of each two adjacent words ([`adjacent_pair_features`]), the
        // sentence boundaries included: `pairs[k]` of the words at `at[k]` and `at[k + 1]`
        // (tokens `k - 2` and `k - 1`), its last of the words at `at[k - 1]` and `at[k + 1]`
        // (the words around token `k - 2`; for `k` 0 and 1, no token's).
        self.pairs.clear();
        if !words.is_empty() {
            let start = &memo(0).word;
            self.pairs.push(adjacent_pair_features(start, start, start));
            self.pairs.extend(self.at.windows(3).map(|w| {
                adjacent_pair_features(&memo(w[0]).word, &memo(w[1]).word, &memo(w[2]).word)
            }));
        }
        for (i, (at, pairs)) in self.at.windows(5).zip(self.pairs.windows(4)).enumerate() {
            let &[a, b, c, d, e] = at else { continue };
            let [before2, before, word, after, after2] = [a, b, c, d, e].map(memo);
            let fixed = &self.fixed[marker_class(&after.word, &after2.word)][usize::from(i == 0)];
            // The pair ids first, then their rows: the rows' loads (cache misses, mostly)
            // then overlap instead of each waiting for the next id's hash (about 8% less
            // time in the tagger natively). Pair `k` is of the words at `k - 2` and `k - 1`.
            let ids = [
                pairs[1][0],
                pairs[1][1],
                pairs[2][2],
                pairs[2][3],
                pairs[0][4],
                pairs[3][5],
                pairs[2][6],
            ];
            // The five words' lanes, the fixed ones and the pairs' rows in one sum when they
            // fit (always, but for very long words).
            let memos = [word, before, after, before2, after2];
            let mut row = if memos.iter().all(|m| m.overflow.is_none()) {
                let (own, b, a, b2, a2) = (
                    &word.lanes[0],
                    &before.lanes[1],
                    &after.lanes[2],
                    &before2.lanes[3],
                    &after2.lanes[4],
                );
                let mut lanes = Lanes {
                    even: own.even + b.even + a.even + b2.even + a2.even + fixed.even,
                    odd: own.odd + b.odd + a.odd + b2.odd + a2.odd + fixed.odd,
                };
                for id in ids {
                    lanes.add(self.model, id);
                }
                lanes.value()
            } else {
                overflowing_sum(self.model, memos, fixed, ids)
            };
            if word.no_begin {
                forbid_begin(&mut row);
            }
            each(&row);
        }
    }
}

/// Whether `text` has a Devanagari letter (U+0904 to U+0939, U+0958 to U+0961, U+0972 to
/// U+097F): read byte by byte, eight at a time past ASCII, as `E0 A4 xx` or `E0 A5 xx`.
pub fn has_devanagari_letter(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        if crate::scan::eight(bytes, at).is_some_and(crate::scan::is_ascii) {
            at += 8;
            continue;
        }
        if lead == 0xE0
            && matches!(
                bytes.get(at + 1..at + 3),
                Some([0xA4, 0x84..=0xB9] | [0xA5, 0x98..=0xA1 | 0xB2..=0xBF])
            )
        {
            return true;
        }
        at += 1;
    }
    false
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| "model file is cut short".to_string())?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u32, String> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err("model file is cut short".to_string());
            };
            self.at += 1;
            v |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("model has a malformed number".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::tokenize;
    use super::*;

    /// A xorshift generator of 32-bit numbers from `state` (not zero): the tests' random
    /// models and scores, the same on every run.
    fn xorshift(mut state: u32) -> impl FnMut() -> u32 {
        move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        }
    }

    #[test]
    fn finds_devanagari_letters_byte_by_byte() {
        let letter = |c: char| matches!(c, '\u{0904}'..='\u{0939}' | '\u{0958}'..='\u{0961}' | '\u{0972}'..='\u{097F}');
        let texts = [
            "",
            "a",
            "plain ASCII text, long enough for a few words of eight bytes",
            "“Curly” quotes and an em dash — but no Hindi at all, 🙂",
            "२०२४ । ॥ ् ा ः ँ ॰", // Devanagari digits, marks and signs: no letter
            "मोदी",
            "An English sentence that ends in Hindi: भारत",
            "ऄ ह क़ ॡ ॲ ॿ",
            "x\u{0903}\u{093A}\u{0962}\u{0971}\u{0980}",
        ];
        for text in texts {
            for start in text.char_indices().map(|(at, _)| at) {
                let part = &text[start..];
                assert_eq!(
                    has_devanagari_letter(part),
                    part.chars().any(letter),
                    "should find a Devanagari letter in {part:?} as the characters say"
                );
            }
        }
    }

    /// The plain Viterbi search, every cell an option and every pair of tags checked: what
    /// [`viterbi`] must agree with.
    fn plain_viterbi(scores: &[[i32; NTAGS]], trans: &[[i32; NTAGS]; NTAGS + 1]) -> Vec<u8> {
        let n = scores.len();
        if n == 0 {
            return Vec::new();
        }
        let cost = |p: Option<u8>, t: u8| trans[p.map_or(0, |p| p as usize + 1)][t as usize];
        let mut best: Vec<[Option<i32>; NTAGS]> = vec![[None; NTAGS]; n];
        let mut back = vec![[0u8; NTAGS]; n];
        for t in 0..NTAGS as u8 {
            if allowed(None, t) {
                best[0][t as usize] = Some(scores[0][t as usize] + cost(None, t));
            }
        }
        for i in 1..n {
            for t in 0..NTAGS as u8 {
                let mut top: Option<(i32, u8)> = None;
                for p in 0..NTAGS as u8 {
                    let Some(prev) = best[i - 1][p as usize] else {
                        continue;
                    };
                    let s = prev + cost(Some(p), t);
                    if allowed(Some(p), t) && top.is_none_or(|(b, _)| s > b) {
                        top = Some((s, p));
                    }
                }
                if let Some((s, p)) = top {
                    best[i][t as usize] = Some(s + scores[i][t as usize]);
                    back[i][t as usize] = p;
                }
            }
        }
        let mut last = 0u8;
        let mut top: Option<i32> = None;
        for t in 0..NTAGS as u8 {
            if let Some(s) = best[n - 1][t as usize] {
                if top.is_none_or(|b| s > b) {
                    top = Some(s);
                    last = t;
                }
            }
        }
        let mut tags = vec![0u8; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = back[i][tags[i] as usize];
        }
        tags
    }

    /// Rows `(bucket, weights)` for a model of `2^bits` buckets: every `spacing`-th bucket at
    /// most (random gaps, some longer than 255 and 510), random weights (some zero, some at the
    /// ends of the i8 range), each row with a weight that is not zero.
    fn random_rows(seed: u64, bits: u8, spacing: u64) -> Vec<(usize, Vec<i8>)> {
        let mut random = super::super::train::SplitMix64(seed);
        let mut next = move || random.next();
        let mut rows = Vec::new();
        let mut bucket = (next() % 600) as usize;
        while bucket < 1 << bits {
            let mut row: Vec<i8> = (0..NTAGS)
                .map(|_| match next() % 8 {
                    0..=3 => 0,
                    4 => [-128, 127, -127, 1][(next() % 4) as usize],
                    _ => next() as i8,
                })
                .collect();
            if row.iter().all(|&w| w == 0) {
                row[(next() % NTAGS as u64) as usize] = -3;
            }
            rows.push((bucket, row));
            bucket += 1 + match next() % 50 {
                0 => 256 + (next() % 600) as usize,
                _ => (next() % spacing) as usize,
            };
        }
        rows
    }

    #[test]
    fn coded_rows_decode_to_the_rows() {
        for (seed, bits, spacing) in [(1, 10, 3), (2, 12, 1), (3, 12, 12), (4, 16, 6)] {
            let rows = random_rows(seed, bits, spacing);
            let mut present = vec![0u8; (1 << bits) / 8];
            let mut emit = Vec::new();
            for (b, row) in &rows {
                present[b / 8] |= 1 << (b % 8);
                emit.push(pack_row(row.iter().map(|&w| w as u8 ^ 0x80)));
            }
            let coded = rows::encode(&rows, NTAGS);
            assert_eq!(
                rows::decode(&coded, bits, NTAGS),
                Some((blocks(&present), emit)),
                "should decode {} coded rows of 2^{bits} buckets",
                rows.len()
            );
            assert_eq!(
                rows::decode(&coded[..coded.len() - 1], bits, NTAGS),
                None,
                "should refuse rows cut short"
            );
            let mut longer = coded.clone();
            longer.push(0);
            assert_eq!(
                rows::decode(&longer, bits, NTAGS),
                None,
                "should refuse a byte after the rows"
            );
            assert_eq!(
                rows::decode(&coded, bits - 1, NTAGS),
                None,
                "should refuse rows beyond the buckets"
            );
        }
        let none = rows::encode(&[], NTAGS);
        assert_eq!(
            rows::decode(&none, 8, NTAGS),
            Some((vec![0; 32], Vec::new())),
            "should decode no rows"
        );
    }

    #[test]
    fn broken_coded_rows_are_refused_without_a_panic() {
        let coded = rows::encode(&random_rows(5, 12, 4), NTAGS);
        let mut refused = 0;
        for at in 0..coded.len() {
            for flip in [1u8, 0x80, 0xff] {
                let mut broken = coded.clone();
                broken[at] ^= flip;
                refused += usize::from(rows::decode(&broken, 12, NTAGS).is_none());
            }
            refused += usize::from(rows::decode(&coded[..at], 12, NTAGS).is_none());
        }
        // A flipped bit can still make rows that end in the right state; most do not.
        assert!(
            refused > coded.len() * 3,
            "should refuse most broken codings ({refused} of {})",
            coded.len() * 4
        );
    }

    #[cfg(feature = "tagger")]
    #[test]
    fn the_shipped_model_is_the_file() {
        let file = Model::from_bytes(include_bytes!("../../data/model/hi-ner.bin"));
        assert_eq!(
            shipped_model(),
            file.ok().as_ref(),
            "should ship the model of data/model/hi-ner.bin as build.rs laid it out"
        );
    }

    #[cfg(feature = "tagger")]
    #[test]
    fn the_memo_changes_no_tag() {
        let model = shipped_model().expect("should load the shipped model");
        let text = "प्रधानमंत्री नरेंद्र मोदी ने दिल्ली में एक सभा को संबोधित किया। कांग्रेस नेता \
            राहुल गांधी ने सोमवार को पटना में एक रैली की। मोदी ने कहा कि दिल्ली में सभा होगी। \
            भारतीय रिज़र्व बैंक ने ब्याज दरों में कोई बदलाव नहीं किया।";
        let sentences: Vec<Vec<&str>> = text
            .split_inclusive('।')
            .map(|s| tokenize(s).iter().map(|r| r.slice(s)).collect())
            .collect();
        // One memo for all, one that starts again after every few words, none.
        let mut whole = Tagger::new(model);
        let mut small = Tagger::with_limit(model, 3);
        for words in &sentences {
            let alone = Tagger::new(model).tag_words(words);
            assert!(
                alone.iter().any(|&t| t != OUTSIDE),
                "should find a name in {words:?}"
            );
            assert_eq!(
                whole.tag_words(words),
                alone,
                "should tag {words:?} the same after other sentences"
            );
            assert_eq!(
                small.tag_words(words),
                alone,
                "should tag {words:?} the same with a memo that starts again"
            );
        }
    }

    /// The tags of the plain sum ([`plain_scores`]) by the plain search.
    fn plain_tags(model: &Model, words: &[&str]) -> Vec<u8> {
        let scores = plain_scores(model, words);
        plain_viterbi(&scores, &model.trans.map(|row| row.map(i32::from)))
    }

    /// The plain sum: every feature id of [`super::super::features::sentence_features`] looked
    /// up one weight at a time, the never-begin words' begin tags ruled out.
    fn plain_scores(model: &Model, words: &[&str]) -> Vec<[i32; NTAGS]> {
        super::super::features::sentence_features(words)
            .iter()
            .zip(words)
            .map(|(ids, word)| {
                let mut row = [0i32; NTAGS];
                for &id in ids {
                    for (t, score) in row.iter_mut().enumerate() {
                        *score += i32::from(model.weight(model.bucket(id), t));
                    }
                }
                if model.never_begins(word) || is_time_word(word) {
                    forbid_begin(&mut row);
                }
                row
            })
            .collect()
    }

    /// The tagger's scores of each token of `words`.
    fn tagger_scores<'a>(tagger: &mut Tagger<'a>, words: &[&'a str]) -> Vec<[i32; NTAGS]> {
        let mut scores = Vec::new();
        tagger.scores(words, |row| scores.push(*row));
        scores
    }

    /// Sentences of Hindi news and of what else a Hindi story holds: Latin words, digits,
    /// punctuation, a long word, a word repeated.
    const SENTENCES: [&str; 6] = [
        "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को दिल्ली में भारतीय जनता पार्टी की बैठक में कहा कि \
         २०२४ में 50,000 लोग आए।",
        "रूस के राष्ट्रपति व्लादिमीर पुतिन और उत्तर कोरिया के नेता किम जोंग उन ने प्योंगयांग में \
         मुलाक़ात की, \"हम साथ हैं\" (AFP) PM मोदी USA",
        "संयुक्तराष्ट्रसुरक्षापरिषदअध्यक्ष ने कहा कहा कहा कि डॉ. राम सिंह",
        "मोदी",
        "a ab abc McDonald's 2.5% € 🙂 क़ानून ॐ",
        "",
    ];

    /// [`SENTENCES`], and words longer than a word's sums hold in one [`Lanes`] (a word of
    /// 300 letters has more than 300 features of its own), around names and alone, words
    /// of about 250 letters, and words of about [`SHORT_FORM`] letters.
    fn sentences() -> Vec<String> {
        let long = "कमल".repeat(100);
        let mut texts: Vec<String> = SENTENCES.iter().map(|s| s.to_string()).collect();
        texts.push(format!(
            "नरेंद्र मोदी ने {long} में कहा कि राहुल गांधी {long} {long} आए।"
        ));
        texts.push(long.clone());
        texts.push(format!("{long} मोदी"));
        // Words whose own rows (250 to 268) come just short of filling the lanes alone and just
        // past it: long forms, their sums counted as they come and spilled.
        for n in 80..=86 {
            texts.push(format!("मोदी ने {} कहा", "कमल".repeat(n)));
        }
        // The longest forms whose sums are not counted as they come, a character a byte, and
        // the shortest that are.
        for n in SHORT_FORM - 1..=SHORT_FORM + 1 {
            texts.push(format!("मोदी ने {} कहा कि", "x".repeat(n)));
        }
        texts
    }

    #[cfg(feature = "tagger")]
    #[test]
    fn tags_are_those_of_the_plain_sum() {
        let model = shipped_model().expect("should load the shipped model");
        let mut tagger = Tagger::new(model);
        let texts = sentences();
        for text in &texts {
            let words: Vec<&str> = tokenize(text).iter().map(|r| r.slice(text)).collect();
            assert_eq!(
                tagger_scores(&mut tagger, &words),
                plain_scores(model, &words),
                "should score {text:?} as the plain sum of its features does"
            );
            assert_eq!(
                tagger.tag_words(&words),
                plain_tags(model, &words),
                "should tag {text:?} as the plain sum of its features does"
            );
        }
    }

    #[test]
    fn tags_are_those_of_the_plain_sum_with_any_weights() {
        // Small models of random weights, every bucket with a row or a third without, and
        // random transition scores: many ids share a bucket. The last two have the largest
        // weights in every row, then the largest and the smallest tag by tag, which fill the
        // sums' lanes soonest.
        let mut next = xorshift(0x1234_5678);
        let texts = sentences();
        for round in 0..8 {
            let bits = 8 + round % 6;
            let weights: Vec<i8> = (0..(1usize << bits) * NTAGS)
                .map(|i| match (round, i / NTAGS % 3) {
                    (6, _) => 127,
                    (7, _) if i % 2 == 0 => 127,
                    (7, _) => -128,
                    (1 | 3 | 5, 2) => 0,
                    _ => (next() % 255) as i8,
                })
                .collect();
            let trans =
                std::array::from_fn(|_| std::array::from_fn(|_| (next() % 401) as i16 - 200));
            let model = Model::new(bits as u8, &weights, trans, String::new(), Vec::new());
            let mut tagger = Tagger::new(&model);
            for text in &texts {
                let words: Vec<&str> = tokenize(text).iter().map(|r| r.slice(text)).collect();
                assert_eq!(
                    tagger_scores(&mut tagger, &words),
                    plain_scores(&model, &words),
                    "should score {text:?} as the plain sum of its features does (model {round})"
                );
                assert_eq!(
                    tagger.tag_words(&words),
                    plain_tags(&model, &words),
                    "should tag {text:?} as the plain sum of its features does (model {round})"
                );
            }
        }
    }

    #[test]
    fn row_sums_are_the_plain_sums() {
        let mut next = xorshift(0x2545_f491);
        let bits = 8;
        // The first row all 127, the second all -127, the others anything.
        // Every third row zero, not the last (whose row ends the table).
        let weights: Vec<i8> = (0..(1usize << bits) * NTAGS)
            .map(|i| match i / NTAGS {
                0 => 127,
                1 => -127,
                b if b % 3 == 2 => 0,
                _ => (next() % 255) as i8,
            })
            .collect();
        let model = Model::new(
            bits,
            &weights,
            [[0; NTAGS]; NTAGS + 1],
            String::new(),
            Vec::new(),
        );
        let first = 0;
        let second = 1 << (32 - bits);
        let cases = [0, 1, 2].map(|kind| [0, 1, 7, 256, 257, 258, 600].map(|n| (kind, n)));
        for (kind, count) in cases.into_iter().flatten() {
            // All rows the largest or the smallest, or the last bucket's (ids from u32::MAX
            // down) among any rows.
            let ids: Vec<u32> = (0..count)
                .map(|k| match kind {
                    0 => first,
                    1 => second,
                    _ if k % 3 == 0 => u32::MAX - k,
                    _ => next(),
                })
                .collect();
            let mut sum = RowSum::default();
            let mut plain = [0i32; NTAGS];
            for &id in &ids {
                sum.add(&model, id);
                let row = model.bucket(id) * NTAGS;
                for (p, &w) in plain.iter_mut().zip(&weights[row..row + NTAGS]) {
                    *p += i32::from(w);
                }
            }
            assert_eq!(sum.sum(), plain, "should add {count} rows like one by one");
        }
    }

    #[test]
    fn viterbi_agrees_with_the_plain_search() {
        // Small numbers make many ties; some rows rule out the begin tags.
        let mut random = xorshift(0x9e37_79b9);
        let mut next = |range: i32| (random() % (2 * range as u32 + 1)) as i32 - range;
        let mut search = Search::default();
        for round in 0..2000 {
            let range = if round % 2 == 0 { 2 } else { 200 };
            let trans: [[i32; NTAGS]; NTAGS + 1] =
                std::array::from_fn(|_| std::array::from_fn(|_| next(range)));
            let n = (round % 9) as usize;
            let scores: Vec<[i32; NTAGS]> = (0..n)
                .map(|_| {
                    let mut row: [i32; NTAGS] = std::array::from_fn(|_| next(range));
                    if next(3) == 3 {
                        forbid_begin(&mut row);
                    }
                    row
                })
                .collect();
            let fast = viterbi(&scores, |p, t| {
                trans[p.map_or(0, |p| p as usize + 1)][t as usize]
            });
            let plain = plain_viterbi(&scores, &trans);
            assert_eq!(
                fast, plain,
                "should find the plain search's path for {scores:?} with {trans:?}"
            );
            // The tagger's search, its buffer used before.
            search.clear();
            for row in &scores {
                search.push(row, &trans);
            }
            search.find_tags(&trans);
            assert_eq!(
                search.tags, plain,
                "should find the plain search's path token by token for {scores:?} with {trans:?}"
            );
        }
    }
}
