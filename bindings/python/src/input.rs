//! Python inputs (`str`, `bytes`, `bytearray`) as borrowed Rust text, with one copy at most.

use depeche_core::{Article, Error, ParseOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use rayon::prelude::*;

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

/// One document of a `parse_many` batch, sorted by what the core can take as `&str`.
pub(crate) enum Doc {
    /// A `str`.
    Str(PyBackedStr),
    /// Bytes checked to be UTF-8.
    Utf8(PyBackedBytes),
    /// Bytes that are not UTF-8: parsed on their own with `parse_bytes_with` for its error.
    NotUtf8(PyBackedBytes),
}

impl AsRef<str> for Doc {
    fn as_ref(&self) -> &str {
        match self {
            Doc::Str(s) => s,
            // Checked in `Doc::collect`; validating again is cheap and copies nothing.
            Doc::Utf8(b) => std::str::from_utf8(b).unwrap_or_default(),
            // Never parsed as text (see `Doc::parse_all`).
            Doc::NotUtf8(_) => "",
        }
    }
}

impl Doc {
    /// Borrow every document of an iterable (a list, a generator...) once, in order, without
    /// building any intermediate Python list.
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
            let doc = match Text::extract(&item) {
                Ok(Text::Str(s)) => Doc::Str(s),
                Ok(Text::Bytes(b)) if std::str::from_utf8(&b).is_ok() => Doc::Utf8(b),
                Ok(Text::Bytes(b)) => Doc::NotUtf8(b),
                Err(e) => {
                    return Err(PyTypeError::new_err(format!(
                        "parse_many: document {index}: {}",
                        e.value(item.py())
                    )));
                }
            };
            docs.push(doc);
        }
        Ok(docs)
    }

    /// Parse a batch with the core's `parse_many` (rayon, in the current pool), then detach the
    /// records from the inputs in parallel. Call it without the GIL.
    pub(crate) fn parse_all(
        docs: &[Doc],
        options: &ParseOptions,
    ) -> Vec<Result<Article<'static>, Error>> {
        let mut results = depeche_core::parse_many(docs, options);
        for (result, doc) in results.iter_mut().zip(docs) {
            if let Doc::NotUtf8(bytes) = doc {
                *result = depeche_core::parse_bytes_with(bytes, options);
            }
        }
        results
            .into_par_iter()
            .map(|result| result.map(Article::into_owned))
            .collect()
    }
}
