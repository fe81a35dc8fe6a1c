//! Training of the learned tagger ([`super::tagger`]): an averaged structured perceptron over
//! the features of [`super::features`], quantised to 8-bit weights.
//!
//! Input is CoNLL text (one `token<TAB>tag` line per token, a blank line between sentences, BIO
//! tags). IL-NER's NEP, NEL and NEO become PER, LOC and ORG; every other type (NEN numbers, NETI
//! times, NEAR artefacts, NEU units) is outside. Tokens are normalised as [`crate::normalize`]
//! does, so training sees words exactly as inference does.
//!
//! Training is reproducible: the weights are integers (the perceptron adds and subtracts one),
//! sentences are visited in an order shuffled by a seeded SplitMix64 generator, and nothing
//! depends on hash-map order; the same data, seed and settings give the same bytes.

use super::features::{sentence_features, word_form};
use super::tagger::{entities, forbid_begin, is_begin, viterbi, Model, Tagger, NTAGS};
use crate::normalize::Normalized;

/// One tokenised, tagged sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    /// Tag indices into [`super::tagger::TAGS`].
    pub tags: Vec<u8>,
}

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// log2 of the number of feature buckets.
    pub bits: u8,
    pub epochs: usize,
    pub seed: u64,
    /// Independent runs (seeds `seed`, `seed + 1`, …) whose averaged weights are summed: less
    /// dependence on the order of the sentences.
    pub runs: usize,
    /// Averaged weights whose size is at or beyond this quantile of all non-zero weights map
    /// to ±127; larger ones are clipped.
    pub clip_quantile: f64,
    /// Quantised weights of at most this size are dropped (set to zero) to keep the file small.
    pub prune: i8,
    /// The weights that are kept are rounded to multiples of this (1: every 8-bit value), so
    /// that the model takes fewer distinct values and compresses better. The shipped model's 8
    /// (weights of 24 to 120) makes it about 22 KB of gzip smaller than 1 does (any value),
    /// for one more false name of the 698 the tagger finds in the IL-NER dev split.
    pub step: i8,
    /// Words seen at least this often that begin a name at most [`NEVER_BEGIN_RATE`] of the
    /// time go into the model's list of words that never begin a name (0: no list).
    pub never_begin_min: usize,
    /// Provenance and licence text stored in the model file.
    pub notice: String,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            bits: 17,
            epochs: 10,
            seed: 1,
            runs: 3,
            clip_quantile: 0.999,
            prune: 18,
            step: 8,
            never_begin_min: 20,
            notice: String::new(),
        }
    }
}

/// The tag index of an IL-NER or CoNLL tag (`B-NEP`, `I-PER`, `-NEL`, `O` …), given whether
/// the previous token's tag index continues the same entity type.
fn tag_index(tag: &str, prev: u8) -> u8 {
    let (bio, ty) = match tag.split_once('-') {
        Some((bio, ty)) => (bio, ty),
        None => return 0,
    };
    let ty = match ty {
        "NEP" | "PER" | "PERSON" => 0,
        "NEL" | "LOC" | "LOCATION" => 1,
        "NEO" | "ORG" | "ORGANIZATION" => 2,
        _ => return 0,
    };
    let begin = 1 + 2 * ty;
    let same_type = prev != 0 && (prev - 1) / 2 == ty;
    if bio == "I" && same_type {
        begin + 1
    } else {
        begin
    }
}

/// Sentences of CoNLL text (`token<TAB>tag` or `token tag` lines); lines without a tag are skipped.
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") || line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        // Columns are separated by tabs or spaces; the token is the first, the tag the last. A
        // line with a single field (the IL-NER corpus has one stray "O") carries no token.
        let separator = if line.contains('\t') { '\t' } else { ' ' };
        let mut fields = line.trim().split(separator).filter(|f| !f.is_empty());
        let (Some(word), Some(tag)) = (fields.next(), fields.next_back()) else {
            continue;
        };
        let word = Normalized::new(word.trim()).text.into_owned();
        if word.is_empty() {
            continue;
        }
        let prev = current.tags.last().copied().unwrap_or(0);
        current.tags.push(tag_index(tag.trim(), prev));
        current.words.push(word);
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    out
}

