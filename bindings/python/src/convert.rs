//! Records of the core to JSON and to plain Python objects, through the core's serde JSON: the
//! JSON contract. `to_dict()` is exactly `json.loads(to_json())`, keys in contract order.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// `json.loads(to_json(value))`.
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.import(py, "json", "loads")?;
    loads.call1((to_json(value, None),))
}

/// Serialize a record of the core with serde JSON; `indent` pretty-prints like the CLI.
pub(crate) fn to_json<T: serde::Serialize>(value: &T, indent: Option<usize>) -> String {
    let result = match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let indent = vec![b' '; n];
            let mut out = Vec::new();
            let formatter = serde_json::ser::PrettyFormatter::with_indent(&indent);
            let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
            value
                .serialize(&mut ser)
                .map(|()| String::from_utf8(out).unwrap_or_default())
        }
    };
    // The records hold only strings, integers and lists: serializing them cannot fail.
    result.unwrap_or_default()
}
