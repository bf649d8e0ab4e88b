//! `depeche`: the command-line interface of the depeche parser.
//!
//! `depeche parse <FILE|DIR|->...` parses scraped French-language Vietnamese press articles
//! (plain-text dumps, or JSONL corpora of them) and prints their records as JSON, JSON Lines,
//! Markdown or plain text. See `depeche parse --help`.

mod cli;
mod inputs;
mod jsonl;
mod output;
mod progress;
mod run;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Parse(args) => run::parse(args),
    }
}
