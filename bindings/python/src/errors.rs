//! The one Python exception, `depeche.ParseError(ValueError)`, and the panic safety net.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::prelude::*;

pyo3::create_exception!(
    depeche,
    ParseError,
    pyo3::exceptions::PyValueError,
    "A document could not be parsed: invalid UTF-8, empty, over `max_bytes`, or no body in strict \
     mode.\n\nAttributes: `kind` (\"invalid_utf8\", \"empty\", \"too_large\", \"no_body\", or \
     \"internal\" for a bug in depeche), `offset` (byte offset the error refers to), `line` \
     (1-based line of `offset`, or None), `index` (position of the document in `parse_many`, or \
     None)."
);

/// The `kind` of the ParseError that replaces a panic of the core (a bug, never expected).
const INTERNAL: &str = "internal";

/// Give the exception class default attribute values, so that every instance has them and the
/// type stub's attributes exist on the class at runtime.
pub(crate) fn init_parse_error_type(py: Python<'_>) -> PyResult<()> {
    let ty = py.get_type::<ParseError>();
    ty.setattr("kind", INTERNAL)?;
    ty.setattr("offset", 0)?;
    ty.setattr("line", py.None())?;
    ty.setattr("index", py.None())?;
    Ok(())
}

fn new_parse_error(
    py: Python<'_>,
    message: String,
    kind: &str,
    offset: usize,
    line: Option<usize>,
    index: Option<usize>,
) -> PyErr {
    let err = ParseError::new_err(message);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("kind", kind)?;
        value.setattr("offset", offset)?;
        value.setattr("line", line)?;
        value.setattr("index", index)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// Convert a core error. `index` is the position of the document in a `parse_many` batch.
pub(crate) fn parse_error(py: Python<'_>, e: &depeche_core::Error, index: Option<usize>) -> PyErr {
    let message = match index {
        Some(i) => format!("document {i}: {e}"),
        None => e.to_string(),
    };
    new_parse_error(py, message, e.kind(), e.offset(), e.line(), index)
}

/// A panic caught by [`shield`]. It holds only the message, so it may cross `Python::detach`.
pub(crate) struct Panic(String);

impl Panic {
    /// The ParseError (kind `"internal"`) that reports the panic to Python.
    pub(crate) fn into_py_err(self, py: Python<'_>, index: Option<usize>) -> PyErr {
        let message = format!(
            "internal error in depeche (please report it with the input): {}",
            self.0
        );
        new_parse_error(py, message, INTERNAL, 0, None, index)
    }
}

/// Run `f`, turning a panic into [`Panic`]: a panic must never reach Python (PyO3 would raise a
/// `PanicException`, a `BaseException` that `except ValueError` does not catch).
pub(crate) fn shield<T>(f: impl FnOnce() -> T) -> Result<T, Panic> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| Panic(panic_message(payload.as_ref())))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_owned()
    }
}

/// Run a fallible core call, with panics turned into ParseError(kind="internal").
pub(crate) fn shielded<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    shield(f).map_err(|p| p.into_py_err(py, None))
}
