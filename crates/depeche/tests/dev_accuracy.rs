//! Per-field accuracy over every labelled document: the seeds, and `../shared/corpus/` when a
//! labelled dev corpus is present beside the checkout. Prints a table; fails below a floor.

use std::path::Path;

mod common;
use common::{label, labelled_docs, reading};

/// The lowest acceptable share of (document, field) pairs read as labelled.
const FLOOR: f64 = 0.85;

#[test]
fn per_field_accuracy_over_labelled_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs = labelled_docs(&root.join("seeds"));
    let corpus = root.join("../shared/corpus");
    let from_corpus = labelled_docs(&corpus);
    println!(
        "labelled documents: {} seeds, {} in {}",
        docs.len(),
        from_corpus.len(),
        corpus.display()
    );
    docs.extend(from_corpus);
    assert!(!docs.is_empty(), "no labelled document found");

    let mut fields: Vec<(String, usize, usize)> = Vec::new();
    for doc in &docs {
        let want = label(doc);
        let bytes = std::fs::read(doc).unwrap();
        let got = depeche::parse_bytes(&bytes)
            .map(|a| reading(&a))
            .unwrap_or_default();
        for (field, expected) in want.as_object().unwrap() {
            let pos = match fields.iter().position(|(f, ..)| f == field) {
                Some(p) => p,
                None => {
                    fields.push((field.clone(), 0, 0));
                    fields.len() - 1
                }
            };
            fields[pos].2 += 1;
            if got.get(field) == Some(expected) {
                fields[pos].1 += 1;
            }
        }
    }
    let (mut right, mut total) = (0, 0);
    println!("{:<26} {:>8}", "field", "accuracy");
    for (field, ok, n) in &fields {
        println!(
            "{field:<26} {:>7.1}% ({ok}/{n})",
            100.0 * *ok as f64 / *n as f64
        );
        right += ok;
        total += n;
    }
    let overall = right as f64 / total as f64;
    println!("{:<26} {:>7.1}%", "overall", 100.0 * overall);
    assert!(
        overall >= FLOOR,
        "accuracy {overall:.3} is under the floor {FLOOR}"
    );
}
