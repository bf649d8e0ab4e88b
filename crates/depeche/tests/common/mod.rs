//! Helpers shared by the integration tests: the reading of an article in the shape of the
//! hand-made `*.expected.json` labels.
//! Each test binary uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use depeche::{Article, BlockKind};
use serde_json::{Value, json};

/// `*.txt` files of `dir` that have a `*.expected.json` label beside them, sorted.
pub fn labelled_docs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.with_extension("expected.json").exists())
        .collect();
    paths.sort();
    paths
}

fn texts(article: &Article<'_>, kind: BlockKind) -> Vec<Value> {
    article.blocks(kind).map(|b| json!(b.text)).collect()
}

/// The reading of `article` in the shape of the `*.expected.json` files.
pub fn reading(article: &Article<'_>) -> Value {
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    json!({
        "site": article.site,
        "title": article.title,
        "lede": article.lede,
        "byline": article.byline,
        "date": article.date,
        "category": article.category,
        "source_url": article.source_url,
        "credits": article.credits.iter().map(|c| c.text.as_ref()).collect::<Vec<_>>(),
        "agencies": article.agencies,
        "first_body_paragraph": paragraphs.first(),
        "last_body_paragraph": paragraphs.last(),
        "headings": texts(article, BlockKind::Heading),
        "captions": article.blocks(BlockKind::Caption).map(|b| json!({"text": b.text, "credit": b.credit})).collect::<Vec<_>>(),
        "related": texts(article, BlockKind::Related),
        "boilerplate_starts_with": article.boilerplate.first(),
    })
}

/// The label of `doc` (its `*.expected.json`).
pub fn label(doc: &Path) -> Value {
    let text =
        std::fs::read_to_string(doc.with_extension("expected.json")).expect("label readable");
    serde_json::from_str(&text).expect("label is JSON")
}
