// The wasm package reads every seed exactly as the Rust CLI does: `depeche parse FILE` prints the
// JSON contract, and the object `parse` returns must be deep-equal to it (same keys, same
// values, plain objects and arrays, null for absent fields); `--render text|markdown` must give
// what `toText`/`toMarkdown` return.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { depeche, repoRoot, seeds } from "./helpers.mjs";

const cli = process.env.DEPECHE_CLI || join(repoRoot, "target", "debug", "depeche");
const haveCli = existsSync(cli);
// scripts/test-wasm.sh builds the CLI and sets DEPECHE_REQUIRE_CLI=1; a bare `npm test` without
// it falls back to the golden fields of seeds/*.expected.json.
if (!haveCli && process.env.DEPECHE_REQUIRE_CLI === "1") {
  throw new Error(`no CLI at ${cli}: cargo build -p depeche-cli`);
}

function runCli(...args) {
  const out = spawnSync(cli, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(out.status, 0, `${cli} ${args.join(" ")} failed: ${out.stderr}`);
  return out.stdout;
}

const all = seeds();
test("there are seeds to compare", () => assert.ok(all.length >= 5, `${all.length} seeds`));

describe("parse() equals the CLI JSON", { skip: !haveCli && "no CLI binary" }, () => {
  for (const seed of all) {
    test(seed.name, () => {
      const expected = JSON.parse(runCli("parse", seed.path));
      assert.deepStrictEqual(depeche.parse(seed.text), expected);
    });
  }
  test("parseMany() of all seeds equals the CLI JSON of each", () => {
    const expected = all.map((s) => JSON.parse(runCli("parse", s.path)));
    assert.deepStrictEqual(depeche.parseMany(all.map((s) => s.text)), expected);
  });
});

describe("toText()/toMarkdown() equal the CLI renderings", { skip: !haveCli && "no CLI binary" }, () => {
  for (const seed of all) {
    test(seed.name, () => {
      assert.equal(depeche.toText(seed.text), runCli("parse", "--render", "text", seed.path));
      assert.equal(depeche.toMarkdown(seed.text), runCli("parse", "--render", "markdown", seed.path));
    });
  }
});

// Fallback while no CLI binary is built: the golden reading of each seed.
describe("parse() matches seeds/*.expected.json", { skip: haveCli && "compared to the CLI" }, () => {
  for (const seed of all) {
    const goldenPath = seed.path.replace(/\.txt$/, ".expected.json");
    if (!existsSync(goldenPath)) continue;
    test(seed.name, () => {
      const golden = JSON.parse(readFileSync(goldenPath, "utf8"));
      const a = depeche.parse(seed.text);
      const texts = (kind) => a.body.filter((b) => b.kind === kind).map((b) => b.text);
      const paragraphs = texts("paragraph");
      for (const key of ["site", "title", "lede", "byline", "date", "category", "source_url", "agencies"]) {
        if (key in golden) assert.deepStrictEqual(a[key], golden[key], key);
      }
      if ("credits" in golden) assert.deepStrictEqual(a.credits.map((c) => c.text), golden.credits);
      if ("first_body_paragraph" in golden) assert.equal(paragraphs[0] ?? null, golden.first_body_paragraph);
      if ("last_body_paragraph" in golden) assert.equal(paragraphs.at(-1) ?? null, golden.last_body_paragraph);
      if ("headings" in golden) assert.deepStrictEqual(texts("heading"), golden.headings);
      if ("related" in golden) assert.deepStrictEqual(texts("related"), golden.related);
      if ("captions" in golden) {
        const captions = a.body.filter((b) => b.kind === "caption").map(({ text, credit }) => ({ text, credit }));
        assert.deepStrictEqual(captions, golden.captions);
      }
    });
  }
});
