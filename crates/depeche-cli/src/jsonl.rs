//! JSONL corpora: one JSON object per line with a `text` field, read in bounded chunks and
//! parsed in parallel, written in order.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader};

use depeche::{Error, ParseOptions};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::inputs::{Location, Source, describe_io};
use crate::output::{Doc, Emitter, Origin, Style, fill_source_url, format_article};

/// At most this many rows are held in memory at once...
const CHUNK_ROWS: usize = 1024;
/// ...and at most about this many bytes of rows.
const CHUNK_BYTES: usize = 32 << 20;

/// One row of a JSONL corpus. Other fields are ignored.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a JSON object with a \"text\" string field")]
struct Row<'a> {
    /// The article text.
    #[serde(borrow)]
    text: Cow<'a, str>,
    /// Passed through; fills `source_url` when the text has none.
    #[serde(default)]
    url: Option<Value>,
    /// Passed through.
    #[serde(default)]
    id: Option<Value>,
}

/// A raw line of the corpus.
struct RawRow {
    /// 1-based line number.
    line: u64,
    /// Byte offset of the line in the corpus.
    offset: u64,
    /// The line's bytes (with its end of line), or empty when it was over the limit.
    bytes: Vec<u8>,
    /// The line's length in the corpus.
    len: usize,
    /// True when the line was longer than the row limit (its bytes were dropped).
    too_long: bool,
}

/// Parse every row of a JSONL corpus and write the documents, in order.
pub fn process(
    source: &Source,
    options: &ParseOptions,
    style: Style,
    emitter: &mut Emitter<'_>,
) -> io::Result<()> {
    let mut reader: Box<dyn BufRead> = match &source.location {
        Location::Stdin => Box::new(io::stdin().lock()),
        Location::Path(path) => match File::open(path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(err) => {
                emitter.fail(&source.name, &describe_io(&err));
                return Ok(());
            }
        },
        Location::Broken(message) => {
            emitter.fail(&source.name, message);
            return Ok(());
        }
    };
    // A row's JSON may escape every character of the text (`\u00e9`): allow for that.
    let row_limit = options.max_bytes.saturating_mul(6).saturating_add(1 << 16);
    let mut chunk: Vec<RawRow> = Vec::new();
    let mut chunk_bytes = 0;
    let (mut line, mut offset) = (0u64, 0u64);
    loop {
        let mut bytes = Vec::new();
        let (len, too_long) = match read_row(&mut reader, &mut bytes, row_limit) {
            Ok(read) => read,
            Err(err) => {
                run_chunk(&mut chunk, &source.name, options, style, emitter)?;
                emitter.fail(&format!("{}:{}", source.name, line + 1), &describe_io(&err));
                break;
            }
        };
        if len == 0 {
            break;
        }
        line += 1;
        let row = RawRow {
            line,
            offset,
            bytes,
            len,
            too_long,
        };
        offset += len as u64;
        if !row.too_long && is_blank(&row.bytes) {
            emitter.skip(len as u64);
            continue;
        }
        chunk_bytes += row.bytes.len();
        chunk.push(row);
        if chunk.len() >= CHUNK_ROWS || chunk_bytes >= CHUNK_BYTES {
            run_chunk(&mut chunk, &source.name, options, style, emitter)?;
            chunk_bytes = 0;
        }
    }
    run_chunk(&mut chunk, &source.name, options, style, emitter)
}

fn run_chunk(
    chunk: &mut Vec<RawRow>,
    name: &str,
    options: &ParseOptions,
    style: Style,
    emitter: &mut Emitter<'_>,
) -> io::Result<()> {
    if chunk.is_empty() {
        return Ok(());
    }
    let docs: Vec<Doc> = chunk
        .par_iter()
        .map(|row| row_doc(row, name, options, style))
        .collect();
    chunk.clear();
    for doc in docs {
        emitter.emit(doc)?;
    }
    emitter.flush()
}

