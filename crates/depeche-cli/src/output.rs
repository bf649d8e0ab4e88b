//! Formatting parsed articles and writing them, in input order, with the right separators.

use std::borrow::Cow;
use std::io::{self, Write};

use depeche::Article;
use serde::Serialize;
use serde_json::Value;

use crate::cli::Render;
use crate::progress::Progress;

/// The shape of the whole output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// One pretty JSON object: the article record alone.
    Single,
    /// A pretty JSON array of records with a `"path"` key.
    Array,
    /// One compact record with a `"path"` key per line.
    Lines,
    /// Markdown of each article.
    Markdown,
    /// Plain text of each article.
    Text,
}

impl Style {
    /// The style for a `--render` choice, `--jsonl`, and whether there is a single document.
    pub fn new(render: Render, jsonl: bool, single: bool) -> Style {
        match render {
            Render::Json if jsonl => Style::Lines,
            Render::Json if single => Style::Single,
            Render::Json => Style::Array,
            Render::Markdown => Style::Markdown,
            Render::Text => Style::Text,
        }
    }
}

/// Where a document came from: the keys added to its JSON record.
#[derive(Debug, Serialize)]
pub struct Origin<'r> {
    /// The input path as given (`-` for standard input).
    pub path: &'r str,
    /// For a JSONL row: its 1-based line in the corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// For a JSONL row: its `id`, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'r Value>,
    /// For a JSONL row: its `url`, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'r Value>,
}

#[derive(Serialize)]
struct Record<'r, 'a> {
    #[serde(flatten)]
    origin: &'r Origin<'r>,
    #[serde(flatten)]
    article: &'r Article<'a>,
}

/// Format one article in `style` (without separators: the [`Emitter`] adds them).
pub fn format_article(
    article: &Article<'_>,
    origin: &Origin<'_>,
    style: Style,
) -> Result<String, String> {
    let json = |r: Result<String, serde_json::Error>| {
        r.map_err(|e| format!("cannot serialize the article: {e}"))
    };
    match style {
        Style::Single => json(serde_json::to_string_pretty(article)),
        Style::Array => {
            let record = Record { origin, article };
            let pretty = json(serde_json::to_string_pretty(&record))?;
            // JSON strings hold no raw newline, so this indents every line of the object.
            Ok(format!("  {}", pretty.replace('\n', "\n  ")))
        }
        Style::Lines => json(serde_json::to_string(&Record { origin, article })),
        Style::Markdown => Ok(article.to_markdown()),
        Style::Text => Ok(article.to_text()),
    }
}

/// One document's outcome, ready to write: the formatted article or an error message.
#[derive(Debug)]
pub struct Doc {
    /// The name of the document: `path` or `path:line`.
    pub label: String,
    /// The formatted article, or why it failed (without the `depeche: label:` prefix).
    pub outcome: Result<String, String>,
    /// Input bytes the document stands for, for the progress bar.
    pub bytes: u64,
}

/// Writes documents in order with the separators of the style, and counts them.
pub struct Emitter<'p> {
    out: Box<dyn Write + 'p>,
    style: Style,
    single: bool,
    progress: &'p Progress,
    /// Documents written.
    pub parsed: u64,
    /// Documents that failed.
    pub failed: u64,
}

impl<'p> Emitter<'p> {
    /// Start the output (the `[` of an array).
    pub fn begin(
        out: Box<dyn Write + 'p>,
        style: Style,
        single: bool,
        progress: &'p Progress,
    ) -> io::Result<Self> {
        let mut emitter = Emitter {
            out,
            style,
            single,
            progress,
            parsed: 0,
            failed: 0,
        };
        if style == Style::Array {
            emitter.out.write_all(b"[\n")?;
        }
        Ok(emitter)
    }

    /// Write a document, or report its failure on standard error.
    pub fn emit(&mut self, doc: Doc) -> io::Result<()> {
        self.progress.advance(doc.bytes);
        match doc.outcome {
            Ok(body) => {
                self.write_doc(&doc.label, &body)?;
                self.parsed += 1;
                self.progress.set_counts(self.parsed, self.failed);
            }
            Err(message) => self.fail(&doc.label, &message),
        }
        Ok(())
    }

    /// Count input bytes that hold no document (blank JSONL lines) as done.
    pub fn skip(&self, bytes: u64) {
        self.progress.advance(bytes);
    }

    /// Report a failure that is not tied to a formatted document.
    pub fn fail(&mut self, label: &str, message: &str) {
        self.failed += 1;
        self.progress
            .println(&format!("depeche: {label}: {message}"));
        self.progress.set_counts(self.parsed, self.failed);
    }

    fn write_doc(&mut self, label: &str, body: &str) -> io::Result<()> {
        let first = self.parsed == 0;
        let out = &mut self.out;
        match self.style {
            Style::Single | Style::Lines => {}
            Style::Array if first => {}
            Style::Array => out.write_all(b",\n")?,
            Style::Markdown if self.single => {}
            Style::Markdown => {
                if !first {
                    out.write_all(b"\n---\n\n")?;
                }
                writeln!(out, "<!-- {} -->\n", label.replace("--", "- -"))?;
            }
            Style::Text if self.single => {}
            Style::Text => {
                if !first {
                    out.write_all(b"\n")?;
                }
                writeln!(out, "==> {label} <==")?;
            }
        }
        out.write_all(body.as_bytes())?;
        if self.style != Style::Array && !body.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Flush what is buffered (after each chunk, so that pipelines see progress).
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// End the output (the `]` of an array) and flush it.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.style == Style::Array {
            let end: &[u8] = if self.parsed == 0 { b"]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        self.out.flush()
    }
}

/// Fill a missing `source_url` from a JSONL row's `url` (http or https URLs only).
pub fn fill_source_url(article: &mut Article<'_>, url: Option<&Value>) {
    if article.source_url.is_some() {
        return;
    }
    let Some(Value::String(url)) = url else {
        return;
    };
    let url = url.trim();
    if url.is_empty() {
        return;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        article.source_url = Some(Cow::Owned(url.to_owned()));
    } else {
        article.warnings.push(format!(
            "the row's url `{url}` is not an http(s) URL: source_url left empty"
        ));
    }
}
