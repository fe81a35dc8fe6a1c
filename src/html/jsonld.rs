//! JSON-LD: the string fields of a `<script type="application/ld+json">` block, each with the
//! key of the object or array it sits in, so that `headline`, `datePublished`, `inLanguage` and
//! `author` → `name` can be read without a JSON library in the wasm.
//!
//! One linear pass over the bytes with an explicit stack (no recursion); strings are decoded with
//! their escapes (`\n`, `\"`, `\uXXXX` with surrogate pairs). Broken JSON gives the fields read
//! before the break, never an error.

/// One `"key": "string"` member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The key the enclosing object or array is the value of (`""` at the top).
    pub parent: String,
    pub key: String,
    pub value: String,
}

/// Reads a JSON string that starts after the opening quote at `bytes[at]`; returns the decoded
/// string and the index after the closing quote.
fn string(json: &str, mut at: usize) -> (String, usize) {
    let bytes = json.as_bytes();
    let mut out = String::new();
    let mut run = at;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                out.push_str(&json[run..at]);
                return (out, at + 1);
            }
            b'\\' => {
                out.push_str(&json[run..at]);
                let escape = bytes.get(at + 1).copied().unwrap_or(b'\\');
                at += 2;
                match escape {
                    b'n' => out.push('\n'),
                    b't' => out.push('\t'),
                    b'r' => out.push('\r'),
                    b'b' | b'f' => out.push(' '),
                    b'u' => {
                        let (unit, next) = hex4(json, at);
                        at = next;
                        let c = if (0xD800..0xDC00).contains(&unit)
                            && json.get(at..at + 2) == Some("\\u")
                        {
                            let (low, next) = hex4(json, at + 2);
                            if (0xDC00..0xE000).contains(&low) {
                                at = next;
                                char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                            } else {
                                None
                            }
                        } else {
                            char::from_u32(unit)
                        };
                        out.push(c.unwrap_or('\u{FFFD}'));
                    }
                    other if other.is_ascii() => out.push(other as char),
                    _ => {}
                }
                // An escape of a non-ASCII byte is invalid JSON: resume at the next character.
                while at < bytes.len() && !json.is_char_boundary(at) {
                    at += 1;
                }
                run = at.min(bytes.len());
            }
            _ => at += 1,
        }
    }
    out.push_str(&json[run.min(json.len())..]);
    (out, bytes.len())
}

/// Four hex digits at `at`, or U+FFFD when they are not there.
fn hex4(json: &str, at: usize) -> (u32, usize) {
    match json
        .get(at..at + 4)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
    {
        Some(unit) => (unit, at + 4),
        None => (0xFFFD, at),
    }
}

/// The string members of `json`, in order.
pub fn fields(json: &str) -> Vec<Field> {
    let bytes = json.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut key: Option<String> = None;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let (text, next) = string(json, at + 1);
                at = next;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                if bytes.get(at) == Some(&b':') {
                    key = Some(text);
                    at += 1;
                } else if let Some(k) = key.take() {
                    out.push(Field {
                        parent: stack.last().cloned().unwrap_or_default(),
                        key: k,
                        value: text,
                    });
                } else if let Some(k) = stack.last() {
                    // A string inside an array ("author": ["A", "B"]) belongs to the array's key.
                    out.push(Field {
                        parent: k.clone(),
                        key: k.clone(),
                        value: text,
                    });
                }
            }
            b'{' | b'[' => {
                let name = key
                    .take()
                    .or_else(|| stack.last().cloned())
                    .unwrap_or_default();
                stack.push(name);
                at += 1;
            }
            b'}' | b']' => {
                stack.pop();
                key = None;
                at += 1;
            }
            b',' => {
                key = None;
                at += 1;
            }
            _ => at += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_fields() {
        let json = r#"{"@type":"NewsArticle","headline":"A \"big\" day \u0915\ud83d\ude00",
            "author":[{"@type":"Person","name":"Asha"}],"inLanguage":"hi-IN","wordCount":5}"#;
        let f = fields(json);
        let get = |k: &str| f.iter().find(|x| x.key == k).map(|x| x.value.as_str());
        assert_eq!(
            get("headline"),
            Some("A \"big\" day क😀"),
            "should decode escapes and surrogate pairs"
        );
        assert!(
            f.iter()
                .any(|x| x.parent == "author" && x.key == "name" && x.value == "Asha"),
            "should know the author's name sits under author"
        );
        assert_eq!(get("inLanguage"), Some("hi-IN"), "should read the language");
    }

    #[test]
    fn survives_broken_json() {
        for json in ["{\"a\":\"b", "\"\\", "\"\\u12", "]]]}}", "{\"k\":\"\\é\"}"] {
            let _ = fields(json);
        }
        assert_eq!(
            fields("{\"a\":\"b").len(),
            1,
            "should keep what was read before the break"
        );
    }
}
