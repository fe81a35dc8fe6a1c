//! Hostile sizes and shapes (issue 8): ten megabytes of paragraphs, a single ten-megabyte line,
//! 100,000 quote marks, only opening marks. Each must parse without a panic, keep every invariant
//! of `fuzz/src/invariants.rs`, and stay within a memory bound: the peak heap of the parse,
//! counted by this binary's allocator, is at most [`BYTES_PER_INPUT_BYTE`] times the input.
//!
//! They take seconds in a release build and minutes in a debug one, so a debug `cargo test`
//! skips them; `scripts/test.sh` runs them with `cargo test --release --test large`.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use newslens::{parse, parse_to_wire, Article, Options};

const SAMPLE: &str = include_str!("../samples/sample-hi-russia-north-korea.txt");
const TEN_MB: usize = 10 * 1024 * 1024;

/// The most heap a parse may use at its peak, per byte of input. Prose needs a few bytes per
/// byte (the normalised text, the spans' copies of the text they cover); text made only of quote
/// marks needs the most, a quote or a warning for every mark or two.
const BYTES_PER_INPUT_BYTE: usize = 100;

/// Counts the bytes allocated now and the most allocated since the last [`reset_peak`].
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let now = CURRENT.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time, so that the peak heap counted during a parse belongs to it alone.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The first parse builds the word lists and automata, which stay: not part of any input's cost.
    parse(SAMPLE);
    turn
}

/// Parse `text` and check every invariant; returns the Article and the parse's peak heap.
fn parse_and_measure(what: &str, text: &str) -> (Article, usize) {
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let began = Instant::now();
    let article = parse(text);
    let took = began.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    eprintln!(
        "{what}: {} bytes in {took:.2?}, peak heap {peak} bytes ({:.1} per input byte)",
        text.len(),
        peak as f64 / text.len().max(1) as f64
    );
    invariants::check_article(text, &article);
    let wire = parse_to_wire(text, &Options::default()).expect("should accept the input");
    invariants::check_wire(text, &wire);
    (article, peak)
}

/// Parse `make(size)` and `make(size / 4)`: both keep every invariant, the larger one's peak heap
/// is within [`BYTES_PER_INPUT_BYTE`] and grows no faster than its size (memory is linear).
/// Returns the larger one's text and Article.
fn parse_within_bounds(
    what: &str,
    size: usize,
    make: impl Fn(usize) -> String,
) -> (String, Article) {
    let small_text = make(size / 4);
    let (_, small) = parse_and_measure(&format!("{what} (a quarter)"), &small_text);
    let text = make(size);
    let (article, peak) = parse_and_measure(what, &text);
    assert!(
        peak <= BYTES_PER_INPUT_BYTE * text.len().max(1024),
        "{what}: the parse should use at most {BYTES_PER_INPUT_BYTE} bytes of heap per input \
         byte, used {peak} for {}",
        text.len()
    );
    let per_byte = |peak: usize, len: usize| peak as f64 / len.max(1) as f64;
    assert!(
        per_byte(peak, text.len()) <= 1.25 * per_byte(small, small_text.len()) + 1.0,
        "{what}: the peak heap per input byte should not grow with the input: {small} bytes for \
         {}, {peak} for {}",
        small_text.len(),
        text.len()
    );
    (text, article)
}

/// Written paragraphs in Hindi and English, numbered so that no two are the same, repeated to
/// `size` bytes: a long feed of distinct articles, not one article's duplicate paragraphs.
fn many_paragraphs(size: usize) -> String {
    let english = [
        "Delhi: City council approves new transit plan",
        "The council voted 7-2 on Tuesday to expand the bus network. Mayor Laura Chen said, \"This is the biggest investment in public transport in a generation.\"",
        "\"We will hold the city to its promises,\" said Daniel Okafor, who leads the riders' union.",
        "Read more: Buses in the rain",
    ];
    let mut text = String::with_capacity(size + SAMPLE.len());
    let mut n = 0usize;
    while text.len() < size {
        n += 1;
        for line in SAMPLE.lines().chain(english) {
            if line.trim().is_empty() {
                text.push('\n');
            } else {
                text.push_str(&format!("{line} ({n})\n"));
            }
        }
        text.push('\n');
    }
    text
}

#[test]
#[cfg_attr(debug_assertions, ignore = "minutes in debug; run with --release")]
fn ten_megabytes_of_paragraphs() {
    let _turn = one_at_a_time();
    let (_, article) = parse_within_bounds("10 MB of paragraphs", TEN_MB, many_paragraphs);
    let paragraphs = article.sections.iter().flat_map(|s| &s.paragraphs).count();
    assert!(
        paragraphs > 10_000,
        "should read thousands of paragraphs, found {paragraphs}"
    );
    assert!(
        article.quotes.len() > 1_000,
        "should find the quotes of every copy, found {}",
        article.quotes.len()
    );
}

