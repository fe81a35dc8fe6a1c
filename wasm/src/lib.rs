//! JavaScript bindings: `parse(text, options?)` returns the Article of the public schema as a
//! plain object with UTF-16 offsets; unusable input or options throw an `Error` that says what
//! was wrong and what is accepted.

use newslens::{wire, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Parse `text` and return the Article as a plain object.
#[wasm_bindgen]
pub fn parse(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "parse(text, options): text must be a string, got {}",
            describe(&text)
        ))
    })?;
    let options = read_options(options)?;
    let article =
        newslens::parse_to_wire(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&article)
}

/// The version of the package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn read_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(JsError::new(&format!(
            "parse(text, options): options must be an object such as {{ lang: \"hi\" }}, got {}",
            describe(&options)
        )));
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| {
        JsError::new(&format!(
            "parse(text, options): {e}; accepted options are lang (\"auto\", \"hi\", \"en\"), \
             actors ([{{ name, kind, aliases?, canonical?, wikidata? }}]) and maxInputBytes (a number)"
        ))
    })
}

fn to_js(article: &wire::Article) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    article
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("newslens could not build the result: {e}")))
}

fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}
