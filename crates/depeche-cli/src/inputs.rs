//! Turning the command-line inputs into an ordered list of sources, and reading them.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::cli::InputFormat;

/// Where the bytes of a source come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Standard input (`-`).
    Stdin,
    /// A file path.
    Path(PathBuf),
    /// An input that could not even be listed (a directory walk error), with its message.
    Broken(String),
}

/// How the bytes of a source are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The text of one article.
    Text,
    /// A JSONL corpus: one JSON object with a `text` field per line.
    Jsonl,
}

/// One input to read, in output order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name used in messages and in the `"path"` key.
    pub name: String,
    /// Where to read it.
    pub location: Location,
    /// How to read it.
    pub kind: Kind,
    /// Its size in bytes when known up front (0 for standard input), for the progress bar.
    pub size_hint: u64,
}

/// The sources of a command line, and whether it names exactly one text document.
#[derive(Debug, Default)]
pub struct Plan {
    /// The sources, in order.
    pub sources: Vec<Source>,
    /// Warnings found while listing (a directory without matching files).
    pub warnings: Vec<String>,
    /// True when the command line is one text FILE or `-`: the output is then a single document.
    pub single: bool,
}

/// List the sources named by `inputs`: files as given, directories walked (sorted, hidden entries
/// skipped) for files whose extension is in `extensions`, `-` as standard input.
pub fn plan(inputs: &[PathBuf], format: InputFormat, extensions: &[String]) -> Plan {
    let mut plan = Plan::default();
    let mut has_dir = false;
    for input in inputs {
        if input.as_os_str() == "-" {
            let kind = if format == InputFormat::Jsonl {
                Kind::Jsonl
            } else {
                Kind::Text
            };
            plan.sources.push(Source {
                name: "-".to_owned(),
                location: Location::Stdin,
                kind,
                size_hint: 0,
            });
        } else if input.is_dir() {
            has_dir = true;
            let before = plan.sources.len();
            walk(input, format, extensions, &mut plan.sources);
            if plan.sources.len() == before {
                let wanted: Vec<String> = extensions.iter().map(|e| format!("*.{e}")).collect();
                plan.warnings.push(format!(
                    "{}: no {} file in this directory",
                    input.display(),
                    wanted.join(" or ")
                ));
            }
        } else {
            plan.sources.push(file_source(input.clone(), format));
        }
    }
    plan.single = !has_dir && plan.sources.len() == 1 && plan.sources[0].kind == Kind::Text;
    plan
}

fn walk(root: &Path, format: InputFormat, extensions: &[String], out: &mut Vec<Source>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && has_extension(entry.path(), extensions) {
                    out.push(file_source(entry.into_path(), format));
                }
            }
            Err(err) => {
                let name = err.path().unwrap_or(root).display().to_string();
                let message = match err.io_error() {
                    Some(io) => format!("cannot list: {io}"),
                    None => err.to_string(),
                };
                out.push(Source {
                    name,
                    location: Location::Broken(message),
                    kind: Kind::Text,
                    size_hint: 0,
                });
            }
        }
    }
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
        extensions
            .iter()
            .any(|e| e.trim_start_matches('.').eq_ignore_ascii_case(ext))
    })
}

fn is_jsonl_name(path: &Path) -> bool {
    has_extension(path, &["jsonl".to_owned(), "ndjson".to_owned()])
}

fn file_source(path: PathBuf, format: InputFormat) -> Source {
    let kind = match format {
        InputFormat::Text => Kind::Text,
        InputFormat::Jsonl => Kind::Jsonl,
        InputFormat::Auto if is_jsonl_name(&path) => Kind::Jsonl,
        InputFormat::Auto => Kind::Text,
    };
    let size_hint = path.metadata().map(|m| m.len()).unwrap_or(0);
    Source {
        name: path.display().to_string(),
        location: Location::Path(path),
        kind,
        size_hint,
    }
}

/// Why the bytes of a text source could not be had.
#[derive(Debug)]
pub enum ReadError {
    /// The source is over the size limit; `len` is its full size.
    TooLarge {
        /// The size of the source in bytes.
        len: usize,
    },
    /// An I/O error, already phrased.
    Io(String),
}

/// Read the whole of a text source, stopping early when it is over `max_bytes`.
pub fn read_text(location: &Location, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    match location {
        Location::Broken(message) => Err(ReadError::Io(message.clone())),
        Location::Stdin => read_limited(io::stdin().lock(), max_bytes, None),
        Location::Path(path) => {
            let file = File::open(path).map_err(|e| ReadError::Io(describe_io(&e)))?;
            let meta = file
                .metadata()
                .map_err(|e| ReadError::Io(describe_io(&e)))?;
            if meta.is_dir() {
                return Err(ReadError::Io("is a directory".to_owned()));
            }
            let known = meta
                .is_file()
                .then(|| usize::try_from(meta.len()).unwrap_or(usize::MAX));
            if let Some(len) = known.filter(|&len| len > max_bytes) {
                return Err(ReadError::TooLarge { len });
            }
            read_limited(file, max_bytes, known)
        }
    }
}

/// Read at most `max_bytes + 1` bytes; past the limit, count the rest to report the full size.
fn read_limited(
    reader: impl Read,
    max_bytes: usize,
    size_hint: Option<usize>,
) -> Result<Vec<u8>, ReadError> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut buf = Vec::with_capacity(size_hint.unwrap_or(0).min(max_bytes));
    let mut taken = reader.take(limit);
    taken
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Io(describe_io(&e)))?;
    if buf.len() > max_bytes {
        let rest = io::copy(&mut taken.into_inner(), &mut io::sink())
            .map_err(|e| ReadError::Io(describe_io(&e)))?;
        let len = buf
            .len()
            .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
        return Err(ReadError::TooLarge { len });
    }
    Ok(buf)
}

/// Phrase an I/O error for a message that already names the file.
pub fn describe_io(err: &io::Error) -> String {
    let text = match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => err.to_string(),
    };
    format!("cannot read: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_reports_the_full_size_past_it() {
        assert_eq!(read_limited(&b"abcd"[..], 4, None).unwrap(), b"abcd");
        match read_limited(&b"abcdefg"[..], 4, None) {
            Err(ReadError::TooLarge { len }) => assert_eq!(len, 7),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn extensions_match_without_case_or_dot() {
        let exts = ["txt".to_owned(), ".md".to_owned()];
        assert!(has_extension(Path::new("a/b.TXT"), &exts));
        assert!(has_extension(Path::new("b.md"), &exts));
        assert!(!has_extension(Path::new("b.json"), &exts));
        assert!(!has_extension(Path::new("txt"), &exts));
        assert!(is_jsonl_name(Path::new("corpus.ndjson")));
    }
}
