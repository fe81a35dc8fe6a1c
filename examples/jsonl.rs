//! Native batch mode, the same contract as `node bin/newslens.mjs parse --jsonl`: reads
//! `{"id", "text"}` lines on stdin and writes `{"id", "article"}` lines, for measuring the core
//! without a wasm build:
//!
//! ```sh
//! cargo build --release --example jsonl
//! python3 ../shared/eval/score.py --cmd target/release/examples/jsonl articles --gold ../shared/corpus/hi --texts ../shared/corpus/hi -v
//! ```

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let options = newslens::Options::default();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let input: serde_json::Value = match serde_json::from_str(&line) {
            Ok(value) => value,
            Err(e) => {
                eprintln!("line {}: not JSON: {e}", n + 1);
                std::process::exit(1);
            }
        };
        let id = input.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let text = input
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        let article = match newslens::parse_to_wire(text, &options) {
            Ok(article) => serde_json::to_value(article)?,
            Err(e) => serde_json::json!({ "error": e.to_string() }),
        };
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({ "id": id, "article": article }),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
