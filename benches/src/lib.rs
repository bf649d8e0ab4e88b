//! Shared helpers of the depeche benchmarks: the seed documents, a corpus of ~100 MB built from
//! them (plain replicas and perturbed variants), the memchr newline scan used as the speed
//! limit, pathological inputs for the scaling runs, and a small timing helper for the benchmark
//! binaries (`ratios`, `scaling`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The directory holding the seed documents (`seeds/*.txt` at the workspace root).
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// The seed documents, sorted by file name.
pub fn seeds() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ is readable")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed documents in {:?}", seeds_dir());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8 text"))
        .collect()
}

/// A small deterministic PRNG (xorshift64*), so that every run builds the same corpus.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed non-zero value).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A perturbed variant of `seed`: the header lines (the first three non-blank lines) stay in
/// place; the other lines are shuffled, some dropped, some doubled, words swapped inside lines,
/// digits changed, separators varied between 1, 2 and 4 newlines, a few lines indented with a
/// NBSP or ended with CRLF. The result has the same elements as the seeds (captions, credits,
/// chrome, related links) at unpredictable places, so the branch predictor cannot learn a run.
pub fn variant(seed: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = seed
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let head = lines.len().min(3);
    let mut body: Vec<String> = Vec::with_capacity(lines.len() + 4);
    for line in &lines[head..] {
        if rng.chance(8) {
            continue; // dropped
        }
        let line = perturb_line(line, rng);
        if rng.chance(6) {
            body.push(line.clone());
        }
        body.push(line);
    }
    // Fisher-Yates on the body, but keep about half of the lines near their place.
    for i in (1..body.len()).rev() {
        if rng.chance(50) {
            let j = rng.below(i + 1);
            body.swap(i, j);
        }
    }
    let mut out = String::with_capacity(seed.len() + 64);
    let all = lines[..head].iter().map(|l| (*l).to_owned()).chain(body);
    for (i, line) in all.enumerate() {
        if i > 0 {
            let newlines = [1, 2, 2, 2, 4][rng.below(5)];
            let crlf = rng.chance(5);
            for _ in 0..newlines {
                out.push_str(if crlf { "\r\n" } else { "\n" });
            }
        }
        if rng.chance(3) {
            out.push('\u{a0}');
        }
        out.push_str(&line);
    }
    out.push('\n');
    out
}

/// Swaps a few adjacent words and changes a few digits of one line.
fn perturb_line(line: &str, rng: &mut Rng) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    if words.len() > 6 {
        for _ in 0..1 + words.len() / 12 {
            let i = 1 + rng.below(words.len() - 2);
            words.swap(i, i + 1);
        }
    }
    let mut s = words.join(" ");
    if rng.chance(30) {
        s = s
            .chars()
            .map(|c| match c {
                '0'..='9' if rng.chance(30) => char::from(b'0' + rng.below(10) as u8),
                _ => c,
            })
            .collect();
    }
    s
}

/// How a corpus is built from the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusKind {
    /// The seeds copied as they are, round-robin.
    Replicated,
    /// Perturbed variants of the seeds (see [`variant`]).
    Variants,
}

impl CorpusKind {
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            CorpusKind::Replicated => "replicated",
            CorpusKind::Variants => "variants",
        }
    }
}

/// A corpus of documents totalling at least `target_bytes`.
pub fn corpus(kind: CorpusKind, target_bytes: usize) -> Vec<String> {
    let seeds = seeds();
    let mut rng = Rng::new(0x5EED);
    let mut docs = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < target_bytes {
        let seed = &seeds[i % seeds.len()];
        let doc = match kind {
            CorpusKind::Replicated => seed.clone(),
            CorpusKind::Variants => variant(seed, &mut rng),
        };
        total += doc.len();
        docs.push(doc);
        i += 1;
    }
    docs
}

/// Total size in bytes of `docs`.
pub fn total_bytes<S: AsRef<str>>(docs: &[S]) -> usize {
    docs.iter().map(|d| d.as_ref().len()).sum()
}

