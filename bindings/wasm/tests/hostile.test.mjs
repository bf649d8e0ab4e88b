// Hostile and large inputs. A panic in wasm aborts the call with a WebAssembly.RuntimeError
// ("unreachable"), so each case checks that the outcome is an article or a DepecheError, and
// that the module still works afterwards.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, test } from "node:test";

import { depeche, pkgDir, seeds } from "./helpers.mjs";

const { parse, parseMany, toText, toMarkdown } = depeche;
const utf8 = (s) => new TextEncoder().encode(s);

/** Parse `text`: an article that follows the contract, or a DepecheError; never anything else. */
function outcome(text, options) {
  let article;
  try {
    article = parse(text, options);
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
    assert.equal(e.name, "DepecheError", `unexpected ${e.name}: ${e.message}`);
    assert.equal(typeof e.kind, "string");
    return e;
  }
  const length = utf8(text).length;
  for (const b of article.body) {
    const [start, end] = b.span;
    assert.ok(0 <= start && start <= end && end <= length, `span ${b.span} of ${length} bytes`);
    assert.ok(b.text === null || typeof b.text === "string");
  }
  for (const s of [article.title, article.lede, ...article.body.map((b) => b.text)]) {
    if (typeof s === "string") assert.ok(s.isWellFormed(), "a string with a lone surrogate");
  }
  return article;
}

const stillWorks = () =>
  assert.equal(parse("Un titre\n\nUn paragraphe du texte.\n\nVNA").body.length > 0, true);