/// SplitMix64: a small generator whose sequence is fixed by its seed on every platform (also
/// the tagger's tests' random models).
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Integer perceptron weights with the running sums needed to average them.
struct Weights {
    w: Vec<i32>,
    /// Σ step × change, so that the average is `w - u / steps`.
    u: Vec<i64>,
}

impl Weights {
    fn new(n: usize) -> Weights {
        Weights {
            w: vec![0; n],
            u: vec![0; n],
        }
    }

    fn add(&mut self, i: usize, delta: i32, step: i64) {
        self.w[i] += delta;
        self.u[i] += step * i64::from(delta);
    }

    fn averaged(&self, steps: i64) -> Vec<f64> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| f64::from(w) - u as f64 / steps as f64)
            .collect()
    }
}

/// Train a model on `sentences`; `progress(epoch, sentences_wrong)` is called after each epoch.
pub fn train(
    sentences: &[Sentence],
    config: &TrainConfig,
    mut progress: impl FnMut(usize, usize),
) -> Model {
    let bits = config.bits.clamp(8, 24);
    let shift = 32 - u32::from(bits);
    let buckets: Vec<Vec<Vec<u32>>> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            sentence_features(&words)
                .into_iter()
                .map(|ids| ids.into_iter().map(|id| id >> shift).collect())
                .collect()
        })
        .collect();
    let never_begin = never_begin_words(sentences, config.never_begin_min);
    let closed: Vec<Vec<bool>> = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| never_begin.binary_search(&word_form(w)).is_ok())
                .collect()
        })
        .collect();
    let runs = config.runs.max(1);
    let mut emit = vec![0f64; (1usize << bits) * NTAGS];
    let mut trans = vec![0f64; (NTAGS + 1) * NTAGS];
    for run in 0..runs {
        let seed = config.seed.wrapping_add(run as u64);
        let (e, t) = train_run(
            sentences,
            &buckets,
            &closed,
            bits,
            config.epochs,
            seed,
            &mut progress,
        );
        emit.iter_mut().zip(e).for_each(|(sum, w)| *sum += w);
        trans.iter_mut().zip(t).for_each(|(sum, w)| *sum += w);
    }
    // Quantising divides by the largest weights, so the sum needs no division by `runs`.
    quantise(bits, &emit, &trans, config, never_begin)
}

/// At most this share of a word's occurrences may begin a name for it to be on the
/// never-begin list.
pub const NEVER_BEGIN_RATE: f64 = 0.005;

/// Words (in [`word_form`], sorted) seen at least `min_count` times that begin a name at most
/// [`NEVER_BEGIN_RATE`] of the time.
fn never_begin_words(sentences: &[Sentence], min_count: usize) -> Vec<String> {
    if min_count == 0 {
        return Vec::new();
    }
    let mut counts: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            let entry = counts.entry(word_form(w)).or_default();
            entry.0 += 1;
            entry.1 += usize::from(is_begin(t));
        }
    }
    counts
        .into_iter()
        .filter(|(w, (n, b))| {
            *n >= min_count && (*b as f64) <= NEVER_BEGIN_RATE * *n as f64 && w.len() <= 255
        })
        .map(|(w, _)| w)
        .collect()
}

