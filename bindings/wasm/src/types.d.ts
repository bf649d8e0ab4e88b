
/**
 * A parsed article: the JSON contract of depeche (docs/FORMAT.md in the repository).
 * Absent fields are `null`, never `undefined`; lists are always present (maybe empty).
 */
export interface Article {
  /** The platform named by a site header line (`"Vietnam.vn"`). */
  site: string | null;
  /** The headline. */
  title: string | null;
  /** The chapeau: the paragraph right after the title, when the layout marks one. */
  lede: string | null;
  /** The outlet or author named in a byline (`"VietnamPlus"`). */
  byline: string | null;
  /** The publication date to the precision printed: `"YYYY-MM-DD"`, `"YYYY-MM"` or `"YYYY"`. */
  date: string | null;
  /** The category named in a date header. */
  category: string | null;
  /** The `Source :` URL (http or https only). */
  source_url: string | null;
  /** Article credits as printed (not photo credits), de-duplicated, in order. */
  credits: Credit[];
  /** Canonical agency names of all credits, in order of first appearance (`["VNA", "CVN"]`). */
  agencies: string[];
  /** The body: paragraphs, headings, captions, related links, images. */
  body: Block[];
  /** Page chrome removed from the text (`"Comment (0)"`, menus...), in order. */
  boilerplate: string[];
  /** Diagnostics about doubtful readings. */
  warnings: string[];
}

/** A credit line of the article, as printed. */
export interface Credit {
  /** The credit without dashes, parentheses or `Texte :` labels (`"VNA/CVN"`). */
  text: string;
  /** Canonical agency names found in it; personal names are dropped. */
  agencies: string[];
}

/** The kind of a body block. */
export type BlockKind = "paragraph" | "heading" | "caption" | "related" | "image";

/** One element of the article body. */
export interface Block {
  kind: BlockKind;
  /** The cleaned text; `null` for a caption that holds only a credit (`Photo : VNA/CVN`). */
  text: string | null;
  /** The credit printed with a caption (`"VNA/CVN"`), without its `Photo :` label. */
  credit: string | null;
  /**
   * `[start, end)` byte offsets into the UTF-8 encoding of the input (not UTF-16 string
   * indices): slice `new TextEncoder().encode(text)` and decode to get the source text.
   */
  span: [number, number];
}

/** Parse options. Every key is optional; unknown keys are a `TypeError`. */
export interface ParseOptions {
  /** Throw a `no_body` error when no body paragraph is found. Default `false`. */
  strict?: boolean;
  /** Inputs longer than this many UTF-8 bytes throw a `too_large` error. Default 64 MiB. */
  maxBytes?: number;
  /** Extra agencies, added to the built-in table: `{ "CPV": ["Dang Cong San"] }`. */
  agencies?: Record<string, string[]>;
}

/** Why a call failed: the `kind` property of every error the functions throw. */
export type ErrorKind =
  | "empty"
  | "too_large"
  | "invalid_utf8"
  | "no_body"
  | "invalid_argument"
  | "internal"
  | (string & {});

/**
 * What the functions throw: an `Error` (named `"DepecheError"` for parse errors, a `TypeError`
 * or `RangeError` for bad arguments) with these extra properties.
 */
export interface DepecheError extends Error {
  kind: ErrorKind;
  /** Byte offset in the UTF-8 input the error refers to (`null` for bad arguments). */
  offset: number | null;
  /** 1-based line of `offset`, when known. */
  line: number | null;
  /** `parseMany` only: the index of the text that failed. */
  index?: number;
}

/** Parse one article. Throws a {@link DepecheError}. */
export function parse(text: string, options?: ParseOptions): Article;

/**
 * Parse many articles with the same options, in order. Throws the error of the first text that
 * fails, with its `index`.
 */
export function parseMany(texts: string[], options?: ParseOptions): Article[];

/**
 * Parse and return the clean reading text: title, lede, subheadings and paragraphs, separated by
 * blank lines (no captions, related links, credits or page chrome).
 */
export function toText(text: string, options?: ParseOptions): string;

/**
 * Parse and return the article as Markdown: `# title`, `**lede**`, `---`, `## headings`,
 * paragraphs, captions, `>> related links`, credits and the source URL.
 */
export function toMarkdown(text: string, options?: ParseOptions): string;

/** The package version. */
export function version(): string;
