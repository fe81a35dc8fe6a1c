//! Parses the sample article in a fresh process, as a browser's first parse does (the tables
//! are built on first use), then as many more times as the first argument says: a first parse's
//! cost is the difference, e.g. between `valgrind --tool=callgrind` runs of
//! `target/release/examples/first_parse 0` and `... 1`. A second argument names a text file to
//! parse instead, e.g. `bench/en-harbour-strike.txt` for an English article.

fn main() {
    let file = std::env::args().nth(2).map(|path| {
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    });
    let text = file
        .as_deref()
        .unwrap_or(include_str!("../samples/sample-hi-russia-north-korea.txt"));
    let again: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut actors = newslens::parse(text).actors.len();
    for _ in 0..again {
        actors += newslens::parse(text).actors.len();
    }
    println!("{actors} actors");
}
