//! The articles go to JS as a *tape*: the serde serialization of the core's types (the JSON
//! contract) written as a flat list of `u32` ops, which `js/tape.js` reads back into plain JS
//! objects in one call.
//!
//! Converting field by field from wasm (`serde-wasm-bindgen`: one JS call per key and string,
//! each string decoded from UTF-8) cost as much as the parse itself; so did a JSON string (the
//! whole text encoded again, decoded and parsed). Nearly every string of an article borrows
//! from its input (`Cow::Borrowed`), and JS already holds the input as a string: a borrowed
//! string goes on the tape as its UTF-16 range in the input, and JS copies it out of the input
//! string (a copy of UTF-16 characters, no decoding; a copy, not a view, so that a kept field
//! does not keep the whole input alive). The few other strings (normalized text, canonical
//! agency names, dates) are appended to one UTF-8 buffer, decoded once per call; keys and enum
//! variants (`&'static str`) are sent to JS once per module and then named by an id.
//!
//! UTF-16 offsets: one scan of the input, eight bytes at a time, as the strings come (mostly
//! in order), with the offset of every [`MARK`] bytes kept to go back. A JS input with a lone
//! surrogate reaches Rust with U+FFFD in its place (same UTF-16 length); a string holding
//! U+FFFD is sent as owned, since the JS slice would hold the surrogate.
//!
//! The tape follows serde's data model the way JSON does (the output is what `JSON.parse` of
//! the CLI's JSON gives): `None` and units are `null`, sequences and tuples are arrays,
//! structs and maps are plain objects with their keys in order, numbers are numbers, enum
//! variants with data are `{ variant: data }`. Ops (see `js/tape.js`):
//!
//! | op | operands | value |
//! | --- | --- | --- |
//! | [`NULL`], [`FALSE`], [`TRUE`] | | `null`, `false`, `true` |
//! | [`UINT`] | `n` | the number `n` |
//! | [`FLOAT`] | low, high words of the `f64` | a number |
//! | [`SLICE`] | UTF-16 start, end | `input.slice(start, end)` |
//! | [`OWNED`] | UTF-16 start, end | a slice of the decoded buffer |
//! | [`STATIC`] | id | a string sent before with `defineStatic` |
//! | [`ARRAY`] | `n`, then `n` values | an array |
//! | [`OBJECT`] | `n`, then `n` (key, value) pairs | a plain object; keys are string values |
//!
//! Nothing here panics: every index is checked or comes from a length.

use std::cell::RefCell;
use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

pub(crate) const NULL: u32 = 0;
pub(crate) const FALSE: u32 = 1;
pub(crate) const TRUE: u32 = 2;
pub(crate) const UINT: u32 = 3;
pub(crate) const FLOAT: u32 = 4;
pub(crate) const SLICE: u32 = 5;
pub(crate) const OWNED: u32 = 6;
pub(crate) const STATIC: u32 = 7;
pub(crate) const ARRAY: u32 = 8;
pub(crate) const OBJECT: u32 = 9;

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    /// Remember `text` as the static string `id` (keys and enum variants).
    #[wasm_bindgen(js_name = defineStatic)]
    fn define_static(id: u32, text: &str);

    /// Read the tape: `count` values, the `i`-th slicing `inputs[first + i]` (or `inputs`
    /// itself when it is a string), pushed to `out` when it is an array; returns the last.
    #[wasm_bindgen(js_name = readTape)]
    fn read_tape(
        out: &JsValue,
        inputs: &JsValue,
        first: u32,
        count: u32,
        tape: &[u32],
        owned: &str,
    ) -> JsValue;
}

thread_local! {
    /// The static strings already sent to JS.
    static STATICS: RefCell<Statics> = RefCell::new(Statics::new());
}

/// Static strings by address, in an open-addressing table (a few dozen keys and variants are
/// looked up for every article, so this is on the hot path).
struct Statics {
    slots: Vec<Option<(&'static str, u32)>>,
    count: u32,
}

/// Slots of [`Statics`] (a power of two); the table stops interning when half full.
const SLOTS: usize = 256;

impl Statics {
    fn new() -> Self {
        Statics {
            slots: vec![None; SLOTS],
            count: 0,
        }
    }

