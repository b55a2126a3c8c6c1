// OpenAPI descriptions are CommonMark with HTML allowed (OpenAPI's "Rich Text Formatting"), and offices use both:
// TSDR's description is mostly <br /> and <b>. They are rendered with marked, then cleaned by DOMPurify into a DOM
// fragment (RETURN_DOM_FRAGMENT: the markup is parsed in an inert document, never assigned as HTML here) against an
// allow-list of text formatting: no script, style, event handler, form, frame or image survives, and links keep
// only http(s) and mailto targets. The Content-Security-Policy (script-src 'self') would stop an inline script
// anyway; this is the layer that keeps the page as the office wrote it and nothing more.
//
// No event-handler attribute may reach an HTML parser at all, not even DOMPurify's inert one: browsers apply the page's
// CSP the moment a parser sets an on* attribute (the HTML standard's attribute change steps; Chromium logs a
// script-src-attr violation at DOMParser.parseFromString although nothing can ever run there). marked passes raw
// HTML through as `html` tokens, and builds an image's alt attribute from unescaped text (![x" onerror="…](y) becomes
// <img … onerror="…">). So, before anything is parsed: a raw tag that carries an on* attribute is left out (an
// inline html token is one tag as CommonMark's grammar reads it, each attribute after white space; a block of raw
// HTML is read again as inline content so that each of its tags is judged alone, and a malformed tag in it becomes
// text), text is always escaped (also inside raw <pre>/<script>), and an image is shown as its alt text (the
// allow-list has no images). DOMPurify then decides about everything that is left.
// Both libraries come from webjars (org.webjars.npm:marked, :dompurify, versions in gateway/pom.xml).
import { Lexer, Marked } from "/webjars/marked/16.1.1/lib/marked.esm.js";
import "/webjars/dompurify/3.3.1/dist/purify.js"; // UMD: defines globalThis.DOMPurify
import { h } from "./dom.js";

const purify = globalThis.DOMPurify;
const POLICY = {
  ALLOWED_TAGS: ["p", "br", "hr", "strong", "b", "em", "i", "u", "s", "del", "code", "pre", "kbd", "samp", "sup", "sub",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr",
    "th", "td", "span", "div"],
  ALLOWED_ATTR: ["href", "title", "colspan", "rowspan", "start"],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/))/i,
  RETURN_DOM_FRAGMENT: true,
};

// white space, then "on": where an event handler's name starts in a tag (a quoted value that merely contains " on"
// loses its tag too, which costs formatting, never safety)
const HANDLER = /\son/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  walkTokens(token) {
    if (token.type === "html" && token.block) token.tokens = Lexer.lexInline(token.text);
    if (token.type === "text") token.escaped = false;
  },
  renderer: {
    // a description's headings sit under the page's own h1/h2: "# Intro" becomes an h3
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html(token) {
      if (token.block) return this.parser.parseInline(token.tokens);
      return HANDLER.test(token.text) ? "" : token.text;
    },
    image({ tokens }) {
      return this.parser.parseInline(tokens);
    },
  },
});

purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("rel", "noopener noreferrer nofollow");
    if (!(node.getAttribute("href") || "").startsWith("#")) node.setAttribute("target", "_blank");
  }
});

function clean(markup) {
  return purify.sanitize(markup, POLICY);
}

/** A description as formatted text: a div.markdown, empty for no text. */
export function markdown(text, className) {
  const box = h("div", { class: "markdown" + (className ? " " + className : "") });
  if (text) box.append(clean(marked.parse(String(text))));
  return box;
}

const OPEN = "\uE000";
const CLOSE = "\uE001";
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'", "#x2F": "/", "#47": "/" };

/**
 * An Elasticsearch highlight of a description (HTML-escaped source text with <em> marks): the marks become
 * private-use characters, the text is unescaped back to its Markdown and rendered inline like any description,
 * and the marks come back as <mark> elements around the matching text.
 */
export function highlightedMarkdown(snippet, className) {
  const source = String(snippet).replace(/<em>/g, OPEN).replace(/<\/em>/g, CLOSE)
    .replace(/&(amp|lt|gt|quot|#39|#x27|#x2F|#47);/g, (_, name) => ENTITIES[name]);
  const fragment = clean(marked.parseInline(source));
  markBetween(fragment);
  return h("div", { class: "markdown" + (className ? " " + className : "") }, fragment);
}

function markBetween(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  let inside = false;
  for (const node of texts) {
    if (!inside && !/[\uE000\uE001]/.test(node.data)) continue;
    const parts = [];
    for (const part of node.data.split(/([\uE000\uE001])/)) {
      if (part === OPEN) inside = true;
      else if (part === CLOSE) inside = false;
      else if (part) parts.push(inside ? h("mark", {}, part) : document.createTextNode(part));
    }
    node.replaceWith(...parts);
  }
}
