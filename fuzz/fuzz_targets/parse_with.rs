//! `parse_with` with options built from the input: a language (or auto), a list of caller
//! actors whose names and aliases are arbitrary strings (empty, blank, one mark, NUL …) or
//! pieces of the text itself (so they match), any kind, and sometimes a small `maxInputBytes`.
//! Checks every invariant; an input over the limit must be refused with an error naming it.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use newslens::{ActorEntry, ActorKind, Options};

#[derive(Arbitrary, Debug)]
enum Name {
    Literal(String),
    /// The text's piece at (start, length in bytes), widened to character boundaries.
    FromText(u16, u8),
}

#[derive(Arbitrary, Debug)]
struct Actor {
    name: Name,
    kind: u8,
    aliases: Vec<Name>,
    canonical: Option<String>,
    wikidata: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    lang: u8,
    actors: Vec<Actor>,
    max_input_bytes: Option<u16>,
    text: String,
}

fn name(text: &str, name: Name) -> String {
    match name {
        Name::Literal(s) => s,
        Name::FromText(start, len) => {
            if text.is_empty() {
                return String::new();
            }
            let mut start = usize::from(start) % text.len();
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + usize::from(len)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text[start..end].to_string()
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let text = input.text;
    let kinds = [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ];
    let options = Options {
        lang: match input.lang % 3 {
            0 => None,
            1 => Some("hi".to_string()),
            _ => Some("en".to_string()),
        },
        actors: input
            .actors
            .into_iter()
            .map(|a| ActorEntry {
                name: name(&text, a.name),
                kind: kinds[usize::from(a.kind) % kinds.len()],
                aliases: a.aliases.into_iter().map(|n| name(&text, n)).collect(),
                canonical: a.canonical,
                wikidata: a.wikidata,
            })
            .collect(),
        max_input_bytes: input
            .max_input_bytes
            .map_or(newslens::options::DEFAULT_MAX_INPUT_BYTES, usize::from),
        // Plain text: the HTML path has its own target (parse_html), whose spans refer to the
        // text extracted from the page rather than to the input.
        format: newslens::Format::Text,
    };
    newslens_fuzz::parse_and_check(&text, &options);
});
