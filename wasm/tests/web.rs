//! Tests of the bindings as JavaScript sees them, run in headless Chromium by
//! wasm-bindgen-test-runner (see scripts/test.sh): strings cross as UTF-16, options are read
//! strictly, and every failure is a real `Error` with a message that says what to do.

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../../samples/sample-hi-russia-north-korea.txt");

#[wasm_bindgen(module = "/../js/result.js")]
extern "C" {
    /// The reader that js/index.js and js/node.js hand to the module.
    #[wasm_bindgen(thread_local_v2, js_name = readResult)]
    static READ_RESULT: js_sys::Function;
}

/// `parse(text, options)` as the package calls it, with the result read by js/result.js.
fn parse(text: JsValue, options: JsValue) -> Result<JsValue, wasm_bindgen::JsError> {
    READ_RESULT.with(|read| newslens_wasm::parse(text, options, read))
}

fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The message of the `Error` that `parse(text, options)` threw, or a test failure.
fn error_message(text: JsValue, options: JsValue) -> String {
    let error: JsValue = match parse(text, options) {
        Ok(_) => panic!("should have thrown"),
        Err(error) => error.into(),
    };
    let error = error
        .dyn_into::<js_sys::Error>()
        .expect("should throw an Error instance, not a string");
    error.message().into()
}

/// `text.slice(start, end)` in JS, in UTF-16 units.
fn js_slice(text: &JsValue, span: &JsValue) -> String {
    let start = get(span, "start").as_f64().unwrap() as u32;
    let end = get(span, "end").as_f64().unwrap() as u32;
    js_sys::JsString::from(text.clone())
        .slice(start, end)
        .into()
}

/// Every paragraph of every section of `article`.
fn paragraphs(article: &JsValue) -> Vec<JsValue> {
    js_sys::Array::from(&get(article, "sections"))
        .iter()
        .flat_map(|section| js_sys::Array::from(&get(&section, "paragraphs")).to_vec())
        .collect()
}

#[wasm_bindgen_test]
fn parses_the_sample_into_a_plain_object() {
    let article = parse(JsValue::from_str(SAMPLE), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        js_sys::Object::get_prototype_of(&article),
        js_sys::Object::get_prototype_of(&js_sys::Object::new()),
        "should return a plain object, not a class handle"
    );
    let kicker = get(&article, "kicker");
    assert_eq!(
        get(&kicker, "text").as_string().as_deref(),
        Some("Russia Supports North Korea"),
        "should find the English kicker"
    );
    assert!(
        js_sys::Array::is_array(&get(&article, "sections")),
        "should give sections as an array"
    );
}

#[wasm_bindgen_test]
fn offsets_are_utf16_for_emoji_and_devanagari() {
    let text = JsValue::from_str("😀 रूस ने कहा, “हम साथ हैं।”\r\n\r\nदूसरा पैराग्राफ़ 😀 यहाँ है।");
    let article = parse(text.clone(), JsValue::UNDEFINED).unwrap();
    let mut spans = vec![get(&article, "title")];
    spans.extend(paragraphs(&article));
    spans.extend(js_sys::Array::from(&get(&article, "quotes")).iter());
    let mut checked = 0;
    for span in spans.iter().filter(|s| s.is_object()) {
        assert_eq!(
            get(span, "text").as_string().unwrap(),
            js_slice(&text, span),
            "should give spans whose text is the JS slice at their offsets"
        );
        checked += 1;
    }
    assert!(checked >= 2, "should have found a title and a paragraph");
}

