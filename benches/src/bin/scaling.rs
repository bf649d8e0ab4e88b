//! Times `parse` on pathological inputs at 1x, 10x and 100x size and prints a markdown table
//! with the time per MB at each scale: a linear parser keeps it flat.
//!
//! ```text
//! cargo run --release -p depeche-benches --bin scaling
//! cargo run --release -p depeche-benches --bin scaling -- 1 10   # only the small scales
//! DEPECHE_SHAPE='>> lines' cargo run --release -p depeche-benches --bin scaling -- 10
//! ```

use std::time::Duration;

use depeche_benches::{Shape, big_options, median_time};

fn main() {
    let scales: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let scales = if scales.is_empty() {
        vec![1, 10, 100]
    } else {
        scales
    };
    let options = big_options();
    let mut header = String::from("| input |");
    let mut rule = String::from("|---|");
    for s in &scales {
        header.push_str(&format!(" {s}x MB | {s}x ms | {s}x ms/MB |"));
        rule.push_str("---|---|---|");
    }
    header.push_str(" growth (ms/MB largest / smallest) |");
    rule.push_str("---|");
    println!("{header}\n{rule}");
    // `DEPECHE_SHAPE=<part of a name>` runs only the matching inputs (for profiling).
    let only = std::env::var("DEPECHE_SHAPE").unwrap_or_default();
    for shape in Shape::ALL.into_iter().filter(|s| s.name().contains(&only)) {
        let mut row = format!("| {} |", shape.name());
        let mut per_mb = Vec::new();
        for &scale in &scales {
            let input = shape.build(scale);
            let iterations = if input.len() > 20_000_000 { 3 } else { 7 };
            let time: Duration = median_time(iterations, || {
                depeche::parse_with(&input, &options).map(|a| a.body.len())
            });
            let mb = input.len() as f64 / 1e6;
            let ms = time.as_secs_f64() * 1e3;
            per_mb.push(ms / mb);
            row.push_str(&format!(" {mb:.1} | {ms:.2} | {:.2} |", ms / mb));
        }
        let growth = per_mb.last().unwrap() / per_mb.first().unwrap();
        row.push_str(&format!(" {growth:.2} |"));
        println!("{row}");
    }
}
