// The package as users install it: `npm pack` of bindings/wasm/pkg, installed from the tarball
// into a fresh project in a temp folder (no registry access), then imported from Node by its
// name, and type-checked with TypeScript against its .d.ts files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { depeche, pkgDir, seedsDir, wasmDir } from "./helpers.mjs";

function run(cmd, args, cwd) {
  const out = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  assert.equal(out.status, 0, `${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

describe("npm pack, install and use", { timeout: 180_000 }, () => {
  let dir;
  let project;
  let packed;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "depeche-pack-"));
    [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], pkgDir));
    project = join(dir, "project");
    run("mkdir", ["-p", project], dir);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", join(dir, packed.filename)], project);
  });

  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  test("the tarball holds the two builds, the types, the README and nothing else", () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of [
      "README.md",
      "package.json",
      "node/index.js",
      "node/index.d.ts",
      "node/depeche.js",
      "node/depeche.d.ts",
      "node/depeche_bg.wasm",
      "web/depeche.js",
      "web/depeche.d.ts",
      "web/depeche_bg.wasm",
    ]) {
      assert.ok(files.includes(f), `${f} missing from ${files}`);
    }
    // The JS that reads the articles out of wasm (js/tape.js), which wasm-bindgen ships as a
    // "snippet" next to each build.
    for (const build of ["node", "web"]) {
      const snippet = new RegExp(`^${build}/snippets/depeche-wasm-[0-9a-f]+/js/tape\\.js$`);
      assert.ok(files.some((f) => snippet.test(f)), `no ${build}/snippets/.../js/tape.js in ${files}`);
    }
    for (const f of files) {
      assert.match(f, /^(README\.md|LICENSE.*|package\.json|(node|web)\/([\w.]+|snippets\/depeche-wasm-[0-9a-f]+\/js\/[\w.]+))$/, f);
    }
    assert.equal(packed.name, "depeche");
    const size = packed.size / 1024;
    assert.ok(size < 1024, `tarball of ${size.toFixed(0)} KiB`);
  });

  test("Node imports it by name and gets the same articles", () => {
    const seed = join(seedsDir, "001_3aa7b4cd8e1f1c2b.txt");
    writeFileSync(
      join(project, "use.mjs"),
      `import init, { parse, parseMany, toText, version } from "depeche";
import pkg from "depeche/package.json" with { type: "json" };
import { readFileSync } from "node:fs";
await init();
const text = readFileSync(${JSON.stringify(seed)}, "utf8");
let error;
try { parse(""); } catch (e) { error = { isError: e instanceof Error, kind: e.kind, offset: e.offset }; }
console.log(JSON.stringify({
  article: parse(text), many: parseMany([text]).length, text: toText(text),
  version: version(), pkgVersion: pkg.version, error,
  resolved: import.meta.resolve("depeche"),
}));
`,
    );
    const out = JSON.parse(run(process.execPath, ["use.mjs"], project));
    const text = readFileSync(seed, "utf8");
    assert.deepStrictEqual(out.article, depeche.parse(text));
    assert.equal(out.article.title, "Le Vietnam réaffirme son engagement en matière de transformation numérique");
    assert.equal(out.many, 1);
    assert.equal(out.text, depeche.toText(text));
    assert.equal(out.version, out.pkgVersion);
    assert.deepEqual(out.error, { isError: true, kind: "empty", offset: 0 });
    assert.match(out.resolved, /node_modules\/depeche\/node\/index\.js$/);
  });

  test("CommonJS code loads it with import()", () => {
    writeFileSync(
      join(project, "use.cjs"),
      `import("depeche").then((d) => console.log(d.parse("Un titre\\n\\nUn paragraphe du texte.\\n\\nVNA").agencies.join()));\n`,
    );
    assert.equal(run(process.execPath, ["use.cjs"], project).trim(), "VNA");
  });

  test("the TypeScript types check (node16 and bundler resolution)", () => {
    writeFileSync(
      join(project, "check.ts"),
      `import init, { parse, parseMany, toText, toMarkdown, version } from "depeche";
import type { Article, Block, BlockKind, Credit, DepecheError, ErrorKind, ParseOptions } from "depeche";

await init();
const options: ParseOptions = { strict: false, maxBytes: 1 << 20, agencies: { CPV: ["Dang Cong San"] } };
const a: Article = parse("Un titre\\n\\nUn paragraphe.", options);
const fields: (string | null)[] = [a.site, a.title, a.lede, a.byline, a.date, a.category, a.source_url];
const credits: Credit[] = a.credits;
const agencies: string[] = [...a.agencies, ...credits.flatMap((c) => c.agencies)];
const body: Block[] = a.body;
const kinds: BlockKind[] = body.map((b) => b.kind);
const spans: [number, number][] = body.map((b) => b.span);
const texts: (string | null)[] = body.map((b) => b.text ?? b.credit);
const lists: string[] = [...a.boilerplate, ...a.warnings];
const many: Article[] = parseMany(["a", "b"]);
const rendered: string = toText("x") + toMarkdown("x", {}) + version();
try {
  parse("");
} catch (e) {
  const err = e as DepecheError;
  const kind: ErrorKind = err.kind;
  const where: number | null = err.offset ?? err.line;
  const index: number | undefined = err.index;
  console.log(kind, where, index, err.message);
}
// @ts-expect-error: options are camelCase
parse("x", { max_bytes: 1 });
// @ts-expect-error: the text is a string
parse(42);
// @ts-expect-error: a title may be null
const title: string = a.title;
// @ts-expect-error: not a block kind
const bad: BlockKind = "table";
console.log(fields, agencies, kinds, spans, texts, lists, many, rendered, title, bad);
`,
    );
    const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
    const common = ["--noEmit", "--strict", "--target", "es2022", "--types", "", "--skipLibCheck", "false", "check.ts"];
    run(process.execPath, [tsc, "--module", "nodenext", "--moduleResolution", "nodenext", ...common], project);
    run(process.execPath, [tsc, "--module", "esnext", "--moduleResolution", "bundler", ...common], project);
  });
});
