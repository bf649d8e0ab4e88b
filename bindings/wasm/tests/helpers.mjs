// Shared paths and loaders of the Node tests. The tests run against the built package
// (bindings/wasm/pkg, from scripts/build-wasm.sh), as users get it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const wasmDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(wasmDir, "../..");
export const pkgDir = process.env.DEPECHE_PKG ? resolve(process.env.DEPECHE_PKG) : join(wasmDir, "pkg");
export const seedsDir = join(repoRoot, "seeds");

if (!existsSync(join(pkgDir, "package.json"))) {
  throw new Error(`no built package in ${pkgDir}: run scripts/build-wasm.sh first`);
}

/** The Node build of the package (what `import "depeche"` gives in Node). */
export const depeche = await import(join(pkgDir, "node", "index.js"));

/** The seed texts: `[{ name, path, text }]`, sorted by name. */
export function seeds() {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => {
      const path = join(seedsDir, name);
      return { name, path, text: readFileSync(path, "utf8") };
    });
}

/** Call `fn` and return what it throws (fails if it does not throw). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}