/// One perceptron run from `seed`: the averaged emission and transition weights.
fn train_run(
    sentences: &[Sentence],
    buckets: &[Vec<Vec<u32>>],
    closed: &[Vec<bool>],
    bits: u8,
    epochs: usize,
    seed: u64,
    progress: &mut impl FnMut(usize, usize),
) -> (Vec<f64>, Vec<f64>) {
    let mut emit = Weights::new((1usize << bits) * NTAGS);
    let mut trans = Weights::new((NTAGS + 1) * NTAGS);
    let trans_at = |p: Option<u8>, t: u8| p.map_or(0, |p| p as usize + 1) * NTAGS + t as usize;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = SplitMix64(seed);
    let mut step: i64 = 1;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut wrong = 0;
        for &s in &order {
            let gold = &sentences[s].tags;
            let feats = &buckets[s];
            let scores: Vec<[i32; NTAGS]> = feats
                .iter()
                .map(|ids| {
                    let mut row = [0i32; NTAGS];
                    for &b in ids {
                        let at = b as usize * NTAGS;
                        for (t, w) in emit.w[at..at + NTAGS].iter().enumerate() {
                            row[t] += w;
                        }
                    }
                    row
                })
                .collect();
            let mut scores = scores;
            for (row, &closed) in scores.iter_mut().zip(&closed[s]) {
                if closed {
                    forbid_begin(row);
                }
            }
            let predicted = viterbi(&scores, |p, t| trans.w[trans_at(p, t)]);
            if predicted != *gold {
                wrong += 1;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], predicted[i]);
                    let (gp, pp) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(gold[i - 1]), Some(predicted[i - 1]))
                    };
                    if g != p {
                        for &b in &feats[i] {
                            emit.add(b as usize * NTAGS + g as usize, 1, step);
                            emit.add(b as usize * NTAGS + p as usize, -1, step);
                        }
                    }
                    if g != p || gp != pp {
                        trans.add(trans_at(gp, g), 1, step);
                        trans.add(trans_at(pp, p), -1, step);
                    }
                }
            }
            step += 1;
        }
        progress(epoch + 1, wrong);
    }
    (emit.averaged(step), trans.averaged(step))
}

/// 8-bit emission weights and 16-bit transition scores on one scale.
fn quantise(
    bits: u8,
    emit: &[f64],
    trans: &[f64],
    config: &TrainConfig,
    never_begin: Vec<String>,
) -> Model {
    let mut sizes: Vec<f64> = emit.iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
    sizes.sort_by(f64::total_cmp);
    let clip = if sizes.is_empty() {
        1.0
    } else {
        let at = ((sizes.len() - 1) as f64 * config.clip_quantile.clamp(0.0, 1.0)) as usize;
        sizes[at].max(f64::MIN_POSITIVE)
    };
    let scale = 127.0 / clip;
    let step = f64::from(config.step.max(1));
    // The largest multiple of the step that fits.
    let top = (127.0 / step).floor() * step;
    let emit: Vec<i8> = emit
        .iter()
        .map(|w| {
            let fine = (w * scale).round().clamp(-127.0, 127.0);
            if fine.abs() <= f64::from(config.prune) {
                0
            } else {
                ((w * scale / step).round() * step).clamp(-top, top) as i8
            }
        })
        .collect();
    let mut t = [[0i16; NTAGS]; NTAGS + 1];
    for (i, row) in t.iter_mut().enumerate() {
        for (j, w) in row.iter_mut().enumerate() {
            *w = (trans[i * NTAGS + j] * scale)
                .round()
                .clamp(-32767.0, 32767.0) as i16;
        }
    }
    Model::new(bits, &emit, t, config.notice.clone(), never_begin)
}

/// Exact-span entity counts `(true positives, false positives, false negatives)` of `model`
/// on `sentences`.
pub fn evaluate(model: &Model, sentences: &[Sentence]) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    // One tagger for the whole set: its memo of word features carries over from sentence to
    // sentence (the tags are the same as a fresh tagger's).
    let mut tagger = Tagger::new(model);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let predicted = entities(&tagger.tag_words(&words));
        let gold = entities(&s.tags);
        tp += predicted.iter().filter(|e| gold.contains(e)).count();
        fp += predicted.iter().filter(|e| !gold.contains(e)).count();
        fn_ += gold.iter().filter(|e| !predicted.contains(e)).count();
    }
    (tp, fp, fn_)
}
