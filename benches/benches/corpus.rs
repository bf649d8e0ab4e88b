//! Corpus throughput: the memchr newline scan (the speed limit) and `parse` (borrowed view),
//! `parse(..).into_owned()` and `parse_many` on the same ~100 MiB corpora (set
//! `DEPECHE_BENCH_MB` to change the size). Criterion reports bytes per second for each; the
//! `ratios` binary prints the ratios to the scan in one run.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche_benches::{
    CorpusKind, corpus, corpus_target_bytes, newline_scan, parse_many, parse_owned, parse_view,
    total_bytes,
};

fn corpus_benches(c: &mut Criterion) {
    let target = corpus_target_bytes();
    for kind in [CorpusKind::Replicated, CorpusKind::Variants] {
        let docs = corpus(kind, target);
        let mut group = c.benchmark_group(format!("corpus/{}", kind.name()));
        group.throughput(Throughput::Bytes(total_bytes(&docs) as u64));
        group.sample_size(10);
        group.bench_function("memchr_newline_scan", |b| b.iter(|| newline_scan(&docs)));
        group.bench_function("parse_view", |b| b.iter(|| parse_view(&docs)));
        group.bench_function("parse_owned", |b| b.iter(|| parse_owned(&docs)));
        group.bench_function("parse_many", |b| b.iter(|| parse_many(&docs)));
        group.finish();
    }
}

fn seed_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (i, seed) in depeche_benches::seeds().iter().enumerate() {
        group.throughput(Throughput::Bytes(seed.len() as u64));
        group.bench_function(format!("parse_view/{i}"), |b| {
            b.iter(|| depeche::parse(seed).map(|a| a.body.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, corpus_benches, seed_benches);
criterion_main!(benches);