/** Run `fn` and report how long it took; fail past `limitMs` (a linear-time guard). */
function timed(t, label, limitMs, fn) {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  t.diagnostic(`${label}: ${ms.toFixed(0)} ms`);
  assert.ok(ms < limitMs, `${label} took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  return result;
}

describe("hostile characters", () => {
  test("NUL bytes", () => {
    outcome("\0");
    outcome("\0".repeat(100_000));
    outcome("Titre\0\n\n\0Un paragraphe\0 du texte.\n\nVNA/\0CVN\0");
    const a = outcome("Un titre\n\nUn paragraphe avec un \0 au milieu.\n\nVNA");
    assert.ok(!(a instanceof Error));
    stillWorks();
  });

  test("lone surrogates become U+FFFD, and spans count its 3 bytes", () => {
    for (const s of ["\ud800", "\udc00", "\udfff\ud800", "a\ud83d", "\ud83db", "🇻🇳\ud800🇻🇳"]) {
      outcome(s);
      outcome(`Titre ${s}\n\nUn paragraphe ${s} du texte.\n\n${s}VNA/CVN`);
    }
    const text = "Un titre\n\nUn paragraphe \ud800 du texte.";
    const a = outcome(text);
    const paragraph = a.body.find((b) => b.text?.includes("paragraphe"));
    assert.ok(paragraph.text.includes("\ufffd"), paragraph.text);
    assert.equal(paragraph.span[1], utf8(text.replace("\ud800", "\ufffd")).length);
    assert.ok(toText(text).isWellFormed());
    stillWorks();
  });

  test("odd line breaks, BOM, controls, bidi and combining marks", () => {
    const body = "Un paragraphe du texte.";
    for (const sep of ["\r\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f", "\n\r"]) {
      outcome(`Titre${sep}${sep}${body}${sep}${sep}VNA/CVN${sep}`);
    }
    outcome("\ufeffTitre\n\n" + body);
    outcome("\ufeff".repeat(1000) + "x");
    outcome("\u202e\u0301\u200b".repeat(10_000));
    outcome("é".normalize("NFD").repeat(50_000));
    outcome(Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join("").repeat(100));
    stillWorks();
  });

  test("markup fragments of every recognizer, shuffled (seeded fuzz)", () => {
    const pieces = [
      ">>", ">> ", "Photo : ", "Photo: ", "(Source : ", ")", "VNA", "CVN", "/", "VNA/CVN", "-VNA",
      " –", "—", "(VNA) -", "Hanoï", "Source : ", "https://", "http://x.vn/a", "javascript:",
      "![](", "](", "|", " | ", "./.", "Comment (0)", "Voir plus", "Même catégorie", " date ",
      "2024-08", "24/04/2025", "31/02/2025", "VietnamPlusVietnamPlus", "ảnh 1", "Texte : ", ":",
      "\n", "\n\n", "\n\n\n\n", " ", "\t", ".", "..", "é", "🇻🇳", "\ud800", "\0", "\ufeff", "\r",
      "Le Vietnam", "a", "0", "9999", "(", "[", "]", "*", "#", "\\",
    ];
    let seed = 0x9e3779b9;
    const random = (n) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = "";
      const count = 1 + random(60);
      for (let j = 0; j < count; j++) text += pieces[random(pieces.length)];
      const strict = random(2) === 0;
      const result = outcome(text, { strict });
      if (!(result instanceof Error)) {
        assert.equal(typeof toText(text), "string");
        assert.equal(typeof toMarkdown(text), "string");
      }
    }
    stillWorks();
  });
});

describe("large inputs", () => {
  test("a million `>>` lines", (t) => {
    const text = ">> Lien\n".repeat(1_000_000);
    const a = timed(t, `${(utf8(text).length / 1e6).toFixed(1)} MB of related links`, 60_000, () =>
      outcome(text),
    );
    assert.ok(!(a instanceof Error), a.message);
    assert.ok(a.body.length >= 1);
    const strict = outcome(text, { strict: true });
    assert.ok(strict instanceof Error && strict.kind === "no_body", "only links: no body");
    stillWorks();
  });

  test("a 20 MB article", (t) => {
    // The body paragraphs of every seed, over and over, between a title and a credit.
    const paragraphs = seeds().flatMap((s) =>
      parse(s.text).body.filter((b) => b.kind === "paragraph").map((b) => b.text),
    );
    const unit = paragraphs.join("\n\n") + "\n\n";
    const copies = Math.ceil(20e6 / utf8(unit).length);
    const text = "Le Vietnam renforce sa coopération numérique\n\n" + unit.repeat(copies) + "VNA/CVN\n";
    const bytes = utf8(text).length;
    assert.ok(bytes >= 20e6);
    const a = timed(t, `parse ${(bytes / 1e6).toFixed(1)} MB`, 60_000, () => parse(text));
    assert.ok(a.body.length >= paragraphs.length * copies, `${a.body.length} blocks`);
    assert.deepEqual(a.agencies, ["VNA", "CVN"]);
    assert.ok(a.body.at(-1).span[1] <= bytes);
    const plain = timed(t, "toText", 60_000, () => toText(text));
    assert.ok(plain.length > 1e6);
    stillWorks();
  });

  test("a 10 MB line and 5 million blank lines", (t) => {
    const line = "Le Vietnam renforce sa coopération. ".repeat(300_000);
    const a = timed(t, "one 10 MB line", 60_000, () => outcome(line));
    assert.ok(!(a instanceof Error));
    timed(t, "blank lines", 60_000, () => outcome("\n".repeat(5_000_000) + "x" + "\n".repeat(5_000_000)));
    timed(t, "10 MB without spaces", 60_000, () => outcome("x".repeat(10_000_000)));
    stillWorks();
  });

  test("over the default 64 MiB limit: a too_large error, and the module goes on", (t) => {
    const text = "a".repeat(64 * 1024 * 1024 + 1);
    const e = timed(t, "65 MiB rejected", 30_000, () => outcome(text));
    assert.ok(e instanceof Error && e.kind === "too_large", String(e));
    assert.equal(e.offset, 64 * 1024 * 1024);
    stillWorks();
  });

  test("parseMany of 30 MB: read back in several batches, each text's article in its place", (t) => {
    // parseMany turns its articles into JS objects a few MiB of tape at a time (src/lib.rs).
    const base = seeds().map((s) => s.text);
    const first = (i) => `Le texte numéro ${i} du lot commence ici, avec une phrase complète.`;
    const texts = Array.from({ length: 1200 * base.length }, (_, i) => `${first(i)}\n\n${base[i % base.length]}`);
    const all = timed(t, `parseMany(${texts.length})`, 60_000, () => parseMany(texts));
    assert.equal(all.length, texts.length);
    for (let i = 0; i < texts.length; i += 97) assert.deepStrictEqual(all[i], parse(texts[i]), `texts[${i}]`);
    assert.deepStrictEqual(all.at(-1), parse(texts.at(-1)));
    assert.ok(all.every((a, i) => a.body.some((b) => b.text === first(i))), "an article out of its place");
  });

  test("a kept field does not keep its input alive", () => {
    // The strings are copies, not views of the input string (V8's sliced strings would keep
    // every 2 MB input alive for its 40-character title).
    const script = `
      const { parse, parseMany } = await import(${JSON.stringify(join(pkgDir, "node", "index.js"))});
      const kept = [];
      const input = (i) => "Le Vietnam renforce sa coopération numérique " + i + "\\n\\n" +
        "Un paragraphe du texte, avec Đà Nẵng et des accents. ".repeat(20_000) + "\\n\\nVNA/CVN\\n";
      for (let i = 0; i < 100; i++) kept.push(parse(input(i)).title);
      for (let i = 0; i < 10; i++) kept.push(...parseMany([input(i), input(i + 1)]).map((a) => a.title));
      globalThis.gc();
      console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed, kept: kept.length }));
    `;
    const out = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    const { heap, kept } = JSON.parse(out.stdout);
    assert.equal(kept, 120);
    // 120 inputs of 2 MB (UTF-16) each: 240 MB if the titles kept them.
    assert.ok(heap < 50e6, `${(heap / 1e6).toFixed(0)} MB still on the heap`);
  });

  test("parseMany of 2000 texts", (t) => {
    const texts = Array.from({ length: 400 }, () => seeds().map((s) => s.text)).flat();
    const all = timed(t, `parseMany(${texts.length})`, 60_000, () => parseMany(texts));
    assert.equal(all.length, texts.length);
    assert.deepStrictEqual(all[texts.length - 1], parse(texts.at(-1)));
  });
});
