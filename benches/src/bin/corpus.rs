//! Writes a benchmark corpus to a file and times native parsing of such a file, so that the
//! peer (`peer/datatrove_peer.py`) and the bindings (`python_vs_native.py`,
//! `wasm_vs_native.mjs`) are measured on exactly the same documents.
//!
//! ```text
//! corpus dump <replicated|variants> <MiB> <path>   # documents separated by NUL bytes
//! corpus time <path> [iterations]                 # one JSON line of MB/s figures
//! corpus digest <path>                             # a fingerprint of every parse result
//! ```
//!
//! `digest` hashes the `Debug` dump of every result (fields, spans, credit spans, warnings,
//! errors): an optimisation of the parser must leave it unchanged.

use std::process::ExitCode;

use depeche_benches::{CorpusKind, Throughputs, corpus, throughputs, total_bytes};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["dump", kind, mib, path] => {
            let kind = match kind {
                "replicated" => CorpusKind::Replicated,
                "variants" => CorpusKind::Variants,
                _ => return usage(),
            };
            let Ok(mib) = mib.parse::<usize>() else {
                return usage();
            };
            let docs = corpus(kind, mib * 1024 * 1024);
            std::fs::write(path, docs.join("\0")).expect("corpus file is writable");
            eprintln!(
                "wrote {} documents, {} bytes to {path}",
                docs.len(),
                total_bytes(&docs)
            );
            ExitCode::SUCCESS
        }
        ["time", path, ref rest @ ..] => {
            let iterations = rest.first().and_then(|n| n.parse().ok()).unwrap_or(11);
            let text = std::fs::read_to_string(path).expect("corpus file is UTF-8");
            let docs: Vec<&str> = text.split('\0').collect();
            let bytes = total_bytes(&docs);
            let Throughputs {
                scan,
                view,
                bytes: bytes_view,
                owned,
                many,
            } = throughputs(&docs, iterations);
            println!(
                "{{\"docs\": {}, \"bytes\": {bytes}, \"scan_mbps\": {scan:.1}, \"view_mbps\": {view:.1}, \"bytes_view_mbps\": {bytes_view:.1}, \"owned_mbps\": {owned:.1}, \"many_mbps\": {many:.1}}}",
                docs.len()
            );
            ExitCode::SUCCESS
        }
        ["digest", path] => {
            let text = std::fs::read_to_string(path).expect("corpus file is UTF-8");
            let mut hasher = std::hash::DefaultHasher::new();
            for doc in text.split('\0') {
                std::hash::Hash::hash(&format!("{:?}", depeche::parse(doc)), &mut hasher);
            }
            println!("{:016x}", std::hash::Hasher::finish(&hasher));
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: corpus dump <replicated|variants> <MiB> <path> | corpus time <path> [iterations] | corpus digest <path>"
    );
    ExitCode::from(2)
}
