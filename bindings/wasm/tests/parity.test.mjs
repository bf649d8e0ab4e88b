// The wasm package reads every seed exactly as the Rust CLI does: `depeche parse FILE` prints the
// JSON contract, and the object `parse` returns must be deep-equal to it (same keys, same
// values, plain objects and arrays, null for absent fields); `--render text|markdown` must give
// what `toText`/`toMarkdown` return.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";

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
      const article = depeche.parse(seed.text);
      assert.deepStrictEqual(article, expected);
      // The keys in the same order too.
      assert.equal(JSON.stringify(article), JSON.stringify(expected));
    });
  }
  test("parseMany() of all seeds equals the CLI JSON of each", () => {
    const expected = all.map((s) => JSON.parse(runCli("parse", s.path)));
    assert.deepStrictEqual(depeche.parseMany(all.map((s) => s.text)), expected);
  });
});

// The strings of an article reach JS as slices of the input string, by UTF-16 offsets computed
// from UTF-8 ones (see src/tape.rs): inputs where the two differ most, where fields come out of
// order, and where U+FFFD (maybe a lone surrogate in JS) stands in the text. The CLI reads the
// UTF-8 encoding of the text, in which a lone surrogate is U+FFFD, as the binding reads it.
const tricky = (() => {
  const [first] = all;
  const astral = "🇻🇳 Le Vietnam et la Chine 中国 renforcent leur coopération 𝒜\n\n";
  const paragraph = "Un paragraphe 𝒜 avec des caractères 😀 hors du plan de base et des accents : ảnh, Đà Nẵng.\n\n";
  return {
    astral: astral + paragraph.repeat(40) + "Photo : VNA/CVN\n\nSource : https://example.vn/a-😀\n\nVNA/CVN\n",
    "astral before every seed": all.map((s) => astral + s.text).join("\n\n"),
    "all seeds as one article": all.map((s) => s.text).join("\n\n"),
    "a long article, its credits and source at the end": astral + paragraph.repeat(2000) + first.text,
    "U+FFFD in the text": "Titre \ufffd du texte\n\nUn paragraphe avec \ufffd au milieu.\n\nVNA/CVN\n",
    "lone surrogates": "Titre \ud800 du texte\n\nUn paragraphe avec \udc00 au milieu 😀.\n\nVNA/CVN\n",
    "lone surrogates and U+FFFD": "Titre \ufffd\ud800 du texte\n\n" + paragraph + "Un \ufffd paragraphe \udfff.\n\n" + first.text,
    "NUL and controls": "Titre\0 du texte\n\nUn paragraphe\0 du texte \u0001.\n\nVNA/\0CVN\0",
    "CRLF": first.text.replace(/\n/g, "\r\n"),
  };
})();

describe("parse() equals the CLI JSON on tricky inputs", { skip: !haveCli && "no CLI binary" }, () => {
  const dir = mkdtempSync(join(tmpdir(), "depeche-parity-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const expected = {};
  const cliJson = (name, text) => {
    const path = join(dir, `${Object.keys(tricky).indexOf(name)}.txt`);
    writeFileSync(path, text); // UTF-8; a lone surrogate is written as U+FFFD
    return (expected[name] ??= JSON.parse(runCli("parse", path)));
  };
  for (const [name, text] of Object.entries(tricky)) {
    test(name, () => {
      const article = depeche.parse(text);
      assert.deepStrictEqual(article, cliJson(name, text));
      assert.equal(JSON.stringify(article), JSON.stringify(cliJson(name, text)));
    });
  }
  test("parseMany() of them all", () => {
    const names = Object.keys(tricky);
    assert.deepStrictEqual(
      depeche.parseMany(names.map((n) => tricky[n])),
      names.map((n) => cliJson(n, tricky[n])),
    );
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