    /// The id of `s`, and whether it is new; `None` when the table is full.
    fn id(&mut self, s: &'static str) -> Option<(u32, bool)> {
        let addr = s.as_ptr() as usize;
        let mut slot = (addr ^ (addr >> 7) ^ s.len()) & (SLOTS - 1);
        loop {
            match self.slots.get_mut(slot)? {
                Some((t, id)) if t.as_ptr() == s.as_ptr() && t.len() == s.len() => {
                    return Some((*id, false));
                }
                Some(_) => slot = (slot + 1) & (SLOTS - 1),
                empty @ None => {
                    if self.count as usize >= SLOTS / 2 {
                        return None;
                    }
                    let id = self.count;
                    *empty = Some((s, id));
                    self.count += 1;
                    return Some((id, true));
                }
            }
        }
    }
}

/// The id of a static string, sending it to JS the first time; `None` when it must be sent as
/// an ordinary string (the table is full, or in use by an outer call).
fn static_id(s: &'static str) -> Option<u32> {
    let (id, new) = STATICS.with(|statics| statics.try_borrow_mut().ok()?.id(s))?;
    if new {
        // Not borrowed any more: JS may do anything.
        define_static(id, s);
    }
    Some(id)
}

/// A tape being written: the ops, and the strings that are not slices of the input.
pub(crate) struct Tape {
    ops: Vec<u32>,
    owned: String,
    /// UTF-16 length of `owned`.
    owned_units: usize,
    /// Values written since the last [`Tape::read`].
    count: u32,
}

impl Tape {
    /// An empty tape with room for `ops` ops.
    pub(crate) fn with_capacity(ops: usize) -> Self {
        Tape {
            ops: Vec::with_capacity(ops),
            owned: String::new(),
            owned_units: 0,
            count: 0,
        }
    }

    /// Append `value`, whose borrowed strings may be slices of `input` (the Rust copy of the JS
    /// string the tape will be read against).
    pub(crate) fn write<T: Serialize + ?Sized>(
        &mut self,
        input: &str,
        value: &T,
    ) -> Result<(), Unsupported> {
        let mut writer = Writer {
            tape: self,
            input: Input::new(input),
        };
        value.serialize(&mut writer)?;
        self.count += 1;
        Ok(())
    }

    /// Bytes held (to bound a batch).
    pub(crate) fn size(&self) -> usize {
        self.ops.len() * 4 + self.owned.len()
    }

    /// Turn the values written so far into JS values, and empty the tape. `inputs` is the JS
    /// input string, or the array of them (`first` is the index of the first value's input).
    /// With `out` an array, the values are pushed to it; the last one is returned.
    pub(crate) fn read(&mut self, out: &JsValue, inputs: &JsValue, first: u32) -> JsValue {
        let value = read_tape(out, inputs, first, self.count, &self.ops, &self.owned);
        self.ops.clear();
        self.owned.clear();
        self.owned_units = 0;
        self.count = 0;
        value
    }

    fn op(&mut self, op: u32) {
        self.ops.push(op);
    }

    fn op1(&mut self, op: u32, a: u32) {
        self.ops.extend_from_slice(&[op, a]);
    }

    fn op2(&mut self, op: u32, a: u32, b: u32) {
        self.ops.extend_from_slice(&[op, a, b]);
    }

    /// An op with a count to fill in later; returns where the count goes.
    fn open(&mut self, op: u32) -> usize {
        self.op1(op, 0);
        self.ops.len() - 1
    }

    fn close(&mut self, at: usize, count: u32) {
        if let Some(slot) = self.ops.get_mut(at) {
            *slot = count;
        }
    }

    fn owned_str(&mut self, s: &str) {
        let start = self.owned_units;
        self.owned.push_str(s);
        self.owned_units += utf16_len(s.as_bytes());
        self.op2(OWNED, start as u32, self.owned_units as u32);
    }

    fn float(&mut self, v: f64) {
        let bits = v.to_bits();
        self.op2(FLOAT, bits as u32, (bits >> 32) as u32);
    }
}

/// The input of one value: its strings that lie inside it become slices.
struct Input<'i> {
    bytes: &'i [u8],
    /// An `EF` byte was seen in the bytes scanned so far: the input may hold U+FFFD, which may
    /// stand for a lone surrogate of the JS string (a JS slice would keep the surrogate), so
    /// strings with U+FFFD are sent as owned.
    ef: bool,
    /// UTF-16 offsets of byte offsets: the last one computed...
    at_byte: usize,
    at_unit: usize,
    /// ...and the one of every `MARK` bytes up to the furthest computed, to go back cheaply.
    marks: Vec<usize>,
}

