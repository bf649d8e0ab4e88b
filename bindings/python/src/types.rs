//! The frozen Python classes `Article`, `Block` and `Credit`. A parsed `Article` holds the core
//! record still borrowing its input ([`SharedArticle`]); its blocks and credits point into it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use depeche_core::{Article, Block, BlockKind, Credit, FieldSpans, Span};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyList, PyString, PyTuple, PyType};

use crate::convert::{to_json, to_py};
use crate::errors::shielded;
use crate::record::{Part, SharedArticle};

/// Python `repr()` of an optional string.
fn repr_opt(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    match s {
        None => Ok("None".to_owned()),
        Some(s) => Ok(PyString::new(py, s).repr()?.to_string()),
    }
}

fn py_bool(py: Python<'_>, b: bool) -> Py<PyAny> {
    PyBool::new(py, b).to_owned().into_any().unbind()
}

fn hash_str(s: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    s.hash(&mut hasher);
    hasher.finish()
}

fn parse_kind(kind: &str) -> PyResult<BlockKind> {
    serde_json::from_value(serde_json::Value::String(kind.to_owned())).map_err(|_| {
        PyValueError::new_err(format!(
            "unknown block kind {kind:?} (expected paragraph, heading, caption, related or image)"
        ))
    })
}

/// A parsed article: the typed record of one scraped page.
///
/// Every field of the JSON contract is a read-only attribute. `to_dict()` gives the JSON
/// contract as plain Python objects; equality, hashing and pickling go through it.
#[pyclass(frozen, module = "depeche", name = "Article")]
pub(crate) struct PyArticle {
    inner: SharedArticle,
    // Built on first access, then shared: `article.body[i]` in a loop stays O(1).
    body: PyOnceLock<Vec<Py<PyBlock>>>,
    credits: PyOnceLock<Vec<Py<PyCredit>>>,
}

impl PyArticle {
    pub(crate) fn new(inner: impl Into<SharedArticle>) -> Self {
        Self {
            inner: inner.into(),
            body: PyOnceLock::new(),
            credits: PyOnceLock::new(),
        }
    }

    /// The core record.
    fn article(&self) -> &Article<'_> {
        self.inner.get()
    }

    fn json(&self) -> String {
        to_json(self.article(), None)
    }

    /// Rebuild an owned article from its JSON contract.
    fn parse_json(data: &Bound<'_, PyAny>) -> PyResult<Article<'static>> {
        let parsed = if let Ok(s) = data.extract::<PyBackedStr>() {
            serde_json::from_str::<Article<'_>>(&s).map(Article::into_owned)
        } else {
            let b: PyBackedBytes = data.extract()?;
            serde_json::from_slice::<Article<'_>>(&b).map(Article::into_owned)
        };
        parsed.map_err(|e| PyValueError::new_err(format!("not an article in JSON: {e}")))
    }
}

#[pymethods]
impl PyArticle {
    /// The platform named by a site header line (`Vietnam.vn`).
    #[getter]
    fn site(&self) -> Option<&str> {
        self.article().site.as_deref()
    }

