//! Errors thrown to JS: real `Error` objects (never strings) with machine-readable properties.
//!
//! Every thrown error has `kind` (a stable string), `offset` (a byte offset into the UTF-8
//! input, or `null`) and `line` (1-based, or `null`):
//! - a parse error of the core is an `Error` named `DepecheError` whose `kind` is the core's
//!   [`depeche_core::Error::kind`] (`empty`, `too_large`, `invalid_utf8`, `no_body`, ...);
//! - a bad argument is a `TypeError` (wrong type) or `RangeError` (bad value) with `kind`
//!   `invalid_argument`;
//! - `parseMany` adds the `index` of the text that failed.

use js_sys::{RangeError, Reflect, TypeError};
use wasm_bindgen::JsValue;

/// The `name` of errors that come from the parser.
const PARSE_ERROR_NAME: &str = "DepecheError";

/// A core parse error as a JS `Error`.
pub(crate) fn parse_error(err: &depeche_core::Error) -> JsValue {
    let e = js_sys::Error::new(&err.to_string());
    e.set_name(PARSE_ERROR_NAME);
    let e = JsValue::from(e);
    set(&e, "kind", &JsValue::from_str(err.kind()));
    set(&e, "offset", &number(err.offset()));
    set(&e, "line", &err.line().map_or(JsValue::NULL, number));
    e
}

/// An argument of the wrong type: a `TypeError`.
pub(crate) fn type_error(message: &str) -> JsValue {
    argument_error(TypeError::new(message).into())
}

/// An argument of the right type but a bad value: a `RangeError`.
pub(crate) fn range_error(message: &str) -> JsValue {
    argument_error(RangeError::new(message).into())
}

fn argument_error(e: JsValue) -> JsValue {
    set(&e, "kind", &JsValue::from_str("invalid_argument"));
    set(&e, "offset", &JsValue::NULL);
    set(&e, "line", &JsValue::NULL);
    e
}

/// A failure of the binding itself (should not happen).
pub(crate) fn internal_error(message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(PARSE_ERROR_NAME);
    let e = JsValue::from(e);
    set(&e, "kind", &JsValue::from_str("internal"));
    set(&e, "offset", &JsValue::NULL);
    set(&e, "line", &JsValue::NULL);
    e
}

/// Set `index` on an error thrown by `parseMany`, and prefix its message with it.
pub(crate) fn set_index(error: &JsValue, index: u32) {
    set(error, "index", &JsValue::from(index));
    let message = Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    set(
        error,
        "message",
        &JsValue::from_str(&format!("texts[{index}]: {message}")),
    );
}

/// A byte count as a JS number (exact: usize is 32 bits on wasm32).
fn number(n: usize) -> JsValue {
    JsValue::from(n)
}

/// Set a property on an object we created; it cannot fail, and if it did the error would still
/// carry its message, so the result is ignored.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