/// Distance between two remembered UTF-16 offsets: the most a jump scans again.
const MARK: usize = 256;

impl<'i> Input<'i> {
    fn new(text: &'i str) -> Self {
        Input {
            bytes: text.as_bytes(),
            ef: false,
            at_byte: 0,
            at_unit: 0,
            marks: {
                let mut marks = Vec::with_capacity(text.len() / MARK + 1);
                marks.push(0);
                marks
            },
        }
    }

    /// The UTF-16 range of `s` in the input, if `s` is a slice of it that JS can slice.
    fn range(&mut self, s: &str) -> Option<(u32, u32)> {
        let base = self.bytes.as_ptr() as usize;
        let start = (s.as_ptr() as usize).checked_sub(base)?;
        let end = start.checked_add(s.len())?;
        if end > self.bytes.len() {
            return None;
        }
        let range = (self.units(start) as u32, self.units(end) as u32);
        // The bytes up to `end` have been scanned: `ef` is false unless `s` may hold U+FFFD.
        if self.ef && memchr::memmem::find(s.as_bytes(), "\u{FFFD}".as_bytes()).is_some() {
            return None;
        }
        Some(range)
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary) of the input.
    fn units(&mut self, byte: usize) -> usize {
        // From the cursor, or from the last mark at or before `byte` when the cursor is past
        // `byte` or behind that mark (strings come mostly in order, but the header fields and
        // credits are written before the body: little of the input is scanned twice).
        let mark = byte / MARK;
        match self.marks.get(mark) {
            Some(&units) if byte < self.at_byte || mark * MARK > self.at_byte => {
                self.at_byte = mark * MARK;
                self.at_unit = units;
            }
            // Not reached: the marks cover every byte before the cursor.
            None if byte < self.at_byte => {
                self.at_byte = 0;
                self.at_unit = 0;
            }
            _ => {}
        }
        // Forward to `byte`, remembering the offset at each mark passed for the first time.
        while self.at_byte < byte {
            let next_mark = (self.at_byte / MARK + 1) * MARK;
            let stop = next_mark.min(byte);
            let chunk = self.bytes.get(self.at_byte..stop).unwrap_or_default();
            let (units, ef) = scan(chunk);
            self.at_unit += units;
            self.ef |= ef;
            self.at_byte = stop;
            if stop == next_mark && self.marks.len() == next_mark / MARK {
                self.marks.push(self.at_unit);
            }
        }
        self.at_unit
    }
}

/// The number of UTF-16 code units of UTF-8 bytes.
fn utf16_len(bytes: &[u8]) -> usize {
    scan(bytes).0
}

/// The number of UTF-16 code units of UTF-8 bytes (one per byte that starts a character, one
/// more for each start of a 4-byte character), and whether they hold an `EF` byte (the first
/// byte of U+FFFD). Eight bytes at a time: this runs over every input once.
fn scan(bytes: &[u8]) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut units = bytes.len();
    let mut ef = 0;
    let mut count = |x: u64| {
        // Per byte, in its high bit: continuation bytes (10xxxxxx), 4-byte starts (11110xxx),
        // EF bytes (a zero byte of x ^ EF..EF). Zero bytes count for nothing.
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        let y = x ^ (ONES * 0xEF);
        ef |= y.wrapping_sub(ONES) & !y & HIGH;
        units = units - continuation.count_ones() as usize + four.count_ones() as usize;
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        count(u64::from_le_bytes(word));
    }
    // The last bytes, padded with zeros (no branch per byte: this runs twice per string).
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut word = [0; 8];
        if let Some(head) = word.get_mut(..tail.len()) {
            head.copy_from_slice(tail);
        }
        count(u64::from_le_bytes(word));
    }
    (units, ef != 0)
}

/// A type the tape cannot carry (a map key that is not a string). The core's types have none.
#[derive(Debug)]
pub(crate) struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

struct Writer<'a, 'i> {
    tape: &'a mut Tape,
    input: Input<'i>,
}

impl Writer<'_, '_> {
    fn string(&mut self, s: &str) {
        match self.input.range(s) {
            Some((start, end)) => self.tape.op2(SLICE, start, end),
            None => self.tape.owned_str(s),
        }
    }

