//! Golden tests: every seed in `seeds/` against its hand-made `*.expected.json`, every field,
//! plus an insta snapshot of the full JSON.

use std::path::{Path, PathBuf};

use depeche::Article;
use serde_json::Value;

mod common;
use common::{label, reading};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "the five seed documents are in seeds/");
    paths
}

#[test]
fn every_seed_matches_its_expected_reading() {
    let mut failures = Vec::new();
    for path in seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: Value = label(&path);
        let article = depeche::parse(&text).unwrap();
        let got = reading(&article);
        for (field, want) in expected.as_object().unwrap() {
            if &got[field] != want {
                failures.push(format!(
                    "{}: {field}\n   want {want}\n    got {}",
                    path.file_name().unwrap().to_string_lossy(),
                    got[field]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} field(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_block_span_points_at_its_text() {
    for path in seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let article = depeche::parse(&text).unwrap();
        for block in &article.body {
            let at = block
                .span
                .slice(&text)
                .expect("span in bounds and on char boundaries");
            if let Some(t) = block.text.as_deref() {
                assert!(at.contains(t.trim_end_matches('.')), "{t:?} not in {at:?}");
            }
        }
        for credit in &article.credits {
            assert_eq!(credit.span.slice(&text), Some(credit.text.as_ref()));
        }
        if let (Some(span), Some(title)) = (article.spans.title, article.title.as_deref()) {
            assert_eq!(span.slice(&text), Some(title));
        }
    }
}

#[test]
fn full_json_snapshots() {
    for path in seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let article = depeche::parse(&text).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(name, article);
    }
}

#[test]
fn owned_and_borrowed_readings_serialize_alike() {
    for path in seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let article = depeche::parse(&text).unwrap();
        let json = serde_json::to_string(&article).unwrap();
        let owned = article.clone().into_owned();
        assert_eq!(serde_json::to_string(&owned).unwrap(), json);
        let back: Article<'static> = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}
