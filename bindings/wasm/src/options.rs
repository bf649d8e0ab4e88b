//! The JS `options` argument: `{ strict?: boolean, maxBytes?: number, agencies?: Record<string,
//! string[]> }`, read by hand so that every mistake gives a clear `TypeError`/`RangeError`
//! (unknown keys included: a typo such as `max_bytes` must not be ignored silently).

use depeche_core::{AgencyTable, ParseOptions};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{range_error, type_error};
use crate::type_name;

/// `undefined`/`null` mean the defaults; a key whose value is `undefined` or `null` is skipped.
pub(crate) fn from_js(value: &JsValue) -> Result<ParseOptions, JsValue> {
    let mut options = ParseOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let object = plain_object(value, "options")?;
    for key in Object::keys(object).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let item = Reflect::get(value, &key)?;
        if item.is_undefined() || item.is_null() {
            continue;
        }
        match name.as_str() {
            "strict" => {
                options.strict = item.as_bool().ok_or_else(|| {
                    type_error(&format!(
                        "options.strict must be a boolean, got {}",
                        type_name(&item)
                    ))
                })?;
            }
            "maxBytes" => options.max_bytes = max_bytes(&item)?,
            "agencies" => options.agencies = agencies(&item)?,
            other => {
                return Err(type_error(&format!(
                    "unknown option {other:?} (known: strict, maxBytes, agencies)"
                )));
            }
        }
    }
    Ok(options)
}

/// A non-negative integer number of bytes; `Infinity` means no limit.
fn max_bytes(item: &JsValue) -> Result<usize, JsValue> {
    let Some(n) = item.as_f64() else {
        return Err(type_error(&format!(
            "options.maxBytes must be a number, got {}",
            type_name(item)
        )));
    };
    if n.is_nan() || n < 0.0 || (n.is_finite() && n.fract() != 0.0) {
        return Err(range_error(&format!(
            "options.maxBytes must be a non-negative integer or Infinity, got {n}"
        )));
    }
    // Saturating: anything at or above the address space (Infinity too) means no limit.
    Ok(if n >= usize::MAX as f64 {
        usize::MAX
    } else {
        n as usize
    })
}

/// `{ canonical: [alias, ...] }`, added to the built-in table, in key order.
fn agencies(item: &JsValue) -> Result<AgencyTable, JsValue> {
    let object = plain_object(item, "options.agencies")?;
    let mut table = AgencyTable::default();
    for key in Object::keys(object).iter() {
        let Some(canonical) = key.as_string() else {
            continue;
        };
        let value = Reflect::get(item, &key)?;
        let bad = || {
            type_error(&format!(
                "options.agencies[{canonical:?}] must be an array of strings (aliases), got {}",
                type_name(&value)
            ))
        };
        if !Array::is_array(&value) {
            return Err(bad());
        }
        let aliases = Array::from(&value)
            .iter()
            .map(|alias| alias.as_string())
            .collect::<Option<Vec<String>>>()
            .ok_or_else(bad)?;
        table.insert(&canonical, aliases.iter().map(String::as_str));
    }
    Ok(table)
}

/// The value as an `Object` if it is a non-null, non-array object.
fn plain_object<'v>(value: &'v JsValue, what: &str) -> Result<&'v Object, JsValue> {
    if value.is_object() && !Array::is_array(value) {
        Ok(value.unchecked_ref())
    } else {
        Err(type_error(&format!(
            "{what} must be an object, got {}",
            type_name(value)
        )))
    }
}
