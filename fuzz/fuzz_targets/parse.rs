//! `parse` on arbitrary text: the bytes as UTF-8 when they are, else with invalid sequences
//! replaced by U+FFFD (what the CLI does). Checks every invariant, and that parsing is
//! deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::Options;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = newslens_fuzz::parse_and_check(&text, &Options::default());
    assert_eq!(
        article,
        newslens::parse(&text),
        "parsing the same text twice should give the same Article"
    );
});
