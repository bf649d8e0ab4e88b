//! Python binding of depeche: the native module `depeche._depeche`, re-exported by the
//! `depeche` package (`python/depeche/__init__.py`).
//!
//! The binding only converts types and errors; every reading decision lives in the core crate.
//! Records cross the boundary without a copy: the core's `Article` keeps borrowing its input,
//! which it keeps alive (`record::ParsedArticle`), wrapped in frozen `#[pyclass]`es; strings
//! become Python objects only when an attribute is read. `to_dict`, `to_json`, equality,
//! hashing and pickling all go through the core's serde JSON, which is the JSON contract.

#![cfg(not(target_family = "wasm"))]

mod convert;
mod errors;
mod input;
mod record;
mod types;

use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use depeche_core::ParseOptions;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::{ParseError, parse_error, shield};
use crate::input::{Doc, Failure, Text};
use crate::record::ParsedArticle;
use crate::types::{PyArticle, PyBlock, PyCredit};

/// The core options of one call: the defaults (a static, no lock and no reference count) or
/// options built for the keyword arguments.
enum Options {
    Default(&'static ParseOptions),
    Built(Arc<ParseOptions>),
}

impl Deref for Options {
    type Target = ParseOptions;

    fn deref(&self) -> &ParseOptions {
        match self {
            Options::Default(options) => options,
            Options::Built(options) => options,
        }
    }
}

/// Build the core options from the keyword arguments shared by `parse` and `parse_many`.
///
/// Building the built-in agency table costs about as much as parsing a short article, so the
/// options without custom agencies are built once per `(strict, max_bytes)` and shared.
fn options(
    strict: bool,
    max_bytes: Option<usize>,
    agencies: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let agencies = agencies.filter(|a| !a.is_none());
    if !strict && max_bytes.is_none() && agencies.is_none() {
        static DEFAULT: OnceLock<ParseOptions> = OnceLock::new();
        return Ok(Options::Default(DEFAULT.get_or_init(ParseOptions::default)));
    }
    let build = || {
        let options = ParseOptions::default().strict(strict);
        match max_bytes {
            Some(max_bytes) => options.max_bytes(max_bytes),
            None => options,
        }
    };
    let Some(agencies) = agencies else {
        static CACHE: Mutex<Vec<Arc<ParseOptions>>> = Mutex::new(Vec::new());
        let limit = max_bytes.unwrap_or(depeche_core::DEFAULT_MAX_BYTES);
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = cache
            .iter()
            .find(|o| o.strict == strict && o.max_bytes == limit)
        {
            return Ok(Options::Built(Arc::clone(found)));
        }
        if cache.len() >= 8 {
            cache.remove(0);
        }
        let options = Arc::new(build());
        cache.push(Arc::clone(&options));
        return Ok(Options::Built(options));
    };
    let options = build();
    let mut table = options.agencies.clone();
    let items = agencies.call_method0("items").map_err(|_| {
        PyTypeError::new_err("agencies must be a mapping of canonical name -> list of aliases")
    })?;
    for item in items.try_iter()? {
        let item = item?;
        let (canonical, aliases): (String, Vec<String>) = item.extract().map_err(|e: PyErr| {
            PyTypeError::new_err(format!(
                "agencies must map str -> list[str] (canonical name -> aliases): {}",
                e.value(item.py())
            ))
        })?;
        table.insert(&canonical, aliases.iter().map(String::as_str));
    }
    Ok(Options::Built(Arc::new(options.agencies(table))))
}

/// Parse one article dump (`str`, or UTF-8 `bytes`) into an `Article`.
///
/// `strict`: fail when no body paragraph is found. `max_bytes`: fail above this size (default
/// 64 MiB). `agencies`: extra agencies, `{"canonical": ["alias", ...]}`, added to the built-in
/// table. Raises `ParseError` (a `ValueError`) with `kind`, `offset` and `line`.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false, max_bytes = None, agencies = None))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    strict: bool,
    max_bytes: Option<usize>,
    agencies: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    let options = options(strict, max_bytes, agencies)?;
    let text = Text::extract(text)?;
    let parsed = py.detach(|| shield(|| ParsedArticle::parse(text, &options)));
    match parsed {
        Ok(Ok(article)) => Ok(PyArticle::new(article)),
        // `_text` (the input) is released here, with the GIL.
        Ok(Err((_text, e))) => Err(parse_error(py, &e, None)),
        Err(panic) => Err(panic.into_py_err(py, None)),
    }
}

/// Parse many article dumps in parallel (in Rust, without the GIL); results keep the order.
///
/// `texts` is any iterable of `str` / `bytes` (a generator is fine: it is consumed once).
/// `threads`: number of threads (default: one per core). Other options as in `parse`.
/// `errors="raise"`: raise the `ParseError` of the first failing document (its `index` names
/// it). `errors="return"`: put a `ParseError` in the list in place of each failing document.
#[pyfunction]
#[pyo3(signature = (
    texts, *, threads = None, strict = false, max_bytes = None, agencies = None, errors = "raise"
))]
#[allow(clippy::too_many_arguments)]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    strict: bool,
    max_bytes: Option<usize>,
    agencies: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", not {other:?}"
            )));
        }
    };
    let pool = match threads {
        None => None,
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| {
                    pyo3::exceptions::PyRuntimeError::new_err(format!(
                        "cannot start {n} threads: {e}"
                    ))
                })?,
        ),
    };
    let options = options(strict, max_bytes, agencies)?;
    let mut docs = input::collect(texts)?.into_iter();

    // Chunks bound the memory held by intermediate results (records waiting for their Python
    // object), let Ctrl-C through between chunks, and stop a failing batch early with
    // errors="raise". Each record keeps its own input alive: no string is copied.
    let out = PyList::empty(py);
    let mut index = 0;
    loop {
        let chunk: Vec<Doc> = docs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let parsed = py.detach(|| {
            shield(|| {
                let work = || input::parse_all(chunk, &options);
                match &pool {
                    Some(pool) => pool.install(work),
                    None => work(),
                }
            })
        });
        let results = parsed.map_err(|panic| panic.into_py_err(py, None))?;
        // A document that could not be read fails the call, as a wrong type does in `collect`.
        for (i, result) in results.iter().enumerate() {
            if let Err(Failure::Read(e)) = result {
                return Err(input::unreadable(py, index + i, e));
            }
        }
        for result in results {
            match result {
                Ok(article) => out.append(PyArticle::new(article))?,
                Err(Failure::Parse(_text, e)) if return_errors => {
                    out.append(parse_error(py, &e, Some(index)).into_value(py))?
                }
                Err(Failure::Parse(_text, e)) => return Err(parse_error(py, &e, Some(index))),
                Err(Failure::Read(e)) => return Err(input::unreadable(py, index, &e)),
            }
            index += 1;
        }
        py.check_signals()?;
    }
    Ok(out)
}

/// Documents per `parse_many` chunk: enough work per chunk to keep every thread busy.
const CHUNK: usize = 16 * 1024;

/// Panic inside the safety net (tests check that a panic becomes a ParseError, which needs
/// `panic = "unwind"`, the default, in the build profile).
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    errors::shielded(py, || panic!("a test panic"))
}

/// The native module, imported as `depeche._depeche`.
#[pymodule]
fn _depeche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", depeche_core::DEFAULT_MAX_BYTES)?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    errors::init_parse_error_type(py)?;
    m.add_class::<PyArticle>()?;
    m.add_class::<PyBlock>()?;
    m.add_class::<PyCredit>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
