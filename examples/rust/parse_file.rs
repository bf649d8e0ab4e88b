//! Parse one article file and print its title, credits and body as JSON.
//!
//! `cargo run -p depeche-examples --example parse_file -- seeds/001_3aa7b4cd8e1f1c2b.txt`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_file <FILE>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match depeche::parse_bytes(&bytes) {
        Ok(article) => {
            println!("title:    {}", article.title.as_deref().unwrap_or("-"));
            println!("agencies: {}", article.agencies.join(", "));
            println!(
                "{}",
                serde_json::to_string_pretty(&article).expect("an article always serializes")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