    fn key(&mut self, key: &'static str) {
        match static_id(key) {
            Some(id) => self.tape.op1(STATIC, id),
            None => self.tape.owned_str(key),
        }
    }
}

/// An array or object being written: where its count goes, and the count so far.
struct Compound<'w, 'a, 'i> {
    writer: &'w mut Writer<'a, 'i>,
    at: usize,
    count: u32,
}

impl<'w, 'a, 'i> Compound<'w, 'a, 'i> {
    fn new(writer: &'w mut Writer<'a, 'i>, op: u32) -> Self {
        let at = writer.tape.open(op);
        Compound {
            writer,
            at,
            count: 0,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.writer)?;
        self.count += 1;
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.writer.key(key);
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.writer.tape.close(self.at, self.count);
        Ok(())
    }
}

impl<'w, 'a, 'i> Writer<'a, 'i> {
    /// `{ variant: value }` (serde's default enum form, as in JSON): an object of one key,
    /// whose value follows.
    fn variant(&mut self, variant: &'static str) {
        self.tape.op1(OBJECT, 1);
        self.key(variant);
    }

    fn compound(&'w mut self, op: u32) -> Compound<'w, 'a, 'i> {
        Compound::new(self, op)
    }
}

impl<'w, 'a, 'i> ser::Serializer for &'w mut Writer<'a, 'i> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w, 'a, 'i>;
    type SerializeTuple = Compound<'w, 'a, 'i>;
    type SerializeTupleStruct = Compound<'w, 'a, 'i>;
    type SerializeTupleVariant = Compound<'w, 'a, 'i>;
    type SerializeMap = Compound<'w, 'a, 'i>;
    type SerializeStruct = Compound<'w, 'a, 'i>;
    type SerializeStructVariant = Compound<'w, 'a, 'i>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.tape.op(if v { TRUE } else { FALSE });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        match u32::try_from(v) {
            Ok(n) => self.tape.op1(UINT, n),
            Err(_) => self.tape.float(v as f64),
        }
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        match u32::try_from(v) {
            Ok(n) => self.tape.op1(UINT, n),
            Err(_) => self.tape.float(v as f64),
        }
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        // As JSON: a number that is not finite is `null`.
        if v.is_finite() {
            self.tape.float(v);
        } else {
            self.tape.op(NULL);
        }
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.tape.owned_str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unsupported> {
        // As JSON: an array of numbers.
        self.tape.op1(ARRAY, v.len() as u32);
        for &b in v {
            self.tape.op1(UINT, b.into());
        }
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        self.tape.op(NULL);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.tape.op(NULL);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.key(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.variant(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Ok(self.compound(ARRAY))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Ok(self.compound(ARRAY))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Ok(self.compound(ARRAY))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        self.variant(variant);
        Ok(self.compound(ARRAY))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Ok(self.compound(OBJECT))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Ok(self.compound(OBJECT))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        self.variant(variant);
        Ok(self.compound(OBJECT))
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        let tape = &mut *self.tape;
        let start = tape.owned.len();
        let _ = write!(tape.owned, "{value}");
        let begin = tape.owned_units;
        tape.owned_units += utf16_len(tape.owned.as_bytes().get(start..).unwrap_or_default());
        tape.op2(OWNED, begin as u32, tape.owned_units as u32);
        Ok(())
    }
}

/// The compound traits whose items are plain values: arrays on the tape.
macro_rules! values_compound {
    ($($trait:ident :: $method:ident),+ $(,)?) => {$(
        impl ser::$trait for Compound<'_, '_, '_> {
            type Ok = ();
            type Error = Unsupported;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.element(value)
            }

            fn end(self) -> Result<(), Unsupported> {
                Compound::end(self)
            }
        }
    )+};
}

values_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_, '_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // Written as a value (JS makes it a property key; the count is of pairs). The core's
        // types have no maps.
        key.serialize(&mut *self.writer)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

/// The compound traits whose items are named fields: objects on the tape.
macro_rules! fields_compound {
    ($($trait:ident),+ $(,)?) => {$(
        impl ser::$trait for Compound<'_, '_, '_> {
            type Ok = ();
            type Error = Unsupported;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unsupported> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), Unsupported> {
                Compound::end(self)
            }
        }
    )+};
}

fields_compound!(SerializeStruct, SerializeStructVariant);
