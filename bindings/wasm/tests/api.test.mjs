// The JS API: shapes of the returned objects, options, errors, parseMany, the web build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { depeche, pkgDir, seeds, thrown } from "./helpers.mjs";

const { parse, parseMany, toText, toMarkdown, version } = depeche;
const SAMPLE = [
  "Le Vietnam renforce sa coopération numérique",
  "",
  "Le Vietnam et la Russie ont signé un accord le 24 avril à Hanoï.",
  "",
  "Les deux pays vont échanger des experts.",
  "",
  "VNA/CVN",
].join("\n");

/** A thrown parse error: a real Error named DepecheError, with kind, offset and line. */
function assertParseError(e, kind) {
  assert.ok(e instanceof Error, `not an Error: ${e}`);
  assert.equal(e.name, "DepecheError");
  assert.equal(e.kind, kind);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 0);
  assert.equal(typeof e.offset, "number");
  assert.ok(e.line === null || typeof e.line === "number");
  assert.match(String(e.stack), /DepecheError/);
}

/** A bad argument: a TypeError (or RangeError) with kind invalid_argument. */
function assertArgumentError(e, Class = TypeError, pattern) {
  assert.ok(e instanceof Class, `not a ${Class.name}: ${e}`);
  assert.equal(e.kind, "invalid_argument");
  assert.equal(e.offset, null);
  assert.equal(e.line, null);
  if (pattern) assert.match(e.message, pattern);
}

