// Builds DOM nodes from data. Text always goes in as text nodes, never as markup: whatever an office registered
// (titles, descriptions, file names) is shown, never run. No string is ever parsed as HTML anywhere in the portal
// (PortalTextsTest in e2e keeps it so).

/**
 * h("a", {href: "#/x", class: "link", onclick: fn}, "text", otherNode, [more, nodes])
 * Attributes are set with setAttribute (so `href` and `aria-*` work alike); `on*` functions become listeners;
 * `text` sets textContent. Children: strings and numbers become text nodes; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = tag.includes(":") ? document.createElementNS("http://www.w3.org/2000/svg", tag.split(":")[1])
    : document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "text") {
      el.textContent = String(value);
    } else if (name === "hidden" || name === "disabled" || name === "checked" || name === "selected"
      || name === "required" || name === "multiple") {
      el[name] = Boolean(value);
    } else if (name === "value") {
      el.value = value;
    } else {
      if (name === "href") checkHref(value);
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Only links the portal makes itself: relative, same-origin or http(s). API data never becomes a javascript: URL. */
function checkHref(value) {
  const text = String(value).trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:/.test(text) && !text.startsWith("http:") && !text.startsWith("https:")
    && !text.startsWith("mailto:")) {
    throw new Error("Refusing link " + value);
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A safe external link (http/https only); anything else is shown as plain text. */
export function externalLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, label || url);
  }
  return document.createTextNode(label || url || "");
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'", "#x2F": "/", "#47": "/" };

/**
 * Elasticsearch highlights are HTML-escaped text with <em> marks. They are turned into text nodes and <mark>
 * elements without ever being parsed as HTML.
 */
export function highlighted(snippet) {
  const parts = String(snippet).split(/(<\/?em>)/);
  const nodes = [];
  let inside = false;
  for (const part of parts) {
    if (part === "<em>") { inside = true; continue; }
    if (part === "</em>") { inside = false; continue; }
    if (!part) continue;
    const text = part.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F|#47);/g, (_, name) => ENTITIES[name]);
    nodes.push(inside ? h("mark", {}, text) : document.createTextNode(text));
  }
  return nodes;
}

/** A table from column definitions: [{label, value: row => node|string, class}] */
export function table(columns, rows, { caption, className, rowClass } = {}) {
  return h("div", { class: "table-wrap" },
    h("table", { class: className || "data" },
      caption ? h("caption", {}, caption) : null,
      h("thead", {}, h("tr", {}, columns.map(c => h("th", { scope: "col", class: c.class }, c.label)))),
      h("tbody", {}, rows.map(row => h("tr", { class: rowClass ? rowClass(row) : null },
        columns.map(c => h("td", { class: c.class }, c.value(row))))))));
}

/** A labelled form control: h-built input inside <label>-linked wrapper. */
let ids = 0;
export function field(label, control, hint) {
  const id = control.id || ("f" + (++ids));
  control.id = id;
  const hintId = hint ? id + "-hint" : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h("div", { class: "field" }, h("label", { for: id }, label), control,
    hint ? h("p", { class: "hint", id: hintId }, hint) : null);
}

export function formatNumber(n, lang) {
  if (n === null || n === undefined) return "—";
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en").format(n);
}

export function formatDate(iso, lang) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB",
    { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return "—";
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return value.toFixed(unit === 0 ? 0 : 1) + " " + units[unit];
}