fn row_doc(row: &RawRow, name: &str, options: &ParseOptions, style: Style) -> Doc {
    Doc {
        label: format!("{name}:{}", row.line),
        outcome: row_outcome(row, name, options, style),
        bytes: row.len as u64,
    }
}

fn row_outcome(
    row: &RawRow,
    name: &str,
    options: &ParseOptions,
    style: Style,
) -> Result<String, String> {
    if row.too_long {
        return Err(format!(
            "JSONL row of {} bytes is over the limit of {} bytes (six times --max-bytes)",
            row.len,
            options.max_bytes.saturating_mul(6).saturating_add(1 << 16)
        ));
    }
    let text = std::str::from_utf8(&row.bytes).map_err(|e| {
        let offset = usize::try_from(row.offset)
            .unwrap_or(usize::MAX)
            .saturating_add(e.valid_up_to());
        let line = usize::try_from(row.line).unwrap_or(usize::MAX);
        Error::InvalidUtf8 { offset, line }.to_string()
    })?;
    let mut text = text.trim_end_matches(['\n', '\r']);
    if row.line == 1 {
        text = text.strip_prefix('\u{feff}').unwrap_or(text);
    }
    // serde would also read a row from an array (`["text", "url", "id"]`): only objects are rows.
    let first = text.trim_start();
    if first.starts_with('[') {
        return Err(format!(
            "invalid JSONL row: expected a JSON object with a \"text\" string field (column {})",
            text.len() - first.len() + 1
        ));
    }
    let parsed: Row<'_> = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_data() {
            "invalid JSONL row"
        } else {
            "invalid JSON"
        };
        format!("{what}: {}", json_message(&e))
    })?;
    let mut article = depeche::parse_with(&parsed.text, options).map_err(|e| e.to_string())?;
    fill_source_url(&mut article, parsed.url.as_ref());
    let origin = Origin {
        path: name,
        line: Some(row.line),
        id: parsed.id.as_ref(),
        url: parsed.url.as_ref(),
    };
    format_article(&article, &origin, style)
}

/// serde_json's message without its `at line 1 column N` (the line is the row's), with the column.
fn json_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("{message} (column {})", err.column())
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Read one line (with its `\n`) into `buf`, keeping at most `limit` bytes: a longer line is
/// consumed whole but dropped. Returns the line's length and whether it was too long.
fn read_row(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<(usize, bool)> {
    let (mut len, mut too_long) = (0, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            return Ok((len, too_long));
        }
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + used > limit {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(&available[..used]);
            }
        }
        reader.consume(used);
        len += used;
        if done {
            return Ok((len, too_long));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_line_by_line_and_long_ones_dropped() {
        let mut reader = &b"abc\n\ndefghij\nxy"[..];
        let mut buf = Vec::new();
        assert_eq!(read_row(&mut reader, &mut buf, 5).unwrap(), (4, false));
        assert_eq!(buf, b"abc\n");
        buf.clear();
        assert_eq!(read_row(&mut reader, &mut buf, 5).unwrap(), (1, false));
        buf.clear();
        assert_eq!(read_row(&mut reader, &mut buf, 5).unwrap(), (8, true));
        assert!(buf.is_empty());
        assert_eq!(read_row(&mut reader, &mut buf, 5).unwrap(), (2, false));
        assert_eq!(buf, b"xy");
        buf.clear();
        assert_eq!(read_row(&mut reader, &mut buf, 5).unwrap(), (0, false));
    }

    #[test]
    fn json_messages_name_the_column_not_the_line() {
        let err = serde_json::from_str::<Row<'_>>("{\"text\": 3}").unwrap_err();
        let message = json_message(&err);
        assert!(
            message.starts_with("invalid type: integer `3`"),
            "{message}"
        );
        assert!(message.ends_with("(column 10)"), "{message}");
        let err = serde_json::from_str::<Row<'_>>("{\"url\": \"x\"}").unwrap_err();
        assert!(json_message(&err).starts_with("missing field `text`"));
        let err = serde_json::from_str::<Row<'_>>("1").unwrap_err();
        assert!(json_message(&err).contains("a JSON object with a \"text\" string field"));
    }
}
