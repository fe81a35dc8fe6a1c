//! The result's way into JavaScript: the Article is serialised into three flat buffers in wasm
//! memory (operations, numbers, and all of its strings as one run of UTF-16 units), which
//! `js/result.js` reads in one pass into plain objects, arrays, strings, numbers, booleans and
//! `null`: the same values, in the same order, as serde-wasm-bindgen's JSON-compatible
//! serializer builds.
//!
//! Why: serde-wasm-bindgen builds the object one JS call at a time (an object, a key, a number,
//! a string each cross the boundary, about 1,500 crossings for the sample article), and every
//! string is decoded from UTF-8 on its own; on the sample article in Node that cost about
//! 0.2 ms of a 1.8 ms parse. Here JS decodes all the strings at once (UTF-16 needs no
//! decoding, only a copy) and slices them.
//!
//! The layout, in `u32` operations (read by `js/result.js`, which must agree with [`Op`]):
//! `Null`, `False`, `True`; `Number` (the next of the numbers); `String n` (the next `n` UTF-16
//! units of the text); `Array n` then `n` values; `Object n` then `n` members, each a key and a
//! value. A key is `Key i` (the `i`th key defined in this result) or `NewKey n` (the next `n`
//! units of the text, which become key `i`, the next one). Struct field names are defined once
//! per result and then named by number, so JS looks up each distinct key once.

use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};

/// One operation of the layout above; the numbers are the wire format shared with JS.
#[repr(u32)]
#[derive(Clone, Copy)]
enum Op {
    Null = 0,
    False = 1,
    True = 2,
    Number = 3,
    String = 4,
    Array = 5,
    Object = 6,
    Key = 7,
    NewKey = 8,
}

/// A serialised value, ready for `js/result.js`.
pub struct Tape {
    pub ops: Vec<u32>,
    pub numbers: Vec<f64>,
    pub text: Vec<u16>,
    /// The struct field names defined so far, and the number of keys defined (map keys too).
    /// (`usize` values: the map type of the core's `&str` maps, one hash table's code fewer.)
    keys: FxHashMap<&'static str, usize>,
    /// The field names met, each in a slot chosen by its address (or the next free one), with
    /// its number: a field name is one string in the program, so lookups find it here by its
    /// address and skip hashing its text (about 140 instructions a field in the map: 0.055 M
    /// of the sample article's 0.3 M, 0.115 M of the English one's 0.375 M). A name not here
    /// is looked up in `keys`, so two copies of one name are still one key.
    recent: [Option<(&'static str, u32)>; RECENT],
    defined: u32,
}

/// The slots of [`Tape::recent`]: twice the field names of the Article (when they are full,
/// further names are looked up in the map only).
const RECENT: usize = 64;

impl Default for Tape {
    fn default() -> Tape {
        Tape {
            ops: Vec::new(),
            numbers: Vec::new(),
            text: Vec::new(),
            keys: FxHashMap::default(),
            recent: [None; RECENT],
            defined: 0,
        }
    }
}

/// Why a value could not be serialised (a type the layout has no room for).
#[derive(Debug)]
pub struct Error(pub(crate) String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

type Result<T = (), E = Error> = std::result::Result<T, E>;

impl Tape {
    /// `value` serialised, with room reserved for about `text_units` UTF-16 units of strings.
    pub fn of<T: Serialize + ?Sized>(value: &T, text_units: usize) -> Result<Tape> {
        let mut tape = Tape {
            // An article's operations come to about a sixth (Hindi) to a third (English) of
            // `text_units` (1.5 times its bytes): 4,426 for the English article's 12,057, which
            // a quarter did not hold (the list was copied once, doubled).
            ops: Vec::with_capacity(text_units / 2 + 64),
            numbers: Vec::with_capacity(text_units / 16 + 16),
            text: Vec::with_capacity(text_units + 1024),
            ..Tape::default()
        };
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    fn op(&mut self, op: Op) {
        self.ops.push(op as u32);
    }

    fn string(&mut self, value: &str) {
        let units = self.push_units(value);
        self.op(Op::String);
        self.ops.push(units);
    }

    /// Appends `value` to the text and returns its length in UTF-16 units.
    fn push_units(&mut self, value: &str) -> u32 {
        let before = self.text.len();
        if value.is_ascii() {
            self.text.extend(value.bytes().map(u16::from));
        } else {
            self.text.extend(value.encode_utf16());
        }
        // A string of more than 4 G units cannot be in a 4 GB wasm memory.
        (self.text.len() - before) as u32
    }

    fn key(&mut self, key: &'static str) {
        // The slot of the address (Fibonacci hashing: its top bits after a multiplication),
        // or the next free one after it: every name gets a slot while there are free ones.
        let mut slot = ((key.as_ptr() as usize as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - RECENT.trailing_zeros())) as usize;
        let mut free = None;
        for _ in 0..RECENT {
            match self.recent[slot] {
                Some((seen, index)) if std::ptr::eq(seen, key) => {
                    self.op(Op::Key);
                    self.ops.push(index);
                    return;
                }
                Some(_) => slot = (slot + 1) % RECENT,
                None => {
                    free = Some(slot);
                    break;
                }
            }
        }
        let next = self.defined;
        let index = match self.keys.entry(key) {
            std::collections::hash_map::Entry::Occupied(known) => {
                let index = *known.get() as u32;
                self.op(Op::Key);
                self.ops.push(index);
                index
            }
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert(next as usize);
                self.defined += 1;
                let units = self.push_units(key);
                self.op(Op::NewKey);
                self.ops.push(units);
                next
            }
        };
        if let Some(slot) = free {
            self.recent[slot] = Some((key, index));
        }
    }

    /// Starts an array or object whose length is written by [`Compound::end`].
    fn open(&mut self, op: Op) -> Compound<'_> {
        self.op(op);
        let at = self.ops.len();
        self.ops.push(0);
        Compound {
            tape: self,
            at,
            count: 0,
        }
    }

    fn number(&mut self, value: f64) {
        self.op(Op::Number);
        self.numbers.push(value);
    }
}

/// An array or object being written: counts its elements or members.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    count: u32,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.tape.key(key);
        self.element(value)
    }

