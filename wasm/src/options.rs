//! Reads the JS options object into [`Options`], strictly: an unknown or ill-typed option is an
//! error naming the option, never a silent no-op.
//!
//! serde-wasm-bindgen reads a struct by looking up only the field names it knows, so
//! `#[serde(deny_unknown_fields)]` never sees a misspelt key. Here every object is first copied
//! member by member: a key that is not one of the struct's fields (asked from its `Deserialize`
//! impl, so the list cannot drift) is refused, and members that are `undefined` or `null` are
//! dropped, because in JS `{ lang: undefined }` means the same as `{}`. The copy is then
//! deserialised; when that fails, each member is tried alone to say which one is wrong.

use newslens::{ActorEntry, Options};
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// What the error messages list as accepted.
const ACCEPTED: &str = "accepted options: lang (\"auto\", \"hi\" or \"en\"), actors (an array \
of { name, kind, aliases?, canonical?, wikidata? } where kind is person, country, organization, \
place or group), maxInputBytes (a whole number of bytes) and format (\"text\", \"html\" or \
\"auto\")";

/// The options object `value` (undefined and null give the defaults) or what is wrong with it.
pub fn read_options(value: &JsValue) -> Result<Options, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let Some(object) = plain_object(value) else {
        return Err(format!(
            "options must be an object such as {{ lang: \"hi\" }}, got {}; {ACCEPTED}",
            crate::describe(value)
        ));
    };
    let clean = copy_known(object, struct_fields::<Options>(), "unknown option")
        .map_err(|e| format!("{e}; {ACCEPTED}"))?;
    if let Some(actors) = clean.get("actors") {
        clean.set("actors", &copy_actors(&actors)?);
    }
    if let Some(limit) = clean.get("maxInputBytes") {
        let whole = limit
            .as_f64()
            .is_some_and(|n| n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0);
        if !whole {
            return Err(format!(
                "option maxInputBytes must be a whole number of bytes, 0 or more, got {}; \
                 {ACCEPTED}",
                limit
                    .as_f64()
                    .map_or_else(|| crate::describe(&limit), |n| n.to_string())
            ));
        }
    }
    serde_wasm_bindgen::from_value(clean.object.clone().into())
        .map_err(|_| format!("{}; {ACCEPTED}", find_bad_member(&clean.object)))
}

/// Copies each actor entry with only its known, non-missing members.
fn copy_actors(actors: &JsValue) -> Result<JsValue, String> {
    let Some(array) = actors.dyn_ref::<js_sys::Array>() else {
        return Err(format!(
            "option actors must be an array, got {}; {ACCEPTED}",
            crate::describe(actors)
        ));
    };
    let copy = js_sys::Array::new();
    for (index, entry) in array.iter().enumerate() {
        let Some(object) = plain_object(&entry) else {
            return Err(format!(
                "actors[{index}] must be an object such as {{ name: \"Lavrov\", kind: \"person\" }}, \
                 got {}; {ACCEPTED}",
                crate::describe(&entry)
            ));
        };
        let what = format!("actors[{index}] has an unknown field");
        let entry = copy_known(object, struct_fields::<ActorEntry>(), &what)
            .map_err(|e| format!("{e}; {ACCEPTED}"))?;
        if let Some(aliases) = entry.get("aliases") {
            if !js_sys::Array::is_array(&aliases) {
                return Err(format!(
                    "actors[{index}].aliases must be an array of strings, got {}; {ACCEPTED}",
                    crate::describe(&aliases)
                ));
            }
        }
        copy.push(entry.object.as_ref());
    }
    Ok(copy.into())
}

/// An object being built from the members of another.
struct Copy {
    object: js_sys::Object,
}

impl Copy {
    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.object, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }

    fn set(&self, key: &str, value: &JsValue) {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&self.object, &JsValue::from_str(key), value);
    }
}

/// The own enumerable members of `object` whose key is in `fields` and whose value is not
/// undefined or null; an unknown key is an error, `unknown` followed by the key (and the field it
/// resembles).
fn copy_known(object: &js_sys::Object, fields: &[&str], unknown: &str) -> Result<Copy, String> {
    let copy = Copy {
        object: js_sys::Object::new(),
    };
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            let hint = fields
                .iter()
                .find(|field| loose(field) == loose(&key))
                .map(|field| format!(" (did you mean {field}?)"))
                .unwrap_or_default();
            return Err(format!("{unknown} \"{key}\"{hint}"));
        }
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or_default();
        if !value.is_undefined() && !value.is_null() {
            copy.set(&key, &value);
        }
    }
    Ok(copy)
}

/// The first member of a (cleaned) options object that does not deserialise, with the reason.
fn find_bad_member(options: &js_sys::Object) -> String {
    for key in js_sys::Object::keys(options).iter() {
        let key = key.as_string().unwrap_or_default();
        let value = js_sys::Reflect::get(options, &JsValue::from_str(&key)).unwrap_or_default();
        if key == "actors" {
            for (index, entry) in js_sys::Array::from(&value).iter().enumerate() {
                if let Err(e) = serde_wasm_bindgen::from_value::<ActorEntry>(entry) {
                    return format!("actors[{index}]: {}", reason(&e));
                }
            }
            continue;
        }
        let alone = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&alone, &JsValue::from_str(&key), &value);
        if let Err(e) = serde_wasm_bindgen::from_value::<Options>(alone.into()) {
            return format!("option {key}: {}", reason(&e));
        }
    }
    "the options could not be read".to_string()
}

/// A serde-wasm-bindgen error as text, without the `Error: ` that JS's `String(error)` adds.
fn reason(error: &serde_wasm_bindgen::Error) -> String {
    let text = error.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
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
