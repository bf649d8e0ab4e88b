// End-to-end test of the web demo (examples/web) in headless Chromium (Debian's `chromium`),
// driven by playwright-core and served by examples/web/serve.mjs on 127.0.0.1. A person pastes
// a seed and sees its title and credits; a screenshot is saved to target/wasm-demo.png.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { repoRoot, seedsDir } from "./helpers.mjs";

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const skip =
  process.env.DEPECHE_SKIP_BROWSER === "1"
    ? "DEPECHE_SKIP_BROWSER=1"
    : !existsSync(chromiumPath) && process.env.CI !== "true" && `no ${chromiumPath}`;

const seed = (name) => readFileSync(join(seedsDir, name), "utf8");
const SEED_001 = "001_3aa7b4cd8e1f1c2b.txt";
const SEED_000 = "000_a0290fbbf6effce8.txt";

describe("web demo in headless Chromium", { skip, timeout: 120_000 }, () => {
  let server;
  let context;
  let page;
  let base;
  let profile;
  const problems = []; // console errors, page errors, failed requests

  before(async () => {
    const { chromium } = await import("playwright-core");
    const { serve } = await import(join(repoRoot, "examples", "web", "serve.mjs"));
    server = await serve(0, "127.0.0.1");
    base = `http://127.0.0.1:${server.address().port}/`;
    profile = mkdtempSync(join(tmpdir(), "depeche-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      viewport: { width: 1400, height: 900 },
    });
    // Nothing but the local server may be reached.
    await context.route(
      (url) => !url.href.startsWith(base),
      (route) => {
        problems.push(`blocked request to ${route.request().url()}`);
        return route.abort();
      },
    );
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    await page.goto(base);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  });

  after(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test("the page loads the wasm package", async () => {
    assert.match(await page.textContent("#status"), /^depeche \d+\.\d+\.\d+ ready\.$/);
  });

  test("pasting a seed shows its title, credits and clean text", async () => {
    const text = seed(SEED_001);
    await page.fill("#input", text);
    const title = "Le Vietnam réaffirme son engagement en matière de transformation numérique";
    await page.waitForFunction((t) => document.getElementById("title").textContent === t, title);
    assert.deepEqual(await page.locator("#credits .credit").allTextContents(), ["VNA/CVN"]);
    assert.deepEqual(await page.locator("#agencies .agency").allTextContents(), ["VNA", "CVN"]);
    const clean = await page.textContent("#clean");
    assert.ok(clean.startsWith(title), clean.slice(0, 200));
    assert.match(clean, /L'ambassadeur Dang Hoàng Giang, chef de la Mission permanente/);
    assert.equal(await page.isHidden("#error"), true);

    mkdirSync(join(repoRoot, "target"), { recursive: true });
    const shot = join(repoRoot, "target", "wasm-demo.png");
    await page.screenshot({ path: shot, fullPage: false });
    assert.ok(readFileSync(shot).length > 10_000, "screenshot is suspiciously small");
  });

  test("an http(s) source URL is a link", async () => {
    await page.fill("#input", seed(SEED_000));
    const url =
      "https://www.vietnamplus.vn/viet-nam-va-lien-bang-nga-tang-cuong-day-manh-hop-tac-trong-thoi-dai-so-post1034886.vnp";
    await page.waitForSelector("#source a");
    assert.equal(await page.getAttribute("#source a", "href"), url);
    assert.equal(await page.textContent("#source a"), url);
    assert.equal(await page.getAttribute("#source a", "rel"), "noopener noreferrer nofollow");
    assert.equal(await page.textContent("#byline"), "VietnamPlus");
    assert.equal(await page.textContent("#date"), "2025-04-24");
  });

  test("markup in the article is shown as text, never run", async () => {
    const hostile = [
      `<img src=x onerror="window.__xss=1">Un titre <b>gras</b>`,
      "",
      `Un paragraphe <script>window.__xss=2</script> avec <a href="javascript:window.__xss=3">un lien</a>.`,
      "",
      "Source : javascript:window.__xss=4",
    ].join("\n");
    await page.fill("#input", hostile);
    await page.waitForFunction(() => document.getElementById("clean").textContent.includes("<script>"));
    assert.equal(await page.locator("main img, main script, main b, #clean a").count(), 0);
    assert.equal(await page.locator("#source a").count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test("the example button and an empty input", async () => {
    await page.click("#example");
    await page.waitForFunction(() => document.getElementById("title").textContent.length > 0);
    assert.match(await page.textContent("#title"), /Laos/);
    await page.click("#clear");
    assert.equal(await page.textContent("#title"), "");
    assert.equal(await page.isHidden("#error"), true);
  });

  test("no console error, page error or outside request", () => {
    assert.deepEqual(problems, []);
  });
});
