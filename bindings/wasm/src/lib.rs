//! WebAssembly binding of `depeche`, published on npm as the package `depeche`.
//!
//! A thin layer over the core crate: it reads the JS arguments, calls
//! [`depeche_core::parse_with`], and hands back the article as a plain JS object that follows
//! the JSON contract of `docs/FORMAT.md` (`null`, never `undefined`; plain objects, never `Map`s),
//! built in one call by `js/tape.js` from the core's serde serialization (see [`tape`]).
//! Errors are thrown as real `Error` objects with `kind`, `offset` and `line` properties.
//!
//! The JS-facing functions take `JsValue`s and check them here, so that a wrong argument type
//! gives a `TypeError` instead of a silent coercion; their TypeScript signatures are written by
//! hand in [`TYPESCRIPT`]. Nothing in this crate may panic: a panic aborts the wasm module.
//!
//! The whole crate is wasm-only; on other targets it is empty.
#![cfg(target_family = "wasm")]

mod error;
mod options;
mod tape;

use depeche_core::Article;
use std::sync::Once;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::error::{internal_error, parse_error, type_error};
use crate::tape::Tape;

/// The TypeScript declarations of the functions below and of the objects they return.
#[wasm_bindgen(typescript_custom_section)]
pub const TYPESCRIPT: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Log panic messages on the console before the module aborts (the core is meant never to
/// panic; if it does, the message is the bug report). Installed by the first call.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error(&format!(
                "depeche: internal error (please report it): {info}"
            ));
        }));
    });
}

/// Parse one article: `parse(text, options?) -> Article`.
#[wasm_bindgen(js_name = parse, skip_typescript)]
pub fn parse(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let options = options::from_js(&options)?;
    let input = text_arg(&text, "text")?;
    let article = depeche_core::parse_with(&input, &options).map_err(|e| parse_error(&e))?;
    // About one op per 16 bytes of input (a span, a key or a string every few words).
    let mut tape = Tape::with_capacity(input.len() / 16 + 16);
    write(&mut tape, &input, &article)?;
    Ok(tape.read(&JsValue::UNDEFINED, &text, 0))
}

/// Parse many articles with the same options: `parseMany(texts, options?) -> Article[]`.
///
/// Stops at the first text that fails and throws its error, with an `index` property.
#[wasm_bindgen(js_name = parseMany, skip_typescript)]
pub fn parse_many(texts: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let options = options::from_js(&options)?;
    if !Array::is_array(&texts) {
        return Err(type_error("texts must be an array of strings"));
    }
    // A copy: the tape is read against the very strings read here.
    let texts = Array::from(&texts);
    let out = JsValue::from(Array::new());
    let mut tape = Tape::with_capacity(0);
    let mut first = 0;
    for (i, item) in texts.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let text = text_arg(&item, "each text").map_err(|e| with_index(e, index))?;
        let article = depeche_core::parse_with(&text, &options)
            .map_err(|e| with_index(parse_error(&e), index))?;
        write(&mut tape, &text, &article).map_err(|e| with_index(e, index))?;
        // JS copies the articles' strings out of `texts`: the Rust copy of each text is
        // dropped once its article is on the tape, and the tape is read in batches.
        if tape.size() >= BATCH_BYTES {
            tape.read(&out, &texts, first);
            first = index.saturating_add(1);
        }
    }
    tape.read(&out, &texts, first);
    Ok(out)
}

/// The tape size at which `parseMany` turns the articles so far into JS objects.
const BATCH_BYTES: usize = 4 << 20;

/// The cleaned article text: `toText(text, options?) -> string`.
#[wasm_bindgen(js_name = toText, skip_typescript)]
pub fn to_text(text: JsValue, options: JsValue) -> Result<String, JsValue> {
    install_panic_hook();
    let options = options::from_js(&options)?;
    let text = text_arg(&text, "text")?;
    let article = depeche_core::parse_with(&text, &options).map_err(|e| parse_error(&e))?;
    Ok(article.to_text())
}

/// The article as Markdown: `toMarkdown(text, options?) -> string`.
#[wasm_bindgen(js_name = toMarkdown, skip_typescript)]
pub fn to_markdown(text: JsValue, options: JsValue) -> Result<String, JsValue> {
    install_panic_hook();
    let options = options::from_js(&options)?;
    let text = text_arg(&text, "text")?;
    let article = depeche_core::parse_with(&text, &options).map_err(|e| parse_error(&e))?;
    Ok(article.to_markdown())
}

/// The version of the package (the workspace version).
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The text argument as a Rust string. JS strings are UTF-16: a lone surrogate becomes U+FFFD,
/// and every span of the result is a byte offset into the UTF-8 encoding of the text.
fn text_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        type_error(&format!(
            "{name} must be a string, got {}",
            type_name(value)
        ))
    })
}

/// Append the article to the tape (the JSON contract: see [`tape`]); its strings that borrow
/// from `input` are taken from the JS input by their UTF-16 range.
fn write(tape: &mut Tape, input: &str, article: &Article<'_>) -> Result<(), JsValue> {
    tape.write(input, article)
        .map_err(|e| internal_error(&format!("could not convert the article: {e}")))
}

/// Add the `index` of the failing text (parseMany), and say it in the message.
fn with_index(error: JsValue, index: u32) -> JsValue {
    error::set_index(&error, index);
    error
}

/// `typeof`, with `null` and arrays told apart, for error messages.
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if Array::is_array(value) {
        "an array".to_owned()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".to_owned())
    }
}
