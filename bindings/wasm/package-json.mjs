// Print the package.json of the npm package `depeche` (bindings/wasm/pkg/), from the output of
// `cargo metadata --no-deps` (argv[2]): version, license and repository come from the workspace.
import { readFileSync } from "node:fs";

const metadata = JSON.parse(readFileSync(process.argv[2], "utf8"));
const crate = metadata.packages.find((p) => p.name === "depeche-wasm");
if (!crate) throw new Error("depeche-wasm is not in the cargo metadata");

const web = { types: "./web/depeche.d.ts", default: "./web/depeche.js" };
const node = { types: "./node/index.d.ts", default: "./node/index.js" };

const pkg = {
  name: "depeche",
  version: crate.version,
  description:
    "Parse scraped French-language Vietnamese press articles (VNA, CVN, VietnamPlus, VOV...) " +
    "into clean, typed records. WebAssembly build of the depeche Rust library.",
  keywords: ["news", "parser", "vietnam", "french", "press", "wasm"],
  license: crate.license,
  repository: { type: "git", url: `git+${crate.repository}.git`, directory: "bindings/wasm" },
  type: "module",
  // Node gets the ESM glue that loads the wasm synchronously at import; browsers and bundlers
  // get the `--target web` glue (call `await init()` once). `types` covers older resolvers.
  exports: {
    ".": { node, browser: web, types: web.types, default: web.default },
    "./web": web,
    "./node": node,
    "./depeche_bg.wasm": "./web/depeche_bg.wasm",
    "./package.json": "./package.json",
  },
  main: node.default,
  module: web.default,
  browser: web.default,
  types: web.types,
  files: ["web/", "node/", "README.md", "LICENSE*"],
  engines: { node: ">=18" },
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
