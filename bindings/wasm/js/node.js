// Node entry of the npm package `depeche`. The wasm module is compiled and instantiated
// synchronously at import, so `init` and `initSync` do nothing: they are here so that code
// written for browsers (`await init()`) runs unchanged in Node.
export * from "./depeche.js";

/** Does nothing in Node: the module is ready at import. */
export default async function init() {}

/** Does nothing in Node: the module is ready at import. */
export function initSync() {}
