//! JavaScript bindings: `parse(text, options?)` returns the Article of the public schema as a
//! plain object with UTF-16 offsets; unusable input or options throw an `Error` that says what
//! was wrong and what is accepted.
//!
//! The text is read with `as_string()` (a lone surrogate becomes U+FFFD, with a warning), the
//! options strictly by [`options::read_options`], and the result is written into flat buffers
//! ([`result::Tape`]) that the caller's `read` (`js/result.js`) turns into a plain object (no
//! class handles, nothing to free).

mod options;
mod result;

/// The allocator of the wasm build: smaller than the standard library's (see Cargo.toml). The
/// module is single-threaded, so its heap needs no lock.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use newslens::scan::TextExt;
use newslens::wire;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parse `text` and return the Article as a plain object, which `read` (`readResult` of
/// `js/result.js`) builds from the buffers it is given.
#[wasm_bindgen]
pub fn parse(text: JsValue, options: JsValue, read: &js_sys::Function) -> Result<JsValue, JsError> {
    let input = read_text(&text)?;
    let options = options::read_options(&options)
        .map_err(|problem| JsError::new(&["parse(text, options): ", &problem].concat()))?;
    let mut article = newslens::parse_to_wire(&input, &options)
        .map_err(|e| JsError::new(&["parse(text, options): ", &e.message()].concat()))?;
    if input.contains_char('\u{FFFD}') {
        warn_about_lone_surrogates(&text, &mut article);
    }
    to_js(&article, input.len(), read)
}

/// The version of the package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn read_text(text: &JsValue) -> Result<String, JsError> {
    // as_string() encodes with TextEncoder, which turns a lone surrogate into U+FFFD (one UTF-16
    // unit, like the surrogate), so offsets stay right; see warn_about_lone_surrogates.
    text.as_string().ok_or_else(|| {
        JsError::new(
            &[
                "parse(text, options): text must be a string, got ",
                &describe(text),
                "; pass the article's plain text, e.g. element.textContent",
            ]
            .concat(),
        )
    })
}

/// A text with a lone surrogate was read with U+FFFD in its place: the offsets are still right,
/// but the span texts show U+FFFD there, so say so. Only runs when the text has a U+FFFD at all,
/// because the check walks the JS string one code unit at a time.
fn warn_about_lone_surrogates(text: &JsValue, article: &mut wire::Article) {
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
        return;
    };
    if text.is_valid_utf16() {
        return;
    }
    article.warnings.push(wire::Warning {
        code: "lone-surrogate".to_string(),
        message: "the text has unpaired UTF-16 surrogates; they were read as U+FFFD, so span \
                  texts show U+FFFD where the input has them (offsets are unchanged)"
            .to_string(),
        start: 0,
        end: 0,
    });
}

fn to_js(
    article: &wire::Article,
    input_bytes: usize,
    read: &js_sys::Function,
) -> Result<JsValue, JsError> {
    // Measured on the sample article in Node: serde-wasm-bindgen's object building cost about
    // 0.2 ms, serde_json::to_string + JSON.parse about as much; this about 0.05 ms.
    let fail =
        |why: String| JsError::new(&["newslens could not build the result: ", &why].concat());
    // The strings of a result (paragraphs, quotes, mentions) come to about 1.5 times the input.
    let tape = result::Tape::of(article, input_bytes + input_bytes / 2).map_err(|e| fail(e.0))?;
    // SAFETY: the views are read by `read` before anything else runs in this module (nothing in
    // between allocates, so wasm memory cannot grow and detach them) and dropped with `tape`.
    let (ops, numbers, units) = unsafe {
        (
            js_sys::Uint32Array::view(&tape.ops),
            js_sys::Float64Array::view(&tape.numbers),
            js_sys::Uint16Array::view(&tape.text),
        )
    };
    read.call3(&JsValue::NULL, &ops, &numbers, &units)
        .map_err(|e| {
            fail(
                e.dyn_ref::<js_sys::Error>()
                    .map_or_else(|| describe(&e), |e| String::from(e.message())),
            )
        })
}

/// How a JS value is named in error messages: its type, `an array` or `null`.
pub(crate) fn describe(value: &JsValue) -> String {
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