#[wasm_bindgen_test]
fn lone_surrogates_do_not_panic_and_keep_offsets() {
    // "Headline\n\nab", a lone high surrogate, "cd.\n\nLast paragraph here."
    let units: Vec<u16> = "Headline\n\nab"
        .encode_utf16()
        .chain([0xD800])
        .chain("cd.\n\nLast paragraph here.".encode_utf16())
        .collect();
    let text: JsValue = js_sys::JsString::from_char_code(&units).into();
    let article = parse(text.clone(), JsValue::UNDEFINED).unwrap();
    let last = paragraphs(&article)
        .into_iter()
        .find(|p| get(p, "text").as_string().unwrap().starts_with("Last"))
        .expect("should find the paragraph after the lone surrogate");
    assert_eq!(
        get(&last, "text").as_string().unwrap(),
        js_slice(&text, &last),
        "should count the lone surrogate as one UTF-16 unit"
    );
    let warnings = js_sys::Array::from(&get(&article, "warnings"));
    assert!(
        warnings
            .iter()
            .any(|w| get(&w, "code").as_string().as_deref() == Some("lone-surrogate")),
        "should warn about the lone surrogate"
    );
}

#[wasm_bindgen_test]
fn non_string_text_throws_a_helpful_error() {
    let message = error_message(JsValue::from_f64(5.0), JsValue::UNDEFINED);
    assert!(
        message.contains("text must be a string") && message.contains("number"),
        "should say the text must be a string and what it got: {message}"
    );
}

#[wasm_bindgen_test]
fn unknown_option_throws_and_lists_the_accepted_ones() {
    let message = error_message(
        JsValue::from_str("x"),
        object(&[("bogus", JsValue::from_f64(1.0))]),
    );
    assert!(
        message.contains("unknown option \"bogus\"") && message.contains("maxInputBytes"),
        "should name the unknown option and list the accepted ones: {message}"
    );
    let message = error_message(
        JsValue::from_str("x"),
        object(&[("max_input_bytes", JsValue::from_f64(1.0))]),
    );
    assert!(
        message.contains("did you mean maxInputBytes"),
        "should suggest the option it resembles: {message}"
    );
}

#[wasm_bindgen_test]
fn ill_typed_options_name_the_option() {
    let message = error_message(
        JsValue::from_str("x"),
        object(&[("lang", JsValue::from_f64(5.0))]),
    );
    assert!(
        message.contains("option lang"),
        "should name the ill-typed option: {message}"
    );
    let actors = js_sys::Array::of1(&object(&[
        ("name", JsValue::from_str("Lavrov")),
        ("kind", JsValue::from_str("robot")),
    ]));
    let message = error_message(JsValue::from_str("x"), object(&[("actors", actors.into())]));
    assert!(
        message.contains("actors[0]") && message.contains("person"),
        "should name the bad actor entry and the accepted kinds: {message}"
    );
    let message = error_message(JsValue::from_str("x"), js_sys::Array::new().into());
    assert!(
        message.contains("options must be an object"),
        "should refuse an array as options: {message}"
    );
}

#[wasm_bindgen_test]
fn undefined_options_mean_not_given() {
    let options = object(&[("lang", JsValue::UNDEFINED), ("actors", JsValue::NULL)]);
    assert!(
        parse(JsValue::from_str("x"), options).is_ok(),
        "should treat undefined and null members as missing"
    );
}

#[wasm_bindgen_test]
fn user_actors_are_accepted() {
    let actors = js_sys::Array::of1(&object(&[
        ("name", JsValue::from_str("Lavrov")),
        ("kind", JsValue::from_str("person")),
        ("aliases", js_sys::Array::of1(&"लावरोव".into()).into()),
    ]));
    let options = object(&[("actors", actors.into()), ("lang", JsValue::from_str("hi"))]);
    assert!(
        parse(JsValue::from_str(SAMPLE), options).is_ok(),
        "should accept a well-formed actors list"
    );
}

#[wasm_bindgen_test]
fn input_over_the_limit_throws_naming_the_limit() {
    let options = object(&[("maxInputBytes", JsValue::from_f64(3.0))]);
    let message = error_message(JsValue::from_str("hello world"), options);
    assert!(
        message.contains("maxInputBytes") && message.contains('3'),
        "should name the limit: {message}"
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(
        newslens_wasm::version(),
        env!("CARGO_PKG_VERSION"),
        "should report the crate version"
    );
}