    /// The headline.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.article().title.as_deref()
    }

    /// A short line above the headline naming a place or topic (`Hanoï`). Not a key of the JSON
    /// contract unless present.
    #[getter]
    fn kicker(&self) -> Option<&str> {
        self.article().kicker.as_deref()
    }

    /// The chapeau: the paragraph right after the title, when the layout marks one.
    #[getter]
    fn lede(&self) -> Option<&str> {
        self.article().lede.as_deref()
    }

    /// The outlet or author named in a byline (`VietnamPlus`).
    #[getter]
    fn byline(&self) -> Option<&str> {
        self.article().byline.as_deref()
    }

    /// The publication date as printed: `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
    #[getter]
    fn date(&self) -> Option<String> {
        self.article().date.map(|d| d.to_string())
    }

    /// The category named in a date header.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.article().category.as_deref()
    }

    /// The `Source :` URL (http or https only).
    #[getter]
    fn source_url(&self) -> Option<&str> {
        self.article().source_url.as_deref()
    }

    /// Article credits in order of appearance, de-duplicated.
    #[getter]
    fn credits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let credits = self.credits.get_or_try_init(py, || {
            (0..self.article().credits.len())
                .map(|i| {
                    let inner = Part::Of(self.inner.clone(), i);
                    Py::new(py, PyCredit { inner })
                })
                .collect::<PyResult<Vec<_>>>()
        })?;
        PyList::new(py, credits.iter().map(|c| c.clone_ref(py)))
    }

    /// Union of the credits' agencies (canonical names), in order of first appearance.
    #[getter]
    fn agencies(&self) -> Vec<&str> {
        self.article().agencies.iter().map(|a| a.as_ref()).collect()
    }

    /// The body blocks: paragraphs, headings, captions, related links, images.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let body = self.body.get_or_try_init(py, || {
            (0..self.article().body.len())
                .map(|i| {
                    let inner = Part::Of(self.inner.clone(), i);
                    Py::new(py, PyBlock { inner })
                })
                .collect::<PyResult<Vec<_>>>()
        })?;
        PyList::new(py, body.iter().map(|b| b.clone_ref(py)))
    }

    /// Page chrome removed from the text (`Comment (0)`, menus...), in order.
    #[getter]
    fn boilerplate(&self) -> Vec<&str> {
        self.article()
            .boilerplate
            .iter()
            .map(|b| b.as_ref())
            .collect()
    }

    /// Diagnostics about doubtful readings.
    #[getter]
    fn warnings(&self) -> Vec<&str> {
        self.article().warnings.iter().map(String::as_str).collect()
    }

    /// The text of the body paragraphs (blocks of kind `"paragraph"`), in order.
    #[getter]
    fn paragraphs(&self) -> Vec<&str> {
        self.article().paragraphs().collect()
    }

    /// The JSON contract as plain Python objects: `json.loads(article.to_json())`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.article())
    }

    /// The JSON contract as a string; `indent=2` prints like the CLI.
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        shielded(py, || to_json(self.article(), indent))
    }

    /// The article as clean markdown.
    fn to_markdown(&self, py: Python<'_>) -> PyResult<String> {
        shielded(py, || self.article().to_markdown())
    }

    /// The clean reading text: title, lede, subheadings and paragraphs.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        shielded(py, || self.article().to_text())
    }

    /// Rebuild an article from its JSON contract (`to_json()` output, or the CLI's JSON).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::parse_json(data).map(Self::new)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = self.article();
        let agencies: Vec<String> = a
            .agencies
            .iter()
            .map(|s| repr_opt(py, Some(s)))
            .collect::<PyResult<_>>()?;
        Ok(format!(
            "Article(title={}, date={}, agencies=[{}], body=<{} blocks>)",
            repr_opt(py, a.title.as_deref())?,
            repr_opt(py, a.date.map(|d| d.to_string()).as_deref())?,
            agencies.join(", "),
            a.body.len(),
        ))
    }

    /// Equal when the JSON contracts are equal.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<PyArticle>() {
            Ok(other) => py_bool(py, self.json() == other.get().json()),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __hash__(&self) -> u64 {
        hash_str(&self.json())
    }

    /// Pickle through the JSON contract, plus the spans it leaves out (of the credits and the
    /// header fields), which `to_markdown()` uses to place the credits.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let a = slf.get().article();
        let credit_spans: Vec<CreditSpans> = a
            .credits
            .iter()
            .map(|c| (pair(c.span), c.repeats.iter().copied().map(pair).collect()))
            .collect();
        let field_spans: Vec<Option<(usize, usize)>> =
            field_spans(&a.spans).iter().map(|s| s.map(pair)).collect();
        let rebuild = slf.get_type().getattr("_from_state")?;
        (rebuild, (slf.get().json(), credit_spans, field_spans)).into_pyobject(py)
    }

    /// The inverse of `__reduce__` (used by pickle).
    #[classmethod]
    fn _from_state(
        _cls: &Bound<'_, PyType>,
        json: &Bound<'_, PyAny>,
        credit_spans: Vec<CreditSpans>,
        field_spans: Vec<Option<(usize, usize)>>,
    ) -> PyResult<Self> {
        let mut article = Self::parse_json(json)?;
        for (credit, (span, repeats)) in article.credits.iter_mut().zip(credit_spans) {
            credit.span = Span::new(span.0, span.1);
            credit.repeats = repeats.into_iter().map(|(s, e)| Span::new(s, e)).collect();
        }
        let spans = field_spans
            .into_iter()
            .map(|s| s.map(|(start, end)| Span::new(start, end)));
        for (slot, span) in field_spans_mut(&mut article.spans).into_iter().zip(spans) {
            *slot = span;
        }
        Ok(Self::new(article))
    }
}

/// A credit's span and the spans of its repeats, as pickled.
type CreditSpans = ((usize, usize), Vec<(usize, usize)>);

fn pair(span: Span) -> (usize, usize) {
    (span.start, span.end)
}

// The header-field spans in a fixed order, for pickling. A field added to the core's
// `FieldSpans` and not listed here is only left out of pickles.
fn field_spans(s: &FieldSpans) -> [Option<Span>; 7] {
    [
        s.site,
        s.title,
        s.lede,
        s.byline,
        s.date,
        s.category,
        s.source_url,
    ]
}

fn field_spans_mut(s: &mut FieldSpans) -> [&mut Option<Span>; 7] {
    [
        &mut s.site,
        &mut s.title,
        &mut s.lede,
        &mut s.byline,
        &mut s.date,
        &mut s.category,
        &mut s.source_url,
    ]
}

