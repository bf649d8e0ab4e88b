// A tiny static server for the demo, on 127.0.0.1 only:
//   node examples/web/serve.mjs [port]      (after scripts/build-wasm.sh)
// serves examples/web/ at / and the built package bindings/wasm/pkg/ at /pkg/.
// The browser test (bindings/wasm/tests/browser.test.mjs) starts it with port 0.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const roots = [
  ["/pkg/", resolve(here, "../../bindings/wasm/pkg")],
  ["/", here],
];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".ts": "text/plain; charset=utf-8",
  ".png": "image/png",
};

/** The file a URL path maps to, or null when it is outside the served folders. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  if (path.endsWith("/")) path += "index.html";
  for (const [prefix, root] of roots) {
    if (!path.startsWith(prefix)) continue;
    const file = resolve(root, "." + path.slice(prefix.length - 1));
    return file === root || file.startsWith(root + sep) ? file : null;
  }
  return null;
}

/** Start the server; resolves to the `http.Server` once it listens (see `server.address()`). */
export function serve(port = 0, host = "127.0.0.1") {
  const server = createServer((req, res) => {
    const file = fileFor(req.url ?? "/");
    let size = -1;
    try {
      if (file && (req.method === "GET" || req.method === "HEAD")) {
        const st = statSync(file);
        if (st.isFile()) size = st.size;
      }
    } catch {
      // missing: 404 below
    }
    if (size < 0) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": size,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  const { port } = server.address();
  console.log(`depeche demo: http://127.0.0.1:${port}/  (Ctrl-C to stop)`);
}