    fn end(self) -> Result {
        self.tape.ops[self.at] = self.count;
        Ok(())
    }
}

/// A variant with data, `{ "Variant": data }` (serde's default, as serde-wasm-bindgen does it):
/// the outer object of one member around the data's array or object.
pub struct Variant<'a> {
    outer: Compound<'a>,
    at: usize,
    count: u32,
}

impl<'a> Variant<'a> {
    fn open(tape: &'a mut Tape, variant: &'static str, op: Op) -> Variant<'a> {
        let mut outer = tape.open(Op::Object);
        outer.count = 1;
        outer.tape.key(variant);
        outer.tape.op(op);
        let at = outer.tape.ops.len();
        outer.tape.ops.push(0);
        Variant {
            outer,
            at,
            count: 0,
        }
    }

    fn end(self) -> Result {
        self.outer.tape.ops[self.at] = self.count;
        self.outer.end()
    }
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The error for an integer that a JS number cannot hold exactly: `-` if `negative`, then
/// `magnitude`.
fn too_large(negative: bool, magnitude: u64) -> Error {
    let mut message = String::from(if negative { "-" } else { "" });
    newslens::decimal::push_decimal(&mut message, magnitude);
    message.push_str(" is too large for a JS number");
    Error(message)
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.op(if v { Op::True } else { Op::False });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result {
        if v.unsigned_abs() > MAX_SAFE_INTEGER {
            return Err(too_large(v < 0, v.unsigned_abs()));
        }
        self.serialize_f64(v as f64)
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result {
        if v > MAX_SAFE_INTEGER {
            return Err(too_large(false, v));
        }
        self.serialize_f64(v as f64)
    }

    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(Error("bytes have no JSON form".into()))
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.op(Op::Null);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let mut outer = self.open(Op::Object);
        outer.member(variant, value)?;
        outer.end()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(Op::Array))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(Op::Array))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(Op::Array))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>> {
        Ok(Variant::open(self, variant, Op::Array))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(Op::Object))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(Op::Object))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>> {
        Ok(Variant::open(self, variant, Op::Object))
    }
}

