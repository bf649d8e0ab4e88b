export * from "./depeche.js";

/** Does nothing in Node: the module is ready at import (kept for code shared with browsers). */
export default function init(moduleOrPath?: unknown): Promise<void>;

/** Does nothing in Node: the module is ready at import (kept for code shared with browsers). */
export function initSync(module?: unknown): void;