/// One element of the article body.
#[pyclass(frozen, module = "depeche", name = "Block")]
pub(crate) struct PyBlock {
    inner: Part<Block<'static>>,
}

impl PyBlock {
    fn block(&self) -> &Block<'_> {
        self.inner.get()
    }
}

#[pymethods]
impl PyBlock {
    #[new]
    #[pyo3(
        signature = (kind, text = None, credit = None, span = (0, 0)),
        text_signature = "(kind, text=None, credit=None, span=(0, 0))"
    )]
    fn py_new(
        kind: &str,
        text: Option<String>,
        credit: Option<String>,
        span: (usize, usize),
    ) -> PyResult<Self> {
        parse_kind(kind)?;
        // Through the core's serde, so that fields outside the contract get their defaults.
        let value = serde_json::json!({
            "kind": kind, "text": text, "credit": credit, "span": [span.0, span.1]
        });
        serde_json::from_value::<Block<'static>>(value)
            .map(|block| Self {
                inner: Part::Owned(block),
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// `"paragraph"`, `"heading"`, `"caption"`, `"related"` or `"image"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.block().kind.as_str()
    }

    /// The cleaned text; None for a caption that holds only a credit (`Photo : VNA/CVN`).
    #[getter]
    fn text(&self) -> Option<&str> {
        self.block().text.as_deref()
    }

    /// The credit printed with a caption (`VNA/CVN`), without its `Photo :` label.
    #[getter]
    fn credit(&self) -> Option<&str> {
        self.block().credit.as_deref()
    }

    /// `(start, end)`: byte offsets of the block in the UTF-8 input.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.block().span.start, self.block().span.end)
    }

    /// The block as in the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.block())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let b = self.block();
        Ok(format!(
            "Block(kind={}, text={}, credit={}, span=({}, {}))",
            repr_opt(py, Some(b.kind.as_str()))?,
            repr_opt(py, b.text.as_deref())?,
            repr_opt(py, b.credit.as_deref())?,
            b.span.start,
            b.span.end,
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<PyBlock>() {
            Ok(other) => py_bool(py, self.block() == other.get().block()),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __hash__(&self) -> u64 {
        hash_str(&to_json(self.block(), None))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let b = slf.get().block();
        let args = (
            b.kind.as_str(),
            b.text.as_deref(),
            b.credit.as_deref(),
            (b.span.start, b.span.end),
        );
        (slf.get_type(), args).into_pyobject(slf.py())
    }
}

/// A credit line of the article (not of a photo), as printed, with its agencies.
#[pyclass(frozen, module = "depeche", name = "Credit")]
pub(crate) struct PyCredit {
    inner: Part<Credit<'static>>,
}

impl PyCredit {
    fn credit(&self) -> &Credit<'_> {
        self.inner.get()
    }

    fn json(&self) -> String {
        to_json(self.credit(), None)
    }
}

#[pymethods]
impl PyCredit {
    #[new]
    #[pyo3(signature = (text, agencies = Vec::new()), text_signature = "(text, agencies=())")]
    fn py_new(text: String, agencies: Vec<String>) -> PyResult<Self> {
        // Through the core's serde, so that fields outside the contract get their defaults.
        let value = serde_json::json!({ "text": text, "agencies": agencies });
        serde_json::from_value::<Credit<'static>>(value)
            .map(|credit| Self {
                inner: Part::Owned(credit),
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The credit as printed, without dashes, parentheses or `Texte :` labels (`VNA/CVN`).
    #[getter]
    fn text(&self) -> &str {
        &self.credit().text
    }

    /// Canonical agency names found in it (`["VNA", "CVN"]`).
    #[getter]
    fn agencies(&self) -> Vec<&str> {
        self.credit().agencies.iter().map(|a| a.as_ref()).collect()
    }

    /// The credit as in the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.credit())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let agencies: Vec<String> = self
            .credit()
            .agencies
            .iter()
            .map(|s| repr_opt(py, Some(s)))
            .collect::<PyResult<_>>()?;
        Ok(format!(
            "Credit(text={}, agencies=[{}])",
            repr_opt(py, Some(&self.credit().text))?,
            agencies.join(", ")
        ))
    }

    /// Equal when the JSON contracts are equal.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<PyCredit>() {
            Ok(other) => py_bool(py, self.json() == other.get().json()),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __hash__(&self) -> u64 {
        hash_str(&self.json())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let c = slf.get().credit();
        let agencies: Vec<&str> = c.agencies.iter().map(|a| a.as_ref()).collect();
        (slf.get_type(), (c.text.as_ref(), agencies)).into_pyobject(slf.py())
    }
}
