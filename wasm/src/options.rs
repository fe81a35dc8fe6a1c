//! Reads the JS options object into [`Options`], strictly: an unknown or ill-typed option is an
//! error naming the option, never a silent no-op.
//!
//! The object is read member by member with js-sys (no serde deserialiser: serde-wasm-bindgen
//! and serde's "invalid type" messages brought Rust's float formatting, about 14 KB of wasm).
//! A key that is not one of the struct's fields (asked from its `Deserialize` impl, so the list
//! cannot drift) is refused, and members that are `undefined` or `null` are skipped, because in
//! JS `{ lang: undefined }` means the same as `{}`. The checks run in the order the messages
//! need: unknown keys, the shape of `actors`, `maxInputBytes`, then each member's value in the
//! object's key order. The values of `lang`, `format` and an actor's `kind` are checked by the
//! core's `*_option` functions, which its serde impls use too, so the messages are the same.

use newslens::decimal::{decimal, push_decimal};
use newslens::options::{actor_kind_option, format_option, lang_option};
use newslens::{ActorEntry, Options};
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// What the error messages list as accepted.
const ACCEPTED: &str = "accepted options: lang (\"auto\", \"hi\" or \"en\"), actors (an array \
of { name, kind, aliases?, canonical?, wikidata? } where kind is person, country, organization, \
place or group), maxInputBytes (a whole number of bytes) and format (\"text\", \"html\" or \
\"auto\")";

/// The message for an option that is not what `wanted` says: "`wanted`, got <what `value` is>;"
/// and what is accepted.
fn got(wanted: &str, value: &JsValue) -> String {
    [wanted, ", got ", &crate::describe(value), "; ", ACCEPTED].concat()
}

/// The options object `value` (undefined and null give the defaults) or what is wrong with it.
pub fn read_options(value: &JsValue) -> Result<Options, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let Some(object) = plain_object(value) else {
        return Err(got(
            "options must be an object such as { lang: \"hi\" }",
            value,
        ));
    };
    let members = known_members(object, struct_fields::<Options>(), "unknown option")
        .map_err(|e| [&e, "; ", ACCEPTED].concat())?;
    let member = |name: &str| members.iter().find(|(key, _)| key == name).map(|(_, v)| v);
    let entries = match member("actors") {
        Some(value) => actor_members(value)?,
        None => Vec::new(),
    };
    if let Some(value) = member("maxInputBytes").filter(|v| whole_bytes(v).is_none()) {
        return Err([
            "option maxInputBytes must be a whole number of bytes, 0 or more, got ",
            &number_text(value).unwrap_or_else(|| crate::describe(value)),
            "; ",
            ACCEPTED,
        ]
        .concat());
    }
    let defaults = Options::default();
    let (mut lang, mut actors) = (defaults.lang, defaults.actors);
    let (mut max_input_bytes, mut format) = (defaults.max_input_bytes, defaults.format);
    let mut entries = entries.into_iter();
    for (key, value) in &members {
        let read = match key.as_str() {
            "lang" => string(value)
                .and_then(|tag| lang_option(&tag))
                .map(|tag| lang = tag),
            "format" => string(value)
                .and_then(|name| format_option(&name))
                .map(|name| format = name),
            "maxInputBytes" => whole_bytes(value)
                .and_then(|n| usize::try_from(n).ok())
                .map(|n| max_input_bytes = n)
                .ok_or_else(|| {
                    [
                        &number_text(value).unwrap_or_default(),
                        " is more than this build can hold (at most ",
                        &decimal(usize::MAX as u64),
                        " bytes)",
                    ]
                    .concat()
                }),
            // Its shape was read above; each entry in order, the first bad one is the error.
            "actors" => {
                for (index, entry) in entries.by_ref().enumerate() {
                    actors.push(
                        read_actor(&entry)
                            .map_err(|e| [&actor(index), &e, "; ", ACCEPTED].concat())?,
                    );
                }
                Ok(())
            }
            // known_members admits no other key.
            _ => Ok(()),
        };
        read.map_err(|e| ["option ", key, ": ", &e, "; ", ACCEPTED].concat())?;
    }
    Ok(Options {
        lang,
        actors,
        max_input_bytes,
        format,
    })
}

/// The entries of the `actors` option, each with only its known, non-missing members, or what is
/// wrong with the array's shape.
fn actor_members(actors: &JsValue) -> Result<Vec<Vec<(String, JsValue)>>, String> {
    let Some(array) = actors.dyn_ref::<js_sys::Array>() else {
        return Err(got("option actors must be an array", actors));
    };
    let mut entries = Vec::new();
    for (index, entry) in array.iter().enumerate() {
        let Some(object) = plain_object(&entry) else {
            let wanted = " must be an object such as { name: \"Lavrov\", kind: \"person\" }";
            return Err(got(&[&actor(index), wanted].concat(), &entry));
        };
        let what = [&actor(index), " has an unknown field"].concat();
        let members = known_members(object, struct_fields::<ActorEntry>(), &what)
            .map_err(|e| [&e, "; ", ACCEPTED].concat())?;
        for (key, value) in &members {
            if key == "aliases" && !js_sys::Array::is_array(value) {
                let wanted = [&actor(index), ".aliases must be an array of strings"].concat();
                return Err(got(&wanted, value));
            }
        }
        entries.push(members);
    }
    Ok(entries)
}