/// The corpus size in bytes to build: `DEPECHE_BENCH_MB` (MiB), default 100.
pub fn corpus_target_bytes() -> usize {
    std::env::var("DEPECHE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100)
        * 1024
        * 1024
}

/// The speed limit: count the newlines of every document with memchr.
pub fn newline_scan<S: AsRef<str>>(docs: &[S]) -> usize {
    docs.iter()
        .map(|d| memchr::memchr_iter(b'\n', d.as_ref().as_bytes()).count())
        .sum()
}

/// Parse every document, keeping the borrowed view; returns the number of body blocks.
pub fn parse_view<S: AsRef<str>>(docs: &[S]) -> usize {
    docs.iter()
        .map(|d| depeche::parse(d.as_ref()).map_or(0, |a| a.body.len()))
        .sum()
}

/// Parse every document from its UTF-8 bytes (`parse_bytes`: the UTF-8 check included),
/// keeping the borrowed view; returns the number of body blocks.
pub fn parse_bytes_view<S: AsRef<str>>(docs: &[S]) -> usize {
    docs.iter()
        .map(|d| depeche::parse_bytes(d.as_ref().as_bytes()).map_or(0, |a| a.body.len()))
        .sum()
}

/// Parse every document into the owned record; returns the number of body blocks.
pub fn parse_owned<S: AsRef<str>>(docs: &[S]) -> usize {
    docs.iter()
        .map(|d| depeche::parse(d.as_ref()).map_or(0, |a| a.into_owned().body.len()))
        .sum()
}

/// Parse every document on all cores with `parse_many`; returns the number of body blocks.
pub fn parse_many<S: AsRef<str> + Sync>(docs: &[S]) -> usize {
    depeche::parse_many(docs, &depeche::ParseOptions::default())
        .iter()
        .map(|r| r.as_ref().map_or(0, |a| a.body.len()))
        .sum()
}

/// The pathological inputs of the scaling runs, each at `scale` (1, 10, 100). At scale 100
/// each holds one million of its repeated unit (or, for the long line, 50 MB on one line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A title, then the seeds' paragraphs (their lines of more than 150 bytes) over and over:
    /// one huge article body.
    Article,
    /// One line of about `scale` × 500 KB of words, with no newline.
    LongLine,
    /// A title, `scale` × 10k blank lines, a paragraph.
    BlankLines,
    /// A title, then `scale` × 10k `>> related` lines.
    Related,
    /// A title, then `scale` × 10k `Photo : VNA/CVN` lines.
    PhotoCredits,
    /// `scale` × 10k short title-like lines.
    TitleLike,
    /// A title, a paragraph, then `scale` × 10k `VNA/CVN` lines.
    CreditLines,
    /// A title, a paragraph, then `scale` × 10k distinct credit lines (`AB12/VNA`, `AB13/VNA`...).
    DistinctCredits,
    /// A title, then `scale` × 5k pairs of a `>>` line and a byline line.
    RelatedAndBylines,
    /// `scale` × 10k lines of soft chrome (`Partager`) between paragraphs.
    SoftChrome,
}

impl Shape {
    /// Every shape, in report order.
    pub const ALL: [Shape; 10] = [
        Shape::Article,
        Shape::LongLine,
        Shape::BlankLines,
        Shape::Related,
        Shape::PhotoCredits,
        Shape::TitleLike,
        Shape::CreditLines,
        Shape::DistinctCredits,
        Shape::RelatedAndBylines,
        Shape::SoftChrome,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Article => "paragraphs (one huge body)",
            Shape::LongLine => "one long line",
            Shape::BlankLines => "blank lines",
            Shape::Related => "`>>` lines",
            Shape::PhotoCredits => "`Photo : VNA/CVN` lines",
            Shape::TitleLike => "short title-like lines",
            Shape::CreditLines => "`VNA/CVN` lines",
            Shape::DistinctCredits => "distinct credit lines",
            Shape::RelatedAndBylines => "`>>` + byline pairs",
            Shape::SoftChrome => "`Partager` + paragraph",
        }
    }

    /// The input at `scale` (1 = 10k units).
    pub fn build(self, scale: usize) -> String {
        const TITLE: &str = "Le Vietnam et la Russie renforcent leur coopération numérique\n\n";
        const PARA: &str = "Le 24 avril à Hanoï, l'Académie vietnamienne des sciences sociales a organisé un séminaire sur la coopération numérique entre les deux pays.\n\n";
        let n = scale * 10_000;
        let mut s = String::new();
        match self {
            Shape::Article => {
                s.push_str(TITLE);
                let paragraphs = body_paragraphs();
                for p in paragraphs.iter().cycle() {
                    if s.len() >= scale * 500_000 {
                        break;
                    }
                    s.push_str(p);
                    s.push_str("\n\n");
                }
            }
            Shape::LongLine => {
                let words = [
                    "coopération ",
                    "numérique ",
                    "Vietnam ",
                    "Russie ",
                    "l'Académie ",
                    "(VNA) ",
                    "Photo ",
                    "» ",
                    "24/04/2025 ",
                    "- ",
                ];
                let mut rng = Rng::new(7);
                while s.len() < scale * 500_000 {
                    s.push_str(words[rng.below(words.len())]);
                }
            }
            Shape::BlankLines => {
                s.push_str(TITLE);
                s.push_str(&"\n".repeat(n));
                s.push_str(PARA);
            }
            Shape::Related => {
                s.push_str(TITLE);
                for _ in 0..n {
                    s.push_str(">> Le Vietnam s’engage à renforcer la coopération avec l’ASEAN\n");
                }
            }
            Shape::PhotoCredits => {
                s.push_str(TITLE);
                for _ in 0..n {
                    s.push_str("Photo : VNA/CVN\n");
                }
            }
            Shape::TitleLike => {
                for i in 0..n {
                    s.push_str(
                        [
                            "Coopération numérique\n",
                            "Le Vietnam en tête\n",
                            "Hanoï accueille le sommet\n",
                        ][i % 3],
                    );
                }
            }
            Shape::CreditLines => {
                s.push_str(TITLE);
                s.push_str(PARA);
                for _ in 0..n {
                    s.push_str("VNA/CVN\n");
                }
            }
            Shape::DistinctCredits => {
                s.push_str(TITLE);
                s.push_str(PARA);
                for i in 0..n {
                    let a = char::from(b'A' + (i / 26 / 100_000 % 26) as u8);
                    let b = char::from(b'A' + (i / 100_000 % 26) as u8);
                    s.push_str(&format!("{a}{b}{:05}/VNA\n", i % 100_000));
                }
            }
            Shape::RelatedAndBylines => {
                s.push_str(TITLE);
                for _ in 0..n / 2 {
                    s.push_str(">> Le Vietnam s’engage à renforcer la coopération\n");
                    s.push_str("VietnamPlusVietnamPlus24/04/2025\n");
                }
            }
            Shape::SoftChrome => {
                s.push_str(TITLE);
                for _ in 0..n / 2 {
                    s.push_str(PARA);
                    s.push_str("Partager\n");
                }
                s.push_str(PARA);
            }
        }
        s
    }
}