/** Every object is a plain object, no value is undefined, no Map: JSON round-trips exactly. */
function assertJsonShaped(value, path = "article") {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return;
  assert.notEqual(value, undefined, `${path} is undefined`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonShaped(v, `${path}[${i}]`));
    return;
  }
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is not a plain object`);
  for (const [k, v] of Object.entries(value)) assertJsonShaped(v, `${path}.${k}`);
}

describe("parse", () => {
  test("reads the fields of a simple article", () => {
    const a = parse(SAMPLE);
    assert.equal(a.title, "Le Vietnam renforce sa coopération numérique");
    assert.deepEqual(a.agencies, ["VNA", "CVN"]);
    assert.deepEqual(a.credits, [{ text: "VNA/CVN", agencies: ["VNA", "CVN"] }]);
    assert.equal(a.body.filter((b) => b.kind === "paragraph").length, 2);
  });

  test("follows the JSON contract: every key, null not undefined, plain objects", () => {
    for (const seed of seeds()) {
      const a = parse(seed.text);
      for (const key of ["site", "title", "lede", "byline", "date", "category", "source_url"]) {
        assert.ok(key in a, `${seed.name}: no ${key}`);
        assert.ok(a[key] === null || typeof a[key] === "string", `${seed.name}: ${key}`);
      }
      for (const key of ["credits", "agencies", "body", "boilerplate", "warnings"]) {
        assert.ok(Array.isArray(a[key]), `${seed.name}: ${key} is not an array`);
      }
      assert.ok(a.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date), a.date);
      for (const b of a.body) {
        assert.deepEqual(Object.keys(b).sort(), ["credit", "kind", "span", "text"]);
        assert.ok(["paragraph", "heading", "caption", "related", "image"].includes(b.kind), b.kind);
      }
      for (const c of a.credits) assert.deepEqual(Object.keys(c).sort(), ["agencies", "text"]);
      assertJsonShaped(a);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), a);
    }
  });

  test("spans are byte offsets into the UTF-8 input", () => {
    for (const seed of seeds()) {
      const bytes = new TextEncoder().encode(seed.text);
      const decoder = new TextDecoder("utf-8", { fatal: true });
      for (const b of parse(seed.text).body) {
        const [start, end] = b.span;
        assert.ok(Number.isInteger(start) && Number.isInteger(end) && start <= end, `${b.span}`);
        assert.ok(end <= bytes.length, `${seed.name}: span ${b.span} past ${bytes.length}`);
        // On char boundaries: the slice decodes as strict UTF-8.
        const source = decoder.decode(bytes.subarray(start, end));
        if (b.kind === "heading") assert.ok(source.includes(b.text), `${b.text} not in ${source}`);
      }
    }
  });

  test("spans count UTF-8 bytes, not UTF-16 units", () => {
    const prefix = "Hanoï ảnh 🇻🇳\n\n"; // 2- and 3-byte chars, and an astral pair
    const a = parse(prefix + SAMPLE);
    const plain = parse(SAMPLE);
    const shift = new TextEncoder().encode(prefix).length;
    assert.notEqual(shift, prefix.length);
    const last = (x) => x.body.at(-1).span;
    assert.deepEqual(last(a), last(plain).map((n) => n + shift));
  });

  test("options: undefined, null and {} mean the defaults", () => {
    const plain = parse(SAMPLE);
    assert.deepStrictEqual(parse(SAMPLE, undefined), plain);
    assert.deepStrictEqual(parse(SAMPLE, null), plain);
    assert.deepStrictEqual(parse(SAMPLE, {}), plain);
    assert.deepStrictEqual(parse(SAMPLE, { strict: undefined, maxBytes: null }), plain);
  });

  test("options.maxBytes counts UTF-8 bytes, inclusive; Infinity means no limit", () => {
    const bytes = new TextEncoder().encode(SAMPLE).length;
    assert.ok(bytes > SAMPLE.length);
    assert.equal(parse(SAMPLE, { maxBytes: bytes }).title, parse(SAMPLE).title);
    const e = thrown(() => parse(SAMPLE, { maxBytes: bytes - 1 }));
    assertParseError(e, "too_large");
    assert.equal(e.offset, bytes - 1);
    assert.match(e.message, new RegExp(`${bytes} bytes`));
    assert.equal(parse(SAMPLE, { maxBytes: Infinity }).title, parse(SAMPLE).title);
    assert.equal(parse(SAMPLE, { maxBytes: 2 ** 53 }).title, parse(SAMPLE).title);
    assertParseError(thrown(() => parse("x", { maxBytes: 0 })), "too_large");
  });

  test("options.strict: no body paragraph is an error", () => {
    const text = ">> Un article lié\n>> Un autre article lié"; // related links only
    parse(text); // lenient by default
    const e = thrown(() => parse(text, { strict: true }));
    assertParseError(e, "no_body");
    assert.equal(e.offset, new TextEncoder().encode(text).length);
    assert.equal(parse(SAMPLE, { strict: true }).title, parse(SAMPLE).title);
  });

  test("options.agencies extends the built-in table", () => {
    const text = SAMPLE.replace("VNA/CVN", "VNA/Dang Cong San");
    const custom = parse(text, { agencies: { CPV: ["Dang Cong San", "ĐCSVN"] } });
    assert.ok(custom.agencies.includes("CPV"), JSON.stringify(custom.credits));
    assert.ok(custom.agencies.includes("VNA"), "the built-in agencies are still known");
    assert.ok(!parse(text).agencies.includes("CPV"));
    assert.deepStrictEqual(parse(SAMPLE, { agencies: {} }), parse(SAMPLE));
  });
});

describe("errors", () => {
  test("empty and blank inputs", () => {
    for (const text of ["", " ", "\n\n\t  \n", "\u00a0\ufeff"]) {
      const e = thrown(() => parse(text));
      assertParseError(e, "empty");
      assert.equal(e.offset, new TextEncoder().encode(text).length);
      assert.equal(e.line, null);
    }
  });

  test("the text must be a string", () => {
    for (const bad of [undefined, null, 42, true, {}, ["a"], new Uint8Array([65]), Symbol("s"), 10n, () => "x"]) {
      assertArgumentError(thrown(() => parse(bad)), TypeError, /text must be a string/);
      assertArgumentError(thrown(() => toText(bad)));
      assertArgumentError(thrown(() => toMarkdown(bad)));
    }
    assertArgumentError(thrown(() => parse()), TypeError, /got undefined/);
    assertArgumentError(thrown(() => parse(null)), TypeError, /got null/);
    assertArgumentError(thrown(() => parse([])), TypeError, /got an array/);
  });

  test("options must be an object of known keys and types", () => {
    const cases = [
      [42, /options must be an object, got number/],
      ["strict", /options must be an object, got string/],
      [[true], /options must be an object, got an array/],
      [{ max_bytes: 10 }, /unknown option "max_bytes"/],
      [{ strict: "yes" }, /options.strict must be a boolean, got string/],
      [{ strict: 1 }, /options.strict must be a boolean/],
      [{ maxBytes: "10" }, /options.maxBytes must be a number, got string/],
      [{ maxBytes: 10n }, /options.maxBytes must be a number, got bigint/],
      [{ agencies: [] }, /options.agencies must be an object, got an array/],
      [{ agencies: "VNA" }, /options.agencies must be an object/],
      [{ agencies: { CPV: "Dang Cong San" } }, /options.agencies\["CPV"\] must be an array of strings/],
      [{ agencies: { CPV: [1] } }, /must be an array of strings/],
      [{ agencies: { CPV: null } }, /must be an array of strings/],
    ];
    for (const [options, pattern] of cases) {
      assertArgumentError(thrown(() => parse(SAMPLE, options)), TypeError, pattern);
    }
    for (const maxBytes of [-1, 1.5, NaN, -Infinity]) {
      assertArgumentError(thrown(() => parse(SAMPLE, { maxBytes })), RangeError, /maxBytes/);
    }
  });

  test("a throwing getter in the options propagates its own error", () => {
    const options = {
      get strict() {
        throw new Error("boom");
      },
    };
    assert.throws(() => parse(SAMPLE, options), /boom/);
    assert.equal(parse(SAMPLE).title, "Le Vietnam renforce sa coopération numérique");
  });

  test("the module keeps working after errors", () => {
    for (let i = 0; i < 200; i++) {
      thrown(() => parse(""));
      thrown(() => parse(SAMPLE, { nope: 1 }));
    }
    assert.equal(parse(SAMPLE).title, "Le Vietnam renforce sa coopération numérique");
  });
});

describe("parseMany", () => {
  test("equals parse() of each text, in order", () => {
    const texts = seeds().map((s) => s.text);
    assert.deepStrictEqual(parseMany(texts), texts.map((t) => parse(t)));
    assert.deepStrictEqual(parseMany([]), []);
    assert.deepStrictEqual(parseMany([SAMPLE], { strict: true }), [parse(SAMPLE)]);
  });

  test("throws the first failure with its index", () => {
    const e = thrown(() => parseMany([SAMPLE, SAMPLE, "  ", ""]));
    assertParseError(e, "empty");
    assert.equal(e.index, 2);
    assert.match(e.message, /^texts\[2\]: empty input/);
    const tooLarge = thrown(() => parseMany([SAMPLE, "x".repeat(1000)], { maxBytes: 999 }));
    assert.equal(tooLarge.kind, "too_large");
    assert.equal(tooLarge.index, 1);
  });

  test("checks its arguments", () => {
    assertArgumentError(thrown(() => parseMany(SAMPLE)), TypeError, /texts must be an array/);
    assertArgumentError(thrown(() => parseMany(undefined)), TypeError, /texts must be an array/);
    const e = thrown(() => parseMany([SAMPLE, 42]));
    assertArgumentError(e, TypeError, /texts\[1\]: each text must be a string, got number/);
    assert.equal(e.index, 1);
    assertArgumentError(thrown(() => parseMany([SAMPLE], { strict: "no" })));
  });
});

describe("renderings and metadata", () => {
  test("toText and toMarkdown", () => {
    const text = toText(SAMPLE);
    assert.ok(text.startsWith("Le Vietnam renforce sa coopération numérique"), text);
    assert.ok(text.includes("Les deux pays vont échanger des experts."));
    const md = toMarkdown(SAMPLE);
    assert.match(md, /^# Le Vietnam renforce sa coopération numérique/);
    assertParseError(thrown(() => toText("")), "empty");
    assertParseError(thrown(() => toMarkdown("x", { maxBytes: 0 })), "too_large");
  });

  test("version() is the package version", () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    assert.equal(version(), pkg.version);
    assert.match(version(), /^\d+\.\d+\.\d+/);
  });

  test("the Node entry has a no-op init for code shared with browsers", async () => {
    assert.equal(typeof depeche.default, "function");
    await depeche.default();
    depeche.initSync();
    assert.equal(parse(SAMPLE).title, "Le Vietnam renforce sa coopération numérique");
  });

  test("the web build works after initSync with the wasm bytes", async () => {
    const web = await import(join(pkgDir, "web", "depeche.js"));
    web.initSync({ module: readFileSync(join(pkgDir, "web", "depeche_bg.wasm")) });
    for (const seed of seeds()) assert.deepStrictEqual(web.parse(seed.text), parse(seed.text));
    const e = thrown(() => web.parse(""));
    assert.ok(e instanceof Error);
    assert.equal(e.kind, "empty");
  });
});
