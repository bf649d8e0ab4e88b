// The wasm binding (Node) against native Rust on the same corpus (target: within 2x).
//
//   cargo build --release -p depeche-benches --bins
//   target/release/corpus dump variants 20 target/bench-corpus/variants-20.txt
//   scripts/build-wasm.sh             # builds bindings/wasm/pkg
//   node benches/wasm_vs_native.mjs target/bench-corpus/variants-20.txt [runs]
//
// Times `parse(doc)` for every document and `parseMany(docs)` (wasm is single-threaded)
// against native `parse` (borrowed view, one thread), median of the runs. The native figures
// come from `target/release/corpus time <file>` on the same file.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [corpusPath, runsArg] = process.argv.slice(2);
if (!corpusPath) {
  console.error("usage: node benches/wasm_vs_native.mjs <corpus file> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const depeche = await import(pathToFileURL(join(root, "bindings/wasm/pkg/node/index.js")).href);
const init = depeche.init ?? depeche.default;
if (typeof init === "function") await init();

const docs = readFileSync(corpusPath, "utf8").split("\0");
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d, "utf8"), 0) / 1e6;

function median(fn) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const native = JSON.parse(
  execFileSync(join(root, "target/release/corpus"), ["time", corpusPath, String(Math.max(runs, 5))], {
    encoding: "utf8",
  }),
);
const single = mb / median(() => { for (const d of docs) depeche.parse(d); });
const many = typeof depeche.parseMany === "function" ? mb / median(() => depeche.parseMany(docs)) : NaN;
console.log(`corpus: ${docs.length} documents, ${mb.toFixed(1)} MB; node ${process.version}`);
console.log("| call | wasm MB/s | native MB/s (parse, 1 thread) | native / wasm |");
console.log("|---|---|---|---|");
console.log(`| parse, each document | ${single.toFixed(1)} | ${native.view_mbps.toFixed(1)} | ${(native.view_mbps / single).toFixed(2)}x |`);
console.log(`| parseMany | ${many.toFixed(1)} | ${native.view_mbps.toFixed(1)} | ${(native.view_mbps / many).toFixed(2)}x |`);