/// One actor entry from its members; the error starts with the field (`.name: ...`) or `: `.
fn read_actor(members: &[(String, JsValue)]) -> Result<ActorEntry, String> {
    let (mut name, mut kind) = (None, None);
    let (mut aliases, mut canonical, mut wikidata) = (Vec::new(), None, None);
    for (key, value) in members {
        let field = |e: String| [".", key, ": ", &e].concat();
        match key.as_str() {
            "name" => name = Some(string(value).map_err(field)?),
            "kind" => {
                kind = Some(
                    string(value)
                        .and_then(|k| actor_kind_option(&k))
                        .map_err(field)?,
                )
            }
            "canonical" => canonical = Some(string(value).map_err(field)?),
            "wikidata" => wikidata = Some(string(value).map_err(field)?),
            "aliases" => {
                let aliases_array = value.unchecked_ref::<js_sys::Array>(); // checked by actor_members
                for (index, alias) in aliases_array.iter().enumerate() {
                    let at =
                        |e: String| [".", key, "[", &decimal(index as u64), "]: ", &e].concat();
                    aliases.push(string(&alias).map_err(at)?);
                }
            }
            // known_members admits no other key.
            _ => {}
        }
    }
    let name = name.ok_or(": missing field `name`")?;
    let kind = kind.ok_or(": missing field `kind`")?;
    Ok(ActorEntry {
        name,
        kind,
        aliases,
        canonical,
        wikidata,
    })
}

/// The own enumerable members of `object` whose key is in `fields` and whose value is not
/// undefined or null, in key order; an unknown key is an error, `unknown` followed by the key (and
/// the field it resembles).
fn known_members(
    object: &js_sys::Object,
    fields: &[&str],
    unknown: &str,
) -> Result<Vec<(String, JsValue)>, String> {
    let mut members = Vec::new();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            let hint = fields
                .iter()
                .find(|field| loose(field) == loose(&key))
                .map(|field| [" (did you mean ", field, "?)"].concat())
                .unwrap_or_default();
            return Err([unknown, " \"", &key, "\"", &hint].concat());
        }
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or_default();
        if !value.is_undefined() && !value.is_null() {
            members.push((key, value));
        }
    }
    Ok(members)
}

/// `actors[index]`, as the messages name an entry of the `actors` option.
fn actor(index: usize) -> String {
    let mut name = String::from("actors[");
    push_decimal(&mut name, index as u64);
    name.push(']');
    name
}

/// `value` as a string, or the error that says what it is instead.
fn string(value: &JsValue) -> Result<String, String> {
    value
        .as_string()
        .ok_or_else(|| ["invalid type: ", &shown(value), ", expected a string"].concat())
}

/// `value` if it is a whole number of bytes JS can count exactly (0 to 2^53 - 1).
fn whole_bytes(value: &JsValue) -> Option<u64> {
    let n = value.as_f64()?;
    // The cast is exact: n is whole and below 2^53.
    (n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0).then_some(n as u64)
}

/// How a value is shown in an error message: a number or boolean with its value, anything else
/// named as by [`crate::describe`].
fn shown(value: &JsValue) -> String {
    if let Some(text) = number_text(value) {
        ["number ", &text].concat()
    } else if let Some(flag) = value.as_bool() {
        (if flag {
            "boolean true"
        } else {
            "boolean false"
        })
        .to_string()
    } else {
        crate::describe(value)
    }
}

/// A number as JS writes it (`1.5`, `1e+300`, `Infinity`): formatted by JS, so Rust's float
/// formatting is not in the wasm.
fn number_text(value: &JsValue) -> Option<String> {
    value.as_f64()?;
    let text = value
        .unchecked_ref::<js_sys::Number>()
        .to_string_with_radix(10)
        .ok()?;
    Some(text.into())
}

/// `value` as an object, if it is a plain object (not an array, function or primitive). An
/// object without a prototype (`Object.create(null)`) is one too, though not `instanceof Object`.
fn plain_object(value: &JsValue) -> Option<&js_sys::Object> {
    (value.is_object() && !value.is_function() && !js_sys::Array::is_array(value))
        .then(|| value.unchecked_ref::<js_sys::Object>())
}

/// A key with ASCII case and `_`/`-` ignored, to suggest `maxInputBytes` for `max_input_bytes`.
/// (ASCII only: the Unicode case tables would cost kilobytes of wasm for no option name.)
fn loose(key: &str) -> String {
    key.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The field names of the struct `T`, as its derived `Deserialize` impl declares them.
fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields
}

/// A deserializer that only records the field list handed to `deserialize_struct`.
struct FieldProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_field_names_from_deserialize() {
        assert_eq!(
            struct_fields::<Options>(),
            ["lang", "actors", "maxInputBytes", "format"],
            "should list the camelCase option names"
        );
        assert!(
            struct_fields::<ActorEntry>().contains(&"wikidata"),
            "should list the actor entry fields"
        );
    }

    #[test]
    fn suggests_loosely_equal_names() {
        assert_eq!(
            loose("max_input_bytes"),
            loose("maxInputBytes"),
            "should ignore case and separators"
        );
    }
}
