//! `depeche parse`: read the inputs in chunks, parse them in parallel, write them in order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::ErrorKind;
use depeche::{Error, ParseOptions};
use rayon::prelude::*;

use crate::cli::{Cli, InputFormat, ParseArgs, Render};
use crate::inputs::{self, Kind, ReadError, Source};
use crate::jsonl;
use crate::output::{Doc, Emitter, Origin, Style, format_article};
use crate::progress::Progress;

/// At most this many text files are held in memory at once...
const CHUNK_FILES: usize = 256;
/// ...and at most about this many bytes of them (a larger file makes a chunk of its own).
const CHUNK_BYTES: u64 = 64 << 20;

/// Run `depeche parse` and return the exit status.
pub fn parse(args: &ParseArgs) -> ExitCode {
    if args.jsonl && args.render != Render::Json {
        let mut command = Cli::command();
        let parse = command
            .find_subcommand_mut("parse")
            .map_or_else(Cli::command, |c| c.clone());
        parse
            .bin_name("depeche parse")
            .error(
                ErrorKind::ArgumentConflict,
                "--jsonl prints JSON records: it cannot be combined with --render markdown or --render text",
            )
            .exit();
    }
    if let Some(jobs) = args.jobs {
        // Fails only if the pool was already built, which leaves it as it is.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global();
    }
    let mut options = ParseOptions::default().strict(args.strict);
    if let Some(max_bytes) = args.max_bytes {
        options = options.max_bytes(max_bytes);
    }
    let extensions = if args.extensions.is_empty() {
        let defaults: &[&str] = match args.input_format {
            InputFormat::Jsonl => &["jsonl", "ndjson"],
            InputFormat::Auto | InputFormat::Text => &["txt"],
        };
        defaults.iter().map(|&e| e.to_owned()).collect()
    } else {
        args.extensions.clone()
    };

    let plan = inputs::plan(&args.inputs, args.input_format, &extensions);
    let style = Style::new(args.render, args.jsonl, plan.single);
    let total_bytes = plan.sources.iter().map(|s| s.size_hint).sum();
    let progress = if args.quiet || args.no_progress {
        Progress::hidden()
    } else {
        Progress::new(true, plan.sources.len(), total_bytes)
    };
    if !args.quiet {
        for warning in &plan.warnings {
            progress.println(&format!("depeche: warning: {warning}"));
        }
    }

    let out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 16, file)),
            Err(err) => {
                eprintln!(
                    "depeche: {}: cannot create the output file: {err}",
                    path.display()
                );
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };

    let mut emitter = match Emitter::begin(out, style, plan.single, &progress) {
        Ok(emitter) => emitter,
        Err(err) => return write_failure(&err, &progress),
    };
    if let Err(err) = run(&plan.sources, &options, style, &mut emitter) {
        return write_failure(&err, &progress);
    }
    progress.finish();
    let (parsed, failed) = (emitter.parsed, emitter.failed);
    if !args.quiet && (!plan.single || failed > 0) {
        eprintln!("{parsed} parsed, {failed} failed");
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A write error ends the run: quietly when the reader went away (`depeche ... | head`).
fn write_failure(err: &io::Error, progress: &Progress) -> ExitCode {
    progress.finish();
    if err.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("depeche: cannot write the output: {err}");
    ExitCode::FAILURE
}

/// Process the sources in order: runs of text files in parallel chunks, JSONL corpora row-wise.
fn run(
    sources: &[Source],
    options: &ParseOptions,
    style: Style,
    emitter: &mut Emitter<'_>,
) -> io::Result<()> {
    let mut i = 0;
    while i < sources.len() {
        if sources[i].kind == Kind::Jsonl {
            jsonl::process(&sources[i], options, style, emitter)?;
            i += 1;
            continue;
        }
        let start = i;
        let mut bytes = 0u64;
        while i < sources.len()
            && sources[i].kind == Kind::Text
            && i - start < CHUNK_FILES
            && (i == start || bytes.saturating_add(sources[i].size_hint) <= CHUNK_BYTES)
        {
            bytes = bytes.saturating_add(sources[i].size_hint);
            i += 1;
        }
        let docs: Vec<Doc> = sources[start..i]
            .par_iter()
            .map(|s| text_doc(s, options, style))
            .collect();
        for doc in docs {
            emitter.emit(doc)?;
        }
        emitter.flush()?;
    }
    emitter.finish()
}

/// Read, parse and format one text source.
fn text_doc(source: &Source, options: &ParseOptions, style: Style) -> Doc {
    let outcome = match inputs::read_text(&source.location, options.max_bytes) {
        Err(ReadError::Io(message)) => Err(message),
        Err(ReadError::TooLarge { len }) => Err(Error::TooLarge {
            len,
            limit: options.max_bytes,
        }
        .to_string()),
        Ok(bytes) => match depeche::parse_bytes_with(&bytes, options) {
            Ok(article) => {
                let origin = Origin {
                    path: &source.name,
                    line: None,
                    id: None,
                    url: None,
                };
                format_article(&article, &origin, style)
            }
            Err(err) => Err(err.to_string()),
        },
    };
    Doc {
        label: source.name.clone(),
        outcome,
        bytes: source.size_hint,
    }
}
