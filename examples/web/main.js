// The depeche demo: paste an article, see its fields and its clean text.
// Parsed text is only ever inserted with textContent (never innerHTML), and a source URL becomes
// a link only when it is http(s).
import init, { parse, toText, version } from "./pkg/web/depeche.js";

const $ = (id) => document.getElementById(id);
const input = $("input");
const status = $("status");
const errorBox = $("error");

// A short article in the layout of the dumps (a made-up text).
const EXAMPLE = `Vietnam.vn - Nền tảng quảng bá Việt Nam

Le Vietnam et le Laos renforcent leur coopération numérique

Les deux pays ont signé mardi à Vientiane un accord sur la transformation numérique des services publics.

VietnamPlusVietnamPlus12/03/2025

Vientiane (VNA) - Le ministre vietnamien de l'Information et de la Communication et son homologue lao ont signé le 11 mars un mémorandum de coopération dans le numérique.

Le document prévoit des échanges d'experts et la formation de 500 fonctionnaires lao.

Une coopération de longue date

Les deux parties ont salué les résultats obtenus depuis 2020 dans les télécommunications.

(VNA/Vietnam+)

Source : https://www.vietnamplus.vn/exemple.vnp

Comment (0)

Laissez un commentaire pour partager vos ressentis !`;

/** Put `value` in the element as text; null or "" leaves it empty (shown as a dash). */
function showText(id, value) {
  $(id).textContent = value ?? "";
}

/** Replace the element's children by one <span class=...> per item, as text. */
function showChips(id, items, className) {
  $(id).replaceChildren(
    ...items.map((item) => {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = item;
      return span;
    }),
  );
}

/** A link for http(s) URLs only; anything else is shown as plain text. */
function showUrl(id, url) {
  const dd = $(id);
  dd.replaceChildren();
  if (!url) return;
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    // not a URL: shown as text below
  }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
    const a = document.createElement("a");
    a.href = parsed.href;
    a.rel = "noopener noreferrer nofollow";
    a.target = "_blank";
    a.textContent = url;
    dd.append(a);
  } else {
    dd.textContent = url;
  }
}

function showList(id, items) {
  const ul = document.createElement("ul");
  ul.className = "plain";
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    ul.append(li);
  }
  $(id).replaceChildren(...(items.length ? [ul] : []));
}

function clearAll() {
  for (const id of ["title", "lede", "byline", "date", "category", "site", "counts", "clean"]) showText(id, null);
  for (const id of ["credits", "agencies", "source", "boilerplate", "warnings"]) $(id).replaceChildren();
  errorBox.hidden = true;
  errorBox.textContent = "";
}

function render() {
  const text = input.value;
  clearAll();
  if (!text.trim()) return;
  let article;
  let clean;
  try {
    article = parse(text);
    clean = toText(text);
  } catch (e) {
    errorBox.textContent = `${e.message}${e.kind ? ` (${e.kind})` : ""}`;
    errorBox.hidden = false;
    return;
  }
  showText("title", article.title);
  showText("lede", article.lede);
  showText("byline", article.byline);
  showText("date", article.date);
  showText("category", article.category);
  showText("site", article.site);
  showChips("credits", article.credits.map((c) => c.text), "credit");
  showChips("agencies", article.agencies, "agency");
  showUrl("source", article.source_url);
  const count = (kind, one, many) => {
    const n = article.body.filter((b) => b.kind === kind).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  showText(
    "counts",
    [
      count("paragraph", "paragraph", "paragraphs"),
      count("heading", "heading", "headings"),
      count("caption", "caption", "captions"),
      count("related", "related link", "related links"),
    ].join(", "),
  );
  showList("boilerplate", article.boilerplate);
  showList("warnings", article.warnings);
  showText("clean", clean);
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(render, 120);
});
$("example").addEventListener("click", () => {
  input.value = EXAMPLE;
  render();
});
$("clear").addEventListener("click", () => {
  input.value = "";
  render();
  input.focus();
});

try {
  await init();
  status.textContent = `depeche ${version()} ready.`;
  document.body.dataset.ready = "true";
  render();
} catch (e) {
  status.textContent = `Could not load the parser: ${e.message}`;
  document.body.dataset.ready = "error";
}