/// The three sequence-like traits, whose elements are all plain values in an array.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }

            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.member(key, value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        // A map's keys are not static: each is defined anew, as a string (JSON has no other
        // keys), and never named again.
        let mut alone = Tape::default();
        key.serialize(&mut alone)?;
        let [op, units] = alone.ops[..] else {
            return Err(Error("a map key must be a string".into()));
        };
        if op != Op::String as u32 {
            return Err(Error("a map key must be a string".into()));
        }
        self.tape.text.extend_from_slice(&alone.text);
        self.tape.op(Op::NewKey);
        self.tape.ops.push(units);
        self.tape.defined += 1;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.count += 1;
        value.serialize(&mut *self.outer.tape)
    }

    fn end(self) -> Result {
        Variant::end(self)
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.count += 1;
        self.outer.tape.key(key);
        value.serialize(&mut *self.outer.tape)
    }

    fn end(self) -> Result {
        Variant::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Span {
        text: String,
        start: u32,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Person,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        spans: Vec<Span>,
        kind: Kind,
        speaker_id: Option<String>,
        ok: bool,
        salience: f32,
    }

    const STRING: u32 = Op::String as u32;

    #[test]
    fn writes_values_in_order_and_names_each_field_once() {
        let item = Item {
            spans: vec![
                Span {
                    text: "मोदी 😀".into(),
                    start: 3,
                },
                Span {
                    text: "PM".into(),
                    start: 9,
                },
            ],
            kind: Kind::Person,
            speaker_id: None,
            ok: true,
            salience: 0.1,
        };
        let tape = Tape::of(&item, 0).unwrap();
        let (object, array, new_key, key, number, null, yes) = (6, 5, 8, 7, 3, 0, 2);
        assert_eq!(
            tape.ops,
            [
                object, 5, //
                new_key, 5, array, 2, // spans: [
                object, 2, new_key, 4, STRING, 7, new_key, 5, number, // { text, start }
                object, 2, key, 1, STRING, 2, key, 2, number, // { text, start } by number
                new_key, 4, STRING, 6, // kind: "person"
                new_key, 9, null, // speakerId: null
                new_key, 2, yes, // ok: true
                new_key, 8, number, // salience
            ],
            "should write each field name once, then its number"
        );
        assert_eq!(
            tape.numbers,
            [3.0, 9.0, f64::from(0.1f32)],
            "should keep numbers in order, an f32 widened as it is"
        );
        let text = String::from_utf16(&tape.text).unwrap();
        assert_eq!(
            text, "spanstextमोदी 😀startPMkindpersonspeakerIdoksalience",
            "should write strings and new keys as UTF-16, in order"
        );
        assert_eq!(
            "मोदी 😀".encode_utf16().count(),
            7,
            "should count a surrogate pair as two units"
        );
    }

    #[test]
    fn names_a_field_by_number_whatever_copy_of_its_name_is_met() {
        let mut tape = Tape::default();
        // Another copy of "text", at another address: not in the slots, found in the map.
        let copy: &'static str = Box::leak(String::from("text").into_boxed_str());
        let names: Vec<&'static str> = ["text", "start", "end", "text", "start"]
            .into_iter()
            .chain([copy, "text", copy])
            .chain((0..200).map(|i| ["text", "start", "end"][i % 3]))
            .collect();
        for &name in &names {
            tape.key(name);
        }
        let (new_key, key) = (Op::NewKey as u32, Op::Key as u32);
        let mut expected = vec![new_key, 4, new_key, 5, new_key, 3, key, 0, key, 1];
        expected.extend([key, 0, key, 0, key, 0]);
        expected.extend((0..200).flat_map(|i| [key, i % 3]));
        assert_eq!(
            tape.ops, expected,
            "should define each name once, then name it by number"
        );
        assert_eq!(tape.defined, 3, "should define three keys");
    }

    #[test]
    fn refuses_numbers_js_cannot_hold() {
        assert!(
            Tape::of(&(1u64 << 53), 0).is_err(),
            "should refuse an integer above Number.MAX_SAFE_INTEGER"
        );
        assert!(
            Tape::of(&((1u64 << 53) - 1), 0).is_ok(),
            "should take Number.MAX_SAFE_INTEGER"
        );
    }

    #[test]
    fn writes_maps_with_string_keys_only() {
        let map = std::collections::BTreeMap::from([("a", 1), ("b", 2)]);
        let tape = Tape::of(&map, 0).unwrap();
        assert_eq!(
            tape.ops,
            [6, 2, 8, 1, 3, 8, 1, 3],
            "should define each map key anew"
        );
        let numbered = std::collections::BTreeMap::from([(1, 1)]);
        assert!(
            Tape::of(&numbered, 0).is_err(),
            "should refuse a map key that is not a string"
        );
    }
}
