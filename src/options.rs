//! What a caller may change about a parse. Every field is optional and has a documented default;
//! unknown fields are rejected so that a misspelt option is an error, not a silent no-op.

use crate::scan::TextExt;
use serde::Deserialize;

use crate::article::ActorKind;

/// The default for [`Options::max_input_bytes`]: 32 MiB of UTF-8.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// The languages the `lang` option may name.
pub const LANGS: &[&str] = &["hi", "en"];

/// Options for [`crate::parse_with`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// The body's language when the caller knows it (one of [`LANGS`]); `None` or `"auto"`
    /// detects it.
    #[serde(deserialize_with = "read_lang")]
    pub lang: Option<String>,
    /// Actors the site knows (its own reporters, local politicians), found before any other rule.
    pub actors: Vec<ActorEntry>,
    /// Inputs longer than this many UTF-8 bytes are refused with an `input-too-large` warning.
    pub max_input_bytes: usize,
    /// What the input is: plain text (the default), an HTML page, or `auto` to tell by looking.
    #[serde(deserialize_with = "read_format")]
    pub format: Format,
}

/// What kind of input [`crate::parse_with`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The article's plain text.
    #[default]
    Text,
    /// An HTML page or fragment: the article is found in it first (the `html` module; an error
    /// in a build without the `html` feature).
    Html,
    /// HTML when the input looks like markup ([`looks_like_html`]), else text. In a build
    /// without the `html` feature, input that looks like markup is an error, as with `Html`.
    Auto,
}

/// Whether `text` looks like HTML: it opens with a tag, comment or doctype, or holds at least
/// three end tags of common elements.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_where(|c| c.is_whitespace() || c == '\u{FEFF}');
    let mut opening = head.chars();
    if opening.next() == Some('<')
        && opening
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
    {
        return true;
    }
    const END_TAGS: &[&str] = &[
        "</p>",
        "</div>",
        "</a>",
        "</li>",
        "</span>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</td>",
        "</b>",
        "</i>",
        "</em>",
        "</strong>",
    ];
    let bytes = text.as_bytes();
    let mut found = 0;
    for at in crate::scan::match_starts(text, "</") {
        let rest = &bytes[at..bytes.len().min(at + 9)];
        if END_TAGS
            .iter()
            .any(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes()))
        {
            found += 1;
            if found >= 3 {
                return true;
            }
        }
    }
    false
}

/// The names the `format` option accepts.
pub const FORMATS: &[&str] = &["text", "html", "auto"];

impl Format {
    /// The format called `name` in options and on the command line.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "html" => Some(Format::Html),
            "auto" => Some(Format::Auto),
            _ => None,
        }
    }
}

/// Reads `format`: one of [`FORMATS`]; anything else is an error that lists them.
fn read_format<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Format, D::Error> {
    let name = String::deserialize(deserializer)?;
    format_option(&name).map_err(serde::de::Error::custom)
}

/// The `format` option's value `name` (one of [`FORMATS`]), or the error that lists them.
pub fn format_option(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        [
            "unknown format \"",
            name,
            "\"; expected \"text\", \"html\" or \"auto\"",
        ]
        .concat()
    })
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang: None,
            actors: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            format: Format::Text,
        }
    }
}

/// Reads `lang`: `"auto"` means "detect" (like no value); anything but [`LANGS`] is an error.
fn read_lang<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(tag) => lang_option(&tag).map_err(serde::de::Error::custom),
    }
}

/// The `lang` option's value `tag`: `None` for `"auto"` (detect), the tag if it is one of
/// [`LANGS`], else the error that lists them.
pub fn lang_option(tag: &str) -> Result<Option<String>, String> {
    match tag {
        "auto" => Ok(None),
        tag if LANGS.contains(&tag) => Ok(Some(tag.to_string())),
        tag => {
            let mut message = ["unknown language \"", tag, "\"; expected \"auto\""].concat();
            for (i, lang) in LANGS.iter().enumerate() {
                message.push_str(if i == 0 { ", \"" } else { " or \"" });
                message.push_str(lang);
                message.push('"');
            }
            Err(message)
        }
    }
}

/// An actor given by the caller.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActorEntry {
    /// The name as the articles write it.
    pub name: String,
    pub kind: ActorKind,
    /// Other surface forms: spellings, short names, acronyms, other scripts.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The English name.
    #[serde(default)]
    pub canonical: Option<String>,
    /// A Wikidata id such as `Q7747`.
    #[serde(default)]
    pub wikidata: Option<String>,
}

impl<'de> Deserialize<'de> for ActorKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ActorKind, D::Error> {
        let name = String::deserialize(deserializer)?;
        actor_kind_option(&name).map_err(serde::de::Error::custom)
    }
}

/// The `kind` of an [`ActorEntry`] called `name`, or the error that lists the kinds.
pub fn actor_kind_option(name: &str) -> Result<ActorKind, String> {
    ActorKind::from_name(name).ok_or_else(|| {
        [
            "unknown actor kind \"",
            name,
            "\"; expected person, country, organization, place or group",
        ]
        .concat()
    })
}