/// The paragraphs of the seeds: their lines of more than 150 bytes.
pub fn body_paragraphs() -> Vec<String> {
    seeds()
        .iter()
        .flat_map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| l.len() > 150)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Options that accept the largest scaling inputs.
pub fn big_options() -> depeche::ParseOptions {
    depeche::ParseOptions::default().max_bytes(usize::MAX)
}

/// Runs `f` `iterations` times (after one warm-up run) and returns the median duration.
pub fn median_time<T>(iterations: usize, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f());
    let mut times: Vec<Duration> = (0..iterations.max(1))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// The throughputs of one corpus, taken in one run (MB/s).
#[derive(Debug, Clone, Copy)]
pub struct Throughputs {
    /// The limit: a memchr newline scan of the same bytes.
    pub scan: f64,
    /// `parse` (the borrowed view), one thread.
    pub view: f64,
    /// `parse_bytes` (the borrowed view, UTF-8 check included), one thread.
    pub bytes: f64,
    /// `parse(..).into_owned()`, one thread.
    pub owned: f64,
    /// `parse_many` on all cores.
    pub many: f64,
}

/// Measures the scan, the view (from `&str` and from bytes), the owned record and `parse_many`
/// on `docs` (median of `iterations` runs each). They are interleaved, run after run, so that
/// a drift of the machine (frequency, other load, the allocator warming up) weighs on all of
/// them alike.
pub fn throughputs<S: AsRef<str> + Sync>(docs: &[S], iterations: usize) -> Throughputs {
    let bytes = total_bytes(docs);
    let runs: [&dyn Fn() -> usize; 5] = [
        &|| newline_scan(docs),
        &|| parse_view(docs),
        &|| parse_bytes_view(docs),
        &|| parse_owned(docs),
        &|| parse_many(docs),
    ];
    let mut times = vec![Vec::new(); runs.len()];
    for round in 0..=iterations.max(1) {
        for (run, times) in runs.iter().zip(&mut times) {
            let t = Instant::now();
            std::hint::black_box(run());
            // Round 0 warms up.
            if round > 0 {
                times.push(t.elapsed());
            }
        }
    }
    let rate = |times: &mut Vec<Duration>| {
        times.sort();
        mb_per_s(bytes, times[times.len() / 2])
    };
    Throughputs {
        scan: rate(&mut times[0]),
        view: rate(&mut times[1]),
        bytes: rate(&mut times[2]),
        owned: rate(&mut times[3]),
        many: rate(&mut times[4]),
    }
}

/// Throughput in MB/s (10^6 bytes per second).
pub fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_deterministic_and_parse() {
        let a = corpus(CorpusKind::Variants, 50_000);
        let b = corpus(CorpusKind::Variants, 50_000);
        assert_eq!(a, b);
        assert!(total_bytes(&a) >= 50_000);
        assert!(parse_view(&a) > 0);
        assert_eq!(parse_view(&a), parse_owned(&a));
    }

    #[test]
    fn every_shape_builds_at_scale_one() {
        for shape in Shape::ALL {
            let s = shape.build(1);
            assert!(!s.is_empty(), "{}", shape.name());
        }
    }
}
