//! Command-line arguments (clap derive). The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Parse scraped French-language Vietnamese press articles into clean, typed records.
#[derive(Debug, Parser)]
#[command(name = "depeche", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse article dumps and print them as JSON, JSON Lines, Markdown or plain text.
    #[command(after_long_help = PARSE_AFTER_HELP)]
    Parse(ParseArgs),
}

const PARSE_AFTER_HELP: &str = "\
Output:
  One text input (a FILE or -) prints one pretty JSON object: the article record of the JSON
  contract. Anything else (several inputs, a DIR, a JSONL corpus) prints one pretty JSON array
  with one object per parsed document, each with an added \"path\" key naming its input. With
  --jsonl every document is one compact JSON object on its own line, with the \"path\" key.
  Documents read from a JSONL corpus also get \"line\" (1-based line of the corpus) and pass
  through the row's \"id\" and \"url\"; the row's url fills \"source_url\" when the text has none.
  --render markdown|text prints the clean article instead; several documents are separated by a
  header naming each one (`==> PATH <==` for text, `<!-- PATH -->` and `---` for Markdown).
  Output is in input order, whatever the number of threads.

Inputs:
  A DIR is walked recursively for files with the --ext extensions (default: txt), in sorted,
  deterministic order; hidden files and folders are skipped. `-` reads standard input. With
  --input-format auto (the default), files named *.jsonl or *.ndjson are read as JSONL corpora:
  one JSON object per line with a \"text\" string field (blank lines are skipped).

Errors:
  A document that cannot be read or parsed (missing file, invalid UTF-8, empty text, over
  --max-bytes, no body with --strict, bad JSONL row) is reported on standard error as
  `depeche: PATH: MESSAGE` (`depeche: PATH:LINE: MESSAGE` for a JSONL row) and left out of the
  output; the other documents are still printed. Batches end with `N parsed, M failed` on
  standard error. The exit status is 0 when every document parsed, 1 when any failed, and 2 on
  a usage error.

Examples:
  depeche parse seeds/000_a0290fbbf6effce8.txt
  depeche parse seeds/ --jsonl -o seeds.jsonl
  depeche parse corpus.jsonl --jsonl --strict
  cat article.txt | depeche parse - --render markdown";

/// Arguments of `depeche parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text files, directories (walked for *.txt), JSONL corpora, or `-` for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Print JSON Lines: one compact JSON object per document, each with a "path" key.
    #[arg(long)]
    pub jsonl: bool,

    /// What to print for each document (`--format` is an alias).
    #[arg(long, alias = "format", value_enum, default_value_t = Render::Json, value_name = "FORMAT")]
    pub render: Render,

    /// How to read the inputs. `auto` reads *.jsonl and *.ndjson files as JSONL corpora and
    /// everything else (standard input too) as article text.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,

    /// Fail on documents in which no body paragraph is found.
    #[arg(long)]
    pub strict: bool,

    /// Fail on documents larger than this many bytes (suffixes K, M, G and KiB, MiB, GiB are
    /// powers of 1024). The default is the library's 64MiB.
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_bytes: Option<usize>,

    /// File extension to look for when walking a DIR (repeatable). Default: txt, or jsonl and
    /// ndjson with --input-format jsonl.
    #[arg(long = "ext", value_name = "EXT")]
    pub extensions: Vec<String>,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of parsing threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Never show the progress bar (it is shown on a terminal for large batches only).
    #[arg(long)]
    pub no_progress: bool,

    /// Print only error messages on standard error: no progress bar, no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// What to print for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Render {
    /// The JSON record of the article (see the JSON contract).
    Json,
    /// The clean article as Markdown.
    Markdown,
    /// The clean article as plain text.
    Text,
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By file name: *.jsonl and *.ndjson are JSONL corpora, anything else is article text.
    Auto,
    /// Every input is the text of one article.
    Text,
    /// Every input is a JSONL corpus: one object per line with a "text" field.
    Jsonl,
}

/// Parse a byte size such as `5000`, `64K`, `64KiB`, `10M` or `1GiB` (powers of 1024).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    if digits.is_empty() {
        return Err(format!(
            "`{s}` is not a size: expected a number of bytes such as 5000 or 10M"
        ));
    }
    let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit `{other}`: use K, M or G")),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("5000"), Ok(5000));
        assert_eq!(parse_size("64K"), Ok(64 * 1024));
        assert_eq!(parse_size("10MiB"), Ok(10 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10X").is_err());
        assert!(parse_size("99999999999999999999").is_err());
    }
}
