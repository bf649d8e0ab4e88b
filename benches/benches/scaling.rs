//! Scaling: `parse` on pathological inputs at 1x and 10x (the `scaling` binary adds 100x and
//! prints the table of `benches/README.md`). Time per byte must stay flat.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use depeche_benches::{Shape, big_options};

fn scaling(c: &mut Criterion) {
    let options = big_options();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for shape in Shape::ALL {
        for scale in [1, 10] {
            let input = shape.build(scale);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(shape.name(), format!("{scale}x")),
                &input,
                |b, input| b.iter(|| depeche::parse_with(input, &options).map(|a| a.body.len())),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
