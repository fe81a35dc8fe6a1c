//! The learned tagger: the shipped model, reproducible training, and tagging of sentences
//! written for these tests (only with the `tagger` feature, on by default).
#![cfg(feature = "tagger")]

use newslens::doc::Source;
use newslens::mentions::tagger::{self, Model, TAGS};
use newslens::mentions::train::{evaluate, read_conll, train, TrainConfig};
use newslens::normalize::Normalized;
use newslens::{ActorKind, Options};

const SLICE: &str = include_str!("fixtures/tagger/train-slice.conll");
const SENTENCES: &str = include_str!("fixtures/tagger/sentences.tsv");

fn slice_config(seed: u64) -> TrainConfig {
    TrainConfig {
        bits: 12,
        epochs: 8,
        seed,
        notice: "test slice".to_string(),
        never_begin_min: 2,
        ..TrainConfig::default()
    }
}

#[test]
fn training_is_deterministic() {
    let sentences = read_conll(SLICE);
    assert_eq!(
        sentences.len(),
        5,
        "should read five sentences from the slice"
    );
    let a = train(&sentences, &slice_config(7), |_, _| {}).to_bytes();
    let b = train(&sentences, &slice_config(7), |_, _| {}).to_bytes();
    assert_eq!(
        a, b,
        "should give the same bytes for the same data and seed"
    );
}

#[test]
fn model_bytes_round_trip() {
    let model = train(&read_conll(SLICE), &slice_config(3), |_, _| {});
    assert!(
        model.never_begins("में"),
        "should list a frequent word that never begins a name"
    );
    let read = Model::from_bytes(&model.to_bytes()).expect("should read its own bytes");
    assert_eq!(read, model, "should read back the model it wrote");
}

#[test]
fn a_step_rounds_the_kept_weights_to_its_multiples() {
    let sentences = read_conll(SLICE);
    let with_step = |step| {
        let config = TrainConfig {
            step,
            ..slice_config(1)
        };
        train(&sentences, &config, |_, _| {})
    };
    let (fine, coarse) = (with_step(1), with_step(8));
    let weights = |model: &Model| -> Vec<i8> {
        (0..1usize << model.bits)
            .flat_map(|b| (0..TAGS.len()).map(move |t| (b, t)))
            .map(|(b, t)| model.weight(b, t))
            .collect()
    };
    let (fine, coarse) = (weights(&fine), weights(&coarse));
    assert!(
        fine.iter().any(|w| w % 8 != 0),
        "should keep every 8-bit value without a step"
    );
    for (f, c) in fine.iter().zip(&coarse) {
        assert_eq!(c % 8, 0, "should keep only multiples of the step");
        assert!(
            ((i16::from(*f) - i16::from(*c)).abs() <= 4 || (c.abs() == 120 && f.abs() > 120))
                && (*f == 0) == (*c == 0),
            "should round each kept weight ({f}) to the nearest multiple ({c}) up to 120, \
             dropping the same ones"
        );
    }
}

#[test]
fn learns_its_training_slice() {
    let sentences = read_conll(SLICE);
    let model = train(&sentences, &slice_config(1), |_, _| {});
    let (tp, fp, fn_) = evaluate(&model, &sentences);
    assert_eq!(
        (fp, fn_),
        (0, 0),
        "should tag its own training sentences right ({tp} found)"
    );
    let tags = model.tag_words(&["सुनीता", "वर्मा", "ने", "जयपुर", "में", "कहा", "।"]);
    let names: Vec<&str> = tags.iter().map(|&t| TAGS[t as usize]).collect();
    assert_eq!(
        names,
        ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"],
        "should give the BIO tags it learnt"
    );
}

#[test]
fn reads_only_person_place_and_organisation() {
    let sentences = read_conll(SLICE);
    let numbers = &sentences[3];
    assert_eq!(numbers.words[2], "12", "should keep the number token");
    assert_eq!(
        numbers.tags[2], 0,
        "should read a number entity (NEN) as outside"
    );
}

#[test]
fn shipped_model_loads_with_its_attribution() {
    let model = tagger::shipped_model().expect("should load the shipped model");
    assert!(
        model.notice.contains("IL-NER") && model.notice.contains("CC-BY-4.0"),
        "should carry the corpus attribution, got {:?}",
        model.notice
    );
}

#[test]
fn broken_model_bytes_are_errors() {
    let bytes = train(&read_conll(SLICE), &slice_config(1), |_, _| {}).to_bytes();
    for cut in 0..bytes.len() {
        assert!(
            Model::from_bytes(&bytes[..cut]).is_err(),
            "should refuse a model cut at byte {cut}"
        );
    }
    let mut other = bytes.clone();
    other[0] = b'X';
    assert!(
        Model::from_bytes(&other).is_err(),
        "should refuse a bad magic number"
    );
}

#[test]
fn tags_written_sentences() {
    for line in SENTENCES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (text, expected) = line.split_once('\t').expect("fixture lines have a tab");
        let text = Normalized::new(text).text.into_owned();
        let structure = newslens::structure::analyse(&text, &Options::default());
        let found: Vec<String> = tagger::tag(&text, &structure)
            .iter()
            .map(|m| {
                assert_eq!(
                    m.source,
                    Source::Tagger,
                    "should mark mentions as the tagger's"
                );
                let ty = match m.kind {
                    ActorKind::Person => "PER",
                    ActorKind::Place | ActorKind::Country => "LOC",
                    _ => "ORG",
                };
                format!("{ty}:{}", m.range.slice(&text))
            })
            .collect();
        let expected: Vec<String> = Normalized::new(expected)
            .text
            .split(" | ")
            .map(str::to_string)
            .collect();
        assert_eq!(found, expected, "should find the names in {text:?}");
    }
}

#[test]
fn tagger_fills_gaps_in_the_pipeline() {
    let article = newslens::parse("शीर्षक\nप्रधानमंत्री नरेंद्र मोदी ने दिल्ली में एक सभा को संबोधित किया।");
    let names: Vec<&str> = article.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"नरेंद्र मोदी"),
        "should list a person only the tagger knows, got {names:?}"
    );
}

#[test]
fn reads_space_separated_columns() {
    let sentences = read_conll(
        "-DOCSTART- -X- O O\n\nAsha NNP I-NP B-PER\nVerma NNP I-NP I-PER\nspoke VBD I-VP O\n",
    );
    assert_eq!(sentences.len(), 1, "should skip the document line");
    assert_eq!(
        sentences[0].words,
        ["Asha", "Verma", "spoke"],
        "should take the first column as the token"
    );
    assert_eq!(
        sentences[0].tags,
        [1, 2, 0],
        "should take the last column as the tag"
    );
}

#[test]
fn weekdays_never_begin_a_name() {
    assert!(tagger::is_time_word("गुरुवार"), "should know a weekday");
    assert!(
        tagger::is_time_word("फ़रवरी"),
        "should know a month, nukta or not"
    );
    assert!(!tagger::is_time_word("दिल्ली"), "should not list a place");
    let model = tagger::shipped_model().expect("should load the shipped model");
    let tags = model.tag_words(&["गुरुवार", "को", "बैठक", "हुई", "।"]);
    assert_eq!(tags[0], 0, "should not start a name with a weekday");
}
