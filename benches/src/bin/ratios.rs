//! Times the newline scan and the parses on the same corpus in one run and prints their
//! throughputs and ratios (median of many iterations, `std::time::Instant`).
//!
//! ```text
//! cargo run --release -p depeche-benches --bin ratios            # 100 MiB corpora
//! DEPECHE_BENCH_MB=20 DEPECHE_BENCH_ITERS=5 cargo run --release -p depeche-benches --bin ratios
//! ```

use depeche_benches::{
    CorpusKind, Throughputs, corpus, corpus_target_bytes, throughputs, total_bytes,
};

fn main() {
    let iterations = std::env::var("DEPECHE_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(11);
    let target = corpus_target_bytes();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("median of {iterations} runs; parse_many on {threads} threads");
    println!(
        "| corpus | docs | MB | scan MB/s | parse view MB/s | parse_bytes MB/s | owned MB/s | parse_many MB/s | view/scan | owned/scan | many/scan |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for kind in [CorpusKind::Replicated, CorpusKind::Variants] {
        let docs = corpus(kind, target);
        let bytes = total_bytes(&docs);
        let Throughputs {
            scan,
            view,
            bytes: bytes_view,
            owned,
            many,
        } = throughputs(&docs, iterations);
        println!(
            "| {} | {} | {:.1} | {scan:.0} | {view:.0} | {bytes_view:.0} | {owned:.0} | {many:.0} | {:.1}% | {:.1}% | {:.1}% |",
            kind.name(),
            docs.len(),
            bytes as f64 / 1e6,
            100.0 * view / scan,
            100.0 * owned / scan,
            100.0 * many / scan,
        );
    }
}
