//! Trains the learned tagger and writes its model file:
//!
//! ```sh
//! cargo run --release --example train_tagger -- \
//!     --train ../shared/corpus/ner/il-ner/hindi-train.conll --out data/model/hi-ner.bin
//! ```
//!
//! Options (defaults are the shipped model's settings):
//! - `--seed N` (1): the first run's seed for the order of the sentences;
//! - `--runs N` (3): independent runs from seeds N, N+1, …, whose weights are summed;
//! - `--epochs N` (10): passes over the data per run;
//! - `--bits N` (17): log2 of the number of feature buckets;
//! - `--clip Q` (0.999): the quantile of weight sizes that maps to ±127;
//! - `--prune N` (18): quantised weights of at most N are dropped;
//! - `--step N` (8): the weights kept are rounded to multiples of N (1: any 8-bit value);
//! - `--never-begin-min N` (20): words seen N times that almost never begin a name may not
//!   begin one (0: no such list);
//! - `--eval FILE`: a CoNLL file to report exact-span precision and recall on (measurement
//!   only: it is never trained on).
//!
//! The same data and options always give the same bytes.

use std::process::ExitCode;

use newslens::mentions::train::{evaluate, read_conll, train, TrainConfig};

const NOTICE: &str =
    "newslens Hindi NER tagger (averaged perceptron, hashed features, 8-bit weights). \
Trained on the IL-NER Hindi training split, (c) IIIT Hyderabad, CDAC Noida and IIIT Bhubaneswar, \
developed under the Bhashini project (MeitY, Government of India), licensed CC-BY-4.0 \
(https://creativecommons.org/licenses/by/4.0/); Bahad et al., NAACL-SRW 2024, \
https://aclanthology.org/2024.naacl-srw.9. This model is a derived work under the same licence.";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_tagger: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut train_path, mut out_path, mut eval_path) = (None, None, None);
    let mut config = TrainConfig {
        notice: NOTICE.to_string(),
        ..TrainConfig::default()
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--train" => train_path = Some(value()?),
            "--out" => out_path = Some(value()?),
            "--eval" => eval_path = Some(value()?),
            "--seed" => config.seed = number(&value()?)?,
            "--epochs" => config.epochs = number(&value()?)?,
            "--bits" => config.bits = number(&value()?)?,
            "--runs" => config.runs = number(&value()?)?,
            "--never-begin-min" => config.never_begin_min = number(&value()?)?,
            "--prune" => config.prune = number(&value()?)?,
            "--step" => config.step = number(&value()?)?,
            "--clip" => config.clip_quantile = number(&value()?)?,
            _ => {
                return Err(format!(
                    "unknown argument {arg}; see examples/train_tagger.rs"
                ))
            }
        }
    }
    let train_path = train_path.ok_or("--train FILE is required")?;
    let out_path = out_path.ok_or("--out FILE is required")?;
    let sentences = read_conll(&read(&train_path)?);
    eprintln!("{} training sentences", sentences.len());
    let model = train(&sentences, &config, |epoch, wrong| {
        eprintln!("epoch {epoch}: {wrong} sentences wrong");
    });
    let bytes = model.to_bytes();
    std::fs::write(&out_path, &bytes).map_err(|e| format!("cannot write {out_path}: {e}"))?;
    eprintln!("wrote {out_path}: {} bytes", bytes.len());
    if let Some(path) = eval_path {
        let (tp, fp, fn_) = evaluate(&model, &read_conll(&read(&path)?));
        let p = 100.0 * tp as f64 / (tp + fp).max(1) as f64;
        let r = 100.0 * tp as f64 / (tp + fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        eprintln!("eval {path}: p={p:.1} r={r:.1} f1={f:.1} (tp={tp} fp={fp} fn={fn_})");
    }
    Ok(())
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a number: {s}"))
}
