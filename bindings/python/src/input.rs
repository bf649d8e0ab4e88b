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

/// One document of a `parse_many` batch, as collected (with the GIL).
pub(crate) enum Doc {
    /// Bytes, borrowed and ready to parse.
    Ready(Text),
    /// A `str`, encoded to UTF-8 later by the thread that parses it (see [`parse_all`]).
    Str(Py<PyString>),
}

/// Why a document of a batch has no record.
pub(crate) enum Failure {
    /// The core's error, with the input (to be released with the GIL).
    Parse(Text, Error),
    /// The `str` could not be read (out of memory): raised as in [`collect`].
    Read(PyErr),
}

/// The `TypeError` raised for document `index` of a batch that cannot be read.
pub(crate) fn unreadable(py: Python<'_>, index: usize, e: &PyErr) -> PyErr {
    PyTypeError::new_err(format!("parse_many: document {index}: {}", e.value(py)))
}

/// Borrow every document of an iterable (a list, a generator...) once, in order, without
/// building any intermediate Python list. Anything but `str`, `bytes` and `bytearray` is a
/// `TypeError`, raised before any parsing.
pub(crate) fn collect(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Doc>> {
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
        let item = match item.cast_into::<PyString>() {
            Ok(s) => {
                docs.push(Doc::Str(s.unbind()));
                continue;
            }
            Err(e) => e.into_inner(),
        };
        match Text::extract(&item) {
            Ok(text) => docs.push(Doc::Ready(text)),
            Err(e) => return Err(unreadable(item.py(), index, &e)),
        }
    }
    Ok(docs)
}

/// Documents per GIL acquisition in [`parse_all`]: enough to make taking the GIL cheap, few
/// enough that the other threads parse meanwhile.
const BATCH: usize = 32;

/// Parse a batch on the current rayon pool, each record keeping its own input (no string is
/// copied). Call it without the GIL.
///
/// CPython can only hand a `str` to native code as a fresh UTF-8 encoding, made with the GIL.
/// Each thread takes the GIL for a few documents to encode them, then parses them without it,
/// so that the encoding (serial: one thread at a time holds the GIL) overlaps the parsing of
/// the other threads instead of coming before the whole batch.
pub(crate) fn parse_all(
    docs: Vec<Doc>,
    options: &ParseOptions,
) -> Vec<Result<ParsedArticle, Failure>> {
    docs.into_par_iter()
        .chunks(BATCH)
        .flat_map_iter(|batch| {
            texts(batch).into_iter().map(|text| match text {
                Ok(text) => {
                    ParsedArticle::parse(text, options).map_err(|(text, e)| Failure::Parse(text, e))
                }
                Err(e) => Err(Failure::Read(e)),
            })
        })
        .collect()
}

/// The texts of a few documents, encoding their `str`s with the GIL, taken once.
fn texts(batch: Vec<Doc>) -> Vec<PyResult<Text>> {
    if batch.iter().all(|doc| matches!(doc, Doc::Ready(_))) {
        return batch
            .into_iter()
            .filter_map(|doc| match doc {
                Doc::Ready(text) => Some(Ok(text)),
                Doc::Str(_) => None,
            })
            .collect();
    }
    Python::attach(|py| {
        batch
            .into_iter()
            .map(|doc| match doc {
                Doc::Ready(text) => Ok(text),
                // The `str` is released here, with the GIL.
                Doc::Str(s) => Text::extract(s.bind(py)),
            })
            .collect()
    })
}
