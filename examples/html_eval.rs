//! Measures HTML extraction against pages with a known body text: for each `NAME.html` in a
//! folder that has `NAME.expected.txt` (the article's body) and `NAME.metadata.json` (with its
//! `title`), prints the word recall and precision of the extracted body (section headings and
//! paragraphs) against the expected text as multisets of lower-cased words, and whether the
//! title is the same. Floors: 90% recall, 90% precision, equal title; the exit status is 1 when a
//! page falls below one.
//!
//! ```sh
//! cargo run --release --example html_eval -- ../shared/corpus/html/newspaper4k
//! cargo run --release --example html_eval -- -v DIR   # also the words extracted in excess and missed
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const FLOOR: f64 = 0.90;

/// Lower-cased words: runs of letters, digits and combining marks.
#[allow(clippy::disallowed_methods)] // core's to_lowercase: not in the wasm
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c)))
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, &n)| n.min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

fn body(article: &newslens::Article) -> String {
    let mut out = String::new();
    for section in &article.sections {
        if let Some(h) = &section.heading {
            out.push_str(&h.text);
            out.push('\n');
        }
        for p in &section.paragraphs {
            out.push_str(&p.span.text);
            out.push('\n');
        }
    }
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let folder = args
        .iter()
        .find(|a| *a != "-v")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // The shared folder sits beside the project (or beside its worktrees' folder).
            ["../shared", "../../shared"]
                .iter()
                .map(|root| Path::new(root).join("corpus/html/newspaper4k"))
                .find(|p| p.is_dir())
                .unwrap_or_else(|| PathBuf::from("../shared/corpus/html/newspaper4k"))
        });
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| {
            eprintln!("html_eval: cannot read {}: {e}", folder.display());
            std::process::exit(2);
        })
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let options = newslens::Options {
        format: newslens::Format::Html,
        ..newslens::Options::default()
    };
    let with = |page: &Path, ext: &str| {
        let stem = page.file_stem().unwrap_or_default().to_string_lossy();
        page.with_file_name(format!("{stem}.{ext}"))
    };
    println!(
        "{:<28} {:>7} {:>9} {:>6}  extracted title",
        "page", "recall", "precision", "title"
    );
    let (mut recalls, mut precisions, mut titles, mut failed) = (Vec::new(), Vec::new(), 0, 0);
    for page in &pages {
        let (Ok(bytes), Ok(expected)) = (
            std::fs::read(page),
            std::fs::read_to_string(with(page, "expected.txt")),
        ) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let article = newslens::parse_with(&html, &options);
        let got = words(&body(&article));
        let want = words(&expected);
        let common = overlap(&got, &want) as f64;
        let recall = common / want.values().sum::<usize>().max(1) as f64;
        let precision = common / got.values().sum::<usize>().max(1) as f64;
        let gold_title = std::fs::read_to_string(with(page, "metadata.json"))
            .ok()
            .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
            .and_then(|m| m.get("title").and_then(|t| t.as_str()).map(collapse));
        let title = article.title.as_ref().map(|t| collapse(&t.text));
        let same = gold_title.is_some() && gold_title == title;
        titles += usize::from(same);
        if recall < FLOOR || precision < FLOOR || !same {
            failed += 1;
        }
        println!(
            "{:<28} {:>6.1}% {:>8.1}% {:>6}  {}",
            page.file_name().unwrap_or_default().to_string_lossy(),
            recall * 100.0,
            precision * 100.0,
            if same { "equal" } else { "DIFF" },
            title.as_deref().unwrap_or("-")
        );
        if verbose {
            let diff = |a: &HashMap<String, usize>, b: &HashMap<String, usize>| {
                let mut d: Vec<String> = a
                    .iter()
                    .filter(|(w, &n)| n > b.get(*w).copied().unwrap_or(0))
                    .map(|(w, &n)| format!("{w}×{}", n - b.get(w).copied().unwrap_or(0)))
                    .collect();
                d.sort();
                d.join(" ")
            };
            println!("    extra: {}", diff(&got, &want));
            println!("    missed: {}", diff(&want, &got));
        }
        recalls.push(recall);
        precisions.push(precision);
    }
    let n = recalls.len();
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min) * 100.0;
    println!(
        "\n{n} pages: recall min {:.1}% median {:.1}%, precision min {:.1}% median {:.1}%, \
         titles equal {titles}/{n}; {} below the floors (90% recall, 90% precision, equal title)",
        min(&recalls),
        median(&mut recalls.clone()) * 100.0,
        min(&precisions),
        median(&mut precisions.clone()) * 100.0,
        failed
    );
    if failed > 0 {
        std::process::exit(1);
    }
}
