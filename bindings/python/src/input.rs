//! Python inputs (`str`, `bytes`, `bytearray`) as borrowed Rust text, with one copy at most
//! (the UTF-8 encoding of a non-ASCII `str` under the stable ABI of Python 3.9, `bytearray`).

use depeche_core::{Error, ParseOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use rayon::prelude::*;

use crate::record::ParsedArticle;

/// One input document, kept alive by its Python object. `Send + Sync`, so it crosses
/// `Python::detach`.
pub(crate) enum Text {
    /// A `str` (its UTF-8 data).
    Str(PyBackedStr),
    /// `bytes` or `bytearray`, not yet decoded; also a `str` holding lone surrogates, encoded
    /// with `surrogatepass` so that the core reports the offset of the first one.
    Bytes(PyBackedBytes),
}

impl Text {
    /// Borrow a `str`, `bytes` or `bytearray`; anything else is a `TypeError`.
    pub(crate) fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return match PyBackedStr::try_from(s.clone()) {
                Ok(s) => Ok(Text::Str(s)),
                // Lone surrogates cannot be UTF-8: let the core's decoder reject them.
                Err(_) => {
                    let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                    Ok(Text::Bytes(encoded.cast_into::<PyBytes>()?.into()))
                }
            };
        }
        obj.extract::<PyBackedBytes>()
            .map(Text::Bytes)
            .map_err(|_| {
                let type_name = obj
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".to_owned(), |n| n.to_string());
                PyTypeError::new_err(format!("expected str or bytes, not {type_name}"))
            })
    }
}

/// Borrow every document of an iterable (a list, a generator...) once, in order, without
/// building any intermediate Python list.
pub(crate) fn collect(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Text>> {
    if texts.is_instance_of::<PyString>()
        || texts.is_instance_of::<PyBytes>()
        || texts.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(
            "parse_many expects an iterable of documents (str or bytes), not a single document; \
             use parse() for one document",
        ));
    }
    let mut docs = Vec::with_capacity(texts.len().unwrap_or(0));
    for (index, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        match Text::extract(&item) {
            Ok(text) => docs.push(text),
            Err(e) => {
                return Err(PyTypeError::new_err(format!(
                    "parse_many: document {index}: {}",
                    e.value(item.py())
                )));
            }
        }
    }
    Ok(docs)
}

/// Parse a batch on the current rayon pool, each record keeping its own input (no string is
/// copied). Failed documents come back with their error. Call it without the GIL.
pub(crate) fn parse_all(
    docs: Vec<Text>,
    options: &ParseOptions,
) -> Vec<Result<ParsedArticle, (Text, Error)>> {
    docs.into_par_iter()
        .map(|doc| ParsedArticle::parse(doc, options))
        .collect()
}