#[test]
#[cfg_attr(debug_assertions, ignore = "minutes in debug; run with --release")]
fn a_single_ten_megabyte_line() {
    let _turn = one_at_a_time();
    let line = SAMPLE.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = |size: usize| {
        let mut text = String::with_capacity(size + line.len());
        while text.len() < size {
            text.push_str(&line);
            text.push(' ');
        }
        text
    };
    let (_, article) = parse_within_bounds("a 10 MB line", TEN_MB, one_line);
    assert!(
        article.spans().iter().any(|s| s.byte_end > TEN_MB / 2),
        "should read the line to its end"
    );
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in a debug build; run with --release")]
fn a_hundred_thousand_quote_marks() {
    let _turn = one_at_a_time();
    for marks in ["“", "\"", "“”", "‘’", "«»", "\"“”‘’«»„"] {
        let count = marks.chars().count();
        parse_within_bounds(&format!("100,000 quote marks {marks}"), 100_000, |n| {
            marks.repeat(n / count)
        });
        parse_within_bounds(
            &format!("100,000 spaced quote marks {marks}"),
            100_000,
            |n| format!("{marks} ").repeat(n / count),
        );
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in a debug build; run with --release")]
fn only_opening_marks() {
    let _turn = one_at_a_time();
    for piece in [
        "“उन्होंने कहा ",
        "Mr. Okafor said, “we will act ",
        "‘खबर ",
        "“\n",
        "„Nein ",
    ] {
        let (_, article) = parse_within_bounds(&format!("opening marks {piece:?}"), 20_000, |n| {
            piece.repeat(n)
        });
        if !piece.chars().any(char::is_alphabetic) {
            continue; // marks alone on their lines quote nothing
        }
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.code == "quote-unclosed" || w.code == "quote-stray-mark"),
            "should warn that the marks never close ({piece:?})"
        );
    }
}

/// A made-up name for number `n`, different for every `n`: "Bakodu", "Tenira", ….
fn made_up_name(n: usize) -> String {
    const FIRST: [&str; 8] = ["B", "D", "K", "L", "M", "R", "T", "V"];
    const SYLLABLES: [&str; 16] = [
        "a", "e", "o", "u", "ka", "ne", "ri", "do", "mu", "sa", "te", "vi", "lo", "pe", "zu", "ga",
    ];
    let mut name = FIRST[n % FIRST.len()].to_string();
    let mut rest = n / FIRST.len();
    for _ in 0..4 {
        name.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
    }
    name
}

/// Thousands of different people and speakers: every name, alias and surname question of the
/// actors and attribution stages must be answered without reading every actor (that was
/// quadratic: a second for half a megabyte, a tenth of one now).
fn many_people(size: usize) -> String {
    let mut text = String::with_capacity(size + 200);
    let mut n = 0usize;
    while text.len() < size {
        let (first, last, other) = (
            made_up_name(3 * n),
            made_up_name(3 * n + 1),
            made_up_name(3 * n + 2),
        );
        text.push_str(&format!(
            "Minister John {last} spoke to reporters about the plan ({n}).\n\n\
             “We will build the bridge this year,” said {first} {last}, a local official.\n\n\
             “It is too late,” {other} said. Later John went home and {last} stayed.\n\n"
        ));
        n += 1;
    }
    text
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in a debug build; run with --release")]
fn thousands_of_people_and_speakers() {
    let _turn = one_at_a_time();
    let (_, article) = parse_within_bounds("many people", 2_000_000, many_people);
    let people = article
        .actors
        .iter()
        .filter(|a| a.kind == newslens::ActorKind::Person)
        .count();
    assert!(
        people > 1_000,
        "should find thousands of different people, found {people}"
    );
    assert!(
        article
            .quotes
            .iter()
            .filter(|q| q.speaker.is_some())
            .count()
            > 1_000,
        "should attribute the quotes to their speakers"
    );
}

/// Thousands of different organisations, each named in full, by a shorter run of its words and
/// with its acronym in brackets: the place merging and the "A (B)" merging must find their pairs
/// without reading every other actor for each one.
fn many_organisations(size: usize) -> String {
    let mut text = String::with_capacity(size + 300);
    let mut n = 0usize;
    while text.len() < size {
        let (a, b) = (made_up_name(2 * n), made_up_name(2 * n + 1));
        text.push_str(&format!(
            "The {a} {b} Port Authority (NPA{n}) opened a new dock on Monday.\n\n\
             Officials of the {a} Authority said the {a} {b} Port Authority would hire staff.\n\n"
        ));
        n += 1;
    }
    text
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in a debug build; run with --release")]
fn thousands_of_organisations() {
    let _turn = one_at_a_time();
    let (_, article) = parse_within_bounds("many organisations", 2_000_000, many_organisations);
    let organisations = article
        .actors
        .iter()
        .filter(|a| a.kind == newslens::ActorKind::Organization)
        .count();
    assert!(
        organisations > 1_000,
        "should find thousands of different organisations, found {organisations}"
    );
}
