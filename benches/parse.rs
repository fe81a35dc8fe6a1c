//! Native parse time (divan): the sample article (Hindi), an English article of the same size
//! written for the benchmarks (`bench/en-harbour-strike.txt`), and long inputs made by repeating
//! both, from 1 KB to 10 MB, to show that time grows linearly with the input.
//!
//! Run: `cargo bench --bench parse` (`npm run bench` runs it with the wasm, browser and size
//! benchmarks). The first parse also compiles the lexicon; divan's warm-up run pays for it.

use divan::counter::BytesCount;
use divan::Bencher;

const HINDI: &str = include_str!("../samples/sample-hi-russia-north-korea.txt");
const ENGLISH: &str = include_str!("../bench/en-harbour-strike.txt");

fn main() {
    divan::main();
}

#[divan::bench(args = ["hindi sample", "english"])]
fn article(bencher: Bencher, name: &str) {
    let text = if name == "english" { ENGLISH } else { HINDI };
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| newslens::parse(divan::black_box(text)));
}

/// Sizes of the long inputs, in bytes.
const SIZES: [usize; 5] = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/// The two articles repeated (one blank line between copies) and cut at a line end to about
/// `size` bytes. Each copy after the first starts its lines with the copy's number ("2. "), so
/// that no paragraph repeats an earlier one: the parser skips repeated paragraphs, which would
/// make long inputs look cheaper than they are.
fn long_text(size: usize) -> String {
    let mut text = String::with_capacity(size + HINDI.len());
    let mut copy = 0;
    while text.len() < size {
        for article in [HINDI, ENGLISH] {
            for line in article.lines() {
                if text.len() >= size {
                    break;
                }
                if copy > 0 && !line.trim().is_empty() {
                    text.push_str(&format!("{copy}. "));
                }
                text.push_str(line);
                text.push('\n');
            }
            text.push('\n');
        }
        copy += 1;
    }
    text
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn long_input(bencher: Bencher, size: usize) {
    let text = long_text(size);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| newslens::parse(divan::black_box(&text)));
}
